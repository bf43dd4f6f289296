/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "yardstick-core"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>
#include <sys/xattr.h>

#include "ys-error.h"
#include "ys-team-folder.h"

/* A change here is written a few seconds later, so that a burst of edits
 * (a run logged, then its outcome) goes out in one file. A sync service
 * writes a file in several steps: wait until it is quiet. */
#define AFTER_CHANGE_MS (5 * 1000)
#define AFTER_FOLDER_MS (2 * 1000)
#define PERIOD_MS (15 * 60 * 1000)
/* A file skipped for this long is not one still being copied. */
#define LONG_FAILURE (G_GINT64_CONSTANT (24) * 60 * 60 * G_USEC_PER_SEC)

struct _YsTeamFolder
{
  GObject parent_instance;

  YsStore *store;
  GSettings *settings;
  char *path;                 /* NULL when none is chosen or syncing is off */
  char *own_name;             /* the file this database writes there */

  gboolean started;
  gboolean syncing;
  gboolean again;             /* asked for while a sync was under way */
  GTask *finish_task;         /* quitting: waits for the last sync */
  GCancellable *cancellable;

  GFileMonitor *monitor;
  guint change_id;
  guint folder_id;
  guint period_id;
  guint after_change_ms;
  guint after_folder_ms;
  guint period_ms;

  YsSyncReport *last_report;
  GError *last_error;
};

G_DEFINE_FINAL_TYPE (YsTeamFolder, ys_team_folder, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PATH,
  PROP_SYNCING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SYNCED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void start_sync (YsTeamFolder *self);
static void watch      (YsTeamFolder *self);

static void
set_syncing (YsTeamFolder *self,
             gboolean      syncing)
{
  if (self->syncing == syncing)
    return;
  self->syncing = syncing;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SYNCING]);
}

static gboolean
has_unwritten_changes (YsTeamFolder *self)
{
  g_autoptr(GError) error = NULL;
  gboolean unwritten = FALSE;

  /* A database that cannot be read now is tried at the next sync. */
  if (!ys_sync_has_unwritten_changes (self->store, &unwritten, &error))
    g_debug ("%s", error->message);
  return unwritten;
}

