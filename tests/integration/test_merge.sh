#!/bin/sh
# doorstep merge and init --from (docs/merge.md, issue 11): two and three machines
# of one community changed apart, then merged: counts equal what SQL
# expects, conflicts and joins reported and audited, idempotence, symmetry
# (A<-B then B<-A leaves equal record sets by UUID and content), and any
# merge order of three machines ends with identical records.
. "$(dirname "$0")/lib.sh"

TABLES="staff grids households residents visits readings isolations checks checkpoints donations
distributions shifts passes pass_events"

# dump DB: every record of every domain table by UUID, foreign keys written
# as the parent's UUID (integer ids differ between files), sorted.  One
# query writes each table's SELECT, a second sqlite3 runs them all (one
# after the other: two at once may find the file locked).
dump() {
	tabs=$(for t in $TABLES; do printf "('%s')," "$t"; done)
	sql=$(q "$1" "WITH tabs(t) AS (VALUES ${tabs%,})
		SELECT 'SELECT ''' || t || ''', ' || (SELECT group_concat(CASE
			WHEN f.\"table\" IS NOT NULL THEN '(SELECT uuid FROM \"' || f.\"table\"
			|| '\" p WHERE p.id = t.\"' || c.name || '\")'
			ELSE 't.\"' || c.name || '\"' END, ', ')
			FROM pragma_table_info(t) c LEFT JOIN pragma_foreign_key_list(t) f
			ON f.\"from\" = c.name WHERE c.name <> 'id')
			|| ' FROM \"' || t || '\" t ORDER BY t.uuid;' FROM tabs")
	echo "$sql" | sqlite3 "$1"
}

# same_records A B WHAT: the two files hold the same records.
same_records() {
	dump "$1" >"$T/dump1"
	dump "$2" >"$T/dump2"
	if ! cmp -s "$T/dump1" "$T/dump2"; then
		fail "$3: $1 and $2 differ"
		diff "$T/dump1" "$T/dump2" | head -20 | sed 's/^/  /'
	fi
}

# same_audit A B WHAT: the two audit logs hold the same rows (by UUID).
same_audit() {
	[ "$(q "$1" 'SELECT group_concat(uuid) FROM (SELECT uuid FROM audit_log ORDER BY uuid)')" = \
		"$(q "$2" 'SELECT group_concat(uuid) FROM (SELECT uuid FROM audit_log ORDER BY uuid)')" ] ||
		fail "$3: the audit logs of $1 and $2 differ"
}

# id: a fresh UUID-shaped text; fixed ones are given where the survivor of
# a join matters.
id() {
	cat /proc/sys/kernel/random/uuid
}

# The helpers below write SQL to stdout; a group of them is piped into one
# sqlite3 (a process per statement would make the test slow).  Their first
# argument, the database, only documents where the SQL goes.

# audit DB ACTION TABLE UUID AT: the audit row the program writes with a change.
audit() {
	echo "INSERT INTO audit_log(uuid, at, staff, action, table_name, record_uuid, changes)
		VALUES('$(id)', '$5', 't', '$2', '$3', '$4', '{}');"
}

# hh DB UUID CODE AT: a household (codes without digits keep sort_key = code).
hh() {
	echo "INSERT INTO households(uuid, created_at, updated_at, code, sort_key)
		VALUES('$2', '$4', '$4', '$3', '$3');"
	audit "$1" insert households "$2" "$4"
}

# res DB UUID HOUSEHOLD_CODE NAME ID_NUMBER AT
res() {
	idn=NULL
	[ -n "$5" ] && idn="'$5'"
	echo "INSERT INTO residents(uuid, created_at, updated_at, household_id, name, id_number)
		VALUES('$2', '$6', '$6', (SELECT id FROM households WHERE code = '$3'
		AND deleted_at IS NULL), '$4', $idn);"
	audit "$1" insert residents "$2" "$6"
}

# visit DB HOUSEHOLD_CODE AT [RESIDENT_UUID TEMPERATURE]: a visit, with a reading.
visit() {
	v=$(id)
	echo "INSERT INTO visits(uuid, created_at, updated_at, household_id, at, date, outcome)
		VALUES('$v', '$3', '$3', (SELECT id FROM households WHERE code = '$2'
		AND deleted_at IS NULL), '$3', substr('$3', 1, 10), 'visited');"
	audit "$1" insert visits "$v" "$3"
	if [ $# -ge 5 ]; then
		r=$(id)
		echo "INSERT INTO readings(uuid, created_at, updated_at, visit_id, resident_id, temperature)
			VALUES('$r', '$3', '$3', (SELECT id FROM visits WHERE uuid = '$v'),
			(SELECT id FROM residents WHERE uuid = '$4'), $5);"
		audit "$1" insert readings "$r" "$3"
	fi
}

# donation DB UUID STATION SEQ AT
donation() {
	echo "INSERT INTO donations(uuid, created_at, updated_at, receipt_no, year, station, seq,
		received_date, donor_name, kind, amount_fen, channel)
		VALUES('$2', '$5', '$5', printf('2020-%s-%04d', '$3', $4), 2020, '$3', $4,
		substr('$5', 1, 10), '王先生', 'cash', 50000, 'cash');"
	audit "$1" insert donations "$2" "$5"
}

# edit DB TABLE UUID SET AT: an update with its audit row.
edit() {
	echo "UPDATE $2 SET $4, updated_at = '$5' WHERE uuid = '$3';"
	audit "$1" update "$2" "$3" "$5"
}

merge() {
	expect_status 0 "$BIN" --db "$1" merge "$2"
}

count() {
	q "$1" "SELECT count(*) FROM $2"
}

T0="2020-02-14 08:00:00"

# ---- the base: machine A, then B set up from it ----
expect_status 0 "$BIN" --db a.db init --community 幸福里社区 --station A
H1=$(id) H2=$(id) H3=$(id) R1=$(id) R2=$(id) R3=$(id) D1=$(id)
{
	hh a.db "$H1" 甲栋 "$T0"
	hh a.db "$H2" 乙栋 "$T0"
	hh a.db "$H3" 丙栋 "$T0"
	res a.db "$R1" 甲栋 张三 "" "$T0"
	res a.db "$R2" 乙栋 李四 "" "$T0"
	res a.db "$R3" 丙栋 王五 "" "$T0"
	donation a.db "$D1" A 1 "$T0"
	visit a.db 甲栋 "2020-02-14 09:00:00" "$R1" 365
} | sqlite3 a.db

expect_status 2 "$BIN" --db b.db init --from a.db
expect_status 1 "$BIN" --db b.db init --from a.db --station A && expect_grep 'station A already' "$T/err"
[ -e b.db ] && fail "a refused init --from left b.db behind"
sum=$(md5sum <a.db)
expect_status 0 "$BIN" --db b.db init --from a.db --station B && expect_grep 'created b.db' "$T/out"
[ "$(md5sum <a.db)" = "$sum" ] || fail "init --from changed the source file"
[ "$(q b.db 'SELECT community || station FROM settings')" = 幸福里社区B ] || fail "init --from: settings"
[ "$(q b.db 'SELECT uuid FROM settings')" != "$(q a.db 'SELECT uuid FROM settings')" ] ||
	fail "init --from: the new database kept the other's UUID"
same_records a.db b.db "init --from"
[ "$(q b.db 'SELECT station FROM peers')" = A ] || fail "init --from: the source is not a peer"
expect_status 1 "$BIN" --db b.db init --from a.db --station C && expect_grep 'already holds' "$T/err"
expect_status 0 "$BIN" --db c.db init --from a.db --station C

# ---- apart: A and B each work a day ----
T1="2020-02-15 10:00:00" T2="2020-02-15 11:00:00"
# A household created on both with the same code (A's has the smaller
# UUID), the same ID number registered on both (B's has the smaller UUID).
HA=00000000-0000-4000-8000-00000000000a HB=ffffffff-0000-4000-8000-00000000000b
IA=ffffffff-1111-4000-8000-00000000000a IB=00000000-1111-4000-8000-00000000000b
RA=$(id) RB=$(id) D2=$(id)
{
	# new visits
	visit a.db 甲栋 "2020-02-15 08:10:00" "$R1" 368
	visit a.db 乙栋 "2020-02-15 08:20:00"
	# 丙栋 edited on both: B's later edit wins, A's is a conflict
	edit a.db households "$H3" "phone = '13800000001'" "$T1"
	# 乙栋 edited on A only
	edit a.db households "$H2" "notes = '门口有狗'" "$T1"
	hh a.db "$HA" 丁栋 "$T1"
	res a.db "$RA" 丁栋 赵六 "" "$T1"
	visit a.db 丁栋 "2020-02-15 09:00:00" "$RA" 366
	res a.db "$IA" 甲栋 孙八 11010519491231002X "$T1"
	visit a.db 甲栋 "2020-02-15 09:20:00" "$IA" 369
	# a donation voided
	edit a.db donations "$D1" "void_reason = '重复登记', voided_at = '$T1'" "$T1"
} | sqlite3 a.db
{
	visit b.db 乙栋 "2020-02-15 08:30:00" "$R2" 372
	visit b.db 丙栋 "2020-02-15 08:40:00" "$R3" 381
	visit b.db 丙栋 "2020-02-15 08:50:00"
	edit b.db households "$H3" "phone = '13800000002', notes = 'B'" "$T2"
	# a resident deleted (a soft delete is a change like any other)
	edit b.db residents "$R2" "deleted_at = '$T1'" "$T1"
	hh b.db "$HB" 丁栋 "$T2"
	res b.db "$RB" 丁栋 钱七 "" "$T2"
	visit b.db 丁栋 "2020-02-15 09:10:00" "$RB" 367
	res b.db "$IB" 乙栋 孙八 11010519491231002X "$T2"
	# a new donation
	donation b.db "$D2" B 1 "$T2"
} | sqlite3 b.db

# C: a visit, 甲栋 edited, 丙栋 edited last of all, a third 丁栋 (its UUID
# between A's and B's), all apart from A and B.
HC=77777777-0000-4000-8000-00000000000c RC=$(id)
{
	visit c.db 甲栋 "2020-02-15 12:00:00" "$R1" 370
	edit c.db households "$H1" "address = '东风路1号'" "2020-02-15 12:00:00"
	edit c.db households "$H3" "phone = '13800000003'" "2020-02-15 12:30:00"
	hh c.db "$HC" 丁栋 "2020-02-15 12:00:00"
	res c.db "$RC" 丁栋 李九 "" "2020-02-15 12:00:00"
	visit c.db 丁栋 "2020-02-15 12:10:00" "$RC" 364
} | sqlite3 c.db
mkdir day && cp a.db b.db c.db day/
all_visits=$(($(count a.db visits) + $(count b.db visits) + $(count c.db visits) - 2))

visits_total=$(($(count a.db visits) + $(count b.db visits) - 1))
readings_total=$(($(count a.db readings) + $(count b.db readings) - 1))

# ---- dry run writes nothing ----
sum=$(md5sum <b.db)
before=$(dump a.db)
expect_status 0 "$BIN" --db a.db merge b.db --dry-run && expect_grep 'nothing was written' "$T/out"
[ "$(dump a.db)" = "$before" ] || fail "--dry-run changed a.db"
[ "$(count a.db peers)" = 0 ] || fail "--dry-run recorded the peer"

# ---- A <- B ----
merge a.db b.db
cp "$T/out" report1
[ "$(md5sum <b.db)" = "$sum" ] || fail "merge changed the other file"
[ "$(count a.db visits)" = "$visits_total" ] || fail "visits: $(count a.db visits), wanted $visits_total"
[ "$(count a.db readings)" = "$readings_total" ] || fail "readings: $(count a.db readings), wanted $readings_total"
[ "$(count a.db 'households WHERE deleted_at IS NULL')" = 4 ] || fail "live households: $(count a.db 'households WHERE deleted_at IS NULL')"
[ "$(count a.db households)" = 5 ] || fail "households: both 丁栋 must stay (one joined away)"
[ "$(q a.db "SELECT deleted_at IS NOT NULL FROM households WHERE uuid = '$HB'")" = 1 ] ||
	fail "the larger UUID of 丁栋 was not joined away"
[ "$(q a.db "SELECT count(*) FROM residents r JOIN households h ON h.id = r.household_id WHERE h.uuid = '$HA'")" = 2 ] ||
	fail "B's resident of 丁栋 not moved to the survivor"
[ "$(q a.db "SELECT count(*) FROM visits v JOIN households h ON h.id = v.household_id WHERE h.uuid = '$HA'")" = 2 ] ||
	fail "B's visit to 丁栋 not moved to the survivor"
[ "$(q a.db "SELECT deleted_at IS NOT NULL FROM residents WHERE uuid = '$IA'")" = 1 ] ||
	fail "the resident with the larger UUID was not joined away"
[ "$(q a.db "SELECT count(*) FROM readings g JOIN residents r ON r.id = g.resident_id WHERE r.uuid = '$IB'")" = 1 ] ||
	fail "the reading of the joined-away resident was not moved"
[ "$(q a.db "SELECT phone || notes FROM households WHERE uuid = '$H3'")" = 13800000002B ] ||
	fail "the later edit of 丙栋 did not win"
[ "$(q a.db "SELECT notes FROM households WHERE uuid = '$H2'")" = 门口有狗 ] || fail "A's own edit lost"
[ "$(q a.db "SELECT deleted_at FROM residents WHERE uuid = '$R2'")" = "$T1" ] || fail "B's delete not taken"
[ "$(q a.db "SELECT count(*) FROM donations WHERE void_reason IS NULL")" = 1 ] || fail "donations: void or new one lost"
[ "$(count a.db donations)" = 2 ] || fail "donations: $(count a.db donations), wanted 2"
expect_grep '^  households .* 1 .* 1 *1$' report1
expect_grep 'households 丙栋 .*took the other' report1
expect_grep 'households 丁栋 (ffffffff) joined into 丁栋 (00000000): same code=丁栋' report1
expect_grep 'residents 孙八 (ffffffff) joined into 孙八 (00000000): same id_number=' report1
[ "$(q a.db "SELECT json_extract(changes, '$.lost.phone') FROM audit_log WHERE action = 'merge'
	AND record_uuid = '$H3'")" = 13800000001 ] || fail "the losing version is not in the audit log"
[ "$(q a.db "SELECT count(*) FROM audit_log WHERE action = 'merge' AND json_extract(changes, '$.joined_into') IS NOT NULL")" = 2 ] ||
	fail "joins not audited"
[ "$(q a.db "SELECT count(*) FROM audit_log WHERE uuid IN (SELECT uuid FROM audit_log)")" -ge "$(count b.db audit_log)" ] ||
	fail "audit rows of B missing"
expect_status 0 "$BIN" --db a.db check || cat "$T/out"
[ "$(q a.db 'SELECT station FROM peers')" = B ] || fail "the peer was not recorded"

# ---- idempotence: the same file again changes nothing ----
before=$(dump a.db)
audits=$(count a.db audit_log)
merge a.db b.db
expect_grep '^  total  *0  *0 ' "$T/out"
[ "$(dump a.db)" = "$before" ] || fail "merging twice changed records"
[ "$(count a.db audit_log)" = "$audits" ] || fail "merging twice wrote audit rows"

# ---- symmetry: B <- A gives the same records on both ----
merge b.db a.db
cp "$T/out" report2
expect_status 0 "$BIN" --db b.db check || cat "$T/out"
same_records a.db b.db "A<-B then B<-A"
merge a.db b.db
expect_grep '^  total  *0  *0 ' "$T/out"
same_records a.db b.db "after a third merge"
same_audit a.db b.db "after a third merge"
merge b.db a.db
expect_grep '^  total  *0  *0 *[0-9]* *0 *0$' "$T/out"
expect_grep '^  audit_log  *0$' "$T/out"

# ---- a merge of the same database's copy is a no-op ----
cp a.db acopy.db
merge a.db acopy.db && expect_grep 'copy of this database' "$T/out"

# ---- three machines of the same day, merged in three different orders ----
order=0
for plan in "a<b a<c b<a c<a" "c<b a<c b<a c<a" "b<c c<a a<b b<a c<b"; do
	order=$((order + 1))
	mkdir o$order && cp day/a.db day/b.db day/c.db o$order/
	for step in $plan; do
		merge o$order/${step%<*}.db o$order/${step#*<}.db
	done
	same_records o$order/a.db o$order/b.db "three machines, order $order (a, b)"
	same_records o$order/a.db o$order/c.db "three machines, order $order (a, c)"
	[ "$(count o$order/a.db visits)" = "$all_visits" ] ||
		fail "three machines, order $order: $(count o$order/a.db visits) visits, wanted $all_visits"
	[ "$(q o$order/b.db "SELECT phone FROM households WHERE uuid = '$H3'")" = 13800000003 ] ||
		fail "three machines, order $order: the last edit of 丙栋 did not win"
	[ "$(q o$order/c.db "SELECT count(*) FROM visits v JOIN households h ON h.id = v.household_id
		WHERE h.uuid = '$HA'")" = 3 ] || fail "three machines, order $order: 丁栋's visits not joined"
	expect_status 0 "$BIN" --db o$order/c.db check || cat "$T/out"
done
same_records o1/a.db o2/a.db "three machines, orders 1 and 2"
same_records o1/a.db o3/a.db "three machines, orders 1 and 3"

finish
