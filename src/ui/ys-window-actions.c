/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "yardstick"

/* What the window does when asked: every win.* action, its key bindings,
 * and which of them make sense for the page shown. The window itself
 * (ys-window.c) keeps the sidebar, the pages and what they show. */

#include "config.h"

#include <glib/gi18n.h>

#include "ys-bundle.h"
#include "ys-error.h"
#include "ys-history-assistant.h"
#include "ys-merge-dialog.h"
#include "ys-run-dialog.h"
#include "ys-window-private.h"
#include "ys-workflow-dialog.h"

static void
show_undo_toast (YsWindow   *self,
                 const char *title,
                 const char *undo_action,
                 const char *id)
{
  AdwToast *toast = adw_toast_new (title);

  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, undo_action);
  adw_toast_set_action_target_value (toast, g_variant_new_string (id));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* Workflows and runs ------------------------------------------------------- */

static void
read_again_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  YsWindow *self = YS_WINDOW (widget);

  _ys_window_reveal_banner (self->read_error_revealer, FALSE);
  ys_store_refresh (self->store);
}

static void
explain_workflow_limit (YsWindow *self)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("Three Workflows Are Active"),
                                                       NULL));
  adw_message_dialog_set_body (dialog,
    _("Yardstick measures at most three workflows at a time, so that each one gets "
      "enough runs to show a real difference. Archive a workflow you have finished "
      "measuring to add another; its history stays."));
  adw_message_dialog_add_response (dialog, "close", _("_OK"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_workflow_saved (YsWindow   *self,
                   const char *id)
{
  ys_window_select_workflow (self, id);
}

static void
add_workflow_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  YsWindow *self = YS_WINDOW (widget);
  GtkWidget *dialog;

  if (ys_store_count_active_workflows (self->store, NULL) >= YS_LIMITS_MAX_ACTIVE_WORKFLOWS)
    {
      explain_workflow_limit (self);
      return;
    }

  dialog = ys_workflow_dialog_new (GTK_WINDOW (self), self->store, NULL);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_workflow_saved), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
edit_workflow_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  YsWindow *self = YS_WINDOW (widget);
  g_autoptr(YsWorkflow) workflow = _ys_window_dup_selected_workflow (self);

  if (workflow != NULL)
    gtk_window_present (GTK_WINDOW (ys_workflow_dialog_new (GTK_WINDOW (self), self->store,
                                                            workflow)));
}

static void
set_archived (YsWindow *self,
              gboolean  archived)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YsWorkflow) workflow = _ys_window_dup_selected_workflow (self);

  if (workflow == NULL)
    return;

  if (!ys_store_set_workflow_archived (self->store, ys_workflow_get_id (workflow),
                                       archived, &error))
    {
      ys_window_add_toast (self, error->message);
      return;
    }

  if (archived)
    {
      g_autofree char *title = g_strdup_printf (_("“%s” archived"),
                                                ys_workflow_get_name (workflow));
      ys_window_add_toast (self, title);
    }
}

static void
archive_workflow_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  set_archived (YS_WINDOW (widget), TRUE);
}

static void
unarchive_workflow_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  set_archived (YS_WINDOW (widget), FALSE);
}

static void
delete_workflow_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  YsWindow *self = YS_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(YsWorkflow) workflow = _ys_window_dup_selected_workflow (self);
  g_autofree char *title = NULL;

  if (workflow == NULL)
    return;

  if (!ys_store_delete_workflow (self->store, ys_workflow_get_id (workflow), &error))
    {
      ys_window_add_toast (self, error->message);
      return;
    }

  title = g_strdup_printf (_("“%s” deleted"), ys_workflow_get_name (workflow));
  show_undo_toast (self, title, "win.undo-delete-workflow", ys_workflow_get_id (workflow));
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
undo_delete_workflow_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  YsWindow *self = YS_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  const char *id = g_variant_get_string (parameter, NULL);
  gboolean archived_instead = FALSE;

  if (!ys_store_restore_workflow (self->store, id, &archived_instead, &error))
    {
      ys_window_add_toast (self, error->message);
      return;
    }

  ys_window_select_workflow (self, id);
  if (archived_instead)
    ys_window_add_toast (self, _("Three workflows are active, so it came back archived"));
}

