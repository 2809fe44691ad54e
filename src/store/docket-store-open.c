/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "docket-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "docket-store.h"
#include "docket-store-empty-catalog.h"
#include "docket-store-private.h"

/* Opening a catalog: checking an existing file before SQLite touches it,
 * creating a new one, then the connection's settings and migrations. */

static const char sqlite_magic[16] = "SQLite format 3";

static gboolean
not_a_catalog (const char  *display_name,
               GError     **error)
{
  g_set_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_NOT_A_CATALOG,
               _("“%s” is not a Docket catalog and was left untouched; choose another file or move this one away"),
               display_name);
  return FALSE;
}

static gboolean
read_only (const char  *display_name,
           gboolean     folder,
           GError     **error)
{
  if (folder)
    g_set_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_READ_ONLY,
                 _("The folder of catalog “%s” is read-only and Docket needs to write there; make it writable or choose a catalog elsewhere"),
                 display_name);
  else
    g_set_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_READ_ONLY,
                 _("Catalog “%s” is read-only; make it writable or choose another catalog"),
                 display_name);
  return FALSE;
}

/* access() alone is not enough: for root it succeeds whatever the mode, and
 * a catalog whose owner made it read-only should be treated as such by
 * every user. So both the permission and the mode bits must allow writing. */
static gboolean
is_writable (const char *path)
{
  GStatBuf st;

  if (g_access (path, W_OK) != 0)
    return FALSE;
  if (g_stat (path, &st) != 0)
    return FALSE;
  return (st.st_mode & (S_IWUSR | S_IWGRP | S_IWOTH)) != 0;
}

/* Looks at an existing file before SQLite writes anything to it: the header
 * magic first, then (read-only) the application id and schema version. */
static gboolean
check_existing_file (const char  *path,
                     const char  *display_name,
                     goffset      size,
                     GError     **error)
{
  char header[100];
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 app_id = 0;
  gint64 version = 0;
  gint64 n_objects = 0;
  gsize n_read = 0;
  FILE *file;
  int rc;

  if (size == 0)
    return TRUE; /* An empty file is an empty SQLite database: ours to set up. */

  file = g_fopen (path, "rb");
  if (file == NULL)
    {
      int saved_errno = errno;

      if (saved_errno == EACCES)
        g_set_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_FAILED,
                     _("Catalog “%s” cannot be read; check its permissions"),
                     display_name);
      else
        g_set_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_FAILED,
                     _("Catalog “%s” cannot be opened: %s"),
                     display_name, g_strerror (saved_errno));
      return FALSE;
    }
  n_read = fread (header, 1, sizeof header, file);
  fclose (file);

  if (n_read < sizeof header || memcmp (header, sqlite_magic, sizeof sqlite_magic) != 0)
    return not_a_catalog (display_name, error);

  /* The header's application id (offset 68, big-endian). The header may lag
   * behind a write-ahead log, so 0 is checked again through SQLite below. */
  app_id = ((guint32) (guchar) header[68] << 24) | ((guint32) (guchar) header[69] << 16) |
           ((guint32) (guchar) header[70] << 8) | (guint32) (guchar) header[71];
  if (app_id != 0 && app_id != DOCKET_STORE_APPLICATION_ID)
    return not_a_catalog (display_name, error);

  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_FULLMUTEX, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_busy_timeout (db, DOCKET_STORE_BUSY_TIMEOUT_MS);
      rc = sqlite3_prepare_v2 (db,
                               "SELECT (SELECT application_id FROM pragma_application_id),"
                               "       (SELECT user_version FROM pragma_user_version),"
                               "       (SELECT count(*) FROM sqlite_schema)",
                               -1, &stmt, NULL);
    }
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      app_id = sqlite3_column_int64 (stmt, 0);
      version = sqlite3_column_int64 (stmt, 1);
      n_objects = sqlite3_column_int64 (stmt, 2);
      rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  switch (rc)
    {
    case SQLITE_OK:
      break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_LOCKED,
                   _("Catalog “%s” is in use by another program; close it there or wait, then try again"),
                   display_name);
      return FALSE;
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
      return not_a_catalog (display_name, error);
    case SQLITE_READONLY:
      /* A crash in the middle of a write left a rollback journal (a
       * catalog where SQLite could not use its write-ahead log), which a
       * read-only connection may not play back. The header says the file
       * is ours: the connection that writes plays the journal back, and
       * the migrations check the version. */
      if (app_id == DOCKET_STORE_APPLICATION_ID)
        return TRUE;
      G_GNUC_FALLTHROUGH;
    default:
      g_set_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_FAILED,
                   _("Catalog “%s” cannot be opened: %s"),
                   display_name, sqlite3_errstr (rc));
      return FALSE;
    }

  if ((guint32) app_id != DOCKET_STORE_APPLICATION_ID && n_objects > 0)
    return not_a_catalog (display_name, error);

  if ((guint32) app_id == DOCKET_STORE_APPLICATION_ID &&
      version > (gint64) _docket_store_n_migrations ())
    {
      g_set_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_TOO_NEW,
                   _("Catalog “%s” was written by a newer version of Docket (schema %u; this version reads up to %u); update Docket to open it"),
                   display_name, (guint) version, _docket_store_n_migrations ());
      return FALSE;
    }

  return TRUE;
}

