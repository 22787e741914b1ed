/*
 * recording_gap.h - shared declarations of the fmgr adapters.
 */
#ifndef RECORDING_GAP_H
#define RECORDING_GAP_H

#include "postgres.h"
#include "fmgr.h"
#if PG_VERSION_NUM >= 160000
#include "varatt.h"				/* VARDATA_ANY & co. left postgres.h in 16 */
#endif

#include "core/counts.h"
#include "errors.h"

/* recording_stats is a fixed-size, pass-by-reference, double-aligned type. */
typedef RgCounts RecordingStats;

#define DatumGetRecordingStatsP(d)	((RecordingStats *) DatumGetPointer(d))
#define RecordingStatsPGetDatum(p)	PointerGetDatum(p)
#define PG_GETARG_RECORDING_STATS_P(n)	DatumGetRecordingStatsP(PG_GETARG_DATUM(n))
#define PG_RETURN_RECORDING_STATS_P(p)	return RecordingStatsPGetDatum(p)

/*
 * Turn a counts status into an ERROR (src/errors.c).  c is the offending
 * value (may be NULL), field the index reported by rg_counts_check.  Never
 * returns unless st == RG_OK.
 */
static inline void
rg_report(RgStatus st, const RgCounts *c, int field)
{
	RgErrArgs	a = {0};

	if (c != NULL)
	{
		a.have = RG_A_COUNTS;
		a.counts = c;
		a.field = field;
	}
	rg_error(RG_DOM_COUNTS, (int) st, &a);
}

/* Check the invariants of c and raise an ERROR if they do not hold. */
static inline void
rg_check_counts(const RgCounts *c)
{
	int			field = -1;
	RgStatus	st = rg_counts_check(c, &field);

	if (unlikely(st != RG_OK))
		rg_report(st, c, field);
}

/*
 * Counts given as SQL arguments of any integer type or numeric, and NULL
 * counts: the shared argument checks of the constructor and the scalar
 * shortcuts (stats_type.c).
 */
/* The SQL type an overload declares for its count arguments. */
typedef enum RgArgKind
{
	RG_ARG_INT2,
	RG_ARG_INT4,
	RG_ARG_INT8,
	RG_ARG_NUMERIC
} RgArgKind;

/*
 * Argument i (not NULL) as int64.  A numeric with a fraction or NaN raises
 * invalid_parameter_value (22023), one beyond bigint or infinite raises
 * numeric_value_out_of_range (22003); both name func and argname.  The
 * invariants are left to the caller.
 */
extern int64 rg_count_arg(FunctionCallInfo fcinfo, int i, RgArgKind kind,
						  const char *func, const char *argname);

/*
 * Raise null_value_not_allowed (22004) naming the first NULL argument among
 * the first nargs, with a hint to write coalesce(x, 0).
 */
extern void rg_reject_null_counts(FunctionCallInfo fcinfo, int nargs,
								  const char *func, const char *const *argnames);

/* GUC: recording_gap.threshold */
extern double rg_threshold;

#endif							/* RECORDING_GAP_H */
