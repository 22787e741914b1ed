# test/lib/cluster.sh - throwaway PostgreSQL clusters for the test suites.
# Source it from bash.  Each cluster lives in a private directory, listens on
# a unix socket in that directory only (no TCP), and is removed by
# rg_cleanup (installed as an EXIT trap by rg_init).
#
#   rg_init                      create $RG_TMP and the EXIT trap
#   rg_cluster_start NAME PORT [postgresql.conf lines...]
#                                initdb + start; sets PGHOST/PGPORT/PGUSER
#   rg_use NAME                  point PGHOST/PGPORT at a started cluster
#   rg_cluster_stop NAME [MODE]  stop (MODE: fast | immediate)
#   rg_cluster_restart NAME      start a stopped cluster again
#   rg_log NAME                  path of the server log
#   rg_as_pg CMD...              run CMD as the cluster owner
#   rg_result PASS FAIL [SKIP [OPTIONAL]]
#                                the closing line test/run parses
#   rg_regress_counts LOG        "PASS FAIL" of a pg_regress log (15 and 16+)
#
# RG_PG_MAJOR is the major version of the server under test (15, 18, ...),
# and RG_PARALLEL_GUC the name of its setting that forces parallel plans
# (force_parallel_mode up to 15, debug_parallel_query from 16).
#
# Every cluster lives under /tmp/recording_gap_test.* (under
# /tmp/recording_gap_test.$RG_RUN.* when test/run sets RG_RUN), so that
# test/run can find a server that outlived its suite.  Start clusters in the
# suite's own shell, never inside $(...) or a pipeline: rg_cluster_start
# records the cluster in RG_CLUSTERS, which a subshell would lose, and
# rg_cleanup would then not stop it.

PGBIN=${PGBIN:-$(pg_config --bindir)}
RG_PG_MAJOR=${RG_PG_MAJOR:-$(pg_config --version | sed -E 's/^PostgreSQL ([0-9]+).*/\1/')}
if [ "$RG_PG_MAJOR" -ge 16 ]; then RG_PARALLEL_GUC=debug_parallel_query; else RG_PARALLEL_GUC=force_parallel_mode; fi
export RG_PG_MAJOR RG_PARALLEL_GUC

rg_as_pg() {
	if [ "$(id -u)" = 0 ]; then
		runuser -u postgres -- "$@"
	else
		"$@"
	fi
}

rg_init() {
	RG_TMP=$(mktemp -d "/tmp/recording_gap_test.${RG_RUN:+$RG_RUN.}XXXXXX")
	chmod 755 "$RG_TMP"
	[ "$(id -u)" = 0 ] && chown postgres: "$RG_TMP"
	RG_CLUSTERS=()
	trap rg_cleanup EXIT
	export RG_TMP
}

rg_cleanup() {
	local name
	for name in "${RG_CLUSTERS[@]}"; do
		rg_as_pg "$PGBIN/pg_ctl" -D "$RG_TMP/$name/data" -m immediate stop >/dev/null 2>&1 || true
	done
	[ -n "${RG_KEEP:-}" ] || rm -rf "$RG_TMP"
}

rg_log() { echo "$RG_TMP/$1/server.log"; }

rg_use() {
	export PGHOST="$RG_TMP/$1" PGPORT=$(cat "$RG_TMP/$1/port") PGUSER=postgres PGDATABASE=${PGDATABASE:-postgres}
}

rg_cluster_start() {
	local name=$1 port=$2
	shift 2
	local dir="$RG_TMP/$name"
	rg_as_pg mkdir -p "$dir"
	echo "$port" | rg_as_pg tee "$dir/port" >/dev/null
	rg_as_pg "$PGBIN/initdb" -D "$dir/data" -U postgres -A trust --no-sync -E UTF8 --locale=C.UTF-8 >"$dir.initdb.log" 2>&1 \
		|| { cat "$dir.initdb.log"; return 1; }
	{
		echo "listen_addresses = ''"
		echo "unix_socket_directories = '$dir'"
		echo "port = $port"
		echo "fsync = off"
		echo "max_worker_processes = 16"
		echo "max_parallel_workers = 8"
		echo "shared_preload_libraries = ''"
		echo "lc_messages = 'C'"
		local line
		for line in "$@"; do echo "$line"; done
	} | rg_as_pg tee -a "$dir/data/postgresql.conf" >/dev/null
	RG_CLUSTERS+=("$name")
	rg_as_pg "$PGBIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start >/dev/null \
		|| { cat "$dir/server.log"; return 1; }
	rg_use "$name"
}

rg_cluster_stop() {
	rg_as_pg "$PGBIN/pg_ctl" -D "$RG_TMP/$1/data" -m "${2:-fast}" -w stop >/dev/null
}

rg_cluster_restart() {
	rg_as_pg "$PGBIN/pg_ctl" -D "$RG_TMP/$1/data" -l "$RG_TMP/$1/server.log" -w -t 60 start >/dev/null
}

# A port not in use by anything listening on this machine, from a base.
rg_free_port() {
	local p=${1:-55432}
	while [ -e "/tmp/.s.PGSQL.$p" ] || ss -ltn 2>/dev/null | grep -q ":$p "; do p=$((p + 1)); done
	echo "$p"
}

# Print the suite's closing line, parsed by test/run:
#   RESULT: P passed, F failed, S skipped (O optional)
# S counts every check that did not run; O of them are declared optional
# (each with its reason, printed where it was skipped).  Under CI=true,
# test/run counts the S - O others as failed.
rg_result() {
	local s=${3:-0} o=${4:-0} opt=
	[ "$o" != 0 ] && opt=" ($o optional)"
	echo "RESULT: $1 passed, $2 failed, $s skipped$opt"
}

# pg_regress's per-test lines: "test name ... ok" up to 15,
# "ok N - name" / "not ok N - name" from 16.  Prints "PASS FAIL".
rg_regress_counts() {
	local p f
	p=$(grep -cE '\.\.\. ok |^ok [0-9]+ +[-+] ' "$1")
	f=$(grep -cE '\.\.\. (FAILED|failed)|^not ok [0-9]+ +[-+] ' "$1")
	echo "$p $f"
}
