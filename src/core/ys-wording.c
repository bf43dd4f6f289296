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

/* The change the headline words: the drawn runs' alone once they are
 * enough to compare (FORMAT.md's fair_test), otherwise all the runs'. */
static const YsRatioChange *
headline_change (const YsWorkflowFigures *w,
                 gboolean                *fair)
{
  *fair = w->fair_test.change.enough_data;
  return *fair ? &w->fair_test.change : &w->change;
}

gboolean
ys_wording_from_fair_test (const YsWorkflowFigures *w)
{
  return w->fair_test.change.enough_data;
}

YsEvidence
ys_wording_evidence (const YsWorkflowFigures *w)
{
  gboolean fair;

  if (w->without_ai.runs == 0 && w->with_ai.runs >= YS_STATS_ENOUGH_RUNS)
    return YS_EVIDENCE_NO_BASELINE;
  /* The drawn runs are some of all the runs: enough of them means enough. */
  if (!w->enough_data)
    return YS_EVIDENCE_COLLECTING;
  return headline_change (w, &fair)->clear ? YS_EVIDENCE_CLEAR : YS_EVIDENCE_WITHIN_NOISE;
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

/* Whole percents that never claim more than the figures: the estimate
 * toward no change, an interval's ends outward, so that the printed range
 * holds the computed one. The tolerance keeps e.g. 1 − 0.43 at 57, not 56. */
static int
percent_in (double share)
{
  return (int) floor (share * 100 + 1e-9);
}

static int
percent_out (double share)
{
  return (int) ceil (share * 100 - 1e-9);
}

/* An interval that lies between 0.9 and 1.1 rules out a change of more
 * than about a tenth either way: that is "about the same", whatever the
 * estimate, and a percentage would claim more than the data supports. */
static gboolean
about_the_same (const YsRatioChange *c)
{
  return c->has_interval && c->low >= 0.9 && c->high <= 1.1;
}

/* "about 40% less time (between 28% and 50% less)"; only for a clear
 * change or one that is about the same. */
static char *
change_clause (const YsRatioChange *c)
{
  if (about_the_same (c))
    {
      if (c->high < 1)
        /* TRANSLATORS: part of a headline, e.g. "about the same time (between 2% and 7% less)" */
        return g_strdup_printf (_("about the same time (between %d%% and %d%% less)"),
                                percent_in (1 - c->high), percent_out (1 - c->low));
      if (c->low > 1)
        return g_strdup_printf (_("about the same time (between %d%% and %d%% more)"),
                                percent_in (c->low - 1), percent_out (c->high - 1));
      /* TRANSLATORS: part of a headline, e.g. "about the same time (between 4% less and
       * 3% more)" */
      return g_strdup_printf (_("about the same time (between %d%% less and %d%% more)"),
                              percent_out (1 - c->low), percent_out (c->high - 1));
    }
  if (c->ratio < 1)
    /* TRANSLATORS: part of a headline: the ratio and its 95% interval as time saved, e.g.
     * "about 40% less time (between 28% and 50% less)" */
    return g_strdup_printf (_("about %d%% less time (between %d%% and %d%% less)"),
                            percent_in (1 - c->ratio), percent_in (1 - c->high),
                            percent_out (1 - c->low));
  return g_strdup_printf (_("about %d%% more time (between %d%% and %d%% more)"),
                          percent_in (c->ratio - 1), percent_in (c->low - 1),
                          percent_out (c->high - 1));
}

char *
ys_wording_runs_to_settle (const YsWorkflowFigures *w)
{
  int more = w->change.runs_to_settle;

  if (w->change.clear || more < 0)
    return NULL;
  if (more >= 999)
    return g_strdup (_("Not clear yet: the difference may be too small to matter."));
  /* TRANSLATORS: FORMAT.md's runs_to_settle, a planning estimate */
  return g_strdup_printf (ngettext ("Not clear yet: about %d more run of each kind would "
                                    "probably settle it.",
                                    "Not clear yet: about %d more runs of each kind would "
                                    "probably settle it.", more), more);
}

char *
ys_wording_chosen_caveat (const YsWorkflowFigures *w)
{
  const YsFairTestFigures *f = &w->fair_test;
  guint total = f->drawn + f->overridden + f->chosen;

  /* FORMAT.md: fewer than 80% of the period's runs drawn. */
  if (ys_wording_from_fair_test (w) || total == 0 || (guint64) f->drawn * 5 >= (guint64) total * 4)
    return NULL;
  /* TRANSLATORS: runs whose mode a person chose (or drew and did the other way) of all runs */
  return g_strdup_printf (ngettext ("People chose with or without AI for %u of these %u run, so "
                                    "the comparison may favour one side.",
                                    "People chose with or without AI for %u of these %u runs, so "
                                    "the comparison may favour one side.", total),
                          total - f->drawn, total);
}

static char *
comparison_headline (const YsWorkflowFigures *w)
{
  gboolean fair;
  const YsRatioChange *c = headline_change (w, &fair);
  g_autofree char *first = NULL;
  g_autofree char *settle = NULL;
  g_autofree char *caveat = NULL;
  GString *out;

  if (c->clear || about_the_same (c))
    {
      g_autofree char *clause = change_clause (c);

      first = fair
        /* TRANSLATORS: e.g. "about 40% less time (between 28% and 50% less)", then the drawn
         * runs with AI and without. The page or the report names the workflow above it. */
        ? g_strdup_printf (_("In a fair test (Yardstick drew with or without AI for each run), "
                             "with AI it takes %s, from %u runs with AI and %u without."),
                           clause, (guint) c->with_ai_runs, (guint) c->without_ai_runs)
        /* TRANSLATORS: the workflow's name, then e.g. "about 40% less time (between 28% and
         * 50% less)", then the runs with AI and without */
        : g_strdup_printf (_("%s: with AI it takes %s, from %u runs with AI and %u without."),
                           w->name, clause, (guint) c->with_ai_runs, (guint) c->without_ai_runs);
    }
  else if (fair)
    first = g_strdup_printf (_("In a fair test (Yardstick drew with or without AI for each run), "
                               "the difference is within normal variation so far (%u runs with "
                               "AI and %u without)."),
                             (guint) c->with_ai_runs, (guint) c->without_ai_runs);
  else
    {
      g_autofree char *before = format_median (w->without_ai.median_seconds);
      g_autofree char *after = format_median (w->with_ai.median_seconds);

      first = g_strdup_printf (_("The difference is within normal variation so far: a median of "
                                 "%s with AI and %s without (%u and %u runs)."),
                               after, before, w->with_ai.runs, w->without_ai.runs);
    }

  /* runs_to_settle belongs to the change over all runs, so it follows
   * only a headline worded from that change. */
  if (!fair)
    settle = ys_wording_runs_to_settle (w);
  caveat = ys_wording_chosen_caveat (w);

  out = g_string_new (first);
  if (settle != NULL)
    g_string_append_printf (out, " %s", settle);
  if (caveat != NULL)
    g_string_append_printf (out, " %s", caveat);
  return g_string_free (out, FALSE);
}

char *
ys_wording_headline (const YsWorkflowFigures *w)
{
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
    case YS_EVIDENCE_CLEAR:
    default:
      return comparison_headline (w);
    }
}

