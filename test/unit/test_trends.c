/*
 * Unit tests of src/core/newcombe.c, trend.c, padjust.c and audit.c.
 * Expected values are worked out by hand (noted beside them), published
 * (Newcombe 1998, Table II, method 10; R's ?prop.trend.test example), or
 * computed with GNU R 4.2 (p.adjust, prop.trend.test, prop.test, and
 * test/oracle/trends.R's implementation of Newcombe's formula).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <math.h>
#include <string.h>
#include <stdio.h>
#include <cmocka.h>

#include "mathlib.h"

#include "audit.h"
#include "newcombe.h"
#include "padjust.h"
#include "trend.h"

#define NEAR(a, b, tol) assert_true(fabs((a) - (b)) <= (tol))

/* ---- Newcombe ---- */

static void
test_newcombe_published(void **state)
{
	/* Newcombe (1998) Table II, method 10: x1, n1, x2, n2, lower, upper */
	static const double ex[][6] = {
		{56, 70, 48, 80, 0.0524, 0.3339},
		{9, 10, 3, 10, 0.1705, 0.8090},
		{5, 56, 0, 29, -0.0381, 0.1926},
		{0, 10, 0, 20, -0.1611, 0.2775},
		{0, 10, 0, 10, -0.2775, 0.2775},
		{10, 10, 0, 20, 0.6791, 1.0000},
		{10, 10, 0, 10, 0.6075, 1.0000},
	};

	(void) state;
	for (size_t i = 0; i < sizeof ex / sizeof ex[0]; i++)
	{
		double		lo,
					hi;

		assert_int_equal(rg_newcombe((int64_t) ex[i][0], (int64_t) ex[i][1],
									 (int64_t) ex[i][2], (int64_t) ex[i][3], 0.95, &lo, &hi),
						 RG_STAT_OK);
		NEAR(lo, ex[i][4], 5e-5);
		NEAR(hi, ex[i][5], 5e-5);
	}
}

static void
test_newcombe_errors(void **state)
{
	double		lo,
				hi;
	RgCounts	b = {80, 48, 4, 0},
				a = {70, 56, 2, 0},
				empty = {0, 0, 0, 0},
				bad = {5, 6, 0, 0};

	(void) state;
	assert_int_equal(rg_newcombe(1, 2, 1, 2, 1.0, &lo, &hi), RG_STAT_BAD_LEVEL);
	assert_int_equal(rg_newcombe(1, 2, 1, 2, 0.0, &lo, &hi), RG_STAT_BAD_LEVEL);
	assert_int_equal(rg_newcombe(1, 2, 1, 2, NAN, &lo, &hi), RG_STAT_BAD_LEVEL);
	assert_int_equal(rg_newcombe(3, 2, 1, 2, 0.95, &lo, &hi), RG_STAT_BAD_COUNTS);
	assert_int_equal(rg_newcombe(1, 2, 0, 0, 0.95, &lo, &hi), RG_STAT_NO_DATA);
	assert_int_equal(rg_newcombe(1, INT64_C(9007199254740993), 1, 2, 0.95, &lo, &hi), RG_STAT_TOO_LARGE);
	assert_int_equal(rg_change_interval(&empty, &a, 0.95, &lo, &hi), RG_STAT_NO_DATA);
	assert_int_equal(rg_change_interval(&bad, &a, 0.95, &lo, &hi), RG_STAT_BAD_COUNTS);
	/* corners: R re-implementation 0.005738, 0.358870 */
	assert_int_equal(rg_change_interval(&b, &a, 0.95, &lo, &hi), RG_STAT_OK);
	NEAR(lo, 0.005738, 5e-7);
	NEAR(hi, 0.358870, 5e-7);
}

/* ---- p.adjust ---- */

