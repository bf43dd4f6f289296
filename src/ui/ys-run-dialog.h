/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ys-store.h"

G_BEGIN_DECLS

#define YS_TYPE_RUN_DIALOG (ys_run_dialog_get_type ())
G_DECLARE_FINAL_TYPE (YsRunDialog, ys_run_dialog, YS, RUN_DIALOG, AdwWindow)

/* Logs a new run of @workflow_id, or edits @run when given.
 * Emits "saved" (the run's id) once the store has it. */
GtkWidget *ys_run_dialog_new (GtkWindow  *parent,
                              YsStore    *store,
                              const char *workflow_id,
                              YsRun      *run);

/* The finish sheet of a timer: its measured time, editable, then saved as a
 * run while the timer is removed. */
GtkWidget *ys_run_dialog_new_for_timer (GtkWindow  *parent,
                                        YsStore    *store,
                                        YsTimer    *timer);

G_END_DECLS
