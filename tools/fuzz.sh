#!/bin/sh
# Builds every libFuzzer harness (tests/fuzz/fuzz_*.c) with clang, ASan and
# UBSan against the library of core/ and db/ (built once by the Makefile
# into $BUILD/fuzz/lib with the same sanitizers, so a harness may open an
# SQLite database), and runs each for FUZZ_SECONDS (default 60) from a copy
# of its seed corpus (tests/fuzz/corpus/<harness>/).  FUZZ_ONLY=pattern runs
# the harnesses whose name contains pattern.  Exits non-zero on the first
# crash, with libFuzzer's report; the reproducer is left in $BUILD/fuzz/.
set -eu
cd "$(dirname "$0")/.."
BUILD=${BUILD:-build}
secs=${FUZZ_SECONDS:-60}
out="$BUILD/fuzz"
lib="$out/lib"
mkdir -p "$out"
san="-fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer"
echo "fuzz: building the library in $lib"
make -s --no-print-directory -j2 BUILD="$lib" CC=clang CFLAGS="-g -O1 -fsanitize=fuzzer-no-link" \
	SANITIZE=1 "$lib/libdoorstep.a" >"$out/lib.log" 2>&1 || { cat "$out/lib.log"; exit 1; }
cflags=$(make -s --no-print-directory print-cflags)
libs=$(make -s --no-print-directory print-libs)
cf="-std=c11 -D_GNU_SOURCE -I. -I$lib/gen -g -O1 -fsanitize=fuzzer $san"
n=0
for f in tests/fuzz/fuzz_*.c; do
	[ -f "$f" ] || continue
	name=$(basename "$f" .c)
	case "$name" in *"${FUZZ_ONLY:-}"*) ;; *) continue ;; esac
	# shellcheck disable=SC2086
	clang $cf $cflags -o "$out/$name" "$f" "$lib/libdoorstep.a" $libs
	corpus="$out/$name.corpus"
	mkdir -p "$corpus"
	[ -d "tests/fuzz/corpus/$name" ] && cp -n tests/fuzz/corpus/"$name"/* "$corpus"/ 2>/dev/null || true
	echo "fuzz: $name for ${secs}s"
	"$out/$name" -max_total_time="$secs" -print_final_stats=1 -artifact_prefix="$out/" "$corpus" \
		2>"$out/$name.log" ||
		{ tail -n 60 "$out/$name.log"; echo "fuzz: $name crashed (reproducer in $out)"; exit 1; }
	grep -E 'stat::number_of_executed_units|stat::peak_rss_mb' "$out/$name.log" | sed "s/^/fuzz: $name /"
	n=$((n + 1))
done
echo "fuzz: $n harness(es) ran without a crash"
