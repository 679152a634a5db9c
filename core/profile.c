/* profile: parsing export profiles; see profile.h.
 *
 * One pass over the lines; columns are resolved against the dataset at the
 * end, so that [columns] may come before [profile], and each keeps its line
 * for the message. */
#include "core/profile.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/clock.h"
#include "core/date.h"
#include "core/i18n.h"
#include "core/xalloc.h"

#define PROFILE_MAX_BYTES (1024 * 1024)

enum section { SEC_NONE, SEC_PROFILE, SEC_COLUMNS };

struct pending_column {
	char *name, *title;
	long line;
};

static int is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r';
}

/* Trims s[0..*n) in place: returns the new start, updates *n. */
static char *trim(char *s, size_t *n)
{
	while (*n > 0 && is_space(*s))
		s++, (*n)--;
	while (*n > 0 && is_space(s[*n - 1]))
		(*n)--;
	s[*n] = '\0';
	return s;
}

/* Cuts a comment that starts after whitespace (or at the start). */
static void cut_comment(char *s, size_t *n)
{
	for (size_t i = 0; i < *n; i++) {
		if ((s[i] == ';' || s[i] == '#') && (i == 0 || is_space(s[i - 1]))) {
			*n = i;
			return;
		}
	}
}

/* A key that takes one of two words: *out becomes 1 for yes, 0 for no.
 * Returns 0, or -1 for any other value (*out unchanged). */
static int two_way(const char *val, const char *yes, const char *no, int *out)
{
	if (strcmp(val, yes) && strcmp(val, no))
		return -1;
	*out = !strcmp(val, yes);
	return 0;
}

static int line_err(struct err *e, long line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static int line_err(struct err *e, long line, const char *fmt, ...)
{
	char msg[ERR_MSG_MAX];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	err_set(e, "%s", msg);
	if (e)
		e->line = line;
	return -1;
}

static int non_ascii(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s >= 0x80)
			return 1;
	return 0;
}

static int set_profile_key(struct profile *p, const char *key, const char *val, long line,
			   int *labels_set, struct err *e)
{
	struct date today, d;
	struct err de;

	err_clear(&de);
	if (!strcmp(key, "title")) {
		free(p->title);
		p->title = *val ? xstrdup(val) : NULL;
	} else if (!strcmp(key, "dataset")) {
		p->dataset = export_dataset_find(val);
		if (!p->dataset)
			return line_err(e, line,
					_("unknown dataset \"%s\": use households, residents, "
					  "visits, readings, isolations, checks, donations, "
					  "distributions, shifts, pass_events, followups, visitors or daily"),
					val);
	} else if (!strcmp(key, "encoding")) {
		if (csvout_encoding_parse(val, &p->encoding, e) < 0) {
			e->line = line;
			return -1;
		}
		p->has_encoding = 1;
	} else if (!strcmp(key, "from") || !strcmp(key, "to")) {
		char **slot = key[0] == 'f' ? &p->from : &p->to;

		clock_today(&today);
		if (*val && date_parse_input(val, &today, &d, &de) < 0)
			return line_err(e, line, "%s: %s", key, de.msg);
		free(*slot);
		*slot = *val ? xstrdup(val) : NULL;
	} else if (!strcmp(key, "ids")) {
		if (two_way(val, "full", "masked", &p->full_ids) < 0)
			return line_err(e, line, _("ids: \"%s\" is neither masked nor full"), val);
	} else if (!strcmp(key, "format")) {
		if (export_format_parse(val, &p->format, e) < 0)
			return line_err(e, line, "%s", e->msg);
		p->has_format = 1;
	} else if (!strcmp(key, "labels")) {
		if (two_way(val, "zh", "codes", &p->zh_labels) < 0)
			return line_err(e, line, _("labels: \"%s\" is neither zh nor codes"), val);
		*labels_set = 1;
	} else {
		return line_err(e, line,
				_("unknown key \"%s\" in [profile]: use title, dataset, format, "
				  "encoding, from, to, ids or labels"),
				key);
	}
	return 0;
}

/* Resolves the pending columns against the dataset. */
static int resolve_columns(struct profile *p, struct pending_column *pc, int npc,
			   int labels_set, struct err *e)
{
	int any_zh = 0;

	if (!p->dataset) {
		e->line = 0;
		return err_set(
		    e, _("the profile names no dataset: add `dataset = ...` under [profile]"));
	}
	if (npc == 0) {
		e->line = 0;
		return err_set(e, _("the profile lists no columns: add a [columns] section"));
	}
	p->cols = xcalloc((size_t)npc, sizeof *p->cols);
	for (int i = 0; i < npc; i++) {
		int idx = export_column_find(p->dataset, pc[i].name);

		if (idx < 0)
			return line_err(e, pc[i].line, _("unknown column \"%s\" in dataset %s"),
					pc[i].name, p->dataset->name);
		p->cols[i].index = idx;
		p->cols[i].title = xstrdup(*pc[i].title ? pc[i].title : p->dataset->cols[idx].zh);
		p->ncols = i + 1;
		any_zh |= non_ascii(p->cols[i].title);
	}
	if (!labels_set)
		p->zh_labels = any_zh;
	return 0;
}

