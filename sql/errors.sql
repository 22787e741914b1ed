-- Errors a user can act on: each names the argument in the user's terms,
-- quotes only the values the call has, and gives a hint; one SQLSTATE per
-- kind of error (src/errors.c).  pg_temp.err runs a statement and returns
-- "SQLSTATE: message | detail | hint", or "no error".
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS recording_gap;
RESET client_min_messages;

CREATE FUNCTION pg_temp.err(q text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
	st text;
	m text;
	d text;
	h text;
BEGIN
	EXECUTE q;
	RETURN 'no error';
EXCEPTION WHEN OTHERS THEN
	GET STACKED DIAGNOSTICS st = RETURNED_SQLSTATE, m = MESSAGE_TEXT,
		d = PG_EXCEPTION_DETAIL, h = PG_EXCEPTION_HINT;
	RETURN st || ': ' || m || E'\n  | ' || coalesce(d, '') || E'\n  | ' || coalesce(h, '');
END $$;

-- recorded above referrals: without unknowns the message does not speak of
-- them; with unknowns it does
SELECT pg_temp.err($$SELECT make_recording_stats(10, 11)$$);
SELECT pg_temp.err($$SELECT make_recording_stats(10, 5, 6)$$);
SELECT pg_temp.err($$SELECT '(referrals=10, recorded=11)'::recording_stats$$);
SELECT pg_temp.err($$SELECT make_recording_stats(10, 5, 0, 6)$$);
SELECT pg_temp.err($$SELECT make_recording_stats(10, -1)$$);

-- a detail quotes the arguments the function has, and no others
SELECT pg_temp.err($$SELECT ci_lower(make_recording_stats(10, 3), 1.5)$$);
SELECT pg_temp.err($$SELECT recording_verdict(make_recording_stats(10, 3), 2)$$);
SELECT pg_temp.err($$SELECT recording_change(make_recording_stats(10, 3), make_recording_stats(10, 5), 0)$$);
SELECT pg_temp.err($$SELECT funnel_lower(-1, 0.5)$$);
SELECT pg_temp.err($$SELECT funnel_lower_tau2(10, 0.5, -1)$$);
SELECT pg_temp.err($$SELECT funnel_position(make_recording_stats(10, 3), 0.5, 0.998, 'NaN')$$);
SELECT pg_temp.err($$SELECT change_lower(make_recording_stats(10, 3), make_recording_stats(9007199254740993, 5))$$);
SELECT pg_temp.err($$SELECT unrecorded_estimate_lower(make_recording_stats(10, 3), 100, 0)$$);
SELECT pg_temp.err($$SELECT unrecorded_estimate(make_recording_stats(10, 3), -1)$$);
SELECT pg_temp.err($$SELECT recording_trend(sc, s, 1) FROM (VALUES (1::float8, make_recording_stats(10, 3))) v(sc, s)$$);
SELECT pg_temp.err($$SELECT mse_lower(mse_fit(p, n), 1) FROM (VALUES (ARRAY[1, 0], 80::bigint), (ARRAY[0, 1], 60), (ARRAY[1, 1], 20)) v(p, n)$$);

-- options of funnel_plot_svg: the option is named, its range given
SELECT pg_temp.err($$SELECT funnel_plot_svg(u, s, 0.5, NULL, '{"width": -1}') FROM (VALUES ('a', make_recording_stats(10, 3))) v(u, s)$$);
SELECT pg_temp.err($$SELECT funnel_plot_svg(u, s, 0.5, NULL, '{"height": 200.5}') FROM (VALUES ('a', make_recording_stats(10, 3))) v(u, s)$$);
SELECT pg_temp.err($$SELECT funnel_plot_svg(u, s, 0.5, NULL, '{"phi": 1e400}') FROM (VALUES ('a', make_recording_stats(10, 3))) v(u, s)$$);
SELECT pg_temp.err($$SELECT funnel_plot_svg(u, s, 0.5, NULL, '{"phi": -2}') FROM (VALUES ('a', make_recording_stats(10, 3))) v(u, s)$$);
SELECT pg_temp.err($$SELECT funnel_plot_svg(u, s, 0.5, NULL, '{"tau2": "0.1"}') FROM (VALUES ('a', make_recording_stats(10, 3))) v(u, s)$$);
SELECT pg_temp.err($$SELECT funnel_plot_svg(u, s, 0.5, NULL, '{"levels": [[0.95]]}') FROM (VALUES ('a', make_recording_stats(10, 3))) v(u, s)$$);
SELECT pg_temp.err($$SELECT funnel_plot_svg(u, s, 0.5, NULL, '{"levels": [0.95, 0.998, 0.95]}') FROM (VALUES ('a', make_recording_stats(10, 3))) v(u, s)$$);
SELECT pg_temp.err($$SELECT funnel_plot_svg(u, s, 0.5, NULL, '{"levels": [0.95, 1]}') FROM (VALUES ('a', make_recording_stats(10, 3))) v(u, s)$$);
SELECT pg_temp.err($$SELECT funnel_plot_svg(u, s, 0.5, NULL, '{"width": 300, "height": 200, "levels": [0.95]}') IS NOT NULL FROM (VALUES ('a', make_recording_stats(10, 3))) v(u, s)$$);

-- rollup(DISTINCT s): an aggregate's DISTINCT sorts its input, and summaries
-- have no order (doc/recording-stats.md); SELECT DISTINCT hashes them
SELECT pg_temp.err($$SELECT rollup(DISTINCT s) FROM (VALUES (make_recording_stats(10, 3)), (make_recording_stats(10, 3))) v(s)$$);
SELECT rollup(s) FROM (SELECT DISTINCT s FROM (VALUES (make_recording_stats(10, 3)), (make_recording_stats(10, 3)), (make_recording_stats(5, 1))) v(s)) d;

-- mse_fit: constant model and names are checked once per group; options
-- that differ between rows are refused wherever they come from
CREATE TEMP TABLE two_lists (p int[], n bigint, names text[]);
INSERT INTO two_lists VALUES (ARRAY[1, 0], 80, ARRAY['police', 'ngo']),
	(ARRAY[0, 1], 60, ARRAY['police', 'ngo']), (ARRAY[1, 1], 20, ARRAY['police', 'ngo']);
-- 100 on list 1, 80 on list 2, 20 on both: Lincoln-Petersen 100 * 80 / 20 = 400
SELECT round(mse_estimate(mse_fit(p, n, 'independence', ARRAY['police', 'ngo']))) FROM two_lists;
SELECT round(mse_estimate(mse_fit(p, n, 'independence', names))) FROM two_lists;
SELECT g, round(mse_estimate(mse_fit(p, n, 'independence', ARRAY['police', 'ngo'])))
  FROM (SELECT g, t.* FROM two_lists t, generate_series(1, 3) g) x GROUP BY g ORDER BY g;
UPDATE two_lists SET names = ARRAY['police', 'la'] WHERE n = 20;
SELECT pg_temp.err($$SELECT mse_fit(p, n, 'independence', names) FROM (SELECT * FROM two_lists ORDER BY n DESC) t$$);
SELECT pg_temp.err($$SELECT mse_fit(p, n, m) FROM (VALUES (ARRAY[1, 0], 80::bigint, 'independence'), (ARRAY[0, 1], 60, 'stepwise')) v(p, n, m)$$);
-- in a window, every row is compared
SELECT pg_temp.err($$SELECT mse_fit(p, n, 'independence', names) OVER (ORDER BY n DESC) FROM two_lists$$);
-- a prepared statement with a generic plan: the names are a parameter,
-- checked again at every execution
SET plan_cache_mode = force_generic_plan;
PREPARE fit_named(text[]) AS
	SELECT mse_model(mse_fit(p, n, '1:3', $1))
	  FROM (VALUES (ARRAY[1,0,0], 50::bigint), (ARRAY[0,1,0], 40), (ARRAY[0,0,1], 30), (ARRAY[1,1,0], 10),
	               (ARRAY[1,0,1], 20), (ARRAY[0,1,1], 5), (ARRAY[1,1,1], 3)) v(p, n);
EXECUTE fit_named(ARRAY['police', 'ngo', 'la']);
EXECUTE fit_named(ARRAY['a', 'b', 'c']);
SELECT pg_temp.err($$EXECUTE fit_named(ARRAY['a', 'b', 'a'])$$);
DEALLOCATE fit_named;
RESET plan_cache_mode;
-- a PL/pgSQL loop: one call site, the names in a variable
DO $$ DECLARE nm text[]; BEGIN
  FOREACH nm SLICE 1 IN ARRAY ARRAY[['police', 'ngo', 'la'], ['x', 'y', 'z']] LOOP
    RAISE NOTICE '%', (SELECT mse_model(mse_fit(p, n, '1:3', nm))
	  FROM (VALUES (ARRAY[1,0,0], 50::bigint), (ARRAY[0,1,0], 40), (ARRAY[0,0,1], 30), (ARRAY[1,1,0], 10),
	               (ARRAY[1,0,1], 20), (ARRAY[0,1,1], 5), (ARRAY[1,1,1], 3)) v(p, n));
  END LOOP; END $$;

-- 0.3.0 names each C function as its SQL function; the old C names stay
-- exported for catalogs not yet updated (src/old_symbols.c).  Each old
-- symbol resolves (CREATE FUNCTION looks it up) and forwards to the new one.
CREATE TEMP TABLE old_symbols (old text, new text);
INSERT INTO old_symbols VALUES
	('recording_stats_referrals', 'referrals'),
	('recording_stats_recorded', 'recorded'),
	('recording_stats_unknown', 'unknown'),
	('recording_stats_timely', 'timely'),
	('recording_stats_ratio', 'recording_ratio'),
	('recording_stats_gap', 'recording_gap'),
	('recording_stats_confirmed_gap', 'confirmed_gap'),
	('recording_stats_completeness', 'completeness'),
	('recording_stats_timeliness_ratio', 'timeliness_ratio'),
	('recording_stats_bounds_lower', 'ratio_bounds_lower'),
	('recording_stats_bounds_upper', 'ratio_bounds_upper'),
	('recording_stats_ci_lower', 'ci_lower'),
	('recording_stats_ci_upper', 'ci_upper'),
	('recording_stats_verdict', 'recording_verdict'),
	('recording_stats_verdict_ci', 'recording_verdict_ci'),
	('recording_stats_below_threshold', 'below_threshold'),
	('recording_funnel_lower', 'funnel_lower'),
	('recording_funnel_upper', 'funnel_upper'),
	('recording_stats_funnel_position', 'funnel_position'),
	('recording_stats_change_p_value', 'change_p_value'),
	('recording_stats_change', 'recording_change'),
	('recording_stats_ci_bounds_lower', 'ci_bounds_lower'),
	('recording_stats_ci_bounds_upper', 'ci_bounds_upper'),
	('recording_funnel_lower_phi', 'funnel_lower_phi'),
	('recording_funnel_upper_phi', 'funnel_upper_phi'),
	('recording_funnel_lower_tau2', 'funnel_lower_tau2'),
	('recording_funnel_upper_tau2', 'funnel_upper_tau2'),
	('recording_stats_funnel_position_tau2', 'funnel_position_tau2'),
	('recording_stats_funnel_z', 'funnel_z'),
	('recording_stats_funnel_z_tau2', 'funnel_z_tau2'),
	('recording_stats_funnel_p_value', 'funnel_p_value'),
	('mse_result_estimate', 'mse_estimate'),
	('mse_result_unobserved', 'mse_unobserved'),
	('mse_result_observed', 'mse_observed'),
	('mse_result_lower', 'mse_lower'),
	('mse_result_upper', 'mse_upper'),
	('mse_result_model', 'mse_model'),
	('mse_result_aic', 'mse_aic'),
	('mse_result_status', 'mse_status'),
	('recording_stats_change_lower', 'change_lower'),
	('recording_stats_change_upper', 'change_upper'),
	('recording_p_adjust', 'p_adjust'),
	('recording_stats_unrecorded_estimate', 'unrecorded_estimate'),
	('recording_stats_unrecorded_lower', 'unrecorded_estimate_lower'),
	('recording_stats_unrecorded_upper', 'unrecorded_estimate_upper');
DO $$ DECLARE r record; n int := 0; BEGIN
  FOR r IN SELECT o.old, p.oid, p.proname
             FROM old_symbols o
             JOIN pg_proc p ON p.prosrc = o.new
            WHERE p.pronamespace = (SELECT extnamespace FROM pg_extension WHERE extname = 'recording_gap')
              AND p.prolang = (SELECT oid FROM pg_language WHERE lanname = 'c')
            ORDER BY o.old, p.oid LOOP
    n := n + 1;
    EXECUTE format('CREATE FUNCTION pg_temp.%I(%s) RETURNS %s AS %L, %L LANGUAGE C',
                   'old_' || n, pg_get_function_identity_arguments(r.oid),
                   pg_get_function_result(r.oid), '$libdir/recording_gap', r.old);
  END LOOP;
  RAISE NOTICE '% functions of the extension call a renamed C function; each old symbol resolves', n;
END $$;
CREATE FUNCTION pg_temp.old_ci_lower(recording_stats, double precision, text) RETURNS double precision
	AS '$libdir/recording_gap', 'recording_stats_ci_lower' LANGUAGE C STRICT;
CREATE FUNCTION pg_temp.old_verdict(recording_stats, double precision) RETURNS threshold_verdict
	AS '$libdir/recording_gap', 'recording_stats_verdict' LANGUAGE C STRICT;
CREATE FUNCTION pg_temp.old_mse_estimate(mse_result) RETURNS double precision
	AS '$libdir/recording_gap', 'mse_result_estimate' LANGUAGE C STRICT;
-- Wilson's lower limit of 3 of 10 at 95%: 0.1077913 (R: prop.test(3, 10, correct = FALSE))
SELECT round(pg_temp.old_ci_lower(make_recording_stats(10, 3), 0.95, 'wilson')::numeric, 7) AS old_ci_lower,
       pg_temp.old_ci_lower(make_recording_stats(10, 3), 0.95, 'wilson') = ci_lower(make_recording_stats(10, 3)) AS same,
       pg_temp.old_verdict(make_recording_stats(10, 3, 2), 0.4) AS old_verdict,
       recording_verdict(make_recording_stats(10, 3, 2), 0.4) AS verdict;
SELECT round(pg_temp.old_mse_estimate(mse_fit(p, n))) AS old_mse_estimate
  FROM (VALUES (ARRAY[1, 0], 80::bigint), (ARRAY[0, 1], 60), (ARRAY[1, 1], 20)) v(p, n);
