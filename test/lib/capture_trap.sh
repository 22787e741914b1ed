# test/lib/capture_trap.sh - build the capture trap for test/suites/87-capture.
# Source it from bash.
#
#   rg_trap_supported        0 on x86_64 (the stubs are x86_64 assembly);
#                            otherwise sets RG_TRAP_REASON
#   rg_trap_build DIR        writes into DIR:
#     names.txt              every FUNC symbol that libRmath, libgsl and
#                            libgslcblas define in .dynsym, less the names
#                            libc.so.6 and libm.so.6 define (the server must
#                            keep working)
#     rmath_plt.txt          the functions libRmath calls through its own
#                            PLT, less libc's and libm's
#     stubs.S                one stub per name: 0.123456 in xmm0, 7 in eax
#     rg_trap_plain.so       the stubs alone
#     rg_capture_trap.so     server module: stubs + capture_trap.c
#     rg_capture_trap_linked.so  the same, also linking libRmath and libgsl
#                            (DT_NEEDED), which are then loaded, and bound to
#                            the stubs, before the extension
#     rg_capture_trap_cblas.so   the same, linking libgslcblas alone
#     trap_direct, trap_dlopen, trap_handler   the programs of capture_trap.c
#   Returns non-zero with RG_TRAP_REASON set when something failed.
#
# Only pg_config from PATH is used to find the server's headers.

RG_TRAP_CC=${CC:-cc}

rg_trap_supported() {
	case "$(uname -m)" in
		x86_64) return 0 ;;
		*) RG_TRAP_REASON="the trap's stubs are x86_64 assembly; this machine is $(uname -m)"; return 1 ;;
	esac
}

# the real file behind a library name the compiler would link
rg_trap_lib() {
	local p
	p=$($RG_TRAP_CC -print-file-name="$1")
	[ -e "$p" ] || return 1
	readlink -f "$p"
}

# defined dynamic symbols (FUNC only when $2 = func), names without versions
rg_trap_defined() {
	readelf -W --dyn-syms "$1" | awk -v only="$2" '
		$7 != "UND" && $8 != "" && ($5 == "GLOBAL" || $5 == "WEAK") &&
		(only != "func" || $4 == "FUNC") { sub(/@.*/, "", $8); print $8 }' | sort -u
}

rg_trap_soname() {
	objdump -p "$1" | awk '$1 == "SONAME" { print $2 }'
}

rg_trap_build() {
	local dir=$1 rmath gsl cblas libc libm inc
	RG_TRAP_REASON=
	rmath=$(rg_trap_lib libRmath.so) || { RG_TRAP_REASON="libRmath.so not found (r-mathlib)"; return 1; }
	gsl=$(rg_trap_lib libgsl.so) || { RG_TRAP_REASON="libgsl.so not found (libgsl-dev)"; return 1; }
	cblas=$(rg_trap_lib libgslcblas.so) || { RG_TRAP_REASON="libgslcblas.so not found (libgsl-dev)"; return 1; }
	libc=$(rg_trap_lib libc.so.6) || { RG_TRAP_REASON="libc.so.6 not found"; return 1; }
	libm=$(rg_trap_lib libm.so.6) || { RG_TRAP_REASON="libm.so.6 not found"; return 1; }
	inc=$(pg_config --includedir-server) || { RG_TRAP_REASON="pg_config failed"; return 1; }
	RG_TRAP_RMATH_SONAME=$(rg_trap_soname "$rmath")
	RG_TRAP_RMATH_SONAME=${RG_TRAP_RMATH_SONAME:-$rmath}

	{ rg_trap_defined "$libc" any; rg_trap_defined "$libm" any; } | sort -u >"$dir/system.txt"
	{ rg_trap_defined "$rmath" func; rg_trap_defined "$gsl" func; rg_trap_defined "$cblas" func; } \
		| sort -u | comm -23 - "$dir/system.txt" >"$dir/names.txt"
	readelf -W -r "$rmath" | awk '$3 ~ /JUMP_SLOT/ { sub(/@.*/, "", $5); print $5 }' | sort -u \
		| comm -23 - "$dir/system.txt" >"$dir/rmath_plt.txt"
	[ -s "$dir/names.txt" ] || { RG_TRAP_REASON="no symbols read from the math libraries (readelf)"; return 1; }

	{
		echo '	.section .rodata'
		echo '	.p2align 3'
		echo 'rg_trap_wrong:'
		echo '	.double 0.123456'
		echo '	.text'
		local n
		while read -r n; do
			printf '\t.globl %s\n\t.type %s, @function\n%s:\n' "$n" "$n" "$n"
			printf '\tmovsd rg_trap_wrong(%%rip), %%xmm0\n\tmov $7, %%eax\n\tret\n'
			printf '\t.size %s, .-%s\n' "$n" "$n"
		done <"$dir/names.txt"
		echo '	.section .note.GNU-stack,"",@progbits'
	} >"$dir/stubs.S"

	local src=$RG_ROOT/test/lib/capture_trap.c def="-DRG_TRAP_RMATH=\"$RG_TRAP_RMATH_SONAME\""
	local log=$dir/build.log
	{
		$RG_TRAP_CC -c -fPIC -o "$dir/stubs.o" "$dir/stubs.S" &&
		$RG_TRAP_CC -shared -o "$dir/rg_trap_plain.so" "$dir/stubs.o" &&
		$RG_TRAP_CC -c -fPIC -O2 -DRG_TRAP_MODULE "$def" -I"$inc" -o "$dir/module.o" "$src" &&
		$RG_TRAP_CC -shared -o "$dir/rg_capture_trap.so" "$dir/stubs.o" "$dir/module.o" -ldl &&
		$RG_TRAP_CC -shared -o "$dir/rg_capture_trap_linked.so" "$dir/stubs.o" "$dir/module.o" \
			-Wl,--no-as-needed -lRmath -lgsl -lgslcblas -ldl &&
		$RG_TRAP_CC -shared -o "$dir/rg_capture_trap_cblas.so" "$dir/stubs.o" "$dir/module.o" \
			-Wl,--no-as-needed -lgslcblas -ldl &&
		$RG_TRAP_CC -O2 -DRG_TRAP_DIRECT -o "$dir/trap_direct" "$src" -Wl,--no-as-needed -lRmath &&
		$RG_TRAP_CC -O2 -DRG_TRAP_DLOPEN "$def" -o "$dir/trap_dlopen" "$src" -ldl &&
		$RG_TRAP_CC -O2 -DRG_TRAP_HANDLER -I"$RG_ROOT/src" \
			-DRG_RMATH_SONAME="\"$RG_TRAP_RMATH_SONAME\"" -DRG_GSL_SONAME="\"$(rg_trap_soname "$gsl")\"" \
			-DRG_GSLCBLAS_SONAME="\"$(rg_trap_soname "$cblas")\"" \
			-o "$dir/trap_handler" "$src" "$RG_ROOT/src/core/mathlib.c" -ldl
	} >"$log" 2>&1 || { cat "$log"; RG_TRAP_REASON="the trap did not build (see above)"; return 1; }
	return 0
}
