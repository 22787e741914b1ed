/*
 * funnel.c - funnel-plot limits, positions, z-scores and overdispersion
 * (phi and tau2).  Plain C over libRmath; no PostgreSQL headers.
 *
 * The exact limits are computed from upper-tail probabilities for the upper
 * limit, so that neither tail loses precision; the overdispersed limits with
 * tau2 follow FunnelPlotR's formulas for proportions on the arcsine
 * square-root scale (see funnel.h for each rule).
 */
#include "funnel.h"

#include <math.h>
#include <stdlib.h>

#include "mathlib.h"

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
		return rg_math.pbinom(r, n, t, 0, 0) <= tail;
	return rg_math.pbinom(r, n, t, 1, 0) >= tail;
}

static RgStatStatus
binom_tail_index(double n, double t, double tail, int upper_tail, double *r_out)
{
	double		r = rg_math.qbinom(tail, n, t, !upper_tail, 0);
	double		lo,
				hi;

	if (!rg_is_finite(r))
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
	st = rg_check_proportion(0, n);
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
	d = rg_math.dbinom(r, dn, target, 0);
	if (upper_tail)
		f = tail - rg_math.pbinom(r, dn, target, 0, 0);
	else
		f = rg_math.pbinom(r, dn, target, 1, 0) - tail;
	if (!rg_is_finite(d) || !rg_is_finite(f) || d <= 0.0)
		return RG_STAT_NUMERIC;
	alpha = f / d;
	/* F(r) - p lies in [0, F(r) - F(r-1)] by the choice of r */
	if (alpha < 0.0)
		alpha = 0.0;
	if (alpha > 1.0)
		alpha = 1.0;
	v = (r - alpha) / dn;
	if (!rg_is_finite(v))
		return RG_STAT_NUMERIC;
	*limit = rg_clamp01(v);
	return RG_STAT_OK;
}

