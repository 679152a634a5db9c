#!/bin/sh
# Proves the layering of CONTRIBUTING.md: core/ includes neither curses nor SQLite,
# db/ never includes curses, tui/ never includes sqlite3.h nor holds SQL text,
# and tui/ops/ (the operations shared by commands and screens) includes no
# curses and no screen header; only tui/ops/ opens a transaction in tui/.
# Also checks that every .c in a layer has its header, that every reference
# to documentation points at a file (and section) of the repository, and that
# no whitespace errors are committed.
set -u
cd "$(dirname "$0")/.." || exit 2
bad=0
say() { echo "lint: $*"; bad=1; }
# tui/'s files, its subfolders' included (cli/, screens/, widgets/, ops/):
# expanded where used.
TUI_FILES='tui/*.c tui/*.h tui/*/*.c tui/*/*.h'
TUI_C='tui/*.c tui/*/*.c'

hits=$(grep -lE '#[[:space:]]*include[[:space:]]*[<"](n?curses|ncursesw/|sqlite3)' core/*.c core/*.h 2>/dev/null)
[ -n "$hits" ] && say "core/ must include neither curses nor sqlite3:" $hits
hits=$(grep -lE '#[[:space:]]*include[[:space:]]*[<"](n?curses|ncursesw/)' db/*.c db/*.h 2>/dev/null)
[ -n "$hits" ] && say "db/ must not include curses:" $hits
hits=$(grep -lE '#[[:space:]]*include[[:space:]]*[<"](n?curses|ncursesw/)' tui/ops/*.c tui/ops/*.h 2>/dev/null)
[ -n "$hits" ] && say "tui/ops/ must not include curses:" $hits
# A tui/ header outside ops/ may be a screen's: ops/ includes only cli/cli.h
# (the command line's state), paths.h (where the data files are) and its own.
bad_ops=$(grep -hoE '#[[:space:]]*include[[:space:]]*"tui/[a-z_/]+\.h"' tui/ops/*.c tui/ops/*.h 2>/dev/null |
	grep -vE '"tui/(cli/cli|paths|ops/[a-z_]+)\.h"')
[ -n "$bad_ops" ] && say "tui/ops/ may include no screen header:" $bad_ops
# A transaction is an operation's (tui/ops/) or a db/ function's: the
# screens, widgets and commands open none (tui/app.c only rolls back, at
# exit, what a signal left open).
hits=$(grep -lE '\<db_(begin|commit|rollback|end)[[:space:]]*\(' tui/screens/*.c tui/widgets/*.c tui/cli/*.c 2>/dev/null)
[ -n "$hits" ] && say "a transaction outside tui/ops/ (make it an operation):" $hits
hits=$(grep -lE '#[[:space:]]*include[[:space:]]*[<"]sqlite3' $TUI_FILES 2>/dev/null)
[ -n "$hits" ] && say "tui/ must not include sqlite3.h:" $hits
hits=$(grep -lE '"[[:space:]]*(SELECT|INSERT|UPDATE|DELETE|CREATE|PRAGMA)[[:space:]]' $TUI_FILES core/*.c core/*.h 2>/dev/null)
[ -n "$hits" ] && say "SQL text outside db/:" $hits
hits=$(grep -lE '#[[:space:]]*include[[:space:]]*"(db|tui)/' core/*.c core/*.h 2>/dev/null)
[ -n "$hits" ] && say "core/ must not depend on db/ or tui/:" $hits
hits=$(grep -lE '#[[:space:]]*include[[:space:]]*"tui/' db/*.c db/*.h 2>/dev/null)
[ -n "$hits" ] && say "db/ must not depend on tui/:" $hits
for c in core/*.c db/*.c $TUI_C; do
	[ -f "$c" ] || continue
	case "$c" in tui/main.c) continue ;; esac
	[ -f "${c%.c}.h" ] || say "$c has no header ${c%.c}.h"
done
# Documentation is referred to inside the repository: no pointer to the old
# product specification or style sheet, which the repository does not hold,
# and every Markdown file named in code, tools, tests and docs exists
# (relative to the top or to the naming file), with a heading whose GitHub
# anchor is the section named after a '#'.
old='SPEC'' §|STYLE''\.md|SPEC''\.md'
hits=$(git grep --untracked -lE "$old" -- . 2>/dev/null)
[ -n "$hits" ] && say "a reference to a document outside the repository (write it into docs/):" $hits
# anchor FILE: the GitHub anchors of FILE's headings, one a line.
anchors() {
	sed -n 's/^#\{1,6\} \{1,\}//p' "$1" | tr 'A-Z' 'a-z' | LC_ALL=C.UTF-8 sed 's/[^[:alnum:] _-]//g; s/ /-/g'
}
refs=$(git grep --untracked -noE '[A-Za-z0-9_./-]*[A-Za-z0-9_-]\.md(#[A-Za-z0-9_-]+)?' -- \
	'*.c' '*.h' '*.sh' '*.md' Makefile .ci doorstep.1 2>/dev/null | grep -v '://')
for r in $refs; do
	file=${r%%:*}
	ref=${r#*:*:}
	doc=${ref%%#*}
	if [ -f "$doc" ]; then
		path=$doc
	elif [ -f "$(dirname "$file")/$doc" ]; then
		path=$(dirname "$file")/$doc
	else
		say "${r%:*}: $doc does not exist"
		continue
	fi
	case "$ref" in
	*#*) anchors "$path" | grep -qx "${ref#*#}" || say "${r%:*}: $path has no section #${ref#*#}" ;;
	esac
done
if git rev-parse --git-dir >/dev/null 2>&1; then
	git diff --check HEAD -- . >/dev/null 2>&1 || say "whitespace errors (git diff --check)"
fi
[ "$bad" -eq 0 ] && echo "lint: layering ok"
exit "$bad"
