
-- ---------------------------------------------------------------------
-- Statistics: confidence intervals, threshold verdicts, funnel plots and
-- change between periods (src/statistics.c over src/core/binomial.c)
-- ---------------------------------------------------------------------

CREATE FUNCTION ci_lower(s recording_stats, level double precision DEFAULT 0.95,
						 method text DEFAULT 'wilson')
	RETURNS double precision
	AS 'MODULE_PATHNAME', 'recording_stats_ci_lower'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION ci_upper(s recording_stats, level double precision DEFAULT 0.95,
						 method text DEFAULT 'wilson')
	RETURNS double precision
	AS 'MODULE_PATHNAME', 'recording_stats_ci_upper'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION ci_lower(recording_stats, double precision, text) IS
	'Lower end of a confidence interval for recorded / referrals (wilson, clopper_pearson, jeffreys, agresti_coull or wald); NULL when there are no referrals';
COMMENT ON FUNCTION ci_upper(recording_stats, double precision, text) IS
	'Upper end of a confidence interval for recorded / referrals (wilson, clopper_pearson, jeffreys, agresti_coull or wald); NULL when there are no referrals';

-- Threshold verdicts

CREATE TYPE recording_verdict AS ENUM ('no_referrals', 'below', 'undetermined', 'meets');
COMMENT ON TYPE recording_verdict IS
	'Verdict of a recording ratio against a threshold, allowing for unknown outcomes';

CREATE FUNCTION recording_verdict(s recording_stats, threshold double precision)
	RETURNS recording_verdict
	AS 'MODULE_PATHNAME', 'recording_stats_verdict'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION recording_verdict(s recording_stats)
	RETURNS recording_verdict
	AS 'MODULE_PATHNAME', 'recording_stats_verdict'
	LANGUAGE C STABLE STRICT PARALLEL SAFE;
CREATE FUNCTION below_threshold(s recording_stats, threshold double precision)
	RETURNS boolean
	AS 'MODULE_PATHNAME', 'recording_stats_below_threshold'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION recording_verdict(recording_stats, double precision) IS
	'below if even the best case (recorded + unknown) / referrals is under the threshold, meets if the worst case recorded / referrals reaches it, otherwise undetermined';
COMMENT ON FUNCTION recording_verdict(recording_stats) IS
	'recording_verdict(s, threshold) at the threshold set by recording_gap.threshold';
COMMENT ON FUNCTION below_threshold(recording_stats, double precision) IS
	'True exactly when recording_verdict(s, threshold) is below; NULL when there are no referrals';

-- Funnel plots

CREATE FUNCTION funnel_lower(referrals bigint, target double precision,
							 level double precision DEFAULT 0.998)
	RETURNS double precision
	AS 'MODULE_PATHNAME', 'recording_funnel_lower'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION funnel_upper(referrals bigint, target double precision,
							 level double precision DEFAULT 0.998)
	RETURNS double precision
	AS 'MODULE_PATHNAME', 'recording_funnel_upper'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION funnel_lower(bigint, double precision, double precision) IS
	'Lower funnel-plot limit for a proportion: exact binomial with Spiegelhalter''s interpolation; NULL for 0 referrals';
COMMENT ON FUNCTION funnel_upper(bigint, double precision, double precision) IS
	'Upper funnel-plot limit for a proportion: exact binomial with Spiegelhalter''s interpolation; NULL for 0 referrals';

CREATE TYPE funnel_position AS ENUM ('low', 'within', 'high');
COMMENT ON TYPE funnel_position IS
	'Position of a recording ratio against funnel-plot limits';

CREATE FUNCTION funnel_position(s recording_stats, target double precision,
								level double precision DEFAULT 0.998,
								phi double precision DEFAULT 1)
	RETURNS funnel_position
	AS 'MODULE_PATHNAME', 'recording_stats_funnel_position'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION funnel_position(recording_stats, double precision, double precision, double precision) IS
	'low, within or high: recorded / referrals against the funnel limits, widened by sqrt(phi) when phi > 1; NULL for 0 referrals';

CREATE FUNCTION funnel_phi_accum(internal, recording_stats, double precision) RETURNS internal
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
CREATE FUNCTION funnel_phi_combine(internal, internal) RETURNS internal
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
CREATE FUNCTION funnel_phi_serialize(internal) RETURNS bytea
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION funnel_phi_deserialize(bytea, internal) RETURNS internal
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION funnel_phi_final(internal) RETURNS double precision
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
COMMENT ON FUNCTION funnel_phi_accum(internal, recording_stats, double precision) IS
	'Transition function of funnel_phi: keeps the (referrals, recorded) pair of each unit';
COMMENT ON FUNCTION funnel_phi_combine(internal, internal) IS
	'Combine function of funnel_phi';
COMMENT ON FUNCTION funnel_phi_serialize(internal) IS
	'Serialisation function of funnel_phi';
COMMENT ON FUNCTION funnel_phi_deserialize(bytea, internal) IS
	'Deserialisation function of funnel_phi';
COMMENT ON FUNCTION funnel_phi_final(internal) IS
	'Final function of funnel_phi: mean of the winsorised squared z-scores';

CREATE AGGREGATE funnel_phi(s recording_stats, target double precision) (
	SFUNC = @extschema@.funnel_phi_accum,
	STYPE = internal,
	COMBINEFUNC = @extschema@.funnel_phi_combine,
	SERIALFUNC = @extschema@.funnel_phi_serialize,
	DESERIALFUNC = @extschema@.funnel_phi_deserialize,
	FINALFUNC = @extschema@.funnel_phi_final,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE funnel_phi(recording_stats, double precision) IS
	'Overdispersion factor of units around a target: mean of squared z-scores winsorised at their 10th and 90th percentiles';

-- Change between periods

CREATE FUNCTION change_p_value(before recording_stats, after recording_stats)
	RETURNS double precision
	AS 'MODULE_PATHNAME', 'recording_stats_change_p_value'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION change_p_value(recording_stats, recording_stats) IS
	'Two-sided Fisher exact test p-value of recorded against not recorded (unknown counted as not recorded) in two periods; NULL when either has no referrals';

CREATE TYPE recording_change AS ENUM ('improved', 'worsened', 'no_change', 'no_data');
COMMENT ON TYPE recording_change IS
	'Direction of a change in the recording ratio between two periods';

CREATE FUNCTION recording_change(before recording_stats, after recording_stats,
								 alpha double precision DEFAULT 0.05)
	RETURNS recording_change
	AS 'MODULE_PATHNAME', 'recording_stats_change'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION recording_change(recording_stats, recording_stats, double precision) IS
	'improved or worsened when change_p_value(before, after) < alpha and the ratio rose or fell; no_change otherwise; no_data when either period has no referrals';
