/*
 * Unit tests of src/core/binomial.c and src/core/funnel.c.  Expected values
 * are worked out by hand (noted beside them) or taken from statsmodels 0.13
 * / scipy 1.10 or GNU R 4.2 (noted beside them).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <math.h>
#include <string.h>
#include <stdio.h>
#include <cmocka.h>

#include "mathlib.h"

#include "binomial.h"
#include "funnel.h"

#define NEAR(a, b, tol) assert_true(fabs((a) - (b)) < (tol))

static void
test_method_parse(void **state)
{
	RgCiMethod	m;

	(void) state;
	assert_int_equal(rg_ci_method_parse("wilson", 6, &m), 0);
	assert_int_equal(m, RG_CI_WILSON);
	assert_int_equal(rg_ci_method_parse("clopper_pearson", 15, &m), 0);
	assert_int_equal(m, RG_CI_CLOPPER_PEARSON);
	assert_int_equal(rg_ci_method_parse("jeffreys", 8, &m), 0);
	assert_int_equal(m, RG_CI_JEFFREYS);
	assert_int_equal(rg_ci_method_parse("agresti_coull", 13, &m), 0);
	assert_int_equal(m, RG_CI_AGRESTI_COULL);
	assert_int_equal(rg_ci_method_parse("wald", 4, &m), 0);
	assert_int_equal(m, RG_CI_WALD);
	/* no prefixes, no other case, no trailing bytes */
	assert_int_equal(rg_ci_method_parse("wil", 3, &m), -1);
	assert_int_equal(rg_ci_method_parse("Wilson", 6, &m), -1);
	assert_int_equal(rg_ci_method_parse("wilson ", 7, &m), -1);
	assert_int_equal(rg_ci_method_parse("", 0, &m), -1);
	/* length, not NUL, ends the name */
	assert_int_equal(rg_ci_method_parse("waldo", 4, &m), 0);
	assert_int_equal(m, RG_CI_WALD);
}

static void
test_ci_published(void **state)
{
	/* 884 of 3,146 at 95%: statsmodels proportion_confint */
	static const struct
	{
		RgCiMethod	m;
		double		lo,
					hi;
	}			want[] =
	{
		{RG_CI_WILSON, 0.265559530748, 0.296958133072},
		{RG_CI_CLOPPER_PEARSON, 0.265335696870, 0.297055942198},
		{RG_CI_JEFFREYS, 0.265491777794, 0.296894453865},
		{RG_CI_AGRESTI_COULL, 0.265557261592, 0.296960402228},
		{RG_CI_WALD, 0.265285126037, 0.296698345038},
	};

	(void) state;
	for (size_t i = 0; i < sizeof want / sizeof want[0]; i++)
	{
		double		lo,
					hi;

		assert_int_equal(rg_binom_ci(884, 3146, 0.95, want[i].m, &lo, &hi), RG_STAT_OK);
		NEAR(lo, want[i].lo, 1e-11);
		NEAR(hi, want[i].hi, 1e-11);
	}
}

static void
test_ci_edges(void **state)
{
	double		lo,
				hi;

	(void) state;
	/* n = 1: Clopper-Pearson is [0, 1 - 0.025] at x = 0, [0.025, 1] at x = 1 */
	assert_int_equal(rg_binom_ci(0, 1, 0.95, RG_CI_CLOPPER_PEARSON, &lo, &hi), RG_STAT_OK);
	assert_true(lo == 0.0);
	NEAR(hi, 0.975, 1e-14);
	assert_int_equal(rg_binom_ci(1, 1, 0.95, RG_CI_CLOPPER_PEARSON, &lo, &hi), RG_STAT_OK);
	NEAR(lo, 0.025, 1e-14);
	assert_true(hi == 1.0);
	/* Wilson at x = 0: upper z^2 / (n + z^2) */
	assert_int_equal(rg_binom_ci(0, 1, 0.95, RG_CI_WILSON, &lo, &hi), RG_STAT_OK);
	assert_true(lo == 0.0);
	NEAR(hi, 0.7934506856227627, 1e-13);
	/* Jeffreys: the boundary rule sets lower = 0 at x = 0, upper = 1 at x = n */
	assert_int_equal(rg_binom_ci(0, 1, 0.95, RG_CI_JEFFREYS, &lo, &hi), RG_STAT_OK);
	assert_true(lo == 0.0);
	NEAR(hi, 0.8532536836904248, 1e-12);
	assert_int_equal(rg_binom_ci(1, 1, 0.95, RG_CI_JEFFREYS, &lo, &hi), RG_STAT_OK);
	NEAR(lo, 0.1467463163095752, 1e-12);
	assert_true(hi == 1.0);
	/* Wald collapses at the edges, Agresti-Coull is clipped */
	assert_int_equal(rg_binom_ci(0, 1, 0.95, RG_CI_WALD, &lo, &hi), RG_STAT_OK);
	assert_true(lo == 0.0 && hi == 0.0);
	assert_int_equal(rg_binom_ci(0, 1, 0.95, RG_CI_AGRESTI_COULL, &lo, &hi), RG_STAT_OK);
	assert_true(lo == 0.0);
	NEAR(hi, 0.832500514520587, 1e-12);

	/* extreme levels and counts give ordered, finite ends in [0, 1] */
	{
		static const int64_t ns[] = {1, 2, 1000, INT64_C(1000000000000), RG_STAT_MAX_COUNT};
		static const double levels[] = {1e-12, 0.5, 0.95, 1 - 1e-12};

		for (size_t i = 0; i < 5; i++)
			for (int64_t xi = 0; xi < 4; xi++)
			{
				int64_t		n = ns[i];
				int64_t		x = xi == 0 ? 0 : xi == 1 ? 1 : xi == 2 ? n / 3 : n;

				for (size_t l = 0; l < 4; l++)
					for (int m = 0; m <= RG_CI_WALD; m++)
					{
						assert_int_equal(rg_binom_ci(x, n, levels[l], (RgCiMethod) m, &lo, &hi),
										 RG_STAT_OK);
						assert_true(lo >= 0.0 && lo <= hi && hi <= 1.0);
					}
			}
	}
	/* CP at level 1 - 1e-12, x = 0: upper = 1 - (alpha / 2)^(1/n) */
	{
		volatile double level = 1 - 1e-12;

		assert_int_equal(rg_binom_ci(0, 10, level, RG_CI_CLOPPER_PEARSON, &lo, &hi), RG_STAT_OK);
		NEAR(hi, 1.0 - pow((1.0 - level) / 2.0, 0.1), 1e-14);
	}
}

