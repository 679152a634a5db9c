/* form: labelled fields checked when left, written only when all pass; see
 * form.h. */
#include "tui/widgets/form.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "core/date.h"
#include "core/i18n.h"
#include "core/lineedit.h"
#include "core/textwidth.h"
#include "core/utf8.h"
#include "core/xalloc.h"
#include "tui/app.h"
#include "tui/widgets/confirm.h"
#include "tui/widgets/picklist.h"
#include "tui/widgets/screen.h"
#include "tui/widgets/widget_text.h"

enum field_kind {
	FIELD_TEXT,
	FIELD_NUMBER,
	FIELD_DATE,
	FIELD_ENUM,
	FIELD_READONLY,
};

struct field {
	const char *name;
	const char *label; /* msgid */
	enum field_kind kind;
	unsigned flags;
	form_check_fn check;
	const struct enum_entry *table;
	int choice, initial_choice; /* FIELD_ENUM: index or -1 */
	struct lineedit le;
	char *initial; /* text fields: the text at start (trimmed) */
	char *value;   /* form_value's cache */
	char *bad;     /* the reason it was refused, or NULL */
	struct typeselect ts; /* FIELD_ENUM: the label typed so far */
	/* a secret (form_set_secret): drawn masked while hidden */
	void (*mask)(const char *, char *, size_t);
	form_reveal_fn reveal;
	int hidden;
};

struct form {
	char *title;
	void *ctx;
	struct field *f;
	int n, cap;
	int focus;
	int top; /* first field row shown */
	form_submit_fn submit;
	form_close_fn close;
	form_change_fn on_change;
	int saved;
	struct screen *screen;
	struct rect box;
	int label_w;
};

struct form *form_new(const char *title, void *ctx)
{
	struct form *f = xcalloc(1, sizeof *f);

	f->title = xstrdup(title ? title : "");
	f->ctx = ctx;
	f->focus = -1;
	return f;
}

static struct field *add(struct form *f, const char *name, const char *label, enum field_kind kind,
			 unsigned flags)
{
	struct field *fd;

	XGROW(f->f, f->cap, f->n + 1, 8);
	fd = &f->f[f->n++];
	memset(fd, 0, sizeof *fd);
	fd->name = name;
	fd->label = label;
	fd->kind = kind;
	fd->flags = flags;
	fd->choice = fd->initial_choice = -1;
	lineedit_init(&fd->le, 0);
	return fd;
}

static char *trimmed(const char *s)
{
	size_t n;

	while (*s == ' ')
		s++;
	n = strlen(s);
	while (n && s[n - 1] == ' ')
		n--;
	return xstrndup(s, n);
}

static void add_text(struct form *f, const char *name, const char *label, const char *initial,
		     int max_chars, unsigned flags, form_check_fn check, enum field_kind kind)
{
	struct field *fd = add(f, name, label, kind, flags);

	fd->le.max = max_chars > 0 ? (size_t)max_chars : 0;
	fd->le.multiline = kind == FIELD_TEXT && (flags & FORM_MULTILINE);
	lineedit_set_utf8(&fd->le, initial ? initial : "");
	fd->initial = lineedit_get_utf8(&fd->le);
	fd->check = check;
}

void form_add_text(struct form *f, const char *name, const char *label, const char *initial,
		   int max_chars, unsigned flags, form_check_fn check)
{
	add_text(f, name, label, initial, max_chars, flags, check, FIELD_TEXT);
}

void form_add_number(struct form *f, const char *name, const char *label, const char *initial,
		     int max_chars, unsigned flags, form_check_fn check)
{
	add_text(f, name, label, initial, max_chars, flags, check, FIELD_NUMBER);
}

void form_add_date(struct form *f, const char *name, const char *label, const char *initial,
		   unsigned flags, form_check_fn check)
{
	add_text(f, name, label, initial, 20, flags, check, FIELD_DATE);
}

static int enum_index(const struct enum_entry *t, const char *code)
{
	for (int i = 0; code && *code && t[i].code; i++)
		if (!strcmp(t[i].code, code))
			return i;
	return -1;
}

