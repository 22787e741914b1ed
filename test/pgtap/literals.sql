-- pgTAP: the numeric forms of the parameters users type as literals
-- (sql/current/90_literals.sql, src/literals.c).
--
-- A decimal literal is numeric.  Every function and aggregate with such a
-- parameter has a numeric form beside its double precision form, with the
-- same result type, volatility, strictness and parallel label; the two
-- forms give the same answers; calls with integer and unknown-typed
-- literals and calls that leave the literal out stay unambiguous; and a
-- same-named numeric function in a schema later on the search_path, as a
-- plain user could create it, does not take the call.
BEGIN;
CREATE EXTENSION IF NOT EXISTS recording_gap;
SELECT plan(25);

CREATE TEMP VIEW ext_proc AS
	SELECT p.* FROM pg_catalog.pg_depend d JOIN pg_catalog.pg_proc p ON p.oid = d.objid
	 WHERE d.classid = 'pg_catalog.pg_proc'::pg_catalog.regclass AND d.deptype = 'e'
	   AND d.refobjid = (SELECT oid FROM pg_catalog.pg_extension WHERE extname = 'recording_gap');

-- Each numeric form and its double precision twin: the signature with
-- numeric replaced by double precision (other than make_recording_stats,
-- recording_ratio and recording_gap, whose numeric forms take counts).
CREATE TEMP VIEW literal_pair AS
	SELECT n.oid AS num, f.oid AS dbl FROM ext_proc n
	  LEFT JOIN ext_proc f ON f.proname = n.proname
	   AND f.pronargs = n.pronargs
	   AND pg_catalog.array_to_string(f.proargtypes::oid[], ',')
	     = pg_catalog.array_to_string(pg_catalog.array_replace(n.proargtypes::oid[], 'numeric'::regtype::oid, 'float8'::regtype::oid), ',')
	 WHERE 'numeric'::regtype = ANY (n.proargtypes::oid[])
	   AND n.proname NOT IN ('make_recording_stats', 'recording_ratio', 'recording_gap');

SELECT is((SELECT count(*)::int FROM literal_pair), 43,
	'43 numeric forms: 25 scalar functions, 9 transition functions, 9 aggregates');
SELECT is_empty($$SELECT num::regprocedure::text FROM literal_pair WHERE dbl IS NULL$$,
	'every numeric form has a double precision twin');
SELECT is_empty($$SELECT num::regprocedure::text FROM literal_pair l JOIN pg_proc n ON n.oid = l.num
	 WHERE n.prokind = 'f' AND n.prosrc <> 'numeric_literal_form'$$,
	'every numeric function is numeric_literal_form (src/literals.c), which calls its twin');
SELECT is_empty($$
	SELECT n.oid::regprocedure::text FROM literal_pair l JOIN pg_proc n ON n.oid = l.num JOIN pg_proc f ON f.oid = l.dbl
	 WHERE (n.prorettype, n.provolatile, n.proisstrict, n.proparallel, n.prokind)
	   IS DISTINCT FROM (f.prorettype, f.provolatile, f.proisstrict, f.proparallel, f.prokind)$$,
	'each numeric form has its twin''s result type, kind, volatility, strictness and parallel label');
SELECT is_empty($$
	SELECT n.oid::regprocedure::text FROM literal_pair l JOIN pg_proc n ON n.oid = l.num
	 WHERE obj_description(n.oid, 'pg_proc') IS NULL$$,
	'every numeric form has a comment');
SELECT is_empty($$
	SELECT a.aggfnoid::regprocedure::text FROM literal_pair l JOIN pg_aggregate a ON a.aggfnoid = l.num
	  JOIN pg_aggregate b ON b.aggfnoid = l.dbl
	 WHERE (a.aggfinalfn, a.aggcombinefn, a.aggserialfn, a.aggdeserialfn, a.aggtranstype)
	   IS DISTINCT FROM (b.aggfinalfn, b.aggcombinefn, b.aggserialfn, b.aggdeserialfn, b.aggtranstype)$$,
	'each numeric aggregate shares its twin''s state, final, combine and serialisation functions');

