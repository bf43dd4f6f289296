/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <gio/gio.h>
#include <string.h>

#include "ys-csv.h"
#include "ys-csv-reader.h"
#include "ys-error.h"
#include "ys-tracker-csv.h"
#include "ys-uuid.h"

/*
 * The sample files in data/tracker are written by hand on each tracker's
 * real header. Every expected start, duration and message below was worked
 * out by hand from those files, with the zone set to Europe/Berlin (CET,
 * +01:00, until 29 March 2026 and from 25 October 2026 03:00; CEST,
 * +02:00, between). Expected ids come from Python's uuid.uuid5.
 */

/* The people in the samples; none may reach an entry or a message. */
static const char *people[] = {
  "Ada", "Lovelace", "ada.lovelace", "Grace", "Hopper", "grace.hopper", "example.org",
  "Research Team",
};

/* Every entry and message a test sees passes through here. */
static void
remember (const char *text)
{
  for (guint p = 0; p < G_N_ELEMENTS (people); p++)
    if (strstr (text, people[p]) != NULL)
      g_error ("\"%s\" reached \"%s\"", people[p], text);
}

static void
remember_entries (YsTrackerCsv *csv)
{
  for (guint i = 0; i < ys_tracker_csv_get_n_entries (csv); i++)
    {
      const YsTrackerEntry *entry = ys_tracker_csv_get_entry (csv, i);
      g_autofree char *tags = g_strjoinv ("|", entry->tags);

      remember (entry->id);
      remember (entry->project);
      remember (entry->description);
      remember (tags);
    }
}

static char *
data_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "unit", "data", "tracker", name, NULL);
}

static YsTrackerCsv *
read_sample (const char  *name,
             GError     **error)
{
  g_autofree char *path = data_path (name);
  YsTrackerCsv *csv = ys_tracker_csv_read_file (path, name, NULL, error);

  if (csv != NULL)
    remember_entries (csv);
  else if (error != NULL && *error != NULL)
    remember ((*error)->message);
  return csv;
}

static YsTrackerCsv *
read_text (const char  *text,
           GError     **error)
{
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (text, strlen (text), NULL);
  YsTrackerCsv *csv = ys_tracker_csv_read (stream, "mem.csv", NULL, error);

  if (csv != NULL)
    remember_entries (csv);
  else if (error != NULL && *error != NULL)
    remember ((*error)->message);
  return csv;
}

static void
assert_refused (const char *text,
                const char *message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YsTrackerCsv) csv = read_text (text, &error);

  g_assert_null (csv);
  g_assert_error (error, YS_ERROR, YS_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, message);
}

static void
assert_entry (YsTrackerCsv         *csv,
              guint                 index,
              const char           *started_at,
              gint64                duration,
              const char           *project,
              const char           *description,
              const char           *tags,
              guint                 line,
              YsTrackerEntryStatus  status)
{
  const YsTrackerEntry *entry = ys_tracker_csv_get_entry (csv, index);
  g_autofree char *start = g_date_time_format (entry->started_at, "%Y-%m-%dT%H:%M:%S%:z");
  g_autofree char *joined = g_strjoinv ("|", entry->tags);

  g_assert_cmpstr (start, ==, started_at);
  g_assert_cmpint (entry->duration_seconds, ==, duration);
  g_assert_cmpstr (entry->project, ==, project);
  g_assert_cmpstr (entry->description, ==, description);
  g_assert_cmpstr (joined, ==, tags);
  g_assert_cmpuint (entry->line, ==, line);
  g_assert_cmpint (entry->status, ==, status);
  g_assert_true (g_uuid_string_is_valid (entry->id));
  g_assert_cmpint (entry->id[14], ==, '5');
}

/* ---- UUID v5 --------------------------------------------------------- */

static void
test_uuid_v5 (void)
{
  const char *dns = "6ba7b810-9dad-11d1-80b4-00c04fd430c8";
  g_autofree char *python = ys_uuid_v5 (dns, "python.org", -1);
  g_autofree char *rfc = ys_uuid_v5 (dns, "www.example.com", -1);
  g_autofree char *partial = ys_uuid_v5 (dns, "python.org and more", 10);
  g_autofree char *upper = ys_uuid_v5 ("6BA7B810-9DAD-11D1-80B4-00C04FD430C8", "python.org", -1);

  /* Python's uuid.uuid5(uuid.NAMESPACE_DNS, "python.org"), and RFC 9562
   * appendix A.4's example. */
  g_assert_cmpstr (python, ==, "886313e1-3b8a-5372-9b90-0c9aee199e5d");
  g_assert_cmpstr (rfc, ==, "2ed6657d-e927-568b-95e1-2665a8aea6a2");
  g_assert_cmpstr (partial, ==, python);
  g_assert_cmpstr (upper, ==, python);
  g_assert_null (ys_uuid_v5 ("not-a-uuid", "python.org", -1));
}

/* ---- the RFC 4180 reader --------------------------------------------- */

static GPtrArray *
read_records (const char  *text,
              gsize        length,
              char         delimiter,
              GArray      *lines,
              GError     **error)
{
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (text, length, NULL);
  g_autoptr(YsCsvReader) reader = ys_csv_reader_new (stream, delimiter);
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  guint line;

  while (ys_csv_reader_next (reader, fields, &line, NULL, error))
    {
      g_ptr_array_add (fields, NULL);
      g_ptr_array_add (records, g_strdupv ((char **) fields->pdata));
      g_ptr_array_set_size (fields, 0);
      if (lines != NULL)
        g_array_append_val (lines, line);
    }
  if (error != NULL && *error != NULL)
    return NULL;
  return g_steal_pointer (&records);
}

