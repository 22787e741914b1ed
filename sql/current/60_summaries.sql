
-- ---------------------------------------------------------------------
-- Continuous summaries (doc/summaries.md)
-- ---------------------------------------------------------------------

-- Arithmetic: a summary kept under inserts, updates and deletes is
-- rollup(added) - rollup(removed), two sums of ordinary summaries; the
-- difference of the two is itself a summary once every change is counted.

CREATE FUNCTION @extschema@.recording_stats_sub(@extschema@.recording_stats, @extschema@.recording_stats)
	RETURNS @extschema@.recording_stats
	AS 'MODULE_PATHNAME', 'recording_stats_sub'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.recording_stats_sub(@extschema@.recording_stats, @extschema@.recording_stats) IS
	'Difference of two summaries: the referrals of the first without those of the second; an error names the count that would fall below zero';

CREATE OPERATOR @extschema@.- (
	LEFTARG = @extschema@.recording_stats, RIGHTARG = @extschema@.recording_stats,
	FUNCTION = @extschema@.recording_stats_sub
);
COMMENT ON OPERATOR @extschema@.- (@extschema@.recording_stats, @extschema@.recording_stats) IS
	'Difference of two summaries; numeric_value_out_of_range unless the second is contained in the first';

CREATE FUNCTION @extschema@.recording_stats_zero()
	RETURNS @extschema@.recording_stats
	AS 'MODULE_PATHNAME', 'recording_stats_zero'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.recording_stats_zero() IS
	'The zero summary (no referrals): the identity of + and -, and what rollup() returns over no rows';

-- create_recording_summary(name, source, group_columns, recorded_column,
-- timely_column) makes, in the caller's current schema and owned by the
-- caller:
--   name          the view: one row per group, (group columns..., s)
--   name_merged   table: per group, added and removed summaries merged so far
--   name_log      table: signed changes not merged yet, one row per group
--                 and statement, appended by the triggers (insert only)
--   name_capture  trigger function (SECURITY DEFINER, so writers of the
--                 source need no right on the log; every name in it is
--                 schema-qualified), fired by the statement
--                 triggers name_insert, name_update, name_delete and
--                 name_truncate on the source.
-- The view is the real-time union of name_merged and name_log, rolled up per
-- group; recording_summary_merge() folds the log into name_merged.
CREATE FUNCTION @extschema@.create_recording_summary(name pg_catalog.text, source pg_catalog.regclass,
		group_columns pg_catalog.text[],
		recorded_column pg_catalog.text DEFAULT 'recorded',
		timely_column pg_catalog.text DEFAULT 'timely')
	RETURNS pg_catalog.regclass
	LANGUAGE plpgsql VOLATILE CALLED ON NULL INPUT PARALLEL UNSAFE SECURITY INVOKER
AS $fn$
-- No SET search_path clause: the summary goes into the caller's current
-- schema, so the path is read first, then narrowed for the rest of the call.
-- The variables' types are resolved when the function is first compiled in
-- a session, under the caller's path: each is named with its schema.
DECLARE
	sch pg_catalog.text := pg_catalog.current_schema();
	caller_path pg_catalog.text := pg_catalog.current_setting('search_path');
	ext pg_catalog.text;
	src pg_catalog.text;
	col pg_catalog.text;
	keys pg_catalog.text;
	agg pg_catalog.text;
	zero pg_catalog.text;
	q_view pg_catalog.text;
	q_merged pg_catalog.text;
	q_log pg_catalog.text;
	q_capture pg_catalog.text;
	rollup_fn pg_catalog.text;
	op_minus pg_catalog.text;
	op_ne pg_catalog.text;
	i pg_catalog.int4;
