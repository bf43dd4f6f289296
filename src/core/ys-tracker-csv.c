/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "yardstick-core"

/*
 * Time entries from the exports of other time trackers, recognised by the
 * header row. Where each format's columns and values were confirmed:
 *
 * - Toggl Track, detailed report CSV: User, Email, Client, Project, Task,
 *   Description, Billable, Start date, Start time, End date, End time,
 *   Duration (hh:mm:ss), Tags ("a, b"), Amount (USD), with a byte-order mark.
 *   Confirmed in Toggl's CSV import guide (support.toggl.com, "Editing and
 *   uploading a CSV file": the detailed report export is the model, and the
 *   profile's Duration format should be "Improved", h:mm:ss; decimal hours
 *   are read too, for a profile set to "Decimal") and in public readers of
 *   the export (a validator's test expects the BOM; converters to Clockify
 *   and Personio read the same fourteen columns). Dates are read in either
 *   numeric order as for Clockify, in case the profile's date format
 *   reaches the export.
 * - Clockify, detailed report CSV: Project, Client, Description, Task, User,
 *   Group, Email, Tags, Billable, Start Date, Start Time, End Date, End Time,
 *   Duration (h) (hh:mm:ss), Duration (decimal), Billable Rate (USD),
 *   Billable Amount (USD). Dates and times follow the exporting person's
 *   Profile settings (date format such as 03/04/2026 or 2026-03-04, 12- or
 *   24-hour clock: "01:00:00 PM"). Confirmed in Clockify's help ("Profile
 *   settings": time zone, date format, time format) and in public importers
 *   of the export that meet both date orders.
 * - Kimai 2, timesheet export CSV (kimai/kimai src/Export/DefaultTemplate.php,
 *   ColumnConverter.php, Base/CsvRenderer.php, translations/messages.en.xlf,
 *   tests/Export/Base/CsvRendererTest.php): Date (always Y-m-d in CSV),
 *   From and To (H:i), Duration (h:mm, h:mm:ss, or decimal hours when the
 *   person exports decimals), Currency, Price, ..., Name, User, E-mail, ...,
 *   Customer, Project, Activity, Description, Billable, Tags ("a, b"), ...
 *   Rate columns only for those allowed to see them.
 * - Hamster, TSV export (projecthamster/hamster src/hamster/reports.py
 *   TSVWriter, lib/datetime.py, lib/stuff.py): activity, start time, end
 *   time ("YYYY-MM-DD HH:MM", older versions with seconds), duration minutes
 *   (a number, "90" or "90.0"), category, description, tags ("a, b");
 *   Python's excel-tab dialect.
 * - Yardstick's own --export-csv (FORMAT.md, "CSV"; src/core/ys-csv.c):
 *   id, workflow, mode, tool, started_at (RFC 3339), duration_seconds,
 *   corrections, used, note, then assignment where FORMAT.md has it.
 *
 * Kimai and Hamster translate their headers; only the English ones (Kimai's
 * default CSV template, Hamster in English) are recognised.
 *
 * An entry keeps the project (Yardstick: the workflow), the description
 * (Kimai and Hamster: the activity, then ": " and the description when there
 * is one) and the tags (Yardstick: the mode and the tool). Nothing else: the
 * person columns are never read, so no name or e-mail outlives the record
 * being parsed.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ys-csv-reader.h"
#include "ys-error.h"
#include "ys-tracker-csv-private.h"
#include "ys-tracker-values.h"
#include "ys-uuid.h"

#define MAX_FILE_SIZE (256 * 1024 * 1024)
#define MAX_DURATION_SECONDS 604800
/* How much of a bad value an error message quotes. */
#define MAX_QUOTED_CHARS 40

typedef enum
{
  COL_SIGNATURE,        /* recognises the format; not read */
  COL_START_DATE,
  COL_START_TIME,
  COL_START,            /* date and time in one cell */
  COL_END_DATE,
  COL_END_TIME,
  COL_END,
  COL_DURATION,
  COL_DURATION_DECIMAL, /* Clockify's second duration column */
  COL_PROJECT,
  COL_ACTIVITY,
  COL_DESCRIPTION,
  COL_TAGS,
  COL_MODE,
  COL_TOOL,
  N_COLUMNS
} Column;

