/*
 * svg.c - the SVG writer of svg.h.
 */
#include "svg.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void
rg_svg_init(RgSvg *s, size_t limit, RgSvgRealloc fn, void *arg)
{
	s->buf = NULL;
	s->len = 0;
	s->cap = 0;
	s->limit = limit ? limit : RG_SVG_MAX_BYTES;
	s->status = RG_SVG_OK;
	s->realloc_fn = fn;
	s->realloc_arg = arg;
}

/* Make room for n more bytes plus the NUL; 0 on failure (status set). */
static int
reserve(RgSvg *s, size_t n)
{
	size_t		need;

	if (s->status != RG_SVG_OK)
		return 0;
	if (n > s->limit - s->len)
	{
		s->status = RG_SVG_TOO_LARGE;
		return 0;
	}
	need = s->len + n + 1;
	if (need > s->cap)
	{
		size_t		cap = s->cap ? s->cap : 4096;
		char	   *p;

		while (cap < need)
			cap *= 2;
		if (cap > s->limit + 1)
			cap = s->limit + 1;
		p = s->realloc_fn(s->buf, cap, s->realloc_arg);
		if (p == NULL)
		{
			s->status = RG_SVG_NO_MEMORY;
			return 0;
		}
		s->buf = p;
		s->cap = cap;
	}
	return 1;
}

void
rg_svg_raw(RgSvg *s, const char *text, size_t len)
{
	if (!reserve(s, len))
		return;
	memcpy(s->buf + s->len, text, len);
	s->len += len;
	s->buf[s->len] = '\0';
}

void
rg_svg_str(RgSvg *s, const char *text)
{
	rg_svg_raw(s, text, strlen(text));
}

void
rg_svg_char(RgSvg *s, char c)
{
	rg_svg_raw(s, &c, 1);
}

/*
 * Decode one UTF-8 character at p (n bytes left).  Returns its length and
 * sets *cp, or returns 1 with *cp = -1 for an invalid sequence.
 */
static size_t
utf8_next(const unsigned char *p, size_t n, long *cp)
{
	unsigned char c = p[0];
	size_t		len;
	long		v,
				min;

	if (c < 0x80)
	{
		*cp = c;
		return 1;
	}
	if (c >= 0xC2 && c <= 0xDF)
	{
		len = 2;
		v = c & 0x1F;
		min = 0x80;
	}
	else if (c >= 0xE0 && c <= 0xEF)
	{
		len = 3;
		v = c & 0x0F;
		min = 0x800;
	}
	else if (c >= 0xF0 && c <= 0xF4)
	{
		len = 4;
		v = c & 0x07;
		min = 0x10000;
	}
	else
	{
		*cp = -1;
		return 1;
	}
	if (len > n)
	{
		*cp = -1;
		return 1;
	}
	for (size_t i = 1; i < len; i++)
	{
		if ((p[i] & 0xC0) != 0x80)
		{
			*cp = -1;
			return 1;
		}
		v = (v << 6) | (p[i] & 0x3F);
	}
	if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
	{
		*cp = -1;
		return 1;
	}
	*cp = v;
	return len;
}

#define REPLACEMENT "&#xFFFD;"
#define ELLIPSIS "&#x2026;"

void
rg_svg_text(RgSvg *s, const char *text, size_t len, size_t max_chars)
{
	const unsigned char *p = (const unsigned char *) text;
	size_t		i = 0,
				chars = 0;

	while (i < len)
	{
		long		cp;
		size_t		n = utf8_next(p + i, len - i, &cp);

		if (max_chars && chars == max_chars)
		{
			rg_svg_str(s, ELLIPSIS);
			return;
		}
		chars++;
		if (cp == '\t' || cp == '\n' || cp == '\r')
			rg_svg_char(s, ' ');
		else if (cp < 0 || cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) ||
				 cp == 0xFFFE || cp == 0xFFFF)
			rg_svg_str(s, REPLACEMENT);
		else if (cp == '&')
			rg_svg_raw(s, "&amp;", 5);
		else if (cp == '<')
			rg_svg_raw(s, "&lt;", 4);
		else if (cp == '>')
			rg_svg_raw(s, "&gt;", 4);
		else if (cp == '"')
			rg_svg_raw(s, "&quot;", 6);
		else if (cp == '\'')
			rg_svg_raw(s, "&#39;", 5);
		else if (cp >= 0x80)
		{
			static const char hex[] = "0123456789ABCDEF";
			char		ref[12];
			int			d = 0;

			/* pure ASCII output: valid in every server encoding */
			for (long v = cp; v; v >>= 4)
				d++;
			ref[0] = '&';
			ref[1] = '#';
			ref[2] = 'x';
			for (int j = 0; j < d; j++)
				ref[3 + j] = hex[(cp >> (4 * (d - 1 - j))) & 0xF];
			ref[3 + d] = ';';
			rg_svg_raw(s, ref, (size_t) d + 4);
		}
		else
			rg_svg_char(s, (char) cp);
		i += n;
	}
}

