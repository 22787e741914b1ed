
-- ---------------------------------------------------------------------
-- Change intervals, trends, multiple comparisons and audit samples
-- (src/change_interval.c, src/trend.c, src/padjust.c, src/audit.c over
-- src/core/newcombe.c, trend.c, padjust.c, audit.c)
-- ---------------------------------------------------------------------

-- Change between two periods, with Newcombe's interval

CREATE FUNCTION @extschema@.change_lower(before @extschema@.recording_stats,
										 after @extschema@.recording_stats,
										 level double precision DEFAULT 0.95)
	RETURNS double precision
	AS 'MODULE_PATHNAME', 'change_lower'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.change_upper(before @extschema@.recording_stats,
										 after @extschema@.recording_stats,
										 level double precision DEFAULT 0.95)
	RETURNS double precision
	AS 'MODULE_PATHNAME', 'change_upper'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.change_lower(@extschema@.recording_stats, @extschema@.recording_stats, double precision) IS
	'Lower end of Newcombe''s hybrid score interval (1998, method 10) for ratio(after) - ratio(before), taken with before at its best case and after at its worst; NULL when either has no referrals';
COMMENT ON FUNCTION @extschema@.change_upper(@extschema@.recording_stats, @extschema@.recording_stats, double precision) IS
	'Upper end of Newcombe''s hybrid score interval (1998, method 10) for ratio(after) - ratio(before), taken with before at its worst case and after at its best; NULL when either has no referrals';

-- Trend over ordered periods

CREATE TYPE @extschema@.trend_direction AS ENUM
	('improving', 'worsening', 'no_trend', 'no_data', 'undetermined');
COMMENT ON TYPE @extschema@.trend_direction IS
	'Direction of a linear trend in the recording ratio over ordered periods, allowing for unknown outcomes';

CREATE FUNCTION @extschema@.trend_accum(internal, double precision, @extschema@.recording_stats)
	RETURNS internal
	AS 'MODULE_PATHNAME', 'trend_accum'
	LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
CREATE FUNCTION @extschema@.trend_accum(internal, double precision, @extschema@.recording_stats,
										double precision)
	RETURNS internal
	AS 'MODULE_PATHNAME', 'trend_accum'
	LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
CREATE FUNCTION @extschema@.trend_combine(internal, internal)
	RETURNS internal
	AS 'MODULE_PATHNAME', 'trend_combine'
	LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
CREATE FUNCTION @extschema@.trend_serialize(internal)
	RETURNS bytea
	AS 'MODULE_PATHNAME', 'trend_serialize'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.trend_deserialize(bytea, internal)
	RETURNS internal
	AS 'MODULE_PATHNAME', 'trend_deserialize'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.trend_p_value_final(internal)
	RETURNS double precision
	AS 'MODULE_PATHNAME', 'trend_p_value_final'
	LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
CREATE FUNCTION @extschema@.recording_trend_final(internal)
	RETURNS @extschema@.trend_direction
	AS 'MODULE_PATHNAME', 'recording_trend_final'
	LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.trend_accum(internal, double precision, @extschema@.recording_stats) IS
	'Transition function of trend_p_value and recording_trend(score, s): adds the counts to the period of that score; a NULL score or summary is an error';
COMMENT ON FUNCTION @extschema@.trend_accum(internal, double precision, @extschema@.recording_stats, double precision) IS
	'Transition function of recording_trend(score, s, alpha): adds the counts to the period of that score; alpha must be the same for every row';
COMMENT ON FUNCTION @extschema@.trend_combine(internal, internal) IS
	'Combine function of trend_p_value and recording_trend: adds the counts period by period';
COMMENT ON FUNCTION @extschema@.trend_serialize(internal) IS
	'Serialisation function of trend_p_value and recording_trend';
COMMENT ON FUNCTION @extschema@.trend_deserialize(bytea, internal) IS
	'Deserialisation function of trend_p_value and recording_trend';
COMMENT ON FUNCTION @extschema@.trend_p_value_final(internal) IS
	'Final function of trend_p_value: the chi-squared test for trend in proportions';
COMMENT ON FUNCTION @extschema@.recording_trend_final(internal) IS
	'Final function of recording_trend: the direction of the trend when every resolution of the unknowns agrees, undetermined otherwise';

