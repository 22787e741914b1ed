/*
 * mse_fit.c - multiple systems estimation: the Poisson log-linear fit by
 * iteratively reweighted least squares (GSL Cholesky), and the
 * linear-programming test of Fienberg and Rinaldo (2012) that its maximum
 * likelihood estimate exists.
 *
 * Memory is taken with malloc and always freed before returning; nothing
 * here calls abort() or exit() (GSL's error handler is off, see mse.h).
 */
#include "mse_internal.h"

#include <math.h>
#include <stdlib.h>

#include <gsl/gsl_errno.h>

#include "mathlib.h"

#define MAX_ITER		100
#define DEV_TOL			1e-10
#define BETA_TOL		1e-8

void
rg_mse_design_init(RgMseDesign *d, int k, const uint8_t (*pairs)[2], int npairs, bool intercept)
{
	d->k = k;
	d->ncell = (size_t) 1 << k;
	d->npairs = npairs;
	d->pairs = pairs;
	d->intercept = intercept;
	d->p = (intercept ? 1 : 0) + k + npairs;
}

int
rg_mse_row_active(const RgMseDesign *d, uint32_t c, int *cols)
{
	int			n = 0,
				base = 0;

	if (d->intercept)
		cols[n++] = base++;
	for (int i = 0; i < d->k; i++)
		if (c & ((uint32_t) 1 << i))
			cols[n++] = base + i;
	base += d->k;
	for (int t = 0; t < d->npairs; t++)
		if ((c & ((uint32_t) 1 << d->pairs[t][0])) && (c & ((uint32_t) 1 << d->pairs[t][1])))
			cols[n++] = base + t;
	return n;
}


RgMseStatus
rg_mse_irls(const RgMseDesign *d, const int64_t *cells, double offset, RgMseFitOut *out,
			char *err)
{
	return rg_mse_irls_mu(d, cells, offset, out, NULL, err);
}

