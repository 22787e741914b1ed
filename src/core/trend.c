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

/*
 * The statistic c of one degree of freedom as a double, and its upper-tail
 * chi-square p-value; RG_TREND_NUMERIC when either is not a number.
 */
static RgTrendStatus
chisq_p(long double c, double *stat, double *pv)
{
	*stat = (double) c;
	if (isnan(*stat) || isinf(*stat) || *stat < 0.0)
		return RG_TREND_NUMERIC;
	*pv = rg_math.pchisq(*stat, 1.0, 0, 0);
	if (isnan(*pv))
		return RG_TREND_NUMERIC;
	return RG_TREND_OK;
}

/* the largest |score - m| over the periods with referrals */
static long double
score_scale(const RgTrendPeriod *periods, size_t k, long double m)
{
	long double scale = 0.0L;

	for (size_t i = 0; i < k; i++)
		if (periods[i].referrals > 0)
		{
			long double d = fabsl((long double) periods[i].score - m);

			if (d > scale)
				scale = d;
		}
	return scale;
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
				scale,
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
	scale = score_scale(periods, k, m);
	for (size_t i = 0; i < k; i++)
		x += periods[i].recorded + (best && best[i] ? periods[i].unknown : 0);
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
	if (chisq_p(c, &stat, &pv) != RG_TREND_OK)
		return RG_TREND_NUMERIC;
	*chisq = stat;
	*p = pv;
	*slope = sxy > 0.0L ? 1 : (sxy < 0.0L ? -1 : 0);
	return RG_TREND_OK;
}

/*
 * The direction over every resolution of the unknowns.
 *
 * Centre the scores at the referral-weighted mean m, d_i = (s_i - m) / scale.
 * A resolution records r_i of period i's u_i unknowns (0 <= r_i <= u_i);
 * with X = K + D recorded in all (K known, D = sum r_i) the statistic is
 *
 *   chisq = N^2 T^2 / (X (N - X) Sxx),  T = sum (x_i + r_i - X n_i / N) d_i,
 *
 * Sxx = sum n_i d_i^2.  For a fixed X the denominator is fixed, so the
 * statistic grows with |T|, and T is linear in the r_i: its least value
 * records the D unknowns in the lowest-scored periods first ("min path"),
 * its greatest in the highest-scored first ("max path").  Along a path, T
 * is linear in D within a segment (one period being filled), and
 *
 *   f(D) = N^2 T(D)^2 - c Sxx X (N - X),  c the chi-squared critical value,
 *
 * is a convex quadratic in D: the resolutions of a segment that are not
 * significant (f <= 0) form an interval, and T = 0 lies in it.  Hence:
 *  - some resolution shows a significant rise iff an end of a max-path
 *    segment does (max path: greatest T at each X);
 *  - some resolution shows a significant fall iff an end of a min-path
 *    segment does;
 *  - every resolution shows a significant rise iff along the min path
 *    every segment's ends have T > 0 and the integer D nearest the least
 *    f (the vertex, rounded down and up) is significant; a fall likewise
 *    along the max path.
 * The cost is O(k) after the sort, whatever the number of unknowns.  Each
 * point looked at is decided as rg_trend_test decides a table: the
 * p-value of its statistic below alpha, a table whose referrals all have
 * the same outcome (X = 0 or X = N) not significant.  c only places the
 * vertex.
 */

typedef struct TrendPath
{
	int64_t		known;			/* K */
	int64_t		total;			/* N */
	long double sxx;
	long double t0;				/* T at D = 0 */
	long double snd_n;			/* sum n_i d_i / N, zero but for rounding */
	long double crit;			/* c */
	long double mean;			/* m */
	long double scale;
	double		alpha;
} TrendPath;

static long double
path_d(const TrendPath *tp, const RgTrendPeriod *q)
{
	return ((long double) q->score - tp->mean) / tp->scale;
}

/* decide the resolution with X = known + D recorded and numerator t */
static RgTrendStatus
path_point(const TrendPath *tp, int64_t d, long double t, bool *sig, int *sign)
{
	int64_t		x = tp->known + d;
	long double pr,
				c;
	double		stat,
				pv;

	*sig = false;
	*sign = 0;
	if (x <= 0 || x >= tp->total)
		return RG_TREND_OK;
	pr = (long double) x / (long double) tp->total;
	c = t * t / (pr * (1.0L - pr) * tp->sxx);
	if (chisq_p(c, &stat, &pv) != RG_TREND_OK)
		return RG_TREND_NUMERIC;
	*sig = pv < tp->alpha;
	*sign = t > 0.0L ? 1 : (t < 0.0L ? -1 : 0);
	return RG_TREND_OK;
}

/*
 * Walk one path (ascending: the min path; descending: the max path).
 * *any_up, *any_down: some segment end is significant rising / falling.
 * *all_sign: every point of the path is significant with that sign
 * (want > 0 rising, want < 0 falling), checked at the segment ends and
 * the vertex of f.
 */
