/* isolation: the Isolation tab; see isolation.h. */
#include "tui/screens/isolation.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "core/date.h"
#include "core/i18n.h"
#include "core/mask.h"
#include "core/enums.h"
#include "core/model.h"
#include "core/strbuf.h"
#include "core/temperature.h"
#include "core/xalloc.h"
#include "db/isolation_list.h"
#include "db/sheet_release.h"
#include "db/sheets.h"
#include "tui/app.h"
#include "tui/widgets/draw.h"
#include "tui/widgets/form.h"
#include "tui/widgets/formcheck.h"
#include "tui/screens/history.h"
#include "tui/screens/iso_chart.h"
#include "tui/screens/iso_forms.h"
#include "tui/widgets/keys.h"
#include "tui/widgets/printflow.h"
#include "tui/screens/returnees.h"
#include "tui/widgets/widget_list.h"

#define MAX_SITES 40

struct iso {
	struct app *app;
	struct list *list;
	struct rect r;
	char kind[12]; /* "" for all */
	char *site;    /* NULL for all */
	int ended;
	long long cert_id; /* the isolation whose release certificate is printing */
	char *cert_code;   /* its household and name, malloc'd */
	struct iso_counts counts;
	/* the site choices of the filter form: "all" then the sites */
	struct enum_entry sites[MAX_SITES + 2];
	char *site_names[MAX_SITES];
	int nsites;
};

/* The open tab screen, for isolation_tab_show (there is one Isolation tab). */
static struct iso *instance;

static void filter_of(const struct iso *st, struct iso_filter *f)
{
	f->kind = st->kind[0] ? st->kind : NULL;
	f->site = st->site;
	f->ended = st->ended;
}

static int fetch(void *ctx, const void *anchor, int dir, int n, void **out, struct err *e)
{
	struct iso *st = ctx;
	struct iso_row *tmp = xcalloc((size_t)n, sizeof *tmp);
	struct iso_filter f;
	int m;

	filter_of(st, &f);
	m = db_iso_page(app_db(st->app), &f, anchor, dir, n, tmp, e);
	return list_box_rows(out, tmp, m, sizeof *tmp);
}

static void row_free(void *ctx, void *row)
{
	(void)ctx;
	db_iso_row_clear(row);
	free(row);
}

/* Today's check of a slot as a short cell. */
/* A check's value as the list shows it: "37.8", "done" (a slot's cell shows
 * the higher of two different checks a merge kept; the Flags say so and the
 * header shows both for the selected row). */
static void check_value(int value, struct strbuf *out)
{
	char t[8];

	if (value > 0) {
		temperature_format(value, t);
		strbuf_puts(out, t);
	} else {
		strbuf_puts(out, _("done"));
	}
}

static void slot_cell(int value, int missed, int active, struct strbuf *out)
{
	if (value >= 0)
		check_value(value, out);
	else if (missed)
		strbuf_puts(out, _("miss"));
	else if (active)
		strbuf_puts(out, "-");
}

/* The Flags cell in short words, so that any two of them fit the 11
 * columns the list has at 80 (docs/isolation.md): a missed check
 * is not repeated here, its AM or PM cell says "miss"; the head line
 * counts each flag in full words. */
static void flags_cell(const struct iso_row *r, struct strbuf *out)
{
	struct {
		unsigned flag;
		const char *label;
	} const words[] = {
	    {ISO_FEVER, N_("fever")},
	    {ISO_ENDS_TODAY, N_("last")},
	    {ISO_DUE_RELEASE, N_("late")},
	    {ISO_NOT_STARTED, N_("not started")},
	};

	/* why an ended one ended, in words that fit the column as the flags
	 * do (the history and the certificate say it in full) */
	static const struct enum_entry ended[] = {
	    {"hospitalised", N_("to hospital"), NULL},
	    {"confirmed", N_("confirmed"), NULL},
	    {"error", N_("in error"), NULL},
	    {NULL, NULL, NULL},
	};

	if (r->flags & ISO_ENDED) {
		const struct enum_entry *why = model_enum_find(ended, r->end_reason);

		if (!why)
			why = model_enum_find(model_iso_end, r->end_reason);
		strbuf_puts(out, why ? _(why->label) : r->end_reason);
		return;
	}
	for (size_t i = 0; i < sizeof words / sizeof *words; i++) {
		if (!(r->flags & words[i].flag))
			continue;
		if (out->len)
			strbuf_puts(out, " ");
		strbuf_puts(out, _(words[i].label));
	}
	/* a slot that holds two different checks a merge kept: the cell shows
	 * the higher, the header both */
	if (r->am2 != ISO_CHECK_NONE || r->pm2 != ISO_CHECK_NONE)
		strbuf_printf(out, "%s%s", out->len ? " " : "", _("2x"));
}

