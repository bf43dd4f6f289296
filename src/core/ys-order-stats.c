/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "yardstick-core"

#include "config.h"

#include <math.h>
#include <string.h>

#include "ys-order-stats.h"

/*
 * FORMAT.md's median intervals and the Hodges–Lehmann ratio with its Moses
 * interval, over (value, count) streams. Everything here is exact where the
 * definitions are: ranks come from exact (or provably decisive) tail sums,
 * and pair values ln(y / x) are compared as the integer ratios y/x by
 * cross-multiplication, so equal pair values (the same duration on both
 * sides, or 2/1 and 4/2) are equal, never a rounding apart.
 */

static gboolean
stream_is_valid (const YsValueCount *values,
                 gsize               n_values)
{
  guint64 total = 0;

  if (n_values > 0 && values == NULL)
    return FALSE;
  for (gsize i = 0; i < n_values; i++)
    {
      if (values[i].value < 1 || values[i].value > G_MAXINT32 || values[i].count < 1)
        return FALSE;
      if (i > 0 && values[i].value <= values[i - 1].value)
        return FALSE;
      total += values[i].count;
      if (total > G_MAXUINT32)
        return FALSE;
    }
  return TRUE;
}

guint64
ys_order_stats_total (const YsValueCount *values,
                      gsize               n_values)
{
  guint64 total = 0;

  g_return_val_if_fail (n_values == 0 || values != NULL, 0);

  for (gsize i = 0; i < n_values; i++)
    total += values[i].count;
  return total;
}

gint64
ys_order_stats_value_at (const YsValueCount *values,
                         gsize               n_values,
                         guint64             rank)
{
  guint64 seen = 0;

  g_return_val_if_fail (stream_is_valid (values, n_values), -1);
  g_return_val_if_fail (rank >= 1, -1);

  for (gsize i = 0; i < n_values; i++)
    {
      seen += values[i].count;
      if (rank <= seen)
        return values[i].value;
    }
  g_return_val_if_reached (-1);
}

/* Medians ------------------------------------------------------------------ */

gboolean
ys_order_stats_median_ci_rank (guint64  n,
                               guint64 *k)
{
  long double term, cdf = 0;
  guint64 first = 0;
  guint64 best = 0;

  /* P(Binomial(n, 1/2) ≤ 0) = 2^-n ≤ 0.025 from n = 6 on. */
  if (n < YS_ORDER_STATS_ENOUGH_RUNS)
    return FALSE;

  /* The lower tail term by term. More than 20 standard deviations (√n / 2
   * each) below the mean the mass is under 1e-88, so large n start there,
   * with the first term from log-gamma in long double: the tail sums stay
   * within about 1e-12 relative of exact even at n = 2,000,000. (A tail
   * sum is a multiple of 2^-n, so it is never exactly 0.025 = 1/40.) */
  if (n > 400)
    first = (guint64) (n / 2.0 - 10.0 * sqrtl ((long double) n));
  term = expl (lgammal (n + 1.0L) - lgammal (first + 1.0L) - lgammal (n - first + 1.0L) -
               (long double) n * logl (2.0L));

  for (guint64 j = first; j <= n; j++)
    {
      cdf += term;
      if (cdf > 0.025L)
        break;
      best = j + 1;
      term *= (long double) (n - j) / (long double) (j + 1);
    }

  g_assert (best >= 1);
  if (k != NULL)
    *k = best;
  return TRUE;
}

void
ys_median_walk_init (YsMedianWalk *walk,
                     guint64       n)
{
  guint64 k;

  g_return_if_fail (walk != NULL);

  memset (walk, 0, sizeof *walk);
  walk->n = n;
  if (n == 0)
    return;

  walk->ranks[0] = (n + 1) / 2;
  walk->ranks[1] = n / 2 + 1;
  walk->n_ranks = 2;
  if (ys_order_stats_median_ci_rank (n, &k))
    {
      walk->ranks[2] = k;
      walk->ranks[3] = n - k + 1;
      walk->n_ranks = 4;
    }
}

