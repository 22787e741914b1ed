-- A NULL count never makes a group vanish from a total (issue: Scotland's
-- 145 referrals were silently left out of a 3,331-referral total).

-- The reproduction: three groups, the second with a NULL unknown count.
-- 0.1.0 returned (referrals=3186, ...): 3146 + 40, Scotland gone.  Now the
-- constructor refuses the NULL and names it.
SELECT rollup(make_recording_stats(n, x, u))
FROM (VALUES (3146,884,145), (145,97,NULL), (40,40,0)) v(n,x,u);
-- Said with coalesce, every group counts: 3146 + 145 + 40 = 3331 referrals,
-- 884 + 97 + 40 = 1021 recorded, 145 + 0 + 0 = 145 unknown.
SELECT rollup(make_recording_stats(n, x, coalesce(u, 0)))
FROM (VALUES (3146,884,145), (145,97,NULL), (40,40,0)) v(n,x,u);

-- Each argument is named, for every argument type.
SELECT make_recording_stats(NULL, 0);
SELECT make_recording_stats(10, NULL);
SELECT make_recording_stats(10, 4, NULL);
SELECT make_recording_stats(10, 4, 0, NULL);
SELECT make_recording_stats(10::smallint, NULL::smallint);
SELECT make_recording_stats(10::bigint, 4::bigint, NULL::bigint);
SELECT make_recording_stats(10::numeric, 4::numeric, 0::numeric, NULL::numeric);
SELECT make_recording_stats(referrals => 10, recorded => 4, timely => NULL);
-- the first NULL is named when there are several
SELECT make_recording_stats(NULL::bigint, NULL::bigint, NULL::bigint, NULL::bigint);

-- rollup() refuses a NULL summary: a stored NULL, an outer join's missing
-- row, in a window with a moving frame, and through a parallel plan.
SELECT rollup(s) FROM (VALUES (make_recording_stats(3, 1)), (NULL), (make_recording_stats(2, 2, 0, 1))) v(s);
CREATE TABLE forces (force text PRIMARY KEY);
INSERT INTO forces VALUES ('Kent'), ('Essex'), ('Fife');
CREATE TABLE force_stats (force text, s recording_stats);
INSERT INTO force_stats VALUES ('Kent', make_recording_stats(10, 4)), ('Essex', make_recording_stats(5, 1, 2, 1));
SELECT rollup(s) FROM forces LEFT JOIN force_stats USING (force);
-- what the hint says: leave the row out knowingly, or count it as zero
-- 10 + 5 = 15 referrals, 4 + 1 = 5 recorded, 2 unknown, 1 timely
SELECT rollup(s) FROM forces LEFT JOIN force_stats USING (force) WHERE s IS NOT NULL;
SELECT rollup(coalesce(s, make_recording_stats(0, 0))) FROM forces LEFT JOIN force_stats USING (force);
SELECT force, rollup(s) OVER (ORDER BY force ROWS BETWEEN 1 PRECEDING AND CURRENT ROW)
  FROM forces LEFT JOIN force_stats USING (force);
-- the moving frame with no NULL still works: Essex (5,1,2,1), then
-- Essex + Kent (15,5,2,1), then Kent alone (10,4,0,0) after the inverse step
SELECT force, rollup(s) OVER (ORDER BY force ROWS BETWEEN 1 PRECEDING AND CURRENT ROW)
  FROM (VALUES ('Essex', make_recording_stats(5, 1, 2, 1)), ('Kent', make_recording_stats(10, 4)),
               ('Kent2', make_recording_stats(0, 0))) v(force, s);

CREATE TABLE many_summaries AS
SELECT i, CASE WHEN i = 77777 THEN NULL ELSE make_recording_stats(2, 1) END AS s
  FROM generate_series(1, 100000) i;
ALTER TABLE many_summaries SET (parallel_workers = 2);
ANALYZE many_summaries;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
EXPLAIN (COSTS OFF) SELECT rollup(s) FROM many_summaries;
-- the NULL row may land in a worker or the leader: no CONTEXT line
\set SHOW_CONTEXT never
SELECT rollup(s) FROM many_summaries;
\set SHOW_CONTEXT errors
-- without the NULL row: 99,999 summaries of (2, 1)
SELECT rollup(s) FROM many_summaries WHERE i <> 77777;
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
RESET max_parallel_workers_per_gather;

-- The transition functions called directly: a NULL summary or state is an
-- error too, never a NULL result.
SELECT recording_stats_merge(make_recording_stats(1, 0), NULL);
SELECT recording_stats_merge(NULL, make_recording_stats(1, 0));
SELECT recording_stats_unmerge(make_recording_stats(1, 0), NULL);
SELECT recording_stats_merge(make_recording_stats(1, 0), make_recording_stats(2, 1));
SELECT recording_stats_unmerge(make_recording_stats(3, 1), make_recording_stats(2, 1));

-- The catalog says so.
SELECT p.oid::regprocedure AS function, p.proisstrict AS strict
  FROM pg_proc p
 WHERE p.proname IN ('make_recording_stats', 'recording_stats_merge', 'recording_stats_unmerge')
 ORDER BY p.oid::regprocedure::text;
DROP TABLE forces, force_stats, many_summaries;
