/*
 * statistics.c - fmgr adapters of src/core/binomial.c: confidence
 * intervals (and the interval that accounts for unknowns), threshold
 * verdicts and the test of a change between periods.  The funnel functions
 * are in funnel.c.
 */
#include "statistics.h"

#include "mb/pg_wchar.h"

#include "catalog/pg_enum.h"
#include "fmgr.h"
#include "utils/builtins.h"
#include "utils/float.h"
#include "utils/fmgrprotos.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/syscache.h"

PG_FUNCTION_INFO_V1(ci_lower);
PG_FUNCTION_INFO_V1(ci_upper);
PG_FUNCTION_INFO_V1(recording_verdict);
PG_FUNCTION_INFO_V1(below_threshold);
PG_FUNCTION_INFO_V1(ci_bounds_lower);
PG_FUNCTION_INFO_V1(ci_bounds_upper);
PG_FUNCTION_INFO_V1(recording_verdict_ci);
PG_FUNCTION_INFO_V1(change_p_value);
PG_FUNCTION_INFO_V1(recording_change);

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
	Oid			typid;
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
 * The OID of one label of the enum the function returns, looked up at its
 * first use at this call site.  A label added in 0.2.0 is looked up only
 * when it is the answer, so a catalog not yet updated fails with a hint
 * instead of a wrong label.
 */
Datum
rg_enum_result(FunctionCallInfo fcinfo, const char *const *names, int nlabels, int idx)
{
	CallCache  *cache = call_cache(fcinfo);

	Assert(idx >= 0 && idx < nlabels && nlabels <= RG_MAX_LABELS);
	if (!cache->have_labels)
	{
		cache->typid = get_func_rettype(fcinfo->flinfo->fn_oid);
		if (!OidIsValid(cache->typid) || !type_is_enum(cache->typid))
			ereport(ERROR,
					(errcode(ERRCODE_INTERNAL_ERROR),
					 errmsg("function %u does not return an enum", fcinfo->flinfo->fn_oid)));
		cache->have_labels = true;
	}
	if (!OidIsValid(cache->labels[idx]))
	{
		if (!SearchSysCacheExists2(ENUMTYPOIDNAME, ObjectIdGetDatum(cache->typid),
								   CStringGetDatum(names[idx])))
			ereport(ERROR,
					(errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
					 errmsg("enum type %s has no label \"%s\"",
							format_type_be(cache->typid), names[idx]),
					 errhint("Update the extension: ALTER EXTENSION recording_gap UPDATE.")));
		cache->labels[idx] = DatumGetObjectId(DirectFunctionCall2(enum_in,
																  CStringGetDatum(names[idx]),
																  ObjectIdGetDatum(cache->typid)));
	}
	return ObjectIdGetDatum(cache->labels[idx]);
}

/* ---- the interval method ---- */

/*
 * The method argument.  The last name parsed at this call site is kept with
 * its answer, and reused only when the name is the same bytes again.
 */
RgCiMethod
rg_method_arg(FunctionCallInfo fcinfo, int argno)
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

/* ---- confidence intervals ---- */

/*
 * The interval of ci_* (bounds false: recorded of referrals, the worst
 * case) or of ci_bounds_* (bounds true: the worst case's lower limit, the
 * best case's upper).  False when there are no referrals.
 */
static bool
ci_compute(FunctionCallInfo fcinfo, bool bounds, double *lower, double *upper)
{
	RecordingStats *s = PG_GETARG_RECORDING_STATS_P(0);
	RgErrArgs	a = {0};
	RgCiMethod	m = rg_method_arg(fcinfo, 2);
	RgStatStatus st;

	a.level = PG_GETARG_FLOAT8(1);
	a.have |= RG_A_LEVEL;
	a.n = s->referrals;
	a.have |= RG_A_N;
	if (bounds)
		st = rg_ci_bounds(s, a.level, m, lower, upper);
	else
		st = rg_binom_ci(s->recorded, s->referrals, a.level, m, lower, upper);
	if (st == RG_STAT_NO_DATA)
		return false;
	if (bounds && st == RG_STAT_BAD_COUNTS)
		rg_check_counts(s);
	rg_error(RG_DOM_STAT, st, &a);
	return true;
}

/* ci_lower / ci_upper: the worst case, recorded of referrals */
Datum
ci_lower(PG_FUNCTION_ARGS)
{
	double		lo,
				hi;

	if (!ci_compute(fcinfo, false, &lo, &hi))
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(lo);
}

Datum
ci_upper(PG_FUNCTION_ARGS)
{
	double		lo,
				hi;

	if (!ci_compute(fcinfo, false, &lo, &hi))
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(hi);
}

/* ci_bounds_lower / ci_bounds_upper: worst case's lower, best case's upper */
Datum
ci_bounds_lower(PG_FUNCTION_ARGS)
{
	double		lo,
				hi;

	if (!ci_compute(fcinfo, true, &lo, &hi))
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(lo);
}

Datum
ci_bounds_upper(PG_FUNCTION_ARGS)
{
	double		lo,
				hi;

	if (!ci_compute(fcinfo, true, &lo, &hi))
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(hi);
}

