#!/usr/bin/env bash
# Installs lede's build and test dependencies from Debian 12's packages (only what is missing).
set -euo pipefail

packages=(
  build-essential cmake pkg-config
  libxapian-dev xapian-tools          # the search engine library; xapian-tcpsrv for remote shards
  libpugixml-dev                      # XML feeds and OPML
  libcurl4-openssl-dev ca-certificates  # fetching feeds over HTTP(S)
  libxml2-dev                         # HTML → text, URL resolution
  libcli11-dev                        # command lines
  nlohmann-json3-dev                  # JSON Lines, JSON Feed, --json output
  libgtest-dev libgmock-dev           # tests
  libbenchmark-dev                    # micro-benchmarks
  libsqlite3-dev sqlite3 hyperfine    # lede-bench's fts5 baseline; the sqlite3 CLI and hyperfine for whole-process timings
  python3                             # the tests' HTTP server on 127.0.0.1; fuzz seeds
  clang libclang-rt-14-dev            # fuzz targets: clang++ with libFuzzer, ASan, UBSan
  llvm                                # llvm-symbolizer: sanitizer reports with file:line
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "installing: ${missing[*]}"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
