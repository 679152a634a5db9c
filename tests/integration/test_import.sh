#!/bin/sh
# doorstep import roster (docs/households.md): each fixture through the binary, counts
# checked with SQL, every bad row named, nothing imported from a bad file,
# the same file twice changes nothing, a changed phone is an audited update,
# and --dry-run writes nothing.
FX=$(cd "$(dirname "$0")/../fixtures/roster" && pwd)
. "$(dirname "$0")/lib.sh"

DB="$T/a.db"
export DOORSTEP_DB="$DB"
expect_status 0 "$BIN" init --community 幸福里社区

# Usage errors.
expect_status 2 "$BIN" import
expect_status 2 "$BIN" import visits "$FX/legacy15.csv" && expect_grep 'only a roster' "$T/err"
expect_status 2 "$BIN" import roster
expect_status 2 "$BIN" import roster "$FX/legacy15.csv" --encoding latin1
expect_status 1 "$BIN" import roster "$T/missing.csv" && expect_grep 'cannot read' "$T/err"

# Excel's "CSV UTF-8": BOM, CRLF, merged household cells, trailing empty columns.
expect_status 0 "$BIN" import roster "$FX/excel_utf8_bom_crlf.csv"
expect_grep '^households: 3 new, 0 updated, 0 unchanged$' "$T/out"
expect_grep '^residents: 5 new, 0 updated, 0 unchanged$' "$T/out"
[ "$(q "$DB" "SELECT count(*) FROM residents r JOIN households h ON h.id = r.household_id
	WHERE h.code = '3-2-501'")" = 3 ] || fail "3-2-501 should have 3 residents"
[ "$(q "$DB" "SELECT relation || sex || birth_date || phone FROM residents WHERE name = '李四'")" = \
	"spouseF1968-07-2013912345678" ] || fail "李四 not stored as checked"
[ "$(q "$DB" "SELECT notes FROM residents WHERE name = '李四'")" = "高血压，每天服药" ] ||
	fail "notes not stored"
[ "$(q "$DB" "SELECT compound || '/' || building || '/' || unit || '/' || room FROM households
	WHERE code = '3-10-101'")" = "幸福小区/3/10/101" ] || fail "household columns not stored"
[ "$(q "$DB" "SELECT count(*) FROM audit_log WHERE action = 'insert' AND table_name = 'residents'")" = 5 ] ||
	fail "resident inserts not audited"
[ "$(q "$DB" "SELECT count(*) FROM audit_log WHERE action = 'import'")" = 1 ] || fail "import not audited"

# The same file again: nothing new, nothing updated, not one row written.
before=$(q "$DB" "SELECT count(*) FROM audit_log")
expect_status 0 "$BIN" import roster "$FX/excel_utf8_bom_crlf.csv"
expect_grep '^households: 0 new, 0 updated, 3 unchanged$' "$T/out"
expect_grep '^residents: 0 new, 0 updated, 5 unchanged$' "$T/out"
[ "$(q "$DB" "SELECT count(*) FROM audit_log")" = "$before" ] || fail "a second import wrote audit rows"

# A changed phone is one update, audited with old and new values.
sed 's/13912345678/13900000000/' "$FX/excel_utf8_bom_crlf.csv" >changed.csv
expect_status 0 "$BIN" import roster changed.csv
expect_grep '^residents: 0 new, 1 updated, 4 unchanged$' "$T/out"
[ "$(q "$DB" "SELECT phone FROM residents WHERE name = '李四'")" = 13900000000 ] || fail "phone not updated"
q "$DB" "SELECT changes FROM audit_log WHERE action = 'update' AND table_name = 'residents'" >changes
expect_grep '13912345678' changes
expect_grep '13900000000' changes

# --dry-run: the counts of a real import, and the file byte for byte the same.
q "$DB" .dump >dump.before
expect_status 0 "$BIN" import roster --dry-run "$FX/utf8_english_reordered.csv"
expect_grep '^households: 1 new, 0 updated, 0 unchanged$' "$T/out"
expect_grep '^residents: 3 new, 0 updated, 0 unchanged$' "$T/out"
expect_grep 'dry run' "$T/out"
q "$DB" .dump >dump.after
cmp -s dump.before dump.after || fail "--dry-run changed the database"
expect_status 0 "$BIN" import roster "$FX/utf8_english_reordered.csv" --dry-run

# English headers in another order, really.
expect_status 0 "$BIN" import roster "$FX/utf8_english_reordered.csv"
expect_grep '^residents: 3 new, 0 updated, 0 unchanged$' "$T/out"
[ "$(q "$DB" "SELECT tags || status FROM residents WHERE name = 'Wang Fang'")" = chronicliving ] ||
	fail "Wang Fang's tags and status"

