-- Capture-recapture (multiple systems estimation): mse_fit and friends.
-- Reference figures come from test/oracle/mse_reference.py (statsmodels
-- Poisson GLM, scipy root finding) for the UK 2013 data (consistent with
-- the published 10,000 to 13,000 of Silverman, 2014); the small tables and
-- Chapman's figures are worked out by hand in the comments.

CREATE TABLE mse_uk5 (la int, ng int, pfnca int, go int, gp int, count bigint);
\copy mse_uk5 FROM 'data/ukdat_5.csv' WITH (FORMAT csv, HEADER true)
CREATE TABLE mse_uk4 (la int, ng int, pfnca int, go int, count bigint);
\copy mse_uk4 FROM 'data/ukdat_4.csv' WITH (FORMAT csv, HEADER true)

-- UK, five lists, stepwise: reference 11312.990289435, interval
-- 9907.8234281 .. 13063.794553, path [1:2, 2:5, 3:5, 1:3, 4:5, 2:4],
-- AIC 127.598630577.
SELECT mse_observed(f) AS observed,
       round(mse_unobserved(f)::numeric, 4) AS unobserved,
       round(mse_estimate(f)::numeric, 4) AS estimate,
       round(mse_lower(f)::numeric, 3) AS lower,
       round(mse_upper(f)::numeric, 3) AS upper,
       mse_model(f) AS model,
       round(mse_aic(f)::numeric, 5) AS aic
FROM (SELECT mse_fit(ARRAY[la=1, ng=1, pfnca=1, go=1, gp=1], count) AS f FROM mse_uk5) s;

-- the same with the model named: identical
SELECT mse_fit(ARRAY[la=1, ng=1, pfnca=1, go=1, gp=1], count, 'stepwise')::text
     = mse_fit(ARRAY[la=1, ng=1, pfnca=1, go=1, gp=1], count)::text AS same
FROM mse_uk5;

-- independence: reference 13444.131209015, interval 12003.997433 .. 15160.291201
SELECT round(mse_estimate(f)::numeric, 4) AS estimate,
       round(mse_lower(f)::numeric, 3) AS lower,
       round(mse_upper(f)::numeric, 3) AS upper,
       mse_model(f) AS model
FROM (SELECT mse_fit(ARRAY[la=1, ng=1, pfnca=1, go=1, gp=1], count, 'independence') AS f FROM mse_uk5) s;

-- the full text form of a summary, and its round trip through text input:
-- every figure is printed with enough digits to read back to the same double
SELECT mse_fit(ARRAY[la=1, ng=1, pfnca=1, go=1], count) FROM mse_uk4;
SELECT mse_model(f::text::mse_result), mse_estimate(f::text::mse_result) = mse_estimate(f) AS same,
       f::text::mse_result::text = f::text AS same_text
FROM (SELECT mse_fit(ARRAY[la=1, ng=1, pfnca=1, go=1], count) AS f FROM mse_uk4) s;
-- stepwise on four lists: reference 11015.244454372, 9605.6669340 .. 12771.658057
SELECT round(mse_estimate(f)::numeric, 4) AS estimate,
       round(mse_lower(f)::numeric, 3) AS lower,
       round(mse_upper(f)::numeric, 3) AS upper
FROM (SELECT mse_fit(ARRAY[la=1, ng=1, pfnca=1, go=1], count) AS f FROM mse_uk4) s;

-- an explicit model, and a wider and a narrower interval around the estimate
SELECT mse_model(f), round(mse_estimate(f)::numeric, 2) AS estimate,
       mse_lower(f, 0.80) > mse_lower(f, 0.95) AND mse_upper(f, 0.80) < mse_upper(f, 0.95) AS nested,
       mse_lower(f, 0.99) < mse_lower(f) AND mse_upper(f, 0.99) > mse_upper(f) AS wider
FROM (SELECT mse_fit(ARRAY[la=1, ng=1, pfnca=1, go=1, gp=1], count, ' [ 2:1 ,5:2 ] ') AS f FROM mse_uk5) s;

-- one row per person gives the same table as one row per pattern
CREATE TABLE mse_people AS
SELECT ARRAY[la=1, ng=1, pfnca=1, go=1, gp=1] AS on_lists
FROM mse_uk5, generate_series(1, count);
SELECT count(*) FROM mse_people;
SELECT (SELECT mse_fit(on_lists, 1)::text FROM mse_people)
     = (SELECT mse_fit(ARRAY[la=1, ng=1, pfnca=1, go=1, gp=1], count)::text FROM mse_uk5) AS same;

