/*
 * capture_recapture.c - fmgr adapters of the multiple systems estimation
 * aggregates mse_fit(on_lists boolean[] | integer[], n bigint [, model text
 * [, list_names text[] [, p_threshold double precision]]]) and Chapman's
 * two-list estimator.
 *
 * The statistics live in src/core/mse_*.c.  The aggregate state is an
 * RgMseState (internal), allocated in the aggregate context at the first
 * row, when the number of lists becomes known.  The summary type and its
 * accessors are in mse_result.c.
 */
#include "capture_recapture.h"

#include "catalog/pg_type.h"
#include "miscadmin.h"
#include "utils/array.h"
#include "utils/builtins.h"

PG_FUNCTION_INFO_V1(mse_fit_trans);
PG_FUNCTION_INFO_V1(mse_fit_trans_model);
PG_FUNCTION_INFO_V1(mse_fit_trans_any);
PG_FUNCTION_INFO_V1(mse_fit_combine);
PG_FUNCTION_INFO_V1(mse_fit_serialize);
PG_FUNCTION_INFO_V1(mse_fit_deserialize);
PG_FUNCTION_INFO_V1(mse_fit_final);
PG_FUNCTION_INFO_V1(chapman_estimate);
PG_FUNCTION_INFO_V1(chapman_variance);

/* ---------------------------------------------------------------------
 * Aggregate
 * --------------------------------------------------------------------- */

/*
 * What a transition call site remembers: whether the model, list names and
 * threshold are constants of the query (Const, or a Param given from
 * outside: fixed for one execution), and the last state whose options were
 * checked.  With constant options, a state built from its first row holds
 * exactly those options, so each state is compared once, not on every row;
 * a state at a reused address was built from a row with the same constants.
 * Options computed per row are compared on every row.
 */
typedef struct TransCache
{
	bool		constant;
	const RgMseState *checked;
} TransCache;

static TransCache *
trans_cache(FunctionCallInfo fcinfo)
{
	TransCache *tc = (TransCache *) fcinfo->flinfo->fn_extra;

	if (tc == NULL)
	{
		tc = MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt, sizeof(TransCache));
		/* aggregate arguments 3.. (model, names, threshold); none: constant */
		tc->constant = AggGetAggref(fcinfo) != NULL;
		for (int a = 3; a < PG_NARGS(); a++)
			if (!rg_agg_arg_fixed(fcinfo, a))
				tc->constant = false;
		fcinfo->flinfo->fn_extra = tc;
	}
	return tc;
}

/*
 * Add one row: argument 1 is the pattern (boolean[] or integer[] of 0/1),
 * 2 the count; the model text, list names (NULL: positions) and stepwise
 * threshold are the same on every row.
 */