typedef enum
{
  DATES_ISO,               /* YYYY-MM-DD only */
  DATES_NUMERIC,           /* also DD/MM/YYYY or MM/DD/YYYY, by a setting */
} DateKind;

typedef struct
{
  const char *header;
  Column      column;
  gboolean    required;
} ColumnSpec;

typedef struct
{
  YsTrackerFormat  format;
  const char      *key;
  const char      *name;
  DateKind         dates;
  YsTrackerDuration durations;
  const char      *duration_form;  /* for messages */
  const char      *date_setting;   /* where to choose ISO dates, translatable */
  ColumnSpec       columns[10];
} Format;

static const Format formats[] = {
  { YS_TRACKER_FORMAT_YARDSTICK, "yardstick", N_("Yardstick CSV"), DATES_ISO, YS_TRACKER_DURATION_SECONDS,
    N_("whole seconds"), NULL,
    { { "id", COL_SIGNATURE, TRUE }, { "workflow", COL_PROJECT, TRUE },
      { "mode", COL_MODE, TRUE }, { "tool", COL_TOOL, TRUE },
      { "started_at", COL_START, TRUE }, { "duration_seconds", COL_DURATION, TRUE },
      { "note", COL_DESCRIPTION, TRUE } } },
  { YS_TRACKER_FORMAT_CLOCKIFY, "clockify", "Clockify", DATES_NUMERIC, YS_TRACKER_DURATION_HMS,
    "hh:mm:ss",
    N_("choose the date format YYYY-MM-DD in Clockify’s Profile settings and export the "
       "report again"),
    { { "Project", COL_PROJECT, TRUE }, { "Description", COL_DESCRIPTION, TRUE },
      { "Start Date", COL_START_DATE, TRUE }, { "Start Time", COL_START_TIME, TRUE },
      { "End Date", COL_END_DATE, FALSE }, { "End Time", COL_END_TIME, FALSE },
      { "Duration (h)", COL_DURATION, TRUE }, { "Duration (decimal)", COL_DURATION_DECIMAL, FALSE },
      { "Tags", COL_TAGS, FALSE } } },
  { YS_TRACKER_FORMAT_TOGGL, "toggl", "Toggl Track", DATES_NUMERIC, YS_TRACKER_DURATION_HMS_OR_HOURS,
    "hh:mm:ss",
    N_("choose the date format YYYY-MM-DD in Toggl Track’s Profile settings and export the "
       "report again"),
    { { "Project", COL_PROJECT, TRUE }, { "Description", COL_DESCRIPTION, TRUE },
      { "Start date", COL_START_DATE, TRUE }, { "Start time", COL_START_TIME, TRUE },
      { "End date", COL_END_DATE, FALSE }, { "End time", COL_END_TIME, FALSE },
      { "Duration", COL_DURATION, TRUE }, { "Tags", COL_TAGS, FALSE } } },
  { YS_TRACKER_FORMAT_KIMAI, "kimai", "Kimai", DATES_ISO, YS_TRACKER_DURATION_KIMAI,
    N_("h:mm or decimal hours"), NULL,
    { { "Date", COL_START_DATE, TRUE }, { "From", COL_START_TIME, TRUE },
      { "To", COL_END_TIME, FALSE }, { "Duration", COL_DURATION, TRUE },
      { "Project", COL_PROJECT, TRUE }, { "Activity", COL_ACTIVITY, TRUE },
      { "Description", COL_DESCRIPTION, TRUE }, { "Tags", COL_TAGS, FALSE } } },
  { YS_TRACKER_FORMAT_HAMSTER, "hamster", "Hamster", DATES_ISO, YS_TRACKER_DURATION_MINUTES,
    N_("minutes"), NULL,
    { { "activity", COL_ACTIVITY, TRUE }, { "start time", COL_START, TRUE },
      { "end time", COL_END, FALSE }, { "duration minutes", COL_DURATION, TRUE },
      { "category", COL_PROJECT, TRUE }, { "description", COL_DESCRIPTION, TRUE },
      { "tags", COL_TAGS, FALSE } } },
};

