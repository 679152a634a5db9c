/* settings: the community's settings (one per database; README.md#schema). */
#ifndef DOORSTEP_SETTINGS_H
#define DOORSTEP_SETTINGS_H

#include "core/err.h"
#include "core/textfields.h"

/* The text members are malloc'd and owned by the struct (never cut): fill
 * one with settings_defaults or db_settings_get, copy it with settings_copy,
 * release it with settings_clear. */
struct settings {
	char uuid[37]; /* this database's identity (merging) */
	char *community;
	char *street;
	char *district;
	char station;          /* 'A'..'Z' */
	int fever_threshold;   /* tenths of a degree, default 373 */
	int isolation_days;    /* default 14 */
	char am_cutoff[6];     /* "HH:MM", default 12:00 */
	char pm_cutoff[6];     /* default 20:00 */
	int outing_days;       /* days between a household's outings, default 2 */
	int out_alert_hours;   /* people out longer than this are listed, default 4 */
	char *last_staff;      /* the staff picked at the last start */
	int notice_days;       /* how long the donation notice is posted, default 7 */
	char supervision_phone[32]; /* 监督电话 on the donation notice, "" when none */
	char *output_dir;      /* where exports, sheets and backups go (core/outdir.h) */
};

/* The fever threshold's range, tenths of a degree. */
#define SETTINGS_FEVER_MIN 360
#define SETTINGS_FEVER_MAX 400

/* Parses a fever threshold as typed (core/temperature's forms: 37.3, 373,
 * 37) and checks it lies in SETTINGS_FEVER_MIN..MAX.  Returns 0, or -1 with
 * a message in e (field "fever_threshold"). */
int settings_parse_fever(const char *text, int *tenths, struct err *e);

/* Fills the defaults of README.md#schema (empty names, station 'A').  s is
 * overwritten, not freed. */
void settings_defaults(struct settings *s);

/* Frees the text members and zeroes s. */
void settings_clear(struct settings *s);

/* The texts a settings record owns, in the order settings_validate checks
 * their characters (output_dir has a check of its own). */
extern const struct textfield settings_texts[];

/* dst (overwritten, not freed) becomes a deep copy of src. */
void settings_copy(struct settings *dst, const struct settings *src);

/* Checks every field; the error names the field.  Returns 0 or -1. */
int settings_validate(const struct settings *s, struct err *e);

#endif
