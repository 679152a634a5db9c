#!/bin/sh
# A TUI session under valgrind, driven through tmux through every tab (with a
# household opened, a form opened and cancelled, the filter used, the help
# shown) and quit with q: valgrind reports no leak and no memory error
# (--leak-check=full --error-exitcode=3; tests/valgrind.supp holds ncurses'
# own tparm cache, nothing of doorstep's).  About 30 s on 2 cores.
# DOORSTEP_VALGRIND=0 skips it; so does a sanitizer build (valgrind cannot
# run an ASan binary).
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"

[ "${DOORSTEP_VALGRIND:-1}" = 1 ] || skip "DOORSTEP_VALGRIND=0"
grep -q __asan_init "$BIN" && skip "valgrind cannot run a sanitizer build"
command -v tmux >/dev/null || skip "tmux is not installed"
command -v valgrind >/dev/null || skip "valgrind is not installed"

expect_status 0 "$BIN" --db a.db demo --households 60 --days 5
sock="$T/tmux.sock"
tm() { tmux -S "$sock" "$@"; }
trap 'tm kill-server 2>/dev/null; rm -rf "$T"' EXIT
# wait_for TEXT [SECONDS]: polls the screen (default 60 s: valgrind is slow).
wait_for() {
	i=0
	while :; do
		tm capture-pane -t s -p >"$T/screen" 2>/dev/null
		grep -q -e "$1" "$T/screen" && return 0
		i=$((i + 1))
		[ $i -lt $((${2:-60} * 5)) ] || { fail "screen never showed \"$1\":"; sed 's/^/  /' "$T/screen"; return 1; }
		sleep 0.2
	done
}
keys() { tm send-keys -t s "$@"; sleep 1; }

tm new-session -d -s s -x 110 -y 30 \
	"env LANG=C.UTF-8 TERM=xterm-256color DOORSTEP_NOW='$DOORSTEP_NOW' CUPS_SERVER=$T/nocups.sock \
	valgrind --leak-check=full --error-exitcode=3 --suppressions=$here/../valgrind.supp --log-file=$T/vg.log $BIN --db a.db --staff 李明; \
	echo \$? >$T/rc; sleep 30"
wait_for '1 Today' 120 || finish
# Households: the filter, a household opened and closed, a form cancelled.
keys 2
wait_for 'Households: 60'
keys / && keys 1 && keys Escape
keys Enter && keys Escape
keys n && wait_for 'A new household' && keys Escape
keys F1 && keys Escape
# Then Tab through the other tabs (digits are temperatures on Rounds), on
# round to Today.
for tab in Rounds Isolation Donations Sheets Export Checkpoints Today; do
	keys Tab
done
keys q
# q may ask to confirm
sleep 2
tm capture-pane -t s -p | grep -qi 'quit' && keys y
i=0
while [ ! -s "$T/rc" ] && [ $i -lt 300 ]; do sleep 0.2; i=$((i + 1)); done
[ -s "$T/rc" ] || fail "the program did not quit"
rc=$(cat "$T/rc" 2>/dev/null)
[ -n "${DOORSTEP_BUILD:-}" ] && cp "$T/vg.log" "$DOORSTEP_BUILD/tests/log/valgrind-session.log"
grep -E 'definitely lost|indirectly lost|possibly lost|ERROR SUMMARY' "$T/vg.log" | sed 's/^==[0-9]*== /valgrind: /'
[ "$rc" = 0 ] || { fail "exit status $rc (3: valgrind found an error or a leak)"; grep -A12 'lost in loss record' "$T/vg.log" | grep -v 'vgpreload\|^--' | head -120; }
finish
