-- pgTAP: the catalog truths and SQLSTATEs of the statistics and funnel
-- functions (src/statistics.c, src/funnel.c): each function's signature,
-- result type, volatility, strictness and parallel label, the enum types and
-- their labels, the aggregates, and the SQLSTATE of every documented error.
--
-- The extension is created and committed before the tests' transaction:
-- PostgreSQL refuses an enum value added by ALTER TYPE ... ADD VALUE (the
-- 'undetermined' labels of 0.2.0) in the transaction that added it, which
-- is the case in a database updated from 0.1.0.  It is dropped again at
-- the end if this file created it.
SELECT NOT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'recording_gap') AS rg_created \gset
CREATE EXTENSION IF NOT EXISTS recording_gap;
BEGIN;
SELECT plan(170);

-- Functions: signature, result, IMMUTABLE (STABLE for the one that reads
-- recording_gap.threshold), STRICT or CALLED ON NULL INPUT, PARALLEL SAFE
SELECT has_function('ci_lower', ARRAY['recording_stats', 'double precision', 'text'], 'ci_lower(recording_stats,double precision,text)');
SELECT function_returns('ci_lower', ARRAY['recording_stats', 'double precision', 'text'], 'double precision');
SELECT volatility_is('ci_lower', ARRAY['recording_stats', 'double precision', 'text'], 'immutable');
SELECT is(proisstrict, true, 'ci_lower(recording_stats,double precision,text) is STRICT') FROM pg_proc WHERE oid = 'ci_lower(recording_stats,double precision,text)'::regprocedure;
SELECT is(proparallel, 's', 'ci_lower(recording_stats,double precision,text) is PARALLEL SAFE') FROM pg_proc WHERE oid = 'ci_lower(recording_stats,double precision,text)'::regprocedure;
SELECT has_function('ci_upper', ARRAY['recording_stats', 'double precision', 'text'], 'ci_upper(recording_stats,double precision,text)');
SELECT function_returns('ci_upper', ARRAY['recording_stats', 'double precision', 'text'], 'double precision');
SELECT volatility_is('ci_upper', ARRAY['recording_stats', 'double precision', 'text'], 'immutable');
SELECT is(proisstrict, true, 'ci_upper(recording_stats,double precision,text) is STRICT') FROM pg_proc WHERE oid = 'ci_upper(recording_stats,double precision,text)'::regprocedure;
SELECT is(proparallel, 's', 'ci_upper(recording_stats,double precision,text) is PARALLEL SAFE') FROM pg_proc WHERE oid = 'ci_upper(recording_stats,double precision,text)'::regprocedure;
SELECT has_function('ci_bounds_lower', ARRAY['recording_stats', 'double precision', 'text'], 'ci_bounds_lower(recording_stats,double precision,text)');
SELECT function_returns('ci_bounds_lower', ARRAY['recording_stats', 'double precision', 'text'], 'double precision');
SELECT volatility_is('ci_bounds_lower', ARRAY['recording_stats', 'double precision', 'text'], 'immutable');
SELECT is(proisstrict, true, 'ci_bounds_lower(recording_stats,double precision,text) is STRICT') FROM pg_proc WHERE oid = 'ci_bounds_lower(recording_stats,double precision,text)'::regprocedure;
SELECT is(proparallel, 's', 'ci_bounds_lower(recording_stats,double precision,text) is PARALLEL SAFE') FROM pg_proc WHERE oid = 'ci_bounds_lower(recording_stats,double precision,text)'::regprocedure;
SELECT has_function('ci_bounds_upper', ARRAY['recording_stats', 'double precision', 'text'], 'ci_bounds_upper(recording_stats,double precision,text)');
SELECT function_returns('ci_bounds_upper', ARRAY['recording_stats', 'double precision', 'text'], 'double precision');
SELECT volatility_is('ci_bounds_upper', ARRAY['recording_stats', 'double precision', 'text'], 'immutable');
SELECT is(proisstrict, true, 'ci_bounds_upper(recording_stats,double precision,text) is STRICT') FROM pg_proc WHERE oid = 'ci_bounds_upper(recording_stats,double precision,text)'::regprocedure;
SELECT is(proparallel, 's', 'ci_bounds_upper(recording_stats,double precision,text) is PARALLEL SAFE') FROM pg_proc WHERE oid = 'ci_bounds_upper(recording_stats,double precision,text)'::regprocedure;
SELECT has_function('recording_verdict', ARRAY['recording_stats', 'double precision'], 'recording_verdict(recording_stats,double precision)');
SELECT function_returns('recording_verdict', ARRAY['recording_stats', 'double precision'], 'threshold_verdict');
SELECT volatility_is('recording_verdict', ARRAY['recording_stats', 'double precision'], 'immutable');
SELECT is(proisstrict, true, 'recording_verdict(recording_stats,double precision) is STRICT') FROM pg_proc WHERE oid = 'recording_verdict(recording_stats,double precision)'::regprocedure;
SELECT is(proparallel, 's', 'recording_verdict(recording_stats,double precision) is PARALLEL SAFE') FROM pg_proc WHERE oid = 'recording_verdict(recording_stats,double precision)'::regprocedure;
SELECT has_function('recording_verdict', ARRAY['recording_stats'], 'recording_verdict(recording_stats)');
SELECT function_returns('recording_verdict', ARRAY['recording_stats'], 'threshold_verdict');
SELECT volatility_is('recording_verdict', ARRAY['recording_stats'], 'stable');
SELECT is(proisstrict, true, 'recording_verdict(recording_stats) is STRICT') FROM pg_proc WHERE oid = 'recording_verdict(recording_stats)'::regprocedure;
SELECT is(proparallel, 's', 'recording_verdict(recording_stats) is PARALLEL SAFE') FROM pg_proc WHERE oid = 'recording_verdict(recording_stats)'::regprocedure;
SELECT has_function('recording_verdict', ARRAY['recording_stats', 'double precision', 'double precision', 'text'], 'recording_verdict(recording_stats,double precision,double precision,text)');
SELECT function_returns('recording_verdict', ARRAY['recording_stats', 'double precision', 'double precision', 'text'], 'threshold_verdict');
SELECT volatility_is('recording_verdict', ARRAY['recording_stats', 'double precision', 'double precision', 'text'], 'immutable');
SELECT is(proisstrict, true, 'recording_verdict(recording_stats,double precision,double precision,text) is STRICT') FROM pg_proc WHERE oid = 'recording_verdict(recording_stats,double precision,double precision,text)'::regprocedure;
SELECT is(proparallel, 's', 'recording_verdict(recording_stats,double precision,double precision,text) is PARALLEL SAFE') FROM pg_proc WHERE oid = 'recording_verdict(recording_stats,double precision,double precision,text)'::regprocedure;
SELECT has_function('below_threshold', ARRAY['recording_stats', 'double precision'], 'below_threshold(recording_stats,double precision)');
SELECT function_returns('below_threshold', ARRAY['recording_stats', 'double precision'], 'boolean');
SELECT volatility_is('below_threshold', ARRAY['recording_stats', 'double precision'], 'immutable');
SELECT is(proisstrict, true, 'below_threshold(recording_stats,double precision) is STRICT') FROM pg_proc WHERE oid = 'below_threshold(recording_stats,double precision)'::regprocedure;
SELECT is(proparallel, 's', 'below_threshold(recording_stats,double precision) is PARALLEL SAFE') FROM pg_proc WHERE oid = 'below_threshold(recording_stats,double precision)'::regprocedure;
SELECT has_function('funnel_lower', ARRAY['bigint', 'double precision', 'double precision'], 'funnel_lower(bigint,double precision,double precision)');
SELECT volatility_is('funnel_lower', ARRAY['bigint', 'double precision', 'double precision'], 'immutable');
SELECT is(proisstrict, true, 'funnel_lower(bigint,double precision,double precision) is STRICT') FROM pg_proc WHERE oid = 'funnel_lower(bigint,double precision,double precision)'::regprocedure;
SELECT is(proparallel, 's', 'funnel_lower(bigint,double precision,double precision) is PARALLEL SAFE') FROM pg_proc WHERE oid = 'funnel_lower(bigint,double precision,double precision)'::regprocedure;
SELECT has_function('funnel_upper', ARRAY['bigint', 'double precision', 'double precision'], 'funnel_upper(bigint,double precision,double precision)');
SELECT volatility_is('funnel_upper', ARRAY['bigint', 'double precision', 'double precision'], 'immutable');
SELECT is(proisstrict, true, 'funnel_upper(bigint,double precision,double precision) is STRICT') FROM pg_proc WHERE oid = 'funnel_upper(bigint,double precision,double precision)'::regprocedure;
SELECT is(proparallel, 's', 'funnel_upper(bigint,double precision,double precision) is PARALLEL SAFE') FROM pg_proc WHERE oid = 'funnel_upper(bigint,double precision,double precision)'::regprocedure;
SELECT has_function('funnel_lower_phi', ARRAY['bigint', 'double precision', 'double precision', 'double precision'], 'funnel_lower_phi(bigint,double precision,double precision,double precision)');
SELECT volatility_is('funnel_lower_phi', ARRAY['bigint', 'double precision', 'double precision', 'double precision'], 'immutable');
SELECT is(proisstrict, true, 'funnel_lower_phi(bigint,double precision,double precision,double precision) is STRICT') FROM pg_proc WHERE oid = 'funnel_lower_phi(bigint,double precision,double precision,double precision)'::regprocedure;
SELECT is(proparallel, 's', 'funnel_lower_phi(bigint,double precision,double precision,double precision) is PARALLEL SAFE') FROM pg_proc WHERE oid = 'funnel_lower_phi(bigint,double precision,double precision,double precision)'::regprocedure;
SELECT has_function('funnel_upper_phi', ARRAY['bigint', 'double precision', 'double precision', 'double precision'], 'funnel_upper_phi(bigint,double precision,double precision,double precision)');
SELECT volatility_is('funnel_upper_phi', ARRAY['bigint', 'double precision', 'double precision', 'double precision'], 'immutable');
SELECT is(proisstrict, true, 'funnel_upper_phi(bigint,double precision,double precision,double precision) is STRICT') FROM pg_proc WHERE oid = 'funnel_upper_phi(bigint,double precision,double precision,double precision)'::regprocedure;
SELECT is(proparallel, 's', 'funnel_upper_phi(bigint,double precision,double precision,double precision) is PARALLEL SAFE') FROM pg_proc WHERE oid = 'funnel_upper_phi(bigint,double precision,double precision,double precision)'::regprocedure;
SELECT has_function('funnel_lower_tau2', ARRAY['bigint', 'double precision', 'double precision', 'double precision'], 'funnel_lower_tau2(bigint,double precision,double precision,double precision)');
SELECT volatility_is('funnel_lower_tau2', ARRAY['bigint', 'double precision', 'double precision', 'double precision'], 'immutable');
SELECT is(proisstrict, true, 'funnel_lower_tau2(bigint,double precision,double precision,double precision) is STRICT') FROM pg_proc WHERE oid = 'funnel_lower_tau2(bigint,double precision,double precision,double precision)'::regprocedure;
SELECT is(proparallel, 's', 'funnel_lower_tau2(bigint,double precision,double precision,double precision) is PARALLEL SAFE') FROM pg_proc WHERE oid = 'funnel_lower_tau2(bigint,double precision,double precision,double precision)'::regprocedure;
SELECT has_function('funnel_upper_tau2', ARRAY['bigint', 'double precision', 'double precision', 'double precision'], 'funnel_upper_tau2(bigint,double precision,double precision,double precision)');
SELECT volatility_is('funnel_upper_tau2', ARRAY['bigint', 'double precision', 'double precision', 'double precision'], 'immutable');
SELECT is(proisstrict, true, 'funnel_upper_tau2(bigint,double precision,double precision,double precision) is STRICT') FROM pg_proc WHERE oid = 'funnel_upper_tau2(bigint,double precision,double precision,double precision)'::regprocedure;
SELECT is(proparallel, 's', 'funnel_upper_tau2(bigint,double precision,double precision,double precision) is PARALLEL SAFE') FROM pg_proc WHERE oid = 'funnel_upper_tau2(bigint,double precision,double precision,double precision)'::regprocedure;
SELECT has_function('funnel_position', ARRAY['recording_stats', 'double precision', 'double precision', 'double precision'], 'funnel_position(recording_stats,double precision,double precision,double precision)');
SELECT function_returns('funnel_position', ARRAY['recording_stats', 'double precision', 'double precision', 'double precision'], 'funnel_position');
SELECT volatility_is('funnel_position', ARRAY['recording_stats', 'double precision', 'double precision', 'double precision'], 'immutable');
SELECT is(proisstrict, true, 'funnel_position(recording_stats,double precision,double precision,double precision) is STRICT') FROM pg_proc WHERE oid = 'funnel_position(recording_stats,double precision,double precision,double precision)'::regprocedure;
SELECT is(proparallel, 's', 'funnel_position(recording_stats,double precision,double precision,double precision) is PARALLEL SAFE') FROM pg_proc WHERE oid = 'funnel_position(recording_stats,double precision,double precision,double precision)'::regprocedure;
SELECT has_function('funnel_position_tau2', ARRAY['recording_stats', 'double precision', 'double precision', 'double precision'], 'funnel_position_tau2(recording_stats,double precision,double precision,double precision)');
SELECT function_returns('funnel_position_tau2', ARRAY['recording_stats', 'double precision', 'double precision', 'double precision'], 'funnel_position');
SELECT volatility_is('funnel_position_tau2', ARRAY['recording_stats', 'double precision', 'double precision', 'double precision'], 'immutable');
SELECT is(proisstrict, true, 'funnel_position_tau2(recording_stats,double precision,double precision,double precision) is STRICT') FROM pg_proc WHERE oid = 'funnel_position_tau2(recording_stats,double precision,double precision,double precision)'::regprocedure;
SELECT is(proparallel, 's', 'funnel_position_tau2(recording_stats,double precision,double precision,double precision) is PARALLEL SAFE') FROM pg_proc WHERE oid = 'funnel_position_tau2(recording_stats,double precision,double precision,double precision)'::regprocedure;
SELECT has_function('funnel_z', ARRAY['recording_stats', 'double precision'], 'funnel_z(recording_stats,double precision)');
SELECT function_returns('funnel_z', ARRAY['recording_stats', 'double precision'], 'double precision');
SELECT volatility_is('funnel_z', ARRAY['recording_stats', 'double precision'], 'immutable');
SELECT is(proisstrict, true, 'funnel_z(recording_stats,double precision) is STRICT') FROM pg_proc WHERE oid = 'funnel_z(recording_stats,double precision)'::regprocedure;
SELECT is(proparallel, 's', 'funnel_z(recording_stats,double precision) is PARALLEL SAFE') FROM pg_proc WHERE oid = 'funnel_z(recording_stats,double precision)'::regprocedure;
SELECT has_function('funnel_z', ARRAY['recording_stats', 'double precision', 'double precision'], 'funnel_z(recording_stats,double precision,double precision)');
SELECT function_returns('funnel_z', ARRAY['recording_stats', 'double precision', 'double precision'], 'double precision');
SELECT volatility_is('funnel_z', ARRAY['recording_stats', 'double precision', 'double precision'], 'immutable');
SELECT is(proisstrict, true, 'funnel_z(recording_stats,double precision,double precision) is STRICT') FROM pg_proc WHERE oid = 'funnel_z(recording_stats,double precision,double precision)'::regprocedure;
SELECT is(proparallel, 's', 'funnel_z(recording_stats,double precision,double precision) is PARALLEL SAFE') FROM pg_proc WHERE oid = 'funnel_z(recording_stats,double precision,double precision)'::regprocedure;
SELECT has_function('funnel_p_value', ARRAY['recording_stats', 'double precision'], 'funnel_p_value(recording_stats,double precision)');
SELECT function_returns('funnel_p_value', ARRAY['recording_stats', 'double precision'], 'double precision');
SELECT volatility_is('funnel_p_value', ARRAY['recording_stats', 'double precision'], 'immutable');
SELECT is(proisstrict, true, 'funnel_p_value(recording_stats,double precision) is STRICT') FROM pg_proc WHERE oid = 'funnel_p_value(recording_stats,double precision)'::regprocedure;
SELECT is(proparallel, 's', 'funnel_p_value(recording_stats,double precision) is PARALLEL SAFE') FROM pg_proc WHERE oid = 'funnel_p_value(recording_stats,double precision)'::regprocedure;
SELECT has_function('change_p_value', ARRAY['recording_stats', 'recording_stats'], 'change_p_value(recording_stats,recording_stats)');
SELECT function_returns('change_p_value', ARRAY['recording_stats', 'recording_stats'], 'double precision');
SELECT volatility_is('change_p_value', ARRAY['recording_stats', 'recording_stats'], 'immutable');
SELECT is(proisstrict, true, 'change_p_value(recording_stats,recording_stats) is STRICT') FROM pg_proc WHERE oid = 'change_p_value(recording_stats,recording_stats)'::regprocedure;
SELECT is(proparallel, 's', 'change_p_value(recording_stats,recording_stats) is PARALLEL SAFE') FROM pg_proc WHERE oid = 'change_p_value(recording_stats,recording_stats)'::regprocedure;
SELECT has_function('recording_change', ARRAY['recording_stats', 'recording_stats', 'double precision'], 'recording_change(recording_stats,recording_stats,double precision)');
SELECT function_returns('recording_change', ARRAY['recording_stats', 'recording_stats', 'double precision'], 'recording_change');
SELECT volatility_is('recording_change', ARRAY['recording_stats', 'recording_stats', 'double precision'], 'immutable');
SELECT is(proisstrict, true, 'recording_change(recording_stats,recording_stats,double precision) is STRICT') FROM pg_proc WHERE oid = 'recording_change(recording_stats,recording_stats,double precision)'::regprocedure;
SELECT is(proparallel, 's', 'recording_change(recording_stats,recording_stats,double precision) is PARALLEL SAFE') FROM pg_proc WHERE oid = 'recording_change(recording_stats,recording_stats,double precision)'::regprocedure;
SELECT has_function('funnel_phi_accum', ARRAY['internal', 'recording_stats', 'double precision'], 'funnel_phi_accum(internal,recording_stats,double precision)');
SELECT volatility_is('funnel_phi_accum', ARRAY['internal', 'recording_stats', 'double precision'], 'immutable');
SELECT is(proisstrict, false, 'funnel_phi_accum(internal,recording_stats,double precision) is CALLED ON NULL INPUT') FROM pg_proc WHERE oid = 'funnel_phi_accum(internal,recording_stats,double precision)'::regprocedure;
SELECT is(proparallel, 's', 'funnel_phi_accum(internal,recording_stats,double precision) is PARALLEL SAFE') FROM pg_proc WHERE oid = 'funnel_phi_accum(internal,recording_stats,double precision)'::regprocedure;
SELECT has_function('funnel_phi_combine', ARRAY['internal', 'internal'], 'funnel_phi_combine(internal,internal)');
SELECT volatility_is('funnel_phi_combine', ARRAY['internal', 'internal'], 'immutable');
SELECT is(proisstrict, false, 'funnel_phi_combine(internal,internal) is CALLED ON NULL INPUT') FROM pg_proc WHERE oid = 'funnel_phi_combine(internal,internal)'::regprocedure;
SELECT is(proparallel, 's', 'funnel_phi_combine(internal,internal) is PARALLEL SAFE') FROM pg_proc WHERE oid = 'funnel_phi_combine(internal,internal)'::regprocedure;
SELECT has_function('funnel_phi_final', ARRAY['internal'], 'funnel_phi_final(internal)');
SELECT volatility_is('funnel_phi_final', ARRAY['internal'], 'immutable');
SELECT is(proisstrict, false, 'funnel_phi_final(internal) is CALLED ON NULL INPUT') FROM pg_proc WHERE oid = 'funnel_phi_final(internal)'::regprocedure;
SELECT is(proparallel, 's', 'funnel_phi_final(internal) is PARALLEL SAFE') FROM pg_proc WHERE oid = 'funnel_phi_final(internal)'::regprocedure;
SELECT has_function('funnel_tau2_accum', ARRAY['internal', 'recording_stats', 'double precision'], 'funnel_tau2_accum(internal,recording_stats,double precision)');
SELECT volatility_is('funnel_tau2_accum', ARRAY['internal', 'recording_stats', 'double precision'], 'immutable');
SELECT is(proisstrict, false, 'funnel_tau2_accum(internal,recording_stats,double precision) is CALLED ON NULL INPUT') FROM pg_proc WHERE oid = 'funnel_tau2_accum(internal,recording_stats,double precision)'::regprocedure;
SELECT is(proparallel, 's', 'funnel_tau2_accum(internal,recording_stats,double precision) is PARALLEL SAFE') FROM pg_proc WHERE oid = 'funnel_tau2_accum(internal,recording_stats,double precision)'::regprocedure;
SELECT has_function('funnel_tau2_final', ARRAY['internal'], 'funnel_tau2_final(internal)');
SELECT volatility_is('funnel_tau2_final', ARRAY['internal'], 'immutable');
SELECT is(proisstrict, false, 'funnel_tau2_final(internal) is CALLED ON NULL INPUT') FROM pg_proc WHERE oid = 'funnel_tau2_final(internal)'::regprocedure;
SELECT is(proparallel, 's', 'funnel_tau2_final(internal) is PARALLEL SAFE') FROM pg_proc WHERE oid = 'funnel_tau2_final(internal)'::regprocedure;

