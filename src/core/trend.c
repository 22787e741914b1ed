/*
 * trend.c - chi-squared test for trend in proportions (Cochran-Armitage),
 * the statistic of R's prop.trend.test.  No PostgreSQL headers.
 *
 * prop.trend.test fits freq ~ score by weighted least squares with
 * weights w = n / (p (1 - p)), p = sum(x) / sum(n), and takes the
 * regression sum of squares of score as the statistic.  In closed form:
 *
 *   chisq = [sum (x_i - p n_i)(s_i - m)]^2 / (p (1 - p) sum n_i (s_i - m)^2)
 *
 * with m = sum n_i s_i / sum n_i.  It is computed in long double, with the
 * centred scores scaled by their largest magnitude (the statistic does not
 * change under an affine map of the scores), so that no score range
 * overflows.
 */
#include "trend.h"

#include <math.h>
#include <stdlib.h>

#include "mathlib.h"

/* 2^53, as RG_STAT_MAX_COUNT of binomial.h */
#define TREND_MAX_COUNT INT64_C(9007199254740992)

static int
cmp_score(const void *a, const void *b)
{
	double		x = ((const RgTrendPeriod *) a)->score,
				y = ((const RgTrendPeriod *) b)->score;

	return x < y ? -1 : (x > y ? 1 : 0);
}

RgTrendStatus
rg_trend_compact(RgTrendPeriod *periods, size_t *k)
{
	size_t		n = *k,
				out = 0;

	if (n == 0)
		return RG_TREND_OK;
	qsort(periods, n, sizeof(RgTrendPeriod), cmp_score);
	for (size_t i = 1; i < n; i++)
	{
		RgTrendPeriod *o = &periods[out];

		/* == also merges -0 with +0, which are the same score */
		if (periods[i].score == o->score)
		{
			int			ovf;

			ovf = __builtin_add_overflow(o->referrals, periods[i].referrals, &o->referrals);
			ovf |= __builtin_add_overflow(o->recorded, periods[i].recorded, &o->recorded);
			ovf |= __builtin_add_overflow(o->unknown, periods[i].unknown, &o->unknown);
			if (ovf)
				return RG_TREND_OVERFLOW;
		}
		else
			periods[++out] = periods[i];
	}
	*k = out + 1;
	return RG_TREND_OK;
}

static RgTrendStatus
check_periods(const RgTrendPeriod *periods, size_t k, int64_t *total, size_t *with_data)
{
	int64_t		n = 0;
	size_t		d = 0;

	for (size_t i = 0; i < k; i++)
	{
		const RgTrendPeriod *q = &periods[i];

		if (isnan(q->score) || isinf(q->score))
			return RG_TREND_BAD_SCORE;
		if (q->referrals < 0 || q->recorded < 0 || q->unknown < 0 ||
			q->recorded > q->referrals || q->unknown > q->referrals - q->recorded)
			return RG_TREND_BAD_COUNTS;
		if (q->referrals > TREND_MAX_COUNT || n > TREND_MAX_COUNT - q->referrals)
			return RG_TREND_TOO_LARGE;
		n += q->referrals;
		if (q->referrals > 0)
			d++;
	}
	*total = n;
	*with_data = d;
	return RG_TREND_OK;
}

/* referral-weighted mean score of the periods with referrals */
static long double
mean_score(const RgTrendPeriod *periods, size_t k, int64_t total)
{
	long double s = 0.0L;

	for (size_t i = 0; i < k; i++)
		if (periods[i].referrals > 0)
			s += (long double) periods[i].referrals * (long double) periods[i].score;
	return s / (long double) total;
}

