/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "yardstick-core"

#include "ys-run-list.h"
#include "ys-store-private.h"

/*
 * The runs of one workflow, newest first, as a GListModel that reads from
 * SQLite a page at a time. A list view asks only for the rows it shows, so a
 * workflow with years of runs costs a COUNT and a few pages, never every run
 * in memory.
 */

#define PAGE_SIZE 100
#define MAX_CACHED_PAGES 32

struct _YsRunList
{
  GObject parent_instance;

  YsStore *store;
  char *workflow_id;   /* NULL: every workflow */
  YsRunFilter filter;
  char *pattern;       /* LIKE pattern of the search, or NULL */
  guint n_items;
  GHashTable *pages; /* page number → GPtrArray of YsRun */
  gulong changed_id;
};

static void ys_run_list_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (YsRunList, ys_run_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      ys_run_list_list_model_init))

/* Separate statements per filter, so that each one can use its own index
 * (a workflow's runs, or the runs awaiting an outcome) on a large database. */
#define RUNS_FROM \
  " FROM runs r JOIN workflows w ON w.key = r.workflow AND w.deleted = 0" \
  " LEFT JOIN tools t ON t.key = r.tool"
#define BY_WORKFLOW " WHERE r.workflow = " YS_STORE_WORKFLOW_KEY (":workflow") " AND r.deleted = 0"
#define AWAITING " WHERE r.used IS NULL AND r.deleted = 0" YS_STORE_NOT_FROM_TRACKER
#define SEARCH " AND (r.note LIKE :pattern ESCAPE '\\' OR t.name LIKE :pattern ESCAPE '\\')"
/* The indexes hold the start but not the id (a third of their size at a
 * million runs): SQLite walks them in order of start and sorts only the
 * runs of the same start by id. */
#define PAGE " ORDER BY r.started_at DESC, r.id LIMIT :limit OFFSET :offset"

/* Without a search, the counts come from the per-day totals ("daily", kept
 * by triggers over the same runs: not deleted, used IS NULL when neither
 * used_yes nor used_no) rather than a walk over every run: on a million
 * runs that walk took seconds, and the window counts at start-up. */
#define DAILY_FROM " FROM daily d JOIN workflows w ON w.key = d.workflow AND w.deleted = 0"

static const char *count_sql[2][2] = {
  { "SELECT coalesce (sum (d.runs), 0)" DAILY_FROM " WHERE w.id = :workflow",
    "SELECT count(*)" RUNS_FROM BY_WORKFLOW SEARCH },
  { "SELECT coalesce (sum (d.runs - d.used_yes - d.used_no), 0)" YS_STORE_TRACKER_AWAITING
    DAILY_FROM,
    "SELECT count(*)" RUNS_FROM AWAITING SEARCH },
};

static const char *page_sql[2][2] = {
  { "SELECT " YS_STORE_RUN_COLUMNS RUNS_FROM BY_WORKFLOW PAGE,
    "SELECT " YS_STORE_RUN_COLUMNS RUNS_FROM BY_WORKFLOW SEARCH PAGE },
  { "SELECT " YS_STORE_RUN_COLUMNS RUNS_FROM AWAITING PAGE,
    "SELECT " YS_STORE_RUN_COLUMNS RUNS_FROM AWAITING SEARCH PAGE },
};

static sqlite3_stmt *
prepare_filtered (YsRunList   *self,
                  const char  *sql[2][2],
                  GError     **error)
{
  gboolean awaiting = self->filter == YS_RUN_FILTER_AWAITING_OUTCOME;
  sqlite3_stmt *stmt = ys_database_prepare (ys_store_get_database (self->store),
                                            sql[awaiting][self->pattern != NULL], error);

  if (stmt == NULL)
    return NULL;
  if (!awaiting)
    ys_database_bind_text (stmt, ":workflow", self->workflow_id);
  if (self->pattern != NULL)
    ys_database_bind_text (stmt, ":pattern", self->pattern);
  return stmt;
}

static gboolean
count_runs (YsRunList  *self,
            guint      *count,
            GError    **error)
{
  sqlite3_stmt *stmt = prepare_filtered (self, count_sql, error);
  gint64 n = 0;

  *count = 0;
  if (stmt == NULL || !ys_database_query_int64 (ys_store_get_database (self->store), stmt, &n,
                                                 error))
    return FALSE;
  *count = (guint) n;
  return TRUE;
}

/* NULL when the page cannot be read: the store has said why, and the
 * next look at it reads it again. */
