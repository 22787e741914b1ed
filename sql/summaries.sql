-- Continuous summaries (doc/summaries.md): recording_stats subtraction and
-- zero, and create_recording_summary / recording_summary_merge /
-- drop_recording_summary under every kind of write.
-- (Errors without their CONTEXT lines, which name lines of the functions.)
\set SHOW_CONTEXT never

-- ---- Arithmetic ----
-- (10, 4, 2, 1) - (3, 1, 1, 0) = (7, 3, 1, 1), count by count.
SELECT make_recording_stats(10, 4, 2, 1) - make_recording_stats(3, 1, 1, 0) AS diff;
-- a - a is the zero summary; zero is the identity of + and -.
SELECT make_recording_stats(10, 4, 2, 1) - make_recording_stats(10, 4, 2, 1) = recording_stats_zero() AS self_is_zero,
       make_recording_stats(10, 4, 2, 1) - recording_stats_zero() = make_recording_stats(10, 4, 2, 1) AS minus_zero,
       recording_stats_zero() + make_recording_stats(5, 1) = make_recording_stats(5, 1) AS plus_zero,
       recording_stats_zero() AS zero;
-- rollup and - compose: (10+5, 4+1, 0+2, 0+1) - (5, 1, 2, 1) = (10, 4, 0, 0).
SELECT rollup(s) - make_recording_stats(5, 1, 2, 1) AS total_without_second
FROM (VALUES (make_recording_stats(10, 4)), (make_recording_stats(5, 1, 2, 1))) v(s);
-- rollup over no rows is the zero summary, and so is a difference of two
SELECT rollup(s) - rollup(s) = recording_stats_zero() AS empty
FROM (VALUES (make_recording_stats(10, 4))) v(s) WHERE false;
-- strict: a NULL side gives NULL
SELECT (make_recording_stats(10, 4) - NULL) IS NULL AS null_right,
       (NULL - make_recording_stats(10, 4)) IS NULL AS null_left;
-- Underflow names the count: 4 recorded minus 5.
SELECT make_recording_stats(10, 4) - make_recording_stats(6, 5);
-- referrals first: 3 - 4
SELECT make_recording_stats(3, 1) - make_recording_stats(4, 0);
-- unknown: 1 - 2; timely: 1 - 2
SELECT make_recording_stats(10, 4, 1) - make_recording_stats(2, 0, 2);
SELECT make_recording_stats(10, 4, 0, 1) - make_recording_stats(2, 2, 0, 2);
-- each count is contained, the difference is no summary: (5, 1, 0, 1) - (1, 1, 0, 0) = (4, 0, 0, 1)
SELECT make_recording_stats(5, 1, 0, 1) - make_recording_stats(1, 1, 0, 0);
-- (10, 5, 5) - (5, 0, 0) = (5, 5, 5): recorded + unknown > referrals
SELECT make_recording_stats(10, 5, 5) - make_recording_stats(5, 0, 0);
-- a failing subtraction is SQLSTATE 22003
DO $$
BEGIN
	PERFORM make_recording_stats(1, 0) - make_recording_stats(2, 0);
EXCEPTION WHEN numeric_value_out_of_range THEN
	RAISE NOTICE 'caught numeric_value_out_of_range';
END
$$;

-- ---- A summary over a table that already holds rows ----
CREATE SCHEMA summ;
SET search_path = summ, public;
CREATE TABLE ref (id int PRIMARY KEY, force text, month int, recorded boolean, timely boolean, note text);
INSERT INTO ref VALUES
	(1, 'Kent', 1, true, true, NULL),
	(2, 'Kent', 1, false, NULL, NULL),
	(3, 'Kent', 2, NULL, NULL, NULL),
	(4, 'Essex', 1, true, false, NULL),
	(5, NULL, 1, true, true, NULL),
	(6, NULL, NULL, NULL, false, NULL);
SELECT create_recording_summary('fm', 'ref', ARRAY['force', 'month']);
-- made in the current schema (summ), owned by the caller
SELECT c.relname, c.relkind, pg_get_userbyid(c.relowner) = current_user AS mine
  FROM pg_class c WHERE c.relnamespace = 'summ'::regnamespace AND c.relname LIKE 'fm%' ORDER BY 1;
SELECT tgname FROM pg_trigger WHERE tgrelid = 'ref'::regclass ORDER BY 1;
-- the capture function is no one else's to attach
SELECT p.prosecdef, has_function_privilege('public', p.oid, 'EXECUTE') AS public_may_attach,
       p.proconfig IS NULL AS no_settings
  FROM pg_proc p WHERE p.oid = 'fm_capture()'::regprocedure;
