-- Funnels as FunnelPlotR draws them for proportions.  Sources of every figure:
--   GNU R 4.2, binom.test(x, n, p)$p.value for funnel_p_value;
--   the formulas of FunnelPlotR (nhs-r-community/FunnelPlotR, R/od_adjustment.R
--   transformed_zscore for "PR", winsorisation, phi_func, tau_func; R/od_limits.R
--   for the "PR" limits) transcribed into R for funnel_z, funnel_tau2 and the
--   tau2 limits: this oracle re-implements the documented rule;
--   a worked example by hand for funnel_tau2 (below);
--   exact limits with Spiegelhalter's interpolation in R (qbinom, pbinom,
--   dbinom) for the phi limits.
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS recording_gap;
RESET client_min_messages;

-- funnel_lower_phi / funnel_upper_phi.  n = 100, target 1/2, 95%: exact
-- limits 0.39682404 and 0.59317596 (R); phi = 4 moves them twice as far:
-- 0.29364808 and 0.68635192.  phi <= 1 leaves them as funnel_lower/upper.
SELECT round(funnel_lower_phi(100, 0.5, 4, 0.95)::numeric, 8) AS lower4,
       round(funnel_upper_phi(100, 0.5, 4, 0.95)::numeric, 8) AS upper4,
       funnel_lower_phi(100, 0.5, 1, 0.95) = funnel_lower(100, 0.5, 0.95) AS lower1_same,
       funnel_upper_phi(100, 0.5, 0.25, 0.95) = funnel_upper(100, 0.5, 0.95) AS upper_quarter_same,
       funnel_lower_phi(3146, 0.281, 1) = funnel_lower(3146, 0.281) AS default_level;
-- clipped to [0, 1]
SELECT funnel_lower_phi(2, 0.5, 100) AS lower, funnel_upper_phi(2, 0.5, 100) AS upper;

-- funnel_lower_tau2 / funnel_upper_tau2: sin^2(asin(sqrt(t)) -/+ z sqrt(1/(4n) + tau2)).
-- R: n = 100, t = 1/4, tau2 = 0.01: 95% 0.08987154 0.45738302;
-- 99.8% (the default) 0.03138575 0.58330873.  tau2 = 0: the exact limits.
SELECT round(funnel_lower_tau2(100, 0.25, 0.01, 0.95)::numeric, 8) AS lower95,
       round(funnel_upper_tau2(100, 0.25, 0.01, 0.95)::numeric, 8) AS upper95,
       round(funnel_lower_tau2(100, 0.25, 0.01)::numeric, 8) AS lower998,
       round(funnel_upper_tau2(100, 0.25, 0.01)::numeric, 8) AS upper998,
       funnel_lower_tau2(3146, 0.281, 0) = funnel_lower(3146, 0.281) AS lower0_exact,
       funnel_upper_tau2(3146, 0.281, 0) = funnel_upper(3146, 0.281) AS upper0_exact;
-- a huge tau2 clips the angle: [0, 1]; targets 0 and 1 stay inside [0, 1]
SELECT funnel_lower_tau2(10, 0.5, 100) AS lower, funnel_upper_tau2(10, 0.5, 100) AS upper,
       funnel_lower_tau2(10, 0, 0.01) AS lower_t0, funnel_upper_tau2(10, 1, 0.01) AS upper_t1;
SELECT funnel_lower_tau2(0, 0.5, 0.01) IS NULL AS no_referrals;

