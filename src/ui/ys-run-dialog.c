/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "yardstick"

#include "config.h"

#include <glib/gi18n.h>

#include "ys-duration.h"
#include "ys-form.h"
#include "ys-run-dialog.h"
#include "ys-validate.h"

/*
 * Logging a run by hand, or editing one. Nothing is written until every
 * field is valid: each change re-reads the form, shows the first problem
 * of each group under it, and only then enables Save.
 */

struct _YsRunDialog
{
  AdwWindow parent_instance;

  YsStore *store;
  YsRun *run;                 /* NULL when logging a new run */
  YsTimer *timer;             /* set when finishing a timer */
  int feedback_interval_days;
  GPtrArray *workflow_ids;    /* parallel to workflow_row's model */
  GPtrArray *tool_ids;        /* parallel to tool_row's model; NULL entry = new tool */
  GDate date;
  gboolean duration_touched;
  gboolean time_touched;

  AdwWindowTitle *window_title;
  GtkWidget *save_button;
  AdwPreferencesGroup *run_group;
  AdwComboRow *workflow_row;
  AdwComboRow *mode_row;
  AdwComboRow *tool_row;
  AdwEntryRow *new_tool_row;
  GtkLabel *tool_error;
  GtkMenuButton *date_button;
  GtkCalendar *calendar;
  AdwEntryRow *time_row;
  AdwEntryRow *duration_row;
  GtkLabel *duration_normalised;
  GtkLabel *time_error;
  GtkSpinButton *corrections_spin;
  AdwComboRow *used_row;
  AdwEntryRow *note_row;
  GtkLabel *note_error;
  GtkWidget *delete_group;
  GtkWidget *long_timer_group;
  GtkLabel *long_timer_label;
  GtkWidget *feedback_group;
  GtkLabel *feedback_question;
  GtkToggleButton *feedback_yes;
  GtkToggleButton *feedback_skip;
};

