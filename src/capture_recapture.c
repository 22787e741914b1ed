/*
 * capture_recapture.c - fmgr adapters of the multiple systems estimation
 * aggregates mse_fit(boolean[], bigint [, text]), the mse_result summary
 * type and its accessors, and Chapman's two-list estimator.
 *
 * The statistics live in src/core/mse.c.  The aggregate state is an
 * RgMseState (internal), allocated in the aggregate context at the first
 * row, when the number of lists becomes known.  The summary is a varlena
 * holding the summary's canonical binary form (src/core/mse.h), decoded
 * by every accessor.
 */
#include "recording_gap.h"

#include "catalog/pg_type.h"
#include "libpq/pqformat.h"
#include "miscadmin.h"
#include "utils/array.h"
#include "utils/builtins.h"

#include "core/mse.h"

PG_FUNCTION_INFO_V1(mse_fit_trans);
PG_FUNCTION_INFO_V1(mse_fit_trans_model);
PG_FUNCTION_INFO_V1(mse_fit_combine);
PG_FUNCTION_INFO_V1(mse_fit_serialize);
PG_FUNCTION_INFO_V1(mse_fit_deserialize);
PG_FUNCTION_INFO_V1(mse_fit_final);
PG_FUNCTION_INFO_V1(mse_result_in);
PG_FUNCTION_INFO_V1(mse_result_out);
PG_FUNCTION_INFO_V1(mse_result_recv);
PG_FUNCTION_INFO_V1(mse_result_send);
PG_FUNCTION_INFO_V1(mse_result_estimate);
PG_FUNCTION_INFO_V1(mse_result_unobserved);
PG_FUNCTION_INFO_V1(mse_result_observed);
PG_FUNCTION_INFO_V1(mse_result_lower);
PG_FUNCTION_INFO_V1(mse_result_upper);
PG_FUNCTION_INFO_V1(mse_result_model);
PG_FUNCTION_INFO_V1(mse_result_aic);
PG_FUNCTION_INFO_V1(chapman_estimate);
PG_FUNCTION_INFO_V1(chapman_variance);

/* A cancel or termination is pending: stop the fit, then let PostgreSQL act. */
static bool
mse_interrupt_pending(void)
{
	return QueryCancelPending || ProcDiePending;
}

/* Raise the ERROR for a failed core call; never returns for st != OK. */
static void
mse_report(RgMseStatus st, const char *err)
{
	switch (st)
	{
		case RG_MSE_OK:
			return;
		case RG_MSE_INTERRUPTED:
			CHECK_FOR_INTERRUPTS();
			ereport(ERROR,
					(errcode(ERRCODE_QUERY_CANCELED),
					 errmsg("capture-recapture fit interrupted")));
			break;
		case RG_MSE_NO_MEMORY:
			ereport(ERROR,
					(errcode(ERRCODE_OUT_OF_MEMORY),
					 errmsg("out of memory"),
					 errdetail("The capture-recapture fit could not allocate its work space.")));
			break;
		case RG_MSE_TOO_FEW_LISTS:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("capture-recapture estimation needs at least two lists"),
					 errdetail("%s", err)));
			break;
		case RG_MSE_TOO_MANY_LISTS:
			ereport(ERROR,
					(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
					 errmsg("too many lists for capture-recapture estimation"),
					 errdetail("%s", err),
					 errhint("Merge lists of similar sources before fitting.")));
			break;
		case RG_MSE_MODEL_TOO_LONG:
		case RG_MSE_BAD_MODEL:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("invalid capture-recapture model"),
					 errdetail("%s", err),
					 errhint("Use 'independence', 'stepwise' or interactions of 1-based list positions such as '1:2, 2:5'.")));
			break;
		case RG_MSE_OVERFLOW:
			ereport(ERROR,
					(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
					 errmsg("capture-recapture count out of range"),
					 errdetail("%s", err ? err : "A cell count would exceed the bigint range.")));
			break;
		case RG_MSE_NO_DATA:
			ereport(ERROR,
					(errcode(ERRCODE_DATA_EXCEPTION),
					 errmsg("nobody was observed on any list"),
					 errdetail("%s", err)));
			break;
		case RG_MSE_BAD_LEVEL:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("confidence level must lie strictly between 0 and 1"),
					 errdetail("%s", err)));
			break;
		case RG_MSE_UNBOUNDED:
			ereport(ERROR,
					(errcode(ERRCODE_DATA_EXCEPTION),
					 errmsg("the profile likelihood interval is unbounded"),
					 errdetail("%s", err)));
			break;
		case RG_MSE_BAD_BINARY:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
					 errmsg("invalid binary value for type mse_result"),
					 errdetail("%s", err)));
			break;
		case RG_MSE_SYNTAX:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
					 errmsg("invalid input syntax for type mse_result"),
					 errdetail("%s", err)));
			break;
		case RG_MSE_INCONSISTENT:
			ereport(ERROR,
					(errcode(ERRCODE_DATA_EXCEPTION),
					 errmsg("inconsistent mse_result value"),
					 errdetail("%s", err)));
			break;
		case RG_MSE_NEGATIVE:
			ereport(ERROR,
					(errcode(ERRCODE_DATA_EXCEPTION),
					 errmsg("capture-recapture count must not be negative"),
					 errdetail("%s", err)));
			break;
		default:
			ereport(ERROR,
					(errcode(ERRCODE_DATA_EXCEPTION),
					 errmsg("the capture-recapture model could not be fitted"),
					 errdetail("%s", err)));
			break;
	}
}