static void cell(void *ctx, const void *row, int col, struct strbuf *out)
{
	const struct iso_row *r = row;
	const struct enum_entry *k;
	int active = !(r->flags & (ISO_ENDED | ISO_NOT_STARTED));

	(void)ctx;
	switch (col) {
	case 0:
		strbuf_puts(out, r->name ? r->name : "");
		break;
	case 1:
		mask_append(mask_id, r->id_number, out);
		break;
	case 2:
		strbuf_puts(out, r->household ? r->household : "");
		break;
	case 3:
		/* a central site's name says the kind and where */
		k = model_enum_find(model_iso_kind, r->kind);
		if (r->site && *r->site)
			strbuf_puts(out, r->site);
		else
			strbuf_puts(out, k ? _(k->label) : r->kind);
		break;
	case 4:
		if (r->day >= 1)
			strbuf_printf(out, "%d/%d", r->day, r->days + r->extended_days);
		else
			strbuf_printf(out, "0/%d", r->days + r->extended_days);
		break;
	case 5: /* MM-DD: the last day, or the end date once ended */
		strbuf_puts(out, (r->flags & ISO_ENDED ? r->end_date : r->last_day) + 5);
		break;
	case 6:
		slot_cell(r->am, (r->flags & ISO_MISSED_AM) != 0, active, out);
		break;
	case 7:
		slot_cell(r->pm, (r->flags & ISO_MISSED_PM) != 0, active, out);
		break;
	default:
		flags_cell(r, out);
		break;
	}
}

static int row_role(void *ctx, const void *row)
{
	const struct iso_row *r = row;

	(void)ctx;
	if (r->flags & (ISO_ENDED | ISO_NOT_STARTED))
		return THEME_DIM;
	if (r->flags & (ISO_FEVER | ISO_MISSED_AM | ISO_MISSED_PM))
		return THEME_ALERT;
	return THEME_NORMAL;
}

/* At 80 columns the minimum widths fill the line: names of four Chinese
 * characters, the masked ID, "Household" over codes such as 3-1-1604,
 * 居家隔离 or "hospital", and two flags whole ("fever late", 发热 待解除). */
static const struct list_column cols[] = {
    {N_("Name"), 8, 1, 0}, {N_("ID number"), 18, 0, 0}, {N_("Household"), 9, 1, 0},
    {N_("Kind"), 8, 1, 0}, {N_("Day"), 5, 0, 1},	{N_("Ends"), 5, 0, 0},
    {N_("AM"), 4, 0, 1},   {N_("PM"), 4, 0, 1},		{N_("Flags"), 11, 3, 0},
    {NULL, 0, 0, 0},
};

static const struct list_ops ops = {fetch, row_free, cell, row_role};

static void recount(struct iso *st)
{
	struct iso_filter f;
	struct err e;

	err_clear(&e);
	filter_of(st, &f);
	if (db_iso_counts(app_db(st->app), &f, &st->counts, &e) < 0)
		app_error_err(st->app, &e);
}

static void set_empty(struct iso *st)
{
	if (st->kind[0] || st->site)
		list_set_empty(st->list, _("No isolation matches the filter: / changes it."));
	else
		list_set_empty(st->list, _("Nobody is in isolation. Press n to start one."));
}

static int iso_open(struct screen *s, void *arg, struct err *e)
{
	struct iso *st = xcalloc(1, sizeof *st);

	(void)arg;
	(void)e;
	st->app = s->app;
	st->list = list_new(s->app, &ops, st, cols);
	set_empty(st);
	recount(st);
	s->state = st;
	instance = st;
	return 0;
}

static void iso_layout(struct screen *s, struct rect r)
{
	struct iso *st = s->state;

	st->r = r;
	list_layout(st->list, (struct rect){r.y + 2, r.x, r.h - 2, r.w});
}

/* "  AM 37.8 / 36.5": the two different checks of a slot a merge kept, of the
 * selected row (both are facts; the slot is a fever if either is). */