-- Aggregates: parallel, with combine, serial and deserial functions
SELECT is_aggregate('funnel_phi', ARRAY['recording_stats', 'double precision']);
SELECT is_aggregate('funnel_tau2', ARRAY['recording_stats', 'double precision']);
SELECT is_empty($$
	SELECT a.aggfnoid::regprocedure::text FROM pg_aggregate a
	 WHERE a.aggfnoid IN ('funnel_phi(recording_stats,double precision)'::regprocedure,
	                      'funnel_tau2(recording_stats,double precision)'::regprocedure)
	   AND (a.aggcombinefn = 0 OR a.aggserialfn = 0 OR a.aggdeserialfn = 0)$$,
	'funnel_phi and funnel_tau2 have combine, serial and deserial functions');
SELECT is(proparallel, 's', 'funnel_tau2 is PARALLEL SAFE')
  FROM pg_proc WHERE oid = 'funnel_tau2(recording_stats,double precision)'::regprocedure;

-- Enum types: the verdict type renamed, undetermined added
SELECT has_type('threshold_verdict');
SELECT hasnt_type('recording_verdict');
SELECT enum_has_labels('threshold_verdict', ARRAY['no_referrals', 'below', 'undetermined', 'meets']);
SELECT enum_has_labels('funnel_position', ARRAY['low', 'within', 'high', 'undetermined']);
SELECT enum_has_labels('recording_change', ARRAY['improved', 'worsened', 'no_change', 'no_data', 'undetermined']);
SELECT is(recording_verdict('(referrals=3146, recorded=884)'), 'below'::threshold_verdict,
	'recording_verdict(''(...)'') calls the function');