static void
test_ci_errors(void **state)
{
	double		lo = -1,
				hi = -1;

	(void) state;
	assert_int_equal(rg_binom_ci(0, 0, 0.95, RG_CI_WILSON, &lo, &hi), RG_STAT_NO_DATA);
	assert_int_equal(rg_binom_ci(1, 10, 0.0, RG_CI_WILSON, &lo, &hi), RG_STAT_BAD_LEVEL);
	assert_int_equal(rg_binom_ci(1, 10, 1.0, RG_CI_WILSON, &lo, &hi), RG_STAT_BAD_LEVEL);
	assert_int_equal(rg_binom_ci(1, 10, NAN, RG_CI_WILSON, &lo, &hi), RG_STAT_BAD_LEVEL);
	assert_int_equal(rg_binom_ci(1, 10, INFINITY, RG_CI_WILSON, &lo, &hi), RG_STAT_BAD_LEVEL);
	assert_int_equal(rg_binom_ci(1, 10, -0.5, RG_CI_WILSON, &lo, &hi), RG_STAT_BAD_LEVEL);
	assert_int_equal(rg_binom_ci(11, 10, 0.95, RG_CI_WILSON, &lo, &hi), RG_STAT_BAD_COUNTS);
	assert_int_equal(rg_binom_ci(-1, 10, 0.95, RG_CI_WILSON, &lo, &hi), RG_STAT_BAD_COUNTS);
	assert_int_equal(rg_binom_ci(1, RG_STAT_MAX_COUNT + 1, 0.95, RG_CI_WILSON, &lo, &hi),
					 RG_STAT_TOO_LARGE);
	/* nothing written on failure */
	assert_true(lo == -1 && hi == -1);
}

static void
test_verdict(void **state)
{
	RgVerdict	v;
	RgCounts	c = {3146, 884, 0, 0};
	RgCounts	u = {100, 40, 20, 0};	/* worst 0.4, best 0.6 */
	RgCounts	z = {0, 0, 0, 0};

	(void) state;
	assert_int_equal(rg_verdict(&c, 0.95, &v), RG_STAT_OK);
	assert_int_equal(v, RG_VERDICT_BELOW);
	assert_int_equal(rg_verdict(&c, 0.25, &v), RG_STAT_OK);
	assert_int_equal(v, RG_VERDICT_MEETS);
	/* 884 / 3146 = 0.28099...: exactly at the ratio is meets */
	assert_int_equal(rg_verdict(&c, 884.0 / 3146.0, &v), RG_STAT_OK);
	assert_int_equal(v, RG_VERDICT_MEETS);
	assert_int_equal(rg_verdict(&u, 0.5, &v), RG_STAT_OK);
	assert_int_equal(v, RG_VERDICT_UNDETERMINED);
	assert_int_equal(rg_verdict(&u, 0.6, &v), RG_STAT_OK);
	assert_int_equal(v, RG_VERDICT_UNDETERMINED);
	assert_int_equal(rg_verdict(&u, 0.61, &v), RG_STAT_OK);
	assert_int_equal(v, RG_VERDICT_BELOW);
	assert_int_equal(rg_verdict(&u, 0.4, &v), RG_STAT_OK);
	assert_int_equal(v, RG_VERDICT_MEETS);
	assert_int_equal(rg_verdict(&u, 0.0, &v), RG_STAT_OK);
	assert_int_equal(v, RG_VERDICT_MEETS);
	assert_int_equal(rg_verdict(&z, 0.5, &v), RG_STAT_OK);
	assert_int_equal(v, RG_VERDICT_NO_REFERRALS);
	assert_int_equal(rg_verdict(&c, NAN, &v), RG_STAT_BAD_THRESHOLD);
	assert_int_equal(rg_verdict(&c, 1.0000001, &v), RG_STAT_BAD_THRESHOLD);
	assert_int_equal(rg_verdict(&c, -0.0001, &v), RG_STAT_BAD_THRESHOLD);
	assert_int_equal(rg_verdict(&c, -INFINITY, &v), RG_STAT_BAD_THRESHOLD);
}