/* Merging ------------------------------------------------------------------ */

void
_ys_window_merge_workflows (YsWindow   *self,
                            const char *source_id,
                            const char *target_id)
{
  g_autoptr(GError) error = NULL;
  g_auto(YsWorkflowMerge) merge = { 0 };
  g_autoptr(YsWorkflow) target = ys_store_get_workflow (self->store, target_id);
  g_autofree char *runs = NULL;
  g_autofree char *answers = NULL;
  g_autofree char *title = NULL;

  if (target == NULL)
    return;
  if (!ys_store_merge_workflows (self->store, source_id, target_id, &merge, &error))
    {
      ys_window_add_toast (self, error->message);
      return;
    }

  runs = g_strdup_printf (ngettext ("%u run", "%u runs", merge.runs), merge.runs);
  answers = g_strdup_printf (ngettext ("%u answer", "%u answers", merge.feedback), merge.feedback);
  /* TRANSLATORS: a toast, e.g. "Merged into “Grant report section”: 2 runs, 1 answer" */
  title = g_strdup_printf (_("Merged into “%s”: %s, %s"), ys_workflow_get_name (target), runs,
                           answers);
  ys_window_select_workflow (self, target_id);
  show_undo_toast (self, title, "win.undo-merge-workflow", merge.undo_id);
}

static void
on_merge_response (AdwMessageDialog *dialog,
                   const char       *response,
                   YsWindow         *self)
{
  const char *source_id = g_object_get_data (G_OBJECT (dialog), "source-id");
  const char *target_id = ys_merge_dialog_get_target (GTK_WIDGET (dialog));

  if (g_strcmp0 (response, "merge") == 0 && target_id != NULL)
    _ys_window_merge_workflows (self, source_id, target_id);
}

static void
present_merge_dialog (YsWindow   *self,
                      const char *source_id,
                      const char *suggested_id)
{
  GtkWidget *dialog = ys_merge_dialog_new (GTK_WINDOW (self), self->store, source_id,
                                           suggested_id);

  if (dialog == NULL)
    return;
  g_object_set_data_full (G_OBJECT (dialog), "source-id", g_strdup (source_id), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_merge_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Another workflow with the name of @id, the likely one to merge into. */
static char *
find_namesake (YsWindow   *self,
               const char *id)
{
  g_autoptr(YsWorkflow) workflow = ys_store_get_workflow (self->store, id);
  g_autofree char *name = NULL;
  GListModel *workflows = ys_store_get_workflows (self->store);

  if (workflow == NULL)
    return NULL;
  name = g_utf8_casefold (ys_workflow_get_name (workflow), -1);
  for (guint i = 0; i < g_list_model_get_n_items (workflows); i++)
    {
      g_autoptr(YsWorkflow) other = g_list_model_get_item (workflows, i);
      g_autofree char *other_name = g_utf8_casefold (ys_workflow_get_name (other), -1);

      if (g_strcmp0 (ys_workflow_get_id (other), id) != 0 && g_str_equal (name, other_name))
        return g_strdup (ys_workflow_get_id (other));
    }
  return NULL;
}

static void
merge_workflow_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  YsWindow *self = YS_WINDOW (widget);
  g_autofree char *namesake = NULL;

  if (self->selected_id == NULL)
    return;
  namesake = find_namesake (self, self->selected_id);
  present_merge_dialog (self, self->selected_id, namesake);
}

static void
undo_merge_workflow_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  YsWindow *self = YS_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  gboolean archived_instead = FALSE;

  if (!ys_store_unmerge_workflows (self->store, g_variant_get_string (parameter, NULL),
                                   &archived_instead, &error))
    {
      ys_window_add_toast (self, error->message);
      return;
    }
  if (archived_instead)
    ys_window_add_toast (self, _("Three workflows are active, so it came back archived"));
}

