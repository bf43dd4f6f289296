/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#define G_SETTINGS_ENABLE_BACKEND
#include <gio/gsettingsbackend.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <locale.h>
#include <sqlite3.h>
#include <string.h>
#include <unistd.h>

#include "ys-application.h"
#include "ys-backup.h"
#include "ys-bundle.h"
#include "ys-demo.h"
#include "ys-error.h"
#include "ys-feedback-dialog.h"
#include "ys-feedback-view.h"
#include "ys-figures-view.h"
#include "ys-form.h"
#include "ys-overview-view.h"
#include "ys-merge-dialog.h"
#include "ys-report-view.h"
#include "ys-run-dialog.h"
#include "ys-run-list.h"
#include "ys-run-row.h"
#include "ys-team-folder-page.h"
#include "ys-test-ui.h"
#include "ys-timer-card.h"
#include "ys-store-private.h"
#include "ys-window.h"
#include "ys-workflow-dialog.h"

/* Drives the window the way a person does: through its actions and the
 * dialogs' own fields, then checks what the store and the lists show. */

typedef struct
{
  char *dir;
  YsStore *store;
  YsWindow *window;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  /* Each test starts from the defaults: the window keeps its size in
   * GSettings, and a test at 360 px would open the next one folded. */
  {
    g_autoptr(GSettings) settings = g_settings_new (APP_ID);
    g_autoptr(GSettingsSchema) schema = NULL;
    g_auto(GStrv) keys = NULL;

    g_object_get (settings, "settings-schema", &schema, NULL);
    keys = g_settings_schema_list_keys (schema);
    for (guint i = 0; keys[i] != NULL; i++)
      g_settings_reset (settings, keys[i]);
  }

  f->dir = g_dir_make_tmp ("ys-window-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "test.db", NULL);
  f->store = ys_store_open (path, &error);
  g_assert_no_error (error);
  f->window = ys_window_new (NULL, f->store);
  gtk_window_present (GTK_WINDOW (f->window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *command = g_strdup_printf ("rm -rf '%s'", f->dir);

  /* The window, and any dialog a failed step left behind. */
  ys_test_destroy_toplevels ();
  g_clear_object (&f->store);
  g_assert_cmpint (system (command), ==, 0);
  g_free (f->dir);
}

/* The first widget under @root that activates @action. */
static GtkWidget *
find_actionable (GtkWidget  *root,
                 const char *action)
{
  for (GtkWidget *w = gtk_widget_get_first_child (root); w != NULL; w = gtk_widget_get_next_sibling (w))
    {
      GtkWidget *found;

      if (GTK_IS_ACTIONABLE (w) &&
          g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (w)), action) == 0)
        return w;
      if ((found = find_actionable (w, action)) != NULL)
        return found;
    }
  return NULL;
}

static const char *
visible_page (Fixture *f)
{
  return gtk_stack_get_visible_child_name (GTK_STACK (ys_test_child (f->window, YS_TYPE_WINDOW,
                                                                     "main_stack")));
}

static GtkWidget *
find_label (GtkWidget  *widget,
            const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0)
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_label (c, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_primary_menu_button (GtkWidget *root)
{
  for (GtkWidget *w = gtk_widget_get_first_child (root); w != NULL; w = gtk_widget_get_next_sibling (w))
    {
      GtkWidget *found;

      if (GTK_IS_MENU_BUTTON (w) && gtk_menu_button_get_primary (GTK_MENU_BUTTON (w)) &&
          gtk_widget_is_drawable (w))
        return w;
      if ((found = find_primary_menu_button (w)) != NULL)
        return found;
    }
  return NULL;
}

/* Whether a person sees @widget in @root's frame: drawn, and not
 * scrolled or pushed out of it. */
static gboolean
in_view (GtkWidget *root,
         GtkWidget *widget)
{
  graphene_rect_t bounds;

  return gtk_widget_is_drawable (widget) && gtk_widget_compute_bounds (widget, root, &bounds) &&
         bounds.origin.x >= 0 && bounds.origin.y >= 0 &&
         bounds.origin.x + bounds.size.width <= gtk_widget_get_width (root) &&
         bounds.origin.y + bounds.size.height <= gtk_widget_get_height (root);
}

/* A label under @root reading @text that is in view there. */
static GtkWidget *
find_shown_label (GtkWidget  *root,
                  GtkWidget  *widget,
                  const char *text)
{
  if (!gtk_widget_is_drawable (widget))
    return NULL;
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0 &&
      in_view (root, widget))
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_shown_label (root, c, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The runs the window lists, once it lists them (after its first frame). */
static GListModel *
shown_runs (Fixture *f)
{
  GtkListView *view;

  /* The Runs tab is built on its first visit. */
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (ys_test_child (f->window, YS_TYPE_WINDOW,
                                                                        "view_stack")), "runs");
  view = GTK_LIST_VIEW (ys_test_child (f->window, YS_TYPE_WINDOW, "run_list_view"));
  ys_test_wait_until (gtk_list_view_get_model (view) != NULL);
  return G_LIST_MODEL (gtk_list_view_get_model (view));
}

/* Which page the content stack shows: awaiting, report, overview… */
static const char *
content_page (Fixture *f)
{
  return gtk_stack_get_visible_child_name (GTK_STACK (ys_test_child (f->window, YS_TYPE_WINDOW,
                                                                     "content_stack")));
}

/* The first widget of @type under @root, depth first. */
static GtkWidget *
first_of_type (GtkWidget *root,
               GType      type)
{
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (c, type))
        return c;
      if ((found = first_of_type (c, type)) != NULL)
        return found;
    }
  return NULL;
}

static gboolean
review_working_is (YsStore    *store,
                   const char *quarter,
                   const char *text)
{
  YsReview review;
  gboolean is;

  ys_store_get_review (store, quarter, &review, NULL);
  is = g_strcmp0 (review.working, text) == 0;
  ys_review_clear (&review);
  return is;
}

/* Saves what @widget shows as a PNG beside the test, for people to look
 * at, after checking that each of the NULL-terminated texts is in view:
 * the picture is of the page the test meant. */
static void
save_png (GtkWidget  *widget,
          const char *name,
          const char *shown,
          ...)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, name, NULL);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  va_list texts;

  va_start (texts, shown);
  for (const char *text = shown; text != NULL; text = va_arg (texts, const char *))
    if (find_shown_label (widget, widget, text) == NULL)
      g_error ("%s: “%s” is not in view", name, text);
  va_end (texts);

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

static void
test_empty_state (Fixture       *f,
                  gconstpointer  data)
{
  g_assert_cmpstr (visible_page (f), ==, "welcome");
  save_png (GTK_WIDGET (f->window), "test-window-empty.png",
            "Does AI Help with Your Work?", NULL);

  /* "Try with Sample Data" is the application's: it opens the sample in a
   * window of its own (/window/sample-data), never in this database. */
  g_assert_nonnull (find_actionable (GTK_WIDGET (f->window), "app.try-sample"));
  g_assert_null (find_actionable (GTK_WIDGET (f->window), "win.load-demo"));
  g_assert_null (find_actionable (GTK_WIDGET (f->window), "app.leave-sample"));

  /* The main menu is built when first opened (by a click, or F10, which
   * pops the primary menu button up the same way). */
  {
    GtkWidget *button = find_primary_menu_button (GTK_WIDGET (f->window));
    GtkPopover *popover;

    g_assert_nonnull (button);
    g_assert_true (gtk_widget_get_sensitive (button));
    g_assert_null (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)));
    gtk_menu_button_popup (GTK_MENU_BUTTON (button));
    popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (button));
    g_assert_nonnull (popover);
    g_assert_true (GTK_IS_POPOVER_MENU (popover));
    ys_test_wait_until (gtk_widget_get_mapped (GTK_WIDGET (popover)));
    g_assert_nonnull (find_label (GTK_WIDGET (popover), "_Preferences"));
    gtk_popover_popdown (popover);
  }
}

static gint64
count_rows (const char *path,
            const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", table);
  sqlite3_stmt *stmt;
  sqlite3 *db;
  gint64 count;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  count = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return count;
}

/* The database a window shows. */
static YsStore *
window_store (YsWindow *window)
{
  YsStore *store = NULL;

  g_object_get (window, "store", &store, NULL);
  /* The window holds it too, for as long as this test looks. */
  g_object_unref (store);
  return store;
}

/* The application's only window, once the others have gone, if it shows
 * the sample (or not, as @sample says). */
static YsWindow *
only_window (GtkApplication *app,
             gboolean        sample)
{
  ys_test_wait_until (g_list_length (gtk_application_get_windows (app)) == 1 &&
                      YS_IS_WINDOW (gtk_application_get_windows (app)->data) &&
                      ys_demo_is_sample (window_store (gtk_application_get_windows (app)->data))
                      == sample);
  return gtk_application_get_windows (app)->data;
}

/* Item 3 of issue 13: the sample team opens in a database of its own,
 * labelled on every page, and "Start My Own" goes back to the real one,
 * which never saw any of it. */
static void
test_sample_data (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("ys-sample-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "real.db", NULL);
  g_autofree char *command = g_strdup_printf ("rm -rf '%s'", dir);
  g_autofree char *sample_folder = NULL;
  g_autofree char *backup = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(YsApplication) app = NULL;
  guint idle_refs;
  YsWindow *window;

  /* A real database with one workflow of the team's own. */
  {
    g_autoptr(YsStore) real = ys_store_open (path, &error);
    g_autoptr(YsWorkflow) ours = ys_store_add_workflow (real, "Board minutes", "", 2, &error);

    g_assert_no_error (error);
  }

  app = ys_application_new (path);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  /* What holds the application with no window and nothing under way. */
  idle_refs = G_OBJECT (app)->ref_count;
  g_application_activate (G_APPLICATION (app));
  window = only_window (GTK_APPLICATION (app), FALSE);

  g_action_group_activate_action (G_ACTION_GROUP (app), "try-sample", NULL);
  window = only_window (GTK_APPLICATION (app), TRUE);
  g_assert_cmpstr (ys_store_get_path (window_store (window)), !=, path);
  sample_folder = g_path_get_dirname (ys_store_get_path (window_store (window)));
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (ys_test_child (window, YS_TYPE_WINDOW,
                                                                             "sample_revealer"))));
  g_assert_cmpstr (adw_window_title_get_title (ADW_WINDOW_TITLE (ys_test_child (window, YS_TYPE_WINDOW,
                                                                                "sidebar_title"))),
                   ==, "Sample Data");
  g_assert_cmpuint (g_list_model_get_n_items (ys_store_get_workflows (window_store (window))),
                    ==, 3);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  save_png (GTK_WIDGET (window), "test-window-sample.png", "Sample Data",
            "Sample data: a made-up team, kept apart from your own database and gone when you "
            "leave. Nothing here is real.", NULL);
  g_assert_cmpint (count_rows (path, "workflows"), ==, 1);

  g_action_group_activate_action (G_ACTION_GROUP (app), "leave-sample", NULL);
  window = only_window (GTK_APPLICATION (app), FALSE);
  g_assert_cmpstr (ys_store_get_path (window_store (window)), ==, path);
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (ys_test_child (window, YS_TYPE_WINDOW,
                                                                              "sample_revealer"))));

  /* The sample's folder goes with its window; the real database has only
   * its own workflow, and no sample tool, run, answer or review. */
  ys_test_wait_until (!g_file_test (sample_folder, G_FILE_TEST_EXISTS));
  g_assert_cmpint (count_rows (path, "workflows"), ==, 1);
  g_assert_cmpint (count_rows (path, "tools"), ==, 0);
  g_assert_cmpint (count_rows (path, "runs"), ==, 0);
  g_assert_cmpint (count_rows (path, "feedback"), ==, 0);
  g_assert_cmpint (count_rows (path, "reviews"), ==, 0);

  /* Closing the last window makes the day's backup of the real database;
   * wait for it before the folder goes. */
  now = g_date_time_new_now_local ();
  backup = g_strdup_printf ("%s/backups/real-%04d-%02d-%02d.db", dir, g_date_time_get_year (now),
                            g_date_time_get_month (now), g_date_time_get_day_of_month (now));
  gtk_window_destroy (GTK_WINDOW (window));
  ys_test_wait_until (g_file_test (backup, G_FILE_TEST_EXISTS));
  /* The copy's task holds the application until its callback has run:
   * that runs here, not in the next test. */
  ys_test_wait_until (G_OBJECT (app)->ref_count == idle_refs);
  g_clear_object (&app);
  g_assert_cmpint (system (command), ==, 0);
}

