/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "docket-store"

#include "config.h"

#include "docket-store.h"
#include "docket-store-private.h"

/* Transactions, and batches of them (savepoints inside one transaction);
 * first, the journal that makes them whole, and the other settings of a
 * connection and of a new catalog's file. */

/* A new catalog's pages: twice SQLite's default, so that an import writes
 * half as many of them to the write-ahead log and again to the catalog
 * when the log is copied back (a page costs a write call and a frame
 * header each time). Existing catalogs keep the size they were made with. */
#define NEW_CATALOG_PAGE_SIZE "8192"

/* Reads the one number a statement such as a PRAGMA answers. */
gboolean
_docket_store_query_int64 (DocketStore  *self,
                           const char   *sql,
                           gint64       *out_value,
                           GError      **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      sqlite3_finalize (stmt);
      return _docket_store_set_error (self, rc, error);
    }
  *out_value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return TRUE;
}

/* Switches the connection to the write-ahead log, and makes sure it never
 * stays without a journal: where the file system cannot share the log's
 * index, SQLite answers with the mode it kept.
 *
 * Two programs that open the same new catalog at once both switch it. The
 * switch reads the file, then writes its first page; the one that finds
 * the other's write lock taken by then gets SQLITE_BUSY at once rather
 * than after the busy timeout (waiting while it reads could deadlock), so
 * it tries again, and then finds the switch made. */
static gboolean
use_write_ahead_log (DocketStore  *self,
                     GError      **error)
{
  gint64 deadline = g_get_monotonic_time () + DOCKET_STORE_BUSY_TIMEOUT_MS * G_TIME_SPAN_MILLISECOND;
  gboolean wal = FALSE;
  int rc;

  for (;;)
    {
      sqlite3_stmt *stmt = NULL;

      rc = sqlite3_prepare_v2 (self->db, "PRAGMA journal_mode = WAL", -1, &stmt, NULL);
      if (rc == SQLITE_OK)
        rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          wal = g_ascii_strcasecmp ((const char *) sqlite3_column_text (stmt, 0), "wal") == 0;
          rc = SQLITE_OK;
        }
      sqlite3_finalize (stmt);
      if (rc != SQLITE_BUSY || g_get_monotonic_time () >= deadline)
        break;
      g_usleep (G_TIME_SPAN_MILLISECOND);
    }
  if (rc != SQLITE_OK)
    return _docket_store_set_error (self, rc, error);
  if (!wal)
    return _docket_store_exec (self, "PRAGMA journal_mode = DELETE", error);
  return TRUE;
}

/* On a new, empty file, switching to the write-ahead log writes the
 * file's first page. With a rollback journal, as SQLite would otherwise
 * use for that, this costs a journal created, synced twice, its folder
 * synced, and deleted, only to record that the file was empty; a crash
 * can leave no more than that first page either way, which opens as an
 * empty catalog. So the journal is turned off for the switch, but only
 * while the file is still empty. Another program opening the same new
 * catalog may make it a catalog between this check and the switch; the
 * switch then writes nothing, since every Docket makes its catalogs in
 * write-ahead-log mode (and where that fails, the connection goes back to
 * a rollback journal). The journal mode is the connection's own, and this
 * connection writes nothing before the switch. */
static gboolean
no_journal_while_empty (DocketStore  *self,
                        GError      **error)
{
  gint64 pages = 0;

  if (!_docket_store_begin_read (self, error))
    return FALSE;
  if (!_docket_store_query_int64 (self, "PRAGMA page_count", &pages, error) ||
      (pages == 0 && !_docket_store_exec (self, "PRAGMA journal_mode = OFF", error)))
    {
      _docket_store_rollback (self);
      return FALSE;
    }
  return _docket_store_commit (self, error);
}

/* The settings of every connection, and of a new catalog's file. */
gboolean
_docket_store_configure (DocketStore  *self,
                         gboolean      new_file,
                         GError      **error)
{
  /* The page size counts only while the file is empty, so it needs no
   * check: whoever writes the first page sets it. */
  if (new_file &&
      (!_docket_store_exec (self, "PRAGMA page_size = " NEW_CATALOG_PAGE_SIZE, error) ||
       !no_journal_while_empty (self, error)))
    return FALSE;

  return _docket_store_exec (self, "PRAGMA foreign_keys = ON", error) &&
         use_write_ahead_log (self, error) &&
         _docket_store_exec (self, "PRAGMA synchronous = NORMAL", error) &&
         /* A volume's import is one transaction of a few megabytes; with
          * the default 2 MB cache its pages are spilled to the log and
          * read back before the commit. Memory is only taken as pages are
          * used. */
         _docket_store_exec (self, "PRAGMA cache_size = -32768", error) &&
         /* The savepoint of each file in a batch keeps its statement
          * journal in memory rather than in a file of its own under
          * /var/tmp. */
         _docket_store_exec (self, "PRAGMA temp_store = MEMORY", error);
}

/* Write transactions take the write lock at once (IMMEDIATE), so that the
 * busy timeout applies at the start instead of failing half-way. Inside a
 * batch each of them is a savepoint of the batch's transaction, so that it
 * still succeeds or fails whole. */
