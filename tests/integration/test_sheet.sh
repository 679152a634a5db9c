#!/bin/sh
# `doorstep sheet` (docs/sheets.md) on a community of 1,000 households made with
# sqlite3 (sheet_data.sh): page counts follow the rows, pdftotext finds the
# codes, names and numbers the database holds, the text form lines up for
# Chinese names, files are 0600 and atomic, and every failure is clear.
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
. "$here/sheet_data.sh"

for tool in sqlite3 pdfinfo pdftotext; do
	command -v "$tool" >/dev/null || { echo "FAIL: $tool is needed (poppler-utils, sqlite3)"; exit 1; }
done
sheet_data a.db 1000 || { echo "FAIL: test data"; exit 1; }
pages() { pdfinfo "$1" | sed -n 's/^Pages: *//p'; }

# --- rounds: every household, two residents each: 16 a page, 1000 → 63 pages
# (how long it takes is measured by `make bench`, not here: a timed test
# fails on a loaded machine and proves nothing on an idle one)
expect_status 0 "$BIN" --db a.db sheet rounds && expect_grep 'rounds-2020-02-15.pdf (63 page' "$T/out"
f=rounds-2020-02-15.pdf
[ "$(pages $f)" = 63 ] || fail "rounds: $(pages $f) pages, wanted 63"
[ "$(stat -c %a $f)" = 600 ] || fail "rounds PDF mode $(stat -c %a $f), wanted 600"
pdfinfo $f | grep -q 'A4' || fail "rounds is not A4"
pdftotext -layout $f r.txt
for want in 1-1-101 3-2-120 10-1-101 25-2-120 户主1000 配偶1000 户主999 '138\*\*\*\*0001' \
	'第 1 页 共 63 页' '第 63 页 共 63 页' 填表人 审核人 幸福里社区 走访登记表; do
	expect_grep "$want" r.txt
done
grep -q 13800000001 r.txt && fail "rounds shows a full phone number"
grep -q 迁出 r.txt && fail "rounds lists a moved-out resident"
# every household once, in natural order (3-2-… before 10-1-…)
[ "$(grep -oE '(^| )[0-9]+-[12]-1[0-9]{2}( |$)' r.txt | wc -l)" = 1000 ] ||
	fail "rounds: $(grep -oE '(^| )[0-9]+-[12]-1[0-9]{2}( |$)' r.txt | wc -l) codes, wanted 1000"
l3=$(grep -n ' 3-2-120 ' r.txt | cut -d: -f1)
l10=$(grep -n ' 10-1-101 ' r.txt | cut -d: -f1)
[ -n "$l3" ] && [ -n "$l10" ] && [ "$l3" -lt "$l10" ] || fail "3-2-120 is not before 10-1-101"
# column headers repeat on every page
[ "$(grep -c '联系电话' r.txt)" = 63 ] || fail "column headers on $(grep -c '联系电话' r.txt) pages, wanted 63"

# one grid: odd buildings 1..25 → 13 × 40 = 520 households → 33 pages
expect_status 0 "$BIN" --db a.db sheet rounds --grid 一网格
f=rounds-一网格-2020-02-15.pdf
[ "$(pages $f)" = 33 ] || fail "grid rounds: $(pages "$f") pages, wanted 33"
pdftotext -layout "$f" g.txt
expect_grep 张网格 g.txt
grep -q ' 2-1-101 ' g.txt && fail "grid 一网格 lists a household of 二网格"
n=$(sqlite3 a.db "SELECT count(*) FROM households h JOIN grids g ON g.id = h.grid_id WHERE g.name = '一网格'")
[ "$(grep -oE '(^| )[0-9]+-[12]-1[0-9]{2}( |$)' g.txt | wc -l)" = "$n" ] || fail "grid rounds: not $n households"

# the text form: one row per line, every table line the same display width
expect_status 0 "$BIN" --db a.db sheet rounds --grid 一网格 --text
cp "$T/out" t.txt
expect_grep '欧阳' t.txt
head -n 60 t.txt | grep '^[|+]' >tl.txt
w=$(head -n 1 tl.txt | wc -L)
while IFS= read -r line; do
	[ "$(printf '%s\n' "$line" | wc -L)" = "$w" ] || { fail "text line not $w columns wide: $line"; break; }
done <tl.txt
grep -q '^|    1 | 1-1-101 *| 户主1 *| 户主1 *| 138\*\*\*\*0001 |' t.txt ||
	fail "text rounds: the row of 1-1-101 is not as expected"
# the long name is whole: its column is as wide as it
grep '欧阳' t.txt | head -1 | grep -q '^|    2 | 1-1-102 *| 欧阳娜娜娜娜娜娜娜娜娜娜娜 | 欧阳娜娜娜娜娜娜娜娜娜娜娜 |' ||
	fail "text rounds: the long name is not whole in its cell"
grep -q '…' t.txt && fail "text rounds: something is cut with an ellipsis"

# --- isolation: active on the date, day N of M, masked IDs, today's checks
expect_status 0 "$BIN" --db a.db sheet isolation -o iso.pdf
# the table, then each person's temperature curve (a chart, under its caption)
pdftotext -layout iso.pdf i.txt
n_rows=$("$BIN" --db a.db sheet isolation --text | grep -c '^| *[0-9][0-9]* |')
n_iso=$(grep -c '体温曲线$' i.txt)
[ "$n_iso" -ge 3 ] && [ "$n_iso" = "$n_rows" ] ||
	fail "isolation: $n_iso temperature curves for $n_rows people"