G_DEFINE_FINAL_TYPE (YsRunDialog, ys_run_dialog, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const YsUsed used_by_position[] = { YS_USED_UNKNOWN, YS_USED_YES, YS_USED_NO };

static YsMode
selected_mode (YsRunDialog *self)
{
  return adw_combo_row_get_selected (self->mode_row) == 1 ? YS_MODE_WITH_AI : YS_MODE_WITHOUT_AI;
}

static gboolean
is_new_tool_selected (YsRunDialog *self)
{
  guint position = adw_combo_row_get_selected (self->tool_row);

  return position < self->tool_ids->len && g_ptr_array_index (self->tool_ids, position) == NULL;
}

static void
update_date_label (YsRunDialog *self)
{
  char text[64];

  /* TRANSLATORS: the date of a run on its button, see strftime() */
  g_date_strftime (text, sizeof text, _("%a %-d %b %Y"), &self->date);
  gtk_menu_button_set_label (self->date_button, text);
}

static void
on_day_selected (YsRunDialog *self)
{
  g_autoptr(GDateTime) picked = gtk_calendar_get_date (self->calendar);

  g_date_set_dmy (&self->date, g_date_time_get_day_of_month (picked),
                  g_date_time_get_month (picked), g_date_time_get_year (picked));
  update_date_label (self);
  gtk_menu_button_popdown (self->date_button);
}

/* Reads the form into @fields; returns FALSE when a field is not valid yet.
 * @new_tool_name receives the name of a tool to create with the run. */
static gboolean
read_form (YsRunDialog  *self,
           YsRunFields  *fields,
           char        **new_tool_name)
{
  g_autoptr(GError) time_error = NULL;
  g_autoptr(GError) note_error = NULL;
  g_autoptr(GDateTime) started = NULL;
  guint workflow_position = adw_combo_row_get_selected (self->workflow_row);
  guint tool_position = adw_combo_row_get_selected (self->tool_row);
  const char *time_text = gtk_editable_get_text (GTK_EDITABLE (self->time_row));
  const char *duration_text = gtk_editable_get_text (GTK_EDITABLE (self->duration_row));
  gboolean valid = TRUE;
  int minute_of_day = 0;
  gint64 duration = 0;

  fields->mode = selected_mode (self);
  fields->used = used_by_position[MIN (adw_combo_row_get_selected (self->used_row), 2)];
  fields->corrections = gtk_spin_button_get_value_as_int (self->corrections_spin);

  if (workflow_position < self->workflow_ids->len)
    fields->workflow_id = g_strdup (g_ptr_array_index (self->workflow_ids, workflow_position));

  /* Tool */
  gtk_widget_set_visible (GTK_WIDGET (self->tool_row), fields->mode == YS_MODE_WITH_AI);
  gtk_widget_set_visible (GTK_WIDGET (self->new_tool_row),
                          fields->mode == YS_MODE_WITH_AI && is_new_tool_selected (self));
  if (fields->mode == YS_MODE_WITH_AI)
    {
      if (is_new_tool_selected (self))
        {
          *new_tool_name = ys_form_new_tool_name (GTK_WIDGET (self->new_tool_row), self->tool_error);
          valid &= *new_tool_name != NULL;
          /* A placeholder id; the real one exists once the tool is added. */
          fields->tool_id = g_strdup ("new");
        }
      else if (tool_position < self->tool_ids->len)
        fields->tool_id = g_strdup (g_ptr_array_index (self->tool_ids, tool_position));
      else
        valid = FALSE;
    }
  if (fields->mode != YS_MODE_WITH_AI || !is_new_tool_selected (self))
    ys_form_show_error (GTK_WIDGET (self->new_tool_row), self->tool_error, NULL);

  /* Time: the start time of day, then the duration. */
  if (!ys_clock_time_parse (time_text, &minute_of_day, &time_error))
    {
      valid = FALSE;
      if (!self->time_touched && *time_text == '\0')
        g_clear_error (&time_error);
    }
  ys_form_show_error (GTK_WIDGET (self->time_row), self->time_error,
                      time_error ? time_error->message : NULL);

  if (time_error == NULL)
    {
      g_autoptr(GError) duration_error = NULL;

      if (ys_duration_parse (duration_text, &duration, &duration_error))
        {
          g_autofree char *normalised = ys_duration_format (duration);
          gtk_label_set_label (self->duration_normalised, normalised);
        }
      else
        {
          valid = FALSE;
          gtk_label_set_label (self->duration_normalised, "");
          if (!self->duration_touched && *duration_text == '\0')
            g_clear_error (&duration_error);
        }
      ys_form_show_error (GTK_WIDGET (self->duration_row), self->time_error,
                          duration_error ? duration_error->message : NULL);
    }

  started = g_date_time_new_local (g_date_get_year (&self->date), g_date_get_month (&self->date),
                                   g_date_get_day (&self->date), minute_of_day / 60,
                                   minute_of_day % 60, 0);
  fields->started_at = started ? g_date_time_to_unix (started) : 0;
  fields->duration_seconds = duration;

  /* Outcome */
  fields->note = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->note_row)));
  if (!ys_validate_text (fields->note, &note_error))
    valid = FALSE;
  ys_form_show_error (GTK_WIDGET (self->note_row), self->note_error,
                      note_error ? note_error->message : NULL);

  /* Whatever the fields allow, the core's rules have the last word. */
  return valid && ys_run_fields_validate (fields, NULL);
}

static const char *
selected_tool_name (YsRunDialog *self,
                    const char  *new_tool_name)
{
  GtkStringObject *item;

  if (new_tool_name != NULL)
    return new_tool_name;
  item = adw_combo_row_get_selected_item (self->tool_row);
  return item ? gtk_string_object_get_string (item) : NULL;
}

/* After a new run with AI: "Does <tool> save you time on <workflow>?", at
 * most once per tool and workflow in the feedback interval, never required. */
