#!/bin/sh
# The files doorstep writes and opens (issue 18 §4): a link planted at a
# temporary name is never written through; what a kill -9 leaves during an
# export or a backup is removed by the next command; another program's
# SQLite file, a file never set up and a damaged file are refused and left
# byte for byte as they were.
FX=$(cd "$(dirname "$0")/../fixtures/roster" && pwd)
. "$(dirname "$0")/lib.sh"

expect_status 0 "$BIN" --db d.db demo

# planted DIR/NAME CMD...: runs CMD with links to victim planted where its
# temporary file and SQLite's files beside it would be (the first name
# tried is .NAME.tmp-PID-0; exec keeps the shell's pid).
planted() {
	tgt=$1
	shift
	sh -c 'dir=$(dirname "$1") base=$(basename "$1"); shift
		for s in 0 0-journal 0-wal 1-journal 1-wal 1-shm; do
			ln -s "$victim" "$dir/.$base.tmp-$$-$s"
		done
		exec "$@"' planted "$tgt" "$@"
}
victim="$T/victim"
export victim
echo "not doorstep's" >"$victim"
chmod 644 "$victim"
mkdir dest
expect_status 0 planted dest/bk.db "$BIN" --db d.db backup dest/bk.db
expect_status 0 planted dest/r.csv "$BIN" --db d.db export residents -o dest/r.csv
expect_status 0 planted dest/s.pdf "$BIN" --db d.db sheet rounds -o dest/s.pdf
[ "$(cat "$victim")" = "not doorstep's" ] || fail "a planted link was written through"
[ "$(stat -c %a "$victim")" = 644 ] || fail "a planted link's target changed mode"
[ "$(stat -c %a dest/bk.db)" = 600 ] || fail "backup mode $(stat -c %a dest/bk.db)"
[ "$(q dest/bk.db 'PRAGMA journal_mode')" = delete ] || fail "the backup is not a rollback-journal file"
expect_status 0 "$BIN" --db dest/bk.db check
[ "$(q dest/bk.db 'SELECT count(*) FROM residents')" = "$(q d.db 'SELECT count(*) FROM residents')" ] ||
	fail "the backup lost residents"
expect_grep '%PDF' dest/s.pdf
[ "$(find dest -type l | wc -l)" = 18 ] || fail "a planted link was removed or replaced"
[ -z "$(find dest -name '.*' -type f)" ] || fail "temporary files left: $(find dest -name '.*' -type f)"

# catch PATTERN CMD...: starts CMD and kills it with SIGKILL as soon as a
# file matching PATTERN (%p: its pid) exists; prints caught or missed.
catch() {
	pat=$1
	shift
	"$@" >/dev/null 2>&1 &
	pid=$!
	glob=$(printf '%s' "$pat" | sed "s/%p/$pid/")
	while kill -0 "$pid" 2>/dev/null; do
		for f in $glob; do
			[ -e "$f" ] || continue
			kill -9 "$pid"
			wait "$pid" 2>/dev/null
			echo caught
			return
		done
	done
	wait "$pid" 2>/dev/null
	echo missed
}
# killed_leaves_nothing PATTERN CMD...: a kill -9 while CMD writes leaves its
# temporary file; the next command (any) removes it.
killed_leaves_nothing() {
	pat=$1
	shift
	caught=0
	for i in 1 2 3 4 5 6 7 8 9 10; do
		[ "$(catch "$pat" "$@")" = caught ] && { caught=1; break; }
	done
	[ $caught = 1 ] || { fail "never caught $* writing its temporary file"; return; }
	left=$(ls -A k | grep '\.tmp-')
	[ -n "$left" ] || { fail "the kill -9 of $* left nothing to sweep"; return; }
	"$BIN" --version >/dev/null
	left=$(ls -A k | grep '\.tmp-')
	[ -z "$left" ] || fail "left behind after $*: $left"
}
mkdir k
killed_leaves_nothing "k/.r.csv.tmp-%p-*" "$BIN" --db d.db export readings --full-ids -o k/r.csv
killed_leaves_nothing "k/.b.db.tmp-%p-*" "$BIN" --db d.db backup k/b.db
# A living process's temporary file is not touched.
sleep 30 &
sleeper=$!
mkdir -p home/.local/state/doorstep/tmp
printf '0\n%s\n' "$T/k/.live.tmp-$sleeper-0" >"home/.local/state/doorstep/tmp/$sleeper-0"
: >"k/.live.tmp-$sleeper-0"
"$BIN" --version >/dev/null
[ -e "k/.live.tmp-$sleeper-0" ] || fail "the temporary file of a running process was removed"
kill "$sleeper"
wait "$sleeper" 2>/dev/null
"$BIN" --version >/dev/null
[ -e "k/.live.tmp-$sleeper-0" ] && fail "the temporary file of an ended process was kept"

