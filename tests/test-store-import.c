/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

/* A file's records stored a few at a time as they are read: still the
 * whole file or nothing, alone or inside a batch of files. */

#include "config.h"

#include "docket-catalog-import.h"
#include "docket-store-import.h"
#include "docket-test-store.h"
#include "docket-test-util.h"

typedef DocketTestCatalog Fixture;

static GPtrArray *
make_records (const char *prefix,
              guint       first,
              guint       n)
{
  GPtrArray *records = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = first; i < first + n; i++)
    {
      DocketRecord *record = docket_record_new ();
      g_autofree char *id = g_strdup_printf ("%s%u", prefix, i);
      g_autofree char *number = g_strdup_printf ("%u", i);
      g_autofree char *heading = g_strdup_printf ("%u. Memorandum From the Ambassador at Large", i);

      docket_record_set_id (record, id);
      docket_record_set (record, DOCKET_FIELD_NUMBER, number);
      docket_record_set (record, DOCKET_FIELD_HEADING, heading);
      g_ptr_array_add (records, record);
    }
  return records;
}

static DocketAgent *
make_person (const char *ref,
             const char *name)
{
  DocketAgent *agent = docket_agent_new (DOCKET_AGENT_MENTIONED, name, "Ambassador at Large");

  agent->ref = g_strdup (ref);
  return agent;
}

static gint64
count (Fixture    *fixture,
       const char *sql)
{
  return docket_test_catalog_query (fixture->path, sql);
}

/* Three chunks, the persons list at the end: all in catalog order, each
 * record at its place, and nothing visible to another program before the
 * end. */
static void
test_chunks (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(DocketCollection) collection = docket_collection_new ("vol", "A volume");
  g_autoptr(GPtrArray) persons = g_ptr_array_new_with_free_func ((GDestroyNotify) docket_agent_free);
  g_autoptr(GPtrArray) skipped = NULL;
  g_autoptr(GError) error = NULL;
  DocketStoreImport *import;

  g_ptr_array_add (persons, make_person ("p_HWA2", "Harriman, W. Averell"));

  import = docket_store_import_begin (fixture->store, collection, DOCKET_STORE_INSERT_SKIP_EXISTING, &error);
  g_assert_no_error (error);
  for (guint chunk = 0; chunk < 3; chunk++)
    {
      g_autoptr(GPtrArray) records = make_records ("vold", 1 + chunk * 4, 4);

      g_assert_true (docket_store_import_add (import, records, &error));
      g_assert_no_error (error);
      g_assert_cmpint (count (fixture, "SELECT count(*) FROM record"), ==, 0);
    }
  g_assert_true (docket_store_import_finish (import, persons, NULL, &skipped, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (skipped->len, ==, 0);

  g_assert_cmpint (count (fixture, "SELECT count(*) FROM record WHERE collection_id = 'vol'"), ==, 12);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM record WHERE position = CAST(number AS INTEGER)"),
                   ==, 12);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM agent WHERE collection_id = 'vol'"), ==, 1);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM fts_pending"), ==, 12);
  g_assert_cmpuint (docket_test_catalog_n_hits (fixture->store, "Ambassador"), ==, 12);
}

/* A record of the second chunk that is in the catalog already fails the
 * file: the first chunk goes too. */
