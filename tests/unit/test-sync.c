/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gio/gio.h>
#define G_SETTINGS_ENABLE_BACKEND
#include <gio/gsettingsbackend.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utime.h>
#include <sys/xattr.h>
#include <errno.h>

#include "ys-bundle.h"
#include "ys-demo.h"
#include "ys-error.h"
#include "ys-step.h"
#include "ys-store.h"
#include "ys-sync.h"
#include "ys-team-folder.h"
#include "ys-test-sql.h"

/*
 * The team folder: every database that syncs with one folder ends with the
 * same records, whatever the order; what is not a bundle, or not yet a
 * whole one, is skipped and changes nothing; what has not changed is not
 * read again.
 */

#define W1 "11111111-1111-4111-8111-111111111111"
#define R1 "33333333-3333-4333-8333-333333333333"

/* 2026-11-02 09:00:00 UTC */
#define BASE_TIME (G_GINT64_CONSTANT (1793437200) * G_USEC_PER_SEC)
#define SECONDS(n) ((gint64) (n) * G_USEC_PER_SEC)

static char *tmp_dir;
static guint n_dirs;

static char *
new_dir (const char *what)
{
  g_autofree char *name = g_strdup_printf ("%s-%u", what, n_dirs++);
  char *path = g_build_filename (tmp_dir, name, NULL);

  g_assert_cmpint (g_mkdir_with_parents (path, 0755), ==, 0);
  return path;
}

/* A store at @dir/@name.db telling time by a fixed clock at @now. */
static YsStore *
open_store (const char *dir,
            const char *name,
            gint64      now)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *file = g_strconcat (name, ".db", NULL);
  g_autofree char *path = g_build_filename (dir, file, NULL);
  g_autoptr(YsClock) clock = ys_clock_new_fixed (now);
  YsStore *store = ys_store_open (path, &error);

  g_assert_no_error (error);
  ys_store_set_clock (store, clock);
  return store;
}

static void
set_now (YsStore *store,
         gint64   now)
{
  ys_clock_set_now (ys_store_get_clock (store), now);
}

static YsSyncReport *
sync_ok (YsStore    *store,
         const char *folder)
{
  g_autoptr(GError) error = NULL;
  YsSyncReport *report = ys_sync_run (store, folder, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (report);
  return report;
}

static void
sync_once (YsStore    *store,
           const char *folder)
{
  ys_sync_report_free (sync_ok (store, folder));
}

/* Everything the store would send, apart from the time it was sent. */
static char *
export_records (YsStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autofree char *text = NULL;
  char *at, *end;

  g_assert_true (ys_bundle_export (store, YS_BUNDLE_EVERYTHING, out, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_write_all (out, "", 1, NULL, NULL, NULL));
  g_assert_true (g_output_stream_close (out, NULL, NULL));
  text = g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (out));

  at = strstr (text, "\"exported_at\"");
  g_assert_nonnull (at);
  end = strchr (at, '\n');
  g_assert_nonnull (end);
  memmove (at, end + 1, strlen (end + 1) + 1);
  return g_steal_pointer (&text);
}

static const YsSyncFile *
find_file (const YsSyncReport *report,
           const char         *name)
{
  for (guint i = 0; i < report->files->len; i++)
    {
      const YsSyncFile *file = report->files->pdata[i];
      if (g_str_equal (file->name, name))
        return file;
    }
  return NULL;
}

static const YsSyncFile *
get_file (const YsSyncReport *report,
          const char         *name)
{
  const YsSyncFile *file = find_file (report, name);

  if (file == NULL)
    g_error ("%s is not in the report", name);
  return file;
}

static char *
own_path (YsSyncReport *report)
{
  return g_build_filename (report->folder, report->own_name, NULL);
}

static void
write_file (const char *dir,
            const char *name,
            const char *text,
            gssize      length)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, text, length, &error));
  g_assert_no_error (error);
}

static char *
read_file (const char *path,
           gsize      *length)
{
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, length, &error));
  g_assert_no_error (error);
  return text;
}

/* Names in @dir that start with a dot. */
static guint
count_hidden (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    n += name[0] == '.';
  return n;
}

/* Counting the files a sync opens to read ------------------------------------ */

typedef struct
{
  guint opened;
  /* Runs once, at the first "sync-file-opened", when set. */
  void (*at_open) (gpointer data);
  gpointer at_open_data;
  /* Runs once, at the first "sync-file-read", when set. */
  void (*at_read) (gpointer data);
  gpointer at_read_data;
} Steps;

static void
on_step (const char *step,
         gpointer    user_data)
{
  Steps *steps = user_data;

  if (g_str_equal (step, "sync-file-opened"))
    {
      steps->opened++;
      if (steps->at_open != NULL)
        {
          void (*at_open) (gpointer) = steps->at_open;
          steps->at_open = NULL;
          at_open (steps->at_open_data);
        }
    }
  else if (g_str_equal (step, "sync-file-read") && steps->at_read != NULL)
    {
      void (*at_read) (gpointer) = steps->at_read;
      steps->at_read = NULL;
      at_read (steps->at_read_data);
    }
}

static YsSyncReport *
sync_counting (YsStore    *store,
               const char *folder,
               Steps      *steps)
{
  YsSyncReport *report;

  steps->opened = 0;
  ys_step_set_func (on_step, steps);
  report = sync_ok (store, folder);
  ys_step_set_func (NULL, NULL);
  return report;
}

/* Two computers ------------------------------------------------------------- */

