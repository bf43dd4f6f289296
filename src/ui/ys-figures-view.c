/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "yardstick"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "ys-chart.h"
#include "ys-duration.h"
#include "ys-figures-view.h"
#include "ys-tracker-import.h"
#include "ys-wording.h"

/* Charts show individual runs as faint points only up to this many. */
#define MAX_RUN_POINTS 1500

struct _YsFiguresView
{
  GtkWidget parent_instance;

  YsStore *store;
  char *workflow_id;
  YsPeriod period;
  char *headline;
  char *divergence_text;
  GPtrArray *tool_rows;
  GArray *table_weeks;        /* shown when the table is switched on */
  guint refresh_id;
  /* The figures being read on a worker thread, and which request they
   * answer: an answer to an older one is dropped. */
  GCancellable *cancellable;
  guint generation;
  /* What the figures shown are of. */
  char *shown_workflow_id;
  YsPeriod shown_period;
  /* Figures read before the page's first frame since it was mapped wait
   * for that frame (see on_figures_read). */
  gboolean painted;
  GTask *held;
  guint held_id;
  /* Reads asked for while held wait for ys_figures_view_hold_reads(). */
  gboolean reads_held;
  gboolean read_wanted;
  gboolean reading;           /* as last notified */

  GtkScrolledWindow *scroller;
  GtkDropDown *period_dropdown;
  GtkLabel *period_label;
  GtkLabel *evidence_label;
  GtkLabel *headline_label;
  GtkLabel *imported_label;
  GtkWidget *figures_box;
  GtkWidget *history_button;
  GtkWidget *divergence_box;
  AdwActionRow *corrections_row;
  AdwActionRow *used_row;
  AdwActionRow *saved_row;
  AdwActionRow *fair_row;
  GtkWidget *interval_box;
  AdwPreferencesGroup *tools_group;
  GtkSwitch *table_switch;
  GtkStack *trend_stack;
  GtkWidget *charts_box;
  GtkListBox *table_list;

  YsChart *interval_chart;
  GtkWidget *interval_card;
  char *interval_text;        /* the forest plot in words, for the table too */
  YsChart *time_chart;
  YsChart *corrections_chart;
  YsChart *used_chart;
  YsChart *feedback_chart;
};

G_DEFINE_FINAL_TYPE (YsFiguresView, ys_figures_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_READING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Says when the figures asked for last are shown, or could not be read. */
static void
update_reading (YsFiguresView *self)
{
  gboolean reading = self->cancellable != NULL || self->read_wanted;

  if (reading != self->reading)
    {
      self->reading = reading;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READING]);
    }
}

static void
remove_children (GtkWidget *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (box)) != NULL)
    gtk_widget_unparent (child);
}

static void
fill_tools (YsFiguresView     *self,
            YsWorkflowFigures *w)
{
  guint n = w != NULL ? w->tools->len : 0;

  /* Update rows in place when the tools are the same ones: fewer widgets
   * come and go, which keeps screen readers (and GTK 4.8's bridge) calm. */
  if (n > 0 && n == self->tool_rows->len)
    {
      for (guint i = 0; i < n; i++)
        {
          YsToolFigures *tool = &g_array_index (w->tools, YsToolFigures, i);
          AdwActionRow *row = g_ptr_array_index (self->tool_rows, i);
          g_autofree char *line = ys_wording_tool (tool);

          if (tool->divergent == 1) /* the warning icon is a suffix; rebuild for it */
            goto rebuild;
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), tool->name);
          adw_action_row_set_subtitle (row, line);
        }
      return;
    }

rebuild:
  for (guint i = 0; i < self->tool_rows->len; i++)
    adw_preferences_group_remove (self->tools_group, g_ptr_array_index (self->tool_rows, i));
  g_ptr_array_set_size (self->tool_rows, 0);

  for (guint i = 0; w != NULL && i < w->tools->len; i++)
    {
      YsToolFigures *tool = &g_array_index (w->tools, YsToolFigures, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *line = ys_wording_tool (tool);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), tool->name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), line);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      if (tool->divergent == 1)
        {
          GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

          gtk_widget_set_tooltip_text (icon, _("People’s answers and the clock disagree"));
          gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          _("People’s answers and the clock disagree"), -1);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon);
        }
      adw_preferences_group_add (self->tools_group, row);
      g_ptr_array_add (self->tool_rows, row);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->tools_group), self->tool_rows->len > 0);
}

