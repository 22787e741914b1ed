-- Statistics: intervals, verdicts, funnel limits, funnel_phi, change tests.
-- Every figure below was worked out independently (by hand or with
-- statsmodels/scipy); see the comment beside each.
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS recording_gap;
RESET client_min_messages;

-- England & Wales 2015-16: 884 of 3,146 referrals recorded.
-- Wilson (0.265560, 0.296958) and Clopper-Pearson (0.265336, 0.297056) by hand;
-- the others from statsmodels' proportion_confint.
SELECT m AS method,
       round(ci_lower(make_recording_stats(3146, 884), 0.95, m)::numeric, 6) AS lower,
       round(ci_upper(make_recording_stats(3146, 884), 0.95, m)::numeric, 6) AS upper
  FROM unnest(ARRAY['wilson', 'clopper_pearson', 'jeffreys', 'agresti_coull', 'wald']) AS m;
-- the defaults are level 0.95 and wilson
SELECT round(ci_lower(make_recording_stats(3146, 884))::numeric, 6) AS lower,
       round(ci_upper(make_recording_stats(3146, 884))::numeric, 6) AS upper;

-- n = 1: Clopper-Pearson is [0, 0.975] at x = 0 and [0.025, 1] at x = 1;
-- Wilson's upper end at x = 0 is z^2 / (1 + z^2); Jeffreys takes the
-- Brown-Cai-DasGupta boundary rule; Wald collapses to a point.
SELECT x, m AS method,
       round(ci_lower(make_recording_stats(1, x), 0.95, m)::numeric, 6) AS lower,
       round(ci_upper(make_recording_stats(1, x), 0.95, m)::numeric, 6) AS upper
  FROM generate_series(0, 1) AS x,
       unnest(ARRAY['wilson', 'clopper_pearson', 'jeffreys', 'agresti_coull', 'wald']) AS m
 ORDER BY x, m;

-- no referrals: NULL
SELECT ci_lower(make_recording_stats(0, 0)) IS NULL AS lower_null,
       ci_upper(make_recording_stats(0, 0), 0.99, 'jeffreys') IS NULL AS upper_null;

-- extreme levels and counts: finite, ordered, inside [0, 1]
SELECT count(*) AS cases,
       count(*) FILTER (WHERE lo >= 0 AND lo <= hi AND hi <= 1
                          AND lo <> 'NaN' AND hi <> 'NaN') AS sane
  FROM (SELECT ci_lower(s, l, m) AS lo, ci_upper(s, l, m) AS hi
          FROM unnest(ARRAY[1, 2, 3146, 1000000000000, 9007199254740992]::bigint[]) AS n,
               unnest(ARRAY[0.0, 0.001, 0.5, 0.999, 1.0]) AS f,
               unnest(ARRAY[1e-12, 0.5, 0.95, 1 - 1e-12]) AS l,
               unnest(ARRAY['wilson', 'clopper_pearson', 'jeffreys', 'agresti_coull', 'wald']) AS m,
               LATERAL make_recording_stats(n, floor(n * f)::bigint) AS s) AS t;
-- level 1 - 1e-12, x = 0: Clopper-Pearson's upper end is 1 - (5e-13)^(1/n);
-- at n = 10 that is 1 - exp(ln(5e-13) / 10) = 0.941130 (by hand)
SELECT round(ci_upper(make_recording_stats(10, 0), 1 - 1e-12, 'clopper_pearson')::numeric, 6);
-- level 1e-12 shrinks Wilson to the point estimate 884/3146 = 0.280992
SELECT round(ci_lower(make_recording_stats(3146, 884), 1e-12)::numeric, 6) AS lower,
       round(ci_upper(make_recording_stats(3146, 884), 1e-12)::numeric, 6) AS upper;
-- n = 2^53 is accepted, one more is not
SELECT ci_lower(make_recording_stats(9007199254740992, 4503599627370496)) < 0.5 AS below_half,
       ci_upper(make_recording_stats(9007199254740992, 4503599627370496)) > 0.5 AS above_half;
SELECT ci_lower(make_recording_stats(9007199254740993, 3));

-- errors
SELECT ci_lower(make_recording_stats(10, 3), 0);
SELECT ci_lower(make_recording_stats(10, 3), 1);
SELECT ci_lower(make_recording_stats(10, 3), 'NaN');
SELECT ci_upper(make_recording_stats(10, 3), 'Infinity');
SELECT ci_upper(make_recording_stats(10, 3), -0.5);
SELECT ci_lower(make_recording_stats(10, 3), 0.95, 'exact');
SELECT ci_lower(make_recording_stats(10, 3), 0.95, 'Wilson');
-- a long name is quoted only in part (64 bytes, cut between characters)
SELECT ci_lower(make_recording_stats(10, 3), 0.95, repeat('é', 100));

