-- The unknowns rule.  A summary (n referrals, x recorded, u unknown) has a
-- worst case (x of n) and a best case (x + u of n); every flag is given only
-- when both give the same answer, otherwise it is undetermined.  A force
-- that cannot link any referral, (referrals=60, recorded=0, unknown=60), is
-- never low, below or worsened, and does not move funnel_phi.
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS recording_gap;
RESET client_min_messages;

-- ci_bounds_lower / ci_bounds_upper: lower limit of the worst case, upper
-- limit of the best case.  (100, 40, u 20), Wilson 95% by GNU R:
--   prop.test(40, 100, correct = FALSE)$conf.int = 0.309401 0.497997
--   prop.test(60, 100, correct = FALSE)$conf.int = 0.502003 0.690599
-- so ci_lower/ci_upper (the worst case) give 0.309401..0.497997 and the
-- bounds 0.309401..0.690599.
SELECT round(ci_lower(s)::numeric, 6) AS ci_lower, round(ci_upper(s)::numeric, 6) AS ci_upper,
       round(ci_bounds_lower(s)::numeric, 6) AS bounds_lower,
       round(ci_bounds_upper(s)::numeric, 6) AS bounds_upper
  FROM make_recording_stats(100, 40, 20) AS s;
-- (60, 0, u 60): R, binom.test(0, 60)$conf.int[1] = 0 and
-- binom.test(60, 60)$conf.int[2] = 1; Wilson: prop.test(0, 60) gives
-- [0, 0.060172] (the interval 0.000-0.060 of the issue) and the bounds are [0, 1].
SELECT round(ci_lower(s)::numeric, 6) AS ci_lower, round(ci_upper(s)::numeric, 6) AS ci_upper,
       ci_bounds_lower(s) AS bounds_lower, ci_bounds_upper(s) AS bounds_upper,
       ci_bounds_lower(s, 0.95, 'clopper_pearson') AS cp_lower,
       ci_bounds_upper(s, 0.95, 'clopper_pearson') AS cp_upper
  FROM make_recording_stats(60, 0, 60) AS s;
-- without unknowns the bounds are ci_lower / ci_upper exactly, for every method
SELECT m AS method,
       ci_bounds_lower(s, l, m) = ci_lower(s, l, m) AS lower_equal,
       ci_bounds_upper(s, l, m) = ci_upper(s, l, m) AS upper_equal
  FROM make_recording_stats(3146, 884) AS s,
       unnest(ARRAY['wilson', 'clopper_pearson', 'jeffreys', 'agresti_coull', 'wald']) AS m,
       unnest(ARRAY[0.9, 0.998]) AS l
 ORDER BY m, l;
SELECT ci_bounds_lower(make_recording_stats(0, 0)) IS NULL AS lower_null,
       ci_bounds_upper(make_recording_stats(0, 0)) IS NULL AS upper_null;
SELECT ci_bounds_lower(make_recording_stats(10, 3), 1.5);
SELECT ci_bounds_upper(make_recording_stats(10, 3), 'NaN');
SELECT ci_bounds_upper(make_recording_stats(10, 3), 0.95, 'exact');

-- funnel_position: 0.1.0 said low for (60, 0, 60) against 0.281.  Worst case
-- 0 of 60 is below the 99.8% lower limit, best case 60 of 60 above the
-- upper: undetermined.  The known zeros (60, 0, 0) stay low.  (100, 38, u 10)
-- at 1/2, 95%: the lower limit is 0.396824 (R: r = qbinom(0.025, 100, 0.5)
-- = 40, (r - (pbinom(r) - 0.025) / dbinom(r)) / 100), the upper 0.593176;
-- 38 is below, 48 within: undetermined; with u = 0 it is low as in 0.1.0,
-- and with u = 1 (39 of 100, still below) low as well.
SELECT funnel_position(make_recording_stats(60, 0, 60), 0.281) AS all_unknown,
       funnel_position(make_recording_stats(60, 0, 0), 0.281) AS known_zero,
       funnel_position(make_recording_stats(100, 38, 10), 0.5, 0.95) AS some_unknown,
       funnel_position(make_recording_stats(100, 38), 0.5, 0.95) AS none_unknown,
       funnel_position(make_recording_stats(100, 38, 1), 0.5, 0.95) AS one_unknown;
