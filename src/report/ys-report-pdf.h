/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ys-report.h"

G_BEGIN_DECLS

gboolean ys_report_write_pdf  (const YsReport  *report,
                               const char      *path,
                               GError         **error);
/* PDF or Markdown by the file's ending; anything else is refused. */
gboolean ys_report_write_file (const YsReport  *report,
                               const char      *path,
                               GError         **error);

G_END_DECLS
