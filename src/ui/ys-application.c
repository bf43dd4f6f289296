/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "yardstick"

#include "config.h"

#include <glib/gi18n.h>

#include "ys-application.h"
#include "ys-backup.h"
#include "ys-demo.h"
#include "ys-error.h"
#include "ys-form.h"
#include "ys-help.h"
#include "ys-preferences-window.h"
#include "ys-context.h"
#include "ys-store.h"
#include "ys-team-folder-page.h"
#include "ys-window.h"

struct _YsApplication
{
  AdwApplication parent_instance;

  char *database_path;
  YsStore *store;
  YsContext *context;
  YsTeamFolder *team_folder;
  guint backup_source_id;
  gboolean backing_up;
  gboolean shutting_down;
  gboolean finishing_sync;
};

G_DEFINE_FINAL_TYPE (YsApplication, ys_application, ADW_TYPE_APPLICATION)

/* The first daily backup waits until the window has settled, so that it
 * never competes with start-up; then the day is checked every hour, for a
 * window left open overnight, and once more when the last window closes,
 * for a visit shorter than the delay. */
#define BACKUP_FIRST_DELAY_SECONDS 10
#define BACKUP_CHECK_SECONDS (60 * 60)

static void
on_backup_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  YsApplication *self = YS_APPLICATION (source);
  g_autoptr(GError) error = NULL;
  g_autofree char *made = g_task_propagate_pointer (G_TASK (result), &error);

  if (error != NULL)
    g_warning ("%s", error->message);
  else if (made != NULL)
    g_debug ("Backed up to %s", made);
  self->backing_up = FALSE;
  g_application_release (G_APPLICATION (self));
}

typedef struct
{
  char *database_path;
  gint64 now;  /* the store's clock when the copy was asked for */
} BackupRequest;

static void
backup_request_free (BackupRequest *request)
{
  g_free (request->database_path);
  g_free (request);
}

static void
backup_in_thread (GTask        *task,
                  gpointer      source,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  BackupRequest *request = task_data;
  g_autoptr(GDateTime) now = g_date_time_new_from_unix_local (request->now / G_USEC_PER_SEC);
  g_autoptr(GError) error = NULL;
  char *made = ys_backup_daily (request->database_path, now, &error);

  if (error != NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, made, g_free);
}

static void
start_backup (YsApplication *self)
{
  g_autoptr(GTask) task = NULL;
  BackupRequest *request;

  if (self->store == NULL || self->backing_up)
    return;

  /* The copy reads through its own connection, so the window stays free;
   * holding the application lets a copy under way finish after the last
   * window closes rather than leave half a file. */
  self->backing_up = TRUE;
  g_application_hold (G_APPLICATION (self));
  task = g_task_new (self, NULL, on_backup_done, NULL);
  request = g_new0 (BackupRequest, 1);
  request->database_path = g_strdup (ys_store_get_path (self->store));
  request->now = ys_store_now (self->store);
  g_task_set_task_data (task, request, (GDestroyNotify) backup_request_free);
  g_task_run_in_thread (task, backup_in_thread);
}

static gboolean
backup_every_hour (gpointer user_data)
{
  start_backup (YS_APPLICATION (user_data));
  return G_SOURCE_CONTINUE;
}

static gboolean
backup_first (gpointer user_data)
{
  YsApplication *self = YS_APPLICATION (user_data);

  start_backup (self);
  self->backup_source_id = g_timeout_add_seconds (BACKUP_CHECK_SECONDS, backup_every_hour, self);
  return G_SOURCE_REMOVE;
}

static void
schedule_backups (YsApplication *self)
{
  if (self->backup_source_id == 0)
    self->backup_source_id = g_timeout_add_seconds (BACKUP_FIRST_DELAY_SECONDS, backup_first, self);
}

static void open_window (YsApplication *self);

static char *
database_path (YsApplication *self)
{
  return self->database_path ? g_strdup (self->database_path) : ys_store_default_path ();
}

