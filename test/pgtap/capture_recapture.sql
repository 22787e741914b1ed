-- pgTAP: the contract of the capture-recapture layer: objects and their
-- signatures, labels (volatility, strictness, parallel safety), and every
-- documented error with its SQLSTATE.
BEGIN;
CREATE EXTENSION IF NOT EXISTS recording_gap;
SELECT plan(95);

-- The type, its I/O, equality
SELECT has_type('mse_result');
SELECT has_function('mse_result_in', ARRAY['cstring']);
SELECT has_function('mse_result_out', ARRAY['mse_result']);
SELECT has_function('mse_result_recv', ARRAY['internal']);
SELECT has_function('mse_result_send', ARRAY['mse_result']);
SELECT has_operator('mse_result', '=', 'mse_result', 'boolean');
SELECT has_operator('mse_result', '<>', 'mse_result', 'boolean');
SELECT has_opclass('mse_result_hash_ops');
SELECT is((SELECT opcdefault FROM pg_opclass WHERE opcname = 'mse_result_hash_ops'), true,
	'mse_result_hash_ops is the default hash operator class');
SELECT is((SELECT oprcanhash FROM pg_operator
	WHERE oprname = '=' AND oprleft = 'mse_result'::regtype AND oprright = 'mse_result'::regtype), true,
	'mse_result = can hash');
SELECT function_returns('mse_result_hash', ARRAY['mse_result'], 'integer');

-- Accessors: signatures and return types
SELECT function_returns('mse_estimate', ARRAY['mse_result'], 'double precision');
SELECT function_returns('mse_unobserved', ARRAY['mse_result'], 'double precision');
SELECT function_returns('mse_observed', ARRAY['mse_result'], 'bigint');
SELECT function_returns('mse_lower', ARRAY['mse_result', 'double precision'], 'double precision');
SELECT function_returns('mse_upper', ARRAY['mse_result', 'double precision'], 'double precision');
SELECT function_returns('mse_model', ARRAY['mse_result'], 'text');
SELECT function_returns('mse_aic', ARRAY['mse_result'], 'double precision');
SELECT function_returns('mse_status', ARRAY['mse_result'], 'text');
SELECT function_returns('chapman_estimate', ARRAY['bigint', 'bigint', 'bigint'], 'double precision');
SELECT function_returns('chapman_variance', ARRAY['bigint', 'bigint', 'bigint'], 'double precision');

-- The eight forms of the aggregate
SELECT is_aggregate('mse_fit', ARRAY['boolean[]', 'bigint']);
SELECT is_aggregate('mse_fit', ARRAY['boolean[]', 'bigint', 'text']);
SELECT is_aggregate('mse_fit', ARRAY['boolean[]', 'bigint', 'text', 'text[]']);
SELECT is_aggregate('mse_fit', ARRAY['boolean[]', 'bigint', 'text', 'text[]', 'double precision']);
SELECT is_aggregate('mse_fit', ARRAY['integer[]', 'bigint']);
SELECT is_aggregate('mse_fit', ARRAY['integer[]', 'bigint', 'text']);
SELECT is_aggregate('mse_fit', ARRAY['integer[]', 'bigint', 'text', 'text[]']);
SELECT is_aggregate('mse_fit', ARRAY['integer[]', 'bigint', 'text', 'text[]', 'double precision']);
SELECT is((SELECT count(*)::int FROM pg_aggregate a JOIN pg_proc p ON p.oid = a.aggfnoid
	WHERE p.proname = 'mse_fit' AND a.aggcombinefn <> 0 AND a.aggserialfn <> 0
	  AND a.aggdeserialfn <> 0 AND a.aggfinalfn = 'mse_fit_final'::regproc), 10,
	'every mse_fit has the combine, serial, deserial and final functions');
SELECT is((SELECT count(*)::int FROM pg_proc WHERE proname = 'mse_fit' AND proparallel = 's'), 10,
	'every mse_fit is PARALLEL SAFE');

