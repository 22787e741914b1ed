/*
 * svg.h - a small SVG writer: a bounded, growable text buffer, XML escaping
 * of untrusted text and locale-independent number formatting.
 *
 * Plain C: no PostgreSQL header may be included here.  Memory comes from
 * the allocator the caller passes (realloc semantics), so that the server
 * can hand in its memory contexts and the tests plain realloc.  No function
 * here prints, aborts or exits; a failure is remembered in the buffer and
 * every later write is a no-op, so the caller checks once at the end.
 */
#ifndef RG_CORE_SVG_H
#define RG_CORE_SVG_H

#include <stddef.h>
#include <stdint.h>

/* Outcome of a picture call. */
typedef enum RgSvgStatus
{
	RG_SVG_OK = 0,
	RG_SVG_NO_MEMORY,			/* the allocator returned NULL */
	RG_SVG_TOO_LARGE,			/* the document would exceed the byte limit */
	RG_SVG_TOO_MANY_POINTS,		/* more than RG_SVG_MAX_POINTS points */
	RG_SVG_TOO_MANY_SERIES,		/* more than RG_SVG_MAX_SERIES series */
	RG_SVG_BAD_COUNTS,			/* a summary breaks the invariants */
	RG_SVG_OVERFLOW,			/* adding summaries overflows int64 */
	RG_SVG_BAD_OPTION,			/* an option out of range (see the header) */
	RG_SVG_NUMERIC				/* a statistic could not be computed */
} RgSvgStatus;

/* Most points (units, or series x periods) a picture draws. */
#define RG_SVG_MAX_POINTS 5000
/* Most series of a ratio chart (the Okabe-Ito palette has eight colours). */
#define RG_SVG_MAX_SERIES 8
/* Most bytes of a document: far above what 5,000 points need. */
#define RG_SVG_MAX_BYTES ((size_t) 16 * 1024 * 1024)
/* Labels and titles are cut after this many characters, with an ellipsis. */
#define RG_SVG_MAX_LABEL_CHARS 80

/* Allocator with realloc semantics: (NULL, n) allocates, (p, n) grows. */
typedef void *(*RgSvgRealloc) (void *ptr, size_t size, void *arg);

typedef struct RgSvg
{
	char	   *buf;			/* NUL-terminated text, len bytes */
	size_t		len;
	size_t		cap;
	size_t		limit;			/* most bytes allowed, without the NUL */
	RgSvgStatus status;			/* first failure, or RG_SVG_OK */
	RgSvgRealloc realloc_fn;
	void	   *realloc_arg;
} RgSvg;

/* An empty buffer of at most limit bytes (0: RG_SVG_MAX_BYTES). */
void		rg_svg_init(RgSvg *s, size_t limit, RgSvgRealloc fn, void *arg);

/* Append len raw bytes (trusted markup only). */
void		rg_svg_raw(RgSvg *s, const char *text, size_t len);

/* Append a NUL-terminated trusted string. */
void		rg_svg_str(RgSvg *s, const char *text);

/* Append one trusted character. */
void		rg_svg_char(RgSvg *s, char c);

/*
 * Append untrusted text of len bytes escaped for XML character data and
 * attribute values (& < > " ' become entities).  Bytes that are not valid
 * UTF-8 (including overlong forms, surrogates and code points above
 * U+10FFFF), control characters (U+0000-U+001F, U+007F-U+009F) and the
 * non-characters U+FFFE/U+FFFF become U+FFFD, except tab, newline and
 * carriage return, which become spaces.  Other characters above U+007F are
 * written as numeric character references (&#x...;), so the document is
 * pure ASCII and valid text in every server encoding.  At most max_chars characters are written
 * (0: no limit); a longer text ends with an ellipsis (&#x2026;).
 */
void		rg_svg_text(RgSvg *s, const char *text, size_t len, size_t max_chars);

/*
 * Append a number rounded to decimals (0..6) places, with '.' as decimal
 * separator whatever the locale, no exponent, and no "-0".  NaN and
 * infinities, which callers never pass, are written as 0.  Values are
 * clamped to +-1e12.
 */
void		rg_svg_num(RgSvg *s, double v, int decimals);

/*
 * Append a number that a reader sees (a label, the legend, a tooltip, the
 * description), by the rule of doc/pictures.md: v is taken as the shortest
 * decimal that reads back as the same double (0.9995, not
 * 0.99950000000000005507), and written to `decimals` places, rounded half
 * up.  When that rounding changes the number and its last written digit is
 * 0, so that the text would look rounder than the value ("1.000" for
 * 0.9995, "0.000" for 0.0004, "0.200" for 0.1996), one more place is
 * written, until the last digit is not 0 or the number is exact.  An exact
 * number is written without trailing zeros ("0.5", "1", "0").  Values of
 * magnitude below 1e-9 or from 1e15 up are written exactly in scientific
 * notation ("5e-324", "1e300").  NaN and infinities, which callers never
 * pass, are written as 0.  Pure ASCII, '.' as decimal separator.
 */
void		rg_svg_shown(RgSvg *s, double v, int decimals);

/*
 * Append v exactly: the shortest decimal that reads back as the same
 * double, in fixed notation ("0.95", "250", "0.30000000000000004") or, below
 * 1e-9 or from 1e15 up, scientific ("1e-10").  For the machine-readable
 * data-* attributes.
 */
void		rg_svg_exact(RgSvg *s, double v);

/*
 * Append v * 100 exactly, as rg_svg_exact writes it, computed on the
 * decimal digits of v (0.998 gives "99.8", 0.9999999 "99.99999"): levels
 * as percentages.
 */
void		rg_svg_percent(RgSvg *s, double v);

/*
 * Append the label of the tick i * step, step a "nice" step (1, 2 or 5
 * times a power of ten): exact, as an integer when step >= 1.
 */
void		rg_svg_tick(RgSvg *s, long i, double step);

/* Append a signed integer in decimal. */
void		rg_svg_int(RgSvg *s, int64_t v);

/*
 * printf-like convenience for trusted markup with numbers: %d (int),
 * %D (int64_t), %f (double, 2 decimals: coordinates), %1 .. %6 (double
 * with that many decimals), %v (double, exactly: rg_svg_exact), %s (trusted
 * NUL-terminated string), %t (untrusted text as const char *, size_t:
 * escaped, cut at RG_SVG_MAX_LABEL_CHARS), %% (%).
 */
void		rg_svg_printf(RgSvg *s, const char *fmt,...);

/* ---- helpers shared by the layouts ---- */

/* A "nice" tick step (1, 2 or 5 times a power of ten) for about n ticks. */
double		rg_svg_nice_step(double span, int n);

/* Decimals needed to print multiples of step exactly (0..6). */
int			rg_svg_step_decimals(double step);

/*
 * Order of two optional byte strings (labels, series names): NULL first,
 * then bytewise, then the shorter first.  For sorting rows so that the
 * output does not depend on their order.
 */
int			rg_svg_cmp_bytes(const char *a, size_t alen, const char *b, size_t blen);

/* Civil date (proleptic Gregorian) of days since 2000-01-01. */
void		rg_svg_date(int32_t days, int *year, int *month, int *day);

#endif							/* RG_CORE_SVG_H */
