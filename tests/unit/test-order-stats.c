/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "yardstick-test"

#include <math.h>
#include <stdlib.h>

#include "ys-order-stats.h"

#include "data/order-stats-fixtures.h"

/*
 * Expected values come from outside ys-order-stats.c: R (the fixtures made
 * by data/make-order-stats-fixtures.R), a published table of Mann–Whitney
 * critical values, sums worked by hand (shown beside them), and a
 * brute-force enumeration of every pair in this file.
 */

static void
assert_close (double actual,
              double expected)
{
  if (isnan (expected))
    {
      g_assert_true (isnan (actual));
      return;
    }
  g_assert_cmpfloat_with_epsilon (actual, expected, 1e-12 * fabs (expected));
}

static int
compare_gint64 (const void *a,
                const void *b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

/* The runs' durations as a sorted (value, count) stream. */
static GArray *
stream_from_runs (const gint64 *runs,
                  guint         n_runs)
{
  g_autofree gint64 *sorted = g_memdup2 (runs, n_runs * sizeof *runs);
  GArray *stream = g_array_new (FALSE, FALSE, sizeof (YsValueCount));

  qsort (sorted, n_runs, sizeof *sorted, compare_gint64);
  for (guint i = 0; i < n_runs; i++)
    {
      if (stream->len > 0 && g_array_index (stream, YsValueCount, stream->len - 1).value == sorted[i])
        g_array_index (stream, YsValueCount, stream->len - 1).count++;
      else
        {
          YsValueCount item = { sorted[i], 1 };
          g_array_append_val (stream, item);
        }
    }
  return stream;
}

#define STREAM(array) ((const YsValueCount *) (const void *) (array)->data), (array)->len

/* Medians ------------------------------------------------------------------- */

static void
test_median (void)
{
  static const YsValueCount odd[] = { { 10, 1 }, { 20, 1 }, { 30, 1 } };
  static const YsValueCount even[] = { { 1, 1 }, { 2, 1 } };
  static const YsValueCount counted[] = { { 10, 1 }, { 20, 2 }, { 30, 1 } };
  static const YsValueCount straddle[] = { { 100, 2 }, { 400, 2 } };

  assert_close (ys_order_stats_median (odd, 3), 20);
  assert_close (ys_order_stats_median (even, 2), 1.5);
  /* 10, 20, 20, 30: the two middle values are both 20. */
  assert_close (ys_order_stats_median (counted, 3), 20);
  /* 100, 100, 400, 400: the mean of the two middle ones. */
  assert_close (ys_order_stats_median (straddle, 2), 250);
  g_assert_true (isnan (ys_order_stats_median (NULL, 0)));

  g_assert_cmpint (ys_order_stats_value_at (counted, 3, 1), ==, 10);
  g_assert_cmpint (ys_order_stats_value_at (counted, 3, 2), ==, 20);
  g_assert_cmpint (ys_order_stats_value_at (counted, 3, 3), ==, 20);
  g_assert_cmpint (ys_order_stats_value_at (counted, 3, 4), ==, 30);
  g_assert_cmpuint (ys_order_stats_total (counted, 3), ==, 4);
}

/*
 * P(Binomial(n, 1/2) ≤ j) = Σ_{i ≤ j} C(n, i) / 2^n, by hand:
 *   n = 5:  P(≤ 0) = 1/32 = 0.031 > 0.025                        → none
 *   n = 6:  P(≤ 0) = 1/64 = 0.016;  P(≤ 1) = 7/64 = 0.109         → k = 1
 *   n = 8:  P(≤ 0) = 1/256;  P(≤ 1) = 9/256 = 0.035              → k = 1
 *   n = 9:  P(≤ 1) = 10/512 = 0.0195;  P(≤ 2) = 46/512 = 0.090   → k = 2
 *   n = 10: P(≤ 1) = 11/1024 = 0.011;  P(≤ 2) = 56/1024 = 0.055  → k = 2
 *   n = 20: 1 + 20 + 190 + 1140 + 4845 + 15504 = 21700;
 *           P(≤ 5) = 21700/1048576 = 0.0207;
 *           P(≤ 6) = (21700 + 38760)/1048576 = 0.0577            → k = 6
 */
static void
test_median_ci_rank (void)
{
  static const struct { guint64 n; guint64 k; } by_hand[] = {
    { 6, 1 }, { 8, 1 }, { 9, 2 }, { 10, 2 }, { 20, 6 },
  };
  guint64 k = 0;

  for (guint64 n = 0; n <= 5; n++)
    g_assert_false (ys_order_stats_median_ci_rank (n, &k));
  for (guint i = 0; i < G_N_ELEMENTS (by_hand); i++)
    {
      g_assert_true (ys_order_stats_median_ci_rank (by_hand[i].n, &k));
      g_assert_cmpuint (k, ==, by_hand[i].k);
    }

  /* R's pbinom, up to two million runs. */
  for (guint i = 0; i < G_N_ELEMENTS (median_ranks); i++)
    {
      g_test_message ("n = %" G_GUINT64_FORMAT, median_ranks[i].n);
      if (median_ranks[i].k == 0)
        g_assert_false (ys_order_stats_median_ci_rank (median_ranks[i].n, &k));
      else
        {
          g_assert_true (ys_order_stats_median_ci_rank (median_ranks[i].n, &k));
          g_assert_cmpuint (k, ==, median_ranks[i].k);
        }
    }
}

static void
test_median_ci (void)
{
  /* 1 … 6: k = 1, so the whole range. */
  static const YsValueCount six[] = { { 1, 1 }, { 2, 1 }, { 3, 1 }, { 4, 1 }, { 5, 1 }, { 6, 1 } };
  /* 1 … 10: k = 2, [x(2), x(9)]. */
  static const YsValueCount ten[] = { { 1, 1 }, { 2, 1 }, { 3, 1 }, { 4, 1 }, { 5, 1 },
                                      { 6, 1 }, { 7, 1 }, { 8, 1 }, { 9, 1 }, { 10, 1 } };
  /* 20 runs: 100 ×5, 200 ×10, 300 ×5; k = 6, so x(6) = x(15) = 200. */
  static const YsValueCount twenty[] = { { 100, 5 }, { 200, 10 }, { 300, 5 } };
  /* 20 runs: 100 ×6, 200 ×8, 300 ×6; x(6) = 100, x(15) = 300. */
  static const YsValueCount edges[] = { { 100, 6 }, { 200, 8 }, { 300, 6 } };
  static const YsValueCount five[] = { { 1, 5 } };
  gint64 low = 0, high = 0;

  g_assert_true (ys_order_stats_median_ci (six, 6, &low, &high));
  g_assert_cmpint (low, ==, 1);
  g_assert_cmpint (high, ==, 6);
  g_assert_true (ys_order_stats_median_ci (ten, 10, &low, &high));
  g_assert_cmpint (low, ==, 2);
  g_assert_cmpint (high, ==, 9);
  g_assert_true (ys_order_stats_median_ci (twenty, 3, &low, &high));
  g_assert_cmpint (low, ==, 200);
  g_assert_cmpint (high, ==, 200);
  g_assert_true (ys_order_stats_median_ci (edges, 3, &low, &high));
  g_assert_cmpint (low, ==, 100);
  g_assert_cmpint (high, ==, 300);
  g_assert_false (ys_order_stats_median_ci (five, 1, &low, &high));
  g_assert_cmpint (low, ==, -1);
  g_assert_cmpint (high, ==, -1);
}

/* The walk reads only as far as the highest rank it needs. */
static void
test_median_walk (void)
{
  YsMedianWalk walk;
  gint64 low, high;

  /* 20 runs (k = 6): ranks 6, 10, 11 and 15. */
  ys_median_walk_init (&walk, 20);
  g_assert_true (ys_median_walk_push (&walk, 100, 5));     /* 1–5 */
  g_assert_true (ys_median_walk_push (&walk, 150, 5));     /* 6–10 */
  g_assert_true (ys_median_walk_push (&walk, 160, 1));     /* 11 */
  g_assert_false (ys_median_walk_push (&walk, 170, 4));    /* 12–15: done */
  assert_close (ys_median_walk_median (&walk), 155);
  g_assert_true (ys_median_walk_interval (&walk, &low, &high));
  g_assert_cmpint (low, ==, 150);
  g_assert_cmpint (high, ==, 170);

  /* 3 runs: no interval; done at the middle one. */
  ys_median_walk_init (&walk, 3);
  g_assert_true (ys_median_walk_push (&walk, 7, 1));
  g_assert_false (ys_median_walk_push (&walk, 9, 1));
  assert_close (ys_median_walk_median (&walk), 9);
  g_assert_false (ys_median_walk_interval (&walk, &low, &high));

  ys_median_walk_init (&walk, 0);
  g_assert_true (isnan (ys_median_walk_median (&walk)));
}

/* The Mann–Whitney rank --------------------------------------------------------- */

/*
 * Critical values of U for a two-tailed test at α = 0.05 (reject when U ≤
 * U_crit), as printed in the usual table for n1, n2 ≤ 20, e.g.
 * http://numeracy-bank.net/?q=t/stt/mwu/3 (the same table as in most
 * statistics textbooks). The Moses rank is k = U_crit + 1; "–" in the table
 * (no test possible) is no k. That table prints 67 for n1 = 14, n2 = 17; the
 * exact value is 69 (exact integer counts, and R's pwilcox), a misprint
 * copied from table to table, so it is left out here.
 */
static void
test_mann_whitney_published (void)
{
  static const struct { guint m, n; int u_crit; } table[] = {
    { 6, 6, 5 }, { 10, 10, 23 },
    { 5, 5, 2 }, { 8, 8, 13 }, { 20, 20, 127 }, { 5, 20, 20 }, { 7, 12, 18 },
    { 12, 7, 18 }, { 9, 15, 34 }, { 13, 20, 76 }, { 14, 16, 64 }, { 14, 18, 74 },
    { 3, 5, 0 }, { 2, 8, 0 }, { 6, 11, 13 }, { 11, 19, 58 }, { 2, 7, -1 }, { 4, 4, 0 },
    { 3, 4, -1 },
  };
  guint64 k;

  for (guint i = 0; i < G_N_ELEMENTS (table); i++)
    {
      g_test_message ("m = %u, n = %u", table[i].m, table[i].n);
      if (table[i].u_crit < 0)
        g_assert_false (ys_order_stats_moses_rank (table[i].m, table[i].n, &k));
      else
        {
          g_assert_true (ys_order_stats_moses_rank (table[i].m, table[i].n, &k));
          g_assert_cmpuint (k, ==, (guint64) table[i].u_crit + 1);
        }
    }
}

/* Every size below 50, against R's pwilcox. */
static void
test_mann_whitney_table (void)
{
  for (guint m = 1; m <= 49; m++)
    for (guint n = 1; n <= 49; n++)
      {
        guint64 k = 0;
        gboolean exists = ys_order_stats_moses_rank (m, n, &k);

        if (mann_whitney_ranks[m - 1][n - 1] == 0)
          g_assert_false (exists);
        else
          {
            g_assert_true (exists);
            g_assert_cmpuint (k, ==, mann_whitney_ranks[m - 1][n - 1]);
          }
      }

  /* P(U ≤ 0) = 1 / C(40, 1) = 0.025 exactly: k = 1, the boundary itself. */
  g_assert_cmpuint (mann_whitney_ranks[0][38], ==, 1);
  g_assert_cmpuint (mann_whitney_ranks[0][37], ==, 0);
}

/*
 * From 50 runs on either side: k = floor(mn/2 + 0.5 − z·√(mn(m + n + 1)/12)),
 * z = 1.959963984540054, worked with bc -l:
 *   50, 50:  1250.5 − z·√(2500·101/12)  = 1250.5 − 284.3074 = 966.19  → 966
 *   50, 49:  1225.5 − z·√(2450·100/12)  = 1225.5 − 280.0532 = 945.45  → 945
 *   60, 6:    180.5 − z·√(360·67/12)    =  180.5 −  87.8711 =  92.63  → 92
 *   3, 50:     75.5 − z·√(150·54/12)    =   75.5 −  50.9214 =  24.58  → 24
 *   1, 50:     25.5 − z·√(50·52/12)     =   25.5 −  28.8499 =  −3.35  → none
 *   10⁶, 10⁶: 5·10¹¹ + 0.5 − z·√(10¹²·2000001/12) = 499199847854.40 → 499199847854
 * and just below 50 on both sides the exact table: 49, 49 → 925.
 */
static void
test_moses_normal (void)
{
  static const struct { guint64 m, n, k; } normal[] = {
    { 50, 50, 966 }, { 50, 49, 945 }, { 49, 50, 945 }, { 60, 6, 92 }, { 6, 60, 92 },
    { 3, 50, 24 }, { 50, 3, 24 }, { 1000000, 1000000, G_GUINT64_CONSTANT (499199847854) },
    { 49, 49, 925 },
  };
  guint64 k;

  for (guint i = 0; i < G_N_ELEMENTS (normal); i++)
    {
      g_assert_true (ys_order_stats_moses_rank (normal[i].m, normal[i].n, &k));
      g_assert_cmpuint (k, ==, normal[i].k);
    }
  g_assert_false (ys_order_stats_moses_rank (1, 50, &k));
  g_assert_false (ys_order_stats_moses_rank (50, 1, &k));
  g_assert_false (ys_order_stats_moses_rank (0, 10, &k));
  g_assert_false (ys_order_stats_moses_rank (10, 0, &k));
}

/* Pair values: brute force -------------------------------------------------------- */

typedef struct
{
  gint64  y;
  gint64  x;
  guint64 weight;
} Cell;

static int
compare_cells (const void *a,
               const void *b)
{
  const Cell *p = a, *q = b;
  gint64 left = p->y * q->x, right = q->y * p->x;

  return (left > right) - (left < right);
}

/* Every (x, y) cell of the two streams with its weight, sorted by y/x;
 * @cumulative[i]: the weight of cells 0 … i. */
static Cell *
enumerate_cells (GArray   *x,
                 GArray   *y,
                 guint64 **cumulative,
                 gsize    *n_cells)
{
  gsize n = (gsize) x->len * y->len, c = 0;
  Cell *cells = g_new (Cell, n);

  for (guint j = 0; j < x->len; j++)
    for (guint i = 0; i < y->len; i++)
      {
        const YsValueCount *xv = &g_array_index (x, YsValueCount, j);
        const YsValueCount *yv = &g_array_index (y, YsValueCount, i);

        cells[c++] = (Cell) { yv->value, xv->value, xv->count * yv->count };
      }
  qsort (cells, n, sizeof *cells, compare_cells);

  *cumulative = g_new (guint64, n);
  for (gsize i = 0; i < n; i++)
    (*cumulative)[i] = (i > 0 ? (*cumulative)[i - 1] : 0) + cells[i].weight;
  *n_cells = n;
  return cells;
}

static const Cell *
cell_at_rank (const Cell    *cells,
              const guint64 *cumulative,
              gsize          n_cells,
              guint64        rank)
{
  gsize lo = 0, hi = n_cells - 1;

  while (lo < hi)
    {
      gsize mid = lo + (hi - lo) / 2;

      if (cumulative[mid] >= rank)
        hi = mid;
      else
        lo = mid + 1;
    }
  return &cells[lo];
}

static void
check_rank (GArray        *x,
            GArray        *y,
            const Cell    *cells,
            const guint64 *cumulative,
            gsize          n_cells,
            guint64        rank)
{
  const Cell *expected = cell_at_rank (cells, cumulative, n_cells, rank);
  YsPairRatio got = ys_order_stats_pair_ratio_at (STREAM (x), STREAM (y), rank);

  if (got.with_ai * expected->x != expected->y * got.without_ai)
    g_error ("rank %" G_GUINT64_FORMAT ": %" G_GINT64_FORMAT "/%" G_GINT64_FORMAT
             ", expected %" G_GINT64_FORMAT "/%" G_GINT64_FORMAT,
             rank, got.with_ai, got.without_ai, expected->y, expected->x);
  /* It is one of the pairs, not just an equal ratio. */
  g_assert_true (got.with_ai >= 1 && got.without_ai >= 1);
}

/* The change against the sorted pairs, on the log scale as FORMAT.md says. */
static void
check_change (GArray        *x,
              GArray        *y,
              const Cell    *cells,
              const guint64 *cumulative,
              gsize          n_cells)
{
  guint64 m = ys_order_stats_total (STREAM (x)), n = ys_order_stats_total (STREAM (y));
  guint64 mn = m * n, k;
  YsRatioChange change;
  double median_log;
  const Cell *a, *b;

  ys_order_stats_ratio_change (STREAM (x), STREAM (y), &change);
  g_assert_cmpuint (change.without_ai_runs, ==, m);
  g_assert_cmpuint (change.with_ai_runs, ==, n);
  g_assert_true (change.has_ratio);

  a = cell_at_rank (cells, cumulative, n_cells, (mn + 1) / 2);
  b = cell_at_rank (cells, cumulative, n_cells, mn / 2 + 1);
  median_log = (log ((double) a->y / a->x) + log ((double) b->y / b->x)) / 2;
  g_assert_cmpfloat_with_epsilon (change.ratio, exp (median_log), 1e-12 * exp (median_log));

  g_assert_cmpint (change.has_interval, ==, ys_order_stats_moses_rank (m, n, &k));
  if (change.has_interval)
    {
      const Cell *low = cell_at_rank (cells, cumulative, n_cells, k);
      const Cell *high = cell_at_rank (cells, cumulative, n_cells, mn - k + 1);

      g_assert_cmpfloat (change.low, ==, (double) low->y / low->x);
      g_assert_cmpfloat (change.high, ==, (double) high->y / high->x);
    }
}

/* A random stream: @n_values distinct values drawn from @lo … @hi (or fewer
 * when the range is small), each with a count of 1 … @max_count. */
static GArray *
random_stream (guint  n_values,
               gint32 lo,
               gint32 hi,
               gint32 max_count)
{
  g_autoptr(GArray) runs = g_array_new (FALSE, FALSE, sizeof (gint64));
  GArray *stream;

  for (guint i = 0; i < n_values; i++)
    {
      gint64 value = g_test_rand_int_range (lo, hi + 1);
      gint32 count = g_test_rand_int_range (1, max_count + 1);

      for (gint32 c = 0; c < count; c++)
        g_array_append_val (runs, value);
    }
  stream = stream_from_runs ((const gint64 *) (const void *) runs->data, runs->len);
  return stream;
}

/* Small samples, every rank. Values from a narrow range tie often, within
 * a side and across; "minutes" makes many equal ratios (2/1 = 4/2). */
static void
test_pairs_brute_force (void)
{
  static const struct { gint32 lo, hi, scale; } ranges[] = {
    { 1, 8, 1 },             /* heavy ties */
    { 1, 30, 60 },           /* whole minutes: equal ratios */
    { 1, 604800, 1 },        /* the full range */
    { 3000, 3100, 1 },       /* close values: ratios near 1 */
  };

  for (guint round = 0; round < 60; round++)
    {
      guint r = round % G_N_ELEMENTS (ranges);
      guint mx = g_test_rand_int_range (1, 30), ny = g_test_rand_int_range (1, 30);
      g_autoptr(GArray) x = NULL, y = NULL;
      g_autofree Cell *cells = NULL;
      g_autofree guint64 *cumulative = NULL;
      guint64 total;
      gsize n_cells;

      x = random_stream (mx, ranges[r].lo, ranges[r].hi, 3);
      y = random_stream (ny, ranges[r].lo, ranges[r].hi, 3);
      for (guint i = 0; i < x->len; i++)
        g_array_index (x, YsValueCount, i).value *= ranges[r].scale;
      for (guint i = 0; i < y->len; i++)
        g_array_index (y, YsValueCount, i).value *= ranges[r].scale;

      cells = enumerate_cells (x, y, &cumulative, &n_cells);
      total = cumulative[n_cells - 1];
      g_assert_cmpuint (total, ==, ys_order_stats_total (STREAM (x)) *
                                   ys_order_stats_total (STREAM (y)));
      for (guint64 rank = 1; rank <= total; rank++)
        check_rank (x, y, cells, cumulative, n_cells, rank);
      check_change (x, y, cells, cumulative, n_cells);
    }
}

/* Hundreds of distinct values with large counts, so that the bisection has
 * work to do before the exact step: a sample of ranks, the ends, and the
 * middle. */
static void
test_pairs_large (void)
{
  for (guint round = 0; round < 6; round++)
    {
      gboolean minutes = round % 2 == 1;
      g_autoptr(GArray) x = random_stream (300, 1, minutes ? 600 : 40000, 1000);
      g_autoptr(GArray) y = random_stream (250, 1, minutes ? 500 : 30000, 1000);
      g_autofree Cell *cells = NULL;
      g_autofree guint64 *cumulative = NULL;
      guint64 total;
      gsize n_cells;

      if (minutes)
        {
          for (guint i = 0; i < x->len; i++)
            g_array_index (x, YsValueCount, i).value *= 60;
          for (guint i = 0; i < y->len; i++)
            g_array_index (y, YsValueCount, i).value *= 60;
        }

      cells = enumerate_cells (x, y, &cumulative, &n_cells);
      total = cumulative[n_cells - 1];

      check_rank (x, y, cells, cumulative, n_cells, 1);
      check_rank (x, y, cells, cumulative, n_cells, total);
      for (guint64 rank = total / 2 - 3; rank <= total / 2 + 3; rank++)
        check_rank (x, y, cells, cumulative, n_cells, rank);
      for (guint i = 0; i < 40; i++)
        {
          guint64 rank = 1 + (guint64) (g_test_rand_double () * (double) total);

          check_rank (x, y, cells, cumulative, n_cells, MIN (rank, total));
        }
      check_change (x, y, cells, cumulative, n_cells);
    }
}

/* The change --------------------------------------------------------------------- */

static void
test_fixtures (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (order_stats_fixtures); i++)
    {
      const OrderStatsFixture *f = &order_stats_fixtures[i];
      g_autoptr(GArray) x = stream_from_runs (f->without_ai, f->n_without_ai);
      g_autoptr(GArray) y = stream_from_runs (f->with_ai, f->n_with_ai);
      YsRatioChange change;

      g_test_message ("%s: %s", f->what, f->r_line);
      ys_order_stats_ratio_change (STREAM (x), STREAM (y), &change);

      g_assert_cmpuint (change.without_ai_runs, ==, f->n_without_ai);
      g_assert_cmpuint (change.with_ai_runs, ==, f->n_with_ai);
      g_assert_true (change.has_ratio);
      assert_close (change.ratio, f->ratio);
      g_assert_cmpint (change.has_interval, ==, f->has_interval);
      if (f->has_interval)
        {
          assert_close (change.low, f->low);
          assert_close (change.high, f->high);
        }
      g_assert_cmpint (change.enough_data, ==, f->n_without_ai >= 6 && f->n_with_ai >= 6);
      g_assert_cmpint (change.clear, ==, f->clear);
      g_assert_cmpint (change.runs_to_settle, ==, f->runs_to_settle);
    }
}

