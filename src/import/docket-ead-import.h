/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#pragma once

#include "docket-import.h"

G_BEGIN_DECLS

DocketImportResult *docket_ead_import_parse (const char            *display_name,
                                             const char            *data,
                                             gsize                  length,
                                             GCancellable          *cancellable,
                                             DocketImportProgress   progress,
                                             DocketImportReady      ready,
                                             gpointer               user_data,
                                             GError               **error);

G_END_DECLS
