/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#pragma once

#include "docket-store.h"

G_BEGIN_DECLS

typedef struct _DocketStoreImport DocketStoreImport;

DocketStoreImport *docket_store_import_begin  (DocketStore             *store,
                                               const DocketCollection  *collection,
                                               DocketStoreInsertMode    mode,
                                               GError                 **error);
gboolean           docket_store_import_add    (DocketStoreImport       *self,
                                               GPtrArray               *records,
                                               GError                 **error);
gboolean           docket_store_import_save_collection (DocketStoreImport       *self,
                                                        const DocketCollection  *collection,
                                                        GError                 **error);
gboolean           docket_store_import_finish (DocketStoreImport       *self,
                                               GPtrArray               *persons,
                                               GPtrArray               *glossary,
                                               GPtrArray              **out_skipped_ids,
                                               GError                 **error);
void               docket_store_import_abort  (DocketStoreImport       *self);

G_END_DECLS
