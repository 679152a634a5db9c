/* test_nocolor: with NO_COLOR set the screen uses no colour at all, and the
 * selected row still stands out (reverse video); without it, colours are
 * used (so that the check can fail). */
#include <stdlib.h>

#include "harness.h"

/* Counts the cells of the screen that carry a colour. */
static int coloured_cells(struct harness *h)
{
	int rows, cols, n = 0;

	harness_size(h, &rows, &cols);
	for (int r = 0; r < rows; r++)
		for (int c = 0; c < cols; c++) {
			struct harness_cell cell;

			if (harness_cell(h, r, c, &cell) == 0 &&
			    (!cell.fg_default || !cell.bg_default))
				n++;
		}
	return n;
}

static struct harness *start(const char *db, int no_color)
{
	static char buf[600];
	static const char *env[4];
	static const char *args[] = {"--staff", "李明", NULL};
	struct harness_opts o = {.args = args, .env = env};
	struct harness *h;

	harness_db_env(db, buf, env);
	env[2] = no_color ? "NO_COLOR=1" : NULL;
	env[3] = NULL;
	h = harness_start(&o);
	HWAIT(h, "1 Today", 5000);
	harness_type(h, "2");
	return h;
}

int main(void)
{
	char *dir, *db = harness_new_db(&dir);
	struct harness *h;
	struct harness_cell cell;
	int row, col;

	h = start(db, 0);
	HWAIT(h, "No household yet", 3000);
	harness_type(h, "n");
	HWAIT(h, "A new household", 3000);
	harness_type(h, "1-1-101");
	harness_key(h, "F10");
	HWAIT(h, "Household 1-1-101 added", 3000);
	harness_settle(h, 100, 1000);
	HCHECK(h, coloured_cells(h) > 0, "the colour theme shows no colour");
	harness_free(&h);

	h = start(db, 1);
	HWAIT(h, "1-1-101", 3000);
	harness_settle(h, 100, 1000);
	HCHECK(h, coloured_cells(h) == 0, "%d cells are coloured under NO_COLOR",
	       coloured_cells(h));
	/* The selected row and the current tab stand out without colour. */
	HCHECK(h, harness_find(h, "1-1-101", &row, &col), "no row");
	HCHECK(h, harness_cell(h, row, col, &cell) == 0 && (cell.reverse || cell.bold),
	       "the selected row is not highlighted");
	HCHECK(h, harness_find(h, "2 Homes", &row, &col) && row == 0, "no tab");
	HCHECK(h,
	       harness_cell(h, 0, col, &cell) == 0 && (cell.reverse || cell.bold || cell.underline),
	       "the current tab is not highlighted");
	harness_free(&h);
	harness_rmdir(dir);
	free(dir);
	free(db);
	return 0;
}
