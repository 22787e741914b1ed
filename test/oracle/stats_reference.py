#!/usr/bin/python3
"""Reference values for the statistics functions of recording_gap.

Independent implementations, from statsmodels and scipy (Debian's
/usr/bin/python3), of everything src/core/binomial.c computes with libRmath:

  * confidence intervals: statsmodels.stats.proportion.proportion_confint
    ('wilson', 'beta' = Clopper-Pearson, 'jeffreys', 'agresti_coull',
    'normal' = Wald).  statsmodels clips 'normal' and 'agresti_coull' to
    [0, 1], as the extension does.  Its 'jeffreys' has no boundary rule, so
    the Brown-Cai-DasGupta rule (lower = 0 at x = 0, upper = 1 at x = n) is
    applied here on top of it.
  * funnel limits: Spiegelhalter (2005), Appendix A.1.1, written out with
    scipy.stats.binom.cdf: r_p = smallest r with F(r) >= p, alpha =
    (F(r_p) - p) / (F(r_p) - F(r_p - 1)), limit = (r_p - alpha) / n clamped
    to [0, 1]; target 0 gives 0 and target 1 gives 1 (documented rule).
  * funnel positions: the limits above widened by sqrt(phi) when phi > 1.
  * funnel_phi: numpy z-scores, winsorised at numpy's default (linear, R
    type 7) 10th and 90th percentiles, mean of squares (FunnelPlotR's rule).
  * funnel_p_value: scipy.stats.binomtest, two-sided (boost's binomial, the
    same 1 + 1e-7 tie rule as R's binom.test).
  * funnel_z: FunnelPlotR's arcsine z-score written out with numpy (a
    re-implementation of its published formula).
  * funnel_tau2: FunnelPlotR's method written out with numpy (arcsine
    z-scores, type-7 winsorisation, DerSimonian-Laird), a second writing
    beside test/oracle/r_stats.R: a re-implementation, not an independent
    implementation.
  * Fisher: scipy.stats.fisher_exact, two-sided, compared to a relative
    1e-9 (p-values span hundreds of orders of magnitude).  scipy treats tables as
    equally likely within a relative 1e-14, R's fisher.test (and the
    extension) within 1e-7; where the two rules give different answers the
    R rule is evaluated here directly over the whole support and used.

Usage:
  stats_reference.py cases DIR   write the input cases (CSV) into DIR
  stats_reference.py check DIR   read DIR/*_out.csv (the extension's answers
                                 to the cases) and compare; prints one
                                 "ok"/"not ok" line per check and the
                                 maximum relative difference per method
Every figure is compared relatively, |got - ref| <= 1e-9 |ref| (exact
equality for 0 and 1); see check() for the one documented exception.
The cases are drawn from a fixed seed, so every run checks the same ones.
"""
import csv
import math
import os
import sys

import numpy as np
from scipy import stats
from statsmodels.stats.proportion import proportion_confint

SEED = 20151231
TOL = 1e-9
FISHER_RTOL = 1e-9  # relative: see check() for why not absolute
TOL_BETA_HUGE_N = 1e-8  # scipy's beta quantiles above 10^8 referrals: see check()
METHODS = {
    "wilson": "wilson",
    "clopper_pearson": "beta",
    "jeffreys": "jeffreys",
    "agresti_coull": "agresti_coull",
    "wald": "normal",
}
N_CI = 1500         # cases per interval method
N_FUNNEL = 1500
N_FISHER = 1500
N_PHI_GROUPS = 60
N_BIG = 200_000     # units in the one large group
BIG_TARGET = 0.3
LEVELS = [0.5, 0.8, 0.9, 0.95, 0.99, 0.998, 0.999, 1e-6, 0.999999]


def log_uniform_int(rng, lo, hi, size):
    return np.floor(np.exp(rng.uniform(math.log(lo), math.log(hi + 1), size))).astype(np.int64).clip(lo, hi)


def pick_x(rng, n):
    """x in [0, n], with the edges 0, 1, n-1 and n over-represented."""
    u = rng.uniform()
    if u < 0.08:
        return 0
    if u < 0.16:
        return int(n)
    if u < 0.22:
        return min(1, int(n))
    if u < 0.28:
        return max(int(n) - 1, 0)
    return int(rng.integers(0, n + 1))