static void
test_funnel_limits(void **state)
{
	double		lo,
				hi;

	(void) state;

	/*
	 * n = 1, target 1/2, level 0.95 by hand: lower r = 0, alpha = (0.5 -
	 * 0.025) / 0.5 = 0.95, limit -0.95 -> 0; upper r = 1, alpha = (1 -
	 * 0.975) / 0.5 = 0.05, limit 0.95.
	 */
	assert_int_equal(rg_funnel_limits(1, 0.5, 0.95, &lo, &hi), RG_STAT_OK);
	assert_true(lo == 0.0);
	NEAR(hi, 0.95, 1e-14);

	/*
	 * n = 10, target 1/2: F(1) = 11/1024, F(2) = 56/1024, so the lower r =
	 * 2, alpha = (56 - 25.6) / 45, limit (2 - 30.4/45) / 10; F(7) = 968/1024,
	 * F(8) = 1013/1024, upper r = 8, alpha = (1013 - 998.4) / 45.
	 */
	assert_int_equal(rg_funnel_limits(10, 0.5, 0.95, &lo, &hi), RG_STAT_OK);
	NEAR(lo, (2.0 - 30.4 / 45.0) / 10.0, 1e-13);
	NEAR(hi, (8.0 - 14.6 / 45.0) / 10.0, 1e-13);

	/* degenerate targets */
	assert_int_equal(rg_funnel_limits(10, 0.0, 0.998, &lo, &hi), RG_STAT_OK);
	assert_true(lo == 0.0 && hi == 0.0);
	assert_int_equal(rg_funnel_limits(10, 1.0, 0.998, &lo, &hi), RG_STAT_OK);
	assert_true(lo == 1.0 && hi == 1.0);
	/* limits bracket the target and narrow with n */
	{
		double		prev = 2.0;

		for (int64_t n = 1; n <= INT64_C(100000000); n *= 10)
		{
			assert_int_equal(rg_funnel_limits(n, 0.3, 0.998, &lo, &hi), RG_STAT_OK);
			assert_true(lo <= 0.3 && 0.3 <= hi && hi - lo <= prev);
			prev = hi - lo;
		}
	}
	assert_int_equal(rg_funnel_limits(RG_STAT_MAX_COUNT, 0.3, 1 - 1e-12, &lo, &hi), RG_STAT_OK);
	assert_true(lo < 0.3 && 0.3 < hi && hi - lo < 1e-6);

	assert_int_equal(rg_funnel_limits(0, 0.5, 0.95, &lo, &hi), RG_STAT_NO_DATA);
	assert_int_equal(rg_funnel_limits(-1, 0.5, 0.95, &lo, &hi), RG_STAT_BAD_COUNTS);
	assert_int_equal(rg_funnel_limits(RG_STAT_MAX_COUNT + 1, 0.5, 0.95, &lo, &hi), RG_STAT_TOO_LARGE);
	assert_int_equal(rg_funnel_limits(10, NAN, 0.95, &lo, &hi), RG_STAT_BAD_TARGET);
	assert_int_equal(rg_funnel_limits(10, 1.5, 0.95, &lo, &hi), RG_STAT_BAD_TARGET);
	assert_int_equal(rg_funnel_limits(10, 0.5, 1.0, &lo, &hi), RG_STAT_BAD_LEVEL);
	assert_int_equal(rg_funnel_limits(10, 0.5, NAN, &lo, &hi), RG_STAT_BAD_LEVEL);
}

static void
test_funnel_position(void **state)
{
	RgFunnelPosition pos;
	double		lo,
				hi,
				lo4,
				hi4;

	(void) state;
	/* 884 / 3146 against the national figure itself and against 1/2 */
	assert_int_equal(rg_funnel_position(884, 3146, 0.281, 0.998, 1.0, &pos, NULL, NULL), RG_STAT_OK);
	assert_int_equal(pos, RG_FUNNEL_WITHIN);
	assert_int_equal(rg_funnel_position(884, 3146, 0.5, 0.998, 1.0, &pos, NULL, NULL), RG_STAT_OK);
	assert_int_equal(pos, RG_FUNNEL_LOW);
	assert_int_equal(rg_funnel_position(884, 3146, 0.1, 0.998, 1.0, &pos, NULL, NULL), RG_STAT_OK);
	assert_int_equal(pos, RG_FUNNEL_HIGH);
	/* on the limit is within: n = 1, target 1/2: the lower limit is 0 */
	assert_int_equal(rg_funnel_position(0, 1, 0.5, 0.95, 1.0, &pos, &lo, &hi), RG_STAT_OK);
	assert_true(lo == 0.0);
	assert_int_equal(pos, RG_FUNNEL_WITHIN);
	/* target 0: 0 recorded is within, anything else high */
	assert_int_equal(rg_funnel_position(0, 5, 0.0, 0.998, 1.0, &pos, NULL, NULL), RG_STAT_OK);
	assert_int_equal(pos, RG_FUNNEL_WITHIN);
	assert_int_equal(rg_funnel_position(1, 5, 0.0, 0.998, 1.0, &pos, NULL, NULL), RG_STAT_OK);
	assert_int_equal(pos, RG_FUNNEL_HIGH);

	/* phi = 4 doubles the distance of each limit from the target */
	assert_int_equal(rg_funnel_position(38, 100, 0.5, 0.95, 1.0, &pos, &lo, &hi), RG_STAT_OK);
	assert_int_equal(pos, RG_FUNNEL_LOW);
	assert_int_equal(rg_funnel_position(38, 100, 0.5, 0.95, 4.0, &pos, &lo4, &hi4), RG_STAT_OK);
	assert_int_equal(pos, RG_FUNNEL_WITHIN);
	NEAR(lo4, 0.5 + 2.0 * (lo - 0.5), 1e-15);
	NEAR(hi4, 0.5 + 2.0 * (hi - 0.5), 1e-15);
	/* phi below 1 leaves the limits as they are */
	assert_int_equal(rg_funnel_position(38, 100, 0.5, 0.95, 0.25, &pos, &lo4, &hi4), RG_STAT_OK);
	assert_true(lo4 == lo && hi4 == hi);
	assert_int_equal(pos, RG_FUNNEL_LOW);
	/* widened limits are clamped to [0, 1] */
	assert_int_equal(rg_funnel_position(1, 2, 0.5, 0.998, 100.0, &pos, &lo4, &hi4), RG_STAT_OK);
	assert_true(lo4 == 0.0 && hi4 == 1.0);

	assert_int_equal(rg_funnel_position(1, 2, 0.5, 0.998, NAN, &pos, NULL, NULL), RG_STAT_BAD_PHI);
	assert_int_equal(rg_funnel_position(1, 2, 0.5, 0.998, -1.0, &pos, NULL, NULL), RG_STAT_BAD_PHI);
	assert_int_equal(rg_funnel_position(1, 2, 0.5, 0.998, INFINITY, &pos, NULL, NULL), RG_STAT_BAD_PHI);
	assert_int_equal(rg_funnel_position(0, 0, 0.5, 0.998, 1.0, &pos, NULL, NULL), RG_STAT_NO_DATA);
}

