/* app: the TUI's main loop, its tab stacks, status and hint lines; see
 * app.h.
 *
 * The loop reads keys with get_wch and a 250 ms timeout, so that it also
 * notices, without a key press, a termination signal (signals.h), a commit
 * by another process (PRAGMA data_version), and a resize (KEY_RESIZE from
 * ncurses).  Every handled event redraws the whole screen; curses sends only
 * what changed. */
#include "tui/app.h"

#include <curses.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/i18n.h"
#include "core/settings.h"
#include "core/textwidth.h"
#include "core/xalloc.h"
#include "db/db.h"
#include "db/search.h"
#include "db/settings.h"
#include "tui/cli/cli.h"
#include "tui/widgets/confirm.h"
#include "tui/screens/first_start.h"
#include "tui/screens/help.h"
#include "tui/widgets/hints.h"
#include "tui/widgets/keys.h"
#include "tui/widgets/paste.h"
#include "tui/widgets/safeout.h"
#include "tui/widgets/screen.h"
#include "tui/screens/settings_screen.h"
#include "tui/ops/setup.h"
#include "tui/signals.h"
#include "tui/screens/staff_list.h"
#include "tui/widgets/staffpick.h"
#include "tui/widgets/tabs.h"

#define STACK_MAX 16
#define MIN_LINES 24
#define MIN_COLS  80
#define POLL_MS	  250

struct tabstack {
	struct screen *s[STACK_MAX];
	int depth;
	int stale; /* data changed while the tab was hidden */
};

struct app {
	struct cli *cli;
	struct db *db;
	struct settings settings;
	struct tabstack tabs[TABS_COUNT];
	int cur;
	char status[ERR_MSG_MAX];
	int status_err;
	int quit;
	int mouse;
	int too_small;
	long long data_version;
	struct rect body;
	int cursor_y, cursor_x;	   /* -1: hidden */
	int tab_x[TABS_COUNT + 1]; /* column where each tab title starts, for clicks */
	int ending;		   /* tearing down: no screen may open any more */
	int idle_failed;	   /* the idle refiling failed once: not tried again */
};

static int curses_on;

static void restore_terminal(void)
{
	if (curses_on) {
		curses_on = 0;
		paste_off();
		endwin();
	}
}

/* ---- services for screens ---- */

struct db *app_db(struct app *app)
{
	return app->db;
}

struct cli *app_cli(struct app *app)
{
	return app->cli;
}

const struct settings *app_settings(struct app *app)
{
	return &app->settings;
}

void app_settings_reload(struct app *app)
{
	struct err e;

	if (!app->db)
		return;
	err_clear(&e);
	settings_clear(&app->settings);
	if (db_settings_get(app->db, &app->settings, &e) < 0)
		app_error_err(app, &e);
}

const char *app_staff(struct app *app)
{
	return app->db ? db_staff(app->db) : app->cli->staff;
}

static void vstatus(struct app *app, int is_err, const char *fmt, va_list ap)
{
	vsnprintf(app->status, sizeof app->status, fmt, ap);
	app->status_err = is_err;
}

void app_status(struct app *app, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vstatus(app, 0, fmt, ap);
	va_end(ap);
}

void app_error(struct app *app, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vstatus(app, 1, fmt, ap);
	va_end(ap);
}

void app_error_err(struct app *app, const struct err *e)
{
	app_error(app, "%s", e->msg[0] ? e->msg : _("something went wrong"));
}

void app_cursor(struct app *app, int y, int x)
{
	app->cursor_y = y;
	app->cursor_x = x;
}

static struct tabstack *cur_stack(struct app *app)
{
	return &app->tabs[app->cur];
}

static struct screen *top(struct app *app)
{
	struct tabstack *t = cur_stack(app);

	return t->depth ? t->s[t->depth - 1] : NULL;
}

static void layout_one(struct app *app, struct screen *s)
{
	s->r = app->body;
	if (s->cls->layout)
		s->cls->layout(s, app->body);
}

static int push_on(struct app *app, struct tabstack *t, const struct screen_class *cls, void *arg)
{
	struct screen *s;
	struct err e;

	if (app->ending)
		return -1;
	if (t->depth == STACK_MAX) {
		app_error(app, "%s", _("too many screens open: close some with Esc"));
		return -1;
	}
	s = xcalloc(1, sizeof *s);
	s->cls = cls;
	s->app = app;
	s->r = app->body;
	err_clear(&e);
	if (cls->open && cls->open(s, arg, &e) < 0) {
		app_error_err(app, &e);
		free(s);
		return -1;
	}
	t->s[t->depth++] = s;
	layout_one(app, s);
	return 0;
}

