/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "yardstick-core"

#include "config.h"

#include <glib/gi18n.h>

#include "ys-error.h"
#include "ys-money.h"
#include "ys-store-private.h"
#include "ys-validate.h"

/*
 * The catalogue: workflows (with the limit of three active ones and unique
 * names) and tools, their models, and their rows as merges put them.
 *
 * The limit is kept here only for a person's edits, which are refused with
 * a sentence to show; what a merge does beyond three (archive all but the
 * three changed longest ago, the same on every computer) is ys-merge.c's.
 */

static gboolean put_workflow (YsStore        *self,
                              gconstpointer   record,
                              GError        **error);
static gboolean put_tool     (YsStore        *self,
                              gconstpointer   record,
                              GError        **error);

/* Models ------------------------------------------------------------------- */

/* Not a change to the record (bundles do not carry it): updated_at stays. */
static gboolean
set_fair_test (YsStore     *self,
               const char  *id,
               gboolean     fair_test,
               GError     **error)
{
  sqlite3_stmt *stmt = ys_store_prepare (self,
    "UPDATE workflows SET fair_test = :fair_test WHERE id = :id", error);

  if (stmt == NULL)
    return FALSE;
  ys_database_bind_text (stmt, ":id", id);
  ys_database_bind_int64 (stmt, ":fair_test", fair_test ? 1 : 0);
  self->pending_changes |= YS_STORE_CHANGE_WORKFLOWS;
  return ys_database_run (self->database, stmt, error);
}

gboolean
ys_store_reload_workflows (YsStore  *self,
                           GError  **error)
{
  sqlite3_stmt *stmt = ys_store_prepare (self,
    "SELECT id, name, description, people, archived, fair_test FROM workflows "
    "WHERE deleted = 0 ORDER BY " YS_STORE_WORKFLOW_ORDER ("") , error);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = ys_database_step (self->database, stmt, error)) == SQLITE_ROW)
    g_ptr_array_add (items, ys_workflow_new (ys_database_column_text (stmt, 0),
                                             ys_database_column_text (stmt, 1),
                                             ys_database_column_text (stmt, 2),
                                             sqlite3_column_int (stmt, 3),
                                             sqlite3_column_int (stmt, 4),
                                             sqlite3_column_int (stmt, 5)));
  if (rc != SQLITE_DONE)
    return FALSE;
  sqlite3_reset (stmt);

  ys_store_update_model (self->workflows, items, ys_workflow_equal);
  return TRUE;
}

gboolean
ys_store_reload_tools (YsStore  *self,
                       GError  **error)
{
  sqlite3_stmt *stmt = ys_store_prepare (self,
    "SELECT id, name, monthly_cost FROM tools WHERE deleted = 0 ORDER BY name COLLATE NOCASE, id",
    error);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = ys_database_step (self->database, stmt, error)) == SQLITE_ROW)
    g_ptr_array_add (items, ys_tool_new (ys_database_column_text (stmt, 0),
                                         ys_database_column_text (stmt, 1),
                                         sqlite3_column_type (stmt, 2) == SQLITE_NULL
                                           ? -1 : sqlite3_column_int64 (stmt, 2)));
  if (rc != SQLITE_DONE)
    return FALSE;
  sqlite3_reset (stmt);

  ys_store_update_model (self->tools, items, ys_tool_equal);
  return TRUE;
}

/* Workflows ---------------------------------------------------------------- */

GListModel *
ys_store_get_workflows (YsStore *self)
{
  g_return_val_if_fail (YS_IS_STORE (self), NULL);
  return G_LIST_MODEL (self->workflows);
}

YsWorkflow *
ys_store_get_workflow (YsStore    *self,
                       const char *id)
{
  GListModel *model;
  guint n;

  g_return_val_if_fail (YS_IS_STORE (self), NULL);

  model = G_LIST_MODEL (self->workflows);
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(YsWorkflow) workflow = g_list_model_get_item (model, i);

      if (g_strcmp0 (ys_workflow_get_id (workflow), id) == 0)
        return g_steal_pointer (&workflow);
    }

  return NULL;
}

