/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ys-stats.h"
#include "ys-store.h"
#include "ys-tracker-csv.h"

G_BEGIN_DECLS

/*
 * A time tracker's entries merged as runs (FORMAT.md, "Time-tracker
 * history"): each entry that passes the filter becomes a run of one
 * workflow and mode with its start and duration, no corrections, use
 * unknown, assignment "chosen" and source "tracker", under the entry's
 * name-based id. All or nothing, in one write transaction.
 *
 * An entry whose run is already there and visible is left as it is (the
 * team may have edited it since); one whose run was deleted, or whose
 * workflow was, is written again as the import says, so importing a file
 * always brings its entries in. Projects, descriptions and tags only
 * choose entries: none of them is stored.
 */

typedef struct
{
  /* The workflow: @workflow_id, or the one called @workflow_name (made
   * when there is none, archived when three are already active). */
  const char *workflow_id;
  const char *workflow_name;
  YsMode      mode;
  /* With AI: @tool_id, or the tool called @tool_name (made when there is
   * none). Without AI both are NULL. */
  const char *tool_id;
  const char *tool_name;
  /* Entries whose project, description or a tag contains it; NULL: all. */
  const char *match;
} YsTrackerImportOptions;

typedef struct
{
  YsTrackerFormat format;
  guint      matched;       /* entries that pass the filter and become runs */
  guint      added;         /* new runs */
  guint      restored;      /* runs deleted before, back again */
  guint      unchanged;     /* already there */
  guint      skipped;       /* under a second or over a week */
  guint      repeated;      /* the same entry twice in the file */
  char      *workflow_id;
  char      *workflow_name;
  gboolean   workflow_created;
  gboolean   workflow_archived;  /* made archived: three were active */
  char      *tool_id;       /* NULL without AI */
  char      *tool_name;
  gboolean   tool_created;
  GPtrArray *written;       /* ids of the runs added or restored: what Undo takes back */
} YsTrackerImport;

void      ys_tracker_import_clear    (YsTrackerImport               *result);
/* For Undo after the assistant has gone: a copy to keep. */
YsTrackerImport *ys_tracker_import_dup  (const YsTrackerImport      *result);
void      ys_tracker_import_free     (YsTrackerImport               *result);

gboolean  ys_tracker_import          (YsStore                       *store,
                                      YsTrackerCsv                  *csv,
                                      const YsTrackerImportOptions  *options,
                                      YsTrackerImport               *result,
                                      GError                       **error);

/* What the import would do and the workflow's figures over its whole
 * history as they would then be (@figures: free with ys_summary_free),
 * with nothing written: the import runs in a transaction that is rolled
 * back. */
gboolean  ys_tracker_import_preview  (YsStore                       *store,
                                      YsTrackerCsv                  *csv,
                                      const YsTrackerImportOptions  *options,
                                      YsTrackerImport               *result,
                                      YsSummary                    **figures,
                                      GError                       **error);

/* Undo: deletes the runs @result wrote, and the tool and workflow it made,
 * in one transaction. */
gboolean  ys_tracker_import_undo     (YsStore                       *store,
                                      const YsTrackerImport         *result,
                                      GError                       **error);

/* What an import did, in one sentence for the command line: "toggl.csv:
 * Toggl Track: 5 new runs of “Grant report” without AI, 2 already there;
 * 1 entry skipped (…)." */
char     *ys_tracker_import_describe (const YsTrackerImport         *result,
                                      const char                    *display_name);

/* What the "Bring in history" assistant says it recognised: "Toggl
 * Track, 412 entries, March to October 2026", and how many entries are
 * left out, for the whole file. */
char     *ys_tracker_describe_file   (YsTrackerCsv                  *csv);
/* "3 entries are left out: shorter than a second or longer than a week."
 * (and those in the file twice); NULL when none are. */
char     *ys_tracker_describe_left_out (YsTrackerCsv                *csv);
/* "38 entries match", or "All 412 entries" without a filter. */
char     *ys_tracker_describe_matches (YsTrackerCsv                 *csv,
                                       const char                   *match);
/* The toast after an import: "38 runs brought in from Toggl Track". */
char     *ys_tracker_import_toast    (const YsTrackerImport         *result);

/* What the figures page and the report say about the @imported of @runs
 * that came from a tracker's history; NULL when none did. */
char     *ys_tracker_imported_sentence (guint                     imported,
                                        guint                     runs);

/* How many of the runs of @workflow_id in the period (@from/@to NULL for
 * all time) came from a tracker's history. */
gboolean  ys_tracker_count_imported  (YsStore                       *store,
                                      const char                    *workflow_id,
                                      const GDate                   *from,
                                      const GDate                   *to,
                                      guint                         *count,
                                      GError                       **error);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (YsTrackerImport, ys_tracker_import_clear)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (YsTrackerImport, ys_tracker_import_free)

G_END_DECLS
