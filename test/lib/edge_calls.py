#!/usr/bin/python3
"""Write SQL that calls every function of the extension with edge values.

Usage: edge_calls.py > calls.sql      (PGHOST/PGPORT/PGUSER/PGDATABASE point
                                       at a database with the extension)

The functions are read from the catalog (pg_proc rows that pg_depend ties to
the extension), so functions added later are covered without a list here.
For each function every input argument in turn takes each edge value of its
type while the others keep a base value (the argument's DEFAULT when it has
one); then all arguments take the same edge value together, and all are NULL.
Aggregates are called over small VALUES lists: one row, the edge row between
two base rows, no rows, and as a moving-window aggregate (inverse transition).

mse_result arguments take real fits (FITS: tiny, three-list, huge counts,
an upper limit unbounded near level 1, and, where the build has mse_status,
a non-estimable one), not only NULL, so that STRICT does not skip the
accessors.  "edge_calls.py --fits" prints "NAME<TAB>SQL" for each fit.

Every statement prints "ok" or "NAN-RESULT <call>": a float result of NaN
is a defect.  Functions taking internal or other pseudo-type arguments
cannot be called from SQL and are listed as skipped in a comment.
"""
import re
import subprocess
import sys

I64MAX = "9223372036854775807"
I64MIN = "-9223372036854775808"

STATS = {
    "zero": "(referrals=0, recorded=0, unknown=0, timely=0)",
    "published": "(referrals=3146, recorded=884, unknown=0, timely=0)",
    "max": "(referrals=%s, recorded=9223372036854775806, unknown=1, timely=9223372036854775806)" % I64MAX,
    "all_referrals": "(referrals=%s, recorded=0, unknown=0, timely=0)" % I64MAX,
    "all_unknown": "(referrals=%s, recorded=0, unknown=%s, timely=0)" % (I64MAX, I64MAX),
    "all_recorded": "(referrals=%s, recorded=%s, unknown=0, timely=%s)" % (I64MAX, I64MAX, I64MAX),
    "one": "(referrals=1, recorded=1, unknown=0, timely=1)",
    "none_recorded": "(referrals=5, recorded=0, unknown=0, timely=0)",
}


def fit(rows, model=None):
    """SQL for an mse_result: mse_fit over (capture pattern, count) rows."""
    vals = ", ".join("(ARRAY[%s], %s::bigint)" % (", ".join("true" if c == "1" else "false" for c in pat), n)
                     for pat, n in rows)
    call = "mse_fit(p, n%s)" % (", '%s'" % model if model else "")
    return "(SELECT %s FROM (VALUES %s) AS v(p, n))" % (call, vals)


# Real mse_result values (test/suites/98-edge-calls checks that each builds):
FITS = {
    # two lists, small counts; and the smallest possible overlap
    "tiny": fit([("10", 10), ("01", 8), ("11", 3)]),
    "tiny_ones": fit([("10", 1), ("01", 1), ("11", 1)]),
    # three lists, stepwise and with a named interaction
    "three": fit([("100", 100), ("010", 80), ("001", 60), ("110", 20), ("101", 15), ("011", 12), ("111", 4)]),
    "three_model": fit([("100", 5), ("010", 3), ("001", 4), ("110", 1), ("101", 2), ("011", 1), ("111", 1)], "1:2"),
    # huge counts (the same table as "tiny" times 10^12)
    "huge": fit([("10", 10 * 10**12), ("01", 8 * 10**12), ("11", 3 * 10**12)]),
    # an upper limit that is unbounded at levels near 1 (the profile stays
    # inside the limit for every larger count searched)
    "unbounded": fit([("10", 50), ("01", 50), ("11", 1)]),
}
# No estimate exists (two lists that share no one): a fit only where the
# build returns a summary with a status (mse_status) instead of an ERROR.
FITS_WITH_STATUS = {
    "no_overlap": fit([("10", 10), ("01", 8)]),
}


def lit(value, typ):
    return "%s::%s" % (value, typ)


def q(s):
    return "'" + s.replace("'", "''") + "'"


