# warta -- build, test and run.  `make` builds, `make test` runs every
# test under AddressSanitizer and UndefinedBehaviorSanitizer, `make run`
# splits and codes the example articles, `make install` installs the
# command, the library (static and shared), its header, pkg-config file,
# man page and data.  Missing Debian packages are installed first
# (scripts/install-deps.sh).

CC      ?= gcc
CXX     ?= g++
OPT     ?= -O2 -g
WARN     = -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes \
           -Wmissing-prototypes -Wno-unused-parameter -Wpointer-arith
CFLAGS_ALL   = -std=c11 -D_DEFAULT_SOURCE $(WARN) -Iinclude -Isrc -Ibuild/gen \
               -I/usr/include/postgresql \
               -fvisibility=hidden -MMD -MP
CXXFLAGS_ALL = -std=c++11 -Wall -Wextra -Werror -Iinclude -Isrc -Ibuild/gen \
               -fvisibility=hidden -MMD -MP
LIBS     = -lsqlite3 -lpthread -ljansson -lutf8proc -lcld2 -lhunspell -lz -lzstd -lexpat -lstdc++ -lm -ldl
# what libwarta itself links (warta.pc.in says the same to pkg-config)
LIB_LIBS = -lsqlite3 -ljansson -lutf8proc -lcld2 -lhunspell -lz -lzstd \
           -lstdc++ -lm -lpthread -ldl
# `warta ingest --mpi` with Debian's OpenMPI; MPI=0 builds without it (the
# option then says so).
MPI ?= 1
ifeq ($(MPI),1)
MPI_CFLAGS = -DWARTA_MPI $(shell pkg-config --cflags ompi-c 2>/dev/null)
LIBS     += $(shell pkg-config --libs ompi-c 2>/dev/null || echo -lmpi)
endif
SAN      = -fsanitize=address,undefined -fno-sanitize-recover=all \
           -fno-omit-frame-pointer

LIB_C   = $(wildcard src/*.c)
LIB_CXX = $(wildcard src/*.cc)
CLI_C   = $(wildcard cli/*.c)
TESTS   = $(patsubst tests/unit/%.c,%,$(wildcard tests/unit/test_*.c))

# The version is written in one place, include/warta.h; the shared
# library's soname carries its major number.
VERSION   := $(shell sed -n 's/^[#]define WARTA_VERSION "\(.*\)"$$/\1/p' include/warta.h)
SOVERSION := $(firstword $(subst ., ,$(VERSION)))
SONAME     = libwarta.so.$(SOVERSION)

# Where `make install` puts things (DESTDIR stages them elsewhere).  DATADIR
# is compiled into the library as the default data directory
# (warta_data_dir; WARTA_DATA overrides it at run time).
PREFIX     ?= /usr/local
BINDIR     ?= $(PREFIX)/bin
LIBDIR     ?= $(PREFIX)/lib
INCLUDEDIR ?= $(PREFIX)/include
DATADIR    ?= $(PREFIX)/share/warta
MANDIR     ?= $(PREFIX)/share/man
DOCDIR     ?= $(PREFIX)/share/doc/warta

# Two builds side by side: build/rel (optimised) and build/san (checked).
# REL names the optimised one (build/NAME): the install test builds its
# own, for another PREFIX, without touching build/rel.
REL ?= build/rel
define objs
$(patsubst %.c,build/$(1)/%.o,$(LIB_C)) $(patsubst %.cc,build/$(1)/%.o,$(LIB_CXX))
endef

DEPS_STAMP = build/deps.stamp

.PHONY: all test run deps clean bench valgrind fuzz models check-models FORCE \
        install uninstall
.SECONDARY:
.SECONDEXPANSION:
all: warta build/gen/gazetteer.bin

deps: $(DEPS_STAMP)
$(DEPS_STAMP): scripts/install-deps.sh web/map/package-lock.json
	@sh scripts/install-deps.sh
	@mkdir -p build && touch $@
TEST_DEPS_STAMP = build/test-deps.stamp
$(TEST_DEPS_STAMP): scripts/install-deps.sh web/map/package-lock.json
	@sh scripts/install-deps.sh test
	@mkdir -p build && touch $@

warta: build/rel/warta
	cp $< $@

# Tables generated from data/ at build time.
GEN = build/gen/cameo_table.h build/gen/date_table.h build/gen/web_assets.h \
      build/gen/words_table.h build/gen/country_table.h
GEN_TABLE = tools/gen_table.sh tools/tsv_to_c.awk
build/gen/cameo_table.h: data/cameo.tsv tools/cameo_table.awk $(GEN_TABLE)
	@mkdir -p $(dir $@) && echo "  GEN     $@"
	@sh tools/gen_table.sh data/cameo.tsv $@ tools/cameo_table.awk
build/gen/date_table.h: data/dates.tsv tools/date_table.awk $(GEN_TABLE)
	@mkdir -p $(dir $@) && echo "  GEN     $@"
	@sh tools/gen_table.sh data/dates.tsv $@ tools/date_table.awk
build/gen/country_table.h: data/countries.tsv tools/country_table.awk $(GEN_TABLE)
	@mkdir -p $(dir $@) && echo "  GEN     $@"
	@sh tools/gen_table.sh data/countries.tsv $@ tools/country_table.awk
# How tokens become UD words, from every language pack's words.tsv.
WORDS_TSV = $(sort $(wildcard data/packs/*/words.tsv))
build/gen/words_table.h: $(WORDS_TSV) tools/words_table.awk $(GEN_TABLE)
	@mkdir -p $(dir $@) && echo "  GEN     $@"
	@sh tools/gen_table.sh $(firstword $(WORDS_TSV)) $@ tools/words_table.awk \
	  $(wordlist 2,99,$(WORDS_TSV))

