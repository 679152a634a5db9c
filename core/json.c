/* json: writing audit-log JSON; see json.h. */
#include "core/json.h"

void json_quote(struct strbuf *b, const char *v)
{
	if (!v) {
		strbuf_puts(b, "null");
		return;
	}
	strbuf_putc(b, '"');
	for (; *v; v++) {
		unsigned char c = (unsigned char)*v;

		if (c == '"' || c == '\\') {
			strbuf_putc(b, '\\');
			strbuf_putc(b, (char)c);
		} else if (c < 0x20) {
			strbuf_printf(b, "\\u%04x", c);
		} else {
			strbuf_putc(b, (char)c);
		}
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
