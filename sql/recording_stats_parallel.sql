-- Parallel query: partial aggregates in workers, combined in the leader,
-- equal to the serial plan.
-- 100,000 referrals built like referral_rows: unknown multiples of 10 (10,000),
-- recorded multiples of 3 not of 10 (33,333 - 3,333 = 30,000), timely multiples
-- of 6 not of 10 (16,666 - 3,333 = 13,333).
CREATE TABLE referral_big AS
SELECT i,
       'F' || (i % 45) AS force,
       CASE WHEN i % 10 = 0 THEN NULL ELSE i % 3 = 0 END AS recorded,
       (i % 6 = 0 AND i % 10 <> 0) AS timely
  FROM generate_series(1, 100000) i;
ALTER TABLE referral_big SET (parallel_workers = 2);
ANALYZE referral_big;
CREATE TABLE monthly_big AS
SELECT force, i % 120 AS month, recording_stats(recorded, timely) AS s
  FROM referral_big GROUP BY 1, 2;
ALTER TABLE monthly_big SET (parallel_workers = 2);
ANALYZE monthly_big;

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

EXPLAIN (COSTS OFF) SELECT recording_stats(recorded) FROM referral_big;
EXPLAIN (COSTS OFF) SELECT recording_stats(recorded, timely) FROM referral_big;
EXPLAIN (COSTS OFF) SELECT rollup(s) FROM monthly_big;
EXPLAIN (COSTS OFF) SELECT force, recording_stats(recorded) FROM referral_big GROUP BY force;

-- Two workers' partial states merged, for each aggregate and the grouped
-- form; then the parallel plans' results, kept in psql variables.
SET parallel_leader_participation = off;
SELECT pg_temp.merged_from_workers('SELECT recording_stats(recorded) FROM referral_big') AS one_arg_merged,
       pg_temp.merged_from_workers('SELECT recording_stats(recorded, timely) FROM referral_big') AS two_args_merged,
       pg_temp.merged_from_workers('SELECT rollup(s) FROM monthly_big') AS rollup_merged,
       pg_temp.merged_from_workers('SELECT force, recording_stats(recorded) FROM referral_big GROUP BY force') AS grouped_merged;
SELECT recording_stats(recorded) AS p_one FROM referral_big \gset
SELECT recording_stats(recorded, timely) AS p_two FROM referral_big \gset
SELECT rollup(s) AS p_rolled FROM monthly_big \gset
CREATE TEMP TABLE parallel_grouped AS
SELECT force, recording_stats(recorded, timely) AS s FROM referral_big GROUP BY force;

RESET parallel_leader_participation;
SET max_parallel_workers_per_gather = 0;
EXPLAIN (COSTS OFF) SELECT recording_stats(recorded) FROM referral_big;
SELECT :'p_one' AS one_arg, :'p_two' AS two_args, :'p_rolled' AS rolled;
SELECT recording_stats(recorded) = :'p_one' AS one_arg_equal FROM referral_big;
SELECT recording_stats(recorded, timely) = :'p_two' AS two_args_equal FROM referral_big;
SELECT rollup(s) = :'p_rolled' AS rollup_equal, rollup(s) = :'p_two' AS rollup_equals_raw FROM monthly_big;
SELECT count(*) AS forces, count(*) FILTER (WHERE p.s = s.s) AS equal
  FROM parallel_grouped p
  JOIN (SELECT force, recording_stats(recorded, timely) AS s FROM referral_big GROUP BY force) s USING (force);

RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
RESET max_parallel_workers_per_gather;
