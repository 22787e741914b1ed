/*
 * binomial.h - binomial statistics of a recording summary: confidence
 * intervals for the recording ratio, threshold verdicts, the exact binomial
 * test against a target, and Fisher's exact test of a change between
 * periods.  Funnel-plot limits and overdispersion are in funnel.h.
 *
 * Plain C over libRmath (R's standalone math library): no PostgreSQL header
 * may be included here.  Every function validates its arguments before any
 * libRmath call and never prints, aborts or exits; a non-finite result is
 * reported as RG_STAT_NUMERIC instead of being returned.
 */
#ifndef RG_CORE_BINOMIAL_H
#define RG_CORE_BINOMIAL_H

#include <math.h>
#include <stddef.h>
#include <stdint.h>

#include "counts.h"

/*
 * Largest count accepted: 2^53.  Every integer up to it is an exact double;
 * above it the binomial arithmetic could not be exact, so the functions
 * refuse rather than silently round.
 */
#define RG_STAT_MAX_COUNT INT64_C(9007199254740992)

/* Outcome of a statistics call. */
typedef enum RgStatStatus
{
	RG_STAT_OK = 0,
	RG_STAT_NO_DATA,			/* no referrals: the answer is NULL */
	RG_STAT_BAD_COUNTS,			/* negative counts or recorded > referrals */
	RG_STAT_TOO_LARGE,			/* a count above RG_STAT_MAX_COUNT */
	RG_STAT_BAD_LEVEL,			/* level NaN or outside (0, 1) */
	RG_STAT_BAD_THRESHOLD,		/* threshold NaN or outside [0, 1] */
	RG_STAT_BAD_TARGET,			/* target NaN or outside [0, 1] (or (0, 1)) */
	RG_STAT_BAD_PHI,			/* phi NaN, infinite or negative */
	RG_STAT_BAD_ALPHA,			/* alpha NaN or outside (0, 1) */
	RG_STAT_NUMERIC,			/* libRmath returned NaN or an infinity */
	RG_STAT_BAD_TAU2,			/* tau2 NaN, infinite or negative */
	RG_STAT_BAD_OD				/* both phi > 1 and tau2 > 0 given */
} RgStatStatus;

/* ---- checks shared by binomial.c and funnel.c ---- */

/* neither NaN nor infinite */
static inline int
rg_is_finite(double v)
{
	return !isnan(v) && !isinf(v);
}

/* v clamped to [0, 1] */
static inline double
rg_clamp01(double v)
{
	return v < 0.0 ? 0.0 : (v > 1.0 ? 1.0 : v);
}

/* 0 < level < 1; false for NaN */
static inline int
rg_level_ok(double level)
{
	return level > 0.0 && level < 1.0;
}

/* x of n: 0 <= x <= n <= RG_STAT_MAX_COUNT; n = 0 gives RG_STAT_NO_DATA. */
static inline RgStatStatus
rg_check_proportion(int64_t x, int64_t n)
{
	if (x < 0 || n < 0 || x > n)
		return RG_STAT_BAD_COUNTS;
	if (n > RG_STAT_MAX_COUNT)
		return RG_STAT_TOO_LARGE;
	if (n == 0)
		return RG_STAT_NO_DATA;
	return RG_STAT_OK;
}

/* The invariants of a summary (rg_counts_check), as a statistics status. */
static inline RgStatStatus
rg_check_summary(const RgCounts *c)
{
	if (rg_counts_check(c, NULL) != RG_OK)
		return RG_STAT_BAD_COUNTS;
	if (c->referrals > RG_STAT_MAX_COUNT)
		return RG_STAT_TOO_LARGE;
	return RG_STAT_OK;
}

/*
 * The upper-tail normal quantile z with P(Z > z) = p, 0 < p < 1.  The last
 * answer is remembered per process, keyed on p itself.  Not finite on
 * failure.
 */
double		rg_normal_upper_quantile(double p);

/* ---- confidence intervals for recorded / referrals ---- */

typedef enum RgCiMethod
{
	RG_CI_WILSON = 0,
	RG_CI_CLOPPER_PEARSON,
	RG_CI_JEFFREYS,
	RG_CI_AGRESTI_COULL,
	RG_CI_WALD
} RgCiMethod;

/* The method names, comma separated, for error hints. */
extern const char rg_ci_method_list[];

/*
 * Parse a method name of len bytes (not NUL-terminated).  Exact,
 * case-sensitive match of one of the names in rg_ci_method_list.
 * Returns 0 on success, -1 for an unknown name.
 */
