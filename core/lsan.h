/* lsan: what LeakSanitizer is told to leave out, in a sanitizer build.
 *
 * fontconfig and cairo keep process-wide caches (font patterns, subset
 * tables) that they never free, reported as leaks that are not ours.
 * LeakSanitizer reads its suppressions from this weak hook of its runtime,
 * which only the executable can override: so it is linked into the program
 * (the PDF code itself is in the formats plugin, core/plugin.h) and into
 * the tests that link the PDF code directly.  Without a sanitizer nothing
 * calls it. */
#ifndef DOORSTEP_LSAN_H
#define DOORSTEP_LSAN_H

/* The suppressions, one "leak:MODULE" a line. */
const char *__lsan_default_suppressions(void);

#endif
