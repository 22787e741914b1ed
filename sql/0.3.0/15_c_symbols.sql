
-- ---------------------------------------------------------------------
-- C symbols named as their SQL functions (src/old_symbols.c keeps the old
-- names for catalogs not yet updated).  Each function is restated with
-- its 0.2.0 signature, defaults and labels; only the symbol changes.
-- ---------------------------------------------------------------------

CREATE OR REPLACE FUNCTION @extschema@.mse_aic(fit @extschema@.mse_result)
	RETURNS double precision
	AS 'MODULE_PATHNAME', 'mse_aic'
	LANGUAGE C IMMUTABLE PARALLEL SAFE STRICT;
CREATE OR REPLACE FUNCTION @extschema@.mse_estimate(fit @extschema@.mse_result)
	RETURNS double precision
	AS 'MODULE_PATHNAME', 'mse_estimate'
	LANGUAGE C IMMUTABLE PARALLEL SAFE STRICT;
CREATE OR REPLACE FUNCTION @extschema@.mse_lower(fit @extschema@.mse_result, level double precision DEFAULT 0.95)
	RETURNS double precision
	AS 'MODULE_PATHNAME', 'mse_lower'
	LANGUAGE C IMMUTABLE PARALLEL SAFE STRICT;
CREATE OR REPLACE FUNCTION @extschema@.mse_model(fit @extschema@.mse_result)
	RETURNS text
	AS 'MODULE_PATHNAME', 'mse_model'
	LANGUAGE C IMMUTABLE PARALLEL SAFE STRICT;
CREATE OR REPLACE FUNCTION @extschema@.mse_observed(fit @extschema@.mse_result)
	RETURNS bigint
	AS 'MODULE_PATHNAME', 'mse_observed'
	LANGUAGE C IMMUTABLE PARALLEL SAFE STRICT;
CREATE OR REPLACE FUNCTION @extschema@.mse_status(fit @extschema@.mse_result)
	RETURNS text
	AS 'MODULE_PATHNAME', 'mse_status'
	LANGUAGE C IMMUTABLE PARALLEL SAFE STRICT;
CREATE OR REPLACE FUNCTION @extschema@.mse_unobserved(fit @extschema@.mse_result)
	RETURNS double precision
	AS 'MODULE_PATHNAME', 'mse_unobserved'
	LANGUAGE C IMMUTABLE PARALLEL SAFE STRICT;
CREATE OR REPLACE FUNCTION @extschema@.mse_upper(fit @extschema@.mse_result, level double precision DEFAULT 0.95)
	RETURNS double precision
	AS 'MODULE_PATHNAME', 'mse_upper'
	LANGUAGE C IMMUTABLE PARALLEL SAFE STRICT;
CREATE OR REPLACE FUNCTION @extschema@.funnel_lower(referrals bigint, target double precision, level double precision DEFAULT 0.998)
	RETURNS double precision
	AS 'MODULE_PATHNAME', 'funnel_lower'
	LANGUAGE C IMMUTABLE PARALLEL SAFE STRICT;
CREATE OR REPLACE FUNCTION @extschema@.funnel_lower_phi(referrals bigint, target double precision, phi double precision, level double precision DEFAULT 0.998)
	RETURNS double precision
	AS 'MODULE_PATHNAME', 'funnel_lower_phi'
	LANGUAGE C IMMUTABLE PARALLEL SAFE STRICT;
CREATE OR REPLACE FUNCTION @extschema@.funnel_lower_tau2(referrals bigint, target double precision, tau2 double precision, level double precision DEFAULT 0.998)
	RETURNS double precision
	AS 'MODULE_PATHNAME', 'funnel_lower_tau2'
	LANGUAGE C IMMUTABLE PARALLEL SAFE STRICT;
CREATE OR REPLACE FUNCTION @extschema@.funnel_upper(referrals bigint, target double precision, level double precision DEFAULT 0.998)
	RETURNS double precision
	AS 'MODULE_PATHNAME', 'funnel_upper'
	LANGUAGE C IMMUTABLE PARALLEL SAFE STRICT;
CREATE OR REPLACE FUNCTION @extschema@.funnel_upper_phi(referrals bigint, target double precision, phi double precision, level double precision DEFAULT 0.998)
	RETURNS double precision
	AS 'MODULE_PATHNAME', 'funnel_upper_phi'
	LANGUAGE C IMMUTABLE PARALLEL SAFE STRICT;
CREATE OR REPLACE FUNCTION @extschema@.funnel_upper_tau2(referrals bigint, target double precision, tau2 double precision, level double precision DEFAULT 0.998)
	RETURNS double precision
	AS 'MODULE_PATHNAME', 'funnel_upper_tau2'
	LANGUAGE C IMMUTABLE PARALLEL SAFE STRICT;
CREATE OR REPLACE FUNCTION @extschema@.p_adjust(p double precision, method text DEFAULT 'holm'::text)
	RETURNS double precision
	AS 'MODULE_PATHNAME', 'p_adjust'
	LANGUAGE C WINDOW IMMUTABLE PARALLEL SAFE CALLED ON NULL INPUT;
