/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

/* docket-cli as a script sees it: exit codes, one-line errors on stderr,
 * the JSON keys of DESIGN.md, and a catalog left unchanged by bad input. */

#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include <sqlite3.h>
#include <string.h>
#include <unistd.h>

#include "docket-ead-validator.h"
#include "docket-test-cli.h"
#include "docket-test-store.h"
#include "docket-test-util.h"

typedef struct
{
  char *dir;
  char *catalog;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = docket_test_make_tmpdir ();
  fixture->catalog = g_build_filename (fixture->dir, "catalog.db", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  docket_test_rmdir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->catalog);
}

static char *
import_seed (Fixture *fixture)
{
  g_auto(DocketTestCliRun) run = { 0 };
  char *seed = docket_test_shared_path ("corpus", "seed-memorandum.txt", NULL);

  if (seed == NULL)
    return NULL;
  docket_test_run_cli (&run, fixture->catalog, "import", "--collection", "frus1964-68v05", seed, NULL);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "frus1964-68v05d206"));
  return seed;
}

static void
test_list_json (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *seed = import_seed (fixture);
  g_auto(DocketTestCliRun) run = { 0 };
  g_autoptr(JsonNode) root = NULL;
  JsonObject *first;

  if (seed == NULL)
    return;
  docket_test_run_cli (&run, fixture->catalog, "list", "--json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  root = docket_test_parse_json (run.out);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (root));
  g_assert_cmpuint (json_array_get_length (json_node_get_array (root)), ==, 1);
  first = json_array_get_object_element (json_node_get_array (root), 0);
  g_assert_cmpstr (json_object_get_string_member (first, "id"), ==, "frus1964-68v05d206");
  g_assert_cmpstr (json_object_get_string_member (first, "number"), ==, "206");
  g_assert_cmpstr (json_object_get_string_member (first, "heading"), ==,
                   "Memorandum From the Ambassador at Large (Harriman) to President Johnson");
}

static void
test_show_json_keys (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *seed = import_seed (fixture);
  g_auto(DocketTestCliRun) run = { 0 };
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;
  JsonArray *footnotes;
  JsonObject *source;
  const char *keys[] = { "id", "number", "heading", "subject", "title", "type", "date", "place",
                         "authors", "recipients", "classification", "caveats", "source",
                         "page_breaks", "footnotes", "review", "version" };

  if (seed == NULL)
    return;
  docket_test_run_cli (&run, fixture->catalog, "show", "frus1964-68v05d206", "--json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  root = docket_test_parse_json (run.out);
  object = json_node_get_object (root);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    g_assert_true (json_object_has_member (object, keys[i]));

  g_assert_cmpstr (json_object_get_string_member (object, "subject"), ==,
                   "Possible Kosygin Talks on Vietnam Settlement");
  g_assert_cmpstr (json_object_get_string_member (object, "classification"), ==, "Top Secret");
  g_assert_cmpstr (json_object_get_string_member (object, "type"), ==, "memorandum");
  source = json_object_get_object_member (object, "source");
  g_assert_cmpstr (json_object_get_string_member (source, "repository"), ==,
                   "Library of Congress, Manuscript Division");
  g_assert_cmpstr (json_object_get_string_member (source, "collection"), ==, "Harriman Papers");
  footnotes = json_object_get_array_member (object, "footnotes");
  g_assert_cmpuint (json_array_get_length (footnotes), ==, 3);
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (object, "page_breaks"), 0), ==, "522");
  g_assert_cmpint (json_object_get_int_member (object, "version"), ==, 1);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_object_get_member (object, "review")));
}

static void
test_show_text_round_trip (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *seed = import_seed (fixture);
  g_autofree char *original = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_auto(DocketTestCliRun) run = { 0 };

  if (seed == NULL)
    return;
  docket_test_run_cli (&run, fixture->catalog, "show", "frus1964-68v05d206", "--text", NULL);
  g_assert_cmpint (run.status, ==, 0);
  original = docket_test_read_file (seed, NULL);
  a = docket_test_squeeze (original);
  b = docket_test_squeeze (run.out);
  g_assert_cmpstr (b, ==, a);
}

