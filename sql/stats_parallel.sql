-- Parallel aggregation of funnel_phi with two real partial states merged:
-- an ungrouped aggregate over enough rows that both workers scan some of
-- them, the leader not participating, so the Finalize Aggregate combines
-- two worker states (the branch of funnel_phi_combine that merges, and
-- frees the merged worker state).  The result must equal the serial one.
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS recording_gap;
RESET client_min_messages;

-- 60,000 units, a third each at z = -2, 0 and 2 (target 1/2, n = 100):
-- type-7 percentiles -2 and 2 leave them as they are, phi = 8/3 = 2.66666667
-- (by hand).  Every fifth row also carries a unit with unknown outcomes,
-- which is left out.
CREATE TABLE phi_par AS
  SELECT g, CASE WHEN g % 5 = 0 THEN make_recording_stats(100, 0, 100)
                 ELSE make_recording_stats(100, 40 + 10 * (g % 3)) END AS s
    FROM generate_series(1, 75000) AS g;
ANALYZE phi_par;
SELECT count(*) FILTER (WHERE unknown(s) = 0) AS known_units FROM phi_par;

CREATE FUNCTION pg_temp.plan_has(q text, what text) RETURNS boolean
LANGUAGE plpgsql AS $$
DECLARE
	l text;
BEGIN
	FOR l IN EXECUTE 'EXPLAIN (COSTS OFF) ' || q LOOP
		IF l LIKE '%' || what || '%' THEN
			RETURN true;
		END IF;
	END LOOP;
	RETURN false;
END $$;
-- how many workers fed rows into the partial aggregate
CREATE FUNCTION pg_temp.workers_with_rows(q text) RETURNS int
LANGUAGE plpgsql AS $$
DECLARE
	plan json;
	n int;
BEGIN
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
	RETURN n;
END $$;

SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
SET parallel_leader_participation = off;
SELECT pg_temp.plan_has('SELECT funnel_phi(s, 0.5) FROM phi_par', 'Partial Aggregate') AS partial,
       pg_temp.plan_has('SELECT funnel_phi(s, 0.5) FROM phi_par', 'Finalize Aggregate') AS finalize;
SELECT pg_temp.workers_with_rows('SELECT funnel_phi(s, 0.5) FROM phi_par') AS workers_with_rows;
SELECT funnel_phi(s, 0.5) AS par_phi FROM phi_par \gset
RESET parallel_leader_participation;
RESET max_parallel_workers_per_gather;
RESET min_parallel_table_scan_size;
RESET parallel_tuple_cost;
RESET parallel_setup_cost;
SET max_parallel_workers_per_gather = 0;
SELECT funnel_phi(s, 0.5) AS ser_phi FROM phi_par \gset
RESET max_parallel_workers_per_gather;
SELECT round(:par_phi::numeric, 8) AS parallel_phi, round(:ser_phi::numeric, 8) AS serial_phi,
       :par_phi::float8 = :ser_phi::float8 AS equal;
DROP TABLE phi_par;
