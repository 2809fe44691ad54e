/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "docket-catalog-import"

#include "config.h"

#include "docket-catalog-import.h"

/* docket_catalog_import_file() in a thread, its progress told in the
 * caller's main context: the window's imports. */

typedef struct
{
  char                       *path;
  char                       *collection_id;
  gboolean                    replace;
  DocketImportProgress        progress;
  gpointer                    progress_data;
  GMainContext               *context;
} ImportTaskData;

typedef struct
{
  DocketImportProgress progress;
  gpointer             progress_data;
  guint                done;
  guint                total;
} ProgressCall;

static void
import_task_data_free (ImportTaskData *data)
{
  g_free (data->path);
  g_free (data->collection_id);
  g_clear_pointer (&data->context, g_main_context_unref);
  g_free (data);
}

static gboolean
progress_in_caller_context (gpointer user_data)
{
  ProgressCall *call = user_data;

  call->progress (call->done, call->total, call->progress_data);
  return G_SOURCE_REMOVE;
}

static void
progress_from_thread (guint    done,
                      guint    total,
                      gpointer user_data)
{
  ImportTaskData *data = user_data;
  ProgressCall *call;
  GSource *source;

  call = g_new0 (ProgressCall, 1);
  call->progress = data->progress;
  call->progress_data = data->progress_data;
  call->done = done;
  call->total = total;

  /* Always a source in the caller's context, never
   * g_main_context_invoke(): that runs the callback right here, in this
   * thread, whenever the context happens to be free (a test between two
   * iterations), and the callback updates widgets. */
  source = g_idle_source_new ();
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, progress_in_caller_context, call, g_free);
  g_source_set_static_name (source, "[docket] import progress");
  g_source_attach (source, data->context);
  g_source_unref (source);
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ImportTaskData *data = task_data;
  DocketCatalogImportOptions options = { data->collection_id, data->replace };
  GError *error = NULL;
  DocketCatalogImportReport *report;

  /* No progress asked for, none made: the readers then do not count a
   * file's documents ahead. */
  report = docket_catalog_import_file (DOCKET_STORE (source_object), data->path, &options, cancellable,
                                       data->progress != NULL ? progress_from_thread : NULL, data,
                                       &error);
  if (report == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, report, (GDestroyNotify) docket_catalog_import_report_free);
}

void
docket_catalog_import_file_async (DocketStore                      *store,
                                  const char                       *path,
                                  const DocketCatalogImportOptions *options,
                                  GCancellable                     *cancellable,
                                  DocketImportProgress              progress,
                                  gpointer                          progress_data,
                                  GAsyncReadyCallback               callback,
                                  gpointer                          user_data)
{
  g_autoptr(GTask) task = NULL;
  ImportTaskData *data;

  g_return_if_fail (DOCKET_IS_STORE (store));
  g_return_if_fail (path != NULL);

  data = g_new0 (ImportTaskData, 1);
  data->path = g_strdup (path);
  data->collection_id = g_strdup (options != NULL ? options->collection_id : NULL);
  data->replace = options != NULL && options->replace;
  data->progress = progress;
  data->progress_data = progress_data;
  data->context = g_main_context_ref_thread_default ();

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, docket_catalog_import_file_async);
  g_task_set_task_data (task, data, (GDestroyNotify) import_task_data_free);
  /* A file stored before the cancel came is reported as stored. */
  g_task_set_check_cancellable (task, FALSE);
  g_task_run_in_thread (task, import_thread);
}

/**
 * docket_catalog_import_file_finish:
 *
 * Returns: (transfer full) (nullable): the report, or %NULL with @error set
 */
DocketCatalogImportReport *
docket_catalog_import_file_finish (DocketStore   *store,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, store), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
