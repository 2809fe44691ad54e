/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#include "config.h"

#include <string.h>

#include "docket-test-util.h"
#include "docket-text-export.h"
#include "docket-text-import.h"

/* Imports @text, renders every record and returns the rendering. */
static char *
round_trip (const char *name,
            const char *text,
            gsize       length)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = docket_text_import_parse (name, text, length, &error);
  GString *out = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < records->len; i++)
    {
      g_autofree char *rendered = docket_text_export_record (g_ptr_array_index (records, i));
      g_string_append (out, rendered);
    }
  return g_string_free (out, FALSE);
}

/* The round trip keeps the characters and their order, not the line
 * breaks: the texts are compared without white space. */
static void
assert_same_characters (const char *name,
                        const char *original,
                        const char *rendered)
{
  g_autofree char *a = docket_test_squeeze (original);
  g_autofree char *b = docket_test_squeeze (rendered);

  if (strcmp (a, b) != 0)
    {
      gsize i = 0;

      while (a[i] != '\0' && a[i] == b[i])
        i++;
      g_test_message ("%s differs at character %" G_GSIZE_FORMAT ": “%.40s” against “%.40s”",
                      name, i, a + (i > 20 ? i - 20 : 0), b + (i > 20 ? i - 20 : 0));
    }
  g_assert_cmpstr (a, ==, b);
}

static void
test_seed_round_trip (void)
{
  g_autofree char *path = docket_test_shared_path ("corpus", "seed-memorandum.txt", NULL);
  g_autofree char *text = NULL;
  g_autofree char *rendered = NULL;
  gsize length;

  if (path == NULL)
    return;
  text = docket_test_read_file (path, &length);
  rendered = round_trip ("seed-memorandum.txt", text, length);
  assert_same_characters ("seed-memorandum.txt", text, rendered);

  /* The layout itself: the heading's marker after a space, the subject
   * bullet, the page break and the footnotes as printed. */
  g_assert_true (g_str_has_prefix (rendered,
                                   "206. Memorandum From the Ambassador at Large (Harriman) to President Johnson 1\n"));
  g_assert_nonnull (strstr (rendered, "\n  • Possible Kosygin Talks on Vietnam Settlement\n"));
  g_assert_nonnull (strstr (rendered, "\n[Page 522]\n"));
  g_assert_nonnull (strstr (rendered, "namely, Vietnam.2\n"));
  g_assert_nonnull (strstr (rendered, "\nW. Averell Harriman 3\n"));
  g_assert_nonnull (strstr (rendered, "\n  3. Printed from a copy that bears this typed signature.\n"));
}

static void
test_corpus_round_trip (gconstpointer data)
{
  const char *volume = data;
  g_autofree char *dir = docket_test_shared_path ("corpus", "text", volume, NULL);
  g_autoptr(GDir) listing = NULL;
  g_autoptr(GError) error = NULL;
  const char *name;
  guint n = 0;

  if (dir == NULL)
    return;
  listing = g_dir_open (dir, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = NULL;
      g_autofree char *text = NULL;
      g_autofree char *rendered = NULL;
      gsize length;

      if (!g_str_has_suffix (name, ".txt"))
        continue;
      path = g_build_filename (dir, name, NULL);
      text = docket_test_read_file (path, &length);
      rendered = round_trip (name, text, length);
      assert_same_characters (name, text, rendered);
      n++;
    }
  g_test_message ("%s: %u documents rendered back with the same characters", volume, n);
  g_assert_cmpuint (n, >, 0);
}

/* Anchors inside paragraphs come back where they stood: glued markers,
 * a page break in mid-sentence, several footnotes. */
static void
test_synthetic_round_trip (void)
{
  const char *text =
    "7. Telegram From the Embassy in Japan to the Department of State 1\n"
    "\n\n"
    "Tokyo, May 3, 1964, 7 p.m.\n"
    "\n"
    "2541. Ref: Embtel 3856.2\n"
    "\n"
    "1. Sato said (RG 59 aside) that the talks would resume at 3:05 p.m. [Page 12] and end at 5.3\n"
    "\n"
    "Reischauer\n"
    "\n"
    "  1. Source: National Archives and Records Administration, RG 59, Central Files 1964–66, POL 7 JAPAN. Secret; Nodis.\n"
    "  2. Document 5.\n"
    "  3. Not printed.\n";
  g_autofree char *rendered = round_trip ("synthetic.txt", text, strlen (text));

  assert_same_characters ("synthetic.txt", text, rendered);
  g_assert_nonnull (strstr (rendered, "Ref: Embtel 3856.2\n"));
  g_assert_nonnull (strstr (rendered, "3:05 p.m. [Page 12] and end at 5.3\n"));
}

/* A record made by hand, with no heading block, still renders. */
static void
test_hand_made_record (void)
{
  g_autoptr(DocketRecord) record = docket_record_new ();
  g_autofree char *rendered = NULL;
  DocketBlock *block;

  docket_record_set (record, DOCKET_FIELD_NUMBER, "12");
  docket_record_set (record, DOCKET_FIELD_HEADING, "Letter From President Kennedy to Chairman Khrushchev");
  docket_record_set (record, DOCKET_FIELD_SUBJECT, "Berlin");
  block = docket_block_new (DOCKET_BLOCK_PARAGRAPH, "Dear Mr. Chairman, thank you.");
  docket_block_add_anchor (block, DOCKET_ANCHOR_FOOTNOTE, strlen ("Dear Mr. Chairman, thank you."), "d12fn1");
  docket_record_add_block (record, block);
  docket_record_add_footnote (record, docket_footnote_new ("d12fn1", "1", DOCKET_FOOTNOTE_EDITORIAL, "Not found."));

  rendered = docket_text_export_record (record);
  g_assert_cmpstr (rendered, ==,
                   "12. Letter From President Kennedy to Chairman Khrushchev\n\n\n"
                   "  • Berlin\n\n\n"
                   "Dear Mr. Chairman, thank you.1\n\n"
                   "  1. Not found.\n");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/docket/export/text/seed-round-trip", test_seed_round_trip);
  g_test_add_data_func ("/docket/export/text/corpus-round-trip/frus1964-68v29p2", "frus1964-68v29p2",
                        test_corpus_round_trip);
  g_test_add_data_func ("/docket/export/text/corpus-round-trip/frus1961-63v06", "frus1961-63v06",
                        test_corpus_round_trip);
  g_test_add_func ("/docket/export/text/synthetic-round-trip", test_synthetic_round_trip);
  g_test_add_func ("/docket/export/text/hand-made", test_hand_made_record);

  return g_test_run ();
}
