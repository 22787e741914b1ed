/*
 * mse_wire.c - multiple systems estimation: the binary form of the
 * aggregate state, the binary (and on-disk) and text forms of the fitted
 * summary, and the summary's identity for equality and hashing.
 *
 * Decoding checks the structure only; the input functions then check the
 * figures against the counts (mse_verify.c), without choosing the model
 * again.
 */
#include "mse_internal.h"

#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <math.h>
#include <stdlib.h>

/* ---------------------------------------------------------------------
 * State
 * --------------------------------------------------------------------- */

static size_t
names_wire_size(int nnames, const char (*names)[RG_MSE_NAME_MAX + 1])
{
	size_t		n = 0;

	for (int i = 0; i < nnames; i++)
		n += 1 + strlen(names[i]);
	return n;
}

static unsigned char *
put_names(unsigned char *p, int nnames, const char (*names)[RG_MSE_NAME_MAX + 1])
{
	for (int i = 0; i < nnames; i++)
	{
		size_t		l = strlen(names[i]);

		*p++ = (unsigned char) l;
		memcpy(p, names[i], l);
		p += l;
	}
	return p;
}

/*
 * Read nnames names from p (end at e) into names, checking each; returns
 * the position after them, or NULL.
 */
static const unsigned char *
get_names(const unsigned char *p, const unsigned char *e, int nnames,
		  char (*names)[RG_MSE_NAME_MAX + 1], char *err)
{
	memset(names, 0, sizeof(char[RG_MSE_NAME_MAX + 1]) * RG_MSE_MAX_LISTS);
	for (int i = 0; i < nnames; i++)
	{
		size_t		l;

		if (p >= e || (size_t) (e - p) < 1 + (size_t) *p)
		{
			rg_mse_set_err(err, "The list names run past the end.");
			return NULL;
		}
		l = *p++;
		if (rg_mse_name_check((const char *) p, l, err) != RG_MSE_OK)
			return NULL;
		memcpy(names[i], p, l);
		for (int j = 0; j < i; j++)
			if (strcmp(names[i], names[j]) == 0)
			{
				rg_mse_set_err(err, "The list name \"%s\" appears twice.", names[i]);
				return NULL;
			}
		p += l;
	}
	return p;
}

#define STATE_FIXED 12			/* magic, k, model_len */

size_t
rg_mse_state_wire_size(const RgMseState *s)
{
	return STATE_FIXED + (size_t) s->model_len + 8 + 4 +
		names_wire_size(s->nnames, (const char (*)[RG_MSE_NAME_MAX + 1]) s->names) +
		8 * (((size_t) 1 << s->k) - 1);
}

void
rg_mse_state_encode(const RgMseState *s, unsigned char *buf)
{
	unsigned char *p = buf;
	size_t		ncell = (size_t) 1 << s->k;

	memcpy(p, "MSA2", 4);
	rg_put32(p + 4, (uint32_t) s->k);
	rg_put32(p + 8, (uint32_t) s->model_len);
	p += STATE_FIXED;
	memcpy(p, s->model, (size_t) s->model_len);
	p += s->model_len;
	rg_putd(p, s->p_threshold);
	rg_put32(p + 8, (uint32_t) s->nnames);
	p = put_names(p + 12, s->nnames, (const char (*)[RG_MSE_NAME_MAX + 1]) s->names);
	for (size_t c = 1; c < ncell; c++, p += 8)
		rg_put64(p, (uint64_t) s->cells[c]);
}

RgMseStatus
rg_mse_state_peek(const unsigned char *buf, size_t len, int *k)
{
	uint32_t	kk,
				ml;

	if (len < STATE_FIXED || memcmp(buf, "MSA2", 4) != 0)
		return RG_MSE_BAD_BINARY;
	kk = rg_get32(buf + 4);
	ml = rg_get32(buf + 8);
	if (kk < 2 || kk > RG_MSE_MAX_LISTS || ml > RG_MSE_MODEL_MAX)
		return RG_MSE_BAD_BINARY;
	/* the names vary in length: the decoder checks the exact length */
	if (len < STATE_FIXED + (size_t) ml + 12 + 8 * (((size_t) 1 << kk) - 1))
		return RG_MSE_BAD_BINARY;
	*k = (int) kk;
	return RG_MSE_OK;
}

