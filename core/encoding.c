/* encoding: detection and iconv conversion of CSV text; see encoding.h. */
#include "core/encoding.h"

#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/i18n.h"
#include "core/xalloc.h"

int encoding_parse_name(const char *name, enum encoding *out, struct err *e)
{
	static const struct {
		const char *name;
		enum encoding enc;
	} names[] = {
	    {"auto", ENCODING_AUTO},	      {"utf8", ENCODING_UTF8},
	    {"utf-8", ENCODING_UTF8},	      {"utf8-bom", ENCODING_UTF8_BOM},
	    {"utf-8-bom", ENCODING_UTF8_BOM}, {"gb18030", ENCODING_GB18030},
	    {"gbk", ENCODING_GB18030},	      {"gb2312", ENCODING_GB18030},
	    {"cp936", ENCODING_GB18030},
	};

	for (size_t i = 0; name && i < sizeof names / sizeof names[0]; i++) {
		if (!strcasecmp(name, names[i].name)) {
			*out = names[i].enc;
			return 0;
		}
	}
	return err_set(e, _("unknown encoding \"%s\" (use auto, utf8, utf8-bom or gb18030)"),
		       name ? name : "");
}

const char *encoding_name(enum encoding enc)
{
	switch (enc) {
	case ENCODING_AUTO:
		return "auto";
	case ENCODING_UTF8:
		return "utf8";
	case ENCODING_UTF8_BOM:
		return "utf8-bom";
	case ENCODING_GB18030:
		return "gb18030";
	}
	return "?";
}

size_t encoding_utf8_valid_prefix(const char *str, size_t n)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0;

	while (i < n) {
		unsigned c = s[i];

		if (c >= 0x01 && c < 0x80) {
			i++;
			continue;
		}
		if (c == 0)
			return i;
		size_t len;
		unsigned min, cp;

		if (c >= 0xc2 && c <= 0xdf) {
			len = 2, min = 0x80, cp = c & 0x1f;
		} else if (c >= 0xe0 && c <= 0xef) {
			len = 3, min = 0x800, cp = c & 0x0f;
		} else if (c >= 0xf0 && c <= 0xf4) {
			len = 4, min = 0x10000, cp = c & 0x07;
		} else {
			return i;
		}
		if (n - i < len)
			return i;
		for (size_t k = 1; k < len; k++) {
			if ((s[i + k] & 0xc0) != 0x80)
				return i;
			cp = (cp << 6) | (s[i + k] & 0x3f);
		}
		if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
			return i;
		i += len;
	}
	return n;
}

long encoding_line_at(const char *s, size_t off)
{
	long line = 1;
	const char *p = s, *end = s + off;

	while ((p = memchr(p, '\n', (size_t)(end - p))) != NULL) {
		line++;
		p++;
	}
	return line;
}

static int looks_utf16(const unsigned char *s, size_t n)
{
	return n >= 2 && ((s[0] == 0xff && s[1] == 0xfe) || (s[0] == 0xfe && s[1] == 0xff));
}

/* iconv from one charset to another over the whole buffer.  On a bad byte,
 * *bad_off is its offset in the input and -1 is returned. */
static int convert(const char *from, const char *to, const char *in, size_t n, char **out,
		   size_t *out_len, size_t *bad_off)
{
	iconv_t cd = iconv_open(to, from);
	size_t cap = n + n / 2 + 16, used = 0;
	char *buf, *ip = (char *)in;
	size_t left = n;

	if (cd == (iconv_t)-1) {
		*bad_off = (size_t)-1;
		return -1;
	}
	buf = xmalloc(cap);
	for (;;) {
		char *op = buf + used;
		size_t room = cap - used - 1;
		size_t r = iconv(cd, &ip, &left, &op, &room);

		used = (size_t)(op - buf);
		if (r != (size_t)-1)
			break;
		if (errno == E2BIG) {
			cap *= 2;
			buf = xrealloc(buf, cap);
			continue;
		}
		/* EILSEQ, or EINVAL: a sequence cut short at the end of the file. */
		*bad_off = (size_t)(ip - in);
		iconv_close(cd);
		free(buf);
		return -1;
	}
	iconv_close(cd);
	buf[used] = '\0';
	*out = buf;
	*out_len = used;
	return 0;
}

