#!/bin/sh
# Issue 18 §2: hostile text never reaches a terminal raw.  A table of
# strings (ESC sequences, OSC 0 and OSC 52, BEL, C1 CSI and OSC, U+202E,
# zero-width space, U+FEFF, a stray 0x9B byte) goes through init, --staff,
# roster import (cells and a header), merge (the peer's community name) and,
# stored in a database as an older version could have left it, through
# report and every `sheet --text`.  Each command's stdout and stderr,
# decoded as UTF-8, must hold no C0 but newline and tab, no DEL or C1, no
# bidi control, no invisible character, and be valid UTF-8.  Init refuses
# the strings, import refuses or (zero-width, U+FEFF) cleans them, and the
# exported CSV keeps what is stored.
. "$(dirname "$0")/lib.sh"

# clean FILE WHAT: FILE decodes as UTF-8 and holds no unsafe code point
clean() {
	perl -e '
		local $/; my $s = <STDIN>;
		utf8::decode($s) or do { print "not valid UTF-8\n"; exit 1 };
		if ($s =~ /([\x00-\x08\x0B-\x1F\x7F-\x9F\x{61C}\x{180E}\x{200B}-\x{200F}\x{2028}-\x{202E}\x{2060}-\x{2069}\x{FEFF}])/) {
			printf "U+%04X at character %d\n", ord($1), $-[0];
			exit 1;
		}' <"$1" >"$T/why" || { fail "$2: $(cat "$T/why")"; sed -n 1,5p "$1" | cat -v | sed 's/^/  /'; }
}

# run WHAT CMD...: runs CMD, stdout and stderr together in $T/all, and checks them
run() {
	what=$1
	shift
	"$@" >"$T/all" 2>&1
	status=$?
	clean "$T/all" "$what"
	return 0
}

ESC=$(printf '\033')
BEL=$(printf '\007')
H1="${ESC}]0;SEX${BEL}"
H2="${ESC}]52;c;aGVsbG8=${BEL}"
H3="${ESC}[31mred${ESC}[0m"
H4="$(printf 'x\302\23331m')"	   # U+009B CSI
H5="$(printf 'x\302\2350;t\302\234')" # U+009D OSC ... U+009C ST
H6="$(printf 'evil\342\200\256txt.exe')" # U+202E
H7="$(printf '张\342\200\213三')"	   # U+200B
H8="$(printf '\357\273\277李四')"	   # U+FEFF
H9="$(printf 'a\233b')"		   # a stray 0x9B byte
H10="a${BEL}b"

i=0
for h in "$H1" "$H2" "$H3" "$H4" "$H5" "$H6" "$H7" "$H8" "$H9" "$H10"; do
	i=$((i + 1))
	for opt in --community --street --district; do
		rm -f "$T/i.db"
		if [ $opt = --community ]; then
			run "init $opt #$i" "$BIN" --db "$T/i.db" init --community "$h"
		else
			run "init $opt #$i" "$BIN" --db "$T/i.db" init --community 幸福里 $opt "$h"
		fi
		[ "$status" -ne 0 ] || fail "init $opt #$i accepted the string"
	done
	run "--staff #$i" "$BIN" --db "$T/none.db" --staff "$h" report
	[ "$status" -ne 0 ] || fail "--staff #$i accepted the string"
done

# ---- import: every string in names, notes, codes, enumerations, dates and a header
expect_status 0 "$BIN" --db "$T/d.db" init --community 幸福里社区 || finish
{
	printf '户号,姓名,性别,出生日期,与户主关系,备注,%s\n' "$H1"
	i=0
	for h in "$H1" "$H2" "$H3" "$H4" "$H5" "$H6" "$H10"; do
		i=$((i + 1))
		printf '9-%d,"%s",%s,%s,%s,"%s",x\n' $i "$h" "$h" "$h" "$h" "$h"
		printf '"%s",王%d,男,,户主,"%s",x\n' "$h" $i "$h"
	done
} >"$T/bad.csv"
run "import of hostile cells" "$BIN" --db "$T/d.db" import roster "$T/bad.csv"
[ "$status" -eq 1 ] || fail "import of hostile cells: exit $status"
[ "$(q "$T/d.db" "SELECT count(*) FROM residents")" = 0 ] || fail "hostile cells were imported"
grep -q "U+009B" "$T/all" || fail "import does not name U+009B"