/* TRUE while a rank still to be read lies further on. */
gboolean
ys_median_walk_push (YsMedianWalk *walk,
                     gint64        value,
                     guint64       count)
{
  guint64 first_rank, last_rank;

  g_return_val_if_fail (walk != NULL, FALSE);
  g_return_val_if_fail (count >= 1, FALSE);
  g_return_val_if_fail (walk->seen == 0 || value > walk->last, FALSE);
  g_return_val_if_fail (walk->seen + count <= walk->n, FALSE);

  first_rank = walk->seen + 1;
  last_rank = walk->seen + count;
  for (guint i = 0; i < walk->n_ranks; i++)
    if (walk->ranks[i] >= first_rank && walk->ranks[i] <= last_rank)
      walk->values[i] = value;
  walk->seen = last_rank;
  walk->last = value;

  return walk->seen < walk->ranks[walk->n_ranks - 1];
}

double
ys_median_walk_median (const YsMedianWalk *walk)
{
  g_return_val_if_fail (walk != NULL, NAN);

  if (walk->n == 0)
    return NAN;
  g_return_val_if_fail (walk->seen >= walk->ranks[1], NAN);
  return (walk->values[0] + walk->values[1]) / 2.0;
}

gboolean
ys_median_walk_interval (const YsMedianWalk *walk,
                         gint64             *low,
                         gint64             *high)
{
  g_return_val_if_fail (walk != NULL, FALSE);

  if (low != NULL)
    *low = -1;
  if (high != NULL)
    *high = -1;
  if (walk->n_ranks < 4)
    return FALSE;
  g_return_val_if_fail (walk->seen >= walk->ranks[3], FALSE);

  if (low != NULL)
    *low = walk->values[2];
  if (high != NULL)
    *high = walk->values[3];
  return TRUE;
}

static void
walk_stream (YsMedianWalk       *walk,
             const YsValueCount *values,
             gsize               n_values)
{
  ys_median_walk_init (walk, ys_order_stats_total (values, n_values));
  for (gsize i = 0; i < n_values; i++)
    if (!ys_median_walk_push (walk, values[i].value, values[i].count))
      break;
}

double
ys_order_stats_median (const YsValueCount *values,
                       gsize               n_values)
{
  YsMedianWalk walk;

  g_return_val_if_fail (stream_is_valid (values, n_values), NAN);

  walk_stream (&walk, values, n_values);
  return ys_median_walk_median (&walk);
}

gboolean
ys_order_stats_median_ci (const YsValueCount *values,
                          gsize               n_values,
                          gint64             *low,
                          gint64             *high)
{
  YsMedianWalk walk;

  g_return_val_if_fail (stream_is_valid (values, n_values), FALSE);

  walk_stream (&walk, values, n_values);
  return ys_median_walk_interval (&walk, low, high);
}

/* The exact Mann–Whitney distribution ----------------------------------------- */

#define MW_EXACT_BELOW 50
#define MW_MAX (MW_EXACT_BELOW - 1)

/* k for sizes (m, n), both 1 … 49; 0 when no k ≥ 1 exists. */
static guint16 mw_ranks[MW_MAX + 1][MW_MAX + 1];

/*
 * f(u; m, n), the number of orderings of m + n distinct values with U = u,
 * satisfies f(u; m, n) = f(u − n; m − 1, n) + f(u; m, n − 1): the largest
 * value is from the first sample (above all n of the second) or not. One
 * sweep over m, keeping the layer m − 1 for every n, gives all 49 × 49
 * distributions in about 1.5 million additions (a few milliseconds, once).
 *
 * In doubles: the counts reach C(98, 49) ≈ 2.5e28, but every step only adds
 * positive numbers, so each is within about 1e-14 of exact. That decides
 * every comparison with 0.025 correctly: checked with exact integers, the
 * nearest tail sum to 0.025 for any m, n < 50 is 1.3e-6 away relative
 * (m = 21, n = 38), apart from m = 1, n = 39, whose P(U ≤ 0) = 1/40 is
 * exactly 0.025 (k = 1), where the counts are small and exact.
 */
