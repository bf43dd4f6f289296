/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "yardstick-core"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "ys-duration.h"
#include "ys-error.h"
#include "ys-wording.h"

/*
 * What the app may say about the figures. A finding ("went from … to …")
 * needs a clear change; otherwise the sentence states the evidence plainly.
 * Every rate comes with the counts behind it. The same rules serve the
 * workflow page, the overview, the report and Copy Summary.
 */

YsEvidence
ys_wording_evidence (const YsWorkflowFigures *w)
{
  if (w->without_ai.runs == 0 && w->with_ai.runs >= YS_STATS_ENOUGH_RUNS)
    return YS_EVIDENCE_NO_BASELINE;
  if (!w->enough_data)
    return YS_EVIDENCE_COLLECTING;
  return w->clear ? YS_EVIDENCE_CLEAR : YS_EVIDENCE_WITHIN_NOISE;
}

const char *
ys_wording_evidence_caption (YsEvidence evidence)
{
  switch (evidence)
    {
    case YS_EVIDENCE_CLEAR: return _("A clear change");
    case YS_EVIDENCE_WITHIN_NOISE: return _("No clear change yet");
    case YS_EVIDENCE_NO_BASELINE: return _("No baseline yet");
    case YS_EVIDENCE_COLLECTING:
    default: return _("Not enough runs yet");
    }
}

static char *
format_median (double seconds)
{
  return ys_duration_format_approx ((gint64) llround (seconds));
}

char *
ys_wording_percent (double share)
{
  /* TRANSLATORS: a percentage, e.g. "78%" */
  return g_strdup_printf (_("%d%%"), (int) lround (share * 100));
}

char *
ys_wording_count_share (guint part,
                        guint whole)
{
  g_autofree char *percent = NULL;

  if (whole == 0)
    /* TRANSLATORS: a count out of nothing, e.g. "0 of 0" */
    return g_strdup_printf (_("%u of %u"), part, whole);
  percent = ys_wording_percent ((double) part / whole);
  /* TRANSLATORS: a count and its share, e.g. "11 of 12 (92%)" */
  return g_strdup_printf (_("%u of %u (%s)"), part, whole, percent);
}

char *
ys_wording_week (const YsWeek *week,
                 YsMode        mode)
{
  g_autofree char *duration = NULL;
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (mode == YS_MODE_WITHOUT_AI || mode == YS_MODE_WITH_AI, NULL);

  if (week->runs[mode] == 0)
    return g_string_free (out, FALSE);

  duration = format_median (week->median_seconds[mode]);

  /* One run has a time, not a median, and was corrected or not. */
  if (week->runs[mode] == 1)
    {
      /* TRANSLATORS: one run of a week in the table, e.g. "1 run, 45 min" */
      g_string_append_printf (out, _("1 run, %s"), duration);
      g_string_append (out, week->corrected[mode] > 0 ? _(", needed correcting")
                                                      : _(", no corrections"));
      if (week->used_known[mode] > 0)
        g_string_append (out, week->used_yes[mode] > 0 ? _(", used") : _(", not used"));
      return g_string_free (out, FALSE);
    }

  {
    g_autofree char *corrected = ys_wording_count_share (week->corrected[mode], week->runs[mode]);

    /* TRANSLATORS: e.g. "3 runs, median 1 h 20 min, 1 of 3 (33%) corrected" */
    g_string_append_printf (out, ngettext ("%u run, median %s, %s corrected",
                                           "%u runs, median %s, %s corrected", week->runs[mode]),
                            week->runs[mode], duration, corrected);
  }
  if (week->used_known[mode] > 0)
    {
      g_autofree char *used = ys_wording_count_share (week->used_yes[mode],
                                                      week->used_known[mode]);
      g_string_append_printf (out, _(", %s used"), used);
    }
  return g_string_free (out, FALSE);
}

