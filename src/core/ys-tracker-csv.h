/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Time entries from a time tracker's CSV export (FORMAT.md, "Time-tracker
 * history"), read whole or not at all. Nothing here touches the store. */

typedef enum
{
  YS_TRACKER_FORMAT_TOGGL,      /* Toggl Track, detailed report CSV */
  YS_TRACKER_FORMAT_CLOCKIFY,   /* Clockify, detailed report CSV */
  YS_TRACKER_FORMAT_KIMAI,      /* Kimai, timesheet export CSV */
  YS_TRACKER_FORMAT_HAMSTER,    /* Hamster, TSV export */
  YS_TRACKER_FORMAT_YARDSTICK,  /* yardstick --export-csv */
} YsTrackerFormat;

typedef enum
{
  YS_TRACKER_ENTRY_OK,          /* becomes a run */
  YS_TRACKER_ENTRY_TOO_SHORT,   /* under 1 second: skipped */
  YS_TRACKER_ENTRY_TOO_LONG,    /* over 604800 seconds (a week): skipped */
  YS_TRACKER_ENTRY_REPEATED,    /* the same run id as an earlier entry */
} YsTrackerEntryStatus;

/* One entry; never a person's name, e-mail or group.
 *
 * Its run id is the UUID v5, in the namespace YS_TRACKER_NAMESPACE, of the
 * format's key ("toggl", "clockify", "kimai", "hamster" or "yardstick"),
 * the start, the duration in seconds, the project and the description, each
 * followed by a line feed. The start is YYYY-MM-DDTHH:MM:SS on the tracker's
 * wall clock, as the export has it, so every computer gives an entry the
 * same id whatever its time zone; a Yardstick CSV's start adds its offset
 * (+HH:MM or -HH:MM). */
#define YS_TRACKER_NAMESPACE "7cd0be3e-5af3-4b11-8038-79e796c0be16"

typedef struct
{
  char                 *id;                /* the run's id (below) */
  GDateTime            *started_at;        /* the local zone (a tracker's wall clock), or
                                            * the offset a Yardstick CSV was written with */
  gint64                duration_seconds;
  char                 *project;           /* "" when none */
  char                 *description;       /* "" when none */
  GStrv                 tags;              /* never NULL */
  guint                 line;              /* where the entry's record starts */
  YsTrackerEntryStatus  status;
} YsTrackerEntry;

typedef struct
{
  char  *name;
  guint  count;
} YsTrackerCount;

/* What the "Bring in history" assistant shows about the entries that pass
 * a filter: projects and tags most used first. */
typedef struct
{
  YsTrackerFormat  format;
  guint            n_entries;      /* that become runs */
  guint            n_skipped;      /* under a second or over a week */
  guint            n_repeated;     /* same run id as another entry */
  GDate            first_day;      /* of the entries that become runs; */
  GDate            last_day;       /* cleared (invalid) when there are none */
  GPtrArray       *projects;       /* YsTrackerCount, "" for entries without one */
  GPtrArray       *tags;           /* YsTrackerCount */
} YsTrackerSummary;

typedef struct _YsTrackerCsv YsTrackerCsv;

/* "Toggl Track", "Clockify", "Kimai", "Hamster", "Yardstick CSV". */
const char           *ys_tracker_format_get_name  (YsTrackerFormat     format);

/* Reads and checks every record. Errors (YS_ERROR_INVALID) name
 * @display_name, the line and the column. */
YsTrackerCsv         *ys_tracker_csv_read         (GInputStream       *stream,
                                                   const char         *display_name,
                                                   GCancellable       *cancellable,
                                                   GError            **error);
/* @display_name NULL: @path. */
YsTrackerCsv         *ys_tracker_csv_read_file    (const char         *path,
                                                   const char         *display_name,
                                                   GCancellable       *cancellable,
                                                   GError            **error);
void                  ys_tracker_csv_free         (YsTrackerCsv       *csv);

YsTrackerFormat       ys_tracker_csv_get_format   (YsTrackerCsv       *csv);
/* Every entry of the file in order, skipped and repeated ones included. */
guint                 ys_tracker_csv_get_n_entries (YsTrackerCsv      *csv);
const YsTrackerEntry *ys_tracker_csv_get_entry    (YsTrackerCsv       *csv,
                                                   guint               index);

/* Does @entry's project, description or a tag contain @match, compared
 * case-insensitively? NULL or "" matches everything. */
gboolean              ys_tracker_csv_matches      (YsTrackerCsv       *csv,
                                                   guint               index,
                                                   const char         *match);
/* The entries that become runs and pass @match, in file order; borrowed
 * from @csv. */
GPtrArray            *ys_tracker_csv_filter       (YsTrackerCsv       *csv,
                                                   const char         *match);
YsTrackerSummary     *ys_tracker_csv_summarize    (YsTrackerCsv       *csv,
                                                   const char         *match);
void                  ys_tracker_summary_free     (YsTrackerSummary   *summary);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (YsTrackerCsv, ys_tracker_csv_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (YsTrackerSummary, ys_tracker_summary_free)

G_END_DECLS
