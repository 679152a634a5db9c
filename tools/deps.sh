#!/bin/sh
# Checks for the Debian packages doorstep needs and installs the missing ones.
# As root it runs apt-get itself and says so; as another user it prints the
# exact command and stops.  When everything is present it does nothing.
# Arguments name further packages to check (CI passes its own list, e.g.
# libreoffice-calc, which `make test` itself does not need).
set -eu

PKGS="build-essential pkg-config gettext libncurses-dev libsqlite3-dev libcsv-dev
libcairo2-dev libpango1.0-dev fonts-noto-cjk libcmocka-dev libvterm-dev sqlite3
poppler-utils cups cups-client printer-driver-cups-pdf locales clang
libclang-rt-14-dev tmux bzip2 unicode-data valgrind time
libxlsxwriter-dev libfreexl-dev libzip-dev libexpat1-dev libzint-dev zbar-tools
ncurses-term x11-utils $*"

missing=""
for p in $PKGS; do
	st=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
	case "$st" in
	*" installed") ;;
	*) missing="$missing $p" ;;
	esac
done

if [ -n "$missing" ]; then
	cmd="apt-get install -y --no-install-recommends$missing"
	if [ "$(id -u)" -ne 0 ]; then
		echo "doorstep: missing Debian packages:$missing" >&2
		echo "doorstep: run as root: apt-get update && $cmd" >&2
		exit 1
	fi
	echo "deps: apt-get update && $cmd"
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq
	apt-get install -y -qq --no-install-recommends $missing
fi

# The Chinese UI and the tests need a zh_CN.UTF-8 locale.
if ! locale -a 2>/dev/null | grep -qi '^zh_CN\.utf-\?8$'; then
	if [ "$(id -u)" -ne 0 ]; then
		echo "doorstep: the zh_CN.UTF-8 locale is missing; as root: locale-gen zh_CN.UTF-8" >&2
		exit 1
	fi
	echo "deps: generating the zh_CN.UTF-8 locale"
	sed -i 's/^# *zh_CN.UTF-8 UTF-8/zh_CN.UTF-8 UTF-8/' /etc/locale.gen
	grep -q '^zh_CN.UTF-8 UTF-8' /etc/locale.gen || echo 'zh_CN.UTF-8 UTF-8' >> /etc/locale.gen
	sed -i 's/^# *en_US.UTF-8 UTF-8/en_US.UTF-8 UTF-8/' /etc/locale.gen
	grep -q '^en_US.UTF-8 UTF-8' /etc/locale.gen || echo 'en_US.UTF-8 UTF-8' >> /etc/locale.gen
	locale-gen >/dev/null
fi

# Terminals of Chinese Windows SSH clients speak GB18030: the program and its
# tests (luit, from x11-utils) need a zh_CN.GB18030 locale beside UTF-8.
if ! locale -a 2>/dev/null | grep -qi '^zh_CN\.gb18030$'; then
	if [ "$(id -u)" -ne 0 ]; then
		echo "doorstep: the zh_CN.GB18030 locale is missing; as root: localedef -i zh_CN -f GB18030 zh_CN.GB18030" >&2
		exit 1
	fi
	echo "deps: generating the zh_CN.GB18030 locale"
	sed -i 's/^# *zh_CN.GB18030 GB18030/zh_CN.GB18030 GB18030/' /etc/locale.gen
	grep -q '^zh_CN.GB18030 GB18030' /etc/locale.gen || echo 'zh_CN.GB18030 GB18030' >> /etc/locale.gen
	localedef -i zh_CN -f GB18030 zh_CN.GB18030
fi
