#!/usr/bin/env bash
# `npm start`: the Prisma clients (only when the schema changed), the keys in .env.local, then the
# database (OCR tools, migrations, the history) and the production build (only when the sources
# changed, scripts/build-if-changed.ts) side by side — neither reads what the other writes, so a
# fresh clone's first start takes the longer of the two, not their sum — then the server.
set -euo pipefail
umask 077
export NEXT_TELEMETRY_DISABLED="${NEXT_TELEMETRY_DISABLED:-1}"
tsx scripts/generate-if-changed.ts
tsx scripts/setup.ts --keys-only
{ bash scripts/ensure-ocr.sh && tsx scripts/setup.ts; } &
setup=$!
tsx scripts/build-if-changed.ts &
build=$!
if ! wait "$setup"; then
  kill "$build" 2>/dev/null || true
  wait "$build" 2>/dev/null || true
  echo "start: setup failed, not starting" >&2
  exit 1
fi
wait "$build" || { echo "start: the build failed, not starting" >&2; exit 1; }
# The server: `next start` with compression in front (scripts/serve.ts), one process.
exec node --import tsx scripts/serve.ts -p "${PORT:-3000}"
