/*
 * errors.c - the one table from core statuses to errors, and the
 * aggregate-glue checks that every aggregate shares.
 *
 * Each status of each core module maps to one entry of errors[]: its
 * SQLSTATE, message, the arguments its detail quotes, a fixed sentence of
 * detail and a hint.  A detail quotes an argument only when the failing
 * call has it (RgErrArgs.have), so that no message invents a value.
 */
#include "recording_gap.h"

#include "libpq/pqformat.h"
#include "miscadmin.h"
#include "nodes/primnodes.h"
#include "utils/builtins.h"
#include "utils/float.h"
#include "utils/memutils.h"

#include "core/binomial.h"
#include "core/mse.h"
#include "core/padjust.h"
#include "core/svg.h"
#include "core/trend.h"

/* The distinct errors; several core statuses may share one. */
typedef enum RgErrKind
{
	E_NONE = 0,					/* not an error: return */
	E_INTERNAL,
	/* counts */
	E_NEGATIVE,
	E_EXCEEDS_REFERRALS,
	E_RECORDED_EXCEEDS,
	E_TIMELY_EXCEEDS,
	E_COUNT_OVERFLOW,
	E_COUNTS_SYNTAX,
	E_COUNTS_BINARY,
	E_NOT_WHOLE,
	E_UNDERFLOW,
	/* statistics */
	E_NEGATIVE_REFERRALS,
	E_TOO_LARGE,
	E_BAD_LEVEL,
	E_BAD_THRESHOLD,
	E_BAD_TARGET,
	E_BAD_PHI,
	E_BAD_ALPHA,
	E_BAD_TAU2,
	E_BAD_OD,
	E_STAT_NUMERIC,
	/* trend */
	E_BAD_SCORE,
	E_TREND_BAD_COUNTS,
	E_TREND_TOO_LARGE,
	E_TREND_OVERFLOW,
	E_TREND_NUMERIC,
	/* capture-recapture */
	E_MSE_INTERRUPTED,
	E_MSE_NO_MEMORY,
	E_MSE_TOO_FEW_LISTS,
	E_MSE_TOO_MANY_LISTS,
	E_MSE_LENGTH_MISMATCH,
	E_MSE_MODEL_MISMATCH,
	E_MSE_EMPTY_PATTERN,
	E_MSE_BAD_MODEL,
	E_MSE_BAD_NAMES,
	E_MSE_BAD_THRESHOLD,
	E_MSE_OVERFLOW,
	E_MSE_NO_DATA,
	E_MSE_BAD_BINARY,
	E_MSE_SYNTAX,
	E_MSE_INCONSISTENT,
	E_MSE_FIGURE,
	E_MSE_NEGATIVE,
	E_MSE_NOT_FITTED,
	/* Chapman's estimator */
	E_CHAPMAN_NEGATIVE,
	E_CHAPMAN_OVERLAP,
	E_CHAPMAN_RANGE,
	/* p-value adjustment */
	E_PADJ_INTERRUPTED,
	E_PADJ_NO_MEMORY,
	E_PADJ_FAILED,
	/* pictures */
	E_SVG_NO_MEMORY,
	E_SVG_TOO_LARGE,
	E_SVG_TOO_MANY_POINTS,
	E_SVG_TOO_MANY_SERIES,
	E_SVG_TOO_MANY_REFERRALS,
	E_SVG_OVERFLOW,
	E_SVG_BAD_OPTION,
	E_SVG_NUMERIC,
	E_COUNT
} RgErrKind;

/* What the message's format takes. */
typedef enum RgMsgArgs
{
	M_NONE,						/* a plain message */
	M_FN,						/* %s: the function */
	M_FN_LIMIT,					/* %s: the function, %lld: the entry's limit */
	M_OPTION_FN,				/* %s: the option, %s: the function */
	M_FIGURE					/* %s: the figure */
} RgMsgArgs;

typedef struct RgErrEntry
{
	int			sqlstate;
	RgMsgArgs	msgargs;
	const char *msg;
	long long	limit;			/* for M_FN_LIMIT */
	unsigned	quotes;			/* RG_A_* the detail quotes when present */
	const char *detail;			/* a fixed sentence after them, or NULL */
	const char *hint;			/* or NULL */
} RgErrEntry;

