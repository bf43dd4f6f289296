/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "ys-bundle.h"
#include "ys-demo.h"
#include "ys-money.h"
#include "ys-report-pdf.h"
#include "ys-sync.h"
#include "ys-wording.h"
#include "ys-test-locale.h"

/* The funder report of the demo team, read back from the PDF with
 * pdftotext and pdfinfo, and the Markdown with the same content. */

static char *tmp_dir;

static char *
run (const char *command)
{
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_assert_true (g_spawn_command_line_sync (command, &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, 0);
  return g_steal_pointer (&out);
}

/* pdftotext breaks lines where the PDF does, and writes a no-break space
 * as a space; compare words, not layout. */
static char *
squash (const char *text)
{
  g_auto(GStrv) pieces = g_strsplit (text, "\302\240", -1);
  g_autofree char *spaced = g_strjoinv (" ", pieces);
  g_auto(GStrv) words = g_strsplit_set (spaced, " \n\t\f", -1);
  GString *out = g_string_new (NULL);

  for (guint i = 0; words[i]; i++)
    if (*words[i])
      {
        if (out->len)
          g_string_append_c (out, ' ');
        g_string_append (out, words[i]);
      }
  return g_string_free (out, FALSE);
}

/* An amount as the report writes it in the locale's own currency. The
 * formatting itself is tested in test-money.c; here the amounts matter. */
static char *
money (gint64 cents)
{
  g_autofree char *currency = ys_money_resolve_currency (NULL);

  return ys_money_format (currency, cents);
}

static gboolean
have_program (const char *name)
{
  g_autofree char *path = g_find_program_in_path (name);

  return path != NULL;
}

static YsStore *
demo_store (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (tmp_dir, name, NULL);
  YsStore *store = ys_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_true (ys_demo_fill (store, &error));
  return store;
}

/* Every font embedded in @pdf is one of tests/fonts.conf's DejaVu faces. */
static void
assert_pinned_fonts (const char *pdf)
{
  g_autofree char *command = g_strdup_printf ("pdffonts '%s'", pdf);
  g_autofree char *listing = run (command);
  g_auto(GStrv) lines = g_strsplit (listing, "\n", -1);
  guint fonts = 0;

  /* Two header lines, then one line per font: "ABCDEF+DejaVuSans-Bold …". */
  for (guint i = 2; lines[i] != NULL; i++)
    {
      const char *plus;

      if (*lines[i] == '\0')
        continue;
      plus = strchr (lines[i], '+');
      if (plus == NULL ||
          !(g_str_has_prefix (plus + 1, "DejaVuSans ") ||
            g_str_has_prefix (plus + 1, "DejaVuSans-Bold ") ||
            g_str_has_prefix (plus + 1, "DejaVuSerif ") ||
            g_str_has_prefix (plus + 1, "DejaVuSerif-Bold ") ||
            g_str_has_prefix (plus + 1, "DejaVuSansMono ") ||
            g_str_has_prefix (plus + 1, "DejaVuSansMono-Bold ")))
        g_error ("a font that tests/fonts.conf does not name: %s", lines[i]);
      fonts++;
    }
  g_assert_cmpuint (fonts, >, 0);
}

static char *
without_spaces (const char *text)
{
  g_autofree char *words = squash (text);
  g_auto(GStrv) pieces = g_strsplit (words, " ", -1);

  return g_strjoinv ("", pieces);
}

/* Each workflow's outcomes are whole on one page: on the page where its
 * finding (its headline under its heading) is followed by its medians, its tools and its weekly chart
 * follow too, before the next workflow's medians. */
static void
assert_outcomes_whole (const char     *text,
                       const YsReport *report)
{
  g_auto(GStrv) pages = g_strsplit (text, "\f", -1);

  for (guint i = 0; i < report->workflows->len; i++)
    {
      YsReportWorkflow *w = g_ptr_array_index (report->workflows, i);
      g_autofree char *headline = without_spaces (w->finding);
      guint found = 0;

      for (guint p = 0; pages[p] != NULL; p++)
        {
          g_autofree char *page = without_spaces (pages[p]);

          for (const char *at = strstr (page, headline); at != NULL; at = strstr (at + 1, headline))
            {
              const char *medians = at + strlen (headline);
              const char *next;

              if (!g_str_has_prefix (medians, "MediantimewithoutAI:"))
                continue;
              found++;
              next = strstr (medians + 1, "MediantimewithoutAI:");
              if (next == NULL)
                next = medians + strlen (medians);
              for (guint t = 0; t < w->tool_lines->len; t++)
                {
                  g_autofree char *line = without_spaces (g_ptr_array_index (w->tool_lines, t));

                  if (g_strstr_len (medians, next - medians, line) == NULL)
                    g_error ("%s: tool line %u is not on page %u with the medians", w->name, t,
                             p + 1);
                }
              if (w->weeks->len > 0 &&
                  (g_strstr_len (medians, next - medians, "Weeklymediantime") == NULL ||
                   g_strstr_len (medians, next - medians, "MedianwithoutAI") == NULL))
                g_error ("%s: the chart is not on page %u with the medians", w->name, p + 1);
            }
        }
      g_assert_cmpuint (found, ==, 1);
    }

  /* The section's title is on the page of the first workflow's outcomes,
   * not alone at the foot or the top of a page. */
  if (report->workflows->len > 0)
    {
      YsReportWorkflow *first = g_ptr_array_index (report->workflows, 0);
      g_autofree char *finding = without_spaces (first->finding);
      guint titles = 0;

      for (guint p = 0; pages[p] != NULL; p++)
        {
          g_autofree char *page = without_spaces (pages[p]);
          const char *title = strstr (page, "Outcomes:time,correctionsanduse");

          if (title == NULL)
            continue;
          titles++;
          if (strstr (title, finding) == NULL)
            g_error ("page %u: the outcomes' title without the first workflow under it", p + 1);
        }
      g_assert_cmpuint (titles, ==, 1);
    }
}

static void
test_demo_pdf (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YsStore) store = demo_store ("demo.db");
  g_autofree char *pdf = g_build_filename (tmp_dir, "q4.pdf", NULL);
  g_autofree char *command = NULL;
  g_autofree char *text = NULL;
  g_autofree char *info = NULL;
  g_autofree char *words = NULL;
  g_autoptr(YsReport) report = NULL;
  YsReportOptions options = { .organisation = (char *) "Riverside Advice Centre",
                              .staff_cost_per_hour = -1 };
  GDate from, to;

  if (!have_program ("pdftotext") || !have_program ("pdfinfo"))
    {
      g_test_skip ("poppler-utils is not installed");
      return;
    }

  g_assert_true (ys_stats_parse_quarter ("2026-Q4", &from, &to, NULL));
  report = ys_report_build (store, &from, &to, NULL, &options, NULL);
  g_assert_true (ys_report_write_file (report, pdf, &error));
  g_assert_no_error (error);

  command = g_strdup_printf ("pdftotext -layout '%s' -", pdf);
  text = run (command);
  words = squash (text);
  g_assert_nonnull (strstr (words, "What AI changed at Riverside Advice Centre"));
  {
    g_autofree char *period = ys_test_localized ("1 October 2026 to 31 December 2026 (2026-Q4)");
    g_assert_nonnull (strstr (words, period));
  }
  for (guint i = 0; i < report->workflows->len; i++)
    {
      YsReportWorkflow *w = g_ptr_array_index (report->workflows, i);
      g_autofree char *headline = squash (w->finding);

      g_assert_nonnull (strstr (words, w->name));
      if (strstr (words, headline) == NULL)
        g_error ("headline “%s” not in the PDF", headline);
      /* The forest plot's rows and the fair test's counts (the demo has
       * enough runs on both sides of every workflow in 2026-Q4, and grant
       * report sections enough drawn runs for a row of their own). */
      {
        const YsRatioChange *changes[2];
        char *labels[2];
        g_autofree char *counts_text = ys_wording_fair_test_counts (w->figures);
        g_autofree char *counts = squash (counts_text);
        guint n_rows = g_str_equal (w->name, "Grant report section") ? 2 : 1;

        g_assert_cmpuint (ys_wording_interval_rows (w->figures, changes, labels), ==, n_rows);
        for (guint r = 0; r < n_rows; r++)
          {
            g_autofree char *label = squash (labels[r]);

            g_free (labels[r]);
            g_assert_true (g_str_has_prefix (label, r == 0 ? "All runs: "
                                                           : "Fair test, drawn runs only: "));
            if (strstr (words, label) == NULL)
              g_error ("“%s” not in the PDF", label);
          }
        g_assert_nonnull (strstr (words, counts));
      }
    }
  /* The outcomes report's parts, in order, the costs first. */
  {
    const char *sections[] = {
      "What it cost and what it returned",
      "Inputs: the tools and their cost",
      "Activities: the workflows measured, and how",
      "Outputs: runs measured",
      "Outcomes: time, corrections and use",
      "What is not working",
      "Method: how to read these figures",
    };
    const char *at = words;

    for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
      {
        at = strstr (at, sections[i]);
        if (at == NULL)
          g_error ("“%s” is missing or out of order", sections[i]);
      }
  }
  /* The sample team's costs: 60.00 and 20.00 a month, and one not set. */
  {
    g_autofree char *sixty = money (6000);
    g_autofree char *line = g_strdup_printf ("ChatGPT: %s a month", sixty);
    g_autofree char *squashed = squash (line);

    g_assert_nonnull (strstr (words, squashed));
    g_assert_nonnull (strstr (words, "Copilot: cost not set"));
  }
  g_assert_nonnull (strstr (words, "About 60% of the team uses AI"));
  g_assert_nonnull (strstr (words, "Worth discussing: People say Copilot saves time"));

  g_free (command);
  command = g_strdup_printf ("pdfinfo '%s'", pdf);
  info = run (command);
  g_assert_nonnull (strstr (info, "Page size:       595.276 x 841.89 pts (A4)"));
  /* With the fonts pinned (main()), the same on every machine. */
  g_assert_nonnull (strstr (info, "Pages:           6"));
  g_assert_nonnull (strstr (text, "Page 6 of 6"));
  assert_pinned_fonts (pdf);
  /* Each workflow's outcomes on one page, not split across two. */
  assert_outcomes_whole (text, report);

  /* The same on US Letter, whose pages are shorter: there the first
   * workflow once went to the next page and left the outcomes' title alone. */
  report->paper = YS_PAPER_LETTER;
  g_assert_true (ys_report_write_file (report, pdf, &error));
  g_assert_no_error (error);
  g_free (command);
  command = g_strdup_printf ("pdftotext -layout '%s' -", pdf);
  g_free (text);
  text = run (command);
  assert_outcomes_whole (text, report);

  /* No page starts with a stranded list item: a heading keeps its list. */
  {
    g_auto(GStrv) pages = g_strsplit (text, "\f", -1);

    for (guint i = 0; pages[i] != NULL; i++)
      {
        const char *first = pages[i];

        while (*first == '\n' || *first == ' ')
          first++;
        if (*first != '\0' && g_str_has_prefix (first, "•"))
          g_error ("page %u starts with a list item: %.60s", i + 1, first);
      }
  }

  /* One type family for headings and body: no serif face at all. */
  {
    g_autofree char *fonts = NULL;

    g_free (command);
    command = g_strdup_printf ("pdffonts '%s'", pdf);
    fonts = run (command);
    g_assert_nonnull (strstr (fonts, "DejaVuSans"));
    g_assert_null (strstr (fonts, "Serif"));
  }
}