/* A calendar date as written; a numeric one waits for the whole file to
 * tell which of its first two numbers is the day. */
typedef struct
{
  guint       line;
  Column      column;
  char       *text;
  YsTrackerDate value;
} DateValue;

typedef struct
{
  guint       line;
  DateValue   start_date;
  int         start_time;   /* seconds into the day */
  gboolean    has_end;
  DateValue   end_date;     /* Kimai: a copy of the start date */
  int         end_time;
  GDateTime  *start;        /* Yardstick CSV: RFC 3339 with its offset */
  gint64      duration;     /* -1: count from the end */
  char       *project;
  char       *description;
  GStrv       tags;
} Raw;

typedef struct
{
  const Format   *format;
  const char     *file;
  int             index[N_COLUMNS];   /* field of each column, -1 when absent */
  guint           n_fields;
  const char     *header[N_COLUMNS];  /* each column's name, for messages */
  GArray         *raws;               /* Raw */
  GTimeZone      *zone;
} Parser;

const char *
ys_tracker_format_get_name (YsTrackerFormat format)
{
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (formats[i].format == format)
      return _(formats[i].name);
  g_return_val_if_reached (NULL);
}

static void
raw_clear (gpointer data)
{
  Raw *raw = data;

  g_free (raw->start_date.text);
  g_free (raw->end_date.text);
  g_clear_pointer (&raw->start, g_date_time_unref);
  g_free (raw->project);
  g_free (raw->description);
  g_strfreev (raw->tags);
}

static void
entry_free (gpointer data)
{
  Entry *entry = data;

  g_free (entry->entry.id);
  g_clear_pointer (&entry->entry.started_at, g_date_time_unref);
  g_free (entry->entry.project);
  g_free (entry->entry.description);
  g_strfreev (entry->entry.tags);
  g_free (entry->folded_project);
  g_free (entry->folded_description);
  g_strfreev (entry->folded_tags);
  g_free (entry);
}

void
ys_tracker_csv_free (YsTrackerCsv *csv)
{
  if (csv == NULL)
    return;

  g_ptr_array_unref (csv->entries);
  g_free (csv);
}

static gboolean G_GNUC_PRINTF (4, 5)
refuse (Parser      *parser,
        guint        line,
        GError     **error,
        const char  *format,
        ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  /* TRANSLATORS: the file's name, the line number and what is wrong there,
   * e.g. "toggl.csv: line 14: Duration: ..." */
  g_set_error (error, YS_ERROR, YS_ERROR_INVALID, _("%s: line %u: %s"), parser->file, line,
               message);
  return FALSE;
}

/* The start of a bad value, for a message. */
static char *
quoted (const char *text)
{
  g_autofree char *start = NULL;

  if (!g_utf8_validate (text, -1, NULL))
    return g_strdup ("…");
  if (g_utf8_strlen (text, -1) <= MAX_QUOTED_CHARS)
    return g_strdup (text);
  start = g_utf8_substring (text, 0, MAX_QUOTED_CHARS - 1);
  return g_strconcat (start, "…", NULL);
}

static gboolean
refuse_value (Parser      *parser,
              guint        line,
              Column       column,
              const char  *value,
              const char  *expected,
              GError     **error)
{
  g_autofree char *shown = quoted (value);

  /* TRANSLATORS: a column of the file, its value and the form it should
   * have, e.g. Duration: "1:61:00" is not a duration (hh:mm:ss) */
  if (column == COL_DURATION || column == COL_DURATION_DECIMAL)
    return refuse (parser, line, error, _("%s: \"%s\" is not a duration (%s)"),
                   parser->header[column], shown, expected);
  if (column == COL_START_TIME || column == COL_END_TIME)
    return refuse (parser, line, error, _("%s: \"%s\" is not a time of day (%s)"),
                   parser->header[column], shown, expected);
  return refuse (parser, line, error, _("%s: \"%s\" is not a date (%s)"),
                 parser->header[column], shown, expected);
}

/* ---- the header ------------------------------------------------------ */