-- Volatility: every function of this layer is IMMUTABLE
SELECT volatility_is('mse_estimate', ARRAY['mse_result'], 'immutable');
SELECT volatility_is('mse_unobserved', ARRAY['mse_result'], 'immutable');
SELECT volatility_is('mse_observed', ARRAY['mse_result'], 'immutable');
SELECT volatility_is('mse_lower', ARRAY['mse_result', 'double precision'], 'immutable');
SELECT volatility_is('mse_upper', ARRAY['mse_result', 'double precision'], 'immutable');
SELECT volatility_is('mse_model', ARRAY['mse_result'], 'immutable');
SELECT volatility_is('mse_aic', ARRAY['mse_result'], 'immutable');
SELECT volatility_is('mse_status', ARRAY['mse_result'], 'immutable');
SELECT volatility_is('mse_result_eq', ARRAY['mse_result', 'mse_result'], 'immutable');
SELECT volatility_is('mse_result_ne', ARRAY['mse_result', 'mse_result'], 'immutable');
SELECT volatility_is('mse_result_hash', ARRAY['mse_result'], 'immutable');
SELECT volatility_is('mse_result_in', ARRAY['cstring'], 'immutable');
SELECT volatility_is('mse_result_recv', ARRAY['internal'], 'immutable');
SELECT volatility_is('chapman_estimate', ARRAY['bigint', 'bigint', 'bigint'], 'immutable');
SELECT volatility_is('mse_fit_trans_int_opts', ARRAY['internal', 'integer[]', 'bigint', 'text', 'text[]', 'double precision'], 'immutable');

-- Strictness and parallel safety, from pg_proc
SELECT is_empty($$
	SELECT oid::regprocedure::text FROM pg_proc
	 WHERE (proname LIKE 'mse\_%' OR proname LIKE 'chapman\_%') AND prokind = 'f'
	   AND proparallel <> 's'$$, 'every capture-recapture function is PARALLEL SAFE');
SELECT is_empty($$
	SELECT oid::regprocedure::text FROM pg_proc
	 WHERE proname IN ('mse_estimate', 'mse_unobserved', 'mse_observed', 'mse_lower', 'mse_upper',
	                   'mse_model', 'mse_aic', 'mse_status', 'mse_result_eq', 'mse_result_ne',
	                   'mse_result_hash', 'mse_result_in', 'mse_result_out', 'mse_result_recv',
	                   'mse_result_send', 'chapman_estimate', 'chapman_variance',
	                   'mse_fit_serialize', 'mse_fit_deserialize')
	   AND NOT proisstrict$$, 'accessors, I/O, equality and (de)serialize are STRICT');
SELECT is_empty($$
	SELECT oid::regprocedure::text FROM pg_proc
	 WHERE (proname LIKE 'mse\_fit\_trans%' OR proname IN ('mse_fit_combine', 'mse_fit_final'))
	   AND proisstrict$$, 'transition, combine and final functions are CALLED ON NULL INPUT (NULL arguments are errors with a hint)');
SELECT is((SELECT count(*)::int FROM pg_proc WHERE proname LIKE 'mse\_fit\_trans%'), 10,
	'ten transition functions (two of them the numeric p_threshold forms)');
SELECT is_empty($$
	SELECT oid::regprocedure::text FROM pg_proc
	 WHERE (proname LIKE 'mse\_%' OR proname LIKE 'chapman\_%') AND prokind IN ('f', 'a')
	   AND obj_description(oid, 'pg_proc') IS NULL$$, 'every capture-recapture function has a comment');
SELECT is(pg_get_function_arguments('mse_lower(mse_result, double precision)'::regprocedure),
	'fit mse_result, level double precision DEFAULT 0.95', 'mse_lower: level defaults to 0.95');
SELECT is(pg_get_function_arguments('mse_fit(integer[], bigint, text, text[], double precision)'::regprocedure),
	'on_lists integer[], n bigint, model text, list_names text[], p_threshold double precision',
	'mse_fit: argument names');

-- Behaviour promised by the contract
SELECT lives_ok($$SELECT mse_fit(p, n) FROM (VALUES (ARRAY[1, 0], 10::bigint), (ARRAY[0, 1], 20)) v(p, n)$$,
	'two lists with no overlap: no error');
SELECT is((SELECT mse_status(mse_fit(p, n)) FROM (VALUES (ARRAY[1, 0], 10::bigint), (ARRAY[0, 1], 20)) v(p, n)),
	'no_overlap', 'and the status says why');
