/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#pragma once

#include <gio/gio.h>

#include "docket-store.h"
#include "docket-record-item.h"

G_BEGIN_DECLS

#define DOCKET_TYPE_RECORD_LIST_MODEL (docket_record_list_model_get_type ())

G_DECLARE_FINAL_TYPE (DocketRecordListModel, docket_record_list_model, DOCKET, RECORD_LIST_MODEL, GObject)

DocketRecordListModel *docket_record_list_model_new       (DocketStore           *store);
DocketStore           *docket_record_list_model_get_store (DocketRecordListModel *self);
const char            *docket_record_list_model_get_text  (DocketRecordListModel *self);
gboolean               docket_record_list_model_set_text  (DocketRecordListModel *self,
                                                           const char            *text,
                                                           GError               **error);
DocketStoreSort        docket_record_list_model_get_sort  (DocketRecordListModel *self);
gboolean               docket_record_list_model_set_sort  (DocketRecordListModel *self,
                                                           DocketStoreSort        sort,
                                                           GError               **error);
gboolean               docket_record_list_model_reload    (DocketRecordListModel *self,
                                                           GError               **error);
gboolean               docket_record_list_model_refresh   (DocketRecordListModel *self,
                                                           GError               **error);
gboolean               docket_record_list_model_find_loaded (DocketRecordListModel *self,
                                                             const char            *id,
                                                             guint                 *out_position);
gboolean               docket_record_list_model_set_filter (DocketRecordListModel *self,
                                                            const char            *review_status,
                                                            const char            *classification,
                                                            const char * const    *ids,
                                                            GError               **error);
gboolean               docket_record_list_model_is_filtered (DocketRecordListModel *self);
gboolean               docket_record_list_model_update_record (DocketRecordListModel *self,
                                                               DocketRecord          *record,
                                                               guint                 *out_position);
guint                  docket_record_list_model_get_n_pages_loaded (DocketRecordListModel *self);
guint                  docket_record_list_model_get_n_pages_read   (DocketRecordListModel *self);

G_END_DECLS
