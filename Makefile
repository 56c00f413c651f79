# wfgen — the two commands a newcomer needs are `make generate` and `make test`.
# `make fuzz` runs the libFuzzer targets in Fuzz/ (YAML parser, shell reader, lint, --fix) for FUZZ_SECONDS each.
SHELL := /bin/bash
VENV ?= .venv
PYTHON ?= python3
SWIFT ?= swift
PEERS := tools/peers-requirements.txt
FUZZ_SECONDS ?= 120
# The shipping build: optimised, and on Linux with the Swift runtime linked in statically, as Swift command-line
# tools ship there (no runtime to install; start-up and runtime calls skip the dynamic linker's indirection).
RELEASE := -c release $(if $(filter Linux,$(shell uname -s)),--static-swift-stdlib)

.PHONY: all build release dist test-dist generate check test fuzz bench bench-yaml bench-edit bench-lint bench-hook eval import-roundtrip deps venv clean

all: build

## deps: make sure libyaml (pkg-config yaml-0.1) is installed, installing it when we can.
deps:
	@if pkg-config --exists yaml-0.1 2>/dev/null; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		echo "libyaml missing: installing libyaml-dev with apt-get"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libyaml-dev pkg-config >/dev/null; \
	elif command -v brew >/dev/null; then \
		echo "libyaml missing: installing it with brew"; brew install libyaml pkg-config; \
	else \
		echo "libyaml is missing. Install it first:"; \
		echo "  Debian/Ubuntu: sudo apt-get install libyaml-dev pkg-config"; \
		echo "  macOS:         brew install libyaml pkg-config"; \
		exit 1; \
	fi

## venv: the peer tools (actionlint, zizmor, check-jsonschema, pre-commit, PyYAML, botocore, parliament, cfn-lint) in $(VENV).
venv: $(VENV)/.installed
$(VENV)/.installed: $(PEERS)
	@test -x $(VENV)/bin/python || $(PYTHON) -m venv $(VENV)
	@$(VENV)/bin/python -m pip install -q --disable-pip-version-check -r $(PEERS)
	@touch $@

build: deps
	$(SWIFT) build

## release: the optimised prebuilt wfgen, product wfgen-cli (lint, explain, rules, init); its path is printed last.
release: deps
	$(SWIFT) build $(RELEASE) --product wfgen-cli
	@echo "$$($(SWIFT) build $(RELEASE) --show-bin-path)/wfgen-cli"

## dist: wfgen for people without Swift, in dist/: a self-contained binary (Swift runtime and libyaml linked in) as a
## tarball, a wheel (pip install wfgen-cli) and a .deb, each with a .sha256 file (tools/dist/dist.sh).
dist: deps
	SWIFT=$(SWIFT) PYTHON=$(PYTHON) tools/dist/dist.sh

## test-dist: make dist, then install each package as a user would and compare its lint with the source build's.
test-dist: dist venv
	WFGEN_PEERS_BIN="$(abspath $(VENV))/bin" SWIFT=$(SWIFT) $(PYTHON) tools/dist/test_dist.py

## generate: compile workflows-src/ into .github/workflows/ and generated/.
generate: deps
	$(SWIFT) run wfgen

## check: exit 1 with a unified diff when a generated file is missing, stale or hand-edited (writes nothing).
check: deps
	$(SWIFT) run wfgen check

test: deps venv
	WFGEN_PEERS_BIN="$(abspath $(VENV))/bin" WFGEN_REQUIRE_PEERS=1 $(SWIFT) test

## fuzz: each libFuzzer target in Fuzz/ for FUZZ_SECONDS (120) seconds, one after another, seeded with Fuzz/seeds
## and ../shared/corpus when present; exit 1 with the reproducer's path on a crash, leak, timeout or memory blow-up.
## Built apart from `swift build` (swiftc with -sanitize=fuzzer,address into .build/fuzz); docs/fuzzing.md.
fuzz: deps
	FUZZ_SECONDS=$(FUZZ_SECONDS) Fuzz/run.sh

## bench: every benchmark; each bench-* target prints its figures and ratios.
bench: bench-yaml bench-edit bench-lint bench-hook

bench-yaml: deps
	$(SWIFT) build $(RELEASE) --product yaml-bench
	$$($(SWIFT) build $(RELEASE) --show-bin-path)/yaml-bench

## bench-edit: save one file in workflows-src/, time `swift run wfgen` (incremental debug build); budget 5 s here,
## and 2 s in a repository set up by `wfgen init` (whose first build it also reports).
bench-edit: deps
	SWIFT=$(SWIFT) tools/bench-edit.sh
	SWIFT=$(SWIFT) tools/bench-edit-consumer.sh

## bench-lint: wfgen lint throughput over 2,000+ workflows, against actionlint and zizmor in the same run.
bench-lint: deps venv
	$(SWIFT) build $(RELEASE) --product wfgen
	$(PYTHON) tools/bench-lint.py "$$($(SWIFT) build $(RELEASE) --show-bin-path)/wfgen" "$(abspath $(VENV))/bin" bench-out/lint

## bench-hook: the wfgen-lint pre-commit hook, installed from this checkout: first run (install) and warm runs.
bench-hook: deps venv
	tools/bench-hook.sh "$(abspath $(VENV))/bin/pre-commit"

## eval: precision/recall per rule family on ../shared/corpus (skipped when that folder is absent).
eval: deps
	@if [ ! -d ../shared/corpus/dev ]; then echo "eval: skipped, ../shared/corpus/dev is absent"; exit 0; fi; \
	$(SWIFT) build $(RELEASE) --product wfgen && \
	$(PYTHON) tools/lint-eval.py "$$($(SWIFT) build $(RELEASE) --show-bin-path)/wfgen" ../shared/corpus

## import-roundtrip: `wfgen import` -> compile the Swift -> render gives back the same data, over ../shared/corpus
## (general and dev workflows, dev task-definition JSON); writes bench-out/import-roundtrip.md. Skipped without it.
import-roundtrip: deps venv
	@if [ ! -d ../shared/corpus/general ]; then echo "import-roundtrip: skipped, ../shared/corpus is absent"; exit 0; fi; \
	mkdir -p bench-out && $(VENV)/bin/python tools/import-roundtrip.py . ../shared/corpus bench-out/import-roundtrip.md

clean:
	rm -rf .build $(VENV) dist