RgMseStatus
rg_mse_irls_mu(const RgMseDesign *d, const int64_t *cells, double offset, RgMseFitOut *out,
			   double *mu_out, char *err)
{
	size_t		ncell = d->ncell;
	int			p = d->p;
	double	   *mu = NULL,
			   *eta = NULL,
			   *A = NULL,
			   *b = NULL,
			   *beta = NULL,
			   *bold = NULL;
	int			cols[1 + RG_MSE_MAX_LISTS + RG_MSE_MAX_PAIRS];
	double		dev = 0,
				devold = HUGE_VAL,
				ysum = 0;
	bool		converged = false;
	RgMseStatus st = RG_MSE_OK;
	int			iter;

	if ((size_t) p > ncell - 1)
	{
		rg_mse_set_err(err, "The model has %d parameters but the table only %zu observable cells.",
				p, ncell - 1);
		return RG_MSE_SINGULAR;
	}
	mu = malloc(sizeof(double) * ncell);
	eta = malloc(sizeof(double) * ncell);
	A = malloc(sizeof(double) * (size_t) p * p);
	b = malloc(sizeof(double) * p);
	beta = malloc(sizeof(double) * p);
	bold = malloc(sizeof(double) * p);
	if (!mu || !eta || !A || !b || !beta || !bold)
	{
		rg_mse_set_err(err, "Out of memory.");
		st = RG_MSE_NO_MEMORY;
		goto done;
	}
	/* the usual Poisson start: mu = y + 0.1 */
	for (size_t c = 1; c < ncell; c++)
	{
		ysum += (double) cells[c];
		mu[c] = (double) cells[c] + 0.1;
		eta[c] = log(mu[c]);
	}
	for (iter = 0; iter < MAX_ITER; iter++)
	{
		gsl_matrix Am = rg_gsl_matrix(A, p, p);
		gsl_vector bvec = rg_gsl_vector(b, p);
		gsl_vector xvec = rg_gsl_vector(beta, p);
		double		dmax = 0;

		if (rg_mse_interrupted())
		{
			rg_mse_set_err(err, "The fit was interrupted.");
			st = RG_MSE_INTERRUPTED;
			goto done;
		}
		memset(A, 0, sizeof(double) * (size_t) p * p);
		memset(b, 0, sizeof(double) * p);
		for (size_t c = 1; c < ncell; c++)
		{
			double		w = mu[c];
			double		z = eta[c] - offset + ((double) cells[c] - mu[c]) / mu[c];
			int			n = rg_mse_row_active(d, (uint32_t) c, cols);

			for (int a = 0; a < n; a++)
			{
				b[cols[a]] += w * z;
				for (int e = a; e < n; e++)
					A[cols[a] * p + cols[e]] += w;
			}
		}
		for (int a = 0; a < p; a++)
			for (int e = 0; e < a; e++)
				A[a * p + e] = A[e * p + a];
		memcpy(bold, beta, sizeof(double) * p);
		if (rg_math.gsl_linalg_cholesky_decomp1(&Am) != GSL_SUCCESS ||
			rg_math.gsl_linalg_cholesky_solve(&Am, &bvec, &xvec) != GSL_SUCCESS)
		{
			if (iter == 0)
				rg_mse_set_err(err, "The information matrix of the model is singular: some parameter cannot be estimated from these data.");
			else
				rg_mse_set_err(err, "The information matrix became singular during the fit: the maximum likelihood estimate does not exist for these data.");
			st = RG_MSE_SINGULAR;
			goto done;
		}
		dev = 0;
		for (size_t c = 1; c < ncell; c++)
		{
			int			n = rg_mse_row_active(d, (uint32_t) c, cols);
			double		y = (double) cells[c];
			double		e = offset;

			for (int a = 0; a < n; a++)
				e += beta[cols[a]];
			eta[c] = e;
			mu[c] = exp(e);
			if (!isfinite(e) || !isfinite(mu[c]) || mu[c] <= 0)
			{
				rg_mse_set_err(err, "A fitted count became infinite or zero: the maximum likelihood estimate does not exist for these data.");
				st = RG_MSE_NOT_CONVERGED;
				goto done;
			}
			dev += (y > 0 ? y * log(y / mu[c]) : 0) - (y - mu[c]);
		}
		dev *= 2;
		for (int a = 0; a < p; a++)
		{
			double		delta = fabs(beta[a] - bold[a]) / (1 + fabs(beta[a]));

			if (!isfinite(beta[a]))
				dmax = HUGE_VAL;
			else if (delta > dmax)
				dmax = delta;
		}
		if (!isfinite(dev))
		{
			rg_mse_set_err(err, "The deviance became infinite.");
			st = RG_MSE_NOT_CONVERGED;
			goto done;
		}
		/*
		 * The deviance criterion of R's glm, plus a floor for rounding: with
		 * counts of 1e13 the deviance of a near-exact fit is noise of order
		 * 1e-16 times the total count.
		 */
		if (iter > 0 && fabs(dev - devold) < DEV_TOL * (fabs(dev) + 0.1) + 1e-13 * ysum &&
			dmax < BETA_TOL)
		{
			converged = true;
			break;
		}
		devold = dev;
	}
	if (!converged)
	{
		rg_mse_set_err(err, "The iterative fit did not converge in %d iterations: the maximum likelihood estimate does not exist for these data (for example, the unobserved count is infinite).",
				MAX_ITER);
		st = RG_MSE_NOT_CONVERGED;
		goto done;
	}
	/* covariance: inverse of X'WX at the final fitted values */
	{
		gsl_matrix Am = rg_gsl_matrix(A, p, p);
		double		ll = 0;

		memset(A, 0, sizeof(double) * (size_t) p * p);
		for (size_t c = 1; c < ncell; c++)
		{
			int			n = rg_mse_row_active(d, (uint32_t) c, cols);
			double		y = (double) cells[c];

			for (int a = 0; a < n; a++)
				for (int e = a; e < n; e++)
					A[cols[a] * p + cols[e]] += mu[c];
			ll += y * eta[c] - mu[c] - lgamma(y + 1);
		}
		for (int a = 0; a < p; a++)
			for (int e = 0; e < a; e++)
				A[a * p + e] = A[e * p + a];
		if (rg_math.gsl_linalg_cholesky_decomp1(&Am) != GSL_SUCCESS ||
			rg_math.gsl_linalg_cholesky_invert(&Am) != GSL_SUCCESS)
		{
			rg_mse_set_err(err, "The information matrix of the model is singular: some parameter cannot be estimated from these data.");
			st = RG_MSE_SINGULAR;
			goto done;
		}
		out->deviance = dev;
		out->loglik = ll;
		if (mu_out != NULL)
			memcpy(mu_out, mu, sizeof(double) * ncell);
		out->beta0 = d->intercept ? beta[0] : offset;
		out->se0 = d->intercept ? sqrt(A[0]) : 0;
		out->last = beta[p - 1];
		out->se_last = sqrt(A[(size_t) (p - 1) * p + (p - 1)]);
		if (!isfinite(out->loglik) || !isfinite(out->se0) || !isfinite(out->se_last) ||
			!(out->se_last > 0))
		{
			rg_mse_set_err(err, "The fitted model has an infinite or undefined standard error.");
			st = RG_MSE_NOT_FINITE;
			goto done;
		}
	}
done:
	free(mu);
	free(eta);
	free(A);
	free(b);
	free(beta);
	free(bold);
	return st;
}