# The dashboard's files, served from the binary by `warta serve`, with
# the map's countries and the country codes the network tells apart from
# generic ones.
WEB = web/index.html web/app.js web/style.css web/favicon.svg
WEB_GEN = build/gen/world.json build/gen/countries.json
build/gen/web_assets.h: $(WEB) $(WEB_GEN) tools/embed.sh
	@mkdir -p $(dir $@) && echo "  GEN     $@"
	@sh tools/embed.sh $@ $(WEB) $(WEB_GEN)
# The map: Natural Earth 1:110m countries from npm's world-atlas, which
# scripts/install-deps.sh installs where npm is (`test` installs npm);
# without it the page has no countries and says so.  Looked at on every
# make, rewritten only when it changed.  `make test` installs first.
build/gen/world.json: FORCE
	@sh tools/world_map.sh $@
ifneq ($(filter test,$(MAKECMDGOALS)),)
build/gen/world.json: | $(TEST_DEPS_STAMP)
endif
build/gen/countries.json: data/countries.tsv
	@mkdir -p $(dir $@) && echo "  GEN     $@"
	@awk -F'\t' '!/^#/ && NF { printf "%s\"%s\"", n++ ? "," : "[", $$1 }\
	  END { print "]" }' $< >$@

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

# The optimised objects are position-independent: the same objects make
# libwarta.a and libwarta.so.
$(REL)/%.o: %.c $(DEPS_STAMP) | $(GEN)
	@mkdir -p $(dir $@) && echo "  CC      $<"
	@$(CC) $(CFLAGS_ALL) $(DATADIR_DEF) $(OPT) -fPIC -c $< -o $@
$(REL)/%.o: %.cc $(DEPS_STAMP) | $(GEN)
	@mkdir -p $(dir $@) && echo "  CXX     $<"
	@$(CXX) $(CXXFLAGS_ALL) $(OPT) -fPIC -c $< -o $@
build/san/%.o: %.c $(DEPS_STAMP) | $(GEN)
	@mkdir -p $(dir $@) && echo "  CC san  $<"
	@$(CC) $(CFLAGS_ALL) $(DATADIR_DEF) -O1 -g $(SAN) -c $< -o $@