static gpointer
mann_whitney_fill (gpointer data G_GNUC_UNUSED)
{
  const gsize width = MW_MAX * MW_MAX + 1;
  g_autofree double *previous = g_new0 (double, (MW_MAX + 1) * width);
  g_autofree double *current = g_new0 (double, (MW_MAX + 1) * width);

  for (guint n = 0; n <= MW_MAX; n++)
    previous[n * width] = 1;    /* m = 0: U is 0 */

  for (guint m = 1; m <= MW_MAX; m++)
    {
      double *swap;

      current[0] = 1;           /* n = 0: U is 0 */
      for (guint n = 1; n <= MW_MAX; n++)
        {
          double *f = current + n * width;
          const double *left = current + (n - 1) * width;
          const double *up = previous + n * width;
          double total = 0, cumulative = 0;
          guint best = 0;

          for (guint u = 0; u <= m * n; u++)
            {
              f[u] = (u >= n ? up[u - n] : 0) + (u <= m * (n - 1) ? left[u] : 0);
              total += f[u];
            }

          /* Largest k ≥ 1 with P(U ≤ k − 1) ≤ 0.025, i.e. 40 · F(k − 1) ≤ total. */
          for (guint u = 0; u <= m * n; u++)
            {
              cumulative += f[u];
              if (cumulative * 40.0 > total)
                break;
              best = u + 1;
            }
          mw_ranks[m][n] = best;
        }

      swap = previous;
      previous = current;
      current = swap;
    }

  return NULL;
}

gboolean
ys_order_stats_moses_rank (guint64  m,
                           guint64  n,
                           guint64 *k)
{
  guint64 rank;

  if (m == 0 || n == 0)
    return FALSE;

  if (m < MW_EXACT_BELOW && n < MW_EXACT_BELOW)
    {
      static GOnce filled = G_ONCE_INIT;

      g_once (&filled, mann_whitney_fill, NULL);
      rank = mw_ranks[m][n];
    }
  else
    {
      double mn = (double) m * (double) n;
      double v = floor (mn / 2.0 + 0.5 -
                        1.959963984540054 * sqrt (mn * ((double) m + (double) n + 1.0) / 12.0));

      rank = v >= 1 ? (guint64) v : 0;
    }

  if (rank < 1)
    return FALSE;
  if (k != NULL)
    *k = rank;
  return TRUE;
}

/* Order statistics of the pair values ----------------------------------------- */

/*
 * The m·n values ln(y_i / x_j) form a matrix whose rows (one per distinct x,
 * ascending) and columns (one per distinct y) are sorted, with weight
 * count(x) · count(y) per cell. d(rank) is found in two phases:
 *
 * 1. Bisection on the value t (on the log scale, guided by interpolating
 *    the counts, falling back to halving when that does not halve the
 *    bracket): for each row, a pointer walks the columns to the last cell
 *    whose log is at most t; as rows go up, that pointer only moves right,
 *    so one count costs O(distinct x + distinct y). It ends with a bracket
 *    (lo, hi] holding d(rank) and few cells.
 *
 * 2. Snapping to the exact pair value: the logs only guide. A cell's log
 *    is within about 1.1e-14 of ln(y/x) (see MARGIN), so the exact ratios
 *    B (the least whose log is above lo − MARGIN) and T (the greatest whose
 *    log is at most hi + MARGIN) enclose d(rank) for certain. The cells
 *    whose exact ratio lies in [B, T] are found by cross-multiplication and
 *    counted below B, and d(rank) is picked among them by a weighted
 *    selection on exact comparisons.
 *
 * Phase 1 stops when the bracket holds at most 2 · (distinct x + distinct
 * y) cells, after 5 to 9 counts on realistic data. Distinct ratios of
 * integers up to 604800 differ by at least 1 / 604800² ≈ 2.7e-12 on the
 * log scale, far more than the rounding of the logs: a bracket narrower
 * than that holds the cells of one exact ratio at most (one per row), so
 * the width stop (8 · MARGIN) never comes first; it only bounds the work
 * for larger values.
 */

