/*
 * mse.c - multiple systems estimation: accumulator, Poisson log-linear fit
 * by IRLS, Silverman's stepwise rule, profile-likelihood interval, binary
 * and text forms of the summary, Chapman's two-list estimator.
 *
 * Plain C with GSL (Cholesky) and libRmath (pnorm, qchisq).  Memory is
 * taken with malloc and always freed before returning; nothing here calls
 * abort() or exit(): GSL's error handler is switched off and every
 * argument of a libRmath call is checked first.
 */
#define MATHLIB_STANDALONE
#include <Rmath.h>

#include "mse.h"

#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_errno.h>
#include <gsl/gsl_linalg.h>
#include <gsl/gsl_matrix.h>
#include <gsl/gsl_vector.h>

bool		(*rg_mse_interrupt_hook) (void) = NULL;

#define MAX_ITER		100
#define DEV_TOL			1e-10
#define BETA_TOL		1e-8
#define VERIFY_TOL		1e-6
#define P_THRESHOLD		0.05
#define PROFILE_SPAN	50.0	/* furthest log-scale distance searched */

static void set_err(char *err, const char *fmt,...) __attribute__((format(printf, 2, 3)));

static void
set_err(char *err, const char *fmt,...)
{
	va_list		ap;

	if (err == NULL)
		return;
	va_start(ap, fmt);
	vsnprintf(err, RG_MSE_ERR_MAX, fmt, ap);
	va_end(ap);
}

static void
gsl_quiet(void)
{
	static bool done = false;

	if (!done)
	{
		gsl_set_error_handler_off();
		done = true;
	}
}

/* ---------------------------------------------------------------------
 * Model text
 * --------------------------------------------------------------------- */

static size_t
skip_ws(const char *s, size_t len, size_t i)
{
	while (i < len && isspace((unsigned char) s[i]))
		i++;
	return i;
}

static bool
word_eq(const char *s, size_t len, const char *word)
{
	size_t		n = strlen(word);

	if (len != n)
		return false;
	for (size_t i = 0; i < n; i++)
		if (tolower((unsigned char) s[i]) != word[i])
			return false;
	return true;
}

/* parse an unsigned decimal of at most 3 digits; returns -1 if none */
static int
parse_small(const char *s, size_t len, size_t *i)
{
	int			v = 0,
				nd = 0;

	while (*i < len && isdigit((unsigned char) s[*i]))
	{
		if (nd >= 3)
			return -2;
		v = v * 10 + (s[*i] - '0');
		nd++;
		(*i)++;
	}
	return nd == 0 ? -1 : v;
}

RgMseStatus
rg_mse_model_parse(const char *text, size_t len, int k, RgMseModel *out,
				   char *err)
{
	size_t		i,
				end;
	bool		bracket = false;
	bool		seen[RG_MSE_MAX_LISTS][RG_MSE_MAX_LISTS];

	memset(out, 0, sizeof(*out));
	if (len > RG_MSE_MODEL_MAX)
	{
		set_err(err, "The model text is %zu bytes long; at most %d are allowed.",
				len, RG_MSE_MODEL_MAX);
		return RG_MSE_MODEL_TOO_LONG;
	}
	if (memchr(text, '\0', len) != NULL)
	{
		set_err(err, "The model text contains a NUL byte.");
		return RG_MSE_BAD_MODEL;
	}
	i = skip_ws(text, len, 0);
	end = len;
	while (end > i && isspace((unsigned char) text[end - 1]))
		end--;
	if (word_eq(text + i, end - i, "independence"))
	{
		out->kind = RG_MSE_INDEPENDENCE;
		return RG_MSE_OK;
	}
	if (word_eq(text + i, end - i, "stepwise"))
	{
		out->kind = RG_MSE_STEPWISE;
		return RG_MSE_OK;
	}
	out->kind = RG_MSE_EXPLICIT;
	memset(seen, 0, sizeof(seen));
	if (i < end && text[i] == '[')
	{
		if (text[end - 1] != ']')
		{
			set_err(err, "An opening \"[\" has no closing \"]\".");
			return RG_MSE_BAD_MODEL;
		}
		bracket = true;
		i = skip_ws(text, len, i + 1);
		end--;
		while (end > i && isspace((unsigned char) text[end - 1]))
			end--;
	}
	if (i >= end)
	{
		if (bracket)
			return RG_MSE_OK;	/* "[]": main effects only */
		set_err(err, "Expected \"independence\", \"stepwise\" or a list of interactions such as \"1:2, 2:5\".");
		return RG_MSE_BAD_MODEL;
	}
	for (;;)
	{
		int			a,
					b;
		size_t		start = i;

		a = parse_small(text, end, &i);
		i = skip_ws(text, end, i);
		if (a < 0 || i >= end || text[i] != ':')
		{
			set_err(err, "At character %zu: expected an interaction written as i:j, with list positions i and j.",
					start + 1);
			return RG_MSE_BAD_MODEL;
		}
		i = skip_ws(text, end, i + 1);
		b = parse_small(text, end, &i);
		if (b < 0)
		{
			set_err(err, "At character %zu: expected a list position after \":\".", i + 1);
			return RG_MSE_BAD_MODEL;
		}
		if (a < 1 || a > k || b < 1 || b > k)
		{
			set_err(err, "Interaction %d:%d refers to a list outside 1 .. %d.", a, b, k);
			return RG_MSE_BAD_MODEL;
		}
		if (a == b)
		{
			set_err(err, "Interaction %d:%d pairs a list with itself.", a, b);
			return RG_MSE_BAD_MODEL;
		}
		if (a > b)
		{
			int			t = a;

			a = b;
			b = t;
		}
		if (seen[a - 1][b - 1])
		{
			set_err(err, "Interaction %d:%d is given more than once.", a, b);
			return RG_MSE_BAD_MODEL;
		}
		seen[a - 1][b - 1] = true;
		out->pairs[out->npairs][0] = (uint8_t) (a - 1);
		out->pairs[out->npairs][1] = (uint8_t) (b - 1);
		out->npairs++;
		i = skip_ws(text, end, i);
		if (i >= end)
			break;
		if (text[i] != ',')
		{
			set_err(err, "At character %zu: expected \",\" between interactions.", i + 1);
			return RG_MSE_BAD_MODEL;
		}
		i = skip_ws(text, end, i + 1);
	}
	return RG_MSE_OK;
}