[ "$(pages iso.pdf)" -le $((1 + (n_iso + 1) / 2)) ] || fail "isolation: $(pages iso.pdf) pages for $n_iso curves"
pdfinfo iso.pdf | grep -q '841.89 x 595.276' || fail "isolation sheet is not A4 landscape"
pdftotext -layout iso.pdf i.txt
for want in 隔离人员健康监测表 户主1 配偶1 户主3 户主41 '411202\*\*\*\*\*\*\*\*0001' 6/14 11/14 2/21 36.5 38.1 \
	集中隔离 阳光酒店 居家隔离 市人民医院 2020-02-23 2020-03-05 咳嗽; do
	expect_grep "$want" i.txt
done
grep -q 41120219800101 i.txt && fail "isolation shows a full ID number"
for gone in 户主4 户主5 户主6; do grep -q "$gone " i.txt && fail "isolation lists $gone (not active)"; done
active=$(sqlite3 a.db "SELECT count(*) FROM isolations WHERE deleted_at IS NULL AND start_date <= '2020-02-15'
 AND (end_date IS NULL OR end_date >= '2020-02-15')
 AND date(start_date, '+' || (days + extended_days - 1) || ' days') >= '2020-02-15'")
expect_status 0 "$BIN" --db a.db sheet isolation --text
[ "$(grep -cE '^\| +[0-9]+ \|' "$T/out")" = "$active" ] || fail "isolation text rows not $active"
expect_status 0 "$BIN" --db a.db sheet isolation --grid 二网格 --text
expect_grep 户主41 "$T/out"
grep -q '户主1 ' "$T/out" && fail "isolation --grid 二网格 lists a person of 一网格"
expect_status 0 "$BIN" --db a.db sheet isolation --date 2020-01-01 --text
expect_grep 当日没有隔离人员 "$T/out"

# --- donations: up to the date, --from narrows; totals equal SQL
expect_status 0 "$BIN" --db a.db sheet donations -o don.pdf
pdftotext -layout don.pdf d.txt
cash=$(sqlite3 a.db "SELECT printf('%,d.%02d', sum(amount_fen) / 100, sum(amount_fen) % 100) FROM donations
 WHERE kind = 'cash' AND void_reason IS NULL AND received_date <= '2020-02-15'")
for want in 捐赠款物公示 2020-A-0001 2020-A-0005 匿名 作废 "$cash" 王捐赠 口罩 消毒液 3,980 110.5 东门卡点 1-1-101 监督人; do
	expect_grep "$want" d.txt
done
grep -q 赵先生 d.txt && fail "an anonymous donor is named"
grep -q 以后的人 d.txt && fail "a donation after --date is listed"
expect_status 0 "$BIN" --db a.db sheet donations --from 2020-02-10 --text
grep -q 2020-A-0001 "$T/out" && fail "--from did not narrow the donations"
expect_grep '500.50' "$T/out"
expect_grep '2020-02-10 至 2020-02-15' "$T/out"

# --- errors
expect_status 2 "$BIN" --db a.db sheet && expect_grep 'needs a KIND' "$T/err"
expect_status 2 "$BIN" --db a.db sheet nonsense && expect_grep 'unknown sheet' "$T/err"
expect_status 2 "$BIN" --db a.db sheet rounds --text -o x.pdf
expect_status 2 "$BIN" --db a.db sheet rounds --from 2020-02-01
expect_status 2 "$BIN" --db a.db sheet donations --grid 一网格
expect_status 2 "$BIN" --db a.db sheet rounds --date 2020-02-30
expect_status 2 "$BIN" --db a.db sheet donations --from 2020-03-01
expect_status 1 "$BIN" --db a.db sheet rounds --grid 九网格 && expect_grep '九网格' "$T/err"
expect_status 0 "$BIN" --db a.db sheet daily --text && expect_grep '日报表' "$T/out"
expect_status 1 "$BIN" --db missing.db sheet rounds
expect_status 1 "$BIN" --db a.db sheet rounds -o no/such/dir/r.pdf && expect_grep 'cannot write' "$T/err"
[ -e no ] && fail "a failed write left something behind"

# no CJK font: a clear error naming the package, and no file
mkdir -p fc/cache
cat >fc/fonts.conf <<EOC
<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig><dir>/usr/share/fonts/truetype/dejavu</dir><cachedir>$T/fc/cache</cachedir></fontconfig>
EOC
expect_status 1 env FONTCONFIG_FILE="$T/fc/fonts.conf" "$BIN" --db a.db sheet rounds -o nofont.pdf &&
	expect_grep 'fonts-noto-cjk' "$T/err"
[ -e nofont.pdf ] && fail "a PDF was written without a CJK font"
ls nofont.pdf.* >/dev/null 2>&1 && fail "a temporary file was left behind"

# --print without lp: the error says so and the PDF is kept
mkdir -p nolp
expect_status 1 env PATH="$T/nolp" "$BIN" --db a.db sheet donations --print -o kept.pdf &&
	expect_grep 'lp command is not installed' "$T/err"
[ -s kept.pdf ] || fail "the PDF was not kept when lp is missing"
[ "$(sqlite3 a.db "SELECT count(*) FROM audit_log WHERE action = 'print'")" = 0 ] ||
	fail "a failed print was audited as printed"

# --print with no CUPS scheduler (a socket nothing listens on): the print
# service is not running, not "no such queue", and lp's name once
if command -v lp >/dev/null; then
	expect_status 1 env CUPS_SERVER="$T/no-cupsd.sock" "$BIN" --db a.db sheet daily --print \
		--printer ANYQUEUE -o nocups.pdf &&
		expect_grep 'print service (CUPS) is not running' "$T/err"
	grep -q 'no printer queue\|no default printer\|lp: lp:' "$T/err" && fail "no cupsd: $(cat "$T/err")"
	[ -s nocups.pdf ] || fail "the PDF was not kept when cupsd is down"
fi

finish
