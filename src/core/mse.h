/*
 * mse.h - multiple systems estimation (capture-recapture over k lists).
 *
 * Plain C: no PostgreSQL header may be included here.  The code is split
 * by concern, one file each, behind this one header:
 *   mse_model.c    model text, list names, the accumulator, Chapman
 *   mse_fit.c      the Poisson log-linear fit (IRLS, GSL Cholesky) and the
 *                  linear-programming check that its MLE exists
 *   mse_select.c   rg_mse_fit: explicit models and the stepwise choice
 *   mse_profile.c  the profile-likelihood interval
 *   mse_wire.c     binary and text forms of the state and of the summary,
 *                  and the identity used by equality and hashing
 * unit-testable and fuzzable outside the server.
 *
 * GSL's default error handler calls abort().  Every caller must switch it
 * off once per process (gsl_set_error_handler_off(); the server does it in
 * _PG_init, the unit tests and fuzz harnesses at start-up); every GSL call
 * here checks the status it returns.
 *
 * Cells: a capture pattern over k lists is the bit mask c with bit i set
 * when the person is on list i + 1.  c = 0 (on no list) is never observed;
 * the table holds 2^k entries of which [0] is always 0.
 */
#ifndef RG_CORE_MSE_H
#define RG_CORE_MSE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define RG_MSE_MAX_LISTS	15
#define RG_MSE_MAX_PAIRS	(RG_MSE_MAX_LISTS * (RG_MSE_MAX_LISTS - 1) / 2)
#define RG_MSE_MODEL_MAX	2048	/* longest model text, bytes */
#define RG_MSE_ERR_MAX		256		/* size of an error message buffer */
#define RG_MSE_NAME_MAX		63		/* longest list name, bytes */
#define RG_MSE_P_DEFAULT	0.05	/* default stepwise p-value threshold */

typedef enum RgMseStatus
{
	RG_MSE_OK = 0,
	RG_MSE_TOO_FEW_LISTS,		/* k < 2 */
	RG_MSE_TOO_MANY_LISTS,		/* k > RG_MSE_MAX_LISTS */
	RG_MSE_LENGTH_MISMATCH,		/* pattern length differs from the first */
	RG_MSE_MODEL_MISMATCH,		/* model text differs from the first */
	RG_MSE_MODEL_TOO_LONG,		/* model text longer than RG_MSE_MODEL_MAX */
	RG_MSE_NEGATIVE,			/* negative count */
	RG_MSE_EMPTY_PATTERN,		/* a pattern on no list */
	RG_MSE_OVERFLOW,			/* a count would exceed int64 */
	RG_MSE_BAD_MODEL,			/* model text does not parse or is invalid */
	RG_MSE_NO_DATA,				/* nobody observed */
	RG_MSE_NOT_CONVERGED,		/* IRLS did not converge */
	RG_MSE_SINGULAR,			/* X'WX not positive definite */
	RG_MSE_NOT_FINITE,			/* estimate infinite or NaN */
	RG_MSE_NO_OVERLAP,			/* explicit interaction of lists with no overlap */
	RG_MSE_BAD_LEVEL,			/* confidence level outside (0, 1) */
	RG_MSE_UNBOUNDED,			/* profile interval has no finite limit */
	RG_MSE_BAD_BINARY,			/* malformed binary form */
	RG_MSE_INCONSISTENT,		/* stored figures disagree with a refit */
	RG_MSE_SYNTAX,				/* malformed text form of a summary */
	RG_MSE_INTERRUPTED,			/* the interrupt hook asked to stop */
	RG_MSE_NO_MEMORY,			/* malloc failed */
	RG_MSE_BAD_NAMES,			/* list names invalid or of the wrong number */
	RG_MSE_BAD_THRESHOLD		/* stepwise p-value threshold outside (0, 1] */
} RgMseStatus;

/*
 * Outcome of a fit, stored in the summary.  Only RG_MSE_FIT_OK carries
 * figures; the others say why there is no estimate, so that one stratum of
 * a grouped query never aborts the others.
 */
typedef enum RgMseFitStatus
{
	RG_MSE_FIT_OK = 0,
	RG_MSE_FIT_NO_OVERLAP = 1,	/* two lists, or an explicit interaction,
								 * with nobody in common */
	RG_MSE_FIT_NO_MLE = 2,		/* the linear-programming test says the MLE
								 * does not exist */
	RG_MSE_FIT_FAILED = 3,		/* the MLE exists but IRLS failed */
	RG_MSE_FIT_CANDIDATE_FAILED = 4	/* stepwise: a candidate's fit failed */
} RgMseFitStatus;

#define RG_MSE_FIT_NSTATUS 5

