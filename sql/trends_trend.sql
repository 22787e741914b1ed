-- trend_p_value and recording_trend: the chi-squared test for a linear
-- trend in proportions (Cochran-Armitage), as R's prop.trend.test.

-- R's own example (?prop.trend.test, smokers among cases in four age
-- groups): X-squared = 8.2249, df = 1, p-value = 0.004132.  The scores
-- 1..4, or the years 2019..2022 (an affine map of them), give the same test.
SELECT round(trend_p_value(score, make_recording_stats(n, x))::numeric, 6) AS p_scores,
       round(trend_p_value(2018 + score, make_recording_stats(n, x))::numeric, 6) AS p_years,
       round(trend_p_value(-0.5 * score, make_recording_stats(n, x))::numeric, 6) AS p_reversed
  FROM (VALUES (1, 83, 86), (2, 90, 93), (3, 129, 136), (4, 70, 82)) AS v(score, x, n);

-- By hand: 10, 14, 20, 25 recorded of 50 in quarters 1..4.  N = 200,
-- X = 69, p = 0.345, mean score 2.5; sum x (s - 2.5) = 25.5; sum n (s -
-- 2.5)^2 = 250; chisq = 25.5^2 / (0.345 * 0.655 * 250) = 11.5101228;
-- P(chi-squared(1) > 11.5101228) = 0.000692182 (R: pchisq).
SELECT round(trend_p_value(q, make_recording_stats(50, x))::numeric, 9) AS p
  FROM (VALUES (1, 10), (2, 14), (3, 20), (4, 25)) AS v(q, x);

-- Rows with the same score are one period (their counts add up), in any
-- row order: the smokers again, with the first age group split in two
SELECT round(trend_p_value(score, make_recording_stats(n, x))::numeric, 6) AS p_split,
       round(trend_p_value(score, make_recording_stats(n, x) ORDER BY x DESC)::numeric, 6) AS p_reordered
  FROM (VALUES (1, 40, 41), (2, 90, 93), (1, 43, 45), (3, 129, 136), (4, 70, 82)) AS v(score, x, n);

-- A period without referrals carries no weight
SELECT trend_p_value(q, make_recording_stats(n, x)) = 
       (SELECT trend_p_value(q, make_recording_stats(50, x)) FROM (VALUES (1, 10), (2, 14), (3, 20), (4, 25)) AS w(q, x)) AS same
  FROM (VALUES (1, 10, 50), (2, 14, 50), (3, 20, 50), (4, 25, 50), (5, 0, 0)) AS v(q, x, n);

-- Documented NULLs
SELECT trend_p_value(q, make_recording_stats(50, x, u)) IS NULL AS with_unknowns
  FROM (VALUES (1, 10, 0), (2, 14, 1), (3, 20, 0), (4, 25, 0)) AS v(q, x, u);
SELECT trend_p_value(1, make_recording_stats(50, 10)) IS NULL AS single_period;
SELECT trend_p_value(7, make_recording_stats(50, x)) IS NULL AS all_scores_equal
  FROM (VALUES (10), (14), (20)) AS v(x);
SELECT trend_p_value(q, make_recording_stats(50, 0)) IS NULL AS none_recorded,
       trend_p_value(q, make_recording_stats(50, 50)) IS NULL AS all_recorded
  FROM generate_series(1, 4) q;
SELECT trend_p_value(q, make_recording_stats(0, 0)) IS NULL AS no_referrals,
       recording_trend(q, make_recording_stats(0, 0)) AS direction
  FROM generate_series(1, 4) q;
SELECT trend_p_value(1, make_recording_stats(1, 1)) IS NULL AS no_rows,
       recording_trend(1, make_recording_stats(1, 1)) AS direction
  FROM generate_series(1, 0);

-- recording_trend.  Without unknowns: improving or worsening when p < alpha
-- (p = 0.000692 both ways, by the hand-worked test above), no_trend otherwise
-- (20, 21, 20, 21 of 50: R gives p = 0.8977).  With unknowns, the test is
-- taken at the two extreme resolutions (doc/trends.md); the p-values below
-- are R's prop.trend.test at those resolutions (A: unknowns of quarters 3
-- and 4 not recorded, of quarters 1 and 2 recorded; B: the mirror image).
--   improving_u: A p = 0.004736 (rising), B p = 0.000106
--   worsening_u: A p = 0.000077 (falling), B p = 0.005658 (falling)
--   flat_u:      A p = 0.8980,  B p = 0.7007
--   unsettled:   A p = 0.2000,  B p = 0.001535 (rising)
--   unsettled2:  A p = 0.06553, B p = 0.000692 (rising)
SELECT name,
       recording_trend(q, make_recording_stats(50, x[q], u[q])) AS at_05,
       recording_trend(q, make_recording_stats(50, x[q], u[q]), 0.001) AS at_001
  FROM (VALUES ('improving', ARRAY[10, 14, 20, 25], ARRAY[0, 0, 0, 0]),
               ('worsening', ARRAY[25, 20, 14, 10], ARRAY[0, 0, 0, 0]),
               ('flat', ARRAY[20, 21, 20, 21], ARRAY[0, 0, 0, 0]),
               ('improving_u', ARRAY[10, 14, 20, 25], ARRAY[2, 2, 2, 2]),
               ('worsening_u', ARRAY[25, 20, 14, 10], ARRAY[3, 0, 0, 3]),
               ('flat_u', ARRAY[20, 21, 20, 21], ARRAY[1, 1, 1, 1]),
               ('unsettled', ARRAY[18, 20, 22, 24], ARRAY[0, 0, 0, 10]),
               ('unsettled2', ARRAY[10, 14, 20, 25], ARRAY[20, 20, 0, 0])) AS v(name, x, u)
       CROSS JOIN generate_series(1, 4) q
 GROUP BY name
 ORDER BY name;

