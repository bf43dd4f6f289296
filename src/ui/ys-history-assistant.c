/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "yardstick"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "ys-duration.h"
#include "ys-form.h"
#include "ys-history-assistant.h"
#include "ys-wording.h"

/* How many sample entries the filter step shows, and projects or tags it
 * offers to filter by. */
#define N_SAMPLES 5
#define N_SUGGESTIONS 6

typedef enum
{
  STEP_FILE,
  STEP_RECOGNISED,
  STEP_FILTER,
  STEP_MODE,
  STEP_PREVIEW,
  N_STEPS
} Step;

static const char *step_names[N_STEPS] = { "file", "recognised", "filter", "mode", "preview" };

struct _YsHistoryAssistant
{
  AdwWindow parent_instance;

  YsStore *store;
  char *workflow_id;           /* to preselect */
  YsTrackerCsv *csv;
  char *file_name;
  GCancellable *cancellable;   /* the file being read */
  GPtrArray *tool_ids;         /* parallel to tool_row's model; NULL: a new tool */
  Step step;
  gboolean previewed;

  AdwWindowTitle *window_title;
  GtkWidget *back_button;
  GtkWidget *next_button;
  GtkStack *stack;
  GtkWidget *choose_button;
  GtkSpinner *reading_spinner;
  GtkLabel *file_error_label;
  AdwActionRow *found_row;
  GtkLabel *left_out_label;
  AdwComboRow *workflow_row;
  AdwEntryRow *match_row;
  AdwPreferencesGroup *suggestions_group;
  GtkFlowBox *suggestions_box;
  AdwPreferencesGroup *samples_group;
  GtkListBox *samples_list;
  GtkCheckButton *without_ai_check;
  GtkCheckButton *with_ai_check;
  AdwPreferencesGroup *tool_group;
  AdwComboRow *tool_row;
  AdwEntryRow *new_tool_row;
  GtkLabel *tool_error;
  GtkLabel *preview_headline;
  AdwActionRow *preview_runs_row;
  AdwActionRow *preview_without_row;
  AdwActionRow *preview_with_row;
  GtkLabel *preview_note;
  GtkLabel *import_error_label;
};

G_DEFINE_FINAL_TYPE (YsHistoryAssistant, ys_history_assistant, ADW_TYPE_WINDOW)

enum
{
  IMPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The choices -------------------------------------------------------------- */

static const char *
selected_workflow_id (YsHistoryAssistant *self)
{
  YsWorkflow *workflow = adw_combo_row_get_selected_item (self->workflow_row);

  return workflow ? ys_workflow_get_id (workflow) : NULL;
}

static const char *
match_text (YsHistoryAssistant *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->match_row));

  return text[0] != '\0' ? text : NULL;
}

static gboolean
is_new_tool_selected (YsHistoryAssistant *self)
{
  guint position = adw_combo_row_get_selected (self->tool_row);

  return position < self->tool_ids->len && g_ptr_array_index (self->tool_ids, position) == NULL;
}

static YsMode
selected_mode (YsHistoryAssistant *self)
{
  return gtk_check_button_get_active (self->with_ai_check) ? YS_MODE_WITH_AI : YS_MODE_WITHOUT_AI;
}

/* The import the choices make; FALSE while they do not make one yet.
 * @new_tool_name keeps the name the options point to. */
static gboolean
read_options (YsHistoryAssistant     *self,
              YsTrackerImportOptions *options,
              char                  **new_tool_name)
{
  *options = (YsTrackerImportOptions) { 0 };
  options->workflow_id = selected_workflow_id (self);
  options->mode = selected_mode (self);
  options->match = match_text (self);
  if (self->csv == NULL || options->workflow_id == NULL)
    return FALSE;
  if (options->mode == YS_MODE_WITHOUT_AI)
    return TRUE;

  if (is_new_tool_selected (self))
    {
      *new_tool_name = ys_form_new_tool_name (GTK_WIDGET (self->new_tool_row), self->tool_error);
      options->tool_name = *new_tool_name;
      return *new_tool_name != NULL;
    }
  ys_form_show_error (GTK_WIDGET (self->new_tool_row), self->tool_error, NULL);
  if (adw_combo_row_get_selected (self->tool_row) >= self->tool_ids->len)
    return FALSE;
  options->tool_id = g_ptr_array_index (self->tool_ids, adw_combo_row_get_selected (self->tool_row));
  return TRUE;
}

