# netifaces-go: the single entry point for building, testing and benchmarking.
#   make            build build/libnetifaces_go.so.1 and copy it into python/netifaces_go/
#   make test       every test: go vet, go test (+race), C runner under ASan/UBSan,
#                   exports/header/ABI checks, pytest on every CPython 3.9-3.13 present
#   make bench      benchmarks, with ratios against the anchors measured in the same run
#   make install    PREFIX=/usr/local: library, header, pkg-config file
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c

PREFIX ?= /usr/local
LIBDIR ?= $(PREFIX)/lib
INCLUDEDIR ?= $(PREFIX)/include
PYTHON ?= python3
GO ?= go
CC ?= cc
BUILD := build
LIB := $(BUILD)/libnetifaces_go.so.1
VERSION := $(shell sed -n 's/^#define NIG_VERSION_STRING "\(.*\)"/\1/p' include/netifaces_go.h)
GO_SOURCES := $(shell find core capi -name '*.go' -o -name '*.c' -o -name '*.h') go.mod include/netifaces_go.h build_library.py
CFLAGS_TEST := -std=c99 -Wall -Wextra -pedantic -Werror -g -O1 -fsanitize=address,undefined -fno-omit-frame-pointer

.PHONY: test-install test-package all lib test bench install uninstall clean vet gotest ctest pytest check-exports \
        check-header check-abi abi-baseline cross-build sdist wheel help
.DEFAULT_GOAL := all

all: lib

lib: $(LIB)

$(LIB): $(GO_SOURCES)
	$(PYTHON) build_library.py $(BUILD) --python-copy python/netifaces_go

help:
	@sed -n 's/^#   //p' Makefile

# ---- tests --------------------------------------------------------------------
# Each step prints its runner's own summary line; the run stops at the first failure.
test: lib vet gotest cross-build check-exports check-header check-abi ctest test-install test-package pytest

vet:
	$(GO) vet ./...
	@! grep -rn --include='*.go' '"os/signal"' core capi || { echo "os/signal must not be imported"; exit 1; }

gotest:
	$(GO) test -count=1 ./...
	$(GO) test -count=1 -race ./core/...

# Non-Linux builds must compile and say "unsupported" (no cgo there: core only).
cross-build:
	for os in darwin freebsd windows; do GOOS=$$os GOARCH=amd64 CGO_ENABLED=0 $(GO) build ./core/... ; done
	@echo "cross-build: darwin freebsd windows ok"

# The dynamic symbol table is exactly the header's API (plus the version node).
check-exports: lib
	diff <($(PYTHON) build_library.py x --print-exports | sort) \
	     <(nm -D --defined-only $(LIB) | awk '$$2 == "T" {sub(/@.*/, "", $$3); print $$3}' | sort)
	test "$$(nm -D --defined-only $(LIB) | awk '$$2 != "T" && $$2 != "A"' | wc -l)" = 0
	readelf -d $(LIB) | grep -q 'SONAME.*\[libnetifaces_go.so.1\]'
	@echo "check-exports: $$(nm -D --defined-only $(LIB) | grep -c ' T ') nig_* functions, SONAME ok"

# The header compiles alone as C99 and C++17, pedantic, warnings as errors.
check-header:
	mkdir -p $(BUILD)/hdr
	printf '#include "netifaces_go.h"\nint main(void){return nig_abi_version() == NIG_ABI_VERSION ? 0 : 1;}\n' > $(BUILD)/hdr/h.c
	cp $(BUILD)/hdr/h.c $(BUILD)/hdr/h.cpp
	$(CC) -std=c99 -Wall -Wextra -pedantic -Werror -Iinclude -c $(BUILD)/hdr/h.c -o $(BUILD)/hdr/h.o
	c++ -std=c++17 -Wall -Wextra -pedantic -Werror -Iinclude -c $(BUILD)/hdr/h.cpp -o $(BUILD)/hdr/hpp.o
	@echo "check-header: C99 and C++17 ok"

# abidiff against the committed baseline. Additions pass; removed or changed
# functions/variables fail (abidiff flags a changed parameter type only as rc 4).
check-abi: lib
	abidw --no-corpus-path --out-file $(BUILD)/current.abi $(LIB)
	rc=0; abidiff abi/netifaces_go.abi $(BUILD)/current.abi > $(BUILD)/abidiff.txt || rc=$$?; \
	cat $(BUILD)/abidiff.txt; \
	bad=$$(grep -E 'changes summary: ' $(BUILD)/abidiff.txt | grep -Ev ' 0 Removed(,| ).* 0 Changed' || true); \
	if (( rc & 11 )) || [ -n "$$bad" ]; then echo "check-abi: incompatible ABI change (abidiff rc $$rc)"; exit 1; fi; \
	echo "check-abi: compatible with abi/netifaces_go.abi (abidiff rc $$rc)"

abi-baseline: lib
	mkdir -p abi
	abidw --no-corpus-path --out-file abi/netifaces_go.abi $(LIB)

$(BUILD)/ci/dispatch.c: ci/gen_c_dispatch.py include/netifaces_go.h build_library.py
	mkdir -p $(BUILD)/ci
	$(PYTHON) ci/gen_c_dispatch.py > $@

