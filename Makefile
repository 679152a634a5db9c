# doorstep: a plain Makefile.  `make run` and `make test` are all a user needs;
# both first run tools/deps.sh, which installs missing Debian packages as root,
# and only then build, in a second make level: the compiler flags come from
# pkg-config, which can only answer once the -dev packages are installed.

PREFIX  ?= /usr/local
DESTDIR ?=
BUILD   ?= build
CC      ?= cc
VERSION := 0.1.0

# The libraries, in one place: a new one is one more word here (its Debian
# -dev package goes into tools/deps.sh).  PKGS are pkg-config modules,
# LIBS_L libraries without a .pc file (given as -l flags).  The program links
# only its own; the large ones of the file formats (PDF, charts, barcodes,
# .xlsx, .xls) go into the plugin it loads on first use (core/plugin.h).
PKGS     := ncursesw sqlite3
LIBS_L   := csv m
PLUGIN_PKGS   := pangocairo libzip expat freexl xlsxwriter
PLUGIN_LIBS_L := zint m
TEST_PKGS := vterm
TEST_LIBS_L := cmocka util

# make run / make test on a machine without the packages: deps first, then
# the same goal again one level down (DEPS_DONE=1), which reads pkg-config.
DEPS_FIRST := $(if $(DEPS_DONE),,$(filter run test,$(MAKECMDGOALS)))
ifeq ($(DEPS_FIRST),)
PKG_CF   := $(shell pkg-config --cflags $(PKGS) $(PLUGIN_PKGS) 2>/dev/null)
PKG_LIBS := $(shell pkg-config --libs $(PKGS) 2>/dev/null)
PLUGIN_PKG_LIBS := $(shell pkg-config --libs $(PLUGIN_PKGS) 2>/dev/null)
TEST_CF  := $(shell pkg-config --cflags $(TEST_PKGS) 2>/dev/null)
TEST_LIBS := $(shell pkg-config --libs $(TEST_PKGS) 2>/dev/null) $(TEST_LIBS_L:%=-l%)
endif

CFLAGS  ?= -O2 -g
WARN    := -Wall -Wextra -Werror=implicit-function-declaration
ifeq ($(WERROR),1)
WARN    += -Werror
endif
ifeq ($(SANITIZE),1)
SANFLAGS := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
endif

DATADIR   := $(PREFIX)/share/doorstep
LOCALEDIR := $(PREFIX)/share/locale
PLUGINDIR := $(PREFIX)/lib/doorstep
ALL_CF  = -std=c11 -D_GNU_SOURCE -I. -I$(BUILD)/gen $(WARN) $(CFLAGS) $(SANFLAGS) $(PKG_CF) \
          -DDOORSTEP_VERSION='"$(VERSION)"' -DDOORSTEP_DATADIR='"$(DATADIR)"' \
          -DDOORSTEP_LOCALEDIR='"$(LOCALEDIR)"' -DDOORSTEP_PLUGINDIR='"$(PLUGINDIR)"' -MMD -MP
LIBS    = $(PKG_LIBS) $(LIBS_L:%=-l%)
PLUGIN_LIBS = $(PLUGIN_PKG_LIBS) $(PLUGIN_LIBS_L:%=-l%)

