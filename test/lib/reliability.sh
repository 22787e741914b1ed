# test/lib/reliability.sh - helpers of the reliability suites (9x-*).
# Source after test/lib/cluster.sh.

# Print the lines of a server log that show a backend dying (signal, exit
# code, PANIC), with the query it was running; returns 1 if there are any.
rg_log_crashes() {
	local log=$1 bad
	# a background worker (parallel worker, logical replication launcher)
	# that stops on an ERROR exits with code 1: not a crash
	bad=$(grep -E 'terminated by signal|exited with exit code|was terminated by|PANIC:|TRAP:' "$log" |
		grep -vE 'background worker ".*" \(PID [0-9]+\) exited with exit code 1$')
	if [ -n "$bad" ]; then
		echo "$bad" | head -20
		grep -E -A2 'terminated by signal|PANIC:|TRAP:' "$log" | grep -E 'Failed process was running' | head -20
		return 1
	fi
	return 0
}

# Counters and TAP-like lines: rg_ok "what" / rg_not_ok "what"; rg_check "what" CMD...
# A check that cannot run is skipped, never passed: rg_skip "what" "reason"
# (expected to run: a failure under CI=true), rg_skip_optional "what"
# "reason" (declared optional; the reason says why it may not run).
RG_PASS=0
RG_FAIL=0
RG_SKIP=0
RG_SKIP_OPT=0
rg_ok() { RG_PASS=$((RG_PASS + 1)); echo "ok - $*"; }
rg_skip() { RG_SKIP=$((RG_SKIP + 1)); echo "skip - $1 # SKIP ${2:-}"; }
rg_skip_optional() { RG_SKIP=$((RG_SKIP + 1)) RG_SKIP_OPT=$((RG_SKIP_OPT + 1)); echo "skip - $1 # SKIP (optional) ${2:-}"; }
rg_not_ok() { RG_FAIL=$((RG_FAIL + 1)); echo "not ok - $*"; }
rg_check() {
	local what=$1
	shift
	if "$@"; then rg_ok "$what"; else rg_not_ok "$what"; fi
}
rg_finish() { rg_result "$RG_PASS" "$RG_FAIL" "$RG_SKIP" "$RG_SKIP_OPT"; [ "$RG_FAIL" = 0 ]; }

# psql, quiet, unaligned, stop on error
rg_psql() { psql -X -q -At -v ON_ERROR_STOP=1 "$@"; }

