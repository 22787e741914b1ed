#!/usr/bin/env bash
# bench/fdw.sh - recording_gap over shards (postgres_fdw): how much crosses
# the wire and how long it takes, with and without aggregate pushdown.
#
#   bench/fdw.sh [--quick] [--rows N] [--rounds R]
#
# Uses the installed extension (run `make install` first).  Starts three
# throwaway clusters (test/lib/cluster.sh): a coordinator and two shards,
# set up with test/fdw/shard.sql and test/fdw/coordinator.sql (the setup of
# doc/scale-out.md), and loads the same N rows (test/fdw/data.sql) into the
# sharded table and into a local table on the coordinator.  Each query runs
# over the local table, over the sharded table with partitionwise aggregation
# (pushdown where the query shape allows it) and over the sharded table without it (enable_partitionwise_aggregate = off), in
# interleaved rounds after one discarded warm-up; times are medians of
# psql's \timing.  Rows crossing the wire are the actual rows of the
# Foreign Scan nodes of EXPLAIN (ANALYZE, VERBOSE).  Prints a Markdown
# table on stdout.
#
# Defaults: 1,000,000 rows, 5 rounds; --quick: 100,000 rows, 3 rounds.
# Environment (as set by bench/run): RG_QUICK=1, RG_BENCH_ROWS (capped at
# 2,000,000: every row is loaded through the coordinator), RG_BENCH_ROUNDS,
# RG_BENCH_PORT (first port to try; default 57400).
set -euo pipefail
cd "$(dirname "$0")/.."
export RG_ROOT=$(pwd)

QUICK=${RG_QUICK:-0}
ROWS=${RG_BENCH_ROWS:-}
ROUNDS=${RG_BENCH_ROUNDS:-}
while [ $# -gt 0 ]; do
	case "$1" in
		--quick) QUICK=1 ;;
		--rows) ROWS=$2; shift ;;
		--rounds) ROUNDS=$2; shift ;;
		-h|--help) sed -n '2,23p' "$0"; exit 0 ;;
		*) echo "bench/fdw.sh: unknown argument $1" >&2; exit 2 ;;
	esac
	shift
done
if [ "$QUICK" = 1 ]; then
	ROWS=100000
	ROUNDS=${ROUNDS:-3}
fi
ROWS=${ROWS:-1000000}
ROUNDS=${ROUNDS:-5}
CAPPED=""
if [ "$ROWS" -gt 2000000 ]; then
	CAPPED=" (asked for $ROWS, capped at 2,000,000)"
	ROWS=2000000
fi

say() { [ -t 2 ] && echo "bench/fdw.sh: $*" >&2 || true; }

if [ ! -f "$(pg_config --sharedir)/extension/recording_gap.control" ]; then
	echo "bench/fdw.sh: recording_gap is not installed (run make install first)" >&2
	exit 1
fi

. test/lib/cluster.sh
rg_init

P0=$(rg_free_port "${RG_BENCH_PORT:-57400}")
P1=$(rg_free_port $((P0 + 1)))
P2=$(rg_free_port $((P1 + 1)))
CONF=("shared_buffers = 256MB" "work_mem = 64MB" "max_parallel_workers_per_gather = 0" "jit = off")
q() {
	local name=$1
	shift
	(rg_use "$name" && psql -X -q -d nrm -v ON_ERROR_STOP=1 "$@")
}

say "starting a coordinator and two shards"
for nc in coord:$P0 shard1:$P1 shard2:$P2; do
	rg_cluster_start "${nc%%:*}" "${nc##*:}" "${CONF[@]}" >/dev/null
	createdb nrm
done
for s in shard1 shard2; do q "$s" -f test/fdw/shard.sql >/dev/null; done
q coord -v shard1_host="$RG_TMP/shard1" -v shard1_port="$P1" \
	-v shard2_host="$RG_TMP/shard2" -v shard2_port="$P2" -v shard_user=postgres \
	-f test/fdw/coordinator.sql >/dev/null
say "loading $ROWS rows (local table, then through the coordinator to the shards)"
q coord -v nrows="$ROWS" -f test/fdw/data.sql >/dev/null
for s in shard1 shard2; do q "$s" -c "VACUUM ANALYZE referral" >/dev/null; done
q coord -c "VACUUM ANALYZE referral_local" >/dev/null