/* ---------------------------------------------------------------------
 * Accumulator
 * --------------------------------------------------------------------- */

size_t
rg_mse_state_size(int k)
{
	if (k < 1 || k > RG_MSE_MAX_LISTS)
		k = 1;
	return sizeof(RgMseState) + sizeof(int64_t) * ((size_t) 1 << k);
}

static RgMseStatus
check_k(int k, char *err)
{
	if (k < 2)
	{
		set_err(err, "A capture pattern over %d list%s was given; multiple systems estimation needs at least two lists.",
				k, k == 1 ? "" : "s");
		return RG_MSE_TOO_FEW_LISTS;
	}
	if (k > RG_MSE_MAX_LISTS)
	{
		set_err(err, "A capture pattern over %d lists was given; at most %d lists are supported.",
				k, RG_MSE_MAX_LISTS);
		return RG_MSE_TOO_MANY_LISTS;
	}
	return RG_MSE_OK;
}

RgMseStatus
rg_mse_state_init(RgMseState *s, int k, const char *model, size_t model_len,
				  char *err)
{
	RgMseModel	m;
	RgMseStatus st;

	if ((st = check_k(k, err)) != RG_MSE_OK)
		return st;
	if ((st = rg_mse_model_parse(model, model_len, k, &m, err)) != RG_MSE_OK)
		return st;
	memset(s, 0, rg_mse_state_size(k));
	s->k = k;
	s->model_len = (int32_t) model_len;
	memcpy(s->model, model, model_len);
	s->model[model_len] = '\0';
	return RG_MSE_OK;
}

RgMseStatus
rg_mse_accumulate_mask(RgMseState *s, uint32_t mask, int64_t n)
{
	int64_t		v;

	if (s->k < 2 || s->k > RG_MSE_MAX_LISTS || mask >= ((uint32_t) 1 << s->k))
		return RG_MSE_LENGTH_MISMATCH;
	if (mask == 0)
		return RG_MSE_EMPTY_PATTERN;
	if (n < 0)
		return RG_MSE_NEGATIVE;
	if (__builtin_add_overflow(s->cells[mask], n, &v))
		return RG_MSE_OVERFLOW;
	s->cells[mask] = v;
	return RG_MSE_OK;
}

RgMseStatus
rg_mse_accumulate(RgMseState *s, const bool *on, int k, int64_t n)
{
	uint32_t	mask = 0;

	if (k != s->k)
		return RG_MSE_LENGTH_MISMATCH;
	for (int i = 0; i < k; i++)
		if (on[i])
			mask |= (uint32_t) 1 << i;
	return rg_mse_accumulate_mask(s, mask, n);
}

RgMseStatus
rg_mse_state_same_model(const RgMseState *s, const char *model, size_t model_len)
{
	if ((size_t) s->model_len != model_len || memcmp(s->model, model, model_len) != 0)
		return RG_MSE_MODEL_MISMATCH;
	return RG_MSE_OK;
}

RgMseStatus
rg_mse_state_combine(RgMseState *dst, const RgMseState *src)
{
	size_t		ncell;

	if (dst->k != src->k)
		return RG_MSE_LENGTH_MISMATCH;
	if (rg_mse_state_same_model(dst, src->model, (size_t) src->model_len) != RG_MSE_OK)
		return RG_MSE_MODEL_MISMATCH;
	ncell = (size_t) 1 << dst->k;
	for (size_t c = 1; c < ncell; c++)
	{
		int64_t		v;

		if (__builtin_add_overflow(dst->cells[c], src->cells[c], &v))
			return RG_MSE_OVERFLOW;
	}
	for (size_t c = 1; c < ncell; c++)
		dst->cells[c] += src->cells[c];
	return RG_MSE_OK;
}

/* big-endian helpers */
static void
put32(unsigned char *p, uint32_t v)
{
	p[0] = (unsigned char) (v >> 24);
	p[1] = (unsigned char) (v >> 16);
	p[2] = (unsigned char) (v >> 8);
	p[3] = (unsigned char) v;
}

static uint32_t
get32(const unsigned char *p)
{
	return ((uint32_t) p[0] << 24) | ((uint32_t) p[1] << 16) |
		((uint32_t) p[2] << 8) | (uint32_t) p[3];
}

static void
put64(unsigned char *p, uint64_t v)
{
	put32(p, (uint32_t) (v >> 32));
	put32(p + 4, (uint32_t) v);
}

static uint64_t
get64(const unsigned char *p)
{
	return ((uint64_t) get32(p) << 32) | get32(p + 4);
}

static void
putd(unsigned char *p, double d)
{
	uint64_t	v;

	memcpy(&v, &d, sizeof(v));
	put64(p, v);
}

static double
getd(const unsigned char *p)
{
	uint64_t	v = get64(p);
	double		d;

	memcpy(&d, &v, sizeof(d));
	return d;
}

size_t
rg_mse_state_wire_size(const RgMseState *s)
{
	return 12 + (size_t) s->model_len + 8 * (((size_t) 1 << s->k) - 1);
}

void
rg_mse_state_encode(const RgMseState *s, unsigned char *buf)
{
	unsigned char *p = buf;
	size_t		ncell = (size_t) 1 << s->k;

	memcpy(p, "MSA1", 4);
	put32(p + 4, (uint32_t) s->k);
	put32(p + 8, (uint32_t) s->model_len);
	p += 12;
	memcpy(p, s->model, (size_t) s->model_len);
	p += s->model_len;
	for (size_t c = 1; c < ncell; c++, p += 8)
		put64(p, (uint64_t) s->cells[c]);
}