-- in parallel: partial aggregates are serialized, combined and refitted
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
EXPLAIN (COSTS OFF) SELECT mse_fit(on_lists, 1) FROM mse_people;
SELECT mse_fit(on_lists, 1)::text
     = (SELECT mse_fit(ARRAY[la=1, ng=1, pfnca=1, go=1, gp=1], count)::text FROM mse_uk5) AS same
FROM mse_people;
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
RESET max_parallel_workers_per_gather;

-- binary round trip (send, then receive: structure checked, never refitted)
CREATE TABLE mse_fits (name text, f mse_result);
INSERT INTO mse_fits
SELECT 'uk5', mse_fit(ARRAY[la=1, ng=1, pfnca=1, go=1, gp=1], count) FROM mse_uk5;
\copy mse_fits TO 'results/mse_fits.bin' WITH (FORMAT binary)
\copy mse_fits FROM 'results/mse_fits.bin' WITH (FORMAT binary)
SELECT name, mse_model(f), round(mse_estimate(f)::numeric, 4) AS estimate FROM mse_fits;
SELECT count(DISTINCT f::text) FROM mse_fits;
-- equality without ::text: DISTINCT, GROUP BY, = and <>
SELECT count(*) FROM (SELECT DISTINCT f FROM mse_fits) s;
SELECT count(*) AS n FROM mse_fits GROUP BY f;
SELECT a.f = b.f AS eq, a.f <> b.f AS ne FROM mse_fits a, mse_fits b LIMIT 1;

-- zero rows: NULL, like sum()
SELECT mse_fit(p, n) IS NULL AS is_null
FROM (VALUES (ARRAY[true, false], 1::bigint)) v(p, n) WHERE false;

-- three lists, independent by construction: N = 1000, capture
-- probabilities 0.5, 0.4, 0.2: expected cell counts are exact, so the
-- independence model reproduces N0 = 1000 * 0.5 * 0.6 * 0.8 = 240
-- (cells: 100 = 240, 010 = 160, 001 = 60, 110 = 160, 101 = 60, 011 = 40, 111 = 40)
SELECT round(mse_unobserved(mse_fit(p, n, 'independence'))::numeric, 6) AS unobserved,
       round(mse_estimate(mse_fit(p, n, 'independence'))::numeric, 6) AS estimate
FROM (VALUES (ARRAY[true, false, false], 240::bigint), (ARRAY[false, true, false], 160),
             (ARRAY[false, false, true], 60), (ARRAY[true, true, false], 160),
             (ARRAY[true, false, true], 60), (ARRAY[false, true, true], 40),
             (ARRAY[true, true, true], 40)) v(p, n);

-- two lists: the independence model is Petersen's n1 n2 / m;
-- n1 = 100, n2 = 80, m = 20 gives 100 * 80 / 20 = 400
SELECT round(mse_estimate(mse_fit(p, n, 'independence'))::numeric, 6) AS petersen
FROM (VALUES (ARRAY[true, false], 80::bigint), (ARRAY[false, true], 60),
             (ARRAY[true, true], 20)) v(p, n);

-- Chapman: (101)(81)/21 - 1 = 8181/21 - 1 = 388.571428571...
-- variance 101 * 81 * 80 * 60 / (21^2 * 22) = 39268800 / 9702 = 4047.495361...
SELECT round(chapman_estimate(100, 80, 20)::numeric, 9) AS estimate,
       round(chapman_variance(100, 80, 20)::numeric, 6) AS variance;
-- no overlap: (11)(21)/1 - 1 = 230; variance 11 * 21 * 10 * 20 / (1 * 2) = 23100
SELECT chapman_estimate(10, 20, 0), chapman_variance(10, 20, 0);
-- complete overlap: variance 0
SELECT chapman_estimate(5, 5, 5), chapman_variance(5, 5, 5);

