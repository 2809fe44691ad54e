/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "docket-store"

#include "config.h"

#include "docket-store.h"
#include "docket-store-private.h"

/* Deleting a record. */

/**
 * docket_store_delete_record:
 *
 * Deletes a record with its lists, search entry and history.
 *
 * Returns: %TRUE on success; %DOCKET_STORE_ERROR_NOT_FOUND if there was none
 */
gboolean
docket_store_delete_record (DocketStore  *self,
                            const char   *id,
                            GError      **error)
{
  g_autoptr(GRecMutexLocker) locker = NULL;
  g_autoptr(DocketCachedStmt) stmt = NULL;

  g_return_val_if_fail (DOCKET_IS_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  locker = g_rec_mutex_locker_new (&self->lock);
  if (!_docket_store_may_remove_rows (self))
    return FALSE;
  if (!_docket_store_begin (self, error))
    return FALSE;
  stmt = _docket_store_prepare (self, "DELETE FROM record WHERE id = ?", error);
  if (stmt == NULL)
    goto fail;
  _docket_store_bind_text (stmt, 1, id);
  if (!_docket_store_step_done (self, stmt, error))
    goto fail;
  if (sqlite3_changes (self->db) == 0)
    {
      _docket_store_not_found (self, id, error);
      goto fail;
    }
  if (!_docket_store_commit (self, error))
    goto fail;
  _docket_store_notify_changed (self);
  return TRUE;

fail:
  _docket_store_rollback (self);
  return FALSE;
}