static void
fill_divergence (YsFiguresView     *self,
                 YsWorkflowFigures *w)
{
  g_autoptr(GString) all = g_string_new (NULL);

  for (guint i = 0; w != NULL && i < w->tools->len; i++)
    {
      g_autofree char *text = ys_wording_divergence (w, &g_array_index (w->tools, YsToolFigures, i));
      if (text != NULL)
        g_string_append_printf (all, "%s\n", text);
    }
  if (g_strcmp0 (all->str, self->divergence_text) == 0)
    return;
  g_free (self->divergence_text);
  self->divergence_text = g_strdup (all->str);

  remove_children (self->divergence_box);

  for (guint i = 0; w != NULL && i < w->tools->len; i++)
    {
      g_autofree char *text = ys_wording_divergence (w, &g_array_index (w->tools, YsToolFigures, i));
      GtkWidget *label;

      if (text == NULL)
        continue;
      label = gtk_label_new (text);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "ys-warning");
      gtk_box_append (GTK_BOX (self->divergence_box), label);
    }

  gtk_widget_set_visible (self->divergence_box,
                          gtk_widget_get_first_child (self->divergence_box) != NULL);
}

static char *
week_text (const GDate *monday)
{
  char text[64];

  g_date_strftime (text, sizeof text, _("Week of %-d %b %Y"), monday);
  return g_strdup (text);
}

static void
fill_table (YsFiguresView *self,
            GArray        *weeks)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->table_list))) != NULL)
    gtk_list_box_remove (self->table_list, child);

  /* The forest plot above, in words, first. */
  if (self->interval_text != NULL)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     _("Time with AI as a share of without"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), self->interval_text);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      gtk_list_box_append (self->table_list, row);
    }

  for (guint i = weeks->len; i > 0; i--)
    {
      const YsWeek *week = &g_array_index (weeks, YsWeek, i - 1);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title = week_text (&week->monday);
      g_autofree char *without_ai = ys_wording_week (week, YS_MODE_WITHOUT_AI);
      g_autofree char *with_ai = ys_wording_week (week, YS_MODE_WITH_AI);
      GString *subtitle = g_string_new (NULL);

      if (*without_ai)
        g_string_append_printf (subtitle, _("Without AI: %s"), without_ai);
      if (*with_ai)
        {
          if (subtitle->len > 0)
            g_string_append_c (subtitle, '\n');
          g_string_append_printf (subtitle, _("With AI: %s"), with_ai);
        }

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      gtk_list_box_append (self->table_list, row);
      g_string_free (subtitle, TRUE);
    }

  if (weeks->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No runs in this period"));
      gtk_list_box_append (self->table_list, row);
    }
}

static const char *mode_labels[] = { N_("Without AI"), N_("With AI") };

static YsChartStyle
mode_style (YsMode mode)
{
  return mode == YS_MODE_WITH_AI ? YS_CHART_STYLE_SOLID_CIRCLES : YS_CHART_STYLE_DASHED_SQUARES;
}

static void
fill_medians (YsChart *chart,
              GArray  *weeks)
{
  g_autofree double *x = g_new (double, MAX (weeks->len, 1));
  g_autofree double *y = g_new (double, MAX (weeks->len, 1));

  for (int mode = 0; mode < 2; mode++)
    {
      guint n = 0;

      for (guint i = 0; i < weeks->len; i++)
        {
          const YsWeek *week = &g_array_index (weeks, YsWeek, i);

          if (week->runs[mode] == 0)
            continue;
          x[n] = g_date_get_julian (&week->monday);
          y[n] = week->median_seconds[mode];
          n++;
        }
      if (n > 0)
        ys_chart_add_series (chart, _(mode_labels[mode]), mode_style (mode), x, y, n);
    }
}

/* Weekly shares with their counts: @used picks outputs used of those known,
 * otherwise runs corrected of all runs. */
