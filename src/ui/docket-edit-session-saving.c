/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "docket-edit-session-saving"

#include "config.h"

#include <glib/gi18n.h>

#include "docket-edit-session-private.h"

/* Saving: after a pause in the changes (the autosave), in a thread and on
 * a copy of the record, or at once and waiting (a flush, before the record
 * is closed). */

static void save_now (DocketEditSession *self);

static gboolean
save_timeout_cb (gpointer data)
{
  DocketEditSession *self = data;

  self->timeout_id = 0;
  save_now (self);
  return G_SOURCE_REMOVE;
}

/**
 * docket_edit_session_save_soon:
 *
 * Saves after the autosave delay, counted from the last change.
 */
void
docket_edit_session_save_soon (DocketEditSession *self)
{
  g_return_if_fail (DOCKET_IS_EDIT_SESSION (self));

  if (self->state == DOCKET_EDIT_SESSION_CONFLICT)
    return;

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  self->timeout_id = g_timeout_add (self->delay, save_timeout_cb, self);
  if (!self->saving)
    _docket_edit_session_set_state (self, DOCKET_EDIT_SESSION_PENDING);
}

/* Handles the end of a save of @copy, successful or not. */
static gboolean
save_done (DocketEditSession *self,
           DocketRecord      *copy,
           gboolean           ok,
           GError            *error)
{
  self->saving = FALSE;

  if (ok)
    {
      g_clear_error (&self->error);
      docket_record_set_version (self->record, docket_record_get_version (copy));
      if (self->dirty)
        docket_edit_session_save_soon (self);
      else
        _docket_edit_session_set_state (self, DOCKET_EDIT_SESSION_SAVED);
      return TRUE;
    }

  /* Whatever went wrong, the changes are still in the record: keep them
   * for the next try. */
  self->dirty = TRUE;
  g_clear_error (&self->error);
  self->error = g_error_copy (error);

  if (g_error_matches (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_CONFLICT))
    {
      g_clear_handle_id (&self->timeout_id, g_source_remove);
      _docket_edit_session_load_theirs (self);
      _docket_edit_session_set_state (self, DOCKET_EDIT_SESSION_CONFLICT);
    }
  else
    _docket_edit_session_set_state (self, DOCKET_EDIT_SESSION_FAILED);
  return FALSE;
}

typedef struct
{
  DocketEditSession *self;
  DocketRecord      *copy;
} SaveData;

static void
save_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  SaveData *data = user_data;
  g_autoptr(DocketEditSession) self = data->self;
  g_autoptr(DocketRecord) copy = data->copy;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  g_free (data);
  ok = docket_store_save_record_finish (DOCKET_STORE (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  save_done (self, copy, ok, error);
}

static void
save_now (DocketEditSession *self)
{
  SaveData *data;

  g_clear_handle_id (&self->timeout_id, g_source_remove);

  if (self->saving || !self->dirty || self->state == DOCKET_EDIT_SESSION_CONFLICT)
    return;

  /* The save runs in another thread: give it a copy, so that typing goes
   * on in the record meanwhile. */
  data = g_new0 (SaveData, 1);
  data->self = g_object_ref (self);
  data->copy = docket_record_copy (self->record);
  self->dirty = FALSE;
  self->saving = TRUE;
  _docket_edit_session_set_state (self, DOCKET_EDIT_SESSION_SAVING);

  docket_store_save_record_async (self->store, data->copy, self->who, self->cancellable, save_cb, data);
}

/**
 * docket_edit_session_flush:
 *
 * Saves pending changes now and waits for any save that is running. Call it
 * before the record is closed.
 *
 * Returns: %FALSE if the changes could not be saved (a conflict included);
 *   they are kept in the record
 */
gboolean
docket_edit_session_flush (DocketEditSession *self,
                           GError           **error)
{
  g_autoptr(DocketRecord) copy = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean ok;

  g_return_val_if_fail (DOCKET_IS_EDIT_SESSION (self), FALSE);

  g_clear_handle_id (&self->timeout_id, g_source_remove);

  while (self->saving)
    g_main_context_iteration (NULL, TRUE);

  if (self->state == DOCKET_EDIT_SESSION_CONFLICT)
    {
      g_set_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_CONFLICT,
                   _("“%s” was changed elsewhere; choose which version to keep"),
                   docket_record_get_id (self->record));
      return FALSE;
    }

  if (!self->dirty)
    return TRUE;

  copy = docket_record_copy (self->record);
  self->dirty = FALSE;
  self->saving = TRUE;
  ok = docket_store_save_record (self->store, copy, self->who, &local_error);
  if (!save_done (self, copy, ok, local_error))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}
