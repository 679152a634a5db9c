#!/bin/sh
# Rosters kept as workbooks and the layouts committees really use: .xlsx and
# .xls read through the same checks as CSV (fixtures made with LibreOffice
# and by hand, tests/fixtures/workbooks), errors named FILE:SHEET!CELL, IDs
# and landlines that Excel stored as numbers refused with the hint, dates
# from date-formatted cells in both date systems, --sheet, formats that are
# not read named; then title blocks, bracketed titles, template rows,
# apostrophes, masked numbers and IDs under a title not understood.
FX=$(cd "$(dirname "$0")/../fixtures/workbooks" && pwd)
. "$(dirname "$0")/lib.sh"

DB="$T/a.db"
export DOORSTEP_DB="$DB"
expect_status 0 "$BIN" init --community 幸福里社区
rows() {
	q "$DB" "SELECT h.code, r.name, r.id_number, r.sex, r.birth_date, ifnull(r.phone, ''),
		r.relation, ifnull(r.notes, '') FROM residents r JOIN households h
		ON h.id = r.household_id WHERE r.deleted_at IS NULL ORDER BY r.name"
}
want_rows='1-1-101|张三|110101199003074514|M|1990-03-07|13812345678|head|
1-1-101|李四|110101199205061228|F|1992-05-06|13912345678|spouse|1E5
1-1-102|王五|420102198503121238|M|1985-03-12|13712345678|head|(12)'

# .xlsx and .xls from LibreOffice: title row and block skipped, 身份证号码（18位）
# and 姓名(必填) mapped, the template rows with only 序号 skipped, dates read.
for f in roster.xlsx roster.xls; do
	rm -f "$DB"
	expect_status 0 "$BIN" init --community 幸福里社区
	expect_status 0 "$BIN" import roster "$FX/$f" --dry-run
	expect_grep "^$FX/$f: sheet roster, 3 rows$" "$T/out"
	[ "$(q "$DB" "SELECT count(*) FROM residents")" = 0 ] || fail "$f: dry run wrote"
	expect_status 0 "$BIN" import roster "$FX/$f"
	expect_grep '^residents: 3 new, 0 updated, 0 unchanged$' "$T/out"
	[ "$(rows | LC_ALL=C sort)" = "$(printf '%s\n' "$want_rows" | LC_ALL=C sort)" ] ||
		{ fail "$f: rows differ"; rows; }
	# The same workbook again changes nothing; its CSV twin neither.
	expect_status 0 "$BIN" import roster "$FX/$f"
	expect_grep '^residents: 0 new, 0 updated, 3 unchanged$' "$T/out"
	expect_status 0 "$BIN" import roster "$FX/roster.csv"
	expect_grep '^residents: 0 new, 0 updated, 3 unchanged$' "$T/out"
done

# Numbers that lost digits: each refused with its cell and the hint; the
# 15-digit old ID and the mobile stored as numbers lost nothing and pass.
before=$(q "$DB" "SELECT count(*) FROM audit_log")
expect_status 1 "$BIN" import roster "$FX/roster-numbers.xlsx"
expect_grep 'roster-numbers.xlsx:roster-numbers!D2: 身份证号: "1.10101E+17" is a number that Excel shortened; format the column as text' "$T/err"
expect_grep 'roster-numbers.xlsx:roster-numbers!F3: 联系电话: 2788881234 is stored as a number, which loses the 0' "$T/err"
grep -q 'D3' "$T/err" && fail "the 15-digit ID stored as a number was refused"
grep -q 'F2' "$T/err" && fail "the mobile stored as a number was refused"
expect_grep '2 problem(s); nothing was imported' "$T/err"
[ "$(q "$DB" "SELECT count(*) FROM audit_log")" = "$before" ] || fail "a refused workbook wrote"

