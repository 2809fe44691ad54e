/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "docket-import"

#include "config.h"

#include "docket-import-queue.h"

#include <libxml/parser.h>

/* Files read but not yet taken. A volume's records can take a few tens of
 * megabytes; two keep the reader busy without holding a whole batch. */
#define READ_AHEAD 2

typedef struct
{
  GPtrArray              *completed;  /* records complete, not yet taken */
  guint                   n_handed;   /* records put there so far */
  DocketCollection       *collection; /* a copy of the result's, handed out
                                       * with the records: the result is
                                       * freed here if the file fails */
  DocketImportResult     *result;
  GError                 *error;
} ReadFile;

/**
 * DocketImportQueue:
 *
 * Reads a list of files in a thread of its own, in order, a couple of
 * files ahead of whoever takes the results. An import can so open (or
 * create) its catalog while the first file is being read, and store one
 * file while the next is read: reading is most of an import's work and
 * needs no catalog. A TEI volume's or a finding aid's records are handed
 * over as they are completed, so that they are stored while the rest of
 * the file is read. Results handed back with docket_import_queue_release()
 * are freed in the same thread, while the catalog commits.
 */
struct _DocketImportQueue
{
  char                      **paths;
  guint                       n_paths;
  DocketImportQueueProgress   progress;
  gpointer                    user_data;
  GCancellable               *cancellable;

  GMutex                      lock;
  GCond                       changed;
  ReadFile                   *files;
  guint                       n_read;  /* files[0 .. n_read) are read */
  guint                       n_taken; /* and [0 .. n_taken) handed out */
  guint                       reading; /* the file the thread is on */
  GQueue                      spent;   /* results handed back, to free */

  GThread                    *thread;
};

static void
progress_of_current_file (guint    done,
                          guint    total,
                          gpointer user_data)
{
  DocketImportQueue *self = user_data;

  self->progress (self->paths[self->reading], done, total, self->user_data);
}

/* Adds result->records[files[i].n_handed .. n_final) to the records
 * waiting to be taken. Called with the lock held. */
static void
add_completed (DocketImportQueue  *self,
               guint               i,
               DocketImportResult *result,
               guint               n_final)
{
  ReadFile *file = &self->files[i];

  if (n_final <= file->n_handed)
    return;
  if (file->completed == NULL)
    file->completed = g_ptr_array_new_full (n_final - file->n_handed, g_object_unref);
  for (guint j = file->n_handed; j < n_final; j++)
    g_ptr_array_add (file->completed, g_object_ref (g_ptr_array_index (result->records, j)));
  file->n_handed = n_final;
  g_cond_broadcast (&self->changed);
}

static void
records_ready (DocketImportResult *result,
               guint               n_final,
               gpointer            user_data)
{
  DocketImportQueue *self = user_data;

  g_mutex_lock (&self->lock);
  if (self->files[self->reading].collection == NULL && result->collection != NULL)
    self->files[self->reading].collection = docket_collection_copy (result->collection);
  add_completed (self, self->reading, result, n_final);
  g_mutex_unlock (&self->lock);
}

/* Frees the results handed back so far, without the lock (a volume's take
 * milliseconds). Called, and returns, with the lock held. */
static void
free_spent_locked (DocketImportQueue *self)
{
  DocketImportResult *spent;

  while ((spent = g_queue_pop_head (&self->spent)) != NULL)
    {
      g_mutex_unlock (&self->lock);
      docket_import_result_free (spent);
      g_mutex_lock (&self->lock);
    }
}

static gpointer
read_files (gpointer data)
{
  DocketImportQueue *self = data;

  for (guint i = 0; i < self->n_paths; i++)
    {
      DocketImportResult *result;
      GError *error = NULL;

      /* Waiting to read ahead, free what was stored meanwhile, so that a
       * batch of volumes holds no more than a couple at a time. */
      g_mutex_lock (&self->lock);
      for (;;)
        {
          free_spent_locked (self);
          if (i - self->n_taken < READ_AHEAD || g_cancellable_is_cancelled (self->cancellable))
            break;
          g_cond_wait (&self->changed, &self->lock);
        }
      g_mutex_unlock (&self->lock);
      if (g_cancellable_is_cancelled (self->cancellable))
        break;

      self->reading = i;
      result = docket_import_file_full (self->paths[i], self->cancellable,
                                        self->progress != NULL ? progress_of_current_file : NULL,
                                        records_ready, self, &error);

      g_mutex_lock (&self->lock);
      /* A result whose records were read again has none in common with
       * those handed over: it is taken whole. */
      if (result != NULL && !result->ready_withdrawn)
        add_completed (self, i, result, result->records->len);
      self->files[i].result = result;
      self->files[i].error = error;
      self->n_read = i + 1;
      g_cond_broadcast (&self->changed);
      g_mutex_unlock (&self->lock);
    }

  /* Then free what is handed back, until the queue is freed. */
  g_mutex_lock (&self->lock);
  for (;;)
    {
      free_spent_locked (self);
      if (g_cancellable_is_cancelled (self->cancellable))
        break;
      g_cond_wait (&self->changed, &self->lock);
    }
  g_mutex_unlock (&self->lock);
  return NULL;
}

/**
 * docket_import_queue_new:
 * @paths: (array length=n_paths): the files, in the order they are to be taken
 * @progress: (nullable): called from the reading thread as each file is read
 *
 * Starts reading @paths in a thread; take each file's result in turn with
 * docket_import_queue_next().
 *
 * Returns: (transfer full): the queue
 */