build/san/%.o: %.cc $(DEPS_STAMP) | $(GEN)
	@mkdir -p $(dir $@) && echo "  CXX san $<"
	@$(CXX) $(CXXFLAGS_ALL) -O1 -g $(SAN) -c $< -o $@

# cli/ingest_mpi.o holds the MPI calls: compiled with MPI's flags, and
# again when MPI changes.
MPI_OBJS = $(REL)/cli/ingest_mpi.o build/san/cli/ingest_mpi.o
$(MPI_OBJS): CFLAGS_ALL += $(MPI_CFLAGS)
$(MPI_OBJS): %/cli/ingest_mpi.o: %/mpi.stamp
build/%/mpi.stamp: FORCE
	@mkdir -p $(dir $@)
	@echo '$(MPI)' | cmp -s - $@ || echo '$(MPI)' >$@

# The data directory each build tree's src/datadir.o was compiled with: it
# is compiled again when DATADIR changes, alone.
DATADIR_OBJS = $(REL)/src/datadir.o build/san/src/datadir.o \
               build/fuzz/src/datadir.o
$(DATADIR_OBJS): DATADIR_DEF = -DWARTA_DATADIR='"$(DATADIR)"'
$(DATADIR_OBJS): %/src/datadir.o: %/datadir.stamp
build/%/datadir.stamp: FORCE
	@mkdir -p $(dir $@)
	@echo '$(DATADIR)' | cmp -s - $@ || echo '$(DATADIR)' >$@

build/%/libwarta.a: $$(call objs,$$*)
	rm -f $@ && ar rcs $@ $^
# The shared library exports warta.h's functions only (-fvisibility=hidden).
$(REL)/libwarta.so.$(VERSION): $(call objs,$(REL:build/%=%))
	$(CC) -shared -Wl,-soname,$(SONAME) -Wl,--no-undefined -o $@ $^ \
	  $(LIB_LIBS)

$(REL)/warta: $(patsubst %.c,$(REL)/%.o,$(CLI_C)) $(REL)/libwarta.a
	$(CC) $(OPT) -o $@ $^ $(LIBS)
build/san/warta: $(patsubst %.c,build/san/%.o,$(CLI_C)) build/san/libwarta.a
	$(CC) $(SAN) -o $@ $^ $(LIBS)
build/san/test_%: build/san/tests/unit/test_%.o build/san/libwarta.a
	$(CC) $(SAN) -o $@ $^ $(LIBS) -lcmocka
# test_gold checks the gold readers and scoring of `warta eval` (cli/),
# test_answer how `warta serve` writes its answers.
build/san/test_gold: build/san/cli/gold.o build/san/cli/gold_tabari.o \
                    build/san/cli/score.o
build/san/test_answer: build/san/cli/answer.o


# ---- syntax models: the tagger and parser of each language -------------
# Trained from the Universal Dependencies treebanks in ../shared/ud (see
# data/models/README.md): English on EWT train (dev scored at the end),
# Indonesian on GSD dev and CSUI train (their test files stay for tests).
# `make models` trains both, side by side; `make test` and `make run` train
# only those missing, and only when ../shared/ud is there.
# `make check-models` trains them again in build/models-check and checks
# that the bytes are the same.
UD ?= ../shared/ud
MODEL_LANGS = en id
MODELS = $(MODEL_LANGS:%=data/models/%.model)
TRAIN_en = --dev $(UD)/en_ewt-ud-dev.conllu $(UD)/en_ewt-ud-train.conllu
TRAIN_id = $(UD)/id_gsd-ud-dev.conllu $(UD)/id_csui-ud-train.conllu
MODELS_IF_UD = $(if $(wildcard $(UD)/en_ewt-ud-train.conllu),$(MODELS))
define train_model
@mkdir -p $(dir $@) && echo "  TRAIN   $@"
@nice -n 10 build/rel/warta train --no-progress --lang $* --out $@.tmp \
  $(TRAIN_$*) && mv $@.tmp $@