static void
update_feedback_question (YsRunDialog       *self,
                          const YsRunFields *fields,
                          const char        *new_tool_name)
{
  g_autofree char *question = NULL;
  g_autoptr(YsWorkflow) workflow = NULL;
  const char *tool_name = selected_tool_name (self, new_tool_name);
  gboolean ask = FALSE;
  GDate today;

  if (self->run == NULL && fields->mode == YS_MODE_WITH_AI && fields->workflow_id != NULL &&
      fields->tool_id != NULL && tool_name != NULL && *tool_name != '\0')
    {
      ys_clock_get_today (ys_store_get_clock (self->store), &today);
      ask = new_tool_name != NULL ||
            ys_store_should_ask_feedback (self->store, fields->workflow_id, fields->tool_id,
                                          self->feedback_interval_days, &today, NULL);
      workflow = ys_store_get_workflow (self->store, fields->workflow_id);
    }

  if (ask && workflow != NULL)
    {
      /* TRANSLATORS: the tool-specific feedback question, e.g.
       * "Does ChatGPT save you time on Policy brief draft?" */
      question = g_strdup_printf (_("Does %s save you time on %s?"), tool_name,
                                  ys_workflow_get_name (workflow));
      gtk_label_set_label (self->feedback_question, question);
    }
  gtk_widget_set_visible (self->feedback_group, ask && workflow != NULL);
}

/* A run logged by hand is saved as chosen: on a fair test, say so before
 * it is saved, and where the drawn runs come from. */
static void
update_fair_test_note (YsRunDialog       *self,
                       const YsRunFields *fields)
{
  g_autoptr(YsWorkflow) workflow = NULL;
  const char *note = NULL;

  if (self->run == NULL && self->timer == NULL && fields->workflow_id != NULL)
    workflow = ys_store_get_workflow (self->store, fields->workflow_id);
  if (workflow != NULL && ys_workflow_get_fair_test (workflow))
    note = _("Runs logged by hand are not part of the fair test. To have Yardstick draw, press "
             "Start instead.");
  adw_preferences_group_set_description (self->run_group, note);
}

static void
on_changed (YsRunDialog *self,
            GtkWidget   *sender)
{
  YsRunFields fields = { 0 };
  g_autofree char *new_tool_name = NULL;
  gboolean valid;

  if (sender == GTK_WIDGET (self->duration_row))
    self->duration_touched = TRUE;
  if (sender == GTK_WIDGET (self->time_row))
    self->time_touched = TRUE;

  valid = read_form (self, &fields, &new_tool_name);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.save", valid);
  update_feedback_question (self, &fields, new_tool_name);
  update_fair_test_note (self, &fields);
  ys_run_fields_clear (&fields);
}

static void
on_selected (YsRunDialog *self,
             GParamSpec  *pspec,
             GtkWidget   *sender)
{
  on_changed (self, sender);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  YsRunDialog *self = YS_RUN_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *new_tool_name = NULL;
  g_autofree char *saved_id = NULL;
  YsRunFields fields = { 0 };
  int saves_time = -1;

  if (!read_form (self, &fields, &new_tool_name))
    {
      ys_run_fields_clear (&fields);
      return;
    }

  if (gtk_widget_get_visible (self->feedback_group) &&
      !gtk_toggle_button_get_active (self->feedback_skip))
    saves_time = gtk_toggle_button_get_active (self->feedback_yes);

  /* The store saves the run, a tool typed in and the answer in one go. */
  if (self->timer != NULL)
    {
      YsRunOutcome outcome = { fields.duration_seconds, fields.corrections, fields.used,
                               fields.note };
      g_autoptr(YsRun) run = ys_store_finish_timer (self->store,
                                                    ys_timer_get_workflow_id (self->timer),
                                                    &outcome, saves_time, &error);

      saved_id = run ? g_strdup (ys_run_get_id (run)) : NULL;
    }
  else
    saved_id = ys_store_save_run (self->store, self->run ? ys_run_get_id (self->run) : NULL,
                                  &fields, new_tool_name, saves_time, &error);

  if (saved_id == NULL)
    {
      /* The store refused (a name taken, a workflow archived meanwhile):
       * say so where the form shows problems and keep what was typed. */
      ys_form_show_error (GTK_WIDGET (new_tool_name ? self->new_tool_row : self->duration_row),
                          new_tool_name ? self->tool_error : self->time_error, error->message);
      ys_run_fields_clear (&fields);
      return;
    }

  g_signal_emit (self, signals[SAVED], 0, saved_id);
  ys_run_fields_clear (&fields);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  YsRunDialog *self = YS_RUN_DIALOG (widget);
  GtkWidget *parent = GTK_WIDGET (gtk_window_get_transient_for (GTK_WINDOW (self)));

  /* The window's own delete gives the undo toast. */
  if (self->run != NULL && parent != NULL)
    gtk_widget_activate_action (parent, "win.delete-run", "s", ys_run_get_id (self->run));
  gtk_window_destroy (GTK_WINDOW (self));
}

