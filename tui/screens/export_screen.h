/* export_screen: the Export tab (7, docs/export.md): pick a dataset, a date range,
 * a profile and an encoding, write the file with a progress bar, and see
 * the path and row count at the end.
 *
 * The tab shows the shipped profiles and the last export; Enter (or `n`)
 * opens the export form.  The form's submit runs export_run (tui/cli/cmd_export.h),
 * the same code as `doorstep export`, so the file is atomic, 0600, masked
 * unless full values are chosen (audited). */
#ifndef DOORSTEP_EXPORT_SCREEN_H
#define DOORSTEP_EXPORT_SCREEN_H

#include "tui/widgets/screen.h"

extern const struct screen_class export_screen;

#endif