static gboolean
count_active (YsStore  *self,
              guint    *count,
              GError  **error)
{
  sqlite3_stmt *stmt = ys_store_prepare (self,
    "SELECT count(*) FROM workflows WHERE deleted = 0 AND archived = 0", error);
  gint64 n = 0;

  *count = 0;
  if (stmt == NULL || !ys_database_query_int64 (self->database, stmt, &n, error))
    return FALSE;
  *count = (guint) n;
  return TRUE;
}

guint
ys_store_count_active_workflows (YsStore  *self,
                                 GError  **error)
{
  guint n = 0;

  g_return_val_if_fail (YS_IS_STORE (self), 0);

  count_active (self, &n, error);
  return n;
}

static gboolean
check_active_limit (YsStore     *self,
                    const char  *name,
                    GError     **error)
{
  guint active;

  if (!count_active (self, &active, error))
    return FALSE;
  if (active < YS_LIMITS_MAX_ACTIVE_WORKFLOWS)
    return TRUE;

  if (name == NULL)
    g_set_error (error, YS_ERROR, YS_ERROR_LIMIT,
                 _("Three workflows are already active. Yardstick measures at most three "
                   "at a time so that each gets enough runs to compare. Archive one to add "
                   "another."));
  else
    g_set_error (error, YS_ERROR, YS_ERROR_LIMIT,
                 _("Three workflows are already active. Archive one before bringing back "
                   "“%s”."),
                 name);
  return FALSE;
}