static void two_checks(const struct iso_row *row, struct strbuf *out)
{
	static const char *const slot[] = {N_("AM"), N_("PM")};

	for (int i = 0; row && i < 2; i++) {
		int a = i ? row->pm : row->am, b = i ? row->pm2 : row->am2;

		if (b == ISO_CHECK_NONE || a < 0)
			continue;
		strbuf_printf(out, "  %s ", _(slot[i]));
		check_value(a, out);
		strbuf_puts(out, " / ");
		check_value(b, out);
	}
}

static void iso_draw(struct screen *s)
{
	struct iso *st = s->state;
	const struct iso_counts *c = &st->counts;
	struct rect r = st->r;
	struct strbuf b = STRBUF_INIT;
	const struct enum_entry *k = model_enum_find(model_iso_kind, st->kind);
	int x;

	draw_fill(r.y, r.x, r.w, THEME_NORMAL);
	draw_fill(r.y + 1, r.x, r.w, THEME_NORMAL);
	strbuf_printf(&b, _("Isolation: %d active"), c->active);
	x = r.x + draw_text(r.y, r.x, r.w, strbuf_str(&b), THEME_TITLE);
	strbuf_reset(&b);
	strbuf_printf(&b, _("  home %d · central %d · hospital %d"), c->home, c->central,
		      c->hospital);
	draw_text(r.y, x, r.x + r.w - x, strbuf_str(&b), THEME_NORMAL);

	strbuf_reset(&b);
	strbuf_printf(&b, _("fever %d · missed AM %d PM %d · last day %d · release %d"), c->fever,
		      c->missed_am, c->missed_pm, c->ends_today, c->due_release);
	x = r.x + draw_text(r.y + 1, r.x, r.w, strbuf_str(&b),
			    c->fever || c->missed_am || c->missed_pm ? THEME_ALERT : THEME_NORMAL);
	strbuf_reset(&b);
	if (k || st->site || st->ended) {
		strbuf_printf(&b, "  [%s", k ? _(k->label) : _("all kinds"));
		if (st->site)
			strbuf_printf(&b, ", %s", st->site);
		if (st->ended)
			strbuf_printf(&b, ", %s", _("with ended"));
		strbuf_puts(&b, "]");
	}
	x += draw_text(r.y + 1, x, r.x + r.w - x, strbuf_str(&b), THEME_LABEL);
	strbuf_reset(&b);
	two_checks(list_current(st->list), &b);
	draw_text(r.y + 1, x, r.x + r.w - x, strbuf_str(&b), THEME_ALERT);
	strbuf_free(&b);
	list_draw(st->list, 1);
}

static int iso_event(struct screen *s, const struct event *ev)
{
	struct iso *st = s->state;

	return list_event_act(st->list, s, ev, ACT_CHECK);
}

static void iso_changed(struct screen *s)
{
	struct iso *st = s->state;

	recount(st);
	list_reload(st->list);
}

static void clear_sites(struct iso *st)
{
	for (int i = 0; i < st->nsites; i++)
		free(st->site_names[i]);
	st->nsites = 0;
}

static void iso_close(struct screen *s)
{
	struct iso *st = s->state;

	if (instance == st)
		instance = NULL;
	list_free(&st->list);
	clear_sites(st);
	free(st->site);
	free(st->cert_code);
	free(st);
}

static const struct iso_row *current(struct screen *s)
{
	struct iso *st = s->state;

	return list_selected(st->list, _("No isolation is selected: n starts one."));
}

/* Selects isolation id, clearing the filters that hide it; an ended one is
 * shown only when show_ended (else the list just stays where it was). */
static void goto_row(struct iso *st, long long id, int show_ended)
{
	struct iso_row row;
	struct err e;
	int r;

	err_clear(&e);
	r = db_iso_row(app_db(st->app), id, &row, &e);
	if (r < 0)
		app_error_err(st->app, &e);
	if (r == 1 && (row.flags & ISO_ENDED) && !show_ended && !st->ended)
		db_iso_row_clear(&row);
	else if (r == 1) {
		if (st->kind[0] && strcmp(st->kind, row.kind))
			st->kind[0] = 0;
		if (st->site && (!row.site || strcmp(st->site, row.site))) {
			free(st->site);
			st->site = NULL;
		}
		if (row.flags & ISO_ENDED)
			st->ended = 1;
		set_empty(st);
		recount(st);
		list_goto(st->list, &row);
		db_iso_row_clear(&row);
	}
}

static void saved(void *ctx, long long id)
{
	goto_row(ctx, id, 0);
}

/* ---- actions ---- */

