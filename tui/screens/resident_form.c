/* resident_form: add, edit and move residents; see resident_form.h. */
#include "tui/screens/resident_form.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "core/date.h"
#include "core/i18n.h"
#include "core/idcard.h"
#include "core/limits.h"
#include "core/model.h"
#include "core/mask.h"
#include "core/phone.h"
#include "core/strbuf.h"
#include "core/xalloc.h"
#include "db/db.h"
#include "db/hhdetail.h"
#include "db/households.h"
#include "db/residents.h"
#include "tui/app.h"
#include "tui/widgets/form.h"
#include "tui/widgets/hhfmt.h"

struct rform {
	struct app *app;
	long long household_id;
	long long id; /* -1: new */
	resident_saved_fn saved;
	void *ctx;
	char id_seen[40]; /* the number whose sex and birth date the fields follow */
	char *uuid; /* the resident edited, for the reveal's audit row */
};

/* What a number gives: birth date (ISO, "" when none) and sex ("" when
 * none); both empty for a number that is not a valid resident ID. */
static void derived(const char *number, char iso[DATE_STR], char sex[2])
{
	struct idcard card;
	struct err ignore;

	iso[0] = sex[0] = sex[1] = 0;
	if (!*number || idcard_parse(number, IDCARD_RESIDENT, NULL, &card, &ignore) < 0)
		return;
	if (card.birth.y)
		date_format(&card.birth, iso);
	sex[0] = card.sex;
}

/* A field that was empty or followed the previous number follows the new
 * one; one typed otherwise stays, and saving names the contradiction. */
static int follow(struct form *f, const char *name, const char *was, const char *now)
{
	const char *v = form_value(f, name);

	if (!*now || !strcmp(v, now) || (*v && strcmp(v, was)))
		return 0;
	form_set(f, name, now);
	return 1;
}

/* A number shows whole only when the user moves into it: a reveal, audited
 * as `r` on the detail screen is, of that field alone. */
static int reveal(void *c, struct form *f, const char *name, struct err *e)
{
	struct rform *x = c;

	(void)f;
	return db_reveal(app_db(x->app), "residents", x->uuid, name, e);
}

static int check_id(void *c, struct form *f, const char *name, const char *v, struct err *e)
{
	struct rform *x = c;
	struct idcard card;
	struct date today;
	char was_birth[DATE_STR], was_sex[2], birth[DATE_STR], sex[2];
	int type, changed;

	if (!*v)
		return 0;
	type = idcard_type_from_code(form_value(f, "id_type"));
	clock_today(&today);
	if (idcard_parse(v, type < 0 ? IDCARD_RESIDENT : (enum idcard_type)type, &today, &card, e) <
	    0) {
		snprintf(e->field, sizeof e->field, "%s", name);
		return -1;
	}
	if (strcmp(card.number, v))
		form_set(f, name, card.number);
	if (card.type != IDCARD_RESIDENT || !strcmp(card.number, x->id_seen))
		return 0;
	derived(x->id_seen, was_birth, was_sex);
	derived(card.number, birth, sex);
	snprintf(x->id_seen, sizeof x->id_seen, "%s", card.number);
	changed = follow(f, "birth_date", was_birth, birth);
	changed |= follow(f, "sex", was_sex, sex);
	if (changed && (*was_birth || *was_sex))
		app_status(x->app, "%s", _("Sex and birth date now follow the new ID number."));
	return 0;
}

static int check_phone(void *c, struct form *f, const char *name, const char *v, struct err *e)
{
	char canon[PHONE_MAX];

	int abroad = phone_abroad_allowed(idcard_type_from_code(form_value(f, "id_type")));

	(void)c;
	if (!*v)
		return 0;
	if (phone_parse_any(v, abroad, canon, sizeof canon, e) < 0) {
		snprintf(e->field, sizeof e->field, "%s", name);
		return -1;
	}
	if (strcmp(canon, v))
		form_set(f, name, canon);
	return 0;
}

