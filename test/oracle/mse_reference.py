#!/usr/bin/python3
"""Independent reference for the multiple systems estimates of mse_fit().

    mse_reference.py FILE.csv...             print the reference figures
    mse_reference.py --compare FILE.csv...   compare with the extension on
                                             the server of PGHOST/PGPORT

Written against statsmodels (Poisson GLM) and scipy (root finding), sharing
no code with src/core/mse.c.  For a capture-pattern CSV (columns = lists,
last column = count, absent patterns observed zero times) it prints one
JSON object per model:

    {"file": ..., "model": "independence" | "stepwise" | "i:j, ...",
     "path": [[i, j], ...],            # interactions added, 1-based, in order
     "observed": n, "unobserved": N0, "estimate": n + N0, "aic": AIC,
     "lower": L, "upper": U}           # 95% profile-likelihood interval

The model: log E[y_c] = b0 + sum_i b_i x_ci + sum_(i,j) g_ij x_ci x_cj over
the 2^k - 1 observable patterns c; the unobserved count is exp(b0).

Stepwise rule (Silverman): start from main effects; among interactions not
yet in the model whose two lists share at least one observed individual,
take the one with the lowest AIC (first in (1,2), (1,3), ..., (2,3), ...
order on ties); stop if that AIC is not below the current one, if the
Wald p-value of the new term exceeds 0.05, or if the model would have as
many parameters as the table has cells.  The documented rule also leaves
out a candidate whose MLE does not exist (a linear-programming test); this
reference does not re-implement that test.

Profile interval: for a fixed unobserved count N0 the model is fitted with
offset log N0 and no intercept; D(N0) is its deviance.  The interval is
{n + N0 : D(N0) - D(N0_hat) <= chi2_1(level)}.
"""
import csv
import itertools
import json
import math
import subprocess
import sys

import numpy as np
import statsmodels.api as sm
from scipy import optimize, stats


def read_table(path):
    with open(path) as f:
        rows = list(csv.reader(f))
    header, body = rows[0], rows[1:]
    k = len(header) - 1
    counts = {}
    for r in body:
        pat = tuple(int(v) for v in r[:k])
        counts[pat] = counts.get(pat, 0) + int(r[k])
    pats = [p for p in itertools.product((0, 1), repeat=k) if any(p)]
    y = np.array([counts.get(p, 0) for p in pats], dtype=float)
    return k, np.array(pats, dtype=float), y


def design(pats, pairs, intercept=True):
    cols = [np.ones(len(pats))] if intercept else []
    cols += [pats[:, i] for i in range(pats.shape[1])]
    cols += [pats[:, i - 1] * pats[:, j - 1] for (i, j) in pairs]
    return np.column_stack(cols)


def fit(pats, y, pairs):
    res = sm.GLM(y, design(pats, pairs), family=sm.families.Poisson()).fit(
        method="irls", tol=1e-13, maxiter=500)
    return res


def stepwise(k, pats, y):
    pairs = []
    cur = fit(pats, y, pairs)
    cands = [(i, j) for i in range(1, k + 1) for j in range(i + 1, k + 1)
             if y[(pats[:, i - 1] == 1) & (pats[:, j - 1] == 1)].sum() > 0]
    while True:
        best = None
        # stop when the model would have as many parameters as cells
        if 1 + k + len(pairs) + 1 >= len(y):
            return pairs, cur
        for c in cands:
            if c in pairs:
                continue
            r = fit(pats, y, pairs + [c])
            if best is None or r.aic < best[1].aic:
                best = (c, r)
        if best is None or best[1].aic >= cur.aic:
            return pairs, cur
        z = best[1].params[-1] / best[1].bse[-1]
        p = 2 * stats.norm.sf(abs(z))
        if p > 0.05:
            return pairs, cur
        pairs = pairs + [best[0]]
        cur = best[1]


def profile_interval(pats, y, pairs, res, level=0.95):
    n = y.sum()
    x = design(pats, pairs, intercept=False)
    dmin = res.deviance
    crit = stats.chi2.ppf(level, 1)

    def excess(t):
        r = sm.GLM(y, x, family=sm.families.Poisson(),
                   offset=np.full(len(y), t)).fit(method="irls", tol=1e-13, maxiter=500)
        return r.deviance - dmin - crit

    t0 = res.params[0]
    se = res.bse[0]
    lo = t0 - se
    while excess(lo) < 0:
        lo -= se
    hi = t0 + se
    while excess(hi) < 0:
        hi += se
    tl = optimize.brentq(excess, lo, t0, xtol=1e-13, rtol=1e-14)
    tu = optimize.brentq(excess, t0, hi, xtol=1e-13, rtol=1e-14)
    return n + math.exp(tl), n + math.exp(tu)