-- errors
SELECT chapman_estimate(-1, 5, 0);
SELECT chapman_variance(5, 4, 5);
SELECT mse_fit(ARRAY[false, false], 3);
SELECT mse_fit(p, 1) FROM (VALUES (ARRAY[true, false]), (ARRAY[true, false, true])) v(p);
SELECT mse_fit(ARRAY[true, false], -2);
SELECT mse_fit(ARRAY[true, NULL], 1);
SELECT mse_fit(ARRAY[true, false], NULL);
SELECT mse_fit(NULL::boolean[], 1);
SELECT mse_fit(ARRAY[[true, false], [false, true]], 1);
SELECT mse_fit(array_fill(true, ARRAY[16]), 1);
SELECT mse_fit(ARRAY[true], 1);
SELECT mse_fit('{}'::boolean[], 1);
SELECT mse_fit(ARRAY[true, false, true], 1, 'best');
SELECT mse_fit(ARRAY[true, false, true], 1, '1:1');
SELECT mse_fit(ARRAY[true, false, true], 1, '1:2, 2:1');
SELECT mse_fit(ARRAY[true, false, true], 1, '1:4');
SELECT mse_fit(ARRAY[true, false, true], 1, '1-2');
SELECT mse_fit(ARRAY[true, false, true], 1, '');
SELECT mse_fit(ARRAY[true, false, true], 1, '[1:2');
SELECT mse_fit(ARRAY[true, false, true], 1, NULL);
SELECT mse_fit(p, 1, m) FROM (VALUES (ARRAY[true, false], 'stepwise'), (ARRAY[false, true], 'independence')) v(p, m);
SELECT mse_fit(ARRAY[true, false], 0);
SELECT mse_fit(p, 9223372036854775807) FROM (VALUES (ARRAY[true, false]), (ARRAY[true, false])) v(p);
-- two lists without overlap: the estimate is infinite; no error, a status
SELECT mse_fit(p, n) FROM (VALUES (ARRAY[true, false], 10::bigint), (ARRAY[false, true], 20)) v(p, n);
-- an explicit interaction between lists with no one in common: a status too
SELECT mse_fit(ARRAY[la=1, ng=1, pfnca=1, go=1, gp=1], count, '1:5') FROM mse_uk5;
SELECT mse_lower(mse_fit(ARRAY[la=1, ng=1, pfnca=1, go=1, gp=1], count), 1) FROM mse_uk5;
SELECT mse_upper(mse_fit(ARRAY[la=1, ng=1, pfnca=1, go=1, gp=1], count), 'NaN') FROM mse_uk5;
-- a single observed pattern on two lists: no overlap either
SELECT mse_fit(ARRAY[true, false], 1)::text;
-- more parameters than cells: 4 parameters, 3 cells
SELECT mse_fit(p, 1, '1:2') FROM (VALUES (ARRAY[true, false]), (ARRAY[true, true]), (ARRAY[false, true])) v(p);
SELECT '(lists=2, model=[], observed=3, unobserved=1, estimate=4, aic=12, counts=[1, 1])'::mse_result;
-- the text form of 0.1.0 reads, its figures checked against the counts:
-- two lists of 2 with 1 in common: Petersen N = 2 * 2 / 1 = 4, N0 = 1; the
-- fit is exact (3 parameters, 3 cells, mu = y = 1), log L = 3 * (0 - 1 - 0),
-- AIC = 6 + 2 * 3 = 12
SELECT '(lists=2, model=[], observed=3, unobserved=1, estimate=4, aic=12, counts=[1, 1, 1])'::mse_result;
SELECT '(lists=2, model=[], observed=3, unobserved=1, estimate=4, aic=1, counts=[1, 1, 1])'::mse_result;
-- estimate must equal observed + unobserved, and observed the counts' sum
SELECT '(lists=2, model=[], observed=3, unobserved=1, estimate=5, aic=12, counts=[1, 1, 1])'::mse_result;
SELECT '(lists=2, model=[], status=no_overlap, observed=4, counts=[1, 2, 0])'::mse_result;
SELECT '(lists=2, model=[], status=maybe, observed=3, counts=[1, 2, 0])'::mse_result;
SELECT '(lists=2, model=[], status=ok, observed=3, counts=[1, 2, 0])'::mse_result;
SELECT '(lists=2, names=[a, a], model=[], status=no_overlap, observed=3, counts=[1, 2, 0])'::mse_result;
SELECT 'nonsense'::mse_result;
SELECT '(lists=16, model=[], observed=3)'::mse_result;

-- ---------------------------------------------------------------------
-- 0.2.0: strata that cannot be estimated, input without refitting,
-- equality, integer patterns, list names, the stepwise threshold.
-- Reference figures from GNU R's glm(family = poisson) (Rscript, with a
-- profile by uniroot on the deviance; the stepwise rule re-implemented
-- from doc/capture-recapture.md), or by hand where stated.
-- ---------------------------------------------------------------------