# The extension's objects (functions with every property, types, operators,
# operator classes and families, aggregates with their support functions,
# casts), one per line, sorted: a signature to compare two installs.
# Needs PGDATABASE (or -d) with the extension installed.
rg_extension_signature() {
	rg_psql "$@" <<'SQL'
WITH ext AS (SELECT oid FROM pg_extension WHERE extname = 'recording_gap'),
members AS (
	SELECT classid, objid FROM pg_depend, ext
	WHERE refclassid = 'pg_extension'::regclass AND refobjid = ext.oid AND deptype = 'e')
SELECT 'function ' || p.oid::regprocedure || ' returns ' || pg_get_function_result(p.oid)
	|| ' args(' || pg_get_function_arguments(p.oid) || ') kind=' || p.prokind::text
	|| ' lang=' || l.lanname || ' vol=' || p.provolatile::text || ' strict=' || p.proisstrict
	|| ' par=' || p.proparallel::text || ' leak=' || p.proleakproof || ' secdef=' || p.prosecdef
	|| ' setof=' || p.proretset || ' cost=' || p.procost || ' rows=' || p.prorows
	|| ' support=' || p.prosupport::regproc || ' src=' || md5(coalesce(p.prosrc, '')) || ' bin=' || coalesce(p.probin, '')
	|| ' config=' || coalesce(p.proconfig::text, '') || ' acl=' || coalesce(p.proacl::text, '')
	|| ' comment=' || coalesce(obj_description(p.oid, 'pg_proc'), '<none>')
FROM members m JOIN pg_proc p ON m.classid = 'pg_proc'::regclass AND p.oid = m.objid
JOIN pg_language l ON l.oid = p.prolang
UNION ALL
SELECT 'aggregate ' || a.aggfnoid::regprocedure || ' kind=' || a.aggkind::text || ' direct=' || a.aggnumdirectargs
	|| ' sfunc=' || a.aggtransfn::regprocedure::text || ' final=' || a.aggfinalfn::regproc || ' combine=' || a.aggcombinefn::regproc
	|| ' serial=' || a.aggserialfn::regproc || ' deserial=' || a.aggdeserialfn::regproc
	|| ' msfunc=' || a.aggmtransfn::regproc || ' minv=' || a.aggminvtransfn::regproc || ' mfinal=' || a.aggmfinalfn::regproc
	|| ' fextra=' || a.aggfinalextra || ' mfextra=' || a.aggmfinalextra || ' fmodify=' || a.aggfinalmodify::text
	|| ' mfmodify=' || a.aggmfinalmodify::text || ' sortop=' || a.aggsortop::regoperator::text
	|| ' stype=' || format_type(a.aggtranstype, NULL) || ' sspace=' || a.aggtransspace
	|| ' mstype=' || format_type(a.aggmtranstype, NULL) || ' msspace=' || a.aggmtransspace
	|| ' init=' || coalesce(a.agginitval, '<null>') || ' minit=' || coalesce(a.aggminitval, '<null>')
FROM members m JOIN pg_aggregate a ON m.classid = 'pg_proc'::regclass AND a.aggfnoid = m.objid
UNION ALL
SELECT 'type ' || format_type(t.oid, NULL) || ' typtype=' || t.typtype::text || ' len=' || t.typlen || ' byval=' || t.typbyval
	|| ' align=' || t.typalign::text || ' storage=' || t.typstorage::text || ' category=' || t.typcategory::text
	|| ' preferred=' || t.typispreferred || ' in=' || t.typinput::regproc || ' out=' || t.typoutput::regproc
	|| ' recv=' || t.typreceive::regproc || ' send=' || t.typsend::regproc || ' modin=' || t.typmodin::regproc
	|| ' modout=' || t.typmodout::regproc || ' analyze=' || t.typanalyze::regproc || ' subscript=' || t.typsubscript::regproc
	|| ' elem=' || format_type(t.typelem, NULL) || ' basetype=' || format_type(t.typbasetype, NULL)
	|| ' notnull=' || t.typnotnull || ' collation=' || t.typcollation || ' default=' || coalesce(t.typdefault, '<null>')
	|| ' comment=' || coalesce(obj_description(t.oid, 'pg_type'), '<none>')
	|| ' enum=' || coalesce((SELECT string_agg(enumlabel, ',' ORDER BY enumsortorder) FROM pg_enum WHERE enumtypid = t.oid), '')
	|| ' attrs=' || coalesce((SELECT string_agg(attname || ':' || format_type(atttypid, atttypmod), ',' ORDER BY attnum)
		FROM pg_attribute WHERE attrelid = t.typrelid AND attnum > 0 AND NOT attisdropped), '')
FROM members m JOIN pg_type t ON m.classid = 'pg_type'::regclass AND t.oid = m.objid
UNION ALL
SELECT 'operator ' || o.oid::regoperator || ' kind=' || o.oprkind::text || ' code=' || o.oprcode::regprocedure::text
	|| ' result=' || format_type(o.oprresult, NULL) || ' com=' || o.oprcom::regoperator::text
	|| ' neg=' || o.oprnegate::regoperator::text || ' rest=' || o.oprrest::regproc || ' join=' || o.oprjoin::regproc
	|| ' merges=' || o.oprcanmerge || ' hashes=' || o.oprcanhash
	|| ' comment=' || coalesce(obj_description(o.oid, 'pg_operator'), '<none>')
FROM members m JOIN pg_operator o ON m.classid = 'pg_operator'::regclass AND o.oid = m.objid
UNION ALL
SELECT 'opclass ' || c.opcname || ' am=' || am.amname || ' type=' || format_type(c.opcintype, NULL)
	|| ' default=' || c.opcdefault || ' family=' || f.opfname || ' keytype=' || format_type(c.opckeytype, NULL)
	|| ' ops=' || coalesce((SELECT string_agg(ao.amopstrategy || ':' || ao.amopopr::regoperator::text || ':' || ao.amoppurpose::text, ',' ORDER BY ao.amopstrategy, ao.amopopr::regoperator::text)
		FROM pg_amop ao WHERE ao.amopfamily = c.opcfamily), '')
	|| ' procs=' || coalesce((SELECT string_agg(ap.amprocnum || ':' || ap.amproc::regprocedure::text || ':' || format_type(ap.amproclefttype, NULL) || ':' || format_type(ap.amprocrighttype, NULL), ',' ORDER BY ap.amprocnum, ap.amproc::regprocedure::text)
		FROM pg_amproc ap WHERE ap.amprocfamily = c.opcfamily), '')
FROM members m JOIN pg_opclass c ON m.classid = 'pg_opclass'::regclass AND c.oid = m.objid
JOIN pg_am am ON am.oid = c.opcmethod JOIN pg_opfamily f ON f.oid = c.opcfamily
UNION ALL
SELECT 'opfamily ' || f.opfname || ' am=' || am.amname
FROM members m JOIN pg_opfamily f ON m.classid = 'pg_opfamily'::regclass AND f.oid = m.objid JOIN pg_am am ON am.oid = f.opfmethod
UNION ALL
SELECT 'cast ' || format_type(c.castsource, NULL) || ' -> ' || format_type(c.casttarget, NULL)
	|| ' func=' || c.castfunc::regprocedure::text || ' ctx=' || c.castcontext::text || ' method=' || c.castmethod::text
FROM members m JOIN pg_cast c ON m.classid = 'pg_cast'::regclass AND c.oid = m.objid
UNION ALL
SELECT 'other ' || pg_describe_object(m.classid, m.objid, 0)
FROM members m
WHERE m.classid NOT IN ('pg_proc'::regclass, 'pg_type'::regclass, 'pg_operator'::regclass,
	'pg_opclass'::regclass, 'pg_opfamily'::regclass, 'pg_cast'::regclass)
UNION ALL
SELECT 'extension ' || e.extname || ' schema=' || e.extnamespace::regnamespace || ' relocatable=' || e.extrelocatable
	|| ' config=' || coalesce(e.extconfig::text, '') || ' condition=' || coalesce(e.extcondition::text, '')
FROM pg_extension e WHERE e.extname = 'recording_gap'
ORDER BY 1;
SQL
}

