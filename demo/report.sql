-- demo/report.sql - the recording report over the sample tables
-- (demo/schema.sql), as plain text: the answer first, then the detail.
--
-- demo/run runs it with psql after loading the tables:
--   psql -X -q -v outdir=demo/out -v mse_lists=... -v mse_count=... -v mse_names=... -f demo/report.sql
-- and with -e (make demo VERBOSE=1) so that every query is printed too.
-- Each section that needs a function of recording_gap 0.2.0 checks that
-- the function is installed and otherwise says which one it needs.
--
-- The figures come from three tables demo/schema.sql builds:
--   force_year_stats(force, nation, region, area, area_order, financial_year, s)
--   force_quarter_stats(force, nation, region, area, area_order, quarter, s)
--   force_stats: force_year_stats of 2015-16.

\set ON_ERROR_STOP on
\pset format unaligned
\pset tuples_only on
\pset footer off

-- The report's bar: a force "fails to record" when its whole 95% interval,
-- counting its unknown referrals both ways, lies below half of its
-- referrals.  The standard (every referral that meets the Home Office
-- Counting Rules is recorded) is shown beside it as 95%.
\set threshold 0.5
\set standard 0.95
\set latest '''2016-17'''
\set earlier '''2015-16'''
\if :{?outdir}
\else
\set outdir demo/out
\endif

-- Formatting: percent to one decimal place, counts with separators.
CREATE FUNCTION pg_temp.pct(x double precision) RETURNS text LANGUAGE sql IMMUTABLE
	AS $$ SELECT CASE WHEN x IS NULL OR x = 'NaN' THEN '-'
					  ELSE to_char(round((100 * x)::numeric, 1), 'FM990.0') || '%' END $$;
CREATE FUNCTION pg_temp.num(n double precision) RETURNS text LANGUAGE sql IMMUTABLE
	AS $$ SELECT to_char(round(n::numeric), 'FM999,999,999,990') $$;
CREATE FUNCTION pg_temp.pts(d double precision) RETURNS text LANGUAGE sql IMMUTABLE
	AS $$ SELECT CASE WHEN d IS NULL THEN '-'
					  ELSE to_char(round((100 * d)::numeric, 1), 'FMSG990.0') END $$;
CREATE FUNCTION pg_temp.pval(p double precision) RETURNS text LANGUAGE sql IMMUTABLE
	AS $$ SELECT CASE WHEN p IS NULL THEN 'n/a' WHEN p < 0.001 THEN '<0.001'
					  ELSE to_char(p, 'FM0.000') END $$;
-- 'A', 'A and B', 'A, B and C'
CREATE FUNCTION pg_temp.names(a text[]) RETURNS text LANGUAGE sql IMMUTABLE
	AS $$ SELECT CASE coalesce(cardinality(a), 0) WHEN 0 THEN 'none' WHEN 1 THEN a[1]
					  ELSE array_to_string(a[1:cardinality(a) - 1], ', ') || ' and ' || a[cardinality(a)] END $$;
-- A paragraph broken into lines of at most `width` characters, each after `indent`.
CREATE FUNCTION pg_temp.wrap(t text, indent text DEFAULT '  ', width int DEFAULT 116)
	RETURNS text LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
	w text;
	line text := '';
	res text := '';
BEGIN
	FOREACH w IN ARRAY regexp_split_to_array(t, '\s+') LOOP
		IF line <> '' AND length(indent) + length(line) + 1 + length(w) > width THEN
			res := res || indent || line || E'\n';
			line := w;
		ELSIF line = '' THEN
			line := w;
		ELSE
			line := line || ' ' || w;
		END IF;
	END LOOP;
	RETURN res || indent || line;
END $$;

-- Which functions this build has.
CREATE FUNCTION pg_temp.has(fn text, nargs int DEFAULT 0) RETURNS boolean LANGUAGE sql STABLE
	AS $$ SELECT EXISTS (SELECT FROM pg_catalog.pg_proc p
						 JOIN pg_catalog.pg_depend d ON d.classid = 'pg_proc'::regclass
							  AND d.objid = p.oid AND d.deptype = 'e'
						 JOIN pg_catalog.pg_extension e ON e.oid = d.refobjid
						 WHERE e.extname = 'recording_gap' AND p.proname = fn
						   AND p.pronargs >= nargs) $$;
