/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <locale.h>
#include <string.h>

#include "ys-error.h"
#include "ys-money.h"

/*
 * Money the locale's way. The conventions below are copied by hand from
 * glibc's locale sources (localedata/locales, LC_MONETARY), and the
 * expected strings written out by hand from them.
 */

#define NBSP "\302\240"
#define NNBSP "\342\200\257"

static const YsMoneyFormat german = {
  (char *) ",", (char *) ".", (char *) "\003\003", (char *) "EUR", (char *) "€", 2,
  FALSE, TRUE, FALSE, TRUE,
};
static const YsMoneyFormat american = {
  (char *) ".", (char *) ",", (char *) "\003\003", (char *) "USD", (char *) "$", 2,
  TRUE, FALSE, TRUE, TRUE,
};
static const YsMoneyFormat french = {
  (char *) ",", (char *) NNBSP, (char *) "\003\003", (char *) "EUR", (char *) "€", 2,
  FALSE, TRUE, FALSE, TRUE,
};
static const YsMoneyFormat japanese = {
  (char *) ".", (char *) ",", (char *) "\003\003", (char *) "JPY", (char *) "￥", 0,
  TRUE, FALSE, TRUE, TRUE,
};
/* What ys_money_format_init_locale makes of C: nothing set. */
static const YsMoneyFormat plain = {
  (char *) ".", (char *) "", (char *) "", (char *) "", (char *) "", 2,
  TRUE, TRUE, TRUE, TRUE,
};

static void
check_format (const YsMoneyFormat *format,
              const char          *currency,
              gint64               cents,
              const char          *expected)
{
  g_autofree char *text = ys_money_format_with (format, currency, cents);

  g_assert_cmpstr (text, ==, expected);
}

static void
test_format (void)
{
  /* The locale's own currency with its symbol, where the locale puts it. */
  check_format (&german, "EUR", 6000, "60,00" NBSP "€");
  check_format (&german, "EUR", 123456789, "1.234.567,89" NBSP "€");
  check_format (&german, "EUR", 5, "0,05" NBSP "€");
  check_format (&american, "USD", 6000, "$60.00");
  check_format (&american, "USD", 123456789, "$1,234,567.89");
  check_format (&french, "EUR", 123456789, "1" NNBSP "234" NNBSP "567,89" NBSP "€");
  /* Yen are written without cents: 60.50 shows as 61. */
  check_format (&japanese, "JPY", 6050, "￥61");
  check_format (&japanese, "JPY", 123456700, "￥1,234,567");

  /* Another currency by its code, as the locale places international ones. */
  check_format (&german, "USD", 6000, "60,00" NBSP "USD");
  check_format (&american, "EUR", 6000, "EUR" NBSP "60.00");
  check_format (&japanese, "USD", 6050, "USD" NBSP "60.50");

  /* C: a point, no grouping; the code first. No currency: the number. */
  check_format (&plain, "EUR", 123456789, "EUR" NBSP "1234567.89");
  check_format (&plain, NULL, 6000, "60.00");
  check_format (&plain, "", 6000, "60.00");

  /* A loss of value is negative. */
  check_format (&german, "EUR", -6000, "-60,00" NBSP "€");
}

static void
check_parse (const YsMoneyFormat *format,
             const char          *text,
             gint64               expected)
{
  g_autoptr(GError) error = NULL;
  gint64 cents = -1;

  if (!ys_money_parse_with (format, text, &cents, &error))
    g_error ("“%s” refused: %s", text, error->message);
  g_assert_cmpint (cents, ==, expected);
}

static void
check_refused (const YsMoneyFormat *format,
               const char          *text,
               const char          *message)
{
  g_autoptr(GError) error = NULL;
  gint64 cents = 77;

  g_assert_false (ys_money_parse_with (format, text, &cents, &error));
  g_assert_error (error, YS_ERROR, YS_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, message);
  g_assert_cmpint (cents, ==, 77);
}

static void
test_parse (void)
{
  check_parse (&german, "60", 6000);
  check_parse (&german, "60,5", 6050);
  check_parse (&german, "60,05", 6005);
  check_parse (&german, " 1.234,50 € ", 123450);
  check_parse (&german, "1.234", 123400);
  check_parse (&german, "EUR 1.234.567", 123456700);
  /* A point with one or two digits after it is a decimal point anywhere. */
  check_parse (&german, "49.90", 4990);
  check_parse (&german, "0", 0);
  check_parse (&german, "10.000.000", G_GINT64_CONSTANT (1000000000));

  check_parse (&american, "$1,234.5", 123450);
  check_parse (&american, "1,234", 123400);
  check_parse (&french, "1" NNBSP "234,50", 123450);
  check_parse (&french, "1 234,50", 123450);
  check_parse (&plain, "1234567.89", 123456789);

  check_refused (&german, "", "“” is not an amount: type a number such as 49,90.");
  check_refused (&german, "sixty", "“sixty” is not an amount: type a number such as 49,90.");
  check_refused (&german, "6x0", "“6x0” is not an amount: type a number such as 49,90.");
  check_refused (&german, "12.34.56", "“12.34.56” is not an amount: type a number such as 49,90.");
  check_refused (&german, "60,,5", "“60,,5” is not an amount: type a number such as 49,90.");
  check_refused (&german, "12,345", "A cost has at most two decimals, such as 49,90.");
  check_refused (&american, "1.234", "A cost has at most two decimals, such as 49.90.");
  check_refused (&german, "-5", "A cost cannot be negative.");
  check_refused (&german, "10.000.000,01", "A monthly cost can be at most 10.000.000,00.");
  check_refused (&german, "99999999999999999999999",
                 "A monthly cost can be at most 10.000.000,00.");
}

/* The real de_DE.UTF-8 locale, which build-aux/test makes. */
static void
test_locale (void)
{
  g_autofree char *saved = g_strdup (setlocale (LC_MONETARY, NULL));
  g_autofree char *currency = NULL;
  g_autofree char *text = NULL;
  gint64 cents = 0;

  if (setlocale (LC_MONETARY, "de_DE.UTF-8") == NULL)
    {
      g_test_skip ("the de_DE.UTF-8 locale is not installed");
      return;
    }
  currency = ys_money_locale_currency ();
  text = ys_money_format (currency, 6000);
  g_assert_true (ys_money_parse ("1.234,50", &cents, NULL));
  setlocale (LC_MONETARY, saved);

  g_assert_cmpstr (currency, ==, "EUR");
  g_assert_cmpstr (text, ==, "60,00" NBSP "€");
  g_assert_cmpint (cents, ==, 123450);

  /* C has no currency of its own. */
  setlocale (LC_MONETARY, "C");
  g_clear_pointer (&currency, g_free);
  currency = ys_money_locale_currency ();
  setlocale (LC_MONETARY, saved);
  g_assert_null (currency);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/money/format", test_format);
  g_test_add_func ("/money/parse", test_parse);
  g_test_add_func ("/money/locale", test_locale);
  return g_test_run ();
}
