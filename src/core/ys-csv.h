/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ys-stats.h"
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
/* The summary's figures, one row per workflow, for boards that keep their
 * own spreadsheets: the same cells as the runs', defused the same way. */
gboolean  ys_csv_export_figures      (const YsSummary  *summary,
                                      GOutputStream    *stream,
                                      GError          **error);
gboolean  ys_csv_export_figures_file (const YsSummary  *summary,
                                      const char       *path,
                                      GError          **error);
/* One cell, quoted and defused as needed. */
void      ys_csv_append_cell (GString        *out,
                              const char     *text);

G_END_DECLS
