/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "test-store"

#include "config.h"

#include <glib/gstdio.h>

#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "docket-store.h"
#include "docket-store-empty-catalog.h"
#include "docket-store-private.h"
#include "docket-test-store.h"
#include "docket-test-util.h"

/* Text meant to break naive SQL, JSON or UTF-8 handling: quotes, SQL
 * comment and escape characters, control characters (no NUL), right-to-left
 * text with an override, and characters outside the BMP. */
#define HOSTILE "O'Brien \"quoted\" ; DROP TABLE record; -- \\ %s %n \x01\x02\x1f\t\r\n" \
                "שלום عربي \u202eevil\u202c 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 😀 <tag attr=\"&amp;\"> ]]>"

typedef DocketTestCatalog Fixture;

static char *
file_checksum (const char *path)
{
  gsize length = 0;
  g_autofree char *contents = docket_test_read_file (path, &length);

  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

static gint64
pragma_value (const char *path,
              const char *pragma)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA %s", pragma);

  return docket_test_catalog_query (path, sql);
}

static DocketRecord *
make_simple_record (const char *id,
                    const char *number,
                    const char *heading)
{
  DocketRecord *record = docket_record_new ();

  docket_record_set_id (record, id);
  docket_record_set (record, DOCKET_FIELD_NUMBER, number);
  docket_record_set (record, DOCKET_FIELD_HEADING, heading);
  return record;
}

/* A record with every field, every list and every kind filled, in hostile
 * text. */
static DocketRecord *
make_full_record (const char *id)
{
  DocketRecord *record = docket_record_new ();
  g_autoptr(GString) long_text = g_string_new (NULL);
  DocketBlock *block;
  DocketFootnote *footnote;
  DocketFootnoteLink *link;
  DocketAgent *agent;
  DocketAccessPoint *point;

  while (long_text->len < 10000)
    g_string_append (long_text, "Kosygin talks on Vietnam settlement — “peace” ñ ");

  for (guint i = 0; i < DOCKET_N_FIELDS; i++)
    {
      g_autofree char *value = g_strdup_printf ("%s %s", docket_field_get_key (i), HOSTILE);

      docket_record_set (record, i, value);
    }
  docket_record_set_id (record, id);
  docket_record_set (record, DOCKET_FIELD_COLLECTION, "frus1964-68v05");
  docket_record_set (record, DOCKET_FIELD_NUMBER, "206");
  docket_record_set (record, DOCKET_FIELD_DATE_FROM, "1967-06-21");
  docket_record_set (record, DOCKET_FIELD_SCOPE, long_text->str);
  docket_record_set_provisional_id (record, TRUE);
  docket_record_set_extra_xml (record, "<odd><p>unmapped &amp; kept</p></odd>");

  for (guint role = DOCKET_AGENT_AUTHOR; role <= DOCKET_AGENT_MENTIONED; role++)
    {
      agent = docket_agent_new (role, "W. Averell Harriman " HOSTILE, "Ambassador at Large");
      agent->ref = g_strdup ("p_HWA2");
      agent->authority_source = g_strdup ("lcnaf");
      agent->authority_id = g_strdup ("n79029145");
      docket_record_add_agent (record, agent);
    }
  docket_record_add_agent (record, docket_agent_new (DOCKET_AGENT_RECIPIENT, "President Johnson", NULL));

  for (guint kind = DOCKET_ACCESS_POINT_SUBJECT; kind <= DOCKET_ACCESS_POINT_TITLE; kind++)
    {
      point = docket_access_point_new (kind, "Vietnam War, 1961-1975--Peace " HOSTILE, "lcsh");
      point->authority_id = g_strdup ("sh85143277");
      point->role = g_strdup ("rcp");
      docket_record_add_access_point (record, point);
    }
  docket_record_add_access_point (record, docket_access_point_new (DOCKET_ACCESS_POINT_PLACE, "Hanoi", NULL));

  for (guint kind = DOCKET_BLOCK_HEADING; kind <= DOCKET_BLOCK_SOURCE; kind++)
    {
      g_autofree char *text = g_strdup_printf ("Block %u zanzibarword %s", kind, HOSTILE);

      block = docket_block_new (kind, text);
      docket_block_add_anchor (block, DOCKET_ANCHOR_FOOTNOTE, 5, "d206fn1");
      docket_block_add_anchor (block, DOCKET_ANCHOR_PAGE_BREAK, 12, "522");
      /* A term mention: "zanzibarword", with its length. */
      docket_block_add_span (block, DOCKET_ANCHOR_TERM, strstr (text, "zanzibar") - text,
                             strlen ("zanzibarword"), "t_ZAN1");
      docket_block_add_anchor (block, DOCKET_ANCHOR_FOOTNOTE, strlen (text), "d206fn2");
      docket_record_add_block (record, block);
    }
  docket_record_add_block (record, docket_block_new (DOCKET_BLOCK_PARAGRAPH, long_text->str));
  docket_record_add_block (record, docket_block_new (DOCKET_BLOCK_PARAGRAPH, ""));

  footnote = docket_footnote_new ("d206fn1", "1", DOCKET_FOOTNOTE_SOURCE,
                                  "Source: Library of Congress, Manuscript Division, Harriman Papers. " HOSTILE);
  link = docket_footnote_link_new_archival ("Library of Congress, Manuscript Division", "Harriman Papers",
                                            "Special Files, Public Service", "as printed " HOSTILE);
  link->span_start = 8;
  link->span_end = 48;
  docket_footnote_add_link (footnote, link);
  docket_record_add_footnote (record, footnote);

  footnote = docket_footnote_new ("d206fn2", "2", DOCKET_FOOTNOTE_EDITORIAL,
                                  "See Document 205 and quetzalword in the Foreign Relations series.");
  docket_footnote_add_link (footnote, docket_footnote_link_new (DOCKET_LINK_RECORD, "frus1964-68v05d205"));
  link = docket_footnote_link_new (DOCKET_LINK_PUBLISHED, "https://history.state.gov/?a=1&b=\"2\"");
  link->title = g_strdup ("Foreign Relations, 1964–1968, vol. IV " HOSTILE);
  link->description = g_strdup ("vol. IV");
  link->span_start = 0;
  link->span_end = 3;
  docket_footnote_add_link (footnote, link);
  link = docket_footnote_link_new (DOCKET_LINK_URL, "https://example.org/" HOSTILE);
  docket_footnote_add_link (footnote, link);
  link = docket_footnote_link_new_archival (NULL, "RG 59, Central Files 1967–69", "POL 27 VIET S", NULL);
  docket_footnote_add_link (footnote, link);
  docket_record_add_footnote (record, footnote);

  footnote = docket_footnote_new ("d206fn3", NULL, DOCKET_FOOTNOTE_PRINTING,
                                  "Printed from a copy that bears this typed signature.");
  docket_record_add_footnote (record, footnote);

  return record;
}

static GPtrArray *
record_array (DocketRecord *first,
              ...)
{
  GPtrArray *records = g_ptr_array_new_with_free_func (g_object_unref);
  va_list args;

  va_start (args, first);
  for (DocketRecord *r = first; r != NULL; r = va_arg (args, DocketRecord *))
    g_ptr_array_add (records, r);
  va_end (args);
  return records;
}

static void
insert_one (DocketStore  *store,
            DocketRecord *record)
{
  g_autoptr(GPtrArray) records = record_array (g_object_ref (record), NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (docket_store_insert_records (store, NULL, records,
                                              DOCKET_STORE_INSERT_FAIL_ON_EXISTING, NULL, &error));
  g_assert_no_error (error);
}

/* A person of a volume's list of persons, as a TEI import finds it. */
static DocketAgent *
make_person (const char *ref,
             const char *name,
             const char *office)
{
  DocketAgent *agent = docket_agent_new (DOCKET_AGENT_MENTIONED, name, office);

  agent->ref = g_strdup (ref);
  return agent;
}

/* A term of a volume's glossary, as a TEI import finds it. */
static DocketAccessPoint *
make_term (const char *id,
           const char *term,
           const char *expansion)
{
  DocketAccessPoint *point = docket_access_point_new (DOCKET_ACCESS_POINT_SUBJECT, term, NULL);

  point->authority_id = g_strdup (id);
  point->role = g_strdup (expansion);
  return point;
}

static guint
n_persons (DocketStore *store,
           const char  *collection_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) listed = docket_store_list_persons (store, collection_id, &error);

  g_assert_no_error (error);
  return listed->len;
}

static guint
n_glossary_terms (DocketStore *store,
                  const char  *collection_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) listed = docket_store_list_glossary (store, collection_id, &error);

  g_assert_no_error (error);
  return listed->len;
}

/* Opening @path fails with @code (a DocketStoreError) and gives no store. */
static void
assert_open_fails (const char *path,
                   int         code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DocketStore) store = docket_store_open (path, &error);

  g_assert_error (error, DOCKET_STORE_ERROR, code);
  g_assert_null (store);
}

/* Opening */

static void
test_open_create (void)
{
  g_autofree char *dir = docket_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "nested", "deeper", "catalog.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(DocketStore) store = NULL;
  g_autoptr(DocketStore) again = NULL;
  GStatBuf st;

  store = docket_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_assert_cmpstr (docket_store_get_path (store), ==, path);

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (pragma_value (path, "user_version"), ==, docket_store_get_schema_version ());
  g_assert_cmpint (docket_store_get_schema_version (), >=, 2);
  g_assert_cmpint (pragma_value (path, "application_id"), ==, DOCKET_STORE_APPLICATION_ID);
  g_clear_object (&store);

  /* Opening again is not a migration and keeps the mode. */
  again = docket_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpuint (docket_store_count_records (again, NULL, &error), ==, 0);
  g_assert_no_error (error);
  g_clear_object (&again);

  docket_test_rmdir (dir);
}

static void
test_default_path (void)
{
  g_autofree char *path = docket_store_dup_default_path ();
  g_autofree char *expected = g_build_filename (g_get_user_data_dir (), "docket", "catalog.db", NULL);

  g_assert_cmpstr (path, ==, expected);
}

static void
check_not_a_catalog (const char   *path,
                     const guchar *bytes,
                     gsize         length)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DocketStore) store = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *basename = g_path_get_basename (path);

  if (bytes != NULL)
    g_assert_true (g_file_set_contents (path, (const char *) bytes, length, NULL));
  before = file_checksum (path);

  store = docket_store_open (path, &error);
  g_assert_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_NOT_A_CATALOG);
  g_assert_null (store);
  g_assert_nonnull (strstr (error->message, basename));
  g_assert_null (strchr (error->message, '\n'));

  after = file_checksum (path);
  g_assert_cmpstr (before, ==, after);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
}

static void
test_open_not_a_catalog (void)
{
  g_autofree char *dir = docket_test_make_tmpdir ();
  g_autofree char *text = g_build_filename (dir, "notes.txt", NULL);
  g_autofree char *random = g_build_filename (dir, "random.bin", NULL);
  g_autofree char *short_magic = g_build_filename (dir, "short.db", NULL);
  g_autofree char *other = g_build_filename (dir, "other.sqlite", NULL);
  guchar noise[8192];
  const char *prose = "Dear Dean:\nThis is a letter, not a catalog.\n";
  sqlite3 *db = NULL;

  check_not_a_catalog (text, (const guchar *) prose, strlen (prose));

  for (guint i = 0; i < sizeof noise; i++)
    noise[i] = (guchar) g_test_rand_int_range (0, 256);
  check_not_a_catalog (random, noise, sizeof noise);

  /* The magic alone, truncated. */
  check_not_a_catalog (short_magic, (const guchar *) "SQLite format 3\0abc", 19);

  /* A real SQLite database of some other program. */
  g_assert_cmpint (sqlite3_open (other, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT);"
                                     "INSERT INTO moz_places (url) VALUES ('https://example.org');",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  check_not_a_catalog (other, NULL, 0);

  docket_test_rmdir (dir);
}

static void
test_open_too_new (void)
{
  g_autofree char *dir = docket_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "catalog.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(DocketStore) store = docket_store_open (path, &error);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  sqlite3 *db = NULL;

  g_assert_no_error (error);
  g_clear_object (&store);

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 999", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  before = file_checksum (path);

  assert_open_fails (path, DOCKET_STORE_ERROR_TOO_NEW);
  after = file_checksum (path);
  g_assert_cmpstr (before, ==, after);

  docket_test_rmdir (dir);
}

static void
test_open_read_only_file (void)
{
  g_autofree char *dir = docket_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "catalog.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(DocketStore) store = docket_store_open (path, &error);
  g_autoptr(DocketRecord) record = make_simple_record ("r1", "1", "A heading");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_no_error (error);
  insert_one (store, record);
  g_clear_object (&store);

  /* Also when running as root, where the mode does not stop writes: the
   * store looks at the mode bits as well as at access(). */
  g_assert_cmpint (g_chmod (path, 0400), ==, 0);
  before = file_checksum (path);
  store = docket_store_open (path, &error);
  g_assert_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_READ_ONLY);
  g_assert_null (store);
  g_assert_nonnull (strstr (error->message, "catalog.db"));
  after = file_checksum (path);
  g_assert_cmpstr (before, ==, after);

  g_chmod (path, 0600);
  docket_test_rmdir (dir);
}

