/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#pragma once

#include "docket-import.h"

G_BEGIN_DECLS

void _docket_import_result_keep_document (DocketImportResult *result,
                                          gpointer            document,
                                          GDestroyNotify      document_free);

G_END_DECLS
