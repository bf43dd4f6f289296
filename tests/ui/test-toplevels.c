/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <adwaita.h>
#include <glib/gstdio.h>

#include "ys-application.h"
#include "ys-feedback-dialog.h"
#include "ys-history-assistant.h"
#include "ys-preferences-window.h"
#include "ys-run-dialog.h"
#include "ys-test-ui.h"
#include "ys-window.h"
#include "ys-workflow-dialog.h"

/* GTK 4.8's AT-SPI bridge crashes the program when a screen reader asks
 * the application for a window past the shown ones while the last toplevel
 * is hidden and was never mapped: such a window has no object path
 * (docs/upstream/gtk-atspi-get-child-at-index.md). So no window may stay
 * alive hidden: each is built when shown and destroyed when closed.
 *
 * These tests run a real YsApplication, with whatever GtkApplication builds
 * on its own, through the screen-reader test's steps and every other window
 * the app builds, closing each as its close button or Escape does, and check
 * after each step that every toplevel is mapped. GTK's file chooser is left
 * out: it leaks inside GTK and libcloudproviders (valgrind), which the
 * sanitizer build cannot tell from a leak of ours. */

typedef struct
{
  char *dir;
  char *database;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("ys-toplevels-XXXXXX", &error);
  g_assert_no_error (error);
  f->database = g_build_filename (f->dir, "team.db", NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *command = g_strdup_printf ("rm -rf '%s'", f->dir);

  g_assert_cmpint (system (command), ==, 0);
  g_free (f->database);
  g_free (f->dir);
}

/* Returns how many toplevels there are. */
static guint
assert_all_mapped (const char *step)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n = g_list_model_get_n_items (toplevels);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (!gtk_widget_get_mapped (GTK_WIDGET (window)))
        {
          const char *title = gtk_window_get_title (window);

          g_test_message ("%s: a %s (“%s”) is alive but not mapped", step,
                          G_OBJECT_TYPE_NAME (window), title != NULL ? title : "");
          g_test_fail ();
        }
    }
  return n;
}

/* After an action that opens a window of @type. */
static GtkWindow *
shown (GType       type,
       const char *step)
{
  GtkWindow *window;

  ys_test_wait_until ((window = ys_test_find_toplevel (type)) != NULL);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  assert_all_mapped (step);
  return window;
}

static gboolean
toplevels_are (gpointer n)
{
  return g_list_model_get_n_items (gtk_window_get_toplevels ()) == GPOINTER_TO_UINT (n);
}

/* Closes @window as its close button or Escape would: it must be gone,
 * not hidden. */
static void
close_window (GtkWindow  *window,
              const char *step)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint before = g_list_model_get_n_items (toplevels);

  gtk_window_close (window);
  if (!ys_test_wait_for (toplevels_are, GUINT_TO_POINTER (before - 1), YS_TEST_WAIT_MS))
    {
      g_test_message ("%s: %u toplevels before closing one, %u after", step, before,
                      g_list_model_get_n_items (toplevels));
      g_test_fail ();
    }
  assert_all_mapped (step);
}

/* Opens a window of @type through @action on @widget and closes it. */
static void
open_and_close (gpointer    widget,
                const char *action,
                GType       type,
                const char *step)
{
  gtk_widget_activate_action (GTK_WIDGET (widget), action, NULL);
  close_window (shown (type, step), step);
}

static void
save (GtkWindow  *dialog,
      const char *step)
{
  GType type = G_OBJECT_TYPE (dialog);

  gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.save", NULL);
  ys_test_wait_until (ys_test_find_toplevel (type) == NULL);
  assert_all_mapped (step);
}

