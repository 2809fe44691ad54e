/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "docket-edit-session"

#include "config.h"

#include <glib/gi18n.h>

#include "docket-edit-session.h"

/* The editing of one record: every change made to the record (by the
 * metadata editor or anything else) is noticed through its "changed"
 * signal, kept for undo and redo, and saved to the catalog after a short
 * pause, each save one transaction checked against the version that was
 * loaded. When the catalog holds a newer version, nothing is saved until
 * the user chooses to keep their version or take the other one. */

#define DEFAULT_DELAY_MSEC    800
#define COALESCE_USEC         (2 * G_USEC_PER_SEC)

typedef struct
{
  char      *what;        /* a field key or a list name */
  int        field;       /* the DocketField, or -1 for a list */
  char      *old_value;
  char      *new_value;
  GPtrArray *old_list;
  GPtrArray *new_list;
  gint64     time;
  gboolean   sealed;      /* later edits of the same field start a new step */
  guint      step;        /* changes with the same nonzero step undo together */
} Change;

struct _DocketEditSession
{
  GObject                 parent_instance;

  DocketStore            *store;
  DocketRecord           *record;
  char                   *who;

  DocketRecord           *shadow;   /* the record as last seen, for old values */
  DocketRecord           *theirs;   /* the catalog's newer version, on conflict */

  GQueue                  undo;
  GQueue                  redo;

  DocketEditSessionState  state;
  GError                 *error;
  gboolean                dirty;    /* changes not yet handed to a save */
  gboolean                saving;
  guint                   applying;
  guint                   delay;
  guint                   timeout_id;
  GCancellable           *cancellable;
  guint                   step_depth;
  guint                   step;     /* the open step, or 0 */
  guint                   last_step;
};

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

static void save_now (DocketEditSession *self);

/* Lists of a record, by name. */

typedef struct
{
  const char     *name;
  GPtrArray    *(*get) (DocketRecord *record);
  GBoxedCopyFunc  copy;
} ListInfo;

static const ListInfo lists[] = {
  { "agents", docket_record_get_agents, (GBoxedCopyFunc) docket_agent_copy },
  { "access_points", docket_record_get_access_points, (GBoxedCopyFunc) docket_access_point_copy },
  { "body", docket_record_get_body, (GBoxedCopyFunc) docket_block_copy },
  { "footnotes", docket_record_get_footnotes, (GBoxedCopyFunc) docket_footnote_copy },
};

static const ListInfo *
find_list (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    if (g_strcmp0 (lists[i].name, name) == 0)
      return &lists[i];
  return NULL;
}

static GPtrArray *
copy_list (const ListInfo *info,
           DocketRecord   *record)
{
  GPtrArray *from = info->get (record);
  GPtrArray *to = g_ptr_array_new_full (from->len, NULL);

  for (guint i = 0; i < from->len; i++)
    g_ptr_array_add (to, info->copy (g_ptr_array_index (from, i)));
  return to;
}

static GDestroyNotify
list_free_func (const ListInfo *info)
{
  if (info->get == docket_record_get_agents)
    return (GDestroyNotify) docket_agent_free;
  if (info->get == docket_record_get_access_points)
    return (GDestroyNotify) docket_access_point_free;
  if (info->get == docket_record_get_body)
    return (GDestroyNotify) docket_block_free;
  return (GDestroyNotify) docket_footnote_free;
}

static GPtrArray *
snapshot_list (const ListInfo *info,
               DocketRecord   *record)
{
  GPtrArray *copy = copy_list (info, record);

  g_ptr_array_set_free_func (copy, list_free_func (info));
  return copy;
}

/* Replaces the list's contents in place with copies of @items, then tells
 * everyone through the record's "changed" signal. */
static void
replace_list (const ListInfo *info,
              DocketRecord   *record,
              GPtrArray      *items)
{
  GPtrArray *list = info->get (record);

  g_ptr_array_set_size (list, 0);
  for (guint i = 0; i < items->len; i++)
    g_ptr_array_add (list, info->copy (g_ptr_array_index (items, i)));
  docket_record_changed (record, info->name);
}

