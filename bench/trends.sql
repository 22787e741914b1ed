-- bench/trends.sql - timings of p_adjust and trend_p_value, as ratios
-- against PostgreSQL's own aggregates over the same rows in the same run.
--
--   createdb trbench && psql -X -d trbench -c 'CREATE EXTENSION recording_gap'
--   psql -X -d trbench -v rows=10000000 -f bench/trends.sql
--
-- rows (default 2,000,000) referral rows over 43 forces and 8 quarters.
-- Each query runs once untimed, then 5 times; the median wall time is
-- reported with its ratio to the baseline.  Uses the installed extension.
-- A standalone check for a database of your own: the figures of record
-- (p_adjust, trend_p_value and funnel_tau2 per force, the per-force
-- report) come from bench/run, see bench/README.md.
\set ON_ERROR_STOP on
\if :{?rows}
\else
\set rows 2000000
\endif
SET client_min_messages = warning;
SET max_parallel_workers_per_gather = 0;
SET jit = off;

DROP TABLE IF EXISTS bench_refs, bench_p;
SELECT setseed(0.12);
CREATE TABLE bench_refs AS
SELECT g % 43 AS force, g % 8 + 1 AS quarter,
       CASE WHEN random() < 0.02 THEN NULL ELSE random() < 0.3 + 0.01 * (g % 8) END AS recorded
  FROM generate_series(1, :rows) g;
CREATE TABLE bench_p AS SELECT g AS id, g % 43 AS force, random() ^ 3 AS p FROM generate_series(1, 100000) g;
VACUUM ANALYZE bench_refs, bench_p;

CREATE OR REPLACE FUNCTION pg_temp.bench_median(q text, runs int DEFAULT 5) RETURNS double precision
LANGUAGE plpgsql AS $$
DECLARE
	t timestamptz;
	times double precision[] := '{}';
BEGIN
	EXECUTE q;
	FOR i IN 1 .. runs LOOP
		t := clock_timestamp();
		EXECUTE q;
		times := times || extract(epoch FROM clock_timestamp() - t) * 1000;
	END LOOP;
	RETURN (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY x) FROM unnest(times) x);
END
$$;

WITH q(measure, baseline, query, base_query) AS (VALUES
	('trend_p_value per force (quarters summarised first)', 'count(*) GROUP BY force',
	 'SELECT force, trend_p_value(quarter, s) FROM (SELECT force, quarter, recording_stats(recorded) AS s FROM bench_refs GROUP BY 1, 2) t GROUP BY force',
	 'SELECT force, count(*) FROM bench_refs GROUP BY force'),
	('recording_trend per force (quarters summarised first)', 'count(*) GROUP BY force',
	 'SELECT force, recording_trend(quarter, s) FROM (SELECT force, quarter, recording_stats(recorded) AS s FROM bench_refs GROUP BY 1, 2) t GROUP BY force',
	 'SELECT force, count(*) FROM bench_refs GROUP BY force'),
	('p_adjust(p, ''BH'') OVER () over 100,000 rows', 'avg(p) OVER ()',
	 'SELECT sum(a) FROM (SELECT p_adjust(p, ''BH'') OVER () AS a FROM bench_p) t',
	 'SELECT sum(a) FROM (SELECT avg(p) OVER () AS a FROM bench_p) t'),
	('p_adjust(p) (holm) OVER () over 100,000 rows', 'avg(p) OVER ()',
	 'SELECT sum(a) FROM (SELECT p_adjust(p) OVER () AS a FROM bench_p) t',
	 'SELECT sum(a) FROM (SELECT avg(p) OVER () AS a FROM bench_p) t'),
	('p_adjust(p, ''BH'') OVER (PARTITION BY force)', 'avg(p) OVER (PARTITION BY force)',
	 'SELECT sum(a) FROM (SELECT p_adjust(p, ''BH'') OVER (PARTITION BY force) AS a FROM bench_p) t',
	 'SELECT sum(a) FROM (SELECT avg(p) OVER (PARTITION BY force) AS a FROM bench_p) t'),
	('p_adjust(p, ''hommel'') OVER () over 10,000 rows (quadratic)', 'avg(p) OVER ()',
	 'SELECT sum(a) FROM (SELECT p_adjust(p, ''hommel'') OVER () AS a FROM bench_p WHERE id <= 10000) t',
	 'SELECT sum(a) FROM (SELECT avg(p) OVER () AS a FROM bench_p WHERE id <= 10000) t'))
SELECT measure, baseline, round(m::numeric, 1) AS ms, round(b::numeric, 1) AS baseline_ms,
       round((m / b)::numeric, 2) AS ratio
  FROM q, LATERAL (SELECT pg_temp.bench_median(query) AS m, pg_temp.bench_median(base_query) AS b) t;

DROP TABLE bench_refs, bench_p;
