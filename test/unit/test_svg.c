/*
 * Unit tests of src/core/svg.c, funnel_plot.c and ratio_chart.c.  Expected
 * strings and coordinates are worked out by hand from the documented
 * layout (plot area x 72..604, y 48..444 in an 800 x 500 funnel plot).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <math.h>
#include <string.h>
#include <cmocka.h>

#include "mathlib.h"

#include "svg.h"
#include "funnel_plot.h"
#include "plot_frame.h"
#include "ratio_chart.h"
#include "binomial.h"
#include "funnel.h"
#include "svg_check.h"

static void *
plain_realloc(void *p, size_t n, void *arg)
{
	(void) arg;
	return realloc(p, n);
}

/* fails once *budget allocations have been made */
static void *
failing_realloc(void *p, size_t n, void *arg)
{
	int		   *budget = arg;

	if ((*budget)-- <= 0)
		return NULL;
	return realloc(p, n);
}

static void
expect_text(const char *in, size_t len, size_t max_chars, const char *want)
{
	RgSvg		s;

	rg_svg_init(&s, 0, plain_realloc, NULL);
	rg_svg_raw(&s, "", 0);
	rg_svg_text(&s, in, len, max_chars);
	assert_int_equal(s.status, RG_SVG_OK);
	assert_string_equal(s.buf ? s.buf : "", want);
	free(s.buf);
}

static void
test_escape(void **state)
{
	(void) state;
	expect_text("plain", 5, 0, "plain");
	expect_text("</text><script>alert(1)</script>", 32, 0,
				"&lt;/text&gt;&lt;script&gt;alert(1)&lt;/script&gt;");
	expect_text("a&b\"c'd", 7, 0, "a&amp;b&quot;c&#39;d");
	/* controls: tab, newline, CR become spaces, the rest U+FFFD */
	expect_text("a\tb\nc\rd", 7, 0, "a b c d");
	expect_text("a\x01" "b\x7f" "c", 5, 0, "a&#xFFFD;b&#xFFFD;c");
	expect_text("\0x", 2, 0, "&#xFFFD;x");
	/* valid UTF-8: character references, so the document is ASCII */
	expect_text("Ynys M\xC3\xB4n", 9, 0, "Ynys M&#xF4;n");
	expect_text("\xE2\x82\xAC", 3, 0, "&#x20AC;");
	expect_text("\xF0\x9F\x98\x80", 4, 0, "&#x1F600;");
	/* C1 control U+0085 and the non-characters U+FFFE/U+FFFF */
	expect_text("\xC2\x85", 2, 0, "&#xFFFD;");
	expect_text("\xEF\xBF\xBE\xEF\xBF\xBF", 6, 0, "&#xFFFD;&#xFFFD;");
	/* invalid UTF-8: overlong, surrogate, above U+10FFFF, stray, truncated */
	expect_text("\xC0\xAF", 2, 0, "&#xFFFD;&#xFFFD;");
	expect_text("\xE0\x80\xAF", 3, 0, "&#xFFFD;&#xFFFD;&#xFFFD;");
	expect_text("\xED\xA0\x80", 3, 0, "&#xFFFD;&#xFFFD;&#xFFFD;");
	expect_text("\xF4\x90\x80\x80", 4, 0, "&#xFFFD;&#xFFFD;&#xFFFD;&#xFFFD;");
	expect_text("\x80z", 2, 0, "&#xFFFD;z");
	expect_text("\xE2\x82", 2, 0, "&#xFFFD;&#xFFFD;");
	/* cut after max_chars characters */
	expect_text("abcdef", 6, 3, "abc&#x2026;");
	expect_text("abc", 3, 3, "abc");
	expect_text("\xC3\xB4\xC3\xB4\xC3\xB4", 6, 2, "&#xF4;&#xF4;&#x2026;");
}

static void
test_every_byte(void **state)
{
	(void) state;
	/* each byte alone, and each byte inside a valid 2-byte sequence */
	for (int b = 0; b < 256; b++)
	{
		char		in[3] = {(char) b, (char) 0xC3, (char) b};
		RgSvg		s;

		for (size_t len = 1; len <= 3; len++)
		{
			rg_svg_init(&s, 0, plain_realloc, NULL);
			rg_svg_str(&s, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg a=\"");
			rg_svg_text(&s, in, len, 0);
			rg_svg_str(&s, "\">");
			rg_svg_text(&s, in, len, 0);
			rg_svg_str(&s, "</svg>\n");
			assert_int_equal(s.status, RG_SVG_OK);
			if (svg_check(s.buf, s.len) != NULL)
				fail_msg("byte %d, length %zu: %s in %s", b, len, svg_check(s.buf, s.len), s.buf);
			free(s.buf);
		}
	}
}

static void
expect_num(double v, int d, const char *want)
{
	RgSvg		s;

	rg_svg_init(&s, 0, plain_realloc, NULL);
	rg_svg_num(&s, v, d);
	assert_string_equal(s.buf, want);
	free(s.buf);
}