RgMseStatus
rg_mse_state_decode(const unsigned char *buf, size_t len, RgMseState *s,
					char *err)
{
	int			k;
	uint32_t	ml,
				nn;
	const unsigned char *p,
			   *e = buf + len;
	RgMseStatus st;
	size_t		ncell;
	double		pt;

	if (rg_mse_state_peek(buf, len, &k) != RG_MSE_OK)
	{
		rg_mse_set_err(err, "The header or the length of the binary state is invalid.");
		return RG_MSE_BAD_BINARY;
	}
	ml = rg_get32(buf + 8);
	if ((st = rg_mse_state_init(s, k, (const char *) buf + STATE_FIXED, ml, err)) != RG_MSE_OK)
		return st;
	p = buf + STATE_FIXED + ml;
	pt = rg_getd(p);
	nn = rg_get32(p + 8);
	if (!(pt > 0 && pt <= 1) || (nn != 0 && nn != (uint32_t) k))
	{
		rg_mse_set_err(err, "The threshold or the number of list names of the binary state is invalid.");
		return RG_MSE_BAD_BINARY;
	}
	s->p_threshold = pt;
	s->nnames = (int32_t) nn;
	p = get_names(p + 12, e, (int) nn, s->names, err);
	ncell = (size_t) 1 << k;
	if (p == NULL || (size_t) (e - p) != 8 * (ncell - 1))
	{
		if (p != NULL)
			rg_mse_set_err(err, "The length of the binary state is invalid.");
		return RG_MSE_BAD_BINARY;
	}
	for (size_t c = 1; c < ncell; c++, p += 8)
	{
		int64_t		v = (int64_t) rg_get64(p);

		if (v < 0)
		{
			rg_mse_set_err(err, "Cell %zu holds a negative count.", c);
			return RG_MSE_NEGATIVE;
		}
		s->cells[c] = v;
	}
	return RG_MSE_OK;
}

/* ---------------------------------------------------------------------
 * Binary form of a summary
 * --------------------------------------------------------------------- */

#define V1_FIXED 12				/* "MSR1", k, npairs */
#define V2_FIXED 24				/* "MSR2", k, npairs, status, flags, nnames */
#define RESULT_DOUBLES 5

size_t
rg_mse_result_wire_size(const RgMseResult *r)
{
	return V2_FIXED + 2 * (size_t) r->npairs + 8 * RESULT_DOUBLES +
		8 * (((size_t) 1 << r->k) - 1) +
		names_wire_size(r->nnames, (const char (*)[RG_MSE_NAME_MAX + 1]) r->names);
}

static void
encode(const RgMseResult *r, unsigned char *buf, bool identity)
{
	unsigned char *p = buf;
	size_t		ncell = (size_t) 1 << r->k;

	memcpy(p, "MSR2", 4);
	rg_put32(p + 4, (uint32_t) r->k);
	rg_put32(p + 8, (uint32_t) r->npairs);
	rg_put32(p + 12, (uint32_t) r->status);
	rg_put32(p + 16, (uint32_t) r->flags);
	rg_put32(p + 20, (uint32_t) r->nnames);
	p += V2_FIXED;
	for (int t = 0; t < r->npairs; t++)
	{
		*p++ = r->pairs[t][0];
		*p++ = r->pairs[t][1];
	}
	/* the identity keeps every printed figure; the intercept is not printed */
	rg_putd(p, r->unobserved);
	rg_putd(p + 8, r->aic);
	rg_putd(p + 16, r->deviance);
	rg_putd(p + 24, identity ? 0 : r->intercept);
	rg_putd(p + 32, r->intercept_se);
	p += 8 * RESULT_DOUBLES;
	for (size_t c = 1; c < ncell; c++, p += 8)
		rg_put64(p, (uint64_t) r->cells[c]);
	put_names(p, r->nnames, (const char (*)[RG_MSE_NAME_MAX + 1]) r->names);
}

void
rg_mse_result_encode(const RgMseResult *r, unsigned char *buf)
{
	encode(r, buf, false);
}

size_t
rg_mse_result_identity_size(const RgMseResult *r)
{
	return rg_mse_result_wire_size(r);
}

void
rg_mse_result_identity(const RgMseResult *r, unsigned char *buf)
{
	encode(r, buf, true);
}

