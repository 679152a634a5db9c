# Shared helpers of the integration tests (POSIX sh).  Source it first; it
# makes a private folder $T, removed on exit, and fixes "now".
set -u
BIN=${DOORSTEP_BIN:?DOORSTEP_BIN is set by tests/run.sh}
T=$(mktemp -d /tmp/doorstep-it-XXXXXX)
trap 'rm -rf "$T"' EXIT
export DOORSTEP_NOW="2020-02-15 09:30:00"
export DOORSTEP_STAFF="测试员"
export HOME="$T/home"
mkdir -p "$HOME" # a user has a home folder: the default output folder
unset DOORSTEP_DB XDG_DATA_HOME
cd "$T" || exit 1
failures=0

fail() {
	echo "FAIL: $*"
	failures=$((failures + 1))
}

# expect_status WANT CMD...: runs CMD, saving stdout/stderr in $T/out, $T/err.
expect_status() {
	want=$1
	shift
	"$@" >"$T/out" 2>"$T/err"
	got=$?
	if [ "$got" -ne "$want" ]; then
		fail "exit $got (wanted $want): $*"
		sed 's/^/  stdout: /' "$T/out" | head -20
		sed 's/^/  stderr: /' "$T/err" | head -20
		return 1
	fi
	return 0
}

# expect_grep PATTERN FILE: FILE has a line matching PATTERN.
expect_grep() {
	grep -q -e "$1" "$2" || { fail "no \"$1\" in $(basename "$2"):"; sed 's/^/  /' "$2" | head -20; }
}

q() {
	sqlite3 "$1" "$2"
}

# skip WHY: this test cannot run here; tests/run.sh counts it as skipped.
skip() {
	echo "SKIP: $1"
	exit 77
}

# skip_part WHY: a part of this test cannot run here; the rest still runs and
# tests/run.sh lists the test as partly skipped.
skip_part() {
	echo "SKIP: $1"
}

finish() {
	if [ "$failures" -gt 0 ]; then
		echo "$failures failure(s)"
		exit 1
	fi
	echo "all passed"
	exit 0
}