-- The literals of the README resolve to the extension's numeric forms.
SELECT is(pg_typeof(0.95)::text, 'numeric', 'a decimal literal is numeric');
SELECT is((SELECT count(*)::int FROM ext_proc WHERE oid IN (
	'recording_verdict(recording_stats,numeric)'::regprocedure,
	'funnel_position(recording_stats,numeric,numeric,numeric)'::regprocedure)), 2,
	'recording_verdict(s, 0.95) and funnel_position(s, 884.0 / 3001) have numeric forms in the extension');

-- Answers, worked out by hand: 90 recorded and 5 unknown of 100 is 0.90 at
-- worst and 0.95 at best.
SELECT is(recording_verdict(make_recording_stats(100, 90, 5), 0.95)::text, 'undetermined',
	'recording_verdict(s, 0.95): worst 0.90 under, best 0.95 not under: undetermined');
SELECT is(recording_verdict(make_recording_stats(100, 90, 5), 1)::text, 'below',
	'recording_verdict(s, 1): an integer literal resolves (to double precision): best 0.95 < 1, below');
SELECT is(recording_verdict(make_recording_stats(100, 90, 5), '0.9')::text, 'meets',
	'recording_verdict(s, ''0.9''): an unknown literal resolves: worst 0.90 >= 0.9, meets');
SELECT is(recording_verdict(make_recording_stats(100, 90, 5), 0.9::float8)::text, 'meets',
	'recording_verdict(s, 0.9::float8) still calls the double precision form');
SELECT is(funnel_position(make_recording_stats(200, 60), 0.5)::text, 'low',
	'funnel_position(s, 0.5): 60 of 200 is 7 standard errors below 0.5: low');
SELECT is(funnel_position(make_recording_stats(100, 90, 5), 884.0 / 3001)::text, 'high',
	'funnel_position(s, 884.0 / 3001): 0.90 even at worst, far above 0.29: high');
SELECT is(funnel_position(make_recording_stats(200, 60), 0.5, 0.95, 2)::text, 'low',
	'funnel_position(s, 0.5, 0.95, 2): a mix of decimal and integer literals resolves');
-- Wilson 95% lower limit of 90 / 100: (p + z^2/2n - z sqrt(p(1-p)/n + z^2/4n^2)) / (1 + z^2/n)
-- = 0.825634338495086537 (mpmath, 30 digits); at 99%, 0.796249261528376637.
SELECT cmp_ok(abs(ci_lower(make_recording_stats(100, 90)) - 0.825634338495086537), '<', 1e-12::float8,
	'ci_lower(s) with the level left out: the double precision form, 0.82563433849508654');
SELECT cmp_ok(abs(ci_lower(make_recording_stats(100, 90), 0.99) - 0.796249261528376637), '<', 1e-12::float8,
	'ci_lower(s, 0.99): 0.79624926152837664');
SELECT is(ci_lower(make_recording_stats(100, 90), 0.99, 'wilson'), ci_lower(make_recording_stats(100, 90), 0.99::float8, 'wilson'),
	'ci_lower(s, 0.99, ''wilson''): the same double as the double precision form');

-- Every numeric form gives its twin's answer, over summaries with and
-- without unknowns, including no referrals.
CREATE TEMP TABLE lit_s AS SELECT i, s FROM (VALUES
	(1, make_recording_stats(100, 90, 5)), (2, make_recording_stats(200, 60)), (3, make_recording_stats(0, 0)),
	(4, make_recording_stats(40, 40)), (5, make_recording_stats(60, 0, 60)), (6, make_recording_stats(3146, 884, 145))) v(i, s);
