/*
 * counts.c - the four counts of a recording summary: invariants,
 * arithmetic, text and binary forms.  Plain C, no PostgreSQL headers.
 */
#include "counts.h"

#include <stdio.h>
#include <string.h>

const char *const rg_field_names[4] = {"referrals", "recorded", "unknown", "timely"};

/*
 * rg_counts_field, rg_counts_check and the per-row arithmetic
 * (rg_counts_add/sub/accum/unaccum) are static inline in counts.h: they
 * run once per aggregated row.
 */

RgStatus
rg_counts_make(int64_t referrals, int64_t recorded, int64_t unknown,
			   int64_t timely, RgCounts *out, int *field)
{
	RgCounts	c = {referrals, recorded, unknown, timely};
	RgStatus	st = rg_counts_check(&c, field);

	if (st == RG_OK)
		*out = c;
	return st;
}

/* ---- the difference of two summaries, naming the count at fault ---- */

RgStatus
rg_counts_difference(const RgCounts *a, const RgCounts *b, RgCounts *out, int *field)
{
	RgCounts	r;
	RgStatus	st;

	for (int i = 0; i < 4; i++)
	{
		/* both counts are >= 0, so a - b cannot overflow */
		if (rg_counts_field(a, i) < rg_counts_field(b, i))
		{
			if (field)
				*field = i;
			return RG_UNDERFLOW;
		}
	}
	r.referrals = a->referrals - b->referrals;
	r.recorded = a->recorded - b->recorded;
	r.unknown = a->unknown - b->unknown;
	r.timely = a->timely - b->timely;
	st = rg_counts_check(&r, field);
	if (st != RG_OK)
		return st;
	*out = r;
	return RG_OK;
}

/* ---- a count written as a decimal number ---- */

RgStatus
rg_count_from_decimal(const char *s, int64_t *out)
{
	const char *p = s;
	int			neg = 0;
	uint64_t	mag = 0;
	int			overflow = 0;
	int			digits = 0;

	if (strcmp(s, "NaN") == 0)
		return RG_NOT_WHOLE;
	if (*p == '+' || *p == '-')
	{
		neg = (*p == '-');
		p++;
	}
	if (strcmp(p, "Infinity") == 0)
		return RG_OVERFLOW;
	while (*p >= '0' && *p <= '9')
	{
		int			d = *p - '0';

		/* magnitude may reach 2^63 for a negative number */
		if (mag > ((uint64_t) INT64_MAX + 1 - (uint64_t) d) / 10)
			overflow = 1;
		else
			mag = mag * 10 + (uint64_t) d;
		digits++;
		p++;
	}
	if (*p == '.')
	{
		p++;
		while (*p >= '0' && *p <= '9')
		{
			if (*p != '0')
			{
				/* finish the syntax check before saying "not whole" */
				while (*p >= '0' && *p <= '9')
					p++;
				return *p == '\0' ? RG_NOT_WHOLE : RG_SYNTAX;
			}
			digits++;
			p++;
		}
	}
	if (*p != '\0' || digits == 0)
		return RG_SYNTAX;
	if (overflow || (!neg && mag > (uint64_t) INT64_MAX))
		return RG_OVERFLOW;
	if (neg)
		*out = (mag == (uint64_t) INT64_MAX + 1) ? INT64_MIN : -(int64_t) mag;
	else
		*out = (int64_t) mag;
	return RG_OK;
}

/* ---- text form ---- */

static int
is_space(char ch)
{
	return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' ||
		ch == '\f' || ch == '\v';
}

static const char *
skip_space(const char *p)
{
	while (is_space(*p))
		p++;
	return p;
}

#define SYNTAX(p_, what_) \
	do { *errpos = (size_t) ((p_) - s); *errwhat = (what_); return RG_SYNTAX; } while (0)

