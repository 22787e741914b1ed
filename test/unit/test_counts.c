/* Unit tests of src/core/counts.c. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <stdio.h>
#include <cmocka.h>

#include "mathlib.h"

#include "counts.h"

static void
test_check(void **state)
{
	RgCounts	c = {3146, 884, 0, 0};
	int			f = -1;

	(void) state;
	assert_int_equal(rg_counts_check(&c, &f), RG_OK);
	c.recorded = -1;
	assert_int_equal(rg_counts_check(&c, &f), RG_NEGATIVE);
	assert_int_equal(f, 1);
	c = (RgCounts) {10, 6, 5, 0};
	assert_int_equal(rg_counts_check(&c, &f), RG_EXCEEDS_REFERRALS);
	c = (RgCounts) {10, 11, 0, 0};
	assert_int_equal(rg_counts_check(&c, &f), RG_EXCEEDS_REFERRALS);
	c = (RgCounts) {10, 5, 5, 6};
	assert_int_equal(rg_counts_check(&c, &f), RG_TIMELY_EXCEEDS);
	/* recorded + unknown would overflow int64 if computed naively */
	c = (RgCounts) {INT64_MAX, INT64_MAX, INT64_MAX, 0};
	assert_int_equal(rg_counts_check(&c, &f), RG_EXCEEDS_REFERRALS);
	c = (RgCounts) {INT64_MAX, INT64_MAX - 1, 1, INT64_MAX - 1};
	assert_int_equal(rg_counts_check(&c, &f), RG_OK);
}

static void
test_add_sub(void **state)
{
	RgCounts	a = {10, 4, 2, 1}, b = {5, 3, 1, 3}, r;

	(void) state;
	assert_int_equal(rg_counts_add(&a, &b, &r), RG_OK);
	assert_true(r.referrals == 15 && r.recorded == 7 && r.unknown == 3 && r.timely == 4);
	assert_int_equal(rg_counts_sub(&r, &b, &r), RG_OK);
	assert_memory_equal(&r, &a, sizeof(r));
	/* removing something not contained */
	assert_int_equal(rg_counts_sub(&b, &a, &r), RG_UNDERFLOW);
	a = (RgCounts) {INT64_MAX, 0, 0, 0};
	b = (RgCounts) {1, 0, 0, 0};
	assert_int_equal(rg_counts_add(&a, &b, &r), RG_OVERFLOW);
}

static void
test_accum(void **state)
{
	RgCounts	c = {0, 0, 0, 0};

	(void) state;
	assert_int_equal(rg_counts_accum(&c, 1, 1), RG_OK);
	assert_int_equal(rg_counts_accum(&c, 1, 0), RG_OK);
	assert_int_equal(rg_counts_accum(&c, 0, 0), RG_OK);
	assert_int_equal(rg_counts_accum(&c, -1, 0), RG_OK);
	assert_true(c.referrals == 4 && c.recorded == 2 && c.unknown == 1 && c.timely == 1);
	/* timely but not recorded: refused, state untouched */
	assert_int_equal(rg_counts_accum(&c, 0, 1), RG_TIMELY_EXCEEDS);
	assert_int_equal(rg_counts_accum(&c, -1, 1), RG_TIMELY_EXCEEDS);
	assert_true(c.referrals == 4);
	assert_int_equal(rg_counts_unaccum(&c, 1, 1), RG_OK);
	assert_int_equal(rg_counts_unaccum(&c, -1, 0), RG_OK);
	assert_true(c.referrals == 2 && c.recorded == 1 && c.unknown == 0 && c.timely == 0);
	/* nothing unknown left to remove */
	assert_int_equal(rg_counts_unaccum(&c, -1, 0), RG_UNDERFLOW);
	c = (RgCounts) {INT64_MAX, 0, 0, 0};
	assert_int_equal(rg_counts_accum(&c, 0, 0), RG_OVERFLOW);
}

