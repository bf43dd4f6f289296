/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What ys-window.c and ys-window-actions.c share, as GNOME Text Editor's
 * editor-window-private.h does: the window's struct and the few calls
 * between the two files. Nothing else includes it. */

#include "ys-feedback-view.h"
#include "ys-figures-view.h"
#include "ys-timer-card.h"
#include "ys-window.h"
#include "ys-workflow.h"

G_BEGIN_DECLS

/* What the content side shows: a workflow's pages, or one of the pages
 * listed under the workflows in the sidebar. */
typedef enum
{
  YS_WINDOW_PAGE_WORKFLOW,
  YS_WINDOW_PAGE_OVERVIEW,
  YS_WINDOW_PAGE_REPORT,
  YS_WINDOW_PAGE_AWAITING,
} YsWindowPage;

struct _YsWindow
{
  AdwApplicationWindow parent_instance;

  YsStore *store;
  GSettings *settings;
  char *selected_id;
  GListModel *runs;

  /* The template's: the window, its banner for reads that fail and the
   * stack of its two pages. */
  AdwToastOverlay *toast_overlay;
  GtkStack *main_stack;
  GtkRevealer *read_error_revealer;
  GtkLabel *read_error_label;
  GMenuModel *primary_menu;

  /* ys-window-main.ui's, NULL until the page is built (_ys_window_ensure_main). */
  AdwLeaflet *leaflet;
  GtkWidget *log_run_button;
  GtkListBox *workflow_list;
  AdwViewSwitcherTitle *view_title;
  GtkWidget *workflow_heading;
  GtkLabel *workflow_name_label;
  GtkLabel *workflow_description_label;
  GtkRevealer *archived_revealer;
  GtkRevealer *sample_revealer;
  AdwWindowTitle *sidebar_title;
  GtkStack *content_stack;
  AdwBin *runs_slot;
  AdwViewStack *view_stack;
  AdwClamp *timer_clamp;
  AdwBin *feedback_slot;
  AdwBin *figures_slot;
  AdwBin *awaiting_slot;
  GtkListBox *extras_list;
  GtkListBoxRow *awaiting_row;
  GtkListBoxRow *overview_row;
  GtkListBoxRow *report_row;
  AdwBin *report_slot;
  AdwBin *overview_slot;
  GtkLabel *awaiting_badge;
  /* ys-window-runs.ui's, NULL until the Runs tab is first shown. */
  GtkStack *runs_stack;
  GtkSearchBar *search_bar;
  GtkSearchEntry *search_entry;
  GtkLabel *counts_label;
  GtkListView *run_list_view;
  /* Built with it, and the Feedback tab's on its first visit. */
  YsTimerCard *timer_card;
  YsFeedbackView *feedback_view;
  YsFiguresView *figures_view;
  guint awaiting_generation;     /* of the badge's latest count */
  guint tick_id;
  guint first_frame_id;
  gboolean first_frame_done;
  gboolean runs_fair_test;       /* the run rows say which runs were drawn */
  YsWindowPage page;
  GHashTable *history_imports;   /* toast key → YsTrackerImport, for Undo */
  guint history_serial;
};

YsWorkflow *_ys_window_dup_selected_workflow (YsWindow      *self);
void        _ys_window_class_actions_init    (YsWindowClass *klass);
void        _ys_window_ensure_main           (YsWindow      *self);
void        _ys_window_reveal_banner         (GtkRevealer   *revealer,
                                              gboolean       reveal);
void        _ys_window_actions_update        (YsWindow      *self,
                                              YsWorkflow    *workflow);
/* Merges @source_id into @target_id with an Undo toast (ys-window-actions.c). */
void        _ys_window_merge_workflows       (YsWindow      *self,
                                              const char    *source_id,
                                              const char    *target_id);

G_END_DECLS
