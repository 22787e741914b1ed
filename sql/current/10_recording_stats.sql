
-- ---------------------------------------------------------------------
-- The recording_stats summary type (src/recording_stats.c over
-- src/core/recording_stats.c)
--
-- Four counts: referrals, recorded, unknown (referrals whose linkage to a
-- crime record is unknown) and timely (recorded within the deadline).
-- ---------------------------------------------------------------------

CREATE TYPE @extschema@.recording_stats;

CREATE FUNCTION @extschema@.recording_stats_in(pg_catalog.cstring) RETURNS @extschema@.recording_stats
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.recording_stats_out(@extschema@.recording_stats) RETURNS pg_catalog.cstring
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.recording_stats_recv(internal) RETURNS @extschema@.recording_stats
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.recording_stats_send(@extschema@.recording_stats) RETURNS pg_catalog.bytea
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.recording_stats_in(pg_catalog.cstring) IS
	'Text input of recording_stats';
COMMENT ON FUNCTION @extschema@.recording_stats_out(@extschema@.recording_stats) IS
	'Text output of recording_stats';
COMMENT ON FUNCTION @extschema@.recording_stats_recv(internal) IS
	'Binary input of recording_stats; re-checks every count';
COMMENT ON FUNCTION @extschema@.recording_stats_send(@extschema@.recording_stats) IS
	'Binary output of recording_stats: four big-endian int64';

CREATE TYPE @extschema@.recording_stats (
	INPUT = @extschema@.recording_stats_in,
	OUTPUT = @extschema@.recording_stats_out,
	RECEIVE = @extschema@.recording_stats_recv,
	SEND = @extschema@.recording_stats_send,
	INTERNALLENGTH = 32,
	ALIGNMENT = double,
	STORAGE = plain
);
COMMENT ON TYPE @extschema@.recording_stats IS
	'Summary of referrals: referrals, recorded, unknown and timely counts';

-- Constructors.  A NULL count never makes a group vanish from a total: it
-- is an error naming the NULL argument (null_value_not_allowed), not a NULL
-- summary that rollup() would skip without a word.  Counts of every integer
-- type and numeric (sum() of bigint is numeric); the smallint and integer
-- forms keep calls with integer literals and columns unambiguous beside the
-- numeric form: each call resolves to the form of its widest argument type.

CREATE FUNCTION @extschema@.make_recording_stats(referrals pg_catalog.int8, recorded pg_catalog.int8,
		unknown pg_catalog.int8 DEFAULT 0, timely pg_catalog.int8 DEFAULT 0)
	RETURNS @extschema@.recording_stats
	AS 'MODULE_PATHNAME', 'make_recording_stats'
	LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
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
COMMENT ON FUNCTION @extschema@.make_recording_stats(pg_catalog.int8, pg_catalog.int8, pg_catalog.int8, pg_catalog.int8) IS
	'Build a recording_stats summary from its four counts; a NULL count is an error (use coalesce(x, 0))';
COMMENT ON FUNCTION @extschema@.make_recording_stats(pg_catalog.int2, pg_catalog.int2, pg_catalog.int2, pg_catalog.int2) IS
	'Build a recording_stats summary from smallint counts; a NULL count is an error';
COMMENT ON FUNCTION @extschema@.make_recording_stats(pg_catalog.int4, pg_catalog.int4, pg_catalog.int4, pg_catalog.int4) IS
	'Build a recording_stats summary from integer counts; a NULL count is an error';
COMMENT ON FUNCTION @extschema@.make_recording_stats(pg_catalog.numeric, pg_catalog.numeric, pg_catalog.numeric, pg_catalog.numeric) IS
	'Build a recording_stats summary from numeric counts (such as sum() of bigint); a fraction or a value beyond bigint is an error';

-- Equality, hashing and addition