static void
test_numbers(void **state)
{
	RgSvg		s;

	(void) state;
	expect_num(0, 2, "0.00");
	expect_num(426.666666, 2, "426.67");
	expect_num(-1.005, 1, "-1.0");
	expect_num(2.5, 0, "3");
	expect_num(-2.5, 0, "-3");
	expect_num(-0.001, 2, "0.00");	/* no "-0" */
	expect_num(0.320872, 6, "0.320872");
	expect_num(1e300, 0, "1000000000000");
	expect_num(NAN, 2, "0.00");
	expect_num(-INFINITY, 1, "0.0");
	expect_num(0.5, 9, "0.500000");
	rg_svg_init(&s, 0, plain_realloc, NULL);
	rg_svg_int(&s, INT64_MIN);
	rg_svg_char(&s, ' ');
	rg_svg_int(&s, INT64_MAX);
	assert_string_equal(s.buf, "-9223372036854775808 9223372036854775807");
	free(s.buf);
	rg_svg_init(&s, 0, plain_realloc, NULL);
	rg_svg_printf(&s, "%d|%D|%f|%3|%s|%t|%%", -7, (int64_t) 1 << 53, 1.0 / 3, 2.0 / 3, "raw<", "<t>", (size_t) 3);
	assert_string_equal(s.buf, "-7|9007199254740992|0.33|0.667|raw<|&lt;t&gt;|%");
	free(s.buf);
	/* nice steps: 1, 2 or 5 times a power of ten */
	assert_true(fabs(rg_svg_nice_step(103, 5) - 50) < 1e-12);
	assert_true(fabs(rg_svg_nice_step(1, 5) - 0.2) < 1e-12);
	assert_true(fabs(rg_svg_nice_step(0.05, 5) - 0.01) < 1e-12);
	assert_true(fabs(rg_svg_nice_step(7, 5) - 2) < 1e-12);
	assert_int_equal(rg_svg_step_decimals(0.2), 1);
	assert_int_equal(rg_svg_step_decimals(0.05), 2);
	assert_int_equal(rg_svg_step_decimals(50), 0);
}

typedef enum
{
	SHOWN,
	EXACT,
	PERCENT
} NumKind;

static void
expect_number(NumKind kind, double v, int d, const char *want)
{
	RgSvg		s;

	rg_svg_init(&s, 0, plain_realloc, NULL);
	rg_svg_raw(&s, "", 0);
	if (kind == SHOWN)
		rg_svg_shown(&s, v, d);
	else if (kind == EXACT)
		rg_svg_exact(&s, v);
	else
		rg_svg_percent(&s, v);
	if (strcmp(s.buf, want) != 0)
		fail_msg("%.17g (kind %d, %d decimals): \"%s\", want \"%s\"", v, (int) kind, d, s.buf, want);
	free(s.buf);
}

/*
 * The rule of doc/pictures.md for numbers a reader sees, worked by hand:
 * to 3 decimals, rounded half up on the shortest decimal of the value;
 * when rounding changed it and the last digit written is 0, one more
 * decimal, until the last digit is not 0 or the number is exact; exact
 * numbers without trailing zeros.
 */
