/*
 * statistics.c - fmgr adapters of src/core/binomial.c: confidence
 * intervals, threshold verdicts, funnel limits and positions, the funnel_phi
 * aggregate and Fisher's exact test of a change between periods.
 */
#include "recording_gap.h"

#include "mb/pg_wchar.h"

#include "core/binomial.h"

#include "fmgr.h"
#include "libpq/pqformat.h"
#include "utils/builtins.h"
#include "utils/float.h"
#include "utils/fmgrprotos.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"

PG_FUNCTION_INFO_V1(recording_stats_ci_lower);
PG_FUNCTION_INFO_V1(recording_stats_ci_upper);
PG_FUNCTION_INFO_V1(recording_stats_verdict);
PG_FUNCTION_INFO_V1(recording_stats_below_threshold);
PG_FUNCTION_INFO_V1(recording_funnel_lower);
PG_FUNCTION_INFO_V1(recording_funnel_upper);
PG_FUNCTION_INFO_V1(recording_stats_funnel_position);
PG_FUNCTION_INFO_V1(funnel_phi_accum);
PG_FUNCTION_INFO_V1(funnel_phi_combine);
PG_FUNCTION_INFO_V1(funnel_phi_serialize);
PG_FUNCTION_INFO_V1(funnel_phi_deserialize);
PG_FUNCTION_INFO_V1(funnel_phi_final);
PG_FUNCTION_INFO_V1(recording_stats_change_p_value);
PG_FUNCTION_INFO_V1(recording_stats_change);

/* ---- errors ---- */

/* The argument values an error message may quote. */
typedef struct StatArgs
{
	double		level;
	double		threshold;
	double		target;
	double		phi;
	double		alpha;
	int64		n;
} StatArgs;

#define STAT_ARGS_INIT {0.5, 0.5, 0.5, 1.0, 0.5, 0}

static void
stat_fail(RgStatStatus st, const StatArgs *a)
{
	switch (st)
	{
		case RG_STAT_OK:
		case RG_STAT_NO_DATA:
			return;
		case RG_STAT_BAD_LEVEL:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("level must be greater than 0 and less than 1"),
					 errdetail("The level is %s.", float8out_internal(a->level))));
			break;
		case RG_STAT_BAD_THRESHOLD:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("threshold must be between 0 and 1"),
					 errdetail("The threshold is %s.", float8out_internal(a->threshold))));
			break;
		case RG_STAT_BAD_TARGET:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("target must be between 0 and 1"),
					 errdetail("The target is %s.", float8out_internal(a->target))));
			break;
		case RG_STAT_BAD_PHI:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("phi must be finite and not negative"),
					 errdetail("The phi is %s.", float8out_internal(a->phi)),
					 errhint("A phi of 1 or less leaves the funnel limits as they are.")));
			break;
		case RG_STAT_BAD_ALPHA:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("alpha must be greater than 0 and less than 1"),
					 errdetail("The alpha is %s.", float8out_internal(a->alpha))));
			break;
		case RG_STAT_BAD_COUNTS:
			ereport(ERROR,
					(errcode(ERRCODE_DATA_EXCEPTION),
					 errmsg("referrals must not be negative")));
			break;
		case RG_STAT_TOO_LARGE:
			ereport(ERROR,
					(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
					 errmsg("too many referrals for exact binomial statistics"),
					 errdetail("There are %lld referrals; at most 9007199254740992 (2^53) are supported.",
							   (long long) a->n),
					 errhint("Counts above 2^53 cannot be represented exactly in double precision.")));
			break;
		case RG_STAT_NUMERIC:
		default:
			ereport(ERROR,
					(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
					 errmsg("binomial computation did not give a finite result"),
					 errdetail("There are %lld referrals; level %s, target %s.",
							   (long long) a->n, float8out_internal(a->level),
							   float8out_internal(a->target))));
	}
}

/* ---- per-call-site cache ---- */