static void
complete_finish (YsTeamFolder *self)
{
  g_autoptr(GTask) task = g_steal_pointer (&self->finish_task);

  if (self->last_error != NULL)
    g_task_return_error (task, g_error_copy (self->last_error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
on_synced (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(YsTeamFolder) self = user_data;
  g_autoptr(GError) error = NULL;
  YsSyncReport *report = ys_sync_run_finish (YS_STORE (source), result, &error);

  /* Disposed meanwhile: nobody is listening. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      set_syncing (self, FALSE);
      return;
    }

  g_clear_pointer (&self->last_report, ys_sync_report_free);
  g_clear_error (&self->last_error);
  self->last_report = report;
  self->last_error = g_steal_pointer (&error);
  if (self->last_error != NULL)
    g_debug ("Team folder: %s", self->last_error->message);

  set_syncing (self, FALSE);
  g_signal_emit (self, signals[SYNCED], 0);

  if (self->again && self->path != NULL)
    {
      self->again = FALSE;
      start_sync (self);
    }
  else if (self->finish_task != NULL)
    complete_finish (self);
}

static void
start_sync (YsTeamFolder *self)
{
  if (self->path == NULL)
    return;
  if (self->syncing)
    {
      self->again = TRUE;
      return;
    }

  set_syncing (self, TRUE);
  ys_sync_run_async (self->store, self->path, self->cancellable, on_synced,
                     g_object_ref (self));
}

/* Timers and the folder's monitor ------------------------------------------- */

static gboolean
after_change (gpointer user_data)
{
  YsTeamFolder *self = user_data;

  self->change_id = 0;
  /* The merge of a sync changes the database too; what it merged is in
   * the file that sync wrote, so only a change made since needs a sync. */
  if (self->syncing)
    self->again = TRUE;
  else if (has_unwritten_changes (self))
    start_sync (self);
  return G_SOURCE_REMOVE;
}

static void
on_store_changed (YsTeamFolder *self,
                  guint         changes,
                  YsStore      *store)
{
  if (!self->started || self->path == NULL || self->finish_task != NULL ||
      (changes & ~YS_STORE_CHANGE_TIMERS) == 0)
    return;
  g_clear_handle_id (&self->change_id, g_source_remove);
  self->change_id = g_timeout_add (self->after_change_ms, after_change, self);
}

static gboolean
after_folder (gpointer user_data)
{
  YsTeamFolder *self = user_data;

  self->folder_id = 0;
  start_sync (self);
  return G_SOURCE_REMOVE;
}

/* Temporary files (ours and the sync services', which start with a dot)
 * and the own file, which this database writes, are not news. */
static gboolean
is_news (YsTeamFolder *self,
         GFile        *file)
{
  g_autofree char *name = file ? g_file_get_basename (file) : NULL;

  if (name == NULL || name[0] == '.' || !g_str_has_suffix (name, ".json"))
    return FALSE;
  /* Known from the first sync's start, before its file is written. */
  if (self->own_name == NULL)
    self->own_name = ys_sync_get_own_name (self->store);
  return g_strcmp0 (name, self->own_name) != 0;
}

static void
on_folder_changed (YsTeamFolder      *self,
                   GFile             *file,
                   GFile             *other,
                   GFileMonitorEvent  event,
                   GFileMonitor      *monitor)
{
  if (!is_news (self, file) && !is_news (self, other))
    return;
  g_clear_handle_id (&self->folder_id, g_source_remove);
  self->folder_id = g_timeout_add (self->after_folder_ms, after_folder, self);
}

static gboolean
every_period (gpointer user_data)
{
  start_sync (user_data);
  return G_SOURCE_CONTINUE;
}

static void
stop_watching (YsTeamFolder *self)
{
  if (self->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->monitor, self);
      g_file_monitor_cancel (self->monitor);
      g_clear_object (&self->monitor);
    }
  g_clear_handle_id (&self->change_id, g_source_remove);
  g_clear_handle_id (&self->folder_id, g_source_remove);
  g_clear_handle_id (&self->period_id, g_source_remove);
}

static void
watch (YsTeamFolder *self)
{
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GError) error = NULL;

  stop_watching (self);
  if (!self->started || self->path == NULL || self->finish_task != NULL)
    return;

  folder = g_file_new_for_path (self->path);
  self->monitor = g_file_monitor_directory (folder, G_FILE_MONITOR_WATCH_MOVES, NULL, &error);
  if (self->monitor == NULL)
    g_debug ("Team folder %s is not watched: %s", self->path, error->message);
  else
    g_signal_connect_object (self->monitor, "changed", G_CALLBACK (on_folder_changed), self,
                             G_CONNECT_SWAPPED);
  self->period_id = g_timeout_add (self->period_ms, every_period, self);
}

/* Settings ------------------------------------------------------------------ */

static void
read_settings (YsTeamFolder *self)
{
  g_autofree char *path = NULL;

  if (self->settings != NULL && g_settings_get_boolean (self->settings, "team-folder-enabled"))
    path = g_settings_get_string (self->settings, "team-folder");
  if (path != NULL && *path == '\0')
    g_clear_pointer (&path, g_free);

  if (g_strcmp0 (path, self->path) == 0)
    return;
  g_free (self->path);
  self->path = g_steal_pointer (&path);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PATH]);

  /* Another folder's report says nothing about this one. */
  g_clear_pointer (&self->last_report, ys_sync_report_free);
  g_clear_error (&self->last_error);
  watch (self);
  if (self->started && self->finish_task == NULL)
    start_sync (self);
}

static void
on_settings_changed (YsTeamFolder *self,
                     const char   *key,
                     GSettings    *settings)
{
  if (g_str_equal (key, "team-folder") || g_str_equal (key, "team-folder-enabled"))
    read_settings (self);
}

/* Public --------------------------------------------------------------------- */

char *
ys_team_folder_display_path (const char *path)
{
  g_autofree char *portal = NULL;
  const char *home = g_get_home_dir ();
  gsize home_length = strlen (home);

  g_return_val_if_fail (path != NULL, NULL);

  /* Under Flatpak the file chooser portal hands over
   * /run/user/UID/doc/ID/NAME (or /run/flatpak/doc/…), which means nothing
   * to the person who picked ~/Nextcloud/NAME: the document portal tells
   * where it really is, or its name at least does. */
  portal = g_build_filename (g_get_user_runtime_dir (), "doc", NULL);
  if ((g_str_has_prefix (path, portal) && path[strlen (portal)] == G_DIR_SEPARATOR) ||
      g_str_has_prefix (path, "/run/flatpak/doc/"))
    {
      char host[4096];
      ssize_t length = getxattr (path, "user.document-portal.host-path", host, sizeof host - 1);

      if (length > 0)
        {
          host[length] = '\0';
          /* Some versions count the final NUL. */
          if (host[0] == G_DIR_SEPARATOR)
            return ys_team_folder_display_path (host);
        }
      return g_path_get_basename (path);
    }

  if (home_length > 1 && g_str_has_prefix (path, home) &&
      (path[home_length] == G_DIR_SEPARATOR || path[home_length] == '\0'))
    return g_strconcat ("~", path + home_length, NULL);
  return g_strdup (path);
}