static void
test_empty_side (void)
{
  static const YsValueCount some[] = { { 60, 3 }, { 120, 4 } };
  YsRatioChange change;

  ys_order_stats_ratio_change (some, 2, NULL, 0, &change);
  g_assert_cmpuint (change.without_ai_runs, ==, 7);
  g_assert_cmpuint (change.with_ai_runs, ==, 0);
  g_assert_false (change.has_ratio);
  g_assert_true (isnan (change.ratio));
  g_assert_false (change.has_interval);
  g_assert_false (change.enough_data);
  g_assert_false (change.clear);
  g_assert_cmpint (change.runs_to_settle, ==, -1);

  ys_order_stats_ratio_change (NULL, 0, some, 2, &change);
  g_assert_false (change.has_ratio);
}

/* A stream out of order is refused, not read. */
static void
test_refused (void)
{
  static const YsValueCount unsorted[] = { { 120, 1 }, { 60, 1 } };
  static const YsValueCount zero[] = { { 0, 1 } };
  static const YsValueCount fine[] = { { 60, 1 } };
  YsPairRatio got;

  g_test_expect_message ("yardstick-core", G_LOG_LEVEL_CRITICAL, "*stream_is_valid*");
  got = ys_order_stats_pair_ratio_at (unsorted, 2, fine, 1, 1);
  g_test_assert_expected_messages ();
  g_assert_cmpint (got.without_ai, ==, 0);

  g_test_expect_message ("yardstick-core", G_LOG_LEVEL_CRITICAL, "*stream_is_valid*");
  g_assert_true (isnan (ys_order_stats_median (zero, 1)));
  g_test_assert_expected_messages ();
}

