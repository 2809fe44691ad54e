/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#pragma once

#include "docket-import.h"
#include "docket-store.h"

G_BEGIN_DECLS

/**
 * DocketCatalogImportOptions:
 * @collection_id: (nullable): put the records in this collection (created
 *   if missing) and build their identifiers from it (`frus1964-68v05` +
 *   `d206`); without it, a file that names no collection gets provisional,
 *   editable identifiers
 * @replace: refresh records that exist already (keeping their review
 *   status, with a revision per changed field) instead of skipping them
 */
typedef struct
{
  const char *collection_id;
  gboolean    replace;
} DocketCatalogImportOptions;

/**
 * DocketCatalogImportReport:
 * @path: the file
 * @collection_id: (nullable): the collection the records went into
 * @imported: (element-type utf8): identifiers of the records stored
 * @skipped: (element-type utf8): identifiers that existed already and were skipped
 * @n_unmapped: elements kept but not mapped (EAD)
 * @warnings: (element-type utf8): things to tell the user
 */
typedef struct
{
  char      *path;
  char      *collection_id;
  GPtrArray *imported;
  GPtrArray *skipped;
  guint      n_unmapped;
  GPtrArray *warnings;
} DocketCatalogImportReport;

void                       docket_catalog_import_report_free (DocketCatalogImportReport *report);

typedef struct _DocketCatalogImport DocketCatalogImport;

DocketCatalogImport       *docket_catalog_import_begin  (DocketStore                      *store,
                                                         const char                       *path,
                                                         const DocketCollection           *file_collection,
                                                         const DocketCatalogImportOptions *options,
                                                         GCancellable                     *cancellable,
                                                         GError                          **error);
gboolean                   docket_catalog_import_add    (DocketCatalogImport              *self,
                                                         GPtrArray                        *records,
                                                         GError                          **error);
DocketCatalogImportReport *docket_catalog_import_finish (DocketCatalogImport              *self,
                                                         DocketImportResult               *result,
                                                         GError                          **error);
void                       docket_catalog_import_abort  (DocketCatalogImport              *self);

DocketCatalogImportReport *docket_catalog_import_file   (DocketStore                      *store,
                                                         const char                       *path,
                                                         const DocketCatalogImportOptions *options,
                                                         GCancellable                     *cancellable,
                                                         DocketImportProgress              progress,
                                                         gpointer                          user_data,
                                                         GError                          **error);

/* Runs docket_catalog_import_file() in a GTask thread. @progress is called
 * in the thread-default main context of the caller. */
void                       docket_catalog_import_file_async  (DocketStore                      *store,
                                                              const char                       *path,
                                                              const DocketCatalogImportOptions *options,
                                                              GCancellable                     *cancellable,
                                                              DocketImportProgress              progress,
                                                              gpointer                          progress_data,
                                                              GAsyncReadyCallback               callback,
                                                              gpointer                          user_data);
DocketCatalogImportReport *docket_catalog_import_file_finish (DocketStore                      *store,
                                                              GAsyncResult                     *result,
                                                              GError                          **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DocketCatalogImportReport, docket_catalog_import_report_free)

G_END_DECLS
