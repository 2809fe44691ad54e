/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

/* Placeholder until the FRUS TEI reader lands. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "docket-tei-import.h"

DocketImportResult *
docket_tei_import_parse (const char            *display_name,
                    const char            *data,
                    gsize                  length,
                    GCancellable          *cancellable,
                    DocketImportProgress   progress,
                    gpointer               user_data,
                    GError               **error)
{
  g_set_error (error, DOCKET_IMPORT_ERROR, DOCKET_IMPORT_ERROR_NOT_RECOGNIZED,
               _("%s:1: FRUS TEI import is not available yet"), display_name);
  return NULL;
}