-- funnel_z and funnel_p_value over ten invented forces around the pooled
-- ratio 1394 / 4791 = 0.29096222083072426 (FunnelPlotR's default target for
-- proportions), with R's figures:
--   n     x    z          z adjusted (tau2 0.00858039)   binom.test p
--   1200  420   4.386701   0.675390                     9.72929e-06
--   640   150  -3.257133  -0.679665                     0.00147152
--   410   95   -2.734747  -0.704424                     0.0076879
--   350   160   6.463830   1.791880                     5.78117e-11
--   300   45   -5.959496  -1.773121                     1.60679e-08
--   246   14  -10.315720  -3.356930                     2.86875e-20
--   520   170   1.775423   0.408958                     0.0740463
--   880   260   0.292740   0.052406                     0.766641
--   150   60    2.816520   1.135894                     0.00510752
--   95    20   -1.813988  -0.878824                     0.0904744
CREATE TABLE forces (force int, s recording_stats);
INSERT INTO forces VALUES
  (1, make_recording_stats(1200, 420)), (2, make_recording_stats(640, 150)),
  (3, make_recording_stats(410, 95)), (4, make_recording_stats(350, 160)),
  (5, make_recording_stats(300, 45)), (6, make_recording_stats(246, 14)),
  (7, make_recording_stats(520, 170)), (8, make_recording_stats(880, 260)),
  (9, make_recording_stats(150, 60)), (10, make_recording_stats(95, 20));
SELECT sum(recorded(s)) AS recorded, sum(referrals(s)) AS referrals,
       sum(recorded(s))::float8 / sum(referrals(s))::float8 = 0.29096222083072426 AS target_exact
  FROM forces;
SELECT force, referrals(s) AS n, recorded(s) AS x,
       round(funnel_z(s, 0.29096222083072426)::numeric, 6) AS z,
       round(funnel_z(s, 0.29096222083072426, 0.00858038516704726)::numeric, 6) AS z_adjusted,
       to_char(funnel_p_value(s, 0.29096222083072426), '9.99999EEEE') AS p
  FROM forces ORDER BY force;

