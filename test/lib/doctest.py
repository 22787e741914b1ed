#!/usr/bin/python3
"""Run the SQL examples of Markdown pages and compare their output.

Convention, for doc/*.md and README.md:

  * A fenced block tagged ``sql`` is executed with psql.
  * If the next fenced block is tagged ``output``, psql's output for the sql
    block (stdout and error messages, as psql prints them with default
    settings) must equal it exactly, apart from trailing white space.
  * Blocks tagged anything else (sh, text, sql-noexec, ...) are not run.

All blocks of one page run in order, in one psql session, in a fresh
database that already has the extension (``CREATE EXTENSION recording_gap``).
psql runs with the repository root as its working directory, so a block may
say ``\\copy t FROM 'data/file.csv' WITH (FORMAT csv, HEADER)``.

Usage: doctest.py PAGE.md...   (PGHOST/PGPORT/PGUSER point at a cluster)
Prints one "ok"/"not ok" line per checked block, then "RESULT: P passed, F failed".
"""
import os
import re
import subprocess
import sys

FENCE = re.compile(r"^```\s*([A-Za-z0-9_-]*)\s*$")
PREFIX = re.compile(r"^psql:[^:]*:\d+: ", re.M)


def blocks(path):
    """Yield (lineno, tag, text) for every fenced block."""
    out, tag, buf, start = [], None, [], 0
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            m = FENCE.match(line.rstrip("\n"))
            if tag is None:
                if m:
                    tag, buf, start = m.group(1) or "", [], n
            elif line.rstrip("\n").strip() == "```":
                out.append((start, tag, "".join(buf)))
                tag = None
            else:
                buf.append(line)
    return out


def norm(text):
    lines = [l.rstrip() for l in text.rstrip().split("\n")]
    return "\n".join(lines).strip("\n")


def run_page(path, index):
    bl = blocks(path)
    pairs = []  # (lineno, sql, expected-or-None)
    for i, (n, tag, text) in enumerate(bl):
        if tag != "sql":
            continue
        exp = bl[i + 1][2] if i + 1 < len(bl) and bl[i + 1][1] == "output" else None
        pairs.append((n, text, exp))
    if not pairs:
        return 0, 0
    db = "doctest_%d" % index
    env = dict(os.environ)
    subprocess.run(["dropdb", "--if-exists", db], env=env, check=False,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    subprocess.run(["createdb", db], env=env, check=True)
    script = ["CREATE EXTENSION recording_gap;"]
    for k, (n, text, exp) in enumerate(pairs):
        script.append("\\echo @@BLOCK %d@@" % k)
        script.append(text)
    script.append("\\echo @@BLOCK END@@")
    proc = subprocess.run(
        ["psql", "-X", "-q", "-d", db, "-v", "VERBOSITY=default", "-f", "-"],
        input="\n".join(script) + "\n", env=env, text=True,
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, cwd=os.environ.get("RG_ROOT", "."))
    outtext = PREFIX.sub("", proc.stdout)
    parts = re.split(r"^@@BLOCK (\d+|END)@@\n?", outtext, flags=re.M)
    got = {}
    for j in range(1, len(parts) - 1, 2):
        if parts[j] != "END":
            got[int(parts[j])] = parts[j + 1]
    subprocess.run(["dropdb", db], env=env, check=False)
    passed = failed = 0
    for k, (n, text, exp) in enumerate(pairs):
        actual = got.get(k)
        label = "%s:%d" % (path, n)
        if actual is None:
            ok, why = False, "block did not run (psql stopped before it)"
        elif exp is None:
            ok = not re.search(r"^(ERROR|FATAL|PANIC):", actual, re.M)
            why = "unexpected error:\n" + actual
        else:
            ok = norm(actual) == norm(exp)
            why = "expected:\n%s\n--- got:\n%s" % (norm(exp), norm(actual))
        if ok:
            passed += 1
            print("ok - %s" % label)
        else:
            failed += 1
            print("not ok - %s\n%s" % (label, why))
    return passed, failed


def main(pages):
    tp = tf = 0
    for i, page in enumerate(pages):
        p, f = run_page(page, i)
        tp += p
        tf += f
    print("RESULT: %d passed, %d failed" % (tp, tf))
    return 1 if tf else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
