/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "yardstick"

#include "config.h"

#include <glib/gi18n.h>

#include "ys-application.h"
#include "ys-context.h"
#include "ys-duration.h"
#include "ys-form.h"
#include "ys-run-dialog.h"
#include "ys-timer-card.h"

/*
 * On a workflow with the fair test on, the idle card has a single Start:
 * the store draws the mode (ys-draw.h) in the transaction that starts the
 * timer, and the running card shows what it drew, from the timer's row in
 * the database, so a restart or a second window shows the same draw and
 * never draws again. "Do this one the other way" and "Back to the draw"
 * change the timer through the store, which saves the run as drawn or
 * overridden; the card never decides that.
 */

struct _YsTimerCard
{
  GtkWidget parent_instance;

  YsStore *store;
  char *workflow_id;
  YsTimer *timer;   /* the workflow's timer, or NULL */
  guint tick_id;

  GPtrArray *tool_ids;   /* beside the drop-down's names; NULL for "New Tool…" */
  GPtrArray *drawn_tool_ids;   /* the same for a drawn run's tool; "" for none yet */
  gboolean filling_drawn_tools;
  char *drawn_tools_for;   /* the timer's tool when the list was filled; "" for none */
  guint pick_tool_id;   /* the picked tool goes to the store from an idle */
  gboolean new_tool_for_timer;   /* the popover names the running timer's tool */
  GRand *random;   /* without the application (tests): the card's own */

  GtkStack *stack;
  GtkWidget *with_ai_box;
  GtkDropDown *tool_dropdown;
  GtkPopover *new_tool_popover;
  GtkWidget *new_tool_entry;
  GtkLabel *new_tool_error;
  GtkButton *new_tool_button;
  GtkWidget *draw_button;
  GtkWidget *draw_box;
  GtkLabel *draw_label;
  GtkLabel *override_label;
  GtkWidget *drawn_tool_box;
  GtkDropDown *drawn_tool_dropdown;
  GtkWidget *tool_hint;
  GtkWidget *other_way_box;
  GtkWidget *other_way_button;
  GtkWidget *back_button;
  GtkPopover *other_way_popover;
  GtkLabel *other_way_heading;
  GtkWidget *reason_entry;
  GtkLabel *reason_error;
  GtkLabel *elapsed_label;
  GtkLabel *detail_label;
  GtkButton *pause_button;
};

G_DEFINE_FINAL_TYPE (YsTimerCard, ys_timer_card, GTK_TYPE_WIDGET)

static void update (YsTimerCard *self);

static void
show_toast (YsTimerCard *self,
            AdwToast    *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

static void
show_error (YsTimerCard *self,
            GError      *error)
{
  show_toast (self, adw_toast_new (error->message));
}

static void
update_elapsed (YsTimerCard *self)
{
  g_autofree char *text = NULL;

  if (self->timer == NULL)
    return;

  text = ys_duration_format_clock (ys_timer_get_elapsed_seconds (self->timer,
                                                                 ys_store_now (self->store)));
  gtk_label_set_label (self->elapsed_label, text);
}

static gboolean
on_tick (gpointer user_data)
{
  update_elapsed (user_data);
  return G_SOURCE_CONTINUE;
}

/* Tick once a second only while a running timer is on screen. */
static void
update_ticking (YsTimerCard *self)
{
  gboolean want = self->timer != NULL && !ys_timer_is_paused (self->timer) &&
                  gtk_widget_get_mapped (GTK_WIDGET (self));

  if (want && self->tick_id == 0)
    self->tick_id = g_timeout_add_seconds (1, on_tick, self);
  else if (!want)
    g_clear_handle_id (&self->tick_id, g_source_remove);
}

static const char *
selected_tool_id (YsTimerCard *self)
{
  guint position = gtk_drop_down_get_selected (self->tool_dropdown);

  return position < self->tool_ids->len ? g_ptr_array_index (self->tool_ids, position) : NULL;
}

static void
select_tool (YsTimerCard *self,
             const char  *tool_id)
{
  for (guint i = 0; tool_id != NULL && i < self->tool_ids->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->tool_ids, i), tool_id) == 0)
      gtk_drop_down_set_selected (self->tool_dropdown, i);
}

