/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

/* The search index: records an import adds are indexed after it, and no
 * search ever misses them. */

#define G_LOG_DOMAIN "test-store-index"

#include "config.h"

#include <sqlite3.h>

#include "docket-store.h"
#include "docket-test-store.h"
#include "docket-test-util.h"

typedef DocketTestCatalog Fixture;

/* A record with a word of its own in the heading, the body and a footnote. */
static DocketRecord *
make_record (const char *id,
             const char *word)
{
  DocketRecord *record = docket_record_new ();
  g_autofree char *heading = g_strdup_printf ("Memorandum on %s", word);
  g_autofree char *body = g_strdup_printf ("The body speaks of %sbody.", word);
  g_autofree char *note = g_strdup_printf ("Source: %snote papers.", word);

  docket_record_set_id (record, id);
  docket_record_set (record, DOCKET_FIELD_NUMBER, id);
  docket_record_set (record, DOCKET_FIELD_HEADING, heading);
  g_ptr_array_add (docket_record_get_body (record), docket_block_new (DOCKET_BLOCK_PARAGRAPH, body));
  g_ptr_array_add (docket_record_get_footnotes (record),
                   docket_footnote_new ("fn1", "1", DOCKET_FOOTNOTE_SOURCE, note));
  return record;
}

/* Inserts records for @words as an import does, in one call. */
static void
import_records (DocketStore        *store,
                const char * const *words)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; words[i] != NULL; i++)
    {
      g_autofree char *id = g_strdup_printf ("r%u", i + 1);

      g_ptr_array_add (records, make_record (id, words[i]));
    }
  g_assert_true (docket_store_insert_records (store, NULL, records,
                                              DOCKET_STORE_INSERT_FAIL_ON_EXISTING, NULL, &error));
  g_assert_no_error (error);
}

static gint64
n_pending (Fixture *fixture)
{
  return docket_test_catalog_query (fixture->path, "SELECT count(*) FROM fts_pending");
}

static gint64
n_indexed (Fixture *fixture)
{
  return docket_test_catalog_query (fixture->path, "SELECT count(*) FROM record_fts");
}

static guint
n_listed (DocketStore *store,
          const char  *text)
{
  DocketStoreQuery query = { .text = text };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) listed = docket_store_list_summaries (store, &query, 0, 0, &error);
  guint counted;

  g_assert_no_error (error);
  counted = docket_store_count_records (store, &query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (counted, ==, listed->len);
  return counted;
}

static void
test_import_defers (Fixture       *fixture,
                    gconstpointer  data)
{
  const char *words[] = { "alpha", "bravo", NULL };

  import_records (fixture->store, words);

  /* The import wrote the records and queued them, nothing more. */
  g_assert_cmpint (n_pending (fixture), ==, 2);
  g_assert_cmpint (n_indexed (fixture), ==, 0);
  g_assert_cmpuint (docket_store_count_unindexed (fixture->store, NULL), ==, 2);

  /* The first search indexes them, in the heading, body and footnotes. */
  g_assert_cmpuint (docket_test_catalog_n_hits (fixture->store, "alpha"), ==, 1);
  g_assert_cmpint (n_pending (fixture), ==, 0);
  g_assert_cmpint (n_indexed (fixture), ==, 2);
  g_assert_cmpuint (docket_store_count_unindexed (fixture->store, NULL), ==, 0);
  g_assert_cmpuint (docket_test_catalog_n_hits (fixture->store, "bravobody"), ==, 1);
  g_assert_cmpuint (docket_test_catalog_n_hits (fixture->store, "bravonote"), ==, 1);
  g_assert_cmpuint (docket_test_catalog_n_hits (fixture->store, "memorandum"), ==, 2);
}

static void
test_list_filter_indexes (Fixture       *fixture,
                          gconstpointer  data)
{
  const char *words[] = { "charlie", "delta", "charliex", NULL };

  import_records (fixture->store, words);
  /* The window's list filters with a prefix match, counted and paged. */
  g_assert_cmpuint (n_listed (fixture->store, "charl"), ==, 2);
  g_assert_cmpint (n_pending (fixture), ==, 0);
  g_assert_cmpuint (n_listed (fixture->store, "delta"), ==, 1);
}

