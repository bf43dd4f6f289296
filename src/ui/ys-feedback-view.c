/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "yardstick"

#include "config.h"

#include <glib/gi18n.h>

#include "ys-feedback-dialog.h"
#include "ys-feedback-view.h"
#include "ys-validate.h"

struct _YsFeedbackView
{
  GtkWidget parent_instance;

  YsStore *store;
  char *workflow_id;
  GListModel *feedback;
  GPtrArray *rows;

  GtkScrolledWindow *scroller;
  AdwPreferencesGroup *group;
  GtkWidget *empty_label;
};

G_DEFINE_FINAL_TYPE (YsFeedbackView, ys_feedback_view, GTK_TYPE_WIDGET)

static void
add_toast (YsFeedbackView *self,
           AdwToast       *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

static YsFeedback *
find_feedback (YsFeedbackView *self,
               const char     *id)
{
  for (guint i = 0; self->feedback && i < g_list_model_get_n_items (self->feedback); i++)
    {
      g_autoptr(YsFeedback) feedback = g_list_model_get_item (self->feedback, i);

      if (g_strcmp0 (ys_feedback_get_id (feedback), id) == 0)
        return g_steal_pointer (&feedback);
    }
  return NULL;
}

static GtkWindow *
parent_window (YsFeedbackView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
give_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  YsFeedbackView *self = YS_FEEDBACK_VIEW (widget);

  if (self->workflow_id != NULL)
    gtk_window_present (GTK_WINDOW (ys_feedback_dialog_new (parent_window (self), self->store,
                                                            self->workflow_id, NULL)));
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  YsFeedbackView *self = YS_FEEDBACK_VIEW (widget);
  g_autoptr(YsFeedback) feedback = find_feedback (self, g_variant_get_string (parameter, NULL));

  if (feedback != NULL)
    gtk_window_present (GTK_WINDOW (ys_feedback_dialog_new (parent_window (self), self->store,
                                                            self->workflow_id, feedback)));
}

static void
on_undo_delete (AdwToast       *toast,
                YsFeedbackView *self)
{
  ys_store_restore_feedback (self->store, g_object_get_data (G_OBJECT (toast), "id"), NULL);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  YsFeedbackView *self = YS_FEEDBACK_VIEW (widget);
  g_autoptr(GError) error = NULL;
  const char *id = g_variant_get_string (parameter, NULL);
  AdwToast *toast;

  if (!ys_store_delete_feedback (self->store, id, &error))
    {
      add_toast (self, adw_toast_new (error->message));
      return;
    }

  toast = adw_toast_new (_("Feedback deleted"));
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data_full (G_OBJECT (toast), "id", g_strdup (id), g_free);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_delete), self, 0);
  add_toast (self, toast);
}

static GtkWidget *
icon_button (const char *icon,
             const char *label,
             const char *action,
             const char *id)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", id);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  return button;
}

/* The answer as a word: a ✕ for "no" looked like the delete button. */
static GtkWidget *
answer_tag (gboolean yes)
{
  /* TRANSLATORS: the answer to "does the tool save time?", as a short tag */
  GtkWidget *tag = gtk_label_new (yes ? C_("answer", "Yes") : C_("answer", "No"));

  gtk_widget_set_valign (tag, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (tag, "ys-answer-tag");
  gtk_widget_add_css_class (tag, yes ? "ys-yes" : "ys-no");
  return tag;
}

static void
rebuild (YsFeedbackView *self)
{
  guint n = self->feedback ? g_list_model_get_n_items (self->feedback) : 0;

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->group, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(YsFeedback) feedback = g_list_model_get_item (self->feedback, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;
      g_autofree char *when = NULL;
      const char *comment = ys_feedback_get_comment (feedback);
      GDate date;

      title = ys_feedback_get_saves_time (feedback)
        /* TRANSLATORS: a feedback answer, beside a "Yes" tag: "ChatGPT saves time" */
        ? g_strdup_printf (_("%s saves time"), ys_feedback_get_tool_name (feedback))
        /* TRANSLATORS: a feedback answer, beside a "No" tag */
        : g_strdup_printf (_("%s does not save time"), ys_feedback_get_tool_name (feedback));

      if (ys_parse_iso_date (ys_feedback_get_given_on (feedback), &date))
        {
          char text[64];
          g_date_strftime (text, sizeof text, _("%a %-d %b %Y"), &date);
          when = g_strdup (text);
        }
      else
        when = g_strdup (ys_feedback_get_given_on (feedback));
      subtitle = *comment ? g_strdup_printf ("%s · %s", when, comment) : g_strdup (when);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                                 answer_tag (ys_feedback_get_saves_time (feedback)));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 icon_button ("document-edit-symbolic", _("Edit Feedback"),
                                              "feedback.edit", ys_feedback_get_id (feedback)));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 icon_button ("user-trash-symbolic", _("Delete Feedback"),
                                              "feedback.delete", ys_feedback_get_id (feedback)));
      adw_preferences_group_add (self->group, row);
      g_ptr_array_add (self->rows, row);
    }

  gtk_widget_set_visible (self->empty_label, n == 0);
}

