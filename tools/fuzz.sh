#!/bin/sh
# Builds every libFuzzer harness (tests/fuzz/fuzz_*.c) with clang, ASan and
# UBSan against the core/ sources, and runs each for FUZZ_SECONDS (default
# 60) from its corpus folder.  Exits non-zero on the first crash.
set -eu
cd "$(dirname "$0")/.."
BUILD=${BUILD:-build}
secs=${FUZZ_SECONDS:-60}
out="$BUILD/fuzz"
mkdir -p "$out"
cf="-std=c11 -D_GNU_SOURCE -I. -I$BUILD/gen -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined"
extra=""
# core/pinyin.c needs the generated table (make writes it into $BUILD/gen).
[ -f data/pinyin.txt ] && make -s BUILD="$BUILD" "$BUILD/gen/pinyin_table.c" >/dev/null
[ -f "$BUILD/gen/pinyin_table.c" ] && extra="$BUILD/gen/pinyin_table.c"
n=0
for f in tests/fuzz/fuzz_*.c; do
	[ -f "$f" ] || continue
	name=$(basename "$f" .c)
	# shellcheck disable=SC2046
	clang $cf -o "$out/$name" "$f" $(ls core/*.c) $extra $(pkg-config --cflags --libs pangocairo) -lcsv -lzint -lm
	corpus="$out/$name.corpus"
	mkdir -p "$corpus"
	[ -d "tests/fuzz/corpus/$name" ] && cp -n tests/fuzz/corpus/"$name"/* "$corpus"/ 2>/dev/null || true
	echo "fuzz: $name for ${secs}s"
	"$out/$name" -max_total_time="$secs" -print_final_stats=1 "$corpus" 2>"$out/$name.log" ||
		{ tail -n 60 "$out/$name.log"; echo "fuzz: $name crashed"; exit 1; }
	grep -E 'stat::number_of_executed_units|stat::peak_rss_mb' "$out/$name.log" | sed "s/^/fuzz: $name /"
	n=$((n + 1))
done
echo "fuzz: $n harness(es) ran without a crash"