static void
test_funnel_phi(void **state)
{
	/* target 1/2, n = 100: z = (x/n - 0.5) / 0.05 = -2, 0, 2 */
	int64_t		n[] = {100, 100, 100};
	int64_t		x[] = {40, 50, 60};
	double		work[3],
				phi;

	(void) state;

	/*
	 * Type-7 percentiles of (-2, 0, 2): 10th at -2 + 0.2 * 2 = -1.6, 90th at
	 * 0 + 0.8 * 2 = 1.6; winsorised (-1.6, 0, 1.6), phi = 2 * 2.56 / 3.
	 */
	assert_int_equal(rg_funnel_phi(n, x, 3, 0.5, work, &phi), RG_STAT_OK);
	NEAR(phi, 5.12 / 3.0, 1e-12);
	/* one unit: its own percentiles, phi = z^2 = 4 */
	assert_int_equal(rg_funnel_phi(n, x, 1, 0.5, work, &phi), RG_STAT_OK);
	NEAR(phi, 4.0, 1e-12);
	/* order of the units does not matter */
	{
		int64_t		x2[] = {60, 40, 50};

		assert_int_equal(rg_funnel_phi(n, x2, 3, 0.5, work, &phi), RG_STAT_OK);
		NEAR(phi, 5.12 / 3.0, 1e-12);
	}
	assert_int_equal(rg_funnel_phi(n, x, 0, 0.5, work, &phi), RG_STAT_NO_DATA);
	assert_int_equal(rg_funnel_phi(n, x, 3, 0.0, work, &phi), RG_STAT_BAD_TARGET);
	assert_int_equal(rg_funnel_phi(n, x, 3, 1.0, work, &phi), RG_STAT_BAD_TARGET);
	assert_int_equal(rg_funnel_phi(n, x, 3, NAN, work, &phi), RG_STAT_BAD_TARGET);
	{
		int64_t		n0[] = {100, 0};

		assert_int_equal(rg_funnel_phi(n0, x, 2, 0.5, work, &phi), RG_STAT_BAD_COUNTS);
	}
}

static void
test_fisher(void **state)
{
	double		p;

	(void) state;
	/* tea tasting, [[3, 1], [1, 3]]: (1 + 16 + 16 + 1) / 70 */
	assert_int_equal(rg_fisher_exact(3, 1, 1, 3, &p), RG_STAT_OK);
	NEAR(p, 34.0 / 70.0, 1e-14);
	/* [[0, 5], [5, 0]]: the two extreme tables, 2 / 252 */
	assert_int_equal(rg_fisher_exact(0, 5, 5, 0, &p), RG_STAT_OK);
	NEAR(p, 2.0 / 252.0, 1e-15);
	/* scipy.stats.fisher_exact */
	assert_int_equal(rg_fisher_exact(20, 80, 40, 60, &p), RG_STAT_OK);
	NEAR(p, 0.0031918168259287634, 1e-14);
	assert_int_equal(rg_fisher_exact(5, 5, 2, 8, &p), RG_STAT_OK);
	NEAR(p, 0.34984520123839014, 1e-14);
	/* identical rows: the observed table is the mode */
	assert_int_equal(rg_fisher_exact(5, 5, 5, 5, &p), RG_STAT_OK);
	NEAR(p, 1.0, 1e-14);
	/* a single possible table */
	assert_int_equal(rg_fisher_exact(0, 3, 0, 4, &p), RG_STAT_OK);
	assert_true(p == 1.0);
	assert_int_equal(rg_fisher_exact(0, 0, 1, 3, &p), RG_STAT_NO_DATA);
	assert_int_equal(rg_fisher_exact(-1, 0, 1, 3, &p), RG_STAT_BAD_COUNTS);
	assert_int_equal(rg_fisher_exact(RG_STAT_MAX_COUNT, 1, 1, 3, &p), RG_STAT_TOO_LARGE);
	/* the whole table counts: 2^53 in all is accepted, one more is not */
	assert_int_equal(rg_fisher_exact(RG_STAT_MAX_COUNT / 2, 1, RG_STAT_MAX_COUNT / 2, 0, &p),
					 RG_STAT_TOO_LARGE);
	assert_int_equal(rg_fisher_exact(RG_STAT_MAX_COUNT / 2 - 1, 1, RG_STAT_MAX_COUNT / 2, 0, &p),
					 RG_STAT_OK);
	assert_true(p >= 0.0 && p <= 1.0);
}