static void
update_enabled (YsFeedbackView *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "feedback.give",
                                 self->workflow_id != NULL &&
                                 g_list_model_get_n_items (ys_store_get_tools (self->store)) > 0);
}

static void
ys_feedback_view_dispose (GObject *object)
{
  GtkWidget *child;
  YsFeedbackView *self = (YsFeedbackView *) object;

  if (self->feedback != NULL)
    g_signal_handlers_disconnect_by_data (self->feedback, self);
  g_clear_object (&self->feedback);
  gtk_widget_dispose_template (GTK_WIDGET (self), YS_TYPE_FEEDBACK_VIEW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (ys_feedback_view_parent_class)->dispose (object);
}

static void
ys_feedback_view_finalize (GObject *object)
{
  YsFeedbackView *self = (YsFeedbackView *) object;

  g_clear_object (&self->store);
  g_clear_pointer (&self->workflow_id, g_free);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (ys_feedback_view_parent_class)->finalize (object);
}

static void
ys_feedback_view_class_init (YsFeedbackViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ys_feedback_view_dispose;
  object_class->finalize = ys_feedback_view_finalize;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ys-feedback-view.ui");
  gtk_widget_class_bind_template_child (widget_class, YsFeedbackView, scroller);
  gtk_widget_class_bind_template_child (widget_class, YsFeedbackView, group);
  gtk_widget_class_bind_template_child (widget_class, YsFeedbackView, empty_label);

  gtk_widget_class_install_action (widget_class, "feedback.give", NULL, give_action);
  gtk_widget_class_install_action (widget_class, "feedback.edit", "s", edit_action);
  gtk_widget_class_install_action (widget_class, "feedback.delete", "s", delete_action);
}

static void
ys_feedback_view_init (YsFeedbackView *self)
{
  self->rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
ys_feedback_view_new (YsStore *store)
{
  YsFeedbackView *self;

  g_return_val_if_fail (YS_IS_STORE (store), NULL);

  self = g_object_new (YS_TYPE_FEEDBACK_VIEW, NULL);
  self->store = g_object_ref (store);
  g_signal_connect_object (ys_store_get_tools (store), "items-changed",
                           G_CALLBACK (update_enabled), self, G_CONNECT_SWAPPED);
  update_enabled (self);
  rebuild (self);
  return GTK_WIDGET (self);
}

void
ys_feedback_view_set_workflow_id (YsFeedbackView *self,
                                  const char     *workflow_id)
{
  g_return_if_fail (YS_IS_FEEDBACK_VIEW (self));

  if (g_strcmp0 (self->workflow_id, workflow_id) == 0)
    return;

  g_free (self->workflow_id);
  self->workflow_id = g_strdup (workflow_id);

  if (self->feedback != NULL)
    g_signal_handlers_disconnect_by_data (self->feedback, self);
  g_clear_object (&self->feedback);
  if (workflow_id != NULL)
    {
      self->feedback = ys_store_list_feedback (self->store, workflow_id);
      g_signal_connect_object (self->feedback, "items-changed", G_CALLBACK (rebuild), self,
                               G_CONNECT_SWAPPED);
    }

  update_enabled (self);
  rebuild (self);
  /* Another workflow's answers start at the top. */
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
}
