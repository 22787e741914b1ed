
-- ---------------------------------------------------------------------
-- Numeric forms for the arguments users type as literals
-- (src/literals.c)
--
-- A decimal literal such as 0.95 is numeric, and the parameters it is
-- given to (level, threshold, target, alpha, phi, tau2, the stepwise
-- p-value threshold) are double precision.  Were there only the double
-- precision form, a function of the same name taking numeric, created by
-- anyone in any schema on a user's search_path, even one after the
-- extension's, would match the call exactly and take it.  So each such
-- function, aggregate and transition function has a numeric form here,
-- with the same result, volatility, strictness and parallel label.  All of
-- them are one C function, numeric_literal_form, which converts the numeric
-- arguments to double precision and calls its double precision twin (same
-- name, same schema, numeric replaced by double precision): the same
-- answers and the same errors, and the same-named function of a later
-- schema is hidden by the extension's.
--
-- A numeric form covers calls whose literal arguments are all decimal
-- literals or numeric expressions (0.95, 884.0 / 3001).  Integer literals
-- and unknown-typed literals ('0.9') still resolve to the double precision
-- form, which PostgreSQL prefers among numeric types; a call mixing a
-- double precision column with a numeric literal does too.  Those calls
-- stay safe only while no untrusted role can create objects in a schema on
-- the search_path (README, "Install").
--
-- The first defaulted literal parameter of a double precision form has no
-- default in its numeric form, so that calls leaving it out, such as
-- ci_lower(s), still have exactly one candidate.  Everything here is
-- created after the objects it stands beside (sql/current/20 to 50).
-- ---------------------------------------------------------------------

CREATE FUNCTION @extschema@.ci_lower(s @extschema@.recording_stats, level pg_catalog.numeric, method pg_catalog.text DEFAULT 'wilson')
	RETURNS pg_catalog.float8
	AS 'MODULE_PATHNAME', 'numeric_literal_form'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ci_lower(@extschema@.recording_stats, pg_catalog.numeric, pg_catalog.text) IS
	'ci_lower(s, level, method) with numeric arguments, such as the literal 0.95: the double precision form called with them converted';

CREATE FUNCTION @extschema@.ci_upper(s @extschema@.recording_stats, level pg_catalog.numeric, method pg_catalog.text DEFAULT 'wilson')
	RETURNS pg_catalog.float8
	AS 'MODULE_PATHNAME', 'numeric_literal_form'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ci_upper(@extschema@.recording_stats, pg_catalog.numeric, pg_catalog.text) IS
	'ci_upper(s, level, method) with numeric arguments, such as the literal 0.95: the double precision form called with them converted';

CREATE FUNCTION @extschema@.ci_bounds_lower(s @extschema@.recording_stats, level pg_catalog.numeric, method pg_catalog.text DEFAULT 'wilson')
	RETURNS pg_catalog.float8
	AS 'MODULE_PATHNAME', 'numeric_literal_form'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ci_bounds_lower(@extschema@.recording_stats, pg_catalog.numeric, pg_catalog.text) IS
	'ci_bounds_lower(s, level, method) with numeric arguments, such as the literal 0.95: the double precision form called with them converted';

CREATE FUNCTION @extschema@.ci_bounds_upper(s @extschema@.recording_stats, level pg_catalog.numeric, method pg_catalog.text DEFAULT 'wilson')
	RETURNS pg_catalog.float8
	AS 'MODULE_PATHNAME', 'numeric_literal_form'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ci_bounds_upper(@extschema@.recording_stats, pg_catalog.numeric, pg_catalog.text) IS
	'ci_bounds_upper(s, level, method) with numeric arguments, such as the literal 0.95: the double precision form called with them converted';

CREATE FUNCTION @extschema@.recording_verdict(s @extschema@.recording_stats, threshold pg_catalog.numeric)
	RETURNS @extschema@.threshold_verdict
	AS 'MODULE_PATHNAME', 'numeric_literal_form'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.recording_verdict(@extschema@.recording_stats, pg_catalog.numeric) IS
	'recording_verdict(s, threshold) with numeric arguments, such as the literal 0.95: the double precision form called with them converted';

