/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ys-store.h"

G_BEGIN_DECLS

#define YS_TYPE_FEEDBACK_DIALOG (ys_feedback_dialog_get_type ())
G_DECLARE_FINAL_TYPE (YsFeedbackDialog, ys_feedback_dialog, YS, FEEDBACK_DIALOG, AdwWindow)

/* Gives feedback on @workflow_id, or edits @feedback when given. */
GtkWidget *ys_feedback_dialog_new (GtkWindow  *parent,
                                   YsStore    *store,
                                   const char *workflow_id,
                                   YsFeedback *feedback);

G_END_DECLS