static void
test_long_text_is_not_clipped (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YsStore) store = demo_store ("long.db");
  g_autofree char *pdf = g_build_filename (tmp_dir, "long.pdf", NULL);
  g_autofree char *long_name = NULL;
  g_autofree char *answer = NULL;
  g_autofree char *command = NULL;
  g_autofree char *text = NULL;
  g_autofree char *words = NULL;
  g_autoptr(YsReport) report = NULL;
  g_autoptr(YsWorkflow) workflow = NULL;
  GString *long_answer = g_string_new (NULL);
  YsReview review = { .quarter = (char *) "2026-Q4", .coverage_percent = -1,
                      .not_working = (char *) "", .more_rework = (char *) "" };
  GDate from, to;

  if (!have_program ("pdftotext"))
    {
      g_test_skip ("poppler-utils is not installed");
      g_string_free (long_answer, TRUE);
      return;
    }

  /* A 200-character name without a space, and a 9000-character answer. */
  workflow = g_list_model_get_item (ys_store_get_workflows (store), 0);
  {
    g_autofree char *fill = g_strnfill (199, 'W');
    long_name = g_strconcat (fill, "Z", NULL);
  }
  g_assert_true (ys_store_update_workflow (store, ys_workflow_get_id (workflow), long_name, "", 4,
                                           &error));
  for (int i = 0; long_answer->len < 9000; i++)
    g_string_append_printf (long_answer, "Sentence number %d of a long answer. ", i);
  g_string_append (long_answer, "THE-LAST-WORDS");
  answer = g_string_free (long_answer, FALSE);
  review.working = answer;
  g_assert_true (ys_store_save_review (store, &review, &error));
  g_assert_no_error (error);

  g_assert_true (ys_stats_parse_quarter ("2026-Q4", &from, &to, NULL));
  report = ys_report_build (store, &from, &to, NULL, NULL, NULL);
  g_assert_true (ys_report_write_pdf (report, pdf, &error));
  g_assert_no_error (error);

  command = g_strdup_printf ("pdftotext '%s' -", pdf);
  text = run (command);
  words = squash (text);
  /* Every character of the name and the end of the answer made it onto a page. */
  {
    /* pdftotext puts a line break wherever the name was wrapped. */
    g_auto(GStrv) pieces = g_strsplit (words, " ", -1);
    g_autofree char *joined = g_strjoinv ("", pieces);

    g_assert_nonnull (strstr (joined, long_name));
  }
  g_assert_nonnull (strstr (words, "THE-LAST-WORDS"));
  g_assert_nonnull (strstr (words, "Sentence number 200 of a long answer."));
  /* A review without a coverage says that it is not known. */
  g_assert_nonnull (strstr (words, "How much of the team uses AI where it adds real value is "
                                   "not known."));
}