static void
test_search (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *seed = import_seed (fixture);
  g_auto(DocketTestCliRun) found = { 0 };
  g_auto(DocketTestCliRun) footnote = { 0 };
  g_auto(DocketTestCliRun) missing = { 0 };
  g_auto(DocketTestCliRun) hostile = { 0 };

  if (seed == NULL)
    return;
  docket_test_run_cli (&found, fixture->catalog, "search", "Kosygin", NULL);
  g_assert_cmpint (found.status, ==, 0);
  g_assert_nonnull (strstr (found.out, "frus1964-68v05d206"));

  /* A word only in footnote 2. */
  docket_test_run_cli (&footnote, fixture->catalog, "search", "Appointment", NULL);
  g_assert_nonnull (strstr (footnote.out, "frus1964-68v05d206"));

  docket_test_run_cli (&missing, fixture->catalog, "search", "Zanzibar", NULL);
  g_assert_cmpint (missing.status, ==, 0);
  g_assert_cmpstr (missing.out, ==, "");

  docket_test_run_cli (&hostile, fixture->catalog, "search", "\"AND(", NULL);
  g_assert_cmpint (hostile.status, ==, 0);
}

static void
test_provisional_id (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *seed = docket_test_shared_path ("corpus", "seed-memorandum.txt", NULL);
  g_auto(DocketTestCliRun) run = { 0 };
  g_auto(DocketTestCliRun) show = { 0 };
  g_autoptr(JsonNode) root = NULL;

  if (seed == NULL)
    return;
  docket_test_run_cli (&run, fixture->catalog, "import", seed, NULL);
  g_assert_cmpint (run.status, ==, 0);
  docket_test_run_cli (&show, fixture->catalog, "list", "--json", NULL);
  root = docket_test_parse_json (show.out);
  {
    JsonObject *first = json_array_get_object_element (json_node_get_array (root), 0);
    const char *id = json_object_get_string_member (first, "id");
    g_auto(DocketTestCliRun) detail = { 0 };
    g_autoptr(JsonNode) record = NULL;

    g_assert_nonnull (id);
    g_assert_false (g_str_has_prefix (id, "frus"));
    docket_test_run_cli (&detail, fixture->catalog, "show", id, "--json", NULL);
    record = docket_test_parse_json (detail.out);
    g_assert_true (json_object_get_boolean_member (json_node_get_object (record), "provisional_id"));
  }
}

static void
test_import_twice_skips (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *seed = import_seed (fixture);
  g_auto(DocketTestCliRun) again = { 0 };
  g_auto(DocketTestCliRun) list = { 0 };
  g_autoptr(JsonNode) root = NULL;

  if (seed == NULL)
    return;
  docket_test_run_cli (&again, fixture->catalog, "import", "--collection", "frus1964-68v05", seed, NULL);
  g_assert_cmpint (again.status, ==, 0);
  g_assert_nonnull (strstr (again.out, "skipped"));
  docket_test_run_cli (&list, fixture->catalog, "list", "--json", NULL);
  root = docket_test_parse_json (list.out);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (root)), ==, 1);
}

/* Bad input: exit 1, one line on stderr naming the file, catalog unchanged. */
static void
assert_rejected (Fixture    *fixture,
                 const char *path,
                 const char *expected_words)
{
  g_auto(DocketTestCliRun) before = { 0 };
  g_auto(DocketTestCliRun) run = { 0 };
  g_auto(DocketTestCliRun) after = { 0 };
  g_autofree char *basename = g_path_get_basename (path);

  docket_test_run_cli (&before, fixture->catalog, "list", "--json", NULL);
  docket_test_run_cli (&run, fixture->catalog, "import", path, NULL);
  docket_test_assert_one_line_error (&run, 1, expected_words);
  g_assert_nonnull (strstr (run.err, basename));
  docket_test_run_cli (&after, fixture->catalog, "list", "--json", NULL);
  g_assert_cmpstr (after.out, ==, before.out);
}

static void
test_bad_input (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *seed = import_seed (fixture);
  g_autofree char *empty = docket_test_write_file (fixture->dir, "empty.txt", "", 0);
  g_autofree char *binary = docket_test_write_file (fixture->dir, "image.png", "\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
  g_autofree char *latin1 = docket_test_write_file (fixture->dir, "latin1.txt", "206. Memorandum From Jos\xe9 to Johnson\n\nText.\n", -1);
  g_autofree char *prose = docket_test_write_file (fixture->dir, "prose.txt",
                                                   "It was a bright cold day in April, and the clocks were striking thirteen.\n"
                                                   "Winston Smith slipped quickly through the glass doors.\n", -1);
  g_autofree char *xml = docket_test_write_file (fixture->dir, "other.xml", "<?xml version=\"1.0\"?><html><body/></html>", -1);

  if (seed == NULL)
    return;
  assert_rejected (fixture, empty, "empty");
  assert_rejected (fixture, binary, "binary");
  assert_rejected (fixture, latin1, "UTF-8");
  assert_rejected (fixture, prose, "prose.txt:");
  assert_rejected (fixture, xml, "other.xml");
}

static void
test_huge_file (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "huge.txt", NULL);
  int fd = open (path, O_CREAT | O_WRONLY, 0600);

  /* 200 MB, sparse: refused before it is read. */
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, 200 * 1024 * 1024), ==, 0);
  close (fd);
  assert_rejected (fixture, path, "larger than");
}