char *
ys_wording_headline (const YsWorkflowFigures *w)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  switch (ys_wording_evidence (w))
    {
    case YS_EVIDENCE_NO_BASELINE:
      return g_strdup_printf (ngettext ("%u run with AI and none without: record a few runs "
                                        "without AI so that there is something to compare with.",
                                        "%u runs with AI and none without: record a few runs "
                                        "without AI so that there is something to compare with.",
                                        w->with_ai.runs),
                              w->with_ai.runs);

    case YS_EVIDENCE_COLLECTING:
      {
        guint before_runs = MIN (w->without_ai.runs, YS_STATS_ENOUGH_RUNS);
        guint after_runs = MIN (w->with_ai.runs, YS_STATS_ENOUGH_RUNS);

        if (before_runs < YS_STATS_ENOUGH_RUNS && after_runs < YS_STATS_ENOUGH_RUNS)
          /* TRANSLATORS: progress toward enough data, e.g. "4 of 6 runs without AI and
           * 2 of 6 with AI recorded" */
          return g_strdup_printf (_("%u of %u runs without AI and %u of %u with AI recorded — "
                                    "keep clocking to compare."),
                                  before_runs, YS_STATS_ENOUGH_RUNS, after_runs,
                                  YS_STATS_ENOUGH_RUNS);
        if (before_runs < YS_STATS_ENOUGH_RUNS)
          return g_strdup_printf (_("%u of %u runs without AI recorded — keep clocking to "
                                    "compare."), before_runs, YS_STATS_ENOUGH_RUNS);
        return g_strdup_printf (_("%u of %u runs with AI recorded — keep clocking to compare."),
                                after_runs, YS_STATS_ENOUGH_RUNS);
      }

    case YS_EVIDENCE_WITHIN_NOISE:
      before = format_median (w->without_ai.median_seconds);
      after = format_median (w->with_ai.median_seconds);
      return g_strdup_printf (_("The difference is within normal variation so far: a median of "
                                "%s with AI and %s without (%u and %u runs)."),
                              after, before, w->with_ai.runs, w->without_ai.runs);

    case YS_EVIDENCE_CLEAR:
    default:
      /* Whole percent toward zero: a headline never claims more than the
       * data. A share of the time, not a speed: 62% less time is 2.6 times
       * as fast, not "62% faster". */
      before = format_median (w->without_ai.median_seconds);
      after = format_median (w->with_ai.median_seconds);
      if (w->change_percent < 0)
        /* TRANSLATORS: a clear finding, e.g. "Policy brief draft: with AI it takes
         * 1 h 30 min instead of 4 h — 62% less time (medians of 18 and 12 runs)." */
        return g_strdup_printf (_("%s: with AI it takes %s instead of %s — %d%% less time "
                                  "(medians of %u and %u runs)."),
                                w->name, after, before, (int) -w->change_percent,
                                w->with_ai.runs, w->without_ai.runs);
      return g_strdup_printf (_("%s: with AI it takes %s instead of %s — %d%% more time "
                                "(medians of %u and %u runs)."),
                              w->name, after, before, (int) w->change_percent,
                              w->with_ai.runs, w->without_ai.runs);
    }
}

static char *
per_run (double value)
{
  /* One decimal in the reader's locale. */
  return g_strdup_printf ("%.1f", value);
}

