-- Pictures: funnel_plot_svg and ratio_chart_svg.  The documents are read
-- back with PostgreSQL's own XML parser (xpath), so every check below is on
-- the parsed document, not on its bytes.  Coordinates are worked out by
-- hand from the layout documented in doc/pictures.md: plot area x 72..604,
-- y 48 (top) ..444 (bottom) for the default 800 x 500 picture.
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS recording_gap;
RESET client_min_messages;

CREATE TEMP TABLE units (label text, s recording_stats);
INSERT INTO units VALUES
	('A', make_recording_stats(100, 50)),        -- at the target
	('B', make_recording_stats(100, 90)),        -- far above: high outlier
	('C', make_recording_stats(100, 10)),        -- far below: low outlier
	('D', make_recording_stats(100, 0, 100)),    -- all unknown: undetermined
	('E', make_recording_stats(100, 55, 5)),     -- 0.55 to 0.60: within either way
	('</text><script>alert(1)</script>', make_recording_stats(100, 95)),
	('Z', make_recording_stats(0, 0));           -- no referrals: not drawn

CREATE FUNCTION svg_xpath(doc text, path text) RETURNS text[]
	LANGUAGE sql IMMUTABLE STRICT
	AS $$ SELECT xpath(path, xmlparse(DOCUMENT doc),
					   ARRAY[ARRAY['s', 'http://www.w3.org/2000/svg']])::text[] $$;

CREATE TEMP TABLE plot AS
	SELECT funnel_plot_svg(label, s) AS svg FROM units;

-- well-formed, and the hostile label is text: no script element anywhere,
-- and the label reads back exactly as it was given
SELECT xml_is_well_formed_document(svg) AS well_formed,
       cardinality(svg_xpath(svg, '//*[local-name()=''script'']')) AS scripts,
       svg_xpath(svg, '//s:text[@class=''outlier-label'']/text()') AS outlier_labels
  FROM plot;
-- (xpath serialises text nodes again, so the label comes back escaped: one
-- text node, no element inside the label)
SELECT (svg_xpath(svg, '//s:text[@class=''outlier-label''][contains(., ''script'')]/text()'))[1]
       = '&lt;/text&gt;&lt;script&gt;alert(1)&lt;/script&gt;' AS hostile_label_is_text,
       cardinality(svg_xpath(svg, '//s:text[@class=''outlier-label'']/*')) AS elements_in_labels
  FROM plot;

-- pooled target: units without unknowns that have referrals, A B C and the
-- hostile one: (50 + 90 + 10 + 95) / 400 = 0.6125; D, E (unknowns) and Z
-- (no referrals) stay out
SELECT (svg_xpath(svg, '//s:g[@id=''rg-plot'']/@data-target'))[1] AS target FROM plot;

-- positions against the 99.8% limits at n = 100 around 0.6125 (about
-- 0.6125 -+ 3.09 * 0.0487 = 0.46 .. 0.76): B (0.9) and the hostile unit
-- (0.95) are high, C (0.1) low, A (0.5) within; D is low at its worst case
-- (0) and high at its best (1): undetermined, never an outlier; E is within
-- at 0.55 and at 0.60.  Drawn in that order: within, undetermined, outliers
SELECT substr(c, 1, 40) AS title
  FROM plot, unnest(svg_xpath(svg, '//s:g[starts-with(@class, ''unit'')]/@class')) WITH ORDINALITY AS k(c0, i),
       LATERAL (SELECT c0 || ': ' || (svg_xpath(svg, '(//s:g[starts-with(@class, ''unit'')])[' || i || ']/s:title/text()'))[1] AS c) t
 ORDER BY i;

