
-- ---------------------------------------------------------------------
-- Statistics 0.2.0 (src/statistics.c, src/funnel.c over src/core/binomial.c
-- and src/core/funnel.c)
--
-- The unknowns rule: a summary has referrals n, recorded x, unknown u.  The
-- worst case counts the unknowns as not recorded (x of n), the best case as
-- recorded (x + u of n).  Every flag is computed at the extremes and given
-- only when every resolution of the unknowns gives the same answer;
-- otherwise it is 'undetermined'.  The 0.1.0 functions keep their C symbols,
-- which now follow the rule.
-- ---------------------------------------------------------------------

ALTER TYPE @extschema@.funnel_position ADD VALUE 'undetermined';
COMMENT ON TYPE @extschema@.funnel_position IS
	'Position of a recording ratio against funnel-plot limits; undetermined when the worst and best cases of the unknowns fall in different positions';

ALTER TYPE @extschema@.recording_change ADD VALUE 'undetermined';
COMMENT ON TYPE @extschema@.recording_change IS
	'Direction of a change in the recording ratio between two periods; undetermined when it depends on how unknown outcomes resolve';

-- Intervals: which case each one describes

COMMENT ON FUNCTION @extschema@.ci_lower(@extschema@.recording_stats, double precision, text) IS
	'Lower end of a confidence interval for recorded / referrals, the worst case (unknown counted as not recorded); wilson, clopper_pearson, jeffreys, agresti_coull or wald; NULL when there are no referrals';
COMMENT ON FUNCTION @extschema@.ci_upper(@extschema@.recording_stats, double precision, text) IS
	'Upper end of a confidence interval for recorded / referrals, the worst case (unknown counted as not recorded); wilson, clopper_pearson, jeffreys, agresti_coull or wald; NULL when there are no referrals';

CREATE FUNCTION @extschema@.ci_bounds_lower(s @extschema@.recording_stats,
											level double precision DEFAULT 0.95,
											method text DEFAULT 'wilson')
	RETURNS double precision
	AS 'MODULE_PATHNAME', 'recording_stats_ci_bounds_lower'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.ci_bounds_upper(s @extschema@.recording_stats,
											level double precision DEFAULT 0.95,
											method text DEFAULT 'wilson')
	RETURNS double precision
	AS 'MODULE_PATHNAME', 'recording_stats_ci_bounds_upper'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ci_bounds_lower(@extschema@.recording_stats, double precision, text) IS
	'Lower end of the interval that accounts for unknowns: the lower limit of the worst case, recorded / referrals; equals ci_lower without unknowns; NULL when there are no referrals';
COMMENT ON FUNCTION @extschema@.ci_bounds_upper(@extschema@.recording_stats, double precision, text) IS
	'Upper end of the interval that accounts for unknowns: the upper limit of the best case, (recorded + unknown) / referrals; equals ci_upper without unknowns; NULL when there are no referrals';

-- Funnels and change under the unknowns rule

COMMENT ON FUNCTION @extschema@.funnel_position(@extschema@.recording_stats, double precision, double precision, double precision) IS
	'low, within or high: the position of recorded / referrals against the exact funnel limits (widened by sqrt(phi) when phi > 1) at both the worst and the best case of the unknowns; undetermined when they differ; NULL for 0 referrals';
COMMENT ON FUNCTION @extschema@.funnel_phi_accum(internal, @extschema@.recording_stats, double precision) IS
	'Transition function of funnel_phi: keeps the (referrals, recorded) pair of each unit whose outcomes are all known';
COMMENT ON AGGREGATE @extschema@.funnel_phi(@extschema@.recording_stats, double precision) IS
	'Overdispersion factor of units around a target: mean of squared z-scores winsorised at their 10th and 90th percentiles; estimated from the units whose outcomes are all known (a unit with unknown > 0 is left out)';
COMMENT ON FUNCTION @extschema@.change_p_value(@extschema@.recording_stats, @extschema@.recording_stats) IS
	'Two-sided Fisher exact test p-value of recorded against not recorded in two periods; NULL when either has no referrals or has unknown outcomes (the p-value would depend on how they resolve)';
COMMENT ON FUNCTION @extschema@.recording_change(@extschema@.recording_stats, @extschema@.recording_stats, double precision) IS
	'improved: significant rise (Fisher p < alpha) even with before at its best case and after at its worst; worsened: significant fall even with before at its worst and after at its best; no_change: neither corner favourable to a change is significant; undetermined otherwise; no_data when either period has no referrals';

-- The verdict type is renamed so that recording_verdict('(referrals=..., ...)')
-- calls the function instead of being parsed as a cast to the type.

ALTER TYPE @extschema@.recording_verdict RENAME TO threshold_verdict;
COMMENT ON TYPE @extschema@.threshold_verdict IS
	'Verdict of a recording ratio against a threshold, allowing for unknown outcomes (called recording_verdict before 0.2.0)';

-- Significance-aware verdict: "below beyond chance".  The 2- and 1-argument
-- forms stay "below by a margin" (best-case ratio under the threshold).

CREATE FUNCTION @extschema@.recording_verdict(s @extschema@.recording_stats,
											  threshold double precision,
											  level double precision,
											  method text DEFAULT 'wilson')
	RETURNS @extschema@.threshold_verdict
	AS 'MODULE_PATHNAME', 'recording_stats_verdict_ci'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.recording_verdict(@extschema@.recording_stats, double precision, double precision, text) IS
	'Below beyond chance: below when ci_bounds_upper(s, level, method) < threshold, meets when ci_bounds_lower(s, level, method) >= threshold, otherwise undetermined; no_referrals when there are no referrals';
COMMENT ON FUNCTION @extschema@.recording_verdict(@extschema@.recording_stats, double precision) IS
	'Below by a margin: below if even the best case (recorded + unknown) / referrals is under the threshold, meets if the worst case recorded / referrals reaches it, otherwise undetermined; no_referrals when there are no referrals';