/* Names are unique among live records of a kind, whatever their case. */
static gboolean
check_name_free (YsStore       *self,
                 YsRecordKind   kind,
                 const char    *name,
                 const char    *except_id,
                 GError       **error)
{
  sqlite3_stmt *stmt = kind == YS_RECORD_WORKFLOW
    ? ys_store_prepare (self,
        "SELECT 1 FROM workflows WHERE deleted = 0 AND name = :name COLLATE NOCASE"
        " AND id IS NOT :except", error)
    : ys_store_prepare (self,
        "SELECT 1 FROM tools WHERE deleted = 0 AND name = :name COLLATE NOCASE"
        " AND id IS NOT :except", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  ys_database_bind_text (stmt, ":name", name);
  ys_database_bind_text (stmt, ":except", except_id);
  rc = ys_database_step (self->database, stmt, error);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return FALSE;
  sqlite3_reset (stmt);

  if (rc == SQLITE_ROW)
    {
      if (kind == YS_RECORD_WORKFLOW)
        g_set_error (error, YS_ERROR, YS_ERROR_DUPLICATE,
                     _("There is already a workflow called “%s”."), name);
      else
        g_set_error (error, YS_ERROR, YS_ERROR_DUPLICATE,
                     _("There is already a tool called “%s”."), name);
      return FALSE;
    }
  return TRUE;
}

char *
ys_store_find_by_name (YsStore       *self,
                       YsRecordKind   kind,
                       const char    *name,
                       GError       **error)
{
  sqlite3_stmt *stmt = kind == YS_RECORD_WORKFLOW
    ? ys_store_prepare (self,
        "SELECT id FROM workflows WHERE deleted = 0 AND name = :name COLLATE NOCASE"
        " ORDER BY archived, position, rowid LIMIT 1", error)
    : ys_store_prepare (self,
        "SELECT id FROM tools WHERE deleted = 0 AND name = :name COLLATE NOCASE"
        " ORDER BY id LIMIT 1", error);
  char *id = NULL;
  int rc;

  g_return_val_if_fail (kind == YS_RECORD_WORKFLOW || kind == YS_RECORD_TOOL, NULL);

  if (stmt == NULL)
    return NULL;
  ys_database_bind_text (stmt, ":name", name);
  rc = ys_database_step (self->database, stmt, error);
  if (rc == SQLITE_ROW)
    id = g_strdup (ys_database_column_text (stmt, 0));
  else if (rc != SQLITE_DONE)
    return NULL;
  sqlite3_reset (stmt);
  return id;
}

gboolean
ys_store_lookup_workflow (YsStore     *self,
                          const char  *id,
                          char       **name,
                          gboolean    *archived,
                          gboolean    *deleted,
                          GError     **error)
{
  sqlite3_stmt *stmt = ys_store_prepare (self,
    "SELECT name, archived, deleted FROM workflows WHERE id = :id", error);
  gboolean found = FALSE;
  int rc;

  if (stmt == NULL)
    return FALSE;
  ys_database_bind_text (stmt, ":id", id);
  rc = ys_database_step (self->database, stmt, error);
  if (rc == SQLITE_ROW)
    {
      found = TRUE;
      if (name)
        *name = g_strdup (ys_database_column_text (stmt, 0));
      if (archived)
        *archived = sqlite3_column_int (stmt, 1);
      if (deleted)
        *deleted = sqlite3_column_int (stmt, 2);
      else
        found = sqlite3_column_int (stmt, 2) == 0;
    }
  else if (rc != SQLITE_DONE)
    return FALSE;
  sqlite3_reset (stmt);

  if (!found)
    g_set_error_literal (error, YS_ERROR, YS_ERROR_NOT_FOUND,
                         _("That workflow no longer exists."));
  return found;
}

YsWorkflow *
ys_store_add_workflow (YsStore     *self,
                       const char  *name,
                       const char  *description,
                       int          people,
                       GError     **error)
{
  g_autofree char *clean_name = NULL;
  g_autofree char *id = NULL;
  gboolean ok;

  g_return_val_if_fail (YS_IS_STORE (self), NULL);

  if (!(clean_name = ys_validate_name (name, YS_NAME_WORKFLOW, error)) ||
      !ys_validate_text (description, error) ||
      !ys_validate_people (people, error))
    return NULL;

  if (!ys_store_begin (self, error))
    return NULL;

  ok = check_active_limit (self, NULL, error) &&
       check_name_free (self, YS_RECORD_WORKFLOW, clean_name, NULL, error);

  if (ok)
    {
      YsWorkflowRecord record = { NULL, clean_name, description ? description : "", people,
                                  FALSE, ys_store_now (self), FALSE };

      record.id = id = ys_uuid_new ();
      /* A workflow made here is a fair test until someone turns it off;
       * one that arrives in a bundle is not (put_workflow leaves it). */
      ok = put_workflow (self, &record, error) && set_fair_test (self, id, TRUE, error);
    }

  if (!ys_store_end (self, ok, error))
    return NULL;

  return ys_workflow_new (id, clean_name, description, people, FALSE, TRUE);
}

gboolean
ys_store_set_workflow_fair_test (YsStore     *self,
                                 const char  *id,
                                 gboolean     fair_test,
                                 GError     **error)
{
  gboolean ok;

  g_return_val_if_fail (YS_IS_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  if (!ys_store_begin (self, error))
    return FALSE;
  ok = ys_store_lookup_workflow (self, id, NULL, NULL, NULL, error) &&
       set_fair_test (self, id, fair_test, error);
  return ys_store_end (self, ok, error);
}

gboolean
ys_store_update_workflow (YsStore     *self,
                          const char  *id,
                          const char  *name,
                          const char  *description,
                          int          people,
                          GError     **error)
{
  g_autofree char *clean_name = NULL;
  sqlite3_stmt *stmt = NULL;
  gboolean ok;

  g_return_val_if_fail (YS_IS_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  if (!(clean_name = ys_validate_name (name, YS_NAME_WORKFLOW, error)) ||
      !ys_validate_text (description, error) ||
      !ys_validate_people (people, error))
    return FALSE;

  if (!ys_store_begin (self, error))
    return FALSE;

  ok = ys_store_lookup_workflow (self, id, NULL, NULL, NULL, error) &&
       check_name_free (self, YS_RECORD_WORKFLOW, clean_name, id, error) &&
       (stmt = ys_store_prepare (self,
          "UPDATE workflows SET name = :name, description = :description, people = :people,"
          " updated_at = " YS_STORE_NEXT_UPDATED_AT " WHERE id = :id", error)) != NULL;

  if (ok)
    {
      ys_database_bind_text (stmt, ":id", id);
      ys_database_bind_text (stmt, ":name", clean_name);
      ys_database_bind_text (stmt, ":description", description ? description : "");
      ys_database_bind_int64 (stmt, ":people", people);
      ys_database_bind_int64 (stmt, ":now", ys_store_now (self));
      ok = ys_database_run (self->database, stmt, error);
      self->pending_changes |= YS_STORE_CHANGE_WORKFLOWS;
    }

  return ys_store_end (self, ok, error);
}

static gboolean
set_workflow_flags (YsStore     *self,
                    const char  *id,
                    gboolean     archived,
                    gboolean     deleted,
                    GError     **error)
{
  sqlite3_stmt *stmt = ys_store_prepare (self,
    "UPDATE workflows SET archived = :archived, deleted = :deleted,"
    " updated_at = " YS_STORE_NEXT_UPDATED_AT " WHERE id = :id", error);

  if (stmt == NULL)
    return FALSE;
  ys_database_bind_text (stmt, ":id", id);
  ys_database_bind_int64 (stmt, ":archived", archived);
  ys_database_bind_int64 (stmt, ":deleted", deleted);
  ys_database_bind_int64 (stmt, ":now", ys_store_now (self));
  /* Hiding or showing a workflow hides or shows its runs too. */
  self->pending_changes |= YS_STORE_CHANGE_WORKFLOWS | YS_STORE_CHANGE_RUNS;
  return ys_database_run (self->database, stmt, error);
}

gboolean
ys_store_set_workflow_archived (YsStore     *self,
                                const char  *id,
                                gboolean     archived,
                                GError     **error)
{
  g_autofree char *name = NULL;
  gboolean was_archived = FALSE;
  gboolean ok;

  g_return_val_if_fail (YS_IS_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  if (!ys_store_begin (self, error))
    return FALSE;

  ok = ys_store_lookup_workflow (self, id, &name, &was_archived, NULL, error);
  if (ok && !archived && was_archived)
    ok = check_active_limit (self, name, error);
  if (ok && archived != was_archived)
    ok = set_workflow_flags (self, id, archived, FALSE, error);

  return ys_store_end (self, ok, error);
}

gboolean
ys_store_delete_workflow (YsStore     *self,
                          const char  *id,
                          GError     **error)
{
  gboolean archived = FALSE;
  gboolean ok;

  g_return_val_if_fail (YS_IS_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  if (!ys_store_begin (self, error))
    return FALSE;

  ok = ys_store_lookup_workflow (self, id, NULL, &archived, NULL, error) &&
       set_workflow_flags (self, id, archived, TRUE, error);

  return ys_store_end (self, ok, error);
}

gboolean
ys_store_restore_workflow (YsStore     *self,
                           const char  *id,
                           gboolean    *archived_instead,
                           GError     **error)
{
  gboolean archived = FALSE;
  gboolean deleted = FALSE;
  gboolean ok;

  g_return_val_if_fail (YS_IS_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  if (archived_instead)
    *archived_instead = FALSE;

  if (!ys_store_begin (self, error))
    return FALSE;

  ok = ys_store_lookup_workflow (self, id, NULL, &archived, &deleted, error);
  if (ok && deleted)
    {
      guint active = 0;

      /* Undo must always work: if the slot was taken meanwhile, the
       * workflow comes back archived rather than not at all. */
      ok = count_active (self, &active, error);
      if (ok && !archived && active >= YS_LIMITS_MAX_ACTIVE_WORKFLOWS)
        {
          archived = TRUE;
          if (archived_instead)
            *archived_instead = TRUE;
        }
      ok = ok && set_workflow_flags (self, id, archived, FALSE, error);
    }

  return ys_store_end (self, ok, error);
}

/* Workflow records -------------------------------------------------------- */

#define WORKFLOW_COLUMNS "id, name, description, people, archived, updated_at, deleted"

static void
workflow_from_row (sqlite3_stmt *stmt,
                   gpointer      record,
                   GStringChunk *strings)
{
  YsWorkflowRecord *r = record;

  r->id = ys_store_column_text (stmt, 0, strings);
  r->name = ys_store_column_text (stmt, 1, strings);
  r->description = ys_store_column_text (stmt, 2, strings);
  r->people = sqlite3_column_int (stmt, 3);
  r->archived = sqlite3_column_int (stmt, 4) != 0;
  r->updated_at = sqlite3_column_int64 (stmt, 5);
  r->deleted = sqlite3_column_int (stmt, 6) != 0;
}

/* Whether a workflow is a fair test is this computer's setting: bundles do
 * not carry it. (The position column of schema 1 is no longer read: the
 * order comes from names, the same on every computer.) */
static gboolean
put_workflow (YsStore        *self,
              gconstpointer   record,
              GError        **error)
{
  const YsWorkflowRecord *r = record;
  sqlite3_stmt *stmt = ys_store_prepare (self,
    "INSERT INTO workflows (id, name, description, people, archived, updated_at, deleted)"
    " VALUES (:id, :name, :description, :people, :archived, :updated_at, :deleted)"
    " ON CONFLICT (id) DO UPDATE SET name = :name, description = :description, people = :people,"
    " archived = :archived, updated_at = :updated_at, deleted = :deleted", error);

  if (stmt == NULL)
    return FALSE;
  ys_database_bind_text (stmt, ":id", r->id);
  ys_database_bind_text (stmt, ":name", r->name);
  ys_database_bind_text (stmt, ":description", r->description ? r->description : "");
  ys_database_bind_int64 (stmt, ":people", r->people);
  ys_database_bind_int64 (stmt, ":archived", r->archived ? 1 : 0);
  ys_database_bind_int64 (stmt, ":updated_at", r->updated_at);
  ys_database_bind_int64 (stmt, ":deleted", r->deleted ? 1 : 0);
  self->pending_changes |= YS_STORE_CHANGE_WORKFLOWS | YS_STORE_CHANGE_RUNS;
  return ys_database_run (self->database, stmt, error);
}

/* Bundles list workflows by id: an order every computer shares. */
const YsStoreRecordClass ys_store_workflow_records = {
  "SELECT " WORKFLOW_COLUMNS " FROM workflows WHERE id = :id",
  "SELECT " WORKFLOW_COLUMNS " FROM workflows WHERE deleted = 0 OR :tombstones ORDER BY id",
  workflow_from_row,
  put_workflow,
};

/* Tools -------------------------------------------------------------------- */

GListModel *
ys_store_get_tools (YsStore *self)
{
  g_return_val_if_fail (YS_IS_STORE (self), NULL);
  return G_LIST_MODEL (self->tools);
}

YsTool *
ys_store_add_tool (YsStore     *self,
                   const char  *name,
                   GError     **error)
{
  g_autofree char *clean_name = NULL;
  g_autofree char *id = NULL;
  gboolean ok;

  g_return_val_if_fail (YS_IS_STORE (self), NULL);

  if (!(clean_name = ys_validate_name (name, YS_NAME_TOOL, error)))
    return NULL;

  if (!ys_store_begin (self, error))
    return NULL;

  ok = check_name_free (self, YS_RECORD_TOOL, clean_name, NULL, error);
  if (ok)
    {
      YsToolRecord record = { NULL, clean_name, -1, ys_store_now (self), FALSE };

      record.id = id = ys_uuid_new ();
      ok = put_tool (self, &record, error);
    }

  if (!ys_store_end (self, ok, error))
    return NULL;

  return ys_tool_new (id, clean_name, -1);
}

gboolean
ys_store_rename_tool (YsStore     *self,
                      const char  *id,
                      const char  *name,
                      GError     **error)
{
  g_autofree char *clean_name = NULL;
  sqlite3_stmt *stmt = NULL;
  gboolean ok;

  g_return_val_if_fail (YS_IS_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  if (!(clean_name = ys_validate_name (name, YS_NAME_TOOL, error)))
    return FALSE;

  if (!ys_store_begin (self, error))
    return FALSE;

  ok = ys_store_find_record (self, YS_RECORD_TOOL, id, FALSE, error) &&
       check_name_free (self, YS_RECORD_TOOL, clean_name, id, error) &&
       (stmt = ys_store_prepare (self,
          "UPDATE tools SET name = :name, updated_at = " YS_STORE_NEXT_UPDATED_AT
          " WHERE id = :id", error)) != NULL;
  if (ok)
    {
      ys_database_bind_text (stmt, ":id", id);
      ys_database_bind_text (stmt, ":name", clean_name);
      ys_database_bind_int64 (stmt, ":now", ys_store_now (self));
      ok = ys_database_run (self->database, stmt, error);
      /* Run rows show the tool's name. */
      self->pending_changes |= YS_STORE_CHANGE_TOOLS | YS_STORE_CHANGE_RUNS;
    }

  return ys_store_end (self, ok, error);
}

gboolean
ys_store_set_tool_cost (YsStore     *self,
                        const char  *id,
                        gint64       monthly_cost,
                        GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok;

  g_return_val_if_fail (YS_IS_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  if (monthly_cost < -1 || monthly_cost > YS_MONEY_MAX_CENTS)
    {
      g_autofree char *maximum = ys_money_format (NULL, YS_MONEY_MAX_CENTS);

      g_set_error (error, YS_ERROR, YS_ERROR_INVALID,
                   _("A monthly cost can be at most %s."), maximum);
      return FALSE;
    }

  if (!ys_store_begin (self, error))
    return FALSE;

  /* Typing the same cost again changes nothing, so nothing travels. */
  ok = ys_store_find_record (self, YS_RECORD_TOOL, id, FALSE, error) &&
       (stmt = ys_store_prepare (self,
          "UPDATE tools SET monthly_cost = :cost, updated_at = " YS_STORE_NEXT_UPDATED_AT
          " WHERE id = :id AND monthly_cost IS NOT :cost", error)) != NULL;
  if (ok)
    {
      ys_database_bind_text (stmt, ":id", id);
      if (monthly_cost < 0)
        ys_database_bind_null (stmt, ":cost");
      else
        ys_database_bind_int64 (stmt, ":cost", monthly_cost);
      ys_database_bind_int64 (stmt, ":now", ys_store_now (self));
      ok = ys_database_run (self->database, stmt, error);
      self->pending_changes |= YS_STORE_CHANGE_TOOLS;
    }

  return ys_store_end (self, ok, error);
}

gboolean
ys_store_delete_tool (YsStore     *self,
                      const char  *id,
                      GError     **error)
{
  return ys_store_set_deleted (self, YS_RECORD_TOOL, id, TRUE, error);
}

gboolean
ys_store_restore_tool (YsStore     *self,
                       const char  *id,
                       GError     **error)
{
  return ys_store_set_deleted (self, YS_RECORD_TOOL, id, FALSE, error);
}

/* Tool records ------------------------------------------------------------- */

#define TOOL_COLUMNS "id, name, monthly_cost, updated_at, deleted"

static void
tool_from_row (sqlite3_stmt *stmt,
               gpointer      record,
               GStringChunk *strings)
{
  YsToolRecord *r = record;

  r->id = ys_store_column_text (stmt, 0, strings);
  r->name = ys_store_column_text (stmt, 1, strings);
  r->monthly_cost = sqlite3_column_type (stmt, 2) == SQLITE_NULL
    ? -1 : sqlite3_column_int64 (stmt, 2);
  r->updated_at = sqlite3_column_int64 (stmt, 3);
  r->deleted = sqlite3_column_int (stmt, 4) != 0;
}

static gboolean
put_tool (YsStore        *self,
          gconstpointer   record,
          GError        **error)
{
  const YsToolRecord *r = record;
  sqlite3_stmt *stmt = ys_store_prepare (self,
    "INSERT INTO tools (id, name, monthly_cost, updated_at, deleted)"
    " VALUES (:id, :name, :cost, :updated_at, :deleted)"
    " ON CONFLICT (id) DO UPDATE SET name = :name, monthly_cost = :cost,"
    " updated_at = :updated_at, deleted = :deleted", error);

  if (stmt == NULL)
    return FALSE;
  ys_database_bind_text (stmt, ":id", r->id);
  ys_database_bind_text (stmt, ":name", r->name);
  if (r->monthly_cost < 0)
    ys_database_bind_null (stmt, ":cost");
  else
    ys_database_bind_int64 (stmt, ":cost", r->monthly_cost);
  ys_database_bind_int64 (stmt, ":updated_at", r->updated_at);
  ys_database_bind_int64 (stmt, ":deleted", r->deleted ? 1 : 0);
  /* Run rows show the tool's name. */
  self->pending_changes |= YS_STORE_CHANGE_TOOLS | YS_STORE_CHANGE_RUNS;
  return ys_database_run (self->database, stmt, error);
}

const YsStoreRecordClass ys_store_tool_records = {
  "SELECT " TOOL_COLUMNS " FROM tools WHERE id = :id",
  "SELECT " TOOL_COLUMNS " FROM tools WHERE deleted = 0 OR :tombstones"
  " ORDER BY name COLLATE NOCASE, id",
  tool_from_row,
  put_tool,
};