-- a grouped fit returns every stratum: independent by construction
-- (N0 = 240 by hand, above), Petersen (400 by hand), two lists with no
-- overlap (no estimate), three lists with no overlap at all (the MLE does
-- not exist).  R: independent 957.627644 .. 1050.909881; Petersen
-- 300.239441 .. 584.829256.
CREATE TABLE mse_strata (region text, p boolean[], n bigint);
INSERT INTO mse_strata VALUES
  ('a_indep', ARRAY[true, false, false], 240), ('a_indep', ARRAY[false, true, false], 160),
  ('a_indep', ARRAY[false, false, true], 60), ('a_indep', ARRAY[true, true, false], 160),
  ('a_indep', ARRAY[true, false, true], 60), ('a_indep', ARRAY[false, true, true], 40),
  ('a_indep', ARRAY[true, true, true], 40),
  ('b_petersen', ARRAY[true, false], 80), ('b_petersen', ARRAY[false, true], 60),
  ('b_petersen', ARRAY[true, true], 20),
  ('c_disjoint', ARRAY[true, false], 10), ('c_disjoint', ARRAY[false, true], 20),
  ('d_singles', ARRAY[true, false, false], 10), ('d_singles', ARRAY[false, true, false], 10),
  ('d_singles', ARRAY[false, false, true], 10);
SELECT region, mse_status(f) AS status, mse_observed(f) AS observed,
       round(mse_estimate(f)::numeric, 6) AS estimate,
       round(mse_lower(f)::numeric, 6) AS lower, round(mse_upper(f)::numeric, 6) AS upper,
       round(mse_unobserved(f)::numeric, 6) AS unobserved, mse_aic(f) IS NULL AS no_aic,
       mse_model(f) AS model
FROM (SELECT region, mse_fit(p, n, 'independence') AS f FROM mse_strata GROUP BY region) s
ORDER BY region;
-- the same through stepwise selection, and in a PL/pgSQL loop
SELECT region, mse_status(mse_fit(p, n)) FROM mse_strata GROUP BY region ORDER BY region;
DO $$
DECLARE r record;
BEGIN
  FOR r IN SELECT region, mse_fit(p, n) AS f FROM mse_strata GROUP BY region ORDER BY region LOOP
    RAISE NOTICE '% % %', r.region, mse_status(r.f), coalesce(round(mse_estimate(r.f)::numeric, 3)::text, 'NULL');
  END LOOP;
END $$;
-- a non-estimable value survives text and binary round trips
CREATE TABLE mse_status_fits AS
SELECT region, mse_fit(p, n) AS f FROM mse_strata GROUP BY region;
\copy mse_status_fits TO 'results/mse_status_fits.bin' WITH (FORMAT binary)
CREATE TABLE mse_status_back (LIKE mse_status_fits);
\copy mse_status_back FROM 'results/mse_status_fits.bin' WITH (FORMAT binary)
SELECT a.region, a.f = b.f AS same_binary, a.f = a.f::text::mse_result AS same_text,
       mse_status(b.f)
FROM mse_status_fits a JOIN mse_status_back b USING (region) ORDER BY region;

-- tiny: one person on each list and one on both: Petersen 2 x 2 / 1 = 4;
-- R: 3.019880996 .. 39.174358173; the closed form of the two-list profile
-- (for fixed N0, a = n1 / (N0 (1 + b)), b = n2 / (N0 (1 + a))) solved in
-- 60-digit arithmetic (python3 mpmath): 3.0198809963243528 .. 39.174358173027176
SELECT mse_status(f), mse_estimate(f), round(mse_lower(f)::numeric, 9) AS lower,
       round(mse_upper(f)::numeric, 9) AS upper
FROM (SELECT mse_fit(p, n) AS f FROM (VALUES (ARRAY[1, 0], 1::bigint), (ARRAY[0, 1], 1), (ARRAY[1, 1], 1)) v(p, n)) s;
-- huge: Petersen with counts of 1e13: 100e12 x 80e12 / 20e12 = 400e12;
-- 60-digit profile as above: 399999867648039.301 .. 400000132352041.707
-- (R: 399999867792713.5 .. 400000132614868.75).  At this scale the
-- deviance (terms of 1e15) is known to about 0.1, so a limit is only good
-- to about 1e-9 relative; the estimate itself to about 1e-14.
SELECT mse_status(f), abs(mse_estimate(f) / 400e12 - 1) < 1e-12 AS estimate_ok,
       abs(mse_lower(f) / 399999867648039.301 - 1) < 1e-8 AS lower_ok,
       abs(mse_upper(f) / 400000132352041.707 - 1) < 1e-8 AS upper_ok