static void
test_change(void **state)
{
	RgCounts	a = {100, 20, 0, 0},
				b = {100, 40, 0, 0},
				z = {0, 0, 0, 0};
	RgChange	ch;
	double		p;

	(void) state;
	assert_int_equal(rg_change(&a, &b, 0.05, &ch, &p), RG_STAT_OK);
	assert_int_equal(ch, RG_CHANGE_IMPROVED);
	NEAR(p, 0.0031918168259287634, 1e-14);
	assert_int_equal(rg_change(&b, &a, 0.05, &ch, &p), RG_STAT_OK);
	assert_int_equal(ch, RG_CHANGE_WORSENED);
	/* p = 0.0032 is not below alpha = 0.001 */
	assert_int_equal(rg_change(&a, &b, 0.001, &ch, &p), RG_STAT_OK);
	assert_int_equal(ch, RG_CHANGE_NO_CHANGE);
	assert_int_equal(rg_change(&a, &a, 0.05, &ch, &p), RG_STAT_OK);
	assert_int_equal(ch, RG_CHANGE_NO_CHANGE);
	/*
	 * Unknowns: the corners.  (100, 20, u 30) -> (100, 40): before's best
	 * case 50 of 100 is above 40, so a rise is not certain; before's worst
	 * case 20 -> after 40 is a significant rise: undetermined, p NaN.
	 */
	{
		RgCounts	u = {100, 20, 30, 0},
					u2 = {100, 20, 5, 0},
					all = {60, 0, 60, 0},
					none = {60, 0, 0, 0};

		assert_int_equal(rg_change(&u, &b, 0.05, &ch, &p), RG_STAT_OK);
		assert_int_equal(ch, RG_CHANGE_UNDETERMINED);
		assert_true(isnan(p));
		/* (100, 20, u 5) -> (100, 40): 25 -> 40 is still significant
		 * (scipy.stats.fisher_exact([[25, 75], [40, 60]]) = 0.0341) */
		assert_int_equal(rg_change(&u2, &b, 0.05, &ch, &p), RG_STAT_OK);
		assert_int_equal(ch, RG_CHANGE_IMPROVED);
		assert_true(isnan(p));
		/* a force whose outcomes are all unknown never worsened */
		assert_int_equal(rg_change(&b, &all, 0.05, &ch, &p), RG_STAT_OK);
		assert_int_equal(ch, RG_CHANGE_UNDETERMINED);
		assert_int_equal(rg_change(&b, &none, 0.05, &ch, &p), RG_STAT_OK);
		assert_int_equal(ch, RG_CHANGE_WORSENED);
		/* identical unknown-free corners: no_change */
		assert_int_equal(rg_change(&a, &a, 0.05, &ch, &p), RG_STAT_OK);
		assert_int_equal(ch, RG_CHANGE_NO_CHANGE);
	}
	{
		RgCounts	bad = {10, 11, 0, 0};

		assert_int_equal(rg_change(&bad, &b, 0.05, &ch, &p), RG_STAT_BAD_COUNTS);
	}
	assert_int_equal(rg_change(&z, &b, 0.05, &ch, &p), RG_STAT_OK);
	assert_int_equal(ch, RG_CHANGE_NO_DATA);
	assert_true(isnan(p));
	assert_int_equal(rg_change(&a, &b, 0.0, &ch, &p), RG_STAT_BAD_ALPHA);
	assert_int_equal(rg_change(&a, &b, 1.0, &ch, &p), RG_STAT_BAD_ALPHA);
	assert_int_equal(rg_change(&a, &b, NAN, &ch, &p), RG_STAT_BAD_ALPHA);
}