def pick_level(rng):
    if rng.uniform() < 0.5:
        return float(rng.choice(LEVELS))
    return float(rng.uniform(0.01, 0.9999))


def write_csv(path, header, rows):
    with open(path, "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(header)
        for r in rows:
            w.writerow([repr(v) if isinstance(v, float) else v for v in r])


def read_csv(path):
    with open(path, newline="") as f:
        return list(csv.DictReader(f))


# ---- cases ----

def make_cases(d):
    rng = np.random.default_rng(SEED)
    os.makedirs(d, exist_ok=True)

    # intervals: every method gets the same N_CI (x, n, level) triples
    rows = []
    ns = list(log_uniform_int(rng, 1, 1_000_000, N_CI - 200))
    ns += list(log_uniform_int(rng, 1_000_000, 1_000_000_000, 100))
    ns += [1] * 40 + [2] * 20 + [3] * 20 + [3146] * 20
    for i, n in enumerate(ns):
        n = int(n)
        x = 884 if n == 3146 and i % 2 == 0 else pick_x(rng, n)
        rows.append((i, x, n, pick_level(rng)))
    write_csv(os.path.join(d, "ci.csv"), ["id", "x", "n", "level"], rows)

    # funnel limits and positions
    rows = []
    for i in range(N_FUNNEL):
        n = int(log_uniform_int(rng, 1, 100_000, 1)[0]) if i >= 20 else i + 1
        u = rng.uniform()
        if u < 0.1:
            target = float(rng.choice([0.001, 0.01, 0.05, 0.5, 0.95, 0.99, 0.999]))
        else:
            target = float(rng.uniform(0.001, 0.999))
        level = float(rng.choice([0.95, 0.99, 0.998, 0.999])) if rng.uniform() < 0.7 \
            else float(rng.uniform(0.5, 0.9999))
        x = int(rng.binomial(n, min(max(target + rng.normal(0, 0.05), 0.0), 1.0)))
        phi = float(rng.choice([1.0, 1.0, 0.5, 1.5, 4.0]))
        rows.append((i, n, target, level, x, phi))
    write_csv(os.path.join(d, "funnel.csv"), ["id", "n", "target", "level", "x", "phi"], rows)

    # Fisher's exact test
    rows = []
    for i in range(N_FISHER):
        n1, n2 = (int(v) for v in log_uniform_int(rng, 1, 100_000, 2))
        p1 = float(rng.uniform(0.0, 1.0))
        p2 = p1 if rng.uniform() < 0.3 else min(max(p1 + rng.normal(0, 0.05), 0.0), 1.0)
        a = int(rng.binomial(n1, p1))
        c = int(rng.binomial(n2, p2))
        if i < 30:      # small symmetric tables: exact ties in probability
            n1 = n2 = i + 1
            a, c = int(rng.integers(0, n1 + 1)), int(rng.integers(0, n2 + 1))
        rows.append((i, a, n1 - a, c, n2 - c))
    write_csv(os.path.join(d, "fisher.csv"), ["id", "a", "b", "c", "d"], rows)

    # funnel_phi: groups of units around one target each
    rows = []
    for g in range(N_PHI_GROUPS):
        k = int(rng.integers(1, 80))
        target = float(rng.uniform(0.02, 0.98))
        spread = float(rng.choice([0.0, 0.02, 0.1]))
        for _ in range(k):
            n = int(log_uniform_int(rng, 1, 20_000, 1)[0])
            p = min(max(target + rng.normal(0, spread), 0.0), 1.0) if spread else target
            rows.append((g, target, n, int(rng.binomial(n, p))))
    write_csv(os.path.join(d, "phi.csv"), ["grp", "target", "n", "x"], rows)

    # one large group, aggregated without GROUP BY, so that two parallel
    # workers each hold part of it and the combine function merges states
    n = log_uniform_int(rng, 1, 20_000, N_BIG)
    p = np.clip(BIG_TARGET + rng.normal(0, 0.03, N_BIG), 0.0, 1.0)
    x = rng.binomial(n, p)
    write_csv(os.path.join(d, "big.csv"), ["n", "x"], zip(n.tolist(), x.tolist()))


# ---- references ----

def ref_ci(x, n, level, method):
    lo, hi = proportion_confint(x, n, alpha=1.0 - level, method=METHODS[method])
    lo, hi = float(lo), float(hi)
    if method in ("jeffreys", "wilson"):
        # Jeffreys: the Brown-Cai-DasGupta boundary rule.  Wilson: the
        # formula gives exactly 0 at x = 0 and 1 at x = n, where statsmodels
        # leaves a rounding residue of about 1e-19 (even negative), which a
        # relative comparison would count against an exact 0
        if x == 0:
            lo = 0.0
        if x == n:
            hi = 1.0
    return lo, hi


def ref_funnel_limit(n, t, p):
    if t == 0.0:
        return 0.0
    if t == 1.0:
        return 1.0
    b = stats.binom(n, t)
    r = int(b.ppf(p))
    while r > 0 and b.cdf(r - 1) >= p:
        r -= 1
    while b.cdf(r) < p:
        r += 1
    f = b.cdf(r)
    fm = b.cdf(r - 1) if r > 0 else 0.0
    alpha = (f - p) / (f - fm)
    return min(1.0, max(0.0, (r - alpha) / n))


def ref_funnel(n, t, level):
    tail = (1.0 - level) / 2.0
    return ref_funnel_limit(n, t, tail), ref_funnel_limit(n, t, 1.0 - tail)


def ref_position(x, n, t, level, phi):
    lo, hi = ref_funnel(n, t, level)
    if phi > 1.0:
        s = math.sqrt(phi)
        lo = min(1.0, max(0.0, t + s * (lo - t)))
        hi = min(1.0, max(0.0, t + s * (hi - t)))
    y = x / n
    pos = "low" if y < lo else ("high" if y > hi else "within")
    # distance to the nearer limit: a tie within rounding is not a failure
    return pos, min(abs(y - lo), abs(y - hi))


def ref_phi(units, target):
    n = np.array([u[0] for u in units], dtype=float)
    x = np.array([u[1] for u in units], dtype=float)
    z = (x / n - target) / np.sqrt(target * (1 - target) / n)
    lz, uz = np.quantile(z, [0.1, 0.9])
    return float(np.mean(np.clip(z, lz, uz) ** 2))


def ref_tau2(units, target):
    n = np.array([u[0] for u in units], dtype=float)
    x = np.array([u[1] for u in units], dtype=float)
    if len(n) < 2:
        return None
    z = (np.arcsin(np.sqrt(x / n)) - np.arcsin(math.sqrt(target))) * 2 * np.sqrt(n)
    lz, uz = np.quantile(z, [0.1, 0.9])
    k = len(n)
    phi = float(np.mean(np.clip(z, lz, uz) ** 2))
    if k * phi < k - 1:
        return 0.0
    w = 4 * n
    return max(0.0, (k * phi - (k - 1)) / (w.sum() - (w ** 2).sum() / w.sum()))


def fisher_r_rule(a, b, c, d):
    """R's fisher.test rule over the whole support (for moderate margins)."""
    n1, n2, k = a + b, c + d, a + c
    lo, hi = max(0, k - n2), min(k, n1)
    xs = np.arange(lo, hi + 1)
    logd = stats.hypergeom.logpmf(xs, n1 + n2, n1, k)
    mx = logd.max()
    dens = np.exp(logd - mx)
    dens /= dens.sum()
    obs = dens[a - lo]
    return float(min(1.0, dens[dens <= obs * (1 + 1e-7)].sum()))


# ---- comparison ----

class Report:
    def __init__(self):
        self.passed = 0
        self.failed = 0

    def check(self, ok, label, detail=""):
        if ok:
            self.passed += 1
            print("ok - %s" % label)
        else:
            self.failed += 1
            print("not ok - %s%s" % (label, ("\n" + detail) if detail else ""))


def num(s):
    return None if s == "" else float(s)


def rel_diff(got, ref):
    """|got - ref| / ref; infinite for a missing or NaN answer.  Equal
    values (including 0 = 0) differ by 0."""
    if got is None or math.isnan(got):
        return math.inf
    if got == ref:
        return 0.0
    if ref == 0.0:
        return math.inf
    return abs(got - ref) / abs(ref)


def check(d):
    rep = Report()

    # intervals, compared relatively (an absolute 1e-9 says nothing about
    # a lower limit of 5e-13 at n = 10^9).  scipy's beta quantiles (boost's
    # ibeta_inv, and cephes' bdtri alike) are good to only about 5e-9
    # relative when n - x is near 10^9: at x = 1, n = 934805954, level
    # 0.999 the upper Clopper-Pearson limit is 1.06959924749248115e-08 (root
    # of P(X <= 1) = 0.0005 found with mpmath at 50 digits); the extension
    # gives 1.0695992474924823e-08, scipy 1.0695992422457366e-08.  So the
    # beta-quantile methods get TOL_BETA_HUGE_N above 10^8 referrals.
    cases = {r["id"]: r for r in read_csv(os.path.join(d, "ci.csv"))}
    got = read_csv(os.path.join(d, "ci_out.csv"))
    # per method: max difference (cases at TOL), cases, worst examples,
    # cases above 10^8 referrals, their max difference
    per = {m: [0.0, 0, [], 0, 0.0] for m in METHODS}
    for r in got:
        c = cases[r["id"]]
        x, n, level, m = int(c["x"]), int(c["n"]), float(c["level"]), r["method"]
        lo, hi = ref_ci(x, n, level, m)
        glo, ghi = num(r["lower"]), num(r["upper"])
        diff = max(rel_diff(glo, lo), rel_diff(ghi, hi))
        st = per[m]
        st[1] += 1
        tol = TOL
        if m in ("clopper_pearson", "jeffreys") and n > 100_000_000:
            tol = TOL_BETA_HUGE_N
            st[3] += 1
            st[4] = max(st[4], diff)
        elif diff > st[0]:
            st[0] = diff
        if diff > tol and len(st[2]) < 5:
            st[2].append("  x=%d n=%d level=%r: got (%r, %r), reference (%r, %r)"
                         % (x, n, level, glo, ghi, lo, hi))
    for m, (mx, cnt, bad, loose, lmx) in per.items():
        print("# ci %-16s cases %5d  max relative difference %.3g%s"
              % (m, cnt, mx, "  (and %.3g in %d cases above 10^8 referrals, checked to %g)"
                 % (lmx, loose, TOL_BETA_HUGE_N) if loose else ""))
        rep.check(cnt >= 1000 and not bad,
                  "ci %s: %d cases against statsmodels, max relative difference <= %g"
                  % (m, cnt, TOL),
                  "\n".join(bad) + ("\n  fewer than 1000 cases" if cnt < 1000 else ""))

    # funnel limits and positions
    cases = {r["id"]: r for r in read_csv(os.path.join(d, "funnel.csv"))}
    got = read_csv(os.path.join(d, "funnel_out.csv"))
    mx, bad, posbad, cnt = 0.0, [], [], 0
    for r in got:
        c = cases[r["id"]]
        n, t, level = int(c["n"]), float(c["target"]), float(c["level"])
        x, phi = int(c["x"]), float(c["phi"])
        lo, hi = ref_funnel(n, t, level)
        glo, ghi = num(r["lower"]), num(r["upper"])
        diff = max(rel_diff(glo, lo), rel_diff(ghi, hi))
        cnt += 1
        mx = max(mx, diff)
        if diff > TOL and len(bad) < 5:
            bad.append("  n=%d target=%r level=%r: got (%r, %r), reference (%r, %r)"
                       % (n, t, level, glo, ghi, lo, hi))
        pos, dist = ref_position(x, n, t, level, phi)
        if r["position"] != pos and dist > TOL and len(posbad) < 5:
            posbad.append("  x=%d n=%d target=%r level=%r phi=%r: got %s, reference %s"
                          % (x, n, t, level, phi, r["position"], pos))
    print("# funnel limits     cases %5d  max relative difference %.3g" % (cnt, mx))
    # funnel_z and funnel_p_value on the same cases
    zmx = pmx = 0.0
    zbad, pbad, tiny, under = [], [], 0, 0
    for r in got:
        c = cases[r["id"]]
        n, t, x = int(c["n"]), float(c["target"]), int(c["x"])
        zref = (math.asin(math.sqrt(x / n)) - math.asin(math.sqrt(t))) * 2 * math.sqrt(n)
        zg = num(r["z"])
        # near z = 0 the difference of arcsines loses relative precision
        zd = rel_diff(zg, zref) if abs(zref) >= 1e-6 else \
            (math.inf if zg is None else abs(zg - zref) / 1e-6)
        zmx = max(zmx, zd)
        if zd > TOL and len(zbad) < 5:
            zbad.append("  x=%d n=%d target=%r: got %r, reference %r" % (x, n, t, zg, zref))
        pref = float(stats.binomtest(x, n, t).pvalue)
        pg = num(r["p"])
        pd = rel_diff(pg, pref)
        if pref < 1e-290:
            # beyond the double range the observed outcome's probability
            # underflows to 0, and both binom.test and the extension then
            # return a denormal tail (4.9e-324) where scipy returns 0: only
            # "both below 1e-290" is checked there
            pd = 0.0 if pg is not None and pg < 1e-290 else math.inf
            under += 1
        tiny += pref < 1e-9
        pmx = max(pmx, pd)
        if pd > TOL and len(pbad) < 5:
            pbad.append("  x=%d n=%d target=%r: got %r, reference %r" % (x, n, t, pg, pref))
    print("# funnel_z          cases %5d  max relative difference %.3g" % (cnt, zmx))
    print("# funnel_p_value    cases %5d  max relative difference %.3g  (%d with p < 1e-9,"
          " %d below 1e-290)" % (cnt, pmx, tiny, under))
    rep.check(cnt >= 1000 and zmx <= TOL,
              "funnel_z: %d cases against FunnelPlotR's arcsine z-score (numpy), max relative "
              "difference <= %g" % (cnt, TOL), "\n".join(zbad))
    rep.check(cnt >= 1000 and pmx <= TOL,
              "funnel_p_value: %d cases against scipy.stats.binomtest, max relative "
              "difference <= %g" % (cnt, TOL), "\n".join(pbad))
    rep.check(cnt >= 1000 and mx <= TOL,
              "funnel limits: %d cases against scipy.stats.binom, max relative difference <= %g"
              % (cnt, TOL),
              "\n".join(bad))
    rep.check(cnt >= 1000 and not posbad,
              "funnel positions: %d cases agree with the reference limits" % cnt, "\n".join(posbad))

    # Fisher
    #
    # Compared relatively: |got - ref| <= FISHER_RTOL * ref.  The check used
    # to be |got - ref| < 1e-9 (absolute), which cannot fail once both
    # p-values are below 1e-9: got = 1e-12 against ref = 1e-30 differs by
    # less than 1e-9 and passed, and so would got = 0.  82 of the 1,500
    # seeded tables have p < 1e-9 (down to about 1e-300; the count and the
    # smallest p are printed below): those were checked for nothing but "p
    # is small".  p = 0 (an underflow) can only match a reference of exactly
    # 0.
    cases = {r["id"]: r for r in read_csv(os.path.join(d, "fisher.csv"))}
    got = read_csv(os.path.join(d, "fisher_out.csv"))
    mx, bad, cnt, rrule, tiny, pmin = 0.0, [], 0, 0, 0, 1.0
    for r in got:
        c = cases[r["id"]]
        a, b, cc, dd = (int(c[k]) for k in ("a", "b", "c", "d"))
        ref = float(stats.fisher_exact([[a, b], [cc, dd]])[1])
        g = num(r["p"])
        diff = rel_diff(g, ref)
        if diff > FISHER_RTOL:
            # scipy and R differ in their tie tolerance; use R's rule here
            alt = fisher_r_rule(a, b, cc, dd)
            if rel_diff(alt, ref) > FISHER_RTOL:
                rrule += 1
                ref = alt
                diff = rel_diff(g, ref)
        cnt += 1
        if ref < 1e-9:
            tiny += 1
        pmin = min(pmin, ref)
        mx = max(mx, diff)
        if diff > FISHER_RTOL and len(bad) < 5:
            bad.append("  [[%d, %d], [%d, %d]]: got %r, reference %r" % (a, b, cc, dd, g, ref))
    print("# fisher            cases %5d  max relative difference %.3g  (R tie rule used in %d;"
          " %d with p < 1e-9, smallest %.3g)" % (cnt, mx, rrule, tiny, pmin))
    rep.check(cnt >= 1000 and mx <= FISHER_RTOL,
              "change_p_value: %d tables against scipy.stats.fisher_exact, max relative "
              "difference <= %g (%d with p < 1e-9)" % (cnt, FISHER_RTOL, tiny), "\n".join(bad))
    rep.check(tiny >= 50,
              "change_p_value: at least 50 of the tables have p < 1e-9 (%d)" % tiny)

    # funnel_phi
    groups = {}
    for r in read_csv(os.path.join(d, "phi.csv")):
        groups.setdefault(r["grp"], (float(r["target"]), []))[1].append((int(r["n"]), int(r["x"])))
    got = {r["grp"]: num(r["phi"]) for r in read_csv(os.path.join(d, "phi_out.csv"))}
    mx, bad = 0.0, []
    for g, (t, units) in groups.items():
        ref = ref_phi(units, t)
        v = got.get(g)
        rel = math.inf if v is None else abs(v - ref) / max(1.0, abs(ref))
        mx = max(mx, rel)
        if rel >= TOL and len(bad) < 5:
            bad.append("  group %s (%d units, target %r): got %r, reference %r"
                       % (g, len(units), t, v, ref))
    print("# funnel_phi        groups %4d  max relative difference %.3g" % (len(groups), mx))
    tau = {r["grp"]: num(r["tau2"]) for r in read_csv(os.path.join(d, "phi_out.csv"))}
    tmx, tbad, zero = 0.0, [], 0
    for g, (t, units) in groups.items():
        ref = ref_tau2(units, t)
        v = tau.get(g)
        if ref is None:
            dd = 0.0 if v is None else math.inf
        else:
            zero += ref == 0.0
            dd = rel_diff(v, ref)
        tmx = max(tmx, dd)
        if dd > TOL and len(tbad) < 5:
            tbad.append("  group %s (%d units, target %r): got %r, reference %r"
                        % (g, len(units), t, v, ref))
    # the large group, through two workers
    big = [(int(r["n"]), int(r["x"])) for r in read_csv(os.path.join(d, "big.csv"))]
    out = read_csv(os.path.join(d, "big_out.csv"))[0]
    for name, ref in (("funnel_phi", ref_phi(big, BIG_TARGET)), ("funnel_tau2", ref_tau2(big, BIG_TARGET))):
        v = num(out[name.split("_")[1]])
        dd = rel_diff(v, ref)
        rep.check(len(big) == N_BIG and dd <= TOL,
                  "%s of one group of %d units, partial states merged by the combine "
                  "function: %r against %r (relative difference %.2g)"
                  % (name, len(big), v, ref, dd))
    print("# funnel_tau2       groups %4d  max relative difference %.3g  (%d with tau2 = 0)"
          % (len(groups), tmx, zero))
    rep.check(len(groups) == N_PHI_GROUPS and tmx <= TOL,
              "funnel_tau2: %d groups against FunnelPlotR's method written with numpy"
              % len(groups), "\n".join(tbad))
    rep.check(len(groups) == N_PHI_GROUPS and mx < TOL,
              "funnel_phi: %d groups against numpy (winsorised at type-7 percentiles)" % len(groups),
              "\n".join(bad))
    return rep


def main(argv):
    if len(argv) != 3 or argv[1] not in ("cases", "check"):
        print(__doc__)
        return 2
    if argv[1] == "cases":
        make_cases(argv[2])
        return 0
    rep = check(argv[2])
    print("# oracle checks: %d passed, %d failed" % (rep.passed, rep.failed))
    return 1 if rep.failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
