/*
 * counts.c - the four counts of a recording summary: invariants,
 * arithmetic, text and binary forms.  Plain C, no PostgreSQL headers.
 */
#include "counts.h"

#include <stdio.h>
#include <string.h>

const char *const rg_field_names[4] = {"referrals", "recorded", "unknown", "timely"};

int64_t
rg_counts_field(const RgCounts *c, int i)
{
	switch (i)
	{
		case 0:
			return c->referrals;
		case 1:
			return c->recorded;
		case 2:
			return c->unknown;
		default:
			return c->timely;
	}
}

RgStatus
rg_counts_check(const RgCounts *c, int *field)
{
	for (int i = 0; i < 4; i++)
	{
		if (rg_counts_field(c, i) < 0)
		{
			if (field)
				*field = i;
			return RG_NEGATIVE;
		}
	}
	/* all non-negative, so referrals - recorded cannot overflow */
	if (c->recorded > c->referrals || c->unknown > c->referrals - c->recorded)
	{
		if (field)
			*field = c->recorded > c->referrals ? 1 : 2;
		return RG_EXCEEDS_REFERRALS;
	}
	if (c->timely > c->recorded)
	{
		if (field)
			*field = 3;
		return RG_TIMELY_EXCEEDS;
	}
	return RG_OK;
}

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

RgStatus
rg_counts_add(const RgCounts *a, const RgCounts *b, RgCounts *out)
{
	RgCounts	r;

	if (__builtin_add_overflow(a->referrals, b->referrals, &r.referrals) ||
		__builtin_add_overflow(a->recorded, b->recorded, &r.recorded) ||
		__builtin_add_overflow(a->unknown, b->unknown, &r.unknown) ||
		__builtin_add_overflow(a->timely, b->timely, &r.timely))
		return RG_OVERFLOW;
	*out = r;
	return RG_OK;
}

RgStatus
rg_counts_sub(const RgCounts *a, const RgCounts *b, RgCounts *out)
{
	RgCounts	r;
	RgStatus	st;

	if (__builtin_sub_overflow(a->referrals, b->referrals, &r.referrals) ||
		__builtin_sub_overflow(a->recorded, b->recorded, &r.recorded) ||
		__builtin_sub_overflow(a->unknown, b->unknown, &r.unknown) ||
		__builtin_sub_overflow(a->timely, b->timely, &r.timely))
		return RG_OVERFLOW;
	st = rg_counts_check(&r, NULL);
	if (st == RG_NEGATIVE)
		return RG_UNDERFLOW;
	if (st != RG_OK)
		return st;
	*out = r;
	return RG_OK;
}

RgStatus
rg_counts_accum(RgCounts *c, int recorded, int timely)
{
	if (timely && recorded != 1)
		return RG_TIMELY_EXCEEDS;
	if (c->referrals == INT64_MAX)
		return RG_OVERFLOW;
	c->referrals++;
	if (recorded == 1)
	{
		c->recorded++;
		if (timely)
			c->timely++;
	}
	else if (recorded < 0)
		c->unknown++;
	return RG_OK;
}

RgStatus
rg_counts_unaccum(RgCounts *c, int recorded, int timely)
{
	if (timely && recorded != 1)
		return RG_TIMELY_EXCEEDS;
	if (c->referrals <= 0 ||
		(recorded == 1 && c->recorded <= 0) ||
		(recorded == 1 && timely && c->timely <= 0) ||
		(recorded < 0 && c->unknown <= 0))
		return RG_UNDERFLOW;
	c->referrals--;
	if (recorded == 1)
	{
		c->recorded--;
		if (timely)
			c->timely--;
	}
	else if (recorded < 0)
		c->unknown--;
	/* removing a row that was never added could break the invariants */
	return rg_counts_check(c, NULL) == RG_OK ? RG_OK : RG_UNDERFLOW;
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