/* Setting up ---------------------------------------------------------------- */

static void
fill_workflows (YsRunDialog *self,
                const char  *workflow_id)
{
  GListModel *workflows = ys_store_get_workflows (self->store);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint selected = 0;

  for (guint i = 0; i < g_list_model_get_n_items (workflows); i++)
    {
      g_autoptr(YsWorkflow) workflow = g_list_model_get_item (workflows, i);
      const char *id = ys_workflow_get_id (workflow);

      /* New runs only go to active workflows; an old run keeps its own. */
      if (ys_workflow_get_archived (workflow) && g_strcmp0 (id, workflow_id) != 0)
        continue;
      if (g_strcmp0 (id, workflow_id) == 0)
        selected = self->workflow_ids->len;
      g_ptr_array_add (self->workflow_ids, g_strdup (id));
      gtk_string_list_append (names, ys_workflow_get_name (workflow));
    }

  adw_combo_row_set_model (self->workflow_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->workflow_row, selected);
}

static void
fill_tools (YsRunDialog *self,
            const char  *tool_id,
            const char  *tool_name)
{
  guint selected;
  g_autoptr(GtkStringList) names = ys_form_tool_choices (self->store, tool_id, tool_name,
                                                         self->tool_ids, &selected);

  adw_combo_row_set_model (self->tool_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->tool_row, selected);
}

static void
ys_run_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), YS_TYPE_RUN_DIALOG);

  G_OBJECT_CLASS (ys_run_dialog_parent_class)->dispose (object);
}

static void
ys_run_dialog_finalize (GObject *object)
{
  YsRunDialog *self = (YsRunDialog *) object;

  g_clear_object (&self->store);
  g_clear_object (&self->run);
  g_clear_object (&self->timer);
  g_clear_pointer (&self->workflow_ids, g_ptr_array_unref);
  g_clear_pointer (&self->tool_ids, g_ptr_array_unref);

  G_OBJECT_CLASS (ys_run_dialog_parent_class)->finalize (object);
}

static void
ys_run_dialog_class_init (YsRunDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ys_run_dialog_dispose;
  object_class->finalize = ys_run_dialog_finalize;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ys-run-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, YsRunDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, YsRunDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, YsRunDialog, run_group);
  gtk_widget_class_bind_template_child (widget_class, YsRunDialog, workflow_row);
  gtk_widget_class_bind_template_child (widget_class, YsRunDialog, mode_row);
  gtk_widget_class_bind_template_child (widget_class, YsRunDialog, tool_row);
  gtk_widget_class_bind_template_child (widget_class, YsRunDialog, new_tool_row);
  gtk_widget_class_bind_template_child (widget_class, YsRunDialog, tool_error);
  gtk_widget_class_bind_template_child (widget_class, YsRunDialog, date_button);
  gtk_widget_class_bind_template_child (widget_class, YsRunDialog, calendar);
  gtk_widget_class_bind_template_child (widget_class, YsRunDialog, time_row);
  gtk_widget_class_bind_template_child (widget_class, YsRunDialog, duration_row);
  gtk_widget_class_bind_template_child (widget_class, YsRunDialog, duration_normalised);
  gtk_widget_class_bind_template_child (widget_class, YsRunDialog, time_error);
  gtk_widget_class_bind_template_child (widget_class, YsRunDialog, corrections_spin);
  gtk_widget_class_bind_template_child (widget_class, YsRunDialog, used_row);
  gtk_widget_class_bind_template_child (widget_class, YsRunDialog, note_row);
  gtk_widget_class_bind_template_child (widget_class, YsRunDialog, note_error);
  gtk_widget_class_bind_template_child (widget_class, YsRunDialog, delete_group);
  gtk_widget_class_bind_template_child (widget_class, YsRunDialog, long_timer_group);
  gtk_widget_class_bind_template_child (widget_class, YsRunDialog, long_timer_label);
  gtk_widget_class_bind_template_child (widget_class, YsRunDialog, feedback_group);
  gtk_widget_class_bind_template_child (widget_class, YsRunDialog, feedback_question);
  gtk_widget_class_bind_template_child (widget_class, YsRunDialog, feedback_yes);
  gtk_widget_class_bind_template_child (widget_class, YsRunDialog, feedback_skip);
  gtk_widget_class_bind_template_callback (widget_class, on_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_day_selected);

  gtk_widget_class_install_action (widget_class, "dialog.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "dialog.delete", NULL, delete_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "dialog.save", NULL);
}

