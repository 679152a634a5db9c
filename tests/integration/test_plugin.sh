#!/bin/sh
# The file formats load on first use (core/plugin.h): the program links none
# of the large libraries, starts and answers every command that writes no PDF
# or workbook without its plugin, and a missing or broken plugin is named in
# a message, never a crash, and leaves no file behind.
. "$(dirname "$0")/lib.sh"
command -v ldd >/dev/null || skip "no ldd"
PLUGIN=$(dirname "$BIN")/doorstep-formats.so
[ -f "$PLUGIN" ] || fail "no plugin beside $BIN"

# The program's own libraries: none of the formats' (nor what they pull in).
ldd "$BIN" >"$T/ldd" || fail "ldd $BIN"
for lib in pango cairo glib gobject harfbuzz fontconfig freetype xlsxwriter zint freexl \
	libzip expat; do
	grep -q "$lib" "$T/ldd" && fail "$BIN links $lib: $(grep "$lib" "$T/ldd")"
done
# The plugin links them, and resolves everything it needs from the program
# (ldd -r would list its callbacks into the program as undefined).
ldd "$PLUGIN" | grep -q pangocairo || fail "the plugin does not link pangocairo"

# The program exports its functions to the plugin (-rdynamic): none may
# have the name of a function of a library either of them loads, which the
# library's own calls would then reach instead of its own.
if command -v nm >/dev/null; then
	nm -D --defined-only "$BIN" | awk '{ print $3 }' | sort -u >"$T/ours"
	for lib in $(ldd "$BIN" "$PLUGIN" | awk '/=>/ { print $3 }' | sort -u); do
		nm -D --defined-only "$lib" 2>/dev/null | awk '{ print $3 }'
	done | sed 's/@.*//' | sort -u >"$T/theirs"
	clash=$(comm -12 "$T/ours" "$T/theirs" |
		grep -vxE '__bss_start|_edata|_end|__(asan|lsan|ubsan|sanitizer)_[a-z_]+')
	[ -z "$clash" ] || fail "the program exports names its libraries define:" $clash
else
	skip_part "no nm: the exported names are not compared"
fi

# A copy of the program alone: what needs no plugin works.
mkdir -p "$T/lone"
cp "$BIN" "$T/lone/doorstep"
ln -s "$(dirname "$BIN")/data" "$T/lone/data" # as in the build tree
LONE="$T/lone/doorstep"
export DOORSTEP_DB="$T/a.db"
expect_status 0 "$BIN" demo --households 30 --days 3
expect_status 0 "$LONE" --version
expect_status 0 "$LONE" report
expect_status 0 "$LONE" export households -o "$T/h.csv"
printf '%s\n' 门牌,姓名 1-1-101,张三 >"$T/r.csv"
expect_status 0 "$LONE" import roster "$T/r.csv" --dry-run

# What needs it says which file is missing, and writes nothing.  (An
# installed plugin of this version would be found instead: then skip.)
installed=$(strings "$BIN" | grep -m1 '/lib/doorstep$')
if [ -n "$installed" ] && [ -f "$installed/doorstep-formats.so" ]; then
	skip_part "a plugin is installed in $installed: the missing-plugin case is not testable"
else
	expect_status 1 "$LONE" sheet rounds -o "$T/r.pdf"
	expect_grep 'doorstep-formats.so is missing' "$T/err"
	[ -e "$T/r.pdf" ] && fail "a PDF was written without the plugin"
	expect_status 1 "$LONE" export households -o "$T/h.xlsx"
	expect_grep 'doorstep-formats.so is missing' "$T/err"
	[ -e "$T/h.xlsx" ] && fail "an .xlsx was written without the plugin"
fi

# A broken plugin (not a shared object) is named with the loader's reason.
echo "not a shared object" >"$T/lone/doorstep-formats.so"
expect_status 1 "$LONE" sheet rounds -o "$T/r.pdf"
expect_grep "cannot load $T/lone/doorstep-formats.so" "$T/err"
[ -e "$T/r.pdf" ] && fail "a PDF was written with a broken plugin"

# A plugin of another build (its table's version differs) is refused.
if command -v cc >/dev/null && [ -f "$(dirname "$0")/../../core/plugin.h" ]; then
	top=$(cd "$(dirname "$0")/../.." && pwd)
	cat >"$T/other.c" <<'CEOF'
#include "core/plugin.h"
const struct plugin_table *doorstep_plugin_table(void)
{
	static const struct plugin_table t = {PLUGIN_ABI, sizeof t, "0.0.0-other"};
	return &t;
}
CEOF
	if cc -std=c11 -shared -fPIC -I"$top" $(pkg-config --cflags sqlite3 2>/dev/null) \
		-o "$T/lone/doorstep-formats.so" "$T/other.c" 2>"$T/cc.err"; then
		expect_status 1 "$LONE" sheet rounds -o "$T/r.pdf"
		expect_grep 'belongs to another build of doorstep' "$T/err"
	else
		fail "cannot build the other build's plugin: $(cat "$T/cc.err")"
	fi
fi

# With the real plugin beside it, the same copy writes the PDF.
cp "$PLUGIN" "$T/lone/doorstep-formats.so"
expect_status 0 "$LONE" sheet rounds -o "$T/r.pdf"
[ -s "$T/r.pdf" ] || fail "no PDF with the plugin"
finish
