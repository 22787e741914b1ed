/*
 * arith.c - subtraction and the zero summary of recording_stats, the
 * arithmetic that continuous summaries (sql/current/60_summaries.sql) need:
 * a summary is kept as rollup(added) - rollup(removed).
 */
#include "recording_gap.h"

PG_FUNCTION_INFO_V1(recording_stats_sub);
PG_FUNCTION_INFO_V1(recording_stats_zero);

/*
 * a - b: the summary left when the referrals of b are taken out of a.  b
 * must be contained in a: every count of b at most a's, and the difference
 * must itself be a summary.  Anything else is numeric_value_out_of_range,
 * naming the count.
 */
Datum
recording_stats_sub(PG_FUNCTION_ARGS)
{
	RecordingStats *a = PG_GETARG_RECORDING_STATS_P(0);
	RecordingStats *b = PG_GETARG_RECORDING_STATS_P(1);
	RecordingStats *r = (RecordingStats *) palloc(sizeof(RecordingStats));
	int			field = -1;
	RgStatus	st = rg_counts_difference(a, b, r, &field);

	if (likely(st == RG_OK))
		PG_RETURN_RECORDING_STATS_P(r);
	if (field < 0 || field > 3)
		field = 0;
	if (st == RG_UNDERFLOW)
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("recording_stats subtraction would make the %s count negative",
						rg_field_names[field]),
				 errdetail("%lld %s minus %lld %s.",
						   (long long) rg_counts_field(a, field), rg_field_names[field],
						   (long long) rg_counts_field(b, field), rg_field_names[field]),
				 errhint("Subtract only a summary of referrals that the first one contains.")));
	else if (st == RG_TIMELY_EXCEEDS)
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("recording_stats subtraction would leave more timely than recorded referrals"),
				 errdetail("The difference would have %lld recorded and %lld timely.",
						   (long long) (a->recorded - b->recorded),
						   (long long) (a->timely - b->timely)),
				 errhint("Subtract only a summary of referrals that the first one contains.")));
	else if (st == RG_EXCEEDS_REFERRALS)
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("recording_stats subtraction would leave %s plus %s above referrals",
						"recorded", "unknown"),
				 errdetail("The difference would have %lld referrals, %lld recorded and %lld unknown.",
						   (long long) (a->referrals - b->referrals),
						   (long long) (a->recorded - b->recorded),
						   (long long) (a->unknown - b->unknown)),
				 errhint("Subtract only a summary of referrals that the first one contains.")));
	else
		rg_report(st, NULL, -1);
	PG_RETURN_NULL();			/* not reached */
}

/* The zero summary: the sum of no referrals, identity of + and -. */
Datum
recording_stats_zero(PG_FUNCTION_ARGS)
{
	RecordingStats *r = (RecordingStats *) palloc0(sizeof(RecordingStats));

	PG_RETURN_RECORDING_STATS_P(r);
}