/* ---------------------------------------------------------------------
 * Aggregate
 * --------------------------------------------------------------------- */

static MemoryContext
agg_context(FunctionCallInfo fcinfo, const char *fname)
{
	MemoryContext ctx;

	if (!AggCheckCallContext(fcinfo, &ctx))
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("%s called in non-aggregate context", fname)));
	return ctx;
}

static Datum
trans_common(FunctionCallInfo fcinfo, const char *model, size_t model_len)
{
	MemoryContext ctx = agg_context(fcinfo, "mse_fit_trans");
	RgMseState *s = PG_ARGISNULL(0) ? NULL : (RgMseState *) PG_GETARG_POINTER(0);
	ArrayType  *arr;
	Datum	   *elems;
	bool	   *nulls;
	int			k;
	int64		n;
	bool		on[RG_MSE_MAX_LISTS];
	RgMseStatus st;
	char		err[RG_MSE_ERR_MAX];

	if (PG_ARGISNULL(1))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("capture pattern must not be null"),
				 errhint("Give one boolean per list: true when the person is on that list.")));
	if (PG_ARGISNULL(2))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("count of a capture pattern must not be null"),
				 errhint("Use 1 for one row per person, or filter out rows whose count is unknown.")));
	arr = PG_GETARG_ARRAYTYPE_P(1);
	n = PG_GETARG_INT64(2);
	if (ARR_NDIM(arr) > 1)
		ereport(ERROR,
				(errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
				 errmsg("capture pattern must be a one-dimensional array")));
	k = ArrayGetNItems(ARR_NDIM(arr), ARR_DIMS(arr));
	if (k > RG_MSE_MAX_LISTS || k < 2)
	{
		snprintf(err, sizeof(err), "A capture pattern over %d list%s was given; between 2 and %d lists are supported.",
				 k, k == 1 ? "" : "s", RG_MSE_MAX_LISTS);
		mse_report(k < 2 ? RG_MSE_TOO_FEW_LISTS : RG_MSE_TOO_MANY_LISTS, err);
	}
	if (s != NULL && k != s->k)
		ereport(ERROR,
				(errcode(ERRCODE_DATA_EXCEPTION),
				 errmsg("capture patterns have differing numbers of lists"),
				 errdetail("The first row has %d lists and this row has %d.", s->k, k)));
	if (s != NULL && rg_mse_state_same_model(s, model, model_len) != RG_MSE_OK)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("the model must be the same on every row"),
				 errdetail("The first row asks for \"%s\" and this row for \"%s\".",
						   s->model, pnstrdup(model, model_len))));
	deconstruct_array(arr, BOOLOID, 1, true, TYPALIGN_CHAR, &elems, &nulls, &k);
	for (int i = 0; i < k; i++)
	{
		if (nulls[i])
			ereport(ERROR,
					(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
					 errmsg("capture pattern must not contain null elements"),
					 errdetail("Element %d of the pattern is null.", i + 1)));
		on[i] = DatumGetBool(elems[i]);
	}
	if (s == NULL)
	{
		s = (RgMseState *) MemoryContextAlloc(ctx, rg_mse_state_size(k));
		mse_report(rg_mse_state_init(s, k, model, model_len, err), err);
	}
	st = rg_mse_accumulate(s, on, k, n);
	if (st == RG_MSE_NEGATIVE)
		ereport(ERROR,
				(errcode(ERRCODE_DATA_EXCEPTION),
				 errmsg("count of a capture pattern must not be negative"),
				 errdetail("A row gives a count of " INT64_FORMAT ".", n)));
	if (st == RG_MSE_EMPTY_PATTERN)
		ereport(ERROR,
				(errcode(ERRCODE_DATA_EXCEPTION),
				 errmsg("a capture pattern must include at least one list"),
				 errdetail("Every element of the pattern is false; people on no list cannot be observed.")));
	if (st == RG_MSE_OVERFLOW)
		mse_report(st, "The count of a capture pattern would exceed the bigint range.");
	mse_report(st, "The capture pattern could not be added.");
	PG_RETURN_POINTER(s);
}

