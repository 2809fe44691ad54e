/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

/* The import queue: files read in a thread, handed over in the order given,
 * each with its own records or its own error. */

#include "config.h"

#include <string.h>

#include "docket-import-queue.h"
#include "docket-test-util.h"

typedef struct
{
  char      *dir;
  GPtrArray *paths;
} Files;

/* The bundled sample memorandum renumbered @number: a real document, small
 * enough to write many of. */
static char *
write_memorandum (const char *dir,
                  guint       number)
{
  g_autofree char *sample = g_build_filename (g_getenv ("DOCKET_SAMPLE_DIR"), "seed-memorandum.txt", NULL);
  g_autofree char *text = docket_test_read_file (sample, NULL);
  g_autofree char *name = g_strdup_printf ("d%u.txt", number);
  g_autofree char *heading = g_strdup_printf ("%u. Memorandum", number);
  g_autofree char *renumbered = NULL;
  const char *start = strstr (text, "206. Memorandum");

  g_assert_nonnull (start);
  renumbered = g_strconcat (heading, start + strlen ("206. Memorandum"), NULL);
  return docket_test_write_file (dir, name, renumbered, -1);
}

static void
files_init (Files *files)
{
  files->dir = docket_test_make_tmpdir ();
  files->paths = g_ptr_array_new_with_free_func (g_free);
}

static void
files_clear (Files *files)
{
  docket_test_rmdir (files->dir);
  g_free (files->dir);
  g_ptr_array_unref (files->paths);
}

static void
test_in_order_with_errors (void)
{
  Files files;
  g_autoptr(DocketImportQueue) queue = NULL;

  files_init (&files);
  for (guint i = 1; i <= 6; i++)
    {
      if (i == 3)
        g_ptr_array_add (files.paths, docket_test_write_file (files.dir, "empty.txt", "", 0));
      else if (i == 5)
        g_ptr_array_add (files.paths, g_build_filename (files.dir, "missing.txt", NULL));
      else
        g_ptr_array_add (files.paths, write_memorandum (files.dir, 100 + i));
    }

  queue = docket_import_queue_new ((const char * const *) files.paths->pdata, files.paths->len, NULL, NULL);
  for (guint i = 1; i <= 6; i++)
    {
      g_autoptr(DocketImportResult) result = NULL;
      g_autoptr(GError) error = NULL;
      const char *path = NULL;

      result = docket_import_queue_next (queue, &path, &error);
      g_assert_cmpstr (path, ==, g_ptr_array_index (files.paths, i - 1));
      if (i == 3)
        {
          g_assert_null (result);
          g_assert_error (error, DOCKET_IMPORT_ERROR, DOCKET_IMPORT_ERROR_EMPTY);
        }
      else if (i == 5)
        {
          g_assert_null (result);
          g_assert_error (error, DOCKET_IMPORT_ERROR, DOCKET_IMPORT_ERROR_IO);
          g_assert_nonnull (strstr (error->message, "missing.txt"));
        }
      else
        {
          g_autofree char *number = g_strdup_printf ("%u", 100 + i);

          g_assert_no_error (error);
          g_assert_cmpuint (result->records->len, ==, 1);
          g_assert_cmpstr (docket_record_get (g_ptr_array_index (result->records, 0), DOCKET_FIELD_NUMBER),
                           ==, number);
        }
    }
  files_clear (&files);
}

typedef struct
{
  GMutex     lock;
  GPtrArray *lines;
  GThread   *thread;
} ProgressLog;

static void
log_progress (const char *path,
              guint       done,
              guint       total,
              gpointer    user_data)
{
  ProgressLog *log = user_data;
  g_autofree char *name = g_path_get_basename (path);

  g_mutex_lock (&log->lock);
  g_ptr_array_add (log->lines, g_strdup_printf ("%s %u/%u", name, done, total));
  log->thread = g_thread_self ();
  g_mutex_unlock (&log->lock);
}

/* Progress names the file being read and comes from the reading thread,
 * not the one taking the results. */
