/*
 * fuzz_mse.c - multiple systems estimation: the capture-pattern accumulator,
 * the binary forms of its state and of the fitted summary, the summary's
 * text form and the model text.
 *
 * requires: mse_model.c mse_fit.c mse_select.c mse_profile.c mse_wire.c mse_verify.c
 *
 * The first byte picks the mode; properties checked:
 *  0 accumulator: a run of (pattern, count) additions keeps cell 0 at 0 and
 *    every cell equal to a 128-bit shadow table; an addition fails exactly
 *    when it is invalid (empty or out-of-range pattern, negative count,
 *    int64 overflow) and then leaves the state byte-for-byte unchanged;
 *    combining a state with itself doubles it or fails leaving it unchanged;
 *    the binary form decodes to the same state and re-encodes to the same
 *    bytes.
 *  1 state decoder on raw bytes: an accepted input re-encodes to exactly the
 *    input, with cell 0 = 0 and no negative cell.
 *  2 summary decoder on raw bytes (both versions): an accepted version-2
 *    input re-encodes to exactly the input, with finite figures when the
 *    status is ok, zero figures otherwise, and no negative count; every
 *    accepted summary survives its text form, and equal identities follow;
 *    for up to 6 lists a refit of the decoded model never crashes, nor
 *    does the check of its figures against its counts, which answers ok
 *    or inconsistent; a summary refitted from its own table passes it.
 *  3 model text and summary text on raw bytes: an accepted model has
 *    distinct pairs i < j within range; an accepted summary (up to 6 lists)
 *    formats and parses back to the same table and model; the check of
 *    its figures answers ok or inconsistent.
 */
#include "mse.h"
#include "fuzz_common.h"

#include <math.h>


#define MAX_FIT_LISTS 6

static uint64_t
take(const uint8_t **p, size_t *n, int bytes)
{
	uint64_t	v = 0;

	for (int i = 0; i < bytes; i++)
	{
		v <<= 8;
		if (*n > 0)
		{
			v |= **p;
			(*p)++;
			(*n)--;
		}
	}
	return v;
}

static const char *const models[] = {"independence", "stepwise", "1:2", "[1:2, 2:3]", " Independence ", "1:3,2:3", ""};

static void
mode_accumulate(const uint8_t *p, size_t n)
{
	int			k = 2 + (int) (take(&p, &n, 1) % 4);
	const char *model = models[take(&p, &n, 1) % (sizeof(models) / sizeof(models[0]))];
	size_t		size = rg_mse_state_size(k);
	RgMseState *s = calloc(1, size), *before = malloc(size), *back = calloc(1, size);
	__int128	shadow[1 << 5] = {0};
	char		err[RG_MSE_ERR_MAX];
	RgMseStatus st = rg_mse_state_init(s, k, model, strlen(model), err);

	if (st != RG_MSE_OK)
	{
		free(s); free(before); free(back);
		return;
	}
	while (n >= 3)
	{
		uint32_t	mask = (uint32_t) take(&p, &n, 1) % (1u << (k + 1));
		int			sel = (int) take(&p, &n, 1);
		int64_t		cnt = sel < 200 ? sel : sel < 230 ? -(int64_t) (sel - 199) :
			sel < 250 ? INT64_MAX - (int64_t) (sel - 230) : (int64_t) take(&p, &n, 8);
		int			valid = mask != 0 && mask < (1u << k) && cnt >= 0 &&
			shadow[mask] + cnt <= INT64_MAX;

		memcpy(before, s, size);
		st = rg_mse_accumulate_mask(s, mask, cnt);
		PROPERTY((st == RG_MSE_OK) == valid, "accumulate(mask %u, n %lld) status %d, k %d",
				 mask, (long long) cnt, (int) st, k);
		if (st == RG_MSE_OK)
			shadow[mask] += cnt;
		else
			PROPERTY(memcmp(before, s, size) == 0, "failed accumulate changed the state");
	}
	PROPERTY(s->cells[0] == 0, "cell 0 is %lld", (long long) s->cells[0]);
	for (int c = 1; c < (1 << k); c++)
		PROPERTY(s->cells[c] == (int64_t) shadow[c], "cell %d differs from the shadow", c);

	/* binary round trip */
	{
		size_t		w = rg_mse_state_wire_size(s);
		unsigned char *buf = malloc(w), *buf2 = malloc(w);
		int			k2 = -1;

		rg_mse_state_encode(s, buf);
		PROPERTY(rg_mse_state_peek(buf, w, &k2) == RG_MSE_OK && k2 == k, "peek");
		st = rg_mse_state_decode(buf, w, back, err);
		PROPERTY(st == RG_MSE_OK, "decode of an encoded state: %d %s", (int) st, err);
		PROPERTY(back->k == s->k && back->model_len == s->model_len &&
				 memcmp(back->model, s->model, (size_t) s->model_len) == 0 &&
				 memcmp(back->cells, s->cells, sizeof(int64_t) << k) == 0, "state round trip");
		rg_mse_state_encode(back, buf2);
		PROPERTY(memcmp(buf, buf2, w) == 0, "re-encoding differs");
		free(buf);
		free(buf2);
	}

	/* combine with itself */
	{
		int			overflow = 0;

		for (int c = 1; c < (1 << k); c++)
			if (2 * shadow[c] > INT64_MAX)
				overflow = 1;
		memcpy(before, s, size);
		st = rg_mse_state_combine(s, back);
		PROPERTY((st == RG_MSE_OK) == !overflow, "combine status %d, overflow %d", (int) st, overflow);
		for (int c = 0; c < (1 << k); c++)
			PROPERTY(s->cells[c] == (st == RG_MSE_OK ? 2 : 1) * before->cells[c], "combine cell %d", c);
	}
	free(s);
	free(before);
	free(back);
}