static void
assert_record (GPtrArray  *records,
               guint       index,
               const char *joined)
{
  g_autofree char *text = g_strjoinv ("|", g_ptr_array_index (records, index));

  g_assert_cmpstr (text, ==, joined);
}

static void
test_reader (void)
{
  /* What ys_csv_append_cell writes, the reader reads back. */
  static const char *cells[] = {
    "plain", "", "a, b", "say \"hi\"", "two\nlines", "=SUM(A1)", "-2 corrections?",
    "@x", "\tindent", "café − naïve", "\"", ",",
  };
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GArray) lines = g_array_new (FALSE, FALSE, sizeof (guint));
  char **fields;

  for (guint i = 0; i < G_N_ELEMENTS (cells); i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      ys_csv_append_cell (out, cells[i]);
    }
  g_string_append (out, "\r\n");
  records = read_records (out->str, out->len, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (records->len, ==, 1);
  fields = g_ptr_array_index (records, 0);
  g_assert_cmpuint (g_strv_length (fields), ==, G_N_ELEMENTS (cells));
  for (guint i = 0; i < G_N_ELEMENTS (cells); i++)
    g_assert_cmpstr (ys_csv_cell_text (fields[i]), ==, cells[i]);
  g_clear_pointer (&records, g_ptr_array_unref);

  /* A byte-order mark, every line end, blank lines, a quoted line break of
   * each kind, and the line each record starts on. */
  {
    static const char text[] = "\xef\xbb\xbf" "a,b\r\n\r\nc,\"d\r\ne\"\n\"f\rg\",h\ri,\"\"\n\n";

    records = read_records (text, sizeof text - 1, 0, lines, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (records->len, ==, 4);
    assert_record (records, 0, "a|b");
    assert_record (records, 1, "c|d\ne");
    assert_record (records, 2, "f\ng|h");
    assert_record (records, 3, "i|");
    g_assert_cmpuint (g_array_index (lines, guint, 0), ==, 1);
    g_assert_cmpuint (g_array_index (lines, guint, 1), ==, 3);
    g_assert_cmpuint (g_array_index (lines, guint, 2), ==, 5);
    g_assert_cmpuint (g_array_index (lines, guint, 3), ==, 7);
    g_clear_pointer (&records, g_ptr_array_unref);
  }

  /* No line end at the end; empty fields at either end of a record. */
  records = read_records (",x,", 3, 0, NULL, &error);
  g_assert_no_error (error);
  assert_record (records, 0, "|x|");
  g_clear_pointer (&records, g_ptr_array_unref);
  records = read_records ("\"\"", 2, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (g_ptr_array_index (records, 0)), ==, 1);
  g_clear_pointer (&records, g_ptr_array_unref);
  records = read_records ("", 0, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (records->len, ==, 0);
  g_clear_pointer (&records, g_ptr_array_unref);

  /* The first line decides the delimiter, quoted ones not counted. */
  records = read_records ("a\tb,c\t\"d,e,f\"\n1\t2,3\t4\n", 22, 0, NULL, &error);
  g_assert_no_error (error);
  assert_record (records, 0, "a|b,c|d,e,f");
  assert_record (records, 1, "1|2,3|4");
  g_clear_pointer (&records, g_ptr_array_unref);
  records = read_records ("a;b;c,d\n", 8, 0, NULL, &error);
  g_assert_no_error (error);
  assert_record (records, 0, "a|b|c,d");
  g_clear_pointer (&records, g_ptr_array_unref);
  records = read_records ("a;b;c,d\n", 8, ',', NULL, &error);
  g_assert_no_error (error);
  assert_record (records, 0, "a;b;c|d");
  g_clear_pointer (&records, g_ptr_array_unref);

  /* A quote inside an unquoted field is text. */
  records = read_records ("ab\"c,d\n", 7, 0, NULL, &error);
  g_assert_no_error (error);
  assert_record (records, 0, "ab\"c|d");
  g_clear_pointer (&records, g_ptr_array_unref);

  /* Refusals name the line. */
  g_assert_null (read_records ("a,b\nc,\"open\nstill open", 22, 0, NULL, &error));
  g_assert_error (error, YS_ERROR, YS_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "line 2: a quoted field that starts here is never closed");
  g_clear_error (&error);
  g_assert_null (read_records ("a,b\n\"c\"d,e\n", 11, 0, NULL, &error));
  g_assert_cmpstr (error->message, ==, "line 2: text after the closing quote of a field");
  g_clear_error (&error);
  g_assert_null (read_records ("a,b\nc\0d,e\n", 10, 0, NULL, &error));
  g_assert_cmpstr (error->message, ==, "line 2: the file has a NUL byte, so it is not CSV text");
  g_clear_error (&error);

  /* A record that never ends is refused without reading on for ever. */
  {
    gsize size = 2 * 1024 * 1024;
    g_autofree char *huge = g_malloc (size);

    memset (huge, 'x', size);
    huge[0] = '"';
    g_assert_null (read_records (huge, size, 0, NULL, &error));
    g_assert_cmpstr (error->message, ==, "line 1: a record longer than 1 MiB; is a quote left open?");
    g_clear_error (&error);
  }

  /* Only a defused formula loses its quote. */
  g_assert_cmpstr (ys_csv_cell_text ("'=1"), ==, "=1");
  g_assert_cmpstr (ys_csv_cell_text ("'plain"), ==, "'plain");
  g_assert_cmpstr (ys_csv_cell_text ("'"), ==, "'");
  g_assert_cmpstr (ys_csv_cell_text (""), ==, "");
}

/* ---- one good file per format ---------------------------------------- */

static void
test_toggl (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YsTrackerCsv) csv = read_sample ("toggl.csv", &error);

  g_assert_no_error (error);
  g_assert_cmpint (ys_tracker_csv_get_format (csv), ==, YS_TRACKER_FORMAT_TOGGL);
  g_assert_cmpstr (ys_tracker_format_get_name (YS_TRACKER_FORMAT_TOGGL), ==, "Toggl Track");
  g_assert_cmpuint (ys_tracker_csv_get_n_entries (csv), ==, 7);

  assert_entry (csv, 0, "2026-03-02T09:00:00+01:00", 9000, "Grant report",
                "Budget section, first draft", "writing|grants", 2, YS_TRACKER_ENTRY_OK);
  assert_entry (csv, 1, "2026-03-03T14:15:00+01:00", 45 * 60 + 30, "Grant report",
                "Narrative \"impact\" section\nwith a second line", "", 3, YS_TRACKER_ENTRY_OK);
  assert_entry (csv, 2, "2026-07-14T23:30:00+02:00", 5400, "Policy brief",
                "Überprüfung der Zahlen – café", "review", 5, YS_TRACKER_ENTRY_OK);
  /* No duration: 10:00 to 10:20. */
  assert_entry (csv, 3, "2026-07-15T10:00:00+02:00", 1200, "Policy brief",
                "Empty duration: counted from the end", "", 6, YS_TRACKER_ENTRY_OK);
  /* 192 h and a second is a week and a second. */
  assert_entry (csv, 4, "2026-07-16T08:00:00+02:00", 691201, "Admin", "Timer left running", "", 7,
                YS_TRACKER_ENTRY_TOO_LONG);
  assert_entry (csv, 5, "2026-07-16T09:00:00+02:00", 0, "Admin", "Started by mistake", "", 8,
                YS_TRACKER_ENTRY_TOO_SHORT);
  /* Another person's copy of the first entry is the same run. */
  assert_entry (csv, 6, "2026-03-02T09:00:00+01:00", 9000, "Grant report",
                "Budget section, first draft", "writing|grants", 9, YS_TRACKER_ENTRY_REPEATED);
  g_assert_cmpstr (ys_tracker_csv_get_entry (csv, 6)->id, ==,
                   ys_tracker_csv_get_entry (csv, 0)->id);

  /* The documented recipe, computed by Python's uuid.uuid5. */
  g_assert_cmpstr (ys_tracker_csv_get_entry (csv, 0)->id, ==,
                   "f5c3af82-10b2-5b80-9915-eb9dd6d2e1f0");
}

static void
test_clockify (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YsTrackerCsv) csv = read_sample ("clockify.csv", &error);

  g_assert_no_error (error);
  g_assert_cmpint (ys_tracker_csv_get_format (csv), ==, YS_TRACKER_FORMAT_CLOCKIFY);
  g_assert_cmpuint (ys_tracker_csv_get_n_entries (csv), ==, 3);

  /* 03/16/2026 puts the month first, so 03/04/2026 is 4 March. */
  assert_entry (csv, 0, "2026-03-04T09:00:00+01:00", 4500, "Grant report",
                "Budget, \"final\" pass", "grants|writing", 2, YS_TRACKER_ENTRY_OK);
  assert_entry (csv, 1, "2026-03-16T13:30:00+01:00", 1800, "Grant report",
                "Outcomes table\nand notes", "", 3, YS_TRACKER_ENTRY_OK);
  /* 12:00:00 AM is midnight; an empty Duration (h) leaves 0.75 hours. */
  assert_entry (csv, 2, "2026-07-01T00:00:00+02:00", 2700, "Intake summary",
                "Résumé des entretiens – ñ", "intake", 5, YS_TRACKER_ENTRY_OK);
}

