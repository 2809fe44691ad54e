/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "docket-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "docket-store.h"
#include "docket-store-private.h"
#include "docket-store-record-private.h"

/* Inserting records: new ones at the next position of their collection,
 * existing ones skipped, replaced or refused, a volume's import in one
 * transaction. */

/* The review fields belong to the reviewer, not to the source a record is
 * imported from, so a replacing import keeps them. */
static const DocketField review_fields[] = {
  DOCKET_FIELD_REVIEW_STATUS,
  DOCKET_FIELD_REVIEWER,
  DOCKET_FIELD_REVIEW_DATE,
  DOCKET_FIELD_REVIEW_COMMENT,
};

/* Writes the extra fields and lists of the new records waiting for them,
 * all together. */
static gboolean
write_pending (DocketStore  *self,
               RecordBatch  *batch,
               GError      **error)
{
  guint failed = 0;

  for (guint k = 0; k < batch->n_pending; k++)
    if (!_docket_store_write_extra_fields (self, batch->pending_rids[k], batch->pending[k], error))
      {
        failed = k;
        goto fail;
      }
  if (!_docket_store_write_new_lists (self, batch->pending_rids, batch->pending, batch->n_pending,
                                      LIST_ALL, &failed, error))
    goto fail;
  batch->n_pending = 0;
  return TRUE;

fail:
  g_prefix_error (error, _("Record “%s”: "), docket_record_get_id (batch->pending[failed]));
  return FALSE;
}

/* Inserts @record unless its id is in the catalog already, in which case
 * nothing is written and @out_exists is set. */
static gboolean
insert_new_locked (DocketStore   *self,
                   RecordBatch   *batch,
                   DocketRecord  *record,
                   gboolean      *out_exists,
                   GError       **error)
{
  g_autoptr(DocketCachedStmt) stmt = NULL;
  const char *collection_id = docket_record_get (record, DOCKET_FIELD_COLLECTION);
  gint64 *next;
  gint64 position;
  gint64 rid;

  next = _docket_store_batch_next_position (self, batch, collection_id, error);
  if (next == NULL)
    return FALSE;
  position = *next;

  stmt = _docket_store_prepare (self, _docket_store_record_sql ()->insert, error);
  if (stmt == NULL)
    return FALSE;
  _docket_store_bind_record (stmt, record, position, 1);
  if (!_docket_store_step_done (self, stmt, error))
    return FALSE;
  *out_exists = sqlite3_changes (self->db) == 0;
  if (*out_exists)
    return TRUE;
  rid = sqlite3_last_insert_rowid (self->db);
  *next = position + 1;
  _docket_store_batch_add_new (batch, rid, record);

  docket_record_set_version (record, 1);
  docket_record_set_position (record, position);
  return TRUE;
}