# Call every function of the extension with edge values (test/lib/edge_calls.py)
# in database $2 of cluster $1 and check the outcome: the server stays up, no
# backend dies, no NaN result, no internal error or timeout.  Extra psql
# settings may follow (e.g. "SET $RG_PARALLEL_GUC = regress").
rg_edge_calls() {
	local name=$1 db=$2 pre=${3:-}
	local dir="$RG_TMP/edge-$name"
	mkdir -p "$dir"
	PGDATABASE=$db "$RG_ROOT/test/lib/edge_calls.py" >"$dir/calls.sql" 2>"$dir/gen.err" \
		|| { cat "$dir/gen.err"; rg_not_ok "generate edge calls"; return; }
	cat "$dir/gen.err"
	grep '^-- skipped' "$dir/calls.sql"
	local nstmt nres nerr
	nstmt=$(grep -c '^SELECT' "$dir/calls.sql")
	{ [ -n "$pre" ] && echo "$pre;"; cat "$dir/calls.sql"; } >"$dir/run.sql"
	PGOPTIONS="${PGOPTIONS:-} -c statement_timeout=20s" psql -X -At -d "$db" -f "$dir/run.sql" \
		>"$dir/calls.out" 2>"$dir/calls.err"
	nres=$(grep -cE '^(ok|NAN-RESULT)' "$dir/calls.out")
	nerr=$(grep -c 'ERROR:' "$dir/calls.err")
	echo "# edge calls: $nstmt statements, $nres returned a value, $nerr raised an ERROR"
	grep 'ERROR:' "$dir/calls.err" | sed 's/.*ERROR: *//' | cut -c1-150 | sort | uniq -c | sort -rn | sed 's/^/#   /' | head -40
	rg_check "edge calls: server alive after $nstmt calls" rg_psql -d "$db" -c 'SELECT 1' -o /dev/null
	rg_check "edge calls: no backend terminated" rg_log_crashes "$(rg_log "$name")"
	if [ "$((nres + nerr))" -ge "$nstmt" ] && [ "$nstmt" -gt 100 ]; then
		rg_ok "edge calls: every call returned a value or raised an ERROR"
	else
		grep -v 'ERROR:\|^LOCATION:\|^DETAIL:\|^HINT:\|^CONTEXT:' "$dir/calls.err" | head -20
		rg_not_ok "edge calls: every call returned a value or raised an ERROR ($nres + $nerr of $nstmt)"
	fi
	if grep -q 'NAN-RESULT' "$dir/calls.out"; then
		grep 'NAN-RESULT' "$dir/calls.out" | cut -c1-300 | head -20
		rg_not_ok "edge calls: no NaN in any result"
	else
		rg_ok "edge calls: no NaN in any result"
	fi
	if grep -qE 'ERROR: +(XX000|57014|25000|0A000)' "$dir/calls.err"; then
		grep -E -A3 'ERROR: +(XX000|57014|25000|0A000)' "$dir/calls.err" | head -30
		rg_not_ok "edge calls: no internal error, timeout or parallel-mode error"
	else
		rg_ok "edge calls: no internal error, timeout or parallel-mode error"
	fi
}