SELECT is((SELECT mse_status(mse_fit(p, n, 'independence'))
	FROM (VALUES (ARRAY[1, 0, 0], 10::bigint), (ARRAY[0, 1, 0], 10), (ARRAY[0, 0, 1], 10)) v(p, n)),
	'mle_does_not_exist', 'three lists that never meet: the MLE does not exist');
SELECT ok((SELECT mse_estimate(mse_fit(p, n)) IS NULL FROM (VALUES (ARRAY[1, 0], 10::bigint), (ARRAY[0, 1], 20)) v(p, n)),
	'no estimate: mse_estimate is NULL');
SELECT ok((SELECT abs(mse_estimate(mse_fit(p, n, 'independence')) / 400 - 1) < 1e-12
	FROM (VALUES (ARRAY[1, 0], 80::bigint), (ARRAY[0, 1], 60), (ARRAY[1, 1], 20)) v(p, n)),
	'Petersen: 100 x 80 / 20 = 400 (to 1e-12)');
SELECT is((SELECT mse_model(mse_fit(p, n, '1:2', ARRAY['police', 'ngo', 'public']))
	FROM (VALUES (ARRAY[1, 0, 0], 10::bigint), (ARRAY[0, 1, 0], 10), (ARRAY[0, 0, 1], 10),
	             (ARRAY[1, 1, 0], 5), (ARRAY[1, 0, 1], 5), (ARRAY[0, 1, 1], 5), (ARRAY[1, 1, 1], 2)) v(p, n)),
	'[police:ngo]', 'mse_model prints list names');
SELECT is('(lists=2, model=[], status=no_overlap, observed=30, counts=[10, 20, 0])'::mse_result::text,
	'(lists=2, model=[], status=no_overlap, observed=30, counts=[10, 20, 0])', 'text round trip');
SELECT ok('(lists=2, model=[], status=no_overlap, observed=30, counts=[10, 20, 0])'::mse_result
	= '(lists=2,  model=[],  status=no_overlap, observed=30, counts=[10,20,0])'::mse_result, '= on mse_result');

-- Every documented error, with its SQLSTATE
SELECT throws_ok($$SELECT mse_fit(ARRAY[1, 2], 1)$$, '22023', NULL, 'integer pattern other than 0/1: 22023');
SELECT throws_ok($$SELECT mse_fit(ARRAY[true], 1)$$, '22023', NULL, 'one list: 22023');
SELECT throws_ok($$SELECT mse_fit(array_fill(true, ARRAY[16]), 1)$$, '54000', NULL, 'sixteen lists: 54000');
SELECT throws_ok($$SELECT mse_fit(NULL::boolean[], 1)$$, '22004', NULL, 'NULL pattern: 22004');
SELECT throws_ok($$SELECT mse_fit(ARRAY[true, NULL], 1)$$, '22004', NULL, 'NULL element: 22004');
SELECT throws_ok($$SELECT mse_fit(ARRAY[true, false], NULL)$$, '22004', NULL, 'NULL count: 22004');
SELECT throws_ok($$SELECT mse_fit(ARRAY[true, false], 1, NULL)$$, '22004', NULL, 'NULL model: 22004');
SELECT throws_ok($$SELECT mse_fit(ARRAY[true, false], 1, 'stepwise', ARRAY['a', NULL])$$, '22004', NULL, 'NULL name: 22004');
SELECT throws_ok($$SELECT mse_fit(ARRAY[true, false], 1, 'stepwise', NULL, NULL)$$, '22004', NULL, 'NULL threshold: 22004');
SELECT throws_ok($$SELECT mse_fit(ARRAY[[true, false], [false, true]], 1)$$, '2202E', NULL, 'two-dimensional pattern: 2202E');
SELECT throws_ok($$SELECT mse_fit(ARRAY[true, false], -2)$$, '22023', NULL, 'negative count: 22023');
SELECT throws_ok($$SELECT mse_fit(ARRAY[false, false], 1)$$, '22023', NULL, 'pattern on no list: 22023');
SELECT throws_ok($$SELECT mse_fit(p, 1) FROM (VALUES (ARRAY[true, false]), (ARRAY[true, false, true])) v(p)$$,
	'22023', NULL, 'patterns of different lengths: 22023');
