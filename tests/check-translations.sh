#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Every language in po/LINGUAS translates every message of the current
# sources: no untranslated or fuzzy entries, and msgfmt --check passes.
set -eu
source_dir=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

xgettext --package-name=yardstick --from-code=UTF-8 --add-comments \
  --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
  --keyword=g_dngettext:2,3 --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format \
  --flag=g_strdup_printf:1:c-format --flag=g_string_append_printf:2:c-format \
  --flag=g_set_error:4:c-format --flag=g_printerr:1:c-format --flag=g_print:1:c-format \
  --directory="$source_dir" --files-from="$source_dir/po/POTFILES.in" \
  --output="$work/yardstick.pot" 2>/dev/null

status=0
for lang in $(grep -v '^#' "$source_dir/po/LINGUAS"); do
  msgmerge --quiet --no-fuzzy-matching "$source_dir/po/$lang.po" "$work/yardstick.pot" \
    --output-file="$work/$lang.po"
  stats=$(msgfmt --check --statistics -o /dev/null "$work/$lang.po" 2>&1) || { echo "$lang: $stats" >&2; status=1; continue; }
  echo "$lang: $stats"
  case "$stats" in
    *untranslated*|*fuzzy*) echo "po/$lang.po is not complete: $stats" >&2; status=1 ;;
  esac
done
exit $status
