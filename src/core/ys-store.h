/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ys-clock.h"
#include "ys-draw.h"
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

#define YS_TYPE_STORE (ys_store_get_type ())
G_DECLARE_FINAL_TYPE (YsStore, ys_store, YS, STORE, GObject)

typedef gboolean (*YsStoreTransactionFunc) (YsStore  *store,
                                            gpointer  user_data,
                                            GError  **error);

char        *ys_store_default_path           (void);
YsStore     *ys_store_open                   (const char              *path,
                                              GError                 **error);
const char  *ys_store_get_path               (YsStore                 *self);
/* A store for reading on another thread: its own read-only connection to
 * @path (a database ys_store_open() has brought up to date), no models and
 * no clock. Only the record lists (ys_store_list_records(), an export), the
 * figures (ys_summary_compute_one(), ys_stats_weekly(), …) and other reads
 * through its database work. */
YsStore     *ys_store_open_reader            (const char              *path,
                                              GError                 **error);
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
/* The store tells time by @clock (a wall clock until told otherwise), and
 * on each of its ticks looks whether another program wrote to the
 * database; if so, the models reload and "changed" is emitted. */
void         ys_store_set_clock              (YsStore                 *self,
                                              YsClock                 *clock);
YsClock     *ys_store_get_clock              (YsStore                 *self);
gint64       ys_store_now                    (YsStore                 *self);
/* Whether another program changed the database since last asked; if so
 * everything reloads, as after a write here. */
gboolean     ys_store_check_for_changes      (YsStore                 *self);
/* Reloads every model and emits "changed" with every flag: after a read
 * failed, to try again. */
void         ys_store_refresh                (YsStore                 *self);

/* Reads take a GError: when one is set the result means nothing (never a
 * zero to show), and the store has emitted "read-failed". */
gboolean     ys_store_is_empty               (YsStore                 *self,
                                              GError                 **error);

/* Workflows: active first, then archived, each by name (case-folded), then
 * id: the same order on every computer. */
GListModel  *ys_store_get_workflows          (YsStore                 *self);
YsWorkflow  *ys_store_get_workflow           (YsStore                 *self,
                                              const char              *id);
guint        ys_store_count_active_workflows (YsStore                 *self,
                                              GError                 **error);
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
/* Whether Yardstick draws each run's mode; on for workflows made here. */
gboolean     ys_store_set_workflow_fair_test (YsStore                 *self,
                                              const char              *id,
                                              gboolean                 fair_test,
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

/* "Merge into…": what moved, and the key that takes it back. */
typedef struct
{
  char *undo_id;
  guint runs;
  guint feedback;
} YsWorkflowMerge;

void         ys_workflow_merge_clear         (YsWorkflowMerge         *merge);
/* Moves every run and answer of @source_id to @target_id and deletes
 * @source_id, in one transaction. Each moved record is an edit (a new
 * updated_at), so the merge travels in bundles and the team folder.
 * Refused while a timer runs on @source_id. */
gboolean     ys_store_merge_workflows        (YsStore                 *self,
                                              const char              *source_id,
                                              const char              *target_id,
                                              YsWorkflowMerge         *merge,
                                              GError                 **error);
/* Takes a merge back while this store stays open: the records that moved
 * return, as new edits, and the workflow is restored (archived instead
 * when three are active by then). */
gboolean     ys_store_unmerge_workflows      (YsStore                 *self,
                                              const char              *undo_id,
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
/* What the organisation pays for the tool a month, all seats together, in
 * cents (0 to YS_MONEY_MAX_CENTS); -1 when not known. */
gboolean     ys_store_set_tool_cost          (YsStore                 *self,
                                              const char              *id,
                                              gint64                   monthly_cost,
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
/* NULL without @error set: no such run. */
YsRun       *ys_store_get_run                (YsStore                 *self,
                                              const char              *id,
                                              GError                 **error);
guint        ys_store_count_runs             (YsStore                 *self,
                                              const char              *workflow_id,
                                              YsMode                   mode,
                                              GError                 **error);
/* NULL without @error set: no run with AI yet. */
char        *ys_store_get_last_tool_id       (YsStore                 *self,
                                              const char              *workflow_id,
                                              GError                 **error);
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
guint        ys_store_count_awaiting_outcome (YsStore                 *self,
                                              GError                 **error);

/* Timers: at most one per workflow, kept as timestamps in the database. */
GListModel  *ys_store_get_timers             (YsStore                 *self);
YsTimer     *ys_store_get_timer              (YsStore                 *self,
                                              const char              *workflow_id);
gboolean     ys_store_start_timer            (YsStore                 *self,
                                              const char              *workflow_id,
                                              YsMode                   mode,
                                              const char              *tool_id,
                                              GError                 **error);
/* On a fair-test workflow: starts the timer with the mode drawn from
 * @random, or the draw a discarded timer left (ys-draw.h), in one
 * transaction with the walk of draws; @drawn receives it. @tool_id: the
 * tool for a draw with AI, or NULL to pick it later (before finishing). */
gboolean     ys_store_start_drawn_timer      (YsStore                 *self,
                                              const char              *workflow_id,
                                              const char              *tool_id,
                                              GRand                   *random,
                                              YsMode                  *drawn,
                                              GError                 **error);
/* Sets @workflow_id's walk of draws to @walk, with no draw pending: for
 * runs drawn elsewhere (the sample team's), so that the next draw goes on
 * from where theirs ended. */
gboolean     ys_store_set_draw_walk          (YsStore                 *self,
                                              const char              *workflow_id,
                                              const YsDrawWalk        *walk,
                                              GError                 **error);
/* Does a drawn run the other way (@overridden TRUE, with an optional
 * @reason, and @tool_id if that way is with AI), or back the drawn way.
 * The draw stays in the walk either way. */
gboolean     ys_store_override_timer         (YsStore                 *self,
                                              const char              *workflow_id,
                                              gboolean                 overridden,
                                              const char              *tool_id,
                                              const char              *reason,
                                              GError                 **error);
/* The tool of a running timer with AI. */
gboolean     ys_store_set_timer_tool         (YsStore                 *self,
                                              const char              *workflow_id,
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
/* Saves the run the timer of @workflow_id measured and removes the timer,
 * in one transaction. The workflow, mode, tool, start and the way the mode
 * was decided come from the timer; the person gives only @outcome. An
 * answer to the feedback question (@saves_time 1 or 0; -1 for none) is
 * saved with it. */
YsRun       *ys_store_finish_timer           (YsStore                 *self,
                                              const char              *workflow_id,
                                              const YsRunOutcome      *outcome,
                                              int                      saves_time,
                                              GError                 **error);

/* What the Log Run dialog saves, all or nothing: a new run (@run_id NULL)
 * or an edit of @run_id; first a tool typed in as @new_tool_name, which
 * the run then names; and an answer to "does it save time?" (@saves_time
 * 1 or 0; -1 for none), dated today. Returns the run's id. */
char        *ys_store_save_run               (YsStore                 *self,
                                              const char              *run_id,
                                              const YsRunFields       *fields,
                                              const char              *new_tool_name,
                                              int                      saves_time,
                                              GError                 **error);

/* The newest review of @quarter; an empty one when there is none yet. */
gboolean     ys_store_get_review             (YsStore                 *self,
                                              const char              *quarter,
                                              YsReview                *review,
                                              GError                 **error);
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
                                              const GDate             *today,
                                              GError                 **error);
guint        ys_store_count_feedback         (YsStore                 *self,
                                              const char              *workflow_id,
                                              GError                 **error);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (YsWorkflowMerge, ys_workflow_merge_clear)

G_END_DECLS