/* The entries that become runs and pass @match. */
static guint
count_entries (YsHistoryAssistant *self,
               const char         *match)
{
  g_autoptr(GPtrArray) entries = NULL;

  if (self->csv == NULL)
    return 0;
  entries = ys_tracker_csv_filter (self->csv, match);
  return entries->len;
}

/* Steps -------------------------------------------------------------------- */

static gboolean
can_go_on (YsHistoryAssistant *self)
{
  g_autofree char *new_tool_name = NULL;
  YsTrackerImportOptions options;

  switch (self->step)
    {
    case STEP_FILE:
      return self->csv != NULL;
    case STEP_RECOGNISED:
      return count_entries (self, NULL) > 0;
    case STEP_FILTER:
      return selected_workflow_id (self) != NULL && count_entries (self, match_text (self)) > 0;
    case STEP_MODE:
      return read_options (self, &options, &new_tool_name);
    case STEP_PREVIEW:
      return self->previewed;
    case N_STEPS:
    default:
      g_assert_not_reached ();
    }
}

static void
update_header (YsHistoryAssistant *self)
{
  /* TRANSLATORS: the assistant's progress, "Step 2 of 5" */
  g_autofree char *progress = g_strdup_printf (_("Step %u of %u"), self->step + 1, N_STEPS);

  adw_window_title_set_subtitle (self->window_title, progress);
  gtk_button_set_label (GTK_BUTTON (self->back_button),
                        self->step == STEP_FILE ? _("_Cancel") : _("_Back"));
  gtk_button_set_label (GTK_BUTTON (self->next_button),
                        self->step == STEP_PREVIEW ? _("_Import") : _("_Next"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assistant.next", can_go_on (self));
}

static void
show_step (YsHistoryAssistant *self,
           Step                step)
{
  self->step = step;
  gtk_stack_set_visible_child_name (self->stack, step_names[step]);
  update_header (self);
}

static void
update (YsHistoryAssistant *self)
{
  update_header (self);
}

/* Step 1: the file ----------------------------------------------------------- */

static void fill_recognised (YsHistoryAssistant *self);

static void
on_read (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(YsHistoryAssistant) self = user_data;
  g_autoptr(GError) error = NULL;
  YsTrackerCsv *csv = g_task_propagate_pointer (G_TASK (result), &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  gtk_spinner_stop (self->reading_spinner);
  gtk_widget_set_visible (GTK_WIDGET (self->reading_spinner), FALSE);
  gtk_widget_set_sensitive (self->choose_button, TRUE);
  g_clear_object (&self->cancellable);

  if (csv == NULL)
    {
      gtk_label_set_label (self->file_error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->file_error_label), TRUE);
      update (self);
      return;
    }

  g_clear_pointer (&self->csv, ys_tracker_csv_free);
  self->csv = csv;
  self->previewed = FALSE;
  fill_recognised (self);
  show_step (self, STEP_RECOGNISED);
}

static void
read_in_thread (GTask        *task,
                gpointer      source,
                gpointer      task_data,
                GCancellable *cancellable)
{
  GFile *file = task_data;
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *name = g_file_get_basename (file);
  GError *error = NULL;
  YsTrackerCsv *csv;

  if (path == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                               _("%s: could not be read"), name);
      return;
    }
  csv = ys_tracker_csv_read_file (path, name, cancellable, &error);
  if (csv == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, csv, (GDestroyNotify) ys_tracker_csv_free);
}

void
ys_history_assistant_open_file (YsHistoryAssistant *self,
                                GFile              *file)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (YS_IS_HISTORY_ASSISTANT (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  g_free (self->file_name);
  self->file_name = g_file_get_basename (file);
  gtk_widget_set_visible (GTK_WIDGET (self->file_error_label), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->reading_spinner), TRUE);
  gtk_spinner_start (self->reading_spinner);
  gtk_widget_set_sensitive (self->choose_button, FALSE);

  task = g_task_new (NULL, self->cancellable, on_read, g_object_ref (self));
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, read_in_thread);
}

