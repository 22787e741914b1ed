-- pgTAP: the catalog truths and SQLSTATEs of the recording_stats layer.
BEGIN;
CREATE EXTENSION IF NOT EXISTS recording_gap;
SELECT plan(27);

-- Objects
SELECT has_type('recording_stats');
SELECT has_function('make_recording_stats', ARRAY['bigint', 'bigint', 'bigint', 'bigint']);
SELECT has_operator('recording_stats', '=', 'recording_stats', 'boolean');
SELECT has_operator('recording_stats', '<>', 'recording_stats', 'boolean');
SELECT has_operator('recording_stats', '+', 'recording_stats', 'recording_stats');
SELECT is_aggregate('recording_stats', ARRAY['boolean']);
SELECT is_aggregate('recording_stats', ARRAY['boolean', 'boolean']);
SELECT is_aggregate('rollup', ARRAY['recording_stats']);

-- Labels: every function of the extension is PARALLEL SAFE, none is VOLATILE,
-- every one has a comment, and the aggregates are parallel and moving-capable.
SELECT is_empty($$
	SELECT p.oid::regprocedure::text FROM pg_proc p
	  JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
	  JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'recording_gap'
	 WHERE p.proparallel <> 's'$$, 'every function is PARALLEL SAFE');
SELECT is_empty($$
	SELECT p.oid::regprocedure::text FROM pg_proc p
	  JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
	  JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'recording_gap'
	 WHERE p.provolatile = 'v'$$, 'no function is VOLATILE');
SELECT is_empty($$
	SELECT p.oid::regprocedure::text FROM pg_proc p
	  JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
	  JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'recording_gap'
	 WHERE obj_description(p.oid, 'pg_proc') IS NULL$$, 'every function has a comment');
SELECT is_empty($$
	SELECT a.aggfnoid::regprocedure::text FROM pg_aggregate a
	 WHERE a.aggfnoid IN ('recording_stats(boolean)'::regprocedure,
	                      'recording_stats(boolean,boolean)'::regprocedure,
	                      'rollup(recording_stats)'::regprocedure)
	   AND (a.aggcombinefn = 0 OR a.aggminvtransfn = 0)$$,
	'the three aggregates have combine and inverse transition functions');
SELECT ok(NOT proisstrict, 'recording_stats_accum is not strict, so NULL rows count as unknown')
  FROM pg_proc WHERE oid = 'recording_stats_accum(recording_stats,boolean)'::regprocedure;
SELECT ok(proisstrict, 'rollup''s transition function is strict, so NULL summaries are skipped')
  FROM pg_proc WHERE oid = 'recording_stats_merge(recording_stats,recording_stats)'::regprocedure;
SELECT is(typlen::int, 32, 'recording_stats is a fixed 32-byte type') FROM pg_type WHERE typname = 'recording_stats';

-- SQLSTATEs
SELECT throws_ok($$SELECT '(referrals=1'::recording_stats$$, '22P02', NULL, 'malformed text: 22P02');
SELECT throws_ok($$SELECT '(referrals=9223372036854775808, recorded=0)'::recording_stats$$, '22003', NULL, 'out of range text: 22003');
SELECT throws_ok($$SELECT '(referrals=1, recorded=2)'::recording_stats$$, '22000',
	'recorded plus unknown must not exceed referrals', 'recorded > referrals: 22000');
SELECT throws_ok($$SELECT make_recording_stats(-1, 0)$$, '22000',
	'recording_stats counts must not be negative', 'negative count: 22000');
SELECT throws_ok($$SELECT make_recording_stats(2, 1, 0, 2)$$, '22000',
	'timely must not exceed recorded', 'timely > recorded: 22000');
SELECT throws_ok($$SELECT make_recording_stats(9223372036854775807, 0) + make_recording_stats(1, 0)$$, '22003',
	'recording_stats count out of range', 'overflow in +: 22003');
SELECT throws_ok($$SELECT recording_stats(r, t) FROM (VALUES (false, true)) v(r, t)$$, '22000',
	'a referral cannot be timely unless it is recorded', 'timely but not recorded: 22000');
SELECT throws_ok($$SELECT recording_ratio(1, 2)$$, '22023',
	'recorded must not exceed referrals', 'scalar recorded > referrals: 22023');

-- Behaviour
SELECT is(recording_ratio(make_recording_stats(3146, 884)), 884::float8 / 3146, '884 of 3,146');
SELECT is(recording_gap(make_recording_stats(3146, 884)), 2262::bigint, 'gap 2,262');
SELECT is((SELECT recording_stats(x) FROM (SELECT NULL::boolean WHERE false) z(x)),
	make_recording_stats(0, 0), 'zero rows give a zero summary');
SELECT is((SELECT recording_stats(x) FROM (VALUES (true), (false), (NULL), (true)) v(x)),
	make_recording_stats(4, 2, 1), 'true, false, NULL, true: 4 referrals, 2 recorded, 1 unknown');

SELECT * FROM finish();
ROLLBACK;