FROM (SELECT mse_fit(p, n) AS f FROM (VALUES (ARRAY[1, 0], 80000000000000::bigint),
      (ARRAY[0, 1], 60000000000000), (ARRAY[1, 1], 20000000000000)) v(p, n)) s;
-- the MLE does not exist and the unobserved count is unbounded: three
-- lists, everyone on one list but 2 people on all three (no pair overlaps
-- outside the triple), with every interaction: no error, NULL figures
SELECT mse_status(f), mse_estimate(f), mse_lower(f), mse_upper(f), mse_model(f)
FROM (SELECT mse_fit(p, n, '1:2, 1:3, 2:3') AS f
      FROM (VALUES (ARRAY[1, 0, 0], 5::bigint), (ARRAY[0, 1, 0], 5), (ARRAY[0, 0, 1], 5),
                   (ARRAY[1, 1, 1], 2)) v(p, n)) s;

-- integer 0/1 patterns give the same fit as booleans
SELECT (SELECT mse_fit(ARRAY[la, ng, pfnca, go, gp], count) FROM mse_uk5)
     = (SELECT mse_fit(ARRAY[la=1, ng=1, pfnca=1, go=1, gp=1], count) FROM mse_uk5) AS same;
SELECT mse_fit(ARRAY[1, 2], 1);
SELECT mse_fit(ARRAY[1, -1, 0], 1);
SELECT mse_fit(ARRAY[1, NULL], 1);
SELECT mse_fit(ARRAY[0, 0], 1);
-- existing calls stay unambiguous; an untyped literal needs a cast
SELECT mse_fit(ARRAY[true, false], 1) IS NOT NULL AS boolean_form;
SELECT mse_fit('{t,f}', 1);

-- named lists: mse_model prints the names, which survive text and binary
SELECT mse_model(f), mse_status(f), round(mse_estimate(f)::numeric, 4) AS estimate
FROM (SELECT mse_fit(ARRAY[la, ng, pfnca, go, gp], count, 'stepwise',
                     ARRAY['la', 'ng', 'pfnca', 'go', 'gp']) AS f FROM mse_uk5) s;
CREATE TABLE mse_named AS
SELECT mse_fit(ARRAY[la=1, ng=1, pfnca=1, go=1, gp=1], count, '1:2, 2:5',
               ARRAY['local_authority', 'ngo', 'police.nca', 'government', 'público']) AS f
FROM mse_uk5;
SELECT f FROM mse_named;
\copy mse_named TO 'results/mse_named.bin' WITH (FORMAT binary)
\copy mse_named FROM 'results/mse_named.bin' WITH (FORMAT binary)
SELECT mse_model(f), f = f::text::mse_result AS same_text, count(*) FROM mse_named GROUP BY f;
-- named and unnamed fits of the same table are different values
SELECT (SELECT f FROM mse_named LIMIT 1)
    <> (SELECT mse_fit(ARRAY[la=1, ng=1, pfnca=1, go=1, gp=1], count, '1:2, 2:5') FROM mse_uk5) AS differ;
-- NULL names: list positions
SELECT mse_model(mse_fit(ARRAY[la, ng, pfnca, go, gp], count, '1:2', NULL)) FROM mse_uk5;
SELECT mse_fit(ARRAY[la, ng, pfnca, go, gp], count, 'stepwise', ARRAY['a', 'b']) FROM mse_uk5;
SELECT mse_fit(ARRAY[la, ng, pfnca, go, gp], count, 'stepwise', ARRAY['a', 'b', 'c', 'd', 'a']) FROM mse_uk5;
SELECT mse_fit(ARRAY[la, ng, pfnca, go, gp], count, 'stepwise', ARRAY['a', 'b', 'c', 'd', '5']) FROM mse_uk5;
SELECT mse_fit(ARRAY[la, ng, pfnca, go, gp], count, 'stepwise', ARRAY['a', 'b', 'c', 'd', 'e f']) FROM mse_uk5;
SELECT mse_fit(ARRAY[la, ng, pfnca, go, gp], count, 'stepwise', ARRAY['a', 'b', 'c', 'd', NULL]) FROM mse_uk5;
SELECT mse_fit(p, 1, 'stepwise', nm) FROM (VALUES (ARRAY[1, 0], ARRAY['a', 'b']), (ARRAY[0, 1], ARRAY['a', 'c'])) v(p, nm);