# label | query over :"tbl"
QUERIES=(
	"per force|SELECT force, recording_stats(recorded, timely) FROM :\"tbl\" GROUP BY force"
	"national, two-step|SELECT rollup(s) FROM (SELECT force, recording_stats(recorded, timely) AS s FROM :\"tbl\" GROUP BY force) AS x"
	"national, one step|SELECT recording_stats(recorded, timely) FROM :\"tbl\""
	"monthly by force|SELECT force, referred_month, recording_stats(recorded, timely) FROM :\"tbl\" GROUP BY force, referred_month"
	"weekly by force (date_bin)|SELECT force, date_bin('7 days', referred_on, timestamp '2015-04-01') AS w, recording_stats(recorded) FROM :\"tbl\" GROUP BY force, w"
	"national monthly, two-step|SELECT referred_month, rollup(s) FROM (SELECT force, referred_month, recording_stats(recorded, timely) AS s FROM :\"tbl\" GROUP BY force, referred_month) AS x GROUP BY referred_month"
	"national monthly, one step|SELECT referred_month, recording_stats(recorded, timely) FROM :\"tbl\" GROUP BY referred_month"
)
# variant | table | session settings
VARIANTS=(
	"local|referral_local|"
	"on|referral|SET enable_partitionwise_aggregate = on;"
	"off|referral|SET enable_partitionwise_aggregate = off;"
)

# Rows out of the Foreign Scan nodes (rows x loops), summed.
wire_rows() { # SETTINGS TABLE SQL
	printf '%s\nEXPLAIN (ANALYZE, VERBOSE, COSTS OFF, TIMING OFF) %s;\n' "$1" "$3" \
		| q coord -At -v tbl="$2" -f - \
		| sed -n 's/.*Foreign Scan.*(actual rows=\([0-9]*\) loops=\([0-9]*\)).*/\1 \2/p' \
		| awk '{ n += $1 * $2 } END { print n + 0 }'
}

# One psql session per round: every query x variant once, in order; the
# first round is a warm-up and is discarded.
script=$(mktemp)
trap 'rm -f "$script"; rg_cleanup' EXIT
{
	echo '\o /dev/null'
	for r in $(seq 0 "$ROUNDS"); do
		for qi in "${!QUERIES[@]}"; do
			sql=${QUERIES[$qi]#*|}
			for v in "${VARIANTS[@]}"; do
				IFS='|' read -r vname tbl set <<<"$v"
				echo "$set"
				echo '\timing on'
				echo "\\set tbl $tbl"
				echo "\\echo @@ $r $qi $vname"
				echo "$sql;"
				echo '\timing off'
			done
		done
	done
} >"$script"
say "running $ROUNDS rounds (+1 warm-up)"
times=$(q coord -f "$script" 2>&1 | awk '
	/^@@ / { key = $2 " " $3 " " $4; next }
	/^Time: / { if (key != "") { print key, $2; key = "" } }')

median() { # ROUND>0 lines "r qi variant ms" -> median ms for qi variant
	printf '%s\n' "$times" | awk -v qi="$1" -v v="$2" '$1 > 0 && $2 == qi && $3 == v { print $4 }' \
		| sort -g | awk '{ a[NR] = $1 } END { if (NR == 0) print "n/a"; else if (NR % 2) print a[(NR + 1) / 2]; else printf "%.3f\n", (a[NR / 2] + a[NR / 2 + 1]) / 2 }'
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a + 0 > 0 && b + 0 > 0) printf "%.1f", a / b; else print "n/a" }'; }

echo "Sharded over postgres_fdw: coordinator + 2 shards on this machine (unix sockets),"
echo "$ROWS referrals$CAPPED, 14 forces; medians of $ROUNDS rounds (ms)."
echo "\"On\"/\"Off\": the sharded table with enable_partitionwise_aggregate on (the shards"
echo "aggregate when the query shape allows it) or off (every row crosses the wire)."
echo "Wire rows: actual rows out of the Foreign Scan nodes."
echo
echo "| Query | Local ms | On ms | On wire rows | Off ms | Off wire rows | Off / on | On / local |"
echo "|---|---|---|---|---|---|---|---|"
for qi in "${!QUERIES[@]}"; do
	label=${QUERIES[$qi]%%|*} sql=${QUERIES[$qi]#*|}
	ml=$(median "$qi" local) ms=$(median "$qi" on) mp=$(median "$qi" off)
	ws=$(wire_rows "SET enable_partitionwise_aggregate = on;" referral "$sql")
	wp=$(wire_rows "SET enable_partitionwise_aggregate = off;" referral "$sql")
	echo "| $label | $ml | $ms | $ws | $mp | $wp | $(ratio "$mp" "$ms") | $(ratio "$ms" "$ml") |"
done
