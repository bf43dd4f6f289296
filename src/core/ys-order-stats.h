/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * Order statistics of FORMAT.md's summary over sorted streams of distinct
 * (value, count) pairs: medians and their intervals, and the Hodges–Lehmann
 * ratio with its Moses interval. Pure functions, no store: the caller feeds
 * them from `SELECT duration_seconds, count(*) … GROUP BY 1 ORDER BY 1` or
 * the per-duration count table, so no list of runs is ever held.
 *
 * A stream is an array of YsValueCount in strictly ascending value, every
 * count at least 1. Values are 1 to G_MAXINT32 (so that the product of two
 * fits in 64 bits: pair values are compared exactly by cross-multiplying),
 * and a side's total count is at most G_MAXUINT32.
 */

typedef struct
{
  gint64  value;
  guint64 count;
} YsValueCount;

/* The smallest run count on each side for any claim: the smallest n for
 * which a median interval exists (2^-5 > 0.025 ≥ 2^-6). */
#define YS_ORDER_STATS_ENOUGH_RUNS 6

guint64  ys_order_stats_total          (const YsValueCount *values,
                                        gsize               n_values);

/* x(@rank), 1 ≤ @rank ≤ total. */
gint64   ys_order_stats_value_at       (const YsValueCount *values,
                                        gsize               n_values,
                                        guint64             rank);

/* The median (the mean of the two middle values for an even count); NAN
 * when the stream is empty. */
double   ys_order_stats_median         (const YsValueCount *values,
                                        gsize               n_values);

/* The largest k ≥ 1 with P(Binomial(@n, 1/2) ≤ k − 1) ≤ 0.025; FALSE when
 * there is none (n < 6). The median interval is [x(k), x(n − k + 1)]. */
gboolean ys_order_stats_median_ci_rank (guint64             n,
                                        guint64            *k);

/* FORMAT.md's median_ci95; FALSE (and -1, -1) when it is null. */
gboolean ys_order_stats_median_ci      (const YsValueCount *values,
                                        gsize               n_values,
                                        gint64             *low,
                                        gint64             *high);

/*
 * The same median and interval in one pass over a stream that is not held
 * anywhere: push (value, count) rows in ascending value while it returns
 * TRUE, then read the figures. @n is the stream's total count, known
 * beforehand (from the per-day totals, say).
 */
typedef struct
{
  /*< private >*/
  guint64 n;
  guint64 seen;
  gint64  last;
  guint64 ranks[4];
  gint64  values[4];
  guint   n_ranks;
} YsMedianWalk;

void     ys_median_walk_init           (YsMedianWalk       *walk,
                                        guint64             n);
gboolean ys_median_walk_push           (YsMedianWalk       *walk,
                                        gint64              value,
                                        guint64             count);
double   ys_median_walk_median         (const YsMedianWalk *walk);
gboolean ys_median_walk_interval       (const YsMedianWalk *walk,
                                        gint64             *low,
                                        gint64             *high);

/*
 * The rank k of the Moses interval [d(k), d(mn − k + 1)] for sides of @m
 * and @n runs: below 50 runs a side the largest k ≥ 1 with P(U ≤ k − 1) ≤
 * 0.025 for the exact Mann–Whitney U without ties; otherwise
 * floor(mn/2 + 0.5 − 1.959963984540054 · √(mn(m + n + 1)/12)). FALSE when
 * no k ≥ 1 exists.
 */
gboolean ys_order_stats_moses_rank     (guint64             m,
                                        guint64             n,
                                        guint64            *k);

/* One of the m·n pair values y/x, exactly: a value of the with-AI side
 * over a value of the without-AI side. */
typedef struct
{
  gint64 with_ai;
  gint64 without_ai;
} YsPairRatio;

/*
 * d(@rank), 1 ≤ @rank ≤ m·n, of the m·n values ln(y / x) with x from
 * @without_ai and y from @with_ai, returned as the exact ratio y/x. Found
 * by bisection on the value, counting the pairs below it along the two
 * streams, without enumerating the pairs: O(distinct values) per step.
 */
YsPairRatio ys_order_stats_pair_ratio_at (const YsValueCount *without_ai,
                                          gsize               n_without_ai,
                                          const YsValueCount *with_ai,
                                          gsize               n_with_ai,
                                          guint64             rank);

/* FORMAT.md's change.ratio … runs_to_settle for two streams. */
typedef struct
{
  guint64  without_ai_runs;   /* m */
  guint64  with_ai_runs;      /* n */
  gboolean has_ratio;         /* FALSE: ratio is null */
  double   ratio;
  gboolean has_interval;      /* FALSE: ratio_ci95 is null */
  double   low;
  double   high;
  gboolean enough_data;
  gboolean clear;
  int      runs_to_settle;    /* -1: null */
} YsRatioChange;

void     ys_order_stats_ratio_change   (const YsValueCount *without_ai,
                                        gsize               n_without_ai,
                                        const YsValueCount *with_ai,
                                        gsize               n_with_ai,
                                        YsRatioChange      *change);

/* The rules on their own, for figures that come from elsewhere: @low and
 * @high are ratio_ci95, @ratio the estimate, @m and @n the two run counts. */
gboolean ys_order_stats_enough_data    (guint64             m,
                                        guint64             n);
gboolean ys_order_stats_is_clear       (guint64             m,
                                        guint64             n,
                                        double              low,
                                        double              high);
/* -1 when runs_to_settle is null. */
int      ys_order_stats_runs_to_settle (guint64             m,
                                        guint64             n,
                                        double              ratio,
                                        double              low,
                                        double              high);

/* @value rounded to @decimals (0 to 9) places as FORMAT.md's "rounded" is
 * read by a script: an exact half of the value as the computer holds it
 * goes to the even neighbour, as Python's round() and R's round() give
 * (-66.25 is -66.2, and 4,867.26 / 0.8, a hair below 6,084.075, is
 * 6,084.07). */
double   ys_round_decimals             (double              value,
                                        guint               decimals);

G_END_DECLS