#define MAX53 "At most 9007199254740992 (2^53) referrals are supported."
#define HINT53 "Counts above 2^53 cannot be represented exactly in double precision."
#define ALL_STAT (RG_A_N | RG_A_N2 | RG_A_LEVEL | RG_A_THRESHOLD | RG_A_TARGET | \
				  RG_A_PHI | RG_A_TAU2 | RG_A_ALPHA)

static const RgErrEntry errors[E_COUNT] = {
	[E_INTERNAL] = {ERRCODE_INTERNAL_ERROR, M_NONE,
		"unexpected status of a recording_gap computation", 0, 0, NULL, NULL},

	[E_NEGATIVE] = {ERRCODE_INVALID_PARAMETER_VALUE, M_NONE,
		"recording_stats counts must not be negative", 0, RG_A_COUNTS, NULL,
		"Every count is zero or more: referrals, recorded, unknown and timely."},
	[E_EXCEEDS_REFERRALS] = {ERRCODE_INVALID_PARAMETER_VALUE, M_NONE,
		"recorded plus unknown must not exceed referrals", 0, RG_A_COUNTS, NULL,
		"Each referral is either recorded, not recorded or unknown."},
	[E_RECORDED_EXCEEDS] = {ERRCODE_INVALID_PARAMETER_VALUE, M_NONE,
		"recorded must not exceed referrals", 0, RG_A_COUNTS, NULL,
		"recorded counts the referrals that became recorded crimes, so it is at most referrals."},
	[E_TIMELY_EXCEEDS] = {ERRCODE_INVALID_PARAMETER_VALUE, M_NONE,
		"timely must not exceed recorded", 0, RG_A_COUNTS, NULL,
		"Only a recorded referral can be recorded in time."},
	[E_COUNT_OVERFLOW] = {ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE, M_NONE,
		"recording_stats count out of range", 0, 0,
		"A count would exceed the bigint maximum of 9223372036854775807.", NULL},
	[E_COUNTS_SYNTAX] = {ERRCODE_INVALID_TEXT_REPRESENTATION, M_NONE,
		"invalid input syntax for type recording_stats", 0, 0, NULL,
		"Write it as (referrals=N, recorded=N, unknown=N, timely=N); unknown and timely may be left out."},
	[E_COUNTS_BINARY] = {ERRCODE_INVALID_BINARY_REPRESENTATION, M_NONE,
		"invalid binary value for type recording_stats", 0, 0,
		"The four counts could not be decoded.", NULL},
	[E_NOT_WHOLE] = {ERRCODE_INVALID_PARAMETER_VALUE, M_NONE,
		"a count must be a whole number", 0, 0, NULL, NULL},
	[E_UNDERFLOW] = {ERRCODE_INVALID_PARAMETER_VALUE, M_NONE,
		"cannot remove a summary that is not contained in the total", 0, 0,
		"A count would fall below zero or break the summary's invariants.", NULL},

	[E_NEGATIVE_REFERRALS] = {ERRCODE_INVALID_PARAMETER_VALUE, M_NONE,
		"referrals must not be negative", 0, RG_A_N | RG_A_N2, NULL,
		"referrals is a count of referrals, zero or more."},
	[E_TOO_LARGE] = {ERRCODE_PROGRAM_LIMIT_EXCEEDED, M_NONE,
		"too many referrals for exact binomial statistics", 0, RG_A_N | RG_A_N2,
		MAX53, HINT53},
	[E_BAD_LEVEL] = {ERRCODE_INVALID_PARAMETER_VALUE, M_NONE,
		"level must be greater than 0 and less than 1", 0, RG_A_CORE | RG_A_LEVEL, NULL,
		"level is a confidence level, for example 0.95."},
	[E_BAD_THRESHOLD] = {ERRCODE_INVALID_PARAMETER_VALUE, M_NONE,
		"threshold must be between 0 and 1", 0, RG_A_THRESHOLD, NULL,
		"threshold is the recording ratio to meet, for example 0.95."},
	[E_BAD_TARGET] = {ERRCODE_INVALID_PARAMETER_VALUE, M_NONE,
		"target must be between 0 and 1", 0, RG_A_TARGET, NULL,
		"target is the expected recording ratio, for example the pooled ratio of all units."},
	[E_BAD_PHI] = {ERRCODE_INVALID_PARAMETER_VALUE, M_NONE,
		"phi must be finite and not negative", 0, RG_A_PHI, NULL,
		"A phi of 1 or less leaves the funnel limits as they are."},
	[E_BAD_ALPHA] = {ERRCODE_INVALID_PARAMETER_VALUE, M_NONE,
		"alpha must be greater than 0 and less than 1", 0, RG_A_ALPHA, NULL,
		"alpha is the significance level, for example 0.05."},
	[E_BAD_TAU2] = {ERRCODE_INVALID_PARAMETER_VALUE, M_NONE,
		"tau2 must be finite and not negative", 0, RG_A_TAU2, NULL,
		"A tau2 of 0 gives the exact binomial limits; estimate tau2 with funnel_tau2."},
	[E_BAD_OD] = {ERRCODE_INVALID_PARAMETER_VALUE, M_NONE,
		"phi and tau2 cannot both widen the funnel limits", 0, RG_A_PHI | RG_A_TAU2, NULL,
		"Give phi = 1 with a tau2, or tau2 = 0 with a phi."},
	[E_STAT_NUMERIC] = {ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE, M_NONE,
		"binomial computation did not give a finite result", 0, ALL_STAT, NULL, NULL},

	[E_BAD_SCORE] = {ERRCODE_INVALID_PARAMETER_VALUE, M_NONE,
		"score must be finite", 0, 0, NULL,
		"Scores order the periods, for example 1, 2, 3 or the year."},
	[E_TREND_BAD_COUNTS] = {ERRCODE_INVALID_PARAMETER_VALUE, M_NONE,
		"invalid recording_stats counts in trend", 0, 0,
		"A period's counts are negative or break the summary's invariants.", NULL},
	[E_TREND_TOO_LARGE] = {ERRCODE_PROGRAM_LIMIT_EXCEEDED, M_NONE,
		"too many referrals for the trend test", 0, 0,
		"At most 9007199254740992 (2^53) referrals in all are supported.", HINT53},
	[E_TREND_OVERFLOW] = {ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE, M_NONE,
		"recording_stats count out of range", 0, 0,
		"The counts of the periods with one score do not fit in bigint.", NULL},
	[E_TREND_NUMERIC] = {ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE, M_NONE,
		"trend test did not give a finite result", 0, RG_A_ALPHA, NULL, NULL},

	[E_MSE_INTERRUPTED] = {ERRCODE_QUERY_CANCELED, M_NONE,
		"capture-recapture fit interrupted", 0, 0, NULL, NULL},
	[E_MSE_NO_MEMORY] = {ERRCODE_OUT_OF_MEMORY, M_NONE,
		"out of memory", 0, 0,
		"The capture-recapture fit could not allocate its work space.", NULL},
	[E_MSE_TOO_FEW_LISTS] = {ERRCODE_INVALID_PARAMETER_VALUE, M_NONE,
		"capture-recapture estimation needs at least two lists", 0, RG_A_CORE, NULL, NULL},
	[E_MSE_TOO_MANY_LISTS] = {ERRCODE_PROGRAM_LIMIT_EXCEEDED, M_NONE,
		"too many lists for capture-recapture estimation", 0, RG_A_CORE, NULL,
		"Merge lists of similar sources before fitting."},
	[E_MSE_LENGTH_MISMATCH] = {ERRCODE_INVALID_PARAMETER_VALUE, M_NONE,
		"capture patterns have differing numbers of lists", 0, RG_A_CORE, NULL,
		"Give every row's pattern one element per list, in the same order."},
	[E_MSE_MODEL_MISMATCH] = {ERRCODE_INVALID_PARAMETER_VALUE, M_NONE,
		"the model, list names and threshold must be the same on every row", 0, RG_A_CORE, NULL,
		"Pass constants, or fit one model per group."},
	[E_MSE_EMPTY_PATTERN] = {ERRCODE_INVALID_PARAMETER_VALUE, M_NONE,
		"a capture pattern must include at least one list", 0, RG_A_CORE, NULL, NULL},
	[E_MSE_BAD_MODEL] = {ERRCODE_INVALID_PARAMETER_VALUE, M_NONE,
		"invalid capture-recapture model", 0, RG_A_CORE, NULL,
		"Use 'independence', 'stepwise', 'sparsemse' or interactions of 1-based list positions such as '1:2, 2:5'."},
	[E_MSE_BAD_NAMES] = {ERRCODE_INVALID_PARAMETER_VALUE, M_NONE,
		"invalid list names", 0, RG_A_CORE, NULL,
		"Give one distinct name per list, such as ARRAY['police', 'ngo'], or NULL for list positions."},
	[E_MSE_BAD_THRESHOLD] = {ERRCODE_INVALID_PARAMETER_VALUE, M_NONE,
		"stepwise p-value threshold must lie in (0, 1]", 0, RG_A_CORE, NULL, NULL},
	[E_MSE_OVERFLOW] = {ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE, M_NONE,
		"capture-recapture count out of range", 0, RG_A_CORE,
		NULL, NULL},
	[E_MSE_NO_DATA] = {ERRCODE_INVALID_PARAMETER_VALUE, M_NONE,
		"nobody was observed on any list", 0, RG_A_CORE, NULL, NULL},
	[E_MSE_BAD_BINARY] = {ERRCODE_INVALID_BINARY_REPRESENTATION, M_NONE,
		"invalid binary value for type mse_result", 0, RG_A_CORE, NULL, NULL},
	[E_MSE_SYNTAX] = {ERRCODE_INVALID_TEXT_REPRESENTATION, M_NONE,
		"invalid input syntax for type mse_result", 0, RG_A_CORE, NULL,
		"Write it as mse_fit prints it: (lists=N, model=[...], status=..., observed=N, ..., counts=[...])."},
	[E_MSE_INCONSISTENT] = {ERRCODE_DATA_EXCEPTION, M_NONE,
		"inconsistent mse_result value", 0, RG_A_CORE, NULL, NULL},
	[E_MSE_FIGURE] = {ERRCODE_INVALID_PARAMETER_VALUE, M_FIGURE,
		"mse_result figure \"%s\" does not follow from the value's counts and model", 0, RG_A_CORE, NULL,
		"Use the value exactly as mse_fit printed it, or fit the capture patterns again with mse_fit."},
	[E_MSE_NEGATIVE] = {ERRCODE_INVALID_PARAMETER_VALUE, M_NONE,
		"count of a capture pattern must not be negative", 0, RG_A_CORE, NULL, NULL},
	[E_MSE_NOT_FITTED] = {ERRCODE_DATA_EXCEPTION, M_NONE,
		"the capture-recapture model could not be fitted", 0, RG_A_CORE, NULL, NULL},

	[E_CHAPMAN_NEGATIVE] = {ERRCODE_INVALID_PARAMETER_VALUE, M_NONE,
		"list sizes and overlap must not be negative", 0, RG_A_LISTS, NULL, NULL},
	[E_CHAPMAN_OVERLAP] = {ERRCODE_INVALID_PARAMETER_VALUE, M_NONE,
		"overlap cannot exceed either list size", 0, RG_A_LISTS, NULL, NULL},
	[E_CHAPMAN_RANGE] = {ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE, M_NONE,
		"Chapman estimate out of range", 0, 0, NULL, NULL},

	[E_PADJ_INTERRUPTED] = {ERRCODE_QUERY_CANCELED, M_NONE,
		"p-value adjustment interrupted", 0, 0, NULL, NULL},
	[E_PADJ_NO_MEMORY] = {ERRCODE_OUT_OF_MEMORY, M_NONE,
		"out of memory", 0, RG_A_PVALUES, NULL, NULL},
	[E_PADJ_FAILED] = {ERRCODE_INTERNAL_ERROR, M_NONE,
		"p-value adjustment failed", 0, RG_A_PVALUES, NULL, NULL},

	[E_SVG_NO_MEMORY] = {ERRCODE_OUT_OF_MEMORY, M_FN,
		"out of memory while drawing %s", 0, 0, NULL, NULL},
	[E_SVG_TOO_LARGE] = {ERRCODE_PROGRAM_LIMIT_EXCEEDED, M_FN_LIMIT,
		"%s would be larger than %lld bytes", (long long) RG_SVG_MAX_BYTES, 0, NULL,
		"Draw fewer points."},
	[E_SVG_TOO_MANY_POINTS] = {ERRCODE_PROGRAM_LIMIT_EXCEEDED, M_FN_LIMIT,
		"%s draws at most %lld points", RG_SVG_MAX_POINTS, 0, NULL,
		"Aggregate to fewer units or periods first, or draw a subset of them."},
	[E_SVG_TOO_MANY_SERIES] = {ERRCODE_PROGRAM_LIMIT_EXCEEDED, M_FN_LIMIT,
		"%s draws at most %lld series", RG_SVG_MAX_SERIES, RG_A_NSERIES, NULL,
		"Draw at most " CppAsString2(RG_SVG_MAX_SERIES) " series per chart, for example one chart per group of series, "
		"so that every series keeps a colour-blind-safe colour."},
	[E_SVG_TOO_MANY_REFERRALS] = {ERRCODE_PROGRAM_LIMIT_EXCEEDED, M_FN,
		"%s cannot draw a summary with more than 2^53 referrals", 0, RG_A_N, MAX53, HINT53},
	[E_SVG_OVERFLOW] = {ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE, M_NONE,
		"sum of the summaries of one period is out of range", 0, 0,
		"The referrals of a series in one period add up to more than 2^53.", NULL},
	[E_SVG_BAD_OPTION] = {ERRCODE_INVALID_PARAMETER_VALUE, M_OPTION_FN,
		"option \"%s\" of %s is out of range", 0, RG_A_CORE, NULL, NULL},
	[E_SVG_NUMERIC] = {ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE, M_FN,
		"%s could not compute a statistic", 0, 0,
		"A funnel limit or interval was not finite.", NULL},
};

