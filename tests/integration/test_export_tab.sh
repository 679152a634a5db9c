#!/bin/sh
# The Export tab (7) driven through tmux: the form's defaults write the
# residents with masked IDs to the file typed; a profile for another dataset
# is refused naming it; the tab then shows the path and the row count.
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
TAB=$(printf '\t')
command -v tmux >/dev/null 2>&1 || skip "tmux is not installed"

"$BIN" --db a.db init --community 幸福里社区 >/dev/null || fail "init"
sqlite3 a.db <"$here/export_fixture.sql" || fail "fixture"
sock="$T/tmux.sock"
tm() { tmux -S "$sock" "$@"; }
trap 'tm kill-server 2>/dev/null; rm -rf "$T"' EXIT
tm new-session -d -s t -x 150 -y 30 \
	"env LC_ALL=C.UTF-8 HOME='$T' DOORSTEP_NOW='$DOORSTEP_NOW' '$BIN' --db '$T/a.db' --staff 测试员; sleep 30"
# wait_for TEXT: polls the screen for up to 10 s.
wait_for() {
	i=0
	while [ $i -lt 100 ]; do
		tm capture-pane -t t -p >"$T/screen" 2>/dev/null
		grep -q -e "$1" "$T/screen" && return 0
		sleep 0.1
		i=$((i + 1))
	done
	fail "the screen never showed \"$1\":"
	sed 's/^/  | /' "$T/screen"
	return 1
}
wait_for 'Export'
tm send-keys -t t 7
wait_for 'Press Enter to choose what to export'
tm send-keys -t t Enter
wait_for 'Dataset\*  *residents'
# Profile (4th field): the isolation roster, which is not for residents.
tm send-keys -t t Down Down Down Space
wait_for 'isolation-roster'
tm send-keys -t t 4
# its ids = full shows in the form, asked once
wait_for 'Please confirm'
tm send-keys -t t y
wait_for 'full (recorded in the audit log)'
wait_for 'Profile  *isolation-roster'
tm send-keys -t t F10
wait_for 'the profile isolation-roster is for the dataset isolations'
# The refused field (Dataset) has the focus: isolations, then save.  The
# profile asks for full IDs: written to the default path and audited.
tm send-keys -t t Space
wait_for '5 isolations'
tm send-keys -t t 5
wait_for 'Dataset\*  *isolations'
tm send-keys -t t F10
wait_for "2 rows of isolations written to $T/isolations-2020-02-15.csv, with full ID numbers"
grep -q '^陈六,女,31,"420106198808084568'"$TAB"'",' "$T/isolations-2020-02-15.csv" ||
	fail "roster content: $(head -3 "$T/isolations-2020-02-15.csv")"
[ "$(q a.db "SELECT count(*) FROM audit_log WHERE action = 'export' AND staff = '测试员'")" = 1 ] ||
	fail "the full export was not audited"
# A second export: residents, no profile, masked, to the file typed.
tm send-keys -t t Enter
wait_for 'Dataset\*  *isolations'
tm send-keys -t t Space
wait_for '2 residents'
tm send-keys -t t 2
tm send-keys -t t Down Down Down Space
wait_for 'none: the default columns'
tm send-keys -t t 1
wait_for 'masked (411202'
tm send-keys -t t Down Down Down "out/r.csv"
mkdir out
tm send-keys -t t F10
wait_for '6 rows of residents written to out/r.csv'
wait_for 'Last export: 6 rows of residents'
[ -f out/r.csv ] || fail "no file written"
[ "$(stat -c %a out/r.csv 2>/dev/null)" = 600 ] || fail "mode not 600"
grep -q '^"3-2-501'"$TAB"'",张三,M,id,411202\*\*\*\*\*\*\*\*1232,' out/r.csv || fail "content: $(head -2 out/r.csv)"
tm send-keys -t t q
finish
