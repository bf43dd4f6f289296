/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "yardstick"

#include "config.h"

#include <glib/gi18n.h>

#include "ys-csv.h"
#include "ys-report-pdf.h"
#include "ys-report-view.h"
#include "ys-wording.h"

/* The quarterly review is saved this long after the last keystroke, and at
 * once when the quarter changes or the view goes away: nothing typed is lost. */
#define AUTOSAVE_DELAY_MS 800

struct _YsReportView
{
  GtkWidget parent_instance;

  YsStore *store;
  GSettings *settings;
  char *quarter;
  GPtrArray *quarters;
  guint save_id;
  gboolean loading;
  gboolean edited;   /* since the review was loaded or last saved */

  GtkDropDown *quarter_dropdown;
  GtkLabel *saved_label;
  GtkLabel *preview_label;
  GtkLabel *costs_label;
  GtkCheckButton *coverage_known;
  GtkSpinButton *coverage_spin;
  GtkWidget *answers_box;
  GtkTextView *answers[3];
};

G_DEFINE_FINAL_TYPE (YsReportView, ys_report_view, GTK_TYPE_WIDGET)

static void
add_toast (YsReportView *self,
           const char   *title)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (title));
}

static char *
answer_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
quarter_dates (const char *quarter,
               GDate      *from,
               GDate      *to)
{
  ys_stats_parse_quarter (quarter, from, to, NULL);
}

static YsReport *
build_report (YsReportView  *self,
              GError       **error)
{
  g_auto(YsReportOptions) options = { 0 };
  GDate from, to, today;

  ys_report_options_load (&options, self->settings);
  quarter_dates (self->quarter, &from, &to);
  ys_clock_get_today (ys_store_get_clock (self->store), &today);
  return ys_report_build (self->store, &from, &to, &today, &options, error);
}

static void
update_preview (YsReportView *self)
{
  g_autoptr(YsReport) report = NULL;
  g_autofree char *text = NULL;
  g_autofree char *costs = NULL;

  if (self->quarter == NULL)
    return;
  report = build_report (self, NULL);
  if (report == NULL)
    return;
  text = ys_report_to_plain_text (report);
  gtk_label_set_label (self->preview_label, g_strstrip (text));
  costs = ys_report_costs_text (report->costs, TRUE);
  gtk_label_set_label (self->costs_label, costs);
}

/* Saving ------------------------------------------------------------------------ */

static gboolean
save_now (YsReportView *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *working = NULL;
  g_autofree char *not_working = NULL;
  g_autofree char *more_rework = NULL;
  YsReview review = { 0 };

  g_clear_handle_id (&self->save_id, g_source_remove);
  /* Exports and Copy Summary save first; with nothing typed there is
   * nothing to save, and "Review saved" would claim otherwise. */
  if (self->quarter == NULL || !self->edited)
    return TRUE;

  working = answer_text (self->answers[0]);
  not_working = answer_text (self->answers[1]);
  more_rework = answer_text (self->answers[2]);
  review.quarter = self->quarter;
  review.coverage_percent = gtk_check_button_get_active (self->coverage_known)
    ? gtk_spin_button_get_value_as_int (self->coverage_spin) : -1;
  review.working = working;
  review.not_working = not_working;
  review.more_rework = more_rework;

  if (!ys_store_save_review (self->store, &review, &error))
    {
      gtk_label_set_label (self->saved_label, error->message);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->saved_label), error->message);
      return FALSE;
    }

  self->edited = FALSE;
  gtk_label_set_label (self->saved_label, _("Review saved"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->saved_label), NULL);
  return TRUE;
}

static gboolean
save_timeout (gpointer user_data)
{
  YsReportView *self = user_data;

  self->save_id = 0;
  save_now (self);
  return G_SOURCE_REMOVE;
}

static void
on_form_changed (YsReportView *self)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->coverage_spin),
                            gtk_check_button_get_active (self->coverage_known));
  if (self->loading)
    return;

  self->edited = TRUE;
  gtk_label_set_label (self->saved_label, _("Saving…"));
  g_clear_handle_id (&self->save_id, g_source_remove);
  self->save_id = g_timeout_add (AUTOSAVE_DELAY_MS, save_timeout, self);
}