# zero-width and U+FEFF are removed with a warning, and the rest imports
printf '户号,姓名,性别,备注\n1-1,"%s",男,"%s"\n1-2,"%s",女,ok\n' "$H7" "$H8" "$H8" >"$T/zw.csv"
run "import of invisible characters" "$BIN" --db "$T/d.db" import roster "$T/zw.csv"
[ "$status" -eq 0 ] || fail "import of invisible characters: exit $status"
grep -q "invisible" "$T/all" || fail "no warning about invisible characters"
[ "$(q "$T/d.db" "SELECT group_concat(name || notes, ',') FROM residents ORDER BY id")" = "张三李四,李四ok" ] ||
	fail "invisible characters kept: $(q "$T/d.db" "SELECT group_concat(hex(name), ',') FROM residents")"

# ---- output: hostile text stored by an older version, every text output
expect_status 0 "$BIN" --db "$T/demo.db" demo --households 20 --days 3 || finish
q "$T/demo.db" "UPDATE settings SET community = '$H1' || '社区', street = '$H6', district = '$H4';
	UPDATE households SET code = '$H3' || id, address = '$H5', notes = '$H2' WHERE id % 3 = 0;
	UPDATE residents SET name = '$H2' || id, notes = '$H1', tags = '$H7' WHERE id % 2 = 0;
	UPDATE staff SET name = '$H4' || id;
	UPDATE grids SET name = '$H6' || id;
	UPDATE donations SET donor_name = '$H1', item = '$H5', notes = '$H10', designation = '$H6';
	UPDATE checkpoints SET name = '$H2' || id, location = '$H3';
	UPDATE isolations SET site = '$H5', notes = '$H1';
	UPDATE distributions SET item = '$H4', recipient = '$H1';
	UPDATE passes SET notes = '$H3';
	UPDATE shifts SET notes = '$H2';" || fail "hostile rows refused by sqlite3"
run "report" "$BIN" --db "$T/demo.db" report
[ "$status" -eq 0 ] || fail "report: exit $status"
for kind in rounds isolation daily donations duty passes; do
	run "sheet $kind --text" "$BIN" --db "$T/demo.db" sheet $kind --text
	[ "$status" -eq 0 ] || fail "sheet $kind --text: exit $status"
done
rno=$(q "$T/demo.db" "SELECT receipt_no FROM donations ORDER BY id LIMIT 1")
run "sheet receipt --text" "$BIN" --db "$T/demo.db" sheet receipt --receipt "$rno" --text
[ "$status" -eq 0 ] || fail "sheet receipt --text: exit $status"
run "check" "$BIN" --db "$T/demo.db" check
# the PDF text layer: what pdftotext gives back (a form feed between pages)
for kind in donations; do
	expect_status 0 "$BIN" --db "$T/demo.db" sheet $kind -o "$T/$kind.pdf" &&
		pdftotext -enc UTF-8 "$T/$kind.pdf" - | tr -d '\f' >"$T/$kind.txt" &&
		clean "$T/$kind.txt" "pdftotext of sheet $kind"
done

# the exported CSV is data: it keeps what is stored
expect_status 0 "$BIN" --db "$T/demo.db" export residents -o "$T/r.csv"
grep -q "$H2" "$T/r.csv" || fail "the export changed stored text"

# ---- merge: the peer's community name
expect_status 0 "$BIN" --db "$T/m.db" init --community 幸福里社区 || finish
expect_status 0 "$BIN" --db "$T/p.db" init --from "$T/m.db" --station B || finish
q "$T/p.db" "UPDATE settings SET community = '$H2' || '$H6' || '$H4'"
run "merge --dry-run" "$BIN" --db "$T/m.db" merge "$T/p.db" --dry-run
run "merge" "$BIN" --db "$T/m.db" merge "$T/p.db"
q "$T/demo.db" "UPDATE settings SET community = '$H1'"
run "merge of another community" "$BIN" --db "$T/m.db" merge "$T/demo.db"
finish
