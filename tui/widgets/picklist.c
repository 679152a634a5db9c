/* picklist: a dialog to choose one item; see picklist.h. */
#include "tui/widgets/picklist.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wctype.h>

#include "core/i18n.h"
#include "core/textwidth.h"
#include "core/typeselect.h"
#include "core/utf8.h"
#include "core/xalloc.h"
#include "tui/app.h"
#include "tui/widgets/screen.h"

struct picklist {
	char *title;
	char **labels;
	int n, cursor, top;
	picklist_done_fn done;
	void *ctx;
	int answered;
	struct rect box;
	struct typeselect ts; /* the label typed so far */
};

struct pick_arg {
	const char *title;
	const char *const *labels;
	int n, current;
	picklist_done_fn done;
	void *ctx;
};

int picklist_match_key(const char *const *labels, int n, int from, int key, struct typeselect *ts)
{
	if (key >= '1' && key <= '9') {
		typeselect_reset(ts);
		return key - '1' < n ? key - '1' : -1;
	}
	if (key < 32 || key == 127 || (key & 0x200000) || n <= 0)
		return -1;
	return typeselect_key(ts, labels, n, from, (uint32_t)key);
}

static int p_open(struct screen *s, void *arg, struct err *e)
{
	const struct pick_arg *a = arg;
	struct picklist *p;

	if (a->n <= 0)
		return err_set(e, "%s", _("there is nothing to choose from"));
	p = xcalloc(1, sizeof *p);
	p->title = xstrdup(a->title);
	p->n = a->n;
	p->labels = xcalloc((size_t)a->n, sizeof *p->labels);
	for (int i = 0; i < a->n; i++)
		p->labels[i] = xstrdup(a->labels[i]);
	p->cursor = a->current < 0 ? 0 : a->current >= a->n ? a->n - 1 : a->current;
	p->done = a->done;
	p->ctx = a->ctx;
	s->state = p;
	return 0;
}

static void p_layout(struct screen *s, struct rect r)
{
	struct picklist *p = s->state;
	int w = textwidth_utf8(p->title) + 8, h = p->n + 2;

	for (int i = 0; i < p->n; i++) {
		int lw = textwidth_utf8(p->labels[i]) + 8;

		if (lw > w)
			w = lw;
	}
	if (w < 30)
		w = 30;
	if (h > r.h - 2)
		h = r.h - 2;
	p->box = draw_center_rect(r, h, w > r.w - 4 ? r.w - 4 : w);
}

static int visible(const struct picklist *p)
{
	return p->box.h - 2 > 0 ? p->box.h - 2 : 1;
}

static void p_draw(struct screen *s)
{
	struct picklist *p = s->state;
	int vis = visible(p);

	if (p->cursor < p->top)
		p->top = p->cursor;
	if (p->cursor >= p->top + vis)
		p->top = p->cursor - vis + 1;
	draw_box(p->box, p->title);
	for (int i = 0; i < vis && p->top + i < p->n; i++) {
		int k = p->top + i;
		char num[8];
		enum theme_role role = k == p->cursor ? THEME_CURSOR : THEME_DIALOG;
		int y = p->box.y + 1 + i, x = p->box.x + 1;

		snprintf(num, sizeof num, k < 9 ? " %d " : "   ", k + 1);
		draw_fit(y, x, 3, num, role);
		draw_fit(y, x + 3, p->box.w - 5, p->labels[k], role);
	}
}

static int finish(struct screen *s, int index)
{
	struct picklist *p = s->state;
	int flags = 0;

	if (!p->answered) {
		p->answered = 1;
		flags = p->done ? p->done(p->ctx, index) : 0;
	}
	return (flags & ~SCREEN_POP) | SCREEN_HANDLED | SCREEN_POP;
}

