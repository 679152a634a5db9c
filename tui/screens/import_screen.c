/* import_screen: the roster import of the Households tab; see import_screen.h.
 *
 * The preview is one column of lines (file, counts, column mapping, then
 * the problems), long ones wrapped, that scrolls as a whole, so that a file
 * with hundreds of bad rows shows every one of them in full.  The dry run and the import itself run
 * inside an event handler (the main loop waits meanwhile); their progress
 * callback draws a bar and reads the keyboard without waiting, so that the
 * terminal keeps answering: keys typed meanwhile are dropped, a resize is
 * handed back to the main loop when the work is done. */
#include "tui/screens/import_screen.h"

#include <curses.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/encoding.h"
#include "core/i18n.h"
#include "core/roster.h"
#include "core/strbuf.h"
#include "core/wbcell.h"
#include "core/workbook.h"
#include "core/xalloc.h"
#include "db/roster.h"
#include "tui/app.h"
#include "tui/ops/import.h"
#include "tui/widgets/confirm.h"
#include "tui/widgets/draw.h"
#include "tui/widgets/form.h"
#include "tui/widgets/formcheck.h"
#include "tui/widgets/paste.h"
#include "tui/widgets/screen.h"
#include "tui/widgets/scroll.h"

/* What each field is called in the mapping (indexed by enum roster_field). */
static const char *const field_labels[ROSTER_FIELD_COUNT] = {
	[ROSTER_CODE] = N_("household code"),
	[ROSTER_COMPOUND] = N_("compound"),
	[ROSTER_BUILDING] = N_("building"),
	[ROSTER_UNIT] = N_("unit"),
	[ROSTER_ROOM] = N_("room"),
	[ROSTER_ADDRESS] = N_("address"),
	[ROSTER_GRID] = N_("grid"),
	[ROSTER_HOUSEHOLD_PHONE] = N_("household phone"),
	[ROSTER_HOUSEHOLD_NOTES] = N_("household notes"),
	[ROSTER_NAME] = N_("name"),
	[ROSTER_SEX] = N_("sex"),
	[ROSTER_ID_TYPE] = N_("document type"),
	[ROSTER_ID_NUMBER] = N_("ID number"),
	[ROSTER_BIRTH_DATE] = N_("birth date"),
	[ROSTER_PHONE] = N_("phone"),
	[ROSTER_RELATION] = N_("relation to head"),
	[ROSTER_STATUS] = N_("status"),
	[ROSTER_TAGS] = N_("tags"),
	[ROSTER_RETURNED_FROM] = N_("returned from"),
	[ROSTER_RETURN_DATE] = N_("return date"),
	[ROSTER_TRAVEL] = N_("means of travel"),
	[ROSTER_NOTES] = N_("notes"),
};

struct line {
	char *text;
	enum theme_role role;
};

/* The preview screen's state; owns the roster. */
struct preview {
	char *path;
	char *sheet;  /* the sheet read, NULL for a CSV */
	char *sheets; /* a workbook's sheets, listed for the user */
	struct roster_headers *headers;
	struct roster *roster;
	enum encoding found;
	struct roster_counts counts; /* the dry run's */
	size_t errors;
	struct line *lines;
	int nlines, top;
	struct rect r;
};

/* The progress box of a dry run or an import. */
struct progress {
	const char *title; /* translated */
	size_t shown;	   /* rows drawn last, to skip redrawing the same */
	int resized;	   /* a KEY_RESIZE arrived meanwhile */
	int pasted;	   /* pastes dropped meanwhile */
};

