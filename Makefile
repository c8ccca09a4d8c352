# warta -- build, test and run.  `make` builds, `make test` runs every
# test under AddressSanitizer and UndefinedBehaviorSanitizer, `make run`
# splits and codes the example articles.  Missing Debian packages are installed
# first (scripts/install-deps.sh).

CC      ?= gcc
CXX     ?= g++
OPT     ?= -O2 -g
WARN     = -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes \
           -Wmissing-prototypes -Wno-unused-parameter -Wpointer-arith
CFLAGS_ALL   = -std=c11 -D_DEFAULT_SOURCE $(WARN) -Iinclude -Isrc -Ibuild/gen \
               -fvisibility=hidden -MMD -MP
CXXFLAGS_ALL = -std=c++11 -Wall -Wextra -Werror -Iinclude -Isrc -Ibuild/gen \
               -fvisibility=hidden -MMD -MP
LIBS     = -lmicrohttpd -lsqlite3 -lpthread -ljansson -lutf8proc -lcld2 -lhunspell -lz -lzstd -lexpat -lstdc++
SAN      = -fsanitize=address,undefined -fno-sanitize-recover=all \
           -fno-omit-frame-pointer

LIB_C   = $(wildcard src/*.c)
LIB_CXX = $(wildcard src/*.cc)
CLI_C   = $(wildcard cli/*.c)
TESTS   = $(patsubst tests/unit/%.c,%,$(wildcard tests/unit/test_*.c))

# Two builds side by side: build/rel (optimised) and build/san (checked).
define objs
$(patsubst %.c,build/$(1)/%.o,$(LIB_C)) $(patsubst %.cc,build/$(1)/%.o,$(LIB_CXX))
endef

DEPS_STAMP = build/deps.stamp

.PHONY: all test run deps clean bench valgrind
.SECONDARY:
.SECONDEXPANSION:
all: warta build/gen/gazetteer.bin

deps: $(DEPS_STAMP)
$(DEPS_STAMP): scripts/install-deps.sh
	@sh scripts/install-deps.sh
	@mkdir -p build && touch $@
TEST_DEPS_STAMP = build/test-deps.stamp
$(TEST_DEPS_STAMP): scripts/install-deps.sh
	@sh scripts/install-deps.sh test
	@mkdir -p build && touch $@

warta: build/rel/warta
	cp $< $@

# Tables generated from data/ at build time.
GEN = build/gen/cameo_table.h build/gen/date_table.h build/gen/web_assets.h
GEN_TABLE = tools/gen_table.sh tools/tsv_to_c.awk
build/gen/cameo_table.h: data/cameo.tsv tools/cameo_table.awk $(GEN_TABLE)
	@mkdir -p $(dir $@) && echo "  GEN     $@"
	@sh tools/gen_table.sh data/cameo.tsv $@ tools/cameo_table.awk
build/gen/date_table.h: data/dates.tsv tools/date_table.awk $(GEN_TABLE)
	@mkdir -p $(dir $@) && echo "  GEN     $@"
	@sh tools/gen_table.sh data/dates.tsv $@ tools/date_table.awk

# The dashboard's files, served from the binary by `warta serve`.
WEB = web/index.html web/app.js web/style.css web/favicon.svg
build/gen/web_assets.h: $(WEB) tools/embed.sh
	@mkdir -p $(dir $@) && echo "  GEN     $@"
	@sh tools/embed.sh $@ $(WEB)

# The gazetteer: GeoNames cities via Debian's libgeonames, names from
# iso-codes and data/gazetteer-extra.tsv, made into build/gen/gazetteer.bin
# (memory-mapped by src/place.c).  The tool links glib; libwarta does not.
build/gazetteer_build: tools/gazetteer_build.c src/place.h $(DEPS_STAMP)
	@mkdir -p $(dir $@) && echo "  HOSTCC  $<"
	@$(CC) -std=c11 -D_DEFAULT_SOURCE $(WARN) -O2 -Iinclude -Isrc \
	  `pkg-config --cflags geonames` -o $@ $< \
	  `pkg-config --libs geonames` -ljansson -lutf8proc
build/gen/gazetteer.bin: build/gazetteer_build data/gazetteer-extra.tsv
	@mkdir -p $(dir $@) && echo "  GEN     $@"
	@build/gazetteer_build $@ data/gazetteer-extra.tsv \
	  /usr/share/iso-codes/json/iso_3166-1.json /usr/share/locale
build/san/test_place: | build/gen/gazetteer.bin

build/rel/%.o: %.c $(DEPS_STAMP) | $(GEN)
	@mkdir -p $(dir $@) && echo "  CC      $<"
	@$(CC) $(CFLAGS_ALL) $(OPT) -c $< -o $@
build/rel/%.o: %.cc $(DEPS_STAMP) | $(GEN)
	@mkdir -p $(dir $@) && echo "  CXX     $<"
	@$(CXX) $(CXXFLAGS_ALL) $(OPT) -c $< -o $@
build/san/%.o: %.c $(DEPS_STAMP) | $(GEN)
	@mkdir -p $(dir $@) && echo "  CC san  $<"
	@$(CC) $(CFLAGS_ALL) -O1 -g $(SAN) -c $< -o $@
build/san/%.o: %.cc $(DEPS_STAMP) | $(GEN)
	@mkdir -p $(dir $@) && echo "  CXX san $<"
	@$(CXX) $(CXXFLAGS_ALL) -O1 -g $(SAN) -c $< -o $@

build/%/libwarta.a: $$(call objs,$$*)
	rm -f $@ && ar rcs $@ $^

build/rel/warta: $(patsubst %.c,build/rel/%.o,$(CLI_C)) build/rel/libwarta.a
	$(CC) $(OPT) -o $@ $^ $(LIBS)
build/san/warta: $(patsubst %.c,build/san/%.o,$(CLI_C)) build/san/libwarta.a
	$(CC) $(SAN) -o $@ $^ $(LIBS)
build/san/test_%: build/san/tests/unit/test_%.o build/san/libwarta.a
	$(CC) $(SAN) -o $@ $^ $(LIBS) -lcmocka
# test_gold checks the gold readers and scoring of `warta eval` (cli/).
build/san/test_gold: build/san/cli/gold.o build/san/cli/score.o


# The tests: C unit tests (cmocka), the command-line tests, then the
# dashboard in headless Chromium (screenshots in build/screenshots/).
test: $(addprefix build/san/,$(TESTS)) build/san/warta build/gen/gazetteer.bin \
      $(TEST_DEPS_STAMP)
	@failed=""; for t in $(TESTS); do echo "== $$t"; \
	  WARTA_SHARED=../shared build/san/$$t || failed="$$failed $$t"; done; \
	  sh tests/cli/run.sh build/san/warta || failed="$$failed cli"; \
	  sh tests/cli/export.sh build/san/warta || failed="$$failed cli-export"; \
	  WARTA_SHARED=../shared sh tests/cli/store.sh build/san/warta || failed="$$failed cli-store"; \
	  sh tests/cli/badinput.sh build/san/warta || failed="$$failed cli-badinput"; \
	  sh tests/cli/serve.sh build/san/warta || failed="$$failed cli-serve"; \
	  sh tests/browser/run.sh build/san/warta || failed="$$failed browser"; \
	  if [ -n "$$failed" ]; then echo "FAILED:$$failed"; exit 1; fi

# The same tests under valgrind's memcheck on the optimised build: no
# error and no leak (definite or indirect) may be reported.  Slow; by hand.
VALGRIND = valgrind -q --leak-check=full --errors-for-leak-kinds=definite,indirect \
           --error-exitcode=86
build/rel/test_%: build/rel/tests/unit/test_%.o build/rel/libwarta.a
	$(CC) $(OPT) -o $@ $^ $(LIBS) -lcmocka
build/rel/test_gold: build/rel/cli/gold.o build/rel/cli/score.o
build/vg-warta: build/rel/warta
	@printf '#!/bin/sh\nexec $(VALGRIND) "%s" "$$@"\n' "$(CURDIR)/build/rel/warta" >$@
	@chmod +x $@
valgrind: $(addprefix build/rel/,$(TESTS)) build/vg-warta build/gen/gazetteer.bin
	@failed=""; for t in $(TESTS); do echo "== $$t (valgrind)"; \
	  WARTA_SHARED=../shared $(VALGRIND) build/rel/$$t || failed="$$failed $$t"; done; \
	  sh tests/cli/run.sh build/vg-warta || failed="$$failed cli"; \
	  sh tests/cli/export.sh build/vg-warta || failed="$$failed cli-export"; \
	  WARTA_SHARED=../shared sh tests/cli/store.sh build/vg-warta || failed="$$failed cli-store"; \
	  BADINPUT_QUICK=1 sh tests/cli/badinput.sh build/vg-warta || failed="$$failed cli-badinput"; \
	  sh tests/cli/serve.sh build/vg-warta || failed="$$failed cli-serve"; \
	  if [ -n "$$failed" ]; then echo "FAILED:$$failed"; exit 1; fi

# The README's first command: code the examples, store them in warta.db,
# then ask it the sample question of the tour.
run: warta build/gen/gazetteer.bin
	./warta code --format text --explain examples/
	./warta ingest --db warta.db --date 2024-03-12 examples/
	./warta query --db warta.db --dyad IDN:MYS --undirected

# One table of throughput, peak RSS and speed against `wc -w` (bench/run);
# bench/split.sh, code.sh and store.sh give the detail of some rows.
bench: all
	bench/run

clean:
	rm -rf build warta warta.db warta.db-wal warta.db-shm

-include $(shell find build -name '*.d' 2>/dev/null)
