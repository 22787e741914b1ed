/*
 * Unit tests of src/core/mse_*.c (multiple systems estimation).
 *
 * Reference figures: the UK 2013 five-list data (SparseMSE UKdat_5) fitted
 * by test/oracle/mse_reference.py with statsmodels (Poisson GLM, IRLS to
 * 1e-13) and scipy (brentq on the profile deviance); tables built to fit a
 * model exactly, where the answer follows by hand; Chapman by hand.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <math.h>
#include <stdio.h>
#include <cmocka.h>

#include "mathlib.h"

#include "mse.h"


/* UKdat_5: LA, NG, PFNCA, GO, GP; pattern as a bit mask (bit 0 = LA) */
static const struct
{
	uint32_t	mask;
	int64_t		n;
}			uk5[] = {
	{1, 54}, {2, 463}, {4, 995}, {8, 695}, {16, 316}, {3, 15}, {5, 19},
	{9, 3}, {6, 62}, {10, 19}, {18, 1}, {12, 76}, {20, 11}, {24, 8},
	{7, 1}, {11, 1}, {14, 4}, {15, 1}
};

static void
assert_rel(double got, double want, double tol)
{
	if (!(fabs(got - want) <= tol * fabs(want)))
		fail_msg("got %.17g, want %.17g (relative tolerance %g)", got, want, tol);
}

/*
 * A summary as 0.1.0 stored it: the bytes written by the encoder of 0.1.0
 * (src/core/mse.c at the 0.1.0 layout commit) for the UK 5-list stepwise
 * fit.  Tables of such values must read back after the upgrade.
 */
static const unsigned char uk5_stored_by_010[312] = {
	0x4d, 0x53, 0x52, 0x31, 0x00, 0x00, 0x00, 0x05, 0x00, 0x00, 0x00, 0x06,
	0x00, 0x01, 0x01, 0x04, 0x02, 0x04, 0x00, 0x02, 0x03, 0x04, 0x01, 0x03,
	0x40, 0xc0, 0xbc, 0x7e, 0xc1, 0xcd, 0xe0, 0xec, 0x40, 0x5f, 0xe6, 0x4f,
	0xf6, 0x9f, 0x73, 0x0c, 0x40, 0x30, 0x59, 0xf4, 0x43, 0x42, 0x2e, 0x2f,
	0x40, 0x22, 0x1c, 0x9f, 0x9a, 0xbe, 0x5a, 0x7b, 0x3f, 0xb7, 0xd2, 0x53,
	0xdb, 0x83, 0x6b, 0x8a, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x36,
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x01, 0xcf, 0x00, 0x00, 0x00, 0x00,
	0x00, 0x00, 0x00, 0x0f, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, 0xe3,
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x13, 0x00, 0x00, 0x00, 0x00,
	0x00, 0x00, 0x00, 0x3e, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x01,
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x02, 0xb7, 0x00, 0x00, 0x00, 0x00,
	0x00, 0x00, 0x00, 0x03, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x13,
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00,
	0x00, 0x00, 0x00, 0x4c, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0x00,
	0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x01, 0x3c,
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x0b, 0x00, 0x00, 0x00, 0x00,
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	0x00, 0x00, 0x00, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
};

static RgMseState *
uk5_state(const char *model)
{
	RgMseState *s = malloc(rg_mse_state_size(5));
	char		err[RG_MSE_ERR_MAX];

	assert_int_equal(rg_mse_state_init(s, 5, model, strlen(model), err), RG_MSE_OK);
	for (size_t i = 0; i < sizeof(uk5) / sizeof(uk5[0]); i++)
		assert_int_equal(rg_mse_accumulate_mask(s, uk5[i].mask, uk5[i].n), RG_MSE_OK);
	return s;
}

static RgMseResult *
fit_state(const RgMseState *s, RgMseStatus want)
{
	RgMseModel	m;
	RgMseResult *r = malloc(rg_mse_result_size(s->k));
	char		err[RG_MSE_ERR_MAX] = "";

	assert_int_equal(rg_mse_model_parse(s->model, (size_t) s->model_len, s->k, &m, err), RG_MSE_OK);
	assert_int_equal(rg_mse_fit(s->cells, s->k, &m, r, err), want);
	return r;
}

static void
test_model_parse(void **state)
{
	RgMseModel	m;
	char		err[RG_MSE_ERR_MAX];

	(void) state;
	assert_int_equal(rg_mse_model_parse("stepwise", 8, 5, &m, err), RG_MSE_OK);
	assert_int_equal(m.kind, RG_MSE_STEPWISE);
	assert_int_equal(rg_mse_model_parse("  Independence ", 15, 5, &m, err), RG_MSE_OK);
	assert_int_equal(m.kind, RG_MSE_INDEPENDENCE);
	assert_int_equal(rg_mse_model_parse("1:2, 5:2", 8, 5, &m, err), RG_MSE_OK);
	assert_int_equal(m.kind, RG_MSE_EXPLICIT);
	assert_int_equal(m.npairs, 2);
	assert_int_equal(m.pairs[1][0], 1);
	assert_int_equal(m.pairs[1][1], 4);
	assert_int_equal(rg_mse_model_parse("[]", 2, 5, &m, err), RG_MSE_OK);
	assert_int_equal(m.npairs, 0);
	assert_int_equal(rg_mse_model_parse("[1:2]", 5, 2, &m, err), RG_MSE_OK);
	assert_int_equal(rg_mse_model_parse("1:6", 3, 5, &m, err), RG_MSE_BAD_MODEL);
	assert_int_equal(rg_mse_model_parse("0:1", 3, 5, &m, err), RG_MSE_BAD_MODEL);
	assert_int_equal(rg_mse_model_parse("3:3", 3, 5, &m, err), RG_MSE_BAD_MODEL);
	assert_int_equal(rg_mse_model_parse("1:2,2:1", 7, 5, &m, err), RG_MSE_BAD_MODEL);
	assert_int_equal(rg_mse_model_parse("1:2,", 4, 5, &m, err), RG_MSE_BAD_MODEL);
	assert_int_equal(rg_mse_model_parse("1:2 2:3", 7, 5, &m, err), RG_MSE_BAD_MODEL);
	assert_int_equal(rg_mse_model_parse("", 0, 5, &m, err), RG_MSE_BAD_MODEL);
	assert_int_equal(rg_mse_model_parse("1:2\0", 4, 5, &m, err), RG_MSE_BAD_MODEL);
	assert_int_equal(rg_mse_model_parse("1234:1", 6, 5, &m, err), RG_MSE_BAD_MODEL);
	assert_int_equal(rg_mse_model_parse("x", RG_MSE_MODEL_MAX + 1, 5, &m, err),
					 RG_MSE_MODEL_TOO_LONG);
}

