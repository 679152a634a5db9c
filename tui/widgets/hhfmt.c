/* hhfmt: display helpers of the household screens; see hhfmt.h. */
#include "tui/widgets/hhfmt.h"

#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/mask.h"
#include "core/xalloc.h"

void hhfmt_enum(const struct enum_entry *table, const char *code, struct strbuf *out)
{
	if (!code || !*code)
		return;
	strbuf_puts(out, model_enum_label(table, code));
}

void hhfmt_codes(const struct enum_entry *table, const char *codes, struct strbuf *out)
{
	char *copy, *p, *tok, *save = NULL;
	const char *seen[32];
	int n = 0;

	if (!codes || !*codes)
		return;
	copy = xstrdup(codes);
	for (p = copy; (tok = strtok_r(p, ",", &save)); p = NULL) {
		int dup = 0;

		for (int i = 0; i < n; i++)
			dup |= !strcmp(seen[i], tok);
		if (dup || n == (int)(sizeof seen / sizeof seen[0]))
			continue;
		if (n)
			strbuf_puts(out, _(", "));
		seen[n++] = tok;
		hhfmt_enum(table, tok, out);
	}
	free(copy);
}

void hhfmt_secret(const char *value, int is_id, int revealed, struct strbuf *out)
{
	if (!value || !*value)
		return;
	if (revealed)
		strbuf_puts(out, value);
	else
		mask_append(is_id ? mask_id : mask_phone, value, out);
}

int hhfmt_revealed(const struct hhfmt_reveals *r, long long id)
{
	for (int i = 0; i < r->n; i++)
		if (r->id[i] == id)
			return 1;
	return 0;
}

void hhfmt_reveal(struct hhfmt_reveals *r, long long id)
{
	if (r->n == HHFMT_REVEAL_MAX) {
		memmove(r->id, r->id + 1, sizeof r->id - sizeof r->id[0]);
		r->n--;
	}
	r->id[r->n++] = id;
}

void hhfmt_temp(int tenths, struct strbuf *out)
{
	if (tenths < 0)
		strbuf_puts(out, "-");
	else
		strbuf_printf(out, "%d.%d", tenths / 10, tenths % 10);
}

/* The tag whose code, English label, Chinese label or translated label is
 * text, or NULL. */
static const struct enum_entry *find_tag(const char *text)
{
	const struct enum_entry *en = model_enum_match(model_tag, text);

	for (const struct enum_entry *t = model_tag; !en && t->code; t++)
		if (!strcmp(_(t->label), text))
			en = t;
	return en;
}

int hhfmt_parse_tags(const char *text, char **codes, char **bad)
{
	static const char *const seps[] = {"、", "，", ",", ";", "；", NULL};
	struct strbuf b = STRBUF_INIT;
	char *copy = xstrdup(text ? text : ""), *p = copy;

	*bad = NULL;
	/* Every separator becomes a comma. */
	for (int i = 0; seps[i]; i++) {
		size_t l = strlen(seps[i]);

		/* past each replacement: "," itself is one of the separators */
		for (char *q = copy; (q = strstr(q, seps[i])); q++) {
			*q = ',';
			memmove(q + 1, q + l, strlen(q + l) + 1);
		}
	}
	while (p && *p) {
		char *end = strchr(p, ','), *s, *t;
		const struct enum_entry *en;

		if (end)
			*end = '\0';
		for (s = p; *s == ' '; s++)
			;
		for (t = s + strlen(s); t > s && t[-1] == ' '; t--)
			;
		*t = '\0';
		if (*s) {
			en = find_tag(s);
			if (!en) {
				*bad = xstrdup(s);
				free(copy);
				strbuf_free(&b);
				*codes = NULL;
				return -1;
			}
			if (!strstr(strbuf_str(&b), en->code)) {
				if (strbuf_str(&b)[0])
					strbuf_putc(&b, ',');
				strbuf_puts(&b, en->code);
			}
		}
		p = end ? end + 1 : NULL;
	}
	free(copy);
	*codes = strbuf_detach(&b);
	return 0;
}