static void
delete_run_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  YsWindow *self = YS_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  const char *id = g_variant_get_string (parameter, NULL);

  if (!ys_store_delete_run (self->store, id, &error))
    ys_window_add_toast (self, error->message);
  else
    show_undo_toast (self, _("Run deleted"), "win.undo-delete-run", id);
}

static void
undo_delete_run_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  YsWindow *self = YS_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (!ys_store_restore_run (self->store, g_variant_get_string (parameter, NULL), &error))
    ys_window_add_toast (self, error->message);
}

static void
on_run_saved (YsWindow   *self,
              const char *id)
{
  ys_window_add_toast (self, _("Run saved"));
}

static void
open_run_dialog (YsWindow   *self,
                 const char *workflow_id)
{
  GtkWidget *dialog = ys_run_dialog_new (GTK_WINDOW (self), self->store, workflow_id, NULL);

  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_run_saved), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_log_run_workflow_chosen (GtkListBox    *list,
                            GtkListBoxRow *row,
                            YsWindow      *self)
{
  g_autofree char *id = g_strdup (g_object_get_data (G_OBJECT (row), "workflow-id"));

  gtk_window_destroy (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (list))));
  open_run_dialog (self, id);
}

/* Log Run from the Overview, the Report or Awaiting Outcome: which workflow
 * was the run? The active ones as a list, since names can be long; with only
 * one, there is nothing to ask. */
static void
ask_workflow_for_run (YsWindow *self)
{
  GListModel *workflows = ys_store_get_workflows (self->store);
  g_autoptr(GPtrArray) active = g_ptr_array_new_with_free_func (g_object_unref);
  GtkWidget *dialog;
  GtkWidget *list;

  for (guint i = 0; i < g_list_model_get_n_items (workflows); i++)
    {
      g_autoptr(YsWorkflow) workflow = g_list_model_get_item (workflows, i);

      if (!ys_workflow_get_archived (workflow))
        g_ptr_array_add (active, g_steal_pointer (&workflow));
    }
  if (active->len <= 1)
    {
      if (active->len == 1)
        open_run_dialog (self, ys_workflow_get_id (g_ptr_array_index (active, 0)));
      return;
    }

  list = gtk_list_box_new ();
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Workflows"), -1);
  for (guint i = 0; i < active->len; i++)
    {
      YsWorkflow *workflow = g_ptr_array_index (active, i);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), ys_workflow_get_name (workflow));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), ys_workflow_get_description (workflow));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "workflow-id",
                              g_strdup (ys_workflow_get_id (workflow)), g_free);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }
  g_signal_connect_object (list, "row-activated", G_CALLBACK (on_log_run_workflow_chosen), self, 0);

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Log a Run"), _("Which workflow was it?"));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
log_run_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  YsWindow *self = YS_WINDOW (widget);

  if (self->selected_id != NULL)
    open_run_dialog (self, self->selected_id);
  else
    ask_workflow_for_run (self);
}

/* Built when asked for, destroyed when closed. GtkApplication's own help
 * overlay (from gtk/help-overlay.ui) is built at start-up and kept hidden,
 * never mapped, and GTK 4.8's AT-SPI bridge crashes the program when a
 * screen reader asks the application for a window index past the shown
 * ones while such a window is the last toplevel: it sends a NULL object
 * path (docs/upstream/gtk-atspi-get-child-at-index.md). */
static void
show_help_overlay_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (RESOURCE_BASE
                                                                 "/shortcuts-window.ui");
  GtkWindow *overlay = GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay"));

  gtk_window_set_transient_for (overlay, GTK_WINDOW (widget));
  gtk_window_set_destroy_with_parent (overlay, TRUE);
  gtk_window_present (overlay);
}

/* Bundles ------------------------------------------------------------------ */