static void
test_accumulate(void **state)
{
	RgMseState *s = malloc(rg_mse_state_size(3));
	RgMseState *t = malloc(rg_mse_state_size(3));
	bool		p1[3] = {true, false, true};
	bool		p0[3] = {false, false, false};
	char		err[RG_MSE_ERR_MAX];

	(void) state;
	assert_int_equal(rg_mse_state_init(s, 1, "stepwise", 8, err), RG_MSE_TOO_FEW_LISTS);
	assert_int_equal(rg_mse_state_init(s, 16, "stepwise", 8, err), RG_MSE_TOO_MANY_LISTS);
	assert_int_equal(rg_mse_state_init(s, 3, "4:1", 3, err), RG_MSE_BAD_MODEL);
	assert_int_equal(rg_mse_state_init(s, 3, "stepwise", 8, err), RG_MSE_OK);
	assert_int_equal(rg_mse_accumulate(s, p1, 3, 4), RG_MSE_OK);
	assert_int_equal(rg_mse_accumulate(s, p1, 3, 2), RG_MSE_OK);
	assert_true(s->cells[5] == 6);
	assert_int_equal(rg_mse_accumulate(s, p1, 2, 1), RG_MSE_LENGTH_MISMATCH);
	assert_int_equal(rg_mse_accumulate(s, p0, 3, 1), RG_MSE_EMPTY_PATTERN);
	assert_int_equal(rg_mse_accumulate(s, p1, 3, -1), RG_MSE_NEGATIVE);
	assert_int_equal(rg_mse_accumulate_mask(s, 8, 1), RG_MSE_LENGTH_MISMATCH);
	assert_int_equal(rg_mse_accumulate_mask(s, 5, INT64_MAX), RG_MSE_OVERFLOW);
	assert_true(s->cells[5] == 6);	/* unchanged on error */
	assert_int_equal(rg_mse_state_same_model(s, "stepwise", 8), RG_MSE_OK);
	assert_int_equal(rg_mse_state_same_model(s, "Stepwise", 8), RG_MSE_MODEL_MISMATCH);

	/* combine */
	assert_int_equal(rg_mse_state_init(t, 3, "stepwise", 8, err), RG_MSE_OK);
	assert_int_equal(rg_mse_accumulate_mask(t, 5, 10), RG_MSE_OK);
	assert_int_equal(rg_mse_accumulate_mask(t, 2, 7), RG_MSE_OK);
	assert_int_equal(rg_mse_state_combine(s, t), RG_MSE_OK);
	assert_true(s->cells[5] == 16 && s->cells[2] == 7 && s->cells[1] == 0);
	assert_int_equal(rg_mse_state_init(t, 3, "independence", 12, err), RG_MSE_OK);
	assert_int_equal(rg_mse_state_combine(s, t), RG_MSE_MODEL_MISMATCH);
	assert_int_equal(rg_mse_state_init(t, 3, "stepwise", 8, err), RG_MSE_OK);
	t->cells[5] = INT64_MAX;
	assert_int_equal(rg_mse_state_combine(s, t), RG_MSE_OVERFLOW);
	assert_true(s->cells[5] == 16);
	free(s);
	free(t);
}

static void
test_state_wire(void **state)
{
	RgMseState *s = uk5_state("1:2, 2:5");
	RgMseState *d = malloc(rg_mse_state_size(5));
	size_t		n = rg_mse_state_wire_size(s);
	unsigned char *buf = malloc(n);
	char		err[RG_MSE_ERR_MAX];
	int			k;

	(void) state;
	assert_int_equal(n, 12 + 8 + 8 + 4 + 31 * 8);
	rg_mse_state_encode(s, buf);
	assert_int_equal(rg_mse_state_peek(buf, n, &k), RG_MSE_OK);
	assert_int_equal(k, 5);
	assert_int_equal(rg_mse_state_decode(buf, n, d, err), RG_MSE_OK);
	assert_memory_equal(d, s, rg_mse_state_size(5));
	/* wrong length, magic, k, model, negative count */
	assert_int_equal(rg_mse_state_decode(buf, n - 1, d, err), RG_MSE_BAD_BINARY);
	buf[0] = 'X';
	assert_int_equal(rg_mse_state_decode(buf, n, d, err), RG_MSE_BAD_BINARY);
	buf[0] = 'M';
	buf[7] = 16;
	assert_int_equal(rg_mse_state_peek(buf, n, &k), RG_MSE_BAD_BINARY);
	buf[7] = 5;
	buf[12] = '9';				/* model "9:2, 2:5" is out of range */
	assert_int_equal(rg_mse_state_decode(buf, n, d, err), RG_MSE_BAD_MODEL);
	buf[12] = '1';
	buf[32] = 0x80;				/* first count negative */
	assert_int_equal(rg_mse_state_decode(buf, n, d, err), RG_MSE_NEGATIVE);
	free(buf);
	/* with names and a threshold */
	{
		const char *names[5] = {"la", "ng", "pfnca", "go", "gp"};
		size_t		lens[5] = {2, 2, 5, 2, 2};
		const char *bad[5] = {"la", "ng", "la", "go", "gp"};

		assert_int_equal(rg_mse_state_set_options(s, names, lens, 4, 0.05, err), RG_MSE_BAD_NAMES);
		assert_int_equal(rg_mse_state_set_options(s, bad, lens, 5, 0.05, err), RG_MSE_BAD_NAMES);
		assert_int_equal(rg_mse_state_set_options(s, names, lens, 5, 0, err), RG_MSE_BAD_THRESHOLD);
		assert_int_equal(rg_mse_state_set_options(s, names, lens, 5, NAN, err), RG_MSE_BAD_THRESHOLD);
		assert_int_equal(rg_mse_state_set_options(s, names, lens, 5, 0.01, err), RG_MSE_OK);
		n = rg_mse_state_wire_size(s);
		assert_int_equal(n, 12 + 8 + 8 + 4 + 3 + 3 + 6 + 3 + 3 + 31 * 8);
		buf = malloc(n);
		rg_mse_state_encode(s, buf);
		assert_int_equal(rg_mse_state_decode(buf, n, d, err), RG_MSE_OK);
		assert_memory_equal(d, s, rg_mse_state_size(5));
		assert_true(rg_mse_state_same_options(s, d));
		d->p_threshold = 0.05;
		assert_false(rg_mse_state_same_options(s, d));
		buf[33] = '1';			/* the first name becomes "12": all digits */
		buf[34] = '2';
		assert_int_equal(rg_mse_state_decode(buf, n, d, err), RG_MSE_BAD_BINARY);
		free(buf);
	}
	free(s);
	free(d);
}

