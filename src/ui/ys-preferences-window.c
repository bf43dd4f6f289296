/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "yardstick"

#include "config.h"

#include <glib/gi18n.h>

#include "ys-form.h"
#include "ys-preferences-window.h"

struct _YsPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  YsStore *store;
  GPtrArray *tool_rows;

  AdwPreferencesGroup *tools_group;
  AdwEntryRow *add_row;
  GtkLabel *error_label;
  GtkWidget *suggestions_group;
  GtkFlowBox *suggestions_box;
  GtkWidget *feedback_group;
  GtkWidget *report_group;
  AdwEntryRow *organisation_row;
  GtkSpinButton *interval_spin;
  GSettings *settings;
  GtkWidget *default_tool_group;
  AdwComboRow *default_tool_row;
  GPtrArray *default_tool_ids;     /* parallel to the row's model; [0] is "" */
  gboolean filling_default_tool;
};

G_DEFINE_FINAL_TYPE (YsPreferencesWindow, ys_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* Offered, never pre-filled: the team's list holds only what it uses. */
static const char *suggested_tools[] = {
  "ChatGPT", "Claude", "Copilot", "Gemini", "Le Chat", "Perplexity",
};

static void rebuild (YsPreferencesWindow *self);

static void
show_error (YsPreferencesWindow *self,
            GtkWidget           *field,
            const char          *message)
{
  ys_form_show_error (field, self->error_label, message);
}

static void
add_tool (YsPreferencesWindow *self,
          const char          *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YsTool) tool = ys_store_add_tool (self->store, name, &error);

  if (tool == NULL)
    {
      show_error (self, GTK_WIDGET (self->add_row), error->message);
      return;
    }

  show_error (self, GTK_WIDGET (self->add_row), NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->add_row), "");
}

static void
on_add_apply (YsPreferencesWindow *self)
{
  add_tool (self, gtk_editable_get_text (GTK_EDITABLE (self->add_row)));
}

static void
on_suggestion_clicked (GtkButton           *button,
                       YsPreferencesWindow *self)
{
  add_tool (self, gtk_button_get_label (button));
}

static void
on_rename_apply (AdwEntryRow         *row,
                 YsPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;
  const char *id = g_object_get_data (G_OBJECT (row), "tool-id");

  if (!ys_store_rename_tool (self->store, id, gtk_editable_get_text (GTK_EDITABLE (row)), &error))
    show_error (self, GTK_WIDGET (row), error->message);
  else
    show_error (self, GTK_WIDGET (row), NULL);
}

static void
on_undo_clicked (AdwToast            *toast,
                 YsPreferencesWindow *self)
{
  const char *id = g_object_get_data (G_OBJECT (toast), "tool-id");

  ys_store_restore_tool (self->store, id, NULL);
}

static void
on_delete_clicked (GtkButton           *button,
                   YsPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;
  const char *id = g_object_get_data (G_OBJECT (button), "tool-id");
  g_autofree char *name = g_strdup (g_object_get_data (G_OBJECT (button), "tool-name"));
  g_autofree char *title = NULL;
  AdwToast *toast;

  if (!ys_store_delete_tool (self->store, id, &error))
    {
      show_error (self, GTK_WIDGET (self->add_row), error->message);
      return;
    }

  title = g_strdup_printf (_("“%s” removed"), name);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  g_object_set_data_full (G_OBJECT (toast), "tool-id", g_strdup (id), g_free);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_clicked), self, 0);
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), toast);
}

static void
rebuild (YsPreferencesWindow *self)
{
  GListModel *tools = ys_store_get_tools (self->store);
  guint n = g_list_model_get_n_items (tools);
  GtkWidget *child;
  gboolean any_suggestion = FALSE;

  for (guint i = 0; i < self->tool_rows->len; i++)
    adw_preferences_group_remove (self->tools_group, g_ptr_array_index (self->tool_rows, i));
  g_ptr_array_set_size (self->tool_rows, 0);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(YsTool) tool = g_list_model_get_item (tools, i);
      GtkWidget *row = adw_entry_row_new ();
      GtkWidget *delete = gtk_button_new_from_icon_name ("user-trash-symbolic");
      g_autofree char *delete_label = g_strdup_printf (_("Remove %s"), ys_tool_get_name (tool));

      gtk_editable_set_text (GTK_EDITABLE (row), ys_tool_get_name (tool));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Name"));
      adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "tool-id", g_strdup (ys_tool_get_id (tool)), g_free);
      g_signal_connect_object (row, "apply", G_CALLBACK (on_rename_apply), self, 0);

      gtk_widget_set_valign (delete, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (delete, "flat");
      gtk_widget_set_tooltip_text (delete, delete_label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (delete),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, delete_label, -1);
      g_object_set_data_full (G_OBJECT (delete), "tool-id",
                              g_strdup (ys_tool_get_id (tool)), g_free);
      g_object_set_data_full (G_OBJECT (delete), "tool-name",
                              g_strdup (ys_tool_get_name (tool)), g_free);
      g_signal_connect_object (delete, "clicked", G_CALLBACK (on_delete_clicked), self, 0);
      adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), delete);

      adw_preferences_group_add (self->tools_group, row);
      g_ptr_array_add (self->tool_rows, row);
    }

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->suggestions_box))))
    gtk_flow_box_remove (self->suggestions_box, child);

  for (guint s = 0; s < G_N_ELEMENTS (suggested_tools); s++)
    {
      gboolean taken = FALSE;
      GtkWidget *button;

      for (guint i = 0; i < n && !taken; i++)
        {
          g_autoptr(YsTool) tool = g_list_model_get_item (tools, i);
          taken = g_ascii_strcasecmp (ys_tool_get_name (tool), suggested_tools[s]) == 0;
        }
      if (taken)
        continue;

      button = gtk_button_new_with_label (suggested_tools[s]);
      gtk_widget_add_css_class (button, "pill");
      g_signal_connect_object (button, "clicked", G_CALLBACK (on_suggestion_clicked), self, 0);
      gtk_flow_box_append (self->suggestions_box, button);
      any_suggestion = TRUE;
    }

  gtk_widget_set_visible (self->suggestions_group, any_suggestion);
}

