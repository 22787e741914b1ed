#!/usr/bin/env bash
# test/lib/pg_source.sh - a PostgreSQL server built from Debian's source package.
#
#   test/lib/pg_source.sh MAJOR        prints the prefix of an installed server
#
# Debian 12 packages only PostgreSQL 15.  Debian's archive also serves the
# source package postgresql-MAJOR (18 in suite sid).  This script fetches it
# with apt through a private sources list whose URI it reads from this
# machine's own Debian source, builds it with libxml (--with-libxml, for the
# pictures tests' xpath()), installs it with contrib postgres_fdw, amcheck
# and pg_prewarm and pgTAP (from Debian's pgtap source), and caches the installed tree
# outside the clone, keyed by the version and the configure options, so that
# a warm run costs seconds.
#
# The cache is $RG_PG_CACHE (default /var/cache/recording_gap/pg as root,
# ${XDG_CACHE_HOME:-$HOME/.cache}/recording_gap/pg otherwise).  Progress goes
# to stderr; the prefix alone to stdout.
set -euo pipefail
major=${1:?usage: pg_source.sh MAJOR}
if [ "$(id -u)" = 0 ]; then
	cache=${RG_PG_CACHE:-/var/cache/recording_gap/pg}
else
	cache=${RG_PG_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/recording_gap/pg}
fi
suite=${RG_PG_SUITE:-sid}
configure_opts=(--with-libxml --with-icu --with-readline --with-zlib --without-llvm)
say() { echo "pg_source: $*" >&2; }

mkdir -p "$cache"
apt_dir="$cache/apt-$suite"

