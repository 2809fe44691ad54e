/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#pragma once

#include "docket-store.h"

G_BEGIN_DECLS

/* Prints record summaries as tab-separated lines (id, number, date,
 * heading) or as one JSON array, for `list` and `search`. */
typedef struct _DocketCliSummaryPrinter DocketCliSummaryPrinter;

DocketCliSummaryPrinter *docket_cli_summary_printer_new    (gboolean                   json);
void                     docket_cli_summary_printer_add    (DocketCliSummaryPrinter   *printer,
                                                            const DocketRecordSummary *summary);
void                     docket_cli_summary_printer_finish (DocketCliSummaryPrinter   *printer);
void                     docket_cli_summary_printer_free   (DocketCliSummaryPrinter   *printer);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DocketCliSummaryPrinter, docket_cli_summary_printer_free)

G_END_DECLS