static void
test_add_workflow_and_log_run (Fixture       *f,
                               gconstpointer  data)
{
  GtkWindow *dialog;
  const char *workflow_id;
  GListModel *runs;
  GtkWidget *name_row, *duration_row;
  GtkLabel *counts;

  /* Add a workflow. A blank name is refused on the field, and the dialog
   * stays: the refusal is what Save does, so it has happened on return. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.add-workflow", NULL);
  ys_test_wait_until ((dialog = ys_test_find_toplevel (YS_TYPE_WORKFLOW_DIALOG)) != NULL);
  name_row = ys_test_child (dialog, YS_TYPE_WORKFLOW_DIALOG, "name_row");
  ys_test_set_text (dialog, YS_TYPE_WORKFLOW_DIALOG, "name_row", "   ");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.save", NULL);
  ys_test_wait_until (gtk_widget_has_css_class (name_row, "error"));
  g_assert_cmpuint (g_list_model_get_n_items (ys_store_get_workflows (f->store)), ==, 0);
  g_assert_true (ys_test_find_toplevel (YS_TYPE_WORKFLOW_DIALOG) == dialog);
  ys_test_set_text (dialog, YS_TYPE_WORKFLOW_DIALOG, "name_row", "Policy brief draft");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.save", NULL);
  ys_test_wait_until (ys_test_find_toplevel (YS_TYPE_WORKFLOW_DIALOG) == NULL);
  g_assert_cmpuint (g_list_model_get_n_items (ys_store_get_workflows (f->store)), ==, 1);
  ys_test_wait_until (g_strcmp0 (visible_page (f), "main") == 0);
  workflow_id = ys_window_get_selected_workflow_id (f->window);
  g_assert_nonnull (workflow_id);

  /* Log a run: an unreadable duration is refused on the field. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.log-run", NULL);
  ys_test_wait_until ((dialog = ys_test_find_toplevel (YS_TYPE_RUN_DIALOG)) != NULL);
  duration_row = ys_test_child (dialog, YS_TYPE_RUN_DIALOG, "duration_row");
  ys_test_set_text (dialog, YS_TYPE_RUN_DIALOG, "duration_row", "an hour or so");
  ys_test_wait_until (gtk_widget_has_css_class (duration_row, "error"));
  g_assert_true (gtk_widget_get_visible (ys_test_child (dialog, YS_TYPE_RUN_DIALOG, "time_error")));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (ys_test_child (dialog, YS_TYPE_RUN_DIALOG, "time_error"))),
                   ==, "Type a duration such as 90, 1:30 or 1h 30m.");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.save", NULL);
  g_assert_true (ys_test_find_toplevel (YS_TYPE_RUN_DIALOG) == dialog);
  g_assert_cmpuint (ys_store_count_runs (f->store, workflow_id, YS_MODE_WITHOUT_AI, NULL), ==, 0);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (dialog));
  save_png (GTK_WIDGET (dialog), "test-run-dialog-invalid.png",
            "Type a duration such as 90, 1:30 or 1h 30m.", NULL);

  ys_test_set_text (dialog, YS_TYPE_RUN_DIALOG, "duration_row", "1h 30m");
  ys_test_wait_until (!gtk_widget_has_css_class (duration_row, "error"));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (ys_test_child (dialog, YS_TYPE_RUN_DIALOG,
                                                                  "duration_normalised"))),
                   ==, "1 h 30 min");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (ys_test_child (dialog, YS_TYPE_RUN_DIALOG,
                                                             "corrections_spin")), 2);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.save", NULL);
  ys_test_wait_until (ys_test_find_toplevel (YS_TYPE_RUN_DIALOG) == NULL);
  g_assert_cmpuint (ys_store_count_runs (f->store, workflow_id, YS_MODE_WITHOUT_AI, NULL), ==, 1);

  runs = shown_runs (f);
  counts = GTK_LABEL (ys_test_child (f->window, YS_TYPE_WINDOW, "counts_label"));
  ys_test_wait_until (g_list_model_get_n_items (runs) == 1);
  ys_test_wait_until (g_strcmp0 (gtk_label_get_label (counts),
                                 "1 run without AI · 0 runs with AI") == 0);

  /* A run with AI and a tool typed in on the spot. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.log-run", NULL);
  ys_test_wait_until ((dialog = ys_test_find_toplevel (YS_TYPE_RUN_DIALOG)) != NULL);
  adw_combo_row_set_selected (ADW_COMBO_ROW (ys_test_child (dialog, YS_TYPE_RUN_DIALOG,
                                                            "mode_row")), 1);
  ys_test_wait_until (gtk_widget_get_visible (ys_test_child (dialog, YS_TYPE_RUN_DIALOG,
                                                             "new_tool_row")));
  ys_test_set_text (dialog, YS_TYPE_RUN_DIALOG, "duration_row", "45");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.save", NULL);
  /* No tool named yet: nothing saved, the dialog stays. */
  g_assert_true (ys_test_find_toplevel (YS_TYPE_RUN_DIALOG) == dialog);
  g_assert_cmpuint (ys_store_count_runs (f->store, workflow_id, YS_MODE_WITH_AI, NULL), ==, 0);
  ys_test_set_text (dialog, YS_TYPE_RUN_DIALOG, "new_tool_row", "Claude");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.save", NULL);
  ys_test_wait_until (ys_test_find_toplevel (YS_TYPE_RUN_DIALOG) == NULL);
  g_assert_cmpuint (ys_store_count_runs (f->store, workflow_id, YS_MODE_WITH_AI, NULL), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (ys_store_get_tools (f->store)), ==, 1);
  ys_test_wait_until (g_list_model_get_n_items (runs) == 2);

  /* Delete with undo. */
  {
    g_autoptr(YsRun) newest = g_list_model_get_item (runs, 0);
    g_autofree char *id = g_strdup (ys_run_get_id (newest));

    gtk_widget_activate_action (GTK_WIDGET (f->window), "win.delete-run", "s", id);
    ys_test_wait_until (g_list_model_get_n_items (runs) == 1);
    gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo-delete-run", "s", id);
    ys_test_wait_until (g_list_model_get_n_items (runs) == 2);
  }

  ys_test_wait_until (g_strcmp0 (gtk_label_get_label (counts),
                                 "1 run without AI · 1 run with AI") == 0);
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (ys_test_child (f->window, YS_TYPE_WINDOW,
                                                                         "view_stack")), "runs");
  ys_test_wait_until (gtk_widget_get_mapped (GTK_WIDGET (counts)));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  save_png (GTK_WIDGET (f->window), "test-window-runs.png",
            "Policy brief draft", "1 run without AI · 1 run with AI", NULL);
}

static void
test_workflow_limit_and_undo (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char *names[] = { "A", "B", "C" };
  GtkWindow *message;
  GtkRevealer *archived;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(YsWorkflow) workflow = ys_store_add_workflow (f->store, names[i], "", 1, &error);
      g_assert_no_error (error);
    }
  ys_test_wait_until (ys_window_get_selected_workflow_id (f->window) != NULL);

  /* A fourth is explained, not offered. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.add-workflow", NULL);
  ys_test_wait_until ((message = ys_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG)) != NULL);
  g_assert_null (ys_test_find_toplevel (YS_TYPE_WORKFLOW_DIALOG));
  gtk_window_destroy (message);

  /* Delete the selected workflow, then undo. */
  {
    g_autofree char *id = g_strdup (ys_window_get_selected_workflow_id (f->window));

    gtk_widget_activate_action (GTK_WIDGET (f->window), "win.delete-workflow", NULL);
    ys_test_wait_until (g_list_model_get_n_items (ys_store_get_workflows (f->store)) == 2);
    ys_test_wait_until (ys_window_get_selected_workflow_id (f->window) != NULL &&
                        g_strcmp0 (ys_window_get_selected_workflow_id (f->window), id) != 0);
    gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo-delete-workflow", "s", id);
    ys_test_wait_until (g_list_model_get_n_items (ys_store_get_workflows (f->store)) == 3);
    ys_test_wait_until (g_strcmp0 (ys_window_get_selected_workflow_id (f->window), id) == 0);
  }

  /* Archive: once the page says so, the workflow takes no new runs (Log
   * Run would open its dialog at once). */
  archived = GTK_REVEALER (ys_test_child (f->window, YS_TYPE_WINDOW, "archived_revealer"));
  g_assert_false (gtk_revealer_get_reveal_child (archived));
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.archive-workflow", NULL);
  ys_test_wait_until (gtk_revealer_get_reveal_child (archived));
  g_assert_cmpuint (ys_store_count_active_workflows (f->store, NULL), ==, 2);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.log-run", NULL);
  g_assert_null (ys_test_find_toplevel (YS_TYPE_RUN_DIALOG));
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.unarchive-workflow", NULL);
  ys_test_wait_until (!gtk_revealer_get_reveal_child (archived));
  g_assert_cmpuint (ys_store_count_active_workflows (f->store, NULL), ==, 3);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.log-run", NULL);
  ys_test_wait_until (ys_test_find_toplevel (YS_TYPE_RUN_DIALOG) != NULL);
}

static void
test_import_and_export (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *demo_path = g_build_filename (f->dir, "demo.db", NULL);
  g_autofree char *bundle_path = g_build_filename (f->dir, "anna.json", NULL);
  g_autofree char *broken_path = g_build_filename (f->dir, "broken.json", NULL);
  g_autofree char *shared_path = g_build_filename (f->dir, "shared.json", NULL);
  g_autoptr(YsStore) demo = ys_store_open (demo_path, &error);
  g_autoptr(GListStore) files = g_list_store_new (G_TYPE_FILE);
  g_autoptr(GFile) bundle = g_file_new_for_path (bundle_path);
  g_autoptr(GFile) broken = g_file_new_for_path (broken_path);
  g_autoptr(GFile) shared = g_file_new_for_path (shared_path);
  g_autofree char *cut_path = g_build_filename (f->dir, "cut.json", NULL);
  g_autoptr(GFile) cut = g_file_new_for_path (cut_path);
  GtkWindow *message;
  GtkWidget *expander;
  const char *body;
  const char *details;

  g_assert_true (ys_demo_fill (demo, &error));
  g_assert_true (ys_bundle_export_file (demo, YS_BUNDLE_EVERYTHING, bundle_path, &error));
  g_assert_true (g_file_set_contents (broken_path, "{\"format\": \"yardstick-bundle\", \"version\": 9}", -1, NULL));
  /* Half a file, as when it is still being copied. */
  g_assert_true (g_file_set_contents (cut_path, "{\"format\": \"yardstick-bundle\", \"vers", -1, NULL));

  /* A refused file says so in plain words, with the precise message under
   * Details, and changes nothing; the good one lands. */
  g_list_store_append (files, broken);
  g_list_store_append (files, cut);
  ys_window_import_files (f->window, G_LIST_MODEL (files));
  ys_test_wait_until ((message = ys_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG)) != NULL);
  body = adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (message));
  g_assert_nonnull (strstr (body, "broken.json comes from a newer version of Yardstick. Update "
                                  "Yardstick on this computer to import it."));
  g_assert_nonnull (strstr (body, "cut.json is damaged or incomplete — perhaps it was still "
                                  "being copied."));
  g_assert_null (strstr (body, "Parse error"));
  g_assert_null (strstr (body, "version:"));
  expander = adw_message_dialog_get_extra_child (ADW_MESSAGE_DIALOG (message));
  g_assert_true (GTK_IS_EXPANDER (expander));
  g_assert_false (gtk_expander_get_expanded (GTK_EXPANDER (expander)));
  details = gtk_label_get_label (GTK_LABEL (gtk_expander_get_child (GTK_EXPANDER (expander))));
  g_assert_nonnull (strstr (details, "broken.json: version: written by a newer Yardstick"));
  g_assert_nonnull (strstr (details, "cut.json: not a Yardstick bundle (line 1, column"));
  gtk_window_destroy (message);
  g_assert_cmpuint (g_list_model_get_n_items (ys_store_get_workflows (f->store)), ==, 0);
  g_assert_cmpstr (visible_page (f), ==, "welcome");

  g_list_store_remove_all (files);
  g_list_store_append (files, bundle);
  ys_window_import_files (f->window, G_LIST_MODEL (files));
  ys_test_wait_until (g_list_model_get_n_items (ys_store_get_workflows (f->store)) == 3);
  ys_test_wait_until (g_strcmp0 (visible_page (f), "main") == 0);
  g_assert_null (ys_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));

  g_assert_true (ys_window_export_file (f->window, shared, YS_BUNDLE_WORKFLOWS));
  g_assert_true (g_file_query_exists (shared, NULL));
}

/* The toasts the overlay shows now, each as its title. */
static GPtrArray *
shown_toasts (YsWindow *window)
{
  GPtrArray *titles = g_ptr_array_new ();
  GtkWidget *overlay = ys_test_child (window, YS_TYPE_WINDOW, "toast_overlay");

  for (GtkWidget *c = gtk_widget_get_first_child (overlay); c; c = gtk_widget_get_next_sibling (c))
    if (g_str_equal (G_OBJECT_TYPE_NAME (c), "AdwToastWidget"))
      for (GtkWidget *d = gtk_widget_get_first_child (c); d; d = gtk_widget_get_next_sibling (d))
        if (ADW_IS_BIN (d) && GTK_IS_LABEL (adw_bin_get_child (ADW_BIN (d))))
          g_ptr_array_add (titles, (gpointer) gtk_label_get_label (GTK_LABEL (adw_bin_get_child (ADW_BIN (d)))));
  return titles;
}

static guint
count_toasts (YsWindow *window)
{
  g_autoptr(GPtrArray) titles = shown_toasts (window);

  return titles->len;
}

static gboolean
only_toast_is (YsWindow   *window,
               const char *title)
{
  g_autoptr(GPtrArray) titles = shown_toasts (window);

  return titles->len == 1 && g_strcmp0 (g_ptr_array_index (titles, 0), title) == 0;
}

/* Moves @clock on by @seconds. */
static void
advance (YsClock *clock,
         gint64   seconds)
{
  ys_clock_set_now (clock, ys_clock_get_now (clock) + seconds * G_USEC_PER_SEC);
}