-- the stepwise p-value threshold.  R, the same rule:
--   0.05  [1:2, 2:5, 3:5, 1:3, 4:5, 2:4]  11312.9902894352
--   0.01  [1:2, 2:5, 3:5, 1:3, 4:5]       12262.4124205469, 10808.044458 .. 14044.405639
--   0.001 [1:2]                           14217.8102977285, 12627.254765 .. 16126.560993
--   1     (AIC alone) the same as 0.05
SELECT thr, mse_model(f), round(mse_estimate(f)::numeric, 6) AS estimate,
       round(mse_lower(f)::numeric, 3) AS lower, round(mse_upper(f)::numeric, 3) AS upper
FROM (SELECT thr, mse_fit(ARRAY[la, ng, pfnca, go, gp], count, 'stepwise', NULL, thr) AS f
      FROM mse_uk5, (VALUES (0.05::float8), (0.01), (0.001), (1)) t(thr) GROUP BY thr) s
ORDER BY thr DESC;
SELECT mse_fit(ARRAY[la, ng, pfnca, go, gp], count, 'stepwise', NULL, 0.05)
     = mse_fit(ARRAY[la, ng, pfnca, go, gp], count) AS default_is_005 FROM mse_uk5;
SELECT mse_fit(ARRAY[true, false], 1, 'stepwise', NULL, 0);
SELECT mse_fit(ARRAY[true, false], 1, 'stepwise', NULL, 1.5);
SELECT mse_fit(ARRAY[true, false], 1, 'stepwise', NULL, 'NaN');
SELECT mse_fit(ARRAY[true, false], 1, 'stepwise', NULL, NULL);

-- a summary written by 0.1.0 (its text form): its figures pass the check
-- against the counts; the interval refits when asked, and agrees with the
-- reference above.  It prints other figures than a fit of today (fewer
-- digits, no deviance), so it is not = to one
SELECT mse_status(f), round(mse_lower(f)::numeric, 3) AS lower, round(mse_upper(f)::numeric, 3) AS upper,
       f = (SELECT mse_fit(ARRAY[la=1, ng=1, pfnca=1, go=1, gp=1], count) FROM mse_uk5) AS same
FROM (SELECT '(lists=5, model=[1:2, 2:5, 3:5, 1:3, 4:5, 2:4], observed=2744, unobserved=8568.99028943522, estimate=11312.9902894352, aic=127.598630576813, counts=[54, 463, 15, 995, 19, 62, 1, 695, 3, 19, 1, 76, 0, 4, 1, 316, 0, 1, 0, 11, 0, 0, 0, 8, 0, 0, 0, 0, 0, 0, 0])'::mse_result AS f) s;
-- input checks the figures against the counts (the fit above gives 4)
SELECT mse_estimate('(lists=2, model=[], status=ok, observed=3, unobserved=7, estimate=10, aic=1, deviance=0, intercept_se=1, counts=[1, 1, 1])'::mse_result);
-- the true figures: N0 = 1, AIC = 12, deviance 0, and the standard error
-- of log N0 = log(y1 y2 / y3) is sqrt(1/y1 + 1/y2 + 1/y3) = sqrt(3)
SELECT mse_estimate(f), mse_aic(f)
FROM (SELECT '(lists=2, model=[], status=ok, observed=3, unobserved=1, estimate=4, aic=12, deviance=0, intercept_se=1.7320508075688772, counts=[1, 1, 1])'::mse_result AS f) s;
SELECT '(lists=2, model=[], status=ok, observed=3, unobserved=1, estimate=4, aic=12, deviance=0, intercept_se=1, counts=[1, 1, 1])'::mse_result;
SELECT '(lists=2, model=[], status=ok, observed=3, unobserved=1, estimate=4, aic=12, deviance=0.5, intercept_se=1.7320508075688772, counts=[1, 1, 1])'::mse_result;

-- ---------------------------------------------------------------------
-- forged figures (issue 20.4).  The UK five-list fit gives 11,312.99;
-- its text with the estimate (and unobserved) replaced is refused, naming
-- the figure and saying what the counts give
CREATE TABLE mse_true AS
SELECT mse_fit(ARRAY[la=1, ng=1, pfnca=1, go=1, gp=1], count) AS f FROM mse_uk5;
SELECT replace(replace(f::text, 'unobserved=8568.99028943522', 'unobserved=997326'),
               'estimate=11312.99028943522', 'estimate=1000070')::mse_result