int app_push(struct app *app, const struct screen_class *cls, void *arg)
{
	return push_on(app, cur_stack(app), cls, arg);
}

void app_close(struct app *app, struct screen *s)
{
	(void)app;
	s->closing = 1;
}

static void free_screen(struct screen *s)
{
	if (s->cls->close)
		s->cls->close(s);
	free(s);
}

/* Removes the screens marked closing from every stack. */
static void sweep(struct app *app)
{
	for (int i = 0; i < TABS_COUNT; i++) {
		struct tabstack *t = &app->tabs[i];
		int k = 0;

		for (int j = 0; j < t->depth; j++) {
			if (t->s[j]->closing)
				free_screen(t->s[j]);
			else
				t->s[k++] = t->s[j];
		}
		t->depth = k;
	}
}

static int stack_modal(struct tabstack *t)
{
	for (int j = 0; j < t->depth; j++)
		if (screen_flags(t->s[j]->cls) & SCREEN_MODAL)
			return 1;
	return 0;
}

static void refresh_stack(struct tabstack *t)
{
	for (int j = 0; j < t->depth; j++)
		if (!t->s[j]->closing && t->s[j]->cls->data_changed)
			t->s[j]->cls->data_changed(t->s[j]);
	t->stale = 0;
}

/* The data changed: the visible tab refreshes now, the others when shown. */
static void data_changed(struct app *app)
{
	for (int i = 0; i < TABS_COUNT; i++)
		app->tabs[i].stale = 1;
	refresh_stack(cur_stack(app));
}

int app_goto_tab(struct app *app, int i)
{
	if (i < 0 || i >= TABS_COUNT || !app->db)
		return -1; /* no tabs before the first start made a database */
	if (stack_modal(cur_stack(app))) {
		app_error(app, "%s", _("close this window first (Esc)"));
		return -1;
	}
	app->cur = i;
	if (!app->tabs[i].depth) {
		push_on(app, &app->tabs[i], tabs_table[i].cls, tabs_table[i].arg);
		app->tabs[i].stale = 0;
	} else if (app->tabs[i].stale) {
		refresh_stack(&app->tabs[i]);
	}
	return 0;
}

int app_show(struct app *app, int i, const struct screen_target *t)
{
	struct screen *s;

	if (app_goto_tab(app, i) < 0 || !app->tabs[i].depth)
		return -1;
	s = app->tabs[i].s[0];
	if (app->tabs[i].depth > 1)
		return 0; /* the tab shows a detail or form: leave it as it is */
	return s->cls->show ? s->cls->show(s, t) : 0;
}

static int any_dirty(struct app *app)
{
	for (int i = 0; i < TABS_COUNT; i++)
		for (int j = 0; j < app->tabs[i].depth; j++) {
			struct screen *s = app->tabs[i].s[j];

			if (!s->closing && s->cls->dirty && s->cls->dirty(s))
				return 1;
		}
	return 0;
}

static int quit_answer(void *ctx, int yes)
{
	if (yes)
		((struct app *)ctx)->quit = 1;
	return 0;
}

static void request_quit(struct app *app)
{
	if (any_dirty(app))
		confirm_push(app, _("A form holds input that is not saved. Quit and lose it?"),
			     quit_answer, app);
	else
		app->quit = 1;
}

/* ---- drawing ---- */

/* " 1 Today 2 Homes ... 8 Gates " and, at the right, the staff on duty, with the
 * community before it when both fit whole (every screen's title line
 * names the community, so it is the first to give way). */
static void draw_tabs(struct app *app)
{
	char buf[TABS_COUNT][96];
	int w[TABS_COUNT], total = 1, x = 0;
	char *right;
	int rw;

	draw_fill(0, 0, COLS, THEME_TAB);
	if (!app->db) {
		memset(app->tab_x, 0, sizeof app->tab_x);
		draw_text(0, 1, COLS - 1, _("doorstep: first start"), THEME_TAB_ACTIVE);
		return;
	}
	for (int i = 0; i < TABS_COUNT; i++) {
		snprintf(buf[i], sizeof buf[i], "%s", _(tabs_table[i].title));
		w[i] = textwidth_utf8(buf[i]);
		total += w[i] + 3; /* " N title", and one space at the end */
	}
	/* too wide (a translation's long titles): shorten the inactive
	 * titles, the longest first */
	while (total > COLS) {
		int longest = -1;

		for (int i = 0; i < TABS_COUNT; i++)
			if (i != app->cur && w[i] > 1 && (longest < 0 || w[i] > w[longest]))
				longest = i;
		if (longest < 0)
			break;
		w[longest]--;
		total--;
	}
	for (int i = 0; i < TABS_COUNT; i++) {
		enum theme_role role = i == app->cur ? THEME_TAB_ACTIVE : THEME_TAB;
		char num[8];
		char *t = textwidth_fit(buf[i], w[i], 0);

		app->tab_x[i] = x;
		snprintf(num, sizeof num, " %d ", i + 1);
		x += draw_text(0, x, COLS - x, num, role);
		x += draw_text(0, x, COLS - x, t, role);
		free(t);
	}
	x++;
	app->tab_x[TABS_COUNT] = x;
	right = xasprintf("%s · %s", app->settings.community, app_staff(app));
	rw = textwidth_utf8(right);
	if (rw > COLS - x - 1) {
		free(right);
		right = xstrdup(app_staff(app));
		rw = textwidth_utf8(right);
	}
	if (COLS - x - 1 >= 4) {
		if (rw > COLS - x - 1)
			rw = COLS - x - 1;
		draw_fit(0, COLS - rw - 1, rw, right, THEME_TAB);
	}
	free(right);
}