-- No existing call is ambiguous, and each gives its value, worked out by
-- hand (mpmath, 30 digits) for 3 recorded of 10 against 0.5 at 99.8%:
-- Spiegelhalter's limits (r - a) / n with r = qbinom(p, 10, 0.5) and
-- a = (pbinom(r) - p) / dbinom(r): lower, p = 0.001, r = 1,
-- a = (11/1024 - 0.001) / (10/1024) = 0.9976, (1 - 0.9976) / 10 = 0.00024;
-- upper, p = 0.999, r = 9, a = (1023/1024 - 0.999) / (10/1024) = 0.0024,
-- (9 - 0.0024) / 10 = 0.89976.  0.3 lies between them.  FunnelPlotR's z:
-- 2 sqrt(10) (asin(sqrt(0.3)) - asin(sqrt(0.5))) = -1.30133052910216715.
SELECT is(funnel_position(make_recording_stats(10, 3), 0.5)::text, 'within',
	'funnel_position(s, target): 0.3 within 0.00024 .. 0.89976');
SELECT ok(abs(funnel_lower(10, 0.5) - 0.00024) < 1e-12 * 0.00024 AND abs(funnel_upper(10, 0.5) - 0.89976) < 1e-12 * 0.89976,
	'funnel_lower(n, target), funnel_upper(n, target): 0.00024 and 0.89976 (relative 1e-12)');