char *
ys_wording_corrections (const YsWorkflowFigures *w)
{
  const YsModeFigures *with_ai = &w->with_ai;
  const YsModeFigures *without_ai = &w->without_ai;

  if (with_ai->runs == 0 && without_ai->runs == 0)
    return g_strdup (_("No runs yet."));

  if (with_ai->runs > 0 && without_ai->runs > 0)
    {
      g_autofree char *with_share = ys_wording_count_share (with_ai->corrected, with_ai->runs);
      g_autofree char *without_share = ys_wording_count_share (without_ai->corrected,
                                                               without_ai->runs);
      g_autofree char *with_mean = per_run (with_ai->corrections_per_run);
      g_autofree char *without_mean = per_run (without_ai->corrections_per_run);

      /* TRANSLATORS: e.g. "Runs needing correction: 5 of 18 (28%) with AI, 6 of 12 (50%)
       * without; 0.8 and 1.5 corrections per run." */
      return g_strdup_printf (_("Runs needing correction: %s with AI, %s without; %s and %s "
                                "corrections per run."),
                              with_share, without_share, with_mean, without_mean);
    }
  else
    {
      const YsModeFigures *m = with_ai->runs > 0 ? with_ai : without_ai;
      g_autofree char *share = ys_wording_count_share (m->corrected, m->runs);
      g_autofree char *mean = per_run (m->corrections_per_run);

      return g_strdup_printf (with_ai->runs > 0
                              ? _("Runs with AI needing correction: %s; %s corrections per run.")
                              : _("Runs without AI needing correction: %s; %s corrections per "
                                  "run."),
                              share, mean);
    }
}

/* Fisher's exact test, two-sided, of a 2×2 table: @a of @rows_a and @c of
 * @rows_c. The sum of the probabilities, given the margins, of every table
 * no more likely than this one. */
static double
fisher_exact (guint a,
              guint rows_a,
              guint c,
              guint rows_c)
{
  guint column = a + c;
  guint low = column > rows_c ? column - rows_c : 0;
  guint high = MIN (rows_a, column);
  double log_observed, log_p, sum = 0;

  /* log P(x) = log C(rows_a, x) + log C(rows_c, column - x) - log C(N, column),
   * walked from the lowest x by the ratio of neighbours. */
#define LOG_CHOOSE(n, k) (lgamma ((n) + 1.0) - lgamma ((k) + 1.0) - lgamma ((n) - (k) + 1.0))
  log_p = LOG_CHOOSE (rows_a, low) + LOG_CHOOSE (rows_c, column - low) -
          LOG_CHOOSE (rows_a + rows_c, column);
  log_observed = LOG_CHOOSE (rows_a, a) + LOG_CHOOSE (rows_c, c) -
                 LOG_CHOOSE (rows_a + rows_c, column);
#undef LOG_CHOOSE

  for (guint x = low; x <= high; x++)
    {
      /* A relative tolerance, as R's fisher.test() uses, so that tables
       * as likely as the observed one count whatever the rounding. */
      if (log_p <= log_observed + 1e-7)
        sum += exp (log_p);
      if (x < high)
        log_p += log ((double) (rows_a - x) * (column - x)) -
                 log ((double) (x + 1) * (rows_c - column + x + 1));
    }
  return MIN (sum, 1.0);
}

