/*
 * aggregates.c - transition, inverse and combine functions of the
 * recording_stats(boolean), recording_stats(boolean, boolean) and
 * rollup(recording_stats) aggregates.
 *
 * The state is the fixed-size recording_stats value itself (32 bytes,
 * never NULL thanks to the zero initial condition).  Inside an aggregate or
 * window aggregate the state is updated in place, so no memory is allocated
 * per row; called outside an aggregate the functions work on a copy.
 */
#include "recording_gap.h"

#include "nodes/nodes.h"

PG_FUNCTION_INFO_V1(recording_stats_accum);
PG_FUNCTION_INFO_V1(recording_stats_accum_inv);
PG_FUNCTION_INFO_V1(recording_stats_accum_timely);
PG_FUNCTION_INFO_V1(recording_stats_accum_timely_inv);
PG_FUNCTION_INFO_V1(recording_stats_merge);
PG_FUNCTION_INFO_V1(recording_stats_unmerge);

/*
 * True when called as an aggregate or window aggregate transition function:
 * the same test as AggCheckCallContext(fcinfo, NULL) != 0, written out so
 * that it costs two compares instead of a call into the server per row.
 */
static inline bool
in_aggregate(FunctionCallInfo fcinfo)
{
	return fcinfo->context != NULL &&
		(IsA(fcinfo->context, AggState) || IsA(fcinfo->context, WindowAggState));
}

/* The state to update: arg 0 itself inside an aggregate, else a copy. */
static inline RecordingStats *
mutable_state(FunctionCallInfo fcinfo)
{
	RecordingStats *s;

	if (unlikely(PG_ARGISNULL(0)))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("recording_stats transition state must not be null"),
				 errdetail("The aggregate's initial condition is a zero summary.")));
	s = PG_GETARG_RECORDING_STATS_P(0);
	if (likely(in_aggregate(fcinfo)))
		return s;
	else
	{
		RecordingStats *copy = palloc(sizeof(RecordingStats));

		*copy = *s;
		return copy;
	}
}

/* 1 = recorded, 0 = not recorded, -1 = unknown (NULL) */
static inline int
recorded_arg(FunctionCallInfo fcinfo)
{
	return PG_ARGISNULL(1) ? -1 : (PG_GETARG_BOOL(1) ? 1 : 0);
}

static inline int
timely_arg(FunctionCallInfo fcinfo)
{
	return (!PG_ARGISNULL(2) && PG_GETARG_BOOL(2)) ? 1 : 0;
}

static void
report_untimely(RgStatus st, int recorded)
{
	if (st == RG_TIMELY_EXCEEDS)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("a referral cannot be timely unless it is recorded"),
				 errdetail("The row has timely = true and recorded = %s.",
						   recorded < 0 ? "null" : "false"),
				 errhint("Set timely to false or null for referrals that were not recorded.")));
	rg_report(st, NULL, -1);
}

Datum
recording_stats_accum(PG_FUNCTION_ARGS)
{
	RecordingStats *s = mutable_state(fcinfo);
	RgStatus	st = rg_counts_accum(s, recorded_arg(fcinfo), 0);

	if (unlikely(st != RG_OK))
		rg_report(st, NULL, -1);
	PG_RETURN_RECORDING_STATS_P(s);
}

Datum
recording_stats_accum_inv(PG_FUNCTION_ARGS)
{
	RecordingStats *s = mutable_state(fcinfo);
	RgStatus	st = rg_counts_unaccum(s, recorded_arg(fcinfo), 0);

	if (unlikely(st != RG_OK))
		rg_report(st, NULL, -1);
	PG_RETURN_RECORDING_STATS_P(s);
}

Datum
recording_stats_accum_timely(PG_FUNCTION_ARGS)
{
	RecordingStats *s = mutable_state(fcinfo);
	int			rec = recorded_arg(fcinfo);
	RgStatus	st = rg_counts_accum(s, rec, timely_arg(fcinfo));

	if (unlikely(st != RG_OK))
		report_untimely(st, rec);
	PG_RETURN_RECORDING_STATS_P(s);
}

Datum
recording_stats_accum_timely_inv(PG_FUNCTION_ARGS)
{
	RecordingStats *s = mutable_state(fcinfo);
	int			rec = recorded_arg(fcinfo);
	RgStatus	st = rg_counts_unaccum(s, rec, timely_arg(fcinfo));

	if (unlikely(st != RG_OK))
		report_untimely(st, rec);
	PG_RETURN_RECORDING_STATS_P(s);
}

/*
 * A NULL summary given to rollup(): an error, because skipping it would
 * drop a group from a published total without a word.
 */
static inline const RecordingStats *
summary_arg(FunctionCallInfo fcinfo)
{
	if (unlikely(PG_ARGISNULL(1)))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("rollup() does not accept a null recording_stats summary"),
				 errdetail("Skipping it would leave a group out of the total without a word."),
				 errhint("Leave such rows out with WHERE s IS NOT NULL, or write coalesce(s, make_recording_stats(0, 0)) if a missing summary means no referrals.")));
	return PG_GETARG_RECORDING_STATS_P(1);
}

/*
 * state + value: the transition function of rollup() and the combine
 * function of all three aggregates.  CALLED ON NULL INPUT from 0.2.0: a
 * NULL summary raises an error (summary_arg) and a NULL state too
 * (mutable_state); the initial condition is a zero summary, so inside an
 * aggregate the state is never NULL.  (In a 0.1.0 catalog the function is
 * STRICT and never sees a NULL.)
 */
Datum
recording_stats_merge(PG_FUNCTION_ARGS)
{
	RecordingStats *s = mutable_state(fcinfo);
	const RecordingStats *v = summary_arg(fcinfo);
	RgStatus	st = rg_counts_add(s, v, s);

	if (unlikely(st != RG_OK))
		rg_report(st, NULL, -1);
	PG_RETURN_RECORDING_STATS_P(s);
}

/* state - value: the inverse transition function of rollup(). */
Datum
recording_stats_unmerge(PG_FUNCTION_ARGS)
{
	RecordingStats *s = mutable_state(fcinfo);
	const RecordingStats *v = summary_arg(fcinfo);
	RgStatus	st = rg_counts_sub(s, v, s);

	if (unlikely(st != RG_OK))
		rg_report(st, NULL, -1);
	PG_RETURN_RECORDING_STATS_P(s);
}