static gboolean
header_has (GPtrArray  *fields,
            const char *name,
            int        *index)
{
  for (guint i = 0; i < fields->len; i++)
    {
      g_autofree char *cell = g_strstrip (g_strdup (g_ptr_array_index (fields, i)));

      if (g_ascii_strcasecmp (cell, name) == 0)
        {
          *index = i;
          return TRUE;
        }
    }
  return FALSE;
}

static gboolean
recognise (Parser    *parser,
           GPtrArray *fields)
{
  for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
    {
      const Format *format = &formats[f];
      int index[N_COLUMNS];
      const char *header[N_COLUMNS] = { NULL };
      gboolean ok = TRUE;

      for (guint c = 0; c < N_COLUMNS; c++)
        index[c] = -1;

      for (guint c = 0; c < G_N_ELEMENTS (format->columns) && format->columns[c].header; c++)
        {
          const ColumnSpec *spec = &format->columns[c];
          int at;

          if (header_has (fields, spec->header, &at))
            {
              index[spec->column] = at;
              header[spec->column] = spec->header;
            }
          else if (spec->required)
            ok = FALSE;
        }

      if (!ok)
        continue;

      parser->format = format;
      parser->n_fields = fields->len;
      memcpy (parser->index, index, sizeof index);
      memcpy (parser->header, header, sizeof header);
      return TRUE;
    }

  return FALSE;
}

/* ---- one record ------------------------------------------------------ */

/* The cell of @column, trimmed, or NULL when the format has no such column. */
static const char *
cell (Parser    *parser,
      GPtrArray *fields,
      Column     column)
{
  char *text;

  if (parser->index[column] < 0)
    return NULL;
  text = g_ptr_array_index (fields, parser->index[column]);
  g_strstrip (text);
  if (parser->format->format == YS_TRACKER_FORMAT_YARDSTICK)
    return ys_csv_cell_text (text);
  return text;
}

static gboolean
text_cell (Parser      *parser,
           GPtrArray   *fields,
           guint        line,
           Column       column,
           char       **out,
           GError     **error)
{
  const char *text = cell (parser, fields, column);

  if (text == NULL)
    text = "";
  if (!g_utf8_validate (text, -1, NULL))
    return refuse (parser, line, error, _("%s: not UTF-8 text; export the file as UTF-8"),
                   parser->header[column]);
  *out = g_strdup (text);
  return TRUE;
}

static GStrv
split_tags (const char *text)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) parts = g_strsplit (text, ",", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_strstrip (parts[i]);
      if (parts[i][0] != '\0')
        g_strv_builder_add (builder, parts[i]);
    }
  return g_strv_builder_end (builder);
}

static gboolean
read_date (Parser      *parser,
           GPtrArray   *fields,
           guint        line,
           Column       column,
           DateValue   *date,
           GError     **error)
{
  const char *text = cell (parser, fields, column);
  gboolean numeric = parser->format->dates == DATES_NUMERIC;

  date->line = line;
  date->column = column;
  if (text == NULL || !ys_tracker_parse_date (text, numeric, &date->value))
    return refuse_value (parser, line, column, text ? text : "",
                         numeric ? _("YYYY-MM-DD, DD/MM/YYYY or MM/DD/YYYY") : "YYYY-MM-DD",
                         error);
  date->text = g_strdup (text);
  return TRUE;
}

static gboolean
read_time (Parser      *parser,
           GPtrArray   *fields,
           guint        line,
           Column       column,
           int         *seconds,
           GError     **error)
{
  const char *text = cell (parser, fields, column);

  if (text == NULL || !ys_tracker_parse_time_of_day (text, seconds))
    return refuse_value (parser, line, column, text ? text : "",
                         parser->format->format == YS_TRACKER_FORMAT_KIMAI ? "hh:mm"
                                                                           : "hh:mm:ss",
                         error);
  return TRUE;
}

