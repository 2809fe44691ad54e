/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "docket-catalog-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "docket-catalog-import.h"
#include "docket-devised-title.h"
#include "docket-store-import.h"

void
docket_catalog_import_report_free (DocketCatalogImportReport *report)
{
  if (report == NULL)
    return;
  g_free (report->path);
  g_free (report->collection_id);
  g_clear_pointer (&report->imported, g_ptr_array_unref);
  g_clear_pointer (&report->skipped, g_ptr_array_unref);
  g_clear_pointer (&report->warnings, g_ptr_array_unref);
  g_free (report);
}

/* "d7" (a document of the same volume, as the readers leave it) becomes
 * "frus1964-68v05d7" once the collection is known. */
static void
qualify_record_links (DocketRecord *record,
                      const char   *collection_id)
{
  GPtrArray *footnotes = docket_record_get_footnotes (record);

  for (guint i = 0; i < footnotes->len; i++)
    {
      DocketFootnote *footnote = g_ptr_array_index (footnotes, i);

      for (guint j = 0; j < footnote->links->len; j++)
        {
          DocketFootnoteLink *link = g_ptr_array_index (footnote->links, j);

          if (link->kind == DOCKET_LINK_RECORD && link->target != NULL &&
              link->target[0] == 'd' && link->target[1] != '\0' &&
              strspn (link->target + 1, "0123456789") == strlen (link->target + 1))
            {
              char *qualified = g_strconcat (collection_id, link->target, NULL);

              g_free (link->target);
              link->target = qualified;
            }
        }
    }
}

/* Gives every record an identifier: the collection's id + "d" + the
 * document number when there is a collection, else a provisional one that
 * the cataloger is expected to replace. */
static gboolean
assign_identifiers (DocketStore  *store,
                    GPtrArray    *records,
                    guint         first_index,
                    GHashTable   *seen,
                    const char   *collection_id,
                    const char   *path,
                    GError      **error)
{
  for (guint i = 0; i < records->len; i++)
    {
      DocketRecord *record = g_ptr_array_index (records, i);
      const char *number = docket_record_get (record, DOCKET_FIELD_NUMBER);
      g_autofree char *number_part = g_strdup_printf ("d%s", number != NULL ? number : "");

      if (number == NULL)
        {
          g_free (number_part);
          number_part = g_strdup_printf ("item%u", first_index + i + 1);
        }

      if (collection_id != NULL)
        {
          docket_record_set (record, DOCKET_FIELD_COLLECTION, collection_id);
          if (docket_record_get_id (record) == NULL)
            {
              g_autofree char *id = g_strconcat (collection_id, number_part, NULL);
              docket_record_set_id (record, id);
            }
          qualify_record_links (record, collection_id);
        }
      else if (docket_record_get_id (record) == NULL)
        {
          g_autofree char *base = g_strconcat ("unfiled-", number_part, NULL);
          g_autofree char *id = docket_store_make_unique_id (store, base);

          /* Two documents of one file with the same number. */
          while (g_hash_table_contains (seen, id))
            {
              g_autofree char *again = g_strdup_printf ("%s-%u", base, g_hash_table_size (seen) + 2);
              g_free (id);
              id = docket_store_make_unique_id (store, again);
            }
          docket_record_set_id (record, id);
          docket_record_set_provisional_id (record, TRUE);
        }

      docket_devised_title_apply (record);

      if (!g_hash_table_add (seen, g_strdup (docket_record_get_id (record))))
        {
          g_set_error (error, DOCKET_IMPORT_ERROR, DOCKET_IMPORT_ERROR_MALFORMED,
                       _("%s: two documents in the file have the identifier %s; nothing was imported"),
                       path, docket_record_get_id (record));
          return FALSE;
        }
    }
  return TRUE;
}

/**
 * DocketCatalogImport:
 *
 * One file going into the catalog: the records a reader completes are
 * given identifiers and stored as they come (docket_catalog_import_add()),
 * and docket_catalog_import_finish() keeps them all, or, on failure,
 * none. The catalog is locked to the calling thread in between.
 */
struct _DocketCatalogImport
{
  DocketStore            *store;
  char                   *path;
  DocketStoreInsertMode   mode;
  GCancellable           *cancellable;
  DocketCollection       *named;       /* the collection the user named */
  gboolean                named_new;   /* made from the file's collection */
  const DocketCollection *collection;  /* that one, or the file's */
  gboolean                reset_ids;   /* the reader's ids are the file's collection's */
  GHashTable             *seen;
  guint                   n_added;
  DocketStoreImport      *stored;
};

