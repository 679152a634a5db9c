#!/bin/sh
# The daily sheet (日报表, docs/sheets.md) on a `doorstep demo` database: every count
# that pdftotext finds in the PDF equals a plain sqlite3 count, on today
# (after the AM cut-off, before the PM one) and on a past day with donations;
# the text form holds the same numbers; the header names community, street,
# district, date and staff; the signature lines are there.
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"

for tool in sqlite3 pdfinfo pdftotext; do
	command -v "$tool" >/dev/null || { echo "FAIL: $tool is needed (poppler-utils, sqlite3)"; exit 1; }
done
export DOORSTEP_NOW="2020-02-15 13:30:00"
expect_status 0 "$BIN" --db d.db demo --households 600 --days 20 --seed 11 || exit 1
sq() { sqlite3 -batch -noheader d.db "$1"; }

# The numbers after a label on the line that holds it (pdftotext -layout).
nums() {
	awk -v l="$2" 'index($0, l) { s = substr($0, index($0, l) + length(l)) }
		index($0, l) && (s == "" || s ~ /^ / || index(s, "（") == 1) {
		n = split(s, a, " "); o = ""; for (i = 1; i <= n; i++) if (a[i] ~ /^[0-9,.—]+$/) o = o a[i] " ";
		print o; exit }' "$1"
}
num() { nums "$1" "$2" | cut -d' ' -f"${3:-1}"; }
eq() { [ "$2" = "$3" ] || fail "$D: $1: the sheet says '$2', SQL says '$3'"; }

