/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "docket-store"

#include "config.h"

#include "docket-store-import.h"
#include "docket-store-private.h"
#include "docket-store-record-private.h"

/**
 * DocketStoreImport:
 *
 * One file's records stored a few at a time as a reader finishes them,
 * still all of the file or none: docket_store_import_begin() opens a
 * savepoint (inside the caller's batch, if any) that
 * docket_store_import_finish() releases and docket_store_import_abort()
 * rolls back. Between the two the store stays locked to the calling
 * thread, as in a batch.
 */
struct _DocketStoreImport
{
  DocketStore           *store;
  DocketStoreInsertMode  mode;
  char                  *collection_id;
  GPtrArray             *skipped;
};

static void
store_import_free (DocketStoreImport *self)
{
  g_ptr_array_unref (self->skipped);
  g_free (self->collection_id);
  g_object_unref (self->store);
  g_free (self);
}

/**
 * docket_store_import_begin:
 * @collection: (nullable): the file's collection, saved at once; records
 *   without a collection are put in it
 * @mode: what to do with records whose id is already in the catalog
 *
 * Returns: (transfer full) (nullable): the import, to end with
 *   docket_store_import_finish() or docket_store_import_abort(), or %NULL
 *   with @error set
 */
DocketStoreImport *
docket_store_import_begin (DocketStore             *store,
                           const DocketCollection  *collection,
                           DocketStoreInsertMode    mode,
                           GError                 **error)
{
  DocketStoreImport *self;

  g_return_val_if_fail (DOCKET_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!docket_store_begin_batch (store, error))
    return NULL;
  if (!_docket_store_exec (store, "SAVEPOINT docket_file", error))
    {
      docket_store_abort_batch (store);
      return NULL;
    }

  self = g_new0 (DocketStoreImport, 1);
  self->store = g_object_ref (store);
  self->mode = mode;
  self->collection_id = collection != NULL ? g_strdup (collection->id) : NULL;
  self->skipped = g_ptr_array_new_with_free_func (g_free);

  if (collection != NULL && !_docket_store_save_collection_locked (store, collection, error))
    {
      docket_store_import_abort (self);
      return NULL;
    }
  return self;
}

/**
 * docket_store_import_add:
 * @records: (element-type DocketRecord): the next records, in catalog order
 *
 * Stores @records as docket_store_insert_records() does. On failure the
 * caller aborts the import; the record objects are not put back as they
 * were.
 *
 * Returns: %TRUE on success
 */
gboolean
docket_store_import_add (DocketStoreImport  *self,
                         GPtrArray          *records,
                         GError            **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (records != NULL, FALSE);

  /* The collection was saved by docket_store_import_begin(). */
  if (self->collection_id != NULL)
    for (guint i = 0; i < records->len; i++)
      if (docket_record_get (g_ptr_array_index (records, i), DOCKET_FIELD_COLLECTION) == NULL)
        docket_record_set (g_ptr_array_index (records, i), DOCKET_FIELD_COLLECTION, self->collection_id);

  /* Inside the file's savepoint, which the caller rolls back on failure. */
  if (self->mode == DOCKET_STORE_INSERT_REPLACE && !_docket_store_may_remove_rows (self->store))
    return FALSE;
  return _docket_store_insert_records_locked (self->store, NULL, records, self->mode,
                                              self->skipped, error);
}

/**
 * docket_store_import_save_collection:
 * @collection: the file's collection, as a whole file describes it
 *
 * Saves @collection again, where the import began with less of it.
 *
 * Returns: %TRUE on success; on failure the caller aborts the import
 */
gboolean
docket_store_import_save_collection (DocketStoreImport       *self,
                                     const DocketCollection  *collection,
                                     GError                 **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (collection != NULL && g_strcmp0 (collection->id, self->collection_id) == 0, FALSE);

  return _docket_store_save_collection_locked (self->store, collection, error);
}

/**
 * docket_store_import_finish:
 * @persons: (nullable) (element-type DocketAgent): the volume's persons
 *   list, for the collection given to docket_store_import_begin()
 * @glossary: (nullable) (element-type DocketAccessPoint): its terms list
 * @out_skipped_ids: (out) (optional) (transfer container) (element-type utf8):
 *   the ids left out by %DOCKET_STORE_INSERT_SKIP_EXISTING
 *
 * Stores the lists and keeps the file's records. The import is freed, also
 * on failure, when nothing of the file is kept.
 *
 * Returns: %TRUE on success
 */
gboolean
docket_store_import_finish (DocketStoreImport       *self,
                            GPtrArray               *persons,
                            GPtrArray               *glossary,
                            GPtrArray              **out_skipped_ids,
                            GError                 **error)
{
  g_autoptr(GPtrArray) skipped = NULL;
  DocketStore *store;
  gboolean ok;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (self->collection_id != NULL || ((persons == NULL || persons->len == 0) &&
                                                       (glossary == NULL || glossary->len == 0)), FALSE);

  store = self->store;
  /* The store stays locked by the batch docket_store_import_begin() began. */
  if ((persons != NULL && persons->len > 0 &&
       !_docket_store_save_volume_list_locked (store, self->collection_id, persons, TRUE, error)) ||
      (glossary != NULL && glossary->len > 0 &&
       !_docket_store_save_volume_list_locked (store, self->collection_id, glossary, FALSE, error)))
    {
      docket_store_import_abort (self);
      return FALSE;
    }
  if (!_docket_store_exec (store, "RELEASE docket_file", error))
    {
      docket_store_import_abort (self);
      return FALSE;
    }

  skipped = g_ptr_array_ref (self->skipped);
  g_object_ref (store);
  store_import_free (self);
  ok = docket_store_commit_batch (store, error);
  g_object_unref (store);
  if (ok && out_skipped_ids != NULL)
    *out_skipped_ids = g_steal_pointer (&skipped);
  return ok;
}

/**
 * docket_store_import_abort:
 *
 * Leaves out everything the import stored, and frees it.
 */
void
docket_store_import_abort (DocketStoreImport *self)
{
  DocketStore *store;

  g_return_if_fail (self != NULL);

  store = g_object_ref (self->store);
  sqlite3_exec (store->db, "ROLLBACK TO docket_file; RELEASE docket_file", NULL, NULL, NULL);
  store_import_free (self);
  docket_store_abort_batch (store);
  g_object_unref (store);
}