RgMseStatus
rg_mse_result_peek(const unsigned char *buf, size_t len, int *k)
{
	uint32_t	kk,
				np;
	size_t		fixed;

	if (len >= V1_FIXED && memcmp(buf, "MSR1", 4) == 0)
		fixed = V1_FIXED;
	else if (len >= V2_FIXED && memcmp(buf, "MSR2", 4) == 0)
		fixed = V2_FIXED;
	else
		return RG_MSE_BAD_BINARY;
	kk = rg_get32(buf + 4);
	np = rg_get32(buf + 8);
	if (kk < 2 || kk > RG_MSE_MAX_LISTS || np > kk * (kk - 1) / 2)
		return RG_MSE_BAD_BINARY;
	/* version 2 adds the names, whose length the decoder checks */
	if (fixed == V1_FIXED ? len != V1_FIXED + 2 * (size_t) np + 8 * RESULT_DOUBLES +
		8 * (((size_t) 1 << kk) - 1) :
		len < V2_FIXED + 2 * (size_t) np + 8 * RESULT_DOUBLES + 8 * (((size_t) 1 << kk) - 1))
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
			rg_mse_set_err(err, "Interaction %d holds an invalid pair of lists.", t + 1);
			return RG_MSE_BAD_MODEL;
		}
		if (seen[a][b])
		{
			rg_mse_set_err(err, "Interaction %d:%d appears more than once.", a + 1, b + 1);
			return RG_MSE_BAD_MODEL;
		}
		seen[a][b] = true;
	}
	if (r->npairs > 0 && 1 + r->k + r->npairs > (int) ncell - 1)
	{
		rg_mse_set_err(err, "The model has more parameters than the table has cells.");
		return RG_MSE_BAD_MODEL;
	}
	r->cells[0] = 0;
	for (size_t c = 1; c < ncell; c++)
	{
		if (r->cells[c] < 0)
		{
			rg_mse_set_err(err, "Cell %zu holds a negative count.", c);
			return RG_MSE_NEGATIVE;
		}
		if (__builtin_add_overflow(total, r->cells[c], &total))
		{
			rg_mse_set_err(err, "The total count exceeds the bigint range.");
			return RG_MSE_OVERFLOW;
		}
	}
	if (total == 0)
	{
		rg_mse_set_err(err, "Every capture pattern has a count of zero.");
		return RG_MSE_NO_DATA;
	}
	r->observed = total;
	if (rg_mse_fit_status_name(r->status) == NULL || (r->flags & ~RG_MSE_NEED_REFIT) != 0 ||
		(r->nnames != 0 && r->nnames != r->k))
	{
		rg_mse_set_err(err, "The status, flags or number of list names is invalid.");
		return RG_MSE_BAD_BINARY;
	}
	if (r->status == RG_MSE_FIT_OK)
	{
		bool		refit = (r->flags & RG_MSE_NEED_REFIT) != 0;

		if (!isfinite(r->unobserved) || !(r->unobserved > 0) || !isfinite(r->aic) ||
			!isfinite(r->intercept) || !isfinite(r->deviance) ||
			!isfinite(r->intercept_se) || !(r->intercept_se >= 0) ||
			(refit && (r->deviance != 0 || r->intercept_se != 0)) ||
			(double) r->observed + r->unobserved > 1e18)
		{
			rg_mse_set_err(err, "A stored figure is not a finite number in range.");
			return RG_MSE_NOT_FINITE;
		}
	}
	else if (r->flags != 0 || r->unobserved != 0 || r->aic != 0 || r->deviance != 0 ||
			 r->intercept != 0 || r->intercept_se != 0)
	{
		rg_mse_set_err(err, "A summary with status %s holds figures.",
					   rg_mse_fit_status_name(r->status));
		return RG_MSE_BAD_BINARY;
	}
	/* one zero: -0.0 would make a second identity for the same text */
	if (r->status != RG_MSE_FIT_OK)
		r->unobserved = r->aic = r->deviance = r->intercept = r->intercept_se = 0;
	else if (r->flags & RG_MSE_NEED_REFIT)
		r->deviance = r->intercept_se = 0;
	return RG_MSE_OK;
}