static Datum
trans_common(FunctionCallInfo fcinfo, const char *model, size_t model_len,
			 ArrayType *names_arr, double p_threshold)
{
	MemoryContext ctx = rg_agg_context(fcinfo, "mse_fit_trans");
	RgMseState *s = PG_ARGISNULL(0) ? NULL : (RgMseState *) PG_GETARG_POINTER(0);
	ArrayType  *arr;
	Datum	   *elems;
	bool	   *nulls;
	int			k;
	int64		n;
	bool		on[RG_MSE_MAX_LISTS];
	const char *names[RG_MSE_MAX_LISTS];
	size_t		name_lens[RG_MSE_MAX_LISTS];
	int			nnames = 0;
	Oid			elemtype;
	char		err[RG_MSE_ERR_MAX];
	TransCache *tc;

	if (PG_ARGISNULL(1))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("capture pattern must not be null"),
				 errhint("Give one element per list: true or 1 when the person is on that list.")));
	if (PG_ARGISNULL(2))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("count of a capture pattern must not be null"),
				 errhint("Use 1 for one row per person, or filter out rows whose count is unknown.")));
	arr = PG_GETARG_ARRAYTYPE_P(1);
	n = PG_GETARG_INT64(2);
	elemtype = ARR_ELEMTYPE(arr);
	if (ARR_NDIM(arr) > 1)
		ereport(ERROR,
				(errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
				 errmsg("capture pattern must be a one-dimensional array")));
	k = ArrayGetNItems(ARR_NDIM(arr), ARR_DIMS(arr));
	if (k > RG_MSE_MAX_LISTS || k < 2)
	{
		snprintf(err, sizeof(err), "A capture pattern over %d list%s was given; between 2 and %d lists are supported.",
				 k, k == 1 ? "" : "s", RG_MSE_MAX_LISTS);
		rg_mse_report(k < 2 ? RG_MSE_TOO_FEW_LISTS : RG_MSE_TOO_MANY_LISTS, err);
	}
	if (s != NULL && k != s->k)
	{
		snprintf(err, sizeof(err), "The first row has %d lists and this row has %d.", s->k, k);
		rg_mse_report(RG_MSE_LENGTH_MISMATCH, err);
	}
	tc = trans_cache(fcinfo);
	if (s != NULL && tc->constant && tc->checked == s)
		names_arr = NULL;		/* checked at this state's first row */
	else if (names_arr != NULL)
	{
		if (ARR_NDIM(names_arr) > 1)
			ereport(ERROR,
					(errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
					 errmsg("list names must be a one-dimensional array")));
		deconstruct_array(names_arr, TEXTOID, -1, false, TYPALIGN_INT, &elems, &nulls, &nnames);
		if (nnames != k)
		{
			snprintf(err, sizeof(err), "%d list names were given for a pattern over %d lists.", nnames, k);
			rg_mse_report(RG_MSE_BAD_NAMES, err);
		}
		for (int i = 0; i < nnames; i++)
		{
			if (nulls[i])
				ereport(ERROR,
						(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
						 errmsg("list names must not contain null elements"),
						 errdetail("Element %d of the names is null.", i + 1)));
			names[i] = VARDATA_ANY(DatumGetPointer(elems[i]));
			name_lens[i] = VARSIZE_ANY_EXHDR(DatumGetPointer(elems[i]));
		}
	}
	if (s != NULL && !(tc->constant && tc->checked == s))
	{
		bool		same = rg_mse_state_same_model(s, model, model_len) == RG_MSE_OK &&
			s->nnames == nnames && s->p_threshold == p_threshold;

		for (int i = 0; same && i < nnames; i++)
			same = strlen(s->names[i]) == name_lens[i] &&
				memcmp(s->names[i], names[i], name_lens[i]) == 0;
		if (!same)
		{
			snprintf(err, sizeof(err), "The first row asks for model \"%s\", threshold %g and %s; this row differs.",
					 s->model, s->p_threshold, s->nnames ? "named lists" : "no list names");
			rg_mse_report(RG_MSE_MODEL_MISMATCH, err);
		}
	}
	if (elemtype == BOOLOID)
		deconstruct_array(arr, BOOLOID, 1, true, TYPALIGN_CHAR, &elems, &nulls, &k);
	else
		deconstruct_array(arr, INT4OID, 4, true, TYPALIGN_INT, &elems, &nulls, &k);
	for (int i = 0; i < k; i++)
	{
		if (nulls[i])
			ereport(ERROR,
					(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
					 errmsg("capture pattern must not contain null elements"),
					 errdetail("Element %d of the pattern is null.", i + 1)));
		if (elemtype == BOOLOID)
			on[i] = DatumGetBool(elems[i]);
		else
		{
			int32		v = DatumGetInt32(elems[i]);

			if (v != 0 && v != 1)
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("an integer capture pattern must hold only 0 and 1"),
						 errdetail("Element %d of the pattern is %d.", i + 1, v),
						 errhint("Use 1 when the person is on the list and 0 when not.")));
			on[i] = v == 1;
		}
	}
	if (s == NULL)
	{
		s = (RgMseState *) MemoryContextAllocZero(ctx, rg_mse_state_size(k));
		rg_mse_report(rg_mse_state_init(s, k, model, model_len, err), err);
		rg_mse_report(rg_mse_state_set_options(s, names, name_lens, nnames, p_threshold, err), err);
	}
	tc->checked = s;
	switch (rg_mse_accumulate(s, on, k, n))
	{
		case RG_MSE_OK:
			break;
		case RG_MSE_NEGATIVE:
			snprintf(err, sizeof(err), "A row gives a count of " INT64_FORMAT ".", n);
			rg_mse_report(RG_MSE_NEGATIVE, err);
			break;
		case RG_MSE_EMPTY_PATTERN:
			rg_mse_report(RG_MSE_EMPTY_PATTERN, "Every element of the pattern is false; people on no list cannot be observed.");
			break;
		case RG_MSE_OVERFLOW:
			rg_mse_report(RG_MSE_OVERFLOW, "The count of a capture pattern would exceed the bigint range.");
			break;
		default:
			rg_mse_report(RG_MSE_LENGTH_MISMATCH, "The capture pattern could not be added.");
			break;
	}
	PG_RETURN_POINTER(s);
}

