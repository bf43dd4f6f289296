/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "yardstick"

#include "config.h"

#include <glib/gi18n.h>

#include "ys-form.h"
#include "ys-money.h"
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
  AdwComboRow *paper_row;
  GtkSpinButton *interval_spin;
  GSettings *settings;
  GtkWidget *default_tool_group;
  AdwComboRow *default_tool_row;
  GPtrArray *default_tool_ids;     /* parallel to the row's model; [0] is "" */
  AdwActionRow *restore_row;
  gboolean filling_default_tool;

  AdwPreferencesGroup *costs_group;
  AdwComboRow *currency_row;
  GPtrArray *currency_codes;       /* parallel to the row's model; [0] is "" */
  gboolean filling_currency;
  GPtrArray *cost_rows;
  GtkWidget *staff_cost_row;
  GtkEntry *staff_cost_entry;
  GtkLabel *cost_error_label;
};

G_DEFINE_FINAL_TYPE (YsPreferencesWindow, ys_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* Offered, never pre-filled: the team's list holds only what it uses. */
static const char *suggested_tools[] = {
  "ChatGPT", "Claude", "Copilot", "Gemini", "Le Chat", "Perplexity",
};

/* Offered besides the region's own; codes read the same in every language. */
static const char *common_currencies[] = {
  "AUD", "BRL", "CAD", "CHF", "CNY", "CZK", "DKK", "EUR", "GBP", "HKD", "HUF", "INR",
  "JPY", "KES", "MXN", "NGN", "NOK", "NZD", "PLN", "SEK", "SGD", "USD", "ZAR",
};

static void rebuild (YsPreferencesWindow *self);
static void rebuild_costs (YsPreferencesWindow *self);

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

/* Costs -------------------------------------------------------------------- */

/* The currency costs are shown in: the chosen one, else the region's. */
static char *
currency (YsPreferencesWindow *self)
{
  g_autofree char *chosen = self->settings ? g_settings_get_string (self->settings, "currency")
                                           : g_strdup ("");

  return ys_money_resolve_currency (chosen);
}

static char *
describe_cost (YsPreferencesWindow *self,
               gint64               cents)
{
  g_autofree char *code = NULL;
  g_autofree char *amount = NULL;

  if (cents < 0)
    return g_strdup (_("Cost not set"));
  code = currency (self);
  amount = ys_money_format (code, cents);
  /* TRANSLATORS: a tool's monthly cost, e.g. "60,00 € a month" */
  return g_strdup_printf (_("%s a month"), amount);
}

/* Under the costs, where the field is; the staff cost's under its own. */
static void
show_cost_error (YsPreferencesWindow *self,
                 GtkEditable         *entry,
                 const char          *message)
{
  if (GTK_WIDGET (entry) == GTK_WIDGET (self->staff_cost_entry))
    show_error (self, GTK_WIDGET (entry), message);
  else
    ys_form_show_error (GTK_WIDGET (entry), self->cost_error_label, message);
}

/* "" for a cost not set; the amount as the locale writes it otherwise. */
static char *
cost_text (gint64 cents)
{
  g_auto(YsMoneyFormat) format = { 0 };

  if (cents < 0)
    return g_strdup ("");
  ys_money_format_init_locale (&format);
  return ys_money_format_amount (&format, cents);
}

/* An empty field means "not known". FALSE with the reason shown when the
 * text is not an amount. */
static gboolean
read_cost (YsPreferencesWindow *self,
           GtkEditable         *entry,
           gint64              *cents)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  *cents = -1;
  if (*text != '\0' && !ys_money_parse (text, cents, &error))
    {
      show_cost_error (self, entry, error->message);
      return FALSE;
    }
  show_cost_error (self, entry, NULL);
  return TRUE;
}

static void
save_tool_cost (YsPreferencesWindow *self,
                GtkEditable         *entry)
{
  g_autoptr(GError) error = NULL;
  const char *id = g_object_get_data (G_OBJECT (entry), "tool-id");
  gint64 saved = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (entry), "saved-cost")) - 1;
  gint64 cents;

  if (!read_cost (self, entry, &cents) || cents == saved)
    return;
  if (!ys_store_set_tool_cost (self->store, id, cents, &error))
    show_cost_error (self, entry, error->message);
}

static void
on_cost_activate (GtkEntry            *entry,
                  YsPreferencesWindow *self)
{
  save_tool_cost (self, GTK_EDITABLE (entry));
}

