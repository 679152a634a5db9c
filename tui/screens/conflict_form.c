/* conflict_form: settling a merge conflict; see conflict_form.h. */
#include "tui/screens/conflict_form.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/model.h"
#include "core/money.h"
#include "core/xalloc.h"
#include "db/conflicts.h"
#include "tui/app.h"
#include "tui/widgets/form.h"

static const struct enum_entry stock_actions[] = {
    {"undo_void", N_("undo the void (the donation counts again)"), "撤销作废（该捐赠重新计入）"},
    {"returned", N_("record the goods returned"), "登记物资已退回"},
    {"accept", N_("accept as it is, with a note"), "维持现状并备注"},
    {NULL, NULL, NULL},
};

static const struct enum_entry pass_actions[] = {
    {"unrevoke", N_("restore the pass (undo the revocation)"), "恢复出入证（撤销作废）"},
    {"accept", N_("accept as it is, with a note"), "维持现状并备注"},
    {NULL, NULL, NULL},
};

/* The action codes of both lists, as db/conflicts.h's actions. */
static const struct {
	const char *code;
	enum conflict_action action;
} action_codes[] = {
    {"undo_void", CONFLICT_UNDO_VOID},
    {"returned", CONFLICT_RETURNED},
    {"unrevoke", CONFLICT_UNREVOKE},
    {"accept", CONFLICT_ACCEPT},
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
	const char *label;

	if (c->n >= (int)(sizeof record_names / sizeof record_names[0]))
		return 0;
	switch (r->what) {
	case CONFLICT_REC_VOIDED:
		quantity_format(r->quantity, qty, sizeof qty);
		line = xasprintf(_("%s: %s %s, voided (%s)"), r->ref, qty, r->unit, r->text);
		label = N_("Voided");
		break;
	case CONFLICT_REC_GIVEN:
		quantity_format(r->quantity, qty, sizeof qty);
		line = xasprintf(_("%s: %s %s to %s"), r->ref, qty, r->unit, r->text);
		label = N_("Given out");
		break;
	case CONFLICT_REC_REVOKED:
		line = xasprintf(_("%s: pass %s of %s revoked (%s)"), r->ref, r->item, r->unit,
				 r->text);
		label = N_("Revoked");
		break;
	default:
		line = xasprintf(_("%s: went out at %s"), r->ref, *r->text ? r->text : "-");
		label = N_("Went out");
		break;
	}
	form_add_readonly(c->f, record_names[c->n], label, line);
	free(line);
	c->n++;
	return 0;
}

static int submit(void *ctx, struct form *f, struct err *e)
{
	struct cform *c = ctx;
	const char *a = form_value(f, "action");
	enum conflict_action act = CONFLICT_ACCEPT;

	for (size_t i = 0; i < sizeof action_codes / sizeof action_codes[0]; i++)
		if (!strcmp(a, action_codes[i].code))
			act = action_codes[i].action;
	return db_conflict_settle(app_db(c->app), c->id, act, form_value(f, "note"), e);
}

int conflict_form_push(struct app *app, long long id)
{
	struct conflict cf;
	struct cform *c;
	struct err e;
	const char *bar;
	char *title;
	int r, pass;

	err_clear(&e);
	r = db_conflict_get(app_db(app), id, &cf, &e);
	if (r != 1) {
		if (r == 0)
			err_set(&e, _("the conflict was settled or removed meanwhile"));
		app_error_err(app, &e);
		return -1;
	}
	pass = !strcmp(cf.kind, "pass");
	bar = strchr(cf.subject, '|');
	if (pass)
		title =
		    xasprintf(_("Merge conflict: pass %s used after it was revoked"), cf.subject);
	else
		title = xasprintf(_("Merge conflict: stock of %.*s (%s) below zero"),
				  bar ? (int)(bar - cf.subject) : (int)strlen(cf.subject),
				  cf.subject, bar ? bar + 1 : "");
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
	form_add_enum(c->f, "action", N_("Settle by"), pass ? pass_actions : stock_actions, NULL,
		      FORM_REQUIRED);
	form_add_text(c->f, "note", N_("Note"), NULL, 200, 0, NULL);
	return form_push(app, c->f, submit, form_close_free);
}
