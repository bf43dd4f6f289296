/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "yardstick-core"

#include "ys-feedback.h"

struct _YsFeedback
{
  GObject parent_instance;

  char *id;
  char *workflow_id;
  char *tool_id;
  char *tool_name;
  gboolean saves_time;
  char *given_on;
  char *comment;
};

G_DEFINE_FINAL_TYPE (YsFeedback, ys_feedback, G_TYPE_OBJECT)

static void
ys_feedback_finalize (GObject *object)
{
  YsFeedback *self = (YsFeedback *) object;

  g_free (self->id);
  g_free (self->workflow_id);
  g_free (self->tool_id);
  g_free (self->tool_name);
  g_free (self->given_on);
  g_free (self->comment);

  G_OBJECT_CLASS (ys_feedback_parent_class)->finalize (object);
}

static void
ys_feedback_class_init (YsFeedbackClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ys_feedback_finalize;
}

static void
ys_feedback_init (YsFeedback *self)
{
}

YsFeedback *
ys_feedback_new (const char *id,
                 const char *workflow_id,
                 const char *tool_id,
                 const char *tool_name,
                 gboolean    saves_time,
                 const char *given_on,
                 const char *comment)
{
  YsFeedback *self = g_object_new (YS_TYPE_FEEDBACK, NULL);

  self->id = g_strdup (id);
  self->workflow_id = g_strdup (workflow_id);
  self->tool_id = g_strdup (tool_id);
  self->tool_name = g_strdup (tool_name);
  self->saves_time = saves_time;
  self->given_on = g_strdup (given_on);
  self->comment = g_strdup (comment ? comment : "");
  return self;
}

const char *
ys_feedback_get_id (YsFeedback *self)
{
  g_return_val_if_fail (YS_IS_FEEDBACK (self), NULL);
  return self->id;
}

const char *
ys_feedback_get_workflow_id (YsFeedback *self)
{
  g_return_val_if_fail (YS_IS_FEEDBACK (self), NULL);
  return self->workflow_id;
}

const char *
ys_feedback_get_tool_id (YsFeedback *self)
{
  g_return_val_if_fail (YS_IS_FEEDBACK (self), NULL);
  return self->tool_id;
}

const char *
ys_feedback_get_tool_name (YsFeedback *self)
{
  g_return_val_if_fail (YS_IS_FEEDBACK (self), NULL);
  return self->tool_name;
}

gboolean
ys_feedback_get_saves_time (YsFeedback *self)
{
  g_return_val_if_fail (YS_IS_FEEDBACK (self), FALSE);
  return self->saves_time;
}

const char *
ys_feedback_get_given_on (YsFeedback *self)
{
  g_return_val_if_fail (YS_IS_FEEDBACK (self), NULL);
  return self->given_on;
}

const char *
ys_feedback_get_comment (YsFeedback *self)
{
  g_return_val_if_fail (YS_IS_FEEDBACK (self), NULL);
  return self->comment;
}