-- By hand: Kent 1 = rows 1, 2: (2, 1, 0, 1); Kent 2 = row 3: (1, 0, 1, 0);
-- Essex 1 = row 4: (1, 1, 0, 0); NULL 1 = row 5: (1, 1, 0, 1);
-- NULL NULL = row 6: (1, 0, 1, 0).  NULL keys are groups like any other.
SELECT * FROM fm ORDER BY force, month;

-- The recount, and a check that prints the groups where the summary and
-- the recount differ (none).
CREATE VIEW recount AS
	SELECT force, month, recording_stats(recorded, timely) AS s FROM ref GROUP BY force, month;
CREATE VIEW mismatch AS
	(SELECT 'summary only' AS side, * FROM fm EXCEPT ALL SELECT 'summary only', * FROM recount)
	UNION ALL
	(SELECT 'recount only', * FROM recount EXCEPT ALL SELECT 'recount only', * FROM fm);
SELECT * FROM mismatch;
-- the check sees a difference: against a recount that leaves out row 1
SELECT force, month, s FROM fm
EXCEPT ALL
SELECT force, month, recording_stats(recorded, timely) FROM ref WHERE id <> 1 GROUP BY force, month;

-- ---- Every kind of write ----
-- single-row and multi-row inserts, a NULL group new to the summary
INSERT INTO ref VALUES (7, 'Kent', 1, true, false, NULL);
INSERT INTO ref VALUES (8, 'Fife', NULL, false, false, NULL), (9, 'Fife', NULL, NULL, NULL, NULL);
SELECT * FROM mismatch;
-- an update of recorded (row 2: not recorded -> recorded, timely)
UPDATE ref SET recorded = true, timely = true WHERE id = 2;
-- an update that moves rows between groups, into and out of NULL keys
UPDATE ref SET force = 'Essex' WHERE id IN (1, 5);
UPDATE ref SET month = NULL WHERE id = 3;
-- an update of a column the summary does not read
UPDATE ref SET note = 'checked';
SELECT * FROM mismatch;
-- a delete, and a delete that empties a group (Kent 2 had only row 3, now moved)
DELETE FROM ref WHERE id = 4;
DELETE FROM ref WHERE force = 'Fife';
SELECT * FROM mismatch;
-- COPY
COPY ref (id, force, month, recorded, timely) FROM stdin;
10	Kent	3	t	t
11	Kent	3	f	f
12	\N	\N	\N	\N
\.
-- an upsert that inserts one row and updates another
INSERT INTO ref VALUES (13, 'Essex', 3, false, false, NULL), (10, 'Kent', 3, false, false, NULL)
	ON CONFLICT (id) DO UPDATE SET recorded = excluded.recorded, timely = excluded.timely;
-- MERGE: one update (row 11 to Essex) and one insert (row 18)
MERGE INTO ref r USING (VALUES (11, 'Essex'), (18, 'Kent')) v(id, f) ON r.id = v.id
	WHEN MATCHED THEN UPDATE SET force = v.f
	WHEN NOT MATCHED THEN INSERT VALUES (v.id, v.f, 5, true, false, NULL);
SELECT * FROM mismatch;
-- a rolled-back transaction leaves no trace
BEGIN;
INSERT INTO ref VALUES (14, 'Kent', 9, true, true, NULL);
DELETE FROM ref WHERE id = 1;
SELECT count(*) AS groups_inside FROM fm;
ROLLBACK;
SELECT * FROM mismatch;
-- a transaction that inserts, updates and deletes the same row
BEGIN;
INSERT INTO ref VALUES (15, 'Kent', 4, true, false, NULL);
UPDATE ref SET force = 'Essex', timely = true WHERE id = 15;
UPDATE ref SET recorded = NULL, timely = NULL WHERE id = 15;
DELETE FROM ref WHERE id = 15;
COMMIT;
SELECT * FROM mismatch;
-- By hand, the rows now: 1 Essex 1 (t,t), 2 Kent 1 (t,t), 3 Kent NULL (NULL),
-- 5 Essex 1 (t,t), 6 NULL NULL (NULL,f), 7 Kent 1 (t,f), 10 Kent 3 (f,f),
-- 11 Essex 3 (f,f), 12 NULL NULL (NULL), 13 Essex 3 (f,f), 18 Kent 5 (t,f).
-- Essex 1 (2, 2, 0, 2); Essex 3 (2, 0, 0, 0); Kent 1 (2, 2, 0, 1);
-- Kent 3 (1, 0, 0, 0); Kent 5 (1, 1, 0, 0); Kent NULL (1, 0, 1, 0);
-- NULL NULL (2, 0, 2, 0).
SELECT * FROM fm ORDER BY force, month;