static void
show_refusal (YsWindow   *self,
              const char *heading,
              const char *message)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_import_response (GtkNativeDialog *dialog,
                    int              response,
                    YsWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (dialog));
      ys_window_import_files (self, files);
    }
  g_object_unref (dialog);
}

static GtkFileFilter *
bundle_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Yardstick bundles"));
  gtk_file_filter_add_pattern (filter, "*.json");
  gtk_file_filter_add_mime_type (filter, "application/json");
  return filter;
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = bundle_filter ();

  chooser = gtk_file_chooser_native_new (_("Import Bundles"), GTK_WINDOW (widget),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), NULL);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_import_response), widget, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

gboolean
ys_window_export_file (YsWindow       *self,
                       GFile          *file,
                       YsBundleScope   scope)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *title = NULL;

  g_return_val_if_fail (YS_IS_WINDOW (self), FALSE);

  if (path == NULL || !ys_bundle_export_file (self->store, scope, path, &error))
    {
      show_refusal (self, _("The Bundle Could Not Be Written"),
                    error ? error->message : name);
      return FALSE;
    }

  /* Nothing is shared yet: the file is ready for the team. */
  title = g_strdup_printf (scope == YS_BUNDLE_WORKFLOWS ? _("Saved %s for your team to import")
                                                        : _("Exported to %s"), name);
  ys_window_add_toast (self, title);
  return TRUE;
}

static void
on_export_response (GtkNativeDialog *dialog,
                    int              response,
                    YsWindow        *self)
{
  YsBundleScope scope = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "scope"));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      ys_window_export_file (self, file, scope);
    }
  g_object_unref (dialog);
}

static void
choose_export_file (YsWindow      *self,
                    YsBundleScope  scope)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = bundle_filter ();
  g_autoptr(GDateTime) now = g_date_time_new_from_unix_local (ys_store_now (self->store) /
                                                               G_USEC_PER_SEC);
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *name = NULL;

  chooser = gtk_file_chooser_native_new (scope == YS_BUNDLE_WORKFLOWS ? _("Share Workflows")
                                                                      : _("Export Bundle"),
                                         GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Save"), NULL);
  /* TRANSLATORS: file names; %s is today's date */
  name = g_strdup_printf (scope == YS_BUNDLE_WORKFLOWS ? _("yardstick-workflows-%s.json")
                                                       : _("yardstick-%s.json"), date);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_set_data (G_OBJECT (chooser), "scope", GINT_TO_POINTER (scope));
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_export_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  choose_export_file (YS_WINDOW (widget), YS_BUNDLE_EVERYTHING);
}

static void
on_share_workflows_response (AdwMessageDialog *dialog,
                             const char       *response,
                             YsWindow         *self)
{
  if (g_str_equal (response, "save"))
    choose_export_file (self, YS_BUNDLE_WORKFLOWS);
}

/* What the file holds, said before the file is chosen: the menu's three
 * words did not say that runs stay behind. */
static void
share_workflows_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (widget), _("Share Workflows"),
                                              _("Saves your workflows and tools to a file, "
                                                "without any runs or feedback. Colleagues who "
                                                "import it log their runs in the same "
                                                "workflows, so that everyone’s runs can be "
                                                "put together later."));

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "save", _("_Save File…"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_share_workflows_response), widget,
                           0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Timer and search shortcuts ----------------------------------------------- */

static void
timer_toggle_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  YsWindow *self = YS_WINDOW (widget);
  g_autoptr(YsTimer) timer = self->selected_id ? ys_store_get_timer (self->store, self->selected_id)
                                               : NULL;
  g_autoptr(YsWorkflow) workflow = _ys_window_dup_selected_workflow (self);
  const char *start = workflow != NULL && ys_workflow_get_fair_test (workflow)
                      ? "timer.start" : "timer.start-without-ai";

  /* On a fair test Ctrl+T starts the draw, the card's only Start. */
  _ys_window_ensure_main (self);
  gtk_widget_activate_action (GTK_WIDGET (self->timer_card),
                              timer ? "timer.pause-resume" : start, NULL);
}