static void add_line(struct preview *p, enum theme_role role, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void add_line(struct preview *p, enum theme_role role, const char *fmt, ...)
{
	char buf[4096];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	p->lines = xrealloc(p->lines, (size_t)(p->nlines + 1) * sizeof *p->lines);
	p->lines[p->nlines].text = xstrdup(buf);
	p->lines[p->nlines++].role = role;
}

static void preview_free(struct preview *p)
{
	if (!p)
		return;
	for (int i = 0; i < p->nlines; i++)
		free(p->lines[i].text);
	free(p->lines);
	roster_free(&p->roster);
	roster_headers_free(&p->headers);
	roster_counts_clear(&p->counts);
	free(p->path);
	free(p->sheet);
	free(p->sheets);
	free(p);
}

/* ---- progress -------------------------------------------------------- */

static void progress_draw(size_t done, size_t total, void *ctx)
{
	struct progress *pg = ctx;
	struct rect b = draw_center_rect((struct rect){0, 0, LINES, COLS}, 5, 50);
	int barw = b.w - 4, fill, old = wgetdelay(stdscr);
	char line[160];

	/* Read what was typed without waiting: the work cannot be interrupted
	 * (one transaction), so keys are dropped and a paste is dropped whole
	 * (none of it is left to be taken as keys later); a resize is kept for
	 * the main loop. */
	pg->pasted += paste_drain(&pg->resized);
	timeout(old);
	if (done == pg->shown && done != total)
		return;
	pg->shown = done;
	draw_box(b, pg->title);
	snprintf(line, sizeof line, _("%zu of %zu rows"), done, total);
	draw_center(b.y + 1, b.x + 1, b.w - 2, line, THEME_DIALOG);
	fill = total > 0 ? (int)(done * (size_t)barw / total) : 0;
	if (fill > barw)
		fill = barw;
	/* Characters, not only colours, so that it shows under NO_COLOR too;
	 * ASCII, one column on every terminal (a block element is two on a
	 * CJK one). */
	for (int i = 0; i < barw; i++)
		draw_text(b.y + 2, b.x + 2 + i, 1, i < fill ? "#" : ".",
			  i < fill ? THEME_OK : THEME_DIM);
	curs_set(0);
	refresh();
}

/* After the work: the resize goes to the main loop. */
static void progress_end(struct progress *pg)
{
	if (pg->resized)
		ungetch(KEY_RESIZE);
}

/* Shows msg, saying first that a paste which arrived meanwhile was dropped
 * (as the main loop tells one it cannot take); first, because at 80
 * columns the end of a long msg may not show. */
static void progress_tell(struct app *app, const struct progress *pg, const char *msg)
{
	if (pg->pasted)
		app_error(app, _("Paste dropped. %s"), msg);
	else
		app_status(app, "%s", msg);
}

/* ---- the preview ----------------------------------------------------- */

static void build_lines(struct preview *p)
{
	const struct roster_counts *c = &p->counts;
	const struct roster *r = p->roster;
	size_t warnings = roster_issue_count(r) - p->errors;

	add_line(p, THEME_TITLE, _("Import roster: %s"), p->path);
	if (p->sheet) {
		add_line(p, THEME_NORMAL, _("Sheet %s, %zu rows, %zu households"), p->sheet,
			 roster_row_count(r), roster_household_count(r));
		add_line(p, THEME_DIM, _("Sheets of the workbook: %s"), p->sheets);
	} else {
		add_line(p, THEME_NORMAL, _("%s, %zu rows, %zu households"),
			 encoding_name(p->found), roster_row_count(r), roster_household_count(r));
	}
	add_line(p, THEME_NORMAL, "%s", "");
	if (p->errors == 0) {
		add_line(p, THEME_NORMAL, _("Households: %ld new, %ld updated, %ld unchanged"),
			 c->households_new, c->households_updated, c->households_unchanged);
		add_line(p, THEME_NORMAL, _("Residents: %ld new, %ld updated, %ld unchanged"),
			 c->residents_new, c->residents_updated, c->residents_unchanged);
		for (size_t i = 0; i < c->nchanges; i++)
			add_line(p, THEME_ERROR, "  %s", c->changes[i]);
	} else {
		add_line(p, THEME_ERROR,
			 _("%zu problem(s): nothing can be imported until the file is corrected"),
			 p->errors);
	}
	add_line(p, THEME_NORMAL, "%s", "");
	if (roster_column_count(r) > 0)
		add_line(p, THEME_HEADER, "%s", _("Columns of the file"));
	for (int i = 0; i < roster_column_count(r); i++) {
		const char *title = roster_column_title(r, i);
		int f = roster_column_field(r, i);

		if (!title || !*title)
			continue;
		if (f >= 0 && f < ROSTER_FIELD_COUNT)
			add_line(p, THEME_NORMAL, "  %s → %s", title, _(field_labels[f]));
		else
			add_line(p, THEME_DIM, "  %s → %s", title,
				 f == ROSTER_IGNORE ? _("not imported") : _("unknown: ignored"));
	}
	if (roster_issue_count(r) > 0) {
		add_line(p, THEME_NORMAL, "%s", "");
		if (p->errors)
			add_line(p, THEME_HEADER, _("Problems (%zu errors, %zu warnings)"), p->errors,
				 warnings);
		else
			add_line(p, THEME_HEADER, _("Warnings (%zu): imported anyway"), warnings);
	}
	for (size_t i = 0; i < roster_issue_count(r); i++) {
		const struct roster_issue *is = roster_issue_at(r, i);
		struct strbuf b = STRBUF_INIT;

		if (p->sheet && is->line > 0 && is->col >= 0) {
			char col[8];

			wbcell_column_name(is->col, col, sizeof col);
			strbuf_printf(&b, "%s!%s%ld: ", p->sheet, col, is->line);
		} else if (is->line > 0) {
			strbuf_printf(&b, "%ld: ", is->line);
		}
		if (is->severity == ROSTER_WARNING)
			strbuf_puts(&b, _("warning: "));
		if (is->column && is->column[0])
			strbuf_printf(&b, "%s: ", is->column);
		strbuf_puts(&b, is->message);
		add_line(p, is->severity == ROSTER_ERROR ? THEME_ERROR : THEME_DIM, "  %s",
			 strbuf_str(&b));
		strbuf_free(&b);
	}
}

static int pv_open(struct screen *s, void *arg, struct err *e)
{
	(void)e;
	s->state = arg;
	build_lines(arg);
	return 0;
}

static void pv_layout(struct screen *s, struct rect r)
{
	struct preview *p = s->state;

	p->r = r;
}

static int page_rows(const struct preview *p)
{
	return p->r.h - 2 > 1 ? p->r.h - 2 : 1;
}

static int text_cols(const struct preview *p)
{
	return p->r.w - 4 > 1 ? p->r.w - 4 : 1;
}

/* The screen rows line i takes (long error lines wrap). */
static int line_rows(const struct preview *p, int i)
{
	int n = draw_wrapped((struct rect){0, 0, 0, text_cols(p)}, p->lines[i].text, 0,
			     THEME_NORMAL);

	return n > 0 ? n : 1;
}

static int total_rows(const struct preview *p)
{
	int n = 0;

	for (int i = 0; i < p->nlines; i++)
		n += line_rows(p, i);
	return n;
}

static void clamp_top(struct preview *p)
{
	scroll_clamp(&p->top, page_rows(p), total_rows(p));
}

static void pv_draw(struct screen *s)
{
	struct preview *p = s->state;
	struct rect r = p->r;
	int rows = page_rows(p), row = 0, total;
	char more[80];

	draw_clear(r, THEME_NORMAL);
	clamp_top(p);
	for (int i = 0; i < p->nlines && row < p->top + rows; i++) {
		int n = line_rows(p, i), skip = p->top > row ? p->top - row : 0;

		if (row + n > p->top)
			draw_wrapped((struct rect){r.y + 1 + row + skip - p->top, r.x + 2,
						   rows - (row + skip - p->top), text_cols(p)},
				     p->lines[i].text, skip, p->lines[i].role);
		row += n;
	}
	total = total_rows(p);
	if (total > rows) {
		snprintf(more, sizeof more, _("lines %d–%d of %d"), p->top + 1,
			 p->top + rows < total ? p->top + rows : total, total);
		draw_fit_right(r.y + r.h - 1, r.x, r.w - 2, more, THEME_DIM);
	}
}

/* Up/Down, PgUp/PgDn, Home/End and the wheel move the report. */
static int pv_event(struct screen *s, const struct event *ev)
{
	struct preview *p = s->state;

	if (!scroll_event(&p->top, page_rows(p), ev))
		return SCREEN_IGNORED;
	clamp_top(p);
	return SCREEN_HANDLED;
}

/* The user said yes: the import itself. */
static int import_answer(void *ctx, int yes)
{
	struct screen *s = ctx;
	struct preview *p = s->state;
	struct progress pg = {_("Importing"), (size_t)-1, 0, 0};
	struct roster_counts c;
	struct err e;
	char done[300];
	int rc;

	if (!yes)
		return 0;
	err_clear(&e);
	rc = db_roster_apply(app_db(s->app), p->roster, p->path, 0, progress_draw, &pg, &c, &e);
	progress_end(&pg);
	if (rc < 0) {
		if (e.line > 0)
			app_error(s->app, _("%s:%ld: %s; nothing was imported"), p->path, e.line,
				  e.msg);
		else
			app_error(s->app, _("%s: %s; nothing was imported"), p->path, e.msg);
		return 0;
	}
	snprintf(done, sizeof done,
		 _("Imported: households %ld new, %ld updated; residents %ld new, %ld updated"),
		 c.households_new, c.households_updated, c.residents_new, c.residents_updated);
	progress_tell(s->app, &pg, done);
	roster_counts_clear(&c);
	app_close(s->app, s);
	return SCREEN_CHANGED;
}

static int act_import(struct screen *s)
{
	struct preview *p = s->state;
	const struct roster_counts *c = &p->counts;
	char q[300];

	if (p->errors) {
		app_error(s->app,
			  _("The file has %zu problem(s); correct them and import it again"),
			  p->errors);
		return SCREEN_HANDLED;
	}
	if (c->households_new + c->households_updated + c->residents_new +
		c->residents_updated ==
	    0) {
		app_status(s->app, "%s", _("Nothing to import: every row is already registered"));
		return SCREEN_HANDLED;
	}
	snprintf(q, sizeof q, _("Import %zu rows (%ld new residents, %ld updated)?"),
		 roster_row_count(p->roster), c->residents_new, c->residents_updated);
	confirm_push(s->app, q, import_answer, s);
	return SCREEN_HANDLED;
}

static int pv_can(struct screen *s, enum action act)
{
	struct preview *p = s->state;

	return act != ACT_OPEN || p->errors == 0;
}

static void pv_close(struct screen *s)
{
	preview_free(s->state);
}

static const struct screen_handler pv_handlers[] = {
	{ACT_OPEN, act_import, N_("import")},
	{ACT_NONE, NULL, NULL},
};

static const struct screen_class preview_screen = {
	.name = N_("Import roster"),
	.kind = SCREEN_KIND_MODAL_LIST,
	.handlers = pv_handlers,
	.open = pv_open,
	.layout = pv_layout,
	.draw = pv_draw,
	.event = pv_event,
	.can = pv_can,
	.close = pv_close,
};

/* ---- the path form --------------------------------------------------- */

/* ~/x → $HOME/x.  Malloc'd. */
static char *resolve_path(const char *v)
{
	const char *home = getenv("HOME");

	if (v[0] == '~' && v[1] == '/' && home && *home)
		return xasprintf("%s/%s", home, v + 2);
	return xstrdup(v);
}

/* "Sheet1, 名单, Sheet3": the sheets of a workbook, for the preview. */
static char *list_sheets(const char *path)
{
	struct strbuf b = STRBUF_INIT;
	struct err e;
	char **names;
	int n, fmt = workbook_sniff(path, &e);

	if (fmt > 0 && workbook_sheet_names(path, fmt, &names, &n, &e) == 0) {
		for (int i = 0; i < n; i++)
			strbuf_printf(&b, "%s%s", i ? ", " : "", names[i]);
		workbook_names_free(names, n);
	}
	return strbuf_detach(&b);
}

static int submit(void *ctx, struct form *f, struct err *e)
{
	struct app *app = ctx;
	struct preview *p = xcalloc(1, sizeof *p);
	struct progress pg = {_("Checking"), (size_t)-1, 0, 0};
	const char *sheet;
	int rc;

	p->path = resolve_path(form_value(f, "path"));
	sheet = form_value(f, "sheet");
	if (import_roster_read(p->path, ENCODING_AUTO, *sheet ? sheet : NULL, &p->roster,
			       &p->headers, &p->found, &p->sheet, e) < 0) {
		if (e->line > 0)
			err_prefix(e, "%s:%ld", p->path, e->line);
		snprintf(e->field, sizeof e->field, "path");
		preview_free(p);
		return -1;
	}
	if (p->sheet)
		p->sheets = list_sheets(p->path);
	p->errors = roster_error_count(p->roster);
	if (p->errors == 0) {
		/* The counts: the whole import, rolled back. */
		rc = db_roster_apply(app_db(app), p->roster, p->path, 1, progress_draw, &pg,
				     &p->counts, e);
		progress_end(&pg);
		if (rc < 0) {
			if (e->line > 0)
				err_prefix(e, "%s:%ld", p->path, e->line);
			e->field[0] = '\0';
			preview_free(p);
			return -1;
		}
	}
	if (app_push(app, &preview_screen, p) < 0) {
		preview_free(p);
		return err_set(e, "%s", _("the preview could not be opened"));
	}
	if (pg.pasted)
		progress_tell(app, &pg, _("Checked"));
	return 0;
}

int import_screen_start(struct app *app)
{
	struct form *f = form_new(_("Import a roster (CSV, .xlsx, .xls)"), app);

	form_add_text(f, "path", N_("File"), NULL, 0, FORM_REQUIRED, formcheck_file_name);
	form_add_text(f, "sheet", N_("Worksheet"), NULL, 0, 0, NULL);
	return form_push(app, f, submit, NULL);
}
