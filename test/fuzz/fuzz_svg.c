/*
 * fuzz_svg.c - the SVG writer and the two picture layouts on untrusted
 * labels, titles, counts and options.
 *
 * requires: svg.c plot_frame.c funnel_plot.c ratio_chart.c
 *
 * The first byte picks the mode (3: mode 3, 4: mode 4, otherwise byte % 3);
 * properties checked:
 *  0 text: the rest of the input as a label and as an attribute value gives
 *    a well-formed, pure-ASCII document (test/unit/svg_check.h), whatever
 *    the bytes.
 *  1 funnel plot of units read from the input (label bytes, counts from a
 *    table of extreme values or raw, target, phi, tau2, levels): the status is OK
 *    exactly when every summary is valid with at most 2^53 referrals and the
 *    options are in range; an OK document is well formed and ASCII, and the
 *    units in reverse order give the same bytes.
 *  2 ratio chart of rows read the same way (series, period, counts,
 *    threshold): OK unless a summary is invalid, a sum overflows, there are
 *    more than 8 series or the threshold is out of range; well formed and
 *    the same in reverse order.
 *  3 many points: up to 5,001 generated units or rows from a seed; 5,000
 *    draw, 5,001 are refused.
 *  4 numbers: any double (raw bits, or a decimal near a round one), written
 *    by the rule of rg_svg_shown (doc/pictures.md) with 0 to 6 decimals: in
 *    fixed notation from 1e-9 to 1e15, with at least the decimals asked
 *    for unless exact, within half a unit of the last decimal written, and
 *    never ending in a 0 after the decimal point; otherwise scientific and
 *    exact.  rg_svg_exact reads back as the same double; rg_svg_percent as
 *    100 times it.
 */
#include "svg.h"
#include "funnel_plot.h"
#include "ratio_chart.h"
#include "binomial.h"
#include "fuzz_common.h"
#include "../unit/svg_check.h"

#include <math.h>

typedef struct Reader
{
	const uint8_t *p;
	size_t		n;
} Reader;

static uint8_t
rd8(Reader *r)
{
	uint8_t		v;

	if (r->n == 0)
		return 0;
	v = *r->p++;
	r->n--;
	return v;
}

static uint64_t
rd64(Reader *r)
{
	uint64_t	v = 0;

	for (int i = 0; i < 8; i++)
		v = (v << 8) | rd8(r);
	return v;
}

static int64_t
rd_count(Reader *r)
{
	static const int64_t special[] = {
		0, 1, 2, 3, 10, 100, 1000, -1,
		INT64_C(9007199254740991), INT64_C(9007199254740992), INT64_C(9007199254740993),
		INT64_MAX, INT64_MIN, INT64_C(4503599627370496), 46, 5000
	};
	uint8_t		b = rd8(r);

	if (b < 16)
		return special[b];
	if (b < 128)
		return b - 16;
	return (int64_t) rd64(r);
}

/* v reduced into [0, max] (max >= 0), without overflow */
static int64_t
bounded(int64_t v, int64_t max)
{
	return (int64_t) ((uint64_t) v % ((uint64_t) max + 1));
}

static void *
fuzz_realloc(void *p, size_t n, void *arg)
{
	(void) arg;
	return realloc(p, n);
}

static void
check_doc(const RgSvg *s)
{
	const char *why = svg_check(s->buf, s->len);

	PROPERTY(why == NULL, "ill-formed document: %s", why);
	PROPERTY(strlen(s->buf) == s->len, "NUL inside the document");
}

static int
counts_ok(const RgCounts *c)
{
	return rg_counts_check(c, NULL) == RG_OK && c->referrals <= RG_STAT_MAX_COUNT;
}

static void
mode_text(Reader *r)
{
	RgSvg		s;

	rg_svg_init(&s, 0, fuzz_realloc, NULL);
	rg_svg_str(&s, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg a=\"");
	rg_svg_text(&s, (const char *) r->p, r->n, 0);
	rg_svg_str(&s, "\"><text>");
	rg_svg_text(&s, (const char *) r->p, r->n, RG_SVG_MAX_LABEL_CHARS);
	rg_svg_str(&s, "</text></svg>\n");
	PROPERTY(s.status == RG_SVG_OK, "status %d", s.status);
	check_doc(&s);
	free(s.buf);
}

#define MAX_UNITS 64