RgMseStatus
rg_mse_result_decode(const unsigned char *buf, size_t len, RgMseResult *r,
					 char *err)
{
	int			k;
	const unsigned char *p,
			   *e = buf + len;
	size_t		ncell;
	bool		v2;

	if (rg_mse_result_peek(buf, len, &k) != RG_MSE_OK)
	{
		rg_mse_set_err(err, "The header or the length of the binary summary is invalid.");
		return RG_MSE_BAD_BINARY;
	}
	v2 = memcmp(buf, "MSR2", 4) == 0;
	memset(r, 0, rg_mse_result_size(k));
	r->k = k;
	r->npairs = (int32_t) rg_get32(buf + 8);
	if (v2)
	{
		r->status = (int32_t) rg_get32(buf + 12);
		r->flags = (int32_t) rg_get32(buf + 16);
		r->nnames = (int32_t) rg_get32(buf + 20);
		if (r->nnames != 0 && r->nnames != k)
		{
			rg_mse_set_err(err, "The number of list names is invalid.");
			return RG_MSE_BAD_BINARY;
		}
	}
	p = buf + (v2 ? V2_FIXED : V1_FIXED);
	for (int t = 0; t < r->npairs; t++)
	{
		r->pairs[t][0] = *p++;
		r->pairs[t][1] = *p++;
	}
	r->unobserved = rg_getd(p);
	r->aic = rg_getd(p + 8);
	r->deviance = rg_getd(p + 16);
	r->intercept = rg_getd(p + 24);
	r->intercept_se = rg_getd(p + 32);
	p += 8 * RESULT_DOUBLES;
	ncell = (size_t) 1 << k;
	for (size_t c = 1; c < ncell; c++, p += 8)
		r->cells[c] = (int64_t) rg_get64(p);
	if (v2)
	{
		p = get_names(p, e, r->nnames, r->names, err);
		if (p == NULL)
			return RG_MSE_BAD_BINARY;
		if (p != e)
		{
			rg_mse_set_err(err, "The binary summary has %zu bytes too many.", (size_t) (e - p));
			return RG_MSE_BAD_BINARY;
		}
	}
	return check_result(r, err);
}

/* ---------------------------------------------------------------------
 * Text form of a summary
 * --------------------------------------------------------------------- */

size_t
rg_mse_result_text_size(int k)
{
	if (k < 1 || k > RG_MSE_MAX_LISTS)
		k = RG_MSE_MAX_LISTS;
	return 512 + 24 * (size_t) RG_MSE_MAX_PAIRS + 7 * 32 +
		(RG_MSE_NAME_MAX + 3) * (size_t) RG_MSE_MAX_LISTS + 22 * ((size_t) 1 << k);
}

/*
 * The shortest of %.15g, %.16g and %.17g that reads back to the same
 * double, so that a text round trip keeps every bit.
 */
static const char *
exact(double d, char *tmp)
{
	for (int prec = 15; prec <= 17; prec++)
	{
		snprintf(tmp, 32, "%.*g", prec, d);
		if (strtod(tmp, NULL) == d)
			break;
	}
	return tmp;
}

int
rg_mse_result_format(const RgMseResult *r, char *buf, size_t buflen)
{
	char		t1[32],
				t2[32],
				t3[32];

	size_t		n = 0;
	size_t		ncell = (size_t) 1 << r->k;

#define ADD(...) (n += (size_t) snprintf(buf + n, n < buflen ? buflen - n : 0, __VA_ARGS__))
	ADD("(lists=%d, ", r->k);
	if (r->nnames > 0)
	{
		ADD("names=[");
		for (int i = 0; i < r->nnames; i++)
			ADD("%s%s", i ? ", " : "", r->names[i]);
		ADD("], ");
	}
	ADD("model=");
	n += (size_t) rg_mse_model_format(r, false, buf + n, n < buflen ? buflen - n : 0);
	ADD(", status=%s, observed=%" PRId64, rg_mse_fit_status_name(r->status), r->observed);
	if (r->status == RG_MSE_FIT_OK)
	{
		ADD(", unobserved=%s, estimate=%s, aic=%s", exact(r->unobserved, t1),
			exact(rg_mse_estimate(r), t2), exact(r->aic, t3));
		if (!(r->flags & RG_MSE_NEED_REFIT))
			ADD(", deviance=%s, intercept_se=%s", exact(r->deviance, t1),
				exact(r->intercept_se, t2));
	}
	ADD(", counts=[");
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
		rg_mse_set_err(l->err, "At character %zu: expected \"%s\".", l->i + 1, lit);
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
		rg_mse_set_err(l->err, "At character %zu: expected an integer.", l->i + 1);
		return false;
	}
	errno = 0;
	x = strtoll(l->s + l->i, &end, 10);
	if (errno != 0 || end == l->s + l->i)
	{
		rg_mse_set_err(l->err, "At character %zu: integer out of range.", l->i + 1);
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
		rg_mse_set_err(l->err, "At character %zu: expected a number.", l->i + 1);
		return false;
	}
	errno = 0;
	*v = strtod(p, &end);
	/* ERANGE on underflow still gives the subnormal or zero value: keep it */
	if (end == p || (errno != 0 && errno != ERANGE) || !isfinite(*v))
	{
		rg_mse_set_err(l->err, "At character %zu: number out of range.", l->i + 1);
		return false;
	}
	for (const char *q = p; q < end; q++)
		if (!isdigit((unsigned char) *q) && strchr(".eE+-", *q) == NULL)
		{
			rg_mse_set_err(l->err, "At character %zu: expected a decimal number.", l->i + 1);
			return false;
		}
	l->i = (size_t) (end - l->s);
	return true;
}

