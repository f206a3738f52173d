#!/usr/bin/env bash
# LibreOffice (Writer, no GUI) and poppler-utils, for `render --to pdf` and the PDF check in .ci/run.
# Debian's packages; skipped when both are already installed. npm test never needs them.
set -euo pipefail
if command -v soffice >/dev/null && command -v pdftoppm >/dev/null && command -v pdftotext >/dev/null; then
  echo "LibreOffice and poppler-utils already installed"
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
for i in 1 2 3 4 5 6; do # another apt may hold the lock for a while
  if apt-get install -y --no-install-recommends libreoffice-writer-nogui poppler-utils; then exit 0; fi
  apt-get update || true
  sleep 20
done
exit 1
