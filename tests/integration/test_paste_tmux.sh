#!/bin/sh
# Issue 18 §1's blocker, in a real tmux: Households -> a household -> Enter ->
# e on a resident -> Tab to the notes -> paste "Visited 2/15\ndy3" with
# `paste-buffer -p` (bracketed).  Before the fix the line break saved the
# form, d y deleted the resident and 3 switched tabs.  Now the notes hold
# the two lines and nothing else in the database changes, before the save
# and after it (one update row in the audit log, no delete).
. "$(dirname "$0")/lib.sh"

command -v tmux >/dev/null || { fail "tmux is missing (tools/deps.sh installs it)"; finish; }
unset TMUX
SOCK="doorstep-paste-$$"
trap 'tmux -L "$SOCK" kill-server 2>/dev/null; rm -rf "$T"' EXIT
DB="$T/d.db"

expect_status 0 "$BIN" --db "$DB" init --community 幸福里社区 || finish
q "$DB" "INSERT INTO households(id, uuid, created_at, updated_at, code, sort_key)
	VALUES(1, 'h1', '2020-02-01 08:00:00', '2020-02-01 08:00:00', '6-1-101', '06-01-2101');
	INSERT INTO residents(id, uuid, created_at, updated_at, household_id, name, relation)
	VALUES(1, 'r1', '2020-02-01 08:00:00', '2020-02-01 08:00:00', 1, '钱九', 'head'),
	(2, 'r2', '2020-02-01 08:00:00', '2020-02-01 08:00:00', 1, '钱十', 'spouse');"

# everything but the notes and update time of resident 1 and the audit log
rest() {
	sqlite3 "$DB" .dump | grep -v -e "^INSERT INTO audit_log" -e "^INSERT INTO residents VALUES(1,"
	q "$DB" "SELECT id, name, household_id, relation, deleted_at FROM residents ORDER BY id"
}

tm() { tmux -L "$SOCK" -f /dev/null "$@"; }

# wait_for TEXT: up to 5 s for TEXT on the screen
wait_for() {
	i=0
	while [ $i -lt 50 ]; do
		tm capture-pane -p -t dp 2>/dev/null | grep -qF -- "$1" && return 0
		sleep 0.1
		i=$((i + 1))
	done
	fail "\"$1\" did not appear:"
	tm capture-pane -p -t dp | sed 's/^/  | /'
	return 1
}

rest >"$T/before"
audit_before=$(q "$DB" "SELECT count(*) FROM audit_log")
tm new-session -d -s dp -x 100 -y 30 \
	"env LANG=C.UTF-8 TERM=tmux-256color DOORSTEP_DB='$DB' DOORSTEP_NOW='$DOORSTEP_NOW' '$BIN' --staff 测试员" ||
	{ fail "tmux did not start"; finish; }
wait_for "1 Today" || finish
tm send-keys -t dp 2
wait_for "6-1-101" || finish
tm send-keys -t dp Enter
wait_for "Residents (2)" || finish
tm send-keys -t dp e
wait_for "Notes" || finish
for _ in 1 2 3 4 5 6 7 8 9 10 11 12; do tm send-keys -t dp Tab; done
tm set-buffer -b clip "$(printf 'Visited 2/15\ndy3')"
tm paste-buffer -p -d -b clip -t dp
wait_for "Visited 2/15↵dy3" || finish
wait_for "Notes" # the form is still open
rest >"$T/mid"
cmp -s "$T/before" "$T/mid" || { fail "a paste changed the database:"; diff "$T/before" "$T/mid" | head; }
[ "$(q "$DB" "SELECT count(*) FROM audit_log")" = "$audit_before" ] || fail "a paste wrote audit rows"
[ "$(q "$DB" "SELECT coalesce(notes, '') FROM residents WHERE id = 1")" = "" ] || fail "notes saved by a paste"

tm send-keys -t dp F10
i=0
while tm capture-pane -p -t dp | grep -qF "Returned from" && [ $i -lt 50 ]; do
	sleep 0.1
	i=$((i + 1))
done
rest >"$T/after"
cmp -s "$T/before" "$T/after" || { fail "saving the notes changed more:"; diff "$T/before" "$T/after" | head; }
[ "$(q "$DB" "SELECT notes FROM residents WHERE id = 1")" = "$(printf 'Visited 2/15\ndy3')" ] ||
	fail "notes: $(q "$DB" "SELECT quote(notes) FROM residents WHERE id = 1")"
[ "$(q "$DB" "SELECT group_concat(action) FROM audit_log WHERE id > (SELECT max(id) FROM audit_log) - 1")" = update ] ||
	fail "audit after save: $(q "$DB" "SELECT action, table_name FROM audit_log")"
[ "$(q "$DB" "SELECT count(*) FROM audit_log")" = "$((audit_before + 1))" ] ||
	fail "audit rows: $(q "$DB" "SELECT action, table_name FROM audit_log")"
tm send-keys -t dp q
finish
