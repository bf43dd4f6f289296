/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "ys-figures-view.h"
#include "ys-store.h"
#include "ys-tracker-import.h"

/* A tracker's history in the app: the figures say how many runs came from
 * it. */

typedef struct
{
  char *dir;
  YsStore *store;
  char *workflow_id;
} Fixture;

/* Three entries of a Toggl Track export, 2 h 30, 45 min and 20 min. */
static const char toggl_export[] =
  "\xEF\xBB\xBFUser,Email,Client,Project,Task,Description,Billable,Start date,Start time,"
  "End date,End time,Duration,Tags,Amount (USD)\r\n"
  "Ada Lovelace,ada@example.org,,Grant report,,Budget,No,2026-03-02,09:00:00,2026-03-02,"
  "11:30:00,02:30:00,,\r\n"
  "Ada Lovelace,ada@example.org,,Grant report,,Narrative,No,2026-03-03,09:00:00,2026-03-03,"
  "09:45:00,00:45:00,,\r\n"
  "Ada Lovelace,ada@example.org,,Grant report,,Tables,No,2026-03-04,09:00:00,2026-03-04,"
  "09:20:00,00:20:00,,\r\n";

static void
spin (void)
{
  for (int i = 0; i < 50; i++)
    while (g_main_context_iteration (NULL, FALSE))
      ;
}

static gboolean
on_wait_timeout (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until @condition holds; fails after ten seconds. */
#define wait_until(condition) \
  G_STMT_START { \
    gboolean timed_out_ = FALSE; \
    guint timeout_id_ = g_timeout_add_seconds (10, on_wait_timeout, &timed_out_); \
    while (!(condition) && !timed_out_) \
      g_main_context_iteration (NULL, TRUE); \
    if (timed_out_) \
      g_error ("%s:%d: still not true after 10 s: %s", __FILE__, __LINE__, #condition); \
    g_source_remove (timeout_id_); \
  } G_STMT_END

static GtkWidget *
child (gpointer    widget,
       GType       type,
       const char *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  g_assert_nonnull (object);
  return GTK_WIDGET (object);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(YsWorkflow) workflow = NULL;

  f->dir = g_dir_make_tmp ("ys-history-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "test.db", NULL);
  f->store = ys_store_open (path, &error);
  g_assert_no_error (error);
  workflow = ys_store_add_workflow (f->store, "Grant report section", "", 1, &error);
  g_assert_no_error (error);
  f->workflow_id = g_strdup (ys_workflow_get_id (workflow));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *command = g_strdup_printf ("rm -rf '%s'", f->dir);
  GListModel *toplevels = gtk_window_get_toplevels ();

  while (g_list_model_get_n_items (toplevels) > 0)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, 0);
      gtk_window_destroy (window);
    }
  spin ();
  g_clear_object (&f->store);
  g_free (f->workflow_id);
  g_assert_cmpint (system (command), ==, 0);
  g_free (f->dir);
}

static YsTrackerCsv *
read_sample (void)
{
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (toggl_export, -1, NULL);
  g_autoptr(GError) error = NULL;
  YsTrackerCsv *csv = ys_tracker_csv_read (stream, "toggl.csv", NULL, &error);

  g_assert_no_error (error);
  return csv;
}

/* The figures page says how many runs came from the history, and says
 * nothing when none did. */
static void
test_figures_mention (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(YsTrackerCsv) csv = read_sample ();
  YsTrackerImportOptions options = { .workflow_id = f->workflow_id };
  g_auto(YsTrackerImport) result = { 0 };
  g_autoptr(GError) error = NULL;
  GtkWidget *window = gtk_window_new ();
  GtkWidget *figures = ys_figures_view_new (f->store);
  GtkWidget *label;
  YsRunFields fields = { .workflow_id = f->workflow_id, .mode = YS_MODE_WITHOUT_AI,
                         .started_at = 1772438400 + 86400 * 5, .duration_seconds = 3600,
                         .note = (char *) "" };
  g_autoptr(YsRun) run = NULL;

  gtk_window_set_child (GTK_WINDOW (window), figures);
  gtk_window_present (GTK_WINDOW (window));
  run = ys_store_add_run (f->store, &fields, &error);
  g_assert_no_error (error);
  ys_figures_view_set_workflow_id (YS_FIGURES_VIEW (figures), f->workflow_id);
  label = child (figures, YS_TYPE_FIGURES_VIEW, "imported_label");
  g_assert_false (gtk_widget_get_visible (label));

  g_assert_true (ys_tracker_import (f->store, csv, &options, &result, &error));
  g_assert_no_error (error);
  /* The page follows the store's "changed". */
  wait_until (gtk_widget_get_visible (label));
  g_assert_true (g_str_has_prefix (gtk_label_get_label (GTK_LABEL (label)),
                                   "3 of these 4 runs came from an imported time-tracker "
                                   "history"));

  g_assert_true (ys_tracker_import_undo (f->store, &result, &error));
  g_assert_no_error (error);
  wait_until (!gtk_widget_get_visible (label));
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }

  g_setenv ("TZ", "Europe/Berlin", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/history/figures-mention", Fixture, NULL, fixture_set_up, test_figures_mention,
              fixture_tear_down);

  return g_test_run ();
}