CREATE OR REPLACE FUNCTION @extschema@.below_threshold(s @extschema@.recording_stats, threshold double precision)
	RETURNS boolean
	AS 'MODULE_PATHNAME', 'below_threshold'
	LANGUAGE C IMMUTABLE PARALLEL SAFE STRICT;
CREATE OR REPLACE FUNCTION @extschema@.ratio_bounds_lower(@extschema@.recording_stats)
	RETURNS double precision
	AS 'MODULE_PATHNAME', 'ratio_bounds_lower'
	LANGUAGE C IMMUTABLE PARALLEL SAFE STRICT;
CREATE OR REPLACE FUNCTION @extschema@.ratio_bounds_upper(@extschema@.recording_stats)
	RETURNS double precision
	AS 'MODULE_PATHNAME', 'ratio_bounds_upper'
	LANGUAGE C IMMUTABLE PARALLEL SAFE STRICT;
CREATE OR REPLACE FUNCTION @extschema@.recording_change(before @extschema@.recording_stats, after @extschema@.recording_stats, alpha double precision DEFAULT 0.05)
	RETURNS @extschema@.recording_change
	AS 'MODULE_PATHNAME', 'recording_change'
	LANGUAGE C IMMUTABLE PARALLEL SAFE STRICT;
CREATE OR REPLACE FUNCTION @extschema@.change_lower(before @extschema@.recording_stats, after @extschema@.recording_stats, level double precision DEFAULT 0.95)
	RETURNS double precision
	AS 'MODULE_PATHNAME', 'change_lower'
	LANGUAGE C IMMUTABLE PARALLEL SAFE STRICT;
CREATE OR REPLACE FUNCTION @extschema@.change_p_value(before @extschema@.recording_stats, after @extschema@.recording_stats)
	RETURNS double precision
	AS 'MODULE_PATHNAME', 'change_p_value'
	LANGUAGE C IMMUTABLE PARALLEL SAFE STRICT;
CREATE OR REPLACE FUNCTION @extschema@.change_upper(before @extschema@.recording_stats, after @extschema@.recording_stats, level double precision DEFAULT 0.95)
	RETURNS double precision
	AS 'MODULE_PATHNAME', 'change_upper'
	LANGUAGE C IMMUTABLE PARALLEL SAFE STRICT;
CREATE OR REPLACE FUNCTION @extschema@.ci_bounds_lower(s @extschema@.recording_stats, level double precision DEFAULT 0.95, method text DEFAULT 'wilson'::text)
	RETURNS double precision
	AS 'MODULE_PATHNAME', 'ci_bounds_lower'
	LANGUAGE C IMMUTABLE PARALLEL SAFE STRICT;
CREATE OR REPLACE FUNCTION @extschema@.ci_bounds_upper(s @extschema@.recording_stats, level double precision DEFAULT 0.95, method text DEFAULT 'wilson'::text)
	RETURNS double precision
	AS 'MODULE_PATHNAME', 'ci_bounds_upper'
	LANGUAGE C IMMUTABLE PARALLEL SAFE STRICT;
CREATE OR REPLACE FUNCTION @extschema@.ci_lower(s @extschema@.recording_stats, level double precision DEFAULT 0.95, method text DEFAULT 'wilson'::text)
	RETURNS double precision
	AS 'MODULE_PATHNAME', 'ci_lower'
	LANGUAGE C IMMUTABLE PARALLEL SAFE STRICT;
CREATE OR REPLACE FUNCTION @extschema@.ci_upper(s @extschema@.recording_stats, level double precision DEFAULT 0.95, method text DEFAULT 'wilson'::text)
	RETURNS double precision
	AS 'MODULE_PATHNAME', 'ci_upper'
	LANGUAGE C IMMUTABLE PARALLEL SAFE STRICT;
CREATE OR REPLACE FUNCTION @extschema@.completeness(@extschema@.recording_stats)
	RETURNS double precision
	AS 'MODULE_PATHNAME', 'completeness'
	LANGUAGE C IMMUTABLE PARALLEL SAFE STRICT;
CREATE OR REPLACE FUNCTION @extschema@.confirmed_gap(@extschema@.recording_stats)
	RETURNS bigint
	AS 'MODULE_PATHNAME', 'confirmed_gap'
	LANGUAGE C IMMUTABLE PARALLEL SAFE STRICT;
CREATE OR REPLACE FUNCTION @extschema@.funnel_p_value(s @extschema@.recording_stats, target double precision)
	RETURNS double precision
	AS 'MODULE_PATHNAME', 'funnel_p_value'
	LANGUAGE C IMMUTABLE PARALLEL SAFE STRICT;
CREATE OR REPLACE FUNCTION @extschema@.funnel_position(s @extschema@.recording_stats, target double precision, level double precision DEFAULT 0.998, phi double precision DEFAULT 1)
	RETURNS @extschema@.funnel_position
	AS 'MODULE_PATHNAME', 'funnel_position'
	LANGUAGE C IMMUTABLE PARALLEL SAFE STRICT;