void
ys_wording_correction_trend (GArray            *weeks,
                             YsCorrectionTrend *trend)
{
  g_autoptr(GArray) assisted = g_array_new (FALSE, FALSE, sizeof (guint));
  guint half, first_end, second_start;
  double with_change, without_change;

  g_return_if_fail (trend != NULL);

  memset (trend, 0, sizeof *trend);
  trend->direction = YS_TREND_UNKNOWN;
  trend->baseline = YS_TREND_BASELINE_UNKNOWN;
  trend->p_value = NAN;

  for (guint i = 0; weeks != NULL && i < weeks->len; i++)
    if (g_array_index (weeks, YsWeek, i).runs[YS_MODE_WITH_AI] > 0)
      g_array_append_val (assisted, i);
  if (assisted->len < 2)
    return;

  /* The earlier and the later half of the weeks with AI (the middle week of
   * an odd count in neither), and the runs without AI in the same weeks. */
  half = assisted->len / 2;
  first_end = g_array_index (assisted, guint, half - 1);
  second_start = g_array_index (assisted, guint, assisted->len - half);
  for (guint i = g_array_index (assisted, guint, 0);
       i <= g_array_index (assisted, guint, assisted->len - 1); i++)
    {
      const YsWeek *week = &g_array_index (weeks, YsWeek, i);
      int part = i <= first_end ? 0 : i >= second_start ? 1 : -1;

      if (part < 0)
        continue;
      for (int mode = 0; mode < 2; mode++)
        {
          trend->runs[mode][part] += week->runs[mode];
          trend->corrected[mode][part] += week->corrected[mode];
        }
    }

  if (trend->runs[YS_MODE_WITH_AI][0] < YS_WORDING_TREND_RUNS ||
      trend->runs[YS_MODE_WITH_AI][1] < YS_WORDING_TREND_RUNS)
    return;

  trend->p_value = fisher_exact (trend->corrected[YS_MODE_WITH_AI][0],
                                 trend->runs[YS_MODE_WITH_AI][0],
                                 trend->corrected[YS_MODE_WITH_AI][1],
                                 trend->runs[YS_MODE_WITH_AI][1]);
  with_change = (double) trend->corrected[YS_MODE_WITH_AI][1] / trend->runs[YS_MODE_WITH_AI][1] -
                (double) trend->corrected[YS_MODE_WITH_AI][0] / trend->runs[YS_MODE_WITH_AI][0];
  if (trend->p_value >= YS_WORDING_TREND_LEVEL || with_change == 0)
    {
      trend->direction = YS_TREND_STEADY;
      return;
    }
  trend->direction = with_change > 0 ? YS_TREND_RISING : YS_TREND_FALLING;

  if (trend->runs[YS_MODE_WITHOUT_AI][0] < YS_WORDING_TREND_RUNS ||
      trend->runs[YS_MODE_WITHOUT_AI][1] < YS_WORDING_TREND_RUNS)
    return;

  /* The same way: in the same direction by at least half as much. Then the
   * work, the season or the team changed, not the tool. */
  without_change =
    (double) trend->corrected[YS_MODE_WITHOUT_AI][1] / trend->runs[YS_MODE_WITHOUT_AI][1] -
    (double) trend->corrected[YS_MODE_WITHOUT_AI][0] / trend->runs[YS_MODE_WITHOUT_AI][0];
  trend->baseline = without_change * with_change > 0 &&
                    fabs (without_change) >= fabs (with_change) / 2
    ? YS_TREND_BASELINE_SAME : YS_TREND_BASELINE_OTHER;
}

char *
ys_wording_correction_trend_sentence (const YsCorrectionTrend *trend)
{
  g_autofree char *with_first = NULL;
  g_autofree char *with_second = NULL;
  g_autofree char *without_first = NULL;
  g_autofree char *without_second = NULL;
  g_autofree char *first = NULL;
  g_autofree char *rest = NULL;

  g_return_val_if_fail (trend != NULL, NULL);

  if (trend->direction == YS_TREND_UNKNOWN)
    return NULL;

  with_first = ys_wording_count_share (trend->corrected[YS_MODE_WITH_AI][0],
                                       trend->runs[YS_MODE_WITH_AI][0]);
  with_second = ys_wording_count_share (trend->corrected[YS_MODE_WITH_AI][1],
                                        trend->runs[YS_MODE_WITH_AI][1]);
  without_first = ys_wording_count_share (trend->corrected[YS_MODE_WITHOUT_AI][0],
                                          trend->runs[YS_MODE_WITHOUT_AI][0]);
  without_second = ys_wording_count_share (trend->corrected[YS_MODE_WITHOUT_AI][1],
                                           trend->runs[YS_MODE_WITHOUT_AI][1]);

  if (trend->direction == YS_TREND_STEADY)
    /* TRANSLATORS: e.g. "… the earlier half of the period, 3 of 15 (20%), to the later half,
     * 4 of 15 (27%)." */
    return g_strdup_printf (_("With AI, the share of runs needing correction did not clearly "
                              "change from the earlier half of the period, %s, to the later "
                              "half, %s."), with_first, with_second);

  first = g_strdup_printf (trend->direction == YS_TREND_RISING
                           ? _("With AI, the share of runs needing correction rose from %s in "
                               "the earlier half of the period to %s in the later half, more "
                               "than chance would explain.")
                           : _("With AI, the share of runs needing correction fell from %s in "
                               "the earlier half of the period to %s in the later half, more "
                               "than chance would explain."),
                           with_first, with_second);

  switch (trend->baseline)
    {
    case YS_TREND_BASELINE_SAME:
      rest = trend->direction == YS_TREND_RISING
        ? g_strdup_printf (_("Without AI it rose as well in the same weeks, from %s to %s, so the "
                             "tool is not the cause."), without_first, without_second)
        : g_strdup_printf (_("Without AI it fell as well in the same weeks, from %s to %s, so the "
                             "tool is not the cause."), without_first, without_second);
      break;
    case YS_TREND_BASELINE_OTHER:
      rest = trend->direction == YS_TREND_RISING
        ? g_strdup_printf (_("Without AI it went from %s to %s in the same weeks: the tool may be "
                             "the wrong one for this job."), without_first, without_second)
        : g_strdup_printf (_("Without AI it went from %s to %s in the same weeks."),
                           without_first, without_second);
      break;
    case YS_TREND_BASELINE_UNKNOWN:
    default:
      rest = g_strdup (_("There were too few runs without AI in the same weeks to tell whether "
                         "the tool is the cause."));
      break;
    }

  return g_strdup_printf ("%s %s", first, rest);
}