Datum
mse_fit_trans(PG_FUNCTION_ARGS)
{
	return trans_common(fcinfo, "stepwise", strlen("stepwise"));
}

Datum
mse_fit_trans_model(PG_FUNCTION_ARGS)
{
	text	   *m;

	if (PG_ARGISNULL(3))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("capture-recapture model must not be null"),
				 errhint("Use 'independence', 'stepwise' or interactions such as '1:2, 2:5'.")));
	m = PG_GETARG_TEXT_PP(3);
	return trans_common(fcinfo, VARDATA_ANY(m), VARSIZE_ANY_EXHDR(m));
}

Datum
mse_fit_combine(PG_FUNCTION_ARGS)
{
	MemoryContext ctx = agg_context(fcinfo, "mse_fit_combine");
	RgMseState *a = PG_ARGISNULL(0) ? NULL : (RgMseState *) PG_GETARG_POINTER(0);
	RgMseState *b = PG_ARGISNULL(1) ? NULL : (RgMseState *) PG_GETARG_POINTER(1);
	RgMseStatus st;

	if (b == NULL)
	{
		if (a == NULL)
			PG_RETURN_NULL();
		PG_RETURN_POINTER(a);
	}
	if (a == NULL)
	{
		size_t		sz = rg_mse_state_size(b->k);

		a = (RgMseState *) MemoryContextAlloc(ctx, sz);
		memcpy(a, b, sz);
		PG_RETURN_POINTER(a);
	}
	st = rg_mse_state_combine(a, b);
	if (st == RG_MSE_LENGTH_MISMATCH)
		ereport(ERROR,
				(errcode(ERRCODE_DATA_EXCEPTION),
				 errmsg("capture patterns have differing numbers of lists"),
				 errdetail("One part of the input has %d lists and another %d.", a->k, b->k)));
	if (st == RG_MSE_MODEL_MISMATCH)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("the model must be the same on every row"),
				 errdetail("One part of the input asks for \"%s\" and another for \"%s\".",
						   a->model, b->model)));
	mse_report(st, "The count of a capture pattern would exceed the bigint range.");
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
	char		err[RG_MSE_ERR_MAX];

	if (rg_mse_state_peek(buf, len, &k) != RG_MSE_OK)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid serialized mse_fit state")));
	s = (RgMseState *) palloc(rg_mse_state_size(k));
	mse_report(rg_mse_state_decode(buf, len, s, err), err);
	PG_RETURN_POINTER(s);
}

