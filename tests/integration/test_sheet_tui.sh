#!/bin/sh
# The Sheets tab (6) of the TUI, driven through tmux: the text preview, the
# choice of sheet and grid, the day keys, saving the PDF, and a clear error
# when CUPS is not there.
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
. "$here/sheet_data.sh"

command -v tmux >/dev/null || skip "tmux is not installed"
sheet_data a.db 100 || { echo "FAIL: test data"; exit 1; }
sock="$T/tmux.sock"
tm() { tmux -S "$sock" "$@"; }
screen() { tm capture-pane -t s -p >"$T/screen"; }
# wait_for TEXT: polls the screen up to 5 s
wait_for() {
	i=0
	while :; do
		screen
		grep -q -e "$1" "$T/screen" && return 0
		i=$((i + 1))
		[ $i -lt 50 ] || { fail "screen never showed \"$1\":"; sed 's/^/  /' "$T/screen"; return 1; }
		sleep 0.1
	done
}
trap 'tm kill-server 2>/dev/null; rm -rf "$T"' EXIT
tm new-session -d -s s -x 100 -y 30 \
	"env LANG=C.UTF-8 TERM=xterm-256color CUPS_SERVER=$T/nocups.sock DOORSTEP_NOW='$DOORSTEP_NOW' DOORSTEP_STAFF=王小明 $BIN --db a.db"
sleep 0.5
tm send-keys -t s 6
wait_for 'Sheet: 走访登记表 ' && wait_for '| 1-1-101 '
expect_grep 'PDF files go to ~ ' "$T/screen"
expect_grep '制表：王小明' "$T/screen"
expect_grep 'Enter sheet' "$T/screen"

# s saves the PDF in the output folder (~) with the command line's name
mkdir -p "$HOME"
tm send-keys -t s s
wait_for 'Saved .*rounds-2020-02-15.pdf (7 page'
pdf="$HOME/rounds-2020-02-15.pdf"
[ "$(stat -c %a "$pdf" 2>/dev/null)" = 600 ] || fail "saved PDF missing or not 0600"
pdfinfo "$pdf" >/dev/null 2>&1 || fail "saved PDF does not open"

# Enter picks the sheet, g the grid, - the day
tm send-keys -t s Enter
wait_for '2 隔离人员健康监测表'
tm send-keys -t s 2
wait_for 'Sheet: 隔离人员健康监测表 ' && wait_for '6/14'
tm send-keys -t s g
wait_for 'all grids'
tm send-keys -t s 3
wait_for 'Grid: 二网格' && wait_for '户主41'
grep -q '户主1 ' "$T/screen" && fail "grid 二网格 preview lists a person of 一网格"
tm send-keys -t s -
wait_for 'Date: 2020-02-14' && wait_for '5/14'

# p with no CUPS scheduler: a clear error, nothing printed
tm send-keys -t s p
wait_for 'cannot list printers'

# the daily sheet previews its counts
tm send-keys -t s Enter
wait_for '3 日报表'
tm send-keys -t s 3
wait_for '住户与居民'

tm send-keys -t s q
finish
