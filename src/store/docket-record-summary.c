/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "docket-record-summary"

#include "config.h"

#include "docket-record-summary.h"

G_DEFINE_BOXED_TYPE (DocketRecordSummary, docket_record_summary,
                     docket_record_summary_copy, docket_record_summary_free)

/**
 * docket_record_summary_new:
 *
 * Returns: (transfer full): an empty summary
 */
DocketRecordSummary *
docket_record_summary_new (void)
{
  return g_new0 (DocketRecordSummary, 1);
}

/**
 * docket_record_summary_copy:
 *
 * Returns: (transfer full): a deep copy of @summary
 */
DocketRecordSummary *
docket_record_summary_copy (const DocketRecordSummary *summary)
{
  DocketRecordSummary *copy;

  g_return_val_if_fail (summary != NULL, NULL);

  copy = docket_record_summary_new ();
  copy->id = g_strdup (summary->id);
  copy->number = g_strdup (summary->number);
  copy->heading = g_strdup (summary->heading);
  copy->title = g_strdup (summary->title);
  copy->date_text = g_strdup (summary->date_text);
  copy->date_from = g_strdup (summary->date_from);
  copy->review_status = g_strdup (summary->review_status);
  copy->classification = g_strdup (summary->classification);
  copy->collection_id = g_strdup (summary->collection_id);
  copy->position = summary->position;
  copy->version = summary->version;
  return copy;
}

void
docket_record_summary_free (DocketRecordSummary *summary)
{
  if (summary == NULL)
    return;
  g_free (summary->id);
  g_free (summary->number);
  g_free (summary->heading);
  g_free (summary->title);
  g_free (summary->date_text);
  g_free (summary->date_from);
  g_free (summary->review_status);
  g_free (summary->classification);
  g_free (summary->collection_id);
  g_free (summary);
}

/**
 * docket_record_summary_get_label:
 *
 * What names the record in a list: its heading, or for a record without
 * one (a finding aid's component) its title.
 *
 * Returns: (nullable): the heading or the title, or %NULL without either
 */
const char *
docket_record_summary_get_label (const DocketRecordSummary *summary)
{
  g_return_val_if_fail (summary != NULL, NULL);
  return summary->heading != NULL ? summary->heading : summary->title;
}