/* ---- status -> error ---- */

static RgErrKind
counts_kind(RgStatus st, const RgErrArgs *a)
{
	switch (st)
	{
		case RG_OK:
			return E_NONE;
		case RG_NEGATIVE:
			return E_NEGATIVE;
		case RG_EXCEEDS_REFERRALS:
			/* with no unknowns, the message speaks of recorded alone */
			if (a && (a->have & RG_A_COUNTS) && a->counts && a->counts->unknown == 0)
				return E_RECORDED_EXCEEDS;
			return E_EXCEEDS_REFERRALS;
		case RG_TIMELY_EXCEEDS:
			return E_TIMELY_EXCEEDS;
		case RG_OVERFLOW:
			return E_COUNT_OVERFLOW;
		case RG_SYNTAX:
			return E_COUNTS_SYNTAX;
		case RG_BAD_LENGTH:
			return E_COUNTS_BINARY;
		case RG_UNDERFLOW:
			return E_UNDERFLOW;
		case RG_NOT_WHOLE:
			return E_NOT_WHOLE;
	}
	return E_INTERNAL;
}

static RgErrKind
stat_kind(RgStatStatus st)
{
	switch (st)
	{
		case RG_STAT_OK:
		case RG_STAT_NO_DATA:
			return E_NONE;
		case RG_STAT_BAD_COUNTS:
			return E_NEGATIVE_REFERRALS;
		case RG_STAT_TOO_LARGE:
			return E_TOO_LARGE;
		case RG_STAT_BAD_LEVEL:
			return E_BAD_LEVEL;
		case RG_STAT_BAD_THRESHOLD:
			return E_BAD_THRESHOLD;
		case RG_STAT_BAD_TARGET:
			return E_BAD_TARGET;
		case RG_STAT_BAD_PHI:
			return E_BAD_PHI;
		case RG_STAT_BAD_ALPHA:
			return E_BAD_ALPHA;
		case RG_STAT_NUMERIC:
			return E_STAT_NUMERIC;
		case RG_STAT_BAD_TAU2:
			return E_BAD_TAU2;
		case RG_STAT_BAD_OD:
			return E_BAD_OD;
	}
	return E_STAT_NUMERIC;
}