SELECT throws_ok($$SELECT mse_fit(ARRAY[true, false], 0)$$, '22023', NULL, 'every count zero: 22023');
SELECT throws_ok($$SELECT mse_fit(p, 9223372036854775807) FROM (VALUES (ARRAY[true, false]), (ARRAY[true, false])) v(p)$$,
	'22003', NULL, 'count overflow: 22003');
SELECT throws_ok($$SELECT mse_fit(ARRAY[true, false, true], 1, 'best')$$, '22023', NULL, 'invalid model: 22023');
SELECT throws_ok($$SELECT mse_fit(p, 1, m) FROM (VALUES (ARRAY[true, false], 'stepwise'), (ARRAY[false, true], 'independence')) v(p, m)$$,
	'22023', NULL, 'model differing between rows: 22023');
SELECT throws_ok($$SELECT mse_fit(ARRAY[true, false], 1, 'stepwise', ARRAY['a'])$$, '22023', NULL, 'wrong number of names: 22023');
SELECT throws_ok($$SELECT mse_fit(ARRAY[true, false], 1, 'stepwise', ARRAY['a', 'a'])$$, '22023', NULL, 'duplicate names: 22023');
SELECT throws_ok($$SELECT mse_fit(ARRAY[true, false], 1, 'stepwise', ARRAY['a', '2'])$$, '22023', NULL, 'all-digit name: 22023');
SELECT throws_ok($$SELECT mse_fit(ARRAY[true, false], 1, 'stepwise', NULL, 0)$$, '22023', NULL, 'threshold 0: 22023');
SELECT throws_ok($$SELECT mse_fit(ARRAY[true, false], 1, 'stepwise', NULL, 'NaN')$$, '22023', NULL, 'threshold NaN: 22023');
SELECT throws_ok($$SELECT mse_fit(p, 1, '1:2') FROM (VALUES (ARRAY[true, false]), (ARRAY[true, true]), (ARRAY[false, true])) v(p)$$,
	'22000', NULL, 'more parameters than cells: 22000');
SELECT throws_ok($$SELECT mse_lower(mse_fit(p, n), 1) FROM (VALUES (ARRAY[1, 0], 80::bigint), (ARRAY[0, 1], 60), (ARRAY[1, 1], 20)) v(p, n)$$,
	'22023', NULL, 'level 1: 22023');
SELECT throws_ok($$SELECT mse_upper(mse_fit(p, n), 'NaN') FROM (VALUES (ARRAY[1, 0], 80::bigint), (ARRAY[0, 1], 60), (ARRAY[1, 1], 20)) v(p, n)$$,
	'22023', NULL, 'level NaN: 22023');
SELECT throws_ok($$SELECT 'nonsense'::mse_result$$, '22P02', NULL, 'malformed text: 22P02');
SELECT throws_ok($$SELECT '(lists=2, model=[], status=ok, observed=3, counts=[1, 2, 0])'::mse_result$$, '22P02', NULL, 'status ok without figures: 22P02');
SELECT throws_ok($$SELECT '(lists=16, model=[])'::mse_result$$, '54000', NULL, 'text with sixteen lists: 54000');
SELECT throws_ok($$SELECT '(lists=2, model=[], status=no_overlap, observed=4, counts=[1, 2, 0])'::mse_result$$,
	'22000', NULL, 'observed not the sum of the counts: 22000');
SELECT throws_ok($$SELECT '(lists=2, model=[], observed=3, unobserved=1, estimate=5, aic=1, counts=[1, 1, 1])'::mse_result$$,
	'22000', NULL, 'estimate not observed + unobserved: 22000');
SELECT throws_ok($$SELECT '(lists=2, model=[1:3], status=no_overlap, observed=3, counts=[1, 2, 0])'::mse_result$$,
	'22023', NULL, 'interaction out of range in text: 22023');
SELECT throws_ok($$SELECT '(lists=2, model=[], status=no_overlap, observed=-1, counts=[1, -2, 0])'::mse_result$$,
	'22023', NULL, 'negative count in text: 22023');
SELECT throws_ok($$SELECT chapman_estimate(-1, 5, 0)$$, '22023', NULL, 'Chapman, negative: 22023');
SELECT throws_ok($$SELECT chapman_variance(5, 4, 5)$$, '22023', NULL, 'Chapman, overlap larger than a list: 22023');

SELECT * FROM finish();
ROLLBACK;
