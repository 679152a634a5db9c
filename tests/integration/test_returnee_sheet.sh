#!/bin/sh
# Returnees from an imported 返乡人员登记表 (返回前所在地, 返回日期, 交通方式):
# the means of travel is stored and exported, and the returnee register
# (sheet returnees) lists each one with the days since the return and the
# measure under the key-area rule (未隔离 inside the window, 观察期满 after,
# nothing for a place that is not a key area); the PDF opens.
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"

expect_status 0 "$BIN" --db a.db init --community 幸福里社区 --station A
cat >back.csv <<'CSV'
户号,姓名,身份证号,返回前所在地,返回日期,交通方式
1-1-101,张三,420102198503121238,湖北省武汉市,2020-02-10,G1234 次列车
1-1-102,李四,,广东省深圳市,2020-02-12,CZ3456
1-1-103,王五,,武汉,2020-01-20,自驾 鄂A12345
CSV
expect_status 0 "$BIN" --db a.db import roster back.csv
[ "$(q a.db "SELECT travel FROM residents WHERE name = '张三'")" = "G1234 次列车" ] ||
	fail "the means of travel was not imported"
[ "$(q a.db "SELECT sex || birth_date FROM residents WHERE name = '张三'")" = M1985-03-12 ] ||
	fail "sex and birth date not taken from the ID number"

expect_status 0 "$BIN" --db a.db sheet returnees --text
cp "$T/out" sheet.txt
expect_grep '返乡人员登记表' sheet.txt
expect_grep '张三.*湖北省武汉市.*2020-02-10.*G1234 次列车.*5.*湖北.*未隔离' sheet.txt
expect_grep '李四.*广东省深圳市.*CZ3456.*3' sheet.txt
expect_grep '王五.*2020-01-20.*自驾 鄂A12345.*26.*武汉.*观察期满' sheet.txt
expect_grep '返乡人员 3 人，其中重点地区返回且在观察期内 1 人，未隔离 1 人' sheet.txt
grep '李四' sheet.txt | grep -q '未隔离\|观察期满' && fail "李四 is not from a key area"
grep -q '420102198503121238' sheet.txt && fail "the ID number is printed whole"

expect_status 0 "$BIN" --db a.db sheet returnees -o r.pdf
command -v pdftotext >/dev/null && { pdftotext r.pdf r.txt && expect_grep 'G1234' r.txt; }

expect_status 0 "$BIN" --db a.db export residents -o res.csv
expect_grep '交通方式\|travel' res.csv
expect_grep 'G1234 次列车' res.csv
finish
