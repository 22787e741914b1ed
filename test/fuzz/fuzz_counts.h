/*
 * fuzz_counts.h - reference checks shared by the recording_stats harnesses.
 */
#ifndef RG_FUZZ_COUNTS_H
#define RG_FUZZ_COUNTS_H

#include "counts.h"

/* Invariants of counts.h, in 128-bit arithmetic. */
static inline int
ref_valid(const RgCounts *c)
{
	return c->referrals >= 0 && c->recorded >= 0 && c->unknown >= 0 && c->timely >= 0 &&
		(__int128) c->recorded + c->unknown <= c->referrals &&
		c->timely <= c->recorded;
}

static inline int
same(const RgCounts *a, const RgCounts *b)
{
	return a->referrals == b->referrals && a->recorded == b->recorded &&
		a->unknown == b->unknown && a->timely == b->timely;
}

#endif							/* RG_FUZZ_COUNTS_H */