static void
test_shown_numbers(void **state)
{
	RgSvg		s;

	(void) state;
	/* 1.000 would claim 1: 0.9995 is exact at 4 decimals */
	expect_number(SHOWN, 0.9995, 3, "0.9995");
	/* 1.000, 1.0000, then exact at 5 */
	expect_number(SHOWN, 0.99995, 3, "0.99995");
	/* 0.000 would claim 0 */
	expect_number(SHOWN, 0.0004, 3, "0.0004");
	expect_number(SHOWN, 0.00004, 3, "0.00004");
	expect_number(SHOWN, 1e-9, 3, "0.000000001");
	/* 1 - 1e-12: the shortest decimal is twelve nines */
	expect_number(SHOWN, 1 - 1e-12, 3, "0.999999999999");
	expect_number(SHOWN, 0, 3, "0");
	expect_number(SHOWN, -0.0, 3, "0");
	expect_number(SHOWN, 1, 3, "1");
	expect_number(SHOWN, 0.5, 3, "0.5");
	expect_number(SHOWN, 0.75, 3, "0.75");
	expect_number(SHOWN, 0.1, 3, "0.1");
	/* ordinary rounding stays: the last digit is not 0 */
	expect_number(SHOWN, 0.6125, 3, "0.613");	/* half up on "0.6125" */
	expect_number(SHOWN, 0.3205, 3, "0.321");
	expect_number(SHOWN, 29.0 / 91.0, 3, "0.319");	/* 0.318681... */
	expect_number(SHOWN, 0.9991, 3, "0.999");
	/* rounding to a round-looking number does not */
	expect_number(SHOWN, 0.1996, 3, "0.1996");	/* not 0.200 */
	expect_number(SHOWN, 0.2004, 3, "0.2004");	/* not 0.200 */
	expect_number(SHOWN, 0.12 + 1e-9, 3, "0.120000001");
	expect_number(SHOWN, 1.5e-9, 3, "0.000000002");
	expect_number(SHOWN, -0.0004, 3, "-0.0004");
	/* tau2 with 4 decimals */
	expect_number(SHOWN, 0.0042, 4, "0.0042");
	expect_number(SHOWN, 0.00421, 4, "0.0042");
	expect_number(SHOWN, 0.00004, 4, "0.00004");
	expect_number(SHOWN, 2.25, 3, "2.25");
	expect_number(SHOWN, 1234.56789, 3, "1234.568");
	/* below 1e-9 and from 1e15 up: exact, scientific */
	expect_number(SHOWN, 1e-10, 3, "1e-10");
	expect_number(SHOWN, 5e-324, 3, "5e-324");
	expect_number(SHOWN, 1e300, 3, "1e300");
	expect_number(SHOWN, NAN, 3, "0");

	/* exact: the shortest decimal that reads back as the same double */
	expect_number(EXACT, 0.95, 0, "0.95");
	expect_number(EXACT, 250, 0, "250");
	expect_number(EXACT, 0.1 * 3, 0, "0.30000000000000004");
	expect_number(EXACT, 0.6125, 0, "0.6125");
	expect_number(EXACT, 1e-9, 0, "0.000000001");
	expect_number(EXACT, 999999999999999.0, 0, "999999999999999");
	expect_number(EXACT, 1e15, 0, "1e15");
	expect_number(EXACT, 9007199254740992.0, 0, "9.007199254740992e15");
	expect_number(EXACT, 0, 0, "0");

	/* levels as percentages, exactly, on the decimal digits */
	expect_number(PERCENT, 0.95, 0, "95");
	expect_number(PERCENT, 0.998, 0, "99.8");
	expect_number(PERCENT, 0.9, 0, "90");	/* 0.9 * 100 is 90.00000000000001 */
	expect_number(PERCENT, 0.975, 0, "97.5");
	expect_number(PERCENT, 0.9995, 0, "99.95");
	expect_number(PERCENT, 0.9999999, 0, "99.99999");	/* not 100 */
	expect_number(PERCENT, 1e-9, 0, "0.0000001");

	/* tick labels: exact multiples of the step, integers from step 1 up */
	rg_svg_init(&s, 0, plain_realloc, NULL);
	rg_svg_tick(&s, 3, 0.2);
	rg_svg_char(&s, ' ');
	rg_svg_tick(&s, 0, 0.05);
	rg_svg_char(&s, ' ');
	rg_svg_tick(&s, 7, 50);
	rg_svg_char(&s, ' ');
	rg_svg_tick(&s, 4, 2e15);	/* beyond what %6 could write (1e12) */
	assert_string_equal(s.buf, "0.6 0.00 350 8000000000000000");
	free(s.buf);
	/* printf's %v is rg_svg_exact */
	rg_svg_init(&s, 0, plain_realloc, NULL);
	rg_svg_printf(&s, "%v|%v", 0.0004, 250.0);
	assert_string_equal(s.buf, "0.0004|250");
	free(s.buf);
}

/* The frame: degenerate ranges are guarded once, for both pictures. */
static void
test_frame(void **state)
{
	RgPlotFrame f;
	long		i0,
				i1;

	(void) state;
	rg_plot_frame_init(&f, 800, 500, 0);
	/* the page of doc/pictures.md: x 72..604, y 48..444 */
	assert_true(f.x0 == 72 && f.x1 == 604 && f.y0 == 48 && f.y1 == 444);
	rg_plot_frame_init(&f, 800, 500, 12);
	assert_true(f.x0 == 84 && f.x1 == 592 && f.ax0 == 72 && f.ax1 == 604);
	/* an empty x range: the middle, not a division by zero */
	f.xmin = f.xmax = 7300;
	assert_true(rg_plot_px(&f, 7300) == (84 + 592) / 2.0);
	f.ymin = f.ymax = 0.5;
	assert_true(rg_plot_py(&f, 0.5) == (48 + 444) / 2.0);
	f.xmax = NAN;
	assert_true(rg_plot_px(&f, 1) == (84 + 592) / 2.0);
	/* ratio axis: 0.30 .. 0.32 is widened to a span of 0.05, step 0.01 */
	rg_plot_ratio_axis(&f, 0.30, 0.32);
	assert_true(fabs(f.ystep - 0.01) < 1e-15);
	assert_true(fabs(f.ymin - 0.30) < 1e-12 && fabs(f.ymax - 0.32) < 1e-12);
	/* one value: a step either side */
	rg_plot_ratio_axis(&f, 1, 1);
	assert_true(fabs(f.ymin - 0.99) < 1e-12 && f.ymax == 1);
	/* nothing, or NaN: 0..1 */
	rg_plot_ratio_axis(&f, 1, 0);
	assert_true(f.ymin == 0 && f.ymax == 1);
	rg_plot_ratio_axis(&f, NAN, 0.5);
	assert_true(f.ymin == 0 && f.ymax == 1);
	/* count axis: 200 * 1.03 = 206, step 50, end 250 */
	assert_true(rg_plot_count_axis(&f, 200) == 50);
	assert_true(f.xmin == 0 && f.xmax == 250);
	rg_plot_tick_range(0, 250, 50, &i0, &i1);
	assert_true(i0 == 0 && i1 == 5);
	rg_plot_tick_range(0, 1, 0, &i0, &i1);
	assert_true(i1 < i0);
}

