/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define YS_TYPE_WORKFLOW (ys_workflow_get_type ())
G_DECLARE_FINAL_TYPE (YsWorkflow, ys_workflow, YS, WORKFLOW, GObject)

YsWorkflow *ys_workflow_new             (const char *id,
                                         const char *name,
                                         const char *description,
                                         int         people,
                                         gboolean    archived,
                                         gboolean    fair_test);
const char *ys_workflow_get_id          (YsWorkflow *self);
const char *ys_workflow_get_name        (YsWorkflow *self);
const char *ys_workflow_get_description (YsWorkflow *self);
int         ys_workflow_get_people      (YsWorkflow *self);
gboolean    ys_workflow_get_archived    (YsWorkflow *self);
gboolean    ys_workflow_equal           (gconstpointer a,
                                         gconstpointer b);
/* Yardstick draws each run's mode (ys-draw.h); local to this computer. */
gboolean    ys_workflow_get_fair_test   (YsWorkflow *self);

G_END_DECLS