/* Coverage reads "60%", in the locale's way of writing a percentage. */
static gboolean
on_coverage_output (YsReportView  *self,
                    GtkSpinButton *spin)
{
  g_autofree char *text = ys_wording_percent (gtk_spin_button_get_value (spin) / 100);

  if (g_strcmp0 (text, gtk_editable_get_text (GTK_EDITABLE (spin))) != 0)
    gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

static const char *
skip_spaces (const char *text)
{
  /* Translations may write a no-break space before the sign. */
  while (*text != '\0' && g_unichar_isspace (g_utf8_get_char (text)))
    text = g_utf8_next_char (text);
  return text;
}

/* "75", "75%" or "75 %": the number, with or without its sign. */
static int
on_coverage_input (YsReportView  *self,
                   double        *value,
                   GtkSpinButton *spin)
{
  const char *text = skip_spaces (gtk_editable_get_text (GTK_EDITABLE (spin)));
  char *end = NULL;
  gint64 number;

  if (!g_ascii_isdigit (*text))
    return GTK_INPUT_ERROR;
  number = g_ascii_strtoll (text, &end, 10);
  text = skip_spaces (end);
  if (*text == '%')
    text = skip_spaces (text + 1);
  if (*text != '\0')
    return GTK_INPUT_ERROR;

  *value = CLAMP (number, 0, 100);
  return TRUE;
}

static void
load_review (YsReportView *self)
{
  g_autoptr(GError) error = NULL;
  YsReview review;
  const char *texts[3];

  /* A review that cannot be read is never shown empty, where typing would
   * save over it: the answers wait until it can be read. */
  self->loading = TRUE;
  if (!ys_store_get_review (self->store, self->quarter, &review, &error))
    {
      ys_review_clear (&review);
      for (int i = 0; i < 3; i++)
        gtk_widget_set_sensitive (GTK_WIDGET (self->answers[i]), FALSE);
      gtk_label_set_label (self->saved_label, error->message);
      self->loading = FALSE;
      return;
    }
  for (int i = 0; i < 3; i++)
    gtk_widget_set_sensitive (GTK_WIDGET (self->answers[i]), TRUE);
  gtk_check_button_set_active (self->coverage_known, review.coverage_percent >= 0);
  gtk_spin_button_set_value (self->coverage_spin, MAX (review.coverage_percent, 0));
  gtk_widget_set_sensitive (GTK_WIDGET (self->coverage_spin), review.coverage_percent >= 0);
  texts[0] = review.working;
  texts[1] = review.not_working;
  texts[2] = review.more_rework;
  for (int i = 0; i < 3; i++)
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->answers[i]), texts[i], -1);
  gtk_label_set_label (self->saved_label, "");
  ys_review_clear (&review);
  self->edited = FALSE;
  self->loading = FALSE;
}

static void
on_quarter_changed (YsReportView *self)
{
  guint selected = gtk_drop_down_get_selected (self->quarter_dropdown);

  if (self->quarters == NULL || selected >= self->quarters->len)
    return;

  /* What was typed for the previous quarter is saved first. */
  if (self->save_id != 0)
    save_now (self);

  g_free (self->quarter);
  self->quarter = g_strdup (g_ptr_array_index (self->quarters, selected));
  load_review (self);
  update_preview (self);
}

/* Quarters from the first run's to this one, newest first. */
static void
fill_quarters (YsReportView *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_from_unix_local (ys_store_now (self->store) /
                                                              G_USEC_PER_SEC);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  int year = g_date_time_get_year (now);
  int quarter = (g_date_time_get_month (now) - 1) / 3 + 1;
  int first_year = year, first_quarter = quarter;
  GDate first, last;
  gboolean any_runs = FALSE;

  g_date_clear (&first, 1);
  g_date_clear (&last, 1);
  ys_stats_history_bounds (self->store, &first, &last, &any_runs, NULL);
  if (any_runs)
    {
      int earliest_year = g_date_get_year (&first);
      int earliest_quarter = (int) (g_date_get_month (&first) - 1) / 3 + 1;

      first_year = MIN (year, earliest_year);
      first_quarter = earliest_year < year ? earliest_quarter : MIN (quarter, earliest_quarter);
      /* A database from the future (the demo, say) still shows its quarters. */
      if (g_date_get_year (&last) > year ||
          (g_date_get_year (&last) == year && (int) (g_date_get_month (&last) - 1) / 3 + 1 > quarter))
        {
          year = g_date_get_year (&last);
          quarter = (g_date_get_month (&last) - 1) / 3 + 1;
        }
    }

  g_clear_pointer (&self->quarters, g_ptr_array_unref);
  self->quarters = g_ptr_array_new_with_free_func (g_free);
  while (year > first_year || (year == first_year && quarter >= first_quarter))
    {
      g_autofree char *label = NULL;
      char *id = g_strdup_printf ("%04d-Q%d", year, quarter);
      GDate from, to;
      char a[32], b[32];

      quarter_dates (id, &from, &to);
      /* A quarter never spans two years, so the year is said once: this keeps
       * the picker narrow enough for 360 px. */
      g_date_strftime (a, sizeof a, "%b", &from);
      g_date_strftime (b, sizeof b, _("%b %Y"), &to);
      /* TRANSLATORS: a quarter in the picker, e.g. "2026-Q3 (Jul – Sep 2026)" */
      label = g_strdup_printf (_("%s (%s – %s)"), id, a, b);
      g_ptr_array_add (self->quarters, id);
      gtk_string_list_append (names, label);

      if (--quarter == 0)
        {
          quarter = 4;
          year--;
        }
    }

  gtk_drop_down_set_model (self->quarter_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->quarter_dropdown, 0);
  on_quarter_changed (self);
}