static char *
checksum_file (const char *path)
{
  gsize length;
  g_autofree char *contents = docket_test_read_file (path, &length);

  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

static void
test_not_a_catalog (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *notes = docket_test_write_file (fixture->dir, "notes.db", "my notes, not a catalog\n", -1);
  g_autofree char *before = checksum_file (notes);
  g_autofree char *after = NULL;
  g_auto(DocketTestCliRun) run = { 0 };

  docket_test_run_cli (&run, notes, "list", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "notes.db"));
  after = checksum_file (notes);
  g_assert_cmpstr (after, ==, before);
}

static void
test_locked_catalog (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *seed = import_seed (fixture);
  g_autofree char *other = NULL;
  g_auto(DocketTestCliRun) run = { 0 };
  g_auto(DocketTestCliRun) list = { 0 };
  sqlite3 *db = NULL;
  g_autoptr(JsonNode) root = NULL;

  if (seed == NULL)
    return;
  other = docket_test_write_file (fixture->dir, "d999.txt",
                                  "999. Memorandum From the Secretary of State (Rusk) to President Johnson 1\n\n\n"
                                  "Washington, June 21, 1967.\n\nA short memorandum.\n\nDean Rusk\n\n"
                                  "  1. Source: Department of State, Central Files. Secret.\n", -1);

  /* Another process (here: another connection) is writing. */
  g_assert_cmpint (sqlite3_open (fixture->catalog, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "BEGIN EXCLUSIVE", NULL, NULL, NULL), ==, SQLITE_OK);
  docket_test_run_cli (&run, fixture->catalog, "import", "--collection", "frus1964-68v05", other, NULL);
  sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (db);

  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "catalog.db"));
  docket_test_run_cli (&list, fixture->catalog, "list", "--json", NULL);
  root = docket_test_parse_json (list.out);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (root)), ==, 1);
}

static void
test_usage_errors (Fixture       *fixture,
                   gconstpointer  data)
{
  g_auto(DocketTestCliRun) none = { 0 };
  g_auto(DocketTestCliRun) unknown = { 0 };
  g_auto(DocketTestCliRun) show = { 0 };

  docket_test_run_cli (&none, fixture->catalog, NULL);
  g_assert_cmpint (none.status, ==, 2);
  docket_test_run_cli (&unknown, fixture->catalog, "frobnicate", NULL);
  g_assert_cmpint (unknown.status, ==, 2);
  docket_test_run_cli (&show, fixture->catalog, "show", NULL);
  g_assert_cmpint (show.status, ==, 2);
  /* Usage errors never create a catalog. */
  g_assert_false (g_file_test (fixture->catalog, G_FILE_TEST_EXISTS));
}

static void
test_missing_record (Fixture       *fixture,
                     gconstpointer  data)
{
  g_auto(DocketTestCliRun) run = { 0 };

  docket_test_run_cli (&run, fixture->catalog, "show", "no-such-record", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "no-such-record"));
}


/* A whole TEI volume: one record per document, and a second import
 * neither duplicates nor changes anything; --replace refreshes from the
 * source but keeps the review status, with a revision per changed field. */