int			rg_ci_method_parse(const char *name, size_t len, RgCiMethod *out);

/*
 * Two-sided interval at confidence level (0 < level < 1) for the
 * proportion x / n.  n = 0 gives RG_STAT_NO_DATA.  Both ends lie in [0, 1]
 * (wald and agresti_coull are clipped); clopper_pearson and jeffreys give
 * 0 at x = 0 and 1 at x = n; wilson does too, as its formula does exactly.
 */
RgStatStatus rg_binom_ci(int64_t x, int64_t n, double level, RgCiMethod method,
						 double *lower, double *upper);

/*
 * The arms of the Wilson interval of x / n: below = x/n - lower and
 * above = upper - x/n, each computed from its own formula without a
 * subtraction that cancels (both keep their relative precision when x is
 * 0, n or near them).  Checks as rg_binom_ci.
 */
RgStatStatus rg_wilson_arms(int64_t x, int64_t n, double level,
							double *below, double *above);

/*
 * The interval that accounts for unknown outcomes: from the lower limit of
 * the worst case (recorded of referrals) to the upper limit of the best case
 * (recorded + unknown of referrals), both by method at level.  With no
 * unknowns it is rg_binom_ci of recorded of referrals.
 */
RgStatStatus rg_ci_bounds(const RgCounts *c, double level, RgCiMethod method,
						  double *lower, double *upper);

/* ---- threshold verdicts ---- */

typedef enum RgVerdict
{
	RG_VERDICT_NO_REFERRALS = 0,
	RG_VERDICT_BELOW,
	RG_VERDICT_UNDETERMINED,
	RG_VERDICT_MEETS
} RgVerdict;

/*
 * below: even with every unknown recorded, (recorded + unknown) / referrals
 * < threshold.  meets: with every unknown not recorded, recorded /
 * referrals >= threshold.  Otherwise undetermined.  threshold in [0, 1].
 */
RgStatStatus rg_verdict(const RgCounts *c, double threshold, RgVerdict *out);

/*
 * Significance-aware verdict: below when the upper end of rg_ci_bounds is
 * under the threshold, meets when its lower end is at or above it,
 * otherwise undetermined; no_referrals for no referrals.
 */
RgStatStatus rg_verdict_ci(const RgCounts *c, double threshold, double level,
						   RgCiMethod method, RgVerdict *out);

/* ---- exact binomial test against a target ---- */

/*
 * Two-sided exact binomial test of x of n against the proportion target in
 * [0, 1], as R's binom.test: the sum of the probabilities of the outcomes no
 * more likely than x (relative tolerance 1e-7), capped at 1.  n = 0 gives
 * RG_STAT_NO_DATA.  Target 0 gives 1 for x = 0 and 0 otherwise; target 1
 * gives 1 for x = n and 0 otherwise.
 */
RgStatStatus rg_binom_test_p(int64_t x, int64_t n, double target, double *p);

/* ---- change between two periods ---- */

/*
 * Two-sided Fisher exact test of the 2x2 table [[a, b], [c, d]]: the sum of
 * the hypergeometric probabilities of the tables with the same margins
 * that are no more likely than the observed one (relative tolerance 1e-7,
 * as R's fisher.test).  A zero row gives RG_STAT_NO_DATA.
 */
RgStatStatus rg_fisher_exact(int64_t a, int64_t b, int64_t c, int64_t d, double *p);

typedef enum RgChange
{
	RG_CHANGE_IMPROVED = 0,
	RG_CHANGE_WORSENED,
	RG_CHANGE_NO_CHANGE,
	RG_CHANGE_NO_DATA,
	RG_CHANGE_UNDETERMINED
} RgChange;

/*
 * Fisher's test of recorded against not recorded before and after, at the
 * corners of the unknowns (worst case: unknown not recorded; best case:
 * unknown recorded):
 *   improved   significant rise at (before best, after worst);
 *   worsened   significant fall at (before worst, after best);
 *   no_change  neither a significant rise at (before worst, after best)
 *              nor a significant fall at (before best, after worst);
 *   undetermined otherwise; no_data when either has no referrals.
 * "Significant" is p < alpha with the ratio moving that way.  With no
 * unknowns every corner is the same table.  *p (if not NULL) receives the
 * p-value of recorded of referrals when neither summary has unknowns, NaN
 * otherwise (and for no_data).
 */
RgStatStatus rg_change(const RgCounts *before, const RgCounts *after, double alpha,
					   RgChange *out, double *p);

#endif							/* RG_CORE_BINOMIAL_H */