/* Three workflows whose names are 200 characters with spaces, each with
 * its own tool of a 200-character name, runs in eight weeks of Q4 on both
 * sides (6 and 7, 8 and 9, 10 and 11 runs, so that each workflow's medians
 * sentence names its own counts), and a review whose three answers are
 * about 9000 characters each. */
static YsStore *
long_store (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (tmp_dir, name, NULL);
  g_autoptr(GString) bundle = g_string_new (NULL);
  g_autoptr(GString) answer = g_string_new (NULL);
  YsImportResult result;
  YsStore *store;
  guint run = 0;

  for (int i = 0; answer->len < 9000; i++)
    g_string_append_printf (answer, "Sentence number %d of a long answer. ", i);

  g_string_append (bundle, "{\"format\": \"yardstick-bundle\", \"version\": 1,"
                           " \"exported_at\": \"2026-12-01T10:00:00Z\", \"workflows\": [");
  for (guint w = 0; w < 3; w++)
    {
      g_autoptr(GString) workflow_name = g_string_new (NULL);

      g_string_append_printf (workflow_name, "Workflow %c:", 'A' + w);
      while (workflow_name->len < 195)
        g_string_append (workflow_name, " drafting the long narrative");
      g_string_truncate (workflow_name, 195);
      g_string_append_printf (workflow_name, " END%c", 'A' + w);
      g_string_append_printf (bundle,
        "%s{\"id\": \"11111111-1111-4111-8111-00000000000%u\", \"name\": \"%s\","
        " \"description\": \"\", \"people\": 3, \"archived\": false,"
        " \"updated_at\": \"2026-09-01T10:00:00Z\", \"deleted\": false}",
        w ? "," : "", w, workflow_name->str);
    }
  g_string_append (bundle, "], \"tools\": [");
  for (guint w = 0; w < 3; w++)
    {
      g_autofree char *tool_name = g_strnfill (196, 'a' + w);

      g_string_append_printf (bundle,
        "%s{\"id\": \"22222222-2222-4222-8222-00000000000%u\", \"name\": \"Tool%s\","
        " \"monthly_cost\": %s, \"updated_at\": \"2026-09-01T10:00:00Z\", \"deleted\": false}",
        w ? "," : "", w, tool_name, w == 1 ? "null" : "49.9");
    }
  g_string_append (bundle, "], \"runs\": [");
  for (guint w = 0; w < 3; w++)
    for (guint mode = 0; mode < 2; mode++)
      for (guint i = 0; i < 6 + 2 * w + mode; i++)
        {
          /* Without AI about an hour; with AI half that, the same, or half
           * as long again. */
          gint64 seconds = 3000 + 100 * i;

          if (mode == 1)
            seconds = w == 0 ? seconds / 2 : w == 1 ? seconds + 50 : seconds * 3 / 2;
          g_string_append_printf (bundle,
            "%s{\"id\": \"33333333-3333-4333-8333-%012u\", \"workflow\":"
            " \"11111111-1111-4111-8111-00000000000%u\", \"mode\": \"%s\", \"tool\": %s%s%s,"
            " \"started_at\": \"2026-10-%02uT09:00:00Z\", \"duration_seconds\": %" G_GINT64_FORMAT ","
            " \"corrections\": %u, \"used\": true, \"note\": \"\","
            " \"updated_at\": \"2026-12-01T10:00:00Z\", \"deleted\": false}",
            run ? "," : "", run, w, mode ? "with-ai" : "without-ai",
            mode ? "\"22222222-2222-4222-8222-00000000000" : "null",
            mode ? (w == 0 ? "0" : w == 1 ? "1" : "2") : "", mode ? "\"" : "",
            1 + (i * 4 + mode * 2) % 30, seconds, i % 3);
          run++;
        }
  g_string_append_printf (bundle, "], \"reviews\": [{\"id\": \"77777777-7777-4777-8777-777777777777\","
                          " \"quarter\": \"2026-Q4\", \"coverage_percent\": 40,"
                          " \"working\": \"%sENDOFWORKING\", \"not_working\": \"%sENDOFNOTWORKING\","
                          " \"more_rework\": \"%sENDOFREWORK\","
                          " \"updated_at\": \"2026-12-01T10:00:00Z\", \"deleted\": false}]}",
                          answer->str, answer->str, answer->str);

  store = ys_store_open (path, &error);
  g_assert_no_error (error);
  ys_bundle_import_data (store, "long.json", bundle->str, bundle->len, &result, &error);
  g_assert_no_error (error);
  return store;
}

