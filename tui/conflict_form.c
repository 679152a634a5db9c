/* conflict_form: settling a merge conflict; see conflict_form.h. */
#include "tui/conflict_form.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/model.h"
#include "core/money.h"
#include "core/xalloc.h"
#include "db/conflicts.h"
#include "tui/app.h"
#include "tui/form.h"

static const struct enum_entry actions[] = {
    {"undo_void", N_("undo the void (the donation counts again)"), "撤销作废（该捐赠重新计入）"},
    {"returned", N_("record the goods returned"), "登记物资已退回"},
    {"accept", N_("accept as it is, with a note"), "维持现状并备注"},
    {NULL, NULL, NULL},
};

struct cform {
	struct app *app;
	long long id;
	struct form *f;
	int n;
};

static const char *const record_names[] = {
    "r1", "r2", "r3", "r4", "r5", "r6", "r7", "r8",
};

/* One read-only line per record: what this side and the other hold. */
static int add_record(const struct conflict_record *r, void *ctx)
{
	struct cform *c = ctx;
	char qty[32], *line;

	if (c->n >= (int)(sizeof record_names / sizeof record_names[0]))
		return 0;
	quantity_format(r->quantity, qty, sizeof qty);
	if (r->voided)
		line = xasprintf(_("%s: %s %s, voided (%s)"), r->ref, qty, r->unit, r->text);
	else
		line = xasprintf(_("%s: %s %s to %s"), r->ref, qty, r->unit, r->text);
	form_add_readonly(c->f, record_names[c->n], r->voided ? N_("Voided") : N_("Given out"),
			  line);
	free(line);
	c->n++;
	return 0;
}

static int submit(void *ctx, struct form *f, struct err *e)
{
	struct cform *c = ctx;
	const char *a = form_value(f, "action");
	enum conflict_action act = !strcmp(a, "undo_void")  ? CONFLICT_UNDO_VOID
				   : !strcmp(a, "returned") ? CONFLICT_RETURNED
							    : CONFLICT_ACCEPT;

	return db_conflict_settle(app_db(c->app), c->id, act, form_value(f, "note"), e);
}

static void closed(void *ctx, int saved)
{
	(void)saved;
	free(ctx);
}

int conflict_form_push(struct app *app, long long id)
{
	struct conflict cf;
	struct cform *c;
	struct err e;
	const char *bar;
	char *title;
	int r;

	err_clear(&e);
	r = db_conflict_get(app_db(app), id, &cf, &e);
	if (r != 1) {
		if (r == 0)
			err_set(&e, _("the conflict was settled or removed meanwhile"));
		app_error_err(app, &e);
		return -1;
	}
	bar = strchr(cf.subject, '|');
	title = xasprintf(_("Merge conflict: stock of %.*s (%s) below zero"),
			  bar ? (int)(bar - cf.subject) : (int)strlen(cf.subject), cf.subject,
			  bar ? bar + 1 : "");
	c = xcalloc(1, sizeof *c);
	c->app = app;
	c->id = id;
	c->f = form_new(title, c);
	free(title);
	if (db_conflict_records(app_db(app), &cf, add_record, c, &e) < 0) {
		db_conflict_clear(&cf);
		form_free(&c->f);
		free(c);
		app_error_err(app, &e);
		return -1;
	}
	db_conflict_clear(&cf);
	form_add_enum(c->f, "action", N_("Settle by"), actions, NULL, FORM_REQUIRED);
	form_add_text(c->f, "note", N_("Note"), NULL, 200, 0, NULL);
	return form_push(app, c->f, submit, closed);
}
