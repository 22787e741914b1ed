/*
 * statistics.h - what the statistics adapters (statistics.c, funnel.c)
 * share: the per-call-site cache, enum results and the interval method
 * argument.  Errors go through rg_error (errors.h).
 */
#ifndef RG_STATISTICS_H
#define RG_STATISTICS_H

#include "recording_gap.h"

#include "core/binomial.h"

/* Raise "too many referrals" when s has more than 2^53. */
extern void rg_stat_check_size(const RecordingStats *s);

/*
 * The label idx of the enum the function returns (names[idx]); each label's
 * OID is looked up at its first use at this call site and kept in fn_extra.
 */
extern Datum rg_enum_result(FunctionCallInfo fcinfo, const char *const *names,
							int nlabels, int idx);

/* The interval method named by text argument argno (cached on the name). */
extern RgCiMethod rg_method_arg(FunctionCallInfo fcinfo, int argno);

#endif							/* RG_STATISTICS_H */
