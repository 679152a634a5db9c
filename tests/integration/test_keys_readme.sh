#!/bin/sh
# README.md's key table is what `doorstep keys` prints from the key tables
# (issue 22): a key added, removed or rebound without the README fails here.
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"

top=$(cd "$here/../.." && pwd)
LANG=C.UTF-8 "$BIN" keys >keys.txt || fail "doorstep keys failed"
(cd "$top" && sed -n '/^<!-- keys:/,/^<!-- \/keys -->/p' README.md) | sed '1d;$d' >readme-keys.txt
[ -s readme-keys.txt ] || fail "README.md has no key table between its markers"
diff -u readme-keys.txt keys.txt >keys.diff || {
	fail "README.md's key table differs from \`doorstep keys\` (regenerate it):"
	sed 's/^/  /' keys.diff
}
expect_status 2 "$BIN" keys extra
finish
