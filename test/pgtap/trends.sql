-- pgTAP: the catalog contract and SQLSTATEs of change_lower/change_upper,
-- trend_p_value/recording_trend, p_adjust and unrecorded_estimate*.
BEGIN;
CREATE EXTENSION IF NOT EXISTS recording_gap;
SELECT plan(64);

-- Objects, with their signatures
SELECT has_type('trend_direction');
SELECT enum_has_labels('trend_direction', ARRAY['improving', 'worsening', 'no_trend', 'no_data', 'undetermined']);
SELECT has_function('change_lower', ARRAY['recording_stats', 'recording_stats', 'double precision']);
SELECT has_function('change_upper', ARRAY['recording_stats', 'recording_stats', 'double precision']);
SELECT is_aggregate('trend_p_value', ARRAY['double precision', 'recording_stats']);
SELECT is_aggregate('recording_trend', ARRAY['double precision', 'recording_stats']);
SELECT is_aggregate('recording_trend', ARRAY['double precision', 'recording_stats', 'double precision']);
SELECT is_window('p_adjust', ARRAY['double precision', 'text']);
SELECT has_function('unrecorded_estimate', ARRAY['recording_stats', 'bigint']);
SELECT has_function('unrecorded_estimate_lower', ARRAY['recording_stats', 'bigint', 'double precision']);
SELECT has_function('unrecorded_estimate_upper', ARRAY['recording_stats', 'bigint', 'double precision']);
SELECT function_returns('recording_trend', ARRAY['double precision', 'recording_stats'], 'trend_direction');
SELECT function_returns('p_adjust', ARRAY['double precision', 'text'], 'double precision');

-- Defaults: level 0.95, method holm
SELECT is(pg_get_function_arguments('change_lower(recording_stats,recording_stats,double precision)'::regprocedure),
	'before recording_stats, after recording_stats, level double precision DEFAULT 0.95', 'change_lower arguments');
SELECT is(pg_get_function_arguments('p_adjust(double precision,text)'::regprocedure),
	'p double precision, method text DEFAULT ''holm''::text', 'p_adjust arguments');
SELECT is(pg_get_function_arguments('unrecorded_estimate_upper(recording_stats,bigint,double precision)'::regprocedure),
	's recording_stats, recorded_total bigint, level double precision DEFAULT 0.95', 'unrecorded_estimate_upper arguments');

-- Labels: immutable, strict where NULL in gives NULL out, parallel safe
SELECT volatility_is('change_lower', ARRAY['recording_stats', 'recording_stats', 'double precision'], 'immutable');
SELECT volatility_is('change_upper', ARRAY['recording_stats', 'recording_stats', 'double precision'], 'immutable');
SELECT volatility_is('p_adjust', ARRAY['double precision', 'text'], 'immutable');
SELECT volatility_is('unrecorded_estimate', ARRAY['recording_stats', 'bigint'], 'immutable');
SELECT volatility_is('unrecorded_estimate_lower', ARRAY['recording_stats', 'bigint', 'double precision'], 'immutable');
SELECT volatility_is('unrecorded_estimate_upper', ARRAY['recording_stats', 'bigint', 'double precision'], 'immutable');
SELECT is_strict('change_lower', ARRAY['recording_stats', 'recording_stats', 'double precision']);
SELECT is_strict('change_upper', ARRAY['recording_stats', 'recording_stats', 'double precision']);
SELECT is_strict('unrecorded_estimate', ARRAY['recording_stats', 'bigint']);
SELECT is_strict('unrecorded_estimate_lower', ARRAY['recording_stats', 'bigint', 'double precision']);
SELECT is_strict('unrecorded_estimate_upper', ARRAY['recording_stats', 'bigint', 'double precision']);
SELECT isnt_strict('p_adjust', ARRAY['double precision', 'text']);
SELECT isnt_strict('trend_accum', ARRAY['internal', 'double precision', 'recording_stats']);
SELECT isnt_strict('trend_accum', ARRAY['internal', 'double precision', 'recording_stats', 'double precision']);
SELECT is_empty($$
	SELECT p.oid::regprocedure::text FROM pg_proc p
	 WHERE p.proname IN ('change_lower', 'change_upper', 'trend_p_value', 'recording_trend', 'p_adjust',
	                     'unrecorded_estimate', 'unrecorded_estimate_lower', 'unrecorded_estimate_upper',
	                     'trend_accum', 'trend_combine', 'trend_serialize', 'trend_deserialize',
	                     'trend_p_value_final', 'recording_trend_final')
	   AND p.pronamespace = (SELECT extnamespace FROM pg_extension WHERE extname = 'recording_gap')
	   AND (p.proparallel <> 's' OR p.provolatile <> 'i')$$,
	'every new function is IMMUTABLE and PARALLEL SAFE');
