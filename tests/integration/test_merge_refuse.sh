#!/bin/sh
# doorstep merge: what is refused before anything is written (a newer schema,
# the same station code, another community unless --force, one receipt
# number on two donations, files that are not doorstep databases), and a
# merge killed with SIGKILL half-way leaves this file as it was.
. "$(dirname "$0")/lib.sh"

# sig FILE: a digest of the file's whole content (opening a database for
# writing may switch its header to WAL, so the bytes are not compared).
sig() {
	sqlite3 "$1" .dump | md5sum
}

# unchanged FILE SIG WHAT: FILE's content still has the digest SIG.
unchanged() {
	[ "$(sig "$1")" = "$2" ] || fail "$3: $1 was changed"
}

expect_status 0 "$BIN" --db a.db init --community 幸福里社区 --station A
expect_status 0 "$BIN" --db b.db init --from a.db --station B
sa=$(sig a.db)

expect_status 2 "$BIN" --db a.db merge
expect_status 2 "$BIN" --db a.db merge b.db c.db
expect_status 2 "$BIN" --db a.db merge b.db --frob
expect_status 1 "$BIN" --db a.db merge missing.db && expect_grep 'missing.db' "$T/err"
expect_status 1 "$BIN" --db new.db merge b.db && expect_grep 'no database at new.db' "$T/err"
head -c 4096 /dev/urandom >junk.db
expect_status 1 "$BIN" --db a.db merge junk.db && expect_grep 'not a doorstep database' "$T/err"
q other.db 'CREATE TABLE t(x)'
expect_status 1 "$BIN" --db a.db merge other.db && expect_grep "another program's database" "$T/err"
unchanged a.db "$sa" "refused files"

# A newer schema is refused; the other file stays byte for byte.
cp b.db newer.db
q newer.db 'PRAGMA user_version=999'
q newer.db "PRAGMA journal_mode=DELETE" >/dev/null
sn=$(md5sum <newer.db)
expect_status 1 "$BIN" --db a.db merge newer.db && expect_grep 'newer doorstep' "$T/err"
[ "$(md5sum <newer.db)" = "$sn" ] || fail "the newer file was changed"
[ -e newer.db-wal ] && fail "the newer file got a WAL file"
unchanged a.db "$sa" "newer schema"

# The same station code on another database.
expect_status 0 "$BIN" --db s.db init --community 幸福里社区 --station A
expect_status 1 "$BIN" --db a.db merge s.db && expect_grep 'also station A' "$T/err"
unchanged a.db "$sa" "same station"

# Another community: refused with the reason, merged with --force.
expect_status 0 "$BIN" --db o.db init --community 光明社区 --station D
q o.db "PRAGMA journal_mode=DELETE" >/dev/null
so=$(md5sum <o.db)
expect_status 1 "$BIN" --db a.db merge o.db && expect_grep '光明社区' "$T/err"
unchanged a.db "$sa" "another community"
expect_status 0 "$BIN" --db a.db merge o.db --force
[ "$(md5sum <o.db)" = "$so" ] || fail "merge --force changed the other file"

# A copy used as a second machine with the same station: the same receipt
# number on two different donations is refused.
cp a.db copy.db
don() {
	q "$1" "INSERT INTO donations(uuid, created_at, updated_at, receipt_no, year, station, seq,
		received_date, kind, amount_fen) VALUES('$2', '2020-02-15 09:00:00',
		'2020-02-15 09:00:00', '2020-A-0001', 2020, 'A', 1, '2020-02-15', 'cash', 100)"
}
don a.db 11111111-0000-4000-8000-000000000001
don copy.db 22222222-0000-4000-8000-000000000002
sa=$(sig a.db)
expect_status 1 "$BIN" --db a.db merge copy.db && expect_grep 'receipt 2020-A-0001' "$T/err"
unchanged a.db "$sa" "receipt clash"

# init --from into a file that holds a community already.
expect_status 1 "$BIN" --db a.db init --from b.db --station C && expect_grep 'already holds' "$T/err"
unchanged a.db "$sa" "init --from over a database"

# Text the forms refuse is refused from the other file too, naming the
# table, the record and the field: an ESC in a one-line field, a bidi
# override in a name, a BEL in notes (notes take newline and tab only).
hh() {
	q "$1" "INSERT INTO households(uuid, created_at, updated_at, code, sort_key, $3)
		VALUES('$2', '2020-02-15 08:00:00', '2020-02-15 08:00:00', '$2', '$2', $4)"
}
for bad in "address|char(27) || ']0;x' || char(7)|address" \
	"compound|'a' || char(8238) || 'b'|compound" \
	"notes|'line' || char(10) || 'two' || char(7)|notes"; do
	col=${bad%%|*}
	rest=${bad#*|}
	val=${rest%|*}
	cp b.db bad.db
	hh bad.db hx-$col "$col" "$val"
	expect_status 1 "$BIN" --db a.db merge bad.db
	expect_grep "households hx-$col" "$T/err"
	expect_grep "($col)" "$T/err"
	expect_grep 'nothing was merged' "$T/err"
	unchanged a.db "$sa" "a $col with a refused character"
done
# A newline and a tab in notes are text: that record merges.
cp b.db ok.db
hh ok.db hx-ok notes "'line' || char(10) || 'two' || char(9) || 'x'"
cp a.db a2.db
expect_status 0 "$BIN" --db a2.db merge ok.db
[ "$(q a2.db "SELECT count(*) FROM households WHERE uuid = 'hx-ok'")" = 1 ] ||
	fail "notes with a newline and a tab were not merged"

# ---- kill -9 during a large merge: all or nothing ----
# B gets 1,500 households with 20,000 visits; A merges them and is killed.
q b.db "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1500)
	INSERT INTO households(uuid, created_at, updated_at, code, sort_key)
	SELECT 'h-' || i, '2020-02-15 08:00:00', '2020-02-15 08:00:00', 'h' || char(19968 + i),
	'h' || char(19968 + i) FROM n;
	WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20000)
	INSERT INTO visits(uuid, created_at, updated_at, household_id, at, date, outcome)
	SELECT 'v-' || i, '2020-02-15 08:00:00', '2020-02-15 08:00:00',
	(SELECT id FROM households WHERE uuid = 'h-' || (1 + i % 1500)), '2020-02-15 08:00:00',
	'2020-02-15', 'visited' FROM n;"
before=$(q a.db "SELECT count(*) FROM visits")
killed=0
for delay in 0.05 0.2 0.4; do
	cp a.db k.db
	"$BIN" --db k.db merge b.db >/dev/null 2>&1 &
	pid=$!
	sleep $delay
	if kill -9 $pid 2>/dev/null; then
		wait $pid 2>/dev/null
		killed=1
		got=$(q k.db "SELECT count(*) FROM visits")
		[ "$got" = "$before" ] || [ "$got" = $((before + 20000)) ] ||
			fail "kill -9 after ${delay}s: $got visits, neither all nor nothing"
		expect_status 0 "$BIN" --db k.db check || cat "$T/out"
	else
		wait $pid
	fi
done
[ "$killed" = 1 ] || echo "note: every merge finished before the kill"
expect_status 0 "$BIN" --db k.db merge b.db
[ "$(q k.db "SELECT count(*) FROM visits")" = $((before + 20000)) ] || fail "the merge after a kill"
expect_status 0 "$BIN" --db k.db check

finish
