/*
 * binomial.c - confidence intervals, verdicts, funnel limits, overdispersion
 * and Fisher's exact test.  Plain C over libRmath; no PostgreSQL headers.
 *
 * Every libRmath call is made with arguments already checked to lie in its
 * domain, and with parameters chosen so that it neither prints (libRmath's
 * standalone warnings go to stdout) nor loses precision: quantiles of a
 * beta distribution whose mass lies above 1/2 are taken through the mirror
 * image, whose mass lies below, and the upper funnel limit is computed from
 * upper-tail probabilities.
 */
#include "binomial.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define MATHLIB_STANDALONE
#include <Rmath.h>

const char	rg_ci_method_list[] =
"wilson, clopper_pearson, jeffreys, agresti_coull, wald";

static const struct
{
	const char *name;
	size_t		len;
	RgCiMethod	method;
}			ci_methods[] =
{
	{"wilson", 6, RG_CI_WILSON},
	{"clopper_pearson", 15, RG_CI_CLOPPER_PEARSON},
	{"jeffreys", 8, RG_CI_JEFFREYS},
	{"agresti_coull", 13, RG_CI_AGRESTI_COULL},
	{"wald", 4, RG_CI_WALD},
};

int
rg_ci_method_parse(const char *name, size_t len, RgCiMethod *out)
{
	for (size_t i = 0; i < sizeof ci_methods / sizeof ci_methods[0]; i++)
	{
		if (len == ci_methods[i].len && memcmp(name, ci_methods[i].name, len) == 0)
		{
			*out = ci_methods[i].method;
			return 0;
		}
	}
	return -1;
}

/* ---- helpers ---- */

static inline int
is_finite(double v)
{
	return !isnan(v) && !isinf(v);
}

static inline double
clamp01(double v)
{
	return v < 0.0 ? 0.0 : (v > 1.0 ? 1.0 : v);
}

static RgStatStatus
check_proportion(int64_t x, int64_t n)
{
	if (x < 0 || n < 0 || x > n)
		return RG_STAT_BAD_COUNTS;
	if (n > RG_STAT_MAX_COUNT)
		return RG_STAT_TOO_LARGE;
	if (n == 0)
		return RG_STAT_NO_DATA;
	return RG_STAT_OK;
}

static inline int
level_ok(double level)
{
	return level > 0.0 && level < 1.0;	/* false for NaN */
}

/*
 * Quantile of Beta(a, b): the q with P(B <= q) = p (lower_tail) or
 * P(B > q) = p.  a, b > 0, 0 < p < 1.  When the mean a / (a + b) is above
 * 1/2 the quantile is found as 1 - quantile of Beta(b, a) in the other
 * tail, so that qbeta always works near 0, where it is accurate.
 */
static RgStatStatus
beta_quantile(double p, double a, double b, int lower_tail, double *out)
{
	double		q;

	if (a > b)
	{
		q = qbeta(p, b, a, !lower_tail, 0);
		if (!is_finite(q))
			return RG_STAT_NUMERIC;
		q = 1.0 - q;
	}
	else
	{
		q = qbeta(p, a, b, lower_tail, 0);
		if (!is_finite(q))
			return RG_STAT_NUMERIC;
	}
	*out = clamp01(q);
	return RG_STAT_OK;
}

/* ---- confidence intervals ---- */