-- Threshold verdicts.  (100, 40, unknown 20): worst case 0.4, best case 0.6.
SELECT t AS threshold,
       recording_verdict(make_recording_stats(100, 40, 20), t) AS verdict,
       below_threshold(make_recording_stats(100, 40, 20), t) AS below
  FROM unnest(ARRAY[0, 0.3, 0.4, 0.5, 0.6, 0.61, 1]) AS t;
SELECT recording_verdict(make_recording_stats(0, 0), 0.5) AS verdict,
       below_threshold(make_recording_stats(0, 0), 0.5) IS NULL AS below_is_null;
-- the one-argument form reads recording_gap.threshold (default 0.95)
SELECT recording_verdict(make_recording_stats(3146, 884));
SET recording_gap.threshold = 0.25;
SELECT recording_verdict(make_recording_stats(3146, 884));
RESET recording_gap.threshold;
-- the verdict agrees with recording_ratio at the ratio itself
SELECT recording_verdict(s, recording_ratio(s)) FROM make_recording_stats(3146, 884) AS s;
SELECT recording_verdict(make_recording_stats(10, 3), 'NaN');
SELECT recording_verdict(make_recording_stats(10, 3), 1.5);
SELECT below_threshold(make_recording_stats(10, 3), -0.01);
SELECT recording_verdict(make_recording_stats(10, 3), '-Infinity');
SELECT pg_typeof(recording_verdict(make_recording_stats(10, 3), 0.5));

-- Funnel limits.  n = 10, target 1/2, level 0.95 by hand:
-- lower (2 - 30.4/45)/10 = 0.13244444, upper (8 - 14.6/45)/10 = 0.76755556;
-- n = 1: lower 0 (clamped from -0.95), upper 0.95.
SELECT round(funnel_lower(10, 0.5, 0.95)::numeric, 8) AS lower,
       round(funnel_upper(10, 0.5, 0.95)::numeric, 8) AS upper;
SELECT funnel_lower(1, 0.5, 0.95) AS lower, round(funnel_upper(1, 0.5, 0.95)::numeric, 12) AS upper;
-- targets 0 and 1 are degenerate: both limits 0, both 1
SELECT funnel_lower(10, 0) AS l0, funnel_upper(10, 0) AS u0,
       funnel_lower(10, 1) AS l1, funnel_upper(10, 1) AS u1;
-- default level 0.998 at n = 3146 around 0.281 (scipy.stats.binom reference)
SELECT round(funnel_lower(3146, 0.281)::numeric, 6) AS lower,
       round(funnel_upper(3146, 0.281)::numeric, 6) AS upper;
SELECT funnel_lower(0, 0.5) IS NULL AS no_referrals;
-- n near 2^53 and extreme levels stay finite and bracket the target
SELECT funnel_lower(9007199254740992, 0.3, 1 - 1e-12) < 0.3 AS lower_ok,
       funnel_upper(9007199254740992, 0.3, 1 - 1e-12) > 0.3 AS upper_ok,
       funnel_upper(9007199254740992, 0.3, 1e-12) - funnel_lower(9007199254740992, 0.3, 1e-12) < 1e-15 AS narrow;
SELECT funnel_lower(-1, 0.5);
SELECT funnel_lower(10, 'NaN');
SELECT funnel_upper(10, 1.5);
SELECT funnel_upper(10, 0.5, 1);
SELECT funnel_upper(9007199254740993, 0.5);

-- Funnel positions (ratio exactly on a limit is within)
SELECT funnel_position(make_recording_stats(3146, 884), 0.281) AS national,
       funnel_position(make_recording_stats(3146, 884), 0.5) AS against_half,
       funnel_position(make_recording_stats(3146, 884), 0.1) AS against_tenth,
       funnel_position(make_recording_stats(1, 0), 0.5, 0.95) AS on_lower_limit;
-- 38 of 100 at target 1/2, level 0.95: low; with phi = 4 the limits are
-- twice as far from the target and it is within; phi < 1 changes nothing
SELECT funnel_position(make_recording_stats(100, 38), 0.5, 0.95) AS phi1,
       funnel_position(make_recording_stats(100, 38), 0.5, 0.95, 4) AS phi4,
       funnel_position(make_recording_stats(100, 38), 0.5, 0.95, 0.25) AS phi_quarter;
