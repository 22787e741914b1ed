-- test/lib/capture_trap.sql - figures that go through libRmath or GSL,
-- printed in full (shortest exact text of every double), for
-- test/suites/87-capture to compare byte for byte between a cluster without
-- and with the capture trap.  Run from the repository root (data/).
\set ON_ERROR_STOP 1
SET extra_float_digits = 1;
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS recording_gap;
CREATE TEMP TABLE cap_uk5 (la int, ng int, pfnca int, go int, gp int, count bigint);
\copy cap_uk5 FROM 'data/ukdat_5.csv' WITH (FORMAT csv, HEADER true)
CREATE TEMP TABLE cap_uk4 (la int, ng int, pfnca int, go int, count bigint);
\copy cap_uk4 FROM 'data/ukdat_4.csv' WITH (FORMAT csv, HEADER true)

-- intervals for a proportion, every method (clopper_pearson: qbeta)
SELECT n, x, u, m, l,
       ci_lower(make_recording_stats(n, x, u), l, m) AS lo,
       ci_upper(make_recording_stats(n, x, u), l, m) AS hi,
       ci_bounds_lower(make_recording_stats(n, x, u), l, m) AS blo,
       ci_bounds_upper(make_recording_stats(n, x, u), l, m) AS bhi
FROM (VALUES (3146, 884, 0), (10, 3, 0), (1, 0, 0), (1, 1, 0), (100, 50, 7), (7, 7, 0), (250, 20, 30)) v(n, x, u),
     unnest(ARRAY['wilson', 'clopper_pearson', 'jeffreys', 'wald', 'agresti_coull']) m,
     unnest(ARRAY[0.8, 0.95, 0.998]) l
ORDER BY n, x, u, m, l;

-- verdicts
SELECT n, x, u, t, recording_verdict(make_recording_stats(n, x, u), t, 0.95, 'clopper_pearson') AS cp,
       recording_verdict(make_recording_stats(n, x, u), t) AS w,
       below_threshold(make_recording_stats(n, x, u), t) AS below
FROM (VALUES (3146, 884, 0), (10, 3, 0), (100, 50, 7), (250, 20, 30)) v(n, x, u),
     unnest(ARRAY[0.1, 0.3, 0.5, 0.95]) t
ORDER BY n, x, u, t;

-- funnel limits (binomial quantiles), with over-dispersion and tau2
SELECT n, t, l, funnel_lower(n, t, l) AS lo, funnel_upper(n, t, l) AS hi,
       funnel_lower_phi(n, t, 2.25, l) AS lo_phi, funnel_upper_phi(n, t, 2.25, l) AS hi_phi,
       funnel_lower_tau2(n, t, 0.01, l) AS lo_tau2, funnel_upper_tau2(n, t, 0.01, l) AS hi_tau2
FROM unnest(ARRAY[1, 10, 100, 3146, 100000]::bigint[]) n,
     unnest(ARRAY[0.1, 0.281, 0.5, 0.9]) t,
     unnest(ARRAY[0.95, 0.998]) l
ORDER BY n, t, l;

SELECT n, x, t, funnel_position(make_recording_stats(n, x), t) AS pos,
       funnel_position(make_recording_stats(n, x, 5), t, 0.95, 1.5) AS pos_phi,
       funnel_position_tau2(make_recording_stats(n, x), t, 0.005) AS pos_tau2,
       funnel_z(make_recording_stats(n, x), t) AS z,
       funnel_z(make_recording_stats(n, x), t, 0.005) AS z_tau2,
       funnel_p_value(make_recording_stats(n, x), t) AS p
FROM (VALUES (3146, 884), (120, 20), (40, 30), (500, 140)) v(n, x), unnest(ARRAY[0.281, 0.5]) t
ORDER BY n, x, t;

SELECT funnel_phi(s, 0.3) AS phi, funnel_tau2(s, 0.3) AS tau2
FROM (VALUES (make_recording_stats(120, 20)), (make_recording_stats(40, 30)),
             (make_recording_stats(500, 140)), (make_recording_stats(3146, 884))) v(s);

-- change between two periods
SELECT b, a, change_p_value(b, a) AS p, change_lower(b, a) AS lo, change_upper(b, a) AS hi,
       change_lower(b, a, 0.99) AS lo99, recording_change(b, a) AS verdict
FROM (VALUES (make_recording_stats(70, 56), make_recording_stats(80, 48)),
             (make_recording_stats(3146, 884), make_recording_stats(3300, 1010)),
             (make_recording_stats(10, 3, 2), make_recording_stats(12, 9)),
             (make_recording_stats(50, 25), make_recording_stats(50, 25))) v(b, a)
ORDER BY b::text, a::text;

-- trend over scores
SELECT trend_p_value(score, s) AS p, recording_trend(score, s) AS trend,
       recording_trend(score, s, 0.01) AS trend01
FROM (VALUES (1, make_recording_stats(100, 20)), (2, make_recording_stats(110, 30)),
             (3, make_recording_stats(90, 35)), (4, make_recording_stats(120, 50))) v(score, s);
SELECT trend_p_value(score, s) AS p, recording_trend(score, s) AS trend
FROM (VALUES (1, make_recording_stats(100, 20, 10)), (2, make_recording_stats(110, 30)),
             (3, make_recording_stats(90, 22, 4))) v(score, s);

-- multiple comparisons, every method
SELECT i, m, p_adjust(p, m) OVER (PARTITION BY m) AS adj
FROM (VALUES (1, 0.01), (2, 0.02), (3, 0.03), (4, 0.04), (5, 0.05), (6, 0.5), (7, NULL)) v(i, p),
     unnest(ARRAY['holm', 'hochberg', 'hommel', 'bonferroni', 'BH', 'BY', 'none']) m
ORDER BY m, i;

-- audit sample
SELECT unrecorded_estimate(make_recording_stats(200, 150, 10), 5000) AS est,
       unrecorded_estimate_lower(make_recording_stats(200, 150, 10), 5000) AS lo,
       unrecorded_estimate_upper(make_recording_stats(200, 150, 10), 5000, 0.99) AS hi;

-- capture-recapture: fits (GSL Cholesky) and profile limits (qchisq:
-- qgamma -> dgamma inside libRmath; PostgreSQL 18 has its own dgamma)
SELECT mse_fit(ARRAY[la=1, ng=1, pfnca=1, go=1, gp=1], count)::text AS fit5 FROM cap_uk5;
SELECT m, mse_estimate(f) AS est, mse_lower(f) AS lo, mse_upper(f) AS hi,
       mse_lower(f, 0.8) AS lo80, mse_upper(f, 0.99) AS hi99, mse_aic(f) AS aic, mse_model(f) AS model
FROM (SELECT m, mse_fit(ARRAY[la=1, ng=1, pfnca=1, go=1, gp=1], count, m) AS f
      FROM cap_uk5, unnest(ARRAY['stepwise', 'independence', '1:2, 2:5']) m GROUP BY m) s
ORDER BY m;
SELECT mse_fit(ARRAY[la=1, ng=1, pfnca=1, go=1], count)::text AS fit4,
       mse_lower(mse_fit(ARRAY[la=1, ng=1, pfnca=1, go=1], count)) AS lo4,
       mse_upper(mse_fit(ARRAY[la=1, ng=1, pfnca=1, go=1], count)) AS hi4
FROM cap_uk4;
SELECT chapman_estimate(120, 150, 30) AS chapman, chapman_variance(120, 150, 30) AS var;
