#!/bin/sh
# `doorstep export` (docs/export.md): every dataset in each encoding (BOM and
# CRLF present or absent as promised, GB18030 decoding back to the same
# text), formula cells, masking and audited full values, profiles, dates and
# usage errors.  The fixture is tests/integration/export_fixture.sql.
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
TAB=$(printf '\t')

"$BIN" --db a.db init --community 幸福里社区 >/dev/null || fail "init"
sqlite3 a.db <"$here/export_fixture.sql" || fail "fixture"
export DOORSTEP_DB="$T/a.db"

# rows FILE: the number of records, the header included (no field of these
# files holds a line break except where the test says so).
lines() { wc -l <"$1" | tr -d ' '; }

# Every dataset, every encoding.
for ds in households residents visits readings isolations checks donations distributions \
	expenditures shifts pass_events; do
	expect_status 0 "$BIN" export $ds --encoding utf8 -o $ds.utf8.csv || continue
	expect_grep "$ds.utf8.csv: .* rows of $ds (utf8)" "$T/out"
	[ "$(stat -c %a $ds.utf8.csv)" = 600 ] || fail "$ds: mode $(stat -c %a $ds.utf8.csv)"
	head -c 3 $ds.utf8.csv | od -An -tx1 | grep -q 'ef bb bf' && fail "$ds: utf8 has a BOM"
	grep -q "$(printf '\r')" $ds.utf8.csv && fail "$ds: utf8 has CR"
	expect_status 0 "$BIN" export $ds -o $ds.bom.csv || continue
	[ "$(head -c 3 $ds.bom.csv | od -An -tx1 | tr -d ' ')" = efbbbf ] || fail "$ds: no BOM"
	# every record of the default form ends in CRLF (a resident's note
	# holds the one line break inside a field)
	inner=0
	[ $ds = residents ] && inner=1
	[ "$(grep -c "$(printf '\r')\$" $ds.bom.csv)" = "$(($(lines $ds.bom.csv) - inner))" ] ||
		fail "$ds: utf8-bom lines without CRLF"
	expect_status 0 "$BIN" export $ds --encoding gb18030 -o $ds.gb.csv || continue
	iconv -f GB18030 -t UTF-8 $ds.gb.csv >$ds.gb-back.csv || fail "$ds: GB18030 does not decode"
	tail -c +4 $ds.bom.csv | cmp -s - $ds.gb-back.csv || fail "$ds: GB18030 differs from UTF-8"
done

# The default columns and values, exactly (masked, codes, units).
cat >want.csv <<'EOF'
code,name,sex,id_type,id_number,birth_date,phone,relation,status,tags,returned_from,return_date,notes,compound,building,unit,room,address,grid,household_phone
3-2-501,张三,M,id,411202********1232,1985-03-12,138****5678,head,living,,,,,幸福里,3,2,501,幸福里3栋2单元501,第一网格,0398-****345
3-2-501,李四,F,id,411202********2346,2015-06-15,,child,living,child,,,'=1+1,幸福里,3,2,501,幸福里3栋2单元501,第一网格,0398-****345
3-10-101,王五,M,id,411202********567X,1990-01-01,137****1234,head,living,returnee,湖北省武汉市,2020-01-22,"说""已自行隔离"",
每天电话",幸福里,3,10,0101,幸福里3栋10单元101,第一网格,
12-1-101,赵老太,F,id,110105********002X,1949-12-31,,head,living,"elderly_alone,chronic",,,'-独居,幸福里,12,1,101,,,
高河村3组12号,陈六,F,id,420106********4568,1988-08-08,158****2222,spouse,away,returnee,湖北省孝感市,2020-02-10,,,,,,高河村3组12号,,
高河村3组12号,Tom Smith,M,passport,E******78,,,other,living,,,,,,,,,高河村3组12号,,
EOF
cmp -s want.csv residents.utf8.csv || { fail "residents default export"; diff want.csv residents.utf8.csv; }
expect_grep '^2020-02-14,2020-02-14 09:10:00,3-10-101,王五,38.1,"cough,fatigue",'"'"'@医院,李网格$' readings.utf8.csv
expect_grep '^2020-02-15,2020-02-15 09:00:00,3-2-501,张三,37.0,,,王主任$' readings.utf8.csv
expect_grep '^2020-02-14,2020-02-14 09:20:00,12-1-101,,no_answer,李网格,0,0,'"'"'+下午再去$' visits.utf8.csv
expect_grep '^2020-02-14,2020-02-14 09:10:00,3-10-101,第一网格,visited,李网格,1,1,$' visits.utf8.csv
expect_grep '^2020-A-0001,2020-02-01,刘大爷,party_member,0,136\*\*\*\*1111,cash,1234.50,wechat,' donations.utf8.csv
expect_grep ',goods,,,口罩,500,只,1000.00,' donations.utf8.csv
expect_grep '^2020-A-0003,.*,金额写错,2020-02-03 11:00:00,$' donations.utf8.csv
expect_grep '^2020-02-05,口罩,只,12.5,household,3-2-501,王主任,$' distributions.utf8.csv
expect_grep '^2020-02-06,口罩,只,12.25,other,环卫工人,王主任,$' distributions.utf8.csv
expect_grep '^date,purpose,amount,approved_by,voucher_no,staff,void_reason,voided_at,notes$' expenditures.utf8.csv
expect_grep '^2020-02-04,购买消毒液,450.00,李书记,PZ-0007,王主任,,,$' expenditures.utf8.csv
expect_grep "^2020-02-05,'=cmd|x,10.00,李书记,0008,王主任,重复登记,2020-02-05 11:00:00,\$" expenditures.utf8.csv
expect_grep '^2020-02-14,东门卡点,12:00,18:00,王主任,member,,$' shifts.utf8.csv
expect_grep '^2020-02-15 09:00:00,0001,3-2-501,东门卡点,out,,李网格$' pass_events.utf8.csv
expect_grep '^陈六,F,420106\*\*\*\*\*\*\*\*4568,158\*\*\*\*2222,高河村3组12号,central,城关宾馆,key_area,2020-02-10,14,7,2020-03-01,active,,,$' isolations.utf8.csv
# deleted records and isolations entered in error are not exported
grep -q '已删除' residents.utf8.csv && fail "a soft-deleted resident was exported"
grep -q '登记错了' isolations.utf8.csv && fail "an isolation entered in error was exported"
[ "$(lines households.utf8.csv)" = 5 ] || fail "households: $(lines households.utf8.csv) lines"
# the spreadsheet form keeps number-like codes as text, the machine form does not
expect_grep '^"3-2-501'"$TAB"'",张三,' residents.bom.csv
expect_grep '^高河村3组12号,陈六,' residents.bom.csv
expect_grep '^"3-2-501'"$TAB"'",张三,' residents.gb-back.csv

