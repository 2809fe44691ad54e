/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "docket-ui"

#include "config.h"

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
