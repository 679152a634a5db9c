/* safeout: stdout and stderr through core/textsafe; see safeout.h. */
#include "tui/safeout.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "core/strbuf.h"
#include "core/textsafe.h"

struct sink {
	int fd;
	FILE *orig;
	char tail[4]; /* the start of a UTF-8 sequence whose rest is to come */
	size_t ntail;
};

static struct sink out_sink = {STDOUT_FILENO, NULL, {0}, 0};
static struct sink err_sink = {STDERR_FILENO, NULL, {0}, 0};

static int write_all(int fd, const char *s, size_t n)
{
	while (n) {
		ssize_t w = write(fd, s, n);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		s += w;
		n -= (size_t)w;
	}
	return 0;
}

static ssize_t sink_write(void *cookie, const char *buf, size_t size)
{
	struct sink *k = cookie;
	struct strbuf in = STRBUF_INIT, out = STRBUF_INIT;
	size_t used;
	int r;

	strbuf_add(&in, k->tail, k->ntail);
	strbuf_add(&in, buf, size);
	strbuf_add(&out, "", 0);
	used = textsafe_filter(&out, in.s, in.len, TEXTSAFE_KEEP_NEWLINE | TEXTSAFE_KEEP_TAB, 1);
	k->ntail = in.len - used;
	memcpy(k->tail, in.s + used, k->ntail);
	r = write_all(k->fd, out.s, out.len);
	strbuf_free(&in);
	strbuf_free(&out);
	return r < 0 ? -1 : (ssize_t)size;
}

static int sink_close(void *cookie)
{
	struct sink *k = cookie;

	if (k->ntail) /* a sequence that never ended */
		write_all(k->fd, "\xEF\xBF\xBD", 3);
	k->ntail = 0;
	return 0;
}

/* stdout: by line to a terminal, in blocks to a pipe; stderr unbuffered. */
static FILE *open_sink(struct sink *k, int mode)
{
	cookie_io_functions_t io = {.write = sink_write, .close = sink_close};
	FILE *f = fopencookie(k, "w", io);

	if (f)
		setvbuf(f, NULL, mode, 0);
	return f;
}

void safeout_install(void)
{
	FILE *o, *e;

	if (out_sink.orig)
		return;
	fflush(stdout);
	fflush(stderr);
	o = open_sink(&out_sink, isatty(STDOUT_FILENO) ? _IOLBF : _IOFBF);
	e = open_sink(&err_sink, _IONBF);
	if (!o || !e) { /* no memory: the streams stay as they were */
		if (o)
			fclose(o);
		if (e)
			fclose(e);
		return;
	}
	out_sink.orig = stdout;
	err_sink.orig = stderr;
	stdout = o;
	stderr = e;
}

void safeout_remove(void)
{
	if (!out_sink.orig)
		return;
	fclose(stdout);
	fclose(stderr);
	stdout = out_sink.orig;
	stderr = err_sink.orig;
	out_sink.orig = err_sink.orig = NULL;
}

void safeout_carriage_return(void)
{
	fflush(stderr);
	write_all(STDERR_FILENO, "\r", 1);
}