-- coordinates by hand: x axis 0..150 (ticks of 50), y axis 0..1 (ticks of
-- 0.2).  n = 100 is at 72 + 100/150 * 532 = 426.67; C (0.1) at
-- 444 - 0.1 * 396 = 404.40; D's whisker from 444.00 (0) to 48.00 (1)
SELECT svg_xpath(svg, '//s:g[@id=''rg-plot'']/@data-xmax') AS xmax,
       svg_xpath(svg, '//s:g[@id=''rg-plot'']/@data-ymax') AS ymax,
       svg_xpath(svg, '//s:g[@class=''unit outlier low'']/s:circle/@cx') AS c_x,
       svg_xpath(svg, '//s:g[@class=''unit outlier low'']/s:circle/@cy') AS c_y,
       svg_xpath(svg, '//s:g[@class=''unit undetermined'']/s:line/@y1') AS d_worst,
       svg_xpath(svg, '//s:g[@class=''unit undetermined'']/s:line/@y2') AS d_best,
       svg_xpath(svg, '//s:g[@class=''unit undetermined'']/s:circle/@fill') AS d_hollow,
       svg_xpath(svg, '//s:g[@class=''xticks'']/s:text/text()') AS xticks,
       svg_xpath(svg, '//s:g[@class=''yticks'']/s:text/text()') AS yticks
  FROM plot;

-- two limit levels, a lower and an upper curve each; "Z" is noted, not drawn
SELECT svg_xpath(svg, '//s:path[starts-with(@class, ''limit'')]/@data-level') AS levels,
       cardinality(svg_xpath(svg, '//s:g[starts-with(@class, ''unit'')]')) AS drawn,
       cardinality(svg_xpath(svg, '//s:text[contains(., ''1 without referrals not shown'')]')) AS noted
  FROM plot;

-- a given target, a title with markup and control bytes, and options
SELECT svg_xpath(svg, '//s:g[@id=''rg-plot'']/@data-target') AS target,
       svg_xpath(svg, '/s:svg/s:title/text()') AS title,
       svg_xpath(svg, '//s:path[starts-with(@class, ''limit'')]/@data-level') AS levels,
       svg_xpath(svg, '/s:svg/@width') AS width,
       svg_xpath(svg, '//s:g[@id=''rg-plot'']/@data-phi') AS phi
  FROM (SELECT funnel_plot_svg(label, s, 0.5, E'A & B <i>\x01\ttab',
                               '{"phi": 2.25, "levels": [0.9], "width": 640}') AS svg
          FROM units) p;
-- phi 2.25 widens the limits by 1.5 around the target: C (0.1) stays low,
-- A (0.5) within; the same as funnel_position with phi
SELECT svg_xpath(svg, '//s:g[starts-with(@class, ''unit'')]/@class') AS classes
  FROM (SELECT funnel_plot_svg(label, s, 0.5, NULL, '{"phi": 2.25}') AS svg
          FROM units WHERE label IN ('A', 'C')) p;