# daily: one row per day of the range (db_daily_stats), today by default.
expect_status 0 "$BIN" export daily --from 2020-02-13 --encoding utf8
[ "$(lines "$T/out")" = 4 ] || fail "daily 02-13..today: $(lines "$T/out") lines"
expect_grep '^date,households,residents,households_done,visited,no_answer,refused,away,residents_checked,fevers,iso_new_home,' "$T/out"
expect_grep '^2020-02-14,4,6,3,2,1,0,0,3,1,' "$T/out"
expect_status 0 "$BIN" export daily --encoding utf8
[ "$(lines "$T/out")" = 2 ] || fail "daily today: $(lines "$T/out") lines"
expect_grep '^2020-02-15,4,6,1,1,0,' "$T/out"
expect_status 0 "$BIN" export --profile daily-report --to 2020-02-14 --from 2020-02-14 --encoding utf8
expect_grep '^日期,总户数,总人数,当日排查户数,发热人数,无人应答户数,' "$T/out"
expect_grep '^2020-02-14,4,6,3,1,1,' "$T/out"
expect_status 1 "$BIN" export daily --from 2000-01-01 && expect_grep 'at most 3660' "$T/err"

# Nothing unaudited: masked exports leave the audit log alone.
[ "$(q a.db "SELECT count(*) FROM audit_log WHERE action = 'export'")" = 0 ] ||
	fail "a masked export was audited"

# Full values: every digit, as text in the spreadsheet form, and audited.
expect_status 0 "$BIN" export residents --full-ids -o full.csv
expect_grep '^"3-2-501'"$TAB"'",张三,M,id,"411202198503121232'"$TAB"'",1985-03-12,"13812345678'"$TAB"'",' full.csv
expect_grep '^"3-10-101'"$TAB"'",王五,M,id,41120219900101567X,' full.csv
expect_grep ',"0398-2812345'"$TAB"'"' full.csv
expect_status 0 "$BIN" export residents --full-ids --encoding utf8 -o full8.csv
expect_grep '^3-2-501,张三,M,id,411202198503121232,1985-03-12,13812345678,head,' full8.csv
expect_grep ',E12345678,' full8.csv
[ "$(q a.db "SELECT count(*) FROM audit_log WHERE action = 'export' AND table_name = 'residents' AND staff = '测试员'")" = 2 ] ||
	fail "full exports not audited"
q a.db "SELECT changes FROM audit_log WHERE action = 'export' ORDER BY id LIMIT 1" >audit.txt
expect_grep '"rows":6' audit.txt
expect_grep '"path":"full.csv"' audit.txt
expect_grep '"full":true' audit.txt
expect_status 0 "$BIN" export isolations --full-ids --encoding utf8
expect_grep '^陈六,F,420106198808084568,15811112222,' "$T/out"
[ "$(q a.db "SELECT changes FROM audit_log WHERE action = 'export' AND table_name = 'isolations'")" = \
	'{"rows":2,"path":"(standard output)","full":true}' ] || fail "stdout full export audit"