static void
test_failure_leaves_nothing (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(DocketCollection) collection = docket_collection_new ("vol", "A volume");
  g_autoptr(GPtrArray) existing = make_records ("vold", 6, 1);
  g_autoptr(GPtrArray) first = make_records ("vold", 1, 4);
  g_autoptr(GPtrArray) second = make_records ("vold", 5, 4);
  g_autoptr(GError) error = NULL;
  DocketStoreImport *import;

  g_assert_true (docket_store_insert_records (fixture->store, NULL, existing,
                                              DOCKET_STORE_INSERT_FAIL_ON_EXISTING, NULL, &error));
  g_assert_no_error (error);

  import = docket_store_import_begin (fixture->store, collection, DOCKET_STORE_INSERT_FAIL_ON_EXISTING, &error);
  g_assert_true (docket_store_import_add (import, first, &error));
  g_assert_false (docket_store_import_add (import, second, &error));
  g_assert_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_EXISTS);
  docket_store_import_abort (import);

  g_assert_cmpint (count (fixture, "SELECT count(*) FROM record"), ==, 1);
  g_assert_false (docket_store_has_record (fixture->store, "vold1"));
  g_assert_false (docket_store_has_collection (fixture->store, "vol"));

  /* The store is usable, and not locked, afterwards. */
  g_clear_error (&error);
  g_assert_true (docket_store_insert_records (fixture->store, collection, first,
                                              DOCKET_STORE_INSERT_FAIL_ON_EXISTING, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM record"), ==, 5);
}

/* Inside a batch of files (docket-cli import A B C), a failed file leaves
 * no record, and the files before and after it are kept. */
static void
test_in_batch (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char *prefixes[] = { "a", "b", "c" };

  g_assert_true (docket_store_begin_batch (fixture->store, &error));
  for (guint file = 0; file < G_N_ELEMENTS (prefixes); file++)
    {
      g_autoptr(DocketCollection) collection = docket_collection_new (prefixes[file], NULL);
      g_autoptr(GPtrArray) first = make_records (prefixes[file], 1, 3);
      g_autoptr(GPtrArray) second = make_records (prefixes[file], 4, 3);
      DocketStoreImport *import;

      import = docket_store_import_begin (fixture->store, collection, DOCKET_STORE_INSERT_SKIP_EXISTING, &error);
      g_assert_no_error (error);
      g_assert_true (docket_store_import_add (import, first, &error));
      g_assert_true (docket_store_import_add (import, second, &error));
      if (file == 1)
        docket_store_import_abort (import);
      else
        g_assert_true (docket_store_import_finish (import, NULL, NULL, NULL, &error));
      g_assert_no_error (error);
    }
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM record"), ==, 0);
  g_assert_true (docket_store_commit_batch (fixture->store, &error));
  g_assert_no_error (error);

  g_assert_cmpint (count (fixture, "SELECT count(*) FROM record WHERE id LIKE 'a%'"), ==, 6);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM record WHERE id LIKE 'b%'"), ==, 0);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM record WHERE id LIKE 'c%'"), ==, 6);
  g_assert_false (docket_store_has_collection (fixture->store, "b"));
}

/* Records already in the catalog are skipped, each chunk's in turn, and
 * reported in the order given. */