static void
test_kimai (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YsTrackerCsv) csv = read_sample ("kimai.csv", &error);

  g_assert_no_error (error);
  g_assert_cmpint (ys_tracker_csv_get_format (csv), ==, YS_TRACKER_FORMAT_KIMAI);
  g_assert_cmpuint (ys_tracker_csv_get_n_entries (csv), ==, 4);

  assert_entry (csv, 0, "2026-03-10T09:00:00+01:00", 5400, "Grant report",
                "Writing: Budget \"v2\", with comments\nand a second line", "grants|writing", 2,
                YS_TRACKER_ENTRY_OK);
  /* 23:15 to 00:45 the next day. */
  assert_entry (csv, 1, "2026-03-10T23:15:00+01:00", 5400, "Policy brief", "Review", "", 4,
                YS_TRACKER_ENTRY_OK);
  /* Decimal hours. */
  assert_entry (csv, 2, "2026-03-11T14:00:00+01:00", 1800, "Policy brief",
                "Review: Second pass", "", 5, YS_TRACKER_ENTRY_OK);
  /* The night clocks go back: 01:30 CEST (23:30 UTC) to 03:00 CET (02:00
   * UTC) is two and a half hours. */
  assert_entry (csv, 3, "2026-10-25T01:30:00+02:00", 9000, "Policy brief",
                "Réunion: Zahlen prüfen", "", 6, YS_TRACKER_ENTRY_OK);
}