gboolean
_docket_store_begin (DocketStore  *self,
                     GError      **error)
{
  if (self->batch_depth > 0)
    return _docket_store_exec (self, "SAVEPOINT docket_step", error);
  return _docket_store_exec (self, "BEGIN IMMEDIATE", error);
}

/* A read transaction, so that what is read at once agrees. */
gboolean
_docket_store_begin_read (DocketStore  *self,
                          GError      **error)
{
  if (self->batch_depth > 0)
    return _docket_store_exec (self, "SAVEPOINT docket_step", error);
  return _docket_store_exec (self, "BEGIN", error);
}

gboolean
_docket_store_commit (DocketStore  *self,
                      GError      **error)
{
  if (self->batch_depth > 0)
    return _docket_store_exec (self, "RELEASE docket_step", error);
  return _docket_store_exec (self, "COMMIT", error);
}

void
_docket_store_rollback (DocketStore *self)
{
  if (sqlite3_get_autocommit (self->db))
    return;
  if (self->batch_depth > 0)
    sqlite3_exec (self->db, "ROLLBACK TO docket_step; RELEASE docket_step", NULL, NULL, NULL);
  else
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
}

/* After a batch that only added rows: the foreign keys are checked again
 * for whatever the connection does next. */
static void
end_adds_only (DocketStore *self)
{
  g_autoptr(GError) error = NULL;

  if (!self->batch_adds_only)
    return;
  self->batch_adds_only = FALSE;
  if (!_docket_store_exec (self, "PRAGMA foreign_keys = ON", &error))
    g_warning ("Could not check foreign keys again in catalog %s: %s", self->path, error->message);
}

/* Whether the caller may delete or replace rows: not inside a batch that
 * said it only adds them, where the cascades that would take their rows
 * with them do not run. Called with the lock held. */
gboolean
_docket_store_may_remove_rows (DocketStore *self)
{
  if (!self->batch_adds_only)
    return TRUE;
  g_critical ("Catalog %s: a record is deleted or replaced inside a batch begun with "
              "DOCKET_STORE_BATCH_ADDS_ONLY; refused", self->path);
  return FALSE;
}

/**
 * docket_store_begin_batch:
 *
 * Starts a batch: until docket_store_commit_batch(), every write of this
 * store (an import of one file, a save) runs inside one transaction, each
 * still all-or-nothing on its own, and nothing is in the catalog until the
 * batch commits; an interrupted batch writes nothing. Importing many files
 * this way pays one commit instead of one per file. The batch belongs to
 * the calling thread, which holds the store until it ends.
 *
 * Returns: %TRUE if the batch started
 */
gboolean
docket_store_begin_batch (DocketStore  *self,
                          GError      **error)
{
  return docket_store_begin_batch_full (self, DOCKET_STORE_BATCH_DEFAULT, error);
}

/**
 * docket_store_begin_batch_full:
 * @flags: what the batch does; inside another batch they are those of the
 *   outermost one
 *
 * docket_store_begin_batch() for a batch that says what it does.
 *
 * Returns: %TRUE if the batch started
 */
gboolean
docket_store_begin_batch_full (DocketStore            *self,
                               DocketStoreBatchFlags   flags,
                               GError                **error)
{
  g_return_val_if_fail (DOCKET_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  g_rec_mutex_lock (&self->lock);
  if (self->batch_depth == 0)
    {
      /* The setting only changes outside a transaction. */
      if ((flags & DOCKET_STORE_BATCH_ADDS_ONLY) != 0 &&
          !_docket_store_exec (self, "PRAGMA foreign_keys = OFF", error))
        {
          g_rec_mutex_unlock (&self->lock);
          return FALSE;
        }
      self->batch_adds_only = (flags & DOCKET_STORE_BATCH_ADDS_ONLY) != 0;
      if (!_docket_store_exec (self, "BEGIN IMMEDIATE", error))
        {
          end_adds_only (self);
          g_rec_mutex_unlock (&self->lock);
          return FALSE;
        }
    }
  self->batch_depth++;
  return TRUE;
}

/**
 * docket_store_commit_batch:
 *
 * Ends a batch started with docket_store_begin_batch(), storing what it
 * wrote; on failure nothing of the batch is stored.
 *
 * Returns: %TRUE if the batch was stored
 */
gboolean
docket_store_commit_batch (DocketStore  *self,
                           GError      **error)
{
  gboolean ok = TRUE;

  g_return_val_if_fail (DOCKET_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->batch_depth > 0, FALSE);

  if (--self->batch_depth == 0)
    {
      ok = _docket_store_exec (self, "COMMIT", error);
      if (!ok)
        _docket_store_rollback (self);
      end_adds_only (self);
      _docket_store_notify_changed (self);
    }
  g_rec_mutex_unlock (&self->lock);
  return ok;
}

/**
 * docket_store_abort_batch:
 *
 * Ends a batch, storing nothing of it.
 */
void
docket_store_abort_batch (DocketStore *self)
{
  g_return_if_fail (DOCKET_IS_STORE (self));
  g_return_if_fail (self->batch_depth > 0);

  /* Nothing changed, and nothing was told inside the batch: no notice. */
  if (--self->batch_depth == 0)
    {
      _docket_store_rollback (self);
      end_adds_only (self);
    }
  g_rec_mutex_unlock (&self->lock);
}