/* 0.1.0: mse_fit(boolean[], bigint) */
Datum
mse_fit_trans(PG_FUNCTION_ARGS)
{
	return trans_common(fcinfo, "stepwise", strlen("stepwise"), NULL, RG_MSE_P_DEFAULT);
}

static text *
model_arg(FunctionCallInfo fcinfo, int argno)
{
	if (PG_ARGISNULL(argno))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("capture-recapture model must not be null"),
				 errhint("Use 'independence', 'stepwise', 'sparsemse' or interactions such as '1:2, 2:5'.")));
	return PG_GETARG_TEXT_PP(argno);
}

/* 0.1.0: mse_fit(boolean[], bigint, text) */
Datum
mse_fit_trans_model(PG_FUNCTION_ARGS)
{
	text	   *m = model_arg(fcinfo, 3);

	return trans_common(fcinfo, VARDATA_ANY(m), VARSIZE_ANY_EXHDR(m), NULL,
						rg_mse_default_threshold(VARDATA_ANY(m), VARSIZE_ANY_EXHDR(m)));
}

/*
 * 0.2.0: every other form, told apart by the number of arguments:
 * (state, pattern, n [, model [, list_names [, p_threshold]]]).
 */
Datum
mse_fit_trans_any(PG_FUNCTION_ARGS)
{
	int			nargs = PG_NARGS();
	text	   *m = NULL;
	ArrayType  *names = NULL;
	double		p = RG_MSE_P_DEFAULT;

	if (nargs >= 4)
	{
		m = model_arg(fcinfo, 3);
		p = rg_mse_default_threshold(VARDATA_ANY(m), VARSIZE_ANY_EXHDR(m));
	}
	if (nargs >= 5 && !PG_ARGISNULL(4))
		names = PG_GETARG_ARRAYTYPE_P(4);
	if (nargs >= 6)
	{
		if (PG_ARGISNULL(5))
			ereport(ERROR,
					(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
					 errmsg("stepwise p-value threshold must not be null"),
					 errhint("Use 0.05 for the usual threshold.")));
		p = PG_GETARG_FLOAT8(5);
	}
	if (m == NULL)
		return trans_common(fcinfo, "stepwise", strlen("stepwise"), names, p);
	return trans_common(fcinfo, VARDATA_ANY(m), VARSIZE_ANY_EXHDR(m), names, p);
}

Datum
mse_fit_combine(PG_FUNCTION_ARGS)
{
	MemoryContext ctx = rg_agg_context(fcinfo, "mse_fit_combine");
	RgMseState *a = PG_ARGISNULL(0) ? NULL : (RgMseState *) PG_GETARG_POINTER(0);
	RgMseState *b = PG_ARGISNULL(1) ? NULL : (RgMseState *) PG_GETARG_POINTER(1);
	char		err[RG_MSE_ERR_MAX];

	RG_COMBINE_RETURN_IF_NO_SECOND(a, b);
	if (a == NULL)
	{
		size_t		sz = rg_mse_state_size(b->k);

		a = (RgMseState *) MemoryContextAlloc(ctx, sz);
		memcpy(a, b, sz);
		PG_RETURN_POINTER(a);
	}
	if (a->k != b->k)
	{
		snprintf(err, sizeof(err), "One part of the input has %d lists and another %d.", a->k, b->k);
		rg_mse_report(RG_MSE_LENGTH_MISMATCH, err);
	}
	if (rg_mse_state_same_model(a, b->model, (size_t) b->model_len) != RG_MSE_OK ||
		!rg_mse_state_same_options(a, b))
	{
		snprintf(err, sizeof(err), "One part of the input asks for model \"%s\" and another for \"%s\", or their names or thresholds differ.",
				 a->model, b->model);
		rg_mse_report(RG_MSE_MODEL_MISMATCH, err);
	}
	rg_mse_report(rg_mse_state_combine(a, b),
				  "The count of a capture pattern would exceed the bigint range.");
	PG_RETURN_POINTER(a);
}

