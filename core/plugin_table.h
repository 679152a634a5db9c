/* plugin_table: the entry of the formats' shared object (core/plugin.h).
 *
 * Built into PLUGIN_FILE only, never into the program: its table points at
 * the real functions of core/sheet_pdf.c, core/xlsxout.c, core/xlsx_read.c
 * and core/xls_read.c. */
#ifndef DOORSTEP_PLUGIN_TABLE_H
#define DOORSTEP_PLUGIN_TABLE_H

#include "core/plugin.h"

/* The table, with PLUGIN_ABI, its size and the build's version.  The
 * plugin exports this one symbol (its name is PLUGIN_ENTRY). */
const struct plugin_table *doorstep_plugin_table(void);

#endif
