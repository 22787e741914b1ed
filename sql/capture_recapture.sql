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

-- the full text form of a summary, and its round trip through text input
SELECT mse_fit(ARRAY[la=1, ng=1, pfnca=1, go=1], count) FROM mse_uk4;
SELECT mse_model(f::text::mse_result), mse_estimate(f::text::mse_result) = mse_estimate(f) AS same
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

-- binary round trip (send, then receive with a refit and a check)
CREATE TABLE mse_fits (name text, f mse_result);
INSERT INTO mse_fits
SELECT 'uk5', mse_fit(ARRAY[la=1, ng=1, pfnca=1, go=1, gp=1], count) FROM mse_uk5;
\copy mse_fits TO 'results/mse_fits.bin' WITH (FORMAT binary)
\copy mse_fits FROM 'results/mse_fits.bin' WITH (FORMAT binary)
SELECT name, mse_model(f), round(mse_estimate(f)::numeric, 4) AS estimate FROM mse_fits;
SELECT count(DISTINCT f::text) FROM mse_fits;

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
-- two lists without overlap: the estimate is infinite
SELECT mse_fit(p, n) FROM (VALUES (ARRAY[true, false], 10::bigint), (ARRAY[false, true], 20)) v(p, n);
-- an explicit interaction between lists with no one in common
SELECT mse_fit(ARRAY[la=1, ng=1, pfnca=1, go=1, gp=1], count, '1:5') FROM mse_uk5;
SELECT mse_lower(mse_fit(ARRAY[la=1, ng=1, pfnca=1, go=1, gp=1], count), 1) FROM mse_uk5;
SELECT mse_upper(mse_fit(ARRAY[la=1, ng=1, pfnca=1, go=1, gp=1], count), 'NaN') FROM mse_uk5;
-- a single observed pattern on two lists: no overlap either
SELECT mse_fit(ARRAY[true, false], 1)::text;
-- more parameters than cells: 4 parameters, 3 cells
SELECT mse_fit(p, 1, '1:2') FROM (VALUES (ARRAY[true, false]), (ARRAY[true, true]), (ARRAY[false, true])) v(p);
SELECT '(lists=2, model=[], observed=3, unobserved=1, estimate=4, aic=1, counts=[1, 1])'::mse_result;
SELECT '(lists=2, model=[], observed=3, unobserved=1, estimate=4, aic=1, counts=[1, 1, 1])'::mse_result;
SELECT 'nonsense'::mse_result;
SELECT '(lists=16, model=[], observed=3)'::mse_result;
