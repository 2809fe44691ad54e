/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

/* bench-tei-parse FILE [REPEAT]: runs the FRUS TEI reader (parse and
 * records, no catalog) on FILE and prints documents and seconds per run.
 * Used by bench/tei-import.sh; not a test. */

#define G_LOG_DOMAIN "bench-tei-parse"

#include "config.h"

#include <stdlib.h>

#include "docket-tei-import.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  guint repeat = argc > 2 ? (guint) atoi (argv[2]) : 1;
  guint documents = 0;
  gint64 start;
  gsize length;

  if (argc < 2 || repeat == 0)
    {
      g_printerr ("usage: %s FILE [REPEAT]\n", argv[0]);
      return 2;
    }

  start = g_get_monotonic_time ();
  for (guint i = 0; i < repeat; i++)
    {
      g_autoptr(DocketImportResult) result = NULL;

      g_clear_pointer (&data, g_free);
      if (!g_file_get_contents (argv[1], &data, &length, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      result = docket_tei_import_parse (argv[1], data, length, NULL, NULL, NULL, NULL, &error);
      if (result == NULL)
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      documents = result->records->len;
    }
  g_print ("%u %.6f\n", documents,
           (g_get_monotonic_time () - start) / 1e6 / repeat);
  return 0;
}
