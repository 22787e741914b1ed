
-- ---------------------------------------------------------------------
-- recording_stats: NULL counts, numeric totals, export
-- ---------------------------------------------------------------------

-- A NULL count never makes a group vanish from a total.  The constructor
-- raises an error naming the NULL argument (null_value_not_allowed), and
-- rollup() raises one on a NULL summary, instead of a NULL summary that
-- rollup() would skip without a word.
ALTER FUNCTION @extschema@.make_recording_stats(pg_catalog.int8, pg_catalog.int8, pg_catalog.int8, pg_catalog.int8)
	CALLED ON NULL INPUT;
COMMENT ON FUNCTION @extschema@.make_recording_stats(pg_catalog.int8, pg_catalog.int8, pg_catalog.int8, pg_catalog.int8) IS
	'Build a recording_stats summary from its four counts; a NULL count is an error (use coalesce(x, 0))';

-- rollup()'s transition and inverse functions (merge is also the combine
-- function of the three aggregates, whose states are never NULL).
ALTER FUNCTION @extschema@.recording_stats_merge(@extschema@.recording_stats, @extschema@.recording_stats)
	CALLED ON NULL INPUT;
ALTER FUNCTION @extschema@.recording_stats_unmerge(@extschema@.recording_stats, @extschema@.recording_stats)
	CALLED ON NULL INPUT;
COMMENT ON FUNCTION @extschema@.recording_stats_merge(@extschema@.recording_stats, @extschema@.recording_stats) IS
	'Transition function of rollup() and combine function of the recording_stats aggregates; a NULL summary is an error';
COMMENT ON FUNCTION @extschema@.recording_stats_unmerge(@extschema@.recording_stats, @extschema@.recording_stats) IS
	'Inverse transition function of rollup(), for moving window frames; a NULL summary is an error';
COMMENT ON AGGREGATE @extschema@.rollup(@extschema@.recording_stats) IS
	'Sum stored recording_stats summaries; a NULL summary is an error (filter with WHERE s IS NOT NULL)';

-- Counts of every integer type and numeric (sum() of bigint is numeric).
-- The smallint and integer forms keep calls with integer literals and
-- columns unambiguous now that a numeric form exists: each call resolves
-- to the form of its widest argument type.
CREATE FUNCTION @extschema@.make_recording_stats(referrals pg_catalog.int2, recorded pg_catalog.int2,
		unknown pg_catalog.int2 DEFAULT 0, timely pg_catalog.int2 DEFAULT 0)
	RETURNS @extschema@.recording_stats
	AS 'MODULE_PATHNAME', 'make_recording_stats_int2'
	LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
CREATE FUNCTION @extschema@.make_recording_stats(referrals pg_catalog.int4, recorded pg_catalog.int4,
		unknown pg_catalog.int4 DEFAULT 0, timely pg_catalog.int4 DEFAULT 0)
	RETURNS @extschema@.recording_stats
	AS 'MODULE_PATHNAME', 'make_recording_stats_int4'
	LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
CREATE FUNCTION @extschema@.make_recording_stats(referrals pg_catalog.numeric, recorded pg_catalog.numeric,
		unknown pg_catalog.numeric DEFAULT 0, timely pg_catalog.numeric DEFAULT 0)
	RETURNS @extschema@.recording_stats
	AS 'MODULE_PATHNAME', 'make_recording_stats_numeric'
	LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.make_recording_stats(pg_catalog.int2, pg_catalog.int2, pg_catalog.int2, pg_catalog.int2) IS
	'Build a recording_stats summary from smallint counts; a NULL count is an error';
COMMENT ON FUNCTION @extschema@.make_recording_stats(pg_catalog.int4, pg_catalog.int4, pg_catalog.int4, pg_catalog.int4) IS
	'Build a recording_stats summary from integer counts; a NULL count is an error';
COMMENT ON FUNCTION @extschema@.make_recording_stats(pg_catalog.numeric, pg_catalog.numeric, pg_catalog.numeric, pg_catalog.numeric) IS
	'Build a recording_stats summary from numeric counts (such as sum() of bigint); a fraction or a value beyond bigint is an error';