SELECT pg_temp.has('ci_bounds_lower') AND pg_temp.has('ci_bounds_upper') AS has_bounds,
	   pg_temp.has('recording_verdict', 3) AS has_verdict3,
	   pg_temp.has('funnel_tau2') AND pg_temp.has('funnel_position_tau2')
		   AND pg_temp.has('funnel_lower_tau2') AS has_tau2,
	   pg_temp.has('funnel_lower_phi') AS has_lower_phi,
	   pg_temp.has('change_lower') AND pg_temp.has('change_upper') AS has_newcombe,
	   pg_temp.has('p_adjust') AS has_p_adjust,
	   pg_temp.has('trend_p_value') AS has_trend_p,
	   pg_temp.has('recording_trend') AS has_trend,
	   pg_temp.has('funnel_plot_svg') AS has_funnel_svg,
	   pg_temp.has('ratio_chart_svg') AS has_chart_svg,
	   pg_temp.has('mse_fit') AS has_mse,
	   pg_temp.has('mse_status') AS has_mse_status,
	   pg_temp.has('mse_fit', 4) AS has_mse_names,
	   EXISTS (SELECT FROM pg_catalog.pg_enum e JOIN pg_catalog.pg_type t ON t.oid = e.enumtypid
			   WHERE t.typname = 'funnel_position' AND e.enumlabel = 'undetermined') AS has_undetermined,
	   EXISTS (SELECT FROM pg_catalog.pg_enum e JOIN pg_catalog.pg_type t ON t.oid = e.enumtypid
			   WHERE t.typname = 'recording_change' AND e.enumlabel = 'undetermined') AS has_change_undetermined
\gset
\if :{?has_ukdat}
\else
\set has_ukdat false
\endif

-- Interval limits that allow for unknowns (worst-case lower, best-case upper).
\if :has_bounds
\set ci_lo 'ci_bounds_lower(s, 0.95)'
\set ci_hi 'ci_bounds_upper(s, 0.95)'
\else
\set ci_lo 'NULL::float8'
\set ci_hi 'NULL::float8'
\endif

