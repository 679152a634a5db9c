/* schema: every table of README.md#schema, in migrations applied in order.
 *
 * Conventions, so that the file reads well from the stock sqlite3 shell:
 * - every domain table has id (integer key), uuid (random, for merging),
 *   created_at, updated_at (local "YYYY-MM-DD HH:MM:SS") and deleted_at
 *   (soft delete: NULL while the record is live);
 * - enumerations are short English codes, checked by CHECK constraints;
 *   on the tables an import writes row by row (residents, audit_log) the
 *   check is spelt `x = 'a' OR x = 'b' ...`: SQLite builds a temporary
 *   b-tree for a list `x IN ('a','b','c')` on every execution of the
 *   INSERT, a quarter of the import's time;
 * - temperatures are integer tenths of a degree, money integer fen,
 *   quantities integer hundredths;
 * - households.sort_key holds the natural order of the code (core/natsort),
 *   so ORDER BY sort_key needs no custom collation;
 * - residents.pinyin, id_rev and phone_rev are search keys kept by db/ (the
 *   initials of the name's readings, the ID number and phone reversed so a
 *   "last digits" search is an index range). */
#include "db/schema.h"

#include <stdio.h>

#include "core/enums.h"
#include "core/i18n.h"
#include "db/db.h"
#include "db/sql.h"
#include "db/views.h"

#define RECORD_COLS                                                                                \
	"id INTEGER PRIMARY KEY,\n"                                                                \
	"uuid TEXT NOT NULL UNIQUE,\n"                                                             \
	"created_at TEXT NOT NULL,\n"                                                              \
	"updated_at TEXT NOT NULL,\n"                                                              \
	"deleted_at TEXT,\n"

/* The search queue's insert triggers (migration 2), apart so that a bulk
 * import can set them aside for its transaction: see
 * schema_search_insert_triggers. */
#define SEARCH_INSERT_TRIGGERS                                                                     \
	"CREATE TRIGGER search_households_insert AFTER INSERT ON households BEGIN\n"              \
	" INSERT OR IGNORE INTO search_dirty VALUES (NEW.id); END;\n"                              \
	"CREATE TRIGGER search_residents_insert AFTER INSERT ON residents BEGIN\n"                \
	" INSERT OR IGNORE INTO search_dirty VALUES (NEW.household_id); END;\n"

const char *schema_search_insert_triggers(void)
{
	return SEARCH_INSERT_TRIGGERS;
}

const char *schema_search_insert_triggers_drop(void)
{
	return "DROP TRIGGER search_households_insert; DROP TRIGGER search_residents_insert;";
}

/* The day's temperature counters (issue 21, the first screen): day_temps
 * holds, per date and temperature, how many residents had that as their
 * highest live reading of the date on a live visit to a household that
 * lived at the end of the date: the residents checked and fevers of
 * db/stats.c are two sums over a date's few rows, whatever the threshold.
 * The view day_residents_actual is the definition (each resident's highest
 * reading of each date) and day_temps_actual the recount `check` compares
 * the counters with.  The triggers keep them exact under every write: for
 * each (date, resident) a write can move, the BEFORE trigger takes the
 * resident's highest reading of the date off the counters and the AFTER
 * trigger puts the new one back (DAY_TOP, in the trigger day_temp_move,
 * reads the resident's readings through readings_resident, about 50 at
 * 40,000 households).  A reading's
 * insert, edit, soft delete, restore and delete; a visit's new date,
 * household or soft delete; a household's creation or deletion time
 * (deleted later, its visits stop counting from the day of the deletion).
 * Visits and households are deleted for good only after their readings
 * and visits (foreign keys), which the readings' triggers count.  A bulk
 * path sets the triggers aside and refills the counters once
 * (db/daytemps.h). */
#define DAY_LIVE(D)                                                                                \
	"dt_h.created_at < date(" D ", '+1 day')"                                                 \
	" AND (dt_h.deleted_at IS NULL OR dt_h.deleted_at >= date(" D ", '+1 day'))"
#define DAY_TOP(D, R)                                                                              \
	"(SELECT max(dt_r.temperature) FROM readings dt_r CROSS JOIN visits dt_v"                  \
	" CROSS JOIN households dt_h WHERE dt_r.resident_id = " R " AND dt_v.id = dt_r.visit_id"     \
	" AND dt_v.date = " D " AND dt_h.id = dt_v.household_id AND dt_r.deleted_at IS NULL"       \
	" AND dt_r.temperature IS NOT NULL AND dt_v.deleted_at IS NULL AND " DAY_LIVE(D) ")"
/* Adds SIGN for each (date d, resident r) of PAIRS (distinct) to the count
 * of its highest reading. */
/* The pairs are inserted into day_temp_moves (with the sign), whose one
 * BEFORE INSERT trigger, day_temp_move, moves the counters and drops the
 * row (RAISE(IGNORE): the table stays empty), so that DAY_TOP is written
 * once in the schema: every program start parses every trigger, and with
 * the subqueries written out in each the 18 triggers were 17 kB of SQL,
 * 5.2 million instructions of every start (about 1 ms). */
#define DAY_MOVE(PAIRS, SIGN)                                                                      \
	" INSERT INTO day_temp_moves (d, r, s) SELECT d, r, " SIGN " FROM (" PAIRS ");"
/* The two triggers of one write: TABLE_NAME_before takes the pairs'
 * contributions off the counters with MOVE(PAIRS, "-1"), TABLE_NAME_after
 * puts the new ones back. */
#define DAY_PAIR_TRIGGERS(TABLE, MOVE, NAME, EVENT, WHEN, PAIRS)                                   \
	"CREATE TRIGGER " TABLE "_" NAME "_before BEFORE " EVENT " WHEN " WHEN " BEGIN"             \
	MOVE(PAIRS, "-1") " END;\n"                                                                 \
	"CREATE TRIGGER " TABLE "_" NAME "_after AFTER " EVENT " WHEN " WHEN " BEGIN"               \
	MOVE(PAIRS, "1") " END;\n"
#define DAY_TRIGGER_PAIR(NAME, EVENT, WHEN, PAIRS)                                                 \
	DAY_PAIR_TRIGGERS("day_temps", DAY_MOVE, NAME, EVENT, WHEN, PAIRS)