static void
test_hamster (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YsTrackerCsv) csv = read_sample ("hamster.tsv", &error);

  g_assert_no_error (error);
  g_assert_cmpint (ys_tracker_csv_get_format (csv), ==, YS_TRACKER_FORMAT_HAMSTER);
  g_assert_cmpuint (ys_tracker_csv_get_n_entries (csv), ==, 3);

  assert_entry (csv, 0, "2026-03-02T09:00:00+01:00", 5400, "Work",
                "Grant report section: Budget, \"impact\"\nsecond line", "grants|writing", 2,
                YS_TRACKER_ENTRY_OK);
  assert_entry (csv, 1, "2026-03-03T13:00:00+01:00", 2700, "Work", "Intake summary", "intake", 4,
                YS_TRACKER_ENTRY_OK);
  /* Still running when exported: no end, 12.5 minutes so far. */
  assert_entry (csv, 2, "2026-08-01T10:00:00+02:00", 750, "Bénévolat", "Lecture des notes: çà et là",
                "", 5, YS_TRACKER_ENTRY_OK);
}

static void
test_yardstick (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YsTrackerCsv) csv = read_sample ("yardstick.csv", &error);

  g_assert_no_error (error);
  g_assert_cmpint (ys_tracker_csv_get_format (csv), ==, YS_TRACKER_FORMAT_YARDSTICK);
  g_assert_cmpuint (ys_tracker_csv_get_n_entries (csv), ==, 3);

  /* Starts keep the offset they were written with. */
  assert_entry (csv, 0, "2026-03-02T08:00:00+00:00", 9000, "Grant report",
                "Sent, \"as is\"\nto partners", "without-ai", 2, YS_TRACKER_ENTRY_OK);
  /* The quote the exporter put before a formula character is gone. */
  assert_entry (csv, 1, "2026-07-14T21:30:00+02:00", 3600, "=Policy brief",
                "-2 corrections? Über", "with-ai|Claude", 4, YS_TRACKER_ENTRY_OK);
  assert_entry (csv, 2, "2026-03-05T10:00:00+01:00", 0, "Intake summary", "", "without-ai", 5,
                YS_TRACKER_ENTRY_TOO_SHORT);
  g_assert_cmpstr (ys_tracker_csv_get_entry (csv, 1)->id, ==,
                   "ce9a0a12-1f13-5756-bc70-68aaf39d9acf");

  /* The export before version 0.2 had no assignment column. */
  {
    g_autoptr(YsTrackerCsv) old = read_text (
      "id,workflow,mode,tool,started_at,duration_seconds,corrections,used,note\r\n"
      "0b2c4c3e-7f0a-4e55-9a51-3d1c0f6e2a10,Grant report,without-ai,,2026-03-02T08:00:00Z,9000,"
      "1,yes,\"Sent, \"\"as is\"\"\nto partners\"\r\n", &error);

    g_assert_no_error (error);
    g_assert_cmpstr (ys_tracker_csv_get_entry (old, 0)->id, ==,
                     ys_tracker_csv_get_entry (csv, 0)->id);
  }
}

/* ---- filter, summary, ids -------------------------------------------- */

static guint
count_matching (YsTrackerCsv *csv,
                const char   *match)
{
  g_autoptr(GPtrArray) entries = ys_tracker_csv_filter (csv, match);

  return entries->len;
}

static void
test_filter (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YsTrackerCsv) csv = read_sample ("toggl.csv", &error);
  g_autoptr(GPtrArray) grant = NULL;

  g_assert_no_error (error);

  /* Nothing, or an empty text, keeps the four entries that become runs. */
  g_assert_cmpuint (count_matching (csv, NULL), ==, 4);
  g_assert_cmpuint (count_matching (csv, ""), ==, 4);

  /* Project, description or tag, in any case; skipped and repeated entries
   * never come back. */
  grant = ys_tracker_csv_filter (csv, "GRANT");
  g_assert_cmpuint (grant->len, ==, 2);
  g_assert_cmpuint (((YsTrackerEntry *) grant->pdata[0])->line, ==, 2);
  g_assert_cmpuint (((YsTrackerEntry *) grant->pdata[1])->line, ==, 3);
  g_assert_cmpuint (count_matching (csv, "impact"), ==, 1);
  g_assert_cmpuint (count_matching (csv, "Writing"), ==, 1);
  g_assert_cmpuint (count_matching (csv, "CAFÉ"), ==, 1);
  g_assert_cmpuint (count_matching (csv, "ÜBERPRÜFUNG"), ==, 1);
  g_assert_cmpuint (count_matching (csv, "zahlen – CAFÉ"), ==, 1);
  /* Decomposed: e and a combining acute accent. */
  g_assert_cmpuint (count_matching (csv, "cafe\xcc\x81"), ==, 1);
  g_assert_cmpuint (count_matching (csv, "timer"), ==, 0);
  g_assert_cmpuint (count_matching (csv, "nothing like it"), ==, 0);

  g_assert_true (ys_tracker_csv_matches (csv, 4, "timer"));
  g_assert_false (ys_tracker_csv_matches (csv, 0, "policy"));
  g_assert_true (ys_tracker_csv_matches (csv, 0, NULL));

  /* Case folding, not just lower case: ß is ss. */
  {
    g_autoptr(YsTrackerCsv) street = read_text (
      "Project,Description,Start date,Start time,Duration\n"
      "Straße,Draft,2026-03-02,09:00:00,01:00:00\n", &error);

    g_assert_no_error (error);
    g_assert_cmpuint (count_matching (street, "STRASSE"), ==, 1);
  }
}