RgStatStatus
rg_binom_ci(int64_t x, int64_t n, double level, RgCiMethod method,
			double *lower, double *upper)
{
	RgStatStatus st;
	double		dx,
				dn,
				half,
				z,
				lo,
				hi;

	if (!level_ok(level))
		return RG_STAT_BAD_LEVEL;
	st = check_proportion(x, n);
	if (st != RG_STAT_OK)
		return st;

	dx = (double) x;
	dn = (double) n;
	/* 1 - level is exact for level in [1/2, 1) and correctly rounded below */
	half = (1.0 - level) / 2.0;

	switch (method)
	{
		case RG_CI_CLOPPER_PEARSON:
		case RG_CI_JEFFREYS:
			{
				/* Clopper-Pearson: Beta(x, n-x+1) and Beta(x+1, n-x); Jeffreys:
				 * Beta(x+1/2, n-x+1/2) for both */
				int			cp = method == RG_CI_CLOPPER_PEARSON;

				if (x == 0)
					lo = 0.0;
				else
				{
					st = beta_quantile(half, cp ? dx : dx + 0.5,
									   cp ? dn - dx + 1.0 : dn - dx + 0.5, 1, &lo);
					if (st != RG_STAT_OK)
						return st;
				}
				if (x == n)
					hi = 1.0;
				else
				{
					st = beta_quantile(half, cp ? dx + 1.0 : dx + 0.5,
									   cp ? dn - dx : dn - dx + 0.5, 0, &hi);
					if (st != RG_STAT_OK)
						return st;
				}
				break;
			}
		case RG_CI_WILSON:
		case RG_CI_AGRESTI_COULL:
		case RG_CI_WALD:
			{
				double		ph = dx / dn;

				z = qnorm(half, 0.0, 1.0, 0, 0);
				if (!is_finite(z))
					return RG_STAT_NUMERIC;
				if (method == RG_CI_WILSON)
				{
					double		z2 = z * z;
					double		denom = 1.0 + z2 / dn;
					double		centre = (ph + z2 / (2.0 * dn)) / denom;
					double		dist = z * sqrt(ph * (1.0 - ph) / dn + z2 / (4.0 * dn * dn)) / denom;

					lo = x == 0 ? 0.0 : centre - dist;
					hi = x == n ? 1.0 : centre + dist;
				}
				else if (method == RG_CI_AGRESTI_COULL)
				{
					double		z2 = z * z;
					double		nc = dn + z2;
					double		pc = (dx + z2 / 2.0) / nc;
					double		dist = z * sqrt(pc * (1.0 - pc) / nc);

					lo = pc - dist;
					hi = pc + dist;
				}
				else
				{
					double		dist = z * sqrt(ph * (1.0 - ph) / dn);

					lo = ph - dist;
					hi = ph + dist;
				}
				if (!is_finite(lo) || !is_finite(hi))
					return RG_STAT_NUMERIC;
				lo = clamp01(lo);
				hi = clamp01(hi);
				break;
			}
		default:
			return RG_STAT_NUMERIC;
	}

	/*
	 * Near n = 2^53 at tiny levels the interval is narrower than a double's
	 * spacing and the two ends may cross by rounding.  Clopper-Pearson
	 * always contains x / n; for any method, crossed ends meet halfway.
	 */
	if (method == RG_CI_CLOPPER_PEARSON)
	{
		double		ph = dx / dn;

		if (lo > ph)
			lo = ph;
		if (hi < ph)
			hi = ph;
	}
	if (lo > hi)
		lo = hi = lo / 2.0 + hi / 2.0;
	*lower = lo;
	*upper = hi;
	return RG_STAT_OK;
}

/* ---- verdicts ---- */

RgStatStatus
rg_verdict(const RgCounts *c, double threshold, RgVerdict *out)
{
	double		n;

	if (!(threshold >= 0.0 && threshold <= 1.0))
		return RG_STAT_BAD_THRESHOLD;
	if (c->referrals < 0 || c->recorded < 0 || c->unknown < 0 ||
		c->recorded > c->referrals || c->unknown > c->referrals - c->recorded)
		return RG_STAT_BAD_COUNTS;
	if (c->referrals == 0)
	{
		*out = RG_VERDICT_NO_REFERRALS;
		return RG_STAT_OK;
	}

	/*
	 * The ratios are compared as recording_ratio() and ratio_bounds_upper()
	 * print them (one correctly rounded division), so that a verdict never
	 * contradicts the ratio shown beside it.
	 */
	n = (double) c->referrals;
	if ((double) (c->recorded + c->unknown) / n < threshold)
		*out = RG_VERDICT_BELOW;
	else if ((double) c->recorded / n >= threshold)
		*out = RG_VERDICT_MEETS;
	else
		*out = RG_VERDICT_UNDETERMINED;
	return RG_STAT_OK;
}

