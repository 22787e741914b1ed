
-- ---------------------------------------------------------------------
-- Capture-recapture: multiple systems estimation over 2 to 15 lists
-- (src/capture_recapture.c over src/core/mse.c)
--
-- A table that cannot be estimated gives a summary whose figures are NULL
-- and whose mse_status says why; the fit never raises an error for it, so
-- a grouped query returns every group.  mse_result input (text and binary)
-- checks the structure and keeps the figures given, without refitting.
-- ---------------------------------------------------------------------

CREATE TYPE @extschema@.mse_result;

CREATE FUNCTION @extschema@.mse_result_in(pg_catalog.cstring) RETURNS @extschema@.mse_result
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.mse_result_out(@extschema@.mse_result) RETURNS pg_catalog.cstring
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.mse_result_recv(internal) RETURNS @extschema@.mse_result
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.mse_result_send(@extschema@.mse_result) RETURNS pg_catalog.bytea
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE @extschema@.mse_result (
	INPUT = @extschema@.mse_result_in,
	OUTPUT = @extschema@.mse_result_out,
	RECEIVE = @extschema@.mse_result_recv,
	SEND = @extschema@.mse_result_send,
	INTERNALLENGTH = VARIABLE,
	ALIGNMENT = int4,
	STORAGE = extended
);
COMMENT ON TYPE @extschema@.mse_result IS
	'A fitted multiple systems estimate: the capture table, the chosen log-linear model and its fitted figures';

COMMENT ON FUNCTION @extschema@.mse_result_in(pg_catalog.cstring) IS
	'Text input of mse_result; checks the structure, then that the figures follow from the counts and model (likelihood equations, relative 1e-6), without choosing the model again';
COMMENT ON FUNCTION @extschema@.mse_result_out(@extschema@.mse_result) IS
	'Text output of mse_result';
COMMENT ON FUNCTION @extschema@.mse_result_recv(internal) IS
	'Binary input of mse_result (the 0.1.0 and 0.2.0 forms); checks the structure, then that the figures follow from the counts and model, without choosing the model again';
COMMENT ON FUNCTION @extschema@.mse_result_send(@extschema@.mse_result) IS
	'Binary output of mse_result';

-- Equality

CREATE FUNCTION @extschema@.mse_result_eq(@extschema@.mse_result, @extschema@.mse_result) RETURNS pg_catalog.bool
	AS 'MODULE_PATHNAME', 'mse_result_eq' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.mse_result_ne(@extschema@.mse_result, @extschema@.mse_result) RETURNS pg_catalog.bool
	AS 'MODULE_PATHNAME', 'mse_result_ne' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.mse_result_hash(@extschema@.mse_result) RETURNS pg_catalog.int4
	AS 'MODULE_PATHNAME', 'mse_result_hash' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.mse_result_eq(@extschema@.mse_result, @extschema@.mse_result) IS
	'Equality of mse_result: the same printed text (lists and names, model, status, counts and every figure)';
COMMENT ON FUNCTION @extschema@.mse_result_ne(@extschema@.mse_result, @extschema@.mse_result) IS
	'Inequality of mse_result';
COMMENT ON FUNCTION @extschema@.mse_result_hash(@extschema@.mse_result) IS
	'Hash of mse_result, consistent with =';

CREATE OPERATOR @extschema@.= (
	LEFTARG = @extschema@.mse_result,
	RIGHTARG = @extschema@.mse_result,
	FUNCTION = @extschema@.mse_result_eq,
	COMMUTATOR = OPERATOR(@extschema@.=),
	NEGATOR = OPERATOR(@extschema@.<>),
	RESTRICT = pg_catalog.eqsel,
	JOIN = pg_catalog.eqjoinsel,
	HASHES
);
CREATE OPERATOR @extschema@.<> (
	LEFTARG = @extschema@.mse_result,
	RIGHTARG = @extschema@.mse_result,
	FUNCTION = @extschema@.mse_result_ne,
	COMMUTATOR = OPERATOR(@extschema@.<>),
	NEGATOR = OPERATOR(@extschema@.=),
	RESTRICT = pg_catalog.neqsel,
	JOIN = pg_catalog.neqjoinsel
);
COMMENT ON OPERATOR @extschema@.= (@extschema@.mse_result, @extschema@.mse_result) IS
	'Equal: the same printed text (lists and names, model, status, counts and every figure)';