static void
on_choose_response (GtkNativeDialog    *dialog,
                    int                 response,
                    YsHistoryAssistant *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      if (file != NULL)
        ys_history_assistant_open_file (self, file);
    }
  g_object_unref (dialog);
}

static void
choose_file_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) exports = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  gtk_file_filter_set_name (exports, _("Time-tracker exports (CSV, TSV)"));
  gtk_file_filter_add_pattern (exports, "*.csv");
  gtk_file_filter_add_pattern (exports, "*.tsv");
  gtk_file_filter_add_pattern (exports, "*.txt");
  gtk_file_filter_add_mime_type (exports, "text/csv");
  gtk_file_filter_add_mime_type (exports, "text/tab-separated-values");
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");

  chooser = gtk_file_chooser_native_new (_("Choose a Time-Tracker Export"), GTK_WINDOW (widget),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), NULL);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), exports);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_choose_response), widget, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Step 2: what was recognised ------------------------------------------------ */

static void
on_suggestion_clicked (GtkButton          *button,
                       YsHistoryAssistant *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->match_row),
                         g_object_get_data (G_OBJECT (button), "ys-match"));
}

static void
add_suggestions (YsHistoryAssistant *self,
                 GPtrArray          *counts)
{
  for (guint i = 0, shown = 0; i < counts->len && shown < N_SUGGESTIONS; i++)
    {
      const YsTrackerCount *count = g_ptr_array_index (counts, i);
      g_autofree char *label = NULL;
      GtkWidget *button;

      if (count->name[0] == '\0')
        continue;
      /* TRANSLATORS: a project or tag and how many entries have it: "Grant report (38)" */
      label = g_strdup_printf (_("%s (%u)"), count->name, count->count);
      button = gtk_button_new_with_label (label);
      gtk_label_set_ellipsize (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (button))),
                               PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (button))), 24);
      gtk_widget_set_tooltip_text (button, count->name);
      g_object_set_data_full (G_OBJECT (button), "ys-match", g_strdup (count->name), g_free);
      g_signal_connect (button, "clicked", G_CALLBACK (on_suggestion_clicked), self);
      gtk_flow_box_append (self->suggestions_box, button);
      shown++;
    }
}

static void
fill_recognised (YsHistoryAssistant *self)
{
  g_autofree char *found = ys_tracker_describe_file (self->csv);
  g_autofree char *left_out = ys_tracker_describe_left_out (self->csv);
  g_autoptr(YsTrackerSummary) summary = ys_tracker_csv_summarize (self->csv, NULL);
  GtkWidget *child;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->found_row), found);
  adw_action_row_set_subtitle (self->found_row, self->file_name);
  gtk_label_set_label (self->left_out_label, left_out ? left_out : "");
  gtk_widget_set_visible (GTK_WIDGET (self->left_out_label), left_out != NULL);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->suggestions_box))) != NULL)
    gtk_flow_box_remove (self->suggestions_box, child);
  add_suggestions (self, summary->projects);
  add_suggestions (self, summary->tags);
  gtk_widget_set_visible (GTK_WIDGET (self->suggestions_group),
                          gtk_widget_get_first_child (GTK_WIDGET (self->suggestions_box)) != NULL);

  gtk_editable_set_text (GTK_EDITABLE (self->match_row), "");
}

/* Step 3: which entries ------------------------------------------------------- */

