/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "yardstick-core"

#include "config.h"

#include <glib/gi18n.h>
#include <limits.h>
#include <locale.h>
#include <string.h>

#include "ys-error.h"
#include "ys-money.h"

/* Between an amount and its currency: a line never breaks there. */
#define NO_BREAK_SPACE "\302\240"

static gboolean
known (char value)
{
  return value != CHAR_MAX;
}

void
ys_money_format_init_locale (YsMoneyFormat *format)
{
  const struct lconv *lc = localeconv ();

  g_return_if_fail (format != NULL);

  /* C and POSIX leave everything unset: a point, no grouping, no currency,
   * and an ISO code before the amount, as most of the world writes it. */
  format->decimal_point = g_strdup (lc->mon_decimal_point && *lc->mon_decimal_point
                                    ? lc->mon_decimal_point : ".");
  format->thousands_sep = g_strdup (lc->mon_thousands_sep ? lc->mon_thousands_sep : "");
  format->grouping = g_strdup (lc->mon_grouping ? lc->mon_grouping : "");
  format->local_code = g_strndup (lc->int_curr_symbol ? lc->int_curr_symbol : "", 3);
  g_strstrip (format->local_code);
  format->local_symbol = g_strdup (lc->currency_symbol ? lc->currency_symbol : "");
  format->frac_digits = known (lc->frac_digits) ? lc->frac_digits : 2;
  format->symbol_precedes = known (lc->p_cs_precedes) ? lc->p_cs_precedes == 1 : TRUE;
  format->symbol_spaced = known (lc->p_sep_by_space) ? lc->p_sep_by_space != 0 : TRUE;
  format->code_precedes = known (lc->int_p_cs_precedes) ? lc->int_p_cs_precedes == 1
                                                        : format->symbol_precedes;
  format->code_spaced = known (lc->int_p_sep_by_space) ? lc->int_p_sep_by_space != 0 : TRUE;
}

void
ys_money_format_clear (YsMoneyFormat *format)
{
  g_clear_pointer (&format->decimal_point, g_free);
  g_clear_pointer (&format->thousands_sep, g_free);
  g_clear_pointer (&format->grouping, g_free);
  g_clear_pointer (&format->local_code, g_free);
  g_clear_pointer (&format->local_symbol, g_free);
}

char *
ys_money_locale_currency (void)
{
  g_auto(YsMoneyFormat) format = { 0 };

  ys_money_format_init_locale (&format);
  if (strlen (format.local_code) != 3)
    return NULL;
  return g_strdup (format.local_code);
}

char *
ys_money_resolve_currency (const char *currency)
{
  if (currency != NULL && *currency != '\0')
    return g_strdup (currency);
  return ys_money_locale_currency ();
}

/* "1234567" with the locale's grouping: "1.234.567". */
static void
append_grouped (GString             *out,
                const YsMoneyFormat *format,
                const char          *digits)
{
  gsize length = strlen (digits);
  g_autoptr(GArray) breaks = g_array_new (FALSE, FALSE, sizeof (gsize));
  const char *group = format->grouping;
  gsize position = length;
  int size = 0;

  /* Positions (from the left) before which a separator goes; mon_grouping
   * lists group sizes from the right, the last one repeating, CHAR_MAX
   * ending the grouping. */
  if (*format->thousands_sep != '\0')
    while (TRUE)
      {
        if (*group != '\0')
          {
            if (*group == CHAR_MAX || *group <= 0)
              break;
            size = *group++;
          }
        if (size <= 0 || position <= (gsize) size)
          break;
        position -= size;
        g_array_prepend_val (breaks, position);
      }

  for (gsize i = 0, b = 0; i < length; i++)
    {
      if (b < breaks->len && g_array_index (breaks, gsize, b) == i)
        {
          g_string_append (out, format->thousands_sep);
          b++;
        }
      g_string_append_c (out, digits[i]);
    }
}