-- no_data: a single period, or every score equal
SELECT recording_trend(1, make_recording_stats(50, 10)) AS single_period,
       (SELECT recording_trend(3, make_recording_stats(50, x)) FROM (VALUES (10), (40)) v(x)) AS same_score;
-- every referral with the same outcome: no trend
SELECT recording_trend(q, make_recording_stats(50, 50)) AS all_recorded FROM generate_series(1, 4) q;

-- Per force, as analysts call it
SELECT force, round(trend_p_value(quarter, s)::numeric, 6) AS p, recording_trend(quarter, s) AS direction
  FROM (VALUES ('A', 1, make_recording_stats(50, 10)), ('A', 2, make_recording_stats(50, 14)),
               ('A', 3, make_recording_stats(50, 20)), ('A', 4, make_recording_stats(50, 25)),
               ('B', 1, make_recording_stats(50, 25)), ('B', 2, make_recording_stats(50, 20)),
               ('B', 3, make_recording_stats(50, 14)), ('B', 4, make_recording_stats(50, 10)),
               ('C', 1, make_recording_stats(50, 20)), ('C', 2, make_recording_stats(50, 21)),
               ('C', 3, make_recording_stats(50, 20)), ('C', 4, make_recording_stats(50, 21)),
               ('D', 1, make_recording_stats(50, 20))) AS v(force, quarter, s)
 GROUP BY force
 ORDER BY force;

-- As a window aggregate (running trend over the quarters so far; R:
-- prop.trend.test(c(10, 14), c(50, 50)) p = 0.348972, c(10, 14, 20) of 50
-- p = 0.028063)
SELECT q, round(trend_p_value(q, make_recording_stats(50, x)) OVER (ORDER BY q)::numeric, 6) AS p_so_far,
       recording_trend(q, make_recording_stats(50, x)) OVER (ORDER BY q) AS direction_so_far
  FROM (VALUES (1, 10), (2, 14), (3, 20), (4, 25)) AS v(q, x)
 ORDER BY q;

-- Errors
\set VERBOSITY default
SELECT trend_p_value(score, make_recording_stats(50, 10)) FROM (VALUES (1::float8), ('NaN')) v(score);
SELECT trend_p_value(score, make_recording_stats(50, 10)) FROM (VALUES (1::float8), ('Infinity')) v(score);
SELECT recording_trend(score, make_recording_stats(50, 10)) FROM (VALUES (1::float8), ('-Infinity')) v(score);
SELECT trend_p_value(score, make_recording_stats(50, 10)) FROM (VALUES (1), (NULL)) v(score);
SELECT trend_p_value(score, s) FROM (VALUES (1, make_recording_stats(50, 10)), (2, NULL)) v(score, s);
SELECT recording_trend(q, make_recording_stats(50, 10), 0) FROM generate_series(1, 2) q;
SELECT recording_trend(q, make_recording_stats(50, 10), 1) FROM generate_series(1, 2) q;
SELECT recording_trend(q, make_recording_stats(50, 10), 'NaN') FROM generate_series(1, 2) q;
SELECT recording_trend(q, make_recording_stats(50, 10), NULL) FROM generate_series(1, 2) q;
SELECT recording_trend(q, make_recording_stats(50, 10), 0.01 * q) FROM generate_series(1, 2) q;
SELECT trend_p_value(q, make_recording_stats(9007199254740992, 10)) FROM generate_series(1, 2) q;
\set VERBOSITY terse

-- PL/pgSQL loop and a generic prepared plan over alphas: each call reads
-- its own alpha (unknowns of 'unsettled': significant at 0.05 one way only)
SET plan_cache_mode = force_generic_plan;
PREPARE tr(double precision) AS
  SELECT recording_trend(q, make_recording_stats(50, (ARRAY[18, 20, 22, 24])[q], (ARRAY[0, 0, 0, 10])[q]), $1)
    FROM generate_series(1, 4) q;
EXECUTE tr(0.05);
EXECUTE tr(0.001);
DEALLOCATE tr;
RESET plan_cache_mode;
DO $$
DECLARE
	a double precision;
	d trend_direction;
BEGIN
	FOREACH a IN ARRAY ARRAY[0.05, 0.001, 0.5] LOOP
		SELECT recording_trend(q, make_recording_stats(50, (ARRAY[18, 20, 22, 24])[q], (ARRAY[0, 0, 0, 10])[q]), a)
		  INTO d FROM generate_series(1, 4) q;
		RAISE NOTICE 'alpha % direction %', a, d;
	END LOOP;
END
$$;
