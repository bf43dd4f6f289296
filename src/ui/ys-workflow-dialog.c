/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "yardstick"

#include "config.h"

#include <glib/gi18n.h>

#include "ys-form.h"
#include "ys-validate.h"
#include "ys-workflow-dialog.h"

struct _YsWorkflowDialog
{
  AdwWindow parent_instance;

  YsStore *store;
  YsWorkflow *workflow;

  AdwWindowTitle *window_title;
  GtkWidget *save_button;
  AdwEntryRow *name_row;
  AdwEntryRow *description_row;
  GtkSpinButton *people_spin;
  GtkSwitch *fair_test_switch;
  GtkLabel *error_label;
};

G_DEFINE_FINAL_TYPE (YsWorkflowDialog, ys_workflow_dialog, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
on_changed (YsWorkflowDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->name_row));
  gboolean valid;

  name = ys_validate_name (text, YS_NAME_WORKFLOW, &error);
  valid = name != NULL &&
          ys_validate_text (gtk_editable_get_text (GTK_EDITABLE (self->description_row)),
                            &error);

  /* An untouched empty name is not an error yet, just not savable. */
  ys_form_show_error (GTK_WIDGET (self->name_row), self->error_label,
                      valid || *text == '\0' ? NULL : error->message);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.save", valid);
}

typedef struct
{
  YsWorkflowDialog *self;
  const char *name;
  const char *description;
  int people;
  gboolean fair_test;
  char *id;
} Save;

/* The workflow and its fair-test setting together, or neither. */
static gboolean
save_workflow (YsStore   *store,
               gpointer   user_data,
               GError   **error)
{
  Save *save = user_data;
  YsWorkflow *workflow = save->self->workflow;

  if (workflow != NULL)
    {
      save->id = g_strdup (ys_workflow_get_id (workflow));
      if (!ys_store_update_workflow (store, save->id, save->name, save->description, save->people,
                                     error))
        return FALSE;
      /* Only a change: the setting is this computer's, not the record's. */
      if (ys_workflow_get_fair_test (workflow) != save->fair_test)
        return ys_store_set_workflow_fair_test (store, save->id, save->fair_test, error);
      return TRUE;
    }
  else
    {
      g_autoptr(YsWorkflow) added = ys_store_add_workflow (store, save->name, save->description,
                                                           save->people, error);

      if (added == NULL)
        return FALSE;
      save->id = g_strdup (ys_workflow_get_id (added));
      /* A workflow made here is a fair test unless the switch says not. */
      if (ys_workflow_get_fair_test (added) != save->fair_test)
        return ys_store_set_workflow_fair_test (store, save->id, save->fair_test, error);
      return TRUE;
    }
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  YsWorkflowDialog *self = YS_WORKFLOW_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  Save save = { self,
                gtk_editable_get_text (GTK_EDITABLE (self->name_row)),
                gtk_editable_get_text (GTK_EDITABLE (self->description_row)),
                gtk_spin_button_get_value_as_int (self->people_spin),
                gtk_switch_get_active (self->fair_test_switch),
                NULL };

  if (!ys_store_run_in_transaction (self->store, save_workflow, &save, &error))
    {
      g_free (save.id);
      ys_form_show_error (GTK_WIDGET (self->name_row), self->error_label, error->message);
      return;
    }

  id = save.id;
  g_signal_emit (self, signals[SAVED], 0, id);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
ys_workflow_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), YS_TYPE_WORKFLOW_DIALOG);

  G_OBJECT_CLASS (ys_workflow_dialog_parent_class)->dispose (object);
}

static void
ys_workflow_dialog_finalize (GObject *object)
{
  YsWorkflowDialog *self = (YsWorkflowDialog *) object;

  g_clear_object (&self->store);
  g_clear_object (&self->workflow);

  G_OBJECT_CLASS (ys_workflow_dialog_parent_class)->finalize (object);
}

static void
ys_workflow_dialog_class_init (YsWorkflowDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ys_workflow_dialog_dispose;
  object_class->finalize = ys_workflow_dialog_finalize;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ys-workflow-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, YsWorkflowDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, YsWorkflowDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, YsWorkflowDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, YsWorkflowDialog, description_row);
  gtk_widget_class_bind_template_child (widget_class, YsWorkflowDialog, people_spin);
  gtk_widget_class_bind_template_child (widget_class, YsWorkflowDialog, fair_test_switch);
  gtk_widget_class_bind_template_child (widget_class, YsWorkflowDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_changed);

  gtk_widget_class_install_action (widget_class, "dialog.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ys_workflow_dialog_init (YsWorkflowDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_window_set_default_widget (GTK_WINDOW (self), self->save_button);
}

GtkWidget *
ys_workflow_dialog_new (GtkWindow  *parent,
                        YsStore    *store,
                        YsWorkflow *workflow)
{
  YsWorkflowDialog *self;

  g_return_val_if_fail (YS_IS_STORE (store), NULL);

  self = g_object_new (YS_TYPE_WORKFLOW_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);

  if (workflow != NULL)
    {
      self->workflow = g_object_ref (workflow);
      gtk_editable_set_text (GTK_EDITABLE (self->name_row), ys_workflow_get_name (workflow));
      gtk_editable_set_text (GTK_EDITABLE (self->description_row),
                             ys_workflow_get_description (workflow));
      gtk_spin_button_set_value (self->people_spin, ys_workflow_get_people (workflow));
      gtk_switch_set_active (self->fair_test_switch, ys_workflow_get_fair_test (workflow));
      ys_form_set_title (GTK_WINDOW (self), GTK_WIDGET (self->window_title), _("Edit Workflow"));
      gtk_button_set_label (GTK_BUTTON (self->save_button), _("_Save"));
    }
  else
    {
      ys_form_set_title (GTK_WINDOW (self), GTK_WIDGET (self->window_title), _("New Workflow"));
      gtk_button_set_label (GTK_BUTTON (self->save_button), _("_Add"));
    }

  on_changed (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));

  return GTK_WIDGET (self);
}