static void
mode_state_decode(const uint8_t *p, size_t n)
{
	int			k = -1;
	char		err[RG_MSE_ERR_MAX];

	if (rg_mse_state_peek(p, n, &k) != RG_MSE_OK)
		return;
	PROPERTY(k >= 2 && k <= RG_MSE_MAX_LISTS, "peek gave k = %d", k);
	{
		RgMseState *s = calloc(1, rg_mse_state_size(k));

		if (rg_mse_state_decode(p, n, s, err) == RG_MSE_OK)
		{
			size_t		w = rg_mse_state_wire_size(s);
			unsigned char *buf = malloc(w);

			PROPERTY(s->k == k && s->cells[0] == 0, "decoded state header");
			for (int c = 1; c < (1 << k); c++)
				PROPERTY(s->cells[c] >= 0, "negative cell accepted");
			PROPERTY(s->model_len >= 0 && s->model_len <= RG_MSE_MODEL_MAX &&
					 s->model[s->model_len] == '\0', "model text");
			PROPERTY(w == n, "accepted %zu bytes, re-encodes to %zu", n, w);
			rg_mse_state_encode(s, buf);
			PROPERTY(memcmp(buf, p, n) == 0, "re-encoding differs from the accepted input");
			free(buf);
		}
		free(s);
	}
}

static void
check_result(const RgMseResult *r)
{
	PROPERTY(r->k >= 2 && r->k <= RG_MSE_MAX_LISTS, "k = %d", r->k);
	PROPERTY(r->npairs >= 0 && r->npairs <= RG_MSE_MAX_PAIRS, "npairs");
	for (int i = 0; i < r->npairs; i++)
		PROPERTY(r->pairs[i][0] < r->pairs[i][1] && r->pairs[i][1] < r->k, "pair %d out of range", i);
	PROPERTY(isfinite(r->unobserved) && isfinite(r->aic) && isfinite(r->deviance) &&
			 isfinite(r->intercept) && isfinite(r->intercept_se), "figures not finite");
	PROPERTY(r->status == RG_MSE_FIT_OK ||
			 (r->unobserved == 0 && r->aic == 0 && r->deviance == 0 && r->flags == 0),
			 "figures with status %d", r->status);
	PROPERTY(rg_mse_fit_status_name(r->status) != NULL, "status %d", r->status);
	PROPERTY(r->nnames == 0 || r->nnames == r->k, "nnames %d", r->nnames);
	PROPERTY(r->cells[0] == 0, "cell 0");
	for (int c = 1; c < (1 << r->k); c++)
		PROPERTY(r->cells[c] >= 0, "negative count");
}

static int
close_enough(double a, double b)
{
	return fabs(a - b) <= 1e-6 * fmax(1.0, fmax(fabs(a), fabs(b)));
}

static void
text_round_trip(const RgMseResult *r)
{
	size_t		tsz = rg_mse_result_text_size(r->k);
	char	   *text = malloc(tsz);
	char		err[RG_MSE_ERR_MAX];
	RgMseResult *r2 = calloc(1, rg_mse_result_size(r->k));
	int			len = rg_mse_result_format(r, text, tsz);
	RgMseStatus st;

	PROPERTY(len > 0 && (size_t) len < tsz, "format length %d of %zu", len, tsz);
	st = rg_mse_result_parse(text, r2, err);
	PROPERTY(st == RG_MSE_OK, "parse of formatted summary: %d %s\n%s", (int) st, err, text);
	PROPERTY(r2->k == r->k && r2->npairs == r->npairs &&
			 memcmp(r2->pairs, r->pairs, sizeof(r->pairs[0]) * (size_t) r->npairs) == 0 &&
			 memcmp(r2->cells, r->cells, sizeof(int64_t) << r->k) == 0 && r2->observed == r->observed,
			 "text round trip changed the table or model");
	PROPERTY(close_enough(r2->unobserved, r->unobserved) && close_enough(r2->aic, r->aic),
			 "text round trip changed the figures");
	PROPERTY(r2->status == r->status && r2->nnames == r->nnames &&
			 memcmp(r2->names, r->names, sizeof(r->names)) == 0, "text round trip changed status or names");
	{
		size_t		n = rg_mse_result_identity_size(r);
		unsigned char *a = malloc(n),
				   *b = malloc(n);

		PROPERTY(rg_mse_result_identity_size(r2) == n, "identity sizes differ");
		rg_mse_result_identity(r, a);
		rg_mse_result_identity(r2, b);
		PROPERTY(memcmp(a, b, n) == 0, "a text round trip changed the identity");
		free(a);
		free(b);
	}
	free(text);
	free(r2);
}