static void
catalog_import_free (DocketCatalogImport *self)
{
  g_object_unref (self->store);
  g_free (self->path);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->named, docket_collection_free);
  g_hash_table_unref (self->seen);
  g_free (self);
}

/**
 * docket_catalog_import_begin:
 * @path: the file, for messages and the report
 * @file_collection: (nullable): the collection the file describes, which
 *   must stay as it is until docket_catalog_import_finish(); the one the
 *   finished result has is saved then if it grew (an EAD finding aid's
 *   archdesc is whole only at the end of the file)
 *
 * Returns: (transfer full) (nullable): the import, to end with
 *   docket_catalog_import_finish() or docket_catalog_import_abort(), or
 *   %NULL with @error set
 */
DocketCatalogImport *
docket_catalog_import_begin (DocketStore                      *store,
                             const char                       *path,
                             const DocketCollection           *file_collection,
                             const DocketCatalogImportOptions *options,
                             GCancellable                     *cancellable,
                             GError                          **error)
{
  static const DocketCatalogImportOptions defaults = { NULL, FALSE };
  DocketCatalogImport *self;

  g_return_val_if_fail (DOCKET_IS_STORE (store), NULL);
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (options == NULL)
    options = &defaults;

  self = g_new0 (DocketCatalogImport, 1);
  self->store = g_object_ref (store);
  self->path = g_strdup (path);
  self->mode = options->replace ? DOCKET_STORE_INSERT_REPLACE : DOCKET_STORE_INSERT_SKIP_EXISTING;
  self->cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;
  self->seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (options->collection_id != NULL)
    {
      self->named = docket_store_load_collection (store, options->collection_id, NULL);
      if (self->named == NULL && file_collection != NULL)
        {
          self->named = docket_collection_copy (file_collection);
          g_free (self->named->id);
          self->named->id = g_strdup (options->collection_id);
          self->named_new = TRUE;
        }
      if (self->named == NULL)
        self->named = docket_collection_new (options->collection_id, NULL);
      self->collection = self->named;
    }
  else
    self->collection = file_collection;

  /* With a collection named by the user, the reader's identifiers (built
   * from the file's own collection) give way to ones built from it. */
  self->reset_ids = options->collection_id != NULL && file_collection != NULL &&
                    g_strcmp0 (file_collection->id, options->collection_id) != 0;

  self->stored = docket_store_import_begin (store, self->collection, self->mode, error);
  if (self->stored == NULL)
    {
      catalog_import_free (self);
      return NULL;
    }
  return self;
}

/**
 * docket_catalog_import_add:
 * @records: (element-type DocketRecord): the file's next records, in order
 *
 * Gives @records their identifiers and stores them. On failure the caller
 * aborts the import.
 *
 * Returns: %TRUE on success
 */
gboolean
docket_catalog_import_add (DocketCatalogImport  *self,
                           GPtrArray            *records,
                           GError              **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (records != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->reset_ids)
    for (guint i = 0; i < records->len; i++)
      docket_record_set_id (g_ptr_array_index (records, i), NULL);

  if (!assign_identifiers (self->store, records, self->n_added, self->seen,
                           self->collection != NULL ? self->collection->id : NULL,
                           self->path, error) ||
      g_cancellable_set_error_if_cancelled (self->cancellable, error) ||
      !docket_store_import_add (self->stored, records, error))
    return FALSE;
  self->n_added += records->len;
  return TRUE;
}

/**
 * docket_catalog_import_abort:
 *
 * Leaves the catalog as it was before the import, and frees it.
 */
void
docket_catalog_import_abort (DocketCatalogImport *self)
{
  g_return_if_fail (self != NULL);

  docket_store_import_abort (self->stored);
  catalog_import_free (self);
}

/* The file's collection as the whole file describes it, where the import
 * began with less of it: saved again, under the name the user gave it if
 * it was made from the file's. */
static gboolean
save_grown_collection (DocketCatalogImport     *self,
                       const DocketCollection  *whole,
                       GError                 **error)
{
  g_autoptr(DocketCollection) renamed = NULL;

  if (whole == NULL || self->collection == whole || (self->named != NULL && !self->named_new))
    return TRUE;
  if (self->named != NULL)
    {
      renamed = docket_collection_copy (whole);
      g_free (renamed->id);
      renamed->id = g_strdup (self->named->id);
      whole = renamed;
    }
  if (self->collection != NULL && docket_collection_equal (self->collection, whole))
    return TRUE;
  return docket_store_import_save_collection (self->stored, whole, error);
}

