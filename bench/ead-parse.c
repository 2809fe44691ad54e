/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

/* The EAD reader alone, without the catalog: reads FILE, builds the
 * collection and its records, and prints "RECORDS UNMAPPED". Used by
 * bench/ead-import.sh. */

#define G_LOG_DOMAIN "bench-ead-parse"

#include "config.h"

#include <stdio.h>

#include "docket-import.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DocketImportResult) result = NULL;

  if (argc != 2)
    {
      fprintf (stderr, "usage: %s FILE\n", argv[0]);
      return 2;
    }

  result = docket_import_file (argv[1], NULL, NULL, NULL, &error);
  if (result == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  printf ("%u %u\n", result->records->len, result->n_unmapped);
  return 0;
}