static void
fill_shares (YsChart  *chart,
             GArray   *weeks,
             gboolean  used)
{
  g_autofree double *x = g_new (double, MAX (weeks->len, 1));
  g_autofree guint *part = g_new (guint, MAX (weeks->len, 1));
  g_autofree guint *whole = g_new (guint, MAX (weeks->len, 1));

  for (int mode = 0; mode < 2; mode++)
    {
      guint n = 0;

      for (guint i = 0; i < weeks->len; i++)
        {
          const YsWeek *week = &g_array_index (weeks, YsWeek, i);
          guint of = used ? week->used_known[mode] : week->runs[mode];

          if (of == 0)
            continue;
          x[n] = g_date_get_julian (&week->monday);
          part[n] = used ? week->used_yes[mode] : week->corrected[mode];
          whole[n] = of;
          n++;
        }
      if (n > 0)
        ys_chart_add_share_series (chart, _(mode_labels[mode]), mode_style (mode), x, part,
                                   whole, n);
    }
}

/* The forest plot: all runs' ratio with its interval, and the fair
 * test's, with 1.0 marked; hidden while there is no claim to draw. */
static void
fill_interval (YsFiguresView     *self,
               YsWorkflowFigures *w)
{
  const YsRatioChange *changes[2];
  char *labels[2];
  guint n = w != NULL ? ys_wording_interval_rows (w, changes, labels) : 0;

  ys_chart_clear (self->interval_chart);
  for (guint i = 0; i < n; i++)
    {
      ys_chart_add_interval (self->interval_chart, labels[i], changes[i]->ratio, changes[i]->low,
                             changes[i]->high);
      g_free (labels[i]);
    }
  ys_chart_add_reference (self->interval_chart, 1.0, _("Same time (1.0)"));
  g_clear_pointer (&self->interval_text, g_free);
  if (n > 0)
    self->interval_text = ys_wording_interval_description (w);
  ys_chart_set_description (self->interval_chart, _("Time with AI as a share of without"),
                            self->interval_text);
  gtk_widget_set_visible (self->interval_card, n > 0);
}

static void
fill_charts (YsFiguresView     *self,
             YsWorkflowFigures *w,
             GArray            *weeks,
             GArray            *days,
             GArray            *durations,
             const char        *corrections,
             const char        *used)
{
  GString *answers = g_string_new (NULL);
  g_autofree const char **labels = NULL;
  g_autofree double *shares = NULL;
  g_autoptr(GPtrArray) captions = g_ptr_array_new_with_free_func (g_free);
  guint n_tools = 0;

  ys_chart_clear (self->time_chart);
  ys_chart_clear (self->corrections_chart);
  ys_chart_clear (self->used_chart);
  ys_chart_clear (self->feedback_chart);

  if (days != NULL)
    ys_chart_add_points (self->time_chart, (double *) days->data, (double *) durations->data,
                         days->len);
  fill_medians (self->time_chart, weeks);
  if (w != NULL && !isnan (w->without_ai.median_seconds))
    {
      g_autofree char *median = ys_duration_format_approx ((gint64) llround (w->without_ai.median_seconds));
      /* TRANSLATORS: a line across the time chart, e.g. "Median without AI (2 h 15 min)" */
      g_autofree char *label = g_strdup_printf (_("Median without AI (%s)"), median);

      ys_chart_add_reference (self->time_chart, w->without_ai.median_seconds, label);
    }
  ys_chart_set_description (self->time_chart, _("Weekly median time, without AI and with AI"),
                            self->headline);

  fill_shares (self->corrections_chart, weeks, FALSE);
  ys_chart_set_description (self->corrections_chart,
                            _("Weekly share of runs that needed correcting"), corrections);

  fill_shares (self->used_chart, weeks, TRUE);
  /* xgettext:no-c-format */
  ys_chart_add_reference (self->used_chart, YS_STATS_USED_TARGET, _("70% mark"));
  ys_chart_set_description (self->used_chart, _("Weekly share of outputs used"), used);

  if (w != NULL)
    {
      labels = g_new0 (const char *, w->tools->len + 1);
      shares = g_new0 (double, w->tools->len + 1);
      for (guint i = 0; i < w->tools->len; i++)
        {
          YsToolFigures *tool = &g_array_index (w->tools, YsToolFigures, i);

          if (tool->yes + tool->no == 0)
            continue;
          labels[n_tools] = tool->name;
          shares[n_tools] = tool->yes_share;
          /* TRANSLATORS: under a bar of the feedback chart, e.g. "3 of 4 say yes" */
          g_ptr_array_add (captions, g_strdup_printf (ngettext ("%u of %u says yes",
                                                                "%u of %u say yes",
                                                                tool->yes + tool->no),
                                                      tool->yes, tool->yes + tool->no));
          n_tools++;
          g_string_append_printf (answers, ngettext ("%s: %u of %u says it saves time. ",
                                                     "%s: %u of %u say it saves time. ",
                                                     tool->yes + tool->no),
                                  tool->name, tool->yes, tool->yes + tool->no);
        }
      if (n_tools > 0)
        ys_chart_set_bars (self->feedback_chart, labels, shares,
                           (const char **) captions->pdata, n_tools);
    }
  ys_chart_set_description (self->feedback_chart, _("Share of answers saying the tool saves time"),
                            answers->len > 0 ? answers->str : _("No answers yet."));
  g_string_free (answers, TRUE);
}

