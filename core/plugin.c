/* plugin: loading the formats' shared object and forwarding to it
 * (plugin.h). */
#include "core/plugin.h"

#include <dlfcn.h>
#include <limits.h>
#include <string.h>
#include <unistd.h>

#include "core/i18n.h"
#include "core/sheet_pdf.h"
#include "core/xls_read.h"
#include "core/xlsx_read.h"

#ifndef DOORSTEP_PLUGINDIR
#define DOORSTEP_PLUGINDIR "/usr/local/lib/doorstep"
#endif
#ifndef DOORSTEP_VERSION
#define DOORSTEP_VERSION "?"
#endif

static const struct plugin_table *table;

/* The plugin beside the executable, into buf; 0, or -1 when the
 * executable's own path cannot be read. */
static int beside_exe(char *buf, size_t n)
{
	ssize_t len = readlink("/proc/self/exe", buf, n - 1);
	char *slash;

	if (len <= 0 || (size_t)len >= n - 1 - sizeof PLUGIN_FILE)
		return -1;
	buf[len] = '\0';
	slash = strrchr(buf, '/');
	if (!slash)
		return -1;
	memcpy(slash + 1, PLUGIN_FILE, sizeof PLUGIN_FILE);
	return 0;
}

/* Opens the file at path and checks its table: the table, or NULL with e. */
static const struct plugin_table *open_file(const char *path, struct err *e)
{
	void *h = dlopen(path, RTLD_NOW | RTLD_LOCAL);
	plugin_entry_fn entry;
	const struct plugin_table *t;
	const char *why;

	if (!h) {
		size_t n = strlen(path);

		why = dlerror();
		if (!why)
			why = "?";
		else if (!strncmp(why, path, n) && !strncmp(why + n, ": ", 2))
			why += n + 2; /* the loader names the file too */
		err_set(e, _("cannot load %s: %s"), path, why);
		return NULL;
	}
	*(void **)&entry = dlsym(h, PLUGIN_ENTRY);
	t = entry ? entry() : NULL;
	if (!t || t->abi != PLUGIN_ABI || t->size != sizeof *t ||
	    strcmp(t->version, DOORSTEP_VERSION) != 0) {
		err_set(e,
			_("%s belongs to another build of doorstep (this is %s): install them "
			  "together"),
			path, DOORSTEP_VERSION);
		dlclose(h);
		return NULL;
	}
	return t; /* the handle stays open for the rest of the run */
}

const struct plugin_table *plugin_get(struct err *e)
{
	char path[PATH_MAX];
	const char *installed = DOORSTEP_PLUGINDIR "/" PLUGIN_FILE;

	if (table)
		return table;
	if (beside_exe(path, sizeof path) == 0 && access(path, F_OK) == 0)
		table = open_file(path, e);
	else if (access(installed, F_OK) == 0)
		table = open_file(installed, e);
	else
		err_set(e,
			_("the PDF and spreadsheet plugin %s is missing (looked beside the program "
			  "and in %s): reinstall doorstep"),
			PLUGIN_FILE, DOORSTEP_PLUGINDIR);
	return table;
}

/* ---- the formats' functions, forwarded ---- */

int sheet_pdf_write(const struct sheet *s, const char *path, int *pages, struct err *e)
{
	const struct plugin_table *t = plugin_get(e);

	return t ? t->sheet_pdf_write(s, path, pages, e) : -1;
}

int sheet_pdf_write_checked(const struct sheet *s, const char *path, int *pages,
			    struct strbuf *missing, struct err *e)
{
	const struct plugin_table *t = plugin_get(e);

	return t ? t->sheet_pdf_write_checked(s, path, pages, missing, e) : -1;
}

int xlsxout_open(struct xlsxout **out, const char *path, const char *sheet, struct err *e)
{
	const struct plugin_table *t = plugin_get(e);

	*out = NULL;
	return t ? t->xlsxout_open(out, path, sheet, e) : -1;
}

/* A struct xlsxout exists only once xlsxout_open loaded the plugin. */
void xlsxout_column(struct xlsxout *w, int col, enum xlsxout_type type)
{
	table->xlsxout_column(w, col, type);
}

void xlsxout_cell(struct xlsxout *w, const char *s, size_t n)
{
	table->xlsxout_cell(w, s, n);
}

int xlsxout_row_end(struct xlsxout *w, struct err *e)
{
	return table->xlsxout_row_end(w, e);
}

int xlsxout_finish(struct xlsxout *w, struct err *e)
{
	return table->xlsxout_finish(w, e);
}

size_t xlsxout_warning_count(const struct xlsxout *w)
{
	return table->xlsxout_warning_count(w);
}

const char *xlsxout_warning(const struct xlsxout *w, size_t i)
{
	return table->xlsxout_warning(w, i);
}

void xlsxout_free(struct xlsxout **w)
{
	if (w && *w)
		table->xlsxout_free(w);
}

int xlsx_zip_check(const char *path, const char *formats, struct err *e)
{
	const struct plugin_table *t = plugin_get(e);

	return t ? t->xlsx_zip_check(path, formats, e) : -1;
}

int xlsx_sheet_names(const char *path, char ***names, int *n, struct err *e)
{
	const struct plugin_table *t = plugin_get(e);

	return t ? t->xlsx_sheet_names(path, names, n, e) : -1;
}

int xlsx_read_sheet(const char *path, int index, csvread_fn fn, void *ctx, struct err *e)
{
	const struct plugin_table *t = plugin_get(e);

	return t ? t->xlsx_read_sheet(path, index, fn, ctx, e) : -1;
}

int xls_sheet_names(const char *path, char ***names, int *n, struct err *e)
{
	const struct plugin_table *t = plugin_get(e);

	return t ? t->xls_sheet_names(path, names, n, e) : -1;
}

int xls_read_sheet(const char *path, int index, csvread_fn fn, void *ctx, struct err *e)
{
	const struct plugin_table *t = plugin_get(e);

	return t ? t->xls_read_sheet(path, index, fn, ctx, e) : -1;
}
