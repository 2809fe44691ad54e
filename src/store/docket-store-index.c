/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "docket-store"

#include "config.h"

#include "docket-store.h"
#include "docket-store-private.h"

/* The full-text index (record_fts) is derived from the record rows and
 * never holds anything they do not.
 *
 * An edited record is indexed in the transaction that saves it. Records
 * that an import adds are only queued (fts_pending, in the same
 * transaction), and indexed in one statement afterwards: by
 * docket_store_update_index(), which the window runs in a thread after an
 * import, or at the latest by the first query that searches. Importing a
 * volume then costs its rows, not the tokenizing of its text, and no search
 * ever misses a record: every search brings the index up to date first. */

/* The same text for a record as _docket_store_index_record() gives it,
 * built from the rows. */
#define INDEX_PENDING_SQL \
  "INSERT INTO record_fts (rowid, heading, subject, title, body, footnotes, terms)" \
  " SELECT r.rid, r.heading, r.subject, r.title," \
  "   (SELECT group_concat (text, char (10)) FROM" \
  "      (SELECT text FROM block WHERE record_rid = r.rid ORDER BY seq))," \
  "   (SELECT group_concat (text, char (10)) FROM" \
  "      (SELECT text FROM footnote WHERE record_rid = r.rid ORDER BY seq))," \
  "   (SELECT group_concat (t, char (10)) FROM" \
  "      (SELECT term AS t FROM access_point WHERE record_rid = r.rid AND term IS NOT NULL" \
  "       UNION ALL SELECT name FROM record_agent WHERE record_rid = r.rid AND name IS NOT NULL))" \
  " FROM fts_pending AS p JOIN record AS r ON r.rid = p.rid"

/* How long a search waits for another writer before it searches the index
 * as it stands. */
#define SEARCH_INDEX_TIMEOUT_MS 200

/* Records indexed per transaction by docket_store_update_index_async(). */
#define INDEX_CHUNK 500

static gboolean
step_with_rid (DocketStore  *self,
               const char   *sql,
               gint64        rid,
               GError      **error)
{
  g_autoptr(DocketCachedStmt) stmt = _docket_store_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, rid);
  return _docket_store_step_done (self, stmt, error);
}

static char *
join_texts (GPtrArray *items,
            gsize      text_offset)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < items->len; i++)
    {
      const char *text = G_STRUCT_MEMBER (const char *, g_ptr_array_index (items, i), text_offset);

      if (text == NULL)
        continue;
      if (out->len > 0)
        g_string_append_c (out, '\n');
      g_string_append (out, text);
    }
  return out->len > 0 ? g_string_free (g_steal_pointer (&out), FALSE) : NULL;
}

static char *
join_terms (DocketRecord *record)
{
  g_autoptr(GString) terms = g_string_new (NULL);
  GPtrArray *points = docket_record_get_access_points (record);
  GPtrArray *agents = docket_record_get_agents (record);

  for (guint i = 0; i < points->len; i++)
    {
      const DocketAccessPoint *point = g_ptr_array_index (points, i);

      if (point->term != NULL)
        g_string_append_printf (terms, "%s%s", terms->len > 0 ? "\n" : "", point->term);
    }
  for (guint i = 0; i < agents->len; i++)
    {
      const DocketAgent *agent = g_ptr_array_index (agents, i);

      if (agent->name != NULL)
        g_string_append_printf (terms, "%s%s", terms->len > 0 ? "\n" : "", agent->name);
    }
  return terms->len > 0 ? g_string_free (g_steal_pointer (&terms), FALSE) : NULL;
}

/* Indexes @record (stored as @rid) now, replacing what the index held for
 * it; called in the transaction that saves the record. */