static void
ys_run_dialog_init (YsRunDialog *self)
{
  self->workflow_ids = g_ptr_array_new_with_free_func (g_free);
  self->tool_ids = g_ptr_array_new_with_free_func (g_free);
  self->feedback_interval_days = 14;
  {
    GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
    g_autoptr(GSettingsSchema) schema = source ? g_settings_schema_source_lookup (source, APP_ID, TRUE)
                                               : NULL;
    if (schema != NULL)
      {
        g_autoptr(GSettings) settings = g_settings_new (APP_ID);
        self->feedback_interval_days = g_settings_get_int (settings, "feedback-interval-days");
      }
  }
  /* The form is read as soon as the template sets its first value, so the
   * date must be valid before ys_run_dialog_new() sets the store clock's. */
  g_date_clear (&self->date, 1);
  g_date_set_dmy (&self->date, 1, G_DATE_JANUARY, 2000);

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Return saves from any field, as the shortcuts window says. GTK 4.8's
   * spin button has no activates-default of its own; its text field does. */
  gtk_window_set_default_widget (GTK_WINDOW (self), self->save_button);
  gtk_text_set_activates_default (GTK_TEXT (gtk_editable_get_delegate (GTK_EDITABLE (self->corrections_spin))),
                                  TRUE);
}

