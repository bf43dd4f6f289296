/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "yardstick-core"

#include "config.h"

#include <glib/gi18n.h>

#include "ys-draw.h"
#include "ys-error.h"
#include "ys-store-private.h"
#include "ys-validate.h"

/*
 * Timers: at most one per workflow, kept as timestamps in the database so
 * that a crash, a restart or a second window never loses one, and never in
 * bundles. Finishing one saves its run and removes it in one transaction.
 *
 * On a fair-test workflow the mode is drawn (ys-draw.h) in the transaction
 * that starts the timer, and the walk of draws is kept beside the timers,
 * so no restart or second window draws again for a run already started. A
 * drawn timer that is discarded leaves its draw pending: the next start
 * gets the same mode, so discarding never buys another coin. The run is
 * saved as drawn, or as overridden when the person did it the other way;
 * the store decides which, from the timer's row, never the caller.
 */

gboolean
ys_store_reload_timers (YsStore  *self,
                        GError  **error)
{
  sqlite3_stmt *stmt = ys_store_prepare (self,
    "SELECT t.workflow_id, t.mode, t.tool_id, t.started_at, coalesce (t.paused_at, 0),"
    " t.paused_total, t.assignment, t.reason"
    " FROM timers t JOIN workflows w ON w.id = t.workflow_id AND w.deleted = 0"
    " ORDER BY " YS_STORE_WORKFLOW_ORDER ("w."), error);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = ys_database_step (self->database, stmt, error)) == SQLITE_ROW)
    g_ptr_array_add (items, ys_timer_new (ys_database_column_text (stmt, 0),
                                          sqlite3_column_int (stmt, 1),
                                          (const char *) sqlite3_column_text (stmt, 2),
                                          sqlite3_column_int64 (stmt, 3),
                                          sqlite3_column_int64 (stmt, 4),
                                          sqlite3_column_int64 (stmt, 5),
                                          sqlite3_column_int (stmt, 6),
                                          ys_database_column_text (stmt, 7)));
  if (rc != SQLITE_DONE)
    return FALSE;
  sqlite3_reset (stmt);

  ys_store_update_model (self->timers, items, ys_timer_equal);
  return TRUE;
}

GListModel *
ys_store_get_timers (YsStore *self)
{
  g_return_val_if_fail (YS_IS_STORE (self), NULL);
  return G_LIST_MODEL (self->timers);
}

YsTimer *
ys_store_get_timer (YsStore    *self,
                    const char *workflow_id)
{
  GListModel *timers;

  g_return_val_if_fail (YS_IS_STORE (self), NULL);

  timers = G_LIST_MODEL (self->timers);
  for (guint i = 0; i < g_list_model_get_n_items (timers); i++)
    {
      g_autoptr(YsTimer) timer = g_list_model_get_item (timers, i);

      if (g_strcmp0 (ys_timer_get_workflow_id (timer), workflow_id) == 0)
        return g_steal_pointer (&timer);
    }
  return NULL;
}

static gboolean
has_timer (YsStore     *self,
           const char  *workflow_id,
           gboolean    *found,
           GError     **error)
{
  sqlite3_stmt *stmt = ys_store_prepare (self,
    "SELECT count(*) FROM timers WHERE workflow_id = :workflow", error);
  gint64 n = 0;

  if (stmt == NULL)
    return FALSE;
  ys_database_bind_text (stmt, ":workflow", workflow_id);
  if (!ys_database_query_int64 (self->database, stmt, &n, error))
    return FALSE;
  *found = n > 0;
  return TRUE;
}

static gboolean
check_no_timer (YsStore     *self,
                const char  *workflow_id,
                const char  *name,
                GError     **error)
{
  gboolean found;

  if (!has_timer (self, workflow_id, &found, error))
    return FALSE;
  if (!found)
    return TRUE;

  g_set_error (error, YS_ERROR, YS_ERROR_INVALID,
               _("A timer is already running for “%s”."), name);
  return FALSE;
}

static gboolean
check_timer (YsStore     *self,
             const char  *workflow_id,
             GError     **error)
{
  gboolean found;

  if (!has_timer (self, workflow_id, &found, error))
    return FALSE;
  if (found)
    return TRUE;

  g_set_error_literal (error, YS_ERROR, YS_ERROR_NOT_FOUND,
                       _("No timer is running for that workflow."));
  return FALSE;
}

