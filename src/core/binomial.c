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

#include "mathlib.h"
#include "names.h"

const char	rg_ci_method_list[] =
"wilson, clopper_pearson, jeffreys, agresti_coull, wald";

static const RgName ci_methods[] =
{
	{"wilson", RG_CI_WILSON},
	{"clopper_pearson", RG_CI_CLOPPER_PEARSON},
	{"jeffreys", RG_CI_JEFFREYS},
	{"agresti_coull", RG_CI_AGRESTI_COULL},
	{"wald", RG_CI_WALD},
};

int
rg_ci_method_parse(const char *name, size_t len, RgCiMethod *out)
{
	int			v;

	if (rg_name_find(ci_methods, sizeof ci_methods / sizeof ci_methods[0], name, len, &v) != 0)
		return -1;
	*out = (RgCiMethod) v;
	return 0;
}

/* ---- helpers ---- */

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
		q = rg_math.qbeta(p, b, a, !lower_tail, 0);
		if (!rg_is_finite(q))
			return RG_STAT_NUMERIC;
		q = 1.0 - q;
	}
	else
	{
		q = rg_math.qbeta(p, a, b, lower_tail, 0);
		if (!rg_is_finite(q))
			return RG_STAT_NUMERIC;
	}
	*out = rg_clamp01(q);
	return RG_STAT_OK;
}

/* ---- confidence intervals ---- */

/*
 * The upper-tail normal quantile z with P(Z > z) = p.  Analysts call the
 * interval functions over many rows at one level, so the last answer is
 * remembered, keyed on p itself: a pure function of p, kept per process
 * (parallel workers each have their own), it saves a qnorm call per row.
 */
