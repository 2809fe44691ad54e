/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "docket-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "docket-store-private.h"

/* The migrations, in order: migrations[0] takes an empty file to version 1.
 * A migration is never edited once released; a change to the schema is a
 * new migration at the end. Each runs in its own transaction together with
 * the PRAGMA user_version that records it, so a crash leaves the catalog at
 * the previous version, never half-way. */
static const char *migrations[] = {
  /* 1: the records, lossless. Children refer to the record's integer rid so
   * that renaming a record touches one row. */
  "PRAGMA application_id = 1145260884;\n" /* DOCKET_STORE_APPLICATION_ID */
  "CREATE TABLE collection (\n"
  "  id TEXT PRIMARY KEY NOT NULL,\n"
  "  title TEXT, series TEXT, subseries TEXT, volume TEXT, editors TEXT,\n"
  "  date TEXT, scope TEXT, repository TEXT, url TEXT, extra_xml TEXT\n"
  ");\n"
  "CREATE TABLE record (\n"
  "  rid INTEGER PRIMARY KEY,\n"
  "  id TEXT NOT NULL UNIQUE,\n"
  "  collection_id TEXT REFERENCES collection (id) ON UPDATE CASCADE ON DELETE SET NULL,\n"
  "  position INTEGER NOT NULL DEFAULT 0,\n"
  "  version INTEGER NOT NULL DEFAULT 1,\n"
  "  provisional_id INTEGER NOT NULL DEFAULT 0,\n"
  "  extra_xml TEXT,\n"
  "  number TEXT, heading TEXT, subject TEXT, title TEXT, type TEXT,\n"
  "  date_text TEXT, date_from TEXT, date_to TEXT, date_certainty TEXT, place TEXT,\n"
  "  classification TEXT, caveats TEXT, declassification TEXT,\n"
  "  source_text TEXT, source_repository TEXT, source_collection TEXT, source_file TEXT,\n"
  "  printing_note TEXT, publication TEXT, pages TEXT, url TEXT, language TEXT,\n"
  "  extent TEXT, scope TEXT, access_conditions TEXT, use_conditions TEXT,\n"
  "  review_status TEXT, reviewer TEXT, review_date TEXT, review_comment TEXT,\n"
  "  level TEXT, parent_path TEXT, chapter TEXT,\n"
  /* Sort keys: documents without a number or date go last. */
  "  number_key INTEGER GENERATED ALWAYS AS\n"
  "    (CASE WHEN number IS NULL THEN 9223372036854775807\n"
  "          ELSE CAST (number AS INTEGER) END) VIRTUAL,\n"
  "  date_key TEXT GENERATED ALWAYS AS (coalesce (date_from, '~')) VIRTUAL\n"
  ");\n"
  "CREATE INDEX record_catalog_order ON record (collection_id, position, id);\n"
  "CREATE INDEX record_number_order ON record (number_key, number, id);\n"
  "CREATE INDEX record_date_order ON record (date_key, id);\n"
  "CREATE INDEX record_review_status ON record (review_status);\n"
  "CREATE INDEX record_classification ON record (classification COLLATE NOCASE);\n"
  /* Fields the model gained after the schema's last migration, until a
   * migration gives them a column: stored by key, so nothing is lost. */
  "CREATE TABLE record_field (\n"
  "  record_rid INTEGER NOT NULL REFERENCES record (rid) ON DELETE CASCADE,\n"
  "  key TEXT NOT NULL, value TEXT,\n"
  "  PRIMARY KEY (record_rid, key)\n"
  ") WITHOUT ROWID;\n"
  "CREATE TABLE record_agent (\n"
  "  record_rid INTEGER NOT NULL REFERENCES record (rid) ON DELETE CASCADE,\n"
  "  seq INTEGER NOT NULL,\n"
  "  role TEXT NOT NULL, name TEXT, office TEXT, ref TEXT,\n"
  "  authority_source TEXT, authority_id TEXT,\n"
  "  PRIMARY KEY (record_rid, seq)\n"
  ") WITHOUT ROWID;\n"
  "CREATE TABLE access_point (\n"
  "  record_rid INTEGER NOT NULL REFERENCES record (rid) ON DELETE CASCADE,\n"
  "  seq INTEGER NOT NULL,\n"
  "  kind TEXT NOT NULL, term TEXT, source TEXT, authority_id TEXT, role TEXT,\n"
  "  PRIMARY KEY (record_rid, seq)\n"
  ") WITHOUT ROWID;\n"
  "CREATE TABLE block (\n"
  "  record_rid INTEGER NOT NULL REFERENCES record (rid) ON DELETE CASCADE,\n"
  "  seq INTEGER NOT NULL,\n"
  "  kind TEXT NOT NULL, text TEXT,\n"
  "  PRIMARY KEY (record_rid, seq)\n"
  ") WITHOUT ROWID;\n"
  "CREATE TABLE anchor (\n"
  "  record_rid INTEGER NOT NULL,\n"
  "  block_seq INTEGER NOT NULL,\n"
  "  seq INTEGER NOT NULL,\n"
  "  kind TEXT NOT NULL, byte_offset INTEGER NOT NULL, ref TEXT,\n"
  "  PRIMARY KEY (record_rid, block_seq, seq),\n"
  "  FOREIGN KEY (record_rid, block_seq) REFERENCES block (record_rid, seq) ON DELETE CASCADE\n"
  ") WITHOUT ROWID;\n"
  "CREATE TABLE footnote (\n"
  "  record_rid INTEGER NOT NULL REFERENCES record (rid) ON DELETE CASCADE,\n"
  "  seq INTEGER NOT NULL,\n"
  "  id TEXT, n TEXT, kind TEXT NOT NULL, text TEXT,\n"
  "  PRIMARY KEY (record_rid, seq)\n"
  ") WITHOUT ROWID;\n"
  "CREATE TABLE footnote_link (\n"
  "  record_rid INTEGER NOT NULL,\n"
  "  footnote_seq INTEGER NOT NULL,\n"
  "  seq INTEGER NOT NULL,\n"
  "  kind TEXT NOT NULL, target TEXT, repository TEXT, collection TEXT, file TEXT,\n"
  "  description TEXT, title TEXT,\n"
  "  span_start INTEGER NOT NULL DEFAULT -1, span_end INTEGER NOT NULL DEFAULT -1,\n"
  "  PRIMARY KEY (record_rid, footnote_seq, seq),\n"
  "  FOREIGN KEY (record_rid, footnote_seq) REFERENCES footnote (record_rid, seq) ON DELETE CASCADE\n"
  ") WITHOUT ROWID;\n"
  /* "Cited by": links to records are found by their target. */
  "CREATE INDEX footnote_link_record_target ON footnote_link (target) WHERE kind = 'record';\n"
  "CREATE TABLE revision (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  record_rid INTEGER NOT NULL REFERENCES record (rid) ON DELETE CASCADE,\n"
  "  field TEXT NOT NULL, old_value TEXT, new_value TEXT, who TEXT, at TEXT NOT NULL\n"
  ");\n"
  "CREATE INDEX revision_record ON revision (record_rid, id);\n"
  "CREATE TABLE setting (\n"
  "  key TEXT PRIMARY KEY NOT NULL,\n"
  "  value TEXT\n"
  ") WITHOUT ROWID;\n",

  /* 2: full-text search, and a TEI volume's persons and glossary. The index
   * is built from what version 1 already holds. */
  "CREATE VIRTUAL TABLE record_fts USING fts5 (\n"
  "  heading, subject, title, body, footnotes, terms,\n"
  "  tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'\n"
  ");\n"
  "INSERT INTO record_fts (rowid, heading, subject, title, body, footnotes, terms)\n"
  "  SELECT r.rid, r.heading, r.subject, r.title,\n"
  "    (SELECT group_concat (text, char (10)) FROM\n"
  "       (SELECT text FROM block WHERE record_rid = r.rid ORDER BY seq)),\n"
  "    (SELECT group_concat (text, char (10)) FROM\n"
  "       (SELECT text FROM footnote WHERE record_rid = r.rid ORDER BY seq)),\n"
  "    (SELECT group_concat (t, char (10)) FROM\n"
  "       (SELECT term AS t FROM access_point WHERE record_rid = r.rid\n"
  "        UNION ALL SELECT name FROM record_agent WHERE record_rid = r.rid))\n"
  "  FROM record AS r;\n"
  "CREATE TRIGGER record_fts_delete AFTER DELETE ON record BEGIN\n"
  "  DELETE FROM record_fts WHERE rowid = old.rid;\n"
  "END;\n"
  "CREATE TABLE agent (\n"
  "  collection_id TEXT NOT NULL REFERENCES collection (id) ON UPDATE CASCADE ON DELETE CASCADE,\n"
  "  ref TEXT NOT NULL, name TEXT, description TEXT, seq INTEGER NOT NULL,\n"
  "  PRIMARY KEY (collection_id, ref)\n"
  ") WITHOUT ROWID;\n"
  "CREATE TABLE glossary_term (\n"
  "  collection_id TEXT NOT NULL REFERENCES collection (id) ON UPDATE CASCADE ON DELETE CASCADE,\n"
  "  ref TEXT NOT NULL, term TEXT, expansion TEXT, seq INTEGER NOT NULL,\n"
  "  PRIMARY KEY (collection_id, ref)\n"
  ") WITHOUT ROWID;\n",

  /* 3: an anchor may cover text (a term mention); markers and page breaks
   * keep a length of 0. */
  "ALTER TABLE anchor ADD COLUMN byte_length INTEGER NOT NULL DEFAULT 0;\n",

  /* 4: records an import added wait here to be indexed after it (see
   * docket-store-index.c); an edit is still indexed as it is saved. */
  "CREATE TABLE fts_pending (rid INTEGER PRIMARY KEY NOT NULL);\n"
  /* A trigger rather than a foreign key, which would look the record up
   * again for every row an import queues. */
  "CREATE TRIGGER fts_pending_delete AFTER DELETE ON record BEGIN\n"
  "  DELETE FROM fts_pending WHERE rid = old.rid;\n"
  "END;\n",
};

