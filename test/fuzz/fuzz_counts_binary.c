/*
 * fuzz_counts_binary.c - the binary form of recording_stats:
 * rg_counts_decode + rg_counts_check (the type's receive function),
 * rg_counts_encode, and the checked arithmetic the aggregates apply to
 * decoded values (add, sub, accum, unaccum).
 *
 * requires: counts.c
 *
 * Properties checked on every input:
 *  - decode accepts exactly RG_COUNTS_WIRE_SIZE bytes and leaves its output
 *    alone otherwise;
 *  - a decoded value re-encodes to the very same bytes, and its big-endian
 *    fields are the ones computed here independently;
 *  - rg_counts_check accepts exactly the values meeting the invariants;
 *  - a valid value survives the text round trip;
 *  - with 64 bytes or more (two values a, b and operation bytes):
 *    add fails exactly on int64 overflow, is commutative, keeps valid
 *    values valid, and (a + b) - b = a; a successful sub gives a valid value
 *    with (a - b) + b = a; accum keeps a value valid and unaccum undoes it.
 */
#include "counts.h"
#include "fuzz_common.h"
#include "fuzz_counts.h"

static int64_t
be64(const uint8_t *p)
{
	uint64_t	u = 0;

	for (int i = 0; i < 8; i++)
		u = u << 8 | p[i];
	return (int64_t) u;
}

static int
fits(__int128 v)
{
	return v >= INT64_MIN && v <= INT64_MAX;
}

static void
one_value(const uint8_t *data, RgCounts *c)
{
	unsigned char wire[RG_COUNTS_WIRE_SIZE];
	RgStatus	cst;
	int			field = -1;

	PROPERTY(rg_counts_decode(data, RG_COUNTS_WIRE_SIZE, c) == RG_OK, "decode of 32 bytes");
	PROPERTY(c->referrals == be64(data) && c->recorded == be64(data + 8) &&
			 c->unknown == be64(data + 16) && c->timely == be64(data + 24), "field order");
	rg_counts_encode(c, wire);
	PROPERTY(memcmp(wire, data, RG_COUNTS_WIRE_SIZE) == 0, "re-encoding differs");

	cst = rg_counts_check(c, &field);
	PROPERTY((cst == RG_OK) == ref_valid(c), "check says %d", (int) cst);
	if (cst != RG_OK)
		PROPERTY(field >= 0 && field <= 3, "field %d", field);
	else
	{
		char		buf[RG_COUNTS_TEXT_MAX];
		RgCounts	back;
		size_t		pos;
		const char *what;
		int			n = rg_counts_format(c, buf, sizeof buf);

		PROPERTY(n > 0 && (size_t) n < sizeof buf, "format length %d", n);
		PROPERTY(rg_counts_parse(buf, &back, &pos, &what) == RG_OK, "parse %s", buf);
		PROPERTY(same(c, &back), "text round trip changed %s", buf);
	}
}

static void
arithmetic(const RgCounts *a, const RgCounts *b, const uint8_t *ops, size_t nops)
{
	RgCounts	r, r2, back;
	int			overflow =
		!fits((__int128) a->referrals + b->referrals) || !fits((__int128) a->recorded + b->recorded) ||
		!fits((__int128) a->unknown + b->unknown) || !fits((__int128) a->timely + b->timely);
	RgStatus	st = rg_counts_add(a, b, &r);

	PROPERTY((st == RG_OVERFLOW) == overflow && (st == RG_OK) == !overflow, "add status %d", (int) st);
	if (st == RG_OK)
	{
		PROPERTY(rg_counts_add(b, a, &r2) == RG_OK && same(&r, &r2), "add not commutative");
		if (ref_valid(a) && ref_valid(b))
		{
			PROPERTY(ref_valid(&r), "sum of valid values is invalid");
			PROPERTY(rg_counts_sub(&r, b, &back) == RG_OK && same(&back, a), "(a + b) - b != a");
		}
	}
	st = rg_counts_sub(a, b, &r);
	if (st == RG_OK)
	{
		PROPERTY(ref_valid(&r), "difference accepted but invalid");
		PROPERTY(rg_counts_add(&r, b, &back) == RG_OK && same(&back, a), "(a - b) + b != a");
	}
	else
		PROPERTY(st == RG_OVERFLOW || st == RG_UNDERFLOW || st == RG_EXCEEDS_REFERRALS ||
				 st == RG_TIMELY_EXCEEDS, "sub status %d", (int) st);

	/* a run of accum operations on a valid value, then undone in reverse */
	if (ref_valid(a))
	{
		RgCounts	c = *a;
		int			done[64][2];
		size_t		k = 0;

		for (size_t i = 0; i < nops && k < 64; i++)
		{
			int			rec = (ops[i] & 3) == 3 ? -1 : (ops[i] & 1);
			int			tim = (ops[i] >> 2) & 1;
			RgCounts	before = c;

			st = rg_counts_accum(&c, rec, tim);
			if (st == RG_OK)
			{
				PROPERTY(ref_valid(&c), "accum gave an invalid value");
				PROPERTY(c.referrals == before.referrals + 1, "accum did not count");
				done[k][0] = rec;
				done[k][1] = tim;
				k++;
			}
			else
			{
				PROPERTY(same(&c, &before), "failed accum changed the value");
				PROPERTY((st == RG_TIMELY_EXCEEDS && tim && rec != 1) ||
						 (st == RG_OVERFLOW), "accum status %d", (int) st);
			}
		}
		while (k > 0)
		{
			k--;
			PROPERTY(rg_counts_unaccum(&c, done[k][0], done[k][1]) == RG_OK, "unaccum failed");
		}
		PROPERTY(same(&c, a), "accum then unaccum changed the value");
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	RgCounts	c = {-7, -7, -7, -7};

	if (size != RG_COUNTS_WIRE_SIZE)
	{
		PROPERTY(rg_counts_decode(data, size, &c) == RG_BAD_LENGTH, "accepted %zu bytes", size);
		PROPERTY(c.referrals == -7 && c.recorded == -7 && c.unknown == -7 && c.timely == -7,
				 "output written on failure");
	}
	if (size >= RG_COUNTS_WIRE_SIZE)
	{
		RgCounts	a;

		one_value(data, &a);
		if (size >= 2 * RG_COUNTS_WIRE_SIZE)
		{
			RgCounts	b;

			one_value(data + RG_COUNTS_WIRE_SIZE, &b);
			arithmetic(&a, &b, data + 2 * RG_COUNTS_WIRE_SIZE, size - 2 * RG_COUNTS_WIRE_SIZE);
		}
	}
	return 0;
}