CREATE FUNCTION @extschema@.recording_verdict(s @extschema@.recording_stats, threshold pg_catalog.numeric, level pg_catalog.numeric, method pg_catalog.text DEFAULT 'wilson')
	RETURNS @extschema@.threshold_verdict
	AS 'MODULE_PATHNAME', 'numeric_literal_form'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.recording_verdict(@extschema@.recording_stats, pg_catalog.numeric, pg_catalog.numeric, pg_catalog.text) IS
	'recording_verdict(s, threshold, level, method) with numeric arguments, such as the literal 0.95: the double precision form called with them converted';

CREATE FUNCTION @extschema@.below_threshold(s @extschema@.recording_stats, threshold pg_catalog.numeric)
	RETURNS pg_catalog.bool
	AS 'MODULE_PATHNAME', 'numeric_literal_form'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.below_threshold(@extschema@.recording_stats, pg_catalog.numeric) IS
	'below_threshold(s, threshold) with numeric arguments, such as the literal 0.95: the double precision form called with them converted';

CREATE FUNCTION @extschema@.funnel_lower(referrals pg_catalog.int8, target pg_catalog.numeric, level pg_catalog.numeric DEFAULT 0.998)
	RETURNS pg_catalog.float8
	AS 'MODULE_PATHNAME', 'numeric_literal_form'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.funnel_lower(pg_catalog.int8, pg_catalog.numeric, pg_catalog.numeric) IS
	'funnel_lower(referrals, target, level) with numeric arguments, such as the literal 0.95: the double precision form called with them converted';

CREATE FUNCTION @extschema@.funnel_upper(referrals pg_catalog.int8, target pg_catalog.numeric, level pg_catalog.numeric DEFAULT 0.998)
	RETURNS pg_catalog.float8
	AS 'MODULE_PATHNAME', 'numeric_literal_form'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.funnel_upper(pg_catalog.int8, pg_catalog.numeric, pg_catalog.numeric) IS
	'funnel_upper(referrals, target, level) with numeric arguments, such as the literal 0.95: the double precision form called with them converted';

CREATE FUNCTION @extschema@.funnel_lower_phi(referrals pg_catalog.int8, target pg_catalog.numeric, phi pg_catalog.numeric, level pg_catalog.numeric DEFAULT 0.998)
	RETURNS pg_catalog.float8
	AS 'MODULE_PATHNAME', 'numeric_literal_form'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.funnel_lower_phi(pg_catalog.int8, pg_catalog.numeric, pg_catalog.numeric, pg_catalog.numeric) IS
	'funnel_lower_phi(referrals, target, phi, level) with numeric arguments, such as the literal 0.95: the double precision form called with them converted';

CREATE FUNCTION @extschema@.funnel_upper_phi(referrals pg_catalog.int8, target pg_catalog.numeric, phi pg_catalog.numeric, level pg_catalog.numeric DEFAULT 0.998)
	RETURNS pg_catalog.float8
	AS 'MODULE_PATHNAME', 'numeric_literal_form'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.funnel_upper_phi(pg_catalog.int8, pg_catalog.numeric, pg_catalog.numeric, pg_catalog.numeric) IS
	'funnel_upper_phi(referrals, target, phi, level) with numeric arguments, such as the literal 0.95: the double precision form called with them converted';

CREATE FUNCTION @extschema@.funnel_lower_tau2(referrals pg_catalog.int8, target pg_catalog.numeric, tau2 pg_catalog.numeric, level pg_catalog.numeric DEFAULT 0.998)
	RETURNS pg_catalog.float8
	AS 'MODULE_PATHNAME', 'numeric_literal_form'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.funnel_lower_tau2(pg_catalog.int8, pg_catalog.numeric, pg_catalog.numeric, pg_catalog.numeric) IS
	'funnel_lower_tau2(referrals, target, tau2, level) with numeric arguments, such as the literal 0.95: the double precision form called with them converted';

CREATE FUNCTION @extschema@.funnel_upper_tau2(referrals pg_catalog.int8, target pg_catalog.numeric, tau2 pg_catalog.numeric, level pg_catalog.numeric DEFAULT 0.998)
	RETURNS pg_catalog.float8
	AS 'MODULE_PATHNAME', 'numeric_literal_form'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.funnel_upper_tau2(pg_catalog.int8, pg_catalog.numeric, pg_catalog.numeric, pg_catalog.numeric) IS
	'funnel_upper_tau2(referrals, target, tau2, level) with numeric arguments, such as the literal 0.95: the double precision form called with them converted';