/* Each log is within an ulp (≤ 3.6e-15 below 2^31) of the exact one, and
 * the sum with a threshold adds half an ulp of a number below 64: a cell is
 * placed on the right side of a threshold when its exact log is at least
 * about 1.1e-14 away. MARGIN is more than twice that. */
#define MARGIN 1e-13

typedef struct
{
  const YsValueCount *x;      /* without AI: the denominators */
  const YsValueCount *y;      /* with AI: the numerators */
  gsize               nx;
  gsize               ny;
  double             *log_x;
  double             *log_y;
  guint64            *count_y_before;   /* runs of y before index i; ny + 1 entries */
  guint64             total;            /* m · n */
  guint64             cells;            /* nx · ny */
} Pairs;

typedef struct
{
  gint64  y;
  gint64  x;
  guint64 weight;
} Cell;

/* The sign of y1/x1 − y2/x2, exactly: every value is below 2^31. */
static inline int
ratio_compare (gint64 y1,
               gint64 x1,
               gint64 y2,
               gint64 x2)
{
  gint64 left = y1 * x2, right = y2 * x1;

  return (left > right) - (left < right);
}

static void
pairs_init (Pairs              *pairs,
            const YsValueCount *x,
            gsize               nx,
            const YsValueCount *y,
            gsize               ny)
{
  pairs->x = x;
  pairs->y = y;
  pairs->nx = nx;
  pairs->ny = ny;
  pairs->log_x = g_new (double, nx);
  pairs->log_y = g_new (double, ny);
  pairs->count_y_before = g_new (guint64, ny + 1);

  for (gsize j = 0; j < nx; j++)
    pairs->log_x[j] = log ((double) x[j].value);
  pairs->count_y_before[0] = 0;
  for (gsize i = 0; i < ny; i++)
    {
      pairs->log_y[i] = log ((double) y[i].value);
      pairs->count_y_before[i + 1] = pairs->count_y_before[i] + y[i].count;
    }
  pairs->total = ys_order_stats_total (x, nx) * pairs->count_y_before[ny];
  pairs->cells = (guint64) nx * ny;
}

static void
pairs_clear (Pairs *pairs)
{
  g_clear_pointer (&pairs->log_x, g_free);
  g_clear_pointer (&pairs->log_y, g_free);
  g_clear_pointer (&pairs->count_y_before, g_free);
}

/* Runs and cells whose log is at most @t (by the logs: see MARGIN). */
static guint64
pairs_count_at_most (const Pairs *pairs,
                     double       t,
                     guint64     *cells)
{
  guint64 count = 0, n_cells = 0;
  gsize i = 0;

  for (gsize j = 0; j < pairs->nx; j++)
    {
      double limit = t + pairs->log_x[j];

      while (i < pairs->ny && pairs->log_y[i] <= limit)
        i++;
      count += pairs->x[j].count * pairs->count_y_before[i];
      n_cells += i;
    }

  *cells = n_cells;
  return count;
}

/* Weighted selection of @rank among @cells by exact ratio (quickselect with
 * a three-way split, so runs of equal ratios cost nothing). Sets
 * @at_or_below to the weight of the cells not above the result. */