static void
test_dates(void **state)
{
	int			y,
				m,
				d;

	(void) state;
	rg_svg_date(0, &y, &m, &d);
	assert_true(y == 2000 && m == 1 && d == 1);
	rg_svg_date(31 + 28, &y, &m, &d);	/* 2000 is a leap year */
	assert_true(y == 2000 && m == 2 && d == 29);
	rg_svg_date(366, &y, &m, &d);
	assert_true(y == 2001 && m == 1 && d == 1);
	rg_svg_date(-1, &y, &m, &d);
	assert_true(y == 1999 && m == 12 && d == 31);
	rg_svg_date(7305, &y, &m, &d);	/* 20 years of 365 days + 5 leap days */
	assert_true(y == 2020 && m == 1 && d == 1);
}

static void
test_bounds(void **state)
{
	RgSvg		s;
	int			budget = 0;

	(void) state;
	rg_svg_init(&s, 10, plain_realloc, NULL);
	rg_svg_str(&s, "0123456789");
	assert_int_equal(s.status, RG_SVG_OK);
	rg_svg_char(&s, 'x');
	assert_int_equal(s.status, RG_SVG_TOO_LARGE);
	assert_int_equal(s.len, 10);
	rg_svg_str(&s, "more");		/* a no-op after a failure */
	assert_string_equal(s.buf, "0123456789");
	free(s.buf);
	rg_svg_init(&s, 0, failing_realloc, &budget);
	rg_svg_str(&s, "x");
	assert_int_equal(s.status, RG_SVG_NO_MEMORY);
	assert_null(s.buf);
}

static RgSvgStatus
funnel(RgFunnelUnit *u, size_t k, const RgFunnelOptions *o, char **doc)
{
	RgSvg		s;
	RgSvgStatus st;
	const char *bad = NULL;

	rg_svg_init(&s, 0, plain_realloc, NULL);
	st = rg_funnel_plot_svg(u, k, o, &s, &bad);
	if (st == RG_SVG_OK)
	{
		const char *why = svg_check(s.buf, s.len);

		if (why)
			fail_msg("ill-formed: %s", why);
	}
	*doc = s.buf;
	return st;
}

static RgFunnelUnit
unit(const char *label, int64_t n, int64_t x, int64_t u)
{
	RgFunnelUnit r;

	r.label = label;
	r.label_len = label ? strlen(label) : 0;
	r.c.referrals = n;
	r.c.recorded = x;
	r.c.unknown = u;
	r.c.timely = 0;
	return r;
}

static void
test_funnel(void **state)
{
	RgFunnelOptions o;
	RgFunnelUnit u[5];
	char	   *doc,
			   *doc2;

	(void) state;
	rg_funnel_options_default(&o);
	u[0] = unit("A", 100, 50, 0);
	u[1] = unit("B", 100, 90, 0);
	u[2] = unit("C", 100, 10, 0);
	u[3] = unit("D", 100, 0, 100);
	u[4] = unit("</text><script>", 100, 50, 0);
	assert_int_equal(funnel(u, 5, &o, &doc), RG_SVG_OK);
	/* pooled target (50 + 90 + 10 + 50) / 400 = 0.5; D has unknowns */
	assert_non_null(strstr(doc, "data-target=\"0.5\""));
	/* B at x = 72 + 100/150 * 532 = 426.67, y = 444 - 0.9 * 396 = 87.60 */
	assert_non_null(strstr(doc, "<g class=\"unit outlier high\" data-referrals=\"100\" data-recorded=\"90\""));
	assert_non_null(strstr(doc, "<circle cx=\"426.67\" cy=\"87.60\" r=\"5\" fill=\"#d55e00\"/>"));
	assert_non_null(strstr(doc, "<g class=\"unit undetermined\" data-referrals=\"100\" data-recorded=\"0\" data-unknown=\"100\""));
	assert_null(strstr(doc, "<script"));
	assert_non_null(strstr(doc, "&lt;/text&gt;&lt;script&gt;"));
	/* any order: the same bytes */
	{
		RgFunnelUnit r[5] = {u[3], u[1], u[4], u[0], u[2]};

		assert_int_equal(funnel(r, 5, &o, &doc2), RG_SVG_OK);
		assert_string_equal(doc, doc2);
		free(doc2);
	}
	free(doc);

	/* one point, with a NULL label; its own ratio is the pooled target */
	u[0] = unit(NULL, 1, 1, 0);
	assert_int_equal(funnel(u, 1, &o, &doc), RG_SVG_OK);
	assert_non_null(strstr(doc, "data-target=\"1\""));
	assert_non_null(strstr(doc, "(no label)"));
	free(doc);

	/* no unit without unknowns and no target: points, no limits */
	u[0] = unit("X", 10, 2, 3);
	assert_int_equal(funnel(u, 1, &o, &doc), RG_SVG_OK);
	assert_null(strstr(doc, "class=\"limit"));
	assert_non_null(strstr(doc, "No limits"));
	free(doc);

	/* zero units, and only units without referrals: "no data" */
	assert_int_equal(funnel(NULL, 0, &o, &doc), RG_SVG_OK);
	assert_non_null(strstr(doc, ">no data</text>"));
	free(doc);
	u[0] = unit("Z", 0, 0, 0);
	assert_int_equal(funnel(u, 1, &o, &doc), RG_SVG_OK);
	assert_non_null(strstr(doc, ">no data</text>"));
	free(doc);

	/* extreme counts: 2^53 referrals draw; one more does not */
	u[0] = unit("big", INT64_C(9007199254740992), INT64_C(4503599627370496), 0);
	u[1] = unit("small", 1, 0, 0);
	assert_int_equal(funnel(u, 2, &o, &doc), RG_SVG_OK);
	free(doc);
	u[0].c.referrals++;
	assert_int_equal(funnel(u, 2, &o, &doc), RG_SVG_BAD_COUNTS);
	free(doc);
	u[0] = unit("bad", 5, 6, 0);
	assert_int_equal(funnel(u, 1, &o, &doc), RG_SVG_BAD_COUNTS);
	free(doc);
}