static void
test_timer_and_feedback (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YsWorkflow) workflow = ys_store_add_workflow (f->store, "Intake summary", "", 6, &error);
  g_autoptr(YsTool) tool = ys_store_add_tool (f->store, "Claude", &error);
  const char *id = ys_workflow_get_id (workflow);
  g_autoptr(YsClock) clock = ys_clock_new_fixed (g_get_real_time ());
  GtkWidget *card = adw_clamp_get_child (ADW_CLAMP (ys_test_child (f->window, YS_TYPE_WINDOW,
                                                                   "timer_clamp")));
  GtkStack *card_stack = GTK_STACK (ys_test_child (card, YS_TYPE_TIMER_CARD, "stack"));
  GtkLabel *elapsed = GTK_LABEL (ys_test_child (card, YS_TYPE_TIMER_CARD, "elapsed_label"));
  GListModel *runs;
  GtkWindow *dialog;

  g_assert_no_error (error);
  /* The person chooses the mode here (test-fair-test draws it). */
  g_assert_true (ys_store_set_workflow_fair_test (f->store, id, FALSE, &error));
  ys_store_set_clock (f->store, clock);
  ys_window_select_workflow (f->window, id);
  ys_test_wait_until (gtk_widget_get_mapped (card));
  runs = shown_runs (f);

  /* Start with AI (the only tool is chosen), pause, resume. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.timer-start-with-ai", NULL);
  ys_test_wait_until (g_strcmp0 (gtk_stack_get_visible_child_name (card_stack), "running") == 0);
  {
    g_autoptr(YsTimer) timer = ys_store_get_timer (f->store, id);
    g_assert_nonnull (timer);
    g_assert_cmpint (ys_timer_get_mode (timer), ==, YS_MODE_WITH_AI);
    g_assert_cmpstr (ys_timer_get_tool_id (timer), ==, ys_tool_get_id (tool));
    g_assert_false (ys_timer_is_paused (timer));
  }
  advance (clock, (gint64) 20 * 60);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.timer-toggle", NULL);
  {
    g_autoptr(YsTimer) timer = ys_store_get_timer (f->store, id);
    g_assert_true (ys_timer_is_paused (timer));
  }
  /* Paused at 20 minutes, the card says so. */
  ys_test_wait_until (g_strcmp0 (gtk_label_get_label (elapsed), "0:20:00") == 0);
  advance (clock, (gint64) 60 * 60);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.timer-toggle", NULL);
  advance (clock, (gint64) 5 * 60);
  /* 20 minutes, the hour paused left out, then 5: the card's once-a-second
   * tick shows it. */
  ys_test_wait_until (g_strcmp0 (gtk_label_get_label (elapsed), "0:25:00") == 0);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  save_png (GTK_WIDGET (f->window), "test-window-timer.png", "Intake summary", "0:25:00", NULL);

  /* Finish: the sheet holds the measured 25 minutes and asks the question. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.timer-finish", NULL);
  ys_test_wait_until ((dialog = ys_test_find_toplevel (YS_TYPE_RUN_DIALOG)) != NULL);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (ys_test_child (dialog, YS_TYPE_RUN_DIALOG,
                                                                       "duration_row"))),
                   ==, "25 min");
  g_assert_true (gtk_widget_get_visible (ys_test_child (dialog, YS_TYPE_RUN_DIALOG,
                                                        "feedback_group")));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (ys_test_child (dialog, YS_TYPE_RUN_DIALOG,
                                                                  "feedback_question"))),
                   ==, "Does Claude save you time on Intake summary?");
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (ys_test_child (dialog, YS_TYPE_RUN_DIALOG,
                                                                  "feedback_yes")), TRUE);
  /* The timer was started with AI on this workflow: the sheet cannot make
   * it a run without, or another workflow's (the store saves what the
   * timer says in any case, test-timer's /timer/saved-as-started). */
  g_assert_false (gtk_widget_get_sensitive (ys_test_child (dialog, YS_TYPE_RUN_DIALOG,
                                                           "mode_row")));
  g_assert_false (gtk_widget_get_sensitive (ys_test_child (dialog, YS_TYPE_RUN_DIALOG,
                                                           "workflow_row")));
  g_assert_false (gtk_widget_get_sensitive (ys_test_child (dialog, YS_TYPE_RUN_DIALOG,
                                                           "tool_row")));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (dialog));
  save_png (GTK_WIDGET (dialog), "test-finish-sheet.png",
            "Does Claude save you time on Intake summary?", NULL);

  /* The sheet fits a 600 px screen, and the question is in view there
   * without scrolling: people answer what they see. */
  {
    GtkWidget *question = ys_test_child (dialog, YS_TYPE_RUN_DIALOG, "feedback_group");
    graphene_rect_t bounds;
    int width, height;

    gtk_window_get_default_size (dialog, &width, &height);
    g_assert_cmpint (height, <=, 600);
    g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (dialog)), <=, 600);
    g_assert_true (gtk_widget_compute_bounds (question, GTK_WIDGET (dialog), &bounds));
    g_assert_cmpfloat (bounds.origin.y + bounds.size.height, <=,
                       gtk_widget_get_height (GTK_WIDGET (dialog)));
  }
  gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.save", NULL);
  ys_test_wait_until (ys_test_find_toplevel (YS_TYPE_RUN_DIALOG) == NULL);

  g_assert_null (ys_store_get_timer (f->store, id));
  g_assert_cmpuint (ys_store_count_runs (f->store, id, YS_MODE_WITH_AI, NULL), ==, 1);
  g_assert_cmpuint (ys_store_count_runs (f->store, id, YS_MODE_WITHOUT_AI, NULL), ==, 0);
  g_assert_cmpuint (ys_store_count_feedback (f->store, id, NULL), ==, 1);
  ys_test_wait_until (g_strcmp0 (gtk_stack_get_visible_child_name (card_stack), "idle") == 0);
  ys_test_wait_until (g_list_model_get_n_items (runs) == 1);
  {
    g_autoptr(YsRun) run = g_list_model_get_item (runs, 0);

    g_assert_cmpint (ys_run_get_fields (run)->duration_seconds, ==, 25 * 60);
  }

  /* The next run with AI does not ask again within the interval. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.log-run", NULL);
  ys_test_wait_until ((dialog = ys_test_find_toplevel (YS_TYPE_RUN_DIALOG)) != NULL);
  g_assert_false (gtk_widget_get_visible (ys_test_child (dialog, YS_TYPE_RUN_DIALOG,
                                                         "feedback_group")));
  gtk_window_destroy (dialog);

  /* A discarded timer comes back with Undo, as it was: started at the
   * same moment, in the same mode, with the same tool, still running. */
  advance (clock, (gint64) 60);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.timer-toggle", NULL);
  ys_test_wait_until (g_strcmp0 (gtk_stack_get_visible_child_name (card_stack), "running") == 0);
  {
    g_autoptr(YsTimer) started = ys_store_get_timer (f->store, id);
    g_autoptr(YsTimer) back = NULL;
    GtkWidget *undo;

    g_assert_nonnull (started);
    g_assert_cmpint (ys_timer_get_started_at (started), ==, ys_clock_get_now (clock));
    advance (clock, (gint64) 3 * 60);
    gtk_widget_activate_action (card, "timer.discard", NULL);
    ys_test_wait_until (g_strcmp0 (gtk_stack_get_visible_child_name (card_stack), "idle") == 0);
    g_assert_cmpuint (g_list_model_get_n_items (ys_store_get_timers (f->store)), ==, 0);

    ys_test_wait_until (only_toast_is (f->window, "Timer discarded"));
    undo = ys_test_toast_button (f->window, YS_TYPE_WINDOW);
    g_assert_nonnull (undo);
    gtk_widget_activate (undo);
    ys_test_wait_until (g_strcmp0 (gtk_stack_get_visible_child_name (card_stack), "running") == 0);
    back = ys_store_get_timer (f->store, id);
    g_assert_nonnull (back);
    g_assert_cmpint (ys_timer_get_started_at (back), ==, ys_timer_get_started_at (started));
    g_assert_cmpint (ys_timer_get_mode (back), ==, ys_timer_get_mode (started));
    g_assert_cmpstr (ys_timer_get_tool_id (back), ==, ys_timer_get_tool_id (started));
    g_assert_false (ys_timer_is_paused (back));
    g_assert_cmpuint (g_list_model_get_n_items (ys_store_get_timers (f->store)), ==, 1);
    /* Three minutes since it started, on the card. */
    ys_test_wait_until (g_strcmp0 (gtk_label_get_label (elapsed), "0:03:00") == 0);
  }
}

static void
test_awaiting_outcome (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *badge;
  g_autofree char *count = NULL;
  guint before;

  g_assert_true (ys_demo_fill (f->store, &error));
  badge = ys_test_child (f->window, YS_TYPE_WINDOW, "awaiting_badge");
  before = ys_store_count_awaiting_outcome (f->store, NULL);
  g_assert_cmpuint (before, >, 0);
  count = g_strdup_printf ("%u", before);
  ys_test_wait_until (g_strcmp0 (gtk_label_get_label (GTK_LABEL (badge)), count) == 0);

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-awaiting", NULL);
  ys_test_wait_until (g_strcmp0 (content_page (f), "awaiting") == 0);
  {
    g_autoptr(GListModel) awaiting = ys_store_list_awaiting_outcome (f->store);
    g_autoptr(YsRun) first = g_list_model_get_item (awaiting, 0);
    GtkWidget *view = adw_bin_get_child (ADW_BIN (ys_test_child (f->window, YS_TYPE_WINDOW, "awaiting_slot")));

    g_autofree char *id = g_strdup (ys_run_get_id (first));
    g_autoptr(YsRun) marked = NULL;

    gtk_widget_activate_action (view, "awaiting.used", "s", id);
    count = (g_free (count), g_strdup_printf ("%u", before - 1));
    ys_test_wait_until (g_strcmp0 (gtk_label_get_label (GTK_LABEL (badge)), count) == 0);
    g_assert_cmpuint (ys_store_count_awaiting_outcome (f->store, NULL), ==, before - 1);
    marked = ys_store_get_run (f->store, id, NULL);
    g_assert_cmpint (ys_run_get_fields (marked)->used, ==, YS_USED_YES);
  }
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  save_png (GTK_WIDGET (f->window), "test-window-awaiting.png",
            "Was the output of these runs used — sent, published or shipped? One click each.",
            count, NULL);
}

static void
test_report_review_autosave (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *view;
  YsReview review;
  const char *quarter;

  g_assert_true (ys_demo_fill (f->store, &error));
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-report", NULL);
  ys_test_wait_until (g_strcmp0 (content_page (f), "report") == 0);
  view = adw_bin_get_child (ADW_BIN (ys_test_child (f->window, YS_TYPE_WINDOW, "report_slot")));
  ys_test_wait_until ((quarter = ys_report_view_get_quarter (YS_REPORT_VIEW (view))) != NULL);

  /* Typing is saved without pressing anything. */
  ys_report_view_set_answer (YS_REPORT_VIEW (view), 1, "Intake names need checking.");
  g_assert_true (ys_report_view_flush (YS_REPORT_VIEW (view)));
  ys_store_get_review (f->store, quarter, &review, NULL);
  g_assert_cmpstr (review.not_working, ==, "Intake names need checking.");
  ys_review_clear (&review);

  /* …and when the view goes away, whatever was pending. */
  ys_report_view_set_answer (YS_REPORT_VIEW (view), 0, "Briefs in one sitting.");
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-overview", NULL);
  ys_test_wait_until (review_working_is (f->store, quarter, "Briefs in one sitting."));

  /* Back on the page, the answers read from the database. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-report", NULL);
  ys_test_wait_until (g_strcmp0 (content_page (f), "report") == 0);
  ys_test_wait_until (gtk_widget_get_mapped (view));
  {
    GtkTextView *first = GTK_TEXT_VIEW (first_of_type (ys_test_child (view, YS_TYPE_REPORT_VIEW,
                                                                      "answers_box"),
                                                       GTK_TYPE_TEXT_VIEW));
    GtkTextIter start, end;
    g_autofree char *text = NULL;

    gtk_text_buffer_get_bounds (gtk_text_view_get_buffer (first), &start, &end);
    text = gtk_text_buffer_get_text (gtk_text_view_get_buffer (first), &start, &end, FALSE);
    g_assert_cmpstr (text, ==, "Briefs in one sitting.");
  }
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  save_png (GTK_WIDGET (f->window), "test-window-report.png", "Quarterly Review", NULL);
}

/* A new workflow starts on the team's default tool; once it has a run with
 * AI, the tool used last wins. */
static void
test_default_tool (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSettings) settings = g_settings_new ("io.github.yardstick_app.Yardstick");
  g_autoptr(YsWorkflow) workflow = ys_store_add_workflow (f->store, "Intake summary", "", 3, &error);
  g_autoptr(YsTool) chatgpt = ys_store_add_tool (f->store, "ChatGPT", &error);
  g_autoptr(YsTool) claude = ys_store_add_tool (f->store, "Claude", &error);
  g_autoptr(YsRun) run = NULL;
  g_autofree char *before_default = NULL;
  g_autofree char *with_default = NULL;
  g_autofree char *after_run = NULL;
  YsRunFields fields = {
    .workflow_id = (char *) ys_workflow_get_id (workflow), .mode = YS_MODE_WITH_AI,
    .tool_id = (char *) ys_tool_get_id (chatgpt), .started_at = 1763800000,
    .duration_seconds = 1800, .used = YS_USED_UNKNOWN, .note = (char *) "",
  };

  g_assert_no_error (error);
  g_settings_reset (settings, "default-tool");
  before_default = ys_form_preferred_tool_id (f->store, ys_workflow_get_id (workflow));
  g_assert_null (before_default);

  g_settings_set_string (settings, "default-tool", ys_tool_get_id (claude));
  with_default = ys_form_preferred_tool_id (f->store, ys_workflow_get_id (workflow));
  g_assert_cmpstr (with_default, ==, ys_tool_get_id (claude));

  run = ys_store_add_run (f->store, &fields, &error);
  g_assert_no_error (error);
  after_run = ys_form_preferred_tool_id (f->store, ys_workflow_get_id (workflow));
  g_assert_cmpstr (after_run, ==, ys_tool_get_id (chatgpt));
  g_settings_reset (settings, "default-tool");
}