static void
test_padjust_parse(void **state)
{
	RgPAdjustMethod m;

	(void) state;
	assert_int_equal(rg_padjust_method_parse("holm", 4, &m), 0);
	assert_int_equal(m, RG_PADJ_HOLM);
	assert_int_equal(rg_padjust_method_parse("fdr", 3, &m), 0);
	assert_int_equal(m, RG_PADJ_BH);
	assert_int_equal(rg_padjust_method_parse("BY", 2, &m), 0);
	assert_int_equal(m, RG_PADJ_BY);
	assert_int_equal(rg_padjust_method_parse("bh", 2, &m), -1);
	assert_int_equal(rg_padjust_method_parse("Holm", 4, &m), -1);
	assert_int_equal(rg_padjust_method_parse("", 0, &m), -1);
	assert_int_equal(rg_padjust_method_parse("holms", 5, &m), -1);
}

static void
check_adjust(const double *p, size_t n, RgPAdjustMethod m, const double *want)
{
	double		out[16];

	assert_int_equal(rg_p_adjust(p, n, m, out, NULL), RG_PADJ_OK);
	for (size_t i = 0; i < n; i++)
		NEAR(out[i], want[i], 5e-8);
}

static void
test_padjust_hand(void **state)
{
	/* ties, in input order; R: p.adjust(c(.04, .01, .2, .01, .04), m) */
	static const double p[] = {0.04, 0.01, 0.2, 0.01, 0.04};
	static const double holm[] = {0.12, 0.05, 0.2, 0.05, 0.12};
	static const double hoch[] = {0.08, 0.04, 0.2, 0.04, 0.08};
	static const double bonf[] = {0.2, 0.05, 1.0, 0.05, 0.2};
	static const double bh[] = {0.05, 0.025, 0.2, 0.025, 0.05};
	static const double by[] = {0.1141667, 0.0570833, 0.4566667, 0.0570833, 0.1141667};
	/* hommel with two is hochberg: (.02, .03) -> (.03, .03) */
	static const double p2[] = {0.03, 0.02};
	static const double h2[] = {0.03, 0.03};

	(void) state;
	check_adjust(p, 5, RG_PADJ_HOLM, holm);
	check_adjust(p, 5, RG_PADJ_HOCHBERG, hoch);
	check_adjust(p, 5, RG_PADJ_HOMMEL, hoch);
	check_adjust(p, 5, RG_PADJ_BONFERRONI, bonf);
	check_adjust(p, 5, RG_PADJ_BH, bh);
	check_adjust(p, 5, RG_PADJ_BY, by);
	check_adjust(p, 5, RG_PADJ_NONE, p);
	check_adjust(p2, 2, RG_PADJ_HOMMEL, h2);
}

static void
test_padjust_hommel(void **state)
{
	/* R: p.adjust(c(.01, .02, .03, .04, .5), "hommel") = .05 .06 .06 .08 .5 */
	static const double p[] = {0.5, 0.04, 0.01, 0.03, 0.02};
	static const double want[] = {0.5, 0.08, 0.05, 0.06, 0.06};

	(void) state;
	check_adjust(p, 5, RG_PADJ_HOMMEL, want);
}

static bool stop_now;
static bool
stop_hook(void)
{
	return stop_now;
}

static void
test_padjust_edges(void **state)
{
	double		p[] = {0.3, 1.5},
				out[4];
	size_t		bad = 99;
	double		one = 0.3;
	double		many[200];

	(void) state;
	/* one p-value: unchanged, whatever the method */
	assert_int_equal(rg_p_adjust(&one, 1, RG_PADJ_BONFERRONI, out, NULL), RG_PADJ_OK);
	assert_true(out[0] == 0.3);
	assert_int_equal(rg_p_adjust(NULL, 0, RG_PADJ_HOLM, out, NULL), RG_PADJ_OK);
	assert_int_equal(rg_p_adjust(p, 2, RG_PADJ_HOLM, out, &bad), RG_PADJ_BAD_P);
	assert_int_equal(bad, 1);
	p[1] = NAN;
	assert_int_equal(rg_p_adjust(p, 2, RG_PADJ_BH, out, &bad), RG_PADJ_BAD_P);
	p[1] = -0.0;
	assert_int_equal(rg_p_adjust(p, 2, RG_PADJ_BH, out, &bad), RG_PADJ_OK);
	/* the interrupt hook stops hommel's quadratic loop */
	for (int i = 0; i < 200; i++)
		many[i] = (i + 1) / 200.0;
	{
		double		res[200];

		stop_now = true;
		rg_padjust_interrupt_hook = stop_hook;
		assert_int_equal(rg_p_adjust(many, 200, RG_PADJ_HOMMEL, res, NULL), RG_PADJ_INTERRUPTED);
		stop_now = false;
		assert_int_equal(rg_p_adjust(many, 200, RG_PADJ_HOMMEL, res, NULL), RG_PADJ_OK);
		rg_padjust_interrupt_hook = NULL;
	}
}

