/* libFuzzer harness of the roster header table (data/roster_headers.txt):
 * its loader reads the bytes from a file (roster_headers_load) and must
 * agree with roster_headers_parse on the same text (up to a NUL byte, where
 * the text ends): both accept, or both refuse on the same line.  In a table
 * that is accepted, every title of every line is known to the lookup, under
 * its own spelling and under its matching form (roster_title_key). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "core/roster.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Every title of the "field = a | b" lines of text is known to h. */
static void check_titles(const struct roster_headers *h, const char *text)
{
	char *copy = strdup(text), *line, *save = NULL;

	for (line = strtok_r(copy, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		char *eq = strchr(line, '='), *tok, *save2 = NULL;

		line += strspn(line, " \t");
		if (!*line || *line == '#' || *line == '\r' || !eq)
			continue;
		for (tok = strtok_r(eq + 1, "|", &save2); tok; tok = strtok_r(NULL, "|", &save2)) {
			char key[256];
			int f = roster_headers_lookup(h, tok);

			roster_title_key(tok, key, sizeof key);
			/* core/roster.c keeps 95 bytes of a key: longer titles are
			 * compared by that prefix, not checked here */
			if (!key[0] || strlen(key) >= 90)
				continue;
			if (f < 0 || f > ROSTER_IGNORE || roster_headers_lookup(h, key) != f) {
				fprintf(stderr, "title \"%s\" (key \"%s\") not found: %d\n", tok, key, f);
				abort();
			}
		}
	}
	free(copy);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1), path[64];
	struct roster_headers *a = NULL, *b = NULL;
	struct err ea = {0}, eb = {0};
	int fd, ra, rb;

	if (!s)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';
	fd = memfd_create("fuzz_roster_headers", 0);
	if (fd < 0 || write(fd, data, size) != (ssize_t)size)
		abort();
	snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
	ra = roster_headers_load(path, &a, &ea);
	rb = roster_headers_parse(s, &b, &eb);
	if (ra != rb || (ra < 0 && ea.line != eb.line) || (ra == 0) != (a != NULL)) {
		fprintf(stderr, "load %d (line %ld) but parse %d (line %ld)\n", ra, ea.line, rb,
			eb.line);
		abort();
	}
	if (rb == 0)
		check_titles(b, s);
	roster_headers_free(&a);
	roster_headers_free(&b);
	close(fd);
	free(s);
	return 0;
}
