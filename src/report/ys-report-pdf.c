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
} Flow;

static void
paper_size (double *width,
            double *height)
{
  /* The locale's paper (glibc's LC_PAPER), else A4. */
  int mm_width = (int) (intptr_t) nl_langinfo (_NL_PAPER_WIDTH);
  int mm_height = (int) (intptr_t) nl_langinfo (_NL_PAPER_HEIGHT);

  if (mm_width == 216 && mm_height == 279)
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

/* Text that wraps at the margins and breaks across pages between lines. */
static void
paragraph (Flow       *flow,
           const char *text,
           const char *font_name,
           double      gray,
           double      space_after)
{
  g_autoptr(PangoLayout) layout = pango_cairo_create_layout (flow->cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (font_name);
  PangoLayoutIter *iter;

  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (int) ((flow->width - 2 * MARGIN) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (layout, text, -1);

  iter = pango_layout_get_iter (layout);
  do
    {
      PangoRectangle logical;
      PangoLayoutLine *line = pango_layout_iter_get_line_readonly (iter);
      double line_height, baseline_offset;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      line_height = (double) logical.height / PANGO_SCALE;
      baseline_offset = (double) (pango_layout_iter_get_baseline (iter) - logical.y) / PANGO_SCALE;

      if (flow->y + line_height > bottom (flow))
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

/* A heading stays with what follows it. */
static void
heading (Flow       *flow,
         const char *text,
         const char *font_name,
         double      keep_with)
{
  if (flow->y + keep_with > bottom (flow))
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
  double height = 150;
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

  heading (flow, _("Weekly median time (dashed squares without AI, solid circles with AI)"),
           "Sans Bold 8", height + 16);
  if (flow->y + height > bottom (flow))
    new_page (flow);
  if (flow->drawing)
    {
      cairo_save (flow->cr);
      cairo_translate (flow->cr, MARGIN, flow->y);
      ys_chart_draw (data, flow->cr, flow->width - 2 * MARGIN, height, &ink, &blue, NAN, font);
      cairo_restore (flow->cr);
    }
  flow->y += height + 12;
}

static void
review_answer (Flow       *flow,
               const char *question,
               const char *answer)
{
  heading (flow, question, "Sans Bold 10", 30);
  paragraph (flow, answer && *answer ? answer : _("No answer yet."), "Serif 10.5", 0.1, 10);
}

static void
layout_report (Flow           *flow,
               const YsReport *report)
{
  flow->page = 1;
  flow->y = MARGIN;

  paragraph (flow, report->title, "Sans Bold 20", 0.05, 4);
  paragraph (flow, report->period, "Sans 11", 0.35, 16);

  if (report->workflows->len == 0)
    paragraph (flow, _("No workflows were measured in this period."), "Serif 11", 0.1, 12);

  for (guint i = 0; i < report->workflows->len; i++)
    {
      YsReportWorkflow *w = g_ptr_array_index (report->workflows, i);
      YsWorkflowFigures *f = w->figures;
      g_autofree char *medians = NULL;
      g_autofree char *before = f->without_ai.runs
        ? ys_duration_format_approx ((gint64) llround (f->without_ai.median_seconds)) : NULL;
      g_autofree char *after = f->with_ai.runs
        ? ys_duration_format_approx ((gint64) llround (f->with_ai.median_seconds)) : NULL;

      rule (flow);
      heading (flow, w->name, "Sans Bold 14", 80);
      paragraph (flow, w->evidence, "Sans Bold 8", 0.4, 2);
      paragraph (flow, w->headline, "Serif 12", 0.05, 8);

      medians = g_strdup_printf (_("Median time without AI: %s (%u runs). With AI: %s (%u runs)."),
                                 before ? before : "—", f->without_ai.runs,
                                 after ? after : "—", f->with_ai.runs);
      paragraph (flow, medians, "Serif 10.5", 0.15, 3);
      paragraph (flow, w->time_saved, "Serif 10.5", 0.15, 3);
      paragraph (flow, w->corrections, "Serif 10.5", 0.15, 3);
      paragraph (flow, w->used, "Serif 10.5", 0.15, w->imported ? 3 : 6);
      if (w->imported != NULL)
        paragraph (flow, w->imported, "Serif 10.5", 0.15, 6);

      for (guint t = 0; t < w->tool_lines->len; t++)
        {
          g_autofree char *bullet = g_strdup_printf ("• %s", (char *) g_ptr_array_index (w->tool_lines, t));
          paragraph (flow, bullet, "Serif 10", 0.2, 2);
        }
      flow->y += 4;

      for (guint d = 0; d < w->divergences->len; d++)
        {
          g_autofree char *notice = g_strdup_printf (_("Worth discussing: %s"),
                                                     (char *) g_ptr_array_index (w->divergences, d));
          paragraph (flow, notice, "Sans Bold 10", 0.35, 6);
        }

      if (w->weeks->len > 0)
        chart (flow, w);
    }

  rule (flow);
  heading (flow, _("Quarterly review"), "Sans Bold 14", 60);
  if (report->has_review)
    {
      g_autofree char *coverage = report->review.coverage_percent >= 0
        ? g_strdup_printf (_("About %d%% of the team uses AI where it adds real value."),
                           report->review.coverage_percent)
        : g_strdup (_("How much of the team uses AI where it adds real value is not known."));

      paragraph (flow, coverage, "Serif 10.5", 0.1, 8);
      review_answer (flow, _("What changed how we work"), report->review.working);
      review_answer (flow, _("What is not working"), report->review.not_working);
      review_answer (flow, _("Where AI output needed more rework than starting from scratch"),
                     report->review.more_rework);
    }
  else
    paragraph (flow, _("No review was written for this period."), "Serif 10.5", 0.1, 8);

  rule (flow);
  heading (flow, _("How to read these figures"), "Sans Bold 12", 60);
  for (guint i = 0; i < report->method->len; i++)
    paragraph (flow, g_ptr_array_index (report->method, i), "Serif 9.5", 0.25, 5);

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

  paper_size (&flow.width, &flow.height);

  /* First pass: count the pages on a surface that draws nothing. */
  surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  flow.cr = cairo_create (surface);
  layout_report (&flow, report);
  flow.pages = flow.page;
  cairo_destroy (flow.cr);
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
