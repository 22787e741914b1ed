/*
 * audit.c - unrecorded crimes estimated from an audit sample's recording
 * rate.  No PostgreSQL headers.
 */
#include "audit.h"

#include <math.h>

static RgStatStatus
check_sample(const RgCounts *c, int64_t total)
{
	if (c->referrals < 0 || c->recorded < 0 || c->unknown < 0 ||
		c->recorded > c->referrals || c->unknown > c->referrals - c->recorded ||
		total < 0)
		return RG_STAT_BAD_COUNTS;
	if (c->referrals > RG_STAT_MAX_COUNT)
		return RG_STAT_TOO_LARGE;
	if (c->referrals == 0)
		return RG_STAT_NO_DATA;
	return RG_STAT_OK;
}

/*
 * T (1 - r) / r for a rate r in [0, 1], given r and its complement c =
 * 1 - r computed on its own (not by a subtraction that would lose the
 * digits of a rate near 1); r = 0 gives +Infinity (T > 0).
 */
static double
map_rate(double t, double r, double c)
{
	if (t == 0.0 || c <= 0.0)
		return 0.0;
	if (r <= 0.0)
		return INFINITY;
	return t * (c / r);
}

RgStatStatus
rg_unrecorded_estimate(const RgCounts *sample, int64_t recorded_total, double *estimate)
{
	RgStatStatus st = check_sample(sample, recorded_total);
	double		t = (double) recorded_total;

	if (st != RG_STAT_OK)
		return st;
	if (sample->recorded == 0)
	{
		if (recorded_total == 0)
			return RG_STAT_NO_DATA;
		*estimate = INFINITY;
		return RG_STAT_OK;
	}
	/* T (n - x) / x: exact counts in the ratio, one rounding */
	*estimate = t * ((double) (sample->referrals - sample->recorded) /
					 (double) sample->recorded);
	if (isnan(*estimate))
		return RG_STAT_NUMERIC;
	return RG_STAT_OK;
}

RgStatStatus
rg_unrecorded_interval(const RgCounts *sample, int64_t recorded_total, double level,
					   double *lower, double *upper)
{
	RgStatStatus st;
	double		lw,
				uw,
				lb,
				ub,
				cub,
				clw,
				unused,
				t = (double) recorded_total;

	if (!(level > 0.0 && level < 1.0))
		return RG_STAT_BAD_LEVEL;
	st = check_sample(sample, recorded_total);
	if (st != RG_STAT_OK)
		return st;
	/* worst case x / n and best case (x + u) / n */
	st = rg_binom_ci(sample->recorded, sample->referrals, level, RG_CI_WILSON, &lw, &uw);
	if (st != RG_STAT_OK)
		return st;
	/* T = 0 with no recorded report: 0 times an unbounded ratio */
	if (recorded_total == 0 && sample->recorded == 0)
		return RG_STAT_NO_DATA;
	st = rg_binom_ci(sample->recorded + sample->unknown, sample->referrals, level,
					 RG_CI_WILSON, &lb, &ub);
	if (st != RG_STAT_OK)
		return st;
	/*
	 * The complements from the Wilson interval of the complementary count,
	 * 1 - upper(k, n) = lower(n - k, n) and 1 - lower(k, n) = upper(n - k, n),
	 * each computed without cancellation (binomial.c).
	 */
	st = rg_binom_ci(sample->referrals - sample->recorded - sample->unknown, sample->referrals,
					 level, RG_CI_WILSON, &cub, &unused);
	if (st != RG_STAT_OK)
		return st;
	st = rg_binom_ci(sample->referrals - sample->recorded, sample->referrals,
					 level, RG_CI_WILSON, &unused, &clw);
	if (st != RG_STAT_OK)
		return st;
	*lower = map_rate(t, ub, cub);
	*upper = map_rate(t, lw, clw);
	if (isnan(*lower) || isnan(*upper))
		return RG_STAT_NUMERIC;
	return RG_STAT_OK;
}
