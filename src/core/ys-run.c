/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "yardstick-core"

#include "config.h"

#include <glib/gi18n.h>

#include "ys-error.h"
#include "ys-run.h"
#include "ys-validate.h"

/* 0001-01-01 .. 9999-12-31: what RFC 3339 and SQLite dates can write. */
#define MIN_STARTED_AT G_GINT64_CONSTANT (-62135596800)
#define MAX_STARTED_AT G_GINT64_CONSTANT (253402300799)

void
ys_run_fields_clear (YsRunFields *fields)
{
  g_clear_pointer (&fields->workflow_id, g_free);
  g_clear_pointer (&fields->tool_id, g_free);
  g_clear_pointer (&fields->note, g_free);
}

void
ys_run_fields_copy (YsRunFields       *dest,
                    const YsRunFields *src)
{
  *dest = *src;
  dest->workflow_id = g_strdup (src->workflow_id);
  dest->tool_id = g_strdup (src->tool_id);
  dest->note = g_strdup (src->note);
}

/* The one set of run rules, shared by the log-a-run dialog, the timer's
 * finish sheet and the store. */
gboolean
ys_run_fields_validate (const YsRunFields *fields,
                        GError           **error)
{
  g_return_val_if_fail (fields != NULL, FALSE);

  if (fields->workflow_id == NULL || *fields->workflow_id == '\0')
    {
      g_set_error_literal (error, YS_ERROR, YS_ERROR_INVALID,
                           _("Choose the workflow this run belongs to."));
      return FALSE;
    }

  if (fields->mode != YS_MODE_WITHOUT_AI && fields->mode != YS_MODE_WITH_AI)
    {
      g_set_error_literal (error, YS_ERROR, YS_ERROR_INVALID,
                           _("A run is either without AI or with AI."));
      return FALSE;
    }

  if (fields->used != YS_USED_UNKNOWN && fields->used != YS_USED_YES &&
      fields->used != YS_USED_NO)
    {
      g_set_error_literal (error, YS_ERROR, YS_ERROR_INVALID,
                           _("Whether the output was used is yes, no or not yet known."));
      return FALSE;
    }

  if (fields->started_at < MIN_STARTED_AT || fields->started_at > MAX_STARTED_AT)
    {
      g_set_error_literal (error, YS_ERROR, YS_ERROR_INVALID,
                           _("The start date is not a real date."));
      return FALSE;
    }

  return ys_validate_mode_tool (fields->mode, fields->tool_id, error) &&
         ys_validate_duration (fields->duration_seconds, error) &&
         ys_validate_corrections (fields->corrections, error) &&
         ys_validate_text (fields->note, error);
}

struct _YsRun
{
  GObject parent_instance;

  char *id;
  YsRunFields fields;
  char *tool_name;
};

G_DEFINE_FINAL_TYPE (YsRun, ys_run, G_TYPE_OBJECT)

static void
ys_run_finalize (GObject *object)
{
  YsRun *self = (YsRun *) object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->tool_name, g_free);
  ys_run_fields_clear (&self->fields);

  G_OBJECT_CLASS (ys_run_parent_class)->finalize (object);
}

static void
ys_run_class_init (YsRunClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ys_run_finalize;
}

static void
ys_run_init (YsRun *self)
{
}

YsRun *
ys_run_new (const char        *id,
            const YsRunFields *fields,
            const char        *tool_name)
{
  YsRun *self;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (fields != NULL, NULL);

  self = g_object_new (YS_TYPE_RUN, NULL);
  self->id = g_strdup (id);
  ys_run_fields_copy (&self->fields, fields);
  self->tool_name = g_strdup (tool_name);
  return self;
}

const char *
ys_run_get_id (YsRun *self)
{
  g_return_val_if_fail (YS_IS_RUN (self), NULL);
  return self->id;
}

const YsRunFields *
ys_run_get_fields (YsRun *self)
{
  g_return_val_if_fail (YS_IS_RUN (self), NULL);
  return &self->fields;
}

const char *
ys_run_get_tool_name (YsRun *self)
{
  g_return_val_if_fail (YS_IS_RUN (self), NULL);
  return self->tool_name;
}