static void
test_parse(void **state)
{
	RgCounts	c;
	size_t		pos;
	const char *what;
	char		buf[RG_COUNTS_TEXT_MAX];

	(void) state;
	assert_int_equal(rg_counts_parse("(referrals=3146, recorded=884, unknown=0, timely=0)", &c, &pos, &what), RG_OK);
	assert_true(c.referrals == 3146 && c.recorded == 884);
	assert_int_equal(rg_counts_parse("  ( recorded = 2 ,referrals=+5 )  ", &c, &pos, &what), RG_OK);
	assert_true(c.referrals == 5 && c.recorded == 2 && c.unknown == 0 && c.timely == 0);
	assert_int_equal(rg_counts_parse("(referrals=-1, recorded=0)", &c, &pos, &what), RG_OK);
	assert_true(c.referrals == -1);
	assert_int_equal(rg_counts_parse("(referrals=-9223372036854775808, recorded=0)", &c, &pos, &what), RG_OK);
	assert_true(c.referrals == INT64_MIN);
	assert_int_equal(rg_counts_parse("(referrals=9223372036854775807, recorded=0)", &c, &pos, &what), RG_OK);
	assert_true(c.referrals == INT64_MAX);

	assert_int_equal(rg_counts_parse("(referrals=9223372036854775808, recorded=0)", &c, &pos, &what), RG_OVERFLOW);
	assert_int_equal(pos, 11);
	assert_int_equal(rg_counts_parse("(referrals=99999999999999999999999, recorded=0)", &c, &pos, &what), RG_OVERFLOW);
	assert_int_equal(rg_counts_parse("", &c, &pos, &what), RG_SYNTAX);
	assert_int_equal(rg_counts_parse("(referrals=1)", &c, &pos, &what), RG_SYNTAX);
	assert_int_equal(rg_counts_parse("(referrals=1, recorded=1, referrals=1)", &c, &pos, &what), RG_SYNTAX);
	assert_int_equal(pos, 26);
	assert_int_equal(rg_counts_parse("(referrals=1, recorded=1) x", &c, &pos, &what), RG_SYNTAX);
	assert_int_equal(rg_counts_parse("(referrals=1, recorded=1,)", &c, &pos, &what), RG_SYNTAX);
	assert_int_equal(rg_counts_parse("(referrals=1.5, recorded=1)", &c, &pos, &what), RG_SYNTAX);
	assert_int_equal(rg_counts_parse("(referrals=, recorded=1)", &c, &pos, &what), RG_SYNTAX);
	assert_int_equal(rg_counts_parse("(referralsx=1, recorded=1)", &c, &pos, &what), RG_SYNTAX);
	assert_int_equal(rg_counts_parse("(referrals=1, recorded=1", &c, &pos, &what), RG_SYNTAX);

	c = (RgCounts) {INT64_MAX, INT64_MAX, 0, INT64_MAX};
	assert_true(rg_counts_format(&c, buf, sizeof buf) < (int) sizeof buf);
	assert_string_equal(buf, "(referrals=9223372036854775807, recorded=9223372036854775807, unknown=0, timely=9223372036854775807)");
}

static void
test_binary(void **state)
{
	RgCounts	c = {0x0102030405060708LL, 2, 3, 1}, d;
	unsigned char buf[RG_COUNTS_WIRE_SIZE];

	(void) state;
	rg_counts_encode(&c, buf);
	assert_int_equal(buf[0], 0x01);
	assert_int_equal(buf[7], 0x08);
	assert_int_equal(buf[15], 2);
	assert_int_equal(rg_counts_decode(buf, sizeof buf, &d), RG_OK);
	assert_memory_equal(&c, &d, sizeof c);
	assert_int_equal(rg_counts_decode(buf, 31, &d), RG_BAD_LENGTH);
	memset(buf, 0xff, sizeof buf);
	assert_int_equal(rg_counts_decode(buf, sizeof buf, &d), RG_OK);
	assert_true(d.referrals == -1);
	assert_int_equal(rg_counts_check(&d, NULL), RG_NEGATIVE);
}