SELECT label, funnel_position(s, 0.5, 0.998, 2.25) FROM units WHERE label IN ('A', 'C') ORDER BY label;
-- tau2 0.005 (additive, FunnelPlotR's limits for proportions): at n = 100
-- around 0.5 the 99.8% limits are sin^2(pi/4 -+ 3.0902 sqrt(1/400 + 0.005))
-- = sin^2(0.7854 -+ 0.2676) = 0.2450 .. 0.7550, wider than the exact
-- 0.345 .. 0.655: F (0.30), low without tau2, is within; B (0.9) and the
-- hostile unit (0.95) stay high, C (0.1) low; D (0 to 1) is undetermined.
-- The same as funnel_position_tau2 and funnel_position.
CREATE TEMP VIEW units_f AS
	SELECT * FROM units WHERE label <> 'Z'
	UNION ALL SELECT 'F', make_recording_stats(100, 30);
SELECT svg_xpath(svg, '//s:g[starts-with(@class, ''unit'')]/@class') AS classes,
       svg_xpath(svg, '//s:g[@id=''rg-plot'']/@data-tau2') AS tau2
  FROM (SELECT funnel_plot_svg(label, s, 0.5, NULL, '{"tau2": 0.005}') AS svg FROM units_f) p;
SELECT substr(t, 1, 1) AS unit
  FROM (SELECT funnel_plot_svg(label, s, 0.5, NULL, '{"tau2": 0.005}') AS svg FROM units_f) p,
       unnest(svg_xpath(svg, '//s:g[starts-with(@class, ''unit'')]/s:title/text()')) WITH ORDINALITY AS u(t, i)
 ORDER BY i;
SELECT substr(label, 1, 1) AS unit, funnel_position_tau2(s, 0.5, 0.005) AS with_tau2,
       funnel_position(s, 0.5) AS without
  FROM units_f ORDER BY label;

-- determinism: the same rows in any order give the same bytes
SELECT count(DISTINCT svg) AS distinct_documents
  FROM (SELECT funnel_plot_svg(label, s ORDER BY label) AS svg FROM units
        UNION ALL SELECT funnel_plot_svg(label, s ORDER BY label DESC) FROM units
        UNION ALL SELECT funnel_plot_svg(label, s ORDER BY (s).recorded) FROM units
        UNION ALL SELECT funnel_plot_svg(label, s ORDER BY md5(label)) FROM units) d;

-- zero rows: a document that says so
SELECT svg_xpath(svg, '//s:text[@class=''no-data'']/text()') AS no_data
  FROM (SELECT funnel_plot_svg(label, s) AS svg FROM units WHERE false) p;
SELECT svg_xpath(svg, '//s:text[@class=''no-data'']/text()') AS no_data
  FROM (SELECT ratio_chart_svg(current_date, s) AS svg FROM units WHERE false) p;

-- errors
-- each error with its SQLSTATE
\set VERBOSITY default
SELECT funnel_plot_svg(label, NULL::recording_stats) FROM units;
\echo SQLSTATE :LAST_ERROR_SQLSTATE
SELECT funnel_plot_svg(label, s, 1.5) FROM units;
\echo SQLSTATE :LAST_ERROR_SQLSTATE
SELECT funnel_plot_svg(label, s, CASE WHEN label = 'A' THEN 0.4 ELSE 0.5 END) FROM units;
\echo SQLSTATE :LAST_ERROR_SQLSTATE
SELECT funnel_plot_svg(label, s, NULL, NULL, '{"colour": "red"}') FROM units;
\echo SQLSTATE :LAST_ERROR_SQLSTATE
SELECT funnel_plot_svg(label, s, NULL, NULL, '{"tau2": 0.01, "phi": 2}') FROM units;
\echo SQLSTATE :LAST_ERROR_SQLSTATE
SELECT funnel_plot_svg(label, s, NULL, NULL, '{"tau2": -0.01}') FROM units;
\echo SQLSTATE :LAST_ERROR_SQLSTATE
SELECT funnel_plot_svg(label, s, NULL, NULL, '{"levels": [0.95, 1]}') FROM units;
\echo SQLSTATE :LAST_ERROR_SQLSTATE
SELECT funnel_plot_svg(label, s, NULL, NULL, '{"width": 100}') FROM units;
\echo SQLSTATE :LAST_ERROR_SQLSTATE
SELECT funnel_plot_svg(label, s, NULL, NULL, '[1]') FROM units;
\echo SQLSTATE :LAST_ERROR_SQLSTATE
SELECT funnel_plot_svg(g::text, make_recording_stats(10, 5)) FROM generate_series(1, 5001) g;
\echo SQLSTATE :LAST_ERROR_SQLSTATE
\set VERBOSITY terse
-- 5,000 units are drawn
SELECT xml_is_well_formed_document(svg) AS well_formed,
       cardinality(svg_xpath(svg, '//s:g[starts-with(@class, ''unit'')]')) AS drawn
  FROM (SELECT funnel_plot_svg(g::text, make_recording_stats(10 + g % 90, g % 7)) AS svg
          FROM generate_series(1, 5000) g) p;

-- ---- ratio_chart_svg ----
CREATE TEMP TABLE periods (period date, series text, s recording_stats);
INSERT INTO periods VALUES
	('2020-01-01', 'north', make_recording_stats(10, 5)),
	('2020-02-01', 'north', make_recording_stats(20, 10)),
	('2020-02-01', 'north', make_recording_stats(20, 14)),   -- added: 24 of 40
	('2020-03-01', 'north', make_recording_stats(0, 0)),     -- a gap
	('2020-04-01', 'north', make_recording_stats(8, 2, 2)),
	('2020-05-01', 'north', make_recording_stats(8, 4)),
	('2020-01-01', 'south', make_recording_stats(50, 45));

CREATE TEMP TABLE chart AS
	SELECT ratio_chart_svg(period, s, series, 0.75) AS svg FROM periods;
-- series sorted by name take the palette in order; north's line has two
-- pieces around the March gap; February is one point of 24 of 40
SELECT xml_is_well_formed_document(svg) AS well_formed,
       svg_xpath(svg, '//s:g[@class=''series'']/s:title/text()') AS series,
       svg_xpath(svg, '//s:g[@class=''series'']/@data-colour') AS colours,
       array_to_string(svg_xpath(svg, '//s:g[@class=''series''][1]/s:path[@class=''line'']/@d'), '') ~ ' M' AS north_has_gap,
       svg_xpath(svg, '//s:circle[@data-period=''2020-02-01'']/@data-referrals') AS feb_n,
       svg_xpath(svg, '//s:circle[@data-period=''2020-02-01'']/@data-recorded') AS feb_x,
       cardinality(svg_xpath(svg, '//s:circle[@data-period=''2020-03-01'']')) AS march_points,
       cardinality(svg_xpath(svg, '//s:line[@class=''threshold'']')) AS threshold_lines
  FROM chart;
-- x axis: 2020-01-01 .. 2020-05-01 (121 days) over 84 .. 592; y axis: the
-- Wilson band of 2 of 8 (worst case) reaches 0.0715, of 45 of 50 0.9565:
-- axis 0..1.  February (day 31) at 84 + 31/121 * 508 = 214.15, 24/40 = 0.6
-- at 444 - 0.6 * 396 = 206.40
SELECT svg_xpath(svg, '//s:circle[@data-period=''2020-02-01'']/@cx') AS cx,
       svg_xpath(svg, '//s:circle[@data-period=''2020-02-01'']/@cy') AS cy,
       svg_xpath(svg, '//s:g[@class=''xticks'']/s:text/text()') AS xticks
  FROM chart;
-- one period: an empty x range puts the point in the middle of the area,
-- (84 + 592) / 2 = 338.00; the Wilson interval of 5 of 10 is 0.2366 ..
-- 0.7634, so the y axis runs 0.2 .. 0.8 in steps of 0.2 and 0.5 is at
-- 444 - (0.5 - 0.2) / 0.6 * 396 = 246.00
SELECT svg_xpath(svg, '//s:circle[@class=''point'']/@cx') AS cx,
       svg_xpath(svg, '//s:circle[@class=''point'']/@cy') AS cy,
       svg_xpath(svg, '//s:g[@class=''yticks'']/s:text/text()') AS yticks,
       svg_xpath(svg, '//s:g[@class=''xticks'']/s:text/text()') AS xticks
  FROM (SELECT ratio_chart_svg('2020-01-01'::date, make_recording_stats(10, 5)) AS svg) p;
SELECT count(DISTINCT svg) AS distinct_documents
  FROM (SELECT ratio_chart_svg(period, s, series, 0.75 ORDER BY period) AS svg FROM periods
        UNION ALL SELECT ratio_chart_svg(period, s, series, 0.75 ORDER BY period DESC, series) FROM periods
        UNION ALL SELECT ratio_chart_svg(period, s, series, 0.75 ORDER BY (s).recorded DESC) FROM periods) d;
\set VERBOSITY default
SELECT ratio_chart_svg(period, s, 'series ' || g) FROM periods, generate_series(1, 9) g;
\echo SQLSTATE :LAST_ERROR_SQLSTATE
SELECT ratio_chart_svg('infinity'::date, make_recording_stats(1, 1));
\echo SQLSTATE :LAST_ERROR_SQLSTATE
SELECT ratio_chart_svg(NULL::date, make_recording_stats(1, 1));
\echo SQLSTATE :LAST_ERROR_SQLSTATE
SELECT ratio_chart_svg(period, s, series, 2) FROM periods;
\echo SQLSTATE :LAST_ERROR_SQLSTATE
SELECT ratio_chart_svg(d::date, make_recording_stats(5, 1))
  FROM generate_series('2000-01-01'::date, '2000-01-01'::date + 5000, '1 day') d;
\echo SQLSTATE :LAST_ERROR_SQLSTATE
\set VERBOSITY terse

-- ---- numbers a reader sees (doc/pictures.md, "Numbers") ----
-- Target and threshold are written to 3 decimals, rounded half up on their
-- shortest decimal; when rounding changes the number and the last digit
-- written is 0, one more decimal, until the last digit is not 0 or the
-- number is exact; an exact number without trailing zeros.  By hand:
-- 0.9995 -> 1.000 (rounded, ends in 0) -> 0.9995 (exact); 0.99995 -> 1.000,
-- 1.0000 -> 0.99995; 0.0004 -> 0.000 -> 0.0004; 0.00004 -> 0.000, 0.0000 ->
-- 0.00004; 1e-9 -> 0.000 .. 0.00000000 -> 0.000000001; 1 - 1e-12 (shortest
-- decimal twelve nines) -> 1.000 .. 1.00000000000 -> 0.999999999999; 0, 1
-- and 0.5 are exact: 0, 1, 0.5.  The legend, the description, the
-- threshold line's tooltip and the exact data-* attribute agree.
CREATE TEMP TABLE edges (v double precision, want text);
INSERT INTO edges VALUES
	(0.9995, '0.9995'), (0.99995, '0.99995'), (0.0004, '0.0004'),
	(0.00004, '0.00004'), (1e-9, '0.000000001'),
	(1 - 1e-12::double precision, '0.999999999999'),
	(0, '0'), (1, '1'), (0.5, '0.5');
SELECT e.want,
       (svg_xpath(f.svg, '//s:g[@class=''legend'']/s:text[starts-with(., ''Target'')]/text()'))[1] AS funnel_legend,
       (svg_xpath(f.svg, '/s:svg/s:desc/text()'))[1] LIKE '%, target ' || e.want || '.' AS funnel_desc,
       (svg_xpath(f.svg, '//s:g[@id=''rg-plot'']/@data-target'))[1] = e.want AS funnel_data,
       (svg_xpath(c.svg, '//s:g[@class=''legend'']/s:text[starts-with(., ''Threshold'')]/text()'))[1] AS chart_legend,
       (svg_xpath(c.svg, '//s:line[@class=''threshold'']/s:title/text()'))[1] AS chart_tooltip,
       (svg_xpath(c.svg, '/s:svg/s:desc/text()'))[1] LIKE '%, threshold ' || e.want || '.' AS chart_desc,
       (svg_xpath(c.svg, '//s:g[@id=''rg-plot'']/@data-threshold'))[1] = e.want AS chart_data
  FROM edges e,
       LATERAL (SELECT funnel_plot_svg(label, s, e.v) AS svg FROM units) f,
       LATERAL (SELECT ratio_chart_svg(period, s, series, e.v) AS svg FROM periods) c
 ORDER BY e.v;
-- an ordinary rounding stays: the pooled target 245 / 400 = 0.6125 is
-- shown 0.613 (half up), and stays exact in data-target
SELECT svg_xpath(svg, '//s:g[@class=''legend'']/s:text[starts-with(., ''Target'')]/text()') AS legend,
       svg_xpath(svg, '//s:g[@id=''rg-plot'']/@data-target') AS data_target
  FROM (SELECT funnel_plot_svg('A', make_recording_stats(400, 245)) AS svg) p;
-- levels are percentages written exactly: 0.9999999 is 99.99999%, never
-- 100%; 0.975 is 97.5%.  phi 1.0004 is not 1.000; tau2 0.00004 (4 decimals)
-- is not 0.0000
SELECT svg_xpath(svg, '//s:g[@class=''legend'']/s:text[contains(., ''limits'')]/text()') AS legend,
       svg_xpath(svg, '//s:g[@class=''legend'']/s:text[contains(., ''= '')]/text()') AS note
  FROM (SELECT funnel_plot_svg(label, s, 0.5, NULL, '{"levels": [0.975, 0.9999999], "phi": 1.0004}') AS svg
          FROM units) p;
SELECT svg_xpath(svg, '//s:g[@class=''legend'']/s:text[contains(., ''= '')]/text()') AS note
  FROM (SELECT funnel_plot_svg(label, s, 0.5, NULL, '{"tau2": 0.00004}') AS svg FROM units) p;

-- ---- constant arguments: checked once, a differing row still refused ----
-- a title from a column (not a constant: compared row by row), the same in
-- every row: drawn
SELECT svg_xpath(svg, '/s:svg/s:title/text()') AS title
  FROM (WITH v AS MATERIALIZED (SELECT 'one title' AS t)
        SELECT funnel_plot_svg(label, s, NULL, t) AS svg FROM units, v) p;
\set VERBOSITY default
-- a title that differs between rows
SELECT funnel_plot_svg(label, s, NULL, 'plot of ' || substr(label, 1, 1)) FROM units;
\echo SQLSTATE :LAST_ERROR_SQLSTATE
-- options that differ between rows
SELECT funnel_plot_svg(label, s, NULL, NULL, jsonb_build_object('width', 600 + length(label))) FROM units;
\echo SQLSTATE :LAST_ERROR_SQLSTATE
-- a threshold that differs between rows
SELECT ratio_chart_svg(period, s, series, CASE WHEN series = 'north' THEN 0.5 ELSE 0.6 END) FROM periods;
\echo SQLSTATE :LAST_ERROR_SQLSTATE
\set VERBOSITY terse

-- the ways users call it: a prepared statement with a generic plan, a
-- PL/pgSQL loop, a window, and a parallel plan (no combine function: the
-- leader gathers every row, and the result equals the serial one)
SET plan_cache_mode = force_generic_plan;
PREPARE p(double precision) AS
	SELECT svg_xpath(funnel_plot_svg(label, s, $1), '//s:g[@id=''rg-plot'']/@data-target') FROM units;
EXECUTE p(0.5);
EXECUTE p(0.25);
EXECUTE p(NULL);
DEALLOCATE p;
RESET plan_cache_mode;
DO $$
DECLARE
	t double precision;
	doc text;
BEGIN
	FOREACH t IN ARRAY ARRAY[0.3, 0.6] LOOP
		SELECT funnel_plot_svg(label, s, t) INTO doc FROM units;
		RAISE NOTICE 'target % -> %', t, (xpath('//s:g[@id="rg-plot"]/@data-target', doc::xml,
			ARRAY[ARRAY['s', 'http://www.w3.org/2000/svg']]))[1];
	END LOOP;
END
$$;
SELECT label, cardinality(svg_xpath(funnel_plot_svg(label, s) OVER (ORDER BY label),
                                    '//s:g[starts-with(@class, ''unit'')]')) AS units_so_far
  FROM units WHERE label IN ('A', 'B', 'C') ORDER BY label;

CREATE TABLE pictures_big_units AS
	SELECT 'u' || g AS label, make_recording_stats(20 + g % 50, g % 19) AS s
	  FROM generate_series(1, 4000) g;
ANALYZE pictures_big_units;
CREATE TEMP TABLE serial AS SELECT funnel_plot_svg(label, s) AS svg FROM pictures_big_units;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
EXPLAIN (COSTS OFF) SELECT funnel_plot_svg(label, s) FROM pictures_big_units;
SELECT funnel_plot_svg(label, s) = (SELECT svg FROM serial) AS same_as_serial FROM pictures_big_units;
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
RESET max_parallel_workers_per_gather;
DROP TABLE pictures_big_units;
DROP FUNCTION svg_xpath(text, text);
