/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "yardstick"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <langinfo.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <stdint.h>
#include <string.h>

#include "ys-chart-draw.h"
#include "ys-duration.h"
#include "ys-error.h"
#include "ys-file.h"
#include "ys-report-pdf.h"
#include "ys-wording.h"

/*
 * The report as a PDF: cairo's PDF surface with fonts embedded, vector
 * charts, A4 or US Letter by locale, and page numbers. Text flows line by
 * line, so no answer is ever clipped however long it is. The layout runs
 * twice: once to count the pages ("Page 2 of 5"), once to draw.
 */

#define MM_TO_PT (72.0 / 25.4)
#define MARGIN (18 * MM_TO_PT)
#define FOOTER (10 * MM_TO_PT)

typedef struct
{
  cairo_t *cr;
  double width;
  double height;
  double y;
  int page;
  int pages;           /* known on the second pass */
  gboolean drawing;
  double chart_height; /* of the weekly chart of the workflow laid out */
} Flow;

/* The weekly chart's height, and the least it is cut to so that a
 * workflow's outcomes (a long name, long tool names) fit on one page. */
#define CHART_HEIGHT 150
#define CHART_MIN_HEIGHT 50

static void
paper_size (YsPaper  paper,
            double  *width,
            double  *height)
{
  /* The paper chosen, else the locale's (glibc's LC_PAPER), else A4. */
  int mm_width = (int) (intptr_t) nl_langinfo (_NL_PAPER_WIDTH);
  int mm_height = (int) (intptr_t) nl_langinfo (_NL_PAPER_HEIGHT);
  gboolean letter = paper == YS_PAPER_LETTER ||
                    (paper == YS_PAPER_LOCALE && mm_width == 216 && mm_height == 279);

  if (letter)
    {
      *width = 612;   /* US Letter */
      *height = 792;
    }
  else
    {
      *width = 210 * MM_TO_PT;
      *height = 297 * MM_TO_PT;
    }
}

static void
footer (Flow *flow)
{
  g_autoptr(PangoLayout) layout = NULL;
  g_autoptr(PangoFontDescription) font = NULL;
  g_autofree char *text = NULL;
  int w, h;

  if (!flow->drawing)
    return;

  layout = pango_cairo_create_layout (flow->cr);
  font = pango_font_description_from_string ("Sans 8");
  /* TRANSLATORS: the page number in the report's footer */
  text = g_strdup_printf (_("Page %d of %d"), flow->page, flow->pages);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_size (layout, &w, &h);
  cairo_set_source_rgb (flow->cr, 0.35, 0.35, 0.35);
  cairo_move_to (flow->cr, (flow->width - w) / 2, flow->height - FOOTER - h / 2.0);
  pango_cairo_show_layout (flow->cr, layout);
}

static void
new_page (Flow *flow)
{
  footer (flow);
  if (flow->drawing)
    cairo_show_page (flow->cr);
  flow->page++;
  flow->y = MARGIN;
}

static double
bottom (Flow *flow)
{
  return flow->height - MARGIN - FOOTER;
}

/* One type family for headings and body; sizes and weight tell them apart. */
#define FONT_TITLE "Sans Bold 20"
#define FONT_PERIOD "Sans 11"
#define FONT_HEADING "Sans Bold 14"
#define FONT_SUBHEADING "Sans Bold 11"
#define FONT_SMALL_HEADING "Sans Bold 10"
#define FONT_CAPTION "Sans Bold 8"
#define FONT_LEAD "Sans 12"
#define FONT_BODY "Sans 10"
#define FONT_NOTE "Sans 9"

/* A list item starts with a bullet and a no-break space, which keeps the
 * bullet with a long word that has to wrap inside itself. */
#define BULLET "•\302\240"