/* Published totals: the same rules as a summary with no unknowns. */
static void
test_totals(void **state)
{
	int			f = -1;

	(void) state;
	assert_int_equal(rg_totals_check(3146, 884, &f), RG_OK);
	assert_int_equal(rg_totals_check(0, 0, &f), RG_OK);
	assert_int_equal(rg_totals_check(5, 5, &f), RG_OK);
	assert_int_equal(rg_totals_check(884, 3146, &f), RG_EXCEEDS_REFERRALS);
	assert_int_equal(f, 1);
	assert_int_equal(rg_totals_check(-1, 0, &f), RG_NEGATIVE);
	assert_int_equal(f, 0);
	assert_int_equal(rg_totals_check(5, -1, &f), RG_NEGATIVE);
	assert_int_equal(f, 1);
	assert_int_equal(rg_totals_check(INT64_MIN, INT64_MIN, &f), RG_NEGATIVE);
	assert_int_equal(rg_totals_check(INT64_MAX, INT64_MAX, &f), RG_OK);
}

/* Counts written as numeric's text output. */
static void
test_from_decimal(void **state)
{
	int64_t		v = 42;

	(void) state;
	assert_int_equal(rg_count_from_decimal("3146", &v), RG_OK);
	assert_true(v == 3146);
	assert_int_equal(rg_count_from_decimal("3146.000", &v), RG_OK);
	assert_true(v == 3146);
	assert_int_equal(rg_count_from_decimal("0", &v), RG_OK);
	assert_true(v == 0);
	assert_int_equal(rg_count_from_decimal("-0.00", &v), RG_OK);
	assert_true(v == 0);
	assert_int_equal(rg_count_from_decimal("-2", &v), RG_OK);
	assert_true(v == -2);
	assert_int_equal(rg_count_from_decimal("9223372036854775807", &v), RG_OK);
	assert_true(v == INT64_MAX);
	assert_int_equal(rg_count_from_decimal("-9223372036854775808", &v), RG_OK);
	assert_true(v == INT64_MIN);
	/* one past either end */
	v = 7;
	assert_int_equal(rg_count_from_decimal("9223372036854775808", &v), RG_OVERFLOW);
	assert_int_equal(rg_count_from_decimal("-9223372036854775809", &v), RG_OVERFLOW);
	assert_int_equal(rg_count_from_decimal("100000000000000000000000.0", &v), RG_OVERFLOW);
	assert_int_equal(rg_count_from_decimal("Infinity", &v), RG_OVERFLOW);
	assert_int_equal(rg_count_from_decimal("-Infinity", &v), RG_OVERFLOW);
	/* fractions and NaN */
	assert_int_equal(rg_count_from_decimal("3146.5", &v), RG_NOT_WHOLE);
	assert_int_equal(rg_count_from_decimal("0.000001", &v), RG_NOT_WHOLE);
	assert_int_equal(rg_count_from_decimal("-0.5", &v), RG_NOT_WHOLE);
	assert_int_equal(rg_count_from_decimal("NaN", &v), RG_NOT_WHOLE);
	/* not numeric's output at all */
	assert_int_equal(rg_count_from_decimal("", &v), RG_SYNTAX);
	assert_int_equal(rg_count_from_decimal("-", &v), RG_SYNTAX);
	assert_int_equal(rg_count_from_decimal(".", &v), RG_SYNTAX);
	assert_int_equal(rg_count_from_decimal("1e3", &v), RG_SYNTAX);
	assert_int_equal(rg_count_from_decimal("1.5x", &v), RG_SYNTAX);
	assert_int_equal(rg_count_from_decimal(" 1", &v), RG_SYNTAX);
	assert_int_equal(rg_count_from_decimal("nan", &v), RG_SYNTAX);
	/* on failure the output is untouched */
	assert_true(v == 7);
}

int
main(void)
{
	char		math_err[256];
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_check),
		cmocka_unit_test(test_add_sub),
		cmocka_unit_test(test_accum),
		cmocka_unit_test(test_parse),
		cmocka_unit_test(test_binary),
		cmocka_unit_test(test_totals),
		cmocka_unit_test(test_from_decimal),
	};

	if (rg_math_load(math_err, sizeof(math_err)) != 0)
	{
		fprintf(stderr, "%s\n", math_err);
		return 1;
	}
	return cmocka_run_group_tests_name("counts", tests, NULL, NULL);
}
