/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

/* A document imported from a TEI volume and rendered with `show --text`
 * reads as the web edition prints it (corpus/text/): the same characters
 * in the same order, white space aside. Where the web edition leaves out
 * what the TEI holds (list labels, a printing note in the closer), Docket
 * keeps it, so the web text must then be found in order inside Docket's. */

#include "config.h"

#include "docket-import.h"
#include "docket-test-util.h"
#include "docket-text-export.h"

/* Is every character of @needle in @haystack, in order? */
static gboolean
is_subsequence (const char *needle,
                const char *haystack)
{
  const char *h = haystack;

  for (const char *n = needle; *n != '\0'; n = g_utf8_next_char (n))
    {
      gunichar c = g_utf8_get_char (n);

      while (*h != '\0' && g_utf8_get_char (h) != c)
        h = g_utf8_next_char (h);
      if (*h == '\0')
        return FALSE;
      h = g_utf8_next_char (h);
    }
  return TRUE;
}

static void
check_volume (gconstpointer data)
{
  const char *volume = data;
  g_autofree char *name = g_strconcat (volume, ".xml", NULL);
  g_autofree char *path = docket_test_shared_path ("corpus", name, NULL);
  g_autofree char *texts = docket_test_shared_path ("corpus", "text", volume, NULL);
  g_autoptr(DocketImportResult) result = NULL;
  g_autoptr(GError) error = NULL;
  guint exact = 0;

  if (path == NULL || texts == NULL)
    return;

  result = docket_import_file (path, NULL, NULL, NULL, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < result->records->len; i++)
    {
      DocketRecord *record = g_ptr_array_index (result->records, i);
      g_autofree char *file = g_strdup_printf ("d%s.txt", docket_record_get (record, DOCKET_FIELD_NUMBER));
      g_autofree char *text_path = g_build_filename (texts, file, NULL);
      g_autofree char *web = NULL;
      g_autofree char *ours = NULL;
      g_autofree char *web_squeezed = NULL;
      g_autofree char *ours_squeezed = NULL;

      web = docket_test_read_file (text_path, NULL);
      ours = docket_text_export_record (record);
      web_squeezed = docket_test_squeeze (web);
      ours_squeezed = docket_test_squeeze (ours);

      if (g_strcmp0 (web_squeezed, ours_squeezed) == 0)
        exact++;
      else if (!is_subsequence (web_squeezed, ours_squeezed))
        {
          g_test_message ("%s: the web edition's text is not all in Docket's rendering", file);
          g_assert_cmpstr (ours_squeezed, ==, web_squeezed);
        }
    }
  g_test_message ("%s: %u of %u documents render exactly as the web edition",
                  volume, exact, result->records->len);
  /* Volume XXIX, Part 2 has none of the web edition's omissions. */
  if (g_str_equal (volume, "frus1964-68v29p2"))
    g_assert_cmpuint (exact, ==, result->records->len);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_data_func ("/docket/import/tei-text/frus1964-68v29p2", "frus1964-68v29p2", check_volume);
  g_test_add_data_func ("/docket/import/tei-text/frus1961-63v06", "frus1961-63v06", check_volume);

  return g_test_run ();
}
