#!/usr/bin/env bash
# Generates a 200,000-row .xlsx (SXSSF, shared strings, dates, merged section rows, hyperlinks) and converts it
# with the heap capped at 256 MB in a separate JVM; prints rows, file size, time and peak heap.
# Usage: bench/xlsx-heap.sh [rows]   (default 200000)
set -euo pipefail
cd "$(dirname "$0")/.."
rows="${1:-200000}"
mvn -B -q test -Dtest=XlsxHeapCheck -Dkaiten.excludedGroups=none -Dsurefire.failIfNoSpecifiedTests=false \
  -Dxlsx.heap.rows="$rows"
cat target/xlsx-heap.txt
