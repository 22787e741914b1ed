/*
 * trend.c - fmgr adapters of src/core/trend.c: the aggregates
 * trend_p_value(score, s) and recording_trend(score, s [, alpha]).
 *
 * The transition state keeps one (score, referrals, recorded, unknown)
 * entry per distinct score, as integer sums: rows are appended and merged
 * by score now and then, and the combine function appends and merges
 * another state.  Integer sums do not depend on the order of the rows,
 * so a parallel plan gives exactly the serial answer.  The final functions
 * work on a merged copy and leave the state as it was.
 */
#include "recording_gap.h"

#include "catalog/pg_type.h"
#include "libpq/pqformat.h"
#include "utils/builtins.h"
#include "utils/float.h"
#include "utils/fmgrprotos.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"

#include "core/binomial.h"
#include "core/trend.h"

PG_FUNCTION_INFO_V1(trend_accum);
PG_FUNCTION_INFO_V1(trend_combine);
PG_FUNCTION_INFO_V1(trend_serialize);
PG_FUNCTION_INFO_V1(trend_deserialize);
PG_FUNCTION_INFO_V1(trend_p_value_final);
PG_FUNCTION_INFO_V1(recording_trend_final);

#define TREND_DEFAULT_ALPHA 0.05

typedef struct TrendState
{
	double		alpha;			/* the alpha of every row */
	int64		count;			/* entries in use */
	int64		cap;
	int64		merged;			/* count after the last merge */
	RgTrendPeriod *periods;
} TrendState;

static TrendState *
trend_state_new(MemoryContext cxt, double alpha, int64 cap)
{
	TrendState *st = MemoryContextAllocZero(cxt, sizeof(TrendState));

	st->alpha = alpha;
	st->cap = cap < 16 ? 16 : cap;
	st->periods = MemoryContextAllocHuge(cxt, sizeof(RgTrendPeriod) * st->cap);
	return st;
}

/* Merge equal scores when the list has doubled since the last merge. */
static void
trend_maybe_merge(TrendState *st, bool force)
{
	size_t		k;

	if (!force && st->count < 2 * st->merged + 64)
		return;
	k = (size_t) st->count;
	rg_error_plain(RG_DOM_TREND, rg_trend_compact(st->periods, &k));
	st->count = (int64) k;
	st->merged = st->count;
}

static void
trend_reserve(TrendState *st, int64 extra)
{
	int64		cap = rg_agg_grow(st->cap, st->count + extra, sizeof(RgTrendPeriod));

	if (cap == st->cap)
		return;
	if (cap < 0)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("too many distinct scores for the trend test")));
	st->periods = repalloc_huge(st->periods, sizeof(RgTrendPeriod) * cap);
	st->cap = cap;
}

static void
check_alpha(double alpha)
{
	RgErrArgs	a = {RG_A_ALPHA};

	a.alpha = alpha;
	if (!(alpha > 0.0 && alpha < 1.0))
		rg_error(RG_DOM_TREND, RG_TREND_BAD_ALPHA, &a);
}

static void
same_alpha(double a, double b)
{
	if (a != b)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("alpha of recording_trend must be the same for every row"),
				 errdetail("Alphas %s and %s were given.",
						   float8out_internal(a), float8out_internal(b))));
}

/*
 * trend_accum(state, score, s) and trend_accum(state, score, s, alpha).
 * A NULL score or summary is an error, never a silently skipped period.
 */