/* A ratio with two decimals in the reader's locale; a range's ends
 * outward, so that the printed range holds the computed one. */
static char *
format_ratio (double value,
              int    direction)
{
  double scaled = value * 100;

  scaled = direction < 0 ? floor (scaled + 1e-9) : direction > 0 ? ceil (scaled - 1e-9)
                         : round (scaled);
  return g_strdup_printf ("%.2f", scaled / 100);
}

static char *
interval_row_label (const YsRatioChange *c,
                    gboolean             fair)
{
  g_autofree char *ratio = format_ratio (c->ratio, 0);
  g_autofree char *low = format_ratio (c->low, -1);
  g_autofree char *high = format_ratio (c->high, 1);

  return fair
    /* TRANSLATORS: a row of the forest plot: the ratio and its 95% range, e.g.
     * "Fair test, drawn runs only: 0.60 (95% range 0.50 to 0.72)" */
    ? g_strdup_printf (_("Fair test, drawn runs only: %s (95%% range %s to %s)"), ratio, low, high)
    : g_strdup_printf (_("All runs: %s (95%% range %s to %s)"), ratio, low, high);
}

guint
ys_wording_interval_rows (const YsWorkflowFigures *w,
                          const YsRatioChange     *changes[2],
                          char                    *labels[2])
{
  guint n = 0;

  /* Below six runs a side the app makes no claim, and draws none. */
  if (w->change.enough_data && w->change.has_interval && w->change.has_ratio)
    {
      changes[n] = &w->change;
      labels[n++] = interval_row_label (&w->change, FALSE);
    }
  if (w->fair_test.change.enough_data && w->fair_test.change.has_interval &&
      w->fair_test.change.has_ratio)
    {
      changes[n] = &w->fair_test.change;
      labels[n++] = interval_row_label (&w->fair_test.change, TRUE);
    }
  return n;
}

char *
ys_wording_interval_description (const YsWorkflowFigures *w)
{
  const YsRatioChange *changes[2];
  char *labels[2];
  guint n = ys_wording_interval_rows (w, changes, labels);
  GString *out;

  if (n == 0)
    return NULL;

  out = g_string_new (NULL);
  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append_c (out, ' ');
      if (changes[i]->high < 1)
        g_string_append_printf (out, _("%s: the whole range lies below 1 (the same time), so runs "
                                       "with AI clearly take less time."), labels[i]);
      else if (changes[i]->low > 1)
        g_string_append_printf (out, _("%s: the whole range lies above 1 (the same time), so runs "
                                       "with AI clearly take more time."), labels[i]);
      else
        g_string_append_printf (out, _("%s: the range includes 1 (the same time), so the change "
                                       "is not clear yet."), labels[i]);
      g_free (labels[i]);
    }
  return g_string_free (out, FALSE);
}

char *
ys_wording_fair_test_counts (const YsWorkflowFigures *w)
{
  const YsFairTestFigures *f = &w->fair_test;
  guint total = f->drawn + f->overridden + f->chosen;
  g_autofree char *drawn = NULL;

  if (total == 0)
    return NULL;
  drawn = ys_wording_count_share (f->drawn, total);
  /* TRANSLATORS: how the mode of the period's runs was decided, e.g. "Drawn by Yardstick:
   * 21 of 30 (70%). Done the other way than drawn: 2. Chosen by people: 7." */
  return g_strdup_printf (_("Drawn by Yardstick: %s. Done the other way than drawn: %u. Chosen by "
                            "people: %u."), drawn, f->overridden, f->chosen);
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
  if (ys_wording_from_fair_test (w) && w->fair_test.change.clear && !w->clear)
    return g_strdup (_("Not known yet: the fair test shows a clear change, but over all runs "
                       "the difference is within normal variation, so no time saved or lost "
                       "is stated."));
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
                              ngettext ("%u workflow was archived to keep three active",
                                        "%u workflows were archived to keep three active",
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
      return g_strdup_printf (_("%s is larger than 1 GiB, too large to be a Yardstick bundle."),
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