BEGIN
	PERFORM pg_catalog.set_config('search_path', 'pg_catalog, pg_temp', true);
	IF name IS NULL OR source IS NULL OR group_columns IS NULL OR recorded_column IS NULL THEN
		RAISE EXCEPTION 'argument "%" of create_recording_summary must not be null',
			CASE WHEN name IS NULL THEN 'name' WHEN source IS NULL THEN 'source'
			     WHEN group_columns IS NULL THEN 'group_columns' ELSE 'recorded_column' END
			USING ERRCODE = 'null_value_not_allowed',
			      HINT = 'Only timely_column may be null, for a source without a timely column.';
	END IF;
	IF name = '' OR pg_catalog.octet_length(name) > 63 - pg_catalog.octet_length('_merged_key') THEN
		RAISE EXCEPTION 'summary name "%" must be 1 to 52 bytes long', name
			USING ERRCODE = 'invalid_name',
			      DETAIL = 'The summary''s tables, index, function and triggers are named after it with suffixes of up to 11 bytes.';
	END IF;
	IF sch IS NULL THEN
		RAISE EXCEPTION 'no schema has been selected to create the summary in'
			USING ERRCODE = 'invalid_schema_name',
			      HINT = 'Set search_path to a schema you can create objects in.';
	END IF;
	SELECT pg_catalog.quote_ident(n.nspname) INTO ext
	  FROM pg_catalog.pg_extension e JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace
	 WHERE e.extname = 'recording_gap';
	IF (SELECT c.relkind FROM pg_catalog.pg_class c WHERE c.oid = source) NOT IN ('r', 'p') THEN
		RAISE EXCEPTION 'source "%" of create_recording_summary must be a table', source
			USING ERRCODE = 'wrong_object_type',
			      HINT = 'Summarise the table the view or foreign table reads from.';
	END IF;
	src := source::text;		-- qualified and quoted as needed

	IF pg_catalog.cardinality(group_columns) = 0 THEN
		RAISE EXCEPTION 'group_columns of create_recording_summary must name at least one column'
			USING ERRCODE = 'invalid_parameter_value',
			      HINT = 'For a single grand total, group by a column that is constant, or read rollup(s) from a summary.';
	END IF;
	FOR i IN 1 .. pg_catalog.cardinality(group_columns) LOOP
		col := group_columns[i];
		IF col IS NULL THEN
			RAISE EXCEPTION 'group_columns of create_recording_summary must not contain null'
				USING ERRCODE = 'null_value_not_allowed', DETAIL = pg_catalog.format('Element %s is null.', i);
		END IF;
		IF NOT EXISTS (SELECT FROM pg_catalog.pg_attribute a
		                WHERE a.attrelid = source AND a.attname = col AND a.attnum > 0 AND NOT a.attisdropped) THEN
			RAISE EXCEPTION 'group column "%" does not exist in "%"', col, src
				USING ERRCODE = 'undefined_column', HINT = 'Column names are matched exactly, case included.';
		END IF;
		IF col = ANY (group_columns[1:i - 1]) THEN
			RAISE EXCEPTION 'group column "%" is named twice', col
				USING ERRCODE = 'duplicate_column', HINT = 'Name each group column once.';
		END IF;
		IF col IN ('s', 'added', 'removed') THEN
			RAISE EXCEPTION 'group column "%" clashes with a column of the summary', col
				USING ERRCODE = 'duplicate_column',
				      DETAIL = 'The summary has the columns s (view), added and removed (tables).',
				      HINT = 'Summarise a view of the source that renames the column.';
		END IF;
		IF col IN (recorded_column, timely_column) THEN
			RAISE EXCEPTION 'group column "%" is also the recorded or timely column', col
				USING ERRCODE = 'invalid_parameter_value', HINT = 'Group by other columns.';
		END IF;
	END LOOP;
	FOR col, i IN SELECT c, k FROM pg_catalog.unnest(ARRAY[recorded_column, timely_column]) WITH ORDINALITY u(c, k) WHERE c IS NOT NULL LOOP
		IF NOT EXISTS (SELECT FROM pg_catalog.pg_attribute a
		                WHERE a.attrelid = source AND a.attname = col AND a.attnum > 0 AND NOT a.attisdropped) THEN
			RAISE EXCEPTION '% column "%" does not exist in "%"', CASE i WHEN 1 THEN 'recorded' ELSE 'timely' END, col, src
				USING ERRCODE = 'undefined_column',
				      HINT = CASE i WHEN 1 THEN 'Name the boolean column that says whether a referral was recorded, with recorded_column.'
				                  ELSE 'Name the boolean timely column with timely_column, or pass timely_column => NULL if there is none.' END;
		END IF;
		IF (SELECT a.atttypid FROM pg_catalog.pg_attribute a
		     WHERE a.attrelid = source AND a.attname = col) <> 'pg_catalog.bool'::pg_catalog.regtype THEN
			RAISE EXCEPTION '% column "%" must be boolean', CASE i WHEN 1 THEN 'recorded' ELSE 'timely' END, col
				USING ERRCODE = 'datatype_mismatch',
				      DETAIL = pg_catalog.format('It is %s.', (SELECT pg_catalog.format_type(a.atttypid, a.atttypmod)
				                     FROM pg_catalog.pg_attribute a WHERE a.attrelid = source AND a.attname = col)),
				      HINT = 'Summarise a view of the source that casts it, or add a boolean column.';
		END IF;
	END LOOP;

	SELECT pg_catalog.string_agg(pg_catalog.quote_ident(c), ', ' ORDER BY k) INTO keys
	  FROM pg_catalog.unnest(group_columns) WITH ORDINALITY u(c, k);
	IF timely_column IS NULL THEN
		agg := pg_catalog.format('%s.recording_stats(%I)', ext, recorded_column);
	ELSE
		agg := pg_catalog.format('%s.recording_stats(%I, %I)', ext, recorded_column, timely_column);
	END IF;
	zero := ext || '.recording_stats_zero()';
	rollup_fn := ext || '.rollup';
	op_minus := pg_catalog.format('OPERATOR(%s.-)', ext);
	op_ne := pg_catalog.format('OPERATOR(%s.<>)', ext);
	q_view := pg_catalog.format('%I.%I', sch, name);
	q_merged := pg_catalog.format('%I.%I', sch, name || '_merged');
	q_log := pg_catalog.format('%I.%I', sch, name || '_log');
	q_capture := pg_catalog.format('%I.%I', sch, name || '_capture');

	-- No write to the source between the build and the triggers: this lock
	-- conflicts with every writer (and with itself), not with readers.
	EXECUTE pg_catalog.format('LOCK TABLE %s IN SHARE ROW EXCLUSIVE MODE', src);

	EXECUTE pg_catalog.format(
		'CREATE TABLE %s WITH (fillfactor = 50) AS SELECT %s, %s AS added, %s AS removed FROM %s GROUP BY %s',
		q_merged, keys, agg, zero, src, keys);
	EXECUTE pg_catalog.format(
		'ALTER TABLE %s ALTER added SET NOT NULL, ALTER removed SET NOT NULL', q_merged);
	EXECUTE pg_catalog.format('CREATE UNIQUE INDEX %I ON %s (%s) NULLS NOT DISTINCT',
		name || '_merged_key', q_merged, keys);
	EXECUTE pg_catalog.format(
		'CREATE TABLE %s AS SELECT %s, %s AS added, %s AS removed FROM %s WITH NO DATA',
		q_log, keys, zero, zero, src);
	EXECUTE pg_catalog.format(
		'ALTER TABLE %s ALTER added SET NOT NULL, ALTER removed SET NOT NULL', q_log);

	EXECUTE pg_catalog.format($v$
CREATE VIEW %1$s AS
SELECT %2$s, %3$s(added) %4$s %3$s(removed) AS s
  FROM (SELECT %2$s, added, removed FROM %5$s
        UNION ALL
        SELECT %2$s, added, removed FROM %6$s) u
 GROUP BY %2$s
HAVING %3$s(added) %7$s %3$s(removed)$v$,
		q_view, keys, rollup_fn, op_minus, q_merged, q_log, op_ne);

	EXECUTE pg_catalog.format($f$
CREATE FUNCTION %1$s() RETURNS trigger
	LANGUAGE plpgsql VOLATILE SECURITY DEFINER
AS $body$
-- Every name below is schema-qualified, operators included, and rg_new and
-- rg_old are the statement's transition tables, which no schema can hide:
-- so this SECURITY DEFINER function runs the same whatever the writer's
-- search_path, without the cost of setting search_path on every call.
BEGIN
	IF TG_OP OPERATOR(pg_catalog.=) 'INSERT' THEN
		INSERT INTO %2$s (%4$s, added, removed)
		SELECT %4$s, %5$s, %6$s FROM rg_new GROUP BY %4$s;
	ELSIF TG_OP OPERATOR(pg_catalog.=) 'DELETE' THEN
		INSERT INTO %2$s (%4$s, added, removed)
		SELECT %4$s, %6$s, %5$s FROM rg_old GROUP BY %4$s;
	ELSIF TG_OP OPERATOR(pg_catalog.=) 'UPDATE' THEN
		INSERT INTO %2$s (%4$s, added, removed)
		SELECT %4$s, %7$s(added), %7$s(removed)
		  FROM (SELECT %4$s, %5$s AS added, %6$s AS removed FROM rg_new GROUP BY %4$s
		        UNION ALL
		        SELECT %4$s, %6$s, %5$s FROM rg_old GROUP BY %4$s) d
		 GROUP BY %4$s
		HAVING %7$s(added) %8$s %7$s(removed);
	ELSE
		-- TRUNCATE: the source is locked; wait for a running merge, then empty both.
		LOCK TABLE %3$s IN SHARE ROW EXCLUSIVE MODE;
		DELETE FROM %2$s;
		DELETE FROM %3$s;
	END IF;
	RETURN NULL;
END
$body$$f$,
		q_capture, q_log, q_merged, keys, agg, zero, rollup_fn, op_ne);

	-- Only its owner may attach it to a table (CREATE TRIGGER needs EXECUTE;
	-- firing does not): no one else can feed the log through it.
	EXECUTE pg_catalog.format('REVOKE ALL ON FUNCTION %s() FROM PUBLIC', q_capture);

	EXECUTE pg_catalog.format('CREATE TRIGGER %I AFTER INSERT ON %s REFERENCING NEW TABLE AS rg_new '
		'FOR EACH STATEMENT EXECUTE FUNCTION %s()', name || '_insert', src, q_capture);
	EXECUTE pg_catalog.format('CREATE TRIGGER %I AFTER UPDATE ON %s REFERENCING OLD TABLE AS rg_old NEW TABLE AS rg_new '
		'FOR EACH STATEMENT EXECUTE FUNCTION %s()', name || '_update', src, q_capture);
	EXECUTE pg_catalog.format('CREATE TRIGGER %I AFTER DELETE ON %s REFERENCING OLD TABLE AS rg_old '
		'FOR EACH STATEMENT EXECUTE FUNCTION %s()', name || '_delete', src, q_capture);
	EXECUTE pg_catalog.format('CREATE TRIGGER %I AFTER TRUNCATE ON %s '
		'FOR EACH STATEMENT EXECUTE FUNCTION %s()', name || '_truncate', src, q_capture);

	EXECUTE pg_catalog.format('COMMENT ON VIEW %s IS %L', q_view,
		pg_catalog.format('recording_gap summary of %s by (%s): merged summaries plus the unmerged log', src, keys));
	EXECUTE pg_catalog.format('COMMENT ON TABLE %s IS %L', q_merged,
		pg_catalog.format('recording_gap summary %s: summaries merged so far (recording_summary_merge)', q_view));
	EXECUTE pg_catalog.format('COMMENT ON TABLE %s IS %L', q_log,
		pg_catalog.format('recording_gap summary %s: changes not merged yet, appended by %s', q_view, q_capture));
	EXECUTE pg_catalog.format('COMMENT ON FUNCTION %s() IS %L', q_capture,
		pg_catalog.format('recording_gap summary %s: appends the changes of each statement on %s to %s', q_view, src, q_log));
	PERFORM pg_catalog.set_config('search_path', caller_path, true);
	RETURN pg_catalog.to_regclass(q_view);