RgTrendStatus
rg_trend_test(const RgTrendPeriod *periods, size_t k, const bool *best,
			  double *chisq, double *p, int *slope, bool *degenerate)
{
	RgTrendStatus st;
	int64_t		total,
				x = 0;
	size_t		with_data;
	long double m,
				scale = 0.0L,
				pr,
				sxy = 0.0L,
				sxx = 0.0L,
				c;
	double		stat,
				pv;

	st = check_periods(periods, k, &total, &with_data);
	if (st != RG_TREND_OK)
		return st;
	if (with_data < 2)
		return RG_TREND_NO_DATA;
	m = mean_score(periods, k, total);
	for (size_t i = 0; i < k; i++)
	{
		if (periods[i].referrals > 0)
		{
			long double d = fabsl((long double) periods[i].score - m);

			if (d > scale)
				scale = d;
		}
		x += periods[i].recorded + (best && best[i] ? periods[i].unknown : 0);
	}
	*degenerate = false;
	if (x == 0 || x == total)
	{
		*chisq = 0.0;
		*p = 1.0;
		*slope = 0;
		*degenerate = true;
		return RG_TREND_OK;
	}
	if (!(scale > 0.0L))
		return RG_TREND_NO_DATA;
	pr = (long double) x / (long double) total;
	for (size_t i = 0; i < k; i++)
	{
		const RgTrendPeriod *q = &periods[i];
		long double d,
					xi;

		if (q->referrals == 0)
			continue;
		d = ((long double) q->score - m) / scale;
		xi = (long double) (q->recorded + (best && best[i] ? q->unknown : 0));
		sxy += (xi - pr * (long double) q->referrals) * d;
		sxx += (long double) q->referrals * d * d;
	}
	if (!(sxx > 0.0L))
		return RG_TREND_NO_DATA;
	c = sxy * sxy / (pr * (1.0L - pr) * sxx);
	stat = (double) c;
	if (isnan(stat) || isinf(stat) || stat < 0.0)
		return RG_TREND_NUMERIC;
	pv = rg_math.pchisq(stat, 1.0, 0, 0);
	if (isnan(pv))
		return RG_TREND_NUMERIC;
	*chisq = stat;
	*p = pv;
	*slope = sxy > 0.0L ? 1 : (sxy < 0.0L ? -1 : 0);
	return RG_TREND_OK;
}

RgTrendStatus
rg_trend_direction(const RgTrendPeriod *periods, size_t k, double alpha,
				   bool *work, RgTrendDirection *out)
{
	RgTrendStatus st;
	int64_t		total;
	size_t		with_data;
	long double m;
	double		chisq,
				pa,
				pb;
	int			sa,
				sb;
	bool		deg,
				up_a,
				down_a,
				up_b,
				down_b;

	if (!(alpha > 0.0 && alpha < 1.0))
		return RG_TREND_BAD_ALPHA;
	st = check_periods(periods, k, &total, &with_data);
	if (st != RG_TREND_OK)
		return st;
	if (with_data < 2)
	{
		*out = RG_TREND_DIR_NO_DATA;
		return RG_TREND_OK;
	}
	/*
	 * The mean that splits the periods, rounded to double: the products in
	 * double, their sum in long double, one division in double (as R's
	 * sum(n * score) / sum(n)), so that "above" and "below" are those of
	 * the documented rule computed in double precision.
	 */
	{
		long double s = 0.0L;

		for (size_t i = 0; i < k; i++)
			if (periods[i].referrals > 0)
				s += (long double) ((double) periods[i].referrals * periods[i].score);
		m = (long double) ((double) s / (double) total);
		/* scores near the double range: the mean in long double */
		if (isnan((double) m) || isinf((double) m))
			m = mean_score(periods, k, total);
	}

	/* A: above the mean not recorded, below recorded */
	for (size_t i = 0; i < k; i++)
		work[i] = (long double) periods[i].score < m;
	st = rg_trend_test(periods, k, work, &chisq, &pa, &sa, &deg);
	if (st == RG_TREND_NO_DATA)
	{
		*out = RG_TREND_DIR_NO_DATA;
		return RG_TREND_OK;
	}
	if (st != RG_TREND_OK)
		return st;
	/* B: above the mean recorded, below not recorded */
	for (size_t i = 0; i < k; i++)
		work[i] = (long double) periods[i].score > m;
	st = rg_trend_test(periods, k, work, &chisq, &pb, &sb, &deg);
	if (st != RG_TREND_OK)
		return st;

	up_a = pa < alpha && sa > 0;
	down_a = pa < alpha && sa < 0;
	up_b = pb < alpha && sb > 0;
	down_b = pb < alpha && sb < 0;
	if (up_a)
		*out = RG_TREND_IMPROVING;
	else if (down_b)
		*out = RG_TREND_WORSENING;
	else if (!up_b && !down_a)
		*out = RG_TREND_NO_TREND;
	else
		*out = RG_TREND_UNDETERMINED;
	return RG_TREND_OK;
}
