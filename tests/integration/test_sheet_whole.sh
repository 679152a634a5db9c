#!/bin/sh
# Nothing lost, nothing cut, on every sheet kind: with long names
# (阿卜杜热合曼·买买提明 beside 阿卜杜热合曼·买买提江), a long central-isolation
# site, long donors, designations, void reasons and checkpoint names, and a
# household of 40 living residents, every value the database holds is
# (a) in the PDF whole and in the sheet's order (pdftotext -raw keeps the
# drawing order, and a wrapped cell is drawn line after line), (b) whole in
# a cell of the --text form (its lines joined), and every line of the text
# form's cells is in the PDF.  Nothing ends in an ellipsis, and the 40-resident household continues
# on the next page marked （续）.
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
. "$here/sheet_data.sh"

for tool in sqlite3 pdftotext pdfinfo; do
	command -v "$tool" >/dev/null || { echo "FAIL: $tool is needed (poppler-utils, sqlite3)"; exit 1; }
done
sheet_data a.db 60 || { echo "FAIL: test data"; exit 1; }
sqlite3 a.db <<'SQL' || fail "inserting the long data"
BEGIN;
UPDATE residents SET name = '阿卜杜热合曼·买买提明' WHERE uuid = 'rh7';
UPDATE residents SET name = '阿卜杜热合曼·买买提江' WHERE uuid = 'rs7';
WITH RECURSIVE seq(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM seq WHERE i < 38)
INSERT INTO residents(uuid, created_at, updated_at, household_id, name, sex, relation, status)
 SELECT 'rd' || i, '2020-02-01', '2020-02-01', 7, '宿舍住户' || printf('%02d', i), 'M', 'other', 'living' FROM seq;
INSERT INTO isolations(uuid, created_at, updated_at, resident_id, kind, site, reason, start_date, days, extended_days)
 VALUES ('il', '2020-02-12', '2020-02-12', (SELECT id FROM residents WHERE uuid = 'rh7'), 'central',
  '区委党校教学楼三号楼临时集中隔离观察点', 'close_contact', '2020-02-12', 14, 0);
INSERT INTO donations(uuid, created_at, updated_at, receipt_no, year, station, seq, received_date, donor_name, donor_type, anonymous, kind, amount_fen, channel, item, quantity, unit, value_fen, designation, void_reason, voided_at)
 VALUES
 ('dl1', '2020-02-13', '2020-02-13', '2020-A-0007', 2020, 'A', 7, '2020-02-13', '宏达物业服务有限公司第三分公司', 'company', 0, 'cash', 1500000, 'bank', NULL, NULL, NULL, NULL, '一线工作人员防护用品及困难家庭生活物资', NULL, NULL),
 ('dl2', '2020-02-13', '2020-02-13', '2020-A-0008', 2020, 'A', 8, '2020-02-13', '幸福里社区志愿者协会联合爱心企业', 'organisation', 0, 'goods', NULL, NULL, '医用外科口罩（独立包装）', 20000, '个', 80000, '隔离观察点工作人员', NULL, NULL),
 ('dl3', '2020-02-13', '2020-02-13', '2020-A-0009', 2020, 'A', 9, '2020-02-13', '录错的捐赠人', 'individual', 0, 'cash', 100, 'cash', NULL, NULL, NULL, NULL, NULL, '捐赠人要求更正金额并重新开具收据原收据已收回', '2020-02-13 11:00:00');
INSERT INTO checkpoints(uuid, created_at, updated_at, name, kind)
 VALUES ('kl', '2020-02-01', '2020-02-01', '东北角临时卡点菜市场入口', 'gate');
INSERT INTO shifts(uuid, created_at, updated_at, checkpoint_id, date, start_time, end_time, staff_id, role)
 VALUES ('sl', '2020-02-01', '2020-02-01', (SELECT id FROM checkpoints WHERE uuid = 'kl'), '2020-02-14', '08:00', '20:00',
  (SELECT id FROM staff WHERE name = '张网格'), 'leader');