static void
test_open_read_only_dir (void)
{
  g_autofree char *dir = docket_test_make_tmpdir ();
  g_autofree char *sub = g_build_filename (dir, "locked-away", NULL);
  g_autofree char *existing = g_build_filename (sub, "catalog.db", NULL);
  g_autofree char *fresh = g_build_filename (sub, "new.db", NULL);
  g_autofree char *deeper = g_build_filename (sub, "more", "new.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(DocketStore) store = NULL;

  g_assert_cmpint (g_mkdir (sub, 0700), ==, 0);
  store = docket_store_open (existing, &error);
  g_assert_no_error (error);
  g_clear_object (&store);

  g_assert_cmpint (g_chmod (sub, 0500), ==, 0);

  /* An existing catalog in a read-only folder: the write-ahead log could
   * not be created, so say so now. */
  assert_open_fails (existing, DOCKET_STORE_ERROR_READ_ONLY);

  /* A new catalog there cannot be created. */
  assert_open_fails (fresh, DOCKET_STORE_ERROR_READ_ONLY);
  g_assert_false (g_file_test (fresh, G_FILE_TEST_EXISTS));

  assert_open_fails (deeper, DOCKET_STORE_ERROR_READ_ONLY);

  g_chmod (sub, 0700);
  docket_test_rmdir (dir);
}

static void
test_open_locked (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(DocketRecord) record = make_simple_record ("r1", "1", "Before");
  g_autoptr(DocketRecord) loaded = NULL;
  g_autoptr(DocketRecord) other = make_simple_record ("r2", "2", "Other");
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *holder = NULL;
  gint64 start, elapsed;

  insert_one (fixture->store, record);

  /* Another connection (another program, as far as SQLite's locks go)
   * holds the write lock. */
  g_assert_cmpint (sqlite3_open (fixture->path, &holder), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (holder, "BEGIN EXCLUSIVE; UPDATE setting SET value = value;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);

  docket_record_set (record, DOCKET_FIELD_HEADING, "After");
  start = g_get_monotonic_time ();
  g_assert_false (docket_store_save_record (fixture->store, record, NULL, &error));
  elapsed = g_get_monotonic_time () - start;
  g_assert_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_LOCKED);
  g_assert_nonnull (strstr (error->message, "catalog.db"));
  g_assert_cmpint (elapsed, <, 5 * G_USEC_PER_SEC);
  g_assert_cmpint (docket_record_get_version (record), ==, 1);
  g_clear_error (&error);

  records = record_array (g_object_ref (other), NULL);
  g_assert_false (docket_store_insert_records (fixture->store, NULL, records,
                                               DOCKET_STORE_INSERT_FAIL_ON_EXISTING, NULL, &error));
  g_assert_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_LOCKED);
  g_assert_cmpint (docket_record_get_version (other), ==, 0);
  g_clear_error (&error);

  /* Reading still works while another program writes (WAL). */
  loaded = docket_store_load_record (fixture->store, "r1", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (docket_record_get_heading (loaded), ==, "Before");
  g_clear_object (&loaded);

  g_assert_cmpint (sqlite3_exec (holder, "ROLLBACK", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (holder);

  /* Nothing was half-written, and it works once the lock is gone. */
  g_assert_false (docket_store_has_record (fixture->store, "r2"));
  g_assert_true (docket_store_save_record (fixture->store, record, NULL, &error));
  g_assert_no_error (error);
  loaded = docket_store_load_record (fixture->store, "r1", &error);
  g_assert_cmpstr (docket_record_get_heading (loaded), ==, "After");
}

/* Migrations */

static void
test_migration_from_v1 (void)
{
  g_autofree char *dir = docket_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "old.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(DocketStore) store = NULL;
  g_autoptr(DocketRecord) record = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  sqlite3 *db = NULL;
  DocketBlock *block;

  /* A catalog as version 1 wrote it, with a record in it. */
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA journal_mode = WAL", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "BEGIN", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, _docket_store_migration_sql (1), NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
                                 "PRAGMA user_version = 1;"
                                 "INSERT INTO record (rid, id, version, position, number, heading)"
                                 "  VALUES (7, 'old1', 3, 1, '12', 'Telegram From the Embassy');"
                                 "INSERT INTO block (record_rid, seq, kind, text)"
                                 "  VALUES (7, 0, 'paragraph', 'The ambassador met xylophonist envoys.');"
                                 "INSERT INTO anchor (record_rid, block_seq, seq, kind, byte_offset, ref)"
                                 "  VALUES (7, 0, 0, 'footnote', 14, 'fn1');"
                                 "INSERT INTO footnote (record_rid, seq, id, n, kind, text)"
                                 "  VALUES (7, 0, 'fn1', '1', 'editorial', 'Not found in walrusword files.');"
                                 "COMMIT;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_cmpint (pragma_value (path, "user_version"), ==, 1);

  store = docket_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pragma_value (path, "user_version"), ==, docket_store_get_schema_version ());

  /* The data survived, and the new search index covers it. */
  record = docket_store_load_record (store, "old1", &error);
  g_assert_no_error (error);
  g_assert_cmpint (docket_record_get_version (record), ==, 3);
  g_assert_cmpuint (docket_record_get_body (record)->len, ==, 1);
  block = g_ptr_array_index (docket_record_get_body (record), 0);
  g_assert_cmpuint (block->anchors->len, ==, 1);
  /* A marker of version 1 covers no text. */
  g_assert_cmpuint (((DocketAnchor *) g_ptr_array_index (block->anchors, 0))->length, ==, 0);

  hits = docket_store_search (store, "xylophonist", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 1);
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = docket_store_search (store, "walrus", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 1);
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* The persons table of version 2 exists. */
  g_assert_true (docket_store_save_collection (store, &(DocketCollection) { .id = "c" }, &error));
  g_assert_no_error (error);
  g_assert_true (docket_store_save_persons (store, "c", NULL, &error));
  g_assert_no_error (error);

  g_clear_object (&store);
  docket_test_rmdir (dir);
}

/* Records */

/* A migration that fails leaves the catalog as it was: at its old version,
 * with nothing of the newer schemas in it. */
static void
test_migration_fails_whole (void)
{
  g_autofree char *dir = docket_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "old.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(DocketStore) store = NULL;
  sqlite3 *db = NULL;

  /* Version 1, with a table in the way of the last migration's. */
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA journal_mode = WAL", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, _docket_store_migration_sql (1), NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE fts_pending (x); PRAGMA user_version = 1;", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  sqlite3_close (db);

  store = docket_store_open (path, &error);
  g_assert_null (store);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "old.db"));

  g_assert_cmpint (pragma_value (path, "user_version"), ==, 1);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "SELECT 1 FROM record_fts", NULL, NULL, NULL), !=, SQLITE_OK);
  sqlite3_close (db);

  docket_test_rmdir (dir);
}

static void
test_record_roundtrip (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(DocketRecord) record = make_full_record ("frus1964-68v05d206 \"odd\" 'id'");
  g_autoptr(DocketRecord) expected = NULL;
  g_autoptr(DocketRecord) loaded = NULL;
  g_autoptr(DocketRecord) reopened = NULL;
  g_autoptr(GError) error = NULL;
  DocketFootnote *footnote;

  expected = docket_record_copy (record);
  insert_one (fixture->store, record);
  g_assert_cmpint (docket_record_get_version (record), ==, 1);
  g_assert_cmpint (docket_record_get_position (record), ==, 1);

  loaded = docket_store_load_record (fixture->store, docket_record_get_id (record), &error);
  g_assert_no_error (error);
  g_assert_nonnull (loaded);
  g_assert_true (docket_record_equal (expected, loaded));
  g_assert_cmpint (docket_record_get_version (loaded), ==, 1);
  g_assert_true (docket_record_get_provisional_id (loaded));
  g_assert_cmpuint (strlen (docket_record_get (loaded, DOCKET_FIELD_SCOPE)), >=, 10000);
  {
    DocketBlock *block = g_ptr_array_index (docket_record_get_body (loaded), 0);
    DocketAnchor *mention = g_ptr_array_index (block->anchors, 1);

    g_assert_cmpint (mention->kind, ==, DOCKET_ANCHOR_TERM);
    g_assert_cmpstr (mention->ref, ==, "t_ZAN1");
    g_assert_cmpint (strncmp (block->text + mention->offset, "zanzibarword", mention->length), ==, 0);
    g_assert_cmpuint (mention->length, ==, strlen ("zanzibarword"));
  }

  /* The equality check is not vacuous. */
  footnote = g_ptr_array_index (docket_record_get_footnotes (loaded), 1);
  ((DocketFootnoteLink *) g_ptr_array_index (footnote->links, 1))->span_end = 4;
  g_assert_false (docket_record_equal (expected, loaded));

  /* And it survives closing and reopening the catalog. */
  g_clear_object (&fixture->store);
  fixture->store = docket_store_open (fixture->path, &error);
  g_assert_no_error (error);
  reopened = docket_store_load_record (fixture->store, docket_record_get_id (record), &error);
  g_assert_no_error (error);
  g_assert_true (docket_record_equal (expected, reopened));
}

static void
test_record_not_found (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DocketRecord) record = docket_store_load_record (fixture->store, "nope", &error);
  g_autoptr(DocketRecord) unsaved = make_simple_record ("nope", NULL, NULL);

  g_assert_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_NOT_FOUND);
  g_assert_null (record);
  g_assert_nonnull (strstr (error->message, "nope"));
  g_clear_error (&error);

  g_assert_false (docket_store_has_record (fixture->store, "nope"));
  g_assert_false (docket_store_save_record (fixture->store, unsaved, NULL, &error));
  g_assert_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (docket_store_delete_record (fixture->store, "nope", &error));
  g_assert_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_NOT_FOUND);
}