MODELS = ("independence", "stepwise")


def reference(path, model):
    k, pats, y = read_table(path)
    if model == "independence":
        pairs, res = [], fit(pats, y, [])
    elif model == "stepwise":
        pairs, res = stepwise(k, pats, y)
    else:
        pairs = [tuple(sorted(int(v) for v in p.split(":"))) for p in model.split(",")]
        res = fit(pats, y, pairs)
    n0 = math.exp(res.params[0])
    lo, hi = profile_interval(pats, y, pairs, res)
    return {"file": path, "model": model, "path": [list(p) for p in pairs],
            "observed": int(y.sum()), "unobserved": n0,
            "estimate": y.sum() + n0, "aic": res.aic, "lower": lo, "upper": hi}


def psql(sql):
    out = subprocess.run(["psql", "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-c", sql],
                         check=True, capture_output=True, text=True).stdout
    return out.strip()


def extension(path, model, table):
    """The same figures from the extension, read from a running server."""
    with open(path) as f:
        cols = [c.strip().lower() for c in f.readline().strip().split(",")]
    lists, count = cols[:-1], cols[-1]
    arr = "ARRAY[" + ", ".join(f"{c} = 1" for c in lists) + "]"
    sql = (f"SET extra_float_digits = 3; "
           f"SELECT mse_observed(f), mse_unobserved(f), mse_estimate(f), mse_aic(f), "
           f"mse_lower(f), mse_upper(f), mse_model(f) "
           f"FROM (SELECT mse_fit({arr}, {count}, '{model}') AS f FROM {table}) s")
    v = psql(sql).split("|")
    path_ = [[int(x) for x in p.split(":")] for p in v[6].strip("[]").split(", ") if p]
    return {"observed": int(v[0]), "unobserved": float(v[1]), "estimate": float(v[2]),
            "aic": float(v[3]), "lower": float(v[4]), "upper": float(v[5]), "path": path_}


def load(path, table):
    with open(path) as f:
        cols = [c.strip().lower() for c in f.readline().strip().split(",")]
    defs = ", ".join(f"{c} bigint" for c in cols)
    psql(f"DROP TABLE IF EXISTS {table}; CREATE TABLE {table} ({defs})")
    psql(f"\\copy {table} FROM '{path}' WITH (FORMAT csv, HEADER true)")


def compare(paths, extra):
    """Compare the extension with the reference; print ok/FAIL lines and RESULT."""
    passed = failed = 0

    def check(name, ok, detail):
        nonlocal passed, failed
        if ok:
            passed += 1
            print(f"ok   {name}")
        else:
            failed += 1
            print(f"FAIL {name}: {detail}")

    for i, path in enumerate(paths):
        table = f"mse_oracle_{i}"
        load(path, table)
        for model in MODELS + tuple(extra.get(path, ())):
            ref = reference(path, model)
            try:
                got = extension(path, model, table)
            except subprocess.CalledProcessError as e:
                check(f"{path} {model}", False, e.stderr.strip())
                continue
            check(f"{path} {model} path", got["path"] == ref["path"],
                  f"extension {got['path']}, reference {ref['path']}")
            check(f"{path} {model} observed", got["observed"] == ref["observed"],
                  f"{got['observed']} against {ref['observed']}")
            for key in ("unobserved", "estimate", "aic", "lower", "upper"):
                rel = abs(got[key] - ref[key]) / abs(ref[key])
                check(f"{path} {model} {key} = {ref[key]:.6f}", rel <= 1e-6,
                      f"extension {got[key]!r}, reference {ref[key]!r}, relative error {rel:.2e}")
    print(f"RESULT: {passed} passed, {failed} failed")
    return failed == 0


def main():
    if len(sys.argv) > 1 and sys.argv[1] == "--compare":
        extra = {"data/ukdat_5.csv": ["1:2, 2:5"], "data/ukdat.csv": ["3:6, 1:2, 2:5"]}
        sys.exit(0 if compare(sys.argv[2:], extra) else 1)
    for path in sys.argv[1:]:
        for model in MODELS:
            print(json.dumps(reference(path, model)))


if __name__ == "__main__":
    main()
