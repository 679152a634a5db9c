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
	return h ? h : find_in(s->cls->shared, act);
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
	return (s->cls->flags & SCREEN_TEXT) != 0;
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

const struct screen_handler screen_back_handlers[] = {
    {ACT_CANCEL, screen_act_pop, N_("back")},
    {ACT_NONE, NULL, NULL},
};

const struct screen_handler screen_close_handlers[] = {
    {ACT_CANCEL, screen_act_pop, N_("close")},
    {ACT_NONE, NULL, NULL},
};
