/*
 * capture_recapture.h - shared by the fmgr adapters of multiple systems
 * estimation (capture_recapture.c: the aggregate; mse_result.c: the type).
 */
#ifndef RG_CAPTURE_RECAPTURE_H
#define RG_CAPTURE_RECAPTURE_H

#include "recording_gap.h"

#include "core/mse.h"

/*
 * Raise the ERROR of a failed core call through the error table
 * (src/errors.c), with err as errdetail.  Returns only for RG_MSE_OK.
 */
static inline void
rg_mse_report(RgMseStatus st, const char *err)
{
	rg_error_mse((int) st, err);
}

/* The summary as a varlena: its binary form (src/core/mse.h). */
extern bytea *rg_mse_result_datum(const RgMseResult *r);

#endif							/* RG_CAPTURE_RECAPTURE_H */