static void
test_tei_volume_reimport (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *volume = docket_test_shared_path ("corpus", "frus1964-68v29p2.xml", NULL);
  g_auto(DocketTestCliRun) first = { 0 };
  g_auto(DocketTestCliRun) again = { 0 };
  g_auto(DocketTestCliRun) set = { 0 };
  g_auto(DocketTestCliRun) replace = { 0 };
  g_auto(DocketTestCliRun) show = { 0 };
  g_auto(DocketTestCliRun) show_after = { 0 };
  g_autoptr(JsonNode) before = NULL;
  g_autoptr(JsonNode) after = NULL;

  if (volume == NULL)
    return;
  docket_test_run_cli (&first, fixture->catalog, "import", volume, NULL);
  g_assert_cmpint (first.status, ==, 0);
  g_assert_nonnull (strstr (first.out, "imported 140 records into frus1964-68v29p2"));
  g_assert_cmpuint (docket_test_count_records (fixture->catalog), ==, 140);

  docket_test_run_cli (&again, fixture->catalog, "import", volume, NULL);
  g_assert_cmpint (again.status, ==, 0);
  g_assert_nonnull (strstr (again.out, "skipped 140 records"));
  g_assert_cmpuint (docket_test_count_records (fixture->catalog), ==, 140);

  /* A cataloger's edit and review, then a refresh from the source. */
  docket_test_run_cli (&show, fixture->catalog, "show", "frus1964-68v29p2d5", "--json", NULL);
  before = docket_test_parse_json (show.out);
  docket_test_run_cli (&set, fixture->catalog, "review", "frus1964-68v29p2d5", "--status", "in-review", NULL);
  if (set.status != 0)
    {
      g_test_incomplete ("docket-cli review is not available");
      return;
    }
  docket_test_run_cli (&replace, fixture->catalog, "import", "--replace", volume, NULL);
  g_assert_cmpint (replace.status, ==, 0);
  g_assert_cmpuint (docket_test_count_records (fixture->catalog), ==, 140);
  docket_test_run_cli (&show_after, fixture->catalog, "show", "frus1964-68v29p2d5", "--json", NULL);
  after = docket_test_parse_json (show_after.out);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (json_node_get_object (after), "review"), "status"),
                   ==, "in-review");
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (after), "heading"), ==,
                   json_object_get_string_member (json_node_get_object (before), "heading"));
}

static void
assert_valid_export (const char      *path,
                     DocketEadFormat  format)
{
  g_autofree char *schemas = docket_test_shared_path ("schemas", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gsize length;
  char *contents;

  if (schemas == NULL)
    return;
  contents = docket_test_read_file (path, &length);
  bytes = g_bytes_new_take (contents, length);
  docket_ead_validate (format, bytes, schemas, &error);
  g_assert_no_error (error);
}

/* The review gate: unapproved records stay out unless asked for, and the
 * user is told which; what is exported validates. */
static void
test_export_gate (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *seed = import_seed (fixture);
  g_autofree char *out = NULL;
  g_auto(DocketTestCliRun) refused = { 0 };
  g_auto(DocketTestCliRun) forced = { 0 };
  g_auto(DocketTestCliRun) in_review = { 0 };
  g_auto(DocketTestCliRun) approved = { 0 };
  g_auto(DocketTestCliRun) gated = { 0 };

  if (seed == NULL)
    return;
  out = g_build_filename (fixture->dir, "finding-aid.xml", NULL);

  docket_test_run_cli (&refused, fixture->catalog, "export", "--format", "ead3", "-o", out, NULL);
  g_assert_cmpint (refused.status, ==, 1);
  g_assert_nonnull (strstr (refused.err, "frus1964-68v05d206"));
  g_assert_nonnull (strstr (refused.err, "--include-unapproved"));
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));

  docket_test_run_cli (&forced, fixture->catalog, "export", "--format", "ead2002", "--include-unapproved",
                       "--no-schema-location", "-o", out, NULL);
  g_assert_cmpint (forced.status, ==, 0);
  assert_valid_export (out, DOCKET_EAD_FORMAT_EAD2002);

  docket_test_run_cli (&in_review, fixture->catalog, "review", "frus1964-68v05d206", "--status", "in-review", NULL);
  g_assert_cmpint (in_review.status, ==, 0);
  docket_test_run_cli (&approved, fixture->catalog, "review", "frus1964-68v05d206", "--status", "approved",
                       "--comment", "Marking and provenance checked against the source note.", NULL);
  g_assert_cmpint (approved.status, ==, 0);

  /* Replaces the earlier file. */
  docket_test_run_cli (&gated, fixture->catalog, "export", "--format", "ead3", "-o", out, NULL);
  g_assert_cmpint (gated.status, ==, 0);
  g_assert_null (strstr (gated.err, "left out"));
  assert_valid_export (out, DOCKET_EAD_FORMAT_EAD3);
  {
    g_autofree char *xml = docket_test_read_file (out, NULL);
    g_assert_nonnull (strstr (xml, "frus1964-68v05d206"));
    g_assert_nonnull (strstr (xml, "http://ead3.archivists.org/schema/"));
  }
}

/* Two finding aids from the Archivists' Toolkit both number components
 * "ref20": both import whole into one catalog; importing one again finds
 * its records (skipped, or refreshed with --replace). */
