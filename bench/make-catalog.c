/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "bench-make-catalog"

#include "config.h"

#include <stdlib.h>

#include "docket-store.h"

/* Makes a catalog of N records for bench/window-startup.sh: each a short
 * memorandum with a heading, a date, two paragraphs and a footnote, stored
 * through the store in batches of 10,000 (one transaction each).
 *
 *   bench-make-catalog PATH N */

static DocketRecord *
make_record (guint i)
{
  static const char *months[] = { "January", "February", "March", "April", "May", "June", "July",
                                  "August", "September", "October", "November", "December" };
  DocketRecord *record = docket_record_new ();
  g_autofree char *id = g_strdup_printf ("bench-d%u", i);
  g_autofree char *number = g_strdup_printf ("%u", i);
  g_autofree char *heading = g_strdup_printf ("Memorandum From the Ambassador at Large to the Secretary of State, number %u", i);
  g_autofree char *date_text = g_strdup_printf ("Washington, %s %u, %u.", months[i % 12], 1 + i % 28, 1950 + i % 40);
  g_autofree char *date_from = g_strdup_printf ("%u-%02u-%02u", 1950 + i % 40, 1 + i % 12, 1 + i % 28);
  DocketBlock *paragraph;

  docket_record_set_id (record, id);
  docket_record_set (record, DOCKET_FIELD_NUMBER, number);
  docket_record_set (record, DOCKET_FIELD_HEADING, heading);
  docket_record_set (record, DOCKET_FIELD_SUBJECT, i % 2 ? "Possible Talks on a Settlement" : "Trade Negotiations");
  docket_record_set (record, DOCKET_FIELD_DATE_TEXT, date_text);
  docket_record_set (record, DOCKET_FIELD_DATE_FROM, date_from);
  docket_record_set (record, DOCKET_FIELD_CLASSIFICATION, i % 3 ? "Secret" : "Confidential");
  docket_record_add_block (record, docket_block_new (DOCKET_BLOCK_HEADING, heading));
  paragraph = docket_block_new (DOCKET_BLOCK_PARAGRAPH,
                                "Your meeting offers a unique opportunity for progress towards "
                                "negotiations for a peaceful settlement. Direct or indirect cooperation "
                                "is, I believe, essential to get talks going.");
  docket_block_add_anchor (paragraph, DOCKET_ANCHOR_FOOTNOTE, 40, "fn1");
  docket_record_add_block (record, paragraph);
  docket_record_add_block (record, docket_block_new (DOCKET_BLOCK_PARAGRAPH,
                                                     "There is undoubtedly a difference of opinion on this question."));
  docket_record_add_footnote (record, docket_footnote_new ("fn1", "1", DOCKET_FOOTNOTE_SOURCE,
                                                           "Source: Department of State, Central Files. Secret."));
  return record;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(DocketStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DocketCollection) collection = NULL;
  guint n;

  if (argc != 3)
    {
      g_printerr ("usage: %s PATH N\n", argv[0]);
      return 2;
    }
  n = (guint) strtoul (argv[2], NULL, 10);

  store = docket_store_open (argv[1], &error);
  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  collection = docket_collection_new ("bench", "A benchmark collection");
  for (guint start = 1; start <= n; start += 10000)
    {
      g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = start; i < start + 10000 && i <= n; i++)
        g_ptr_array_add (records, make_record (i));
      if (!docket_store_insert_records (store, collection, records,
                                        DOCKET_STORE_INSERT_FAIL_ON_EXISTING, NULL, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
    }
  return 0;
}