# ---- application_id ----
ours=$((0x44725374))
[ "$(q d.db 'PRAGMA application_id')" = $ours ] || fail "a new file has no application_id"
# A file of an earlier version (0): read-only it is accepted as it is, the
# next writable open gives it the value.
cp d.db old.db
q old.db 'PRAGMA application_id = 0'
expect_status 0 "$BIN" --db old.db report
[ "$(q old.db 'PRAGMA application_id')" = 0 ] || fail "a read-only open changed the file"
expect_status 0 "$BIN" --db old.db check
[ "$(q old.db 'PRAGMA application_id')" = $ours ] || fail "an earlier version's file did not get the value"

sum() { cat "$@" 2>/dev/null | md5sum; }
# refused DB PATTERN CMD...: exit 1 with PATTERN on stderr, DB byte for byte
# as it was and nothing new beside it.
refused() {
	db=$1 pat=$2
	shift 2
	before=$(sum "$db")
	expect_status 1 "$@" && expect_grep "$pat" "$T/err"
	[ "$(sum "$db")" = "$before" ] || fail "$db changed by: $*"
	for x in -wal -shm -journal; do
		[ ! -e "$db$x" ] || fail "$db$x appeared after: $*"
	done
}
# Another program's files: one whose user_version looks like a schema, one
# with an application_id of its own.
sqlite3 foreign.db "CREATE TABLE t(x); INSERT INTO t VALUES (1); PRAGMA user_version = 1"
sqlite3 foreign2.db "CREATE TABLE settings(x); PRAGMA application_id = 42; PRAGMA user_version = 1"
for f in foreign.db foreign2.db; do
	for cmd in check report "import roster $FX/excel_utf8_bom_crlf.csv" "backup x.db" \
		"export residents -o x.csv" "sheet rounds -o x.pdf" "merge d.db" demo; do
		# shellcheck disable=SC2086
		refused $f "another program's database" "$BIN" --db $f $cmd
	done
	refused $f "another program's database" "$BIN" --db $f init --community 幸福里社区
	refused d.db "not a doorstep\|another program" "$BIN" --db d.db merge $f
done
[ ! -e x.db ] && [ ! -e x.csv ] && [ ! -e x.pdf ] || fail "an output file from another program's database"

# ---- a file never set up ----
: >zero.db
for cmd in "import roster $FX/excel_utf8_bom_crlf.csv" "backup x.db" "merge d.db" \
	"sheet rounds -o x.pdf" check report; do
	# shellcheck disable=SC2086
	refused zero.db 'not set up: run doorstep init' "$BIN" --db zero.db $cmd
done
[ ! -s zero.db ] || fail "a refused command wrote into the 0-byte file"
cp d.db nosettings.db
q nosettings.db 'DELETE FROM settings'
refused nosettings.db 'not set up: run doorstep init' "$BIN" --db nosettings.db import roster \
	"$FX/excel_utf8_bom_crlf.csv"
refused nosettings.db 'not set up: run doorstep init' "$BIN" --db nosettings.db check
expect_status 0 "$BIN" --db zero.db init --community 幸福里社区
expect_status 0 "$BIN" --db zero.db import roster "$FX/excel_utf8_bom_crlf.csv"
: >zero2.db
expect_status 0 "$BIN" --db zero2.db demo --households 5 --days 1

# ---- a damaged file: one page of the visits table overwritten ----
cp d.db bad.db
ps=$(q bad.db 'PRAGMA page_size')
root=$(q bad.db "SELECT rootpage FROM sqlite_schema WHERE name = 'visits'")
head -c "$ps" /dev/urandom | dd of=bad.db bs="$ps" seek=$((root - 1)) conv=notrunc 2>/dev/null
refused bad.db 'the database is damaged: restore a backup' "$BIN" --db bad.db import roster \
	"$FX/excel_utf8_bom_crlf.csv"
refused bad.db 'the database is damaged: restore a backup' "$BIN" --db bad.db merge old.db
expect_status 1 "$BIN" --db bad.db check
finish
