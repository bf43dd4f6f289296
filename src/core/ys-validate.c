/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "yardstick-core"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ys-error.h"
#include "ys-validate.h"

const char *
ys_mode_to_string (YsMode mode)
{
  return mode == YS_MODE_WITH_AI ? "with-ai" : "without-ai";
}

gboolean
ys_mode_from_string (const char *string,
                     YsMode     *mode)
{
  if (g_strcmp0 (string, "without-ai") == 0)
    *mode = YS_MODE_WITHOUT_AI;
  else if (g_strcmp0 (string, "with-ai") == 0)
    *mode = YS_MODE_WITH_AI;
  else
    return FALSE;
  return TRUE;
}

const char *
ys_assignment_to_string (YsAssignment assignment)
{
  switch (assignment)
    {
    case YS_ASSIGNMENT_DRAWN: return "drawn";
    case YS_ASSIGNMENT_OVERRIDDEN: return "overridden";
    case YS_ASSIGNMENT_CHOSEN:
    default: return "chosen";
    }
}

gboolean
ys_assignment_from_string (const char   *string,
                           YsAssignment *assignment)
{
  if (g_strcmp0 (string, "chosen") == 0)
    *assignment = YS_ASSIGNMENT_CHOSEN;
  else if (g_strcmp0 (string, "drawn") == 0)
    *assignment = YS_ASSIGNMENT_DRAWN;
  else if (g_strcmp0 (string, "overridden") == 0)
    *assignment = YS_ASSIGNMENT_OVERRIDDEN;
  else
    return FALSE;
  return TRUE;
}

/* Returns the trimmed name, or NULL with @error set. */
char *
ys_validate_name (const char  *name,
                  YsNameKind   kind,
                  GError     **error)
{
  g_autofree char *trimmed = NULL;
  glong length;

  if (name == NULL || !g_utf8_validate (name, -1, NULL))
    {
      g_set_error_literal (error, YS_ERROR, YS_ERROR_INVALID,
                           _("The name is not valid text."));
      return NULL;
    }

  trimmed = g_strstrip (g_strdup (name));
  length = g_utf8_strlen (trimmed, -1);

  if (length == 0)
    {
      g_set_error_literal (error, YS_ERROR, YS_ERROR_INVALID,
                           kind == YS_NAME_WORKFLOW
                           ? _("A workflow needs a name.")
                           : _("A tool needs a name."));
      return NULL;
    }

  if (length > YS_LIMITS_MAX_NAME)
    {
      g_set_error (error, YS_ERROR, YS_ERROR_INVALID,
                   _("A name can be at most %d characters long."),
                   YS_LIMITS_MAX_NAME);
      return NULL;
    }

  return g_steal_pointer (&trimmed);
}

gboolean
ys_validate_duration (gint64   seconds,
                      GError **error)
{
  if (seconds < YS_LIMITS_MIN_DURATION || seconds > YS_LIMITS_MAX_DURATION)
    {
      g_set_error_literal (error, YS_ERROR, YS_ERROR_INVALID,
                           _("A run must take between 1 second and 7 days."));
      return FALSE;
    }
  return TRUE;
}

gboolean
ys_validate_corrections (gint64   corrections,
                         GError **error)
{
  if (corrections < 0 || corrections > YS_LIMITS_MAX_CORRECTIONS)
    {
      g_set_error (error, YS_ERROR, YS_ERROR_INVALID,
                   _("Corrections must be between 0 and %d."),
                   YS_LIMITS_MAX_CORRECTIONS);
      return FALSE;
    }
  return TRUE;
}

gboolean
ys_validate_people (gint64   people,
                    GError **error)
{
  if (people < YS_LIMITS_MIN_PEOPLE || people > YS_LIMITS_MAX_PEOPLE)
    {
      g_set_error (error, YS_ERROR, YS_ERROR_INVALID,
                   _("The number of people must be between %d and %d."),
                   YS_LIMITS_MIN_PEOPLE, YS_LIMITS_MAX_PEOPLE);
      return FALSE;
    }
  return TRUE;
}

gboolean
ys_validate_text (const char  *text,
                  GError     **error)
{
  if (text == NULL)
    return TRUE;

  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error_literal (error, YS_ERROR, YS_ERROR_INVALID,
                           _("The text is not valid UTF-8."));
      return FALSE;
    }

  if (g_utf8_strlen (text, -1) > YS_LIMITS_MAX_TEXT)
    {
      g_set_error (error, YS_ERROR, YS_ERROR_INVALID,
                   _("A note can be at most %d characters long."),
                   YS_LIMITS_MAX_TEXT);
      return FALSE;
    }

  return TRUE;
}

gboolean
ys_validate_mode_tool (YsMode       mode,
                       const char  *tool_id,
                       GError     **error)
{
  gboolean has_tool = tool_id != NULL && *tool_id != '\0';

  if (mode == YS_MODE_WITH_AI && !has_tool)
    {
      g_set_error_literal (error, YS_ERROR, YS_ERROR_INVALID,
                           _("A run with AI needs the tool it used."));
      return FALSE;
    }

  if (mode == YS_MODE_WITHOUT_AI && has_tool)
    {
      g_set_error_literal (error, YS_ERROR, YS_ERROR_INVALID,
                           _("A run without AI cannot name a tool."));
      return FALSE;
    }

  return TRUE;
}

/* Canonical 8-4-4-4-12 form in lowercase only, as bundles require. */
gboolean
ys_is_uuid (const char *string)
{
  if (string == NULL || !g_uuid_string_is_valid (string))
    return FALSE;

  for (const char *p = string; *p; p++)
    if (g_ascii_isupper (*p))
      return FALSE;
  return TRUE;
}

char *
ys_uuid_new (void)
{
  return g_uuid_string_random ();
}

/* Strictly YYYY-MM-DD, a real calendar date. */
gboolean
ys_parse_iso_date (const char *text,
                   GDate      *date)
{
  guint year, month, day;

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  for (int i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;

  year = g_ascii_strtoull (text, NULL, 10);
  month = g_ascii_strtoull (text + 5, NULL, 10);
  day = g_ascii_strtoull (text + 8, NULL, 10);

  if (!g_date_valid_dmy (day, month, year))
    return FALSE;

  if (date != NULL)
    g_date_set_dmy (date, day, month, year);
  return TRUE;
}

void
ys_format_iso_date (const GDate *date,
                    char         text[11])
{
  g_snprintf (text, 11, "%04d-%02d-%02d", g_date_get_year (date), g_date_get_month (date),
              g_date_get_day (date));
}

/* "2026-Q3" */
gboolean
ys_is_quarter (const char *text)
{
  if (text == NULL || strlen (text) != 7 || text[4] != '-' || text[5] != 'Q' ||
      text[6] < '1' || text[6] > '4')
    return FALSE;
  for (int i = 0; i < 4; i++)
    if (!g_ascii_isdigit (text[i]))
      return FALSE;
  return TRUE;
}
