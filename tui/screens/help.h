/* help: the help screen (`?` or F1), generated from the key tables.
 *
 * It lists the keys of the screen it was opened from (its own table and
 * contexts, with the actions it handles), then the global keys and every
 * other context, each key with its action's help text. */
#ifndef DOORSTEP_HELP_H
#define DOORSTEP_HELP_H

struct app;
struct screen;

/* Pushes the help for screen `from` (may be NULL: global keys only).
 * Returns 0 or -1. */
int help_push(struct app *app, struct screen *from);

/* Appends the whole key table as Markdown to out (README.md#keys is this
 * text, `doorstep keys` prints it): each tab's own keys and the actions it
 * handles from the list keys, then every context.  In the language of the
 * environment. */
struct strbuf;
void help_markdown(struct strbuf *out);

#endif