/* Return in a field of Log Run saves, as the shortcuts window says: from
 * the duration (where the dialog opens) and from the corrections. */
static void
test_return_saves_run (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YsWorkflow) workflow = ys_store_add_workflow (f->store, "Intake summary", "", 3, &error);
  const char *id = ys_workflow_get_id (workflow);
  GtkWindow *dialog;
  GtkWidget *focus;

  g_assert_no_error (error);
  ys_window_select_workflow (f->window, id);
  ys_test_wait_until (g_strcmp0 (ys_window_get_selected_workflow_id (f->window), id) == 0);

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.log-run", NULL);
  ys_test_wait_until ((dialog = ys_test_find_toplevel (YS_TYPE_RUN_DIALOG)) != NULL);
  gtk_editable_set_text (GTK_EDITABLE (ys_test_child (dialog, YS_TYPE_RUN_DIALOG, "duration_row")), "45");
  focus = gtk_root_get_focus (GTK_ROOT (dialog));
  g_assert_true (GTK_IS_TEXT (focus));
  g_assert_true (gtk_widget_is_ancestor (focus, ys_test_child (dialog, YS_TYPE_RUN_DIALOG, "duration_row")));
  /* What GtkText's Return key binding emits. */
  g_signal_emit_by_name (focus, "activate");
  ys_test_wait_until (ys_test_find_toplevel (YS_TYPE_RUN_DIALOG) == NULL);
  g_assert_cmpuint (ys_store_count_runs (f->store, id, YS_MODE_WITHOUT_AI, NULL), ==, 1);

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.log-run", NULL);
  ys_test_wait_until ((dialog = ys_test_find_toplevel (YS_TYPE_RUN_DIALOG)) != NULL);
  gtk_editable_set_text (GTK_EDITABLE (ys_test_child (dialog, YS_TYPE_RUN_DIALOG, "duration_row")), "1:10");
  gtk_widget_grab_focus (ys_test_child (dialog, YS_TYPE_RUN_DIALOG, "corrections_spin"));
  focus = gtk_root_get_focus (GTK_ROOT (dialog));
  g_assert_true (GTK_IS_TEXT (focus));
  gtk_editable_set_text (GTK_EDITABLE (focus), "3");
  g_signal_emit_by_name (focus, "activate");
  ys_test_wait_until (ys_test_find_toplevel (YS_TYPE_RUN_DIALOG) == NULL);
  g_assert_cmpuint (ys_store_count_runs (f->store, id, YS_MODE_WITHOUT_AI, NULL), ==, 2);
  {
    /* Both runs start this minute: find the second by its duration. */
    g_autoptr(YsRunList) runs = ys_run_list_new (f->store, id, YS_RUN_FILTER_ALL);
    guint found = 0;

    for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (runs)); i++)
      {
        g_autoptr(YsRun) run = g_list_model_get_item (G_LIST_MODEL (runs), i);

        if (ys_run_get_fields (run)->duration_seconds == 70 * 60)
          {
            g_assert_cmpint (ys_run_get_fields (run)->corrections, ==, 3);
            found++;
          }
      }
    g_assert_cmpuint (found, ==, 1);
  }

  /* An invalid form stays open on Return. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.log-run", NULL);
  ys_test_wait_until ((dialog = ys_test_find_toplevel (YS_TYPE_RUN_DIALOG)) != NULL);
  focus = gtk_root_get_focus (GTK_ROOT (dialog));
  g_signal_emit_by_name (focus, "activate");
  g_assert_false (gtk_widget_get_sensitive (ys_test_child (dialog, YS_TYPE_RUN_DIALOG, "save_button")));
  g_assert_nonnull (ys_test_find_toplevel (YS_TYPE_RUN_DIALOG));
  g_assert_cmpuint (ys_store_count_runs (f->store, id, YS_MODE_WITHOUT_AI, NULL), ==, 2);
}

/* Give Feedback starts with no answer, and Save waits for one: an
 * untouched dialog must not record "saves time". */
static void
test_feedback_needs_answer (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YsWorkflow) workflow = ys_store_add_workflow (f->store, "Intake summary", "", 3, &error);
  g_autoptr(YsTool) tool = ys_store_add_tool (f->store, "Claude", &error);
  const char *id = ys_workflow_get_id (workflow);
  GtkWidget *yes, *no, *save;
  GtkWindow *dialog;

  g_assert_no_error (error);
  dialog = GTK_WINDOW (ys_feedback_dialog_new (GTK_WINDOW (f->window), f->store, id, NULL));
  gtk_window_present (dialog);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (dialog));
  yes = ys_test_child (dialog, YS_TYPE_FEEDBACK_DIALOG, "yes_button");
  no = ys_test_child (dialog, YS_TYPE_FEEDBACK_DIALOG, "no_button");
  save = ys_test_child (dialog, YS_TYPE_FEEDBACK_DIALOG, "save_button");
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (yes)));
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (no)));
  g_assert_false (gtk_widget_get_sensitive (save));

  /* Save at once, by the action and by Return in the comment: nothing. */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.save", NULL);
  gtk_widget_activate_default (ys_test_child (dialog, YS_TYPE_FEEDBACK_DIALOG, "comment_row"));
  g_assert_cmpuint (ys_store_count_feedback (f->store, id, NULL), ==, 0);
  g_assert_nonnull (ys_test_find_toplevel (YS_TYPE_FEEDBACK_DIALOG));

  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (no), TRUE);
  g_assert_true (gtk_widget_get_sensitive (save));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.save", NULL);
  ys_test_wait_until (ys_test_find_toplevel (YS_TYPE_FEEDBACK_DIALOG) == NULL);
  {
    g_autoptr(GListModel) feedback = ys_store_list_feedback (f->store, id);
    g_autoptr(YsFeedback) answer = g_list_model_get_item (feedback, 0);

    g_assert_cmpuint (g_list_model_get_n_items (feedback), ==, 1);
    g_assert_false (ys_feedback_get_saves_time (answer));
  }
}

static GtkAdjustment *
scroller_of (GtkWidget *widget)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);

  g_assert_nonnull (scroller);
  return gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
}

/* Scrolls @widget's scrolled window until @widget is at its top. */
static void
scroll_into_view (GtkWidget *widget)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_compute_bounds (widget, scroller, &bounds));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + bounds.origin.y);
}

static void
scroll_to_bottom (GtkAdjustment *adjustment)
{
  ys_test_wait_until (gtk_adjustment_get_upper (adjustment) > gtk_adjustment_get_page_size (adjustment));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), >, 0);
}

/* Another workflow, or another period, starts at the top: its headline,
 * its newest runs, its latest feedback. */
static void
test_scroll_to_top (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *figures, *feedback, *runs;
  AdwViewStack *pages;
  GtkAdjustment *adjustment;

  g_assert_true (ys_demo_fill (f->store, &error));
  gtk_window_set_default_size (GTK_WINDOW (f->window), 900, 500);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-workflow", "i", 0);
  pages = ADW_VIEW_STACK (ys_test_child (f->window, YS_TYPE_WINDOW, "view_stack"));
  figures = adw_bin_get_child (ADW_BIN (ys_test_child (f->window, YS_TYPE_WINDOW, "figures_slot")));

  adjustment = scroller_of (ys_test_child (figures, YS_TYPE_FIGURES_VIEW, "headline_label"));
  /* The figures are read on a worker thread: scrolled once they are in. */
  ys_test_wait_until (!ys_figures_view_is_reading (YS_FIGURES_VIEW (figures)));
  scroll_to_bottom (adjustment);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-workflow", "i", 1);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, 0);
  ys_test_wait_until (!ys_figures_view_is_reading (YS_FIGURES_VIEW (figures)));
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, 0);
  scroll_to_bottom (adjustment);
  ys_figures_view_set_period (YS_FIGURES_VIEW (figures), YS_PERIOD_LAST_QUARTER);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, 0);

  adw_view_stack_set_visible_child_name (pages, "runs");
  runs = ys_test_child (f->window, YS_TYPE_WINDOW, "run_list_view");
  adjustment = scroller_of (runs);
  scroll_to_bottom (adjustment);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-workflow", "i", 2);
  ys_test_wait_until (gtk_adjustment_get_value (adjustment) == 0);

  /* The Feedback page is built on its first visit. */
  g_assert_null (adw_bin_get_child (ADW_BIN (ys_test_child (f->window, YS_TYPE_WINDOW,
                                                            "feedback_slot"))));
  adw_view_stack_set_visible_child_name (pages, "feedback");
  feedback = adw_bin_get_child (ADW_BIN (ys_test_child (f->window, YS_TYPE_WINDOW, "feedback_slot")));
  gtk_window_set_default_size (GTK_WINDOW (f->window), 900, 300);
  adjustment = scroller_of (ys_test_child (feedback, YS_TYPE_FEEDBACK_VIEW, "group"));
  scroll_to_bottom (adjustment);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-workflow", "i", 0);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, 0);
}

static GtkWidget *
message_extra_child (GtkWindow *dialog)
{
  GtkWidget *extra = adw_message_dialog_get_extra_child (ADW_MESSAGE_DIALOG (dialog));

  g_assert_true (GTK_IS_LIST_BOX (extra));
  return extra;
}

/* Log Run works from every page: away from a workflow it first asks which
 * one, unless only one can take runs; Ctrl+N is the same action. */
static void
test_log_run_everywhere (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char *pages[] = { "win.show-overview", "win.show-report", "win.show-awaiting" };
  GListModel *workflows = ys_store_get_workflows (f->store);
  g_autoptr(YsWorkflow) second = NULL;
  GtkWindow *dialog;
  GtkListBoxRow *row;
  guint before;

  g_assert_true (ys_demo_fill (f->store, &error));
  ys_test_wait_until (g_list_model_get_n_items (workflows) == 3);
  second = g_list_model_get_item (workflows, 1);

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      gtk_widget_activate_action (GTK_WIDGET (f->window), pages[i], NULL);
      g_assert_null (ys_window_get_selected_workflow_id (f->window));
      gtk_widget_activate_action (GTK_WIDGET (f->window), "win.log-run", NULL);
      ys_test_wait_until ((dialog = ys_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG)) != NULL);
      g_assert_null (ys_test_find_toplevel (YS_TYPE_RUN_DIALOG));
      g_assert_nonnull (gtk_list_box_get_row_at_index (GTK_LIST_BOX (message_extra_child (dialog)), 2));
      g_assert_null (gtk_list_box_get_row_at_index (GTK_LIST_BOX (message_extra_child (dialog)), 3));
      gtk_window_destroy (dialog);
    }

  /* From Awaiting Outcome, the second workflow: its run lands there. */
  before = ys_store_count_runs (f->store, ys_workflow_get_id (second), YS_MODE_WITHOUT_AI, NULL);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.log-run", NULL);
  ys_test_wait_until ((dialog = ys_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG)) != NULL);
  row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (message_extra_child (dialog)), 1);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                   ys_workflow_get_name (second));
  g_signal_emit_by_name (message_extra_child (dialog), "row-activated", row);
  ys_test_wait_until ((dialog = ys_test_find_toplevel (YS_TYPE_RUN_DIALOG)) != NULL);
  g_assert_null (ys_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  adw_combo_row_set_selected (ADW_COMBO_ROW (ys_test_child (dialog, YS_TYPE_RUN_DIALOG, "mode_row")), 0);
  gtk_editable_set_text (GTK_EDITABLE (ys_test_child (dialog, YS_TYPE_RUN_DIALOG, "duration_row")), "40");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.save", NULL);
  ys_test_wait_until (ys_test_find_toplevel (YS_TYPE_RUN_DIALOG) == NULL);
  g_assert_cmpuint (ys_store_count_runs (f->store, ys_workflow_get_id (second), YS_MODE_WITHOUT_AI, NULL),
                    ==, before + 1);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (ys_test_child (f->window, YS_TYPE_WINDOW,
                                                                               "content_stack"))),
                   ==, "awaiting");

  /* With one active workflow, nothing to ask. */
  while (ys_store_count_active_workflows (f->store, NULL) > 1)
    {
      g_autoptr(YsWorkflow) workflow = g_list_model_get_item (workflows, 0);

      if (g_str_equal (ys_workflow_get_id (workflow), ys_workflow_get_id (second)))
        {
          g_clear_object (&workflow);
          workflow = g_list_model_get_item (workflows, 1);
        }
      g_assert_true (ys_store_set_workflow_archived (f->store, ys_workflow_get_id (workflow),
                                                     TRUE, &error));
    }
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-overview", NULL);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.log-run", NULL);
  ys_test_wait_until ((dialog = ys_test_find_toplevel (YS_TYPE_RUN_DIALOG)) != NULL);
  g_assert_null (ys_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  gtk_window_destroy (dialog);
}

/* The workflow is named at the top of its page: in a heading when the
 * view switcher is in the header, in the header's title when folded. */