void form_add_enum(struct form *f, const char *name, const char *label,
		   const struct enum_entry *table, const char *initial, unsigned flags)
{
	struct field *fd = add(f, name, label, FIELD_ENUM, flags);

	fd->table = table;
	fd->choice = fd->initial_choice = enum_index(table, initial);
}

void form_add_readonly(struct form *f, const char *name, const char *label, const char *value)
{
	struct field *fd = add(f, name, label, FIELD_READONLY, 0);

	lineedit_set_utf8(&fd->le, value ? value : "");
	fd->initial = lineedit_get_utf8(&fd->le);
}

static struct field *find(const struct form *f, const char *name)
{
	for (int i = 0; i < f->n; i++)
		if (!strcmp(f->f[i].name, name))
			return &f->f[i];
	return NULL;
}

static const char *value_of(struct field *fd)
{
	char *raw;

	free(fd->value);
	if (fd->kind == FIELD_ENUM) {
		fd->value = xstrdup(fd->choice >= 0 ? fd->table[fd->choice].code : "");
		return fd->value;
	}
	raw = lineedit_get_utf8(&fd->le);
	fd->value = trimmed(raw);
	free(raw);
	return fd->value;
}

const char *form_value(const struct form *f, const char *name)
{
	struct field *fd = find(f, name);

	return fd ? value_of(fd) : NULL;
}

void form_close_free(void *ctx, int saved)
{
	(void)saved;
	free(ctx);
}

void form_value_take(const struct form *f, const char *name, char **dst)
{
	const char *v = form_value(f, name);

	free(*dst);
	*dst = v && *v ? xstrdup(v) : NULL;
}

void form_set_secret(struct form *f, const char *name, void (*mask)(const char *, char *, size_t),
		     form_reveal_fn reveal)
{
	struct field *fd = find(f, name);

	if (!fd || fd->kind == FIELD_ENUM || !fd->le.len)
		return;
	fd->mask = mask;
	fd->reveal = reveal;
	fd->hidden = 1;
}

void form_set(struct form *f, const char *name, const char *value)
{
	struct field *fd = find(f, name);

	if (!fd)
		return;
	if (fd->kind == FIELD_ENUM)
		fd->choice = enum_index(fd->table, value);
	else
		lineedit_set_utf8(&fd->le, value ? value : "");
}

int form_dirty(const struct form *f)
{
	for (int i = 0; i < f->n; i++) {
		struct field *fd = &f->f[i];

		if (fd->kind == FIELD_READONLY)
			continue;
		if (fd->kind == FIELD_ENUM ? fd->choice != fd->initial_choice
					   : strcmp(value_of(fd), fd->initial))
			return 1;
	}
	return 0;
}

void form_free(struct form **fp)
{
	struct form *f = *fp;

	if (!f)
		return;
	for (int i = 0; i < f->n; i++) {
		lineedit_free(&f->f[i].le);
		free(f->f[i].initial);
		free(f->f[i].value);
		free(f->f[i].bad);
	}
	free(f->f);
	free(f->title);
	free(f);
	*fp = NULL;
}

/* ---- checking ---- */

static void set_bad(struct field *fd, const char *msg)
{
	free(fd->bad);
	fd->bad = msg ? xstrdup(msg) : NULL;
}

/* Checks field i: required, date syntax (normalised to ISO), the field's
 * own check.  Returns 0, or -1 with the field marked and e filled. */
