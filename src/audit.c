/*
 * audit.c - fmgr adapters of src/core/audit.c: unrecorded_estimate and its
 * interval, from an audit sample's recording rate and the year's recorded
 * total.
 */
#include "recording_gap.h"

#include "core/audit.h"

#include "utils/builtins.h"
#include "utils/float.h"

PG_FUNCTION_INFO_V1(unrecorded_estimate);
PG_FUNCTION_INFO_V1(unrecorded_estimate_lower);
PG_FUNCTION_INFO_V1(unrecorded_estimate_upper);

/* false for a NULL answer; raises for bad input */
static bool
audit_status(RgStatStatus st, const RecordingStats *s, double level, bool has_level)
{
	RgErrArgs	a = {0};

	if (st == RG_STAT_NO_DATA)
		return false;
	a.have = RG_A_N | (has_level ? RG_A_LEVEL : 0);
	a.n = s->referrals;
	a.level = level;
	rg_error(RG_DOM_STAT, st, &a);
	return true;
}

/* recorded_total is the argument's own check, before the core's */
static void
check_total(int64 total)
{
	if (total < 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("recorded_total must not be negative"),
				 errdetail("The recorded_total is %lld.", (long long) total),
				 errhint("recorded_total is the number of crimes recorded in the period the sample stands for.")));
}

Datum
unrecorded_estimate(PG_FUNCTION_ARGS)
{
	RecordingStats *s = PG_GETARG_RECORDING_STATS_P(0);
	int64		total = PG_GETARG_INT64(1);
	double		est;

	rg_check_counts(s);
	check_total(total);
	if (!audit_status(rg_unrecorded_estimate(s, total, &est), s, 0.0, false))
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
	check_total(total);
	return audit_status(rg_unrecorded_interval(s, total, level, lower, upper),
						s, level, true);
}

Datum
unrecorded_estimate_lower(PG_FUNCTION_ARGS)
{
	double		lo,
				hi;

	if (!audit_interval(fcinfo, &lo, &hi))
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(lo);
}

Datum
unrecorded_estimate_upper(PG_FUNCTION_ARGS)
{
	double		lo,
				hi;

	if (!audit_interval(fcinfo, &lo, &hi))
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(hi);
}