/* Each workflow's outcomes on one page, never split across two, on A4 and
 * on US Letter, with nothing of the long names and answers lost. */
static void
test_long_workflows_one_page_each (gconstpointer data)
{
  YsPaper paper = GPOINTER_TO_INT (data);
  g_autoptr(GError) error = NULL;
  g_autoptr(YsStore) store = long_store (paper == YS_PAPER_A4 ? "long-a4.db" : "long-letter.db");
  g_autofree char *pdf = g_build_filename (tmp_dir, paper == YS_PAPER_A4 ? "long-a4.pdf"
                                                                         : "long-letter.pdf", NULL);
  g_autofree char *command = NULL;
  g_autofree char *text = NULL;
  g_autofree char *info = NULL;
  g_autofree char *all = NULL;
  g_autoptr(YsReport) report = NULL;
  YsReportOptions options = { .staff_cost_per_hour = -1, .paper = paper };
  GDate from, to;

  if (!have_program ("pdftotext") || !have_program ("pdfinfo"))
    {
      g_test_skip ("poppler-utils is not installed");
      return;
    }

  g_assert_true (ys_stats_parse_quarter ("2026-Q4", &from, &to, NULL));
  report = ys_report_build (store, &from, &to, NULL, &options, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->workflows->len, ==, 3);
  g_assert_true (ys_report_write_pdf (report, pdf, &error));
  g_assert_no_error (error);

  command = g_strdup_printf ("pdfinfo '%s'", pdf);
  info = run (command);
  if (paper == YS_PAPER_A4)
    g_assert_nonnull (strstr (info, "Page size:       595.276 x 841.89 pts (A4)"));
  else
    g_assert_nonnull (strstr (info, "Page size:       612 x 792 pts (letter)"));
  /* The footers count the pages the PDF has: both passes broke the pages
   * in the same places. */
  {
    const char *pages_line = strstr (info, "Pages:");
    guint pages;
    g_autofree char *last = NULL;

    g_assert_nonnull (pages_line);
    pages = (guint) g_ascii_strtoull (pages_line + strlen ("Pages:"), NULL, 10);
    g_assert_cmpuint (pages, >, 5);
    last = g_strdup_printf ("Page %u of %u", pages, pages);
    g_free (command);
    command = g_strdup_printf ("pdftotext -f %u -l %u '%s' -", pages, pages, pdf);
    g_free (text);
    text = run (command);
    g_assert_nonnull (strstr (text, last));
    g_clear_pointer (&text, g_free);
  }

  g_free (command);
  command = g_strdup_printf ("pdftotext '%s' -", pdf);
  text = run (command);
  all = without_spaces (text);
  /* Nothing clipped: the ends of the three answers are all there. */
  g_assert_nonnull (strstr (all, "ENDOFWORKING"));
  g_assert_nonnull (strstr (all, "ENDOFNOTWORKING"));
  g_assert_nonnull (strstr (all, "ENDOFREWORK"));

  assert_outcomes_whole (text, report);
}