static void
test_header_names_workflow (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *heading, *name;
  AdwViewSwitcherTitle *title;
  AdwLeaflet *leaflet;

  /* The workflows' page is built with the first workflow. */
  g_assert_true (ys_demo_fill (f->store, &error));
  heading = ys_test_child (f->window, YS_TYPE_WINDOW, "workflow_heading");
  name = ys_test_child (f->window, YS_TYPE_WINDOW, "workflow_name_label");
  title = ADW_VIEW_SWITCHER_TITLE (ys_test_child (f->window, YS_TYPE_WINDOW, "view_title"));
  leaflet = ADW_LEAFLET (ys_test_child (f->window, YS_TYPE_WINDOW, "leaflet"));
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 800);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-workflow", "i", 0);
  ys_test_wait_until (!adw_leaflet_get_folded (leaflet) && gtk_widget_get_mapped (name));
  /* The first by name: workflows are listed the same way on every computer. */
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (name)), ==, "Grant report section");
  ys_test_wait_until (!adw_view_switcher_title_get_title_visible (title));

  gtk_window_set_default_size (GTK_WINDOW (f->window), 360, 640);
  ys_test_wait_until (adw_leaflet_get_folded (leaflet));
  g_assert_false (gtk_widget_get_visible (heading));
  g_assert_cmpstr (adw_view_switcher_title_get_title (title), ==, "Grant report section");
  ys_test_wait_until (adw_view_switcher_title_get_title_visible (title));

  /* Another page has its own name, and no heading. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-overview", NULL);
  g_assert_cmpstr (adw_view_switcher_title_get_title (title), ==, "Overview");
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 800);
  ys_test_wait_until (!adw_leaflet_get_folded (leaflet));
  g_assert_false (gtk_widget_get_visible (heading));
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-workflow", "i", 1);
  ys_test_wait_until (gtk_widget_get_mapped (name));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (name)), ==, "Intake summary");
}

/* The timer offers "New Tool…" as Log Run does: with no tool yet, Start With
 * AI asks for the name, adds the tool and starts, all in one. */
static void
test_timer_new_tool (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YsWorkflow) workflow = ys_store_add_workflow (f->store, "Intake summary", "", 3, &error);
  const char *id = ys_workflow_get_id (workflow);
  GtkWidget *card = adw_clamp_get_child (ADW_CLAMP (ys_test_child (f->window, YS_TYPE_WINDOW, "timer_clamp")));
  GtkWidget *popover = ys_test_child (card, YS_TYPE_TIMER_CARD, "new_tool_popover");
  GtkWidget *entry = ys_test_child (card, YS_TYPE_TIMER_CARD, "new_tool_entry");
  GtkWidget *message = ys_test_child (card, YS_TYPE_TIMER_CARD, "new_tool_error");
  GtkDropDown *tools = GTK_DROP_DOWN (ys_test_child (card, YS_TYPE_TIMER_CARD, "tool_dropdown"));

  g_assert_no_error (error);
  /* Not a fair test: the person chooses with AI. */
  g_assert_true (ys_store_set_workflow_fair_test (f->store, id, FALSE, &error));
  ys_window_select_workflow (f->window, id);
  ys_test_wait_until (gtk_widget_get_mapped (card));
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (tools)), ==, 1);

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.timer-start-with-ai", NULL);
  ys_test_wait_until (gtk_widget_get_mapped (popover));
  g_assert_null (ys_store_get_timer (f->store, id));
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (f->window)), entry));

  /* Return with no name: nothing happens, nothing is said yet. */
  g_signal_emit_by_name (entry, "activate");
  g_assert_null (ys_store_get_timer (f->store, id));
  g_assert_false (gtk_widget_get_visible (message));

  gtk_editable_set_text (GTK_EDITABLE (entry), "Claude");
  g_signal_emit_by_name (entry, "activate");
  ys_test_wait_until (!gtk_widget_get_mapped (popover));
  {
    g_autoptr(YsTimer) timer = ys_store_get_timer (f->store, id);
    g_autoptr(YsTool) tool = g_list_model_get_item (ys_store_get_tools (f->store), 0);

    g_assert_nonnull (timer);
    g_assert_cmpuint (g_list_model_get_n_items (ys_store_get_tools (f->store)), ==, 1);
    g_assert_cmpstr (ys_tool_get_name (tool), ==, "Claude");
    g_assert_cmpint (ys_timer_get_mode (timer), ==, YS_MODE_WITH_AI);
    g_assert_cmpstr (ys_timer_get_tool_id (timer), ==, ys_tool_get_id (tool));
  }
  g_assert_true (ys_store_discard_timer (f->store, id, &error));
  ys_test_wait_until (gtk_widget_get_mapped (GTK_WIDGET (tools)));
  g_assert_cmpstr (gtk_string_object_get_string (gtk_drop_down_get_selected_item (tools)), ==,
                   "Claude");

  /* "New Tool…" picked from the list asks too; a taken name is refused
   * on the spot and starts nothing. */
  gtk_drop_down_set_selected (tools, 1);
  ys_test_wait_until (gtk_widget_get_mapped (popover));
  gtk_editable_set_text (GTK_EDITABLE (entry), "Claude");
  g_signal_emit_by_name (entry, "activate");
  g_assert_true (gtk_widget_get_visible (message));
  g_assert_null (ys_store_get_timer (f->store, id));
  g_assert_cmpuint (g_list_model_get_n_items (ys_store_get_tools (f->store)), ==, 1);
  gtk_popover_popdown (GTK_POPOVER (popover));
  ys_test_wait_until (!gtk_widget_get_mapped (popover));
  g_assert_cmpstr (gtk_string_object_get_string (gtk_drop_down_get_selected_item (tools)), ==,
                   "Claude");
}

static double
top_of (GtkWidget *widget,
        GtkWidget *ancestor)
{
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_compute_bounds (widget, ancestor, &bounds));
  return bounds.origin.y;
}

/* The Report page: the review comes before the buttons and the preview,
 * coverage shows its % sign, and "Review saved" only follows an edit. */
static void
test_report_page (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *view, *coverage, *saved, *known;
  YsReview review;

  g_assert_true (ys_demo_fill (f->store, &error));
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-report", NULL);
  view = adw_bin_get_child (ADW_BIN (ys_test_child (f->window, YS_TYPE_WINDOW, "report_slot")));
  ys_test_wait_until (gtk_widget_get_mapped (view) && ys_report_view_get_quarter (YS_REPORT_VIEW (view)));
  coverage = ys_test_child (view, YS_TYPE_REPORT_VIEW, "coverage_spin");
  known = ys_test_child (view, YS_TYPE_REPORT_VIEW, "coverage_known");
  saved = ys_test_child (view, YS_TYPE_REPORT_VIEW, "saved_label");
  gtk_test_widget_wait_for_draw (view);

  g_assert_cmpfloat (top_of (coverage, view), <,
                     top_of (ys_test_child (view, YS_TYPE_REPORT_VIEW, "preview_label"), view));
  g_assert_cmpfloat (top_of (ys_test_child (view, YS_TYPE_REPORT_VIEW, "answers_box"), view), <,
                     top_of (ys_test_child (view, YS_TYPE_REPORT_VIEW, "preview_label"), view));

  /* Nothing edited: saving a copy says nothing about the review. */
  gtk_widget_activate_action (view, "report.copy-summary", NULL);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (saved)), ==, "");

  /* The sample's review has coverage 60. */
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (known)));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (coverage)), ==, "60%");
  gtk_editable_set_text (GTK_EDITABLE (coverage), "75");
  gtk_spin_button_update (GTK_SPIN_BUTTON (coverage));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (coverage)), ==, 75);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (coverage)), ==, "75%");
  gtk_editable_set_text (GTK_EDITABLE (coverage), "80 %");
  gtk_spin_button_update (GTK_SPIN_BUTTON (coverage));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (coverage)), ==, 80);
  gtk_editable_set_text (GTK_EDITABLE (coverage), "most of us");
  gtk_spin_button_update (GTK_SPIN_BUTTON (coverage));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (coverage)), ==, 80);

  g_assert_true (ys_report_view_flush (YS_REPORT_VIEW (view)));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (saved)), ==, "Review saved");
  ys_store_get_review (f->store, ys_report_view_get_quarter (YS_REPORT_VIEW (view)), &review, NULL);
  g_assert_cmpint (review.coverage_percent, ==, 80);
  ys_review_clear (&review);
}

static YsUsed
run_used (YsStore    *store,
          const char *id)
{
  g_autoptr(YsRun) run = ys_store_get_run (store, id, NULL);

  g_assert_nonnull (run);
  return ys_run_get_fields (run)->used;
}

/* Fast clicks on Awaiting Outcome: the toast names the run it undoes, and
 * replaces the one before, so Undo takes back the run it says. */
static void
test_awaiting_toasts (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YsWorkflow) workflow = ys_store_add_workflow (f->store, "Intake summary", "", 3, &error);
  YsRunFields fields = {
    .workflow_id = (char *) ys_workflow_get_id (workflow), .mode = YS_MODE_WITHOUT_AI,
    .started_at = 1763800000, .used = YS_USED_UNKNOWN, .note = (char *) "",
  };
  g_autoptr(YsRun) first = NULL;
  g_autoptr(YsRun) second = NULL;
  GtkWidget *view, *undo;

  fields.duration_seconds = 26 * 60;
  first = ys_store_add_run (f->store, &fields, &error);
  fields.duration_seconds = 31 * 60;
  second = ys_store_add_run (f->store, &fields, &error);
  g_assert_no_error (error);

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-awaiting", NULL);
  view = adw_bin_get_child (ADW_BIN (ys_test_child (f->window, YS_TYPE_WINDOW, "awaiting_slot")));
  gtk_widget_activate_action (view, "awaiting.used", "s", ys_run_get_id (first));
  gtk_widget_activate_action (view, "awaiting.not-used", "s", ys_run_get_id (second));
  ys_test_wait_until (only_toast_is (f->window, "Not used: 31 min of Intake summary"));

  undo = ys_test_toast_button (f->window, YS_TYPE_WINDOW);
  g_assert_nonnull (undo);
  gtk_widget_activate (undo);
  ys_test_wait_until (run_used (f->store, ys_run_get_id (second)) == YS_USED_UNKNOWN);
  g_assert_cmpint (run_used (f->store, ys_run_get_id (first)), ==, YS_USED_YES);
}

/* Once @shown is on screen, @window's content needs no more than 360 px. */
static void
assert_fits (YsWindow   *window,
             const char *page,
             GtkWidget  *shown)
{
  /* The window's own frame and shadow are not part of the 360 px. */
  const int limit = 360;
  GtkWidget *content = adw_application_window_get_content (ADW_APPLICATION_WINDOW (window));
  int minimum;

  if (!ys_test_wait_for ((YsTestPredicate) gtk_widget_get_mapped, shown, YS_TEST_WAIT_MS))
    g_error ("%s: the %s is not on screen", page, G_OBJECT_TYPE_NAME (shown));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  gtk_widget_measure (content, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  if (minimum > limit)
    {
      GtkWidget *leaf = ys_test_widest_leaf (content, limit);
      const char *label = GTK_IS_LABEL (leaf) ? gtk_label_get_label (GTK_LABEL (leaf)) : "";

      /* On standard error: the translated runs happen in a child process. */
      g_printerr ("%s: %d px wide at least; widest: %s %s “%s”\n", page, minimum,
                  G_OBJECT_TYPE_NAME (leaf), gtk_widget_get_name (leaf), label);
      g_test_fail ();
    }
}

static gboolean
label_is_ellipsized (GtkWidget *label)
{
  return pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (label)));
}