static void
mode_funnel(Reader *r)
{
	RgFunnelOptions o;
	RgFunnelUnit u[MAX_UNITS],
				rev[MAX_UNITS];
	size_t		k = rd8(r) % (MAX_UNITS + 1);
	uint8_t		flags = rd8(r);
	int			valid = 1;
	RgSvg		s,
				s2;
	RgSvgStatus st,
				st2;
	const char *bad;

	rg_funnel_options_default(&o);
	if (flags & 1)
	{
		o.has_target = 1;
		o.target = (flags & 2) ? (double) rd8(r) / 255.0 : (double) (int8_t) rd8(r) / 64.0;
		valid &= o.target >= 0 && o.target <= 1;
	}
	if (flags & 4)
	{
		uint8_t		t;

		o.phi = (double) (int8_t) rd8(r) / 16.0;
		valid &= o.phi >= 0;
		/* and tau2, additive: never with phi > 1 */
		t = rd8(r);
		if (t & 1)
		{
			o.tau2 = (double) (int8_t) t / 2000.0;
			valid &= o.tau2 >= 0 && !(o.tau2 > 0 && o.phi > 1);
		}
	}
	if (flags & 8)
	{
		o.nlevels = 1 + rd8(r) % 3;
		for (int i = 0; i < o.nlevels; i++)
			o.levels[i] = (double) rd8(r) / 255.0;
		for (int i = 0; i < o.nlevels; i++)
		{
			valid &= o.levels[i] > 0 && o.levels[i] < 1;
			for (int j = 0; j < i; j++)
				valid &= o.levels[i] != o.levels[j];
		}
	}
	if (flags & 16)
	{
		o.title = (const char *) r->p;
		o.title_len = r->n < 40 ? r->n : 40;
	}
	for (size_t i = 0; i < k; i++)
	{
		size_t		len = rd8(r) % 24;

		if (len > r->n)
			len = r->n;
		u[i].label = (flags & 32) && len == 0 ? NULL : (const char *) r->p;
		u[i].label_len = len;
		r->p += len;
		r->n -= len;
		u[i].c.referrals = rd_count(r);
		u[i].c.recorded = u[i].c.referrals > 0 && (flags & 64) ? bounded(rd_count(r), u[i].c.referrals) : rd_count(r);
		u[i].c.unknown = rd_count(r);
		u[i].c.timely = 0;
		if (u[i].c.unknown > 0 && u[i].c.recorded >= 0 && u[i].c.referrals >= u[i].c.recorded && (flags & 128))
			u[i].c.unknown = bounded(u[i].c.unknown, u[i].c.referrals - u[i].c.recorded);
		rev[k - 1 - i] = u[i];
	}
	rg_svg_init(&s, 0, fuzz_realloc, NULL);
	/* no units: a NULL array, as the server passes none */
	st = rg_funnel_plot_svg(k ? u : NULL, k, &o, &s, &bad);
	if (!valid)
		PROPERTY(st == RG_SVG_BAD_OPTION, "bad options accepted: status %d", st);
	else
	{
		int			counts = 1;

		for (size_t i = 0; i < k; i++)
			counts &= counts_ok(&rev[i].c);
		PROPERTY(counts ? st == RG_SVG_OK : st == RG_SVG_BAD_COUNTS,
				 "status %d with counts %s", st, counts ? "valid" : "invalid");
	}
	if (st == RG_SVG_OK)
	{
		check_doc(&s);
		rg_svg_init(&s2, 0, fuzz_realloc, NULL);
		st2 = rg_funnel_plot_svg(rev, k, &o, &s2, &bad);
		PROPERTY(st2 == RG_SVG_OK && s2.len == s.len && memcmp(s.buf, s2.buf, s.len) == 0,
				 "the order of the units changed the document");
		free(s2.buf);
	}
	free(s.buf);
}