/* clear: the interval wholly below or wholly above 1, with enough data. */
static void
test_clear (void)
{
  g_assert_true (ys_order_stats_is_clear (6, 6, 0.5, 0.99));
  g_assert_true (ys_order_stats_is_clear (6, 6, 1.01, 3));
  g_assert_false (ys_order_stats_is_clear (6, 6, 0.5, 1.0));    /* touches 1 */
  g_assert_false (ys_order_stats_is_clear (6, 6, 1.0, 2.0));
  g_assert_false (ys_order_stats_is_clear (6, 6, 0.8, 1.2));
  g_assert_false (ys_order_stats_is_clear (5, 6, 0.5, 0.99));   /* not enough data */
  g_assert_false (ys_order_stats_is_clear (6, 5, 0.5, 0.99));
  g_assert_true (ys_order_stats_enough_data (6, 6));
  g_assert_false (ys_order_stats_enough_data (6, 5));
}

/*
 * min(999, max(1, ceil(n·(h/d)² − n))), h = (ln hi − ln lo)/2, d = |ln ratio|,
 * n = 2mn/(m + n); by hand (bc -l):
 *   m = n = 10 (n = 10), 0.8 in [0.6, 1.1]:
 *     h = (0.0953102 + 0.5108256)/2 = 0.3030679, d = 0.2231436,
 *     10 · 1.3581581² − 10 = 8.4464 → 9
 *   m = 6, n = 12 (n = 2·72/18 = 8), 1.25 in [0.9, 1.8]:
 *     h = ln 2 / 2 = 0.3465736, d = 0.2231436,
 *     8 · 1.5531433² − 8 = 11.2980 → 12
 *   m = n = 10, 1.01 in [0.5, 2]: h = ln 2, d = 0.0099503,
 *     10 · 69.660² − 10 = 48516 → 999
 *   m = n = 10, 0.5 in [0.45, 1]: h = 0.3992538, d = 0.6931472,
 *     10 · 0.5760… ² − 10 = −6.68 → 1
 *   m = n = 6 (n = 6), 2 in [1/2, 8]: h = ln 16 / 2 = 2 ln 2, d = ln 2,
 *     6 · 2² − 6 = 18 exactly → 18
 *   m = n = 8 (n = 8), 0.4 in [0.16, 2.5]: h = 3 ln 2.5 / 2, d = ln 2.5,
 *     8 · 1.5² − 8 = 10 exactly → 10; in doubles it comes out as
 *     10.000000000000007, which must not become 11
 */