static int check_field(struct form *f, int i, struct err *e)
{
	struct field *fd = &f->f[i];
	const char *v;
	char *copy;
	int r = 0;

	if (fd->kind == FIELD_READONLY)
		return 0;
	v = value_of(fd);
	if (!*v) {
		if (fd->flags & FORM_REQUIRED) {
			err_field(e, fd->name, _("%s is required"), _(fd->label));
			set_bad(fd, e->msg);
			return -1;
		}
		set_bad(fd, NULL);
		return 0;
	}
	if (fd->le.max && fd->le.len > fd->le.max) {
		err_field(e, fd->name, _("%s is too long: %zu characters; it holds at most %zu"),
			  _(fd->label), fd->le.len, fd->le.max);
		set_bad(fd, e->msg);
		return -1;
	}
	if (fd->kind == FIELD_DATE) {
		struct date today, d;
		char iso[DATE_STR];

		clock_today(&today);
		if (date_parse_input(v, &today, &d, e) < 0) {
			err_prefix(e, "%s", _(fd->label));
			set_bad(fd, e->msg);
			return -1;
		}
		date_format(&d, iso);
		lineedit_set_utf8(&fd->le, iso);
		v = value_of(fd);
	}
	if (fd->check) {
		copy = xstrdup(v); /* the check may form_set this field */
		r = fd->check(f->ctx, f, fd->name, copy, e);
		free(copy);
	}
	set_bad(fd, r < 0 ? (e->msg[0] ? e->msg : _("this value is refused")) : NULL);
	return r < 0 ? -1 : 0;
}

static int focusable(const struct form *f, int i)
{
	return i >= 0 && i < f->n && f->f[i].kind != FIELD_READONLY;
}

/* Moves the focus to field i after checking the one left. */
static void focus_to(struct form *f, int i)
{
	struct err e;

	if (i == f->focus || !focusable(f, i))
		return;
	err_clear(&e);
	if (f->focus >= 0 && check_field(f, f->focus, &e) < 0)
		app_error(f->screen->app, "%s", e.msg);
	f->focus = i;
	if (f->f[i].bad)
		app_error(f->screen->app, "%s", f->f[i].bad);
}

static int step(struct form *f, int dir)
{
	int i = f->focus;

	do
		i += dir;
	while (i >= 0 && i < f->n && !focusable(f, i));
	return i >= 0 && i < f->n ? i : -1;
}

static int do_submit(struct form *f)
{
	struct err e;
	int first_bad = -1;

	for (int i = 0; i < f->n; i++) {
		err_clear(&e);
		if (check_field(f, i, &e) < 0 && first_bad < 0) {
			first_bad = i;
			app_error(f->screen->app, "%s", e.msg);
		}
	}
	if (first_bad >= 0) {
		f->focus = first_bad;
		return SCREEN_HANDLED;
	}
	err_clear(&e);
	if (f->submit && f->submit(f->ctx, f, &e) < 0) {
		struct field *fd = e.field[0] ? find(f, e.field) : NULL;

		app_error(f->screen->app, "%s", e.msg[0] ? e.msg : _("the form was not saved"));
		if (fd) {
			set_bad(fd, e.msg);
			f->focus = (int)(fd - f->f);
		}
		return SCREEN_HANDLED;
	}
	f->saved = 1;
	return SCREEN_HANDLED | SCREEN_POP | SCREEN_CHANGED;
}

/* ---- the screen ---- */

static int fm_open(struct screen *s, void *arg, struct err *e)
{
	struct form *f = arg;

	(void)e;
	s->state = f;
	f->screen = s;
	f->focus = -1;
	for (int i = 0; i < f->n && f->focus < 0; i++)
		if (focusable(f, i))
			f->focus = i;
	return 0;
}

static void fm_layout(struct screen *s, struct rect r)
{
	struct form *f = s->state;
	int w, h = f->n + 4;

	f->label_w = 0;
	for (int i = 0; i < f->n; i++) {
		int lw = textwidth_utf8(_(f->f[i].label)) + 3; /* "*" and a space */

		if (lw > f->label_w)
			f->label_w = lw;
	}
	w = f->label_w + 50;
	if (w < textwidth_utf8(f->title) + 10)
		w = textwidth_utf8(f->title) + 10;
	if (w > r.w - 4)
		w = r.w - 4;
	if (f->label_w > w / 2)
		f->label_w = w / 2;
	f->box = draw_center_rect(r, h, w);
}

/* The count "12/64" of a limited text field, drawn right-aligned to end at
 * column `end` when the field has focus or holds more than its limit (then
 * in the refused colour).  Returns the columns it took (with a space before),
 * 0 when nothing was drawn. */
