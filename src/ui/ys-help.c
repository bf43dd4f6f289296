/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "yardstick"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "ys-help.h"

/* The HTML pages: installed beside the program's data, or in the build
 * tree when build-aux/run points YARDSTICK_HELP_HTML_DIR there. */
static const char *
html_dir (void)
{
  const char *dir = g_getenv ("YARDSTICK_HELP_HTML_DIR");

  return dir != NULL && *dir ? dir : HELP_HTML_DIR;
}

char *
ys_help_html_index (void)
{
  const char * const *languages = g_get_language_names ();

  for (guint i = 0; languages[i] != NULL; i++)
    {
      g_autofree char *index = g_build_filename (html_dir (), languages[i], "index.html", NULL);

      if (g_file_test (index, G_FILE_TEST_IS_REGULAR))
        return g_steal_pointer (&index);
    }
  return NULL;
}

char *
ys_help_location (void)
{
  char *index = ys_help_html_index ();

  return index != NULL ? index : g_strdup (HELP_PAGES_DIR);
}

static void
on_missing_response (AdwMessageDialog *dialog,
                     const char       *response,
                     gpointer          user_data)
{
  if (g_strcmp0 (response, "copy") == 0)
    gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (dialog)),
                            g_object_get_data (G_OBJECT (dialog), "location"));
}

GtkWidget *
ys_help_missing_dialog_new (GtkWindow  *parent,
                            const char *location,
                            gboolean    is_html)
{
  GtkWidget *dialog;
  g_autofree char *body = NULL;

  g_return_val_if_fail (location != NULL, NULL);

  body = is_html
    /* TRANSLATORS: %s is a file, e.g. /usr/share/yardstick/help/C/index.html */
    ? g_strdup_printf (_("This computer has no help viewer and no web browser that could show "
                         "Yardstick’s help. Open this file in a web browser to read it:\n\n%s"),
                       location)
    /* TRANSLATORS: %s is a folder, e.g. /usr/share/help/C/yardstick */
    : g_strdup_printf (_("This computer has no help viewer. Install Yelp, the GNOME help "
                         "viewer, and press F1 again. The help’s pages are in:\n\n%s"),
                       location);
  dialog = adw_message_dialog_new (parent, _("The Help Could Not Be Opened"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "copy", _("_Copy Location"),
                                    "close", _("_Close"),
                                    NULL);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  g_object_set_data_full (G_OBJECT (dialog), "location", g_strdup (location), g_free);
  g_signal_connect (dialog, "response", G_CALLBACK (on_missing_response), NULL);
  return dialog;
}

static void
show_missing (GtkWindow *parent)
{
  g_autofree char *index = ys_help_html_index ();
  g_autofree char *location = ys_help_location ();

  gtk_window_present (GTK_WINDOW (ys_help_missing_dialog_new (parent, location, index != NULL)));
}

static void
on_html_shown (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GtkWindow) parent = user_data;
  g_autoptr(GError) error = NULL;

  if (!gtk_show_uri_full_finish (parent, result, &error))
    {
      g_debug ("The HTML help could not be opened: %s", error->message);
      show_missing (parent);
    }
}

static void
on_help_shown (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GtkWindow) parent = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *index = NULL;
  g_autofree char *uri = NULL;
  GtkWindow *window;

  if (gtk_show_uri_full_finish (parent, result, &error))
    return;

  /* No help viewer: the same pages in a web browser, if they were built. */
  g_debug ("help:yardstick could not be opened: %s", error->message);
  index = ys_help_html_index ();
  if (index != NULL)
    uri = g_filename_to_uri (index, NULL, NULL);
  if (uri == NULL)
    {
      show_missing (parent);
      return;
    }
  /* The reference moves on to the next callback. */
  window = g_steal_pointer (&parent);
  gtk_show_uri_full (window, uri, GDK_CURRENT_TIME, NULL, on_html_shown, window);
}

void
ys_help_show (GtkWindow *parent)
{
  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));

  gtk_show_uri_full (parent, "help:yardstick", GDK_CURRENT_TIME, NULL, on_help_shown,
                     parent != NULL ? g_object_ref (parent) : NULL);
}
