-- demo/report.sql - the per-force report over the sample tables.
-- Run by demo/run with psql -e, so every query is printed before its
-- result.  Sections that need functions missing from the installed build
-- are skipped with a note.

\set ECHO none
\pset footer off
SELECT to_regprocedure('ci_lower(recording_stats)') IS NOT NULL
	   OR EXISTS (SELECT FROM pg_proc WHERE proname = 'ci_lower') AS has_ci,
	   EXISTS (SELECT FROM pg_proc WHERE proname = 'recording_verdict') AS has_verdict,
	   EXISTS (SELECT FROM pg_proc WHERE proname = 'funnel_position') AS has_funnel,
	   EXISTS (SELECT FROM pg_proc WHERE proname = 'funnel_lower') AS has_funnel_limits,
	   EXISTS (SELECT FROM pg_proc WHERE proname = 'funnel_phi') AS has_phi,
	   EXISTS (SELECT FROM pg_proc WHERE proname = 'mse_fit') AS has_mse
\gset
\set ci_cols ''
\set verdict_cols ''
\set funnel_cols ''
\if :has_ci
\set ci_cols ', CASE WHEN unknown(s) < referrals(s) THEN round(ci_lower(s)::numeric, 3) END AS ci95_low, CASE WHEN unknown(s) < referrals(s) THEN round(ci_upper(s)::numeric, 3) END AS ci95_high'
\endif
\if :has_verdict
\set verdict_cols ', recording_verdict(s) AS verdict'
\endif
\set ECHO queries

\echo
\echo '================================================================'
\echo ' Modern slavery: NRM referrals and recorded crimes, 2015-16'
\echo ' (sample data: data/README.md says which figures are published)'
\echo '================================================================'
\echo
\echo '-- 1. The sample tables'
SELECT (SELECT count(*) FROM forces) AS forces,
	   (SELECT count(*) FROM nrm_referrals) AS referrals,
	   (SELECT count(*) FROM crimes) AS crime_records;
SELECT * FROM nrm_referrals ORDER BY nrm_reference LIMIT 3;
SELECT * FROM crimes ORDER BY crime_reference LIMIT 3;

\echo
\echo '-- 2. How each referral was linked to a crime record (doc/linkage.md):'
\echo '--    by NRM reference; else same force + victim key, crime recorded'
\echo '--    0..90 days after the referral; forces whose crime records carry'
\echo '--    neither are "unknown".'
SELECT linked_by, count(*) AS referrals
FROM referral_links(90)
GROUP BY linked_by
ORDER BY referrals DESC;

\echo
\echo '-- 3. Headline figures per nation.  "recorded" counts referrals linked to'
\echo '--    a crime record; the crimes of the four forces whose linkage is unknown'
\echo '--    cannot be linked and are not among them; their referrals count as'
\echo '--    unknown and stay in the denominator, as in the published ratio.'
SELECT area, referrals(t.s) AS referrals, recorded(t.s) AS recorded,
	   unknown(t.s) AS unknown,
	   round(recording_ratio(t.s)::numeric, 4) AS ratio,
	   recording_gap(t.s) AS gap
FROM (SELECT area, area_order, rollup(s) AS s FROM force_stats GROUP BY area, area_order) t
ORDER BY area_order;

SELECT format('%s: %s referrals, %s recorded (%s%%), %s unknown', area,
			  to_char(referrals(t.s), 'FM999,999'), to_char(recorded(t.s), 'FM999,999'),
			  round(100 * recording_ratio(t.s)::numeric, 1), to_char(unknown(t.s), 'FM999,999'))
	   AS headline
FROM (SELECT area, area_order, rollup(s) AS s FROM force_stats GROUP BY area, area_order) t
ORDER BY area_order;

\echo
\echo '-- The England and Wales rate over the forces whose linkage is known is the'
\echo '-- target of the funnel plot below.'
SELECT recorded(s) AS recorded, referrals(s) AS referrals,
	   recording_ratio(s) AS national
FROM (SELECT rollup(s) AS s FROM force_stats
	  WHERE area = 'England and Wales' AND unknown(s) = 0) t
\gset
\echo 'national rate = ' :recorded / :referrals = :national
\if :has_funnel
\set funnel_cols ', CASE WHEN unknown(s) < referrals(s) THEN funnel_position(s, ' :national ')::text END AS funnel'
\endif

\echo
\echo '-- 4. Per force: ratio, gap, 95% interval (Wilson), verdict against the'
\echo '--    threshold (below: even if every unknown were recorded; meets: even if'
\echo '--    none were; else undetermined), position in the funnel around the'
\echo '--    national rate (99.8% limits)'
\if :has_ci
\else
\echo '(ci_lower is not in this build yet: no intervals)'
\endif
\if :has_verdict
SET recording_gap.threshold = 0.95;
\else
\echo '(recording_verdict is not in this build yet: no verdicts)'
\endif
\if :has_funnel
\else
\echo '(funnel_position is not in this build yet: no funnel positions)'
\endif
SELECT force, referrals(s) AS referrals, recorded(s) AS recorded, unknown(s) AS unknown,
	   CASE WHEN unknown(s) < referrals(s)
			THEN round(recording_ratio(s)::numeric, 3) END AS ratio,
	   recording_gap(s) AS gap
	   :ci_cols
	   :verdict_cols
	   :funnel_cols
FROM force_stats
ORDER BY area_order, force;