static Cell
select_cell (Cell    *cells,
             gsize    n_cells,
             guint64  rank,
             guint64 *at_or_below)
{
  gsize lo = 0, hi = n_cells;
  guint64 below = 0;
  guint32 state = 2463534242u ^ (guint32) n_cells;

  for (;;)
    {
      Cell pivot;
      gsize lt = lo, gt = hi, i = lo;
      guint64 weight_less = 0, weight_equal = 0;

      g_assert (lo < hi);

      /* xorshift: a pivot that no ordering of the input can defeat often. */
      state ^= state << 13;
      state ^= state >> 17;
      state ^= state << 5;
      pivot = cells[lo + state % (hi - lo)];

      while (i < gt)
        {
          int sign = ratio_compare (cells[i].y, cells[i].x, pivot.y, pivot.x);
          Cell swap;

          if (sign < 0)
            {
              weight_less += cells[i].weight;
              swap = cells[lt], cells[lt] = cells[i], cells[i] = swap;
              lt++, i++;
            }
          else if (sign > 0)
            {
              gt--;
              swap = cells[gt], cells[gt] = cells[i], cells[i] = swap;
            }
          else
            {
              weight_equal += cells[i].weight;
              i++;
            }
        }

      if (rank <= below + weight_less)
        hi = lt;
      else if (rank <= below + weight_less + weight_equal)
        {
          *at_or_below = below + weight_less + weight_equal;
          return pivot;
        }
      else
        {
          below += weight_less + weight_equal;
          lo = gt;
        }
    }
}

/* d(@rank) as an exact ratio; @at_or_below: how many of the m·n pair
 * values are at most it. */
static YsPairRatio
pairs_select (const Pairs *pairs,
              guint64      rank,
              guint64     *at_or_below)
{
  double lo_t, hi_t;
  guint64 lo_count = 0, hi_count = pairs->total;
  guint64 lo_cells = 0, hi_cells = pairs->cells;
  guint64 few = 2 * ((guint64) pairs->nx + pairs->ny) + 64;
  gboolean interpolate = TRUE;
  YsPairRatio low = { 0, 0 }, high = { 0, 0 }, result;
  g_autoptr(GArray) cells = NULL;
  guint64 below = 0, in_cells = 0;
  gsize pa = 0, pb = 0, gb = 0, gt = 0;
  Cell picked;

  g_assert (rank >= 1 && rank <= pairs->total);

  /* Every cell is above lo_t and at most hi_t, by a margin of 1. */
  lo_t = pairs->log_y[0] - pairs->log_x[pairs->nx - 1] - 1.0;
  hi_t = pairs->log_y[pairs->ny - 1] - pairs->log_x[0] + 1.0;

  /* Phase 1: count(lo_t) < rank ≤ count(hi_t) throughout. */
  while (hi_cells - lo_cells > few && hi_t - lo_t > 8 * MARGIN)
    {
      double width = hi_t - lo_t;
      double t = lo_t + width / 2;
      guint64 count, n_cells;

      if (interpolate)
        {
          double share = ((double) (rank - lo_count) - 0.5) / (double) (hi_count - lo_count);

          t = lo_t + width * CLAMP (share, 1.0 / 64, 63.0 / 64);
        }
      if (!(t > lo_t && t < hi_t))
        break;

      count = pairs_count_at_most (pairs, t, &n_cells);
      if (count < rank)
        lo_t = t, lo_count = count, lo_cells = n_cells;
      else
        hi_t = t, hi_count = count, hi_cells = n_cells;

      interpolate = hi_t - lo_t <= width / 2;
    }

  /* Phase 2: the exact ratios B and T around the bracket… */
  for (gsize j = 0; j < pairs->nx; j++)
    {
      double limit_a = (lo_t - MARGIN) + pairs->log_x[j];
      double limit_b = (hi_t + MARGIN) + pairs->log_x[j];
      gint64 x = pairs->x[j].value;

      while (pa < pairs->ny && pairs->log_y[pa] <= limit_a)
        pa++;
      while (pb < pairs->ny && pairs->log_y[pb] <= limit_b)
        pb++;
      if (pa < pairs->ny &&
          (low.without_ai == 0 ||
           ratio_compare (pairs->y[pa].value, x, low.with_ai, low.without_ai) < 0))
        low = (YsPairRatio) { pairs->y[pa].value, x };
      if (pb > 0 &&
          (high.without_ai == 0 ||
           ratio_compare (pairs->y[pb - 1].value, x, high.with_ai, high.without_ai) > 0))
        high = (YsPairRatio) { pairs->y[pb - 1].value, x };
    }
  g_assert (low.without_ai != 0 && high.without_ai != 0);

  /* …the cells from B to T, exactly, and how many runs lie below B. */
  cells = g_array_new (FALSE, FALSE, sizeof (Cell));
  for (gsize j = 0; j < pairs->nx; j++)
    {
      gint64 x = pairs->x[j].value;

      while (gb < pairs->ny && ratio_compare (pairs->y[gb].value, x, low.with_ai, low.without_ai) < 0)
        gb++;
      while (gt < pairs->ny && ratio_compare (pairs->y[gt].value, x, high.with_ai, high.without_ai) <= 0)
        gt++;
      below += pairs->x[j].count * pairs->count_y_before[gb];
      for (gsize i = gb; i < gt; i++)
        {
          Cell cell = { pairs->y[i].value, x, pairs->x[j].count * pairs->y[i].count };

          g_array_append_val (cells, cell);
          in_cells += cell.weight;
        }
    }
  g_assert (below < rank && rank <= below + in_cells);

  picked = select_cell ((Cell *) (void *) cells->data, cells->len, rank - below, at_or_below);
  *at_or_below += below;

  result.with_ai = picked.y;
  result.without_ai = picked.x;
  return result;
}