# Hand-made corners: the roster on the second sheet, 1904 dates, a custom
# date format, rich text with a phonetic guide, inline strings, a formula.
expect_status 1 "$BIN" import roster "$FX/edge.xlsx"
expect_grep 'edge.xlsx:填表说明: no header row' "$T/err"
expect_grep "the workbook's sheets are \"填表说明\", \"名单\"; choose one with --sheet" "$T/err"
expect_status 1 "$BIN" import roster "$FX/edge.xlsx" --sheet 无此表
expect_grep 'no sheet "无此表"; its sheets: "填表说明", "名单"' "$T/err"
rm -f "$DB"
expect_status 0 "$BIN" init --community 幸福里社区
expect_status 0 "$BIN" import roster "$FX/edge.xlsx" --sheet 名单
expect_grep 'edge.xlsx:名单!F2: warning: 已核实: unknown column, ignored' "$T/err"
[ "$(rows)" = "1-1-101|张三|110101199003074514|M|1990-03-07||other|甲乙
1-1-101|李四|110101199205061228|F|1992-05-06||other|" ] || { fail "edge.xlsx rows"; rows; }
expect_status 1 "$BIN" import roster "$FX/roster.csv" --sheet 名单
expect_grep 'sheet is for workbooks' "$T/err"

# Hostile or foreign files: a clear message, nothing written.
before=$(q "$DB" "SELECT count(*) FROM audit_log")
expect_status 1 "$BIN" import roster "$FX/doctype.xlsx" --sheet 名单
expect_grep 'doctype.xlsx: the workbook holds a document type declaration' "$T/err"
expect_status 1 "$BIN" import roster "$FX/badsst.xlsx" --sheet 名单
expect_grep 'names a shared string that is not there' "$T/err"
expect_status 1 "$BIN" import roster "$FX/roster-numbers.ods"
expect_grep 'roster-numbers.ods: an OpenDocument spreadsheet (.ods) is not read' "$T/err"
printf 'PK\003\004garbage' >"$T/bad.xlsx"
expect_status 1 "$BIN" import roster "$T/bad.xlsx"
expect_grep 'bad.xlsx: a damaged zip archive' "$T/err"
printf '\320\317\021\340\241\261\032\341not really' >"$T/bad.et"
expect_status 1 "$BIN" import roster "$T/bad.et"
expect_grep 'bad.et: not an Excel 97-2003 workbook that can be read' "$T/err"
[ "$(q "$DB" "SELECT count(*) FROM audit_log")" = "$before" ] || fail "a foreign file wrote"

# Layouts of real CSV rosters.
rm -f "$DB"
expect_status 0 "$BIN" init --community 幸福里社区
cat >block.csv <<'CSV'
街道：,东城街道,社区：,幸福里,网格：,第一网格,填表人：,王芳
序号,户号,*姓名,身份证号码(18位),联系电话【手机】,返回前所在地,备注
1,5-1-101,周一,'110101199003074514',‘13812345678’,武汉," "
2,,吴二,110101199205061228,13912345678,,　
3,, ,"  ",,,
4,,,,,,
CSV
expect_status 0 "$BIN" import roster block.csv
expect_grep '^residents: 2 new, 0 updated, 0 unchanged$' "$T/out"
[ "$(q "$DB" "SELECT id_number || '/' || phone || '/' || ifnull(returned_from, '') FROM residents
	WHERE name = '周一'")" = "110101199003074514/13812345678/武汉" ] ||
	fail "apostrophes or 返回前所在地 not taken"

cat >masked.csv <<'CSV'
户号,姓名,身份证号,联系电话
6-1-101,郑三,110101********4514,138****5678
6-1-102,孙四,110101********1228,139****5678
6-1-103,冯五,110101********1238,137****5678
CSV
expect_status 1 "$BIN" import roster masked.csv
[ "$(grep -c "is masked" "$T/err")" = 1 ] || { fail "masked numbers: not exactly one message"; cat "$T/err"; }
expect_grep 'export again with --full-ids' "$T/err"

cat >zeros.csv <<'CSV'
户号,姓名,身份证号
7-1-101,陈六,110101199003010000
CSV
expect_status 0 "$BIN" import roster zeros.csv --dry-run
expect_grep 'zeros.csv:2: warning: 身份证号: 110101199003010000 ends in 000' "$T/err"

# A row that matches a resident by ID but moves or renames them is listed
# in the dry run, ID masked, not only counted.
cat >move.csv <<'CSV'
户号,姓名,身份证号
5-1-102,周一一,110101199003074514
CSV
expect_status 0 "$BIN" import roster move.csv --dry-run
expect_grep '^residents: 0 new, 1 updated, 0 unchanged$' "$T/out"
expect_grep '^line 2: 周一 (110101\*\*\*\*\*\*\*\*4514) moves from household 5-1-101 to 5-1-102$' "$T/out"
expect_grep '^line 2: 周一 (110101\*\*\*\*\*\*\*\*4514) is renamed 周一一$' "$T/out"
[ "$(q "$DB" "SELECT name FROM residents WHERE id_number = '110101199003074514'")" = 周一 ] ||
	fail "a dry run renamed"

cat >idcol.csv <<'CSV'
户号,姓名,公民身份证编码
8-1-101,褚七,110101199003074514
CSV
expect_status 1 "$BIN" import roster idcol.csv
expect_grep 'idcol.csv:1: 公民身份证编码: this column holds ID numbers but its title is not understood' "$T/err"
finish