static void
test_uk5_stepwise(void **state)
{
	RgMseState *s = uk5_state("stepwise");
	RgMseResult *r = fit_state(s, RG_MSE_OK);
	char		buf[128],
				err[RG_MSE_ERR_MAX];
	double		lo,
				hi;

	(void) state;
	assert_true(r->observed == 2744);
	assert_rel(r->unobserved, 8568.990289435265, 1e-8);
	assert_rel(rg_mse_estimate(r), 11312.990289435265, 1e-9);
	assert_rel(r->aic, 127.59863057681207, 1e-9);
	rg_mse_model_format(r, false, buf, sizeof(buf));
	assert_string_equal(buf, "[1:2, 2:5, 3:5, 1:3, 4:5, 2:4]");
	assert_int_equal(rg_mse_profile_interval(r, 0.95, &lo, &hi, err), RG_MSE_OK);
	assert_rel(lo, 9907.823428061127, 1e-8);
	assert_rel(hi, 13063.794553017307, 1e-8);
	assert_int_equal(rg_mse_profile_interval(r, 1.0, &lo, &hi, err), RG_MSE_BAD_LEVEL);
	assert_int_equal(rg_mse_profile_interval(r, 0.0, &lo, &hi, err), RG_MSE_BAD_LEVEL);
	assert_int_equal(rg_mse_profile_interval(r, NAN, &lo, &hi, err), RG_MSE_BAD_LEVEL);
	free(r);
	free(s);
}

static void
test_uk5_independence(void **state)
{
	RgMseState *s = uk5_state("independence");
	RgMseResult *r = fit_state(s, RG_MSE_OK);
	char		err[RG_MSE_ERR_MAX];
	double		lo,
				hi;

	(void) state;
	assert_int_equal(r->npairs, 0);
	assert_rel(rg_mse_estimate(r), 13444.13120901438, 1e-9);
	assert_rel(r->aic, 217.77887646276093, 1e-9);
	assert_int_equal(rg_mse_profile_interval(r, 0.95, &lo, &hi, err), RG_MSE_OK);
	assert_rel(lo, 12003.997432644124, 1e-8);
	assert_rel(hi, 15160.291201445003, 1e-8);
	free(r);
	free(s);
}

/* a table that the independence model fits exactly: N0 follows by hand */
static void
test_exact_independence(void **state)
{
	/* N = 1000, p = (0.5, 0.4, 0.2): N0 = 1000 * 0.5 * 0.6 * 0.8 = 240 */
	int64_t		cells[8] = {0, 240, 160, 160, 60, 60, 40, 40};
	RgMseModel	m = {RG_MSE_INDEPENDENCE, 0.05, 0, {{0}}};
	RgMseResult *r = malloc(rg_mse_result_size(3));
	char		err[RG_MSE_ERR_MAX];

	(void) state;
	assert_int_equal(rg_mse_fit(cells, 3, &m, r, err), RG_MSE_OK);
	assert_rel(r->unobserved, 240, 1e-10);
	assert_true(fabs(r->deviance) < 1e-8);
	/* Petersen on two lists: 100 * 80 / 20 = 400 */
	{
		int64_t		c2[4] = {0, 80, 60, 20};

		assert_int_equal(rg_mse_fit(c2, 2, &m, r, err), RG_MSE_OK);
		assert_rel(rg_mse_estimate(r), 400, 1e-10);
		/* no overlap: no estimate, and a status that says why */
		c2[3] = 0;
		assert_int_equal(rg_mse_fit(c2, 2, &m, r, err), RG_MSE_OK);
		assert_int_equal(r->status, RG_MSE_FIT_NO_OVERLAP);
		assert_true(r->unobserved == 0 && r->observed == 140);
		c2[1] = c2[2] = 0;
		assert_int_equal(rg_mse_fit(c2, 2, &m, r, err), RG_MSE_NO_DATA);
	}
	free(r);
}