static void
on_error_response (AdwMessageDialog *dialog,
                   const char       *response,
                   YsApplication    *self)
{
  g_autofree char *path = database_path (self);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  const char *backup = g_object_get_data (G_OBJECT (dialog), "backup-path");

  if (g_strcmp0 (response, "new") == 0 || g_strcmp0 (response, "restore") == 0)
    {
      g_autofree char *aside = ys_backup_set_aside (path, now, &error);

      if (aside != NULL && g_strcmp0 (response, "restore") == 0)
        ys_backup_restore_file (backup, path, &error);
      if (aside != NULL)
        g_message ("The damaged database was kept as %s", aside);
    }

  if (error != NULL)
    g_warning ("%s", error->message);
  else if (g_strcmp0 (response, "close") != 0)
    open_window (self);

  g_application_release (G_APPLICATION (self));
}

/* A refused database always leaves a way on: a damaged one can be set
 * aside for a new one or for the newest backup, a locked or read-only one
 * can be tried again once the cause is gone. Nothing happens to the file
 * until the person picks one. */
GtkWidget *
ys_application_open_error_dialog_new (const char   *path,
                                      const GError *error)
{
  GtkWidget *dialog = adw_message_dialog_new (NULL, NULL, error->message);
  AdwMessageDialog *message = ADW_MESSAGE_DIALOG (dialog);

  adw_message_dialog_add_response (message, "close", _("_Quit"));

  if (g_error_matches (error, YS_ERROR, YS_ERROR_DAMAGED))
    {
      g_autofree char *body = NULL;
      g_autofree char *name = g_path_get_basename (path);
      g_autoptr(GPtrArray) backups = ys_backup_list (path);
      YsBackup *newest = NULL;

      /* Only a damaged database is replaced, so only then are backups read. */
      for (guint i = 0; i < backups->len && newest == NULL; i++)
        if (ys_backup_is_usable (backups->pdata[i]))
          newest = backups->pdata[i];

      adw_message_dialog_set_heading (message, _("The Database Is Damaged"));
      adw_message_dialog_add_response (message, "new", _("Start a _New Database"));
      if (newest != NULL)
        {
          g_autofree char *date = ys_form_format_backup_date (newest);
          g_autofree char *label = g_strdup_printf (_("_Restore Backup of %s"), date);
          g_autofree char *contents = ys_form_describe_backup (newest);

          adw_message_dialog_add_response (message, "restore", label);
          adw_message_dialog_set_response_appearance (message, "restore",
                                                      ADW_RESPONSE_SUGGESTED);
          adw_message_dialog_set_default_response (message, "restore");
          g_object_set_data_full (G_OBJECT (dialog), "backup-path",
                                  g_strdup (newest->path), g_free);
          /* TRANSLATORS: the last %s is like "109 runs in 3 workflows" */
          body = g_strdup_printf (_("%s\n\nEither way the damaged file is kept beside the "
                                    "database, renamed with today’s date, so nothing is lost. "
                                    "The backup of %s holds %s."),
                                  error->message, date, contents);
        }
      else
        {
          adw_message_dialog_set_default_response (message, "close");
          body = g_strdup_printf (_("%s\n\nA new database keeps the damaged file beside it, "
                                    "renamed with today’s date, so nothing is lost. "
                                    "There is no backup of %s yet."),
                                  error->message, name);
        }
      adw_message_dialog_set_body (message, body);
    }
  else if (g_error_matches (error, YS_ERROR, YS_ERROR_BUSY) ||
           g_error_matches (error, YS_ERROR, YS_ERROR_READ_ONLY))
    {
      adw_message_dialog_set_heading (message, g_error_matches (error, YS_ERROR, YS_ERROR_BUSY)
                                               ? _("The Database Is in Use")
                                               : _("The Database Cannot Be Changed"));
      adw_message_dialog_add_response (message, "retry", _("_Try Again"));
      adw_message_dialog_set_default_response (message, "retry");
    }
  else if (g_error_matches (error, YS_ERROR, YS_ERROR_NEWER_DATABASE))
    adw_message_dialog_set_heading (message, _("Update Yardstick to Open This Database"));
  else
    adw_message_dialog_set_heading (message, _("The Database Could Not Be Opened"));

  adw_message_dialog_set_close_response (message, "close");
  return dialog;
}