int encoding_to_utf8(const char *in, size_t n, enum encoding want, char **out, size_t *out_len,
		     enum encoding *found, struct err *e)
{
	const unsigned char *u = (const unsigned char *)in;
	size_t valid, bad;

	*out = NULL;
	*out_len = 0;
	if (looks_utf16(u, n)) {
		e->line = 1;
		return err_set(e, _("the file is UTF-16 (Excel's \"Unicode text\"); save it as "
				    "\"CSV UTF-8\" or plain \"CSV\" instead"));
	}
	if (want != ENCODING_GB18030 && n >= 3 && u[0] == 0xef && u[1] == 0xbb && u[2] == 0xbf) {
		in += 3;
		n -= 3;
		want = ENCODING_UTF8;
	}
	if (want != ENCODING_GB18030) {
		valid = encoding_utf8_valid_prefix(in, n);
		if (valid == n) {
			*out = xstrndup(in, n);
			*out_len = n;
			if (found)
				*found = ENCODING_UTF8;
			return 0;
		}
		if (want == ENCODING_UTF8 || want == ENCODING_UTF8_BOM) {
			e->line = encoding_line_at(in, valid);
			if (in[valid] == '\0')
				return err_set(e, _("a NUL byte: this is not a text file"));
			return err_set(e,
				       _("invalid UTF-8 (byte 0x%02X); is the file GB18030? "
					 "(try --encoding gb18030)"),
				       (unsigned char)in[valid]);
		}
	}
	/* A NUL byte converts without complaint in iconv; refuse it first. */
	const char *nul = memchr(in, '\0', n);

	if (nul) {
		e->line = encoding_line_at(in, (size_t)(nul - in));
		return err_set(e, _("a NUL byte: this is not a text file"));
	}
	if (convert("GB18030", "UTF-8", in, n, out, out_len, &bad) < 0) {
		if (bad == (size_t)-1)
			return err_set(e, _("this system's iconv cannot read GB18030"));
		if (want == ENCODING_AUTO) {
			/* Name the byte that the likelier reading stumbled on: the one
			 * that got further into the file. */
			valid = encoding_utf8_valid_prefix(in, n);
			if (valid > bad)
				bad = valid;
			e->line = encoding_line_at(in, bad);
			return err_set(e,
				       _("invalid byte 0x%02X: the text is neither UTF-8 nor "
					 "GB18030"),
				       (unsigned char)in[bad]);
		}
		e->line = encoding_line_at(in, bad);
		return err_set(e, _("invalid GB18030 (byte 0x%02X)"), (unsigned char)in[bad]);
	}
	if (found)
		*found = ENCODING_GB18030;
	return 0;
}

int encoding_from_utf8(const char *in, size_t n, enum encoding to, char **out, size_t *out_len,
		       struct err *e)
{
	size_t valid = encoding_utf8_valid_prefix(in, n), bad;

	*out = NULL;
	*out_len = 0;
	if (valid != n) {
		e->line = encoding_line_at(in, valid);
		return err_set(e, _("invalid UTF-8 text (byte 0x%02X)"), (unsigned char)in[valid]);
	}
	if (to == ENCODING_GB18030) {
		if (convert("UTF-8", "GB18030", in, n, out, out_len, &bad) < 0) {
			if (bad == (size_t)-1)
				return err_set(e, _("this system's iconv cannot write GB18030"));
			e->line = encoding_line_at(in, bad);
			return err_set(e, _("text that GB18030 cannot hold"));
		}
		return 0;
	}
	size_t pre = to == ENCODING_UTF8_BOM ? 3 : 0;
	char *buf = xmalloc(pre + n + 1);

	memcpy(buf, "\xef\xbb\xbf", pre);
	memcpy(buf + pre, in, n);
	buf[pre + n] = '\0';
	*out = buf;
	*out_len = pre + n;
	return 0;
}