-- The summaries the sections share: one per area and year, and the
-- England and Wales rate of the latest year (the funnel's target).
CREATE TEMPORARY TABLE area_year AS
	SELECT financial_year, area, area_order, rollup(s) AS s,
		   array_agg(force ORDER BY force) FILTER (WHERE unknown(s) > 0) AS unknown_forces
	FROM force_year_stats
	GROUP BY financial_year, area, area_order;

SELECT recording_ratio(s) AS target, pg_temp.pct(recording_ratio(s)) AS target_pct
FROM area_year WHERE area = 'England and Wales' AND financial_year = :latest
\gset

\echo '===================================================================================================================='
\echo ' Modern slavery: referrals to the National Referral Mechanism and the crimes recorded for them, 2015-16 and 2016-17'
\echo '===================================================================================================================='
\echo '  Sample data (data/README.md): the national totals are the published ones; the split between forces is synthetic.'
\echo '  A referral counts as recorded when a crime record carries its NRM reference, or the victim''s key within 90 days'
\echo '  (doc/linkage.md).  Its outcome is unknown when the force''s crime records could not be linked at all.'
\echo ''
\echo '1. The headline'
\echo '---------------'
SELECT format('  %s', financial_year) || E'\n' ||
	   string_agg(format('    %-26s %6s referrals %6s recorded %7s   95%% interval %6s to %6s   %s',
						 area, pg_temp.num(referrals(s)), pg_temp.num(recorded(s)),
						 pg_temp.pct(recording_ratio(s)), pg_temp.pct(:ci_lo), pg_temp.pct(:ci_hi),
						 format('%s unknown', pg_temp.num(unknown(s))))
					  || CASE WHEN unknown(s) = 0 THEN ''
					  ELSE E'\n' || pg_temp.wrap(format(
							'%s referrals (%s) have no known outcome: %s could not link their crime records to '
							'referrals.  Counted as not recorded they give %s (the published figure); counted as '
							'recorded, %s.  The interval spans both.',
							pg_temp.num(unknown(s)), pg_temp.pct(unknown(s)::float8 / referrals(s)),
							pg_temp.names(unknown_forces), pg_temp.pct(recording_ratio(s)),
							pg_temp.pct(ratio_bounds_upper(s))), '      ') END,
					  E'\n' ORDER BY area_order)
FROM area_year
GROUP BY financial_year
ORDER BY financial_year
\g
\if :has_bounds
\else
\echo '  (needs recording_gap 0.2.0 function ci_bounds_lower / ci_bounds_upper: the intervals that allow for unknowns)'
\endif
SELECT pg_temp.wrap(format('England and Wales recorded %s crimes for %s referrals in %s, against %s for %s in %s: '
						   '%s times as many crimes (%s), for %s more referrals.',
						   pg_temp.num(recorded(b.s)), pg_temp.num(referrals(b.s)), b.financial_year,
						   pg_temp.num(recorded(a.s)), pg_temp.num(referrals(a.s)), a.financial_year,
						   to_char(recorded(b.s)::numeric / recorded(a.s), 'FM990.00'),
						   pg_temp.pts(recorded(b.s)::float8 / recorded(a.s) - 1) || '%',
						   pg_temp.pct(referrals(b.s)::float8 / referrals(a.s) - 1)))
FROM area_year a JOIN area_year b USING (area)
WHERE area = 'England and Wales' AND a.financial_year = :earlier AND b.financial_year = :latest;

\echo ''
\echo '2. Forces that fail to record, 2016-17'
\echo '--------------------------------------'
\if :has_verdict3
\set verdict_below 'recording_verdict(s, :threshold, 0.95)::text = ''below'''
\else
\set verdict_below 'false'
\endif
\if :has_verdict3
SELECT pg_temp.wrap(format('Below the bar beyond chance: forces whose whole 95%% interval (Wilson), counting unknown '
						   'referrals both ways, lies below %s of referrals recorded (recording_verdict(s, %s, 0.95) '
						   '= ''below''; the bar is set at the top of demo/report.sql).  %s of %s forces of England and Wales:',
						   pg_temp.pct(:threshold), :threshold,
						   count(*) FILTER (WHERE recording_verdict(s, :threshold, 0.95)::text = 'below'),
						   count(*)))
FROM force_year_stats WHERE financial_year = :latest AND area = 'England and Wales';
SELECT format('    %-24s %8s %9s %7s   %-16s  %s', 'force', 'recorded', 'referrals', 'ratio', '95% interval', 'why listed');
SELECT format('    %-24s %8s %9s %7s   %-16s  %s', force, pg_temp.num(recorded(s)), pg_temp.num(referrals(s)),
			  pg_temp.pct(recording_ratio(s)), lpad(pg_temp.pct(:ci_lo), 5) || ' to ' || lpad(pg_temp.pct(:ci_hi), 5),
			  'upper limit ' || pg_temp.pct(:ci_hi) || ' < ' || pg_temp.pct(:threshold))
FROM force_year_stats
WHERE financial_year = :latest AND area = 'England and Wales'
  AND recording_verdict(s, :threshold, 0.95)::text = 'below'
ORDER BY recording_ratio(s), force;
SELECT pg_temp.wrap(CASE WHEN count(*) = 0
						 THEN 'Every force whose ratio is under ' || pg_temp.pct(:threshold) || ' is on the list: '
							  'each has enough referrals for its interval to stay below the bar.'
						 ELSE 'Not listed although their ratio is under ' || pg_temp.pct(:threshold) ||
							  ', because their interval reaches it (too few referrals to tell, or unknowns): ' ||
							  pg_temp.names(array_agg(format('%s (%s of %s, interval up to %s)', force,
															 recorded(s), referrals(s), pg_temp.pct(:ci_hi))
													  ORDER BY force)) || '.' END)
FROM force_year_stats
WHERE financial_year = :latest AND area = 'England and Wales'
  AND recording_ratio(s) < :threshold AND recording_verdict(s, :threshold, 0.95)::text <> 'below';
SELECT pg_temp.wrap(format('For comparison: %s of %s forces were below the bar beyond chance in %s, and %s could not be '
						   'judged because their outcomes were unknown (%s).  Against the %s standard, %s %s forces are '
						   'below beyond chance in %s.',
						   count(*) FILTER (WHERE financial_year = :earlier
											AND recording_verdict(s, :threshold, 0.95)::text = 'below'),
						   count(*) FILTER (WHERE financial_year = :earlier),
						   :earlier,
						   count(*) FILTER (WHERE financial_year = :earlier
											AND recording_verdict(s, :threshold, 0.95)::text = 'undetermined'
											AND unknown(s) > 0),
						   pg_temp.names(array_agg(force ORDER BY force)
										 FILTER (WHERE financial_year = :earlier AND unknown(s) > 0)),
						   pg_temp.pct(:standard),
						   CASE WHEN count(*) FILTER (WHERE financial_year = :latest
													  AND recording_verdict(s, :standard, 0.95)::text = 'below')
									 = count(*) FILTER (WHERE financial_year = :latest) THEN 'all'
								ELSE count(*) FILTER (WHERE financial_year = :latest
													  AND recording_verdict(s, :standard, 0.95)::text = 'below')
									 || ' of' END,
						   count(*) FILTER (WHERE financial_year = :latest),
						   :latest))
FROM force_year_stats WHERE area = 'England and Wales';
\else
\echo '  (needs recording_gap 0.2.0 function recording_verdict(s, threshold, level): below the bar beyond chance)'
\endif
\echo ''
-- The funnel: England and Wales forces only, around their own rate,
-- with limits widened for overdispersion.
-- FunnelPlotR's additive tau2 when this build has it (with
-- funnel_position_tau2), else the multiplicative phi.
\if :has_tau2
SELECT funnel_tau2(s, :target) AS tau2 FROM force_year_stats
WHERE financial_year = :latest AND area = 'England and Wales'
\gset
\set od_json 'jsonb_build_object(''tau2'', ' :tau2 ')'
\set position 'funnel_position_tau2(s, :target, :tau2, 0.998)::text'
\set lower_limit 'funnel_lower_tau2(referrals(s), :target, :tau2, 0.998)'
SELECT format('random-effects tau2 = %s, funnel_tau2 as in FunnelPlotR',
			  to_char(:tau2::float8, 'FM990.00')) AS od_text