static gboolean
put_timer (YsStore       *self,
           const char    *workflow_id,
           YsMode         mode,
           const char    *tool_id,
           gint64         started_at,
           gint64         paused_at,
           gint64         paused_total,
           YsAssignment   assignment,
           const char    *reason,
           GError       **error)
{
  sqlite3_stmt *stmt = ys_store_prepare (self,
    "INSERT INTO timers (workflow_id, mode, tool_id, started_at, paused_at, paused_total,"
    " assignment, reason) VALUES (:workflow, :mode, :tool, :started_at, :paused_at,"
    " :paused_total, :assignment, :reason)", error);

  if (stmt == NULL)
    return FALSE;
  ys_database_bind_text (stmt, ":workflow", workflow_id);
  ys_database_bind_int64 (stmt, ":mode", mode);
  ys_database_bind_text (stmt, ":tool",
                         mode == YS_MODE_WITH_AI && tool_id != NULL && *tool_id != '\0'
                         ? tool_id : NULL);
  ys_database_bind_int64 (stmt, ":started_at", started_at);
  if (paused_at != 0)
    ys_database_bind_int64 (stmt, ":paused_at", paused_at);
  else
    ys_database_bind_null (stmt, ":paused_at");
  ys_database_bind_int64 (stmt, ":paused_total", paused_total);
  ys_database_bind_int64 (stmt, ":assignment", assignment);
  ys_database_bind_text (stmt, ":reason", reason ? reason : "");
  self->pending_changes |= YS_STORE_CHANGE_TIMERS;
  return ys_database_run (self->database, stmt, error);
}

/* A live, active workflow to start a timer on, and whether it is a fair test. */
static gboolean
check_startable (YsStore     *self,
                 const char  *workflow_id,
                 gboolean    *fair_test,
                 GError     **error)
{
  g_autofree char *name = NULL;
  gboolean archived = FALSE;
  sqlite3_stmt *stmt;
  gint64 value = 0;

  if (!ys_store_lookup_workflow (self, workflow_id, &name, &archived, NULL, error))
    return FALSE;
  if (archived)
    {
      g_set_error (error, YS_ERROR, YS_ERROR_INVALID,
                   _("“%s” is archived. Bring it back to log new runs."), name);
      return FALSE;
    }
  if (fair_test != NULL)
    {
      stmt = ys_store_prepare (self, "SELECT fair_test FROM workflows WHERE id = :id", error);
      if (stmt == NULL)
        return FALSE;
      ys_database_bind_text (stmt, ":id", workflow_id);
      if (!ys_database_query_int64 (self->database, stmt, &value, error))
        return FALSE;
      *fair_test = value != 0;
    }
  return check_no_timer (self, workflow_id, name, error);
}

gboolean
ys_store_start_timer (YsStore     *self,
                      const char  *workflow_id,
                      YsMode       mode,
                      const char  *tool_id,
                      GError     **error)
{
  gboolean ok;

  g_return_val_if_fail (YS_IS_STORE (self), FALSE);
  g_return_val_if_fail (workflow_id != NULL, FALSE);

  if (!ys_validate_mode_tool (mode, tool_id, error))
    return FALSE;

  if (!ys_store_begin (self, error))
    return FALSE;

  ok = check_startable (self, workflow_id, NULL, error) &&
       (mode == YS_MODE_WITHOUT_AI ||
        ys_store_find_record (self, YS_RECORD_TOOL, tool_id, FALSE, error)) &&
       put_timer (self, workflow_id, mode, tool_id, ys_store_now (self), 0, 0,
                  YS_ASSIGNMENT_CHOSEN, NULL, error);

  return ys_store_end (self, ok, error);
}

/* The draws ----------------------------------------------------------------- */

/* @workflow_id's walk of draws, and a drawn mode waiting for a run (-1: none). */
static gboolean
get_draws (YsStore     *self,
           const char  *workflow_id,
           YsDrawWalk  *walk,
           int         *pending,
           GError     **error)
{
  sqlite3_stmt *stmt = ys_store_prepare (self,
    "SELECT position, span, coalesce (pending, -1) FROM draws WHERE workflow_id = :workflow",
    error);
  int rc;

  walk->position = walk->span = 0;
  *pending = -1;
  if (stmt == NULL)
    return FALSE;
  ys_database_bind_text (stmt, ":workflow", workflow_id);
  rc = ys_database_step (self->database, stmt, error);
  if (rc == SQLITE_ROW)
    {
      walk->position = sqlite3_column_int (stmt, 0);
      walk->span = sqlite3_column_int (stmt, 1);
      *pending = sqlite3_column_int (stmt, 2);
      sqlite3_reset (stmt);
    }
  return rc == SQLITE_ROW || rc == SQLITE_DONE;
}