RgMseStatus
rg_mse_state_peek(const unsigned char *buf, size_t len, int *k)
{
	uint32_t	kk,
				ml;

	if (len < 12 || memcmp(buf, "MSA1", 4) != 0)
		return RG_MSE_BAD_BINARY;
	kk = get32(buf + 4);
	ml = get32(buf + 8);
	if (kk < 2 || kk > RG_MSE_MAX_LISTS || ml > RG_MSE_MODEL_MAX)
		return RG_MSE_BAD_BINARY;
	if (len != 12 + (size_t) ml + 8 * (((size_t) 1 << kk) - 1))
		return RG_MSE_BAD_BINARY;
	*k = (int) kk;
	return RG_MSE_OK;
}

RgMseStatus
rg_mse_state_decode(const unsigned char *buf, size_t len, RgMseState *s,
					char *err)
{
	int			k;
	uint32_t	ml;
	const unsigned char *p;
	RgMseStatus st;
	size_t		ncell;

	if (rg_mse_state_peek(buf, len, &k) != RG_MSE_OK)
	{
		set_err(err, "The header or the length of the binary state is invalid.");
		return RG_MSE_BAD_BINARY;
	}
	ml = get32(buf + 8);
	if ((st = rg_mse_state_init(s, k, (const char *) buf + 12, ml, err)) != RG_MSE_OK)
		return st;
	p = buf + 12 + ml;
	ncell = (size_t) 1 << k;
	for (size_t c = 1; c < ncell; c++, p += 8)
	{
		int64_t		v = (int64_t) get64(p);

		if (v < 0)
		{
			set_err(err, "Cell %zu holds a negative count.", c);
			return RG_MSE_NEGATIVE;
		}
		s->cells[c] = v;
	}
	return RG_MSE_OK;
}

/* ---------------------------------------------------------------------
 * Poisson log-linear fit by IRLS
 * --------------------------------------------------------------------- */

typedef struct Design
{
	int			k;
	size_t		ncell;			/* 2^k */
	int			npairs;
	const uint8_t (*pairs)[2];
	bool		intercept;		/* else the intercept is the fixed offset */
	int			p;				/* number of columns */
} Design;

/* active columns (value 1) of row c; returns how many */
static int
row_active(const Design *d, uint32_t c, int *cols)
{
	int			n = 0,
				base = 0;

	if (d->intercept)
		cols[n++] = base++;
	for (int i = 0; i < d->k; i++)
		if (c & ((uint32_t) 1 << i))
			cols[n++] = base + i;
	base += d->k;
	for (int t = 0; t < d->npairs; t++)
		if ((c & ((uint32_t) 1 << d->pairs[t][0])) && (c & ((uint32_t) 1 << d->pairs[t][1])))
			cols[n++] = base + t;
	return n;
}

typedef struct FitOut
{
	double		deviance;
	double		loglik;
	double		beta0;			/* intercept (when d->intercept) */
	double		se0;			/* its standard error */
	double		last;			/* last coefficient */
	double		se_last;		/* its standard error */
} FitOut;

/*
 * Fit y (cells 1..ncell-1) to the design with fixed offset `offset`
 * added to every linear predictor.  Returns status; out filled on success.
 */