static int draw_counter(const struct field *fd, int y, int end, int room, int focused)
{
	char buf[48];
	int w;

	if (!fd->le.max || fd->kind != FIELD_TEXT || (!focused && fd->le.len <= fd->le.max))
		return 0;
	snprintf(buf, sizeof buf, "%zu/%zu", fd->le.len, fd->le.max);
	w = (int)strlen(buf);
	if (w + 1 > room / 3)
		return 0;
	draw_text(y, end - w, w, buf, fd->le.len > fd->le.max ? THEME_FIELD_BAD : THEME_DIM);
	return w + 1;
}

/* A secret field not yet revealed: its masked value, and when focused what
 * the keys do. */
static void draw_hidden(struct app *app, struct field *fd, int y, int x, int w,
			enum theme_role role, int focused)
{
	char *v = lineedit_get_utf8(&fd->le), masked[128];
	int used;

	fd->mask(v, masked, sizeof masked);
	free(v);
	draw_fill(y, x, w, role);
	used = draw_text(y, x, w, masked, role);
	if (focused) {
		app_cursor(app, y, x + used);
		if (w - used > 4)
			draw_fit(y, x + used + 2, w - used - 2,
				 _("type to replace · Bksp or an arrow shows it (recorded)"), THEME_DIM);
	}
}

static void fm_draw(struct screen *s)
{
	struct form *f = s->state;
	struct rect b = f->box;
	int rows = b.h - 4, x = b.x + 2, vx = x + f->label_w, vw = b.w - 4 - f->label_w;

	if (f->focus >= 0 && f->focus < f->top)
		f->top = f->focus;
	if (f->focus >= f->top + rows)
		f->top = f->focus - rows + 1;
	draw_box(b, f->title);
	for (int k = 0; k < rows && f->top + k < f->n; k++) {
		int i = f->top + k, y = b.y + 2 + k;
		struct field *fd = &f->f[i];
		enum theme_role role = i == f->focus		    ? THEME_FIELD_FOCUS
				       : fd->bad		    ? THEME_FIELD_BAD
				       : fd->kind == FIELD_READONLY ? THEME_DIALOG
								    : THEME_FIELD;
		char label[160];

		snprintf(label, sizeof label, "%s%s", _(fd->label),
			 fd->flags & FORM_REQUIRED ? "*" : "");
		draw_fit(y, x, f->label_w - 1, label, fd->bad ? THEME_FIELD_BAD : THEME_LABEL);
		if (fd->kind == FIELD_ENUM) {
			char buf[200];

			if (fd->choice >= 0)
				snprintf(buf, sizeof buf, "%s  ▾", _(fd->table[fd->choice].label));
			else
				snprintf(buf, sizeof buf, "%s", "—  ▾");
			draw_fit(y, vx, vw, buf, role);
		} else if (fd->hidden) {
			draw_hidden(s->app, fd, y, vx, vw, role, i == f->focus);
		} else {
			int cw = draw_counter(fd, y, vx + vw, vw, i == f->focus);

			text_field_draw(s->app, &fd->le, y, vx, vw - cw, role, i == f->focus);
		}
	}
	if (f->top > 0)
		draw_text(b.y + 1, b.x + b.w - 3, 1, "▲", THEME_DIM);
	if (f->top + rows < f->n)
		draw_text(b.y + b.h - 2, b.x + b.w - 3, 1, "▼", THEME_DIM);
}

static int is_printable(int key)
{
	return !KEYS_IS_FN(key) && key >= 32 && key != 127;
}

void form_on_change(struct form *f, form_change_fn fn)
{
	f->on_change = fn;
}

/* Field fd's choice was choice before the user acted on it. */
static void enum_changed(struct form *f, struct field *fd, int choice)
{
	if (fd->choice != choice && f->on_change)
		f->on_change(f->ctx, f, fd->name);
}

static int enum_pick_done(void *ctx, int index)
{
	struct form *f = ctx;

	if (index >= 0 && f->focus >= 0 && f->f[f->focus].kind == FIELD_ENUM) {
		struct field *fd = &f->f[f->focus];
		int was = fd->choice;

		fd->choice = index;
		set_bad(fd, NULL);
		enum_changed(f, fd, was);
	}
	return 0;
}

