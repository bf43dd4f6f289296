/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "yardstick-core"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "ys-demo.h"
#include "ys-duration.h"
#include "ys-money.h"
#include "ys-report.h"
#include "ys-sync.h"
#include "ys-tracker-import.h"
#include "ys-wording.h"

/*
 * The funder update. Everything it says comes from the same wording rules as
 * the app: a finding only when the change is clear, the plain state of the
 * evidence otherwise, run counts beside every median, nothing about people.
 */

static void
report_workflow_free (gpointer data)
{
  YsReportWorkflow *w = data;

  g_free (w->name);
  g_free (w->activity);
  g_free (w->loss);
  g_free (w->headline);
  g_free (w->finding);
  g_free (w->evidence);
  g_free (w->time_saved);
  g_free (w->corrections);
  g_free (w->correction_trend);
  g_free (w->used);
  g_ptr_array_unref (w->tool_lines);
  g_ptr_array_unref (w->divergences);
  g_free (w->imported);
  g_array_unref (w->weeks);
  g_free (w);
}

static char *
format_date (const GDate *date)
{
  char text[64];

  /* TRANSLATORS: a date in the report, see strftime() */
  g_date_strftime (text, sizeof text, _("%-d %B %Y"), date);
  return g_strdup (text);
}

char *
ys_report_quarter_of (const GDate *from,
                      const GDate *to)
{
  guint quarter = (g_date_get_month (from) - 1) / 3 + 1;
  GDate start, end;

  g_date_clear (&start, 1);
  g_date_clear (&end, 1);
  g_date_set_dmy (&start, 1, (quarter - 1) * 3 + 1, g_date_get_year (from));
  g_date_set_dmy (&end, g_date_get_days_in_month (quarter * 3, g_date_get_year (from)),
                  quarter * 3, g_date_get_year (from));
  if (g_date_compare (from, &start) != 0 || g_date_compare (to, &end) != 0)
    return NULL;
  return g_strdup_printf ("%04u-Q%u", g_date_get_year (from), quarter);
}

void
ys_report_options_init (YsReportOptions *options)
{
  *options = (YsReportOptions) { NULL, NULL, -1, YS_PAPER_LOCALE };
}

void
ys_report_options_load (YsReportOptions *options,
                        GSettings       *settings)
{
  g_autofree char *paper = NULL;

  ys_report_options_init (options);
  if (settings == NULL)
    return;

  options->organisation = g_settings_get_string (settings, "organisation-name");
  options->currency = g_settings_get_string (settings, "currency");
  options->staff_cost_per_hour = g_settings_get_int64 (settings, "staff-cost-per-hour");
  paper = g_settings_get_string (settings, "paper-size");
  if (g_str_equal (paper, "a4"))
    options->paper = YS_PAPER_A4;
  else if (g_str_equal (paper, "letter"))
    options->paper = YS_PAPER_LETTER;
}

void
ys_report_options_clear (YsReportOptions *options)
{
  g_clear_pointer (&options->organisation, g_free);
  g_clear_pointer (&options->currency, g_free);
}

/* Under a heading that names the workflow, its headline need not: "Intake
 * summary: with AI it takes …" reads "With AI it takes …". */
static char *
without_name (const char *headline,
              const char *name)
{
  gsize length = strlen (name);
  const char *rest = headline + length + 2;
  g_autofree char *first = NULL;

  if (!g_str_has_prefix (headline, name) || strncmp (headline + length, ": ", 2) != 0 ||
      *rest == '\0')
    return g_strdup (headline);
  first = g_utf8_strup (rest, g_utf8_next_char (rest) - rest);
  return g_strconcat (first, g_utf8_next_char (rest), NULL);
}

/* Activities: how many people do the work, and how the mode of each of
 * the period's runs was decided (drawn, done the other way, chosen), in the
 * figures page's words. */
static char *
activity_sentence (const YsWorkflowFigures *f)
{
  g_autofree char *people = g_strdup_printf (ngettext ("%d person does this work.",
                                                       "%d people do this work.", f->people),
                                             f->people);
  g_autofree char *counts = ys_wording_fair_test_counts (f);

  return g_strdup_printf ("%s %s", people,
                          counts != NULL ? counts : _("No run was timed in this period."));
}

