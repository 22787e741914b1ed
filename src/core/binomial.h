/*
 * binomial.h - binomial statistics of a recording summary: confidence
 * intervals for the recording ratio, threshold verdicts, funnel-plot limits
 * and overdispersion, and Fisher's exact test of a change between periods.
 *
 * Plain C over libRmath (R's standalone math library): no PostgreSQL header
 * may be included here.  Every function validates its arguments before any
 * libRmath call and never prints, aborts or exits; a non-finite result is
 * reported as RG_STAT_NUMERIC instead of being returned.
 */
#ifndef RG_CORE_BINOMIAL_H
#define RG_CORE_BINOMIAL_H

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
	RG_STAT_NUMERIC				/* libRmath returned NaN or an infinity */
} RgStatStatus;

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

/* ---- funnel plots ---- */

/*
 * Spiegelhalter's interpolated exact binomial limit for a tail probability:
 * upper_tail = 0 gives the limit with P(X <= r) >= tail (the lower limit,
 * tail = (1 - level) / 2); upper_tail = 1 the limit with P(X > r) <= tail
 * (the upper limit).  0 < tail < 1; target in [0, 1].  Target 0 gives 0;
 * target 1 gives 1 (the mirror image of target 0).
 */
RgStatStatus rg_funnel_limit(int64_t n, double target, double tail, int upper_tail,
							 double *limit);

/* Both limits at a two-sided level in (0, 1). */
RgStatStatus rg_funnel_limits(int64_t n, double target, double level,
							  double *lower, double *upper);

typedef enum RgFunnelPosition
{
	RG_FUNNEL_LOW = 0,
	RG_FUNNEL_WITHIN,
	RG_FUNNEL_HIGH
} RgFunnelPosition;

/*
 * Position of x / n against the funnel limits at target and level, widened
 * by sqrt(phi) around the target when phi > 1 (phi <= 1 leaves them as
 * they are; phi must be finite and >= 0).  A ratio exactly on a limit is
 * within.  The widened limits are returned in *lower and *upper when those
 * are not NULL.
 */
RgStatStatus rg_funnel_position(int64_t x, int64_t n, double target, double level,
								 double phi, RgFunnelPosition *out,
								 double *lower, double *upper);

/*
 * Overdispersion factor phi of k units (n[i] referrals, x[i] recorded; every
 * n[i] > 0) around target (0 < target < 1): the mean of the squared
 * z-scores z = (x/n - target) / sqrt(target (1 - target) / n) after
 * winsorising them at their 10th and 90th percentiles (R's default
 * quantile, type 7).  work must hold k doubles.  k = 0 gives
 * RG_STAT_NO_DATA.
 */
RgStatStatus rg_funnel_phi(const int64_t *n, const int64_t *x, size_t k,
						   double target, double *work, double *phi);

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
	RG_CHANGE_NO_DATA
} RgChange;

/*
 * Fisher's test of recorded against not recorded (unknown counted as not
 * recorded) before and after; improved or worsened when p < alpha and the
 * ratio went up or down, no_change otherwise, no_data when either summary
 * has no referrals.  *p receives the p-value (NaN for no_data) if not NULL.
 */
RgStatStatus rg_change(const RgCounts *before, const RgCounts *after, double alpha,
					   RgChange *out, double *p);

#endif							/* RG_CORE_BINOMIAL_H */
