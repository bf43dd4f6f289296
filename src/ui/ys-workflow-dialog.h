/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ys-store.h"

G_BEGIN_DECLS

#define YS_TYPE_WORKFLOW_DIALOG (ys_workflow_dialog_get_type ())
G_DECLARE_FINAL_TYPE (YsWorkflowDialog, ys_workflow_dialog, YS, WORKFLOW_DIALOG, AdwWindow)

/* Adds a workflow, or edits @workflow when given. Emits "saved" (id). */
GtkWidget *ys_workflow_dialog_new (GtkWindow  *parent,
                                   YsStore    *store,
                                   YsWorkflow *workflow);

G_END_DECLS