static void
test_import_two_finding_aids (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autofree char *ferris = docket_test_shared_path ("ead-samples", "ead2002", "at-nyu-ferris.xml", NULL);
  g_autofree char *hornstein = docket_test_shared_path ("ead-samples", "ead2002", "at-nyu-hornstein-large.xml", NULL);
  g_auto(DocketTestCliRun) first = { 0 };
  g_auto(DocketTestCliRun) again = { 0 };
  g_auto(DocketTestCliRun) replace = { 0 };

  if (ferris == NULL || hornstein == NULL)
    return;
  docket_test_run_cli (&first, fixture->catalog, "import", ferris, hornstein, NULL);
  g_assert_cmpint (first.status, ==, 0);
  g_assert_nonnull (strstr (first.out, "imported 18 records into ferris"));
  g_assert_nonnull (strstr (first.out, "imported 719 records into hornstein"));
  g_assert_null (strstr (first.out, "skipped"));
  g_assert_cmpuint (docket_test_count_records (fixture->catalog), ==, 18 + 719);

  docket_test_run_cli (&again, fixture->catalog, "import", ferris, NULL);
  g_assert_cmpint (again.status, ==, 0);
  g_assert_nonnull (strstr (again.out, "imported 0 records into ferris"));
  g_assert_nonnull (strstr (again.out, "skipped 18 records"));
  g_assert_nonnull (strstr (again.out, "ferris-ref2,"));

  docket_test_run_cli (&replace, fixture->catalog, "import", "--replace", ferris, NULL);
  g_assert_cmpint (replace.status, ==, 0);
  g_assert_nonnull (strstr (replace.out, "imported 18 records into ferris"));
  g_assert_null (strstr (replace.out, "skipped"));
  g_assert_cmpuint (docket_test_count_records (fixture->catalog), ==, 18 + 719);
}

/* Kept elements a schema rejects are left out of the export, which
 * validates, and the user is told which, record by record. */
static void
test_export_kept_warnings (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *archon = docket_test_shared_path ("ead-samples", "ead2002", "archon-migration-tracer.xml", NULL);
  g_autofree char *schemas = docket_test_shared_path ("schemas", NULL);
  g_autofree char *out = NULL;
  g_auto(DocketTestCliRun) import = { 0 };
  g_auto(DocketTestCliRun) export = { 0 };

  if (archon == NULL || schemas == NULL)
    return;
  out = g_build_filename (fixture->dir, "archon.xml", NULL);
  docket_test_run_cli (&import, fixture->catalog, "import", archon, NULL);
  g_assert_cmpint (import.status, ==, 0);
  docket_test_run_cli (&export, fixture->catalog, "export", "--format", "ead2002", "--include-unapproved",
                       "--no-schema-location", "-o", out, NULL);
  g_assert_cmpint (export.status, ==, 0);
  g_assert_nonnull (strstr (export.err, "docket-cli: "));
  g_assert_nonnull (strstr (export.err, "left out <date>"));
  g_assert_nonnull (strstr (export.err, "kept from the import"));
  assert_valid_export (out, DOCKET_EAD_FORMAT_EAD2002);
}

/* A read-only catalog (a file the user may not write): a clear error, and
 * the records it holds are still there. Works as root too, where chmod
 * alone would not stop a write: the catalog checks the mode bits. */
static void
test_read_only_catalog (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *seed = import_seed (fixture);
  g_autofree char *other = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_auto(DocketTestCliRun) run = { 0 };

  if (seed == NULL)
    return;
  other = docket_test_write_file (fixture->dir, "d998.txt",
                                  "998. Memorandum From the Secretary of State (Rusk) to President Johnson 1\n\n\n"
                                  "Washington, June 22, 1967.\n\nAnother short memorandum.\n\nDean Rusk\n\n"
                                  "  1. Source: Department of State, Central Files. Secret.\n", -1);
  g_assert_cmpint (g_chmod (fixture->catalog, 0444), ==, 0);
  before = checksum_file (fixture->catalog);
  docket_test_run_cli (&run, fixture->catalog, "import", "--collection", "frus1964-68v05", other, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "catalog.db"));
  g_assert_nonnull (strstr (run.err, "read-only"));
  after = checksum_file (fixture->catalog);
  g_assert_cmpstr (after, ==, before);
  g_chmod (fixture->catalog, 0600);
  g_assert_cmpuint (docket_test_count_records (fixture->catalog), ==, 1);
}

/* Several files in one run: a bad one in the middle is refused on its own
 * and the good ones around it are stored. */
