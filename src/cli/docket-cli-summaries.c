/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "docket-cli"

#include "config.h"

#include <json-glib/json-glib.h>
#include <stdio.h>

#include "docket-cli-summaries.h"

#include "docket-cli-json.h"

struct _DocketCliSummaryPrinter
{
  gboolean     json;
  JsonBuilder *builder;
};

DocketCliSummaryPrinter *
docket_cli_summary_printer_new (gboolean json)
{
  DocketCliSummaryPrinter *printer = g_new0 (DocketCliSummaryPrinter, 1);

  printer->json = json;
  if (json)
    {
      printer->builder = json_builder_new ();
      json_builder_begin_array (printer->builder);
    }
  return printer;
}

void
docket_cli_summary_printer_add (DocketCliSummaryPrinter   *printer,
                                const DocketRecordSummary *summary)
{
  if (!printer->json)
    {
      printf ("%s\t%s\t%s\t%s\n", summary->id,
              summary->number != NULL ? summary->number : "",
              summary->date_from != NULL ? summary->date_from : "",
              docket_record_summary_get_label (summary) != NULL ? docket_record_summary_get_label (summary) : "");
      return;
    }

  json_builder_begin_object (printer->builder);
  docket_cli_json_add_string (printer->builder, "id", summary->id);
  docket_cli_json_add_string (printer->builder, "number", summary->number);
  docket_cli_json_add_string (printer->builder, "heading", summary->heading);
  docket_cli_json_add_string (printer->builder, "date", summary->date_text);
  docket_cli_json_add_string (printer->builder, "date_from", summary->date_from);
  docket_cli_json_add_string (printer->builder, "collection", summary->collection_id);
  docket_cli_json_add_string (printer->builder, "classification", summary->classification);
  docket_cli_json_add_string (printer->builder, "review_status", summary->review_status);
  json_builder_set_member_name (printer->builder, "version");
  json_builder_add_int_value (printer->builder, summary->version);
  json_builder_end_object (printer->builder);
}

void
docket_cli_summary_printer_finish (DocketCliSummaryPrinter *printer)
{
  if (!printer->json)
    return;

  json_builder_end_array (printer->builder);
  docket_cli_json_print (printer->builder);
}

void
docket_cli_summary_printer_free (DocketCliSummaryPrinter *printer)
{
  if (printer == NULL)
    return;
  g_clear_object (&printer->builder);
  g_free (printer);
}
