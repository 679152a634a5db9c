/* test_resize: shrinking the terminal to 60×20 shows the "too small"
 * notice instead of a garbled screen, and enlarging it back to 80×24
 * brings the Households list back as it was, form included. */
#include <stdlib.h>

#include "harness.h"

int main(void)
{
	char *dir, *db = harness_new_db(&dir), buf[600];
	const char *env[3];
	const char *args[] = {"--staff", "李明", NULL};
	struct harness_opts o = {.args = args};
	struct harness *h;

	harness_db_env(db, buf, env);
	o.env = env;
	h = harness_start(&o);
	HWAIT(h, "1 Today", 5000);
	harness_type(h, "2n");
	HWAIT(h, "A new household", 3000);
	harness_type(h, "7-3-302");
	harness_key(h, "F10");
	HWAIT(h, "Household 7-3-302 added", 3000);

	harness_resize(h, 20, 60);
	HWAIT(h, "60x20", 3000);
	HWAIT(h, "80x24", 1000);
	HGONE(h, "7-3-302", 1000);
	harness_resize(h, 24, 80);
	HWAIT(h, "7-3-302", 3000);
	HWAIT(h, "Households: 1", 1000);
	HGONE(h, "60x20", 1000);

	/* With a form open: it survives the round trip with its input. */
	harness_type(h, "n");
	HWAIT(h, "A new household", 3000);
	harness_type(h, "8-1-101");
	HWAIT(h, "8-1-101", 3000);
	harness_resize(h, 20, 60);
	HWAIT(h, "60x20", 3000);
	harness_resize(h, 24, 80);
	HWAIT(h, "A new household", 3000);
	HWAIT(h, "8-1-101", 1000);
	harness_key(h, "F10");
	HWAIT(h, "Household 8-1-101 added", 3000);
	HWAIT(h, "Households: 2", 3000);
	harness_free(&h);
	harness_rmdir(dir);
	free(dir);
	free(db);
	return 0;
}
