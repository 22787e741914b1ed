
-- ---------------------------------------------------------------------
-- Statistics: confidence intervals, threshold verdicts, funnel plots and
-- change between periods (src/statistics.c, src/funnel.c over
-- src/core/binomial.c and src/core/funnel.c)
--
-- The unknowns rule: a summary has referrals n, recorded x, unknown u.  The
-- worst case counts the unknowns as not recorded (x of n), the best case as
-- recorded (x + u of n).  Every flag is given only when every resolution of
-- the unknowns gives the same answer; otherwise it is 'undetermined'.
-- ---------------------------------------------------------------------

-- Confidence intervals: ci_* describe the worst case, ci_bounds_* the
-- interval that accounts for the unknowns.

CREATE FUNCTION @extschema@.ci_lower(s @extschema@.recording_stats,
									 level pg_catalog.float8 DEFAULT 0.95,
									 method pg_catalog.text DEFAULT 'wilson')
	RETURNS pg_catalog.float8
	AS 'MODULE_PATHNAME', 'ci_lower'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.ci_upper(s @extschema@.recording_stats,
									 level pg_catalog.float8 DEFAULT 0.95,
									 method pg_catalog.text DEFAULT 'wilson')
	RETURNS pg_catalog.float8
	AS 'MODULE_PATHNAME', 'ci_upper'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ci_lower(@extschema@.recording_stats, pg_catalog.float8, pg_catalog.text) IS
	'Lower end of a confidence interval for recorded / referrals, the worst case (unknown counted as not recorded); wilson, clopper_pearson, jeffreys, agresti_coull or wald; NULL when there are no referrals';
COMMENT ON FUNCTION @extschema@.ci_upper(@extschema@.recording_stats, pg_catalog.float8, pg_catalog.text) IS
	'Upper end of a confidence interval for recorded / referrals, the worst case (unknown counted as not recorded); wilson, clopper_pearson, jeffreys, agresti_coull or wald; NULL when there are no referrals';

CREATE FUNCTION @extschema@.ci_bounds_lower(s @extschema@.recording_stats,
											level pg_catalog.float8 DEFAULT 0.95,
											method pg_catalog.text DEFAULT 'wilson')
	RETURNS pg_catalog.float8
	AS 'MODULE_PATHNAME', 'ci_bounds_lower'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.ci_bounds_upper(s @extschema@.recording_stats,
											level pg_catalog.float8 DEFAULT 0.95,
											method pg_catalog.text DEFAULT 'wilson')
	RETURNS pg_catalog.float8
	AS 'MODULE_PATHNAME', 'ci_bounds_upper'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ci_bounds_lower(@extschema@.recording_stats, pg_catalog.float8, pg_catalog.text) IS
	'Lower end of the interval that accounts for unknowns: the lower limit of the worst case, recorded / referrals; equals ci_lower without unknowns; NULL when there are no referrals';
COMMENT ON FUNCTION @extschema@.ci_bounds_upper(@extschema@.recording_stats, pg_catalog.float8, pg_catalog.text) IS
	'Upper end of the interval that accounts for unknowns: the upper limit of the best case, (recorded + unknown) / referrals; equals ci_upper without unknowns; NULL when there are no referrals';

-- Threshold verdicts.  The type is threshold_verdict (recording_verdict
-- before 0.2.0), so that recording_verdict('(referrals=..., ...)') calls the
-- function instead of being parsed as a cast to the type.  The 1- and
-- 2-argument verdicts are "below by a margin" (the best-case ratio under
-- the threshold), the 3- and 4-argument one "below beyond chance".

CREATE TYPE @extschema@.threshold_verdict AS ENUM ('no_referrals', 'below', 'undetermined', 'meets');
COMMENT ON TYPE @extschema@.threshold_verdict IS
	'Verdict of a recording ratio against a threshold, allowing for unknown outcomes (called recording_verdict before 0.2.0)';

CREATE FUNCTION @extschema@.recording_verdict(s @extschema@.recording_stats, threshold pg_catalog.float8)
	RETURNS @extschema@.threshold_verdict
	AS 'MODULE_PATHNAME', 'recording_verdict'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.recording_verdict(s @extschema@.recording_stats)
	RETURNS @extschema@.threshold_verdict
	AS 'MODULE_PATHNAME', 'recording_verdict'
	LANGUAGE C STABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.recording_verdict(s @extschema@.recording_stats,
											  threshold pg_catalog.float8,
											  level pg_catalog.float8,
											  method pg_catalog.text DEFAULT 'wilson')
	RETURNS @extschema@.threshold_verdict
	AS 'MODULE_PATHNAME', 'recording_verdict_ci'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.below_threshold(s @extschema@.recording_stats, threshold pg_catalog.float8)
	RETURNS pg_catalog.bool
	AS 'MODULE_PATHNAME', 'below_threshold'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.recording_verdict(@extschema@.recording_stats, pg_catalog.float8) IS
	'Below by a margin: below if even the best case (recorded + unknown) / referrals is under the threshold, meets if the worst case recorded / referrals reaches it, otherwise undetermined; no_referrals when there are no referrals';
