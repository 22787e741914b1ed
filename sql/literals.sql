-- Numeric forms of the parameters users type as literals: the same answers
-- as the double precision forms in plain queries, PL/pgSQL loops, prepared
-- statements with generic plans, parallel plans and windows.
CREATE TEMP TABLE lit AS
SELECT i, make_recording_stats(100, 50 + i * 5, CASE WHEN i % 3 = 0 THEN 5 ELSE 0 END) AS s
  FROM generate_series(0, 9) i;

-- Plain query.  By hand: recorded 50, 55, ..., 95 of 100, five unknown
-- where i is 0, 3, 6, 9; against 0.8: below while even the best case is
-- under it (i = 0 .. 5: at most 75, or 65 + 5), meets once the worst case
-- reaches it (i = 6: 80 recorded).
SELECT i, s, recording_verdict(s, 0.8) AS verdict
  FROM lit ORDER BY i;

-- PL/pgSQL: the same call site with a different literal level each time;
-- every answer equals the double precision form's.
DO $$
DECLARE
	lv numeric;
	bad int := 0;
BEGIN
	FOREACH lv IN ARRAY ARRAY[0.5, 0.8, 0.9, 0.95, 0.99, 0.999] LOOP
		SELECT bad + count(*) INTO bad FROM lit
		 WHERE ci_lower(s, lv) IS DISTINCT FROM ci_lower(s, lv::float8)
		    OR funnel_position(s, 0.6, lv) IS DISTINCT FROM funnel_position(s, 0.6::float8, lv::float8);
	END LOOP;
	RAISE NOTICE 'plpgsql: % differences over 6 levels', bad;
END $$;

-- Prepared statements with generic plans: numeric parameters.
SET plan_cache_mode = force_generic_plan;
PREPARE lit_ci(numeric, numeric) AS
	SELECT count(*) FILTER (WHERE ci_lower(s, $1) IS DISTINCT FROM ci_lower(s, $1::float8)) AS ci_differ,
	       count(*) FILTER (WHERE recording_verdict(s, $2) IS DISTINCT FROM recording_verdict(s, $2::float8)) AS verdict_differ,
	       count(*) FILTER (WHERE recording_verdict(s, $2) = 'below') AS below
	  FROM lit;
-- below 0.6: best case under 0.6 for i = 0, 1 (50 + 5, 55); below 0.9: best
-- case under 0.9 for i = 0 .. 7 (i = 6 has 80 + 5, i = 7 has 85), 8 forces
EXECUTE lit_ci(0.95, 0.6);
EXECUTE lit_ci(0.99, 0.9);
EXECUTE lit_ci(0.5, 0.6);
DEALLOCATE lit_ci;
RESET plan_cache_mode;

-- Windows: the numeric forms over a running rollup, and an aggregate with a
-- numeric target as a window aggregate.  By hand: the first k rows hold
-- 50k + 5k(k-1)/2 recorded of 100k, and 5 unknown per row with i % 3 = 0;
-- against 0.6: k = 3, 170 / 300 at best, below; k = 4, 230 / 400 at worst
-- and 240 / 400 at best, undetermined; k = 5, 300 / 500 at worst, meets.
-- (funnel_phi leaves out the first row, which has unknowns: NULL there.)
SELECT i, recording_verdict(rollup(s) OVER w, 0.6) AS running_verdict,
       funnel_phi(s, 0.7) OVER w = funnel_phi(s, 0.7::float8) OVER w AS phi_equal
  FROM lit WINDOW w AS (ORDER BY i ROWS UNBOUNDED PRECEDING) ORDER BY i;

-- Parallel plans: the numeric aggregates' partial states merged.
CREATE TABLE lit_big AS
SELECT g, make_recording_stats(20, g % 17) AS s FROM generate_series(1, 50000) g;
ALTER TABLE lit_big SET (parallel_workers = 2);
ANALYZE lit_big;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
EXPLAIN (COSTS OFF) SELECT funnel_phi(s, 0.4) FROM lit_big;
SELECT funnel_phi(s, 0.4) AS p_phi, funnel_tau2(s, 0.4) AS p_tau2, recording_trend(g % 8, s, 0.01) AS p_dir FROM lit_big \gset
SET max_parallel_workers_per_gather = 0;
SELECT funnel_phi(s, 0.4::float8) = :p_phi AS phi_equal,
       funnel_tau2(s, 0.4::float8) = :p_tau2 AS tau2_equal,
       recording_trend(g % 8, s, 0.01::float8) = :'p_dir' AS direction_equal
  FROM lit_big;
RESET max_parallel_workers_per_gather;
RESET min_parallel_table_scan_size;
RESET parallel_tuple_cost;
RESET parallel_setup_cost;
DROP TABLE lit_big;
