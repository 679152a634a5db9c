/* help: the key help, generated from the key tables; see help.h. */
#include "tui/screens/help.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/strbuf.h"
#include "core/xalloc.h"
#include "tui/app.h"
#include "tui/widgets/screen.h"
#include "tui/widgets/tabs.h"

struct line {
	char *keys; /* NULL: a heading */
	char *text;
};

struct help {
	struct line *l;
	int n, cap;
	int top;
};

static void add_line(struct help *h, const char *keys, const char *text)
{
	XGROW(h->l, h->cap, h->n + 1, 64);
	h->l[h->n].keys = keys ? xstrdup(keys) : NULL;
	h->l[h->n].text = xstrdup(text);
	h->n++;
}

static int is_move(enum action a)
{
	return a >= ACT_UP && a <= ACT_LAST;
}

/* 1 when key, bound to act in context ctx (-1: the screen's own table), is
 * to be listed for screen `on` as it is now.  A key of the screen's own table
 * is listed there and nowhere else: in a context it does something else (the
 * digits of the Rounds tab are temperatures, not tabs) or it would be listed
 * twice.  A global key must also survive the program's whole lookup
 * (tui/app.c: a context key or a text field may take it first).  Every key
 * is listed when on is NULL. */
static int key_reaches(const struct screen *on, int ctx, int key, enum action act)
{
	int printable = !KEYS_IS_FN(key) && key >= 32 && key != 127;
	enum action own;

	if (!on)
		return 1;
	own = keys_lookup(on->cls->keys, 0, 1, key);
	if (ctx < 0)
		return own == act;
	if (own != ACT_NONE)
		return 0;
	if (ctx != KEYCTX_GLOBAL)
		return 1;
	return keys_lookup(on->cls->keys, screen_keyctx(on->cls),
			   screen_takes_text((struct screen *)on) && printable, key) == act;
}

/* Writes the names of the n keys k, separated by ", ", into out; a run of
 * three or more consecutive characters is written by its ends ("0-9"). */
static void keys_text(struct strbuf *out, const int *k, int n)
{
	char name[32];

	for (int i = 0; i < n;) {
		int j = i;

		while (j + 1 < n && !KEYS_IS_FN(k[j + 1]) && k[j + 1] > ' ' && k[j + 1] == k[j] + 1)
			j++;
		if (out->len)
			strbuf_puts(out, ", ");
		strbuf_puts(out, keys_name(k[i], name, sizeof name));
		if (j - i >= 2) {
			strbuf_puts(out, "-");
			strbuf_puts(out, keys_name(k[j], name, sizeof name));
			i = j + 1;
		} else {
			i++;
		}
	}
}

/* One line per action of table t (in context ctx, or every entry when ctx
 * < 0), with those of its keys that reach it on screen `on` (may be NULL);
 * with only_handled, only the actions that `from` handles (and moves). */
static void add_bindings(struct help *h, const struct keybind *t, int ctx,
			 const struct screen *from, int only_handled, const struct screen *on)
{
	int done[ACT_COUNT] = {0};

	for (const struct keybind *b = t; b && b->key; b++) {
		struct strbuf keys = STRBUF_INIT;
		int k[32], n = 0;

		if ((ctx >= 0 && b->ctx != ctx) || done[b->act])
			continue;
		if (only_handled && from && !screen_handles(from, b->act) && !is_move(b->act))
			continue;
		done[b->act] = 1;
		for (const struct keybind *x = b; x->key && n < 32; x++) {
			char name[32], seen[32];
			int dup = 0;

			if ((ctx >= 0 && x->ctx != ctx) || x->act != b->act ||
			    !key_reaches(on, ctx, x->key, x->act))
				continue;
			/* Enter appears under three codes */
			keys_name(x->key, name, sizeof name);
			for (int i = 0; i < n && !dup; i++)
				dup = !strcmp(keys_name(k[i], seen, sizeof seen), name);
			if (!dup)
				k[n++] = x->key;
		}
		keys_text(&keys, k, n);
		if (keys.len)
			add_line(h, strbuf_str(&keys), _(keys_action_info[b->act].help));
		strbuf_free(&keys);
	}
}

