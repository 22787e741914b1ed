/*
 * audit.c - fmgr adapters of src/core/audit.c: unrecorded_estimate and its
 * interval, from an audit sample's recording rate and the year's recorded
 * total.
 */
#include "recording_gap.h"

#include "core/audit.h"

#include "utils/builtins.h"
#include "utils/float.h"

PG_FUNCTION_INFO_V1(recording_stats_unrecorded_estimate);
PG_FUNCTION_INFO_V1(recording_stats_unrecorded_lower);
PG_FUNCTION_INFO_V1(recording_stats_unrecorded_upper);

/* false for a NULL answer; raises for bad input */
static bool
audit_status(RgStatStatus st, const RecordingStats *s, int64 total, double level)
{
	switch (st)
	{
		case RG_STAT_OK:
			return true;
		case RG_STAT_NO_DATA:
			return false;
		case RG_STAT_BAD_LEVEL:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("level must be greater than 0 and less than 1"),
					 errdetail("The level is %s.", float8out_internal(level))));
			break;
		case RG_STAT_BAD_COUNTS:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("recorded_total must not be negative"),
					 errdetail("The recorded_total is %lld.", (long long) total),
					 errhint("recorded_total is the number of crimes recorded in the period the sample stands for.")));
			break;
		case RG_STAT_TOO_LARGE:
			ereport(ERROR,
					(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
					 errmsg("too many referrals for exact binomial statistics"),
					 errdetail("There are %lld referrals; at most 9007199254740992 (2^53) are supported.",
							   (long long) s->referrals),
					 errhint("Counts above 2^53 cannot be represented exactly in double precision.")));
			break;
		default:
			ereport(ERROR,
					(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
					 errmsg("unrecorded estimate did not give a finite result"),
					 errdetail("There are %lld referrals; recorded_total %lld.",
							   (long long) s->referrals, (long long) total)));
	}
	return false;
}

Datum
recording_stats_unrecorded_estimate(PG_FUNCTION_ARGS)
{
	RecordingStats *s = PG_GETARG_RECORDING_STATS_P(0);
	int64		total = PG_GETARG_INT64(1);
	double		est;

	rg_check_counts(s);
	if (!audit_status(rg_unrecorded_estimate(s, total, &est), s, total, 0.5))
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(est);
}

static bool
audit_interval(FunctionCallInfo fcinfo, double *lower, double *upper)
{
	RecordingStats *s = PG_GETARG_RECORDING_STATS_P(0);
	int64		total = PG_GETARG_INT64(1);
	double		level = PG_GETARG_FLOAT8(2);

	rg_check_counts(s);
	return audit_status(rg_unrecorded_interval(s, total, level, lower, upper),
						s, total, level);
}

Datum
recording_stats_unrecorded_lower(PG_FUNCTION_ARGS)
{
	double		lo,
				hi;

	if (!audit_interval(fcinfo, &lo, &hi))
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(lo);
}

Datum
recording_stats_unrecorded_upper(PG_FUNCTION_ARGS)
{
	double		lo,
				hi;

	if (!audit_interval(fcinfo, &lo, &hi))
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(hi);
}
