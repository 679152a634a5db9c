#!/bin/sh
# `make run`: makes a demo database under the build folder on first use
# (300 households, 14 days of history) and opens doorstep on it.
set -eu
BUILD=${1:-build}
db="$BUILD/demo.db"
if [ ! -s "$db" ]; then
	echo "run: creating the demo community in $db (300 households, 14 days)"
	"$BUILD/doorstep" --db "$db" --staff 王芳 demo --households 300 --days 14 --seed 1
fi
exec "$BUILD/doorstep" --db "$db"
