-- pgTAP: the contract of the recording_stats layer.  Every function of the
-- summary type with its signature, return type, volatility, strictness and
-- parallel safety, its casts, operators and aggregates, and every documented
-- error with its SQLSTATE.  Runs on a fresh install and on an upgraded one.
BEGIN;
CREATE EXTENSION IF NOT EXISTS recording_gap;

-- The contract, one row per function: name, argument types, return type,
-- volatility, strict.  Every one is PARALLEL SAFE.
CREATE TEMP TABLE contract (fname name, args text[], returns text, volatility text, strict boolean);
INSERT INTO contract VALUES
	('recording_stats_in', '{cstring}', 'recording_stats', 'immutable', true),
	('recording_stats_out', '{recording_stats}', 'cstring', 'immutable', true),
	('recording_stats_recv', '{internal}', 'recording_stats', 'immutable', true),
	('recording_stats_send', '{recording_stats}', 'bytea', 'immutable', true),
	-- a NULL count is an error, so these are called on NULL input
	('make_recording_stats', '{bigint,bigint,bigint,bigint}', 'recording_stats', 'immutable', false),
	('make_recording_stats', '{smallint,smallint,smallint,smallint}', 'recording_stats', 'immutable', false),
	('make_recording_stats', '{integer,integer,integer,integer}', 'recording_stats', 'immutable', false),
	('make_recording_stats', '{numeric,numeric,numeric,numeric}', 'recording_stats', 'immutable', false),
	('recording_stats_eq', '{recording_stats,recording_stats}', 'boolean', 'immutable', true),
	('recording_stats_ne', '{recording_stats,recording_stats}', 'boolean', 'immutable', true),
	('recording_stats_hash', '{recording_stats}', 'integer', 'immutable', true),
	('recording_stats_add', '{recording_stats,recording_stats}', 'recording_stats', 'immutable', true),
	-- transition functions: a NULL row is an unknown referral
	('recording_stats_accum', '{recording_stats,boolean}', 'recording_stats', 'immutable', false),
	('recording_stats_accum_inv', '{recording_stats,boolean}', 'recording_stats', 'immutable', false),
	('recording_stats_accum_timely', '{recording_stats,boolean,boolean}', 'recording_stats', 'immutable', false),
	('recording_stats_accum_timely_inv', '{recording_stats,boolean,boolean}', 'recording_stats', 'immutable', false),
	-- rollup()'s: a NULL summary is an error, not skipped
	('recording_stats_merge', '{recording_stats,recording_stats}', 'recording_stats', 'immutable', false),
	('recording_stats_unmerge', '{recording_stats,recording_stats}', 'recording_stats', 'immutable', false),
	('referrals', '{recording_stats}', 'bigint', 'immutable', true),
	('recorded', '{recording_stats}', 'bigint', 'immutable', true),
	('unknown', '{recording_stats}', 'bigint', 'immutable', true),
	('timely', '{recording_stats}', 'bigint', 'immutable', true),
	('recording_ratio', '{recording_stats}', 'double precision', 'immutable', true),
	('recording_gap', '{recording_stats}', 'bigint', 'immutable', true),
	('confirmed_gap', '{recording_stats}', 'bigint', 'immutable', true),
	('completeness', '{recording_stats}', 'double precision', 'immutable', true),
	('timeliness_ratio', '{recording_stats}', 'double precision', 'immutable', true),
	('ratio_bounds_lower', '{recording_stats}', 'double precision', 'immutable', true),
	('ratio_bounds_upper', '{recording_stats}', 'double precision', 'immutable', true),
	('recording_ratio', '{bigint,bigint}', 'double precision', 'immutable', true),
	('recording_ratio', '{smallint,smallint}', 'double precision', 'immutable', true),
	('recording_ratio', '{integer,integer}', 'double precision', 'immutable', true),
	('recording_ratio', '{numeric,numeric}', 'double precision', 'immutable', true),
	('recording_gap', '{bigint,bigint}', 'bigint', 'immutable', true),
	('recording_gap', '{smallint,smallint}', 'bigint', 'immutable', true),
	('recording_gap', '{integer,integer}', 'bigint', 'immutable', true),
	('recording_gap', '{numeric,numeric}', 'bigint', 'immutable', true),
	('recording_stats_json', '{recording_stats}', 'json', 'immutable', true),
	('recording_stats_jsonb', '{recording_stats}', 'jsonb', 'immutable', true),
	('recording_stats_columns', '{recording_stats}', 'record', 'immutable', true),
	('recording_stats_sub', '{recording_stats,recording_stats}', 'recording_stats', 'immutable', true),
	('recording_stats_zero', '{}', 'recording_stats', 'immutable', true);