/* ---- funnel limits ---- */

/*
 * Smallest r in [0, n] with P(X <= r) >= tail (upper_tail = 0) or with
 * P(X > r) <= tail (upper_tail = 1), X ~ Binomial(n, t), 0 < t < 1.  qbinom
 * gives the start; the answer is then confirmed, or found by bisection, with
 * pbinom itself, so that r and the interpolation below agree.
 */
static int
tail_ok(double r, double n, double t, double tail, int upper_tail)
{
	if (upper_tail)
		return pbinom(r, n, t, 0, 0) <= tail;
	return pbinom(r, n, t, 1, 0) >= tail;
}

static RgStatStatus
binom_tail_index(double n, double t, double tail, int upper_tail, double *r_out)
{
	double		r = qbinom(tail, n, t, !upper_tail, 0);
	double		lo,
				hi;

	if (!is_finite(r))
		return RG_STAT_NUMERIC;
	if (r < 0.0)
		r = 0.0;
	if (r > n)
		r = n;
	/* the condition holds at n (P(X > n) = 0, P(X <= n) = 1) */
	if (tail_ok(r, n, t, tail, upper_tail) &&
		(r == 0.0 || !tail_ok(r - 1.0, n, t, tail, upper_tail)))
	{
		*r_out = r;
		return RG_STAT_OK;
	}
	/* bisection: tail_ok(hi) holds, tail_ok(lo) does not (or lo = -1) */
	lo = -1.0;
	hi = n;
	while (hi - lo > 1.0)
	{
		double		mid = floor(lo + (hi - lo) / 2.0);

		if (tail_ok(mid, n, t, tail, upper_tail))
			hi = mid;
		else
			lo = mid;
	}
	*r_out = hi;
	return RG_STAT_OK;
}

RgStatStatus
rg_funnel_limit(int64_t n, double target, double tail, int upper_tail, double *limit)
{
	RgStatStatus st;
	double		dn,
				r,
				f,
				d,
				alpha,
				v;

	if (!(target >= 0.0 && target <= 1.0))
		return RG_STAT_BAD_TARGET;
	if (!(tail > 0.0 && tail < 1.0))
		return RG_STAT_BAD_LEVEL;
	st = check_proportion(0, n);
	if (st != RG_STAT_OK)
		return st;

	/*
	 * Degenerate targets: with target 0 every referral is unrecorded and the
	 * formula gives 0 for both limits; target 1 is its mirror image.
	 */
	if (target == 0.0)
	{
		*limit = 0.0;
		return RG_STAT_OK;
	}
	if (target == 1.0)
	{
		*limit = 1.0;
		return RG_STAT_OK;
	}

	dn = (double) n;
	st = binom_tail_index(dn, target, tail, upper_tail, &r);
	if (st != RG_STAT_OK)
		return st;

	/*
	 * alpha = (F(r) - p) / (F(r) - F(r - 1)), with F(r) - F(r - 1) the
	 * probability of r (F(-1) = 0), and for the upper limit (p = 1 - tail)
	 * F(r) - p = tail - P(X > r), free of cancellation.
	 */
	d = dbinom(r, dn, target, 0);
	if (upper_tail)
		f = tail - pbinom(r, dn, target, 0, 0);
	else
		f = pbinom(r, dn, target, 1, 0) - tail;
	if (!is_finite(d) || !is_finite(f) || d <= 0.0)
		return RG_STAT_NUMERIC;
	alpha = f / d;
	/* F(r) - p lies in [0, F(r) - F(r-1)] by the choice of r */
	if (alpha < 0.0)
		alpha = 0.0;
	if (alpha > 1.0)
		alpha = 1.0;
	v = (r - alpha) / dn;
	if (!is_finite(v))
		return RG_STAT_NUMERIC;
	*limit = clamp01(v);
	return RG_STAT_OK;
}