SELECT is(recording_verdict(make_recording_stats(10, 3), 0.5)::text, 'below',
	'recording_verdict(s, threshold): 0.3 with no unknowns is under 0.5: below');
SELECT ok(abs(funnel_z(make_recording_stats(10, 3), 0.5) - (-1.30133052910216715)) < 1e-12,
	'funnel_z(s, target): -1.30133052910216715');

-- SQLSTATEs: 22023 for a bad parameter or invalid counts, 54000 for
-- counts above 2^53
SELECT throws_ok($$SELECT ci_lower(make_recording_stats(10, 3), 1)$$, '22023',
	'level must be greater than 0 and less than 1', 'ci_lower level 1');
SELECT throws_ok($$SELECT ci_upper(make_recording_stats(10, 3), 'NaN')$$, '22023',
	'level must be greater than 0 and less than 1', 'ci_upper level NaN');
SELECT throws_ok($$SELECT ci_lower(make_recording_stats(10, 3), 0.95, 'exact')$$, '22023',
	'unknown confidence interval method "exact"', 'ci_lower unknown method');
SELECT throws_ok($$SELECT ci_bounds_lower(make_recording_stats(10, 3), 0)$$, '22023',
	'level must be greater than 0 and less than 1', 'ci_bounds_lower level 0');
