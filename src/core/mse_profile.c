/*
 * mse_profile.c - multiple systems estimation: the profile-likelihood
 * interval for the total.
 */
#include "mathlib.h"

#include "mse_internal.h"

#include <math.h>
#include <stdlib.h>

#define PROFILE_SPAN	50.0	/* furthest log-scale distance searched */

/* profile deviance excess at log unobserved = t */
static RgMseStatus
profile_excess(const RgMseResult *r, double t, double crit, double *g, char *err)
{
	RgMseDesign d;
	RgMseFitOut f;
	RgMseStatus st;

	rg_mse_design_init(&d, r->k, (const uint8_t (*)[2]) r->pairs, r->npairs, false);
	if ((st = rg_mse_irls(&d, r->cells, t, &f, err)) != RG_MSE_OK)
		return st;
	*g = f.deviance - r->deviance - crit;
	return RG_MSE_OK;
}

/*
 * Search one side; *t is the limit on the log scale.  Returns
 * RG_MSE_UNBOUNDED when the profile stays inside for every distance up to
 * PROFILE_SPAN.
 */
static RgMseStatus
profile_side(const RgMseResult *r, double dir, double crit, double *limit, char *err)
{
	double		t0 = r->intercept;
	double		step = r->intercept_se > 1e-3 ? r->intercept_se : 1e-3;
	double		inside = t0,
				outside,
				g;
	RgMseStatus st;

	/* bracket: march outwards doubling the step */
	for (;;)
	{
		outside = t0 + dir * step;
		if ((st = profile_excess(r, outside, crit, &g, err)) != RG_MSE_OK)
			return st;
		if (g > 0)
			break;
		inside = outside;
		step *= 2;
		if (step > PROFILE_SPAN)
		{
			rg_mse_set_err(err, "The profile likelihood stays within the %s limit for every %s unobserved count searched.",
						   dir > 0 ? "upper" : "lower", dir > 0 ? "larger" : "smaller");
			return RG_MSE_UNBOUNDED;
		}
	}
	/* bisection on the convex profile: inside has g <= 0, outside g > 0 */
	for (int it = 0; it < 200 && fabs(outside - inside) > 1e-12 * (1 + fabs(inside)); it++)
	{
		double		mid = 0.5 * (inside + outside);

		if ((st = profile_excess(r, mid, crit, &g, err)) != RG_MSE_OK)
			return st;
		if (g > 0)
			outside = mid;
		else
			inside = mid;
	}
	*limit = 0.5 * (inside + outside);
	return RG_MSE_OK;
}

RgMseStatus
rg_mse_profile_limit(const RgMseResult *r, double level, int side,
					 double *limit, char *err)
{
	double		crit,
				t;
	RgMseStatus st;
	RgMseResult *refit = NULL;

	if (!(level > 0 && level < 1))
	{
		rg_mse_set_err(err, "The confidence level must lie strictly between 0 and 1.");
		return RG_MSE_BAD_LEVEL;
	}
	crit = rg_math.qchisq(level, 1.0, 1, 0);
	if (!isfinite(crit) || crit <= 0)
	{
		rg_mse_set_err(err, "The confidence level is too close to 0 or 1.");
		return RG_MSE_BAD_LEVEL;
	}
	if (r->status != RG_MSE_FIT_OK)
	{
		rg_mse_set_err(err, "The summary holds no estimate (status %s).",
					   rg_mse_fit_status_name(r->status) ? rg_mse_fit_status_name(r->status) : "?");
		return RG_MSE_NOT_FINITE;
	}
	if (r->flags & RG_MSE_NEED_REFIT)
	{
		/* read from the text form of 0.1.0: the deviance is not known */
		RgMseModel	m;

		refit = malloc(rg_mse_result_size(r->k));
		if (refit == NULL)
		{
			rg_mse_set_err(err, "Out of memory.");
			return RG_MSE_NO_MEMORY;
		}
		memset(&m, 0, sizeof(m));
		m.kind = RG_MSE_EXPLICIT;
		m.npairs = r->npairs;
		memcpy(m.pairs, r->pairs, sizeof(r->pairs[0]) * (size_t) r->npairs);
		st = rg_mse_fit(r->cells, r->k, &m, refit, err);
		if (st == RG_MSE_OK && refit->status != RG_MSE_FIT_OK)
			st = RG_MSE_NOT_FINITE;
		if (st != RG_MSE_OK)
		{
			free(refit);
			return st;
		}
		r = refit;
	}
	st = profile_side(r, side < 0 ? -1 : 1, crit, &t, err);
	if (st == RG_MSE_UNBOUNDED && side < 0)
	{
		/* every smaller unobserved count is inside: the limit is N0 -> 0 */
		*limit = (double) r->observed;
		st = RG_MSE_OK;
	}
	else if (st == RG_MSE_OK)
	{
		*limit = (double) r->observed + exp(t);
		if (!isfinite(*limit))
		{
			rg_mse_set_err(err, "A limit of the interval is infinite.");
			st = RG_MSE_UNBOUNDED;
		}
	}
	free(refit);
	return st;
}

RgMseStatus
rg_mse_profile_interval(const RgMseResult *r, double level, double *lower,
						double *upper, char *err)
{
	RgMseStatus st;

	if ((st = rg_mse_profile_limit(r, level, -1, lower, err)) != RG_MSE_OK)
		return st;
	return rg_mse_profile_limit(r, level, 1, upper, err);
}