static void
test_import_several_files (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *seed = docket_test_shared_path ("corpus", "seed-memorandum.txt", NULL);
  g_autofree char *bad = docket_test_write_file (fixture->dir, "broken.xml", "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"><text>", -1);
  g_autofree char *d5 = docket_test_shared_path ("corpus", "text", "frus1964-68v29p2", "d5.txt", NULL);
  g_auto(DocketTestCliRun) run = { 0 };

  if (seed == NULL || d5 == NULL)
    return;
  docket_test_run_cli (&run, fixture->catalog, "import", "--collection", "frus1964-68v05", seed, bad, d5, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "broken.xml"));
  g_assert_nonnull (strstr (run.out, "frus1964-68v05d206"));
  g_assert_nonnull (strstr (run.out, "frus1964-68v05d5"));
  g_assert_cmpuint (docket_test_count_records (fixture->catalog), ==, 2);
}

/* A volume whose last document repeats the number of its first is refused
 * whole, although its first documents were stored as they were read; the
 * files before and after it are kept. */
static void
test_import_duplicate_in_volume (Fixture       *fixture,
                                 gconstpointer  data)
{
  static const char volume[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\" xml:id=\"frus1964-68v14\">\n"
    "<teiHeader><fileDesc><titleStmt><title type=\"complete\">Foreign Relations, Volume XIV</title>"
    "</titleStmt></fileDesc></teiHeader>\n<text><body>\n"
    "<div type=\"document\" xml:id=\"d230\" n=\"230\"><head>230. Memorandum for the Record</head><p>One.</p></div>\n"
    "<div type=\"document\" xml:id=\"d231\" n=\"231\"><head>231. Memorandum for the Record</head><p>Two.</p></div>\n"
    "<div type=\"document\" xml:id=\"d230bis\" n=\"230\"><head>230. Memorandum for the Record</head><p>Again.</p></div>\n"
    "</body></text></TEI>\n";
  g_autofree char *seed = docket_test_shared_path ("corpus", "seed-memorandum.txt", NULL);
  g_autofree char *d5 = docket_test_shared_path ("corpus", "text", "frus1964-68v29p2", "d5.txt", NULL);
  g_autofree char *twice = docket_test_write_file (fixture->dir, "twice.xml", volume, -1);
  g_auto(DocketTestCliRun) run = { 0 };

  if (seed == NULL || d5 == NULL)
    return;
  docket_test_run_cli (&run, fixture->catalog, "import", "--collection", "frus1964-68v05", seed, NULL);
  g_assert_cmpint (run.status, ==, 0);
  docket_test_cli_run_clear (&run);

  docket_test_run_cli (&run, fixture->catalog, "import", twice, d5, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "twice.xml: two documents in the file have the identifier frus1964-68v14d230"));
  g_assert_nonnull (strstr (run.out, "d5.txt"));
  g_assert_null (strstr (run.out, "twice.xml"));
  g_assert_cmpint (docket_test_catalog_query (fixture->catalog, "SELECT count(*) FROM record WHERE id LIKE 'frus1964-68v14%'"), ==, 0);
  g_assert_cmpint (docket_test_catalog_query (fixture->catalog, "SELECT count(*) FROM collection WHERE id = 'frus1964-68v14'"), ==, 0);
  g_assert_cmpuint (docket_test_count_records (fixture->catalog), ==, 2);
}

/* A volume cut off three quarters in: its first documents were stored as
 * they were read, and are all taken back; the catalog is as it was. */