$(BUILD)/ci/runner: ci/c_runner/runner.c ci/c_runner/dispatch.h $(BUILD)/ci/dispatch.c $(LIB)
	$(CC) $(CFLAGS_TEST) -Iinclude -Ici/c_runner ci/c_runner/runner.c $(BUILD)/ci/dispatch.c \
	    -o $@ -L$(BUILD) -lnetifaces_go -lcjson -Wl,-rpath,'$$ORIGIN/..'

ctest: $(BUILD)/ci/runner
	ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
	    $(BUILD)/ci/runner ci/vectors/abi_*.json | tail -n 30

# pytest on every CPython 3.9-3.13 that has pytest; at least one must run.
pytest: lib
	ran=0; for py in $$(ci/find_pythons); do \
	  "$$py" -c 'import pytest' 2>/dev/null || { echo "pytest: no pytest for $$py, skipped"; continue; }; \
	  echo "== pytest on $$("$$py" -V)"; \
	  PYTHONPATH=$(CURDIR)/python "$$py" -m pytest -q -p no:cacheprovider ci/pytest; ran=$$((ran+1)); \
	done; test $$ran -gt 0

# make install into a scratch prefix, then build the C example with pkg-config.
test-install: lib
	rm -rf $(BUILD)/prefix && $(MAKE) --no-print-directory install PREFIX=$(CURDIR)/$(BUILD)/prefix >/dev/null
	PKG_CONFIG_PATH=$(BUILD)/prefix/lib/pkgconfig $(CC) -std=c99 -Wall -Wextra -Werror examples/example.c \
	    -o $(BUILD)/example $$(PKG_CONFIG_PATH=$(BUILD)/prefix/lib/pkgconfig pkg-config --cflags --libs netifaces_go)
	LD_LIBRARY_PATH=$(BUILD)/prefix/lib $(BUILD)/example > $(BUILD)/example.out
	grep -q '^netifaces_go 0' $(BUILD)/example.out && grep -q '^lo: {"17"' $(BUILD)/example.out
	@echo "test-install: pkg-config build of examples/example.c ok"

# The sdist builds offline (vendored modules, GOPROXY=off) into a fresh venv, and the
# installed package works from outside the source tree.
test-package:
	rm -rf $(BUILD)/pkgtest && mkdir -p $(BUILD)/pkgtest
	$(PYTHON) setup.py -q sdist -d $(BUILD)/pkgtest >/dev/null 2>&1
	$(PYTHON) -m venv --system-site-packages $(BUILD)/pkgtest/venv
	cd $(BUILD)/pkgtest && GOPROXY=off GOFLAGS=-mod=vendor venv/bin/pip install -q --no-build-isolation --no-index --no-deps \
	    netifaces_go-$(VERSION).tar.gz 2>&1 | grep -v 'Running pip as' || true
	cd / && $(CURDIR)/$(BUILD)/pkgtest/venv/bin/python -c \
	    'import netifaces_go as n, json; print(n.version, n.library_version(), n.__file__); assert "pkgtest/venv" in n.__file__; n.debug_stats()'
	$(PYTHON) -m pip wheel -q --no-build-isolation --no-deps -w $(BUILD)/pkgtest/wheel . 2>&1 | grep -v 'Running pip as' || true
	ls $(BUILD)/pkgtest/wheel/netifaces_go-$(VERSION)-py3-none-linux_*.whl
	@echo "test-package: sdist (offline) and wheel ok"

bench: lib
	PYTHONPATH=$(CURDIR)/python $(PYTHON) ci/bench/run.py

# ---- install ------------------------------------------------------------------
install: lib
	install -d $(DESTDIR)$(LIBDIR) $(DESTDIR)$(INCLUDEDIR) $(DESTDIR)$(LIBDIR)/pkgconfig
	install -m 0755 $(LIB) $(DESTDIR)$(LIBDIR)/libnetifaces_go.so.1
	ln -sf libnetifaces_go.so.1 $(DESTDIR)$(LIBDIR)/libnetifaces_go.so
	install -m 0644 include/netifaces_go.h $(DESTDIR)$(INCLUDEDIR)/netifaces_go.h
	sed -e 's|@PREFIX@|$(PREFIX)|; s|@LIBDIR@|$(LIBDIR)|; s|@INCLUDEDIR@|$(INCLUDEDIR)|; s|@VERSION@|$(VERSION)|' \
	    netifaces_go.pc.in > $(DESTDIR)$(LIBDIR)/pkgconfig/netifaces_go.pc

uninstall:
	rm -f $(DESTDIR)$(LIBDIR)/libnetifaces_go.so.1 $(DESTDIR)$(LIBDIR)/libnetifaces_go.so \
	      $(DESTDIR)$(INCLUDEDIR)/netifaces_go.h $(DESTDIR)$(LIBDIR)/pkgconfig/netifaces_go.pc

# ---- packaging ----------------------------------------------------------------
sdist:
	$(PYTHON) setup.py sdist

wheel:
	$(PYTHON) -m pip wheel --no-build-isolation --no-deps -w dist .

clean:
	rm -rf $(BUILD) dist *.egg-info python/netifaces_go/libnetifaces_go.so