static void
select_preferred_tool (YsTimerCard *self)
{
  g_autofree char *preferred = NULL;

  if (self->workflow_id == NULL)
    return;

  preferred = ys_form_preferred_tool_id (self->store, self->workflow_id);
  select_tool (self, preferred);
}

/* The same choices as Log Run's, "New Tool…" last; the choice stays. */
static void
fill_tools (YsTimerCard *self)
{
  g_autofree char *keep = g_strdup (self->tool_ids->len > 0 ? selected_tool_id (self) : NULL);
  g_autoptr(GtkStringList) names = NULL;
  guint position;

  names = ys_form_tool_choices (self->store, NULL, NULL, self->tool_ids, &position);
  gtk_drop_down_set_model (self->tool_dropdown, G_LIST_MODEL (names));
  if (keep != NULL)
    select_tool (self, keep);
  else
    select_preferred_tool (self);
}

/* A tool the team has, or NULL: a default from Preferences may name one
 * removed since, which the store would refuse. */
static char *
live_tool_id (YsTimerCard *self,
              char        *tool_id)
{
  GListModel *tools = ys_store_get_tools (self->store);

  for (guint i = 0; tool_id != NULL && i < g_list_model_get_n_items (tools); i++)
    {
      g_autoptr(YsTool) tool = g_list_model_get_item (tools, i);

      if (g_strcmp0 (ys_tool_get_id (tool), tool_id) == 0)
        return tool_id;
    }
  g_free (tool_id);
  return NULL;
}

/* The tool a run with AI starts with when Yardstick draws: the one used
 * last here, or the team's default. With neither the run waits for the
 * person to choose, rather than taking a tool nobody chose. */
static char *
tool_for_draw (YsTimerCard *self)
{
  return live_tool_id (self, ys_form_preferred_tool_id (self->store, self->workflow_id));
}

/* The application's random source (YARDSTICK_RANDOM_SEED seeds it), or in
 * a window without the application, the card's own, seeded the same way. */
static GRand *
get_random (YsTimerCard *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkApplication *application = GTK_IS_WINDOW (root) ? gtk_window_get_application (GTK_WINDOW (root))
                                                     : NULL;
  YsContext *context = YS_IS_APPLICATION (application)
                       ? ys_application_get_context (YS_APPLICATION (application)) : NULL;
  guint32 seed;

  if (context != NULL)
    return ys_context_get_random (context);
  if (self->random == NULL)
    {
      seed = ys_context_seed_from_environment ();
      self->random = seed != 0 ? g_rand_new_with_seed (seed) : g_rand_new ();
    }
  return self->random;
}

/* The tools for a drawn run with AI; "Choose a tool" first while it has
 * none (a draw with AI may start before the tool is known). */
static void
fill_drawn_tools (YsTimerCard *self)
{
  const char *tool_id = ys_timer_get_tool_id (self->timer);
  g_autoptr(GtkStringList) names = NULL;
  guint position;

  g_free (self->drawn_tools_for);
  self->drawn_tools_for = g_strdup (tool_id ? tool_id : "");
  names = ys_form_tool_choices (self->store, tool_id, NULL, self->drawn_tool_ids, &position);
  if (tool_id == NULL)
    {
      const char *choose[] = { _("Choose a tool"), NULL };

      gtk_string_list_splice (names, 0, 0, choose);
      g_ptr_array_insert (self->drawn_tool_ids, 0, g_strdup (""));
      position = 0;
    }

  self->filling_drawn_tools = TRUE;
  gtk_drop_down_set_model (self->drawn_tool_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->drawn_tool_dropdown, position);
  self->filling_drawn_tools = FALSE;
}

