/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "yardstick"

/* Importing bundles into the window's database: what each file did, in a
 * toast or, when an import archived workflows or one arrived twice, in a
 * dialog that offers to merge the twin; what was refused, in plain words
 * with the precise message under Details. */

#include "config.h"

#include <glib/gi18n.h>

#include "ys-bundle.h"
#include "ys-error.h"
#include "ys-window-private.h"
#include "ys-wording.h"

/* The ids of the workflows there are now. */
static GHashTable *
workflow_ids (YsWindow *self)
{
  GHashTable *ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GListModel *workflows = ys_store_get_workflows (self->store);

  for (guint i = 0; i < g_list_model_get_n_items (workflows); i++)
    {
      g_autoptr(YsWorkflow) workflow = g_list_model_get_item (workflows, i);
      g_hash_table_add (ids, g_strdup (ys_workflow_get_id (workflow)));
    }
  return ids;
}

/* A workflow the import brought that has the name of one already here
 * (a colleague created the same task separately): @arrived and @existing
 * are set to their ids. */
static gboolean
find_twin (YsWindow    *self,
           GHashTable  *before,
           char       **arrived,
           char       **existing)
{
  GListModel *workflows = ys_store_get_workflows (self->store);
  guint n = g_list_model_get_n_items (workflows);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(YsWorkflow) new_one = g_list_model_get_item (workflows, i);
      g_autofree char *new_name = NULL;

      if (g_hash_table_contains (before, ys_workflow_get_id (new_one)))
        continue;
      new_name = g_utf8_casefold (ys_workflow_get_name (new_one), -1);
      for (guint j = 0; j < n; j++)
        {
          g_autoptr(YsWorkflow) old_one = g_list_model_get_item (workflows, j);
          g_autofree char *old_name = NULL;

          if (!g_hash_table_contains (before, ys_workflow_get_id (old_one)))
            continue;
          old_name = g_utf8_casefold (ys_workflow_get_name (old_one), -1);
          if (g_strcmp0 (new_name, old_name) == 0)
            {
              *arrived = g_strdup (ys_workflow_get_id (new_one));
              *existing = g_strdup (ys_workflow_get_id (old_one));
              return TRUE;
            }
        }
    }
  return FALSE;
}

static void
on_import_report_response (AdwMessageDialog *dialog,
                           const char       *response,
                           YsWindow         *self)
{
  if (g_strcmp0 (response, "merge") == 0)
    _ys_window_merge_workflows (self, g_object_get_data (G_OBJECT (dialog), "arrived-id"),
                                g_object_get_data (G_OBJECT (dialog), "existing-id"));
}

/* What an import did: a toast when it fits in one, and a dialog, which
 * shows it in full, when an import archived workflows or one arrived twice,
 * offering to merge the twin into the one already here. */
static void
report_import (YsWindow             *self,
               const char           *name,
               const YsImportResult *result,
               GHashTable           *before)
{
  g_autofree char *summary = ys_import_result_describe (result, name);
  g_autofree char *arrived = NULL;
  g_autofree char *existing = NULL;
  g_autofree char *heading = NULL;
  g_autoptr(GString) body = NULL;
  gboolean twin = find_twin (self, before, &arrived, &existing);
  GtkWidget *dialog;

  if (!twin && result->archived_on_import == 0)
    {
      ys_window_add_toast (self, summary);
      return;
    }

  body = g_string_new (summary);
  g_string_append_c (body, '.');
  if (result->archived_on_import > 0)
    {
      g_string_append (body, "\n\n");
      g_string_append (body, _("Archived workflows keep their runs and count in reports. To "
                               "measure one again, archive another and bring it back from its "
                               "page."));
    }
  if (twin)
    {
      g_autoptr(YsWorkflow) workflow = ys_store_get_workflow (self->store, existing);

      g_string_append (body, "\n\n");
      /* TRANSLATORS: %s is a workflow's name */
      g_string_append_printf (body, _("The file brought a second “%s”. If it is the same task "
                                      "as yours, merge it into yours so that their runs count "
                                      "together; you can undo that straight after."),
                              workflow ? ys_workflow_get_name (workflow) : "");
    }

  /* TRANSLATORS: a dialog's heading; %s is a file name */
  heading = g_strdup_printf (_("Imported %s"), name);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body->str);
  if (twin)
    {
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                        "keep", _("_Keep Both"),
                                        "merge", _("_Merge"),
                                        NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "merge",
                                                  ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "merge");
      adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");
      g_object_set_data_full (G_OBJECT (dialog), "arrived-id", g_steal_pointer (&arrived),
                              g_free);
      g_object_set_data_full (G_OBJECT (dialog), "existing-id", g_steal_pointer (&existing),
                              g_free);
      g_signal_connect_object (dialog, "response", G_CALLBACK (on_import_report_response),
                               self, 0);
    }
  else
    adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Plain words first; the precise messages, which name the file, the place
 * and the rule, in an expander for whoever has to fix the file. */
static GtkWidget *
import_refusal_dialog_new (GtkWindow  *parent,
                           const char *plain,
                           const char *details)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, _("Nothing Was Imported from This File"),
                                              plain);
  GtkWidget *expander = gtk_expander_new_with_mnemonic (_("_Details"));
  GtkWidget *label = gtk_label_new (details);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_add_css_class (label, "monospace");
  gtk_expander_set_child (GTK_EXPANDER (expander), label);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), expander);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  return dialog;
}

void
ys_window_import_files (YsWindow   *self,
                        GListModel *files)
{
  g_autoptr(GString) refused = g_string_new (NULL);
  g_autoptr(GString) plain = g_string_new (NULL);
  g_autoptr(GHashTable) before = workflow_ids (self);
  guint n;

  g_return_if_fail (YS_IS_WINDOW (self));
  g_return_if_fail (G_IS_LIST_MODEL (files));

  n = g_list_model_get_n_items (files);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GFile) file = g_list_model_get_item (files, i);
      g_autofree char *path = g_file_get_path (file);
      g_autofree char *name = g_file_get_basename (file);
      g_autoptr(GError) error = NULL;
      YsImportResult result;

      /* Each file is all or nothing on its own. */
      if (path == NULL ||
          !ys_bundle_import_file (self->store, path, name, &result, &error))
        {
          g_autofree char *sentence = NULL;

          if (error == NULL)
            g_set_error (&error, YS_ERROR, YS_ERROR_UNREADABLE, _("%s: could not be read"), name);
          sentence = ys_wording_import_refusal (error, name);
          if (refused->len > 0)
            {
              g_string_append (refused, "\n\n");
              g_string_append (plain, "\n\n");
            }
          g_string_append (refused, error->message);
          g_string_append (plain, sentence);
        }
      else
        report_import (self, name, &result, before);
    }

  if (refused->len > 0)
    gtk_window_present (GTK_WINDOW (import_refusal_dialog_new (GTK_WINDOW (self), plain->str,
                                                               refused->str)));
}
