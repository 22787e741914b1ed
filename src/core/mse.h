/*
 * mse.h - multiple systems estimation (capture-recapture over k lists).
 *
 * Plain C: no PostgreSQL header may be included here.  The accumulator of
 * capture patterns, the Poisson log-linear fit (IRLS, GSL Cholesky), the
 * stepwise model choice, the profile-likelihood interval and the binary
 * forms of the accumulator state and of the fitted summary all live here,
 * unit-testable and fuzzable outside the server.
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
	RG_MSE_NO_MEMORY			/* malloc failed */
} RgMseStatus;

/* ---------------------------------------------------------------------
 * Model specification
 * --------------------------------------------------------------------- */

typedef enum RgMseModelKind
{
	RG_MSE_INDEPENDENCE = 0,	/* main effects only */
	RG_MSE_STEPWISE = 1,		/* Silverman's AIC stepwise rule */
	RG_MSE_EXPLICIT = 2			/* main effects + the given interactions */
} RgMseModelKind;

typedef struct RgMseModel
{
	RgMseModelKind kind;
	int			npairs;			/* RG_MSE_EXPLICIT only */
	uint8_t		pairs[RG_MSE_MAX_PAIRS][2];	/* 0-based list indices, i < j */
} RgMseModel;

/*
 * Parse model text: "independence", "stepwise" (case-insensitive, spaces
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

/* Check that model text equals the state's (bytewise). */
RgMseStatus rg_mse_state_same_model(const RgMseState *s, const char *model,
									size_t model_len);

/* dst += src: same k and model required.  dst unchanged on error. */
RgMseStatus rg_mse_state_combine(RgMseState *dst, const RgMseState *src);

/*
 * Binary form of a state (for serialize/deserialize): "MSA1", k (int32 BE),
 * model_len (int32 BE), model bytes, then 2^k - 1 counts (int64 BE) for
 * cells 1 .. 2^k - 1.
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

typedef struct RgMseResult
{
	int32_t		k;
	int32_t		npairs;			/* interactions in the chosen model */
	uint8_t		pairs[RG_MSE_MAX_PAIRS][2];	/* 0-based, in order added */
	int64_t		observed;		/* people on at least one list */
	double		unobserved;		/* exp(intercept) */
	double		aic;			/* -2 log L + 2 p, Poisson, over 2^k - 1 cells */
	double		deviance;		/* residual deviance */
	double		intercept;		/* fitted intercept (log unobserved) */
	double		intercept_se;	/* its standard error */
	int64_t		cells[];		/* 2^k counts, [0] = 0 */
} RgMseResult;

size_t		rg_mse_result_size(int k);

/*
 * Fit the model to the table of s (k lists) and fill r (of
 * rg_mse_result_size(k) bytes).  Failed fits return an error status and a
 * message in err; r is then undefined.
 */
RgMseStatus rg_mse_fit(const int64_t *cells, int k, const RgMseModel *model,
					   RgMseResult *r, char *err);

/* observed + unobserved */
double		rg_mse_estimate(const RgMseResult *r);

/*
 * Profile-likelihood interval for the total at the given level: for fixed
 * unobserved count N0 the model is refitted with offset log N0 and no
 * intercept; the interval is every n + N0 whose deviance exceeds the
 * minimum by at most qchisq(level, 1).
 */
RgMseStatus rg_mse_profile_interval(const RgMseResult *r, double level,
									double *lower, double *upper, char *err);

/* One limit of the same interval: side < 0 lower, side > 0 upper. */
RgMseStatus rg_mse_profile_limit(const RgMseResult *r, double level, int side,
								 double *limit, char *err);

/* Model text: "[1:2, 2:5]" (1-based, in the order added); "[]" if none. */
int			rg_mse_model_format(const RgMseResult *r, char *buf, size_t buflen);

/*
 * Binary form of a summary: "MSR1", k (int32 BE), npairs (int32 BE), the
 * pairs (2 bytes each, 0-based), unobserved, aic, deviance, intercept,
 * intercept_se (IEEE float64 BE), then 2^k - 1 counts (int64 BE).
 */
size_t		rg_mse_result_wire_size(const RgMseResult *r);
void		rg_mse_result_encode(const RgMseResult *r, unsigned char *buf);
RgMseStatus rg_mse_result_peek(const unsigned char *buf, size_t len, int *k);
/*
 * Decode and check the structure (k, pairs distinct and in range, counts
 * non-negative and not all zero, figures finite).  Does not refit.
 */
RgMseStatus rg_mse_result_decode(const unsigned char *buf, size_t len,
								 RgMseResult *r, char *err);
/*
 * Refit the stored model on the stored table and check that the stored
 * figures agree to a relative 1e-6.  Call after decoding untrusted input.
 */
RgMseStatus rg_mse_result_verify(const RgMseResult *r, char *err);

/*
 * Text form:
 * (lists=5, model=[1:2, 2:5], observed=2744, unobserved=8568.99,
 *  estimate=11312.99, aic=127.598, counts=[54, 463, ...])
 * counts are cells 1 .. 2^k - 1 in mask order.  Figures use %.15g.
 * rg_mse_result_text_size gives a buffer size that always suffices.
 */
size_t		rg_mse_result_text_size(int k);
int			rg_mse_result_format(const RgMseResult *r, char *buf, size_t buflen);
/*
 * Parse the text form into r (rg_mse_result_size(RG_MSE_MAX_LISTS) bytes
 * always suffice; rg_mse_result_text_peek gives k).  The table and model
 * are refitted and the printed figures checked against the refit.
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
 * Optional hook polled between IRLS iterations: when it returns true the
 * fit stops with RG_MSE_INTERRUPTED (after freeing its memory), so that
 * the caller can honour a query cancel.  It must not longjmp.
 */
extern bool (*rg_mse_interrupt_hook) (void);

#endif							/* RG_CORE_MSE_H */
