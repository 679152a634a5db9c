# Test data for the sheet tests (sourced, POSIX sh): sheet_data DB N makes a
# community of N households with sqlite3 inserts.  Every household has two
# living residents (户主 and 配偶) and one moved-out resident that no sheet
# lists; odd buildings are in grid 一网格 (worker 张网格), even ones in
# 二网格.  Household i (1-based) has the code B-U-R with B = 1 + (i-1)/40,
# U = 1 + ((i-1)/20)%2, R = 101 + (i-1)%20, so codes like 3-2-501 and
# 10-1-101 exist and sort naturally (sort_key as core/natsort writes it).
# Also: isolations, checks, donations and distributions around 2020-02-15.

sheet_data() {
	db=$1
	n=$2
	"$BIN" --db "$db" init --community 幸福里社区 --street 东风街道 >/dev/null || return 1
	sqlite3 "$db" <<SQL
BEGIN;
INSERT INTO staff(uuid, created_at, updated_at, name, role)
 VALUES ('s1', '2020-02-01 08:00:00', '2020-02-01 08:00:00', '张网格', 'grid_worker'),
        ('s2', '2020-02-01 08:00:00', '2020-02-01 08:00:00', '李主任', 'director');
INSERT INTO grids(uuid, created_at, updated_at, name, staff_id)
 VALUES ('g1', '2020-02-01', '2020-02-01', '一网格', (SELECT id FROM staff WHERE name = '张网格')),
        ('g2', '2020-02-01', '2020-02-01', '二网格', NULL);
WITH RECURSIVE seq(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM seq WHERE i < $n),
 parts(i, b, u, r) AS (SELECT i, 1 + (i - 1) / 40, 1 + ((i - 1) / 20) % 2, 101 + (i - 1) % 20 FROM seq)
INSERT INTO households(id, uuid, created_at, updated_at, code, sort_key, building, unit, room, grid_id, phone)
 SELECT i, 'h' || i, '2020-02-01', '2020-02-01', b || '-' || u || '-' || r,
  char(47 + length(b)) || b || '-' || char(47 + length(u)) || u || '-' || char(47 + length(r)) || r,
  b, u, r, CASE WHEN b % 2 = 1 THEN (SELECT id FROM grids WHERE name = '一网格')
                ELSE (SELECT id FROM grids WHERE name = '二网格') END,
  CASE WHEN i % 3 = 0 THEN NULL ELSE '1380000' || printf('%04d', i) END
 FROM parts;
WITH RECURSIVE seq(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM seq WHERE i < $n)
INSERT INTO residents(uuid, created_at, updated_at, household_id, name, sex, id_number, phone, relation, status)
 SELECT 'rh' || i, '2020-02-01', '2020-02-01', i,
  CASE WHEN i = 2 THEN '欧阳娜娜娜娜娜娜娜娜娜娜娜' ELSE '户主' || i END, 'M',
  '41120219800101' || printf('%04d', i), '1390000' || printf('%04d', i), 'head', 'living' FROM seq
 UNION ALL
 SELECT 'rs' || i, '2020-02-01', '2020-02-01', i, '配偶' || i, 'F', NULL, NULL, 'spouse', 'living' FROM seq
 UNION ALL
 SELECT 'rm' || i, '2020-02-01', '2020-02-01', i, '迁出' || i, 'F', NULL, NULL, 'child', 'moved_out' FROM seq;
INSERT INTO isolations(uuid, created_at, updated_at, resident_id, kind, site, reason, start_date, days, extended_days, end_date, end_reason)
 VALUES
 ('i1', '2020-02-10', '2020-02-10', (SELECT id FROM residents WHERE uuid = 'rh1'), 'home', NULL, 'key_area', '2020-02-10', 14, 0, NULL, NULL),
 ('i2', '2020-02-01', '2020-02-01', (SELECT id FROM residents WHERE uuid = 'rs1'), 'central', '阳光酒店', 'close_contact', '2020-02-05', 14, 0, NULL, NULL),
 ('i3', '2020-02-14', '2020-02-14', (SELECT id FROM residents WHERE uuid = 'rh3'), 'hospital', '市人民医院', 'symptoms', '2020-02-14', 14, 7, NULL, NULL),
 ('i4', '2020-01-20', '2020-01-20', (SELECT id FROM residents WHERE uuid = 'rh4'), 'home', NULL, 'other', '2020-01-20', 14, 0, '2020-02-02', 'completed'),
 ('i5', '2020-02-15', '2020-02-15', (SELECT id FROM residents WHERE uuid = 'rh5'), 'home', NULL, 'other', '2020-02-16', 14, 0, NULL, NULL),
 ('i6', '2020-01-20', '2020-01-20', (SELECT id FROM residents WHERE uuid = 'rh6'), 'home', NULL, 'other', '2020-01-25', 14, 0, NULL, NULL),
 ('i7', '2020-02-10', '2020-02-10', (SELECT id FROM residents WHERE uuid = 'rh41'), 'home', NULL, 'other', '2020-02-10', 14, 0, NULL, NULL);
INSERT INTO checks(uuid, created_at, updated_at, isolation_id, date, slot, at, temperature, symptoms)
 VALUES ('c1', '2020-02-15 08:00:00', '2020-02-15 08:00:00', (SELECT id FROM isolations WHERE uuid = 'i1'), '2020-02-15', 'AM', '2020-02-15 08:00:00', 365, ''),
        ('c2', '2020-02-15 08:10:00', '2020-02-15 08:10:00', (SELECT id FROM isolations WHERE uuid = 'i3'), '2020-02-15', 'AM', '2020-02-15 08:10:00', 381, 'cough,fatigue');
INSERT INTO donations(uuid, created_at, updated_at, receipt_no, year, station, seq, received_date, donor_name, donor_type, anonymous, kind, amount_fen, channel, item, quantity, unit, value_fen, designation, void_reason, voided_at)
 VALUES
 ('d1', '2020-02-01', '2020-02-01', '2020-A-0001', 2020, 'A', 1, '2020-02-01', '王捐赠', 'individual', 0, 'cash', 100000, 'wechat', NULL, NULL, NULL, NULL, NULL, NULL, NULL),
 ('d2', '2020-02-10', '2020-02-10', '2020-A-0002', 2020, 'A', 2, '2020-02-10', '赵先生', 'individual', 1, 'goods', NULL, NULL, '口罩', 500000, '个', 250000, '一线人员', NULL, NULL),
 ('d3', '2020-02-11', '2020-02-11', '2020-A-0003', 2020, 'A', 3, '2020-02-11', '录错公司', 'company', 0, 'cash', 999900, 'bank', NULL, NULL, NULL, NULL, NULL, '金额录错', '2020-02-11 10:00:00'),
 ('d4', '2020-02-12', '2020-02-12', '2020-A-0004', 2020, 'A', 4, '2020-02-12', '东风超市有限公司', 'company', 0, 'goods', NULL, NULL, '消毒液', 12050, '箱', NULL, NULL, NULL, NULL),
 ('d5', '2020-02-14', '2020-02-14', '2020-A-0005', 2020, 'A', 5, '2020-02-14', '党员刘某', 'party_member', 0, 'cash', 50050, 'cash', NULL, NULL, NULL, NULL, NULL, NULL, NULL),
 ('d6', '2020-02-20', '2020-02-20', '2020-A-0006', 2020, 'A', 6, '2020-02-20', '以后的人', 'individual', 0, 'cash', 7700, 'cash', NULL, NULL, NULL, NULL, NULL, NULL, NULL);
INSERT INTO checkpoints(uuid, created_at, updated_at, name, kind) VALUES ('k1', '2020-02-01', '2020-02-01', '东门卡点', 'gate');
INSERT INTO distributions(uuid, created_at, updated_at, item, unit, quantity, recipient_kind, household_id, checkpoint_id, recipient, date, staff_id)
 VALUES
 ('x1', '2020-02-11', '2020-02-11', '口罩', '个', 100000, 'checkpoint', NULL, (SELECT id FROM checkpoints WHERE name = '东门卡点'), '', '2020-02-11', (SELECT id FROM staff WHERE name = '张网格')),
 ('x2', '2020-02-13', '2020-02-13', '口罩', '个', 2000, 'household', 1, NULL, '', '2020-02-13', (SELECT id FROM staff WHERE name = '张网格')),
 ('x3', '2020-02-13', '2020-02-13', '消毒液', '箱', 1000, 'other', NULL, NULL, '社区卫生服务站', '2020-02-13', NULL);
COMMIT;
SQL
}