void
rg_svg_int(RgSvg *s, int64_t v)
{
	char		tmp[24];
	int			k = 0;
	uint64_t	u = v < 0 ? (uint64_t) 0 - (uint64_t) v : (uint64_t) v;

	do
	{
		tmp[k++] = (char) ('0' + u % 10);
		u /= 10;
	} while (u);
	if (v < 0)
		tmp[k++] = '-';
	while (k > 0)
		rg_svg_char(s, tmp[--k]);
}

void
rg_svg_num(RgSvg *s, double v, int decimals)
{
	static const double pow10[] = {1, 10, 100, 1e3, 1e4, 1e5, 1e6};
	double		scaled;
	int64_t		q,
				ip,
				fp;
	char		frac[8];

	if (decimals < 0)
		decimals = 0;
	if (decimals > 6)
		decimals = 6;
	if (!isfinite(v))
		v = 0.0;
	if (v > 1e12)
		v = 1e12;
	if (v < -1e12)
		v = -1e12;
	scaled = v * pow10[decimals];
	/* round half away from zero, independent of the rounding mode */
	q = (int64_t) (scaled < 0 ? -floor(-scaled + 0.5) : floor(scaled + 0.5));
	if (q < 0)
		rg_svg_char(s, '-');
	if (q < 0)
		q = -q;
	ip = q / (int64_t) pow10[decimals];
	fp = q % (int64_t) pow10[decimals];
	rg_svg_int(s, ip);
	if (decimals > 0)
	{
		for (int i = decimals - 1; i >= 0; i--)
		{
			frac[i] = (char) ('0' + fp % 10);
			fp /= 10;
		}
		rg_svg_char(s, '.');
		rg_svg_raw(s, frac, (size_t) decimals);
	}
}

/*
 * The shortest decimal digits of a (finite, > 0) that read back as a:
 * a = 0.d[0]d[1]..d[n-1] * 10^(e + 1), d[0] not 0 and d[n-1] not 0.
 * snprintf and strtod agree on the decimal separator whatever the locale,
 * and only the digits and the exponent are taken from the text.
 */
typedef struct Decimal
{
	char		d[20];
	int			n;
	int			e;				/* exponent of d[0] */
} Decimal;

static void
shortest_decimal(double a, Decimal *x)
{
	char		buf[48];
	const char *p;

	for (int prec = 1; prec <= 17; prec++)
	{
		snprintf(buf, sizeof(buf), "%.*e", prec - 1, a);
		if (prec == 17 || strtod(buf, NULL) == a)
			break;
	}
	x->n = 0;
	for (p = buf; *p && *p != 'e' && *p != 'E'; p++)
		if (*p >= '0' && *p <= '9' && x->n < (int) sizeof(x->d))
			x->d[x->n++] = *p;
	x->e = *p ? atoi(p + 1) : 0;
	while (x->n > 1 && x->d[x->n - 1] == '0')
		x->n--;
}

static void
write_scientific(RgSvg *s, const Decimal *x)
{
	rg_svg_char(s, x->d[0]);
	if (x->n > 1)
	{
		rg_svg_char(s, '.');
		rg_svg_raw(s, x->d + 1, (size_t) x->n - 1);
	}
	rg_svg_char(s, 'e');
	rg_svg_int(s, x->e);
}

/*
 * Write x (negative when neg) in fixed notation to decimals places and
 * more by the rule of rg_svg_shown; exact (decimals < 0): every digit,
 * without trailing zeros.
 */
static void
write_fixed(RgSvg *s, const Decimal *x, int neg, int decimals)
{
	int			top = x->e > 0 ? x->e : 0;	/* highest place: 10^top */

	for (int dec = decimals < 0 ? 0 : decimals;; dec++)
	{
		int			keep = dec + x->e + 1;	/* significant digits kept */
		int			exact = keep >= x->n;
		int			len = top + 1 + dec;
		char		f[80];
		int			carry,
					j;

		if (decimals < 0 && !exact)
			continue;
		if (len + 1 > (int) sizeof(f))
			break;				/* never: |value| < 1e15, >= 1e-9 */
		/* f[1..len]: the places 10^top .. 10^-dec; f[0] for a carry */
		f[0] = 0;
		for (j = 0; j < len; j++)
		{
			int			i = x->e - (top - j);

			f[j + 1] = (char) (i >= 0 && i < x->n ? x->d[i] - '0' : 0);
		}
		carry = !exact && keep >= 0 && x->d[keep] >= '5';
		for (j = len; carry && j >= 0; j--)
		{
			f[j] = (char) (f[j] + 1);
			carry = f[j] == 10;
			if (carry)
				f[j] = 0;
		}
		if (!exact && f[len] == 0)
			continue;			/* would look rounder than it is */
		if (exact)
			while (dec > 0 && f[len] == 0)
			{
				len--;
				dec--;
			}
		if (neg)
			rg_svg_char(s, '-');
		/* f[len - dec] is the units digit; no leading zeros before it */
		for (j = f[0] ? 0 : 1; j < len - dec && f[j] == 0; j++)
			;
		for (; j <= len; j++)
		{
			if (j == len - dec + 1)
				rg_svg_char(s, '.');
			rg_svg_char(s, (char) ('0' + f[j]));
		}
		return;
	}
}