static int enum_choose(struct form *f, struct field *fd, const struct event *ev)
{
	int n = model_enum_count(fd->table), i;
	const char **labels;

	switch (ev->act) {
	case ACT_CHOOSE:
		picklist_push_enum(f->screen->app, _(fd->label), fd->table,
				   fd->choice >= 0 ? fd->table[fd->choice].code : NULL,
				   enum_pick_done, f);
		return SCREEN_HANDLED;
	case ACT_CHAR_LEFT:
		typeselect_reset(&fd->ts);
		fd->choice = fd->choice <= 0 ? n - 1 : fd->choice - 1;
		return SCREEN_HANDLED;
	case ACT_CHAR_RIGHT:
		typeselect_reset(&fd->ts);
		fd->choice = fd->choice >= n - 1 ? 0 : fd->choice + 1;
		return SCREEN_HANDLED;
	case ACT_DEL_BACK:
	case ACT_DEL_FWD:
	case ACT_KILL_LINE:
		fd->choice = -1;
		return SCREEN_HANDLED;
	default:
		break;
	}
	if (!is_printable(ev->key))
		return SCREEN_IGNORED;
	labels = xcalloc((size_t)(n ? n : 1), sizeof *labels);
	for (int k = 0; k < n; k++)
		labels[k] = _(fd->table[k].label);
	i = picklist_match_key(labels, n, fd->choice, ev->key, &fd->ts);
	free(labels);
	if (i >= 0) {
		fd->choice = i;
		set_bad(fd, NULL);
	}
	return SCREEN_HANDLED;
}

static int enum_key(struct form *f, struct field *fd, const struct event *ev)
{
	int was = fd->choice, r = enum_choose(f, fd, ev);

	enum_changed(f, fd, was);
	return r;
}

/* A key in a secret field still hidden: typing, pasting or ^U replace the
 * value unseen; a key that moves or deletes in it reveals it, and only
 * that (the user sees the value before changing it).  Returns 0 to go on
 * with the key, -1 when the key was used up. */
static int hidden_key(struct form *f, struct field *fd, const struct event *ev)
{
	struct err e;

	if (ev->type == EVENT_PASTE || (ev->type == EVENT_KEY && is_printable(ev->key)) ||
	    ev->act == ACT_KILL_LINE) {
		lineedit_set_utf8(&fd->le, "");
		fd->hidden = 0;
		return 0;
	}
	switch (ev->act) {
	case ACT_CHAR_LEFT:
	case ACT_CHAR_RIGHT:
	case ACT_LINE_START:
	case ACT_LINE_END:
	case ACT_DEL_BACK:
	case ACT_DEL_FWD:
	case ACT_KILL_END:
	case ACT_KILL_WORD:
		break;
	default:
		return 0;
	}
	err_clear(&e);
	if (fd->reveal && fd->reveal(f->ctx, f, fd->name, &e) < 0) {
		app_error(f->screen->app, "%s", e.msg);
		return -1;
	}
	fd->hidden = 0;
	return -1;
}

static int text_key(struct form *f, struct field *fd, const struct event *ev)
{
	enum text_field_kind kind = fd->kind == FIELD_TEXT   ? TEXT_FIELD_ANY
				    : fd->kind == FIELD_DATE ? TEXT_FIELD_DATE
							     : TEXT_FIELD_NUMBER;

	if (fd->hidden && hidden_key(f, fd, ev) < 0)
		return SCREEN_HANDLED;
	if (ev->type == EVENT_KEY && is_printable(ev->key) && fd->le.max &&
	    fd->le.len >= fd->le.max) {
		app_error(f->screen->app, _("%s holds at most %zu characters."), _(fd->label),
			  fd->le.max);
		return SCREEN_HANDLED;
	}
	return text_field_key(&fd->le, kind, ev, NULL);
}