static void
test_update_index (Fixture       *fixture,
                   gconstpointer  data)
{
  const char *words[] = { "echo", "foxtrot", "golf", NULL };
  g_autoptr(GError) error = NULL;
  guint indexed = 99;

  import_records (fixture->store, words);
  g_assert_true (docket_store_update_index (fixture->store, &indexed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (indexed, ==, 3);
  g_assert_cmpint (n_pending (fixture), ==, 0);
  g_assert_cmpint (n_indexed (fixture), ==, 3);

  g_assert_true (docket_store_update_index (fixture->store, &indexed, &error));
  g_assert_cmpuint (indexed, ==, 0);
  g_assert_cmpuint (docket_test_catalog_n_hits (fixture->store, "golf"), ==, 1);
}

static void
test_edit_before_indexing (Fixture       *fixture,
                           gconstpointer  data)
{
  const char *words[] = { "hotel", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(DocketRecord) record = NULL;

  import_records (fixture->store, words);
  record = docket_store_load_record (fixture->store, "r1", &error);
  g_assert_no_error (error);
  docket_record_set (record, DOCKET_FIELD_HEADING, "Telegram on india");
  g_assert_true (docket_store_save_record (fixture->store, record, "tester", &error));
  g_assert_no_error (error);

  /* Saving indexed the record as it now is; nothing is left to index
   * twice, and the old heading is gone from the index. */
  g_assert_cmpint (n_pending (fixture), ==, 0);
  g_assert_cmpint (n_indexed (fixture), ==, 1);
  g_assert_cmpuint (docket_test_catalog_n_hits (fixture->store, "india"), ==, 1);
  g_assert_cmpuint (docket_test_catalog_n_hits (fixture->store, "memorandum"), ==, 0);
  g_assert_cmpuint (docket_test_catalog_n_hits (fixture->store, "hotelbody"), ==, 1);
}

static void
test_delete_pending (Fixture       *fixture,
                     gconstpointer  data)
{
  const char *words[] = { "juliett", "kilo", NULL };
  g_autoptr(GError) error = NULL;
  guint indexed = 0;

  import_records (fixture->store, words);
  g_assert_true (docket_store_delete_record (fixture->store, "r1", &error));
  g_assert_no_error (error);
  g_assert_cmpint (n_pending (fixture), ==, 1);
  g_assert_true (docket_store_update_index (fixture->store, &indexed, &error));
  g_assert_cmpuint (indexed, ==, 1);
  g_assert_cmpuint (docket_test_catalog_n_hits (fixture->store, "juliett"), ==, 0);
  g_assert_cmpuint (docket_test_catalog_n_hits (fixture->store, "kilo"), ==, 1);
}

/* While another program holds the write lock, a search answers at once
 * from the index as it stands; the next one catches up. */
static void
test_search_while_locked (Fixture       *fixture,
                          gconstpointer  data)
{
  const char *words[] = { "lima", NULL };
  sqlite3 *other = NULL;

  import_records (fixture->store, words);
  g_assert_cmpint (sqlite3_open (fixture->path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);

  g_assert_cmpuint (docket_test_catalog_n_hits (fixture->store, "lima"), ==, 0);
  g_assert_cmpint (n_pending (fixture), ==, 1);

  g_assert_cmpint (sqlite3_exec (other, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (other);
  g_assert_cmpuint (docket_test_catalog_n_hits (fixture->store, "lima"), ==, 1);
  g_assert_cmpint (n_pending (fixture), ==, 0);
}

static void
update_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static void
count_emissions (DocketStore *store,
                 guint       *n)
{
  (*n)++;
}

/* The records are indexed in a thread; the store says when it is done, so
 * that a search shown meanwhile (the link editor's record picker) can be
 * run again, and says nothing when there was nothing to index. */
static void
test_update_index_async (Fixture       *fixture,
                         gconstpointer  data)
{
  const char *words[] = { "mike", "november", NULL };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) again = NULL;
  g_autoptr(GError) error = NULL;
  guint indexed = 0;
  guint n_told = 0;

  g_signal_connect (fixture->store, "index-updated", G_CALLBACK (count_emissions), &n_told);
  import_records (fixture->store, words);
  docket_store_update_index_async (fixture->store, NULL, update_done_cb, &result);
  g_assert_true (docket_store_is_indexing (fixture->store));
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (docket_store_update_index_finish (fixture->store, result, &indexed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (indexed, ==, 2);
  g_assert_cmpint (n_pending (fixture), ==, 0);
  g_assert_false (docket_store_is_indexing (fixture->store));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (n_told, ==, 1);

  docket_store_update_index_async (fixture->store, NULL, update_done_cb, &again);
  while (again == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (docket_store_update_index_finish (fixture->store, again, &indexed, &error));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (indexed, ==, 0);
  g_assert_cmpuint (n_told, ==, 1);
}

/* More records than the thread indexes per transaction: all of them are
 * indexed, each once. */
static void
test_update_index_async_chunks (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  guint indexed = 0;

  for (guint i = 0; i < 1234; i++)
    {
      g_autofree char *id = g_strdup_printf ("r%u", i + 1);
      g_autofree char *word = g_strdup_printf ("w%uz", i + 1);

      g_ptr_array_add (records, make_record (id, word));
    }
  g_assert_true (docket_store_insert_records (fixture->store, NULL, records,
                                              DOCKET_STORE_INSERT_FAIL_ON_EXISTING, NULL, &error));
  g_assert_no_error (error);

  docket_store_update_index_async (fixture->store, NULL, update_done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (docket_store_update_index_finish (fixture->store, result, &indexed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (indexed, ==, 1234);
  g_assert_cmpint (n_pending (fixture), ==, 0);
  g_assert_cmpint (n_indexed (fixture), ==, 1234);
  g_assert_cmpuint (docket_test_catalog_n_hits (fixture->store, "w1z"), ==, 1);
  g_assert_cmpuint (docket_test_catalog_n_hits (fixture->store, "w500z"), ==, 1);
  g_assert_cmpuint (docket_test_catalog_n_hits (fixture->store, "w501z"), ==, 1);
  g_assert_cmpuint (docket_test_catalog_n_hits (fixture->store, "w1234z"), ==, 1);
  g_assert_cmpuint (docket_test_catalog_n_hits (fixture->store, "memorandum"), ==, 1234);
}

/* A cancelled update stops between transactions: what it indexed stays
 * indexed, the rest stays queued, and a search still finds everything. */
static void
test_update_index_async_cancelled (Fixture       *fixture,
                                   gconstpointer  data)
{
  const char *words[] = { "oscar", "papa", NULL };
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  import_records (fixture->store, words);
  g_cancellable_cancel (cancellable);
  docket_store_update_index_async (fixture->store, cancellable, update_done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (docket_store_update_index_finish (fixture->store, result, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (n_pending (fixture), ==, 2);

  /* No update is running any more: the search indexes what is queued. */
  g_assert_cmpuint (docket_test_catalog_n_hits (fixture->store, "papa"), ==, 1);
  g_assert_cmpint (n_pending (fixture), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/docket/store/index/" path, Fixture, NULL, docket_test_catalog_set_up, func, docket_test_catalog_tear_down)

  ADD ("import-defers", test_import_defers);
  ADD ("list-filter-indexes", test_list_filter_indexes);
  ADD ("update", test_update_index);
  ADD ("edit-before-indexing", test_edit_before_indexing);
  ADD ("delete-pending", test_delete_pending);
  ADD ("search-while-locked", test_search_while_locked);
  ADD ("update-async", test_update_index_async);
  ADD ("update-async-chunks", test_update_index_async_chunks);
  ADD ("update-async-cancelled", test_update_index_async_cancelled);

#undef ADD

  return g_test_run ();
}
