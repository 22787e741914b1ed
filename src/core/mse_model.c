/*
 * mse_model.c - multiple systems estimation: model text, list names, the
 * accumulator of capture patterns, and Chapman's two-list estimator.
 */
#include "mse_internal.h"

#include <ctype.h>
#include <math.h>
#include <stdlib.h>

bool		(*rg_mse_interrupt_hook) (void) = NULL;

void
rg_mse_set_err(char *err, const char *fmt,...)
{
	va_list		ap;

	if (err == NULL)
		return;
	va_start(ap, fmt);
	vsnprintf(err, RG_MSE_ERR_MAX, fmt, ap);
	va_end(ap);
}

static const char *const fit_status_names[RG_MSE_FIT_NSTATUS] = {
	"ok", "no_overlap", "mle_does_not_exist", "fit_failed",
	"stepwise_candidate_failed"
};

const char *
rg_mse_fit_status_name(int status)
{
	if (status < 0 || status >= RG_MSE_FIT_NSTATUS)
		return NULL;
	return fit_status_names[status];
}

int
rg_mse_fit_status_parse(const char *s, size_t len)
{
	for (int i = 0; i < RG_MSE_FIT_NSTATUS; i++)
		if (strlen(fit_status_names[i]) == len && memcmp(fit_status_names[i], s, len) == 0)
			return i;
	return -1;
}

