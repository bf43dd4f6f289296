/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "ys-figures-view.h"
#include "ys-history-assistant.h"
#include "ys-test-ui.h"
#include "ys-window.h"
#include "ys-store.h"
#include "ys-tracker-import.h"

/* A tracker's history in the app: the "Bring in history" assistant, step
 * by step as a person goes through it, and the figures saying how many runs
 * came from it. */

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

  ys_test_destroy_toplevels ();
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
  ys_test_wait_until (!ys_figures_view_is_reading (YS_FIGURES_VIEW (figures)));
  label = ys_test_child (figures, YS_TYPE_FIGURES_VIEW, "imported_label");
  g_assert_false (gtk_widget_get_visible (label));

  g_assert_true (ys_tracker_import (f->store, csv, &options, &result, &error));
  g_assert_no_error (error);
  /* The page follows the store's "changed". */
  ys_test_wait_until (gtk_widget_get_visible (label));
  g_assert_true (g_str_has_prefix (gtk_label_get_label (GTK_LABEL (label)),
                                   "3 of these 4 runs came from an imported time-tracker "
                                   "history"));

  g_assert_true (ys_tracker_import_undo (f->store, &result, &error));
  g_assert_no_error (error);
  ys_test_wait_until (!gtk_widget_get_visible (label));
  gtk_window_destroy (GTK_WINDOW (window));
}

static const char *
step_of (GtkWidget *assistant)
{
  return gtk_stack_get_visible_child_name (GTK_STACK (ys_test_child (assistant, YS_TYPE_HISTORY_ASSISTANT,
                                                                     "stack")));
}

/* Next (or Import) can be pressed: its action is enabled. */
static gboolean
can_go_on (GtkWidget *assistant)
{
  return gtk_widget_get_sensitive (ys_test_child (assistant, YS_TYPE_HISTORY_ASSISTANT, "next_button"));
}

/* Next, and the step it leads to. */
static void
go_on (GtkWidget  *assistant,
       const char *step)
{
  gtk_widget_activate_action (assistant, "assistant.next", NULL);
  ys_test_wait_until (g_strcmp0 (step_of (assistant), step) == 0);
}

/* Import, the last Next: the assistant closes. */
static void
go_on_and_close (GtkWidget *assistant)
{
  g_object_add_weak_pointer (G_OBJECT (assistant), (gpointer *) &assistant);
  gtk_widget_activate_action (assistant, "assistant.next", NULL);
  ys_test_wait_until (assistant == NULL);
}

/* Types @text as the entries' filter; returns once the samples have
 * followed (their title changes with each count this test types). */
static void
type_match (GtkWidget  *assistant,
            const char *text)
{
  AdwPreferencesGroup *samples = ADW_PREFERENCES_GROUP (ys_test_child (assistant,
                                                                       YS_TYPE_HISTORY_ASSISTANT,
                                                                       "samples_group"));
  g_autofree char *before = g_strdup (adw_preferences_group_get_title (samples));

  ys_test_set_text (assistant, YS_TYPE_HISTORY_ASSISTANT, "match_row", text);
  ys_test_wait_until (g_strcmp0 (adw_preferences_group_get_title (samples), before) != 0);
}

