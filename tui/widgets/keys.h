/* keys: key bindings as data.
 *
 * Three tables, as CONTRIBUTING.md asks: one of actions (a name and a help text
 * each, keys_action_info), one of default keys per context (keys.c), and one
 * per screen of handlers (struct screen_class.handlers, tui/widgets/screen.h).  The
 * help screen and the hint line at the bottom are generated from these
 * tables, so they cannot drift from what the keys do.
 *
 * A key is an int: a character is its code point (Ctrl-U is 0x15, Esc 27),
 * a curses function key is KEYS_FN(KEY_xxx).  An action is an enum action.
 * Lookup order for a screen: its own key table (screen_class.keys), then the
 * contexts of its kind (screen_keyctx, tui/widgets/screen.h), then
 * KEYCTX_GLOBAL.
 *
 * Later screens that need a new action add one enumerator here and one line
 * in keys_action_info (keys.c); a screen-specific key goes in the screen's
 * own table, a key shared by every list in KEYCTX_LIST. */
#ifndef DOORSTEP_KEYS_H
#define DOORSTEP_KEYS_H

/* A function key (KEY_F(1), KEY_NPAGE ...) as a key int. */
#define KEYS_FN(k)    (0x200000 | (k))
#define KEYS_IS_FN(k) (((k)&0x200000) != 0)
#define KEYS_CTRL(c)  ((c)&0x1f)
#define KEYS_ESC      27

enum action {
	ACT_NONE = 0,
	/* global */
	ACT_QUIT,
	ACT_CANCEL,
	ACT_HELP,
	ACT_SETTINGS,
	ACT_STAFF,
	ACT_STAFF_LIST, /* the staff list: phones, party members, hours */
	ACT_NEXT_TAB,
	ACT_PREV_TAB,
	ACT_TAB_1,
	ACT_TAB_2,
	ACT_TAB_3,
	ACT_TAB_4,
	ACT_TAB_5,
	ACT_TAB_6,
	ACT_TAB_7,
	ACT_TAB_8,
	ACT_REDRAW,
	/* moving in lists (KEYCTX_LIST, KEYCTX_PICK, KEYCTX_VIEW) */
	ACT_UP,
	ACT_DOWN,
	ACT_PAGE_UP,
	ACT_PAGE_DOWN,
	ACT_FIRST,
	ACT_LAST,
	/* record actions offered by list screens (a screen shows in the hint
	 * line only those it has handlers for) */
	ACT_OPEN,
	ACT_NEW,
	ACT_EDIT,
	ACT_DELETE,
	ACT_FILTER,
	ACT_HISTORY,
	ACT_REVEAL,
	ACT_MOVE,
	ACT_PRINT,
	ACT_SAVE,
	ACT_VOID,
	ACT_REFRESH,
	ACT_NO_ANSWER,
	ACT_CHECK,
	ACT_EXTEND,
	ACT_RESTART,
	ACT_END,
	ACT_DISTRIBUTE,
	ACT_OUT,
	ACT_IN,
	ACT_SWITCH_VIEW,
	ACT_PREV_DAY,
	ACT_NEXT_DAY,
	ACT_GRID,
	ACT_REFUSED,	 /* rounds: mark refused */
	ACT_AWAY,	 /* rounds: mark away */
	ACT_UNDO,	 /* undo the last saved record (asks first) */
	ACT_SKIP,	 /* rounds fast entry: resident not met */
	ACT_SYMPTOMS,	 /* pick symptoms for the reading being entered */
	ACT_DATE,	 /* type another date */
	ACT_TEMPERATURE, /* rounds: a digit starts the entry of the row's temperatures */
	ACT_CHECKPOINT,
	ACT_COPY,
	ACT_PRESENT,
	ACT_IMPORT,
	ACT_RETURNEES, /* isolation: the returnee list */
	/* forms (KEYCTX_FORM) */
	ACT_NEXT_FIELD,
	ACT_PREV_FIELD,
	ACT_SUBMIT,
	ACT_ACCEPT, /* Enter in a form: next field, or save on the last */
	ACT_CHOOSE, /* open the pick-list of an enumeration field */
	/* text fields (KEYCTX_TEXT, handled by the line editor) */
	ACT_CHAR_LEFT,
	ACT_CHAR_RIGHT,
	ACT_LINE_START,
	ACT_LINE_END,
	ACT_DEL_BACK,
	ACT_DEL_FWD,
	ACT_KILL_LINE,
	ACT_KILL_END,
	ACT_KILL_WORD,
	/* dialogs (KEYCTX_DIALOG) */
	ACT_YES,
	ACT_NO,
	ACT_COUNT
};

enum keyctx {
	KEYCTX_GLOBAL,
	KEYCTX_LIST,   /* a screen whose body is a list */
	KEYCTX_FORM,   /* a form */
	KEYCTX_TEXT,   /* a text field has focus (line editor keys) */
	KEYCTX_DIALOG, /* a yes/no question */
	KEYCTX_PICK,   /* a pick-list */
	KEYCTX_VIEW,   /* a read-only page (help, history detail) */
	KEYCTX_COUNT
};
#define KEYCTX_BIT(c) (1u << (c))

struct action_info {
	const char *name; /* stable English identifier, e.g. "new" */
	const char *help; /* English msgid, translated when shown: N_("add a record") */
	const char *hint; /* short label for the hint line (msgid), or NULL: never hinted */
};

/* One binding: key → action in a context (or in a screen's own table, where
 * ctx is ignored).  Tables end with {0}. */
struct keybind {
	int ctx;
	int key;
	enum action act;
};

/* The action table, indexed by enum action. */
extern const struct action_info keys_action_info[ACT_COUNT];

/* The default bindings of every context, {0}-terminated. */
extern const struct keybind keys_default[];

/* The action bound to key: first in own (a screen's table, may be NULL),
 * then in each context whose bit is set in ctxmask (in enum order), then in
 * KEYCTX_GLOBAL unless noglobal.  ACT_NONE when unbound. */
enum action keys_lookup(const struct keybind *own, unsigned ctxmask, int noglobal, int key);

/* The first key bound to act in the same search order, or 0. */
int keys_find(const struct keybind *own, unsigned ctxmask, enum action act);

/* Writes the key's name for hints and help ("q", "Enter", "F1", "PgDn",
 * "^U", "Tab", "S-Tab", "Esc", "Space") into buf (always NUL-terminated).
 * Returns buf. */
char *keys_name(int key, char *buf, int n);

/* The translated title of a context for the help screen. */
const char *keys_ctx_title(enum keyctx ctx);

/* Teaches curses the Home, End and Delete sequences of common terminals
 * that their terminfo entry may not list (call after keypad()), so that a
 * terminal whose TERM does not match what it sends never has Home read as
 * Esc [ 1 ~ (which switched tabs). */
void keys_teach_terminal(void);

#endif