gboolean
_docket_store_index_record (DocketStore   *self,
                            gint64         rid,
                            DocketRecord  *record,
                            GError       **error)
{
  g_autoptr(DocketCachedStmt) stmt = NULL;
  g_autofree char *body = NULL;
  g_autofree char *footnotes = NULL;
  g_autofree char *terms = NULL;

  if (!step_with_rid (self, "DELETE FROM record_fts WHERE rowid = ?", rid, error) ||
      !step_with_rid (self, "DELETE FROM fts_pending WHERE rid = ?", rid, error))
    return FALSE;

  body = join_texts (docket_record_get_body (record), G_STRUCT_OFFSET (DocketBlock, text));
  footnotes = join_texts (docket_record_get_footnotes (record), G_STRUCT_OFFSET (DocketFootnote, text));
  terms = join_terms (record);

  stmt = _docket_store_prepare (self,
                                "INSERT INTO record_fts (rowid, heading, subject, title, body, footnotes, terms)"
                                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, rid);
  _docket_store_bind_static (stmt, 2, docket_record_get (record, DOCKET_FIELD_HEADING));
  _docket_store_bind_static (stmt, 3, docket_record_get (record, DOCKET_FIELD_SUBJECT));
  _docket_store_bind_static (stmt, 4, docket_record_get (record, DOCKET_FIELD_TITLE));
  _docket_store_bind_static (stmt, 5, body);
  _docket_store_bind_static (stmt, 6, footnotes);
  _docket_store_bind_static (stmt, 7, terms);
  return _docket_store_step_done (self, stmt, error);
}

/* The largest rid in the catalog (0 when it is empty): records inserted
 * after this call, in the same transaction, all have larger ones. */
