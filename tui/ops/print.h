/* print: sending a PDF to a CUPS queue with the `lp` command.
 *
 * lp and lpstat run with posix_spawnp (no shell, so no file name or queue
 * name is ever interpreted), in the C locale so that their answers parse
 * the same whatever the user's language.  Nothing here deletes the PDF: a
 * failed job leaves the file where it was for another try. */
#ifndef DOORSTEP_PRINT_H
#define DOORSTEP_PRINT_H

#include <stddef.h>

#include "core/err.h"

struct print_queue {
	char name[128];
	int is_default; /* the system default destination (lpstat -d) */
};

/* Lists the queues accepting jobs (`lpstat -a`) and marks the default
 * (`lpstat -d`).  *out is a malloc'd array of *n queues (the caller frees
 * it; NULL when there are none).  Returns 0, or -1 with a message when
 * lpstat is missing or the CUPS scheduler does not answer. */
int print_list_queues(struct print_queue **out, int *n, struct err *e);

/* Sends the PDF at path to queue (NULL or "" for the default) with `lp`,
 * titled title (may be NULL).  On success copies the job id ("Q-12") into
 * job (n bytes) and returns 0.  Returns -1 with a message when lp is not
 * installed, the queue is unknown, there is no default queue, or the job is
 * refused; lp's own words are kept in the message. */
int print_send(const char *path, const char *queue, const char *title, char *job, size_t n,
	       struct err *e);

/* Finds the job id in lp's answer "request id is Q-12 (1 file(s))".
 * Returns 1 found (job filled), 0 not found. */
int print_parse_job(const char *answer, char *job, size_t n);

#endif