static gboolean
put_draws (YsStore           *self,
           const char        *workflow_id,
           const YsDrawWalk  *walk,
           int                pending,
           GError           **error)
{
  sqlite3_stmt *stmt = ys_store_prepare (self,
    "INSERT INTO draws (workflow_id, position, span, pending)"
    " VALUES (:workflow, :position, :span, :pending) ON CONFLICT (workflow_id) DO UPDATE"
    " SET position = :position, span = :span, pending = :pending", error);

  if (stmt == NULL)
    return FALSE;
  ys_database_bind_text (stmt, ":workflow", workflow_id);
  ys_database_bind_int64 (stmt, ":position", walk->position);
  ys_database_bind_int64 (stmt, ":span", walk->span);
  if (pending >= 0)
    ys_database_bind_int64 (stmt, ":pending", pending);
  else
    ys_database_bind_null (stmt, ":pending");
  return ys_database_run (self->database, stmt, error);
}

gboolean
ys_store_set_draw_walk (YsStore           *self,
                        const char        *workflow_id,
                        const YsDrawWalk  *walk,
                        GError           **error)
{
  gboolean ok;

  g_return_val_if_fail (YS_IS_STORE (self), FALSE);
  g_return_val_if_fail (workflow_id != NULL, FALSE);
  g_return_val_if_fail (ys_draw_walk_is_valid (walk), FALSE);

  if (!ys_store_begin (self, error))
    return FALSE;
  ok = ys_store_lookup_workflow (self, workflow_id, NULL, NULL, NULL, error) &&
       put_draws (self, workflow_id, walk, -1, error);
  return ys_store_end (self, ok, error);
}

gboolean
ys_store_start_drawn_timer (YsStore     *self,
                            const char  *workflow_id,
                            const char  *tool_id,
                            GRand       *random,
                            YsMode      *drawn,
                            GError     **error)
{
  YsDrawWalk walk;
  gboolean fair_test = FALSE;
  int pending = -1;
  YsMode mode = YS_MODE_WITHOUT_AI;
  gboolean ok;

  g_return_val_if_fail (YS_IS_STORE (self), FALSE);
  g_return_val_if_fail (workflow_id != NULL, FALSE);
  g_return_val_if_fail (random != NULL, FALSE);

  if (!ys_store_begin (self, error))
    return FALSE;

  ok = check_startable (self, workflow_id, &fair_test, error);
  if (ok && !fair_test)
    {
      g_set_error_literal (error, YS_ERROR, YS_ERROR_INVALID,
                           _("This workflow is not a fair test: choose with or without AI."));
      ok = FALSE;
    }
  ok = ok && (tool_id == NULL ||
              ys_store_find_record (self, YS_RECORD_TOOL, tool_id, FALSE, error)) &&
       get_draws (self, workflow_id, &walk, &pending, error);
  if (ok && !ys_draw_walk_is_valid (&walk))
    {
      /* The CHECK constraints make this impossible; a file edited by hand. */
      g_set_error_literal (error, YS_ERROR, YS_ERROR_DAMAGED,
                           _("The draws of this workflow are damaged."));
      ok = FALSE;
    }
  if (ok)
    {
      /* A draw whose timer was discarded comes back: no second coin. */
      if (pending >= 0)
        mode = pending ? YS_MODE_WITH_AI : YS_MODE_WITHOUT_AI;
      else
        {
          mode = ys_draw_walk_next (&walk, random);
          ys_draw_walk_take (&walk, mode);
        }
      ok = put_draws (self, workflow_id, &walk, -1, error) &&
           put_timer (self, workflow_id, mode, tool_id, ys_store_now (self), 0, 0,
                      YS_ASSIGNMENT_DRAWN, NULL, error);
    }

  if (!ys_store_end (self, ok, error))
    return FALSE;
  if (drawn != NULL)
    *drawn = mode;
  return TRUE;
}