bool
rg_mse_overlaps(const int64_t *cells, size_t ncell, int i, int j)
{
	uint32_t	both = ((uint32_t) 1 << i) | ((uint32_t) 1 << j);

	for (size_t c = 1; c < ncell; c++)
		if ((c & both) == both && cells[c] > 0)
			return true;
	return false;
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

double
rg_mse_default_threshold(const char *text, size_t len)
{
	RgMseModel	m;

	if (len <= RG_MSE_MODEL_MAX && rg_mse_model_parse(text, len, RG_MSE_MAX_LISTS, &m, NULL) == RG_MSE_OK &&
		m.kind == RG_MSE_SPARSEMSE)
		return RG_MSE_P_SPARSEMSE;
	return RG_MSE_P_DEFAULT;
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
	out->p_threshold = RG_MSE_P_DEFAULT;
	if (len > RG_MSE_MODEL_MAX)
	{
		rg_mse_set_err(err, "The model text is %zu bytes long; at most %d are allowed.",
				len, RG_MSE_MODEL_MAX);
		return RG_MSE_MODEL_TOO_LONG;
	}
	if (memchr(text, '\0', len) != NULL)
	{
		rg_mse_set_err(err, "The model text contains a NUL byte.");
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
	if (word_eq(text + i, end - i, "sparsemse"))
	{
		out->kind = RG_MSE_SPARSEMSE;
		out->p_threshold = RG_MSE_P_SPARSEMSE;
		return RG_MSE_OK;
	}
	out->kind = RG_MSE_EXPLICIT;
	memset(seen, 0, sizeof(seen));
	if (i < end && text[i] == '[')
	{
		if (text[end - 1] != ']')
		{
			rg_mse_set_err(err, "An opening \"[\" has no closing \"]\".");
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
		rg_mse_set_err(err, "Expected \"independence\", \"stepwise\", \"sparsemse\" or a list of interactions such as \"1:2, 2:5\".");
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
			rg_mse_set_err(err, "At character %zu: expected an interaction written as i:j, with list positions i and j.",
					start + 1);
			return RG_MSE_BAD_MODEL;
		}
		i = skip_ws(text, end, i + 1);
		b = parse_small(text, end, &i);
		if (b < 0)
		{
			rg_mse_set_err(err, "At character %zu: expected a list position after \":\".", i + 1);
			return RG_MSE_BAD_MODEL;
		}
		if (a < 1 || a > k || b < 1 || b > k)
		{
			rg_mse_set_err(err, "Interaction %d:%d refers to a list outside 1 .. %d.", a, b, k);
			return RG_MSE_BAD_MODEL;
		}
		if (a == b)
		{
			rg_mse_set_err(err, "Interaction %d:%d pairs a list with itself.", a, b);
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
			rg_mse_set_err(err, "Interaction %d:%d is given more than once.", a, b);
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
			rg_mse_set_err(err, "At character %zu: expected \",\" between interactions.", i + 1);
			return RG_MSE_BAD_MODEL;
		}
		i = skip_ws(text, end, i + 1);
	}
	return RG_MSE_OK;
}

/* ---------------------------------------------------------------------
 * List names
 * --------------------------------------------------------------------- */

RgMseStatus
rg_mse_name_check(const char *name, size_t len, char *err)
{
	bool		digits_only = true;

	if (len == 0 || len > RG_MSE_NAME_MAX)
	{
		rg_mse_set_err(err, "A list name must be 1 to %d bytes long; one is %zu.", RG_MSE_NAME_MAX, len);
		return RG_MSE_BAD_NAMES;
	}
	for (size_t i = 0; i < len; i++)
	{
		unsigned char ch = (unsigned char) name[i];

		if (!(isdigit(ch)))
			digits_only = false;
		if (!(ch >= 0x80 || isalnum(ch) || ch == '_' || ch == '.' || ch == '-'))
		{
			rg_mse_set_err(err, "The list name \"%.*s\" has the character \"%c\"; use letters, digits, \"_\", \".\" or \"-\".",
					(int) len, name, ch >= 0x20 && ch < 0x7f ? ch : '?');
			return RG_MSE_BAD_NAMES;
		}
	}
	if (digits_only)
	{
		rg_mse_set_err(err, "The list name \"%.*s\" is all digits, which would read as a list position.",
				(int) len, name);
		return RG_MSE_BAD_NAMES;
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

RgMseStatus
rg_mse_check_k(int k, char *err)
{
	if (k < 2)
	{
		rg_mse_set_err(err, "A capture pattern over %d list%s was given; multiple systems estimation needs at least two lists.",
				k, k == 1 ? "" : "s");
		return RG_MSE_TOO_FEW_LISTS;
	}
	if (k > RG_MSE_MAX_LISTS)
	{
		rg_mse_set_err(err, "A capture pattern over %d lists was given; at most %d lists are supported.",
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

	if ((st = rg_mse_check_k(k, err)) != RG_MSE_OK)
		return st;
	if ((st = rg_mse_model_parse(model, model_len, k, &m, err)) != RG_MSE_OK)
		return st;
	memset(s, 0, rg_mse_state_size(k));
	s->p_threshold = RG_MSE_P_DEFAULT;
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

RgMseStatus
rg_mse_state_set_options(RgMseState *s, const char *const *names,
						 const size_t *name_lens, int nnames,
						 double p_threshold, char *err)
{
	RgMseStatus st;

	if (!(p_threshold > 0 && p_threshold <= 1))
	{
		rg_mse_set_err(err, "The stepwise p-value threshold is %g; it must lie in (0, 1].", p_threshold);
		return RG_MSE_BAD_THRESHOLD;
	}
	if (nnames != 0 && nnames != s->k)
	{
		rg_mse_set_err(err, "%d list names were given for %d lists.", nnames, s->k);
		return RG_MSE_BAD_NAMES;
	}
	for (int i = 0; i < nnames; i++)
	{
		if ((st = rg_mse_name_check(names[i], name_lens[i], err)) != RG_MSE_OK)
			return st;
		for (int j = 0; j < i; j++)
			if (name_lens[i] == name_lens[j] && memcmp(names[i], names[j], name_lens[i]) == 0)
			{
				rg_mse_set_err(err, "The list name \"%.*s\" is given twice.", (int) name_lens[i], names[i]);
				return RG_MSE_BAD_NAMES;
			}
	}
	memset(s->names, 0, sizeof(s->names));
	for (int i = 0; i < nnames; i++)
		memcpy(s->names[i], names[i], name_lens[i]);
	s->nnames = nnames;
	s->p_threshold = p_threshold;
	return RG_MSE_OK;
}

bool
rg_mse_state_same_options(const RgMseState *a, const RgMseState *b)
{
	if (a->nnames != b->nnames || a->p_threshold != b->p_threshold)
		return false;
	for (int i = 0; i < a->nnames; i++)
		if (strcmp(a->names[i], b->names[i]) != 0)
			return false;
	return true;
}

/* ---------------------------------------------------------------------
 * Model text of a summary
 * --------------------------------------------------------------------- */

size_t
rg_mse_model_text_size(const RgMseResult *r)
{
	return 16 + (size_t) r->npairs * (2 * (RG_MSE_NAME_MAX + 1) + 4);
}

int
rg_mse_model_format(const RgMseResult *r, bool use_names, char *buf, size_t buflen)
{
	size_t		n = 0;
	bool		named = use_names && r->nnames == r->k;

	n += (size_t) snprintf(buf + n, n < buflen ? buflen - n : 0, "[");
	for (int t = 0; t < r->npairs; t++)
	{
		if (named)
			n += (size_t) snprintf(buf + n, n < buflen ? buflen - n : 0, "%s%s:%s",
								   t ? ", " : "", r->names[r->pairs[t][0]],
								   r->names[r->pairs[t][1]]);
		else
			n += (size_t) snprintf(buf + n, n < buflen ? buflen - n : 0, "%s%d:%d",
								   t ? ", " : "", r->pairs[t][0] + 1, r->pairs[t][1] + 1);
	}
	n += (size_t) snprintf(buf + n, n < buflen ? buflen - n : 0, "]");
	return (int) n;
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
