/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "docket-store"

#include "config.h"

#include "docket-store.h"
#include "docket-store-private.h"

/* Transactions, and batches of them (savepoints inside one transaction). */

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
  g_return_val_if_fail (DOCKET_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  g_rec_mutex_lock (&self->lock);
  if (self->batch_depth == 0 && !_docket_store_exec (self, "BEGIN IMMEDIATE", error))
    {
      g_rec_mutex_unlock (&self->lock);
      return FALSE;
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

  if (--self->batch_depth == 0)
    {
      _docket_store_rollback (self);
      _docket_store_notify_changed (self);
    }
  g_rec_mutex_unlock (&self->lock);
}
