/* locale: the program's language and character set.
 *
 * doorstep draws Chinese text: it needs a UTF-8 locale, and refuses any other
 * with a clear message before it touches the screen. */
#ifndef DOORSTEP_LOCALE_H
#define DOORSTEP_LOCALE_H

/* setlocale(LC_ALL, "") and binds the "doorstep" gettext domain from
 * paths_locale_dir().  Returns 1 when the character set is UTF-8, else 0. */
int locale_init(void);

/* Prints the refusal for a non-UTF-8 locale to stderr. */
void locale_refuse(void);

#endif