CREATE AGGREGATE @extschema@.trend_p_value(score double precision, s @extschema@.recording_stats) (
	SFUNC = @extschema@.trend_accum,
	STYPE = internal,
	COMBINEFUNC = @extschema@.trend_combine,
	SERIALFUNC = @extschema@.trend_serialize,
	DESERIALFUNC = @extschema@.trend_deserialize,
	FINALFUNC = @extschema@.trend_p_value_final,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.trend_p_value(double precision, @extschema@.recording_stats) IS
	'p-value of the chi-squared test for a linear trend in recorded / referrals over the scores (Cochran-Armitage, as R''s prop.trend.test); NULL when any period has unknowns, when fewer than two scores have referrals, or when every referral has the same outcome';

CREATE AGGREGATE @extschema@.recording_trend(score double precision, s @extschema@.recording_stats) (
	SFUNC = @extschema@.trend_accum,
	STYPE = internal,
	COMBINEFUNC = @extschema@.trend_combine,
	SERIALFUNC = @extschema@.trend_serialize,
	DESERIALFUNC = @extschema@.trend_deserialize,
	FINALFUNC = @extschema@.recording_trend_final,
	PARALLEL = SAFE
);
CREATE AGGREGATE @extschema@.recording_trend(score double precision, s @extschema@.recording_stats,
											 alpha double precision) (
	SFUNC = @extschema@.trend_accum,
	STYPE = internal,
	COMBINEFUNC = @extschema@.trend_combine,
	SERIALFUNC = @extschema@.trend_serialize,
	DESERIALFUNC = @extschema@.trend_deserialize,
	FINALFUNC = @extschema@.recording_trend_final,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.recording_trend(double precision, @extschema@.recording_stats) IS
	'recording_trend(score, s, 0.05)';
COMMENT ON AGGREGATE @extschema@.recording_trend(double precision, @extschema@.recording_stats, double precision) IS
	'improving or worsening when the trend test is significant at alpha in that direction for every resolution of the unknowns, no_trend when for none, undetermined otherwise; no_data when fewer than two scores have referrals';

-- Multiple comparisons

CREATE FUNCTION @extschema@.p_adjust(p double precision, method text DEFAULT 'holm')
	RETURNS double precision
	AS 'MODULE_PATHNAME', 'p_adjust'
	LANGUAGE C IMMUTABLE CALLED ON NULL INPUT WINDOW PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.p_adjust(double precision, text) IS
	'Window function: the p-value adjusted for the multiple comparisons of its window partition, as R''s p.adjust (holm, hochberg, hommel, bonferroni, BH or fdr, BY, none); NULL p-values stay NULL and are not counted';

-- Audit samples

CREATE FUNCTION @extschema@.unrecorded_estimate(s @extschema@.recording_stats, recorded_total bigint)
	RETURNS double precision
	AS 'MODULE_PATHNAME', 'unrecorded_estimate'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.unrecorded_estimate_lower(s @extschema@.recording_stats, recorded_total bigint,
													  level double precision DEFAULT 0.95)
	RETURNS double precision
	AS 'MODULE_PATHNAME', 'unrecorded_estimate_lower'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.unrecorded_estimate_upper(s @extschema@.recording_stats, recorded_total bigint,
													  level double precision DEFAULT 0.95)
	RETURNS double precision
	AS 'MODULE_PATHNAME', 'unrecorded_estimate_upper'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.unrecorded_estimate(@extschema@.recording_stats, bigint) IS
	'Crimes left unrecorded, estimated from an audit sample s as recorded_total * (1 - r) / r, r = recorded / referrals (unknowns not recorded); Infinity when r = 0; NULL when the sample is empty, or r = 0 and recorded_total = 0';
COMMENT ON FUNCTION @extschema@.unrecorded_estimate_lower(@extschema@.recording_stats, bigint, double precision) IS
	'Lower end of the interval of unrecorded_estimate: recorded_total * (1 - u) / u with u the Wilson upper limit of the best case (recorded + unknown) / referrals';
COMMENT ON FUNCTION @extschema@.unrecorded_estimate_upper(@extschema@.recording_stats, bigint, double precision) IS
	'Upper end of the interval of unrecorded_estimate: recorded_total * (1 - l) / l with l the Wilson lower limit of the worst case recorded / referrals; Infinity when l = 0';
