/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "docket-edit-session-conflict"

#include "config.h"

#include <glib/gi18n.h>

#include "docket-edit-session-private.h"

/* A conflict: the catalog holds a newer version than the one loaded. The
 * user keeps theirs or takes the catalog's; a reload after a change made
 * in the catalog on purpose takes the catalog's too. */

void
_docket_edit_session_load_theirs (DocketEditSession *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_object (&self->theirs);
  self->theirs = docket_store_load_record (self->store, docket_record_get_id (self->record), &error);
  if (self->theirs == NULL)
    g_message ("Could not read the catalog’s version of %s: %s",
               docket_record_get_id (self->record), error->message);
}

/**
 * docket_edit_session_keep_mine:
 *
 * Resolves a conflict by saving this version over the catalog's.
 */
gboolean
docket_edit_session_keep_mine (DocketEditSession *self,
                               GError           **error)
{
  g_return_val_if_fail (DOCKET_IS_EDIT_SESSION (self), FALSE);
  g_return_val_if_fail (self->state == DOCKET_EDIT_SESSION_CONFLICT, FALSE);

  if (self->theirs == NULL)
    _docket_edit_session_load_theirs (self);
  if (self->theirs != NULL)
    docket_record_set_version (self->record, docket_record_get_version (self->theirs));
  g_clear_object (&self->theirs);

  self->dirty = TRUE;
  _docket_edit_session_set_state (self, DOCKET_EDIT_SESSION_PENDING);
  return docket_edit_session_flush (self, error);
}

/* Replaces this version with @theirs in place, so that whoever watches the
 * record sees each field change; drops the changes made here and the undo
 * history, which describe the version replaced. */
static void
adopt (DocketEditSession *self,
       DocketRecord      *theirs)
{
  guint n_lists;
  const ListInfo *lists = _docket_edit_session_get_lists (&n_lists);

  self->applying++;
  for (guint i = 0; i < DOCKET_N_FIELDS; i++)
    docket_record_set (self->record, i, docket_record_get (theirs, i));
  for (guint i = 0; i < n_lists; i++)
    {
      g_autoptr(GPtrArray) items = _docket_edit_session_snapshot_list (&lists[i], theirs);

      if (!_docket_edit_session_lists_equal (&lists[i], items, lists[i].get (self->record)))
        _docket_edit_session_replace_list (&lists[i], self->record, items);
    }
  docket_record_set_extra_xml (self->record, docket_record_get_extra_xml (theirs));
  docket_record_set_version (self->record, docket_record_get_version (theirs));
  self->applying--;

  g_clear_object (&self->shadow);
  self->shadow = docket_record_copy (self->record);
  g_clear_object (&self->theirs);
  g_clear_error (&self->error);
  _docket_edit_session_clear_history (self);
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  self->dirty = FALSE;
  _docket_edit_session_set_state (self, DOCKET_EDIT_SESSION_SAVED);
}

/**
 * docket_edit_session_take_theirs:
 *
 * Resolves a conflict by replacing this version with the catalog's. The
 * changes made here are dropped, and so is the undo history.
 */
void
docket_edit_session_take_theirs (DocketEditSession *self)
{
  g_return_if_fail (DOCKET_IS_EDIT_SESSION (self));
  g_return_if_fail (self->state == DOCKET_EDIT_SESSION_CONFLICT);

  if (self->theirs == NULL)
    _docket_edit_session_load_theirs (self);
  if (self->theirs == NULL)
    return;

  adopt (self, self->theirs);
}

/**
 * docket_edit_session_reload:
 *
 * Reads the record again after a change made in the catalog on purpose (a
 * revision reverted from the history). Pending changes are saved first; if
 * they cannot be (a conflict included), nothing is read and they are kept.
 * The undo history is dropped.
 *
 * Returns: %FALSE with @error set if the record was not reloaded
 */
gboolean
docket_edit_session_reload (DocketEditSession  *self,
                            GError            **error)
{
  g_autoptr(DocketRecord) fresh = NULL;

  g_return_val_if_fail (DOCKET_IS_EDIT_SESSION (self), FALSE);

  if (!docket_edit_session_flush (self, error))
    return FALSE;
  fresh = docket_store_load_record (self->store, docket_record_get_id (self->record), error);
  if (fresh == NULL)
    return FALSE;
  adopt (self, fresh);
  return TRUE;
}

/**
 * docket_edit_session_list_conflicting_fields:
 *
 * Returns: (transfer full) (element-type utf8): one line per field where
 *   this version and the catalog's differ, for the user to compare
 */
GPtrArray *
docket_edit_session_list_conflicting_fields (DocketEditSession *self)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);
  guint n_lists;
  const ListInfo *lists = _docket_edit_session_get_lists (&n_lists);

  g_return_val_if_fail (DOCKET_IS_EDIT_SESSION (self), out);

  if (self->theirs == NULL)
    return out;

  for (guint i = 0; i < DOCKET_N_FIELDS; i++)
    {
      const char *mine = docket_record_get (self->record, i);
      const char *theirs = docket_record_get (self->theirs, i);

      if (g_strcmp0 (mine, theirs) != 0)
        /* Translators: a field whose value differs; the values are quoted. */
        g_ptr_array_add (out, g_strdup_printf (_("%s: yours “%s”, theirs “%s”"),
                                               docket_field_get_label (i),
                                               mine != NULL ? mine : "",
                                               theirs != NULL ? theirs : ""));
    }
  for (guint i = 0; i < n_lists; i++)
    {
      g_autoptr(GPtrArray) theirs = _docket_edit_session_snapshot_list (&lists[i], self->theirs);

      if (!_docket_edit_session_lists_equal (&lists[i], theirs, lists[i].get (self->record)))
        g_ptr_array_add (out, g_strdup_printf (_("%s differ"), lists[i].name));
    }
  return out;
}