RgStatStatus
rg_funnel_limits(int64_t n, double target, double level, double *lower, double *upper)
{
	RgStatStatus st;
	double		tail;

	if (!(target >= 0.0 && target <= 1.0))
		return RG_STAT_BAD_TARGET;
	if (!level_ok(level))
		return RG_STAT_BAD_LEVEL;
	tail = (1.0 - level) / 2.0;
	st = rg_funnel_limit(n, target, tail, 0, lower);
	if (st != RG_STAT_OK)
		return st;
	return rg_funnel_limit(n, target, tail, 1, upper);
}

RgStatStatus
rg_funnel_position(int64_t x, int64_t n, double target, double level, double phi,
				   RgFunnelPosition *out, double *lower, double *upper)
{
	RgStatStatus st;
	double		lo,
				hi,
				ratio;

	if (!(target >= 0.0 && target <= 1.0))
		return RG_STAT_BAD_TARGET;
	if (!level_ok(level))
		return RG_STAT_BAD_LEVEL;
	if (!(phi >= 0.0) || isinf(phi))
		return RG_STAT_BAD_PHI;
	st = check_proportion(x, n);
	if (st != RG_STAT_OK)
		return st;
	st = rg_funnel_limits(n, target, level, &lo, &hi);
	if (st != RG_STAT_OK)
		return st;
	if (phi > 1.0)
	{
		double		s = sqrt(phi);

		lo = clamp01(target + s * (lo - target));
		hi = clamp01(target + s * (hi - target));
	}
	ratio = (double) x / (double) n;
	if (ratio < lo)
		*out = RG_FUNNEL_LOW;
	else if (ratio > hi)
		*out = RG_FUNNEL_HIGH;
	else
		*out = RG_FUNNEL_WITHIN;
	if (lower)
		*lower = lo;
	if (upper)
		*upper = hi;
	return RG_STAT_OK;
}

static int
cmp_double(const void *a, const void *b)
{
	double		x = *(const double *) a,
				y = *(const double *) b;

	return x < y ? -1 : (x > y ? 1 : 0);
}

/* R's default quantile (type 7) of sorted v[0..k-1] at probability p. */
static double
quantile7(const double *v, size_t k, double p)
{
	double		h = (double) (k - 1) * p;
	size_t		j = (size_t) floor(h);
	double		g = h - (double) j;

	if (j + 1 >= k)
		return v[k - 1];
	return v[j] + g * (v[j + 1] - v[j]);
}

RgStatStatus
rg_funnel_phi(const int64_t *n, const int64_t *x, size_t k, double target,
			  double *work, double *phi)
{
	double		v,
				lz,
				uz,
				sum = 0.0;

	if (!(target > 0.0 && target < 1.0))
		return RG_STAT_BAD_TARGET;
	if (k == 0)
		return RG_STAT_NO_DATA;
	v = target * (1.0 - target);
	for (size_t i = 0; i < k; i++)
	{
		RgStatStatus st = check_proportion(x[i], n[i]);

		if (st != RG_STAT_OK)
			return st == RG_STAT_NO_DATA ? RG_STAT_BAD_COUNTS : st;
		work[i] = ((double) x[i] / (double) n[i] - target) / sqrt(v / (double) n[i]);
		if (!is_finite(work[i]))
			return RG_STAT_NUMERIC;
	}
	qsort(work, k, sizeof(double), cmp_double);
	lz = quantile7(work, k, 0.1);
	uz = quantile7(work, k, 0.9);
	for (size_t i = 0; i < k; i++)
	{
		double		w = work[i] < lz ? lz : (work[i] > uz ? uz : work[i]);

		sum += w * w;
	}
	*phi = sum / (double) k;
	if (!is_finite(*phi))
		return RG_STAT_NUMERIC;
	return RG_STAT_OK;
}

/* ---- Fisher's exact test ---- */