static GtkWidget *
find_button (GtkWidget  *widget,
             const char *label)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_button (c, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The small items of the trial: the run count follows the search, the
 * Feedback page's title is whole at 360 px and its answers are words, and
 * Share Workflows says what it shares and what came of it. */
static void
test_small_items (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YsWorkflow) workflow = ys_store_add_workflow (f->store, "Intake summary", "", 3, &error);
  g_autoptr(YsTool) tool = ys_store_add_tool (f->store, "Claude", &error);
  const char *id = ys_workflow_get_id (workflow);
  const char *notes[] = { "alpha", "beta", "alpha two" };
  GtkWidget *counts;
  GtkWidget *feedback_view, *title;
  g_autofree char *shared_path = g_build_filename (f->dir, "team-workflows.json", NULL);
  g_autoptr(GFile) shared = g_file_new_for_path (shared_path);
  GtkWindow *dialog;

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (notes); i++)
    {
      YsRunFields fields = {
        .workflow_id = (char *) id, .mode = YS_MODE_WITHOUT_AI, .started_at = 1763800000 + i * 3600,
        .duration_seconds = 1800, .used = YS_USED_UNKNOWN, .note = (char *) notes[i],
      };
      g_autoptr(YsRun) run = ys_store_add_run (f->store, &fields, &error);

      g_assert_no_error (error);
    }
  ys_window_select_workflow (f->window, id);
  /* The counts head the Runs tab, built when it is first shown. */
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (ys_test_child (f->window, YS_TYPE_WINDOW,
                                                                        "view_stack")), "runs");
  counts = ys_test_child (f->window, YS_TYPE_WINDOW, "counts_label");
  ys_test_wait_until (g_strcmp0 (gtk_label_get_label (GTK_LABEL (counts)),
                                 "3 runs without AI · 0 runs with AI") == 0);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.search", NULL);
  gtk_editable_set_text (GTK_EDITABLE (ys_test_child (f->window, YS_TYPE_WINDOW, "search_entry")), "alpha");
  ys_test_wait_until (g_strcmp0 (gtk_label_get_label (GTK_LABEL (counts)),
                                 "2 of 3 runs match the search") == 0);
  gtk_editable_set_text (GTK_EDITABLE (ys_test_child (f->window, YS_TYPE_WINDOW, "search_entry")), "two");
  ys_test_wait_until (g_strcmp0 (gtk_label_get_label (GTK_LABEL (counts)),
                                 "1 of 3 runs matches the search") == 0);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.search", NULL);
  gtk_editable_set_text (GTK_EDITABLE (ys_test_child (f->window, YS_TYPE_WINDOW, "search_entry")), "");
  ys_test_wait_until (g_strcmp0 (gtk_label_get_label (GTK_LABEL (counts)),
                                 "3 runs without AI · 0 runs with AI") == 0);

  /* Feedback at 360 px: the title whole, a "No" as a word. */
  g_free (ys_store_add_feedback (f->store, id, ys_tool_get_id (tool), FALSE, "2026-11-20", "", &error));
  g_assert_no_error (error);
  g_object_set (gtk_settings_get_default (), "gtk-decoration-layout", "appmenu:close", NULL);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 360, 640);
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (ys_test_child (f->window, YS_TYPE_WINDOW,
                                                                         "view_stack")), "feedback");
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-workflow", "i", 0);
  feedback_view = adw_bin_get_child (ADW_BIN (ys_test_child (f->window, YS_TYPE_WINDOW, "feedback_slot")));
  title = find_label (feedback_view, "Does the Tool Save Time?");
  g_assert_nonnull (title);
  ys_test_wait_until (gtk_widget_get_mapped (title) && gtk_widget_get_width (feedback_view) <= 360);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  g_assert_false (label_is_ellipsized (title));
  g_assert_nonnull (find_label (feedback_view, "Claude does not save time"));
  g_assert_nonnull (find_label (feedback_view, "No"));
  assert_fits (f->window, "feedback", title);

  /* Share Workflows says what the file holds before a file is chosen. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.share-workflows", NULL);
  ys_test_wait_until ((dialog = ys_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG)) != NULL);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "Share Workflows");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)),
                            "without any runs or feedback"));
  gtk_window_destroy (dialog);
  g_assert_true (ys_window_export_file (f->window, shared, YS_BUNDLE_WORKFLOWS));
  ys_test_wait_until (only_toast_is (f->window, "Saved team-workflows.json for your team to import"));
}

/* A run row's "Drawn" or "Other way" on screen under @widget, or NULL. */
static GtkWidget *
find_draw_label (GtkWidget *widget)
{
  if (YS_IS_RUN_ROW (widget))
    {
      GtkWidget *label = ys_test_child (widget, YS_TYPE_RUN_ROW, "assignment_label");

      return gtk_widget_get_mapped (label) ? label : NULL;
    }
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_draw_label (c);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_narrow (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ys_demo_fill (f->store, &error));
  /* GNOME's own title buttons; Xvfb's default adds minimise and maximise. */
  g_object_set (gtk_settings_get_default (), "gtk-decoration-layout", "appmenu:close", NULL);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 360, 640);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-overview", NULL);
  assert_fits (f->window, "overview", ys_test_child (f->window, YS_TYPE_WINDOW, "overview_slot"));
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-workflow", "i", 0);
  assert_fits (f->window, "figures", ys_test_child (f->window, YS_TYPE_WINDOW, "figures_slot"));
  {
    GtkWidget *figures = adw_bin_get_child (ADW_BIN (ys_test_child (f->window, YS_TYPE_WINDOW,
                                                                    "figures_slot")));
    GtkSwitch *table = GTK_SWITCH (ys_test_child (figures, YS_TYPE_FIGURES_VIEW, "table_switch"));
    GtkStack *trends = GTK_STACK (ys_test_child (figures, YS_TYPE_FIGURES_VIEW, "trend_stack"));

    GtkWidget *table_list = ys_test_child (figures, YS_TYPE_FIGURES_VIEW, "table_list");
    GtkWidget *newest;

    gtk_switch_set_active (table, TRUE);
    assert_fits (f->window, "figures as a table", table_list);
    /* The picture is of the table: its newest week scrolled into view. */
    newest = GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (table_list), 0));
    g_assert_nonnull (newest);
    scroll_into_view (newest);
    ys_test_wait_until (in_view (GTK_WIDGET (f->window), newest));
    save_png (GTK_WIDGET (f->window), "test-window-narrow-table.png", NULL);
    /* The charts again, with the filled table hidden behind them. */
    gtk_switch_set_active (table, FALSE);
    assert_fits (f->window, "figures after the table",
                 gtk_stack_get_child_by_name (trends, "charts"));
  }
  /* The sample's fair test (grant report sections, wherever its name
   * sorts), so that its rows say which runs were drawn. */
  for (guint i = 0; i < g_list_model_get_n_items (ys_store_get_workflows (f->store)); i++)
    {
      g_autoptr(YsWorkflow) workflow = g_list_model_get_item (ys_store_get_workflows (f->store), i);

      if (ys_workflow_get_fair_test (workflow))
        ys_window_select_workflow (f->window, ys_workflow_get_id (workflow));
    }
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.search", NULL);
  assert_fits (f->window, "runs", ys_test_child (f->window, YS_TYPE_WINDOW, "search_entry"));
  ys_test_wait_until (find_draw_label (GTK_WIDGET (f->window)) != NULL);
  {
    /* Log Run on it says that a run logged by hand is not drawn. */
    GtkWidget *dialog;
    GtkWidget *group;
    int minimum;

    gtk_widget_activate_action (GTK_WIDGET (f->window), "win.log-run", NULL);
    ys_test_wait_until ((dialog = GTK_WIDGET (ys_test_find_toplevel (YS_TYPE_RUN_DIALOG))) != NULL);
    group = ys_test_child (dialog, YS_TYPE_RUN_DIALOG, "run_group");
    g_assert_cmpstr (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (group)), ==,
                     _("Runs logged by hand are not part of the fair test. To have Yardstick "
                       "draw, press Start instead."));
    ys_test_wait_until (gtk_widget_get_mapped (group));
    gtk_widget_measure (adw_window_get_content (ADW_WINDOW (dialog)), GTK_ORIENTATION_HORIZONTAL,
                        -1, &minimum, NULL, NULL, NULL);
    if (minimum > 360)
      {
        GtkWidget *leaf = ys_test_widest_leaf (dialog, 360);

        g_printerr ("Log Run: %d px wide at least; widest: %s “%s”\n", minimum,
                    G_OBJECT_TYPE_NAME (leaf),
                    GTK_IS_LABEL (leaf) ? gtk_label_get_label (GTK_LABEL (leaf)) : "");
        g_test_fail ();
      }
    gtk_window_destroy (GTK_WINDOW (dialog));
    ys_test_wait_until (ys_test_find_toplevel (YS_TYPE_RUN_DIALOG) == NULL);
  }
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.timer-toggle", NULL);
  {
    /* A fair test: its one Start, then the draw shown both ways. */
    const char *id = ys_window_get_selected_workflow_id (f->window);
    GtkWidget *card = adw_clamp_get_child (ADW_CLAMP (ys_test_child (f->window, YS_TYPE_WINDOW,
                                                                     "timer_clamp")));
    GtkStack *stack = GTK_STACK (ys_test_child (card, YS_TYPE_TIMER_CARD, "stack"));
    GtkWidget *back = ys_test_child (card, YS_TYPE_TIMER_CARD, "back_button");

    assert_fits (f->window, "running timer", gtk_stack_get_child_by_name (stack, "running"));
    g_assert_true (ys_store_discard_timer (f->store, id, &error));
    g_assert_true (ys_store_set_workflow_fair_test (f->store, id, TRUE, &error));
    g_assert_no_error (error);
    assert_fits (f->window, "a fair test's Start",
                 ys_test_child (card, YS_TYPE_TIMER_CARD, "draw_button"));
    gtk_widget_activate_action (GTK_WIDGET (f->window), "win.timer-toggle", NULL);
    assert_fits (f->window, "a drawn run", ys_test_child (card, YS_TYPE_TIMER_CARD, "draw_box"));
    {
      g_autoptr(YsTimer) drawn = ys_store_get_timer (f->store, id);

      g_assert_nonnull (drawn);
    }
    g_assert_true (ys_store_override_timer (f->store, id, TRUE, NULL, "Deadline today", &error));
    g_assert_no_error (error);
    assert_fits (f->window, "a drawn run done the other way", back);
    ys_test_wait_until (in_view (GTK_WIDGET (f->window), back));
    save_png (GTK_WIDGET (f->window), "test-window-narrow-draw.png", NULL);
  }
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-awaiting", NULL);
  assert_fits (f->window, "awaiting outcome",
               ys_test_child (f->window, YS_TYPE_WINDOW, "awaiting_slot"));
  {
    /* Its toast names the run: still 360 px. */
    g_autoptr(GListModel) awaiting = ys_store_list_awaiting_outcome (f->store);
    g_autoptr(YsRun) first = g_list_model_get_item (awaiting, 0);
    GtkWidget *view = adw_bin_get_child (ADW_BIN (ys_test_child (f->window, YS_TYPE_WINDOW,
                                                                 "awaiting_slot")));

    gtk_widget_activate_action (view, "awaiting.not-used", "s", ys_run_get_id (first));
    ys_test_wait_until (count_toasts (f->window) == 1);
    assert_fits (f->window, "awaiting outcome with its toast", view);
  }
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-report", NULL);
  assert_fits (f->window, "report", ys_test_child (f->window, YS_TYPE_WINDOW, "report_slot"));
}

/* German and Spanish words are longer: the same pages, translated. In a
 * process of its own, since gettext keeps what it has translated once. */
static void
test_narrow_translated (gconstpointer data)
{
  const char *language = data;

  if (g_test_subprocess ())
    {
      Fixture f = { 0 };

      /* The translations are there, or this would test English again. */
      g_assert_cmpstr (_("Log Run"), !=, "Log Run");
      fixture_set_up (&f, NULL);
      test_narrow (&f, NULL);
      fixture_tear_down (&f, NULL);
      return;
    }

  /* GTK's test accessibility backend too: with GTK_A11Y=none the templates'
   * accessible properties are not even parsed, and a wrong one warned only
   * in the running app. */
  g_setenv ("LANGUAGE", language, TRUE);
  g_setenv ("GTK_A11Y", "test", TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_setenv ("LANGUAGE", "C", TRUE);
  g_setenv ("GTK_A11Y", "none", TRUE);
  g_test_trap_assert_passed ();
}

/* A refused database: the dialog says what happened and offers the ways on. */
/* A read that fails once the window is open (another program keeping
 * readers out) is said in a banner, and the window keeps what it showed
 * rather than zeros; Try Again reads everything again. */
static void
test_read_error_banner (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *banner = ys_test_child (f->window, YS_TYPE_WINDOW, "read_error_revealer");
  GtkWidget *counts;
  g_autofree char *counts_before = NULL;
  GListModel *runs;
  guint listed;

  g_assert_true (ys_demo_fill (f->store, &error));
  g_assert_no_error (error);
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (ys_test_child (f->window, YS_TYPE_WINDOW,
                                                                         "view_stack")), "runs");
  counts = ys_test_child (f->window, YS_TYPE_WINDOW, "counts_label");
  ys_test_wait_until (strstr (gtk_label_get_label (GTK_LABEL (counts)), "runs without AI") != NULL);
  counts_before = g_strdup (gtk_label_get_label (GTK_LABEL (counts)));
  runs = shown_runs (f);
  ys_test_wait_until (g_list_model_get_n_items (runs) > 0);
  listed = g_list_model_get_n_items (runs);
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (banner)));

  ys_database_set_fault (ys_store_get_database (f->store), SQLITE_BUSY);
  ys_store_refresh (f->store);
  ys_test_wait_until (gtk_revealer_get_reveal_child (GTK_REVEALER (banner)));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (ys_test_child (f->window, YS_TYPE_WINDOW,
                                                                           "read_error_label"))),
                            "test.db is locked by another program"));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (counts)), ==, counts_before);
  g_assert_cmpuint (g_list_model_get_n_items (runs), ==, listed);
  g_assert_cmpuint (g_list_model_get_n_items (ys_store_get_workflows (f->store)), ==, 3);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  save_png (GTK_WIDGET (f->window), "test-window-read-error.png", "Try Again", counts_before,
            NULL);

  ys_database_set_fault (ys_store_get_database (f->store), 0);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.read-again", NULL);
  ys_test_wait_until (!gtk_revealer_get_reveal_child (GTK_REVEALER (banner)));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (counts)), ==, counts_before);
  ys_test_wait_until (g_list_model_get_n_items (runs) == listed);
}

static gint64
local_usec (int year, int month, int day, int hour, int minute)
{
  g_autoptr(GDateTime) when = g_date_time_new_local (year, month, day, hour, minute, 0);
  return g_date_time_to_unix (when) * G_USEC_PER_SEC;
}

/* "This quarter" moves on at midnight, by the store's clock. */
static void
test_figures_roll_over (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YsClock) clock = ys_clock_new_fixed (local_usec (2026, 9, 30, 23, 59));
  YsWindow *window;
  AdwBin *slot;
  YsFiguresView *figures;
  GtkLabel *period;

  ys_store_set_clock (f->store, clock);
  g_assert_true (ys_demo_fill (f->store, &error));
  g_assert_no_error (error);
  window = ys_window_new (NULL, f->store);
  gtk_window_present (GTK_WINDOW (window));
  slot = ADW_BIN (ys_test_child (window, YS_TYPE_WINDOW, "figures_slot"));
  ys_test_wait_until (adw_bin_get_child (slot) != NULL);
  figures = YS_FIGURES_VIEW (adw_bin_get_child (slot));
  period = GTK_LABEL (ys_test_child (figures, YS_TYPE_FIGURES_VIEW, "period_label"));
  ys_figures_view_set_period (figures, YS_PERIOD_THIS_QUARTER);
  ys_test_wait_until (!ys_figures_view_is_reading (figures));
  ys_test_wait_until (g_strcmp0 (gtk_label_get_label (period), "1 Jul 2026 – 30 Sep 2026") == 0);

  /* The new quarter has just begun: its figures cover the day so far. */
  ys_clock_set_now (clock, local_usec (2026, 10, 1, 0, 1));
  ys_test_wait_until (g_strcmp0 (gtk_label_get_label (period),
                                 "1 Oct 2026 – 1 Oct 2026 (so far)") == 0);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Item 9 of issue 15: a timer running when Yardstick stopped is on its
 * card again when the window next opens, counting from its start. */