static void
update_draw (YsTimerCard *self)
{
  YsMode drawn = YS_MODE_WITHOUT_AI;
  gboolean is_drawn = self->timer != NULL && ys_timer_get_drawn_mode (self->timer, &drawn);
  gboolean overridden = is_drawn &&
                        ys_timer_get_assignment (self->timer) == YS_ASSIGNMENT_OVERRIDDEN;
  gboolean with_ai = is_drawn && ys_timer_get_mode (self->timer) == YS_MODE_WITH_AI;

  gtk_widget_set_visible (self->draw_box, is_drawn);
  gtk_widget_set_visible (self->other_way_box, is_drawn);
  if (!is_drawn)
    return;

  /* The mode being done, in words: after "the other way", the other one. */
  gtk_label_set_markup (self->draw_label, with_ai ? _("This run: <b>with AI</b>")
                                                  : _("This run: <b>without AI</b>"));
  gtk_widget_set_visible (GTK_WIDGET (self->override_label), overridden);
  if (overridden)
    {
      const char *reason = ys_timer_get_reason (self->timer);
      g_autofree char *text = NULL;

      text = g_strdup (drawn == YS_MODE_WITH_AI
                       ? _("Yardstick drew with AI; this run is done the other way.")
                       : _("Yardstick drew without AI; this run is done the other way."));
      if (reason != NULL && *reason != '\0')
        {
          g_autofree char *sentence = g_steal_pointer (&text);
          g_autofree char *because = g_strdup_printf (_("Reason: %s"), reason);

          text = g_strconcat (sentence, "\n", because, NULL);
        }
      gtk_label_set_label (self->override_label, text);
    }

  gtk_widget_set_visible (self->drawn_tool_box, with_ai);
  gtk_widget_set_visible (self->tool_hint, with_ai && ys_timer_get_tool_id (self->timer) == NULL);
  /* Filled again only when the list would change: not under the person's
   * pointer, nor inside the drop-down's own change. */
  if (with_ai && g_strcmp0 (self->drawn_tools_for, ys_timer_get_tool_id (self->timer)
                                                   ? ys_timer_get_tool_id (self->timer) : "") != 0)
    fill_drawn_tools (self);

  gtk_widget_set_visible (self->other_way_button, !overridden);
  gtk_widget_set_visible (self->back_button, overridden);
  gtk_label_set_label (self->other_way_heading,
                       drawn == YS_MODE_WITH_AI ? _("Do this run without AI instead?")
                                                : _("Do this run with AI instead?"));
}

