#!/usr/bin/env bash
# The browser tests' server: a fresh SQLite file, the history loaded, test accounts, and the
# production build. Refuses to touch anything but a throwaway local database.
set -euo pipefail
port="${1:-3100}"
dir="$(mktemp -d /tmp/tracker-e2e.XXXXXX)"
export DATABASE_URL="file:${dir}/e2e.db"
export NEXTAUTH_SECRET="e2e-only-secret-$(date +%s%N)"
# Personal data is sealed under this key (lib/crypto/fields.ts); a throwaway one per server.
export TRACKER_DATA_KEY="${TRACKER_DATA_KEY:-$(node -e 'process.stdout.write(require("node:crypto").randomBytes(32).toString("base64"))')}"
export NEXTAUTH_URL="http://127.0.0.1:${port}"
# Email goes to the SMTP server tests/e2e/password-reset.spec.ts starts (nothing listens there
# during the other specs: a send fails and its job is retried later, harmlessly).
export SMTP_URL="smtp://127.0.0.1:${E2E_SMTP_PORT:-$((port + 25))}"
export MAIL_FROM="Tracker E2E <tracker@e2e.test>"
# Its own build folder (next.config.js distDir), not the .next of a running `npm start`.
export NEXT_DIST_DIR="${NEXT_DIST_DIR:-.next-e2e}"
npx prisma generate >/dev/null
npx tsx scripts/setup.ts
npx tsx tests/e2e/support/create-accounts.ts
npx tsx tests/e2e/support/seed-documents.ts
# Types were checked by `npm test`'s first step (next.config.js TRACKER_BUILD_TYPECHECK).
TRACKER_BUILD_TYPECHECK=0 NEXT_TELEMETRY_DISABLED=1 npx next build >/dev/null
exec node --import tsx scripts/serve.ts -H 127.0.0.1 -p "$port"
