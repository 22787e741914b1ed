-- pgTAP: the catalog contract and SQLSTATEs of the SVG pictures.
BEGIN;
CREATE EXTENSION IF NOT EXISTS recording_gap;
SELECT plan(41);

-- Objects, with their exact signatures (aggregates take no defaults, so
-- each optional argument is one more aggregate)
SELECT has_function('funnel_plot_svg', ARRAY['text', 'recording_stats']);
SELECT has_function('funnel_plot_svg', ARRAY['text', 'recording_stats', 'double precision']);
SELECT has_function('funnel_plot_svg', ARRAY['text', 'recording_stats', 'double precision', 'text']);
SELECT has_function('funnel_plot_svg', ARRAY['text', 'recording_stats', 'double precision', 'text', 'jsonb']);
SELECT has_function('ratio_chart_svg', ARRAY['date', 'recording_stats']);
SELECT has_function('ratio_chart_svg', ARRAY['date', 'recording_stats', 'text']);
SELECT has_function('ratio_chart_svg', ARRAY['date', 'recording_stats', 'text', 'double precision']);
SELECT is_aggregate('funnel_plot_svg', ARRAY['text', 'recording_stats']);
SELECT is_aggregate('funnel_plot_svg', ARRAY['text', 'recording_stats', 'double precision', 'text', 'jsonb']);
SELECT is_aggregate('ratio_chart_svg', ARRAY['date', 'recording_stats', 'text', 'double precision']);
SELECT function_returns('funnel_plot_svg', ARRAY['text', 'recording_stats'], 'text');
SELECT function_returns('ratio_chart_svg', ARRAY['date', 'recording_stats'], 'text');

-- Volatility: the document depends on the rows alone (no GUC, no locale)
SELECT volatility_is('funnel_plot_svg', ARRAY['text', 'recording_stats', 'double precision', 'text', 'jsonb'], 'immutable');
SELECT volatility_is('ratio_chart_svg', ARRAY['date', 'recording_stats', 'text', 'double precision'], 'immutable');
SELECT volatility_is('funnel_plot_svg_accum', ARRAY['internal', 'text', 'recording_stats'], 'immutable');
SELECT volatility_is('funnel_plot_svg_final', ARRAY['internal'], 'immutable');
SELECT volatility_is('ratio_chart_svg_accum', ARRAY['internal', 'date', 'recording_stats'], 'immutable');
SELECT volatility_is('ratio_chart_svg_final', ARRAY['internal'], 'immutable');

-- Strictness and parallel labels, from pg_proc: the transition functions
-- see NULL rows (to raise on a NULL summary), every function is PARALLEL
-- SAFE, and the aggregates have no combine function (the leader draws)
SELECT is_empty($$
	SELECT oid::regprocedure::text FROM pg_proc
	 WHERE proname IN ('funnel_plot_svg_accum', 'ratio_chart_svg_accum',
	                   'funnel_plot_svg_final', 'ratio_chart_svg_final')
	   AND proisstrict$$, 'transition and final functions are CALLED ON NULL INPUT');
SELECT is(count(*)::int, 24, 'twenty-four picture functions (eight of them numeric target and threshold forms), all PARALLEL SAFE')
  FROM pg_proc WHERE proname ~ '^(funnel_plot|ratio_chart)_svg' AND proparallel = 's';
SELECT is(count(*)::int, 11, 'eleven picture aggregates (four of them numeric forms), none with a combine function')
  FROM pg_aggregate a JOIN pg_proc p ON p.oid = a.aggfnoid
 WHERE p.proname IN ('funnel_plot_svg', 'ratio_chart_svg') AND a.aggcombinefn = 0;
SELECT is(count(*)::int, 0, 'every picture function has a comment')
  FROM pg_proc WHERE proname ~ '^(funnel_plot|ratio_chart)_svg' AND obj_description(oid, 'pg_proc') IS NULL;
-- no ambiguity: each call shape resolves to exactly one aggregate
-- and draws what it was given: one unit, 1 of 2 recorded, so the pooled
-- target is 1/2; the title; the default 800 x 500 size; the period
SELECT is(substring(funnel_plot_svg('a', make_recording_stats(2, 1)) from 'data-target="([^"]*)"')::float8, 0.5::float8,
	'2-argument call resolves and centres the funnel on the pooled 1/2');
SELECT is(substring(funnel_plot_svg('a', make_recording_stats(2, 1), 0.3) from 'data-target="([^"]*)"')::float8, 0.3::float8,
	'3-argument call resolves and centres the funnel on the target given, 0.3');