/* Each of the @n_workflows "Corrections per run" rows of @markdown holds
 * two numbers with one decimal, written as the locale writes them ("0.8",
 * or "0,8" in German). */
static void
assert_corrections_rows (const char *markdown,
                         guint       n_workflows)
{
  g_autofree char *point = ys_test_localized ("0.5");
  g_autofree char *pattern = g_strdup_printf ("^\\| Corrections per run \\| [0-9]+%s[0-9] \\| "
                                              "[0-9]+%s[0-9] \\|$",
                                              point[1] == '.' ? "\\." : ",",
                                              point[1] == '.' ? "\\." : ",");
  g_auto(GStrv) lines = g_strsplit (markdown, "\n", -1);
  guint rows = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], "| Corrections per run |"))
      {
        if (!g_regex_match_simple (pattern, lines[i], 0, 0))
          g_error ("“%s” does not match %s", lines[i], pattern);
        rows++;
      }
  g_assert_cmpuint (rows, ==, n_workflows);
}

/* A quarter still going on covers the days so far and says so; no time
 * saved or lost without a clear change; every rate with its counts, and the
 * 50% and 70% marks explained once. In the demo's Q4 (ys-demo.c), policy
 * briefs take far less time with AI, grant report sections clearly more
 * (195 against 150 minutes), and intake summaries a little less (34
 * against 35 minutes) but not clearly so: that one's saving must not be
 * stated, and the loss must. */