Datum
trend_accum(PG_FUNCTION_ARGS)
{
	MemoryContext aggcxt;
	TrendState *st = PG_ARGISNULL(0) ? NULL : (TrendState *) PG_GETARG_POINTER(0);
	RecordingStats *s;
	double		score,
				alpha = TREND_DEFAULT_ALPHA;
	RgTrendPeriod *q;

	aggcxt = rg_agg_context(fcinfo, "trend_accum");
	if (PG_ARGISNULL(1))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("score of a trend must not be null"),
				 errhint("Leave out the rows without a score (WHERE score IS NOT NULL).")));
	if (PG_ARGISNULL(2))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("recording_stats of a trend must not be null"),
				 errhint("Use coalesce(s, make_recording_stats(0, 0)) for a period without referrals, or WHERE s IS NOT NULL.")));
	if (PG_NARGS() > 3)
	{
		if (PG_ARGISNULL(3))
			ereport(ERROR,
					(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
					 errmsg("alpha of recording_trend must not be null"),
					 errhint("alpha is the significance level, for example 0.05.")));
		alpha = PG_GETARG_FLOAT8(3);
		check_alpha(alpha);
	}
	score = PG_GETARG_FLOAT8(1);
	s = PG_GETARG_RECORDING_STATS_P(2);
	if (isnan(score) || isinf(score))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("score must be finite"),
				 errdetail("The score is %s.", float8out_internal(score)),
				 errhint("Scores order the periods, for example 1, 2, 3 or the year.")));
	rg_check_counts(s);
	if (s->referrals > RG_STAT_MAX_COUNT)
		rg_error_plain(RG_DOM_TREND, RG_TREND_TOO_LARGE);

	if (st == NULL)
		st = trend_state_new(aggcxt, alpha, 16);
	else
		same_alpha(st->alpha, alpha);
	/* a period without referrals carries no weight */
	if (s->referrals == 0)
		PG_RETURN_POINTER(st);
	trend_reserve(st, 1);
	q = &st->periods[st->count++];
	q->score = score;
	q->referrals = s->referrals;
	q->recorded = s->recorded;
	q->unknown = s->unknown;
	trend_maybe_merge(st, false);
	PG_RETURN_POINTER(st);
}

Datum
trend_combine(PG_FUNCTION_ARGS)
{
	MemoryContext aggcxt;
	TrendState *a = PG_ARGISNULL(0) ? NULL : (TrendState *) PG_GETARG_POINTER(0);
	TrendState *b = PG_ARGISNULL(1) ? NULL : (TrendState *) PG_GETARG_POINTER(1);

	aggcxt = rg_agg_context(fcinfo, "trend_combine");
	RG_COMBINE_RETURN_IF_NO_SECOND(a, b);
	if (a == NULL)
		a = trend_state_new(aggcxt, b->alpha, b->count);
	else
		same_alpha(a->alpha, b->alpha);
	trend_reserve(a, b->count);
	memcpy(a->periods + a->count, b->periods, sizeof(RgTrendPeriod) * b->count);
	a->count += b->count;
	trend_maybe_merge(a, true);
	PG_RETURN_POINTER(a);
}

/* A merged copy of the state's periods, in the current memory context. */
static RgTrendPeriod *
trend_merged_copy(const TrendState *st, size_t *k)
{
	RgTrendPeriod *copy = palloc_extended(sizeof(RgTrendPeriod) * (st->count > 0 ? st->count : 1),
										  MCXT_ALLOC_HUGE);

	memcpy(copy, st->periods, sizeof(RgTrendPeriod) * st->count);
	*k = (size_t) st->count;
	rg_error_plain(RG_DOM_TREND, rg_trend_compact(copy, k));
	return copy;
}

