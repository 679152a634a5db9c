/* draw: UTF-8 text on stdscr by display columns; see draw.h. */
#include "tui/widgets/draw.h"

#include <curses.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/strbuf.h"
#include "core/textwidth.h"
#include "core/utf8.h"
#include "core/xalloc.h"

/* Writes the UTF-8 text s[0..n) as wide characters decoded here, not by
 * the locale: in a GB18030 terminal's locale curses encodes them for it
 * (the multibyte calls would read our UTF-8 as GB18030). */
static void put(int y, int x, const char *s, size_t n, enum theme_role role)
{
	wchar_t small[256], *w = n < 256 ? small : xcalloc(n + 1, sizeof *w);
	size_t k = 0;

	for (size_t i = 0; i < n && s[i];) {
		uint32_t cp;

		i += utf8_decode(s + i, &cp);
		w[k++] = (wchar_t)cp;
	}
	w[k] = L'\0';
	attrset(theme_attr(role));
	mvaddnwstr(y, x, w, (int)k);
	attrset(A_NORMAL);
	if (w != small)
		free(w);
}

int draw_text(int y, int x, int cols, const char *s, enum theme_role role)
{
	char *t;
	int used;

	if (cols <= 0 || !s)
		return 0;
	/* textwidth_fit cleans control characters; cut its result to what s takes */
	used = textwidth_utf8(s);
	if (used > cols)
		used = cols;
	t = textwidth_fit(s, used, 0);
	put(y, x, t, strlen(t), role);
	free(t);
	return used;
}

void draw_fit(int y, int x, int cols, const char *s, enum theme_role role)
{
	char *t;

	if (cols <= 0)
		return;
	t = textwidth_fit(s ? s : "", cols, 1);
	put(y, x, t, strlen(t), role);
	free(t);
}

void draw_fitf(int y, int x, int cols, enum theme_role role, const char *fmt, ...)
{
	va_list ap, ap2;
	char *s;
	int n;

	va_start(ap, fmt);
	va_copy(ap2, ap);
	n = vsnprintf(NULL, 0, fmt, ap);
	s = xmalloc(n < 0 ? 1 : (size_t)n + 1);
	if (n < 0)
		s[0] = '\0';
	else
		vsnprintf(s, (size_t)n + 1, fmt, ap2);
	va_end(ap2);
	va_end(ap);
	draw_fit(y, x, cols, s, role);
	free(s);
}

void draw_fit_right(int y, int x, int cols, const char *s, enum theme_role role)
{
	char *t;

	if (cols <= 0)
		return;
	t = textwidth_pad_left(s ? s : "", cols);
	put(y, x, t, strlen(t), role);
	free(t);
}

void draw_center(int y, int x, int cols, const char *s, enum theme_role role)
{
	int w = textwidth_utf8(s ? s : "");
	int left = w < cols ? (cols - w) / 2 : 0;

	draw_fill(y, x, left, role);
	draw_fit(y, x + left, cols - left, s, role);
}

void draw_fill(int y, int x, int cols, enum theme_role role)
{
	if (cols <= 0)
		return;
	attrset(theme_attr(role));
	mvhline(y, x, ' ', cols);
	attrset(A_NORMAL);
}

void draw_clear(struct rect r, enum theme_role role)
{
	for (int i = 0; i < r.h; i++)
		draw_fill(r.y + i, r.x, r.w, role);
}

void draw_box(struct rect r, const char *title)
{
	if (r.h < 2 || r.w < 2)
		return;
	draw_clear(r, THEME_DIALOG);
	attrset(theme_attr(THEME_DIALOG));
	/* ASCII: a UTF-8 terminal draws the line characters (U+2500 ...) of
	 * ACS_HLINE and the rest, which are two columns wide on a CJK one and
	 * push the right side of the box off its place. */
	mvaddch(r.y, r.x, '+');
	mvhline(r.y, r.x + 1, '-', r.w - 2);
	mvaddch(r.y, r.x + r.w - 1, '+');
	mvvline(r.y + 1, r.x, '|', r.h - 2);
	mvvline(r.y + 1, r.x + r.w - 1, '|', r.h - 2);
	mvaddch(r.y + r.h - 1, r.x, '+');
	mvhline(r.y + r.h - 1, r.x + 1, '-', r.w - 2);
	mvaddch(r.y + r.h - 1, r.x + r.w - 1, '+');
	attrset(A_NORMAL);
	if (title && *title && r.w > 6) {
		int n = draw_text(r.y, r.x + 2, r.w - 6, " ", THEME_TITLE);
		int tw = textwidth_utf8(title);

		/* a title too long ends in "~", so that it is not read as whole */
		if (tw > r.w - 6 - n) {
			tw = r.w - 6 - n;
			draw_fit(r.y, r.x + 2 + n, tw, title, THEME_TITLE);
		} else {
			draw_text(r.y, r.x + 2 + n, tw, title, THEME_TITLE);
		}
		draw_text(r.y, r.x + 2 + n + tw, 1, " ", THEME_TITLE);
	}
}

