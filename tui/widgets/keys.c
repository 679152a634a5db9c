/* keys: the action table, the default key table, and key names; see keys.h. */
#include "tui/widgets/keys.h"

#include <curses.h>
#include <stdio.h>
#include <string.h>

#include "core/i18n.h"
#include "core/utf8.h"

#define ENTER_KEYS(act, ctx)                                                                       \
	{ctx, '\n', act}, {ctx, '\r', act},                                                        \
	{                                                                                          \
		ctx, KEYS_FN(KEY_ENTER), act                                                       \
	}

const struct action_info keys_action_info[ACT_COUNT] = {
    [ACT_NONE] = {"none", "", NULL},
    [ACT_QUIT] = {"quit", N_("quit (asks first when a form holds unsaved input)"),
		  N_("quit")},
    [ACT_CANCEL] = {"cancel", N_("cancel, or go back to the previous screen"), N_("back")},
    [ACT_HELP] = {"help", N_("show this help"), N_("help")},
    [ACT_SETTINGS] = {"settings", N_("the community's settings"), N_("settings")},
    [ACT_STAFF] = {"staff", N_("change the staff member on duty"), N_("staff")},
    [ACT_STAFF_LIST] = {"staff-list",
			N_("the staff: phones, party members, volunteer hours"),
			N_("staff list")},
    [ACT_NEXT_TAB] = {"next-tab", N_("next tab"), NULL},
    [ACT_PREV_TAB] = {"prev-tab", N_("previous tab"), NULL},
    [ACT_TAB_1] = {"tab-1", N_("tab 1: Today"), NULL},
    [ACT_TAB_2] = {"tab-2", N_("tab 2: Households"), NULL},
    [ACT_TAB_3] = {"tab-3", N_("tab 3: Rounds"), NULL},
    [ACT_TAB_4] = {"tab-4", N_("tab 4: Isolation"), NULL},
    [ACT_TAB_5] = {"tab-5", N_("tab 5: Donations"), NULL},
    [ACT_TAB_6] = {"tab-6", N_("tab 6: Sheets"), NULL},
    [ACT_TAB_7] = {"tab-7", N_("tab 7: Export"), NULL},
    [ACT_TAB_8] = {"tab-8", N_("tab 8: Checkpoints"), NULL},
    [ACT_REDRAW] = {"redraw", N_("redraw the screen"), NULL},
    [ACT_UP] = {"up", N_("previous row"), NULL},
    [ACT_DOWN] = {"down", N_("next row"), NULL},
    [ACT_PAGE_UP] = {"page-up", N_("previous page"), NULL},
    [ACT_PAGE_DOWN] = {"page-down", N_("next page"), NULL},
    [ACT_FIRST] = {"first", N_("first row"), NULL},
    [ACT_LAST] = {"last", N_("last row"), NULL},
    [ACT_OPEN] = {"open", N_("open the selected record"), N_("open")},
    [ACT_NEW] = {"new", N_("add a record"), N_("new")},
    [ACT_EDIT] = {"edit", N_("edit the selected record"), N_("edit")},
    [ACT_DELETE] = {"delete", N_("delete the selected record (asks first)"), N_("delete")},
    [ACT_FILTER] = {"filter", N_("filter the list as you type"), N_("filter")},
    [ACT_HISTORY] = {"history", N_("the record's history of changes"), N_("history")},
    [ACT_REVEAL] = {"reveal", N_("reveal the full ID number and phone (recorded)"), N_("reveal")},
    [ACT_MOVE] = {"move", N_("move to another household"), N_("move")},
    [ACT_PRINT] = {"print", N_("print"), N_("print")},
    [ACT_SAVE] = {"save", N_("save to a file"), N_("save")},
    [ACT_VOID] = {"void", N_("void the record with a reason"), N_("void")},
    [ACT_REFRESH] = {"refresh", N_("read the data again"), NULL},
    [ACT_NO_ANSWER] = {"no-answer", N_("mark no answer"), N_("no answer")},
    [ACT_CHECK] = {"check", N_("record a check"), N_("check")},
    [ACT_EXTEND] = {"extend", N_("extend the isolation"), N_("extend")},
    [ACT_RESTART] = {"restart", N_("restart the count after a new exposure"), N_("restart")},
    [ACT_END] = {"end", N_("end the isolation"), N_("end")},
    [ACT_DISTRIBUTE] = {"distribute", N_("give goods out of the stock"), N_("distribute")},
    [ACT_OUT] = {"out", N_("record going out"), N_("out")},
    [ACT_IN] = {"in", N_("record coming back in"), N_("in")},
    [ACT_SWITCH_VIEW] = {"switch-view", N_("switch view"), N_("view")},
    [ACT_PREV_DAY] = {"prev-day", N_("previous day"), N_("day-")},
    [ACT_NEXT_DAY] = {"next-day", N_("next day"), N_("day+")},
    [ACT_GRID] = {"grid", N_("choose the grid"), N_("grid")},
    [ACT_REFUSED] = {"refused", N_("mark refused"), N_("refused")},
    [ACT_AWAY] = {"away", N_("mark away"), N_("away")},
    [ACT_UNDO] = {"undo", N_("undo the last saved record (asks first)"), N_("undo")},
    [ACT_SKIP] = {"skip", N_("not met: skip; right after the first digits: find that code"),
		  N_("not met")},
    [ACT_SYMPTOMS] = {"symptoms", N_("add symptoms to the reading"), N_("add symptoms")},
    [ACT_DATE] = {"date", N_("type another date (t, -1, 0215 ...)"), N_("date")},
    [ACT_TEMPERATURE] = {"temperature", N_("start typing this row's temperatures (not tabs here)"),
			 NULL},
    [ACT_CHECKPOINT] = {"checkpoint", N_("choose or add the checkpoint"), N_("checkpoint")},
    [ACT_COPY] = {"copy", N_("copy the day or the week forward"), N_("copy")},
    [ACT_PRESENT] = {"present", N_("record whether the person turned up"), N_("present")},
    [ACT_IMPORT] = {"import", N_("import a roster from a CSV file"), N_("import")},
    [ACT_RETURNEES] = {"returnees", N_("list the residents back from elsewhere"),
		       N_("returnees")},
    [ACT_NEXT_FIELD] = {"next-field", N_("next field"), N_("next")},
    [ACT_PREV_FIELD] = {"prev-field", N_("previous field"), NULL},
    [ACT_SUBMIT] = {"submit", N_("save the form"), N_("save")},
    [ACT_ACCEPT] = {"accept", N_("accept: next field (saves on the last), or choose"), NULL},
    [ACT_CHOOSE] = {"choose", N_("open the choices of the field"), N_("choices")},
    [ACT_CHAR_LEFT] = {"char-left", N_("cursor left"), NULL},
    [ACT_CHAR_RIGHT] = {"char-right", N_("cursor right"), NULL},
    [ACT_LINE_START] = {"line-start", N_("to the start of the text"), NULL},
    [ACT_LINE_END] = {"line-end", N_("to the end of the text"), NULL},
    [ACT_DEL_BACK] = {"delete-back", N_("delete the character before the cursor"), NULL},
    [ACT_DEL_FWD] = {"delete-forward", N_("delete the character under the cursor"), NULL},
    [ACT_KILL_LINE] = {"kill-line", N_("delete up to the cursor"), NULL},
    [ACT_KILL_END] = {"kill-end", N_("delete from the cursor to the end"), NULL},
    [ACT_KILL_WORD] = {"kill-word", N_("delete the word before the cursor"), NULL},
    [ACT_YES] = {"yes", N_("yes"), N_("yes")},
    [ACT_NO] = {"no", N_("no"), N_("no")},
};