\gset
\else
SELECT funnel_phi(s, :target) AS phi FROM force_year_stats
WHERE financial_year = :latest AND area = 'England and Wales'
\gset
\set position 'funnel_position(s, :target, 0.998, :phi)::text'
\if :has_lower_phi
\set lower_limit 'funnel_lower_phi(referrals(s), :target, :phi, 0.998)'
\else
\set lower_limit 'NULL::float8'
\endif
\set od_json 'jsonb_build_object(''phi'', ' :phi ')'
SELECT format('overdispersion phi = %s, funnel_phi; funnel_tau2 needs recording_gap 0.2.0',
			  to_char(:phi::float8, 'FM990.00')) AS od_text
\gset
\endif
SELECT pg_temp.wrap(format('Outliers of the funnel: forces of England and Wales beyond the 99.8%% limits around their '
						   'national rate of %s, with the limits widened for the spread between forces (%s).  %s of %s '
						   'forces lie below the funnel:', :'target_pct', :'od_text',
						   count(*) FILTER (WHERE :position = 'low'), count(*)))
FROM force_year_stats WHERE financial_year = :latest AND area = 'England and Wales';
SELECT format('    %-24s %8s %9s %7s   %s', 'force', 'recorded', 'referrals', 'ratio', 'why listed');
SELECT format('    %-24s %8s %9s %7s   %s', force, pg_temp.num(recorded(s)), pg_temp.num(referrals(s)),
			  pg_temp.pct(recording_ratio(s)),
			  'below the widened 99.8% limit'
			  || CASE WHEN (:lower_limit) IS NOT NULL THEN ' of ' || pg_temp.pct(:lower_limit) ELSE '' END)