G_STATIC_ASSERT (DOCKET_STORE_APPLICATION_ID == 1145260884);

guint
_docket_store_n_migrations (void)
{
  return G_N_ELEMENTS (migrations);
}

/* Returns: the SQL that takes a catalog from @to_version - 1 to @to_version. */
const char *
_docket_store_migration_sql (guint to_version)
{
  g_return_val_if_fail (to_version >= 1 && to_version <= G_N_ELEMENTS (migrations), NULL);
  return migrations[to_version - 1];
}

static gboolean
read_user_version (DocketStore  *self,
                   gint64       *out_version,
                   GError      **error)
{
  return _docket_store_query_int64 (self, "PRAGMA user_version", out_version, error);
}

static gboolean
too_new (DocketStore  *self,
         gint64        version,
         GError      **error)
{
  g_set_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_TOO_NEW,
               _("Catalog “%s” was written by a newer version of Docket (schema %u; this version reads up to %u); update Docket to open it"),
               self->display_name, (guint) version, (guint) G_N_ELEMENTS (migrations));
  return FALSE;
}

/* Takes the write lock for the migrations, or finds them made. Another
 * program may make the catalog meanwhile and keep the lock long after:
 * an import that created it goes on to write its records. So rather than
 * wait for the lock through the busy timeout, which would wait out the
 * whole import (and fail after DOCKET_STORE_BUSY_TIMEOUT_MS), look again
 * between tries whether the catalog is up to date; reading needs no lock
 * with the write-ahead log. */
