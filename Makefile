# ridealong — the README's commands. Every target installs what is missing first.
SWIFT ?= $(shell command -v swift 2>/dev/null || echo /opt/swift/usr/bin/swift)
export LANG ?= C.UTF-8
DATA_DIR ?= $(CURDIR)/.ridealong-data
PREFIX ?= /usr/local
BIN = .build/debug/ridealong

.PHONY: all deps build run test check-courses unit e2e bench install clean

all: build

deps:
	@scripts/install-system-packages.sh

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
	Tests/EndToEnd/run.sh $(BIN)

test: unit check-courses e2e

bench: deps
	@scripts/install-system-packages.sh --bench
	$(SWIFT) build -c release --product ridealong
	$(SWIFT) build -c release --product ridealong-bench
	.build/release/ridealong-bench

install: deps
	$(SWIFT) build -c release --product ridealong
	install -d "$(PREFIX)/bin" "$(PREFIX)/share/bash-completion/completions" "$(PREFIX)/share/zsh/site-functions" "$(PREFIX)/share/fish/vendor_completions.d"
	install -m 0755 .build/release/ridealong "$(PREFIX)/bin/ridealong"
	.build/release/ridealong --generate-completion-script bash > "$(PREFIX)/share/bash-completion/completions/ridealong"
	.build/release/ridealong --generate-completion-script zsh > "$(PREFIX)/share/zsh/site-functions/_ridealong"
	.build/release/ridealong --generate-completion-script fish > "$(PREFIX)/share/fish/vendor_completions.d/ridealong.fish"

clean:
	rm -rf .build
