/* mask: hiding the middle of ID and phone numbers; see mask.h. */
#include "core/mask.h"

#include <stdlib.h>
#include <string.h>

#include "core/phone.h"
#include "core/strbuf.h"
#include "core/utf8.h"

/* Appends the bytes s[0..len) to out at *o, keeping room for the NUL and never
 * cutting a UTF-8 character. */
static void add(char *out, size_t n, size_t *o, const char *s, size_t len)
{
	size_t k = 0;

	while (k < len) {
		size_t cl = 1;

		while (k + cl < len && ((unsigned char)s[k + cl] & 0xC0) == 0x80)
			cl++;
		if (*o + cl + 1 > n)
			return;
		memcpy(out + *o, s + k, cl);
		*o += cl;
		k += cl;
	}
}

static void add_stars(char *out, size_t n, size_t *o, size_t count)
{
	while (count-- > 0)
		add(out, n, o, "*", 1);
}

/* Byte offset of the character number `idx` (0-based) of s. */
static size_t char_offset(const char *s, size_t idx)
{
	size_t b = 0;

	while (s[b] && idx > 0) {
		b++;
		while (((unsigned char)s[b] & 0xC0) == 0x80)
			b++;
		idx--;
	}
	return b;
}

/* Keeps `head` characters, stars for the middle, `tail` characters. */
static void keep(const char *s, size_t head, size_t tail, char *out, size_t n)
{
	size_t len = utf8_chars(s), o = 0, hb, tb;

	if (head + tail > len)
		head = tail = 0;
	hb = char_offset(s, head);
	tb = char_offset(s, len - tail);
	add(out, n, &o, s, hb);
	add_stars(out, n, &o, len - head - tail);
	add(out, n, &o, s + tb, strlen(s + tb));
	out[o] = '\0';
}

/* At most a third visible, and never more than a mobile number shows (3 at
 * the start, 4 at the end): a long free-form value cannot show a whole number
 * it holds at its start or end. */
static void keep_third(const char *s, char *out, size_t n)
{
	size_t visible = utf8_chars(s) / 3, head = visible / 2, tail = visible - head;

	keep(s, head > 3 ? 3 : head, tail > 4 ? 4 : tail, out, n);
}

void mask_id(const char *id, char *out, size_t n)
{
	if (n == 0)
		return;
	out[0] = '\0';
	if (!id)
		return;
	if (utf8_chars(id) >= 15)
		keep(id, 6, 4, out, n);
	else
		keep_third(id, out, n);
}

void mask_phone(const char *phone, char *out, size_t n)
{
	const char *dash, *ext;
	size_t o = 0, local;

	if (n == 0)
		return;
	out[0] = '\0';
	if (!phone)
		return;
	if (phone_is_mobile(phone)) {
		keep(phone, 3, 4, out, n);
		return;
	}
	if (phone[0] == '+' && strlen(phone) >= 9 &&
	    strspn(phone + 1, "0123456789 ") == strlen(phone + 1)) {
		/* abroad: "+49****4567", as wide as a masked mobile whatever the
		 * number's length; a short number shows 2 at the end, not 4 */
		size_t len = strlen(phone), tail = len >= 13 ? 4 : 2;

		add(out, n, &o, phone, 3);
		add_stars(out, n, &o, 8 - tail);
		add(out, n, &o, phone + len - tail, tail);
		out[o] = '\0';
		return;
	}
	dash = strchr(phone, '-');
	if (phone[0] != '0' || !dash || dash - phone < 3 || dash - phone > 4) {
		keep_third(phone, out, n);
		return;
	}
	ext = strchr(dash + 1, '-');
	local = ext ? (size_t)(ext - dash - 1) : strlen(dash + 1);
	if (local < 7 || local > 8 || strspn(dash + 1, "0123456789") != local) {
		keep_third(phone, out, n);
		return;
	}
	add(out, n, &o, phone, (size_t)(dash - phone) + 1);
	add_stars(out, n, &o, 4);
	add(out, n, &o, dash + 1 + 4, local - 4);
	if (ext)
		add(out, n, &o, ext, strlen(ext));
	out[o] = '\0';
}

mask_fn mask_for_field(const char *field)
{
	if (!strcmp(field, "id_number"))
		return mask_id;
	if (!strcmp(field, "phone") || !strcmp(field, "household_phone"))
		return mask_phone;
	return NULL;
}

void mask_append(mask_fn fn, const char *value, struct strbuf *out)
{
	size_t n = value ? strlen(value) + 1 : 0; /* a mask is never longer */
	char *masked;

	if (n <= 1)
		return;
	masked = malloc(n);
	if (!masked) { /* shows nothing rather than the number */
		strbuf_puts(out, "***");
		return;
	}
	fn(value, masked, n);
	strbuf_puts(out, masked);
	free(masked);
}