CREATE OR REPLACE FUNCTION @extschema@.funnel_position_tau2(s @extschema@.recording_stats, target double precision, tau2 double precision, level double precision DEFAULT 0.998)
	RETURNS @extschema@.funnel_position
	AS 'MODULE_PATHNAME', 'funnel_position_tau2'
	LANGUAGE C IMMUTABLE PARALLEL SAFE STRICT;
CREATE OR REPLACE FUNCTION @extschema@.funnel_z(s @extschema@.recording_stats, target double precision)
	RETURNS double precision
	AS 'MODULE_PATHNAME', 'funnel_z'
	LANGUAGE C IMMUTABLE PARALLEL SAFE STRICT;
CREATE OR REPLACE FUNCTION @extschema@.funnel_z(s @extschema@.recording_stats, target double precision, tau2 double precision)
	RETURNS double precision
	AS 'MODULE_PATHNAME', 'funnel_z_tau2'
	LANGUAGE C IMMUTABLE PARALLEL SAFE STRICT;
CREATE OR REPLACE FUNCTION @extschema@.recording_gap(@extschema@.recording_stats)
	RETURNS bigint
	AS 'MODULE_PATHNAME', 'recording_gap'
	LANGUAGE C IMMUTABLE PARALLEL SAFE STRICT;
CREATE OR REPLACE FUNCTION @extschema@.recording_ratio(@extschema@.recording_stats)
	RETURNS double precision
	AS 'MODULE_PATHNAME', 'recording_ratio'
	LANGUAGE C IMMUTABLE PARALLEL SAFE STRICT;
CREATE OR REPLACE FUNCTION @extschema@.recorded(@extschema@.recording_stats)
	RETURNS bigint
	AS 'MODULE_PATHNAME', 'recorded'
	LANGUAGE C IMMUTABLE PARALLEL SAFE STRICT;
CREATE OR REPLACE FUNCTION @extschema@.referrals(@extschema@.recording_stats)
	RETURNS bigint
	AS 'MODULE_PATHNAME', 'referrals'
	LANGUAGE C IMMUTABLE PARALLEL SAFE STRICT;
CREATE OR REPLACE FUNCTION @extschema@.timeliness_ratio(@extschema@.recording_stats)
	RETURNS double precision
	AS 'MODULE_PATHNAME', 'timeliness_ratio'
	LANGUAGE C IMMUTABLE PARALLEL SAFE STRICT;
CREATE OR REPLACE FUNCTION @extschema@.timely(@extschema@.recording_stats)
	RETURNS bigint
	AS 'MODULE_PATHNAME', 'timely'
	LANGUAGE C IMMUTABLE PARALLEL SAFE STRICT;
CREATE OR REPLACE FUNCTION @extschema@.unknown(@extschema@.recording_stats)
	RETURNS bigint
	AS 'MODULE_PATHNAME', 'unknown'
	LANGUAGE C IMMUTABLE PARALLEL SAFE STRICT;
CREATE OR REPLACE FUNCTION @extschema@.unrecorded_estimate(s @extschema@.recording_stats, recorded_total bigint)
	RETURNS double precision
	AS 'MODULE_PATHNAME', 'unrecorded_estimate'
	LANGUAGE C IMMUTABLE PARALLEL SAFE STRICT;
CREATE OR REPLACE FUNCTION @extschema@.unrecorded_estimate_lower(s @extschema@.recording_stats, recorded_total bigint, level double precision DEFAULT 0.95)
	RETURNS double precision
	AS 'MODULE_PATHNAME', 'unrecorded_estimate_lower'
	LANGUAGE C IMMUTABLE PARALLEL SAFE STRICT;
CREATE OR REPLACE FUNCTION @extschema@.unrecorded_estimate_upper(s @extschema@.recording_stats, recorded_total bigint, level double precision DEFAULT 0.95)
	RETURNS double precision
	AS 'MODULE_PATHNAME', 'unrecorded_estimate_upper'
	LANGUAGE C IMMUTABLE PARALLEL SAFE STRICT;
CREATE OR REPLACE FUNCTION @extschema@.recording_verdict(s @extschema@.recording_stats)
	RETURNS @extschema@.threshold_verdict
	AS 'MODULE_PATHNAME', 'recording_verdict'
	LANGUAGE C STABLE PARALLEL SAFE STRICT;
CREATE OR REPLACE FUNCTION @extschema@.recording_verdict(s @extschema@.recording_stats, threshold double precision)
	RETURNS @extschema@.threshold_verdict
	AS 'MODULE_PATHNAME', 'recording_verdict'
	LANGUAGE C IMMUTABLE PARALLEL SAFE STRICT;
CREATE OR REPLACE FUNCTION @extschema@.recording_verdict(s @extschema@.recording_stats, threshold double precision, level double precision, method text DEFAULT 'wilson'::text)
	RETURNS @extschema@.threshold_verdict
	AS 'MODULE_PATHNAME', 'recording_verdict_ci'
	LANGUAGE C IMMUTABLE PARALLEL SAFE STRICT;
