#!/bin/sh
# Bad database files under the commands that write (docs/design.md#quality-bars): random bytes, a
# truncated file, a read-only file, a file in a folder without write
# permission, and a full disk (`ulimit -f`) in the middle of a write.  Each
# gets a clear message and exit status 1, never a signal, and the file is left
# byte for byte as it was.  (test_cli.sh has `check` on junk, empty, foreign
# and newer files; this adds the other commands and the remaining cases.)
GEN=$(cd "$(dirname "$0")/../bench" && pwd)/gen_roster.awk
. "$(dirname "$0")/lib.sh"

awk -v n=30 -f "$GEN" >r.csv
awk -v n=20000 -f "$GEN" >big.csv
expect_status 0 "$BIN" --db good.db demo --households 60 --days 5
q good.db 'PRAGMA wal_checkpoint(TRUNCATE)' >/dev/null
cp good.db other.db

sum() { cat "$@" 2>/dev/null | md5sum; }
# refused DB PATTERN CMD...: exit 1 with PATTERN on stderr, DB (and any
# -wal beside it) unchanged.
refused() {
	db=$1 pat=$2
	shift 2
	before=$(sum "$db" "$db-wal")
	expect_status 1 "$@" && expect_grep "$pat" "$T/err"
	[ "$(sum "$db" "$db-wal")" = "$before" ] || fail "$db changed by: $*"
}

# ---- random bytes and a truncated file, under every kind of command ----
head -c 65536 /dev/urandom >junk.db
cp good.db trunc.db
truncate -s $(($(stat -c %s good.db) / 2)) trunc.db
for f in junk.db trunc.db; do
	case $f in junk.db) pat='not a doorstep database' ;; *) pat='damaged' ;; esac
	refused $f "$pat" "$BIN" --db $f import roster r.csv
	refused $f "$pat" "$BIN" --db $f export readings -o out.csv
	refused $f "$pat" "$BIN" --db $f report
	refused $f "$pat" "$BIN" --db $f merge other.db
	refused $f "$pat" "$BIN" --db $f backup copy.db
	refused $f "$pat" "$BIN" --db $f sheet rounds -o s.pdf
	[ ! -e out.csv ] && [ ! -e copy.db ] && [ ! -e s.pdf ] || fail "an output file from a bad database"
	# ... and as the other side of a merge.
	refused good.db "$pat" "$BIN" --db good.db merge $f
done

# ---- read-only file, folder without write permission (not as root) ----
chmod 755 "$T"
nobody=1
if [ "$(id -u)" -ne 0 ]; then
	as_nobody() { "$@"; }
elif setpriv --reuid=nobody --regid=nogroup --clear-groups test -x "$BIN" 2>/dev/null; then
	as_nobody() { setpriv --reuid=nobody --regid=nogroup --clear-groups env HOME="$T" "$@"; }
else
	nobody=0
	skip_part "the permission cases need setpriv, and a binary that nobody may run"
fi
if [ "$nobody" = 1 ]; then
	mkdir -p rw ro
	cp r.csv rw/ && cp good.db rw/r.db && chmod 444 rw/r.db
	cp good.db ro/a.db && chmod 644 ro/a.db
	if [ "$(id -u)" -eq 0 ]; then
		chown -R nobody rw
		chown nobody ro/a.db
	fi
	chmod 555 ro
	cd rw || exit 1
	refused r.db 'read-only' as_nobody "$BIN" --db r.db import roster r.csv
	refused r.db 'read-only' as_nobody "$BIN" --db r.db demo --households 5
	refused r.db 'read-only' as_nobody "$BIN" --db r.db merge ../other.db
	expect_status 0 as_nobody "$BIN" --db r.db check
	cd ../ro || exit 1
	refused a.db 'folder of a.db is not writable' as_nobody "$BIN" --db a.db import roster ../r.csv
	refused a.db 'folder of a.db is not writable' as_nobody "$BIN" --db a.db report
	refused a.db 'folder of a.db is not writable' as_nobody "$BIN" --db a.db check
	[ ! -e a.db-wal ] || fail "a journal appeared in the read-only folder"
	cd "$T" || exit 1
fi

# ---- a full disk: the file size limit reached in the middle of a write ----
# (ulimit -f counts 512-byte blocks in dash, 1024 in bash: either is far
# below what each command needs to write, far above the file as it is.)
cp good.db full.db
lim=$(($(stat -c %s full.db) / 512 + 64))
counts="SELECT (SELECT count(*) FROM residents) || ' ' || (SELECT count(*) FROM visits)
	|| ' ' || (SELECT count(*) FROM audit_log)"
was=$(q full.db "$counts")
limited() { sh -c 'ulimit -f "$1"; shift; exec "$@"' sh "$lim" "$@"; }
refused full.db 'disk is full or the file is too large' limited "$BIN" --db full.db import roster big.csv
# A merge into a sibling machine's file, and a demo into an empty file.
expect_status 0 "$BIN" --db m.db init --community 幸福里社区
expect_status 0 "$BIN" --db x.db init --from m.db --station B
expect_status 0 "$BIN" --db m.db demo --households 300 --days 10
q x.db 'PRAGMA wal_checkpoint(TRUNCATE)' >/dev/null
lim=$(($(stat -c %s x.db) / 512 + 64))
refused x.db 'disk is full or the file is too large' limited "$BIN" --db x.db merge m.db
# The demo switches the journal mode for its bulk insert and back, which
# counts as a change in the file's header: here the records are compared.
dump() { q x.db .dump | md5sum; }
before=$(dump)
expect_status 1 limited "$BIN" --db x.db demo --households 2000 --days 10 &&
	expect_grep 'disk is full or the file is too large' "$T/err"
[ "$(dump)" = "$before" ] || fail "the demo left records after a full disk"
expect_status 0 "$BIN" --db full.db check
expect_status 0 "$BIN" --db x.db check
[ "$(q full.db "$counts")" = "$was" ] || fail "records changed after a full disk: $(q full.db "$counts")"
[ "$(q x.db 'SELECT count(*) FROM households')" = 0 ] || fail "a half demo after a full disk"
finish
