/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#pragma once

#include <gtk/gtk.h>

#include "docket-record-item.h"

G_BEGIN_DECLS

#define DOCKET_TYPE_RECORD_ROW (docket_record_row_get_type ())

G_DECLARE_FINAL_TYPE (DocketRecordRow, docket_record_row, DOCKET, RECORD_ROW, GtkWidget)

GtkWidget *docket_record_row_new      (void);
void       docket_record_row_set_item (DocketRecordRow  *self,
                                       DocketRecordItem *item);

G_END_DECLS
