#!/bin/sh
# Issue 18 §3: no full ID number without an explicit, audited choice.
# merge joins two residents with one ID number and neither prints nor stores
# the full number (its report and audit_log.changes.key are masked); an
# export whose profile says ids = full says so on stderr when --full-ids was
# not given, and every export of full numbers writes an export audit row.
. "$(dirname "$0")/lib.sh"

ID=411202195001010010
MASKED='411202********0010'
MASKED_RE='411202[*]\{8\}0010'

expect_status 0 "$BIN" --db a.db init --community 幸福里社区 || finish
expect_status 0 "$BIN" --db b.db init --from a.db --station B || finish
for db in a b; do
	n=$([ $db = a ] && echo 1 || echo 2)
	q $db.db "INSERT INTO households(uuid, created_at, updated_at, code, sort_key)
		VALUES('h-$db', '2020-02-01 08:00:00', '2020-02-01 08:00:00', '1-1-10$n',
		'01-01-210$n');
		INSERT INTO residents(uuid, created_at, updated_at, household_id, name, relation, id_type,
		id_number, returned_from, return_date) SELECT 'r-$db', '2020-02-01 08:00:00',
		'2020-02-01 08:00:00', id, '孙八', 'head', 'id', '$ID', '武汉', '2020-02-01'
		FROM households WHERE uuid = 'h-$db';" || fail "fixture refused"
done
for dry in --dry-run ""; do
	expect_status 0 "$BIN" --db a.db merge b.db $dry
	cat "$T/out" "$T/err" >"$T/both"
	grep -q "$ID" "$T/both" && fail "merge $dry printed the full ID number: $(grep "$ID" "$T/both")"
	expect_grep "same id_number=$MASKED_RE" "$T/both"
done
[ "$(q a.db "SELECT count(*) FROM audit_log WHERE changes LIKE '%key%$ID%'")" = 0 ] ||
	fail "audit_log.changes.key holds the full ID number"
[ "$(q a.db "SELECT json_extract(changes, '$.key') FROM audit_log WHERE action = 'merge'
	AND json_extract(changes, '$.joined_into') IS NOT NULL")" = "id_number=$MASKED" ] ||
	fail "join audit key: $(q a.db "SELECT changes FROM audit_log WHERE action = 'merge'")"

# export: a profile with ids = full says so; every full export is audited
exports() { q a.db "SELECT count(*) FROM audit_log WHERE action = 'export'"; }
before=$(exports)
expect_status 0 "$BIN" --db a.db export residents -o masked.csv
grep -q "$ID" masked.csv && fail "a plain export holds the full ID number"
[ "$(exports)" = "$before" ] || fail "a masked export wrote an export audit row"
expect_status 0 "$BIN" --db a.db export --profile returnee-register -o full.csv
expect_grep "ids = full" "$T/err"
grep -q "$ID" full.csv || fail "the ids = full profile did not write full numbers"
[ "$(exports)" = "$((before + 1))" ] || fail "the export of full numbers was not audited"
expect_status 0 "$BIN" --db a.db export --profile returnee-register --full-ids -o full2.csv
grep -q "ids = full" "$T/err" && fail "--full-ids given, and still the profile's note"
[ "$(exports)" = "$((before + 2))" ] || fail "the --full-ids export was not audited"
expect_status 0 "$BIN" --db a.db export residents --full-ids -o - >/dev/null
[ "$(exports)" = "$((before + 3))" ] || fail "full numbers on standard output were not audited"
finish
