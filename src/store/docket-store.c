/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "docket-store"

#include "config.h"

#include "docket-store.h"
#include "docket-store-private.h"

G_DEFINE_FINAL_TYPE (DocketStore, docket_store, G_TYPE_OBJECT)

G_DEFINE_QUARK (docket-store-error-quark, docket_store_error)

enum {
  RECORDS_CHANGED,
  INDEX_UPDATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Closes the connection, with the statements prepared on it. */
void
_docket_store_close_db (DocketStore *self)
{
  /* Statements must be finalized before the connection can close. */
  g_clear_pointer (&self->statements_by_address, g_hash_table_unref);
  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->db != NULL)
    {
      int rc = sqlite3_close (self->db);

      if (rc != SQLITE_OK)
        g_warning ("Could not close catalog %s: %s", self->path, sqlite3_errstr (rc));
      self->db = NULL;
    }
}

static void
docket_store_finalize (GObject *object)
{
  DocketStore *self = DOCKET_STORE (object);

  _docket_store_close_db (self);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->display_name, g_free);
  g_rec_mutex_clear (&self->lock);

  G_OBJECT_CLASS (docket_store_parent_class)->finalize (object);
}

static void
docket_store_class_init (DocketStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = docket_store_finalize;

  /**
   * DocketStore::records-changed:
   *
   * Emitted, in the main context that was the thread default when the
   * store was opened, some time after one or more changes were committed.
   * Several changes in a row may give one emission.
   */
  signals[RECORDS_CHANGED] =
    g_signal_new ("records-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /**
   * DocketStore::index-updated:
   *
   * Emitted, in the same main context as #DocketStore::records-changed,
   * after docket_store_update_index_async() indexed records for search:
   * a search shown while it ran may find more now.
   */
  signals[INDEX_UPDATED] =
    g_signal_new ("index-updated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
finalize_statement (gpointer data)
{
  sqlite3_finalize (data);
}

static void
docket_store_init (DocketStore *self)
{
  g_rec_mutex_init (&self->lock);
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal,
                                            g_free, finalize_statement);
  self->statements_by_address = g_hash_table_new (NULL, NULL);
  self->context = g_main_context_ref_thread_default ();
}

/**
 * docket_store_get_schema_version:
 *
 * Returns: the schema version (PRAGMA user_version) this build writes
 */
guint
docket_store_get_schema_version (void)
{
  return _docket_store_n_migrations ();
}

/**
 * docket_store_dup_default_path:
 *
 * Returns: (transfer full): `$XDG_DATA_HOME/docket/catalog.db`
 */
char *
docket_store_dup_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "docket", "catalog.db", NULL);
}

static gboolean
emit_records_changed (gpointer data)
{
  GWeakRef *ref = data;
  g_autoptr(DocketStore) self = g_weak_ref_get (ref);

  if (self != NULL)
    {
      g_atomic_int_set (&self->notify_pending, 0);
      g_signal_emit (self, signals[RECORDS_CHANGED], 0);
    }
  return G_SOURCE_REMOVE;
}

static gboolean
emit_index_updated (gpointer data)
{
  GWeakRef *ref = data;
  g_autoptr(DocketStore) self = g_weak_ref_get (ref);

  if (self != NULL)
    g_signal_emit (self, signals[INDEX_UPDATED], 0);
  return G_SOURCE_REMOVE;
}

static void
free_weak_ref (gpointer data)
{
  g_weak_ref_clear (data);
  g_free (data);
}

/* @emit called with the store, if it still exists, from the store's
 * context: signals are emitted there whichever thread made the change. */
static void
emit_in_store_context (DocketStore *self,
                       GSourceFunc  emit,
                       const char  *name)
{
  g_autoptr(GSource) source = NULL;
  GWeakRef *ref;

  ref = g_new0 (GWeakRef, 1);
  g_weak_ref_init (ref, self);
  source = g_idle_source_new ();
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_static_name (source, name);
  g_source_set_callback (source, emit, ref, free_weak_ref);
  g_source_attach (source, self->context);
}

/* Called after a commit; coalesces into one emission in the store's
 * context. */
void
_docket_store_notify_changed (DocketStore *self)
{
  /* Inside a batch nothing is visible to others yet, and a listener that
   * read the catalog now would wait for the batch's lock: the batch's
   * commit (or abort) tells them. */
  if (self->batch_depth > 0)
    return;
  if (!g_atomic_int_compare_and_exchange (&self->notify_pending, 0, 1))
    return;
  emit_in_store_context (self, emit_records_changed, "[docket] records-changed");
}

/* Called after records were indexed in a thread. */
void
_docket_store_notify_index_updated (DocketStore *self)
{
  emit_in_store_context (self, emit_index_updated, "[docket] index-updated");
}

/**
 * docket_store_get_path:
 *
 * Returns: the catalog file's path
 */
const char *
docket_store_get_path (DocketStore *self)
{
  g_return_val_if_fail (DOCKET_IS_STORE (self), NULL);
  return self->path;
}

/**
 * docket_store_get_data_version:
 * @out_version: (out): the catalog's data version
 *
 * Reads SQLite's `PRAGMA data_version`, which changes when another
 * connection (another program, or another #DocketStore on the same file)
 * commits a change, and not for changes made through this store, which
 * #DocketStore::records-changed announces. It reads no table, so a window
 * may ask every second or so whether to read the catalog again.
 *
 * Returns: %TRUE with @out_version set, or %FALSE with @error set
 */
gboolean
docket_store_get_data_version (DocketStore  *self,
                               gint64       *out_version,
                               GError      **error)
{
  g_autoptr(GRecMutexLocker) locker = NULL;
  g_autoptr(DocketCachedStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (DOCKET_IS_STORE (self), FALSE);
  g_return_val_if_fail (out_version != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  locker = g_rec_mutex_locker_new (&self->lock);
  stmt = _docket_store_prepare (self, "PRAGMA data_version", error);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return _docket_store_set_error (self, rc, error);
  *out_version = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}