YsTeamFolder *
ys_team_folder_new (YsStore   *store,
                    GSettings *settings)
{
  YsTeamFolder *self;

  g_return_val_if_fail (YS_IS_STORE (store), NULL);
  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);

  self = g_object_new (YS_TYPE_TEAM_FOLDER, NULL);
  self->store = g_object_ref (store);
  g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed), self,
                           G_CONNECT_SWAPPED);
  if (settings != NULL)
    {
      self->settings = g_object_ref (settings);
      g_signal_connect_object (settings, "changed", G_CALLBACK (on_settings_changed), self,
                               G_CONNECT_SWAPPED);
      read_settings (self);
    }
  return self;
}

const char *
ys_team_folder_get_path (YsTeamFolder *self)
{
  g_return_val_if_fail (YS_IS_TEAM_FOLDER (self), NULL);
  return self->path;
}

gboolean
ys_team_folder_get_syncing (YsTeamFolder *self)
{
  g_return_val_if_fail (YS_IS_TEAM_FOLDER (self), FALSE);
  return self->syncing;
}

const YsSyncReport *
ys_team_folder_get_last_report (YsTeamFolder *self)
{
  g_return_val_if_fail (YS_IS_TEAM_FOLDER (self), NULL);
  return self->last_report;
}

const GError *
ys_team_folder_get_last_error (YsTeamFolder *self)
{
  g_return_val_if_fail (YS_IS_TEAM_FOLDER (self), NULL);
  return self->last_error;
}

gboolean
ys_team_folder_get_status (YsTeamFolder  *self,
                           YsSyncStatus  *status,
                           GError       **error)
{
  g_return_val_if_fail (YS_IS_TEAM_FOLDER (self), FALSE);
  return ys_sync_get_status (self->store, status, error);
}

YsStore *
ys_team_folder_get_store (YsTeamFolder *self)
{
  g_return_val_if_fail (YS_IS_TEAM_FOLDER (self), NULL);
  return self->store;
}

/* "2 minutes ago", from the store's clock. */
static char *
describe_ago (YsTeamFolder *self,
              gint64        then)
{
  gint64 minutes = MAX (0, ys_store_now (self->store) - then) / (60 * G_USEC_PER_SEC);
  gint64 hours = minutes / 60, days = hours / 24;

  if (minutes < 1)
    return g_strdup (_("just now"));
  if (hours < 1)
    return g_strdup_printf (ngettext ("%u minute ago", "%u minutes ago", minutes),
                            (guint) minutes);
  if (days < 1)
    return g_strdup_printf (ngettext ("%u hour ago", "%u hours ago", hours), (guint) hours);
  return g_strdup_printf (ngettext ("%u day ago", "%u days ago", days), (guint) days);
}

guint
ys_team_folder_days_failing (YsTeamFolder        *self,
                             const YsSyncProblem *problem)
{
  g_return_val_if_fail (YS_IS_TEAM_FOLDER (self), 0);
  g_return_val_if_fail (problem != NULL, 0);

  if (problem->failing_since <= 0)
    return 0;
  return MAX (0, ys_store_now (self->store) - problem->failing_since) / LONG_FAILURE;
}

static char *
describe_state (YsTeamFolder       *self,
                const YsSyncStatus *status)
{
  g_autofree char *ago = NULL;

  if (status->synced_at == 0 || g_strcmp0 (status->folder, self->path) != 0)
    return g_strdup (self->syncing ? _("Syncing with the team folder…")
                                   : _("Not synced with the team folder yet"));

  ago = describe_ago (self, status->synced_at);
  /* The others' files were merged; only this computer's cannot go out. */
  if (g_error_matches (self->last_error, YS_ERROR, YS_ERROR_READ_ONLY))
    /* TRANSLATORS: %s is like "2 hours ago" */
    return g_strdup_printf (_("The team folder is read-only, so this computer’s changes cannot "
                              "reach the others; last in step %s"), ago);
  if (self->last_error != NULL)
    /* TRANSLATORS: %s is like "2 hours ago" */
    return g_strdup_printf (_("The team folder cannot be reached; last in step %s"), ago);
  if (status->computers == 0)
    /* TRANSLATORS: %s is like "2 minutes ago" */
    return g_strdup_printf (_("No other computer’s file in the team folder yet, %s"), ago);
  /* TRANSLATORS: the first %u counts computers; %s is like "2 minutes ago" */
  return g_strdup_printf (ngettext ("In step with %u other computer, %s",
                                    "In step with %u other computers, %s", status->computers),
                          status->computers, ago);
}