static void
update (YsTimerCard *self)
{
  g_autoptr(YsWorkflow) workflow = NULL;
  gboolean fair_test = FALSE;
  gboolean idle, is_drawn, overridden, with_ai, needs_tool;

  g_clear_object (&self->timer);
  if (self->workflow_id != NULL)
    {
      self->timer = ys_store_get_timer (self->store, self->workflow_id);
      workflow = ys_store_get_workflow (self->store, self->workflow_id);
      fair_test = workflow != NULL && ys_workflow_get_fair_test (workflow);
    }
  idle = self->timer == NULL;
  is_drawn = !idle && ys_timer_get_drawn_mode (self->timer, NULL);
  overridden = is_drawn && ys_timer_get_assignment (self->timer) == YS_ASSIGNMENT_OVERRIDDEN;
  with_ai = !idle && ys_timer_get_mode (self->timer) == YS_MODE_WITH_AI;
  needs_tool = with_ai && ys_timer_get_tool_id (self->timer) == NULL;

  /* On a fair test the only start is the draw. With no tool yet, Start With
   * AI asks for one ("New Tool…"), and so does a drawn run with AI. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timer.start", idle && fair_test);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timer.start-with-ai", idle && !fair_test);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timer.start-without-ai", idle && !fair_test);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timer.start-new-tool",
                                 (idle && !fair_test) || (is_drawn && with_ai));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timer.other-way", is_drawn && !overridden);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timer.back-to-draw", overridden);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timer.pause-resume", !idle);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timer.finish", !idle && !needs_tool);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timer.discard", !idle);

  update_draw (self);

  if (self->timer == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, fair_test ? "idle-fair" : "idle");
    }
  else
    {
      g_autoptr(GDateTime) started =
        g_date_time_new_from_unix_local (ys_timer_get_started_at (self->timer) / G_USEC_PER_SEC);
      g_autofree char *at = g_date_time_format (started, "%H:%M");
      g_autofree char *detail = NULL;
      g_autofree char *tool_name = NULL;
      gboolean paused = ys_timer_is_paused (self->timer);

      for (guint i = 0; i < g_list_model_get_n_items (ys_store_get_tools (self->store)); i++)
        {
          g_autoptr(YsTool) tool = g_list_model_get_item (ys_store_get_tools (self->store), i);
          if (g_strcmp0 (ys_tool_get_id (tool), ys_timer_get_tool_id (self->timer)) == 0)
            tool_name = g_strdup (ys_tool_get_name (tool));
        }

      if (is_drawn)
        /* The mode is the heading above. */
        detail = g_strdup_printf (_("Started %s"), at);
      else if (ys_timer_get_mode (self->timer) == YS_MODE_WITH_AI)
        /* TRANSLATORS: "With ChatGPT · started 14:05" */
        detail = g_strdup_printf (_("With %s · started %s"), tool_name ? tool_name : _("AI"), at);
      else
        detail = g_strdup_printf (_("Without AI · started %s"), at);
      if (paused)
        {
          g_autofree char *running = g_steal_pointer (&detail);
          detail = g_strdup_printf (_("%s · paused"), running);
        }

      gtk_label_set_label (self->detail_label, detail);
      gtk_button_set_icon_name (self->pause_button, paused ? "media-playback-start-symbolic"
                                                           : "media-playback-pause-symbolic");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->pause_button),
                                   paused ? _("Resume Timer") : _("Pause Timer"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->pause_button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      paused ? _("Resume Timer") : _("Pause Timer"), -1);
      gtk_stack_set_visible_child_name (self->stack, "running");
      update_elapsed (self);
    }

  update_ticking (self);
}

static void
on_store_changed (YsTimerCard *self,
                  guint        changes,
                  YsStore     *store)
{
  if (changes & YS_STORE_CHANGE_TOOLS)
    {
      fill_tools (self);
      g_clear_pointer (&self->drawn_tools_for, g_free);
    }
  if (changes & (YS_STORE_CHANGE_TIMERS | YS_STORE_CHANGE_TOOLS | YS_STORE_CHANGE_WORKFLOWS))
    update (self);
  if (changes & YS_STORE_CHANGE_RUNS)
    select_preferred_tool (self);
}

/* Names a new tool, for a timer to start (beside Start With AI) or for the
 * running drawn one (beside its tool). */
static void
ask_new_tool (YsTimerCard *self,
              gboolean     for_timer)
{
  GtkWidget *popover = GTK_WIDGET (self->new_tool_popover);
  GtkWidget *parent = for_timer ? self->drawn_tool_box : self->with_ai_box;

  if (gtk_widget_get_parent (popover) != parent)
    {
      g_object_ref (popover);
      gtk_widget_unparent (popover);
      gtk_widget_set_parent (popover, parent);
      g_object_unref (popover);
    }
  self->new_tool_for_timer = for_timer;
  gtk_button_set_label (self->new_tool_button, for_timer ? _("_Add") : _("_Add and Start"));
  gtk_popover_popup (self->new_tool_popover);
  gtk_widget_grab_focus (self->new_tool_entry);
}