static PangoLayout *
text_layout (Flow       *flow,
             const char *text,
             const char *font_name)
{
  PangoLayout *layout = pango_cairo_create_layout (flow->cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (font_name);

  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (int) ((flow->width - 2 * MARGIN) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (layout, text, -1);
  /* A list item's later lines hang under its text, not under the bullet. */
  if (g_str_has_prefix (text, BULLET))
    {
      g_autoptr(PangoLayout) bullet = pango_cairo_create_layout (flow->cr);
      int width;

      pango_layout_set_font_description (bullet, font);
      pango_layout_set_text (bullet, BULLET, -1);
      pango_layout_get_size (bullet, &width, NULL);
      pango_layout_set_indent (layout, -width);
    }
  return layout;
}

/* The height paragraph() will take, to keep a heading with what follows. */
static double
paragraph_height (Flow       *flow,
                  const char *text,
                  const char *font_name,
                  double      space_after)
{
  g_autoptr(PangoLayout) layout = text_layout (flow, text, font_name);
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return (double) logical.height / PANGO_SCALE + space_after;
}

/* Where a paragraph starting at the current position first breaks, never
 * leaving one line of it alone on either page: a paragraph of up to three
 * lines moves whole. -1 when it fits. */
static int
first_break (Flow        *flow,
             PangoLayout *layout)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  int lines = pango_layout_get_line_count (layout);
  int index = 0, found = -1;
  double y = flow->y;

  do
    {
      PangoRectangle logical;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      y += (double) logical.height / PANGO_SCALE;
      if (y > bottom (flow))
        {
          found = index;
          break;
        }
      index++;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);

  if (found < 0 || flow->y <= MARGIN)
    return found;
  if (found == 1 || lines <= 3)
    return 0;
  if (lines - found == 1)
    return found - 1;
  return found;
}

/* Text that wraps at the margins and breaks across pages between lines. */
static void
paragraph (Flow       *flow,
           const char *text,
           const char *font_name,
           double      gray,
           double      space_after)
{
  g_autoptr(PangoLayout) layout = text_layout (flow, text, font_name);
  int break_at = first_break (flow, layout);
  PangoLayoutIter *iter;
  int index = 0;

  iter = pango_layout_get_iter (layout);
  do
    {
      PangoRectangle logical;
      PangoLayoutLine *line = pango_layout_iter_get_line_readonly (iter);
      double line_height, baseline_offset;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      line_height = (double) logical.height / PANGO_SCALE;
      baseline_offset = (double) (pango_layout_iter_get_baseline (iter) - logical.y) / PANGO_SCALE;

      if (index++ == break_at || flow->y + line_height > bottom (flow))
        new_page (flow);
      if (flow->drawing)
        {
          cairo_set_source_rgb (flow->cr, gray, gray, gray);
          cairo_move_to (flow->cr, MARGIN + (double) logical.x / PANGO_SCALE,
                         flow->y + baseline_offset);
          pango_cairo_show_layout_line (flow->cr, line);
        }
      flow->y += line_height;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);

  flow->y += space_after;
}

/* A heading stays with the first @keep_with points of what follows it (all
 * of it when that fits on a page). */
static void
heading (Flow       *flow,
         const char *text,
         const char *font_name,
         double      keep_with)
{
  double needed = paragraph_height (flow, text, font_name, 4) +
                  MIN (keep_with, bottom (flow) - MARGIN - 40);

  if (flow->y + needed > bottom (flow) && flow->y > MARGIN)
    new_page (flow);
  paragraph (flow, text, font_name, 0.1, 4);
}

static void
rule (Flow *flow)
{
  if (flow->drawing)
    {
      cairo_set_source_rgb (flow->cr, 0.8, 0.8, 0.8);
      cairo_set_line_width (flow->cr, 0.5);
      cairo_move_to (flow->cr, MARGIN, flow->y);
      cairo_line_to (flow->cr, flow->width - MARGIN, flow->y);
      cairo_stroke (flow->cr);
    }
  flow->y += 10;
}

static void
chart (Flow                    *flow,
       const YsReportWorkflow  *w)
{
  g_autoptr(YsChartData) data = ys_chart_data_new (YS_CHART_AXIS_DURATION);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Sans 7");
  YsColor ink = { 0.15, 0.15, 0.15, 1 };
  YsColor blue = { 0.11, 0.44, 0.85, 1 };
  double height = flow->chart_height;
  g_autofree double *x = g_new (double, MAX (w->weeks->len, 1));
  g_autofree double *y = g_new (double, MAX (w->weeks->len, 1));

  for (int mode = 0; mode < 2; mode++)
    {
      guint n = 0;

      for (guint i = 0; i < w->weeks->len; i++)
        {
          const YsWeek *week = &g_array_index (w->weeks, YsWeek, i);

          if (week->runs[mode] == 0)
            continue;
          x[n] = g_date_get_julian (&week->monday);
          y[n] = week->median_seconds[mode];
          n++;
        }
      if (n > 0)
        ys_chart_data_add_series (data, mode ? _("With AI") : _("Without AI"),
                                  mode ? YS_CHART_STYLE_SOLID_CIRCLES
                                       : YS_CHART_STYLE_DASHED_SQUARES, x, y, n);
    }
  if (!isnan (w->figures->without_ai.median_seconds))
    ys_chart_data_add_reference (data, w->figures->without_ai.median_seconds,
                                 _("Median without AI"));

  /* The chart's own legend sits above its plot. */
  height += ys_chart_data_legend_height (data, flow->width - 2 * MARGIN, font);
  heading (flow, _("Weekly median time"), FONT_CAPTION, height);
  if (flow->drawing)
    {
      cairo_save (flow->cr);
      cairo_translate (flow->cr, MARGIN, flow->y);
      ys_chart_draw (data, flow->cr, flow->width - 2 * MARGIN, height, &ink, &blue, NAN, font);
      cairo_restore (flow->cr);
    }
  flow->y += height + 12;
}

/* The forest plot (the ratio with its interval, all runs and the fair
 * test's, 1.0 marked). The fair test's counts are under Activities. */
static void
interval_chart (Flow                   *flow,
                const YsReportWorkflow *w)
{
  g_autoptr(YsChartData) data = ys_chart_data_new (YS_CHART_AXIS_RATIO);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Sans 7");
  YsColor ink = { 0.15, 0.15, 0.15, 1 };
  YsColor blue = { 0.11, 0.44, 0.85, 1 };
  const YsRatioChange *changes[2];
  char *labels[2];
  guint n = ys_wording_interval_rows (w->figures, changes, labels);
  double width = MIN (flow->width - 2 * MARGIN, 360);
  double height;

  if (n == 0)
    return;
  for (guint i = 0; i < n; i++)
    {
      ys_chart_data_add_interval (data, labels[i], changes[i]->ratio, changes[i]->low,
                                  changes[i]->high);
      g_free (labels[i]);
    }
  ys_chart_data_add_reference (data, 1.0, _("Same time (1.0)"));

  height = ys_chart_data_intervals_height (data, width, font);
  heading (flow, _("Time with AI as a share of without"), FONT_CAPTION, height);
  if (flow->drawing)
    {
      cairo_save (flow->cr);
      cairo_translate (flow->cr, MARGIN, flow->y);
      ys_chart_draw (data, flow->cr, width, height, &ink, &blue, NAN, font);
      cairo_restore (flow->cr);
    }
  flow->y += height + 10;
}

static void
review_answer (Flow       *flow,
               const char *question,
               const char *answer)
{
  const char *text = answer && *answer ? answer : _("No answer yet.");

  /* At least two lines of the answer under its question. */
  heading (flow, question, FONT_SMALL_HEADING,
           MIN (paragraph_height (flow, text, FONT_BODY, 0), 30));
  paragraph (flow, text, FONT_BODY, 0.1, 10);
}

static void
bullet_list (Flow       *flow,
             const char *title,
             GPtrArray  *lines)
{
  g_autoptr(GPtrArray) bullets = g_ptr_array_new_with_free_func (g_free);
  double list = 0;

  if (lines->len == 0)
    return;

  for (guint t = 0; t < lines->len; t++)
    {
      char *bullet = g_strconcat (BULLET, g_ptr_array_index (lines, t), NULL);

      list += paragraph_height (flow, bullet, FONT_BODY, 2);
      g_ptr_array_add (bullets, bullet);
    }

  /* The heading and its whole list move to the next page together, so no
   * bullet is stranded at the top of one. */
  if (title != NULL)
    heading (flow, title, FONT_SMALL_HEADING, list);
  for (guint t = 0; t < bullets->len; t++)
    paragraph (flow, g_ptr_array_index (bullets, t), FONT_BODY, 0.2, 2);
  flow->y += 4;
}

/* The rule and title of a section. */
static double
section_title_height (Flow            *flow,
                      YsReportSection  which)
{
  return 10 + paragraph_height (flow, ys_report_section_title (which), FONT_HEADING, 4);
}

/* A section of the outcomes report: a rule, then its title, kept with the
 * first @keep_with points of what follows (as much of them as a page holds
 * under the title). */
static void
section (Flow            *flow,
         YsReportSection  which,
         double           keep_with)
{
  const char *title = ys_report_section_title (which);
  double title_height = section_title_height (flow, which);
  double needed = title_height + MIN (keep_with, bottom (flow) - MARGIN - title_height);

  /* The rule goes with its title, never alone at the foot of a page. */
  if (flow->y + needed > bottom (flow) && flow->y > MARGIN)
    new_page (flow);
  rule (flow);
  heading (flow, title, FONT_HEADING, 0);
}

/* Outputs: one row per workflow, its name wrapping in the first column and
 * the two counts right-aligned in the others. */
#define COUNT_COLUMN 100

static void
table_row (Flow       *flow,
           const char *name,
           const char *left,
           const char *right,
           const char *font_name,
           double      gray)
{
  PangoLayout *cells[3];
  const char *texts[] = { name, left, right };
  double height = 0;

  /* A cell wraps within its column; the row is as tall as its tallest. */
  for (guint i = 0; i < 3; i++)
    {
      PangoRectangle logical;

      cells[i] = text_layout (flow, texts[i], font_name);
      pango_layout_set_width (cells[i], (int) ((i == 0 ? flow->width - 2 * MARGIN - 2 * COUNT_COLUMN
                                                       : COUNT_COLUMN - 8) * PANGO_SCALE));
      if (i > 0)
        pango_layout_set_alignment (cells[i], PANGO_ALIGN_RIGHT);
      pango_layout_get_extents (cells[i], NULL, &logical);
      height = MAX (height, (double) logical.height / PANGO_SCALE);
    }
  if (flow->y + height > bottom (flow))
    new_page (flow);

  for (guint i = 0; i < 3; i++)
    {
      if (flow->drawing)
        {
          cairo_set_source_rgb (flow->cr, gray, gray, gray);
          cairo_move_to (flow->cr, i == 0 ? MARGIN
                                          : flow->width - MARGIN - (3 - i) * COUNT_COLUMN + 8,
                         flow->y);
          pango_cairo_show_layout (flow->cr, cells[i]);
        }
      g_object_unref (cells[i]);
    }
  flow->y += height + 3;
}

static void
outputs_table (Flow           *flow,
               const YsReport *report)
{
  g_autofree char *without_total = g_strdup_printf ("%u", ys_report_total_runs (report,
                                                                              YS_MODE_WITHOUT_AI));
  g_autofree char *with_total = g_strdup_printf ("%u", ys_report_total_runs (report,
                                                                           YS_MODE_WITH_AI));

  table_row (flow, _("Workflow"), _("Without AI"), _("With AI"), FONT_SMALL_HEADING, 0.1);
  for (guint i = 0; i < report->workflows->len; i++)
    {
      YsReportWorkflow *w = g_ptr_array_index (report->workflows, i);
      g_autofree char *without = g_strdup_printf ("%u", w->figures->without_ai.runs);
      g_autofree char *with = g_strdup_printf ("%u", w->figures->with_ai.runs);

      table_row (flow, w->name, without, with, FONT_BODY, 0.15);
    }
  table_row (flow, _("All workflows"), without_total, with_total, FONT_SMALL_HEADING, 0.1);
  flow->y += 8;
}

/* Outputs: the table stays with its title, and whole when it fits a page. */
static void
outputs (Flow           *flow,
         const YsReport *report)
{
  Flow dry = *flow;

  dry.drawing = FALSE;
  dry.y = MARGIN;
  dry.page = 1;
  outputs_table (&dry, report);
  section (flow, YS_REPORT_SECTION_OUTPUTS, dry.page == 1 ? dry.y - MARGIN : 60);
  outputs_table (flow, report);
}

/* One workflow's outcomes: its headline, figures, tools and chart. */
static void
workflow_outcomes (Flow                   *flow,
                   const YsReportWorkflow *w)
{
  YsWorkflowFigures *f = w->figures;
  g_autofree char *medians = NULL;
  g_autofree char *before = f->without_ai.runs
    ? ys_duration_format_approx ((gint64) llround (f->without_ai.median_seconds)) : NULL;
  g_autofree char *after = f->with_ai.runs
    ? ys_duration_format_approx ((gint64) llround (f->with_ai.median_seconds)) : NULL;

  heading (flow, w->name, FONT_SUBHEADING,
           paragraph_height (flow, w->evidence, FONT_CAPTION, 2) +
           paragraph_height (flow, w->finding, FONT_LEAD, 8));
  paragraph (flow, w->evidence, FONT_CAPTION, 0.4, 2);
  paragraph (flow, w->finding, FONT_LEAD, 0.05, 8);

  medians = g_strdup_printf (_("Median time without AI: %s (%u runs). With AI: %s (%u runs)."),
                             before ? before : "—", f->without_ai.runs,
                             after ? after : "—", f->with_ai.runs);
  paragraph (flow, medians, FONT_BODY, 0.15, 3);
  interval_chart (flow, w);
  if (w->time_saved != NULL)
    paragraph (flow, w->time_saved, FONT_BODY, 0.15, 3);
  paragraph (flow, w->corrections, FONT_BODY, 0.15, 3);
  if (w->correction_trend != NULL)
    paragraph (flow, w->correction_trend, FONT_BODY, 0.15, 3);
  paragraph (flow, w->used, FONT_BODY, 0.15, w->imported ? 3 : 6);
  if (w->imported != NULL)
    paragraph (flow, w->imported, FONT_BODY, 0.15, 6);

  bullet_list (flow, _("Tools"), w->tool_lines);

  if (w->weeks->len > 0)
    chart (flow, w);
  flow->y += 6;
}

/* The height of a workflow's outcomes with a weekly chart @chart_height
 * tall, laid out on a page with no end. */
static double
workflow_height (Flow                   *flow,
                 const YsReportWorkflow *w,
                 double                  chart_height)
{
  Flow dry = *flow;

  dry.drawing = FALSE;
  dry.y = MARGIN;
  dry.page = 1;
  dry.height = G_MAXINT;
  dry.chart_height = chart_height;
  workflow_outcomes (&dry, w);
  return dry.y - MARGIN;
}

/* The weekly chart's height that keeps a workflow's outcomes within @room
 * points: the usual one, else less, down to CHART_MIN_HEIGHT. */
static double
fitting_chart_height (Flow                   *flow,
                      const YsReportWorkflow *w,
                      double                  room)
{
  double height = workflow_height (flow, w, CHART_HEIGHT);

  if (height <= room)
    return CHART_HEIGHT;
  return MAX (CHART_MIN_HEIGHT, floor (CHART_HEIGHT - (height - room)));
}

static void
layout_report (Flow           *flow,
               const YsReport *report)
{
  const YsReportCosts *costs = report->costs;
  g_autoptr(GPtrArray) activities = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) notices = g_ptr_array_new_with_free_func (g_free);
  const char *working = ys_report_review_answer (report, 0);

  flow->page = 1;
  flow->y = MARGIN;

  paragraph (flow, report->title, FONT_TITLE, 0.05, 4);
  paragraph (flow, report->period, FONT_PERIOD, 0.35, 16);

  /* What it cost and what it returned */
  section (flow, YS_REPORT_SECTION_COSTS, paragraph_height (flow, costs->tools_cost, FONT_LEAD, 6));
  paragraph (flow, costs->tools_cost, FONT_LEAD, 0.05, 6);
  if (costs->no_claim != NULL)
    paragraph (flow, costs->no_claim, FONT_LEAD, 0.05, 6);
  bullet_list (flow, NULL, costs->returns);
  if (costs->cost_per_hour != NULL)
    paragraph (flow, costs->cost_per_hour, FONT_LEAD, 0.05, 6);
  if (costs->value != NULL)
    paragraph (flow, costs->value, FONT_BODY, 0.15, 6);

  /* 1. Inputs */
  section (flow, YS_REPORT_SECTION_INPUTS, 40);
  if (costs->tool_lines->len == 0)
    paragraph (flow, _("No tools are listed."), FONT_BODY, 0.1, 8);
  bullet_list (flow, NULL, costs->tool_lines);

  /* 2. Activities */
  section (flow, YS_REPORT_SECTION_ACTIVITIES, 40);
  if (report->workflows->len == 0)
    paragraph (flow, _("No workflows were measured in this period."), FONT_BODY, 0.1, 8);
  for (guint i = 0; i < report->workflows->len; i++)
    {
      YsReportWorkflow *w = g_ptr_array_index (report->workflows, i);

      /* TRANSLATORS: a workflow and how it was measured, in the report's Activities */
      g_ptr_array_add (activities, g_strdup_printf (_("%s: %s"), w->name, w->activity));
    }
  bullet_list (flow, NULL, activities);
  for (guint i = 0; i < report->activities->len; i++)
    paragraph (flow, g_ptr_array_index (report->activities, i), FONT_BODY, 0.15, 6);

  /* 3. Outputs */
  if (report->workflows->len > 0)
    outputs (flow, report);

  /* 4. Outcomes: each workflow on one page at most, never split. */
  if (report->workflows->len > 0)
    {
      /* The first workflow fits on a page under the section's title, so
       * that the title is never left alone above it. */
      YsReportWorkflow *first = g_ptr_array_index (report->workflows, 0);
      double room = bottom (flow) - MARGIN - section_title_height (flow,
                                                                   YS_REPORT_SECTION_OUTCOMES);

      flow->chart_height = fitting_chart_height (flow, first, room);
      section (flow, YS_REPORT_SECTION_OUTCOMES,
               workflow_height (flow, first, flow->chart_height));
    }
  else if (working != NULL)
    section (flow, YS_REPORT_SECTION_OUTCOMES, 60);
  for (guint i = 0; i < report->workflows->len; i++)
    {
      YsReportWorkflow *w = g_ptr_array_index (report->workflows, i);
      double height;

      if (i > 0)
        flow->chart_height = fitting_chart_height (flow, w, bottom (flow) - MARGIN);
      height = workflow_height (flow, w, flow->chart_height);
      if (flow->y + height > bottom (flow) && flow->y > MARGIN &&
          height <= bottom (flow) - MARGIN)
        new_page (flow);
      workflow_outcomes (flow, w);
    }
  if (working != NULL)
    review_answer (flow, ys_report_review_question (0), working);

  /* 5. What is not working */
  section (flow, YS_REPORT_SECTION_NOT_WORKING, 40);
  for (guint i = 0; i < report->workflows->len; i++)
    {
      YsReportWorkflow *w = g_ptr_array_index (report->workflows, i);

      if (w->loss != NULL)
        g_ptr_array_add (notices, g_strdup (w->loss));
    }
  for (guint i = 0; i < report->workflows->len; i++)
    {
      YsReportWorkflow *w = g_ptr_array_index (report->workflows, i);

      for (guint d = 0; d < w->divergences->len; d++)
        g_ptr_array_add (notices, g_strdup_printf (_("Worth discussing: %s"),
                                                   (char *) g_ptr_array_index (w->divergences, d)));
    }
  bullet_list (flow, NULL, notices);
  if (report->has_review)
    {
      review_answer (flow, _("From the quarterly review"), report->review.not_working);
      review_answer (flow, ys_report_review_question (2), report->review.more_rework);
    }
  else
    paragraph (flow, _("No review was written for this period."), FONT_BODY, 0.1, 8);

  /* 6. Method */
  section (flow, YS_REPORT_SECTION_METHOD, 60);
  for (guint i = 0; i < report->method->len; i++)
    paragraph (flow, g_ptr_array_index (report->method, i), FONT_NOTE, 0.25, 5);

  footer (flow);
}

