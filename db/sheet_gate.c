/* sheet_gate: the duty and passes sheets; see sheet_gate.h. */
#include "db/sheet_gate.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/model.h"
#include "core/strbuf.h"
#include "core/xalloc.h"
#include "db/checkpoints.h"
#include "db/duty_roster.h"
#include "db/passes.h"
#include "db/sheet_columns.h"
#include "db/staff.h"

static const char *const weekday_zh[7] = {"一", "二", "三", "四", "五", "六", "日"};

/* ---- duty ---- */

struct duty {
	struct sheet_table *t;
	struct strbuf people;
	int n;
	struct shift slot; /* the checkpoint, date and hours being collected */
	int open;
	long long *party; /* the staff ids of the party members */
	size_t nparty;
	int party_post; /* a party member is on the slot: 党员先锋岗 */
};

static int collect_party(const struct staff_member *m, void *ctx)
{
	struct duty *d = ctx;

	if (m->party) {
		d->party = xrealloc(d->party, (d->nparty + 1) * sizeof *d->party);
		d->party[d->nparty++] = m->id;
	}
	return 0;
}

static int is_party(const struct duty *d, long long staff_id)
{
	for (size_t i = 0; i < d->nparty; i++)
		if (d->party[i] == staff_id)
			return 1;
	return 0;
}

static void duty_flush(struct duty *d)
{
	struct date day;

	if (!d->open)
		return;
	sheet_row_add(d->t, 0);
	if (d->party_post)
		sheet_cellf(d->t, "%s\n党员先锋岗", d->slot.checkpoint_name);
	else
		sheet_cell(d->t, d->slot.checkpoint_name);
	sheet_cell(d->t, d->slot.date + 5);
	if (date_parse_iso(d->slot.date, &day, NULL) == 0)
		sheet_cellf(d->t, "周%s", weekday_zh[date_weekday(&day)]);
	else
		sheet_cell(d->t, "");
	sheet_cellf(d->t, "%s-%s", d->slot.start_time, d->slot.end_time);
	sheet_cell(d->t, strbuf_str(&d->people));
	sheet_cell_boxes(d->t, d->n);
	sheet_cell_boxes(d->t, d->n);
	strbuf_reset(&d->people);
	d->n = 0;
	d->open = 0;
	d->party_post = 0;
}

static int duty_row(const struct shift *s, void *ctx)
{
	struct duty *d = ctx;

	if (d->open &&
	    (d->slot.checkpoint_id != s->checkpoint_id || strcmp(d->slot.date, s->date) ||
	     strcmp(d->slot.start_time, s->start_time) || strcmp(d->slot.end_time, s->end_time)))
		duty_flush(d);
	if (!d->open) {
		db_shift_clear(&d->slot);
		db_shift_copy_row(&d->slot, s);
		d->open = 1;
	}
	if (d->n++)
		strbuf_putc(&d->people, '\n');
	if (s->staff_id < 0)
		strbuf_puts(&d->people, "（待安排）");
	else if (is_party(d, s->staff_id))
		strbuf_printf(&d->people, "%s（%s·党员）", s->staff_name,
			      model_enum_zh(model_shift_role, s->role));
	else
		strbuf_printf(&d->people, "%s（%s）", s->staff_name,
			      model_enum_zh(model_shift_role, s->role));
	d->party_post |= s->staff_id >= 0 && is_party(d, s->staff_id);
	return 0;
}

