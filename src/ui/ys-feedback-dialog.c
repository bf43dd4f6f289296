/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "yardstick"

#include "config.h"

#include <glib/gi18n.h>

#include "ys-feedback-dialog.h"
#include "ys-form.h"

struct _YsFeedbackDialog
{
  AdwWindow parent_instance;

  YsStore *store;
  char *workflow_id;
  YsFeedback *feedback;

  AdwWindowTitle *window_title;
  GtkWidget *save_button;
  AdwComboRow *tool_row;
  GtkLabel *question_label;
  GtkToggleButton *yes_button;
  GtkToggleButton *no_button;
  AdwEntryRow *comment_row;
  GtkLabel *error_label;
};

G_DEFINE_FINAL_TYPE (YsFeedbackDialog, ys_feedback_dialog, ADW_TYPE_WINDOW)

static gboolean
has_answer (YsFeedbackDialog *self)
{
  return gtk_toggle_button_get_active (self->yes_button) ||
         gtk_toggle_button_get_active (self->no_button);
}

static void
on_tool_selected (YsFeedbackDialog *self)
{
  YsTool *tool = adw_combo_row_get_selected_item (self->tool_row);
  g_autoptr(YsWorkflow) workflow = NULL;
  g_autofree char *question = NULL;

  if (self->store == NULL)
    return;

  workflow = ys_store_get_workflow (self->store, self->workflow_id);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.save",
                                 tool != NULL && workflow != NULL && has_answer (self));
  if (tool == NULL || workflow == NULL)
    return;

  question = g_strdup_printf (_("Does %s save you time on %s?"), ys_tool_get_name (tool),
                              ys_workflow_get_name (workflow));
  gtk_label_set_label (self->question_label, question);
}

static void
on_answer_toggled (YsFeedbackDialog *self)
{
  on_tool_selected (self);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  YsFeedbackDialog *self = YS_FEEDBACK_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  YsTool *tool = adw_combo_row_get_selected_item (self->tool_row);
  gboolean yes = gtk_toggle_button_get_active (self->yes_button);
  const char *comment = gtk_editable_get_text (GTK_EDITABLE (self->comment_row));
  gboolean ok;

  if (tool == NULL || !has_answer (self))
    return;

  if (self->feedback != NULL)
    ok = ys_store_update_feedback (self->store, ys_feedback_get_id (self->feedback),
                                   ys_tool_get_id (tool), yes, comment, &error);
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_from_unix_local (ys_store_now (self->store) /
                                                                  G_USEC_PER_SEC);
      g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
      g_autofree char *id = ys_store_add_feedback (self->store, self->workflow_id,
                                                   ys_tool_get_id (tool), yes, today, comment,
                                                   &error);
      ok = id != NULL;
    }

  if (!ok)
    {
      ys_form_show_error (GTK_WIDGET (self->comment_row), self->error_label, error->message);
      return;
    }

  gtk_window_destroy (GTK_WINDOW (self));
}

static void
ys_feedback_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), YS_TYPE_FEEDBACK_DIALOG);

  G_OBJECT_CLASS (ys_feedback_dialog_parent_class)->dispose (object);
}

static void
ys_feedback_dialog_finalize (GObject *object)
{
  YsFeedbackDialog *self = (YsFeedbackDialog *) object;

  g_clear_object (&self->store);
  g_clear_object (&self->feedback);
  g_clear_pointer (&self->workflow_id, g_free);

  G_OBJECT_CLASS (ys_feedback_dialog_parent_class)->finalize (object);
}

static void
ys_feedback_dialog_class_init (YsFeedbackDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ys_feedback_dialog_dispose;
  object_class->finalize = ys_feedback_dialog_finalize;

  g_type_ensure (YS_TYPE_TOOL);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ys-feedback-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, YsFeedbackDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, YsFeedbackDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, YsFeedbackDialog, tool_row);
  gtk_widget_class_bind_template_child (widget_class, YsFeedbackDialog, question_label);
  gtk_widget_class_bind_template_child (widget_class, YsFeedbackDialog, yes_button);
  gtk_widget_class_bind_template_child (widget_class, YsFeedbackDialog, no_button);
  gtk_widget_class_bind_template_child (widget_class, YsFeedbackDialog, comment_row);
  gtk_widget_class_bind_template_child (widget_class, YsFeedbackDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_tool_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_answer_toggled);

  gtk_widget_class_install_action (widget_class, "dialog.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ys_feedback_dialog_init (YsFeedbackDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_window_set_default_widget (GTK_WINDOW (self), self->save_button);
}

GtkWidget *
ys_feedback_dialog_new (GtkWindow  *parent,
                        YsStore    *store,
                        const char *workflow_id,
                        YsFeedback *feedback)
{
  YsFeedbackDialog *self;
  GListModel *tools;

  g_return_val_if_fail (YS_IS_STORE (store), NULL);
  g_return_val_if_fail (workflow_id != NULL, NULL);

  self = g_object_new (YS_TYPE_FEEDBACK_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->workflow_id = g_strdup (workflow_id);
  tools = ys_store_get_tools (store);
  adw_combo_row_set_model (self->tool_row, tools);

  if (feedback != NULL)
    {
      self->feedback = g_object_ref (feedback);
      for (guint i = 0; i < g_list_model_get_n_items (tools); i++)
        {
          g_autoptr(YsTool) tool = g_list_model_get_item (tools, i);
          if (g_strcmp0 (ys_tool_get_id (tool), ys_feedback_get_tool_id (feedback)) == 0)
            adw_combo_row_set_selected (self->tool_row, i);
        }
      gtk_toggle_button_set_active (ys_feedback_get_saves_time (feedback) ? self->yes_button
                                                                          : self->no_button,
                                    TRUE);
      gtk_editable_set_text (GTK_EDITABLE (self->comment_row), ys_feedback_get_comment (feedback));
      ys_form_set_title (GTK_WINDOW (self), GTK_WIDGET (self->window_title), _("Edit Feedback"));
    }
  else
    {
      /* The tool last used on this workflow is the likeliest subject. */
      g_autofree char *last = ys_store_get_last_tool_id (store, workflow_id, NULL);

      for (guint i = 0; last != NULL && i < g_list_model_get_n_items (tools); i++)
        {
          g_autoptr(YsTool) tool = g_list_model_get_item (tools, i);
          if (g_strcmp0 (ys_tool_get_id (tool), last) == 0)
            adw_combo_row_set_selected (self->tool_row, i);
        }
      ys_form_set_title (GTK_WINDOW (self), GTK_WIDGET (self->window_title), _("Give Feedback"));
    }

  on_tool_selected (self);
  return GTK_WIDGET (self);
}
