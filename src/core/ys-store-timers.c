/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "yardstick-core"

#include "config.h"

#include <glib/gi18n.h>

#include "ys-error.h"
#include "ys-store-private.h"
#include "ys-validate.h"

/*
 * Timers: at most one per workflow, kept as timestamps in the database so
 * that a crash, a restart or a second window never loses one, and never in
 * bundles. Finishing one saves its run and removes it in one transaction.
 */

gboolean
ys_store_reload_timers (YsStore  *self,
                        GError  **error)
{
  sqlite3_stmt *stmt = ys_store_prepare (self,
    "SELECT t.workflow_id, t.mode, t.tool_id, t.started_at, coalesce (t.paused_at, 0),"
    " t.paused_total FROM timers t JOIN workflows w ON w.id = t.workflow_id AND w.deleted = 0"
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
                                          sqlite3_column_int64 (stmt, 5)));
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
put_timer (YsStore     *self,
           const char  *workflow_id,
           YsMode       mode,
           const char  *tool_id,
           gint64       started_at,
           gint64       paused_at,
           gint64       paused_total,
           GError     **error)
{
  sqlite3_stmt *stmt = ys_store_prepare (self,
    "INSERT INTO timers (workflow_id, mode, tool_id, started_at, paused_at, paused_total)"
    " VALUES (:workflow, :mode, :tool, :started_at, :paused_at, :paused_total)", error);

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
  self->pending_changes |= YS_STORE_CHANGE_TIMERS;
  return ys_database_run (self->database, stmt, error);
}

gboolean
ys_store_start_timer (YsStore     *self,
                      const char  *workflow_id,
                      YsMode       mode,
                      const char  *tool_id,
                      GError     **error)
{
  g_autofree char *name = NULL;
  gboolean archived = FALSE;
  gboolean ok;

  g_return_val_if_fail (YS_IS_STORE (self), FALSE);
  g_return_val_if_fail (workflow_id != NULL, FALSE);

  if (!ys_validate_mode_tool (mode, tool_id, error))
    return FALSE;

  if (!ys_store_begin (self, error))
    return FALSE;

  ok = ys_store_lookup_workflow (self, workflow_id, &name, &archived, NULL, error);
  if (ok && archived)
    {
      g_set_error (error, YS_ERROR, YS_ERROR_INVALID,
                   _("“%s” is archived. Bring it back to log new runs."), name);
      ok = FALSE;
    }
  ok = ok && check_no_timer (self, workflow_id, name, error) &&
       (mode == YS_MODE_WITHOUT_AI ||
        ys_store_find_record (self, YS_RECORD_TOOL, tool_id, FALSE, error)) &&
       put_timer (self, workflow_id, mode, tool_id, ys_store_now (self), 0, 0, error);

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

gboolean
ys_store_discard_timer (YsStore     *self,
                        const char  *workflow_id,
                        GError     **error)
{
  return update_timer (self, workflow_id,
                       "DELETE FROM timers WHERE workflow_id = :workflow AND :now IS NOT NULL",
                       error);
}

/* Undo for a discarded timer: it comes back as if never discarded. */
gboolean
ys_store_restore_timer (YsStore     *self,
                        YsTimer     *timer,
                        GError     **error)
{
  g_autofree char *name = NULL;
  const char *workflow_id;
  gboolean ok;

  g_return_val_if_fail (YS_IS_STORE (self), FALSE);
  g_return_val_if_fail (YS_IS_TIMER (timer), FALSE);

  workflow_id = ys_timer_get_workflow_id (timer);
  if (!ys_store_begin (self, error))
    return FALSE;

  ok = ys_store_lookup_workflow (self, workflow_id, &name, NULL, NULL, error) &&
       check_no_timer (self, workflow_id, name, error) &&
       put_timer (self, workflow_id, ys_timer_get_mode (timer), ys_timer_get_tool_id (timer),
                  ys_timer_get_started_at (timer), ys_timer_get_paused_at (timer),
                  ys_timer_get_paused_total (timer), error);

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