static GtkWidget *
button_labelled (GtkWidget  *widget,
                 const char *label)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = button_labelled (c, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* One spelling for each key combination: "<Primary>q" and "<Control>q". */
static char *
normalised (const char *accelerator)
{
  guint key;
  GdkModifierType mods;

  if (!gtk_accelerator_parse (accelerator, &key, &mods))
    return NULL;
  return gtk_accelerator_name (key, mods);
}

/* Every accelerator the application sets is listed in the shortcuts window,
 * which, built by us, cannot look them up from an action name. */
static void
collect_accelerators (GtkWidget  *widget,
                      GHashTable *shown_accels)
{
  if (GTK_IS_SHORTCUTS_SHORTCUT (widget))
    {
      g_autofree char *accelerator = NULL;
      g_auto(GStrv) parts = NULL;

      g_object_get (widget, "accelerator", &accelerator, NULL);
      parts = g_strsplit (accelerator != NULL ? accelerator : "", " ", -1);
      for (guint i = 0; parts[i] != NULL; i++)
        {
          char *name = normalised (parts[i]);

          if (name != NULL)
            g_hash_table_add (shown_accels, name);
        }
    }
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    collect_accelerators (c, shown_accels);
}

static void
check_shortcuts_window (GtkApplication *app,
                        GtkWindow      *main_window,
                        GtkWindow      *shortcuts)
{
  g_autoptr(GHashTable) shown_accels = g_hash_table_new_full (g_str_hash, g_str_equal,
                                                              g_free, NULL);
  g_auto(GStrv) actions = gtk_application_list_action_descriptions (app);

  g_assert_true (gtk_window_get_modal (shortcuts));
  g_assert_true (gtk_window_get_transient_for (shortcuts) == main_window);
  g_assert_cmpstr (gtk_window_get_title (shortcuts), ==, "Keyboard Shortcuts");

  collect_accelerators (GTK_WIDGET (shortcuts), shown_accels);
  for (guint i = 0; actions[i] != NULL; i++)
    {
      g_auto(GStrv) accels = gtk_application_get_accels_for_action (app, actions[i]);

      for (guint j = 0; accels[j] != NULL; j++)
        {
          g_autofree char *name = normalised (accels[j]);

          g_assert_nonnull (name);
          if (!g_hash_table_contains (shown_accels, name))
            {
              g_test_message ("%s (%s) is not in the shortcuts window", accels[j], actions[i]);
              g_test_fail ();
            }
        }
    }
}

static void
walk (GApplication *app,
      gpointer      user_data)
{
  GtkWindow *main_window = gtk_application_get_active_window (GTK_APPLICATION (app));
  YsStore *store;
  GtkWindow *dialog;
  g_autoptr(GError) error = NULL;

  g_assert_true (YS_IS_WINDOW (main_window));
  store = ys_context_get_store (ys_application_get_context (YS_APPLICATION (app)));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (main_window));
  g_assert_cmpuint (assert_all_mapped ("start-up"), ==, 1);

  /* The screen-reader test's steps. */
  gtk_widget_activate_action (GTK_WIDGET (main_window), "win.add-workflow", NULL);
  dialog = shown (YS_TYPE_WORKFLOW_DIALOG, "New Workflow");
  ys_test_set_text (dialog, YS_TYPE_WORKFLOW_DIALOG, "name_row", "Intake summary");
  /* The person chooses with or without AI in these runs: not a fair test. */
  gtk_switch_set_active (GTK_SWITCH (ys_test_child (dialog, YS_TYPE_WORKFLOW_DIALOG,
                                                    "fair_test_switch")), FALSE);
  save (dialog, "a workflow added");

  gtk_widget_activate_action (GTK_WIDGET (main_window), "win.log-run", NULL);
  dialog = shown (YS_TYPE_RUN_DIALOG, "Log Run");
  ys_test_set_text (dialog, YS_TYPE_RUN_DIALOG, "duration_row", "35");
  save (dialog, "a run logged");

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  dialog = shown (YS_TYPE_PREFERENCES_WINDOW, "Preferences");
  g_signal_emit_by_name (button_labelled (GTK_WIDGET (dialog), "Claude"), "clicked");
  ys_test_wait_until (g_list_model_get_n_items (ys_store_get_tools (store)) == 1);
  close_window (dialog, "Preferences closed");

  gtk_widget_activate_action (GTK_WIDGET (main_window), "win.show-help-overlay", NULL);
  dialog = shown (GTK_TYPE_SHORTCUTS_WINDOW, "Keyboard Shortcuts");
  check_shortcuts_window (GTK_APPLICATION (app), main_window, dialog);
  close_window (dialog, "Keyboard Shortcuts closed");

  gtk_widget_activate_action (GTK_WIDGET (main_window), "win.timer-start-with-ai", NULL);
  ys_test_wait_until (g_list_model_get_n_items (ys_store_get_timers (store)) == 1);
  gtk_widget_activate_action (GTK_WIDGET (main_window), "win.timer-finish", NULL);
  dialog = shown (YS_TYPE_RUN_DIALOG, "Finish Run");
  ys_test_set_text (dialog, YS_TYPE_RUN_DIALOG, "duration_row", "20");
  save (dialog, "a timed run finished");

  /* The other windows the app opens; the Feedback page is built when it
   * is first shown. */
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (ys_test_child (main_window, YS_TYPE_WINDOW,
                                                                        "view_stack")),
                                         "feedback");
  open_and_close (adw_bin_get_child (ADW_BIN (ys_test_child (main_window, YS_TYPE_WINDOW,
                                                             "feedback_slot"))),
                  "feedback.give", YS_TYPE_FEEDBACK_DIALOG, "Give Feedback");
  open_and_close (main_window, "win.log-run", YS_TYPE_RUN_DIALOG, "Log Run, not saved");
  open_and_close (main_window, "app.about", ADW_TYPE_ABOUT_WINDOW, "About");
  open_and_close (main_window, "win.bring-in-history", YS_TYPE_HISTORY_ASSISTANT,
                  "Bring In History");

  for (int i = 1; i < YS_LIMITS_MAX_ACTIVE_WORKFLOWS; i++)
    {
      g_autofree char *name = g_strdup_printf ("Workflow %d", i + 1);
      g_autoptr(YsWorkflow) workflow = ys_store_add_workflow (store, name, "", 6, &error);

      g_assert_no_error (error);
    }
  open_and_close (main_window, "win.add-workflow", ADW_TYPE_MESSAGE_DIALOG,
                  "Three Workflows Are Active");

  g_assert_cmpuint (assert_all_mapped ("the end"), ==, 1);
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
}

