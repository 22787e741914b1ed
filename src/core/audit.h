/*
 * audit.h - from an audit sample's recording rate to an estimate of the
 * crimes left unrecorded, as HMICFRS's crime data integrity inspections do:
 * the sample gives the rate r (recorded / should have been recorded), and
 * the year's recorded crimes T are taken to be the fraction r of the crimes
 * that should have been recorded, so that T (1 - r) / r were not.
 *
 * Plain C over libRmath (through binomial.c); no PostgreSQL headers.
 */
#ifndef RG_CORE_AUDIT_H
#define RG_CORE_AUDIT_H

#include "binomial.h"
#include "counts.h"

/*
 * Estimate of the unrecorded crimes: T (n - x) / x, with n the sampled
 * reports that should have been recorded and x those that were, unknown
 * outcomes counted as not recorded (the worst case, as recording_ratio).
 * x = 0 gives +Infinity (the rate 0 bounds nothing), except T = 0, which
 * gives RG_STAT_NO_DATA, as does n = 0.  T < 0 gives RG_STAT_BAD_COUNTS.
 */
RgStatStatus rg_unrecorded_estimate(const RgCounts *sample, int64_t recorded_total,
									double *estimate);

/*
 * Interval at level (0, 1): T (1 - r) / r is decreasing in r, so the lower
 * end maps the Wilson upper limit of the best case ((x + u) / n) and the
 * upper end maps the Wilson lower limit of the worst case (x / n).  A
 * Wilson lower limit of 0 (x = 0) gives an upper end of +Infinity.  n = 0,
 * and T = 0 with x = 0, give RG_STAT_NO_DATA.
 */
RgStatStatus rg_unrecorded_interval(const RgCounts *sample, int64_t recorded_total,
									double level, double *lower, double *upper);

#endif							/* RG_CORE_AUDIT_H */