gboolean
ys_wording_used_names_marks (const YsWorkflowFigures *w)
{
  return w->with_ai.used_known >= YS_WORDING_USED_KNOWN;
}

const char *
ys_wording_used_marks (void)
{
  /* xgettext:no-c-format */
  return _("Below 50% of outputs used, a tool is still exploration, not production; 70% or "
           "more is good.");
}

char *
ys_wording_used (const YsWorkflowFigures *w)
{
  const YsModeFigures *m = &w->with_ai;
  g_autofree char *share = NULL;
  double rate;

  if (m->used_known == 0)
    return g_strdup (_("No outcomes known yet for runs with AI."));

  if (m->used_known < YS_WORDING_USED_KNOWN)
    /* TRANSLATORS: e.g. "Of 2 outputs with AI whose use is known, 1 was used: too few to
     * judge yet (it takes 6)." */
    return g_strdup_printf (ngettext ("Of %u output with AI whose use is known, %u was used: "
                                      "too few to judge yet (it takes %u).",
                                      "Of %u outputs with AI whose use is known, %u were used: "
                                      "too few to judge yet (it takes %u).", m->used_known),
                            m->used_known, m->used_yes, YS_WORDING_USED_KNOWN);

  rate = (double) m->used_yes / m->used_known;
  share = ys_wording_percent (rate);
  if (rate < YS_STATS_USED_EXPLORATION)
    return g_strdup_printf (ngettext ("%u of %u output with AI was used (%s): below the 50%% "
                                      "mark, so this is still exploration, not production.",
                                      "%u of %u outputs with AI were used (%s): below the 50%% "
                                      "mark, so this is still exploration, not production.",
                                      m->used_known),
                            m->used_yes, m->used_known, share);
  if (rate < YS_STATS_USED_TARGET)
    return g_strdup_printf (ngettext ("%u of %u output with AI was used (%s), short of the 70%% "
                                      "mark.",
                                      "%u of %u outputs with AI were used (%s), short of the 70%% "
                                      "mark.", m->used_known),
                            m->used_yes, m->used_known, share);
  return g_strdup_printf (ngettext ("%u of %u output with AI was used (%s), at or above the "
                                    "70%% mark.",
                                    "%u of %u outputs with AI were used (%s), at or above the "
                                    "70%% mark.", m->used_known),
                          m->used_yes, m->used_known, share);
}