#define DAY_READING_COUNTS(A) "(" A ".temperature IS NOT NULL AND " A ".deleted_at IS NULL)"
#define DAY_READING_PAIR(A) "SELECT date AS d, " A ".resident_id AS r FROM visits WHERE id = " A ".visit_id"
#define DAY_VISIT_PAIRS(A)                                                                         \
	"SELECT " A ".date AS d, resident_id AS r FROM readings WHERE visit_id = " A ".id"          \
	" AND temperature IS NOT NULL AND deleted_at IS NULL"
#define DAY_TEMPS_TRIGGERS                                                                         \
	DAY_TRIGGER_PAIR("reading_insert", "INSERT ON readings", DAY_READING_COUNTS("NEW"),        \
			 DAY_READING_PAIR("NEW"))                                                  \
	DAY_TRIGGER_PAIR("reading_update",                                                         \
			 "UPDATE OF visit_id, resident_id, temperature, deleted_at ON readings",   \
			 "(" DAY_READING_COUNTS("OLD") " OR " DAY_READING_COUNTS("NEW") ")"         \
			 " AND (OLD.visit_id IS NOT NEW.visit_id OR OLD.resident_id IS NOT"        \
			 " NEW.resident_id OR OLD.temperature IS NOT NEW.temperature"               \
			 " OR OLD.deleted_at IS NOT NEW.deleted_at)",                               \
			 DAY_READING_PAIR("OLD") " UNION " DAY_READING_PAIR("NEW"))                \
	DAY_TRIGGER_PAIR("reading_delete", "DELETE ON readings", DAY_READING_COUNTS("OLD"),        \
			 DAY_READING_PAIR("OLD"))
/* The same for the day's households by the outcome of their latest visit
 * of the date (by time, then id) and their visits, for the households that
 * lived at the end of the date (db/stats.c count_outcomes): day_outcomes,
 * kept per (date, household) a write moves; DAY_LATEST reads the
 * household's visits of the date through visits_household. */
#define DAY_LATEST(D, H, WHAT)                                                                     \
	"(SELECT " WHAT " FROM visits dt_v WHERE dt_v.household_id = " H " AND dt_v.date = " D      \
	" AND dt_v.deleted_at IS NULL ORDER BY dt_v.at DESC, dt_v.id DESC LIMIT 1)"
#define DAY_COUNT(D, H)                                                                            \
	"(SELECT count(*) FROM visits dt_v WHERE dt_v.household_id = " H " AND dt_v.date = " D      \
	" AND dt_v.deleted_at IS NULL)"
#define DAY_MOVE_OUTCOMES(PAIRS, SIGN)                                                             \
	" INSERT INTO day_outcome_moves (d, h, s) SELECT d, h, " SIGN " FROM (" PAIRS ");"
#define DAY_OUTCOMES_PAIR(NAME, EVENT, WHEN, PAIRS)                                                \
	DAY_PAIR_TRIGGERS("day_outcomes", DAY_MOVE_OUTCOMES, NAME, EVENT, WHEN, PAIRS)
#define DAY_OUTCOMES_TRIGGERS                                                                      \
	DAY_OUTCOMES_PAIR("visit_insert", "INSERT ON visits", "NEW.deleted_at IS NULL",            \
			  "SELECT NEW.date AS d, NEW.household_id AS h")                           \
	DAY_OUTCOMES_PAIR("visit_delete", "DELETE ON visits", "OLD.deleted_at IS NULL",            \
			  "SELECT OLD.date AS d, OLD.household_id AS h")
/* A visit's and a household's changes move both counters: one pair of
 * triggers each (fewer triggers to parse at every start), the pairs of
 * each counter named NAME_T and NAME_O. */
#define DAY_MOVE_BOTH(P, SIGN) DAY_MOVE(P##_T, SIGN) DAY_MOVE_OUTCOMES(P##_O, SIGN)
#define DAY_VISIT_T DAY_VISIT_PAIRS("OLD") " UNION " DAY_VISIT_PAIRS("NEW")
#define DAY_VISIT_O "SELECT OLD.date AS d, OLD.household_id AS h UNION SELECT NEW.date, NEW.household_id"
#define DAY_HOUSEHOLD_T                                                                            \
	"SELECT DISTINCT v.date AS d, rd.resident_id AS r FROM visits v"                           \
	" JOIN readings rd ON rd.visit_id = v.id WHERE v.household_id = OLD.id"                    \
	" AND v.deleted_at IS NULL AND rd.temperature IS NOT NULL AND rd.deleted_at IS NULL"
#define DAY_HOUSEHOLD_O                                                                            \
	"SELECT DISTINCT date AS d, household_id AS h FROM visits"                                 \
	" WHERE household_id = OLD.id AND deleted_at IS NULL"
#define DAY_BOTH_TRIGGERS                                                                          \
	DAY_PAIR_TRIGGERS("day_counts", DAY_MOVE_BOTH, "visit_update",                             \
			  "UPDATE OF date, household_id, at, outcome, deleted_at ON visits",        \
			  "OLD.date IS NOT NEW.date OR OLD.household_id IS NOT NEW.household_id"   \
			  " OR OLD.at IS NOT NEW.at OR OLD.outcome IS NOT NEW.outcome"             \
			  " OR OLD.deleted_at IS NOT NEW.deleted_at",                               \
			  DAY_VISIT)                                                               \
	DAY_PAIR_TRIGGERS("day_counts", DAY_MOVE_BOTH, "household_update",                         \
			  "UPDATE OF created_at, deleted_at ON households",                        \
			  "OLD.created_at IS NOT NEW.created_at OR OLD.deleted_at IS NOT"          \
			  " NEW.deleted_at",                                                        \
			  DAY_HOUSEHOLD)
/* The two triggers that move the counters for a staged (date, resident)
 * or (date, household) pair by its sign, then drop the staged row. */
#define DAY_MOVERS                                                                                 \
	"CREATE TRIGGER day_temp_move BEFORE INSERT ON day_temp_moves BEGIN"                       \
	" INSERT INTO day_temps (date, top, n) SELECT NEW.d, t, NEW.s FROM (SELECT "                \
	DAY_TOP("NEW.d", "NEW.r") " AS t) WHERE t IS NOT NULL"                                      \
	" ON CONFLICT (date, top) DO UPDATE SET n = n + excluded.n; SELECT RAISE(IGNORE); END;\n"   \
	"CREATE TRIGGER day_outcome_move BEFORE INSERT ON day_outcome_moves BEGIN"                 \
	" INSERT INTO day_outcomes (date, outcome, households, visits) SELECT NEW.d, o, NEW.s,"     \
	" NEW.s * nv FROM (SELECT " DAY_LATEST("NEW.d", "NEW.h", "dt_v.outcome") " AS o, "         \
	DAY_COUNT("NEW.d", "NEW.h") " AS nv FROM households dt_h WHERE dt_h.id = NEW.h AND "        \
	DAY_LIVE("NEW.d") ") WHERE o IS NOT NULL ON CONFLICT (date, outcome) DO UPDATE"             \
	" SET households = households + excluded.households, visits = visits + excluded.visits;"    \
	" SELECT RAISE(IGNORE); END;\n"
