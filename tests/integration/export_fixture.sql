-- A small community for the export tests (tests/integration/test_export*.sh),
-- loaded with the sqlite3 shell into a database made by `doorstep init`.
-- It holds the awkward cases: Chinese text, commas, quotes and line breaks,
-- formula-like notes, a soft-deleted resident, a voided donation, an
-- isolation entered in error.
INSERT INTO staff(id, uuid, created_at, updated_at, name, phone, role) VALUES
 (1, 's1', '2020-01-20 08:00:00', '2020-01-20 08:00:00', '李网格', '13912345678', 'grid_worker'),
 (2, 's2', '2020-01-20 08:00:00', '2020-01-20 08:00:00', '王主任', '13800001111', 'director');
INSERT INTO grids(id, uuid, created_at, updated_at, name, staff_id) VALUES
 (1, 'g1', '2020-01-20 08:00:00', '2020-01-20 08:00:00', '第一网格', 1);
INSERT INTO households(id, uuid, created_at, updated_at, code, sort_key, compound, building, unit, room, address, grid_id, phone, notes) VALUES
 (1, 'h1', '2020-01-20 08:00:00', '2020-01-20 08:00:00', '3-2-501', '0000000003-0000000002-0000000501', '幸福里', '3', '2', '501', '幸福里3栋2单元501', 1, '0398-2812345', NULL),
 (2, 'h2', '2020-01-20 08:00:00', '2020-01-20 08:00:00', '3-10-101', '0000000003-0000000010-0000000101', '幸福里', '3', '10', '0101', '幸福里3栋10单元101', 1, NULL, '门口有狗, 注意'),
 (3, 'h3', '2020-01-20 08:00:00', '2020-01-20 08:00:00', '12-1-101', '0000000012-0000000001-0000000101', '幸福里', '12', '1', '101', NULL, NULL, NULL, NULL),
 (4, 'h4', '2020-01-20 08:00:00', '2020-01-20 08:00:00', '高河村3组12号', '高河村0000000003组0000000012号', NULL, NULL, NULL, NULL, '高河村3组12号', NULL, NULL, NULL);