/**
 * docket_catalog_import_finish:
 * @result: all that was read from the file; records of it that were not
 *   added yet are added now
 *
 * Keeps the file's records, with its persons and terms lists, and frees
 * the import (also on failure, when nothing of the file is kept).
 *
 * Returns: (transfer full) (nullable): what was imported, or %NULL with
 *   @error set and the catalog as it was
 */
DocketCatalogImportReport *
docket_catalog_import_finish (DocketCatalogImport  *self,
                              DocketImportResult   *result,
                              GError              **error)
{
  g_autoptr(DocketCatalogImportReport) report = NULL;
  g_autoptr(GPtrArray) skipped = NULL;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  if (result == NULL)
    {
      g_critical ("%s: no result to finish the import of %s with", G_STRFUNC, self->path);
      docket_catalog_import_abort (self);
      return NULL;
    }

  /* A finding aid may describe its collection with no components; the
   * collection is then all there is to keep. */
  if (result->records->len == 0 && result->collection == NULL)
    {
      g_set_error (error, DOCKET_IMPORT_ERROR, DOCKET_IMPORT_ERROR_NOT_RECOGNIZED,
                   _("%s: the file holds no documents; nothing was imported"), self->path);
      docket_catalog_import_abort (self);
      return NULL;
    }

  if (self->n_added < result->records->len)
    {
      g_autoptr(GPtrArray) rest = g_ptr_array_new ();

      for (guint i = self->n_added; i < result->records->len; i++)
        g_ptr_array_add (rest, g_ptr_array_index (result->records, i));
      if (!docket_catalog_import_add (self, rest, error))
        {
          docket_catalog_import_abort (self);
          return NULL;
        }
    }

  if (!save_grown_collection (self, result->collection, error))
    {
      docket_catalog_import_abort (self);
      return NULL;
    }

  /* Records, persons and terms in one transaction: all of the file or
   * none. The last moment a cancel stops it. */
  if (g_cancellable_set_error_if_cancelled (self->cancellable, error))
    {
      docket_catalog_import_abort (self);
      return NULL;
    }
  if (!docket_store_import_finish (self->stored,
                                   self->collection != NULL ? result->persons : NULL,
                                   self->collection != NULL ? result->glossary : NULL,
                                   &skipped, error))
    {
      catalog_import_free (self);
      return NULL;
    }

  report = g_new0 (DocketCatalogImportReport, 1);
  report->path = g_strdup (self->path);
  report->collection_id = g_strdup (self->collection != NULL ? self->collection->id : NULL);
  report->imported = g_ptr_array_new_with_free_func (g_free);
  report->skipped = g_ptr_array_ref (skipped);
  report->warnings = g_ptr_array_ref (result->warnings);
  report->n_unmapped = result->n_unmapped;

  /* The store lists the skipped records in the order they were given, so
   * one walk of both lists tells the imported ones apart. */
  for (guint i = 0, j = 0; i < result->records->len; i++)
    {
      const char *id = docket_record_get_id (g_ptr_array_index (result->records, i));

      if (j < report->skipped->len && g_strcmp0 (g_ptr_array_index (report->skipped, j), id) == 0)
        j++;
      else
        g_ptr_array_add (report->imported, g_strdup (id));
    }

  catalog_import_free (self);
  return g_steal_pointer (&report);
}

/**
 * docket_catalog_import_file:
 *
 * Reads @path and stores all of its records in one transaction, or none.
 * Records that exist already are skipped (or refreshed with
 * @options->replace) and listed in the report.
 *
 * Returns: (transfer full) (nullable): what was imported, or %NULL with
 *   @error set and the catalog unchanged
 */
DocketCatalogImportReport *
docket_catalog_import_file (DocketStore                      *store,
                            const char                       *path,
                            const DocketCatalogImportOptions *options,
                            GCancellable                     *cancellable,
                            DocketImportProgress              progress,
                            gpointer                          user_data,
                            GError                          **error)
{
  g_autoptr(DocketImportResult) result = NULL;
  DocketCatalogImport *self;

  g_return_val_if_fail (DOCKET_IS_STORE (store), NULL);
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  result = docket_import_file (path, cancellable, progress, user_data, error);
  if (result == NULL)
    return NULL;
  self = docket_catalog_import_begin (store, path, result->collection, options, cancellable, error);
  if (self == NULL)
    return NULL;
  return docket_catalog_import_finish (self, result, error);
}