SELECT is(count(*)::int, 3, 'the three aggregates have combine, serialise and deserialise functions')
  FROM pg_aggregate a
 WHERE a.aggfnoid IN ('trend_p_value(double precision,recording_stats)'::regprocedure,
                      'recording_trend(double precision,recording_stats)'::regprocedure,
                      'recording_trend(double precision,recording_stats,double precision)'::regprocedure)
   AND a.aggcombinefn <> 0 AND a.aggserialfn <> 0 AND a.aggdeserialfn <> 0 AND a.aggfinalmodify = 'r';
SELECT ok(bool_and(obj_description(oid, 'pg_proc') IS NOT NULL), 'every new function has a comment')
  FROM pg_proc
 WHERE proname IN ('change_lower', 'change_upper', 'trend_p_value', 'recording_trend', 'p_adjust',
                   'unrecorded_estimate', 'unrecorded_estimate_lower', 'unrecorded_estimate_upper');
SELECT ok(obj_description('trend_direction'::regtype, 'pg_type') IS NOT NULL, 'trend_direction has a comment');

-- SQLSTATEs: every documented error
SELECT throws_ok($$SELECT change_lower(make_recording_stats(10, 5), make_recording_stats(10, 6), 1)$$,
	'22023', 'level must be greater than 0 and less than 1', 'change_lower level 1: 22023');
SELECT throws_ok($$SELECT change_upper(make_recording_stats(10, 5), make_recording_stats(10, 6), 'NaN')$$,
	'22023', 'level must be greater than 0 and less than 1', 'change_upper level NaN: 22023');
SELECT throws_ok($$SELECT change_lower(make_recording_stats(9007199254740993, 5), make_recording_stats(10, 6))$$,
	'54000', 'too many referrals for exact binomial statistics', 'change_lower above 2^53: 54000');
SELECT throws_ok($$SELECT trend_p_value(s, make_recording_stats(5, 1)) FROM (VALUES (1::float8), ('NaN')) v(s)$$,
	'22023', 'score must be finite', 'NaN score: 22023');
SELECT throws_ok($$SELECT recording_trend(s, make_recording_stats(5, 1)) FROM (VALUES (1::float8), ('Infinity')) v(s)$$,
	'22023', 'score must be finite', 'infinite score: 22023');
SELECT throws_ok($$SELECT trend_p_value(s, make_recording_stats(5, 1)) FROM (VALUES (1::float8), (NULL)) v(s)$$,
	'22004', 'score of a trend must not be null', 'NULL score: 22004');
SELECT throws_ok($$SELECT trend_p_value(1, NULL::recording_stats)$$,
	'22004', 'recording_stats of a trend must not be null', 'NULL summary: 22004');
SELECT throws_ok($$SELECT recording_trend(q, make_recording_stats(5, 1), 0) FROM generate_series(1, 2) q$$,
	'22023', 'alpha must be greater than 0 and less than 1', 'alpha 0: 22023');
SELECT throws_ok($$SELECT recording_trend(q, make_recording_stats(5, 1), 'NaN') FROM generate_series(1, 2) q$$,
	'22023', 'alpha must be greater than 0 and less than 1', 'alpha NaN: 22023');
SELECT throws_ok($$SELECT recording_trend(q, make_recording_stats(5, 1), NULL) FROM generate_series(1, 2) q$$,
	'22004', 'alpha of recording_trend must not be null', 'NULL alpha: 22004');
SELECT throws_ok($$SELECT recording_trend(q, make_recording_stats(5, 1), q / 10.0) FROM generate_series(1, 2) q$$,
	'22023', 'alpha of recording_trend must be the same for every row', 'alpha varying: 22023');