static void
test_summary (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YsTrackerCsv) csv = read_sample ("toggl.csv", &error);
  g_autoptr(YsTrackerSummary) all = NULL;
  g_autoptr(YsTrackerSummary) policy = NULL;
  g_autoptr(YsTrackerSummary) none = NULL;
  YsTrackerCount *count;

  g_assert_no_error (error);

  all = ys_tracker_csv_summarize (csv, NULL);
  g_assert_cmpint (all->format, ==, YS_TRACKER_FORMAT_TOGGL);
  g_assert_cmpuint (all->n_entries, ==, 4);
  g_assert_cmpuint (all->n_skipped, ==, 2);
  g_assert_cmpuint (all->n_repeated, ==, 1);
  g_assert_cmpint (g_date_get_day (&all->first_day), ==, 2);
  g_assert_cmpint (g_date_get_month (&all->first_day), ==, 3);
  g_assert_cmpint (g_date_get_year (&all->first_day), ==, 2026);
  g_assert_cmpint (g_date_get_day (&all->last_day), ==, 15);
  g_assert_cmpint (g_date_get_month (&all->last_day), ==, 7);
  g_assert_cmpint (g_date_get_year (&all->last_day), ==, 2026);

  /* Most used first, then by name. */
  g_assert_cmpuint (all->projects->len, ==, 2);
  count = g_ptr_array_index (all->projects, 0);
  g_assert_cmpstr (count->name, ==, "Grant report");
  g_assert_cmpuint (count->count, ==, 2);
  count = g_ptr_array_index (all->projects, 1);
  g_assert_cmpstr (count->name, ==, "Policy brief");
  g_assert_cmpuint (count->count, ==, 2);
  g_assert_cmpuint (all->tags->len, ==, 3);
  g_assert_cmpstr (((YsTrackerCount *) all->tags->pdata[0])->name, ==, "grants");
  g_assert_cmpstr (((YsTrackerCount *) all->tags->pdata[1])->name, ==, "review");
  g_assert_cmpstr (((YsTrackerCount *) all->tags->pdata[2])->name, ==, "writing");

  /* The filter applies to every figure. */
  policy = ys_tracker_csv_summarize (csv, "policy");
  g_assert_cmpuint (policy->n_entries, ==, 2);
  g_assert_cmpuint (policy->n_skipped, ==, 0);
  g_assert_cmpuint (policy->n_repeated, ==, 0);
  g_assert_cmpint (g_date_get_day (&policy->first_day), ==, 14);
  g_assert_cmpint (g_date_get_day (&policy->last_day), ==, 15);
  g_assert_cmpuint (policy->projects->len, ==, 1);
  g_assert_cmpuint (policy->tags->len, ==, 1);

  none = ys_tracker_csv_summarize (csv, "nothing like it");
  g_assert_cmpuint (none->n_entries, ==, 0);
  g_assert_false (g_date_valid (&none->first_day));
  g_assert_false (g_date_valid (&none->last_day));
  g_assert_cmpuint (none->projects->len, ==, 0);
}

static const char *toggl_header =
  "User,Email,Client,Project,Task,Description,Billable,Start date,Start time,End date,End time,"
  "Duration,Tags,Amount (USD)\r\n";

static char *
one_toggl_entry (const char *description,
                 const char *duration)
{
  return g_strdup_printf ("%sAda Lovelace,ada.lovelace@example.org,,Grant report,,%s,No,"
                          "2026-03-02,09:00:00,2026-03-02,11:30:00,%s,,\r\n",
                          toggl_header, description, duration);
}

static const char *
first_id (YsTrackerCsv *csv)
{
  return ys_tracker_csv_get_entry (csv, 0)->id;
}

