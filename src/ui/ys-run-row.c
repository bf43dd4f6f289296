/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "yardstick"

#include "config.h"

#include <glib/gi18n.h>

#include "ys-duration.h"
#include "ys-run-row.h"

struct _YsRunRow
{
  GtkBox parent_instance;

  GtkLabel *title_label;
  GtkLabel *subtitle_label;
  GtkLabel *assignment_label;
  GtkLabel *mode_label;
  GtkWidget *delete_button;
};

G_DEFINE_FINAL_TYPE (YsRunRow, ys_run_row, GTK_TYPE_BOX)

static char *
describe_run_details (YsRun *run)
{
  const YsRunFields *fields = ys_run_get_fields (run);
  g_autoptr(GDateTime) started = g_date_time_new_from_unix_local (fields->started_at);
  /* TRANSLATORS: date and time of a run, see g_date_time_format() */
  g_autofree char *when = g_date_time_format (started, _("%a %-d %b %Y, %H:%M"));
  g_autofree char *corrections = g_strdup_printf (ngettext ("%d correction", "%d corrections",
                                                            (gulong) fields->corrections),
                                                  (int) fields->corrections);
  const char *used;

  switch (fields->used)
    {
    case YS_USED_YES: used = _("used"); break;
    case YS_USED_NO: used = _("not used"); break;
    case YS_USED_UNKNOWN:
    default: used = _("use not yet known"); break;
    }

  return g_strdup_printf ("%s · %s · %s", when, corrections, used);
}

static void
ys_run_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), YS_TYPE_RUN_ROW);

  G_OBJECT_CLASS (ys_run_row_parent_class)->dispose (object);
}

static void
ys_run_row_class_init (YsRunRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ys_run_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ys-run-row.ui");
  gtk_widget_class_bind_template_child (widget_class, YsRunRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, YsRunRow, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, YsRunRow, assignment_label);
  gtk_widget_class_bind_template_child (widget_class, YsRunRow, mode_label);
  gtk_widget_class_bind_template_child (widget_class, YsRunRow, delete_button);
}

static void
ys_run_row_init (YsRunRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
ys_run_row_new (void)
{
  return g_object_new (YS_TYPE_RUN_ROW, NULL);
}

/* On a fair test, whether Yardstick drew the run's mode: quietly, beside
 * its time. A chosen run (the baseline, one logged by hand) says nothing. */
static void
show_assignment (YsRunRow     *self,
                 YsAssignment  assignment,
                 gboolean      fair_test)
{
  const char *label = NULL;
  const char *explained = NULL;

  if (fair_test && assignment == YS_ASSIGNMENT_DRAWN)
    {
      /* TRANSLATORS: beside a run's time in the run list: Yardstick drew its mode */
      label = C_("run", "Drawn");
      explained = _("Yardstick drew with or without AI for this run, and it was done that way.");
    }
  else if (fair_test && assignment == YS_ASSIGNMENT_OVERRIDDEN)
    {
      /* TRANSLATORS: beside a run's time in the run list: done the other way than drawn */
      label = C_("run", "Other way");
      explained = _("Yardstick drew with or without AI for this run, and it was done the other "
                    "way.");
    }

  gtk_widget_set_visible (GTK_WIDGET (self->assignment_label), label != NULL);
  gtk_label_set_label (self->assignment_label, label ? label : "");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->assignment_label), explained);
  if (explained != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                    explained, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

void
ys_run_row_set_run (YsRunRow *self,
                    YsRun    *run,
                    gboolean  fair_test)
{
  const YsRunFields *fields;
  g_autofree char *duration = NULL;
  g_autofree char *details = NULL;
  g_autofree char *accessible = NULL;
  const char *mode_text;

  g_return_if_fail (YS_IS_RUN_ROW (self));
  g_return_if_fail (YS_IS_RUN (run));

  fields = ys_run_get_fields (run);
  duration = ys_duration_format (fields->duration_seconds);
  details = describe_run_details (run);

  if (fields->mode == YS_MODE_WITH_AI)
    {
      mode_text = ys_run_get_tool_name (run) ? ys_run_get_tool_name (run) : _("With AI");
      gtk_widget_add_css_class (GTK_WIDGET (self->mode_label), "ys-with-ai");
    }
  else
    {
      mode_text = _("Without AI");
      gtk_widget_remove_css_class (GTK_WIDGET (self->mode_label), "ys-with-ai");
    }

  gtk_label_set_label (self->title_label, duration);
  gtk_label_set_label (self->subtitle_label, details);
  gtk_label_set_label (self->mode_label, mode_text);
  /* Room for a short tool name in full; a long one ellipsizes. */
  gtk_label_set_width_chars (self->mode_label, MIN (g_utf8_strlen (mode_text, -1), 12));
  /* Target before name: a name without its target would warn. */
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->delete_button),
                                    "s", ys_run_get_id (run));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->delete_button), "win.delete-run");

  accessible = fields->mode == YS_MODE_WITH_AI
    /* TRANSLATORS: accessible description of a run: duration, tool, details */
    ? g_strdup_printf (_("%s with %s, %s"), duration, mode_text, details)
    : g_strdup_printf (_("%s without AI, %s"), duration, details);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);
  show_assignment (self, fields->assignment, fair_test);
}