static void
test_fit_errors(void **state)
{
	RgMseState *s = uk5_state("1:5");
	RgMseModel	m;
	RgMseResult *r = malloc(rg_mse_result_size(5));
	char		err[RG_MSE_ERR_MAX];
	int64_t		c3[8] = {0, 10, 10, 0, 10, 0, 0, 0};

	(void) state;
	/* LA and GP share nobody */
	assert_int_equal(rg_mse_model_parse("1:5", 3, 5, &m, err), RG_MSE_OK);
	assert_int_equal(rg_mse_fit(s->cells, 5, &m, r, err), RG_MSE_OK);
	assert_int_equal(r->status, RG_MSE_FIT_NO_OVERLAP);
	assert_int_equal(r->npairs, 1);
	/* three lists with no overlap at all: the MLE does not exist */
	m.kind = RG_MSE_INDEPENDENCE;
	m.npairs = 0;
	assert_int_equal(rg_mse_fit(c3, 3, &m, r, err), RG_MSE_OK);
	assert_int_equal(r->status, RG_MSE_FIT_NO_MLE);
	/* more parameters than cells stays an error of the call */
	assert_int_equal(rg_mse_model_parse("1:2", 3, 2, &m, err), RG_MSE_OK);
	{
		int64_t		c2[4] = {0, 5, 5, 5};

		assert_int_equal(rg_mse_fit(c2, 2, &m, r, err), RG_MSE_SINGULAR);
	}
	m.kind = RG_MSE_INDEPENDENCE;
	m.npairs = 0;
	c3[1] = -1;
	assert_int_equal(rg_mse_fit(c3, 3, &m, r, err), RG_MSE_NEGATIVE);
	assert_int_equal(rg_mse_fit(c3, 1, &m, r, err), RG_MSE_TOO_FEW_LISTS);
	free(r);
	free(s);
}

static void
test_result_wire(void **state)
{
	RgMseState *s = uk5_state("stepwise");
	RgMseResult *r = fit_state(s, RG_MSE_OK);
	RgMseResult *d = malloc(rg_mse_result_size(5));
	size_t		n = rg_mse_result_wire_size(r);
	unsigned char *buf = malloc(n);
	char		err[RG_MSE_ERR_MAX];
	int			k;

	(void) state;
	assert_int_equal(n, 24 + 2 * 6 + 8 * 5 + 8 * 31);
	rg_mse_result_encode(r, buf);
	assert_int_equal(rg_mse_result_peek(buf, n, &k), RG_MSE_OK);
	assert_int_equal(k, 5);
	assert_int_equal(rg_mse_result_decode(buf, n, d, err), RG_MSE_OK);
	assert_memory_equal(d, r, rg_mse_result_size(5));

	/* the 0.1.0 form, written by hand: "MSR1", k, npairs, pairs, figures, counts */
	{
		size_t		n1 = 12 + 2 * 6 + 8 * 5 + 8 * 31;
		unsigned char *v1 = malloc(n1);
		unsigned char *id1 = malloc(n),
				   *id2 = malloc(n);

		memcpy(v1, "MSR1", 4);
		memcpy(v1 + 4, buf + 4, 8);
		memcpy(v1 + 12, buf + 24, n1 - 12);
		assert_int_equal(rg_mse_result_peek(v1, n1, &k), RG_MSE_OK);
		assert_int_equal(rg_mse_result_decode(v1, n1, d, err), RG_MSE_OK);
		assert_memory_equal(d, r, rg_mse_result_size(5));
		assert_int_equal(rg_mse_result_decode(v1, n1 - 1, d, err), RG_MSE_BAD_BINARY);
		/* equal identities */
		rg_mse_result_identity(r, id1);
		assert_int_equal(rg_mse_result_decode(v1, n1, d, err), RG_MSE_OK);
		/* every printed figure enters the identity; the intercept does not */
		d->intercept += 1e-13;
		rg_mse_result_identity(d, id2);
		assert_memory_equal(id1, id2, n);
		d->unobserved = nextafter(d->unobserved, 1e300);
		rg_mse_result_identity(d, id2);
		assert_memory_not_equal(id1, id2, n);
		for (int f = 0; f < 3; f++)
		{
			assert_int_equal(rg_mse_result_decode(v1, n1, d, err), RG_MSE_OK);
			if (f == 0)
				d->aic = nextafter(d->aic, 0);
			else if (f == 1)
				d->deviance = nextafter(d->deviance, 0);
			else
				d->intercept_se = nextafter(d->intercept_se, 0);
			rg_mse_result_identity(d, id2);
			assert_memory_not_equal(id1, id2, n);
		}
		assert_int_equal(rg_mse_result_decode(v1, n1, d, err), RG_MSE_OK);
		d->cells[3] += 1;
		rg_mse_result_identity(d, id2);
		assert_memory_not_equal(id1, id2, n);
		free(v1);
		free(id1);
		free(id2);
	}

	assert_int_equal(rg_mse_result_decode(buf, n + 1, d, err), RG_MSE_BAD_BINARY);
	/* npairs too large for k */
	buf[11] = 11;
	assert_int_equal(rg_mse_result_decode(buf, n, d, err), RG_MSE_BAD_BINARY);
	buf[11] = 6;
	/* a pair with i == j */
	buf[24] = 1;
	buf[25] = 1;
	assert_int_equal(rg_mse_result_decode(buf, n, d, err), RG_MSE_BAD_MODEL);
	/* duplicate pair: (1,4) twice -> second pair 2:5 becomes 1:2 */
	buf[24] = 0;
	buf[26] = 0;
	buf[27] = 1;
	assert_int_equal(rg_mse_result_decode(buf, n, d, err), RG_MSE_BAD_MODEL);
	rg_mse_result_encode(r, buf);
	/* a NaN figure */
	memset(buf + 36, 0xff, 8);
	assert_int_equal(rg_mse_result_decode(buf, n, d, err), RG_MSE_NOT_FINITE);
	rg_mse_result_encode(r, buf);
	/* an unknown status, a status without figures that holds figures */
	buf[15] = 9;
	assert_int_equal(rg_mse_result_decode(buf, n, d, err), RG_MSE_BAD_BINARY);
	buf[15] = RG_MSE_FIT_NO_MLE;
	assert_int_equal(rg_mse_result_decode(buf, n, d, err), RG_MSE_BAD_BINARY);
	rg_mse_result_encode(r, buf);
	/* names announced but missing */
	buf[23] = 5;
	assert_int_equal(rg_mse_result_decode(buf, n, d, err), RG_MSE_BAD_BINARY);
	rg_mse_result_encode(r, buf);
	/* a figure that differs from a refit is kept: input never refits */
	buf[36 + 3] ^= 0x01;
	assert_int_equal(rg_mse_result_decode(buf, n, d, err), RG_MSE_OK);
	assert_true(d->unobserved != r->unobserved);
	rg_mse_result_encode(r, buf);
	/* a negative count */
	buf[n - 8] = 0x80;
	assert_int_equal(rg_mse_result_decode(buf, n, d, err), RG_MSE_NEGATIVE);
	/* all counts zero */
	memset(buf + n - 8 * 31, 0, 8 * 31);
	assert_int_equal(rg_mse_result_decode(buf, n, d, err), RG_MSE_NO_DATA);
	free(buf);
	free(d);
	free(r);
	free(s);
}