static void
test_ids (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *a = one_toggl_entry ("Draft", "02:30:00");
  g_autofree char *same = one_toggl_entry ("Draft", "02:30:00");
  g_autofree char *other = one_toggl_entry ("Draft two", "02:30:00");
  g_autofree char *longer = one_toggl_entry ("Draft", "02:30:01");
  g_autoptr(YsTrackerCsv) csv_a = read_text (a, &error);
  g_autoptr(YsTrackerCsv) csv_same = read_text (same, &error);
  g_autoptr(YsTrackerCsv) csv_other = read_text (other, &error);
  g_autoptr(YsTrackerCsv) csv_longer = read_text (longer, &error);
  g_autoptr(YsTrackerCsv) first = NULL;
  g_autoptr(YsTrackerCsv) again = NULL;
  g_autofree char *kimai = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (first_id (csv_a), ==, first_id (csv_same));
  g_assert_cmpstr (first_id (csv_a), !=, first_id (csv_other));
  g_assert_cmpstr (first_id (csv_a), !=, first_id (csv_longer));

  /* The same file read twice gives the same ids. */
  first = read_sample ("clockify.csv", &error);
  again = read_sample ("clockify.csv", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < ys_tracker_csv_get_n_entries (first); i++)
    g_assert_cmpstr (ys_tracker_csv_get_entry (first, i)->id, ==,
                     ys_tracker_csv_get_entry (again, i)->id);

  /* The format is part of the name: the same entry from Kimai is another. */
  kimai = g_strdup ("Date,From,To,Duration,Project,Activity,Description\n"
                    "2026-03-02,09:00,11:30,2:30,Grant report,Draft,\n");
  {
    g_autoptr(YsTrackerCsv) csv_kimai = read_text (kimai, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (ys_tracker_csv_get_entry (csv_kimai, 0)->description, ==, "Draft");
    g_assert_cmpint (ys_tracker_csv_get_entry (csv_kimai, 0)->duration_seconds, ==, 9000);
    g_assert_cmpstr (first_id (csv_kimai), !=, first_id (csv_a));
  }

  /* Another time zone puts the entry at another instant but keeps its id:
   * the id is of the wall clock the tracker wrote. */
  {
    g_autoptr(YsTrackerCsv) elsewhere = NULL;
    g_autofree char *start = NULL;

    g_setenv ("TZ", "America/New_York", TRUE);
    elsewhere = read_text (a, &error);
    g_setenv ("TZ", "Europe/Berlin", TRUE);
    g_assert_no_error (error);
    start = g_date_time_format (ys_tracker_csv_get_entry (elsewhere, 0)->started_at,
                                "%Y-%m-%dT%H:%M:%S%:z");
    g_assert_cmpstr (start, ==, "2026-03-02T09:00:00-05:00");
    g_assert_cmpstr (first_id (elsewhere), ==, first_id (csv_a));
  }
}

/* ---- refusals -------------------------------------------------------- */

static void
assert_sample_refused (const char *name,
                       const char *message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YsTrackerCsv) csv = read_sample (name, &error);

  g_assert_null (csv);
  g_assert_error (error, YS_ERROR, YS_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, message);
}

