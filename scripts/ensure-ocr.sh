#!/usr/bin/env bash
# Reading attached documents (OCR) uses Debian's Tesseract with Russian, Kazakh and English data
# and poppler's pdftotext/pdftoppm. Installs what is missing when it can (root and apt-get);
# otherwise says what to install and carries on: the app works without them and says that OCR
# is unavailable on this server.
set -uo pipefail
if [ "${TRACKER_SKIP_OCR_INSTALL:-}" = "1" ]; then exit 0; fi
missing() {
  local pkgs=()
  command -v tesseract >/dev/null 2>&1 || pkgs+=(tesseract-ocr)
  local langs=""
  if command -v tesseract >/dev/null 2>&1; then langs="$(tesseract --list-langs 2>/dev/null || true)"; fi
  for l in rus kaz eng; do
    grep -qx "$l" <<<"$langs" || pkgs+=("tesseract-ocr-$l")
  done
  { command -v pdftotext >/dev/null 2>&1 && command -v pdftoppm >/dev/null 2>&1; } || pkgs+=(poppler-utils)
  echo "${pkgs[@]}"
}
need="$(missing)"
if [ -z "$need" ]; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing OCR programs for reading attached documents: $need"
  # shellcheck disable=SC2086
  if DEBIAN_FRONTEND=noninteractive apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $need >/dev/null; then
    exit 0
  fi
  echo "Note: installing $need failed; documents will not be read (OCR unavailable) until it is installed." >&2
  exit 0
fi
echo "Note: OCR of attached documents needs: $need (e.g. 'sudo apt-get install $need'). Without it the app works and says OCR is unavailable on this server." >&2
exit 0