FROM force_year_stats
WHERE financial_year = :latest AND area = 'England and Wales' AND :position = 'low'
ORDER BY recording_ratio(s), force;
SELECT pg_temp.wrap('Not listed: below the plain 99.8% limit but inside it once the spread between forces is allowed '
					'for: ' || pg_temp.names(array_agg(force ORDER BY force)
											 FILTER (WHERE funnel_position(s, :target)::text = 'low'
													 AND :position <> 'low')) ||
					'.  Undetermined because of unknowns: ' ||
					pg_temp.names(array_agg(force ORDER BY force) FILTER (WHERE :position = 'undetermined')) ||
					'.  Above the funnel: ' ||
					pg_temp.names(array_agg(force ORDER BY force) FILTER (WHERE :position = 'high')) || '.')
FROM force_year_stats WHERE financial_year = :latest AND area = 'England and Wales';
\echo ''
\if :has_verdict3
\set verdict_text 'CASE recording_verdict(s, :threshold, 0.95)::text WHEN ''below'' THEN ''below the bar'' WHEN ''meets'' THEN ''meets the bar'' ELSE ''undetermined'' END'
\else
\set verdict_text ''''''
\endif
\echo '  Beside the funnel, not on it (other nations record under other rules, and BTP is not a territorial force),'
\echo '  with their verdict against the bar:'
SELECT format('    %-34s %5s of %5s  %7s   95%% interval %5s to %6s   %s', force,
			  pg_temp.num(recorded(s)), pg_temp.num(referrals(s)), pg_temp.pct(recording_ratio(s)),
			  pg_temp.pct(:ci_lo), pg_temp.pct(:ci_hi),
			  :verdict_text)
FROM force_year_stats
WHERE financial_year = :latest AND area <> 'England and Wales'
ORDER BY area_order;

\echo ''
\echo '3. Change from 2015-16 to 2016-17, per force'
\echo '--------------------------------------------'
-- One row per force: both years, the difference in percentage points
-- with its 95% interval (Newcombe's hybrid score; with unknowns, from the
-- least to the most favourable resolution), the p-value of the change
-- (NULL when a year has unknowns), adjusted across the forces by
-- Benjamini-Hochberg, and the bound-aware verdict at 5%.
-- The p-value of the change is NULL when a year has unknowns (its value
-- would depend on how they resolve): so 0.2.0's change_p_value, and so
-- here for an older build too.  The verdict is bound-aware only in 0.2.0.
\set p_change 'CASE WHEN unknown(a.s) + unknown(b.s) = 0 THEN change_p_value(a.s, b.s) END'
\if :has_change_undetermined
\set change_verdict 'recording_change(a.s, b.s)::text'
\else
\set change_verdict 'CASE WHEN unknown(a.s) + unknown(b.s) = 0 THEN recording_change(a.s, b.s)::text ELSE ''no verdict'' END'
\endif
\if :has_newcombe
\set change_ci 'lpad(pg_temp.pts(change_lower(a.s, b.s, 0.95)), 5) || '' to '' || lpad(pg_temp.pts(change_upper(a.s, b.s, 0.95)), 5)'
\else
\set change_ci '''-'''
\echo '  (needs recording_gap 0.2.0 functions change_lower / change_upper: the Newcombe interval of the change)'
\endif
\if :has_p_adjust
\set p_bh 'p_adjust(:p_change, ''BH'') OVER ()'
\else
\set p_bh 'NULL::float8'
\echo '  (needs recording_gap 0.2.0 function p_adjust: p-values adjusted across forces)'
\endif
CREATE TEMPORARY TABLE change AS
	SELECT force, a.area_order, a.s AS before, b.s AS after,
		   recording_ratio(b.s) - recording_ratio(a.s) AS diff,
		   :change_ci AS ci,
		   :p_change AS p,
		   :p_bh AS p_bh,
		   :change_verdict AS verdict
	FROM force_year_stats a
	JOIN force_year_stats b USING (force)
	WHERE a.financial_year = :earlier AND b.financial_year = :latest;
SELECT format('  %-24s %14s %14s %7s %-14s %6s %6s  %s', 'force', '2015-16', '2016-17', 'change', '  95% interval',
			  'p', 'BH p', 'result');
