/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <adwaita.h>
#include <stdlib.h>

#include "ys-help.h"
#include "ys-test-ui.h"

/* F1 on a computer with no help viewer and no web browser: the process
 * sees no application at all (an empty XDG_DATA_DIRS), so both the help:
 * URI and the HTML pages are refused, and the dialog must say where the
 * help is, with a button that copies that place. */

static char *scratch;

/* The help dialog, once it is shown. */
static AdwMessageDialog *
shown_dialog (void)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (ys_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));

  return dialog != NULL && gtk_widget_get_mapped (GTK_WIDGET (dialog)) ? dialog : NULL;
}

static void
test_without_viewer (void)
{
  GtkWidget *window = gtk_window_new ();
  g_autofree char *index = ys_help_html_index ();
  g_autofree char *location = ys_help_location ();
  g_autoptr(GdkContentProvider) content = NULL;
  g_autofree char *yelp_build = g_find_program_in_path ("yelp-build");
  AdwMessageDialog *dialog;
  GValue copied = G_VALUE_INIT;

  /* build-aux/test runs where yelp-tools is installed, so the HTML is built. */
  if (yelp_build != NULL)
    {
      g_assert_nonnull (index);
      g_assert_true (g_str_has_suffix (index, "/C/index.html"));
      g_assert_cmpstr (location, ==, index);
    }

  gtk_window_present (GTK_WINDOW (window));
  ys_help_show (GTK_WINDOW (window));
  ys_test_wait_until ((dialog = shown_dialog ()) != NULL);

  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "The Help Could Not Be Opened");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), location));
  g_assert_null (strstr (adw_message_dialog_get_body (dialog), "not supported"));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));

  adw_message_dialog_response (dialog, "copy");
  content = gdk_clipboard_get_content (gtk_widget_get_clipboard (window));
  g_object_ref (content);
  g_value_init (&copied, G_TYPE_STRING);
  g_assert_true (gdk_content_provider_get_value (content, &copied, NULL));
  g_assert_cmpstr (g_value_get_string (&copied), ==, location);
  g_value_unset (&copied);

  ys_test_destroy_toplevels ();
}

/* Built without yelp-build: no HTML, so the dialog names the pages' folder
 * and says to install Yelp. */
static void
test_without_html (void)
{
  GtkWidget *window = gtk_window_new ();
  g_autofree char *location = NULL;
  AdwMessageDialog *dialog;

  g_setenv ("YARDSTICK_HELP_HTML_DIR", scratch, TRUE);
  g_assert_null (ys_help_html_index ());
  location = ys_help_location ();
  g_assert_true (g_str_has_suffix (location, "/help/C/yardstick"));

  gtk_window_present (GTK_WINDOW (window));
  ys_help_show (GTK_WINDOW (window));
  ys_test_wait_until ((dialog = shown_dialog ()) != NULL);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), location));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Install Yelp"));

  ys_test_destroy_toplevels ();
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *command = NULL;
  int status;

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }

  /* No application handles anything: not help:, not file:, not text/html. */
  scratch = g_dir_make_tmp ("ys-help-XXXXXX", NULL);
  g_setenv ("XDG_DATA_DIRS", scratch, TRUE);
  g_setenv ("XDG_DATA_HOME", scratch, TRUE);
  g_setenv ("XDG_CONFIG_HOME", scratch, TRUE);
  g_setenv ("XDG_CONFIG_DIRS", scratch, TRUE);
  g_setenv ("GDK_DEBUG", "no-portals", TRUE);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/help/without-viewer", test_without_viewer);
  g_test_add_func ("/help/without-html", test_without_html);

  status = g_test_run ();
  command = g_strdup_printf ("rm -rf '%s'", scratch);
  if (system (command) != 0)
    status = 1;
  g_free (scratch);
  return status;
}