static void draw_all(struct app *app)
{
	struct tabstack *t = cur_stack(app);
	int from;

	erase();
	app->cursor_y = app->cursor_x = -1;
	if (app->too_small) {
		char msg[200];
		struct rect r = {0, 0, LINES, COLS};

		snprintf(
		    msg, sizeof msg,
		    _("The terminal is %d×%d; doorstep needs at least %d×%d. Please enlarge it."),
		    COLS, LINES, MIN_COLS, MIN_LINES);
		draw_wrapped(draw_center_rect(r, 3, COLS > 4 ? COLS - 4 : COLS), msg, 0,
			     THEME_ALERT);
		curs_set(0);
		refresh();
		return;
	}
	draw_tabs(app);
	from = t->depth - 1;
	while (from > 0 && (screen_flags(t->s[from]->cls) & SCREEN_OVERLAY))
		from--;
	for (int j = from < 0 ? 0 : from; j < t->depth; j++)
		t->s[j]->cls->draw(t->s[j]);
	if (!t->depth)
		draw_center(app->body.y + app->body.h / 2, 0, COLS,
			    _("This tab could not be opened; the reason is below."), THEME_DIM);
	if (app->status[0])
		draw_fit(LINES - 2, 0, COLS, app->status,
			 app->status_err ? THEME_ERROR : THEME_STATUS);
	hints_draw(top(app), cur_stack(app)->depth > 1);
	if (app->cursor_y >= 0) {
		move(app->cursor_y, app->cursor_x);
		curs_set(1);
	} else {
		curs_set(0);
	}
	refresh();
}

static void relayout(struct app *app)
{
	app->too_small = LINES < MIN_LINES || COLS < MIN_COLS;
	app->body = (struct rect){1, 0, LINES - 3, COLS};
	if (app->too_small)
		return;
	for (int i = 0; i < TABS_COUNT; i++)
		for (int j = 0; j < app->tabs[i].depth; j++)
			layout_one(app, app->tabs[i].s[j]);
}

/* ---- events ---- */

static void apply(struct app *app, struct screen *s, int flags)
{
	if (flags & SCREEN_POP)
		s->closing = 1;
	if (flags & SCREEN_CHANGED)
		data_changed(app);
	if (flags & SCREEN_QUIT)
		request_quit(app);
}

/* Does act when it is one of the program-wide actions; returns 1 then, else
 * 0. */
static int global_action(struct app *app, struct screen *s, enum action act)
{
	struct tabstack *t = cur_stack(app);

	switch (act) {
	case ACT_QUIT:
		request_quit(app);
		break;
	case ACT_CANCEL:
		if (t->depth > 1 && s)
			s->closing = 1;
		break;
	case ACT_HELP:
		help_push(app, s);
		break;
	case ACT_SETTINGS:
	case ACT_STAFF:
	case ACT_STAFF_LIST:
		if (!app->db)
			break;
		if (stack_modal(t))
			app_error(app, "%s", _("close this window first (Esc)"));
		else if (act == ACT_SETTINGS)
			settings_screen_push(app);
		else if (act == ACT_STAFF)
			staffpick_push(app, 0);
		else
			staff_list_push(app);
		break;
	case ACT_NEXT_TAB:
		app_goto_tab(app, (app->cur + 1) % TABS_COUNT);
		break;
	case ACT_PREV_TAB:
		app_goto_tab(app, (app->cur + TABS_COUNT - 1) % TABS_COUNT);
		break;
	case ACT_TAB_1:
	case ACT_TAB_2:
	case ACT_TAB_3:
	case ACT_TAB_4:
	case ACT_TAB_5:
	case ACT_TAB_6:
	case ACT_TAB_7:
	case ACT_TAB_8:
		app_goto_tab(app, (int)(act - ACT_TAB_1));
		break;
	case ACT_REDRAW:
		clearok(curscr, TRUE);
		break;
	default:
		return 0;
	}
	return 1;
}