double
rg_normal_upper_quantile(double p)
{
	static double last_p = -1.0;
	static double last_z = 0.0;

	if (p != last_p)
	{
		double		z = rg_math.qnorm(p, 0.0, 1.0, 0, 0);

		if (!rg_is_finite(z))
			return z;
		last_z = z;
		last_p = p;
	}
	return last_z;
}


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

	if (!rg_level_ok(level))
		return RG_STAT_BAD_LEVEL;
	st = rg_check_proportion(x, n);
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

				z = rg_normal_upper_quantile(half);
				if (!rg_is_finite(z))
					return RG_STAT_NUMERIC;
				if (method == RG_CI_WILSON)
				{
					/*
					 * centre -/+ dist = (a -/+ b) / (2 (n + z^2)) with
					 * a = 2x + z^2, b = z sqrt(z^2 + 4x(n - x)/n).  The upper
					 * end adds positive terms; the lower end, a difference
					 * that cancels when x is small, is computed as
					 * (a^2 - b^2) / ((a + b) 2 (n + z^2)) = 2x^2 / (n (a + b)).
					 * So both ends keep their relative precision near 0, and
					 * 1 - upper(x, n) = lower(n - x, n) near 1.
					 */
					double		z2 = z * z;
					double		a = 2.0 * dx + z2;
					double		b = z * sqrt(z2 + 4.0 * dx * ((dn - dx) / dn));

					lo = x == 0 ? 0.0 : 2.0 * dx * (dx / (dn * (a + b)));
					hi = x == n ? 1.0 : (a + b) / (2.0 * (dn + z2));
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
				if (!rg_is_finite(lo) || !rg_is_finite(hi))
					return RG_STAT_NUMERIC;
				lo = rg_clamp01(lo);
				hi = rg_clamp01(hi);
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

RgStatStatus
rg_wilson_arms(int64_t x, int64_t n, double level, double *below, double *above)
{
	RgStatStatus st;
	double		dx,
				dn,
				dq,
				z,
				z2,
				b;

	if (!rg_level_ok(level))
		return RG_STAT_BAD_LEVEL;
	st = rg_check_proportion(x, n);
	if (st != RG_STAT_OK)
		return st;
	z = rg_normal_upper_quantile((1.0 - level) / 2.0);
	if (!rg_is_finite(z))
		return RG_STAT_NUMERIC;
	dx = (double) x;
	dn = (double) n;
	dq = (double) (n - x);
	z2 = z * z;
	b = z * sqrt(z2 + 4.0 * dx * (dq / dn));

	/*
	 * With a = 2x + z^2 and lower = 2x^2 / (n (a + b)) (rg_binom_ci):
	 * x/n - lower = (x/n) (z^2 + b) / (2x + z^2 + b), and by the symmetry
	 * of the interval (upper(x) = 1 - lower(n - x)) upper - x/n =
	 * ((n - x)/n) (z^2 + b) / (2(n - x) + z^2 + b).
	 */
	*below = (dx / dn) * ((z2 + b) / (2.0 * dx + z2 + b));
	*above = (dq / dn) * ((z2 + b) / (2.0 * dq + z2 + b));
	if (!rg_is_finite(*below) || !rg_is_finite(*above))
		return RG_STAT_NUMERIC;
	return RG_STAT_OK;
}

/* ---- the interval that accounts for unknowns ---- */

RgStatStatus
rg_ci_bounds(const RgCounts *c, double level, RgCiMethod method,
			 double *lower, double *upper)
{
	RgStatStatus st;
	double		lo,
				hi;

	if (!rg_level_ok(level))
		return RG_STAT_BAD_LEVEL;
	st = rg_check_summary(c);
	if (st != RG_STAT_OK)
		return st;
	/* worst case: unknown not recorded; its lower limit */
	st = rg_binom_ci(c->recorded, c->referrals, level, method, &lo, &hi);
	if (st != RG_STAT_OK)
		return st;
	*lower = lo;
	/* best case: unknown recorded; its upper limit */
	if (c->unknown > 0)
	{
		st = rg_binom_ci(c->recorded + c->unknown, c->referrals, level, method, &lo, &hi);
		if (st != RG_STAT_OK)
			return st;
	}
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
	if (rg_counts_check(c, NULL) != RG_OK)
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

RgStatStatus
rg_verdict_ci(const RgCounts *c, double threshold, double level, RgCiMethod method,
			  RgVerdict *out)
{
	RgStatStatus st;
	double		lo,
				hi;

	if (!(threshold >= 0.0 && threshold <= 1.0))
		return RG_STAT_BAD_THRESHOLD;
	if (!rg_level_ok(level))
		return RG_STAT_BAD_LEVEL;
	st = rg_check_summary(c);
	if (st != RG_STAT_OK)
		return st;
	if (c->referrals == 0)
	{
		*out = RG_VERDICT_NO_REFERRALS;
		return RG_STAT_OK;
	}
	st = rg_ci_bounds(c, level, method, &lo, &hi);
	if (st != RG_STAT_OK)
		return st;
	if (hi < threshold)
		*out = RG_VERDICT_BELOW;
	else if (lo >= threshold)
		*out = RG_VERDICT_MEETS;
	else
		*out = RG_VERDICT_UNDETERMINED;
	return RG_STAT_OK;
}

/* ---- exact binomial test against a target ---- */

RgStatStatus
rg_binom_test_p(int64_t x, int64_t n, double target, double *p)
{
	RgStatStatus st;
	double		dn,
				dx,
				m,
				thr,
				pv;
	int64_t		lo,
				hi;

	if (!(target >= 0.0 && target <= 1.0))
		return RG_STAT_BAD_TARGET;
	st = rg_check_proportion(x, n);
	if (st != RG_STAT_OK)
		return st;
	if (target == 0.0)
	{
		*p = x == 0 ? 1.0 : 0.0;
		return RG_STAT_OK;
	}
	if (target == 1.0)
	{
		*p = x == n ? 1.0 : 0.0;
		return RG_STAT_OK;
	}
	dn = (double) n;
	dx = (double) x;
	m = dn * target;
	if (dx == m)
	{
		*p = 1.0;
		return RG_STAT_OK;
	}
	thr = rg_math.dbinom(dx, dn, target, 0) * (1.0 + 1e-7);
	if (!rg_is_finite(thr))
		return RG_STAT_NUMERIC;

	/*
	 * The mode floor((n + 1) target) lies in [floor(m), ceil(m)], so the
	 * probabilities fall from ceil(m) to n and rise from 0 to floor(m): the
	 * outcomes on the far side that are no more likely than x form one tail,
	 * found by bisection (binom.test counts them one by one).
	 */
	if (dx < m)
	{
		/* smallest j in [ceil(m), n] with P(j) <= thr; n + 1 if none */
		lo = (int64_t) ceil(m) - 1;
		hi = n + 1;
		while (hi - lo > 1)
		{
			int64_t		mid = lo + (hi - lo) / 2;

			if (rg_math.dbinom((double) mid, dn, target, 0) <= thr)
				hi = mid;
			else
				lo = mid;
		}
		pv = rg_math.pbinom(dx, dn, target, 1, 0);
		if (hi <= n)
			pv += rg_math.pbinom((double) hi - 1.0, dn, target, 0, 0);
	}
	else
	{
		/* largest j in [0, floor(m)] with P(j) <= thr; -1 if none */
		lo = -1;
		hi = (int64_t) floor(m) + 1;
		while (hi - lo > 1)
		{
			int64_t		mid = lo + (hi - lo) / 2;

			if (rg_math.dbinom((double) mid, dn, target, 0) <= thr)
				lo = mid;
			else
				hi = mid;
		}
		pv = rg_math.pbinom(dx - 1.0, dn, target, 0, 0);
		if (lo >= 0)
			pv += rg_math.pbinom((double) lo, dn, target, 1, 0);
	}
	if (!rg_is_finite(pv))
		return RG_STAT_NUMERIC;
	*p = pv > 1.0 ? 1.0 : pv;
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

	ld = rg_math.dhyper((double) a, dn1, dn2, dk, 1);
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

		if (rg_math.dhyper((double) m, dn1, dn2, dk, 1) <= thr)
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

		if (rg_math.dhyper((double) m, dn1, dn2, dk, 1) <= thr)
			h = m;
		else
			l = m;
	}
	xu = h;

	pv = 0.0;
	if (xl >= lo)
		pv += rg_math.phyper((double) xl, dn1, dn2, dk, 1, 0);
	if (xu <= hi)
		pv += rg_math.phyper((double) (xu - 1), dn1, dn2, dk, 0, 0);
	if (!rg_is_finite(pv))
		return RG_STAT_NUMERIC;
	*p = pv > 1.0 ? 1.0 : pv;
	return RG_STAT_OK;
}

/*
 * Is there a significant change from xb of nb to xa of na in direction dir
 * (+1 a rise, -1 a fall)?  *p receives the Fisher p-value.
 */
static RgStatStatus
significant(int64_t xb, int64_t nb, int64_t xa, int64_t na, double alpha, int dir,
			int *sig, double *p)
{
	RgStatStatus st;
	__int128	up,
				down;

	st = rg_fisher_exact(xb, nb - xb, xa, na - xa, p);
	if (st != RG_STAT_OK)
		return st;
	/* compare xa / na with xb / nb, exactly */
	up = (__int128) xa * nb;
	down = (__int128) xb * na;
	*sig = *p < alpha && (dir > 0 ? up > down : up < down);
	return RG_STAT_OK;
}

RgStatStatus
rg_change(const RgCounts *before, const RgCounts *after, double alpha,
		  RgChange *out, double *p)
{
	RgStatStatus st;
	int64_t		bw,
				bb,
				aw,
				ab,
				nb,
				na;
	int			sig;
	double		pv;

	if (!(alpha > 0.0 && alpha < 1.0))
		return RG_STAT_BAD_ALPHA;
	if (rg_counts_check(before, NULL) != RG_OK || rg_counts_check(after, NULL) != RG_OK)
		return RG_STAT_BAD_COUNTS;
	if (p)
		*p = NAN;
	if (before->referrals == 0 || after->referrals == 0)
	{
		*out = RG_CHANGE_NO_DATA;
		return RG_STAT_OK;
	}
	nb = before->referrals;
	na = after->referrals;
	bw = before->recorded;
	bb = before->recorded + before->unknown;
	aw = after->recorded;
	ab = after->recorded + after->unknown;

	/* improved: a significant rise even at (before best, after worst) */
	st = significant(bb, nb, aw, na, alpha, +1, &sig, &pv);
	if (st != RG_STAT_OK)
		return st;
	if (p && before->unknown == 0 && after->unknown == 0)
		*p = pv;
	if (sig)
	{
		*out = RG_CHANGE_IMPROVED;
		return RG_STAT_OK;
	}
	/* worsened: a significant fall even at (before worst, after best) */
	st = significant(bw, nb, ab, na, alpha, -1, &sig, &pv);
	if (st != RG_STAT_OK)
		return st;
	if (sig)
	{
		*out = RG_CHANGE_WORSENED;
		return RG_STAT_OK;
	}
	if (before->unknown == 0 && after->unknown == 0)
	{
		*out = RG_CHANGE_NO_CHANGE;
		return RG_STAT_OK;
	}
	/* no_change: no significant rise at (before worst, after best) ... */
	st = significant(bw, nb, ab, na, alpha, +1, &sig, &pv);
	if (st != RG_STAT_OK)
		return st;
	if (!sig)
	{
		/* ... and no significant fall at (before best, after worst) */
		st = significant(bb, nb, aw, na, alpha, -1, &sig, &pv);
		if (st != RG_STAT_OK)
			return st;
	}
	*out = sig ? RG_CHANGE_UNDETERMINED : RG_CHANGE_NO_CHANGE;
	return RG_STAT_OK;
}
