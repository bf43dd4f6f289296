/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ys-feedback.h"
#include "ys-run.h"
#include "ys-schema.h"
#include "ys-timer.h"
#include "ys-tool.h"
#include "ys-types.h"
#include "ys-workflow.h"

G_BEGIN_DECLS

#define YS_STORE_SCHEMA_VERSION YS_SCHEMA_VERSION

typedef enum
{
  YS_STORE_CHANGE_WORKFLOWS = 1 << 0,
  YS_STORE_CHANGE_TOOLS     = 1 << 1,
  YS_STORE_CHANGE_RUNS      = 1 << 2,
  YS_STORE_CHANGE_FEEDBACK  = 1 << 3,
  YS_STORE_CHANGE_TIMERS    = 1 << 4,
  YS_STORE_CHANGE_REVIEWS   = 1 << 5,
} YsStoreChange;

/* The team's short written review of a quarter ("2026-Q3"). */
typedef struct
{
  char *id;                 /* NULL until saved */
  char *quarter;
  int coverage_percent;     /* 0..100, or -1 when not known */
  char *working;            /* what changed how we work */
  char *not_working;        /* what is not working */
  char *more_rework;        /* where AI output needed more rework than starting over */
} YsReview;

void ys_review_clear (YsReview *review);

/* The time now, in microseconds since the epoch; tests inject their own. */
typedef gint64 (*YsClockFunc) (gpointer user_data);

#define YS_TYPE_STORE (ys_store_get_type ())
G_DECLARE_FINAL_TYPE (YsStore, ys_store, YS, STORE, GObject)

typedef gboolean (*YsStoreTransactionFunc) (YsStore  *store,
                                            gpointer  user_data,
                                            GError  **error);

char        *ys_store_default_path           (void);
YsStore     *ys_store_open                   (const char              *path,
                                              GError                 **error);
const char  *ys_store_get_path               (YsStore                 *self);
/* Replaces everything with the backup at @backup_path; @kept_path receives
 * the copy of what was there, which restoring in turn undoes it. */
gboolean     ys_store_restore_backup         (YsStore                 *self,
                                              const char              *backup_path,
                                              char                   **kept_path,
                                              GError                 **error);

gboolean     ys_store_run_in_transaction     (YsStore                 *self,
                                              YsStoreTransactionFunc   func,
                                              gpointer                 user_data,
                                              GError                 **error);
void         ys_store_set_clock              (YsStore                 *self,
                                              YsClockFunc              clock,
                                              gpointer                 user_data);
gint64       ys_store_now                    (YsStore                 *self);
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

gboolean     ys_store_set_run_used           (YsStore                 *self,
                                              const char              *id,
                                              YsUsed                   used,
                                              GError                 **error);
/* Runs whose outcome (used or not) is not yet known, newest first. */
GListModel  *ys_store_list_awaiting_outcome  (YsStore                 *self);
guint        ys_store_count_awaiting_outcome (YsStore                 *self);

/* Timers: at most one per workflow, kept as timestamps in the database. */
GListModel  *ys_store_get_timers             (YsStore                 *self);
YsTimer     *ys_store_get_timer              (YsStore                 *self,
                                              const char              *workflow_id);
gboolean     ys_store_start_timer            (YsStore                 *self,
                                              const char              *workflow_id,
                                              YsMode                   mode,
                                              const char              *tool_id,
                                              GError                 **error);
gboolean     ys_store_pause_timer            (YsStore                 *self,
                                              const char              *workflow_id,
                                              GError                 **error);
gboolean     ys_store_resume_timer           (YsStore                 *self,
                                              const char              *workflow_id,
                                              GError                 **error);
gboolean     ys_store_discard_timer          (YsStore                 *self,
                                              const char              *workflow_id,
                                              GError                 **error);
gboolean     ys_store_restore_timer          (YsStore                 *self,
                                              YsTimer                 *timer,
                                              GError                 **error);
/* Saves @fields as a run and removes the timer, in one transaction. */
YsRun       *ys_store_finish_timer           (YsStore                 *self,
                                              const char              *workflow_id,
                                              const YsRunFields       *fields,
                                              GError                 **error);

void         ys_store_get_review             (YsStore                 *self,
                                              const char              *quarter,
                                              YsReview                *review);
gboolean     ys_store_save_review            (YsStore                 *self,
                                              const YsReview          *review,
                                              GError                 **error);

/* Feedback: does this tool save time on this workflow? */
char        *ys_store_add_feedback           (YsStore                 *self,
                                              const char              *workflow_id,
                                              const char              *tool_id,
                                              gboolean                 saves_time,
                                              const char              *given_on,
                                              const char              *comment,
                                              GError                 **error);
gboolean     ys_store_update_feedback        (YsStore                 *self,
                                              const char              *id,
                                              const char              *tool_id,
                                              gboolean                 saves_time,
                                              const char              *comment,
                                              GError                 **error);
gboolean     ys_store_delete_feedback        (YsStore                 *self,
                                              const char              *id,
                                              GError                 **error);
gboolean     ys_store_restore_feedback       (YsStore                 *self,
                                              const char              *id,
                                              GError                 **error);
/* A workflow's feedback, newest first. */
GListModel  *ys_store_list_feedback          (YsStore                 *self,
                                              const char              *workflow_id);
/* Whether to ask about @tool_id on @workflow_id on @today: no answer
 * in the last @interval_days. */
gboolean     ys_store_should_ask_feedback    (YsStore                 *self,
                                              const char              *workflow_id,
                                              const char              *tool_id,
                                              int                      interval_days,
                                              const GDate             *today);
guint        ys_store_count_feedback         (YsStore                 *self,
                                              const char              *workflow_id);

G_END_DECLS
