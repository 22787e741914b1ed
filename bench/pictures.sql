-- bench/pictures.sql - how fast the SVG pictures are drawn, as ratios
-- against a built-in aggregate over the same rows measured in the same run.
--
-- Run from the repository root, in a database that has the extension (the
-- sample tables of demo/schema.sql are loaded if force_stats is missing):
--
--   psql -X -q -d DB -f bench/pictures.sql
--
-- Cases: the funnel plot of the 46 forces of the sample data, and of 5,000
-- synthetic units; the ratio chart of 8 series x 600 periods (4,800 points).
-- The baseline of each case is string_agg over the same rows, formatting
-- each summary as text (a built-in aggregate that also writes text of every
-- row).  Each query runs 5 times untimed, then 31 times timed, alternating
-- with its baseline; the medians of the wall time inside the server
-- (clock_timestamp around EXECUTE, so no client or network time) and
-- their ratio are reported.  Target: under 5 ms for the 46 forces.
\set ON_ERROR_STOP 1
SET client_min_messages = warning;
SELECT to_regclass('force_stats') IS NULL AS need_sample \gset
\if :need_sample
\i demo/schema.sql
\endif

CREATE TEMP TABLE bench_units AS
	SELECT 'unit ' || g AS label,
		   make_recording_stats(20 + (g * 7919) % 2000,
								((g * 7919) % 2000 + 20) * (25 + g % 11) / 100,
								CASE WHEN g % 13 = 0 THEN 5 ELSE 0 END) AS s
	  FROM generate_series(1, 5000) g;
CREATE TEMP TABLE bench_periods AS
	SELECT '2000-01-01'::date + 7 * p AS period, 'series ' || g AS series,
		   make_recording_stats(50 + (p * g) % 40, 10 + (p + g) % 30) AS s
	  FROM generate_series(1, 600) p, generate_series(1, 8) g;
ANALYZE bench_units;
ANALYZE bench_periods;

CREATE FUNCTION pg_temp.ms(q text) RETURNS double precision LANGUAGE plpgsql AS $$
DECLARE
	t0 timestamptz;
	r text;
BEGIN
	t0 := clock_timestamp();
	EXECUTE q INTO r;
	RETURN extract(epoch FROM clock_timestamp() - t0) * 1000;
END $$;

CREATE FUNCTION pg_temp.bench(name text, q text, baseline text, warm int DEFAULT 5, rounds int DEFAULT 31)
	RETURNS TABLE ("case" text, picture_ms numeric, baseline_ms numeric, ratio numeric, bytes int)
	LANGUAGE plpgsql AS $$
DECLARE
	a double precision[] := '{}';
	b double precision[] := '{}';
	ma double precision;
	mb double precision;
BEGIN
	FOR i IN 1 .. warm LOOP
		PERFORM pg_temp.ms(q);
		PERFORM pg_temp.ms(baseline);
	END LOOP;
	FOR i IN 1 .. rounds LOOP
		a := a || pg_temp.ms(q);
		b := b || pg_temp.ms(baseline);
	END LOOP;
	SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY x) INTO ma FROM unnest(a) x;
	SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY x) INTO mb FROM unnest(b) x;
	EXECUTE 'SELECT length((' || q || '))' INTO bytes;
	"case" := name;
	picture_ms := round(ma::numeric, 3);
	baseline_ms := round(mb::numeric, 3);
	ratio := round((ma / mb)::numeric, 1);
	RETURN NEXT;
END $$;

SELECT * FROM pg_temp.bench('funnel_plot_svg, 46 forces',
	'SELECT funnel_plot_svg(force, s) FROM force_stats',
	'SELECT string_agg(force || s::text, '','') FROM force_stats')
UNION ALL
SELECT * FROM pg_temp.bench('funnel_plot_svg, 5,000 units',
	'SELECT funnel_plot_svg(label, s) FROM bench_units',
	'SELECT string_agg(label || s::text, '','') FROM bench_units', 2, 11)
UNION ALL
SELECT * FROM pg_temp.bench('ratio_chart_svg, 8 series x 600 periods',
	'SELECT ratio_chart_svg(period, s, series) FROM bench_periods',
	'SELECT string_agg(period || series || s::text, '','') FROM bench_periods', 2, 11);