static void
timer_start_with_ai_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  YsWindow *self = YS_WINDOW (widget);

  /* With no tool yet it asks for one, beside the timer: show the timer. */
  _ys_window_ensure_main (self);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  gtk_widget_activate_action (GTK_WIDGET (self->timer_card), "timer.start-with-ai", NULL);
}

static void
timer_finish_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  YsWindow *self = YS_WINDOW (widget);

  _ys_window_ensure_main (self);
  gtk_widget_activate_action (GTK_WIDGET (self->timer_card), "timer.finish", NULL);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  YsWindow *self = YS_WINDOW (widget);

  _ys_window_ensure_main (self);
  /* Which builds the Runs tab on its first visit. */
  adw_view_stack_set_visible_child_name (self->view_stack, "runs");
  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
show_overview_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  YsWindow *self = YS_WINDOW (widget);

  _ys_window_ensure_main (self);
  gtk_list_box_select_row (self->extras_list, self->overview_row);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
show_report_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  YsWindow *self = YS_WINDOW (widget);

  _ys_window_ensure_main (self);
  gtk_list_box_select_row (self->extras_list, self->report_row);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

/* Alt+1…3 as in tabbed GNOME apps: there are at most three active workflows,
 * and they come first in the sidebar. */
static void
show_workflow_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  YsWindow *self = YS_WINDOW (widget);
  GtkListBoxRow *row;

  _ys_window_ensure_main (self);
  row = gtk_list_box_get_row_at_index (self->workflow_list, g_variant_get_int32 (parameter));
  if (row == NULL)
    return;
  gtk_list_box_select_row (self->workflow_list, row);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
show_awaiting_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  YsWindow *self = YS_WINDOW (widget);

  _ys_window_ensure_main (self);
  gtk_list_box_select_row (self->extras_list, self->awaiting_row);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

/* Which actions make sense here -------------------------------------------- */

void
_ys_window_actions_update (YsWindow   *self,
                           YsWorkflow *workflow)
{
  gboolean archived = workflow && ys_workflow_get_archived (workflow);

  /* Away from a workflow, Log Run asks which one: only an archived
   * workflow's page, or no active workflow at all, has nothing to log to. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.log-run",
                                 workflow != NULL
                                 ? !archived
                                 : ys_store_count_active_workflows (self->store, NULL) > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.edit-workflow", workflow != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.delete-workflow", workflow != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.merge-workflow",
                                 workflow != NULL &&
                                 g_list_model_get_n_items (ys_store_get_workflows (self->store)) > 1);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.archive-workflow",
                                 workflow != NULL && !archived);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.unarchive-workflow",
                                 workflow != NULL && archived);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.timer-toggle",
                                 workflow != NULL && !archived);
  /* A fair test's mode is drawn, never chosen. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.timer-start-with-ai",
                                 workflow != NULL && !archived &&
                                 !ys_workflow_get_fair_test (workflow));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.timer-finish", workflow != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.search", workflow != NULL);
  /* A history becomes runs of a workflow there already is. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.bring-in-history",
                                 g_list_model_get_n_items (ys_store_get_workflows (self->store)) > 0);
}

/* A tracker's history ------------------------------------------------------- */

static void
on_history_imported (YsWindow              *self,
                     const YsTrackerImport *result,
                     GtkWidget             *assistant)
{
  g_autofree char *title = ys_tracker_import_toast (result);
  g_autofree char *key = NULL;

  ys_window_select_workflow (self, result->workflow_id);
  if (result->added + result->restored == 0)
    {
      ys_window_add_toast (self, title);
      return;
    }

  /* Each toast undoes its own import, whichever came later. */
  key = g_strdup_printf ("%u", ++self->history_serial);
  g_hash_table_insert (self->history_imports, g_strdup (key), ys_tracker_import_dup (result));
  show_undo_toast (self, title, "win.undo-bring-in-history", key);
}

static void
bring_in_history_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  YsWindow *self = YS_WINDOW (widget);
  g_autoptr(YsWorkflow) workflow = self->page == YS_WINDOW_PAGE_WORKFLOW
                                   ? _ys_window_dup_selected_workflow (self) : NULL;
  GtkWidget *assistant;

  assistant = ys_history_assistant_new (GTK_WINDOW (self), self->store,
                                        workflow ? ys_workflow_get_id (workflow) : NULL);
  g_signal_connect_object (assistant, "imported", G_CALLBACK (on_history_imported), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (assistant));
}

