#!/bin/sh
# A roster import writes its records' audit rows in one statement at its end
# (issue 21): merge must still learn from them who inserted what, both
# ways.  Also: the filter finds imported residents at once, and a merge into
# a file that already had a `check` problem is not refused for that problem
# (merge checks the file before only when the file after has one).
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"

awk -v n=30 -f "$here/../bench/gen_roster.awk" >r.csv
# A second roster: 12 other people (IDs and phones past the first's).
awk -v n=42 -f "$here/../bench/gen_roster.awk" | awk 'NR == 1 || NR > 31' >r2.csv

expect_status 0 "$BIN" --db a.db init --community 幸福里社区 --station A
expect_status 0 "$BIN" --db b.db init --from a.db --station B
expect_status 0 "$BIN" --db a.db import roster r.csv

# Every imported record has its own "insert" audit row, naming it.
n=$(q a.db "SELECT count(*) FROM residents p WHERE EXISTS (SELECT 1 FROM audit_log a
	WHERE a.record_uuid = p.uuid AND a.action = 'insert' AND a.table_name = 'residents')")
[ "$n" = 30 ] || fail "audited imported residents: $n, wanted 30"
n=$(q a.db "SELECT count(*) FROM households h WHERE EXISTS (SELECT 1 FROM audit_log a
	WHERE a.record_uuid = h.uuid AND a.action = 'insert' AND a.table_name = 'households')")
[ "$n" = 10 ] || fail "audited imported households: $n, wanted 10"
n=$(q a.db "SELECT count(*) FROM audit_log WHERE action = 'import'")
[ "$n" = 1 ] || fail "import summary rows: $n, wanted 1"
# The search index is completed after the import: its households are queued
# in its transaction (committed with its rows), none is filed yet.
[ "$(q a.db 'SELECT count(*) FROM search_dirty')" = 10 ] || fail "imported households not queued"
n=$(q a.db "SELECT count(DISTINCT household_id) FROM search_terms")
[ "$n" = 0 ] || fail "households filed in the import's transaction: $n, wanted 0"

# a -> b: b receives every imported record.
expect_status 0 "$BIN" --db b.db merge a.db
[ "$(q b.db 'SELECT count(*) FROM residents WHERE deleted_at IS NULL')" = 30 ] ||
	fail "a -> b: b has $(q b.db 'SELECT count(*) FROM residents') residents, wanted 30"

# b changes an imported resident (a new phone by a second import of the
# same roster with one cell changed) and imports 12 more; b -> a brings both.
sed '2s/,1300000000[0-9],/,13912345678,/' r.csv >r1.csv
cmp -s r.csv r1.csv && fail "test setup: the roster's first phone was not changed"
expect_status 0 "$BIN" --db b.db import roster r1.csv
expect_status 0 "$BIN" --db b.db import roster r2.csv
expect_status 0 "$BIN" --db a.db merge b.db
[ "$(q a.db 'SELECT count(*) FROM residents WHERE deleted_at IS NULL')" = 42 ] ||
	fail "b -> a: a has $(q a.db 'SELECT count(*) FROM residents') residents, wanted 42"
[ "$(q a.db "SELECT count(*) FROM residents WHERE phone = '13912345678'")" = 1 ] ||
	fail "b -> a: b's change to an imported resident did not win"
expect_status 0 "$BIN" --db b.db merge a.db
for t in households residents audit_log; do
	x=$(q a.db "SELECT group_concat(uuid) FROM (SELECT uuid FROM $t ORDER BY uuid)")
	y=$(q b.db "SELECT group_concat(uuid) FROM (SELECT uuid FROM $t ORDER BY uuid)")
	[ "$x" = "$y" ] || fail "after merging both ways, $t differ between a and b"
done
[ "$(q a.db "SELECT phone FROM residents WHERE phone = '13912345678'")" = \
	"$(q b.db "SELECT phone FROM residents WHERE phone = '13912345678'")" ] ||
	fail "after merging both ways, the changed phone differs"

# A problem a had before the merge does not refuse it; check still finds it.
q a.db "UPDATE households SET sort_key = 'stale' WHERE id = (SELECT min(id) FROM households)"
expect_status 0 "$BIN" --db b.db import roster r.csv
expect_status 1 "$BIN" --db a.db check && expect_grep 'stale sort key' "$T/out"
expect_status 0 "$BIN" --db a.db merge b.db
expect_status 1 "$BIN" --db a.db check && expect_grep 'stale sort key' "$T/out"

finish
