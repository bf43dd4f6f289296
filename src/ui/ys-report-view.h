/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ys-store.h"

G_BEGIN_DECLS

#define YS_TYPE_REPORT_VIEW (ys_report_view_get_type ())
G_DECLARE_FINAL_TYPE (YsReportView, ys_report_view, YS, REPORT_VIEW, GtkWidget)

/* The quarter picker, the review form (autosaved) and the report exports. */
GtkWidget  *ys_report_view_new         (YsStore      *store);
const char *ys_report_view_get_quarter (YsReportView *self);
void        ys_report_view_set_answer  (YsReportView *self,
                                        guint         question,
                                        const char   *text);
/* Saves what is typed now rather than after the autosave delay. */
gboolean    ys_report_view_flush       (YsReportView *self);

G_END_DECLS
