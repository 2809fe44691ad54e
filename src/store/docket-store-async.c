/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "docket-store"

#include "config.h"

#include "docket-store.h"
#include "docket-store-private.h"

/* The async pairs: each runs the tested _sync core in a GTask thread. */

typedef struct
{
  DocketRecord     *record;
  char             *who;
  char             *id;         /* a record's, or the volume lists' collection's */
  DocketCollection *collection;
  GPtrArray        *records;
  GPtrArray        *skipped;
  GPtrArray        *glossary;
  GPtrArray        *persons;
  DocketStoreInsertMode mode;
  gint64            version;
  gint64            position;
} TaskData;

static void
task_data_free (TaskData *data)
{
  g_clear_object (&data->record);
  g_free (data->who);
  g_free (data->id);
  g_clear_pointer (&data->collection, docket_collection_free);
  g_clear_pointer (&data->records, g_ptr_array_unref);
  g_clear_pointer (&data->skipped, g_ptr_array_unref);
  g_clear_pointer (&data->glossary, g_ptr_array_unref);
  g_clear_pointer (&data->persons, g_ptr_array_unref);
  g_free (data);
}

/* A task of @self that owns @data; the caller runs it in a thread. */
static GTask *
new_task (DocketStore         *self,
          TaskData            *data,
          gpointer             source_tag,
          GCancellable        *cancellable,
          GAsyncReadyCallback  callback,
          gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, data, (GDestroyNotify) task_data_free);
  return task;
}

