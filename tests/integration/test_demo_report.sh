#!/bin/sh
# demo and report: a 2000-household demo, then `report --date` for several
# days and two clock times, each number compared with a plain SQL count made
# by the stock sqlite3 shell on the same file; `check` consistent; the same
# seed twice gives the same rows; usage errors exit 2; a demo into a
# non-empty database is refused (exit 1) and changes nothing.
set -u
bin=${DOORSTEP_BIN:?DOORSTEP_BIN is not set}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
export DOORSTEP_NOW="2020-02-15 09:30:00"
export DOORSTEP_STAFF="测试员"
export LC_ALL=C.UTF-8
fail=0
no() { echo "FAIL: $*"; fail=1; }
db="$dir/a.db"

"$bin" --db "$db" demo --households 2000 --days 30 --seed 7 >"$dir/demo.out" 2>&1 ||
	{ cat "$dir/demo.out"; echo "FAIL: demo exited $?"; exit 1; }
grep -q "2000 households" "$dir/demo.out" || no "demo summary: $(cat "$dir/demo.out")"
"$bin" --db "$db" check >"$dir/check.out" 2>&1 || no "check: $(cat "$dir/check.out")"
grep -q "consistent" "$dir/check.out" || no "check does not say consistent"

q() { sqlite3 -batch -noheader "$db" "$1"; }

# The number printed after a report label (the label column is 30 wide).
val() {
	awk -v l="$2" 'index($0, l) == 1 && substr($0, length(l) + 1, 1) == " " {
		v = substr($0, 31); sub(/^ +/, "", v); split(v, a, " "); print a[1]; exit }' "$1"
}
# The n-th number of an isolation table row (1 home .. 4 total).
isov() {
	awk -v l="$2" -v n="$3" 'index($0, l) == 1 && substr($0, length(l) + 1, 1) == " " {
		v = substr($0, 31); split(v, a, " "); print a[n]; exit }' "$1"
}
eq() { # label, report value, sql value
	[ "$2" = "$3" ] || no "$D $NOW: $1: report says '$2', SQL says '$3'"
}

