/* libFuzzer harness of profile_parse: any bytes give a profile or an error
 * with a message; a profile's columns are all real columns of its dataset,
 * with a title, and the same text parses the same way twice.  Each profile is
 * also used to write one CSV row (csvout) to /dev/null, so titles reach the
 * writer whatever bytes they hold. */
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/csvout.h"
#include "core/profile.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int devnull = -1;
	struct profile *p = NULL, *again = NULL;
	struct csvout *w = NULL;
	struct err e = {0};

	if (devnull < 0)
		devnull = open("/dev/null", O_WRONLY);
	if (profile_parse((const char *)data, size, &p, &e) != 0) {
		if (p || !e.msg[0])
			abort();
		return 0;
	}
	if (!p->dataset || p->ncols < 1)
		abort();
	for (int i = 0; i < p->ncols; i++)
		if (p->cols[i].index < 0 || p->cols[i].index >= p->dataset->ncols || !p->cols[i].title)
			abort();
	if (profile_parse((const char *)data, size, &again, &e) != 0 || again->ncols != p->ncols ||
	    again->full_ids != p->full_ids || again->zh_labels != p->zh_labels)
		abort();
	if (csvout_open(&w, devnull, p->has_encoding ? p->encoding : CSVOUT_UTF8_BOM, &e) == 0) {
		for (int i = 0; i < p->ncols; i++)
			csvout_cell_str(w, p->cols[i].title, CSVOUT_TEXT);
		/* A title that is not valid UTF-8 is refused by GB18030 only. */
		if (csvout_row_end(w, &e) != 0 && p->encoding != CSVOUT_GB18030)
			abort();
		csvout_free(&w);
	}
	profile_free(&again);
	profile_free(&p);
	return 0;
}
