/*
 * mse_select.c - multiple systems estimation: rg_mse_fit, which fits an
 * explicit model or chooses one by Silverman's stepwise rule (AIC and a
 * Wald test) or by SparseMSE's (Poisson p-values of the overlaps), after
 * checking that the maximum likelihood estimate exists.
 */
#include "mathlib.h"

#include "mse_internal.h"

#include <math.h>
#include <stdlib.h>

size_t
rg_mse_result_size(int k)
{
	if (k < 1 || k > RG_MSE_MAX_LISTS)
		k = 1;
	return sizeof(RgMseResult) + sizeof(int64_t) * ((size_t) 1 << k);
}

double
rg_mse_estimate(const RgMseResult *r)
{
	return (double) r->observed + r->unobserved;
}

/* a table with no estimate: keep the model reached, zero the figures */
static RgMseStatus
no_estimate(RgMseResult *r, RgMseFitStatus why)
{
	r->status = why;
	r->unobserved = r->aic = r->deviance = r->intercept = r->intercept_se = 0;
	return RG_MSE_OK;
}

/* errors of IRLS that say something about the data, not about the caller */
static bool
numerical(RgMseStatus st)
{
	return st == RG_MSE_NOT_CONVERGED || st == RG_MSE_SINGULAR || st == RG_MSE_NOT_FINITE;
}

static RgMseStatus
fill_result(RgMseResult *r, const RgMseDesign *d, const RgMseFitOut *f, char *err)
{
	r->unobserved = exp(f->beta0);
	r->deviance = f->deviance;
	r->aic = -2 * f->loglik + 2 * d->p;
	r->intercept = f->beta0;
	r->intercept_se = f->se0;
	if (!isfinite(r->unobserved) || !isfinite(r->aic) || !isfinite(r->deviance) ||
		r->unobserved + (double) r->observed > 1e18)
	{
		rg_mse_set_err(err, "The estimated unobserved count is infinite or too large to be meaningful.");
		return no_estimate(r, RG_MSE_FIT_FAILED);
	}
	r->status = RG_MSE_FIT_OK;
	return RG_MSE_OK;
}

/*
 * SparseMSE's stepwise rule (its stepwisefit): from the main effects, at
 * each step every interaction i:j not yet in the model gets the one-sided
 * Poisson p-value min(P(X <= n_ij), P(X >= n_ij)) of the number n_ij of
 * people on both lists, X Poisson with mean the fitted count of those
 * cells under the current model; a candidate whose model fails the
 * existence test (or has more parameters than cells) gets p = 1.  The
 * candidate with the smallest p-value (the first on ties) is added when
 * p < threshold; else the search stops.  With threshold 1 the model with
 * every interaction is taken first when its MLE exists.  SparseMSE can add
 * an interaction of two lists with nobody in common, as a structural zero
 * (the cells holding both lists leave the fit); recording_gap does not fit
 * that model, so when such a pair has the smallest p-value below the
 * threshold the summary gets the status no_overlap and no figures.
 * On entry r holds the main effects (npairs = 0) and *d, *f their fit; on
 * return the chosen model and its fit, or r->status says why there is none.
 */