static void
on_default_tool_selected (YsPreferencesWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->default_tool_row);

  if (self->filling_default_tool || self->settings == NULL ||
      selected >= self->default_tool_ids->len)
    return;
  g_settings_set_string (self->settings, "default-tool",
                         g_ptr_array_index (self->default_tool_ids, selected));
}

static void
fill_default_tool (YsPreferencesWindow *self)
{
  GListModel *tools = ys_store_get_tools (self->store);
  guint n = g_list_model_get_n_items (tools);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autofree char *current = self->settings ? g_settings_get_string (self->settings, "default-tool")
                                            : g_strdup ("");
  guint selected = 0;

  g_ptr_array_set_size (self->default_tool_ids, 0);
  /* TRANSLATORS: the default tool when none is chosen */
  gtk_string_list_append (names, _("First in the List"));
  g_ptr_array_add (self->default_tool_ids, g_strdup (""));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(YsTool) tool = g_list_model_get_item (tools, i);

      gtk_string_list_append (names, ys_tool_get_name (tool));
      g_ptr_array_add (self->default_tool_ids, g_strdup (ys_tool_get_id (tool)));
      if (g_strcmp0 (ys_tool_get_id (tool), current) == 0)
        selected = i + 1;
    }

  self->filling_default_tool = TRUE;
  adw_combo_row_set_model (self->default_tool_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->default_tool_row, selected);
  self->filling_default_tool = FALSE;
  gtk_widget_set_visible (self->default_tool_group, self->settings != NULL && n > 1);
}

static void
on_tools_changed (YsPreferencesWindow *self)
{
  rebuild (self);
  fill_default_tool (self);
}

static void
ys_preferences_window_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), YS_TYPE_PREFERENCES_WINDOW);

  G_OBJECT_CLASS (ys_preferences_window_parent_class)->dispose (object);
}

static void
ys_preferences_window_finalize (GObject *object)
{
  YsPreferencesWindow *self = (YsPreferencesWindow *) object;

  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->tool_rows, g_ptr_array_unref);
  g_clear_pointer (&self->default_tool_ids, g_ptr_array_unref);

  G_OBJECT_CLASS (ys_preferences_window_parent_class)->finalize (object);
}

static void
ys_preferences_window_class_init (YsPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ys_preferences_window_dispose;
  object_class->finalize = ys_preferences_window_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ys-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, YsPreferencesWindow, tools_group);
  gtk_widget_class_bind_template_child (widget_class, YsPreferencesWindow, add_row);
  gtk_widget_class_bind_template_child (widget_class, YsPreferencesWindow, error_label);
  gtk_widget_class_bind_template_child (widget_class, YsPreferencesWindow, suggestions_group);
  gtk_widget_class_bind_template_child (widget_class, YsPreferencesWindow, suggestions_box);
  gtk_widget_class_bind_template_child (widget_class, YsPreferencesWindow, feedback_group);
  gtk_widget_class_bind_template_child (widget_class, YsPreferencesWindow, report_group);
  gtk_widget_class_bind_template_child (widget_class, YsPreferencesWindow, organisation_row);
  gtk_widget_class_bind_template_child (widget_class, YsPreferencesWindow, interval_spin);
  gtk_widget_class_bind_template_child (widget_class, YsPreferencesWindow, default_tool_group);
  gtk_widget_class_bind_template_child (widget_class, YsPreferencesWindow, default_tool_row);
  gtk_widget_class_bind_template_callback (widget_class, on_default_tool_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_add_apply);
}

static void
ys_preferences_window_init (YsPreferencesWindow *self)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  self->tool_rows = g_ptr_array_new ();
  self->default_tool_ids = g_ptr_array_new_with_free_func (g_free);
  gtk_widget_init_template (GTK_WIDGET (self));

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema != NULL)
    {
      self->settings = g_settings_new (APP_ID);
      g_settings_bind (self->settings, "feedback-interval-days",
                       gtk_spin_button_get_adjustment (self->interval_spin), "value",
                       G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (self->settings, "organisation-name", self->organisation_row, "text",
                       G_SETTINGS_BIND_DEFAULT);
    }
  else
    {
      gtk_widget_set_visible (self->feedback_group, FALSE);
      gtk_widget_set_visible (self->report_group, FALSE);
    }
}

GtkWidget *
ys_preferences_window_new (GtkWindow *parent,
                           YsStore   *store)
{
  YsPreferencesWindow *self;

  g_return_val_if_fail (YS_IS_STORE (store), NULL);

  self = g_object_new (YS_TYPE_PREFERENCES_WINDOW, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  g_signal_connect_object (ys_store_get_tools (store), "items-changed",
                           G_CALLBACK (on_tools_changed), self, G_CONNECT_SWAPPED);
  rebuild (self);
  fill_default_tool (self);

  return GTK_WIDGET (self);
}