/* A sentence, then another when there is one. */
static char *
join_sentences (const char *first,
                const char *second)
{
  return second != NULL ? g_strdup_printf ("%s %s", first, second) : g_strdup (first);
}

/* What the page shows, read in one go: on a worker thread with its own
 * read-only connection, so that the window never waits for it (a million
 * runs take about 80 ms), or here for a database in memory, which has no
 * other connection. */
typedef struct
{
  char *path;
  char *workflow_id;
  guint generation;
  gboolean has_dates;
  gboolean so_far;
  GDate from;
  GDate to;

  YsSummary *summary;
  GArray *weeks;
  GArray *days;               /* with durations: the runs as points, or NULL */
  GArray *durations;
  gboolean has_imported;
  guint imported;
} Figures;

static void
figures_free (Figures *f)
{
  g_free (f->path);
  g_free (f->workflow_id);
  g_clear_pointer (&f->summary, ys_summary_free);
  g_clear_pointer (&f->weeks, g_array_unref);
  g_clear_pointer (&f->days, g_array_unref);
  g_clear_pointer (&f->durations, g_array_unref);
  g_free (f);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Figures, figures_free)

static gboolean
figures_read (Figures  *f,
              YsStore  *store,
              GError  **error)
{
  const GDate *from = f->has_dates ? &f->from : NULL;
  const GDate *to = f->has_dates ? &f->to : NULL;
  g_autoptr(GArray) days = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) durations = g_array_new (FALSE, FALSE, sizeof (double));

  f->summary = ys_summary_compute_one (store, from, to, f->workflow_id, error);
  if (f->summary == NULL)
    return FALSE;
  f->weeks = ys_stats_weekly (store, f->workflow_id, from, to, error);
  if (f->weeks == NULL)
    return FALSE;
  if (ys_stats_run_points (store, f->workflow_id, from, to, MAX_RUN_POINTS, days, durations,
                           NULL))
    {
      f->days = g_steal_pointer (&days);
      f->durations = g_steal_pointer (&durations);
    }
  f->has_imported = ys_tracker_count_imported (store, f->workflow_id, from, to, &f->imported,
                                               NULL);
  return TRUE;
}