CREATE FUNCTION @extschema@.recording_ratio(referrals pg_catalog.int2, recorded pg_catalog.int2)
	RETURNS pg_catalog.float8
	AS 'MODULE_PATHNAME', 'recording_ratio_totals_int2'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.recording_ratio(referrals pg_catalog.int4, recorded pg_catalog.int4)
	RETURNS pg_catalog.float8
	AS 'MODULE_PATHNAME', 'recording_ratio_totals_int4'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.recording_ratio(referrals pg_catalog.numeric, recorded pg_catalog.numeric)
	RETURNS pg_catalog.float8
	AS 'MODULE_PATHNAME', 'recording_ratio_totals_numeric'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.recording_gap(referrals pg_catalog.int2, recorded pg_catalog.int2)
	RETURNS pg_catalog.int8
	AS 'MODULE_PATHNAME', 'recording_gap_totals_int2'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.recording_gap(referrals pg_catalog.int4, recorded pg_catalog.int4)
	RETURNS pg_catalog.int8
	AS 'MODULE_PATHNAME', 'recording_gap_totals_int4'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.recording_gap(referrals pg_catalog.numeric, recorded pg_catalog.numeric)
	RETURNS pg_catalog.int8
	AS 'MODULE_PATHNAME', 'recording_gap_totals_numeric'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.recording_ratio(pg_catalog.int2, pg_catalog.int2) IS
	'recorded / referrals over published smallint totals; NULL when referrals is 0';
COMMENT ON FUNCTION @extschema@.recording_ratio(pg_catalog.int4, pg_catalog.int4) IS
	'recorded / referrals over published integer totals; NULL when referrals is 0';
COMMENT ON FUNCTION @extschema@.recording_ratio(pg_catalog.numeric, pg_catalog.numeric) IS
	'recorded / referrals over published numeric totals (whole numbers); NULL when referrals is 0';
COMMENT ON FUNCTION @extschema@.recording_gap(pg_catalog.int2, pg_catalog.int2) IS
	'referrals - recorded over published smallint totals';
COMMENT ON FUNCTION @extschema@.recording_gap(pg_catalog.int4, pg_catalog.int4) IS
	'referrals - recorded over published integer totals';
COMMENT ON FUNCTION @extschema@.recording_gap(pg_catalog.numeric, pg_catalog.numeric) IS
	'referrals - recorded over published numeric totals (whole numbers)';

-- Export: numbers, not one text cell.  to_json(), to_jsonb() and the
-- json(b)_build_* functions look for a cast to json, the :: operator on
-- jsonb for a cast to jsonb; both exist.
CREATE FUNCTION @extschema@.recording_stats_json(@extschema@.recording_stats)
	RETURNS pg_catalog.json
	AS 'MODULE_PATHNAME', 'recording_stats_json'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.recording_stats_jsonb(@extschema@.recording_stats)
	RETURNS pg_catalog.jsonb
	AS 'MODULE_PATHNAME', 'recording_stats_jsonb'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.recording_stats_json(@extschema@.recording_stats) IS
	'The summary as a JSON object of four numbers: {"referrals": n, "recorded": n, "unknown": n, "timely": n}';
COMMENT ON FUNCTION @extschema@.recording_stats_jsonb(@extschema@.recording_stats) IS
	'The summary as a jsonb object of four numbers: {"referrals": n, "recorded": n, "unknown": n, "timely": n}';
CREATE CAST (@extschema@.recording_stats AS pg_catalog.json)
	WITH FUNCTION @extschema@.recording_stats_json(@extschema@.recording_stats);
CREATE CAST (@extschema@.recording_stats AS pg_catalog.jsonb)
	WITH FUNCTION @extschema@.recording_stats_jsonb(@extschema@.recording_stats);
COMMENT ON CAST (@extschema@.recording_stats AS pg_catalog.json) IS
	'A summary as a JSON object of its four counts; used by to_json() and to_jsonb()';
COMMENT ON CAST (@extschema@.recording_stats AS pg_catalog.jsonb) IS
	'A summary as a jsonb object of its four counts';

-- One row of four bigint columns (not a set: a NULL summary gives one row
-- of NULLs, so LATERAL never drops a row).
CREATE FUNCTION @extschema@.recording_stats_columns(s @extschema@.recording_stats,
		OUT referrals pg_catalog.int8, OUT recorded pg_catalog.int8,
		OUT unknown pg_catalog.int8, OUT timely pg_catalog.int8)
	RETURNS pg_catalog.record
	AS 'MODULE_PATHNAME', 'recording_stats_columns'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.recording_stats_columns(@extschema@.recording_stats) IS
	'The four counts of a summary as columns referrals, recorded, unknown, timely (bigint)';