static void
test_skipped (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GPtrArray) existing = make_records ("vold", 2, 1);
  g_autoptr(GPtrArray) again = make_records ("vold", 5, 1);
  g_autoptr(GPtrArray) first = make_records ("vold", 1, 3);
  g_autoptr(GPtrArray) second = make_records ("vold", 4, 3);
  g_autoptr(GPtrArray) skipped = NULL;
  g_autoptr(GError) error = NULL;
  DocketStoreImport *import;

  g_assert_true (docket_store_insert_records (fixture->store, NULL, existing,
                                              DOCKET_STORE_INSERT_FAIL_ON_EXISTING, NULL, &error));
  g_assert_true (docket_store_insert_records (fixture->store, NULL, again,
                                              DOCKET_STORE_INSERT_FAIL_ON_EXISTING, NULL, &error));
  g_assert_no_error (error);

  import = docket_store_import_begin (fixture->store, NULL, DOCKET_STORE_INSERT_SKIP_EXISTING, &error);
  g_assert_true (docket_store_import_add (import, first, &error));
  g_assert_true (docket_store_import_add (import, second, &error));
  g_assert_true (docket_store_import_finish (import, NULL, NULL, &skipped, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (skipped->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (skipped, 0), ==, "vold2");
  g_assert_cmpstr (g_ptr_array_index (skipped, 1), ==, "vold5");
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM record"), ==, 6);
}

static void
count_changes (DocketStore *store,
               gpointer     user_data)
{
  (*(guint *) user_data)++;
}

/* records-changed is told once the file's records are committed, not while
 * they are being stored: a window that read the catalog then would wait
 * for the import's lock (and see none of them yet). */
static void
test_told_after_commit (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(DocketCollection) collection = docket_collection_new ("vol", "A volume");
  g_autoptr(GPtrArray) records = make_records ("vold", 1, 4);
  g_autoptr(GError) error = NULL;
  DocketStoreImport *import;
  guint changes = 0;

  g_signal_connect (fixture->store, "records-changed", G_CALLBACK (count_changes), &changes);

  import = docket_store_import_begin (fixture->store, collection, DOCKET_STORE_INSERT_SKIP_EXISTING, &error);
  g_assert_true (docket_store_import_add (import, records, &error));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (changes, ==, 0);

  g_assert_true (docket_store_import_finish (import, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (changes, ==, 1);
}

typedef struct
{
  GThread  *caller;
  gint      n_calls;
  gint      n_elsewhere;
  gboolean  done;
} ProgressSeen;

static void
note_progress_thread (guint    done,
                      guint    total,
                      gpointer user_data)
{
  ProgressSeen *seen = user_data;

  g_atomic_int_inc (&seen->n_calls);
  if (g_thread_self () != seen->caller)
    g_atomic_int_inc (&seen->n_elsewhere);
}

static void
import_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  ProgressSeen *seen = user_data;
  g_autoptr(GError) error = NULL;
  DocketCatalogImportReport *report;

  report = docket_catalog_import_file_finish (DOCKET_STORE (source), result, &error);
  g_assert_no_error (error);
  docket_catalog_import_report_free (report);
  seen->done = TRUE;
}

/* The window's import tells its progress in the thread that started it,
 * even while that thread is not iterating its main context (between two
 * iterations, as a test or a busy window is): the progress callback
 * updates widgets, which only that thread may touch. */
static void
test_progress_in_callers_thread (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autofree char *sample = g_build_filename (g_getenv ("DOCKET_SAMPLE_DIR"), "seed-memorandum.txt", NULL);
  ProgressSeen seen = { g_thread_self (), 0, 0, FALSE };
  gint64 until;

  docket_catalog_import_file_async (fixture->store, sample, NULL, NULL,
                                    note_progress_thread, &seen, import_done_cb, &seen);
  /* The import runs meanwhile, its progress due; the context is free. */
  until = g_get_monotonic_time () + G_USEC_PER_SEC / 2;
  while (g_get_monotonic_time () < until && g_atomic_int_get (&seen.n_elsewhere) == 0)
    g_usleep (G_USEC_PER_SEC / 100);
  while (!seen.done)
    g_main_context_iteration (NULL, TRUE);
  while (g_main_context_iteration (NULL, FALSE))
    ;

  g_assert_cmpint (seen.n_elsewhere, ==, 0);
  g_assert_cmpint (seen.n_calls, >, 0);
  g_assert_cmpint (docket_test_catalog_query (fixture->path, "SELECT count(*) FROM record"), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  DOCKET_TEST_ADD_CATALOG_TEST ("/docket/store/import/chunks", test_chunks);
  DOCKET_TEST_ADD_CATALOG_TEST ("/docket/store/import/failure-leaves-nothing", test_failure_leaves_nothing);
  DOCKET_TEST_ADD_CATALOG_TEST ("/docket/store/import/in-batch", test_in_batch);
  DOCKET_TEST_ADD_CATALOG_TEST ("/docket/store/import/skipped", test_skipped);
  DOCKET_TEST_ADD_CATALOG_TEST ("/docket/store/import/told-after-commit", test_told_after_commit);
  DOCKET_TEST_ADD_CATALOG_TEST ("/docket/store/import/progress-in-callers-thread", test_progress_in_callers_thread);

  return g_test_run ();
}