COMMENT ON OPERATOR @extschema@.<> (@extschema@.mse_result, @extschema@.mse_result) IS
	'Not equal';

CREATE OPERATOR CLASS @extschema@.mse_result_hash_ops
	DEFAULT FOR TYPE @extschema@.mse_result USING hash AS
	OPERATOR 1 @extschema@.= (@extschema@.mse_result, @extschema@.mse_result),
	FUNCTION 1 @extschema@.mse_result_hash(@extschema@.mse_result);
COMMENT ON OPERATOR CLASS @extschema@.mse_result_hash_ops USING hash IS
	'Hash operator class of mse_result: DISTINCT, GROUP BY, UNION and hash joins';
COMMENT ON OPERATOR FAMILY @extschema@.mse_result_hash_ops USING hash IS
	'Hash operator family of mse_result';

-- The aggregate.  Capture patterns are boolean or 0/1 integer arrays;
-- optional arguments are the model, the list names and the stepwise p-value
-- threshold.  The transition functions of the integer, named and option
-- forms are one C function, told apart by the number of arguments.

CREATE FUNCTION @extschema@.mse_fit_trans(internal, pg_catalog.bool[], pg_catalog.int8) RETURNS internal
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
CREATE FUNCTION @extschema@.mse_fit_trans_model(internal, pg_catalog.bool[], pg_catalog.int8, pg_catalog.text) RETURNS internal
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
CREATE FUNCTION @extschema@.mse_fit_trans_int(internal, pg_catalog.int4[], pg_catalog.int8) RETURNS internal
	AS 'MODULE_PATHNAME', 'mse_fit_trans_any' LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
CREATE FUNCTION @extschema@.mse_fit_trans_int_model(internal, pg_catalog.int4[], pg_catalog.int8, pg_catalog.text) RETURNS internal
	AS 'MODULE_PATHNAME', 'mse_fit_trans_any' LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
CREATE FUNCTION @extschema@.mse_fit_trans_named(internal, pg_catalog.bool[], pg_catalog.int8, pg_catalog.text, pg_catalog.text[]) RETURNS internal
	AS 'MODULE_PATHNAME', 'mse_fit_trans_any' LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
CREATE FUNCTION @extschema@.mse_fit_trans_int_named(internal, pg_catalog.int4[], pg_catalog.int8, pg_catalog.text, pg_catalog.text[]) RETURNS internal
	AS 'MODULE_PATHNAME', 'mse_fit_trans_any' LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
CREATE FUNCTION @extschema@.mse_fit_trans_opts(internal, pg_catalog.bool[], pg_catalog.int8, pg_catalog.text, pg_catalog.text[], pg_catalog.float8) RETURNS internal
	AS 'MODULE_PATHNAME', 'mse_fit_trans_any' LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
CREATE FUNCTION @extschema@.mse_fit_trans_int_opts(internal, pg_catalog.int4[], pg_catalog.int8, pg_catalog.text, pg_catalog.text[], pg_catalog.float8) RETURNS internal
	AS 'MODULE_PATHNAME', 'mse_fit_trans_any' LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
CREATE FUNCTION @extschema@.mse_fit_combine(internal, internal) RETURNS internal
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
CREATE FUNCTION @extschema@.mse_fit_serialize(internal) RETURNS pg_catalog.bytea
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.mse_fit_deserialize(pg_catalog.bytea, internal) RETURNS internal
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.mse_fit_final(internal) RETURNS @extschema@.mse_result
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.mse_fit_trans(internal, pg_catalog.bool[], pg_catalog.int8) IS
	'Transition function of mse_fit(boolean[], bigint): adds n people with one capture pattern';
COMMENT ON FUNCTION @extschema@.mse_fit_trans_model(internal, pg_catalog.bool[], pg_catalog.int8, pg_catalog.text) IS
	'Transition function of mse_fit(boolean[], bigint, text): adds n people with one capture pattern';
COMMENT ON FUNCTION @extschema@.mse_fit_trans_int(internal, pg_catalog.int4[], pg_catalog.int8) IS
	'Transition function of mse_fit(integer[], bigint): adds n people with one 0/1 capture pattern';