static void
undo_bring_in_history_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  YsWindow *self = YS_WINDOW (widget);
  const char *key = g_variant_get_string (parameter, NULL);
  YsTrackerImport *result = g_hash_table_lookup (self->history_imports, key);
  g_autoptr(GError) error = NULL;

  if (result == NULL)
    return;
  if (!ys_tracker_import_undo (self->store, result, &error))
    ys_window_add_toast (self, error->message);
  g_hash_table_remove (self->history_imports, key);
}

/* Class set-up ------------------------------------------------------------- */

void
_ys_window_class_actions_init (YsWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.add-workflow", NULL, add_workflow_action);
  gtk_widget_class_install_action (widget_class, "win.read-again", NULL, read_again_action);
  gtk_widget_class_install_action (widget_class, "win.edit-workflow", NULL, edit_workflow_action);
  gtk_widget_class_install_action (widget_class, "win.archive-workflow", NULL,
                                   archive_workflow_action);
  gtk_widget_class_install_action (widget_class, "win.unarchive-workflow", NULL,
                                   unarchive_workflow_action);
  gtk_widget_class_install_action (widget_class, "win.delete-workflow", NULL,
                                   delete_workflow_action);
  gtk_widget_class_install_action (widget_class, "win.undo-delete-workflow", "s",
                                   undo_delete_workflow_action);
  gtk_widget_class_install_action (widget_class, "win.merge-workflow", NULL,
                                   merge_workflow_action);
  gtk_widget_class_install_action (widget_class, "win.undo-merge-workflow", "s",
                                   undo_merge_workflow_action);
  gtk_widget_class_install_action (widget_class, "win.log-run", NULL, log_run_action);
  gtk_widget_class_install_action (widget_class, "win.delete-run", "s", delete_run_action);
  gtk_widget_class_install_action (widget_class, "win.undo-delete-run", "s",
                                   undo_delete_run_action);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.bring-in-history", NULL,
                                   bring_in_history_action);
  gtk_widget_class_install_action (widget_class, "win.undo-bring-in-history", "s",
                                   undo_bring_in_history_action);
  gtk_widget_class_install_action (widget_class, "win.timer-toggle", NULL, timer_toggle_action);
  gtk_widget_class_install_action (widget_class, "win.timer-start-with-ai", NULL,
                                   timer_start_with_ai_action);
  gtk_widget_class_install_action (widget_class, "win.timer-finish", NULL, timer_finish_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.show-awaiting", NULL, show_awaiting_action);
  gtk_widget_class_install_action (widget_class, "win.show-overview", NULL, show_overview_action);
  gtk_widget_class_install_action (widget_class, "win.show-report", NULL, show_report_action);
  gtk_widget_class_install_action (widget_class, "win.show-workflow", "i", show_workflow_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.share-workflows", NULL,
                                   share_workflows_action);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL,
                                   show_help_overlay_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "win.log-run", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.add-workflow", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK,
                                       "win.edit-workflow", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK,
                                       "win.import", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_t, GDK_CONTROL_MASK,
                                       "win.timer-toggle", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_t, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.timer-start-with-ai", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "win.timer-finish", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_u, GDK_CONTROL_MASK,
                                       "win.show-awaiting", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Home, GDK_ALT_MASK,
                                       "win.show-overview", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK,
                                       "win.show-report", NULL);
  for (int i = 0; i < 3; i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_ALT_MASK,
                                         "win.show-workflow", "i", i);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.export", NULL);
}
