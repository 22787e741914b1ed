/*
 * recording_gap.c - module magic, GUCs and the interrupt hooks of the core.
 */
#include "recording_gap.h"

#include "miscadmin.h"
#include "utils/guc.h"

#include "core/mathlib.h"
#include "core/mse.h"
#include "core/padjust.h"

PG_MODULE_MAGIC;

double		rg_threshold = 0.95;

void		_PG_init(void);

/*
 * A cancel or termination is pending: the core's long loops (the
 * capture-recapture fit and profile, hommel's p-value adjustment) stop and
 * return their INTERRUPTED status, and the caller lets PostgreSQL act.
 */
static bool
interrupt_pending(void)
{
	return QueryCancelPending || ProcDiePending;
}

void
_PG_init(void)
{
	/*
	 * A value set before the library was loaded (SET, ALTER DATABASE or
	 * ALTER ROLE ... SET) is kept as a text placeholder and only checked
	 * now; PostgreSQL then warns and falls back to the default.  Say which
	 * threshold is used instead, so that no verdict runs on a threshold the
	 * user did not ask for without a word.
	 */
	const char *before = GetConfigOption("recording_gap.threshold", true, false);
	char	   *placeholder = before ? pstrdup(before) : NULL;
	double		parsed;

	DefineCustomRealVariable("recording_gap.threshold",
							 "Default recording-ratio target used by recording_verdict(recording_stats).",
							 "A value between 0 and 1; 0.95 means 95% of referrals should be recorded.",
							 &rg_threshold,
							 0.95, 0.0, 1.0,
							 PGC_USERSET, 0,
							 NULL, NULL, NULL);
	MarkGUCPrefixReserved("recording_gap");

	rg_mse_interrupt_hook = interrupt_pending;
	rg_padjust_interrupt_hook = interrupt_pending;

	if (placeholder != NULL &&
		!(parse_real(placeholder, &parsed, 0, NULL) && parsed >= 0.0 && parsed <= 1.0))
		ereport(WARNING,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("recording_gap.threshold \"%s\" was set before the library was loaded and is not valid; the threshold is %g",
						placeholder, rg_threshold),
				 errhint("Preload the library (session_preload_libraries = 'recording_gap') so that a bad value is refused when it is set.")));

	/*
	 * libRmath and GSL, each in a symbol scope of its own, so that no
	 * function of the same name in the server or in another loaded library
	 * can take a call meant for them (src/core/mathlib.h).  This also turns
	 * GSL's abort()ing error handler off.
	 */
	{
		char		err[256];

		if (rg_math_load(err, sizeof(err)) != 0)
			ereport(ERROR,
					(errcode(ERRCODE_UNDEFINED_FILE),
					 errmsg("recording_gap could not load its math libraries"),
					 errdetail("%s", err),
					 errhint("Install the packages that provide libRmath and GSL (on Debian: r-mathlib and libgsl27).")));
	}
}