/*
 * What a call site remembers in fn_extra.  Every entry is keyed on the value
 * it was computed from: the enum labels on the function's result type (fixed
 * for the FmgrInfo), the method on its name.  Nothing is remembered because
 * an argument is "stable": PL/pgSQL reuses one FmgrInfo while a variable
 * passed as that argument changes, so stability alone says nothing about
 * the value of the next call.
 */
#define RG_METHOD_KEY 16		/* longer than every valid method name */
#define RG_MAX_LABELS 5

typedef struct CallCache
{
	bool		have_labels;
	Oid			labels[RG_MAX_LABELS];
	bool		have_method;
	int			method_len;
	char		method_name[RG_METHOD_KEY];
	RgCiMethod	method;
} CallCache;

static CallCache *
call_cache(FunctionCallInfo fcinfo)
{
	if (fcinfo->flinfo->fn_extra == NULL)
		fcinfo->flinfo->fn_extra = MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt,
														  sizeof(CallCache));
	return (CallCache *) fcinfo->flinfo->fn_extra;
}

/* ---- enum results ---- */

/*
 * The OIDs of an enum's labels, looked up once per call site from the
 * function's declared result type.
 */
static Datum
enum_result(FunctionCallInfo fcinfo, const char *const *names, int nlabels, int idx)
{
	CallCache  *cache = call_cache(fcinfo);

	Assert(idx >= 0 && idx < nlabels && nlabels <= RG_MAX_LABELS);
	if (!cache->have_labels)
	{
		Oid			typid = get_func_rettype(fcinfo->flinfo->fn_oid);

		if (!OidIsValid(typid) || !type_is_enum(typid))
			ereport(ERROR,
					(errcode(ERRCODE_INTERNAL_ERROR),
					 errmsg("function %u does not return an enum", fcinfo->flinfo->fn_oid)));
		for (int i = 0; i < nlabels; i++)
			cache->labels[i] = DatumGetObjectId(DirectFunctionCall2(enum_in,
																	CStringGetDatum(names[i]),
																	ObjectIdGetDatum(typid)));
		cache->have_labels = true;
	}
	return ObjectIdGetDatum(cache->labels[idx]);
}

static const char *const verdict_labels[] = {"no_referrals", "below", "undetermined", "meets"};
static const char *const position_labels[] = {"low", "within", "high"};
static const char *const change_labels[] = {"improved", "worsened", "no_change", "no_data"};

/* ---- confidence intervals ---- */

/*
 * The method argument.  The last name parsed at this call site is kept with
 * its answer, and reused only when the name is the same bytes again.
 */
static RgCiMethod
method_arg(FunctionCallInfo fcinfo, int argno)
{
	CallCache  *cache = call_cache(fcinfo);
	text	   *t = PG_GETARG_TEXT_PP(argno);
	const char *s = VARDATA_ANY(t);
	size_t		len = VARSIZE_ANY_EXHDR(t);
	RgCiMethod	m;

	if (cache->have_method && len == (size_t) cache->method_len &&
		memcmp(s, cache->method_name, len) == 0)
		return cache->method;

	if (rg_ci_method_parse(s, len, &m) != 0)
	{
		/* quote at most 64 bytes of the name, cut on a character boundary */
		int			clip = pg_mbcliplen(s, (int) len, 64);

		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("unknown confidence interval method \"%.*s%s\"",
						clip, s, (size_t) clip < len ? "..." : ""),
				 errhint("Valid methods are %s.", rg_ci_method_list)));
	}
	if (len < RG_METHOD_KEY)
	{
		memcpy(cache->method_name, s, len);
		cache->method_len = (int) len;
		cache->method = m;
		cache->have_method = true;
	}
	return m;
}

static bool
ci_compute(FunctionCallInfo fcinfo, double *lower, double *upper)
{
	RecordingStats *s = PG_GETARG_RECORDING_STATS_P(0);
	StatArgs	a = STAT_ARGS_INIT;
	RgCiMethod	m = method_arg(fcinfo, 2);
	RgStatStatus st;

	a.level = PG_GETARG_FLOAT8(1);
	a.n = s->referrals;
	st = rg_binom_ci(s->recorded, s->referrals, a.level, m, lower, upper);
	if (st == RG_STAT_NO_DATA)
		return false;
	stat_fail(st, &a);
	return true;
}