static void
test_result_010(void **state)
{
	RgMseState *s = uk5_state("stepwise");
	RgMseResult *r = fit_state(s, RG_MSE_OK);
	RgMseResult *d = malloc(rg_mse_result_size(5));
	size_t		n = rg_mse_result_identity_size(r);
	unsigned char *a = malloc(n),
			   *b = malloc(n);
	char		buf[128],
				err[RG_MSE_ERR_MAX];
	double		lo,
				hi;
	int			k;

	(void) state;
	assert_int_equal(rg_mse_result_peek(uk5_stored_by_010, sizeof(uk5_stored_by_010), &k), RG_MSE_OK);
	assert_int_equal(rg_mse_result_decode(uk5_stored_by_010, sizeof(uk5_stored_by_010), d, err), RG_MSE_OK);
	assert_int_equal(d->status, RG_MSE_FIT_OK);
	assert_int_equal(d->flags, 0);
	assert_int_equal(d->nnames, 0);
	assert_true(d->observed == 2744);
	assert_rel(rg_mse_estimate(d), 11312.990289435265, 1e-9);
	rg_mse_model_format(d, true, buf, sizeof(buf));
	assert_string_equal(buf, "[1:2, 2:5, 3:5, 1:3, 4:5, 2:4]");
	assert_int_equal(rg_mse_profile_interval(d, 0.95, &lo, &hi, err), RG_MSE_OK);
	assert_rel(lo, 9907.823428061127, 1e-8);
	assert_rel(hi, 13063.794553017307, 1e-8);
	/* equal to the same fit made today */
	rg_mse_result_identity(r, a);
	rg_mse_result_identity(d, b);
	assert_memory_equal(a, b, n);
	free(a);
	free(b);
	free(d);
	free(r);
	free(s);
}

static void
test_result_text(void **state)
{
	RgMseState *s = uk5_state("stepwise");
	RgMseResult *r = fit_state(s, RG_MSE_OK);
	RgMseResult *d = malloc(rg_mse_result_size(RG_MSE_MAX_LISTS));
	size_t		sz = rg_mse_result_text_size(5);
	char	   *buf = malloc(sz);
	char		err[RG_MSE_ERR_MAX];
	int			len,
				k;

	(void) state;
	len = rg_mse_result_format(r, buf, sz);
	assert_true((size_t) len < sz);
	assert_true(strncmp(buf, "(lists=5, model=[1:2, 2:5, 3:5, 1:3, 4:5, 2:4], status=ok, observed=2744, unobserved=8568.99028943", 97) == 0);
	assert_int_equal(rg_mse_result_text_peek(buf, &k), RG_MSE_OK);
	assert_int_equal(k, 5);
	assert_int_equal(rg_mse_result_parse(buf, d, err), RG_MSE_OK);
	assert_int_equal(d->npairs, 6);
	assert_rel(d->unobserved, r->unobserved, 1e-12);
	assert_true(d->deviance == r->deviance && d->intercept_se == r->intercept_se);
	assert_true(d->flags == 0 && d->status == RG_MSE_FIT_OK);
	assert_true(memcmp(d->cells, r->cells, sizeof(int64_t) * 32) == 0);
	/* the 0.1.0 form: no refit, the interval refits when asked */
	assert_int_equal(rg_mse_result_parse("(lists=5, model=[1:2, 2:5, 3:5, 1:3, 4:5, 2:4], observed=2744, unobserved=8568.99028943522, estimate=11312.9902894352, aic=127.598630576813, counts=[54, 463, 15, 995, 19, 62, 1, 695, 3, 19, 1, 76, 0, 4, 1, 316, 0, 1, 0, 11, 0, 0, 0, 8, 0, 0, 0, 0, 0, 0, 0])",
										 d, err), RG_MSE_OK);
	assert_int_equal(d->flags, RG_MSE_NEED_REFIT);
	{
		double		lo,
					hi;

		assert_int_equal(rg_mse_profile_interval(d, 0.95, &lo, &hi, err), RG_MSE_OK);
		assert_rel(lo, 9907.823428061127, 1e-8);
		assert_rel(hi, 13063.794553017307, 1e-8);
	}
	/* names and a status without figures */
	assert_int_equal(rg_mse_result_parse("(lists=2, names=[police, ngo], model=[], status=no_overlap, observed=30, counts=[10, 20, 0])",
										 d, err), RG_MSE_OK);
	assert_int_equal(d->status, RG_MSE_FIT_NO_OVERLAP);
	assert_string_equal(d->names[1], "ngo");
	len = rg_mse_result_format(d, buf, sz);
	assert_string_equal(buf, "(lists=2, names=[police, ngo], model=[], status=no_overlap, observed=30, counts=[10, 20, 0])");
	assert_int_equal(rg_mse_result_parse("(lists=2, names=[police, police], model=[], status=no_overlap, observed=30, counts=[10, 20, 0])",
										 d, err), RG_MSE_BAD_NAMES);
	assert_int_equal(rg_mse_result_parse("(lists=2, names=[police, 12], model=[], status=no_overlap, observed=30, counts=[10, 20, 0])",
										 d, err), RG_MSE_BAD_NAMES);
	assert_int_equal(rg_mse_result_parse("(lists=2, model=[], status=maybe, observed=30, counts=[10, 20, 0])",
										 d, err), RG_MSE_SYNTAX);
	assert_int_equal(rg_mse_result_parse("(lists=2, model=[], status=no_overlap, observed=31, counts=[10, 20, 0])",
										 d, err), RG_MSE_INCONSISTENT);
	len = rg_mse_result_format(r, buf, sz);

	assert_int_equal(rg_mse_result_parse("(lists=2, model=[], observed=3, unobserved=1, estimate=4, aic=1, counts=[1, 1])",
										 d, err), RG_MSE_SYNTAX);
	assert_int_equal(rg_mse_result_parse("(lists=2, model=[], observed=3, unobserved=1, estimate=5, aic=12.2, counts=[1, 1, 1])",
										 d, err), RG_MSE_INCONSISTENT);
	assert_int_equal(rg_mse_result_parse("(lists=2, model=[], observed=4, unobserved=1, estimate=5, aic=12.2, counts=[1, 1, 1])",
										 d, err), RG_MSE_INCONSISTENT);
	assert_int_equal(rg_mse_result_parse("(lists=2, model=[], observed=3, unobserved=1, estimate=4, aic=12.2, counts=[1, 1, 1])",
										 d, err), RG_MSE_OK);
	assert_int_equal(rg_mse_result_parse("(lists=2, model=[], observed=3, unobserved=1, estimate=4, aic=0x1p3, counts=[1, 1, 1])",
										 d, err), RG_MSE_SYNTAX);
	assert_int_equal(rg_mse_result_parse("(lists=2, model=[], observed=3, unobserved=inf, estimate=4, aic=1, counts=[1, 1, 1])",
										 d, err), RG_MSE_SYNTAX);
	assert_int_equal(rg_mse_result_parse("(lists=2, model=[1:3], observed=3, unobserved=1, estimate=4, aic=1, counts=[1, 1, 1])",
										 d, err), RG_MSE_BAD_MODEL);
	assert_int_equal(rg_mse_result_parse("(lists=99, model=[]", d, err), RG_MSE_TOO_MANY_LISTS);
	assert_int_equal(rg_mse_result_parse("(lists=1, model=[]", d, err), RG_MSE_TOO_FEW_LISTS);
	assert_int_equal(rg_mse_result_parse("", d, err), RG_MSE_SYNTAX);
	/* trailing text */
	buf[len] = 'x';
	buf[len + 1] = '\0';
	assert_int_equal(rg_mse_result_parse(buf, d, err), RG_MSE_SYNTAX);
	free(buf);
	free(d);
	free(r);
	free(s);
}