static void
draw_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  YsTimerCard *self = YS_TIMER_CARD (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *tool_id = NULL;
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  gboolean focus_here = focus != NULL && gtk_widget_is_ancestor (focus, widget);

  if (self->workflow_id == NULL)
    return;

  tool_id = tool_for_draw (self);
  if (!ys_store_start_drawn_timer (self->store, self->workflow_id, tool_id, get_random (self),
                                   NULL, &error))
    {
      show_error (self, error);
      return;
    }

  /* The store's "changed" has shown the draw; the next choice is whether
   * to keep it, so a keyboard user lands there rather than nowhere. */
  if (focus_here && gtk_widget_get_visible (self->other_way_button))
    gtk_widget_grab_focus (self->other_way_button);
}

static void
other_way_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  YsTimerCard *self = YS_TIMER_CARD (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *tool_id = NULL;
  YsMode drawn;

  if (self->timer == NULL || !ys_timer_get_drawn_mode (self->timer, &drawn))
    return;

  reason = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->reason_entry))));
  if (drawn == YS_MODE_WITHOUT_AI)
    tool_id = tool_for_draw (self);
  if (!ys_store_override_timer (self->store, self->workflow_id, TRUE, tool_id, reason, &error))
    {
      ys_form_show_error (self->reason_entry, self->reason_error, error->message);
      return;
    }

  ys_form_show_error (self->reason_entry, self->reason_error, NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->reason_entry), "");
  gtk_popover_popdown (self->other_way_popover);
  if (gtk_widget_get_visible (self->back_button))
    gtk_widget_grab_focus (self->back_button);
}

static void
back_to_draw_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  YsTimerCard *self = YS_TIMER_CARD (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *tool_id = NULL;
  YsMode drawn;

  if (self->timer == NULL || !ys_timer_get_drawn_mode (self->timer, &drawn))
    return;

  if (drawn == YS_MODE_WITH_AI)
    tool_id = tool_for_draw (self);
  if (!ys_store_override_timer (self->store, self->workflow_id, FALSE, tool_id, NULL, &error))
    show_error (self, error);
  else if (gtk_widget_get_visible (self->other_way_button))
    gtk_widget_grab_focus (self->other_way_button);
}

static void
on_reason_activate (YsTimerCard *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "timer.other-way", NULL);
}

static gboolean
pick_tool (gpointer user_data)
{
  YsTimerCard *self = user_data;
  g_autoptr(GError) error = NULL;
  guint position = gtk_drop_down_get_selected (self->drawn_tool_dropdown);
  const char *tool_id;

  self->pick_tool_id = 0;
  if (self->timer == NULL || position >= self->drawn_tool_ids->len)
    return G_SOURCE_REMOVE;

  tool_id = g_ptr_array_index (self->drawn_tool_ids, position);
  if (tool_id == NULL)
    ask_new_tool (self, TRUE);
  else if (*tool_id != '\0' &&
           g_strcmp0 (tool_id, ys_timer_get_tool_id (self->timer)) != 0 &&
           !ys_store_set_timer_tool (self->store, self->workflow_id, tool_id, &error))
    show_error (self, error);
  return G_SOURCE_REMOVE;
}

/* The store's change refills the list: not inside the drop-down's own
 * selection change (GTK 4.8 would use the list it replaced). */
static void
on_drawn_tool_selected (YsTimerCard *self)
{
  if (!self->filling_drawn_tools && self->pick_tool_id == 0)
    self->pick_tool_id = g_idle_add (pick_tool, self);
}

static void
start_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  YsTimerCard *self = YS_TIMER_CARD (widget);
  g_autoptr(GError) error = NULL;
  gboolean with_ai = g_str_equal (action_name, "timer.start-with-ai");
  const char *tool_id = with_ai ? selected_tool_id (self) : NULL;

  if (self->workflow_id == NULL)
    return;
  if (with_ai && tool_id == NULL)
    {
      ask_new_tool (self, FALSE);
      return;
    }

  if (!ys_store_start_timer (self->store, self->workflow_id,
                             with_ai ? YS_MODE_WITH_AI : YS_MODE_WITHOUT_AI, tool_id, &error))
    show_error (self, error);
}

