/*
 * change_interval.c - fmgr adapters of src/core/newcombe.c: change_lower
 * and change_upper, Newcombe's hybrid score interval for ratio(after) -
 * ratio(before), spanning every resolution of the unknown outcomes.
 */
#include "recording_gap.h"

#include "core/newcombe.h"

#include "utils/builtins.h"
#include "utils/float.h"

PG_FUNCTION_INFO_V1(recording_stats_change_lower);
PG_FUNCTION_INFO_V1(recording_stats_change_upper);

static bool
change_interval(FunctionCallInfo fcinfo, double *lower, double *upper)
{
	RecordingStats *before = PG_GETARG_RECORDING_STATS_P(0);
	RecordingStats *after = PG_GETARG_RECORDING_STATS_P(1);
	double		level = PG_GETARG_FLOAT8(2);
	RgStatStatus st;

	rg_check_counts(before);
	rg_check_counts(after);
	st = rg_change_interval(before, after, level, lower, upper);
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
		case RG_STAT_TOO_LARGE:
			ereport(ERROR,
					(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
					 errmsg("too many referrals for exact binomial statistics"),
					 errdetail("There are %lld and %lld referrals; at most 9007199254740992 (2^53) are supported.",
							   (long long) before->referrals, (long long) after->referrals),
					 errhint("Counts above 2^53 cannot be represented exactly in double precision.")));
			break;
		default:
			ereport(ERROR,
					(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
					 errmsg("change interval computation did not give a finite result"),
					 errdetail("There are %lld and %lld referrals; level %s.",
							   (long long) before->referrals, (long long) after->referrals,
							   float8out_internal(level))));
	}
	return false;
}

Datum
recording_stats_change_lower(PG_FUNCTION_ARGS)
{
	double		lo,
				hi;

	if (!change_interval(fcinfo, &lo, &hi))
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(lo);
}

Datum
recording_stats_change_upper(PG_FUNCTION_ARGS)
{
	double		lo,
				hi;

	if (!change_interval(fcinfo, &lo, &hi))
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(hi);
}
