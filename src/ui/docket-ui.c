/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "docket-ui"

#include "config.h"

#include <libxml/parser.h>

#include "docket-ui.h"

#include "docket-access-point-row.h"
#include "docket-agent-row.h"
#include "docket-document-view.h"
#include "docket-footnotes-pane.h"
#include "docket-metadata-editor.h"
#include "docket-record-filter.h"
#include "docket-record-row.h"
#include "docket-review-pane.h"
#include "docket-resources.h"

void
docket_ui_init (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      docket_register_resource ();

      /* libxml2 sets up its global state on first use and must do it in
       * this thread: imports and export checks parse in threads of their
       * own, perhaps two at once. */
      xmlInitParser ();

      /* Types named in templates must exist before the templates are parsed. */
      g_type_ensure (DOCKET_TYPE_ACCESS_POINT_ROW);
      g_type_ensure (DOCKET_TYPE_AGENT_ROW);
      g_type_ensure (DOCKET_TYPE_DOCUMENT_VIEW);
      g_type_ensure (DOCKET_TYPE_FOOTNOTES_PANE);
      g_type_ensure (DOCKET_TYPE_METADATA_EDITOR);
      g_type_ensure (DOCKET_TYPE_RECORD_FILTER);
      g_type_ensure (DOCKET_TYPE_RECORD_ROW);
      g_type_ensure (DOCKET_TYPE_REVIEW_PANE);

      g_once_init_leave (&initialized, 1);
    }
}

/**
 * docket_ui_load_summary:
 * @id: a record's identifier
 *
 * What a link or a citation shows of a record (its heading), read as the
 * record list reads it, without loading the whole record.
 *
 * Returns: (transfer full) (nullable): the record's summary, or %NULL
 *   when the catalog has no record @id
 */
DocketRecordSummary *
docket_ui_load_summary (DocketStore *store,
                        const char  *id)
{
  g_autoptr(GPtrArray) found = NULL;
  DocketStoreQuery query = { 0, };
  const char *ids[] = { id, NULL };

  g_return_val_if_fail (DOCKET_IS_STORE (store), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  query.ids = ids;
  found = docket_store_list_summaries (store, &query, 0, 1, NULL);
  if (found == NULL || found->len == 0)
    return NULL;
  return g_ptr_array_steal_index (found, 0);
}