/* The error for a catalog that could not be made: @saved_errno says why. */
gboolean
_docket_store_creation_failed (const char  *display_name,
                               int          saved_errno,
                               GError     **error)
{
  if (saved_errno == EACCES || saved_errno == EROFS || saved_errno == EPERM)
    return read_only (display_name, TRUE, error);
  g_set_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_FAILED,
               _("Catalog “%s” could not be created: %s"),
               display_name, g_strerror (saved_errno));
  return FALSE;
}

/**
 * _docket_store_has_orphan_log:
 * @path: a catalog that does not exist
 *
 * Whether a write-ahead log or rollback journal is left at @path's name,
 * of a catalog moved or deleted without it: SQLite would play it into a
 * new catalog there, and corrupt it.
 */
gboolean
_docket_store_has_orphan_log (const char *path)
{
  static const char *suffixes[] = { "-wal", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *log = g_strconcat (path, suffixes[i], NULL);
      GStatBuf st;

      if (g_stat (log, &st) == 0 && st.st_size > 0)
        return TRUE;
    }
  return FALSE;
}

/**
 * _docket_store_prepare_folder:
 * @dir: the folder a new catalog is to be made in
 *
 * Makes @dir with its parents (mode 0700) if need be, and checks that a
 * catalog can be written there.
 *
 * Returns: %FALSE with @error set when it cannot
 */
gboolean
_docket_store_prepare_folder (const char  *dir,
                              const char  *display_name,
                              GError     **error)
{
  g_autofree char *ancestor = g_strdup (dir);

  /* The folders to be made go in the nearest existing one, which must be
   * writable by its mode too (root could write into it regardless). */
  while (!g_file_test (ancestor, G_FILE_TEST_EXISTS))
    {
      char *parent = g_path_get_dirname (ancestor);

      if (g_strcmp0 (parent, ancestor) == 0)
        {
          g_free (parent);
          break;
        }
      g_free (ancestor);
      ancestor = parent;
    }
  if (g_strcmp0 (ancestor, dir) != 0 && !is_writable (ancestor))
    return read_only (display_name, TRUE, error);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      if (saved_errno == EACCES || saved_errno == EROFS || saved_errno == EPERM)
        return read_only (display_name, TRUE, error);
      g_set_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_FAILED,
                   _("The folder for catalog “%s” could not be created: %s"),
                   display_name, g_strerror (saved_errno));
      return FALSE;
    }

  if (!is_writable (dir))
    return read_only (display_name, TRUE, error);
  return TRUE;
}