static void
write_decimal(RgSvg *s, double v, int decimals, int shift)
{
	Decimal		x;
	double		a = fabs(v);

	if (!isfinite(v) || v == 0.0)
	{
		rg_svg_char(s, '0');
		return;
	}
	shortest_decimal(a, &x);
	x.e += shift;
	if (x.e < -9 || x.e >= 15)
	{
		if (v < 0)
			rg_svg_char(s, '-');
		write_scientific(s, &x);
		return;
	}
	write_fixed(s, &x, v < 0, decimals);
}

void
rg_svg_shown(RgSvg *s, double v, int decimals)
{
	write_decimal(s, v, decimals < 0 ? 0 : decimals, 0);
}

void
rg_svg_exact(RgSvg *s, double v)
{
	write_decimal(s, v, -1, 0);
}

void
rg_svg_percent(RgSvg *s, double v)
{
	write_decimal(s, v, -1, 2);
}

void
rg_svg_tick(RgSvg *s, long i, double step)
{
	if (step >= 1.0)
		rg_svg_int(s, (int64_t) i * (int64_t) llround(step));
	else
		rg_svg_num(s, (double) i * step, rg_svg_step_decimals(step));
}

void
rg_svg_printf(RgSvg *s, const char *fmt,...)
{
	va_list		ap;
	const char *p = fmt,
			   *run = fmt;

	va_start(ap, fmt);
	while (*p)
	{
		if (*p != '%')
		{
			p++;
			continue;
		}
		rg_svg_raw(s, run, (size_t) (p - run));
		p++;
		switch (*p)
		{
			case 'd':
				rg_svg_int(s, va_arg(ap, int));
				break;
			case 'D':
				rg_svg_int(s, va_arg(ap, int64_t));
				break;
			case 'f':
				rg_svg_num(s, va_arg(ap, double), 2);
				break;
			case '0':
			case '1':
			case '2':
			case '3':
			case '4':
			case '5':
			case '6':
				rg_svg_num(s, va_arg(ap, double), *p - '0');
				break;
			case 'v':
				rg_svg_exact(s, va_arg(ap, double));
				break;
			case 's':
				rg_svg_str(s, va_arg(ap, const char *));
				break;
			case 't':
				{
					const char *t = va_arg(ap, const char *);
					size_t		n = va_arg(ap, size_t);

					rg_svg_text(s, t, n, RG_SVG_MAX_LABEL_CHARS);
				}
				break;
			case '%':
				rg_svg_char(s, '%');
				break;
			default:
				/* a bad format is a programming error: write it visibly */
				rg_svg_char(s, '?');
				if (*p == '\0')
					p--;
				break;
		}
		p++;
		run = p;
	}
	rg_svg_raw(s, run, (size_t) (p - run));
	va_end(ap);
}

double
rg_svg_nice_step(double span, int n)
{
	double		raw,
				mag,
				f;

	if (!(span > 0) || !isfinite(span) || n < 1)
		return 1.0;
	raw = span / n;
	mag = pow(10.0, floor(log10(raw)));
	f = raw / mag;
	if (f <= 1.0)
		f = 1.0;
	else if (f <= 2.0)
		f = 2.0;
	else if (f <= 5.0)
		f = 5.0;
	else
		f = 10.0;
	return f * mag;
}

int
rg_svg_step_decimals(double step)
{
	int			d = 0;

	while (d < 6 && fabs(step * pow(10.0, d) - floor(step * pow(10.0, d) + 0.5)) > 1e-9)
		d++;
	return d;
}

void
rg_svg_date(int32_t days, int *year, int *month, int *day)
{
	/* H. Hinnant's civil_from_days, shifted from 1970-01-01 to 2000-01-01 */
	int64_t		z = (int64_t) days + 10957 + 719468;
	int64_t		era = (z >= 0 ? z : z - 146096) / 146097;
	int64_t		doe = z - era * 146097;
	int64_t		yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int64_t		y = yoe + era * 400;
	int64_t		doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int64_t		mp = (5 * doy + 2) / 153;
	int64_t		d = doy - (153 * mp + 2) / 5 + 1;
	int64_t		m = mp < 10 ? mp + 3 : mp - 9;

	*year = (int) (y + (m <= 2));
	*month = (int) m;
	*day = (int) d;
}

int
rg_svg_cmp_bytes(const char *a, size_t alen, const char *b, size_t blen)
{
	size_t		n;
	int			r;

	if ((a == NULL) != (b == NULL))
		return a == NULL ? -1 : 1;
	if (a == NULL)
		return 0;
	n = alen < blen ? alen : blen;
	r = n ? memcmp(a, b, n) : 0;
	if (r)
		return r < 0 ? -1 : 1;
	if (alen != blen)
		return alen < blen ? -1 : 1;
	return 0;
}