static RgMseStatus
irls(const Design *d, const int64_t *cells, double offset, FitOut *out, char *err)
{
	size_t		ncell = d->ncell;
	int			p = d->p;
	double	   *mu = NULL,
			   *eta = NULL,
			   *A = NULL,
			   *b = NULL,
			   *beta = NULL,
			   *bold = NULL;
	int			cols[1 + RG_MSE_MAX_LISTS + RG_MSE_MAX_PAIRS];
	double		dev = 0,
				devold = HUGE_VAL;
	bool		converged = false;
	RgMseStatus st = RG_MSE_OK;
	int			iter;

	gsl_quiet();
	if ((size_t) p > ncell - 1)
	{
		set_err(err, "The model has %d parameters but the table only %zu observable cells.",
				p, ncell - 1);
		return RG_MSE_SINGULAR;
	}
	mu = malloc(sizeof(double) * ncell);
	eta = malloc(sizeof(double) * ncell);
	A = malloc(sizeof(double) * (size_t) p * p);
	b = malloc(sizeof(double) * p);
	beta = malloc(sizeof(double) * p);
	bold = malloc(sizeof(double) * p);
	if (!mu || !eta || !A || !b || !beta || !bold)
	{
		set_err(err, "Out of memory.");
		st = RG_MSE_NO_MEMORY;
		goto done;
	}
	/* the usual Poisson start: mu = y + 0.1 */
	for (size_t c = 1; c < ncell; c++)
	{
		mu[c] = (double) cells[c] + 0.1;
		eta[c] = log(mu[c]);
	}
	for (iter = 0; iter < MAX_ITER; iter++)
	{
		gsl_matrix_view Av = gsl_matrix_view_array(A, p, p);
		gsl_vector_view bv = gsl_vector_view_array(b, p);
		gsl_vector_view xv = gsl_vector_view_array(beta, p);
		double		dmax = 0;

		if (rg_mse_interrupt_hook && rg_mse_interrupt_hook())
		{
			set_err(err, "The fit was interrupted.");
			st = RG_MSE_INTERRUPTED;
			goto done;
		}
		memset(A, 0, sizeof(double) * (size_t) p * p);
		memset(b, 0, sizeof(double) * p);
		for (size_t c = 1; c < ncell; c++)
		{
			double		w = mu[c];
			double		z = eta[c] - offset + ((double) cells[c] - mu[c]) / mu[c];
			int			n = row_active(d, (uint32_t) c, cols);

			for (int a = 0; a < n; a++)
			{
				b[cols[a]] += w * z;
				for (int e = a; e < n; e++)
					A[cols[a] * p + cols[e]] += w;
			}
		}
		for (int a = 0; a < p; a++)
			for (int e = 0; e < a; e++)
				A[a * p + e] = A[e * p + a];
		memcpy(bold, beta, sizeof(double) * p);
		if (gsl_linalg_cholesky_decomp1(&Av.matrix) != GSL_SUCCESS ||
			gsl_linalg_cholesky_solve(&Av.matrix, &bv.vector, &xv.vector) != GSL_SUCCESS)
		{
			if (iter == 0)
				set_err(err, "The information matrix of the model is singular: some parameter cannot be estimated from these data.");
			else
				set_err(err, "The information matrix became singular during the fit: the maximum likelihood estimate does not exist for these data.");
			st = RG_MSE_SINGULAR;
			goto done;
		}
		dev = 0;
		for (size_t c = 1; c < ncell; c++)
		{
			int			n = row_active(d, (uint32_t) c, cols);
			double		y = (double) cells[c];
			double		e = offset;

			for (int a = 0; a < n; a++)
				e += beta[cols[a]];
			eta[c] = e;
			mu[c] = exp(e);
			if (!isfinite(e) || !isfinite(mu[c]) || mu[c] <= 0)
			{
				set_err(err, "A fitted count became infinite or zero: the maximum likelihood estimate does not exist for these data.");
				st = RG_MSE_NOT_CONVERGED;
				goto done;
			}
			dev += (y > 0 ? y * log(y / mu[c]) : 0) - (y - mu[c]);
		}
		dev *= 2;
		for (int a = 0; a < p; a++)
		{
			double		delta = fabs(beta[a] - bold[a]) / (1 + fabs(beta[a]));

			if (!isfinite(beta[a]))
				dmax = HUGE_VAL;
			else if (delta > dmax)
				dmax = delta;
		}
		if (!isfinite(dev))
		{
			set_err(err, "The deviance became infinite.");
			st = RG_MSE_NOT_CONVERGED;
			goto done;
		}
		if (iter > 0 && fabs(dev - devold) / (fabs(dev) + 0.1) < DEV_TOL && dmax < BETA_TOL)
		{
			converged = true;
			break;
		}
		devold = dev;
	}
	if (!converged)
	{
		set_err(err, "The iterative fit did not converge in %d iterations: the maximum likelihood estimate does not exist for these data (for example, the unobserved count is infinite).",
				MAX_ITER);
		st = RG_MSE_NOT_CONVERGED;
		goto done;
	}
	/* covariance: inverse of X'WX at the final fitted values */
	{
		gsl_matrix_view Av = gsl_matrix_view_array(A, p, p);
		double		ll = 0;

		memset(A, 0, sizeof(double) * (size_t) p * p);
		for (size_t c = 1; c < ncell; c++)
		{
			int			n = row_active(d, (uint32_t) c, cols);
			double		y = (double) cells[c];

			for (int a = 0; a < n; a++)
				for (int e = a; e < n; e++)
					A[cols[a] * p + cols[e]] += mu[c];
			ll += y * eta[c] - mu[c] - lgamma(y + 1);
		}
		for (int a = 0; a < p; a++)
			for (int e = 0; e < a; e++)
				A[a * p + e] = A[e * p + a];
		if (gsl_linalg_cholesky_decomp1(&Av.matrix) != GSL_SUCCESS ||
			gsl_linalg_cholesky_invert(&Av.matrix) != GSL_SUCCESS)
		{
			set_err(err, "The information matrix of the model is singular: some parameter cannot be estimated from these data.");
			st = RG_MSE_SINGULAR;
			goto done;
		}
		out->deviance = dev;
		out->loglik = ll;
		out->beta0 = d->intercept ? beta[0] : offset;
		out->se0 = d->intercept ? sqrt(A[0]) : 0;
		out->last = beta[p - 1];
		out->se_last = sqrt(A[(size_t) (p - 1) * p + (p - 1)]);
		if (!isfinite(out->loglik) || !isfinite(out->se0) || !isfinite(out->se_last) ||
			!(out->se_last > 0))
		{
			set_err(err, "The fitted model has an infinite or undefined standard error.");
			st = RG_MSE_NOT_FINITE;
			goto done;
		}
	}
done:
	free(mu);
	free(eta);
	free(A);
	free(b);
	free(beta);
	free(bold);
	return st;
}

static bool
overlaps(const int64_t *cells, size_t ncell, int i, int j)
{
	uint32_t	both = ((uint32_t) 1 << i) | ((uint32_t) 1 << j);

	for (size_t c = 1; c < ncell; c++)
		if ((c & both) == both && cells[c] > 0)
			return true;
	return false;
}

static void
design_init(Design *d, int k, const uint8_t (*pairs)[2], int npairs, bool intercept)
{
	d->k = k;
	d->ncell = (size_t) 1 << k;
	d->npairs = npairs;
	d->pairs = pairs;
	d->intercept = intercept;
	d->p = (intercept ? 1 : 0) + k + npairs;
}

size_t
rg_mse_result_size(int k)
{
	if (k < 1 || k > RG_MSE_MAX_LISTS)
		k = 1;
	return sizeof(RgMseResult) + sizeof(int64_t) * ((size_t) 1 << k);
}

static RgMseStatus
fill_result(RgMseResult *r, const Design *d, const FitOut *f, char *err)
{
	r->unobserved = exp(f->beta0);
	r->deviance = f->deviance;
	r->aic = -2 * f->loglik + 2 * d->p;
	r->intercept = f->beta0;
	r->intercept_se = f->se0;
	if (!isfinite(r->unobserved) || !isfinite(r->aic) || !isfinite(r->deviance) ||
		r->unobserved + (double) r->observed > 1e18)
	{
		set_err(err, "The estimated unobserved count is infinite or too large to be meaningful.");
		return RG_MSE_NOT_FINITE;
	}
	return RG_MSE_OK;
}