static int act_new(struct screen *s)
{
	iso_start_pick(s->app, saved, s->state);
	return SCREEN_HANDLED;
}

/* The forms of the selected isolation, by the action that opens each. */
static const struct {
	enum action act;
	int (*push)(struct app *app, long long isolation_id, iso_saved_fn saved, void *ctx);
} row_forms[] = {
    {ACT_CHECK, iso_check_push},
    {ACT_EXTEND, iso_extend_push},
    {ACT_RESTART, iso_restart_push},
    {ACT_END, iso_end_push},
};

/* c (Enter), e, R, x: the form of the action on the selected isolation. */
static int act_row_form(struct screen *s)
{
	const struct iso_row *row = current(s);

	for (size_t i = 0; row && i < sizeof row_forms / sizeof row_forms[0]; i++)
		if (row_forms[i].act == screen_action(s))
			row_forms[i].push(s->app, row->id, saved, s->state);
	return SCREEN_HANDLED;
}

static int act_history(struct screen *s)
{
	const struct iso_row *row = current(s);
	char title[200];

	if (row) {
		snprintf(title, sizeof title, _("isolation of %s from %s"), row->name,
			 row->start_date);
		history_push(s->app, row->uuid, title);
	}
	return SCREEN_HANDLED;
}

static int act_chart(struct screen *s)
{
	const struct iso_row *row = current(s);

	if (row)
		iso_chart_push(s->app, row->id, row->name);
	return SCREEN_HANDLED;
}

static int act_view(struct screen *s)
{
	struct iso *st = s->state;

	st->ended = !st->ended;
	app_status(s->app, "%s",
		   st->ended ? _("Ended isolations are shown after the current ones.")
			     : _("Only current isolations are shown."));
	list_reset(st->list);
	return SCREEN_HANDLED;
}

static int collect_site(const char *site, void *ctx)
{
	struct iso *st = ctx;

	if (st->nsites == MAX_SITES)
		return 1;
	st->site_names[st->nsites++] = xstrdup(site);
	return 0;
}

/* "all kinds" and core's isolation kinds. */
static const struct enum_entry kind_any[] = {
    {"all", N_("all kinds"), "全部"},
    ENUM_ISO_KIND(ENUM_ENTRY, ){NULL, NULL, NULL},
};

static int filter_submit(void *ctx, struct form *f, struct err *e)
{
	struct iso *st = ctx;
	const char *kind = form_value(f, "kind"), *site = form_value(f, "site");

	(void)e;
	snprintf(st->kind, sizeof st->kind, "%s", strcmp(kind, "all") ? kind : "");
	free(st->site);
	st->site = NULL;
	if (*site && strcmp(site, "all")) {
		int i = atoi(site);

		if (i >= 0 && i < st->nsites)
			st->site = xstrdup(st->site_names[i]);
	}
	st->ended = !strcmp(form_value(f, "ended"), "1");
	set_empty(st);
	recount(st);
	list_reset(st->list);
	return 0;
}

static int act_filter(struct screen *s)
{
	struct iso *st = s->state;
	static char codes[MAX_SITES][12]; /* an int in decimal */
	const char *cur = "all";
	struct form *f;
	struct err e;

	err_clear(&e);
	clear_sites(st);
	if (db_iso_sites(app_db(s->app), collect_site, st, &e) < 0) {
		app_error_err(s->app, &e);
		return SCREEN_HANDLED;
	}
	/* The site choices: codes are indexes into site_names, labels the names
	 * (not msgids: gettext hands back a name it does not know as is). */
	st->sites[0] = (struct enum_entry){"all", N_("all sites"), "全部"};
	for (int i = 0; i < st->nsites; i++) {
		snprintf(codes[i], sizeof codes[i], "%d", i);
		st->sites[i + 1] =
		    (struct enum_entry){codes[i], st->site_names[i], st->site_names[i]};
		if (st->site && !strcmp(st->site, st->site_names[i]))
			cur = codes[i];
	}
	st->sites[st->nsites + 1] = (struct enum_entry){NULL, NULL, NULL};
	f = form_new(_("Filter isolations"), st);
	form_add_enum(f, "kind", N_("Kind"), kind_any, st->kind[0] ? st->kind : "all",
		      FORM_REQUIRED);
	form_add_enum(f, "site", N_("Central site"), st->sites, cur, FORM_REQUIRED);
	form_add_enum(f, "ended", N_("Show ended ones"), formcheck_yes_no, st->ended ? "1" : "0",
		      FORM_REQUIRED);
	form_push(s->app, f, filter_submit, NULL);
	return SCREEN_HANDLED;
}