RgStatStatus
rg_fisher_exact(int64_t a, int64_t b, int64_t c, int64_t d, double *p)
{
	int64_t		n1,
				n2,
				k,
				lo,
				hi,
				mode,
				xl,
				xu,
				l,
				h;
	double		dn1,
				dn2,
				dk,
				thr,
				ld,
				pv;

	if (a < 0 || b < 0 || c < 0 || d < 0)
		return RG_STAT_BAD_COUNTS;
	if (a > RG_STAT_MAX_COUNT || b > RG_STAT_MAX_COUNT - a ||
		c > RG_STAT_MAX_COUNT - a - b || d > RG_STAT_MAX_COUNT - a - b - c)
		return RG_STAT_TOO_LARGE;
	n1 = a + b;
	n2 = c + d;
	if (n1 == 0 || n2 == 0)
		return RG_STAT_NO_DATA;
	k = a + c;
	lo = k > n2 ? k - n2 : 0;
	hi = k < n1 ? k : n1;
	if (lo == hi)
	{
		*p = 1.0;
		return RG_STAT_OK;
	}
	dn1 = (double) n1;
	dn2 = (double) n2;
	dk = (double) k;

	/* the mode of the hypergeometric distribution (exact in 128 bits) */
	mode = (int64_t) (((__int128) (k + 1) * (__int128) (n1 + 1)) /
					  (__int128) (n1 + n2 + 2));
	if (mode < lo)
		mode = lo;
	if (mode > hi)
		mode = hi;

	ld = dhyper((double) a, dn1, dn2, dk, 1);
	if (isnan(ld) || ld == INFINITY)
		return RG_STAT_NUMERIC;
	thr = ld + log1p(1e-7);

	/*
	 * Densities rise up to the mode and fall after it.  xl: the largest x in
	 * [lo, mode] no more likely than the observed table (lo - 1 if none);
	 * xu: the smallest such x in [mode + 1, hi] (hi + 1 if none).
	 */
	l = lo - 1;
	h = mode + 1;
	while (h - l > 1)
	{
		int64_t		m = l + (h - l) / 2;

		if (dhyper((double) m, dn1, dn2, dk, 1) <= thr)
			l = m;
		else
			h = m;
	}
	xl = l;
	l = mode;
	h = hi + 1;
	while (h - l > 1)
	{
		int64_t		m = l + (h - l) / 2;

		if (dhyper((double) m, dn1, dn2, dk, 1) <= thr)
			h = m;
		else
			l = m;
	}
	xu = h;

	pv = 0.0;
	if (xl >= lo)
		pv += phyper((double) xl, dn1, dn2, dk, 1, 0);
	if (xu <= hi)
		pv += phyper((double) (xu - 1), dn1, dn2, dk, 0, 0);
	if (!is_finite(pv))
		return RG_STAT_NUMERIC;
	*p = pv > 1.0 ? 1.0 : pv;
	return RG_STAT_OK;
}

RgStatStatus
rg_change(const RgCounts *before, const RgCounts *after, double alpha,
		  RgChange *out, double *p)
{
	RgStatStatus st;
	double		pv;
	__int128	up,
				down;

	if (!(alpha > 0.0 && alpha < 1.0))
		return RG_STAT_BAD_ALPHA;
	if (before->recorded < 0 || before->recorded > before->referrals ||
		after->recorded < 0 || after->recorded > after->referrals)
		return RG_STAT_BAD_COUNTS;
	if (before->referrals == 0 || after->referrals == 0)
	{
		*out = RG_CHANGE_NO_DATA;
		if (p)
			*p = NAN;
		return RG_STAT_OK;
	}
	st = rg_fisher_exact(before->recorded, before->referrals - before->recorded,
						 after->recorded, after->referrals - after->recorded, &pv);
	if (st != RG_STAT_OK)
		return st;
	if (p)
		*p = pv;
	/* compare after.recorded / after.referrals with before's, exactly */
	up = (__int128) after->recorded * before->referrals;
	down = (__int128) before->recorded * after->referrals;
	if (pv < alpha && up > down)
		*out = RG_CHANGE_IMPROVED;
	else if (pv < alpha && up < down)
		*out = RG_CHANGE_WORSENED;
	else
		*out = RG_CHANGE_NO_CHANGE;
	return RG_STAT_OK;
}
