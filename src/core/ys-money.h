/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * Money as people read and type it: whole cents inside, the locale's
 * monetary conventions (LC_MONETARY) outside, in the currency the team
 * chose. The locale's own currency shows its symbol ("60,00 €"); another
 * shows its ISO code where the locale puts a symbol ("60,00 USD").
 */

/* The largest monthly cost FORMAT.md allows, in cents (10 000 000.00). */
#define YS_MONEY_MAX_CENTS G_GINT64_CONSTANT (1000000000)

typedef struct
{
  char *decimal_point;     /* "," ; never empty */
  char *thousands_sep;     /* "." ; may be empty */
  char *grouping;          /* as struct lconv's mon_grouping */
  char *local_code;        /* the locale's currency, "EUR"; "" when none */
  char *local_symbol;      /* "€" */
  int   frac_digits;       /* of the locale's currency */
  gboolean symbol_precedes;
  gboolean symbol_spaced;
  gboolean code_precedes;
  gboolean code_spaced;
} YsMoneyFormat;

/* The conventions of the current LC_MONETARY. */
void      ys_money_format_init_locale (YsMoneyFormat       *format);
void      ys_money_format_clear       (YsMoneyFormat       *format);

/* The locale's currency as an ISO 4217 code ("EUR"), or NULL when the
 * locale has none (C, POSIX). */
char     *ys_money_locale_currency    (void);
/* @currency as chosen in Preferences: "" or NULL means the locale's. */
char     *ys_money_resolve_currency   (const char          *currency);

/* @cents in @currency ("EUR", or NULL/"" for no currency at all: just
 * the number). Negative amounts get a minus sign. */
char     *ys_money_format_with        (const YsMoneyFormat *format,
                                       const char          *currency,
                                       gint64               cents);
char     *ys_money_format             (const char          *currency,
                                       gint64               cents);
/* The amount alone, for an entry: "60,00". */
char     *ys_money_format_amount      (const YsMoneyFormat *format,
                                       gint64               cents);

/* What a person typed, as cents: "60", "60,5", "1.234,50 €", "49.90";
 * the locale's decimal point, or a point or comma followed by one or two
 * digits; grouping only in threes. 0 to YS_MONEY_MAX_CENTS. */
gboolean  ys_money_parse_with         (const YsMoneyFormat *format,
                                       const char          *text,
                                       gint64              *cents,
                                       GError             **error);
gboolean  ys_money_parse              (const char          *text,
                                       gint64              *cents,
                                       GError             **error);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (YsMoneyFormat, ys_money_format_clear)

G_END_DECLS
