/*
 * change_interval.c - fmgr adapters of src/core/newcombe.c: change_lower
 * and change_upper, Newcombe's hybrid score interval for ratio(after) -
 * ratio(before), spanning every resolution of the unknown outcomes.
 */
#include "recording_gap.h"

#include "core/newcombe.h"

#include "utils/builtins.h"
#include "utils/float.h"

PG_FUNCTION_INFO_V1(change_lower);
PG_FUNCTION_INFO_V1(change_upper);

static bool
change_interval(FunctionCallInfo fcinfo, double *lower, double *upper)
{
	RecordingStats *before = PG_GETARG_RECORDING_STATS_P(0);
	RecordingStats *after = PG_GETARG_RECORDING_STATS_P(1);
	double		level = PG_GETARG_FLOAT8(2);
	RgErrArgs	a = {0};
	RgStatStatus st;

	rg_check_counts(before);
	rg_check_counts(after);
	st = rg_change_interval(before, after, level, lower, upper);
	if (st == RG_STAT_NO_DATA)
		return false;
	a.have = RG_A_N | RG_A_N2 | RG_A_LEVEL;
	a.n = before->referrals;
	a.n2 = after->referrals;
	a.level = level;
	rg_error(RG_DOM_STAT, st, &a);
	return true;
}

Datum
change_lower(PG_FUNCTION_ARGS)
{
	double		lo,
				hi;

	if (!change_interval(fcinfo, &lo, &hi))
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(lo);
}

Datum
change_upper(PG_FUNCTION_ARGS)
{
	double		lo,
				hi;

	if (!change_interval(fcinfo, &lo, &hi))
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(hi);
}
