#!/bin/sh
# Text is never cut (issue 16 §2), through the binary: a central site of
# 56 characters (方舱医院 × 14) no longer makes `sheet isolation` drop the
# rows from it on (PDF read back with pdftotext, and --text), the import and
# merge refuse a value over its column's limit naming the field and the limit
# (and write nothing), and `check` reports invalid UTF-8 in any text column
# and an older row over a limit, naming table, row and column.
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
. "$here/sheet_data.sh"

for tool in sqlite3 pdftotext; do
	command -v "$tool" >/dev/null || { echo "FAIL: $tool is needed (poppler-utils, sqlite3)"; exit 1; }
done
sheet_data a.db 60 || { echo "FAIL: test data"; exit 1; }
site=$(printf '方舱医院%.0s' 1 2 3 4 5 6 7 8 9 10 11 12 13 14)
[ "$(printf %s "$site" | wc -m)" = 56 ] || fail "the site is not 56 characters"

# ---- sheet isolation: ten central isolations on one long site, between others
# (the text form may shorten a cell with "…"; the PDF holds it whole)
sqlite3 a.db "INSERT INTO isolations(uuid, created_at, updated_at, resident_id, kind, site, reason,
 start_date, days, extended_days) SELECT 'L' || id, '2020-02-10', '2020-02-10', id, 'central', '$site',
 'close_contact', '2020-02-10', 14, 0 FROM residents WHERE uuid IN ('rh10', 'rh11', 'rh12', 'rh13',
 'rh14', 'rh15', 'rh16', 'rh17', 'rh18', 'rh19')"
active=$(sqlite3 a.db "SELECT count(*) FROM isolations WHERE deleted_at IS NULL AND start_date <= '2020-02-15'
 AND (end_date IS NULL OR end_date >= '2020-02-15') AND date(start_date, (days + extended_days - 1)
 || ' days') >= '2020-02-15'")
[ "$active" -ge 13 ] || fail "test data: only $active active isolations"
expect_status 0 "$BIN" --db a.db sheet isolation -o iso.pdf
grep -qi 'invalid utf-8\|pango' "$T/err" && fail "Pango complained: $(head -3 "$T/err")"
pdftotext -layout iso.pdf i.txt
for n in $(seq 1 "$active"); do
	grep -qE "^ *$n +" i.txt || fail "isolation PDF: no row $n of $active"
done
for r in 户主10 户主14 户主19 户主41; do
	grep -q "$r" i.txt || fail "isolation PDF: $r is missing"
done
# the site whole: its characters, spread over the cell's lines, all there
[ "$(grep -o '[方舱医院]' i.txt | wc -l)" -ge $((56 * 10)) ] ||
	fail "isolation PDF: the site is cut ($(grep -o '[方舱医院]' i.txt | wc -l) of $((56 * 10)) characters)"
expect_status 0 "$BIN" --db a.db sheet isolation --text
[ "$(grep -cE '^\| +[0-9]+ \|' "$T/out")" = "$active" ] ||
	fail "isolation --text: $(grep -cE '^\| +[0-9]+ \|' "$T/out") rows, wanted $active"
iconv -f UTF-8 -t UTF-8 "$T/out" >/dev/null 2>&1 || fail "isolation --text: not valid UTF-8"
# no text problem (the data's made-up ID numbers are other check problems)
"$BIN" --db a.db check >"$T/chk" 2>&1
grep -q 'UTF-8\|over its limit' "$T/chk" && fail "check: $(grep -m1 'UTF-8\|over its limit' "$T/chk")"

# ---- import: a value over its limit is refused, naming the field and the limit
export DOORSTEP_DB="$T/b.db"
expect_status 0 "$BIN" init --community 幸福里社区
name=$(printf '名%.0s' $(seq 1 101))
code=$(printf 'A%.0s' $(seq 1 65))
printf 'Code,Name,Relation\n1-1-101,王芳,head\n1-1-102,%s,head\n%s,李四,head\n' "$name" "$code" >long.csv
expect_status 1 "$BIN" import roster long.csv
expect_grep 'long.csv:3.*too long (101 characters, at most 100)' "$T/err"
expect_grep 'long.csv:4.*too long (65 characters, at most 64)' "$T/err"
[ "$(q "$T/b.db" "SELECT count(*) FROM residents")" = 0 ] || fail "a refused import wrote residents"
# at the limit it is taken whole: 100 × 名 (300 bytes), 64-character code
name=$(printf '名%.0s' $(seq 1 100))
code=$(printf '号%.0s' $(seq 1 64))
printf 'Code,Name,Relation\n%s,%s,head\n' "$code" "$name" >limit.csv
expect_status 0 "$BIN" import roster limit.csv
[ "$(q "$T/b.db" "SELECT length(name) || ' ' || length(CAST(name AS BLOB)) FROM residents")" = "100 300" ] ||
	fail "a 100-character name was not stored whole"
[ "$(q "$T/b.db" "SELECT length(code) FROM households")" = 64 ] || fail "a 64-character code was not stored whole"

# ---- merge: an incoming value over its limit refuses the merge, naming it
cp "$T/b.db" c.db
sqlite3 c.db "UPDATE residents SET notes = '$(printf '注%.0s' $(seq 1 4001))', updated_at = '2020-02-15 10:00:00'"
expect_status 1 "$BIN" merge c.db
expect_grep 'c.db: the Notes of residents record .* is 4001 characters long, over its limit of 4000; nothing was merged' "$T/err"
[ "$(q "$T/b.db" "SELECT coalesce(length(notes), 0) FROM residents")" = 0 ] || fail "a refused merge wrote"
(cd "$T" && unset DOORSTEP_DB && LC_ALL=zh_CN.UTF-8 "$BIN" --db b.db merge c.db) >/dev/null 2>"$T/err"
expect_grep '备注”有 4001 个字，超过上限 4000 个字；未合并任何数据' "$T/err"

# ---- check: invalid UTF-8 anywhere, and older rows over a limit
expect_status 0 "$BIN" check
sqlite3 "$T/b.db" "UPDATE residents SET notes = CAST(X'E696B9E8889F' || X'E9' AS TEXT);
 UPDATE audit_log SET staff = CAST(X'E6B58B' || X'E8AF' AS TEXT) WHERE id = 1;
 UPDATE households SET address = '$(printf '路%.0s' $(seq 1 201))'"
expect_status 1 "$BIN" check
expect_grep '^doorstep: residents: row 1, column notes is not valid UTF-8' "$T/out"
expect_grep '^doorstep: audit_log: row 1, column staff is not valid UTF-8' "$T/out"
expect_grep '^doorstep: households: row 1, column address holds 201 characters, over its limit of 200' "$T/out"
expect_grep '3 problem(s) found' "$T/out"
[ "$(q "$T/b.db" "SELECT length(address) FROM households")" = 201 ] || fail "check changed the row"

finish