static RgMseStatus
sparsemse(RgMseResult *r, int k, double threshold, RgMseDesign *d, RgMseFitOut *f,
		  char *err)
{
	size_t		ncell = (size_t) 1 << k;
	int64_t		nstar[RG_MSE_MAX_LISTS][RG_MSE_MAX_LISTS];
	bool		used[RG_MSE_MAX_LISTS][RG_MSE_MAX_LISTS];
	double	   *mu;
	RgMseStatus st = RG_MSE_OK;
	bool		exists;

	memset(nstar, 0, sizeof(nstar));
	memset(used, 0, sizeof(used));
	for (size_t c = 1; c < ncell; c++)
		for (int i = 0; i < k; i++)
			for (int j = i + 1; j < k; j++)
				if ((c >> i & 1) && (c >> j & 1))
					nstar[i][j] += r->cells[c];

	if (threshold >= 1 && 1 + k + k * (k - 1) / 2 <= (int) ncell - 1)
	{
		/* every interaction at once, when its estimate exists */
		bool		all_overlap = true;
		int			t = 0;

		for (int i = 0; i < k; i++)
			for (int j = i + 1; j < k; j++)
			{
				all_overlap = all_overlap && nstar[i][j] > 0;
				r->pairs[t][0] = (uint8_t) i;
				r->pairs[t][1] = (uint8_t) j;
				t++;
			}
		if (all_overlap)
		{
			st = rg_mse_mle_exists(r->cells, k, (const uint8_t (*)[2]) r->pairs, t, &exists, err);
			if (st != RG_MSE_OK)
				return numerical(st) ? no_estimate(r, RG_MSE_FIT_CANDIDATE_FAILED) : st;
			if (exists)
			{
				RgMseFitOut g;

				r->npairs = t;
				rg_mse_design_init(d, k, (const uint8_t (*)[2]) r->pairs, t, true);
				st = rg_mse_irls(d, r->cells, 0, &g, err);
				if (st != RG_MSE_OK)
					return numerical(st) ? no_estimate(r, RG_MSE_FIT_FAILED) : st;
				*f = g;
				return RG_MSE_OK;
			}
		}
		memset(r->pairs, 0, sizeof(r->pairs[0]) * (size_t) t);
	}

	mu = malloc(sizeof(double) * ncell);
	if (mu == NULL)
	{
		rg_mse_set_err(err, "Out of memory.");
		return RG_MSE_NO_MEMORY;
	}
	/* the fitted counts of the current model */
	if ((st = rg_mse_irls_mu(d, r->cells, 0, f, mu, err)) != RG_MSE_OK)
	{
		free(mu);
		return numerical(st) ? no_estimate(r, RG_MSE_FIT_FAILED) : st;
	}
	while (r->npairs < k * (k - 1) / 2)
	{
		int			bi = -1,
					bj = -1;
		double		best = 1;

		for (int i = 0; i < k; i++)
			for (int j = i + 1; j < k; j++)
			{
				double		pstar = 0,
							pv;

				if (used[i][j])
					continue;
				for (size_t c = 1; c < ncell; c++)
					if ((c >> i & 1) && (c >> j & 1))
						pstar += mu[c];
				pv = rg_math.ppois((double) nstar[i][j], pstar, 1, 0);
				if (nstar[i][j] > 0)
					pv = fmin(pv, rg_math.ppois((double) nstar[i][j] - 1, pstar, 0, 0));
				/* only a candidate that would be chosen needs its test */
				if (!(pv < best && pv < threshold))
					continue;
				if (nstar[i][j] > 0)
				{
					if (1 + k + r->npairs + 1 > (int) ncell - 1)
						continue;	/* not identifiable: p = 1 */
					r->pairs[r->npairs][0] = (uint8_t) i;
					r->pairs[r->npairs][1] = (uint8_t) j;
					st = rg_mse_mle_exists(r->cells, k, (const uint8_t (*)[2]) r->pairs,
										   r->npairs + 1, &exists, err);
					memset(r->pairs[r->npairs], 0, sizeof(r->pairs[0]));
					if (st != RG_MSE_OK)
					{
						free(mu);
						return numerical(st) ? no_estimate(r, RG_MSE_FIT_CANDIDATE_FAILED) : st;
					}
					if (!exists)
						continue;	/* p = 1 */
				}
				best = pv;
				bi = i;
				bj = j;
			}
		if (bi < 0)
			break;				/* no p-value below the threshold */
		if (nstar[bi][bj] == 0)
		{
			free(mu);
			rg_mse_set_err(err, "SparseMSE's rule would next add the interaction %d:%d, whose lists share no observed individual, as a structural zero; that model is not fitted here.",
						   bi + 1, bj + 1);
			return no_estimate(r, RG_MSE_FIT_NO_OVERLAP);
		}
		r->pairs[r->npairs][0] = (uint8_t) bi;
		r->pairs[r->npairs][1] = (uint8_t) bj;
		r->npairs++;
		used[bi][bj] = true;
		rg_mse_design_init(d, k, (const uint8_t (*)[2]) r->pairs, r->npairs, true);
		st = rg_mse_irls_mu(d, r->cells, 0, f, mu, err);
		if (st != RG_MSE_OK)
		{
			free(mu);
			if (!numerical(st))
				return st;
			{
				char		why[RG_MSE_ERR_MAX];

				snprintf(why, sizeof(why), "%s", err ? err : "");
				rg_mse_set_err(err, "Stepwise selection: the fit of the model with %d:%d failed, so the choice of model is not determined: %s",
							   bi + 1, bj + 1, why);
			}
			r->npairs--;
			memset(r->pairs[r->npairs], 0, sizeof(r->pairs[0]));
			return no_estimate(r, RG_MSE_FIT_CANDIDATE_FAILED);
		}
	}
	free(mu);
	return RG_MSE_OK;
}