\echo
\echo '-- 5. The worst ten forces (linkage known), by the upper end of their'
\echo '--    95% interval when available, else by ratio'
\if :has_ci
SELECT force, referrals(s) AS referrals, recorded(s) AS recorded,
	   round(recording_ratio(s)::numeric, 3) AS ratio,
	   round(ci_upper(s)::numeric, 3) AS ci95_high, recording_gap(s) AS gap
FROM force_stats
WHERE unknown(s) = 0
ORDER BY ci_upper(s), referrals(s) DESC, force
LIMIT 10;
\else
SELECT force, referrals(s) AS referrals, recorded(s) AS recorded,
	   round(recording_ratio(s)::numeric, 3) AS ratio, recording_gap(s) AS gap
FROM force_stats
WHERE unknown(s) = 0
ORDER BY recording_ratio(s), referrals(s) DESC, force
LIMIT 10;
\endif

\echo
\echo '-- 6. How much the linkage rule matters (England and Wales)'
SELECT method, referrals(s) AS referrals, recorded(s) AS recorded, unknown(s) AS unknown,
	   round(recording_ratio(s)::numeric, 4) AS ratio, recording_gap(s) AS gap
FROM (SELECT 1 AS k, 'NRM reference only' AS method, recording_stats(l.recorded) AS s
	  FROM referral_links(NULL) l JOIN forces f USING (force)
	  WHERE f.nation IN ('England', 'Wales')
	  UNION ALL
	  SELECT 2, 'reference + victim key, 0..30 days', recording_stats(l.recorded)
	  FROM referral_links(30) l JOIN forces f USING (force)
	  WHERE f.nation IN ('England', 'Wales')
	  UNION ALL
	  SELECT 3, 'reference + victim key, 0..90 days', recording_stats(l.recorded)
	  FROM referral_links(90) l JOIN forces f USING (force)
	  WHERE f.nation IN ('England', 'Wales')) t
ORDER BY k;

\echo '-- the forces whose ratio moves most with the rule'
SELECT force, recorded(r.s) AS by_reference, recorded(k.s) AS with_victim_key,
	   round(recording_ratio(r.s)::numeric, 3) AS ratio_reference,
	   round(recording_ratio(k.s)::numeric, 3) AS ratio_rule
FROM (SELECT force, recording_stats(recorded) AS s FROM referral_links(NULL) GROUP BY force) r
JOIN (SELECT force, recording_stats(recorded) AS s FROM referral_links(90) GROUP BY force) k
	USING (force)
WHERE unknown(k.s) = 0
ORDER BY recorded(k.s) - recorded(r.s) DESC, force
LIMIT 5;

\echo
\echo '-- 7. Timeliness: recorded within 24 hours of the referral (NCRS)'
SELECT area, recorded(t.s) AS recorded, timely(t.s) AS timely,
	   round(timeliness_ratio(t.s)::numeric, 3) AS timeliness
FROM (SELECT area, area_order, rollup(s) AS s FROM force_stats GROUP BY area, area_order) t
ORDER BY area_order;

\echo
\echo '-- 8. Funnel plot: control limits around the national rate, and'
\echo '--    overdispersion'
\if :has_funnel_limits
SELECT n AS referrals,
	   round(funnel_lower(n, :national)::numeric, 3) AS lower_998,
	   round(funnel_upper(n, :national)::numeric, 3) AS upper_998
FROM (VALUES (10), (50), (100), (200), (500), (1000)) v(n);
\else
\echo '(funnel_lower is not in this build yet: skipped)'
\endif
\if :has_phi
SELECT funnel_phi(s, :national) AS phi
FROM force_stats
WHERE area = 'England and Wales' AND unknown(s) = 0
\gset
\echo 'overdispersion factor phi =' :phi
\if :has_funnel
\echo '-- forces whose funnel position changes once the limits are widened by phi'
SELECT force, referrals(s) AS referrals, round(recording_ratio(s)::numeric, 3) AS ratio,
	   funnel_position(s, :national)::text AS plain,
	   funnel_position(s, :national, 0.998, :phi)::text AS with_phi
FROM force_stats
WHERE area = 'England and Wales' AND unknown(s) = 0
  AND funnel_position(s, :national, 0.998, :phi)::text
	  IS DISTINCT FROM funnel_position(s, :national)::text
ORDER BY force;
\endif
\else
\echo '(funnel_phi is not in this build yet: skipped)'
\endif

\echo
\echo '-- 9. The dark figure: a multiple systems estimate of the number of'
\echo '--    potential victims in the UK in 2013 from five lists that know of'
\echo '--    2,744 people (data/ukdat_5.csv; the Home Office estimate was 10,000'
\echo '--    to 13,000; data/README-capture.md)'
\if :has_mse
\if :has_ukdat
SELECT sum(:mse_count) AS observed FROM ukdat;
SELECT round(mse_estimate(m)::numeric) AS estimate,
	   round(mse_lower(m)::numeric) AS lower95,
	   round(mse_upper(m)::numeric) AS upper95,
	   mse_model(m) AS model
FROM (SELECT mse_fit(:mse_lists, (:mse_count)::bigint) AS m FROM ukdat) t;
\else
\echo '(data/ukdat_5.csv is not in this checkout: skipped)'
\endif
\else
\echo '(mse_fit is not in this build yet: skipped)'
\endif
\echo
\echo '-- end of report'
