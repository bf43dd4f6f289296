/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "yardstick-bench"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>

#include "ys-order-stats.h"

/*
 * Benchmark, not a test: the order statistics of FORMAT.md's summary on two
 * sides of up to 1,000,000 runs each, log-normal durations in whole seconds
 * (about 50,000 distinct durations a side at a million runs), and the same
 * rounded to whole minutes (few distinct durations, many equal ratios).
 * Prints the median of five timings of each step, and checks each pair
 * value it found by counting the pairs below it with a binary search per
 * row (O(distinct · log distinct), independent of the selection).
 *
 *   _build/tests/bench-order-stats [RUNS_PER_SIDE]
 */

#define ROUNDS 5

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median_of (double *times)
{
  qsort (times, ROUNDS, sizeof *times, compare_doubles);
  return times[ROUNDS / 2];
}

/* @runs log-normal durations around @median seconds, as a (value, count)
 * stream; @unit rounds them (1: seconds, 60: minutes). */
static GArray *
make_side (GRand  *rand,
           guint   runs,
           double  median,
           double  sdlog,
           gint64  unit)
{
  g_autofree guint64 *counts = g_new0 (guint64, 604801);
  GArray *stream = g_array_new (FALSE, FALSE, sizeof (YsValueCount));

  for (guint i = 0; i < runs; i++)
    {
      /* Box–Muller */
      double u = g_rand_double (rand), v = g_rand_double (rand);
      double z = sqrt (-2.0 * log (1.0 - u)) * cos (2 * G_PI * v);
      gint64 d = llround (median * exp (sdlog * z) / unit) * unit;

      counts[CLAMP (d, unit, 604800 / unit * unit)]++;
    }
  for (gint64 d = 1; d <= 604800; d++)
    if (counts[d] > 0)
      {
        YsValueCount item = { d, counts[d] };
        g_array_append_val (stream, item);
      }
  return stream;
}

#define STREAM(array) ((const YsValueCount *) (const void *) (array)->data), (array)->len

/* Pairs with y/x below (or at most) @v, by binary search in each row. */
static guint64
count_pairs (GArray      *x,
             GArray      *y,
             YsPairRatio  v,
             gboolean     or_equal)
{
  g_autofree guint64 *before = g_new (guint64, y->len + 1);
  guint64 count = 0;

  before[0] = 0;
  for (guint i = 0; i < y->len; i++)
    before[i + 1] = before[i] + g_array_index (y, YsValueCount, i).count;

  for (guint j = 0; j < x->len; j++)
    {
      const YsValueCount *xv = &g_array_index (x, YsValueCount, j);
      guint lo = 0, hi = y->len;

      /* first i with y_i/x_j above (or at least) v */
      while (lo < hi)
        {
          guint mid = lo + (hi - lo) / 2;
          gint64 left = g_array_index (y, YsValueCount, mid).value * v.without_ai;
          gint64 right = v.with_ai * xv->value;

          if (or_equal ? left <= right : left < right)
            lo = mid + 1;
          else
            hi = mid;
        }
      count += xv->count * before[lo];
    }
  return count;
}

static void
verify (GArray      *x,
        GArray      *y,
        guint64      rank,
        YsPairRatio  v)
{
  guint64 below = count_pairs (x, y, v, FALSE), at_most = count_pairs (x, y, v, TRUE);

  if (!(below < rank && rank <= at_most))
    g_error ("d(%" G_GUINT64_FORMAT ") = %" G_GINT64_FORMAT "/%" G_GINT64_FORMAT
             " is wrong: %" G_GUINT64_FORMAT " pairs below, %" G_GUINT64_FORMAT " at most",
             rank, v.with_ai, v.without_ai, below, at_most);
}

static void
run (const char *label,
     GArray     *x,
     GArray     *y)
{
  guint64 m = ys_order_stats_total (STREAM (x)), n = ys_order_stats_total (STREAM (y));
  guint64 mn = m * n, k = 0;
  double t_median[ROUNDS], t_pair[ROUNDS], t_change[ROUNDS];
  YsRatioChange change;
  YsPairRatio v;

  ys_order_stats_moses_rank (m, n, &k);

  for (guint r = 0; r < ROUNDS; r++)
    {
      gint64 start = g_get_monotonic_time ();
      gint64 low, high;

      ys_order_stats_median (STREAM (x));
      ys_order_stats_median_ci (STREAM (x), &low, &high);
      ys_order_stats_median (STREAM (y));
      ys_order_stats_median_ci (STREAM (y), &low, &high);
      t_median[r] = (g_get_monotonic_time () - start) / 1000.0;

      start = g_get_monotonic_time ();
      v = ys_order_stats_pair_ratio_at (STREAM (x), STREAM (y), k);
      t_pair[r] = (g_get_monotonic_time () - start) / 1000.0;

      start = g_get_monotonic_time ();
      ys_order_stats_ratio_change (STREAM (x), STREAM (y), &change);
      t_change[r] = (g_get_monotonic_time () - start) / 1000.0;
    }

  verify (x, y, k, v);
  verify (x, y, mn - k + 1, ys_order_stats_pair_ratio_at (STREAM (x), STREAM (y), mn - k + 1));
  verify (x, y, (mn + 1) / 2, ys_order_stats_pair_ratio_at (STREAM (x), STREAM (y), (mn + 1) / 2));

  printf ("%-28s %9" G_GUINT64_FORMAT " %9" G_GUINT64_FORMAT " %7u %7u %9.2f %9.2f %9.2f   "
          "%.4f [%.4f, %.4f]\n",
          label, m, n, x->len, y->len, median_of (t_median), median_of (t_pair),
          median_of (t_change), change.ratio, change.low, change.high);
}

int
main (int   argc,
      char *argv[])
{
  guint max_runs = argc > 1 ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : 1000000;
  g_autoptr(GRand) rand = g_rand_new_with_seed (16);
  struct rusage usage;

  printf ("%-28s %9s %9s %7s %7s %9s %9s %9s   %s\n", "case", "m", "n", "dist x", "dist y",
          "medians", "one d(k)", "change", "ratio [interval]");
  printf ("%-28s %9s %9s %7s %7s %9s %9s %9s\n", "", "", "", "", "", "ms", "ms", "ms");

  for (guint runs = 10000; runs <= max_runs; runs *= 10)
    {
      g_autoptr(GArray) x = make_side (rand, runs, 5400, 1.0, 1);
      g_autoptr(GArray) y = make_side (rand, runs, 4000, 1.0, 1);
      g_autoptr(GArray) xm = make_side (rand, runs, 5400, 1.0, 60);
      g_autoptr(GArray) ym = make_side (rand, runs, 4000, 1.0, 60);
      g_autofree char *seconds = g_strdup_printf ("%u a side, seconds", runs);
      g_autofree char *minutes = g_strdup_printf ("%u a side, minutes", runs);

      run (seconds, x, y);
      run (minutes, xm, ym);
    }

  getrusage (RUSAGE_SELF, &usage);
  printf ("\nmedians: both sides' median and median_ci95; one d(k): a single pair order\n"
          "statistic; change: ratio, ratio_ci95, clear and runs_to_settle. Median of %d.\n"
          "Peak memory %ld MB (the benchmark's own data included).\n",
          ROUNDS, usage.ru_maxrss / 1024);
  return 0;
}