RgStatStatus
rg_funnel_limits(int64_t n, double target, double level, double *lower, double *upper)
{
	RgStatStatus st;
	double		tail;

	if (!(target >= 0.0 && target <= 1.0))
		return RG_STAT_BAD_TARGET;
	if (!rg_level_ok(level))
		return RG_STAT_BAD_LEVEL;
	tail = (1.0 - level) / 2.0;
	st = rg_funnel_limit(n, target, tail, 0, lower);
	if (st != RG_STAT_OK)
		return st;
	return rg_funnel_limit(n, target, tail, 1, upper);
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

/*
 * The mean of the squares of z[0..k-1] (k >= 1) winsorized at their 10%
 * and 90% quantiles; z is sorted in place.
 */
static double
winsorized_mean_square(double *z, size_t k)
{
	double		lz,
				uz,
				sum = 0.0;

	qsort(z, k, sizeof(double), cmp_double);
	lz = quantile7(z, k, 0.1);
	uz = quantile7(z, k, 0.9);
	for (size_t i = 0; i < k; i++)
	{
		double		w = z[i] < lz ? lz : (z[i] > uz ? uz : z[i]);

		sum += w * w;
	}
	return sum / (double) k;
}

RgStatStatus
rg_funnel_phi(const int64_t *n, const int64_t *x, size_t k, double target,
			  double *work, double *phi)
{
	double		v;

	if (!(target > 0.0 && target < 1.0))
		return RG_STAT_BAD_TARGET;
	if (k == 0)
		return RG_STAT_NO_DATA;
	v = target * (1.0 - target);
	for (size_t i = 0; i < k; i++)
	{
		RgStatStatus st = rg_check_proportion(x[i], n[i]);

		if (st != RG_STAT_OK)
			return st == RG_STAT_NO_DATA ? RG_STAT_BAD_COUNTS : st;
		work[i] = ((double) x[i] / (double) n[i] - target) / sqrt(v / (double) n[i]);
		if (!rg_is_finite(work[i]))
			return RG_STAT_NUMERIC;
	}
	*phi = winsorized_mean_square(work, k);
	if (!rg_is_finite(*phi))
		return RG_STAT_NUMERIC;
	return RG_STAT_OK;
}


/* ---- overdispersed limits and positions ---- */

static RgStatStatus
od_args_ok(double target, double level, double phi, double tau2)
{
	if (!(target >= 0.0 && target <= 1.0))
		return RG_STAT_BAD_TARGET;
	if (!rg_level_ok(level))
		return RG_STAT_BAD_LEVEL;
	if (!(phi >= 0.0) || isinf(phi))
		return RG_STAT_BAD_PHI;
	if (!(tau2 >= 0.0) || isinf(tau2))
		return RG_STAT_BAD_TAU2;
	if (phi > 1.0 && tau2 > 0.0)
		return RG_STAT_BAD_OD;
	return RG_STAT_OK;
}

/* the limits of rg_funnel_limits_od for a checked n >= 1 and checked args */
static RgStatStatus
od_limits(int64_t n, double target, double level, double phi, double tau2,
		  double *lower, double *upper)
{
	RgStatStatus st;
	double		lo,
				hi;

	if (tau2 > 0.0)
	{
		double		z = rg_normal_upper_quantile((1.0 - level) / 2.0);
		/* asin(sqrt(target)), exact to the last digits near pi/2 as well:
		 * 1 - target is exact for target >= 1/2 */
		double		t = atan2(sqrt(target), sqrt(1.0 - target));
		double		sd = sqrt(0.25 / (double) n + tau2);
		double		a = t - z * sd,
					b = t + z * sd;

		if (!rg_is_finite(z) || !rg_is_finite(a) || !rg_is_finite(b))
			return RG_STAT_NUMERIC;
		a = a < 0.0 ? 0.0 : (a > M_PI_2 ? M_PI_2 : a);
		b = b < 0.0 ? 0.0 : (b > M_PI_2 ? M_PI_2 : b);
		lo = sin(a);
		hi = sin(b);
		*lower = rg_clamp01(lo * lo);
		*upper = rg_clamp01(hi * hi);
		return RG_STAT_OK;
	}
	st = rg_funnel_limits(n, target, level, &lo, &hi);
	if (st != RG_STAT_OK)
		return st;
	if (phi > 1.0)
	{
		double		s = sqrt(phi);

		lo = rg_clamp01(target + s * (lo - target));
		hi = rg_clamp01(target + s * (hi - target));
	}
	*lower = lo;
	*upper = hi;
	return RG_STAT_OK;
}

int
rg_funnel_limits_od(double n, double target, double level, double phi, double tau2,
					double *lower, double *upper)
{
	RgStatStatus st = od_args_ok(target, level, phi, tau2);

	if (st != RG_STAT_OK)
		return (int) st;
	if (!(n >= 0.0) || n != floor(n))
		return (int) RG_STAT_BAD_COUNTS;
	if (n > (double) RG_STAT_MAX_COUNT)
		return (int) RG_STAT_TOO_LARGE;
	if (n == 0.0)
		return (int) RG_STAT_NO_DATA;
	return (int) od_limits((int64_t) n, target, level, phi, tau2, lower, upper);
}

static RgFunnelPosition
position_of(int64_t x, int64_t n, double lo, double hi)
{
	double		ratio = (double) x / (double) n;

	if (ratio < lo)
		return RG_FUNNEL_LOW;
	if (ratio > hi)
		return RG_FUNNEL_HIGH;
	return RG_FUNNEL_WITHIN;
}

RgStatStatus
rg_funnel_position(int64_t x, int64_t n, double target, double level, double phi,
				   RgFunnelPosition *out, double *lower, double *upper)
{
	RgStatStatus st = od_args_ok(target, level, phi, 0.0);
	double		lo,
				hi;

	if (st != RG_STAT_OK)
		return st;
	st = rg_check_proportion(x, n);
	if (st != RG_STAT_OK)
		return st;
	st = od_limits(n, target, level, phi, 0.0, &lo, &hi);
	if (st != RG_STAT_OK)
		return st;
	*out = position_of(x, n, lo, hi);
	if (lower)
		*lower = lo;
	if (upper)
		*upper = hi;
	return RG_STAT_OK;
}

RgStatStatus
rg_funnel_position_od(const RgCounts *c, double target, double level, double phi,
					  double tau2, RgFunnelPosition *out)
{
	RgStatStatus st = od_args_ok(target, level, phi, tau2);
	RgFunnelPosition worst,
				best;
	double		lo,
				hi;

	if (st != RG_STAT_OK)
		return st;
	st = rg_check_summary(c);
	if (st != RG_STAT_OK)
		return st;
	if (c->referrals == 0)
		return RG_STAT_NO_DATA;
	st = od_limits(c->referrals, target, level, phi, tau2, &lo, &hi);
	if (st != RG_STAT_OK)
		return st;
	worst = position_of(c->recorded, c->referrals, lo, hi);
	best = position_of(c->recorded + c->unknown, c->referrals, lo, hi);
	*out = worst == best ? worst : RG_FUNNEL_UNDETERMINED;
	return RG_STAT_OK;
}

/* ---- z-scores and tau2 ---- */

/*
 * asin(sqrt(x/n)) - asin(sqrt(t)) without the cancellation of two angles
 * near pi/2 (or of two nearly equal ones): with sin a = sqrt(p), cos a =
 * sqrt(1 - p), sin b = sqrt(t), cos b = sqrt(1 - t),
 *   sin(a - b) = (p - t) / (sqrt(p (1 - t)) + sqrt(t (1 - p))),
 *   cos(a - b) = sqrt(p t) + sqrt((1 - p)(1 - t)),
 * and p - t = (x - n t) / n with one rounding (fma), 1 - p = (n - x) / n.
 */
static double
asin_sqrt_diff(int64_t x, int64_t n, double t)
{
	double		dn = (double) n,
				p = (double) x / dn,
				q = (double) (n - x) / dn,
				tc = 1.0 - t,
				diff = fma(-dn, t, (double) x) / dn,
				s = sqrt(p * tc) + sqrt(t * q),
				c = sqrt(p * t) + sqrt(q * tc);

	return atan2(s > 0.0 ? diff / s : 0.0, c);
}

RgStatStatus
rg_funnel_z(int64_t x, int64_t n, double target, double tau2, double *z)
{
	RgStatStatus st;
	double		v;

	if (!(target >= 0.0 && target <= 1.0))
		return RG_STAT_BAD_TARGET;
	if (!(tau2 >= 0.0) || isinf(tau2))
		return RG_STAT_BAD_TAU2;
	st = rg_check_proportion(x, n);
	if (st != RG_STAT_OK)
		return st;
	v = asin_sqrt_diff(x, n, target) / sqrt(0.25 / (double) n + tau2);
	if (!rg_is_finite(v))
		return RG_STAT_NUMERIC;
	*z = v;
	return RG_STAT_OK;
}

RgStatStatus
rg_funnel_tau2(const int64_t *n, const int64_t *x, size_t k, double target,
			   double *work, double *tau2, double *phi)
{
	double		sw = 0.0,
				sw2 = 0.0,
				ph,
				kd = (double) k,
				t2;

	if (!(target >= 0.0 && target <= 1.0))
		return RG_STAT_BAD_TARGET;
	if (k < 2)
		return RG_STAT_NO_DATA;
	for (size_t i = 0; i < k; i++)
	{
		RgStatStatus st = rg_funnel_z(x[i], n[i], target, 0.0, &work[i]);
		double		w;

		if (st != RG_STAT_OK)
			return st == RG_STAT_NO_DATA ? RG_STAT_BAD_COUNTS : st;
		w = 4.0 * (double) n[i];
		sw += w;
		sw2 += w * w;
	}
	ph = winsorized_mean_square(work, k);
	if (kd * ph < kd - 1.0)
		t2 = 0.0;
	else
	{
		t2 = (kd * ph - (kd - 1.0)) / (sw - sw2 / sw);
		if (t2 < 0.0)
			t2 = 0.0;
	}
	if (!rg_is_finite(ph) || !rg_is_finite(t2))
		return RG_STAT_NUMERIC;
	*tau2 = t2;
	if (phi)
		*phi = ph;
	return RG_STAT_OK;
}