/* Leaving the field keeps what was typed, as Return does. */
static void
on_cost_focus_leave (GtkEventControllerFocus *focus,
                     YsPreferencesWindow     *self)
{
  GtkWidget *entry = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (focus));

  if (gtk_widget_get_root (entry) != NULL)
    save_tool_cost (self, GTK_EDITABLE (entry));
}

static GtkWidget *
cost_row_new (YsPreferencesWindow *self,
              YsTool              *tool)
{
  gint64 cents = ys_tool_get_monthly_cost (tool);
  g_autofree char *subtitle = describe_cost (self, cents);
  g_autofree char *text = cost_text (cents);
  g_autofree char *label = g_strdup_printf (_("Monthly cost of %s"), ys_tool_get_name (tool));
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *entry = gtk_entry_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), ys_tool_get_name (tool));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  /* Long names wrap rather than push the field off a narrow window. */
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);

  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 8);
  gtk_editable_set_max_width_chars (GTK_EDITABLE (entry), 10);
  gtk_editable_set_alignment (GTK_EDITABLE (entry), 1);
  gtk_entry_set_input_purpose (GTK_ENTRY (entry), GTK_INPUT_PURPOSE_NUMBER);
  /* TRANSLATORS: the empty cost field of a tool */
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Not set"));
  gtk_widget_set_valign (entry, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, subtitle, -1);
  g_object_set_data_full (G_OBJECT (entry), "tool-id", g_strdup (ys_tool_get_id (tool)), g_free);
  g_object_set_data (G_OBJECT (entry), "saved-cost", GSIZE_TO_POINTER ((gsize) (cents + 1)));
  g_signal_connect_object (entry, "activate", G_CALLBACK (on_cost_activate), self, 0);
  g_signal_connect_object (focus, "leave", G_CALLBACK (on_cost_focus_leave), self, 0);
  gtk_widget_add_controller (entry, focus);

  adw_action_row_add_suffix (ADW_ACTION_ROW (row), entry);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), entry);
  return row;
}

static void
rebuild_costs (YsPreferencesWindow *self)
{
  GListModel *tools = ys_store_get_tools (self->store);

  for (guint i = 0; i < self->cost_rows->len; i++)
    adw_preferences_group_remove (self->costs_group, g_ptr_array_index (self->cost_rows, i));
  g_ptr_array_set_size (self->cost_rows, 0);

  for (guint i = 0; i < g_list_model_get_n_items (tools); i++)
    {
      g_autoptr(YsTool) tool = g_list_model_get_item (tools, i);
      GtkWidget *row = cost_row_new (self, tool);

      adw_preferences_group_add (self->costs_group, row);
      g_ptr_array_add (self->cost_rows, row);
    }
}

static void
on_currency_selected (YsPreferencesWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->currency_row);

  if (self->filling_currency || self->settings == NULL ||
      selected >= self->currency_codes->len)
    return;
  g_settings_set_string (self->settings, "currency",
                         g_ptr_array_index (self->currency_codes, selected));
  rebuild_costs (self);
}

static void
add_currency (GtkStringList *names,
              GPtrArray     *codes,
              const char    *code)
{
  for (guint i = 1; i < codes->len; i++)
    if (g_strcmp0 (g_ptr_array_index (codes, i), code) == 0)
      return;
  gtk_string_list_append (names, code);
  g_ptr_array_add (codes, g_strdup (code));
}

static void
fill_currency (YsPreferencesWindow *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autofree char *region = ys_money_locale_currency ();
  g_autofree char *chosen = g_settings_get_string (self->settings, "currency");
  g_autofree char *first = region
    /* TRANSLATORS: the default currency, e.g. "EUR, your region’s" */
    ? g_strdup_printf (_("%s, your region’s"), region)
    /* TRANSLATORS: no currency: amounts are shown as plain numbers */
    : g_strdup (_("None"));
  guint selected = 0;

  g_ptr_array_set_size (self->currency_codes, 0);
  gtk_string_list_append (names, first);
  g_ptr_array_add (self->currency_codes, g_strdup (""));
  if (*chosen != '\0')
    add_currency (names, self->currency_codes, chosen);
  for (guint i = 0; i < G_N_ELEMENTS (common_currencies); i++)
    add_currency (names, self->currency_codes, common_currencies[i]);

  for (guint i = 1; i < self->currency_codes->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->currency_codes, i), chosen) == 0)
      selected = i;

  self->filling_currency = TRUE;
  adw_combo_row_set_model (self->currency_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->currency_row, selected);
  self->filling_currency = FALSE;
}