CREATE FUNCTION @extschema@.funnel_position(s @extschema@.recording_stats, target pg_catalog.numeric, level pg_catalog.numeric DEFAULT 0.998, phi pg_catalog.numeric DEFAULT 1)
	RETURNS @extschema@.funnel_position
	AS 'MODULE_PATHNAME', 'numeric_literal_form'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.funnel_position(@extschema@.recording_stats, pg_catalog.numeric, pg_catalog.numeric, pg_catalog.numeric) IS
	'funnel_position(s, target, level, phi) with numeric arguments, such as the literal 0.95: the double precision form called with them converted';

CREATE FUNCTION @extschema@.funnel_position_tau2(s @extschema@.recording_stats, target pg_catalog.numeric, tau2 pg_catalog.numeric, level pg_catalog.numeric DEFAULT 0.998)
	RETURNS @extschema@.funnel_position
	AS 'MODULE_PATHNAME', 'numeric_literal_form'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.funnel_position_tau2(@extschema@.recording_stats, pg_catalog.numeric, pg_catalog.numeric, pg_catalog.numeric) IS
	'funnel_position_tau2(s, target, tau2, level) with numeric arguments, such as the literal 0.95: the double precision form called with them converted';

CREATE FUNCTION @extschema@.funnel_z(s @extschema@.recording_stats, target pg_catalog.numeric)
	RETURNS pg_catalog.float8
	AS 'MODULE_PATHNAME', 'numeric_literal_form'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.funnel_z(@extschema@.recording_stats, pg_catalog.numeric) IS
	'funnel_z(s, target) with numeric arguments, such as the literal 0.95: the double precision form called with them converted';

CREATE FUNCTION @extschema@.funnel_z(s @extschema@.recording_stats, target pg_catalog.numeric, tau2 pg_catalog.numeric)
	RETURNS pg_catalog.float8
	AS 'MODULE_PATHNAME', 'numeric_literal_form'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.funnel_z(@extschema@.recording_stats, pg_catalog.numeric, pg_catalog.numeric) IS
	'funnel_z(s, target, tau2) with numeric arguments, such as the literal 0.95: the double precision form called with them converted';

CREATE FUNCTION @extschema@.funnel_p_value(s @extschema@.recording_stats, target pg_catalog.numeric)
	RETURNS pg_catalog.float8
	AS 'MODULE_PATHNAME', 'numeric_literal_form'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.funnel_p_value(@extschema@.recording_stats, pg_catalog.numeric) IS
	'funnel_p_value(s, target) with numeric arguments, such as the literal 0.95: the double precision form called with them converted';

CREATE FUNCTION @extschema@.recording_change(before @extschema@.recording_stats, after @extschema@.recording_stats, alpha pg_catalog.numeric)
	RETURNS @extschema@.recording_change
	AS 'MODULE_PATHNAME', 'numeric_literal_form'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.recording_change(@extschema@.recording_stats, @extschema@.recording_stats, pg_catalog.numeric) IS
	'recording_change(before, after, alpha) with numeric arguments, such as the literal 0.95: the double precision form called with them converted';

CREATE FUNCTION @extschema@.mse_lower(fit @extschema@.mse_result, level pg_catalog.numeric)
	RETURNS pg_catalog.float8
	AS 'MODULE_PATHNAME', 'numeric_literal_form'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.mse_lower(@extschema@.mse_result, pg_catalog.numeric) IS
	'mse_lower(fit, level) with numeric arguments, such as the literal 0.95: the double precision form called with them converted';

CREATE FUNCTION @extschema@.mse_upper(fit @extschema@.mse_result, level pg_catalog.numeric)
	RETURNS pg_catalog.float8
	AS 'MODULE_PATHNAME', 'numeric_literal_form'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.mse_upper(@extschema@.mse_result, pg_catalog.numeric) IS
	'mse_upper(fit, level) with numeric arguments, such as the literal 0.95: the double precision form called with them converted';

CREATE FUNCTION @extschema@.change_lower(before @extschema@.recording_stats, after @extschema@.recording_stats, level pg_catalog.numeric)
	RETURNS pg_catalog.float8
	AS 'MODULE_PATHNAME', 'numeric_literal_form'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.change_lower(@extschema@.recording_stats, @extschema@.recording_stats, pg_catalog.numeric) IS
	'change_lower(before, after, level) with numeric arguments, such as the literal 0.95: the double precision form called with them converted';

