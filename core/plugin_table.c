/* plugin_table: the formats' entry points (plugin_table.h). */
#include "core/plugin_table.h"

#include "core/sheet_pdf.h"
#include "core/xls_read.h"
#include "core/xlsx_read.h"

const struct plugin_table *doorstep_plugin_table(void)
{
	static const struct plugin_table t = {
	    .abi = PLUGIN_ABI,
	    .size = sizeof t,
	    .version = DOORSTEP_VERSION,
	    .sheet_pdf_write = sheet_pdf_write,
	    .sheet_pdf_write_checked = sheet_pdf_write_checked,
	    .xlsxout_open = xlsxout_open,
	    .xlsxout_column = xlsxout_column,
	    .xlsxout_cell = xlsxout_cell,
	    .xlsxout_row_end = xlsxout_row_end,
	    .xlsxout_finish = xlsxout_finish,
	    .xlsxout_warning_count = xlsxout_warning_count,
	    .xlsxout_warning = xlsxout_warning,
	    .xlsxout_free = xlsxout_free,
	    .xlsx_zip_check = xlsx_zip_check,
	    .xlsx_sheet_names = xlsx_sheet_names,
	    .xlsx_read_sheet = xlsx_read_sheet,
	    .xls_sheet_names = xls_sheet_names,
	    .xls_read_sheet = xls_read_sheet,
	};

	return &t;
}
