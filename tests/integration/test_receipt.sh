#!/bin/sh
# `doorstep sheet receipt --receipt NUMBER`: one donation's receipt as text
# and as a one-page A4 PDF (the amount in capitals, an anonymous donor as
# 匿名, the phone masked, a void one marked), the number as typed (2020-a-1)
# normalised, and clear refusals for a missing or unknown number.
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"

for tool in sqlite3 pdfinfo pdftotext; do
	command -v "$tool" >/dev/null || { echo "FAIL: $tool is needed (poppler-utils, sqlite3)"; exit 1; }
done
expect_status 0 "$BIN" --db d.db init --community 幸福里社区 || exit 1
q d.db "INSERT INTO donations(uuid, created_at, updated_at, receipt_no, year, station, seq,
  received_date, donor_name, anonymous, phone, kind, amount_fen, channel)
  VALUES('u1', '2020-02-15 09:00:00', '2020-02-15 09:00:00', '2020-A-0001', 2020, 'A', 1,
  '2020-02-15', '张三', 0, '13812345678', 'cash', 168032, 'wechat');
INSERT INTO donations(uuid, created_at, updated_at, receipt_no, year, station, seq,
  received_date, donor_name, anonymous, kind, item, quantity, unit, value_fen, void_reason,
  voided_at)
  VALUES('u2', '2020-02-15 09:00:00', '2020-02-15 09:00:00', '2020-A-0002', 2020, 'A', 2,
  '2020-02-15', '赵六', 1, 'goods', '口罩', 50000, '个', 100000, '录错', '2020-02-15 10:00:00');"

expect_status 0 "$BIN" --db d.db sheet receipt --receipt 2020-a-1 --text &&
	expect_grep '捐赠收据' "$T/out" &&
	expect_grep '2020-A-0001' "$T/out" &&
	expect_grep '¥1,680.32（大写：人民币壹仟陆佰捌拾元零叁角贰分）' "$T/out" &&
	expect_grep '138\*\*\*\*5678' "$T/out" &&
	expect_grep '微信' "$T/out"
grep -q 13812345678 "$T/out" && fail "the receipt shows the whole phone number"

expect_status 0 "$BIN" --db d.db sheet receipt --receipt 2020-A-0002 --text &&
	expect_grep '匿名' "$T/out" && expect_grep '已作废：录错' "$T/out" &&
	expect_grep '口罩 500 个' "$T/out"
grep -q 赵六 "$T/out" && fail "an anonymous donor's name is on the receipt"

expect_status 0 "$BIN" --db d.db sheet receipt --receipt 2020-A-0001 &&
	expect_grep 'receipt-2020-A-0001.pdf (1 page' "$T/out"
f=receipt-2020-A-0001.pdf
[ "$(pdfinfo $f | sed -n 's/^Pages: *//p')" = 1 ] || fail "the receipt is not one page"
pdfinfo $f | grep -q 'A4' || fail "the receipt is not A4"
pdftotext $f r.txt && grep -q '壹仟陆佰捌拾元零叁角贰分' r.txt || fail "no capitals in the PDF"
expect_status 0 "$BIN" --db d.db sheet receipt --receipt 2020-A-0001 -o mine.pdf &&
	[ -s mine.pdf ] || fail "-o mine.pdf not written"

expect_status 1 "$BIN" --db d.db sheet receipt --receipt 2020-A-0009 &&
	expect_grep 'no donation has the receipt number 2020-A-0009' "$T/err"
expect_status 2 "$BIN" --db d.db sheet receipt && expect_grep 'needs --receipt' "$T/err"
expect_status 2 "$BIN" --db d.db sheet receipt --receipt 2020-1 && expect_grep 'receipt' "$T/err"
expect_status 2 "$BIN" --db d.db sheet donations --receipt 2020-A-0001 &&
	expect_grep 'applies to the receipt sheet' "$T/err"
# nothing here writes a donation
[ "$(q d.db 'SELECT count(*) FROM donations')" = 2 ] || fail "donations changed"

finish
