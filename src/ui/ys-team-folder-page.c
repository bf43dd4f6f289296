/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "yardstick"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ys-team-folder-page.h"

/*
 * Preferences › Team Folder: the folder (chosen through the file chooser
 * portal, so under Flatpak it is a document-portal path), the switch that
 * stops syncing, when the last sync ran and with how many other computers,
 * and the files that were skipped, with their reasons.
 */

struct _YsTeamFolderPage
{
  AdwPreferencesPage parent_instance;

  YsTeamFolder *team;
  GSettings *settings;
  GPtrArray *skipped_rows;
  guint minute_id;

  AdwActionRow *folder_row;
  AdwActionRow *enabled_row;
  GtkSwitch *enabled_switch;
  AdwActionRow *status_row;
  GtkSpinner *spinner;
  GtkButton *sync_button;
  AdwPreferencesGroup *skipped_group;
  GtkButton *show_folder_button;
};

G_DEFINE_FINAL_TYPE (YsTeamFolderPage, ys_team_folder_page, ADW_TYPE_PREFERENCES_PAGE)

static void
update (YsTeamFolderPage *self)
{
  g_autofree char *folder = g_settings_get_string (self->settings, "team-folder");
  g_autofree char *shown = *folder ? ys_team_folder_display_path (folder) : NULL;
  g_autofree char *line = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(YsSyncStatus) status = { 0 };
  const GError *sync_error = ys_team_folder_get_last_error (self->team);
  gboolean syncing = ys_team_folder_get_syncing (self->team);
  gboolean active = ys_team_folder_get_path (self->team) != NULL;
  guint long_failures = 0;

  adw_action_row_set_subtitle (self->folder_row, shown ? shown : _("None chosen yet"));
  gtk_widget_set_sensitive (GTK_WIDGET (self->enabled_row), *folder != '\0');

  line = ys_team_folder_describe (self->team, &long_failures, &error);
  if (!active)
    adw_action_row_set_subtitle (self->status_row, *folder ? _("Syncing is turned off")
                                                          : _("Choose a folder to start"));
  else if (sync_error != NULL && !syncing)
    adw_action_row_set_subtitle (self->status_row, sync_error->message);
  else
    adw_action_row_set_subtitle (self->status_row, line ? line : error ? error->message : "");
  gtk_spinner_set_spinning (self->spinner, syncing);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), syncing);
  gtk_widget_set_sensitive (GTK_WIDGET (self->sync_button), active && !syncing);

  /* The skipped files, each with what is wrong with it. */
  for (guint i = 0; i < self->skipped_rows->len; i++)
    adw_preferences_group_remove (self->skipped_group, self->skipped_rows->pdata[i]);
  g_ptr_array_set_size (self->skipped_rows, 0);
  if (active && ys_team_folder_get_status (self->team, &status, NULL))
    for (guint i = 0; i < status.problems->len; i++)
      {
        const YsSyncProblem *problem = status.problems->pdata[i];
        const char *reason = problem->problem;
        guint days = ys_team_folder_days_failing (self->team, problem);
        g_autofree char *subtitle = NULL;
        GtkWidget *row = adw_action_row_new ();

        /* The reason names the file first, as the command line prints it;
         * the row's title already does. */
        if (g_str_has_prefix (reason, problem->name) &&
            g_str_has_prefix (reason + strlen (problem->name), ": "))
          reason += strlen (problem->name) + 2;
        adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), problem->name);
        adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
        /* Which file the offer to show the folder is about. */
        if (days > 0)
          subtitle = g_strdup_printf (ngettext ("%s\nSkipped at every sync for %u day",
                                                "%s\nSkipped at every sync for %u days", days),
                                      reason, days);
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle ? subtitle : reason);
        adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
        adw_preferences_group_add (self->skipped_group, row);
        g_ptr_array_add (self->skipped_rows, row);
      }
  gtk_widget_set_visible (GTK_WIDGET (self->skipped_group), self->skipped_rows->len > 0);
  /* A file still unreadable after a day is not one still being copied. */
  gtk_widget_set_visible (GTK_WIDGET (self->show_folder_button), long_failures > 0);
}

/* Choosing the folder --------------------------------------------------------- */

static void
use_folder (YsTeamFolderPage *self,
            const char       *path)
{
  g_settings_set_boolean (self->settings, "team-folder-explained", TRUE);
  g_settings_set_boolean (self->settings, "team-folder-enabled", TRUE);
  g_settings_set_string (self->settings, "team-folder", path);
}

static void
on_explained (AdwMessageDialog *dialog,
              const char       *response,
              YsTeamFolderPage *self)
{
  if (g_str_equal (response, "use"))
    use_folder (self, g_object_get_data (G_OBJECT (dialog), "path"));
}

/* The first time, what the folder is for and what goes into it. */
static void
explain (YsTeamFolderPage *self,
         const char       *path)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                              _("Use This Folder for the Team?"), NULL);
  AdwMessageDialog *message = ADW_MESSAGE_DIALOG (dialog);

  adw_message_dialog_set_body (message,
    _("Each computer writes one file into this folder with all of its Yardstick data: "
      "workflows, tools, runs, feedback and reviews. Nobody’s name is in it. Every computer "
      "that uses the folder merges the others’ files, so deleting a run here deletes it on "
      "every computer.\n\nAnyone who can open the folder can read the team’s figures: keep "
      "it private to your team."));
  adw_message_dialog_add_responses (message, "cancel", _("_Cancel"),
                                    "use", _("_Use This Folder"), NULL);
  adw_message_dialog_set_response_appearance (message, "use", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (message, "use");
  adw_message_dialog_set_close_response (message, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "path", g_strdup (path), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_explained), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_chosen (GtkNativeDialog  *chooser,
           int               response,
           YsTeamFolderPage *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = folder ? g_file_get_path (folder) : NULL;

      if (path == NULL)
        adw_action_row_set_subtitle (self->status_row,
                                     _("That folder is not on this computer’s file system. "
                                       "Choose the folder your sync service keeps here."));
      else
        ys_team_folder_page_choose (self, path);
    }
  g_object_unref (chooser);
}