endef
data/models/%.model: $(MODELS_FORCE) | build/rel/warta
	$(train_model)
build/models-check/%.model: | build/rel/warta
	$(train_model)
models: build/rel/warta
	@$(MAKE) --no-print-directory -j2 $(MODELS) MODELS_FORCE=FORCE
check-models: build/rel/warta
	@rm -rf build/models-check
	@$(MAKE) --no-print-directory -j2 $(MODEL_LANGS:%=build/models-check/%.model)
	@for l in $(MODEL_LANGS); do \
	  if cmp -s data/models/$$l.model build/models-check/$$l.model; then \
	    echo "ok - data/models/$$l.model rebuilds bit for bit"; \
	  else echo "not ok - data/models/$$l.model differs from a rebuild" \
	    "(build/models-check/$$l.model)"; failed=1; fi; \
	done; [ -z "$$failed" ]
FORCE:

# The tests: C unit tests (cmocka), the command-line tests (export.sh
# checks the exports against their specs; install.sh installs into a
# temporary PREFIX and builds examples/embed.c against it; tour.sh runs
# the README's tour), then the dashboard in headless Chromium (screenshots
# in build/screenshots/).
test: $(addprefix build/san/,$(TESTS)) build/san/warta build/gen/gazetteer.bin \
      $(TEST_DEPS_STAMP) | $(MODELS_IF_UD)
	@failed=""; for t in $(TESTS); do echo "== $$t"; \
	  WARTA_SHARED=../shared build/san/$$t || failed="$$failed $$t"; done; \
	  sh tests/cli/run.sh build/san/warta || failed="$$failed cli"; \
	  WARTA_SHARED=../shared sh tests/cli/export.sh build/san/warta || failed="$$failed cli-export"; \
	  WARTA_SHARED=../shared sh tests/cli/store.sh build/san/warta || failed="$$failed cli-store"; \
	  WARTA_SHARED=../shared sh tests/cli/store.sh build/san/warta postgresql || failed="$$failed cli-store-pg"; \
	  sh tests/cli/badinput.sh build/san/warta || failed="$$failed cli-badinput"; \
	  sh tests/cli/parse.sh build/san/warta || failed="$$failed cli-parse"; \
	  sh tests/cli/serve.sh build/san/warta || failed="$$failed cli-serve"; \
	  sh tests/cli/serve.sh build/san/warta postgresql || failed="$$failed cli-serve-pg"; \
	  sh tests/cli/modes.sh build/san/warta || failed="$$failed cli-modes"; \
	  sh tests/cli/strict.sh build/san/warta || failed="$$failed cli-strict"; \
	  sh tests/cli/tabari.sh build/san/warta || failed="$$failed cli-tabari"; \
	  sh tests/cli/query.sh build/san/warta || failed="$$failed cli-query"; \
	  sh tests/cli/query.sh build/san/warta postgresql || failed="$$failed cli-query-pg"; \
	  MAKE="$(MAKE)" sh tests/cli/install.sh build/san/warta || failed="$$failed cli-install"; \
	  sh tests/cli/tour.sh build/san/warta || failed="$$failed readme-tour"; \
	  WARTA_SHARED=../shared sh tests/cli/threads.sh build/san/warta || failed="$$failed cli-threads"; \
	  sh tests/browser/run.sh build/san/warta || failed="$$failed browser"; \
	  if [ -n "$$failed" ]; then echo "FAILED:$$failed"; exit 1; fi

# The same tests under valgrind's memcheck on the optimised build: no
# error and no leak (definite or indirect) may be reported.  Slow; by hand.
VALGRIND = valgrind -q --leak-check=full --errors-for-leak-kinds=definite,indirect \
           --error-exitcode=86
build/rel/test_%: build/rel/tests/unit/test_%.o build/rel/libwarta.a
	$(CC) $(OPT) -o $@ $^ $(LIBS) -lcmocka
