/*
 * newcombe.h - confidence interval for the difference of two recording
 * ratios: Newcombe's hybrid score interval (Newcombe 1998, "Interval
 * estimation for the difference between independent proportions:
 * comparison of eleven methods", Statistics in Medicine 17:873-890,
 * method 10, without continuity correction), widened over the unknown
 * outcomes.
 *
 * Plain C over libRmath (through binomial.c); no PostgreSQL headers.
 */
#ifndef RG_CORE_NEWCOMBE_H
#define RG_CORE_NEWCOMBE_H

#include "binomial.h"
#include "counts.h"

/*
 * Newcombe's method 10 for p1 - p2, p1 = x1 / n1, p2 = x2 / n2, at a
 * two-sided level in (0, 1).  With (l1, u1) and (l2, u2) the Wilson score
 * intervals of p1 and p2 at that level:
 *
 *   lower = (p1 - p2) - sqrt((p1 - l1)^2 + (u2 - p2)^2)
 *   upper = (p1 - p2) + sqrt((u1 - p1)^2 + (p2 - l2)^2)
 *
 * Both ends are clipped to [-1, 1].  n1 = 0 or n2 = 0 gives RG_STAT_NO_DATA.
 */
RgStatStatus rg_newcombe(int64_t x1, int64_t n1, int64_t x2, int64_t n2,
						 double level, double *lower, double *upper);

/*
 * The interval for ratio(after) - ratio(before) of two summaries with
 * unknown outcomes: the lower end is Newcombe's lower limit with before at
 * its best case ((recorded + unknown) / referrals) and after at its worst
 * case (recorded / referrals); the upper end is Newcombe's upper limit with
 * before at its worst case and after at its best.  With no unknowns this is
 * Newcombe's interval.  Either summary without referrals gives
 * RG_STAT_NO_DATA; invalid counts RG_STAT_BAD_COUNTS.
 */
RgStatStatus rg_change_interval(const RgCounts *before, const RgCounts *after,
								double level, double *lower, double *upper);

#endif							/* RG_CORE_NEWCOMBE_H */
