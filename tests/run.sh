#!/bin/sh
# Runs every test of doorstep and closes with one line "N passed, N failed".
# Unit tests (cmocka) and screen tests are binaries under $BUILD/tests; the
# integration tests are shell scripts under tests/integration.  Each counts as
# one test; its output is kept in $BUILD/tests/log/ and shown when it fails.
# TESTS=pattern runs only the tests whose name contains pattern.
set -u
BUILD=${BUILD:-build}
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top" || exit 2
log="$BUILD/tests/log"
mkdir -p "$log"
pass=0
fail=0
failed=""

run_one() {
	name=$1
	shift
	case "$name" in *"${TESTS:-}"*) ;; *) return ;; esac
	mkdir -p "$(dirname "$log/$name.log")"
	start=$(date +%s)
	if "$@" >"$log/$name.log" 2>&1; then
		pass=$((pass + 1))
		echo "ok    $name ($(($(date +%s) - start))s)"
	else
		fail=$((fail + 1))
		failed="$failed $name"
		echo "FAIL  $name ($(($(date +%s) - start))s)"
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

[ -n "$failed" ] && echo "failed:$failed"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