/* On @step, the assistant needs no more than 360 px. */
static void
assert_fits (GtkWidget  *assistant,
             const char *step)
{
  GtkWidget *content = adw_window_get_content (ADW_WINDOW (assistant));
  int minimum;

  ys_test_wait_until (g_strcmp0 (step_of (assistant), step) == 0);
  gtk_widget_measure (content, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  if (minimum > 360)
    {
      GtkWidget *leaf = ys_test_widest_leaf (content, 360);

      g_printerr ("%s: %d px wide at least; widest: %s “%s”\n", step, minimum,
                  G_OBJECT_TYPE_NAME (leaf),
                  GTK_IS_LABEL (leaf) ? gtk_label_get_label (GTK_LABEL (leaf)) : "");
      g_test_fail ();
    }
}

static void
on_imported (GtkWidget             *assistant,
             const YsTrackerImport *result,
             YsTrackerImport      **copy)
{
  *copy = ys_tracker_import_dup (result);
}

static GFile *
sample_file (Fixture    *f,
             const char *name,
             const char *contents)
{
  g_autofree char *path = g_build_filename (f->dir, name, NULL);

  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  return g_file_new_for_path (path);
}

/* The five steps on a Toggl Track export, into the workflow it was opened
 * for, with AI and a new tool; the preview writes nothing, the import all. */
static void
test_assistant (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GFile) file = sample_file (f, "toggl.csv", toggl_export);
  g_autoptr(YsTrackerImport) imported = NULL;
  GtkWidget *parent = gtk_window_new ();
  GtkWidget *assistant;
  GtkWidget *row;
  GtkWidget *samples;
  /* Translated, only the widths are checked: the words are German or Spanish. */
  gboolean english = data == NULL;

  gtk_window_present (GTK_WINDOW (parent));
  assistant = ys_history_assistant_new (GTK_WINDOW (parent), f->store, f->workflow_id);
  g_signal_connect (assistant, "imported", G_CALLBACK (on_imported), &imported);
  gtk_window_set_default_size (GTK_WINDOW (assistant), 360, 640);
  gtk_window_present (GTK_WINDOW (assistant));
  gtk_test_widget_wait_for_draw (assistant);

  /* 1. The file. */
  g_assert_cmpstr (step_of (assistant), ==, "file");
  g_assert_false (can_go_on (assistant));
  assert_fits (assistant, "file");
  ys_history_assistant_open_file (YS_HISTORY_ASSISTANT (assistant), file);

  /* 2. What was recognised: three entries in March. */
  ys_test_wait_until (g_strcmp0 (step_of (assistant), "recognised") == 0);
  row = ys_test_child (assistant, YS_TYPE_HISTORY_ASSISTANT, "found_row");
  if (english)
    {
      g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                       "Toggl Track, 3 entries, March 2026");
      g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "toggl.csv");
    }
  assert_fits (assistant, "recognised");
  g_assert_true (can_go_on (assistant));
  go_on (assistant, "filter");

  /* 3. Which entries: a live count and samples, the workflow preselected. */
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (ys_test_child (assistant,
                                                                              YS_TYPE_HISTORY_ASSISTANT,
                                                                              "workflow_row"))), ==, 0);
  samples = ys_test_child (assistant, YS_TYPE_HISTORY_ASSISTANT, "samples_group");
  if (english)
    g_assert_cmpstr (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (samples)), ==,
                     "All 3 entries");
  type_match (assistant, "BUDGET");
  if (english)
    g_assert_cmpstr (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (samples)), ==,
                     "1 entry matches");
  type_match (assistant, "board minutes");
  if (english)
    g_assert_cmpstr (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (samples)), ==,
                     "No entry matches");
  g_assert_false (can_go_on (assistant));
  type_match (assistant, "grant");
  if (english)
    g_assert_cmpstr (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (samples)), ==,
                     "3 entries match");
  assert_fits (assistant, "filter");
  go_on (assistant, "mode");

  /* 4. With AI, and a tool the team does not have yet. */
  g_assert_true (can_go_on (assistant));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (ys_test_child (assistant, YS_TYPE_HISTORY_ASSISTANT,
                                                                "with_ai_check")), TRUE);
  ys_test_wait_until (gtk_widget_get_visible (ys_test_child (assistant, YS_TYPE_HISTORY_ASSISTANT,
                                                             "new_tool_row")));
  g_assert_false (can_go_on (assistant));
  ys_test_set_text (assistant, YS_TYPE_HISTORY_ASSISTANT, "new_tool_row", "Claude");
  ys_test_wait_until (can_go_on (assistant));
  assert_fits (assistant, "mode");
  go_on (assistant, "preview");

  /* 5. The figures it would give: 2 h 30, 45 and 20 min, median 45 min;
   * nothing written yet. */
  if (english)
    {
      g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (
                         ys_test_child (assistant, YS_TYPE_HISTORY_ASSISTANT, "preview_runs_row"))), ==,
                       "3 new runs");
      g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (
                         ys_test_child (assistant, YS_TYPE_HISTORY_ASSISTANT, "preview_with_row"))), ==,
                       "3 runs, median 45 min");
    }
  if (english)
    g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (
                       ys_test_child (assistant, YS_TYPE_HISTORY_ASSISTANT, "preview_without_row"))), ==,
                     "No runs");
  g_assert_cmpuint (ys_store_count_runs (f->store, f->workflow_id, YS_MODE_WITH_AI, NULL), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (ys_store_get_tools (f->store)), ==, 0);
  assert_fits (assistant, "preview");

  /* Import: the runs are there, the assistant is gone, Undo has what it needs. */
  go_on_and_close (assistant);
  g_assert_nonnull (imported);
  g_assert_cmpuint (imported->added, ==, 3);
  g_assert_true (imported->tool_created);
  g_assert_cmpuint (ys_store_count_runs (f->store, f->workflow_id, YS_MODE_WITH_AI, NULL), ==, 3);
  g_assert_true (ys_tracker_import_undo (f->store, imported, NULL));
  g_assert_cmpuint (ys_store_count_runs (f->store, f->workflow_id, YS_MODE_WITH_AI, NULL), ==, 0);
  gtk_window_destroy (GTK_WINDOW (parent));
}