compare_day() {
	D=$1
	NOW=$DOORSTEP_NOW
	out="$dir/report-$D.txt"
	"$bin" --db "$db" report --date "$D" >"$out" 2>&1 || { no "report --date $D: $(cat "$out")"; return; }
	N="date('$D', '+1 day')"
	live="created_at < $N AND (deleted_at IS NULL OR deleted_at >= $N)"
	eq households "$(val "$out" "  Households")" "$(q "SELECT count(*) FROM households WHERE $live")"
	eq residents "$(val "$out" "  Residents")" \
		"$(q "SELECT count(*) FROM residents WHERE $live AND status IN ('living','away')")"
	# Visits of the households that exist at the end of the day.
	hv="household_id IN (SELECT id FROM households WHERE $live)"
	eq "households visited" "$(val "$out" "  Households visited")" \
		"$(q "SELECT count(DISTINCT household_id) FROM visits WHERE date = '$D' AND deleted_at IS NULL AND $hv")"
	for o in visited "no answer" refused away; do
		code=$(echo "$o" | tr ' ' _)
		eq "$o" "$(val "$out" "    $o")" "$(q "SELECT count(*) FROM visits v WHERE v.date = '$D'
			AND v.deleted_at IS NULL AND v.$hv AND v.outcome = '$code' AND NOT EXISTS (SELECT 1 FROM visits w
			WHERE w.household_id = v.household_id AND w.date = '$D' AND w.deleted_at IS NULL
			AND (w.at > v.at OR (w.at = v.at AND w.id > v.id)))")"
	done
	eq visits "$(val "$out" "  Visits made")" \
		"$(q "SELECT count(*) FROM visits WHERE date = '$D' AND deleted_at IS NULL AND $hv")"
	rd="FROM readings r JOIN visits v ON v.id = r.visit_id WHERE v.date = '$D' AND v.$hv
		AND v.deleted_at IS NULL AND r.deleted_at IS NULL AND r.temperature IS NOT NULL"
	eq "residents checked" "$(val "$out" "  Residents checked")" "$(q "SELECT count(DISTINCT r.resident_id) $rd")"
	eq fevers "$(val "$out" "  Fevers found")" "$(q "SELECT count(DISTINCT r.resident_id) $rd
		AND r.temperature >= (SELECT fever_threshold FROM settings)")"
	active="deleted_at IS NULL AND start_date <= '$D' AND (end_date IS NULL OR end_date > '$D')"
	# Checks are expected of the isolations whose checks are the committee's.
	ours="(kind = 'home' OR (kind = 'central' AND (SELECT checks_central FROM settings) = 1)
		OR (kind = 'hospital' AND (SELECT checks_hospital FROM settings) = 1))"
	n=1
	for k in home central hospital; do
		eq "active $k" "$(isov "$out" "  Active at end of day" $n)" \
			"$(q "SELECT count(*) FROM isolations WHERE kind = '$k' AND $active")"
		eq "new $k" "$(isov "$out" "  New" $n)" \
			"$(q "SELECT count(*) FROM isolations WHERE kind = '$k' AND deleted_at IS NULL AND start_date = '$D'")"
		eq "released $k" "$(isov "$out" "  Released" $n)" \
			"$(q "SELECT count(*) FROM isolations WHERE kind = '$k' AND deleted_at IS NULL AND end_date = '$D' AND end_reason = 'completed'")"
		n=$((n + 1))
	done
	# Ended that day: the isolation was on (held) that day and ended on it.
	eq "released total" "$(isov "$out" "  Released" 4)" \
		"$(q "SELECT count(*) FROM isolations WHERE deleted_at IS NULL AND end_date = '$D' AND start_date <= '$D' AND end_reason = 'completed'")"
	eq "new total" "$(isov "$out" "  New" 4)" \
		"$(q "SELECT count(*) FROM isolations WHERE deleted_at IS NULL AND start_date = '$D'")"
	eq "active total" "$(isov "$out" "  Active at end of day" 4)" "$(q "SELECT count(*) FROM isolations WHERE $active")"
	eq "ended otherwise" "$(isov "$out" "  Ended otherwise" 4)" \
		"$(q "SELECT count(*) FROM isolations WHERE deleted_at IS NULL AND end_date = '$D' AND end_reason NOT IN ('completed','restarted')")"
	eq "last day" "$(isov "$out" "  On their last day" 4)" \
		"$(q "SELECT count(*) FROM isolations WHERE $active AND date(start_date, '+' || (days + extended_days - 1) || ' days') = '$D'")"
	eq "past last day" "$(isov "$out" "  Past last day, not ended" 4)" \
		"$(q "SELECT count(*) FROM isolations WHERE $active AND date(start_date, '+' || (days + extended_days - 1) || ' days') < '$D'")"
	eq due "$(val "$out" "  Isolations due")" "$(q "SELECT count(*) FROM isolations WHERE $active AND $ours")"
	for slot in AM PM; do
		label="  Morning (AM)"
		[ $slot = PM ] && label="  Evening (PM)"
		# Checks done: of the isolations due that day only.
		eq "$slot done" "$(val "$out" "$label")" \
			"$(q "SELECT count(*) FROM checks WHERE date = '$D' AND slot = '$slot' AND deleted_at IS NULL
			AND isolation_id IN (SELECT id FROM isolations WHERE $active AND $ours)")"
		missed=$(q "SELECT count(*) FROM isolations i WHERE $active AND $ours AND NOT EXISTS (SELECT 1 FROM checks c
			WHERE c.isolation_id = i.id AND c.date = '$D' AND c.slot = '$slot' AND c.deleted_at IS NULL)")
		got=$(awk -v l="$label" 'index($0, l) == 1 { if (match($0, /[0-9]+ missed/)) print substr($0, RSTART, RLENGTH - 7); else print "not reached" }' "$out")
		if [ "$2" = "$slot-open" ] || { [ "$2" = "AM-open" ] && [ $slot = PM ]; }; then
			eq "$slot missed (cut-off not reached)" "$got" "not reached"
		else
			eq "$slot missed" "$got" "$missed"
		fi
	done
	eq late "$(val "$out" "  Entered late")" \
		"$(q "SELECT count(*) FROM checks c JOIN isolations i ON i.id = c.isolation_id WHERE c.date = '$D'
		AND c.deleted_at IS NULL AND i.deleted_at IS NULL AND c.late = 1")"
	# Fevers at checks are people: one with a fever at AM and PM is one.
	eq "fevers at checks" "$(val "$out" "  Fevers at checks")" \
		"$(q "SELECT count(*) FROM residents WHERE id IN (SELECT i.resident_id FROM checks c JOIN isolations i
		ON i.id = c.isolation_id WHERE c.date = '$D' AND c.deleted_at IS NULL AND i.deleted_at IS NULL
		AND c.temperature >= (SELECT fever_threshold FROM settings))")"
	# A receipt counts on its day unless voided by the end of it; a void
	# counts on the void's own day.
	vday="coalesce(substr(voided_at, 1, 10), received_date)"
	kept="received_date = '$D' AND deleted_at IS NULL AND NOT ((void_reason IS NOT NULL OR voided_at IS NOT NULL) AND $vday <= '$D')"
	eq donations "$(val "$out" "  Received")" "$(q "SELECT count(*) FROM donations WHERE $kept")"
	cash=$(awk 'index($0, "    cash ") == 1 { print $3 }' "$out" | tr -d '¥,.')
	cash=$(expr "$cash" + 0)
	eq cash "$cash" "$(q "SELECT printf('%d', coalesce(sum(amount_fen), 0)) FROM donations WHERE $kept AND kind = 'cash'")"
	eq "goods" "$(awk 'index($0, "    goods ") == 1 { print $2 }' "$out")" \
		"$(q "SELECT count(*) FROM donations WHERE $kept AND kind = 'goods'")"
	eq voided "$(val "$out" "  Voided")" \
		"$(q "SELECT count(*) FROM donations WHERE deleted_at IS NULL AND (void_reason IS NOT NULL OR voided_at IS NOT NULL) AND $vday = '$D'")"
	eq distributions "$(val "$out" "  Distributions")" \
		"$(q "SELECT count(*) FROM distributions WHERE date = '$D' AND deleted_at IS NULL")"
}

