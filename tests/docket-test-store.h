/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#pragma once

#include "docket-store.h"

G_BEGIN_DECLS

/* A fresh catalog in a temporary folder, for g_test_add() fixtures. */
typedef struct
{
  char        *dir;
  char        *path;
  DocketStore *store;
} DocketTestCatalog;

void   docket_test_catalog_set_up    (DocketTestCatalog *fixture,
                                      gconstpointer      data);
void   docket_test_catalog_tear_down (DocketTestCatalog *fixture,
                                      gconstpointer      data);

/* Adds a test that gets a fresh catalog as its fixture. */
#define DOCKET_TEST_ADD_CATALOG_TEST(path, func) \
  g_test_add (path, DocketTestCatalog, NULL, docket_test_catalog_set_up, func, \
              docket_test_catalog_tear_down)

/* Runs @sql (one row, one number) on the catalog file at @path through a
 * read-only connection of its own, or aborts the test. */
gint64 docket_test_catalog_query     (const char        *path,
                                      const char        *sql);

/* How many records a search of @store for @text finds, or aborts the test. */
guint  docket_test_catalog_n_hits    (DocketStore       *store,
                                      const char        *text);

G_END_DECLS