static void
test_ci_bounds(void **state)
{
	RgCounts	c = {100, 40, 20, 0},
				k = {3146, 884, 0, 0},
				z = {0, 0, 0, 0},
				bad = {10, 5, 6, 0};
	double		lo,
				hi,
				l2,
				h2;
	RgVerdict	v;

	(void) state;
	/* R: prop.test(40, 100, correct = FALSE)$conf.int[1] and (60, 100)[2] */
	assert_int_equal(rg_ci_bounds(&c, 0.95, RG_CI_WILSON, &lo, &hi), RG_STAT_OK);
	NEAR(lo, 0.3094012864324589, 1e-13);
	NEAR(hi, 0.69059871356754099, 1e-13);
	/* without unknowns: rg_binom_ci itself */
	assert_int_equal(rg_ci_bounds(&k, 0.95, RG_CI_JEFFREYS, &lo, &hi), RG_STAT_OK);
	assert_int_equal(rg_binom_ci(884, 3146, 0.95, RG_CI_JEFFREYS, &l2, &h2), RG_STAT_OK);
	assert_true(lo == l2 && hi == h2);
	assert_int_equal(rg_ci_bounds(&z, 0.95, RG_CI_WILSON, &lo, &hi), RG_STAT_NO_DATA);
	assert_int_equal(rg_ci_bounds(&bad, 0.95, RG_CI_WILSON, &lo, &hi), RG_STAT_BAD_COUNTS);
	assert_int_equal(rg_ci_bounds(&c, 1.0, RG_CI_WILSON, &lo, &hi), RG_STAT_BAD_LEVEL);

	/* significance-aware verdict on [0.3094, 0.6906] */
	assert_int_equal(rg_verdict_ci(&c, 0.3, 0.95, RG_CI_WILSON, &v), RG_STAT_OK);
	assert_int_equal(v, RG_VERDICT_MEETS);
	assert_int_equal(rg_verdict_ci(&c, 0.7, 0.95, RG_CI_WILSON, &v), RG_STAT_OK);
	assert_int_equal(v, RG_VERDICT_BELOW);
	assert_int_equal(rg_verdict_ci(&c, 0.5, 0.95, RG_CI_WILSON, &v), RG_STAT_OK);
	assert_int_equal(v, RG_VERDICT_UNDETERMINED);
	assert_int_equal(rg_verdict_ci(&z, 0.5, 0.95, RG_CI_WILSON, &v), RG_STAT_OK);
	assert_int_equal(v, RG_VERDICT_NO_REFERRALS);
	assert_int_equal(rg_verdict_ci(&c, NAN, 0.95, RG_CI_WILSON, &v), RG_STAT_BAD_THRESHOLD);
	assert_int_equal(rg_verdict_ci(&c, 0.5, 0.0, RG_CI_WILSON, &v), RG_STAT_BAD_LEVEL);
	assert_int_equal(rg_verdict_ci(&bad, 0.5, 0.95, RG_CI_WILSON, &v), RG_STAT_BAD_COUNTS);
}

static void
test_binom_test(void **state)
{
	/* R 4.2: binom.test(x, n, p)$p.value */
	static const struct
	{
		int64_t		x,
					n;
		double		t,
					p;
	}			cases[] =
	{
		{3, 100, 0.1, 0.017843766383309437},
		{884, 3146, 0.3, 0.02060034650738999},
		{0, 10, 0.5, 0.0019531250000000004},
		{10, 10, 0.5, 0.0019531250000000004},
		{5, 10, 0.5, 1.0},
		{1, 1, 0.5, 1.0},
		{7, 20, 0.281, 0.46490606612328705},
		{60, 100, 0.5, 0.056887933640980867},
		{40, 100, 0.5, 0.056887933640980867},
		{0, 60, 0.281, 5.6302187375792553e-09},
		{30, 60, 0.281, 0.00043218918900029808},
		{17, 60, 0.281, 1.0},
		{1, 3, 0.3, 1.0},
	};
	double		p;

	(void) state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
	{
		assert_int_equal(rg_binom_test_p(cases[i].x, cases[i].n, cases[i].t, &p), RG_STAT_OK);
		assert_true(fabs(p - cases[i].p) <= 1e-12 * cases[i].p);
	}
	/* degenerate targets (binom.test(0, 5, 0) = 1, binom.test(1, 5, 0) = 0) */
	assert_int_equal(rg_binom_test_p(0, 5, 0.0, &p), RG_STAT_OK);
	assert_true(p == 1.0);
	assert_int_equal(rg_binom_test_p(1, 5, 0.0, &p), RG_STAT_OK);
	assert_true(p == 0.0);
	assert_int_equal(rg_binom_test_p(5, 5, 1.0, &p), RG_STAT_OK);
	assert_true(p == 1.0);
	assert_int_equal(rg_binom_test_p(4, 5, 1.0, &p), RG_STAT_OK);
	assert_true(p == 0.0);
	assert_int_equal(rg_binom_test_p(0, 0, 0.5, &p), RG_STAT_NO_DATA);
	assert_int_equal(rg_binom_test_p(3, 2, 0.5, &p), RG_STAT_BAD_COUNTS);
	assert_int_equal(rg_binom_test_p(1, 2, NAN, &p), RG_STAT_BAD_TARGET);
	assert_int_equal(rg_binom_test_p(1, 2, 1.5, &p), RG_STAT_BAD_TARGET);
	/* 2^53 referrals: finite */
	assert_int_equal(rg_binom_test_p(RG_STAT_MAX_COUNT / 2, RG_STAT_MAX_COUNT, 0.5, &p), RG_STAT_OK);
	assert_true(p >= 0.0 && p <= 1.0);
}

