/*
 * errors.h - the one table from core statuses to errors: SQLSTATE, message,
 * detail and hint (src/errors.c), and the aggregate-context check.
 *
 * A status of any core module (counts, binomial statistics, trend, capture-
 * recapture and Chapman's estimator, p-value adjustment, pictures) is raised through rg_error with the arguments that
 * the failing call really has.  The detail quotes only those: a function
 * without a level never reads "level 0.5" in its error.
 */
#ifndef RG_ERRORS_H
#define RG_ERRORS_H

#include "postgres.h"
#include "fmgr.h"
#include "lib/stringinfo.h"

#include "core/counts.h"

/* The core module a status comes from. */
typedef enum RgErrDomain
{
	RG_DOM_COUNTS,				/* RgStatus (core/counts.h) */
	RG_DOM_STAT,				/* RgStatStatus (core/binomial.h) */
	RG_DOM_TREND,				/* RgTrendStatus (core/trend.h) */
	RG_DOM_MSE,					/* RgMseStatus (core/mse.h) */
	RG_DOM_CHAPMAN,				/* RgMseStatus of rg_chapman (core/mse.h) */
	RG_DOM_PADJUST,				/* RgPAdjustStatus (core/padjust.h) */
	RG_DOM_SVG					/* RgSvgStatus (core/svg.h) */
} RgErrDomain;

/* Which fields of RgErrArgs the call has filled. */
#define RG_A_FN			(1u << 0)	/* fn: the SQL function's name */
#define RG_A_N			(1u << 1)	/* n: referrals */
#define RG_A_N2			(1u << 2)	/* n2: referrals of the second summary */
#define RG_A_LEVEL		(1u << 3)
#define RG_A_THRESHOLD	(1u << 4)
#define RG_A_TARGET		(1u << 5)
#define RG_A_PHI		(1u << 6)
#define RG_A_TAU2		(1u << 7)
#define RG_A_ALPHA		(1u << 8)
#define RG_A_COUNTS		(1u << 9)	/* counts, and field for RG_NEGATIVE */
#define RG_A_OPTION		(1u << 10)	/* option: the name of a picture option */
#define RG_A_NSERIES	(1u << 11)
#define RG_A_CORE		(1u << 12)	/* core: the core's own explanation */
#define RG_A_FIGURE		(1u << 13)	/* figure: a stored figure of an mse_result */
#define RG_A_LISTS		(1u << 14)	/* n, n2 and m: Chapman's list sizes, overlap */
#define RG_A_PVALUES	(1u << 15)	/* n: the number of p-values adjusted */

/* The argument values an error may quote; only those flagged in have. */
typedef struct RgErrArgs
{
	unsigned	have;
	const char *fn;
	int64		n;
	int64		n2;
	int64		m;
	double		level;
	double		threshold;
	double		target;
	double		phi;
	double		tau2;
	double		alpha;
	const RgCounts *counts;
	int			field;
	const char *option;
	size_t		nseries;
	const char *core;
	const char *figure;
} RgErrArgs;

/*
 * Raise the ERROR of status st of domain dom, quoting the arguments in a
 * (NULL: none).  Returns only for the statuses that are not errors: OK,
 * and NO_DATA of the statistics and the trend (their answer is NULL).
 */
extern void rg_error(RgErrDomain dom, int st, const RgErrArgs *a);

/* The common cases, without an argument struct. */
static inline void
rg_error_plain(RgErrDomain dom, int st)
{
	rg_error(dom, st, NULL);
}

/* A capture-recapture status with the core's explanation as detail. */
static inline void
rg_error_mse(int st, const char *core)
{
	RgErrArgs	a = {0};

	if (core != NULL && core[0] != '\0')
	{
		a.have = RG_A_CORE;
		a.core = core;
	}
	rg_error(RG_DOM_MSE, st, &a);
}

/* The hint for an option of a picture: its range, in the user's terms. */
extern const char *rg_picture_option_hint(const char *option);

/*
 * The aggregate memory context of a transition, combine or final function;
 * raises feature_not_supported naming fn when called outside an aggregate.
 * Pass NULL for cxt to check only.
 */
extern MemoryContext rg_agg_context(FunctionCallInfo fcinfo, const char *fn);

/*
 * Whether argument argno of a transition function (1 is the first after the
 * state) has the same value in every row of this aggregation: a constant or
 * a parameter of the query, as the planner left it (fixed for one
 * execution, whose FmgrInfo is its own).  Then the rows after the first need
 * no comparison with it.  In a window, where the aggregate call is not
 * known, false.
 */
extern bool rg_agg_arg_fixed(FunctionCallInfo fcinfo, int argno);

/*
 * The capacity of a growing array in an aggregate state: cap doubled until
 * it holds need entries, or cap itself when it already does.  -1 when that
 * many entries of entry_size bytes would pass MaxAllocHugeSize; the caller
 * then raises its own program_limit_exceeded.
 */
extern int64 rg_agg_grow(int64 cap, int64 need, Size entry_size);

/*
 * The first step of a combine function over states passed as internal
 * pointers: with no second state the answer is the first one (NULL when
 * both are NULL).  Returns from the calling function.
 */
#define RG_COMBINE_RETURN_IF_NO_SECOND(a, b) \
	do { \
		if ((b) == NULL) \
		{ \
			if ((a) == NULL) \
				PG_RETURN_NULL(); \
			PG_RETURN_POINTER(a); \
		} \
	} while (0)

/*
 * The serialize / deserialize shape that the list-of-entries aggregates
 * (funnel.c, trend.c) share: a header of one float8 parameter and an int64
 * entry count, then count entries of entry_size bytes.
 *
 * rg_agg_serial_begin starts buf with the header; finish it with
 * pq_endtypsend.  rg_agg_serial_open reads the header of the bytea in
 * argument argno and returns the count, having checked that count entries
 * fit in what is left (invalid_binary_representation naming what
 * otherwise); finish with pq_getmsgend.
 */
extern void rg_agg_serial_begin(StringInfo buf, double param, int64 count);
extern int64 rg_agg_serial_open(FunctionCallInfo fcinfo, int argno, StringInfo buf,
								double *param, int entry_size, const char *what);

#endif							/* RG_ERRORS_H */