static void
test_honest_wording (void)
{
  g_autoptr(YsStore) store = demo_store ("honest.db");
  g_autoptr(YsReport) report = NULL;
  g_autofree char *markdown = NULL;
  g_autofree char *plain = NULL;
  GDate from, to, today;
  const char *marks = "Below 50% of outputs used";
  gboolean explained = FALSE, unclear_saving = FALSE;

  g_assert_true (ys_stats_parse_quarter ("2026-Q4", &from, &to, NULL));
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 29, G_DATE_NOVEMBER, 2026);
  report = ys_report_build (store, &from, &to, &today, NULL, NULL);

  {
    g_autofree char *period = ys_test_localized ("1 October 2026 to 29 November 2026 "
                                                 "(2026-Q4 so far)");
    g_assert_cmpstr (report->period, ==, period);
  }
  g_assert_cmpstr (report->quarter, ==, "2026-Q4");
  g_assert_cmpint (g_date_get_day (&report->summary->to), ==, 29);
  g_assert_cmpint (g_date_get_month (&report->summary->to), ==, G_DATE_NOVEMBER);

  g_assert_cmpuint (report->workflows->len, ==, 3);
  for (guint i = 0; i < report->workflows->len; i++)
    {
      YsReportWorkflow *w = g_ptr_array_index (report->workflows, i);
      YsWorkflowFigures *f = w->figures;

      /* A time saved or lost only with a clear change. */
      g_assert_cmpint (w->time_saved != NULL, ==, f->clear);
      if (g_str_equal (w->name, "Intake summary"))
        {
          g_assert_false (f->clear);
          g_assert_true (f->has_time_saved);
          unclear_saving = f->time_saved_per_week > 0;
          g_assert_null (w->loss);
          /* A headline that does not start with the name stays whole. */
          g_assert_false (g_str_has_prefix (w->headline, w->name));
          g_assert_cmpstr (w->finding, ==, w->headline);
        }
      /* A clear loss is named again among what is not working. */
      if (g_str_equal (w->name, "Grant report section"))
        {
          g_assert_true (f->clear);
          g_assert_cmpstr (w->loss, ==, w->headline);
        }
      if (g_str_equal (w->name, "Policy brief draft"))
        {
          g_assert_true (f->clear);
          g_assert_null (w->loss);
          /* Under its heading the headline does not name it again. */
          g_assert_true (g_str_has_prefix (w->headline, "Policy brief draft: with AI "));
          g_assert_cmpstr (w->finding + 1, ==, w->headline + strlen ("Policy brief draft: w"));
          g_assert_true (g_str_has_prefix (w->finding, "With AI "));
        }
      /* "13 of 13 outputs with AI were used (100%)…" */
      g_assert_nonnull (strstr (w->used, " of "));
      g_assert_nonnull (strstr (w->corrections, " of "));
      g_assert_null (strstr (w->headline, "faster"));
      /* The explanation goes with the first workflow that names a mark. */
      if (strstr (w->used, marks) != NULL)
        {
          g_assert_false (explained);
          explained = TRUE;
        }
      else if (!explained)
        g_assert_false (ys_wording_used_names_marks (f));
    }
  /* The figures would have a saving to state, and it is kept out. */
  g_assert_true (unclear_saving);
  g_assert_true (explained);

  /* What it cost and what it returned: the loss counted against the
   * saving, the unclear workflow named and not counted. Worked from the
   * summary's medians by hand: policy briefs (4 h 15 min − 1 h 35 min) ×
   * 15 runs = 40 h saved, grant report sections (2 h 40 min − 3 h 22 min
   * 30 s, the medians of their 11 runs without AI and 12 with) × 12 runs =
   * 8.5 h lost; the tools 80.00 a month for 60 days = 80 × 60 / 30.4375 =
   * 157.70, and 157.70 / 31.5 h = 5.006… → 5.01 an hour. */
  g_assert_cmpint (report->summary->costs.tools_cost_cents, ==, 15770);
  g_assert_cmpint (report->summary->costs.saved_half_seconds, ==, 63 * 3600);
  {
    g_autofree char *total = money (15770);
    g_autofree char *rate = money (501);
    g_autofree char *tools = g_strdup_printf ("The tools cost %s over the 60 days of this period. "
                                              "1 tool has no cost set and is not counted.", total);
    g_autofree char *per_hour = g_strdup_printf ("That is %s of tools for each hour saved.", rate);

    g_assert_cmpstr (report->costs->tools_cost, ==, tools);
    g_assert_cmpstr (report->costs->cost_per_hour, ==, per_hour);
  }
  g_assert_null (report->costs->no_claim);

  markdown = ys_report_to_markdown (report);
  plain = ys_report_to_plain_text (report);
  {
    g_autofree char *start = ys_test_localized ("What AI changed in our work, 1 October 2026 to "
                                                "29 November 2026 (2026-Q4 so far).\n\n");
    g_autofree char *costs = ys_report_costs_text (report->costs, FALSE);

    g_assert_true (g_str_has_prefix (plain, start));
    /* Copy Summary opens with what it cost and what it returned. */
    g_assert_true (g_str_has_prefix (plain + strlen (start), costs));
  }
  {
    g_autofree char *lost = ys_test_localized ("Grant report section: 8.5 h lost with AI in "
                                               "this period (a clear change for the worse).");
    g_autofree char *saved = ys_test_localized ("Policy brief draft: 40.0 h saved with AI in this "
                                                "period (a clear change).");

    g_assert_nonnull (strstr (plain, lost));
    g_assert_nonnull (strstr (plain, saved));
    g_assert_nonnull (strstr (markdown, lost));
  }
  g_assert_nonnull (strstr (plain, "No clear change yet, so no time is counted for: Intake "
                                   "summary."));
  g_assert_null (strstr (markdown, marks) == NULL ? NULL : strstr (strstr (markdown, marks) + 1,
                                                                   marks));
  g_assert_nonnull (strstr (markdown, "The period is not over yet"));
  g_assert_nonnull (strstr (markdown, "| Output used | "));
  g_assert_null (strstr (markdown, "| Output used | 100% |"));
}