static void
test_runs_to_settle (void)
{
  g_assert_cmpint (ys_order_stats_runs_to_settle (10, 10, 0.8, 0.6, 1.1), ==, 9);
  g_assert_cmpint (ys_order_stats_runs_to_settle (6, 12, 1.25, 0.9, 1.8), ==, 12);
  g_assert_cmpint (ys_order_stats_runs_to_settle (12, 6, 1.25, 0.9, 1.8), ==, 12);
  g_assert_cmpint (ys_order_stats_runs_to_settle (10, 10, 1.01, 0.5, 2.0), ==, 999);
  g_assert_cmpint (ys_order_stats_runs_to_settle (10, 10, 0.5, 0.45, 1.0), ==, 1);
  g_assert_cmpint (ys_order_stats_runs_to_settle (6, 6, 2.0, 0.5, 8.0), ==, 18);
  g_assert_cmpint (ys_order_stats_runs_to_settle (8, 8, 0.4, 0.16, 2.5), ==, 10);

  /* null: not enough data, clear, or a ratio of exactly 1. */
  g_assert_cmpint (ys_order_stats_runs_to_settle (5, 10, 0.8, 0.6, 1.1), ==, -1);
  g_assert_cmpint (ys_order_stats_runs_to_settle (10, 10, 0.8, 0.6, 0.9), ==, -1);
  g_assert_cmpint (ys_order_stats_runs_to_settle (10, 10, 1.0, 0.6, 1.1), ==, -1);
}