/* "ok", "no_overlap", "mle_does_not_exist", "fit_failed",
 * "stepwise_candidate_failed"; NULL if out of range */
const char *rg_mse_fit_status_name(int status);
/* inverse; -1 if unknown */
int			rg_mse_fit_status_parse(const char *s, size_t len);

/* ---------------------------------------------------------------------
 * Model specification
 * --------------------------------------------------------------------- */

typedef enum RgMseModelKind
{
	RG_MSE_INDEPENDENCE = 0,	/* main effects only */
	RG_MSE_STEPWISE = 1,		/* Silverman's AIC stepwise rule */
	RG_MSE_EXPLICIT = 2,		/* main effects + the given interactions */
	RG_MSE_SPARSEMSE = 3		/* SparseMSE's stepwise rule (Poisson
								 * p-values of the overlaps) */
} RgMseModelKind;

#define RG_MSE_P_SPARSEMSE	0.02	/* SparseMSE's default threshold */

typedef struct RgMseModel
{
	RgMseModelKind kind;
	double		p_threshold;	/* stepwise only; RG_MSE_P_DEFAULT by parse */
	int			npairs;			/* RG_MSE_EXPLICIT only */
	uint8_t		pairs[RG_MSE_MAX_PAIRS][2];	/* 0-based list indices, i < j */
} RgMseModel;

/*
 * The stepwise threshold a model takes when none is given: 0.02 for
 * "sparsemse" (SparseMSE's pthresh), else RG_MSE_P_DEFAULT.
 */
double		rg_mse_default_threshold(const char *text, size_t len);

/*
 * Parse model text: "independence", "stepwise", "sparsemse" (case-insensitive, spaces
 * around allowed) or a comma-separated set of interactions "i:j" with
 * 1-based list positions, e.g. "1:2, 2:5", optionally inside [ ].  Each
 * pair is stored with i < j (so "2:1" means 1:2).  k is the number of lists
 * for the range check.  On failure err (RG_MSE_ERR_MAX bytes) explains.
 */
RgMseStatus rg_mse_model_parse(const char *text, size_t len, int k,
							   RgMseModel *out, char *err);

/* ---------------------------------------------------------------------
 * Accumulator
 * --------------------------------------------------------------------- */

typedef struct RgMseState
{
	int32_t		k;				/* number of lists */
	int32_t		model_len;		/* bytes of model text */
	char		model[RG_MSE_MODEL_MAX + 1];	/* NUL-terminated */
	double		p_threshold;	/* stepwise p-value threshold */
	int32_t		nnames;			/* 0 (lists by position) or k */
	char		names[RG_MSE_MAX_LISTS][RG_MSE_NAME_MAX + 1];
	int64_t		cells[];		/* 2^k counts, [0] = 0 */
} RgMseState;

/* Bytes needed for a state over k lists (1 <= k <= RG_MSE_MAX_LISTS). */
size_t		rg_mse_state_size(int k);

/*
 * Initialise a state of rg_mse_state_size(k) bytes for k lists and the
 * model text (validated for length and syntax, for k).  Checks 2 <= k <= 15.
 */
RgMseStatus rg_mse_state_init(RgMseState *s, int k, const char *model,
							  size_t model_len, char *err);

/*
 * Add n >= 0 people with the capture pattern on[0..k-1].  k must equal the
 * state's; the pattern must be on at least one list.  On error the state
 * is unchanged.
 */
RgMseStatus rg_mse_accumulate(RgMseState *s, const bool *on, int k, int64_t n);

/* Same, with the pattern given as a bit mask (bit i = list i + 1). */
RgMseStatus rg_mse_accumulate_mask(RgMseState *s, uint32_t mask, int64_t n);

/*
 * Set the list names (nnames = 0 or k, each valid by rg_mse_name_check and
 * all distinct) and the stepwise p-value threshold (0 < p <= 1).  Called
 * once, after rg_mse_state_init.
 */
RgMseStatus rg_mse_state_set_options(RgMseState *s, const char *const *names,
									 const size_t *name_lens, int nnames,
									 double p_threshold, char *err);

/*
 * A list name is 1 to RG_MSE_NAME_MAX bytes of letters, digits, '_', '.',
 * '-' or bytes >= 0x80 (UTF-8), and not all digits.
 */
RgMseStatus rg_mse_name_check(const char *name, size_t len, char *err);

/* Same names and threshold as another state's (or as the given ones). */
bool		rg_mse_state_same_options(const RgMseState *a, const RgMseState *b);

/* Check that model text equals the state's (bytewise). */
RgMseStatus rg_mse_state_same_model(const RgMseState *s, const char *model,
									size_t model_len);