-- funnel_tau2 on these forces.  R (FunnelPlotR's rule): phi 14.931385124466,
-- tau2 0.00858038516704726; against 0.3: tau2 0.00866813174780564.
SELECT round(funnel_tau2(s, 0.29096222083072426)::numeric, 12) AS tau2,
       round(funnel_tau2(s, 0.3)::numeric, 12) AS tau2_at_0_3
  FROM forces;
-- positions against the tau2 limits at 99.8% (R: limits 0.0576..0.6106 at
-- n = 95 up to 0.0764..0.5738 at n = 1200): only force 6 (14 of 246,
-- lower limit 0.069615) is low.  With tau2 = 0 the exact limits apply and
-- forces 1 and 4 are high, 2, 5 and 6 low (R: Spiegelhalter's exact limits
-- at 99.8%, qbinom/pbinom/dbinom).
SELECT force, funnel_position_tau2(s, 0.29096222083072426, 0.00858038516704726) AS with_tau2,
       funnel_position_tau2(s, 0.29096222083072426, 0) AS exact,
       funnel_position(s, 0.29096222083072426) AS exact_0_1_0
  FROM forces ORDER BY force;
-- ranking by z puts force 6 first (the lowest z), force 4 last
SELECT string_agg(force::text, ' ' ORDER BY funnel_z(s, 0.29096222083072426)) AS ranking FROM forces;

-- A worked example by hand: target 1/4 (angle pi/6), n = 100 each,
-- proportions 0, 1/4, 1/4, 3/4, 1 (angles 0, pi/6, pi/6, pi/3, pi/2), so
-- z = 20 (angle - pi/6) = -a, 0, 0, a, 2a with a = 10 pi / 3.  R's type-7
-- 10th and 90th percentiles are -0.6a and 1.6a; the winsorised squares sum
-- to 3.92 a^2, phi = 0.784 a^2 = 85.975; every w = 4n = 400, so
-- sum w - sum w^2 / sum w = 2000 - 400 = 1600 and
-- tau2 = (5 phi - 4) / 1600 = (392 pi^2 / 9 - 4) / 1600 = 0.266172564252.
SELECT round(funnel_tau2(s, 0.25)::numeric, 12) AS tau2,
       round(((392 * pi() ^ 2 / 9 - 4) / 1600)::numeric, 12) AS by_hand
  FROM (VALUES (make_recording_stats(100, 0)), (make_recording_stats(100, 25)),
               (make_recording_stats(100, 25)), (make_recording_stats(100, 75)),
               (make_recording_stats(100, 100))) AS v(s);
-- units closer together than chance: k phi < k - 1 gives 0
SELECT funnel_tau2(s, 0.25) AS tau2
  FROM (VALUES (make_recording_stats(100, 25)), (make_recording_stats(100, 26)),
               (make_recording_stats(100, 24))) AS v(s);
-- fewer than two units with known outcomes: NULL; NULL rows and units
-- without referrals are skipped
SELECT funnel_tau2(s, 0.25) IS NULL AS one_unit
  FROM (VALUES (make_recording_stats(100, 25)), (NULL), (make_recording_stats(0, 0)),
               (make_recording_stats(60, 0, 60))) AS v(s);
SELECT funnel_tau2(s, 0.25) IS NULL AS no_rows FROM forces WHERE false;

-- The unknowns rule: (60, 0, u 60) does not move funnel_tau2, its z and
-- p-value are NULL, and it is never low (undetermined) under tau2 too;
-- (60, 0) with known outcomes is low (R: tau2 lower limit at n = 60 is 0.047982).
INSERT INTO forces VALUES (11, make_recording_stats(60, 0, 60));
SELECT round(funnel_tau2(s, 0.29096222083072426)::numeric, 12) AS tau2_with_unknown_force FROM forces;
SELECT funnel_z(s, 0.3) IS NULL AS z_null, funnel_z(s, 0.3, 0.01) IS NULL AS z_adj_null,
       funnel_p_value(s, 0.3) IS NULL AS p_null,
       funnel_position_tau2(s, 0.29096222083072426, 0.00858038516704726) AS position
  FROM forces WHERE force = 11;
SELECT funnel_position_tau2(make_recording_stats(60, 0), 0.29096222083072426, 0.00858038516704726) AS known_zero;

-- degenerate cases: p at targets 0 and 1 (binom.test(0, 5, 0) = 1,
-- binom.test(1, 5, 0) = 0, binom.test(5, 5, 1) = 1); n = 1; x = 0 and x = n
-- (binom.test(0, 10, 0.5) = binom.test(10, 10, 0.5) = 1.95313e-03 = 2 / 1024)
SELECT funnel_p_value(make_recording_stats(5, 0), 0) AS p00, funnel_p_value(make_recording_stats(5, 1), 0) AS p10,
       funnel_p_value(make_recording_stats(5, 5), 1) AS p51, funnel_p_value(make_recording_stats(1, 1), 0.5) AS p_n1,
       to_char(funnel_p_value(make_recording_stats(10, 0), 0.5), '9.99999EEEE') AS p_x0,
       to_char(funnel_p_value(make_recording_stats(10, 10), 0.5), '9.99999EEEE') AS p_xn;
-- R: 2 sqrt(10) (asin(0) - pi/4) = -4.967294 and (pi/2 - pi/4) 2 sqrt(10) = 4.967294;
-- at target 0, 1 of 1: 2 (pi/2) = 3.141593
SELECT round(funnel_z(make_recording_stats(10, 0), 0.5)::numeric, 6) AS z_x0,
       round(funnel_z(make_recording_stats(10, 10), 0.5)::numeric, 6) AS z_xn,
       round(funnel_z(make_recording_stats(1, 1), 0)::numeric, 6) AS z_t0,
       funnel_z(make_recording_stats(0, 0), 0.5) IS NULL AS z_none,
       funnel_p_value(make_recording_stats(0, 0), 0.5) IS NULL AS p_none;

-- bad input
SELECT funnel_lower_tau2(10, 0.5, -0.1);
SELECT funnel_upper_tau2(10, 0.5, 'NaN');
SELECT funnel_upper_tau2(10, 0.5, 'Infinity');
SELECT funnel_lower_tau2(10, 'NaN', 0.1);
SELECT funnel_lower_tau2(10, 'Infinity', 0.1);
SELECT funnel_lower_tau2(10, 0.5, 0.1, 1);
SELECT funnel_lower_tau2(-5, 0.5, 0.1);
SELECT funnel_lower_phi(10, 0.5, -1);
SELECT funnel_upper_phi(10, 0.5, 'NaN');
SELECT funnel_lower_phi(10, 1.5, 2);
SELECT funnel_upper_phi(10, 0.5, 2, 0);
SELECT funnel_position_tau2(make_recording_stats(10, 3), 0.5, -1);
SELECT funnel_position_tau2(make_recording_stats(10, 3), 0.5, 0.1, 'NaN');
SELECT funnel_z(make_recording_stats(10, 3), 'NaN');
SELECT funnel_z(make_recording_stats(10, 3), -0.5);
SELECT funnel_z(make_recording_stats(10, 3), 0.5, -1);
SELECT funnel_z(make_recording_stats(10, 3), 0.5, 'Infinity');
SELECT funnel_p_value(make_recording_stats(10, 3), 'Infinity');
SELECT funnel_p_value(make_recording_stats(10, 3), 1.01);
SELECT funnel_tau2(s, 'NaN') FROM forces;
SELECT funnel_tau2(s, 1.5) FROM forces;
SELECT funnel_tau2(s, t) FROM forces, (VALUES (0.3), (0.4)) AS v(t);
SELECT funnel_p_value(make_recording_stats(9007199254740993, 3), 0.5);

-- funnel_tau2 in parallel: an ungrouped aggregate, two workers each holding
-- rows, the leader not participating, so the combine function merges two
-- real states; the result equals the serial one.  Each row is one of the ten
-- forces above, so tau2 is not that of the ten (the percentiles move), but
-- the same in both runs.
CREATE TABLE tau2_par AS
  SELECT g, f.s FROM generate_series(1, 20000) AS g JOIN forces f ON f.force = g % 11 + 1;
ANALYZE tau2_par;
CREATE FUNCTION pg_temp.workers_with_rows(q text) RETURNS int
LANGUAGE plpgsql AS $$
DECLARE
	plan json;
	n int;
BEGIN
	EXECUTE 'EXPLAIN (ANALYZE, VERBOSE, FORMAT JSON) ' || q INTO plan;
	WITH RECURSIVE nodes(node) AS (
		SELECT plan -> 0 -> 'Plan'
		UNION ALL
		SELECT p FROM nodes, json_array_elements(node -> 'Plans') AS p
	)
	SELECT count(*) INTO n
	  FROM nodes, json_array_elements(node -> 'Workers') AS w
	 WHERE node ->> 'Partial Mode' = 'Partial'
	   AND (w ->> 'Actual Rows')::numeric > 0;
	RETURN n;
END $$;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
SET parallel_leader_participation = off;
EXPLAIN (COSTS OFF) SELECT funnel_tau2(s, 0.29096222083072426) FROM tau2_par;
SELECT pg_temp.workers_with_rows('SELECT funnel_tau2(s, 0.29096222083072426) FROM tau2_par') AS workers_with_rows;
SELECT funnel_tau2(s, 0.29096222083072426) AS par_tau2 FROM tau2_par \gset
RESET parallel_leader_participation;
RESET max_parallel_workers_per_gather;
RESET min_parallel_table_scan_size;
RESET parallel_tuple_cost;
RESET parallel_setup_cost;
SET max_parallel_workers_per_gather = 0;
SELECT funnel_tau2(s, 0.29096222083072426) AS ser_tau2 FROM tau2_par \gset
RESET max_parallel_workers_per_gather;
SELECT :par_tau2::float8 = :ser_tau2::float8 AS equal, :ser_tau2::float8 > 0 AS positive;
DROP TABLE tau2_par;
DROP TABLE forces;
