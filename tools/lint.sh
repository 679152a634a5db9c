#!/bin/sh
# Proves the layering of STYLE.md: core/ includes neither curses nor SQLite,
# db/ never includes curses, tui/ never includes sqlite3.h nor holds SQL text,
# and tui/ops/ (the operations shared by commands and screens) includes no
# curses, directly or through a tui/ header of the screens.
# Also checks that every .c in a layer has its header and that no whitespace
# errors are committed.
set -u
cd "$(dirname "$0")/.." || exit 2
bad=0
say() { echo "lint: $*"; bad=1; }

hits=$(grep -lE '#[[:space:]]*include[[:space:]]*[<"](n?curses|ncursesw/|sqlite3)' core/*.c core/*.h 2>/dev/null)
[ -n "$hits" ] && say "core/ must include neither curses nor sqlite3:" $hits
hits=$(grep -lE '#[[:space:]]*include[[:space:]]*[<"](n?curses|ncursesw/)' db/*.c db/*.h 2>/dev/null)
[ -n "$hits" ] && say "db/ must not include curses:" $hits
hits=$(grep -lE '#[[:space:]]*include[[:space:]]*[<"](n?curses|ncursesw/)' tui/ops/*.c tui/ops/*.h 2>/dev/null)
[ -n "$hits" ] && say "tui/ops/ must not include curses:" $hits
# A tui/ header outside ops/ may be a screen's: ops/ includes only cli.h
# (the command line's state) and paths.h (where the data files are).
bad_ops=$(grep -hoE '#[[:space:]]*include[[:space:]]*"tui/[a-z_]+\.h"' tui/ops/*.c tui/ops/*.h 2>/dev/null |
	grep -vE '"tui/(cli|paths)\.h"')
[ -n "$bad_ops" ] && say "tui/ops/ may include no screen header:" $bad_ops
hits=$(grep -lE '#[[:space:]]*include[[:space:]]*[<"]sqlite3' tui/*.c tui/*.h tui/ops/*.c tui/ops/*.h 2>/dev/null)
[ -n "$hits" ] && say "tui/ must not include sqlite3.h:" $hits
hits=$(grep -lE '"[[:space:]]*(SELECT|INSERT|UPDATE|DELETE|CREATE|PRAGMA)[[:space:]]' tui/*.c tui/*.h tui/ops/*.c tui/ops/*.h core/*.c core/*.h 2>/dev/null)
[ -n "$hits" ] && say "SQL text outside db/:" $hits
hits=$(grep -lE '#[[:space:]]*include[[:space:]]*"(db|tui)/' core/*.c core/*.h 2>/dev/null)
[ -n "$hits" ] && say "core/ must not depend on db/ or tui/:" $hits
hits=$(grep -lE '#[[:space:]]*include[[:space:]]*"tui/' db/*.c db/*.h 2>/dev/null)
[ -n "$hits" ] && say "db/ must not depend on tui/:" $hits
for c in core/*.c db/*.c tui/*.c tui/ops/*.c; do
	[ -f "$c" ] || continue
	case "$c" in tui/main.c) continue ;; esac
	[ -f "${c%.c}.h" ] || say "$c has no header ${c%.c}.h"
done
if git rev-parse --git-dir >/dev/null 2>&1; then
	git diff --check HEAD -- . >/dev/null 2>&1 || say "whitespace errors (git diff --check)"
fi
[ "$bad" -eq 0 ] && echo "lint: layering ok"
exit "$bad"