SELECT throws_ok($$SELECT trend_p_value(q, make_recording_stats(9007199254740993, 1)) FROM generate_series(1, 2) q$$,
	'54000', 'too many referrals for the trend test', 'trend above 2^53: 54000');
SELECT throws_ok($$SELECT trend_p_value(1, make_recording_stats(9223372036854775807, 0)) FROM generate_series(1, 2)$$,
	'54000', 'too many referrals for the trend test', 'trend count near int64 max: 54000');
SELECT throws_ok($$SELECT p_adjust(p, 'Holm') OVER () FROM (VALUES (0.1::float8)) v(p)$$,
	'22023', 'unknown p-value adjustment method "Holm"', 'unknown method: 22023');
SELECT throws_ok($$SELECT p_adjust(p, NULL) OVER () FROM (VALUES (0.1::float8)) v(p)$$,
	'22004', 'method of p_adjust must not be null', 'NULL method: 22004');
SELECT throws_ok($$SELECT p_adjust(p, m) OVER () FROM (VALUES (0.1::float8, 'holm'), (0.2, 'BY')) v(p, m)$$,
	'22023', 'method of p_adjust must be the same for every row of a window partition', 'mixed methods: 22023');
SELECT throws_ok($$SELECT p_adjust(p) OVER () FROM (VALUES (1.5::float8)) v(p)$$,
	'22023', 'p-value must be between 0 and 1', 'p above 1: 22023');
SELECT throws_ok($$SELECT p_adjust(p) OVER () FROM (VALUES ('NaN'::float8)) v(p)$$,
	'22023', 'p-value must be between 0 and 1', 'p NaN: 22023');
SELECT throws_ok($$SELECT unrecorded_estimate(make_recording_stats(50, 40), -1)$$,
	'22023', 'recorded_total must not be negative', 'negative recorded_total: 22023');
SELECT throws_ok($$SELECT unrecorded_estimate_lower(make_recording_stats(50, 40), 10, 0)$$,
	'22023', 'level must be greater than 0 and less than 1', 'audit level 0: 22023');
SELECT throws_ok($$SELECT unrecorded_estimate_upper(make_recording_stats(9007199254740993, 40), 10)$$,
	'54000', 'too many referrals for exact binomial statistics', 'audit above 2^53: 54000');

-- Behaviour
SELECT is(round(change_lower(make_recording_stats(80, 48), make_recording_stats(70, 56))::numeric, 4), 0.0524,
	'Newcombe 56/70 - 48/80 lower 0.0524');
SELECT is(round(change_upper(make_recording_stats(80, 48), make_recording_stats(70, 56))::numeric, 4), 0.3339,
	'Newcombe 56/70 - 48/80 upper 0.3339');
SELECT is(change_lower(make_recording_stats(0, 0), make_recording_stats(70, 56)), NULL, 'no referrals before: NULL');
SELECT is((SELECT round(trend_p_value(q, make_recording_stats(n, x))::numeric, 6)
             FROM (VALUES (1, 83, 86), (2, 90, 93), (3, 129, 136), (4, 70, 82)) v(q, x, n)), 0.004132,
	'prop.trend.test smokers example p = 0.004132');
SELECT is((SELECT recording_trend(q, make_recording_stats(50, x)) FROM (VALUES (1, 10), (2, 14), (3, 20), (4, 25)) v(q, x)),
	'improving'::trend_direction, 'rising ratio: improving');
SELECT is((SELECT recording_trend(q, make_recording_stats(50, 10)) FROM (VALUES (1)) v(q)),
	'no_data'::trend_direction, 'a single period: no_data');
SELECT is((SELECT array_agg(round(a::numeric, 2) ORDER BY p) FROM
             (SELECT p, p_adjust(p) OVER () AS a FROM (VALUES (0.01::float8), (0.02), (0.03), (0.04), (0.05)) v(p)) w),
	ARRAY[0.05, 0.08, 0.09, 0.09, 0.09], 'holm by default');
SELECT is(round(unrecorded_estimate(make_recording_stats(1315, 1148), 94861)::numeric), 13799::numeric,
	'Nottinghamshire 2018: about 13,800 unrecorded');
SELECT is(unrecorded_estimate_upper(make_recording_stats(50, 0), 1000), 'Infinity'::float8,
	'none recorded in the sample: unbounded above');

SELECT * FROM finish();
ROLLBACK;