COMMENT ON FUNCTION @extschema@.recording_verdict(@extschema@.recording_stats) IS
	'recording_verdict(s, threshold) at the threshold set by recording_gap.threshold';
COMMENT ON FUNCTION @extschema@.recording_verdict(@extschema@.recording_stats, pg_catalog.float8, pg_catalog.float8, pg_catalog.text) IS
	'Below beyond chance: below when ci_bounds_upper(s, level, method) < threshold, meets when ci_bounds_lower(s, level, method) >= threshold, otherwise undetermined; no_referrals when there are no referrals';
COMMENT ON FUNCTION @extschema@.below_threshold(@extschema@.recording_stats, pg_catalog.float8) IS
	'True when recording_verdict(s, threshold) is below, false when it meets; NULL when undetermined (the unknown outcomes decide) or when there are no referrals';

-- Funnel plots: exact binomial limits, positions under the unknowns rule,
-- and FunnelPlotR's z-scores, p-values and overdispersion (multiplicative
-- phi, additive tau2 by DerSimonian-Laird on winsorised arcsine z-scores).
-- The phi and tau2 forms have names of their own rather than overloads
-- with defaulted parameters, so that no call is ambiguous.

CREATE FUNCTION @extschema@.funnel_lower(referrals pg_catalog.int8, target pg_catalog.float8,
										 level pg_catalog.float8 DEFAULT 0.998)
	RETURNS pg_catalog.float8
	AS 'MODULE_PATHNAME', 'funnel_lower'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.funnel_upper(referrals pg_catalog.int8, target pg_catalog.float8,
										 level pg_catalog.float8 DEFAULT 0.998)
	RETURNS pg_catalog.float8
	AS 'MODULE_PATHNAME', 'funnel_upper'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.funnel_lower(pg_catalog.int8, pg_catalog.float8, pg_catalog.float8) IS
	'Lower funnel-plot limit for a proportion: exact binomial with Spiegelhalter''s interpolation; NULL for 0 referrals';
COMMENT ON FUNCTION @extschema@.funnel_upper(pg_catalog.int8, pg_catalog.float8, pg_catalog.float8) IS
	'Upper funnel-plot limit for a proportion: exact binomial with Spiegelhalter''s interpolation; NULL for 0 referrals';

CREATE FUNCTION @extschema@.funnel_lower_phi(referrals pg_catalog.int8, target pg_catalog.float8,
											 phi pg_catalog.float8,
											 level pg_catalog.float8 DEFAULT 0.998)
	RETURNS pg_catalog.float8
	AS 'MODULE_PATHNAME', 'funnel_lower_phi'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.funnel_upper_phi(referrals pg_catalog.int8, target pg_catalog.float8,
											 phi pg_catalog.float8,
											 level pg_catalog.float8 DEFAULT 0.998)
	RETURNS pg_catalog.float8
	AS 'MODULE_PATHNAME', 'funnel_upper_phi'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.funnel_lower_phi(pg_catalog.int8, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8) IS
	'Lower funnel limit widened for multiplicative overdispersion: target + sqrt(phi) (funnel_lower - target) when phi > 1, clipped to [0, 1]; funnel_lower when phi <= 1; NULL for 0 referrals';
COMMENT ON FUNCTION @extschema@.funnel_upper_phi(pg_catalog.int8, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8) IS
	'Upper funnel limit widened for multiplicative overdispersion: target + sqrt(phi) (funnel_upper - target) when phi > 1, clipped to [0, 1]; funnel_upper when phi <= 1; NULL for 0 referrals';

CREATE FUNCTION @extschema@.funnel_lower_tau2(referrals pg_catalog.int8, target pg_catalog.float8,
											  tau2 pg_catalog.float8,
											  level pg_catalog.float8 DEFAULT 0.998)
	RETURNS pg_catalog.float8
	AS 'MODULE_PATHNAME', 'funnel_lower_tau2'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.funnel_upper_tau2(referrals pg_catalog.int8, target pg_catalog.float8,
											  tau2 pg_catalog.float8,
											  level pg_catalog.float8 DEFAULT 0.998)
	RETURNS pg_catalog.float8
	AS 'MODULE_PATHNAME', 'funnel_upper_tau2'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.funnel_lower_tau2(pg_catalog.int8, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8) IS
	'Lower funnel limit with additive overdispersion (FunnelPlotR, proportions): sin^2(asin(sqrt(target)) - z sqrt(1/(4 referrals) + tau2)), the angle clipped to [0, pi/2]; funnel_lower when tau2 = 0; NULL for 0 referrals';