-- The documented errors: statement, SQLSTATE, message (NULL = any).
CREATE TEMP TABLE errors (stmt text, state text, msg text, what text);
INSERT INTO errors VALUES
	($$SELECT '(referrals=1'::recording_stats$$, '22P02', NULL, 'malformed text'),
	($$SELECT '(referrals=9223372036854775808, recorded=0)'::recording_stats$$, '22003', NULL, 'text beyond bigint'),
	($$SELECT '(referrals=1, recorded=2)'::recording_stats$$, '22023',
		'recorded must not exceed referrals', 'text: recorded > referrals'),
	($$SELECT make_recording_stats(-1, 0)$$, '22023', 'recording_stats counts must not be negative', 'negative count'),
	($$SELECT make_recording_stats(5, 3, 3)$$, '22023', 'recorded plus unknown must not exceed referrals', 'recorded + unknown > referrals'),
	($$SELECT make_recording_stats(2, 1, 0, 2)$$, '22023', 'timely must not exceed recorded', 'timely > recorded'),
	($$SELECT make_recording_stats(10, 4, NULL)$$, '22004',
		'argument "unknown" of make_recording_stats must not be null', 'NULL count (integer)'),
	($$SELECT make_recording_stats(NULL::bigint, 4::bigint)$$, '22004',
		'argument "referrals" of make_recording_stats must not be null', 'NULL count (bigint)'),
	($$SELECT make_recording_stats(10::smallint, NULL::smallint)$$, '22004',
		'argument "recorded" of make_recording_stats must not be null', 'NULL count (smallint)'),
	($$SELECT make_recording_stats(10.0, 4, 0, NULL)$$, '22004',
		'argument "timely" of make_recording_stats must not be null', 'NULL count (numeric)'),
	($$SELECT make_recording_stats(3146.5, 884)$$, '22023',
		'argument "referrals" of make_recording_stats must be a whole number', 'numeric with a fraction'),
	($$SELECT make_recording_stats(10, 'NaN'::numeric)$$, '22023',
		'argument "recorded" of make_recording_stats must be a whole number', 'numeric NaN'),
	($$SELECT make_recording_stats(9223372036854775808::numeric, 0)$$, '22003',
		'argument "referrals" of make_recording_stats is out of range for a count', 'numeric beyond bigint'),
	($$SELECT recording_ratio('Infinity'::numeric, 0)$$, '22003',
		'argument "referrals" of recording_ratio is out of range for a count', 'numeric infinity'),
	($$SELECT recording_gap(10, 2.5)$$, '22023',
		'argument "recorded" of recording_gap must be a whole number', 'recording_gap numeric fraction'),
	($$SELECT make_recording_stats(9223372036854775807, 0) + make_recording_stats(1, 0)$$, '22003',
		'recording_stats count out of range', 'overflow in +'),
	($$SELECT rollup(s) FROM (VALUES (make_recording_stats(9223372036854775807, 0)), (make_recording_stats(1, 0))) v(s)$$,
		'22003', 'recording_stats count out of range', 'overflow in rollup'),
	($$SELECT rollup(s) FROM (VALUES (make_recording_stats(3, 1)), (NULL)) v(s)$$, '22004',
		'rollup() does not accept a null recording_stats summary', 'NULL summary in rollup'),
	($$SELECT recording_stats_unmerge(make_recording_stats(1, 0), make_recording_stats(2, 1))$$, '22023',
		'cannot remove a summary that is not contained in the total', 'inverse step of a summary not contained'),
	($$SELECT recording_stats(r, t) FROM (VALUES (false, true)) v(r, t)$$, '22023',
		'a referral cannot be timely unless it is recorded', 'timely but not recorded'),
	($$SELECT make_recording_stats(10, 4) - make_recording_stats(6, 5)$$, '22003',
		'recording_stats subtraction would make the recorded count negative', 'subtraction below zero'),
	($$SELECT recording_ratio(1, 2)$$, '22023', 'recorded must not exceed referrals', 'scalar recorded > referrals'),
	($$SELECT recording_gap(-1::bigint, 0::bigint)$$, '22023', 'referrals and recorded must not be negative', 'scalar negative'),
	($$SELECT recording_ratio(884.0, 3146)$$, '22023', 'recorded must not exceed referrals', 'numeric recorded > referrals'),
	($$SET recording_gap.threshold = 9$$, '22023', NULL, 'threshold out of range once loaded'),
	($$COPY rg_hostile FROM '/tmp/recording_gap_pgtap_short.bin' WITH (FORMAT binary)$$, '22P03',
		'invalid binary length for type recording_stats', 'binary value of 31 bytes');

-- binary input of 31 bytes, for the last error
CREATE TEMP TABLE rg_raw (b bytea);
CREATE TEMP TABLE rg_hostile (s recording_stats);
INSERT INTO rg_raw VALUES (decode(repeat('00', 31), 'hex'));
COPY rg_raw TO '/tmp/recording_gap_pgtap_short.bin' WITH (FORMAT binary);