static void
test_every_window (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(YsApplication) app = ys_application_new (f->database);

  g_signal_connect_after (app, "activate", G_CALLBACK (walk), NULL);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), 0, NULL), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (gtk_window_get_toplevels ()), ==, 0);
}

static void
refuse (GApplication *app,
        gpointer      user_data)
{
  GtkWindow *dialog;

  dialog = shown (ADW_TYPE_MESSAGE_DIALOG, "The Database Is Damaged");
  g_assert_cmpuint (assert_all_mapped ("a damaged database"), ==, 1);
  /* Escape answers "close": the app quits without a window. */
  close_window (dialog, "the refusal closed");
  g_assert_cmpuint (assert_all_mapped ("the refusal closed"), ==, 0);
}

/* A refused database shows only its dialog. */
static void
test_refused_database (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(YsApplication) app = ys_application_new (f->database);

  g_assert_true (g_file_set_contents (f->database, "These are notes, not a database, and long "
                                      "enough to fill the header of one.\n", -1, NULL));
  g_signal_connect_after (app, "activate", G_CALLBACK (refuse), NULL);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), 0, NULL), ==, 0);
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

  gtk_test_init (&argc, &argv, NULL);

  g_test_add ("/toplevels/every-window", Fixture, NULL,
              fixture_set_up, test_every_window, fixture_tear_down);
  g_test_add ("/toplevels/refused-database", Fixture, NULL,
              fixture_set_up, test_refused_database, fixture_tear_down);

  return g_test_run ();
}