static GPtrArray *
load_page (YsRunList *self,
           guint      page)
{
  YsDatabase *db = ys_store_get_database (self->store);
  sqlite3_stmt *stmt = prepare_filtered (self, page_sql, NULL);
  g_autoptr(GPtrArray) runs = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  if (stmt == NULL)
    return NULL;
  ys_database_bind_int64 (stmt, ":limit", PAGE_SIZE);
  ys_database_bind_int64 (stmt, ":offset", (gint64) page * PAGE_SIZE);
  while ((rc = ys_database_step (db, stmt, NULL)) == SQLITE_ROW)
    g_ptr_array_add (runs, ys_store_run_from_row (stmt));
  if (rc != SQLITE_DONE)
    return NULL;
  sqlite3_reset (stmt);

  return g_steal_pointer (&runs);
}

static GType
ys_run_list_get_item_type (GListModel *model)
{
  return YS_TYPE_RUN;
}

static guint
ys_run_list_get_n_items (GListModel *model)
{
  return YS_RUN_LIST (model)->n_items;
}

static gpointer
ys_run_list_get_item (GListModel *model,
                      guint       position)
{
  YsRunList *self = YS_RUN_LIST (model);
  guint page = position / PAGE_SIZE;
  GPtrArray *runs;

  if (position >= self->n_items)
    return NULL;

  runs = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (page));
  if (runs == NULL)
    {
      if (g_hash_table_size (self->pages) >= MAX_CACHED_PAGES)
        g_hash_table_remove_all (self->pages);
      runs = load_page (self, page);
      if (runs == NULL)
        return NULL;
      g_hash_table_insert (self->pages, GUINT_TO_POINTER (page), runs);
    }

  if (position % PAGE_SIZE >= runs->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (runs, position % PAGE_SIZE));
}

static void
ys_run_list_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = ys_run_list_get_item_type;
  iface->get_n_items = ys_run_list_get_n_items;
  iface->get_item = ys_run_list_get_item;
}

/* A count that cannot be read leaves the list as it was, never empty. */
static void
reload (YsRunList *self)
{
  guint old_n = self->n_items;
  guint n;

  if (!count_runs (self, &n, NULL))
    return;
  g_hash_table_remove_all (self->pages);
  self->n_items = n;
  g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, self->n_items);
}

static void
on_store_changed (YsRunList *self,
                  guint      changes,
                  YsStore   *store)
{
  if (changes & (YS_STORE_CHANGE_RUNS | YS_STORE_CHANGE_WORKFLOWS | YS_STORE_CHANGE_TOOLS))
    reload (self);
}

static void
ys_run_list_dispose (GObject *object)
{
  YsRunList *self = (YsRunList *) object;

  g_clear_signal_handler (&self->changed_id, self->store);
  g_clear_object (&self->store);
  g_clear_pointer (&self->pages, g_hash_table_unref);

  G_OBJECT_CLASS (ys_run_list_parent_class)->dispose (object);
}

static void
ys_run_list_finalize (GObject *object)
{
  YsRunList *self = (YsRunList *) object;

  g_clear_pointer (&self->workflow_id, g_free);
  g_clear_pointer (&self->pattern, g_free);

  G_OBJECT_CLASS (ys_run_list_parent_class)->finalize (object);
}

static void
ys_run_list_class_init (YsRunListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ys_run_list_dispose;
  object_class->finalize = ys_run_list_finalize;
}

static void
ys_run_list_init (YsRunList *self)
{
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
}

YsRunList *
ys_run_list_new (YsStore     *store,
                 const char  *workflow_id,
                 YsRunFilter  filter)
{
  YsRunList *self;

  g_return_val_if_fail (YS_IS_STORE (store), NULL);
  g_return_val_if_fail (workflow_id != NULL || filter == YS_RUN_FILTER_AWAITING_OUTCOME, NULL);

  self = g_object_new (YS_TYPE_RUN_LIST, NULL);
  self->store = g_object_ref (store);
  self->workflow_id = g_strdup (workflow_id);
  self->filter = filter;
  count_runs (self, &self->n_items, NULL);
  self->changed_id = g_signal_connect_object (store, "changed",
                                              G_CALLBACK (on_store_changed), self,
                                              G_CONNECT_SWAPPED);
  return self;
}

/* Narrows the list to runs whose note or tool contains @search. */
void
ys_run_list_set_search (YsRunList  *self,
                        const char *search)
{
  g_autofree char *pattern = NULL;

  g_return_if_fail (YS_IS_RUN_LIST (self));

  if (search != NULL && *search != '\0')
    {
      GString *escaped = g_string_new ("%");

      for (const char *p = search; *p; p++)
        {
          if (*p == '%' || *p == '_' || *p == '\\')
            g_string_append_c (escaped, '\\');
          g_string_append_c (escaped, *p);
        }
      g_string_append_c (escaped, '%');
      pattern = g_string_free (escaped, FALSE);
    }

  if (g_strcmp0 (pattern, self->pattern) == 0)
    return;

  g_free (self->pattern);
  self->pattern = g_steal_pointer (&pattern);
  reload (self);
}