/* Hamster's "YYYY-MM-DD HH:MM" in one cell. */
static gboolean
read_date_time (Parser      *parser,
                GPtrArray   *fields,
                guint        line,
                Column       column,
                DateValue   *date,
                int         *seconds,
                GError     **error)
{
  const char *text = cell (parser, fields, column);
  g_auto(GStrv) parts = g_strsplit (text, " ", -1);

  date->line = line;
  date->column = column;
  if (g_strv_length (parts) != 2 || !ys_tracker_parse_date (parts[0], FALSE, &date->value) ||
      !ys_tracker_parse_time_of_day (parts[1], seconds))
    return refuse_value (parser, line, column, text, "YYYY-MM-DD HH:MM", error);
  date->text = g_strdup (parts[0]);
  return TRUE;
}

static gboolean
read_record (Parser     *parser,
             GPtrArray  *fields,
             guint       line,
             GError    **error)
{
  const Format *format = parser->format;
  Raw raw = { 0 };
  const char *text;
  g_autofree char *activity = NULL;
  g_autofree char *description = NULL;
  g_autofree char *tags = NULL;

  if (fields->len != parser->n_fields)
    return refuse (parser, line, error,
                   _("the row has %u fields where the header has %u; is a quote missing?"),
                   fields->len, parser->n_fields);

  raw.line = line;
  raw.duration = -1;
  raw.start_time = raw.end_time = -1;

  /* Whatever goes wrong below, @raw is cleared by the array only once it is
   * in it; until then it is cleared here. */
#define FAIL() G_STMT_START { raw_clear (&raw); return FALSE; } G_STMT_END

  if (!text_cell (parser, fields, line, COL_PROJECT, &raw.project, error) ||
      !text_cell (parser, fields, line, COL_DESCRIPTION, &description, error) ||
      !text_cell (parser, fields, line, COL_ACTIVITY, &activity, error) ||
      !text_cell (parser, fields, line, COL_TAGS, &tags, error))
    FAIL ();

  if (activity[0] != '\0' && description[0] != '\0')
    raw.description = g_strdup_printf ("%s: %s", activity, description);
  else if (activity[0] != '\0')
    raw.description = g_steal_pointer (&activity);
  else
    raw.description = g_steal_pointer (&description);

  if (format->format == YS_TRACKER_FORMAT_YARDSTICK)
    {
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      g_autofree char *mode = NULL;
      g_autofree char *tool = NULL;

      if (!text_cell (parser, fields, line, COL_MODE, &mode, error) ||
          !text_cell (parser, fields, line, COL_TOOL, &tool, error))
        FAIL ();
      if (mode[0] != '\0')
        g_strv_builder_add (builder, mode);
      if (tool[0] != '\0')
        g_strv_builder_add (builder, tool);
      raw.tags = g_strv_builder_end (builder);

      text = cell (parser, fields, COL_START);
      /* RFC 3339: a date, "T", a time and an offset, which GLib requires
       * when given no default zone. */
      raw.start = strlen (text) >= 20 && text[10] == 'T'
                  ? g_date_time_new_from_iso8601 (text, NULL) : NULL;
      if (raw.start == NULL)
        {
          refuse_value (parser, line, COL_START, text, _("RFC 3339, such as 2026-11-22T10:00:00Z"),
                        error);
          FAIL ();
        }
    }
  else
    {
      raw.tags = split_tags (tags);

      if (parser->index[COL_START] >= 0)
        {
          if (!read_date_time (parser, fields, line, COL_START, &raw.start_date, &raw.start_time,
                               error))
            FAIL ();
          text = cell (parser, fields, COL_END);
          if (text != NULL && text[0] != '\0')
            {
              if (!read_date_time (parser, fields, line, COL_END, &raw.end_date, &raw.end_time,
                                   error))
                FAIL ();
              raw.has_end = TRUE;
            }
        }
      else
        {
          if (!read_date (parser, fields, line, COL_START_DATE, &raw.start_date, error) ||
              !read_time (parser, fields, line, COL_START_TIME, &raw.start_time, error))
            FAIL ();

          text = cell (parser, fields, COL_END_TIME);
          if (text != NULL && text[0] != '\0')
            {
              if (!read_time (parser, fields, line, COL_END_TIME, &raw.end_time, error))
                FAIL ();
              text = cell (parser, fields, COL_END_DATE);
              if (text != NULL && text[0] != '\0')
                {
                  if (!read_date (parser, fields, line, COL_END_DATE, &raw.end_date, error))
                    FAIL ();
                }
              else if (parser->index[COL_END_DATE] < 0)
                {
                  /* Kimai gives the end as a time of the same day, or of
                   * the next when it is earlier than the start. */
                  raw.end_date = raw.start_date;
                  raw.end_date.text = g_strdup (raw.start_date.text);
                  raw.end_date.column = COL_START_DATE;
                }
              else
                {
                  refuse_value (parser, line, COL_END_DATE, "", "YYYY-MM-DD", error);
                  FAIL ();
                }
              raw.has_end = TRUE;
            }
        }
    }

  /* The format's duration column first; the end only when it is empty. */
  text = cell (parser, fields, COL_DURATION);
  g_assert (text != NULL);
  if (text[0] != '\0')
    {
      if (!ys_tracker_parse_duration (format->durations, FALSE, text, &raw.duration))
        {
          refuse_value (parser, line, COL_DURATION, text, _(format->duration_form), error);
          FAIL ();
        }
    }
  else if ((text = cell (parser, fields, COL_DURATION_DECIMAL)) != NULL && text[0] != '\0')
    {
      if (!ys_tracker_parse_duration (format->durations, TRUE, text, &raw.duration))
        {
          refuse_value (parser, line, COL_DURATION_DECIMAL, text, _("decimal hours"), error);
          FAIL ();
        }
    }
  else if (!raw.has_end)
    {
      refuse (parser, line, error, _("%s: empty, and the entry has no end to count from"),
              parser->header[COL_DURATION]);
      FAIL ();
    }

#undef FAIL

  g_array_append_val (parser->raws, raw);
  return TRUE;
}