SELECT throws_ok($$SELECT ci_bounds_upper(make_recording_stats(10, 3), 0.95, 'Wilson')$$, '22023',
	'unknown confidence interval method "Wilson"', 'ci_bounds_upper unknown method');
SELECT throws_ok($$SELECT ci_lower(make_recording_stats(9007199254740993, 3))$$, '54000',
	'too many referrals for exact binomial statistics', 'ci_lower above 2^53');
SELECT throws_ok($$SELECT recording_verdict(make_recording_stats(10, 3), 1.5)$$, '22023',
	'threshold must be between 0 and 1', 'recording_verdict threshold 1.5');
SELECT throws_ok($$SELECT below_threshold(make_recording_stats(10, 3), 'NaN')$$, '22023',
	'threshold must be between 0 and 1', 'below_threshold threshold NaN');
SELECT throws_ok($$SELECT recording_verdict(make_recording_stats(10, 3), 'NaN', 0.95)$$, '22023',
	'threshold must be between 0 and 1', 'recording_verdict(4) threshold NaN');
SELECT throws_ok($$SELECT recording_verdict(make_recording_stats(10, 3), 0.5, 1)$$, '22023',
	'level must be greater than 0 and less than 1', 'recording_verdict(4) level 1');
SELECT throws_ok($$SELECT recording_verdict(make_recording_stats(10, 3), 0.5, 0.95, 'exact')$$, '22023',
	'unknown confidence interval method "exact"', 'recording_verdict(4) unknown method');
