/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "docket-cli"

#include "config.h"

#include <json-glib/json-glib.h>
#include <stdio.h>

#include "docket-cli-summaries.h"

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

static void
add_member (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
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
              summary->heading != NULL ? summary->heading : "");
      return;
    }

  json_builder_begin_object (printer->builder);
  add_member (printer->builder, "id", summary->id);
  add_member (printer->builder, "number", summary->number);
  add_member (printer->builder, "heading", summary->heading);
  add_member (printer->builder, "date", summary->date_text);
  add_member (printer->builder, "date_from", summary->date_from);
  add_member (printer->builder, "collection", summary->collection_id);
  add_member (printer->builder, "classification", summary->classification);
  add_member (printer->builder, "review_status", summary->review_status);
  json_builder_set_member_name (printer->builder, "version");
  json_builder_add_int_value (printer->builder, summary->version);
  json_builder_end_object (printer->builder);
}

void
docket_cli_summary_printer_finish (DocketCliSummaryPrinter *printer)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonGenerator) generator = NULL;
  g_autofree char *text = NULL;

  if (!printer->json)
    return;

  json_builder_end_array (printer->builder);
  root = json_builder_get_root (printer->builder);
  generator = json_generator_new ();
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, NULL);
  printf ("%s\n", text);
}

void
docket_cli_summary_printer_free (DocketCliSummaryPrinter *printer)
{
  if (printer == NULL)
    return;
  g_clear_object (&printer->builder);
  g_free (printer);
}