static void
test_import_cut_off_volume (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *seed = docket_test_shared_path ("corpus", "seed-memorandum.txt", NULL);
  g_autofree char *volume = docket_test_shared_path ("corpus", "frus1964-68v29p2.xml", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *cut = NULL;
  g_auto(DocketTestCliRun) before = { 0 };
  g_auto(DocketTestCliRun) run = { 0 };
  g_auto(DocketTestCliRun) after = { 0 };
  gsize length;

  if (seed == NULL || volume == NULL)
    return;
  docket_test_run_cli (&run, fixture->catalog, "import", "--collection", "frus1964-68v05", seed, NULL);
  g_assert_cmpint (run.status, ==, 0);
  docket_test_cli_run_clear (&run);

  contents = docket_test_read_file (volume, &length);
  cut = docket_test_write_file (fixture->dir, "v29p2-cut.xml", contents, length / 4 * 3);
  docket_test_run_cli (&before, fixture->catalog, "list", "--json", NULL);
  docket_test_run_cli (&run, fixture->catalog, "import", cut, NULL);
  docket_test_assert_one_line_error (&run, 1, "not well-formed");
  g_assert_nonnull (strstr (run.err, "v29p2-cut.xml:"));
  docket_test_run_cli (&after, fixture->catalog, "list", "--json", NULL);
  g_assert_cmpstr (after.out, ==, before.out);
  g_assert_cmpint (docket_test_catalog_query (fixture->catalog, "SELECT count(*) FROM collection WHERE id = 'frus1964-68v29p2'"), ==, 0);
  g_assert_cmpint (docket_test_catalog_query (fixture->catalog, "SELECT count(*) FROM record WHERE id LIKE 'frus1964-68v29p2%'"), ==, 0);
  g_assert_cmpint (docket_test_catalog_query (fixture->catalog, "SELECT count(*) FROM agent WHERE collection_id = 'frus1964-68v29p2'"), ==, 0);
}

/* Finding aids whose records, stored as they were read, turn out void
 * (a series says more after its files) or whose collection says more
 * after its components: the catalog gets what the whole file says, once. */
static void
test_import_finding_aid_said_late (Fixture       *fixture,
                                   gconstpointer  data)
{
  static const char head[] =
    "<?xml version=\"1.0\"?>\n<ead xmlns=\"http://ead3.archivists.org/schema/\">\n"
    "<control><recordid>fa-x</recordid><filedesc><titlestmt><titleproper>X</titleproper></titlestmt></filedesc></control>\n";
  g_autofree char *late = g_strconcat (head,
    "<archdesc level=\"collection\"><did><unittitle>X</unittitle></did><dsc>\n"
    "<c id=\"s1\" level=\"series\"><did><unittitle>Series one</unittitle></did>\n"
    "<c id=\"f1\" level=\"file\"><did><unittitle>File 1</unittitle></did></c>\n"
    "<c id=\"f2\" level=\"file\"><did><unittitle>File 2</unittitle></did></c>\n"
    "<scopecontent><p>Said after the files.</p></scopecontent></c>\n"
    "<c id=\"s2\" level=\"series\"><did><unittitle>Series two</unittitle></did></c>\n"
    "</dsc><scopecontent><p>Scope, after the dsc.</p></scopecontent></archdesc></ead>\n", NULL);
  g_autofree char *grown = g_strconcat (
    "<?xml version=\"1.0\"?>\n<ead xmlns=\"http://ead3.archivists.org/schema/\">\n"
    "<control><recordid>fa-y</recordid><filedesc><titlestmt><titleproper>Y</titleproper></titlestmt></filedesc></control>\n"
    "<archdesc level=\"collection\"><did><unittitle>Y</unittitle></did><dsc>\n"
    "<c id=\"s1\" level=\"series\"><did><unittitle>Series one</unittitle></did>\n"
    "<c id=\"f1\" level=\"file\"><did><unittitle>File 1</unittitle></did></c></c>\n"
    "</dsc><scopecontent><p>Scope of Y.</p></scopecontent><odd><p>An odd note after the dsc.</p></odd></archdesc></ead>\n", NULL);
  g_autofree char *path = docket_test_write_file (fixture->dir, "late.xml", late, -1);
  g_autofree char *grown_path = docket_test_write_file (fixture->dir, "grown.xml", grown, -1);
  g_auto(DocketTestCliRun) run = { 0 };
  g_auto(DocketTestCliRun) show = { 0 };

  docket_test_run_cli (&run, fixture->catalog, "import", path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "imported 4 records into fa-x"));
  g_assert_cmpuint (docket_test_count_records (fixture->catalog), ==, 4);
  docket_test_run_cli (&show, fixture->catalog, "show", "fa-x-s1", NULL);
  g_assert_nonnull (strstr (show.out, "Said after the files."));
  g_assert_cmpint (docket_test_catalog_query (fixture->catalog,
                                              "SELECT count(*) FROM collection WHERE id = 'fa-x' AND scope = 'Scope, after the dsc.'"), ==, 1);

  /* Read once, the collection growing after its components. */
  docket_test_cli_run_clear (&run);
  docket_test_run_cli (&run, fixture->catalog, "import", grown_path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpuint (docket_test_count_records (fixture->catalog), ==, 6);
  g_assert_cmpint (docket_test_catalog_query (fixture->catalog,
                                              "SELECT count(*) FROM collection WHERE id = 'fa-y' AND scope = 'Scope of Y.'"
                                              " AND extra_xml LIKE '%An odd note after the dsc.%'"), ==, 1);
}

/* A finding aid read again once parsed, whose records then get other ids
 * than those first handed over (a component named by its place, whose
 * unitid comes after the component inside it): nothing of the first
 * reading is stored, nor refused. */
static void
test_import_finding_aid_read_again (Fixture       *fixture,
                                    gconstpointer  data)
{
  static const char text[] =
    "<?xml version=\"1.0\"?>\n<ead xmlns=\"http://ead3.archivists.org/schema/\">\n"
    "<control><recordid>coll1</recordid><filedesc><titlestmt><titleproper>T</titleproper></titlestmt></filedesc></control>\n"
    "<archdesc level=\"collection\"><did><unittitle>Coll</unittitle></did><dsc>\n"
    "<c level=\"series\"><c id=\"k1\"><did><unittitle>child</unittitle></did></c>"
    "<did><unitid>X</unitid><unittitle>late did</unittitle></did></c>\n"
    "<c id=\"c1\"><did><unittitle>m</unittitle></did></c>\n"
    "</dsc></archdesc></ead>\n";
  g_autofree char *path = docket_test_write_file (fixture->dir, "again.xml", text, -1);
  g_auto(DocketTestCliRun) run = { 0 };

  docket_test_run_cli (&run, fixture->catalog, "import", path, NULL);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpuint (docket_test_count_records (fixture->catalog), ==, 3);
  g_assert_cmpint (docket_test_catalog_query (fixture->catalog,
                                              "SELECT count(*) FROM record WHERE id IN ('coll1-X', 'coll1-k1', 'coll1-c1')"), ==, 3);
  g_assert_cmpint (docket_test_catalog_query (fixture->catalog,
                                              "SELECT count(*) FROM record WHERE id = 'coll1-k1' AND parent_path = 'coll1-X'"), ==, 1);
}

/* An import without --replace leaves the foreign keys unchecked while it
 * stores (it only adds rows, parents first): every row it writes still has
 * its parent, for a TEI volume, a finding aid and plain text at once, and
 * again after a second import that skips the first two. */
static void
test_import_rows_whole (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *seed = docket_test_shared_path ("corpus", "seed-memorandum.txt", NULL);
  g_autofree char *volume = docket_test_shared_path ("corpus", "frus1964-68v29p2.xml", NULL);
  g_autofree char *aid = docket_test_shared_path ("ead-samples", "ead3", "ncsu-mc00084-large.xml", NULL);
  g_auto(DocketTestCliRun) run = { 0 };

  if (seed == NULL || volume == NULL || aid == NULL)
    return;
  for (guint i = 0; i < 2; i++)
    {
      docket_test_cli_run_clear (&run);
      docket_test_run_cli (&run, fixture->catalog, "import", seed, volume, aid, NULL);
      g_assert_cmpint (run.status, ==, 0);
      /* The memorandum has no collection: a second copy gets an id of its own. */
      g_assert_cmpuint (docket_test_count_records (fixture->catalog), ==, 1 + 140 + 2104 + i);
      g_assert_cmpint (docket_test_catalog_query (fixture->catalog, "SELECT count(*) FROM pragma_foreign_key_check"), ==, 0);
    }
  g_assert_cmpint (docket_test_catalog_query (fixture->catalog, "SELECT count(*) FROM anchor"), >, 0);
  g_assert_cmpint (docket_test_catalog_query (fixture->catalog, "SELECT count(*) FROM footnote_link"), >, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/docket/cli/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("list/json", test_list_json);
  ADD ("show/json-keys", test_show_json_keys);
  ADD ("show/text-round-trip", test_show_text_round_trip);
  ADD ("search/words", test_search);
  ADD ("import/provisional-id", test_provisional_id);
  ADD ("import/twice-skips", test_import_twice_skips);
  ADD ("import/bad-input", test_bad_input);
  ADD ("import/cut-off-volume", test_import_cut_off_volume);
  ADD ("import/finding-aid-said-late", test_import_finding_aid_said_late);
  ADD ("import/finding-aid-read-again", test_import_finding_aid_read_again);
  ADD ("import/rows-whole", test_import_rows_whole);
  ADD ("import/huge-file", test_huge_file);
  ADD ("catalog/not-a-catalog", test_not_a_catalog);
  ADD ("catalog/locked", test_locked_catalog);
  ADD ("usage/errors", test_usage_errors);
  ADD ("show/missing-record", test_missing_record);
  ADD ("import/tei-volume-reimport", test_tei_volume_reimport);
  ADD ("export/review-gate", test_export_gate);
  ADD ("import/two-finding-aids", test_import_two_finding_aids);
  ADD ("export/kept-warnings", test_export_kept_warnings);
  ADD ("catalog/read-only", test_read_only_catalog);
  ADD ("import/several-files", test_import_several_files);
  ADD ("import/duplicate-in-volume", test_import_duplicate_in_volume);

  return g_test_run ();
}
