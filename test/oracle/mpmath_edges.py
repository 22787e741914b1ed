#!/usr/bin/python3
"""50-digit references for the statistics at the extremes.

    mpmath_edges.py cases FILE

writes a CSV (id, expr, ref): `expr` is an SQL expression of the extension,
`ref` its value worked out here with mpmath at 50 significant digits
('inf', '-inf', 'tiny' for a magnitude under 1e-300, or a decimal).  test/suites/53-mpmath-edges evaluates every
expression and requires agreement within 1e-12 relative (exact equality when
the reference is 0 or infinite).

The extremes: x = 0, 1, n - 1 and n recorded of n = 1, 2, 10, 1000, 10^7
and 2^52 referrals, at levels 0.5, 0.95 and 0.999.  Each input is the double
the extension receives: mpf(0.999) is the exact binary value of the literal
0.999, as float8 reads it.

What is an independent oracle and what re-implements our documented rule:
  * Clopper-Pearson: the definition (Beta quantiles), solved here in closed
    form or by root-finding on the exact Beta tail, which for an integer
    parameter of 1 or 2 is a short polynomial: independent of our code.
  * Jeffreys: the Beta(x + 1/2, n - x + 1/2) quantile from mpmath's
    incomplete beta (n <= 1000), plus the Brown-Cai-DasGupta boundary rule,
    which re-implements our documented rule (statistics.md).
  * Wilson, Agresti-Coull and Wald: the published closed forms (Wilson 1927;
    Agresti and Coull 1998; the Wald interval), with the clipping to [0, 1]
    that statsmodels applies: re-implements the textbook formulas, not our
    code's arrangement of them.
  * ci_bounds_lower / ci_bounds_upper: the worst case's lower limit and the
    best case's upper limit: our documented rule over the Wilson formula.
  * unrecorded_estimate and its interval: T (n - x) / x and the Wilson ends
    mapped through T (1 - r) / r: our documented rule (trends.md).
  * change_lower / change_upper: Newcombe (1998) method 10, from the paper.
  * funnel_lower / funnel_upper: the exact binomial quantile with
    Spiegelhalter's interpolation (2005, Appendix A.1.1), as funnel.md
    states it: re-implements our documented rule, with the binomial
    distribution summed exactly.
  * funnel_z, funnel_lower_tau2 / funnel_upper_tau2: FunnelPlotR's
    arcsine z-score and limits (funnel.md): re-implement the published
    formulas.  funnel_lower_phi / funnel_upper_phi: our documented rule
    over the exact limits.
  * funnel_p_value: R's binom.test two-sided rule (relative tolerance
    1 + 1e-7), summed exactly: re-implements R's rule.
"""
import csv
import sys

import mpmath as mp
from mpmath import mpf

mp.mp.dps = 50

LEVELS = [0.5, 0.95, 0.999]
SIZES = [1, 2, 10, 1000, 10 ** 7, 2 ** 52]


def xs(n):
    return sorted({0, 1, n - 1, n} & set(range(0, n + 1)) if n < 10 else {0, 1, n - 1, n})


def zq(level):
    """upper (1 - level) / 2 normal quantile, from the double level"""
    half = (1 - mpf(level)) / 2
    return -mp.sqrt(2) * mp.erfinv(2 * half - 1)


def wilson(x, n, level):
    z = zq(level)
    x, n = mpf(x), mpf(n)
    b = z * mp.sqrt(z * z + 4 * x * (n - x) / n)
    lo = (2 * x + z * z - b) / (2 * (n + z * z))
    hi = (2 * x + z * z + b) / (2 * (n + z * z))
    return (mpf(0) if x == 0 else lo), (mpf(1) if x == n else hi)


def clip(v):
    return min(max(v, mpf(0)), mpf(1))


def agresti_coull(x, n, level):
    z = zq(level)
    nc = n + z * z
    pc = (x + z * z / 2) / nc
    d = z * mp.sqrt(pc * (1 - pc) / nc)
    return clip(pc - d), clip(pc + d)


def wald(x, n, level):
    z = zq(level)
    p = mpf(x) / n
    d = z * mp.sqrt(p * (1 - p) / n)
    return clip(p - d), clip(p + d)