typedef struct
{
  YsTimerCard *self;
  const char *name;
  char *tool_id;
} NewToolStart;

/* The tool and the timer together, or neither. */
static gboolean
start_with_new_tool (YsStore   *store,
                     gpointer   user_data,
                     GError   **error)
{
  NewToolStart *start = user_data;
  g_autoptr(YsTool) tool = ys_store_add_tool (store, start->name, error);

  if (tool == NULL)
    return FALSE;
  start->tool_id = g_strdup (ys_tool_get_id (tool));
  /* A drawn run with AI that was waiting for its tool gets it. */
  if (start->self->new_tool_for_timer)
    return ys_store_set_timer_tool (store, start->self->workflow_id, start->tool_id, error);
  return ys_store_start_timer (store, start->self->workflow_id, YS_MODE_WITH_AI, start->tool_id,
                               error);
}

static void
start_new_tool_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  YsTimerCard *self = YS_TIMER_CARD (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = ys_form_new_tool_name (self->new_tool_entry, self->new_tool_error);
  NewToolStart start = { self, name, NULL };

  if (self->workflow_id == NULL || name == NULL)
    {
      gtk_widget_grab_focus (self->new_tool_entry);
      return;
    }

  if (!ys_store_run_in_transaction (self->store, start_with_new_tool, &start, &error))
    {
      /* Say why where the name was typed (a name already taken, say). */
      ys_form_show_error (self->new_tool_entry, self->new_tool_error, error->message);
      return;
    }

  if (!self->new_tool_for_timer)
    select_tool (self, start.tool_id);
  g_free (start.tool_id);
  gtk_editable_set_text (GTK_EDITABLE (self->new_tool_entry), "");
  gtk_popover_popdown (self->new_tool_popover);
}

static void
on_tool_selected (YsTimerCard *self)
{
  /* Picking "New Tool…" asks for its name at once, as Log Run does. */
  if (self->tool_ids != NULL && self->tool_ids->len > 1 && selected_tool_id (self) == NULL &&
      gtk_widget_get_mapped (GTK_WIDGET (self)))
    ask_new_tool (self, FALSE);
}

static void
on_new_tool_changed (YsTimerCard *self)
{
  g_free (ys_form_new_tool_name (self->new_tool_entry, self->new_tool_error));
}

static void
on_new_tool_activate (YsTimerCard *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "timer.start-new-tool", NULL);
}

static void
on_new_tool_closed (YsTimerCard *self)
{
  /* Left without a name: back to the running timer's tool, or none. */
  if (self->new_tool_for_timer)
    {
      if (self->timer != NULL && ys_timer_get_mode (self->timer) == YS_MODE_WITH_AI)
        fill_drawn_tools (self);
      return;
    }

  /* Left without a name: back to a tool the team has, if there is one. */
  if (selected_tool_id (self) == NULL)
    select_preferred_tool (self);
  if (selected_tool_id (self) == NULL && self->tool_ids->len > 1)
    gtk_drop_down_set_selected (self->tool_dropdown, 0);
}

static void
pause_resume_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  YsTimerCard *self = YS_TIMER_CARD (widget);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (self->timer == NULL)
    return;

  if (ys_timer_is_paused (self->timer))
    ok = ys_store_resume_timer (self->store, self->workflow_id, &error);
  else
    ok = ys_store_pause_timer (self->store, self->workflow_id, &error);
  if (!ok)
    show_error (self, error);
}

static void
finish_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  YsTimerCard *self = YS_TIMER_CARD (widget);
  GtkRoot *root = gtk_widget_get_root (widget);

  if (self->timer == NULL)
    return;

  gtk_window_present (GTK_WINDOW (ys_run_dialog_new_for_timer (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                               self->store, self->timer)));
}

