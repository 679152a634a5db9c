#!/bin/sh
# Proves that `make test` and `make run` work as the very first command on a
# machine that lacks the packages: in a scratch copy of the working tree,
# `pkg-config` on PATH fails until the deps step has run, and tools/deps.sh is
# replaced by one that records that it ran and lets pkg-config answer from
# then on.  `make test TESTS=<one unit test>` must build and pass, and
# `make run` must build and start the program (the demo start is replaced by
# `doorstep --version`).  Run by .ci/run; FRESH_TEST names the unit test.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
unit=${FRESH_TEST:-unit/test_date}
real=$(command -v pkg-config) || { echo "ci-fresh: needs a real pkg-config" >&2; exit 1; }
S=$(mktemp -d "${TMPDIR:-/tmp}/doorstep-fresh-XXXXXX")
trap 'rm -rf "$S"' EXIT INT TERM
# The tracked and new files of the working tree, without build output.
git ls-files --cached --others --exclude-standard -z | xargs -0 -r cp --parents -t "$S" 2>/dev/null || true
mkdir -p "$S/.fake"
cat >"$S/.fake/pkg-config" <<EOT
#!/bin/sh
if [ ! -f "$S/.deps-ran" ]; then
	echo "pkg-config \$*: called before the deps step" >>"$S/.early"
	exit 1
fi
exec "$real" "\$@"
EOT
cat >"$S/tools/deps.sh" <<EOT
#!/bin/sh
echo "deps: ran" >&2
echo ran >>"$S/.deps-ran"
EOT
cat >"$S/tools/run-demo.sh" <<'EOT'
#!/bin/sh
exec "${1:-build}/doorstep" --version
EOT
chmod +x "$S/.fake/pkg-config" "$S/tools/deps.sh" "$S/tools/run-demo.sh"
export PATH="$S/.fake:$PATH"
fresh() { # goal...: a first make from nothing in the scratch tree
	rm -rf "$S/build" "$S/.deps-ran" "$S/.early"
	(cd "$S" && make -j2 "$@") >"$S/make.log" 2>&1 ||
		{ tail -n 40 "$S/make.log"; echo "ci-fresh: make $* failed on a fresh machine"; exit 1; }
	[ -f "$S/.deps-ran" ] || { echo "ci-fresh: make $* did not run the deps step"; exit 1; }
	if [ -f "$S/.early" ]; then
		cat "$S/.early"
		echo "ci-fresh: make $* asked pkg-config before the deps step"
		exit 1
	fi
}
fresh test TESTS="$unit"
grep -qx "1 passed, 0 failed, 0 skipped" "$S/make.log" ||
	{ tail -n 20 "$S/make.log"; echo "ci-fresh: make test TESTS=$unit did not pass"; exit 1; }
echo "ci-fresh: make test TESTS=$unit passed first time: $(tail -n 1 "$S/make.log")"
fresh run
grep -q '^doorstep ' "$S/make.log" ||
	{ tail -n 20 "$S/make.log"; echo "ci-fresh: make run did not start the program"; exit 1; }
echo "ci-fresh: make run built and started the program first time: $(grep '^doorstep ' "$S/make.log")"
