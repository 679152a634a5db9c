/* locale: the program's language and character set.
 *
 * doorstep draws Chinese text: it needs a UTF-8 or GB18030 locale (the
 * terminals of Chinese Windows SSH clients), and refuses any other with a
 * clear message before it touches the screen.  Inside, text is UTF-8
 * whatever the locale: gettext is pinned to UTF-8 and the screen is drawn
 * from wide characters decoded by the program (tui/draw). */
#ifndef DOORSTEP_LOCALE_H
#define DOORSTEP_LOCALE_H

/* setlocale(LC_ALL, "") and binds the "doorstep" gettext domain from
 * paths_locale_dir().  Returns 1 when the character set is UTF-8 or
 * GB18030, else 0. */
int locale_init(void);

/* Prints the refusal for a non-UTF-8 locale to stderr. */
void locale_refuse(void);

#endif