/* Fienberg and Rinaldo's test, on tables whose answer is known by hand */
static void
test_mle_exists(void **state)
{
	char		err[RG_MSE_ERR_MAX];
	bool		ok;
	/* three lists, everyone on exactly one: the MLE does not exist */
	int64_t		singles[8] = {0, 10, 10, 0, 10, 0, 0, 0};
	/* only the triple cell empty: it exists */
	int64_t		notriple[8] = {0, 10, 10, 5, 10, 5, 5, 0};
	RgMseState *s = uk5_state("stepwise");
	const uint8_t uk_model[6][2] = {{0, 1}, {1, 4}, {2, 4}, {0, 2}, {3, 4}, {1, 3}};
	const uint8_t no_overlap[1][2] = {{0, 4}};
	/* a pair whose lists overlap only in the triple cell, which is empty */
	const uint8_t p12[1][2] = {{0, 1}};
	int64_t		only_triple[8] = {0, 10, 10, 0, 10, 5, 5, 2};

	(void) state;
	assert_int_equal(rg_mse_mle_exists(singles, 3, NULL, 0, &ok, err), RG_MSE_OK);
	assert_false(ok);
	assert_int_equal(rg_mse_mle_exists(notriple, 3, NULL, 0, &ok, err), RG_MSE_OK);
	assert_true(ok);
	assert_int_equal(rg_mse_mle_exists(s->cells, 5, uk_model, 6, &ok, err), RG_MSE_OK);
	assert_true(ok);
	assert_int_equal(rg_mse_mle_exists(s->cells, 5, no_overlap, 1, &ok, err), RG_MSE_OK);
	assert_false(ok);
	/*
	 * lists 1 and 2 meet only in the triple cell (2 people): 1:2 exists;
	 * with the triple cell empty they never meet and it cannot
	 */
	assert_int_equal(rg_mse_mle_exists(only_triple, 3, p12, 1, &ok, err), RG_MSE_OK);
	assert_true(ok);
	only_triple[7] = 0;
	assert_int_equal(rg_mse_mle_exists(only_triple, 3, p12, 1, &ok, err), RG_MSE_OK);
	assert_false(ok);
	/*
	 * only the three pair cells observed: their rows alone have rank 3 < 4,
	 * so the linear program decides.  By hand: the margins force the
	 * triple cell to equal the sum of the single cells, and single cells of
	 * e, pair cells of 5 - 2e and a triple cell of 3e (e small) are positive
	 * with the data's margins, so the MLE exists (R's glm(family = poisson)
	 * converges, unobserved 0.7735027)
	 */
	{
		int64_t		pairs_only[8] = {0, 0, 0, 5, 0, 5, 5, 0};
		RgMseModel	m = {RG_MSE_INDEPENDENCE, 0.05, 0, {{0}}};
		RgMseResult *r = malloc(rg_mse_result_size(3));

		assert_int_equal(rg_mse_mle_exists(pairs_only, 3, NULL, 0, &ok, err), RG_MSE_OK);
		assert_true(ok);
		assert_int_equal(rg_mse_fit(pairs_only, 3, &m, r, err), RG_MSE_OK);
		assert_int_equal(r->status, RG_MSE_FIT_OK);
		assert_rel(r->unobserved, 0.7735027, 1e-6);
		free(r);
	}
	free(s);
}

