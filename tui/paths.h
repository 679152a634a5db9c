/* paths: where the program finds what ships beside it.
 *
 * From the build tree the binary finds data/ and locale/ next to itself
 * (build/data is a link to the source data/); installed, it uses the
 * compiled-in DOORSTEP_DATADIR and DOORSTEP_LOCALEDIR. */
#ifndef DOORSTEP_PATHS_H
#define DOORSTEP_PATHS_H

/* Records argv[0]'s directory (via /proc/self/exe).  Call once at start. */
void paths_init(const char *argv0);

/* The data folder (profiles, pinyin table, synonyms); never NULL. */
const char *paths_data_dir(void);

/* The locale folder for bindtextdomain; never NULL. */
const char *paths_locale_dir(void);

#endif