/* ---- the whole file -------------------------------------------------- */

/* Which of a numeric date's first two numbers is the day: the file's dates
 * must settle it (a number over 12 can only be a day), never a guess. */
static gboolean
settle_date_order (Parser    *parser,
                   gboolean  *day_first,
                   GError   **error)
{
  const DateValue *day_evidence = NULL, *month_evidence = NULL, *open = NULL;

  *day_first = TRUE;
  if (parser->format->dates != DATES_NUMERIC)
    return TRUE;

  for (guint i = 0; i < parser->raws->len; i++)
    {
      Raw *raw = &g_array_index (parser->raws, Raw, i);
      const DateValue *dates[] = { &raw->start_date, raw->has_end ? &raw->end_date : NULL };

      for (guint d = 0; d < G_N_ELEMENTS (dates); d++)
        {
          const DateValue *date = dates[d];

          if (date == NULL || date->value.year_first)
            continue;
          if (date->value.first > 12)
            day_evidence = day_evidence ? day_evidence : date;
          else if (date->value.second > 12)
            month_evidence = month_evidence ? month_evidence : date;
          else if (date->value.first != date->value.second)
            open = open ? open : date;
        }
    }

  if (day_evidence != NULL && month_evidence != NULL)
    {
      const DateValue *later = day_evidence->line > month_evidence->line ? day_evidence
                                                                          : month_evidence;
      const DateValue *earlier = later == day_evidence ? month_evidence : day_evidence;

      return refuse (parser, later->line, error,
                     _("%s: \"%s\" cannot have the same order of day and month as \"%s\" on "
                       "line %u; %s"),
                     parser->header[later->column], later->text, earlier->text, earlier->line,
                     _(parser->format->date_setting));
    }
  if (day_evidence == NULL && month_evidence == NULL && open != NULL)
    return refuse (parser, open->line, error,
                   _("%s: \"%s\" could be day/month or month/day, and no date in the file has "
                     "a day over 12 to tell which; %s"),
                   parser->header[open->column], open->text, _(parser->format->date_setting));

  *day_first = month_evidence == NULL;
  return TRUE;
}

static GDateTime *
local_time (Parser          *parser,
            const DateValue *date,
            gboolean         day_first,
            int              seconds,
            int             *ymd)
{
  int year = date->value.year;
  int month = date->value.year_first || !day_first ? date->value.first : date->value.second;
  int day = date->value.year_first || !day_first ? date->value.second : date->value.first;

  if (!g_date_valid_dmy (day, month, year))
    return NULL;
  if (ymd != NULL)
    {
      ymd[0] = year;
      ymd[1] = month;
      ymd[2] = day;
    }
  return g_date_time_new (parser->zone, year, month, day, seconds / 3600, seconds / 60 % 60,
                          seconds % 60);
}