static void
read_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  Figures *f = task_data;
  g_autoptr(YsStore) reader = NULL;
  GError *error = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;
  reader = ys_store_open_reader (f->path, &error);
  if (reader == NULL || !figures_read (f, reader, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
show_figures (YsFiguresView *self,
              Figures       *f)
{
  g_autofree char *level = NULL;
  g_autofree char *trend_text = NULL;
  g_autofree char *corrections = NULL;
  g_autofree char *used_text = NULL;
  g_autofree char *used = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *imported_text = NULL;
  g_autofree char *fair_text = NULL;
  YsSummary *summary = f->summary;
  GArray *weeks = f->weeks;
  YsWorkflowFigures *w = NULL;
  YsCorrectionTrend trend;

  w = ys_summary_find (summary, f->workflow_id);
  ys_wording_correction_trend (weeks, &trend);

  if (summary->has_period)
    {
      g_autofree char *range = ys_wording_period (&summary->from, &summary->to, NULL, f->so_far,
                                                  YS_DATES_SHORT);
      gtk_label_set_label (self->period_label, range);
    }
  else
    gtk_label_set_label (self->period_label, "");

  g_free (self->headline);
  self->headline = w ? ys_wording_headline (w) : g_strdup ("");
  gtk_label_set_label (self->headline_label, self->headline);
  gtk_label_set_label (self->evidence_label,
                       w ? ys_wording_evidence_caption (ys_wording_evidence (w)) : "");

  imported_text = w && f->has_imported
    ? ys_tracker_imported_sentence (f->imported, w->without_ai.runs + w->with_ai.runs) : NULL;
  gtk_label_set_label (self->imported_label, imported_text ? imported_text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->imported_label), imported_text != NULL);
  gtk_widget_set_visible (self->history_button, w != NULL && w->without_ai.runs == 0);


  if (w != NULL)
    {
      level = ys_wording_corrections (w);
      trend_text = ys_wording_correction_trend_sentence (&trend);
      corrections = join_sentences (level, trend_text);
      used_text = ys_wording_used (w);
      /* The marks are explained where they first appear on the page. */
      used = join_sentences (used_text, ys_wording_used_names_marks (w)
                                        ? ys_wording_used_marks () : NULL);
      saved = ys_wording_time_saved (w);
    }
  adw_action_row_set_subtitle (self->corrections_row, corrections ? corrections : "");
  adw_action_row_set_subtitle (self->used_row, used ? used : "");
  adw_action_row_set_subtitle (self->saved_row, saved ? saved : "");
  fair_text = w ? ys_wording_fair_test_counts (w) : NULL;
  adw_action_row_set_subtitle (self->fair_row, fair_text ? fair_text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->fair_row), fair_text != NULL);
  fill_interval (self, w);

  fill_divergence (self, w);
  fill_tools (self, w);
  fill_charts (self, w, weeks, f->days, f->durations, corrections, used);

  /* The table is built when it is shown, not behind the charts. */
  g_clear_pointer (&self->table_weeks, g_array_unref);
  self->table_weeks = g_array_ref (weeks);
  if (gtk_switch_get_active (self->table_switch))
    fill_table (self, weeks);

  gtk_widget_set_visible (self->figures_box, TRUE);
}

/* Until another workflow's or period's figures come, the ones shown are
 * not theirs: they keep their place, so that nothing jumps, but are not
 * seen. The period picker stays. */
static void
set_pending (YsFiguresView *self,
             gboolean       pending)
{
  GtkWidget *parts[] = {
    gtk_widget_get_parent (GTK_WIDGET (self->headline_label)),
    self->divergence_box,
    gtk_widget_get_ancestor (GTK_WIDGET (self->corrections_row), ADW_TYPE_PREFERENCES_GROUP),
    self->interval_box,
    GTK_WIDGET (self->tools_group),
    gtk_widget_get_parent (GTK_WIDGET (self->table_switch)),
    GTK_WIDGET (self->trend_stack),
  };

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    gtk_widget_set_opacity (parts[i], pending ? 0 : 1);
}

static void
apply_read (YsFiguresView *self,
            GTask         *task)
{
  Figures *f = g_task_get_task_data (task);
  gboolean read = g_task_propagate_boolean (task, NULL);

  /* Another workflow, period or change asked since: its own answer comes
   * (a cancelled read is always one of these). */
  if (f->generation != self->generation)
    return;
  g_clear_object (&self->cancellable);
  /* Not read: what is shown stays, as before, never zeros. */
  if (read)
    show_figures (self, f);
  set_pending (self, FALSE);
  update_reading (self);
}

static gboolean
apply_held (gpointer user_data)
{
  YsFiguresView *self = user_data;
  g_autoptr(GTask) task = g_steal_pointer (&self->held);

  self->held_id = 0;
  if (task != NULL)
    apply_read (self, task);
  return G_SOURCE_REMOVE;
}

static void
on_after_paint (GdkFrameClock *clock,
                YsFiguresView *self)
{
  g_signal_handlers_disconnect_by_func (clock, on_after_paint, self);
  self->painted = TRUE;
  if (self->held != NULL && self->held_id == 0)
    self->held_id = g_idle_add (apply_held, self);
}

/* The page's first frame shows its layout with the figures' places kept;
 * figures that come before that frame wait for it rather than hold it
 * up (at a million runs a read can end before the window's first frame,
 * and filling the charts and tools then cost that frame about 30 ms). */