/* the check of the figures: ok or inconsistent, never anything else */
static void
check_verify(const RgMseResult *r)
{
	const char *figure;
	char		err[RG_MSE_ERR_MAX];
	RgMseStatus st = rg_mse_result_verify(r, &figure, err);

	PROPERTY(st == RG_MSE_OK || st == RG_MSE_INCONSISTENT, "verify gave %d: %s", (int) st, err);
	PROPERTY(st == RG_MSE_OK || figure != NULL, "verify refused without naming a figure");
}

static void
mode_result_decode(const uint8_t *p, size_t n)
{
	int			k = -1;
	char		err[RG_MSE_ERR_MAX];

	if (rg_mse_result_peek(p, n, &k) != RG_MSE_OK)
		return;
	PROPERTY(k >= 2 && k <= RG_MSE_MAX_LISTS, "peek gave k = %d", k);
	{
		RgMseResult *r = calloc(1, rg_mse_result_size(k));

		if (rg_mse_result_decode(p, n, r, err) == RG_MSE_OK)
		{
			size_t		w = rg_mse_result_wire_size(r);
			unsigned char *buf = malloc(w);

			check_result(r);
			rg_mse_result_encode(r, buf);
			if (memcmp(p, "MSR2", 4) == 0)
			{
				PROPERTY(w == n, "accepted %zu bytes, re-encodes to %zu", n, w);
				PROPERTY(memcmp(buf, p, n) == 0, "re-encoding differs from the accepted input");
			}
			free(buf);
			text_round_trip(r);
			if (k <= MAX_FIT_LISTS && r->status == RG_MSE_FIT_OK)
			{
				double		lim;

				(void) rg_mse_profile_limit(r, 0.95, 1, &lim, err);
				check_verify(r);
				/* the fit of its own table and model passes the check */
				{
					RgMseModel	m;
					RgMseResult *f = calloc(1, rg_mse_result_size(k));
					const char *figure;

					memset(&m, 0, sizeof(m));
					m.kind = RG_MSE_EXPLICIT;
					m.npairs = r->npairs;
					memcpy(m.pairs, r->pairs, sizeof(r->pairs[0]) * (size_t) r->npairs);
					if (rg_mse_fit(r->cells, k, &m, f, err) == RG_MSE_OK && f->status == RG_MSE_FIT_OK)
						PROPERTY(rg_mse_result_verify(f, &figure, err) == RG_MSE_OK,
								 "a fresh fit fails its own check: %s", err);
					free(f);
				}
			}
		}
		free(r);
	}
}

static void
mode_text(const uint8_t *p, size_t n)
{
	char	   *s = fuzz_cstring(p, n);
	char		err[RG_MSE_ERR_MAX];
	RgMseModel m;
	int			k = -1;

	for (int kk = 2; kk <= 5; kk++)
	{
		if (rg_mse_model_parse(s, strlen(s), kk, &m, err) == RG_MSE_OK && m.kind == RG_MSE_EXPLICIT)
		{
			PROPERTY(m.npairs >= 0 && m.npairs <= RG_MSE_MAX_PAIRS, "npairs %d", m.npairs);
			for (int i = 0; i < m.npairs; i++)
			{
				PROPERTY(m.pairs[i][0] < m.pairs[i][1] && m.pairs[i][1] < kk, "model pair out of range");
				for (int j = 0; j < i; j++)
					PROPERTY(memcmp(m.pairs[i], m.pairs[j], 2) != 0, "duplicate pair accepted");
			}
		}
	}
	if (rg_mse_result_text_peek(s, &k) == RG_MSE_OK && k >= 2 && k <= MAX_FIT_LISTS)
	{
		RgMseResult *r = calloc(1, rg_mse_result_size(RG_MSE_MAX_LISTS));

		if (rg_mse_result_parse(s, r, err) == RG_MSE_OK)
		{
			PROPERTY(r->k == k, "parse k %d, peek k %d", r->k, k);
			check_result(r);
			text_round_trip(r);
			check_verify(r);
		}
		free(r);
	}
	free(s);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* libRmath and GSL (GSL's handler off) come from LLVMFuzzerInitialize */
	if (size < 1)
		return 0;
	switch (data[0] % 4)
	{
		case 0:
			mode_accumulate(data + 1, size - 1);
			break;
		case 1:
			mode_state_decode(data + 1, size - 1);
			break;
		case 2:
			mode_result_decode(data + 1, size - 1);
			break;
		default:
			mode_text(data + 1, size - 1);
			break;
	}
	return 0;
}