CORE_SRC := $(sort $(wildcard core/*.c))
DB_SRC   := $(sort $(wildcard db/*.c))
TUI_SRC  := $(sort $(wildcard tui/*.c tui/cli/*.c tui/screens/*.c tui/widgets/*.c tui/ops/*.c))
# The pinyin table is generated from data/pinyin.txt when that file exists.
GEN_OBJ  := $(if $(wildcard data/pinyin.txt),$(BUILD)/gen/pinyin_table.o)
# The file formats built into the plugin (core/plugin.h) rather than the
# program; unit tests, test tools and benchmarks link them directly.
PLUGIN_SRC := core/sheet_pdf.c core/sheet_glyphs.c core/sheet_chart.c core/barcode.c core/xlsxout.c \
              core/xlsx_read.c core/xls_read.c
PLUGIN_OBJ := $(PLUGIN_SRC:%.c=$(BUILD)/%.o)
CORE_OBJ := $(filter-out $(PLUGIN_OBJ) $(BUILD)/core/plugin_table.o,$(CORE_SRC:%.c=$(BUILD)/%.o)) $(GEN_OBJ)
DB_OBJ   := $(DB_SRC:%.c=$(BUILD)/%.o)
TUI_OBJ  := $(TUI_SRC:%.c=$(BUILD)/%.o)
LIB_OBJ  := $(DB_OBJ) $(CORE_OBJ)
PLUGIN   := $(BUILD)/doorstep-formats.so
# What links the formats in: their objects first (so that the archive's
# forwarding definitions in core/plugin.o are not taken), then the library.
# (core/lsan.o: LeakSanitizer's suppressions of the formats' libraries.)
DIRECT   = $(PLUGIN_OBJ) $(BUILD)/core/lsan.o $(BUILD)/libdoorstep.a $(LIBS) $(PLUGIN_LIBS)

UNIT_SRC   := $(sort $(wildcard tests/unit/test_*.c))
UNIT_BIN   := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/unit/%)
SCREEN_SRC := $(sort $(wildcard tests/screen/test_*.c))
SCREEN_BIN := $(SCREEN_SRC:tests/screen/%.c=$(BUILD)/tests/screen/%)
TOOL_SRC   := $(sort $(wildcard tests/tools/*.c))
TOOL_BIN   := $(TOOL_SRC:tests/tools/%.c=$(BUILD)/tests/tools/%)
PO         := $(wildcard data/locale/*.po)
MO         := $(PO:data/locale/%.po=$(BUILD)/locale/%/LC_MESSAGES/doorstep.mo)

.PHONY: all deps run test check-unit lint bench fuzz install clean pot print-cflags print-libs
.DEFAULT_GOAL := all

all: $(BUILD)/doorstep $(PLUGIN) $(MO) $(BUILD)/data

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

# The program holds all of core/ and db/ and exports it (-rdynamic): the
# plugin calls back into it for the sheet model, strbuf, err and xalloc.
$(BUILD)/doorstep: $(TUI_OBJ) $(BUILD)/libdoorstep.a
	$(CC) $(CFLAGS) $(SANFLAGS) -rdynamic -o $@ $(TUI_OBJ) \
	  -Wl,--whole-archive $(BUILD)/libdoorstep.a -Wl,--no-whole-archive $(LIBS)

# The formats' objects are position-independent, for the plugin.
$(PLUGIN_OBJ) $(BUILD)/core/plugin_table.o: ALL_CF += -fPIC

# The plugin exports its table only; its own calls bind inside it.
$(BUILD)/gen/plugin.map:
	@mkdir -p $(@D)
	printf '{ global: doorstep_plugin_table; local: *; };\n' > $@

$(PLUGIN): $(PLUGIN_OBJ) $(BUILD)/core/plugin_table.o $(BUILD)/gen/plugin.map
	$(CC) $(CFLAGS) $(SANFLAGS) -shared -Wl,-Bsymbolic -Wl,--version-script=$(BUILD)/gen/plugin.map \
	  -o $@ $(PLUGIN_OBJ) $(BUILD)/core/plugin_table.o $(PLUGIN_LIBS)

# The binary looks for data/ and locale/ beside itself first, so that the
# build tree works without installing.
$(BUILD)/data: data
	@mkdir -p $(BUILD)
	ln -sfn ../data $@

$(BUILD)/locale/%/LC_MESSAGES/doorstep.mo: data/locale/%.po
	@mkdir -p $(@D)
	msgfmt --check -o $@ $<

# The unit tests' helper: the usual in-memory community (tests/unit/dbfix.h).
UNIT_HELPERS := $(BUILD)/tests/unit/dbfix.o

$(BUILD)/tests/unit/%: tests/unit/%.c $(UNIT_HELPERS) $(BUILD)/libdoorstep.a $(PLUGIN_OBJ)
	@mkdir -p $(@D)
	@echo "CC $<"
	@$(CC) $(ALL_CF) -o $@ $< $(UNIT_HELPERS) $(DIRECT) $(TEST_LIBS)

# The screen tests' helpers: the harness and the usual fixture.
SCREEN_HELPERS := $(BUILD)/tests/screen/harness.o $(BUILD)/tests/screen/fixture.o
# Kept between runs (make would delete them as intermediate files and build
# them again for the next test it is asked for).
.SECONDARY: $(UNIT_HELPERS) $(SCREEN_HELPERS)

$(BUILD)/tests/screen/%.o: tests/screen/%.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CF) $(TEST_CF) -c $< -o $@

$(BUILD)/tests/screen/%: tests/screen/%.c $(SCREEN_HELPERS)
	@mkdir -p $(@D)
	$(CC) $(ALL_CF) -o $@ $< $(SCREEN_HELPERS) $(TEST_LIBS)

# Helper programs of the tests (tests/tools/*.c), linked with the library.
$(BUILD)/tests/tools/%: tests/tools/%.c $(BUILD)/libdoorstep.a $(PLUGIN_OBJ)
	@mkdir -p $(@D)
	@echo "CC $<"
	@$(CC) $(ALL_CF) -o $@ $< $(DIRECT)

# Benchmarks (tests/bench/*.c): built on request, never run by `make test`.
$(BUILD)/tests/bench/%: tests/bench/%.c $(BUILD)/libdoorstep.a $(PLUGIN_OBJ)
	@mkdir -p $(@D)
	$(CC) $(ALL_CF) -o $@ $< $(DIRECT)

# bench_tui drives the program in a pty through the screen-test harness.
$(BUILD)/tests/bench/bench_tui: tests/bench/bench_tui.c $(BUILD)/tests/screen/harness.o
	@mkdir -p $(@D)
	$(CC) $(ALL_CF) -o $@ $< $(BUILD)/tests/screen/harness.o $(TEST_LIBS)

ifneq ($(DEPS_FIRST),)
run test:
	@tools/deps.sh
	@$(MAKE) --no-print-directory DEPS_DONE=1 $@
else
run: all
	@tools/run-demo.sh $(BUILD)

# TESTS=pattern builds only the unit and screen tests it selects.
TEST_BIN := $(if $(TESTS),$(foreach b,$(UNIT_BIN) $(SCREEN_BIN),$(if $(findstring $(TESTS),$(b:$(BUILD)/tests/%=%)),$(b))),$(UNIT_BIN) $(SCREEN_BIN))
test: all $(TEST_BIN) $(TOOL_BIN)
	@BUILD=$(BUILD) tests/run.sh
endif

lint:
	@tools/lint.sh

# tools/fuzz.sh compiles with clang outside this Makefile: it asks for the
# flags of the libraries above, so that they stay in one place.
print-cflags:
	@echo '$(PKG_CF)'
print-libs:
	@echo '$(LIBS) $(PLUGIN_LIBS)'

bench: deps
	@tools/bench.sh

fuzz: deps
	@BUILD=$(BUILD) tools/fuzz.sh

pot:
	xgettext --keyword=_ --keyword=N_ --from-code=UTF-8 -o data/locale/doorstep.pot $(TUI_SRC) $(CORE_SRC) $(DB_SRC) core/enums.h

install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(DATADIR) $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 0755 $(BUILD)/doorstep $(DESTDIR)$(PREFIX)/bin/doorstep
	install -d $(DESTDIR)$(PLUGINDIR)
	install -m 0644 $(PLUGIN) $(DESTDIR)$(PLUGINDIR)/doorstep-formats.so
	cp -R data/profiles $(DESTDIR)$(DATADIR)/ 2>/dev/null || true
	install -m 0644 data/roster_headers.txt $(DESTDIR)$(DATADIR)/
	install -m 0644 doorstep.1 $(DESTDIR)$(PREFIX)/share/man/man1/doorstep.1
	for mo in $(MO); do l=$${mo#$(BUILD)/locale/}; l=$${l%%/*}; \
	  install -d $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES; \
	  install -m 0644 $$mo $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES/doorstep.mo; done

clean:
	rm -rf $(BUILD) build-san

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)