RgStatus
rg_counts_parse(const char *s, RgCounts *out, size_t *errpos, const char **errwhat)
{
	const char *p = skip_space(s);
	int64_t		vals[4] = {0, 0, 0, 0};
	int			seen[4] = {0, 0, 0, 0};

	if (*p != '(')
		SYNTAX(p, "expected \"(\"");
	p = skip_space(p + 1);

	for (;;)
	{
		int			key = -1;
		int			neg = 0;
		uint64_t	mag = 0;
		const char *numstart;

		for (int i = 0; i < 4; i++)
		{
			size_t		len = strlen(rg_field_names[i]);

			if (strncmp(p, rg_field_names[i], len) == 0 &&
				(p[len] == '=' || is_space(p[len])))
			{
				key = i;
				if (seen[i])
					SYNTAX(p, "a count is given twice");
				seen[i] = 1;
				p += len;
				break;
			}
		}
		if (key < 0)
			SYNTAX(p, "expected one of referrals, recorded, unknown, timely");
		p = skip_space(p);
		if (*p != '=')
			SYNTAX(p, "expected \"=\"");
		p = skip_space(p + 1);

		numstart = p;
		if (*p == '+' || *p == '-')
		{
			neg = (*p == '-');
			p++;
		}
		if (*p < '0' || *p > '9')
			SYNTAX(p, "expected a whole number");
		while (*p >= '0' && *p <= '9')
		{
			int			d = *p - '0';

			/* magnitude may reach 2^63 for a negative number */
			if (mag > ((uint64_t) INT64_MAX + 1 - (uint64_t) d) / 10)
			{
				*errpos = (size_t) (numstart - s);
				*errwhat = "a count does not fit in bigint";
				return RG_OVERFLOW;
			}
			mag = mag * 10 + (uint64_t) d;
			p++;
		}
		if (!neg && mag > (uint64_t) INT64_MAX)
		{
			*errpos = (size_t) (numstart - s);
			*errwhat = "a count does not fit in bigint";
			return RG_OVERFLOW;
		}
		if (neg)
			vals[key] = (mag == (uint64_t) INT64_MAX + 1) ? INT64_MIN : -(int64_t) mag;
		else
			vals[key] = (int64_t) mag;

		p = skip_space(p);
		if (*p == ',')
		{
			p = skip_space(p + 1);
			continue;
		}
		if (*p == ')')
			break;
		SYNTAX(p, "expected \",\" or \")\"");
	}
	{
		const char *close = p;

		p = skip_space(p + 1);
		if (*p != '\0')
			SYNTAX(p, "unexpected text after \")\"");
		if (!seen[0] || !seen[1])
			SYNTAX(close, "referrals and recorded are required");
	}
	out->referrals = vals[0];
	out->recorded = vals[1];
	out->unknown = vals[2];
	out->timely = vals[3];
	return RG_OK;
}

int
rg_counts_format(const RgCounts *c, char *buf, size_t buflen)
{
	return snprintf(buf, buflen,
					"(referrals=%lld, recorded=%lld, unknown=%lld, timely=%lld)",
					(long long) c->referrals, (long long) c->recorded,
					(long long) c->unknown, (long long) c->timely);
}

/* ---- binary form ---- */

void
rg_counts_encode(const RgCounts *c, unsigned char *buf)
{
	for (int i = 0; i < 4; i++)
	{
		uint64_t	v = (uint64_t) rg_counts_field(c, i);

		for (int b = 7; b >= 0; b--)
		{
			buf[i * 8 + b] = (unsigned char) (v & 0xff);
			v >>= 8;
		}
	}
}

RgStatus
rg_counts_decode(const unsigned char *buf, size_t len, RgCounts *out)
{
	int64_t		v[4];

	if (len != RG_COUNTS_WIRE_SIZE)
		return RG_BAD_LENGTH;
	for (int i = 0; i < 4; i++)
	{
		uint64_t	u = 0;

		for (int b = 0; b < 8; b++)
			u = (u << 8) | buf[i * 8 + b];
		v[i] = (int64_t) u;
	}
	out->referrals = v[0];
	out->recorded = v[1];
	out->unknown = v[2];
	out->timely = v[3];
	return RG_OK;
}
