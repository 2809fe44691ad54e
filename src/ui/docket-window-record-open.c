/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "docket-window-record-open"

#include "config.h"

#include <glib/gi18n.h>

#include "docket-window-private.h"

/* Opening a record: reading it from the catalog, showing it in the
 * document view, the metadata editor and the side panes, and following
 * its edit session (the save state in the header bar, undo and redo). */

static char *
dup_who (DocketWindow *self)
{
  g_autofree char *name = g_settings_get_string (self->settings, "cataloger-name");
  const char *real_name;

  if (name[0] != '\0')
    return g_steal_pointer (&name);
  real_name = g_get_real_name ();
  if (real_name != NULL && real_name[0] != '\0' && g_strcmp0 (real_name, "Unknown") != 0)
    return g_strdup (real_name);
  return g_strdup (g_get_user_name ());
}

static void
update_save_state (DocketWindow *self)
{
  const char *label = "";

  if (self->session != NULL)
    switch (docket_edit_session_get_state (self->session))
      {
      case DOCKET_EDIT_SESSION_SAVED:
        label = _("Saved");
        break;
      case DOCKET_EDIT_SESSION_PENDING:
      case DOCKET_EDIT_SESSION_SAVING:
        label = _("Saving…");
        break;
      case DOCKET_EDIT_SESSION_CONFLICT:
        label = _("Not saved: conflict");
        break;
      case DOCKET_EDIT_SESSION_FAILED:
        label = _("Not saved");
        break;
      default:
        break;
      }
  gtk_label_set_label (self->save_state_label, label);
}

static void
session_state_cb (DocketWindow      *self,
                  GParamSpec        *pspec,
                  DocketEditSession *session)
{
  update_save_state (self);
  _docket_window_show_conflict (self);

  if (docket_edit_session_get_state (session) == DOCKET_EDIT_SESSION_FAILED)
    docket_window_show_error (self, docket_edit_session_get_error (session)->message);
  else if (docket_edit_session_get_state (session) == DOCKET_EDIT_SESSION_SAVED)
    {
      gtk_revealer_set_reveal_child (self->error_revealer, FALSE);
      _docket_window_update_current_row (self);
    }

  _docket_window_update_actions (self);
}

static void
session_undo_cb (DocketWindow *self)
{
  _docket_window_update_actions (self);
}

typedef struct
{
  DocketWindow *window;
  char         *collection_id;
} VolumeListsLoad;

static void
volume_lists_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  VolumeListsLoad *load = user_data;
  g_autoptr(DocketWindow) self = load->window;
  g_autofree char *collection_id = load->collection_id;
  g_autoptr(GPtrArray) glossary = NULL;
  g_autoptr(GPtrArray) persons = NULL;
  g_autoptr(GError) error = NULL;
  DocketRecord *record;

  g_free (load);
  if (!docket_store_load_volume_lists_finish (DOCKET_STORE (source), result, &glossary, &persons, &error))
    {
      /* The terms only explain the text: a failure here is no reason to
       * interrupt the cataloguer. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("Could not read the glossary of %s: %s", collection_id, error->message);
      return;
    }
  record = docket_document_view_get_record (self->document_view);
  if (record != NULL && g_strcmp0 (docket_record_get (record, DOCKET_FIELD_COLLECTION), collection_id) == 0)
    docket_document_view_set_volume_lists (self->document_view, glossary, persons);
}

/* The document view explains the terms and persons a record mentions from
 * its volume's lists, read afresh (an import may have replaced them). */
static void
load_volume_lists (DocketWindow *self,
                   DocketRecord *previous,
                   DocketRecord *record)
{
  const char *collection_id = record != NULL ? docket_record_get (record, DOCKET_FIELD_COLLECTION) : NULL;
  VolumeListsLoad *load;

  /* Ids belong to one volume: never explain a record with another's. */
  if (previous == NULL || collection_id == NULL ||
      g_strcmp0 (docket_record_get (previous, DOCKET_FIELD_COLLECTION), collection_id) != 0)
    docket_document_view_set_volume_lists (self->document_view, NULL, NULL);
  if (collection_id == NULL)
    return;

  load = g_new0 (VolumeListsLoad, 1);
  load->window = g_object_ref (self);
  load->collection_id = g_strdup (collection_id);
  docket_store_load_volume_lists_async (self->store, collection_id, self->cancellable,
                                        volume_lists_cb, load);
}

/* Shows "record", "empty" (no record open) or "loading" (blank, while the
 * first record is read) beside the list. */
void
_docket_window_show_content (DocketWindow *self,
                             const char   *name)
{
  if (g_str_equal (name, "empty") && gtk_image_get_storage_type (self->placeholder_image) == GTK_IMAGE_EMPTY)
    gtk_image_set_from_icon_name (self->placeholder_image, APPLICATION_ID "-symbolic");
  gtk_stack_set_visible_child_name (self->content_stack, name);
}

static void
set_record (DocketWindow *self,
            DocketRecord *record)
{
  g_autoptr(DocketRecord) previous = NULL;

  if (self->session != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->session, self);
      g_clear_object (&self->session);
    }

  if (record != NULL)
    {
      g_autofree char *who = dup_who (self);

      self->session = docket_edit_session_new (self->store, record, who);
      g_signal_connect_object (self->session, "notify::state", G_CALLBACK (session_state_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->session, "notify::can-undo", G_CALLBACK (session_undo_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->session, "notify::can-redo", G_CALLBACK (session_undo_cb),
                               self, G_CONNECT_SWAPPED);
    }

  g_set_object (&previous, docket_document_view_get_record (self->document_view));
  docket_document_view_set_record (self->document_view, record);
  load_volume_lists (self, previous, record);
  docket_metadata_editor_set_record (self->metadata_editor, record);
  docket_footnotes_pane_set_session (self->footnotes_pane, self->session);
  docket_review_pane_set_session (self->review_pane, self->session);
  _docket_window_show_content (self, record != NULL ? "record" : "empty");
  gtk_revealer_set_reveal_child (self->conflict_revealer, FALSE);

  update_save_state (self);
  _docket_window_update_actions (self);
}

static void
load_record_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(DocketWindow) self = user_data;
  g_autoptr(DocketRecord) record = NULL;
  g_autoptr(GError) error = NULL;

  record = docket_store_load_record_finish (DOCKET_STORE (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_pointer (&self->loading_id, g_free);
  if (record == NULL)
    {
      docket_window_show_error (self, error->message);
      if (docket_window_get_record (self) == NULL)
        _docket_window_show_content (self, "empty");
      return;
    }
  set_record (self, record);
}

/**
 * docket_window_open_record:
 * @id: the record's identifier
 *
 * Saves the record being edited and opens @id. If the record being edited
 * cannot be saved (a conflict), it stays open and the window says why.
 */
void
docket_window_open_record (DocketWindow *self,
                           const char   *id)
{
  DocketRecord *current;

  g_return_if_fail (DOCKET_IS_WINDOW (self));
  g_return_if_fail (id != NULL);

  current = docket_window_get_record (self);
  if (current != NULL && g_strcmp0 (docket_record_get_id (current), id) == 0)
    return;
  if (g_strcmp0 (self->loading_id, id) == 0)
    return;

  if (!docket_window_flush (self, NULL))
    return;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  g_free (self->loading_id);
  self->loading_id = g_strdup (id);
  docket_store_load_record_async (self->store, id, self->cancellable, load_record_cb, g_object_ref (self));
}