static void
mode_chart(Reader *r)
{
	RgRatioOptions o;
	RgRatioRow rows[MAX_UNITS],
				rev[MAX_UNITS];
	size_t		k = rd8(r) % (MAX_UNITS + 1),
				ns = 0;
	uint8_t		flags = rd8(r);
	int			valid = 1;
	RgSvg		s,
				s2;
	RgSvgStatus st,
				st2;

	rg_ratio_options_default(&o);
	if (flags & 1)
	{
		o.has_threshold = 1;
		o.threshold = (double) (int8_t) rd8(r) / 64.0;
		valid &= o.threshold >= 0 && o.threshold <= 1;
	}
	for (size_t i = 0; i < k; i++)
	{
		size_t		len = rd8(r) % 4;

		if (len > r->n)
			len = r->n;
		rows[i].series = (flags & 2) && len == 0 ? NULL : (const char *) r->p;
		rows[i].series_len = len;
		r->p += len;
		r->n -= len;
		rows[i].period = (flags & 4) ? (int32_t) (rd64(r) >> 32) : (int32_t) rd8(r) * 30;
		rows[i].c.referrals = rd_count(r);
		rows[i].c.recorded = rows[i].c.referrals > 0 && (flags & 64) ? bounded(rd_count(r), rows[i].c.referrals) : rd_count(r);
		rows[i].c.unknown = rd_count(r);
		rows[i].c.timely = 0;
		if (rows[i].c.unknown > 0 && rows[i].c.recorded >= 0 && rows[i].c.referrals >= rows[i].c.recorded && (flags & 128))
			rows[i].c.unknown = bounded(rows[i].c.unknown, rows[i].c.referrals - rows[i].c.recorded);
		rev[k - 1 - i] = rows[i];
	}
	rg_svg_init(&s, 0, fuzz_realloc, NULL);
	st = rg_ratio_chart_svg(k ? rows : NULL, k, &o, &s, NULL, &ns);
	if (!valid)
		PROPERTY(st == RG_SVG_BAD_OPTION, "bad threshold accepted: status %d", st);
	else
	{
		int			counts = 1;

		for (size_t i = 0; i < k; i++)
			counts &= counts_ok(&rev[i].c);
		if (!counts)
			PROPERTY(st == RG_SVG_BAD_COUNTS, "invalid counts: status %d", st);
		else
			PROPERTY(st == RG_SVG_OK || st == RG_SVG_OVERFLOW ||
					 (st == RG_SVG_TOO_MANY_SERIES && ns > RG_SVG_MAX_SERIES),
					 "valid counts: status %d", st);
	}
	if (st == RG_SVG_OK)
	{
		PROPERTY(ns <= RG_SVG_MAX_SERIES, "%zu series drawn", ns);
		check_doc(&s);
		rg_svg_init(&s2, 0, fuzz_realloc, NULL);
		st2 = rg_ratio_chart_svg(rev, k, &o, &s2, NULL, NULL);
		PROPERTY(st2 == RG_SVG_OK && s2.len == s.len && memcmp(s.buf, s2.buf, s.len) == 0,
				 "the order of the rows changed the document");
		free(s2.buf);
	}
	free(s.buf);
}

static void
mode_many(Reader *r)
{
	size_t		k = RG_SVG_MAX_POINTS - 1 + rd8(r) % 3;	/* 4999, 5000 or 5001 */
	uint64_t	seed = rd64(r) | 1;
	int			chart = rd8(r) & 1;
	RgSvg		s;
	RgSvgStatus st;
	static char labels[RG_SVG_MAX_POINTS + 1][12];

	rg_svg_init(&s, 0, fuzz_realloc, NULL);
	if (!chart)
	{
		RgFunnelOptions o;
		RgFunnelUnit *u = malloc(sizeof(RgFunnelUnit) * k);

		rg_funnel_options_default(&o);
		for (size_t i = 0; i < k; i++)
		{
			int64_t		n;

			seed ^= seed << 13;
			seed ^= seed >> 7;
			seed ^= seed << 17;
			n = (int64_t) (seed % 2000);
			snprintf(labels[i], sizeof(labels[i]), "%zu", i);
			u[i].label = labels[i];
			u[i].label_len = strlen(labels[i]);
			u[i].c.referrals = n;
			u[i].c.recorded = n ? (int64_t) ((seed >> 20) % (uint64_t) (n + 1)) : 0;
			u[i].c.unknown = (seed >> 40) % 5 == 0 ? n - u[i].c.recorded : 0;
			u[i].c.timely = 0;
		}
		st = rg_funnel_plot_svg(u, k, &o, &s, NULL);
		free(u);
	}
	else
	{
		RgRatioOptions o;
		RgRatioRow *rows = malloc(sizeof(RgRatioRow) * k);

		rg_ratio_options_default(&o);
		for (size_t i = 0; i < k; i++)
		{
			seed ^= seed << 13;
			seed ^= seed >> 7;
			seed ^= seed << 17;
			rows[i].series = &"abcdefgh"[i % 8];
			rows[i].series_len = 1;
			rows[i].period = (int32_t) (i / 8);	/* distinct (series, period) */
			rows[i].c.referrals = (int64_t) (seed % 50);
			rows[i].c.recorded = rows[i].c.referrals ? (int64_t) ((seed >> 20) % (uint64_t) (rows[i].c.referrals + 1)) : 0;
			rows[i].c.unknown = 0;
			rows[i].c.timely = 0;
		}
		st = rg_ratio_chart_svg(rows, k, &o, &s, NULL, NULL);
		free(rows);
	}
	if (k <= RG_SVG_MAX_POINTS)
	{
		PROPERTY(st == RG_SVG_OK, "%zu points: status %d", k, st);
		check_doc(&s);
	}
	else
		PROPERTY(st == RG_SVG_TOO_MANY_POINTS, "%zu points: status %d", k, st);
	free(s.buf);
}