static void
test_two_computers (void)
{
  g_autofree char *dir = new_dir ("two");
  g_autofree char *folder = g_build_filename (dir, "Team", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(YsStore) a = open_store (dir, "a", BASE_TIME);
  g_autoptr(YsStore) b = open_store (dir, "b", BASE_TIME);
  g_autoptr(YsSyncReport) first = NULL;
  g_autoptr(YsSyncReport) second = NULL;
  g_autoptr(YsSyncReport) again = NULL;
  g_autofree char *a_records = NULL;
  g_autofree char *b_records = NULL;
  g_autofree char *own = NULL;
  g_autofree char *text = NULL;
  Steps steps = { 0 };
  struct stat st;

  g_assert_cmpint (g_mkdir (folder, 0750), ==, 0);
  g_assert_true (ys_demo_fill (a, &error));
  g_assert_no_error (error);

  /* A writes its file; nothing else is there. */
  first = sync_ok (a, folder);
  g_assert_cmpuint (first->merged, ==, 0);
  g_assert_cmpuint (first->skipped, ==, 0);
  g_assert_true (first->wrote_own);
  g_assert_true (g_str_has_prefix (first->own_name, "yardstick-"));
  g_assert_true (g_str_has_suffix (first->own_name, ".json"));
  own = own_path (first);
  /* Readable by whoever may read the folder, not only by its owner. */
  g_assert_cmpint (g_stat (own, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0640);
  /* The whole database, as --export writes it, with no host or user name. */
  text = read_file (own, NULL);
  g_assert_true (g_str_has_prefix (text, "{\n  \"format\": \"yardstick-bundle\""));
  g_assert_null (strstr (text, g_get_user_name ()));
  g_assert_null (strstr (text, g_get_host_name ()));

  /* B merges A's file and writes its own. */
  second = sync_ok (b, folder);
  g_assert_cmpuint (second->merged, ==, 1);
  g_assert_cmpstr (((YsSyncFile *) second->files->pdata[0])->name, ==, first->own_name);
  g_assert_cmpuint (((YsSyncFile *) second->files->pdata[0])->counts.runs.added, >, 100);
  g_assert_true (second->wrote_own);
  g_assert_cmpstr (second->own_name, !=, first->own_name);

  a_records = export_records (a);
  b_records = export_records (b);
  g_assert_cmpstr (a_records, ==, b_records);

  /* A reads B's file: it brings nothing new, so A's file stays. */
  g_clear_pointer (&first, ys_sync_report_free);
  first = sync_counting (a, folder, &steps);
  g_assert_cmpuint (steps.opened, ==, 1);
  g_assert_cmpuint (first->merged, ==, 1);
  g_assert_cmpuint (((YsSyncFile *) first->files->pdata[0])->counts.runs.added, ==, 0);
  g_assert_false (first->wrote_own);

  /* Nothing new anywhere: neither reads a file nor writes its own. */
  again = sync_counting (a, folder, &steps);
  g_assert_cmpuint (steps.opened, ==, 0);
  g_assert_cmpuint (again->merged, ==, 0);
  g_assert_cmpuint (again->unchanged, ==, 1);
  g_assert_false (again->wrote_own);
  g_clear_pointer (&again, ys_sync_report_free);
  again = sync_counting (b, folder, &steps);
  g_assert_cmpuint (steps.opened, ==, 0);
  g_assert_cmpuint (again->unchanged, ==, 1);
  g_assert_false (again->wrote_own);

  /* The sync service writes A's file again with the same bytes (a new
   * time): B reads it, finds the content it merged by its hash, and
   * neither parses nor merges it; after that it is not read again. */
  {
    struct utimbuf times = { 1000000000, 1000000000 };

    g_assert_cmpint (g_utime (own, &times), ==, 0);
  }
  g_clear_pointer (&again, ys_sync_report_free);
  again = sync_counting (b, folder, &steps);
  g_assert_cmpuint (steps.opened, ==, 1);
  g_assert_cmpuint (again->merged, ==, 0);
  g_assert_cmpuint (again->unchanged, ==, 1);
  g_clear_pointer (&again, ys_sync_report_free);
  again = sync_counting (b, folder, &steps);
  g_assert_cmpuint (steps.opened, ==, 0);
  g_assert_cmpuint (again->unchanged, ==, 1);
}

/* Ties and tombstones ------------------------------------------------------- */

static void
test_tie_and_tombstone (void)
{
  g_autofree char *dir = new_dir ("tie");
  g_autoptr(GError) error = NULL;
  g_autoptr(YsStore) a = open_store (dir, "a", BASE_TIME);
  g_autoptr(YsStore) b = open_store (dir, "b", BASE_TIME);
  g_autoptr(YsStore) c = open_store (dir, "c", BASE_TIME);
  YsStore *order[] = { c, a, b, a, c, b };
  g_autoptr(YsWorkflow) workflow = NULL;
  g_autoptr(YsRun) run = NULL;
  g_autofree char *a_records = NULL;
  YsRunFields fields = {
    .mode = YS_MODE_WITHOUT_AI, .started_at = 1793437200, .duration_seconds = 3600,
    .corrections = 1, .used = YS_USED_YES, .note = (char *) "",
  };
  YsRunFields edit;

  workflow = ys_store_add_workflow (a, "Policy brief draft", "", 4, &error);
  g_assert_no_error (error);
  fields.workflow_id = (char *) ys_workflow_get_id (workflow);
  run = ys_store_add_run (a, &fields, &error);
  g_assert_no_error (error);
  sync_once (a, dir);
  {
    g_autoptr(YsSyncReport) r1 = sync_ok (b, dir);
    g_autoptr(YsSyncReport) r2 = sync_ok (c, dir);
  }

  /* Within the same microsecond, A and B describe the workflow differently
   * (a tie: the text that sorts later wins), and C deletes the run that A
   * edits (a tie: the tombstone wins). */
  set_now (a, BASE_TIME + SECONDS (60));
  set_now (b, BASE_TIME + SECONDS (60));
  set_now (c, BASE_TIME + SECONDS (60));
  g_assert_true (ys_store_update_workflow (a, ys_workflow_get_id (workflow), "Policy brief draft",
                                           "Apples", 4, &error));
  g_assert_true (ys_store_update_workflow (b, ys_workflow_get_id (workflow), "Policy brief draft",
                                           "Bananas", 4, &error));
  ys_run_fields_copy (&edit, &fields);
  edit.corrections = 7;
  g_assert_true (ys_store_update_run (a, ys_run_get_id (run), &edit, &error));
  g_assert_true (ys_store_delete_run (c, ys_run_get_id (run), &error));
  g_assert_no_error (error);
  ys_run_fields_clear (&edit);

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    sync_once (order[i], dir);

  a_records = export_records (a);
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *records = export_records (order[i]);
      g_assert_cmpstr (records, ==, a_records);
    }
  /* "Bananas" sorts after "Apples"; the tombstone beats the edit. */
  g_assert_nonnull (strstr (a_records, "\"description\":\"Bananas\""));
  g_assert_cmpint (ys_test_sql_int (ys_store_get_path (b),
                                    "SELECT deleted FROM runs"), ==, 1);
  g_assert_cmpint (ys_test_sql_int (ys_store_get_path (a),
                                    "SELECT corrections FROM runs"), ==, 1);
}

/* The property: random edits, random sync orders, one end ---------------------- */

typedef struct
{
  YsStore *stores[5];
  guint n;
  GHashTable *edits;   /* "kind id updated_at" → the stores that wrote it (a bit each) */
  guint ties;
} World;

static char *
pick_row (YsStore    *store,
          const char *sql)
{
  g_autofree char *rows = ys_test_sql_rows (ys_store_get_path (store), sql, NULL);
  g_auto(GStrv) lines = g_strsplit (rows, "|\n", -1);
  guint n = g_strv_length (lines);

  /* After the last row's "|\n" comes an empty string. */
  if (n <= 1)
    return NULL;
  n--;
  return g_strdup (lines[g_test_rand_int_range (0, n)]);
}

/* Remembers who wrote record @id as it is now, to count ties: two stores
 * writing one record at the same updated_at. */
static void
note_edit (World      *world,
           guint       who,
           const char *table,
           const char *id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT updated_at FROM %s WHERE id = '%s'", table, id);
  gint64 updated_at = ys_test_sql_int (ys_store_get_path (world->stores[who]), sql);
  char *key = g_strdup_printf ("%s %s %" G_GINT64_FORMAT, table, id, updated_at);
  guint writers = GPOINTER_TO_UINT (g_hash_table_lookup (world->edits, key));

  if (writers != 0 && (writers & (1u << who)) == 0)
    world->ties++;
  g_hash_table_insert (world->edits, key, GUINT_TO_POINTER (writers | (1u << who)));
}

/* Refusals of the store's own rules (three active, a name taken, a record
 * gone) are expected; a failing database is not. */
static void
expect_rule (GError *error)
{
  if (error == NULL)
    return;
  g_assert_true (error->domain == YS_ERROR);
  g_assert_true (error->code == YS_ERROR_INVALID || error->code == YS_ERROR_LIMIT ||
                 error->code == YS_ERROR_DUPLICATE || error->code == YS_ERROR_NOT_FOUND);
}

static void
random_edit (World *world,
             guint  who)
{
  YsStore *store = world->stores[who];
  g_autoptr(GError) error = NULL;
  static const char *names[] = { "Intake summary", "policy brief", "Grant report", "Éclair",
                                 "Budget memo" };
  g_autofree char *workflow = pick_row (store, "SELECT id FROM workflows WHERE deleted = 0 ORDER BY id");
  g_autofree char *tool = pick_row (store, "SELECT id FROM tools WHERE deleted = 0 ORDER BY id");
  g_autofree char *run = pick_row (store, "SELECT id FROM runs ORDER BY id");
  int op = g_test_rand_int_range (0, 12);

  if (workflow == NULL && op != 1)
    op = 0;

  switch (op)
    {
    case 0:
      {
        g_autoptr(YsWorkflow) added =
          ys_store_add_workflow (store, names[g_test_rand_int_range (0, G_N_ELEMENTS (names))],
                                 "", g_test_rand_int_range (1, 5), &error);
        if (added != NULL)
          note_edit (world, who, "workflows", ys_workflow_get_id (added));
      }
      break;
    case 1:
      {
        g_autofree char *name = g_strdup_printf ("Tool %d", g_test_rand_int_range (0, 4));
        g_autoptr(YsTool) added = ys_store_add_tool (store, name, &error);
        if (added != NULL)
          note_edit (world, who, "tools", ys_tool_get_id (added));
      }
      break;
    case 2:
      {
        g_autofree char *description = g_strdup_printf ("take %d", g_test_rand_int_range (0, 3));
        g_autoptr(YsWorkflow) current = ys_store_get_workflow (store, workflow);

        if (current != NULL &&
            ys_store_update_workflow (store, workflow, ys_workflow_get_name (current), description,
                                      g_test_rand_int_range (1, 5), &error))
          note_edit (world, who, "workflows", workflow);
      }
      break;
    case 3:
      /* Activations: with three active, the store refuses a fourth. */
      if (ys_store_set_workflow_archived (store, workflow, g_test_rand_bit (), &error))
        note_edit (world, who, "workflows", workflow);
      break;
    case 4:
      if (g_test_rand_int_range (0, 3) == 0 && ys_store_delete_workflow (store, workflow, &error))
        note_edit (world, who, "workflows", workflow);
      break;
    case 5:
      {
        g_autofree char *gone = pick_row (store, "SELECT id FROM workflows WHERE deleted = 1 ORDER BY id");
        gboolean archived_instead = FALSE;

        if (gone != NULL && ys_store_restore_workflow (store, gone, &archived_instead, &error))
          note_edit (world, who, "workflows", gone);
      }
      break;
    case 6:
    case 7:
      {
        gboolean with_ai = tool != NULL && g_test_rand_bit ();
        YsRunFields fields = {
          .workflow_id = workflow, .mode = with_ai ? YS_MODE_WITH_AI : YS_MODE_WITHOUT_AI,
          .tool_id = with_ai ? tool : NULL,
          .started_at = 1793437200 + g_test_rand_int_range (0, 86400 * 30),
          .duration_seconds = g_test_rand_int_range (60, 20000),
          .corrections = g_test_rand_int_range (0, 4), .used = g_test_rand_int_range (0, 3),
          .note = (char *) "", .assignment = YS_ASSIGNMENT_CHOSEN,
        };
        g_autoptr(YsRun) added = ys_store_add_run (store, &fields, &error);

        if (added != NULL)
          note_edit (world, who, "runs", ys_run_get_id (added));
      }
      break;
    case 8:
    case 9:
      if (run != NULL)
        {
          g_autoptr(YsRun) current = ys_store_get_run (store, run, &error);

          if (current != NULL)
            {
              YsRunFields fields;
              gboolean ok;

              ys_run_fields_copy (&fields, ys_run_get_fields (current));
              fields.corrections = g_test_rand_int_range (0, 4);
              ok = ys_store_update_run (store, run, &fields, &error);
              ys_run_fields_clear (&fields);
              if (ok)
                note_edit (world, who, "runs", run);
            }
          else if (error == NULL &&
                   ys_store_restore_run (store, run, &error))
            note_edit (world, who, "runs", run);
        }
      break;
    case 10:
      if (run != NULL && ys_store_delete_run (store, run, &error))
        note_edit (world, who, "runs", run);
      break;
    case 11:
      if (tool != NULL)
        {
          g_autofree char *id = ys_store_add_feedback (store, workflow, tool, g_test_rand_bit (),
                                                       "2026-11-02", "", &error);
          if (id != NULL)
            note_edit (world, who, "feedback", id);
        }
      break;
    default:
      g_assert_not_reached ();
    }
  expect_rule (error);
}

static void
shuffle (guint *order,
         guint  n)
{
  for (guint i = 0; i < n; i++)
    order[i] = i;
  for (guint i = n - 1; i > 0; i--)
    {
      guint j = g_test_rand_int_range (0, i + 1);
      guint t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
}

#define WORLDS 12
#define ROUNDS 4

static void
test_converges (void)
{
  guint total_ties = 0;

  for (guint w = 0; w < WORLDS; w++)
    {
      g_autofree char *dir = new_dir ("world");
      g_autofree char *first = NULL;
      World world = { { NULL }, g_test_rand_int_range (3, 6), NULL, 0 };
      guint order[5];

      world.edits = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      for (guint i = 0; i < world.n; i++)
        {
          g_autofree char *name = g_strdup_printf ("db%u", i);
          world.stores[i] = open_store (dir, name, BASE_TIME);
        }

      /* Every round, each computer makes a few edits (the clocks stand at
       * the same second on all of them, so edits of one record can tie),
       * then syncs, in a random order; some skip the round. */
      for (guint round = 0; round < ROUNDS; round++)
        {
          for (guint i = 0; i < world.n; i++)
            set_now (world.stores[i], BASE_TIME + SECONDS (round * 60));
          shuffle (order, world.n);
          for (guint i = 0; i < world.n; i++)
            {
              guint who = order[i];
              guint edits = g_test_rand_int_range (0, 6);

              for (guint e = 0; e < edits; e++)
                random_edit (&world, who);
              if (g_test_rand_int_range (0, 4) != 0)
                sync_once (world.stores[who], dir);
            }
        }

      /* Two rounds with nothing new bring everyone everything. */
      for (guint round = 0; round < 2; round++)
        {
          shuffle (order, world.n);
          for (guint i = 0; i < world.n; i++)
            sync_once (world.stores[order[i]], dir);
        }

      first = export_records (world.stores[0]);
      for (guint i = 0; i < world.n; i++)
        {
          g_autofree char *records = export_records (world.stores[i]);
          const char *path = ys_store_get_path (world.stores[i]);
          g_autoptr(YsSyncReport) report = NULL;

          if (g_strcmp0 (records, first) != 0)
            g_error ("world %u: database %u of %u differs:\n%s\n---\n%s", w, i, world.n,
                     first, records);
          g_assert_cmpint (ys_test_sql_int (path, "SELECT count(*) FROM workflows"
                                                  " WHERE deleted = 0 AND archived = 0"), <=, 3);

          /* And then they stay still: a file written in the last round
           * may still be read, but it brings nothing and nobody writes. */
          report = sync_ok (world.stores[i], dir);
          for (guint f = 0; f < report->files->len; f++)
            {
              const YsSyncFile *file = report->files->pdata[f];
              const YsImportResult *counts = &file->counts;

              g_assert_cmpint (file->outcome, ==, YS_SYNC_MERGED);
              g_assert_cmpuint (counts->workflows.added + counts->workflows.updated +
                                counts->tools.added + counts->tools.updated +
                                counts->runs.added + counts->runs.updated +
                                counts->feedback.added + counts->feedback.updated +
                                counts->archived_on_import, ==, 0);
            }
          g_assert_false (report->wrote_own);
        }
      /* After which nothing is even read. */
      for (guint i = 0; i < world.n; i++)
        {
          g_autoptr(YsSyncReport) report = sync_ok (world.stores[i], dir);

          g_assert_cmpuint (report->merged, ==, 0);
          g_assert_cmpuint (report->unchanged, ==, world.n - 1);
          g_assert_false (report->wrote_own);
        }

      g_test_message ("world %u: %u databases, %u ties", w, world.n, world.ties);
      total_ties += world.ties;
      for (guint i = 0; i < world.n; i++)
        g_object_unref (world.stores[i]);
      g_hash_table_unref (world.edits);
    }

  /* The test would prove little if no two computers ever tied. */
  g_assert_cmpuint (total_ties, >, 0);
}

/* Files that are not whole bundles --------------------------------------------- */

static char *
bundle_of (YsStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();

  g_assert_true (ys_bundle_export (store, YS_BUNDLE_EVERYTHING, out, NULL, &error));
  g_assert_true (g_output_stream_write_all (out, "", 1, NULL, NULL, NULL));
  g_assert_true (g_output_stream_close (out, NULL, NULL));
  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (out));
}

static void
test_skipped_files (void)
{
  g_autofree char *dir = new_dir ("skipped");
  g_autofree char *folder = g_build_filename (dir, "Team", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(YsStore) a = open_store (dir, "a", BASE_TIME);
  g_autoptr(YsStore) b = open_store (dir, "b", BASE_TIME);
  g_autoptr(YsSyncReport) report = NULL;
  g_autofree char *whole = NULL;
  g_autofree char *newer = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_auto(YsSyncStatus) status = { 0 };
  const YsSyncFile *file;
  Steps steps = { 0 };

  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  g_assert_true (ys_demo_fill (a, &error));
  g_assert_no_error (error);
  whole = bundle_of (a);
  newer = g_strdup (whole);
  memcpy (strstr (newer, "\"version\": 1"), "\"version\": 2", 12);

  /* Still arriving, not a bundle, not JSON, from a newer Yardstick, and
   * not even a file. */
  write_file (folder, "yardstick-11111111-2222-4333-8444-555555555555.json", whole,
              strlen (whole) / 2);
  write_file (folder, "notes.json", "{\"hello\": \"world\"}", -1);
  write_file (folder, "list.json", "[1, 2, 3]", -1);
  /* A megabyte of picture: its reading stops at the first byte, which
   * must not look like a file that changed while it was read. */
  {
    g_autofree char *picture = g_malloc0 (1024 * 1024);

    memcpy (picture, "\x89PNG\r\n", 6);
    write_file (folder, "garbage.json", picture, 1024 * 1024);
  }
  write_file (folder, "yardstick-66666666-7777-4888-8999-000000000000.json", newer, -1);
  {
    g_autofree char *sub = g_build_filename (folder, "old.json", NULL);
    g_assert_cmpint (g_mkdir (sub, 0755), ==, 0);
  }
  /* Not looked at: another program's temporary file, other kinds. */
  write_file (folder, ".yardstick-66666666-7777-4888-8999-000000000000.json-AbC123", "{", -1);
  write_file (folder, "README.txt", "hello", -1);

  before = export_records (b);
  report = sync_ok (b, folder);
  after = export_records (b);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpuint (report->merged, ==, 0);
  g_assert_cmpuint (report->skipped, ==, 6);
  g_assert_true (report->wrote_own);

  file = get_file (report, "yardstick-11111111-2222-4333-8444-555555555555.json");
  g_assert_cmpint (file->outcome, ==, YS_SYNC_SKIPPED);
  g_assert_true (g_str_has_prefix (file->problem, "yardstick-11111111-2222-4333-8444-555555555555.json: "));
  g_assert_nonnull (strstr (get_file (report, "notes.json")->problem, "not a Yardstick bundle"));
  g_assert_nonnull (strstr (get_file (report, "list.json")->problem, "not a Yardstick bundle"));
  g_assert_cmpstr (get_file (report, "garbage.json")->problem, ==,
                   "garbage.json: not valid UTF-8 text (at byte 0)");
  g_assert_nonnull (strstr (get_file (report,
    "yardstick-66666666-7777-4888-8999-000000000000.json")->problem, "newer Yardstick"));
  g_assert_nonnull (strstr (get_file (report, "old.json")->problem, "not a file"));
  g_assert_null (find_file (report, "README.txt"));

  /* Listed, with when they first failed. */
  g_assert_true (ys_sync_get_status (b, &status, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (status.problems->len, ==, 6);
  g_assert_cmpint (((YsSyncProblem *) status.problems->pdata[0])->failing_since, ==, BASE_TIME);
  g_assert_cmpuint (status.computers, ==, 0);
  ys_sync_status_clear (&status);

  /* Tried again at every sync, still failing since the first time. */
  set_now (b, BASE_TIME + SECONDS (3600));
  g_clear_pointer (&report, ys_sync_report_free);
  report = sync_counting (b, folder, &steps);
  g_assert_cmpuint (report->skipped, ==, 6);
  g_assert_cmpuint (steps.opened, ==, 5);
  g_assert_true (ys_sync_get_status (b, &status, &error));
  g_assert_cmpint (((YsSyncProblem *) status.problems->pdata[0])->failing_since, ==, BASE_TIME);
  ys_sync_status_clear (&status);

  /* The file finishes arriving: it is merged, and no longer listed. */
  write_file (folder, "yardstick-11111111-2222-4333-8444-555555555555.json", whole, -1);
  g_clear_pointer (&report, ys_sync_report_free);
  report = sync_ok (b, folder);
  g_assert_cmpuint (report->merged, ==, 1);
  g_assert_cmpuint (report->skipped, ==, 5);
  g_free (after);
  after = export_records (b);
  g_free (before);
  before = export_records (a);
  g_assert_cmpstr (after, ==, before);
  g_assert_true (ys_sync_get_status (b, &status, &error));
  g_assert_cmpuint (status.problems->len, ==, 5);
  g_assert_cmpuint (status.computers, ==, 1);
  g_assert_cmpint (status.synced_at, ==, BASE_TIME + SECONDS (3600));
}

/* A bundle the merge refuses (a run of a workflow nobody has) is skipped
 * alone; the files beside it are merged. */
static void
test_refused_reference (void)
{
  g_autofree char *dir = new_dir ("reference");
  g_autoptr(GError) error = NULL;
  g_autoptr(YsStore) a = open_store (dir, "a", BASE_TIME);
  g_autoptr(YsStore) b = open_store (dir, "b", BASE_TIME);
  g_autoptr(YsSyncReport) report = NULL;
  g_autofree char *a_records = NULL;
  g_autofree char *b_records = NULL;
  const YsSyncFile *orphan;
  Steps steps = { 0 };

  g_assert_true (ys_demo_fill (a, &error));
  g_assert_no_error (error);
  sync_once (a, dir);
  write_file (dir, "orphan.json",
              "{\"format\": \"yardstick-bundle\", \"version\": 1, \"runs\": [{\"id\": \"" R1 "\","
              " \"workflow\": \"" W1 "\", \"mode\": \"without-ai\", \"tool\": null,"
              " \"started_at\": \"2026-11-02T09:00:00Z\", \"duration_seconds\": 600,"
              " \"corrections\": 0, \"used\": null, \"note\": \"\","
              " \"updated_at\": \"2026-11-02T13:00:00Z\", \"deleted\": false}]}", -1);

  report = sync_ok (b, dir);
  g_assert_cmpuint (report->merged, ==, 1);
  g_assert_cmpuint (report->skipped, ==, 1);
  orphan = get_file (report, "orphan.json");
  g_assert_cmpint (orphan->outcome, ==, YS_SYNC_SKIPPED);
  g_assert_cmpstr (orphan->problem, ==, "orphan.json: runs[0].workflow: no workflow with id " W1
                                        " in the bundle or the database");
  a_records = export_records (a);
  b_records = export_records (b);
  g_assert_cmpstr (a_records, ==, b_records);

  /* Read again at the next sync, and still refused. */
  g_clear_pointer (&report, ys_sync_report_free);
  report = sync_counting (b, dir, &steps);
  g_assert_cmpuint (steps.opened, ==, 1);
  g_assert_cmpuint (report->skipped, ==, 1);
}

/* A conflict copy is one more bundle: merging it changes nothing that the
 * newer edits hold. */
static void
test_conflict_copy (void)
{
  g_autofree char *dir = new_dir ("conflict");
  g_autoptr(GError) error = NULL;
  g_autoptr(YsStore) a = open_store (dir, "a", BASE_TIME);
  g_autoptr(YsStore) b = open_store (dir, "b", BASE_TIME);
  g_autoptr(YsSyncReport) report = NULL;
  g_autoptr(YsWorkflow) workflow = NULL;
  g_autofree char *old_text = NULL;
  g_autofree char *conflict = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *stem = NULL;
  gsize length;

  workflow = ys_store_add_workflow (a, "Intake summary", "old", 2, &error);
  g_assert_no_error (error);
  report = sync_ok (a, dir);
  {
    g_autofree char *path = own_path (report);
    old_text = read_file (path, &length);
  }
  stem = g_strndup (report->own_name, strlen (report->own_name) - strlen (".json"));
  set_now (a, BASE_TIME + G_USEC_PER_SEC);
  g_assert_true (ys_store_update_workflow (a, ys_workflow_get_id (workflow), "Intake summary",
                                           "new", 2, &error));
  g_clear_pointer (&report, ys_sync_report_free);
  report = sync_ok (a, dir);
  g_assert_true (report->wrote_own);
  g_clear_pointer (&report, ys_sync_report_free);
  report = sync_ok (b, dir);

  /* The sync service kept the older version beside the newer one, with
   * the names Nextcloud and Dropbox give such copies. */
  before = export_records (b);
  conflict = g_strdup_printf ("%s (conflicted copy 2026-11-02 091500).json", stem);
  write_file (dir, conflict, old_text, length);
  g_free (conflict);
  conflict = g_strdup_printf ("%s (Computer's conflicted copy 2026-11-02).json", stem);
  write_file (dir, conflict, old_text, length);

  g_clear_pointer (&report, ys_sync_report_free);
  report = sync_ok (b, dir);
  g_assert_cmpuint (report->merged, ==, 2);
  g_assert_cmpuint (report->skipped, ==, 0);
  g_assert_cmpuint (((YsSyncFile *) report->files->pdata[0])->counts.workflows.updated, ==, 0);
  g_assert_false (report->wrote_own);
  after = export_records (b);
  g_assert_cmpstr (after, ==, before);
  g_assert_nonnull (strstr (after, "\"description\":\"new\""));

  /* A conflict copy is not another computer. */
  {
    g_auto(YsSyncStatus) status = { 0 };

    g_assert_true (ys_sync_get_status (b, &status, &error));
    g_assert_cmpuint (status.computers, ==, 1);
  }
}

/* The folder goes (a network drive unmounted) while a sync reads it. */
typedef struct
{
  const char *folder;
  const char *moved;
} Move;

static void
move_folder (gpointer data)
{
  Move *move = data;

  g_assert_cmpint (g_rename (move->folder, move->moved), ==, 0);
}

static void
test_folder_vanishes (void)
{
  g_autofree char *dir = new_dir ("vanish");
  g_autofree char *folder = g_build_filename (dir, "Team", NULL);
  g_autofree char *moved = g_build_filename (dir, "Elsewhere", NULL);
  g_autoptr(GError) error = NULL;
  YsStore *stores[3] = { NULL };
  g_autoptr(YsSyncReport) report = NULL;
  g_autofree char *first = NULL;
  Move move = { folder, moved };
  Steps steps = { 0 };

  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *name = g_strdup_printf ("db%u", i);
      g_autofree char *workflow = g_strdup_printf ("Workflow %u", i);
      g_autoptr(YsWorkflow) added = NULL;

      stores[i] = open_store (dir, name, BASE_TIME);
      added = ys_store_add_workflow (stores[i], workflow, "", 1, &error);
      g_assert_no_error (error);
      if (i > 0)
        sync_once (stores[i], folder);
    }

  /* Gone after the first file was read. */
  steps.at_read = move_folder;
  steps.at_read_data = &move;
  ys_step_set_func (on_step, &steps);
  report = ys_sync_run (stores[0], folder, NULL, &error);
  ys_step_set_func (NULL, NULL);
  g_assert_null (report);
  g_assert_error (error, YS_ERROR, YS_ERROR_FOLDER);
  g_assert_nonnull (strstr (error->message, folder));
  g_clear_error (&error);
  /* What was read is merged: at least the first file's workflow. */
  ys_test_assert_integrity (ys_store_get_path (stores[0]));
  g_assert_cmpint (ys_test_sql_int (ys_store_get_path (stores[0]),
                                    "SELECT count(*) FROM workflows"), >=, 2);

  /* Not there at all: nothing to read, nothing changes. */
  report = ys_sync_run (stores[0], folder, NULL, &error);
  g_assert_null (report);
  g_assert_error (error, YS_ERROR, YS_ERROR_FOLDER);
  g_assert_nonnull (strstr (error->message, "cannot be read"));
  g_clear_error (&error);

  /* Back again: everyone ends with everything. */
  g_assert_cmpint (g_rename (moved, folder), ==, 0);
  for (guint round = 0; round < 2; round++)
    for (guint i = 0; i < 3; i++)
      sync_once (stores[i], folder);
  first = export_records (stores[0]);
  for (guint i = 1; i < 3; i++)
    {
      g_autofree char *records = export_records (stores[i]);
      g_assert_cmpstr (records, ==, first);
    }
  g_assert_cmpint (ys_test_sql_int (ys_store_get_path (stores[0]),
                                    "SELECT count(*) FROM workflows"), ==, 3);
  for (guint i = 0; i < 3; i++)
    g_object_unref (stores[i]);
}

static void
test_read_only_folder (void)
{
  g_autofree char *dir = new_dir ("read-only");
  g_autofree char *folder = g_build_filename (dir, "Team", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(YsStore) a = open_store (dir, "a", BASE_TIME);
  g_autoptr(YsStore) b = open_store (dir, "b", BASE_TIME);
  g_autoptr(YsSyncReport) report = NULL;
  g_autoptr(YsWorkflow) workflow = NULL;
  g_autoptr(GDir) listing = NULL;
  guint n = 0;

  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  workflow = ys_store_add_workflow (a, "Intake summary", "", 2, &error);
  g_assert_no_error (error);
  sync_once (a, folder);

  /* B can read the folder but not write to it: A's file is merged, and the
   * sync fails only for B's own file. */
  g_assert_cmpint (g_chmod (folder, 0555), ==, 0);
  report = ys_sync_run (b, folder, NULL, &error);
  g_assert_null (report);
  g_assert_error (error, YS_ERROR, YS_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, "read-only"));
  g_clear_error (&error);
  g_assert_cmpint (ys_test_sql_int (ys_store_get_path (b), "SELECT count(*) FROM workflows"), ==, 1);

  listing = g_dir_open (folder, 0, NULL);
  while (g_dir_read_name (listing) != NULL)
    n++;
  g_assert_cmpuint (n, ==, 1);

  /* Writable again: B's file goes there at the next sync. */
  g_assert_cmpint (g_chmod (folder, 0755), ==, 0);
  report = sync_ok (b, folder);
  g_assert_true (report->wrote_own);
  g_assert_cmpuint (report->unchanged, ==, 1);
}

/* Another program replaces a file, or writes into it, while it is read. */
typedef struct
{
  const char *path;
  const char *text;
  gboolean in_place;
} Replace;

static void
replace_file (gpointer data)
{
  Replace *replace = data;

  if (replace->in_place)
    {
      FILE *f = fopen (replace->path, "w");

      g_assert_nonnull (f);
      g_assert_cmpint (fputs (replace->text, f), >=, 0);
      g_assert_cmpint (fclose (f), ==, 0);
    }
  else
    {
      g_autoptr(GError) error = NULL;

      /* g_file_set_contents() writes a new file and renames it over. */
      g_assert_true (g_file_set_contents (replace->path, replace->text, -1, &error));
      g_assert_no_error (error);
    }
}

static void
test_replaced_while_read (void)
{
  g_autofree char *dir = new_dir ("replaced");
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(YsStore) a = open_store (dir, "a", BASE_TIME);
  g_autoptr(YsStore) b = open_store (dir, "b", BASE_TIME);
  g_autoptr(YsStore) c = open_store (dir, "c", BASE_TIME);
  g_autoptr(YsSyncReport) report = NULL;
  g_autofree char *a_text = NULL;
  g_autofree char *c_text = NULL;
  g_autofree char *a_longer = NULL;
  g_autofree char *a_records = NULL;
  g_autofree char *b_records = NULL;
  Replace replace = { NULL, NULL, FALSE };
  Steps steps = { 0 };

  {
    g_autoptr(YsWorkflow) w1 = ys_store_add_workflow (a, "From A", "", 1, &error);
    g_autoptr(YsWorkflow) w2 = ys_store_add_workflow (c, "From C", "", 1, &error);
    g_assert_no_error (error);
  }
  a_text = bundle_of (a);
  c_text = bundle_of (c);
  write_file (dir, "shared.json", a_text, -1);
  path = g_build_filename (dir, "shared.json", NULL);

  /* Renamed over while open: what was opened is read whole, and the new
   * file is read at the next sync. */
  replace.path = path;
  replace.text = c_text;
  steps.at_open = replace_file;
  steps.at_open_data = &replace;
  report = sync_counting (b, dir, &steps);
  g_assert_cmpuint (report->merged, ==, 1);
  g_assert_cmpint (ys_test_sql_int (ys_store_get_path (b),
                                    "SELECT count(*) FROM workflows WHERE name = 'From A'"), ==, 1);
  g_assert_cmpint (ys_test_sql_int (ys_store_get_path (b), "SELECT count(*) FROM workflows"), ==, 1);
  g_clear_pointer (&report, ys_sync_report_free);
  report = sync_ok (b, dir);
  g_assert_cmpuint (report->merged, ==, 1);
  g_assert_cmpint (ys_test_sql_int (ys_store_get_path (b), "SELECT count(*) FROM workflows"), ==, 2);

  /* Written into while read: what was read may be a mix, so the file is
   * skipped this time, changing nothing, and read at the next sync. */
  write_file (dir, "shared.json", c_text, -1);
  g_clear_pointer (&report, ys_sync_report_free);
  report = sync_ok (b, dir);
  /* Longer than what was there, as a rewrite usually is. */
  a_longer = g_strconcat (a_text, "\n\n", NULL);
  replace.text = a_longer;
  replace.in_place = TRUE;
  steps.at_open = replace_file;
  {
    g_autoptr(YsStore) d = open_store (dir, "d", BASE_TIME);
    g_autoptr(YsSyncReport) first = sync_counting (d, dir, &steps);
    const YsSyncFile *file = get_file (first, "shared.json");

    g_assert_cmpint (file->outcome, ==, YS_SYNC_SKIPPED);
    g_assert_nonnull (strstr (file->problem, "changed while it was being read"));
    g_clear_pointer (&report, ys_sync_report_free);
    report = sync_ok (d, dir);
    g_assert_cmpint (get_file (report, "shared.json")->outcome, ==, YS_SYNC_MERGED);
    a_records = export_records (d);
    b_records = export_records (b);
    g_assert_cmpstr (a_records, ==, b_records);
  }
}

/* The own file --------------------------------------------------------------- */

static void
test_own_file (void)
{
  g_autofree char *dir = new_dir ("own");
  g_autofree char *copy_path = g_build_filename (dir, "copy.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(YsStore) a = open_store (dir, "a", BASE_TIME);
  g_autoptr(YsStore) copy = NULL;
  g_autoptr(YsSyncReport) report = NULL;
  g_autofree char *own = NULL;
  g_autofree char *text = NULL;
  g_autofree char *leftover = NULL;
  g_autofree char *records = NULL;

  {
    g_autoptr(YsWorkflow) workflow = ys_store_add_workflow (a, "Intake summary", "", 2, &error);
    g_assert_no_error (error);
  }
  report = sync_ok (a, dir);
  own = own_path (report);

  /* Removed by someone: written again, though nothing changed. */
  g_assert_cmpint (g_unlink (own), ==, 0);
  g_clear_pointer (&report, ys_sync_report_free);
  report = sync_ok (a, dir);
  g_assert_true (report->wrote_own);
  g_assert_true (g_file_test (own, G_FILE_TEST_EXISTS));

  /* What a sync killed part-way leaves is removed by the next. */
  leftover = g_strdup_printf ("%s%c.%s-XyZ123", dir, G_DIR_SEPARATOR, report->own_name);
  write_file (dir, strrchr (leftover, G_DIR_SEPARATOR) + 1, "{\"format\": \"yar", -1);
  g_clear_pointer (&report, ys_sync_report_free);
  report = sync_ok (a, dir);
  g_assert_false (report->wrote_own);
  g_assert_false (g_file_test (leftover, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_hidden (dir), ==, 0);

  /* A copy of the database has the same device id, so it writes the same
   * file: each finds the file is not the one it wrote, merges it, and
   * writes it anew, so neither loses the other's runs. */
  g_clear_object (&a);
  {
    g_autofree char *a_path = g_build_filename (dir, "a.db", NULL);
    ys_test_copy_file (a_path, copy_path);
  }
  a = open_store (dir, "a", BASE_TIME + G_USEC_PER_SEC);
  copy = ys_store_open (copy_path, &error);
  g_assert_no_error (error);
  {
    g_autoptr(YsWorkflow) w1 = ys_store_add_workflow (a, "Only in A", "", 1, &error);
    g_autoptr(YsWorkflow) w2 = ys_store_add_workflow (copy, "Only in the copy", "", 1, &error);
    g_assert_no_error (error);
  }
  g_clear_pointer (&report, ys_sync_report_free);
  report = sync_ok (a, dir);
  g_clear_pointer (&report, ys_sync_report_free);
  report = sync_ok (copy, dir);
  g_assert_cmpuint (report->merged, ==, 1);
  g_assert_cmpstr (((YsSyncFile *) report->files->pdata[0])->name, ==, report->own_name);
  g_assert_true (report->wrote_own);
  g_clear_pointer (&report, ys_sync_report_free);
  report = sync_ok (a, dir);
  g_assert_cmpint (ys_test_sql_int (ys_store_get_path (a), "SELECT count(*) FROM workflows"), ==, 3);
  records = export_records (a);
  text = export_records (copy);
  g_assert_cmpstr (records, ==, text);
}

/* Every change to records is counted, whichever path wrote it; nothing else. */
static void
test_counts_changes (void)
{
  g_autofree char *dir = new_dir ("changes");
  g_autofree char *bundle = g_build_filename (dir, "big.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(YsStore) a = open_store (dir, "a", BASE_TIME);
  g_autoptr(YsStore) b = open_store (dir, "b", BASE_TIME);
  g_autoptr(YsWorkflow) workflow = NULL;
  const char *changes = "SELECT changes FROM sync_state";
  gint64 before;
  g_autoptr(GString) runs = g_string_new (NULL);

  workflow = ys_store_add_workflow (a, "Intake summary", "", 2, &error);
  g_assert_no_error (error);
  before = ys_test_sql_int (ys_store_get_path (a), changes);
  g_assert_cmpint (before, >, 0);

  /* A timer is this computer's own business. */
  g_assert_true (ys_store_start_timer (a, ys_workflow_get_id (workflow), YS_MODE_WITHOUT_AI,
                                       NULL, &error));
  g_assert_true (ys_store_discard_timer (a, ys_workflow_get_id (workflow), &error));
  g_assert_no_error (error);
  g_assert_cmpint (ys_test_sql_int (ys_store_get_path (a), changes), ==, before);
  /* A sync that writes nothing new to records changes nothing either. */
  sync_once (a, dir);
  before = ys_test_sql_int (ys_store_get_path (a), changes);
  sync_once (a, dir);
  g_assert_cmpint (ys_test_sql_int (ys_store_get_path (a), changes), ==, before);

  /* An import large enough for the bulk path, which drops the triggers on
   * runs while it merges, still counts. */
  g_string_append_printf (runs, "{\"format\": \"yardstick-bundle\", \"version\": 1,"
                          " \"workflows\": [{\"id\": \"" W1 "\", \"name\": \"Bulk\","
                          " \"description\": \"\", \"people\": 1, \"archived\": false,"
                          " \"updated_at\": \"2026-11-01T10:00:00Z\", \"deleted\": false}],"
                          " \"runs\": [");
  for (guint i = 0; i < 6000; i++)
    g_string_append_printf (runs, "%s{\"id\": \"%08x-0000-4000-8000-000000000000\", \"workflow\": \"" W1 "\","
                            " \"mode\": \"without-ai\", \"tool\": null,"
                            " \"started_at\": \"2026-11-02T09:00:00Z\", \"duration_seconds\": %u,"
                            " \"corrections\": 0, \"used\": null, \"note\": \"\","
                            " \"updated_at\": \"2026-11-02T13:00:00Z\", \"deleted\": false}",
                            i ? "," : "", i, 60 + i);
  g_string_append (runs, "]}");
  before = ys_test_sql_int (ys_store_get_path (b), changes);
  g_assert_true (ys_bundle_import_data (b, "big.json", runs->str, runs->len, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ys_test_sql_int (ys_store_get_path (b), changes), >, before);
  /* The bulk path rebuilt the triggers, counting ones included. */
  g_assert_cmpint (ys_test_sql_int (ys_store_get_path (b),
                                    "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger'"
                                    " AND name LIKE 'sync_runs_%'"), ==, 3);
  before = ys_test_sql_int (ys_store_get_path (b), changes);
  g_assert_true (ys_store_delete_run (b, "00000000-0000-4000-8000-000000000000", &error));
  g_assert_no_error (error);
  g_assert_cmpint (ys_test_sql_int (ys_store_get_path (b), changes), >, before);
}

/* The app's way: files read, merged and written on a worker thread. */
typedef struct
{
  GMainLoop *loop;
  YsSyncReport *report;
  GError *error;
} Waiter;

static void
on_synced (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  Waiter *waiter = user_data;

  waiter->report = ys_sync_run_finish (YS_STORE (source), result, &waiter->error);
  g_main_loop_quit (waiter->loop);
}

/* Which threads the steps of a sync ran on: files are read, merged and
 * written away from the window's thread. */
typedef struct
{
  GMutex lock;
  GThread *caller;
  guint files_read_here;
  guint files_read_elsewhere;
  guint bytes_written_here;
  guint bytes_written_elsewhere;
  guint merged_here;
  guint merged_elsewhere;
} Threads;

static void
note_thread (const char *step,
             gpointer    user_data)
{
  Threads *threads = user_data;
  gboolean here = g_thread_self () == threads->caller;

  g_mutex_lock (&threads->lock);
  if (g_str_equal (step, "sync-file-read"))
    here ? threads->files_read_here++ : threads->files_read_elsewhere++;
  else if (g_str_equal (step, "bytes-written"))
    here ? threads->bytes_written_here++ : threads->bytes_written_elsewhere++;
  else if (g_str_equal (step, "merged"))
    here ? threads->merged_here++ : threads->merged_elsewhere++;
  g_mutex_unlock (&threads->lock);
}

static void
count_changes (guint *changes)
{
  (*changes)++;
}

static void
test_async (void)
{
  g_autofree char *dir = new_dir ("async");
  g_autoptr(GError) error = NULL;
  g_autoptr(YsStore) a = open_store (dir, "a", BASE_TIME);
  g_autoptr(YsStore) b = open_store (dir, "b", BASE_TIME);
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autofree char *a_records = NULL;
  g_autofree char *b_records = NULL;
  Waiter waiter = { loop, NULL, NULL };

  g_assert_true (ys_demo_fill (a, &error));
  g_assert_no_error (error);
  sync_once (a, dir);

  {
    Threads threads = { .caller = g_thread_self () };
    guint changes = 0;
    gulong handler;

    g_assert_cmpuint (g_list_model_get_n_items (ys_store_get_workflows (b)), ==, 0);
    handler = g_signal_connect_swapped (b, "changed", G_CALLBACK (count_changes), &changes);
    g_mutex_init (&threads.lock);
    ys_step_set_func (note_thread, &threads);
    ys_sync_run_async (b, dir, NULL, on_synced, &waiter);
    g_main_loop_run (loop);
    ys_step_set_func (NULL, NULL);
    g_mutex_clear (&threads.lock);

    g_assert_no_error (waiter.error);
    g_assert_cmpuint (waiter.report->merged, ==, 1);
    g_assert_true (waiter.report->wrote_own);
    ys_sync_report_free (waiter.report);

    /* B's own models show what the worker's connection merged, as soon
     * as the sync is over: the demo's three workflows and three tools. */
    g_assert_cmpuint (changes, ==, 1);
    g_assert_cmpuint (g_list_model_get_n_items (ys_store_get_workflows (b)), ==, 3);
    g_assert_cmpuint (g_list_model_get_n_items (ys_store_get_tools (b)), ==, 3);
    g_signal_handler_disconnect (b, handler);

    /* A's file read, merged and B's written, all on a worker: a first
     * sync of many files never holds up the window. */
    g_assert_cmpuint (threads.files_read_here, ==, 0);
    g_assert_cmpuint (threads.files_read_elsewhere, ==, 1);
    g_assert_cmpuint (threads.bytes_written_here, ==, 0);
    g_assert_cmpuint (threads.bytes_written_elsewhere, >, 0);
    g_assert_cmpuint (threads.merged_here, ==, 0);
    g_assert_cmpuint (threads.merged_elsewhere, ==, 1);
  }
  a_records = export_records (a);
  b_records = export_records (b);
  g_assert_cmpstr (a_records, ==, b_records);

  /* A folder that is not there is an error, as from ys_sync_run(). */
  {
    g_autofree char *missing = g_build_filename (dir, "missing", NULL);

    ys_sync_run_async (b, missing, NULL, on_synced, &waiter);
    g_main_loop_run (loop);
    g_assert_null (waiter.report);
    g_assert_error (waiter.error, YS_ERROR, YS_ERROR_FOLDER);
    g_clear_error (&waiter.error);
  }
}

/* When the app syncs --------------------------------------------------------- */

typedef struct
{
  GMainLoop *loop;
  guint synced;
  gboolean finished;
} Events;

static void
on_team_synced (YsTeamFolder *team,
                Events       *events)
{
  events->synced++;
  g_main_loop_quit (events->loop);
}

static gboolean
too_long (gpointer user_data)
{
  g_error ("nothing happened for ten seconds");
  return G_SOURCE_REMOVE;
}

/* Runs the loop until the next sync has ended. */
static void
wait_for_sync (Events *events)
{
  guint before = events->synced;
  guint guard = g_timeout_add_seconds (10, too_long, NULL);

  while (events->synced == before)
    g_main_loop_run (events->loop);
  g_source_remove (guard);
}

/* Lets a sync under way (one the folder's monitor or a change started)
 * end, then runs one that starts now and sees the folder as it is. */
static void
sync_now_and_wait (YsTeamFolder *team,
                   Events       *events)
{
  while (ys_team_folder_get_syncing (team))
    wait_for_sync (events);
  ys_team_folder_sync_now (team);
  wait_for_sync (events);
}

static void
on_finished (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  Events *events = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (ys_team_folder_finish_finish (YS_TEAM_FOLDER (source), result, &error));
  g_assert_no_error (error);
  events->finished = TRUE;
  g_main_loop_quit (events->loop);
}

static GSettings *
memory_settings (void)
{
  g_autoptr(GSettingsBackend) backend = g_memory_settings_backend_new ();

  return g_settings_new_with_backend (APP_ID, backend);
}

static void
test_when_the_app_syncs (void)
{
  g_autofree char *dir = new_dir ("app");
  g_autofree char *folder = g_build_filename (dir, "Team", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(YsStore) a = open_store (dir, "a", BASE_TIME);
  g_autoptr(YsStore) b = open_store (dir, "b", BASE_TIME);
  g_autoptr(GSettings) settings = memory_settings ();
  g_autoptr(YsTeamFolder) team = NULL;
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  const YsSyncReport *report;
  Events events = { loop, 0, FALSE };

  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);

  /* No folder chosen: nothing to do. */
  team = ys_team_folder_new (a, settings);
  ys_team_folder_set_delays (team, 20, 20, 60 * 1000);
  g_signal_connect (team, "synced", G_CALLBACK (on_team_synced), &events);
  g_assert_null (ys_team_folder_get_path (team));
  ys_team_folder_start (team);
  g_assert_false (ys_team_folder_get_syncing (team));

  /* A folder is chosen: a first sync writes A's file. */
  g_settings_set_string (settings, "team-folder", folder);
  g_assert_cmpstr (ys_team_folder_get_path (team), ==, folder);
  g_assert_true (ys_team_folder_get_syncing (team));
  wait_for_sync (&events);
  report = ys_team_folder_get_last_report (team);
  g_assert_nonnull (report);
  g_assert_true (report->wrote_own);
  {
    g_autofree char *line = ys_team_folder_describe (team, NULL, &error);
    g_assert_cmpstr (line, ==, "No other computer’s file in the team folder yet, just now");
  }

  /* One sync at a time: asked for three times, one starts and one more
   * follows it, whatever was asked for meanwhile. */
  ys_team_folder_sync_now (team);
  g_assert_true (ys_team_folder_get_syncing (team));
  ys_team_folder_sync_now (team);
  ys_team_folder_sync_now (team);
  wait_for_sync (&events);
  g_assert_true (ys_team_folder_get_syncing (team));
  wait_for_sync (&events);
  g_assert_false (ys_team_folder_get_syncing (team));

  /* With nothing happening, a sync comes round all the same (a monitor
   * may stay silent): every 15 minutes, here 30 ms. */
  ys_team_folder_set_delays (team, 20, 20, 30);
  wait_for_sync (&events);
  ys_team_folder_set_delays (team, 20, 20, 60 * 1000);
  while (ys_team_folder_get_syncing (team))
    wait_for_sync (&events);

  /* A change here goes out a moment later. */
  {
    g_autoptr(YsWorkflow) workflow = ys_store_add_workflow (a, "Intake summary", "", 2, &error);
    g_assert_no_error (error);
  }
  wait_for_sync (&events);
  report = ys_team_folder_get_last_report (team);
  g_assert_true (report->wrote_own);
  g_assert_cmpuint (report->merged, ==, 0);

  /* Another computer's file arrives: merged a moment later. */
  {
    g_autoptr(YsWorkflow) workflow = ys_store_add_workflow (b, "Policy brief", "", 2, &error);
    g_assert_no_error (error);
    sync_once (b, folder);
  }
  wait_for_sync (&events);
  report = ys_team_folder_get_last_report (team);
  g_assert_cmpuint (report->merged, ==, 1);
  g_assert_cmpint (ys_test_sql_int (ys_store_get_path (a), "SELECT count(*) FROM workflows"), ==, 2);

  /* The overview's line counts the other computers, never names them. */
  {
    g_autofree char *now = ys_team_folder_describe (team, NULL, &error);
    g_autofree char *later = NULL;
    g_autofree char *next_day = NULL;
    g_autofree char *half = g_build_filename (folder, "half.json", NULL);
    guint long_failures = 0;

    g_assert_cmpstr (now, ==, "In step with 1 other computer, just now");
    set_now (a, BASE_TIME + SECONDS (2 * 60 + 59));
    later = ys_team_folder_describe (team, &long_failures, &error);
    g_assert_cmpstr (later, ==, "In step with 1 other computer, 2 minutes ago");
    g_assert_cmpuint (long_failures, ==, 0);

    /* A file skipped for a day: the app offers to show the folder. */
    write_file (folder, "half.json", "{\"format\":", -1);
    sync_now_and_wait (team, &events);
    set_now (a, BASE_TIME + SECONDS (2 * 60 + 59) + SECONDS (24 * 3600));
    next_day = ys_team_folder_describe (team, &long_failures, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (next_day, ==, "In step with 1 other computer, 1 day ago; "
                                   "1 file in the folder has not been readable for a day");
    g_assert_cmpuint (long_failures, ==, 1);
    {
      g_auto(YsSyncStatus) status = { 0 };

      g_assert_true (ys_team_folder_get_status (team, &status, &error));
      g_assert_cmpuint (status.problems->len, ==, 1);
      g_assert_cmpuint (ys_team_folder_days_failing (team, status.problems->pdata[0]), ==, 1);
    }
    /* Failing since that first sync, not since the last one: a second
     * day later, two days. */
    sync_now_and_wait (team, &events);
    set_now (a, BASE_TIME + SECONDS (2 * 60 + 59) + SECONDS (2 * 24 * 3600));
    g_clear_pointer (&next_day, g_free);
    next_day = ys_team_folder_describe (team, &long_failures, &error);
    g_assert_cmpstr (next_day, ==, "In step with 1 other computer, 1 day ago; "
                                   "1 file in the folder has not been readable for a day");
    {
      g_auto(YsSyncStatus) status = { 0 };

      g_assert_true (ys_team_folder_get_status (team, &status, &error));
      g_assert_cmpuint (ys_team_folder_days_failing (team, status.problems->pdata[0]), ==, 2);
    }

    /* A folder made read-only: the others' files are still merged, but a
     * change here cannot go out, and the line says so (not "cannot be
     * reached"); writable again, it goes out. */
    {
      g_autoptr(YsTool) tool = ys_store_add_tool (a, "Claude", &error);
      g_autofree char *line = NULL;

      g_assert_no_error (error);
      g_assert_cmpint (g_chmod (folder, 0555), ==, 0);
      sync_now_and_wait (team, &events);
      g_assert_error ((GError *) ys_team_folder_get_last_error (team), YS_ERROR,
                      YS_ERROR_READ_ONLY);
      line = ys_team_folder_describe (team, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (line, ==, "The team folder is read-only, so this computer’s changes cannot "
                                 "reach the others; last in step 1 day ago; 1 file in the folder "
                                 "has not been readable for a day");
      g_assert_cmpint (g_chmod (folder, 0755), ==, 0);
      sync_now_and_wait (team, &events);
      g_assert_null (ys_team_folder_get_last_error (team));
      /* The change is out. Which sync wrote it does not matter: the new
       * tool asked for a sync while the failing one ran, so another began
       * as soon as that one ended, with the folder still read-only; its
       * worker may reach the write after the chmod back and write the
       * file, and then the sync run here finds nothing left to write. */
      {
        gboolean unwritten = TRUE;
        g_autofree char *own = ys_sync_get_own_name (a);
        g_autofree char *own_file = g_build_filename (folder, own, NULL);
        g_autofree char *contents = NULL;

        g_assert_true (ys_sync_has_unwritten_changes (a, &unwritten, &error));
        g_assert_no_error (error);
        g_assert_false (unwritten);
        g_assert_true (g_file_get_contents (own_file, &contents, NULL, NULL));
        g_assert_nonnull (strstr (contents, "Claude"));
      }
    }
    g_assert_cmpint (g_unlink (half), ==, 0);
  }

  /* What that merge changed went out in the same sync: quitting now has
   * nothing left to write, and returns without a sync (once the one the
   * folder's changes may have started is over). */
  while (ys_team_folder_get_syncing (team))
    wait_for_sync (&events);
  events.synced = 0;
  ys_team_folder_finish (team, on_finished, &events);
  while (!events.finished)
    g_main_loop_run (loop);
  g_assert_cmpuint (events.synced, ==, 0);
  g_clear_object (&team);

  /* A change just before quitting goes out before the app stops. */
  events.finished = FALSE;
  team = ys_team_folder_new (a, settings);
  g_signal_connect (team, "synced", G_CALLBACK (on_team_synced), &events);
  {
    g_autoptr(YsWorkflow) workflow = ys_store_add_workflow (a, "Grant report", "", 2, &error);
    g_assert_no_error (error);
  }
  ys_team_folder_finish (team, on_finished, &events);
  while (!events.finished)
    g_main_loop_run (loop);
  g_assert_cmpuint (events.synced, ==, 1);
  g_assert_true (ys_team_folder_get_last_report (team)->wrote_own);
  sync_once (b, folder);
  g_assert_cmpint (ys_test_sql_int (ys_store_get_path (b), "SELECT count(*) FROM workflows"), ==, 3);
  g_clear_object (&team);

  /* Switched off: the folder is kept, and nothing is synced. */
  g_settings_set_boolean (settings, "team-folder-enabled", FALSE);
  team = ys_team_folder_new (a, settings);
  g_assert_null (ys_team_folder_get_path (team));
  ys_team_folder_start (team);
  g_assert_false (ys_team_folder_get_syncing (team));
  {
    g_autofree char *kept = g_settings_get_string (settings, "team-folder");
    g_assert_cmpstr (kept, ==, folder);
  }
}

/* The folder as Preferences shows it: from the home folder with "~", and
 * for a document-portal path under Flatpak, where it really is (the portal
 * says so in an extended attribute) or its name. */
static void
test_folder_as_shown (void)
{
  g_autofree char *home = g_build_filename (tmp_dir, "home", NULL);
  g_autofree char *runtime = g_build_filename (tmp_dir, "runtime", NULL);
  g_autofree char *nextcloud = g_build_filename (home, "Nextcloud", "Team", NULL);
  g_autofree char *beside = g_strconcat (home, "2", G_DIR_SEPARATOR_S, "Team", NULL);
  g_autofree char *portal = g_build_filename (runtime, "doc", "3f2a1b7c", "Team", NULL);
  g_autofree char *shown = NULL;
  g_autofree char *host = g_strdup ("/srv/Shared/Yardstick team");

  /* The environment main() set is the one GLib uses. */
  g_assert_cmpstr (g_get_home_dir (), ==, home);
  g_assert_cmpstr (g_get_user_runtime_dir (), ==, runtime);

  shown = ys_team_folder_display_path (nextcloud);
  g_assert_cmpstr (shown, ==, "~/Nextcloud/Team");
  g_clear_pointer (&shown, g_free);
  shown = ys_team_folder_display_path (home);
  g_assert_cmpstr (shown, ==, "~");
  g_clear_pointer (&shown, g_free);
  /* Not in the home folder, only beginning with the same letters. */
  shown = ys_team_folder_display_path (beside);
  g_assert_cmpstr (shown, ==, beside);
  g_clear_pointer (&shown, g_free);
  shown = ys_team_folder_display_path ("/srv/Shared/Team");
  g_assert_cmpstr (shown, ==, "/srv/Shared/Team");
  g_clear_pointer (&shown, g_free);

  g_assert_cmpint (g_mkdir_with_parents (portal, 0700), ==, 0);
  shown = ys_team_folder_display_path (portal);
  g_assert_cmpstr (shown, ==, "Team");
  g_clear_pointer (&shown, g_free);

  /* Not every file system keeps user attributes (tmpfs before Linux 6.6). */
  if (setxattr (portal, "user.document-portal.host-path", host, strlen (host), 0) == 0)
    {
      shown = ys_team_folder_display_path (portal);
      g_assert_cmpstr (shown, ==, host);
    }
  else
    g_test_message ("no user attributes here: %s", g_strerror (errno));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *command = NULL;
  int status;

  g_setenv ("TZ", "Europe/Berlin", TRUE);
  /* --staged: every bundle read goes to disk (tests/meson.build). */
  for (int i = 1; i < argc; i++)
    if (g_str_equal (argv[i], "--staged"))
      {
        ys_bundle_memory_limit = 0;
        memmove (argv + i, argv + i + 1, (argc - i) * sizeof *argv);
        argc--;
        break;
      }
  tmp_dir = g_dir_make_tmp ("ys-sync-XXXXXX", &error);
  g_assert_no_error (error);
  /* Before GLib reads them once and for all. */
  {
    g_autofree char *home = g_build_filename (tmp_dir, "home", NULL);
    g_autofree char *runtime = g_build_filename (tmp_dir, "runtime", NULL);

    g_setenv ("HOME", home, TRUE);
    g_setenv ("XDG_RUNTIME_DIR", runtime, TRUE);
  }
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sync/two-computers", test_two_computers);
  g_test_add_func ("/sync/tie-and-tombstone", test_tie_and_tombstone);
  g_test_add_func ("/sync/converges", test_converges);
  g_test_add_func ("/sync/skipped-files", test_skipped_files);
  g_test_add_func ("/sync/refused-reference", test_refused_reference);
  g_test_add_func ("/sync/conflict-copy", test_conflict_copy);
  g_test_add_func ("/sync/folder-vanishes", test_folder_vanishes);
  g_test_add_func ("/sync/read-only-folder", test_read_only_folder);
  g_test_add_func ("/sync/replaced-while-read", test_replaced_while_read);
  g_test_add_func ("/sync/own-file", test_own_file);
  g_test_add_func ("/sync/counts-changes", test_counts_changes);
  g_test_add_func ("/sync/async", test_async);
  g_test_add_func ("/sync/when-the-app-syncs", test_when_the_app_syncs);
  g_test_add_func ("/sync/folder-as-shown", test_folder_as_shown);

  status = g_test_run ();
  command = g_strdup_printf ("chmod -R u+w '%s' && rm -rf '%s'", tmp_dir, tmp_dir);
  if (system (command) != 0)
    g_warning ("Could not remove %s", tmp_dir);
  g_free (tmp_dir);
  return status;
}