static RgErrKind
trend_kind(RgTrendStatus st)
{
	switch (st)
	{
		case RG_TREND_OK:
		case RG_TREND_NO_DATA:
			return E_NONE;
		case RG_TREND_BAD_SCORE:
			return E_BAD_SCORE;
		case RG_TREND_BAD_COUNTS:
			return E_TREND_BAD_COUNTS;
		case RG_TREND_TOO_LARGE:
			return E_TREND_TOO_LARGE;
		case RG_TREND_OVERFLOW:
			return E_TREND_OVERFLOW;
		case RG_TREND_BAD_ALPHA:
			return E_BAD_ALPHA;
		case RG_TREND_NUMERIC:
			return E_TREND_NUMERIC;
	}
	return E_TREND_NUMERIC;
}

static RgErrKind
mse_kind(RgMseStatus st, const RgErrArgs *a)
{
	switch (st)
	{
		case RG_MSE_OK:
			return E_NONE;
		case RG_MSE_INTERRUPTED:
			return E_MSE_INTERRUPTED;
		case RG_MSE_NO_MEMORY:
			return E_MSE_NO_MEMORY;
		case RG_MSE_TOO_FEW_LISTS:
			return E_MSE_TOO_FEW_LISTS;
		case RG_MSE_TOO_MANY_LISTS:
			return E_MSE_TOO_MANY_LISTS;
		case RG_MSE_LENGTH_MISMATCH:
			return E_MSE_LENGTH_MISMATCH;
		case RG_MSE_MODEL_MISMATCH:
			return E_MSE_MODEL_MISMATCH;
		case RG_MSE_EMPTY_PATTERN:
			return E_MSE_EMPTY_PATTERN;
		case RG_MSE_MODEL_TOO_LONG:
		case RG_MSE_BAD_MODEL:
			return E_MSE_BAD_MODEL;
		case RG_MSE_BAD_NAMES:
			return E_MSE_BAD_NAMES;
		case RG_MSE_BAD_THRESHOLD:
			return E_MSE_BAD_THRESHOLD;
		case RG_MSE_OVERFLOW:
			return E_MSE_OVERFLOW;
		case RG_MSE_NO_DATA:
			return E_MSE_NO_DATA;
		case RG_MSE_BAD_LEVEL:
			return E_BAD_LEVEL;
		case RG_MSE_BAD_BINARY:
			return E_MSE_BAD_BINARY;
		case RG_MSE_SYNTAX:
			return E_MSE_SYNTAX;
		case RG_MSE_INCONSISTENT:
			/* a stored figure that the verification names */
			if (a && (a->have & RG_A_FIGURE))
				return E_MSE_FIGURE;
			return E_MSE_INCONSISTENT;
		case RG_MSE_NEGATIVE:
			return E_MSE_NEGATIVE;
		default:
			return E_MSE_NOT_FITTED;
	}
}

