#!/bin/sh
# make bench: doorstep against the sqlite3 shell on a large community, one
# table on standard output and in build/bench.txt (docs/performance.md).
#
# Builds with -O2 in its own tree (BENCH_BUILD, default build-bench), makes
# the demo communities once (cached in BENCH_BUILD/bench/, keyed by the demo
# parameters and the sources that decide what the demo writes), then measures
# every row BENCH_RUNS times (default 3), each run of doorstep followed by its
# reference, and reports medians.  Times and peak memory come from
# /usr/bin/time; ratios are of CPU time (user + system), which other programs
# on a busy machine disturb less than wall time (both are shown).
#
#	BENCH_HOUSEHOLDS=40000 BENCH_DAYS=60	the large community
#	BENCH_RUNS=3				runs per row
#	BENCH_ROWS=export,import,...		only these rows
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
B=${BENCH_BUILD:-build-bench}
RUNS=${BENCH_RUNS:-3}
HH=${BENCH_HOUSEHOLDS:-40000}
DAYS=${BENCH_DAYS:-60}
ROWS=${BENCH_ROWS:-export,import,filter,start,memory,sheet}
SMALL=$((HH / 10))
export DOORSTEP_NOW="2020-02-15 09:30:00" LC_ALL=C.UTF-8
unset DOORSTEP_DB DOORSTEP_STAFF 2>/dev/null || true

command -v sqlite3 >/dev/null || { echo "bench: needs the sqlite3 shell" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "bench: needs /usr/bin/time (Debian package time)" >&2; exit 1; }

work=$(mktemp -d "${TMPDIR:-/tmp}/doorstep-bench-XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM
echo "bench: building with -O2 in $B" >&2
make -s BUILD="$B" CFLAGS=-O2 all "$B/tests/bench/bench_filter" "$B/tests/bench/bench_tui" \
	>"$work/build.log" 2>&1 || { cat "$work/build.log" >&2; exit 1; }
BIN=$top/$B/doorstep
export DOORSTEP_BIN="$BIN"
cache=$top/$B/bench
mkdir -p "$cache" build
want() { case ",$ROWS," in *",$1,"*) return 0 ;; esac; return 1; }

# --- the communities ------------------------------------------------------
# A cached database is reused while the generator, the schema and the
# parameters are the same.
key=$(cat core/demo.c db/demo.c db/schema.c | md5sum | cut -c1-10)
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
row() { printf '| %s | %s | %s | %s | %s | %s |\n' "$@" >>"$table"; }

big=$(community "$HH" "$DAYS")

# --- export: the readings of the last days, 1,000,000 rows or more ---------
if want export; then
	db=$(copy "$big" export.db)
	# The latest days that together hold at least a million readings.
	sqlite3 "$db" "SELECT v.date, count(*) FROM visits v JOIN readings r ON r.visit_id = v.id
		WHERE v.deleted_at IS NULL AND r.deleted_at IS NULL
		GROUP BY v.date ORDER BY v.date DESC" >"$work/dates"
	to=$(head -n 1 "$work/dates" | cut -d'|' -f1)
	from=$(awk -F'|' '{ n += $2; d = $1 } n >= 1000000 { exit } END { print d }' "$work/dates")
	# The export's default readings columns and rows (db/export.c), the
	# temperature in degrees with one decimal as the export writes it.
	sql="SELECT v.date AS date, v.at AS at, h.code AS code, p.name AS name,
	printf('%.1f', r.temperature / 10.0) AS temperature, r.symptoms AS symptoms,
	r.note AS note, s.name AS staff
	FROM visits v CROSS JOIN readings r ON r.visit_id = v.id
	JOIN households h ON h.id = v.household_id JOIN residents p ON p.id = r.resident_id
	LEFT JOIN grids g ON g.id = h.grid_id LEFT JOIN staff s ON s.id = v.staff_id
	WHERE r.deleted_at IS NULL AND v.deleted_at IS NULL AND v.date >= '$from' AND v.date <= '$to'
	ORDER BY v.date, v.household_id, v.id, r.id"
	i=0
	while [ $i -lt "$RUNS" ]; do
		rm -f "$work/e.csv" "$work/s.csv"
		timed export env DOORSTEP_DB="$db" "$BIN" export readings --from "$from" --to "$to" \
			--encoding utf8 -o "$work/e.csv"
		timed export_ref sh -c 'exec sqlite3 -csv -header "$1" "$2" >"$3"' sh "$db" "$sql" "$work/s.csv"
		i=$((i + 1))
	done
	rows=$(($(wc -l <"$work/e.csv") - 1))
	ref_rows=$(($(wc -l <"$work/s.csv") - 1))
	[ "$rows" = "$ref_rows" ] || { echo "bench: export wrote $rows rows, sqlite3 $ref_rows" >&2; exit 1; }
	r=$(ratio "$(med export 2)" "$(med export_ref 2)")
	row export "export readings --encoding utf8, $(thousands "$rows") rows ($from to $to): $(run_desc export)" \
		"sqlite3 -csv, same rows and columns: $(run_desc export_ref)" "$r" "≤ 1.0" "$(verdict "$r" 1.0)"
	rm -f "$work"/e.csv "$work"/s.csv "$db"*