END
$fn$;
COMMENT ON FUNCTION @extschema@.create_recording_summary(pg_catalog.text, pg_catalog.regclass, pg_catalog.text[], pg_catalog.text, pg_catalog.text) IS
	'Create a continuous summary: a view of recording_stats per group of the source, kept exact by statement triggers';

-- The parts of a summary, checked: (schema, view name, key list).  Raises
-- an error if name is not a view made by create_recording_summary.
CREATE FUNCTION @extschema@.recording_summary_parts(name pg_catalog.regclass,
		OUT schema_name pg_catalog.text, OUT view_name pg_catalog.text, OUT keys pg_catalog.text)
	LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE SECURITY INVOKER
	SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	nsp oid;
	merged oid;
BEGIN
	SELECT c.relnamespace, n.nspname, c.relname INTO nsp, schema_name, view_name
	  FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
	 WHERE c.oid = name AND c.relkind = 'v';
	SELECT c.oid INTO merged FROM pg_catalog.pg_class c
	 WHERE c.relnamespace = nsp AND c.relname = view_name || '_merged' AND c.relkind = 'r';
	IF view_name IS NULL OR merged IS NULL
	   OR NOT EXISTS (SELECT FROM pg_catalog.pg_class c
	                   WHERE c.relnamespace = nsp AND c.relname = view_name || '_log' AND c.relkind = 'r')
	   OR NOT EXISTS (SELECT FROM pg_catalog.pg_proc p
	                   WHERE p.pronamespace = nsp AND p.proname = view_name || '_capture' AND p.pronargs = 0) THEN
		RAISE EXCEPTION '"%" is not a recording summary', name
			USING ERRCODE = 'wrong_object_type',
			      DETAIL = 'A summary is a view made by create_recording_summary, with its tables _merged and _log and its function _capture beside it.',
			      HINT = 'Name the view that create_recording_summary returned.';
	END IF;
	SELECT pg_catalog.string_agg(pg_catalog.quote_ident(a.attname), ', ' ORDER BY a.attnum) INTO keys
	  FROM pg_catalog.pg_attribute a
	 WHERE a.attrelid = merged AND a.attnum > 0 AND NOT a.attisdropped
	   AND a.attname NOT IN ('added', 'removed');