static void
test_funnel_options(void **state)
{
	RgFunnelOptions o;
	RgFunnelUnit u[1];
	RgSvg		s;
	const char *bad;

	(void) state;
	u[0] = unit("A", 10, 5, 0);
#define BAD(field, value, name) do { \
		rg_funnel_options_default(&o); o.field = value; \
		rg_svg_init(&s, 0, plain_realloc, NULL); bad = NULL; \
		assert_int_equal(rg_funnel_plot_svg(u, 1, &o, &s, &bad), RG_SVG_BAD_OPTION); \
		assert_string_equal(bad, name); free(s.buf); } while (0)
	BAD(width, 299, "width");
	BAD(height, 4001, "height");
	BAD(phi, -0.5, "phi");
	BAD(phi, INFINITY, "phi");
	BAD(phi, NAN, "phi");
	BAD(tau2, -0.1, "tau2");
	BAD(tau2, NAN, "tau2");
	BAD(tau2, INFINITY, "tau2");
	/* phi and tau2 together */
	rg_funnel_options_default(&o);
	o.phi = 2;
	o.tau2 = 0.01;
	rg_svg_init(&s, 0, plain_realloc, NULL);
	assert_int_equal(rg_funnel_plot_svg(u, 1, &o, &s, &bad), RG_SVG_BAD_OPTION);
	assert_string_equal(bad, "tau2");
	free(s.buf);
	BAD(nlevels, 0, "levels");
	BAD(nlevels, 4, "levels");
	BAD(levels[0], 1.0, "levels");
	BAD(levels[1], 0.95, "levels");	/* repeated */
	o.has_target = 1;
	rg_funnel_options_default(&o);
	o.has_target = 1;
	o.target = NAN;
	rg_svg_init(&s, 0, plain_realloc, NULL);
	assert_int_equal(rg_funnel_plot_svg(u, 1, &o, &s, &bad), RG_SVG_BAD_OPTION);
	assert_string_equal(bad, "target");
	free(s.buf);
}

/* The limit curves are the core's funnel limits at the plotted n. */
static void
test_funnel_curves(void **state)
{
	RgFunnelOptions o;
	RgFunnelUnit u[2];
	char	   *doc,
			   *p;
	int			paths = 0;

	(void) state;
	rg_funnel_options_default(&o);
	o.has_target = 1;
	o.target = 0.3;
	o.phi = 1.69;
	u[0] = unit("A", 40, 12, 0);
	u[1] = unit("B", 200, 60, 0);
	/*
	 * x axis: 200 * 1.03 = 206 over about 5 ticks is 41.2 a tick, so the
	 * nice step is 50 and the axis ends at 250
	 */
	assert_int_equal(funnel(u, 2, &o, &doc), RG_SVG_OK);
	assert_non_null(strstr(doc, "data-xmax=\"250\""));
	for (p = strstr(doc, "<path class=\"limit "); p; p = strstr(p + 1, "<path class=\"limit "))
	{
		int			upper = strncmp(p + 19, "upper", 5) == 0;
		double		level = strtod(strstr(p, "data-level=\"") + 12, NULL);
		char	   *d = strstr(p, " d=\"") + 4;
		double		ymin = 0,
					ymax = 1;
		int			pts = 0;

		/* y axis range of this document */
		ymin = strtod(strstr(doc, "data-ymin=\"") + 11, NULL);
		ymax = strtod(strstr(doc, "data-ymax=\"") + 11, NULL);
		while (*d == 'M' || *d == ' ')
		{
			double		x,
						y,
						lo,
						hi,
						want;
			int64_t		n;

			d += (*d == 'M') ? 1 : 2;
			x = strtod(d, &d);
			y = strtod(d, &d);
			n = llround((x - 72.0) / 532.0 * 250.0);
			assert_int_equal(rg_funnel_limits(n, 0.3, level, &lo, &hi), RG_STAT_OK);
			/* widened by sqrt(1.69) = 1.3 around the target, clamped */
			want = upper ? 0.3 + 1.3 * (hi - 0.3) : 0.3 + 1.3 * (lo - 0.3);
			want = want < 0 ? 0 : (want > 1 ? 1 : want);
			assert_true(fabs(x - (72.0 + n / 250.0 * 532.0)) <= 0.005 + 1e-9);
			assert_true(fabs(y - (444.0 - (want - ymin) / (ymax - ymin) * 396.0)) <= 0.005 + 1e-9);
			pts++;
			if (*d == '"')
				break;
		}
		/* every integer n from 1 to 250 */
		assert_int_equal(pts, 250);
		paths++;
	}
	assert_int_equal(paths, 4);
	free(doc);
}

