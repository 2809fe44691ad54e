/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#pragma once

#include "docket-import.h"

G_BEGIN_DECLS

/**
 * DocketImportQueueProgress:
 * @path: the file being read
 * @done: records read so far
 * @total: records in the file, or 0 when not known yet
 *
 * Called from the queue's reading thread.
 */
typedef void (*DocketImportQueueProgress) (const char *path,
                                           guint       done,
                                           guint       total,
                                           gpointer    user_data);

typedef struct _DocketImportQueue DocketImportQueue;

DocketImportQueue  *docket_import_queue_new  (const char * const        *paths,
                                              guint                      n_paths,
                                              DocketImportQueueProgress  progress,
                                              gpointer                   user_data);
GPtrArray          *docket_import_queue_next_records (DocketImportQueue       *self,
                                                      const DocketCollection **out_collection);
DocketImportResult *docket_import_queue_next (DocketImportQueue         *self,
                                              const char               **out_path,
                                              GError                   **error);
void                docket_import_queue_release (DocketImportQueue      *self,
                                                 DocketImportResult     *result);
void                docket_import_queue_free (DocketImportQueue         *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DocketImportQueue, docket_import_queue_free)

G_END_DECLS