/* Activities say how many computers a team folder brought together, and
 * nothing about a folder before there is one. */
static void
test_team_folder_computers (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YsStore) store = demo_store ("folder-a.db");
  g_autofree char *folder = g_build_filename (tmp_dir, "team-folder", NULL);
  const char *others[] = { "folder-b.db", "folder-c.db" };
  const char *sentence = "Runs were timed on this computer and 2 others, brought together in a "
                         "team folder.";
  g_autoptr(YsReport) before = NULL;
  g_autoptr(YsReport) after = NULL;
  g_autoptr(YsSyncReport) synced = NULL;
  g_autofree char *markdown = NULL;
  GDate from, to;

  g_assert_true (ys_stats_parse_quarter ("2026-Q4", &from, &to, NULL));
  before = ys_report_build (store, &from, &to, NULL, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < before->activities->len; i++)
    g_assert_null (strstr (g_ptr_array_index (before->activities, i), "team folder"));

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    {
      g_autofree char *path = g_build_filename (tmp_dir, others[i], NULL);
      g_autoptr(YsStore) other = ys_store_open (path, &error);
      g_autoptr(YsWorkflow) workflow = NULL;
      g_autoptr(YsSyncReport) written = NULL;

      g_assert_no_error (error);
      workflow = ys_store_add_workflow (other, i ? "Budget memo" : "Board minutes", "", 2, &error);
      g_assert_no_error (error);
      written = ys_sync_run (other, folder, NULL, &error);
      g_assert_no_error (error);
      g_assert_true (written->wrote_own);
    }
  synced = ys_sync_run (store, folder, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (synced->merged, ==, 2);

  after = ys_report_build (store, &from, &to, NULL, NULL, &error);
  g_assert_no_error (error);
  markdown = ys_report_to_markdown (after);
  g_assert_nonnull (strstr (markdown, sentence));
  /* Under Activities, before the outputs. */
  g_assert_true (strstr (markdown, sentence) > strstr (markdown, "## Activities"));
  g_assert_true (strstr (markdown, sentence) < strstr (markdown, "## Outputs"));
}

