/* screen: dispatch through a screen's handler table; see screen.h. */
#include "tui/widgets/screen.h"

#include <stddef.h>

#include "core/i18n.h"

static const struct screen_handler *find_in(const struct screen_handler *h, enum action act)
{
	for (; h && h->act; h++)
		if (h->act == act)
			return h;
	return NULL;
}

static const struct screen_handler *find(const struct screen *s, enum action act)
{
	const struct screen_handler *h;

	if (act == ACT_NONE)
		return NULL;
	h = find_in(s->cls->handlers, act);
	return h ? h : find_in(screen_shared(s->cls), act);
}

int screen_dispatch(struct screen *s, const struct event *ev)
{
	const struct screen_handler *h;

	if (ev->type != EVENT_KEY)
		return SCREEN_IGNORED;
	h = find(s, ev->act);
	if (!h)
		return SCREEN_IGNORED;
	s->acting = ev->act;
	return h->fn(s);
}

enum action screen_action(const struct screen *s)
{
	return s->acting;
}

int screen_handles(const struct screen *s, enum action act)
{
	return find(s, act) != NULL;
}

const struct screen_handler *screen_handler_of(const struct screen *s, enum action act)
{
	return find(s, act);
}

int screen_takes_text(struct screen *s)
{
	if (s->cls->text_focus)
		return s->cls->text_focus(s);
	return (screen_flags(s->cls) & SCREEN_TEXT) != 0;
}

int screen_open_arg(struct screen *s, void *arg, struct err *e)
{
	(void)e;
	s->state = arg;
	return 0;
}

int screen_act_pop(struct screen *s)
{
	(void)s;
	return SCREEN_HANDLED | SCREEN_POP;
}

int screen_act_refresh(struct screen *s)
{
	if (s->cls->data_changed)
		s->cls->data_changed(s);
	return SCREEN_HANDLED;
}

/* A page pushed over another: Esc goes back. */
static const struct screen_handler back_handlers[] = {
    {ACT_CANCEL, screen_act_pop, N_("back")},
    {ACT_NONE, NULL, NULL},
};

/* A window that Esc closes (help, a merge's report). */
static const struct screen_handler close_handlers[] = {
    {ACT_CANCEL, screen_act_pop, N_("close")},
    {ACT_NONE, NULL, NULL},
};

#define LIST   KEYCTX_BIT(KEYCTX_LIST)
#define TEXT   KEYCTX_BIT(KEYCTX_TEXT)
#define VIEW   KEYCTX_BIT(KEYCTX_VIEW)
#define DIALOG (SCREEN_MODAL | SCREEN_OVERLAY)

/* What a kind brings (enum screen_kind, screen.h). */
static const struct {
	unsigned flags;			     /* enum screen_flag */
	unsigned keyctx;		     /* KEYCTX_BIT()s of the contexts whose keys apply */
	const struct screen_handler *shared; /* {0}-terminated, or NULL */
} screen_kinds[SCREEN_KIND_COUNT] = {
    [SCREEN_KIND_NONE] = {0, 0, NULL},
    [SCREEN_KIND_LIST] = {0, LIST, NULL},
    [SCREEN_KIND_LIST_ENTRY] = {0, LIST | TEXT, NULL},
    [SCREEN_KIND_PAGE] = {0, VIEW, NULL},
    [SCREEN_KIND_SUBLIST] = {0, LIST, back_handlers},
    [SCREEN_KIND_SUBPAGE] = {0, VIEW, back_handlers},
    [SCREEN_KIND_MODAL_LIST] = {SCREEN_MODAL, LIST, back_handlers},
    [SCREEN_KIND_WINDOW] = {SCREEN_MODAL, VIEW, close_handlers},
    [SCREEN_KIND_ENTRY] = {SCREEN_OVERLAY | SCREEN_TEXT, TEXT, NULL},
    [SCREEN_KIND_PICK] = {DIALOG, KEYCTX_BIT(KEYCTX_PICK), NULL},
    [SCREEN_KIND_PICK_LIST] = {DIALOG, LIST, NULL},
    [SCREEN_KIND_DIALOG] = {DIALOG, KEYCTX_BIT(KEYCTX_DIALOG), NULL},
    [SCREEN_KIND_FORM] = {DIALOG | SCREEN_TEXT, KEYCTX_BIT(KEYCTX_FORM) | TEXT, NULL},
};

unsigned screen_flags(const struct screen_class *cls)
{
	return screen_kinds[cls->kind].flags;
}

unsigned screen_keyctx(const struct screen_class *cls)
{
	return screen_kinds[cls->kind].keyctx;
}

const struct screen_handler *screen_shared(const struct screen_class *cls)
{
	return cls->shared ? cls->shared : screen_kinds[cls->kind].shared;
}