static int hp_open(struct screen *s, void *arg, struct err *e)
{
	struct screen *from = arg;
	struct help *h = xcalloc(1, sizeof *h);
	unsigned shown = 0;

	(void)e;
	s->state = h;
	if (from) {
		add_line(h, NULL, _(from->cls->name));
		add_bindings(h, from->cls->keys, -1, from, 0, from);
		for (int c = KEYCTX_GLOBAL + 1; c < KEYCTX_COUNT; c++)
			if (screen_keyctx(from->cls) & KEYCTX_BIT(c)) {
				add_bindings(h, keys_default, c, from,
					     c == KEYCTX_LIST || c == KEYCTX_VIEW, from);
				shown |= KEYCTX_BIT(c);
			}
		add_line(h, "", "");
	}
	for (int c = KEYCTX_GLOBAL; c < KEYCTX_COUNT; c++) {
		if (shown & KEYCTX_BIT(c))
			continue;
		add_line(h, NULL, keys_ctx_title((enum keyctx)c));
		add_bindings(h, keys_default, c, NULL, 0, c == KEYCTX_GLOBAL ? from : NULL);
		if (c == KEYCTX_PICK || c == KEYCTX_FORM)
			add_line(h, _("a-z, 1-9"),
				 _("choose the item by typing its label or its pinyin initials, or "
				   "the Nth item"));
		add_line(h, "", "");
	}
	return 0;
}

static void help_free(struct help *h)
{
	for (int i = 0; i < h->n; i++) {
		free(h->l[i].keys);
		free(h->l[i].text);
	}
	free(h->l);
}

/* A table cell: | escaped. */
static void md_cell(struct strbuf *out, const char *s)
{
	for (; *s; s++) {
		if (*s == '|')
			strbuf_putc(out, '\\');
		strbuf_putc(out, *s);
	}
}

static void md_lines(const struct help *h, struct strbuf *out)
{
	int open = 0;

	for (int i = 0; i < h->n; i++) {
		const struct line *l = &h->l[i];

		if (!l->keys) {
			strbuf_printf(out, "%s**%s**\n\n| %s | %s |\n| --- | --- |\n",
				      out->len ? "\n" : "", l->text, _("keys"), _("what they do"));
			open = 1;
		} else if (open && l->keys[0]) {
			strbuf_puts(out, "| `");
			md_cell(out, l->keys);
			strbuf_puts(out, "` | ");
			md_cell(out, l->text);
			strbuf_puts(out, " |\n");
		}
	}
}

/* The keys of one view of tab t: its own, then the list's when it is one. */
static void md_view(struct help *h, int t, const struct screen_class *cls, int of_views)
{
	struct screen fake = {.cls = cls};
	char title[200];

	if (of_views) /* "3 Checkpoints: gate": the view's name says its tab */
		snprintf(title, sizeof title, "%d %s", t + 1, _(cls->name));
	else
		snprintf(title, sizeof title, "%d %s", t + 1, _(tabs_table[t].title));
	add_line(h, NULL, title);
	add_bindings(h, cls->keys, -1, NULL, 0, NULL);
	if (screen_keyctx(cls) & KEYCTX_BIT(KEYCTX_LIST))
		add_bindings(h, keys_default, KEYCTX_LIST, &fake, 1, NULL);
	for (int o = 0; cls->overlays && cls->overlays[o]; o++) {
		/* "3 Rounds: a visit's readings": the overlay's name says its tab */
		snprintf(title, sizeof title, "%d %s", t + 1, _(cls->overlays[o]->name));
		add_line(h, NULL, title);
		add_bindings(h, cls->overlays[o]->keys, -1, NULL, 0, NULL);
	}
}