static char *
number_text(int kind, double v, int decimals)
{
	RgSvg		s;

	rg_svg_init(&s, 0, fuzz_realloc, NULL);
	rg_svg_raw(&s, "", 0);
	if (kind == 0)
		rg_svg_shown(&s, v, decimals);
	else if (kind == 1)
		rg_svg_exact(&s, v);
	else
		rg_svg_percent(&s, v);
	PROPERTY(s.status == RG_SVG_OK && s.len > 0 && s.len < 64, "status %d, length %zu", s.status, s.len);
	for (size_t i = 0; i < s.len; i++)
		PROPERTY(strchr("0123456789.-e", s.buf[i]) != NULL, "character %d in %s", s.buf[i], s.buf);
	return s.buf;
}

static void
mode_numbers(Reader *r)
{
	uint64_t	bits = rd64(r);
	uint8_t		how = rd8(r);
	int			decimals = rd8(r) % 7;
	double		v;
	char	   *txt,
			   *end;
	const char *dot;
	double		w;

	if (how & 1)
		memcpy(&v, &bits, sizeof(v));
	else
	{
		/* a decimal just beside a round number: k / 10^p -+ a few 10^-q */
		int			p = (int) (bits % 7),
					q = (int) ((bits >> 8) % 16);
		double		k = (double) ((bits >> 16) % 2001) - 1000.0;

		v = k / pow(10.0, p) + (double) (int8_t) (bits >> 40) * pow(10.0, -(double) q);
	}
	txt = number_text(0, v, decimals);
	w = strtod(txt, &end);
	PROPERTY(*end == '\0', "%s is not one number", txt);
	if (!isfinite(v))
		PROPERTY(strcmp(txt, "0") == 0, "%g written %s", v, txt);
	else if (v != 0 && (fabs(v) < 1e-9 || fabs(v) >= 1e15))
		PROPERTY(w == v && strchr(txt, 'e') != NULL, "%.17g written %s", v, txt);
	else
	{
		int			written;

		PROPERTY(strchr(txt, 'e') == NULL, "%.17g written %s", v, txt);
		dot = strchr(txt, '.');
		written = dot ? (int) strlen(dot + 1) : 0;
		if (dot)
			PROPERTY(txt[strlen(txt) - 1] != '0', "%.17g written %s: looks rounder", v, txt);
		/* exact (the shortest decimal of v), or rounded to >= decimals */
		PROPERTY(w == v || written >= decimals, "%.17g with %d decimals written %s", v, decimals, txt);
		PROPERTY(fabs(w - v) <= 0.5 * pow(10.0, -written) * (1 + 1e-9) + fabs(v) * 1e-15,
				 "%.17g written %s", v, txt);
		/* rounded, the last digit written is never 0 */
		PROPERTY(w == v || txt[strlen(txt) - 1] != '0', "%.17g written %s: looks rounder", v, txt);
	}
	free(txt);
	if (isfinite(v))
	{
		txt = number_text(1, v, 0);
		PROPERTY(strtod(txt, NULL) == v, "%.17g exact written %s", v, txt);
		free(txt);
	}
	/* percentages of levels; subnormal values have too few digits for it */
	if (isfinite(v) && (v == 0 || fabs(v) >= 1e-300))
	{
		txt = number_text(1, v, 0);
		PROPERTY(strtod(txt, NULL) == v, "%.17g exact written %s", v, txt);
		free(txt);
		txt = number_text(2, v, 0);
		w = strtod(txt, NULL);
		PROPERTY(fabs(w - v * 100) <= fabs(v * 100) * 1e-15 || (isinf(v * 100) && fabs(w) > 1e300),
				 "%.17g percent written %s", v, txt);
		free(txt);
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	Reader		r = {data, size};

	uint8_t		mode = rd8(&r);

	/* 5,000 points take a while under the sanitizers: only on byte 3 */
	switch (mode == 3 || mode == 4 ? mode : mode % 3)
	{
		case 4:
			mode_numbers(&r);
			break;
		case 0:
			mode_text(&r);
			break;
		case 1:
			mode_funnel(&r);
			break;
		case 2:
			mode_chart(&r);
			break;
		default:
			mode_many(&r);
			break;
	}
	return 0;
}