/* Petersen with counts of 1e13: 100e12 * 80e12 / 20e12 = 400e12 */
static void
test_huge(void **state)
{
	int64_t		c2[4] = {0, 80000000000000, 60000000000000, 20000000000000};
	RgMseModel	m = {RG_MSE_STEPWISE, 0.05, 0, {{0}}};
	RgMseResult *r = malloc(rg_mse_result_size(2));
	char		err[RG_MSE_ERR_MAX];

	(void) state;
	assert_int_equal(rg_mse_fit(c2, 2, &m, r, err), RG_MSE_OK);
	assert_int_equal(r->status, RG_MSE_FIT_OK);
	assert_rel(rg_mse_estimate(r), 400e12, 1e-12);
	free(r);
}

static void
test_chapman(void **state)
{
	double		e,
				v;

	(void) state;
	/* 101 * 81 / 21 - 1 and 101 * 81 * 80 * 60 / (21^2 * 22) */
	assert_int_equal(rg_chapman(100, 80, 20, &e, &v), RG_MSE_OK);
	assert_rel(e, 8181.0 / 21.0 - 1, 1e-15);
	assert_rel(v, 39268800.0 / 9702.0, 1e-15);
	assert_int_equal(rg_chapman(10, 20, 0, &e, &v), RG_MSE_OK);
	assert_rel(e, 230, 1e-15);
	assert_rel(v, 23100, 1e-15);
	assert_int_equal(rg_chapman(-1, 20, 0, &e, &v), RG_MSE_NEGATIVE);
	assert_int_equal(rg_chapman(10, 20, 11, &e, &v), RG_MSE_INCONSISTENT);
}

/*
 * The figures of a summary read from outside are checked against its
 * counts and model: the true fit, the 0.1.0 stored bytes and the 0.1.0
 * text form pass; each altered figure is refused and named.
 */
static void
test_result_verify(void **state)
{
	RgMseState *s = uk5_state("stepwise");
	RgMseResult *r = fit_state(s, RG_MSE_OK);
	RgMseResult *d = malloc(rg_mse_result_size(RG_MSE_MAX_LISTS));
	char		err[RG_MSE_ERR_MAX];
	const char *figure;

	(void) state;
	assert_int_equal(rg_mse_result_verify(r, &figure, err), RG_MSE_OK);
	assert_null(figure);
	assert_int_equal(rg_mse_result_decode(uk5_stored_by_010, sizeof(uk5_stored_by_010), d, err), RG_MSE_OK);
	assert_int_equal(rg_mse_result_verify(d, &figure, err), RG_MSE_OK);
	assert_int_equal(rg_mse_result_parse("(lists=5, model=[1:2, 2:5, 3:5, 1:3, 4:5, 2:4], observed=2744, unobserved=8568.99028943522, estimate=11312.9902894352, aic=127.598630576813, counts=[54, 463, 15, 995, 19, 62, 1, 695, 3, 19, 1, 76, 0, 4, 1, 316, 0, 1, 0, 11, 0, 0, 0, 8, 0, 0, 0, 0, 0, 0, 0])",
										 d, err), RG_MSE_OK);
	assert_int_equal(rg_mse_result_verify(d, &figure, err), RG_MSE_OK);

	/* the forged estimate of the issue: 1,000,070 for counts that give 127 */
	{
		int64_t		c3[8] = {0, 30, 20, 10, 25, 8, 6, 3};
		RgMseModel	m = {RG_MSE_INDEPENDENCE, 0.05, 0, {{0}}};
		RgMseResult *t = malloc(rg_mse_result_size(3));

		assert_int_equal(rg_mse_fit(c3, 3, &m, t, err), RG_MSE_OK);
		assert_int_equal(rg_mse_result_verify(t, &figure, err), RG_MSE_OK);
		t->unobserved = 1000070 - 102;
		t->intercept = log(t->unobserved);
		assert_int_equal(rg_mse_result_verify(t, &figure, err), RG_MSE_INCONSISTENT);
		assert_string_equal(figure, "unobserved");
		free(t);
	}
	/* a relative 1e-4 in the unobserved count is refused, 1e-9 is not */
	memcpy(d, r, rg_mse_result_size(5));
	d->unobserved *= 1 + 1e-4;
	d->intercept = log(d->unobserved);
	assert_int_equal(rg_mse_result_verify(d, &figure, err), RG_MSE_INCONSISTENT);
	assert_string_equal(figure, "unobserved");
	assert_non_null(strstr(err, "8568.99"));
	memcpy(d, r, rg_mse_result_size(5));
	d->unobserved *= 1 + 1e-9;
	d->intercept = log(d->unobserved);
	assert_int_equal(rg_mse_result_verify(d, &figure, err), RG_MSE_OK);
	/* the intercept must be log(unobserved) */
	memcpy(d, r, rg_mse_result_size(5));
	d->intercept += 1e-3;
	assert_int_equal(rg_mse_result_verify(d, &figure, err), RG_MSE_INCONSISTENT);
	/* aic, deviance, intercept_se */
	memcpy(d, r, rg_mse_result_size(5));
	d->aic += 0.01;
	assert_int_equal(rg_mse_result_verify(d, &figure, err), RG_MSE_INCONSISTENT);
	assert_string_equal(figure, "aic");
	memcpy(d, r, rg_mse_result_size(5));
	d->deviance *= 1.001;
	assert_int_equal(rg_mse_result_verify(d, &figure, err), RG_MSE_INCONSISTENT);
	assert_string_equal(figure, "deviance");
	memcpy(d, r, rg_mse_result_size(5));
	d->intercept_se *= 1.001;
	assert_int_equal(rg_mse_result_verify(d, &figure, err), RG_MSE_INCONSISTENT);
	assert_string_equal(figure, "intercept_se");
	/* the same figures under another model, or other counts */
	memcpy(d, r, rg_mse_result_size(5));
	d->npairs = 5;
	assert_int_equal(rg_mse_result_verify(d, &figure, err), RG_MSE_INCONSISTENT);
	memcpy(d, r, rg_mse_result_size(5));
	d->cells[1] += 10;
	d->observed += 10;
	assert_int_equal(rg_mse_result_verify(d, &figure, err), RG_MSE_INCONSISTENT);
	/* a summary without figures has nothing to check */
	memcpy(d, r, rg_mse_result_size(5));
	d->status = RG_MSE_FIT_FAILED;
	d->unobserved = d->aic = d->deviance = d->intercept = d->intercept_se = 0;
	assert_int_equal(rg_mse_result_verify(d, &figure, err), RG_MSE_OK);
	free(d);
	free(r);
	free(s);
}

