/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "docket-window-catalog-watch"

#include "config.h"

#include "docket-window-private.h"

/* Keeping up with the catalog: changes another program made to it (the
 * list and the open record are read again), records added through this
 * window's store, and the search index brought up to date after either. */

/* How often the window asks whether another program changed the catalog. */
#define CATALOG_POLL_MSEC 1500

static void
fresh_record_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(DocketWindow) self = user_data;
  g_autoptr(DocketRecord) fresh = NULL;
  g_autoptr(GError) error = NULL;
  DocketRecord *record;

  fresh = docket_store_load_record_finish (DOCKET_STORE (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  /* Only a record with nothing left to save is replaced; pending edits
   * meet the newer version when they are saved, as a conflict. */
  record = docket_window_get_record (self);
  if (fresh == NULL || record == NULL ||
      g_strcmp0 (docket_record_get_id (record), docket_record_get_id (fresh)) != 0 ||
      docket_edit_session_get_state (self->session) != DOCKET_EDIT_SESSION_SAVED ||
      docket_record_get_version (fresh) <= docket_record_get_version (record))
    return;

  if (!docket_edit_session_reload (self->session, &error))
    {
      if (!g_error_matches (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_CONFLICT))
        docket_window_show_error (self, error->message);
      return;
    }
  docket_review_pane_refresh (self->review_pane);
}

/* Another program (docket-cli, a second window) changed the catalog: show
 * the list as it is now, and the open record too if it has changed there
 * and has no edits waiting to be saved. */
static void
catalog_changed_elsewhere (DocketWindow *self)
{
  DocketRecord *record = docket_window_get_record (self);

  self->n_catalog_records = docket_store_count_records (self->store, NULL, NULL);
  _docket_window_refresh_list (self);
  if (record != NULL && docket_edit_session_get_state (self->session) == DOCKET_EDIT_SESSION_SAVED)
    docket_store_load_record_async (self->store, docket_record_get_id (record), self->cancellable,
                                    fresh_record_cb, g_object_ref (self));
}

static void update_search_index (DocketWindow *self);

static void
index_updated_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(DocketWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  guint indexed = 0;

  if (!docket_store_update_index_finish (DOCKET_STORE (source), result, &indexed, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("Search index not brought up to date: %s", error->message);
      g_clear_object (&self->index_cancellable);
      return;
    }
  g_clear_object (&self->index_cancellable);

  /* Until now a filter searched the index as it stood: show what it
   * finds with the new records in. */
  if (self->model != NULL)
    {
      g_debug ("Indexed %u new records for search", indexed);
      _docket_window_refresh_list (self);
    }
  if (self->index_again)
    {
      self->index_again = FALSE;
      update_search_index (self);
    }
}

/* Records an import added (here or in another program) are indexed for
 * search in a thread, through a connection of the store's own, so that
 * the list and the record stay responsive; a filter typed meanwhile finds
 * what is indexed so far and is refreshed when the rest is. Cheap when
 * there is nothing to index. */
static void
update_search_index (DocketWindow *self)
{
  if (self->index_cancellable != NULL)
    {
      self->index_again = TRUE;
      return;
    }
  if (docket_store_count_unindexed (self->store, NULL) == 0)
    return;
  self->index_cancellable = g_cancellable_new ();
  docket_store_update_index_async (self->store, self->index_cancellable, index_updated_cb,
                                   g_object_ref (self));
  /* The count under the list says that a filter's matches are not all in yet. */
  _docket_window_update_count (self);
}

/**
 * _docket_window_is_indexing:
 *
 * Returns: whether records are being indexed for search in a thread, so
 *   that a filter may not find them yet
 */
gboolean
_docket_window_is_indexing (DocketWindow *self)
{
  return self->index_cancellable != NULL;
}

/* Asking SQLite whether another connection wrote costs next to nothing
 * (no table is read), so the window asks often. */
static gboolean
catalog_poll_cb (gpointer data)
{
  DocketWindow *self = data;
  g_autoptr(GError) error = NULL;
  gint64 version;

  /* While the index thread commits chunk after chunk, each commit looks
   * like another program's change; the list is read again once it is done
   * (index_updated_cb), and a real change made meanwhile is seen then. */
  if (_docket_window_is_indexing (self))
    return G_SOURCE_CONTINUE;

  if (!docket_store_get_data_version (self->store, &version, &error))
    {
      g_debug ("Could not ask whether the catalog changed: %s", error->message);
      return G_SOURCE_CONTINUE;
    }
  if (version != self->data_version)
    {
      self->data_version = version;
      catalog_changed_elsewhere (self);
      update_search_index (self);
    }
  return G_SOURCE_CONTINUE;
}

/* Records added or removed through this window's store (an import): the
 * list reads the catalog again. Saves of the open record change no count
 * and leave the list (and its selection) alone. */
static void
store_records_changed_cb (DocketWindow *self)
{
  guint n = docket_store_count_records (self->store, NULL, NULL);

  if (n == self->n_catalog_records)
    return;
  self->n_catalog_records = n;
  _docket_window_refresh_list (self);
  update_search_index (self);
}

/* Starts watching the catalog, and indexes what an earlier import left
 * unindexed. */
void
_docket_window_watch_catalog (DocketWindow *self)
{
  self->n_catalog_records = docket_store_count_records (self->store, NULL, NULL);
  g_signal_connect_object (self->store, "records-changed", G_CALLBACK (store_records_changed_cb),
                           self, G_CONNECT_SWAPPED);
  if (!docket_store_get_data_version (self->store, &self->data_version, NULL))
    self->data_version = -1;
  self->catalog_poll_id = g_timeout_add (CATALOG_POLL_MSEC, catalog_poll_cb, self);
  update_search_index (self);
}