COMMENT ON FUNCTION @extschema@.funnel_upper_tau2(pg_catalog.int8, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8) IS
	'Upper funnel limit with additive overdispersion (FunnelPlotR, proportions): sin^2(asin(sqrt(target)) + z sqrt(1/(4 referrals) + tau2)), the angle clipped to [0, pi/2]; funnel_upper when tau2 = 0; NULL for 0 referrals';

CREATE TYPE @extschema@.funnel_position AS ENUM ('low', 'within', 'high', 'undetermined');
COMMENT ON TYPE @extschema@.funnel_position IS
	'Position of a recording ratio against funnel-plot limits; undetermined when the worst and best cases of the unknowns fall in different positions';

CREATE FUNCTION @extschema@.funnel_position(s @extschema@.recording_stats, target pg_catalog.float8,
											level pg_catalog.float8 DEFAULT 0.998,
											phi pg_catalog.float8 DEFAULT 1)
	RETURNS @extschema@.funnel_position
	AS 'MODULE_PATHNAME', 'funnel_position'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.funnel_position_tau2(s @extschema@.recording_stats,
												 target pg_catalog.float8,
												 tau2 pg_catalog.float8,
												 level pg_catalog.float8 DEFAULT 0.998)
	RETURNS @extschema@.funnel_position
	AS 'MODULE_PATHNAME', 'funnel_position_tau2'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.funnel_position(@extschema@.recording_stats, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8) IS
	'low, within or high: the position of recorded / referrals against the exact funnel limits (widened by sqrt(phi) when phi > 1) at both the worst and the best case of the unknowns; undetermined when they differ; NULL for 0 referrals';
COMMENT ON FUNCTION @extschema@.funnel_position_tau2(@extschema@.recording_stats, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8) IS
	'low, within or high against funnel_lower_tau2 and funnel_upper_tau2, at both the worst and the best case of the unknowns; undetermined when they differ; NULL for 0 referrals';

CREATE FUNCTION @extschema@.funnel_z(s @extschema@.recording_stats, target pg_catalog.float8)
	RETURNS pg_catalog.float8
	AS 'MODULE_PATHNAME', 'funnel_z'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.funnel_z(s @extschema@.recording_stats, target pg_catalog.float8,
									 tau2 pg_catalog.float8)
	RETURNS pg_catalog.float8
	AS 'MODULE_PATHNAME', 'funnel_z_tau2'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.funnel_z(@extschema@.recording_stats, pg_catalog.float8) IS
	'FunnelPlotR''s z-score for proportions: 2 sqrt(referrals) (asin(sqrt(recorded / referrals)) - asin(sqrt(target))); NULL for 0 referrals or when unknown > 0';
COMMENT ON FUNCTION @extschema@.funnel_z(@extschema@.recording_stats, pg_catalog.float8, pg_catalog.float8) IS
	'FunnelPlotR''s overdispersion-adjusted z-score for proportions: (asin(sqrt(recorded / referrals)) - asin(sqrt(target))) / sqrt(1/(4 referrals) + tau2); NULL for 0 referrals or when unknown > 0';

CREATE FUNCTION @extschema@.funnel_p_value(s @extschema@.recording_stats, target pg_catalog.float8)
	RETURNS pg_catalog.float8
	AS 'MODULE_PATHNAME', 'funnel_p_value'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.funnel_p_value(@extschema@.recording_stats, pg_catalog.float8) IS
	'Two-sided exact binomial p-value of recorded of referrals against target, as R''s binom.test: the probability of the outcomes no more likely than the one observed (relative tolerance 1e-7), at most 1; NULL for 0 referrals or when unknown > 0';

-- Overdispersion aggregates: funnel_phi and funnel_tau2 share their state
-- (the (referrals, recorded) pairs of the units whose outcomes are all
-- known) and its combine, serialise and deserialise functions.

CREATE FUNCTION @extschema@.funnel_phi_accum(internal, @extschema@.recording_stats, pg_catalog.float8) RETURNS internal
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
CREATE FUNCTION @extschema@.funnel_tau2_accum(internal, @extschema@.recording_stats, pg_catalog.float8) RETURNS internal
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
CREATE FUNCTION @extschema@.funnel_phi_combine(internal, internal) RETURNS internal
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
CREATE FUNCTION @extschema@.funnel_phi_serialize(internal) RETURNS pg_catalog.bytea
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.funnel_phi_deserialize(pg_catalog.bytea, internal) RETURNS internal
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.funnel_phi_final(internal) RETURNS pg_catalog.float8
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
CREATE FUNCTION @extschema@.funnel_tau2_final(internal) RETURNS pg_catalog.float8
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.funnel_phi_accum(internal, @extschema@.recording_stats, pg_catalog.float8) IS
	'Transition function of funnel_phi: keeps the (referrals, recorded) pair of each unit whose outcomes are all known';