/* Activities: the team folder the figures were brought together from. */
static gboolean
add_team_folder (YsReport  *report,
                 YsStore   *store,
                 GError   **error)
{
  g_auto(YsSyncStatus) status = { 0 };

  if (!ys_sync_get_status (store, &status, error))
    return FALSE;
  if (status.folder != NULL && status.computers > 0)
    g_ptr_array_add (report->activities,
                     g_strdup_printf (ngettext ("Runs were timed on this computer and %u other, "
                                                "brought together in a team folder.",
                                                "Runs were timed on this computer and %u others, "
                                                "brought together in a team folder.",
                                                status.computers), status.computers));
  return TRUE;
}

YsReport *
ys_report_build (YsStore               *store,
                 const GDate           *from,
                 const GDate           *to,
                 const GDate           *today,
                 const YsReportOptions *options,
                 GError               **error)
{
  g_autoptr(YsReport) report = NULL;
  g_auto(YsReportOptions) defaults = { 0 };
  g_autofree char *currency = NULL;
  const char *organisation;
  GDate last;
  gboolean so_far, marks_explained = FALSE;

  g_return_val_if_fail (YS_IS_STORE (store), NULL);
  g_return_val_if_fail (from != NULL && to != NULL, NULL);

  if (options == NULL)
    {
      ys_report_options_init (&defaults);
      options = &defaults;
    }
  organisation = options->organisation;

  report = g_new0 (YsReport, 1);
  report->workflows = g_ptr_array_new_with_free_func (report_workflow_free);
  report->activities = g_ptr_array_new_with_free_func (g_free);
  report->method = g_ptr_array_new_with_free_func (g_free);
  report->paper = options->paper;

  /* A quarter still going on is reported as far as today, and says so:
   * weekly figures over days still to come would be diluted. */
  last = *to;
  so_far = ys_stats_period_so_far (from, &last, today);
  report->summary = ys_summary_compute (store, from, &last, error);
  if (report->summary == NULL)
    return NULL;

  /* A report of the sample team says so in its title, so that a PDF or a
   * pasted summary of it can never pass for the organisation's own. */
  if (ys_demo_is_sample (store))
    report->title = g_strdup (_("Sample report of a made-up team: not real figures"));
  else
    report->title = organisation && *organisation
      /* TRANSLATORS: the report's title, with the organisation's name */
      ? g_strdup_printf (_("What AI changed at %s"), organisation)
      : g_strdup (_("What AI changed in our work"));

  report->quarter = ys_report_quarter_of (from, to);
  report->period = ys_wording_period (from, &last, report->quarter, so_far, YS_DATES_LONG);

  currency = ys_money_resolve_currency (options->currency);
  report->costs = ys_report_costs_new (report->summary, ys_store_get_tools (store), currency,
                                       options->staff_cost_per_hour);

  for (guint i = 0; i < report->summary->workflows->len; i++)
    {
      YsWorkflowFigures *figures = g_ptr_array_index (report->summary->workflows, i);
      g_autoptr(GArray) weeks = NULL;
      YsReportWorkflow *w;
      guint imported = 0;
      YsCorrectionTrend trend;

      /* Archived workflows appear only if they had runs in the period. */
      if (figures->archived && figures->without_ai.runs + figures->with_ai.runs == 0)
        continue;

      weeks = ys_stats_weekly (store, figures->id, from, &last, error);
      if (weeks == NULL)
        return NULL;
      if (!ys_tracker_count_imported (store, figures->id, from, &last, &imported, error))
        return NULL;

      w = g_new0 (YsReportWorkflow, 1);
      w->figures = figures;
      w->name = g_strdup (figures->name);
      w->activity = activity_sentence (figures);
      w->weeks = g_steal_pointer (&weeks);
      w->headline = ys_wording_headline (figures);
      w->finding = without_name (w->headline, w->name);
      /* A clear loss is named again among what is not working. */
      if (figures->clear &&
          ys_costs_saved_half_seconds (figures->without_ai.median_seconds,
                                       figures->with_ai.median_seconds, figures->with_ai.runs) < 0)
        w->loss = g_strdup (w->headline);
      w->evidence = g_strdup (ys_wording_evidence_caption (ys_wording_evidence (figures)));
      if (ys_wording_evidence (figures) == YS_EVIDENCE_CLEAR)
        w->time_saved = ys_wording_time_saved (figures);
      w->corrections = ys_wording_corrections (figures);
      ys_wording_correction_trend (w->weeks, &trend);
      w->correction_trend = ys_wording_correction_trend_sentence (&trend);
      w->used = ys_wording_used (figures);
      if (!marks_explained && ys_wording_used_names_marks (figures))
        {
          char *explained = g_strdup_printf ("%s %s", w->used, ys_wording_used_marks ());

          g_free (w->used);
          w->used = explained;
          marks_explained = TRUE;
        }
      w->tool_lines = g_ptr_array_new_with_free_func (g_free);
      w->divergences = g_ptr_array_new_with_free_func (g_free);
      w->imported = ys_tracker_imported_sentence (imported,
                                                  figures->without_ai.runs + figures->with_ai.runs);

      for (guint t = 0; t < figures->tools->len; t++)
        {
          YsToolFigures *tool = &g_array_index (figures->tools, YsToolFigures, t);
          g_autofree char *line = ys_wording_tool (tool);
          char *divergence = ys_wording_divergence (figures, tool);

          g_ptr_array_add (w->tool_lines, g_strdup_printf ("%s: %s", tool->name, line));
          if (divergence != NULL)
            g_ptr_array_add (w->divergences, divergence);
        }
      g_ptr_array_add (report->workflows, w);
    }

  if (report->quarter != NULL)
    {
      if (!ys_store_get_review (store, report->quarter, &report->review, error))
        return NULL;
      report->has_review = report->review.id != NULL;
    }
  if (report->has_review)
    g_ptr_array_add (report->activities, report->review.coverage_percent >= 0
      ? g_strdup_printf (_("About %d%% of the team uses AI where it adds real value."),
                         report->review.coverage_percent)
      : g_strdup (_("How much of the team uses AI where it adds real value is not known.")));
  if (!add_team_folder (report, store, error))
    return NULL;

  g_ptr_array_add (report->method, g_strdup (
    _("Times are medians: the middle run when all are put in order. A typical task matters "
      "more than a few long ones, so an average would mislead. Every median comes with the "
      "number of runs behind it, and every share with its counts.")));
  g_ptr_array_add (report->method, g_strdup (
    _("A change is called clear only when at least six runs were timed on each side and the "
      "95% range of how long a run with AI takes as a share of one without lies wholly below "
      "or wholly above the same time. Otherwise this report says the difference is within "
      "normal variation, or how many more runs are needed, and states no time saved or "
      "lost.")));
  g_ptr_array_add (report->method, g_strdup (
    /* xgettext:no-c-format */
    _("How long a run with AI takes as a share of one without is worked out from every pair of "
      "a run with AI and a run without: it is the middle of all those pairs’ shares, so a few "
      "unusual runs cannot move it far. The 95% range around it is where that share very "
      "probably lies; the charts draw it as a line, with the share as a dot and the same time "
      "marked. The more runs, the narrower the range. When the range lies between 0.9 and 1.1, "
      "the difference is less than about a tenth either way, and this report says “about the "
      "same”.")));
  g_ptr_array_add (report->method, g_strdup (
    /* xgettext:no-c-format */
    _("In a fair test, Yardstick drew with or without AI at random for each run, after the task "
      "was picked and before the work started, keeping the two sides about even. The runs with "
      "AI and without are then the same kind of work, so the comparison measures the tool, not "
      "when people chose to use it. Once at least six drawn runs on each side are timed, the "
      "headline rests on the drawn runs alone and says it comes from a fair test. Otherwise, "
      "when fewer than 80% of the runs were drawn, it says that people chose, because they may "
      "keep the easy or the hard cases for AI. A run done the other way than drawn counts as "
      "overridden; Yardstick never records by whom.")));
  g_ptr_array_add (report->method, g_strdup (
    _("A rise or fall in the share of runs with AI needing correction is stated only when the "
      "earlier and the later half of the period each have at least six runs with AI and "
      "Fisher’s exact test puts the difference beyond chance (p < 0.05). It is blamed on the "
      "tool only when the runs without AI in the same weeks did not change the same way.")));
  if (so_far)
    g_ptr_array_add (report->method, g_strdup (
      _("The period is not over yet: these figures cover the days so far.")));
  g_ptr_array_add (report->method, g_strdup (
    _("Yardstick measures the work, not people: it records no names, counts no prompts or "
      "logins, and ranks no one. Feedback is a yes/no answer about one tool on one task.")));

  return g_steal_pointer (&report);
}

