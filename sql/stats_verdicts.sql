-- Verdicts in 0.2.0.
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS recording_gap;
RESET client_min_messages;

-- The enum type is now threshold_verdict, so a quoted summary calls the
-- function (0.1.0 parsed this as a cast to the type and failed with
-- 'invalid input value for enum recording_verdict').  884 / 3146 = 0.281
-- is below the default threshold 0.95.
SELECT recording_verdict('(referrals=3146, recorded=884)') AS verdict;
SELECT recording_verdict('(referrals=3146, recorded=884)', 0.25) AS verdict;
SELECT pg_typeof(recording_verdict('(referrals=3146, recorded=884)')) AS type;
SELECT to_regtype('recording_verdict') IS NULL AS old_type_gone;

-- recording_verdict(s, threshold, level, method DEFAULT 'wilson'): below
-- beyond chance.  below only when ci_bounds_upper(s, level, method) <
-- threshold, meets only when ci_bounds_lower(s, level, method) >= threshold.
-- England & Wales 2015-16, 884 of 3146; intervals by GNU R 4.2 (prop.test
-- correct = FALSE, binom.test, qbeta; agresti_coull and wald by formula),
-- checked with statsmodels' proportion_confint:
--   95%  wilson 0.2655595 0.2969581   clopper_pearson 0.2653357 0.2970559
--        jeffreys 0.2654918 0.2968945 agresti_coull 0.2655573 0.2969604
--        wald 0.2652851 0.2966983
--   99%  wilson 0.2608272 0.3020781
-- By a margin, the ratio 0.281 is below 0.29; beyond chance it is not
-- (the Wilson interval reaches 0.2970).
SELECT t AS threshold,
       recording_verdict(s, t) AS by_margin,
       recording_verdict(s, t, 0.95) AS beyond_chance_95,
       recording_verdict(s, t, 0.99) AS beyond_chance_99
  FROM make_recording_stats(3146, 884) AS s,
       unnest(ARRAY[0.25, 0.27, 0.29, 0.297, 0.3, 0.31]) AS t;
-- each method at 0.297 (only clopper_pearson reaches it: undetermined) and at
-- 0.2655 (wilson and agresti_coull start above it: meets)
SELECT m AS method,
       recording_verdict(s, 0.297, 0.95, m) AS at_0_297,
       recording_verdict(s, 0.2655, 0.95, m) AS at_0_2655
  FROM make_recording_stats(3146, 884) AS s,
       unnest(ARRAY['wilson', 'clopper_pearson', 'jeffreys', 'agresti_coull', 'wald']) AS m;
-- the same through one PL/pgSQL call site with the method in a variable
DO $$ DECLARE m text; BEGIN
  FOREACH m IN ARRAY ARRAY['wilson', 'clopper_pearson', 'jeffreys', 'agresti_coull', 'wald'] LOOP
    RAISE NOTICE '% %', m, recording_verdict(make_recording_stats(3146, 884), 0.297, 0.95, m);
  END LOOP; END $$;
-- and through a generic plan
SET plan_cache_mode = force_generic_plan;
PREPARE v(float8, float8, text) AS
  SELECT recording_verdict(make_recording_stats(3146, 884), $1, $2, $3);
EXECUTE v(0.297, 0.95, 'wilson');
EXECUTE v(0.297, 0.95, 'clopper_pearson');
EXECUTE v(0.3, 0.99, 'wilson');
EXECUTE v(0.25, 0.99, 'wald');
DEALLOCATE v;
RESET plan_cache_mode;
-- unknowns widen the interval: (100, 40, u 20), Wilson 95% bounds
-- [0.309401, 0.690599] (see stats_unknowns.sql): meets 0.3, below 0.7,
-- undetermined at 0.5; a force with every outcome unknown is never below
SELECT recording_verdict(make_recording_stats(100, 40, 20), 0.3, 0.95) AS meets,
       recording_verdict(make_recording_stats(100, 40, 20), 0.7, 0.95) AS below,
       recording_verdict(make_recording_stats(100, 40, 20), 0.5, 0.95) AS undetermined,
       recording_verdict(make_recording_stats(60, 0, 60), 0.5, 0.95) AS all_unknown,
       recording_verdict(make_recording_stats(60, 0, 60), 1, 0.95) AS all_unknown_at_1,
       recording_verdict(make_recording_stats(0, 0), 0.5, 0.95) AS none;
-- a threshold of 0 is always met; 1 is never met beyond chance (every lower
-- limit is under 1), and 9 of 10 is below it (Wilson upper 0.982 by R)
SELECT recording_verdict(make_recording_stats(10, 0), 0, 0.95) AS zero,
       recording_verdict(make_recording_stats(10, 10), 1, 0.95) AS one_all,
       recording_verdict(make_recording_stats(10, 9), 1, 0.95) AS one_most;
-- bad input
SELECT recording_verdict(make_recording_stats(10, 3), 0.5, 1);
SELECT recording_verdict(make_recording_stats(10, 3), 0.5, 0);
SELECT recording_verdict(make_recording_stats(10, 3), 0.5, 'NaN');
SELECT recording_verdict(make_recording_stats(10, 3), 'NaN', 0.95);
SELECT recording_verdict(make_recording_stats(10, 3), 1.5, 0.95);
SELECT recording_verdict(make_recording_stats(10, 3), 0.5, 0.95, 'score');