def bisect(f, increasing):
    """root of a monotone f on (0, 1) by bisection to 2^-200"""
    lo, hi = mpf(0), mpf(1)
    for _ in range(200):
        mid = (lo + hi) / 2
        if (f(mid) < 0) == increasing:
            lo = mid
        else:
            hi = mid
    return (lo + hi) / 2


def beta_small_quantile(a, b, tail, lower_tail):
    """quantile q of Beta(a, b) with a or b in {1, 2} (integers): the CDF is
    a short polynomial in q.  lower_tail: P(B <= q) = tail, else P(B > q)."""
    a, b = int(a), int(b)

    def cdf(q):
        # P(B <= q) = P(Binomial(a + b - 1, q) >= a)
        m = a + b - 1
        if b <= 2:
            # upper tail has at most b terms: P(Bin >= a) = 1 - sum_{k<a}
            # = sum_{k=a}^{m} C(m,k) q^k (1-q)^(m-k), m - a + 1 = b terms
            return mp.fsum(mp.binomial(m, k) * q ** k * (1 - q) ** (m - k) for k in range(a, m + 1))
        # a <= 2: 1 - sum_{k=0}^{a-1}
        return 1 - mp.fsum(mp.binomial(m, k) * q ** k * (1 - q) ** (m - k) for k in range(0, a))

    if lower_tail:
        return bisect(lambda q: cdf(q) - tail, True)
    return bisect(lambda q: (1 - cdf(q)) - tail, False)


def clopper_pearson(x, n, level):
    half = (1 - mpf(level)) / 2
    if x == 0:
        lo = mpf(0)
    elif x == n:
        lo = half ** (mpf(1) / n)                  # Beta(n, 1): q^n = half
    elif x == 1:
        lo = 1 - (1 - half) ** (mpf(1) / n)        # Beta(1, n): 1 - (1-q)^n = half
    elif x == n - 1:
        lo = beta_small_quantile(n - 1, 2, half, True)
    else:
        return None
    if x == n:
        hi = mpf(1)
    elif x == 0:
        hi = 1 - half ** (mpf(1) / n)              # Beta(1, n): (1-q)^n = half
    elif x == n - 1:
        hi = (1 - half) ** (mpf(1) / n)            # Beta(n, 1): 1 - q^n = half
    elif x == 1:
        hi = beta_small_quantile(2, n - 1, half, False)
    else:
        return None
    return lo, hi


def jeffreys(x, n, level):
    if n > 1000:
        return None
    half = (1 - mpf(level)) / 2
    a, b = mpf(x) + mpf(1) / 2, mpf(n - x) + mpf(1) / 2

    def q(tail, lower):
        if lower:
            return bisect(lambda t: mp.betainc(a, b, 0, t, regularized=True) - tail, True)
        return bisect(lambda t: mp.betainc(a, b, t, 1, regularized=True) - tail, False)

    lo = mpf(0) if x == 0 else q(half, True)
    hi = mpf(1) if x == n else q(half, False)
    return lo, hi


def binom_pmf(n, p, k):
    return mp.binomial(n, k) * p ** k * (1 - p) ** (n - k)


def funnel_limits(n, target, level):
    """Spiegelhalter's interpolated binomial quantiles, for targets whose
    tails hold few counts (the sums stay short).  None when too long."""
    t = mpf(target)
    half = (1 - mpf(level)) / 2
    if n * min(t, 1 - t) > 500:
        return None

    def limit(p, from_top):
        # r_p = smallest r with F(r) >= p, F(r) = P(X <= r); alpha =
        # (F(r_p) - p) / P(X = r_p); limit (r_p - alpha) / n.
        if not from_top:
            f, r = mpf(0), 0
            while r <= n:
                pr = binom_pmf(n, t, r)
                if f + pr >= p:
                    return (r - (f + pr - p) / pr) / n
                f += pr
                r += 1
                if r > 5000:
                    return None
            return mpf(1)
        # from the top, with G(r) = P(X > r): F(r - 1) < p <=> G(r) + P(X = r) > 1 - p
        g, r = mpf(0), n
        while r >= 0:
            pr = binom_pmf(n, t, r)
            if g + pr > 1 - p:
                return (r - (1 - g - p) / pr) / n
            g += pr
            r -= 1
            if n - r > 5000:
                return None
        return mpf(0)
    # the tail with the mass in few counts
    top = t > mpf(1) / 2
    lo = limit(half, top)
    hi = limit(1 - half, top)
    if lo is None or hi is None:
        return None
    return clip(lo), clip(hi)


