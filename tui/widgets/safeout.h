/* safeout: the command line's stdout and stderr, made safe for a terminal.
 *
 * Whatever a command prints (messages with a file's cells, a peer's
 * community name, report and sheet text) passes through core/textsafe on
 * its way out: control, bidi and invisible characters and malformed bytes
 * arrive as U+FFFD, newline and tab as they are.  One filter on the two
 * streams, so that no printf of a command can forget it.  On a terminal of
 * a Chinese code page locale (zh_CN.GB18030, GBK) the text is converted to
 * it there.  Data written to a file descriptor directly (CSV on standard
 * output) is not touched. */
#ifndef DOORSTEP_SAFEOUT_H
#define DOORSTEP_SAFEOUT_H

/* Puts the filter on stdout and stderr.  Safe to call twice. */
void safeout_install(void);

/* Takes the filter off again (flushing it): the full-screen program writes
 * its escape sequences to the terminal itself. */
void safeout_remove(void);

/* Moves stderr's cursor back to the start of the line (a progress count
 * written over itself); the filter lets no carriage return through. */
void safeout_carriage_return(void);

#endif