-- unknowns that cannot move it across a limit leave the position as it is:
-- 884 + 10 of 3146 = 0.2842 is still within around 0.281
SELECT funnel_position(make_recording_stats(3146, 884, 10), 0.281) AS within;

-- recording_verdict (by a margin) already looked at both cases; below_threshold
-- is NULL where the verdict is undetermined (0.3.0; it was false)
SELECT recording_verdict(make_recording_stats(60, 0, 60), 0.5) AS verdict,
       below_threshold(make_recording_stats(60, 0, 60), 0.5) AS below;

-- funnel_phi leaves out units with unknown > 0: the same with and without
-- the all-unknown force (and the partly unknown one).  By hand (statistics.sql):
-- z = -2, 0, 2 at 1/2 and n = 100 give phi = 1.70666667.
CREATE TEMP TABLE units (force text, s recording_stats);
INSERT INTO units VALUES ('a', make_recording_stats(100, 40)), ('b', make_recording_stats(100, 50)),
                         ('c', make_recording_stats(100, 60)),
                         ('x', make_recording_stats(60, 0, 60)),
                         ('y', make_recording_stats(100, 10, 1));
SELECT round(funnel_phi(s, 0.5)::numeric, 8) AS phi_all,
       round((SELECT funnel_phi(s, 0.5) FROM units WHERE unknown(s) = 0)::numeric, 8) AS phi_known
  FROM units;
-- only units with unknowns: no estimate
SELECT funnel_phi(s, 0.5) IS NULL AS no_estimate FROM units WHERE unknown(s) > 0;

-- change_p_value: NULL when either period has unknowns
SELECT change_p_value(make_recording_stats(100, 40), make_recording_stats(60, 0, 60)) IS NULL AS after_unknown,
       change_p_value(make_recording_stats(100, 20, 30), make_recording_stats(100, 40)) IS NULL AS before_unknown,
       round(change_p_value(make_recording_stats(100, 20), make_recording_stats(100, 40))::numeric, 8) AS known;

-- recording_change at the corners (Fisher p-values from scipy.stats.fisher_exact):
--   [[20, 80], [40, 60]] 0.00319182   [[25, 75], [40, 60]] 0.03414380
--   [[50, 50], [40, 60]] 0.20070760   [[40, 60], [0, 60]]  1.76e-10
--   [[40, 60], [60, 0]]  2.51e-17
-- (100, 20, u 5) -> (100, 40): least favourable corner 25 -> 40, p 0.034: improved
-- (100, 20, u 30) -> (100, 40): least favourable 50 -> 40 is no rise, but
--   20 -> 40 is a significant one: undetermined
-- (100, 40) -> (60, 0, u 60): 40 -> 0 of 60 is a significant fall, 40 -> 60
--   of 60 a significant rise: undetermined, never worsened
-- (100, 40) -> (60, 0): worsened, as in 0.1.0
-- (100, 40, u 10) -> (100, 40, u 10): 50 -> 40 (p 0.2007) and 40 -> 50 not
--   significant: no_change
SELECT recording_change(make_recording_stats(100, 20, 5), make_recording_stats(100, 40)) AS few_unknown,
       recording_change(make_recording_stats(100, 20, 30), make_recording_stats(100, 40)) AS many_unknown,
       recording_change(make_recording_stats(100, 40), make_recording_stats(60, 0, 60)) AS all_unknown,
       recording_change(make_recording_stats(100, 40), make_recording_stats(60, 0)) AS known_zero,
       recording_change(make_recording_stats(100, 40, 10), make_recording_stats(100, 40, 10)) AS same;
-- with alpha 0.01 the few-unknown corner (p 0.034) is no longer significant,
-- but 20 -> 40 of 100 (p 0.0032) still is: undetermined
SELECT recording_change(make_recording_stats(100, 20, 5), make_recording_stats(100, 40), 0.01) AS strict;

-- the new enum values come from the upgrade script
SELECT enum_range(NULL::funnel_position) AS positions, enum_range(NULL::recording_change) AS changes;