build/rel/test_gold: build/rel/cli/gold.o build/rel/cli/gold_tabari.o \
                    build/rel/cli/score.o
build/rel/test_answer: build/rel/cli/answer.o
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
	  sh tests/cli/parse.sh build/vg-warta || failed="$$failed cli-parse"; \
	  sh tests/cli/serve.sh build/vg-warta || failed="$$failed cli-serve"; \
	  sh tests/cli/modes.sh build/vg-warta || failed="$$failed cli-modes"; \
	  sh tests/cli/strict.sh build/vg-warta || failed="$$failed cli-strict"; \
	  sh tests/cli/tabari.sh build/vg-warta || failed="$$failed cli-tabari"; \
	  sh tests/cli/query.sh build/vg-warta || failed="$$failed cli-query"; \
	  if [ -n "$$failed" ]; then echo "FAILED:$$failed"; exit 1; fi

# ---- fuzzing: libFuzzer targets in fuzz/, one per input parser ----------
# `make fuzz` builds every fuzz/fuzz_*.c with clang (its own objects in
# build/fuzz, so build/rel and build/san are left alone) and runs each for
# FUZZ_TIME seconds on a working corpus in build/fuzz/corpus-work, seeded
# from fuzz/corpus/<target>.  A crash, a leak or an input slower than
# FUZZ_TIMEOUT seconds fails the run; the input is left in
# build/fuzz/crashes/<target>/.  Only this needs clang (install-deps.sh fuzz).
# A target that needs more than libwarta names its files (.c) here:
FUZZ_EXTRA_fuzz_petrarch_xml = cli/gold.c cli/gold_tabari.c
FUZZ_EXTRA_fuzz_http = cli/api.c cli/answer.c cli/row_json.c cli/inputs.c \
                       cli/messages.c cli/progress.c cli/values.c \
                       cli/options.c cli/languages.c cli/coder_args.c \
                       cli/models.c
FUZZ_EXTRA_fuzz_api  = $(FUZZ_EXTRA_fuzz_http)
FUZZ_TIME    ?= 60
FUZZ_TIMEOUT ?= 10
FUZZ_CC      ?= clang-14
FUZZ_CXX     ?= clang++-14
FUZZ_SAN     = -fsanitize=address,undefined -fno-sanitize-recover=all \
               -fno-omit-frame-pointer
FUZZ_TARGETS = $(patsubst fuzz/%.c,%,$(wildcard fuzz/fuzz_*.c))
FUZZ_STAMP   = build/deps-fuzz.stamp

$(FUZZ_STAMP): scripts/install-deps.sh
	@sh scripts/install-deps.sh fuzz
	@mkdir -p build && touch $@
build/fuzz/%.o: %.c $(DEPS_STAMP) $(FUZZ_STAMP) | $(GEN)
	@mkdir -p $(dir $@) && echo "  CC fuzz $<"
	@$(FUZZ_CC) $(CFLAGS_ALL) $(DATADIR_DEF) -O1 -g $(FUZZ_SAN) \
	  -fsanitize=fuzzer-no-link -c $< -o $@
build/fuzz/%.o: %.cc $(DEPS_STAMP) $(FUZZ_STAMP) | $(GEN)
	@mkdir -p $(dir $@) && echo "  CXX fuzz $<"
	@$(FUZZ_CXX) $(CXXFLAGS_ALL) -O1 -g $(FUZZ_SAN) -fsanitize=fuzzer-no-link \
	  -c $< -o $@
# (a '%' written in a pattern rule's prerequisites would be the stem)
fuzz_extra = $(patsubst %.c,build/fuzz/%.o,$(FUZZ_EXTRA_$(1)))
build/fuzz/fuzz_%: build/fuzz/fuzz/fuzz_%.o $$(call fuzz_extra,fuzz_$$*) \
    build/fuzz/libwarta.a
	@echo "  LINK    $@"
	@$(FUZZ_CXX) $(FUZZ_SAN) -fsanitize=fuzzer -o $@ $^ $(LIBS)

