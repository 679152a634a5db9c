/* placeholder: a tab's honest empty state; see placeholder.h. */
#include "tui/placeholder.h"

#include "core/i18n.h"

static int ph_open(struct screen *s, void *arg, struct err *e)
{
	(void)e;
	s->state = arg; /* a static msgid: nothing to free */
	return 0;
}

static void ph_draw(struct screen *s)
{
	struct rect r = s->r;
	int y = r.y + r.h / 2 - 1;

	draw_center(y, r.x, r.w, _((const char *)s->state), THEME_DIM);
	draw_center(y + 2, r.x, r.w,
		    _("Switch tabs with the digits 1-8 or Tab; ? shows every key."), THEME_DIM);
}

const struct screen_class placeholder_screen = {
    .name = N_("Coming later"),
    .open = ph_open,
    .draw = ph_draw,
};