static int fm_event(struct screen *s, const struct event *ev)
{
	struct form *f = s->state;
	struct field *fd;

	if (ev->type == EVENT_MOUSE) {
		int i = f->top + ev->mouse_y - f->box.y - 2;

		if ((ev->mouse_kind == MOUSE_CLICK || ev->mouse_kind == MOUSE_DOUBLE) &&
		    i >= f->top && i < f->n && i < f->top + f->box.h - 4)
			focus_to(f, i);
		return SCREEN_HANDLED;
	}
	if (f->focus < 0)
		return SCREEN_IGNORED;
	fd = &f->f[f->focus];
	if (fd->kind == FIELD_ENUM)
		return enum_key(f, fd, ev);
	return text_key(f, fd, ev);
}

static int fm_next(struct screen *s)
{
	struct form *f = s->state;
	int i = step(f, 1);

	focus_to(f, i >= 0 ? i : f->focus);
	return SCREEN_HANDLED;
}

static int fm_prev(struct screen *s)
{
	struct form *f = s->state;
	int i = step(f, -1);

	focus_to(f, i >= 0 ? i : f->focus);
	return SCREEN_HANDLED;
}

static int fm_accept(struct screen *s)
{
	struct form *f = s->state;
	int i = step(f, 1);
	struct err e;

	if (i >= 0) {
		focus_to(f, i);
		return SCREEN_HANDLED;
	}
	err_clear(&e);
	if (check_field(f, f->focus, &e) < 0) {
		app_error(s->app, "%s", e.msg);
		return SCREEN_HANDLED;
	}
	return do_submit(f);
}

static int fm_submit(struct screen *s)
{
	return do_submit(s->state);
}

static int discard_answer(void *ctx, int yes)
{
	struct screen *s = ctx;

	if (yes)
		app_close(s->app, s);
	return 0;
}

static int fm_cancel(struct screen *s)
{
	if (form_dirty(s->state)) {
		confirm_push(s->app, _("Discard what was typed in this form?"), discard_answer, s);
		return SCREEN_HANDLED;
	}
	return SCREEN_HANDLED | SCREEN_POP;
}

static int fm_choose(struct screen *s)
{
	struct form *f = s->state;

	if (f->focus >= 0 && f->f[f->focus].kind == FIELD_ENUM) {
		struct event ev = {.type = EVENT_KEY, .act = ACT_CHOOSE};

		return enum_key(f, &f->f[f->focus], &ev);
	}
	return SCREEN_IGNORED;
}

static int fm_can(struct screen *s, enum action act)
{
	struct form *f = s->state;

	if (act == ACT_CHOOSE)
		return f->focus >= 0 && f->f[f->focus].kind == FIELD_ENUM;
	if (act == ACT_NEXT_FIELD)
		return step(f, 1) >= 0;
	return 1;
}

static int fm_dirty(struct screen *s)
{
	return form_dirty(s->state);
}

static void fm_close(struct screen *s)
{
	struct form *f = s->state;

	if (f->close)
		f->close(f->ctx, f->saved);
	form_free(&f);
}

static const struct screen_handler fm_handlers[] = {
    {ACT_SUBMIT, fm_submit, NULL},   {ACT_ACCEPT, fm_accept, NULL},
    {ACT_NEXT_FIELD, fm_next, NULL}, {ACT_PREV_FIELD, fm_prev, NULL},
    {ACT_CHOOSE, fm_choose, NULL},   {ACT_CANCEL, fm_cancel, N_("cancel")},
    {ACT_NONE, NULL, NULL},
};

static const struct screen_class form_screen = {
    .name = N_("Form"),
    .kind = SCREEN_KIND_FORM,
    .handlers = fm_handlers,
    .open = fm_open,
    .layout = fm_layout,
    .draw = fm_draw,
    .event = fm_event,
    .dirty = fm_dirty,
    .can = fm_can,
    .close = fm_close,
};

int form_push(struct app *app, struct form *f, form_submit_fn submit, form_close_fn close)
{
	f->submit = submit;
	f->close = close;
	if (app_push(app, &form_screen, f) < 0) {
		if (close)
			close(f->ctx, 0);
		form_free(&f);
		return -1;
	}
	return 0;
}
