/* lineedit: editing and horizontal scrolling of a one-line field; see
 * lineedit.h. */
#include "core/lineedit.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <wctype.h>

#include "core/strbuf.h"
#include "core/textsafe.h"
#include "core/textwidth.h"
#include "core/utf8.h"
#include "core/xalloc.h"

/* A control character as core/textsafe defines it: C0, C1 and the line and
 * paragraph separators U+2028/U+2029 (line breaks a one-line field cannot
 * hold).  Bidi and invisible characters are kept, and the form names them
 * when it refuses the value on save. */
static int is_control(wchar_t c)
{
	return c >= 0 && c <= 0x10FFFF && textsafe_kind((uint32_t)c) == TEXTSAFE_CONTROL;
}

/* A control character the field does not take (a multi-line one takes the
 * line break). */
static int refused(const struct lineedit *le, wchar_t c)
{
	return is_control(c) && !(le->multiline && c == L'\n');
}

static void reserve(struct lineedit *le, size_t chars)
{
	XGROW(le->buf, le->cap, chars + 1, 16);
}

void lineedit_init(struct lineedit *le, size_t max)
{
	le->cap = 16;
	le->buf = xmalloc(le->cap * sizeof(*le->buf));
	le->buf[0] = L'\0';
	le->len = 0;
	le->cursor = 0;
	le->max = max;
	le->scroll = 0;
	le->multiline = 0;
}

void lineedit_free(struct lineedit *le)
{
	free(le->buf);
	le->buf = NULL;
	le->len = le->cap = le->cursor = 0;
	le->scroll = 0;
}

void lineedit_set_utf8(struct lineedit *le, const char *s)
{
	uint32_t cp;

	le->len = 0;
	while (s && *s) {
		s += utf8_decode(s, &cp);
		reserve(le, le->len + 1);
		le->buf[le->len++] = refused(le, (wchar_t)cp) ? L' ' : (wchar_t)cp;
	}
	le->buf[le->len] = L'\0';
	le->cursor = le->len;
	le->scroll = 0;
}

char *lineedit_get_utf8(const struct lineedit *le)
{
	struct strbuf b = STRBUF_INIT;
	char enc[4];
	size_t i;

	for (i = 0; i < le->len; i++)
		strbuf_add(&b, enc, utf8_encode((uint32_t)le->buf[i], enc));
	return strbuf_detach(&b);
}

int lineedit_insert(struct lineedit *le, wchar_t c)
{
	if (refused(le, c) || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF) ||
	    (le->max && le->len >= le->max))
		return 0; /* no surrogate or code point past Unicode: UTF-8 cannot hold them */
	reserve(le, le->len + 1);
	memmove(le->buf + le->cursor + 1, le->buf + le->cursor,
		(le->len - le->cursor + 1) * sizeof(*le->buf));
	le->buf[le->cursor++] = c;
	le->len++;
	return 1;
}

int lineedit_paste(struct lineedit *le, const wchar_t *s, size_t n)
{
	size_t keep = 0, k;

	for (k = 0; k < n; k++)
		keep += s[k] == L'\n' || s[k] == L'\t' || !is_control(s[k]);
	if (le->max && le->len + keep > le->max)
		return -1;
	for (k = 0; k < n; k++) {
		wchar_t c = s[k] == L'\t' || (s[k] == L'\n' && !le->multiline) ? L' ' : s[k];

		if (!refused(le, c))
			lineedit_insert(le, c);
	}
	return (int)keep;
}

/* Deletes characters from .. to-1 and puts the cursor at from. */
static int erase(struct lineedit *le, size_t from, size_t to)
{
	if (from >= to)
		return 0;
	memmove(le->buf + from, le->buf + to, (le->len - to + 1) * sizeof(*le->buf));
	le->len -= to - from;
	le->cursor = from;
	return 1;
}

int lineedit_backspace(struct lineedit *le)
{
	return le->cursor > 0 ? erase(le, le->cursor - 1, le->cursor) : 0;
}

int lineedit_delete(struct lineedit *le)
{
	return le->cursor < le->len ? erase(le, le->cursor, le->cursor + 1) : 0;
}

static int move_to(struct lineedit *le, size_t pos)
{
	if (pos == le->cursor)
		return 0;
	le->cursor = pos;
	return 1;
}

int lineedit_left(struct lineedit *le)
{
	return le->cursor > 0 ? move_to(le, le->cursor - 1) : 0;
}

int lineedit_right(struct lineedit *le)
{
	return le->cursor < le->len ? move_to(le, le->cursor + 1) : 0;
}

int lineedit_home(struct lineedit *le)
{
	return move_to(le, 0);
}

int lineedit_end(struct lineedit *le)
{
	return move_to(le, le->len);
}

int lineedit_kill_to_start(struct lineedit *le)
{
	return erase(le, 0, le->cursor);
}

int lineedit_kill_to_end(struct lineedit *le)
{
	if (le->cursor >= le->len)
		return 0;
	le->len = le->cursor;
	le->buf[le->len] = L'\0';
	return 1;
}

int lineedit_kill_word(struct lineedit *le)
{
	size_t from = le->cursor;

	while (from > 0 && iswspace((wint_t)le->buf[from - 1]))
		from--;
	while (from > 0 && !iswspace((wint_t)le->buf[from - 1]))
		from--;
	return erase(le, from, le->cursor);
}

void lineedit_view(struct lineedit *le, int width, struct lineedit_view *v)
{
	size_t i, first;
	int col, cursor_col = 0, cursor_w, total, scroll;

	if (width < 1)
		width = 1;
	/* Columns of the text and of the cursor, from the start of the text. */
	for (i = 0, col = 0; i < le->len; i++) {
		if (i == le->cursor)
			cursor_col = col;
		col += textwidth_wchar(le->buf[i]);
	}
	total = col;
	if (le->cursor >= le->len)
		cursor_col = total;
	cursor_w = le->cursor < le->len ? textwidth_wchar(le->buf[le->cursor]) : 1;
	if (cursor_w < 1)
		cursor_w = 1; /* a combining mark still needs a cell for the cursor */

	scroll = le->scroll;
	/* The text got shorter: show as much of it as fits. */
	if (scroll > total + 1 - width)
		scroll = total + 1 - width;
	if (scroll > cursor_col)
		scroll = cursor_col;
	if (cursor_col + cursor_w > scroll + width)
		scroll = cursor_col + cursor_w - width;
	if (scroll < 0)
		scroll = 0;
	/* Round up to the start of a character (never past the cursor, which
	 * starts one): a wide character is never cut at the left edge. */
	for (first = 0, col = 0; first < le->len && col < scroll; first++)
		col += textwidth_wchar(le->buf[first]);
	if (col > cursor_col) {
		/* Only when the cursor's own character is wider than the field. */
		col = cursor_col;
		first = le->cursor;
	}
	le->scroll = col;

	v->first = first;
	v->cursor_col = cursor_col - col;
	if (v->cursor_col > width - 1)
		v->cursor_col = width - 1;
	v->cols = 0;
	for (i = first; i < le->len; i++) {
		int w = textwidth_wchar(le->buf[i]);

		if (v->cols + w > width)
			break;
		v->cols += w;
	}
	v->count = i - first;
}