static bytea *
result_datum(const RgMseResult *r)
{
	size_t		sz = rg_mse_result_wire_size(r);
	bytea	   *out = (bytea *) palloc(VARHDRSZ + sz);

	SET_VARSIZE(out, VARHDRSZ + sz);
	rg_mse_result_encode(r, (unsigned char *) VARDATA(out));
	return out;
}

Datum
mse_fit_final(PG_FUNCTION_ARGS)
{
	RgMseState *s;
	RgMseModel	m;
	RgMseResult *r;
	RgMseStatus st;
	char		err[RG_MSE_ERR_MAX];

	(void) agg_context(fcinfo, "mse_fit_final");
	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();		/* no rows: no estimate */
	s = (RgMseState *) PG_GETARG_POINTER(0);
	mse_report(rg_mse_model_parse(s->model, (size_t) s->model_len, s->k, &m, err), err);
	r = (RgMseResult *) palloc(rg_mse_result_size(s->k));
	rg_mse_interrupt_hook = mse_interrupt_pending;
	st = rg_mse_fit(s->cells, s->k, &m, r, err);
	rg_mse_interrupt_hook = NULL;
	mse_report(st, err);
	PG_RETURN_BYTEA_P(result_datum(r));
}

/* ---------------------------------------------------------------------
 * The mse_result type
 * --------------------------------------------------------------------- */

static RgMseResult *
get_result(FunctionCallInfo fcinfo, int argno)
{
	bytea	   *in = PG_GETARG_BYTEA_PP(argno);
	const unsigned char *buf = (const unsigned char *) VARDATA_ANY(in);
	size_t		len = VARSIZE_ANY_EXHDR(in);
	int			k;
	RgMseResult *r;
	char		err[RG_MSE_ERR_MAX];

	if (rg_mse_result_peek(buf, len, &k) != RG_MSE_OK)
		ereport(ERROR,
				(errcode(ERRCODE_DATA_CORRUPTED),
				 errmsg("corrupt mse_result value")));
	r = (RgMseResult *) palloc(rg_mse_result_size(k));
	if (rg_mse_result_decode(buf, len, r, err) != RG_MSE_OK)
		ereport(ERROR,
				(errcode(ERRCODE_DATA_CORRUPTED),
				 errmsg("corrupt mse_result value"),
				 errdetail("%s", err)));
	return r;
}

Datum
mse_result_in(PG_FUNCTION_ARGS)
{
	char	   *str = PG_GETARG_CSTRING(0);
	int			k = 0;
	RgMseResult *r;
	RgMseStatus st;
	char		err[RG_MSE_ERR_MAX] = "The text does not start with (lists=N, where 2 <= N <= 15.";

	/* only the header is checked here; the parser below reports the rest */
	st = rg_mse_result_text_peek(str, &k);
	if (st == RG_MSE_SYNTAX)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				 errmsg("invalid input syntax for type mse_result: \"%s\"", str),
				 errdetail("%s", err)));
	r = (RgMseResult *) palloc(rg_mse_result_size(RG_MSE_MAX_LISTS));
	st = rg_mse_result_parse(str, r, err);
	if (st == RG_MSE_SYNTAX)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				 errmsg("invalid input syntax for type mse_result: \"%s\"", str),
				 errdetail("%s", err),
				 errhint("Write it as the output of mse_fit prints it: (lists=N, model=[...], observed=N, unobserved=X, estimate=X, aic=X, counts=[...]).")));
	mse_report(st, err);
	PG_RETURN_BYTEA_P(result_datum(r));
}

Datum
mse_result_out(PG_FUNCTION_ARGS)
{
	RgMseResult *r = get_result(fcinfo, 0);
	size_t		sz = rg_mse_result_text_size(r->k);
	char	   *buf = palloc(sz);

	rg_mse_result_format(r, buf, sz);
	PG_RETURN_CSTRING(buf);
}