def edge_values(typ):
    """Edge values (SQL expressions) of a type, NULL first."""
    t = typ
    ints = {"bigint": (I64MIN, I64MAX), "integer": ("-2147483648", "2147483647"),
            "smallint": ("-32768", "32767")}
    if t in ints:
        lo, hi = ints[t]
        return [lit("NULL", t)] + [lit(v, t) for v in ("0", "1", "-1", "2", "10", "3146", hi, lo)] \
            + ["(%s - 1)::%s" % (hi, t)]
    if t in ("double precision", "real"):
        return [lit("NULL", t)] + [lit(q(v), t) for v in (
            "0", "-0", "1", "-1", "0.5", "0.95", "1e-300", "5e-324", "1e308", "-1e308",
            "Infinity", "-Infinity", "NaN", "1.0000000000000002", "0.9999999999999999")]
    if t == "numeric":
        return [lit("NULL", t)] + [lit(q(v), t) for v in ("0", "1", "-1", "0.5", "NaN", "1e100", "-1e100",
                                                           "Infinity", "-Infinity")]
    if t == "boolean":
        return [lit(v, t) for v in ("NULL", "true", "false")]
    if t in ("text", "character varying", "name"):
        return [lit("NULL", t)] + [lit(q(v), t) for v in (
            "", "wilson", "clopper_pearson", "jeffreys", "agresti_coull", "wald", "exact", "normal", "poisson", "garbage", "NaN", "Infinity", "-1", " ", "\u00e9")] \
            + ["repeat('x', 100000)::%s" % t]
    if t == "cstring":
        return [lit(q(v), t) for v in ("", "garbage", STATS["published"], "(referrals=1, recorded=2)",
                                        "(referrals=99999999999999999999, recorded=0)")]
    if t == "recording_stats":
        return [lit("NULL", t)] + [lit(q(v), t) for v in STATS.values()]
    if t == "mse_result":
        return [lit("NULL", t)] + list(FITS.values())
    if t.endswith("[]"):
        base = t[:-2]
        elems = [e for e in edge_values(base)]
        return [lit("NULL", t), lit("'{}'", t),
                "ARRAY[%s]::%s" % (elems[0], t),                       # one NULL element
                "ARRAY[%s]::%s" % (", ".join(elems[1:]), t),           # every edge value
                "ARRAY[%s]::%s" % (", ".join([elems[1]] * 3), t),
                # a long array of an ordinary value (the 100 kB string is
                # already an element of the array of every edge value above;
                # 1000 copies of it would be 100 MB per argument)
                "array_fill(%s, ARRAY[1000])::%s" % (elems[-2] if base in ("text", "character varying", "name") else elems[-1], t),
                "ARRAY[[%s, %s], [%s, %s]]::%s" % (elems[1], elems[1], elems[-1], elems[-1], t)]
    return [lit("NULL", t)]


def base_value(typ):
    return {"bigint": "10::bigint", "integer": "10", "smallint": "10::smallint",
            "double precision": "0.5::float8", "real": "0.5::real", "numeric": "0.5::numeric",
            "boolean": "true", "text": "'wilson'::text", "cstring": lit(q(STATS["published"]), "cstring"),
            "recording_stats": lit(q(STATS["published"]), "recording_stats"),
            "mse_result": FITS["tiny"]}.get(typ) \
        or (("ARRAY[%s, %s]::%s" % (base_value(typ[:-2]), base_value(typ[:-2]), typ)) if typ.endswith("[]") else lit("NULL", typ))


def split_args(s):
    """Split pg_get_function_arguments output at top-level commas."""
    out, depth, quote, cur = [], 0, False, ""
    for ch in s:
        if quote:
            cur += ch
            if ch == "'":
                quote = False
            continue
        if ch == "'":
            quote = True
        elif ch in "([":
            depth += 1
        elif ch in ")]":
            depth -= 1
        elif ch == "," and depth == 0:
            out.append(cur.strip())
            cur = ""
            continue
        cur += ch
    if cur.strip():
        out.append(cur.strip())
    return out


CATALOG = r"""
SELECT p.oid, quote_ident(n.nspname) || '.' || quote_ident(p.proname), p.prokind, p.provariadic <> 0,
       coalesce((SELECT string_agg(format_type(t, NULL), ';' ORDER BY i)
                 FROM unnest(p.proargtypes) WITH ORDINALITY u(t, i)), ''),
       pg_get_function_arguments(p.oid), coalesce(a.aggkind, '-'), coalesce(a.aggnumdirectargs, 0),
       (SELECT bool_or(t.typtype = 'p' AND t.oid <> 'cstring'::regtype)
        FROM unnest(p.proargtypes) u(x) JOIN pg_type t ON t.oid = u.x)
FROM pg_depend d
JOIN pg_proc p ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid
JOIN pg_namespace n ON n.oid = p.pronamespace
LEFT JOIN pg_aggregate a ON a.aggfnoid = p.oid
WHERE d.refclassid = 'pg_extension'::regclass AND d.deptype = 'e'
  AND d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'recording_gap')
ORDER BY 2, 1
"""


def catalog():
    out = subprocess.run(["psql", "-X", "-q", "-At", "-F", "\t", "-v", "ON_ERROR_STOP=1", "-c", CATALOG],
                         check=True, capture_output=True, text=True).stdout
    for line in out.splitlines():
        oid, name, kind, variadic, types, args, aggkind, ndirect, pseudo = line.split("\t")
        types = types.split(";") if types else []
        # defaults from the declared arguments (input arguments only)
        decl = [a for a in split_args(args) if not re.match(r"^(OUT|TABLE)\s", a)]
        defaults = []
        for d in decl:
            m = re.search(r"\sDEFAULT\s(.*)$", d)
            defaults.append(m.group(1) if m else None)
        defaults += [None] * (len(types) - len(defaults))
        yield dict(oid=oid, name=name, kind=kind, variadic=variadic == "t", types=types,
                   defaults=defaults, aggkind=aggkind, ndirect=int(ndirect), pseudo=pseudo == "t")


