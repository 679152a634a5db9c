#!/bin/sh
# Runs every test of doorstep and closes with one line
# "N passed, N failed, N skipped".
# Unit tests (cmocka) and screen tests are binaries under $BUILD/tests; the
# integration tests are shell scripts under tests/integration.  Each counts as
# one test; its output is kept in $BUILD/tests/log/ and shown when it fails.
# A test that cannot run here (no valgrind, not root ...) exits 77 after a
# line "SKIP: why" and counts as skipped; one that ran but left a part out
# prints "SKIP: why" (cmocka's skip() counts too) and passes, and is listed
# as partly skipped.  Every skip is listed above the closing line, and
# written to $BUILD/tests/skipped ("name<TAB>why" per line) for CI.
# TESTS=pattern runs only the tests whose name contains pattern.
set -u
BUILD=${BUILD:-build}
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top" || exit 2
log="$BUILD/tests/log"
mkdir -p "$log"
skipfile="$BUILD/tests/skipped"
: >"$skipfile"
pass=0
fail=0
skip=0
failed=""

# why LOG: the reasons a test gave for skipping, on one line.
why() {
	grep -E '^SKIP: |\[  SKIPPED \]' "$1" | sed 's/^SKIP: //; s/^\[  SKIPPED \] */cmocka skipped: /' |
		grep -v '^cmocka skipped: [0-9]* test' | awk '!seen[$0]++' | paste -sd ';' - | sed 's/;/; /g'
}

run_one() {
	name=$1
	shift
	case "$name" in *"${TESTS:-}"*) ;; *) return ;; esac
	mkdir -p "$(dirname "$log/$name.log")"
	start=$(date +%s)
	"$@" >"$log/$name.log" 2>&1
	rc=$?
	secs=$(($(date +%s) - start))
	if [ "$rc" -eq 0 ] && [ -z "$(why "$log/$name.log")" ]; then
		pass=$((pass + 1))
		echo "ok    $name (${secs}s)"
	elif [ "$rc" -eq 0 ]; then
		pass=$((pass + 1))
		printf '%s\tpartly: %s\n' "$name" "$(why "$log/$name.log")" >>"$skipfile"
		echo "ok    $name (${secs}s, partly skipped: $(why "$log/$name.log"))"
	elif [ "$rc" -eq 77 ]; then
		skip=$((skip + 1))
		printf '%s\t%s\n' "$name" "$(why "$log/$name.log")" >>"$skipfile"
		echo "SKIP  $name (${secs}s): $(why "$log/$name.log")"
	else
		fail=$((fail + 1))
		failed="$failed $name"
		echo "FAIL  $name (${secs}s)"
		tail -n 40 "$log/$name.log" | sed 's/^/      /'
	fi
}

export LC_ALL=C.UTF-8
export DOORSTEP_BIN="$top/$BUILD/doorstep"
export DOORSTEP_BUILD="$top/$BUILD"
for t in "$BUILD"/tests/unit/test_*; do
	[ -x "$t" ] || continue
	run_one "unit/$(basename "$t")" "$t"
done
for t in tests/integration/test_*.sh; do
	[ -f "$t" ] || continue
	run_one "integration/$(basename "$t" .sh)" sh "$t"
done
for t in "$BUILD"/tests/screen/test_*; do
	[ -x "$t" ] || continue
	run_one "screen/$(basename "$t")" "$t"
done

if [ -s "$skipfile" ]; then
	echo "skipped:"
	sed 's/^/  /; s/\t/: /' "$skipfile"
fi
[ -n "$failed" ] && echo "failed:$failed"
echo "$pass passed, $fail failed, $skip skipped"
[ "$fail" -eq 0 ]