const struct keybind keys_default[] = {
    {KEYCTX_GLOBAL, '?', ACT_HELP},
    {KEYCTX_GLOBAL, KEYS_FN(KEY_F(1)), ACT_HELP},
    {KEYCTX_GLOBAL, KEYS_FN(KEY_F(2)), ACT_SETTINGS},
    {KEYCTX_GLOBAL, KEYS_FN(KEY_F(3)), ACT_STAFF},
    {KEYCTX_GLOBAL, KEYS_FN(KEY_F(4)), ACT_STAFF_LIST},
    {KEYCTX_GLOBAL, 'q', ACT_QUIT},
    {KEYCTX_GLOBAL, KEYS_ESC, ACT_CANCEL},
    {KEYCTX_GLOBAL, '\t', ACT_NEXT_TAB},
    {KEYCTX_GLOBAL, KEYS_FN(KEY_BTAB), ACT_PREV_TAB},
    {KEYCTX_GLOBAL, '1', ACT_TAB_1},
    {KEYCTX_GLOBAL, '2', ACT_TAB_2},
    {KEYCTX_GLOBAL, '3', ACT_TAB_3},
    {KEYCTX_GLOBAL, '4', ACT_TAB_4},
    {KEYCTX_GLOBAL, '5', ACT_TAB_5},
    {KEYCTX_GLOBAL, '6', ACT_TAB_6},
    {KEYCTX_GLOBAL, '7', ACT_TAB_7},
    {KEYCTX_GLOBAL, '8', ACT_TAB_8},
    {KEYCTX_GLOBAL, KEYS_CTRL('L'), ACT_REDRAW},

    ENTER_KEYS(ACT_OPEN, KEYCTX_LIST),
    {KEYCTX_LIST, KEYS_FN(KEY_UP), ACT_UP},
    {KEYCTX_LIST, 'k', ACT_UP},
    {KEYCTX_LIST, KEYS_FN(KEY_DOWN), ACT_DOWN},
    {KEYCTX_LIST, 'j', ACT_DOWN},
    {KEYCTX_LIST, KEYS_FN(KEY_PPAGE), ACT_PAGE_UP},
    {KEYCTX_LIST, KEYS_FN(KEY_NPAGE), ACT_PAGE_DOWN},
    {KEYCTX_LIST, KEYS_FN(KEY_HOME), ACT_FIRST},
    {KEYCTX_LIST, KEYS_FN(KEY_END), ACT_LAST},
    {KEYCTX_LIST, 'n', ACT_NEW},
    {KEYCTX_LIST, 'e', ACT_EDIT},
    {KEYCTX_LIST, 'd', ACT_DELETE},
    {KEYCTX_LIST, KEYS_FN(KEY_DC), ACT_DELETE},
    {KEYCTX_LIST, '/', ACT_FILTER},
    {KEYCTX_LIST, 'h', ACT_HISTORY},
    {KEYCTX_LIST, 'r', ACT_REVEAL},
    {KEYCTX_LIST, 'm', ACT_MOVE},
    {KEYCTX_LIST, 'p', ACT_PRINT},
    {KEYCTX_LIST, 'i', ACT_IMPORT},
    {KEYCTX_LIST, KEYS_CTRL('R'), ACT_REFRESH},

    {KEYCTX_FORM, '\t', ACT_NEXT_FIELD},
    {KEYCTX_FORM, KEYS_FN(KEY_DOWN), ACT_NEXT_FIELD},
    {KEYCTX_FORM, KEYS_FN(KEY_BTAB), ACT_PREV_FIELD},
    {KEYCTX_FORM, KEYS_FN(KEY_UP), ACT_PREV_FIELD},
    ENTER_KEYS(ACT_ACCEPT, KEYCTX_FORM),
    {KEYCTX_FORM, KEYS_FN(KEY_F(10)), ACT_SUBMIT},
    {KEYCTX_FORM, ' ', ACT_CHOOSE},
    {KEYCTX_FORM, KEYS_FN(KEY_F(4)), ACT_CHOOSE},

    {KEYCTX_TEXT, KEYS_FN(KEY_LEFT), ACT_CHAR_LEFT},
    {KEYCTX_TEXT, KEYS_CTRL('B'), ACT_CHAR_LEFT},
    {KEYCTX_TEXT, KEYS_FN(KEY_RIGHT), ACT_CHAR_RIGHT},
    {KEYCTX_TEXT, KEYS_CTRL('F'), ACT_CHAR_RIGHT},
    {KEYCTX_TEXT, KEYS_FN(KEY_HOME), ACT_LINE_START},
    {KEYCTX_TEXT, KEYS_CTRL('A'), ACT_LINE_START},
    {KEYCTX_TEXT, KEYS_FN(KEY_END), ACT_LINE_END},
    {KEYCTX_TEXT, KEYS_CTRL('E'), ACT_LINE_END},
    {KEYCTX_TEXT, KEYS_FN(KEY_BACKSPACE), ACT_DEL_BACK},
    {KEYCTX_TEXT, 127, ACT_DEL_BACK},
    {KEYCTX_TEXT, KEYS_CTRL('H'), ACT_DEL_BACK},
    {KEYCTX_TEXT, KEYS_FN(KEY_DC), ACT_DEL_FWD},
    {KEYCTX_TEXT, KEYS_CTRL('D'), ACT_DEL_FWD},
    {KEYCTX_TEXT, KEYS_CTRL('U'), ACT_KILL_LINE},
    {KEYCTX_TEXT, KEYS_CTRL('K'), ACT_KILL_END},
    {KEYCTX_TEXT, KEYS_CTRL('W'), ACT_KILL_WORD},

    {KEYCTX_DIALOG, 'y', ACT_YES},
    {KEYCTX_DIALOG, 'Y', ACT_YES},
    ENTER_KEYS(ACT_YES, KEYCTX_DIALOG),
    {KEYCTX_DIALOG, 'n', ACT_NO},
    {KEYCTX_DIALOG, 'N', ACT_NO},

    ENTER_KEYS(ACT_ACCEPT, KEYCTX_PICK),
    {KEYCTX_PICK, KEYS_FN(KEY_UP), ACT_UP},
    {KEYCTX_PICK, KEYS_FN(KEY_DOWN), ACT_DOWN},
    {KEYCTX_PICK, KEYS_FN(KEY_PPAGE), ACT_PAGE_UP},
    {KEYCTX_PICK, KEYS_FN(KEY_NPAGE), ACT_PAGE_DOWN},
    {KEYCTX_PICK, KEYS_FN(KEY_HOME), ACT_FIRST},
    {KEYCTX_PICK, KEYS_FN(KEY_END), ACT_LAST},

    ENTER_KEYS(ACT_OPEN, KEYCTX_VIEW),
    {KEYCTX_VIEW, KEYS_FN(KEY_UP), ACT_UP},
    {KEYCTX_VIEW, 'k', ACT_UP},
    {KEYCTX_VIEW, KEYS_FN(KEY_DOWN), ACT_DOWN},
    {KEYCTX_VIEW, 'j', ACT_DOWN},
    {KEYCTX_VIEW, KEYS_FN(KEY_PPAGE), ACT_PAGE_UP},
    {KEYCTX_VIEW, ' ', ACT_PAGE_DOWN},
    {KEYCTX_VIEW, KEYS_FN(KEY_NPAGE), ACT_PAGE_DOWN},
    {KEYCTX_VIEW, KEYS_FN(KEY_HOME), ACT_FIRST},
    {KEYCTX_VIEW, KEYS_FN(KEY_END), ACT_LAST},
    {0, 0, ACT_NONE},
};