Datum
mse_result_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	int			len = buf->len - buf->cursor;
	const unsigned char *p = (const unsigned char *) pq_getmsgbytes(buf, len);
	int			k;
	RgMseResult *r;
	RgMseStatus st;
	char		err[RG_MSE_ERR_MAX] = "The header or the length is invalid.";

	if (rg_mse_result_peek(p, (size_t) len, &k) != RG_MSE_OK)
		mse_report(RG_MSE_BAD_BINARY, err);
	r = (RgMseResult *) palloc(rg_mse_result_size(k));
	st = rg_mse_result_decode(p, (size_t) len, r, err);
	if (st != RG_MSE_OK)
		mse_report(RG_MSE_BAD_BINARY, err);
	mse_report(rg_mse_result_verify(r, err), err);
	PG_RETURN_BYTEA_P(result_datum(r));
}

Datum
mse_result_send(PG_FUNCTION_ARGS)
{
	RgMseResult *r = get_result(fcinfo, 0);
	size_t		sz = rg_mse_result_wire_size(r);
	unsigned char *wire = palloc(sz);
	StringInfoData buf;

	rg_mse_result_encode(r, wire);
	pq_begintypsend(&buf);
	pq_sendbytes(&buf, (const char *) wire, (int) sz);
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/* ---------------------------------------------------------------------
 * Accessors
 * --------------------------------------------------------------------- */

Datum
mse_result_estimate(PG_FUNCTION_ARGS)
{
	PG_RETURN_FLOAT8(rg_mse_estimate(get_result(fcinfo, 0)));
}

Datum
mse_result_unobserved(PG_FUNCTION_ARGS)
{
	PG_RETURN_FLOAT8(get_result(fcinfo, 0)->unobserved);
}

Datum
mse_result_observed(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT64(get_result(fcinfo, 0)->observed);
}

Datum
mse_result_aic(PG_FUNCTION_ARGS)
{
	PG_RETURN_FLOAT8(get_result(fcinfo, 0)->aic);
}

Datum
mse_result_model(PG_FUNCTION_ARGS)
{
	RgMseResult *r = get_result(fcinfo, 0);
	size_t		sz = 16 + 8 * (size_t) r->npairs;
	char	   *buf = palloc(sz);

	rg_mse_model_format(r, buf, sz);
	PG_RETURN_TEXT_P(cstring_to_text(buf));
}

static double
interval_limit(FunctionCallInfo fcinfo, int side)
{
	RgMseResult *r = get_result(fcinfo, 0);
	double		level = PG_GETARG_FLOAT8(1);
	double		limit = 0;
	RgMseStatus st;
	char		err[RG_MSE_ERR_MAX];

	if (!(level > 0 && level < 1))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("confidence level must lie strictly between 0 and 1"),
				 errdetail("The level given was %g.", level)));
	rg_mse_interrupt_hook = mse_interrupt_pending;
	st = rg_mse_profile_limit(r, level, side, &limit, err);
	rg_mse_interrupt_hook = NULL;
	mse_report(st, err);
	return limit;
}

Datum
mse_result_lower(PG_FUNCTION_ARGS)
{
	PG_RETURN_FLOAT8(interval_limit(fcinfo, -1));
}

Datum
mse_result_upper(PG_FUNCTION_ARGS)
{
	PG_RETURN_FLOAT8(interval_limit(fcinfo, 1));
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
	RgMseStatus st = rg_chapman(n1, n2, m, est, var);

	if (st == RG_MSE_NEGATIVE)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("list sizes and overlap must not be negative"),
				 errdetail("n1 = " INT64_FORMAT ", n2 = " INT64_FORMAT ", m = " INT64_FORMAT ".",
						   n1, n2, m)));
	if (st == RG_MSE_INCONSISTENT)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("overlap cannot exceed either list size"),
				 errdetail("m = " INT64_FORMAT " but n1 = " INT64_FORMAT " and n2 = " INT64_FORMAT ".",
						   m, n1, n2)));
	if (st != RG_MSE_OK)
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("Chapman estimate out of range")));
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