static void
fill_staff_cost (YsPreferencesWindow *self)
{
  g_autofree char *text = cost_text (g_settings_get_int64 (self->settings,
                                                           "staff-cost-per-hour"));

  gtk_editable_set_text (GTK_EDITABLE (self->staff_cost_entry), text);
}

static void
on_staff_cost_activate (YsPreferencesWindow *self)
{
  gint64 cents;

  if (self->settings != NULL && read_cost (self, GTK_EDITABLE (self->staff_cost_entry), &cents))
    {
      g_settings_set_int64 (self->settings, "staff-cost-per-hour", cents);
      fill_staff_cost (self);
    }
}

static void
on_staff_cost_focus_leave (YsPreferencesWindow *self)
{
  if (gtk_widget_get_root (GTK_WIDGET (self->staff_cost_entry)) != NULL)
    on_staff_cost_activate (self);
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
  rebuild_costs (self);
  fill_default_tool (self);
}

/* Backups ------------------------------------------------------------------ */

static void
update_restore_row (YsPreferencesWindow *self)
{
  g_autoptr(GPtrArray) backups = ys_backup_list (ys_store_get_path (self->store));
  g_autofree char *subtitle = NULL;

  if (backups->len == 0)
    subtitle = g_strdup (_("No backups yet: the first is made soon after Yardstick opens"));
  else
    {
      g_autofree char *date = ys_form_format_backup_date (backups->pdata[0]);
      subtitle = g_strdup_printf (ngettext ("%u backup, from %s",
                                            "%u backups, the newest from %s", backups->len),
                                  backups->len, date);
    }
  adw_action_row_set_subtitle (self->restore_row, subtitle);
}

static void
show_restore_error (YsPreferencesWindow *self,
                    GError              *error)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self),
                                              _("The Backup Could Not Be Restored"),
                                              error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_undo_restore_clicked (AdwToast            *toast,
                         YsPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;
  const char *kept = g_object_get_data (G_OBJECT (toast), "kept-path");

  if (!ys_store_restore_backup (self->store, kept, NULL, &error))
    show_restore_error (self, error);
  update_restore_row (self);
}

static void
on_restore_clicked (GtkButton           *button,
                    YsPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *kept = NULL;
  const char *path = g_object_get_data (G_OBJECT (button), "backup-path");
  AdwToast *toast;

  if (!ys_store_restore_backup (self->store, path, &kept, &error))
    {
      show_restore_error (self, error);
      return;
    }

  adw_preferences_window_close_subpage (ADW_PREFERENCES_WINDOW (self));
  update_restore_row (self);

  toast = adw_toast_new (_("Backup restored"));
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_timeout (toast, 10);
  g_object_set_data_full (G_OBJECT (toast), "kept-path", g_steal_pointer (&kept), g_free);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_restore_clicked), self, 0);
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), toast);
}

static GtkWidget *
backup_row_new (YsPreferencesWindow *self,
                const YsBackup      *backup)
{
  g_autofree char *date = ys_form_format_backup_date (backup);
  g_autofree char *contents = ys_form_describe_backup (backup);
  g_autofree char *subtitle = NULL;
  g_autofree char *button_label = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Restore"));
  gboolean usable = ys_backup_is_usable (backup);

  if (backup->before_restore)
    {
      g_autoptr(GDateTime) made = g_date_time_new_from_unix_local (backup->made_at);
      g_autofree char *time = g_date_time_format (made, "%H:%M");
      /* TRANSLATORS: "109 runs in 3 workflows; kept at 14:02 when another backup was restored" */
      subtitle = g_strdup_printf (_("%s; kept at %s when another backup was restored"),
                                  contents, time);
    }
  else
    subtitle = g_strdup (contents);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), date);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_sensitive (button, usable);
  button_label = g_strdup_printf (_("Restore the backup of %s"), date);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, button_label, -1);
  g_object_set_data_full (G_OBJECT (button), "backup-path", g_strdup (backup->path), g_free);
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_restore_clicked), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  return row;
}

