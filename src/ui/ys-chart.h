/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "ys-chart-draw.h"

G_BEGIN_DECLS

#define YS_TYPE_CHART (ys_chart_get_type ())
G_DECLARE_FINAL_TYPE (YsChart, ys_chart, YS, CHART, GtkWidget)

GtkWidget *ys_chart_new            (YsChartAxis   axis);
void       ys_chart_clear          (YsChart      *self);
/* @x: local dates as Julian days; @y: NAN points are gaps. */
void       ys_chart_add_series     (YsChart      *self,
                                    const char   *label,
                                    YsChartStyle  style,
                                    const double *x,
                                    const double *y,
                                    guint         n);
/* A share with the counts behind it, so that hovering shows them. */
void       ys_chart_add_share_series (YsChart    *self,
                                      const char *label,
                                      YsChartStyle style,
                                      const double *x,
                                      const guint *part,
                                      const guint *whole,
                                      guint        n);
/* Faint points, such as individual runs. */
void       ys_chart_add_points     (YsChart      *self,
                                    const double *x,
                                    const double *y,
                                    guint         n);
void       ys_chart_add_reference  (YsChart      *self,
                                    double        y,
                                    const char   *label);
/* A row of a forest plot (a YS_CHART_AXIS_RATIO chart): @low to @high
 * as a line, @estimate as a dot. */
void       ys_chart_add_interval   (YsChart      *self,
                                    const char   *label,
                                    double        estimate,
                                    double        low,
                                    double        high);
/* A bar per label instead of lines over time (feedback yes-share per tool);
 * @captions: the counts under each label ("3 of 4 say yes"), or NULL. */
void       ys_chart_set_bars       (YsChart      *self,
                                    const char  **labels,
                                    const double *values,
                                    const char  **captions,
                                    guint         n);
/* The sentence a screen reader hears: what the chart shows, in words. */
void       ys_chart_set_description (YsChart     *self,
                                     const char  *title,
                                     const char  *trend);
const char *ys_chart_get_description (YsChart    *self);
/* A sparkline: no axes, no labels. */
void       ys_chart_set_compact    (YsChart      *self,
                                    gboolean      compact);

G_END_DECLS
