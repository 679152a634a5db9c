#!/bin/sh
# make bench: the goals of issue 21, each against its reference measured in
# the same run, one table on standard output and in build/bench.txt
# (docs/performance.md).
#
# Builds with -O2 in its own tree (BENCH_BUILD, default build-bench), makes
# the demo communities once (cached in BENCH_BUILD/bench/, keyed by the demo
# parameters and the sources that decide what the demo writes), then measures
# every row BENCH_RUNS times (default 3; the rounds sheet always 5, merge and
# init --from once: their figure is peak memory), each run of doorstep
# followed by its reference, and reports medians.  Times and peak memory come
# from /usr/bin/time; ratios are of CPU time (user + system), which other
# programs on a busy machine disturb less than wall time (both are shown).
#
#	BENCH_HOUSEHOLDS=40000 BENCH_DAYS=60	the large community
#	BENCH_RUNS=3				runs per row
#	BENCH_ROWS=import,start,...		only these rows (import, start,
#						merge, check, filter, sheet)
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
B=${BENCH_BUILD:-build-bench}
RUNS=${BENCH_RUNS:-3}
HH=${BENCH_HOUSEHOLDS:-40000}
DAYS=${BENCH_DAYS:-60}
ROWS=${BENCH_ROWS:-import,start,merge,check,filter,sheet}
# The references of the first screen and of merge's memory.
TINY=${BENCH_TINY:-500}
SMALL=${BENCH_SMALL:-5000}
export DOORSTEP_NOW="2020-02-15 09:30:00" LC_ALL=C.UTF-8
unset DOORSTEP_DB DOORSTEP_STAFF 2>/dev/null || true

command -v sqlite3 >/dev/null || { echo "bench: needs the sqlite3 shell" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "bench: needs /usr/bin/time (Debian package time)" >&2; exit 1; }

work=$(mktemp -d "${TMPDIR:-/tmp}/doorstep-bench-XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM
echo "bench: building with -O2 in $B" >&2
make -s BUILD="$B" CFLAGS=-O2 all "$B/tests/bench/bench_filter" "$B/tests/bench/bench_tui" \
	"$B/tests/bench/bench_queue" \
	>"$work/build.log" 2>&1 || { cat "$work/build.log" >&2; exit 1; }
BIN=$top/$B/doorstep
export DOORSTEP_BIN="$BIN"
cache=$top/$B/bench
mkdir -p "$cache" build
want() { case ",$ROWS," in *",$1,"*) return 0 ;; esac; return 1; }

# --- the communities ------------------------------------------------------
# A cached database is reused while the generator, the schema, the terms
# its search index is filed under and the parameters are the same.
key=$(cat core/demo.c db/demo.c db/schema.c core/searchkey.c db/search.c | md5sum | cut -c1-10)
# Communities of an older generator are 2 GB each: gone.
find "$cache" -name 'demo-*.db' ! -name "*-$key.db" -delete
community() { # households days -> prints the cached database's path
	f="$cache/demo-$1x$2-$key.db"
	if [ ! -f "$f" ]; then
		echo "bench: generating demo --households $1 --days $2 (once; cached)" >&2
		rm -f "$f.tmp" "$f.tmp-wal" "$f.tmp-shm" "$f.tmp-journal"
		DOORSTEP_DB="$f.tmp" "$BIN" demo --households "$1" --days "$2" >&2
		DOORSTEP_DB="$f.tmp" "$BIN" check >/dev/null
		sqlite3 "$f.tmp" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
		mv "$f.tmp" "$f"
		rm -f "$f.tmp-wal" "$f.tmp-shm"
	fi
	echo "$f"
}
# A private copy, so that nothing a run writes (search keys, settings) can
# change the cached file.
copy() { cp "$1" "$work/$2" && echo "$work/$2"; }