static enum action find_in(const struct keybind *t, int ctx, int key)
{
	for (; t && t->key; t++)
		if ((ctx < 0 || t->ctx == ctx) && t->key == key)
			return t->act;
	return ACT_NONE;
}

enum action keys_lookup(const struct keybind *own, unsigned ctxmask, int noglobal, int key)
{
	enum action a = find_in(own, -1, key);

	for (int c = KEYCTX_GLOBAL + 1; a == ACT_NONE && c < KEYCTX_COUNT; c++)
		if (ctxmask & KEYCTX_BIT(c))
			a = find_in(keys_default, c, key);
	if (a == ACT_NONE && !noglobal)
		a = find_in(keys_default, KEYCTX_GLOBAL, key);
	return a;
}

static int key_of(const struct keybind *t, int ctx, enum action act)
{
	for (; t && t->key; t++)
		if ((ctx < 0 || t->ctx == ctx) && t->act == act)
			return t->key;
	return 0;
}

int keys_find(const struct keybind *own, unsigned ctxmask, enum action act)
{
	int k = key_of(own, -1, act);

	for (int c = KEYCTX_GLOBAL + 1; !k && c < KEYCTX_COUNT; c++)
		if (ctxmask & KEYCTX_BIT(c))
			k = key_of(keys_default, c, act);
	if (!k)
		k = key_of(keys_default, KEYCTX_GLOBAL, act);
	return k;
}

