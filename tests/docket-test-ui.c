/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "docket-test-ui"

#include "config.h"

#include "docket-test-ui.h"

#include "docket-catalog-import.h"
#include "docket-store.h"
#include "docket-test-util.h"
#include "docket-ui.h"
#include "docket-window-private.h"

static guint wait_timeout = 10;

char *
docket_test_ui_init (int    *argc,
                     char ***argv)
{
  char *tmpdir = docket_test_make_tmpdir ();
  g_autofree char *data_home = g_build_filename (tmpdir, "data", NULL);

  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  gtk_test_init (argc, argv, NULL);
  docket_ui_init ();
  return tmpdir;
}

DocketApplication *
docket_test_application_new (void)
{
  DocketApplication *app = docket_application_new (G_APPLICATION_NON_UNIQUE);

  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
  return app;
}

void
docket_test_set_wait_timeout (guint seconds)
{
  wait_timeout = seconds;
}

gboolean
docket_test_wait_for (DocketTestCondition condition,
                      gpointer            data)
{
  gint64 deadline = g_get_monotonic_time () + wait_timeout * G_USEC_PER_SEC;

  while (!condition (data))
    {
      if (g_get_monotonic_time () > deadline)
        return FALSE;
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
  return TRUE;
}

void
docket_test_spin (guint msec)
{
  gint64 until = g_get_monotonic_time () + msec * 1000;

  while (g_get_monotonic_time () < until)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
}

typedef struct
{
  DocketWindow *window;
  const char   *id;
} RecordWait;

static gboolean
record_shown (gpointer data)
{
  RecordWait *wait = data;
  DocketRecord *record = docket_window_get_record (wait->window);

  return record != NULL &&
         (wait->id == NULL || g_strcmp0 (docket_record_get_id (record), wait->id) == 0);
}

gboolean
docket_test_wait_for_record (DocketWindow *window,
                             const char   *id)
{
  RecordWait wait = { window, id };

  return docket_test_wait_for (record_shown, &wait);
}

typedef struct
{
  GListModel *model;
  guint       n_items;
} CountWait;

static gboolean
count_is (gpointer data)
{
  CountWait *wait = data;

  return g_list_model_get_n_items (wait->model) == wait->n_items;
}

gboolean
docket_test_wait_for_n_items (GListModel *model,
                              guint       n_items)
{
  CountWait wait = { model, n_items };

  return docket_test_wait_for (count_is, &wait);
}

DocketWindow *
docket_test_open_window (DocketApplication *app,
                         const char        *path)
{
  g_autoptr(GError) error = NULL;
  DocketWindow *window = docket_application_open_catalog (app, path, &error);

  g_assert_no_error (error);
  g_assert_true (DOCKET_IS_WINDOW (window));
  g_assert_true (docket_test_wait_for_record (window, NULL));
  return window;
}

static gboolean
window_gone (gpointer data)
{
  return *(gpointer *) data == NULL;
}

void
docket_test_close_window (DocketWindow *window)
{
  gpointer weak = window;

  g_object_add_weak_pointer (G_OBJECT (window), &weak);
  gtk_window_close (GTK_WINDOW (window));
  g_assert_true (docket_test_wait_for (window_gone, &weak));
}

char *
docket_test_make_sample_catalog (const char *dir,
                                 const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *sample = g_build_filename (g_getenv ("DOCKET_SAMPLE_DIR"), "seed-memorandum.txt", NULL);
  g_autoptr(DocketStore) store = NULL;
  g_autoptr(DocketCatalogImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  DocketCatalogImportOptions options = { .collection_id = "frus1964-68v05" };

  store = docket_store_open (path, &error);
  g_assert_no_error (error);
  report = docket_catalog_import_file (store, sample, &options, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (report);
  return g_steal_pointer (&path);
}

DocketRecord *
docket_test_load_record (const char *path,
                         const char *id)
{
  g_autoptr(DocketStore) store = NULL;
  g_autoptr(GError) error = NULL;
  DocketRecord *record;

  store = docket_store_open (path, &error);
  g_assert_no_error (error);
  record = docket_store_load_record (store, id, &error);
  g_assert_no_error (error);
  return record;
}

GtkTextBuffer *
docket_test_view_buffer (DocketWindow *window)
{
  return gtk_text_view_get_buffer (docket_document_view_get_text_view (_docket_window_get_document_view (window)));
}

void
docket_test_place_cursor (DocketWindow *window,
                          const char   *text,
                          gboolean      after)
{
  GtkTextBuffer *buffer = docket_test_view_buffer (window);
  GtkTextIter start, match_start, match_end;

  gtk_text_buffer_get_start_iter (buffer, &start);
  g_assert_true (gtk_text_iter_forward_search (&start, text, 0, &match_start, &match_end, NULL));
  gtk_text_buffer_place_cursor (buffer, after ? &match_end : &match_start);
}