GtkWidget *
ys_run_dialog_new (GtkWindow  *parent,
                   YsStore    *store,
                   const char *workflow_id,
                   YsRun      *run)
{
  YsRunDialog *self;
  g_autoptr(GDateTime) started = NULL;
  g_autofree char *time_text = NULL;
  g_autofree char *last_tool = NULL;
  const YsRunFields *fields = run ? ys_run_get_fields (run) : NULL;

  g_return_val_if_fail (YS_IS_STORE (store), NULL);

  self = g_object_new (YS_TYPE_RUN_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->run = run ? g_object_ref (run) : NULL;

  if (fields != NULL)
    workflow_id = fields->workflow_id;
  fill_workflows (self, workflow_id);

  if (fields != NULL)
    {
      g_autofree char *duration = ys_duration_format (fields->duration_seconds);

      fill_tools (self, fields->tool_id, ys_run_get_tool_name (run));
      adw_combo_row_set_selected (self->mode_row, fields->mode == YS_MODE_WITH_AI);
      started = g_date_time_new_from_unix_local (fields->started_at);
      gtk_editable_set_text (GTK_EDITABLE (self->duration_row), duration);
      gtk_spin_button_set_value (self->corrections_spin, fields->corrections);
      adw_combo_row_set_selected (self->used_row,
                                  fields->used == YS_USED_YES ? 1 :
                                  fields->used == YS_USED_NO ? 2 : 0);
      gtk_editable_set_text (GTK_EDITABLE (self->note_row), fields->note ? fields->note : "");
      ys_form_set_title (GTK_WINDOW (self), GTK_WIDGET (self->window_title), _("Edit Run"));
      gtk_widget_set_visible (self->delete_group, TRUE);
    }
  else
    {
      /* The last tool used on this workflow is the likeliest next one; a
       * workflow that has had runs with AI probably has another. */
      g_autofree char *default_tool = NULL;

      last_tool = workflow_id ? ys_store_get_last_tool_id (store, workflow_id, NULL) : NULL;
      if (last_tool == NULL)
        default_tool = ys_form_default_tool_id ();
      fill_tools (self, last_tool != NULL ? last_tool : default_tool, NULL);
      if (last_tool != NULL)
        adw_combo_row_set_selected (self->mode_row, 1);
      started = g_date_time_new_from_unix_local (ys_store_now (store) / G_USEC_PER_SEC);
      ys_form_set_title (GTK_WINDOW (self), GTK_WIDGET (self->window_title), _("Log Run"));
    }

  g_date_set_dmy (&self->date, g_date_time_get_day_of_month (started),
                  g_date_time_get_month (started), g_date_time_get_year (started));
  gtk_calendar_select_day (self->calendar, started);
  update_date_label (self);
  time_text = g_date_time_format (started, "%H:%M");
  gtk_editable_set_text (GTK_EDITABLE (self->time_row), time_text);

  self->duration_touched = self->time_touched = FALSE;
  on_changed (self, NULL);
  gtk_widget_grab_focus (GTK_WIDGET (self->duration_row));

  return GTK_WIDGET (self);
}

GtkWidget *
ys_run_dialog_new_for_timer (GtkWindow *parent,
                             YsStore   *store,
                             YsTimer   *timer)
{
  YsRunDialog *self;
  gint64 seconds;
  g_autoptr(GDateTime) started = NULL;
  g_autofree char *duration = NULL;
  g_autofree char *time_text = NULL;

  g_return_val_if_fail (YS_IS_TIMER (timer), NULL);

  self = YS_RUN_DIALOG (ys_run_dialog_new (parent, store, ys_timer_get_workflow_id (timer), NULL));
  self->timer = g_object_ref (timer);
  ys_form_set_title (GTK_WINDOW (self), GTK_WIDGET (self->window_title), _("Finish Run"));

  /* The timer knows the workflow, mode, tool and start, and the store saves
   * those: the person gives the outcome, and may correct the duration. */
  adw_combo_row_set_selected (self->mode_row, ys_timer_get_mode (timer) == YS_MODE_WITH_AI);
  if (ys_timer_get_tool_id (timer) != NULL)
    for (guint i = 0; i < self->tool_ids->len; i++)
      if (g_strcmp0 (g_ptr_array_index (self->tool_ids, i), ys_timer_get_tool_id (timer)) == 0)
        adw_combo_row_set_selected (self->tool_row, i);

  started = g_date_time_new_from_unix_local (ys_timer_get_started_at (timer) / G_USEC_PER_SEC);
  g_date_set_dmy (&self->date, g_date_time_get_day_of_month (started),
                  g_date_time_get_month (started), g_date_time_get_year (started));
  gtk_calendar_select_day (self->calendar, started);
  update_date_label (self);
  time_text = g_date_time_format (started, "%H:%M");
  gtk_editable_set_text (GTK_EDITABLE (self->time_row), time_text);
  gtk_widget_set_sensitive (GTK_WIDGET (self->workflow_row), FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->mode_row), FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->tool_row), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->new_tool_row), FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->date_button), FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->time_row), FALSE);

  seconds = MAX (1, ys_timer_get_elapsed_seconds (timer, ys_store_now (store)));
  duration = ys_duration_format (MIN (seconds, YS_LIMITS_MAX_DURATION));
  gtk_editable_set_text (GTK_EDITABLE (self->duration_row), duration);

  if (seconds > YS_TIMER_LONG_SECONDS)
    {
      g_autofree char *long_text = ys_duration_format (seconds);
      g_autofree char *warning =
        g_strdup_printf (_("This timer ran for %s. If it was left running by mistake, "
                           "correct the duration before saving."), long_text);

      gtk_label_set_label (self->long_timer_label, warning);
      gtk_widget_set_visible (self->long_timer_group, TRUE);
    }

  self->duration_touched = self->time_touched = FALSE;
  on_changed (self, NULL);
  return GTK_WIDGET (self);
}