static void
on_restore_row_activated (YsPreferencesWindow *self)
{
  g_autoptr(GPtrArray) backups = ys_backup_list (ys_store_get_path (self->store));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *back = gtk_button_new_from_icon_name ("go-previous-symbolic");

  gtk_widget_set_tooltip_text (back, _("Back"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (back), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Back"), -1);
  g_signal_connect_swapped (back, "clicked",
                            G_CALLBACK (adw_preferences_window_close_subpage), self);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), back);
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header),
                                   adw_window_title_new (_("Restore from Backup"), NULL));
  gtk_box_append (GTK_BOX (box), header);

  if (backups->len == 0)
    {
      GtkWidget *status = adw_status_page_new ();

      adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "document-save-symbolic");
      adw_status_page_set_title (ADW_STATUS_PAGE (status), _("No Backups Yet"));
      adw_status_page_set_description (ADW_STATUS_PAGE (status),
        _("Yardstick makes the first backup soon after it opens, once there is a "
          "workflow to keep, and one a day after that."));
      gtk_widget_set_vexpand (status, TRUE);
      gtk_box_append (GTK_BOX (box), status);
    }
  else
    {
      GtkWidget *page = adw_preferences_page_new ();
      GtkWidget *group = adw_preferences_group_new ();

      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
        _("Restoring replaces all workflows, runs and feedback with the backup’s. "
          "What is there now is kept as a backup too, so a restore can be undone."));
      for (guint i = 0; i < backups->len; i++)
        adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                                   backup_row_new (self, backups->pdata[i]));
      adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
      gtk_widget_set_vexpand (page, TRUE);
      gtk_box_append (GTK_BOX (box), page);
    }

  adw_preferences_window_present_subpage (ADW_PREFERENCES_WINDOW (self), box);
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
  g_clear_pointer (&self->currency_codes, g_ptr_array_unref);
  g_clear_pointer (&self->cost_rows, g_ptr_array_unref);

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
  gtk_widget_class_bind_template_child (widget_class, YsPreferencesWindow, paper_row);
  gtk_widget_class_bind_template_child (widget_class, YsPreferencesWindow, interval_spin);
  gtk_widget_class_bind_template_child (widget_class, YsPreferencesWindow, default_tool_group);
  gtk_widget_class_bind_template_child (widget_class, YsPreferencesWindow, default_tool_row);
  gtk_widget_class_bind_template_callback (widget_class, on_default_tool_selected);
  gtk_widget_class_bind_template_child (widget_class, YsPreferencesWindow, restore_row);
  gtk_widget_class_bind_template_child (widget_class, YsPreferencesWindow, costs_group);
  gtk_widget_class_bind_template_child (widget_class, YsPreferencesWindow, currency_row);
  gtk_widget_class_bind_template_child (widget_class, YsPreferencesWindow, staff_cost_row);
  gtk_widget_class_bind_template_child (widget_class, YsPreferencesWindow, staff_cost_entry);
  gtk_widget_class_bind_template_child (widget_class, YsPreferencesWindow, cost_error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_currency_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_staff_cost_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_add_apply);
  gtk_widget_class_bind_template_callback (widget_class, on_restore_row_activated);
}

/* The paper row lists the setting's choices in this order. */
static const char *paper_choices[] = { "", "a4", "letter" };

static gboolean
paper_get (GValue   *value,
           GVariant *variant,
           gpointer  user_data)
{
  const char *paper = g_variant_get_string (variant, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (paper_choices); i++)
    if (g_str_equal (paper, paper_choices[i]))
      {
        g_value_set_uint (value, i);
        return TRUE;
      }
  return FALSE;
}

static GVariant *
paper_set (const GValue       *value,
           const GVariantType *type,
           gpointer            user_data)
{
  guint selected = g_value_get_uint (value);

  return g_variant_new_string (selected < G_N_ELEMENTS (paper_choices)
                               ? paper_choices[selected] : "");
}

static void
ys_preferences_window_init (YsPreferencesWindow *self)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  self->tool_rows = g_ptr_array_new ();
  self->default_tool_ids = g_ptr_array_new_with_free_func (g_free);
  self->currency_codes = g_ptr_array_new_with_free_func (g_free);
  self->cost_rows = g_ptr_array_new ();
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
      g_settings_bind_with_mapping (self->settings, "paper-size", self->paper_row, "selected",
                                    G_SETTINGS_BIND_DEFAULT, paper_get, paper_set, NULL, NULL);
      fill_currency (self);
      fill_staff_cost (self);
      {
        GtkEventController *focus = gtk_event_controller_focus_new ();

        g_signal_connect_object (focus, "leave", G_CALLBACK (on_staff_cost_focus_leave),
                                 self, G_CONNECT_SWAPPED);
        gtk_widget_add_controller (GTK_WIDGET (self->staff_cost_entry), focus);
      }
    }
  else
    {
      gtk_widget_set_visible (self->feedback_group, FALSE);
      gtk_widget_set_visible (self->report_group, FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->currency_row), FALSE);
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
  rebuild_costs (self);
  fill_default_tool (self);
  update_restore_row (self);

  return GTK_WIDGET (self);
}