/* A file Yardstick does not know, and a bad row: the first step says why,
 * naming the file, the line and the column, and nothing goes further. */
static void
test_assistant_refuses (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GFile) unknown = sample_file (f, "hours.csv", "Date,Person,Hours\n2026-03-02,Ada,1\n");
  g_autofree char *bad_text = g_strconcat (toggl_export,
                                           "Ada Lovelace,ada@example.org,,Grant report,,Late,No,"
                                           "2026-03-05,09:00:00,2026-03-05,10:00:00,1:61:00,,\r\n",
                                           NULL);
  g_autoptr(GFile) bad = sample_file (f, "bad.csv", bad_text);
  GtkWidget *assistant = ys_history_assistant_new (NULL, f->store, NULL);
  GtkLabel *error_label = GTK_LABEL (ys_test_child (assistant, YS_TYPE_HISTORY_ASSISTANT,
                                                    "file_error_label"));

  gtk_window_present (GTK_WINDOW (assistant));
  ys_history_assistant_open_file (YS_HISTORY_ASSISTANT (assistant), unknown);
  ys_test_wait_until (gtk_widget_get_visible (GTK_WIDGET (error_label)));
  g_assert_true (g_str_has_prefix (gtk_label_get_label (error_label),
                                   "hours.csv: line 1: not a time-tracker export"));
  g_assert_null (strstr (gtk_label_get_label (error_label), "Ada"));
  g_assert_cmpstr (step_of (assistant), ==, "file");
  g_assert_false (can_go_on (assistant));

  ys_history_assistant_open_file (YS_HISTORY_ASSISTANT (assistant), bad);
  ys_test_wait_until (gtk_widget_get_sensitive (ys_test_child (assistant, YS_TYPE_HISTORY_ASSISTANT,
                                                               "choose_button")) &&
                      gtk_widget_get_visible (GTK_WIDGET (error_label)));
  g_assert_cmpstr (gtk_label_get_label (error_label), ==,
                   "bad.csv: line 5: Duration: \"1:61:00\" is not a duration (hh:mm:ss)");
  g_assert_cmpstr (step_of (assistant), ==, "file");

  /* Cancel on the first step closes it. */
  g_object_add_weak_pointer (G_OBJECT (assistant), (gpointer *) &assistant);
  gtk_widget_activate_action (assistant, "assistant.back", NULL);
  ys_test_wait_until (assistant == NULL);
}

/* From the window: the main menu's action opens the assistant on the
 * workflow shown; after the import, the window shows that workflow and a
 * toast whose Undo takes the runs back. */
