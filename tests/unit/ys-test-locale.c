/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <locale.h>
#include <string.h>

#include "ys-test-locale.h"

void
ys_test_init_locale (int     *argc,
                     char  ***argv)
{
  const char *wanted = NULL;
  int kept = 1;

  for (int i = 1; i < *argc; i++)
    {
      if (g_str_has_prefix ((*argv)[i], "--locale="))
        wanted = (*argv)[i] + strlen ("--locale=");
      else
        (*argv)[kept++] = (*argv)[i];
    }
  *argc = kept;
  (*argv)[kept] = NULL;

  if (wanted != NULL)
    g_setenv ("LC_ALL", wanted, TRUE);
  if (setlocale (LC_ALL, "") == NULL)
    g_error ("The locale %s is not installed. As root: localedef -i de_DE -f UTF-8 de_DE.UTF-8 "
             "(build-aux/test does it)", g_getenv ("LC_ALL"));
}

static const char *english_months[] = {
  "January", "February", "March", "April", "May", "June",
  "July", "August", "September", "October", "November", "December",
};

static const char *german_months[] = {
  "Januar", "Februar", "März", "April", "Mai", "Juni",
  "Juli", "August", "September", "Oktober", "November", "Dezember",
};

/* glibc's de_DE abbreviations (%b), for the window's shorter dates. */
static const char *english_short_months[] = {
  "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
};

static const char *german_short_months[] = {
  "Jan", "Feb", "Mär", "Apr", "Mai", "Jun", "Jul", "Aug", "Sep", "Okt", "Nov", "Dez",
};

static gboolean
is_word_at (const char *text,
            const char *at,
            const char *word)
{
  gsize length = strlen (word);

  return strncmp (at, word, length) == 0 &&
         (at == text || !g_ascii_isalpha (at[-1])) &&
         !g_ascii_isalpha (at[length]);
}

char *
ys_test_localized (const char *expected)
{
  const char *numeric = setlocale (LC_NUMERIC, NULL);
  const char *dates = setlocale (LC_TIME, NULL);
  gboolean german_numbers, german_months_used;
  GString *out;

  german_numbers = g_str_has_prefix (numeric, "de_DE");
  german_months_used = g_str_has_prefix (dates, "de_DE");
  if (!german_numbers && !g_str_equal (numeric, "C") && !g_str_has_prefix (numeric, "C."))
    g_error ("no expectations written for the locale %s", numeric);
  if (!german_months_used && !g_str_equal (dates, "C") && !g_str_has_prefix (dates, "C."))
    g_error ("no expectations written for the locale %s", dates);

  out = g_string_new (NULL);
  for (const char *p = expected; *p != '\0';)
    {
      gboolean replaced = FALSE;

      if (german_numbers && *p == '.' && p > expected &&
          g_ascii_isdigit (p[-1]) && g_ascii_isdigit (p[1]))
        {
          g_string_append_c (out, ',');
          p++;
          continue;
        }
      if (german_months_used)
        for (guint m = 0; m < G_N_ELEMENTS (english_months) && !replaced; m++)
          if (is_word_at (expected, p, english_months[m]))
            {
              g_string_append (out, german_months[m]);
              p += strlen (english_months[m]);
              replaced = TRUE;
            }
      if (german_months_used)
        for (guint m = 0; m < G_N_ELEMENTS (english_short_months) && !replaced; m++)
          if (is_word_at (expected, p, english_short_months[m]))
            {
              g_string_append (out, german_short_months[m]);
              p += strlen (english_short_months[m]);
              replaced = TRUE;
            }
      if (!replaced)
        g_string_append_c (out, *p++);
    }
  return g_string_free (out, FALSE);
}
