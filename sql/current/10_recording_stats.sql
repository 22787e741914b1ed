
-- ---------------------------------------------------------------------
-- The recording_stats summary type
-- ---------------------------------------------------------------------

CREATE TYPE recording_stats;

CREATE FUNCTION recording_stats_in(cstring) RETURNS recording_stats
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION recording_stats_out(recording_stats) RETURNS cstring
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION recording_stats_recv(internal) RETURNS recording_stats
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION recording_stats_send(recording_stats) RETURNS bytea
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION recording_stats_in(cstring) IS 'Text input of recording_stats';
COMMENT ON FUNCTION recording_stats_out(recording_stats) IS 'Text output of recording_stats';
COMMENT ON FUNCTION recording_stats_recv(internal) IS 'Binary input of recording_stats; re-checks every count';
COMMENT ON FUNCTION recording_stats_send(recording_stats) IS 'Binary output of recording_stats: four big-endian int64';

CREATE TYPE recording_stats (
	INPUT = recording_stats_in,
	OUTPUT = recording_stats_out,
	RECEIVE = recording_stats_recv,
	SEND = recording_stats_send,
	INTERNALLENGTH = 32,
	ALIGNMENT = double,
	STORAGE = plain
);
COMMENT ON TYPE recording_stats IS
	'Summary of referrals: referrals, recorded, unknown and timely counts';

CREATE FUNCTION make_recording_stats(referrals bigint, recorded bigint,
									 unknown bigint DEFAULT 0, timely bigint DEFAULT 0)
	RETURNS recording_stats
	AS 'MODULE_PATHNAME', 'make_recording_stats'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION make_recording_stats(bigint, bigint, bigint, bigint) IS
	'Build a recording_stats summary from its four counts';

-- Equality, hashing and addition

CREATE FUNCTION recording_stats_eq(recording_stats, recording_stats) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION recording_stats_ne(recording_stats, recording_stats) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION recording_stats_hash(recording_stats) RETURNS integer
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION recording_stats_add(recording_stats, recording_stats) RETURNS recording_stats
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION recording_stats_eq(recording_stats, recording_stats) IS
	'True when all four counts are equal';
COMMENT ON FUNCTION recording_stats_ne(recording_stats, recording_stats) IS
	'True when any count differs';
COMMENT ON FUNCTION recording_stats_hash(recording_stats) IS
	'Hash of a summary, for hash joins and hashed grouping';
COMMENT ON FUNCTION recording_stats_add(recording_stats, recording_stats) IS
	'Sum of two summaries; raises an error on bigint overflow';

CREATE OPERATOR = (
	LEFTARG = recording_stats, RIGHTARG = recording_stats,
	FUNCTION = recording_stats_eq,
	COMMUTATOR = OPERATOR(@extschema@.=), NEGATOR = OPERATOR(@extschema@.<>),
	RESTRICT = pg_catalog.eqsel, JOIN = pg_catalog.eqjoinsel,
	HASHES
);
CREATE OPERATOR <> (
	LEFTARG = recording_stats, RIGHTARG = recording_stats,
	FUNCTION = recording_stats_ne,
	COMMUTATOR = OPERATOR(@extschema@.<>), NEGATOR = OPERATOR(@extschema@.=),
	RESTRICT = pg_catalog.neqsel, JOIN = pg_catalog.neqjoinsel
);
CREATE OPERATOR + (
	LEFTARG = recording_stats, RIGHTARG = recording_stats,
	FUNCTION = recording_stats_add,
	COMMUTATOR = OPERATOR(@extschema@.+)
);

CREATE OPERATOR CLASS recording_stats_hash_ops
	DEFAULT FOR TYPE recording_stats USING hash AS
	OPERATOR 1 @extschema@.= (recording_stats, recording_stats),
	FUNCTION 1 @extschema@.recording_stats_hash(recording_stats);

-- ---------------------------------------------------------------------
-- Aggregates
-- ---------------------------------------------------------------------

CREATE FUNCTION recording_stats_accum(recording_stats, boolean) RETURNS recording_stats
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
CREATE FUNCTION recording_stats_accum_inv(recording_stats, boolean) RETURNS recording_stats
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
CREATE FUNCTION recording_stats_accum_timely(recording_stats, boolean, boolean) RETURNS recording_stats
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
CREATE FUNCTION recording_stats_accum_timely_inv(recording_stats, boolean, boolean) RETURNS recording_stats
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
CREATE FUNCTION recording_stats_merge(recording_stats, recording_stats) RETURNS recording_stats
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION recording_stats_unmerge(recording_stats, recording_stats) RETURNS recording_stats
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION recording_stats_accum(recording_stats, boolean) IS
	'Transition function of recording_stats(boolean): adds one referral (NULL = unknown)';
COMMENT ON FUNCTION recording_stats_accum_inv(recording_stats, boolean) IS
	'Inverse transition function of recording_stats(boolean), for moving window frames';
COMMENT ON FUNCTION recording_stats_accum_timely(recording_stats, boolean, boolean) IS
	'Transition function of recording_stats(boolean, boolean): adds one referral and its timeliness';
COMMENT ON FUNCTION recording_stats_accum_timely_inv(recording_stats, boolean, boolean) IS
	'Inverse transition function of recording_stats(boolean, boolean), for moving window frames';
COMMENT ON FUNCTION recording_stats_merge(recording_stats, recording_stats) IS
	'Transition function of rollup() and combine function of the recording_stats aggregates';
COMMENT ON FUNCTION recording_stats_unmerge(recording_stats, recording_stats) IS
	'Inverse transition function of rollup(), for moving window frames';