static void
append_amount (GString             *out,
               const YsMoneyFormat *format,
               guint64              cents,
               int                  frac_digits)
{
  char digits[32];

  if (frac_digits == 0)
    {
      g_snprintf (digits, sizeof digits, "%" G_GUINT64_FORMAT, (cents + 50) / 100);
      append_grouped (out, format, digits);
      return;
    }
  g_snprintf (digits, sizeof digits, "%" G_GUINT64_FORMAT, cents / 100);
  append_grouped (out, format, digits);
  g_string_append_printf (out, "%s%02u", format->decimal_point, (guint) (cents % 100));
}

char *
ys_money_format_amount (const YsMoneyFormat *format,
                        gint64               cents)
{
  GString *out = g_string_new (cents < 0 ? "-" : "");

  g_return_val_if_fail (format != NULL, NULL);

  append_amount (out, format, (guint64) ABS (cents), 2);
  return g_string_free (out, FALSE);
}

char *
ys_money_format_with (const YsMoneyFormat *format,
                      const char          *currency,
                      gint64               cents)
{
  GString *out = g_string_new (cents < 0 ? "-" : "");
  gboolean local;
  const char *mark;
  gboolean precedes, spaced;

  g_return_val_if_fail (format != NULL, NULL);

  if (currency == NULL || *currency == '\0')
    {
      append_amount (out, format, (guint64) ABS (cents), 2);
      return g_string_free (out, FALSE);
    }

  local = g_strcmp0 (currency, format->local_code) == 0 && *format->local_symbol != '\0';
  mark = local ? format->local_symbol : currency;
  precedes = local ? format->symbol_precedes : format->code_precedes;
  spaced = local ? format->symbol_spaced : format->code_spaced;

  if (precedes)
    {
      g_string_append (out, mark);
      if (spaced)
        g_string_append (out, NO_BREAK_SPACE);
    }
  /* Costs carry cents whatever the currency; a currency the locale writes
   * without them (JPY in ja_JP) is shown rounded. */
  append_amount (out, format, (guint64) ABS (cents),
                 local && format->frac_digits == 0 ? 0 : 2);
  if (!precedes)
    {
      if (spaced)
        g_string_append (out, NO_BREAK_SPACE);
      g_string_append (out, mark);
    }
  return g_string_free (out, FALSE);
}

char *
ys_money_format (const char *currency,
                 gint64      cents)
{
  g_auto(YsMoneyFormat) format = { 0 };

  ys_money_format_init_locale (&format);
  return ys_money_format_with (&format, currency, cents);
}

/* Parsing ------------------------------------------------------------------ */