static void
on_figures_read (GObject      *source_object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  YsFiguresView *self = YS_FIGURES_VIEW (source_object);
  Figures *f = g_task_get_task_data (G_TASK (result));

  /* An older request's answer never takes the place of a held newer one. */
  if (f->generation != self->generation)
    return;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)) && !self->painted)
    {
      g_set_object (&self->held, G_TASK (result));
      /* A frame is coming, or now one is. */
      gtk_widget_queue_draw (GTK_WIDGET (self));
      return;
    }
  apply_read (self, G_TASK (result));
}

static void
ys_figures_view_map (GtkWidget *widget)
{
  YsFiguresView *self = YS_FIGURES_VIEW (widget);

  GTK_WIDGET_CLASS (ys_figures_view_parent_class)->map (widget);
  self->painted = FALSE;
  g_signal_handlers_disconnect_by_func (gtk_widget_get_frame_clock (widget), on_after_paint, self);
  g_signal_connect_object (gtk_widget_get_frame_clock (widget), "after-paint",
                           G_CALLBACK (on_after_paint), self, 0);
}

static void
ys_figures_view_unmap (GtkWidget *widget)
{
  YsFiguresView *self = YS_FIGURES_VIEW (widget);

  g_signal_handlers_disconnect_by_func (gtk_widget_get_frame_clock (widget), on_after_paint, self);
  self->painted = TRUE;
  GTK_WIDGET_CLASS (ys_figures_view_parent_class)->unmap (widget);
  /* Unmapped, nothing waits for a frame. */
  if (self->held != NULL && self->held_id == 0)
    self->held_id = g_idle_add (apply_held, self);
}

static void
refresh (YsFiguresView *self)
{
  g_autoptr(Figures) f = NULL;
  g_autoptr(GTask) task = NULL;
  const char *path;
  GDate today;

  if (self->workflow_id == NULL)
    return;
  if (self->reads_held)
    {
      self->read_wanted = TRUE;
      update_reading (self);
      return;
    }
  self->read_wanted = FALSE;

  /* An answer to an older request is no longer wanted. */
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->generation++;

  f = g_new0 (Figures, 1);
  f->workflow_id = g_strdup (self->workflow_id);
  f->generation = self->generation;
  ys_clock_get_today (ys_store_get_clock (self->store), &today);
  f->has_dates = ys_stats_period_dates (self->period, &today, &f->from, &f->to);
  /* This quarter or this year: the days so far, not weeks still to come. */
  if (f->has_dates)
    f->so_far = ys_stats_period_so_far (&f->from, &f->to, &today);

  path = ys_store_get_path (self->store);
  if (path == NULL || g_str_equal (path, ":memory:"))
    {
      if (figures_read (f, self->store, NULL))
        show_figures (self, f);
      update_reading (self);
      return;
    }

  if (g_strcmp0 (self->shown_workflow_id, self->workflow_id) != 0 ||
      self->shown_period != self->period)
    {
      g_free (self->shown_workflow_id);
      self->shown_workflow_id = g_strdup (self->workflow_id);
      self->shown_period = self->period;
      set_pending (self, TRUE);
    }

  f->path = g_strdup (path);
  self->cancellable = g_cancellable_new ();
  task = g_task_new (self, self->cancellable, on_figures_read, NULL);
  g_task_set_source_tag (task, refresh);
  g_task_set_task_data (task, g_steal_pointer (&f), (GDestroyNotify) figures_free);
  g_task_run_in_thread (task, read_in_thread);
  update_reading (self);
}

static gboolean
refresh_idle (gpointer user_data)
{
  YsFiguresView *self = user_data;

  self->refresh_id = 0;
  refresh (self);
  return G_SOURCE_REMOVE;
}

/* Several writes in a row (an import, an undo) refresh once. */
static void
queue_refresh (YsFiguresView *self)
{
  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add (refresh_idle, self);
}

static void
on_store_changed (YsFiguresView *self,
                  guint          changes,
                  YsStore       *store)
{
  if (changes & (YS_STORE_CHANGE_RUNS | YS_STORE_CHANGE_WORKFLOWS | YS_STORE_CHANGE_TOOLS |
                 YS_STORE_CHANGE_FEEDBACK))
    queue_refresh (self);
}