static cairo_status_t
write_to_stream (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  GOutputStream *stream = closure;

  return g_output_stream_write_all (stream, data, length, NULL, NULL, NULL)
    ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

static gboolean
write_pdf (GOutputStream  *stream,
           gpointer        user_data,
           GError        **error)
{
  const YsReport *report = user_data;
  cairo_surface_t *surface;
  cairo_status_t status;
  Flow flow = { 0 };

  paper_size (report->paper, &flow.width, &flow.height);

  /* First pass: count the pages on a PDF surface that writes nothing. A
   * recording surface measured text with other font options (hinted
   * metrics), so its lines broke elsewhere and the footers could say
   * "Page 4 of 5" in a report of four pages. */
  surface = cairo_pdf_surface_create_for_stream (NULL, NULL, flow.width, flow.height);
  flow.cr = cairo_create (surface);
  layout_report (&flow, report);
  flow.pages = flow.page;
  cairo_destroy (flow.cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);

  surface = cairo_pdf_surface_create_for_stream (write_to_stream, stream, flow.width, flow.height);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, report->title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Yardstick " PACKAGE_VERSION);
  flow.cr = cairo_create (surface);
  flow.drawing = TRUE;
  layout_report (&flow, report);
  cairo_show_page (flow.cr);
  cairo_destroy (flow.cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, YS_ERROR, YS_ERROR_DATABASE, "%s", cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}

gboolean
ys_report_write_pdf (const YsReport  *report,
                     const char      *path,
                     GError         **error)
{
  g_return_val_if_fail (report != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  return ys_file_write_atomically (path, write_pdf, (gpointer) report, error);
}

static gboolean
write_markdown (GOutputStream  *stream,
                gpointer        user_data,
                GError        **error)
{
  g_autofree char *text = ys_report_to_markdown (user_data);

  return g_output_stream_write_all (stream, text, strlen (text), NULL, NULL, error);
}

gboolean
ys_report_write_file (const YsReport  *report,
                      const char      *path,
                      GError         **error)
{
  g_return_val_if_fail (report != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (g_str_has_suffix (path, ".pdf") || g_str_has_suffix (path, ".PDF"))
    return ys_report_write_pdf (report, path, error);
  if (g_str_has_suffix (path, ".md") || g_str_has_suffix (path, ".MD"))
    return ys_file_write_atomically (path, write_markdown, (gpointer) report, error);

  g_set_error (error, YS_ERROR, YS_ERROR_INVALID,
               _("%s: the report is written as .pdf or .md; choose one of those endings."), path);
  return FALSE;
}
