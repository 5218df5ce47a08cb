# refheap front door. CMake is the build; these targets only call it.
#   make            Release build into build/
#   make test       deps, build, ctest (all labels), then the same suite under ASan+UBSan (make sanitize)
#   make bench      deps, Release build, the benchmarks -> results/
#   make sanitize   ASan+UBSan build into build-asan/, ctest there
#   make deps       install missing Debian packages (apt-get as root; else prints the command)
#   make difftest   deps, build, the differential tester's long campaign (DIFFTEST_N programs per profile,
#                   DIFFTEST_SEED, DIFFTEST_PROFILES); findings go to conformance/difftest/found/
#   make fuzz       libFuzzer targets (clang, ASan+UBSan) into build-fuzz/, each run FUZZ_SECONDS (60);
#                   fails on any finding (scripts/fuzz.sh)
#   make oom        the full allocation-failure sweep (every N up to 2000, then 500 points up to the total)
#                   over every workload case, Release then ASan (ctest label oom with --full)
BUILD ?= build
ASAN_BUILD ?= build-asan
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
CMAKE ?= cmake
SCALE ?= quick
ONLY ?=
DIFFTEST_N ?= 2000
DIFFTEST_SEED ?= 2
DIFFTEST_PROFILES ?= py27,py310,py311,py312,py313
FUZZ_SECONDS ?= 60

.PHONY: all build test bench sanitize deps clean difftest fuzz oom
all: build

build:
	@command -v $(CMAKE) >/dev/null 2>&1 || ./scripts/deps.sh
	$(CMAKE) -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release >/dev/null
	$(CMAKE) --build $(BUILD) -j $(JOBS)

deps:
	@./scripts/deps.sh

test: deps build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)
	$(MAKE) --no-print-directory sanitize

sanitize: deps
	$(CMAKE) -S . -B $(ASAN_BUILD) -DCMAKE_BUILD_TYPE=Debug -DREFHEAP_SANITIZE=ON -DREFHEAP_BENCH=OFF >/dev/null
	$(CMAKE) --build $(ASAN_BUILD) -j $(JOBS)
	cd $(ASAN_BUILD) && ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 UBSAN_OPTIONS=print_stacktrace=1 \
	  ctest --output-on-failure -j $(JOBS) -L asan

fuzz: deps
	FUZZ_SECONDS=$(FUZZ_SECONDS) ./scripts/fuzz.sh

oom: deps
	$(CMAKE) -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release -DRH_OOM_ARGS=--full >/dev/null
	$(CMAKE) --build $(BUILD) -j $(JOBS)
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS) -L oom; st=$$?; \
	  $(CMAKE) -S .. -B . -DRH_OOM_ARGS= >/dev/null; exit $$st
	$(CMAKE) -S . -B $(ASAN_BUILD) -DCMAKE_BUILD_TYPE=Debug -DREFHEAP_SANITIZE=ON -DREFHEAP_BENCH=OFF \
	  -DRH_OOM_ARGS=--full >/dev/null
	$(CMAKE) --build $(ASAN_BUILD) -j $(JOBS)
	cd $(ASAN_BUILD) && ASAN_OPTIONS=detect_leaks=1 ctest --output-on-failure -j $(JOBS) -L oom; st=$$?; \
	  $(CMAKE) -S .. -B . -DRH_OOM_ARGS= >/dev/null; exit $$st

bench: deps build
	/usr/bin/python3 harness/bench/run_bench.py --build $(BUILD) --scale $(SCALE) --only "$(ONLY)"

difftest: deps build
	/usr/bin/python3 conformance/difftest/difftest.py --profiles $(DIFFTEST_PROFILES) -n $(DIFFTEST_N) \
	  --seed $(DIFFTEST_SEED) --refheap $(BUILD)/refheap --jobs $(JOBS)

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) build-fuzz