static GtkWidget *
sample_row (const YsTrackerEntry *entry)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *day = g_date_time_format (entry->started_at, _("%-d %b %Y, %H:%M"));
  g_autofree char *duration = ys_duration_format (entry->duration_seconds);
  g_autofree char *tags = g_strjoinv (", ", entry->tags);
  GString *subtitle = g_string_new (NULL);
  const char *title = entry->description[0] != '\0' ? entry->description : entry->project;

  /* TRANSLATORS: a sample entry's start and duration, "2 Mar 2026, 09:00 · 2 h 30 min" */
  g_string_append_printf (subtitle, _("%s · %s"), day, duration);
  if (entry->project[0] != '\0' && title != entry->project)
    g_string_append_printf (subtitle, " · %s", entry->project);
  if (tags[0] != '\0')
    g_string_append_printf (subtitle, " · %s", tags);

  /* The tracker's words, never markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 title[0] != '\0' ? title : _("No description"));
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  g_string_free (subtitle, TRUE);
  return row;
}

static void
fill_samples (YsHistoryAssistant *self)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autofree char *title = NULL;
  GtkWidget *child;

  if (self->csv == NULL)
    return;

  entries = ys_tracker_csv_filter (self->csv, match_text (self));
  title = ys_tracker_describe_matches (self->csv, match_text (self));
  adw_preferences_group_set_title (self->samples_group, title);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->samples_list))) != NULL)
    gtk_list_box_remove (self->samples_list, child);
  for (guint i = 0; i < entries->len && i < N_SAMPLES; i++)
    gtk_list_box_append (self->samples_list, sample_row (g_ptr_array_index (entries, i)));
  if (entries->len > N_SAMPLES)
    {
      GtkWidget *more = adw_action_row_new ();
      g_autofree char *text = g_strdup_printf (ngettext ("and %u more", "and %u more",
                                                         entries->len - N_SAMPLES),
                                               entries->len - N_SAMPLES);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (more), text);
      gtk_widget_add_css_class (more, "dim-label");
      gtk_list_box_append (self->samples_list, more);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->samples_list), entries->len > 0);
}

static void
on_match_changed (YsHistoryAssistant *self)
{
  self->previewed = FALSE;
  fill_samples (self);
  update (self);
}

static void
fill_tools (YsHistoryAssistant *self)
{
  g_autofree char *preferred = NULL;
  g_autoptr(GtkStringList) names = NULL;
  guint position = 0;

  preferred = ys_form_preferred_tool_id (self->store, selected_workflow_id (self));
  names = ys_form_tool_choices (self->store, NULL, NULL, self->tool_ids, &position);
  for (guint i = 0; preferred != NULL && i < self->tool_ids->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->tool_ids, i), preferred) == 0)
      position = i;
  adw_combo_row_set_model (self->tool_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->tool_row, position);
}

static void
on_workflow_selected (YsHistoryAssistant *self)
{
  if (self->store == NULL)
    return;
  self->previewed = FALSE;
  fill_tools (self);
  update (self);
}

/* Step 4: the mode and tool ------------------------------------------------------ */

static void
on_tool_selected (YsHistoryAssistant *self)
{
  gboolean with_ai = selected_mode (self) == YS_MODE_WITH_AI;

  if (self->tool_ids == NULL)
    return;
  gtk_widget_set_visible (GTK_WIDGET (self->tool_group), with_ai);
  gtk_widget_set_visible (GTK_WIDGET (self->new_tool_row), with_ai && is_new_tool_selected (self));
  self->previewed = FALSE;
  update (self);
}

static void
on_mode_toggled (YsHistoryAssistant *self)
{
  on_tool_selected (self);
}

/* Step 5: the figures it would give ---------------------------------------------- */

static char *
describe_side (const YsModeFigures *side)
{
  g_autofree char *median = NULL;

  if (side->runs == 0)
    return g_strdup (_("No runs"));
  median = ys_duration_format_approx ((gint64) llround (side->median_seconds));
  /* TRANSLATORS: "38 runs, median 2 h 10 min" */
  return g_strdup_printf (ngettext ("%u run, median %s", "%u runs, median %s", side->runs),
                          side->runs, median);
}