# fuzz_model's seeds are made from a small model this warta trains (so
# they are in its format): the model, two truncations, and its payload
# alone (after the 24-byte header, decompressed), each behind the selector.
build/fuzz/seeds/fuzz_model: build/rel/warta tests/data/syntax/tiny-en.conllu
	@rm -rf $@ && mkdir -p $@ && echo "  SEEDS   $@"
	@build/rel/warta train --no-progress --lang en --tagger-epochs 1 \
	  --parser-epochs 1 --folds 1 --out $@/tiny tests/data/syntax/tiny-en.conllu
	@{ printf '\000'; cat $@/tiny; } >$@/model
	@head -c 25 $@/model >$@/header-only
	@head -c $$(( $$(wc -c <$@/model) / 2 )) $@/model >$@/half
	@{ printf '\200'; tail -c +25 $@/tiny | zstd -qdc; } >$@/payload
	@rm $@/tiny

fuzz: $(addprefix build/fuzz/,$(FUZZ_TARGETS)) build/fuzz/seeds/fuzz_model
	@failed=""; for t in $(FUZZ_TARGETS); do \
	  work=build/fuzz/corpus-work/$$t; out=build/fuzz/crashes/$$t; \
	  seeds=fuzz/corpus/$$t; [ -d $$seeds ] || seeds=; \
	  made=build/fuzz/seeds/$$t; [ -d $$made ] || made=; \
	  mkdir -p $$work $$out; echo "== $$t ($(FUZZ_TIME) s)"; \
	  if build/fuzz/$$t -max_total_time=$(FUZZ_TIME) -timeout=$(FUZZ_TIMEOUT) \
	       -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix=$$out/ \
	       $$work $$seeds $$made >build/fuzz/$$t.log 2>&1; then \
	    grep -E '^stat::(number_of_executed_units|average_exec_per_sec)' \
	      build/fuzz/$$t.log; \
	  else tail -n 60 build/fuzz/$$t.log; failed="$$failed $$t"; fi; \
	done; \
	if [ -n "$$failed" ]; then echo "FUZZ FAILED:$$failed (logs in build/fuzz)"; exit 1; fi

# The README's first command: parse an example (CoNLL-U), code the
# examples, store them in warta.db, then ask it the sample question of the
# tour.
run: warta build/gen/gazetteer.bin | $(MODELS_IF_UD)
	./warta parse examples/en-visit.jsonl
	./warta code --format text --explain examples/
	./warta ingest --db warta.db --date 2024-03-12 examples/
	./warta query --db warta.db --dyad IDN:MYS --undirected

# One table of throughput, peak RSS and speed against `wc -w` (bench/run);
# bench/split.sh, code.sh and store.sh give the detail of some rows.
bench: all
	bench/run