# --- measuring ------------------------------------------------------------
# timed NAME cmd...: runs cmd (output to /dev/null unless redirected inside),
# appends "wall cpu rss_kb" to $work/NAME.t.
timed() {
	tn=$1
	shift
	/usr/bin/time -f "%e %U %S %M" -o "$work/time.out" "$@" >/dev/null 2>"$work/$tn.err" ||
		{ echo "bench: $tn failed:" >&2; cat "$work/$tn.err" >&2; exit 1; }
	awk '{ printf "%.3f %.3f %d\n", $1, $2 + $3, $4 }' "$work/time.out" >>"$work/$tn.t"
}
# med NAME FIELD: the median of field (1 wall, 2 cpu, 3 rss) of NAME's runs.
med() {
	awk -v f="$2" '{ print $f }' "$work/$1.t" | sort -g |
		awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }
le() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a <= b) }'; }
verdict() { if le "$1" "$2"; then echo "met"; else echo "**missed**"; fi; }
mb() { awk -v k="$1" 'BEGIN { printf "%.0f MB", k / 1024 }'; }
thousands() { printf "%s" "$1" | sed ':a;s/\B[0-9]\{3\}\>/,&/;ta'; }
run_desc() { printf "%ss CPU (%ss wall), %s" "$(med "$1" 2)" "$(med "$1" 1)" "$(mb "$(med "$1" 3)")"; }

table="$work/table"
: >"$table"
row() { printf '| %s | %s | %s | %s | %s | %s |\n' "$@" >>"$table"; }



# --- import: 100,000 residents into an empty database -----------------------
if want import; then
	n=${BENCH_IMPORT_ROWS:-100000}
	awk -v n="$n" -f tests/bench/gen_roster.awk >"$work/r.csv"
	cols="code TEXT, compound TEXT, building TEXT, unit TEXT, room TEXT, name TEXT, sex TEXT,
		id_number TEXT, phone TEXT, relation TEXT, notes TEXT"
	now="'$DOORSTEP_NOW'"
	# The same rows into doorstep's own households and residents tables
	# (every index, CHECK, foreign key and trigger of the schema), as
	# unvalidated SQL: the codes the import would store, random UUIDs.
	own_sql="PRAGMA foreign_keys = ON; BEGIN;
	INSERT INTO households(uuid, created_at, updated_at, code, sort_key, compound, building,
		unit, room) SELECT lower(hex(randomblob(16))), $now, $now, code, code, compound,
		building, unit, room FROM src GROUP BY code ORDER BY min(rowid);
	INSERT INTO residents(uuid, created_at, updated_at, household_id, name, sex, id_number,
		phone, relation, notes) SELECT lower(hex(randomblob(16))), $now, $now, h.id, s.name,
		CASE s.sex WHEN '男' THEN 'M' WHEN '女' THEN 'F' END, s.id_number, s.phone,
		CASE s.relation WHEN '户主' THEN 'head' WHEN '配偶' THEN 'spouse'
		WHEN '子女' THEN 'child' ELSE 'other' END, nullif(s.notes, '')
		FROM src s JOIN households h ON h.code = s.code ORDER BY s.rowid;
	COMMIT;"
	i=0
	while [ $i -lt "$RUNS" ]; do
		rm -f "$work"/i.db* "$work"/s.db* "$work"/o.db*
		DOORSTEP_DB="$work/i.db" "$BIN" init --community bench >/dev/null
		DOORSTEP_DB="$work/o.db" "$BIN" init --community bench >/dev/null
		timed import env DOORSTEP_DB="$work/i.db" "$BIN" import roster "$work/r.csv"
		[ "$(sqlite3 "$work/i.db" 'SELECT count(*) FROM residents')" = "$n" ] ||
			{ echo "bench: import did not import $n residents" >&2; exit 1; }
		timed import_own sqlite3 "$work/o.db" "CREATE TEMP TABLE src($cols)" \
			".import --csv --skip 1 $work/r.csv src" "$own_sql"
		[ "$(sqlite3 "$work/o.db" 'SELECT count(*) FROM residents')" = "$n" ] ||
			{ echo "bench: the reference did not import $n residents" >&2; exit 1; }
		sqlite3 "$work/s.db" "CREATE TABLE roster($cols)"
		timed import_ref sqlite3 "$work/s.db" ".import --csv --skip 1 $work/r.csv roster"
		i=$((i + 1))
	done
	# The last run's file: its households wait for the search index; the
	# filter meanwhile, and the idle refiling that files them.
	q=$("$B/tests/bench/bench_queue" "$work/i.db") || exit 1
	qv() { printf '%s\n' "$q" | tr ' ' '\n' | sed -n "s/^$1=//p"; }
	r1=$(ratio "$(med import 2)" "$(med import_own 2)")
	r2=$(ratio "$(med import 2)" "$(med import_ref 2)")
	ok=$(if le "$r1" 1.5 && le "$r2" 8; then echo met; else echo "**missed**"; fi)
	row import "import roster, $(thousands "$n") residents, validated, audited, into an empty database, its $(thousands "$(qv queued)") households queued for the search index: $(run_desc import); the filter while they wait at most $(qv queued_max_ms) ms CPU per keystroke ($(qv filed_max_ms) ms once filed), the idle refiling $(qv idle_cpu_s)s CPU in $(qv slices) slices of at most $(qv slice_max_ms) ms" \
		"sqlite3 .import into doorstep's own schema (households and residents, every index, CHECK, FK): $(run_desc import_own); bare .import into a table of the file's 11 columns: $(run_desc import_ref)" \
		"$r1 × own schema, $r2 × bare" "≤ 1.5 ×, ≤ 8 ×" "$ok"
	rm -f "$work"/i.db* "$work"/s.db* "$work"/o.db* "$work/r.csv"