SELECT throws_ok($$SELECT funnel_lower(10, 'Infinity')$$, '22023',
	'target must be between 0 and 1', 'funnel_lower target Infinity');
SELECT throws_ok($$SELECT funnel_upper(10, 0.5, 1)$$, '22023',
	'level must be greater than 0 and less than 1', 'funnel_upper level 1');
SELECT throws_ok($$SELECT funnel_lower(-1, 0.5)$$, '22023',
	'referrals must not be negative', 'funnel_lower negative referrals');
SELECT throws_ok($$SELECT funnel_upper(9007199254740993, 0.5)$$, '54000',
	'too many referrals for exact binomial statistics', 'funnel_upper above 2^53');
SELECT throws_ok($$SELECT funnel_lower_phi(10, 0.5, -1)$$, '22023',
	'phi must be finite and not negative', 'funnel_lower_phi phi -1');
SELECT throws_ok($$SELECT funnel_upper_phi(10, 'NaN', 2)$$, '22023',
	'target must be between 0 and 1', 'funnel_upper_phi target NaN');
SELECT throws_ok($$SELECT funnel_lower_tau2(10, 0.5, -0.1)$$, '22023',
	'tau2 must be finite and not negative', 'funnel_lower_tau2 tau2 < 0');
SELECT throws_ok($$SELECT funnel_upper_tau2(10, 0.5, 'Infinity')$$, '22023',
	'tau2 must be finite and not negative', 'funnel_upper_tau2 tau2 Infinity');
