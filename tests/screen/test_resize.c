/* test_resize: shrinking the terminal to 60×20 shows the "too small"
 * notice instead of a garbled screen, and enlarging it back to 80×24
 * brings the Households list back as it was, form included. */
#include <stdlib.h>

#include "fixture.h"

int main(void)
{
	struct harness_fixture fx = {.staff = "李明"};
	struct harness *h = harness_fixture_open(&fx);

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
	harness_fixture_close(&fx);
	return 0;
}