fi

# --- start: exec to the first full screen -----------------------------------
if want start; then
	db=$(copy "$(community "$HH" "$DAYS")" start.db)
	db2=$(copy "$(community "$TINY" "$DAYS")" start_tiny.db)
	: >"$work/start.t"
	: >"$work/start_ref.t"
	i=0
	while [ $i -lt "$((RUNS + 2))" ]; do
		"$B/tests/bench/bench_tui" start "$db" >>"$work/start.t"
		"$B/tests/bench/bench_tui" start "$db2" >>"$work/start_ref.t"
		i=$((i + 1))
	done
	c=$(med start 3) cr=$(med start_ref 3)
	r=$(ratio "$c" "$cr")
	ok=$(if le "$r" 1.3 && le "$c" 19.999; then echo met; else echo "**missed**"; fi)
	row start "TUI in a pty, exec to the first full screen (Today, every count and alert), $HH households: $c ms CPU ($(med start 1) ms wall)" \
		"the same at $TINY households: $cr ms CPU ($(med start_ref 1) ms wall)" \
		"$r ×, $c ms" "≤ 1.3 ×, < 20 ms" "$ok"
	rm -f "$db"* "$db2"*
fi

# --- merge and init --from: peak memory at 40,000 against 5,000 ------------
# init --from makes a second machine's file from the community; merging the
# community back into it then compares every record of both.
merge_pair() { # NAME community
	rm -f "$work"/m.db*
	timed "init_$1" env DOORSTEP_DB="$work/m.db" "$BIN" init --from "$2" --station Z
	timed "merge_$1" env DOORSTEP_DB="$work/m.db" "$BIN" merge "$2"
	rm -f "$work"/m.db*
}
if want merge; then
	bigf=$(community "$HH" "$DAYS")
	smallf=$(community "$SMALL" "$DAYS")
	merge_pair big "$bigf"
	merge_pair small "$smallf"
	ri=$(ratio "$(med init_big 3)" "$(med init_small 3)")
	rm_=$(ratio "$(med merge_big 3)" "$(med merge_small 3)")
	ok=$(if le "$ri" 1.5 && le "$rm_" 1.5; then echo met; else echo "**missed**"; fi)
	row merge "peak RSS at $HH households: init --from $(mb "$(med init_big 3)") ($(med init_big 2)s CPU), merge of the community into that copy $(mb "$(med merge_big 3)") ($(med merge_big 2)s CPU)" \
		"the same at $SMALL households: init --from $(mb "$(med init_small 3)") ($(med init_small 2)s CPU), merge $(mb "$(med merge_small 3)") ($(med merge_small 2)s CPU)" \
		"init $ri ×, merge $rm_ ×" "≤ 1.5 × each" "$ok"