SELECT format('  %-24s %14s %14s %7s %-14s %6s %6s  %s',
			  CASE force WHEN 'Police Service of Northern Ireland' THEN 'PSNI (Northern Ireland)' ELSE force END,
			  format('%7s %s', recorded(before) || '/' || referrals(before),
					 CASE WHEN unknown(before) > 0 THEN lpad('?', 6) ELSE lpad(pg_temp.pct(recording_ratio(before)), 6) END),
			  format('%7s %s', recorded(after) || '/' || referrals(after), lpad(pg_temp.pct(recording_ratio(after)), 6)),
			  CASE WHEN unknown(before) + unknown(after) > 0 THEN '?' ELSE pg_temp.pts(diff) END,
			  ci, pg_temp.pval(p), pg_temp.pval(p_bh),
			  CASE WHEN p IS NULL THEN replace(verdict, '_', ' ') || ' (unknowns)'
				   WHEN p_bh < 0.05 AND diff > 0 THEN 'improved'
				   WHEN p_bh < 0.05 AND diff < 0 THEN 'worsened'
				   WHEN p_bh IS NULL THEN replace(verdict, '_', ' ') || ' (unadj.)'
				   ELSE 'no clear change' END)
FROM change
ORDER BY area_order, unknown(before) + unknown(after) > 0, diff DESC, force;
\if :has_p_adjust
SELECT pg_temp.wrap(format('The change survives the adjustment for %s forces tested at once (Benjamini-Hochberg, '
						   'adjusted p < 0.05) in %s forces.  Improved (%s): %s.  Worsened (%s): %s.  No clear change: %s.',
						   count(p), count(*) FILTER (WHERE p_bh < 0.05),
						   count(*) FILTER (WHERE p_bh < 0.05 AND diff > 0),
						   pg_temp.names(array_agg(force ORDER BY force) FILTER (WHERE p_bh < 0.05 AND diff > 0)),
						   count(*) FILTER (WHERE p_bh < 0.05 AND diff < 0),
						   pg_temp.names(array_agg(force ORDER BY force) FILTER (WHERE p_bh < 0.05 AND diff < 0)),
						   pg_temp.names(array_agg(force ORDER BY force) FILTER (WHERE p_bh >= 0.05))))
FROM change;
\endif
SELECT pg_temp.wrap(format('Change in percentage points.  "?" marks a year with unknown outcomes: %s could not link their records in %s, so no '
						   'p-value is given; their change is judged at both extremes of the unknowns (%s).',
						   pg_temp.names(array_agg(force ORDER BY force)),
						   :earlier, string_agg(DISTINCT verdict, ', ')))
FROM change WHERE unknown(before) + unknown(after) > 0;

\echo ''
\echo '4. The trend over eight quarters (ratio recorded per quarter of referral)'
\echo '-------------------------------------------------------------------------'
-- Series: England and Wales; the same over the forces linked throughout
-- (every outcome known, so the test has a p-value); the four largest forces.
CREATE TEMPORARY TABLE trend_rows AS
	SELECT 1 AS k, 'England and Wales' AS series, quarter, rollup(s) AS s
	FROM force_quarter_stats WHERE area = 'England and Wales' GROUP BY quarter
	UNION ALL
	SELECT 2, 'E&W, forces linked throughout', quarter, rollup(s)
	FROM force_quarter_stats q
	WHERE area = 'England and Wales'
	  AND NOT EXISTS (SELECT FROM force_year_stats y WHERE y.force = q.force AND unknown(y.s) > 0)
	GROUP BY quarter
	UNION ALL
	SELECT 2 + r.rank, q.force, q.quarter, q.s
	FROM force_quarter_stats q
	JOIN (SELECT force, rank() OVER (ORDER BY sum(referrals(s)) DESC, force) AS rank
		  FROM force_year_stats WHERE area = 'England and Wales' GROUP BY force) r USING (force)
	WHERE r.rank <= 4;
\if :has_trend
\set trend_expr 'recording_trend(score, s)::text'
\else
\set trend_expr '''-'''
\echo '  (needs recording_gap 0.2.0 aggregate recording_trend(score, s): the bound-aware trend)'
\endif
\if :has_trend_p
\set trend_p 'trend_p_value(score, s)'
\else
\set trend_p 'NULL::float8'
\echo '  (needs recording_gap 0.2.0 aggregate trend_p_value(score, s): the test for a linear trend)'
\endif
SELECT format('  %-30s %s  %-13s %s', '', string_agg(lpad(to_char(quarter, 'Mon YY'), 7), '' ORDER BY quarter),
			  'trend', 'p (trend)')
