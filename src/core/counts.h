/*
 * counts.h - the four counts of a recording summary and their invariants.
 *
 * Plain C: no PostgreSQL header may be included here.  Everything in this
 * file can be unit-tested and fuzzed outside the server.
 */
#ifndef RG_CORE_COUNTS_H
#define RG_CORE_COUNTS_H

#include <stddef.h>
#include <stdint.h>

/* The summary: four non-negative counts. */
typedef struct RgCounts
{
	int64_t		referrals;		/* referrals received */
	int64_t		recorded;		/* referrals that led to a crime record */
	int64_t		unknown;		/* referrals whose linkage is unknown */
	int64_t		timely;			/* recorded within the deadline */
} RgCounts;

/* Size of the binary (send/recv) form: four big-endian int64. */
#define RG_COUNTS_WIRE_SIZE 32

/* Outcome of a check, parse or arithmetic step. */
typedef enum RgStatus
{
	RG_OK = 0,
	RG_NEGATIVE,				/* a count is below zero */
	RG_EXCEEDS_REFERRALS,		/* recorded + unknown > referrals */
	RG_TIMELY_EXCEEDS,			/* timely > recorded */
	RG_OVERFLOW,				/* a result would not fit in int64 */
	RG_SYNTAX,					/* malformed text */
	RG_BAD_LENGTH,				/* binary form of the wrong size */
	RG_UNDERFLOW,				/* subtraction of a summary not contained */
	RG_NOT_WHOLE				/* a decimal count with a fraction, or NaN */
} RgStatus;

/* Names of the four fields, in canonical order. */
extern const char *const rg_field_names[4];

/*
 * The functions below run once per aggregated row, so they are static
 * inline: the fmgr adapters compile them into their own code, with no call
 * through the PLT, and the per-row accumulate is branch-free.
 */

/* Field access by index 0..3 (referrals, recorded, unknown, timely). */
static inline int64_t
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

/*
 * A total order of summaries, field by field (referrals, recorded, unknown,
 * timely): for sorting, where the pictures need output independent of the
 * order of the rows.  It is no "less than" of recording (the type has none).
 */
static inline int
rg_counts_cmp(const RgCounts *a, const RgCounts *b)
{
	for (int i = 0; i < 4; i++)
	{
		int64_t		p = rg_counts_field(a, i),
					q = rg_counts_field(b, i);

		if (p != q)
			return p < q ? -1 : 1;
	}
	return 0;
}

/*
 * Check the invariants: every count >= 0, recorded + unknown <= referrals,
 * timely <= recorded.  On failure *field (if not NULL) is set to the index
 * of the offending field.
 */
static inline RgStatus
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

/*
 * The invariants of two bare published totals (referrals, recorded): the
 * same rules as a summary with unknown = timely = 0, checked by
 * rg_counts_check itself so that the rules are written once.
 */
static inline RgStatus
rg_totals_check(int64_t referrals, int64_t recorded, int *field)
{
	RgCounts	c = {referrals, recorded, 0, 0};

	return rg_counts_check(&c, field);
}

/*
 * One count given as decimal text, as numeric's output writes it
 * ("3146", "3146.000", "-2", "NaN", "Infinity").  A whole number that fits
 * in int64 gives RG_OK; a fraction other than zeros, or NaN, gives
 * RG_NOT_WHOLE; a whole number beyond int64 or an infinity gives
 * RG_OVERFLOW; anything else RG_SYNTAX.  Sign is kept: the caller checks
 * the invariants.
 */
RgStatus	rg_count_from_decimal(const char *s, int64_t *out);

/* Build and check. */
RgStatus	rg_counts_make(int64_t referrals, int64_t recorded, int64_t unknown,
						   int64_t timely, RgCounts *out, int *field);

/* out = a + b, checked for int64 overflow.  out may alias a or b. */
static inline RgStatus
rg_counts_add(const RgCounts *a, const RgCounts *b, RgCounts *out)
{
	RgCounts	r;
	int			ovf;

	/* all four checks, no early exit: cheaper than four branches */
	ovf = __builtin_add_overflow(a->referrals, b->referrals, &r.referrals);
	ovf |= __builtin_add_overflow(a->recorded, b->recorded, &r.recorded);
	ovf |= __builtin_add_overflow(a->unknown, b->unknown, &r.unknown);
	ovf |= __builtin_add_overflow(a->timely, b->timely, &r.timely);
	if (ovf)
		return RG_OVERFLOW;
	*out = r;
	return RG_OK;
}

