/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ys-store.h"

G_BEGIN_DECLS

#define YS_TYPE_FEEDBACK_VIEW (ys_feedback_view_get_type ())
G_DECLARE_FINAL_TYPE (YsFeedbackView, ys_feedback_view, YS, FEEDBACK_VIEW, GtkWidget)

/* A workflow's feedback: date, tool, yes/no and comment, with edit and
 * delete-with-undo, and a button to give more. */
GtkWidget *ys_feedback_view_new             (YsStore        *store);
void       ys_feedback_view_set_workflow_id (YsFeedbackView *self,
                                             const char     *workflow_id);

G_END_DECLS