FROM (SELECT DISTINCT quarter FROM trend_rows) q;
SELECT format('  %-30s %s  %-13s %s', series, string_agg(lpad(pg_temp.pct(recording_ratio(s))
															 || CASE WHEN unknown(s) > 0 THEN '?' ELSE ' ' END, 7),
														 '' ORDER BY quarter),
			  :trend_expr, pg_temp.pval(:trend_p))
FROM (SELECT k, series, quarter, s, dense_rank() OVER (ORDER BY quarter)::float8 AS score FROM trend_rows) t
GROUP BY k, series
ORDER BY k;
\echo '  "?": the quarter has referrals with unknown outcomes; the trend is then judged at both extremes and has no p-value.'

\echo ''
\echo '5. The dark figure: how many victims the lists probably missed'
\echo '--------------------------------------------------------------'
\if :has_mse
\if :has_ukdat
-- Multiple systems estimation over the five lists behind the Home Office
-- estimate for 2013 (data/ukdat_5.csv, data/README-capture.md); the model
-- is chosen stepwise by mse_fit.  Its terms name lists by their position
-- in the array; they are given here the lists' names.
CREATE TEMPORARY TABLE list_names (code text PRIMARY KEY, name text);
INSERT INTO list_names VALUES ('LA', 'local authorities'), ('NG', 'NGOs'),
	('PF', 'police'), ('PFNCA', 'police and NCA'), ('NCA', 'National Crime Agency'),
	('GO', 'government'), ('GP', 'general public');
-- With named lists (recording_gap 0.2.0), mse_model prints the names itself.
\if :has_mse_names
CREATE TEMPORARY TABLE mse AS
	SELECT mse_fit(:mse_lists, (:mse_count)::bigint, 'stepwise', string_to_array(:'mse_names', ',')) AS m FROM ukdat;
\else
CREATE TEMPORARY TABLE mse AS
	SELECT mse_fit(:mse_lists, (:mse_count)::bigint) AS m FROM ukdat;
\endif
CREATE FUNCTION pg_temp.term_names(model text, codes text[]) RETURNS text LANGUAGE sql STABLE AS $$
	SELECT string_agg((SELECT string_agg(coalesce(n.name, c.code), ' × ' ORDER BY o)
					   FROM unnest(string_to_array(t, ':')) WITH ORDINALITY u(i, o)
					   CROSS JOIN LATERAL (SELECT CASE WHEN btrim(i) ~ '^[0-9]+$' THEN codes[btrim(i)::int]
													   ELSE btrim(i) END AS code) c
					   LEFT JOIN list_names n ON n.code = c.code), '; ' ORDER BY k)
	FROM unnest(regexp_split_to_array(btrim(model, '[] '), ',\s*')) WITH ORDINALITY v(t, k)
	WHERE t <> ''
$$;
SELECT pg_temp.wrap(format('Five lists knew of %s people in 2013.  Capture-recapture (mse_fit) estimates %s potential '
						   'victims in all (95%% interval %s to %s): the lists saw about %s in %s, and missed some %s.  '
						   'The model adds to the five lists the pairs that overlap more or less than chance: %s.',
						   pg_temp.num(mse_observed(m)), pg_temp.num(mse_estimate(m)),
						   pg_temp.num(mse_lower(m)), pg_temp.num(mse_upper(m)),
						   'one', (ARRAY['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'])
								  [round(mse_estimate(m) / mse_observed(m))::int],
						   pg_temp.num(mse_unobserved(m)),
						   pg_temp.term_names(mse_model(m), string_to_array(:'mse_names', ','))))
FROM mse;
\if :has_mse_status
SELECT '  Fit status (mse_status): ' || coalesce(mse_status(m), 'ok') FROM mse;
\endif
SELECT '  The Home Office put the number at 10,000 to 13,000 from the same lists.';
\else
\echo '  (data/ukdat_5.csv is not in this checkout: no estimate)'
\endif
\else
\echo '  (needs recording_gap function mse_fit)'
\endif