void help_markdown(struct strbuf *out)
{
	struct help h = {0};

	for (int t = 0; t < TABS_COUNT; t++) {
		const struct screen_class *cls = tabs_table[t].cls;

		if (cls && cls->views)
			for (int v = 0; cls->views[v]; v++)
				md_view(&h, t, cls->views[v], 1);
		else if (cls)
			md_view(&h, t, cls, 0);
	}
	for (int c = KEYCTX_GLOBAL; c < KEYCTX_COUNT; c++) {
		add_line(&h, NULL, keys_ctx_title((enum keyctx)c));
		add_bindings(&h, keys_default, c, NULL, 0, NULL);
		if (c == KEYCTX_PICK || c == KEYCTX_FORM)
			add_line(&h, _("a-z, 1-9"),
				 _("choose the item by typing its label or its pinyin initials, or "
				   "the Nth item"));
	}
	md_lines(&h, out);
	help_free(&h);
}

static int rows(struct screen *s)
{
	return s->r.h - 2 > 1 ? s->r.h - 2 : 1;
}

static void hp_draw(struct screen *s)
{
	struct help *h = s->state;
	struct rect r = s->r;
	int kw = 22;

	draw_fit(r.y, r.x, r.w, _("Help: the keys of doorstep"), THEME_TITLE);
	if (h->top > h->n - rows(s))
		h->top = h->n - rows(s) > 0 ? h->n - rows(s) : 0;
	for (int i = 0; i < rows(s) && h->top + i < h->n; i++) {
		struct line *l = &h->l[h->top + i];
		int y = r.y + 2 + i;

		if (!l->keys) {
			draw_fit(y, r.x + 1, r.w - 1, l->text, THEME_HEADER);
			continue;
		}
		draw_fit(y, r.x + 3, kw - 1, l->keys, THEME_HINT_KEY);
		draw_fit(y, r.x + 3 + kw, r.w - kw - 4, l->text, THEME_NORMAL);
	}
}

static int hp_event(struct screen *s, const struct event *ev)
{
	struct help *h = s->state;
	int page = rows(s);

	if (ev->type == EVENT_MOUSE) {
		if (ev->mouse_kind == MOUSE_WHEEL_UP)
			h->top = h->top > 3 ? h->top - 3 : 0;
		else if (ev->mouse_kind == MOUSE_WHEEL_DOWN)
			h->top += 3;
		return SCREEN_HANDLED;
	}
	switch (ev->act) {
	case ACT_UP:
		h->top = h->top > 0 ? h->top - 1 : 0;
		return SCREEN_HANDLED;
	case ACT_DOWN:
		h->top++;
		return SCREEN_HANDLED;
	case ACT_PAGE_UP:
		h->top = h->top > page ? h->top - page : 0;
		return SCREEN_HANDLED;
	case ACT_PAGE_DOWN:
		h->top += page;
		return SCREEN_HANDLED;
	case ACT_FIRST:
		h->top = 0;
		return SCREEN_HANDLED;
	case ACT_LAST:
		h->top = h->n;
		return SCREEN_HANDLED;
	case ACT_HELP:
		return SCREEN_HANDLED;
	default:
		return SCREEN_IGNORED;
	}
}

static void hp_close(struct screen *s)
{
	struct help *h = s->state;

	help_free(h);
	free(h);
}

static const struct keybind hp_keys[] = {
    {0, 'q', ACT_CANCEL},
    {0, 0, ACT_NONE},
};

static const struct screen_class help_screen = {
    .name = N_("Help"),
    .kind = SCREEN_KIND_WINDOW,
    .keys = hp_keys,
    .open = hp_open,
    .draw = hp_draw,
    .event = hp_event,
    .close = hp_close,
};

int help_push(struct app *app, struct screen *from)
{
	return app_push(app, &help_screen, from);
}