/*
 * Three lists with every pair dependent.  Silverman's rule adds 1:2 and 1:3
 * and stops: 2:3 would give the model as many parameters (7) as the table
 * has cells.  With 1:2 and 1:3, lists 2 and 3 are independent given list
 * 1, so by hand N0 = y(010) y(001) / y(011) = 60 * 70 / 50 = 84.
 * SparseMSE's rule, with a loose threshold, reaches the saturated model
 * (its identifiability test allows as many parameters as cells), where the three-way
 * term is 0: N0 = y100 y010 y001 y111 / (y110 y101 y011)
 * = 50 * 60 * 70 * 100 / (40 * 45 * 50) = 233.33...
 */
static void
test_saturation(void **state)
{
	int64_t		c3[8] = {0, 50, 60, 40, 70, 45, 50, 100};
	RgMseModel	m = {RG_MSE_STEPWISE, 0.05, 0, {{0}}};
	RgMseResult *r = malloc(rg_mse_result_size(3));
	char		err[RG_MSE_ERR_MAX],
				buf[64];
	const char *figure;

	(void) state;
	assert_int_equal(rg_mse_fit(c3, 3, &m, r, err), RG_MSE_OK);
	assert_int_equal(r->status, RG_MSE_FIT_OK);
	rg_mse_model_format(r, false, buf, sizeof(buf));
	assert_string_equal(buf, "[1:2, 1:3]");
	assert_rel(r->unobserved, 84, 1e-9);
	/* SparseMSE's rule: no overlap is unusual enough at 0.02 (R: none) */
	m.kind = RG_MSE_SPARSEMSE;
	m.p_threshold = RG_MSE_P_SPARSEMSE;
	assert_int_equal(rg_mse_fit(c3, 3, &m, r, err), RG_MSE_OK);
	rg_mse_model_format(r, false, buf, sizeof(buf));
	assert_string_equal(buf, "[]");
	/* at 0.5 it adds all three (R: the same), as SparseMSE allows */
	m.p_threshold = 0.5;
	assert_int_equal(rg_mse_fit(c3, 3, &m, r, err), RG_MSE_OK);
	assert_int_equal(r->status, RG_MSE_FIT_OK);
	rg_mse_model_format(r, false, buf, sizeof(buf));
	assert_string_equal(buf, "[1:2, 1:3, 2:3]");
	assert_rel(r->unobserved, 50.0 * 60 * 70 * 100 / (40.0 * 45 * 50), 1e-9);
	assert_true(fabs(r->deviance) < 1e-8);
	assert_int_equal(rg_mse_result_verify(r, &figure, err), RG_MSE_OK);
	free(r);
}

/*
 * SparseMSE's rule on UKdat_5 chooses the same six interactions as
 * Silverman's, in the same order (test/oracle/r_sparsemse.R); the default
 * threshold of the model text is 0.02.
 */
static void
test_uk5_sparsemse(void **state)
{
	RgMseState *s = uk5_state("sparsemse");
	RgMseModel	m;
	RgMseResult *r = malloc(rg_mse_result_size(5));
	char		err[RG_MSE_ERR_MAX],
				buf[64];

	(void) state;
	assert_true(rg_mse_default_threshold("sparsemse", 9) == 0.02);
	assert_true(rg_mse_default_threshold(" SparseMSE ", 11) == 0.02);
	assert_true(rg_mse_default_threshold("stepwise", 8) == 0.05);
	assert_int_equal(rg_mse_model_parse("sparsemse", 9, 5, &m, err), RG_MSE_OK);
	assert_int_equal(m.kind, RG_MSE_SPARSEMSE);
	assert_true(m.p_threshold == 0.02);
	assert_int_equal(rg_mse_fit(s->cells, 5, &m, r, err), RG_MSE_OK);
	assert_int_equal(r->status, RG_MSE_FIT_OK);
	rg_mse_model_format(r, false, buf, sizeof(buf));
	assert_string_equal(buf, "[1:2, 2:5, 3:5, 1:3, 4:5, 2:4]");
	assert_rel(rg_mse_estimate(r), 11312.990289435265, 1e-9);
	free(r);
	free(s);
}

int
main(void)
{
	char		math_err[256];
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_model_parse),
		cmocka_unit_test(test_accumulate),
		cmocka_unit_test(test_state_wire),
		cmocka_unit_test(test_uk5_stepwise),
		cmocka_unit_test(test_uk5_independence),
		cmocka_unit_test(test_exact_independence),
		cmocka_unit_test(test_fit_errors),
		cmocka_unit_test(test_result_wire),
		cmocka_unit_test(test_result_010),
		cmocka_unit_test(test_result_text),
		cmocka_unit_test(test_mle_exists),
		cmocka_unit_test(test_huge),
		cmocka_unit_test(test_chapman),
		cmocka_unit_test(test_result_verify),
		cmocka_unit_test(test_saturation),
		cmocka_unit_test(test_uk5_sparsemse),
	};

	if (rg_math_load(math_err, sizeof(math_err)) != 0)
	{
		fprintf(stderr, "%s\n", math_err);
		return 1;
	}
	return cmocka_run_group_tests_name("mse", tests, NULL, NULL);
}