static RgErrKind
chapman_kind(RgMseStatus st)
{
	switch (st)
	{
		case RG_MSE_OK:
			return E_NONE;
		case RG_MSE_NEGATIVE:
			return E_CHAPMAN_NEGATIVE;
		case RG_MSE_INCONSISTENT:
			return E_CHAPMAN_OVERLAP;
		default:
			return E_CHAPMAN_RANGE;
	}
}

static RgErrKind
padjust_kind(RgPAdjustStatus st)
{
	switch (st)
	{
		case RG_PADJ_OK:
			return E_NONE;
		case RG_PADJ_INTERRUPTED:
			return E_PADJ_INTERRUPTED;
		case RG_PADJ_NOMEM:
			return E_PADJ_NO_MEMORY;
		default:
			return E_PADJ_FAILED;
	}
}

static RgErrKind
svg_kind(RgSvgStatus st)
{
	switch (st)
	{
		case RG_SVG_OK:
			return E_NONE;
		case RG_SVG_NO_MEMORY:
			return E_SVG_NO_MEMORY;
		case RG_SVG_TOO_LARGE:
			return E_SVG_TOO_LARGE;
		case RG_SVG_TOO_MANY_POINTS:
			return E_SVG_TOO_MANY_POINTS;
		case RG_SVG_TOO_MANY_SERIES:
			return E_SVG_TOO_MANY_SERIES;
		case RG_SVG_BAD_COUNTS:
			return E_SVG_TOO_MANY_REFERRALS;
		case RG_SVG_OVERFLOW:
			return E_SVG_OVERFLOW;
		case RG_SVG_BAD_OPTION:
			return E_SVG_BAD_OPTION;
		case RG_SVG_NUMERIC:
			return E_SVG_NUMERIC;
	}
	return E_SVG_NUMERIC;
}

