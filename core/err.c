/* err: filling struct err; see err.h. */
#include "core/err.h"

#include <stdio.h>
#include <string.h>

void err_clear(struct err *e)
{
	if (e)
		memset(e, 0, sizeof *e);
}

/* A message that did not fit (n bytes wanted) ends with "…" at a character
 * boundary instead of inside a character. */
static void fit_msg(char *msg, size_t size, int n)
{
	size_t end;

	if (n >= 0 && (size_t)n < size)
		return;
	end = size - 4; /* room for "…" and the NUL */
	while (end > 0 && ((unsigned char)msg[end] & 0xC0) == 0x80)
		end--;
	memcpy(msg + end, "\u2026", 4);
}

static void err_vset(struct err *e, const char *fmt, va_list ap)
{
	fit_msg(e->msg, sizeof e->msg, vsnprintf(e->msg, sizeof e->msg, fmt, ap));
}

int err_set(struct err *e, const char *fmt, ...)
{
	va_list ap;

	if (!e)
		return -1;
	va_start(ap, fmt);
	err_vset(e, fmt, ap);
	va_end(ap);
	return -1;
}

int err_field(struct err *e, const char *field, const char *fmt, ...)
{
	va_list ap;

	if (!e)
		return -1;
	snprintf(e->field, sizeof e->field, "%s", field ? field : "");
	va_start(ap, fmt);
	err_vset(e, fmt, ap);
	va_end(ap);
	return -1;
}

void err_prefix(struct err *e, const char *fmt, ...)
{
	char pre[ERR_MSG_MAX];
	char old[ERR_MSG_MAX];
	va_list ap;

	if (!e)
		return;
	va_start(ap, fmt);
	vsnprintf(pre, sizeof pre, fmt, ap);
	va_end(ap);
	memcpy(old, e->msg, sizeof old);
	fit_msg(e->msg, sizeof e->msg, snprintf(e->msg, sizeof e->msg, "%s: %s", pre, old));
}
