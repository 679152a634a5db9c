#!/bin/sh
# The duty (值班表) and passes (出入证) sheets of docs/sheets.md from a community made
# with sqlite3 (sheet_data.sh) plus checkpoints, a week of shifts with a gap
# and a double booking, and passes with known numbers: the PDFs open, their
# numbers, people and gaps are found by pdftotext, revoked and expired passes
# are not printed, and --grid narrows the cards.
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
. "$here/sheet_data.sh"

for tool in sqlite3 pdfinfo pdftotext; do
	command -v "$tool" >/dev/null || { echo "FAIL: $tool is needed (poppler-utils, sqlite3)"; exit 1; }
done
sheet_data a.db 60 || { echo "FAIL: test data"; exit 1; }
pages() { pdfinfo "$1" | sed -n 's/^Pages: *//p'; }

# Station A numbers 1..25 (Damm check digit last), on households 1..25;
# 24 is revoked, 25 expired on 2020-02-14.
nos="01000015 01000028 01000031 01000044 01000053 01000066 01000077 01000089 01000090
01000106 01000111 01000122 01000133 01000140 01000154 01000165 01000179 01000187 01000198
01000201 01000217 01000225 01000230 01000249 01000258"
i=0
for no in $nos; do
	i=$((i + 1))
	echo "INSERT INTO passes(uuid, created_at, updated_at, pass_no, household_id, issued_date, valid_until)
 VALUES ('p$i', '2020-02-10 08:00:00', '2020-02-10 08:00:00', '$no', $i, '2020-02-10', '2020-03-10');"
done >passes.sql
cat >>passes.sql <<'SQL'
UPDATE passes SET revoked_at = '2020-02-12 10:00:00', revoke_reason = '丢失' WHERE uuid = 'p24';
UPDATE passes SET valid_until = '2020-02-14' WHERE uuid = 'p25';
INSERT INTO staff(uuid, created_at, updated_at, name, role)
 VALUES ('v1', '2020-02-01', '2020-02-01', '王志愿', 'volunteer');
-- sheet_data made 东门卡点 already.
INSERT INTO checkpoints(uuid, created_at, updated_at, name, kind)
 VALUES ('k2', '2020-02-01', '2020-02-01', '西门卡点', 'road');
WITH RECURSIVE d(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM d WHERE i < 6)
INSERT INTO shifts(uuid, created_at, updated_at, checkpoint_id, date, start_time, end_time, staff_id, role)
 SELECT 'e' || i, '2020-02-01', '2020-02-01', 1, date('2020-02-10', '+' || i || ' days'), '08:00', '20:00',
  (SELECT id FROM staff WHERE name = '张网格'), 'leader' FROM d WHERE i <> 2
 UNION ALL
 SELECT 'n' || i, '2020-02-01', '2020-02-01', 1, date('2020-02-10', '+' || i || ' days'), '20:00', '08:00',
  (SELECT id FROM staff WHERE name = '王志愿'), 'member' FROM d;
INSERT INTO shifts(uuid, created_at, updated_at, checkpoint_id, date, start_time, end_time, staff_id, role)
 VALUES ('w1', '2020-02-01', '2020-02-01', (SELECT id FROM checkpoints WHERE name = '西门卡点'), '2020-02-10', '19:00', '23:00',
  (SELECT id FROM staff WHERE name = '张网格'), 'member');
SQL
sqlite3 a.db <passes.sql || fail "inserting passes and shifts"

# --- duty: the week of 2020-02-15 (Mon 02-10 .. Sun 02-16)
expect_status 0 "$BIN" --db a.db sheet duty -o duty.pdf
[ "$(pages duty.pdf)" -ge 1 ] || fail "duty.pdf does not open"
pdftotext -layout duty.pdf d.txt
for want in 值班表 东门卡点 西门卡点 张网格 王志愿 组长 组员 '08:00-20:00' '20:00-08:00' \
	'2020-02-10 至 2020-02-16' 排班人 '第 *1 *页'; do
	expect_grep "$want" d.txt
done
# Wednesday's day shift is missing: a gap; 张网格 at both gates on Monday evening.
expect_grep '2020-02-12.*08:00-20:00.*空缺' d.txt
expect_grep '重复排班.*张网格' d.txt
expect_status 0 "$BIN" --db a.db sheet duty --text
expect_grep '空缺：无人值守' "$T/out"
# Another week has no shift at all.
expect_status 0 "$BIN" --db a.db sheet duty --date 2020-03-02 --text
expect_grep '本周没有排班' "$T/out"

# --- passes: 23 current cards, two to a row
expect_status 0 "$BIN" --db a.db sheet passes -o passes.pdf
[ "$(pages passes.pdf)" -ge 2 ] || fail "23 pass cards fit on $(pages passes.pdf) page(s)?"
pdftotext passes.pdf p.txt
for no in $(echo "$nos" | tr ' ' '\n' | head -n 23); do
	expect_grep "$no" p.txt
done
grep -q 01000249 p.txt && fail "a revoked pass was printed"
grep -q 01000258 p.txt && fail "an expired pass was printed"
for want in 出入证 幸福里社区 '户号：1-1-101' '户主：户主1' '有效期至：2020-03-10' 社区盖章 \
	每户每2天限一人外出 发证人; do
	expect_grep "$want" p.txt
done
# Every card carries its number as a Code 128 symbol a scanner reads: the
# pages rendered at 300 dpi, zbarimg decodes exactly the printed numbers.
if command -v zbarimg >/dev/null && command -v pdftoppm >/dev/null; then
	pdftoppm -r 300 -gray -png passes.pdf pz
	for f in pz-*.png; do zbarimg -q --raw -Scode128.enable "$f" 2>/dev/null; done | sort >scanned.txt
	sqlite3 a.db "SELECT pass_no FROM passes WHERE revoked_at IS NULL AND (valid_until IS NULL OR valid_until >= '2020-02-15')
	 ORDER BY pass_no" >valid.txt
	[ "$(wc -l <valid.txt)" = 23 ] || fail "the test expects 23 valid passes, SQL has $(wc -l <valid.txt)"
	cmp -s scanned.txt valid.txt || { fail "the barcodes do not scan as the valid pass numbers:"; diff valid.txt scanned.txt | head; }
	# the symbology is Code 128, which a 1D gate scanner reads
	zbarimg -q pz-1.png 2>/dev/null | grep -q '^CODE-128:' || fail "the symbols are not Code 128"
else
	fail "zbarimg and pdftoppm are needed (zbar-tools, poppler-utils)"
fi
# Odd buildings are 一网格: households 1..40 are building 1.  二网格 has none of 1..25.
expect_status 0 "$BIN" --db a.db sheet passes --grid 二网格 --text
expect_grep '没有有效的出入证' "$T/out"
expect_status 0 "$BIN" --db a.db sheet passes --grid 一网格 --text
expect_grep 01000015 "$T/out"
expect_status 2 "$BIN" --db a.db sheet duty --grid 一网格
finish