/* Creates the catalog's folder and the catalog, with mode 0600, so that
 * the catalog is never readable by others, not even for a moment: a copy
 * of the empty catalog if @allow_copy, or else an empty file that SQLite
 * sets up. @out_made tells whether this call made the catalog as a copy
 * (which then needs no checking). */
static gboolean
create_file (const char  *path,
             const char  *display_name,
             gboolean     allow_copy,
             gboolean    *out_made,
             GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd;

  if (!_docket_store_prepare_folder (dir, display_name, error))
    return FALSE;
  if (_docket_store_has_orphan_log (path))
    {
      g_set_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_FAILED,
                   _("Catalog “%s” does not exist, but a log of changes to a catalog of that name is beside it (“-wal” or “-journal”); move that log away and try again"),
                   display_name);
      return FALSE;
    }

  /* A copy of the empty catalog made at build time, written whole and
   * then named: much cheaper than having SQLite run every migration (7 M
   * instructions and five syncs, while an import is reading its first
   * file). Any failure leaves the catalog to be made otherwise. */
  *out_made = FALSE;
  if (allow_copy && _docket_store_empty_catalog_size > 0)
    switch (_docket_store_write_new_file (dir, path, _docket_store_empty_catalog,
                                          _docket_store_empty_catalog_size))
      {
      case DOCKET_STORE_NEW_FILE_MADE:
        *out_made = TRUE;
        return TRUE;
      case DOCKET_STORE_NEW_FILE_TAKEN:
        return TRUE; /* Checked later. */
      case DOCKET_STORE_NEW_FILE_NOT_MADE:
      default:
        break;
      }

  fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved_errno = errno;

      if (saved_errno == EEXIST)
        return TRUE; /* Created by someone else meanwhile; checked later. */
      return _docket_store_creation_failed (display_name, saved_errno, error);
    }
  close (fd);
  return TRUE;
}

/* Settings for SQLite itself, made before its first use in the process.
 * Docket never asks SQLite how much memory it holds, so the count it
 * keeps under a global mutex on every allocation (3.5 M instructions of
 * a TEI volume's import, 7 M of a large finding aid's) is switched off. */
void
_docket_store_configure_sqlite (void)
{
  static gsize configured = 0;

  if (g_once_init_enter (&configured))
    {
      /* Fails harmlessly if SQLite is in use already (a test's own
       * connection, say); the count then stays on. */
      sqlite3_config (SQLITE_CONFIG_MEMSTATUS, 0);
      g_once_init_leave (&configured, 1);
    }
}

/* Opens, or creates, the catalog at @path. @allow_copy makes a new one a
 * copy of the empty catalog; @out_copy_unusable is set when this call
 * made that copy and it cannot be used where it is (SQLite cannot use its
 * write-ahead log there, which the copy is in), so that the caller makes
 * it anew: any other Docket opening it would fail the same way. */