static void
save_record_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  DocketStore *self = source_object;
  TaskData *data = task_data;
  GError *error = NULL;

  if (!docket_store_save_record (self, data->record, data->who, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  data->version = docket_record_get_version (data->record);
  data->position = docket_record_get_position (data->record);
  g_task_return_boolean (task, TRUE);
}

/**
 * docket_store_save_record_async:
 *
 * Saves a snapshot of @record, taken now, in a thread. The caller may go on
 * editing @record meanwhile; docket_store_save_record_finish() gives it the
 * new version, so that the edits made since are saved by the next call.
 */
void
docket_store_save_record_async (DocketStore         *self,
                                DocketRecord        *record,
                                const char          *who,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  TaskData *data;

  g_return_if_fail (DOCKET_IS_STORE (self));
  g_return_if_fail (DOCKET_IS_RECORD (record));

  data = g_new0 (TaskData, 1);
  data->record = docket_record_copy (record);
  data->who = g_strdup (who);

  task = new_task (self, data, docket_store_save_record_async, cancellable, callback, user_data);
  /* The original is updated by _finish, in the caller's thread. */
  g_object_set_data_full (G_OBJECT (task), "docket-record", g_object_ref (record), g_object_unref);
  g_task_run_in_thread (task, save_record_thread);
}

/**
 * docket_store_save_record_finish:
 *
 * Returns: %TRUE if the record was saved; its version is then updated
 */
gboolean
docket_store_save_record_finish (DocketStore   *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  TaskData *data;
  DocketRecord *record;

  g_return_val_if_fail (DOCKET_IS_STORE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;
  data = g_task_get_task_data (G_TASK (result));
  record = g_object_get_data (G_OBJECT (result), "docket-record");
  docket_record_set_version (record, data->version);
  docket_record_set_position (record, data->position);
  return TRUE;
}

static void
load_record_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  TaskData *data = task_data;
  GError *error = NULL;
  DocketRecord *record;

  if (g_task_return_error_if_cancelled (task))
    return;
  record = docket_store_load_record (source_object, data->id, &error);
  if (record == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, record, g_object_unref);
}

/**
 * docket_store_load_record_async:
 *
 * Loads a record in a thread.
 */
void
docket_store_load_record_async (DocketStore         *self,
                                const char          *id,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  TaskData *data;

  g_return_if_fail (DOCKET_IS_STORE (self));
  g_return_if_fail (id != NULL);

  data = g_new0 (TaskData, 1);
  data->id = g_strdup (id);
  task = new_task (self, data, docket_store_load_record_async, cancellable, callback, user_data);
  g_task_run_in_thread (task, load_record_thread);
}

/**
 * docket_store_load_record_finish:
 *
 * Returns: (transfer full): the record, or %NULL with @error set
 */
DocketRecord *
docket_store_load_record_finish (DocketStore   *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (DOCKET_IS_STORE (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
insert_records_thread (GTask        *task,
                       gpointer      source_object,
                       gpointer      task_data,
                       GCancellable *cancellable)
{
  TaskData *data = task_data;
  GError *error = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;
  if (!docket_store_insert_records (source_object, data->collection, data->records,
                                    data->mode, &data->skipped, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * docket_store_insert_records_async:
 * @records: (element-type DocketRecord): the records; they are updated
 *   (version, position) from the thread, so leave them alone until the
 *   callback runs
 *
 * Runs docket_store_insert_records() in a thread.
 */
void
docket_store_insert_records_async (DocketStore            *self,
                                   const DocketCollection *collection,
                                   GPtrArray              *records,
                                   DocketStoreInsertMode   mode,
                                   GCancellable           *cancellable,
                                   GAsyncReadyCallback     callback,
                                   gpointer                user_data)
{
  g_autoptr(GTask) task = NULL;
  TaskData *data;

  g_return_if_fail (DOCKET_IS_STORE (self));
  g_return_if_fail (records != NULL);

  data = g_new0 (TaskData, 1);
  data->collection = collection != NULL ? docket_collection_copy (collection) : NULL;
  data->records = g_ptr_array_ref (records);
  data->mode = mode;
  task = new_task (self, data, docket_store_insert_records_async, cancellable, callback, user_data);
  g_task_run_in_thread (task, insert_records_thread);
}

/**
 * docket_store_insert_records_finish:
 * @out_skipped_ids: (out) (optional) (transfer container) (element-type utf8):
 *   the ids left out by %DOCKET_STORE_INSERT_SKIP_EXISTING
 *
 * Returns: %TRUE if all records were stored
 */
gboolean
docket_store_insert_records_finish (DocketStore   *self,
                                    GAsyncResult  *result,
                                    GPtrArray    **out_skipped_ids,
                                    GError       **error)
{
  TaskData *data;

  g_return_val_if_fail (DOCKET_IS_STORE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  if (out_skipped_ids != NULL)
    *out_skipped_ids = NULL;
  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;
  data = g_task_get_task_data (G_TASK (result));
  if (out_skipped_ids != NULL)
    *out_skipped_ids = g_steal_pointer (&data->skipped);
  return TRUE;
}

static void
load_volume_lists_thread (GTask        *task,
                          gpointer      source_object,
                          gpointer      task_data,
                          GCancellable *cancellable)
{
  TaskData *data = task_data;
  GError *error = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;
  data->glossary = docket_store_list_glossary (source_object, data->id, &error);
  if (data->glossary != NULL)
    data->persons = docket_store_list_persons (source_object, data->id, &error);
  if (data->persons == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * docket_store_load_volume_lists_async:
 * @collection_id: the collection whose glossary and persons are wanted
 *
 * Lists a TEI volume's glossary and persons in a thread, for a view that
 * explains the terms and names a record mentions.
 */
void
docket_store_load_volume_lists_async (DocketStore         *self,
                                      const char          *collection_id,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  TaskData *data;

  g_return_if_fail (DOCKET_IS_STORE (self));
  g_return_if_fail (collection_id != NULL);

  data = g_new0 (TaskData, 1);
  data->id = g_strdup (collection_id);
  task = new_task (self, data, docket_store_load_volume_lists_async, cancellable, callback, user_data);
  g_task_run_in_thread (task, load_volume_lists_thread);
}

/**
 * docket_store_load_volume_lists_finish:
 * @out_glossary: (out) (transfer container) (element-type DocketAccessPoint):
 *   the terms, as docket_store_list_glossary() gives them
 * @out_persons: (out) (transfer container) (element-type DocketAgent): the
 *   persons, as docket_store_list_persons() gives them
 *
 * Returns: %TRUE if both lists were read (either may be empty)
 */
gboolean
docket_store_load_volume_lists_finish (DocketStore   *self,
                                       GAsyncResult  *result,
                                       GPtrArray    **out_glossary,
                                       GPtrArray    **out_persons,
                                       GError       **error)
{
  TaskData *data;

  g_return_val_if_fail (DOCKET_IS_STORE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (out_glossary != NULL && out_persons != NULL, FALSE);

  *out_glossary = NULL;
  *out_persons = NULL;
  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;
  data = g_task_get_task_data (G_TASK (result));
  *out_glossary = g_steal_pointer (&data->glossary);
  *out_persons = g_steal_pointer (&data->persons);
  return TRUE;
}