static RgTrendStatus
walk_path(const TrendPath *tp, const RgTrendPeriod *periods,
		  size_t k, bool ascending, int want, bool *any_up, bool *any_down,
		  bool *all_sign)
{
	int64_t		c0 = 0;			/* D at the start of the segment */
	long double tc = tp->t0;	/* T there */
	bool		any_segment = false;
	long double nn = (long double) tp->total * (long double) tp->total;

	*any_up = *any_down = false;
	*all_sign = true;
	for (size_t s = 0; s <= k; s++)
	{
		size_t		i = ascending ? s : k - 1 - s;
		int64_t		u,
					cand[4];
		long double e;
		int			nc = 2;

		if (s == k)
		{
			/* no unknowns at all: the one point D = 0 */
			if (any_segment)
				break;
			u = 0;
			e = 0.0L;
		}
		else
		{
			if (periods[i].referrals == 0 || periods[i].unknown == 0)
				continue;
			u = periods[i].unknown;
			e = path_d(tp, &periods[i]) - tp->snd_n;
		}
		any_segment = true;
		cand[0] = 0;
		cand[1] = u;
		if (*all_sign && u > 1)
		{
			/* least f(t), t = D - c0, over the real line */
			long double x0 = (long double) (tp->known + c0),
						a2 = nn * e * e + tp->crit * tp->sxx,
						b1 = 2.0L * nn * tc * e - tp->crit * tp->sxx * ((long double) tp->total - 2.0L * x0),
						v = -b1 / (2.0L * a2);

			if (v > 0.0L && v < (long double) u)
			{
				cand[nc++] = (int64_t) floorl(v);
				cand[nc++] = (int64_t) ceill(v);
			}
		}
		for (int j = 0; j < nc; j++)
		{
			bool		sig;
			int			sign;
			RgTrendStatus st;

			st = path_point(tp, c0 + cand[j], tc + (long double) cand[j] * e, &sig, &sign);
			if (st != RG_TREND_OK)
				return st;
			if (j < 2)
			{
				if (sig && sign > 0)
					*any_up = true;
				if (sig && sign < 0)
					*any_down = true;
			}
			if (!(sig && sign * want > 0))
				*all_sign = false;
		}
		c0 += u;
		tc += (long double) u * e;
	}
	return RG_TREND_OK;
}

RgTrendStatus
rg_trend_direction(const RgTrendPeriod *periods, size_t k, double alpha,
				   bool *work, RgTrendDirection *out)
{
	RgTrendStatus st;
	int64_t		total,
				known = 0;
	size_t		with_data;
	long double m,
				scale,
				snd = 0.0L,
				t = 0.0L;
	TrendPath	tp;
	bool		up_any_max,
				down_any_max,
				all_up,
				up_any_min,
				down_any_min,
				all_down;

	(void) work;
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
	m = mean_score(periods, k, total);
	scale = score_scale(periods, k, m);
	if (!(scale > 0.0L))
	{
		*out = RG_TREND_DIR_NO_DATA;
		return RG_TREND_OK;
	}
	tp.mean = m;
	tp.scale = scale;
	tp.sxx = 0.0L;
	for (size_t i = 0; i < k; i++)
	{
		const RgTrendPeriod *q = &periods[i];
		long double d;

		if (q->referrals == 0)
			continue;
		d = path_d(&tp, q);
		tp.sxx += (long double) q->referrals * d * d;
		snd += (long double) q->referrals * d;
		t += (long double) q->recorded * d;
		known += q->recorded;
	}
	if (!(tp.sxx > 0.0L))
	{
		*out = RG_TREND_DIR_NO_DATA;
		return RG_TREND_OK;
	}
	tp.known = known;
	tp.total = total;
	tp.snd_n = snd / (long double) total;
	tp.t0 = t - (long double) known * tp.snd_n;
	tp.alpha = alpha;
	tp.crit = (long double) rg_math.qchisq(alpha, 1.0, 0, 0);
	if (isnan((double) tp.crit))
		return RG_TREND_NUMERIC;
	/* min path: least T at each X; max path: greatest */
	st = walk_path(&tp, periods, k, true, 1, &up_any_min, &down_any_min, &all_up);
	if (st == RG_TREND_OK)
		st = walk_path(&tp, periods, k, false, -1, &up_any_max, &down_any_max, &all_down);
	if (st != RG_TREND_OK)
		return st;

	if (all_up)
		*out = RG_TREND_IMPROVING;
	else if (all_down)
		*out = RG_TREND_WORSENING;
	else if (!up_any_max && !down_any_min)
		*out = RG_TREND_NO_TREND;
	else
		*out = RG_TREND_UNDETERMINED;
	return RG_TREND_OK;
}