# Today at 09:30: both cut-offs ahead.  Past days: the whole day is over.
compare_day 2020-02-15 AM-open
grep -q "as of 09:30" "$dir/report-2020-02-15.txt" || no "today's report does not say 'as of 09:30'"
compare_day 2020-02-14 closed
compare_day 2020-01-20 closed
busy=$(q "SELECT received_date FROM donations GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1")
compare_day "$busy" closed
voided_day=$(q "SELECT received_date FROM donations WHERE void_reason IS NOT NULL LIMIT 1")
[ -n "$voided_day" ] || no "the demo has no voided donation"
compare_day "$voided_day" closed
# The faults a check of the printed numbers found, made on a copy: an
# isolation with today's AM check ended today, a household visited on the
# 14th deleted today, a receipt of the busy day voided today.  Each number of
# the days touched must still equal its SQL definition, and the busy day's
# donations must read as before the void.
cp "$db" "$dir/m.db"
orig=$db
db="$dir/m.db"
before_busy=$(val "$dir/report-$busy.txt" "  Received")
[ -n "$(q "SELECT 1 FROM checks WHERE date = '2020-02-15' AND slot = 'AM' AND deleted_at IS NULL")" ] ||
	no "the demo has no AM check today to end an isolation after"
q "UPDATE isolations SET end_date = '2020-02-15', end_reason = 'completed' WHERE id = (SELECT isolation_id
	FROM checks WHERE date = '2020-02-15' AND slot = 'AM' AND deleted_at IS NULL ORDER BY id LIMIT 1)"