static gboolean
insert_one_locked (DocketStore            *self,
                   RecordBatch            *batch,
                   DocketRecord           *record,
                   DocketStoreInsertMode   mode,
                   GPtrArray              *skipped,
                   const char             *when,
                   GError                **error)
{
  const char *id = docket_record_get_id (record);
  gint64 rid = 0;
  gboolean found = FALSE;

  /* Most records are new: the insert itself finds out whether the id is
   * taken, without a lookup first. Only a record that would place its
   * collection for the first time (adding the collection if need be) is
   * looked up before, so that one already there adds nothing. */
  if (!_docket_store_batch_knows (batch, docket_record_get (record, DOCKET_FIELD_COLLECTION)) &&
      !_docket_store_lookup_rid (self, id, &rid, &found, error))
    return FALSE;

  if (!found)
    {
      if (!insert_new_locked (self, batch, record, &found, error))
        {
          g_prefix_error (error, _("Record “%s”: "), id);
          return FALSE;
        }
      if (!found)
        return TRUE;
      if (!_docket_store_lookup_rid (self, id, &rid, &found, error))
        return FALSE;
      g_assert (found);
    }

  /* The record in the catalog may be one added just before, whose lists
   * a replace must find. */
  if (!write_pending (self, batch, error))
    return FALSE;

  switch (mode)
    {
    case DOCKET_STORE_INSERT_FAIL_ON_EXISTING:
      g_set_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_EXISTS,
                   _("A record “%s” already exists in catalog “%s”, so nothing was added; skip or replace existing records, or change the identifier"),
                   id, self->display_name);
      return FALSE;

    case DOCKET_STORE_INSERT_SKIP_EXISTING:
      if (skipped != NULL)
        g_ptr_array_add (skipped, g_strdup (id));
      return TRUE;

    case DOCKET_STORE_INSERT_REPLACE:
      {
        g_autoptr(DocketRecord) old = _docket_store_load_record_locked (self, NULL, rid, NULL, error);
        gboolean changed;

        if (old == NULL)
          return FALSE;
        for (guint j = 0; j < G_N_ELEMENTS (review_fields); j++)
          docket_record_set (record, review_fields[j], docket_record_get (old, review_fields[j]));
        /* The user is looked up (in the password database) only for a
         * revision, which only a replaced record gets. */
        if (!_docket_store_update_record_locked (self, rid, old, record, g_get_user_name (),
                                                 when, &changed, error))
          return FALSE;
        _docket_store_batch_forget (batch);
      }
      return TRUE;

    default:
      g_assert_not_reached ();
    }
}

/* Whether the RECORD_RUN_ROWS records from @first can go in one statement:
 * the batch knows their collections, so placing them writes nothing. */
static gboolean
run_is_known (RecordBatch *batch,
              GPtrArray   *records,
              guint        first)
{
  const char *known = NULL;

  for (guint k = 0; k < RECORD_RUN_ROWS; k++)
    {
      DocketRecord *record = g_ptr_array_index (records, first + k);
      const char *collection_id = docket_record_get (record, DOCKET_FIELD_COLLECTION);

      /* A run is mostly of one collection: look each up once. */
      if ((k == 0 || g_strcmp0 (collection_id, known) != 0) &&
          !_docket_store_batch_knows (batch, collection_id))
        return FALSE;
      known = collection_id;
    }
  return TRUE;
}

/* Runs are tried in a call with this many records, or once the statement
 * of a run is prepared: preparing it (about 2.4 M instructions) costs what
 * runs save on some 200 records, and an import hands its records over in
 * parts as they are read. */
#define RUN_MIN_RECORDS (4 * RECORD_RUN_ROWS)