SELECT is_empty($$
	SELECT i FROM lit_s WHERE
	   (ci_lower(s, 0.9), ci_upper(s, 0.9), ci_bounds_lower(s, 0.9), ci_bounds_upper(s, 0.9, 'jeffreys'),
	    recording_verdict(s, 0.3), recording_verdict(s, 0.3, 0.95), recording_verdict(s, 0.3, 0.95, 'wald'), below_threshold(s, 0.3),
	    funnel_lower(referrals(s), 0.3), funnel_upper(referrals(s), 0.3, 0.95),
	    funnel_lower_phi(referrals(s), 0.3, 1.5), funnel_upper_phi(referrals(s), 0.3, 1.5, 0.95),
	    funnel_lower_tau2(referrals(s), 0.3, 0.01), funnel_upper_tau2(referrals(s), 0.3, 0.01, 0.95),
	    funnel_position(s, 0.3), funnel_position(s, 0.3, 0.95, 1.5), funnel_position_tau2(s, 0.3, 0.01),
	    funnel_z(s, 0.3), funnel_z(s, 0.3, 0.01), funnel_p_value(s, 0.3),
	    recording_change(make_recording_stats(100, 20), s, 0.01),
	    change_lower(make_recording_stats(100, 20), s, 0.9), change_upper(make_recording_stats(100, 20), s, 0.9),
	    unrecorded_estimate_lower(s, 1000, 0.9), unrecorded_estimate_upper(s, 1000, 0.9))
	   IS DISTINCT FROM
	   (ci_lower(s, 0.9::float8), ci_upper(s, 0.9::float8), ci_bounds_lower(s, 0.9::float8), ci_bounds_upper(s, 0.9::float8, 'jeffreys'),
	    recording_verdict(s, 0.3::float8), recording_verdict(s, 0.3::float8, 0.95::float8), recording_verdict(s, 0.3::float8, 0.95::float8, 'wald'), below_threshold(s, 0.3::float8),
	    funnel_lower(referrals(s), 0.3::float8), funnel_upper(referrals(s), 0.3::float8, 0.95::float8),
	    funnel_lower_phi(referrals(s), 0.3::float8, 1.5::float8), funnel_upper_phi(referrals(s), 0.3::float8, 1.5::float8, 0.95::float8),
	    funnel_lower_tau2(referrals(s), 0.3::float8, 0.01::float8), funnel_upper_tau2(referrals(s), 0.3::float8, 0.01::float8, 0.95::float8),
	    funnel_position(s, 0.3::float8), funnel_position(s, 0.3::float8, 0.95::float8, 1.5::float8), funnel_position_tau2(s, 0.3::float8, 0.01::float8),
	    funnel_z(s, 0.3::float8), funnel_z(s, 0.3::float8, 0.01::float8), funnel_p_value(s, 0.3::float8),
	    recording_change(make_recording_stats(100, 20), s, 0.01::float8),
	    change_lower(make_recording_stats(100, 20), s, 0.9::float8), change_upper(make_recording_stats(100, 20), s, 0.9::float8),
	    unrecorded_estimate_lower(s, 1000, 0.9::float8), unrecorded_estimate_upper(s, 1000, 0.9::float8))$$,
	'every scalar numeric form answers as its double precision twin');
SELECT is((SELECT (funnel_phi(s, 0.3), funnel_tau2(s, 0.3), recording_trend(i, s, 0.01),
                   md5(funnel_plot_svg(i::text, s, 0.3)), md5(funnel_plot_svg(i::text, s, 0.3, 'T')),
                   md5(funnel_plot_svg(i::text, s, 0.3, 'T', '{"phi": 1.5}')),
                   md5(ratio_chart_svg(date '2015-04-01' + 91 * i, s, 'all', 0.3)))::text
             FROM lit_s WHERE referrals(s) > 0),
          (SELECT (funnel_phi(s, 0.3::float8), funnel_tau2(s, 0.3::float8), recording_trend(i, s, 0.01::float8),
                   md5(funnel_plot_svg(i::text, s, 0.3::float8)), md5(funnel_plot_svg(i::text, s, 0.3::float8, 'T')),
                   md5(funnel_plot_svg(i::text, s, 0.3::float8, 'T', '{"phi": 1.5}')),
                   md5(ratio_chart_svg(date '2015-04-01' + 91 * i, s, 'all', 0.3::float8)))::text
             FROM lit_s WHERE referrals(s) > 0),
	'every numeric aggregate answers as its double precision twin (funnel_phi, funnel_tau2, recording_trend, the pictures)');
