/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "ys-preferences-window.h"
#include "ys-store.h"
#include "ys-test-ui.h"

/* Preferences › Tools: a tool's monthly cost typed in the locale's way,
 * "Cost not set" for none, the currency, and the staff cost per hour
 * that stays on this computer. */

#define NBSP "\302\240"

typedef struct
{
  char *dir;
  YsStore *store;
  GtkWindow *window;
  char *tool_id;
  GSettings *settings;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(YsTool) tool = NULL;

  f->dir = g_dir_make_tmp ("ys-preferences-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "test.db", NULL);
  f->store = ys_store_open (path, &error);
  g_assert_no_error (error);
  tool = ys_store_add_tool (f->store, "ChatGPT", &error);
  g_assert_no_error (error);
  f->tool_id = g_strdup (ys_tool_get_id (tool));

  f->settings = g_settings_new (APP_ID);
  g_settings_reset (f->settings, "currency");
  g_settings_reset (f->settings, "staff-cost-per-hour");

  f->window = GTK_WINDOW (ys_preferences_window_new (NULL, f->store));
  gtk_window_present (f->window);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *command = g_strdup_printf ("rm -rf '%s'", f->dir);

  ys_test_destroy_toplevels ();
  g_clear_object (&f->settings);
  g_clear_object (&f->store);
  g_assert_cmpint (system (command), ==, 0);
  g_free (f->tool_id);
  g_free (f->dir);
}

static GtkWidget *
child (gpointer    widget,
       const char *name)
{
  return ys_test_child (widget, YS_TYPE_PREFERENCES_WINDOW, name);
}

/* The cost field of @tool_id, wherever the group put it. */
static GtkWidget *
find_cost_entry (GtkWidget  *widget,
                 const char *tool_id)
{
  if (GTK_IS_ENTRY (widget) &&
      g_strcmp0 (g_object_get_data (G_OBJECT (widget), "tool-id"), tool_id) == 0)
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_cost_entry (c, tool_id);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
cost_entry (Fixture *f)
{
  GtkWidget *entry = find_cost_entry (child (f->window, "costs_group"), f->tool_id);

  g_assert_nonnull (entry);
  return entry;
}

static const char *
cost_subtitle (Fixture *f)
{
  GtkWidget *row = gtk_widget_get_ancestor (cost_entry (f), ADW_TYPE_ACTION_ROW);

  return adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
}

static gint64
stored_cost (Fixture *f)
{
  GListModel *tools = ys_store_get_tools (f->store);
  g_autoptr(YsTool) tool = g_list_model_get_item (tools, 0);

  return ys_tool_get_monthly_cost (tool);
}

/* Types @text into @entry and presses Return, which saves or refuses at
 * once. */
static void
type_cost (GtkWidget  *entry,
           const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  g_signal_emit_by_name (entry, "activate");
}

static gboolean
settings_say (GSettings  *settings,
              const char *key,
              const char *value)
{
  g_autofree char *now = g_settings_get_string (settings, key);

  return g_strcmp0 (now, value) == 0;
}

static void
test_tool_cost (Fixture       *f,
                gconstpointer  data)
{
  GtkWidget *error_label = child (f->window, "cost_error_label");
  GtkWidget *currency_row = child (f->window, "currency_row");

  /* No cost yet: said in words, and the field is empty. */
  g_assert_cmpstr (cost_subtitle (f), ==, "Cost not set");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cost_entry (f))), ==, "");
  g_assert_cmpint (stored_cost (f), ==, -1);

  /* C.UTF-8 has no currency: the amount alone. */
  type_cost (cost_entry (f), "60");
  ys_test_wait_until (g_strcmp0 (cost_subtitle (f), "60.00 a month") == 0);
  g_assert_cmpint (stored_cost (f), ==, 6000);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cost_entry (f))), ==, "60.00");
  g_assert_false (gtk_widget_get_visible (error_label));

  /* Not an amount: said under the costs, and nothing changes. */
  type_cost (cost_entry (f), "sixty");
  ys_test_wait_until (gtk_widget_get_visible (error_label));
  g_assert_cmpint (stored_cost (f), ==, 6000);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (error_label)), ==,
                   "“sixty” is not an amount: type a number such as 49.90.");

  /* Emptied: not known again, never zero. */
  type_cost (cost_entry (f), "");
  ys_test_wait_until (g_strcmp0 (cost_subtitle (f), "Cost not set") == 0);
  g_assert_cmpint (stored_cost (f), ==, -1);
  g_assert_false (gtk_widget_get_visible (error_label));

  /* A currency chosen: costs show with its code. */
  type_cost (cost_entry (f), "1234.5");
  ys_test_wait_until (stored_cost (f) == 123450);
  for (guint i = 0; ; i++)
    {
      GListModel *model = adw_combo_row_get_model (ADW_COMBO_ROW (currency_row));

      g_assert_cmpuint (i, <, g_list_model_get_n_items (model));
      if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (model), i), "EUR") == 0)
        {
          adw_combo_row_set_selected (ADW_COMBO_ROW (currency_row), i);
          break;
        }
    }
  ys_test_wait_until (settings_say (f->settings, "currency", "EUR"));
  ys_test_wait_until (g_strcmp0 (cost_subtitle (f), "EUR" NBSP "1234.50 a month") == 0);
  g_assert_cmpint (stored_cost (f), ==, 123450);
}

static void
test_staff_cost (Fixture       *f,
                 gconstpointer  data)
{
  GtkWidget *entry = child (f->window, "staff_cost_entry");

  g_assert_cmpint (g_settings_get_int64 (f->settings, "staff-cost-per-hour"), ==, -1);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");

  type_cost (entry, "32.5");
  ys_test_wait_until (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (entry)), "32.50") == 0);
  g_assert_cmpint (g_settings_get_int64 (f->settings, "staff-cost-per-hour"), ==, 3250);

  /* Refused, and said so on the field: the setting stays. */
  type_cost (entry, "-3");
  ys_test_wait_until (gtk_widget_has_css_class (entry, "error"));
  g_assert_cmpint (g_settings_get_int64 (f->settings, "staff-cost-per-hour"), ==, 3250);

  type_cost (entry, "");
  ys_test_wait_until (g_settings_get_int64 (f->settings, "staff-cost-per-hour") == -1);
}

int
main (int   argc,
      char *argv[])
{
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }

  setlocale (LC_ALL, "");
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/preferences/tool-cost", Fixture, NULL, fixture_set_up, test_tool_cost,
              fixture_tear_down);
  g_test_add ("/preferences/staff-cost", Fixture, NULL, fixture_set_up, test_staff_cost,
              fixture_tear_down);
  return g_test_run ();
}