/*
 * out = a - b, the inverse of rg_counts_add.  Fails with RG_UNDERFLOW if any
 * count would become negative and with the invariant status if the result
 * is not a valid summary.
 */
static inline RgStatus
rg_counts_sub(const RgCounts *a, const RgCounts *b, RgCounts *out)
{
	RgCounts	r;
	RgStatus	st;
	int			ovf;

	ovf = __builtin_sub_overflow(a->referrals, b->referrals, &r.referrals);
	ovf |= __builtin_sub_overflow(a->recorded, b->recorded, &r.recorded);
	ovf |= __builtin_sub_overflow(a->unknown, b->unknown, &r.unknown);
	ovf |= __builtin_sub_overflow(a->timely, b->timely, &r.timely);
	if (ovf)
		return RG_OVERFLOW;
	st = rg_counts_check(&r, NULL);
	if (st == RG_NEGATIVE)
		return RG_UNDERFLOW;
	if (st != RG_OK)
		return st;
	*out = r;
	return RG_OK;
}

/*
 * out = a - b for the - operator: like rg_counts_sub, and on failure *field
 * (if not NULL) names the count at fault: the first count of b larger than
 * a's (RG_UNDERFLOW), or the count whose invariant the difference breaks
 * (RG_EXCEEDS_REFERRALS: recorded or unknown; RG_TIMELY_EXCEEDS: timely).
 * out is untouched on failure.
 */
RgStatus	rg_counts_difference(const RgCounts *a, const RgCounts *b,
								 RgCounts *out, int *field);

/*
 * Account one referral.  recorded: 1 = recorded, 0 = not recorded,
 * -1 = unknown.  timely: 1 if recorded within the deadline.  A timely
 * referral that is not recorded returns RG_TIMELY_EXCEEDS and leaves c
 * untouched.  The counts are bumped without branching on the value: with
 * real data whether a row is recorded is unpredictable.
 */
static inline RgStatus
rg_counts_accum(RgCounts *c, int recorded, int timely)
{
	int64_t		rec = (recorded == 1);

	if (timely && !rec)
		return RG_TIMELY_EXCEEDS;
	if (c->referrals == INT64_MAX)
		return RG_OVERFLOW;
	/* recorded, unknown, timely <= referrals < INT64_MAX: no overflow */
	c->referrals++;
	c->recorded += rec;
	c->timely += rec & (timely != 0);
	c->unknown += (recorded < 0);
	return RG_OK;
}

/* Remove one referral accounted by rg_counts_accum; on failure c is unchanged. */
static inline RgStatus
rg_counts_unaccum(RgCounts *c, int recorded, int timely)
{
	if (timely && recorded != 1)
		return RG_TIMELY_EXCEEDS;
	if (c->referrals <= 0 ||
		(recorded == 1 && c->recorded <= 0) ||
		(recorded == 1 && timely && c->timely <= 0) ||
		(recorded < 0 && c->unknown <= 0))
		return RG_UNDERFLOW;
	{
		RgCounts	r = *c;

		r.referrals--;
		if (recorded == 1)
		{
			r.recorded--;
			if (timely)
				r.timely--;
		}
		else if (recorded < 0)
			r.unknown--;
		/* removing a row that was never added could break the invariants */
		if (rg_counts_check(&r, NULL) != RG_OK)
			return RG_UNDERFLOW;
		*c = r;
	}
	return RG_OK;
}

/*
 * Text form: "(referrals=3146, recorded=884, unknown=0, timely=0)".
 * Input accepts the four keys in any order, each at most once, with
 * whitespace around every token; referrals and recorded are required,
 * unknown and timely default to 0.  Values are decimal integers with an
 * optional sign.  The parse does not check the invariants: call
 * rg_counts_check on the result.
 *
 * On RG_SYNTAX, *errpos is the byte offset of the problem and *errwhat a
 * static description.  On RG_OVERFLOW, *errpos is the start of the number.
 */
RgStatus	rg_counts_parse(const char *s, RgCounts *out, size_t *errpos,
							const char **errwhat);

/* Longest text form, with its terminating NUL. */
#define RG_COUNTS_TEXT_MAX 128

/* Write the canonical text form; returns its length. */
int			rg_counts_format(const RgCounts *c, char *buf, size_t buflen);

/* Binary form: four big-endian int64 in field order. */
void		rg_counts_encode(const RgCounts *c, unsigned char *buf);
RgStatus	rg_counts_decode(const unsigned char *buf, size_t len, RgCounts *out);

#endif							/* RG_CORE_COUNTS_H */