q "UPDATE households SET deleted_at = '2020-02-15 09:00:00' WHERE id = (SELECT household_id FROM visits
	WHERE date = '2020-02-14' AND deleted_at IS NULL ORDER BY id LIMIT 1)"
q "UPDATE donations SET void_reason = '写错', voided_at = '2020-02-15 09:10:00' WHERE id = (SELECT id
	FROM donations WHERE received_date = '$busy' AND void_reason IS NULL ORDER BY id LIMIT 1)"
[ "$busy" != 2020-02-15 ] || no "the busy day is today: the void test needs a past day"
compare_day 2020-02-15 AM-open
compare_day 2020-02-14 closed
compare_day "$busy" closed
[ "$(val "$dir/report-$busy.txt" "  Received")" = "$before_busy" ] || no "a void today changed the report of $busy"
db=$orig

# Today again after the AM cut-off: AM missed counts, PM still ahead.
DOORSTEP_NOW="2020-02-15 13:00:00" compare_day 2020-02-15 PM-open
DOORSTEP_NOW="2020-02-15 13:00:00" "$bin" --db "$db" report >"$dir/r13.txt" 2>&1
grep -q "Evening (PM).*not reached" "$dir/r13.txt" || no "at 13:00 the PM cut-off is not reached"
grep -q "Morning (AM).*missed" "$dir/r13.txt" || no "at 13:00 the AM misses are counted"

# The isolation alerts of now (issue 6) at three clock times, against SQL:
# fevers (latest check of the period or the one it restarted from), missed
# AM / PM checks once the cut-off passed, last day today, due for release.
compare_alerts() {
	NOW=$1
	D=$(echo "$NOW" | cut -c1-10)
	hm=$(echo "$NOW" | cut -c12-16)
	out="$dir/alerts-$D-$hm.txt"
	DOORSTEP_NOW="$NOW" "$bin" --db "$db" report >"$out" 2>&1 || { no "report at $NOW: $(cat "$out")"; return; }
	active="i.deleted_at IS NULL AND i.start_date <= '$D' AND (i.end_date IS NULL OR i.end_date > '$D')"
	ours="(i.kind = 'home' OR (i.kind = 'central' AND (SELECT checks_central FROM settings) = 1)
		OR (i.kind = 'hospital' AND (SELECT checks_hospital FROM settings) = 1))"
	last="date(i.start_date, '+' || (i.days + i.extended_days - 1) || ' days')"
	eq "alert fever" "$(val "$out" "  fever")" "$(q "SELECT count(*) FROM isolations i WHERE $active AND
		(SELECT c.temperature FROM checks c WHERE c.isolation_id IN (i.id, i.previous_id) AND c.deleted_at IS NULL
		AND c.temperature IS NOT NULL ORDER BY c.date DESC, c.slot DESC LIMIT 1) >= (SELECT fever_threshold FROM settings)")"
	for slot in AM PM; do
		want=$(q "SELECT CASE WHEN '$hm' >= (SELECT ${slot}_cutoff FROM settings) THEN (SELECT count(*)
			FROM isolations i WHERE $active AND $ours AND NOT EXISTS (SELECT 1 FROM checks c WHERE c.isolation_id = i.id
			AND c.date = '$D' AND c.slot = '$slot' AND c.deleted_at IS NULL)) ELSE 0 END")
		eq "alert missed $slot" "$(val "$out" "  missed $slot check")" "$want"
	done
	eq "alert last day" "$(val "$out" "  last day today")" "$(q "SELECT count(*) FROM isolations i WHERE $active AND $last = '$D'")"
	eq "alert release due" "$(val "$out" "  due for release")" "$(q "SELECT count(*) FROM isolations i WHERE $active AND $last < '$D'")"
	total=0
	for l in "  fever" "  missed AM check" "  missed PM check" "  last day today" "  due for release"; do
		total=$((total + $(val "$out" "$l")))
	done
	listed=$(grep -c '^  - ' "$out")
	[ "$listed" = "$total" ] || [ "$listed" = 50 ] || no "$NOW: $listed alerts listed of $total"
}
compare_alerts "2020-02-15 09:30:00"
compare_alerts "2020-02-15 13:00:00"
compare_alerts "2020-02-16 20:30:00"
DOORSTEP_NOW="2020-02-16 20:30:00" compare_day 2020-02-16 closed
grep -q "missed PM check  *[1-9]" "$dir/alerts-2020-02-16-20:30.txt" || no "no missed PM check at 20:30 the next day"
"$bin" --db "$db" report --date 2020-02-14 | grep -q "for today only" || no "a past day's report lists alerts of now"