/* ---- trend ---- */

static void
test_trend_published(void **state)
{
	/* R's ?prop.trend.test: smokers 83/86, 90/93, 129/136, 70/82: X-squared 8.2249 */
	RgTrendPeriod s[] = {{1, 86, 83, 0}, {2, 93, 90, 0}, {3, 136, 129, 0}, {4, 82, 70, 0}};
	/* by hand: 10, 14, 20, 25 of 50: chisq 25.5^2 / (0.345 0.655 250) = 11.5101228 */
	RgTrendPeriod h[] = {{4, 50, 25, 0}, {2, 50, 14, 0}, {3, 50, 20, 0}, {1, 50, 10, 0}};
	double		chisq,
				p;
	int			slope;
	bool		deg;
	size_t		k = 4;

	(void) state;
	assert_int_equal(rg_trend_test(s, 4, NULL, &chisq, &p, &slope, &deg), RG_TREND_OK);
	NEAR(chisq, 8.2249, 5e-5);
	NEAR(p, 0.004131897477641487, 1e-15);
	assert_int_equal(slope, -1);
	assert_false(deg);
	assert_int_equal(rg_trend_compact(h, &k), RG_TREND_OK);
	assert_int_equal(k, 4);
	assert_true(h[0].score == 1 && h[3].score == 4);
	assert_int_equal(rg_trend_test(h, 4, NULL, &chisq, &p, &slope, &deg), RG_TREND_OK);
	NEAR(chisq, 11.5101228, 5e-7);
	NEAR(p, 0.0006921820497, 1e-13);
	assert_int_equal(slope, 1);
}

static void
test_trend_compact(void **state)
{
	RgTrendPeriod s[] = {{2, 10, 5, 1}, {1, 3, 1, 0}, {2, 4, 2, 1}, {-0.0, 1, 1, 0}, {0.0, 2, 0, 0}};
	RgTrendPeriod o[] = {{1, INT64_MAX, 0, 0}, {1, 1, 0, 0}};
	size_t		k = 5;

	(void) state;
	assert_int_equal(rg_trend_compact(s, &k), RG_TREND_OK);
	assert_int_equal(k, 3);
	/* -0 and +0 are one score */
	assert_true(s[0].score == 0.0);
	assert_int_equal(s[0].referrals, 3);
	assert_int_equal(s[0].recorded, 1);
	assert_true(s[2].score == 2.0);
	assert_int_equal(s[2].referrals, 14);
	assert_int_equal(s[2].recorded, 7);
	assert_int_equal(s[2].unknown, 2);
	k = 2;
	assert_int_equal(rg_trend_compact(o, &k), RG_TREND_OVERFLOW);
}