#define DAY_TEMPS_TRIGGER_NAMES                                                                    \
	"day_temps_reading_insert", "day_temps_reading_update", "day_temps_reading_delete",        \
	    "day_outcomes_visit_insert", "day_outcomes_visit_delete", "day_counts_visit_update",   \
	    "day_counts_household_update"
#define DAY_TEMPS_REFILL                                                                           \
	"DELETE FROM day_temps;\n"                                                                 \
	"INSERT INTO day_temps (date, top, n) SELECT date, top, n FROM day_temps_actual;\n"         \
	"DELETE FROM day_outcomes;\n"                                                              \
	"INSERT INTO day_outcomes (date, outcome, households, visits)"                             \
	" SELECT date, outcome, households, visits FROM day_outcomes_actual;\n"

const char *schema_day_temps_triggers(void)
{
	return DAY_TEMPS_TRIGGERS DAY_OUTCOMES_TRIGGERS DAY_BOTH_TRIGGERS;
}

const char *schema_day_temps_refill(void)
{
	return DAY_TEMPS_REFILL;
}

const char *const *schema_day_temps_trigger_names(void)
{
	static const char *const names[] = {DAY_TEMPS_TRIGGER_NAMES, NULL};

	return names;
}

static const char *const migrations[] = {
	/* 1: the whole first schema (README.md#schema). */
	"CREATE TABLE settings (\n" RECORD_COLS
	"community TEXT NOT NULL DEFAULT '',\n"
	"street TEXT NOT NULL DEFAULT '',\n"
	"district TEXT NOT NULL DEFAULT '',\n"
	"station TEXT NOT NULL DEFAULT 'A' CHECK (length(station) = 1 AND station BETWEEN 'A' AND 'Z'),\n"
	"fever_threshold INTEGER NOT NULL DEFAULT 373 CHECK (fever_threshold BETWEEN 340 AND 430),\n"
	"isolation_days INTEGER NOT NULL DEFAULT 14 CHECK (isolation_days BETWEEN 1 AND 60),\n"
	"am_cutoff TEXT NOT NULL DEFAULT '12:00',\n"
	"pm_cutoff TEXT NOT NULL DEFAULT '20:00',\n"
	"outing_days INTEGER NOT NULL DEFAULT 2 CHECK (outing_days BETWEEN 0 AND 30),\n"
	"out_alert_hours INTEGER NOT NULL DEFAULT 4 CHECK (out_alert_hours BETWEEN 1 AND 48),\n"
	"last_staff TEXT NOT NULL DEFAULT ''\n"
	");\n"

	"CREATE TABLE staff (\n" RECORD_COLS
	"name TEXT NOT NULL,\n"
	"phone TEXT,\n"
	"role TEXT NOT NULL DEFAULT 'grid_worker' CHECK (role IN ('director','grid_worker','volunteer')),\n"
	"active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0,1))\n"
	");\n"
	"CREATE UNIQUE INDEX staff_name ON staff(name) WHERE deleted_at IS NULL;\n"

	"CREATE TABLE grids (\n" RECORD_COLS
	"name TEXT NOT NULL,\n"
	"staff_id INTEGER REFERENCES staff(id)\n"
	");\n"
	"CREATE UNIQUE INDEX grids_name ON grids(name) WHERE deleted_at IS NULL;\n"

	"CREATE TABLE households (\n" RECORD_COLS
	"code TEXT NOT NULL,\n"
	"sort_key TEXT NOT NULL,\n"
	"compound TEXT,\n"
	"building TEXT,\n"
	"unit TEXT,\n"
	"room TEXT,\n"
	"address TEXT,\n"
	"grid_id INTEGER REFERENCES grids(id),\n"
	"phone TEXT,\n"
	"notes TEXT\n"
	");\n"
	"CREATE UNIQUE INDEX households_code ON households(code) WHERE deleted_at IS NULL;\n"
	"CREATE INDEX households_order ON households(sort_key, id);\n"
	"CREATE INDEX households_grid ON households(grid_id, sort_key, id);\n"
	/* The daily counts "as of a date" read these instead of every row. */
	"CREATE INDEX households_asof ON households(created_at, deleted_at);\n"

	"CREATE TABLE residents (\n" RECORD_COLS
	"household_id INTEGER NOT NULL REFERENCES households(id),\n"
	"name TEXT NOT NULL,\n"
	"sex TEXT CHECK (sex IN ('M','F')),\n"
	"id_type TEXT NOT NULL DEFAULT 'id' CHECK (id_type = 'id' OR id_type = 'passport' OR id_type = 'hkmo' OR id_type = 'tw' OR id_type = 'other'),\n"
	"id_number TEXT,\n"
	"birth_date TEXT,\n"
	"phone TEXT,\n"
	"relation TEXT NOT NULL DEFAULT 'other' CHECK (relation = 'head' OR relation = 'spouse' OR relation = 'child' OR relation = 'parent' OR relation = 'other'),\n"
	"status TEXT NOT NULL DEFAULT 'living' CHECK (status = 'living' OR status = 'away' OR status = 'moved_out' OR status = 'deceased'),\n"
	"tags TEXT NOT NULL DEFAULT '',\n"
	"returned_from TEXT,\n"
	"return_date TEXT,\n"
	"notes TEXT,\n"
	"pinyin TEXT NOT NULL DEFAULT '',\n"
	"id_rev TEXT,\n"
	"phone_rev TEXT\n"
	");\n"
	"CREATE UNIQUE INDEX residents_id_number ON residents(id_number)"
	" WHERE id_number IS NOT NULL AND deleted_at IS NULL;\n"
	"CREATE INDEX residents_household ON residents(household_id);\n"
	"CREATE INDEX residents_asof ON residents(created_at, deleted_at, status);\n"
	/* No index on name or pinyin: the Households filter looks names up in
	 * search_terms (migration 2), and a resident's name is only matched
	 * within a household (residents_household). */
	"CREATE INDEX residents_id_rev ON residents(id_rev);\n"
	"CREATE INDEX residents_phone_rev ON residents(phone_rev);\n"

	"CREATE TABLE visits (\n" RECORD_COLS
	"household_id INTEGER NOT NULL REFERENCES households(id),\n"
	"at TEXT NOT NULL,\n"
	"date TEXT NOT NULL,\n"
	"staff_id INTEGER REFERENCES staff(id),\n"
	"outcome TEXT NOT NULL CHECK (outcome IN ('visited','no_answer','refused','away')),\n"
	"notes TEXT\n"
	");\n"
	"CREATE INDEX visits_household ON visits(household_id, date, at);\n"
	"CREATE INDEX visits_date ON visits(date, household_id);\n"

	"CREATE TABLE readings (\n" RECORD_COLS
	"visit_id INTEGER NOT NULL REFERENCES visits(id),\n"
	"resident_id INTEGER NOT NULL REFERENCES residents(id),\n"
	"temperature INTEGER CHECK (temperature IS NULL OR temperature BETWEEN 340 AND 430),\n"
	"symptoms TEXT NOT NULL DEFAULT '',\n"
	"note TEXT\n"
	");\n"
	"CREATE INDEX readings_visit ON readings(visit_id);\n"
	"CREATE INDEX readings_resident ON readings(resident_id);\n"

	"CREATE TABLE isolations (\n" RECORD_COLS
	"resident_id INTEGER NOT NULL REFERENCES residents(id),\n"
	"kind TEXT NOT NULL CHECK (kind IN ('home','central','hospital')),\n"
	"site TEXT,\n"
	"reason TEXT NOT NULL DEFAULT 'other' CHECK (reason IN ('key_area','close_contact','secondary_contact','symptoms','other')),\n"
	"start_date TEXT NOT NULL,\n"
	"days INTEGER NOT NULL CHECK (days BETWEEN 1 AND 60),\n"
	"extended_days INTEGER NOT NULL DEFAULT 0 CHECK (extended_days >= 0),\n"
	"end_date TEXT,\n"
	"end_reason TEXT CHECK (end_reason IS NULL OR end_reason IN ('completed','hospitalised','confirmed','moved_away','error','restarted')),\n"
	"previous_id INTEGER REFERENCES isolations(id),\n"
	"notes TEXT\n"
	");\n"
	"CREATE INDEX isolations_resident ON isolations(resident_id, start_date);\n"
	"CREATE INDEX isolations_active ON isolations(end_date, start_date);\n"

	"CREATE TABLE checks (\n" RECORD_COLS
	"isolation_id INTEGER NOT NULL REFERENCES isolations(id),\n"
	"date TEXT NOT NULL,\n"
	"slot TEXT NOT NULL CHECK (slot IN ('AM','PM')),\n"
	"at TEXT NOT NULL,\n"
	"temperature INTEGER CHECK (temperature IS NULL OR temperature BETWEEN 340 AND 430),\n"
	"symptoms TEXT NOT NULL DEFAULT '',\n"
	"method TEXT NOT NULL DEFAULT 'in_person' CHECK (method IN ('in_person','phone','self_report')),\n"
	"late INTEGER NOT NULL DEFAULT 0 CHECK (late IN (0,1)),\n"
	"staff_id INTEGER REFERENCES staff(id)\n"
	");\n"
	"CREATE INDEX checks_isolation ON checks(isolation_id, date, slot);\n"
	"CREATE INDEX checks_date ON checks(date, slot);\n"

	"CREATE TABLE donations (\n" RECORD_COLS
	"receipt_no TEXT NOT NULL UNIQUE,\n"
	"year INTEGER NOT NULL,\n"
	"station TEXT NOT NULL,\n"
	"seq INTEGER NOT NULL,\n"
	"received_date TEXT NOT NULL,\n"
	"donor_name TEXT NOT NULL DEFAULT '',\n"
	"donor_type TEXT NOT NULL DEFAULT 'individual' CHECK (donor_type IN ('individual','party_member','company','organisation')),\n"
	"anonymous INTEGER NOT NULL DEFAULT 0 CHECK (anonymous IN (0,1)),\n"
	"phone TEXT,\n"
	"kind TEXT NOT NULL CHECK (kind IN ('cash','goods')),\n"
	"amount_fen INTEGER CHECK (amount_fen IS NULL OR amount_fen >= 0),\n"
	"channel TEXT CHECK (channel IS NULL OR channel IN ('cash','bank','wechat','alipay')),\n"
	"item TEXT,\n"
	"quantity INTEGER CHECK (quantity IS NULL OR quantity >= 0),\n"
	"unit TEXT,\n"
	"value_fen INTEGER CHECK (value_fen IS NULL OR value_fen >= 0),\n"
	"designation TEXT,\n"
	"received_by INTEGER REFERENCES staff(id),\n"
	"void_reason TEXT,\n"
	"voided_at TEXT,\n"
	"notes TEXT,\n"
	"UNIQUE (year, station, seq)\n"
	");\n"
	"CREATE INDEX donations_date ON donations(received_date, id);\n"
	"CREATE INDEX donations_item ON donations(item, unit);\n"

	"CREATE TABLE checkpoints (\n" RECORD_COLS
	"name TEXT NOT NULL,\n"
	"location TEXT,\n"
	"kind TEXT NOT NULL DEFAULT 'gate' CHECK (kind IN ('gate','road','village')),\n"
	"active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0,1))\n"
	");\n"
	"CREATE UNIQUE INDEX checkpoints_name ON checkpoints(name) WHERE deleted_at IS NULL;\n"

	"CREATE TABLE distributions (\n" RECORD_COLS
	"item TEXT NOT NULL,\n"
	"unit TEXT NOT NULL,\n"
	"quantity INTEGER NOT NULL CHECK (quantity > 0),\n"
	"recipient_kind TEXT NOT NULL DEFAULT 'other' CHECK (recipient_kind IN ('household','checkpoint','other')),\n"
	"household_id INTEGER REFERENCES households(id),\n"
	"checkpoint_id INTEGER REFERENCES checkpoints(id),\n"
	"recipient TEXT NOT NULL DEFAULT '',\n"
	"date TEXT NOT NULL,\n"
	"staff_id INTEGER REFERENCES staff(id),\n"
	"notes TEXT\n"
	");\n"
	"CREATE INDEX distributions_item ON distributions(item, unit);\n"
	"CREATE INDEX distributions_date ON distributions(date, id);\n"

	"CREATE TABLE shifts (\n" RECORD_COLS
	"checkpoint_id INTEGER NOT NULL REFERENCES checkpoints(id),\n"
	"date TEXT NOT NULL,\n"
	"start_time TEXT NOT NULL,\n"
	"end_time TEXT NOT NULL,\n"
	"staff_id INTEGER REFERENCES staff(id),\n"
	"role TEXT NOT NULL DEFAULT 'member' CHECK (role IN ('leader','member')),\n"
	"present INTEGER CHECK (present IS NULL OR present IN (0,1)),\n"
	"notes TEXT\n"
	");\n"
	"CREATE INDEX shifts_date ON shifts(date, checkpoint_id, start_time);\n"
	"CREATE INDEX shifts_staff ON shifts(staff_id, date);\n"

	"CREATE TABLE passes (\n" RECORD_COLS
	"pass_no TEXT NOT NULL UNIQUE,\n"
	"household_id INTEGER NOT NULL REFERENCES households(id),\n"
	"issued_date TEXT NOT NULL,\n"
	"valid_until TEXT,\n"
	"revoked_at TEXT,\n"
	"revoke_reason TEXT,\n"
	"notes TEXT\n"
	");\n"
	"CREATE INDEX passes_household ON passes(household_id);\n"

	"CREATE TABLE pass_events (\n" RECORD_COLS
	"pass_id INTEGER NOT NULL REFERENCES passes(id),\n"
	"checkpoint_id INTEGER REFERENCES checkpoints(id),\n"
	"at TEXT NOT NULL,\n"
	"direction TEXT NOT NULL CHECK (direction IN ('out','in')),\n"
	"resident_id INTEGER REFERENCES residents(id),\n"
	"staff_id INTEGER REFERENCES staff(id)\n"
	");\n"
	"CREATE INDEX pass_events_pass ON pass_events(pass_id, at);\n"
	"CREATE INDEX pass_events_at ON pass_events(at);\n"

	"CREATE TABLE audit_log (\n"
	"id INTEGER PRIMARY KEY,\n"
	"uuid TEXT NOT NULL UNIQUE,\n"
	"at TEXT NOT NULL,\n"
	"staff TEXT NOT NULL DEFAULT '',\n"
	"action TEXT NOT NULL CHECK (action = 'insert' OR action = 'update' OR action = 'delete' OR action = 'void' OR action = 'reveal' OR action = 'export' OR action = 'print' OR action = 'import' OR action = 'merge'),\n"
	"table_name TEXT NOT NULL,\n"
	"record_uuid TEXT,\n"
	"changes TEXT\n"
	");\n"
	"CREATE INDEX audit_log_record ON audit_log(record_uuid, at);\n"
	"CREATE INDEX audit_log_at ON audit_log(at);\n"

	/* Merging between machines: the other databases this one has met. */
	"CREATE TABLE peers (\n"
	"id INTEGER PRIMARY KEY,\n"
	"db_uuid TEXT NOT NULL UNIQUE,\n"
	"station TEXT NOT NULL,\n"
	"last_merged_at TEXT NOT NULL\n"
	");\n",

	/* 2: the Households filter's term index (db/search.c, core/searchkey).
	 * search_terms files each live household under every term it can be
	 * found by, in list order, so that a keystroke is one index range.  The
	 * terms need pinyin, which SQL cannot compute, so triggers only queue
	 * the households whose code, names or deletion changed, whoever wrote
	 * them (the sqlite3 shell included), and db/search.c refiles the queue
	 * before it searches.  search_docs remembers what each household was
	 * filed under, to unfile it. */
	"CREATE TABLE search_terms (\n"
	"term TEXT NOT NULL,\n"
	"sort_key TEXT NOT NULL,\n"
	"household_id INTEGER NOT NULL,\n"
	"PRIMARY KEY (term, sort_key, household_id)\n"
	") WITHOUT ROWID;\n"
	"CREATE TABLE search_docs (\n"
	"household_id INTEGER PRIMARY KEY,\n"
	"sort_key TEXT NOT NULL,\n"
	"terms TEXT NOT NULL\n"
	");\n"
	"CREATE TABLE search_dirty (household_id INTEGER PRIMARY KEY);\n"
	SEARCH_INSERT_TRIGGERS
	"CREATE TRIGGER search_households_update AFTER UPDATE OF code, sort_key, phone, deleted_at"
	" ON households BEGIN\n"
	" INSERT OR IGNORE INTO search_dirty VALUES (NEW.id); END;\n"
	"CREATE TRIGGER search_households_delete AFTER DELETE ON households BEGIN\n"
	" INSERT OR IGNORE INTO search_dirty VALUES (OLD.id); END;\n"
	"CREATE TRIGGER search_residents_update AFTER UPDATE OF household_id, name, deleted_at"
	" ON residents BEGIN\n"
	" INSERT OR IGNORE INTO search_dirty VALUES (OLD.household_id);\n"
	" INSERT OR IGNORE INTO search_dirty VALUES (NEW.household_id); END;\n"
	"CREATE TRIGGER search_residents_delete AFTER DELETE ON residents BEGIN\n"
	" INSERT OR IGNORE INTO search_dirty VALUES (OLD.household_id); END;\n"
	"INSERT INTO search_dirty SELECT id FROM households;\n",

	/* 3: rules SQL must run, written once as views (db/views.h): an
	 * isolation's last day (core/isolation isolation_span_compute) and
	 * the stock on hand (core/stock), with a void taking its goods back on
	 * the void's date. */
	"CREATE VIEW isolation_spans AS SELECT *,"
	" date(start_date, printf('%+d days', max(days + extended_days, 1) - 1)) AS last_day"
	" FROM isolations;\n"
	"CREATE VIEW stock_moves AS"
	" SELECT d.item AS item, d.unit AS unit, d.received_date AS date,"
	" coalesce(d.quantity, 0) AS received, 0 AS distributed,"
	" coalesce(d.value_fen, 0) AS value_fen FROM donations d"
	" WHERE d.kind = 'goods' AND d.deleted_at IS NULL AND d.item IS NOT NULL"
	" UNION ALL SELECT d.item, d.unit, " DONATION_VOID_DATE("d") ","
	" -coalesce(d.quantity, 0), 0, -coalesce(d.value_fen, 0) FROM donations d"
	" WHERE d.kind = 'goods' AND d.deleted_at IS NULL AND d.item IS NOT NULL"
	" AND " DONATION_VOIDED("d") ""
	" UNION ALL SELECT t.item, t.unit, t.date, 0, t.quantity, 0 FROM distributions t"
	" WHERE t.deleted_at IS NULL;\n"
	"CREATE VIEW stock AS SELECT item, unit, sum(received) AS received,"
	" sum(distributed) AS distributed, sum(value_fen) AS value_fen,"
	" sum(received) - sum(distributed) AS on_hand FROM stock_moves GROUP BY item, unit"
	" HAVING sum(received) <> 0 OR sum(distributed) <> 0;\n",

	/* merge: conflicts a merge stores for a person to settle (two machines'
	 * records together breaking a rule neither broke alone), and the items
	 * whose stock (the view above) is below zero, which `check`, the merge
	 * and settling share. */
	"CREATE TABLE conflicts (\n" RECORD_COLS
	"kind TEXT NOT NULL CHECK (kind IN ('stock')),\n"
	"subject TEXT NOT NULL,\n"
	"detail TEXT NOT NULL DEFAULT '{}',\n"
	"resolved_at TEXT,\n"
	"resolution TEXT CHECK (resolution IS NULL OR resolution IN"
	" ('undo_void', 'returned', 'accepted')),\n"
	"note TEXT NOT NULL DEFAULT ''\n"
	");\n"
	"CREATE VIEW stock_below_zero AS SELECT item, unit, received, distributed FROM stock"
	" WHERE on_hand < 0;\n",

	/* epi: safe release (core/release).  A check may say why no temperature
	 * was taken instead of giving one; an isolation ended as completed
	 * despite the release rule keeps the reason the user gave. */
	"ALTER TABLE checks ADD COLUMN unmeasured TEXT;\n"
	"ALTER TABLE isolations ADD COLUMN release_override TEXT;\n",

	/* epi: fever and symptom follow-up cases (core/followup).  One per
	 * person while open; source_uuid is the reading, check or gate event
	 * that opened it; closing with "isolated" links the isolation. */
	"CREATE TABLE followups (\n" RECORD_COLS
	"resident_id INTEGER NOT NULL REFERENCES residents(id),\n"
	"opened_at TEXT NOT NULL,\n"
	"source TEXT NOT NULL CHECK (source IN ('round','check','gate')),\n"
	"source_uuid TEXT,\n"
	"temperature INTEGER CHECK (temperature IS NULL OR temperature BETWEEN 340 AND 430),\n"
	"symptoms TEXT NOT NULL DEFAULT '',\n"
	"referred_at TEXT,\n"
	"clinic TEXT,\n"
	"transport TEXT,\n"
	"outcome TEXT CHECK (outcome IS NULL OR outcome IN ('normal','home_observation','isolated','hospitalised','confirmed')),\n"
	"closed_at TEXT,\n"
	"closed_by INTEGER REFERENCES staff(id),\n"
	"isolation_id INTEGER REFERENCES isolations(id),\n"
	"notes TEXT\n"
	");\n"
	"CREATE INDEX followups_resident ON followups(resident_id, closed_at);\n"
	"CREATE INDEX followups_opened ON followups(opened_at);\n"
	"CREATE INDEX followups_closed ON followups(closed_at);\n",

	/* epi: the temperature taken at the gate with an outing (tenths). */
	"ALTER TABLE pass_events ADD COLUMN temperature INTEGER"
	" CHECK (temperature IS NULL OR temperature BETWEEN 340 AND 430);\n",

	/* epi: the key areas (core/returnee) and the visitor log at the gate
	 * (外来人员登记, core/visitor); a refused visitor is logged with the
	 * reason (admitted 0). */
	"ALTER TABLE settings ADD COLUMN key_areas TEXT NOT NULL DEFAULT '湖北,武汉';\n"
	"CREATE TABLE visitors (\n" RECORD_COLS
	"name TEXT NOT NULL,\n"
	"phone TEXT,\n"
	"id_type TEXT NOT NULL DEFAULT 'id' CHECK (id_type IN ('id','passport','hkmo','tw','other')),\n"
	"id_number TEXT,\n"
	"from_place TEXT NOT NULL DEFAULT '',\n"
	"arrived_date TEXT,\n"
	"household_id INTEGER REFERENCES households(id),\n"
	"reason TEXT,\n"
	"temperature INTEGER CHECK (temperature IS NULL OR temperature BETWEEN 340 AND 430),\n"
	"time_in TEXT NOT NULL,\n"
	"time_out TEXT,\n"
	"admitted INTEGER NOT NULL DEFAULT 1 CHECK (admitted IN (0,1)),\n"
	"refusal TEXT,\n"
	"checkpoint_id INTEGER REFERENCES checkpoints(id),\n"
	"staff_id INTEGER REFERENCES staff(id),\n"
	"notes TEXT\n"
	");\n"
	"CREATE INDEX visitors_in ON visitors(time_in);\n",

	/* epi: returnees (core/returnee).  monitoring holds the audited
	 * decision "home health monitoring, no isolation: reason". */
	"ALTER TABLE residents ADD COLUMN monitoring TEXT;\n"
	"CREATE INDEX residents_return ON residents(return_date) WHERE return_date IS NOT NULL;\n",

	/* sheets: cash spent from donations (the notice's 支出 and 结余) and the
	 * donation notice's period and supervision phone.  An expenditure is
	 * voided with a reason, never deleted, like a donation. */
	"CREATE TABLE expenditures (\n" RECORD_COLS
	"date TEXT NOT NULL,\n"
	"purpose TEXT NOT NULL CHECK (purpose <> ''),\n"
	"amount_fen INTEGER NOT NULL CHECK (amount_fen > 0),\n"
	"approved_by TEXT NOT NULL CHECK (approved_by <> ''),\n"
	"voucher_no TEXT NOT NULL CHECK (voucher_no <> ''),\n"
	"staff_id INTEGER REFERENCES staff(id),\n"
	"void_reason TEXT,\n"
	"voided_at TEXT,\n"
	"notes TEXT\n"
	");\n"
	"CREATE INDEX expenditures_date ON expenditures(date, id);\n"
	"ALTER TABLE settings ADD COLUMN notice_days INTEGER NOT NULL DEFAULT 7"
	" CHECK (notice_days BETWEEN 1 AND 90);\n"
	"ALTER TABLE settings ADD COLUMN supervision_phone TEXT NOT NULL DEFAULT '';\n",

	/* issue 21: the day's counts of people (db/stats count_people) as every
	 * row less the few that do not count, which these two small indexes
	 * hold: the first screen no longer reads every household and resident. */
	"CREATE INDEX households_gone ON households(created_at, deleted_at)"
	" WHERE deleted_at IS NOT NULL;\n"
	"CREATE INDEX residents_gone ON residents(created_at, deleted_at, status)"
	" WHERE deleted_at IS NOT NULL OR status NOT IN ('living','away');\n",

	/* epi2: a returnee's means of travel (交通方式: train number, flight,
	 * car plate), typed as given. */
	"ALTER TABLE residents ADD COLUMN travel TEXT;\n",

	/* epi2: party members (党员) among the staff; the minutes of each
	 * shift (an end at or before the start runs past midnight, as
	 * core/volunteer states it) and the volunteer service hours
	 * (志愿服务时长) per person and month: the shifts marked present. */
	"ALTER TABLE staff ADD COLUMN party INTEGER NOT NULL DEFAULT 0 CHECK (party IN (0,1));\n"
	"CREATE VIEW shift_minutes AS SELECT f.*, ((CAST(substr(f.end_time, 1, 2) AS INTEGER) * 60"
	" + CAST(substr(f.end_time, 4, 2) AS INTEGER)) - (CAST(substr(f.start_time, 1, 2) AS INTEGER)"
	" * 60 + CAST(substr(f.start_time, 4, 2) AS INTEGER)) + 1439) % 1440 + 1 AS minutes"
	" FROM shifts f;\n"
	"CREATE VIEW volunteer_hours AS SELECT m.staff_id, substr(m.date, 1, 7) AS month,"
	" count(*) AS shifts, sum(m.minutes) AS minutes FROM shift_minutes m"
	" WHERE m.deleted_at IS NULL AND m.present = 1 AND m.staff_id IS NOT NULL"
	" GROUP BY m.staff_id, substr(m.date, 1, 7);\n",

	/* epi2: isolation elsewhere.  The checks of central and hospital
	 * isolation are the site's unless these say the committee does them
	 * too (core/isolation isolation_checks_ours, ISO_CHECKS_OURS). */
	"ALTER TABLE settings ADD COLUMN checks_central INTEGER NOT NULL DEFAULT 0"
	" CHECK (checks_central IN (0,1));\n"
	"ALTER TABLE settings ADD COLUMN checks_hospital INTEGER NOT NULL DEFAULT 0"
	" CHECK (checks_hospital IN (0,1));\n",

	/* issue 22: the one folder exports, sheet PDFs and backups go to
	 * (core/outdir.h; "~" is the user's home folder). */
	"ALTER TABLE settings ADD COLUMN output_dir TEXT NOT NULL DEFAULT '~';\n",

	/* merge2: a pass used after it was revoked (one machine revoked it while
	 * another let the household out with it) is a merge conflict too: the
	 * conflicts table is rebuilt (nothing refers to it) to allow the kind
	 * and its settling, and the view states the rule once for the merge,
	 * `check` and settling. */
	"CREATE TABLE conflicts_new (\n" RECORD_COLS
	"kind TEXT NOT NULL CHECK " ENUM_CHECK(ENUM_CONFLICT_KIND, "kind") ",\n"
	"subject TEXT NOT NULL,\n"
	"detail TEXT NOT NULL DEFAULT '{}',\n"
	"resolved_at TEXT,\n"
	"resolution TEXT CHECK (resolution IS NULL OR " ENUM_CHECK(ENUM_CONFLICT_RESOLUTION, "resolution") "),\n"
	"note TEXT NOT NULL DEFAULT ''\n"
	");\n"
	"INSERT INTO conflicts_new (id, uuid, created_at, updated_at, deleted_at, kind, subject,"
	" detail, resolved_at, resolution, note) SELECT id, uuid, created_at, updated_at,"
	" deleted_at, kind, subject, detail, resolved_at, resolution, note FROM conflicts;\n"
	"DROP TABLE conflicts;\n"
	"ALTER TABLE conflicts_new RENAME TO conflicts;\n"
	"CREATE VIEW pass_used_revoked AS SELECT p.id AS pass_id, p.pass_no, p.revoked_at,"
	" e.id AS event_id, e.uuid AS event_uuid, e.at FROM passes p JOIN pass_events e"
	" ON e.pass_id = p.id WHERE p.deleted_at IS NULL AND p.revoked_at IS NOT NULL"
	" AND e.deleted_at IS NULL AND e.direction = 'out' AND e.at > p.revoked_at;\n",

	/* issue 21, the first screen at a street's scale: the day's visits and
	 * readings are counted, and an isolation's checks looked up, from these
	 * three indexes alone (every column the Today queries read is in them),
	 * never from the tables' rows; and the rows of households and residents
	 * are counted by triggers, since count(*) reads every page of a table.
	 * row_counts_actual is the recount `check` compares them with
	 * (db/stats.h). */
	"DROP INDEX visits_date;\n"
	"CREATE INDEX visits_date ON visits(date, household_id, at, id, outcome, deleted_at);\n"
	"DROP INDEX readings_visit;\n"
	"CREATE INDEX readings_visit ON readings(visit_id, resident_id, temperature, deleted_at);\n"
	"DROP INDEX checks_isolation;\n"
	"CREATE INDEX checks_isolation ON checks(isolation_id, date, slot, temperature, deleted_at);\n"
	"CREATE TABLE row_counts (name TEXT PRIMARY KEY, n INTEGER NOT NULL);\n"
	"CREATE VIEW row_counts_actual AS SELECT 'households' AS name, count(*) AS n"
	" FROM households UNION ALL SELECT 'residents', count(*) FROM residents;\n"
	"INSERT INTO row_counts (name, n) SELECT name, n FROM row_counts_actual;\n"
	"CREATE TRIGGER households_counted AFTER INSERT ON households BEGIN"
	" UPDATE row_counts SET n = n + 1 WHERE name = 'households'; END;\n"
	"CREATE TRIGGER households_uncounted AFTER DELETE ON households BEGIN"
	" UPDATE row_counts SET n = n - 1 WHERE name = 'households'; END;\n"
	"CREATE TRIGGER residents_counted AFTER INSERT ON residents BEGIN"
	" UPDATE row_counts SET n = n + 1 WHERE name = 'residents'; END;\n"
	"CREATE TRIGGER residents_uncounted AFTER DELETE ON residents BEGIN"
	" UPDATE row_counts SET n = n - 1 WHERE name = 'residents'; END;\n",

	/* issue 21, the filter: the short tails of residents' ID numbers and phones are
	 * search terms (core/searchkey.h, SEARCHKEY_TAIL_FILED), so a change of
	 * either refiles the household, and every household is refiled once
	 * (emptied first: nothing to unfile term by term).  search_docs.terms
	 * is a JSON array of the terms from now on (db/search.c). */
	"DROP TRIGGER search_residents_update;\n"
	"CREATE TRIGGER search_residents_update AFTER UPDATE OF household_id, name, id_number,"
	" phone, deleted_at ON residents BEGIN\n"
	" INSERT OR IGNORE INTO search_dirty VALUES (OLD.household_id);\n"
	" INSERT OR IGNORE INTO search_dirty VALUES (NEW.household_id); END;\n"
	"DELETE FROM search_terms;\n"
	"DELETE FROM search_docs;\n"
	"INSERT OR IGNORE INTO search_dirty SELECT id FROM households;\n",

	/* issue 21, the first screen: the day's checks lie together in isolation
	 * order with every column the Today counts read (db/stats.c
	 * count_checks), so that the checks done are read from the index alone
	 * and "is this isolation's AM check there?" finds the day's few leaf
	 * pages instead of one page per isolation (at 40,000 households the two
	 * queries read 393 pages, now 4). */
	"DROP INDEX checks_date;\n"
	"CREATE INDEX checks_date ON checks(date, isolation_id, slot, late, temperature, deleted_at);\n",

	/* issue 21, the first screen: the live readings of 37.0 and above, about
	 * one in 500, so that Today's fever alerts (db/today.c FEVERS, whose
	 * FEVER_INDEXED states the same bound) read the day's few fevers instead
	 * of the day's every reading (9,737 at 40,000 households). */
	"CREATE INDEX readings_fever ON readings(visit_id, resident_id, temperature)"
	" WHERE temperature >= 370 AND deleted_at IS NULL;\n",
	/* issue 21, the first screen: the day's residents checked and fevers,
	 * and its households by outcome and visits, from per-date counters kept
	 * by triggers (DAY_TEMPS_TRIGGERS, DAY_OUTCOMES_TRIGGERS above;
	 * db/stats.c count_checked, count_outcomes), no longer from walks of
	 * the day's readings (9,510 at 40,000 households, about 3 ms) and
	 * visits (4,045).  Filling them takes about 22 s of CPU at 40,000
	 * households (5.5 million readings, 2.3 million visits), once. */
	"CREATE TABLE day_temps (date TEXT NOT NULL, top INTEGER NOT NULL, n INTEGER NOT NULL,"
	" PRIMARY KEY (date, top)) WITHOUT ROWID;\n"
	"CREATE VIEW day_residents_actual AS SELECT v.date AS date, r.resident_id AS resident_id,"
	" max(r.temperature) AS top FROM readings r JOIN visits v ON v.id = r.visit_id"
	" JOIN households dt_h ON dt_h.id = v.household_id WHERE r.deleted_at IS NULL"
	" AND r.temperature IS NOT NULL AND v.deleted_at IS NULL AND " DAY_LIVE("v.date")
	" GROUP BY v.date, r.resident_id;\n"
	"CREATE VIEW day_temps_actual AS SELECT date, top, count(*) AS n FROM day_residents_actual"
	" GROUP BY date, top;\n"
	"CREATE TABLE day_outcomes (date TEXT NOT NULL, outcome TEXT NOT NULL,"
	" households INTEGER NOT NULL, visits INTEGER NOT NULL,"
	" PRIMARY KEY (date, outcome)) WITHOUT ROWID;\n"
	"CREATE VIEW day_households_actual AS SELECT date, household_id, outcome, visits FROM"
	" (SELECT v.date AS date, v.household_id AS household_id, v.outcome AS outcome,"
	" count(*) OVER w AS visits, row_number() OVER (w ORDER BY v.at DESC, v.id DESC) AS k"
	" FROM visits v JOIN households dt_h ON dt_h.id = v.household_id"
	" WHERE v.deleted_at IS NULL AND " DAY_LIVE("v.date")
	" WINDOW w AS (PARTITION BY v.date, v.household_id)) WHERE k = 1;\n"
	"CREATE VIEW day_outcomes_actual AS SELECT date, outcome, count(*) AS households,"
	" sum(visits) AS visits FROM day_households_actual GROUP BY date, outcome;\n"
	"CREATE TABLE day_temp_moves (d TEXT, r INTEGER, s INTEGER);\n"
	"CREATE TABLE day_outcome_moves (d TEXT, h INTEGER, s INTEGER);\n"
	DAY_MOVERS
	DAY_TEMPS_REFILL DAY_TEMPS_TRIGGERS DAY_OUTCOMES_TRIGGERS DAY_BOTH_TRIGGERS,

	/* issue 21, the first screen: the day's donations find the voids of
	 * the date in this index of the few voided ones instead of reading
	 * every donation (1,600 rows, 77 pages at 40,000 households: db/stats.c
	 * count_donations), and the day's isolation counts and checks due read
	 * the held isolations from a covering index instead of their rows (82
	 * pages); the fever alerts' range of the day's visit ids (db/today.c
	 * DAY_VISIT_IDS) is two seeks of visits_day_ids instead of two scans of
	 * the day's entries of visits_date (64 pages read, 0.6 to 0.9 ms). */
	"CREATE INDEX donations_voided ON donations(voided_at) WHERE voided_at IS NOT NULL;\n"
	"CREATE INDEX visits_day_ids ON visits(date, id);\n"
	"CREATE INDEX isolations_day ON isolations(end_date, start_date, kind, days, extended_days,"
	" end_reason, deleted_at);\n",
};


int schema_latest_version(void)
{
	return (int)(sizeof migrations / sizeof migrations[0]);
}

int schema_migrate(struct db *db, int from, struct err *e)
{
	char pragma[64];

	for (int v = from + 1; v <= schema_latest_version(); v++) {
		if (db_begin(db, e) < 0)
			return -1;
		snprintf(pragma, sizeof pragma, "PRAGMA user_version=%d", v);
		if (db_exec(db, migrations[v - 1], e) < 0 || db_exec(db, pragma, e) < 0) {
			db_rollback(db);
			err_prefix(e, _("upgrading %s to schema %d"), db_path(db), v);
			return -1;
		}
		if (db_commit(db, e) < 0)
			return -1;
	}
	return 0;
}
