/* print: CUPS through lp and lpstat; see print.h. */
#include "tui/ops/print.h"

#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/i18n.h"
#include "core/strbuf.h"
#include "core/xalloc.h"

extern char **environ;

/* The environment with LC_ALL and LANG set to C (lp's answers are
 * translated otherwise).  Malloc'd array of borrowed strings. */
static char **c_locale_env(void)
{
	size_t n = 0, j = 0;
	char **env;

	while (environ[n])
		n++;
	env = xcalloc(n + 3, sizeof *env);
	for (size_t i = 0; i < n; i++)
		if (strncmp(environ[i], "LC_ALL=", 7) && strncmp(environ[i], "LANG=", 5) &&
		    strncmp(environ[i], "LANGUAGE=", 9))
			env[j++] = environ[i];
	env[j++] = "LC_ALL=C";
	env[j++] = "LANG=C";
	env[j] = NULL;
	return env;
}

/* Runs argv (found in PATH) with stdout and stderr captured together into
 * out.  Returns the exit status (0..255), or -1 with errno set when the
 * program could not be started (ENOENT: not installed). */
static int run(char *const argv[], struct strbuf *out)
{
	posix_spawn_file_actions_t fa;
	char **env = c_locale_env();
	int fds[2], status = 0, rc;
	pid_t pid;
	char buf[4096];
	ssize_t got;

	if (pipe2(fds, O_CLOEXEC) < 0) {
		free(env);
		return -1;
	}
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
	posix_spawn_file_actions_adddup2(&fa, fds[1], 1);
	posix_spawn_file_actions_adddup2(&fa, fds[1], 2);
	rc = posix_spawnp(&pid, argv[0], &fa, NULL, argv, env);
	posix_spawn_file_actions_destroy(&fa);
	free(env);
	close(fds[1]);
	if (rc != 0) {
		close(fds[0]);
		errno = rc;
		return -1;
	}
	while ((got = read(fds[0], buf, sizeof buf)) != 0) {
		if (got < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		strbuf_add(out, buf, (size_t)got);
	}
	close(fds[0]);
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return 255;
	return WIFEXITED(status) ? WEXITSTATUS(status) : 255;
}

/* lp's answer without its trailing newline(s), for a message. */
static const char *trimmed(struct strbuf *b)
{
	while (b->len && (b->s[b->len - 1] == '\n' || b->s[b->len - 1] == ' '))
		b->s[--b->len] = '\0';
	for (size_t i = 0; i < b->len; i++)
		if (b->s[i] == '\n')
			b->s[i] = ' ';
	/* lp and lpstat begin their messages with their name: keep it once */
	if (b->len > 4 && (!strncmp(b->s, "lp: ", 4)))
		return b->s + 4;
	if (b->len > 8 && (!strncmp(b->s, "lpstat: ", 8)))
		return b->s + 8;
	return b->len ? b->s : "no answer";
}

/* 1 when CUPS's scheduler is not running (lpstat -r says so, or cannot
 * reach it): every queue then looks missing to lp, which is not the news. */
static int scheduler_down(void)
{
	char *argv[] = {"lpstat", "-r", NULL};
	struct strbuf b = STRBUF_INIT;
	int rc = run(argv, &b), down;

	down = rc >= 0 && (strcasestr(strbuf_str(&b), "not running") ||
			   strcasestr(strbuf_str(&b), "unable to connect"));
	strbuf_free(&b);
	return down;
}

int print_parse_job(const char *answer, char *job, size_t n)
{
	const char *p = answer ? strstr(answer, "request id is ") : NULL;
	size_t len = 0;

	if (!p)
		return 0;
	p += strlen("request id is ");
	while (p[len] && p[len] != ' ' && p[len] != '\n' && p[len] != '(')
		len++;
	if (!len)
		return 0;
	snprintf(job, n, "%.*s", (int)len, p);
	return 1;
}

int print_send(const char *path, const char *queue, const char *title, char *job, size_t n,
	       struct err *e)
{
	char *argv[8];
	struct strbuf out = STRBUF_INIT;
	int argc = 0, rc, r = -1;

	argv[argc++] = "lp";
	if (queue && *queue) {
		argv[argc++] = "-d";
		argv[argc++] = (char *)queue;
	}
	if (title && *title) {
		argv[argc++] = "-t";
		argv[argc++] = (char *)title;
	}
	argv[argc++] = (char *)path;
	argv[argc] = NULL;
	rc = run(argv, &out);
	if (rc < 0 && errno == ENOENT)
		err_set(e, _("cannot print: the lp command is not installed (Debian package "
			     "cups-client)"));
	else if (rc < 0)
		err_set(e, _("cannot print: lp does not start: %s"), strerror(errno));
	else if (rc != 0 && scheduler_down())
		err_set(e, "%s",
			_("cannot print: the print service (CUPS) is not running; start it "
			  "(as root: service cups start) and print again"));
	else if (rc != 0 && strcasestr(out.s ? out.s : "", "does not exist"))
		err_set(e, _("cannot print: there is no printer queue \"%s\" (lp: %s)"),
			queue && *queue ? queue : _("default"), trimmed(&out));
	else if (rc != 0 && strcasestr(out.s ? out.s : "", "no default destination"))
		err_set(e,
			_("cannot print: no default printer is set; choose a queue with "
			  "--printer (lp: %s)"),
			trimmed(&out));
	else if (rc != 0)
		err_set(e, _("the printer refused the job (lp: %s)"), trimmed(&out));
	else if (!print_parse_job(out.s, job, n))
		err_set(e, _("lp gave no job id (lp: %s)"), trimmed(&out));
	else
		r = 0;
	strbuf_free(&out);
	return r;
}

static void add_queue(struct print_queue **q, int *n, const char *name, size_t len)
{
	*q = xrealloc(*q, (size_t)(*n + 1) * sizeof **q);
	snprintf((*q)[*n].name, sizeof(*q)[*n].name, "%.*s", (int)len, name);
	(*q)[*n].is_default = 0;
	(*n)++;
}

int print_list_queues(struct print_queue **out, int *n, struct err *e)
{
	char *lpstat_a[] = {"lpstat", "-a", NULL}, *lpstat_d[] = {"lpstat", "-d", NULL};
	struct strbuf b = STRBUF_INIT;
	const char *p, *d;
	int rc;

	*out = NULL;
	*n = 0;
	rc = run(lpstat_a, &b);
	if (rc < 0) {
		if (errno == ENOENT)
			err_set(e, _("cannot list printers: the lpstat command is not installed "
				     "(Debian package cups-client)"));
		else
			err_set(e, _("cannot list printers: %s"), strerror(errno));
		strbuf_free(&b);
		return -1;
	}
	/* "TESTPDF accepting requests since ..."; "lpstat: No destinations added."
	 * (exit 0 or 1) means none. */
	for (p = strbuf_str(&b); *p;) {
		const char *eol = strchr(p, '\n'), *sp = strchr(p, ' ');
		size_t linelen = eol ? (size_t)(eol - p) : strlen(p);

		if (sp && (size_t)(sp - p) < linelen && strncmp(p, "lpstat:", 7) &&
		    !strncmp(sp, " accepting requests", 19))
			add_queue(out, n, p, (size_t)(sp - p));
		p += linelen + (eol != NULL);
	}
	if (rc != 0 && *n == 0 && !strstr(strbuf_str(&b), "No destinations")) {
		err_set(e, _("cannot list printers: %s"), trimmed(&b));
		strbuf_free(&b);
		return -1;
	}
	strbuf_reset(&b);
	if (run(lpstat_d, &b) == 0 && (d = strstr(strbuf_str(&b), "destination: ")) != NULL) {
		d += strlen("destination: ");
		size_t len = strcspn(d, " \n");

		for (int i = 0; i < *n; i++)
			if (strlen((*out)[i].name) == len && !strncmp((*out)[i].name, d, len))
				(*out)[i].is_default = 1;
	}
	strbuf_free(&b);
	return 0;
}
