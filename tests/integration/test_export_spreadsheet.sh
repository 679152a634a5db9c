#!/bin/sh
# The spreadsheet form of an export read by a real spreadsheet: LibreOffice
# Calc, headless, opens the utf8-bom CSV as a user's double-click would (comma,
# UTF-8), saves it as .xlsx, and the .xlsx is read back to CSV.  Full ID
# numbers and phones must keep every digit as text, number-like codes stay
# text, a formula-like note stays inert text, temperatures stay numbers.
# Skipped when LibreOffice is not installed (it is not a build dependency).
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"

if ! command -v soffice >/dev/null 2>&1; then
	skip "LibreOffice (soffice) is not installed"
fi
"$BIN" --db a.db init --community 幸福里社区 >/dev/null || fail "init"
sqlite3 a.db <"$here/export_fixture.sql" || fail "fixture"
export DOORSTEP_DB="$T/a.db"
# Rooms and notes that a spreadsheet would read as numbers, dates,
# percentages or booleans: each must come back as typed.
i=0
for v in 1E5 '(12)' 12% 1,234 TRUE Jan-1 0001234 3/4 1.10105E+17 -12 '$5' 2020-1-2; do
	i=$((i + 1))
	sqlite3 a.db "INSERT INTO households(id, uuid, created_at, updated_at, code, sort_key, room,
		notes) VALUES ($((100 + i)), 'hv$i', '2020-01-20 08:00:00', '2020-01-20 08:00:00',
		'V-$i', 'V-$i', '$v', '$v');
		INSERT INTO residents(id, uuid, created_at, updated_at, household_id, name, relation,
		status, tags, notes) VALUES ($((100 + i)), 'rv$i', '2020-01-20 08:00:00',
		'2020-01-20 08:00:00', $((100 + i)), '试$i', 'head', 'living', '', '$v');" ||
		fail "insert $v"
done

expect_status 0 "$BIN" export residents --full-ids -o residents.csv
expect_status 0 "$BIN" export readings -o readings.csv
lo() {
	timeout 120 soffice -env:UserInstallation=file://"$T/lo" --headless "$@" >"$T/lo.log" 2>&1 ||
		{ fail "soffice $*"; cat "$T/lo.log"; }
}
lo --infilter="CSV:44,34,76,1" --convert-to xlsx --outdir xlsx residents.csv readings.csv
mkdir back && cd back || exit 1
lo --convert-to "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false" \
	--outdir . ../xlsx/residents.xlsx ../xlsx/readings.xlsx
cd "$T" || exit 1
# The tab that keeps number-like cells text stays in the cell (invisible);
# readers trim it, as the roster import does.
grep -q "^3-2-501$(printf '\t'),张三," back/residents.csv || fail "the code lost its tab"
for f in back/*.csv; do tr -d '\t' <"$f" >"$f.x" && mv "$f.x" "$f"; done

expect_grep '^3-2-501,张三,M,id,411202198503121232,1985-03-12,13812345678,head,' back/residents.csv
expect_grep '^3-10-101,王五,M,id,41120219900101567X,1990-01-01,13700001234,' back/residents.csv
expect_grep '^每天电话",幸福里,3,10,0101,' back/residents.csv
expect_grep ",'=1+1," back/residents.csv
expect_grep ",'-独居," back/residents.csv
expect_grep ',0398-2812345$' back/residents.csv
expect_grep '^高河村3组12号,陈六,F,id,420106198808084568,' back/residents.csv
expect_grep ',38.1,' back/readings.csv
# Every tricky room and note kept its text through Calc, and the round trip
# export -> Calc -> CSV -> import changes nothing.
for v in 1E5 '(12)' 12% 1,234 TRUE Jan-1 0001234 3/4 1.10105E+17; do
	grep -qF ",$v," back/residents.csv || grep -qF ",\"$v\"," back/residents.csv ||
		fail "$v did not survive Calc"
done
expect_status 0 "$BIN" import roster back/residents.csv
expect_grep '^residents: 0 new, 0 updated, ' "$T/out"
# The workbook Calc saved from the CSV imports unchanged as well (doorstep's
# own .xlsx reader on a file another program wrote).
expect_status 0 "$BIN" import roster xlsx/residents.xlsx
expect_grep '^residents: 0 new, 0 updated, ' "$T/out"
# The temperature is a number cell in the workbook, the code a text cell.
mkdir x && (cd x && unzip -q ../xlsx/readings.xlsx) || fail "unzip"
grep -q '<c r="E2" s="[0-9]*" t="n"><v>36.5</v>' x/xl/worksheets/sheet1.xml ||
	fail "the temperature is not a number cell"
grep -q '<c r="C2" s="[0-9]*" t="s">' x/xl/worksheets/sheet1.xml || fail "the code is not a text cell"

finish
