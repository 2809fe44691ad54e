/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * DocketStoreSort:
 * @DOCKET_STORE_SORT_CATALOG: catalog order: by collection, then by the
 *   position a record was given when it was added (import order)
 * @DOCKET_STORE_SORT_NUMBER: by document number, numerically ("9" before
 *   "10"); records without a number come last
 * @DOCKET_STORE_SORT_DATE: by the normalized date (date.from); undated
 *   records come last
 *
 * The order of docket_store_list_summaries(). Ties are broken by identifier.
 */
typedef enum
{
  DOCKET_STORE_SORT_CATALOG,
  DOCKET_STORE_SORT_NUMBER,
  DOCKET_STORE_SORT_DATE,
} DocketStoreSort;

/**
 * DocketStoreQuery:
 * @text: (nullable): words typed by the user; each must match (as a prefix)
 *   the heading, subject, title, body, footnotes or access points. Any text
 *   is safe here: it is never passed to FTS5 as query syntax.
 * @collection_id: (nullable): only records of this collection
 * @review_status: (nullable): only records with this review status;
 *   records without one count as "draft"
 * @classification: (nullable): only records whose classification is this
 *   (compared without regard to case)
 * @ids: (nullable) (array zero-terminated=1): only records whose identifier
 *   is one of these (such as the records a review check found problems in);
 *   an empty array matches no record
 * @sort: the order of the results
 *
 * A filter over the catalog. A zeroed struct (or %NULL where a query is
 * nullable) means "every record, in catalog order". The struct is only read
 * during the call; the store keeps no pointer to it.
 */
typedef struct
{
  const char      *text;
  const char      *collection_id;
  const char      *review_status;
  const char      *classification;
  const char * const *ids;
  DocketStoreSort  sort;
} DocketStoreQuery;

G_END_DECLS