Datum
recording_stats_ci_lower(PG_FUNCTION_ARGS)
{
	double		lo,
				hi;

	if (!ci_compute(fcinfo, &lo, &hi))
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(lo);
}

Datum
recording_stats_ci_upper(PG_FUNCTION_ARGS)
{
	double		lo,
				hi;

	if (!ci_compute(fcinfo, &lo, &hi))
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(hi);
}

/* ---- verdicts ---- */

static RgVerdict
verdict_compute(FunctionCallInfo fcinfo, double threshold)
{
	RecordingStats *s = PG_GETARG_RECORDING_STATS_P(0);
	StatArgs	a = STAT_ARGS_INIT;
	RgVerdict	v = RG_VERDICT_NO_REFERRALS;
	RgStatStatus st;

	a.threshold = threshold;
	a.n = s->referrals;
	st = rg_verdict(s, threshold, &v);
	if (st == RG_STAT_BAD_COUNTS)
		rg_check_counts(s);
	stat_fail(st, &a);
	return v;
}

/* recording_verdict(s, threshold), or recording_verdict(s) with the GUC */
Datum
recording_stats_verdict(PG_FUNCTION_ARGS)
{
	double		threshold = PG_NARGS() > 1 ? PG_GETARG_FLOAT8(1) : rg_threshold;
	RgVerdict	v = verdict_compute(fcinfo, threshold);

	return enum_result(fcinfo, verdict_labels, 4, (int) v);
}

Datum
recording_stats_below_threshold(PG_FUNCTION_ARGS)
{
	RgVerdict	v = verdict_compute(fcinfo, PG_GETARG_FLOAT8(1));

	if (v == RG_VERDICT_NO_REFERRALS)
		PG_RETURN_NULL();
	PG_RETURN_BOOL(v == RG_VERDICT_BELOW);
}

/* ---- funnel limits ---- */

static bool
funnel_compute(FunctionCallInfo fcinfo, double *lower, double *upper)
{
	StatArgs	a = STAT_ARGS_INIT;
	RgStatStatus st;

	a.n = PG_GETARG_INT64(0);
	a.target = PG_GETARG_FLOAT8(1);
	a.level = PG_GETARG_FLOAT8(2);
	st = rg_funnel_limits(a.n, a.target, a.level, lower, upper);
	if (st == RG_STAT_NO_DATA)
		return false;
	stat_fail(st, &a);
	return true;
}

Datum
recording_funnel_lower(PG_FUNCTION_ARGS)
{
	double		lo,
				hi;

	if (!funnel_compute(fcinfo, &lo, &hi))
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(lo);
}

Datum
recording_funnel_upper(PG_FUNCTION_ARGS)
{
	double		lo,
				hi;

	if (!funnel_compute(fcinfo, &lo, &hi))
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(hi);
}

Datum
recording_stats_funnel_position(PG_FUNCTION_ARGS)
{
	RecordingStats *s = PG_GETARG_RECORDING_STATS_P(0);
	StatArgs	a = STAT_ARGS_INIT;
	RgFunnelPosition pos;
	RgStatStatus st;

	a.target = PG_GETARG_FLOAT8(1);
	a.level = PG_GETARG_FLOAT8(2);
	a.phi = PG_GETARG_FLOAT8(3);
	a.n = s->referrals;
	st = rg_funnel_position(s->recorded, s->referrals, a.target, a.level, a.phi,
							&pos, NULL, NULL);
	if (st == RG_STAT_NO_DATA)
		PG_RETURN_NULL();
	stat_fail(st, &a);
	return enum_result(fcinfo, position_labels, 3, (int) pos);
}

/* ---- funnel_phi aggregate ---- */

/* The (referrals, recorded) pair of every unit seen, and the common target. */
typedef struct PhiState
{
	double		target;
	int64		count;
	int64		cap;
	int64	   *n;
	int64	   *x;
} PhiState;