RgMseStatus
rg_mse_fit(const int64_t *cells, int k, const RgMseModel *model,
		   RgMseResult *r, char *err)
{
	size_t		ncell;
	int64_t		total = 0;
	Design		d;
	FitOut		f;
	RgMseStatus st;

	if ((st = check_k(k, err)) != RG_MSE_OK)
		return st;
	ncell = (size_t) 1 << k;
	for (size_t c = 1; c < ncell; c++)
	{
		if (cells[c] < 0)
		{
			set_err(err, "Cell %zu holds a negative count.", c);
			return RG_MSE_NEGATIVE;
		}
		if (__builtin_add_overflow(total, cells[c], &total))
		{
			set_err(err, "The total number of people observed exceeds the bigint range.");
			return RG_MSE_OVERFLOW;
		}
	}
	if (total == 0)
	{
		set_err(err, "Every capture pattern has a count of zero.");
		return RG_MSE_NO_DATA;
	}
	memset(r, 0, sizeof(RgMseResult));
	r->k = k;
	r->observed = total;
	r->cells[0] = 0;
	memcpy(r->cells + 1, cells + 1, sizeof(int64_t) * (ncell - 1));

	if (k == 2 && !overlaps(cells, ncell, 0, 1))
	{
		set_err(err, "The two lists share no observed individual, so the estimate of the unobserved count is infinite.");
		return RG_MSE_NOT_FINITE;
	}
	if (model->kind == RG_MSE_EXPLICIT)
	{
		for (int t = 0; t < model->npairs; t++)
		{
			if (model->pairs[t][0] >= k || model->pairs[t][1] >= k ||
				model->pairs[t][0] >= model->pairs[t][1])
			{
				set_err(err, "An interaction refers to a list outside 1 .. %d.", k);
				return RG_MSE_BAD_MODEL;
			}
			if (!overlaps(cells, ncell, model->pairs[t][0], model->pairs[t][1]))
			{
				set_err(err, "Lists %d and %d share no observed individual, so the interaction %d:%d would be minus infinity.",
						model->pairs[t][0] + 1, model->pairs[t][1] + 1,
						model->pairs[t][0] + 1, model->pairs[t][1] + 1);
				return RG_MSE_NO_OVERLAP;
			}
			r->pairs[t][0] = model->pairs[t][0];
			r->pairs[t][1] = model->pairs[t][1];
		}
		r->npairs = model->npairs;
	}
	design_init(&d, k, (const uint8_t (*)[2]) r->pairs, r->npairs, true);
	if ((st = irls(&d, r->cells, 0, &f, err)) != RG_MSE_OK)
		return st;

	if (model->kind == RG_MSE_STEPWISE)
	{
		bool		used[RG_MSE_MAX_LISTS][RG_MSE_MAX_LISTS];

		memset(used, 0, sizeof(used));
		for (;;)
		{
			int			bi = -1,
						bj = -1;
			double		best_aic = HUGE_VAL;
			FitOut		best;
			double		cur_aic = -2 * f.loglik + 2 * d.p;

			for (int i = 0; i < k; i++)
				for (int j = i + 1; j < k; j++)
				{
					FitOut		g;
					Design		dc;
					double		aic;

					if (used[i][j] || !overlaps(cells, ncell, i, j))
						continue;
					r->pairs[r->npairs][0] = (uint8_t) i;
					r->pairs[r->npairs][1] = (uint8_t) j;
					design_init(&dc, k, (const uint8_t (*)[2]) r->pairs, r->npairs + 1, true);
					st = irls(&dc, r->cells, 0, &g, NULL);
					if (st == RG_MSE_INTERRUPTED || st == RG_MSE_NO_MEMORY)
					{
						set_err(err, st == RG_MSE_INTERRUPTED ? "The fit was interrupted." : "Out of memory.");
						return st;
					}
					if (st != RG_MSE_OK)
						continue;	/* a candidate that cannot be fitted is not a candidate */
					aic = -2 * g.loglik + 2 * dc.p;
					if (aic < best_aic)
					{
						best_aic = aic;
						best = g;
						bi = i;
						bj = j;
					}
				}
			if (bi < 0 || !(best_aic < cur_aic))
				break;
			/* Wald p-value of the new term, two-sided */
			if (2 * pnorm(-fabs(best.last / best.se_last), 0.0, 1.0, 1, 0) > P_THRESHOLD)
				break;
			r->pairs[r->npairs][0] = (uint8_t) bi;
			r->pairs[r->npairs][1] = (uint8_t) bj;
			r->npairs++;
			used[bi][bj] = true;
			design_init(&d, k, (const uint8_t (*)[2]) r->pairs, r->npairs, true);
			f = best;
		}
	}
	/* clear the slots the stepwise search used for candidates */
	memset(r->pairs[r->npairs], 0, sizeof(r->pairs[0]) * (size_t) (RG_MSE_MAX_PAIRS - r->npairs));
	return fill_result(r, &d, &f, err);
}

double
rg_mse_estimate(const RgMseResult *r)
{
	return (double) r->observed + r->unobserved;
}

/* profile deviance excess at log unobserved = t */
static RgMseStatus
profile_excess(const RgMseResult *r, double t, double crit, double *g, char *err)
{
	Design		d;
	FitOut		f;
	RgMseStatus st;

	design_init(&d, r->k, (const uint8_t (*)[2]) r->pairs, r->npairs, false);
	if ((st = irls(&d, r->cells, t, &f, err)) != RG_MSE_OK)
		return st;
	*g = f.deviance - r->deviance - crit;
	return RG_MSE_OK;
}

static RgMseStatus
profile_side(const RgMseResult *r, double dir, double crit, double *limit, char *err)
{
	double		t0 = r->intercept;
	double		step = r->intercept_se > 1e-3 ? r->intercept_se : 1e-3;
	double		inside = t0,
				outside,
				g;
	RgMseStatus st;

	/* bracket: march outwards doubling the step */
	for (;;)
	{
		outside = t0 + dir * step;
		if ((st = profile_excess(r, outside, crit, &g, err)) != RG_MSE_OK)
			return st;
		if (g > 0)
			break;
		inside = outside;
		step *= 2;
		if (step > PROFILE_SPAN)
		{
			set_err(err, "The profile likelihood stays within the %s limit for every %s unobserved count searched.",
					dir > 0 ? "upper" : "lower", dir > 0 ? "larger" : "smaller");
			return RG_MSE_UNBOUNDED;
		}
	}
	/* bisection on the convex profile: inside has g <= 0, outside g > 0 */
	for (int it = 0; it < 200 && fabs(outside - inside) > 1e-12 * (1 + fabs(inside)); it++)
	{
		double		mid = 0.5 * (inside + outside);

		if ((st = profile_excess(r, mid, crit, &g, err)) != RG_MSE_OK)
			return st;
		if (g > 0)
			outside = mid;
		else
			inside = mid;
	}
	*limit = 0.5 * (inside + outside);
	return RG_MSE_OK;
}

