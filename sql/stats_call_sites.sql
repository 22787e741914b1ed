-- Per-call-site caches are keyed on the value they cache (the method name,
-- the level behind the remembered normal quantile), never on an argument
-- being "stable".  0.1.0 kept the first method of a PL/pgSQL loop for every
-- later iteration: the first loop below printed Wilson's 0.0102545 four times.
--
-- Expected figures: 3 of 100, computed with GNU R 4.2 and checked again
-- with statsmodels' proportion_confint (identical to 7 decimals):
--   wilson           prop.test(3, 100, correct = FALSE, conf.level = l)$conf.int
--   clopper_pearson  binom.test(3, 100, conf.level = l)$conf.int
--   jeffreys         qbeta(c(a/2, 1 - a/2), 3.5, 97.5)
--   agresti_coull    n~ = 100 + z^2, p~ = (3 + z^2/2) / n~, p~ -/+ z sqrt(p~ (1 - p~) / n~)
--   wald             0.03 -/+ z sqrt(0.03 * 0.97 / 100), clipped to [0, 1]
--            level 0.95             0.99                   0.90
--   wilson   0.0102545 0.0845194    0.0076122 0.1108753    0.0120518 0.0727103
--   wald     0         0.0634345    0         0.0739404    0.0019409 0.0580591
--   cp       0.0062300 0.0851761    0.0034071 0.1054813    0.0082258 0.0757108
--   jeffreys 0.0085203 0.0778876    0.0049966 0.0975917    0.0109146 0.0687568
--   ac       0.0065221 0.0882518    0.0003557 0.1181318    0.0096837 0.0750784
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS recording_gap;
RESET client_min_messages;

-- the reproduction from the issue: one call site, the method in a variable
DO $$ DECLARE m text; BEGIN
  FOREACH m IN ARRAY ARRAY['wilson','wald','clopper_pearson','jeffreys'] LOOP
    RAISE NOTICE '% %', m, round(ci_lower(make_recording_stats(100,3), 0.95, m)::numeric, 7);
  END LOOP; END $$;

-- method and level both change under one call site, lower and upper
DO $$ DECLARE m text; l float8; BEGIN
  FOREACH l IN ARRAY ARRAY[0.95, 0.99, 0.9] LOOP
    FOREACH m IN ARRAY ARRAY['wilson','wald','clopper_pearson','jeffreys','agresti_coull'] LOOP
      RAISE NOTICE '% % % %', l, m, round(ci_lower(make_recording_stats(100,3), l, m)::numeric, 7),
                                   round(ci_upper(make_recording_stats(100,3), l, m)::numeric, 7);
    END LOOP;
  END LOOP; END $$;

-- a bad name after good ones still fails, and a good one after it works
DO $$ DECLARE m text; BEGIN
  FOREACH m IN ARRAY ARRAY['wilson','Wilson'] LOOP
    RAISE NOTICE '% %', m, round(ci_lower(make_recording_stats(100,3), 0.95, m)::numeric, 7);
  END LOOP; END $$;

-- a prepared statement with a generic plan: $1 and $2 are external parameters
SET plan_cache_mode = force_generic_plan;
PREPARE ci(text, float8) AS
  SELECT round(ci_lower(make_recording_stats(100, 3), $2, $1)::numeric, 7) AS lower,
         round(ci_upper(make_recording_stats(100, 3), $2, $1)::numeric, 7) AS upper;
EXECUTE ci('wilson', 0.95);
EXECUTE ci('wald', 0.95);
EXECUTE ci('clopper_pearson', 0.99);
EXECUTE ci('jeffreys', 0.9);
EXECUTE ci('agresti_coull', 0.99);
EXECUTE ci('wilson', 0.9);
DEALLOCATE ci;
RESET plan_cache_mode;

-- a plain query: one call site over rows whose method and level differ
SELECT m AS method, l AS level,
       round(ci_lower(make_recording_stats(100, 3), l, m)::numeric, 7) AS lower,
       round(ci_upper(make_recording_stats(100, 3), l, m)::numeric, 7) AS upper
  FROM (VALUES ('wilson', 0.95), ('wald', 0.95), ('clopper_pearson', 0.95),
               ('jeffreys', 0.95), ('wilson', 0.99), ('agresti_coull', 0.9),
               ('wald', 0.9), ('wilson', 0.95)) AS v(m, l);
