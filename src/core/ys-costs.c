/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "yardstick-core"

#include "config.h"

#include <math.h>

#include "ys-costs.h"
#include "ys-order-stats.h"

/*
 * months = days ÷ (365.25 ÷ 12) = days · 48 ÷ 1461, so a cost over a
 * period in cents is monthly_cents · days · 48 ÷ 1461: a fraction whose
 * denominator is odd, which can never end in exactly half a cent. Rounding
 * it as an integer division is exact; a float product of 49.9 × 0.95…
 * would not be.
 */

#define DAYS_IN_4_YEARS 1461
#define MONTHS_IN_4_YEARS 48

double
ys_costs_months (guint days)
{
  return days / (365.25 / 12.0);
}

/* @numerator / @denominator rounded half away from zero, both ≥ 0. */
static gint64
round_quotient (guint64 numerator,
                guint64 denominator)
{
  return (gint64) ((numerator + denominator / 2) / denominator);
}

/* a · b / c, rounded; exact whenever the product fits in 64 bits, which
 * covers ten million a month for thousands of years. */
static gint64
scale_rounded (guint64 a,
               guint64 b,
               guint64 c)
{
  guint64 product;

  if (c == 0)
    return 0;
  if (!g_uint64_checked_mul (&product, a, b) || product > G_MAXUINT64 - c)
    return (gint64) llroundl ((long double) a * (long double) b / (long double) c);
  return round_quotient (product, c);
}

gint64
ys_costs_for_days (gint64 monthly_cents,
                   guint  days)
{
  g_return_val_if_fail (monthly_cents >= 0, 0);

  return scale_rounded ((guint64) monthly_cents, (guint64) days * MONTHS_IN_4_YEARS,
                        DAYS_IN_4_YEARS);
}

gint64
ys_costs_saved_half_seconds (double median_without_ai,
                             double median_with_ai,
                             guint  runs_with_ai)
{
  gint64 difference = llround (2.0 * median_without_ai) - llround (2.0 * median_with_ai);

  return difference * (gint64) runs_with_ai;
}

double
ys_costs_hours (gint64 half_seconds)
{
  return half_seconds / 7200.0;
}

gint64
ys_costs_value_of_time (gint64 cents_per_hour,
                        gint64 half_seconds)
{
  gint64 value;

  g_return_val_if_fail (cents_per_hour >= 0, 0);

  value = scale_rounded ((guint64) cents_per_hour, (guint64) ABS (half_seconds), 7200);
  return half_seconds < 0 ? -value : value;
}

void
ys_costs_init (YsCosts  *costs,
               gboolean  any_cost,
               gint64    monthly_cents,
               guint     days)
{
  g_return_if_fail (costs != NULL);

  *costs = (YsCosts) { 0 };
  /* Without a period (no runs and no dates given) there is nothing to
   * multiply the monthly cost by. */
  costs->has_tools_cost = any_cost && days > 0;
  if (costs->has_tools_cost)
    costs->tools_cost_cents = ys_costs_for_days (monthly_cents, days);
}

void
ys_costs_add_clear_change (YsCosts *costs,
                           gint64   half_seconds)
{
  g_return_if_fail (costs != NULL);

  costs->has_hours_saved = TRUE;
  costs->saved_half_seconds += half_seconds;
}

/* FORMAT.md's tools_cost ÷ hours_saved, both as the summary prints them,
 * rounded to cents the way a script reading the summary rounds it: the
 * quotient of the two numbers as the computer holds them, an exact half to
 * the even neighbour (Python's and R's round). Unlike tools_cost, this
 * quotient can end in exactly half a cent (4,867.26 ÷ 0.8 = 6,084.075),
 * and there the binary quotient, a hair below, says 6,084.07. */
static gint64
cost_per_hour_cents (gint64 tools_cost_cents,
                     gint64 saved_half_seconds)
{
  double quotient = (tools_cost_cents / 100.0) / ys_costs_hours (saved_half_seconds);

  return llround (ys_round_decimals (quotient, 2) * 100);
}

void
ys_costs_finish (YsCosts *costs)
{
  g_return_if_fail (costs != NULL);

  /* Never a cost per hour of a loss or of nothing: dividing by them
   * would read as a price. */
  costs->has_cost_per_hour = costs->has_tools_cost && costs->has_hours_saved &&
                             costs->saved_half_seconds > 0;
  costs->cost_per_hour_cents = costs->has_cost_per_hour
    ? cost_per_hour_cents (costs->tools_cost_cents, costs->saved_half_seconds)
    : 0;
}

double
ys_costs_hours_saved (const YsCosts *costs)
{
  g_return_val_if_fail (costs != NULL, NAN);

  return costs->has_hours_saved ? ys_costs_hours (costs->saved_half_seconds) : NAN;
}