static gboolean
preview (YsHistoryAssistant *self)
{
  g_autofree char *new_tool_name = NULL;
  g_auto(YsTrackerImport) result = { 0 };
  g_autoptr(YsSummary) figures = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) runs = g_string_new (NULL);
  YsTrackerImportOptions options;
  YsWorkflowFigures *w;
  g_autofree char *headline = NULL;
  g_autofree char *without = NULL;
  g_autofree char *with = NULL;

  if (!read_options (self, &options, &new_tool_name))
    return FALSE;
  if (!ys_tracker_import_preview (self->store, self->csv, &options, &result, &figures, &error))
    {
      ys_form_show_error (GTK_WIDGET (self->new_tool_row), self->tool_error, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->tool_group), TRUE);
      return FALSE;
    }

  w = figures ? ys_summary_find (figures, result.workflow_id) : NULL;
  headline = w ? ys_wording_headline (w) : g_strdup ("");
  without = w ? describe_side (&w->without_ai) : g_strdup ("");
  with = w ? describe_side (&w->with_ai) : g_strdup ("");

  g_string_append_printf (runs, ngettext ("%u new run", "%u new runs", result.added),
                          result.added);
  if (result.restored > 0)
    g_string_append_printf (runs, ngettext (", %u deleted before and brought back",
                                            ", %u deleted before and brought back",
                                            result.restored),
                            result.restored);
  if (result.unchanged > 0)
    g_string_append_printf (runs, ngettext (", %u already there", ", %u already there",
                                            result.unchanged),
                            result.unchanged);

  gtk_label_set_label (self->preview_headline, headline);
  adw_action_row_set_subtitle (self->preview_runs_row, runs->str);
  adw_action_row_set_subtitle (self->preview_without_row, without);
  adw_action_row_set_subtitle (self->preview_with_row, with);
  gtk_label_set_label (self->preview_note,
                       _("These runs have no corrections, whether their output was used is not "
                         "known, and they count as chosen, not drawn. Import brings them in at "
                         "once; Undo right after takes them back."));
  gtk_widget_set_visible (GTK_WIDGET (self->import_error_label), FALSE);
  self->previewed = TRUE;
  return TRUE;
}

static void
import (YsHistoryAssistant *self)
{
  g_autofree char *new_tool_name = NULL;
  g_auto(YsTrackerImport) result = { 0 };
  g_autoptr(GError) error = NULL;
  YsTrackerImportOptions options;

  if (!read_options (self, &options, &new_tool_name))
    return;
  if (!ys_tracker_import (self->store, self->csv, &options, &result, &error))
    {
      gtk_label_set_label (self->import_error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->import_error_label), TRUE);
      return;
    }

  g_signal_emit (self, signals[IMPORTED], 0, &result);
  gtk_window_destroy (GTK_WINDOW (self));
}

/* Moving between steps ------------------------------------------------------------ */

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  YsHistoryAssistant *self = YS_HISTORY_ASSISTANT (widget);

  if (!can_go_on (self))
    return;

  switch (self->step)
    {
    case STEP_FILE:
    case STEP_RECOGNISED:
      show_step (self, self->step + 1);
      if (self->step == STEP_FILTER)
        fill_samples (self);
      break;
    case STEP_FILTER:
      on_tool_selected (self);
      show_step (self, STEP_MODE);
      break;
    case STEP_MODE:
      if (preview (self))
        show_step (self, STEP_PREVIEW);
      break;
    case STEP_PREVIEW:
      import (self);
      break;
    case N_STEPS:
    default:
      g_assert_not_reached ();
    }
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  YsHistoryAssistant *self = YS_HISTORY_ASSISTANT (widget);

  if (self->step == STEP_FILE)
    gtk_window_close (GTK_WINDOW (self));
  else
    show_step (self, self->step - 1);
}

/* The type ------------------------------------------------------------------------ */

static void
ys_history_assistant_dispose (GObject *object)
{
  YsHistoryAssistant *self = (YsHistoryAssistant *) object;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (object), YS_TYPE_HISTORY_ASSISTANT);

  G_OBJECT_CLASS (ys_history_assistant_parent_class)->dispose (object);
}

static void
ys_history_assistant_finalize (GObject *object)
{
  YsHistoryAssistant *self = (YsHistoryAssistant *) object;

  g_clear_object (&self->store);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->workflow_id, g_free);
  g_clear_pointer (&self->file_name, g_free);
  g_clear_pointer (&self->csv, ys_tracker_csv_free);
  g_clear_pointer (&self->tool_ids, g_ptr_array_unref);

  G_OBJECT_CLASS (ys_history_assistant_parent_class)->finalize (object);
}