/* dst += src: same k and model required.  dst unchanged on error. */
RgMseStatus rg_mse_state_combine(RgMseState *dst, const RgMseState *src);

/*
 * Binary form of a state (for serialize/deserialize; never stored):
 * "MSA2", k (int32 BE), model_len (int32 BE), model bytes, p_threshold
 * (float64 BE), nnames (int32 BE), each name as length (1 byte) and bytes,
 * then 2^k - 1 counts (int64 BE) for cells 1 .. 2^k - 1.
 */
size_t		rg_mse_state_wire_size(const RgMseState *s);
void		rg_mse_state_encode(const RgMseState *s, unsigned char *buf);
/* Read k from a binary state (validating the header and length). */
RgMseStatus rg_mse_state_peek(const unsigned char *buf, size_t len, int *k);
/* Decode into s of rg_mse_state_size(k) bytes; revalidates everything. */
RgMseStatus rg_mse_state_decode(const unsigned char *buf, size_t len,
								RgMseState *s, char *err);

/* ---------------------------------------------------------------------
 * Fitted summary
 * --------------------------------------------------------------------- */

/* flags of a summary */
#define RG_MSE_NEED_REFIT	1	/* deviance and intercept_se unknown (read
								 * from the text form of 0.1.0): the profile
								 * interval refits first */

typedef struct RgMseResult
{
	int32_t		k;
	int32_t		npairs;			/* interactions in the chosen model */
	uint8_t		pairs[RG_MSE_MAX_PAIRS][2];	/* 0-based, in order added */
	int32_t		status;			/* RgMseFitStatus */
	int32_t		flags;			/* RG_MSE_NEED_REFIT */
	int32_t		nnames;			/* 0 or k */
	char		names[RG_MSE_MAX_LISTS][RG_MSE_NAME_MAX + 1];
	int64_t		observed;		/* people on at least one list */
	/* the figures: meaningful only when status == RG_MSE_FIT_OK, else 0 */
	double		unobserved;		/* exp(intercept) */
	double		aic;			/* -2 log L + 2 p, Poisson, over 2^k - 1 cells */
	double		deviance;		/* residual deviance */
	double		intercept;		/* fitted intercept (log unobserved) */
	double		intercept_se;	/* its standard error */
	int64_t		cells[];		/* 2^k counts, [0] = 0 */
} RgMseResult;

size_t		rg_mse_result_size(int k);

/*
 * Fit the model to the table (k lists) and fill r (of
 * rg_mse_result_size(k) bytes).  A table whose model cannot be estimated
 * still returns RG_MSE_OK, with r->status saying why (and err the
 * reason in words); an error status (bad input, more parameters than
 * cells, interrupted, out of memory) leaves r undefined.  r has no list
 * names; the caller copies them.
 */
RgMseStatus rg_mse_fit(const int64_t *cells, int k, const RgMseModel *model,
					   RgMseResult *r, char *err);

/*
 * Fienberg and Rinaldo's (2012) linear-programming test, as SparseMSE's
 * checkident applies it: the MLE of the Poisson log-linear model with main
 * effects and the given interactions exists iff some strictly positive
 * vector w over the 2^k - 1 cells has X'w = X'y.  Sets *exists.
 */
RgMseStatus rg_mse_mle_exists(const int64_t *cells, int k,
							  const uint8_t (*pairs)[2], int npairs,
							  bool *exists, char *err);

/* observed + unobserved */
double		rg_mse_estimate(const RgMseResult *r);

/*
 * Profile-likelihood interval for the total at the given level: for fixed
 * unobserved count N0 the model is refitted with offset log N0 and no
 * intercept; the interval is every n + N0 whose deviance exceeds the
 * minimum by at most qchisq(level, 1).  r->status must be RG_MSE_FIT_OK.
 * When the profile stays inside the interval for every smaller N0 the
 * lower limit is the observed count (N0 -> 0) and the status OK; when it
 * does for every larger N0 the status is RG_MSE_UNBOUNDED (the upper
 * limit is infinite).  Other failures of the search return their status.
 */
RgMseStatus rg_mse_profile_interval(const RgMseResult *r, double level,
									double *lower, double *upper, char *err);

/* One limit of the same interval: side < 0 lower, side > 0 upper. */
RgMseStatus rg_mse_profile_limit(const RgMseResult *r, double level, int side,
								 double *limit, char *err);

/*
 * Model text: "[1:2, 2:5]" (1-based, in the order added); "[]" if none.
 * With use_names and list names, "[police:ngo, ngo:public]".
 */
int			rg_mse_model_format(const RgMseResult *r, bool use_names,
								char *buf, size_t buflen);
size_t		rg_mse_model_text_size(const RgMseResult *r);