/* With tau2, the curves are FunnelPlotR's additive limits, by their formula. */
static void
test_funnel_curves_tau2(void **state)
{
	RgFunnelOptions o;
	RgFunnelUnit u[2];
	char	   *doc,
			   *p;
	int			paths = 0;

	(void) state;
	rg_funnel_options_default(&o);
	o.has_target = 1;
	o.target = 0.3;
	o.tau2 = 0.004;
	u[0] = unit("A", 40, 12, 0);
	u[1] = unit("B", 200, 60, 0);	/* axis 0..250 as above */
	assert_int_equal(funnel(u, 2, &o, &doc), RG_SVG_OK);
	assert_non_null(strstr(doc, "data-tau2=\"0.004\""));
	for (p = strstr(doc, "<path class=\"limit "); p; p = strstr(p + 1, "<path class=\"limit "))
	{
		int			upper = strncmp(p + 19, "upper", 5) == 0;
		double		level = strtod(strstr(p, "data-level=\"") + 12, NULL);
		char	   *d = strstr(p, " d=\"") + 4;
		double		ymin = strtod(strstr(doc, "data-ymin=\"") + 11, NULL),
					ymax = strtod(strstr(doc, "data-ymax=\"") + 11, NULL);
		/* z for a two-sided level: 1.959964 at 0.95, 3.090232 at 0.998 */
		double		z = level < 0.99 ? 1.959963984540054 : 3.090232306167813;
		int			pts = 0;

		while (*d == 'M' || *d == ' ')
		{
			double		x,
						y,
						a,
						want;
			int64_t		n;

			d += (*d == 'M') ? 1 : 2;
			x = strtod(d, &d);
			y = strtod(d, &d);
			n = llround((x - 72.0) / 532.0 * 250.0);
			a = asin(sqrt(0.3)) + (upper ? 1 : -1) * z * sqrt(1.0 / (4.0 * n) + 0.004);
			a = a < 0 ? 0 : (a > M_PI / 2 ? M_PI / 2 : a);
			want = sin(a) * sin(a);
			assert_true(fabs(y - (444.0 - (want - ymin) / (ymax - ymin) * 396.0)) <= 0.005 + 1e-9);
			pts++;
			if (*d == '"')
				break;
		}
		assert_int_equal(pts, 250);
		paths++;
	}
	assert_int_equal(paths, 4);
	free(doc);
}

static void
test_funnel_many(void **state)
{
	RgFunnelOptions o;
	RgFunnelUnit *u = malloc(sizeof(RgFunnelUnit) * (RG_SVG_MAX_POINTS + 1));
	char		(*labels)[16] = malloc(16 * (RG_SVG_MAX_POINTS + 1));
	char	   *doc;

	(void) state;
	rg_funnel_options_default(&o);
	for (int i = 0; i <= RG_SVG_MAX_POINTS; i++)
	{
		snprintf(labels[i], 16, "u%d", i);
		u[i] = unit(labels[i], 10 + i % 97, i % 7, i % 3);
	}
	assert_int_equal(funnel(u, RG_SVG_MAX_POINTS, &o, &doc), RG_SVG_OK);
	assert_true(strlen(doc) < RG_SVG_MAX_BYTES);
	free(doc);
	assert_int_equal(funnel(u, RG_SVG_MAX_POINTS + 1, &o, &doc), RG_SVG_TOO_MANY_POINTS);
	free(doc);
	free(u);
	free(labels);
}

static RgRatioRow
row(int32_t period, const char *series, int64_t n, int64_t x, int64_t u)
{
	RgRatioRow r;

	r.period = period;
	r.series = series;
	r.series_len = series ? strlen(series) : 0;
	r.c.referrals = n;
	r.c.recorded = x;
	r.c.unknown = u;
	r.c.timely = 0;
	return r;
}

static RgSvgStatus
chart(RgRatioRow *r, size_t k, const RgRatioOptions *o, char **doc, size_t *nseries)
{
	RgSvg		s;
	RgSvgStatus st;

	rg_svg_init(&s, 0, plain_realloc, NULL);
	st = rg_ratio_chart_svg(r, k, o, &s, NULL, nseries);
	if (st == RG_SVG_OK && svg_check(s.buf, s.len))
		fail_msg("ill-formed: %s", svg_check(s.buf, s.len));
	*doc = s.buf;
	return st;
}