CREATE FUNCTION @extschema@.recording_stats_eq(@extschema@.recording_stats, @extschema@.recording_stats) RETURNS pg_catalog.bool
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.recording_stats_ne(@extschema@.recording_stats, @extschema@.recording_stats) RETURNS pg_catalog.bool
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.recording_stats_hash(@extschema@.recording_stats) RETURNS pg_catalog.int4
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.recording_stats_add(@extschema@.recording_stats, @extschema@.recording_stats) RETURNS @extschema@.recording_stats
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.recording_stats_eq(@extschema@.recording_stats, @extschema@.recording_stats) IS
	'True when all four counts are equal';
COMMENT ON FUNCTION @extschema@.recording_stats_ne(@extschema@.recording_stats, @extschema@.recording_stats) IS
	'True when any count differs';
COMMENT ON FUNCTION @extschema@.recording_stats_hash(@extschema@.recording_stats) IS
	'Hash of a summary, for hash joins and hashed grouping';
COMMENT ON FUNCTION @extschema@.recording_stats_add(@extschema@.recording_stats, @extschema@.recording_stats) IS
	'Sum of two summaries; raises an error on bigint overflow';

CREATE OPERATOR @extschema@.= (
	LEFTARG = @extschema@.recording_stats, RIGHTARG = @extschema@.recording_stats,
	FUNCTION = @extschema@.recording_stats_eq,
	COMMUTATOR = OPERATOR(@extschema@.=), NEGATOR = OPERATOR(@extschema@.<>),
	RESTRICT = pg_catalog.eqsel, JOIN = pg_catalog.eqjoinsel,
	HASHES
);
CREATE OPERATOR @extschema@.<> (
	LEFTARG = @extschema@.recording_stats, RIGHTARG = @extschema@.recording_stats,
	FUNCTION = @extschema@.recording_stats_ne,
	COMMUTATOR = OPERATOR(@extschema@.<>), NEGATOR = OPERATOR(@extschema@.=),
	RESTRICT = pg_catalog.neqsel, JOIN = pg_catalog.neqjoinsel
);
CREATE OPERATOR @extschema@.+ (
	LEFTARG = @extschema@.recording_stats, RIGHTARG = @extschema@.recording_stats,
	FUNCTION = @extschema@.recording_stats_add,
	COMMUTATOR = OPERATOR(@extschema@.+)
);

CREATE OPERATOR CLASS @extschema@.recording_stats_hash_ops
	DEFAULT FOR TYPE @extschema@.recording_stats USING hash AS
	OPERATOR 1 @extschema@.= (@extschema@.recording_stats, @extschema@.recording_stats),
	FUNCTION 1 @extschema@.recording_stats_hash(@extschema@.recording_stats);

-- ---------------------------------------------------------------------
-- Aggregates
--
-- recording_stats_merge is rollup()'s transition function and the combine
-- function of all three aggregates (whose states are never NULL); a NULL
-- summary given to rollup() is an error, not skipped.
-- ---------------------------------------------------------------------

CREATE FUNCTION @extschema@.recording_stats_accum(@extschema@.recording_stats, pg_catalog.bool)
	RETURNS @extschema@.recording_stats
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
CREATE FUNCTION @extschema@.recording_stats_accum_inv(@extschema@.recording_stats, pg_catalog.bool)
	RETURNS @extschema@.recording_stats
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
CREATE FUNCTION @extschema@.recording_stats_accum_timely(@extschema@.recording_stats, pg_catalog.bool, pg_catalog.bool)
	RETURNS @extschema@.recording_stats
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
CREATE FUNCTION @extschema@.recording_stats_accum_timely_inv(@extschema@.recording_stats, pg_catalog.bool, pg_catalog.bool)
	RETURNS @extschema@.recording_stats
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
CREATE FUNCTION @extschema@.recording_stats_merge(@extschema@.recording_stats, @extschema@.recording_stats)
	RETURNS @extschema@.recording_stats
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
CREATE FUNCTION @extschema@.recording_stats_unmerge(@extschema@.recording_stats, @extschema@.recording_stats)
	RETURNS @extschema@.recording_stats
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.recording_stats_accum(@extschema@.recording_stats, pg_catalog.bool) IS
	'Transition function of recording_stats(boolean): adds one referral (NULL = unknown)';