void
ys_report_free (YsReport *report)
{
  if (report == NULL)
    return;

  g_free (report->title);
  g_free (report->period);
  g_free (report->quarter);
  ys_report_costs_free (report->costs);
  g_ptr_array_unref (report->activities);
  g_ptr_array_unref (report->workflows);
  g_ptr_array_unref (report->method);
  ys_summary_free (report->summary);
  ys_review_clear (&report->review);
  g_free (report);
}

/* Markdown ---------------------------------------------------------------------- */

/* People's words go in as text: no accidental emphasis, links or headings. */
static void
append_escaped (GString    *out,
                const char *text,
                gboolean    in_table)
{
  for (const char *p = text ? text : ""; *p; p++)
    {
      if (strchr ("\\`*_[]<>#|", *p) != NULL)
        g_string_append_c (out, '\\');
      if (in_table && (*p == '\n' || *p == '\r'))
        {
          g_string_append (out, "<br>");
          continue;
        }
      g_string_append_c (out, *p);
    }
}

static char *
median_cell (const YsModeFigures *m)
{
  g_autofree char *median = NULL;

  if (m->runs == 0)
    return g_strdup ("—");
  median = ys_duration_format_approx ((gint64) llround (m->median_seconds));
  return g_strdup_printf (ngettext ("%s (%u run)", "%s (%u runs)", m->runs), median, m->runs);
}

