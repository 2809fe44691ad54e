/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#pragma once

#include <gtk/gtk.h>

#include "docket-record-list-model.h"

G_BEGIN_DECLS

#define DOCKET_TYPE_RECORD_FILTER (docket_record_filter_get_type ())

G_DECLARE_FINAL_TYPE (DocketRecordFilter, docket_record_filter, DOCKET, RECORD_FILTER, GtkWidget)

GtkWidget             *docket_record_filter_new                (void);
DocketRecordListModel *docket_record_filter_get_model          (DocketRecordFilter    *self);
void                   docket_record_filter_set_model          (DocketRecordFilter    *self,
                                                                DocketRecordListModel *model);
const char            *docket_record_filter_get_review_status  (DocketRecordFilter    *self);
void                   docket_record_filter_set_review_status  (DocketRecordFilter    *self,
                                                                const char            *review_status);
const char            *docket_record_filter_get_classification (DocketRecordFilter    *self);
void                   docket_record_filter_set_classification (DocketRecordFilter    *self,
                                                                const char            *classification);
gboolean               docket_record_filter_get_has_problems   (DocketRecordFilter    *self);
void                   docket_record_filter_set_has_problems   (DocketRecordFilter    *self,
                                                                gboolean               has_problems);
gboolean               docket_record_filter_get_busy           (DocketRecordFilter    *self);

/* For tests: the filter's inputs. */
GtkDropDown           *docket_record_filter_get_status_dropdown         (DocketRecordFilter *self);
GtkDropDown           *docket_record_filter_get_classification_dropdown (DocketRecordFilter *self);
GtkToggleButton       *docket_record_filter_get_problems_button         (DocketRecordFilter *self);

G_END_DECLS
