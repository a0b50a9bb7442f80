# ridealong — the README's commands. Every target installs what is missing first.
SWIFT ?= $(shell command -v swift 2>/dev/null || echo /opt/swift/usr/bin/swift)
export LANG ?= C.UTF-8
DATA_DIR ?= $(CURDIR)/.ridealong-data
PREFIX ?= /usr/local
BIN = .build/debug/ridealong

.PHONY: all deps build run test check-courses unit e2e reliability fuzz bench install clean

all: build

deps:
	@.ci/install-system-packages.sh

build: deps
	$(SWIFT) build

run: build
	$(BIN) play --courses Courses --data-dir "$(DATA_DIR)"

check-courses: build
	$(BIN) check --strict Courses
	$(BIN) test Courses

unit: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

e2e: build
	Tests/EndToEnd/run.sh $(BIN) 10 20

test: unit check-courses e2e reliability

# Short versions of the reliability suite (docs/reliability.md has the long ones and their figures).
reliability: build
	$(SWIFT) build --product ridealong-fuzz
	.build/debug/ridealong-fuzz script Tests/Fuzz/regressions/script Tests/ScenarioKitTests/Malformed Courses/orientation Courses/power Courses/safer-together
	.build/debug/ridealong-fuzz plain Tests/Fuzz/regressions/plain
	.build/debug/ridealong-fuzz plan Tests/Fuzz/regressions/plan Courses/orientation Courses/power Courses/safer-together
	SUITE=reliability Tests/EndToEnd/run.sh $(BIN) 30 40 50

# libFuzzer on the script parser and checker, the plain-mode input reader and the test-plan reader.
SECONDS ?= 60
fuzz: deps
	$(SWIFT) build --scratch-path .build-fuzz -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING -Xswiftc -use-ld=lld --product ridealong-fuzz
	Tests/Fuzz/run.sh .build-fuzz/debug/ridealong-fuzz $(SECONDS)

# Release binaries are fully static executables: the Swift runtime, Foundation, ncursesw, terminfo and
# SQLite are linked in (the two -l options put ncursesw after the objects that use it), so no dynamic
# loader runs, no relocations are made and no libraries are looked up at start; stripped, the player
# draws its first frame in about half the time of a dynamically linked build. glibc's user lookups
# (getpwuid and friends) then need the shared libraries of the same glibc at run time: they are there on
# the machine that builds, and the player needs one only when HOME is unset. (lld links it; gold would
# print a warning for each such function.)
RELEASE = $(SWIFT) build -c release --static-swift-stdlib -Xswiftc -static-executable -Xswiftc -use-ld=lld -Xlinker -s \
	-Xlinker -lncursesw -Xlinker -ltinfo --scratch-path .build-static

# The generated store of 10,000 trainees (3.4 GB, about 10 minutes to make) is kept for later runs.
BENCH_STORE ?= $(CURDIR)/.build-static/bench-records

bench: deps
	@.ci/install-system-packages.sh --bench
	$(RELEASE) --product ridealong
	$(RELEASE) --product ridealong-bench
	RIDEALONG_BENCH_STORE="$(BENCH_STORE)" .build-static/release/ridealong-bench Courses
	@echo ""
	@echo "player in a real terminal (tmux), release build"
	@Tests/Bench/bench-player.sh .build-static/release/ridealong

install: deps
	$(RELEASE) --product ridealong
	install -d "$(PREFIX)/bin" "$(PREFIX)/share/ridealong" "$(PREFIX)/share/bash-completion/completions" \
		"$(PREFIX)/share/zsh/site-functions" "$(PREFIX)/share/fish/vendor_completions.d"
	install -m 0755 .build-static/release/ridealong "$(PREFIX)/bin/ridealong"
	rm -rf "$(PREFIX)/share/ridealong/Courses" && cp -R Courses "$(PREFIX)/share/ridealong/Courses"
	.build-static/release/ridealong --generate-completion-script bash > "$(PREFIX)/share/bash-completion/completions/ridealong"
	.build-static/release/ridealong --generate-completion-script zsh > "$(PREFIX)/share/zsh/site-functions/_ridealong"
	.build-static/release/ridealong --generate-completion-script fish > "$(PREFIX)/share/fish/vendor_completions.d/ridealong.fish"

clean:
	rm -rf .build