CREATE FUNCTION @extschema@.change_upper(before @extschema@.recording_stats, after @extschema@.recording_stats, level pg_catalog.numeric)
	RETURNS pg_catalog.float8
	AS 'MODULE_PATHNAME', 'numeric_literal_form'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.change_upper(@extschema@.recording_stats, @extschema@.recording_stats, pg_catalog.numeric) IS
	'change_upper(before, after, level) with numeric arguments, such as the literal 0.95: the double precision form called with them converted';

CREATE FUNCTION @extschema@.unrecorded_estimate_lower(s @extschema@.recording_stats, recorded_total pg_catalog.int8, level pg_catalog.numeric)
	RETURNS pg_catalog.float8
	AS 'MODULE_PATHNAME', 'numeric_literal_form'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.unrecorded_estimate_lower(@extschema@.recording_stats, pg_catalog.int8, pg_catalog.numeric) IS
	'unrecorded_estimate_lower(s, recorded_total, level) with numeric arguments, such as the literal 0.95: the double precision form called with them converted';

CREATE FUNCTION @extschema@.unrecorded_estimate_upper(s @extschema@.recording_stats, recorded_total pg_catalog.int8, level pg_catalog.numeric)
	RETURNS pg_catalog.float8
	AS 'MODULE_PATHNAME', 'numeric_literal_form'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.unrecorded_estimate_upper(@extschema@.recording_stats, pg_catalog.int8, pg_catalog.numeric) IS
	'unrecorded_estimate_upper(s, recorded_total, level) with numeric arguments, such as the literal 0.95: the double precision form called with them converted';
-- Aggregates: a numeric overload of the transition function, and the same
-- final, combine, serialise and deserialise functions.

CREATE FUNCTION @extschema@.funnel_phi_accum(internal, @extschema@.recording_stats, pg_catalog.numeric) RETURNS internal
	AS 'MODULE_PATHNAME', 'numeric_literal_form' LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
CREATE FUNCTION @extschema@.funnel_tau2_accum(internal, @extschema@.recording_stats, pg_catalog.numeric) RETURNS internal
	AS 'MODULE_PATHNAME', 'numeric_literal_form' LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
CREATE FUNCTION @extschema@.trend_accum(internal, pg_catalog.float8, @extschema@.recording_stats, pg_catalog.numeric) RETURNS internal
	AS 'MODULE_PATHNAME', 'numeric_literal_form' LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
CREATE FUNCTION @extschema@.funnel_plot_svg_accum(internal, pg_catalog.text, @extschema@.recording_stats, pg_catalog.numeric) RETURNS internal
	AS 'MODULE_PATHNAME', 'numeric_literal_form' LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
CREATE FUNCTION @extschema@.funnel_plot_svg_accum(internal, pg_catalog.text, @extschema@.recording_stats, pg_catalog.numeric, pg_catalog.text) RETURNS internal
	AS 'MODULE_PATHNAME', 'numeric_literal_form' LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
CREATE FUNCTION @extschema@.funnel_plot_svg_accum(internal, pg_catalog.text, @extschema@.recording_stats, pg_catalog.numeric, pg_catalog.text, pg_catalog.jsonb) RETURNS internal
	AS 'MODULE_PATHNAME', 'numeric_literal_form' LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
CREATE FUNCTION @extschema@.ratio_chart_svg_accum(internal, pg_catalog.date, @extschema@.recording_stats, pg_catalog.text, pg_catalog.numeric) RETURNS internal
	AS 'MODULE_PATHNAME', 'numeric_literal_form' LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
CREATE FUNCTION @extschema@.mse_fit_trans_opts(internal, pg_catalog.bool[], pg_catalog.int8, pg_catalog.text, pg_catalog.text[], pg_catalog.numeric) RETURNS internal
	AS 'MODULE_PATHNAME', 'numeric_literal_form' LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
CREATE FUNCTION @extschema@.mse_fit_trans_int_opts(internal, pg_catalog.int4[], pg_catalog.int8, pg_catalog.text, pg_catalog.text[], pg_catalog.numeric) RETURNS internal
	AS 'MODULE_PATHNAME', 'numeric_literal_form' LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.funnel_phi_accum(internal, @extschema@.recording_stats, pg_catalog.numeric) IS
	'Transition function of funnel_phi(s, numeric target): its double precision form called with the target converted';
COMMENT ON FUNCTION @extschema@.funnel_tau2_accum(internal, @extschema@.recording_stats, pg_catalog.numeric) IS
	'Transition function of funnel_tau2(s, numeric target): its double precision form called with the target converted';