static gboolean
is_separator (const YsMoneyFormat *format,
              const char          *p,
              gsize               *length)
{
  static const char *const others[] = { ".", ",", "'", "\342\200\231" /* ’ */, " ",
                                        NO_BREAK_SPACE, "\342\200\257" /* narrow */ };

  if (*format->decimal_point && g_str_has_prefix (p, format->decimal_point))
    {
      *length = strlen (format->decimal_point);
      return TRUE;
    }
  if (*format->thousands_sep && g_str_has_prefix (p, format->thousands_sep))
    {
      *length = strlen (format->thousands_sep);
      return TRUE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    if (g_str_has_prefix (p, others[i]))
      {
        *length = strlen (others[i]);
        return TRUE;
      }
  return FALSE;
}

static gboolean
refuse (const YsMoneyFormat  *format,
        const char           *text,
        GError              **error)
{
  g_autofree char *example = ys_money_format_amount (format, 4990);

  /* TRANSLATORS: a cost that could not be read; %s: what was typed, then
   * an example such as "49,90" */
  g_set_error (error, YS_ERROR, YS_ERROR_INVALID,
               _("“%s” is not an amount: type a number such as %s."), text, example);
  return FALSE;
}

gboolean
ys_money_parse_with (const YsMoneyFormat  *format,
                     const char           *text,
                     gint64               *cents,
                     GError              **error)
{
  g_autofree char *trimmed = NULL;
  g_autoptr(GPtrArray) groups = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) separators = g_ptr_array_new_with_free_func (g_free);
  const char *start, *end, *p;
  guint64 units = 0;
  guint64 hundredths = 0;
  guint n_groups;
  gboolean decimal = FALSE;

  g_return_val_if_fail (format != NULL, FALSE);
  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (cents != NULL, FALSE);

  trimmed = g_strstrip (g_strdup (text));

  if (!g_utf8_validate (trimmed, -1, NULL))
    return refuse (format, "", error);
  if (strchr (trimmed, '-') != NULL || strstr (trimmed, "\342\210\222") != NULL)
    {
      g_set_error (error, YS_ERROR, YS_ERROR_INVALID, _("A cost cannot be negative."));
      return FALSE;
    }

  /* The number runs from the first digit to the last; around it only a
   * currency's symbol or code and spaces. */
  start = trimmed;
  while (*start && !g_ascii_isdigit (*start))
    start = g_utf8_next_char (start);
  end = start;
  for (p = start; *p; p = g_utf8_next_char (p))
    if (g_ascii_isdigit (*p))
      end = p + 1;
  if (*start == '\0')
    return refuse (format, trimmed, error);
  for (p = trimmed; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (p >= start && p < end)
        continue;
      if (!(g_unichar_isspace (c) || g_unichar_isalpha (c) || c == 0xA0 || c == 0x202F ||
            g_unichar_type (c) == G_UNICODE_CURRENCY_SYMBOL))
        return refuse (format, trimmed, error);
    }

  /* Digits and separators in between: "1.234,50" is groups "1" "234" "50". */
  for (p = start; p < end;)
    {
      const char *digits = p;
      gsize length;

      while (p < end && g_ascii_isdigit (*p))
        p++;
      if (p == digits)
        return refuse (format, trimmed, error);
      g_ptr_array_add (groups, g_strndup (digits, p - digits));
      if (p == end)
        break;
      if (!is_separator (format, p, &length))
        return refuse (format, trimmed, error);
      g_ptr_array_add (separators, g_strndup (p, length));
      p += length;
    }

  /* The last separator is a decimal point when it is the locale's, or a
   * point or comma with one or two digits after it. */
  n_groups = groups->len;
  if (separators->len > 0)
    {
      const char *last = g_ptr_array_index (separators, separators->len - 1);
      gsize tail = strlen (g_ptr_array_index (groups, n_groups - 1));

      if (strcmp (last, format->decimal_point) == 0 ||
          ((strcmp (last, ".") == 0 || strcmp (last, ",") == 0) && tail <= 2))
        {
          if (tail > 2)
            {
              g_autofree char *example = ys_money_format_amount (format, 4990);

              g_set_error (error, YS_ERROR, YS_ERROR_INVALID,
                           _("A cost has at most two decimals, such as %s."), example);
              return FALSE;
            }
          decimal = TRUE;
          n_groups--;
        }
    }

  /* What is left is whole units, grouped in threes after the first. */
  for (guint i = 0; i < n_groups; i++)
    {
      const char *group = g_ptr_array_index (groups, i);
      gsize length = strlen (group);

      if ((i > 0 && length != 3) || (i > 0 && strcmp (g_ptr_array_index (separators, i - 1),
                                                      format->decimal_point) == 0))
        return refuse (format, trimmed, error);
      for (const char *d = group; *d; d++)
        {
          units = units * 10 + (guint64) (*d - '0');
          if (units > (guint64) YS_MONEY_MAX_CENTS)
            break;
        }
      if (units > (guint64) YS_MONEY_MAX_CENTS)
        break;
    }
  if (decimal)
    {
      const char *tail = g_ptr_array_index (groups, groups->len - 1);

      hundredths = (guint64) g_ascii_strtoull (tail, NULL, 10) * (strlen (tail) == 1 ? 10 : 1);
    }

  if (units > (guint64) (YS_MONEY_MAX_CENTS / 100) ||
      units * 100 + hundredths > (guint64) YS_MONEY_MAX_CENTS)
    {
      g_autofree char *maximum = ys_money_format_amount (format, YS_MONEY_MAX_CENTS);

      g_set_error (error, YS_ERROR, YS_ERROR_INVALID,
                   _("A monthly cost can be at most %s."), maximum);
      return FALSE;
    }

  *cents = (gint64) (units * 100 + hundredths);
  return TRUE;
}

gboolean
ys_money_parse (const char  *text,
                gint64      *cents,
                GError     **error)
{
  g_auto(YsMoneyFormat) format = { 0 };

  ys_money_format_init_locale (&format);
  return ys_money_parse_with (&format, text, cents, error);
}