/* ---- the detail: the arguments the call has, then the fixed sentence ---- */

static void
quote_double(StringInfo d, const char *name, double v)
{
	appendStringInfo(d, "%sThe %s is %s.", d->len ? " " : "", name, float8out_internal(v));
}

static void
quote_counts(StringInfo d, RgErrKind k, const RgErrArgs *a)
{
	const RgCounts *c = a->counts;

	if (d->len)
		appendStringInfoChar(d, ' ');
	switch (k)
	{
		case E_NEGATIVE:
			{
				int			f = a->field >= 0 && a->field < 4 ? a->field : 0;

				appendStringInfo(d, "The %s count is %lld.", rg_field_names[f],
								 (long long) rg_counts_field(c, f));
			}
			break;
		case E_RECORDED_EXCEEDS:
			appendStringInfo(d, "There are %lld referrals and %lld recorded.",
							 (long long) c->referrals, (long long) c->recorded);
			break;
		case E_TIMELY_EXCEEDS:
			appendStringInfo(d, "There are %lld recorded and %lld timely.",
							 (long long) c->recorded, (long long) c->timely);
			break;
		default:
			appendStringInfo(d, "There are %lld referrals, %lld recorded and %lld unknown.",
							 (long long) c->referrals, (long long) c->recorded,
							 (long long) c->unknown);
			break;
	}
}