static void
on_period_changed (YsFiguresView *self)
{
  ys_figures_view_set_period (self, gtk_drop_down_get_selected (self->period_dropdown));
}

static void
on_table_toggled (YsFiguresView *self)
{
  if (gtk_switch_get_active (self->table_switch) && self->table_weeks != NULL)
    fill_table (self, self->table_weeks);
  gtk_stack_set_visible_child_name (self->trend_stack,
                                    gtk_switch_get_active (self->table_switch) ? "table" : "charts");
}

static GtkWidget *
chart_card (const char *title,
            GtkWidget  *chart)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *label = gtk_label_new (title);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "caption-heading");
  gtk_widget_add_css_class (box, "card");
  gtk_widget_add_css_class (box, "ys-chart-card");
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), chart);
  return box;
}

static void
ys_figures_view_dispose (GObject *object)
{
  YsFiguresView *self = (YsFiguresView *) object;
  GtkWidget *child;

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_clear_handle_id (&self->held_id, g_source_remove);
  g_clear_object (&self->held);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), YS_TYPE_FIGURES_VIEW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (ys_figures_view_parent_class)->dispose (object);
}

static void
ys_figures_view_finalize (GObject *object)
{
  YsFiguresView *self = (YsFiguresView *) object;

  g_clear_object (&self->store);
  g_clear_pointer (&self->workflow_id, g_free);
  g_clear_pointer (&self->shown_workflow_id, g_free);
  g_clear_pointer (&self->headline, g_free);
  g_clear_pointer (&self->divergence_text, g_free);
  g_clear_pointer (&self->tool_rows, g_ptr_array_unref);
  g_clear_pointer (&self->table_weeks, g_array_unref);
  g_clear_pointer (&self->interval_text, g_free);

  G_OBJECT_CLASS (ys_figures_view_parent_class)->finalize (object);
}

static void
ys_figures_view_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  YsFiguresView *self = YS_FIGURES_VIEW (object);

  switch (prop_id)
    {
    case PROP_READING: g_value_set_boolean (value, self->reading); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ys_figures_view_class_init (YsFiguresViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = ys_figures_view_get_property;
  properties[PROP_READING] =
    g_param_spec_boolean ("reading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  object_class->dispose = ys_figures_view_dispose;
  object_class->finalize = ys_figures_view_finalize;
  widget_class->map = ys_figures_view_map;
  widget_class->unmap = ys_figures_view_unmap;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ys-figures-view.ui");
  gtk_widget_class_bind_template_child (widget_class, YsFiguresView, scroller);
  gtk_widget_class_bind_template_child (widget_class, YsFiguresView, period_dropdown);
  gtk_widget_class_bind_template_child (widget_class, YsFiguresView, period_label);
  gtk_widget_class_bind_template_child (widget_class, YsFiguresView, evidence_label);
  gtk_widget_class_bind_template_child (widget_class, YsFiguresView, headline_label);
  gtk_widget_class_bind_template_child (widget_class, YsFiguresView, imported_label);
  gtk_widget_class_bind_template_child (widget_class, YsFiguresView, figures_box);
  gtk_widget_class_bind_template_child (widget_class, YsFiguresView, history_button);
  gtk_widget_class_bind_template_child (widget_class, YsFiguresView, divergence_box);
  gtk_widget_class_bind_template_child (widget_class, YsFiguresView, corrections_row);
  gtk_widget_class_bind_template_child (widget_class, YsFiguresView, used_row);
  gtk_widget_class_bind_template_child (widget_class, YsFiguresView, saved_row);
  gtk_widget_class_bind_template_child (widget_class, YsFiguresView, fair_row);
  gtk_widget_class_bind_template_child (widget_class, YsFiguresView, interval_box);
  gtk_widget_class_bind_template_child (widget_class, YsFiguresView, tools_group);
  gtk_widget_class_bind_template_child (widget_class, YsFiguresView, table_switch);
  gtk_widget_class_bind_template_child (widget_class, YsFiguresView, trend_stack);
  gtk_widget_class_bind_template_child (widget_class, YsFiguresView, charts_box);
  gtk_widget_class_bind_template_child (widget_class, YsFiguresView, table_list);
  gtk_widget_class_bind_template_callback (widget_class, on_period_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_table_toggled);
}

static void
ys_figures_view_init (YsFiguresView *self)
{
  self->tool_rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));

  self->interval_chart = YS_CHART (ys_chart_new (YS_CHART_AXIS_RATIO));
  self->interval_card = chart_card (_("Time with AI as a share of without"),
                                    GTK_WIDGET (self->interval_chart));
  gtk_box_append (GTK_BOX (self->interval_box), self->interval_card);
  self->time_chart = YS_CHART (ys_chart_new (YS_CHART_AXIS_DURATION));
  self->corrections_chart = YS_CHART (ys_chart_new (YS_CHART_AXIS_SHARE));
  self->used_chart = YS_CHART (ys_chart_new (YS_CHART_AXIS_SHARE));
  self->feedback_chart = YS_CHART (ys_chart_new (YS_CHART_AXIS_SHARE));
  gtk_box_append (GTK_BOX (self->charts_box),
                  chart_card (_("Time per run: weekly median"),
                              GTK_WIDGET (self->time_chart)));
  gtk_box_append (GTK_BOX (self->charts_box),
                  chart_card (_("Share of runs that needed correcting"),
                              GTK_WIDGET (self->corrections_chart)));
  gtk_box_append (GTK_BOX (self->charts_box),
                  chart_card (_("Share of outputs used"),
                              GTK_WIDGET (self->used_chart)));
  gtk_box_append (GTK_BOX (self->charts_box),
                  chart_card (_("Does the tool save time? Share of yes answers"),
                              GTK_WIDGET (self->feedback_chart)));
}