static void
test_refusals (void)
{
  assert_sample_refused ("toggl-bad-duration.csv",
                         "toggl-bad-duration.csv: line 14: Duration: \"1:61:00\" is not a "
                         "duration (hh:mm:ss)");
  /* The month comes first (03/16/2026), and February has no 30th. */
  assert_sample_refused ("clockify-bad-date.csv",
                         "clockify-bad-date.csv: line 3: Start Date: \"02/30/2026\" is not a "
                         "date (MM/DD/YYYY)");
  assert_sample_refused ("clockify-ambiguous.csv",
                         "clockify-ambiguous.csv: line 2: Start Date: \"03/04/2026\" could be "
                         "day/month or month/day, and no date in the file has a day over 12 to "
                         "tell which; choose the date format YYYY-MM-DD in Clockify’s Profile "
                         "settings and export the report again");
  assert_sample_refused ("unknown.csv",
                         "unknown.csv: line 1: not a time-tracker export Yardstick knows (Toggl "
                         "Track, Clockify, Kimai, Hamster or Yardstick CSV)");
  assert_sample_refused ("kimai-ragged.csv",
                         "kimai-ragged.csv: line 3: the row has 11 fields where the header has "
                         "12; is a quote missing?");
  assert_sample_refused ("hamster-open-quote.tsv",
                         "hamster-open-quote.tsv: line 3: a quoted field that starts here is "
                         "never closed");

  /* Files that cannot be read. */
  {
    g_autoptr(GError) error = NULL;
    g_autofree char *folder = g_test_build_filename (G_TEST_DIST, "unit", "data", "tracker", NULL);

    g_assert_null (ys_tracker_csv_read_file (folder, "tracker", NULL, &error));
    g_assert_cmpstr (error->message, ==, "tracker: is a folder, not a CSV file");
    g_clear_error (&error);
    g_assert_null (ys_tracker_csv_read_file ("/nonexistent/x.csv", NULL, NULL, &error));
    g_assert_error (error, YS_ERROR, YS_ERROR_INVALID);
    g_assert_true (g_str_has_prefix (error->message, "/nonexistent/x.csv: could not be read: "));
  }

  assert_refused ("", "mem.csv: the file is empty");
  assert_refused ("\xef\xbb\xbf\r\n\r\n", "mem.csv: the file is empty");
  assert_refused ("\"open", "mem.csv: line 1: a quoted field that starts here is never closed");

  /* Each column's value, by its own rule. */
  assert_refused ("Project,Description,Start date,Start time,Duration\n"
                  "P,D,2026-02-29,09:00:00,01:00:00\n",
                  "mem.csv: line 2: Start date: \"2026-02-29\" is not a date (YYYY-MM-DD, "
                  "DD/MM/YYYY or MM/DD/YYYY)");
  assert_refused ("Project,Description,Start date,Start time,Duration\n"
                  "P,D,13/13/2026,09:00:00,01:00:00\n",
                  "mem.csv: line 2: Start date: \"13/13/2026\" is not a date (YYYY-MM-DD, "
                  "DD/MM/YYYY or MM/DD/YYYY)");
  assert_refused ("Project,Description,Start date,Start time,Duration\n"
                  "P,D,2026-03-02,24:00:00,01:00:00\n",
                  "mem.csv: line 2: Start time: \"24:00:00\" is not a time of day (hh:mm:ss)");
  assert_refused ("Project,Description,Start date,Start time,Duration\n"
                  "P,D,2026-03-02,13:00 PM,01:00:00\n",
                  "mem.csv: line 2: Start time: \"13:00 PM\" is not a time of day (hh:mm:ss)");
  assert_refused ("Project,Description,Start date,Start time,Duration\n"
                  "P,D,2026-03-02,09:00:00,-01:00:00\n",
                  "mem.csv: line 2: Duration: \"-01:00:00\" is not a duration (hh:mm:ss)");
  assert_refused ("Project,Description,Start date,Start time,Duration\n"
                  "P,D,2026-03-02,09:00:00,\n",
                  "mem.csv: line 2: Duration: empty, and the entry has no end to count from");
  assert_refused ("Date,From,To,Duration,Project,Activity,Description\n"
                  "2026-03-02,09:00,11:30,2 hours,P,A,D\n",
                  "mem.csv: line 2: Duration: \"2 hours\" is not a duration (h:mm or decimal "
                  "hours)");
  /* Kimai writes ISO dates only. */
  assert_refused ("Date,From,To,Duration,Project,Activity,Description\n"
                  "03/02/2026,09:00,11:30,2:30,P,A,D\n",
                  "mem.csv: line 2: Date: \"03/02/2026\" is not a date (YYYY-MM-DD)");
  assert_refused ("activity\tstart time\tend time\tduration minutes\tcategory\tdescription\n"
                  "A\t2026-03-02T09:00\t\t90\tC\tD\n",
                  "mem.csv: line 2: start time: \"2026-03-02T09:00\" is not a date (YYYY-MM-DD "
                  "HH:MM)");
  assert_refused ("activity\tstart time\tend time\tduration minutes\tcategory\tdescription\n"
                  "A\t2026-03-02 09:00\t\t1:30\tC\tD\n",
                  "mem.csv: line 2: duration minutes: \"1:30\" is not a duration (minutes)");
  assert_refused ("id,workflow,mode,tool,started_at,duration_seconds,corrections,used,note\n"
                  "x,W,without-ai,,2026-03-02 09:00:00,60,0,,\n",
                  "mem.csv: line 2: started_at: \"2026-03-02 09:00:00\" is not a date (RFC 3339, "
                  "such as 2026-11-22T10:00:00Z)");
  assert_refused ("id,workflow,mode,tool,started_at,duration_seconds,corrections,used,note\n"
                  "x,W,without-ai,,2026-03-02T09:00:00,60,0,,\n",
                  "mem.csv: line 2: started_at: \"2026-03-02T09:00:00\" is not a date (RFC 3339, "
                  "such as 2026-11-22T10:00:00Z)");
  assert_refused ("id,workflow,mode,tool,started_at,duration_seconds,corrections,used,note\n"
                  "x,W,without-ai,,2026-03-02T09:00:00Z,1.5,0,,\n",
                  "mem.csv: line 2: duration_seconds: \"1.5\" is not a duration (whole seconds)");
  assert_refused ("Project,Description,Start date,Start time,Duration\n"
                  "P,\"D\xff\",2026-03-02,09:00:00,01:00:00\n",
                  "mem.csv: line 2: Description: not UTF-8 text; export the file as UTF-8");
  /* A long bad value is cut short in the message. */
  assert_refused ("Project,Description,Start date,Start time,Duration\n"
                  "P,D,2026-03-02,09:00:00,"
                  "0123456789012345678901234567890123456789012345678901234567890123456789\n",
                  "mem.csv: line 2: Duration: \"012345678901234567890123456789012345678…\" is "
                  "not a duration (hh:mm:ss)");

  /* Dates that put the day first and dates that put the month first. */
  assert_refused ("Project,Description,Start date,Start time,Duration\n"
                  "P,D,13/03/2026,09:00:00,01:00:00\n"
                  "P,D,03/14/2026,09:00:00,01:00:00\n",
                  "mem.csv: line 3: Start date: \"03/14/2026\" cannot have the same order of day "
                  "and month as \"13/03/2026\" on line 2; choose the date format YYYY-MM-DD in "
                  "Toggl Track’s Profile settings and export the report again");
  /* The end date counts as well, and the end must be a date. */
  assert_refused ("Project,Description,Start date,Start time,End date,End time,Duration\n"
                  "P,D,03/04/2026,09:00:00,03/04/2026,10:00:00,01:00:00\n",
                  "mem.csv: line 2: Start date: \"03/04/2026\" could be day/month or month/day, "
                  "and no date in the file has a day over 12 to tell which; choose the date "
                  "format YYYY-MM-DD in Toggl Track’s Profile settings and export the report "
                  "again");
  assert_refused ("Project,Description,Start date,Start time,End date,End time,Duration\n"
                  "P,D,13/04/2026,09:00:00,31/04/2026,10:00:00,01:00:00\n",
                  "mem.csv: line 2: End date: \"31/04/2026\" is not a date (DD/MM/YYYY)");
}

