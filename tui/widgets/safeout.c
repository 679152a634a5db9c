/* safeout: stdout and stderr through core/textsafe; see safeout.h. */
#include "tui/widgets/safeout.h"

#include <errno.h>
#include <iconv.h>
#include <langinfo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "core/strbuf.h"
#include "core/textsafe.h"

struct sink {
	int fd;
	FILE *orig;
	char tail[4]; /* the start of a UTF-8 sequence whose rest is to come */
	size_t ntail;
	int decided;   /* conv was set (at the first write: after the locale) */
	iconv_t conv;  /* UTF-8 to a GB18030 terminal, or (iconv_t)-1 */
};

static struct sink out_sink = {STDOUT_FILENO, NULL, {0}, 0, 0, (iconv_t)-1};
static struct sink err_sink = {STDERR_FILENO, NULL, {0}, 0, 0, (iconv_t)-1};

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

/* Writes the filtered UTF-8 text to the sink's descriptor: as it is, or in
 * the terminal's Chinese code page (GB18030, GBK) when it is a terminal of
 * such a locale (files and pipes stay UTF-8, as CSV and the database are). */
static int put(struct sink *k, const char *s, size_t n)
{
	const char *cs;
	char *out, *o, *in = (char *)s;
	size_t left = n, room = 4 * n + 16;
	int r;

	if (!k->decided) {
		k->decided = 1;
		cs = nl_langinfo(CODESET);
		/* GB18030, GBK, GB2312: a Chinese Windows terminal's code page */
		if (isatty(k->fd) && cs && !strncasecmp(cs, "GB", 2))
			k->conv = iconv_open(cs, "UTF-8");
	}
	if (k->conv == (iconv_t)-1 || !n)
		return write_all(k->fd, s, n);
	out = o = malloc(room);
	if (!out)
		return write_all(k->fd, s, n);
	/* the filter's output is whole, valid UTF-8, and GB18030 holds every
	 * character; text GBK has no code for is written as it was */
	if (iconv(k->conv, &in, &left, &o, &room) == (size_t)-1) {
		free(out);
		return write_all(k->fd, s, n);
	}
	r = write_all(k->fd, out, (size_t)(o - out));
	free(out);
	return r;
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
	r = put(k, out.s, out.len);
	strbuf_free(&in);
	strbuf_free(&out);
	return r < 0 ? -1 : (ssize_t)size;
}

static int sink_close(void *cookie)
{
	struct sink *k = cookie;

	if (k->ntail) /* a sequence that never ended */
		put(k, "\xEF\xBF\xBD", 3);
	k->ntail = 0;
	if (k->conv != (iconv_t)-1)
		iconv_close(k->conv);
	k->conv = (iconv_t)-1;
	k->decided = 0;
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
