#!/bin/sh
# How `doorstep export` writes its file: under a temporary name renamed into
# place, mode 0600, replacing an older file; a full disk (`ulimit -f`), a
# missing folder or a directory in the way is a clear error (exit 1) that
# leaves nothing under the final name and no temporary file behind.
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"

"$BIN" --db a.db init --community 幸福里社区 >/dev/null || fail "init"
# Enough residents for a file of about 300 KB.
sqlite3 a.db "
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000)
INSERT INTO households(uuid, created_at, updated_at, code, sort_key, address)
 SELECT 'h' || i, 'x', 'x', '1-1-' || i, printf('%010d', i), '幸福里小区一号楼' || i || '室' FROM n;
INSERT INTO residents(uuid, created_at, updated_at, household_id, name, notes)
 SELECT 'r' || id, 'x', 'x', id, '居民' || id, '一段很长的备注，用来让文件变大一些。一段很长的备注，用来让文件变大一些。' FROM households;
" || fail "fixture"
export DOORSTEP_DB="$T/a.db"
leftovers() { ls -A "$1" | grep '^\..*\.csv\.' ; }

# An old file is replaced whole, with mode 0600.
mkdir dest
echo "old" >dest/r.csv
chmod 644 dest/r.csv
expect_status 0 "$BIN" export residents -o dest/r.csv
[ "$(stat -c %a dest/r.csv)" = 600 ] || fail "mode $(stat -c %a dest/r.csv), wanted 600"
[ "$(wc -l <dest/r.csv)" -eq 1001 ] || fail "$(wc -l <dest/r.csv) lines"
[ -z "$(leftovers dest)" ] || fail "temporary files left: $(leftovers dest)"

# Disk full: the limit hits in the middle of the file.
cp dest/r.csv keep.csv
( ulimit -f 100; "$BIN" export residents -o dest/full.csv >"$T/out" 2>"$T/err"; echo $? >"$T/rc" )
[ "$(cat "$T/rc")" = 1 ] || fail "disk full: exit $(cat "$T/rc"), wanted 1"
expect_grep '^doorstep: cannot write dest/full.csv: the file is larger than this system allows' "$T/err"
[ -e dest/full.csv ] && fail "a half file is left under the final name"
[ -z "$(leftovers dest)" ] || fail "temporary files left: $(leftovers dest)"
# ... and an older file under that name stays as it was
( ulimit -f 100; "$BIN" export residents -o dest/r.csv >/dev/null 2>&1 )
cmp -s keep.csv dest/r.csv || fail "a failed export damaged the older file"

# A missing folder, a directory in the way.
expect_status 1 "$BIN" export residents -o /nonexistent/dir/r.csv &&
	expect_grep '^doorstep: cannot write /nonexistent/dir/r.csv: No such file or directory$' "$T/err"
mkdir dest/adir
expect_status 1 "$BIN" export residents -o dest/adir && expect_grep 'cannot write dest/adir' "$T/err"
[ -d dest/adir ] || fail "the directory was replaced"
[ -z "$(leftovers dest)" ] || fail "temporary files left: $(leftovers dest)"
# A folder without write permission (root writes anywhere: skipped then).
if [ "$(id -u)" -ne 0 ]; then
	mkdir ro && chmod 555 ro
	expect_status 1 "$BIN" export residents -o ro/r.csv && expect_grep 'Permission denied' "$T/err"
else
	skip_part "a folder without write permission: root writes anywhere"
fi

# Standard output: no -o, or -o -.
expect_status 0 "$BIN" export households --encoding utf8
[ "$(wc -l <"$T/out")" -eq 1001 ] || fail "stdout export"
expect_status 0 "$BIN" export households --encoding utf8 -o -
[ "$(wc -l <"$T/out")" -eq 1001 ] || fail "-o - export"

# A read-only database still exports (masked).
chmod 444 a.db
if [ "$(id -u)" -ne 0 ]; then
	expect_status 0 "$BIN" export households -o ro.csv
else
	skip_part "a read-only database: root may write it"
fi
chmod 600 a.db

finish