/* Exports ----------------------------------------------------------------------- */

static void
on_save_response (GtkNativeDialog *dialog,
                  int              response,
                  YsReportView    *self)
{
  const char *kind = g_object_get_data (G_OBJECT (dialog), "kind");

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);
      g_autofree char *name = g_file_get_basename (file);
      g_autoptr(GError) error = NULL;
      gboolean ok;

      save_now (self);
      if (g_str_equal (kind, "csv"))
        {
          GDate from, to;

          quarter_dates (self->quarter, &from, &to);
          ok = ys_csv_export_file (self->store, &from, &to, path, &error);
        }
      else if (g_str_equal (kind, "figures"))
        {
          /* The report's own figures, over the report's period. */
          g_autoptr(YsReport) report = build_report (self, &error);
          ok = report != NULL && ys_csv_export_figures_file (report->summary, path, &error);
        }
      else
        {
          g_autoptr(YsReport) report = build_report (self, &error);
          ok = report != NULL &&
               (g_str_equal (kind, "pdf") ? ys_report_write_pdf (report, path, &error)
                                          : ys_report_write_file (report, path, &error));
        }

      if (ok)
        {
          g_autofree char *title = g_strdup_printf (_("Saved %s"), name);
          add_toast (self, title);
        }
      else
        {
          GtkWidget *message = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                                       _("The File Could Not Be Saved"),
                                                       error->message);
          adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (message), "close", _("_Close"));
          gtk_window_present (GTK_WINDOW (message));
        }
    }
  g_object_unref (dialog);
}

static void
choose_file (YsReportView *self,
             const char   *kind,
             const char   *title,
             const char   *extension)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileChooserNative *chooser;
  g_autofree char *name = NULL;

  chooser = gtk_file_chooser_native_new (title, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), NULL);
  /* TRANSLATORS: default file name of the report, %s is the quarter, e.g. 2026-Q3 */
  name = g_strdup_printf (g_str_equal (kind, "csv") ? _("yardstick-runs-%s.%s")
                         : g_str_equal (kind, "figures") ? _("yardstick-figures-%s.%s")
                         : _("yardstick-report-%s.%s"),
                          self->quarter, extension);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_object_set_data (G_OBJECT (chooser), "kind", (gpointer) kind);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_save_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
export_pdf_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  choose_file (YS_REPORT_VIEW (widget), "pdf", _("Save Report as PDF"), "pdf");
}

static void
export_markdown_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  choose_file (YS_REPORT_VIEW (widget), "md", _("Save Report as Markdown"), "md");
}

static void
export_csv_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  choose_file (YS_REPORT_VIEW (widget), "csv", _("Export Runs as CSV"), "csv");
}

static void
export_figures_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  choose_file (YS_REPORT_VIEW (widget), "figures", _("Export Figures as CSV"), "csv");
}

static void
copy_summary_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  YsReportView *self = YS_REPORT_VIEW (widget);
  g_autoptr(YsReport) report = NULL;
  g_autofree char *text = NULL;

  save_now (self);
  report = build_report (self, NULL);
  if (report == NULL)
    return;
  text = ys_report_to_plain_text (report);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text);
  add_toast (self, _("Summary copied"));
}

/* GObject ------------------------------------------------------------------------ */

static void
on_store_changed (YsReportView *self,
                  guint         changes,
                  YsStore      *store)
{
  if ((changes & ~YS_STORE_CHANGE_REVIEWS) && gtk_widget_get_mapped (GTK_WIDGET (self)))
    update_preview (self);
  /* A review that could not be read is read again. */
  if ((changes & YS_STORE_CHANGE_REVIEWS) && self->quarter != NULL &&
      !gtk_widget_get_sensitive (GTK_WIDGET (self->answers[0])))
    load_review (self);
}

static void
on_settings_changed (YsReportView *self,
                     const char   *key)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    update_preview (self);
}

static void
ys_report_view_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (ys_report_view_parent_class)->map (widget);
  fill_quarters (YS_REPORT_VIEW (widget));
}

