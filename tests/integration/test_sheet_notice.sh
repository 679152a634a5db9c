#!/bin/sh
# The donation notice (捐赠款物公示) as a committee posts it: 序号, donors in
# full (匿名 where anonymous), the cash total in capitals and figures, the
# notice period and supervision phone from the settings, 收入/支出/结余 of the
# cash against SQL (voided expenditures left out), 接收/发放/结存 of goods,
# 未估值 for goods without a value (also on the receipt and the daily
# sheet), and the committee's name and date at the foot.
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
. "$here/sheet_data.sh"

sheet_data a.db 60 || { echo "FAIL: test data"; exit 1; }
sqlite3 a.db <<'SQL' || fail "inserting expenditures"
UPDATE settings SET supervision_phone = '12345', notice_days = 10;
INSERT INTO expenditures(uuid, created_at, updated_at, date, purpose, amount_fen, approved_by, voucher_no)
 VALUES ('e1', '2020-02-12', '2020-02-12', '2020-02-12', '购买消毒液和测温枪', 35000, '李主任', 'PZ-001'),
        ('e2', '2020-02-13', '2020-02-13', '2020-02-13', '重复录入的支出', 10000, '李主任', 'PZ-002'),
        ('e3', '2020-02-16', '2020-02-16', '2020-02-16', '公示日之后', 100, '李主任', 'PZ-003');
UPDATE expenditures SET void_reason = '重复录入', voided_at = '2020-02-13 12:00:00' WHERE uuid = 'e2';
SQL

expect_status 0 "$BIN" --db a.db sheet donations -o n.pdf
pdftotext -raw n.pdf - | tr -d ' \n' >n.pdf.txt
expect_status 0 "$BIN" --db a.db sheet donations --text
tr -d ' ' <"$T/out" >n.text
in=$(sqlite3 a.db "SELECT sum(amount_fen) FROM donations WHERE kind = 'cash' AND void_reason IS NULL AND received_date <= '2020-02-15'")
out=$(sqlite3 a.db "SELECT sum(amount_fen) FROM expenditures WHERE void_reason IS NULL AND date <= '2020-02-15'")
[ "$in" = 150050 ] && [ "$out" = 35000 ] || fail "the test data changed: in $in, out $out"
money() { sqlite3 a.db "SELECT printf('%,d.%02d', $1 / 100, $1 % 100)"; }
# in the text form, within a line; in the PDF, in drawing order with the
# spaces and line breaks of wrapped cells removed
for want in 捐赠款物公示 '公示期：2020-02-15至2020-02-24（10天）' '监督电话：12345' \
	'人民币壹仟伍佰元零伍角整（¥1,500.50）' "收入|$(money "$in")|" "支出|$(money "$out")|" \
	"结余|$(money $((in - out)))|" '人民币壹仟壹佰伍拾元零伍角整（¥1,150.50）' \
	购买消毒液和测温枪 PZ-001 '重复录入的支出（作废：重复录入）' 未估值 '另1批未估值' \
	'幸福里社区居民委员会（盖章）' 接收 发放 结存 经办人 监督人; do
	grep -qF -e "$want" n.text || fail "text: no \"$want\""
	grep -qF -e "$(printf '%s' "$want" | tr -d '|')" n.pdf.txt || fail "PDF: no \"$want\""
done
for f in n.text n.pdf.txt; do
	grep -q 公示日之后 "$f" && fail "$f: an expenditure after the date is listed"
done
# 序号 runs 1..N over the donations
[ "$(grep -cE '^\|[1-5]\|2020-A-000' n.text)" = 5 ] || fail "the donations are not numbered 1-5"
# 结余 with --from: 期初结余 + 收入 - 支出 = 结余
expect_status 0 "$BIN" --db a.db sheet donations --from 2020-02-13 --text
expect_grep "期初结余 *| *$(money $((100000 - 35000)))" "$T/out"
expect_grep "收入 *| *500.50" "$T/out"
expect_grep "结余 *| *$(money $((in - out)))" "$T/out"

# 未估值 on the receipt of goods without a value, and on the daily sheet
expect_status 0 "$BIN" --db a.db sheet receipt --receipt 2020-A-0004 --text
expect_grep '估值 *| 未估值' "$T/out"
expect_status 0 "$BIN" --db a.db sheet daily --date 2020-02-12 --text
expect_grep '另 1 批未估值' "$T/out"
# the daily sheet never adds 个 and 箱 together: per item and unit
expect_status 0 "$BIN" --db a.db sheet daily --date 2020-02-13 --text
expect_grep '口罩 20个；消毒液 10箱' "$T/out"
grep -q '各类物资' "$T/out" && fail "the daily sheet still adds different units together"
finish