void
ys_team_folder_page_choose (YsTeamFolderPage *self,
                            const char       *path)
{
  g_return_if_fail (YS_IS_TEAM_FOLDER_PAGE (self));
  g_return_if_fail (path != NULL);

  if (!g_settings_get_boolean (self->settings, "team-folder-explained"))
    explain (self, path);
  else
    use_folder (self, path);
}

static void
on_choose_clicked (YsTeamFolderPage *self)
{
  GtkFileChooserNative *chooser;
  g_autofree char *current = g_settings_get_string (self->settings, "team-folder");

  chooser = gtk_file_chooser_native_new (_("Choose the Team Folder"),
                                         GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                         GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, _("_Choose"),
                                         NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  if (*current != '\0')
    {
      g_autoptr(GFile) folder = g_file_new_for_path (current);
      gtk_file_chooser_set_file (GTK_FILE_CHOOSER (chooser), folder, NULL);
    }
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_chosen), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
on_sync_clicked (YsTeamFolderPage *self)
{
  ys_team_folder_sync_now (self->team);
}

void
ys_team_folder_page_show_folder (YsTeamFolder *team,
                                 GtkWidget    *from)
{
  const char *path = ys_team_folder_get_path (team);
  g_autoptr(GFile) folder = path ? g_file_new_for_path (path) : NULL;
  g_autofree char *uri = folder ? g_file_get_uri (folder) : NULL;

  /* Through the OpenURI portal under Flatpak. */
  if (uri != NULL)
    gtk_show_uri (GTK_WINDOW (gtk_widget_get_root (from)), uri, GDK_CURRENT_TIME);
}

static void
on_show_folder_clicked (YsTeamFolderPage *self)
{
  ys_team_folder_page_show_folder (self->team, GTK_WIDGET (self));
}

/* "2 minutes ago" moves on while the page is shown. */
static gboolean
every_minute (gpointer user_data)
{
  update (user_data);
  return G_SOURCE_CONTINUE;
}

static void
ys_team_folder_page_map (GtkWidget *widget)
{
  YsTeamFolderPage *self = YS_TEAM_FOLDER_PAGE (widget);

  GTK_WIDGET_CLASS (ys_team_folder_page_parent_class)->map (widget);
  update (self);
  if (self->minute_id == 0)
    self->minute_id = g_timeout_add_seconds (60, every_minute, self);
}

static void
ys_team_folder_page_unmap (GtkWidget *widget)
{
  g_clear_handle_id (&YS_TEAM_FOLDER_PAGE (widget)->minute_id, g_source_remove);
  GTK_WIDGET_CLASS (ys_team_folder_page_parent_class)->unmap (widget);
}

static void
ys_team_folder_page_dispose (GObject *object)
{
  YsTeamFolderPage *self = YS_TEAM_FOLDER_PAGE (object);

  g_clear_handle_id (&self->minute_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), YS_TYPE_TEAM_FOLDER_PAGE);
  G_OBJECT_CLASS (ys_team_folder_page_parent_class)->dispose (object);
}

static void
ys_team_folder_page_finalize (GObject *object)
{
  YsTeamFolderPage *self = YS_TEAM_FOLDER_PAGE (object);

  g_clear_object (&self->team);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->skipped_rows, g_ptr_array_unref);
  G_OBJECT_CLASS (ys_team_folder_page_parent_class)->finalize (object);
}

static void
ys_team_folder_page_class_init (YsTeamFolderPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ys_team_folder_page_dispose;
  object_class->finalize = ys_team_folder_page_finalize;
  widget_class->map = ys_team_folder_page_map;
  widget_class->unmap = ys_team_folder_page_unmap;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ys-team-folder-page.ui");
  gtk_widget_class_bind_template_child (widget_class, YsTeamFolderPage, folder_row);
  gtk_widget_class_bind_template_child (widget_class, YsTeamFolderPage, enabled_row);
  gtk_widget_class_bind_template_child (widget_class, YsTeamFolderPage, enabled_switch);
  gtk_widget_class_bind_template_child (widget_class, YsTeamFolderPage, status_row);
  gtk_widget_class_bind_template_child (widget_class, YsTeamFolderPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, YsTeamFolderPage, sync_button);
  gtk_widget_class_bind_template_child (widget_class, YsTeamFolderPage, skipped_group);
  gtk_widget_class_bind_template_child (widget_class, YsTeamFolderPage, show_folder_button);
  gtk_widget_class_bind_template_callback (widget_class, on_choose_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_sync_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_show_folder_clicked);
}

static void
ys_team_folder_page_init (YsTeamFolderPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->skipped_rows = g_ptr_array_new ();
}

GtkWidget *
ys_team_folder_page_new (YsTeamFolder *team,
                         GSettings    *settings)
{
  YsTeamFolderPage *self;

  g_return_val_if_fail (YS_IS_TEAM_FOLDER (team), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (YS_TYPE_TEAM_FOLDER_PAGE, NULL);
  self->team = g_object_ref (team);
  self->settings = g_object_ref (settings);
  g_settings_bind (settings, "team-folder-enabled", self->enabled_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_signal_connect_object (settings, "changed::team-folder", G_CALLBACK (update), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (team, "synced", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (team, "notify::syncing", G_CALLBACK (update), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (team, "notify::path", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  update (self);
  return GTK_WIDGET (self);
}