static void
test_ratio_chart(void **state)
{
	RgRatioOptions o;
	RgRatioRow r[6],
				r2[6];
	char	   *doc,
			   *doc2;
	size_t		ns;
	static const char *names[9] = {"a", "b", "c", "d", "e", "f", "g", "h", "i"};
	RgRatioRow many[9];

	(void) state;
	rg_ratio_options_default(&o);
	o.has_threshold = 1;
	o.threshold = 0.5;
	r[0] = row(0, "x", 10, 5, 0);
	r[1] = row(31, "x", 20, 10, 0);
	r[2] = row(31, "x", 20, 14, 0);	/* added to the row above: 24 of 40 */
	r[3] = row(60, "x", 0, 0, 0);	/* a gap */
	r[4] = row(91, "x", 8, 2, 2);
	r[5] = row(0, "<y>", 50, 45, 0);
	memcpy(r2, r, sizeof(r));
	assert_int_equal(chart(r, 6, &o, &doc, &ns), RG_SVG_OK);
	assert_int_equal(ns, 2);
	/* "<y>" sorts before "x": first colour; x second */
	assert_non_null(strstr(doc, "data-colour=\"#0072b2\"><title>&lt;y&gt;</title>"));
	assert_non_null(strstr(doc, "data-colour=\"#d55e00\"><title>x</title>"));
	assert_non_null(strstr(doc, "data-period=\"2000-02-01\" data-referrals=\"40\" data-recorded=\"24\""));
	assert_null(strstr(doc, "data-period=\"2000-03-01\""));
	/* the line of x breaks at the gap: a second moveto */
	{
		char	   *line = strstr(strstr(doc, "<title>x</title>"), "class=\"line\"");

		assert_non_null(strstr(line, " M"));
		assert_true(strstr(line, " M") < strstr(line, "\"/>"));
	}
	/* reversed order: the same bytes */
	for (int i = 0; i < 3; i++)
	{
		RgRatioRow t = r2[i];

		r2[i] = r2[5 - i];
		r2[5 - i] = t;
	}
	assert_int_equal(chart(r2, 6, &o, &doc2, NULL), RG_SVG_OK);
	assert_string_equal(doc, doc2);
	free(doc);
	free(doc2);

	/* merging as rows come in: merged rows merge to themselves */
	{
		RgRatioRow m[4] = {row(5, "a", 2, 1, 0), row(1, "a", 3, 1, 1), row(5, "a", 4, 2, 0), row(1, NULL, 1, 0, 0)};
		size_t		k = 4,
					k2;

		assert_int_equal(rg_ratio_rows_merge(m, &k), RG_SVG_OK);
		assert_int_equal(k, 3);
		/* NULL series first, then "a" by period; day 5 is 2 + 4 = 6 of which 3 */
		assert_null(m[0].series);
		assert_int_equal(m[1].period, 1);
		assert_true(m[2].period == 5 && m[2].c.referrals == 6 && m[2].c.recorded == 3);
		k2 = k;
		assert_int_equal(rg_ratio_rows_merge(m, &k2), RG_SVG_OK);
		assert_int_equal(k2, k);
		assert_true(m[2].c.referrals == 6);
	}

	/* nine series: refused, with the count */
	for (int i = 0; i < 9; i++)
		many[i] = row(i, names[i], 1, 1, 0);
	assert_int_equal(chart(many, 9, &o, &doc, &ns), RG_SVG_TOO_MANY_SERIES);
	assert_int_equal(ns, 9);
	free(doc);
	/* eight draw */
	assert_int_equal(chart(many, 8, &o, &doc, &ns), RG_SVG_OK);
	assert_int_equal(ns, 8);
	free(doc);

	/* overflow when adding rows of one period */
	r[0] = row(0, NULL, INT64_C(9007199254740992), 0, 0);
	r[1] = row(0, NULL, 1, 0, 0);
	assert_int_equal(chart(r, 2, &o, &doc, NULL), RG_SVG_OVERFLOW);
	free(doc);

	/* no rows, and no period with referrals: "no data" */
	assert_int_equal(chart(NULL, 0, &o, &doc, NULL), RG_SVG_OK);
	assert_non_null(strstr(doc, ">no data</text>"));
	free(doc);
	r[0] = row(0, NULL, 0, 0, 0);
	assert_int_equal(chart(r, 1, &o, &doc, NULL), RG_SVG_OK);
	assert_non_null(strstr(doc, ">no data</text>"));
	free(doc);
	/* one point */
	r[0] = row(-36524, NULL, 3, 1, 1);
	assert_int_equal(chart(r, 1, &o, &doc, NULL), RG_SVG_OK);
	assert_non_null(strstr(doc, "data-period=\"1900-01-01\""));
	free(doc);
	o.threshold = 1.5;
	assert_int_equal(chart(r, 1, &o, &doc, NULL), RG_SVG_BAD_OPTION);
	free(doc);
}