SELECT ok(funnel_plot_svg('a', make_recording_stats(2, 1), NULL, 't') ~ '<title id="rg-title">t</title>',
	'4-argument call resolves and titles the picture t');
SELECT ok(funnel_plot_svg('a', make_recording_stats(2, 1), NULL, NULL, '{}') ~ '^<\?xml[^>]*>\s*<svg [^>]*width="800" height="500"',
	'5-argument call resolves: with no options, an 800 x 500 SVG document');
SELECT ok(ratio_chart_svg(date '2016-03-01', make_recording_stats(2, 1), NULL) ~ '>2016-03-01</text>',
	'ratio_chart_svg with a NULL series resolves and labels the period 2016-03-01');

-- SQLSTATEs
SELECT throws_ok($$SELECT funnel_plot_svg('a', NULL::recording_stats)$$, '22004',
	'funnel_plot_svg cannot draw a NULL summary', 'NULL summary: 22004');
SELECT throws_ok($$SELECT funnel_plot_svg('a', make_recording_stats(2, 1), 'NaN')$$, '22023',
	'target must be between 0 and 1', 'NaN target: 22023');
SELECT throws_ok($$SELECT funnel_plot_svg('a', make_recording_stats(2, 1), NULL, NULL, '{"phi": -1}')$$, '22023',
	'option "phi" of funnel_plot_svg is out of range', 'negative phi: 22023');
SELECT throws_ok($$SELECT funnel_plot_svg('a', make_recording_stats(2, 1), NULL, NULL, '{"levels": ["x"]}')$$, '22023',
	'element 1 of option "levels" of funnel_plot_svg must be a number', 'level not a number: 22023');
SELECT throws_ok($$SELECT funnel_plot_svg('a', make_recording_stats(2, 1), NULL, NULL, '{"levels": [0.9, 0.9]}')$$, '22023',
	'option "levels" of funnel_plot_svg must not repeat a level', 'repeated level: 22023');
SELECT throws_ok($$SELECT funnel_plot_svg('a', make_recording_stats(2, 1), NULL, NULL, '{"tau2": 0.1, "phi": 1.5}')$$, '22023',
	'options "phi" and "tau2" of funnel_plot_svg cannot be combined', 'phi and tau2 together: 22023');
SELECT throws_ok($$SELECT funnel_plot_svg('a', make_recording_stats(2, 1), NULL, NULL, '{"tau2": -1}')$$, '22023',
	'option "tau2" of funnel_plot_svg is out of range', 'negative tau2: 22023');
SELECT throws_ok($$SELECT funnel_plot_svg('a', make_recording_stats(2, 1), NULL, NULL, '{"size": 1}')$$, '22023',
	'unknown option "size" of funnel_plot_svg', 'unknown option: 22023');
SELECT throws_ok($$SELECT funnel_plot_svg(g::text, make_recording_stats(2, 1)) FROM generate_series(1, 5001) g$$, '54000',
	'funnel_plot_svg draws at most 5000 points', 'more than 5,000 units: 54000');
SELECT throws_ok($$SELECT ratio_chart_svg(current_date, make_recording_stats(2, 1), g::text) FROM generate_series(1, 9) g$$, '54000',
	'ratio_chart_svg draws at most 8 series', 'nine series: 54000');
SELECT throws_ok($$SELECT ratio_chart_svg('-infinity'::date, make_recording_stats(2, 1))$$, '22008',
	'ratio_chart_svg cannot draw an infinite period', 'infinite period: 22008');
SELECT throws_ok($$SELECT ratio_chart_svg(current_date, make_recording_stats(2, 1), NULL, -0.1)$$, '22023',
	'threshold must be between 0 and 1', 'negative threshold: 22023');
SELECT throws_ok($$SELECT ratio_chart_svg(d, make_recording_stats(2, 1), NULL, t)
	FROM (VALUES (current_date, 0.5), (current_date - 1, 0.6)) v(d, t)$$, '22023',
	'threshold of ratio_chart_svg must be the same in every row', 'varying threshold: 22023');

-- zero rows: a document that says "no data", not NULL
SELECT ok(funnel_plot_svg(label, s) LIKE '%>no data</text>%', 'no rows: "no data"')
  FROM (SELECT 'a'::text AS label, make_recording_stats(1, 1) AS s WHERE false) z;

SELECT * FROM finish();
ROLLBACK;