static void
show_open_error (YsApplication *self,
                 const char    *path,
                 GError        *error)
{
  GtkWidget *dialog = ys_application_open_error_dialog_new (path, error);

  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  g_application_hold (G_APPLICATION (self));
  g_signal_connect (dialog, "response", G_CALLBACK (on_error_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The wall clock, the preferences when their schema is installed, and a
 * random source a test can seed with YARDSTICK_RANDOM_SEED. */
static YsContext *
new_context (YsStore *store)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(YsClock) clock = ys_clock_new ();

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema != NULL)
    settings = g_settings_new (APP_ID);
  return ys_context_new (store, clock, settings, ys_context_seed_from_environment ());
}

YsContext *
ys_application_get_context (YsApplication *self)
{
  g_return_val_if_fail (YS_IS_APPLICATION (self), NULL);
  return self->context;
}

YsTeamFolder *
ys_application_get_team_folder (YsApplication *self)
{
  g_return_val_if_fail (YS_IS_APPLICATION (self), NULL);
  return self->team_folder;
}

/* The team folder's first sync waits for the window's first frame, so
 * that it never delays what the person came for. */
static void
start_sync_after_paint (GdkFrameClock *clock,
                        YsApplication *self)
{
  g_signal_handlers_disconnect_by_func (clock, start_sync_after_paint, self);
  if (self->team_folder != NULL)
    ys_team_folder_start (self->team_folder);
}

static void
on_window_realized (GtkWidget     *window,
                    YsApplication *self)
{
  g_signal_handlers_disconnect_by_func (window, on_window_realized, self);
  g_signal_connect_object (gtk_widget_get_frame_clock (window), "after-paint",
                           G_CALLBACK (start_sync_after_paint), self, 0);
}

static void
on_sync_finished (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  YsApplication *self = user_data;
  g_autoptr(GError) error = NULL;

  if (!ys_team_folder_finish_finish (YS_TEAM_FOLDER (source), result, &error))
    g_warning ("%s", error->message);
  g_application_release (G_APPLICATION (self));
}

/* The last changes go out before Yardstick stops: like a backup under
 * way, the sync holds the application until it is over. */
static void
finish_sync (YsApplication *self)
{
  if (self->team_folder == NULL || self->finishing_sync)
    return;
  self->finishing_sync = TRUE;
  g_application_hold (G_APPLICATION (self));
  ys_team_folder_finish (self->team_folder, on_sync_finished, self);
}

static void
open_window (YsApplication *self)
{
  g_autoptr(GError) error = NULL;
  GtkWindow *window;

  if (self->store == NULL)
    {
      g_autofree char *path = database_path (self);

      self->store = ys_store_open (path, &error);
      if (self->store == NULL)
        {
          show_open_error (self, path, error);
          return;
        }
      self->context = new_context (self->store);
      self->team_folder = ys_team_folder_new (self->store,
                                              ys_context_get_settings (self->context));
    }

  window = GTK_WINDOW (ys_window_new (GTK_APPLICATION (self), self->store));
  if (!self->finishing_sync)
    g_signal_connect_object (window, "realize", G_CALLBACK (on_window_realized), self, 0);
  gtk_window_present (window);
  schedule_backups (self);
}

static void
ys_application_activate (GApplication *application)
{
  YsApplication *self = YS_APPLICATION (application);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  /* A second launch lands here in the first instance. */
  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }

  open_window (self);
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  GList *windows;

  /* Closing the windows, rather than g_application_quit(), lets a backup
   * under way (or the one their closing starts) finish first. */
  while ((windows = gtk_application_get_windows (app)) != NULL)
    gtk_window_destroy (windows->data);
}

