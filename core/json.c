/* json: writing audit-log JSON; see json.h. */
#include "core/json.h"

void json_quote(struct strbuf *b, const char *v)
{
	if (!v) {
		strbuf_puts(b, "null");
		return;
	}
	strbuf_putc(b, '"');
	while (*v) {
		/* A run that needs no escape goes in at once (audit rows of an
		 * import: a hundred thousand of them). */
		size_t n = 0;
		unsigned char c;

		while ((c = (unsigned char)v[n]) && c != '"' && c != '\\' && c >= 0x20)
			n++;
		strbuf_add(b, v, n);
		v += n;
		if (!c)
			break;
		if (c < 0x20) {
			strbuf_printf(b, "\\u%04x", c);
		} else {
			strbuf_putc(b, '\\');
			strbuf_putc(b, (char)c);
		}
		v++;
	}
	strbuf_putc(b, '"');
}

void json_open(struct strbuf *b)
{
	strbuf_putc(b, '{');
}

void json_close(struct strbuf *b)
{
	strbuf_putc(b, '}');
}

static void key(struct strbuf *b, const char *k)
{
	if (b->len > 0 && b->s[b->len - 1] != '{')
		strbuf_putc(b, ',');
	json_quote(b, k);
	strbuf_putc(b, ':');
}

void json_add_str(struct strbuf *b, const char *k, const char *v)
{
	key(b, k);
	json_quote(b, v);
}

void json_add_int(struct strbuf *b, const char *k, long long v)
{
	key(b, k);
	strbuf_printf(b, "%lld", v);
}

void json_add_change(struct strbuf *b, const char *k, const char *old_v, const char *new_v)
{
	key(b, k);
	strbuf_putc(b, '[');
	json_quote(b, old_v);
	strbuf_putc(b, ',');
	json_quote(b, new_v);
	strbuf_putc(b, ']');
}