char *
ys_wording_time_saved (const YsWorkflowFigures *w)
{
  g_autofree char *total = NULL;
  g_autofree char *person = NULL;

  if (!w->enough_data)
    return g_strdup (_("Time saved is shown once both sides have six runs."));
  /* A time saved or lost is a finding like any other: without a clear
   * change the difference of medians may be noise. */
  if (!w->clear || !w->has_time_saved)
    return g_strdup (_("Not known yet: the difference is within normal variation, so no time "
                       "saved or lost is stated."));

  total = ys_duration_format_approx (ABS (w->time_saved_per_week));
  person = ys_duration_format_approx (ABS (w->time_saved_per_person_per_week));
  if (w->time_saved_per_week == 0)
    return g_strdup (_("No time saved or lost per week."));
  if (w->time_saved_per_week > 0)
    return g_strdup_printf (_("%s saved a week, %s per person."), total, person);
  return g_strdup_printf (_("%s lost a week, %s per person."), total, person);
}

char *
ys_wording_tool (const YsToolFigures *tool)
{
  GString *out = g_string_new (NULL);

  g_string_append_printf (out, ngettext ("%u run", "%u runs", tool->runs), tool->runs);
  if (!isnan (tool->median_seconds))
    {
      g_autofree char *median = format_median (tool->median_seconds);
      g_string_append_printf (out, _(", median %s"), median);
    }
  if (tool->used_known > 0)
    {
      g_autofree char *share = ys_wording_count_share (tool->used_yes, tool->used_known);
      /* TRANSLATORS: e.g. ", 10 of 13 (77%) used" */
      g_string_append_printf (out, _(", %s used"), share);
    }
  if (tool->yes + tool->no > 0)
    /* TRANSLATORS: feedback, e.g. "3 of 4 say it saves time" */
    g_string_append_printf (out, ngettext (", %u of %u says it saves time",
                                           ", %u of %u say it saves time", tool->yes + tool->no),
                            tool->yes, tool->yes + tool->no);
  return g_string_free (out, FALSE);
}

char *
ys_wording_divergence (const YsWorkflowFigures *w,
                       const YsToolFigures     *tool)
{
  g_autofree char *tool_median = NULL;
  g_autofree char *baseline = NULL;

  if (tool->divergent != 1)
    return NULL;

  tool_median = format_median (tool->median_seconds);
  baseline = format_median (w->without_ai.median_seconds);
  if (tool->yes_share > 0.5)
    /* TRANSLATORS: the tool's name, "3 of 4", its median and runs, the median and runs
     * without AI */
    return g_strdup_printf (_("People say %s saves time on this workflow (%u of %u answers), "
                              "but the clock does not show it: a median of %s with it (%u runs) "
                              "and %s without AI (%u runs). This gap is worth discussing as a "
                              "team."),
                            tool->name, tool->yes, tool->yes + tool->no, tool_median, tool->runs,
                            baseline, w->without_ai.runs);
  return g_strdup_printf (_("People say %s does not save time on this workflow (%u of %u "
                            "answers), but the clock says it does: a median of %s with it "
                            "(%u runs) and %s without AI (%u runs). This gap is worth "
                            "discussing as a team."),
                          tool->name, tool->no, tool->yes + tool->no, tool_median, tool->runs,
                          baseline, w->without_ai.runs);
}