static void
test_insert_all_or_nothing (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(DocketCollection) collection = docket_collection_new ("vol", "A volume");
  g_autoptr(DocketRecord) existing = make_simple_record ("e1", "1", "Existing");
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  DocketRecord *no_id;

  insert_one (fixture->store, existing);

  /* A record without an identifier in the middle. */
  no_id = docket_record_new ();
  docket_record_set (no_id, DOCKET_FIELD_HEADING, "No identifier");
  records = record_array (make_simple_record ("a1", "2", "First"), no_id,
                          make_simple_record ("a3", "3", "Third"), NULL);
  g_assert_false (docket_store_insert_records (fixture->store, collection, records,
                                               DOCKET_STORE_INSERT_FAIL_ON_EXISTING, NULL, &error));
  g_assert_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_cmpuint (docket_store_count_records (fixture->store, NULL, NULL), ==, 1);
  g_assert_false (docket_store_has_record (fixture->store, "a1"));
  g_assert_false (docket_store_has_collection (fixture->store, "vol"));
  /* The objects say nothing was stored either. */
  g_assert_cmpint (docket_record_get_version (g_ptr_array_index (records, 0)), ==, 0);
  g_assert_null (docket_record_get (g_ptr_array_index (records, 0), DOCKET_FIELD_COLLECTION));
  g_clear_pointer (&records, g_ptr_array_unref);

  /* An existing id in the middle. */
  records = record_array (make_simple_record ("a1", "2", "First"),
                          make_simple_record ("e1", "9", "Clash"),
                          make_simple_record ("a3", "3", "Third"), NULL);
  g_assert_false (docket_store_insert_records (fixture->store, NULL, records,
                                               DOCKET_STORE_INSERT_FAIL_ON_EXISTING, NULL, &error));
  g_assert_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_EXISTS);
  g_assert_nonnull (strstr (error->message, "e1"));
  g_clear_error (&error);
  g_assert_cmpuint (docket_store_count_records (fixture->store, NULL, NULL), ==, 1);
  g_clear_pointer (&records, g_ptr_array_unref);

  /* The same id twice in one batch. */
  records = record_array (make_simple_record ("d1", "2", "First"),
                          make_simple_record ("d1", "3", "Again"), NULL);
  g_assert_false (docket_store_insert_records (fixture->store, NULL, records,
                                               DOCKET_STORE_INSERT_FAIL_ON_EXISTING, NULL, &error));
  g_assert_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_cmpuint (docket_store_count_records (fixture->store, NULL, NULL), ==, 1);
  g_clear_pointer (&records, g_ptr_array_unref);

  /* The whole catalog file is as it was (after a checkpoint). */
  g_clear_object (&fixture->store);
  before = file_checksum (fixture->path);
  fixture->store = docket_store_open (fixture->path, &error);
  g_assert_no_error (error);
  records = record_array (make_simple_record ("a1", "2", "First"),
                          make_simple_record ("e1", "9", "Clash"), NULL);
  g_assert_false (docket_store_insert_records (fixture->store, NULL, records,
                                               DOCKET_STORE_INSERT_FAIL_ON_EXISTING, NULL, &error));
  g_clear_error (&error);
  g_clear_object (&fixture->store);
  after = file_checksum (fixture->path);
  g_assert_cmpstr (before, ==, after);
  fixture->store = docket_store_open (fixture->path, &error);
  g_assert_no_error (error);

  /* A good batch: positions follow the order, in the collection. */
  g_clear_pointer (&records, g_ptr_array_unref);
  records = record_array (make_simple_record ("b1", "2", "First"),
                          make_simple_record ("b2", "3", "Second"), NULL);
  g_assert_true (docket_store_insert_records (fixture->store, collection, records,
                                              DOCKET_STORE_INSERT_FAIL_ON_EXISTING, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (docket_store_has_collection (fixture->store, "vol"));
  g_assert_cmpint (docket_record_get_position (g_ptr_array_index (records, 0)), ==, 1);
  g_assert_cmpint (docket_record_get_position (g_ptr_array_index (records, 1)), ==, 2);
  g_assert_cmpint (docket_record_get_version (g_ptr_array_index (records, 1)), ==, 1);
  g_assert_cmpstr (docket_record_get (g_ptr_array_index (records, 1), DOCKET_FIELD_COLLECTION), ==, "vol");
}

static void
test_insert_modes (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(DocketRecord) first = make_simple_record ("m1", "1", "Original heading");
  g_autoptr(DocketRecord) loaded = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GPtrArray) skipped = NULL;
  g_autoptr(GPtrArray) revisions = NULL;
  g_autoptr(GError) error = NULL;
  DocketRecord *replacement;
  gboolean saw_heading = FALSE;

  insert_one (fixture->store, first);
  docket_record_set (first, DOCKET_FIELD_REVIEW_STATUS, "approved");
  docket_record_set (first, DOCKET_FIELD_REVIEWER, "reviewer");
  docket_record_set (first, DOCKET_FIELD_REVIEW_COMMENT, "Checked the marking.");
  g_assert_true (docket_store_save_record (fixture->store, first, "reviewer", &error));
  g_assert_no_error (error);
  g_assert_cmpint (docket_record_get_version (first), ==, 2);

  /* Skip. */
  records = record_array (make_simple_record ("m1", "1", "Skipped heading"),
                          make_simple_record ("m2", "2", "New"), NULL);
  g_assert_true (docket_store_insert_records (fixture->store, NULL, records,
                                              DOCKET_STORE_INSERT_SKIP_EXISTING, &skipped, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (skipped->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (skipped, 0), ==, "m1");
  g_assert_true (docket_store_has_record (fixture->store, "m2"));
  loaded = docket_store_load_record (fixture->store, "m1", &error);
  g_assert_cmpstr (docket_record_get_heading (loaded), ==, "Original heading");
  g_clear_object (&loaded);
  g_clear_pointer (&records, g_ptr_array_unref);

  /* Replace: new content, the review kept, the version moves on. */
  replacement = make_simple_record ("m1", "1", "Replaced heading");
  docket_record_set (replacement, DOCKET_FIELD_REVIEW_STATUS, "draft");
  records = record_array (replacement, NULL);
  g_assert_true (docket_store_insert_records (fixture->store, NULL, records,
                                              DOCKET_STORE_INSERT_REPLACE, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (docket_record_get_version (replacement), ==, 3);
  g_assert_cmpint (docket_record_get_position (replacement), ==, 1);
  loaded = docket_store_load_record (fixture->store, "m1", &error);
  g_assert_cmpstr (docket_record_get_heading (loaded), ==, "Replaced heading");
  g_assert_cmpstr (docket_record_get (loaded, DOCKET_FIELD_REVIEW_STATUS), ==, "approved");
  g_assert_cmpstr (docket_record_get (loaded, DOCKET_FIELD_REVIEWER), ==, "reviewer");
  g_assert_cmpstr (docket_record_get (loaded, DOCKET_FIELD_REVIEW_COMMENT), ==, "Checked the marking.");
  g_assert_cmpint (docket_record_get_version (loaded), ==, 3);

  revisions = docket_store_list_revisions (fixture->store, "m1", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < revisions->len; i++)
    {
      DocketRevision *revision = g_ptr_array_index (revisions, i);

      /* The replacement's "draft" never reached the catalog. */
      g_assert_cmpstr (revision->new_value, !=, "draft");
      if (g_strcmp0 (revision->field, "heading") == 0 &&
          g_strcmp0 (revision->new_value, "Replaced heading") == 0)
        {
          g_assert_cmpstr (revision->old_value, ==, "Original heading");
          saw_heading = TRUE;
        }
    }
  g_assert_true (saw_heading);
}

static void
test_record_conflict (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(DocketRecord) record = make_simple_record ("c1", "5", "Heading");
  g_autoptr(DocketRecord) mine = NULL;
  g_autoptr(DocketRecord) theirs = NULL;
  g_autoptr(DocketRecord) loaded = NULL;
  g_autoptr(GPtrArray) revisions = NULL;
  g_autoptr(GError) error = NULL;

  insert_one (fixture->store, record);
  mine = docket_store_load_record (fixture->store, "c1", &error);
  theirs = docket_store_load_record (fixture->store, "c1", &error);
  g_assert_no_error (error);

  docket_record_set (theirs, DOCKET_FIELD_SUBJECT, "Their subject");
  g_assert_true (docket_store_save_record (fixture->store, theirs, "them", &error));
  g_assert_no_error (error);
  g_assert_cmpint (docket_record_get_version (theirs), ==, 2);

  docket_record_set (mine, DOCKET_FIELD_SUBJECT, "My subject");
  g_assert_false (docket_store_save_record (fixture->store, mine, "me", &error));
  g_assert_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "c1"));
  g_assert_nonnull (strstr (error->message, "version 1, now 2"));
  g_assert_cmpint (docket_record_get_version (mine), ==, 1);
  g_clear_error (&error);

  loaded = docket_store_load_record (fixture->store, "c1", &error);
  g_assert_cmpstr (docket_record_get (loaded, DOCKET_FIELD_SUBJECT), ==, "Their subject");
  g_assert_cmpint (docket_record_get_version (loaded), ==, 2);
  revisions = docket_store_list_revisions (fixture->store, "c1", &error);
  g_assert_cmpuint (revisions->len, ==, 1);
  g_assert_cmpstr (((DocketRevision *) g_ptr_array_index (revisions, 0))->who, ==, "them");
}

static void
test_record_version (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(DocketRecord) record = make_simple_record ("v1", "1", "Heading");
  g_autoptr(DocketRecord) loaded = NULL;
  g_autoptr(GError) error = NULL;

  insert_one (fixture->store, record);
  g_assert_cmpint (docket_record_get_version (record), ==, 1);

  for (int i = 2; i <= 5; i++)
    {
      g_autofree char *subject = g_strdup_printf ("Subject %d", i);

      docket_record_set (record, DOCKET_FIELD_SUBJECT, subject);
      g_assert_true (docket_store_save_record (fixture->store, record, NULL, &error));
      g_assert_no_error (error);
      g_assert_cmpint (docket_record_get_version (record), ==, i);
    }

  /* A save without changes writes nothing. */
  g_assert_true (docket_store_save_record (fixture->store, record, NULL, &error));
  g_assert_cmpint (docket_record_get_version (record), ==, 5);

  loaded = docket_store_load_record (fixture->store, "v1", &error);
  g_assert_cmpint (docket_record_get_version (loaded), ==, 5);
  g_assert_cmpstr (docket_record_get (loaded, DOCKET_FIELD_SUBJECT), ==, "Subject 5");
}

/* The data version tells a window that another connection wrote to the
 * catalog: a save through a second store changes it, reads leave it, and so
 * do the store's own writes (which records-changed announces). */
static void
test_data_version (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(DocketRecord) record = make_simple_record ("dv1", "1", "Heading");
  g_autoptr(DocketRecord) theirs = NULL;
  g_autoptr(DocketRecord) read = NULL;
  g_autoptr(DocketStore) other = NULL;
  g_autoptr(GPtrArray) summaries = NULL;
  g_autoptr(GError) error = NULL;
  gint64 before = 0, after_read = 0, after_own = 0, after_other = 0;

  insert_one (fixture->store, record);
  other = docket_store_open (fixture->path, &error);
  g_assert_no_error (error);

  g_assert_true (docket_store_get_data_version (fixture->store, &before, &error));
  g_assert_no_error (error);

  /* Reads, through either store, change nothing. */
  read = docket_store_load_record (fixture->store, "dv1", &error);
  g_assert_no_error (error);
  theirs = docket_store_load_record (other, "dv1", &error);
  g_assert_no_error (error);
  summaries = docket_store_list_summaries (other, NULL, 0, 10, &error);
  g_assert_no_error (error);
  g_assert_true (docket_store_get_data_version (fixture->store, &after_read, &error));
  g_assert_cmpint (after_read, ==, before);

  /* Nor does a write through this store. */
  docket_record_set (read, DOCKET_FIELD_PLACE, "Washington");
  g_assert_true (docket_store_save_record (fixture->store, read, "me", &error));
  g_assert_no_error (error);
  g_assert_true (docket_store_get_data_version (fixture->store, &after_own, &error));
  g_assert_cmpint (after_own, ==, before);

  /* A write through the other one does. */
  g_clear_object (&theirs);
  theirs = docket_store_load_record (other, "dv1", &error);
  g_assert_no_error (error);
  docket_record_set (theirs, DOCKET_FIELD_REVIEW_STATUS, "in-review");
  g_assert_true (docket_store_save_record (other, theirs, "them", &error));
  g_assert_no_error (error);
  g_assert_true (docket_store_get_data_version (fixture->store, &after_other, &error));
  g_assert_no_error (error);
  g_assert_cmpint (after_other, !=, before);
}

static DocketRevision *
find_revision (GPtrArray  *revisions,
               const char *field,
               guint       nth)
{
  for (guint i = 0; i < revisions->len; i++)
    {
      DocketRevision *revision = g_ptr_array_index (revisions, i);

      if (g_strcmp0 (revision->field, field) == 0 && nth-- == 0)
        return revision;
    }
  return NULL;
}

static void
test_revisions (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(DocketRecord) record = make_full_record ("rev1");
  g_autoptr(DocketRecord) original = NULL;
  g_autoptr(DocketRecord) loaded = NULL;
  g_autoptr(GPtrArray) revisions = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) when = NULL;
  DocketRevision *revision;
  DocketFootnote *footnote;
  gint64 subject_revision;
  gint64 footnotes_revision;

  insert_one (fixture->store, record);
  original = docket_record_copy (record);

  docket_record_set (record, DOCKET_FIELD_SUBJECT, "A corrected subject");
  docket_record_set (record, DOCKET_FIELD_DATE_FROM, NULL);
  footnote = g_ptr_array_index (docket_record_get_footnotes (record), 1);
  g_free (footnote->text);
  footnote->text = g_strdup ("A corrected footnote.");
  g_assert_true (docket_store_save_record (fixture->store, record, "alice", &error));
  g_assert_no_error (error);

  revisions = docket_store_list_revisions (fixture->store, "rev1", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (revisions->len, ==, 3);

  revision = find_revision (revisions, "subject", 0);
  g_assert_nonnull (revision);
  g_assert_cmpstr (revision->record_id, ==, "rev1");
  g_assert_cmpstr (revision->old_value, ==, docket_record_get (original, DOCKET_FIELD_SUBJECT));
  g_assert_cmpstr (revision->new_value, ==, "A corrected subject");
  g_assert_cmpstr (revision->who, ==, "alice");
  when = g_date_time_new_from_iso8601 (revision->when, NULL);
  g_assert_nonnull (when);
  g_assert_true (g_str_has_suffix (revision->when, "Z"));
  subject_revision = revision->id;

  revision = find_revision (revisions, "date.from", 0);
  g_assert_nonnull (revision);
  g_assert_cmpstr (revision->old_value, ==, "1967-06-21");
  g_assert_null (revision->new_value);

  revision = find_revision (revisions, "footnotes", 0);
  g_assert_nonnull (revision);
  g_assert_nonnull (strstr (revision->new_value, "A corrected footnote."));
  g_assert_null (strstr (revision->old_value, "A corrected footnote."));
  footnotes_revision = revision->id;
  g_clear_pointer (&revisions, g_ptr_array_unref);

  /* Revert the subject: the old value is back, as a revision of its own. */
  g_assert_true (docket_store_revert_revision (fixture->store, subject_revision, "bob", &error));
  g_assert_no_error (error);
  loaded = docket_store_load_record (fixture->store, "rev1", &error);
  g_assert_cmpstr (docket_record_get (loaded, DOCKET_FIELD_SUBJECT), ==,
                   docket_record_get (original, DOCKET_FIELD_SUBJECT));
  g_assert_cmpint (docket_record_get_version (loaded), ==, 3);
  g_clear_object (&loaded);

  revisions = docket_store_list_revisions (fixture->store, "rev1", &error);
  g_assert_cmpuint (revisions->len, ==, 4);
  revision = find_revision (revisions, "subject", 1);
  g_assert_nonnull (revision);
  g_assert_cmpstr (revision->who, ==, "bob");
  g_assert_cmpstr (revision->old_value, ==, "A corrected subject");
  g_clear_pointer (&revisions, g_ptr_array_unref);

  /* Lists revert too; with the date put back the record is as inserted. */
  g_assert_true (docket_store_revert_revision (fixture->store, footnotes_revision, NULL, &error));
  g_assert_no_error (error);
  loaded = docket_store_load_record (fixture->store, "rev1", &error);
  g_assert_false (docket_record_equal (loaded, original));
  g_clear_object (&loaded);
  revisions = docket_store_list_revisions (fixture->store, "rev1", &error);
  revision = find_revision (revisions, "date.from", 0);
  g_assert_true (docket_store_revert_revision (fixture->store, revision->id, NULL, &error));
  g_assert_no_error (error);
  loaded = docket_store_load_record (fixture->store, "rev1", &error);
  g_assert_true (docket_record_equal (loaded, original));

  /* An unknown revision. */
  g_assert_false (docket_store_revert_revision (fixture->store, 424242, NULL, &error));
  g_assert_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_NOT_FOUND);
}

static void
test_delete_record (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(DocketRecord) record = make_full_record ("del1");
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;

  insert_one (fixture->store, record);
  g_assert_true (docket_store_delete_record (fixture->store, "del1", &error));
  g_assert_no_error (error);
  g_assert_false (docket_store_has_record (fixture->store, "del1"));
  hits = docket_store_search (fixture->store, "zanzibarword", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 0);

  /* Nothing of it lingers in the child tables. */
  {
    sqlite3 *db = NULL;
    sqlite3_stmt *stmt = NULL;

    g_assert_cmpint (sqlite3_open_v2 (fixture->path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_prepare_v2 (db,
                                         "SELECT (SELECT count(*) FROM block) + (SELECT count(*) FROM anchor)"
                                         " + (SELECT count(*) FROM footnote) + (SELECT count(*) FROM footnote_link)"
                                         " + (SELECT count(*) FROM record_agent) + (SELECT count(*) FROM access_point)",
                                         -1, &stmt, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 0);
    sqlite3_finalize (stmt);
    sqlite3_close (db);
  }
}

static gint64
child_rows (const char *path)
{
  return docket_test_catalog_query (path,
                                    "SELECT (SELECT count(*) FROM block) + (SELECT count(*) FROM anchor)"
                                    " + (SELECT count(*) FROM footnote) + (SELECT count(*) FROM footnote_link)"
                                    " + (SELECT count(*) FROM record_agent) + (SELECT count(*) FROM access_point)");
}

/* A batch that only adds leaves the foreign keys unchecked while it runs,
 * its rows whole, and the keys checked again once it ends, committed or
 * not: deleting a record afterwards still takes its rows with it. */
static void
test_batch_adds_only (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(DocketRecord) kept = make_full_record ("added");
  g_autoptr(DocketRecord) dropped = make_full_record ("dropped");
  g_autoptr(GError) error = NULL;

  g_assert_true (docket_store_begin_batch_full (fixture->store, DOCKET_STORE_BATCH_ADDS_ONLY, &error));
  {
    sqlite3_stmt *stmt = NULL;

    g_assert_cmpint (sqlite3_prepare_v2 (fixture->store->db, "PRAGMA foreign_keys", -1, &stmt, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 0);
    sqlite3_finalize (stmt);
  }
  insert_one (fixture->store, kept);
  g_assert_true (docket_store_commit_batch (fixture->store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (docket_test_catalog_query (fixture->path, "SELECT count(*) FROM pragma_foreign_key_check"), ==, 0);
  g_assert_cmpint (child_rows (fixture->path), >, 0);

  g_assert_true (docket_store_begin_batch_full (fixture->store, DOCKET_STORE_BATCH_ADDS_ONLY, &error));
  insert_one (fixture->store, dropped);
  /* Deleting, whose cascades would not run, is refused there. */
  g_test_expect_message ("docket-store", G_LOG_LEVEL_CRITICAL, "*DOCKET_STORE_BATCH_ADDS_ONLY*");
  g_assert_false (docket_store_delete_record (fixture->store, "added", NULL));
  g_test_assert_expected_messages ();
  docket_store_abort_batch (fixture->store);
  g_assert_false (docket_store_has_record (fixture->store, "dropped"));

  g_assert_true (docket_store_delete_record (fixture->store, "added", &error));
  g_assert_no_error (error);
  g_assert_cmpint (child_rows (fixture->path), ==, 0);
}

static void
test_rename_and_citing (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(DocketRecord) cited = make_simple_record ("provisional-1", "205", "Cited");
  g_autoptr(DocketRecord) citing = make_simple_record ("citing", "206", "Citing");
  g_autoptr(DocketRecord) loaded = NULL;
  g_autoptr(GPtrArray) citations = NULL;
  g_autoptr(GPtrArray) revisions = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *unique = NULL;
  DocketFootnote *footnote;
  DocketCitation *citation;
  DocketFootnoteLink *link;

  docket_record_set_provisional_id (cited, TRUE);
  footnote = docket_footnote_new ("fn2", "2", DOCKET_FOOTNOTE_EDITORIAL, "See Document 205.");
  docket_footnote_add_link (footnote, docket_footnote_link_new (DOCKET_LINK_RECORD, "provisional-1"));
  docket_footnote_add_link (footnote, docket_footnote_link_new (DOCKET_LINK_RECORD, "provisional-1"));
  docket_record_add_footnote (citing, footnote);
  insert_one (fixture->store, cited);
  insert_one (fixture->store, citing);

  citations = docket_store_list_citing (fixture->store, "provisional-1", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (citations->len, ==, 1);
  citation = g_ptr_array_index (citations, 0);
  g_assert_cmpstr (citation->record_id, ==, "citing");
  g_assert_cmpstr (citation->footnote_id, ==, "fn2");
  g_assert_cmpstr (citation->footnote_n, ==, "2");
  g_clear_pointer (&citations, g_ptr_array_unref);

  unique = docket_store_make_unique_id (fixture->store, "citing");
  g_assert_cmpstr (unique, ==, "citing-2");
  g_clear_pointer (&unique, g_free);
  unique = docket_store_make_unique_id (fixture->store, "frus1964-68v05d205");
  g_assert_cmpstr (unique, ==, "frus1964-68v05d205");

  g_assert_false (docket_store_rename_record (fixture->store, "provisional-1", "citing", &error));
  g_assert_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_EXISTS);
  g_clear_error (&error);

  g_assert_true (docket_store_rename_record (fixture->store, "provisional-1", unique, &error));
  g_assert_no_error (error);
  g_assert_false (docket_store_has_record (fixture->store, "provisional-1"));
  loaded = docket_store_load_record (fixture->store, unique, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (docket_record_get_id (loaded), ==, unique);
  g_assert_false (docket_record_get_provisional_id (loaded));
  g_clear_object (&loaded);
  revisions = docket_store_list_revisions (fixture->store, unique, &error);
  g_assert_nonnull (find_revision (revisions, "id", 0));

  /* The citing footnote follows, as a new version of that record. */
  citations = docket_store_list_citing (fixture->store, unique, &error);
  g_assert_cmpuint (citations->len, ==, 1);
  loaded = docket_store_load_record (fixture->store, "citing", &error);
  g_assert_cmpint (docket_record_get_version (loaded), ==, 2);
  footnote = g_ptr_array_index (docket_record_get_footnotes (loaded), 0);
  link = g_ptr_array_index (footnote->links, 0);
  g_assert_cmpstr (link->target, ==, unique);
}

/* Search and lists */

static void
test_search (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(DocketRecord) full = make_full_record ("s1");
  g_autoptr(DocketRecord) other = make_simple_record ("s2", "2", "Telegram From the Embassy in Saigon");
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;
  const char *hostile[] = {
    "\"", "\"\"", "AND", "OR", "NOT", "NEAR", "NEAR(", "(", ")", "*", "^", ":", "-", "+",
    "heading:", "col:x", "a AND", "AND OR NOT", "'", "\\", "%", "_", "{}", "[", "\"zanzibar",
    "zanzibar\"", "x\"y", HOSTILE, "", "   ", "\t\n", NULL,
  };
  DocketRecordSummary *summary;

  insert_one (fixture->store, full);
  insert_one (fixture->store, other);

  /* A body word, a footnote word, with prefixes, in any case. */
  hits = docket_store_search (fixture->store, "zanzibarword", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 1);
  summary = g_ptr_array_index (hits, 0);
  g_assert_cmpstr (summary->id, ==, "s1");
  g_assert_cmpstr (summary->number, ==, "206");
  g_clear_pointer (&hits, g_ptr_array_unref);

  g_assert_cmpuint (docket_test_catalog_n_hits (fixture->store, "QUETZAL"), ==, 1);

  hits = docket_store_search (fixture->store, "saig emb", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_cmpstr (((DocketRecordSummary *) g_ptr_array_index (hits, 0))->id, ==, "s2");
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* Access point terms and agent names. */
  g_assert_cmpuint (docket_test_catalog_n_hits (fixture->store, "Hanoi"), ==, 1);

  /* Words must all match. */
  g_assert_cmpuint (docket_test_catalog_n_hits (fixture->store, "zanzibarword saigon"), ==, 0);

  for (guint i = 0; hostile[i] != NULL; i++)
    {
      DocketStoreQuery query = { .text = hostile[i] };

      hits = docket_store_search (fixture->store, hostile[i], &error);
      g_assert_no_error (error);
      g_assert_nonnull (hits);
      g_clear_pointer (&hits, g_ptr_array_unref);

      hits = docket_store_list_summaries (fixture->store, &query, 0, 10, &error);
      g_assert_no_error (error);
      g_assert_nonnull (hits);
      g_clear_pointer (&hits, g_ptr_array_unref);
      docket_store_count_records (fixture->store, &query, &error);
      g_assert_no_error (error);
    }

  /* The text survives as words: the hostile string finds its record. */
  g_assert_cmpuint (docket_test_catalog_n_hits (fixture->store, "\"O'Brien\" DROP"), ==, 1);

  /* After a save the index follows the new text, in the same transaction. */
  docket_record_set (other, DOCKET_FIELD_HEADING, "Memorandum for the Record");
  g_assert_true (docket_store_save_record (fixture->store, other, NULL, &error));
  g_assert_cmpuint (docket_test_catalog_n_hits (fixture->store, "saigon"), ==, 0);
  g_assert_cmpuint (docket_test_catalog_n_hits (fixture->store, "memorandum rec"), ==, 1);
}

static void
test_summaries (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(DocketCollection) volume = docket_collection_new ("vol5", "Volume V");
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) page = NULL;
  g_autoptr(GPtrArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  DocketStoreQuery query = { 0, };
  const guint n = 30;

  /* Inserted in an order that is neither numeric nor by date. */
  for (guint i = 0; i < n; i++)
    {
      guint number = (i * 7) % n + 1;
      g_autofree char *id = g_strdup_printf ("doc%02u", i);
      g_autofree char *num = g_strdup_printf ("%u", number);
      g_autofree char *date = g_strdup_printf ("1967-%02u-%02u", (number % 12) + 1, (i % 28) + 1);
      DocketRecord *record = make_simple_record (id, num, "Memorandum");

      docket_record_set (record, DOCKET_FIELD_DATE_FROM, date);
      docket_record_set (record, DOCKET_FIELD_CLASSIFICATION, i % 3 == 0 ? "Secret" : "Top Secret");
      if (i % 2 == 0)
        docket_record_set (record, DOCKET_FIELD_REVIEW_STATUS, "approved");
      g_ptr_array_add (records, record);
    }
  g_ptr_array_add (records, make_simple_record ("undated", NULL, "No number, no date"));
  /* A finding aid's component: a title, no heading. */
  g_ptr_array_add (records, make_simple_record ("series1", NULL, NULL));
  docket_record_set (g_ptr_array_index (records, n + 1), DOCKET_FIELD_TITLE, "Drawings");
  g_assert_true (docket_store_insert_records (fixture->store, volume, records,
                                              DOCKET_STORE_INSERT_FAIL_ON_EXISTING, NULL, &error));
  g_assert_no_error (error);

  /* Catalog order is insertion order. */
  ids = docket_store_list_ids (fixture->store, "vol5", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, n + 2);
  g_assert_cmpstr (g_ptr_array_index (ids, 0), ==, "doc00");
  g_assert_cmpstr (g_ptr_array_index (ids, n), ==, "undated");

  /* A list names a record by its heading, or else by its title. */
  page = docket_store_list_summaries (fixture->store, &query, n, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (page->len, ==, 2);
  g_assert_cmpstr (docket_record_summary_get_label (g_ptr_array_index (page, 0)), ==, "No number, no date");
  g_assert_cmpstr (((DocketRecordSummary *) g_ptr_array_index (page, 1))->title, ==, "Drawings");
  g_assert_cmpstr (docket_record_summary_get_label (g_ptr_array_index (page, 1)), ==, "Drawings");
  g_clear_pointer (&page, g_ptr_array_unref);
  docket_store_delete_record (fixture->store, "series1", &error);
  g_assert_no_error (error);

  /* Numbers sort numerically ("9" before "10"), pages are exact. */
  query.sort = DOCKET_STORE_SORT_NUMBER;
  page = docket_store_list_summaries (fixture->store, &query, 0, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (page->len, ==, n + 1);
  for (guint i = 0; i < n; i++)
    {
      DocketRecordSummary *s = g_ptr_array_index (page, i);
      g_autofree char *expected = g_strdup_printf ("%u", i + 1);

      g_assert_cmpstr (s->number, ==, expected);
      g_assert_cmpstr (s->collection_id, ==, "vol5");
    }
  g_assert_cmpstr (((DocketRecordSummary *) g_ptr_array_index (page, n))->id, ==, "undated");
  g_clear_pointer (&page, g_ptr_array_unref);

  page = docket_store_list_summaries (fixture->store, &query, 8, 5, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (page->len, ==, 5);
  g_assert_cmpstr (((DocketRecordSummary *) g_ptr_array_index (page, 0))->number, ==, "9");
  g_assert_cmpstr (((DocketRecordSummary *) g_ptr_array_index (page, 1))->number, ==, "10");
  g_assert_cmpstr (((DocketRecordSummary *) g_ptr_array_index (page, 4))->number, ==, "13");
  g_clear_pointer (&page, g_ptr_array_unref);

  page = docket_store_list_summaries (fixture->store, &query, n - 2, 10, &error);
  g_assert_cmpuint (page->len, ==, 3);
  g_clear_pointer (&page, g_ptr_array_unref);

  /* Dates sort chronologically, undated last. */
  query.sort = DOCKET_STORE_SORT_DATE;
  page = docket_store_list_summaries (fixture->store, &query, 0, 0, &error);
  g_assert_cmpuint (page->len, ==, n + 1);
  for (guint i = 1; i < n; i++)
    {
      DocketRecordSummary *a = g_ptr_array_index (page, i - 1);
      DocketRecordSummary *b = g_ptr_array_index (page, i);

      g_assert_cmpstr (a->date_from, <=, b->date_from);
    }
  g_assert_null (((DocketRecordSummary *) g_ptr_array_index (page, n))->date_from);
  g_clear_pointer (&page, g_ptr_array_unref);

  /* Filters, and counts that agree with them. */
  query = (DocketStoreQuery) { .review_status = "approved" };
  g_assert_cmpuint (docket_store_count_records (fixture->store, &query, NULL), ==, n / 2);
  query = (DocketStoreQuery) { .review_status = "draft" };
  g_assert_cmpuint (docket_store_count_records (fixture->store, &query, NULL), ==, n / 2 + 1);
  query = (DocketStoreQuery) { .classification = "secret" };
  g_assert_cmpuint (docket_store_count_records (fixture->store, &query, NULL), ==, n / 3);
  query = (DocketStoreQuery) { .collection_id = "vol5", .review_status = "approved",
                               .classification = "Top Secret", .sort = DOCKET_STORE_SORT_NUMBER };
  page = docket_store_list_summaries (fixture->store, &query, 0, 100, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (page->len, ==, docket_store_count_records (fixture->store, &query, NULL));
  g_assert_cmpuint (page->len, ==, 10);
  for (guint i = 0; i < page->len; i++)
    {
      DocketRecordSummary *s = g_ptr_array_index (page, i);

      g_assert_cmpstr (s->review_status, ==, "approved");
      g_assert_cmpstr (s->classification, ==, "Top Secret");
    }
  g_clear_pointer (&page, g_ptr_array_unref);

  query = (DocketStoreQuery) { .text = "no num" };
  page = docket_store_list_summaries (fixture->store, &query, 0, 10, &error);
  g_assert_cmpuint (page->len, ==, 1);
  g_assert_cmpstr (((DocketRecordSummary *) g_ptr_array_index (page, 0))->id, ==, "undated");
  g_assert_cmpuint (docket_store_count_records (fixture->store, NULL, NULL), ==, n + 1);
  g_clear_pointer (&page, g_ptr_array_unref);

  /* A set of identifiers (the records with problems, say) combines with the
   * other filters; unknown or odd names match nothing and break nothing. */
  {
    const char * const some[] = { "doc04", "undated", "nosuch", "doc00", "x\" \\ ') --", NULL };
    const char * const none[] = { NULL };

    query = (DocketStoreQuery) { .ids = some };
    page = docket_store_list_summaries (fixture->store, &query, 0, 0, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (page->len, ==, 3);
    g_assert_cmpstr (((DocketRecordSummary *) g_ptr_array_index (page, 0))->id, ==, "doc00");
    g_assert_cmpstr (((DocketRecordSummary *) g_ptr_array_index (page, 1))->id, ==, "doc04");
    g_assert_cmpstr (((DocketRecordSummary *) g_ptr_array_index (page, 2))->id, ==, "undated");
    g_assert_cmpuint (docket_store_count_records (fixture->store, &query, NULL), ==, 3);
    g_clear_pointer (&page, g_ptr_array_unref);

    query = (DocketStoreQuery) { .ids = some, .review_status = "draft" };
    g_assert_cmpuint (docket_store_count_records (fixture->store, &query, NULL), ==, 1);
    query = (DocketStoreQuery) { .ids = some, .text = "memorandum", .classification = "secret" };
    g_assert_cmpuint (docket_store_count_records (fixture->store, &query, NULL), ==, 1);
    query = (DocketStoreQuery) { .ids = none };
    g_assert_cmpuint (docket_store_count_records (fixture->store, &query, &error), ==, 0);
    g_assert_no_error (error);
  }
}

/* Collections, settings, a volume's persons and glossary */

static void
test_collections (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(DocketCollection) collection = docket_collection_new ("frus1964-68v05", "Vietnam, 1967");
  g_autoptr(DocketCollection) loaded = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;

  collection->series = g_strdup ("Foreign Relations of the United States");
  collection->subseries = g_strdup ("1964–1968");
  collection->volume = g_strdup ("V");
  collection->editors = g_strdup ("Kent Sieg\n" HOSTILE);
  collection->date = g_strdup ("2002");
  collection->scope = g_strdup (HOSTILE);
  collection->repository = g_strdup ("Office of the Historian");
  collection->url = g_strdup ("https://history.state.gov/historicaldocuments/frus1964-68v05");
  collection->extra_xml = g_strdup ("<odd/>");

  g_assert_false (docket_store_has_collection (fixture->store, collection->id));
  g_assert_true (docket_store_save_collection (fixture->store, collection, &error));
  g_assert_no_error (error);
  g_assert_true (docket_store_has_collection (fixture->store, collection->id));
  loaded = docket_store_load_collection (fixture->store, collection->id, &error);
  g_assert_no_error (error);
  g_assert_true (docket_collection_equal (collection, loaded));
  g_clear_pointer (&loaded, docket_collection_free);

  g_free (collection->title);
  collection->title = g_strdup ("Vietnam, 1967 (revised)");
  g_assert_true (docket_store_save_collection (fixture->store, collection, &error));
  list = docket_store_list_collections (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_true (docket_collection_equal (collection, g_ptr_array_index (list, 0)));

  loaded = docket_store_load_collection (fixture->store, "missing", &error);
  g_assert_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_NOT_FOUND);
  g_assert_null (loaded);
}

static void
test_settings (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;

  g_assert_null (docket_store_get_setting (fixture->store, DOCKET_SETTING_AGENCY_NAME));
  g_assert_true (docket_store_set_setting (fixture->store, DOCKET_SETTING_AGENCY_NAME, "Office of the Historian", &error));
  g_assert_true (docket_store_set_setting (fixture->store, DOCKET_SETTING_AGENCY_CODE, "US-DoS", &error));
  g_assert_true (docket_store_set_setting (fixture->store, DOCKET_SETTING_AGENCY_NAME, HOSTILE, &error));
  g_assert_no_error (error);
  value = docket_store_get_setting (fixture->store, DOCKET_SETTING_AGENCY_NAME);
  g_assert_cmpstr (value, ==, HOSTILE);
  g_clear_pointer (&value, g_free);

  g_assert_true (docket_store_set_setting (fixture->store, DOCKET_SETTING_AGENCY_CODE, NULL, &error));
  g_assert_null (docket_store_get_setting (fixture->store, DOCKET_SETTING_AGENCY_CODE));
}

static void
test_persons_glossary (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(DocketCollection) collection = docket_collection_new ("vol", NULL);
  g_autoptr(GPtrArray) persons = g_ptr_array_new_with_free_func ((GDestroyNotify) docket_agent_free);
  g_autoptr(GPtrArray) terms = g_ptr_array_new_with_free_func ((GDestroyNotify) docket_access_point_free);
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(DocketAgent) person = NULL;
  g_autoptr(DocketAccessPoint) term = NULL;
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (persons, make_person ("p_HWA2", "Harriman, W. Averell", "Ambassador at Large"));
  g_ptr_array_add (persons, make_person ("p_KAN1", "Kosygin, Alexei N.", "Soviet Premier"));
  g_ptr_array_add (terms, make_term ("t_NODIS1", "Nodis", "No Distribution"));

  /* The collection must exist first. */
  g_assert_false (docket_store_save_persons (fixture->store, "vol", persons, &error));
  g_assert_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (docket_store_save_collection (fixture->store, collection, &error));
  g_assert_true (docket_store_save_persons (fixture->store, "vol", persons, &error));
  g_assert_true (docket_store_save_glossary (fixture->store, "vol", terms, &error));
  g_assert_no_error (error);

  person = docket_store_lookup_person (fixture->store, "vol", "p_KAN1");
  g_assert_nonnull (person);
  g_assert_cmpstr (person->name, ==, "Kosygin, Alexei N.");
  g_assert_cmpstr (person->office, ==, "Soviet Premier");
  g_assert_null (docket_store_lookup_person (fixture->store, "vol", "p_NOBODY"));
  g_assert_null (docket_store_lookup_person (fixture->store, "other", "p_KAN1"));

  term = docket_store_lookup_glossary_term (fixture->store, "vol", "t_NODIS1");
  g_assert_nonnull (term);
  g_assert_cmpstr (term->term, ==, "Nodis");
  g_assert_cmpstr (term->role, ==, "No Distribution");

  listed = docket_store_list_persons (fixture->store, "vol", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (listed->len, ==, 2);
  g_assert_cmpstr (((DocketAgent *) g_ptr_array_index (listed, 0))->ref, ==, "p_HWA2");
  g_clear_pointer (&listed, g_ptr_array_unref);

  /* Saving again replaces the list. */
  g_ptr_array_remove_index (persons, 0);
  g_assert_true (docket_store_save_persons (fixture->store, "vol", persons, &error));
  g_assert_cmpuint (n_persons (fixture->store, "vol"), ==, 1);
  g_assert_cmpuint (n_glossary_terms (fixture->store, "vol"), ==, 1);
}

/* Async */

typedef struct
{
  GMainLoop    *loop;
  GAsyncResult *result;
  guint         changed;
} AsyncState;

static void
store_result_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  AsyncState *state = user_data;

  state->result = g_object_ref (result);
  g_main_loop_quit (state->loop);
}

static void
records_changed_cb (DocketStore *store,
                    gpointer     user_data)
{
  AsyncState *state = user_data;

  state->changed++;
}

static GAsyncResult *
wait_for_result (AsyncState *state)
{
  g_main_loop_run (state->loop);
  return g_steal_pointer (&state->result);
}

static void
test_async (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  AsyncState state = { .loop = loop };
  g_autoptr(GPtrArray) records = record_array (make_full_record ("a1"),
                                               make_simple_record ("a2", "2", "Second"), NULL);
  g_autoptr(GPtrArray) skipped = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(DocketRecord) loaded = NULL;
  g_autoptr(DocketStore) opened = NULL;
  g_autoptr(GError) error = NULL;

  g_signal_connect (fixture->store, "records-changed", G_CALLBACK (records_changed_cb), &state);

  docket_store_insert_records_async (fixture->store, NULL, records, DOCKET_STORE_INSERT_SKIP_EXISTING,
                                     NULL, store_result_cb, &state);
  result = wait_for_result (&state);
  g_assert_true (docket_store_insert_records_finish (fixture->store, result, &skipped, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (skipped->len, ==, 0);
  g_clear_object (&result);

  docket_store_load_record_async (fixture->store, "a1", NULL, store_result_cb, &state);
  result = wait_for_result (&state);
  loaded = docket_store_load_record_finish (fixture->store, result, &error);
  g_assert_no_error (error);
  g_assert_true (docket_record_equal (loaded, g_ptr_array_index (records, 0)));
  g_clear_object (&result);

  /* The snapshot is saved; the object gets the new version at _finish. */
  docket_record_set (loaded, DOCKET_FIELD_SUBJECT, "Saved in a thread");
  docket_store_save_record_async (fixture->store, loaded, "async", NULL, store_result_cb, &state);
  docket_record_set (loaded, DOCKET_FIELD_PLACE, "Edited meanwhile");
  result = wait_for_result (&state);
  g_assert_true (docket_store_save_record_finish (fixture->store, result, &error));
  g_assert_no_error (error);
  g_assert_cmpint (docket_record_get_version (loaded), ==, 2);
  g_clear_object (&result);
  /* The edit made meanwhile saves next, without a conflict. */
  g_assert_true (docket_store_save_record (fixture->store, loaded, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (docket_record_get_version (loaded), ==, 3);

  docket_store_load_record_async (fixture->store, "missing", NULL, store_result_cb, &state);
  result = wait_for_result (&state);
  g_assert_null (docket_store_load_record_finish (fixture->store, result, &error));
  g_assert_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_clear_object (&result);

  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (state.changed, >=, 1);

  docket_store_open_async (fixture->path, NULL, store_result_cb, &state);
  result = wait_for_result (&state);
  opened = docket_store_open_finish (result, &error);
  g_assert_no_error (error);
  g_assert_true (docket_store_has_record (opened, "a2"));
}

/* A volume's records, persons and terms go in one transaction: when a
 * record cannot be stored, the persons and terms are not stored either. */
static void
test_import_volume_atomic (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(DocketCollection) collection = docket_collection_new ("vol", "A volume");
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) persons = g_ptr_array_new_with_free_func ((GDestroyNotify) docket_agent_free);
  g_autoptr(GPtrArray) terms = g_ptr_array_new_with_free_func ((GDestroyNotify) docket_access_point_free);
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (persons, make_person ("p_HWA2", "Harriman, W. Averell", "Ambassador at Large"));
  g_ptr_array_add (terms, make_term ("t_NODIS1", "Nodis", "No Distribution"));

  /* Two records with one identifier: the insert fails, nothing is kept. */
  g_ptr_array_add (records, make_simple_record ("vold1", "1", "First"));
  g_ptr_array_add (records, make_simple_record ("vold1", "1", "First again"));
  g_assert_false (docket_store_import_volume (fixture->store, collection, records, persons, terms,
                                              DOCKET_STORE_INSERT_FAIL_ON_EXISTING, NULL, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_false (docket_store_has_collection (fixture->store, "vol"));
  g_assert_null (docket_store_lookup_person (fixture->store, "vol", "p_HWA2"));

  g_ptr_array_remove_index (records, 1);
  g_assert_true (docket_store_import_volume (fixture->store, collection, records, persons, terms,
                                             DOCKET_STORE_INSERT_FAIL_ON_EXISTING, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_persons (fixture->store, "vol"), ==, 1);
  g_assert_cmpuint (n_glossary_terms (fixture->store, "vol"), ==, 1);
  g_assert_true (docket_store_has_record (fixture->store, "vold1"));
}

static GPtrArray *
one_record (const char *id)
{
  GPtrArray *records = g_ptr_array_new_with_free_func (g_object_unref);

  g_ptr_array_add (records, make_simple_record (id, "1", "A memorandum"));
  return records;
}

/* In a batch, each insert still succeeds or fails whole; nothing is in
 * the catalog until the batch commits, and an aborted batch leaves none. */
static void
test_batch (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) a = one_record ("batch-a");
  g_autoptr(GPtrArray) b = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) c = one_record ("batch-c");
  g_autoptr(GPtrArray) d = one_record ("batch-d");
  g_autoptr(DocketStore) other = NULL;

  g_ptr_array_add (b, make_simple_record ("batch-b", "2", "Fine"));
  g_ptr_array_add (b, make_simple_record ("batch-a", "3", "Clashes with a"));

  g_assert_true (docket_store_begin_batch (fixture->store, &error));
  g_assert_true (docket_store_insert_records (fixture->store, NULL, a, DOCKET_STORE_INSERT_FAIL_ON_EXISTING, NULL, &error));
  g_assert_false (docket_store_insert_records (fixture->store, NULL, b, DOCKET_STORE_INSERT_FAIL_ON_EXISTING, NULL, &error));
  g_clear_error (&error);
  g_assert_true (docket_store_insert_records (fixture->store, NULL, c, DOCKET_STORE_INSERT_FAIL_ON_EXISTING, NULL, &error));
  g_assert_true (docket_store_has_record (fixture->store, "batch-a"));
  g_assert_false (docket_store_has_record (fixture->store, "batch-b"));

  /* Another connection sees nothing of the batch yet. */
  other = docket_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_false (docket_store_has_record (other, "batch-a"));

  g_assert_true (docket_store_commit_batch (fixture->store, &error));
  g_assert_no_error (error);
  g_assert_true (docket_store_has_record (other, "batch-a"));
  g_assert_false (docket_store_has_record (other, "batch-b"));
  g_assert_true (docket_store_has_record (other, "batch-c"));

  g_assert_true (docket_store_begin_batch (fixture->store, &error));
  g_assert_true (docket_store_insert_records (fixture->store, NULL, d, DOCKET_STORE_INSERT_FAIL_ON_EXISTING, NULL, &error));
  docket_store_abort_batch (fixture->store);
  g_assert_false (docket_store_has_record (fixture->store, "batch-d"));
  g_assert_false (docket_store_has_record (other, "batch-d"));
}

/* A new catalog, and catalogs left behind by a crash */

static char *
pragma_text (const char *path,
             const char *pragma)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA %s", pragma);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *value;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

static gboolean
file_exists_beside (const char *path,
                    const char *suffix)
{
  g_autofree char *name = g_strconcat (path, suffix, NULL);

  return g_file_test (name, G_FILE_TEST_EXISTS);
}

/* Records n0 … n(@count - 1), each a full record, in one batch. */
static void
insert_numbered (DocketStore *store,
                 const char  *prefix,
                 guint        count)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < count; i++)
    {
      g_autofree char *id = g_strdup_printf ("%s%u", prefix, i);

      g_ptr_array_add (records, make_full_record (id));
    }
  g_assert_true (docket_store_insert_records (store, NULL, records,
                                              DOCKET_STORE_INSERT_FAIL_ON_EXISTING, NULL, &error));
  g_assert_no_error (error);
}

/* A catalog made by the store is left in one file, in write-ahead-log mode
 * for every program that opens it next, and all its records are there. */
static void
test_new_catalog (void)
{
  g_autofree char *dir = docket_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "catalog.db", NULL);
  g_autofree char *mode = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DocketStore) store = NULL;
  g_autoptr(DocketRecord) loaded = NULL;
  g_autoptr(DocketRecord) expected = make_full_record ("n150");

  store = docket_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (docket_store_begin_batch (store, &error));
  insert_numbered (store, "n", 300);
  g_assert_true (docket_store_commit_batch (store, &error));
  g_assert_no_error (error);
  g_clear_object (&store);

  g_assert_false (file_exists_beside (path, "-journal"));
  g_assert_false (file_exists_beside (path, "-wal"));
  mode = pragma_text (path, "journal_mode");
  g_assert_cmpstr (mode, ==, "wal");
  g_assert_cmpint (pragma_value (path, "page_size"), ==, 8192);
  g_assert_cmpint (pragma_value (path, "user_version"), ==, docket_store_get_schema_version ());

  store = docket_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (docket_store_count_records (store, NULL, &error), ==, 300);
  loaded = docket_store_load_record (store, "n150", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (docket_record_get (loaded, DOCKET_FIELD_SCOPE), ==,
                   docket_record_get (expected, DOCKET_FIELD_SCOPE));
  g_assert_cmpuint (docket_record_get_body (loaded)->len, ==, docket_record_get_body (expected)->len);
  g_clear_object (&store);

  docket_test_rmdir (dir);
}

static char *
schema_of (const char *path)
{
  g_autoptr(GString) schema = g_string_new (NULL);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY name",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    for (int i = 0; i < 4; i++)
      g_string_append_printf (schema, "%s\n", (const char *) sqlite3_column_text (stmt, i));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return g_string_free (g_steal_pointer (&schema), FALSE);
}

/* A new catalog is a copy of the empty one made at build time, which is
 * what SQLite makes of an empty file: the same schema and settings. The
 * copy leaves nothing else in the folder. */
static void
test_new_catalog_is_copy (void)
{
  static const char *pragmas[] = { "page_size", "journal_mode", "application_id", "user_version",
                                   "encoding", "auto_vacuum", "page_count" };
  g_autofree char *dir = docket_test_make_tmpdir ();
  g_autofree char *copied = g_build_filename (dir, "copied.db", NULL);
  g_autofree char *made = g_build_filename (dir, "made.db", NULL);
  g_autofree char *copied_schema = NULL;
  g_autofree char *made_schema = NULL;
  g_autofree char *bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) listing = NULL;
  DocketStore *store;
  const char *name;
  gsize length;
  GStatBuf st;

  g_assert_cmpuint (_docket_store_empty_catalog_size, >, 0);
  store = docket_store_open (copied, &error);
  g_assert_no_error (error);
  g_object_unref (store);
  g_assert_true (g_file_get_contents (copied, &bytes, &length, NULL));
  g_assert_cmpmem (bytes, length, _docket_store_empty_catalog, _docket_store_empty_catalog_size);
  g_assert_cmpint (g_stat (copied, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  /* An empty file is set up by SQLite. */
  g_assert_true (g_file_set_contents (made, "", 0, NULL));
  g_assert_cmpint (g_chmod (made, 0600), ==, 0);
  store = docket_store_open (made, &error);
  g_assert_no_error (error);
  g_object_unref (store);

  copied_schema = schema_of (copied);
  made_schema = schema_of (made);
  g_assert_cmpstr (copied_schema, ==, made_schema);
  for (guint i = 0; i < G_N_ELEMENTS (pragmas); i++)
    {
      g_autofree char *a = pragma_text (copied, pragmas[i]);
      g_autofree char *b = pragma_text (made, pragmas[i]);

      g_test_message ("%s: %s", pragmas[i], a);
      g_assert_cmpstr (a, ==, b);
    }

  listing = g_dir_open (dir, 0, NULL);
  while ((name = g_dir_read_name (listing)) != NULL)
    g_assert_true (g_str_has_prefix (name, "copied.db") || g_str_has_prefix (name, "made.db"));
  docket_test_rmdir (dir);
}

/* A new catalog filled in memory and then named: whole, in the
 * write-ahead log like any other, with nothing else in its folder; gone
 * if given up; never over a catalog another program made meanwhile. */
static void
test_unnamed_catalog (void)
{
  g_autofree char *dir = docket_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "catalog.db", NULL);
  g_autofree char *dropped = g_build_filename (dir, "dropped.db", NULL);
  g_autofree char *taken = g_build_filename (dir, "taken.db", NULL);
  g_autofree char *mode = NULL;
  g_autofree char *check = NULL;
  g_autoptr(DocketRecord) other = make_simple_record ("other", "1", "Made meanwhile");
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) listing = NULL;
  DocketStore *store;
  const char *name;
  GStatBuf st;

  store = docket_store_create_unnamed (path, &error);
  g_assert_no_error (error);
  insert_numbered (store, "u", 50);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_true (docket_store_publish (store, &error));
  g_assert_no_error (error);
  g_object_unref (store);

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  mode = pragma_text (path, "journal_mode");
  g_assert_cmpstr (mode, ==, "wal");
  check = pragma_text (path, "integrity_check");
  g_assert_cmpstr (check, ==, "ok");
  store = docket_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (docket_store_count_records (store, NULL, &error), ==, 50);
  g_object_unref (store);

  /* Given up. */
  store = docket_store_create_unnamed (dropped, &error);
  g_assert_no_error (error);
  insert_numbered (store, "d", 3);
  g_object_unref (store);
  g_assert_false (g_file_test (dropped, G_FILE_TEST_EXISTS));

  /* Another program makes the catalog while this one is filled. */
  store = docket_store_create_unnamed (taken, &error);
  g_assert_no_error (error);
  insert_numbered (store, "t", 3);
  {
    g_autoptr(DocketStore) meanwhile = docket_store_open (taken, &error);

    g_assert_no_error (error);
    insert_one (meanwhile, other);
  }
  g_assert_false (docket_store_publish (store, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_clear_error (&error);
  g_object_unref (store);
  g_assert_cmpint (docket_test_catalog_query (taken, "SELECT count(*) FROM record"), ==, 1);
  g_assert_cmpint (docket_test_catalog_query (taken, "SELECT count(*) FROM record WHERE id = 'other'"), ==, 1);

  /* A path that is taken is not for an unnamed catalog. */
  g_assert_null (docket_store_create_unnamed (taken, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);

  /* (The test's own read-only queries may leave an index beside them.) */
  listing = g_dir_open (dir, 0, NULL);
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_test_message ("in the folder: %s", name);
      g_assert_true (g_str_has_prefix (name, "catalog.db") || g_str_has_prefix (name, "taken.db"));
    }
  docket_test_rmdir (dir);
}

/* A log left behind by a catalog moved or deleted without it would be
 * played into a new catalog of the same name and corrupt it: the new
 * catalog is refused until the log is moved away. */
static void
test_orphan_log (void)
{
  g_autofree char *dir = docket_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "catalog.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autoptr(GError) error = NULL;
  DocketStore *store;

  g_assert_true (g_file_set_contents (wal, "left behind by another catalog", -1, NULL));
  g_assert_null (docket_store_create_unnamed (path, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
  g_clear_error (&error);
  g_assert_null (docket_store_open (path, &error));
  g_assert_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "move that log away"));
  g_clear_error (&error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  g_assert_cmpint (g_unlink (wal), ==, 0);
  store = docket_store_open (path, &error);
  g_assert_no_error (error);
  g_object_unref (store);
  docket_test_rmdir (dir);
}

/* A catalog in rollback-journal mode (another program set it so) is
 * switched back to the write-ahead log when opened, and keeps the page
 * size it was made with. */
static void
test_rollback_catalog_switched (void)
{
  g_autofree char *dir = docket_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "old.db", NULL);
  g_autofree char *mode = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DocketStore) store = NULL;
  g_autofree char *pragma = g_strdup_printf ("PRAGMA user_version = %u", docket_store_get_schema_version ());
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA page_size = 4096; PRAGMA journal_mode = DELETE; BEGIN",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  for (guint to = 1; to <= docket_store_get_schema_version (); to++)
    g_assert_cmpint (sqlite3_exec (db, _docket_store_migration_sql (to), NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, pragma, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  store = docket_store_open (path, &error);
  g_assert_no_error (error);
  insert_numbered (store, "r", 3);
  g_clear_object (&store);

  mode = pragma_text (path, "journal_mode");
  g_assert_cmpstr (mode, ==, "wal");
  g_assert_cmpint (pragma_value (path, "page_size"), ==, 4096);
  g_assert_cmpint (docket_test_catalog_query (path, "SELECT count(*) FROM record"), ==, 3);

  docket_test_rmdir (dir);
}

/* Creating a catalog writes its first page before the schema; a crash in
 * between leaves only that page, which opens as a new, empty catalog. */
static void
test_first_page_only (void)
{
  g_autofree char *dir = docket_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "catalog.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(DocketStore) store = NULL;
  sqlite3 *db = NULL;
  GStatBuf st;

  g_assert_true (g_file_set_contents (path, "", 0, NULL));
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA page_size = 8192; PRAGMA journal_mode = OFF; PRAGMA journal_mode = WAL",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_size, ==, 8192);

  store = docket_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (docket_store_count_records (store, NULL, &error), ==, 0);
  insert_numbered (store, "n", 2);
  g_clear_object (&store);
  g_assert_cmpint (pragma_value (path, "user_version"), ==, docket_store_get_schema_version ());
  g_assert_cmpint (docket_test_catalog_query (path, "SELECT count(*) FROM record"), ==, 2);

  docket_test_rmdir (dir);
}

/* The default VFS without shared memory, as on a file system where
 * SQLite cannot use its write-ahead log: each file's methods are the real
 * ones but for the version, which hides xShmMap and the rest. */
static sqlite3_vfs *real_vfs;
static sqlite3_vfs no_shm_vfs;
static sqlite3_io_methods no_shm_methods;

static int
no_shm_open (sqlite3_vfs  *vfs,
             const char   *name,
             sqlite3_file *file,
             int           flags,
             int          *out_flags)
{
  int rc = real_vfs->xOpen (real_vfs, name, file, flags, out_flags);

  if (rc == SQLITE_OK && file->pMethods != NULL)
    {
      no_shm_methods = *file->pMethods;
      no_shm_methods.iVersion = 1;
      file->pMethods = &no_shm_methods;
    }
  return rc;
}

static void
use_no_shm_vfs (gboolean use)
{
  if (real_vfs == NULL)
    {
      real_vfs = sqlite3_vfs_find (NULL);
      no_shm_vfs = *real_vfs;
      no_shm_vfs.zName = "docket-test-no-shm";
      no_shm_vfs.pNext = NULL;
      no_shm_vfs.xOpen = no_shm_open;
    }
  g_assert_cmpint (sqlite3_vfs_register (use ? &no_shm_vfs : real_vfs, 1), ==, SQLITE_OK);
}

/* Stores a record, then dies in the middle of a batch of many more, with a
 * cache so small that the batch's pages go to the log (or the catalog)
 * before any commit: what a crash or a kill leaves behind. */
static void
die_in_batch (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DocketStore) store = docket_store_open (path, &error);
  g_autoptr(DocketRecord) kept = make_simple_record ("kept", "1", "Stored before the crash");

  g_assert_no_error (error);
  insert_one (store, kept);
  g_assert_cmpint (sqlite3_exec (store->db, "PRAGMA cache_size = 8", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_true (docket_store_begin_batch (store, &error));
  insert_numbered (store, "lost", 60);
  _exit (3);
}

/* After the crash: the catalog opens, holds what was committed and none of
 * the batch, and takes new records. */
static void
check_after_crash (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DocketStore) store = docket_store_open (path, &error);
  g_autofree char *check = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_assert_cmpuint (docket_store_count_records (store, NULL, &error), ==, 1);
  g_assert_true (docket_store_has_record (store, "kept"));
  g_assert_false (docket_store_has_record (store, "lost0"));
  insert_numbered (store, "lost", 2);
  g_assert_cmpuint (docket_store_count_records (store, NULL, &error), ==, 3);
  g_assert_no_error (error);
  g_clear_object (&store);
  check = pragma_text (path, "quick_check");
  g_assert_cmpstr (check, ==, "ok");
}

static void
test_crash_in_batch (gconstpointer data)
{
  gboolean no_shm = GPOINTER_TO_INT (data);
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;

  if (g_test_subprocess ())
    {
      use_no_shm_vfs (no_shm);
      die_in_batch (g_getenv ("DOCKET_TEST_CATALOG"));
      return;
    }

  dir = docket_test_make_tmpdir ();
  path = g_build_filename (dir, "catalog.db", NULL);
  g_setenv ("DOCKET_TEST_CATALOG", path, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_assert_true (file_exists_beside (path, no_shm ? "-journal" : "-wal"));

  use_no_shm_vfs (no_shm);
  check_after_crash (path);
  if (no_shm)
    {
      /* SQLite kept its rollback journal, never no journal at all. */
      g_autofree char *mode = pragma_text (path, "journal_mode");

      g_assert_cmpstr (mode, ==, "delete");
    }
  use_no_shm_vfs (FALSE);
  docket_test_rmdir (dir);
}

static void
process_exited_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  gboolean *exited = user_data;

  g_subprocess_wait_finish (G_SUBPROCESS (source), result, NULL);
  *exited = TRUE;
}

/* Another program opens a new catalog again and again while docket-cli
 * creates it and imports a volume into it: the first round races the
 * import for the new file, the others open it once it exists. Every open
 * succeeds, and sees none of the volume's records or all of them. */
static void
test_open_during_import (void)
{
  const char *cli = g_getenv ("DOCKET_CLI");
  g_autofree char *volume = docket_test_shared_path ("corpus", "frus1961-63v06.xml", NULL);
  g_autofree char *dir = NULL;

  if (volume == NULL)
    return;
  if (cli == NULL)
    {
      g_test_skip ("DOCKET_CLI is not set");
      return;
    }

  dir = docket_test_make_tmpdir ();
  for (guint round = 0; round < 3; round++)
    {
      g_autofree char *name = g_strdup_printf ("catalog-%u.db", round);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *mode = NULL;
      g_autofree char *check = NULL;
      g_autoptr(GSubprocess) process = NULL;
      g_autoptr(GArray) seen = g_array_new (FALSE, FALSE, sizeof (guint));
      g_autoptr(GError) error = NULL;
      gboolean exited = FALSE;
      gint64 final;

      process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error,
                                  cli, "--catalog", path, "import", volume, NULL);
      g_assert_no_error (error);
      g_subprocess_wait_async (process, NULL, process_exited_cb, &exited);

      while (round > 0 && !exited && !g_file_test (path, G_FILE_TEST_EXISTS))
        {
          g_usleep (100);
          g_main_context_iteration (NULL, FALSE);
        }

      while (!exited)
        {
          g_autoptr(DocketStore) store = docket_store_open (path, &error);
          guint n;

          g_assert_no_error (error);
          n = docket_store_count_records (store, NULL, &error);
          g_assert_no_error (error);
          g_array_append_val (seen, n);
          g_clear_object (&store);
          g_main_context_iteration (NULL, FALSE);
        }
      if (!g_subprocess_get_successful (process))
        {
          g_autoptr(GBytes) err = NULL;

          g_subprocess_communicate (process, NULL, NULL, NULL, &err, NULL);
          g_error ("docket-cli import failed: %.*s", (int) g_bytes_get_size (err),
                   (const char *) g_bytes_get_data (err, NULL));
        }

      final = docket_test_catalog_query (path, "SELECT count(*) FROM record");
      g_assert_cmpint (final, >, 0);
      for (guint i = 0; i < seen->len; i++)
        {
          guint n = g_array_index (seen, guint, i);

          g_assert_true (n == 0 || n == final);
        }
      mode = pragma_text (path, "journal_mode");
      g_assert_cmpstr (mode, ==, "wal");
      check = pragma_text (path, "quick_check");
      g_assert_cmpstr (check, ==, "ok");
      g_test_message ("round %u: opened %u times during the import", round, seen->len);
    }
  docket_test_rmdir (dir);
}

/* Several programs open the same new catalog at the same moment (the
 * window and an import started from a script, say): every one of them
 * gets the catalog, made once. Half the rounds race to create the file,
 * the others find it empty. */
static void
test_open_new_at_once (void)
{
  const char *cli = g_getenv ("DOCKET_CLI");
  g_autofree char *dir = NULL;

  if (cli == NULL)
    {
      g_test_skip ("DOCKET_CLI is not set");
      return;
    }
  dir = docket_test_make_tmpdir ();

  for (guint round = 0; round < 12; round++)
    {
      g_autofree char *name = g_strdup_printf ("catalog-%u.db", round);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *mode = NULL;
      g_autofree char *check = NULL;
      pid_t children[4];
      int barrier[2];

      if (round % 2 == 1)
        g_assert_true (g_file_set_contents (path, "", 0, NULL));
      g_assert_cmpint (pipe (barrier), ==, 0);
      for (guint i = 0; i < G_N_ELEMENTS (children); i++)
        {
          children[i] = fork ();
          g_assert_cmpint (children[i], >=, 0);
          if (children[i] == 0)
            {
              char byte;

              close (barrier[1]);
              /* Returns when the parent closes its end: all at once. Each
               * child is then a program of its own (docket-cli opening the
               * catalog, exit status 1 and a message if it cannot), not a
               * copy of this threaded test process. */
              if (read (barrier[0], &byte, 1) != 0)
                _exit (2);
              execl (cli, cli, "--catalog", path, "list", (char *) NULL);
              _exit (127);
            }
        }
      close (barrier[0]);
      close (barrier[1]);

      for (guint i = 0; i < G_N_ELEMENTS (children); i++)
        {
          int status = 0;

          g_assert_cmpint (waitpid (children[i], &status, 0), ==, children[i]);
          g_assert_true (WIFEXITED (status));
          g_assert_cmpint (WEXITSTATUS (status), ==, 0);
        }

      g_assert_cmpint (pragma_value (path, "user_version"), ==, docket_store_get_schema_version ());
      mode = pragma_text (path, "journal_mode");
      g_assert_cmpstr (mode, ==, "wal");
      check = pragma_text (path, "quick_check");
      g_assert_cmpstr (check, ==, "ok");
    }
  docket_test_rmdir (dir);
}

/* Another program that creates a new catalog and keeps the write lock
 * after making it, as an import does while it stores its records. */
typedef struct
{
  const char *path;
  gint        locked;   /* set once the lock is held, before the schema */
} Creator;

static gpointer
create_and_hold (gpointer data)
{
  Creator *creator = data;
  g_autofree char *pragma = g_strdup_printf ("PRAGMA user_version = %u", docket_store_get_schema_version ());
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (creator->path, &db), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  g_assert_cmpint (sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);
  g_atomic_int_set (&creator->locked, 1);
  g_usleep (200 * G_TIME_SPAN_MILLISECOND);
  for (guint to = 1; to <= docket_store_get_schema_version (); to++)
    g_assert_cmpint (sqlite3_exec (db, _docket_store_migration_sql (to), NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, pragma, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "COMMIT; BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);
  g_usleep ((DOCKET_STORE_BUSY_TIMEOUT_MS + 1000) * G_TIME_SPAN_MILLISECOND);
  g_assert_cmpint (sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  return NULL;
}

/* The window opens a new catalog while an import that has just made it
 * stores its records: it opens as soon as the catalog is made, and does
 * not wait out the import (nor fail when the import outlasts the busy
 * timeout). */
static void
test_open_while_creator_writes (void)
{
  g_autofree char *dir = docket_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "catalog.db", NULL);
  Creator creator = { path, 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(DocketStore) store = NULL;
  GThread *thread;
  sqlite3 *db = NULL;
  gint64 start;

  /* The first page, in write-ahead-log mode, as the creator's open left it. */
  g_assert_true (g_file_set_contents (path, "", 0, NULL));
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA journal_mode = WAL", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  thread = g_thread_new ("creator", create_and_hold, &creator);
  while (!g_atomic_int_get (&creator.locked))
    g_usleep (G_TIME_SPAN_MILLISECOND);

  start = g_get_monotonic_time ();
  store = docket_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_get_monotonic_time () - start, <, DOCKET_STORE_BUSY_TIMEOUT_MS / 2 * G_TIME_SPAN_MILLISECOND);
  g_assert_cmpuint (docket_store_count_records (store, NULL, &error), ==, 0);
  g_assert_no_error (error);
  g_clear_object (&store);

  g_thread_join (thread);
  docket_test_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/docket/store/open/create", test_open_create);
  g_test_add_func ("/docket/store/open/default-path", test_default_path);
  g_test_add_func ("/docket/store/open/not-a-catalog", test_open_not_a_catalog);
  g_test_add_func ("/docket/store/open/too-new", test_open_too_new);
  g_test_add_func ("/docket/store/open/read-only-file", test_open_read_only_file);
  g_test_add_func ("/docket/store/open/read-only-dir", test_open_read_only_dir);
  DOCKET_TEST_ADD_CATALOG_TEST ("/docket/store/open/locked", test_open_locked);
  g_test_add_func ("/docket/store/migration/from-v1", test_migration_from_v1);
  g_test_add_func ("/docket/store/migration/fails-whole", test_migration_fails_whole);
  DOCKET_TEST_ADD_CATALOG_TEST ("/docket/store/record/roundtrip", test_record_roundtrip);
  DOCKET_TEST_ADD_CATALOG_TEST ("/docket/store/record/not-found", test_record_not_found);
  DOCKET_TEST_ADD_CATALOG_TEST ("/docket/store/record/conflict", test_record_conflict);
  DOCKET_TEST_ADD_CATALOG_TEST ("/docket/store/record/version", test_record_version);
  DOCKET_TEST_ADD_CATALOG_TEST ("/docket/store/record/data-version", test_data_version);
  DOCKET_TEST_ADD_CATALOG_TEST ("/docket/store/record/delete", test_delete_record);
  DOCKET_TEST_ADD_CATALOG_TEST ("/docket/store/batch/adds-only", test_batch_adds_only);
  DOCKET_TEST_ADD_CATALOG_TEST ("/docket/store/record/rename-and-citing", test_rename_and_citing);
  DOCKET_TEST_ADD_CATALOG_TEST ("/docket/store/insert/all-or-nothing", test_insert_all_or_nothing);
  DOCKET_TEST_ADD_CATALOG_TEST ("/docket/store/insert/modes", test_insert_modes);
  DOCKET_TEST_ADD_CATALOG_TEST ("/docket/store/revisions/list-and-revert", test_revisions);
  DOCKET_TEST_ADD_CATALOG_TEST ("/docket/store/search/fts", test_search);
  DOCKET_TEST_ADD_CATALOG_TEST ("/docket/store/summaries/sort-filter-page", test_summaries);
  DOCKET_TEST_ADD_CATALOG_TEST ("/docket/store/collections", test_collections);
  DOCKET_TEST_ADD_CATALOG_TEST ("/docket/store/settings", test_settings);
  DOCKET_TEST_ADD_CATALOG_TEST ("/docket/store/persons-glossary", test_persons_glossary);
  DOCKET_TEST_ADD_CATALOG_TEST ("/docket/store/insert/volume-atomic", test_import_volume_atomic);
  DOCKET_TEST_ADD_CATALOG_TEST ("/docket/store/insert/batch", test_batch);
  DOCKET_TEST_ADD_CATALOG_TEST ("/docket/store/async", test_async);
  g_test_add_func ("/docket/store/open/new-catalog", test_new_catalog);
  g_test_add_func ("/docket/store/open/new-catalog-is-copy", test_new_catalog_is_copy);
  g_test_add_func ("/docket/store/open/unnamed-catalog", test_unnamed_catalog);
  g_test_add_func ("/docket/store/open/orphan-log", test_orphan_log);
  g_test_add_func ("/docket/store/open/rollback-catalog-switched", test_rollback_catalog_switched);
  g_test_add_func ("/docket/store/open/first-page-only", test_first_page_only);
  g_test_add_data_func ("/docket/store/crash/in-batch", GINT_TO_POINTER (FALSE), test_crash_in_batch);
  g_test_add_data_func ("/docket/store/crash/in-batch-without-wal", GINT_TO_POINTER (TRUE), test_crash_in_batch);
  g_test_add_func ("/docket/store/open/during-import", test_open_during_import);
  g_test_add_func ("/docket/store/open/new-at-once", test_open_new_at_once);
  g_test_add_func ("/docket/store/open/while-creator-writes", test_open_while_creator_writes);

  return g_test_run ();
}