INSERT INTO passes(uuid, created_at, updated_at, pass_no, household_id, issued_date, valid_until)
 VALUES ('p1', '2020-02-10', '2020-02-10', '01000015', 7, '2020-02-10', '2020-03-10'),
        ('p2', '2020-02-10', '2020-02-10', '01000028', 2, '2020-02-10', NULL);
COMMIT;
SQL

# strip FILE: the file's text with every space (ASCII and ideographic) and
# line break removed.
strip() { tr -d ' \t\n\f' <"$1" | sed 's/　//g'; }

# in_order PDFTEXT VALUES: every line of VALUES (spaces removed) occurs in
# PDFTEXT after the previous one; prints the first that does not.
in_order() {
	awk -v vals="$2" 'BEGIN {
		while ((getline s < ARGV[1]) > 0) text = text s
		pos = 1
		while ((getline v < vals) > 0) {
			gsub(/ /, "", v)
			gsub(/\t/, "", v)
			gsub(/　/, "", v)
			if (v == "") continue
			i = index(substr(text, pos), v)
			if (i == 0) { print v; exit 1 }
			pos += i + length(v) - 1
		}
	}' "$1"
}

# text_cells TEXT: the cells of the text form's tables, one a line, spaces
# removed, each the lines of one cell joined: a row's block of lines runs
# from one rule (+---) to the next, and a wrapped value is whole again.
text_cells() {
	awk -F'|' '
	function flush(   c) { for (c = 2; c < nc; c++) if (cell[c] != "") print cell[c]; delete cell; nc = 0 }
	/^\+/ { flush(); next }
	/^\|/ { nc = NF; for (c = 2; c < NF; c++) { v = $c; gsub(/ /, "", v); gsub(/　/, "", v); if (v !~ /^\[\]$/) cell[c] = cell[c] v } ; next }
	{ flush() }
	END { flush() }' "$1"
}

# text_lines TEXT: the single lines of the text form's cells, spaces removed.
text_lines() {
	charts_out "$1" | grep '^|' | tr '|' '\n' | sed 's/ //g; s/　//g' | grep -v '^$' |
		grep -v '^\[\]$' | sort -u
}

# charts_out TEXT: the text form without its chart tables (a caption naming
# a chart, its table, up to the blank line): the PDF draws those as charts,
# whose numbers are no text there (test_sheet_daily.sh and
# tests/unit/test_sheet_chart.c check them).
charts_out() {
	awk '/体温曲线$|近 14 日趋势$|隔离期间体温/ { skip = 1 } skip && /^$/ { skip = 0; next } !skip' "$1"
}

# has_all HAYSTACK VALUES: every line of VALUES (spaces removed) is within
# some line of HAYSTACK; prints the first that is not.
has_all() {
	awk -v hay="$1" 'BEGIN {
		while ((getline s < hay) > 0) text = text "\n" s
		text = text "\n"
	}
	{ v = $0; gsub(/ /, "", v); gsub(/　/, "", v); if (v != "" && index(text, v) == 0) { print v; exit 1 } }' "$2"
}

# check KIND SQL [ARGS...]: the sheet KIND as PDF and text against the
# values SQL lists in the sheet's order.
check() {
	kind=$1
	sql=$2
	shift 2
	expect_status 0 "$BIN" --db a.db sheet "$kind" "$@" -o "$kind.pdf" || return
	pdftotext -raw "$kind.pdf" "$kind.raw"
	strip "$kind.raw" >"$kind.pdf.txt"
	expect_status 0 "$BIN" --db a.db sheet "$kind" "$@" --text || return
	cp "$T/out" "$kind.txt"
	sqlite3 a.db "$sql" >"$kind.want"
	[ -s "$kind.want" ] || fail "$kind: the SQL lists nothing"
	miss=$(in_order "$kind.pdf.txt" "$kind.want") ||
		fail "$kind: \"$miss\" is not whole in the PDF in the sheet's order"
	text_cells "$kind.txt" >"$kind.cells"
	# the text form writes ・ for the ambiguous-width · (a name's middle dot)
	sed 's/·/・/g' "$kind.want" >"$kind.want.text"
	miss=$(has_all "$kind.cells" "$kind.want.text") ||
		fail "$kind: \"$miss\" is not whole in a cell of the text form"
	# and the degree sign as the language's word: 度 in Chinese, C in English
	text_lines "$kind.txt" | sed 's/・/·/g; s/度/℃/g; s/\([0-9(]\)C/\1℃/g' >"$kind.lines"
	tr -d '\n' <"$kind.pdf.txt" >"$kind.pdf.one"
	miss=$(has_all "$kind.pdf.one" "$kind.lines") ||
		fail "$kind: the text form's \"$miss\" is not in the PDF"
	for f in "$kind.raw" "$kind.txt"; do
		grep -q '…' "$f" && fail "$kind: $f has an ellipsis: $(grep '…' "$f" | head -1)"
	done
	# ASCII and CJK only in the text form: no character of ambiguous width
	for ch in ℃ ° … — · “ ” ▁ █; do
		grep -qF "$ch" "$kind.txt" && fail "$kind: the text form has the ambiguous-width $ch"
	done
}