COMMENT ON FUNCTION @extschema@.mse_fit_trans_int_model(internal, pg_catalog.int4[], pg_catalog.int8, pg_catalog.text) IS
	'Transition function of mse_fit(integer[], bigint, text)';
COMMENT ON FUNCTION @extschema@.mse_fit_trans_named(internal, pg_catalog.bool[], pg_catalog.int8, pg_catalog.text, pg_catalog.text[]) IS
	'Transition function of mse_fit(boolean[], bigint, text, text[])';
COMMENT ON FUNCTION @extschema@.mse_fit_trans_int_named(internal, pg_catalog.int4[], pg_catalog.int8, pg_catalog.text, pg_catalog.text[]) IS
	'Transition function of mse_fit(integer[], bigint, text, text[])';
COMMENT ON FUNCTION @extschema@.mse_fit_trans_opts(internal, pg_catalog.bool[], pg_catalog.int8, pg_catalog.text, pg_catalog.text[], pg_catalog.float8) IS
	'Transition function of mse_fit(boolean[], bigint, text, text[], double precision)';
COMMENT ON FUNCTION @extschema@.mse_fit_trans_int_opts(internal, pg_catalog.int4[], pg_catalog.int8, pg_catalog.text, pg_catalog.text[], pg_catalog.float8) IS
	'Transition function of mse_fit(integer[], bigint, text, text[], double precision)';
COMMENT ON FUNCTION @extschema@.mse_fit_combine(internal, internal) IS
	'Combine function of mse_fit: adds two capture tables';
COMMENT ON FUNCTION @extschema@.mse_fit_serialize(internal) IS
	'Serialize function of mse_fit';
COMMENT ON FUNCTION @extschema@.mse_fit_deserialize(pg_catalog.bytea, internal) IS
	'Deserialize function of mse_fit; checks every field';
COMMENT ON FUNCTION @extschema@.mse_fit_final(internal) IS
	'Final function of mse_fit: checks that the MLE exists and fits the log-linear model; NULL over no rows; a table that cannot be estimated gives a summary with NULL figures and a status';