SELECT funnel_position(make_recording_stats(0, 0), 0.5) IS NULL AS no_referrals;
SELECT funnel_position(make_recording_stats(10, 3), 0.5, 0.998, 'NaN');
SELECT funnel_position(make_recording_stats(10, 3), 0.5, 0.998, -1);
SELECT funnel_position(make_recording_stats(10, 3), 0.5, 0.998, 'Infinity');
SELECT funnel_position(make_recording_stats(10, 3), 0.5, 'NaN');

-- funnel_phi.  z = -2, 0, 2 (target 1/2, n = 100); type-7 percentiles
-- -1.6 and 1.6; phi = (2.56 + 0 + 2.56) / 3 = 1.70666667 (by hand).
-- A NULL row and a unit without referrals are skipped.
CREATE TEMP TABLE units (force text, s recording_stats);
INSERT INTO units VALUES ('a', make_recording_stats(100, 40)), ('b', make_recording_stats(100, 50)),
                         ('c', make_recording_stats(100, 60)), ('d', NULL),
                         ('e', make_recording_stats(0, 0));
SELECT round(funnel_phi(s, 0.5)::numeric, 8) AS phi FROM units;
SELECT funnel_phi(s, 0.5) IS NULL AS empty FROM units WHERE false;
SELECT funnel_phi(s, t) FROM units, (VALUES (0.5), (0.4)) AS v(t);
SELECT funnel_phi(s, 0) FROM units;
SELECT funnel_phi(s, 'NaN') FROM units;
-- the same in parallel, through the serial and combine functions: each group
-- has 1000 units each at z = -2, 0 and 2, percentiles -2 and 2, phi = 8/3
CREATE TABLE phi_many AS
  SELECT g % 3 AS grp, make_recording_stats(100, 40 + 10 * ((g / 3) % 3)) AS s
    FROM generate_series(0, 8999) AS g;
ANALYZE phi_many;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
CREATE FUNCTION pg_temp.plan_has(q text, what text) RETURNS boolean
LANGUAGE plpgsql AS $$
DECLARE
	l text;
BEGIN
	FOR l IN EXECUTE 'EXPLAIN (COSTS OFF) ' || q LOOP
		IF l LIKE '%' || what || '%' THEN
			RETURN true;
		END IF;
	END LOOP;
	RETURN false;
END $$;
SELECT pg_temp.plan_has('SELECT grp, funnel_phi(s, 0.5) FROM phi_many GROUP BY grp', 'Partial') AS partial_aggregate;
SELECT grp, round(funnel_phi(s, 0.5)::numeric, 8) AS phi FROM phi_many GROUP BY grp ORDER BY grp;
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
RESET max_parallel_workers_per_gather;
DROP TABLE phi_many;

-- Change between periods.  [[3, 1], [1, 3]]: (1 + 16 + 16 + 1) / 70 = 0.48571429;
-- 20 of 100 then 40 of 100: scipy.stats.fisher_exact gives 0.00319182.
SELECT round(change_p_value(make_recording_stats(4, 3), make_recording_stats(4, 1))::numeric, 8) AS tea,
       round(change_p_value(make_recording_stats(100, 20), make_recording_stats(100, 40))::numeric, 8) AS p;
SELECT recording_change(make_recording_stats(100, 20), make_recording_stats(100, 40)) AS up,
       recording_change(make_recording_stats(100, 40), make_recording_stats(100, 20)) AS down,
       recording_change(make_recording_stats(100, 20), make_recording_stats(100, 40), 0.001) AS strict,
       recording_change(make_recording_stats(4, 3), make_recording_stats(4, 1)) AS small,
       recording_change(make_recording_stats(0, 0), make_recording_stats(4, 1)) AS none;
-- with unknowns the p-value would depend on how they resolve: NULL since
-- 0.2.0 (0.1.0 counted them as not recorded; see stats_unknowns.sql)
SELECT change_p_value(make_recording_stats(100, 20, 30), make_recording_stats(100, 40)) IS NULL AS p_is_null;
SELECT change_p_value(make_recording_stats(0, 0), make_recording_stats(4, 1)) IS NULL AS no_data;
SELECT recording_change(make_recording_stats(100, 20), make_recording_stats(100, 40), 0);
SELECT recording_change(make_recording_stats(100, 20), make_recording_stats(100, 40), 'NaN');
SELECT change_p_value(make_recording_stats(9007199254740993, 1), make_recording_stats(4, 1));