DocketImportQueue *
docket_import_queue_new (const char * const        *paths,
                         guint                      n_paths,
                         DocketImportQueueProgress  progress,
                         gpointer                   user_data)
{
  DocketImportQueue *self = g_new0 (DocketImportQueue, 1);

  g_return_val_if_fail (paths != NULL || n_paths == 0, NULL);

  self->paths = g_new0 (char *, n_paths + 1);
  for (guint i = 0; i < n_paths; i++)
    self->paths[i] = g_strdup (paths[i]);
  self->n_paths = n_paths;
  self->progress = progress;
  self->user_data = user_data;
  self->cancellable = g_cancellable_new ();
  g_mutex_init (&self->lock);
  g_cond_init (&self->changed);
  self->files = g_new0 (ReadFile, n_paths);
  /* libxml2 wants its global state set up in the main thread before
   * another thread parses. */
  xmlInitParser ();
  self->thread = g_thread_new ("docket-import-read", read_files, self);
  return self;
}

/**
 * docket_import_queue_next:
 * @out_path: (out) (optional) (transfer none): the file's path, valid as
 *   long as the queue
 *
 * Waits until the next file is read and hands it over. Call it once per
 * file given to docket_import_queue_new().
 *
 * Returns: (transfer full) (nullable): the file's records, or %NULL with
 *   @error set when it could not be read
 */
DocketImportResult *
docket_import_queue_next (DocketImportQueue  *self,
                          const char        **out_path,
                          GError            **error)
{
  ReadFile file;
  guint index;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (self->n_taken < self->n_paths, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  g_mutex_lock (&self->lock);
  while (self->n_read <= self->n_taken)
    g_cond_wait (&self->changed, &self->lock);
  index = self->n_taken++;
  file = self->files[index];
  g_clear_pointer (&self->files[index].completed, g_ptr_array_unref);
  self->files[index].result = NULL;
  self->files[index].error = NULL;
  g_cond_broadcast (&self->changed);
  g_mutex_unlock (&self->lock);

  if (out_path != NULL)
    *out_path = self->paths[index];
  if (file.error != NULL)
    g_propagate_error (error, file.error);
  return file.result;
}

/**
 * docket_import_queue_next_records:
 * @out_collection: (out) (optional) (transfer none): the collection of the
 *   file being read, if it names one; valid as long as the queue, also when
 *   the file turns out to be unreadable
 *
 * Waits for more completed records of the next file, the one
 * docket_import_queue_next() will hand over. Take them until this returns
 * %NULL; the file's result, or its error, is then ready. Its records
 * include all those handed over here, unless its ready_withdrawn is set:
 * then none of them, and its own replace them all.
 *
 * Returns: (transfer full) (nullable) (element-type DocketRecord): the next
 *   records, in order, or %NULL when the file is read to its end
 */
GPtrArray *
docket_import_queue_next_records (DocketImportQueue       *self,
                                  const DocketCollection **out_collection)
{
  ReadFile *file;
  GPtrArray *chunk;
  guint index;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (self->n_taken < self->n_paths, NULL);

  g_mutex_lock (&self->lock);
  index = self->n_taken;
  file = &self->files[index];
  while (file->completed == NULL && self->n_read <= index)
    g_cond_wait (&self->changed, &self->lock);
  /* Everything completed so far at once: when storing is slower than
   * reading, as for a finding aid's many small components, the records
   * pile up and are stored in a few large steps rather than one by one. */
  chunk = g_steal_pointer (&file->completed);
  if (out_collection != NULL)
    *out_collection = file->collection != NULL ? file->collection
                      : file->result != NULL ? file->result->collection : NULL;
  g_mutex_unlock (&self->lock);
  return chunk;
}

/**
 * docket_import_queue_release:
 * @result: (transfer full): a result taken with docket_import_queue_next()
 *
 * Frees @result in the queue's thread: a volume's records take a few
 * milliseconds to free, which the caller can spend committing them.
 */
void
docket_import_queue_release (DocketImportQueue  *self,
                             DocketImportResult *result)
{
  g_return_if_fail (self != NULL);

  if (result == NULL)
    return;
  g_mutex_lock (&self->lock);
  g_queue_push_tail (&self->spent, result);
  g_cond_broadcast (&self->changed);
  g_mutex_unlock (&self->lock);
}

/**
 * docket_import_queue_free:
 *
 * Stops reading (a file being read is abandoned), waits for the results
 * handed back to be freed, and frees what was read and not taken.
 */
void
docket_import_queue_free (DocketImportQueue *self)
{
  if (self == NULL)
    return;

  g_cancellable_cancel (self->cancellable);
  g_mutex_lock (&self->lock);
  g_cond_broadcast (&self->changed);
  g_mutex_unlock (&self->lock);
  g_thread_join (self->thread);
  g_queue_clear_full (&self->spent, (GDestroyNotify) docket_import_result_free);

  for (guint i = 0; i < self->n_paths; i++)
    {
      g_clear_pointer (&self->files[i].completed, g_ptr_array_unref);
      g_clear_pointer (&self->files[i].collection, docket_collection_free);
      g_clear_pointer (&self->files[i].result, docket_import_result_free);
      g_clear_error (&self->files[i].error);
    }
  g_free (self->files);
  g_mutex_clear (&self->lock);
  g_cond_clear (&self->changed);
  g_object_unref (self->cancellable);
  g_strfreev (self->paths);
  g_free (self);
}