check_day() {
	D=$1
	f=daily-$D.pdf
	expect_status 0 "$BIN" --db d.db sheet daily --date "$D" || return
	# One page, the 14-day chart on it (dense lines, no column header on
	# the key/value tables).
	[ "$(pdfinfo "$f" | sed -n 's/^Pages: *//p')" = 1 ] || fail "$D: the daily sheet is not one page"
	pdftotext -layout "$f" "$D.txt"
	t=$D.txt
	N="date('$D', '+1 day')"
	live="created_at < $N AND (deleted_at IS NULL OR deleted_at >= $N)"
	eq households "$(num $t 住户（户）)" "$(sq "SELECT count(*) FROM households WHERE $live")"
	eq residents "$(num $t 居民（人）)" \
		"$(sq "SELECT count(*) FROM residents WHERE $live AND status IN ('living','away')")"
	hv="household_id IN (SELECT id FROM households WHERE $live)"
	eq "households visited" "$(num $t 已走访住户)" \
		"$(sq "SELECT count(DISTINCT household_id) FROM visits WHERE date = '$D' AND deleted_at IS NULL AND $hv")"
	for o in 已访:visited 无人应答:no_answer 拒绝:refused 外出:away; do
		eq "${o%%:*}" "$(num $t "${o%%:*}")" "$(sq "SELECT count(*) FROM visits v WHERE v.date = '$D'
			AND v.deleted_at IS NULL AND v.$hv AND v.outcome = '${o#*:}' AND NOT EXISTS (SELECT 1 FROM visits w
			WHERE w.household_id = v.household_id AND w.date = '$D' AND w.deleted_at IS NULL
			AND (w.at > v.at OR (w.at = v.at AND w.id > v.id)))")"
	done
	eq visits "$(num $t 走访次数)" "$(sq "SELECT count(*) FROM visits WHERE date = '$D' AND deleted_at IS NULL AND $hv")"
	rd="FROM readings r JOIN visits v ON v.id = r.visit_id WHERE v.date = '$D' AND v.$hv
		AND v.deleted_at IS NULL AND r.deleted_at IS NULL AND r.temperature IS NOT NULL"
	eq checked "$(num $t 测温人数)" "$(sq "SELECT count(DISTINCT r.resident_id) $rd")"
	eq fevers "$(num $t 发热人数)" "$(sq "SELECT count(DISTINCT r.resident_id) $rd
		AND r.temperature >= (SELECT fever_threshold FROM settings)")"
	active="deleted_at IS NULL AND start_date <= '$D' AND (end_date IS NULL OR end_date > '$D')"
	n=1
	for k in home central hospital; do
		eq "active $k" "$(num $t 在隔离（日终） $n)" "$(sq "SELECT count(*) FROM isolations WHERE kind = '$k' AND $active")"
		eq "new $k" "$(num $t 新增 $n)" \
			"$(sq "SELECT count(*) FROM isolations WHERE kind = '$k' AND deleted_at IS NULL AND start_date = '$D'")"
		eq "released $k" "$(num $t 解除隔离 $n)" "$(sq "SELECT count(*) FROM isolations WHERE kind = '$k'
			AND deleted_at IS NULL AND end_date = '$D' AND end_reason = 'completed'")"
		n=$((n + 1))
	done
	eq "active total" "$(num $t 在隔离（日终） 4)" "$(sq "SELECT count(*) FROM isolations WHERE $active")"
	# Checks are expected of the isolations whose checks are the committee's.
	ours="(kind = 'home' OR (kind = 'central' AND (SELECT checks_central FROM settings) = 1)
		OR (kind = 'hospital' AND (SELECT checks_hospital FROM settings) = 1))"
	eq "checks due" "$(num $t 应测人数)" "$(sq "SELECT count(*) FROM isolations WHERE $active AND $ours")"
	# The remark says how many more the sites check (central, hospital).
	away=$(sq "SELECT count(*) FROM isolations WHERE $active AND NOT $ours")
	if [ "$away" -gt 0 ]; then
		eq "checked elsewhere" "$(num $t 应测人数 2)" "$away"
		expect_grep "另有 *$away *人在集中隔离点或医院" "$t"
	else
		grep -q 另有 "$t" && fail "$D: a remark on isolations elsewhere, but there is none"
	fi
	for slot in AM:上午 PM:下午; do
		s=${slot%%:*}
		eq "$s done" "$(num $t "${slot#*:}已测")" \
			"$(sq "SELECT count(*) FROM checks WHERE date = '$D' AND slot = '$s' AND deleted_at IS NULL
			AND isolation_id IN (SELECT id FROM isolations WHERE $active AND $ours)")"
		missed=$(sq "SELECT count(*) FROM isolations i WHERE $active AND $ours AND NOT EXISTS (SELECT 1 FROM checks c
			WHERE c.isolation_id = i.id AND c.date = '$D' AND c.slot = '$s' AND c.deleted_at IS NULL)")
		[ "$D" = 2020-02-15 ] && [ "$s" = PM ] && missed=—
		eq "$s missed" "$(num $t "${slot#*:}漏测")" "$missed"
	done
	eq "fevers at checks" "$(num $t 监测发热)" "$(sq "SELECT count(DISTINCT i.resident_id) FROM checks c
		JOIN isolations i ON i.id = c.isolation_id WHERE c.date = '$D' AND c.deleted_at IS NULL
		AND i.deleted_at IS NULL AND c.temperature >= (SELECT fever_threshold FROM settings)")"
	vday="coalesce(substr(voided_at, 1, 10), received_date)"
	kept="received_date = '$D' AND deleted_at IS NULL AND NOT ((void_reason IS NOT NULL OR voided_at IS NOT NULL) AND $vday <= '$D')"
	eq donations "$(num $t 接收捐赠)" "$(sq "SELECT count(*) FROM donations WHERE $kept")"
	eq "cash donations" "$(num $t 现金)" "$(sq "SELECT count(*) FROM donations WHERE $kept AND kind = 'cash'")"
	eq "cash amount" "$(num $t 现金 2 | tr -d ,)" "$(sq "SELECT printf('%.2f', coalesce(sum(amount_fen), 0) / 100.0)
		FROM donations WHERE $kept AND kind = 'cash'")"
	eq voided "$(num $t 作废收据)" "$(sq "SELECT count(*) FROM donations WHERE deleted_at IS NULL
		AND (void_reason IS NOT NULL OR voided_at IS NOT NULL) AND $vday = '$D'")"
	eq distributions "$(num $t 物资发放)" \
		"$(sq "SELECT count(*) FROM distributions WHERE date = '$D' AND deleted_at IS NULL")"
	for want in 日报表 幸福里社区 长江路街道 湖滨区 "日期：$D" 制表：测试员 填表人 审核人 ; do
		expect_grep "$want" "$t"
	done
	expect_grep '第 *1 *页 *共 *1 *页' "$t"
}

check_day 2020-02-15
expect_grep '截至 2020-02-15 13:30' 2020-02-15.txt
busy=$(sq "SELECT received_date FROM donations WHERE kind = 'cash' AND void_reason IS NULL
	GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1")
[ -n "$busy" ] || fail "the demo has no cash donation"
check_day "$busy"
[ "$(num "$busy.txt" 接收捐赠)" -gt 0 ] || fail "the busy day shows no donation"
[ "$(num 2020-02-15.txt 在隔离（日终） 4)" -gt 0 ] || fail "nobody is in isolation on the demo's last day"

# The text form carries the same numbers.
expect_status 0 "$BIN" --db d.db sheet daily --date "$busy" --text
for l in 住户（户） 走访次数 发热人数 应测人数 接收捐赠; do
	[ "$(awk -v l="$l" 'index($0, l) { split($0, c, "|"); gsub(/ /, "", c[3]); print c[3]; exit }' "$T/out")" = \
		"$(num "$busy.txt" "$l")" ] || fail "--text and the PDF differ on $l"
done
expect_grep '街道：长江路街道' "$T/out"

# The 14-day chart: in the PDF its caption, legend and first and last days;
# in the text form its numbers, whose last row is the day's own counts and
# whose other days are those days' own daily sheets.
chart_row() { # TEXTFILE DAY: the trend row of DAY, its cells space-separated
	awk -v d="$2" 'index($0, "| " d " |") { gsub(/\|/, " "); $1 = ""; print; exit }' "$1" | xargs
}
cp "$T/out" busy.text
for want in '六、近 14 日趋势' 已走访住户 发热人数 在隔离人数 新增隔离 解除隔离 \
	"$(echo "$busy" | cut -c6-)"; do
	expect_grep "$want" "$busy.txt"
done
first=$(sq "SELECT date('$busy', '-13 days')")
expect_grep "$(echo "$first" | cut -c6-)" "$busy.txt"
[ "$(awk '/近 14 日趋势/,0' busy.text | grep -c '^| 20')" = 14 ] || fail "the chart has not 14 days"
[ "$(chart_row busy.text "$busy")" = "$(num "$busy.txt" 已走访住户) $(num "$busy.txt" 发热人数) \
$(num "$busy.txt" 在隔离（日终） 4) $(num "$busy.txt" 新增 4) $(num "$busy.txt" 解除隔离 4)" ] ||
	fail "the chart's last day differs from the day's counts: $(chart_row busy.text "$busy")"
prev=$(sq "SELECT date('$busy', '-3 days')")
expect_status 0 "$BIN" --db d.db sheet daily --date "$prev" -o prev.pdf
pdftotext -layout prev.pdf prev.txt
[ "$(chart_row busy.text "$prev")" = "$(num prev.txt 已走访住户) $(num prev.txt 发热人数) \
$(num prev.txt 在隔离（日终） 4) $(num prev.txt 新增 4) $(num prev.txt 解除隔离 4)" ] ||
	fail "the chart's $prev differs from that day's sheet: $(chart_row busy.text "$prev")"
# and the picture: every series' colour is drawn in the chart's part of the page
pdftoppm -r 60 -y 380 -H 150 "daily-$busy.pdf" chart
python3 - chart-1.ppm <<'PY' || fail "a series of the chart is not drawn"
import sys
d = open(sys.argv[1], 'rb').read()
parts = d.split(b'\n', 3)
w, h = map(int, parts[1].split())
px = parts[3]
want = [(26, 77, 178), (204, 26, 26), (26, 140, 51), (217, 115, 0), (115, 51, 153)]
for c in want:
    n = sum(1 for i in range(0, len(px), 3)
            if all(abs(px[i + k] - c[k]) < 40 for k in range(3)))
    if n < 15:
        print("colour", c, "has", n, "pixels"); sys.exit(1)
PY

exit $((failures > 0))