static void
test_trend_nulls_and_errors(void **state)
{
	RgTrendPeriod one[] = {{1, 50, 10, 0}, {2, 0, 0, 0}};
	RgTrendPeriod none[] = {{1, 50, 0, 0}, {2, 50, 0, 0}};
	RgTrendPeriod nan[] = {{NAN, 50, 1, 0}, {2, 50, 0, 0}};
	RgTrendPeriod big[] = {{1, INT64_C(9007199254740992), 1, 0}, {2, 1, 0, 0}};
	RgTrendPeriod badc[] = {{1, 5, 6, 0}, {2, 1, 0, 0}};
	double		chisq,
				p;
	int			slope;
	bool		deg,
				work[4];
	RgTrendDirection d;

	(void) state;
	/* a second period without referrals does not count */
	assert_int_equal(rg_trend_test(one, 2, NULL, &chisq, &p, &slope, &deg), RG_TREND_NO_DATA);
	assert_int_equal(rg_trend_direction(one, 2, 0.05, work, &d), RG_TREND_OK);
	assert_int_equal(d, RG_TREND_DIR_NO_DATA);
	assert_int_equal(rg_trend_test(none, 2, NULL, &chisq, &p, &slope, &deg), RG_TREND_OK);
	assert_true(deg);
	assert_true(p == 1.0);
	assert_int_equal(rg_trend_direction(none, 2, 0.05, work, &d), RG_TREND_OK);
	assert_int_equal(d, RG_TREND_NO_TREND);
	assert_int_equal(rg_trend_test(nan, 2, NULL, &chisq, &p, &slope, &deg), RG_TREND_BAD_SCORE);
	assert_int_equal(rg_trend_test(big, 2, NULL, &chisq, &p, &slope, &deg), RG_TREND_TOO_LARGE);
	assert_int_equal(rg_trend_test(badc, 2, NULL, &chisq, &p, &slope, &deg), RG_TREND_BAD_COUNTS);
	/* scores at the ends of the double range: the same test as 1 and 2 */
	{
		RgTrendPeriod wide[] = {{-1.5e308, 50, 10, 0}, {1.5e308, 50, 25, 5}};
		RgTrendPeriod unit[] = {{1, 50, 10, 0}, {2, 50, 25, 5}};
		double		p2;
		RgTrendDirection d2;

		assert_int_equal(rg_trend_test(wide, 2, NULL, &chisq, &p, &slope, &deg), RG_TREND_OK);
		assert_int_equal(rg_trend_test(unit, 2, NULL, &chisq, &p2, &slope, &deg), RG_TREND_OK);
		NEAR(p, p2, 1e-15);
		assert_int_equal(rg_trend_direction(wide, 2, 0.05, work, &d), RG_TREND_OK);
		assert_int_equal(rg_trend_direction(unit, 2, 0.05, work, &d2), RG_TREND_OK);
		assert_int_equal(d, d2);
	}
	assert_int_equal(rg_trend_direction(none, 2, 0.0, work, &d), RG_TREND_BAD_ALPHA);
	assert_int_equal(rg_trend_direction(none, 2, NAN, work, &d), RG_TREND_BAD_ALPHA);
	assert_int_equal(rg_trend_direction(none, 2, 1.0, work, &d), RG_TREND_BAD_ALPHA);
}

static void
test_trend_direction(void **state)
{
	/*
	 * The cases of sql/trends_trend.sql, decided by test/oracle/trends.R's
	 * rule over R's prop.trend.test: x of 50 in quarters 1..4, unknowns u.
	 */
	static const struct
	{
		int			x[4],
					u[4];
		RgTrendDirection at05,
					at001;
	}			c[] = {
		{{10, 14, 20, 25}, {0, 0, 0, 0}, RG_TREND_IMPROVING, RG_TREND_IMPROVING},
		{{25, 20, 14, 10}, {0, 0, 0, 0}, RG_TREND_WORSENING, RG_TREND_WORSENING},
		{{20, 21, 20, 21}, {0, 0, 0, 0}, RG_TREND_NO_TREND, RG_TREND_NO_TREND},
		{{10, 14, 20, 25}, {2, 2, 2, 2}, RG_TREND_IMPROVING, RG_TREND_UNDETERMINED},
		{{25, 20, 14, 10}, {3, 0, 0, 3}, RG_TREND_WORSENING, RG_TREND_UNDETERMINED},
		{{20, 21, 20, 21}, {1, 1, 1, 1}, RG_TREND_NO_TREND, RG_TREND_NO_TREND},
		{{18, 20, 22, 24}, {0, 0, 0, 10}, RG_TREND_UNDETERMINED, RG_TREND_NO_TREND},
		{{10, 14, 20, 25}, {20, 20, 0, 0}, RG_TREND_UNDETERMINED, RG_TREND_UNDETERMINED},
	};

	(void) state;
	for (size_t i = 0; i < sizeof c / sizeof c[0]; i++)
	{
		RgTrendPeriod q[4];
		bool		work[4];
		RgTrendDirection d;

		for (int j = 0; j < 4; j++)
		{
			q[j].score = j + 1;
			q[j].referrals = 50;
			q[j].recorded = c[i].x[j];
			q[j].unknown = c[i].u[j];
		}
		assert_int_equal(rg_trend_direction(q, 4, 0.05, work, &d), RG_TREND_OK);
		assert_int_equal(d, c[i].at05);
		assert_int_equal(rg_trend_direction(q, 4, 0.001, work, &d), RG_TREND_OK);
		assert_int_equal(d, c[i].at001);
	}
}

