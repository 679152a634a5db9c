/* libFuzzer harness of the line editor (core/lineedit) driven by key
 * sequences: each input byte picks a key (a character from a set that mixes
 * ASCII, Chinese, wide and zero-width characters, controls and invalid code
 * points; Backspace, Delete, the moves, Ctrl-U/K/W; a paste of UTF-8; a
 * redraw at some width), against a plain model of the text and cursor.
 * Invariants: the buffer is the model, never holds a control character nor
 * more than max characters, get/set UTF-8 round-trips, and a view fits its
 * width, shows the cursor, and its columns add up. */
#include <locale.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include <wctype.h>

#include "core/lineedit.h"
#include "core/textwidth.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define MODEL_MAX 4096

static const wchar_t chars[] = {
    L'a',    L'Z',	L'5',	L' ',	 L'\t',	   L'\n',   L'\r',   0x1b,   0x7f,  0x85,
    0x9b,    L'张',	L'三',	0x3000,	 0xFF11,   0x0301,  0x200B,  0x200E, 0x202E, 0xFEFF,
    0x1F600, 0x20000, 0xD800, 0x10FFFF, 0x110000, 0xFFFD, L'·',   L'長', L'-',   L'x',
};
#define NCHARS (sizeof chars / sizeof chars[0])

struct model {
	wchar_t t[MODEL_MAX];
	size_t len, cursor;
	int set_whole; /* a value was set whole: it may exceed max (never cut) */
};

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	setlocale(LC_CTYPE, "C.UTF-8");
	return 0;
}

static void check(const struct lineedit *le, const struct model *m)
{
	if (le->len != m->len || le->cursor != m->cursor || le->buf[le->len] != L'\0' ||
	    wmemcmp(le->buf, m->t, m->len) != 0)
		abort();
	/* Typing stops at max; a value set whole (an older, longer one) is kept
	 * whole and refused on save instead. */
	if (le->max && le->len > le->max && !m->set_whole)
		abort();
	for (size_t i = 0; i < le->len; i++)
		if (le->buf[i] == 0 || iswcntrl((wint_t)le->buf[i]))
			abort();
}

static void sync(const struct lineedit *le, struct model *m)
{
	if (le->len > MODEL_MAX)
		abort();
	wmemcpy(m->t, le->buf, le->len);
	m->len = le->len;
	m->cursor = le->cursor;
}

static void view(struct lineedit *le, int width)
{
	struct lineedit_view v;
	int cols = 0;

	lineedit_view(le, width, &v);
	if (width < 1)
		width = 1;
	if (v.first + v.count > le->len || v.cols > width || v.cols < 0 || v.cursor_col < 0 ||
	    v.cursor_col >= width)
		abort();
	for (size_t i = v.first; i < v.first + v.count; i++)
		cols += textwidth_wchar(le->buf[i]);
	if (cols != v.cols || le->cursor < v.first || le->cursor > v.first + v.count)
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct model m;
	struct lineedit le;
	size_t max = size ? data[0] % 40 : 0; /* 0: no limit */

	lineedit_init(&le, max);
	memset(&m, 0, sizeof m);
	for (size_t i = 1; i < size && m.len < MODEL_MAX - 1; i++) {
		uint8_t op = data[i];

		if (op < 0x80) { /* a character */
			wchar_t c = chars[op % NCHARS];
			int r = lineedit_insert(&le, c);

			if (r) {
				if (c == 0 || iswcntrl((wint_t)c) || c > 0x10FFFF ||
				    (c >= 0xD800 && c <= 0xDFFF) || (max && m.len >= max))
					abort();
				wmemmove(m.t + m.cursor + 1, m.t + m.cursor, m.len - m.cursor);
				m.t[m.cursor++] = c;
				m.len++;
			}
		} else if (op < 0x88) {
			size_t before = m.cursor;

			switch (op) {
			case 0x80:
				if (lineedit_backspace(&le) != (m.cursor > 0))
					abort();
				if (m.cursor) {
					wmemmove(m.t + m.cursor - 1, m.t + m.cursor, m.len - m.cursor);
					m.cursor--, m.len--;
				}
				break;
			case 0x81:
				if (lineedit_delete(&le) != (m.cursor < m.len))
					abort();
				if (m.cursor < m.len) {
					wmemmove(m.t + m.cursor, m.t + m.cursor + 1, m.len - m.cursor - 1);
					m.len--;
				}
				break;
			case 0x82:
				if (lineedit_left(&le) != (before > 0))
					abort();
				m.cursor -= before > 0;
				break;
			case 0x83:
				if (lineedit_right(&le) != (before < m.len))
					abort();
				m.cursor += before < m.len;
				break;
			case 0x84:
				lineedit_home(&le);
				m.cursor = 0;
				break;
			case 0x85:
				lineedit_end(&le);
				m.cursor = m.len;
				break;
			case 0x86:
				lineedit_kill_to_start(&le);
				wmemmove(m.t, m.t + m.cursor, m.len - m.cursor);
				m.len -= m.cursor;
				m.cursor = 0;
				break;
			case 0x87:
				lineedit_kill_to_end(&le);
				m.len = m.cursor;
				break;
			}
		} else if (op == 0x88) { /* Ctrl-W: a prefix before the cursor goes */
			size_t after = m.len - m.cursor;

			lineedit_kill_word(&le);
			if (le.len - le.cursor != after || le.cursor > m.cursor ||
			    wmemcmp(le.buf, m.t, le.cursor) != 0 ||
			    wmemcmp(le.buf + le.cursor, m.t + m.cursor, after) != 0)
				abort();
			sync(&le, &m);
		} else if (op == 0x89 && i + 1 < size) { /* a paste of UTF-8 bytes */
			size_t n = data[i + 1] % 64, avail = size - i - 2;
			char *s;

			n = n < avail ? n : avail;
			s = malloc(n + 1);
			memcpy(s, data + i + 2, n);
			s[n] = '\0';
			lineedit_set_utf8(&le, s);
			free(s);
			m.set_whole = 1;
			if (le.cursor != le.len)
				abort();
			sync(&le, &m);
			i += 1 + n;
		} else if (op >= 0xC0) {
			view(&le, op - 0xC0);
		}
		check(&le, &m);
	}
	{ /* the text as UTF-8 and back */
		char *u = lineedit_get_utf8(&le);
		struct lineedit back;

		lineedit_init(&back, max);
		lineedit_set_utf8(&back, u);
		if (back.len != le.len || wmemcmp(back.buf, le.buf, le.len) != 0) {
			fprintf(stderr, "\"%s\" read back as %zu characters, was %zu:", u,
				back.len, le.len);
			for (size_t i = 0; i < le.len; i++)
				fprintf(stderr, " %#x", (unsigned)le.buf[i]);
			fprintf(stderr, "\n");
			abort();
		}
		lineedit_free(&back);
		free(u);
	}
	lineedit_free(&le);
	return 0;
}