/* The least pair value above @value (there must be one). */
static YsPairRatio
pairs_successor (const Pairs *pairs,
                 YsPairRatio  value)
{
  YsPairRatio next = { 0, 0 };
  gsize i = 0;

  for (gsize j = 0; j < pairs->nx; j++)
    {
      gint64 x = pairs->x[j].value;

      while (i < pairs->ny &&
             ratio_compare (pairs->y[i].value, x, value.with_ai, value.without_ai) <= 0)
        i++;
      if (i < pairs->ny &&
          (next.without_ai == 0 ||
           ratio_compare (pairs->y[i].value, x, next.with_ai, next.without_ai) < 0))
        next = (YsPairRatio) { pairs->y[i].value, x };
    }

  g_assert (next.without_ai != 0);
  return next;
}

YsPairRatio
ys_order_stats_pair_ratio_at (const YsValueCount *without_ai,
                              gsize               n_without_ai,
                              const YsValueCount *with_ai,
                              gsize               n_with_ai,
                              guint64             rank)
{
  YsPairRatio none = { 0, 0 }, result;
  guint64 at_or_below;
  Pairs pairs;

  g_return_val_if_fail (stream_is_valid (without_ai, n_without_ai), none);
  g_return_val_if_fail (stream_is_valid (with_ai, n_with_ai), none);
  g_return_val_if_fail (rank >= 1, none);
  g_return_val_if_fail (rank <= ys_order_stats_total (without_ai, n_without_ai) *
                                ys_order_stats_total (with_ai, n_with_ai), none);

  pairs_init (&pairs, without_ai, n_without_ai, with_ai, n_with_ai);
  result = pairs_select (&pairs, rank, &at_or_below);
  pairs_clear (&pairs);
  return result;
}

/* The change ------------------------------------------------------------------ */

gboolean
ys_order_stats_enough_data (guint64 m,
                            guint64 n)
{
  return m >= YS_ORDER_STATS_ENOUGH_RUNS && n >= YS_ORDER_STATS_ENOUGH_RUNS;
}

gboolean
ys_order_stats_is_clear (guint64 m,
                         guint64 n,
                         double  low,
                         double  high)
{
  /* Each bound is a ratio of integers up to 2^31, correctly rounded, so it
   * is below, at or above 1 exactly when the ratio is. */
  return ys_order_stats_enough_data (m, n) && (high < 1.0 || low > 1.0);
}