static void
test_funnel_od(void **state)
{
	RgCounts	all_unknown = {60, 0, 60, 0},
				known_zero = {60, 0, 0, 0},
				some = {100, 38, 10, 0};
	RgFunnelPosition pos;
	double		lo,
				hi,
				l2,
				h2,
				z;

	(void) state;
	/* phi = 1, tau2 = 0: the exact limits */
	assert_int_equal(rg_funnel_limits_od(3146.0, 0.281, 0.998, 1.0, 0.0, &lo, &hi), RG_STAT_OK);
	assert_int_equal(rg_funnel_limits(3146, 0.281, 0.998, &l2, &h2), RG_STAT_OK);
	assert_true(lo == l2 && hi == h2);
	/* phi = 4: twice as far from the target */
	assert_int_equal(rg_funnel_limits_od(3146.0, 0.281, 0.998, 4.0, 0.0, &lo, &hi), RG_STAT_OK);
	NEAR(lo, 0.281 + 2.0 * (l2 - 0.281), 1e-15);
	NEAR(hi, 0.281 + 2.0 * (h2 - 0.281), 1e-15);
	/* tau2: R, sin(asin(sqrt(t)) -/+ qnorm(1 - (1 - level)/2) sqrt(1/(4n) + tau2))^2 */
	assert_int_equal(rg_funnel_limits_od(100.0, 0.25, 0.95, 1.0, 0.01, &lo, &hi), RG_STAT_OK);
	NEAR(lo, 0.08987153796512351, 1e-14);
	NEAR(hi, 0.4573830176166635, 1e-14);
	assert_int_equal(rg_funnel_limits_od(3146.0, 0.281, 0.998, 1.0, 0.002, &lo, &hi), RG_STAT_OK);
	NEAR(lo, 0.16462887951168606, 1e-14);
	NEAR(hi, 0.41465182916558063, 1e-14);
	/* the angle is clipped: a huge tau2 gives [0, 1] */
	assert_int_equal(rg_funnel_limits_od(10.0, 0.5, 0.95, 1.0, 100.0, &lo, &hi), RG_STAT_OK);
	assert_true(lo == 0.0 && hi == 1.0);
	/* bad arguments */
	assert_int_equal(rg_funnel_limits_od(0.0, 0.5, 0.95, 1.0, 0.0, &lo, &hi), RG_STAT_NO_DATA);
	assert_int_equal(rg_funnel_limits_od(2.5, 0.5, 0.95, 1.0, 0.0, &lo, &hi), RG_STAT_BAD_COUNTS);
	assert_int_equal(rg_funnel_limits_od(-1.0, 0.5, 0.95, 1.0, 0.0, &lo, &hi), RG_STAT_BAD_COUNTS);
	assert_int_equal(rg_funnel_limits_od(NAN, 0.5, 0.95, 1.0, 0.0, &lo, &hi), RG_STAT_BAD_COUNTS);
	assert_int_equal(rg_funnel_limits_od(1e17, 0.5, 0.95, 1.0, 0.0, &lo, &hi), RG_STAT_TOO_LARGE);
	assert_int_equal(rg_funnel_limits_od(10.0, 0.5, 0.95, 1.0, -0.1, &lo, &hi), RG_STAT_BAD_TAU2);
	assert_int_equal(rg_funnel_limits_od(10.0, 0.5, 0.95, 1.0, NAN, &lo, &hi), RG_STAT_BAD_TAU2);
	assert_int_equal(rg_funnel_limits_od(10.0, 0.5, 0.95, 1.0, INFINITY, &lo, &hi), RG_STAT_BAD_TAU2);
	assert_int_equal(rg_funnel_limits_od(10.0, 0.5, 0.95, 2.0, 0.1, &lo, &hi), RG_STAT_BAD_OD);
	assert_int_equal(rg_funnel_limits_od(10.0, NAN, 0.95, 1.0, 0.0, &lo, &hi), RG_STAT_BAD_TARGET);
	assert_int_equal(rg_funnel_limits_od(10.0, 0.5, 1.0, 1.0, 0.0, &lo, &hi), RG_STAT_BAD_LEVEL);

	/* the unknowns rule: all unknown is never low; known zeros are */
	assert_int_equal(rg_funnel_position_od(&all_unknown, 0.281, 0.998, 1.0, 0.0, &pos), RG_STAT_OK);
	assert_int_equal(pos, RG_FUNNEL_UNDETERMINED);
	assert_int_equal(rg_funnel_position_od(&known_zero, 0.281, 0.998, 1.0, 0.0, &pos), RG_STAT_OK);
	assert_int_equal(pos, RG_FUNNEL_LOW);
	/* 38 of 100 at 1/2, 95%: low; 48 (best case) is within */
	assert_int_equal(rg_funnel_position_od(&some, 0.5, 0.95, 1.0, 0.0, &pos), RG_STAT_OK);
	assert_int_equal(pos, RG_FUNNEL_UNDETERMINED);
	some.unknown = 0;
	assert_int_equal(rg_funnel_position_od(&some, 0.5, 0.95, 1.0, 0.0, &pos), RG_STAT_OK);
	assert_int_equal(pos, RG_FUNNEL_LOW);

	/* z-scores: R, (asin(sqrt(x/n)) - asin(sqrt(t))) / sqrt(1/(4n) + tau2) */
	assert_int_equal(rg_funnel_z(884, 3146, 0.3, 0.0, &z), RG_STAT_OK);
	NEAR(z, -2.3486937333139952, 1e-12);
	assert_int_equal(rg_funnel_z(3, 100, 0.1, 0.0, &z), RG_STAT_OK);
	NEAR(z, -2.9533508752032347, 1e-12);
	assert_int_equal(rg_funnel_z(884, 3146, 0.3, 0.001, &z), RG_STAT_OK);
	NEAR(z, -0.63725397414988305, 1e-12);
	assert_int_equal(rg_funnel_z(0, 0, 0.3, 0.0, &z), RG_STAT_NO_DATA);
	assert_int_equal(rg_funnel_z(1, 2, 0.3, -1.0, &z), RG_STAT_BAD_TAU2);
}

