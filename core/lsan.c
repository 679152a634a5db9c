/* lsan: LeakSanitizer's suppressions (lsan.h). */
#include "core/lsan.h"

const char *__lsan_default_suppressions(void)
{
	return "leak:libfontconfig.so\nleak:libcairo.so\n";
}
