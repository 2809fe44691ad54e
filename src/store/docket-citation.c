/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "docket-citation"

#include "config.h"

#include "docket-citation.h"

G_DEFINE_BOXED_TYPE (DocketCitation, docket_citation,
                     docket_citation_copy, docket_citation_free)

/**
 * docket_citation_new:
 *
 * Returns: (transfer full): a new citation
 */
DocketCitation *
docket_citation_new (const char *record_id,
                     const char *footnote_id,
                     const char *footnote_n)
{
  DocketCitation *citation = g_new0 (DocketCitation, 1);

  citation->record_id = g_strdup (record_id);
  citation->footnote_id = g_strdup (footnote_id);
  citation->footnote_n = g_strdup (footnote_n);
  return citation;
}

/**
 * docket_citation_copy:
 *
 * Returns: (transfer full): a copy of @citation
 */
DocketCitation *
docket_citation_copy (const DocketCitation *citation)
{
  g_return_val_if_fail (citation != NULL, NULL);
  return docket_citation_new (citation->record_id, citation->footnote_id, citation->footnote_n);
}

void
docket_citation_free (DocketCitation *citation)
{
  if (citation == NULL)
    return;
  g_free (citation->record_id);
  g_free (citation->footnote_id);
  g_free (citation->footnote_n);
  g_free (citation);
}