# Run the pg_regress suite (sql/, expected/) against the installed extension on the
# current cluster (PGHOST/PGPORT); one ok/not ok per test.  Prints nothing
# and counts nothing when there are no tests.  pg_regress runs in a private
# directory that mirrors the work tree (symbolic links), so that tests see
# the same relative paths as under "make installcheck" while their results/
# stay out of the work tree.
rg_installcheck() {
	local what=$1 log="$RG_TMP/installcheck-$1.log" dir="$RG_TMP/regress-$1" e tests
	tests=$(cd "$RG_ROOT" && make -s --no-print-directory print-regress)
	[ -n "$tests" ] || { echo "# $what: no pg_regress tests in sql/"; return; }
	rm -rf "$dir"
	mkdir -p "$dir"
	for e in "$RG_ROOT"/*; do
		case "$(basename "$e")" in results | regression.diffs | regression.out) continue ;; esac
		ln -s "$e" "$dir/"
	done
	(cd "$dir" && "$(dirname "$(pg_config --pgxs)")/../test/regress/pg_regress" --inputdir=. \
		--bindir="$(pg_config --bindir)" --dbname=contrib_regression $tests) >"$log" 2>&1
	local rc=$?
	grep -E '\.\.\. (ok|FAILED|failed)|^(not )?ok [0-9]+ +[-+] ' "$log" | sed "s/^/# $what: /"
	local p f
	read -r p f < <(rg_regress_counts "$log")
	RG_PASS=$((RG_PASS + p))
	RG_FAIL=$((RG_FAIL + f))
	if [ "$rc" != 0 ]; then
		[ -f "$dir/regression.diffs" ] && head -150 "$dir/regression.diffs"
		tail -20 "$log"
		[ "$f" = 0 ] && rg_not_ok "$what: pg_regress exited with $rc"
	fi
	echo "# $what: $p pg_regress tests passed, $f failed"
}

# The extension's objects as pg_dump writes them: pg_dump --schema-only
# --binary-upgrade (the only mode that dumps an extension's member objects
# one by one), cut into its TOC entries, keeping the entries of objects
# that are members of recording_gap (those carrying "ALTER EXTENSION
# recording_gap ADD") and the comments on them; OIDs that binary upgrade
# preserves and pg_dump's \restrict keys are dropped.  Sorted by entry, so
# two databases with the same objects give the same text.
rg_extension_dump() {
	local db=$1
	pg_dump --schema-only --binary-upgrade -d "$db" | /usr/bin/python3 -c '
import re, sys
text = sys.stdin.read()
entries = re.split(r"\n--\n-- (?=Name: )", text)
members, kept = set(), []
for e in entries:
    for m in re.finditer(r"^ALTER EXTENSION recording_gap ADD (.*);$", e, re.M):
        members.add(m.group(1))
def clean(e):
    lines = [l for l in e.splitlines()
             if l.strip() and l != "--"
             and not re.match(r"^SELECT pg_catalog\.(binary_upgrade_set_next_|set_config)", l)
             and not re.match(r"^\\(un)?restrict ", l)
             and not re.match(r"^SET [a-z_]+ = ", l)
             and not l.startswith("-- For binary upgrade, must preserve")
             and not l.startswith("-- PostgreSQL database dump")]
    return "\n".join(lines).strip() + "\n"
for e in entries[1:]:
    body = e.split("\n--\n", 1)[-1]
    is_member = "ALTER EXTENSION recording_gap ADD " in e
    m = re.search(r"^COMMENT ON (.*?) IS ", body, re.M)
    is_comment = m is not None and m.group(1) in members
    if is_member or is_comment:
        kept.append(clean("-- " + e))
sys.stdout.write("\n".join(sorted(kept)))
print("-- %d entries, %d members" % (len(kept), len(members)))
'
}

# The extension's members as pg_describe_object names them, sorted.
rg_extension_members() {
	rg_psql "$@" -c "SELECT pg_describe_object(classid, objid, objsubid) FROM pg_depend
		WHERE refclassid = 'pg_extension'::regclass AND deptype = 'e'
		  AND refobjid = (SELECT oid FROM pg_extension WHERE extname = 'recording_gap')
		ORDER BY 1"
}