fi

# --- check: against SQLite's integrity check alone -------------------------
if want check; then
	db=$(copy "$(community "$HH" "$DAYS")" check.db)
	i=0
	while [ $i -lt "$RUNS" ]; do
		timed check env DOORSTEP_DB="$db" "$BIN" check
		timed check_ref sqlite3 "$db" "PRAGMA integrity_check"
		i=$((i + 1))
	done
	r=$(ratio "$(med check 2)" "$(med check_ref 2)")
	row check "doorstep check, $HH households: $(run_desc check)" \
		"sqlite3 PRAGMA integrity_check on the same file: $(run_desc check_ref)" \
		"$r ×" "≤ 1.5 ×" "$(verdict "$r" 1.5)"
	rm -f "$db"*
fi

# --- filter: per keystroke, over the large community's residents ----------
if want filter; then
	db=$(copy "$(community "$HH" "$DAYS")" filter.db)
	res=$(sqlite3 "$db" "SELECT count(*) FROM residents WHERE deleted_at IS NULL")
	maxid=$(sqlite3 "$db" "SELECT max(id) FROM residents")
	BENCH_ONE_PASS=1 BENCH_CPU=1 "$B/tests/bench/bench_filter" "$db" "$maxid" \
		>"$work/filter_cpu.out" 2>&1 || { cat "$work/filter_cpu.out" >&2; exit 1; }
	BENCH_ONE_PASS=1 "$B/tests/bench/bench_filter" "$db" "$maxid" >"$work/filter.out" 2>&1 ||
		{ cat "$work/filter.out" >&2; exit 1; }
	set -- $(awk '/^all keystrokes/ { print $3, $6, $9, $12 }' "$work/filter_cpu.out")
	keys=$1 p50=$2 p99=$3 max=$4
	wall99=$(awk '/^all keystrokes/ { print $9 }' "$work/filter.out")
	row filter "db_search_page (20 rows) + db_search_count, as the Households filter calls them, $(thousands "$res") residents, $keys keystrokes, one pass after a warming one: CPU p50 $p50 ms, p99 $p99 ms, max $max ms (wall p99 ${wall99:-?} ms)" \
		"—" "p99 $p99 ms CPU" "≤ 1.5 ms" "$(verdict "$p99" 1.5)"
	rm -f "$db"*
fi

# --- sheet: a 1,000-household rounds sheet as PDF ---------------------------
if want sheet; then
	db=$(copy "$(community 1000 14)" sheet.db)
	i=0
	while [ $i -lt 5 ]; do
		timed sheet env DOORSTEP_DB="$db" "$BIN" sheet rounds -o "$work/s.pdf"
		i=$((i + 1))
	done
	pages=$(pdfinfo "$work/s.pdf" 2>/dev/null | awk '/^Pages:/ { print $2 }')
	c=$(med sheet 2)
	row sheet "sheet rounds -o s.pdf, 1,000 households (${pages:-?} pages), median of 5: ${c}s CPU ($(med sheet 1)s wall), $(mb "$(med sheet 3)")" \
		"—" "${c}s CPU" "≤ 0.2 s" "$(verdict "$c" 0.2)"
	rm -f "$db"*
fi

# --- the table ------------------------------------------------------------
{
	echo "doorstep benchmarks, $(date -u '+%Y-%m-%d %H:%M UTC'), $(git rev-parse --short HEAD 2>/dev/null || echo '?')"
	echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'), $(free -g | awk '/^Mem:/ { print $2 " GB" }') RAM, load $(cut -d' ' -f1-3 /proc/loadavg)"
	echo "large community: demo --households $HH --days $DAYS; median of $RUNS runs (start: $((RUNS + 2)), sheet: 5, merge: 1); ratio = CPU time (user + system) unless stated"
	echo
	echo "| row | doorstep | reference, same run | ratio / figure | goal | |"
	echo "| --- | --- | --- | --- | --- | --- |"
	cat "$table"
} >"$work/bench.txt"
cp "$work/bench.txt" build/bench.txt
cat build/bench.txt