def check_stmt(expr_sql, from_sql, label):
    # an SVG document repeats its labels as text: only its markup (attribute
    # values, where its numbers are) must not hold a NaN
    return ("SELECT CASE WHEN bool_or(CASE WHEN r::text LIKE '<?xml%%' THEN r::text ~ '=\"[^\"]*\\mNaN\\M'"
            " ELSE r::text ~ '\\mNaN\\M' END) THEN %s ELSE 'ok' END FROM (SELECT %s AS r%s) s;"
            % (q("NAN-RESULT " + label), expr_sql, from_sql))


def tuples(f):
    """Argument tuples: base, one argument varied at a time, all alike, all NULL."""
    types = f["types"]
    base = [d if d is not None else base_value(t) for t, d in zip(types, f["defaults"])]
    base = ["(%s)::%s" % (b, t) for b, t in zip(base, types)]
    seen = set()
    res = []

    def add(tup):
        key = tuple(tup)
        if key not in seen:
            seen.add(key)
            res.append(list(tup))

    add(base)
    for i, t in enumerate(types):
        for v in edge_values(t):
            tup = list(base)
            tup[i] = v
            add(tup)
    if types:
        n = max(len(edge_values(t)) for t in types)
        for k in range(n):
            add([edge_values(t)[k % len(edge_values(t))] for t in types])
        add(["NULL::%s" % t for t in types])
    return res


def call_args(f, tup):
    if f["variadic"] and tup:
        return ", ".join(tup[:-1] + ["VARIADIC " + tup[-1]])
    return ", ".join(tup)


def main():
    n_funcs = n_aggs = n_stmts = 0
    print("-- generated by test/lib/edge_calls.py")
    print("\\set VERBOSITY verbose")
    funcs = list(catalog())
    if any(f["name"].endswith(".mse_status") for f in funcs):
        FITS.update(FITS_WITH_STATUS)
    else:
        sys.stderr.write("edge_calls: no mse_status in this build: the non-estimable fit is not used\n")
    for f in funcs:
        if f["pseudo"]:
            print("-- skipped (pseudo-type argument): %s(%s)" % (f["name"], ", ".join(f["types"])))
            continue
        if f["kind"] == "p":
            print("-- skipped (procedure): %s" % f["name"])
            continue
        if f["kind"] in ("f",):
            n_funcs += 1
            for tup in tuples(f):
                call = "%s(%s)" % (f["name"], call_args(f, tup))
                print(check_stmt(call, "", call))
                n_stmts += 1
            continue
        # aggregates (and window functions): arguments are columns of a VALUES list
        n_aggs += 1
        types = f["types"]
        nd = f["ndirect"] if f["aggkind"] in ("o", "h") else 0
        cols = ["c%d" % i for i in range(len(types))]
        agg_cols = cols[nd:]
        tups = tuples(f)
        base = tups[0]
        for tup in tups:
            direct = tup[:nd]
            if f["aggkind"] in ("o", "h"):
                call = "%s(%s) WITHIN GROUP (ORDER BY %s)" % (f["name"], ", ".join(direct), ", ".join(agg_cols))
            else:
                call = "%s(%s)" % (f["name"], ", ".join(agg_cols))
            rows = [base[nd:], tup[nd:], base[nd:]]
            colist = ", ".join(["o"] + agg_cols)

            def values(rs):
                return "(VALUES %s) AS v(%s)" % (", ".join(
                    "(%d, %s)" % (k, ", ".join(r)) for k, r in enumerate(rs)), colist)
            label = "%s over (%s)" % (call, ", ".join(tup))
            if f["kind"] == "w" or not agg_cols:
                print(check_stmt(call + " OVER ()", " FROM " + values([tup[nd:]]), label))
                n_stmts += 1
                continue
            print(check_stmt(call, " FROM " + values([tup[nd:]]), label + " one row"))
            print(check_stmt(call, " FROM " + values(rows), label + " between base rows"))
            print(check_stmt(call, " FROM " + values([tup[nd:]]) + " WHERE false", label + " no rows"))
            n_stmts += 3
            if f["aggkind"] == "n":
                print(check_stmt(call + " OVER (ORDER BY o ROWS BETWEEN 1 PRECEDING AND CURRENT ROW)",
                                 " FROM " + values(rows + [tup[nd:], base[nd:]]), label + " moving window"))
                n_stmts += 1
    print("-- %d functions, %d aggregates, %d statements" % (n_funcs, n_aggs, n_stmts))
    sys.stderr.write("edge_calls: %d functions, %d aggregates, %d statements\n" % (n_funcs, n_aggs, n_stmts))


if __name__ == "__main__":
    if sys.argv[1:] == ["--fits"]:
        for name, sql in FITS.items():
            print("%s\t%s" % (name, sql))
        for name, sql in FITS_WITH_STATUS.items():
            print("%s\t%s" % (name, sql))
    else:
        main()