# --- rounds: every household, its head and every living resident in order
check rounds "SELECT v FROM (
 SELECT h.sort_key AS k, h.id AS hid, 0 AS o, 0 AS rid, h.code AS v FROM households h WHERE h.deleted_at IS NULL
 UNION ALL SELECT h.sort_key, h.id, 2, r.id + (r.relation <> 'head') * 1000000, r.name
  FROM households h JOIN residents r ON r.household_id = h.id
  WHERE r.deleted_at IS NULL AND r.status = 'living')
 ORDER BY k, hid, o, rid"
n=$(sqlite3 a.db "SELECT count(*) FROM households WHERE deleted_at IS NULL")
[ "$(grep -cE '^\| +[0-9]+ \|' rounds.txt)" = "$n" ] || fail "rounds text: not $n households"
# the 40-resident household: 40 names, continued on the next page marked （续）
[ "$(sqlite3 a.db "SELECT count(*) FROM residents WHERE household_id = 7 AND status = 'living'")" = 40 ] ||
	fail "household 7 does not have 40 living residents"
grep -q '1-1-107（续）' rounds.raw || fail "rounds: the 40-resident household is not marked （续） where it continues"
p1=$(pdftotext -f 1 -l 1 -raw rounds.pdf - | tr -d ' \n' | grep -o '宿舍住户[0-9][0-9]' | tail -1)
p2=$(pdftotext -f 2 -l 2 -raw rounds.pdf - | tr -d ' \n' | grep -o '宿舍住户[0-9][0-9]' | head -1)
[ -n "$p1" ] && [ -n "$p2" ] && [ "${p1#宿舍住户}" -lt "${p2#宿舍住户}" ] ||
	fail "rounds: the household does not run from page 1 ($p1) on to page 2 ($p2)"
[ "$(grep -o '宿舍住户[0-9][0-9]' rounds.raw | sort -u | wc -l)" = 38 ] || fail "rounds: not all 38 dormitory residents in the PDF"
# every page carries its footer: no resident is drawn over the signatures
pages=$(pdfinfo rounds.pdf | sed -n 's/^Pages: *//p')
[ "$(grep -c '审核人' rounds.raw)" = "$pages" ] || fail "rounds: signature lines not on every page"

# a character no installed font has prints as a box: the command warns,
# naming the household, and writes the PDF all the same (U+10FFFD, a private
# character no font draws; 𪚥 too where no font has it)
sqlite3 a.db "UPDATE residents SET name = '张' || char(1114109) WHERE uuid = 'rs3'"
expect_status 0 "$BIN" --db a.db sheet rounds -o glyph.pdf
expect_grep 'no installed font has a character' "$T/err"
expect_grep '^1-1-103: "张' "$T/err"
if [ -z "$(fc-list ':charset=2a6a5' 2>/dev/null)" ]; then
	sqlite3 a.db "UPDATE residents SET name = '𪚥张' WHERE uuid = 'rs3'"
	expect_status 0 "$BIN" --db a.db sheet rounds -o glyph.pdf && expect_grep '1-1-103: "𪚥张"' "$T/err"