char *
ys_tracker_fold (const char *text)
{
  g_autofree char *normal = g_utf8_normalize (text, -1, G_NORMALIZE_ALL_COMPOSE);

  return g_utf8_casefold (normal ? normal : text, -1);
}

static char *
make_id (const Format *format,
         const char   *start,
         gint64        duration,
         const char   *project,
         const char   *description)
{
  g_autofree char *name = g_strdup_printf ("%s\n%s\n%" G_GINT64_FORMAT "\n%s\n%s\n", format->key,
                                           start, duration, project, description);

  return ys_uuid_v5 (YS_TRACKER_NAMESPACE, name, -1);
}

static gboolean
finish (Parser        *parser,
        YsTrackerCsv  *csv,
        GError       **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  gboolean day_first;

  if (!settle_date_order (parser, &day_first, error))
    return FALSE;

  for (guint i = 0; i < parser->raws->len; i++)
    {
      Raw *raw = &g_array_index (parser->raws, Raw, i);
      Entry *entry;
      g_autofree char *start_text = NULL;
      g_autoptr(GDateTime) start = NULL;
      gint64 duration = raw->duration;

      if (raw->start != NULL)
        {
          start = g_date_time_ref (raw->start);
          start_text = g_date_time_format (start, "%Y-%m-%dT%H:%M:%S%:z");
        }
      else
        {
          int ymd[3];

          start = local_time (parser, &raw->start_date, day_first, raw->start_time, ymd);
          if (start == NULL)
            return refuse_value (parser, raw->line, raw->start_date.column, raw->start_date.text,
                                 day_first ? "DD/MM/YYYY" : "MM/DD/YYYY", error);
          /* The wall clock as written, whatever the zone makes of it. */
          start_text = g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:%02d", ymd[0], ymd[1], ymd[2],
                                        raw->start_time / 3600, raw->start_time / 60 % 60,
                                        raw->start_time % 60);
        }

      if (duration < 0)
        {
          g_autoptr(GDateTime) end = local_time (parser, &raw->end_date, day_first,
                                                 raw->end_time, NULL);

          if (end == NULL)
            return refuse_value (parser, raw->line, raw->end_date.column, raw->end_date.text,
                                 day_first ? "DD/MM/YYYY" : "MM/DD/YYYY", error);
          /* Kimai's end of a later day (an entry past midnight). */
          if (raw->end_date.column == COL_START_DATE && raw->end_time < raw->start_time)
            {
              GDateTime *next = g_date_time_add_days (end, 1);

              g_date_time_unref (end);
              end = next;
            }
          duration = g_date_time_difference (end, start) / G_TIME_SPAN_SECOND;
        }
      else if (raw->has_end && raw->start == NULL)
        {
          /* The end still has to be a date, even when the duration wins. */
          g_autoptr(GDateTime) end = local_time (parser, &raw->end_date, day_first,
                                                 raw->end_time, NULL);
          if (end == NULL)
            return refuse_value (parser, raw->line, raw->end_date.column, raw->end_date.text,
                                 day_first ? "DD/MM/YYYY" : "MM/DD/YYYY", error);
        }

      entry = g_new0 (Entry, 1);
      entry->entry.started_at = g_steal_pointer (&start);
      entry->entry.duration_seconds = duration;
      entry->entry.project = g_steal_pointer (&raw->project);
      entry->entry.description = g_steal_pointer (&raw->description);
      entry->entry.tags = g_steal_pointer (&raw->tags);
      entry->entry.line = raw->line;
      entry->entry.id = make_id (parser->format, start_text, duration, entry->entry.project,
                                 entry->entry.description);
      entry->folded_project = ys_tracker_fold (entry->entry.project);
      entry->folded_description = ys_tracker_fold (entry->entry.description);
      entry->folded_tags = g_new0 (char *, g_strv_length (entry->entry.tags) + 1);
      for (guint t = 0; entry->entry.tags[t] != NULL; t++)
        entry->folded_tags[t] = ys_tracker_fold (entry->entry.tags[t]);

      if (duration < 1)
        entry->entry.status = YS_TRACKER_ENTRY_TOO_SHORT;
      else if (duration > MAX_DURATION_SECONDS)
        entry->entry.status = YS_TRACKER_ENTRY_TOO_LONG;
      else if (!g_hash_table_add (seen, entry->entry.id))
        entry->entry.status = YS_TRACKER_ENTRY_REPEATED;
      else
        entry->entry.status = YS_TRACKER_ENTRY_OK;

      g_ptr_array_add (csv->entries, entry);
    }

  return TRUE;
}

