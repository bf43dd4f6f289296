/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "ys-timer.h"
#include "ys-workflow.h"

G_BEGIN_DECLS

#define YS_TYPE_SIDEBAR_ROW (ys_sidebar_row_get_type ())
G_DECLARE_FINAL_TYPE (YsSidebarRow, ys_sidebar_row, YS, SIDEBAR_ROW, GtkListBoxRow)

/* One workflow in the window's sidebar: its name, its description, and
 * the clock of its timer while one runs. */
GtkWidget  *ys_sidebar_row_new             (YsWorkflow   *workflow);
YsWorkflow *ys_sidebar_row_get_workflow    (YsSidebarRow *self);
const char *ys_sidebar_row_get_workflow_id (YsSidebarRow *self);
void        ys_sidebar_row_set_timer       (YsSidebarRow *self,
                                            YsTimer      *timer,
                                            gint64        now);

G_END_DECLS
