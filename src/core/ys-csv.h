/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ys-store.h"

G_BEGIN_DECLS

/* Runs as CSV (FORMAT.md): RFC 4180, a header row, oldest first, and no cell
 * a spreadsheet would run as a formula. @from/@to may be NULL. */
gboolean  ys_csv_export      (YsStore        *store,
                              const GDate    *from,
                              const GDate    *to,
                              GOutputStream  *stream,
                              GError        **error);
gboolean  ys_csv_export_file (YsStore        *store,
                              const GDate    *from,
                              const GDate    *to,
                              const char     *path,
                              GError        **error);
/* One cell, quoted and defused as needed. */
void      ys_csv_append_cell (GString        *out,
                              const char     *text);

G_END_DECLS