def binom_test_p(x, n, target):
    """R's binom.test two-sided p-value, for small n or targets whose mass is
    in a few counts."""
    t = mpf(target)
    if n > 5000:
        return None
    d = [binom_pmf(n, t, k) for k in range(n + 1)]
    dx = d[x]
    if x == n * t:
        return mpf(1)
    s = mp.fsum(v for v in d if v <= dx * (1 + mpf(1e-7)))
    return min(s, mpf(1))


def fmt(v):
    """50 significant digits; 'tiny' for a value under 1e-300 in magnitude
    (below double's normal range the answer must be as tiny, not within
    1e-12 relative)"""
    if v == mp.inf:
        return 'inf'
    if v == -mp.inf:
        return '-inf'
    if v == 0:
        return '0'
    if abs(v) < mpf('1e-300'):
        return 'tiny'
    return mp.nstr(v, 50, strip_zeros=False)


def cases():
    out = []

    def add(expr, v):
        if v is not None:
            out.append((expr, fmt(v)))

    for n in SIZES:
        for x in xs(n):
            s = 'make_recording_stats(%d, %d)' % (n, x)
            for level in LEVELS:
                for name, fn in (('wilson', wilson), ('agresti_coull', agresti_coull),
                                 ('wald', wald), ('clopper_pearson', clopper_pearson),
                                 ('jeffreys', jeffreys)):
                    r = fn(x, n, level)
                    if r is None:
                        continue
                    add("ci_lower(%s, %r, '%s')" % (s, level, name), r[0])
                    add("ci_upper(%s, %r, '%s')" % (s, level, name), r[1])
                # the audit mapping, T = n and T = 10^7
                for t in sorted({n, 10 ** 7}):
                    lw, _ = wilson(x, n, level)
                    _, ub = wilson(x, n, level)
                    add('unrecorded_estimate_lower(%s, %d, %r)' % (s, t, level),
                        mpf(0) if ub == 1 else t * (1 - ub) / ub)
                    add('unrecorded_estimate_upper(%s, %d, %r)' % (s, t, level),
                        mp.inf if lw == 0 else t * (1 - lw) / lw)
                    if x > 0:
                        add('unrecorded_estimate(%s, %d)' % (s, t), mpf(t) * (n - x) / x)
            # funnel_z against targets near the ends and in the middle
            for target in (1e-7, 0.5, 1 - 1e-7):
                z = (mp.asin(mp.sqrt(mpf(x) / n)) - mp.asin(mp.sqrt(mpf(target)))) / mp.sqrt(mpf(1) / (4 * n))
                add('funnel_z(%s, %r)' % (s, target), z)
                add('funnel_p_value(%s, %r)' % (s, target), binom_test_p(x, n, target))
        # with unknowns: the worst case's lower and the best case's upper
        if n >= 2:
            for x, u in ((0, n), (0, 1), (n - 1, 1), (1, n - 1)):
                s = 'make_recording_stats(%d, %d, %d)' % (n, x, u)
                for level in LEVELS:
                    add("ci_bounds_lower(%s, %r)" % (s, level), wilson(x, n, level)[0])
                    add("ci_bounds_upper(%s, %r)" % (s, level), wilson(x + u, n, level)[1])
                    t = 10 ** 7
                    ub = wilson(x + u, n, level)[1]
                    lw = wilson(x, n, level)[0]
                    add('unrecorded_estimate_lower(%s, %d, %r)' % (s, t, level),
                        mpf(0) if ub == 1 else t * (1 - ub) / ub)
                    add('unrecorded_estimate_upper(%s, %d, %r)' % (s, t, level),
                        mp.inf if lw == 0 else t * (1 - lw) / lw)
        # funnel limits where the binomial tails are short
        for target in (1e-7, 1e-3, 1 - 1e-3, 1 - 1e-7):
            for level in LEVELS + [0.998]:
                r = funnel_limits(n, target, level)
                if r is not None:
                    add('funnel_lower(%d, %r, %r)' % (n, target, level), r[0])
                    add('funnel_upper(%d, %r, %r)' % (n, target, level), r[1])
        # limits widened by phi (target + sqrt(phi) (limit - target), clipped)
        # and by tau2 (sin^2 of the arcsine angle -/+ z sqrt(1/(4n) + tau2),
        # the angle clipped to [0, pi/2]), as funnel.md states them
        for target in (1e-7, 1e-3, 0.5, 1 - 1e-3, 1 - 1e-7):
            for level in (0.5, 0.998):
                r = funnel_limits(n, target, level)
                if r is not None:
                    t = mpf(target)
                    for phi in (2.5,):
                        add('funnel_lower_phi(%d, %r, %r, %r)' % (n, target, phi, level),
                            clip(t + mp.sqrt(phi) * (r[0] - t)))
                        add('funnel_upper_phi(%d, %r, %r, %r)' % (n, target, phi, level),
                            clip(t + mp.sqrt(phi) * (r[1] - t)))
                z = zq(level)
                for tau2 in (1e-6, 0.01):
                    a0 = mp.asin(mp.sqrt(mpf(target)))
                    sd = mp.sqrt(mpf(1) / (4 * n) + mpf(tau2))
                    lo = min(max(a0 - z * sd, mpf(0)), mp.pi / 2)
                    hi = min(max(a0 + z * sd, mpf(0)), mp.pi / 2)
                    add('funnel_lower_tau2(%d, %r, %r, %r)' % (n, target, tau2, level), mp.sin(lo) ** 2)
                    add('funnel_upper_tau2(%d, %r, %r, %r)' % (n, target, tau2, level), mp.sin(hi) ** 2)
            for x in xs(n):
                for tau2 in (1e-6, 0.01):
                    z = (mp.asin(mp.sqrt(mpf(x) / n)) - mp.asin(mp.sqrt(mpf(target)))) / \
                        mp.sqrt(mpf(1) / (4 * n) + mpf(tau2))
                    add('funnel_z(make_recording_stats(%d, %d), %r, %r)' % (n, x, target, tau2), z)
        # Newcombe's interval between the extremes
        for (nb, xb), (na, xa) in (((n, 0), (n, n)), ((n, n), (n, 0)), ((n, 0), (n, 0)),
                                   ((n, n), (n, n)), ((n, 1), (n, n - 1)), ((n, n - 1), (n, n))):
            if n < 2 and (xb not in (0, n) or xa not in (0, n)):
                continue
            for level in LEVELS:
                l1, u1 = wilson(xa, na, level)
                l2, u2 = wilson(xb, nb, level)
                p1, p2 = mpf(xa) / na, mpf(xb) / nb
                sb, sa = 'make_recording_stats(%d, %d)' % (nb, xb), 'make_recording_stats(%d, %d)' % (na, xa)
                add('change_lower(%s, %s, %r)' % (sb, sa, level),
                    (p1 - p2) - mp.sqrt((p1 - l1) ** 2 + (u2 - p2) ** 2))
                add('change_upper(%s, %s, %r)' % (sb, sa, level),
                    (p1 - p2) + mp.sqrt((u1 - p1) ** 2 + (p2 - l2) ** 2))
    return out


def main():
    if len(sys.argv) != 3 or sys.argv[1] != 'cases':
        sys.stderr.write('usage: mpmath_edges.py cases FILE\n')
        return 2
    rows = cases()
    with open(sys.argv[2], 'w', newline='') as f:
        w = csv.writer(f)
        w.writerow(['id', 'expr', 'ref'])
        for i, (e, r) in enumerate(rows, 1):
            w.writerow([i, e, r])
    sys.stderr.write('%d cases\n' % len(rows))
    return 0


if __name__ == '__main__':
    sys.exit(main())