YsTrackerCsv *
ys_tracker_csv_read (GInputStream  *stream,
                     const char    *display_name,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autoptr(YsCsvReader) reader = NULL;
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(YsTrackerCsv) csv = NULL;
  g_autoptr(GError) local = NULL;
  Parser parser = { 0 };
  gboolean ok = TRUE;
  guint line = 1;

  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  reader = ys_csv_reader_new (stream, 0);
  parser.file = display_name;

  if (!ys_csv_reader_next (reader, fields, &line, cancellable, &local))
    {
      if (local != NULL)
        g_set_error (error, YS_ERROR, YS_ERROR_INVALID, "%s: %s", display_name, local->message);
      else
        g_set_error (error, YS_ERROR, YS_ERROR_INVALID, _("%s: the file is empty"), display_name);
      return NULL;
    }
  if (!recognise (&parser, fields))
    {
      refuse (&parser, line, error,
              _("not a time-tracker export Yardstick knows (Toggl Track, Clockify, Kimai, "
                "Hamster or Yardstick CSV)"));
      return NULL;
    }

  csv = g_new0 (YsTrackerCsv, 1);
  csv->format = parser.format->format;
  csv->entries = g_ptr_array_new_with_free_func (entry_free);
  parser.raws = g_array_new (FALSE, TRUE, sizeof (Raw));
  g_array_set_clear_func (parser.raws, raw_clear);
  parser.zone = g_time_zone_new_local ();

  while (ok)
    {
      if (!ys_csv_reader_next (reader, fields, &line, cancellable, &local))
        {
          if (local != NULL)
            {
              g_set_error (error, YS_ERROR, YS_ERROR_INVALID, "%s: %s", display_name,
                           local->message);
              ok = FALSE;
            }
          break;
        }
      ok = read_record (&parser, fields, line, error);
      /* Nothing of the row outlives it, a person's name least of all. */
      g_ptr_array_set_size (fields, 0);
    }

  ok = ok && finish (&parser, csv, error);

  g_array_unref (parser.raws);
  g_time_zone_unref (parser.zone);
  return ok ? g_steal_pointer (&csv) : NULL;
}

YsTrackerCsv *
ys_tracker_csv_read_file (const char    *path,
                          const char    *display_name,
                          GCancellable  *cancellable,
                          GError       **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GError) io_error = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  if (display_name == NULL)
    display_name = path;

  file = g_file_new_for_path (path);
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, cancellable, &io_error);
  if (info == NULL)
    {
      g_set_error (error, YS_ERROR, YS_ERROR_INVALID, _("%s: could not be read: %s"),
                   display_name, io_error->message);
      return NULL;
    }
  if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      g_set_error (error, YS_ERROR, YS_ERROR_INVALID, _("%s: is a folder, not a CSV file"),
                   display_name);
      return NULL;
    }
  if (g_file_info_get_size (info) > MAX_FILE_SIZE)
    {
      g_set_error (error, YS_ERROR, YS_ERROR_INVALID, _("%s: the file is larger than 256 MiB"),
                   display_name);
      return NULL;
    }

  stream = g_file_read (file, cancellable, &io_error);
  if (stream == NULL)
    {
      g_set_error (error, YS_ERROR, YS_ERROR_INVALID, _("%s: could not be read: %s"),
                   display_name, io_error->message);
      return NULL;
    }

  return ys_tracker_csv_read (G_INPUT_STREAM (stream), display_name, cancellable, error);
}