static void
test_from_window (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GFile) file = sample_file (f, "toggl.csv", toggl_export);
  GtkWidget *window = GTK_WIDGET (ys_window_new (NULL, f->store));
  GtkWidget *assistant;
  GtkWidget *undo;

  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (window);
  ys_window_select_workflow (YS_WINDOW (window), f->workflow_id);
  ys_test_wait_until (g_strcmp0 (ys_window_get_selected_workflow_id (YS_WINDOW (window)),
                                 f->workflow_id) == 0);

  gtk_widget_activate_action (window, "win.bring-in-history", NULL);
  ys_test_wait_until ((assistant = GTK_WIDGET (ys_test_find_toplevel (YS_TYPE_HISTORY_ASSISTANT)))
                      != NULL);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (assistant)) == GTK_WINDOW (window));
  ys_history_assistant_open_file (YS_HISTORY_ASSISTANT (assistant), file);
  ys_test_wait_until (g_strcmp0 (step_of (assistant), "recognised") == 0);
  go_on (assistant, "filter");
  g_assert_cmpstr (ys_workflow_get_id (adw_combo_row_get_selected_item (ADW_COMBO_ROW (
                     ys_test_child (assistant, YS_TYPE_HISTORY_ASSISTANT, "workflow_row")))), ==,
                   f->workflow_id);
  go_on (assistant, "mode");
  go_on (assistant, "preview");
  go_on_and_close (assistant);

  g_assert_null (ys_test_find_toplevel (YS_TYPE_HISTORY_ASSISTANT));
  g_assert_cmpuint (ys_store_count_runs (f->store, f->workflow_id, YS_MODE_WITHOUT_AI, NULL), ==, 3);
  g_assert_cmpstr (ys_window_get_selected_workflow_id (YS_WINDOW (window)), ==, f->workflow_id);
  ys_test_wait_until ((undo = ys_test_toast_button (window, YS_TYPE_WINDOW)) != NULL);
  gtk_widget_activate (undo);
  ys_test_wait_until (ys_store_count_runs (f->store, f->workflow_id, YS_MODE_WITHOUT_AI, NULL) == 0);

  /* With no workflow there is nothing to bring a history into. */
  g_assert_true (ys_store_delete_workflow (f->store, f->workflow_id, NULL));
  ys_test_wait_until (g_strcmp0 (gtk_stack_get_visible_child_name (GTK_STACK (
                                   ys_test_child (window, YS_TYPE_WINDOW, "main_stack"))),
                                 "welcome") == 0);
  /* The action opens the assistant at once, when it does. */
  gtk_widget_activate_action (window, "win.bring-in-history", NULL);
  g_assert_null (ys_test_find_toplevel (YS_TYPE_HISTORY_ASSISTANT));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* German and Spanish words are longer: every step at 360 px, in a process
 * of its own since gettext keeps what it has translated once. */
static void
test_assistant_translated (gconstpointer data)
{
  const char *language = data;

  if (g_test_subprocess ())
    {
      Fixture f = { 0 };

      g_assert_cmpstr (_("Bring In History"), !=, "Bring In History");
      fixture_set_up (&f, NULL);
      test_assistant (&f, data);
      fixture_tear_down (&f, NULL);
      return;
    }

  g_setenv ("LANGUAGE", language, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_setenv ("LANGUAGE", "C", TRUE);
  g_test_trap_assert_passed ();
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
  /* gtk_test_init() leaves the locale at "C", where gettext ignores
   * LANGUAGE; the environment's C.UTF-8 does not. */
  setlocale (LC_ALL, "");
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("YARDSTICK_LOCALEDIR") ? g_getenv ("YARDSTICK_LOCALEDIR")
                                                                     : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  {
    g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

    gtk_css_provider_load_from_resource (css, RESOURCE_BASE "/style.css");
    gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                                GTK_STYLE_PROVIDER (css),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  }
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  g_test_add ("/history/figures-mention", Fixture, NULL, fixture_set_up, test_figures_mention,
              fixture_tear_down);
  g_test_add ("/history/assistant", Fixture, NULL, fixture_set_up, test_assistant,
              fixture_tear_down);
  g_test_add ("/history/assistant-refuses", Fixture, NULL, fixture_set_up, test_assistant_refuses,
              fixture_tear_down);
  g_test_add ("/history/from-window", Fixture, NULL, fixture_set_up, test_from_window,
              fixture_tear_down);
  g_test_add_data_func ("/history/assistant/de", "de", test_assistant_translated);
  g_test_add_data_func ("/history/assistant/es", "es", test_assistant_translated);

  return g_test_run ();
}