RgMseStatus
rg_mse_profile_limit(const RgMseResult *r, double level, int side,
					 double *limit, char *err)
{
	double		crit,
				t;
	RgMseStatus st;

	if (!(level > 0 && level < 1))
	{
		set_err(err, "The confidence level must lie strictly between 0 and 1.");
		return RG_MSE_BAD_LEVEL;
	}
	crit = qchisq(level, 1.0, 1, 0);
	if (!isfinite(crit) || crit <= 0)
	{
		set_err(err, "The confidence level is too close to 0 or 1.");
		return RG_MSE_BAD_LEVEL;
	}
	if ((st = profile_side(r, side < 0 ? -1 : 1, crit, &t, err)) != RG_MSE_OK)
		return st;
	*limit = (double) r->observed + exp(t);
	if (!isfinite(*limit))
	{
		set_err(err, "A limit of the interval is infinite.");
		return RG_MSE_UNBOUNDED;
	}
	return RG_MSE_OK;
}

RgMseStatus
rg_mse_profile_interval(const RgMseResult *r, double level, double *lower,
						double *upper, char *err)
{
	RgMseStatus st;

	if ((st = rg_mse_profile_limit(r, level, -1, lower, err)) != RG_MSE_OK)
		return st;
	return rg_mse_profile_limit(r, level, 1, upper, err);
}

int
rg_mse_model_format(const RgMseResult *r, char *buf, size_t buflen)
{
	size_t		n = 0;

	n += (size_t) snprintf(buf + n, n < buflen ? buflen - n : 0, "[");
	for (int t = 0; t < r->npairs; t++)
		n += (size_t) snprintf(buf + n, n < buflen ? buflen - n : 0, "%s%d:%d",
							   t ? ", " : "", r->pairs[t][0] + 1, r->pairs[t][1] + 1);
	n += (size_t) snprintf(buf + n, n < buflen ? buflen - n : 0, "]");
	return (int) n;
}

/* ---------------------------------------------------------------------
 * Binary form of a summary
 * --------------------------------------------------------------------- */

#define RESULT_FIXED 12		/* magic, k, npairs */
#define RESULT_DOUBLES 5

size_t
rg_mse_result_wire_size(const RgMseResult *r)
{
	return RESULT_FIXED + 2 * (size_t) r->npairs + 8 * RESULT_DOUBLES +
		8 * (((size_t) 1 << r->k) - 1);
}

void
rg_mse_result_encode(const RgMseResult *r, unsigned char *buf)
{
	unsigned char *p = buf;
	size_t		ncell = (size_t) 1 << r->k;

	memcpy(p, "MSR1", 4);
	put32(p + 4, (uint32_t) r->k);
	put32(p + 8, (uint32_t) r->npairs);
	p += RESULT_FIXED;
	for (int t = 0; t < r->npairs; t++)
	{
		*p++ = r->pairs[t][0];
		*p++ = r->pairs[t][1];
	}
	putd(p, r->unobserved);
	putd(p + 8, r->aic);
	putd(p + 16, r->deviance);
	putd(p + 24, r->intercept);
	putd(p + 32, r->intercept_se);
	p += 8 * RESULT_DOUBLES;
	for (size_t c = 1; c < ncell; c++, p += 8)
		put64(p, (uint64_t) r->cells[c]);
}

RgMseStatus
rg_mse_result_peek(const unsigned char *buf, size_t len, int *k)
{
	uint32_t	kk,
				np;

	if (len < RESULT_FIXED || memcmp(buf, "MSR1", 4) != 0)
		return RG_MSE_BAD_BINARY;
	kk = get32(buf + 4);
	np = get32(buf + 8);
	if (kk < 2 || kk > RG_MSE_MAX_LISTS || np > kk * (kk - 1) / 2)
		return RG_MSE_BAD_BINARY;
	if (len != RESULT_FIXED + 2 * (size_t) np + 8 * RESULT_DOUBLES +
		8 * (((size_t) 1 << kk) - 1))
		return RG_MSE_BAD_BINARY;
	*k = (int) kk;
	return RG_MSE_OK;
}

/* structural checks shared by the binary and text decoders */
static RgMseStatus
check_result(RgMseResult *r, char *err)
{
	size_t		ncell = (size_t) 1 << r->k;
	bool		seen[RG_MSE_MAX_LISTS][RG_MSE_MAX_LISTS];
	int64_t		total = 0;

	memset(seen, 0, sizeof(seen));
	for (int t = 0; t < r->npairs; t++)
	{
		int			a = r->pairs[t][0],
					b = r->pairs[t][1];

		if (a >= b || b >= r->k)
		{
			set_err(err, "Interaction %d holds an invalid pair of lists.", t + 1);
			return RG_MSE_BAD_MODEL;
		}
		if (seen[a][b])
		{
			set_err(err, "Interaction %d:%d appears more than once.", a + 1, b + 1);
			return RG_MSE_BAD_MODEL;
		}
		seen[a][b] = true;
	}
	r->cells[0] = 0;
	for (size_t c = 1; c < ncell; c++)
	{
		if (r->cells[c] < 0)
		{
			set_err(err, "Cell %zu holds a negative count.", c);
			return RG_MSE_NEGATIVE;
		}
		if (__builtin_add_overflow(total, r->cells[c], &total))
		{
			set_err(err, "The total count exceeds the bigint range.");
			return RG_MSE_OVERFLOW;
		}
	}
	if (total == 0)
	{
		set_err(err, "Every capture pattern has a count of zero.");
		return RG_MSE_NO_DATA;
	}
	r->observed = total;
	if (!isfinite(r->unobserved) || !(r->unobserved >= 0) || !isfinite(r->aic) ||
		!isfinite(r->deviance) || !isfinite(r->intercept) ||
		!isfinite(r->intercept_se) || !(r->intercept_se >= 0))
	{
		set_err(err, "A stored figure is not a finite number in range.");
		return RG_MSE_NOT_FINITE;
	}
	return RG_MSE_OK;
}