fi
sqlite3 a.db "UPDATE residents SET name = '配偶3' WHERE uuid = 'rs3'"
expect_status 0 "$BIN" --db a.db sheet rounds -o glyph.pdf
grep -q 'no installed font' "$T/err" && fail "a warning without a missing character"

# --- isolation: every active isolation: name, code, kind and site
check isolation "SELECT v FROM (
 SELECT i.kind AS k, coalesce(i.site, '') AS s, h.sort_key AS hk, r.name AS n, i.id AS id, 1 AS o, r.name AS v
  FROM isolations i JOIN residents r ON r.id = i.resident_id JOIN households h ON h.id = r.household_id
  WHERE i.deleted_at IS NULL AND i.start_date <= '2020-02-15' AND (i.end_date IS NULL OR i.end_date >= '2020-02-15')
  AND date(i.start_date, '+' || (i.days + i.extended_days - 1) || ' days') >= '2020-02-15'
 UNION ALL
 SELECT i.kind, coalesce(i.site, ''), h.sort_key, r.name, i.id, 2, h.code
  FROM isolations i JOIN residents r ON r.id = i.resident_id JOIN households h ON h.id = r.household_id
  WHERE i.deleted_at IS NULL AND i.start_date <= '2020-02-15' AND (i.end_date IS NULL OR i.end_date >= '2020-02-15')
  AND date(i.start_date, '+' || (i.days + i.extended_days - 1) || ' days') >= '2020-02-15'
 UNION ALL
 SELECT i.kind, coalesce(i.site, ''), h.sort_key, r.name, i.id, 3, i.site
  FROM isolations i JOIN residents r ON r.id = i.resident_id JOIN households h ON h.id = r.household_id
  WHERE i.deleted_at IS NULL AND i.site IS NOT NULL AND i.start_date <= '2020-02-15' AND (i.end_date IS NULL OR i.end_date >= '2020-02-15')
  AND date(i.start_date, '+' || (i.days + i.extended_days - 1) || ' days') >= '2020-02-15')
 ORDER BY k, s, hk, n, id, o"

# --- donations: receipt numbers, donors in full (匿名 where anonymous),
# designations and void reasons; then the distributions
check donations "SELECT v FROM (
 SELECT received_date AS d, year, station, seq, id, 1 AS o, receipt_no AS v FROM donations WHERE deleted_at IS NULL AND received_date <= '2020-02-15'
 UNION ALL SELECT received_date, year, station, seq, id, 2, CASE WHEN anonymous THEN '匿名' ELSE donor_name END
  FROM donations WHERE deleted_at IS NULL AND received_date <= '2020-02-15'
 UNION ALL SELECT received_date, year, station, seq, id, 3, coalesce(item, '')
  FROM donations WHERE deleted_at IS NULL AND received_date <= '2020-02-15' AND void_reason IS NULL
 UNION ALL SELECT received_date, year, station, seq, id, 4, coalesce(void_reason, designation, '')
  FROM donations WHERE deleted_at IS NULL AND received_date <= '2020-02-15')
 ORDER BY d, year, station, seq, id, o"
grep -q 赵先生 donations.raw && fail "donations: an anonymous donor is named"

# --- daily: every count the text form shows is in the PDF (check's cell test)
check daily "SELECT '住户（户）' UNION ALL SELECT count(*) FROM households WHERE deleted_at IS NULL"

# --- duty: every checkpoint of the week's shifts, long names whole
check duty "SELECT DISTINCT p.name FROM shifts s JOIN checkpoints p ON p.id = s.checkpoint_id
 WHERE s.date BETWEEN '2020-02-10' AND '2020-02-16' ORDER BY p.name"
# (the order of the duty rows is the roster's; the in-order check above is on one name at a time)

# --- passes: every valid pass number and its household
check passes "SELECT v FROM (SELECT h.sort_key AS k, 1 AS o, p.pass_no AS v FROM passes p JOIN households h ON h.id = p.household_id WHERE p.revoked_at IS NULL
 UNION ALL SELECT h.sort_key, 2, h.code FROM passes p JOIN households h ON h.id = p.household_id WHERE p.revoked_at IS NULL)
 ORDER BY k, o"

finish