char *keys_name(int key, char *buf, int n)
{
	static const struct {
		int key;
		const char *name;
	} names[] = {
	    {KEYS_FN(KEY_UP), "Up"},
	    {KEYS_FN(KEY_DOWN), "Down"},
	    {KEYS_FN(KEY_LEFT), "Left"},
	    {KEYS_FN(KEY_RIGHT), "Right"},
	    {KEYS_FN(KEY_PPAGE), "PgUp"},
	    {KEYS_FN(KEY_NPAGE), "PgDn"},
	    {KEYS_FN(KEY_HOME), "Home"},
	    {KEYS_FN(KEY_END), "End"},
	    {KEYS_FN(KEY_ENTER), "Enter"},
	    {'\n', "Enter"},
	    {'\r', "Enter"},
	    {KEYS_FN(KEY_BACKSPACE), "Bksp"},
	    {127, "Bksp"},
	    {KEYS_FN(KEY_DC), "Del"},
	    {KEYS_FN(KEY_BTAB), "S-Tab"},
	    {'\t', "Tab"},
	    {KEYS_ESC, "Esc"},
	    {' ', "Space"},
	    {KEYS_FN(KEY_IC), "Ins"},
	};
	char u[5];

	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (names[i].key == key) {
			snprintf(buf, (size_t)n, "%s", names[i].name);
			return buf;
		}
	if (KEYS_IS_FN(key)) {
		int k = key & ~0x200000;

		if (k >= KEY_F(1) && k <= KEY_F(24))
			snprintf(buf, (size_t)n, "F%d", k - KEY_F0);
		else
			snprintf(buf, (size_t)n, "%s", keyname(k) ? keyname(k) : "?");
		return buf;
	}
	if (key < 32) {
		snprintf(buf, (size_t)n, "^%c", key + '@');
		return buf;
	}
	u[utf8_encode((uint32_t)key, u)] = 0;
	snprintf(buf, (size_t)n, "%s", u);
	return buf;
}