static int printable(int key)
{
	return !KEYS_IS_FN(key) && key >= 32 && key != 127;
}

static void handle_key(struct app *app, int key)
{
	struct screen *s = top(app);
	struct event ev = {.type = EVENT_KEY, .key = key};
	int flags = 0;

	app->status[0] = 0;
	if (app->too_small) {
		if (key == 'q' && !any_dirty(app))
			app->quit = 1;
		return;
	}
	if (!s) {
		ev.act = keys_lookup(NULL, 0, 0, key);
		global_action(app, NULL, ev.act);
		return;
	}
	ev.act = keys_lookup(s->cls->keys, screen_keyctx(s->cls),
			     screen_takes_text(s) && printable(key), key);
	if (s->cls->event)
		flags = s->cls->event(s, &ev);
	if (!flags)
		flags = screen_dispatch(s, &ev);
	if (flags) {
		apply(app, s, flags);
		return;
	}
	/* A key the screen bound for itself but did not use here (a digit on
	 * Rounds with no row to type on) keeps its global meaning. */
	if (!global_action(app, s, ev.act) && ev.act != ACT_NONE &&
	    keys_lookup(s->cls->keys, 0, 1, key) == ev.act)
		global_action(app, s,
			      keys_lookup(NULL, screen_keyctx(s->cls),
					  screen_takes_text(s) && printable(key), key));
}

static void handle_mouse(struct app *app)
{
	MEVENT me;
	struct screen *s = top(app);
	struct event ev = {.type = EVENT_MOUSE};
	int flags = 0;

	if (getmouse(&me) != OK || app->too_small)
		return;
	ev.mouse_y = me.y;
	ev.mouse_x = me.x;
	if (me.bstate & BUTTON1_DOUBLE_CLICKED)
		ev.mouse_kind = MOUSE_DOUBLE;
	else if (me.bstate & (BUTTON1_CLICKED | BUTTON1_PRESSED))
		ev.mouse_kind = MOUSE_CLICK;
	else if (me.bstate & BUTTON4_PRESSED)
		ev.mouse_kind = MOUSE_WHEEL_UP;
#ifdef BUTTON5_PRESSED
	else if (me.bstate & BUTTON5_PRESSED)
		ev.mouse_kind = MOUSE_WHEEL_DOWN;
#endif
	else
		return;
	app->status[0] = 0;
	if (me.y == 0 && ev.mouse_kind == MOUSE_CLICK) {
		for (int i = 0; i < TABS_COUNT; i++)
			if (me.x >= app->tab_x[i] && me.x < app->tab_x[i + 1])
				app_goto_tab(app, i);
		return;
	}
	if (s && s->cls->event)
		flags = s->cls->event(s, &ev);
	if (flags)
		apply(app, s, flags);
}

/* A paste goes to the top screen only while it takes text (a form's text
 * field, a filter); anywhere else it is dropped, so that no pasted
 * character is ever a key. */
static void handle_paste(struct app *app, const struct paste *p)
{
	struct screen *s = top(app);
	const char *refused = NULL;
	struct event ev = {.type = EVENT_PASTE,
			   .paste_text = p->text,
			   .paste_len = p->len,
			   .paste_refused = &refused};
	int flags = 0;

	app->status[0] = 0;
	if (s && !app->too_small && screen_takes_text(s) && s->cls->event)
		flags = s->cls->event(s, &ev);
	if (!flags)
		refused = _("Pasted text goes only into a text field: nothing was pasted.");
	if (refused)
		app_error(app, "%s", refused);
	if (flags)
		apply(app, s, flags);
}

static long long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void poll_data(struct app *app)
{
	long long v = app->db ? db_data_version(app->db) : -1;

	if (v >= 0 && v != app->data_version) {
		app->data_version = v;
		app_settings_reload(app);
		data_changed(app);
	}
}

/* While no key comes, files a slice of the households an import (or a
 * migration) left queued for the filter's index (db/search.h).  Returns 1
 * when the status line changed. */
static int idle_refile(struct app *app)
{
	struct err e;

	if (!app->db || app->idle_failed || db_in_transaction(app->db))
		return 0;
	err_clear(&e);
	if (db_search_idle(app->db, &e) >= 0)
		return 0;
	app->idle_failed = 1; /* the filter refiles what is left, and says why not */
	app_error(app, "%s", e.msg);
	return 1;
}