# The demo covers every state the issue asks for.
for what in \
	"SELECT count(*) FROM isolations WHERE end_date IS NULL" \
	"SELECT count(*) FROM isolations WHERE extended_days > 0" \
	"SELECT count(*) FROM isolations WHERE end_reason = 'restarted'" \
	"SELECT count(*) FROM isolations WHERE previous_id IS NOT NULL" \
	"SELECT count(*) FROM isolations WHERE end_reason = 'completed'" \
	"SELECT count(*) FROM isolations WHERE end_reason = 'hospitalised'" \
	"SELECT count(*) FROM isolations WHERE end_reason = 'confirmed'" \
	"SELECT count(*) FROM isolations WHERE end_reason = 'moved_away'" \
	"SELECT count(*) FROM isolations WHERE end_reason = 'error'" \
	"SELECT count(DISTINCT kind) - 2 FROM isolations" \
	"SELECT count(*) FROM readings WHERE temperature >= 373" \
	"SELECT count(*) FROM visits WHERE outcome = 'no_answer'" \
	"SELECT count(*) FROM donations WHERE kind = 'cash'" \
	"SELECT count(*) FROM donations WHERE kind = 'goods'" \
	"SELECT count(*) FROM distributions" \
	"SELECT count(*) FROM households WHERE code LIKE '高河村%组%号'" \
	"SELECT count(*) FROM residents WHERE name LIKE '%䶮%' OR name LIKE '%𫖮%' OR name LIKE '%𬳵%'" \
	"SELECT count(DISTINCT grid_id) - 1 FROM households" \
	"SELECT count(*) FROM grids WHERE staff_id IS NOT NULL" \
	"SELECT count(*) - 3 FROM checkpoints" \
	"SELECT count(*) FROM shifts WHERE staff_id IS NULL" \
	"SELECT count(*) FROM shifts WHERE present = 0" \
	"SELECT count(*) FROM shifts WHERE present IS NULL AND date > '2020-02-15'" \
	"SELECT count(*) FROM passes WHERE revoked_at IS NOT NULL" \
	"SELECT count(*) FROM pass_events WHERE direction = 'out' AND at < '2020-02-15'" \
	"SELECT count(*) FROM pass_events WHERE direction = 'in'" \
	"SELECT count(*) FROM pass_events WHERE direction = 'out' AND at LIKE '2020-02-15%'" \
	"SELECT count(*) FROM (SELECT 1 FROM pass_events GROUP BY date(at))" \
	"SELECT count(*) FROM isolations i WHERE i.end_date IS NULL AND (SELECT temperature FROM checks c
		WHERE c.isolation_id = i.id ORDER BY date DESC, slot DESC LIMIT 1) >= 373"; do
	n=$(q "$what")
	[ "${n:-0}" -gt 0 ] || no "demo lacks: $what"
