# doorstep: a plain Makefile.  `make run` and `make test` are all a user needs;
# both first run tools/deps.sh, which installs missing Debian packages as root.

PREFIX  ?= /usr/local
DESTDIR ?=
BUILD   ?= build
CC      ?= cc
VERSION := 0.1.0

PKGS     := ncursesw sqlite3 pangocairo
PKG_CF   := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS := $(shell pkg-config --libs $(PKGS) 2>/dev/null)

CFLAGS  ?= -O2 -g
WARN    := -Wall -Wextra -Werror=implicit-function-declaration -Wno-format-truncation
ifeq ($(WERROR),1)
WARN    += -Werror
endif
ifeq ($(SANITIZE),1)
SANFLAGS := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
endif

DATADIR   := $(PREFIX)/share/doorstep
LOCALEDIR := $(PREFIX)/share/locale
ALL_CF  = -std=c11 -D_GNU_SOURCE -I. -I$(BUILD)/gen $(WARN) $(CFLAGS) $(SANFLAGS) $(PKG_CF) \
          -DDOORSTEP_VERSION='"$(VERSION)"' -DDOORSTEP_DATADIR='"$(DATADIR)"' \
          -DDOORSTEP_LOCALEDIR='"$(LOCALEDIR)"' -MMD -MP
# libzint (Code 128 on the pass cards) has no pkg-config file in Debian.
LIBS    = $(PKG_LIBS) -lcsv -lzint -lm

CORE_SRC := $(sort $(wildcard core/*.c))
DB_SRC   := $(sort $(wildcard db/*.c))
TUI_SRC  := $(sort $(wildcard tui/*.c))
# The pinyin table is generated from data/pinyin.txt when that file exists.
GEN_OBJ  := $(if $(wildcard data/pinyin.txt),$(BUILD)/gen/pinyin_table.o)
CORE_OBJ := $(CORE_SRC:%.c=$(BUILD)/%.o) $(GEN_OBJ)
DB_OBJ   := $(DB_SRC:%.c=$(BUILD)/%.o)
TUI_OBJ  := $(TUI_SRC:%.c=$(BUILD)/%.o)
LIB_OBJ  := $(DB_OBJ) $(CORE_OBJ)

UNIT_SRC   := $(sort $(wildcard tests/unit/test_*.c))
UNIT_BIN   := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/unit/%)
SCREEN_SRC := $(sort $(wildcard tests/screen/test_*.c))
SCREEN_BIN := $(SCREEN_SRC:tests/screen/%.c=$(BUILD)/tests/screen/%)
TOOL_SRC   := $(sort $(wildcard tests/tools/*.c))
TOOL_BIN   := $(TOOL_SRC:tests/tools/%.c=$(BUILD)/tests/tools/%)
PO         := $(wildcard data/locale/*.po)
MO         := $(PO:data/locale/%.po=$(BUILD)/locale/%/LC_MESSAGES/doorstep.mo)

.PHONY: all deps run test check-unit lint bench fuzz install clean pot
.DEFAULT_GOAL := all

all: $(BUILD)/doorstep $(MO) $(BUILD)/data

deps:
	@tools/deps.sh

$(BUILD)/%.o: %.c
	@mkdir -p $(@D)
	@echo "CC $<"
	@$(CC) $(ALL_CF) -c $< -o $@

$(BUILD)/gen/pinyin_table.c: data/pinyin.txt tools/gen_pinyin_table.sh
	@mkdir -p $(@D)
	tools/gen_pinyin_table.sh data/pinyin.txt > $@.tmp && mv $@.tmp $@

$(BUILD)/gen/pinyin_table.o: $(BUILD)/gen/pinyin_table.c
	$(CC) $(ALL_CF) -I. -c $< -o $@

$(BUILD)/libdoorstep.a: $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(BUILD)/doorstep: $(TUI_OBJ) $(BUILD)/libdoorstep.a
	$(CC) $(CFLAGS) $(SANFLAGS) -o $@ $(TUI_OBJ) $(BUILD)/libdoorstep.a $(LIBS)

# The binary looks for data/ and locale/ beside itself first, so that the
# build tree works without installing.
$(BUILD)/data: data
	@mkdir -p $(BUILD)
	ln -sfn ../data $@

$(BUILD)/locale/%/LC_MESSAGES/doorstep.mo: data/locale/%.po
	@mkdir -p $(@D)
	msgfmt --check -o $@ $<

$(BUILD)/tests/unit/%: tests/unit/%.c $(BUILD)/libdoorstep.a
	@mkdir -p $(@D)
	@echo "CC $<"
	@$(CC) $(ALL_CF) -o $@ $< $(BUILD)/libdoorstep.a $(LIBS) -lcmocka

$(BUILD)/tests/screen/harness.o: tests/screen/harness.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CF) $(shell pkg-config --cflags vterm 2>/dev/null) -c $< -o $@

$(BUILD)/tests/screen/%: tests/screen/%.c $(BUILD)/tests/screen/harness.o
	@mkdir -p $(@D)
	$(CC) $(ALL_CF) -o $@ $< $(BUILD)/tests/screen/harness.o $(shell pkg-config --libs vterm 2>/dev/null) -lutil

# Helper programs of the tests (tests/tools/*.c), linked with the library.
$(BUILD)/tests/tools/%: tests/tools/%.c $(BUILD)/libdoorstep.a
	@mkdir -p $(@D)
	@echo "CC $<"
	@$(CC) $(ALL_CF) -o $@ $< $(BUILD)/libdoorstep.a $(LIBS)

# Benchmarks (tests/bench/*.c): built on request, never run by `make test`.
$(BUILD)/tests/bench/%: tests/bench/%.c $(BUILD)/libdoorstep.a
	@mkdir -p $(@D)
	$(CC) $(ALL_CF) -o $@ $< $(BUILD)/libdoorstep.a $(LIBS)

# bench_tui drives the program in a pty through the screen-test harness.
$(BUILD)/tests/bench/bench_tui: tests/bench/bench_tui.c $(BUILD)/tests/screen/harness.o
	@mkdir -p $(@D)
	$(CC) $(ALL_CF) -o $@ $< $(BUILD)/tests/screen/harness.o $(shell pkg-config --libs vterm 2>/dev/null) -lutil

run: deps all
	@tools/run-demo.sh $(BUILD)

test: deps all $(UNIT_BIN) $(SCREEN_BIN) $(TOOL_BIN)
	@BUILD=$(BUILD) tests/run.sh

lint:
	@tools/lint.sh

bench: deps
	@tools/bench.sh

fuzz: deps
	@BUILD=$(BUILD) tools/fuzz.sh

pot:
	xgettext --keyword=_ --keyword=N_ --from-code=UTF-8 -o data/locale/doorstep.pot $(TUI_SRC) $(CORE_SRC) $(DB_SRC)

install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(DATADIR) $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 0755 $(BUILD)/doorstep $(DESTDIR)$(PREFIX)/bin/doorstep
	cp -R data/profiles $(DESTDIR)$(DATADIR)/ 2>/dev/null || true
	install -m 0644 data/roster_headers.txt $(DESTDIR)$(DATADIR)/
	install -m 0644 doorstep.1 $(DESTDIR)$(PREFIX)/share/man/man1/doorstep.1
	for mo in $(MO); do l=$${mo#$(BUILD)/locale/}; l=$${l%%/*}; \
	  install -d $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES; \
	  install -m 0644 $$mo $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES/doorstep.mo; done

clean:
	rm -rf $(BUILD) build-san

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)
