#!/bin/sh
# Party members and volunteer hours (志愿服务时长): a party member's name on
# the duty roster says 党员 and their post is a 党员先锋岗; the volunteers
# sheet and the volunteer_hours export count only shifts marked present, a
# night shift in the month it starts; the PDF opens.
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"

expect_status 0 "$BIN" --db a.db init --community 幸福里社区 --station A
q a.db "INSERT INTO staff(uuid, created_at, updated_at, name, phone, role, party) VALUES
 ('s1', '2020-02-01 00:00:00', '2020-02-01 00:00:00', '张党员', '13800001111', 'volunteer', 1),
 ('s2', '2020-02-01 00:00:00', '2020-02-01 00:00:00', '李群众', NULL, 'volunteer', 0);
INSERT INTO checkpoints(uuid, created_at, updated_at, name) VALUES
 ('k1', '2020-02-01 00:00:00', '2020-02-01 00:00:00', '东门卡点');
INSERT INTO shifts(uuid, created_at, updated_at, checkpoint_id, date, start_time, end_time, staff_id, role, present)
 SELECT 'f' || rowid, '2020-02-01 00:00:00', '2020-02-01 00:00:00', 1, d, a, b, s, r, p FROM (
 SELECT 1 AS rowid, '2020-02-14' AS d, '08:00' AS a, '12:00' AS b, 1 AS s, 'leader' AS r, 1 AS p
 UNION ALL SELECT 2, '2020-02-14', '20:00', '08:00', 1, 'leader', 1
 UNION ALL SELECT 3, '2020-02-15', '08:00', '12:00', 2, 'leader', 0
 UNION ALL SELECT 4, '2020-02-15', '12:00', '18:00', 2, 'leader', 1
 UNION ALL SELECT 5, '2020-02-16', '08:00', '12:00', 1, 'leader', NULL
 UNION ALL SELECT 6, '2020-03-01', '08:00', '10:30', 2, 'leader', 1);" ||
	fail "test data"

expect_status 0 "$BIN" --db a.db sheet volunteers --text
cp "$T/out" v.txt
expect_grep '志愿服务时长统计表' v.txt
expect_grep '2020 年 02 月' v.txt
expect_grep '张党员.*志愿者.*党员.*138\*\*\*\*1111.*2.*16' v.txt
expect_grep '李群众.*志愿者.* 1 .* 6 ' v.txt
expect_grep '合计.* 3 .* 22 ' v.txt
expect_grep '本月到岗值守 2 人（其中党员 1 人），共 3 班次、22 小时' v.txt
expect_status 0 "$BIN" --db a.db sheet volunteers -o v.pdf

expect_status 0 "$BIN" --db a.db export volunteer_hours --encoding utf8 -o vh.csv
cat >want.csv <<'CSV'
month,name,role,party,phone,shifts,hours
2020-02,张党员,volunteer,1,138****1111,2,16
2020-02,李群众,volunteer,0,,1,6
2020-03,李群众,volunteer,0,,1,2.5
CSV
cmp -s want.csv vh.csv || { fail "volunteer_hours export"; diff want.csv vh.csv; }
expect_status 0 "$BIN" --db a.db export volunteer_hours --from 2020-03-01 --encoding utf8 -o march.csv
[ "$(wc -l <march.csv)" = 2 ] || fail "--from 2020-03-01 kept February: $(cat march.csv)"

expect_status 0 "$BIN" --db a.db sheet duty --date 2020-02-14 --text
cp "$T/out" duty.txt
expect_grep '张党员（组长.党员）' duty.txt
expect_grep '党员先锋岗' duty.txt
grep -q '李群众（组长.党员）' duty.txt && fail "李群众 is not a party member"
finish