static void
test_progress (void)
{
  Files files;
  ProgressLog log = { .lines = g_ptr_array_new_with_free_func (g_free) };
  g_autoptr(DocketImportQueue) queue = NULL;

  files_init (&files);
  g_ptr_array_add (files.paths, write_memorandum (files.dir, 7));
  g_ptr_array_add (files.paths, write_memorandum (files.dir, 8));

  queue = docket_import_queue_new ((const char * const *) files.paths->pdata, files.paths->len,
                                   log_progress, &log);
  for (guint i = 0; i < files.paths->len; i++)
    {
      g_autoptr(DocketImportResult) result = docket_import_queue_next (queue, NULL, NULL);

      g_assert_nonnull (result);
    }

  g_mutex_lock (&log.lock);
  g_assert_cmpuint (log.lines->len, >=, 2);
  g_assert_true (g_ptr_array_find_with_equal_func (log.lines, "d7.txt 1/1", g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (log.lines, "d8.txt 1/1", g_str_equal, NULL));
  g_assert_true (log.thread != g_thread_self ());
  g_mutex_unlock (&log.lock);

  g_ptr_array_unref (log.lines);
  files_clear (&files);
}

/* A queue given up on with files still to read (an import that stops at
 * an error in its catalog) stops its thread and frees what it read. */
static void
test_abandoned (void)
{
  Files files;
  DocketImportQueue *queue;
  g_autoptr(DocketImportResult) first = NULL;

  files_init (&files);
  for (guint i = 1; i <= 40; i++)
    g_ptr_array_add (files.paths, write_memorandum (files.dir, i));

  queue = docket_import_queue_new ((const char * const *) files.paths->pdata, files.paths->len, NULL, NULL);
  first = docket_import_queue_next (queue, NULL, NULL);
  g_assert_nonnull (first);
  /* Handed back to be freed in the queue's thread. */
  docket_import_queue_release (queue, g_steal_pointer (&first));
  docket_import_queue_free (queue);

  /* Never taken at all. */
  queue = docket_import_queue_new ((const char * const *) files.paths->pdata, files.paths->len, NULL, NULL);
  docket_import_queue_free (queue);
  files_clear (&files);
}

/* Takes every chunk of the queue's next file, and checks they hold, in
 * order, the records of the file's result. */
static void
take_chunks (DocketImportQueue   *queue,
             const char          *collection_id,
             DocketImportResult **out_result)
{
  g_autoptr(GPtrArray) handed = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  const DocketCollection *collection = NULL;
  GPtrArray *chunk;
  while ((chunk = docket_import_queue_next_records (queue, &collection)) != NULL)
    {
      g_assert_cmpuint (chunk->len, >, 0);
      g_assert_nonnull (collection);
      g_assert_cmpstr (collection->id, ==, collection_id);
      for (guint i = 0; i < chunk->len; i++)
        g_ptr_array_add (handed, g_object_ref (g_ptr_array_index (chunk, i)));
      g_ptr_array_unref (chunk);
    }

  *out_result = docket_import_queue_next (queue, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (handed->len, ==, (*out_result)->records->len);
  for (guint i = 0; i < handed->len; i++)
    g_assert_true (g_ptr_array_index (handed, i) == g_ptr_array_index ((*out_result)->records, i));
}

static void
note_ready (DocketImportResult *result,
            guint               n_final,
            gpointer            user_data)
{
  GArray *calls = user_data;

  g_array_append_val (calls, n_final);
}

/* A TEI volume's documents are handed over one by one as they are read,
 * with the persons list before the first; through the queue, all of them
 * arrive in order. */
static void
test_volume_in_chunks (void)
{
  g_autofree char *path = docket_test_shared_path ("corpus", "frus1964-68v29p2.xml", NULL);
  g_autoptr(GArray) calls = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(DocketImportQueue) queue = NULL;
  g_autoptr(DocketImportResult) read = NULL;
  g_autoptr(DocketImportResult) result = NULL;
  const char *paths[1];

  if (path == NULL)
    return;

  read = docket_import_file_full (path, NULL, NULL, note_ready, calls, NULL);
  g_assert_nonnull (read);
  g_assert_cmpuint (read->records->len, ==, 140);
  g_assert_cmpuint (calls->len, ==, 140);
  for (guint i = 0; i < calls->len; i++)
    g_assert_cmpuint (g_array_index (calls, guint, i), ==, i + 1);

  paths[0] = path;
  queue = docket_import_queue_new (paths, 1, NULL, NULL);
  take_chunks (queue, "frus1964-68v29p2", &result);
  g_assert_cmpuint (result->records->len, ==, 140);
  g_assert_nonnull (result->persons);
  g_assert_cmpuint (result->persons->len, >, 0);
}

/* A volume found cut off after some of its documents were handed over:
 * the collection handed over with them stays valid after the error,
 * because the reader has freed its result meanwhile. */
static void
test_volume_fails_after_records (void)
{
  g_autofree char *path = docket_test_shared_path ("corpus", "frus1964-68v29p2.xml", NULL);
  g_autofree char *dir = docket_test_make_tmpdir ();
  g_autofree char *contents = NULL;
  g_autofree char *cut = NULL;
  g_autoptr(DocketImportQueue) queue = NULL;
  g_autoptr(GError) error = NULL;
  const DocketCollection *collection = NULL;
  GPtrArray *records;
  guint n_records = 0;
  const char *paths[1];
  gsize length;

  if (path == NULL)
    return;
  contents = docket_test_read_file (path, &length);
  cut = docket_test_write_file (dir, "cut.xml", contents, length / 4 * 3);

  paths[0] = cut;
  queue = docket_import_queue_new (paths, 1, NULL, NULL);
  while ((records = docket_import_queue_next_records (queue, &collection)) != NULL)
    {
      n_records += records->len;
      g_ptr_array_unref (records);
    }
  g_assert_cmpuint (n_records, >, 50);
  g_assert_null (docket_import_queue_next (queue, NULL, &error));
  g_assert_error (error, DOCKET_IMPORT_ERROR, DOCKET_IMPORT_ERROR_MALFORMED);
  g_assert_nonnull (collection);
  g_assert_cmpstr (collection->id, ==, "frus1964-68v29p2");
  g_assert_cmpstr (collection->title, ==, "Foreign Relations of the United States, 1964–1968, Volume XXIX, Part 2, Japan");
  g_clear_pointer (&queue, docket_import_queue_free);
  docket_test_rmdir (dir);
}

/* A component that links to another one waits, with every component after
 * it, for the end of the file, where the link is resolved to the record the
 * target became. */
static void
test_ead_links_wait (void)
{
  static const char ead[] =
    "<ead xmlns=\"http://ead3.archivists.org/schema/\">\n"
    "<control><recordid>links</recordid><filedesc><titlestmt><titleproper>Links</titleproper></titlestmt></filedesc>"
    "<maintenancestatus value=\"new\"/><maintenanceagency><agencyname>Docket</agencyname></maintenanceagency>"
    "<maintenancehistory><maintenanceevent><eventtype value=\"created\"/><eventdatetime>2026-11-27</eventdatetime>"
    "<agenttype value=\"machine\"/><agent>Docket</agent></maintenanceevent></maintenancehistory></control>\n"
    "<archdesc level=\"collection\"><did><unitid>links</unitid><unittitle>Links</unittitle></did><dsc>\n"
    "<c id=\"one\" level=\"item\"><did><unitid>1</unitid><unittitle>One</unittitle></did></c>\n"
    "<c id=\"two\" level=\"item\"><did><unitid>2</unitid><unittitle>Two</unittitle></did>"
    "<odd localtype=\"transcription\"><p>See four.<footnote id=\"twofn1\"><p>As in <ref target=\"four\">document four</ref>.</p></footnote></p></odd></c>\n"
    "<c id=\"three\" level=\"item\"><did><unitid>3</unitid><unittitle>Three</unittitle></did></c>\n"
    "<c id=\"four\" level=\"item\"><did><unitid>4</unitid><unittitle>Four</unittitle></did></c>\n"
    "</dsc></archdesc></ead>\n";
  Files files;
  g_autoptr(GArray) calls = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(DocketImportResult) result = NULL;
  const DocketFootnoteLink *link;
  DocketRecord *two;
  DocketRecord *four;

  files_init (&files);
  g_ptr_array_add (files.paths, docket_test_write_file (files.dir, "links.xml", ead, -1));

  /* Component one is complete at once; two, and so three and four, only
   * at the end. */
  result = docket_import_file_full (g_ptr_array_index (files.paths, 0), NULL, NULL, note_ready, calls, NULL);
  g_assert_nonnull (result);
  g_assert_cmpuint (calls->len, ==, 1);
  g_assert_cmpuint (g_array_index (calls, guint, 0), ==, 1);

  two = g_ptr_array_index (result->records, 1);
  four = g_ptr_array_index (result->records, 3);
  link = g_ptr_array_index (((DocketFootnote *) g_ptr_array_index (docket_record_get_footnotes (two), 0))->links, 0);
  g_assert_cmpint (link->kind, ==, DOCKET_LINK_RECORD);
  g_assert_cmpstr (link->target, ==, docket_record_get_id (four));
  files_clear (&files);
}

typedef struct
{
  guint handed;
} Taker;

/* What the storing thread does to the records it is handed: gives them
 * other ids (an import into another collection). Done here, in the
 * reader's own thread, at once. */
static void
take_records (DocketImportResult *result,
              guint               n_final,
              gpointer            user_data)
{
  Taker *taker = user_data;

  for (; taker->handed < n_final; taker->handed++)
    docket_record_set_id (g_ptr_array_index (result->records, taker->handed), "taken");
}

/* A reader does not look at a record once it has handed it over: the
 * files of a series keep the series' id from the file as their path,
 * whatever the series' record became meanwhile. */
static void
test_ead_records_not_read_after_hand_over (void)
{
  static const char ead[] =
    "<ead><eadheader><eadid>paths</eadid><filedesc><titlestmt><titleproper>Paths</titleproper>"
    "</titlestmt></filedesc></eadheader><archdesc level=\"collection\"><did><unittitle>Paths</unittitle></did><dsc>\n"
    "<c01 id=\"s1\" level=\"series\"><did><unittitle>Drawings</unittitle></did>\n"
    "<c02 level=\"file\"><did><unittitle>A.C. Plat</unittitle></did></c02>\n"
    "<c02 level=\"file\"><did><unittitle>Academy Park</unittitle></did>\n"
    "<c03 level=\"item\"><did><unittitle>Floor plans</unittitle></did></c03></c02></c01>\n"
    "</dsc></archdesc></ead>\n";
  Files files;
  Taker taker = { 0 };
  g_autoptr(DocketImportResult) result = NULL;
  g_autofree char *series_id = NULL;
  g_autofree char *file_id = NULL;
  g_autofree char *item_path = NULL;

  files_init (&files);
  g_ptr_array_add (files.paths, docket_test_write_file (files.dir, "paths.xml", ead, -1));
  result = docket_import_file_full (g_ptr_array_index (files.paths, 0), NULL, NULL, take_records, &taker, NULL);
  g_assert_nonnull (result);
  g_assert_cmpuint (result->records->len, ==, 4);
  g_assert_cmpuint (taker.handed, ==, 4);

  /* The ids the reader gave, read again from a reader that hands over to
   * nobody. */
  {
    g_autoptr(DocketImportResult) plain = docket_import_file (g_ptr_array_index (files.paths, 0), NULL, NULL, NULL, NULL);

    series_id = g_strdup (docket_record_get_id (g_ptr_array_index (plain->records, 0)));
    file_id = g_strdup (docket_record_get_id (g_ptr_array_index (plain->records, 2)));
  }
  item_path = g_strconcat (series_id, "/", file_id, NULL);
  g_assert_cmpstr (docket_record_get (g_ptr_array_index (result->records, 1), DOCKET_FIELD_PARENT_PATH), ==, series_id);
  g_assert_cmpstr (docket_record_get (g_ptr_array_index (result->records, 2), DOCKET_FIELD_PARENT_PATH), ==, series_id);
  g_assert_cmpstr (docket_record_get (g_ptr_array_index (result->records, 3), DOCKET_FIELD_PARENT_PATH), ==, item_path);
  files_clear (&files);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/docket/import-queue/in-order-with-errors", test_in_order_with_errors);
  g_test_add_func ("/docket/import-queue/progress", test_progress);
  g_test_add_func ("/docket/import-queue/abandoned", test_abandoned);
  g_test_add_func ("/docket/import-queue/volume-in-chunks", test_volume_in_chunks);
  g_test_add_func ("/docket/import-queue/volume-fails-after-records", test_volume_fails_after_records);
  g_test_add_func ("/docket/import-queue/ead-links-wait", test_ead_links_wait);
  g_test_add_func ("/docket/import-queue/ead-records-not-read-after-hand-over", test_ead_records_not_read_after_hand_over);

  return g_test_run ();
}
