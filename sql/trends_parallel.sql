-- The trend aggregates in a parallel plan: two workers each hold rows of
-- every quarter, their partial states are serialised, combined in the
-- leader, and the answers equal the serial plan's exactly (the state keeps
-- integer sums per score, so the order in which rows arrive cannot matter).
CREATE TABLE trend_big AS
SELECT g AS id, g % 8 + 1 AS quarter,
       make_recording_stats(20, g % 13 + ((g % 8) / 7) * (g % 97 = 0)::int, CASE WHEN g % 11 = 0 THEN 1 ELSE 0 END) AS s,
       make_recording_stats(20, g % 13 + ((g % 8) / 7) * (g % 97 = 0)::int) AS s_known
  FROM generate_series(1, 100000) g;
ALTER TABLE trend_big SET (parallel_workers = 2);
ANALYZE trend_big;

-- True when a run of q under EXPLAIN ANALYZE had at least two workers each
-- producing rows of the partial aggregate, which the Finalize step then
-- combined: partial states really were built in workers and merged.  A
-- worker can fail to launch on a busy machine, so up to 30 runs are tried.
-- (Run with parallel_leader_participation off, so the leader builds none.)
CREATE FUNCTION pg_temp.merged_from_workers(q text) RETURNS boolean
LANGUAGE plpgsql AS $$
DECLARE
	plan json;
	n int;
BEGIN
	FOR attempt IN 1..30 LOOP
		EXECUTE 'EXPLAIN (ANALYZE, VERBOSE, FORMAT JSON) ' || q INTO plan;
		WITH RECURSIVE nodes(node) AS (
			SELECT plan -> 0 -> 'Plan'
			UNION ALL
			SELECT p FROM nodes, json_array_elements(node -> 'Plans') AS p
		)
		SELECT count(*) INTO n
		  FROM nodes, json_array_elements(node -> 'Workers') AS w
		 WHERE node ->> 'Partial Mode' = 'Partial'
		   AND (w ->> 'Actual Rows')::numeric > 0;
		IF n >= 2 THEN
			RETURN true;
		END IF;
		PERFORM pg_sleep(0.1);
	END LOOP;
	RETURN false;
END $$;

SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
SET parallel_leader_participation = off;

EXPLAIN (COSTS OFF)
SELECT trend_p_value(quarter, s_known), recording_trend(quarter, s), recording_trend(quarter, s, 0.01)
  FROM trend_big;

SELECT pg_temp.merged_from_workers('SELECT trend_p_value(quarter, s_known) FROM trend_big') AS p_merged,
       pg_temp.merged_from_workers('SELECT recording_trend(quarter, s, 0.01) FROM trend_big') AS direction_merged;

SELECT trend_p_value(quarter, s_known) AS p_par,
       trend_p_value(-quarter, s_known) AS p_rev_par,
       recording_trend(quarter, s) AS d_par,
       recording_trend(quarter, s, 1e-300) AS d_tiny_par
  FROM trend_big \gset

RESET parallel_leader_participation;
SET max_parallel_workers_per_gather = 0;
EXPLAIN (COSTS OFF) SELECT trend_p_value(quarter, s_known) FROM trend_big;
SELECT trend_p_value(quarter, s_known) = :p_par AS p_equal,
       trend_p_value(-quarter, s_known) = :p_rev_par AS p_rev_equal,
       recording_trend(quarter, s) = :'d_par' AS direction_equal,
       recording_trend(quarter, s, 1e-300) = :'d_tiny_par' AS direction_tiny_equal,
       :'d_par' AS direction
  FROM trend_big;

-- The same test over the table grouped by quarter first (eight rows)
SELECT trend_p_value(quarter, s) = :p_par AS grouped_equal
  FROM (SELECT quarter, rollup(s_known) AS s FROM trend_big GROUP BY quarter) q;

-- The quarters' totals, and the p-value: R's prop.trend.test over these
-- eight totals gives 0.786099
SELECT quarter, rollup(s_known) FROM trend_big GROUP BY quarter ORDER BY quarter;
SELECT round(:p_par::numeric, 6) AS p;

RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
RESET max_parallel_workers_per_gather;
DROP TABLE trend_big;
