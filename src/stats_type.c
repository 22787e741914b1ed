/*
 * stats_type.c - the recording_stats base type: text and binary I/O,
 * constructor, equality, hashing and addition.
 */
#include "recording_gap.h"

#include "common/hashfn.h"
#include "libpq/pqformat.h"
#include "utils/builtins.h"
#include "utils/numeric.h"

PG_FUNCTION_INFO_V1(recording_stats_in);
PG_FUNCTION_INFO_V1(recording_stats_out);
PG_FUNCTION_INFO_V1(recording_stats_recv);
PG_FUNCTION_INFO_V1(recording_stats_send);
PG_FUNCTION_INFO_V1(make_recording_stats);
PG_FUNCTION_INFO_V1(make_recording_stats_int2);
PG_FUNCTION_INFO_V1(make_recording_stats_int4);
PG_FUNCTION_INFO_V1(make_recording_stats_numeric);
PG_FUNCTION_INFO_V1(recording_stats_eq);
PG_FUNCTION_INFO_V1(recording_stats_ne);
PG_FUNCTION_INFO_V1(recording_stats_hash);
PG_FUNCTION_INFO_V1(recording_stats_add);

static RecordingStats *
stats_palloc(const RgCounts *c)
{
	RecordingStats *r = (RecordingStats *) palloc(sizeof(RecordingStats));

	*r = *c;
	return r;
}

Datum
recording_stats_in(PG_FUNCTION_ARGS)
{
	char	   *str = PG_GETARG_CSTRING(0);
	RgCounts	c;
	size_t		pos = 0;
	const char *what = NULL;
	RgStatus	st = rg_counts_parse(str, &c, &pos, &what);

	if (st == RG_SYNTAX)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				 errmsg("invalid input syntax for type recording_stats: \"%s\"", str),
				 errdetail("At character %zu: %s.", pos + 1, what),
				 errhint("Write it as (referrals=N, recorded=N, unknown=N, timely=N); unknown and timely may be left out.")));
	if (st == RG_OVERFLOW)
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("value out of range for type recording_stats: \"%s\"", str),
				 errdetail("At character %zu: %s.", pos + 1, what)));
	rg_check_counts(&c);
	PG_RETURN_RECORDING_STATS_P(stats_palloc(&c));
}

Datum
recording_stats_out(PG_FUNCTION_ARGS)
{
	RecordingStats *s = PG_GETARG_RECORDING_STATS_P(0);
	char	   *buf = palloc(RG_COUNTS_TEXT_MAX);

	rg_counts_format(s, buf, RG_COUNTS_TEXT_MAX);
	PG_RETURN_CSTRING(buf);
}

Datum
recording_stats_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	int			remaining = buf->len - buf->cursor;
	RgCounts	c;

	if (remaining != RG_COUNTS_WIRE_SIZE)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid binary length for type recording_stats"),
				 errdetail("Expected %d bytes, got %d.", RG_COUNTS_WIRE_SIZE, remaining)));
	if (rg_counts_decode((const unsigned char *) pq_getmsgbytes(buf, RG_COUNTS_WIRE_SIZE),
						 RG_COUNTS_WIRE_SIZE, &c) != RG_OK)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid binary value for type recording_stats"),
				 errdetail("The four counts could not be decoded.")));
	rg_check_counts(&c);
	PG_RETURN_RECORDING_STATS_P(stats_palloc(&c));
}

Datum
recording_stats_send(PG_FUNCTION_ARGS)
{
	RecordingStats *s = PG_GETARG_RECORDING_STATS_P(0);
	StringInfoData buf;
	unsigned char wire[RG_COUNTS_WIRE_SIZE];

	rg_counts_encode(s, wire);
	pq_begintypsend(&buf);
	pq_sendbytes(&buf, (const char *) wire, RG_COUNTS_WIRE_SIZE);
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/* ---- counts given as arguments ---- */

int64
rg_count_arg(FunctionCallInfo fcinfo, int i, RgArgKind kind,
			 const char *func, const char *argname)
{
	switch (kind)
	{
		case RG_ARG_INT2:
			return (int64) PG_GETARG_INT16(i);
		case RG_ARG_INT4:
			return (int64) PG_GETARG_INT32(i);
		case RG_ARG_INT8:
			return PG_GETARG_INT64(i);
		case RG_ARG_NUMERIC:
			break;
	}
	{
		char	   *str = DatumGetCString(DirectFunctionCall1(numeric_out,
															  PG_GETARG_DATUM(i)));
		int64		v = 0;
		RgStatus	st = rg_count_from_decimal(str, &v);

		if (st == RG_NOT_WHOLE)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("argument \"%s\" of %s must be a whole number", argname, func),
					 errdetail("Got %s; a count of referrals has no fraction.", str)));
		if (st == RG_OVERFLOW)
			ereport(ERROR,
					(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
					 errmsg("argument \"%s\" of %s is out of range for a count", argname, func),
					 errdetail("Got %s; a count must fit in bigint (at most 9223372036854775807).", str)));
		if (st != RG_OK)
			ereport(ERROR,
					(errcode(ERRCODE_INTERNAL_ERROR),
					 errmsg("unexpected numeric text \"%s\"", str)));
		return v;
	}
}

