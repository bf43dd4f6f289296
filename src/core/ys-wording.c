/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "yardstick-core"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "ys-duration.h"
#include "ys-wording.h"

/*
 * What the app may say about the figures. A finding ("went from … to …")
 * needs a clear change; otherwise the sentence states the evidence plainly.
 * The same rules serve the workflow page, the overview and the report.
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
      g_string_append (out, week->correction_rate[mode] > 0 ? _(", needed correcting")
                                                            : _(", no corrections"));
      if (!isnan (week->used_rate[mode]))
        g_string_append (out, week->used_rate[mode] > 0 ? _(", used") : _(", not used"));
      return g_string_free (out, FALSE);
    }

  {
    g_autofree char *corrected = ys_wording_percent (week->correction_rate[mode]);

    g_string_append_printf (out, ngettext ("%u run, median %s, %s corrected",
                                           "%u runs, median %s, %s corrected", week->runs[mode]),
                            week->runs[mode], duration, corrected);
  }
  if (!isnan (week->used_rate[mode]))
    {
      g_autofree char *used = ys_wording_percent (week->used_rate[mode]);
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
      /* Whole percent toward zero: a headline never claims more than the data. */
      before = format_median (w->without_ai.median_seconds);
      after = format_median (w->with_ai.median_seconds);
      if (w->change_percent < 0)
        /* TRANSLATORS: a clear finding, e.g. "Policy brief draft: with AI it takes
         * 1 h 30 min instead of 4 h — 62% faster (medians of 18 and 12 runs)." */
        return g_strdup_printf (_("%s: with AI it takes %s instead of %s — %d%% faster "
                                  "(medians of %u and %u runs)."),
                                w->name, after, before, (int) -w->change_percent,
                                w->with_ai.runs, w->without_ai.runs);
      return g_strdup_printf (_("%s: with AI it takes %s instead of %s — %d%% slower "
                                "(medians of %u and %u runs)."),
                              w->name, after, before, (int) w->change_percent,
                              w->with_ai.runs, w->without_ai.runs);
    }
}

static void
append_sentence (GString    *out,
                 const char *sentence)
{
  if (out->len > 0)
    g_string_append_c (out, ' ');
  g_string_append (out, sentence);
}

static char *
per_run (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  /* One decimal in the reader's locale. */
  g_snprintf (buffer, sizeof buffer, "%.1f", value);
  return g_strdup (buffer);
}

char *
ys_wording_corrections (const YsWorkflowFigures *w,
                        YsTrend                  trend)
{
  GString *out = g_string_new (NULL);

  if (w->with_ai.runs == 0 && w->without_ai.runs == 0)
    {
      g_string_append (out, _("No runs yet."));
      return g_string_free (out, FALSE);
    }

  if (w->with_ai.runs > 0 && w->without_ai.runs > 0)
    {
      g_autofree char *with_ai = per_run (w->with_ai.corrections_per_run);
      g_autofree char *without_ai = per_run (w->without_ai.corrections_per_run);
      g_autofree char *sentence =
        g_strdup_printf (_("%s corrections per run with AI, %s without."), with_ai, without_ai);
      append_sentence (out, sentence);
    }
  else
    {
      const YsModeFigures *m = w->with_ai.runs > 0 ? &w->with_ai : &w->without_ai;
      g_autofree char *value = per_run (m->corrections_per_run);
      g_autofree char *sentence = g_strdup_printf (w->with_ai.runs > 0
                                                   ? _("%s corrections per run with AI.")
                                                   : _("%s corrections per run without AI."),
                                                   value);
      append_sentence (out, sentence);
    }

  switch (trend)
    {
    case YS_TREND_RISING:
      append_sentence (out, _("The correction rate with AI is rising: the tool may be the wrong "
                              "one for this job."));
      break;
    case YS_TREND_FALLING:
      append_sentence (out, _("The correction rate with AI is falling."));
      break;
    case YS_TREND_STEADY:
      append_sentence (out, _("The correction rate with AI is steady."));
      break;
    case YS_TREND_UNKNOWN:
    default:
      break;
    }

  return g_string_free (out, FALSE);
}

char *
ys_wording_used (const YsWorkflowFigures *w)
{
  g_autofree char *share = NULL;
  double rate = w->with_ai.used_rate;

  if (isnan (rate))
    return g_strdup (_("No outcomes known yet for runs with AI."));

  share = ys_wording_percent (rate);
  if (rate < YS_STATS_USED_EXPLORATION)
    return g_strdup_printf (_("%s of outputs with AI were used — below half, so this is still "
                              "exploration, not production."), share);
  if (rate < YS_STATS_USED_TARGET)
    return g_strdup_printf (_("%s of outputs with AI were used, short of the 70%% mark."), share);
  return g_strdup_printf (_("%s of outputs with AI were used, at or above the 70%% mark."), share);
}

char *
ys_wording_time_saved (const YsWorkflowFigures *w)
{
  g_autofree char *total = NULL;
  g_autofree char *person = NULL;

  if (!w->has_time_saved)
    return g_strdup (_("Time saved is shown once both sides have six runs."));

  total = ys_duration_format_approx (w->time_saved_per_week);
  person = ys_duration_format_approx (w->time_saved_per_person_per_week);
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
  if (!isnan (tool->used_rate))
    {
      g_autofree char *share = ys_wording_percent (tool->used_rate);
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
    return g_strdup_printf (_("People say %s saves time on this workflow, but the clock says "
                              "otherwise: a median of %s with it and %s without AI. This gap is "
                              "worth discussing as a team."),
                            tool->name, tool_median, baseline);
  return g_strdup_printf (_("People say %s does not save time on this workflow, but the clock "
                            "says it does: a median of %s with it and %s without AI. This gap "
                            "is worth discussing as a team."),
                          tool->name, tool_median, baseline);
}

YsTrend
ys_wording_correction_trend (GArray *weeks)
{
  double first_sum = 0, second_sum = 0;
  guint first_runs = 0, second_runs = 0;
  guint half;

  if (weeks == NULL || weeks->len < 4)
    return YS_TREND_UNKNOWN;

  half = weeks->len / 2;
  for (guint i = 0; i < weeks->len; i++)
    {
      const YsWeek *week = &g_array_index (weeks, YsWeek, i);
      guint runs = week->runs[YS_MODE_WITH_AI];

      if (runs == 0)
        continue;
      if (i < half)
        {
          first_sum += week->correction_rate[YS_MODE_WITH_AI] * runs;
          first_runs += runs;
        }
      else
        {
          second_sum += week->correction_rate[YS_MODE_WITH_AI] * runs;
          second_runs += runs;
        }
    }

  if (first_runs < 3 || second_runs < 3)
    return YS_TREND_UNKNOWN;

  /* Ten points either way is a change worth mentioning; less is steady. */
  if (second_sum / second_runs > first_sum / first_runs + 0.1)
    return YS_TREND_RISING;
  if (second_sum / second_runs < first_sum / first_runs - 0.1)
    return YS_TREND_FALLING;
  return YS_TREND_STEADY;
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