# Dates.
expect_status 0 "$BIN" export readings --from 2020-02-15 --encoding utf8
[ "$(lines "$T/out")" = 2 ] || fail "--from 2020-02-15: $(lines "$T/out") lines"
expect_status 0 "$BIN" export readings --to -1 --encoding utf8
[ "$(lines "$T/out")" = 4 ] || fail "--to -1 (2020-02-14): $(lines "$T/out") lines"
expect_status 0 "$BIN" export visits --from 0214 --to 0214 --encoding utf8
[ "$(lines "$T/out")" = 4 ] || fail "visits of 02-14: $(lines "$T/out") lines"
expect_status 0 "$BIN" export pass_events --from t --to t --encoding utf8
[ "$(lines "$T/out")" = 2 ] || fail "pass_events today: $(lines "$T/out") lines"
# an isolation counts when any of its days is in the range
expect_status 0 "$BIN" export isolations --from 2020-02-05 --to 2020-02-05 --encoding utf8
[ "$(lines "$T/out")" = 2 ] || fail "isolations on 02-05: $(lines "$T/out") lines"
expect_status 0 "$BIN" export isolations --from 2020-02-06 --to 2020-02-09 --encoding utf8
[ "$(lines "$T/out")" = 1 ] || fail "isolations 02-06..09: $(lines "$T/out") lines"
expect_status 0 "$BIN" export residents --from 2020-02-01 --encoding utf8
expect_grep '^高河村3组12号,陈六' "$T/out"
[ "$(lines "$T/out")" = 2 ] || fail "returned since 02-01: $(lines "$T/out") lines"

# Profiles: Chinese headers and labels, columns in the profile's order.
expect_status 0 "$BIN" export --profile isolation-roster -o roster.bom.csv
tail -c +4 roster.bom.csv | tr -d '\r' >roster.csv
expect_grep '^姓名,性别,年龄,身份证号码,联系电话,现住址,户号,来源地,返回日期,隔离原因,隔离方式,' roster.csv
expect_grep '^陈六,女,31,"420106198808084568'"$TAB"'","15811112222'"$TAB"'",高河村3组12号,高河村3组12号,湖北省孝感市,2020-02-10,重点地区返回,集中隔离,城关宾馆,2020-02-10,2020-03-01,隔离中,,,' roster.csv
expect_grep '^王五,男,30,41120219900101567X,' roster.csv
[ "$(q a.db "SELECT count(*) FROM audit_log WHERE action = 'export' AND changes LIKE '%隔离人员名单%'")" = 1 ] ||
	fail "profile's full export not audited"
expect_status 0 "$BIN" export residents --profile returnee-register --encoding utf8
expect_grep '^姓名,性别,年龄,身份证号码,' "$T/out"
expect_grep '^王五,男,30,41120219900101567X,13700001234,' "$T/out"
expect_grep ',重点地区返回,外出,$' "$T/out"
expect_status 0 "$BIN" export --profile donations-ledger --encoding utf8
expect_grep '^2020-A-0001,2020-02-01,刘大爷,党员,否,136\*\*\*\*1111,现金,1234.50,微信,' "$T/out"
# a profile by path, with its own encoding, and a date given on the command line winning
cat >mine.ini <<'EOF'
[profile]
dataset = readings
encoding = utf8
from = 2020-02-15
[columns]
name = Name
temperature = Temp
symptoms =
EOF
expect_status 0 "$BIN" export --profile ./mine.ini
printf 'Name,Temp,症状\n张三,37.0,\n' >want.csv
cmp -s want.csv "$T/out" || { fail "profile by path"; cat "$T/out"; }
expect_status 0 "$BIN" export --profile mine.ini --from 2020-02-14 --to 2020-02-14
# a Chinese title (symptoms' own) turns the labels to Chinese
expect_grep '^王五,38.1,咳嗽、乏力$' "$T/out"

# Usage errors (2) and refused exports (1).
expect_status 2 "$BIN" export && expect_grep 'which dataset' "$T/err"
expect_status 2 "$BIN" export people && expect_grep 'unknown dataset "people"' "$T/err"
expect_grep 'datasets: households residents' "$T/err"
expect_status 2 "$BIN" export readings --from 2020-02-30 && expect_grep 'from' "$T/err"
expect_status 2 "$BIN" export readings --from 2020-02-15 --to 2020-02-01 && expect_grep 'after' "$T/err"
expect_status 2 "$BIN" export households --from 2020-02-01 && expect_grep 'no date' "$T/err"
expect_status 2 "$BIN" export readings --encoding latin1 && expect_grep 'latin1' "$T/err"
expect_status 2 "$BIN" export readings --profile nosuch && expect_grep 'unknown profile "nosuch"' "$T/err"
expect_grep 'profiles: .*isolation-roster' "$T/err"
expect_status 2 "$BIN" export residents --profile isolation-roster && expect_grep 'for the dataset isolations' "$T/err"
expect_status 2 "$BIN" export readings --bogus && expect_grep 'unknown option' "$T/err"
expect_status 2 "$BIN" export readings extra && expect_grep 'unexpected argument' "$T/err"
printf '[profile]\ndataset = readings\n[columns]\nname = 姓名\ntemprature = 体温\n' >bad.ini
expect_status 2 "$BIN" export --profile bad.ini && expect_grep '^doorstep: bad.ini:5: unknown column "temprature" in dataset readings$' "$T/err"
expect_status 1 "$BIN" --db missing.db export readings && expect_grep 'no database' "$T/err"

finish