COMMENT ON FUNCTION @extschema@.funnel_tau2_accum(internal, @extschema@.recording_stats, pg_catalog.float8) IS
	'Transition function of funnel_tau2: keeps the (referrals, recorded) pair of each unit whose outcomes are all known';
COMMENT ON FUNCTION @extschema@.funnel_phi_combine(internal, internal) IS
	'Combine function of funnel_phi and funnel_tau2';
COMMENT ON FUNCTION @extschema@.funnel_phi_serialize(internal) IS
	'Serialisation function of funnel_phi and funnel_tau2';
COMMENT ON FUNCTION @extschema@.funnel_phi_deserialize(pg_catalog.bytea, internal) IS
	'Deserialisation function of funnel_phi and funnel_tau2';
COMMENT ON FUNCTION @extschema@.funnel_phi_final(internal) IS
	'Final function of funnel_phi: mean of the winsorised squared z-scores';
COMMENT ON FUNCTION @extschema@.funnel_tau2_final(internal) IS
	'Final function of funnel_tau2: DerSimonian-Laird tau2 from the winsorised arcsine z-scores';

CREATE AGGREGATE @extschema@.funnel_phi(s @extschema@.recording_stats, target pg_catalog.float8) (
	SFUNC = @extschema@.funnel_phi_accum,
	STYPE = internal,
	COMBINEFUNC = @extschema@.funnel_phi_combine,
	SERIALFUNC = @extschema@.funnel_phi_serialize,
	DESERIALFUNC = @extschema@.funnel_phi_deserialize,
	FINALFUNC = @extschema@.funnel_phi_final,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.funnel_phi(@extschema@.recording_stats, pg_catalog.float8) IS
	'Overdispersion factor of units around a target: mean of squared z-scores winsorised at their 10th and 90th percentiles; estimated from the units whose outcomes are all known (a unit with unknown > 0 is left out)';

CREATE AGGREGATE @extschema@.funnel_tau2(s @extschema@.recording_stats, target pg_catalog.float8) (
	SFUNC = @extschema@.funnel_tau2_accum,
	STYPE = internal,
	COMBINEFUNC = @extschema@.funnel_phi_combine,
	SERIALFUNC = @extschema@.funnel_phi_serialize,
	DESERIALFUNC = @extschema@.funnel_phi_deserialize,
	FINALFUNC = @extschema@.funnel_tau2_final,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.funnel_tau2(@extschema@.recording_stats, pg_catalog.float8) IS
	'Additive overdispersion tau2 of units around a target, as FunnelPlotR for proportions: arcsine z-scores winsorised at their 10th and 90th percentiles, phi their mean square, tau2 = max(0, (k phi - (k - 1)) / (sum w - sum w^2 / sum w)) with w = 4 referrals; estimated from the units whose outcomes are all known; NULL with fewer than two';

-- Change between two periods: Fisher's exact test, under the unknowns rule

CREATE FUNCTION @extschema@.change_p_value(before @extschema@.recording_stats, after @extschema@.recording_stats)
	RETURNS pg_catalog.float8
	AS 'MODULE_PATHNAME', 'change_p_value'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.change_p_value(@extschema@.recording_stats, @extschema@.recording_stats) IS
	'Two-sided Fisher exact test p-value of recorded against not recorded in two periods; NULL when either has no referrals or has unknown outcomes (the p-value would depend on how they resolve)';

CREATE TYPE @extschema@.recording_change AS ENUM ('improved', 'worsened', 'no_change', 'no_data', 'undetermined');
COMMENT ON TYPE @extschema@.recording_change IS
	'Direction of a change in the recording ratio between two periods; undetermined when it depends on how unknown outcomes resolve';

CREATE FUNCTION @extschema@.recording_change(before @extschema@.recording_stats, after @extschema@.recording_stats,
											 alpha pg_catalog.float8 DEFAULT 0.05)
	RETURNS @extschema@.recording_change
	AS 'MODULE_PATHNAME', 'recording_change'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.recording_change(@extschema@.recording_stats, @extschema@.recording_stats, pg_catalog.float8) IS
	'improved: significant rise (Fisher p < alpha) even with before at its best case and after at its worst; worsened: significant fall even with before at its worst and after at its best; no_change: neither corner favourable to a change is significant; undetermined otherwise; no_data when either period has no referrals';
