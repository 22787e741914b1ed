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
	double		l1,
				u1,
				l2,
				u2,
				p1,
				p2,
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
	st = rg_binom_ci(x1, n1, level, RG_CI_WILSON, &l1, &u1);
	if (st != RG_STAT_OK)
		return st;
	st = rg_binom_ci(x2, n2, level, RG_CI_WILSON, &l2, &u2);
	if (st != RG_STAT_OK)
		return st;
	p1 = (double) x1 / (double) n1;
	p2 = (double) x2 / (double) n2;
	d = p1 - p2;
	lo = d - sqrt((p1 - l1) * (p1 - l1) + (u2 - p2) * (u2 - p2));
	hi = d + sqrt((u1 - p1) * (u1 - p1) + (p2 - l2) * (p2 - l2));
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
