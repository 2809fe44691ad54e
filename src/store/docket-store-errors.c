/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "docket-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "docket-store.h"
#include "docket-store-private.h"

/* SQLite's result codes as DOCKET_STORE_ERROR errors that say what to do. */

gboolean
_docket_store_set_error (DocketStore  *self,
                         int           rc,
                         GError      **error)
{
  return _docket_store_set_error_for (self, self->db, rc, error);
}

/* The same for another connection to the catalog (@db), such as the
 * search index's in docket-store-index.c. */
gboolean
_docket_store_set_error_for (DocketStore  *self,
                             sqlite3      *db,
                             int           rc,
                             GError      **error)
{
  const char *detail = db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc);

  switch (rc & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_LOCKED,
                   _("Catalog “%s” is in use by another program; close it there or wait, then try again"),
                   self->display_name);
      break;

    case SQLITE_READONLY:
    case SQLITE_PERM:
      g_set_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_READ_ONLY,
                   _("Catalog “%s” cannot be written; make the file and its folder writable, or choose another catalog"),
                   self->display_name);
      break;

    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
      g_set_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_NOT_A_CATALOG,
                   _("Catalog “%s” is damaged or not a Docket catalog (%s); restore it from a backup or choose another file"),
                   self->display_name, detail);
      break;

    case SQLITE_FULL:
      g_set_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_FAILED,
                   _("Catalog “%s” could not be written because the disk is full; free some space and try again"),
                   self->display_name);
      break;

    default:
      g_set_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_FAILED,
                   _("Catalog “%s” could not be used (%s); check that the disk is working and try again"),
                   self->display_name, detail);
      break;
    }
  return FALSE;
}