static void
test_funnel_tau2(void **state)
{
	/*
	 * By hand: target 1/4 (angle pi/6), n = 100 each, proportions 0, 1/4,
	 * 1/4, 3/4, 1 (angles 0, pi/6, pi/6, pi/3, pi/2): z = 20 (angle - pi/6)
	 * = -a, 0, 0, a, 2a with a = 10 pi / 3.  Type-7 percentiles: -0.6a and
	 * 1.6a; winsorised squares sum to 3.92 a^2; phi = 0.784 a^2 =
	 * 85.97522056; w = 400 each, sum w - sum w^2 / sum w = 1600;
	 * tau2 = (3.92 a^2 - 4) / 1600 = (392 pi^2 / 9 - 4) / 1600 = 0.26617256.
	 * FunnelPlotR's functions, transcribed in R, give the same figures.
	 */
	int64_t		n[] = {100, 100, 100, 100, 100};
	int64_t		x[] = {0, 25, 25, 75, 100};
	int64_t		n2[] = {100, 100, 100};
	int64_t		x2[] = {25, 26, 24};
	double		work[5],
				tau2,
				phi;

	(void) state;
	assert_int_equal(rg_funnel_tau2(n, x, 5, 0.25, work, &tau2, &phi), RG_STAT_OK);
	NEAR(phi, 0.784 * 100.0 * M_PI * M_PI / 9.0, 1e-10);
	NEAR(tau2, (392.0 * M_PI * M_PI / 9.0 - 4.0) / 1600.0, 1e-13);
	NEAR(tau2, 0.266172564251877, 1e-13);
	/* units closer than chance: k phi < k - 1 gives 0 */
	assert_int_equal(rg_funnel_tau2(n2, x2, 3, 0.25, work, &tau2, &phi), RG_STAT_OK);
	assert_true(tau2 == 0.0);
	/* one unit: no estimate */
	assert_int_equal(rg_funnel_tau2(n, x, 1, 0.25, work, &tau2, NULL), RG_STAT_NO_DATA);
	assert_int_equal(rg_funnel_tau2(n, x, 5, NAN, work, &tau2, NULL), RG_STAT_BAD_TARGET);
	x[0] = 101;
	assert_int_equal(rg_funnel_tau2(n, x, 5, 0.25, work, &tau2, NULL), RG_STAT_BAD_COUNTS);
}

/*
 * Precision at the edge: 50-digit references from mpmath
 * (test/oracle/mpmath_edges.py), within 1e-12 relative.
 */
#define REL(a, b) assert_true(fabs((a) - (b)) <= 1e-12 * fabs(b))

static void
test_edge_precision(void **state)
{
	double		lo,
				hi,
				below,
				above,
				z;

	(void) state;
	/* Wilson lower end of 1 of 10^7: no cancellation of centre - dist */
	assert_int_equal(rg_binom_ci(1, 10000000, 0.95, RG_CI_WILSON, &lo, &hi), RG_STAT_OK);
	REL(lo, 1.7652455711617432842077513757858522827564016360364e-8);
	/* the arms of 10^7 of 10^7: p - lower = z^2 / (n + z^2), upper - p = 0 */
	assert_int_equal(rg_wilson_arms(10000000, 10000000, 0.95, &below, &above), RG_STAT_OK);
	REL(below, 3.8414573450141042366353709752199015941438726289520e-7);
	assert_true(above == 0.0);
	/* symmetry: 1 - upper(x, n) = lower(n - x, n), each computed on its own */
	assert_int_equal(rg_wilson_arms(0, 10000000, 0.95, &below, &above), RG_STAT_OK);
	assert_true(below == 0.0);
	REL(above, 3.8414573450141042366353709752199015941438726289520e-7);
	/* funnel_z of 9,999,999 of 10^7 against the double nearest 0.9999999 */
	assert_int_equal(rg_funnel_z(9999999, 10000000, 0.9999999, 0.0, &z), RG_STAT_OK);
	REL(z, -5.2635587418342399552501064351885222125551430111452e-10);
	/* and 1 of 10^7 against the double nearest 1e-7 (not exactly 1e-7) */
	assert_int_equal(rg_funnel_z(1, 10000000, 1e-7, 0.0, &z), RG_STAT_OK);
	REL(z, 4.525189043670832022660124137238468329791832782648e-17);
}

int
main(void)
{
	char		math_err[256];
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_method_parse),
		cmocka_unit_test(test_ci_published),
		cmocka_unit_test(test_ci_edges),
		cmocka_unit_test(test_ci_errors),
		cmocka_unit_test(test_verdict),
		cmocka_unit_test(test_funnel_limits),
		cmocka_unit_test(test_funnel_position),
		cmocka_unit_test(test_funnel_phi),
		cmocka_unit_test(test_fisher),
		cmocka_unit_test(test_change),
		cmocka_unit_test(test_ci_bounds),
		cmocka_unit_test(test_binom_test),
		cmocka_unit_test(test_funnel_od),
		cmocka_unit_test(test_funnel_tau2),
		cmocka_unit_test(test_edge_precision),
	};

	if (rg_math_load(math_err, sizeof(math_err)) != 0)
	{
		fprintf(stderr, "%s\n", math_err);
		return 1;
	}
	return cmocka_run_group_tests_name("statistics", tests, NULL, NULL);
}