RgMseStatus
rg_mse_result_decode(const unsigned char *buf, size_t len, RgMseResult *r,
					 char *err)
{
	int			k;
	const unsigned char *p;
	size_t		ncell;

	if (rg_mse_result_peek(buf, len, &k) != RG_MSE_OK)
	{
		set_err(err, "The header or the length of the binary summary is invalid.");
		return RG_MSE_BAD_BINARY;
	}
	memset(r, 0, rg_mse_result_size(k));
	r->k = k;
	r->npairs = (int32_t) get32(buf + 8);
	p = buf + RESULT_FIXED;
	for (int t = 0; t < r->npairs; t++)
	{
		r->pairs[t][0] = *p++;
		r->pairs[t][1] = *p++;
	}
	r->unobserved = getd(p);
	r->aic = getd(p + 8);
	r->deviance = getd(p + 16);
	r->intercept = getd(p + 24);
	r->intercept_se = getd(p + 32);
	p += 8 * RESULT_DOUBLES;
	ncell = (size_t) 1 << k;
	for (size_t c = 1; c < ncell; c++, p += 8)
		r->cells[c] = (int64_t) get64(p);
	return check_result(r, err);
}

static bool
close_rel(double a, double b, double tol)
{
	return fabs(a - b) <= tol * fmax(1.0, fmax(fabs(a), fabs(b)));
}

RgMseStatus
rg_mse_result_verify(const RgMseResult *r, char *err)
{
	RgMseModel	m;
	RgMseResult *f;
	RgMseStatus st;

	f = malloc(rg_mse_result_size(r->k));
	if (f == NULL)
	{
		set_err(err, "Out of memory.");
		return RG_MSE_NO_MEMORY;
	}
	memset(&m, 0, sizeof(m));
	m.kind = RG_MSE_EXPLICIT;
	m.npairs = r->npairs;
	memcpy(m.pairs, r->pairs, sizeof(r->pairs[0]) * (size_t) r->npairs);
	st = rg_mse_fit(r->cells, r->k, &m, f, err);
	if (st == RG_MSE_OK &&
		!(f->observed == r->observed &&
		  close_rel(f->unobserved, r->unobserved, VERIFY_TOL) &&
		  close_rel(f->aic, r->aic, VERIFY_TOL) &&
		  close_rel(f->deviance, r->deviance, VERIFY_TOL) &&
		  close_rel(f->intercept, r->intercept, VERIFY_TOL) &&
		  close_rel(f->intercept_se, r->intercept_se, VERIFY_TOL)))
	{
		set_err(err, "The stored figures do not match a refit of the stored model to the stored counts (unobserved %.15g against %.15g).",
				r->unobserved, f->unobserved);
		st = RG_MSE_INCONSISTENT;
	}
	free(f);
	return st;
}

/* ---------------------------------------------------------------------
 * Text form of a summary
 * --------------------------------------------------------------------- */

size_t
rg_mse_result_text_size(int k)
{
	if (k < 1 || k > RG_MSE_MAX_LISTS)
		k = RG_MSE_MAX_LISTS;
	return 256 + 24 * (size_t) RG_MSE_MAX_PAIRS + 5 * 32 +
		22 * ((size_t) 1 << k);
}

int
rg_mse_result_format(const RgMseResult *r, char *buf, size_t buflen)
{
	size_t		n = 0;
	size_t		ncell = (size_t) 1 << r->k;

#define ADD(...) (n += (size_t) snprintf(buf + n, n < buflen ? buflen - n : 0, __VA_ARGS__))
	ADD("(lists=%d, model=", r->k);
	n += (size_t) rg_mse_model_format(r, buf + n, n < buflen ? buflen - n : 0);
	ADD(", observed=%" PRId64 ", unobserved=%.15g, estimate=%.15g, aic=%.15g, counts=[",
		r->observed, r->unobserved, rg_mse_estimate(r), r->aic);
	for (size_t c = 1; c < ncell; c++)
		ADD("%s%" PRId64, c > 1 ? ", " : "", r->cells[c]);
	ADD("])");
#undef ADD
	return (int) n;
}

typedef struct Lexer
{
	const char *s;
	size_t		i;
	char	   *err;
} Lexer;

static void
lx_ws(Lexer *l)
{
	while (isspace((unsigned char) l->s[l->i]))
		l->i++;
}

static bool
lx_lit(Lexer *l, const char *lit)
{
	size_t		n = strlen(lit);

	lx_ws(l);
	if (strncmp(l->s + l->i, lit, n) != 0)
	{
		set_err(l->err, "At character %zu: expected \"%s\".", l->i + 1, lit);
		return false;
	}
	l->i += n;
	return true;
}

static bool
lx_int(Lexer *l, int64_t *v)
{
	char	   *end;
	long long	x;

	lx_ws(l);
	if (!isdigit((unsigned char) l->s[l->i]) && l->s[l->i] != '-')
	{
		set_err(l->err, "At character %zu: expected an integer.", l->i + 1);
		return false;
	}
	errno = 0;
	x = strtoll(l->s + l->i, &end, 10);
	if (errno != 0 || end == l->s + l->i)
	{
		set_err(l->err, "At character %zu: integer out of range.", l->i + 1);
		return false;
	}
	l->i = (size_t) (end - l->s);
	*v = (int64_t) x;
	return true;
}

static bool
lx_double(Lexer *l, double *v)
{
	char	   *end;
	const char *p;

	lx_ws(l);
	p = l->s + l->i;
	/* only plain decimal numbers: no inf, nan or hexadecimal */
	if (!(isdigit((unsigned char) p[0]) || ((p[0] == '-' || p[0] == '+') && isdigit((unsigned char) p[1]))))
	{
		set_err(l->err, "At character %zu: expected a number.", l->i + 1);
		return false;
	}
	errno = 0;
	*v = strtod(p, &end);
	if (end == p || errno != 0 || !isfinite(*v))
	{
		set_err(l->err, "At character %zu: number out of range.", l->i + 1);
		return false;
	}
	for (const char *q = p; q < end; q++)
		if (!isdigit((unsigned char) *q) && strchr(".eE+-", *q) == NULL)
		{
			set_err(l->err, "At character %zu: expected a decimal number.", l->i + 1);
			return false;
		}
	l->i = (size_t) (end - l->s);
	return true;
}

