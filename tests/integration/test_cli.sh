#!/bin/sh
# The command line (README.md#command-line): init, check, backup, usage errors and exit
# codes, the database path rules and file modes.
. "$(dirname "$0")/lib.sh"

expect_status 0 "$BIN" --version && expect_grep '^doorstep ' "$T/out"
expect_status 0 "$BIN" --help && expect_grep 'export DATASET' "$T/out"
expect_status 2 "$BIN" --frobnicate && expect_grep 'unknown option' "$T/err"
expect_status 2 "$BIN" frobnicate && expect_grep 'unknown command' "$T/err"
expect_status 2 "$BIN" --db a.db init && expect_grep '--community' "$T/err"
expect_status 2 "$BIN" --db a.db init --community X --station 12
expect_status 2 "$BIN" --db a.db init --community X stray
expect_status 1 "$BIN" --db missing.db check && expect_grep 'no database at missing.db' "$T/err"

# init: the file is 0600 in a 0700 folder, the settings and audit are there.
expect_status 0 "$BIN" --db d/e/a.db init --community 幸福里社区 --street 东风街道 --district 城关区 --station c
[ "$(stat -c %a d/e/a.db)" = 600 ] || fail "database mode $(stat -c %a d/e/a.db), wanted 600"
[ "$(stat -c %a d/e)" = 700 ] || fail "folder mode $(stat -c %a d/e), wanted 700"
[ "$(q d/e/a.db 'SELECT community || station FROM settings')" = "幸福里社区C" ] || fail "settings not stored"
[ "$(q d/e/a.db "SELECT staff FROM audit_log WHERE table_name = 'settings'")" = "测试员" ] ||
	fail "init not audited with the staff name"
[ "$(q d/e/a.db 'PRAGMA journal_mode')" = wal ] || fail "not in WAL mode"
expect_status 1 "$BIN" --db d/e/a.db init --community 别的社区 && expect_grep 'already holds' "$T/err"

# DOORSTEP_DB and the XDG default.
expect_status 0 env DOORSTEP_DB=d/e/a.db "$BIN" check
expect_status 0 env XDG_DATA_HOME="$T/xdg" "$BIN" init --community 甲
[ -f "$T/xdg/doorstep/doorstep.db" ] || fail "XDG_DATA_HOME default path not used"
expect_status 0 "$BIN" init --community 乙
[ -f "$T/home/.local/share/doorstep/doorstep.db" ] || fail "~/.local/share default path not used"

# check and backup; the copy opens and checks clean.
expect_status 0 "$BIN" --db d/e/a.db check && expect_grep 'consistent' "$T/out"
expect_status 0 "$BIN" --db d/e/a.db backup copy.db
expect_status 0 "$BIN" --db copy.db check
[ "$(stat -c %a copy.db)" = 600 ] || fail "backup mode $(stat -c %a copy.db), wanted 600"
[ "$(q copy.db 'SELECT community FROM settings')" = "幸福里社区" ] || fail "backup lost the settings"
# without FILE the copy goes to the output folder (~)
expect_status 0 "$BIN" --db d/e/a.db backup && expect_grep "$T/home/doorstep-backup-" "$T/out"
ls "$T"/home/doorstep-backup-*.db >/dev/null 2>&1 || fail "no backup in the output folder"
expect_status 2 "$BIN" --db d/e/a.db backup x.db y.db
expect_status 1 "$BIN" --db d/e/a.db backup /nonexistent/dir/x.db && expect_grep 'cannot write' "$T/err"

# A database of a newer schema is refused and left byte for byte.
cp d/e/a.db new.db
q new.db 'PRAGMA journal_mode=DELETE; PRAGMA user_version=999' >/dev/null
sum=$(md5sum < new.db)
expect_status 1 "$BIN" --db new.db check && expect_grep 'newer doorstep' "$T/err"
[ "$(md5sum < new.db)" = "$sum" ] || fail "the newer database was changed"

# Random bytes, an empty file, another program's SQLite file, a truncated file.
head -c 8192 /dev/urandom > junk.db
sum=$(md5sum < junk.db)
expect_status 1 "$BIN" --db junk.db check && expect_grep 'not a doorstep database' "$T/err"
[ "$(md5sum < junk.db)" = "$sum" ] || fail "the junk file was changed"
q other.db 'CREATE TABLE t(x)'
expect_status 1 "$BIN" --db other.db check && expect_grep 'another program' "$T/err"
cp copy.db trunc.db && truncate -s 3000 trunc.db
expect_status 1 "$BIN" --db trunc.db check

# A read-only database is refused for writing with a clear message.
cp copy.db ro.db && chmod 0400 ro.db
if [ "$(id -u)" -ne 0 ]; then
	expect_status 1 "$BIN" --db ro.db init --community 丙 && expect_grep 'read-only' "$T/err"
else
	skip_part "a read-only database: root may write it"
fi

# DOORSTEP_NOW must be well formed.
expect_status 2 env DOORSTEP_NOW=yesterday "$BIN" --db d/e/a.db check && expect_grep 'DOORSTEP_NOW' "$T/err"

finish