COMMENT ON FUNCTION @extschema@.trend_accum(internal, pg_catalog.float8, @extschema@.recording_stats, pg_catalog.numeric) IS
	'Transition function of recording_trend(score, s, numeric alpha): its double precision form called with alpha converted';
COMMENT ON FUNCTION @extschema@.funnel_plot_svg_accum(internal, pg_catalog.text, @extschema@.recording_stats, pg_catalog.numeric) IS
	'Transition function of funnel_plot_svg(label, s, numeric target): its double precision form called with the target converted';
COMMENT ON FUNCTION @extschema@.funnel_plot_svg_accum(internal, pg_catalog.text, @extschema@.recording_stats, pg_catalog.numeric, pg_catalog.text) IS
	'Transition function of funnel_plot_svg(label, s, numeric target, title): its double precision form called with the target converted';
COMMENT ON FUNCTION @extschema@.funnel_plot_svg_accum(internal, pg_catalog.text, @extschema@.recording_stats, pg_catalog.numeric, pg_catalog.text, pg_catalog.jsonb) IS
	'Transition function of funnel_plot_svg(label, s, numeric target, title, options): its double precision form called with the target converted';
COMMENT ON FUNCTION @extschema@.ratio_chart_svg_accum(internal, pg_catalog.date, @extschema@.recording_stats, pg_catalog.text, pg_catalog.numeric) IS
	'Transition function of ratio_chart_svg(period, s, series, numeric threshold): its double precision form called with the threshold converted';
COMMENT ON FUNCTION @extschema@.mse_fit_trans_opts(internal, pg_catalog.bool[], pg_catalog.int8, pg_catalog.text, pg_catalog.text[], pg_catalog.numeric) IS
	'Transition function of mse_fit(boolean[], bigint, text, text[], numeric p_threshold): its double precision form called with the threshold converted';
COMMENT ON FUNCTION @extschema@.mse_fit_trans_int_opts(internal, pg_catalog.int4[], pg_catalog.int8, pg_catalog.text, pg_catalog.text[], pg_catalog.numeric) IS
	'Transition function of mse_fit(integer[], bigint, text, text[], numeric p_threshold): its double precision form called with the threshold converted';