static void
test_markdown (void)
{
  g_autoptr(YsStore) store = demo_store ("md.db");
  g_autoptr(YsReport) report = NULL;
  g_autofree char *markdown = NULL;
  g_autofree char *plain = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (tmp_dir, "q4.md", NULL);
  g_autofree char *bad = g_build_filename (tmp_dir, "q4.docx", NULL);
  g_autofree char *nowhere = g_build_filename (tmp_dir, "missing", "q4.md", NULL);
  YsReportOptions options = { .organisation = (char *) "Riverside Advice Centre",
                              .staff_cost_per_hour = -1 };
  GDate from, to;

  g_assert_true (ys_stats_parse_quarter ("2026-Q4", &from, &to, NULL));
  options.organisation = (char *) "A *bold* | team";
  report = ys_report_build (store, &from, &to, NULL, &options, NULL);
  markdown = ys_report_to_markdown (report);

  /* People's words are escaped, not interpreted. */
  g_assert_true (g_str_has_prefix (markdown, "# What AI changed at A \\*bold\\* \\| team\n"));
  g_assert_nonnull (strstr (markdown, "| | Without AI | With AI |\n| --- | --- | --- |\n"));
  for (guint i = 0; i < report->workflows->len; i++)
    {
      YsReportWorkflow *w = g_ptr_array_index (report->workflows, i);
      g_autofree char *heading = g_strdup_printf ("### %s\n", w->name);

      g_autofree char *interval = ys_wording_interval_description (w->figures);
      g_autofree char *counts = ys_wording_fair_test_counts (w->figures);

      g_assert_nonnull (strstr (markdown, heading));
      g_assert_nonnull (strstr (markdown, w->finding));
      /* The forest plot in words, and how the runs' modes were decided. */
      if (interval != NULL)
        g_assert_nonnull (strstr (markdown, interval));
      g_assert_nonnull (strstr (markdown, counts));
      /* The counts once, under Activities with the workflow's people, not
       * again under its outcomes. */
      {
        g_autofree char *activity = g_strdup_printf ("- **%s.** %d people do this work. %s\n",
                                                     w->name, w->figures->people, counts);

        g_assert_nonnull (strstr (markdown, activity));
        g_assert_null (strstr (strstr (markdown, counts) + 1, counts));
      }
    }
  {
    const char *sections[] = {
      "\n## What it cost and what it returned\n",
      "\n## Inputs: the tools and their cost\n\n- ChatGPT: ",
      "\n## Activities: the workflows measured, and how\n",
      "\n## Outputs: runs measured\n\n| Workflow | Without AI | With AI |\n",
      "\n## Outcomes: time, corrections and use\n",
      "\n## What is not working\n",
      "\n## Method: how to read these figures\n",
    };
    g_autofree char *sixty = money (6000);
    g_autofree char *twenty = money (2000);
    g_autofree char *tools = g_strdup_printf ("\n\n- ChatGPT: %s a month\n- Claude: %s a month\n"
                                              "- Copilot: cost not set\n\n", sixty, twenty);
    const char *at = markdown;

    for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
      {
        at = strstr (at, sections[i]);
        if (at == NULL)
          g_error ("“%s” is missing or out of order", sections[i]);
      }
    g_assert_nonnull (strstr (markdown, tools));
  }
  g_assert_nonnull (strstr (markdown, "- **Worth discussing:** People say Copilot saves time"));
  /* The outputs' total: 11 + 8 + 8 runs without AI, 12 + 16 + 15 with
   * (grant report sections, intake summaries, policy briefs in 2026-Q4;
   * counted in the sample's exported bundle by an independent
   * implementation of FORMAT.md's summary). */
  g_assert_nonnull (strstr (markdown, "| All workflows | 27 | 43 |\n"));
  g_assert_nonnull (strstr (markdown, "| Week of | Without AI | With AI |"));
  assert_corrections_rows (markdown, report->workflows->len);

  plain = ys_report_to_plain_text (report);
  {
    g_autofree char *start = ys_test_localized ("What AI changed at A *bold* | team, 1 October 2026 "
                                                "to 31 December 2026 (2026-Q4).\n\n");
    g_assert_true (g_str_has_prefix (plain, start));
  }

  g_assert_true (ys_report_write_file (report, path, &error));
  g_assert_no_error (error);
  g_assert_false (ys_report_write_file (report, bad, &error));
  g_assert_nonnull (strstr (error->message, "the report is written as .pdf or .md"));
  g_assert_false (g_file_test (bad, G_FILE_TEST_EXISTS));
  g_clear_error (&error);
  /* An unwritable path leaves nothing behind and says which file. */
  g_assert_false (ys_report_write_file (report, nowhere, &error));
  g_assert_true (g_str_has_prefix (error->message, nowhere));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *command = NULL;
  int status;

  g_setenv ("TZ", "UTC", TRUE);
  g_setenv ("LC_PAPER", "C.UTF-8", TRUE);
  /* Page breaks depend on the fonts: only the ones fonts.conf names. */
  g_setenv ("FONTCONFIG_FILE", YS_TEST_SOURCE_DIR "/fonts.conf", TRUE);
  if (!g_file_test ("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", G_FILE_TEST_EXISTS))
    g_error ("fonts-dejavu-core is not installed (build-aux/setup.sh installs it)");
  ys_test_init_locale (&argc, &argv);
  g_test_init (&argc, &argv, NULL);
  tmp_dir = g_dir_make_tmp ("ys-report-XXXXXX", NULL);

  g_test_add_func ("/report/demo-pdf", test_demo_pdf);
  g_test_add_func ("/report/long-text-is-not-clipped", test_long_text_is_not_clipped);
  g_test_add_data_func ("/report/long-workflows-a4", GINT_TO_POINTER (YS_PAPER_A4),
                        test_long_workflows_one_page_each);
  g_test_add_data_func ("/report/long-workflows-letter", GINT_TO_POINTER (YS_PAPER_LETTER),
                        test_long_workflows_one_page_each);
  g_test_add_func ("/report/markdown", test_markdown);
  g_test_add_func ("/report/team-folder-computers", test_team_folder_computers);
  g_test_add_func ("/report/honest-wording", test_honest_wording);

  status = g_test_run ();
  command = g_strdup_printf ("rm -rf '%s'", tmp_dir);
  if (system (command) != 0)
    status = 1;
  g_free (tmp_dir);
  return status;
}
