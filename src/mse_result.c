/*
 * mse_result.c - fmgr adapters of the mse_result type: text and binary
 * input and output (never refitting), equality and hashing, and the
 * accessors.
 *
 * The value is a varlena holding the summary's binary form (version 2 is
 * written; version 1, stored by 0.1.0, is read as it is).  Input (text and
 * binary, so every restore) checks that the figures follow from the counts
 * and model (rg_mse_result_verify); values already on disk are read with
 * the structural checks only.
 */
#include "capture_recapture.h"

#include "common/hashfn.h"
#include "libpq/pqformat.h"
#include "utils/builtins.h"
#include "utils/float.h"

#include <math.h>

PG_FUNCTION_INFO_V1(mse_result_in);
PG_FUNCTION_INFO_V1(mse_result_out);
PG_FUNCTION_INFO_V1(mse_result_recv);
PG_FUNCTION_INFO_V1(mse_result_send);
PG_FUNCTION_INFO_V1(mse_result_eq);
PG_FUNCTION_INFO_V1(mse_result_ne);
PG_FUNCTION_INFO_V1(mse_result_hash);
PG_FUNCTION_INFO_V1(mse_estimate);
PG_FUNCTION_INFO_V1(mse_unobserved);
PG_FUNCTION_INFO_V1(mse_observed);
PG_FUNCTION_INFO_V1(mse_lower);
PG_FUNCTION_INFO_V1(mse_upper);
PG_FUNCTION_INFO_V1(mse_model);
PG_FUNCTION_INFO_V1(mse_aic);
PG_FUNCTION_INFO_V1(mse_status);

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
				 errmsg("corrupt mse_result value"),
				 errdetail("The header or the length is invalid.")));
	r = (RgMseResult *) palloc0(rg_mse_result_size(k));
	if (rg_mse_result_decode(buf, len, r, err) != RG_MSE_OK)
		ereport(ERROR,
				(errcode(ERRCODE_DATA_CORRUPTED),
				 errmsg("corrupt mse_result value"),
				 errdetail("%s", err)));
	return r;
}

/* ---------------------------------------------------------------------
 * Input and output: the structure, then the figures against the counts
 * --------------------------------------------------------------------- */

static void
verify(const RgMseResult *r)
{
	const char *figure = NULL;
	char		err[RG_MSE_ERR_MAX] = "";
	RgMseStatus st;

	st = rg_mse_result_verify(r, &figure, err);
	if (st == RG_MSE_INCONSISTENT)
	{
		/* the table's entry that names the figure (src/errors.c) */
		RgErrArgs	a = {RG_A_FIGURE};

		a.figure = figure ? figure : "unobserved";
		if (err[0] != '\0')
		{
			a.have |= RG_A_CORE;
			a.core = err;
		}
		rg_error(RG_DOM_MSE, st, &a);
	}
	rg_mse_report(st, err);
}