struct rect draw_center_rect(struct rect in, int h, int w)
{
	struct rect r;

	if (h > in.h)
		h = in.h;
	if (w > in.w)
		w = in.w;
	r.h = h;
	r.w = w;
	r.y = in.y + (in.h - h) / 2;
	r.x = in.x + (in.w - w) / 2;
	return r;
}

/* 1 for the Chinese punctuation that may not start a line (，。、) or,
 * with opening != 0, may not end one (（“《). */
static int cjk_sticky(uint32_t cp, int opening)
{
	static const uint32_t closing_set[] = {0xFF0C, 0x3002, 0x3001, 0xFF1B, 0xFF1A, 0xFF1F,
					       0xFF01, 0xFF09, 0x300D, 0x300F, 0x300B, 0x3011,
					       0x201D, 0x2019, 0x2026, 0};
	static const uint32_t opening_set[] = {0xFF08, 0x300C, 0x300E, 0x300A,
					       0x3010, 0x201C, 0x2018, 0};

	for (const uint32_t *c = opening ? opening_set : closing_set; *c; c++)
		if (*c == cp)
			return 1;
	return 0;
}

/* Finds the end of the next wrapped line of s (at most cols columns):
 * returns its byte length and sets *next to where the following line
 * starts.  A line breaks at its last space (dropped), or before or after a
 * wide (CJK) character, but not before a closing or after an opening
 * Chinese punctuation mark; a word longer than the line is cut. */
static size_t wrap_line(const char *s, int cols, const char **next)
{
	const char *p = s, *brk = NULL, *brk_next = NULL;
	uint32_t prev = 0;
	int w = 0, prev_wide = 0;

	while (*p && *p != '\n') {
		uint32_t cp;
		size_t n = utf8_decode(p, &cp);
		int cw = textwidth_wchar((wchar_t)cp);

		if (p > s && (cw == 2 || prev_wide) && !cjk_sticky(cp, 0) && !cjk_sticky(prev, 1) &&
		    cp != ' ' && prev != ' ') {
			brk = p;
			brk_next = p;
		}
		if (w + cw > cols && p > s) {
			if (brk && brk > s) {
				*next = brk_next;
				return (size_t)(brk - s);
			}
			*next = p;
			return (size_t)(p - s);
		}
		if (cp == ' ') {
			brk = p;
			brk_next = p + 1;
		}
		w += cw;
		p += n;
		prev = cp;
		prev_wide = cw == 2;
	}
	*next = *p == '\n' ? p + 1 : p;
	return (size_t)(p - s);
}

int draw_wrapped(struct rect r, const char *s, int skip, enum theme_role role)
{
	const char *p = s ? s : "", *next;
	int line = 0;

	if (r.w <= 0)
		return 0;
	while (*p) {
		size_t n = wrap_line(p, r.w, &next);

		if (line >= skip && line - skip < r.h) {
			char *t = xstrndup(p, n);

			draw_fit(r.y + line - skip, r.x, r.w, t, role);
			free(t);
		}
		line++;
		p = next;
	}
	return line;
}

/* The parts from *i on that fit one line of cols columns, sep between
 * them (at least one part, cut by the caller's draw_fit when wider), into
 * line; moves *i past them. */
static void pack_line(const char *const *parts, int n, int *i, const char *sep, int cols,
		      struct strbuf *line)
{
	int w = 0, sw = textwidth_utf8(sep);

	strbuf_reset(line);
	for (; *i < n; (*i)++) {
		int pw = textwidth_utf8(parts[*i]);

		if (w && w + sw + pw > cols)
			break;
		if (w) {
			strbuf_puts(line, sep);
			w += sw;
		}
		strbuf_puts(line, parts[*i]);
		w += pw;
	}
}

int draw_packed(struct rect r, const char *const *parts, int n, const char *sep,
		enum theme_role role)
{
	struct strbuf line = STRBUF_INIT;
	int lines = 0;

	if (r.w <= 1 || r.h <= 0)
		return 0;
	for (int i = 0; i < n; lines++)
		pack_line(parts, n, &i, sep, r.w, &line);
	for (int i = 0, y = 0; i < n && y < r.h; y++) {
		int last = y == r.h - 1 && lines > r.h;

		/* the last line of too many ends in the sign of what is left out */
		pack_line(parts, n, &i, sep, last ? r.w - 2 : r.w, &line);
		if (last)
			strbuf_puts(&line, " …");
		draw_fit(r.y + y, r.x, r.w, strbuf_str(&line), role);
	}
	strbuf_free(&line);
	return lines;
}
