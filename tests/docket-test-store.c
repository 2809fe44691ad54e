/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#include "config.h"

#include <sqlite3.h>

#include "docket-test-store.h"
#include "docket-test-util.h"

void
docket_test_catalog_set_up (DocketTestCatalog *fixture,
                            gconstpointer      data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = docket_test_make_tmpdir ();
  fixture->path = g_build_filename (fixture->dir, "catalog.db", NULL);
  fixture->store = docket_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->store);
}

void
docket_test_catalog_tear_down (DocketTestCatalog *fixture,
                               gconstpointer      data)
{
  g_clear_object (&fixture->store);
  docket_test_rmdir (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
  g_clear_pointer (&fixture->path, g_free);
}

gint64
docket_test_catalog_query (const char *path,
                           const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

guint
docket_test_catalog_n_hits (DocketStore *store,
                            const char  *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = docket_store_search (store, text, &error);

  g_assert_no_error (error);
  return hits->len;
}
