/*
 * trend.h - the chi-squared test for a linear trend in proportions
 * (Cochran-Armitage), as R's prop.trend.test(x, n, score), over periods
 * whose outcomes may be partly unknown.
 *
 * Plain C over libRmath; no PostgreSQL headers.
 *
 * The aggregate state is a list of periods, one per distinct score, each
 * with the integer sums of its referrals, recorded and unknown counts.
 * Rows with equal scores are merged by adding their counts, so merging
 * states (the combine step of a parallel aggregate) is exact and does not
 * depend on the order in which rows arrive.
 */
#ifndef RG_CORE_TREND_H
#define RG_CORE_TREND_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "counts.h"

typedef struct RgTrendPeriod
{
	double		score;
	int64_t		referrals;
	int64_t		recorded;
	int64_t		unknown;
} RgTrendPeriod;

typedef enum RgTrendStatus
{
	RG_TREND_OK = 0,
	RG_TREND_NO_DATA,			/* fewer than two distinct scores with referrals */
	RG_TREND_BAD_SCORE,			/* a score NaN or infinite */
	RG_TREND_BAD_COUNTS,		/* invalid summary counts */
	RG_TREND_TOO_LARGE,			/* total referrals above 2^53 */
	RG_TREND_OVERFLOW,			/* a period's counts overflow int64 */
	RG_TREND_BAD_ALPHA,			/* alpha NaN or outside (0, 1) */
	RG_TREND_NUMERIC			/* non-finite intermediate result */
} RgTrendStatus;

typedef enum RgTrendDirection
{
	RG_TREND_IMPROVING = 0,
	RG_TREND_WORSENING,
	RG_TREND_NO_TREND,
	RG_TREND_DIR_NO_DATA,
	RG_TREND_UNDETERMINED
} RgTrendDirection;

/*
 * Sort periods[0..*k-1] by score and merge equal scores (adding counts),
 * in place; *k becomes the number of distinct scores.  Fails with
 * RG_TREND_OVERFLOW if a merged count would not fit in int64.
 */
RgTrendStatus rg_trend_compact(RgTrendPeriod *periods, size_t *k);

/*
 * The test on compacted periods with the recorded counts given by
 * resolving each period's unknowns: recorded[i] + (best[i] ? unknown[i] : 0).
 * best may be NULL (every period at its worst case).  Periods without
 * referrals are left out.  On RG_TREND_OK, *chisq is the statistic,
 * *p its upper-tail chi-squared(1) probability and *slope the sign of the
 * trend (+1 rising ratio with score, -1 falling, 0 flat).  When every
 * referral has the same outcome (no recorded, or all recorded) the
 * statistic is 0/0; it is reported as chisq = 0, p = 1, slope = 0 and
 * *degenerate set.
 */
RgTrendStatus rg_trend_test(const RgTrendPeriod *periods, size_t k,
							const bool *best, double *chisq, double *p,
							int *slope, bool *degenerate);

/*
 * Direction at significance level alpha (0 < alpha < 1) over every
 * resolution of the unknown outcomes (each period's unknowns recorded in
 * any number from none to all):
 *  - improving: every resolution shows a significant (p < alpha) rise;
 *  - worsening: every resolution shows a significant fall;
 *  - no_trend: no resolution shows a significant rise or fall;
 *  - no_data: fewer than two distinct scores carry referrals;
 *  - undetermined otherwise.
 * A resolution in which every referral has the same outcome is not
 * significant.  Without unknowns the answer is improving or worsening
 * when p < alpha, no_trend otherwise.  The resolutions are not listed one
 * by one: for each total recorded the extremes of the statistic come from
 * filling the unknowns in score order (trend.c), so the cost is O(k)
 * whatever the number of unknowns.  periods must be compacted.  work is
 * not used (kept for the callers; may be NULL).
 */
RgTrendStatus rg_trend_direction(const RgTrendPeriod *periods, size_t k,
								 double alpha, bool *work, RgTrendDirection *out);

#endif							/* RG_CORE_TREND_H */
