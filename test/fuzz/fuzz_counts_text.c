/*
 * fuzz_counts_text.c - the text form of recording_stats:
 * rg_counts_parse + rg_counts_check (the type's input function), and
 * rg_counts_format (its output function).
 *
 * requires: counts.c
 *
 * Properties checked on every input:
 *  - the parser agrees with an independent reference parser of the grammar
 *    in counts.h, on acceptance, on the kind of error and on the values;
 *  - a rejected input reports an error position inside the string and a
 *    description;
 *  - an accepted value formats within RG_COUNTS_TEXT_MAX, and the formatted
 *    text parses back to the same value and formats to the same text;
 *  - rg_counts_check accepts exactly the values meeting the invariants
 *    (computed here in 128-bit arithmetic) and names a field on failure;
 *  - a valid value survives the binary round trip.
 */
#include "counts.h"
#include "fuzz_common.h"
#include "fuzz_counts.h"

#include <ctype.h>

/* ---- reference parser, written from the grammar in counts.h ---- */

static const char *
ref_space(const char *p)
{
	while (*p && isspace((unsigned char) *p))
		p++;
	return p;
}

static RgStatus
ref_parse(const char *s, int64_t vals[4])
{
	static const char *keys[4] = {"referrals", "recorded", "unknown", "timely"};
	int			seen[4] = {0};
	const char *p = ref_space(s);

	vals[0] = vals[1] = vals[2] = vals[3] = 0;
	if (*p++ != '(')
		return RG_SYNTAX;
	for (;;)
	{
		size_t		n = 0;
		int			key = -1;
		int			neg = 0;
		__int128	v = 0;
		int			digits = 0;

		p = ref_space(p);
		while (isalpha((unsigned char) p[n]))
			n++;
		for (int i = 0; i < 4; i++)
			if (n == strlen(keys[i]) && strncmp(p, keys[i], n) == 0)
				key = i;
		if (key < 0 || seen[key])
			return RG_SYNTAX;
		seen[key] = 1;
		p = ref_space(p + n);
		if (*p++ != '=')
			return RG_SYNTAX;
		p = ref_space(p);
		if (*p == '+' || *p == '-')
			neg = (*p++ == '-');
		while (isdigit((unsigned char) *p))
		{
			v = v * 10 + (*p++ - '0');
			digits++;
			if (v > (__int128) INT64_MAX + 1)
				return RG_OVERFLOW;
		}
		if (digits == 0)
			return RG_SYNTAX;
		if (neg)
			v = -v;
		if (v > INT64_MAX || v < INT64_MIN)
			return RG_OVERFLOW;
		vals[key] = (int64_t) v;
		p = ref_space(p);
		if (*p == ',')
		{
			p++;
			continue;
		}
		if (*p != ')')
			return RG_SYNTAX;
		p = ref_space(p + 1);
		if (*p != '\0' || !seen[0] || !seen[1])
			return RG_SYNTAX;
		return RG_OK;
	}
}

#define SHOW(c) "(%lld, %lld, %lld, %lld)", (long long) (c).referrals, \
	(long long) (c).recorded, (long long) (c).unknown, (long long) (c).timely

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char	   *s = fuzz_cstring(data, size);
	size_t		len = strlen(s);
	RgCounts	c = {-7, -7, -7, -7};
	size_t		errpos = (size_t) -1;
	const char *errwhat = NULL;
	RgStatus	st = rg_counts_parse(s, &c, &errpos, &errwhat);
	int64_t		ref[4];
	RgStatus	rst = ref_parse(s, ref);

	PROPERTY(st == RG_OK || st == RG_SYNTAX || st == RG_OVERFLOW, "status %d", (int) st);
	PROPERTY(st == rst, "parser says %d, reference says %d for \"%s\"", (int) st, (int) rst, s);

	if (st != RG_OK)
	{
		PROPERTY(errpos <= len, "error position %zu beyond length %zu", errpos, len);
		PROPERTY(errwhat != NULL && errwhat[0] != '\0', "no error description");
		/* the untouched output must stay untouched */
		PROPERTY(c.referrals == -7 && c.recorded == -7 && c.unknown == -7 && c.timely == -7,
				 "output written on failure");
	}
	else
	{
		char		buf[RG_COUNTS_TEXT_MAX], buf2[RG_COUNTS_TEXT_MAX];
		RgCounts	back;
		int			n, n2;
		int			field = -1;
		RgStatus	cst;

		PROPERTY(c.referrals == ref[0] && c.recorded == ref[1] &&
				 c.unknown == ref[2] && c.timely == ref[3], SHOW(c));

		n = rg_counts_format(&c, buf, sizeof buf);
		PROPERTY(n > 0 && (size_t) n < sizeof buf && strlen(buf) == (size_t) n,
				 "format length %d", n);
		PROPERTY(rg_counts_parse(buf, &back, &errpos, &errwhat) == RG_OK, "reparse of %s", buf);
		PROPERTY(same(&c, &back), "round trip changed %s", buf);
		n2 = rg_counts_format(&back, buf2, sizeof buf2);
		PROPERTY(n2 == n && strcmp(buf, buf2) == 0, "format not canonical: %s vs %s", buf, buf2);

		cst = rg_counts_check(&c, &field);
		PROPERTY((cst == RG_OK) == ref_valid(&c), "check says %d for " , (int) cst);
		if (cst != RG_OK)
		{
			PROPERTY(cst == RG_NEGATIVE || cst == RG_EXCEEDS_REFERRALS || cst == RG_TIMELY_EXCEEDS,
					 "check status %d", (int) cst);
			PROPERTY(field >= 0 && field <= 3, "field %d", field);
		}
		else
		{
			unsigned char wire[RG_COUNTS_WIRE_SIZE];

			rg_counts_encode(&c, wire);
			PROPERTY(rg_counts_decode(wire, sizeof wire, &back) == RG_OK, "decode");
			PROPERTY(same(&c, &back), "binary round trip changed %s", buf);
		}
	}
	free(s);
	return 0;
}