static int p_event(struct screen *s, const struct event *ev)
{
	struct picklist *p = s->state;
	int vis = visible(p);

	if (ev->type == EVENT_MOUSE) {
		int i = ev->mouse_y - p->box.y - 1 + p->top;

		if (ev->mouse_kind == MOUSE_WHEEL_UP && p->cursor > 0)
			p->cursor--;
		else if (ev->mouse_kind == MOUSE_WHEEL_DOWN && p->cursor < p->n - 1)
			p->cursor++;
		else if ((ev->mouse_kind == MOUSE_CLICK || ev->mouse_kind == MOUSE_DOUBLE) &&
			 i >= p->top && i < p->n && ev->mouse_x > p->box.x &&
			 ev->mouse_x < p->box.x + p->box.w - 1)
			return finish(s, i);
		return SCREEN_HANDLED;
	}
	if (ev->act != ACT_NONE)
		typeselect_reset(&p->ts);
	switch (ev->act) {
	case ACT_UP:
		p->cursor = p->cursor > 0 ? p->cursor - 1 : p->n - 1;
		return SCREEN_HANDLED;
	case ACT_DOWN:
		p->cursor = p->cursor < p->n - 1 ? p->cursor + 1 : 0;
		return SCREEN_HANDLED;
	case ACT_PAGE_UP:
		p->cursor = p->cursor > vis ? p->cursor - vis : 0;
		return SCREEN_HANDLED;
	case ACT_PAGE_DOWN:
		p->cursor = p->cursor + vis < p->n ? p->cursor + vis : p->n - 1;
		return SCREEN_HANDLED;
	case ACT_FIRST:
		p->cursor = 0;
		return SCREEN_HANDLED;
	case ACT_LAST:
		p->cursor = p->n - 1;
		return SCREEN_HANDLED;
	default:
		break;
	}
	if (ev->act == ACT_NONE || ev->act == ACT_QUIT ||
	    (ev->act >= ACT_TAB_1 && ev->act <= ACT_TAB_8)) {
		int i = picklist_match_key((const char *const *)p->labels, p->n, p->cursor, ev->key,
					   &p->ts);

		if (i >= 0 && ev->key >= '1' && ev->key <= '9')
			return finish(s, i);
		if (i >= 0)
			p->cursor = i;
		if (i >= 0 || ev->act == ACT_NONE)
			return SCREEN_HANDLED;
	}
	return SCREEN_IGNORED;
}

static int p_accept(struct screen *s)
{
	return finish(s, ((struct picklist *)s->state)->cursor);
}

static int p_cancel(struct screen *s)
{
	return finish(s, -1);
}

static void p_close(struct screen *s)
{
	struct picklist *p = s->state;

	/* closed without an answer (the program is quitting): done still runs
	 * once, so that its owner can free ctx */
	if (!p->answered && p->done)
		p->done(p->ctx, -1);
	xfree_strv(p->labels, (size_t)p->n);
	free(p->title);
	free(p);
}

static const struct screen_handler p_handlers[] = {
    {ACT_ACCEPT, p_accept, N_("choose")},
    {ACT_CANCEL, p_cancel, N_("cancel")},
    {ACT_NONE, NULL, NULL},
};

static const struct screen_class pick_screen = {
    .name = N_("Choose"),
    .kind = SCREEN_KIND_PICK,
    .handlers = p_handlers,
    .open = p_open,
    .layout = p_layout,
    .draw = p_draw,
    .event = p_event,
    .close = p_close,
};

int picklist_push(struct app *app, const char *title, const char *const *labels, int n, int current,
		  picklist_done_fn done, void *ctx)
{
	struct pick_arg a = {title, labels, n, current, done, ctx};

	return app_push(app, &pick_screen, &a);
}

int picklist_push_owned(struct app *app, const char *title, char **labels, int n, int current,
			picklist_done_fn done, void *ctx)
{
	int r = picklist_push(app, title, (const char *const *)labels, n, current, done, ctx);

	xfree_strv(labels, (size_t)n);
	return r;
}

int picklist_push_enum(struct app *app, const char *title, const struct enum_entry *table,
		       const char *current_code, picklist_done_fn done, void *ctx)
{
	int n = model_enum_count(table), cur = 0, r;
	const char **labels = xcalloc((size_t)(n ? n : 1), sizeof *labels);

	for (int i = 0; i < n; i++) {
		labels[i] = _(table[i].label);
		if (current_code && !strcmp(current_code, table[i].code))
			cur = i;
	}
	r = picklist_push(app, title, labels, n, cur, done, ctx);
	free(labels);
	return r;
}