-- A writer with rights on the source only writes through the summary.
CREATE ROLE regress_summ_writer;
GRANT USAGE ON SCHEMA summ TO regress_summ_writer;
GRANT SELECT, INSERT, UPDATE, DELETE ON ref TO regress_summ_writer;
SET ROLE regress_summ_writer;
INSERT INTO ref VALUES (19, 'Kent', 6, true, true, NULL);
SELECT count(*) FROM fm_log;  -- the log itself is not the writer's to read
DELETE FROM ref WHERE id = 19;
RESET ROLE;
SELECT * FROM mismatch;
REVOKE ALL ON ref FROM regress_summ_writer;
REVOKE ALL ON SCHEMA summ FROM regress_summ_writer;
DROP ROLE regress_summ_writer;

-- ---- Merging ----
SELECT count(*) > 0 AS log_has_rows FROM fm_log;
-- below a threshold nothing is merged
SELECT recording_summary_merge('fm', 1000000) AS merged_rows;
SELECT recording_summary_merge('fm') > 0 AS merged;
SELECT count(*) AS log_rows FROM fm_log;
-- after a merge the merged table holds the non-empty groups, as added
-- summaries with nothing removed
SELECT count(*) AS merged_groups, count(*) FILTER (WHERE removed <> recording_stats_zero()) AS unnormalised
  FROM fm_merged;
SELECT * FROM mismatch;
SELECT recording_summary_merge('fm') AS nothing_left;
-- writes after a merge
INSERT INTO ref VALUES (16, NULL, NULL, true, true, NULL);
UPDATE ref SET force = NULL, month = NULL WHERE id = 13;
SELECT * FROM mismatch;
SELECT recording_summary_merge('fm') AS merged_rows;
SELECT * FROM mismatch;

-- ---- TRUNCATE ----
BEGIN;
TRUNCATE ref;
SELECT count(*) AS groups FROM fm;
ROLLBACK;
SELECT * FROM mismatch;
INSERT INTO ref VALUES (17, 'Kent', 1, false, false, NULL);
TRUNCATE ref;
SELECT count(*) AS groups FROM fm;
SELECT (SELECT count(*) FROM fm_log) AS log_rows, (SELECT count(*) FROM fm_merged) AS merged_rows;
INSERT INTO ref VALUES (1, 'Kent', 1, true, true, NULL), (2, 'Kent', 1, NULL, NULL, NULL);
SELECT * FROM fm ORDER BY force, month;

-- ---- Bad rows: timely without recorded is refused, as by the aggregate ----
INSERT INTO ref VALUES (20, 'Kent', 1, false, true, NULL);
UPDATE ref SET recorded = NULL WHERE id = 1;
SELECT * FROM mismatch;
-- timely NULL counts as not timely (row 2 above)

-- ---- Generic plans, PL/pgSQL loops ----
SET plan_cache_mode = force_generic_plan;
PREPARE ins(int, text, int, boolean, boolean) AS INSERT INTO ref VALUES ($1, $2, $3, $4, $5, NULL);
PREPARE mv(int, text) AS UPDATE ref SET force = $2 WHERE id = $1;
PREPARE rd(text) AS SELECT s FROM fm WHERE force IS NOT DISTINCT FROM $1 AND month = 1;
PREPARE mg(regclass) AS SELECT recording_summary_merge($1) IS NOT NULL AS ran;
EXECUTE ins(21, 'Fife', 1, true, false);
EXECUTE ins(22, NULL, 1, NULL, NULL);
EXECUTE mv(21, NULL);
EXECUTE mg('fm');
EXECUTE mv(22, 'Fife');
-- NULL 1 = row 21 (1, 1, 0, 0); Fife 1 = row 22 (1, 0, 1, 0)
EXECUTE rd(NULL);
EXECUTE rd('Fife');
EXECUTE mg('fm');
SELECT * FROM mismatch;
RESET plan_cache_mode;
DO $$
BEGIN
	FOR i IN 100 .. 199 LOOP
		INSERT INTO ref VALUES (i, CASE WHEN i % 3 = 0 THEN NULL ELSE 'F' || (i % 4) END, i % 2,
		                        CASE i % 3 WHEN 0 THEN true WHEN 1 THEN false END, i % 6 = 0, NULL);
		IF i % 10 = 0 THEN
			UPDATE ref SET month = 1 - month WHERE id = i - 5;
			DELETE FROM ref WHERE id = i - 7;
		END IF;
		IF i % 25 = 0 THEN
			PERFORM recording_summary_merge('fm');
		END IF;
	END LOOP;
