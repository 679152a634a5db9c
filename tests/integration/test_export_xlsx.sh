#!/bin/sh
# `doorstep export --format xlsx`: every dataset as a workbook holds the same
# cells as its CSV (read back with doorstep's own reader, tests/tools/
# sheet_dump), IDs and phones as text, dates as dates, counts, temperatures
# and money as numbers; the header bold, frozen and filtered; the profile's
# title as the sheet's name; masking, audit, mode 0600 and no file left
# after a failure as for CSV; an export imports back unchanged.
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
DUMP="$DOORSTEP_BUILD/tests/tools/sheet_dump"

"$BIN" --db a.db init --community 幸福里社区 >/dev/null || fail "init"
sqlite3 a.db <"$here/export_fixture.sql" || fail "fixture"
export DOORSTEP_DB="$T/a.db"

for ds in households residents visits readings isolations checks donations distributions \
	expenditures shifts pass_events daily; do
	expect_status 0 "$BIN" export $ds --format xlsx -o $ds.xlsx || continue
	expect_grep "^$ds.xlsx: .* rows of $ds (xlsx)$" "$T/out"
	[ "$(stat -c %a $ds.xlsx)" = 600 ] || fail "$ds: mode $(stat -c %a $ds.xlsx)"
	expect_status 0 "$BIN" export $ds --encoding utf8 -o $ds.csv || continue
	"$DUMP" $ds.xlsx >$ds.x.txt 2>$ds.sheet || fail "$ds: the workbook does not read back"
	"$DUMP" $ds.csv >$ds.c.txt || fail "$ds: the CSV does not read back"
	cmp -s $ds.x.txt $ds.c.txt || { fail "$ds: workbook and CSV differ"; diff $ds.x.txt $ds.c.txt | head -5; }
	expect_grep "^sheet: $ds$" $ds.sheet
done

# Cell types: text for numbers that are identifiers, dates, numbers.
"$DUMP" -k residents.xlsx >k.txt 2>/dev/null
awk -F'\t' 'NR > 1 && $5 != "t:" && $5 !~ /^t:/ { bad = 1 } END { exit bad }' k.txt ||
	fail "an ID number is not a text cell"
grep -q '	d:[0-9-]*	' k.txt || fail "no date cell among the residents"
"$DUMP" -k readings.xlsx >k.txt 2>/dev/null
grep -q '	n:3[5-9]\.[0-9]	' k.txt || fail "temperatures are not number cells"
grep -q '^d:20' k.txt || fail "reading dates are not date cells"
"$DUMP" -k donations.xlsx >k.txt 2>/dev/null
grep -q '	n:[0-9]' k.txt || fail "donation amounts are not number cells"

# The sheet: header bold and frozen, an autofilter, column widths, the
# number formats.
"$DUMP" -p residents.xlsx xl/worksheets/sheet1.xml >sheet.xml
expect_grep 'state="frozen"' sheet.xml
expect_grep '<autoFilter ref="A1:' sheet.xml
expect_grep '<col min="1" max="1" width=' sheet.xml
"$DUMP" -p donations.xlsx xl/styles.xml >styles.xml
expect_grep 'formatCode="#,##0.00"' styles.xml
expect_grep '<b/>' styles.xml

# A profile: its title names the sheet, its columns and titles; `format =
# xlsx` in a profile, and -o FILE.xlsx, choose the workbook.
expect_status 0 "$BIN" export --profile donations-ledger -o ledger.xlsx
"$DUMP" ledger.xlsx >l.txt 2>l.sheet
expect_grep '^sheet: 捐赠款物登记台账$' l.sheet
expect_grep '^收据编号	' l.txt
sed 's/^encoding = .*/format = xlsx/' "$here/../../data/profiles/donations-ledger.ini" >p.ini
expect_status 0 "$BIN" export --profile "$T/p.ini" -o ledger2
"$DUMP" ledger2 >/dev/null 2>&1 || fail "format = xlsx in a profile did not write a workbook"

# Masked by default, full with --full-ids and audited; the full export
# imports back with nothing new or changed.
"$DUMP" residents.xlsx 2>/dev/null | grep -q '\*\*\*\*' || fail "IDs not masked in the workbook"
before=$(q a.db "SELECT count(*) FROM audit_log WHERE action = 'export'")
expect_status 0 "$BIN" export residents --format xlsx --full-ids -o full.xlsx
[ "$(q a.db "SELECT count(*) FROM audit_log WHERE action = 'export'")" = $((before + 1)) ] ||
	fail "a full export was not audited"
"$DUMP" full.xlsx 2>/dev/null | grep -q '\*\*\*\*' && fail "--full-ids masked"
expect_status 0 "$BIN" import roster full.xlsx
expect_grep 'residents: 0 new, 0 updated, [0-9]* unchanged' "$T/out"

# Every shipped profile of people (residents, isolations) exports a file
# whose every column title the import understands, in both formats.
for pf in returnee-register isolation-roster; do
	for fmt in csv xlsx; do
		expect_status 0 "$BIN" export --profile $pf --from 2020-01-01 --to 2020-03-01 \
			--format $fmt -o $pf.$fmt
		"$BIN" import roster $pf.$fmt --dry-run >"$T/out" 2>"$T/err"
		grep -q 'unknown column' "$T/err" && { fail "$pf.$fmt: a title not understood"; cat "$T/err"; }
		grep -q 'problem' "$T/err" && { fail "$pf.$fmt: refused"; cat "$T/err"; }
		expect_grep 'residents: 0 new, 0 updated, ' "$T/out"
	done
done

# Refusals: standard output, an encoding, an unknown format; a file past
# `ulimit -f` leaves nothing.
expect_status 1 "$BIN" export residents --format xlsx
expect_grep 'cannot be written to standard output' "$T/err"
expect_status 2 "$BIN" export residents --format xlsx --encoding gb18030 -o x.xlsx
expect_status 2 "$BIN" export residents --format ods -o x.ods
expect_grep 'unknown format "ods"' "$T/err"
mkdir big && cd big || exit 1
(ulimit -f 1; "$BIN" export readings --format xlsx -o r.xlsx) >/dev/null 2>&1 &&
	fail "an export past ulimit -f succeeded"
[ -z "$(ls -A)" ] || fail "a failed export left $(ls -A)"
cd "$T" || exit 1

# A stored value that is not valid UTF-8 (written by another program) is
# written with U+FFFD and a warning naming row and column, in both formats.
q a.db "UPDATE residents SET notes = CAST(X'61E962' AS TEXT) WHERE id = 1"
expect_status 0 "$BIN" export residents --encoding utf8 -o bad.csv
expect_grep 'bad.csv: warning: row [0-9]*, column notes: a stored value is not valid UTF-8' "$T/err"
grep -q "$(printf 'a\357\277\275b')" bad.csv || fail "no U+FFFD in the CSV"
expect_status 0 "$BIN" export residents --format xlsx -o bad.xlsx
expect_grep 'bad.xlsx: warning: row [0-9]*, column notes: a stored value is not valid UTF-8' "$T/err"
"$DUMP" bad.xlsx 2>/dev/null | grep -q "$(printf 'a\357\277\275b')" || fail "no U+FFFD in the workbook"
expect_status 1 "$BIN" export residents --encoding gb18030 -o bad18.csv
expect_grep 'the byte 0xE9, which is not valid UTF-8, cannot be written in GB18030' "$T/err"
finish