END
$fn$;
COMMENT ON FUNCTION @extschema@.recording_summary_parts(pg_catalog.regclass) IS
	'Schema, view name and group columns of a summary made by create_recording_summary; an error for any other relation';

CREATE FUNCTION @extschema@.recording_summary_merge(name pg_catalog.regclass,
		min_log_rows pg_catalog.int8 DEFAULT 0)
	RETURNS pg_catalog.int8
	LANGUAGE plpgsql VOLATILE CALLED ON NULL INPUT PARALLEL UNSAFE SECURITY INVOKER
	SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	ext text;
	p record;
	q_merged text;
	q_log text;
	zero text;
	n bigint;
BEGIN
	IF name IS NULL OR min_log_rows IS NULL THEN
		RAISE EXCEPTION 'argument "%" of recording_summary_merge must not be null',
			CASE WHEN name IS NULL THEN 'name' ELSE 'min_log_rows' END
			USING ERRCODE = 'null_value_not_allowed',
			      HINT = 'min_log_rows = 0 merges whatever the log holds.';
	END IF;
	IF min_log_rows < 0 THEN
		RAISE EXCEPTION 'min_log_rows of recording_summary_merge must not be negative'
			USING ERRCODE = 'invalid_parameter_value', DETAIL = pg_catalog.format('Got %s.', min_log_rows);
	END IF;
	p := @extschema@.recording_summary_parts(name);
	SELECT pg_catalog.quote_ident(s.nspname) INTO ext
	  FROM pg_catalog.pg_extension e JOIN pg_catalog.pg_namespace s ON s.oid = e.extnamespace
	 WHERE e.extname = 'recording_gap';
	zero := ext || '.recording_stats_zero()';
	q_merged := pg_catalog.format('%I.%I', p.schema_name, p.view_name || '_merged');
	q_log := pg_catalog.format('%I.%I', p.schema_name, p.view_name || '_log');

	IF min_log_rows > 0 THEN
		EXECUTE pg_catalog.format('SELECT pg_catalog.count(*) FROM (SELECT FROM %s LIMIT %s) l', q_log, min_log_rows)
			INTO n;
		IF n < min_log_rows THEN
			RETURN 0;
		END IF;
	END IF;

	-- One merge at a time; a second one does not wait, it has nothing to do.
	BEGIN
		EXECUTE pg_catalog.format('LOCK TABLE %s IN SHARE ROW EXCLUSIVE MODE NOWAIT', q_merged);
	EXCEPTION WHEN lock_not_available THEN
		RETURN NULL;
	END;

	-- The log rows visible now, all of them or none of each writer's
	-- transaction, go from the log to the merged table in one statement.
	EXECUTE pg_catalog.format($m$
WITH moved AS (DELETE FROM %1$s RETURNING %3$s, added, removed),
     d AS (SELECT %3$s, %4$s.rollup(added) AS added, %4$s.rollup(removed) AS removed
             FROM moved GROUP BY %3$s),
     up AS (INSERT INTO %2$s AS m (%3$s, added, removed)
            SELECT %3$s, added, removed FROM d
            ON CONFLICT (%3$s) DO UPDATE
               SET added = (m.added OPERATOR(%4$s.+) excluded.added)
                           OPERATOR(%4$s.-) (m.removed OPERATOR(%4$s.+) excluded.removed),
                   removed = %5$s
            RETURNING 1)
SELECT pg_catalog.count(*) FROM moved$m$,
		q_log, q_merged, p.keys, ext, zero) INTO n;
	-- Groups whose referrals are all gone leave, as from a recount; groups
	-- new to the merged table keep one summary, with nothing removed.
	EXECUTE pg_catalog.format('DELETE FROM %s WHERE added OPERATOR(%s.=) removed', q_merged, ext);
	EXECUTE pg_catalog.format('UPDATE %1$s SET added = added OPERATOR(%2$s.-) removed, removed = %3$s '
		'WHERE removed OPERATOR(%2$s.<>) %3$s', q_merged, ext, zero);
	RETURN n;
