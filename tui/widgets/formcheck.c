/* formcheck: shared field checks; see formcheck.h. */
#include "tui/widgets/formcheck.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "core/i18n.h"
#include "core/phone.h"
#include "core/temperature.h"

const struct enum_entry formcheck_yes_no[] = {
    {"0", N_("no"), "否"},
    {"1", N_("yes"), "是"},
    {NULL, NULL, NULL},
};

int formcheck_int(const char *v, int lo, int hi, int *out)
{
	char *end;
	long n;

	if (!*v)
		return -1;
	n = strtol(v, &end, 10);
	if (*end || n < lo || n > hi)
		return -1;
	*out = (int)n;
	return 0;
}

int formcheck_range(const char *name, const char *v, int lo, int hi, const char *msg, struct err *e)
{
	int n;

	if (formcheck_int(v, lo, hi, &n) < 0)
		return err_field(e, name, "%s", msg);
	return 0;
}

int formcheck_phone(void *ctx, struct form *f, const char *name, const char *v, struct err *e)
{
	char canon[PHONE_MAX];

	(void)ctx;
	if (phone_parse(v, canon, sizeof canon, e) < 0) {
		snprintf(e->field, sizeof e->field, "%s", name);
		return -1;
	}
	if (strcmp(canon, v))
		form_set(f, name, canon);
	return 0;
}

/* A value that parse reads into a whole number and format writes back in
 * its canonical spelling (at most 7 bytes), or msg naming the field. */
static int canonical(struct form *f, const char *name, const char *v, struct err *e,
		     int (*parse)(const char *, int *, struct err *), void (*format)(int, char *),
		     const char *msg)
{
	char buf[8];
	int x;

	if (parse(v, &x, NULL) < 0)
		return err_field(e, name, "%s", msg);
	format(x, buf);
	form_set(f, name, buf);
	return 0;
}

int formcheck_temp(void *ctx, struct form *f, const char *name, const char *v, struct err *e)
{
	(void)ctx;
	return canonical(f, name, v, e, temperature_parse, temperature_format,
			 _("temperature: 34.0 to 43.0 °C, typed as 365, 36.5 or 37"));
}

int formcheck_time(void *ctx, struct form *f, const char *name, const char *v, struct err *e)
{
	(void)ctx;
	return canonical(f, name, v, e, clock_time_parse, clock_time_format,
			 _("a time is HH:MM, e.g. 08:00 (or 8, 800)"));
}

int formcheck_file_name(void *ctx, struct form *f, const char *name, const char *v, struct err *e)
{
	(void)ctx;
	(void)f;
	if (v[strlen(v) - 1] == '/')
		return err_field(e, name, "%s", _("a file name, not a folder"));
	return 0;
}