Datum
mse_result_in(PG_FUNCTION_ARGS)
{
	char	   *str = PG_GETARG_CSTRING(0);
	int			k = 0;
	RgMseResult *r;
	RgMseStatus st;
	char		err[RG_MSE_ERR_MAX] = "The text does not start with (lists=N, where 2 <= N <= 15.";

	st = rg_mse_result_text_peek(str, &k);
	if (st == RG_MSE_SYNTAX)
		rg_mse_report(st, err);
	r = (RgMseResult *) palloc0(rg_mse_result_size(RG_MSE_MAX_LISTS));
	rg_mse_report(rg_mse_result_parse(str, r, err), err);
	verify(r);
	PG_RETURN_BYTEA_P(rg_mse_result_datum(r));
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
		rg_mse_report(RG_MSE_BAD_BINARY, err);
	r = (RgMseResult *) palloc0(rg_mse_result_size(k));
	st = rg_mse_result_decode(p, (size_t) len, r, err);
	if (st != RG_MSE_OK)
		rg_mse_report(RG_MSE_BAD_BINARY, err);
	verify(r);
	PG_RETURN_BYTEA_P(rg_mse_result_datum(r));
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
 * Equality and hashing, on the identity (mse.h)
 * --------------------------------------------------------------------- */

static unsigned char *
identity(FunctionCallInfo fcinfo, int argno, size_t *len)
{
	RgMseResult *r = get_result(fcinfo, argno);
	unsigned char *buf;

	*len = rg_mse_result_identity_size(r);
	buf = palloc(*len);
	rg_mse_result_identity(r, buf);
	return buf;
}

static bool
same(FunctionCallInfo fcinfo)
{
	size_t		la,
				lb;
	unsigned char *a = identity(fcinfo, 0, &la);
	unsigned char *b = identity(fcinfo, 1, &lb);

	return la == lb && memcmp(a, b, la) == 0;
}

Datum
mse_result_eq(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(same(fcinfo));
}

Datum
mse_result_ne(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(!same(fcinfo));
}

Datum
mse_result_hash(PG_FUNCTION_ARGS)
{
	size_t		len;
	unsigned char *buf = identity(fcinfo, 0, &len);

	return hash_any(buf, (int) len);
}

/* ---------------------------------------------------------------------
 * Accessors: the figures are NULL when the summary holds no estimate
 * --------------------------------------------------------------------- */

Datum
mse_estimate(PG_FUNCTION_ARGS)
{
	RgMseResult *r = get_result(fcinfo, 0);

	if (r->status != RG_MSE_FIT_OK)
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(rg_mse_estimate(r));
}

Datum
mse_unobserved(PG_FUNCTION_ARGS)
{
	RgMseResult *r = get_result(fcinfo, 0);

	if (r->status != RG_MSE_FIT_OK)
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(r->unobserved);
}

Datum
mse_observed(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT64(get_result(fcinfo, 0)->observed);
}

Datum
mse_aic(PG_FUNCTION_ARGS)
{
	RgMseResult *r = get_result(fcinfo, 0);

	if (r->status != RG_MSE_FIT_OK)
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(r->aic);
}

Datum
mse_model(PG_FUNCTION_ARGS)
{
	RgMseResult *r = get_result(fcinfo, 0);
	size_t		sz = rg_mse_model_text_size(r);
	char	   *buf = palloc(sz);

	rg_mse_model_format(r, true, buf, sz);
	PG_RETURN_TEXT_P(cstring_to_text(buf));
}

/*
 * One limit.  Returns false for NULL: no estimate, or a profile search
 * that failed numerically.  An unbounded upper limit is +Infinity.
 */
static bool
limit_of(RgMseResult *r, double level, int side, double *limit)
{
	RgMseStatus st;
	char		err[RG_MSE_ERR_MAX];

	if (!(level > 0 && level < 1))
	{
		RgErrArgs	a = {RG_A_LEVEL};

		a.level = level;
		rg_error(RG_DOM_MSE, RG_MSE_BAD_LEVEL, &a);
	}
	if (r->status != RG_MSE_FIT_OK)
		return false;
	st = rg_mse_profile_limit(r, level, side, limit, err);
	switch (st)
	{
		case RG_MSE_OK:
			return true;
		case RG_MSE_UNBOUNDED:
			*limit = get_float8_infinity();
			return true;
		case RG_MSE_NOT_CONVERGED:
		case RG_MSE_SINGULAR:
		case RG_MSE_NOT_FINITE:
			return false;
		default:
			rg_mse_report(st, err);
			return false;
	}
}

Datum
mse_lower(PG_FUNCTION_ARGS)
{
	double		v;

	if (!limit_of(get_result(fcinfo, 0), PG_GETARG_FLOAT8(1), -1, &v))
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(v);
}

Datum
mse_upper(PG_FUNCTION_ARGS)
{
	double		v;

	if (!limit_of(get_result(fcinfo, 0), PG_GETARG_FLOAT8(1), 1, &v))
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(v);
}

/*
 * Why a summary has no figure: the fit's status, or, for a fit that is ok,
 * what the 95% profile interval gives: 'upper_limit_unbounded' or
 * 'interval_failed'; else 'ok'.
 */
Datum
mse_status(PG_FUNCTION_ARGS)
{
	RgMseResult *r = get_result(fcinfo, 0);
	double		lo,
				hi;

	if (r->status != RG_MSE_FIT_OK)
		PG_RETURN_TEXT_P(cstring_to_text(rg_mse_fit_status_name(r->status)));
	if (!limit_of(r, 0.95, -1, &lo) || !limit_of(r, 0.95, 1, &hi))
		PG_RETURN_TEXT_P(cstring_to_text("interval_failed"));
	if (isinf(hi))
		PG_RETURN_TEXT_P(cstring_to_text("upper_limit_unbounded"));
	PG_RETURN_TEXT_P(cstring_to_text("ok"));
}
