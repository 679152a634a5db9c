#!/bin/sh
# Times `doorstep import roster` of N residents (default 100,000) against the
# sqlite3 shell's unvalidated `.import --csv` of the same file into a
# pre-created table, and prints the ratio of CPU times (user + system, which
# a loaded machine disturbs less than wall time).  Two baselines: a bare
# table with the file's columns, and the same table with the unique keys and
# indexes doorstep keeps (uuid, ID number, household, name, pinyin, ID and
# phone tails).  Usage: tests/bench/bench_import.sh [N] (after make).
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
BIN=${DOORSTEP_BIN:-$top/build/doorstep}
n=${1:-100000}
d=$(mktemp -d /tmp/doorstep-bench-XXXXXX)
trap 'rm -rf "$d"' EXIT
cd "$d"
export DOORSTEP_NOW="2020-02-15 09:30:00" DOORSTEP_DB="$d/a.db"
awk -v n="$n" -f "$top/tests/bench/gen_roster.awk" >r.csv

cpu() { # prints the user+sys seconds of the command
	/usr/bin/time -f "%U %S %e" -o t "$@" >/dev/null 2>&1
	awk '{ printf "%.2f %.2f\n", $1 + $2, $3 }' t
}
cols="code TEXT, compound TEXT, building TEXT, unit TEXT, room TEXT, name TEXT, sex TEXT,
	id_number TEXT, phone TEXT, relation TEXT, notes TEXT"
sqlite3 bare.db "CREATE TABLE roster($cols)"
set -- $(cpu sqlite3 bare.db ".import --csv --skip 1 r.csv roster")
bare=$1
sqlite3 idx.db "CREATE TABLE roster(id INTEGER PRIMARY KEY, uuid TEXT UNIQUE DEFAULT (lower(hex(randomblob(16)))), $cols);
	CREATE UNIQUE INDEX r_idn ON roster(id_number); CREATE INDEX r_code ON roster(code);
	CREATE INDEX r_name ON roster(name); CREATE INDEX r_phone ON roster(phone);
	CREATE TEMP TABLE src($cols)"
set -- $(cpu sqlite3 idx.db ".import --csv --skip 1 r.csv src" \
	"INSERT INTO roster($(echo "$cols" | sed 's/ TEXT//g')) SELECT * FROM src")
idx=$1
"$BIN" init --community bench >/dev/null
set -- $(cpu "$BIN" import roster r.csv)
ours=$1 wall=$2
[ "$(sqlite3 a.db 'SELECT count(*) FROM residents')" = "$n" ] || { echo "import failed"; exit 1; }
set -- $(cpu "$BIN" import roster r.csv)
again=$1
echo "rows: $n"
echo "sqlite3 .import, bare table:    ${bare}s CPU"
echo "sqlite3 .import, indexed table: ${idx}s CPU"
echo "doorstep import roster:         ${ours}s CPU (${wall}s wall)"
echo "doorstep import, same file:     ${again}s CPU"
awk -v a="$ours" -v b="$bare" -v c="$idx" 'BEGIN {
	printf "ratio to bare .import:    %.1f\nratio to indexed .import: %.1f\n", a / b, a / c }'
