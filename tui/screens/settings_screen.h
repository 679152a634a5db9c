/* settings_screen: the community's settings as a form (F2 from anywhere).
 *
 * Community, street office, district, the station code (read-only: it is
 * fixed when the database is made), fever threshold, isolation days, AM
 * and PM cut-offs, days between outings, out-alert hours; saved with
 * db_settings_put (validated, audited).  A last field takes the path of
 * another machine's file: after saving, its merge preview opens
 * (tui/screens/merge_screen.h). */
#ifndef DOORSTEP_SETTINGS_SCREEN_H
#define DOORSTEP_SETTINGS_SCREEN_H

struct app;

/* Pushes the settings form.  Returns 0 or -1. */
int settings_screen_push(struct app *app);

#endif
