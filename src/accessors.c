/*
 * accessors.c - figures read from a recording_stats summary, and the
 * scalar shortcuts over published totals.
 */
#include "recording_gap.h"

PG_FUNCTION_INFO_V1(referrals);
PG_FUNCTION_INFO_V1(recorded);
PG_FUNCTION_INFO_V1(unknown);
PG_FUNCTION_INFO_V1(timely);
PG_FUNCTION_INFO_V1(recording_ratio);
PG_FUNCTION_INFO_V1(recording_gap);
PG_FUNCTION_INFO_V1(confirmed_gap);
PG_FUNCTION_INFO_V1(completeness);
PG_FUNCTION_INFO_V1(timeliness_ratio);
PG_FUNCTION_INFO_V1(ratio_bounds_lower);
PG_FUNCTION_INFO_V1(ratio_bounds_upper);
PG_FUNCTION_INFO_V1(recording_ratio_totals);
PG_FUNCTION_INFO_V1(recording_gap_totals);
PG_FUNCTION_INFO_V1(recording_ratio_totals_int2);
PG_FUNCTION_INFO_V1(recording_gap_totals_int2);
PG_FUNCTION_INFO_V1(recording_ratio_totals_int4);
PG_FUNCTION_INFO_V1(recording_gap_totals_int4);
PG_FUNCTION_INFO_V1(recording_ratio_totals_numeric);
PG_FUNCTION_INFO_V1(recording_gap_totals_numeric);

#define S0 PG_GETARG_RECORDING_STATS_P(0)

Datum
referrals(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT64(S0->referrals);
}

Datum
recorded(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT64(S0->recorded);
}

Datum
unknown(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT64(S0->unknown);
}

Datum
timely(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT64(S0->timely);
}

/* num / den as float8, NULL when den is 0 */
#define RETURN_SHARE(num, den) \
	do { \
		if ((den) == 0) \
			PG_RETURN_NULL(); \
		PG_RETURN_FLOAT8((double) (num) / (double) (den)); \
	} while (0)

Datum
recording_ratio(PG_FUNCTION_ARGS)
{
	RecordingStats *s = S0;

	RETURN_SHARE(s->recorded, s->referrals);
}

Datum
recording_gap(PG_FUNCTION_ARGS)
{
	RecordingStats *s = S0;

	PG_RETURN_INT64(s->referrals - s->recorded);
}

Datum
confirmed_gap(PG_FUNCTION_ARGS)
{
	RecordingStats *s = S0;

	PG_RETURN_INT64(s->referrals - s->recorded - s->unknown);
}

Datum
completeness(PG_FUNCTION_ARGS)
{
	RecordingStats *s = S0;

	RETURN_SHARE(s->referrals - s->unknown, s->referrals);
}

Datum
timeliness_ratio(PG_FUNCTION_ARGS)
{
	RecordingStats *s = S0;

	RETURN_SHARE(s->timely, s->recorded);
}

Datum
ratio_bounds_lower(PG_FUNCTION_ARGS)
{
	RecordingStats *s = S0;

	RETURN_SHARE(s->recorded, s->referrals);
}

Datum
ratio_bounds_upper(PG_FUNCTION_ARGS)
{
	RecordingStats *s = S0;

	/* recorded + unknown <= referrals, so the sum cannot overflow */
	RETURN_SHARE(s->recorded + s->unknown, s->referrals);
}

/*
 * (referrals, recorded) given as bare totals, of the overload's argument
 * type, checked by the core's invariants (rg_totals_check) and reported as
 * invalid_parameter_value: the caller passed two numbers, not a summary.
 */
static RgCounts
totals_arg(FunctionCallInfo fcinfo, RgArgKind kind, const char *func)
{
	RgCounts	c = {0, 0, 0, 0};
	int			field = -1;
	RgStatus	st;

	c.referrals = rg_count_arg(fcinfo, 0, kind, func, "referrals");
	c.recorded = rg_count_arg(fcinfo, 1, kind, func, "recorded");
	st = rg_totals_check(c.referrals, c.recorded, &field);
	if (st == RG_NEGATIVE)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("referrals and recorded must not be negative"),
				 errdetail("Got referrals = %lld and recorded = %lld.",
						   (long long) c.referrals, (long long) c.recorded)));
	if (st != RG_OK)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("recorded must not exceed referrals"),
				 errdetail("Got referrals = %lld and recorded = %lld.",
						   (long long) c.referrals, (long long) c.recorded),
				 errhint("The arguments are (referrals, recorded), referrals first.")));
	return c;
}

static Datum
ratio_totals(FunctionCallInfo fcinfo, RgArgKind kind)
{
	RgCounts	c = totals_arg(fcinfo, kind, "recording_ratio");

	RETURN_SHARE(c.recorded, c.referrals);
}

static Datum
gap_totals(FunctionCallInfo fcinfo, RgArgKind kind)
{
	RgCounts	c = totals_arg(fcinfo, kind, "recording_gap");

	PG_RETURN_INT64(c.referrals - c.recorded);
}

Datum
recording_ratio_totals(PG_FUNCTION_ARGS)
{
	return ratio_totals(fcinfo, RG_ARG_INT8);
}

Datum
recording_gap_totals(PG_FUNCTION_ARGS)
{
	return gap_totals(fcinfo, RG_ARG_INT8);
}

Datum
recording_ratio_totals_int2(PG_FUNCTION_ARGS)
{
	return ratio_totals(fcinfo, RG_ARG_INT2);
}

Datum
recording_gap_totals_int2(PG_FUNCTION_ARGS)
{
	return gap_totals(fcinfo, RG_ARG_INT2);
}

Datum
recording_ratio_totals_int4(PG_FUNCTION_ARGS)
{
	return ratio_totals(fcinfo, RG_ARG_INT4);
}

Datum
recording_gap_totals_int4(PG_FUNCTION_ARGS)
{
	return gap_totals(fcinfo, RG_ARG_INT4);
}

Datum
recording_ratio_totals_numeric(PG_FUNCTION_ARGS)
{
	return ratio_totals(fcinfo, RG_ARG_NUMERIC);
}

Datum
recording_gap_totals_numeric(PG_FUNCTION_ARGS)
{
	return gap_totals(fcinfo, RG_ARG_NUMERIC);
}
