#!/usr/bin/env bash
# Downloads N generated Trello uploads from an in-process stub (127.0.0.1) with --parallel 1, then 4, then reruns
# the second (a resume with nothing to fetch); prints wall time, requests and throughput of each.
# Usage: bench/attachments.sh [files] [bytes per file] [server latency ms]   (default 400 262144 20)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q test -Dtest=AttachmentsBench -Dkaiten.excludedGroups=none -Dsurefire.failIfNoSpecifiedTests=false \
  -Dattach.bench.files="${1:-400}" -Dattach.bench.size="${2:-262144}" -Dattach.bench.latency="${3:-20}"
cat target/attachments-bench.txt