static void loop(struct app *app)
{
	long long last_poll = now_ms();
	int redraw = 1;

	while (!app->quit && !signals_pending()) {
		wint_t wc;
		struct paste p;
		int r;

		if (redraw)
			draw_all(app);
		redraw = 1;
		r = paste_get_wch(&wc, &p, signals_pending);
		if (signals_take_interrupt()) {
			free(p.text);
			request_quit(app); /* Ctrl-C: as q, asking when input would be lost */
			continue;
		}
		if (signals_pending()) {
			free(p.text);
			break;
		}
		if (r == PASTE_TEXT) {
			handle_paste(app, &p);
			free(p.text);
		} else if (r == PASTE_DROPPED) {
			app_error(app,
				  _("A paste longer than %d characters, or one that did not "
				    "end, was dropped: nothing was pasted."),
				  PASTE_MAX);
		} else if (r == KEY_CODE_YES && wc == KEY_RESIZE) {
			relayout(app);
		} else if (r == KEY_CODE_YES && wc == KEY_MOUSE) {
			handle_mouse(app);
		} else if (r == KEY_CODE_YES) {
			handle_key(app, KEYS_FN((int)wc));
		} else if (r == OK) {
			handle_key(app, (int)wc);
		} else {
			redraw = 0;
		}
		sweep(app);
		if (!cur_stack(app)->depth && !app->quit && redraw)
			app_goto_tab(app, app->cur);
		if (r == ERR || now_ms() - last_poll >= 2 * POLL_MS) {
			long long before = app->data_version;

			last_poll = now_ms();
			poll_data(app);
			if (app->data_version != before)
				redraw = 1;
		}
		if (r == ERR && idle_refile(app))
			redraw = 1;
	}
}

int app_begin(struct app *app, struct err *e)
{
	struct settings s;
	int found = db_settings_get(app->cli->db, &s, e);

	if (found <= 0) {
		settings_clear(&s);
		return found < 0 ? -1
				 : err_set(e, _("%s holds no community yet"), app->cli->db_path);
	}
	app->db = app->cli->db;
	settings_clear(&app->settings);
	app->settings = s;
	app->data_version = db_data_version(app->db);
	for (int i = 0; i < TABS_COUNT; i++) {
		for (int j = 0; j < app->tabs[i].depth; j++)
			app->tabs[i].s[j]->closing = 1;
		app->tabs[i].stale = 0;
	}
	app->cur = 0;
	push_on(app, &app->tabs[0], tabs_table[0].cls, tabs_table[0].arg);
	if (!app->cli->staff_given)
		staffpick_push(app, 1);
	return 0;
}

int app_run(struct cli *cli)
{
	struct app *app;
	struct err e;
	int sig, ready, status = CLI_OK;

	/* What cannot be opened is said on stderr, before the screen changes;
	 * what is missing or empty gets the first-start screen. */
	err_clear(&e);
	ready = setup_probe(cli, &e);
	if (ready < 0) {
		cli_error(&e, NULL);
		return CLI_REFUSED;
	}
	app = xcalloc(1, sizeof *app);
	app->cli = cli;
	safeout_remove(); /* curses writes escape sequences to stdout itself */

	signals_install(restore_terminal);
	xalloc_set_fatal_hook(restore_terminal);
	set_escdelay(25);
	initscr();
	curses_on = 1;
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	keys_teach_terminal();
	timeout(POLL_MS);
	paste_on(POLL_MS);
	theme_init();
	app->mouse =
	    mousemask(BUTTON1_CLICKED | BUTTON1_PRESSED | BUTTON1_DOUBLE_CLICKED | BUTTON4_PRESSED
#ifdef BUTTON5_PRESSED
			  | BUTTON5_PRESSED
#endif
		      ,
		      NULL) != 0;

	relayout(app);
	if (!ready)
		first_start_push(app);
	else if (app_begin(app, &e) < 0)
		status = CLI_REFUSED;
	if (status == CLI_OK)
		loop(app);

	sig = signals_pending();
	app->ending = 1;
	while (app->db && db_in_transaction(app->db))
		db_rollback(app->db);
	for (int i = 0; i < TABS_COUNT; i++) {
		while (app->tabs[i].depth > 0)
			free_screen(app->tabs[i].s[--app->tabs[i].depth]);
	}
	restore_terminal();
	xalloc_set_fatal_hook(NULL);
	settings_clear(&app->settings);
	free(app);
	if (status != CLI_OK)
		cli_error(&e, NULL);
	return sig ? 128 + sig : status;
}
