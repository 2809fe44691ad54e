/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "docket-edit-session"

#include "config.h"

#include "docket-edit-session-private.h"

/* The editing of one record: every change made to the record (by the
 * metadata editor or anything else) is noticed through its "changed"
 * signal, kept for undo and redo, and saved to the catalog after a short
 * pause, each save one transaction checked against the version that was
 * loaded. When the catalog holds a newer version, nothing is saved until
 * the user chooses to keep their version or take the other one.
 *
 * This file holds the session as a GObject; its parts are beside it,
 * sharing docket-edit-session-private.h: undo and redo (-history.c), the
 * autosave and flush (-saving.c), conflicts (-conflict.c) and the record's
 * lists (-lists.c). */

#define DEFAULT_DELAY_MSEC    800

G_DEFINE_FINAL_TYPE (DocketEditSession, docket_edit_session, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STORE,
  PROP_RECORD,
  PROP_WHO,
  PROP_STATE,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

void
_docket_edit_session_set_state (DocketEditSession      *self,
                                DocketEditSessionState  state)
{
  if (self->state == state)
    return;
  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

void
_docket_edit_session_notify_undo_redo (DocketEditSession *self,
                                       gboolean           could_undo,
                                       gboolean           could_redo)
{
  if (could_undo != docket_edit_session_get_can_undo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  if (could_redo != docket_edit_session_get_can_redo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
}

static void
docket_edit_session_constructed (GObject *object)
{
  DocketEditSession *self = DOCKET_EDIT_SESSION (object);

  G_OBJECT_CLASS (docket_edit_session_parent_class)->constructed (object);

  self->shadow = docket_record_copy (self->record);
  g_signal_connect_object (self->record, "changed",
                           G_CALLBACK (_docket_edit_session_record_changed_cb),
                           self, G_CONNECT_SWAPPED);
}

static void
docket_edit_session_dispose (GObject *object)
{
  DocketEditSession *self = DOCKET_EDIT_SESSION (object);

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  if (self->record != NULL)
    g_signal_handlers_disconnect_by_data (self->record, self);

  G_OBJECT_CLASS (docket_edit_session_parent_class)->dispose (object);
}

static void
docket_edit_session_finalize (GObject *object)
{
  DocketEditSession *self = DOCKET_EDIT_SESSION (object);

  g_queue_clear_full (&self->undo, (GDestroyNotify) _docket_edit_session_change_free);
  g_queue_clear_full (&self->redo, (GDestroyNotify) _docket_edit_session_change_free);
  g_clear_object (&self->store);
  g_clear_object (&self->record);
  g_clear_object (&self->shadow);
  g_clear_object (&self->theirs);
  g_clear_object (&self->cancellable);
  g_clear_error (&self->error);
  g_free (self->who);

  G_OBJECT_CLASS (docket_edit_session_parent_class)->finalize (object);
}

static void
docket_edit_session_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  DocketEditSession *self = DOCKET_EDIT_SESSION (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_RECORD:
      g_value_set_object (value, self->record);
      break;
    case PROP_WHO:
      g_value_set_string (value, self->who);
      break;
    case PROP_STATE:
      g_value_set_int (value, self->state);
      break;
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, docket_edit_session_get_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, docket_edit_session_get_can_redo (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
docket_edit_session_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  DocketEditSession *self = DOCKET_EDIT_SESSION (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_RECORD:
      self->record = g_value_dup_object (value);
      break;
    case PROP_WHO:
      self->who = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
docket_edit_session_class_init (DocketEditSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = docket_edit_session_constructed;
  object_class->dispose = docket_edit_session_dispose;
  object_class->finalize = docket_edit_session_finalize;
  object_class->get_property = docket_edit_session_get_property;
  object_class->set_property = docket_edit_session_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, DOCKET_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RECORD] =
    g_param_spec_object ("record", NULL, NULL, DOCKET_TYPE_RECORD,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_WHO] =
    g_param_spec_string ("who", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATE] =
    g_param_spec_int ("state", NULL, NULL,
                      DOCKET_EDIT_SESSION_SAVED, DOCKET_EDIT_SESSION_FAILED, DOCKET_EDIT_SESSION_SAVED,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
docket_edit_session_init (DocketEditSession *self)
{
  g_queue_init (&self->undo);
  g_queue_init (&self->redo);
  self->delay = DEFAULT_DELAY_MSEC;
  self->cancellable = g_cancellable_new ();
}

/**
 * docket_edit_session_new:
 * @store: the catalog the record was loaded from
 * @record: the record being edited, as loaded (its version is checked)
 * @who: the name recorded in the revision history
 */
DocketEditSession *
docket_edit_session_new (DocketStore  *store,
                         DocketRecord *record,
                         const char   *who)
{
  g_return_val_if_fail (DOCKET_IS_STORE (store), NULL);
  g_return_val_if_fail (DOCKET_IS_RECORD (record), NULL);

  return g_object_new (DOCKET_TYPE_EDIT_SESSION,
                       "store", store,
                       "record", record,
                       "who", who,
                       NULL);
}

DocketRecord *
docket_edit_session_get_record (DocketEditSession *self)
{
  g_return_val_if_fail (DOCKET_IS_EDIT_SESSION (self), NULL);
  return self->record;
}

/* The catalog's newer version while in conflict, or %NULL. */
DocketRecord *
docket_edit_session_get_theirs (DocketEditSession *self)
{
  g_return_val_if_fail (DOCKET_IS_EDIT_SESSION (self), NULL);
  return self->theirs;
}

DocketEditSessionState
docket_edit_session_get_state (DocketEditSession *self)
{
  g_return_val_if_fail (DOCKET_IS_EDIT_SESSION (self), DOCKET_EDIT_SESSION_SAVED);
  return self->state;
}

/* Why the last save failed, or %NULL. */
const GError *
docket_edit_session_get_error (DocketEditSession *self)
{
  g_return_val_if_fail (DOCKET_IS_EDIT_SESSION (self), NULL);
  return self->error;
}

void
docket_edit_session_set_delay (DocketEditSession *self,
                               guint              msec)
{
  g_return_if_fail (DOCKET_IS_EDIT_SESSION (self));
  self->delay = msec;
}

gboolean
docket_edit_session_get_can_undo (DocketEditSession *self)
{
  g_return_val_if_fail (DOCKET_IS_EDIT_SESSION (self), FALSE);
  return self->undo.length > 0;
}

gboolean
docket_edit_session_get_can_redo (DocketEditSession *self)
{
  g_return_val_if_fail (DOCKET_IS_EDIT_SESSION (self), FALSE);
  return self->redo.length > 0;
}
