/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * DocketRecordSummary:
 * @id: the record identifier
 * @number: the document number, or %NULL
 * @heading: the heading, or %NULL
 * @title: for a record without a heading (a finding aid's component), its
 *   title, which a list shows instead; else %NULL
 * @date_text: the date as written, or %NULL
 * @date_from: the normalized (ISO 8601) date, or %NULL
 * @review_status: the review status, or %NULL
 * @classification: the classification, or %NULL
 * @collection_id: the collection, or %NULL
 * @position: the record's place in its collection (catalog order)
 * @version: the record's version in the catalog
 *
 * The few fields a record list shows, read without loading whole records.
 */
typedef struct
{
  char   *id;
  char   *number;
  char   *heading;
  char   *title;
  char   *date_text;
  char   *date_from;
  char   *review_status;
  char   *classification;
  char   *collection_id;
  gint64  position;
  gint64  version;
} DocketRecordSummary;

#define DOCKET_TYPE_RECORD_SUMMARY (docket_record_summary_get_type ())

GType                docket_record_summary_get_type (void) G_GNUC_CONST;
DocketRecordSummary *docket_record_summary_new      (void);
DocketRecordSummary *docket_record_summary_copy     (const DocketRecordSummary *summary);
void                 docket_record_summary_free     (DocketRecordSummary       *summary);
const char          *docket_record_summary_get_label (const DocketRecordSummary *summary);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DocketRecordSummary, docket_record_summary_free)

G_END_DECLS