/* The edges of doc/pictures.md's rule in the pictures themselves. */
static void
test_picture_numbers(void **state)
{
	static const struct
	{
		double		v;
		const char *shown;
		const char *exact;
	}			edge[] = {
		{0.9995, "0.9995", "0.9995"},
		{0.99995, "0.99995", "0.99995"},
		{0.0004, "0.0004", "0.0004"},
		{0.00004, "0.00004", "0.00004"},
		{1e-9, "0.000000001", "0.000000001"},
		{1 - 1e-12, "0.999999999999", "0.999999999999"},
		{0, "0", "0"},
		{1, "1", "1"},
		{0.5, "0.5", "0.5"},
	};
	RgFunnelOptions fo;
	RgRatioOptions ro;
	RgFunnelUnit u[2];
	RgRatioRow r[2];
	char	   *doc,
				want[160];

	(void) state;
	for (size_t i = 0; i < sizeof(edge) / sizeof(edge[0]); i++)
	{
		rg_funnel_options_default(&fo);
		fo.has_target = 1;
		fo.target = edge[i].v;
		u[0] = unit("A", 100, 50, 0);
		u[1] = unit("B", 1000, 400, 0);
		assert_int_equal(funnel(u, 2, &fo, &doc), RG_SVG_OK);
		snprintf(want, sizeof(want), ">Target %s</text>", edge[i].shown);
		if (!strstr(doc, want))
			fail_msg("target %.17g: no %s", edge[i].v, want);
		snprintf(want, sizeof(want), ", target %s.</desc>", edge[i].shown);
		assert_non_null(strstr(doc, want));
		snprintf(want, sizeof(want), " data-target=\"%s\"", edge[i].exact);
		assert_non_null(strstr(doc, want));
		free(doc);

		rg_ratio_options_default(&ro);
		ro.has_threshold = 1;
		ro.threshold = edge[i].v;
		r[0] = row(0, "x", 10, 5, 0);
		r[1] = row(31, "x", 20, 10, 0);
		assert_int_equal(chart(r, 2, &ro, &doc, NULL), RG_SVG_OK);
		snprintf(want, sizeof(want), ">Threshold %s</text>", edge[i].shown);
		if (!strstr(doc, want))
			fail_msg("threshold %.17g: no %s", edge[i].v, want);
		snprintf(want, sizeof(want), "<title>Threshold %s</title>", edge[i].shown);
		assert_non_null(strstr(doc, want));
		snprintf(want, sizeof(want), ", threshold %s.</desc>", edge[i].shown);
		assert_non_null(strstr(doc, want));
		snprintf(want, sizeof(want), " data-threshold=\"%s\"", edge[i].exact);
		assert_non_null(strstr(doc, want));
		free(doc);
	}
	/* phi and tau2 in the legend; levels as exact percentages */
	rg_funnel_options_default(&fo);
	fo.has_target = 1;
	fo.target = 0.4;
	fo.phi = 1.0004;
	fo.nlevels = 3;
	fo.levels[0] = 0.9999999;
	fo.levels[1] = 0.975;
	fo.levels[2] = 0.9;
	u[0] = unit("A", 100, 50, 0);
	u[1] = unit("B", 1000, 400, 0);
	assert_int_equal(funnel(u, 2, &fo, &doc), RG_SVG_OK);
	assert_non_null(strstr(doc, "&#x3C6; = 1.0004</text>"));	/* not 1.000 */
	assert_non_null(strstr(doc, ">99.99999% limits</text>"));	/* not 100 */
	assert_non_null(strstr(doc, ">97.5% limits</text>"));
	assert_non_null(strstr(doc, ">90% limits</text>"));
	assert_non_null(strstr(doc, ">Outside 99.99999% limits</text>"));
	assert_non_null(strstr(doc, "data-level=\"0.9999999\""));
	free(doc);
	fo.phi = 1;
	fo.tau2 = 0.00004;
	fo.nlevels = 1;
	fo.levels[0] = 0.95;
	assert_int_equal(funnel(u, 2, &fo, &doc), RG_SVG_OK);
	assert_non_null(strstr(doc, "&#x3C4;&#xB2; = 0.00004</text>"));	/* not 0.0000 */
	assert_non_null(strstr(doc, ", tau2 0.00004.</desc>"));
	free(doc);
	/* the pooled target 0.6125 is shown 0.613, exact in data-target */
	rg_funnel_options_default(&fo);
	u[0] = unit("A", 400, 245, 0);
	assert_int_equal(funnel(u, 1, &fo, &doc), RG_SVG_OK);
	assert_non_null(strstr(doc, ">Target 0.613 (pooled)</text>"));
	assert_non_null(strstr(doc, "data-target=\"0.6125\""));
	free(doc);
	/* 2^53 referrals: x ticks of 2e15 written in full, not clamped */
	u[0] = unit("big", INT64_C(9007199254740992), INT64_C(4503599627370496), 0);
	assert_int_equal(funnel(u, 1, &fo, &doc), RG_SVG_OK);
	assert_non_null(strstr(doc, ">8000000000000000</text>"));
	assert_non_null(strstr(doc, "data-xmax=\"1e16\""));
	free(doc);
}

int
main(void)
{
	char		math_err[256];
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_escape),
		cmocka_unit_test(test_every_byte),
		cmocka_unit_test(test_numbers),
		cmocka_unit_test(test_shown_numbers),
		cmocka_unit_test(test_frame),
		cmocka_unit_test(test_dates),
		cmocka_unit_test(test_bounds),
		cmocka_unit_test(test_funnel),
		cmocka_unit_test(test_funnel_options),
		cmocka_unit_test(test_funnel_curves),
		cmocka_unit_test(test_funnel_curves_tau2),
		cmocka_unit_test(test_funnel_many),
		cmocka_unit_test(test_ratio_chart),
		cmocka_unit_test(test_picture_numbers),
	};

	if (rg_math_load(math_err, sizeof(math_err)) != 0)
	{
		fprintf(stderr, "%s\n", math_err);
		return 1;
	}
	return cmocka_run_group_tests_name("svg", tests, NULL, NULL);
}