static void
test_timer_after_restart (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YsWorkflow) workflow = ys_store_add_workflow (f->store, "Intake summary", "", 3, &error);
  g_autofree char *id = g_strdup (ys_workflow_get_id (workflow));
  g_autofree char *path = g_strdup (ys_store_get_path (f->store));
  g_autoptr(YsClock) clock = ys_clock_new_fixed (local_usec (2026, 11, 25, 9, 0));
  GtkWidget *card;

  g_assert_no_error (error);
  ys_store_set_clock (f->store, clock);
  g_assert_true (ys_store_start_timer (f->store, id, YS_MODE_WITHOUT_AI, NULL, &error));
  g_assert_no_error (error);

  /* Yardstick stops: its window and its database go. Seven minutes later
   * it starts again. */
  ys_test_destroy_toplevels ();
  g_clear_object (&f->store);
  advance (clock, (gint64) 7 * 60);
  f->store = ys_store_open (path, &error);
  g_assert_no_error (error);
  ys_store_set_clock (f->store, clock);
  f->window = ys_window_new (NULL, f->store);
  gtk_window_present (GTK_WINDOW (f->window));
  ys_window_select_workflow (f->window, id);

  card = adw_clamp_get_child (ADW_CLAMP (ys_test_child (f->window, YS_TYPE_WINDOW, "timer_clamp")));
  ys_test_wait_until (gtk_widget_get_mapped (card));
  ys_test_wait_until (g_strcmp0 (gtk_stack_get_visible_child_name (GTK_STACK (
                                   ys_test_child (card, YS_TYPE_TIMER_CARD, "stack"))),
                                 "running") == 0);
  ys_test_wait_until (g_strcmp0 (gtk_label_get_label (GTK_LABEL (ys_test_child (card, YS_TYPE_TIMER_CARD,
                                                                                "elapsed_label"))),
                                 "0:07:00") == 0);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (ys_test_child (card, YS_TYPE_TIMER_CARD,
                                                                  "detail_label"))),
                   ==, "Without AI · started 09:00");
}

static void
note_changed (YsStore  *store,
              guint     changes,
              gboolean *changed)
{
  *changed = TRUE;
}

/* The command line imports into the database the window has open: the
 * window sees the other program's write on its clock's next tick. */
static void
test_other_program_import (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *demo_path = g_build_filename (f->dir, "demo.db", NULL);
  g_autofree char *bundle = g_build_filename (f->dir, "team.json", NULL);
  g_autoptr(YsStore) demo = ys_store_open (demo_path, &error);
  const char *bin = g_getenv ("YARDSTICK_BIN");
  const char *argv[] = { bin, "--database", ys_store_get_path (f->store), "--import", bundle,
                         NULL };
  gboolean changed = FALSE;
  int status = -1;

  g_assert_nonnull (bin);
  g_assert_true (ys_demo_fill (demo, &error));
  g_assert_true (ys_bundle_export_file (demo, YS_BUNDLE_EVERYTHING, bundle, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (visible_page (f), ==, "welcome");

  g_signal_connect (f->store, "changed", G_CALLBACK (note_changed), &changed);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                               NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  /* Waits for the tick, not for a set time. */
  ys_test_wait_until (changed);
  g_signal_handlers_disconnect_by_func (f->store, note_changed, &changed);

  g_assert_cmpuint (g_list_model_get_n_items (ys_store_get_workflows (f->store)), ==, 3);
  ys_test_wait_until (g_strcmp0 (visible_page (f), "main") == 0);
  ys_test_wait_until (g_list_model_get_n_items (shown_runs (f)) > 0);
  ys_test_wait_until (strstr (gtk_label_get_label (GTK_LABEL (ys_test_child (f->window,
                                                                             YS_TYPE_WINDOW,
                                                                             "counts_label"))),
                              "runs without AI") != NULL);
}

static void
count_synced (YsTeamFolder *team,
              guint        *synced)
{
  (*synced)++;
}

/* Preferences › Team Folder: choosing the folder (the first time with what
 * it is for), the last sync, the skipped files; and the overview's line. */
static void
test_team_folder (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSettingsBackend) backend = g_memory_settings_backend_new ();
  g_autoptr(GSettings) settings = g_settings_new_with_backend (APP_ID, backend);
  g_autoptr(YsClock) clock = ys_clock_new_fixed (g_get_real_time ());
  g_autoptr(YsTeamFolder) team = NULL;
  g_autofree char *folder = g_build_filename (f->dir, "Team", NULL);
  g_autofree char *junk = g_build_filename (folder, "notes.json", NULL);
  g_autofree char *explained_folder = NULL;
  GtkWidget *preferences = adw_preferences_window_new ();
  GtkWidget *page = NULL;
  GtkWidget *overview = ys_overview_view_new (f->store);
  AdwActionRow *folder_row, *status_row;
  GtkWidget *skipped;
  AdwMessageDialog *explanation;
  guint synced = 0;

  ys_store_set_clock (f->store, clock);
  team = ys_team_folder_new (f->store, settings);
  page = ys_team_folder_page_new (team, settings);
  folder_row = ADW_ACTION_ROW (ys_test_child (page, YS_TYPE_TEAM_FOLDER_PAGE, "folder_row"));
  status_row = ADW_ACTION_ROW (ys_test_child (page, YS_TYPE_TEAM_FOLDER_PAGE, "status_row"));
  skipped = ys_test_child (page, YS_TYPE_TEAM_FOLDER_PAGE, "skipped_group");

  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  g_assert_true (ys_demo_fill (f->store, &error));
  g_signal_connect (team, "synced", G_CALLBACK (count_synced), &synced);
  ys_team_folder_start (team);
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (preferences), ADW_PREFERENCES_PAGE (page));
  adw_preferences_window_set_visible_page (ADW_PREFERENCES_WINDOW (preferences),
                                           ADW_PREFERENCES_PAGE (page));
  gtk_window_present (GTK_WINDOW (preferences));
  ys_test_wait_until (gtk_widget_get_mapped (page));
  g_assert_cmpstr (adw_action_row_get_subtitle (folder_row), ==, "None chosen yet");
  g_assert_cmpstr (adw_action_row_get_subtitle (status_row), ==, "Choose a folder to start");
  g_assert_false (gtk_widget_get_visible (skipped));

  /* The first time, what the folder is for; nothing is set until the
   * person agrees. */
  ys_team_folder_page_choose (YS_TEAM_FOLDER_PAGE (page), folder);
  ys_test_wait_until ((explanation = ADW_MESSAGE_DIALOG (ys_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG))) != NULL);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (explanation), "Nobody’s name is in it"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (explanation),
                            "deleting a run here deletes it on every computer"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (explanation), "private to your team"));
  explained_folder = g_settings_get_string (settings, "team-folder");
  g_assert_cmpstr (explained_folder, ==, "");
  adw_message_dialog_response (explanation, "use");
  g_assert_true (g_settings_get_boolean (settings, "team-folder-explained"));
  g_assert_cmpstr (adw_action_row_get_subtitle (folder_row), ==, folder);

  /* The first sync writes this computer's file. */
  ys_test_wait_until (synced == 1);
  g_assert_cmpstr (adw_action_row_get_subtitle (status_row), ==,
                   "No other computer’s file in the team folder yet, just now");

  /* A file that is not a bundle is listed with its reason. */
  g_assert_true (g_file_set_contents (junk, "[1, 2, 3]", -1, NULL));
  ys_team_folder_sync_now (team);
  ys_test_wait_until (synced == 2);
  g_assert_true (gtk_widget_get_visible (skipped));
  /* The reason without the file's name, which is the row's title. */
  g_assert_nonnull (find_label (skipped, "notes.json"));
  g_assert_nonnull (find_label (skipped, "not a Yardstick bundle (it is not a JSON object)"));
  g_assert_false (gtk_widget_get_visible (ys_test_child (page, YS_TYPE_TEAM_FOLDER_PAGE,
                                                         "show_folder_button")));

  /* Still skipped a day later: not a file being copied. The row says for
   * how long, and the page offers to show the folder. */
  ys_clock_set_now (clock, g_get_real_time () + G_GINT64_CONSTANT (25) * 3600 * G_USEC_PER_SEC);
  ys_team_folder_sync_now (team);
  ys_test_wait_until (synced == 3);
  g_assert_nonnull (find_label (skipped, "not a Yardstick bundle (it is not a JSON object)\n"
                                         "Skipped at every sync for 1 day"));
  g_assert_true (gtk_widget_get_visible (ys_test_child (page, YS_TYPE_TEAM_FOLDER_PAGE,
                                                        "show_folder_button")));
  g_assert_cmpstr (adw_action_row_get_subtitle (status_row), ==,
                   "No other computer’s file in the team folder yet, just now; "
                   "1 file in the folder has not been readable for a day");

  /* The overview says how this computer stands with the team, in counts. */
  ys_overview_view_set_team_folder (YS_OVERVIEW_VIEW (overview), team);
  {
    GtkWidget *window = gtk_window_new ();
    GtkWidget *line;

    gtk_window_set_child (GTK_WINDOW (window), overview);
    gtk_window_present (GTK_WINDOW (window));
    ys_test_wait_until (gtk_widget_get_mapped (overview));
    line = find_label (overview, "No other computer’s file in the team folder yet, just now; "
                                 "1 file in the folder has not been readable for a day");
    g_assert_nonnull (line);
    g_assert_true (gtk_widget_is_visible (line));
    g_assert_true (gtk_widget_is_visible (find_button (overview, "Show _Folder")));

    g_settings_set_boolean (settings, "team-folder-enabled", FALSE);
    g_assert_false (gtk_widget_is_visible (line));
    gtk_window_destroy (GTK_WINDOW (window));
  }

  /* Switched off: the page says so, and the sync button rests. */
  g_assert_cmpstr (adw_action_row_get_subtitle (status_row), ==, "Syncing is turned off");
  g_assert_false (gtk_widget_get_sensitive (ys_test_child (page, YS_TYPE_TEAM_FOLDER_PAGE, "sync_button")));
  gtk_window_destroy (GTK_WINDOW (preferences));
}

/* The records in @array of the bundle at @path that are not deleted. */
static guint
count_live (const char *path,
            const char *array)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *records;
  guint live = 0;

  g_assert_true (json_parser_load_from_file (parser, path, &error));
  g_assert_no_error (error);
  records = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                          array);
  for (guint i = 0; i < json_array_get_length (records); i++)
    if (!json_object_get_boolean_member (json_array_get_object_element (records, i), "deleted"))
      live++;
  /* The sample team is not empty: a count of nothing proves nothing. */
  g_assert_cmpuint (live, >, 0);
  return live;
}

static void
test_open_error_dialog (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "team.db", NULL);
  g_autofree char *notes = g_build_filename (f->dir, "notes.db", NULL);
  g_autoptr(GDateTime) yesterday = g_date_time_new_local (2026, 11, 22, 9, 0, 0);
  g_autofree char *bundle = g_build_filename (f->dir, "team.json", NULL);
  g_autofree char *backup = NULL;
  g_autofree char *holds = NULL;
  GtkWidget *dialog;
  GStatBuf st;

  /* What the backup holds, counted in the sample team's bundle by a JSON
   * parser: its live runs and workflows. */
  {
    g_autoptr(YsStore) team = ys_store_open (path, &error);
    g_assert_no_error (error);
    g_assert_true (ys_demo_fill (team, &error));
    g_assert_true (ys_bundle_export_file (team, YS_BUNDLE_EVERYTHING, bundle, &error));
    holds = g_strdup_printf ("The backup of Sunday 22 November 2026 holds %u runs in %u workflows.",
                             count_live (bundle, "runs"), count_live (bundle, "workflows"));
  }
  backup = ys_backup_daily (path, yesterday, &error);
  g_assert_no_error (error);
  g_assert_nonnull (backup);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (truncate (path, st.st_size / 2), ==, 0);

  g_assert_null (ys_store_open (path, &error));
  g_assert_error (error, YS_ERROR, YS_ERROR_DAMAGED);
  dialog = ys_application_open_error_dialog_new (path, error);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "The Database Is Damaged");
  g_assert_true (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (dialog), "restore"));
  g_assert_true (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (dialog), "new"));
  g_assert_true (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (dialog), "close"));
  g_assert_cmpstr (adw_message_dialog_get_default_response (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "restore");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)),
                            holds));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), path));
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_test_widget_wait_for_draw (dialog);
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_clear_error (&error);

  /* No backup to offer: only a new database, or quitting. */
  g_assert_true (g_file_set_contents (notes, "These are notes, not a database, and long "
                                      "enough to fill the header of one.\n", -1, NULL));
  g_assert_null (ys_store_open (notes, &error));
  dialog = ys_application_open_error_dialog_new (notes, error);
  g_assert_false (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (dialog), "restore"));
  g_assert_true (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (dialog), "new"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)),
                            "There is no backup of notes.db yet."));
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_clear_error (&error);

  /* Locked: try again, and never a new database. */
  error = g_error_new (YS_ERROR, YS_ERROR_BUSY, "%s is locked by another program.", path);
  dialog = ys_application_open_error_dialog_new (path, error);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "The Database Is in Use");
  g_assert_true (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (dialog), "retry"));
  g_assert_false (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (dialog), "new"));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* A change to one workflow rebuilds its row only: the others, and the one
 * shown with its search, stay as they are. */