COMMENT ON FUNCTION @extschema@.recording_stats_accum_inv(@extschema@.recording_stats, pg_catalog.bool) IS
	'Inverse transition function of recording_stats(boolean), for moving window frames';
COMMENT ON FUNCTION @extschema@.recording_stats_accum_timely(@extschema@.recording_stats, pg_catalog.bool, pg_catalog.bool) IS
	'Transition function of recording_stats(boolean, boolean): adds one referral and its timeliness';
COMMENT ON FUNCTION @extschema@.recording_stats_accum_timely_inv(@extschema@.recording_stats, pg_catalog.bool, pg_catalog.bool) IS
	'Inverse transition function of recording_stats(boolean, boolean), for moving window frames';
COMMENT ON FUNCTION @extschema@.recording_stats_merge(@extschema@.recording_stats, @extschema@.recording_stats) IS
	'Transition function of rollup() and combine function of the recording_stats aggregates; a NULL summary is an error';
COMMENT ON FUNCTION @extschema@.recording_stats_unmerge(@extschema@.recording_stats, @extschema@.recording_stats) IS
	'Inverse transition function of rollup(), for moving window frames; a NULL summary is an error';

CREATE AGGREGATE @extschema@.recording_stats(recorded pg_catalog.bool) (
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
COMMENT ON AGGREGATE @extschema@.recording_stats(pg_catalog.bool) IS
	'Summarise referrals, one row each: true = recorded, false = not recorded, NULL = unknown';

CREATE AGGREGATE @extschema@.recording_stats(recorded pg_catalog.bool, timely pg_catalog.bool) (
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
COMMENT ON AGGREGATE @extschema@.recording_stats(pg_catalog.bool, pg_catalog.bool) IS
	'Summarise referrals with timeliness: timely = true counts a referral recorded within the deadline';

CREATE AGGREGATE @extschema@.rollup(@extschema@.recording_stats) (
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
COMMENT ON AGGREGATE @extschema@.rollup(@extschema@.recording_stats) IS
	'Sum stored recording_stats summaries; a NULL summary is an error (filter with WHERE s IS NOT NULL)';

-- ---------------------------------------------------------------------
-- Accessors
-- ---------------------------------------------------------------------

CREATE FUNCTION @extschema@.referrals(@extschema@.recording_stats) RETURNS pg_catalog.int8
	AS 'MODULE_PATHNAME', 'referrals' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.recorded(@extschema@.recording_stats) RETURNS pg_catalog.int8
	AS 'MODULE_PATHNAME', 'recorded' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.unknown(@extschema@.recording_stats) RETURNS pg_catalog.int8
	AS 'MODULE_PATHNAME', 'unknown' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.timely(@extschema@.recording_stats) RETURNS pg_catalog.int8
	AS 'MODULE_PATHNAME', 'timely' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.recording_ratio(@extschema@.recording_stats) RETURNS pg_catalog.float8
	AS 'MODULE_PATHNAME', 'recording_ratio' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.recording_gap(@extschema@.recording_stats) RETURNS pg_catalog.int8
	AS 'MODULE_PATHNAME', 'recording_gap' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.confirmed_gap(@extschema@.recording_stats) RETURNS pg_catalog.int8
	AS 'MODULE_PATHNAME', 'confirmed_gap' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.completeness(@extschema@.recording_stats) RETURNS pg_catalog.float8
	AS 'MODULE_PATHNAME', 'completeness' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.timeliness_ratio(@extschema@.recording_stats) RETURNS pg_catalog.float8
	AS 'MODULE_PATHNAME', 'timeliness_ratio' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.ratio_bounds_lower(@extschema@.recording_stats) RETURNS pg_catalog.float8
	AS 'MODULE_PATHNAME', 'ratio_bounds_lower' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.ratio_bounds_upper(@extschema@.recording_stats) RETURNS pg_catalog.float8
	AS 'MODULE_PATHNAME', 'ratio_bounds_upper' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.referrals(@extschema@.recording_stats) IS
	'Number of referrals';
COMMENT ON FUNCTION @extschema@.recorded(@extschema@.recording_stats) IS
	'Number of referrals that led to a crime record';
COMMENT ON FUNCTION @extschema@.unknown(@extschema@.recording_stats) IS
	'Number of referrals whose linkage to a crime record is unknown';
COMMENT ON FUNCTION @extschema@.timely(@extschema@.recording_stats) IS
	'Number of referrals recorded within the deadline';
COMMENT ON FUNCTION @extschema@.recording_ratio(@extschema@.recording_stats) IS
	'recorded / referrals; NULL when there are no referrals';
COMMENT ON FUNCTION @extschema@.recording_gap(@extschema@.recording_stats) IS
	'referrals - recorded';
COMMENT ON FUNCTION @extschema@.confirmed_gap(@extschema@.recording_stats) IS
	'referrals - recorded - unknown: referrals known not to be recorded';
COMMENT ON FUNCTION @extschema@.completeness(@extschema@.recording_stats) IS
	'Share of referrals whose outcome is known; NULL when there are no referrals';
COMMENT ON FUNCTION @extschema@.timeliness_ratio(@extschema@.recording_stats) IS
	'timely / recorded; NULL when nothing was recorded';
COMMENT ON FUNCTION @extschema@.ratio_bounds_lower(@extschema@.recording_stats) IS
	'Worst-case ratio, every unknown not recorded: recorded / referrals';
COMMENT ON FUNCTION @extschema@.ratio_bounds_upper(@extschema@.recording_stats) IS
	'Best-case ratio, every unknown recorded: (recorded + unknown) / referrals';

-- Ratio and gap over published totals, for every integer type and numeric

CREATE FUNCTION @extschema@.recording_ratio(referrals pg_catalog.int8, recorded pg_catalog.int8)
	RETURNS pg_catalog.float8
	AS 'MODULE_PATHNAME', 'recording_ratio_totals'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
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
CREATE FUNCTION @extschema@.recording_gap(referrals pg_catalog.int8, recorded pg_catalog.int8)
	RETURNS pg_catalog.int8
	AS 'MODULE_PATHNAME', 'recording_gap_totals'
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
COMMENT ON FUNCTION @extschema@.recording_ratio(pg_catalog.int8, pg_catalog.int8) IS
	'recorded / referrals over published totals; NULL when referrals is 0';
COMMENT ON FUNCTION @extschema@.recording_ratio(pg_catalog.int2, pg_catalog.int2) IS
	'recorded / referrals over published smallint totals; NULL when referrals is 0';
COMMENT ON FUNCTION @extschema@.recording_ratio(pg_catalog.int4, pg_catalog.int4) IS
	'recorded / referrals over published integer totals; NULL when referrals is 0';
COMMENT ON FUNCTION @extschema@.recording_ratio(pg_catalog.numeric, pg_catalog.numeric) IS
	'recorded / referrals over published numeric totals (whole numbers); NULL when referrals is 0';
COMMENT ON FUNCTION @extschema@.recording_gap(pg_catalog.int8, pg_catalog.int8) IS
	'referrals - recorded over published totals';
COMMENT ON FUNCTION @extschema@.recording_gap(pg_catalog.int2, pg_catalog.int2) IS
	'referrals - recorded over published smallint totals';
COMMENT ON FUNCTION @extschema@.recording_gap(pg_catalog.int4, pg_catalog.int4) IS
	'referrals - recorded over published integer totals';
COMMENT ON FUNCTION @extschema@.recording_gap(pg_catalog.numeric, pg_catalog.numeric) IS
	'referrals - recorded over published numeric totals (whole numbers)';

-- ---------------------------------------------------------------------
-- Export: numbers, not one text cell.  to_json(), to_jsonb() and the
-- json(b)_build_* functions look for a cast to json, the :: operator on
-- jsonb for a cast to jsonb; both exist.
-- ---------------------------------------------------------------------

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
