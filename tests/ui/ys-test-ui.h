/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/*
 * What the UI tests share: waiting for what a person would see, with a
 * timeout, instead of turning the main loop a fixed number of times (which
 * passes or fails with the machine's speed), and finding the widgets and
 * windows to act on.
 */

/* How long a wait may take before the test fails: long enough for a
 * sanitizer build on a busy machine, short enough to fail well within the
 * test's own time limit. */
#define YS_TEST_WAIT_MS 10000

typedef gboolean (*YsTestPredicate) (gpointer user_data);

/* Runs the default main context until @predicate returns TRUE or
 * @timeout_ms have passed; returns whether it holds. Looks again at least
 * every 20 ms, so a condition another thread or process makes true is
 * seen too. */
gboolean    ys_test_wait_for      (YsTestPredicate  predicate,
                                   gpointer         user_data,
                                   guint            timeout_ms);

typedef struct
{
  guint timeout_id;
  guint tick_id;
  gboolean timed_out;
} YsTestWait;

void        ys_test_wait_begin    (YsTestWait      *wait,
                                   guint            timeout_ms);
gboolean    ys_test_wait_next     (YsTestWait      *wait);
void        ys_test_wait_end      (YsTestWait      *wait,
                                   gboolean         holds,
                                   const char      *file,
                                   int              line,
                                   const char      *condition);

/* Runs the main loop until @condition holds, and fails the test at the
 * caller's line, naming the condition, when it does not within
 * YS_TEST_WAIT_MS. */
#define ys_test_wait_until(condition) \
  G_STMT_START { \
    YsTestWait ys_wait_; \
    gboolean ys_holds_; \
    ys_test_wait_begin (&ys_wait_, YS_TEST_WAIT_MS); \
    while (!(ys_holds_ = !!(condition)) && ys_test_wait_next (&ys_wait_)) \
      ; \
    ys_test_wait_end (&ys_wait_, ys_holds_, __FILE__, __LINE__, #condition); \
  } G_STMT_END

/* The template child @name of @widget, a @type, or the widget with that id
 * in a .ui file @widget builds later (the window's pages); fails the test
 * without it. */
GtkWidget  *ys_test_child         (gpointer         widget,
                                   GType            type,
                                   const char      *name);

/* The first toplevel window of @type, or NULL; the toplevel list holds it. */
GtkWindow  *ys_test_find_toplevel (GType            type);

/* Types @text into the editable template child @field of @widget. */
void        ys_test_set_text      (gpointer         widget,
                                   GType            type,
                                   const char      *field,
                                   const char      *text);

/* Destroys every toplevel window, waits until they are gone and runs what
 * their going left ready to run. */
void        ys_test_destroy_toplevels (void);

/* The innermost visible widget under @widget that needs more than @limit
 * px, for a failure that says what to fix; @widget when no child does. */
GtkWidget  *ys_test_widest_leaf   (GtkWidget       *widget,
                                   int              limit);

/* The button (Undo) of a toast shown in the "toast_overlay" of @window, a
 * widget of @type, or NULL while no toast with a button is shown. */
GtkWidget  *ys_test_toast_button  (gpointer         window,
                                   GType            type);

G_END_DECLS
