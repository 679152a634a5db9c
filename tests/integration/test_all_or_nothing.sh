#!/bin/sh
# Import, merge and a migration are all-or-nothing although the writes inside
# them nest as savepoints: a failure injected in the middle (a trigger that
# refuses one row) makes the whole command fail and leaves the file exactly as
# it was, audit log included.
FX=$(cd "$(dirname "$0")/../fixtures/roster" && pwd)
. "$(dirname "$0")/lib.sh"

snapshot() { # DB: every row count and the audit log's UUIDs
	q "$1" "SELECT (SELECT count(*) FROM households) || ' ' || (SELECT count(*) FROM residents)
		|| ' ' || (SELECT count(*) FROM audit_log) || ' '
		|| (SELECT ifnull(group_concat(uuid), '') FROM audit_log)"
}
refuse() { # DB NAME: a trigger refuses to insert the resident NAME
	q "$1" "CREATE TRIGGER refuse BEFORE INSERT ON residents WHEN NEW.name = '$2'
		BEGIN SELECT RAISE(ABORT, 'injected failure'); END"
}

# import roster: the third resident is refused, the first two are not kept.
expect_status 0 "$BIN" --db a.db init --community 幸福里社区 --station A
refuse a.db 张小明
before=$(snapshot a.db)
expect_status 1 "$BIN" --db a.db import roster "$FX/excel_utf8_bom_crlf.csv" &&
	expect_grep 'injected failure' "$T/err"
[ "$(snapshot a.db)" = "$before" ] || fail "a failed import left rows behind"
q a.db "DROP TRIGGER refuse"
expect_status 0 "$BIN" --db a.db import roster "$FX/excel_utf8_bom_crlf.csv"

# merge: b holds the roster of another file; one of its residents is refused
# in a, and nothing of b reaches a.
expect_status 0 "$BIN" --db b.db init --from a.db --station B
expect_status 0 "$BIN" --db b.db import roster "$FX/utf8_english_reordered.csv"
refuse a.db 陈七
before=$(snapshot a.db)
expect_status 1 "$BIN" --db a.db merge b.db && expect_grep 'injected failure' "$T/err"
[ "$(snapshot a.db)" = "$before" ] || fail "a failed merge left rows behind"
q a.db "DROP TRIGGER refuse"
expect_status 0 "$BIN" --db a.db merge b.db
[ "$(q a.db "SELECT count(*) FROM residents WHERE name = '陈七'")" = 1 ] || fail "merge after the fix"

# a migration: the last one is run again on a file that claims to be one
# version older; when it fails the file keeps its version and its rows.
v=$(q a.db "PRAGMA user_version")
cp a.db c.db
q c.db "PRAGMA user_version = $((v - 1))"
before=$(snapshot c.db)
if "$BIN" --db c.db check >"$T/out" 2>"$T/err"; then
	[ "$(q c.db "PRAGMA user_version")" = "$v" ] || fail "a migration that ran did not set the version"
else
	expect_grep 'upgrading' "$T/err"
	[ "$(q c.db "PRAGMA user_version")" = $((v - 1)) ] || fail "a failed migration moved the version"
	[ "$(snapshot c.db)" = "$before" ] || fail "a failed migration left rows behind"
fi
finish