SELECT throws_ok($$SELECT funnel_upper_tau2(10, 0.5, 0.1, 'NaN')$$, '22023',
	'level must be greater than 0 and less than 1', 'funnel_upper_tau2 level NaN');
SELECT throws_ok($$SELECT funnel_position(make_recording_stats(10, 3), 0.5, 0.998, 'NaN')$$, '22023',
	'phi must be finite and not negative', 'funnel_position phi NaN');
SELECT throws_ok($$SELECT funnel_position(make_recording_stats(10, 3), 1.5)$$, '22023',
	'target must be between 0 and 1', 'funnel_position target 1.5');
SELECT throws_ok($$SELECT funnel_position_tau2(make_recording_stats(10, 3), 0.5, 'NaN')$$, '22023',
	'tau2 must be finite and not negative', 'funnel_position_tau2 tau2 NaN');
SELECT throws_ok($$SELECT funnel_position_tau2(make_recording_stats(10, 3), 0.5, 0.1, 0)$$, '22023',
	'level must be greater than 0 and less than 1', 'funnel_position_tau2 level 0');
SELECT throws_ok($$SELECT funnel_z(make_recording_stats(10, 3), 'NaN')$$, '22023',
	'target must be between 0 and 1', 'funnel_z target NaN');
SELECT throws_ok($$SELECT funnel_z(make_recording_stats(10, 3), 0.5, -1)$$, '22023',
	'tau2 must be finite and not negative', 'funnel_z tau2 -1');