FROM mse_true;
-- each other figure, altered in its fourth significant digit
SELECT replace(f::text, 'aic=127.59863057681304', 'aic=127.6')::mse_result FROM mse_true;
SELECT replace(f::text, 'deviance=16.351383403451276', 'deviance=16.35')::mse_result FROM mse_true;
SELECT replace(f::text, 'intercept_se=0.09305309399807818', 'intercept_se=0.0931')::mse_result FROM mse_true;
-- the same figures under another model (R: 9518.41242054669, the 0.01
-- row below), or with a count moved (R's glm: 8568.70776179716)
SELECT replace(f::text, 'model=[1:2, 2:5, 3:5, 1:3, 4:5, 2:4]', 'model=[1:2, 2:5, 3:5, 1:3, 4:5]')::mse_result
FROM mse_true;
SELECT replace(f::text, 'counts=[54, 463,', 'counts=[53, 464,')::mse_result FROM mse_true;
-- the true value reads back, equal
SELECT f::text::mse_result = f AS same FROM mse_true;
-- within the tolerance of the check (a relative 1e-6 in N0) a value may
-- differ from the fit in its last digits; it is then a different value:
-- = and the hash see every printed figure, so DISTINCT, UNION and GROUP
-- BY keep both, whatever the plan
CREATE TABLE mse_two AS
SELECT 'true' AS which, f FROM mse_true
UNION ALL
SELECT 'nudged', replace(replace(f::text, 'unobserved=8568.99028943522', 'unobserved=8568.990289435'),
                         'estimate=11312.99028943522', 'estimate=11312.990289435')::mse_result
FROM mse_true;
SELECT a.which, b.which, a.f = b.f AS eq, a.f <> b.f AS ne
FROM mse_two a, mse_two b ORDER BY 1, 2;
SELECT count(*) FROM (SELECT DISTINCT f FROM mse_two) s;
SELECT count(*) FROM (SELECT f FROM mse_two UNION SELECT f FROM mse_true) s;
SET enable_hashagg = off;
SELECT count(*) FROM (SELECT f FROM mse_two GROUP BY f) s;
RESET enable_hashagg;
SET enable_sort = off;
SELECT count(*) FROM (SELECT f FROM mse_two GROUP BY f) s;
RESET enable_sort;
SELECT count(DISTINCT mse_result_hash(f)) AS hashes FROM mse_two;
SELECT f::text AS mse_true_text, replace(f::text, 'aic=127.59863057681304', 'aic=128') AS mse_bad_text
FROM mse_true \gset
PREPARE mse_in(text) AS SELECT round(mse_estimate($1::mse_result)::numeric, 6);
SET plan_cache_mode = force_generic_plan;
EXECUTE mse_in(:'mse_true_text');
EXECUTE mse_in(:'mse_bad_text');
EXECUTE mse_in(:'mse_true_text');
RESET plan_cache_mode;
DEALLOCATE mse_in;
DO $$
DECLARE
  t text;
  bad int := 0;
BEGIN
  -- every figure of the fit, altered by a relative 1e-3, is refused
  FOREACH t IN ARRAY ARRAY['aic=127.59863057681304', 'deviance=16.351383403451276',
                           'intercept_se=0.09305309399807818'] LOOP
    BEGIN
      PERFORM replace((SELECT f::text FROM mse_true), t,
                      split_part(t, '=', 1) || '=' || (split_part(t, '=', 2)::float8 * 1.001)::text)::mse_result;
    EXCEPTION WHEN invalid_parameter_value THEN
      bad := bad + 1;
    END;
  END LOOP;
  RAISE NOTICE 'refused % of 3', bad;
END $$;

-- ---------------------------------------------------------------------
-- the stepwise rule stops before the model has as many parameters as the
-- table has cells: three lists, every pair dependent.  By AIC and Wald,
-- 1:2 then 1:3 enter; 2:3 would make 7 parameters for 7 cells.  With 1:2
-- and 1:3, lists 2 and 3 are independent given list 1, so by hand
-- N0 = y(010) y(001) / y(011) = 60 * 70 / 50 = 84
CREATE TABLE mse_sat (p int[], n bigint);
INSERT INTO mse_sat VALUES (ARRAY[1,0,0], 50), (ARRAY[0,1,0], 60), (ARRAY[1,1,0], 40),
  (ARRAY[0,0,1], 70), (ARRAY[1,0,1], 45), (ARRAY[0,1,1], 50), (ARRAY[1,1,1], 100);
SELECT mse_model(f), round(mse_unobserved(f)::numeric, 9) AS unobserved
FROM (SELECT mse_fit(p, n) AS f FROM mse_sat) s;
-- the saturated model itself, asked for: N0 = y100 y010 y001 y111 /
-- (y110 y101 y011) = 50 * 60 * 70 * 100 / (40 * 45 * 50) = 233.333333333
SELECT mse_model(f), round(mse_unobserved(f)::numeric, 9) AS unobserved
FROM (SELECT mse_fit(p, n, '1:2, 1:3, 2:3') AS f FROM mse_sat) s;

-- ---------------------------------------------------------------------
-- SparseMSE's rule ('sparsemse', threshold 0.02 unless given).  Figures
-- from test/oracle/r_sparsemse.R (R's glm, the rule re-implemented from
-- SparseMSE's stepwisefit):
--   UKdat_5            [1:2, 2:5, 3:5, 1:3, 4:5, 2:4]  11312.99028943522
--   the table above    []  (no overlap has p < 0.02)
--   the same, p 0.5    [1:2, 1:3, 2:3]  233.333333333 (the saturated model)
SELECT mse_model(f), round(mse_estimate(f)::numeric, 6) AS estimate
FROM (SELECT mse_fit(ARRAY[la=1, ng=1, pfnca=1, go=1, gp=1], count, 'sparsemse') AS f FROM mse_uk5) s;
SELECT mse_model(f) FROM (SELECT mse_fit(p, n, 'SparseMSE') AS f FROM mse_sat) s;
SELECT mse_model(f), round(mse_unobserved(f)::numeric, 9) AS unobserved
FROM (SELECT mse_fit(p, n, 'sparsemse', NULL, 0.5) AS f FROM mse_sat) s;
-- the default threshold is 0.02 in every form
SELECT (SELECT mse_fit(p, n, 'sparsemse') FROM mse_sat)
     = (SELECT mse_fit(p, n, 'sparsemse', NULL, 0.02) FROM mse_sat) AS default_002,
       (SELECT mse_fit(p, n, 'sparsemse', ARRAY['a', 'b', 'c']) FROM mse_sat)
     = (SELECT mse_fit(p, n, 'sparsemse', ARRAY['a', 'b', 'c'], 0.02) FROM mse_sat) AS named_002;
SELECT mse_fit(p, n, 'sparse') FROM mse_sat;

-- parallel: two workers hold rows of one group; the combine function
-- merges real states, with names and a threshold
CREATE TABLE mse_people_int AS
SELECT ARRAY[la, ng, pfnca, go, gp] AS on_lists FROM mse_uk5, generate_series(1, count);
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
SET parallel_leader_participation = off;
EXPLAIN (COSTS OFF)
SELECT mse_fit(on_lists, 1, 'stepwise', ARRAY['la', 'ng', 'pfnca', 'go', 'gp'], 0.01) FROM mse_people_int;
CREATE TABLE mse_par AS
SELECT mse_fit(on_lists, 1, 'stepwise', ARRAY['la', 'ng', 'pfnca', 'go', 'gp'], 0.01) AS f FROM mse_people_int;
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
RESET max_parallel_workers_per_gather;
RESET parallel_leader_participation;
SELECT f = (SELECT mse_fit(on_lists, 1, 'stepwise', ARRAY['la', 'ng', 'pfnca', 'go', 'gp'], 0.01) FROM mse_people_int) AS same_as_serial,
       mse_model(f)
FROM mse_par;

-- a long fit (twelve lists, stepwise: seconds) stops at a query cancel
CREATE TABLE mse_k12 AS
SELECT ARRAY(SELECT (m >> i) & 1 FROM generate_series(0, 11) i) AS p,
       CASE WHEN length(replace(m::bit(12)::text, '0', '')) <= 2 THEN 1 + (m * 7919) % 5
            ELSE ((m * 104729) % 7 = 0)::int END::bigint AS n
FROM generate_series(1, 4095) m;
SET statement_timeout = '300ms';
SELECT mse_fit(p, n) FROM mse_k12;
RESET statement_timeout;