void
rg_reject_null_counts(FunctionCallInfo fcinfo, int nargs,
					  const char *func, const char *const *argnames)
{
	for (int i = 0; i < nargs; i++)
	{
		if (PG_ARGISNULL(i))
			ereport(ERROR,
					(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
					 errmsg("argument \"%s\" of %s must not be null", argnames[i], func),
					 errdetail("A NULL count would make the whole summary NULL, and an aggregate such as rollup() would then leave the group out of its total."),
					 errhint("If a missing %s count means none, write coalesce(x, 0); otherwise leave the row out with WHERE x IS NOT NULL.",
							 argnames[i])));
	}
}

static const char *const make_argnames[4] = {"referrals", "recorded", "unknown", "timely"};

/*
 * make_recording_stats for every argument type.  CALLED ON NULL INPUT from
 * 0.2.0: a NULL count is an error, never a NULL summary.  (In a 0.1.0
 * catalog the bigint form is still STRICT and never sees a NULL.)
 */
static Datum
make_stats(FunctionCallInfo fcinfo, RgArgKind kind)
{
	int64		v[4];
	RgCounts	c;
	int			field = -1;
	RgStatus	st;

	rg_reject_null_counts(fcinfo, 4, "make_recording_stats", make_argnames);
	for (int i = 0; i < 4; i++)
		v[i] = rg_count_arg(fcinfo, i, kind, "make_recording_stats", make_argnames[i]);
	st = rg_counts_make(v[0], v[1], v[2], v[3], &c, &field);
	if (st != RG_OK)
	{
		RgCounts	bad = {v[0], v[1], v[2], v[3]};

		rg_report(st, &bad, field);
	}
	PG_RETURN_RECORDING_STATS_P(stats_palloc(&c));
}

Datum
make_recording_stats(PG_FUNCTION_ARGS)
{
	return make_stats(fcinfo, RG_ARG_INT8);
}

Datum
make_recording_stats_int2(PG_FUNCTION_ARGS)
{
	return make_stats(fcinfo, RG_ARG_INT2);
}

Datum
make_recording_stats_int4(PG_FUNCTION_ARGS)
{
	return make_stats(fcinfo, RG_ARG_INT4);
}

Datum
make_recording_stats_numeric(PG_FUNCTION_ARGS)
{
	return make_stats(fcinfo, RG_ARG_NUMERIC);
}

static inline bool
stats_equal(const RecordingStats *a, const RecordingStats *b)
{
	return a->referrals == b->referrals && a->recorded == b->recorded &&
		a->unknown == b->unknown && a->timely == b->timely;
}

Datum
recording_stats_eq(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(stats_equal(PG_GETARG_RECORDING_STATS_P(0),
							   PG_GETARG_RECORDING_STATS_P(1)));
}

Datum
recording_stats_ne(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(!stats_equal(PG_GETARG_RECORDING_STATS_P(0),
								PG_GETARG_RECORDING_STATS_P(1)));
}

Datum
recording_stats_hash(PG_FUNCTION_ARGS)
{
	RecordingStats *s = PG_GETARG_RECORDING_STATS_P(0);
	unsigned char wire[RG_COUNTS_WIRE_SIZE];

	/* hash the canonical big-endian form so the hash is platform-independent */
	rg_counts_encode(s, wire);
	return hash_any(wire, RG_COUNTS_WIRE_SIZE);
}

Datum
recording_stats_add(PG_FUNCTION_ARGS)
{
	RecordingStats *a = PG_GETARG_RECORDING_STATS_P(0);
	RecordingStats *b = PG_GETARG_RECORDING_STATS_P(1);
	RgCounts	r;
	RgStatus	st = rg_counts_add(a, b, &r);

	if (st != RG_OK)
		rg_report(st, NULL, -1);
	/* the sum of two valid summaries is valid; check anyway, it is cheap */
	rg_check_counts(&r);
	PG_RETURN_RECORDING_STATS_P(stats_palloc(&r));
}
