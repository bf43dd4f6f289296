/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "yardstick"

#include "config.h"

#include <glib/gi18n.h>

#include "ys-merge-dialog.h"

#define TARGET_KEY "ys-merge-target"

static void
on_choice_toggled (GtkCheckButton *button,
                   GtkWidget      *dialog)
{
  if (!gtk_check_button_get_active (button))
    return;
  g_object_set_data_full (G_OBJECT (dialog), TARGET_KEY,
                          g_strdup (g_object_get_data (G_OBJECT (button), "workflow-id")),
                          g_free);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "merge", TRUE);
}

GtkWidget *
ys_merge_dialog_new (GtkWindow  *parent,
                     YsStore    *store,
                     const char *source_id,
                     const char *suggested_id)
{
  g_autoptr(YsWorkflow) source = NULL;
  g_autofree char *heading = NULL;
  GListModel *workflows;
  GtkWidget *dialog, *list;
  GtkCheckButton *group = NULL;
  GtkCheckButton *chosen = NULL;
  guint choices = 0;

  g_return_val_if_fail (YS_IS_STORE (store), NULL);
  g_return_val_if_fail (source_id != NULL, NULL);

  source = ys_store_get_workflow (store, source_id);
  g_return_val_if_fail (source != NULL, NULL);

  /* TRANSLATORS: a dialog's heading; %s is a workflow's name */
  heading = g_strdup_printf (_("Merge “%s” Into…"), ys_workflow_get_name (source));
  dialog = adw_message_dialog_new (parent, heading,
                                   _("Its runs and answers move to the workflow you choose, "
                                     "where they count together, and it goes. Do this for the "
                                     "same task recorded twice, for example when a colleague "
                                     "created it separately. You can undo it straight "
                                     "after."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "merge", _("_Merge"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "merge",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "merge");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "merge", FALSE);

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Workflow to merge into"), -1);

  workflows = ys_store_get_workflows (store);
  for (guint i = 0; i < g_list_model_get_n_items (workflows); i++)
    {
      g_autoptr(YsWorkflow) workflow = g_list_model_get_item (workflows, i);
      GtkWidget *row, *check;

      if (g_strcmp0 (ys_workflow_get_id (workflow), source_id) == 0)
        continue;

      row = adw_action_row_new ();
      check = gtk_check_button_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), ys_workflow_get_name (workflow));
      if (ys_workflow_get_archived (workflow))
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Archived"));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      if (group != NULL)
        gtk_check_button_set_group (GTK_CHECK_BUTTON (check), group);
      else
        group = GTK_CHECK_BUTTON (check);
      g_object_set_data_full (G_OBJECT (check), "workflow-id",
                              g_strdup (ys_workflow_get_id (workflow)), g_free);
      g_signal_connect (check, "toggled", G_CALLBACK (on_choice_toggled), dialog);
      gtk_list_box_append (GTK_LIST_BOX (list), row);

      if (g_strcmp0 (ys_workflow_get_id (workflow), suggested_id) == 0)
        chosen = GTK_CHECK_BUTTON (check);
      choices++;
    }

  /* One choice, or the one the caller knows is meant, is ready to go. */
  if (chosen == NULL && choices == 1)
    chosen = group;
  if (chosen != NULL)
    gtk_check_button_set_active (chosen, TRUE);

  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);
  return dialog;
}

const char *
ys_merge_dialog_get_target (GtkWidget *dialog)
{
  g_return_val_if_fail (ADW_IS_MESSAGE_DIALOG (dialog), NULL);

  return g_object_get_data (G_OBJECT (dialog), TARGET_KEY);
}