CREATE AGGREGATE @extschema@.mse_fit(on_lists pg_catalog.bool[], n pg_catalog.int8) (
	SFUNC = @extschema@.mse_fit_trans,
	STYPE = internal,
	FINALFUNC = @extschema@.mse_fit_final,
	COMBINEFUNC = @extschema@.mse_fit_combine,
	SERIALFUNC = @extschema@.mse_fit_serialize,
	DESERIALFUNC = @extschema@.mse_fit_deserialize,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.mse_fit(pg_catalog.bool[], pg_catalog.int8) IS
	'Multiple systems estimate from capture patterns and their counts, model chosen by Silverman''s stepwise AIC rule';

CREATE AGGREGATE @extschema@.mse_fit(on_lists pg_catalog.bool[], n pg_catalog.int8, model pg_catalog.text) (
	SFUNC = @extschema@.mse_fit_trans_model,
	STYPE = internal,
	FINALFUNC = @extschema@.mse_fit_final,
	COMBINEFUNC = @extschema@.mse_fit_combine,
	SERIALFUNC = @extschema@.mse_fit_serialize,
	DESERIALFUNC = @extschema@.mse_fit_deserialize,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.mse_fit(pg_catalog.bool[], pg_catalog.int8, pg_catalog.text) IS
	'Multiple systems estimate from capture patterns and their counts; model: independence, stepwise, sparsemse (SparseMSE''s rule), or interactions such as ''1:2, 2:5''';

CREATE AGGREGATE @extschema@.mse_fit(on_lists pg_catalog.int4[], n pg_catalog.int8) (
	SFUNC = @extschema@.mse_fit_trans_int,
	STYPE = internal,
	FINALFUNC = @extschema@.mse_fit_final,
	COMBINEFUNC = @extschema@.mse_fit_combine,
	SERIALFUNC = @extschema@.mse_fit_serialize,
	DESERIALFUNC = @extschema@.mse_fit_deserialize,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.mse_fit(pg_catalog.int4[], pg_catalog.int8) IS
	'Multiple systems estimate from 0/1 capture patterns and their counts, model chosen by Silverman''s stepwise AIC rule';

CREATE AGGREGATE @extschema@.mse_fit(on_lists pg_catalog.int4[], n pg_catalog.int8, model pg_catalog.text) (
	SFUNC = @extschema@.mse_fit_trans_int_model,
	STYPE = internal,
	FINALFUNC = @extschema@.mse_fit_final,
	COMBINEFUNC = @extschema@.mse_fit_combine,
	SERIALFUNC = @extschema@.mse_fit_serialize,
	DESERIALFUNC = @extschema@.mse_fit_deserialize,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.mse_fit(pg_catalog.int4[], pg_catalog.int8, pg_catalog.text) IS
	'Multiple systems estimate from 0/1 capture patterns and their counts; model: independence, stepwise, sparsemse (SparseMSE''s rule), or interactions such as ''1:2, 2:5''';

CREATE AGGREGATE @extschema@.mse_fit(on_lists pg_catalog.bool[], n pg_catalog.int8, model pg_catalog.text, list_names pg_catalog.text[]) (
	SFUNC = @extschema@.mse_fit_trans_named,
	STYPE = internal,
	FINALFUNC = @extschema@.mse_fit_final,
	COMBINEFUNC = @extschema@.mse_fit_combine,
	SERIALFUNC = @extschema@.mse_fit_serialize,
	DESERIALFUNC = @extschema@.mse_fit_deserialize,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.mse_fit(pg_catalog.bool[], pg_catalog.int8, pg_catalog.text, pg_catalog.text[]) IS
	'Multiple systems estimate with named lists (NULL: positions), which mse_model then prints';

CREATE AGGREGATE @extschema@.mse_fit(on_lists pg_catalog.int4[], n pg_catalog.int8, model pg_catalog.text, list_names pg_catalog.text[]) (
	SFUNC = @extschema@.mse_fit_trans_int_named,
	STYPE = internal,
	FINALFUNC = @extschema@.mse_fit_final,
	COMBINEFUNC = @extschema@.mse_fit_combine,
	SERIALFUNC = @extschema@.mse_fit_serialize,
	DESERIALFUNC = @extschema@.mse_fit_deserialize,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.mse_fit(pg_catalog.int4[], pg_catalog.int8, pg_catalog.text, pg_catalog.text[]) IS
	'Multiple systems estimate from 0/1 capture patterns with named lists (NULL: positions)';

CREATE AGGREGATE @extschema@.mse_fit(on_lists pg_catalog.bool[], n pg_catalog.int8, model pg_catalog.text, list_names pg_catalog.text[], p_threshold pg_catalog.float8) (
	SFUNC = @extschema@.mse_fit_trans_opts,
	STYPE = internal,
	FINALFUNC = @extschema@.mse_fit_final,
	COMBINEFUNC = @extschema@.mse_fit_combine,
	SERIALFUNC = @extschema@.mse_fit_serialize,
	DESERIALFUNC = @extschema@.mse_fit_deserialize,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.mse_fit(pg_catalog.bool[], pg_catalog.int8, pg_catalog.text, pg_catalog.text[], pg_catalog.float8) IS
	'Multiple systems estimate with named lists (NULL: positions) and the stepwise p-value threshold (in the other forms 0.05, or 0.02 for sparsemse)';

CREATE AGGREGATE @extschema@.mse_fit(on_lists pg_catalog.int4[], n pg_catalog.int8, model pg_catalog.text, list_names pg_catalog.text[], p_threshold pg_catalog.float8) (
	SFUNC = @extschema@.mse_fit_trans_int_opts,
	STYPE = internal,
	FINALFUNC = @extschema@.mse_fit_final,
	COMBINEFUNC = @extschema@.mse_fit_combine,
	SERIALFUNC = @extschema@.mse_fit_serialize,
	DESERIALFUNC = @extschema@.mse_fit_deserialize,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.mse_fit(pg_catalog.int4[], pg_catalog.int8, pg_catalog.text, pg_catalog.text[], pg_catalog.float8) IS
	'Multiple systems estimate from 0/1 capture patterns with named lists (NULL: positions) and the stepwise p-value threshold';

-- Accessors

CREATE FUNCTION @extschema@.mse_estimate(fit @extschema@.mse_result) RETURNS pg_catalog.float8
	AS 'MODULE_PATHNAME', 'mse_estimate' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.mse_unobserved(fit @extschema@.mse_result) RETURNS pg_catalog.float8
	AS 'MODULE_PATHNAME', 'mse_unobserved' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.mse_observed(fit @extschema@.mse_result) RETURNS pg_catalog.int8
	AS 'MODULE_PATHNAME', 'mse_observed' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.mse_lower(fit @extschema@.mse_result, level pg_catalog.float8 DEFAULT 0.95) RETURNS pg_catalog.float8
	AS 'MODULE_PATHNAME', 'mse_lower' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.mse_upper(fit @extschema@.mse_result, level pg_catalog.float8 DEFAULT 0.95) RETURNS pg_catalog.float8
	AS 'MODULE_PATHNAME', 'mse_upper' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.mse_model(fit @extschema@.mse_result) RETURNS pg_catalog.text
	AS 'MODULE_PATHNAME', 'mse_model' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.mse_aic(fit @extschema@.mse_result) RETURNS pg_catalog.float8
	AS 'MODULE_PATHNAME', 'mse_aic' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.mse_status(fit @extschema@.mse_result) RETURNS pg_catalog.text
	AS 'MODULE_PATHNAME', 'mse_status' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.mse_estimate(@extschema@.mse_result) IS
	'Estimated total population: people observed plus the estimated unobserved count; NULL when the summary holds no estimate (see mse_status)';
COMMENT ON FUNCTION @extschema@.mse_unobserved(@extschema@.mse_result) IS
	'Estimated number of people on no list (the dark figure): exp(intercept); NULL when the summary holds no estimate';
COMMENT ON FUNCTION @extschema@.mse_observed(@extschema@.mse_result) IS
	'Number of people observed on at least one list';
COMMENT ON FUNCTION @extschema@.mse_lower(@extschema@.mse_result, pg_catalog.float8) IS
	'Lower limit of the profile-likelihood confidence interval for the total population (the observed count when the profile stays inside for every smaller count); NULL when there is no estimate or the search fails';
COMMENT ON FUNCTION @extschema@.mse_upper(@extschema@.mse_result, pg_catalog.float8) IS
	'Upper limit of the profile-likelihood confidence interval for the total population; Infinity when unbounded; NULL when there is no estimate or the search fails';
COMMENT ON FUNCTION @extschema@.mse_model(@extschema@.mse_result) IS
	'Two-list interactions of the fitted model in the order added, by list name when the lists are named (e.g. [police:ngo]), else by 1-based position (e.g. [1:2, 2:5])';
COMMENT ON FUNCTION @extschema@.mse_aic(@extschema@.mse_result) IS
	'Akaike information criterion of the fitted Poisson log-linear model; NULL when the summary holds no estimate';
COMMENT ON FUNCTION @extschema@.mse_status(@extschema@.mse_result) IS
	'Why the summary has, or lacks, an estimate: ok, no_overlap, mle_does_not_exist, fit_failed, stepwise_candidate_failed, upper_limit_unbounded or interval_failed (the last two for the 95% interval)';

-- Two lists: Chapman (1951)

CREATE FUNCTION @extschema@.chapman_estimate(n1 pg_catalog.int8, n2 pg_catalog.int8, m pg_catalog.int8) RETURNS pg_catalog.float8
	AS 'MODULE_PATHNAME', 'chapman_estimate' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.chapman_variance(n1 pg_catalog.int8, n2 pg_catalog.int8, m pg_catalog.int8) RETURNS pg_catalog.float8
	AS 'MODULE_PATHNAME', 'chapman_variance' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.chapman_estimate(pg_catalog.int8, pg_catalog.int8, pg_catalog.int8) IS
	'Chapman''s two-list estimate (n1+1)(n2+1)/(m+1) - 1 of the total population';
COMMENT ON FUNCTION @extschema@.chapman_variance(pg_catalog.int8, pg_catalog.int8, pg_catalog.int8) IS
	'Variance of Chapman''s estimate: (n1+1)(n2+1)(n1-m)(n2-m)/((m+1)^2 (m+2))';