static gboolean
lists_equal (const ListInfo *info,
             GPtrArray      *a,
             GPtrArray      *b)
{
  GEqualFunc equal;

  if (info->get == docket_record_get_agents)
    equal = (GEqualFunc) docket_agent_equal;
  else if (info->get == docket_record_get_access_points)
    equal = (GEqualFunc) docket_access_point_equal;
  else if (info->get == docket_record_get_body)
    equal = (GEqualFunc) docket_block_equal;
  else
    equal = (GEqualFunc) docket_footnote_equal;

  if (a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    if (!equal (g_ptr_array_index (a, i), g_ptr_array_index (b, i)))
      return FALSE;
  return TRUE;
}

static void
change_free (Change *change)
{
  g_free (change->what);
  g_free (change->old_value);
  g_free (change->new_value);
  g_clear_pointer (&change->old_list, g_ptr_array_unref);
  g_clear_pointer (&change->new_list, g_ptr_array_unref);
  g_free (change);
}

static void
set_state (DocketEditSession      *self,
           DocketEditSessionState  state)
{
  if (self->state == state)
    return;
  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

static void
notify_undo_redo (DocketEditSession *self,
                  gboolean           could_undo,
                  gboolean           could_redo)
{
  if (could_undo != docket_edit_session_get_can_undo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  if (could_redo != docket_edit_session_get_can_redo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
}

static void
clear_history (DocketEditSession *self)
{
  gboolean could_undo = docket_edit_session_get_can_undo (self);
  gboolean could_redo = docket_edit_session_get_can_redo (self);

  g_queue_clear_full (&self->undo, (GDestroyNotify) change_free);
  g_queue_clear_full (&self->redo, (GDestroyNotify) change_free);
  notify_undo_redo (self, could_undo, could_redo);
}

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
    set_state (self, DOCKET_EDIT_SESSION_PENDING);
}

static void
record_changed_cb (DocketEditSession *self,
                   const char        *what,
                   DocketRecord      *record)
{
  gboolean could_undo = docket_edit_session_get_can_undo (self);
  gboolean could_redo = docket_edit_session_get_can_redo (self);
  const ListInfo *list = find_list (what);
  DocketField field;
  Change *top;
  gint64 now = g_get_monotonic_time ();

  if (list == NULL && !docket_field_from_key (what, &field))
    {
      /* Something undo does not cover (kept EAD elements); save it all the same. */
      self->dirty = TRUE;
      docket_edit_session_save_soon (self);
      return;
    }

  if (list != NULL)
    {
      g_autoptr(GPtrArray) old_list = snapshot_list (list, self->shadow);
      g_autoptr(GPtrArray) new_list = snapshot_list (list, record);

      if (lists_equal (list, old_list, new_list))
        return;
      replace_list (list, self->shadow, new_list);

      if (self->applying == 0)
        {
          top = g_queue_peek_head (&self->undo);
          if (top != NULL && !top->sealed && top->field == -1 && top->step == self->step &&
              g_str_equal (top->what, what) && now - top->time < COALESCE_USEC)
            {
              g_clear_pointer (&top->new_list, g_ptr_array_unref);
              top->new_list = g_steal_pointer (&new_list);
              top->time = now;
            }
          else
            {
              Change *change = g_new0 (Change, 1);

              change->what = g_strdup (what);
              change->field = -1;
              change->old_list = g_steal_pointer (&old_list);
              change->new_list = g_steal_pointer (&new_list);
              change->time = now;
              change->step = self->step;
              g_queue_push_head (&self->undo, change);
            }
        }
    }
  else
    {
      const char *old_value = docket_record_get (self->shadow, field);
      const char *new_value = docket_record_get (record, field);

      if (g_strcmp0 (old_value, new_value) == 0)
        return;

      if (self->applying == 0)
        {
          top = g_queue_peek_head (&self->undo);
          if (top != NULL && !top->sealed && top->field == (int) field &&
              top->step == self->step && now - top->time < COALESCE_USEC)
            {
              g_free (top->new_value);
              top->new_value = g_strdup (new_value);
              top->time = now;
            }
          else
            {
              Change *change = g_new0 (Change, 1);

              change->what = g_strdup (what);
              change->field = field;
              change->old_value = g_strdup (old_value);
              change->new_value = g_strdup (new_value);
              change->time = now;
              change->step = self->step;
              g_queue_push_head (&self->undo, change);
            }
        }
      docket_record_set (self->shadow, field, new_value);
    }

  if (self->applying == 0)
    g_queue_clear_full (&self->redo, (GDestroyNotify) change_free);

  self->dirty = TRUE;
  docket_edit_session_save_soon (self);
  notify_undo_redo (self, could_undo, could_redo);
}

static void
apply (DocketEditSession *self,
       Change            *change,
       gboolean           forward)
{
  self->applying++;
  if (change->field >= 0)
    docket_record_set (self->record, change->field, forward ? change->new_value : change->old_value);
  else
    replace_list (find_list (change->what), self->record, forward ? change->new_list : change->old_list);
  self->applying--;
}

static void
seal_all (DocketEditSession *self)
{
  for (GList *l = self->undo.head; l != NULL; l = l->next)
    ((Change *) l->data)->sealed = TRUE;
}

gboolean
docket_edit_session_undo (DocketEditSession *self)
{
  gboolean could_undo, could_redo;
  Change *change;

  g_return_val_if_fail (DOCKET_IS_EDIT_SESSION (self), FALSE);

  could_undo = docket_edit_session_get_can_undo (self);
  could_redo = docket_edit_session_get_can_redo (self);
  change = g_queue_pop_head (&self->undo);
  if (change == NULL)
    return FALSE;

  seal_all (self);
  change->sealed = TRUE;
  apply (self, change, FALSE);
  g_queue_push_head (&self->redo, change);
  while (change->step != 0 && g_queue_peek_head (&self->undo) != NULL &&
         ((Change *) g_queue_peek_head (&self->undo))->step == change->step)
    {
      change = g_queue_pop_head (&self->undo);
      change->sealed = TRUE;
      apply (self, change, FALSE);
      g_queue_push_head (&self->redo, change);
    }
  notify_undo_redo (self, could_undo, could_redo);
  return TRUE;
}

gboolean
docket_edit_session_redo (DocketEditSession *self)
{
  gboolean could_undo, could_redo;
  Change *change;

  g_return_val_if_fail (DOCKET_IS_EDIT_SESSION (self), FALSE);

  could_undo = docket_edit_session_get_can_undo (self);
  could_redo = docket_edit_session_get_can_redo (self);
  change = g_queue_pop_head (&self->redo);
  if (change == NULL)
    return FALSE;

  seal_all (self);
  apply (self, change, TRUE);
  g_queue_push_head (&self->undo, change);
  while (change->step != 0 && g_queue_peek_head (&self->redo) != NULL &&
         ((Change *) g_queue_peek_head (&self->redo))->step == change->step)
    {
      change = g_queue_pop_head (&self->redo);
      apply (self, change, TRUE);
      g_queue_push_head (&self->undo, change);
    }
  notify_undo_redo (self, could_undo, could_redo);
  return TRUE;
}

/**
 * docket_edit_session_begin_step:
 *
 * Opens one undo step: the changes made until the matching
 * docket_edit_session_end_step() (to the body and the footnotes, say, when
 * a footnote is added) are undone and redone together. Steps nest.
 */
void
docket_edit_session_begin_step (DocketEditSession *self)
{
  g_return_if_fail (DOCKET_IS_EDIT_SESSION (self));

  if (self->step_depth++ == 0)
    {
      seal_all (self);
      self->step = ++self->last_step;
    }
}

void
docket_edit_session_end_step (DocketEditSession *self)
{
  g_return_if_fail (DOCKET_IS_EDIT_SESSION (self));
  g_return_if_fail (self->step_depth > 0);

  if (--self->step_depth == 0)
    {
      seal_all (self);
      self->step = 0;
    }
}

static void
load_theirs (DocketEditSession *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_object (&self->theirs);
  self->theirs = docket_store_load_record (self->store, docket_record_get_id (self->record), &error);
  if (self->theirs == NULL)
    g_message ("Could not read the catalog’s version of %s: %s",
               docket_record_get_id (self->record), error->message);
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
        set_state (self, DOCKET_EDIT_SESSION_SAVED);
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
      load_theirs (self);
      set_state (self, DOCKET_EDIT_SESSION_CONFLICT);
    }
  else
    set_state (self, DOCKET_EDIT_SESSION_FAILED);
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
  set_state (self, DOCKET_EDIT_SESSION_SAVING);

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
    load_theirs (self);
  if (self->theirs != NULL)
    docket_record_set_version (self->record, docket_record_get_version (self->theirs));
  g_clear_object (&self->theirs);

  self->dirty = TRUE;
  set_state (self, DOCKET_EDIT_SESSION_PENDING);
  return docket_edit_session_flush (self, error);
}

/* Replaces this version with @theirs in place, so that whoever watches the
 * record sees each field change; drops the changes made here and the undo
 * history, which describe the version replaced. */
static void
adopt (DocketEditSession *self,
       DocketRecord      *theirs)
{
  self->applying++;
  for (guint i = 0; i < DOCKET_N_FIELDS; i++)
    docket_record_set (self->record, i, docket_record_get (theirs, i));
  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    {
      g_autoptr(GPtrArray) items = snapshot_list (&lists[i], theirs);

      if (!lists_equal (&lists[i], items, lists[i].get (self->record)))
        replace_list (&lists[i], self->record, items);
    }
  docket_record_set_extra_xml (self->record, docket_record_get_extra_xml (theirs));
  docket_record_set_version (self->record, docket_record_get_version (theirs));
  self->applying--;

  g_clear_object (&self->shadow);
  self->shadow = docket_record_copy (self->record);
  g_clear_object (&self->theirs);
  g_clear_error (&self->error);
  clear_history (self);
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  self->dirty = FALSE;
  set_state (self, DOCKET_EDIT_SESSION_SAVED);
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
    load_theirs (self);
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
  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    {
      g_autoptr(GPtrArray) theirs = snapshot_list (&lists[i], self->theirs);

      if (!lists_equal (&lists[i], theirs, lists[i].get (self->record)))
        g_ptr_array_add (out, g_strdup_printf (_("%s differ"), lists[i].name));
    }
  return out;
}

static void
docket_edit_session_constructed (GObject *object)
{
  DocketEditSession *self = DOCKET_EDIT_SESSION (object);

  G_OBJECT_CLASS (docket_edit_session_parent_class)->constructed (object);

  self->shadow = docket_record_copy (self->record);
  g_signal_connect_object (self->record, "changed", G_CALLBACK (record_changed_cb),
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

  g_queue_clear_full (&self->undo, (GDestroyNotify) change_free);
  g_queue_clear_full (&self->redo, (GDestroyNotify) change_free);
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