# GB18030 as Excel writes it on a Chinese Windows, names outside GBK intact.
expect_status 1 "$BIN" import roster --encoding utf8 "$FX/gb18030_excel.csv" &&
	expect_grep 'gb18030_excel.csv:1: invalid UTF-8' "$T/err"
expect_status 0 "$BIN" import roster "$FX/gb18030_excel.csv" && expect_grep 'gb18030, 3 rows' "$T/out"
[ "$(q "$DB" "SELECT group_concat(name, ',') FROM (SELECT name FROM residents r JOIN households h
	ON h.id = r.household_id WHERE h.code = '高河村3组12号' ORDER BY r.id)")" = "王䶮,李𠀀,张𪚥" ] ||
	fail "GB18030 names not intact"
expect_status 0 "$BIN" import roster --encoding gb18030 "$FX/gb18030_excel.csv"
expect_grep '^residents: 0 new, 0 updated, 3 unchanged$' "$T/out"

# Full-width digits and x, a 15-digit ID, a quoted multi-line note, a title row.
expect_status 0 "$BIN" import roster "$FX/fullwidth.csv"
[ "$(q "$DB" "SELECT id_number || phone FROM residents WHERE name = '郑十一'")" = \
	"33010619860606118X13812345670" ] || fail "full-width forms not folded"
expect_status 0 "$BIN" import roster "$FX/legacy15.csv"
[ "$(q "$DB" "SELECT id_number FROM residents WHERE name = '老张'")" = 411202196503121356 ] ||
	fail "15-digit ID not upgraded"
expect_status 0 "$BIN" import roster "$FX/multiline_notes.csv"
[ "$(q "$DB" "SELECT notes FROM residents WHERE name = '孙八'")" = "$(printf '第一行，有逗号, 和 "引号"\n第二行\n\n第四行')" ] ||
	fail "multi-line note"
expect_status 0 "$BIN" import roster "$FX/title_row.csv" &&
	expect_grep 'title_row.csv:2: warning: 微信号: unknown column, ignored' "$T/err"

# Bad files: every bad row listed as FILE:LINE: column: reason, nothing imported.
before=$(q "$DB" "SELECT count(*) FROM residents")
expect_status 1 "$BIN" import roster "$FX/bad_rows.csv"
for l in '2: 身份证号: check digit' '3: 联系电话:' '4: 性别: unknown value "未知"' \
	'5: 出生日期: 2099-01-01 is in the future' '6: 出生日期: 1991-01-01 does not match' \
	'7: 性别: 女 does not match' '8: 身份证号: the same ID number is already on line 6' \
	'9: 小区: household 1-1-107 has "A区" on line 8' '10: 姓名: empty' \
	'11: 与户主关系: unknown value "舅舅"' '12: 标签: unknown tag' '13: 身份证号: "4.11202E+17"' \
	'14: 返回日期:' '16: 姓名: 寅 is already on line 15'; do
	expect_grep "^doorstep: $FX/bad_rows.csv:$l" "$T/err"
done
[ "$(grep -c "bad_rows.csv:[0-9]*: " "$T/err")" = 14 ] || fail "wanted 14 error lines"
expect_status 1 "$BIN" import roster "$FX/missing_code.csv" && expect_grep 'missing_code.csv:1: the required column household code' "$T/err"
expect_status 1 "$BIN" import roster "$FX/unclosed_quote.csv" && expect_grep 'unclosed_quote.csv:2: a quoted field' "$T/err"
expect_status 1 "$BIN" import roster "$FX/invalid_bytes.csv" && expect_grep 'invalid_bytes.csv:3: invalid byte 0xFF' "$T/err"
expect_status 1 "$BIN" import roster --dry-run "$FX/bad_rows.csv"
[ "$(q "$DB" "SELECT count(*) FROM residents")" = "$before" ] || fail "a bad file imported rows"

# A resident matched by ID number in another household is moved there.
printf '户号,姓名,身份证号\n8-8-809,老张,411202650312135\n' >moved.csv
expect_status 0 "$BIN" import roster moved.csv
expect_grep '^residents: 0 new, 1 updated, 0 unchanged$' "$T/out"
[ "$(q "$DB" "SELECT h.code FROM residents r JOIN households h ON h.id = r.household_id
	WHERE r.name = '老张'")" = 8-8-809 ] || fail "resident not moved"
[ "$(q "$DB" 'PRAGMA integrity_check')" = ok ] || fail "integrity"
finish