gboolean
_docket_store_insert_records_locked (DocketStore             *self,
                                     const DocketCollection  *collection,
                                     GPtrArray               *records,
                                     DocketStoreInsertMode    mode,
                                     GPtrArray               *skipped,
                                     GError                 **error)
{
  g_autofree char *when = _docket_store_now_iso8601 ();
  g_auto(RecordBatch) batch = { NULL, FALSE, 0, 0 };
  gint64 last_rid_before;
  guint one_by_one_until = 0;
  gboolean runs;

  if (collection != NULL && !_docket_store_save_collection_locked (self, collection, error))
    return FALSE;
  if (!_docket_store_last_rid (self, &last_rid_before, error))
    return FALSE;
  _docket_store_batch_init (&batch, last_rid_before);
  runs = records->len >= RUN_MIN_RECORDS ||
         _docket_store_is_prepared (self, _docket_store_record_sql ()->insert_run);

  /* The records of a run are looked at before they are inserted: give
   * them their collection first. On failure nothing is stored, so the
   * first record without an id is refused here as it would be later. */
  for (guint i = 0; i < records->len; i++)
    {
      DocketRecord *record = g_ptr_array_index (records, i);

      if (docket_record_get_id (record) == NULL)
        {
          g_set_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_FAILED,
                       _("Record %u of %u has no identifier, so nothing was added to catalog “%s”; give it one and try again"),
                       i + 1, records->len, self->display_name);
          return FALSE;
        }
      if (collection != NULL && docket_record_get (record, DOCKET_FIELD_COLLECTION) == NULL)
        docket_record_set (record, DOCKET_FIELD_COLLECTION, collection->id);
    }

  /* Runs of records in one statement where the batch knows where they go
   * (after the first record of each collection); one by one otherwise, and
   * where a run found a taken id. */
  for (guint i = 0; i < records->len;)
    {
      gboolean inserted = FALSE;

      if (runs && i >= one_by_one_until &&
          records->len - i >= RECORD_RUN_ROWS && run_is_known (&batch, records, i))
        {
          guint failed;

          if (!_docket_store_insert_run (self, &batch, records, i, &inserted, &failed, error))
            {
              g_prefix_error (error, _("Record “%s”: "),
                              docket_record_get_id (g_ptr_array_index (records, failed)));
              return FALSE;
            }
          if (inserted)
            i += RECORD_RUN_ROWS;
          else
            one_by_one_until = i + RECORD_RUN_ROWS;
        }
      if (!inserted)
        {
          if (!insert_one_locked (self, &batch, g_ptr_array_index (records, i), mode, skipped,
                                  when, error))
            return FALSE;
          i++;
        }
      if (batch.n_pending >= RECORD_RUN_ROWS && !write_pending (self, &batch, error))
        return FALSE;
    }
  if (!write_pending (self, &batch, error))
    return FALSE;

  /* Every record added here has a rid past the last one before: one
   * statement queues them all for the search index. */
  return _docket_store_index_later (self, last_rid_before, error);
}

/* What inserting changes on a record object: its numbers, its collection
 * when it has none, and the review fields a replaced record keeps (never
 * other fields, nor its lists). Kept to undo on failure. */
static const DocketField changed_fields[] = {
  DOCKET_FIELD_COLLECTION,
  DOCKET_FIELD_REVIEW_STATUS,
  DOCKET_FIELD_REVIEWER,
  DOCKET_FIELD_REVIEW_DATE,
  DOCKET_FIELD_REVIEW_COMMENT,
};

typedef struct
{
  gint64  version;
  gint64  position;
  char   *fields[G_N_ELEMENTS (changed_fields)];
} RecordState;

static void
record_state_clear (gpointer data)
{
  RecordState *state = data;

  for (guint i = 0; i < G_N_ELEMENTS (changed_fields); i++)
    g_free (state->fields[i]);
}

static void
record_state_save (RecordState  *state,
                   DocketRecord *record)
{
  state->version = docket_record_get_version (record);
  state->position = docket_record_get_position (record);
  for (guint i = 0; i < G_N_ELEMENTS (changed_fields); i++)
    state->fields[i] = g_strdup (docket_record_get (record, changed_fields[i]));
}

static void
record_state_restore (const RecordState *state,
                      DocketRecord      *record)
{
  docket_record_set_version (record, state->version);
  docket_record_set_position (record, state->position);
  for (guint i = 0; i < G_N_ELEMENTS (changed_fields); i++)
    if (g_strcmp0 (docket_record_get (record, changed_fields[i]), state->fields[i]) != 0)
      docket_record_set (record, changed_fields[i], state->fields[i]);
}

/**
 * docket_store_insert_records:
 * @collection: (nullable): a collection to add or update in the same
 *   transaction; records without a collection are put in it
 * @records: (element-type DocketRecord): the records, in catalog order
 * @mode: what to do with records whose id is already in the catalog
 * @out_skipped_ids: (out) (optional) (transfer container) (element-type utf8):
 *   the ids left out by %DOCKET_STORE_INSERT_SKIP_EXISTING
 *
 * Adds records in one transaction: all of them or none. Each added record
 * gets version 1 and the next position in its collection; a replaced one
 * keeps its position and review fields and gets the next version. The
 * record objects are updated to match (on failure they are left as they
 * were). A collection named by a record but not in the catalog is added
 * with only its id.
 *
 * Returns: %TRUE on success
 */