static gboolean
begin_migration (DocketStore  *self,
                 gboolean     *out_up_to_date,
                 GError      **error)
{
  gint64 deadline = g_get_monotonic_time () + DOCKET_STORE_BUSY_TIMEOUT_MS * G_TIME_SPAN_MILLISECOND;
  gulong pause = G_TIME_SPAN_MILLISECOND;
  gint64 version = 0;
  int rc;

  *out_up_to_date = FALSE;
  sqlite3_busy_timeout (self->db, 0);
  for (;;)
    {
      rc = sqlite3_exec (self->db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
      if (rc != SQLITE_BUSY || g_get_monotonic_time () >= deadline)
        break;
      g_usleep (pause);
      pause = MIN (pause * 2, 20 * G_TIME_SPAN_MILLISECOND);
      /* Made by another program meanwhile, perhaps a newer Docket: the
       * caller tells which, without waiting out the lock. */
      if (read_user_version (self, &version, NULL) &&
          version >= (gint64) G_N_ELEMENTS (migrations))
        {
          *out_up_to_date = TRUE;
          break;
        }
    }
  sqlite3_busy_timeout (self->db, DOCKET_STORE_BUSY_TIMEOUT_MS);

  if (*out_up_to_date)
    return TRUE;
  if (rc != SQLITE_OK)
    return _docket_store_set_error (self, rc, error);
  return TRUE;
}

/* Runs the migrations the catalog has not had yet, all in one
 * transaction: a catalog is at its old version or at this build's, never
 * in between. */
gboolean
_docket_store_migrate (DocketStore  *self,
                       GError      **error)
{
  g_autofree char *pragma = NULL;
  gboolean up_to_date = FALSE;
  gint64 version;

  if (!read_user_version (self, &version, error))
    return FALSE;
  if (version == (gint64) G_N_ELEMENTS (migrations))
    return TRUE;
  if (version > (gint64) G_N_ELEMENTS (migrations))
    return too_new (self, version, error);

  if (!begin_migration (self, &up_to_date, error))
    return FALSE;
  if (up_to_date)
    return _docket_store_migrate (self, error);

  /* Another process may have migrated the catalog while we waited for the
   * write lock. */
  if (!read_user_version (self, &version, error))
    {
      _docket_store_rollback (self);
      return FALSE;
    }

  if (version > (gint64) G_N_ELEMENTS (migrations))
    {
      _docket_store_rollback (self);
      return too_new (self, version, error);
    }
  if (version == (gint64) G_N_ELEMENTS (migrations))
    {
      _docket_store_rollback (self);
      return TRUE;
    }

  for (guint to = (guint) version + 1; to <= G_N_ELEMENTS (migrations); to++)
    {
      if (!_docket_store_exec (self, migrations[to - 1], error))
        {
          _docket_store_rollback (self);
          g_prefix_error (error, _("Could not upgrade catalog “%s” to schema %u: "),
                          self->display_name, to);
          return FALSE;
        }
    }

  pragma = g_strdup_printf ("PRAGMA user_version = %u", (guint) G_N_ELEMENTS (migrations));
  if (!_docket_store_exec (self, pragma, error) ||
      !_docket_store_commit (self, error))
    {
      _docket_store_rollback (self);
      g_prefix_error (error, _("Could not upgrade catalog “%s”: "), self->display_name);
      return FALSE;
    }
  g_debug ("Catalog %s migrated from schema %u to %u", self->path, (guint) version,
           (guint) G_N_ELEMENTS (migrations));
  return TRUE;
}
