/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "docket-edit-session-history"

#include "config.h"

#include "docket-edit-session-private.h"

/* Undo and redo: each change to the record is kept with its old value,
 * and quick changes to one field are merged into one step. */

#define COALESCE_USEC         (2 * G_USEC_PER_SEC)

void
_docket_edit_session_change_free (Change *change)
{
  g_free (change->what);
  g_free (change->old_value);
  g_free (change->new_value);
  g_clear_pointer (&change->old_list, g_ptr_array_unref);
  g_clear_pointer (&change->new_list, g_ptr_array_unref);
  g_free (change);
}

void
_docket_edit_session_clear_history (DocketEditSession *self)
{
  gboolean could_undo = docket_edit_session_get_can_undo (self);
  gboolean could_redo = docket_edit_session_get_can_redo (self);

  g_queue_clear_full (&self->undo, (GDestroyNotify) _docket_edit_session_change_free);
  g_queue_clear_full (&self->redo, (GDestroyNotify) _docket_edit_session_change_free);
  _docket_edit_session_notify_undo_redo (self, could_undo, could_redo);
}

void
_docket_edit_session_record_changed_cb (DocketEditSession *self,
                                        const char        *what,
                                        DocketRecord      *record)
{
  gboolean could_undo = docket_edit_session_get_can_undo (self);
  gboolean could_redo = docket_edit_session_get_can_redo (self);
  const ListInfo *list = _docket_edit_session_find_list (what);
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
      g_autoptr(GPtrArray) old_list = _docket_edit_session_snapshot_list (list, self->shadow);
      g_autoptr(GPtrArray) new_list = _docket_edit_session_snapshot_list (list, record);
      /* An item added or removed (a paragraph cut in two or joined, an
       * agent added) is a step of its own: typing before or after it is
       * not merged with it. */
      gboolean structural;

      if (_docket_edit_session_lists_equal (list, old_list, new_list))
        return;
      structural = old_list->len != new_list->len;
      _docket_edit_session_replace_list (list, self->shadow, new_list);

      if (self->applying == 0)
        {
          top = g_queue_peek_head (&self->undo);
          if (!structural &&
              top != NULL && !top->sealed && top->field == -1 && top->step == self->step &&
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
              change->sealed = structural;
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
    g_queue_clear_full (&self->redo, (GDestroyNotify) _docket_edit_session_change_free);

  self->dirty = TRUE;
  docket_edit_session_save_soon (self);
  _docket_edit_session_notify_undo_redo (self, could_undo, could_redo);
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
    _docket_edit_session_replace_list (_docket_edit_session_find_list (change->what), self->record,
                                       forward ? change->new_list : change->old_list);
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
  _docket_edit_session_notify_undo_redo (self, could_undo, could_redo);
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
  _docket_edit_session_notify_undo_redo (self, could_undo, could_redo);
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