/* ---- verdicts ---- */

static const char *const verdict_labels[] = {"no_referrals", "below", "undetermined", "meets"};

static RgVerdict
verdict_compute(FunctionCallInfo fcinfo, double threshold)
{
	RecordingStats *s = PG_GETARG_RECORDING_STATS_P(0);
	RgErrArgs	a = {0};
	RgVerdict	v = RG_VERDICT_NO_REFERRALS;
	RgStatStatus st;

	a.threshold = threshold;
	a.have |= RG_A_THRESHOLD;
	a.n = s->referrals;
	a.have |= RG_A_N;
	st = rg_verdict(s, threshold, &v);
	if (st == RG_STAT_BAD_COUNTS)
		rg_check_counts(s);
	rg_error(RG_DOM_STAT, st, &a);
	return v;
}

/* recording_verdict(s, threshold), or recording_verdict(s) with the GUC */
Datum
recording_verdict(PG_FUNCTION_ARGS)
{
	double		threshold = PG_NARGS() > 1 ? PG_GETARG_FLOAT8(1) : rg_threshold;
	RgVerdict	v = verdict_compute(fcinfo, threshold);

	return rg_enum_result(fcinfo, verdict_labels, 4, (int) v);
}

Datum
below_threshold(PG_FUNCTION_ARGS)
{
	RgVerdict	v = verdict_compute(fcinfo, PG_GETARG_FLOAT8(1));

	/* nothing to judge, or the unknown outcomes decide: no answer */
	if (v == RG_VERDICT_NO_REFERRALS || v == RG_VERDICT_UNDETERMINED)
		PG_RETURN_NULL();
	PG_RETURN_BOOL(v == RG_VERDICT_BELOW);
}

/* recording_verdict(s, threshold, level, method): beyond chance */
Datum
recording_verdict_ci(PG_FUNCTION_ARGS)
{
	RecordingStats *s = PG_GETARG_RECORDING_STATS_P(0);
	RgErrArgs	a = {0};
	RgCiMethod	m = rg_method_arg(fcinfo, 3);
	RgVerdict	v = RG_VERDICT_NO_REFERRALS;
	RgStatStatus st;

	a.threshold = PG_GETARG_FLOAT8(1);
	a.have |= RG_A_THRESHOLD;
	a.level = PG_GETARG_FLOAT8(2);
	a.have |= RG_A_LEVEL;
	a.n = s->referrals;
	a.have |= RG_A_N;
	st = rg_verdict_ci(s, a.threshold, a.level, m, &v);
	if (st == RG_STAT_BAD_COUNTS)
		rg_check_counts(s);
	rg_error(RG_DOM_STAT, st, &a);
	return rg_enum_result(fcinfo, verdict_labels, 4, (int) v);
}

/* ---- change between periods ---- */

static const char *const change_labels[] = {"improved", "worsened", "no_change", "no_data", "undetermined"};

void
rg_stat_check_size(const RecordingStats *s)
{
	if (s->referrals > RG_STAT_MAX_COUNT)
	{
		RgErrArgs	a = {0};

		a.n = s->referrals;
		a.have |= RG_A_N;
		rg_error(RG_DOM_STAT, RG_STAT_TOO_LARGE, &a);
	}
}

static RgChange
change_compute(FunctionCallInfo fcinfo, double alpha, double *p)
{
	RecordingStats *before = PG_GETARG_RECORDING_STATS_P(0);
	RecordingStats *after = PG_GETARG_RECORDING_STATS_P(1);
	RgErrArgs	a = {0};
	RgChange	c = RG_CHANGE_NO_DATA;
	RgStatStatus st;

	rg_stat_check_size(before);
	rg_stat_check_size(after);
	a.alpha = alpha;
	if (p == NULL)				/* change_p_value has no alpha */
		a.have |= RG_A_ALPHA;
	a.n = before->referrals;
	a.n2 = after->referrals;
	a.have |= RG_A_N | RG_A_N2;
	st = rg_change(before, after, alpha, &c, p);
	if (st == RG_STAT_BAD_COUNTS)
	{
		rg_check_counts(before);
		rg_check_counts(after);
	}
	rg_error(RG_DOM_STAT, st, &a);
	return c;
}

/*
 * change_p_value: NULL when either period has no referrals, and when either
 * has unknown outcomes (the p-value would depend on how they resolve).
 */
Datum
change_p_value(PG_FUNCTION_ARGS)
{
	RecordingStats *before = PG_GETARG_RECORDING_STATS_P(0);
	RecordingStats *after = PG_GETARG_RECORDING_STATS_P(1);
	double		p = NAN;

	if (before->unknown > 0 || after->unknown > 0)
	{
		rg_check_counts(before);
		rg_check_counts(after);
		PG_RETURN_NULL();
	}
	if (change_compute(fcinfo, 0.05, &p) == RG_CHANGE_NO_DATA || isnan(p))
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(p);
}

Datum
recording_change(PG_FUNCTION_ARGS)
{
	RgChange	c = change_compute(fcinfo, PG_GETARG_FLOAT8(2), NULL);

	return rg_enum_result(fcinfo, change_labels, 5, (int) c);
}
