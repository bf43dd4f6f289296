/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define YS_TYPE_FEEDBACK (ys_feedback_get_type ())
G_DECLARE_FINAL_TYPE (YsFeedback, ys_feedback, YS, FEEDBACK, GObject)

/* One yes/no answer to "does this tool save time on this workflow?".
 * It records no person: feedback is the team's, like runs. */
YsFeedback *ys_feedback_new             (const char *id,
                                         const char *workflow_id,
                                         const char *tool_id,
                                         const char *tool_name,
                                         gboolean    saves_time,
                                         const char *given_on,
                                         const char *comment);
const char *ys_feedback_get_id          (YsFeedback *self);
const char *ys_feedback_get_workflow_id (YsFeedback *self);
const char *ys_feedback_get_tool_id     (YsFeedback *self);
const char *ys_feedback_get_tool_name   (YsFeedback *self);
gboolean    ys_feedback_get_saves_time  (YsFeedback *self);
const char *ys_feedback_get_given_on    (YsFeedback *self);
const char *ys_feedback_get_comment     (YsFeedback *self);

G_END_DECLS