char *
ys_team_folder_describe (YsTeamFolder  *self,
                         guint         *long_failures,
                         GError       **error)
{
  g_auto(YsSyncStatus) status = { 0 };
  g_autofree char *state = NULL;
  guint failing = 0;

  g_return_val_if_fail (YS_IS_TEAM_FOLDER (self), NULL);

  if (long_failures != NULL)
    *long_failures = 0;
  if (self->path == NULL)
    return NULL;
  if (!ys_sync_get_status (self->store, &status, error))
    return NULL;

  for (guint i = 0; i < status.problems->len; i++)
    failing += ys_team_folder_days_failing (self, status.problems->pdata[i]) > 0;
  if (long_failures != NULL)
    *long_failures = failing;

  state = describe_state (self, &status);
  if (failing == 0)
    return g_steal_pointer (&state);
  /* The reason to show the folder, beside the offer to: a file skipped
   * for a day is not one still being copied. */
  /* TRANSLATORS: %s is like "In step with 4 other computers, 2 minutes ago";
   * %u counts files */
  return g_strdup_printf (ngettext ("%s; %u file in the folder has not been readable for a day",
                                    "%s; %u files in the folder have not been readable for a day",
                                    failing),
                          state, failing);
}

void
ys_team_folder_start (YsTeamFolder *self)
{
  g_return_if_fail (YS_IS_TEAM_FOLDER (self));

  if (self->started)
    return;
  self->started = TRUE;
  watch (self);
  start_sync (self);
}

void
ys_team_folder_sync_now (YsTeamFolder *self)
{
  g_return_if_fail (YS_IS_TEAM_FOLDER (self));
  start_sync (self);
}

void
ys_team_folder_finish (YsTeamFolder        *self,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (YS_IS_TEAM_FOLDER (self));
  g_return_if_fail (self->finish_task == NULL);

  task = g_task_new (self, NULL, callback, user_data);
  g_task_set_source_tag (task, ys_team_folder_finish);
  stop_watching (self);

  /* Only what this computer changed needs to go out before it stops. */
  if (self->path == NULL || (!self->syncing && !has_unwritten_changes (self)))
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  self->finish_task = g_steal_pointer (&task);
  start_sync (self);
}

gboolean
ys_team_folder_finish_finish (YsTeamFolder  *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

void
ys_team_folder_set_delays (YsTeamFolder *self,
                           guint         after_change_ms,
                           guint         after_folder_ms,
                           guint         period_ms)
{
  g_return_if_fail (YS_IS_TEAM_FOLDER (self));

  self->after_change_ms = after_change_ms;
  self->after_folder_ms = after_folder_ms;
  self->period_ms = period_ms;
  if (self->started)
    watch (self);
}

/* GObject --------------------------------------------------------------------- */

static void
ys_team_folder_dispose (GObject *object)
{
  YsTeamFolder *self = (YsTeamFolder *) object;

  g_cancellable_cancel (self->cancellable);
  stop_watching (self);
  if (self->finish_task != NULL)
    complete_finish (self);

  G_OBJECT_CLASS (ys_team_folder_parent_class)->dispose (object);
}

static void
ys_team_folder_finalize (GObject *object)
{
  YsTeamFolder *self = (YsTeamFolder *) object;

  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->own_name, g_free);
  g_clear_pointer (&self->last_report, ys_sync_report_free);
  g_clear_error (&self->last_error);

  G_OBJECT_CLASS (ys_team_folder_parent_class)->finalize (object);
}

static void
ys_team_folder_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  YsTeamFolder *self = YS_TEAM_FOLDER (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    case PROP_SYNCING:
      g_value_set_boolean (value, self->syncing);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ys_team_folder_class_init (YsTeamFolderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ys_team_folder_dispose;
  object_class->finalize = ys_team_folder_finalize;
  object_class->get_property = ys_team_folder_get_property;

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SYNCING] =
    g_param_spec_boolean ("syncing", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * YsTeamFolder::synced:
   *
   * A sync ended, with a report or an error.
   */
  signals[SYNCED] = g_signal_new ("synced", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                  NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
ys_team_folder_init (YsTeamFolder *self)
{
  self->cancellable = g_cancellable_new ();
  self->after_change_ms = AFTER_CHANGE_MS;
  self->after_folder_ms = AFTER_FOLDER_MS;
  self->period_ms = PERIOD_MS;
}