static void
ys_application_window_removed (GtkApplication *application,
                               GtkWindow      *window)
{
  YsApplication *self = YS_APPLICATION (application);

  GTK_APPLICATION_CLASS (ys_application_parent_class)->window_removed (application, window);

  /* Once the day's copy exists this only checks that it does. After
   * g_application_quit() the main loop has stopped and no copy could
   * finish, so none starts. */
  if (gtk_application_get_windows (application) == NULL && self->store != NULL &&
      !self->shutting_down)
    {
      start_backup (self);
      finish_sync (self);
    }
}

static void
ys_application_shutdown (GApplication *application)
{
  YS_APPLICATION (application)->shutting_down = TRUE;

  G_APPLICATION_CLASS (ys_application_parent_class)->shutdown (application);
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
  g_autoptr(YsStore) store = NULL;

  GtkWidget *preferences;
  GSettings *settings;

  /* The sample's tools in the sample's window, never the real ones. */
  if (YS_IS_WINDOW (parent))
    g_object_get (parent, "store", &store, NULL);
  else if (self->store != NULL)
    store = g_object_ref (self->store);

  if (store == NULL)
    return;
  preferences = ys_preferences_window_new (parent, store);
  settings = ys_context_get_settings (self->context);
  /* The team folder belongs to the real database: a sample never syncs. */
  if (settings != NULL && store == self->store)
    adw_preferences_window_add (ADW_PREFERENCES_WINDOW (preferences),
                                ADW_PREFERENCES_PAGE (ys_team_folder_page_new (self->team_folder,
                                                                              settings)));
  gtk_window_present (GTK_WINDOW (preferences));
}

static void
help_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  ys_help_show (gtk_application_get_active_window (GTK_APPLICATION (user_data)));
}

/* Sample data never touches the real database: it opens in a database of
 * its own, in a window of its own that replaces the real one, and
 * "Start My Own" goes back to the real one and lets the sample go. */
static void
try_sample_action (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  YsApplication *self = YS_APPLICATION (user_data);
  GtkWindow *previous = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autoptr(YsStore) sample = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *window;

  sample = ys_demo_open_sample (&error);
  if (sample == NULL)
    {
      GtkWidget *dialog = adw_message_dialog_new (previous, _("The Sample Could Not Be Opened"),
                                                  error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  window = GTK_WINDOW (ys_window_new (GTK_APPLICATION (self), sample));
  gtk_window_present (window);
  if (previous != NULL)
    gtk_window_destroy (previous);
}

static void
leave_sample_action (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  YsApplication *self = YS_APPLICATION (user_data);
  g_autoptr(GPtrArray) samples = g_ptr_array_new ();

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      g_autoptr(YsStore) store = NULL;

      if (YS_IS_WINDOW (l->data))
        g_object_get (l->data, "store", &store, NULL);
      if (store != NULL && ys_demo_is_sample (store))
        g_ptr_array_add (samples, l->data);
    }

  /* The real window first, so that the application never has none. */
  open_window (self);
  for (guint i = 0; i < samples->len; i++)
    gtk_window_destroy (g_ptr_array_index (samples, i));
}

static const GActionEntry app_actions[] = {
  { "quit", quit_action },
  { "about", about_action },
  { "preferences", preferences_action },
  { "help", help_action },
  { "try-sample", try_sample_action },
  { "leave-sample", leave_sample_action },
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
  /* GtkApplication sets this only for a help overlay it builds itself, which
   * it keeps hidden; YsWindow builds its own (see show_help_overlay_action). */
  gtk_application_set_accels_for_action (app, "win.show-help-overlay",
                                         (const char *[]) { "<Control>question", NULL });
  gtk_application_set_accels_for_action (app, "window.close",
                                         (const char *[]) { "<Control>w", NULL });
}

static void
ys_application_finalize (GObject *object)
{
  YsApplication *self = (YsApplication *) object;

  g_clear_handle_id (&self->backup_source_id, g_source_remove);
  g_clear_object (&self->team_folder);
  g_clear_object (&self->context);
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
  GTK_APPLICATION_CLASS (klass)->window_removed = ys_application_window_removed;
  app_class->startup = ys_application_startup;
  app_class->shutdown = ys_application_shutdown;
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
