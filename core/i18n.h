/* i18n: gettext marking for every layer.
 *
 * `_("text")` translates now, `N_("text")` only marks a string for xgettext
 * (tables of labels translated where they are shown).  The catalogue is
 * bound once by tui/ (i18n_init in tui/locale.c). */
#ifndef DOORSTEP_I18N_H
#define DOORSTEP_I18N_H

#include <libintl.h>

#define _(s)  gettext(s)
#define N_(s) (s)

#endif