int db_sheet_gate_duty(struct db *db, const char *date, struct sheet *s, struct err *e)
{
	struct duty d = {0};
	struct date day, monday, sunday;
	struct roster_gap *gaps = NULL;
	struct roster_clash *cl = NULL;
	size_t ngaps = 0, ncl = 0;
	struct sheet_table *t;
	char a[DATE_STR], b[DATE_STR];
	int r = -1;

	if (date_parse_iso(date, &day, e) < 0)
		return -1;
	monday = date_add(&day, -date_weekday(&day));
	sunday = date_add(&monday, 6);
	date_format(&monday, a);
	date_format(&sunday, b);
	{
		char week[2 * DATE_STR + 8];

		snprintf(week, sizeof week, "%s 至 %s", a, b);
		sheet_header_add(s, "周次", week);
	}
	d.t = sheet_table_add(s, NULL, SHEET_TABLE_FORM);
	sheet_columns_add(d.t, SHEET_COLS_DUTY);
	sheet_table_empty_set(d.t, "（本周没有排班）");
	if (db_staff_each(db, 0, collect_party, &d, e) < 0)
		goto out;
	if (db_shift_each(db, &monday, 7, -1, duty_row, &d, e) < 0)
		goto out;
	duty_flush(&d);
	if (db_roster_gaps(db, &monday, 7, &gaps, &ngaps, e) < 0 ||
	    db_roster_clashes(db, &monday, 7, &cl, &ncl, e) < 0)
		goto out;
	t = sheet_table_add(s, "排班空缺与重复排班", SHEET_TABLE_LIST);
	sheet_columns_add(t, SHEET_COLS_DUTY_GAPS);
	sheet_table_empty_set(t, "（无）");
	for (size_t i = 0; i < ngaps; i++) {
		sheet_row_add(t, 0);
		sheet_cell(t, gaps[i].checkpoint_name);
		sheet_cell(t, gaps[i].date);
		sheet_cellf(t, "%s-%s", gaps[i].from, gaps[i].to);
		sheet_cell(t, gaps[i].kind == ROSTER_GAP_UNSTAFFED ? "空缺：班次无人"
			      : gaps[i].kind == ROSTER_GAP_ABSENT  ? "空缺：人员未到岗"
								   : "空缺：无人值守");
	}
	for (size_t i = 0; i < ncl; i++) {
		sheet_row_add(t, 0);
		sheet_cell(t, cl[i].checkpoint_a);
		sheet_cell(t, cl[i].date_a);
		sheet_cell(t, cl[i].hours_a);
		sheet_cellf(t, "重复排班：%s 同时在 %s %s %s", cl[i].staff_name, cl[i].checkpoint_b,
			    cl[i].date_b, cl[i].hours_b);
	}
	sheet_note_set(s, "到岗栏请打勾；换班须经组长同意并在签名栏注明。");
	sheet_signatures_set(s, "排班人", "审核人", NULL);
	r = 0;
out:
	strbuf_free(&d.people);
	free(d.party);
	db_shift_clear(&d.slot);
	db_roster_gaps_free(gaps, ngaps);
	db_roster_clashes_free(cl, ncl);
	return r;
}

/* ---- passes ---- */

struct cards {
	struct sheet_table *t;
	const char *community;
	int outing_days;
	int col;
};

static int card(const struct pass *p, void *ctx)
{
	struct cards *c = ctx;
	char rule[64];

	if (c->outing_days > 0)
		snprintf(rule, sizeof rule, "每户每%d天限一人外出", c->outing_days);
	else
		snprintf(rule, sizeof rule, "外出须出示本证");
	if (c->col == 0)
		sheet_row_add(c->t, 0);
	sheet_cellf(c->t,
		    "%s  出入证\n"
		    "编号：%s\n"
		    "户号：%s\n"
		    "户主：%s\n"
		    "有效期至：%s\n"
		    "%s\n"
		    "发证日期：%s",
		    c->community, p->pass_no, p->household_code,
		    p->head_name[0] ? p->head_name : "—",
		    p->valid_until[0] ? p->valid_until : "撤销前有效", rule, p->issued_date);
	sheet_cell_barcode(c->t, p->pass_no, "社区盖章");
	c->col = !c->col;
	return 0;
}

int db_sheet_gate_passes(struct db *db, long long grid_id, const char *community, int outing_days,
			 struct sheet *s, struct err *e)
{
	struct cards c = {0};

	c.outing_days = outing_days;
	c.community = community && *community ? community : "社区";
	c.t = sheet_table_add(s, NULL, SHEET_TABLE_FORM | SHEET_TABLE_NOHEAD);
	/* the barcode's column: 0.3 mm a module for the 99 modules of a pass number */
	sheet_columns_add(c.t, SHEET_COLS_PASS_CARD);
	sheet_table_empty_set(c.t, "（没有有效的出入证）");
	if (db_pass_each(db, grid_id, 1, card, &c, e) < 0)
		return -1;
	sheet_note_set(s, "沿表格线剪开；加盖社区公章后有效。出入时请出示本证。");
	sheet_signatures_set(s, "发证人", NULL);
	return 0;
}