static void
ys_history_assistant_class_init (YsHistoryAssistantClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ys_history_assistant_dispose;
  object_class->finalize = ys_history_assistant_finalize;

  /**
   * YsHistoryAssistant::imported:
   * @result: the const YsTrackerImport * of what was imported
   */
  signals[IMPORTED] = g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                    NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_POINTER);

  g_type_ensure (YS_TYPE_WORKFLOW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ys-history-assistant.ui");
  gtk_widget_class_bind_template_child (widget_class, YsHistoryAssistant, window_title);
  gtk_widget_class_bind_template_child (widget_class, YsHistoryAssistant, back_button);
  gtk_widget_class_bind_template_child (widget_class, YsHistoryAssistant, next_button);
  gtk_widget_class_bind_template_child (widget_class, YsHistoryAssistant, stack);
  gtk_widget_class_bind_template_child (widget_class, YsHistoryAssistant, choose_button);
  gtk_widget_class_bind_template_child (widget_class, YsHistoryAssistant, reading_spinner);
  gtk_widget_class_bind_template_child (widget_class, YsHistoryAssistant, file_error_label);
  gtk_widget_class_bind_template_child (widget_class, YsHistoryAssistant, found_row);
  gtk_widget_class_bind_template_child (widget_class, YsHistoryAssistant, left_out_label);
  gtk_widget_class_bind_template_child (widget_class, YsHistoryAssistant, workflow_row);
  gtk_widget_class_bind_template_child (widget_class, YsHistoryAssistant, match_row);
  gtk_widget_class_bind_template_child (widget_class, YsHistoryAssistant, suggestions_group);
  gtk_widget_class_bind_template_child (widget_class, YsHistoryAssistant, suggestions_box);
  gtk_widget_class_bind_template_child (widget_class, YsHistoryAssistant, samples_group);
  gtk_widget_class_bind_template_child (widget_class, YsHistoryAssistant, samples_list);
  gtk_widget_class_bind_template_child (widget_class, YsHistoryAssistant, without_ai_check);
  gtk_widget_class_bind_template_child (widget_class, YsHistoryAssistant, with_ai_check);
  gtk_widget_class_bind_template_child (widget_class, YsHistoryAssistant, tool_group);
  gtk_widget_class_bind_template_child (widget_class, YsHistoryAssistant, tool_row);
  gtk_widget_class_bind_template_child (widget_class, YsHistoryAssistant, new_tool_row);
  gtk_widget_class_bind_template_child (widget_class, YsHistoryAssistant, tool_error);
  gtk_widget_class_bind_template_child (widget_class, YsHistoryAssistant, preview_headline);
  gtk_widget_class_bind_template_child (widget_class, YsHistoryAssistant, preview_runs_row);
  gtk_widget_class_bind_template_child (widget_class, YsHistoryAssistant, preview_without_row);
  gtk_widget_class_bind_template_child (widget_class, YsHistoryAssistant, preview_with_row);
  gtk_widget_class_bind_template_child (widget_class, YsHistoryAssistant, preview_note);
  gtk_widget_class_bind_template_child (widget_class, YsHistoryAssistant, import_error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_workflow_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_match_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_mode_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_tool_selected);

  gtk_widget_class_install_action (widget_class, "assistant.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "assistant.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "assistant.choose-file", NULL,
                                   choose_file_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK,
                                       "assistant.back", NULL);
}

static void
ys_history_assistant_init (YsHistoryAssistant *self)
{
  self->tool_ids = g_ptr_array_new_with_free_func (g_free);
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_window_set_default_widget (GTK_WINDOW (self), self->next_button);
}

GtkWidget *
ys_history_assistant_new (GtkWindow  *parent,
                          YsStore    *store,
                          const char *workflow_id)
{
  YsHistoryAssistant *self;
  GListModel *workflows;

  g_return_val_if_fail (YS_IS_STORE (store), NULL);

  self = g_object_new (YS_TYPE_HISTORY_ASSISTANT, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->workflow_id = g_strdup (workflow_id);

  workflows = ys_store_get_workflows (store);
  adw_combo_row_set_model (self->workflow_row, workflows);
  for (guint i = 0; workflow_id != NULL && i < g_list_model_get_n_items (workflows); i++)
    {
      g_autoptr(YsWorkflow) workflow = g_list_model_get_item (workflows, i);

      if (g_strcmp0 (ys_workflow_get_id (workflow), workflow_id) == 0)
        adw_combo_row_set_selected (self->workflow_row, i);
    }
  fill_tools (self);

  ys_form_set_title (GTK_WINDOW (self), GTK_WIDGET (self->window_title), _("Bring In History"));
  show_step (self, STEP_FILE);
  return GTK_WIDGET (self);
}