/*
 * Worked through by hand: x = 1 … 6 and y = 2, 4, … 12, so the 36 pair
 * values are 2i/j (i, j = 1 … 6) and many repeat. Sorted, with ranks:
 *   1/3 (1), 2/5 (2), 1/2 (3), 2/3 ×2 (4–5), 4/5 (6), 1 ×3 (7–9), 6/5 (10),
 *   4/3 ×2 (11–12), 3/2 (13), 8/5 (14), 5/3 (15), 2 ×6 (16–21), 12/5 (22),
 *   5/2 (23), 8/3 (24), 3 ×2 (25–26), 10/3 (27), 4 ×3 (28–30), 5 (31),
 *   6 ×2 (32–33), 8 (34), 10 (35), 12 (36).
 * The middle ranks 18 and 19 are both 2, so the ratio is exactly 2; k = 6
 * (m = n = 6), so the interval is [d(6), d(31)] = [0.8, 5], which holds 1.
 */
static void
test_worked_example (void)
{
  static const YsValueCount x[] = { { 1, 1 }, { 2, 1 }, { 3, 1 }, { 4, 1 }, { 5, 1 }, { 6, 1 } };
  static const YsValueCount y[] = { { 2, 1 }, { 4, 1 }, { 6, 1 }, { 8, 1 }, { 10, 1 }, { 12, 1 } };
  YsRatioChange change;

  ys_order_stats_ratio_change (x, 6, y, 6, &change);
  g_assert_cmpfloat (change.ratio, ==, 2.0);
  g_assert_cmpfloat (change.low, ==, 0.8);
  g_assert_cmpfloat (change.high, ==, 5.0);
  g_assert_false (change.clear);
  /* h = ln(5/0.8)/2 = 0.9162907, d = ln 2 = 0.6931472, n = 6:
   * 6 · 1.3219281² − 6 = 4.485 → 5 */
  g_assert_cmpint (change.runs_to_settle, ==, 5);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/order-stats/median", test_median);
  g_test_add_func ("/order-stats/median-ci-rank", test_median_ci_rank);
  g_test_add_func ("/order-stats/median-ci", test_median_ci);
  g_test_add_func ("/order-stats/median-walk", test_median_walk);
  g_test_add_func ("/order-stats/mann-whitney/published", test_mann_whitney_published);
  g_test_add_func ("/order-stats/mann-whitney/table", test_mann_whitney_table);
  g_test_add_func ("/order-stats/moses/normal", test_moses_normal);
  g_test_add_func ("/order-stats/pairs/brute-force", test_pairs_brute_force);
  g_test_add_func ("/order-stats/pairs/large", test_pairs_large);
  g_test_add_func ("/order-stats/change/fixtures", test_fixtures);
  g_test_add_func ("/order-stats/change/empty-side", test_empty_side);
  g_test_add_func ("/order-stats/change/worked-example", test_worked_example);
  g_test_add_func ("/order-stats/clear", test_clear);
  g_test_add_func ("/order-stats/runs-to-settle", test_runs_to_settle);
  g_test_add_func ("/order-stats/refused", test_refused);

  return g_test_run ();
}