fi

# --- import: 100,000 residents into an empty database -----------------------
if want import; then
	n=${BENCH_IMPORT_ROWS:-100000}
	awk -v n="$n" -f tests/bench/gen_roster.awk >"$work/r.csv"
	cols="code TEXT, compound TEXT, building TEXT, unit TEXT, room TEXT, name TEXT, sex TEXT,
		id_number TEXT, phone TEXT, relation TEXT, notes TEXT"
	i=0
	while [ $i -lt "$RUNS" ]; do
		rm -f "$work"/i.db* "$work"/s.db*
		DOORSTEP_DB="$work/i.db" "$BIN" init --community bench >/dev/null
		timed import env DOORSTEP_DB="$work/i.db" "$BIN" import roster "$work/r.csv"
		[ "$(sqlite3 "$work/i.db" 'SELECT count(*) FROM residents')" = "$n" ] ||
			{ echo "bench: import did not import $n residents" >&2; exit 1; }
		sqlite3 "$work/s.db" "CREATE TABLE roster($cols)"
		timed import_ref sqlite3 "$work/s.db" ".import --csv --skip 1 $work/r.csv roster"
		# A second, informative reference: the same rows into a table
		# with doorstep's unique keys and indexes (tests/bench/bench_import.sh).
		sqlite3 "$work/x.db" "CREATE TABLE roster(id INTEGER PRIMARY KEY,
			uuid TEXT UNIQUE DEFAULT (lower(hex(randomblob(16)))), $cols);
			CREATE UNIQUE INDEX r_idn ON roster(id_number); CREATE INDEX r_code ON roster(code);
			CREATE INDEX r_name ON roster(name); CREATE INDEX r_phone ON roster(phone);"
		timed import_idx sqlite3 "$work/x.db" "CREATE TEMP TABLE src($cols)" \
			".import --csv --skip 1 $work/r.csv src" \
			"INSERT INTO roster($(echo "$cols" | sed 's/ TEXT//g')) SELECT * FROM src"
		rm -f "$work"/x.db*
		i=$((i + 1))
	done
	r=$(ratio "$(med import 2)" "$(med import_ref 2)")
	row import "import roster, $(thousands "$n") residents, validated, empty database: $(run_desc import)" \
		"sqlite3 .import --csv into a table of the file's 11 columns: $(run_desc import_ref); into one with doorstep's keys and 5 indexes: $(run_desc import_idx) (ratio $(ratio "$(med import 2)" "$(med import_idx 2)"))" \
		"$r" "≤ 1.5" "$(verdict "$r" 1.5)"
	rm -f "$work"/i.db* "$work"/s.db* "$work/r.csv"
fi

# --- filter: per keystroke, over the large community's residents ----------
if want filter; then
	db=$(copy "$big" filter.db)
	res=$(sqlite3 "$db" "SELECT count(*) FROM residents WHERE deleted_at IS NULL")
	maxid=$(sqlite3 "$db" "SELECT max(id) FROM residents")
	"$B/tests/bench/bench_filter" "$db" "$maxid" >"$work/filter.out" 2>&1 ||
		{ cat "$work/filter.out" >&2; exit 1; }
	set -- $(awk '/^all keystrokes/ { print $3, $6, $9, $12 }' "$work/filter.out")
	keys=$1 p50=$2 p99=$3 max=$4
	BENCH_CPU=1 "$B/tests/bench/bench_filter" "$db" "$maxid" >"$work/filter_cpu.out" 2>&1 || true
	cpu99=$(awk '/^all keystrokes/ { print $9 }' "$work/filter_cpu.out")
	refile=$(awk '/^search index refiled in/ { print $5 }' "$work/filter.out")
	row filter "db_search_page (20 rows) + db_search_count, as the Households filter calls them, $(thousands "$res") residents, $keys keystrokes (best of 5 each): p50 $p50 ms, p99 $p99 ms, max $max ms (CPU p99 ${cpu99:-?} ms); the first keystroke after the demo refiles the search index of every household: ${refile:-?} s" \
		"—" "p99 $p99 ms" "p99 ≤ 5 ms" "$(verdict "$p99" 5)"
	rm -f "$db"*