CREATE AGGREGATE @extschema@.funnel_phi(s @extschema@.recording_stats, target pg_catalog.numeric) (
	SFUNC = @extschema@.funnel_phi_accum,
	STYPE = internal,
	COMBINEFUNC = @extschema@.funnel_phi_combine,
	SERIALFUNC = @extschema@.funnel_phi_serialize,
	DESERIALFUNC = @extschema@.funnel_phi_deserialize,
	FINALFUNC = @extschema@.funnel_phi_final,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.funnel_phi(@extschema@.recording_stats, pg_catalog.numeric) IS
	'funnel_phi(s, target) with a numeric target, such as the literal 0.3: the same value as the double precision form';

CREATE AGGREGATE @extschema@.funnel_tau2(s @extschema@.recording_stats, target pg_catalog.numeric) (
	SFUNC = @extschema@.funnel_tau2_accum,
	STYPE = internal,
	COMBINEFUNC = @extschema@.funnel_phi_combine,
	SERIALFUNC = @extschema@.funnel_phi_serialize,
	DESERIALFUNC = @extschema@.funnel_phi_deserialize,
	FINALFUNC = @extschema@.funnel_tau2_final,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.funnel_tau2(@extschema@.recording_stats, pg_catalog.numeric) IS
	'funnel_tau2(s, target) with a numeric target, such as the literal 0.3: the same value as the double precision form';

CREATE AGGREGATE @extschema@.recording_trend(score pg_catalog.float8, s @extschema@.recording_stats,
											 alpha pg_catalog.numeric) (
	SFUNC = @extschema@.trend_accum,
	STYPE = internal,
	COMBINEFUNC = @extschema@.trend_combine,
	SERIALFUNC = @extschema@.trend_serialize,
	DESERIALFUNC = @extschema@.trend_deserialize,
	FINALFUNC = @extschema@.recording_trend_final,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.recording_trend(pg_catalog.float8, @extschema@.recording_stats, pg_catalog.numeric) IS
	'recording_trend(score, s, alpha) with a numeric alpha, such as the literal 0.01: the same value as the double precision form';

CREATE AGGREGATE @extschema@.funnel_plot_svg(label pg_catalog.text, s @extschema@.recording_stats,
											 target pg_catalog.numeric) (
	SFUNC = @extschema@.funnel_plot_svg_accum,
	STYPE = internal,
	FINALFUNC = @extschema@.funnel_plot_svg_final,
	PARALLEL = SAFE
);
CREATE AGGREGATE @extschema@.funnel_plot_svg(label pg_catalog.text, s @extschema@.recording_stats,
											 target pg_catalog.numeric, title pg_catalog.text) (
	SFUNC = @extschema@.funnel_plot_svg_accum,
	STYPE = internal,
	FINALFUNC = @extschema@.funnel_plot_svg_final,
	PARALLEL = SAFE
);
CREATE AGGREGATE @extschema@.funnel_plot_svg(label pg_catalog.text, s @extschema@.recording_stats,
											 target pg_catalog.numeric, title pg_catalog.text,
											 options pg_catalog.jsonb) (
	SFUNC = @extschema@.funnel_plot_svg_accum,
	STYPE = internal,
	FINALFUNC = @extschema@.funnel_plot_svg_final,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.funnel_plot_svg(pg_catalog.text, @extschema@.recording_stats, pg_catalog.numeric) IS
	'funnel_plot_svg(label, s, target) with a numeric target, such as the literal 0.3: the same picture as the double precision form';
COMMENT ON AGGREGATE @extschema@.funnel_plot_svg(pg_catalog.text, @extschema@.recording_stats, pg_catalog.numeric, pg_catalog.text) IS
	'funnel_plot_svg(label, s, target, title) with a numeric target: the same picture as the double precision form';
COMMENT ON AGGREGATE @extschema@.funnel_plot_svg(pg_catalog.text, @extschema@.recording_stats, pg_catalog.numeric, pg_catalog.text, pg_catalog.jsonb) IS
	'funnel_plot_svg(label, s, target, title, options) with a numeric target: the same picture as the double precision form';

CREATE AGGREGATE @extschema@.ratio_chart_svg(period pg_catalog.date, s @extschema@.recording_stats,
											 series pg_catalog.text, threshold pg_catalog.numeric) (
	SFUNC = @extschema@.ratio_chart_svg_accum,
	STYPE = internal,
	FINALFUNC = @extschema@.ratio_chart_svg_final,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.ratio_chart_svg(pg_catalog.date, @extschema@.recording_stats, pg_catalog.text, pg_catalog.numeric) IS
	'ratio_chart_svg(period, s, series, threshold) with a numeric threshold, such as the literal 0.9: the same picture as the double precision form';

CREATE AGGREGATE @extschema@.mse_fit(on_lists pg_catalog.bool[], n pg_catalog.int8, model pg_catalog.text,
									 list_names pg_catalog.text[], p_threshold pg_catalog.numeric) (
	SFUNC = @extschema@.mse_fit_trans_opts,
	STYPE = internal,
	FINALFUNC = @extschema@.mse_fit_final,
	COMBINEFUNC = @extschema@.mse_fit_combine,
	SERIALFUNC = @extschema@.mse_fit_serialize,
	DESERIALFUNC = @extschema@.mse_fit_deserialize,
	PARALLEL = SAFE
);
CREATE AGGREGATE @extschema@.mse_fit(on_lists pg_catalog.int4[], n pg_catalog.int8, model pg_catalog.text,
									 list_names pg_catalog.text[], p_threshold pg_catalog.numeric) (
	SFUNC = @extschema@.mse_fit_trans_int_opts,
	STYPE = internal,
	FINALFUNC = @extschema@.mse_fit_final,
	COMBINEFUNC = @extschema@.mse_fit_combine,
	SERIALFUNC = @extschema@.mse_fit_serialize,
	DESERIALFUNC = @extschema@.mse_fit_deserialize,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.mse_fit(pg_catalog.bool[], pg_catalog.int8, pg_catalog.text, pg_catalog.text[], pg_catalog.numeric) IS
	'mse_fit(on_lists, n, model, list_names, p_threshold) with a numeric threshold, such as the literal 0.02: the same fit as the double precision form';
COMMENT ON AGGREGATE @extschema@.mse_fit(pg_catalog.int4[], pg_catalog.int8, pg_catalog.text, pg_catalog.text[], pg_catalog.numeric) IS
	'mse_fit(on_lists, n, model, list_names, p_threshold) over 0/1 integer patterns with a numeric threshold: the same fit as the double precision form';