int
ys_order_stats_runs_to_settle (guint64 m,
                               guint64 n,
                               double  ratio,
                               double  low,
                               double  high)
{
  double h, d, harmonic, more, nearest;

  if (!ys_order_stats_enough_data (m, n) || ys_order_stats_is_clear (m, n, low, high))
    return -1;
  if (!(ratio > 0) || ratio == 1.0 || !(low > 0) || !(high >= low))
    return -1;

  h = (log (high) - log (low)) / 2;
  d = fabs (log (ratio));
  harmonic = 2.0 * (double) m * (double) n / ((double) m + (double) n);
  more = harmonic * (h / d) * (h / d) - harmonic;

  /* When the exact value is a whole number (ratio 2 in [1/2, 8] with m = n
   * = 6 gives 18), rounding in the logs must not make it the next one up. */
  nearest = round (more);
  if (fabs (more - nearest) <= 1e-9 * MAX (1.0, fabs (nearest)))
    more = nearest;

  if (more >= 999)
    return 999;
  if (more <= 1)
    return 1;
  return (int) ceil (more);
}

void
ys_order_stats_ratio_change (const YsValueCount *without_ai,
                             gsize               n_without_ai,
                             const YsValueCount *with_ai,
                             gsize               n_with_ai,
                             YsRatioChange      *change)
{
  guint64 m, n, mn, k, at_or_below;
  Pairs pairs;

  g_return_if_fail (change != NULL);

  memset (change, 0, sizeof *change);
  change->ratio = change->low = change->high = NAN;
  change->runs_to_settle = -1;

  g_return_if_fail (stream_is_valid (without_ai, n_without_ai));
  g_return_if_fail (stream_is_valid (with_ai, n_with_ai));

  m = change->without_ai_runs = ys_order_stats_total (without_ai, n_without_ai);
  n = change->with_ai_runs = ys_order_stats_total (with_ai, n_with_ai);
  change->enough_data = ys_order_stats_enough_data (m, n);
  if (m == 0 || n == 0)
    return;

  pairs_init (&pairs, without_ai, n_without_ai, with_ai, n_with_ai);
  mn = pairs.total;

  /* e to the median of the logs; for an even m·n the mean of the two
   * middle logs, so the geometric mean of the two middle ratios. */
  if (mn % 2 == 1)
    {
      YsPairRatio middle = pairs_select (&pairs, mn / 2 + 1, &at_or_below);

      change->ratio = (double) middle.with_ai / (double) middle.without_ai;
    }
  else
    {
      YsPairRatio lower = pairs_select (&pairs, mn / 2, &at_or_below);
      YsPairRatio upper = at_or_below > mn / 2 ? lower : pairs_successor (&pairs, lower);

      change->ratio = sqrt ((double) (lower.with_ai * upper.with_ai) /
                            (double) (lower.without_ai * upper.without_ai));
    }
  change->has_ratio = TRUE;

  if (ys_order_stats_moses_rank (m, n, &k))
    {
      YsPairRatio low = pairs_select (&pairs, k, &at_or_below);
      YsPairRatio high = pairs_select (&pairs, mn - k + 1, &at_or_below);

      change->low = (double) low.with_ai / (double) low.without_ai;
      change->high = (double) high.with_ai / (double) high.without_ai;
      change->has_interval = TRUE;
      change->clear = ys_order_stats_is_clear (m, n, change->low, change->high);
      change->runs_to_settle = ys_order_stats_runs_to_settle (m, n, change->ratio,
                                                              change->low, change->high);
    }

  pairs_clear (&pairs);
}

double
ys_round_decimals (double value,
                   guint  decimals)
{
  char format[8];
  char text[G_ASCII_DTOSTR_BUF_SIZE];

  g_return_val_if_fail (decimals <= 9, value);

  /* printf rounds the binary value correctly, to even at an exact half. */
  g_snprintf (format, sizeof format, "%%.%uf", decimals);
  return g_ascii_strtod (g_ascii_formatd (text, sizeof text, format, value), NULL);
}