static char *
count_share_cell (guint part,
                  guint whole)
{
  return whole == 0 ? g_strdup ("—") : ys_wording_count_share (part, whole);
}

static char *
per_run_cell (double value)
{
  return isnan (value) ? g_strdup ("—") : g_strdup_printf ("%.1f", value);
}

static void
append_review_answer (GString    *out,
                      const char *question,
                      const char *answer)
{
  g_string_append_printf (out, "**%s**\n\n", question);
  if (answer == NULL || *answer == '\0')
    g_string_append (out, _("No answer yet."));
  else
    append_escaped (out, answer, FALSE);
  g_string_append (out, "\n\n");
}

const char *
ys_report_section_title (YsReportSection section)
{
  switch (section)
    {
    case YS_REPORT_SECTION_COSTS:
      return _("What it cost and what it returned");
    case YS_REPORT_SECTION_INPUTS:
      return _("Inputs: the tools and their cost");
    case YS_REPORT_SECTION_ACTIVITIES:
      return _("Activities: the workflows measured, and how");
    case YS_REPORT_SECTION_OUTPUTS:
      return _("Outputs: runs measured");
    case YS_REPORT_SECTION_OUTCOMES:
      return _("Outcomes: time, corrections and use");
    case YS_REPORT_SECTION_NOT_WORKING:
      return _("What is not working");
    case YS_REPORT_SECTION_METHOD:
      return _("Method: how to read these figures");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
ys_report_review_question (guint question)
{
  static const char *questions[] = {
    N_("What changed how we work"),
    N_("What is not working"),
    N_("Where AI output needed more rework than starting from scratch"),
  };

  g_return_val_if_fail (question < G_N_ELEMENTS (questions), NULL);
  return _(questions[question]);
}

const char *
ys_report_review_answer (const YsReport *report,
                         guint           question)
{
  const char *answers[] = { report->review.working, report->review.not_working,
                            report->review.more_rework };

  g_return_val_if_fail (question < G_N_ELEMENTS (answers), NULL);
  if (!report->has_review)
    return NULL;
  return answers[question] && *answers[question] ? answers[question] : NULL;
}

gboolean
ys_report_has_not_working (const YsReport *report)
{
  for (guint i = 0; i < report->workflows->len; i++)
    {
      YsReportWorkflow *w = g_ptr_array_index (report->workflows, i);

      if (w->loss != NULL || w->divergences->len > 0)
        return TRUE;
    }
  return report->has_review;
}

guint
ys_report_total_runs (const YsReport *report,
                      YsMode          mode)
{
  guint total = 0;

  for (guint i = 0; i < report->workflows->len; i++)
    {
      YsReportWorkflow *w = g_ptr_array_index (report->workflows, i);

      total += mode == YS_MODE_WITH_AI ? w->figures->with_ai.runs : w->figures->without_ai.runs;
    }
  return total;
}

static void
markdown_costs (GString        *out,
                const YsReport *report)
{
  const YsReportCosts *costs = report->costs;

  g_string_append_printf (out, "## %s\n\n", ys_report_section_title (YS_REPORT_SECTION_COSTS));
  g_string_append_printf (out, "%s\n\n", costs->tools_cost);
  if (costs->no_claim != NULL)
    g_string_append_printf (out, "%s\n\n", costs->no_claim);
  for (guint i = 0; i < costs->returns->len; i++)
    {
      g_string_append (out, "- ");
      append_escaped (out, g_ptr_array_index (costs->returns, i), FALSE);
      g_string_append_c (out, '\n');
    }
  if (costs->returns->len > 0)
    g_string_append_c (out, '\n');
  if (costs->cost_per_hour != NULL)
    g_string_append_printf (out, "%s\n\n", costs->cost_per_hour);
  if (costs->value != NULL)
    g_string_append_printf (out, "%s\n\n", costs->value);
}

static void
markdown_workflow (GString                *out,
                   const YsReportWorkflow *w)
{
  YsWorkflowFigures *f = w->figures;
  g_autofree char *before = median_cell (&f->without_ai);
  g_autofree char *after = median_cell (&f->with_ai);
  g_autofree char *before_corr = per_run_cell (f->without_ai.corrections_per_run);
  g_autofree char *after_corr = per_run_cell (f->with_ai.corrections_per_run);
  g_autofree char *before_corrected = count_share_cell (f->without_ai.corrected,
                                                        f->without_ai.runs);
  g_autofree char *after_corrected = count_share_cell (f->with_ai.corrected, f->with_ai.runs);
  g_autofree char *before_used = count_share_cell (f->without_ai.used_yes,
                                                   f->without_ai.used_known);
  g_autofree char *after_used = count_share_cell (f->with_ai.used_yes, f->with_ai.used_known);
  /* The PDF's forest plot in words; the fair test's counts are under
   * Activities. */
  g_autofree char *interval = ys_wording_interval_description (f);

  g_string_append (out, "### ");
  append_escaped (out, w->name, FALSE);
  g_string_append_printf (out, "\n\n*%s.* ", w->evidence);
  append_escaped (out, w->finding, FALSE);
  g_string_append (out, "\n\n");

  g_string_append_printf (out, "| | %s | %s |\n| --- | --- | --- |\n",
                          _("Without AI"), _("With AI"));
  g_string_append_printf (out, "| %s | %s | %s |\n", _("Median time"), before, after);
  g_string_append_printf (out, "| %s | %s | %s |\n", _("Runs needing correction"),
                          before_corrected, after_corrected);
  g_string_append_printf (out, "| %s | %s | %s |\n", _("Corrections per run"),
                          before_corr, after_corr);
  g_string_append_printf (out, "| %s | %s | %s |\n\n", _("Output used"),
                          before_used, after_used);

  if (interval != NULL)
    g_string_append_printf (out, "- %s: %s\n", _("Time with AI as a share of without"),
                            interval);
  if (w->time_saved != NULL)
    g_string_append_printf (out, "- %s\n", w->time_saved);
  g_string_append_printf (out, "- %s\n", w->corrections);
  if (w->correction_trend != NULL)
    g_string_append_printf (out, "- %s\n", w->correction_trend);
  g_string_append_printf (out, "- %s\n", w->used);
  if (w->imported != NULL)
    g_string_append_printf (out, "- %s\n", w->imported);
  for (guint t = 0; t < w->tool_lines->len; t++)
    {
      g_string_append (out, "- ");
      append_escaped (out, g_ptr_array_index (w->tool_lines, t), FALSE);
      g_string_append_c (out, '\n');
    }
  g_string_append_c (out, '\n');

  if (w->weeks->len > 0)
    {
      g_string_append_printf (out, "#### %s\n\n| %s | %s | %s |\n| --- | --- | --- |\n",
                              _("Weekly median time"), _("Week of"), _("Without AI"),
                              _("With AI"));
      for (guint k = 0; k < w->weeks->len; k++)
        {
          const YsWeek *week = &g_array_index (w->weeks, YsWeek, k);
          g_autofree char *monday = format_date (&week->monday);
          YsModeFigures m0 = { .runs = week->runs[0], .median_seconds = week->median_seconds[0] };
          YsModeFigures m1 = { .runs = week->runs[1], .median_seconds = week->median_seconds[1] };
          g_autofree char *c0 = median_cell (&m0);
          g_autofree char *c1 = median_cell (&m1);

          g_string_append_printf (out, "| %s | %s | %s |\n", monday, c0, c1);
        }
      g_string_append_c (out, '\n');
    }
}

char *
ys_report_to_markdown (const YsReport *report)
{
  GString *out = g_string_new ("# ");
  gsize notices;

  g_return_val_if_fail (report != NULL, NULL);

  append_escaped (out, report->title, FALSE);
  g_string_append_printf (out, "\n\n%s\n\n", report->period);

  markdown_costs (out, report);

  /* 1. Inputs */
  g_string_append_printf (out, "## %s\n\n", ys_report_section_title (YS_REPORT_SECTION_INPUTS));
  if (report->costs->tool_lines->len == 0)
    g_string_append_printf (out, "%s\n\n", _("No tools are listed."));
  for (guint i = 0; i < report->costs->tool_lines->len; i++)
    {
      g_string_append (out, "- ");
      append_escaped (out, g_ptr_array_index (report->costs->tool_lines, i), FALSE);
      g_string_append_c (out, '\n');
    }
  if (report->costs->tool_lines->len > 0)
    g_string_append_c (out, '\n');

  /* 2. Activities */
  g_string_append_printf (out, "## %s\n\n",
                          ys_report_section_title (YS_REPORT_SECTION_ACTIVITIES));
  if (report->workflows->len == 0)
    g_string_append_printf (out, "%s\n\n", _("No workflows were measured in this period."));
  for (guint i = 0; i < report->workflows->len; i++)
    {
      YsReportWorkflow *w = g_ptr_array_index (report->workflows, i);

      g_string_append (out, "- **");
      append_escaped (out, w->name, FALSE);
      g_string_append (out, ".** ");
      append_escaped (out, w->activity, FALSE);
      g_string_append_c (out, '\n');
    }
  if (report->workflows->len > 0)
    g_string_append_c (out, '\n');
  for (guint i = 0; i < report->activities->len; i++)
    g_string_append_printf (out, "%s\n\n", (char *) g_ptr_array_index (report->activities, i));

  /* 3. Outputs */
  if (report->workflows->len > 0)
    {
      g_string_append_printf (out, "## %s\n\n| %s | %s | %s |\n| --- | --- | --- |\n",
                              ys_report_section_title (YS_REPORT_SECTION_OUTPUTS),
                              _("Workflow"), _("Without AI"), _("With AI"));
      for (guint i = 0; i < report->workflows->len; i++)
        {
          YsReportWorkflow *w = g_ptr_array_index (report->workflows, i);

          g_string_append (out, "| ");
          append_escaped (out, w->name, TRUE);
          g_string_append_printf (out, " | %u | %u |\n", w->figures->without_ai.runs,
                                  w->figures->with_ai.runs);
        }
      g_string_append_printf (out, "| %s | %u | %u |\n\n", _("All workflows"),
                              ys_report_total_runs (report, YS_MODE_WITHOUT_AI),
                              ys_report_total_runs (report, YS_MODE_WITH_AI));
    }

  /* 4. Outcomes */
  if (report->workflows->len > 0 || ys_report_review_answer (report, 0) != NULL)
    g_string_append_printf (out, "## %s\n\n",
                            ys_report_section_title (YS_REPORT_SECTION_OUTCOMES));
  for (guint i = 0; i < report->workflows->len; i++)
    markdown_workflow (out, g_ptr_array_index (report->workflows, i));
  if (ys_report_review_answer (report, 0) != NULL)
    {
      g_string_append_printf (out, "### %s\n\n", ys_report_review_question (0));
      append_escaped (out, ys_report_review_answer (report, 0), FALSE);
      g_string_append (out, "\n\n");
    }

  /* 5. What is not working */
  g_string_append_printf (out, "## %s\n\n",
                          ys_report_section_title (YS_REPORT_SECTION_NOT_WORKING));
  notices = out->len;
  for (guint i = 0; i < report->workflows->len; i++)
    {
      YsReportWorkflow *w = g_ptr_array_index (report->workflows, i);

      if (w->loss != NULL)
        {
          g_string_append (out, "- ");
          append_escaped (out, w->loss, FALSE);
          g_string_append_c (out, '\n');
        }
    }
  for (guint i = 0; i < report->workflows->len; i++)
    {
      YsReportWorkflow *w = g_ptr_array_index (report->workflows, i);

      for (guint d = 0; d < w->divergences->len; d++)
        {
          g_string_append (out, "- **");
          g_string_append (out, _("Worth discussing:"));
          g_string_append (out, "** ");
          append_escaped (out, g_ptr_array_index (w->divergences, d), FALSE);
          g_string_append_c (out, '\n');
        }
    }
  if (out->len > notices)
    g_string_append_c (out, '\n');
  if (report->has_review)
    {
      append_review_answer (out, _("From the quarterly review"), report->review.not_working);
      append_review_answer (out, ys_report_review_question (2), report->review.more_rework);
    }
  else
    g_string_append_printf (out, "%s\n\n", _("No review was written for this period."));

  /* 6. Method */
  g_string_append_printf (out, "## %s\n\n", ys_report_section_title (YS_REPORT_SECTION_METHOD));
  for (guint i = 0; i < report->method->len; i++)
    g_string_append_printf (out, "%s\n\n", (char *) g_ptr_array_index (report->method, i));

  return g_string_free (out, FALSE);
}

char *
ys_report_costs_text (const YsReportCosts *costs,
                      gboolean             as_lines)
{
  /* One paragraph for an email; for the page, each sentence on its own
   * line and the hours of each workflow as a list. */
  const char *gap = as_lines ? "\n\n" : " ";
  GString *out = g_string_new (costs->tools_cost);

  if (costs->no_claim != NULL)
    g_string_append_printf (out, "%s%s", gap, costs->no_claim);
  if (as_lines && costs->returns->len > 0)
    g_string_append_c (out, '\n');
  for (guint i = 0; i < costs->returns->len; i++)
    g_string_append_printf (out, "%s%s", as_lines ? "\n• " : " ",
                            (char *) g_ptr_array_index (costs->returns, i));
  if (costs->cost_per_hour != NULL)
    g_string_append_printf (out, "%s%s", gap, costs->cost_per_hour);
  if (costs->value != NULL)
    g_string_append_printf (out, "%s%s", gap, costs->value);
  return g_string_free (out, FALSE);
}

char *
ys_report_to_plain_text (const YsReport *report)
{
  GString *out = g_string_new (NULL);
  g_autofree char *costs = NULL;

  g_return_val_if_fail (report != NULL, NULL);

  g_string_append_printf (out, "%s, %s.\n\n", report->title, report->period);
  costs = ys_report_costs_text (report->costs, FALSE);
  g_string_append_printf (out, "%s\n\n", costs);
  for (guint i = 0; i < report->workflows->len; i++)
    {
      YsReportWorkflow *w = g_ptr_array_index (report->workflows, i);

      /* In an email there is no heading: the sentence names its workflow. */
      if (!g_str_has_prefix (w->headline, w->name))
        g_string_append_printf (out, "%s: ", w->name);
      g_string_append (out, w->headline);
      if (w->time_saved != NULL)
        g_string_append_printf (out, " %s", w->time_saved);
      g_string_append_printf (out, " %s\n\n", w->used);
      for (guint d = 0; d < w->divergences->len; d++)
        g_string_append_printf (out, "%s\n\n", (char *) g_ptr_array_index (w->divergences, d));
      if (w->imported != NULL)
        g_string_append_printf (out, "%s\n\n", w->imported);
    }
  if (report->has_review && report->review.working && *report->review.working)
    g_string_append_printf (out, "%s\n", report->review.working);

  return g_string_free (out, FALSE);
}
