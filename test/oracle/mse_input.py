#!/usr/bin/python3
"""Input of mse_result checks the stored figures against the counts (55-mse-oracle).

    mse_input.py DIR FILE.csv...   against the server of PGHOST/PGPORT/PGDATABASE

For each capture-pattern CSV (the UK 2013 data):

* the stepwise model's figures computed by statsmodels (another
  implementation of the Poisson fit altogether: its unobserved count, AIC,
  deviance and the standard error of the intercept) written in the text
  form read back: the tolerance of the check survives another build;
* the same text with the unobserved count (and the estimate) moved by a
  relative 1e-3 is refused, naming the figure;
* binary input (COPY ... FORMAT binary, so the path of a binary dump): the
  extension's own value, sent and received, loads and is = to the original;
  the same bytes with the unobserved count altered are refused; the value in
  the form 0.1.0 stored and sent ("MSR1": no status, flags or names) loads
  and is = to a fit of today; altered, it is refused.

Prints ok/not ok lines and "# mse_input: P passed, F failed".
"""
import os
import struct
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import mse_reference as ref  # noqa: E402

passed = failed = 0


def check(ok, label, detail=""):
    global passed, failed
    if ok:
        passed += 1
        print(f"ok {passed + failed} - {label}")
    else:
        failed += 1
        print(f"not ok {passed + failed} - {label}")
        if detail:
            print(f"#   {detail}")


def psql(sql):
    r = subprocess.run(["psql", "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1"],
                       input=sql, capture_output=True, text=True)
    return r.returncode == 0, (r.stdout.strip(), r.stderr.strip())


def exact(d):
    for prec in (15, 16, 17):
        s = "%.*g" % (prec, d)
        if float(s) == d:
            return s
    return s


def text_form(k, y, pairs, n0, aic, dev, se):
    model = "[" + ", ".join(f"{i}:{j}" for i, j in pairs) + "]"
    # the counts in the order of the pattern's bit mask (bit i = list i + 1)
    counts = []
    for mask in range(1, 2 ** k):
        pat = tuple(float((mask >> i) & 1) for i in range(k))
        counts.append(int(y[[tuple(p) for p in PATS].index(pat)]))
    n = int(sum(counts))
    return (f"(lists={k}, model={model}, status=ok, observed={n}, unobserved={exact(n0)}, "
            f"estimate={exact(n + n0)}, aic={exact(aic)}, deviance={exact(dev)}, "
            f"intercept_se={exact(se)}, counts=[{', '.join(str(c) for c in counts)}])")


def copy_file(path, payloads):
    with open(path, "wb") as f:
        f.write(b"PGCOPY\n\xff\r\n\x00" + struct.pack(">ii", 0, 0))
        for p in payloads:
            f.write(struct.pack(">hi", 1, len(p)) + p)
        f.write(struct.pack(">h", -1))


def read_copy(path):
    data = open(path, "rb").read()
    pos = 11 + 8
    out = []
    while True:
        (nf,) = struct.unpack(">h", data[pos:pos + 2])
        pos += 2
        if nf == -1:
            return out
        (ln,) = struct.unpack(">i", data[pos:pos + 4])
        out.append(data[pos + 4:pos + 4 + ln])
        pos += 4 + ln


def msr1(v2):
    """The 0.1.0 form of a version-2 payload without names."""
    k, npairs, status, flags, nnames = struct.unpack(">iiiii", v2[4:24])
    assert status == 0 and flags == 0 and nnames == 0
    return b"MSR1" + v2[4:12] + v2[24:]


def alter_unobserved(p, factor):
    off = (12 if p[:4] == b"MSR1" else 24) + 2 * struct.unpack(">i", p[8:12])[0]
    (u,) = struct.unpack(">d", p[off:off + 8])
    b0 = struct.unpack(">d", p[off + 24:off + 32])[0]
    import math
    u2 = u * factor
    q = p[:off] + struct.pack(">d", u2) + p[off + 8:off + 24] + struct.pack(">d", math.log(u2)) + p[off + 32:]
    return q


def main():
    global PATS
    d = sys.argv[1]
    for i, path in enumerate(sys.argv[2:]):
        k, pats, y = ref.read_table(path)
        PATS = [tuple(p) for p in pats]
        pairs, res = ref.stepwise(k, pats, y)
        import math
        n0 = math.exp(res.params[0])
        txt = text_form(k, y, pairs, n0, res.aic, res.deviance, res.bse[0])
        ok, (out, err) = psql(f"SELECT round(mse_estimate('{txt}'::mse_result)::numeric, 6);")
        check(ok, f"{path}: the stepwise fit as statsmodels computes it reads back "
                  f"(estimate {out or '?'}; statsmodels {sum(y) + n0:.6f})", err)
        bad = txt.replace(f"unobserved={exact(n0)}", f"unobserved={exact(n0 * 1.001)}").replace(
            f"estimate={exact(sum(y) + n0)}", f"estimate={exact(sum(y) + n0 * 1.001)}")
        ok, (out, err) = psql(f"SELECT '{bad}'::mse_result;")
        check(not ok and 'figure "unobserved" does not follow' in err,
              f"{path}: the same with unobserved moved by 1e-3 is refused", err or out)

        # binary: the extension's own value
        with open(path) as f:
            cols = [c.strip().lower() for c in f.readline().strip().split(",")]
        arr = "ARRAY[" + ", ".join(f"{c} = 1" for c in cols[:-1]) + "]"
        table = f"mse_in_{i}"
        ref.load(path, table)
        out_bin = os.path.join(d, f"{table}.bin")
        ok, e = psql(f"DROP TABLE IF EXISTS {table}_f; CREATE TABLE {table}_f AS "
                     f"SELECT mse_fit({arr}, {cols[-1]}) AS f FROM {table};\n"
                     f"\\copy {table}_f TO '{out_bin}' WITH (FORMAT binary)\n")
        if not ok:
            check(False, f"{path}: binary COPY out", e[1])
            continue
        v2 = read_copy(out_bin)[0]

        def load(payload, name):
            fn = os.path.join(d, f"{table}_{name}.bin")
            copy_file(fn, [payload])
            return psql(f"DROP TABLE IF EXISTS {table}_g; CREATE TABLE {table}_g (f mse_result);\n"
                        f"\\copy {table}_g FROM '{fn}' WITH (FORMAT binary)\n"
                        f"SELECT (SELECT f FROM {table}_g) = (SELECT f FROM {table}_f);\n")

        ok, (out, err) = load(v2, "same")
        check(ok and out == "t", f"{path}: binary COPY of the fit loads, equal to it", err or out)
        ok, (out, err) = load(alter_unobserved(v2, 1.01), "forged")
        check(not ok and 'figure "unobserved" does not follow' in err,
              f"{path}: binary COPY with unobserved altered by 1% is refused", err or out)
        ok, (out, err) = load(msr1(v2), "msr1")
        check(ok and out == "t", f"{path}: the form 0.1.0 stored and sent (MSR1) loads, equal to a fit of today",
              err or out)
        ok, (out, err) = load(alter_unobserved(msr1(v2), 0.99), "msr1_forged")
        check(not ok and 'figure "unobserved" does not follow' in err,
              f"{path}: the 0.1.0 form with unobserved altered by 1% is refused", err or out)
    print(f"# mse_input: {passed} passed, {failed} failed")
    sys.exit(0 if failed == 0 else 1)


if __name__ == "__main__":
    main()