gboolean
docket_store_insert_records (DocketStore             *self,
                             const DocketCollection  *collection,
                             GPtrArray               *records,
                             DocketStoreInsertMode    mode,
                             GPtrArray              **out_skipped_ids,
                             GError                 **error)
{
  return docket_store_import_volume (self, collection, records, NULL, NULL, mode,
                                     out_skipped_ids, error);
}

/**
 * docket_store_import_volume:
 * @collection: (nullable): the collection, saved in the same transaction
 * @records: (element-type DocketRecord): the records
 * @persons: (nullable) (element-type DocketAgent): the volume's persons
 *   list, replacing the collection's (needs @collection)
 * @glossary: (nullable) (element-type DocketAccessPoint): its terms list,
 *   replacing the collection's (needs @collection)
 *
 * Like docket_store_insert_records(), with a volume's persons and terms in
 * the same transaction: a file is stored whole or not at all.
 *
 * Returns: %TRUE on success
 */
gboolean
docket_store_import_volume (DocketStore             *self,
                            const DocketCollection  *collection,
                            GPtrArray               *records,
                            GPtrArray               *persons,
                            GPtrArray               *glossary,
                            DocketStoreInsertMode    mode,
                            GPtrArray              **out_skipped_ids,
                            GError                 **error)
{
  g_autoptr(GRecMutexLocker) locker = NULL;
  g_autoptr(GPtrArray) skipped = NULL;
  g_autoptr(GArray) snapshot = NULL;

  g_return_val_if_fail (DOCKET_IS_STORE (self), FALSE);
  g_return_val_if_fail (records != NULL, FALSE);
  g_return_val_if_fail (collection == NULL || collection->id != NULL, FALSE);
  g_return_val_if_fail (collection != NULL || ((persons == NULL || persons->len == 0) &&
                                               (glossary == NULL || glossary->len == 0)), FALSE);
  g_return_val_if_fail (mode <= DOCKET_STORE_INSERT_REPLACE, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (out_skipped_ids != NULL)
    *out_skipped_ids = NULL;

  /* On failure the objects must look as they did before: nothing was
   * stored. Keep what the insert changes on them. */
  snapshot = g_array_sized_new (FALSE, FALSE, sizeof (RecordState), records->len);
  g_array_set_clear_func (snapshot, record_state_clear);
  for (guint i = 0; i < records->len; i++)
    {
      DocketRecord *record = g_ptr_array_index (records, i);

      g_return_val_if_fail (DOCKET_IS_RECORD (record), FALSE);
      g_array_set_size (snapshot, i + 1);
      record_state_save (&g_array_index (snapshot, RecordState, i), record);
    }

  skipped = g_ptr_array_new_with_free_func (g_free);
  locker = g_rec_mutex_locker_new (&self->lock);
  if (mode == DOCKET_STORE_INSERT_REPLACE && !_docket_store_may_remove_rows (self))
    return FALSE;

  if (!_docket_store_begin (self, error))
    return FALSE;
  if (!_docket_store_insert_records_locked (self, collection, records, mode, skipped, error) ||
      (persons != NULL && persons->len > 0 &&
       !_docket_store_save_volume_list_locked (self, collection->id, persons, TRUE, error)) ||
      (glossary != NULL && glossary->len > 0 &&
       !_docket_store_save_volume_list_locked (self, collection->id, glossary, FALSE, error)) ||
      !_docket_store_commit (self, error))
    {
      _docket_store_rollback (self);
      for (guint i = 0; i < records->len; i++)
        record_state_restore (&g_array_index (snapshot, RecordState, i), g_ptr_array_index (records, i));
      return FALSE;
    }

  _docket_store_notify_changed (self);
  if (out_skipped_ids != NULL)
    *out_skipped_ids = g_steal_pointer (&skipped);
  return TRUE;
}
