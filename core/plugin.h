/* plugin: the file formats that need large libraries, loaded on first use.
 *
 * The PDF sheets and charts (pango, cairo, glib, fontconfig), the barcodes
 * (zint), the .xlsx writer (libxlsxwriter) and the workbook readers
 * (libzip, expat, FreeXL) are some forty shared libraries whose loading
 * cost every start of the program about 40 ms of CPU, though most runs
 * use none of them.  They are built into a shared object of doorstep's
 * own, PLUGIN_FILE, which the program dlopen()s the first time one of
 * their functions is called.  The program calls the functions of
 * core/sheet_pdf.h, core/xlsxout.h, core/xlsx_read.h and core/xls_read.h
 * as before: core/plugin.c defines them in the program, each forwarding
 * through the plugin's table of entry points.  Unit tests link the
 * formats' objects directly instead (docs/design.md#the-formats-plugin).
 *
 * The plugin is looked for beside the executable (the build tree) and then
 * in the installed DOORSTEP_PLUGINDIR.  It calls back into the program for
 * the rest of core/ (the sheet model, strbuf, err, xalloc), which the
 * program exports; so the program and its plugin come from one build, and
 * the table carries the version and size to refuse any other. */
#ifndef DOORSTEP_PLUGIN_H
#define DOORSTEP_PLUGIN_H

#include <stddef.h>

#include "core/csvread.h"
#include "core/err.h"
#include "core/sheet.h"
#include "core/xlsxout.h"

#define PLUGIN_FILE  "doorstep-formats.so"
#define PLUGIN_ENTRY "doorstep_plugin_table" /* the one symbol it exports */
#define PLUGIN_ABI   1			     /* bumped when the table changes */

struct strbuf;

/* The entry points of the plugin, one per function of the formats' headers
 * that the program calls. */
struct plugin_table {
	int abi;	     /* PLUGIN_ABI */
	size_t size;	     /* sizeof(struct plugin_table) */
	const char *version; /* DOORSTEP_VERSION of the build */
	/* core/sheet_pdf.h */
	int (*sheet_pdf_write)(const struct sheet *s, const char *path, int *pages, struct err *e);
	int (*sheet_pdf_write_checked)(const struct sheet *s, const char *path, int *pages,
				       struct strbuf *missing, struct err *e);
	/* core/xlsxout.h */
	int (*xlsxout_open)(struct xlsxout **out, const char *path, const char *sheet,
			    struct err *e);
	void (*xlsxout_column)(struct xlsxout *w, int col, enum xlsxout_type type);
	void (*xlsxout_cell)(struct xlsxout *w, const char *s, size_t n);
	int (*xlsxout_row_end)(struct xlsxout *w, struct err *e);
	int (*xlsxout_finish)(struct xlsxout *w, struct err *e);
	size_t (*xlsxout_warning_count)(const struct xlsxout *w);
	const char *(*xlsxout_warning)(const struct xlsxout *w, size_t i);
	void (*xlsxout_free)(struct xlsxout **w);
	/* core/xlsx_read.h and core/xls_read.h */
	int (*xlsx_zip_check)(const char *path, const char *formats, struct err *e);
	int (*xlsx_sheet_names)(const char *path, char ***names, int *n, struct err *e);
	int (*xlsx_read_sheet)(const char *path, int index, csvread_fn fn, void *ctx,
			       struct err *e);
	int (*xls_sheet_names)(const char *path, char ***names, int *n, struct err *e);
	int (*xls_read_sheet)(const char *path, int index, csvread_fn fn, void *ctx, struct err *e);
};

/* The plugin's entry (core/plugin_table.c): its table, static. */
typedef const struct plugin_table *(*plugin_entry_fn)(void);

/* Loads the plugin once and returns its table, or NULL with a message in e
 * that names the file (not found where it was looked for, not loadable and
 * dlerror's reason, of another build).  A failure is not remembered: the
 * next call tries again. */
const struct plugin_table *plugin_get(struct err *e);

#endif