/* ---------------------------------------------------------------------
 * Existence of the MLE: Fienberg and Rinaldo's linear program
 * --------------------------------------------------------------------- */

#define LP_EPS			1e-9
#define LP_T_MIN		1e-7
#define LP_MAX_PIVOTS	1000000

/* one simplex pivot on (row r, column e) of a tableau with objective row */
static void
lp_pivot(double *T, double *z, int rows, size_t width, int r, size_t e)
{
	double	   *pr = T + (size_t) r * width;
	double		piv = pr[e];

	for (size_t j = 0; j < width; j++)
		pr[j] /= piv;
	pr[e] = 1;
	for (int i = 0; i < rows; i++)
	{
		double	   *pi = T + (size_t) i * width;
		double		f = pi[e];

		if (i == r || f == 0)
			continue;
		for (size_t j = 0; j < width; j++)
			pi[j] -= f * pr[j];
		pi[e] = 0;
	}
	if (z[e] != 0)
	{
		double		f = z[e];

		for (size_t j = 0; j < width; j++)
			z[j] -= f * pr[j];
		z[e] = 0;
	}
}

/*
 * Minimise the objective whose reduced costs are in z (z[width - 1] holds
 * minus the objective value) over columns 0 .. ncols_enter - 1, by Bland's
 * rule (smallest entering index, smallest leaving basis index on ties), so
 * that the method cannot cycle.
 */
static RgMseStatus
lp_run(double *T, double *z, int *basis, int rows, size_t width,
	   size_t ncols_enter, char *err)
{
	size_t		rhs = width - 1;

	for (long it = 0;; it++)
	{
		size_t		e = ncols_enter;
		int			r = -1;
		double		best = HUGE_VAL;

		if (rg_mse_interrupted())
		{
			rg_mse_set_err(err, "The fit was interrupted.");
			return RG_MSE_INTERRUPTED;
		}
		if (it >= LP_MAX_PIVOTS)
		{
			rg_mse_set_err(err, "The linear program that checks the existence of the estimate did not finish.");
			return RG_MSE_NOT_CONVERGED;
		}
		for (size_t j = 0; j < ncols_enter; j++)
			if (z[j] < -LP_EPS)
			{
				e = j;
				break;
			}
		if (e == ncols_enter)
			return RG_MSE_OK;	/* optimal */
		for (int i = 0; i < rows; i++)
		{
			double		a = T[(size_t) i * width + e];

			if (a > LP_EPS)
			{
				double		ratio = T[(size_t) i * width + rhs] / a;

				if (ratio < best - LP_EPS ||
					(ratio <= best + LP_EPS && r >= 0 && basis[i] < basis[r]))
				{
					if (ratio < best)
						best = ratio;
					r = i;
				}
			}
		}
		if (r < 0)
		{
			/* cannot happen: the intercept row bounds every variable */
			rg_mse_set_err(err, "The linear program that checks the existence of the estimate is unbounded.");
			return RG_MSE_NOT_CONVERGED;
		}
		lp_pivot(T, z, rows, width, r, e);
		basis[r] = (int) e;
	}
}

/*
 * Sufficient condition: the rows of the observed cells alone have full
 * column rank.  Then Xd = 0 on the observed cells forces d = 0, so there
 * is no direction of recession and the MLE exists (Haberman, 1974).
 * Cholesky of X+'X+ with a relative pivot tolerance; *full is false when a
 * pivot is (numerically) zero.
 */
static RgMseStatus
observed_full_rank(const RgMseDesign *d, const int64_t *cells, bool *full, char *err)
{
	int			p = d->p;
	double	   *A = calloc((size_t) p * p, sizeof(double));
	int			cols[RG_MSE_MAX_PARAMS];
	double		scale = 0;

	if (A == NULL)
	{
		rg_mse_set_err(err, "Out of memory.");
		return RG_MSE_NO_MEMORY;
	}
	for (size_t c = 1; c < d->ncell; c++)
	{
		int			n;

		if (cells[c] <= 0)
			continue;
		n = rg_mse_row_active(d, (uint32_t) c, cols);
		for (int a = 0; a < n; a++)
			for (int e = 0; e < n; e++)
				A[cols[a] * p + cols[e]] += 1;
	}
	for (int j = 0; j < p; j++)
		scale = fmax(scale, A[j * p + j]);
	*full = scale > 0;
	for (int j = 0; j < p && *full; j++)
	{
		double		piv = A[j * p + j];

		for (int q = 0; q < j; q++)
			piv -= A[j * p + q] * A[j * p + q];
		if (!(piv > 1e-9 * scale))
		{
			*full = false;
			break;
		}
		piv = sqrt(piv);
		A[j * p + j] = piv;
		for (int i = j + 1; i < p; i++)
		{
			double		v = A[i * p + j];

			for (int q = 0; q < j; q++)
				v -= A[i * p + q] * A[j * p + q];
			A[i * p + j] = v / piv;
		}
	}
	free(A);
	return RG_MSE_OK;
}