# The machine's own Debian archive URI: the first deb822 "URIs:" of a source
# whose suites are the release itself (not -security), or the first plain
# "deb" line.
debian_uri() {
	local f
	for f in /etc/apt/sources.list.d/*.sources; do
		[ -f "$f" ] || continue
		awk '
			/^[[:space:]]*$/ { if (uri != "" && suites !~ /security/ && !done) { print uri; done = 1 } uri = ""; suites = ""; next }
			/^URIs:/ { uri = $2 }
			/^Suites:/ { suites = $0 }
			END { if (uri != "" && suites !~ /security/ && !done) print uri }
		' "$f" | head -1
	done | head -1
	for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
		[ -f "$f" ] || continue
		awk '$1 == "deb" && $0 !~ /security/ { for (i = 2; i <= NF; i++) if ($i ~ /^[a-z]+:\/\//) { print $i; exit } }' "$f"
	done | head -1
}

# This machine's Debian release codename (bookworm on Debian 12).
release() {
	. /etc/os-release
	echo "${VERSION_CODENAME:?no VERSION_CODENAME in /etc/os-release}"
}

apt_opts() {
	echo -o Dir::Etc::SourceList="$apt_dir/sources.list" -o Dir::Etc::SourceParts="$apt_dir/parts" \
		-o Dir::State::Lists="$apt_dir/lists" -o Dir::State::Status="$apt_dir/status"
}
apt_private() {
	apt-get -q -o Dir::Etc::SourceList="$apt_dir/sources.list" \
		-o Dir::Etc::SourceParts="$apt_dir/parts" \
		-o Dir::State::Lists="$apt_dir/lists" \
		-o Dir::Cache::Archives="$apt_dir/archives" \
		-o Dir::State::Status="$apt_dir/status" \
		-o APT::Sandbox::User=root "$@"
}

refresh_lists() {
	local uri
	uri=$(debian_uri)
	[ -n "$uri" ] || { say "no Debian source found in /etc/apt"; exit 1; }
	mkdir -p "$apt_dir/parts" "$apt_dir/lists/partial" "$apt_dir/archives/partial"
	touch "$apt_dir/status"
	{
		echo "deb-src [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $uri $suite main"
		# pgTAP's source from this machine's own release
		echo "deb-src [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $uri $(release) main"
	} >"$apt_dir/sources.list"
	say "reading the $suite source index"
	apt_private update >&2
}

# The version the archive serves now (cached lists are refreshed once a day).
if [ ! -d "$apt_dir/lists" ] || [ -n "$(find "$apt_dir/lists" -maxdepth 0 -mmin +1440 2>/dev/null)" ] \
	|| ! ls "$apt_dir/lists/"*Sources* >/dev/null 2>&1; then
	refresh_lists
fi
src_version() {
	# shellcheck disable=SC2046
	apt-cache $(apt_opts) showsrc "$1" 2>/dev/null | awk '/^Version:/ && v == "" { v = $2 } END { print v }'
}
version=$(src_version "postgresql-$major")
[ -n "$version" ] || { refresh_lists; version=$(src_version "postgresql-$major"); }
[ -n "$version" ] || { say "the archive serves no source package postgresql-$major"; exit 1; }
upstream=${version#*:}; upstream=${upstream%-*}
key=$(printf '%s\n' "$upstream" "${configure_opts[@]}" "pgtap" | sha256sum | cut -c1-12)
prefix="$cache/$upstream-$key"
# contrib modules the suites use: postgres_fdw (80-fdw), amcheck
# (94-upgrade), pg_prewarm (70-bench-quick).  A module added to this list
# later is built into an already cached server (below), not by a rebuild.
contrib=(postgres_fdw amcheck pg_prewarm)
missing_contrib() {
	local c
	[ -x "$prefix/bin/pg_config" ] || { echo "${contrib[*]}"; return; }
	for c in "${contrib[@]}"; do
		[ -f "$("$prefix/bin/pg_config" --sharedir)/extension/$c.control" ] || echo "$c"
	done
}
if [ -f "$prefix/.complete" ] && [ -z "$(missing_contrib)" ]; then
	echo "$prefix"
	exit 0
fi

work=$(mktemp -d "$cache/build.XXXXXX")
trap 'rm -rf "$work"' EXIT
# the source package's upstream tarball, unpacked in $work/src
fetch_source() {
	[ -d "$work/src" ] && return 0
	( cd "$work" && apt_private source --download-only "postgresql-$major=$version" >&2 )
	tarball=$(ls "$work"/postgresql-"$major"_"$upstream".orig.tar.* | head -1)
	mkdir "$work/src"
	tar -xf "$tarball" -C "$work/src" --strip-components=1
}
if [ ! -f "$prefix/.server" ]; then
say "building PostgreSQL $upstream into $prefix (a few minutes, once)"
for p in bison flex libxml2-dev libicu-dev libreadline-dev zlib1g-dev pkg-config dpkg-dev; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="${missing:-} $p"
done
if [ -n "${missing:-}" ]; then
	[ "$(id -u)" = 0 ] || { say "missing build packages:$missing (install them as root)"; exit 1; }
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >&2
fi
fetch_source
(
	cd "$work/src"
	./configure --prefix="$prefix" "${configure_opts[@]}" >"$work/configure.log" 2>&1 \
		|| { tail -30 "$work/configure.log" >&2; exit 1; }
	make -s -j"$(nproc)" >"$work/make.log" 2>&1 || { tail -40 "$work/make.log" >&2; exit 1; }
	make -s install >>"$work/make.log" 2>&1
	for c in "${contrib[@]}"; do make -s -C "contrib/$c" install >>"$work/make.log" 2>&1; done
) || { say "build failed"; exit 1; }
touch "$prefix/.server"
fi

# a cached server built before a contrib module joined the list: build the
# module against it (PGXS), from the same source
need=$(missing_contrib | tr "\n" " ")
if [ -n "$need" ]; then
	say "adding contrib module(s) $need to $prefix"
	fetch_source
	for c in $need; do
		make -s -C "$work/src/contrib/$c" USE_PGXS=1 PG_CONFIG="$prefix/bin/pg_config" install >>"$work/contrib.log" 2>&1 \
			|| { tail -30 "$work/contrib.log" >&2; say "contrib $c failed"; exit 1; }
	done
fi
if [ -f "$prefix/.complete" ]; then
	chmod -R a+rX "$prefix"
	echo "$prefix"
	exit 0
fi

# pgTAP for this server, from Debian's pgtap source: the upstream tarball
# (apt checks its hash against the signed index; the archive may no longer
# serve the .dsc, which apt-get source then reports as an error), built with
# this server's pg_config.  pgTAP is plain SQL: if no tarball can be had, the
# files of this machine's packaged pgTAP (postgresql-15-pgtap) are copied.
( cd "$work" && { apt_private source --download-only pgtap >&2 || true; } )
ptar=$(ls "$work"/pgtap_*.orig.tar.* 2>/dev/null | head -1)
if [ -n "$ptar" ]; then
	mkdir "$work/pgtap"
	tar -xf "$ptar" -C "$work/pgtap" --strip-components=1
	make -s -C "$work/pgtap" PG_CONFIG="$prefix/bin/pg_config" >"$work/pgtap.log" 2>&1 \
		&& make -s -C "$work/pgtap" PG_CONFIG="$prefix/bin/pg_config" install >>"$work/pgtap.log" 2>&1 \
		|| { tail -30 "$work/pgtap.log" >&2; say "pgTAP build failed"; exit 1; }
else
	src=$(ls -d /usr/share/postgresql/*/extension 2>/dev/null | sort -V | tail -1)
	ls "$src"/pgtap* >/dev/null 2>&1 || { say "no pgTAP source or package to install"; exit 1; }
	say "pgTAP: no source tarball served; copying $src/pgtap*"
	cp "$src"/pgtap* "$prefix/share/extension/"
fi
# the clusters run as postgres: it must be able to read the tree
chmod -R a+rX "$prefix"
touch "$prefix/.complete"
say "PostgreSQL $upstream installed in $prefix"
echo "$prefix"