const char *keys_ctx_title(enum keyctx ctx)
{
	static const char *const titles[KEYCTX_COUNT] = {
	    [KEYCTX_GLOBAL] = N_("Everywhere"),	      [KEYCTX_LIST] = N_("In lists"),
	    [KEYCTX_FORM] = N_("In forms"),	      [KEYCTX_TEXT] = N_("In text fields"),
	    [KEYCTX_DIALOG] = N_("In questions"),     [KEYCTX_PICK] = N_("In choice lists"),
	    [KEYCTX_VIEW] = N_("In read-only pages"),
	};
	return _(titles[ctx]);
}

/* Sequences terminals send for Home, End and Delete whatever their TERM's
 * terminfo says: tmux and screen send \e[1~ and \e[4~ while TERM may say
 * xterm; PuTTY and the Linux console send \e[1~ / \e[4~ / \e[3~; xterm in
 * its two cursor modes \e[H \e[F and \eOH \eOF; rxvt \e[7~ and \e[8~. */
static const struct {
	const char *seq;
	int key;
} term_keys[] = {
    {"\033[1~", KEY_HOME}, {"\033[7~", KEY_HOME}, {"\033[H", KEY_HOME}, {"\033OH", KEY_HOME},
    {"\033[4~", KEY_END},  {"\033[8~", KEY_END},  {"\033[F", KEY_END},  {"\033OF", KEY_END},
    {"\033[3~", KEY_DC},
};

void keys_teach_terminal(void)
{
	for (size_t i = 0; i < sizeof term_keys / sizeof term_keys[0]; i++)
		if (key_defined(term_keys[i].seq) == 0)
			define_key(term_keys[i].seq, term_keys[i].key);
}