/* The release certificate for printflow, saved as release-<code>-<date>.pdf. */
static struct sheet *build_certificate(void *ctx, struct db_sheet_request *rq, char **file,
				       struct err *e)
{
	struct iso *st = ctx;
	struct sheet *s = NULL;
	struct date today;

	memset(rq, 0, sizeof *rq);
	clock_today(&today);
	date_format(&today, rq->date);
	rq->kind = "release";
	rq->subject = st->cert_code;
	rq->staff = app_staff(st->app);
	if (db_sheet_release(app_db(st->app), st->cert_id, rq->date, rq->staff, &s, e) < 0)
		return NULL;
	*file = xasprintf("release-%s-%s.pdf", st->cert_code, rq->date);
	for (char *p = *file; *p; p++)
		if (*p == '/' || *p == '\\' || *p == ' ')
			*p = '_';
	return s;
}

/* p on an ended isolation: its release certificate, or why there is none. */
static int act_certificate(struct screen *s)
{
	struct iso *st = s->state;
	const struct iso_row *row = list_current(st->list);

	if (!row || !(row->flags & ISO_ENDED)) {
		app_status(st->app, "%s",
			   _("A release certificate is printed for an ended isolation: v shows "
			     "them."));
		return SCREEN_HANDLED;
	}
	st->cert_id = row->id;
	free(st->cert_code);
	st->cert_code = xasprintf("%s %s", row->household, row->name);
	return printflow_print(st->app, build_certificate, st);
}

static int act_returnees(struct screen *s)
{
	returnees_push(s->app);
	return SCREEN_HANDLED;
}

static const struct keybind keys[] = {
    {0, 'b', ACT_RETURNEES}, {0, '\n', ACT_CHECK},  {0, '\r', ACT_CHECK}, {0, 'c', ACT_CHECK},
    {0, 'e', ACT_EXTEND},    {0, 'R', ACT_RESTART}, {0, 'x', ACT_END},	  {0, 'v', ACT_SWITCH_VIEW},
    {0, 't', ACT_OPEN},	     {0, 0, ACT_NONE},
};

static const struct screen_handler handlers[] = {
    {ACT_CHECK, act_row_form, NULL},
    {ACT_NEW, act_new, NULL},
    {ACT_EXTEND, act_row_form, NULL},
    {ACT_RESTART, act_row_form, NULL},
    {ACT_END, act_row_form, NULL},
    {ACT_HISTORY, act_history, NULL},
    {ACT_FILTER, act_filter, NULL},
    {ACT_SWITCH_VIEW, act_view, N_("ended")},
    {ACT_PRINT, act_certificate, N_("release certificate")},
    {ACT_OPEN, act_chart, N_("temperature chart")},
    {ACT_RETURNEES, act_returnees, NULL},
    {ACT_NONE, NULL, NULL},
};

static int iso_can(struct screen *s, enum action act)
{
	struct iso *st = s->state;
	const struct iso_row *row = list_current(st->list);

	switch (act) {
	case ACT_CHECK:
	case ACT_HISTORY:
	case ACT_OPEN:
		return row != NULL;
	case ACT_EXTEND:
	case ACT_RESTART:
	case ACT_END:
		return row && !(row->flags & ISO_ENDED);
	case ACT_PRINT:
		return row && (row->flags & ISO_ENDED);
	default:
		return 1;
	}
}

/* Today's Enter on an isolation alert: that isolation, ended or not. */
static int iso_show(struct screen *s, const struct screen_target *t)
{
	if (!t || !t->kind || strcmp(t->kind, "isolation"))
		return 0;
	goto_row(s->state, t->id, 1);
	return 0;
}

const struct screen_class isolation_screen = {
    .name = N_("Isolation"),
    .kind = SCREEN_KIND_LIST,
    .keys = keys,
    .handlers = handlers,
    .open = iso_open,
    .layout = iso_layout,
    .draw = iso_draw,
    .event = iso_event,
    .data_changed = iso_changed,
    .can = iso_can,
    .show = iso_show,
    .close = iso_close,
};

int isolation_tab_show(struct app *app, long long isolation_id)
{
	if (app_goto_tab(app, 3) < 0)
		return -1;
	if (!instance) {
		app_error(app, "%s", _("The Isolation tab could not be opened."));
		return -1;
	}
	goto_row(instance, isolation_id, 1);
	return 0;
}