static int check_tags(void *c, struct form *f, const char *name, const char *v, struct err *e)
{
	char *codes, *bad;
	struct strbuf labels = STRBUF_INIT;

	(void)c;
	if (hhfmt_parse_tags(v, &codes, &bad) < 0) {
		struct strbuf known = STRBUF_INIT;

		for (const struct enum_entry *t = model_tag; t->code; t++) {
			if (t != model_tag)
				strbuf_puts(&known, _(", "));
			strbuf_puts(&known, _(t->label));
		}
		err_field(e, name, _("unknown tag \"%s\"; the tags are: %s"), bad,
			  strbuf_str(&known));
		strbuf_free(&known);
		free(bad);
		return -1;
	}
	hhfmt_codes(model_tag, codes, &labels);
	if (strcmp(strbuf_str(&labels), v))
		form_set(f, name, strbuf_str(&labels));
	strbuf_free(&labels);
	free(codes);
	return 0;
}

static int submit(void *c, struct form *f, struct err *e)
{
	struct rform *x = c;
	struct db *db = app_db(x->app);
	struct resident r;
	char *codes = NULL, *bad = NULL;
	int rc = -1;

	model_resident_init(&r);
	if (x->id >= 0 && db_resident_get(db, x->id, &r, e) != 1) {
		if (!e->msg[0])
			err_set(e, "%s", _("the resident was deleted meanwhile"));
		goto out;
	}
	if (x->id < 0)
		r.household_id = x->household_id;
	if (hhfmt_parse_tags(form_value(f, "tags"), &codes, &bad) < 0) {
		err_field(e, "tags", _("unknown tag \"%s\""), bad);
		goto out;
	}
#define SET(m) form_value_take(f, #m, &r.m)
	SET(name);
	SET(relation);
	SET(id_type);
	SET(id_number);
	SET(birth_date);
	SET(phone);
	SET(status);
	SET(returned_from);
	SET(return_date);
	SET(travel);
	SET(notes);
#undef SET
	free(r.tags);
	r.tags = codes;
	codes = NULL;
	r.sex = form_value(f, "sex")[0];
	if (x->id < 0 ? db_resident_insert(db, &r, e) < 0 : db_resident_update(db, &r, e) < 0)
		goto out;
	app_status(x->app, x->id < 0 ? _("%s added.") : _("%s saved."), r.name);
	if (x->saved)
		x->saved(x->ctx, r.id);
	rc = 0;
out:
	free(codes);
	free(bad);
	model_resident_clear(&r);
	return rc;
}

static void done(void *c, int saved)
{
	struct rform *x = c;

	(void)saved;
	free(x->uuid);
	free(x);
}

static int count_cb(const struct resident *r, void *ctx)
{
	(void)r;
	++*(int *)ctx;
	return 0;
}