/* The timer row of @workflow_id: its mode, tool and assignment. */
static gboolean
get_timer_row (YsStore       *self,
               const char    *workflow_id,
               YsMode        *mode,
               char         **tool_id,
               YsAssignment  *assignment,
               GError       **error)
{
  sqlite3_stmt *stmt = ys_store_prepare (self,
    "SELECT mode, tool_id, assignment FROM timers WHERE workflow_id = :workflow", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  ys_database_bind_text (stmt, ":workflow", workflow_id);
  rc = ys_database_step (self->database, stmt, error);
  if (rc == SQLITE_DONE)
    {
      g_set_error_literal (error, YS_ERROR, YS_ERROR_NOT_FOUND,
                           _("No timer is running for that workflow."));
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    return FALSE;
  *mode = sqlite3_column_int (stmt, 0) ? YS_MODE_WITH_AI : YS_MODE_WITHOUT_AI;
  if (tool_id != NULL)
    *tool_id = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  *assignment = sqlite3_column_int (stmt, 2);
  sqlite3_reset (stmt);
  return TRUE;
}

gboolean
ys_store_override_timer (YsStore     *self,
                         const char  *workflow_id,
                         gboolean     overridden,
                         const char  *tool_id,
                         const char  *reason,
                         GError     **error)
{
  YsMode mode = YS_MODE_WITHOUT_AI;
  YsAssignment assignment = YS_ASSIGNMENT_CHOSEN;
  sqlite3_stmt *stmt = NULL;
  gboolean ok;

  g_return_val_if_fail (YS_IS_STORE (self), FALSE);
  g_return_val_if_fail (workflow_id != NULL, FALSE);

  if (reason != NULL && !ys_validate_text (reason, error))
    return FALSE;
  if (!ys_store_begin (self, error))
    return FALSE;

  ok = get_timer_row (self, workflow_id, &mode, NULL, &assignment, error);
  if (ok && assignment == YS_ASSIGNMENT_CHOSEN)
    {
      g_set_error_literal (error, YS_ERROR, YS_ERROR_INVALID,
                           _("This run's mode was chosen, not drawn."));
      ok = FALSE;
    }
  /* Either way the draw stays in the walk; only the run's mode changes. */
  if (ok && (assignment == YS_ASSIGNMENT_OVERRIDDEN) != overridden)
    {
      mode = !mode;
      ok = (mode == YS_MODE_WITHOUT_AI || tool_id == NULL ||
            ys_store_find_record (self, YS_RECORD_TOOL, tool_id, FALSE, error)) &&
           (stmt = ys_store_prepare (self,
              "UPDATE timers SET mode = :mode, tool_id = :tool, assignment = :assignment,"
              " reason = :reason WHERE workflow_id = :workflow", error)) != NULL;
      if (ok)
        {
          ys_database_bind_text (stmt, ":workflow", workflow_id);
          ys_database_bind_int64 (stmt, ":mode", mode);
          ys_database_bind_text (stmt, ":tool", mode == YS_MODE_WITH_AI ? tool_id : NULL);
          ys_database_bind_int64 (stmt, ":assignment",
                                  overridden ? YS_ASSIGNMENT_OVERRIDDEN : YS_ASSIGNMENT_DRAWN);
          ys_database_bind_text (stmt, ":reason", overridden && reason ? reason : "");
          ok = ys_database_run (self->database, stmt, error);
          self->pending_changes |= YS_STORE_CHANGE_TIMERS;
        }
    }

  return ys_store_end (self, ok, error);
}

gboolean
ys_store_set_timer_tool (YsStore     *self,
                         const char  *workflow_id,
                         const char  *tool_id,
                         GError     **error)
{
  YsMode mode = YS_MODE_WITHOUT_AI;
  YsAssignment assignment;
  sqlite3_stmt *stmt = NULL;
  gboolean ok;

  g_return_val_if_fail (YS_IS_STORE (self), FALSE);
  g_return_val_if_fail (workflow_id != NULL, FALSE);
  g_return_val_if_fail (tool_id != NULL, FALSE);

  if (!ys_store_begin (self, error))
    return FALSE;

  ok = get_timer_row (self, workflow_id, &mode, NULL, &assignment, error);
  if (ok && mode != YS_MODE_WITH_AI)
    ok = ys_validate_mode_tool (mode, tool_id, error);
  ok = ok && ys_store_find_record (self, YS_RECORD_TOOL, tool_id, FALSE, error) &&
       (stmt = ys_store_prepare (self,
          "UPDATE timers SET tool_id = :tool WHERE workflow_id = :workflow", error)) != NULL;
  if (ok)
    {
      ys_database_bind_text (stmt, ":workflow", workflow_id);
      ys_database_bind_text (stmt, ":tool", tool_id);
      ok = ys_database_run (self->database, stmt, error);
      self->pending_changes |= YS_STORE_CHANGE_TIMERS;
    }

  return ys_store_end (self, ok, error);
}

/* @sql changes the timer of :workflow as of :now. */
static gboolean
update_timer (YsStore     *self,
              const char  *workflow_id,
              const char  *sql,
              GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok;

  g_return_val_if_fail (YS_IS_STORE (self), FALSE);
  g_return_val_if_fail (workflow_id != NULL, FALSE);

  if (!ys_store_begin (self, error))
    return FALSE;

  ok = check_timer (self, workflow_id, error) &&
       (stmt = ys_store_prepare (self, sql, error)) != NULL;
  if (ok)
    {
      ys_database_bind_text (stmt, ":workflow", workflow_id);
      ys_database_bind_int64 (stmt, ":now", ys_store_now (self));
      ok = ys_database_run (self->database, stmt, error);
      self->pending_changes |= YS_STORE_CHANGE_TIMERS;
    }

  return ys_store_end (self, ok, error);
}

gboolean
ys_store_pause_timer (YsStore     *self,
                      const char  *workflow_id,
                      GError     **error)
{
  return update_timer (self, workflow_id,
                       "UPDATE timers SET paused_at = :now"
                       " WHERE workflow_id = :workflow AND paused_at IS NULL", error);
}

gboolean
ys_store_resume_timer (YsStore     *self,
                       const char  *workflow_id,
                       GError     **error)
{
  /* A clock set back while paused must not count negative time. */
  return update_timer (self, workflow_id,
                       "UPDATE timers SET paused_total = paused_total + max (0, :now - paused_at),"
                       " paused_at = NULL WHERE workflow_id = :workflow AND paused_at IS NOT NULL",
                       error);
}

/* A drawn timer discarded (@put_back) leaves its draw pending for the next
 * start; a discarded one restored takes it back. */
static gboolean
set_pending (YsStore     *self,
             const char  *workflow_id,
             YsMode       drawn,
             gboolean     put_back,
             GError     **error)
{
  YsDrawWalk walk;
  int pending = -1;

  if (!get_draws (self, workflow_id, &walk, &pending, error))
    return FALSE;
  if (!put_back && pending != (int) drawn)
    {
      g_set_error_literal (error, YS_ERROR, YS_ERROR_INVALID,
                           _("Another run has used this run's draw since."));
      return FALSE;
    }
  return put_draws (self, workflow_id, &walk, put_back ? (int) drawn : -1, error);
}

gboolean
ys_store_discard_timer (YsStore     *self,
                        const char  *workflow_id,
                        GError     **error)
{
  YsMode mode = YS_MODE_WITHOUT_AI;
  YsAssignment assignment = YS_ASSIGNMENT_CHOSEN;
  sqlite3_stmt *stmt = NULL;
  gboolean ok;

  g_return_val_if_fail (YS_IS_STORE (self), FALSE);
  g_return_val_if_fail (workflow_id != NULL, FALSE);

  if (!ys_store_begin (self, error))
    return FALSE;

  ok = get_timer_row (self, workflow_id, &mode, NULL, &assignment, error) &&
       (assignment == YS_ASSIGNMENT_CHOSEN ||
        set_pending (self, workflow_id,
                     assignment == YS_ASSIGNMENT_DRAWN ? mode : !mode, TRUE, error)) &&
       (stmt = ys_store_prepare (self, "DELETE FROM timers WHERE workflow_id = :workflow",
                                 error)) != NULL;
  if (ok)
    {
      ys_database_bind_text (stmt, ":workflow", workflow_id);
      ok = ys_database_run (self->database, stmt, error);
      self->pending_changes |= YS_STORE_CHANGE_TIMERS;
    }

  return ys_store_end (self, ok, error);
}

/* Undo for a discarded timer: it comes back as if never discarded, its
 * draw with it. */
gboolean
ys_store_restore_timer (YsStore     *self,
                        YsTimer     *timer,
                        GError     **error)
{
  g_autofree char *name = NULL;
  const char *workflow_id;
  YsMode drawn;
  gboolean ok;

  g_return_val_if_fail (YS_IS_STORE (self), FALSE);
  g_return_val_if_fail (YS_IS_TIMER (timer), FALSE);

  workflow_id = ys_timer_get_workflow_id (timer);
  if (!ys_store_begin (self, error))
    return FALSE;

  ok = ys_store_lookup_workflow (self, workflow_id, &name, NULL, NULL, error) &&
       check_no_timer (self, workflow_id, name, error) &&
       (!ys_timer_get_drawn_mode (timer, &drawn) ||
        set_pending (self, workflow_id, drawn, FALSE, error)) &&
       put_timer (self, workflow_id, ys_timer_get_mode (timer), ys_timer_get_tool_id (timer),
                  ys_timer_get_started_at (timer), ys_timer_get_paused_at (timer),
                  ys_timer_get_paused_total (timer), ys_timer_get_assignment (timer),
                  ys_timer_get_reason (timer), error);

  return ys_store_end (self, ok, error);
}

YsRun *
ys_store_finish_timer (YsStore             *self,
                       const char          *workflow_id,
                       const YsRunOutcome  *outcome,
                       int                  saves_time,
                       GError             **error)
{
  g_autoptr(YsRun) run = NULL;
  g_autofree char *tool_id = NULL;
  YsRunFields fields = { 0 };
  sqlite3_stmt *stmt = NULL;
  gboolean ok;
  int rc;

  g_return_val_if_fail (YS_IS_STORE (self), NULL);
  g_return_val_if_fail (workflow_id != NULL, NULL);
  g_return_val_if_fail (outcome != NULL, NULL);

  if (!ys_store_begin (self, error))
    return NULL;

  /* What was started is what is saved: a timer started on one workflow
   * without AI cannot become a run of another, or with AI. */
  stmt = ys_store_prepare (self,
    "SELECT mode, tool_id, started_at, assignment FROM timers WHERE workflow_id = :workflow",
    error);
  ok = stmt != NULL;
  if (ok)
    {
      ys_database_bind_text (stmt, ":workflow", workflow_id);
      rc = ys_database_step (self->database, stmt, error);
      ok = rc == SQLITE_ROW;
      if (rc == SQLITE_DONE)
        g_set_error_literal (error, YS_ERROR, YS_ERROR_NOT_FOUND,
                             _("No timer is running for that workflow."));
    }
  if (ok && sqlite3_column_int (stmt, 0) && sqlite3_column_type (stmt, 1) == SQLITE_NULL)
    {
      /* Drawn with AI, and no tool picked since. */
      sqlite3_reset (stmt);
      g_set_error_literal (error, YS_ERROR, YS_ERROR_INVALID,
                           _("Choose the tool this run used."));
      ok = FALSE;
    }
  if (ok)
    {
      fields.workflow_id = (char *) workflow_id;
      fields.mode = sqlite3_column_int (stmt, 0) ? YS_MODE_WITH_AI : YS_MODE_WITHOUT_AI;
      tool_id = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      fields.tool_id = tool_id;
      fields.started_at = sqlite3_column_int64 (stmt, 2) / G_USEC_PER_SEC;
      fields.assignment = sqlite3_column_int (stmt, 3);
      fields.duration_seconds = outcome->duration_seconds;
      fields.corrections = outcome->corrections;
      fields.used = outcome->used;
      fields.note = (char *) outcome->note;
      sqlite3_reset (stmt);
    }

  ok = ok && (run = ys_store_add_run (self, &fields, error)) != NULL &&
       (stmt = ys_store_prepare (self, "DELETE FROM timers WHERE workflow_id = :workflow",
                                 error)) != NULL;
  if (ok)
    {
      ys_database_bind_text (stmt, ":workflow", workflow_id);
      ok = ys_database_run (self->database, stmt, error);
      self->pending_changes |= YS_STORE_CHANGE_TIMERS;
    }
  if (ok && saves_time >= 0 && fields.mode == YS_MODE_WITH_AI)
    ok = ys_store_answer_feedback (self, workflow_id, tool_id, saves_time, error);

  if (!ys_store_end (self, ok, error))
    return NULL;

  return g_steal_pointer (&run);
}