END
$$;
SELECT * FROM mismatch;
-- 100 rows in, 9 deleted (103, 113, ..., 183; 93 never was): the total is the row count
SELECT referrals(rollup(s)) AS total, (SELECT count(*) FROM ref) AS rows FROM fm;
-- parallel and windowed reads of the view
SET max_parallel_workers_per_gather = 2;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SELECT force, month, referrals(s), sum(referrals(s)) OVER (PARTITION BY force) AS force_total
  FROM fm WHERE force IN ('Kent', 'Fife') ORDER BY force, month;
RESET max_parallel_workers_per_gather;
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;

-- ---- Without a timely column; other column names ----
CREATE TABLE plain (region text, done boolean);
INSERT INTO plain VALUES ('a', true), ('a', NULL), ('b', false);
SELECT create_recording_summary('pl', 'plain', ARRAY['region'], recorded_column => 'done', timely_column => NULL);
DELETE FROM plain WHERE done IS NULL;
-- a (1, 1, 0, 0); b (1, 0, 0, 0)
SELECT * FROM pl ORDER BY region;

-- names are quoted wherever they are used
CREATE TABLE "Odd Table" ("Force Name" text, "Rec" boolean);
INSERT INTO "Odd Table" VALUES ('x', true), (NULL, false);
SELECT create_recording_summary('Odd Summary', '"Odd Table"', ARRAY['Force Name'], 'Rec', NULL);
UPDATE "Odd Table" SET "Rec" = NULL WHERE "Force Name" IS NULL;
SELECT recording_summary_merge('"Odd Summary"');
-- x (1, 1, 0, 0); NULL (1, 0, 1, 0)
SELECT * FROM "Odd Summary" ORDER BY 1;
SELECT drop_recording_summary('"Odd Summary"');

-- ---- Bad arguments ----
\set VERBOSITY default
SELECT create_recording_summary('x', 'plain', ARRAY['region'], 'done');
SELECT create_recording_summary('x', 'plain', ARRAY['nope'], 'done', NULL);
SELECT create_recording_summary('x', 'plain', ARRAY['region', 'region'], 'done', NULL);
SELECT create_recording_summary('x', 'plain', ARRAY[]::text[], 'done', NULL);
SELECT create_recording_summary('x', 'plain', ARRAY['region', NULL], 'done', NULL);
SELECT create_recording_summary('x', 'plain', ARRAY['done'], 'done', NULL);
SELECT create_recording_summary('x', 'plain', ARRAY['done'], 'region', NULL);
SELECT create_recording_summary(NULL, 'plain', ARRAY['region'], 'done', NULL);
SELECT create_recording_summary('x', 'plain', NULL, 'done', NULL);
SELECT create_recording_summary('', 'plain', ARRAY['region'], 'done', NULL);
SELECT create_recording_summary(repeat('x', 53), 'plain', ARRAY['region'], 'done', NULL);
SELECT create_recording_summary('x', 'recount', ARRAY['force']);
SELECT create_recording_summary('pl', 'plain', ARRAY['region'], 'done', NULL);
CREATE TABLE odd (s int, recorded boolean);
SELECT create_recording_summary('x', 'odd', ARRAY['s'], timely_column => NULL);
-- a source with a bad row cannot be summarised
CREATE TABLE bad (k int, recorded boolean, timely boolean);
INSERT INTO bad VALUES (1, false, true);
SELECT create_recording_summary('x', 'bad', ARRAY['k']);
SELECT recording_summary_merge('recount');
SELECT recording_summary_merge('fm', -1);
SELECT recording_summary_merge('fm', NULL);
SELECT drop_recording_summary('ref');
SELECT drop_recording_summary(NULL);
\set VERBOSITY terse
-- nothing was left behind by the failed calls
SELECT relname FROM pg_class WHERE relnamespace = 'summ'::regnamespace AND relname LIKE 'x%';

-- ---- Drop ----
-- a view of the user's that reads the summary stops the drop
SELECT drop_recording_summary('fm');
DROP VIEW mismatch;
SELECT drop_recording_summary('fm');
SELECT drop_recording_summary('pl');
SELECT relname FROM pg_class WHERE relnamespace = 'summ'::regnamespace AND relname ~ '^(fm|pl)' ORDER BY 1;
SELECT count(*) AS triggers_left FROM pg_trigger WHERE tgrelid IN ('ref'::regclass, 'plain'::regclass);
-- the source is untouched, and its writes are as without a summary (this
-- row would be refused by a summary)
SELECT count(*) AS ref_rows FROM ref;
INSERT INTO ref VALUES (500, 'Kent', 1, false, true, NULL);
SELECT count(*) AS ref_rows FROM ref;
DROP SCHEMA summ CASCADE;
RESET search_path;
