/*
 * mse_verify.c - multiple systems estimation: check that the figures of a
 * summary read from outside (text or binary input, a dump being restored)
 * follow from its counts and model, without choosing the model again.
 *
 * The stored intercept b0 = log(unobserved) is fixed as an offset and the
 * other coefficients are fitted to it (the fit the profile interval makes
 * at every step).  At the maximum likelihood estimate the likelihood
 * equation of the intercept holds: its score S = sum_c (y_c - mu_c) is 0.
 * With the inverse information v00 = [(X'WX)^-1]_00 at those fitted
 * counts, S * v00 is one Newton step of b0 towards the estimate: the
 * distance, on the log scale, between the stored unobserved count and the
 * one the counts give.  The check asks it to be below 1e-6 (a relative
 * 1e-6 in the unobserved count), far above the differences between builds
 * (IRLS converges to about 1e-12) and far below any figure anyone would
 * read, plus the precision the fit itself has at huge counts (see below).
 * The deviance, the AIC and the intercept's standard error are then
 * recomputed at those fitted counts and compared to a relative 1e-6 (plus
 * the same allowance).  When the fit with the intercept fixed fails
 * numerically (IRLS starts from the data, which can be far from a large
 * fixed intercept), the one free fit of the stored model is made instead
 * and its figures compared.
 */
#include "mathlib.h"

#include "mse_internal.h"

#include <math.h>
#include <stdlib.h>

#include <gsl/gsl_errno.h>

#define VERIFY_TOL		1e-6

static bool
near(double got, double want, double floor)
{
	return fabs(got - want) <= VERIFY_TOL * fabs(want) + floor;
}