/*
 * Every resolution of the unknowns, one by one: the flag of
 * rg_trend_direction must be the flag every resolved table gives when all
 * agree, and undetermined otherwise.  A resolved table is decided from
 * rg_trend_test alone (checked against R's prop.trend.test above and in
 * test/suites/51-r-oracle-trends): p < alpha with the sign of the slope,
 * no trend when every referral has the same outcome.
 */
static RgTrendDirection
resolved_flag(const RgTrendPeriod *q, size_t k, double alpha)
{
	double		chisq,
				p;
	int			slope;
	bool		deg;
	RgTrendStatus st = rg_trend_test(q, k, NULL, &chisq, &p, &slope, &deg);

	if (st == RG_TREND_NO_DATA)
		return RG_TREND_DIR_NO_DATA;
	assert_int_equal(st, RG_TREND_OK);
	if (deg || !(p < alpha))
		return RG_TREND_NO_TREND;
	return slope > 0 ? RG_TREND_IMPROVING : RG_TREND_WORSENING;
}

/* the flag over every resolution, by enumeration; -1 if they disagree */
static int
enumerate_flags(const RgTrendPeriod *q, size_t k, double alpha, long *count)
{
	RgTrendPeriod r[8];
	int64_t		rr[8] = {0};
	int			agreed = -2;

	for (;;)
	{
		RgTrendDirection f;

		for (size_t i = 0; i < k; i++)
		{
			r[i] = q[i];
			r[i].recorded = q[i].recorded + rr[i];
			r[i].unknown = 0;
		}
		f = resolved_flag(r, k, alpha);
		(*count)++;
		if (agreed == -2)
			agreed = (int) f;
		else if (agreed != (int) f)
			agreed = -1;
		/* next resolution (odometer) */
		{
			size_t		i = 0;

			while (i < k && rr[i] == q[i].unknown)
				rr[i++] = 0;
			if (i == k)
				break;
			rr[i]++;
		}
	}
	return agreed;
}

static uint64_t rng_state = UINT64_C(0x9E3779B97F4A7C15);

static int64_t
rnd(int64_t lo, int64_t hi)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return lo + (int64_t) (rng_state % (uint64_t) (hi - lo + 1));
}

static void
check_exhaustive(RgTrendPeriod *q, size_t k, double alpha, long *count, int *seen)
{
	RgTrendDirection d;
	bool		work[8];
	int			want;

	assert_int_equal(rg_trend_compact(q, &k), RG_TREND_OK);
	assert_int_equal(rg_trend_direction(q, k, alpha, work, &d), RG_TREND_OK);
	want = enumerate_flags(q, k, alpha, count);
	if (want == -1)
		want = RG_TREND_UNDETERMINED;
	if ((int) d != want)
	{
		for (size_t i = 0; i < k; i++)
			fprintf(stderr, "# score %g n %lld x %lld u %lld\n", q[i].score,
					(long long) q[i].referrals, (long long) q[i].recorded,
					(long long) q[i].unknown);
		fprintf(stderr, "# alpha %g: flag %d, enumeration %d\n", alpha, (int) d, want);
	}
	assert_int_equal((int) d, want);
	seen[want]++;
}

