#!/bin/sh
# A 10,000-resident roster through the command line: imported in one go, the
# second run reports 0 new and 0 updated, one bad row anywhere imports
# nothing and names its line, and a kill -9 in the middle of an import
# leaves all of the file or none of it.
GEN=$(cd "$(dirname "$0")/../bench" && pwd)/gen_roster.awk
. "$(dirname "$0")/lib.sh"

export DOORSTEP_DB="$T/a.db"
expect_status 0 "$BIN" init --community 幸福里社区
awk -v n=10000 -f "$GEN" >r.csv

# One bad row at line 5001 (a wrong check digit): nothing imported.
awk -F, -v OFS=, 'NR == 5001 { c = substr($8, 18, 1); $8 = substr($8, 1, 17) (c == "0" ? "1" : "0") } { print }' r.csv >bad.csv
expect_status 1 "$BIN" import roster bad.csv
expect_grep 'bad.csv:5001: 身份证号: check digit' "$T/err"
[ "$(grep -v ': warning: ' "$T/err" | grep -c 'bad.csv:[0-9]*: ')" = 1 ] || fail "wanted exactly one bad line"
[ "$(q a.db 'SELECT count(*) FROM residents')" = 0 ] || fail "rows imported from a bad file"

expect_status 0 "$BIN" import roster r.csv
expect_grep '^households: 3334 new, 0 updated, 0 unchanged$' "$T/out"
expect_grep '^residents: 10000 new, 0 updated, 0 unchanged$' "$T/out"
[ "$(q a.db 'SELECT count(*) FROM residents WHERE pinyin <> "" AND id_rev IS NOT NULL')" = 10000 ] ||
	fail "search keys not kept"
expect_status 0 "$BIN" import roster r.csv
expect_grep '^households: 0 new, 0 updated, 3334 unchanged$' "$T/out"
expect_grep '^residents: 0 new, 0 updated, 10000 unchanged$' "$T/out"

# kill -9 at some moment of a second file's import: all or nothing.
export DOORSTEP_DB="$T/k.db"
expect_status 0 "$BIN" init --community 幸福里社区
for delay in 0.2 0.5 1; do
	"$BIN" import roster r.csv >/dev/null 2>&1 &
	pid=$!
	sleep "$delay"
	kill -9 "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	n=$(q k.db 'SELECT count(*) FROM residents')
	case "$n" in 0 | 10000) ;; *) fail "after kill -9 at ${delay}s: $n residents" ;; esac
	[ "$(q k.db 'PRAGMA integrity_check')" = ok ] || fail "integrity after kill -9"
done
finish