# ---- install ------------------------------------------------------------
# `make install PREFIX=... DESTDIR=...`: the command, libwarta.a and
# libwarta.so.VERSION (soname libwarta.so.MAJOR), warta.h, warta.pc, the
# man page warta(1) (help2man, from the commands' --help), and the data --
# language packs, syntax models, the gazetteer `make` builds -- in
# DATADIR, the directory compiled into the library.  tests/cli/install.sh
# installs into a temporary PREFIX and builds examples/embed.c against it.
INSTALL ?= install
DATA_PACKS = $(sort $(wildcard data/packs/*/*))
$(REL)/warta.1: $(REL)/warta tools/man.sh $(REL)/datadir.stamp
	@echo "  MAN     $@"
	@sh tools/man.sh $(REL)/warta $@ $(DATADIR)
$(REL)/warta.pc: warta.pc.in include/warta.h FORCE
	@mkdir -p $(dir $@)
	@sed -e 's|@PREFIX@|$(PREFIX)|; s|@LIBDIR@|$(LIBDIR)|' \
	  -e 's|@INCLUDEDIR@|$(INCLUDEDIR)|; s|@DATADIR@|$(DATADIR)|' \
	  -e 's|@VERSION@|$(VERSION)|' warta.pc.in >$@
install: $(REL)/warta $(REL)/libwarta.a $(REL)/libwarta.so.$(VERSION) \
         $(REL)/warta.1 $(REL)/warta.pc build/gen/gazetteer.bin
	$(INSTALL) -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(LIBDIR)/pkgconfig \
	  $(DESTDIR)$(INCLUDEDIR) $(DESTDIR)$(MANDIR)/man1 \
	  $(DESTDIR)$(DATADIR)/models $(DESTDIR)$(DOCDIR)/docs \
	  $(addprefix $(DESTDIR)$(DATADIR)/,$(sort $(dir $(DATA_PACKS:data/%=%))))
	$(INSTALL) -m 755 $(REL)/warta $(DESTDIR)$(BINDIR)/warta
	$(INSTALL) -m 644 $(REL)/libwarta.a $(DESTDIR)$(LIBDIR)/libwarta.a
	$(INSTALL) -m 755 $(REL)/libwarta.so.$(VERSION) $(DESTDIR)$(LIBDIR)/
	ln -sf libwarta.so.$(VERSION) $(DESTDIR)$(LIBDIR)/$(SONAME)
	ln -sf $(SONAME) $(DESTDIR)$(LIBDIR)/libwarta.so
	$(INSTALL) -m 644 include/warta.h $(DESTDIR)$(INCLUDEDIR)/warta.h
	$(INSTALL) -m 644 $(REL)/warta.pc $(DESTDIR)$(LIBDIR)/pkgconfig/warta.pc
	$(INSTALL) -m 644 $(REL)/warta.1 $(DESTDIR)$(MANDIR)/man1/warta.1
	@for f in $(DATA_PACKS); do \
	  $(INSTALL) -m 644 $$f $(DESTDIR)$(DATADIR)/$${f#data/} || exit 1; done
	$(INSTALL) -m 644 $(wildcard data/models/*.model) data/models/README.md \
	  $(DESTDIR)$(DATADIR)/models/
	$(INSTALL) -m 644 build/gen/gazetteer.bin $(DESTDIR)$(DATADIR)/gazetteer.bin
	$(INSTALL) -m 644 LICENSE CHANGELOG.md README.md $(DESTDIR)$(DOCDIR)/
	$(INSTALL) -m 644 $(wildcard docs/*.md) $(DESTDIR)$(DOCDIR)/docs/
# Removes the files install puts, then the directories of warta's own
# that are left empty (never a directory with something else in it).
uninstall:
	rm -f $(DESTDIR)$(BINDIR)/warta $(DESTDIR)$(LIBDIR)/libwarta.a \
	  $(DESTDIR)$(LIBDIR)/libwarta.so.$(VERSION) \
	  $(DESTDIR)$(LIBDIR)/$(SONAME) $(DESTDIR)$(LIBDIR)/libwarta.so \
	  $(DESTDIR)$(INCLUDEDIR)/warta.h $(DESTDIR)$(LIBDIR)/pkgconfig/warta.pc \
	  $(DESTDIR)$(MANDIR)/man1/warta.1 \
	  $(addprefix $(DESTDIR)$(DATADIR)/,$(DATA_PACKS:data/%=%) \
	    $(patsubst data/%,%,$(wildcard data/models/*.model)) \
	    models/README.md gazetteer.bin) \
	  $(addprefix $(DESTDIR)$(DOCDIR)/,LICENSE CHANGELOG.md README.md \
	    $(wildcard docs/*.md))
	-rmdir $(addprefix $(DESTDIR)$(DATADIR)/,$(sort $(dir \
	  $(DATA_PACKS:data/%=%))) packs models) $(DESTDIR)$(DATADIR) \
	  $(DESTDIR)$(DOCDIR)/docs $(DESTDIR)$(DOCDIR) 2>/dev/null

clean:
	rm -rf build warta warta.db warta.db-wal warta.db-shm

-include $(shell find build -name '*.d' 2>/dev/null)
