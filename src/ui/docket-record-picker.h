/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#pragma once

#include <gtk/gtk.h>

#include "docket-store.h"

G_BEGIN_DECLS

#define DOCKET_TYPE_RECORD_PICKER (docket_record_picker_get_type ())

G_DECLARE_FINAL_TYPE (DocketRecordPicker, docket_record_picker, DOCKET, RECORD_PICKER, GtkWindow)

DocketRecordPicker *docket_record_picker_new         (GtkWindow          *parent,
                                                      DocketStore        *store,
                                                      const char         *exclude_id);
void                docket_record_picker_set_search  (DocketRecordPicker *self,
                                                      const char         *text);
guint               docket_record_picker_get_n_results (DocketRecordPicker *self);
const char         *docket_record_picker_get_result  (DocketRecordPicker *self,
                                                      guint               index);
const char         *docket_record_picker_get_status  (DocketRecordPicker *self);
void                docket_record_picker_choose      (DocketRecordPicker *self,
                                                      guint               index);

G_END_DECLS
