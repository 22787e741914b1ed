/*
 * recording_gap.c - module magic, GUCs and the shared error reporter.
 */
#include "recording_gap.h"

#include "utils/guc.h"

#include "core/mathlib.h"

PG_MODULE_MAGIC;

double		rg_threshold = 0.95;

void		_PG_init(void);

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

void
rg_report(RgStatus st, const RgCounts *c, int field)
{
	switch (st)
	{
		case RG_OK:
			return;
		case RG_NEGATIVE:
			ereport(ERROR,
					(errcode(ERRCODE_DATA_EXCEPTION),
					 errmsg("recording_stats counts must not be negative"),
					 errdetail("The %s count is %lld.",
							   rg_field_names[field >= 0 && field < 4 ? field : 0],
							   c ? (long long) rg_counts_field(c, field) : 0LL)));
			break;
		case RG_EXCEEDS_REFERRALS:
			ereport(ERROR,
					(errcode(ERRCODE_DATA_EXCEPTION),
					 errmsg("recorded plus unknown must not exceed referrals"),
					 c ? errdetail("There are %lld referrals, %lld recorded and %lld unknown.",
								   (long long) c->referrals, (long long) c->recorded,
								   (long long) c->unknown) : 0,
					 errhint("Each referral is either recorded, not recorded or unknown.")));
			break;
		case RG_TIMELY_EXCEEDS:
			ereport(ERROR,
					(errcode(ERRCODE_DATA_EXCEPTION),
					 errmsg("timely must not exceed recorded"),
					 c ? errdetail("There are %lld recorded and %lld timely.",
								   (long long) c->recorded, (long long) c->timely) : 0,
					 errhint("Only a recorded referral can be recorded in time.")));
			break;
		case RG_OVERFLOW:
			ereport(ERROR,
					(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
					 errmsg("recording_stats count out of range"),
					 errdetail("A count would exceed the bigint maximum of 9223372036854775807.")));
			break;
		case RG_UNDERFLOW:
			ereport(ERROR,
					(errcode(ERRCODE_DATA_EXCEPTION),
					 errmsg("cannot remove a summary that is not contained in the total"),
					 errdetail("A count would fall below zero or break the summary's invariants.")));
			break;
		default:
			ereport(ERROR,
					(errcode(ERRCODE_INTERNAL_ERROR),
					 errmsg("unexpected recording_stats status %d", (int) st)));
	}
}