Datum
mse_fit_serialize(PG_FUNCTION_ARGS)
{
	RgMseState *s = (RgMseState *) PG_GETARG_POINTER(0);
	size_t		sz = rg_mse_state_wire_size(s);
	bytea	   *out = (bytea *) palloc(VARHDRSZ + sz);

	SET_VARSIZE(out, VARHDRSZ + sz);
	rg_mse_state_encode(s, (unsigned char *) VARDATA(out));
	PG_RETURN_BYTEA_P(out);
}

Datum
mse_fit_deserialize(PG_FUNCTION_ARGS)
{
	bytea	   *in = PG_GETARG_BYTEA_PP(0);
	const unsigned char *buf = (const unsigned char *) VARDATA_ANY(in);
	size_t		len = VARSIZE_ANY_EXHDR(in);
	int			k;
	RgMseState *s;
	char		err[RG_MSE_ERR_MAX] = "The header or the length is invalid.";

	if (rg_mse_state_peek(buf, len, &k) != RG_MSE_OK)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid serialized mse_fit state"),
				 errdetail("%s", err)));
	s = (RgMseState *) palloc0(rg_mse_state_size(k));
	rg_mse_report(rg_mse_state_decode(buf, len, s, err), err);
	PG_RETURN_POINTER(s);
}

bytea *
rg_mse_result_datum(const RgMseResult *r)
{
	size_t		sz = rg_mse_result_wire_size(r);
	bytea	   *out = (bytea *) palloc(VARHDRSZ + sz);

	SET_VARSIZE(out, VARHDRSZ + sz);
	rg_mse_result_encode(r, (unsigned char *) VARDATA(out));
	return out;
}

/*
 * Fit.  A table that cannot be estimated gives a summary whose status says
 * why (mse_status), never an error, so that a grouped query returns every
 * group.
 */
Datum
mse_fit_final(PG_FUNCTION_ARGS)
{
	RgMseState *s;
	RgMseModel	m;
	RgMseResult *r;
	char		err[RG_MSE_ERR_MAX];

	(void) rg_agg_context(fcinfo, "mse_fit_final");
	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();		/* no rows: no estimate */
	s = (RgMseState *) PG_GETARG_POINTER(0);
	rg_mse_report(rg_mse_model_parse(s->model, (size_t) s->model_len, s->k, &m, err), err);
	m.p_threshold = s->p_threshold;
	r = (RgMseResult *) palloc0(rg_mse_result_size(s->k));
	rg_mse_report(rg_mse_fit(s->cells, s->k, &m, r, err), err);
	r->nnames = s->nnames;
	memcpy(r->names, s->names, sizeof(r->names));
	PG_RETURN_BYTEA_P(rg_mse_result_datum(r));
}

/* ---------------------------------------------------------------------
 * Chapman
 * --------------------------------------------------------------------- */

static void
chapman(FunctionCallInfo fcinfo, double *est, double *var)
{
	int64		n1 = PG_GETARG_INT64(0),
				n2 = PG_GETARG_INT64(1),
				m = PG_GETARG_INT64(2);
	RgErrArgs	a = {RG_A_LISTS};

	a.n = n1;
	a.n2 = n2;
	a.m = m;
	rg_error(RG_DOM_CHAPMAN, rg_chapman(n1, n2, m, est, var), &a);
}

Datum
chapman_estimate(PG_FUNCTION_ARGS)
{
	double		est,
				var;

	chapman(fcinfo, &est, &var);
	PG_RETURN_FLOAT8(est);
}

Datum
chapman_variance(PG_FUNCTION_ARGS)
{
	double		est,
				var;

	chapman(fcinfo, &est, &var);
	PG_RETURN_FLOAT8(var);
}