static char *
build_detail(RgErrKind k, const RgErrEntry *e, const RgErrArgs *a)
{
	StringInfoData d;
	unsigned	q = e->quotes & (a ? a->have : 0);

	initStringInfo(&d);
	if (q & RG_A_CORE)
		appendStringInfoString(&d, a->core);
	if ((q & RG_A_COUNTS) && a->counts)
		quote_counts(&d, k, a);
	if ((q & RG_A_N) && (q & RG_A_N2))
		appendStringInfo(&d, "%sThere are %lld and %lld referrals.", d.len ? " " : "",
						 (long long) a->n, (long long) a->n2);
	else if (q & RG_A_N)
		appendStringInfo(&d, "%sThere are %lld referrals.", d.len ? " " : "",
						 (long long) a->n);
	if (q & RG_A_LEVEL)
		quote_double(&d, "level", a->level);
	if (q & RG_A_THRESHOLD)
		quote_double(&d, "threshold", a->threshold);
	if (q & RG_A_TARGET)
		quote_double(&d, "target", a->target);
	if (q & RG_A_PHI)
		quote_double(&d, "phi", a->phi);
	if (q & RG_A_TAU2)
		quote_double(&d, "tau2", a->tau2);
	if (q & RG_A_ALPHA)
		quote_double(&d, "alpha", a->alpha);
	if ((q & RG_A_LISTS) && k == E_CHAPMAN_OVERLAP)
		appendStringInfo(&d, "%sm = %lld but n1 = %lld and n2 = %lld.", d.len ? " " : "",
						 (long long) a->m, (long long) a->n, (long long) a->n2);
	else if (q & RG_A_LISTS)
		appendStringInfo(&d, "%sn1 = %lld, n2 = %lld, m = %lld.", d.len ? " " : "",
						 (long long) a->n, (long long) a->n2, (long long) a->m);
	if (q & RG_A_PVALUES)
		appendStringInfo(&d, "%sAdjusting %lld p-values.", d.len ? " " : "", (long long) a->n);
	if (q & RG_A_NSERIES)
		appendStringInfo(&d, "%sThe rows have %zu series.", d.len ? " " : "", a->nseries);
	if (e->detail)
		appendStringInfo(&d, "%s%s", d.len ? " " : "", e->detail);
	if (d.len == 0)
	{
		pfree(d.data);
		return NULL;
	}
	return d.data;
}

const char *
rg_picture_option_hint(const char *option)
{
	static const struct
	{
		const char *name;
		const char *hint;
	}			hints[] = {
		{"width", "width is a whole number of pixels from 300 to 4000."},
		{"height", "height is a whole number of pixels from 200 to 4000."},
		{"phi", "phi is a finite number, 0 or more; 1 or less leaves the limits as they are."},
		{"tau2", "tau2 is a finite number, 0 or more, and cannot be combined with a phi above 1."},
		{"target", "target is a ratio from 0 to 1, or NULL for the pooled ratio."},
		{"threshold", "threshold is a ratio from 0 to 1, or NULL for none."},
		{"levels", "levels are one to three distinct numbers greater than 0 and less than 1, such as [0.95, 0.998]."},
	};

	if (option)
		for (size_t i = 0; i < lengthof(hints); i++)
			if (strcmp(option, hints[i].name) == 0)
				return hints[i].hint;
	return "See doc/pictures.md for the options and their ranges.";
}

