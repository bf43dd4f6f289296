/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "yardstick"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "ys-form.h"
#include "ys-validate.h"

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
  char *id = workflow_id != NULL ? ys_store_get_last_tool_id (store, workflow_id, NULL) : NULL;

  return id != NULL ? id : ys_form_default_tool_id ();
}

GtkStringList *
ys_form_tool_choices (YsStore    *store,
                      const char *tool_id,
                      const char *tool_name,
                      GPtrArray  *ids,
                      guint      *position)
{
  GListModel *tools = ys_store_get_tools (store);
  GtkStringList *names = gtk_string_list_new (NULL);
  gboolean found = tool_id == NULL;

  g_return_val_if_fail (YS_IS_STORE (store), NULL);
  g_return_val_if_fail (ids != NULL, NULL);

  g_ptr_array_set_size (ids, 0);
  *position = 0;
  for (guint i = 0; i < g_list_model_get_n_items (tools); i++)
    {
      g_autoptr(YsTool) tool = g_list_model_get_item (tools, i);

      if (g_strcmp0 (ys_tool_get_id (tool), tool_id) == 0)
        {
          *position = ids->len;
          found = TRUE;
        }
      g_ptr_array_add (ids, g_strdup (ys_tool_get_id (tool)));
      gtk_string_list_append (names, ys_tool_get_name (tool));
    }

  /* A run may name a tool the team has since removed from its list. */
  if (!found)
    {
      *position = ids->len;
      g_ptr_array_add (ids, g_strdup (tool_id));
      gtk_string_list_append (names, tool_name ? tool_name : _("Removed tool"));
    }

  g_ptr_array_add (ids, NULL);
  gtk_string_list_append (names, _("New Tool…"));
  return names;
}

char *
ys_form_new_tool_name (GtkWidget *field,
                       GtkLabel  *error_label)
{
  g_autoptr(GError) error = NULL;
  const char *typed = gtk_editable_get_text (GTK_EDITABLE (field));
  char *name = ys_validate_name (typed, YS_NAME_TOOL, &error);

  /* An empty field is not an error yet: nothing has been typed. */
  if (*typed == '\0')
    g_clear_error (&error);
  ys_form_show_error (field, error_label, error ? error->message : NULL);
  return name;
}

char *
ys_form_format_backup_date (const YsBackup *backup)
{
  GDate date;
  g_autoptr(GDateTime) day = NULL;

  g_date_clear (&date, 1);
  if (!ys_parse_iso_date (backup->date, &date))
    return g_strdup (backup->date);
  day = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date),
                               g_date_get_day (&date), 12, 0, 0);
  /* TRANSLATORS: a backup's day, as strftime() formats it: "Monday 23 November 2026" */
  return g_date_time_format (day, _("%A %-d %B %Y"));
}

char *
ys_form_describe_backup (const YsBackup *backup)
{
  g_autofree char *runs = NULL;
  g_autofree char *workflows = NULL;

  if (backup->version <= 0)
    return g_strdup (_("cannot be read"));
  if (backup->version > YS_STORE_SCHEMA_VERSION)
    return g_strdup (_("made by a newer version of Yardstick"));

  runs = g_strdup_printf (ngettext ("%'lld run", "%'lld runs", backup->n_runs),
                          (long long) backup->n_runs);
  workflows = g_strdup_printf (ngettext ("%lld workflow", "%lld workflows", backup->n_workflows),
                               (long long) backup->n_workflows);
  /* TRANSLATORS: "109 runs in 3 workflows" */
  return g_strdup_printf (_("%s in %s"), runs, workflows);
}
