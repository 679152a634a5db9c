#!/bin/sh
# kill -9 at twenty random moments of each of an import, a merge and a demo
# generation (docs/design.md#quality-bars: nothing committed is lost, no half transaction).
# Each kill falls somewhere in the command's measured running time; after
# it, `doorstep check` is clean and the command's transaction is there whole
# or not at all, and running the command again completes it.
# KILL9_ROUNDS (default 20) and KILL9_SEED (default: the process id, printed)
# may be set.
GEN=$(cd "$(dirname "$0")/../bench" && pwd)/gen_roster.awk
. "$(dirname "$0")/lib.sh"

rounds=${KILL9_ROUNDS:-20}
seed=${KILL9_SEED:-$$}
echo "seed $seed"
# delays N SECONDS: N delays spread at random over 0 .. 1.1 x SECONDS.
delays() { awk -v n="$1" -v t="$2" -v s="$seed" 'BEGIN { srand(s); for (i = 0; i < n; i++) printf "%.3f\n", rand() * t * 1.1 }'; }
# timed CMD...: runs CMD, prints its wall time in seconds.
timed() {
	/usr/bin/time -f %e -o time.out "$@" >/dev/null 2>&1 || { fail "uninterrupted run failed: $*"; }
	cat time.out
}
# killed DELAY CMD...: starts CMD, kills it with SIGKILL after DELAY seconds;
# prints "killed" or "finished".
killed() {
	d=$1
	shift
	"$@" >/dev/null 2>&1 &
	pid=$!
	sleep "$d"
	if kill -9 "$pid" 2>/dev/null; then
		wait "$pid" 2>/dev/null
		echo killed
	else
		wait "$pid" 2>/dev/null
		echo finished
	fi
}
clean() { # DB: check is clean
	"$BIN" --db "$1" check >check.out 2>&1 || { fail "check after kill -9:"; sed 's/^/  /' check.out; }
}
counts() { # DB: households residents visits readings audit rows
	q "$1" "SELECT (SELECT count(*) FROM households) || ' ' || (SELECT count(*) FROM residents)
		|| ' ' || (SELECT count(*) FROM visits) || ' ' || (SELECT count(*) FROM readings)
		|| ' ' || (SELECT count(*) FROM audit_log)"
}
summary() { echo "$1: $rounds kills over ${2}s, $3 while running"; }

# The three run side by side, each in its own folder and subshell (the time
# goes mostly into waiting for the disk); each ends with its failure count.
# import roster: 2,000 residents into an empty community.
series_import() {
mkdir imp && cd imp || return 1
awk -v n=2000 -f "$GEN" >r.csv
"$BIN" --db empty.db init --community 幸福里社区 >/dev/null || fail init
cp empty.db full.db
t=$(timed "$BIN" --db full.db import roster r.csv)
none=$(counts empty.db)
whole=$(counts full.db)
hit=0
for d in $(delays "$rounds" "$t"); do
	cp empty.db k.db
	[ "$(killed "$d" "$BIN" --db k.db import roster r.csv)" = killed ] && hit=$((hit + 1))
	got=$(counts k.db)
	[ "$got" = "$none" ] || [ "$got" = "$whole" ] ||
		fail "import killed at ${d}s: counts $got, neither $none nor $whole"
	clean k.db
done
# The last one imported again finishes with the whole.
"$BIN" --db k.db import roster r.csv >/dev/null 2>&1 || fail "import after a kill failed"
[ "$(q k.db 'SELECT count(*) FROM residents')" = 2000 ] || fail "import after a kill: not 2000"
summary import "$t" "$hit"
return "$failures"
}

# merge: a 150-household, 14-day community into its sibling.
series_merge() {
mkdir mrg && cd mrg || return 1
"$BIN" --db b.db init --community 幸福里社区 >/dev/null || fail init
"$BIN" --db a.db init --from b.db --station B >/dev/null || fail "init --from"
"$BIN" --db b.db demo --households 150 --days 14 >/dev/null || fail demo
cp a.db full.db
t=$(timed "$BIN" --db full.db merge b.db)
none=$(counts a.db)
whole=$(counts full.db)
hit=0
for d in $(delays "$rounds" "$t"); do
	cp a.db k.db
	[ "$(killed "$d" "$BIN" --db k.db merge b.db)" = killed ] && hit=$((hit + 1))
	got=$(counts k.db)
	[ "$got" = "$none" ] || [ "$got" = "$whole" ] ||
		fail "merge killed at ${d}s: counts $got, neither $none nor $whole"
	clean k.db
done
# The last one merged again finishes with the whole.
"$BIN" --db k.db merge b.db >/dev/null 2>&1 || fail "merge after a kill failed"
[ "$(q k.db 'SELECT count(*) FROM visits')" = "$(q full.db 'SELECT count(*) FROM visits')" ] ||
	fail "merge after a kill: visits differ"
summary merge "$t" "$hit"
return "$failures"
}

# demo: 200 households, 14 days, into a new file.
series_demo() {
mkdir dem && cd dem || return 1
again=0
t=$(timed "$BIN" --db full.db demo --households 200 --days 14)
whole=$(counts full.db)
hit=0
for d in $(delays "$rounds" "$t"); do
	rm -f k.db k.db-*
	[ "$(killed "$d" "$BIN" --db k.db demo --households 200 --days 14)" = killed ] && hit=$((hit + 1))
	if [ -s k.db ] && [ "$(q k.db 'SELECT count(*) FROM sqlite_master' 2>/dev/null)" != 0 ]; then
		got=$(counts k.db)
		case "$got" in
		"$whole") clean k.db ;;
		"0 0 0 0 "*)
			# Nothing of the community: the demo may be run again (once
			# is proof enough, and saves time).
			[ "$again" = 1 ] && { clean k.db; continue; }
			again=1
			"$BIN" --db k.db demo --households 200 --days 14 >/dev/null 2>&1 ||
				fail "demo after a kill at ${d}s failed"
			[ "$(counts k.db)" = "$whole" ] || fail "demo after a kill: $(counts k.db)"
			clean k.db
			;;
		*) fail "demo killed at ${d}s: counts $got, neither nothing nor $whole" ;;
		esac
	fi
done
summary demo "$t" "$hit"
return "$failures"
}

for s in import merge demo; do
	(series_$s) >"$T/$s.log" 2>&1 &
	eval "pid_$s=\$!"
done
for s in import merge demo; do
	eval "wait \$pid_$s" || failures=$((failures + 1))
	cat "$T/$s.log"
done
finish
