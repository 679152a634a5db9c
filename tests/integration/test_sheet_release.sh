#!/bin/sh
# Release certificates (解除隔离告知书): `doorstep sheet release --who` finds
# the isolation by household code and name or by the ID number's tail; a
# completed isolation gets its certificate (name, masked ID, address, kind
# and site, dates and days, the statement, the committee and its seal place);
# one ended early, with a fever in its last three days, for another reason,
# or not ended gets none, and the refusal says why.
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
. "$here/sheet_data.sh"

sheet_data a.db 60 || { echo "FAIL: test data"; exit 1; }
sqlite3 a.db <<'SQL' || fail "inserting isolations"
UPDATE households SET address = '幸福里小区1栋1单元104室' WHERE code = '1-1-104';
-- 户主8: ended as completed on day 10 of 14 (early)
INSERT INTO isolations(uuid, created_at, updated_at, resident_id, kind, site, reason, start_date, days, end_date, end_reason)
 VALUES ('e8', '2020-01-20', '2020-01-29', (SELECT id FROM residents WHERE uuid = 'rh8'), 'central', '阳光酒店', 'other', '2020-01-20', 14, '2020-01-29', 'completed');
-- 户主9: completed on time, but 37.6 two days before the end
INSERT INTO isolations(uuid, created_at, updated_at, resident_id, kind, reason, start_date, days, end_date, end_reason)
 VALUES ('e9', '2020-01-20', '2020-02-02', (SELECT id FROM residents WHERE uuid = 'rh9'), 'home', 'other', '2020-01-20', 14, '2020-02-02', 'completed');
INSERT INTO checks(uuid, created_at, updated_at, isolation_id, date, slot, at, temperature)
 VALUES ('c9', '2020-01-31', '2020-01-31', (SELECT id FROM isolations WHERE uuid = 'e9'), '2020-01-31', 'PM', '2020-01-31 18:00:00', 376),
        ('c4', '2020-02-01', '2020-02-01', (SELECT id FROM isolations WHERE uuid = 'i4'), '2020-02-01', 'AM', '2020-02-01 08:00:00', 365);
-- 户主10: hospitalised
INSERT INTO isolations(uuid, created_at, updated_at, resident_id, kind, reason, start_date, days, end_date, end_reason)
 VALUES ('e10', '2020-01-20', '2020-01-25', (SELECT id FROM residents WHERE uuid = 'rh10'), 'home', 'other', '2020-01-20', 14, '2020-01-25', 'hospitalised');
SQL

# a completed isolation: by code and name, and by the ID tail
expect_status 0 "$BIN" --db a.db sheet release --who "1-1-104 户主4" -o r.pdf
pdftotext -raw r.pdf - | tr -d ' \n' >r.txt
for want in 解除隔离告知书 户主4 '411202********0004' 幸福里小区1栋1单元104室 居家隔离 \
	'2020-01-20至2020-02-02，共14天' 无发热 现予解除隔离 幸福里社区居民委员会（盖章） 本人签收; do
	grep -qF "$want" r.txt || fail "certificate: no \"$want\""
done
grep -q 41120219800101 r.txt && fail "the certificate shows the full ID number"
expect_status 0 "$BIN" --db a.db sheet release --who 0004 --text && expect_grep '户主4 同志' "$T/out"
expect_status 0 "$BIN" --db a.db sheet release --who "1-1-104 户主4"
[ -s "release-1-1-104_户主4-2020-02-15.pdf" ] || fail "no default-named certificate"

# refusals, each saying why; no file
expect_status 1 "$BIN" --db a.db sheet release --who "1-1-108 户主8" -o x.pdf &&
	expect_grep 'ended early.*2020-01-29.*2020-02-02' "$T/err"
expect_status 1 "$BIN" --db a.db sheet release --who "1-1-109 户主9" -o x.pdf &&
	expect_grep 'fever of 37.6' "$T/err"
expect_status 1 "$BIN" --db a.db sheet release --who "1-1-110 户主10" -o x.pdf &&
	expect_grep 'another reason.*hospitalised' "$T/err"
expect_status 1 "$BIN" --db a.db sheet release --who "1-1-101 户主1" -o x.pdf &&
	expect_grep 'no ended isolation of 1-1-101 户主1' "$T/err"
[ -e x.pdf ] && fail "a refused certificate left a file"
# an ID tail several residents share
sqlite3 a.db "UPDATE residents SET id_number = '411202198001017777' WHERE uuid = 'rh8';
 UPDATE residents SET id_number = '411202198001027777' WHERE uuid = 'rh9'"
expect_status 1 "$BIN" --db a.db sheet release --who 7777 && expect_grep '2 people match' "$T/err"
grep -q '198001017777' "$T/err" && fail "the ambiguity message shows a full ID number"
# usage errors
# Released through the override of safe release (ended as completed despite
# a problem, with a reason): no certificate, the reason named.
sqlite3 a.db "UPDATE isolations SET release_override = '本人要求，已电话复核'
	WHERE resident_id = (SELECT id FROM residents WHERE name = '户主4')"
expect_status 1 "$BIN" --db a.db sheet release --who "1-1-104 户主4" -o x.pdf &&
	expect_grep 'through an override ("本人要求，已电话复核")' "$T/err"
expect_status 2 "$BIN" --db a.db sheet release
expect_status 1 "$BIN" --db a.db sheet release --who 12 && expect_grep "last four or more digits" "$T/err"
expect_status 2 "$BIN" --db a.db sheet rounds --who 0004
expect_status 2 "$BIN" --db a.db sheet release --who 0004 --grid 一网格

# sheet --help: exit 0, the kinds and the options
expect_status 0 "$BIN" sheet --help
for want in rounds isolation daily donations duty passes receipt release '--from' '--grid' '--who' \
	'(takes --grid)' '(takes --from)'; do
	grep -qF -- "$want" "$T/out" || fail "sheet --help does not list $want"
done
finish