CREATE TEMP TABLE lit_t (a boolean, b boolean, c boolean, n bigint);
INSERT INTO lit_t VALUES (true, false, false, 100), (false, true, false, 80), (false, false, true, 60),
	(true, true, false, 20), (true, false, true, 15), (false, true, true, 12), (true, true, true, 4);
SELECT is((SELECT (mse_estimate(mse_fit(ARRAY[a, b, c], n, 'stepwise', NULL, 0.02)),
                   mse_estimate(mse_fit(ARRAY[a::int, b::int, c::int], n, 'stepwise', NULL, 0.02)),
                   mse_lower(mse_fit(ARRAY[a, b, c], n), 0.9), mse_upper(mse_fit(ARRAY[a, b, c], n), 0.9))::text FROM lit_t),
          (SELECT (mse_estimate(mse_fit(ARRAY[a, b, c], n, 'stepwise', NULL, 0.02::float8)),
                   mse_estimate(mse_fit(ARRAY[a::int, b::int, c::int], n, 'stepwise', NULL, 0.02::float8)),
                   mse_lower(mse_fit(ARRAY[a, b, c], n), 0.9::float8), mse_upper(mse_fit(ARRAY[a, b, c], n), 0.9::float8))::text FROM lit_t),
	'mse_fit with a numeric p_threshold, and mse_lower and mse_upper at a numeric level, answer as their twins');

-- A later schema on the path holds same-named numeric functions and an
-- aggregate, as any role with CREATE on a schema there could make them.
CREATE SCHEMA lit_hostile;
CREATE FUNCTION lit_hostile.recording_verdict(s recording_stats, t numeric) RETURNS threshold_verdict
	LANGUAGE sql AS $$ SELECT 'meets'::threshold_verdict $$;
CREATE FUNCTION lit_hostile.funnel_position(s recording_stats, t numeric) RETURNS funnel_position
	LANGUAGE sql AS $$ SELECT 'within'::funnel_position $$;
CREATE FUNCTION lit_hostile.ci_lower(s recording_stats, l numeric) RETURNS float8
	LANGUAGE sql AS $$ SELECT -1::float8 $$;
CREATE FUNCTION lit_hostile.hostile_accum(float8, recording_stats, numeric) RETURNS float8
	LANGUAGE sql AS $$ SELECT -1::float8 $$;
CREATE AGGREGATE lit_hostile.funnel_phi(recording_stats, numeric) (SFUNC = lit_hostile.hostile_accum, STYPE = float8);
DO $$ BEGIN PERFORM set_config('search_path', current_setting('search_path') || ', lit_hostile', true); END $$;
SELECT is(recording_verdict(make_recording_stats(200, 60), 0.95)::text, 'below',
	'recording_verdict(s, 0.95) with a hostile numeric form later on the path: the extension''s, below');
SELECT is(funnel_position(make_recording_stats(200, 60), 0.5)::text, 'low',
	'funnel_position(s, 0.5) with a hostile numeric form later on the path: the extension''s, low');
SELECT cmp_ok(abs(ci_lower(make_recording_stats(100, 90), 0.99) - 0.796249261528376637), '<', 1e-12::float8,
	'ci_lower(s, 0.99) with a hostile numeric form later on the path: the extension''s');
SELECT cmp_ok((SELECT funnel_phi(s, 0.3) FROM lit_s WHERE referrals(s) > 0 AND unknown(s) = 0), '>=', 0::float8,
	'funnel_phi(s, 0.3) with a hostile numeric aggregate later on the path: the extension''s (not -1)');

SELECT * FROM finish();
ROLLBACK;
