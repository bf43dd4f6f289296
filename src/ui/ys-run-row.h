/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "ys-run.h"

G_BEGIN_DECLS

#define YS_TYPE_RUN_ROW (ys_run_row_get_type ())
G_DECLARE_FINAL_TYPE (YsRunRow, ys_run_row, YS, RUN_ROW, GtkBox)

/* One run in a workflow's list: its time, when, corrections and use, with
 * or without AI (the tool's name), and a button for win.delete-run; on a
 * @fair_test workflow, whether the mode was drawn or done the other way. */
GtkWidget *ys_run_row_new     (void);
void       ys_run_row_set_run (YsRunRow *self,
                               YsRun    *run,
                               gboolean  fair_test);

G_END_DECLS