SELECT plan((SELECT count(*)::int * 5 FROM contract) + (SELECT count(*)::int FROM errors) + 22);

-- Signatures, return types, volatility, strictness, parallel safety.
SELECT has_function(fname, args, fname || '(' || array_to_string(args, ', ') || ') exists') FROM contract;
SELECT function_returns(fname, args, returns) FROM contract;
SELECT volatility_is(fname, args, volatility) FROM contract;
SELECT CASE WHEN strict THEN is_strict(fname, args) ELSE isnt_strict(fname, args) END FROM contract;
SELECT is(p.proparallel, 's', c.fname || '(' || array_to_string(c.args, ', ') || ') is PARALLEL SAFE')
  FROM contract c
  LEFT JOIN pg_proc p ON p.oid = to_regprocedure(c.fname || '(' || array_to_string(c.args, ',') || ')');

-- No overload is missing from the contract: every function of the
-- extension named like one above, or named recording_stats_*, is listed.
-- (The statistics built on the summary have their own contract.)
SELECT is_empty($$
	SELECT p.oid::regprocedure::text FROM pg_proc p
	  JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
	  JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'recording_gap'
	 WHERE p.prokind = 'f'
	   AND (p.proname IN (SELECT fname FROM contract) OR p.proname LIKE 'recording\_stats\_%')
	EXCEPT
	SELECT to_regprocedure(fname || '(' || array_to_string(args, ',') || ')')::text FROM contract$$,
	'every overload of the summary layer is in the contract');

-- Type, operators, casts, aggregates.
SELECT has_type('recording_stats');
SELECT is(typlen::int, 32, 'recording_stats is a fixed 32-byte type') FROM pg_type WHERE typname = 'recording_stats';
SELECT has_operator('recording_stats', '=', 'recording_stats', 'boolean');
SELECT has_operator('recording_stats', '<>', 'recording_stats', 'boolean');
SELECT has_operator('recording_stats', '+', 'recording_stats', 'recording_stats');
SELECT has_opclass('recording_stats_hash_ops');
SELECT has_cast('recording_stats', 'json', 'recording_stats_json');
SELECT has_cast('recording_stats', 'jsonb', 'recording_stats_jsonb');
SELECT cast_context_is('recording_stats', 'jsonb', 'explicit');
SELECT is_aggregate('recording_stats', ARRAY['boolean']);
SELECT is_aggregate('recording_stats', ARRAY['boolean', 'boolean']);
SELECT is_aggregate('rollup', ARRAY['recording_stats']);
SELECT is_empty($$
	SELECT a.aggfnoid::regprocedure::text FROM pg_aggregate a JOIN pg_proc p ON p.oid = a.aggfnoid
	 WHERE a.aggfnoid IN ('recording_stats(boolean)'::regprocedure,
	                      'recording_stats(boolean,boolean)'::regprocedure,
	                      'rollup(recording_stats)'::regprocedure)
	   AND (a.aggcombinefn = 0 OR a.aggminvtransfn = 0 OR p.proparallel <> 's')$$,
	'the three aggregates are PARALLEL SAFE with combine and inverse transition functions');
SELECT is_empty($$
	SELECT c.fname FROM contract c
	 WHERE obj_description(to_regprocedure(c.fname || '(' || array_to_string(c.args, ',') || ')'), 'pg_proc') IS NULL$$,
	'every function of the contract has a comment');

-- Behaviour the labels promise.
SELECT is(recording_ratio(make_recording_stats(3146, 884)), 884::float8 / 3146, '884 of 3,146');
SELECT is(recording_ratio(3146::numeric, 884::numeric), 884::float8 / 3146, 'numeric totals: 884 of 3,146');
SELECT is(make_recording_stats(3146.000, 884.0), make_recording_stats(3146, 884), 'whole numeric counts');
SELECT is((SELECT recording_stats(x) FROM (VALUES (true), (false), (NULL), (true)) v(x)),
	make_recording_stats(4, 2, 1), 'true, false, NULL, true: 4 referrals, 2 recorded, 1 unknown');
SELECT is(make_recording_stats(3146, 884)::jsonb,
	'{"referrals": 3146, "recorded": 884, "unknown": 0, "timely": 0}'::jsonb, 'jsonb cast gives numbers');
SELECT is(to_json(make_recording_stats(10, 4, 3, 2))::text,
	'{"referrals": 10, "recorded": 4, "unknown": 3, "timely": 2}', 'to_json gives an object');
SELECT row_eq($$SELECT * FROM recording_stats_columns(make_recording_stats(10, 4, 3, 2))$$,
	ROW(10::bigint, 4::bigint, 3::bigint, 2::bigint), 'recording_stats_columns gives four bigints');

-- Every documented error with its SQLSTATE.
SELECT throws_ok(stmt, state, msg, what || ': ' || state) FROM errors;

SELECT * FROM finish();
ROLLBACK;