CREATE AGGREGATE recording_stats(recorded boolean) (
	SFUNC = @extschema@.recording_stats_accum,
	STYPE = @extschema@.recording_stats,
	INITCOND = '(referrals=0, recorded=0, unknown=0, timely=0)',
	COMBINEFUNC = @extschema@.recording_stats_merge,
	MSFUNC = @extschema@.recording_stats_accum,
	MINVFUNC = @extschema@.recording_stats_accum_inv,
	MSTYPE = @extschema@.recording_stats,
	MINITCOND = '(referrals=0, recorded=0, unknown=0, timely=0)',
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE recording_stats(boolean) IS
	'Summarise referrals, one row each: true = recorded, false = not recorded, NULL = unknown';

CREATE AGGREGATE recording_stats(recorded boolean, timely boolean) (
	SFUNC = @extschema@.recording_stats_accum_timely,
	STYPE = @extschema@.recording_stats,
	INITCOND = '(referrals=0, recorded=0, unknown=0, timely=0)',
	COMBINEFUNC = @extschema@.recording_stats_merge,
	MSFUNC = @extschema@.recording_stats_accum_timely,
	MINVFUNC = @extschema@.recording_stats_accum_timely_inv,
	MSTYPE = @extschema@.recording_stats,
	MINITCOND = '(referrals=0, recorded=0, unknown=0, timely=0)',
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE recording_stats(boolean, boolean) IS
	'Summarise referrals with timeliness: timely = true counts a referral recorded within the deadline';

CREATE AGGREGATE rollup(recording_stats) (
	SFUNC = @extschema@.recording_stats_merge,
	STYPE = @extschema@.recording_stats,
	INITCOND = '(referrals=0, recorded=0, unknown=0, timely=0)',
	COMBINEFUNC = @extschema@.recording_stats_merge,
	MSFUNC = @extschema@.recording_stats_merge,
	MINVFUNC = @extschema@.recording_stats_unmerge,
	MSTYPE = @extschema@.recording_stats,
	MINITCOND = '(referrals=0, recorded=0, unknown=0, timely=0)',
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE rollup(recording_stats) IS
	'Sum stored recording_stats summaries; NULL summaries are skipped';

-- ---------------------------------------------------------------------
-- Accessors
-- ---------------------------------------------------------------------

CREATE FUNCTION referrals(recording_stats) RETURNS bigint
	AS 'MODULE_PATHNAME', 'referrals' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION recorded(recording_stats) RETURNS bigint
	AS 'MODULE_PATHNAME', 'recorded' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION unknown(recording_stats) RETURNS bigint
	AS 'MODULE_PATHNAME', 'unknown' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION timely(recording_stats) RETURNS bigint
	AS 'MODULE_PATHNAME', 'timely' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION recording_ratio(recording_stats) RETURNS double precision
	AS 'MODULE_PATHNAME', 'recording_ratio' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION recording_gap(recording_stats) RETURNS bigint
	AS 'MODULE_PATHNAME', 'recording_gap' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION confirmed_gap(recording_stats) RETURNS bigint
	AS 'MODULE_PATHNAME', 'confirmed_gap' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION completeness(recording_stats) RETURNS double precision
	AS 'MODULE_PATHNAME', 'completeness' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION timeliness_ratio(recording_stats) RETURNS double precision
	AS 'MODULE_PATHNAME', 'timeliness_ratio' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION ratio_bounds_lower(recording_stats) RETURNS double precision
	AS 'MODULE_PATHNAME', 'ratio_bounds_lower' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION ratio_bounds_upper(recording_stats) RETURNS double precision
	AS 'MODULE_PATHNAME', 'ratio_bounds_upper' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION recording_ratio(referrals bigint, recorded bigint) RETURNS double precision
	AS 'MODULE_PATHNAME', 'recording_ratio_totals' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION recording_gap(referrals bigint, recorded bigint) RETURNS bigint
	AS 'MODULE_PATHNAME', 'recording_gap_totals' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION referrals(recording_stats) IS 'Number of referrals';
COMMENT ON FUNCTION recorded(recording_stats) IS 'Number of referrals that led to a crime record';
COMMENT ON FUNCTION unknown(recording_stats) IS 'Number of referrals whose linkage to a crime record is unknown';
COMMENT ON FUNCTION timely(recording_stats) IS 'Number of referrals recorded within the deadline';
COMMENT ON FUNCTION recording_ratio(recording_stats) IS 'recorded / referrals; NULL when there are no referrals';
COMMENT ON FUNCTION recording_gap(recording_stats) IS 'referrals - recorded';
COMMENT ON FUNCTION confirmed_gap(recording_stats) IS 'referrals - recorded - unknown: referrals known not to be recorded';
COMMENT ON FUNCTION completeness(recording_stats) IS 'Share of referrals whose outcome is known; NULL when there are no referrals';
COMMENT ON FUNCTION timeliness_ratio(recording_stats) IS 'timely / recorded; NULL when nothing was recorded';
COMMENT ON FUNCTION ratio_bounds_lower(recording_stats) IS 'Worst-case ratio, every unknown not recorded: recorded / referrals';
COMMENT ON FUNCTION ratio_bounds_upper(recording_stats) IS 'Best-case ratio, every unknown recorded: (recorded + unknown) / referrals';
COMMENT ON FUNCTION recording_ratio(bigint, bigint) IS 'recorded / referrals over published totals; NULL when referrals is 0';
COMMENT ON FUNCTION recording_gap(bigint, bigint) IS 'referrals - recorded over published totals';

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