static PhiState *
phi_state_new(MemoryContext cxt, double target, int64 cap)
{
	PhiState   *st = MemoryContextAllocZero(cxt, sizeof(PhiState));

	st->target = target;
	st->cap = cap < 16 ? 16 : cap;
	st->n = MemoryContextAllocHuge(cxt, sizeof(int64) * st->cap);
	st->x = MemoryContextAllocHuge(cxt, sizeof(int64) * st->cap);
	return st;
}

static void
phi_state_reserve(PhiState *st, int64 extra)
{
	int64		need = st->count + extra;

	if (need > st->cap)
	{
		int64		cap = st->cap;

		while (cap < need)
			cap *= 2;
		if ((Size) cap > MaxAllocHugeSize / sizeof(int64))
			ereport(ERROR,
					(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
					 errmsg("too many units for funnel_phi")));
		st->n = repalloc_huge(st->n, sizeof(int64) * cap);
		st->x = repalloc_huge(st->x, sizeof(int64) * cap);
		st->cap = cap;
	}
}

static void
phi_check_target(double target)
{
	if (!(target > 0.0 && target < 1.0))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("target of funnel_phi must be greater than 0 and less than 1"),
				 errdetail("The target is %s.", float8out_internal(target)),
				 errhint("The z-scores divide by the binomial standard deviation at the target, which is 0 at 0 and 1.")));
}

static void
phi_same_target(double a, double b)
{
	if (a != b)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("target of funnel_phi must be the same for every row"),
				 errdetail("Targets %s and %s were given.",
						   float8out_internal(a), float8out_internal(b))));
}

Datum
funnel_phi_accum(PG_FUNCTION_ARGS)
{
	MemoryContext aggcxt;
	PhiState   *st = PG_ARGISNULL(0) ? NULL : (PhiState *) PG_GETARG_POINTER(0);
	RecordingStats *s;
	double		target;

	if (!AggCheckCallContext(fcinfo, &aggcxt))
		elog(ERROR, "funnel_phi_accum called in non-aggregate context");
	/* rows with a NULL summary or target are skipped, as by a strict function */
	if (PG_ARGISNULL(1) || PG_ARGISNULL(2))
	{
		if (st == NULL)
			PG_RETURN_NULL();
		PG_RETURN_POINTER(st);
	}
	s = PG_GETARG_RECORDING_STATS_P(1);
	target = PG_GETARG_FLOAT8(2);
	phi_check_target(target);
	if (st == NULL)
		st = phi_state_new(aggcxt, target, 16);
	else
		phi_same_target(st->target, target);
	if (s->referrals > RG_STAT_MAX_COUNT)
	{
		StatArgs	a = STAT_ARGS_INIT;

		a.n = s->referrals;
		stat_fail(RG_STAT_TOO_LARGE, &a);
	}
	/* a unit without referrals has no z-score */
	if (s->referrals > 0)
	{
		phi_state_reserve(st, 1);
		st->n[st->count] = s->referrals;
		st->x[st->count] = s->recorded;
		st->count++;
	}
	PG_RETURN_POINTER(st);
}

Datum
funnel_phi_combine(PG_FUNCTION_ARGS)
{
	MemoryContext aggcxt;
	PhiState   *a = PG_ARGISNULL(0) ? NULL : (PhiState *) PG_GETARG_POINTER(0);
	PhiState   *b = PG_ARGISNULL(1) ? NULL : (PhiState *) PG_GETARG_POINTER(1);

	if (!AggCheckCallContext(fcinfo, &aggcxt))
		elog(ERROR, "funnel_phi_combine called in non-aggregate context");
	if (b == NULL)
	{
		if (a == NULL)
			PG_RETURN_NULL();
		PG_RETURN_POINTER(a);
	}
	if (a == NULL)
		a = phi_state_new(aggcxt, b->target, b->count);
	else
		phi_same_target(a->target, b->target);
	phi_state_reserve(a, b->count);
	memcpy(a->n + a->count, b->n, sizeof(int64) * b->count);
	memcpy(a->x + a->count, b->x, sizeof(int64) * b->count);
	a->count += b->count;
	PG_RETURN_POINTER(a);
}