/*
 * maximise t subject to X'(v + t 1) = X'y', v >= 0, t >= 0, where y' is the
 * indicator of the observed cells (existence depends only on which cells
 * are zero, so the counts themselves never enter the arithmetic).  The
 * MLE exists iff the optimum t is positive: then w = v + t 1 > 0 has the
 * sufficient statistics of the data.  This is SparseMSE's checkident
 * program (there with w >= t as rows) written with v = w - t.
 */
RgMseStatus
rg_mse_mle_exists(const int64_t *cells, int k, const uint8_t (*pairs)[2],
				  int npairs, bool *exists, char *err)
{
	RgMseDesign d;
	size_t		m,
				ncols,
				width;
	int			p;
	bool		allpos = true;
	double	   *T = NULL,
			   *z = NULL;
	int		   *basis = NULL;
	int			cols[RG_MSE_MAX_PARAMS];
	RgMseStatus st = RG_MSE_OK;
	double		tval = 0;

	rg_mse_design_init(&d, k, pairs, npairs, true);
	m = d.ncell - 1;
	p = d.p;
	for (size_t c = 1; c < d.ncell; c++)
		if (cells[c] <= 0)
			allpos = false;
	if (allpos)
	{
		*exists = true;			/* w = y itself */
		return RG_MSE_OK;
	}
	if ((st = observed_full_rank(&d, cells, &allpos, err)) != RG_MSE_OK)
		return st;
	if (allpos)
	{
		*exists = true;
		return RG_MSE_OK;
	}
	/* columns: v (m), t, the artificials (p); then the right-hand side */
	ncols = m + 1 + (size_t) p;
	width = ncols + 1;
	T = calloc((size_t) p * width, sizeof(double));
	z = calloc(width, sizeof(double));
	basis = malloc(sizeof(int) * (size_t) p);
	if (!T || !z || !basis)
	{
		rg_mse_set_err(err, "Out of memory.");
		st = RG_MSE_NO_MEMORY;
		goto done;
	}
	for (size_t c = 1; c < d.ncell; c++)
	{
		int			n = rg_mse_row_active(&d, (uint32_t) c, cols);

		for (int a = 0; a < n; a++)
		{
			double	   *row = T + (size_t) cols[a] * width;

			row[c - 1] = 1;
			row[m] += 1;
			if (cells[c] > 0)
				row[ncols] += 1;
		}
	}
	for (int j = 0; j < p; j++)
	{
		T[(size_t) j * width + m + 1 + j] = 1;
		basis[j] = (int) (m + 1 + j);
	}
	/* phase 1: minimise the sum of the artificials */
	for (size_t j = 0; j < width; j++)
	{
		if (j >= m + 1 && j < ncols)
			continue;
		for (int i = 0; i < p; i++)
			z[j] -= T[(size_t) i * width + j];
	}
	if ((st = lp_run(T, z, basis, p, width, ncols, err)) != RG_MSE_OK)
		goto done;
	/* v = y', t = 0 is feasible, so phase 1 ends at zero; drive out the
	 * artificials left in the basis (at level zero) where possible */
	for (int i = 0; i < p; i++)
	{
		if ((size_t) basis[i] <= m)
			continue;
		for (size_t j = 0; j <= m; j++)
			if (fabs(T[(size_t) i * width + j]) > LP_EPS)
			{
				lp_pivot(T, z, p, width, i, j);
				basis[i] = (int) j;
				break;
			}
	}
	/* phase 2: minimise -t over v and t only */
	memset(z, 0, sizeof(double) * width);
	z[m] = -1;
	for (int i = 0; i < p; i++)
		if ((size_t) basis[i] == m)
		{
			for (size_t j = 0; j < width; j++)
				z[j] += T[(size_t) i * width + j];
			z[m] = 0;
		}
	if ((st = lp_run(T, z, basis, p, width, m + 1, err)) != RG_MSE_OK)
		goto done;
	for (int i = 0; i < p; i++)
		if ((size_t) basis[i] == m)
			tval = T[(size_t) i * width + ncols];
	*exists = tval > LP_T_MIN;
done:
	free(T);
	free(z);
	free(basis);
	return st;
}
