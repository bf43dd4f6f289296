/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "yardstick"

#include "config.h"

#include <glib/gi18n.h>

#include "ys-application.h"
#include "ys-preferences-window.h"
#include "ys-store.h"
#include "ys-window.h"

struct _YsApplication
{
  AdwApplication parent_instance;

  char *database_path;
  YsStore *store;
};

G_DEFINE_FINAL_TYPE (YsApplication, ys_application, ADW_TYPE_APPLICATION)

static void
on_error_response (AdwMessageDialog *dialog,
                   const char       *response,
                   YsApplication    *self)
{
  g_application_release (G_APPLICATION (self));
}

static void
show_open_error (YsApplication *self,
                 GError        *error)
{
  GtkWidget *dialog = adw_message_dialog_new (NULL, _("The Database Could Not Be Opened"),
                                              error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  g_application_hold (G_APPLICATION (self));
  g_signal_connect (dialog, "response", G_CALLBACK (on_error_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
ys_application_activate (GApplication *application)
{
  YsApplication *self = YS_APPLICATION (application);
  g_autoptr(GError) error = NULL;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }

  if (self->store == NULL)
    {
      g_autofree char *path = self->database_path ? g_strdup (self->database_path)
                                                  : ys_store_default_path ();

      self->store = ys_store_open (path, &error);
      if (self->store == NULL)
        {
          show_open_error (self, error);
          return;
        }
    }

  gtk_window_present (GTK_WINDOW (ys_window_new (GTK_APPLICATION (self), self->store)));
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  const char *developers[] = { _("The Yardstick team"), NULL };

  adw_show_about_window (gtk_application_get_active_window (app),
                         "application-name", _("Yardstick"),
                         "application-icon", APP_ID,
                         "version", PACKAGE_VERSION,
                         "developer-name", _("The Yardstick team"),
                         "developers", developers,
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "website", "https://github.com/yardstick-app/yardstick",
                         "issue-url", "https://github.com/yardstick-app/yardstick/issues",
                         "comments",
                         _("Find out whether AI tools help with your team’s real work.\n\n"
                           "Yardstick measures outcomes, never usage: times, corrections, "
                           "whether the output was used, and yes/no answers. It records "
                           "nothing about who logged a run, ranks no one, and keeps all "
                           "data on this computer."),
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  YsApplication *self = YS_APPLICATION (user_data);
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (self->store != NULL)
    gtk_window_present (GTK_WINDOW (ys_preferences_window_new (parent, self->store)));
}

static void
help_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (user_data));

  gtk_show_uri (parent, "help:yardstick", GDK_CURRENT_TIME);
}

static const GActionEntry app_actions[] = {
  { "quit", quit_action },
  { "about", about_action },
  { "preferences", preferences_action },
  { "help", help_action },
};

static void
ys_application_startup (GApplication *application)
{
  GtkApplication *app = GTK_APPLICATION (application);

  G_APPLICATION_CLASS (ys_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions,
                                   G_N_ELEMENTS (app_actions), app);
  gtk_application_set_accels_for_action (app, "app.quit", (const char *[]) { "<Control>q", NULL });
  gtk_application_set_accels_for_action (app, "app.preferences",
                                         (const char *[]) { "<Control>comma", NULL });
  gtk_application_set_accels_for_action (app, "app.help", (const char *[]) { "F1", NULL });
  gtk_application_set_accels_for_action (app, "window.close",
                                         (const char *[]) { "<Control>w", NULL });
}

static void
ys_application_finalize (GObject *object)
{
  YsApplication *self = (YsApplication *) object;

  g_clear_object (&self->store);
  g_clear_pointer (&self->database_path, g_free);

  G_OBJECT_CLASS (ys_application_parent_class)->finalize (object);
}

static void
ys_application_class_init (YsApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = ys_application_finalize;
  app_class->activate = ys_application_activate;
  app_class->startup = ys_application_startup;
}

static void
ys_application_init (YsApplication *self)
{
}

YsApplication *
ys_application_new (const char *database_path)
{
  YsApplication *self;
  /* Another database is another instance: don't hand it to a running one. */
  GApplicationFlags flags = database_path ? G_APPLICATION_NON_UNIQUE : G_APPLICATION_DEFAULT_FLAGS;

  self = g_object_new (YS_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", flags,
                       "resource-base-path", RESOURCE_BASE,
                       NULL);
  self->database_path = g_strdup (database_path);
  return self;
}