static void
test_trend_exhaustive(void **state)
{
	static const double alphas[] = {0.05, 0.2, 0.5};
	static const double scoresets[][4] = {
		{1, 2, 3, 4}, {1, 2, 5, 6}, {-1, 0, 1, 2}, {0.5, 1, 10, 11}
	};
	long		count = 0;
	int			seen[5] = {0};

	(void) state;

	/* the example of the defect: 250 of the 1,000 unknowns give p = 0.169 */
	{
		RgTrendPeriod q[] = {{1, 100, 0, 0}, {2, 1000, 0, 1000}, {3, 100, 8, 0}};
		RgTrendPeriod r[] = {{1, 100, 0, 0}, {2, 1000, 250, 0}, {3, 100, 8, 0}};
		RgTrendDirection d;
		double		chisq,
					p;
		int			slope;
		bool		deg,
					work[3];

		/* R: prop.trend.test(c(0, 250, 8), c(100, 1000, 100))$p.value 0.168525000903272 */
		assert_int_equal(rg_trend_test(r, 3, NULL, &chisq, &p, &slope, &deg), RG_TREND_OK);
		NEAR(p, 0.168525000903272, 1e-12);
		assert_int_equal(rg_trend_direction(q, 3, 0.05, work, &d), RG_TREND_OK);
		assert_int_equal(d, RG_TREND_UNDETERMINED);
		check_exhaustive(q, 3, 0.05, &count, seen);
	}

	/* unknowns at the mean score (2 of 1, 2, 3 with equal referrals) */
	{
		RgTrendPeriod q[] = {{1, 10, 0, 0}, {2, 10, 0, 10}, {3, 10, 6, 0}};

		for (size_t a = 0; a < 3; a++)
		{
			RgTrendPeriod c[3];

			memcpy(c, q, sizeof q);
			check_exhaustive(c, 3, alphas[a], &count, seen);
		}
	}

	/* random small tables: 2 to 4 periods, up to 12 referrals each */
	for (int t = 0; t < 6000; t++)
	{
		RgTrendPeriod q[4];
		size_t		k = (size_t) rnd(2, 4);
		const double *sc = scoresets[rnd(0, 3)];

		for (size_t i = 0; i < k; i++)
		{
			int64_t		n = rnd(0, 12),
						x = rnd(0, n),
						u = rnd(0, 4) == 0 ? 0 : rnd(0, n - x);

			q[i].score = sc[i];
			q[i].referrals = n;
			q[i].recorded = x;
			q[i].unknown = u;
		}
		/* now and then two rows of one score, merged by compaction */
		if (k > 2 && rnd(0, 9) == 0)
			q[k - 1].score = q[0].score;
		check_exhaustive(q, k, alphas[t % 3], &count, seen);
	}
	/* every answer occurs */
	for (int f = 0; f < 5; f++)
		assert_true(seen[f] > 0);
	fprintf(stderr, "# %ld resolutions; improving %d, worsening %d, no_trend %d, no_data %d, undetermined %d\n",
			count, seen[0], seen[1], seen[2], seen[3], seen[4]);
}

/* ---- audit samples ---- */