INSERT INTO residents(id, uuid, created_at, updated_at, deleted_at, household_id, name, sex, id_type, id_number, birth_date, phone, relation, status, tags, returned_from, return_date, notes) VALUES
 (1, 'r1', '2020-01-20 08:00:00', '2020-01-20 08:00:00', NULL, 1, '张三', 'M', 'id', '411202198503121232', '1985-03-12', '13812345678', 'head', 'living', '', NULL, NULL, NULL),
 (2, 'r2', '2020-01-20 08:00:00', '2020-01-20 08:00:00', NULL, 1, '李四', 'F', 'id', '411202201506152346', '2015-06-15', NULL, 'child', 'living', 'child', NULL, NULL, '=1+1'),
 (3, 'r3', '2020-01-20 08:00:00', '2020-01-20 08:00:00', NULL, 2, '王五', 'M', 'id', '41120219900101567X', '1990-01-01', '13700001234', 'head', 'living', 'returnee', '湖北省武汉市', '2020-01-22', '说"已自行隔离",
每天电话'),
 (4, 'r4', '2020-01-20 08:00:00', '2020-01-20 08:00:00', NULL, 3, '赵老太', 'F', 'id', '11010519491231002X', '1949-12-31', NULL, 'head', 'living', 'elderly_alone,chronic', NULL, NULL, '-独居'),
 (5, 'r5', '2020-01-20 08:00:00', '2020-01-20 08:00:00', NULL, 4, '陈六', 'F', 'id', '420106198808084568', '1988-08-08', '15811112222', 'spouse', 'away', 'returnee', '湖北省孝感市', '2020-02-10', NULL),
 (6, 'r6', '2020-01-20 08:00:00', '2020-01-20 08:00:00', '2020-02-01 10:00:00', 4, '已删除', 'M', 'id', '411202195602207898', '1956-02-20', NULL, 'other', 'living', '', NULL, NULL, NULL),
 (7, 'r7', '2020-01-20 08:00:00', '2020-01-20 08:00:00', NULL, 4, 'Tom Smith', 'M', 'passport', 'E12345678', NULL, NULL, 'other', 'living', '', NULL, NULL, NULL);
INSERT INTO visits(id, uuid, created_at, updated_at, household_id, at, date, staff_id, outcome, notes) VALUES
 (1, 'v1', '2020-02-14 09:00:00', '2020-02-14 09:00:00', 1, '2020-02-14 09:00:00', '2020-02-14', 1, 'visited', NULL),
 (2, 'v2', '2020-02-14 09:10:00', '2020-02-14 09:10:00', 2, '2020-02-14 09:10:00', '2020-02-14', 1, 'visited', NULL),
 (3, 'v3', '2020-02-14 09:20:00', '2020-02-14 09:20:00', 3, '2020-02-14 09:20:00', '2020-02-14', 1, 'no_answer', '+下午再去'),
 (4, 'v4', '2020-02-15 09:00:00', '2020-02-15 09:00:00', 1, '2020-02-15 09:00:00', '2020-02-15', 2, 'visited', NULL);
INSERT INTO readings(id, uuid, created_at, updated_at, visit_id, resident_id, temperature, symptoms, note) VALUES
 (1, 'rd1', '2020-02-14 09:00:00', '2020-02-14 09:00:00', 1, 1, 365, '', NULL),
 (2, 'rd2', '2020-02-14 09:00:00', '2020-02-14 09:00:00', 1, 2, 368, '', NULL),
 (3, 'rd3', '2020-02-14 09:10:00', '2020-02-14 09:10:00', 2, 3, 381, 'cough,fatigue', '@医院'),
 (4, 'rd4', '2020-02-15 09:00:00', '2020-02-15 09:00:00', 4, 1, 370, '', NULL);
INSERT INTO isolations(id, uuid, created_at, updated_at, resident_id, kind, site, reason, start_date, days, extended_days, end_date, end_reason, notes) VALUES
 (1, 'i1', '2020-01-22 10:00:00', '2020-01-22 10:00:00', 3, 'home', NULL, 'key_area', '2020-01-22', 14, 0, '2020-02-05', 'completed', NULL),
 (2, 'i2', '2020-02-10 10:00:00', '2020-02-10 10:00:00', 5, 'central', '城关宾馆', 'key_area', '2020-02-10', 14, 7, NULL, NULL, NULL),
 (3, 'i3', '2020-02-14 10:00:00', '2020-02-14 10:00:00', 1, 'home', NULL, 'close_contact', '2020-02-14', 14, 0, '2020-02-14', 'error', '登记错了');
INSERT INTO checks(id, uuid, created_at, updated_at, isolation_id, date, slot, at, temperature, symptoms, method, late, staff_id) VALUES
 (1, 'c1', '2020-02-14 08:00:00', '2020-02-14 08:00:00', 2, '2020-02-14', 'AM', '2020-02-14 08:00:00', 364, '', 'phone', 0, 1),
 (2, 'c2', '2020-02-14 21:00:00', '2020-02-14 21:00:00', 2, '2020-02-14', 'PM', '2020-02-14 21:00:00', 366, '', 'self_report', 1, 1);
INSERT INTO donations(id, uuid, created_at, updated_at, receipt_no, year, station, seq, received_date, donor_name, donor_type, anonymous, phone, kind, amount_fen, channel, item, quantity, unit, value_fen, designation, received_by, void_reason, voided_at, notes) VALUES
 (1, 'd1', '2020-02-01 10:00:00', '2020-02-01 10:00:00', '2020-A-0001', 2020, 'A', 1, '2020-02-01', '刘大爷', 'party_member', 0, '13600001111', 'cash', 123450, 'wechat', NULL, NULL, NULL, NULL, '购买口罩', 2, NULL, NULL, NULL),
 (2, 'd2', '2020-02-02 10:00:00', '2020-02-02 10:00:00', '2020-A-0002', 2020, 'A', 2, '2020-02-02', '某某公司', 'company', 0, NULL, 'goods', NULL, NULL, '口罩', 50000, '只', 100000, NULL, 2, NULL, NULL, NULL),
 (3, 'd3', '2020-02-03 10:00:00', '2020-02-03 10:00:00', '2020-A-0003', 2020, 'A', 3, '2020-02-03', '', 'individual', 1, NULL, 'cash', 5000, 'cash', NULL, NULL, NULL, NULL, NULL, 2, '金额写错', '2020-02-03 11:00:00', NULL);
INSERT INTO checkpoints(id, uuid, created_at, updated_at, name, location, kind) VALUES
 (1, 'k1', '2020-01-25 08:00:00', '2020-01-25 08:00:00', '东门卡点', '幸福里东门', 'gate');
INSERT INTO distributions(id, uuid, created_at, updated_at, item, unit, quantity, recipient_kind, household_id, checkpoint_id, recipient, date, staff_id, notes) VALUES
 (1, 't1', '2020-02-05 10:00:00', '2020-02-05 10:00:00', '口罩', '只', 1250, 'household', 1, NULL, '', '2020-02-05', 2, NULL),
 (2, 't2', '2020-02-05 11:00:00', '2020-02-05 11:00:00', '口罩', '只', 20000, 'checkpoint', NULL, 1, '', '2020-02-05', 2, NULL),
 (3, 't3', '2020-02-06 11:00:00', '2020-02-06 11:00:00', '口罩', '只', 1225, 'other', NULL, NULL, '环卫工人', '2020-02-06', 2, NULL);
INSERT INTO expenditures(id, uuid, created_at, updated_at, date, purpose, amount_fen, approved_by, voucher_no, staff_id, void_reason, voided_at, notes) VALUES
 (1, 'x1', '2020-02-04 10:00:00', '2020-02-04 10:00:00', '2020-02-04', '购买消毒液', 45000, '李书记', 'PZ-0007', 2, NULL, NULL, NULL),
 (2, 'x2', '2020-02-05 10:00:00', '2020-02-05 10:00:00', '2020-02-05', '=cmd|x', 1000, '李书记', '0008', 2, '重复登记', '2020-02-05 11:00:00', NULL);
INSERT INTO shifts(id, uuid, created_at, updated_at, checkpoint_id, date, start_time, end_time, staff_id, role, present, notes) VALUES
 (1, 'f1', '2020-02-14 08:00:00', '2020-02-14 08:00:00', 1, '2020-02-14', '08:00', '12:00', 1, 'leader', 1, NULL),
 (2, 'f2', '2020-02-14 08:00:00', '2020-02-14 08:00:00', 1, '2020-02-14', '12:00', '18:00', 2, 'member', NULL, NULL);
INSERT INTO passes(id, uuid, created_at, updated_at, pass_no, household_id, issued_date) VALUES
 (1, 'p1', '2020-02-01 08:00:00', '2020-02-01 08:00:00', '0001', 1, '2020-02-01');
INSERT INTO pass_events(id, uuid, created_at, updated_at, pass_id, checkpoint_id, at, direction, resident_id, staff_id) VALUES
 (1, 'x1', '2020-02-14 10:00:00', '2020-02-14 10:00:00', 1, 1, '2020-02-14 10:00:00', 'out', 1, 1),
 (2, 'x2', '2020-02-14 11:30:00', '2020-02-14 11:30:00', 1, 1, '2020-02-14 11:30:00', 'in', 1, 1),
 (3, 'x3', '2020-02-15 09:00:00', '2020-02-15 09:00:00', 1, 1, '2020-02-15 09:00:00', 'out', NULL, 1);
