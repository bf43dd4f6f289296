# SPDX-License-Identifier: GPL-3.0-or-later
# Shared by build-aux/run and build-aux/test: install what is missing on
# Debian 12, then configure and build in _build. Sourced, not run.

YS_SOURCE_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
YS_BUILD_DIR="$YS_SOURCE_DIR/_build"

# --no-install-recommends: yelp-tools would otherwise pull in WebKit.
YS_BUILD_PACKAGES="libgtk-4-dev libadwaita-1-dev libjson-glib-dev libyajl-dev libsqlite3-dev
  meson ninja-build gcc pkg-config gettext desktop-file-utils appstream
  libglib2.0-bin yelp-tools itstool"
YS_TEST_PACKAGES="xvfb xauth dbus-daemon sqlite3 tzdata poppler-utils
  at-spi2-core python3-gi gir1.2-atspi-2.0 xdotool fonts-dejavu-core locales
  flatpak-builder"

ys_install_missing () {
  local missing=() pkg
  for pkg in "$@"; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "ok installed"; then
      missing+=("$pkg")
    fi
  done
  [ ${#missing[@]} -eq 0 ] && return 0

  local line="apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ${missing[*]}"
  if [ "$(id -u)" -ne 0 ]; then
    echo "Yardstick needs these Debian packages: ${missing[*]}" >&2
    echo "Install them as root with:" >&2
    echo "  $line" >&2
    exit 1
  fi
  echo "Installing ${missing[*]}" >&2
  apt-get update -qq >&2 || exit 1
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2 || exit 1
}

# The German runs of the wording, report, CSV and summary tests
# (tests/meson.build) need the de_DE.UTF-8 locale, which Debian does not
# make by itself.
ys_make_test_locale () {
  locale -a 2>/dev/null | grep -qx 'de_DE\.utf8' && return 0
  if [ "$(id -u)" -ne 0 ]; then
    echo "The tests need the de_DE.UTF-8 locale. Make it as root with:" >&2
    echo "  localedef -i de_DE -f UTF-8 de_DE.UTF-8" >&2
    exit 1
  fi
  echo "Making the de_DE.UTF-8 locale" >&2
  localedef -i de_DE -f UTF-8 de_DE.UTF-8 >&2 || exit 1
}

ys_build () {
  if [ ! -f "$YS_BUILD_DIR/build.ninja" ]; then
    meson setup "$YS_BUILD_DIR" "$YS_SOURCE_DIR" >&2 || exit 1
  fi
  ninja -C "$YS_BUILD_DIR" >&2 || exit 1
}
