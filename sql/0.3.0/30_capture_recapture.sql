-- mse_result and mse_fit (issue 20, parts 4 and 7).
--
-- Input of mse_result now checks the figures against the counts and model,
-- and = and the hash cover every printed figure: the functions keep their
-- names and signatures (the C code changed), their comments say so.  The
-- model text accepts 'sparsemse' (SparseMSE's stepwise rule, threshold 0.02
-- unless given); it is checked in C, so only the comments change.

COMMENT ON FUNCTION @extschema@.mse_result_in(cstring) IS
	'Text input of mse_result; checks the structure, then that the figures follow from the counts and model (likelihood equations, relative 1e-6), without choosing the model again';
COMMENT ON FUNCTION @extschema@.mse_result_recv(internal) IS
	'Binary input of mse_result (the 0.1.0 and 0.2.0 forms); checks the structure, then that the figures follow from the counts and model, without choosing the model again';
COMMENT ON FUNCTION @extschema@.mse_result_eq(@extschema@.mse_result, @extschema@.mse_result) IS
	'Equality of mse_result: the same printed text (lists and names, model, status, counts and every figure)';
COMMENT ON OPERATOR @extschema@.= (@extschema@.mse_result, @extschema@.mse_result) IS
	'Equal: the same printed text (lists and names, model, status, counts and every figure)';
COMMENT ON AGGREGATE @extschema@.mse_fit(boolean[], bigint, text) IS
	'Multiple systems estimate from capture patterns and their counts; model: independence, stepwise, sparsemse (SparseMSE''s rule), or interactions such as ''1:2, 2:5''';
COMMENT ON AGGREGATE @extschema@.mse_fit(integer[], bigint, text) IS
	'Multiple systems estimate from 0/1 capture patterns and their counts; model: independence, stepwise, sparsemse (SparseMSE''s rule), or interactions such as ''1:2, 2:5''';
COMMENT ON AGGREGATE @extschema@.mse_fit(boolean[], bigint, text, text[], double precision) IS
	'Multiple systems estimate with named lists (NULL: positions) and the stepwise p-value threshold (in the other forms 0.05, or 0.02 for sparsemse)';