\echo ''
\echo '6. Pictures'
\echo '-----------'
\if :has_funnel_svg
-- With options (recording_gap 0.2.0), the limits are widened as in section 2.
SELECT pg_temp.has('funnel_plot_svg', 5) AS has_funnel_options
\gset
\if :has_funnel_options
\set funnel_options ', ' :od_json
\else
\set funnel_options ''
\endif
\o :outdir/funnel-2016-17.svg
SELECT funnel_plot_svg(force, s, :target,
					   'England and Wales forces, 2016-17: share of NRM referrals recorded as crimes'
					   :funnel_options)
FROM force_year_stats
WHERE financial_year = :latest AND area = 'England and Wales';
\o
SELECT format('  %s/funnel-2016-17.svg: the funnel plot of the 43 forces of England and Wales, 2016-17', :'outdir');
\else
\echo '  (needs recording_gap 0.2.0 aggregate funnel_plot_svg: the funnel plot)'
\endif
\if :has_chart_svg
\o :outdir/trend.svg
SELECT ratio_chart_svg(quarter, s, series, :threshold) FROM trend_rows WHERE k <> 2;
\o
SELECT format('  %s/trend.svg: the ratio per quarter, England and Wales and the four largest forces', :'outdir');
\else
\echo '  (needs recording_gap 0.2.0 aggregate ratio_chart_svg: the trend chart)'
\endif

\echo ''
\echo '7. What the figures say, and what they cannot'
\echo '----------------------------------------------'
SELECT pg_temp.wrap(format('In %s the forces of England and Wales recorded a crime for %s of the referrals made in their '
						   'area (%s of %s); in %s for %s (%s of %s).  Most forces improved, but not all: the change '
						   'table names the forces that did, and those that did not or got worse.  Northern Ireland '
						   'recorded every referral in both years; Scotland records only after a positive '
						   'conclusive-grounds decision, so its figure is not comparable.',
						   :earlier, pg_temp.pct(recording_ratio(a.s)), pg_temp.num(recorded(a.s)),
						   pg_temp.num(referrals(a.s)), :latest, pg_temp.pct(recording_ratio(b.s)),
						   pg_temp.num(recorded(b.s)), pg_temp.num(referrals(b.s))))
FROM area_year a JOIN area_year b USING (area)
WHERE area = 'England and Wales' AND a.financial_year = :earlier AND b.financial_year = :latest;
SELECT pg_temp.wrap(format('In %s, %s.  Below the funnel of England and Wales, once the spread between forces is '
						   'allowed for: %s.  %s.',
						   :latest,
						   CASE WHEN :'has_verdict3'::boolean
								THEN (SELECT format('%s of 43 forces recorded under %s of their referrals beyond chance '
													'(%s)', count(*), pg_temp.pct(:threshold),
													pg_temp.names(array_agg(force ORDER BY force)))
									  FROM force_year_stats y
									  WHERE financial_year = :latest AND area = 'England and Wales'
										AND :verdict_below)
								ELSE 'the verdict against the bar needs recording_gap 0.2.0' END,
						   pg_temp.names(array_agg(force ORDER BY force) FILTER (WHERE :position = 'low')),
						   (SELECT CASE WHEN NOT :'has_p_adjust'::boolean
										THEN 'Which changes hold across all the forces tested needs recording_gap 0.2.0'
										WHEN count(*) = 0 THEN 'No force recorded a significantly smaller share than in '
															   || :earlier
										ELSE 'Recording a smaller share than in ' || :earlier || ', beyond chance '
											 'across all the forces tested: ' || pg_temp.names(array_agg(force ORDER BY force))
								   END
							FROM change WHERE p_bh < 0.05 AND diff < 0)))
FROM force_year_stats WHERE financial_year = :latest AND area = 'England and Wales';
SELECT pg_temp.wrap('What they cannot say: why a referral was not recorded (no crime disclosed, a crime recorded under '
					'another offence, or a link missed because the record lacks the NRM reference and the victim''s '
					'key); the split between forces in this sample is synthetic, so no force should be judged on it; '
					'referrals whose outcome is unknown are never guessed, so a force that could not link its records '
					'gets no verdict; and the capture-recapture estimate rests on its model (lists that overlap in '
					'ways the model does not capture move it).');
\echo '  To reproduce: load the tables with demo/schema.sql and run the queries of demo/report.sql in psql'
\echo '  (make demo VERBOSE=1 prints each of them with its result).'