gboolean
_docket_store_last_rid (DocketStore  *self,
                        gint64       *out_rid,
                        GError      **error)
{
  g_autoptr(DocketCachedStmt) stmt = _docket_store_prepare (self, "SELECT coalesce (max (rid), 0) FROM record", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return _docket_store_set_error (self, rc, error);
  *out_rid = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

/* Queues the records inserted since the catalog's last rid was
 * @last_rid_before (they have no index entry yet) for the next update of
 * the index. */
gboolean
_docket_store_index_later (DocketStore  *self,
                           gint64        last_rid_before,
                           GError      **error)
{
  return step_with_rid (self,
                        "INSERT OR IGNORE INTO fts_pending (rid) SELECT rid FROM record WHERE rid > ?",
                        last_rid_before, error);
}

static gboolean
has_pending (DocketStore  *self,
             sqlite3      *db,
             gboolean     *out_pending,
             GError      **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, "SELECT EXISTS (SELECT 1 FROM fts_pending)", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *out_pending = sqlite3_column_int (stmt, 0) != 0;
  sqlite3_finalize (stmt);
  return rc == SQLITE_ROW ? TRUE : _docket_store_set_error_for (self, db, rc, error);
}

static gboolean
exec_with_rid (DocketStore  *self,
               sqlite3      *db,
               const char   *sql,
               gint64        rid,
               GError      **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_int64 (stmt, 1, rid);
      rc = sqlite3_step (stmt);
    }
  sqlite3_finalize (stmt);
  return rc == SQLITE_DONE ? TRUE : _docket_store_set_error_for (self, db, rc, error);
}

/* Indexes the queued records up to @last_rid through @db, in the caller's
 * transaction, and takes them off the queue. */
static gboolean
index_queued (DocketStore  *self,
              sqlite3      *db,
              gint64        last_rid,
              guint        *out_indexed,
              GError      **error)
{
  if (!exec_with_rid (self, db, INDEX_PENDING_SQL " WHERE p.rid <= ?", last_rid, error))
    return FALSE;
  *out_indexed = (guint) sqlite3_changes (db);
  return exec_with_rid (self, db, "DELETE FROM fts_pending WHERE rid <= ?", last_rid, error);
}

/* Brings the index up to date with all the queued records, in one
 * transaction (a savepoint inside a batch). Called with the lock held. */
gboolean
_docket_store_update_index_locked (DocketStore  *self,
                                   guint        *out_indexed,
                                   GError      **error)
{
  gboolean pending = FALSE;
  guint indexed = 0;

  if (out_indexed != NULL)
    *out_indexed = 0;

  /* The cheap check first: a search must not take the write lock when
   * there is nothing to do. */
  if (!has_pending (self, self->db, &pending, error))
    return FALSE;
  if (!pending)
    return TRUE;

  if (!_docket_store_begin (self, error))
    return FALSE;
  if (!index_queued (self, self->db, G_MAXINT64, &indexed, error) ||
      !_docket_store_commit (self, error))
    {
      _docket_store_rollback (self);
      return FALSE;
    }
  g_debug ("Indexed %u records of %s", indexed, self->display_name);
  if (out_indexed != NULL)
    *out_indexed = indexed;
  return TRUE;
}

/* Before a query that searches the index. While the index is being brought
 * up to date in a thread (the window, after an import), a search uses it
 * as it stands rather than wait; so does a search that finds the catalog
 * locked by another writer for longer than a moment. */
void
_docket_store_prepare_search_locked (DocketStore *self)
{
  g_autoptr(GError) error = NULL;

  if (g_atomic_int_get (&self->indexing) > 0)
    return;

  /* A search typed into the window must not wait out another process's
   * whole import for the write lock. */
  sqlite3_busy_timeout (self->db, SEARCH_INDEX_TIMEOUT_MS);
  if (!_docket_store_update_index_locked (self, NULL, &error))
    g_debug ("Search index of %s not brought up to date: %s", self->display_name, error->message);
  sqlite3_busy_timeout (self->db, DOCKET_STORE_BUSY_TIMEOUT_MS);
}

/**
 * docket_store_update_index:
 * @out_indexed: (out) (optional): how many records were indexed
 *
 * Indexes the records that imports have added since the last update, in
 * one transaction. Searches do this themselves before they run.
 *
 * Returns: %TRUE if the index is up to date
 */
gboolean
docket_store_update_index (DocketStore  *self,
                           guint        *out_indexed,
                           GError      **error)
{
  g_autoptr(GRecMutexLocker) locker = NULL;

  g_return_val_if_fail (DOCKET_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  locker = g_rec_mutex_locker_new (&self->lock);
  return _docket_store_update_index_locked (self, out_indexed, error);
}

/**
 * docket_store_count_unindexed:
 *
 * Returns: how many records imports have added that the search index does
 *   not cover yet (0 on failure, with @error set)
 */
guint
docket_store_count_unindexed (DocketStore  *self,
                              GError      **error)
{
  g_autoptr(GRecMutexLocker) locker = NULL;
  sqlite3_stmt *stmt = NULL;
  guint n = 0;
  int rc;

  g_return_val_if_fail (DOCKET_IS_STORE (self), 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  locker = g_rec_mutex_locker_new (&self->lock);
  rc = sqlite3_prepare_v2 (self->db, "SELECT count(*) FROM fts_pending", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    n = (guint) sqlite3_column_int64 (stmt, 0);
  else
    _docket_store_set_error (self, rc, error);
  sqlite3_finalize (stmt);
  return n;
}

/* The rid that ends the next chunk of the queue, or G_MAXINT64 when the
 * rest of the queue fits in one. */
static gboolean
chunk_end (DocketStore  *self,
           sqlite3      *db,
           gint64       *out_last_rid,
           GError      **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, "SELECT rid FROM fts_pending ORDER BY rid LIMIT 1 OFFSET ?", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_int (stmt, 1, INDEX_CHUNK - 1);
      rc = sqlite3_step (stmt);
    }
  *out_last_rid = rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : G_MAXINT64;
  sqlite3_finalize (stmt);
  return rc == SQLITE_ROW || rc == SQLITE_DONE ? TRUE : _docket_store_set_error_for (self, db, rc, error);
}

static gboolean
exec (DocketStore  *self,
      sqlite3      *db,
      const char   *sql,
      GError      **error)
{
  int rc = sqlite3_exec (db, sql, NULL, NULL, NULL);

  return rc == SQLITE_OK ? TRUE : _docket_store_set_error_for (self, db, rc, error);
}

/* The thread's work: its own connection, so that the store's connection
 * (and the window that reads through it) is never held up, and chunks of
 * INDEX_CHUNK records per transaction, so that a save waits for the write
 * lock no longer than one chunk takes. */
static gboolean
update_index_in_chunks (DocketStore   *self,
                        GCancellable  *cancellable,
                        guint         *out_indexed,
                        GError       **error)
{
  sqlite3 *db = NULL;
  gboolean ok = TRUE;
  int rc;

  *out_indexed = 0;
  rc = sqlite3_open_v2 (self->path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      _docket_store_set_error_for (self, db, rc, error);
      sqlite3_close (db);
      return FALSE;
    }
  sqlite3_busy_timeout (db, DOCKET_STORE_BUSY_TIMEOUT_MS);
  ok = exec (self, db, "PRAGMA synchronous = NORMAL; PRAGMA temp_store = MEMORY", error);

  while (ok)
    {
      gboolean pending = FALSE;
      gint64 last_rid = 0;
      guint indexed = 0;

      if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
          !has_pending (self, db, &pending, error))
        {
          ok = FALSE;
          break;
        }
      if (!pending)
        break;

      if (!exec (self, db, "BEGIN IMMEDIATE", error))
        {
          ok = FALSE;
          break;
        }
      if (!chunk_end (self, db, &last_rid, error) ||
          !index_queued (self, db, last_rid, &indexed, error) ||
          !exec (self, db, "COMMIT", error))
        {
          sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
          ok = FALSE;
          break;
        }
      *out_indexed += indexed;
    }

  sqlite3_close (db);
  if (*out_indexed > 0)
    g_debug ("Indexed %u records of %s", *out_indexed, self->display_name);
  return ok;
}

/**
 * docket_store_is_indexing:
 *
 * Returns: whether docket_store_update_index_async() is indexing records
 *   in a thread, so that a search may not find all of them yet (the store
 *   emits #DocketStore::index-updated when it is done)
 */
gboolean
docket_store_is_indexing (DocketStore *self)
{
  g_return_val_if_fail (DOCKET_IS_STORE (self), FALSE);
  return g_atomic_int_get (&self->indexing) > 0;
}

static void
update_index_thread (GTask        *task,
                     gpointer      source_object,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  DocketStore *self = source_object;
  GError *error = NULL;
  guint indexed = 0;
  gboolean ok;

  ok = update_index_in_chunks (self, cancellable, &indexed, &error);
  g_atomic_int_dec_and_test (&self->indexing);
  /* Also after a failure: what was indexed before it was committed. Told
   * after the count dropped, so the search run again when it is told
   * searches an index that is up to date. */
  if (indexed > 0)
    _docket_store_notify_index_updated (self);
  if (ok)
    g_task_return_int (task, indexed);
  else
    g_task_return_error (task, error);
}

/**
 * docket_store_update_index_async:
 *
 * Indexes the records that imports have added, in a thread and through a
 * connection of its own, a few hundred records per transaction: the store
 * stays free for reading and saving meanwhile, and searches use the index
 * as it stands until it is done. Call it after an import and when a
 * catalog is opened, then refresh any search shown once it finishes.
 */
void
docket_store_update_index_async (DocketStore         *self,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (DOCKET_IS_STORE (self));

  g_atomic_int_inc (&self->indexing);
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, docket_store_update_index_async);
  g_task_run_in_thread (task, update_index_thread);
}

/**
 * docket_store_update_index_finish:
 * @out_indexed: (out) (optional): how many records were indexed
 *
 * Returns: %TRUE if the index is up to date
 */
gboolean
docket_store_update_index_finish (DocketStore   *self,
                                  GAsyncResult  *result,
                                  guint         *out_indexed,
                                  GError       **error)
{
  gssize indexed;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  indexed = g_task_propagate_int (G_TASK (result), error);
  if (indexed < 0)
    return FALSE;
  if (out_indexed != NULL)
    *out_indexed = (guint) indexed;
  return TRUE;
}