/* the next key is `key` (no error message when it is not) */
static bool
lx_peek_key(Lexer *l, const char *key)
{
	size_t		i = l->i,
				n = strlen(key);

	while (isspace((unsigned char) l->s[i]))
		i++;
	return strncmp(l->s + i, key, n) == 0 &&
		(l->s[i + n] == '=' || isspace((unsigned char) l->s[i + n]));
}

/* a bare word: name characters up to a delimiter */
static bool
lx_word(Lexer *l, const char **w, size_t *len)
{
	size_t		start;

	lx_ws(l);
	start = l->i;
	while (l->s[l->i] != '\0' && !isspace((unsigned char) l->s[l->i]) &&
		   strchr(",]()=[", l->s[l->i]) == NULL)
		l->i++;
	if (l->i == start)
	{
		rg_mse_set_err(l->err, "At character %zu: expected a word.", l->i + 1);
		return false;
	}
	*w = l->s + start;
	*len = l->i - start;
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

static bool
close_rel(double a, double b, double tol)
{
	return fabs(a - b) <= tol * fmax(1.0, fmax(fabs(a), fabs(b)));
}

#define KEY(l, name) (lx_lit(l, ",") && lx_lit(l, name) && lx_lit(l, "="))

RgMseStatus
rg_mse_result_parse(const char *s, RgMseResult *r, char *err)
{
	Lexer		l = {s, 0, err};
	int64_t		v,
				observed;
	double		estimate = 0;
	int			k;
	size_t		mstart,
				mend,
				ncell;
	RgMseModel	m;
	RgMseStatus st;
	bool		legacy;

	if (!lx_lit(&l, "(") || !lx_lit(&l, "lists") || !lx_lit(&l, "=") || !lx_int(&l, &v))
		return RG_MSE_SYNTAX;
	if (v < 2 || v > RG_MSE_MAX_LISTS)
		return rg_mse_check_k(v < 0 ? 0 : (v > RG_MSE_MAX_LISTS ? RG_MSE_MAX_LISTS + 1 : (int) v), err);
	k = (int) v;
	ncell = (size_t) 1 << k;
	memset(r, 0, rg_mse_result_size(k));
	r->k = k;
	if (!lx_lit(&l, ","))
		return RG_MSE_SYNTAX;
	if (lx_peek_key(&l, "names"))
	{
		if (!lx_lit(&l, "names") || !lx_lit(&l, "=") || !lx_lit(&l, "["))
			return RG_MSE_SYNTAX;
		for (int i = 0; i < k; i++)
		{
			const char *w;
			size_t		wl;

			if ((i > 0 && !lx_lit(&l, ",")) || !lx_word(&l, &w, &wl))
				return RG_MSE_SYNTAX;
			if ((st = rg_mse_name_check(w, wl, err)) != RG_MSE_OK)
				return st;
			memcpy(r->names[i], w, wl);
			r->names[i][wl] = '\0';
			for (int j = 0; j < i; j++)
				if (strcmp(r->names[i], r->names[j]) == 0)
				{
					rg_mse_set_err(err, "The list name \"%s\" is given twice.", r->names[i]);
					return RG_MSE_BAD_NAMES;
				}
		}
		r->nnames = k;
		if (!lx_lit(&l, "]") || !lx_lit(&l, ","))
			return RG_MSE_SYNTAX;
	}
	if (!lx_lit(&l, "model") || !lx_lit(&l, "=") || !lx_lit(&l, "["))
		return RG_MSE_SYNTAX;
	mstart = l.i - 1;
	while (s[l.i] != '\0' && s[l.i] != ']')
		l.i++;
	if (s[l.i] != ']')
	{
		rg_mse_set_err(err, "The model has no closing \"]\".");
		return RG_MSE_SYNTAX;
	}
	l.i++;
	mend = l.i;
	if ((st = rg_mse_model_parse(s + mstart, mend - mstart, k, &m, err)) != RG_MSE_OK)
		return st;
	r->npairs = m.npairs;
	memcpy(r->pairs, m.pairs, sizeof(m.pairs[0]) * (size_t) m.npairs);
	if (!lx_lit(&l, ","))
		return RG_MSE_SYNTAX;
	legacy = !lx_peek_key(&l, "status");
	if (!legacy)
	{
		const char *w;
		size_t		wl;
		int			status;

		if (!lx_lit(&l, "status") || !lx_lit(&l, "=") || !lx_word(&l, &w, &wl))
			return RG_MSE_SYNTAX;
		if ((status = rg_mse_fit_status_parse(w, wl)) < 0)
		{
			rg_mse_set_err(err, "Unknown status \"%.*s\".", (int) (wl > 40 ? 40 : wl), w);
			return RG_MSE_SYNTAX;
		}
		r->status = status;
		if (!lx_lit(&l, ","))
			return RG_MSE_SYNTAX;
	}
	if (!lx_lit(&l, "observed") || !lx_lit(&l, "=") || !lx_int(&l, &observed))
		return RG_MSE_SYNTAX;
	if (r->status == RG_MSE_FIT_OK)
	{
		size_t		save;

		if (!KEY(&l, "unobserved") || !lx_double(&l, &r->unobserved) ||
			!KEY(&l, "estimate") || !lx_double(&l, &estimate) ||
			!KEY(&l, "aic") || !lx_double(&l, &r->aic))
			return RG_MSE_SYNTAX;
		/* without deviance (the form of 0.1.0): the interval refits */
		save = l.i;
		if (legacy || !(lx_lit(&l, ",") && lx_peek_key(&l, "deviance")))
		{
			l.i = save;			/* give back the "," */
			r->flags = RG_MSE_NEED_REFIT;
		}
		else if (!lx_lit(&l, "deviance") || !lx_lit(&l, "=") || !lx_double(&l, &r->deviance) ||
				 !KEY(&l, "intercept_se") || !lx_double(&l, &r->intercept_se))
			return RG_MSE_SYNTAX;
		if (!(r->unobserved > 0))
		{
			rg_mse_set_err(err, "unobserved must be positive.");
			return RG_MSE_INCONSISTENT;
		}
		r->intercept = log(r->unobserved);
	}
	if (!KEY(&l, "counts") || !lx_lit(&l, "["))
		return RG_MSE_SYNTAX;
	for (size_t c = 1; c < ncell; c++)
	{
		if ((c > 1 && !lx_lit(&l, ",")) || !lx_int(&l, &r->cells[c]))
			return RG_MSE_SYNTAX;
	}
	if (!lx_lit(&l, "]") || !lx_lit(&l, ")"))
	{
		rg_mse_set_err(err, "At character %zu: expected \"])\" after %zu counts (2^%d - 1).",
					   l.i + 1, ncell - 1, k);
		return RG_MSE_SYNTAX;
	}
	lx_ws(&l);
	if (s[l.i] != '\0')
	{
		rg_mse_set_err(err, "At character %zu: unexpected text after the closing \")\".", l.i + 1);
		return RG_MSE_SYNTAX;
	}
	if ((st = check_result(r, err)) != RG_MSE_OK)
		return st;
	if (r->observed != observed)
	{
		rg_mse_set_err(err, "observed is %" PRId64 " but the counts add up to %" PRId64 ".",
					   observed, r->observed);
		return RG_MSE_INCONSISTENT;
	}
	if (r->status == RG_MSE_FIT_OK && !close_rel(rg_mse_estimate(r), estimate, 1e-9))
	{
		rg_mse_set_err(err, "estimate is %.15g but observed + unobserved is %.15g.",
					   estimate, rg_mse_estimate(r));
		return RG_MSE_INCONSISTENT;
	}
	return RG_MSE_OK;
}