RgMseStatus
rg_mse_result_text_peek(const char *s, int *k)
{
	Lexer		l = {s, 0, NULL};
	int64_t		v;

	if (!lx_lit(&l, "(") || !lx_lit(&l, "lists") || !lx_lit(&l, "=") || !lx_int(&l, &v))
		return RG_MSE_SYNTAX;
	if (v < 2 || v > RG_MSE_MAX_LISTS)
		return v < 2 ? RG_MSE_TOO_FEW_LISTS : RG_MSE_TOO_MANY_LISTS;
	*k = (int) v;
	return RG_MSE_OK;
}

RgMseStatus
rg_mse_result_parse(const char *s, RgMseResult *r, char *err)
{
	Lexer		l = {s, 0, err};
	int64_t		v,
				observed;
	double		unobserved,
				estimate,
				aic;
	int			k;
	size_t		mstart,
				mend,
				ncell;
	RgMseModel	m;
	RgMseResult *f = NULL;
	RgMseStatus st;

	if (!lx_lit(&l, "(") || !lx_lit(&l, "lists") || !lx_lit(&l, "=") || !lx_int(&l, &v))
		return RG_MSE_SYNTAX;
	if (v < 2 || v > RG_MSE_MAX_LISTS)
		return check_k(v < 0 ? 0 : (v > RG_MSE_MAX_LISTS ? RG_MSE_MAX_LISTS + 1 : (int) v), err);
	k = (int) v;
	if (!lx_lit(&l, ",") || !lx_lit(&l, "model") || !lx_lit(&l, "=") || !lx_lit(&l, "["))
		return RG_MSE_SYNTAX;
	mstart = l.i - 1;
	while (s[l.i] != '\0' && s[l.i] != ']')
		l.i++;
	if (s[l.i] != ']')
	{
		set_err(err, "The model has no closing \"]\".");
		return RG_MSE_SYNTAX;
	}
	l.i++;
	mend = l.i;
	if ((st = rg_mse_model_parse(s + mstart, mend - mstart, k, &m, err)) != RG_MSE_OK)
		return st;
	if (!lx_lit(&l, ",") || !lx_lit(&l, "observed") || !lx_lit(&l, "=") || !lx_int(&l, &observed) ||
		!lx_lit(&l, ",") || !lx_lit(&l, "unobserved") || !lx_lit(&l, "=") || !lx_double(&l, &unobserved) ||
		!lx_lit(&l, ",") || !lx_lit(&l, "estimate") || !lx_lit(&l, "=") || !lx_double(&l, &estimate) ||
		!lx_lit(&l, ",") || !lx_lit(&l, "aic") || !lx_lit(&l, "=") || !lx_double(&l, &aic) ||
		!lx_lit(&l, ",") || !lx_lit(&l, "counts") || !lx_lit(&l, "=") || !lx_lit(&l, "["))
		return RG_MSE_SYNTAX;
	ncell = (size_t) 1 << k;
	memset(r, 0, rg_mse_result_size(k));
	for (size_t c = 1; c < ncell; c++)
	{
		if ((c > 1 && !lx_lit(&l, ",")) || !lx_int(&l, &r->cells[c]))
			return RG_MSE_SYNTAX;
	}
	if (!lx_lit(&l, "]") || !lx_lit(&l, ")"))
	{
		set_err(err, "At character %zu: expected \"])\" after %zu counts (2^%d - 1).",
				l.i + 1, ncell - 1, k);
		return RG_MSE_SYNTAX;
	}
	lx_ws(&l);
	if (s[l.i] != '\0')
	{
		set_err(err, "At character %zu: unexpected text after the closing \")\".", l.i + 1);
		return RG_MSE_SYNTAX;
	}
	f = malloc(rg_mse_result_size(k));
	if (f == NULL)
	{
		set_err(err, "Out of memory.");
		return RG_MSE_NO_MEMORY;
	}
	st = rg_mse_fit(r->cells, k, &m, f, err);
	if (st == RG_MSE_OK)
	{
		if (f->observed != observed)
		{
			set_err(err, "observed is %" PRId64 " but the counts add up to %" PRId64 ".",
					observed, f->observed);
			st = RG_MSE_INCONSISTENT;
		}
		else if (!close_rel(f->unobserved, unobserved, VERIFY_TOL) ||
				 !close_rel(rg_mse_estimate(f), estimate, VERIFY_TOL) ||
				 !close_rel(f->aic, aic, VERIFY_TOL))
		{
			set_err(err, "The figures given do not match a refit of the model to the counts (unobserved %.15g, estimate %.15g, aic %.15g).",
					f->unobserved, rg_mse_estimate(f), f->aic);
			st = RG_MSE_INCONSISTENT;
		}
		else
			memcpy(r, f, rg_mse_result_size(k));
	}
	free(f);
	return st;
}

/* ---------------------------------------------------------------------
 * Chapman
 * --------------------------------------------------------------------- */

RgMseStatus
rg_chapman(int64_t n1, int64_t n2, int64_t m, double *estimate, double *variance)
{
	double		a,
				b,
				c;

	if (n1 < 0 || n2 < 0 || m < 0)
		return RG_MSE_NEGATIVE;
	if (m > n1 || m > n2)
		return RG_MSE_INCONSISTENT;
	a = (double) n1 + 1;
	b = (double) n2 + 1;
	c = (double) m + 1;
	*estimate = a * b / c - 1;
	*variance = a * b * ((double) (n1 - m)) * ((double) (n2 - m)) / (c * c * (c + 1));
	if (!isfinite(*estimate) || !isfinite(*variance))
		return RG_MSE_NOT_FINITE;
	return RG_MSE_OK;
}
