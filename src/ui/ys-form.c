/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "yardstick"

#include "config.h"

#include <adwaita.h>

#include "ys-form.h"

void
ys_form_show_error (GtkWidget  *field,
                    GtkLabel   *label,
                    const char *message)
{
  g_return_if_fail (GTK_IS_WIDGET (field));
  g_return_if_fail (GTK_IS_LABEL (label));

  if (message != NULL)
    {
      gtk_widget_add_css_class (field, "error");
      gtk_label_set_label (label, message);
      gtk_widget_set_visible (GTK_WIDGET (label), TRUE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (field),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
      gtk_accessible_update_state (GTK_ACCESSIBLE (field),
                                   GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                                   -1);
    }
  else if (gtk_widget_has_css_class (field, "error"))
    {
      /* Only an error that was shown is reset: telling assistive technology
       * about fields that never changed (hidden ones too) is noise, and GTK
       * 4.8 warns when the field is not realized. */
      gtk_widget_remove_css_class (field, "error");
      gtk_widget_set_visible (GTK_WIDGET (label), FALSE);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (field),
                                     GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      gtk_accessible_reset_state (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_STATE_INVALID);
    }
}

void
ys_form_set_title (GtkWindow  *window,
                   GtkWidget  *window_title,
                   const char *title)
{
  g_return_if_fail (GTK_IS_WINDOW (window));

  gtk_window_set_title (window, title);
  adw_window_title_set_title (ADW_WINDOW_TITLE (window_title), title);
}

char *
ys_form_default_tool_id (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettings) settings = NULL;
  char *id;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL)
    return NULL;
  settings = g_settings_new (APP_ID);
  id = g_settings_get_string (settings, "default-tool");
  if (*id == '\0')
    g_clear_pointer (&id, g_free);
  return id;
}

char *
ys_form_preferred_tool_id (YsStore    *store,
                           const char *workflow_id)
{
  char *id = workflow_id != NULL ? ys_store_get_last_tool_id (store, workflow_id) : NULL;

  return id != NULL ? id : ys_form_default_tool_id ();
}