SELECT throws_ok($$SELECT funnel_p_value(make_recording_stats(10, 3), '-Infinity')$$, '22023',
	'target must be between 0 and 1', 'funnel_p_value target -Infinity');
SELECT throws_ok($$SELECT funnel_p_value(make_recording_stats(9007199254740993, 3), 0.5)$$, '54000',
	'too many referrals for exact binomial statistics', 'funnel_p_value above 2^53');
SELECT throws_ok($$SELECT funnel_phi(s, 0) FROM (VALUES (make_recording_stats(10, 3))) v(s)$$, '22023',
	'target of funnel_phi must be greater than 0 and less than 1', 'funnel_phi target 0');
SELECT throws_ok($$SELECT funnel_tau2(s, 'NaN') FROM (VALUES (make_recording_stats(10, 3))) v(s)$$, '22023',
	'target of funnel_tau2 must be between 0 and 1', 'funnel_tau2 target NaN');
SELECT throws_ok($$SELECT funnel_tau2(s, t) FROM (VALUES (make_recording_stats(10, 3), 0.3),
	(make_recording_stats(10, 3), 0.4)) v(s, t)$$, '22023',
	'target of a funnel overdispersion estimate must be the same for every row', 'funnel_tau2 two targets');
SELECT throws_ok($$SELECT recording_change(make_recording_stats(10, 3), make_recording_stats(10, 4), 0)$$, '22023',
	'alpha must be greater than 0 and less than 1', 'recording_change alpha 0');
SELECT throws_ok($$SELECT change_p_value(make_recording_stats(9007199254740993, 1), make_recording_stats(4, 1))$$, '54000',
	'too many referrals for exact binomial statistics', 'change_p_value above 2^53');

-- The unknowns rule, in one line each
SELECT is(funnel_position(make_recording_stats(60, 0, 60), 0.281), 'undetermined'::funnel_position,
	'all unknown: funnel_position undetermined');
SELECT is(recording_change(make_recording_stats(100, 40), make_recording_stats(60, 0, 60)),
	'undetermined'::recording_change, 'all unknown: recording_change undetermined');
SELECT is(change_p_value(make_recording_stats(100, 40), make_recording_stats(60, 0, 60)), NULL,
	'change_p_value NULL with unknowns');
SELECT is(ci_bounds_upper(make_recording_stats(60, 0, 60)), 1::float8, 'bounds reach the best case');

SELECT * FROM finish();
ROLLBACK;
\if :rg_created
DROP EXTENSION recording_gap;
\endif
