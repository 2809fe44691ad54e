/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "docket-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <errno.h>
#include <string.h>

#include "docket-store.h"
#include "docket-store-empty-catalog.h"
#include "docket-store-private.h"

/* A new catalog filled in memory before it is a file. Nothing else can
 * open it, so it needs neither the write-ahead log nor a journal file: an
 * import writes its pages into memory once (the journal for the savepoints
 * of a batch's files is kept in memory too), and the whole catalog is
 * written out, synced once and named when it is whole
 * (_docket_store_write_new_file()). A crash, or a store given up, leaves
 * nothing. In memory the catalog is in rollback mode (bytes 18 and 19 of
 * its header, as SQLite sets them); it is written in write-ahead-log
 * mode, as every catalog is. */

/**
 * docket_store_create_unnamed:
 * @path: where the new catalog is to be; nothing may be there yet
 * @error: return location for an error: %G_IO_ERROR_EXISTS when @path is
 *   taken, %G_IO_ERROR_NOT_SUPPORTED when this build has no empty catalog
 *   to start from or a log is left beside @path; the caller then opens
 *   @path with docket_store_open()
 *
 * Makes a new catalog, in memory, that docket_store_publish() writes to
 * @path. Meant for an import into a catalog that does not exist yet: its
 * pages are written once, and nobody sees a catalog half made. The whole
 * catalog is held in memory meanwhile: about the size of the files read.
 *
 * Returns: (transfer full) (nullable): the store, or %NULL with @error set
 */
DocketStore *
docket_store_create_unnamed (const char  *path,
                             GError     **error)
{
  g_autoptr(DocketStore) self = NULL;
  g_autofree char *display_name = NULL;
  g_autofree char *dir = NULL;
  guint8 *image;
  int rc;

  g_return_val_if_fail (path != NULL && path[0] != '\0', NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  _docket_store_configure_sqlite ();
  display_name = g_filename_display_name (path);
  dir = g_path_get_dirname (path);

  if (_docket_store_empty_catalog_size == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   "No empty catalog to start from in this build");
      return NULL;
    }
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS, _("Catalog “%s” exists"), display_name);
      return NULL;
    }
  if (_docket_store_has_orphan_log (path))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   "A write-ahead log without its catalog is beside “%s”", display_name);
      return NULL;
    }
  if (!_docket_store_prepare_folder (dir, display_name, error))
    return NULL;

  self = g_object_new (DOCKET_TYPE_STORE, NULL);
  self->path = g_strdup (path);
  self->display_name = g_steal_pointer (&display_name);
  self->unnamed = TRUE;

  rc = sqlite3_open_v2 (":memory:", &self->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      _docket_store_set_error (self, rc, error);
      return NULL;
    }
  sqlite3_extended_result_codes (self->db, FALSE);

  image = sqlite3_malloc64 (_docket_store_empty_catalog_size);
  if (image == NULL)
    {
      _docket_store_set_error (self, SQLITE_NOMEM, error);
      return NULL;
    }
  memcpy (image, _docket_store_empty_catalog, _docket_store_empty_catalog_size);
  image[DOCKET_STORE_HEADER_MODE_OFFSET] = image[DOCKET_STORE_HEADER_MODE_OFFSET + 1] = 1;
  rc = sqlite3_deserialize (self->db, "main", image, _docket_store_empty_catalog_size,
                            _docket_store_empty_catalog_size,
                            SQLITE_DESERIALIZE_FREEONCLOSE | SQLITE_DESERIALIZE_RESIZEABLE);
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (self->db,
                       "PRAGMA journal_mode = MEMORY;"
                       "PRAGMA synchronous = OFF;"
                       "PRAGMA foreign_keys = ON;"
                       "PRAGMA temp_store = MEMORY",
                       NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      _docket_store_set_error (self, rc, error);
      return NULL;
    }
  if (!_docket_store_migrate (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

/**
 * docket_store_publish:
 * @self: a store from docket_store_create_unnamed(), no batch open
 * @error: return location for an error: %G_IO_ERROR_EXISTS when another
 *   program made a catalog at the path meanwhile; other errors when the
 *   folder takes no such file (no hard links, no /proc) or writing fails.
 *   The catalog is then dropped, and the caller stores its records in the
 *   catalog docket_store_open() gives.
 *
 * Writes the catalog of @self to its path, synced, in write-ahead-log
 * mode, and closes @self, which cannot be used any more, whatever the
 * outcome.
 *
 * Returns: %TRUE when the catalog is at its path
 */
gboolean
docket_store_publish (DocketStore  *self,
                      GError      **error)
{
  g_autofree char *dir = NULL;
  guint8 *copy = NULL;
  const guint8 *image;
  sqlite3_int64 size = 0;
  gboolean ok = FALSE;

  g_return_val_if_fail (DOCKET_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->unnamed && self->db != NULL, FALSE);
  g_return_val_if_fail (self->batch_depth == 0, FALSE);

  self->unnamed = FALSE;
  dir = g_path_get_dirname (self->path);

  image = sqlite3_serialize (self->db, "main", &size, SQLITE_SERIALIZE_NOCOPY);
  if (image == NULL)
    image = copy = sqlite3_serialize (self->db, "main", &size, 0);
  if (image == NULL)
    _docket_store_set_error (self, SQLITE_NOMEM, error);
  else
    switch (_docket_store_write_new_file (dir, self->path, image, (gsize) size))
      {
      case DOCKET_STORE_NEW_FILE_MADE:
        ok = TRUE;
        break;
      case DOCKET_STORE_NEW_FILE_TAKEN:
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                     _("Another program made catalog “%s” meanwhile"), self->display_name);
        break;
      case DOCKET_STORE_NEW_FILE_NOT_MADE:
      default:
        _docket_store_creation_failed (self->display_name, errno, error);
        break;
      }

  sqlite3_free (copy);
  _docket_store_close_db (self);
  return ok;
}