int resident_form_push(struct app *app, long long household_id, long long resident_id,
		       resident_saved_fn saved, void *ctx)
{
	struct db *db = app_db(app);
	struct rform *x;
	struct resident r;
	struct household h;
	struct strbuf tags = STRBUF_INIT;
	struct form *f;
	struct err e;
	char title[200], sex[2] = {0, 0};
	int people = 0;

	err_clear(&e);
	model_resident_init(&r);
	model_household_init(&h);
	if (resident_id >= 0) {
		int found = db_resident_get(db, resident_id, &r, &e);

		if (found != 1) {
			app_error(app, "%s",
				  found < 0 ? e.msg : _("the resident was deleted meanwhile"));
			return -1;
		}
		household_id = r.household_id;
		snprintf(title, sizeof title, _("%s of household %s"), r.name,
			 r.household_code ? r.household_code : "");
	} else {
		if (db_household_get(db, household_id, &h, &e) != 1 ||
		    db_resident_each_in_household(db, household_id, count_cb, &people, &e) < 0) {
			app_error(app, "%s",
				  e.msg[0] ? e.msg : _("the household was deleted meanwhile"));
			model_household_clear(&h);
			return -1;
		}
		snprintf(title, sizeof title, _("A new resident of household %s"), h.code);
		model_household_clear(&h);
	}
	x = xcalloc(1, sizeof *x);
	x->app = app;
	x->household_id = household_id;
	x->id = resident_id;
	x->saved = saved;
	x->ctx = ctx;
	if (r.id_number && (!r.id_type || !strcmp(r.id_type, "id")))
		snprintf(x->id_seen, sizeof x->id_seen, "%s", r.id_number);
	x->uuid = resident_id >= 0 ? xstrdup(r.uuid) : NULL;
	sex[0] = r.sex;
	hhfmt_codes(model_tag, r.tags, &tags);
	f = form_new(title, x);
	form_add_text(f, "name", N_("Name"), r.name, limits_max("residents", "name"), FORM_REQUIRED, NULL);
	form_add_enum(f, "relation", N_("Relation to the head"), model_relation,
		      r.relation ? r.relation
		      : people	 ? "other"
				 : "head",
		      FORM_REQUIRED);
	form_add_enum(f, "id_type", N_("Document"), model_id_type, r.id_type ? r.id_type : "id",
		      FORM_REQUIRED);
	form_add_text(f, "id_number", N_("ID number"), r.id_number, limits_max("residents", "id_number"), 0, check_id);
	form_add_enum(f, "sex", N_("Sex"), model_sex, sex[0] ? sex : NULL, 0);
	form_add_date(f, "birth_date", N_("Birth date"), r.birth_date, 0, NULL);
	form_add_text(f, "phone", N_("Phone"), r.phone, limits_max("residents", "phone"), 0, check_phone);
	form_add_enum(f, "status", N_("Status"), model_status, r.status ? r.status : "living",
		      FORM_REQUIRED);
	form_add_text(f, "tags", N_("Tags (e.g. living alone, chronic)"),
		      strbuf_str(&tags), limits_max("residents", "tags"), 0, check_tags);
	form_add_text(f, "returned_from", N_("Returned from"), r.returned_from, limits_max("residents", "returned_from"), 0, NULL);
	form_add_date(f, "return_date", N_("Return date"), r.return_date, 0, NULL);
	form_add_text(f, "travel", N_("Means of travel (train, flight, car plate)"), r.travel,
		      limits_max("residents", "travel"), 0, NULL);
	form_add_text(f, "notes", N_("Notes"), r.notes, limits_max("residents", "notes"), FORM_MULTILINE, NULL);
	form_set_secret(f, "id_number", mask_id, reveal);
	form_set_secret(f, "phone", mask_phone, reveal);
	strbuf_free(&tags);
	model_resident_clear(&r);
	return form_push(app, f, submit, done);
}

/* --- moving ----------------------------------------------------------- */

static int check_target(void *c, struct form *f, const char *name, const char *v, struct err *e)
{
	struct rform *x = c;
	struct household h;
	int r = db_household_find_code(app_db(x->app), v, &h, e);

	(void)f;
	if (r == 1 && h.id == x->household_id)
		err_field(e, name, "%s", _("the resident already lives in this household"));
	else if (r == 0)
		err_field(e, name, _("there is no household %s"), v);
	model_household_clear(&h);
	return r == 1 && h.id != x->household_id ? 0 : -1;
}

static int move_submit(void *c, struct form *f, struct err *e)
{
	struct rform *x = c;
	struct db *db = app_db(x->app);
	struct household h;
	int r = db_household_find_code(db, form_value(f, "to"), &h, e);

	if (r != 1) {
		if (r == 0)
			err_field(e, "to", _("there is no household %s"), form_value(f, "to"));
		model_household_clear(&h);
		return -1;
	}
	if (db_resident_move(db, x->id, h.id, e) < 0) {
		model_household_clear(&h);
		return -1;
	}
	app_status(x->app, _("Moved to household %s."), h.code);
	model_household_clear(&h);
	if (x->saved)
		x->saved(x->ctx, x->id);
	return 0;
}

int resident_move_push(struct app *app, long long resident_id, resident_saved_fn saved, void *ctx)
{
	struct resident r;
	struct rform *x;
	struct form *f;
	struct err e;
	char title[200];
	int found;

	err_clear(&e);
	found = db_resident_get(app_db(app), resident_id, &r, &e);
	if (found != 1) {
		app_error(app, "%s", found < 0 ? e.msg : _("the resident was deleted meanwhile"));
		return -1;
	}
	x = xcalloc(1, sizeof *x);
	x->app = app;
	x->id = resident_id;
	x->household_id = r.household_id;
	x->saved = saved;
	x->ctx = ctx;
	snprintf(title, sizeof title, _("Move %s out of household %s"), r.name,
		 r.household_code ? r.household_code : "");
	f = form_new(title, x);
	form_add_readonly(f, "from", N_("From household"), r.household_code);
	form_add_text(f, "to", N_("To household (code)"), "", limits_max("households", "code"), FORM_REQUIRED, check_target);
	model_resident_clear(&r);
	return form_push(app, f, move_submit, done);
}
