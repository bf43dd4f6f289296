/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <stdlib.h>

#include "ys-store.h"
#include "ys-test-ui.h"
#include "ys-window.h"
#include "ys-workflow-dialog.h"

/* The fair test in the window: the workflow dialog's setting, saved with
 * the workflow in one transaction. */

typedef struct
{
  char *dir;
  char *path;
  YsStore *store;
  YsWindow *window;
} Fixture;

static void
open_window (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  f->store = ys_store_open (f->path, &error);
  g_assert_no_error (error);
  f->window = ys_window_new (NULL, f->store);
  gtk_window_present (GTK_WINDOW (f->window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
}

static void
close_window (Fixture *f)
{
  ys_test_destroy_toplevels ();
  f->window = NULL;
  g_clear_object (&f->store);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("ys-fair-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "fair.db", NULL);
  open_window (f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *command = g_strdup_printf ("rm -rf '%s'", f->dir);

  close_window (f);
  g_assert_cmpint (system (command), ==, 0);
  g_free (f->dir);
  g_free (f->path);
}

static gboolean
fair_test_of (Fixture    *f,
              const char *id)
{
  g_autoptr(YsWorkflow) workflow = ys_store_get_workflow (f->store, id);

  g_assert_nonnull (workflow);
  return ys_workflow_get_fair_test (workflow);
}

static GtkWindow *
open_dialog (Fixture    *f,
             const char *action)
{
  GtkWindow *dialog;

  gtk_widget_activate_action (GTK_WIDGET (f->window), action, NULL);
  ys_test_wait_until ((dialog = ys_test_find_toplevel (YS_TYPE_WORKFLOW_DIALOG)) != NULL);
  return dialog;
}

static void
save_dialog (GtkWindow *dialog)
{
  gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.save", NULL);
  ys_test_wait_until (ys_test_find_toplevel (YS_TYPE_WORKFLOW_DIALOG) == NULL);
}

/* On for a new workflow; the switch turns it off before the first run, and
 * Edit Workflow shows and changes it. A refused edit changes nothing. */
static void
test_setting (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YsWorkflow) other = ys_store_add_workflow (f->store, "Intake summary", "", 1, &error);
  GtkWindow *dialog;
  GtkSwitch *fair_test;
  g_autofree char *fair_id = NULL;
  g_autofree char *chosen_id = NULL;

  g_assert_no_error (error);

  dialog = open_dialog (f, "win.add-workflow");
  fair_test = GTK_SWITCH (ys_test_child (dialog, YS_TYPE_WORKFLOW_DIALOG, "fair_test_switch"));
  g_assert_true (gtk_switch_get_active (fair_test));
  ys_test_set_text (dialog, YS_TYPE_WORKFLOW_DIALOG, "name_row", "Grant report section");
  save_dialog (dialog);
  fair_id = g_strdup (ys_window_get_selected_workflow_id (f->window));
  g_assert_true (fair_test_of (f, fair_id));

  dialog = open_dialog (f, "win.add-workflow");
  fair_test = GTK_SWITCH (ys_test_child (dialog, YS_TYPE_WORKFLOW_DIALOG, "fair_test_switch"));
  ys_test_set_text (dialog, YS_TYPE_WORKFLOW_DIALOG, "name_row", "Policy brief draft");
  gtk_switch_set_active (fair_test, FALSE);
  save_dialog (dialog);
  chosen_id = g_strdup (ys_window_get_selected_workflow_id (f->window));
  g_assert_cmpstr (chosen_id, !=, fair_id);
  g_assert_false (fair_test_of (f, chosen_id));

  /* Edit shows the setting and turns it on. */
  dialog = open_dialog (f, "win.edit-workflow");
  fair_test = GTK_SWITCH (ys_test_child (dialog, YS_TYPE_WORKFLOW_DIALOG, "fair_test_switch"));
  g_assert_false (gtk_switch_get_active (fair_test));
  gtk_switch_set_active (fair_test, TRUE);
  save_dialog (dialog);
  g_assert_true (fair_test_of (f, chosen_id));

  /* A name already taken: refused beside the name, the setting unchanged. */
  dialog = open_dialog (f, "win.edit-workflow");
  fair_test = GTK_SWITCH (ys_test_child (dialog, YS_TYPE_WORKFLOW_DIALOG, "fair_test_switch"));
  g_assert_true (gtk_switch_get_active (fair_test));
  gtk_switch_set_active (fair_test, FALSE);
  ys_test_set_text (dialog, YS_TYPE_WORKFLOW_DIALOG, "name_row", "Intake summary");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.save", NULL);
  ys_test_wait_until (gtk_widget_get_visible (ys_test_child (dialog, YS_TYPE_WORKFLOW_DIALOG,
                                                             "error_label")));
  g_assert_nonnull (ys_test_find_toplevel (YS_TYPE_WORKFLOW_DIALOG));
  g_assert_true (fair_test_of (f, chosen_id));
  gtk_window_destroy (dialog);

  /* Kept in the database: another store on the same file sees it. */
  close_window (f);
  open_window (f);
  g_assert_true (fair_test_of (f, fair_id));
  g_assert_true (fair_test_of (f, chosen_id));
  g_assert_true (fair_test_of (f, ys_workflow_get_id (other)));
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
  adw_init ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/fair-test/setting", test_setting);

  return g_test_run ();
}