static DocketStore *
open_catalog (const char  *path,
              gboolean     allow_copy,
              gboolean    *out_copy_unusable,
              GError     **error)
{
  g_autoptr(DocketStore) self = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *display_name = NULL;
  gboolean made = FALSE;
  GStatBuf st;
  int rc;

  display_name = g_filename_display_name (path);
  dir = g_path_get_dirname (path);

  if (g_stat (path, &st) != 0)
    {
      int saved_errno = errno;

      if (saved_errno != ENOENT)
        {
          g_set_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_FAILED,
                       _("Catalog “%s” cannot be opened: %s"),
                       display_name, g_strerror (saved_errno));
          return NULL;
        }
      if (!create_file (path, display_name, allow_copy, &made, error))
        return NULL;
      if (g_stat (path, &st) != 0)
        {
          g_set_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_FAILED,
                       _("Catalog “%s” cannot be opened: %s"),
                       display_name, g_strerror (errno));
          return NULL;
        }
    }

  if (!S_ISREG (st.st_mode))
    {
      not_a_catalog (display_name, error);
      return NULL;
    }

  if (!made && !check_existing_file (path, display_name, st.st_size, error))
    return NULL;

  /* Writing needs the file, and, for the write-ahead log and its index,
   * the folder. Say so now rather than at the first save. */
  if (!is_writable (path))
    {
      read_only (display_name, FALSE, error);
      return NULL;
    }
  if (!is_writable (dir))
    {
      read_only (display_name, TRUE, error);
      return NULL;
    }

  self = g_object_new (DOCKET_TYPE_STORE, NULL);
  self->path = g_strdup (path);
  self->display_name = g_steal_pointer (&display_name);

  /* Every use of the connection holds self->lock, so SQLite's own mutex
   * (taken on every bind and step) would only add cost. */
  rc = sqlite3_open_v2 (path, &self->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      _docket_store_set_error (self, rc, error);
      return NULL;
    }
  sqlite3_extended_result_codes (self->db, FALSE);
  sqlite3_busy_timeout (self->db, DOCKET_STORE_BUSY_TIMEOUT_MS);

  if (!_docket_store_configure (self, st.st_size == 0, error) ||
      !_docket_store_migrate (self, error))
    {
      /* SQLite cannot use its write-ahead log here (no shared memory for
       * its index), which the copy is in. */
      if (made && out_copy_unusable != NULL && (sqlite3_errcode (self->db) & 0xff) == SQLITE_CANTOPEN)
        *out_copy_unusable = TRUE;
      return NULL;
    }

  return g_steal_pointer (&self);
}

/**
 * docket_store_open:
 * @path: the catalog file; created, with its folder, if it does not exist
 * @error: return location for a #DOCKET_STORE_ERROR
 *
 * Opens a catalog, creating it on first use (mode 0600), and brings its
 * schema up to date. A file that is not a Docket catalog is left untouched
 * (%DOCKET_STORE_ERROR_NOT_A_CATALOG); a read-only file or folder fails at
 * once with %DOCKET_STORE_ERROR_READ_ONLY rather than at the first save.
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
DocketStore *
docket_store_open (const char  *path,
                   GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  gboolean copy_unusable = FALSE;
  DocketStore *store;

  g_return_val_if_fail (path != NULL && path[0] != '\0', NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  _docket_store_configure_sqlite ();
  store = open_catalog (path, TRUE, &copy_unusable, &local_error);
  if (store == NULL && copy_unusable)
    {
      /* The copy, just made and holding nothing, gives way to a catalog
       * that SQLite sets up with a rollback journal. */
      g_debug ("New catalog %s cannot be used as copied (%s); making it anew", path, local_error->message);
      g_clear_error (&local_error);
      g_unlink (path);
      store = open_catalog (path, FALSE, NULL, &local_error);
    }
  if (store == NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return store;
}

static void
open_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  DocketStore *store = docket_store_open (task_data, &error);

  if (store == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, store, g_object_unref);
}

/**
 * docket_store_open_async:
 *
 * Opens (and if needed creates or upgrades) a catalog in a thread. The
 * store's #DocketStore::records-changed is emitted in the caller's thread
 * default main context.
 */
void
docket_store_open_async (const char          *path,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (path != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, docket_store_open_async);
  g_task_set_task_data (task, g_strdup (path), g_free);
  g_task_run_in_thread (task, open_thread);
}

/**
 * docket_store_open_finish:
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
DocketStore *
docket_store_open_finish (GAsyncResult  *result,
                          GError       **error)
{
  DocketStore *store;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  store = g_task_propagate_pointer (G_TASK (result), error);
  if (store != NULL)
    {
      /* Deliver change notifications where the caller lives, not in the
       * worker thread that opened the catalog. */
      g_clear_pointer (&store->context, g_main_context_unref);
      store->context = g_main_context_ref_thread_default ();
    }
  return store;
}
