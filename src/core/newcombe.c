/*
 * newcombe.c - Newcombe's hybrid score interval for a difference of two
 * proportions (method 10 of Newcombe 1998, no continuity correction), over
 * the Wilson intervals of binomial.c.  No PostgreSQL headers.
 */
#include "newcombe.h"

#include <math.h>

static int
counts_ok(const RgCounts *c)
{
	return c->referrals >= 0 && c->recorded >= 0 && c->unknown >= 0 &&
		c->recorded <= c->referrals && c->unknown <= c->referrals - c->recorded;
}

static double
clip(double v)
{
	return v < -1.0 ? -1.0 : (v > 1.0 ? 1.0 : v);
}

RgStatStatus
rg_newcombe(int64_t x1, int64_t n1, int64_t x2, int64_t n2, double level,
			double *lower, double *upper)
{
	RgStatStatus st;
	double		l1,				/* p1 - lower1 */
				u1,				/* upper1 - p1 */
				l2,
				u2,
				d,
				lo,
				hi;

	if (!(level > 0.0 && level < 1.0))
		return RG_STAT_BAD_LEVEL;
	if (x1 < 0 || n1 < 0 || x1 > n1 || x2 < 0 || n2 < 0 || x2 > n2)
		return RG_STAT_BAD_COUNTS;
	if (n1 > RG_STAT_MAX_COUNT || n2 > RG_STAT_MAX_COUNT)
		return RG_STAT_TOO_LARGE;
	if (n1 == 0 || n2 == 0)
		return RG_STAT_NO_DATA;
	/* the arms p - l and u - p, without the cancellation of a subtraction */
	st = rg_wilson_arms(x1, n1, level, &l1, &u1);
	if (st != RG_STAT_OK)
		return st;
	st = rg_wilson_arms(x2, n2, level, &l2, &u2);
	if (st != RG_STAT_OK)
		return st;

	/*
	 * p1 - p2 = (x1 n2 - x2 n1) / (n1 n2), the numerator exact in 128 bits
	 * (counts up to 2^53), so that two ratios near 1 do not cancel.
	 */
	{
		__int128	num = (__int128) x1 * n2 - (__int128) x2 * n1;

		d = (double) num / ((double) n1 * (double) n2);
	}
	lo = d - hypot(l1, u2);
	hi = d + hypot(u1, l2);
	if (isnan(lo) || isinf(lo) || isnan(hi) || isinf(hi))
		return RG_STAT_NUMERIC;
	*lower = clip(lo);
	*upper = clip(hi);
	return RG_STAT_OK;
}

RgStatStatus
rg_change_interval(const RgCounts *before, const RgCounts *after, double level,
				   double *lower, double *upper)
{
	RgStatStatus st;
	double		lo,
				hi,
				ignore;

	if (!(level > 0.0 && level < 1.0))
		return RG_STAT_BAD_LEVEL;
	if (!counts_ok(before) || !counts_ok(after))
		return RG_STAT_BAD_COUNTS;
	/* lower: after at its worst case, before at its best */
	st = rg_newcombe(after->recorded, after->referrals,
					 before->recorded + before->unknown, before->referrals,
					 level, &lo, &ignore);
	if (st != RG_STAT_OK)
		return st;
	/* upper: after at its best case, before at its worst */
	st = rg_newcombe(after->recorded + after->unknown, after->referrals,
					 before->recorded, before->referrals,
					 level, &ignore, &hi);
	if (st != RG_STAT_OK)
		return st;
	*lower = lo;
	*upper = hi;
	return RG_STAT_OK;
}
