
-- ---------------------------------------------------------------------
-- Capture-recapture: multiple systems estimation over 2 to 15 lists
-- ---------------------------------------------------------------------

CREATE TYPE mse_result;

CREATE FUNCTION mse_result_in(cstring) RETURNS mse_result
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION mse_result_out(mse_result) RETURNS cstring
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION mse_result_recv(internal) RETURNS mse_result
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION mse_result_send(mse_result) RETURNS bytea
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE mse_result (
	INPUT = mse_result_in,
	OUTPUT = mse_result_out,
	RECEIVE = mse_result_recv,
	SEND = mse_result_send,
	INTERNALLENGTH = VARIABLE,
	ALIGNMENT = int4,
	STORAGE = extended
);
COMMENT ON TYPE mse_result IS
	'A fitted multiple systems estimate: the capture table, the chosen log-linear model and its fitted figures';

COMMENT ON FUNCTION mse_result_in(cstring) IS
	'Text input of mse_result; refits the model to the counts and checks the figures given';
COMMENT ON FUNCTION mse_result_out(mse_result) IS
	'Text output of mse_result';
COMMENT ON FUNCTION mse_result_recv(internal) IS
	'Binary input of mse_result; refits the model to the counts and checks the figures given';
COMMENT ON FUNCTION mse_result_send(mse_result) IS
	'Binary output of mse_result';

-- The aggregate

CREATE FUNCTION mse_fit_trans(internal, boolean[], bigint) RETURNS internal
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
CREATE FUNCTION mse_fit_trans_model(internal, boolean[], bigint, text) RETURNS internal
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
CREATE FUNCTION mse_fit_combine(internal, internal) RETURNS internal
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
CREATE FUNCTION mse_fit_serialize(internal) RETURNS bytea
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION mse_fit_deserialize(bytea, internal) RETURNS internal
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION mse_fit_final(internal) RETURNS mse_result
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;

COMMENT ON FUNCTION mse_fit_trans(internal, boolean[], bigint) IS
	'Transition function of mse_fit(boolean[], bigint): adds n people with one capture pattern';
COMMENT ON FUNCTION mse_fit_trans_model(internal, boolean[], bigint, text) IS
	'Transition function of mse_fit(boolean[], bigint, text): adds n people with one capture pattern';
COMMENT ON FUNCTION mse_fit_combine(internal, internal) IS
	'Combine function of mse_fit: adds two capture tables';
COMMENT ON FUNCTION mse_fit_serialize(internal) IS
	'Serialize function of mse_fit';
COMMENT ON FUNCTION mse_fit_deserialize(bytea, internal) IS
	'Deserialize function of mse_fit; checks every field';
COMMENT ON FUNCTION mse_fit_final(internal) IS
	'Final function of mse_fit: fits the log-linear model; NULL over no rows';

CREATE AGGREGATE mse_fit(on_lists boolean[], n bigint) (
	SFUNC = @extschema@.mse_fit_trans,
	STYPE = internal,
	FINALFUNC = @extschema@.mse_fit_final,
	COMBINEFUNC = @extschema@.mse_fit_combine,
	SERIALFUNC = @extschema@.mse_fit_serialize,
	DESERIALFUNC = @extschema@.mse_fit_deserialize,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE mse_fit(boolean[], bigint) IS
	'Multiple systems estimate from capture patterns and their counts, model chosen by Silverman''s stepwise AIC rule';

CREATE AGGREGATE mse_fit(on_lists boolean[], n bigint, model text) (
	SFUNC = @extschema@.mse_fit_trans_model,
	STYPE = internal,
	FINALFUNC = @extschema@.mse_fit_final,
	COMBINEFUNC = @extschema@.mse_fit_combine,
	SERIALFUNC = @extschema@.mse_fit_serialize,
	DESERIALFUNC = @extschema@.mse_fit_deserialize,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE mse_fit(boolean[], bigint, text) IS
	'Multiple systems estimate from capture patterns and their counts; model: independence, stepwise, or interactions such as ''1:2, 2:5''';

-- Accessors

CREATE FUNCTION mse_estimate(fit mse_result) RETURNS double precision
	AS 'MODULE_PATHNAME', 'mse_result_estimate' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION mse_unobserved(fit mse_result) RETURNS double precision
	AS 'MODULE_PATHNAME', 'mse_result_unobserved' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION mse_observed(fit mse_result) RETURNS bigint
	AS 'MODULE_PATHNAME', 'mse_result_observed' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION mse_lower(fit mse_result, level double precision DEFAULT 0.95) RETURNS double precision
	AS 'MODULE_PATHNAME', 'mse_result_lower' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION mse_upper(fit mse_result, level double precision DEFAULT 0.95) RETURNS double precision
	AS 'MODULE_PATHNAME', 'mse_result_upper' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION mse_model(fit mse_result) RETURNS text
	AS 'MODULE_PATHNAME', 'mse_result_model' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION mse_aic(fit mse_result) RETURNS double precision
	AS 'MODULE_PATHNAME', 'mse_result_aic' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION mse_estimate(mse_result) IS
	'Estimated total population: people observed plus the estimated unobserved count';
COMMENT ON FUNCTION mse_unobserved(mse_result) IS
	'Estimated number of people on no list (the dark figure): exp(intercept)';
COMMENT ON FUNCTION mse_observed(mse_result) IS
	'Number of people observed on at least one list';
COMMENT ON FUNCTION mse_lower(mse_result, double precision) IS
	'Lower limit of the profile-likelihood confidence interval for the total population';
COMMENT ON FUNCTION mse_upper(mse_result, double precision) IS
	'Upper limit of the profile-likelihood confidence interval for the total population';
COMMENT ON FUNCTION mse_model(mse_result) IS
	'Two-list interactions of the fitted model, 1-based list positions in the order added, e.g. [1:2, 2:5]';
COMMENT ON FUNCTION mse_aic(mse_result) IS
	'Akaike information criterion of the fitted Poisson log-linear model';

-- Two lists: Chapman (1951)

CREATE FUNCTION chapman_estimate(n1 bigint, n2 bigint, m bigint) RETURNS double precision
	AS 'MODULE_PATHNAME', 'chapman_estimate' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION chapman_variance(n1 bigint, n2 bigint, m bigint) RETURNS double precision
	AS 'MODULE_PATHNAME', 'chapman_variance' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION chapman_estimate(bigint, bigint, bigint) IS
	'Chapman''s two-list estimate (n1+1)(n2+1)/(m+1) - 1 of the total population';
COMMENT ON FUNCTION chapman_variance(bigint, bigint, bigint) IS
	'Variance of Chapman''s estimate: (n1+1)(n2+1)(n1-m)(n2-m)/((m+1)^2 (m+2))';