static void
test_dates (void)
{
  g_autoptr(GError) error = NULL;

  /* Day first, settled by one date; the same date either way needs no
   * settling. */
  {
    g_autoptr(YsTrackerCsv) csv = read_text (
      "Project,Description,Start date,Start time,Duration\n"
      "P,D,03.04.2026,09:00:00,01:00:00\n"
      "P,E,25.12.2026,09:00:00,01:00:00\n", &error);

    g_assert_no_error (error);
    assert_entry (csv, 0, "2026-04-03T09:00:00+02:00", 3600, "P", "D", "", 2, YS_TRACKER_ENTRY_OK);
    assert_entry (csv, 1, "2026-12-25T09:00:00+01:00", 3600, "P", "E", "", 3, YS_TRACKER_ENTRY_OK);
  }
  {
    g_autoptr(YsTrackerCsv) csv = read_text (
      "Project,Description,Start date,Start time,Duration\n"
      "P,D,05/05/2026,9:05,1.5\n", &error);

    g_assert_no_error (error);
    assert_entry (csv, 0, "2026-05-05T09:05:00+02:00", 5400, "P", "D", "", 2, YS_TRACKER_ENTRY_OK);
  }
  /* Toggl's end columns count when the duration is empty, across midnight
   * and with the clocks going forward (02:00 CET is 03:00 CEST). */
  {
    g_autoptr(YsTrackerCsv) csv = read_text (
      "Project,Description,Start date,Start time,End date,End time,Duration\n"
      "P,D,2026-03-29,01:30:00,2026-03-29,03:30:00,\n", &error);

    g_assert_no_error (error);
    assert_entry (csv, 0, "2026-03-29T01:30:00+01:00", 3600, "P", "D", "", 2, YS_TRACKER_ENTRY_OK);
  }
  /* A header alone is a file with no entries. */
  {
    g_autoptr(YsTrackerCsv) csv = read_text (toggl_header, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (ys_tracker_csv_get_n_entries (csv), ==, 0);
  }
  /* Kimai with semicolons, as its templates can write. */
  {
    g_autoptr(YsTrackerCsv) csv = read_text (
      "Date;From;To;Duration;Project;Activity;Description;Tags\n"
      "2026-03-02;09:00;09:45;0:45;Grant report;Writing;\"a; b\";x, y\n", &error);

    g_assert_no_error (error);
    assert_entry (csv, 0, "2026-03-02T09:00:00+01:00", 2700, "Grant report", "Writing: a; b",
                  "x|y", 2, YS_TRACKER_ENTRY_OK);
  }
}

/* A person's name or e-mail next to the problem stays out of the message. */
static void
test_privacy (void)
{
  static const char *bad[] = {
    "Ada Lovelace,ada.lovelace@example.org,,P,,D,No,2026-03-02,09:00:00,2026-03-02,10:00:00,x,,\r\n",
    "Ada Lovelace,ada.lovelace@example.org,,P,,D,No,2026-03-32,09:00:00,2026-03-02,10:00:00,1:00:00,,\r\n",
    "Ada Lovelace,ada.lovelace@example.org,,P,,D,No\r\n",
    "Ada Lovelace,ada.lovelace@example.org,\"Lovelace\"x,P,,D,No,2026-03-02,09:00:00,,,1:00:00,,\r\n",
    "\"Ada Lovelace\0\",ada.lovelace@example.org,,P,,D,No,2026-03-02,09:00:00,,,1:00:00,,\r\n",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *text = g_strconcat (toggl_header, bad[i], NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(YsTrackerCsv) csv = read_text (text, &error);

      g_assert_null (csv);
      g_assert_error (error, YS_ERROR, YS_ERROR_INVALID);
      g_assert_true (g_str_has_prefix (error->message, "mem.csv: line 2: "));
    }

  /* The person columns are never read, so even bytes that are not text
   * there change nothing. */
  {
    g_autofree char *text = g_strconcat (toggl_header, "\xff\xfe,\xc3,,P,,D,No,2026-03-02,"
                                         "09:00:00,,,1:00:00,,\r\n", NULL);
    g_autoptr(GError) error = NULL;
    g_autoptr(YsTrackerCsv) csv = read_text (text, &error);

    g_assert_no_error (error);
    g_assert_cmpint (ys_tracker_csv_get_entry (csv, 0)->duration_seconds, ==, 3600);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "Europe/Berlin", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tracker-csv/uuid-v5", test_uuid_v5);
  g_test_add_func ("/tracker-csv/reader", test_reader);
  g_test_add_func ("/tracker-csv/toggl", test_toggl);
  g_test_add_func ("/tracker-csv/clockify", test_clockify);
  g_test_add_func ("/tracker-csv/kimai", test_kimai);
  g_test_add_func ("/tracker-csv/hamster", test_hamster);
  g_test_add_func ("/tracker-csv/yardstick", test_yardstick);
  g_test_add_func ("/tracker-csv/filter", test_filter);
  g_test_add_func ("/tracker-csv/summary", test_summary);
  g_test_add_func ("/tracker-csv/ids", test_ids);
  g_test_add_func ("/tracker-csv/refusals", test_refusals);
  g_test_add_func ("/tracker-csv/dates", test_dates);
  g_test_add_func ("/tracker-csv/privacy", test_privacy);

  return g_test_run ();
}