Datum
trend_serialize(PG_FUNCTION_ARGS)
{
	TrendState *st = (TrendState *) PG_GETARG_POINTER(0);
	StringInfoData buf;
	RgTrendPeriod *copy;
	size_t		k;

	(void) rg_agg_context(fcinfo, "trend_serialize");
	copy = trend_merged_copy(st, &k);
	rg_agg_serial_begin(&buf, st->alpha, (int64) k);
	for (size_t i = 0; i < k; i++)
	{
		pq_sendfloat8(&buf, copy[i].score);
		pq_sendint64(&buf, copy[i].referrals);
		pq_sendint64(&buf, copy[i].recorded);
		pq_sendint64(&buf, copy[i].unknown);
	}
	pfree(copy);
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

Datum
trend_deserialize(PG_FUNCTION_ARGS)
{
	MemoryContext aggcxt = rg_agg_context(fcinfo, "trend_deserialize");
	StringInfoData buf;
	TrendState *st;
	double		alpha;
	int64		count = rg_agg_serial_open(fcinfo, 0, &buf, &alpha, 32, "trend state");

	st = trend_state_new(aggcxt, alpha, count);
	for (int64 i = 0; i < count; i++)
	{
		RgTrendPeriod *q = &st->periods[i];

		q->score = pq_getmsgfloat8(&buf);
		q->referrals = pq_getmsgint64(&buf);
		q->recorded = pq_getmsgint64(&buf);
		q->unknown = pq_getmsgint64(&buf);
	}
	st->count = count;
	st->merged = count;
	pq_getmsgend(&buf);
	PG_RETURN_POINTER(st);
}

Datum
trend_p_value_final(PG_FUNCTION_ARGS)
{
	TrendState *st = PG_ARGISNULL(0) ? NULL : (TrendState *) PG_GETARG_POINTER(0);
	RgTrendPeriod *periods;
	size_t		k;
	double		chisq,
				p;
	int			slope;
	bool		degenerate;
	RgTrendStatus rs;

	if (st == NULL || st->count == 0)
		PG_RETURN_NULL();
	periods = trend_merged_copy(st, &k);
	/* the p-value would depend on how the unknown outcomes resolve */
	for (size_t i = 0; i < k; i++)
		if (periods[i].unknown > 0)
			PG_RETURN_NULL();
	rs = rg_trend_test(periods, k, NULL, &chisq, &p, &slope, &degenerate);
	pfree(periods);
	if (rs == RG_TREND_NO_DATA)
		PG_RETURN_NULL();
	rg_error_plain(RG_DOM_TREND, rs);
	/* every referral with the same outcome: the statistic is 0/0 */
	if (degenerate)
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(p);
}

static const char *const direction_labels[] = {"improving", "worsening", "no_trend", "no_data", "undetermined"};

static Datum
direction_result(FunctionCallInfo fcinfo, int idx)
{
	Oid		   *labels = (Oid *) fcinfo->flinfo->fn_extra;

	if (labels == NULL)
	{
		Oid			typid = get_func_rettype(fcinfo->flinfo->fn_oid);

		if (!OidIsValid(typid) || !type_is_enum(typid))
			ereport(ERROR,
					(errcode(ERRCODE_INTERNAL_ERROR),
					 errmsg("function %u does not return an enum", fcinfo->flinfo->fn_oid)));
		labels = MemoryContextAlloc(fcinfo->flinfo->fn_mcxt, sizeof(Oid) * 5);
		for (int i = 0; i < 5; i++)
			labels[i] = DatumGetObjectId(DirectFunctionCall2(enum_in,
															 CStringGetDatum(direction_labels[i]),
															 ObjectIdGetDatum(typid)));
		fcinfo->flinfo->fn_extra = labels;
	}
	return ObjectIdGetDatum(labels[idx]);
}

Datum
recording_trend_final(PG_FUNCTION_ARGS)
{
	TrendState *st = PG_ARGISNULL(0) ? NULL : (TrendState *) PG_GETARG_POINTER(0);
	RgTrendPeriod *periods;
	RgTrendDirection dir = RG_TREND_DIR_NO_DATA;
	size_t		k;
	bool	   *work;

	if (st != NULL && st->count > 0)
	{
		periods = trend_merged_copy(st, &k);
		work = palloc_extended(sizeof(bool) * k, MCXT_ALLOC_HUGE);
		rg_error_plain(RG_DOM_TREND, rg_trend_direction(periods, k, st->alpha, work, &dir));
		pfree(work);
		pfree(periods);
	}
	return direction_result(fcinfo, (int) dir);
}