Datum
funnel_phi_serialize(PG_FUNCTION_ARGS)
{
	PhiState   *st = (PhiState *) PG_GETARG_POINTER(0);
	StringInfoData buf;

	if (!AggCheckCallContext(fcinfo, NULL))
		elog(ERROR, "funnel_phi_serialize called in non-aggregate context");
	pq_begintypsend(&buf);
	pq_sendfloat8(&buf, st->target);
	pq_sendint64(&buf, st->count);
	for (int64 i = 0; i < st->count; i++)
	{
		pq_sendint64(&buf, st->n[i]);
		pq_sendint64(&buf, st->x[i]);
	}
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

Datum
funnel_phi_deserialize(PG_FUNCTION_ARGS)
{
	bytea	   *b = PG_GETARG_BYTEA_PP(0);
	MemoryContext aggcxt;
	StringInfoData buf;
	PhiState   *st;
	double		target;
	int64		count;

	if (!AggCheckCallContext(fcinfo, &aggcxt))
		elog(ERROR, "funnel_phi_deserialize called in non-aggregate context");
	buf.data = VARDATA_ANY(b);
	buf.len = VARSIZE_ANY_EXHDR(b);
	buf.maxlen = buf.len;
	buf.cursor = 0;
	target = pq_getmsgfloat8(&buf);
	count = pq_getmsgint64(&buf);
	if (count < 0 || count > (int64) ((buf.len - buf.cursor) / 16))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid funnel_phi state")));
	st = phi_state_new(aggcxt, target, count);
	for (int64 i = 0; i < count; i++)
	{
		st->n[i] = pq_getmsgint64(&buf);
		st->x[i] = pq_getmsgint64(&buf);
	}
	st->count = count;
	pq_getmsgend(&buf);
	PG_RETURN_POINTER(st);
}

Datum
funnel_phi_final(PG_FUNCTION_ARGS)
{
	PhiState   *st = PG_ARGISNULL(0) ? NULL : (PhiState *) PG_GETARG_POINTER(0);
	StatArgs	a = STAT_ARGS_INIT;
	double	   *work;
	double		phi;
	RgStatStatus rs;

	if (st == NULL || st->count == 0)
		PG_RETURN_NULL();
	work = palloc_extended(sizeof(double) * st->count, MCXT_ALLOC_HUGE);
	a.target = st->target;
	rs = rg_funnel_phi(st->n, st->x, (size_t) st->count, st->target, work, &phi);
	pfree(work);
	if (rs == RG_STAT_NO_DATA)
		PG_RETURN_NULL();
	stat_fail(rs, &a);
	PG_RETURN_FLOAT8(phi);
}

/* ---- change between periods ---- */

static void
check_size(const RecordingStats *s)
{
	if (s->referrals > RG_STAT_MAX_COUNT)
	{
		StatArgs	a = STAT_ARGS_INIT;

		a.n = s->referrals;
		stat_fail(RG_STAT_TOO_LARGE, &a);
	}
}

static RgChange
change_compute(FunctionCallInfo fcinfo, double alpha, double *p)
{
	RecordingStats *before = PG_GETARG_RECORDING_STATS_P(0);
	RecordingStats *after = PG_GETARG_RECORDING_STATS_P(1);
	StatArgs	a = STAT_ARGS_INIT;
	RgChange	c = RG_CHANGE_NO_DATA;
	RgStatStatus st;

	check_size(before);
	check_size(after);
	a.alpha = alpha;
	a.n = before->referrals + after->referrals;
	st = rg_change(before, after, alpha, &c, p);
	stat_fail(st, &a);
	return c;
}

Datum
recording_stats_change_p_value(PG_FUNCTION_ARGS)
{
	double		p;

	if (change_compute(fcinfo, 0.05, &p) == RG_CHANGE_NO_DATA)
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(p);
}

Datum
recording_stats_change(PG_FUNCTION_ARGS)
{
	RgChange	c = change_compute(fcinfo, PG_GETARG_FLOAT8(2), NULL);

	return enum_result(fcinfo, change_labels, 4, (int) c);
}