/*
 * Binary form of a summary, which is also its on-disk form.
 * Version 2 (written): "MSR2", k, npairs, status, flags, nnames (int32 BE
 * each), the pairs (2 bytes each, 0-based), unobserved, aic, deviance,
 * intercept, intercept_se (IEEE float64 BE), 2^k - 1 counts (int64 BE),
 * then each name as its length (1 byte) and bytes.
 * Version 1 (0.1.0, read only): "MSR1", k, npairs, the pairs, the five
 * figures, the counts; read as status ok, no names.
 */
size_t		rg_mse_result_wire_size(const RgMseResult *r);
void		rg_mse_result_encode(const RgMseResult *r, unsigned char *buf);
RgMseStatus rg_mse_result_peek(const unsigned char *buf, size_t len, int *k);
/*
 * Decode and check the structure (k, pairs distinct and in range, counts
 * non-negative and not all zero, status known, figures finite when the
 * status is ok and 0 otherwise, names valid).  Never refits.
 */
RgMseStatus rg_mse_result_decode(const unsigned char *buf, size_t len,
								 RgMseResult *r, char *err);

/*
 * Check that the figures of a summary follow from its counts and model
 * (mse_verify.c): with the intercept fixed at log(unobserved), the other
 * coefficients are fitted, and the likelihood equation of the intercept
 * must hold to within one Newton step of 1e-6 on the log scale; deviance,
 * AIC and intercept_se must match the fit at that intercept to a relative
 * 1e-6 (each plus the precision the fit has at huge counts; when that fit
 * fails numerically, the free fit of the model is compared instead).  The
 * model itself is taken as stored (the stepwise choice is not repeated).  A summary without figures passes.  On failure returns
 * RG_MSE_INCONSISTENT, *figure names the figure ("unobserved", "aic",
 * "deviance", "intercept_se") and err says what the counts give.
 */
RgMseStatus rg_mse_result_verify(const RgMseResult *r, const char **figure, char *err);

/*
 * Identity of a summary, used by = and the hash opclass: the version-2
 * encoding of every field that the text form prints (lists, names, model
 * in the order added, status, flags, counts, and the four stored figures
 * unobserved, aic, deviance and intercept_se, bit for bit); only the
 * intercept, which is log(unobserved) and not printed, is left out.  Two
 * summaries are equal exactly when they print the same text.
 */
size_t		rg_mse_result_identity_size(const RgMseResult *r);
void		rg_mse_result_identity(const RgMseResult *r, unsigned char *buf);

/*
 * Text form (0.2.0):
 * (lists=5, names=[la, ng, pfnca, go, gp], model=[1:2, 2:5], status=ok,
 *  observed=2744, unobserved=8568.99, estimate=11312.99, aic=127.598,
 *  deviance=..., intercept_se=..., counts=[54, 463, ...])
 * names= only when the lists are named; the five figures only when the
 * status is ok.  counts are cells 1 .. 2^k - 1 in mask order.  Each figure
 * is printed with the fewest of 15, 16 or 17 significant digits that read
 * back to the same double, so a text round trip keeps every bit.
 * The form of 0.1.0 (no status, deviance or intercept_se) is read too,
 * as status ok with RG_MSE_NEED_REFIT.
 * rg_mse_result_text_size gives a buffer size that always suffices.
 */
size_t		rg_mse_result_text_size(int k);
int			rg_mse_result_format(const RgMseResult *r, char *buf, size_t buflen);
/*
 * Parse the text form into r (rg_mse_result_size(RG_MSE_MAX_LISTS) bytes
 * always suffice; rg_mse_result_text_peek gives k).  The structure is
 * checked (observed equals the sum of the counts, estimate equals observed
 * + unobserved to a relative 1e-9, figures finite); the figures are
 * checked against the counts by rg_mse_result_verify, which the caller
 * applies.
 */
RgMseStatus rg_mse_result_text_peek(const char *s, int *k);
RgMseStatus rg_mse_result_parse(const char *s, RgMseResult *r, char *err);

/* ---------------------------------------------------------------------
 * Two lists: Chapman's estimator
 * --------------------------------------------------------------------- */

/* N = (n1+1)(n2+1)/(m+1) - 1; errors for negatives or m > min(n1, n2). */
RgMseStatus rg_chapman(int64_t n1, int64_t n2, int64_t m,
					   double *estimate, double *variance);

/*
 * Optional hook polled in every long loop (each IRLS iteration, each
 * simplex pivot, each profile step): when it returns true the work stops
 * with RG_MSE_INTERRUPTED (after freeing its memory), so that the caller
 * can honour a query cancel.  It must not longjmp.
 */
extern bool (*rg_mse_interrupt_hook) (void);

#endif							/* RG_CORE_MSE_H */