int profile_parse(const char *text, size_t n, struct profile **out, struct err *e)
{
	struct profile *p = xcalloc(1, sizeof *p);
	struct pending_column *pc = NULL;
	int npc = 0, labels_set = 0, r = -1;
	enum section sec = SEC_NONE;
	char *buf = xmalloc(n + 1);
	char *line = buf;
	long lineno = 0;

	*out = NULL;
	memcpy(buf, text, n);
	buf[n] = '\0';
	if (n >= 3 && !memcmp(buf, "\xEF\xBB\xBF", 3))
		line += 3;
	while (line <= buf + n) {
		char *nl = memchr(line, '\n', (size_t)(buf + n - line));
		size_t len = nl ? (size_t)(nl - line) : (size_t)(buf + n - line);
		char *s, *eq, *key, *val;
		size_t kn, vn;

		lineno++;
		if (memchr(line, '\0', len)) {
			line_err(e, lineno, _("a NUL byte: this is not a text file"));
			goto out;
		}
		cut_comment(line, &len);
		s = trim(line, &len);
		line = nl ? nl + 1 : buf + n + 1;
		if (len == 0)
			continue;
		if (s[0] == '[') {
			if (s[len - 1] != ']') {
				line_err(e, lineno, _("\"%s\": a section ends with ]"), s);
				goto out;
			}
			if (!strcmp(s, "[profile]")) {
				sec = SEC_PROFILE;
			} else if (!strcmp(s, "[columns]")) {
				sec = SEC_COLUMNS;
			} else {
				line_err(e, lineno,
					 _("unknown section %s: use [profile] or [columns]"), s);
				goto out;
			}
			continue;
		}
		eq = strchr(s, '=');
		if (!eq) {
			line_err(e, lineno, _("\"%s\": expected key = value"), s);
			goto out;
		}
		kn = (size_t)(eq - s);
		key = trim(s, &kn);
		vn = len - (size_t)(eq + 1 - s);
		val = trim(eq + 1, &vn);
		if (kn == 0) {
			line_err(e, lineno, _("\"= %s\": the key is missing"), val);
			goto out;
		}
		if (sec == SEC_NONE) {
			line_err(e, lineno,
				 _("\"%s\" comes before any section: start with [profile]"), key);
			goto out;
		}
		if (sec == SEC_PROFILE) {
			if (set_profile_key(p, key, val, lineno, &labels_set, e) < 0)
				goto out;
			continue;
		}
		pc = xrealloc(pc, (size_t)(npc + 1) * sizeof *pc);
		pc[npc].name = xstrdup(key);
		pc[npc].title = xstrdup(val);
		pc[npc].line = lineno;
		npc++;
	}
	if (resolve_columns(p, pc, npc, labels_set, e) < 0)
		goto out;
	*out = p;
	p = NULL;
	r = 0;
out:
	for (int i = 0; i < npc; i++) {
		free(pc[i].name);
		free(pc[i].title);
	}
	free(pc);
	free(buf);
	profile_free(&p);
	return r;
}

int profile_load(const char *path, struct profile **out, struct err *e)
{
	FILE *f = fopen(path, "rb");
	char *text = NULL;
	size_t n = 0, cap = 0;
	int r;

	*out = NULL;
	if (!f)
		return err_set(e, _("cannot read the profile %s: %s"), path, strerror(errno));
	for (;;) {
		size_t got;

		XGROW(text, cap, n + 4096, 8192);
		got = fread(text + n, 1, cap - n, f);
		n += got;
		if (got == 0)
			break;
		if (n > PROFILE_MAX_BYTES) {
			fclose(f);
			free(text);
			return err_set(e, _("the profile %s is too large to be a profile"), path);
		}
	}
	if (ferror(f)) {
		fclose(f);
		free(text);
		return err_set(e, _("cannot read the profile %s"), path);
	}
	fclose(f);
	r = profile_parse(text ? text : "", n, out, e);
	free(text);
	return r;
}

void profile_free(struct profile **pp)
{
	struct profile *p = *pp;

	if (!p)
		return;
	for (int i = 0; i < p->ncols; i++)
		free(p->cols[i].title);
	free(p->cols);
	free(p->title);
	free(p->from);
	free(p->to);
	free(p);
	*pp = NULL;
}