static void
test_audit(void **state)
{
	RgCounts	notts = {1315, 1148, 0, 0},
				notts_u = {1315, 1148, 20, 0},
				zero = {50, 0, 0, 0},
				all = {50, 50, 0, 0},
				empty = {0, 0, 0, 0};
	double		e,
				lo,
				hi;

	(void) state;
	/* by hand: 94861 * 167 / 1148 = 13799.466 */
	assert_int_equal(rg_unrecorded_estimate(&notts, 94861, &e), RG_STAT_OK);
	NEAR(e, 13799.466027874565, 1e-8);
	/* R: prop.test(1148, 1315, correct = FALSE) interval mapped */
	assert_int_equal(rg_unrecorded_interval(&notts, 94861, 0.95, &lo, &hi), RG_STAT_OK);
	NEAR(lo, 11733.92169, 1e-5);
	NEAR(hi, 16228.61202, 1e-5);
	assert_int_equal(rg_unrecorded_interval(&notts_u, 94861, 0.95, &lo, &hi), RG_STAT_OK);
	NEAR(lo, 10059.1262, 1e-4);
	NEAR(hi, 16228.61202, 1e-5);
	assert_int_equal(rg_unrecorded_estimate(&zero, 1000, &e), RG_STAT_OK);
	assert_true(isinf(e) && e > 0);
	assert_int_equal(rg_unrecorded_interval(&zero, 1000, 0.95, &lo, &hi), RG_STAT_OK);
	assert_true(isinf(hi) && hi > 0);
	NEAR(lo, 13015.88858, 1e-5);
	assert_int_equal(rg_unrecorded_estimate(&zero, 0, &e), RG_STAT_NO_DATA);
	assert_int_equal(rg_unrecorded_interval(&zero, 0, 0.95, &lo, &hi), RG_STAT_NO_DATA);
	assert_int_equal(rg_unrecorded_estimate(&all, 1000, &e), RG_STAT_OK);
	assert_true(e == 0.0);
	assert_int_equal(rg_unrecorded_estimate(&empty, 1000, &e), RG_STAT_NO_DATA);
	/*
	 * 9,999,999 of 10^7 at 0.999, T = 10^7: T (1 - r) / r with r the Wilson
	 * upper end near 1, from the complement's own interval (mpmath, 50
	 * digits: 0.078436729272697079899848...; 1 - r by subtraction was 5.5e-9
	 * off).  Newcombe between ratios near 1: the difference 10^-7 exact.
	 */
	{
		RgCounts	near = {10000000, 9999999, 0, 0},
					full = {10000000, 10000000, 0, 0};

		assert_int_equal(rg_unrecorded_interval(&near, 10000000, 0.999, &lo, &hi), RG_STAT_OK);
		assert_true(fabs(lo - 0.078436729272697079899848366451687125464781664442941) <=
					1e-12 * 0.0784367292726970799);
		assert_int_equal(rg_change_interval(&near, &full, 0.5, &lo, &hi), RG_STAT_OK);
		assert_true(fabs(lo - 3.3550221111217654803518760263573040709698155086545e-8) <=
					1e-12 * 3.3550221111217654803518760263573040709698155086545e-8);
	}
	assert_int_equal(rg_unrecorded_estimate(&notts, -1, &e), RG_STAT_BAD_COUNTS);
	assert_int_equal(rg_unrecorded_interval(&notts, 10, 1.0, &lo, &hi), RG_STAT_BAD_LEVEL);
	assert_int_equal(rg_unrecorded_interval(&notts, 10, NAN, &lo, &hi), RG_STAT_BAD_LEVEL);
}

int
main(void)
{
	char		math_err[256];
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_newcombe_published),
		cmocka_unit_test(test_newcombe_errors),
		cmocka_unit_test(test_padjust_parse),
		cmocka_unit_test(test_padjust_hand),
		cmocka_unit_test(test_padjust_hommel),
		cmocka_unit_test(test_padjust_edges),
		cmocka_unit_test(test_trend_published),
		cmocka_unit_test(test_trend_compact),
		cmocka_unit_test(test_trend_nulls_and_errors),
		cmocka_unit_test(test_trend_direction),
		cmocka_unit_test(test_trend_exhaustive),
		cmocka_unit_test(test_audit),
	};

	if (rg_math_load(math_err, sizeof(math_err)) != 0)
	{
		fprintf(stderr, "%s\n", math_err);
		return 1;
	}
	return cmocka_run_group_tests_name("trends", tests, NULL, NULL);
}