fi

# --- start: exec to the first full screen and to the Households list --------
if want start || want memory; then
	small=$(community "$SMALL" "$DAYS")
fi
if want start; then
	tiny=$(community 300 "$DAYS")
	db=$(copy "$big" start.db)
	db2=$(copy "$tiny" start300.db)
	: >"$work/start.t"
	: >"$work/start_ref.t"
	i=0
	while [ $i -lt "$((RUNS + 2))" ]; do
		"$B/tests/bench/bench_tui" start "$db" >>"$work/start.t"
		"$B/tests/bench/bench_tui" start "$db2" >>"$work/start_ref.t"
		i=$((i + 1))
	done
	s1=$(med start 1) s2=$(med start 2) r1=$(med start_ref 1) r2=$(med start_ref 2)
	r=$(ratio "$s2" "$r2")
	ok=$(if le "$r" 1.5 && le "$s2" 100; then echo met; else echo "**missed**"; fi)
	row start "TUI in a pty, $HH households: first screen $s1 ms, Households list drawn $s2 ms" \
		"300 households: first screen $r1 ms, list $r2 ms" "$r" "≤ 1.5, < 100 ms" "$ok"
	rm -f "$db"* "$db2"*
fi

# --- memory: peak RSS after paging through every household -----------------
if want memory; then
	db=$(copy "$big" mem.db)
	db2=$(copy "$small" mem10.db)
	: >"$work/mem.t"
	: >"$work/mem_ref.t"
	i=0
	while [ $i -lt "$RUNS" ]; do
		"$B/tests/bench/bench_tui" page "$db" | awk '{ print $2, $1, $3 }' >>"$work/mem.t"
		"$B/tests/bench/bench_tui" page "$db2" | awk '{ print $2, $1, $3 }' >>"$work/mem_ref.t"
		i=$((i + 1))
	done
	m=$(med mem 1) mr=$(med mem_ref 1)
	r=$(ratio "$m" "$mr")
	row memory "TUI peak RSS (VmHWM) after End, Home and $(med mem 2) PgDn through $HH households: $(mb "$m")" \
		"the same through $SMALL households ($(med mem_ref 2) PgDn): $(mb "$mr")" "$r" "≤ 1.2" \
		"$(verdict "$r" 1.2)"
	rm -f "$db"* "$db2"*
fi

# --- sheet: a 1,000-household rounds sheet as PDF ---------------------------
if want sheet; then
	db=$(copy "$(community 1000 14)" sheet.db)
	i=0
	while [ $i -lt "$RUNS" ]; do
		timed sheet env DOORSTEP_DB="$db" "$BIN" sheet rounds -o "$work/s.pdf"
		i=$((i + 1))
	done
	pages=$(pdfinfo "$work/s.pdf" 2>/dev/null | awk '/^Pages:/ { print $2 }')
	w=$(med sheet 1)
	row sheet "sheet rounds -o s.pdf, 1,000 households (${pages:-?} pages): ${w}s wall ($(med sheet 2)s CPU), $(mb "$(med sheet 3)")" \
		"—" "${w}s" "< 2 s" "$(verdict "$w" 1.999)"
	rm -f "$db"*
fi

# --- the table ------------------------------------------------------------
{
	echo "doorstep benchmarks, $(date -u '+%Y-%m-%d %H:%M UTC'), $(git rev-parse --short HEAD 2>/dev/null || echo '?')"
	echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'), $(free -g | awk '/^Mem:/ { print $2 " GB" }') RAM, load $(cut -d' ' -f1-3 /proc/loadavg)"
	echo "large community: demo --households $HH --days $DAYS; median of $RUNS runs (start: $((RUNS + 2))); ratio = CPU time (user + system) unless stated"
	echo
	echo "| row | doorstep | reference, same run | ratio / figure | goal | |"
	echo "| --- | --- | --- | --- | --- | --- |"
	cat "$table"
} >"$work/bench.txt"
cp "$work/bench.txt" build/bench.txt
cat build/bench.txt