RgMseStatus
rg_mse_fit(const int64_t *cells, int k, const RgMseModel *model,
		   RgMseResult *r, char *err)
{
	size_t		ncell;
	int64_t		total = 0;
	RgMseDesign d;
	RgMseFitOut f;
	RgMseStatus st;
	bool		exists;

	if ((st = rg_mse_check_k(k, err)) != RG_MSE_OK)
		return st;
	ncell = (size_t) 1 << k;
	for (size_t c = 1; c < ncell; c++)
	{
		if (cells[c] < 0)
		{
			rg_mse_set_err(err, "Cell %zu holds a negative count.", c);
			return RG_MSE_NEGATIVE;
		}
		if (__builtin_add_overflow(total, cells[c], &total))
		{
			rg_mse_set_err(err, "The total number of people observed exceeds the bigint range.");
			return RG_MSE_OVERFLOW;
		}
	}
	if (total == 0)
	{
		rg_mse_set_err(err, "Every capture pattern has a count of zero.");
		return RG_MSE_NO_DATA;
	}
	memset(r, 0, sizeof(RgMseResult));
	r->k = k;
	r->observed = total;
	r->cells[0] = 0;
	memcpy(r->cells + 1, cells + 1, sizeof(int64_t) * (ncell - 1));

	if (model->kind == RG_MSE_EXPLICIT)
	{
		if (1 + k + model->npairs > (int) ncell - 1)
		{
			rg_mse_set_err(err, "The model has %d parameters but the table only %zu observable cells.",
						   1 + k + model->npairs, ncell - 1);
			return RG_MSE_SINGULAR;
		}
		for (int t = 0; t < model->npairs; t++)
		{
			if (model->pairs[t][0] >= k || model->pairs[t][1] >= k ||
				model->pairs[t][0] >= model->pairs[t][1])
			{
				rg_mse_set_err(err, "An interaction refers to a list outside 1 .. %d.", k);
				return RG_MSE_BAD_MODEL;
			}
			r->pairs[t][0] = model->pairs[t][0];
			r->pairs[t][1] = model->pairs[t][1];
		}
		r->npairs = model->npairs;
	}
	if (k == 2 && !rg_mse_overlaps(cells, ncell, 0, 1))
	{
		rg_mse_set_err(err, "The two lists share no observed individual, so the estimate of the unobserved count is infinite.");
		return no_estimate(r, RG_MSE_FIT_NO_OVERLAP);
	}
	for (int t = 0; t < r->npairs; t++)
		if (!rg_mse_overlaps(cells, ncell, r->pairs[t][0], r->pairs[t][1]))
		{
			rg_mse_set_err(err, "Lists %d and %d share no observed individual, so the interaction %d:%d would be minus infinity.",
						   r->pairs[t][0] + 1, r->pairs[t][1] + 1,
						   r->pairs[t][0] + 1, r->pairs[t][1] + 1);
			return no_estimate(r, RG_MSE_FIT_NO_OVERLAP);
		}
	if ((st = rg_mse_mle_exists(r->cells, k, (const uint8_t (*)[2]) r->pairs, r->npairs,
								&exists, err)) != RG_MSE_OK)
		return numerical(st) ? no_estimate(r, RG_MSE_FIT_FAILED) : st;
	if (!exists)
	{
		rg_mse_set_err(err, "The maximum likelihood estimate of this model does not exist for these data (the linear-programming test of Fienberg and Rinaldo).");
		return no_estimate(r, RG_MSE_FIT_NO_MLE);
	}
	rg_mse_design_init(&d, k, (const uint8_t (*)[2]) r->pairs, r->npairs, true);
	if ((st = rg_mse_irls(&d, r->cells, 0, &f, err)) != RG_MSE_OK)
		return numerical(st) ? no_estimate(r, RG_MSE_FIT_FAILED) : st;

	if (model->kind == RG_MSE_STEPWISE)
	{
		bool		used[RG_MSE_MAX_LISTS][RG_MSE_MAX_LISTS];

		memset(used, 0, sizeof(used));
		/* a candidate model must have fewer parameters than the table has cells */
		while (r->npairs < RG_MSE_MAX_PAIRS && 1 + k + r->npairs + 1 < (int) ncell - 1)
		{
			int			bi = -1,
						bj = -1;
			double		best_aic = HUGE_VAL;
			RgMseFitOut best;
			double		cur_aic = -2 * f.loglik + 2 * d.p;

			memset(&best, 0, sizeof(best));
			for (int i = 0; i < k; i++)
				for (int j = i + 1; j < k; j++)
				{
					RgMseFitOut g;
					RgMseDesign dc;
					double		aic;

					/* never a candidate: its coefficient would be -infinity */
					if (used[i][j] || !rg_mse_overlaps(cells, ncell, i, j))
						continue;
					r->pairs[r->npairs][0] = (uint8_t) i;
					r->pairs[r->npairs][1] = (uint8_t) j;
					st = rg_mse_mle_exists(r->cells, k, (const uint8_t (*)[2]) r->pairs,
										   r->npairs + 1, &exists, err);
					if (st == RG_MSE_OK && !exists)
						continue;	/* documented: not a candidate */
					if (st == RG_MSE_OK)
					{
						rg_mse_design_init(&dc, k, (const uint8_t (*)[2]) r->pairs, r->npairs + 1, true);
						st = rg_mse_irls(&dc, r->cells, 0, &g, err);
					}
					if (numerical(st))
					{
						char		why[RG_MSE_ERR_MAX];

						snprintf(why, sizeof(why), "%s", err ? err : "");
						rg_mse_set_err(err, "Stepwise selection: the fit of candidate %d:%d failed, so the choice of model is not determined: %s",
									   i + 1, j + 1, why);
						memset(r->pairs[r->npairs], 0, sizeof(r->pairs[0]));
						return no_estimate(r, RG_MSE_FIT_CANDIDATE_FAILED);
					}
					if (st != RG_MSE_OK)
						return st;	/* interrupted, out of memory */
					aic = -2 * g.loglik + 2 * dc.p;
					if (aic < best_aic)
					{
						best_aic = aic;
						best = g;
						bi = i;
						bj = j;
					}
				}
			if (bi < 0 || !(best_aic < cur_aic))
				break;
			/* Wald p-value of the new term, two-sided */
			if (2 * rg_math.pnorm(-fabs(best.last / best.se_last), 0.0, 1.0, 1, 0) > model->p_threshold)
				break;
			r->pairs[r->npairs][0] = (uint8_t) bi;
			r->pairs[r->npairs][1] = (uint8_t) bj;
			r->npairs++;
			used[bi][bj] = true;
			rg_mse_design_init(&d, k, (const uint8_t (*)[2]) r->pairs, r->npairs, true);
			f = best;
		}
	}
	else if (model->kind == RG_MSE_SPARSEMSE)
	{
		st = sparsemse(r, k, model->p_threshold, &d, &f, err);
		if (st != RG_MSE_OK || r->status != RG_MSE_FIT_OK)
			return st;
	}
	/* clear the slots the stepwise search used for candidates */
	memset(r->pairs[r->npairs], 0, sizeof(r->pairs[0]) * (size_t) (RG_MSE_MAX_PAIRS - r->npairs));
	return fill_result(r, &d, &f, err);
}