/* Other figures start with their headline, not where the last ones were
 * scrolled to. */
static void
scroll_to_top (YsFiguresView *self)
{
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
}

GtkWidget *
ys_figures_view_new (YsStore *store)
{
  YsFiguresView *self;

  g_return_val_if_fail (YS_IS_STORE (store), NULL);

  self = g_object_new (YS_TYPE_FIGURES_VIEW, NULL);
  self->store = g_object_ref (store);
  g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed), self,
                           G_CONNECT_SWAPPED);
  /* "This quarter" and "the last 4 weeks" move on at midnight. */
  g_signal_connect_object (ys_store_get_clock (store), "day-changed", G_CALLBACK (queue_refresh),
                           self, G_CONNECT_SWAPPED);
  return GTK_WIDGET (self);
}

void
ys_figures_view_set_workflow_id (YsFiguresView *self,
                                 const char    *workflow_id)
{
  g_return_if_fail (YS_IS_FIGURES_VIEW (self));

  if (g_strcmp0 (self->workflow_id, workflow_id) == 0)
    return;

  g_free (self->workflow_id);
  self->workflow_id = g_strdup (workflow_id);
  refresh (self);
  scroll_to_top (self);
}

void
ys_figures_view_set_period (YsFiguresView *self,
                            YsPeriod       period)
{
  g_return_if_fail (YS_IS_FIGURES_VIEW (self));

  if (self->period == period)
    return;

  self->period = period;
  if (gtk_drop_down_get_selected (self->period_dropdown) != (guint) period)
    gtk_drop_down_set_selected (self->period_dropdown, period);
  refresh (self);
  scroll_to_top (self);
}

/* The window holds its figures' reads until its first frame is out: a read
 * on another thread while the window is built and laid out slowed its first
 * frame on a busy machine (1.5 times a bare window's at a million runs,
 * 1.25 times with the read after it), and the first frame shows none of
 * the figures anyway. */
void
ys_figures_view_hold_reads (YsFiguresView *self,
                            gboolean       hold)
{
  g_return_if_fail (YS_IS_FIGURES_VIEW (self));

  self->reads_held = hold;
  if (!hold && self->read_wanted)
    refresh (self);
}

gboolean
ys_figures_view_is_reading (YsFiguresView *self)
{
  g_return_val_if_fail (YS_IS_FIGURES_VIEW (self), FALSE);
  return self->reading;
}

const char *
ys_figures_view_get_headline (YsFiguresView *self)
{
  g_return_val_if_fail (YS_IS_FIGURES_VIEW (self), NULL);
  return self->headline;
}