char *
ys_wording_period (const GDate *from,
                   const GDate *to,
                   const char  *quarter,
                   gboolean     so_far,
                   YsDateStyle  style)
{
  char first[64], last[64];
  /* TRANSLATORS: a date in the report, see strftime() */
  const char *format = style == YS_DATES_LONG ? _("%-d %B %Y") : _("%-d %b %Y");

  g_date_strftime (first, sizeof first, format, from);
  g_date_strftime (last, sizeof last, format, to);

  if (style == YS_DATES_SHORT)
    return so_far
      /* TRANSLATORS: a period still going on, e.g. "1 Oct 2026 – 29 Nov 2026 (so far)" */
      ? g_strdup_printf (_("%s – %s (so far)"), first, last)
      /* TRANSLATORS: a period, e.g. "1 Jul 2026 – 30 Sep 2026" */
      : g_strdup_printf (_("%s – %s"), first, last);

  if (quarter != NULL)
    return so_far
      /* TRANSLATORS: a quarter still going on, e.g.
       * "1 October 2026 to 29 November 2026 (2026-Q4 so far)" */
      ? g_strdup_printf (_("%s to %s (%s so far)"), first, last, quarter)
      : g_strdup_printf (_("%s to %s (%s)"), first, last, quarter);
  return so_far
    ? g_strdup_printf (_("%s to %s (so far)"), first, last)
    : g_strdup_printf (_("%s to %s"), first, last);
}

/* What an import did, for a toast: "Imported 12 runs from anna.json: …". */
char *
ys_import_result_describe (const YsImportResult *result,
                           const char           *display_name)
{
  GString *text = g_string_new (NULL);
  guint runs = result->runs.added + result->runs.updated + result->runs.unchanged;
  guint workflows = result->workflows.added + result->workflows.updated +
                    result->workflows.unchanged;

  if (runs > 0)
    g_string_append_printf (text,
                            ngettext ("Imported %u run from %s: %u new, %u updated",
                                      "Imported %u runs from %s: %u new, %u updated", runs),
                            runs, display_name, result->runs.added, result->runs.updated);
  else
    g_string_append_printf (text,
                            ngettext ("Imported %u workflow from %s: %u new, %u updated",
                                      "Imported %u workflows from %s: %u new, %u updated",
                                      workflows),
                            workflows, display_name, result->workflows.added,
                            result->workflows.updated);

  if (result->archived_on_import > 0)
    {
      g_string_append (text, ". ");
      g_string_append_printf (text,
                              ngettext ("%u workflow arrived archived because three are active",
                                        "%u workflows arrived archived because three are active",
                                        result->archived_on_import),
                              result->archived_on_import);
    }

  return g_string_free (text, FALSE);
}

char *
ys_wording_import_refusal (const GError *error,
                           const char   *display_name)
{
  g_return_val_if_fail (error != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);

  if (error->domain != YS_ERROR)
    return g_strdup_printf (_("%s could not be imported."), display_name);

  switch (error->code)
    {
    case YS_ERROR_DAMAGED:
      /* TRANSLATORS: %s is a file name */
      return g_strdup_printf (_("%s is damaged or incomplete — perhaps it was still being "
                                "copied. Try again once it has arrived, or ask for it to be "
                                "exported again."), display_name);
    case YS_ERROR_NOT_FOUND:
      return g_strdup_printf (_("%s has runs or answers for a workflow or tool that is in neither "
                                "the file nor this database. Import that workflow from the "
                                "computer it comes from first, then this file."), display_name);
    case YS_ERROR_NEWER_DATABASE:
      return g_strdup_printf (_("%s comes from a newer version of Yardstick. Update Yardstick on "
                                "this computer to import it."), display_name);
    case YS_ERROR_TOO_LARGE:
      return g_strdup_printf (_("%s is larger than 256 MiB, too large to be a Yardstick bundle."),
                              display_name);
    case YS_ERROR_UNREADABLE:
      return g_strdup_printf (_("%s could not be read: check that it is a file you may open."),
                              display_name);
    case YS_ERROR_INVALID:
      return g_strdup_printf (_("%s has a value that Yardstick cannot accept, so nothing from it "
                                "was imported. Ask for it to be exported again; the details say "
                                "which value."), display_name);
    case YS_ERROR_DATABASE:
    case YS_ERROR_BUSY:
    case YS_ERROR_READ_ONLY:
      return g_strdup_printf (_("%s could not be imported because this database could not be "
                                "changed."), display_name);
    default:
      return g_strdup_printf (_("%s could not be imported."), display_name);
    }
}