done
[ "$(q "SELECT count(*) FROM audit_log WHERE table_name = 'demo'")" = 1 ] || no "not one demo audit row"
# Checkpoints: every household holds exactly one current pass with a
# well-formed number; the outings respect the rule (docs/checkpoints.md): no
# "out" while a member is under isolation, none within N days of the
# household's previous one, none on a revoked pass; shifts after now are not
# marked present; nothing happens after now.
for what in \
	"SELECT count(*) FROM households h WHERE (SELECT count(*) FROM passes p WHERE p.household_id = h.id
		AND p.revoked_at IS NULL AND p.valid_until >= '2020-02-15') <> 1" \
	"SELECT count(*) FROM passes WHERE length(pass_no) <> 8 OR pass_no GLOB '*[^0-9]*' OR substr(pass_no, 1, 2) <> '01'" \
	"SELECT count(*) FROM pass_events e JOIN passes p ON p.id = e.pass_id JOIN residents r
		ON r.household_id = p.household_id AND r.status IN ('living', 'away') JOIN isolations i
		ON i.resident_id = r.id AND i.deleted_at IS NULL WHERE e.direction = 'out'
		AND i.start_date <= date(e.at) AND (i.end_date IS NULL OR i.end_date > date(e.at))" \
	"SELECT count(*) FROM pass_events a JOIN passes pa ON pa.id = a.pass_id JOIN passes pb
		ON pb.household_id = pa.household_id JOIN pass_events b ON b.pass_id = pb.id
		WHERE a.direction = 'out' AND b.direction = 'out' AND b.at > a.at
		AND date(b.at) < date(a.at, '+' || (SELECT outing_days FROM settings) || ' days')" \
	"SELECT count(*) FROM pass_events e JOIN passes p ON p.id = e.pass_id
		WHERE p.revoked_at IS NOT NULL AND e.at >= p.revoked_at" \
	"SELECT count(*) FROM pass_events WHERE at >= '2020-02-15 09:31'" \
	"SELECT count(*) FROM shifts WHERE present IS NOT NULL AND date > '2020-02-15'"; do
	n=$(q "$what")
	[ "${n:-1}" = 0 ] || no "demo checkpoints: $n rows break: $what"
done

# Same seed, same rows (UUIDs and times included; the settings row's UUID
# is the database's own identity and the audit log is not content).
dump() {
	for t in staff grids households residents visits readings isolations checks donations \
		distributions checkpoints shifts passes pass_events; do
		sqlite3 -batch "$1" "SELECT * FROM $t ORDER BY id"
	done
	sqlite3 -batch "$1" "SELECT community, street, district, station, fever_threshold FROM settings"
}
"$bin" --db "$dir/b.db" demo --households 2000 --days 30 --seed 7 >/dev/null 2>&1 || no "second demo"
dump "$db" >"$dir/a.dump"
dump "$dir/b.db" >"$dir/b.dump"
cmp -s "$dir/a.dump" "$dir/b.dump" || no "same seed, different content: $(diff "$dir/a.dump" "$dir/b.dump" | head -5)"
"$bin" --db "$dir/c.db" demo --households 50 --days 3 --seed 8 >/dev/null 2>&1 || no "demo seed 8"
"$bin" --db "$dir/d.db" demo --households 50 --days 3 --seed 9 >/dev/null 2>&1 || no "demo seed 9"
[ "$(dump "$dir/c.db" | md5sum)" != "$(dump "$dir/d.db" | md5sum)" ] || no "seeds 8 and 9 gave the same content"

# A non-empty database is refused and left as it was.
before=$(md5sum <"$db")
"$bin" --db "$db" demo --households 10 >"$dir/again.out" 2>&1
rc=$?
[ $rc -eq 1 ] || no "demo into a non-empty database exited $rc, not 1"
grep -q "already holds" "$dir/again.out" || no "refusal message: $(cat "$dir/again.out")"
[ "$(md5sum <"$db")" = "$before" ] || no "the refused demo changed the file"

# Usage errors exit 2.
usage() {
	"$bin" --db "$dir/u.db" "$@" >"$dir/u.out" 2>&1
	rc=$?
	[ $rc -eq 2 ] || no "'$*' exited $rc, not 2: $(cat "$dir/u.out")"
}
usage demo --households abc
usage demo --households 0
usage demo --days 400
usage demo --seed -3
usage demo --frobnicate
usage demo extra
usage report --date 2020-13-45
usage report --bogus
usage report extra
[ ! -e "$dir/u.db" ] || no "a usage error created the database"

exit $fail
