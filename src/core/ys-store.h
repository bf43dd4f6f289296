/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ys-run.h"
#include "ys-tool.h"
#include "ys-types.h"
#include "ys-workflow.h"

G_BEGIN_DECLS

#define YS_STORE_SCHEMA_VERSION 1

typedef enum
{
  YS_STORE_CHANGE_WORKFLOWS = 1 << 0,
  YS_STORE_CHANGE_TOOLS     = 1 << 1,
  YS_STORE_CHANGE_RUNS      = 1 << 2,
  YS_STORE_CHANGE_FEEDBACK  = 1 << 3,
} YsStoreChange;

#define YS_TYPE_STORE (ys_store_get_type ())
G_DECLARE_FINAL_TYPE (YsStore, ys_store, YS, STORE, GObject)

typedef gboolean (*YsStoreTransactionFunc) (YsStore  *store,
                                            gpointer  user_data,
                                            GError  **error);

char        *ys_store_default_path           (void);
YsStore     *ys_store_open                   (const char              *path,
                                              GError                 **error);
const char  *ys_store_get_path               (YsStore                 *self);

gboolean     ys_store_run_in_transaction     (YsStore                 *self,
                                              YsStoreTransactionFunc   func,
                                              gpointer                 user_data,
                                              GError                 **error);
gboolean     ys_store_is_empty               (YsStore                 *self);

/* Workflows: active first, then archived, each in the order they were added. */
GListModel  *ys_store_get_workflows          (YsStore                 *self);
YsWorkflow  *ys_store_get_workflow           (YsStore                 *self,
                                              const char              *id);
guint        ys_store_count_active_workflows (YsStore                 *self);
YsWorkflow  *ys_store_add_workflow           (YsStore                 *self,
                                              const char              *name,
                                              const char              *description,
                                              int                      people,
                                              GError                 **error);
gboolean     ys_store_update_workflow        (YsStore                 *self,
                                              const char              *id,
                                              const char              *name,
                                              const char              *description,
                                              int                      people,
                                              GError                 **error);
gboolean     ys_store_set_workflow_archived  (YsStore                 *self,
                                              const char              *id,
                                              gboolean                 archived,
                                              GError                 **error);
gboolean     ys_store_delete_workflow        (YsStore                 *self,
                                              const char              *id,
                                              GError                 **error);
gboolean     ys_store_restore_workflow       (YsStore                 *self,
                                              const char              *id,
                                              gboolean                *archived_instead,
                                              GError                 **error);

/* Tools, by name. */
GListModel  *ys_store_get_tools              (YsStore                 *self);
YsTool      *ys_store_add_tool               (YsStore                 *self,
                                              const char              *name,
                                              GError                 **error);
gboolean     ys_store_rename_tool            (YsStore                 *self,
                                              const char              *id,
                                              const char              *name,
                                              GError                 **error);
gboolean     ys_store_delete_tool            (YsStore                 *self,
                                              const char              *id,
                                              GError                 **error);
gboolean     ys_store_restore_tool           (YsStore                 *self,
                                              const char              *id,
                                              GError                 **error);

/* Runs. */
GListModel  *ys_store_list_runs              (YsStore                 *self,
                                              const char              *workflow_id);
YsRun       *ys_store_get_run                (YsStore                 *self,
                                              const char              *id);
guint        ys_store_count_runs             (YsStore                 *self,
                                              const char              *workflow_id,
                                              YsMode                   mode);
char        *ys_store_get_last_tool_id       (YsStore                 *self,
                                              const char              *workflow_id);
YsRun       *ys_store_add_run                (YsStore                 *self,
                                              const YsRunFields       *fields,
                                              GError                 **error);
gboolean     ys_store_update_run             (YsStore                 *self,
                                              const char              *id,
                                              const YsRunFields       *fields,
                                              GError                 **error);
gboolean     ys_store_delete_run             (YsStore                 *self,
                                              const char              *id,
                                              GError                 **error);
gboolean     ys_store_restore_run            (YsStore                 *self,
                                              const char              *id,
                                              GError                 **error);

/* Feedback: does this tool save time on this workflow? */
char        *ys_store_add_feedback           (YsStore                 *self,
                                              const char              *workflow_id,
                                              const char              *tool_id,
                                              gboolean                 saves_time,
                                              const char              *given_on,
                                              const char              *comment,
                                              GError                 **error);
guint        ys_store_count_feedback         (YsStore                 *self,
                                              const char              *workflow_id);

G_END_DECLS