static void
on_undo_discard (AdwToast    *toast,
                 YsTimerCard *self)
{
  g_autoptr(GError) error = NULL;
  YsTimer *timer = g_object_get_data (G_OBJECT (toast), "timer");

  if (!ys_store_restore_timer (self->store, timer, &error))
    show_error (self, error);
}

static void
discard_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  YsTimerCard *self = YS_TIMER_CARD (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(YsTimer) timer = self->timer ? g_object_ref (self->timer) : NULL;
  AdwToast *toast;

  if (timer == NULL)
    return;

  if (!ys_store_discard_timer (self->store, self->workflow_id, &error))
    {
      show_error (self, error);
      return;
    }

  /* A drawn timer leaves its draw for the next start (ys-draw.h). */
  toast = adw_toast_new (ys_timer_get_drawn_mode (timer, NULL)
                         ? _("Timer discarded. The next run keeps this draw.")
                         : _("Timer discarded"));
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data_full (G_OBJECT (toast), "timer", g_object_ref (timer), g_object_unref);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_discard), self, 0);
  show_toast (self, toast);
}

static void
ys_timer_card_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (ys_timer_card_parent_class)->map (widget);
  update (YS_TIMER_CARD (widget));
}

static void
ys_timer_card_unmap (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (ys_timer_card_parent_class)->unmap (widget);
  update_ticking (YS_TIMER_CARD (widget));
}

static void
ys_timer_card_dispose (GObject *object)
{
  GtkWidget *child;
  YsTimerCard *self = (YsTimerCard *) object;

  g_clear_handle_id (&self->tick_id, g_source_remove);
  g_clear_handle_id (&self->pick_tool_id, g_source_remove);
  if (self->new_tool_popover != NULL)
    gtk_widget_unparent (GTK_WIDGET (self->new_tool_popover));
  self->new_tool_popover = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (self), YS_TYPE_TIMER_CARD);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (ys_timer_card_parent_class)->dispose (object);
}

static void
ys_timer_card_finalize (GObject *object)
{
  YsTimerCard *self = (YsTimerCard *) object;

  g_clear_object (&self->timer);
  g_clear_object (&self->store);
  g_clear_pointer (&self->workflow_id, g_free);
  g_clear_pointer (&self->tool_ids, g_ptr_array_unref);
  g_clear_pointer (&self->drawn_tool_ids, g_ptr_array_unref);
  g_clear_pointer (&self->drawn_tools_for, g_free);
  g_clear_pointer (&self->random, g_rand_free);

  G_OBJECT_CLASS (ys_timer_card_parent_class)->finalize (object);
}

/* GtkBinLayout reports a constant size, which would give the wrapped start
 * buttons the height of one line and let them overlap what follows. */
