/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#pragma once

#include <gtk/gtk.h>

#include "docket-editable-row.h"
#include "docket-model.h"

G_BEGIN_DECLS

#define DOCKET_TYPE_ACCESS_POINT_ROW (docket_access_point_row_get_type ())

G_DECLARE_FINAL_TYPE (DocketAccessPointRow, docket_access_point_row, DOCKET, ACCESS_POINT_ROW, DocketEditableRow)

GtkWidget         *docket_access_point_row_new       (const DocketAccessPoint *point,
                                                      guint                    index);
DocketAccessPoint *docket_access_point_row_dup_point (DocketAccessPointRow    *self);

G_END_DECLS