END
$fn$;
COMMENT ON FUNCTION @extschema@.recording_summary_merge(pg_catalog.regclass, pg_catalog.int8) IS
	'Fold the log of a summary into its merged table; returns the log rows folded, 0 below min_log_rows, NULL when another merge is running';

CREATE FUNCTION @extschema@.drop_recording_summary(name pg_catalog.regclass)
	RETURNS void
	LANGUAGE plpgsql VOLATILE CALLED ON NULL INPUT PARALLEL UNSAFE SECURITY INVOKER
	SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	p record;
	t record;
	capture oid;
BEGIN
	IF name IS NULL THEN
		RAISE EXCEPTION 'argument "name" of drop_recording_summary must not be null'
			USING ERRCODE = 'null_value_not_allowed', HINT = 'Name the summary''s view.';
	END IF;
	p := @extschema@.recording_summary_parts(name);
	capture := pg_catalog.format('%I.%I()', p.schema_name, p.view_name || '_capture')::pg_catalog.regprocedure;
	FOR t IN SELECT tg.tgname, tg.tgrelid::pg_catalog.regclass AS rel
	           FROM pg_catalog.pg_trigger tg WHERE tg.tgfoid = capture ORDER BY tg.tgname LOOP
		EXECUTE pg_catalog.format('DROP TRIGGER %I ON %s', t.tgname, t.rel);
	END LOOP;
	EXECUTE pg_catalog.format('DROP VIEW %I.%I', p.schema_name, p.view_name);
	EXECUTE pg_catalog.format('DROP FUNCTION %s', capture::pg_catalog.regprocedure);
	EXECUTE pg_catalog.format('DROP TABLE %I.%I, %I.%I', p.schema_name, p.view_name || '_log',
		p.schema_name, p.view_name || '_merged');
END
$fn$;
COMMENT ON FUNCTION @extschema@.drop_recording_summary(pg_catalog.regclass) IS
	'Remove a summary made by create_recording_summary: its view, tables, function and triggers; the source is untouched';