static GtkSizeRequestMode
ys_timer_card_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
ys_timer_card_class_init (YsTimerCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ys_timer_card_dispose;
  object_class->finalize = ys_timer_card_finalize;
  widget_class->map = ys_timer_card_map;
  widget_class->unmap = ys_timer_card_unmap;
  widget_class->get_request_mode = ys_timer_card_get_request_mode;

  g_type_ensure (YS_TYPE_TOOL);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ys-timer-card.ui");
  gtk_widget_class_bind_template_child (widget_class, YsTimerCard, stack);
  gtk_widget_class_bind_template_child (widget_class, YsTimerCard, with_ai_box);
  gtk_widget_class_bind_template_child (widget_class, YsTimerCard, tool_dropdown);
  gtk_widget_class_bind_template_child (widget_class, YsTimerCard, new_tool_popover);
  gtk_widget_class_bind_template_child (widget_class, YsTimerCard, new_tool_entry);
  gtk_widget_class_bind_template_child (widget_class, YsTimerCard, new_tool_error);
  gtk_widget_class_bind_template_child (widget_class, YsTimerCard, new_tool_button);
  gtk_widget_class_bind_template_child (widget_class, YsTimerCard, draw_button);
  gtk_widget_class_bind_template_child (widget_class, YsTimerCard, draw_box);
  gtk_widget_class_bind_template_child (widget_class, YsTimerCard, draw_label);
  gtk_widget_class_bind_template_child (widget_class, YsTimerCard, override_label);
  gtk_widget_class_bind_template_child (widget_class, YsTimerCard, drawn_tool_box);
  gtk_widget_class_bind_template_child (widget_class, YsTimerCard, drawn_tool_dropdown);
  gtk_widget_class_bind_template_child (widget_class, YsTimerCard, tool_hint);
  gtk_widget_class_bind_template_child (widget_class, YsTimerCard, other_way_box);
  gtk_widget_class_bind_template_child (widget_class, YsTimerCard, other_way_button);
  gtk_widget_class_bind_template_child (widget_class, YsTimerCard, back_button);
  gtk_widget_class_bind_template_child (widget_class, YsTimerCard, other_way_popover);
  gtk_widget_class_bind_template_child (widget_class, YsTimerCard, other_way_heading);
  gtk_widget_class_bind_template_child (widget_class, YsTimerCard, reason_entry);
  gtk_widget_class_bind_template_child (widget_class, YsTimerCard, reason_error);
  gtk_widget_class_bind_template_child (widget_class, YsTimerCard, elapsed_label);
  gtk_widget_class_bind_template_child (widget_class, YsTimerCard, detail_label);
  gtk_widget_class_bind_template_child (widget_class, YsTimerCard, pause_button);
  gtk_widget_class_bind_template_callback (widget_class, on_tool_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_new_tool_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_new_tool_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_new_tool_closed);
  gtk_widget_class_bind_template_callback (widget_class, on_drawn_tool_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_reason_activate);

  gtk_widget_class_install_action (widget_class, "timer.start", NULL, draw_action);
  gtk_widget_class_install_action (widget_class, "timer.other-way", NULL, other_way_action);
  gtk_widget_class_install_action (widget_class, "timer.back-to-draw", NULL, back_to_draw_action);
  gtk_widget_class_install_action (widget_class, "timer.start-without-ai", NULL, start_action);
  gtk_widget_class_install_action (widget_class, "timer.start-with-ai", NULL, start_action);
  gtk_widget_class_install_action (widget_class, "timer.start-new-tool", NULL,
                                   start_new_tool_action);
  gtk_widget_class_install_action (widget_class, "timer.pause-resume", NULL, pause_resume_action);
  gtk_widget_class_install_action (widget_class, "timer.finish", NULL, finish_action);
  gtk_widget_class_install_action (widget_class, "timer.discard", NULL, discard_action);
}

static void
ys_timer_card_init (YsTimerCard *self)
{
  self->tool_ids = g_ptr_array_new_with_free_func (g_free);
  self->drawn_tool_ids = g_ptr_array_new_with_free_func (g_free);
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_parent (GTK_WIDGET (self->new_tool_popover), self->with_ai_box);
}

GtkWidget *
ys_timer_card_new (YsStore *store)
{
  YsTimerCard *self;

  g_return_val_if_fail (YS_IS_STORE (store), NULL);

  self = g_object_new (YS_TYPE_TIMER_CARD, NULL);
  self->store = g_object_ref (store);
  fill_tools (self);
  g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed), self,
                           G_CONNECT_SWAPPED);
  update (self);
  return GTK_WIDGET (self);
}

void
ys_timer_card_set_workflow_id (YsTimerCard *self,
                               const char  *workflow_id)
{
  g_return_if_fail (YS_IS_TIMER_CARD (self));

  if (g_strcmp0 (self->workflow_id, workflow_id) == 0)
    return;

  g_free (self->workflow_id);
  self->workflow_id = g_strdup (workflow_id);
  select_preferred_tool (self);
  update (self);
}

const char *
ys_timer_card_get_workflow_id (YsTimerCard *self)
{
  g_return_val_if_fail (YS_IS_TIMER_CARD (self), NULL);
  return self->workflow_id;
}