void
rg_error(RgErrDomain dom, int st, const RgErrArgs *a)
{
	RgErrKind	k = E_INTERNAL;
	const RgErrEntry *e;
	const char *fn;
	char	   *detail;
	const char *hint;

	switch (dom)
	{
		case RG_DOM_COUNTS:
			k = counts_kind((RgStatus) st, a);
			break;
		case RG_DOM_STAT:
			k = stat_kind((RgStatStatus) st);
			break;
		case RG_DOM_TREND:
			k = trend_kind((RgTrendStatus) st);
			break;
		case RG_DOM_MSE:
			k = mse_kind((RgMseStatus) st, a);
			break;
		case RG_DOM_CHAPMAN:
			k = chapman_kind((RgMseStatus) st);
			break;
		case RG_DOM_PADJUST:
			k = padjust_kind((RgPAdjustStatus) st);
			break;
		case RG_DOM_SVG:
			k = svg_kind((RgSvgStatus) st);
			break;
	}
	if (k == E_NONE)
		return;

	/* a long loop stopped for a pending cancel: let PostgreSQL act first */
	if (errors[k].sqlstate == ERRCODE_QUERY_CANCELED)
		CHECK_FOR_INTERRUPTS();

	e = &errors[k];
	fn = (a && (a->have & RG_A_FN) && a->fn) ? a->fn : "recording_gap";
	detail = build_detail(k, e, a);
	hint = e->hint;
	if (k == E_SVG_BAD_OPTION)
		hint = rg_picture_option_hint(a && (a->have & RG_A_OPTION) ? a->option : NULL);

	ereport(ERROR,
			(errcode(e->sqlstate),
			 e->msgargs == M_FN ? errmsg(e->msg, fn) :
			 e->msgargs == M_FN_LIMIT ? errmsg(e->msg, fn, e->limit) :
			 e->msgargs == M_OPTION_FN ?
			 errmsg(e->msg, (a && (a->have & RG_A_OPTION) && a->option) ? a->option : "?", fn) :
			 e->msgargs == M_FIGURE ?
			 errmsg(e->msg, (a && (a->have & RG_A_FIGURE) && a->figure) ? a->figure : "unobserved") :
			 errmsg("%s", e->msg),
			 detail ? errdetail("%s", detail) : 0,
			 hint ? errhint("%s", hint) : 0,
			 k == E_INTERNAL ? errdetail_internal("Status %d of module %d.", st, (int) dom) : 0));
}

/* ---- aggregate glue ---- */

MemoryContext
rg_agg_context(FunctionCallInfo fcinfo, const char *fn)
{
	MemoryContext cxt = NULL;

	if (!AggCheckCallContext(fcinfo, &cxt))
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("%s called in non-aggregate context", fn),
				 errhint("It is a support function of an aggregate; call the aggregate instead.")));
	return cxt;
}

bool
rg_agg_arg_fixed(FunctionCallInfo fcinfo, int argno)
{
	Aggref	   *aggref = AggGetAggref(fcinfo);
	TargetEntry *tle;
	Node	   *e;

	if (aggref == NULL || aggref->aggdirectargs != NIL ||
		argno < 1 || argno > list_length(aggref->args))
		return false;
	tle = list_nth_node(TargetEntry, aggref->args, argno - 1);
	e = (Node *) tle->expr;
	if (IsA(e, Const))
		return true;
	return IsA(e, Param) && ((Param *) e)->paramkind == PARAM_EXTERN;
}

int64
rg_agg_grow(int64 cap, int64 need, Size entry_size)
{
	if (need <= cap)
		return cap;
	while (cap < need)
		cap *= 2;
	if ((Size) cap > MaxAllocHugeSize / entry_size)
		return -1;
	return cap;
}

void
rg_agg_serial_begin(StringInfo buf, double param, int64 count)
{
	pq_begintypsend(buf);
	pq_sendfloat8(buf, param);
	pq_sendint64(buf, count);
}

int64
rg_agg_serial_open(FunctionCallInfo fcinfo, int argno, StringInfo buf,
				   double *param, int entry_size, const char *what)
{
	bytea	   *b = PG_GETARG_BYTEA_PP(argno);
	int64		count;

	buf->data = VARDATA_ANY(b);
	buf->len = VARSIZE_ANY_EXHDR(b);
	buf->maxlen = buf->len;
	buf->cursor = 0;
	*param = pq_getmsgfloat8(buf);
	count = pq_getmsgint64(buf);
	if (count < 0 || count > (int64) ((buf->len - buf->cursor) / entry_size))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid %s", what),
				 errdetail("The state claims %lld entries in %d bytes.",
						   (long long) count, buf->len - buf->cursor)));
	return count;
}
