/* test_term_keys: Home and End work in every common terminal, whatever TERM
 * says: under TERM = screen, tmux-256color, xterm-256color, putty and linux
 * the sequences tmux, PuTTY, the console and xterm send for Home and End
 * (\e[1~ \e[4~, \e[H \e[F, \eOH \eOF, \e[7~ \e[8~) move the selection to
 * the first and last household, and never switch tabs (read as Esc [ 1 ~,
 * the 1 chose the Today tab).  The putty entry is ncurses-term's. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"

/* 1 when the row showing code is drawn selected (reverse video). */
static int selected(struct harness *h, const char *code)
{
	struct harness_cell c;
	int row, col;

	if (!harness_find(h, code, &row, &col))
		return 0;
	return harness_cell(h, row, col, &c) == 0 && c.reverse;
}

static void add_household(struct harness *h, const char *code)
{
	char msg[64];

	harness_type(h, "n");
	HWAIT(h, "A new household", 3000);
	harness_type(h, code);
	harness_key(h, "F10");
	snprintf(msg, sizeof msg, "Household %s added", code);
	HWAIT(h, msg, 3000);
}

int main(void)
{
	static const char *const terms[] = {"screen", "tmux-256color", "xterm-256color", "putty",
					    "linux"};
	static const char *const homes[] = {"\033[1~", "\033[H", "\033OH", "\033[7~"};
	static const char *const ends[] = {"\033[4~", "\033[F", "\033OF", "\033[8~"};
	char *dir, *db = harness_new_db(&dir);

	for (size_t t = 0; t < sizeof terms / sizeof terms[0]; t++) {
		static char buf[600], term[64];
		static const char *env[6];
		static const char *args[] = {"--staff", "李明", NULL};
		struct harness_opts o = {.args = args, .env = env};
		struct harness *h;

		harness_db_env(db, buf, env);
		snprintf(term, sizeof term, "TERM=%s", terms[t]);
		env[2] = term;
		env[3] = "NO_COLOR=1"; /* the selection in reverse video */
		env[4] = NULL;
		h = harness_start(&o);
		HWAIT(h, "1 Today", 5000);
		harness_type(h, "2");
		HWAIT(h, "Households:", 3000);
		if (t == 0) {
			add_household(h, "1-1-101");
			add_household(h, "1-1-102");
			add_household(h, "1-1-103");
		}
		HWAIT(h, "1-1-103", 3000);
		for (size_t k = 0; k < sizeof homes / sizeof homes[0]; k++) {
			harness_send(h, ends[k], strlen(ends[k]));
			harness_settle(h, 100, 1000);
			HCHECK(h, harness_has_text(h, "Households:"), "TERM=%s: End %zu left the tab",
			       terms[t], k);
			HCHECK(h, selected(h, "1-1-103"), "TERM=%s: End %zu did not reach the last",
			       terms[t], k);
			harness_send(h, homes[k], strlen(homes[k]));
			harness_settle(h, 100, 1000);
			HCHECK(h, harness_has_text(h, "Households:"), "TERM=%s: Home %zu left the tab",
			       terms[t], k);
			HCHECK(h, selected(h, "1-1-101"), "TERM=%s: Home %zu did not reach the first",
			       terms[t], k);
		}
		harness_free(&h);
	}
	harness_rmdir(dir);
	free(dir);
	free(db);
	printf("ok\n");
	return 0;
}
