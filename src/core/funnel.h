/*
 * funnel.h - funnel plots of recording ratios against a target: exact
 * binomial limits (Spiegelhalter 2005), limits widened for overdispersion
 * by a multiplicative phi or an additive between-unit variance tau2
 * (Spiegelhalter 2012, as NHS-R's FunnelPlotR draws them for proportions),
 * positions, z-scores and the phi and tau2 estimates.
 *
 * Plain C over libRmath: no PostgreSQL header may be included here.  Every
 * function validates its arguments, never prints, aborts or exits, and
 * reports a non-finite result as RG_STAT_NUMERIC instead of returning it.
 */
#ifndef RG_CORE_FUNNEL_H
#define RG_CORE_FUNNEL_H

#include "binomial.h"

/*
 * Spiegelhalter's interpolated exact binomial limit for a tail probability:
 * upper_tail = 0 gives the limit with P(X <= r) >= tail (the lower limit,
 * tail = (1 - level) / 2); upper_tail = 1 the limit with P(X > r) <= tail
 * (the upper limit).  0 < tail < 1; target in [0, 1].  Target 0 gives 0;
 * target 1 gives 1 (the mirror image of target 0).
 */
RgStatStatus rg_funnel_limit(int64_t n, double target, double tail, int upper_tail,
							 double *limit);

/* Both exact limits at a two-sided level in (0, 1). */
RgStatStatus rg_funnel_limits(int64_t n, double target, double level,
							  double *lower, double *upper);

/*
 * Funnel limits for n referrals around target at a two-sided level, with
 * overdispersion.  Returns an RgStatStatus value (0 = RG_STAT_OK).
 *
 *   phi <= 1 and tau2 = 0: the exact limits of rg_funnel_limits.
 *   phi > 1 and tau2 = 0:  the exact limits moved away from the target by
 *                          the factor sqrt(phi), clipped to [0, 1].
 *   tau2 > 0 (phi <= 1):   FunnelPlotR's additive limits for proportions on
 *                          the arcsine square-root scale:
 *                          sin^2(asin(sqrt(target)) -/+ z sqrt(1/(4n) + tau2))
 *                          with z the normal quantile of 1 - (1 - level)/2;
 *                          the angle is clipped to [0, pi/2] first, so the
 *                          limits lie in [0, 1] and stay monotone in n.
 *
 * n must be a whole number in [0, 2^53] (0 gives RG_STAT_NO_DATA); target in
 * [0, 1]; phi finite and >= 0; tau2 finite and >= 0; phi > 1 together with
 * tau2 > 0 is RG_STAT_BAD_OD.
 */
int			rg_funnel_limits_od(double n, double target, double level, double phi,
								double tau2, double *lower, double *upper);

typedef enum RgFunnelPosition
{
	RG_FUNNEL_LOW = 0,
	RG_FUNNEL_WITHIN,
	RG_FUNNEL_HIGH,
	RG_FUNNEL_UNDETERMINED
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
 * Position of a summary against the limits of rg_funnel_limits_od, under the
 * unknowns rule: the position of the worst case (recorded of referrals) and
 * of the best case (recorded + unknown of referrals); when they agree, that
 * position (every resolution of the unknowns lies between them), otherwise
 * RG_FUNNEL_UNDETERMINED.  No referrals gives RG_STAT_NO_DATA.
 */
RgStatStatus rg_funnel_position_od(const RgCounts *c, double target, double level,
								   double phi, double tau2, RgFunnelPosition *out);

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

/*
 * FunnelPlotR's z-score of x of n for proportions, on the arcsine
 * square-root scale, adjusted for an additive tau2 >= 0:
 *   z = (asin(sqrt(x/n)) - asin(sqrt(target))) / sqrt(1/(4n) + tau2).
 * With tau2 = 0 it is 2 sqrt(n) (asin(sqrt(x/n)) - asin(sqrt(target))).
 * target in [0, 1]; n = 0 gives RG_STAT_NO_DATA.
 */
RgStatStatus rg_funnel_z(int64_t x, int64_t n, double target, double tau2, double *z);

/*
 * Additive overdispersion tau2 of k units around target (in [0, 1]), as
 * FunnelPlotR computes it for proportions (Spiegelhalter 2012): the
 * unadjusted z-scores of rg_funnel_z are winsorised at their 10th and 90th
 * percentiles (R's quantile type 7); phi is the mean of their squares; with
 * weights w = 1/s^2 = 4 n[i],
 *   tau2 = 0                                        if k phi < k - 1,
 *   tau2 = (k phi - (k - 1)) / (sum w - sum w^2 / sum w)   otherwise
 * (DerSimonian-Laird).  work must hold k doubles; *phi (if not NULL) gets
 * the phi of the arcsine z-scores.  k < 2 gives RG_STAT_NO_DATA: with one
 * unit the denominator is 0.
 */
RgStatStatus rg_funnel_tau2(const int64_t *n, const int64_t *x, size_t k,
							double target, double *work, double *tau2, double *phi);

#endif							/* RG_CORE_FUNNEL_H */