static void
test_sidebar_keeps_rows (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YsWorkflow) first = ys_store_add_workflow (f->store, "First", "", 3, &error);
  g_autoptr(YsWorkflow) second = ys_store_add_workflow (f->store, "Second", "", 3, &error);
  GtkListBox *list = GTK_LIST_BOX (ys_test_child (f->window, YS_TYPE_WINDOW, "workflow_list"));
  GtkEditable *search;
  GtkListBoxRow *first_row;
  GtkListBoxRow *second_row;

  g_assert_no_error (error);
  ys_window_select_workflow (f->window, ys_workflow_get_id (second));
  ys_test_wait_until (gtk_list_box_get_row_at_index (list, 1) != NULL &&
                      gtk_list_box_get_selected_row (list) ==
                      gtk_list_box_get_row_at_index (list, 1));
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.search", NULL);
  search = GTK_EDITABLE (ys_test_child (f->window, YS_TYPE_WINDOW, "search_entry"));
  gtk_editable_set_text (search, "draft");
  first_row = gtk_list_box_get_row_at_index (list, 0);
  second_row = gtk_list_box_get_row_at_index (list, 1);
  g_assert_true (gtk_list_box_get_selected_row (list) == second_row);

  g_assert_true (ys_store_update_workflow (f->store, ys_workflow_get_id (first), "First, renamed",
                                           "", 3, &error));
  ys_test_wait_until (gtk_list_box_get_row_at_index (list, 0) != first_row);
  g_assert_true (gtk_list_box_get_row_at_index (list, 1) == second_row);
  g_assert_true (gtk_list_box_get_selected_row (list) == second_row);
  g_assert_cmpstr (ys_window_get_selected_workflow_id (f->window), ==,
                   ys_workflow_get_id (second));
  g_assert_cmpstr (gtk_editable_get_text (search), ==, "draft");

  /* The one shown, renamed, is still the one shown, under its new name. */
  g_assert_true (ys_store_update_workflow (f->store, ys_workflow_get_id (second),
                                           "Second, renamed", "", 3, &error));
  ys_test_wait_until (g_strcmp0 (gtk_label_get_label (GTK_LABEL (ys_test_child (f->window,
                                                                                YS_TYPE_WINDOW,
                                                                                "workflow_name_label"))),
                                 "Second, renamed") == 0);
  second_row = gtk_list_box_get_row_at_index (list, 1);
  g_assert_true (gtk_list_box_get_selected_row (list) == second_row);
  g_assert_cmpstr (ys_window_get_selected_workflow_id (f->window), ==,
                   ys_workflow_get_id (second));
  g_assert_cmpstr (gtk_editable_get_text (search), ==, "draft");

  /* Deleted, the first one takes its place. */
  g_assert_true (ys_store_delete_workflow (f->store, ys_workflow_get_id (second), &error));
  ys_test_wait_until (gtk_list_box_get_row_at_index (list, 1) == NULL);
  g_assert_true (gtk_list_box_get_selected_row (list) == gtk_list_box_get_row_at_index (list, 0));
  g_assert_cmpstr (ys_window_get_selected_workflow_id (f->window), ==,
                   ys_workflow_get_id (first));
}

/* Item 10 of issue 13: a colleague's bundle brings a second "Grant report
 * section"; it arrives archived (three are active), the dialog says so in
 * full and offers to merge it into ours, Undo takes that back, and "Merge
 * Into…" does the same from the workflow's menu. */
static void
test_merge_twin (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YsWorkflow) ours = NULL;
  g_autoptr(YsWorkflow) second = NULL;
  g_autoptr(YsWorkflow) third = NULL;
  g_autoptr(YsRun) run = NULL;
  g_autofree char *path = g_build_filename (f->dir, "anna.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GListStore) files = g_list_store_new (G_TYPE_FILE);
  g_autoptr(GPtrArray) titles = NULL;
  const char *theirs = "11111111-1111-4111-8111-111111111111";
  const char *bundle =
    "{\"format\": \"yardstick-bundle\", \"version\": 1,\n"
    " \"workflows\": [{\"id\": \"11111111-1111-4111-8111-111111111111\","
    " \"name\": \"Grant report section\", \"description\": \"\", \"people\": 3,"
    " \"archived\": false, \"updated_at\": \"2026-11-01T10:00:00Z\", \"deleted\": false}],\n"
    " \"runs\": [{\"id\": \"33333333-3333-4333-8333-333333333333\","
    " \"workflow\": \"11111111-1111-4111-8111-111111111111\", \"mode\": \"without-ai\","
    " \"tool\": null, \"started_at\": \"2026-11-02T09:00:00Z\", \"duration_seconds\": 9600,"
    " \"corrections\": 2, \"used\": true, \"note\": \"\","
    " \"updated_at\": \"2026-11-02T13:00:00Z\", \"deleted\": false},\n"
    "  {\"id\": \"44444444-4444-4444-8444-444444444444\","
    " \"workflow\": \"11111111-1111-4111-8111-111111111111\", \"mode\": \"without-ai\","
    " \"tool\": null, \"started_at\": \"2026-11-03T09:00:00Z\", \"duration_seconds\": 9000,"
    " \"corrections\": 1, \"used\": null, \"note\": \"\","
    " \"updated_at\": \"2026-11-03T13:00:00Z\", \"deleted\": false}]}\n";
  YsRunFields fields = { .mode = YS_MODE_WITHOUT_AI, .started_at = 1793600000,
                         .duration_seconds = 8400, .used = YS_USED_YES, .note = (char *) "" };
  GtkWindow *dialog;
  const char *body;
  gboolean theirs_archived;

  ours = ys_store_add_workflow (f->store, "Grant report section", "", 3, &error);
  second = ys_store_add_workflow (f->store, "Policy brief draft", "", 3, &error);
  third = ys_store_add_workflow (f->store, "Intake summary", "", 3, &error);
  fields.workflow_id = (char *) ys_workflow_get_id (ours);
  run = ys_store_add_run (f->store, &fields, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path, bundle, -1, NULL));

  g_list_store_append (files, file);
  ys_window_import_files (f->window, G_LIST_MODEL (files));
  ys_test_wait_until ((dialog = ys_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG)) != NULL);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "Imported anna.json");
  body = adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog));
  g_assert_nonnull (strstr (body, "1 workflow was archived to keep three active."));
  g_assert_nonnull (strstr (body, "The file brought a second “Grant report section”."));
  g_assert_cmpuint (count_toasts (f->window), ==, 0);
  {
    g_autoptr(YsWorkflow) arrived = ys_store_get_workflow (f->store, theirs);

    theirs_archived = ys_workflow_get_archived (arrived);
  }

  /* As its button does: the response, then the dialog closes. */
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "merge");
  gtk_window_destroy (dialog);
  ys_test_wait_until (only_toast_is (f->window,
                                     "Merged into “Grant report section”: 2 runs, 0 answers"));
  g_assert_null (ys_store_get_workflow (f->store, theirs));
  g_assert_cmpuint (g_list_model_get_n_items (ys_store_get_workflows (f->store)), ==, 3);
  g_assert_cmpuint (ys_store_count_runs (f->store, ys_workflow_get_id (ours), YS_MODE_WITHOUT_AI,
                                         NULL), ==, 3);
  ys_test_wait_until (g_strcmp0 (ys_window_get_selected_workflow_id (f->window),
                                 ys_workflow_get_id (ours)) == 0);

  /* Undo: the two runs go back to the workflow, which returns as it was. */
  g_signal_emit_by_name (ys_test_toast_button (f->window, YS_TYPE_WINDOW), "clicked");
  ys_test_wait_until (g_list_model_get_n_items (ys_store_get_workflows (f->store)) == 4);
  {
    g_autoptr(YsWorkflow) back = ys_store_get_workflow (f->store, theirs);

    g_assert_nonnull (back);
    g_assert_cmpint (ys_workflow_get_archived (back), ==, theirs_archived);
  }
  g_assert_cmpuint (ys_store_count_runs (f->store, theirs, YS_MODE_WITHOUT_AI, NULL), ==, 2);
  g_assert_cmpuint (ys_store_count_runs (f->store, ys_workflow_get_id (ours), YS_MODE_WITHOUT_AI,
                                         NULL), ==, 1);

  /* Merge Into… from its menu lists the three others, the one with its
   * name chosen first. */
  ys_window_select_workflow (f->window, theirs);
  ys_test_wait_until (g_strcmp0 (ys_window_get_selected_workflow_id (f->window), theirs) == 0);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.merge-workflow", NULL);
  ys_test_wait_until ((dialog = ys_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG)) != NULL);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "Merge “Grant report section” Into…");
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "merge"));
  g_assert_cmpstr (ys_merge_dialog_get_target (GTK_WIDGET (dialog)), ==,
                   ys_workflow_get_id (ours));
  {
    GtkWidget *list = adw_message_dialog_get_extra_child (ADW_MESSAGE_DIALOG (dialog));
    GtkListBoxRow *row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 1);

    g_assert_nonnull (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 2));
    g_assert_null (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 3));
    /* Another choice, then back: a click on a row chooses it. */
    adw_action_row_activate (ADW_ACTION_ROW (row));
    g_assert_cmpstr (ys_merge_dialog_get_target (GTK_WIDGET (dialog)), !=,
                     ys_workflow_get_id (ours));
    row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0);
    g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                     "Grant report section");
    adw_action_row_activate (ADW_ACTION_ROW (row));
  }
  g_assert_cmpstr (ys_merge_dialog_get_target (GTK_WIDGET (dialog)), ==,
                   ys_workflow_get_id (ours));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "merge");
  gtk_window_destroy (dialog);
  ys_test_wait_until (g_list_model_get_n_items (ys_store_get_workflows (f->store)) == 3);
  g_assert_null (ys_store_get_workflow (f->store, theirs));
  g_assert_cmpuint (ys_store_count_runs (f->store, ys_workflow_get_id (ours), YS_MODE_WITHOUT_AI,
                                         NULL), ==, 3);
}

/* "What it cost and what it returned" opens the Report page, above the
 * quarterly review, and says for the sample team's 2026-Q4 what the tools
 * cost, then each clear change as a list item. */
static void
test_report_costs_first (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *view, *costs, *coverage;
  const char *text;

  g_assert_true (ys_demo_fill (f->store, &error));
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-report", NULL);
  view = adw_bin_get_child (ADW_BIN (ys_test_child (f->window, YS_TYPE_WINDOW, "report_slot")));
  ys_test_wait_until (gtk_widget_get_mapped (view) &&
                      ys_report_view_get_quarter (YS_REPORT_VIEW (view)) != NULL);
  gtk_test_widget_wait_for_draw (view);

  costs = ys_test_child (view, YS_TYPE_REPORT_VIEW, "costs_label");
  coverage = ys_test_child (view, YS_TYPE_REPORT_VIEW, "coverage_spin");
  g_assert_cmpfloat (top_of (costs, view), <, top_of (coverage, view));
  g_assert_cmpstr (ys_report_view_get_quarter (YS_REPORT_VIEW (view)), ==, "2026-Q4");
  text = gtk_label_get_label (GTK_LABEL (costs));
  g_assert_true (g_str_has_prefix (text, "The tools cost "));
  g_assert_nonnull (strstr (text, "\n• Policy brief draft: "));
  g_assert_nonnull (strstr (text, "\n• Grant report section: "));
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

  /* gtk_test_init() leaves the locale at "C", where gettext ignores
   * LANGUAGE; the environment's C.UTF-8 does not. */
  setlocale (LC_ALL, "");
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  /* The build tree's translations, for the German layout. */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("YARDSTICK_LOCALEDIR") ? g_getenv ("YARDSTICK_LOCALEDIR")
                                                                     : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  /* The app's own stylesheet, as AdwApplication loads it: its paddings
   * count towards 360 px. */
  {
    g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

    gtk_css_provider_load_from_resource (css, RESOURCE_BASE "/style.css");
    gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                                GTK_STYLE_PROVIDER (css),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  }
  /* Screenshots show the end of a transition, not its middle. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/window/empty-state", test_empty_state);
  ADD ("/window/add-workflow-and-log-run", test_add_workflow_and_log_run);
  ADD ("/window/workflow-limit-and-undo", test_workflow_limit_and_undo);
  ADD ("/window/import-and-export", test_import_and_export);
  ADD ("/window/timer-and-feedback", test_timer_and_feedback);
  ADD ("/window/awaiting-outcome", test_awaiting_outcome);
  ADD ("/window/report-review-autosave", test_report_review_autosave);
  ADD ("/window/narrow", test_narrow);
  g_test_add_data_func ("/window/narrow/de", "de", test_narrow_translated);
  g_test_add_data_func ("/window/narrow/es", "es", test_narrow_translated);
  ADD ("/window/default-tool", test_default_tool);
  ADD ("/window/open-error-dialog", test_open_error_dialog);
  ADD ("/window/return-saves-run", test_return_saves_run);
  ADD ("/window/feedback-needs-answer", test_feedback_needs_answer);
  ADD ("/window/scroll-to-top", test_scroll_to_top);
  ADD ("/window/log-run-everywhere", test_log_run_everywhere);
  ADD ("/window/header-names-workflow", test_header_names_workflow);
  ADD ("/window/timer-new-tool", test_timer_new_tool);
  ADD ("/window/report-page", test_report_page);
  ADD ("/window/awaiting-toasts", test_awaiting_toasts);
  ADD ("/window/small-items", test_small_items);
  ADD ("/window/read-error-banner", test_read_error_banner);
  ADD ("/window/merge-twin", test_merge_twin);
  ADD ("/window/figures-roll-over", test_figures_roll_over);
  ADD ("/window/timer-after-restart", test_timer_after_restart);
  ADD ("/window/other-program-import", test_other_program_import);
  ADD ("/window/team-folder", test_team_folder);
  ADD ("/window/sidebar-keeps-rows", test_sidebar_keeps_rows);
  ADD ("/window/report-costs-first", test_report_costs_first);
  g_test_add_func ("/window/sample-data", test_sample_data);

  return g_test_run ();
}
