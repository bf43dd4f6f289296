#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Fails when a file with translatable strings is missing from po/POTFILES.in,
# or when POTFILES.in names a file that does not exist or is out of order.
set -eu
cd "$1"

status=0
listed=$(grep -v '^#' po/POTFILES.in | sed '/^$/d')

for file in $(grep -rlE '(^|[^a-z_])N?_\(|ngettext \(|translatable="yes"' src data --include='*.c' --include='*.ui' --include='*.in' --include='*.xml' | sort); do
  case "$file" in *.gresource.xml) continue ;; esac
  if ! printf '%s\n' "$listed" | grep -qx "$file"; then
    echo "po/POTFILES.in: missing $file" >&2
    status=1
  fi
done

for file in $listed; do
  if [ ! -f "$file" ]; then
    echo "po/POTFILES.in: lists $file, which does not exist" >&2
    status=1
  fi
done

if [ "$listed" != "$(printf '%s\n' "$listed" | LC_ALL=C sort)" ]; then
  echo "po/POTFILES.in: not sorted" >&2
  status=1
fi

exit $status
