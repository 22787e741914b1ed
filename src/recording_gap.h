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

/* GUC: recording_gap.threshold */
extern double rg_threshold;

#endif							/* RECORDING_GAP_H */