RgMseStatus
rg_mse_result_verify(const RgMseResult *r, const char **figure, char *err)
{
	RgMseDesign d,
				full;
	RgMseFitOut f;
	RgMseStatus st;
	size_t		ncell = (size_t) 1 << r->k;
	double	   *mu = NULL,
			   *A = NULL;
	int			cols[RG_MSE_MAX_PARAMS];
	double		musum = 0,
				ll = 0,
				score,
				v00,
				step,
				b0,
				aic,
				slack,
				dfloor,
				u,
				dev = 0;
	bool		refitted = false;
	bool		refit = (r->flags & RG_MSE_NEED_REFIT) != 0;
	int			p;

	*figure = NULL;
	if (r->status != RG_MSE_FIT_OK)
		return RG_MSE_OK;		/* no figures to check */
	b0 = log(r->unobserved);
	*figure = "unobserved";
	if (!(fabs(r->intercept - b0) <= 1e-9 * (1 + fabs(b0))))
	{
		rg_mse_set_err(err, "The stored intercept %.15g is not log(unobserved) = %.15g.",
					   r->intercept, b0);
		return RG_MSE_INCONSISTENT;
	}
	rg_mse_design_init(&d, r->k, (const uint8_t (*)[2]) r->pairs, r->npairs, false);
	rg_mse_design_init(&full, r->k, (const uint8_t (*)[2]) r->pairs, r->npairs, true);
	p = full.p;
	if ((size_t) p > ncell - 1)
	{
		rg_mse_set_err(err, "The model has %d parameters but the table only %zu observable cells.",
					   p, ncell - 1);
		return RG_MSE_INCONSISTENT;
	}
	mu = malloc(sizeof(double) * ncell);
	A = malloc(sizeof(double) * (size_t) p * p);
	if (mu == NULL || A == NULL)
	{
		free(mu);
		free(A);
		rg_mse_set_err(err, "Out of memory.");
		return RG_MSE_NO_MEMORY;
	}
	st = rg_mse_irls_mu(&d, r->cells, b0, &f, mu, err);
	if (st == RG_MSE_INTERRUPTED || st == RG_MSE_NO_MEMORY)
		goto done;
	if (st == RG_MSE_OK)
	{
		/* information matrix of the full model (with the intercept) at mu */
		memset(A, 0, sizeof(double) * (size_t) p * p);
		for (size_t c = 1; c < ncell; c++)
		{
			int			n = rg_mse_row_active(&full, (uint32_t) c, cols);
			double		y = (double) r->cells[c];

			for (int a = 0; a < n; a++)
				for (int e = a; e < n; e++)
					A[cols[a] * p + cols[e]] += mu[c];
			musum += mu[c];
			ll += y * log(mu[c]) - mu[c] - lgamma(y + 1);
		}
		for (int a = 0; a < p; a++)
			for (int e = 0; e < a; e++)
				A[a * p + e] = A[e * p + a];
		{
			gsl_matrix Am = rg_gsl_matrix(A, p, p);

			if (rg_math.gsl_linalg_cholesky_decomp1(&Am) != GSL_SUCCESS ||
				rg_math.gsl_linalg_cholesky_invert(&Am) != GSL_SUCCESS || !(A[0] > 0))
				st = RG_MSE_SINGULAR;
		}
		v00 = A[0];
		dev = f.deviance;
		score = (double) r->observed - musum;
		step = score * v00;
	}
	if (st != RG_MSE_OK)
	{
		/*
		 * The fit with the intercept fixed can fail where the free fit
		 * converges (IRLS starts from the data, far from a large fixed
		 * intercept).  Then compare with the one fit of the stored model.
		 */
		RgMseFitOut g;
		char		why[RG_MSE_ERR_MAX];

		st = rg_mse_irls(&full, r->cells, 0, &g, why);
		if (st == RG_MSE_INTERRUPTED || st == RG_MSE_NO_MEMORY)
		{
			rg_mse_set_err(err, "%s", why);
			goto done;
		}
		if (st != RG_MSE_OK)
		{
			rg_mse_set_err(err, "The model cannot be fitted to these counts: %s", why);
			st = RG_MSE_INCONSISTENT;
			goto done;
		}
		v00 = g.se0 * g.se0;
		dev = g.deviance;
		ll = g.loglik;
		step = g.beta0 - b0;
		refitted = true;
	}

	/*
	 * The fit itself pins the deviance down only to its rounding floor,
	 * 1e-13 times the total count (IRLS stops there, mse_fit.c), so the
	 * intercept only to about u = sqrt(2 * floor * v00) on the log scale.
	 * With ordinary counts u is below 1e-5 (2e-6 on the UK data); with
	 * counts of 10^15 it is the real precision of the figures, and the
	 * check cannot ask for more than the fit gives.
	 */
	dfloor = 1e-13 * (double) r->observed;
	u = sqrt(2 * dfloor * v00);
	if (!(fabs(step) <= VERIFY_TOL + u))
	{
		RgMseFitOut g;
		char		why[RG_MSE_ERR_MAX];

		/* say what the counts give: the one fit of the stored model */
		if (refitted)
			rg_mse_set_err(err, "unobserved is %.15g, but the likelihood equations of this model hold at %.10g for these counts.",
						   r->unobserved, exp(b0 + step));
		else if (rg_mse_irls(&full, r->cells, 0, &g, why) == RG_MSE_OK)
			rg_mse_set_err(err, "unobserved is %.15g, but the likelihood equations of this model hold at %.10g for these counts.",
						   r->unobserved, exp(g.beta0));
		else
			rg_mse_set_err(err, "unobserved is %.15g, but the likelihood equations of this model do not hold there for these counts.",
						   r->unobserved);
		st = RG_MSE_INCONSISTENT;
		goto done;
	}
	/* D and -2 log L at b0 exceed their minimum by about step^2 / v00 */
	slack = refitted ? 0 : 2 * step * step / v00;
	aic = -2 * ll + 2 * p;
	if (!near(r->aic, aic, 1e-9 + slack + 2 * dfloor))
	{
		*figure = "aic";
		rg_mse_set_err(err, "aic is %.15g, but the model fitted to these counts gives %.10g.",
					   r->aic, aic);
		st = RG_MSE_INCONSISTENT;
		goto done;
	}
	if (!refit && !near(r->deviance, dev, 1e-9 + slack + 2 * dfloor))
	{
		*figure = "deviance";
		rg_mse_set_err(err, "deviance is %.15g, but the model fitted to these counts gives %.10g.",
					   r->deviance, dev);
		st = RG_MSE_INCONSISTENT;
		goto done;
	}
	if (!refit && !(fabs(r->intercept_se - sqrt(v00)) <= (VERIFY_TOL + 2 * u) * sqrt(v00)))
	{
		*figure = "intercept_se";
		rg_mse_set_err(err, "intercept_se is %.15g, but the model fitted to these counts gives %.10g.",
					   r->intercept_se, sqrt(v00));
		st = RG_MSE_INCONSISTENT;
		goto done;
	}
	*figure = NULL;
	st = RG_MSE_OK;
done:
	free(mu);
	free(A);
	return st;
}