static void
ys_report_view_unmap (GtkWidget *widget)
{
  YsReportView *self = YS_REPORT_VIEW (widget);

  if (self->save_id != 0)
    save_now (self);
  GTK_WIDGET_CLASS (ys_report_view_parent_class)->unmap (widget);
}

static void
ys_report_view_dispose (GObject *object)
{
  YsReportView *self = (YsReportView *) object;
  GtkWidget *child;

  if (self->save_id != 0)
    save_now (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), YS_TYPE_REPORT_VIEW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (ys_report_view_parent_class)->dispose (object);
}

static void
ys_report_view_finalize (GObject *object)
{
  YsReportView *self = (YsReportView *) object;

  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->quarter, g_free);
  g_clear_pointer (&self->quarters, g_ptr_array_unref);

  G_OBJECT_CLASS (ys_report_view_parent_class)->finalize (object);
}

static void
ys_report_view_class_init (YsReportViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ys_report_view_dispose;
  object_class->finalize = ys_report_view_finalize;
  widget_class->map = ys_report_view_map;
  widget_class->unmap = ys_report_view_unmap;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ys-report-view.ui");
  gtk_widget_class_bind_template_child (widget_class, YsReportView, quarter_dropdown);
  gtk_widget_class_bind_template_child (widget_class, YsReportView, saved_label);
  gtk_widget_class_bind_template_child (widget_class, YsReportView, preview_label);
  gtk_widget_class_bind_template_child (widget_class, YsReportView, costs_label);
  gtk_widget_class_bind_template_child (widget_class, YsReportView, coverage_known);
  gtk_widget_class_bind_template_child (widget_class, YsReportView, coverage_spin);
  gtk_widget_class_bind_template_child (widget_class, YsReportView, answers_box);
  gtk_widget_class_bind_template_callback (widget_class, on_form_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_quarter_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_coverage_input);
  gtk_widget_class_bind_template_callback (widget_class, on_coverage_output);

  gtk_widget_class_install_action (widget_class, "report.export-pdf", NULL, export_pdf_action);
  gtk_widget_class_install_action (widget_class, "report.export-markdown", NULL,
                                   export_markdown_action);
  gtk_widget_class_install_action (widget_class, "report.export-csv", NULL, export_csv_action);
  gtk_widget_class_install_action (widget_class, "report.export-figures", NULL,
                                   export_figures_action);
  gtk_widget_class_install_action (widget_class, "report.copy-summary", NULL, copy_summary_action);
}

static void
ys_report_view_init (YsReportView *self)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  for (int i = 0; i < 3; i++)
    {
      GtkWidget *label = gtk_label_new (ys_report_review_question (i));
      GtkWidget *frame = gtk_frame_new (NULL);
      GtkWidget *view = gtk_text_view_new ();

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_widget_add_css_class (label, "heading");
      gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
      gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
      gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 8);
      gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 8);
      gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 10);
      gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 10);
      gtk_widget_set_size_request (view, -1, 90);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                      label, NULL, -1);
      gtk_frame_set_child (GTK_FRAME (frame), view);
      gtk_box_append (GTK_BOX (self->answers_box), label);
      gtk_box_append (GTK_BOX (self->answers_box), frame);
      g_signal_connect_object (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), "changed",
                               G_CALLBACK (on_form_changed), self, G_CONNECT_SWAPPED);
      self->answers[i] = GTK_TEXT_VIEW (view);
    }

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema != NULL)
    {
      self->settings = g_settings_new (APP_ID);
      /* The currency, the staff cost and the organisation's name change
       * what the report says. */
      g_signal_connect_object (self->settings, "changed", G_CALLBACK (on_settings_changed), self,
                               G_CONNECT_SWAPPED);
    }
}

GtkWidget *
ys_report_view_new (YsStore *store)
{
  YsReportView *self;

  g_return_val_if_fail (YS_IS_STORE (store), NULL);

  self = g_object_new (YS_TYPE_REPORT_VIEW, NULL);
  self->store = g_object_ref (store);
  g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed), self,
                           G_CONNECT_SWAPPED);
  return GTK_WIDGET (self);
}

const char *
ys_report_view_get_quarter (YsReportView *self)
{
  g_return_val_if_fail (YS_IS_REPORT_VIEW (self), NULL);
  return self->quarter;
}

void
ys_report_view_set_answer (YsReportView *self,
                           guint         question,
                           const char   *text)
{
  g_return_if_fail (YS_IS_REPORT_VIEW (self));
  g_return_if_fail (question < 3);

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->answers[question]), text, -1);
}

gboolean
ys_report_view_flush (YsReportView *self)
{
  g_return_val_if_fail (YS_IS_REPORT_VIEW (self), FALSE);
  return save_now (self);
}
