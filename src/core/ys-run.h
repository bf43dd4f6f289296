/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "ys-types.h"

G_BEGIN_DECLS

/* What a person enters for a run, by hand or when a timer finishes. */
typedef struct
{
  char   *workflow_id;
  YsMode  mode;
  char   *tool_id;          /* NULL for a run without AI */
  gint64  started_at;       /* seconds since the Unix epoch */
  gint64  duration_seconds;
  gint64  corrections;
  YsUsed  used;
  char   *note;
  YsAssignment assignment;  /* chosen unless Yardstick drew the mode */
} YsRunFields;

/* What the person says when a timer stops: the rest comes from the timer. */
typedef struct
{
  gint64  duration_seconds;
  gint64  corrections;
  YsUsed  used;
  const char *note;
} YsRunOutcome;

void     ys_run_fields_clear    (YsRunFields       *fields);
void     ys_run_fields_copy     (YsRunFields       *dest,
                                 const YsRunFields *src);
gboolean ys_run_fields_validate (const YsRunFields *fields,
                                 GError           **error);

#define YS_TYPE_RUN (ys_run_get_type ())
G_DECLARE_FINAL_TYPE (YsRun, ys_run, YS, RUN, GObject)

YsRun             *ys_run_new           (const char        *id,
                                         const YsRunFields *fields,
                                         const char        *tool_name);
const char        *ys_run_get_id        (YsRun             *self);
const YsRunFields *ys_run_get_fields    (YsRun             *self);
const char        *ys_run_get_tool_name (YsRun             *self);

G_END_DECLS
