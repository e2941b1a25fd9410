#!/usr/bin/env bash
# System packages the platform needs besides node_modules:
#   - a CJK font, so the transaction confirmation PDF (成交确认书) shows Chinese glyphs and not boxes
#     (libs/settlement/src/document/cjk-font.ts looks for it; CJK_FONT_PATH overrides the search);
#   - poppler-utils (pdftotext, pdftoppm, pdffonts), which the PDF tests use to read the document back;
#   - with --browser (npm test passes it; npm start does not, to keep a first start quick): chromium,
#     Debian's browser, which the web tests (test/web) drive through playwright-core; no browser is
#     ever downloaded (CHROMIUM_PATH overrides /usr/bin/chromium).
#
# Idempotent: installs only what is missing, and does nothing at all when everything is present.
# When it cannot install (not root, no apt-get, no network) it prints what to install and exits 0,
# so it never breaks a user's start.
set -u

FONT_PACKAGE="fonts-wqy-microhei"
POPPLER_PACKAGE="poppler-utils"
CHROMIUM_PACKAGE="chromium"
WANT_BROWSER=0
for arg in "$@"; do
  [ "$arg" = "--browser" ] && WANT_BROWSER=1
done

# Keep this list in step with KNOWN_CJK_FONTS in libs/settlement/src/document/cjk-font.ts.
KNOWN_FONT_PATHS=(
  /usr/share/fonts/truetype/wqy/wqy-microhei.ttc
  /usr/share/fonts/truetype/wqy/wqy-zenhei.ttc
  /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc
  /usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc
)

log() { printf 'install-system-deps: %s\n' "$*"; }

have_cjk_font() {
  if [ -n "${CJK_FONT_PATH:-}" ] && [ -r "${CJK_FONT_PATH}" ]; then
    return 0
  fi
  local path
  for path in "${KNOWN_FONT_PATHS[@]}"; do
    [ -r "$path" ] && return 0
  done
  return 1
}

have_poppler() {
  command -v pdftotext >/dev/null 2>&1 && command -v pdftoppm >/dev/null 2>&1 && command -v pdffonts >/dev/null 2>&1
}

have_chromium() {
  [ "$WANT_BROWSER" -eq 0 ] || [ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]
}

missing=()
have_cjk_font || missing+=("$FONT_PACKAGE")
have_poppler || missing+=("$POPPLER_PACKAGE")
have_chromium || missing+=("$CHROMIUM_PACKAGE")

if [ "${#missing[@]}" -eq 0 ]; then
  if [ "$WANT_BROWSER" -eq 1 ]; then
    log "a CJK font, poppler-utils and chromium are present; nothing to do"
  else
    log "a CJK font and poppler-utils are present; nothing to do"
  fi
  exit 0
fi

manual_hint() {
  log "missing: ${missing[*]}"
  log "install them with:  sudo apt-get install -y --no-install-recommends ${missing[*]}"
  log "(or point CJK_FONT_PATH at a CJK .ttf/.ttc/.otf font; other systems: any package with"
  log " WenQuanYi Micro Hei, WenQuanYi Zen Hei or Noto Sans CJK, plus poppler's command-line tools;"
  log " for the browser tests, a Chromium at /usr/bin/chromium or CHROMIUM_PATH)"
}

if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  manual_hint
  exit 0
fi

export DEBIAN_FRONTEND=noninteractive

# Refresh the package lists only when apt does not know the packages yet (e.g. a fresh container
# whose lists were deleted to keep the image small).
needs_update=0
for pkg in "${missing[@]}"; do
  candidate="$(apt-cache policy "$pkg" 2>/dev/null | awk '/Candidate:/ { print $2 }')"
  if [ -z "$candidate" ] || [ "$candidate" = "(none)" ]; then
    needs_update=1
  fi
done
if [ "$needs_update" -eq 1 ]; then
  log "apt-get update"
  if ! apt-get update; then
    log "apt-get update failed"
    manual_hint
    exit 0
  fi
fi

log "apt-get install -y --no-install-recommends ${missing[*]}"
if ! apt-get install -y --no-install-recommends "${missing[@]}"; then
  log "apt-get install failed"
  manual_hint
  exit 0
fi

if have_cjk_font && have_poppler && have_chromium; then
  log "done"
else
  manual_hint
fi
exit 0
