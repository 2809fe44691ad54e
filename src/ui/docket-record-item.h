/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#pragma once

#include <glib-object.h>

#include "docket-record-summary.h"

G_BEGIN_DECLS

#define DOCKET_TYPE_RECORD_ITEM (docket_record_item_get_type ())

G_DECLARE_FINAL_TYPE (DocketRecordItem, docket_record_item, DOCKET, RECORD_ITEM, GObject)

DocketRecordItem *docket_record_item_new               (DocketRecordSummary *summary);
const char       *docket_record_item_get_id            (DocketRecordItem    *self);
const char       *docket_record_item_get_number        (DocketRecordItem    *self);
const char       *docket_record_item_get_heading       (DocketRecordItem    *self);
const char       *docket_record_item_get_label         (DocketRecordItem    *self);
const char       *docket_record_item_get_date          (DocketRecordItem    *self);
const char       *docket_record_item_get_review_status (DocketRecordItem    *self);
const char       *docket_record_item_get_collection_id (DocketRecordItem    *self);
gint64            docket_record_item_get_version       (DocketRecordItem    *self);
gboolean          docket_record_item_shows_same        (DocketRecordItem    *self,
                                                        DocketRecordItem    *other);

G_END_DECLS
