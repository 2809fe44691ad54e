/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

/* docket-cli review, check, set, history and revert as a script sees them:
 * exit codes, one-line errors, and a catalog left unchanged by bad input.
 * The catalog is seeded through the store API, so that most tests need no
 * shared data. */

#include "config.h"

#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "docket-store.h"
#include "docket-test-cli.h"
#include "docket-test-review-records.h"
#include "docket-test-util.h"

#define D206 "frus1964-68v05d206"
#define D207 "frus1964-68v05d207"

typedef struct
{
  char *dir;
  char *catalog;
} Fixture;

/* Two records that pass every check: d206 cites d207. */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DocketStore) store = NULL;
  g_autoptr(DocketCollection) collection = docket_collection_new ("frus1964-68v05", "Vietnam, 1967");
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);

  fixture->dir = docket_test_make_tmpdir ();
  fixture->catalog = g_build_filename (fixture->dir, "catalog.db", NULL);

  store = docket_store_open (fixture->catalog, &error);
  g_assert_no_error (error);
  g_ptr_array_add (records, docket_test_clean_record (D206, D207));
  g_ptr_array_add (records, docket_test_clean_record (D207, NULL));
  docket_store_insert_records (store, collection, records, DOCKET_STORE_INSERT_FAIL_ON_EXISTING,
                               NULL, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  docket_test_rmdir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->catalog);
}

/* `show ID --json`, parsed. */
static JsonNode *
show (Fixture    *fixture,
      const char *id)
{
  g_auto(DocketTestCliRun) run = { 0 };

  docket_test_run_cli (&run, fixture->catalog, "show", id, "--json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  return docket_test_parse_json (run.out);
}

static char *
show_text (Fixture    *fixture,
           const char *id)
{
  DocketTestCliRun run = { 0 };

  docket_test_run_cli (&run, fixture->catalog, "show", id, "--json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_free (run.err);
  return run.out;
}

static const char *
review_member (JsonNode   *record,
               const char *member)
{
  JsonObject *review = json_object_get_object_member (json_node_get_object (record), "review");

  return json_object_get_string_member_with_default (review, member, NULL);
}

static void
test_set_history_revert (Fixture       *fixture,
                         gconstpointer  data)
{
  g_auto(DocketTestCliRun) set = { 0 };
  g_auto(DocketTestCliRun) history = { 0 };
  g_auto(DocketTestCliRun) table = { 0 };
  g_auto(DocketTestCliRun) revert = { 0 };
  g_auto(DocketTestCliRun) after = { 0 };
  g_autoptr(JsonNode) changed = NULL;
  g_autoptr(JsonNode) revisions = NULL;
  g_autoptr(JsonNode) reverted = NULL;
  g_autoptr(JsonNode) final = NULL;
  JsonObject *revision = NULL;
  JsonArray *list;
  g_autofree char *revision_id = NULL;

  docket_test_run_cli (&set, fixture->catalog, "set", D206, "subject", "Kosygin Talks", NULL);
  g_assert_cmpint (set.status, ==, 0);
  g_assert_cmpstr (set.err, ==, "");
  changed = show (fixture, D206);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (changed), "subject"), ==,
                   "Kosygin Talks");

  /* A nested key names a member of an object of show --json. */
  {
    g_auto(DocketTestCliRun) nested = { 0 };
    g_autoptr(JsonNode) record = NULL;

    docket_test_run_cli (&nested, fixture->catalog, "set", D206, "source.file", "Subject File, Johnson", NULL);
    g_assert_cmpint (nested.status, ==, 0);
    record = show (fixture, D206);
    g_assert_cmpstr (json_object_get_string_member (
                       json_object_get_object_member (json_node_get_object (record), "source"), "file"),
                     ==, "Subject File, Johnson");
  }

  docket_test_run_cli (&history, fixture->catalog, "history", D206, "--json", NULL);
  g_assert_cmpint (history.status, ==, 0);
  revisions = docket_test_parse_json (history.out);
  list = json_node_get_array (revisions);
  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      JsonObject *object = json_array_get_object_element (list, i);

      if (g_strcmp0 (json_object_get_string_member (object, "field"), "subject") == 0)
        revision = object;
    }
  g_assert_nonnull (revision);
  g_assert_cmpstr (json_object_get_string_member (revision, "old"), ==,
                   "Possible Kosygin Talks on Vietnam Settlement");
  g_assert_cmpstr (json_object_get_string_member (revision, "new"), ==, "Kosygin Talks");
  g_assert_cmpstr (json_object_get_string_member (revision, "who"), !=, "");
  g_assert_true (g_str_has_suffix (json_object_get_string_member (revision, "when"), "Z"));
  revision_id = g_strdup_printf ("%" G_GINT64_FORMAT, json_object_get_int_member (revision, "revision"));

  /* The table: revision, field, old, new, who, when. */
  docket_test_run_cli (&table, fixture->catalog, "history", D206, NULL);
  g_assert_cmpint (table.status, ==, 0);
  {
    g_autofree char *line = g_strdup_printf ("%s\tsubject\tPossible Kosygin Talks on Vietnam Settlement\tKosygin Talks\t",
                                             revision_id);
    g_assert_nonnull (strstr (table.out, line));
  }

  docket_test_run_cli (&revert, fixture->catalog, "revert", revision_id, NULL);
  g_assert_cmpint (revert.status, ==, 0);
  reverted = show (fixture, D206);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (reverted), "subject"), ==,
                   "Possible Kosygin Talks on Vietnam Settlement");
  /* The other change stays. */
  g_assert_cmpstr (json_object_get_string_member (
                     json_object_get_object_member (json_node_get_object (reverted), "source"), "file"),
                   ==, "Subject File, Johnson");

  /* The revert is itself a revision. */
  docket_test_run_cli (&after, fixture->catalog, "history", D206, "--json", NULL);
  final = docket_test_parse_json (after.out);
  list = json_node_get_array (final);
  revision = json_array_get_object_element (list, json_array_get_length (list) - 1);
  g_assert_cmpstr (json_object_get_string_member (revision, "field"), ==, "subject");
  g_assert_cmpstr (json_object_get_string_member (revision, "old"), ==, "Kosygin Talks");
  g_assert_cmpstr (json_object_get_string_member (revision, "new"), ==,
                   "Possible Kosygin Talks on Vietnam Settlement");
}

static void
test_set_rejected (Fixture       *fixture,
                   gconstpointer  data)
{
  const struct { const char *field; const char *value; const char *words; } cases[] = {
    { "colour", "red", "colour" },
    { "date.from", "June 21, 1967", "ISO 8601" },
    { "date.to", "1967-02-30", "date.to" },
    { "review.status", "done", "review.status" },
    { "review.status", "approved", "draft" },
    { "id", "frus1964-68v05d999", "id" },
    { "collection", "elsewhere", "collection" },
    { "classification", "Cosmic Top Secret", "classification" },
    { "subject", "two\nlines", "subject" },
  };
  g_autofree char *before = show_text (fixture, D206);
  g_auto(DocketTestCliRun) history_before = { 0 };
  g_auto(DocketTestCliRun) history_after = { 0 };
  g_auto(DocketTestCliRun) usage = { 0 };
  g_auto(DocketTestCliRun) missing = { 0 };

  docket_test_run_cli (&history_before, fixture->catalog, "history", D206, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(DocketTestCliRun) run = { 0 };
      g_autofree char *after = NULL;

      docket_test_run_cli (&run, fixture->catalog, "set", D206, cases[i].field, cases[i].value, NULL);
      docket_test_assert_one_line_error (&run, 1, cases[i].words);
      g_assert_nonnull (strstr (run.err, D206));
      after = show_text (fixture, D206);
      g_assert_cmpstr (after, ==, before);
    }
  docket_test_run_cli (&history_after, fixture->catalog, "history", D206, NULL);
  g_assert_cmpstr (history_after.out, ==, history_before.out);

  docket_test_run_cli (&usage, fixture->catalog, "set", D206, "subject", NULL);
  g_assert_cmpint (usage.status, ==, 2);
  docket_test_run_cli (&missing, fixture->catalog, "set", "no-such-record", "subject", "x", NULL);
  docket_test_assert_one_line_error (&missing, 1, "no-such-record");
}

static void
test_check_exit_codes (Fixture       *fixture,
                       gconstpointer  data)
{
  g_auto(DocketTestCliRun) clean = { 0 };
  g_auto(DocketTestCliRun) one = { 0 };
  g_auto(DocketTestCliRun) set = { 0 };
  g_auto(DocketTestCliRun) problems = { 0 };
  g_auto(DocketTestCliRun) other = { 0 };
  g_auto(DocketTestCliRun) json = { 0 };
  g_auto(DocketTestCliRun) unknown = { 0 };
  g_autoptr(JsonNode) root = NULL;
  JsonObject *first;
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) columns = NULL;

  docket_test_run_cli (&clean, fixture->catalog, "check", NULL);
  g_assert_cmpint (clean.status, ==, 0);
  g_assert_cmpstr (clean.out, ==, "");
  docket_test_run_cli (&one, fixture->catalog, "check", D207, NULL);
  g_assert_cmpint (one.status, ==, 0);

  /* A range that ends before it starts. */
  docket_test_run_cli (&set, fixture->catalog, "set", D206, "date.to", "1967-06-16", NULL);
  g_assert_cmpint (set.status, ==, 0);
  docket_test_run_cli (&problems, fixture->catalog, "check", NULL);
  g_assert_cmpint (problems.status, ==, 3);
  lines = g_strsplit (g_strchomp (problems.out), "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 1);
  columns = g_strsplit (lines[0], "\t", -1);
  g_assert_cmpuint (g_strv_length (columns), ==, 3);
  g_assert_cmpstr (columns[0], ==, D206);
  g_assert_cmpstr (columns[1], ==, "date.to");
  g_assert_nonnull (strstr (columns[2], "1967-06-16"));

  /* Only the records named are checked. */
  docket_test_run_cli (&other, fixture->catalog, "check", D207, NULL);
  g_assert_cmpint (other.status, ==, 0);

  docket_test_run_cli (&json, fixture->catalog, "check", "--json", D206, NULL);
  g_assert_cmpint (json.status, ==, 3);
  root = docket_test_parse_json (json.out);
  first = json_array_get_object_element (json_node_get_array (root), 0);
  g_assert_cmpstr (json_object_get_string_member (first, "code"), ==, "date-range-reversed");
  g_assert_cmpstr (json_object_get_string_member (first, "field"), ==, "date.to");

  docket_test_run_cli (&unknown, fixture->catalog, "check", "no-such-record", NULL);
  docket_test_assert_one_line_error (&unknown, 1, "no-such-record");
}

static void
test_review_transitions (Fixture       *fixture,
                         gconstpointer  data)
{
  g_auto(DocketTestCliRun) skip = { 0 };
  g_auto(DocketTestCliRun) submit = { 0 };
  g_auto(DocketTestCliRun) send_back = { 0 };
  g_auto(DocketTestCliRun) approve_early = { 0 };
  g_auto(DocketTestCliRun) resubmit = { 0 };
  g_auto(DocketTestCliRun) approve = { 0 };
  g_auto(DocketTestCliRun) bogus = { 0 };
  g_auto(DocketTestCliRun) no_status = { 0 };
  g_autoptr(JsonNode) draft = NULL;
  g_autoptr(JsonNode) returned = NULL;
  g_autoptr(JsonNode) approved = NULL;

  /* A draft is not approved without a review. */
  docket_test_run_cli (&skip, fixture->catalog, "review", D206, "--status", "approved", NULL);
  docket_test_assert_one_line_error (&skip, 1, D206);
  draft = show (fixture, D206);
  g_assert_null (review_member (draft, "status"));

  docket_test_run_cli (&submit, fixture->catalog, "review", D206, "--status", "in-review", NULL);
  g_assert_cmpint (submit.status, ==, 0);

  docket_test_run_cli (&send_back, fixture->catalog, "review", D206, "--status", "changes-requested",
                       "--comment", "Check the date against the dateline", "--reviewer", "Jane Roe", NULL);
  g_assert_cmpint (send_back.status, ==, 0);
  returned = show (fixture, D206);
  g_assert_cmpstr (review_member (returned, "status"), ==, "changes-requested");
  g_assert_cmpstr (review_member (returned, "reviewer"), ==, "Jane Roe");
  g_assert_cmpstr (review_member (returned, "comment"), ==, "Check the date against the dateline");
  g_assert_true (g_str_has_suffix (review_member (returned, "date"), "Z"));

  docket_test_run_cli (&approve_early, fixture->catalog, "review", D206, "--status", "approved", NULL);
  docket_test_assert_one_line_error (&approve_early, 1, "changes-requested");

  docket_test_run_cli (&resubmit, fixture->catalog, "review", D206, "--status", "in-review", NULL);
  g_assert_cmpint (resubmit.status, ==, 0);
  docket_test_run_cli (&approve, fixture->catalog, "review", D206, "--status", "approved", "--reviewer", "Jane Roe", NULL);
  g_assert_cmpint (approve.status, ==, 0);
  /* A clean record approves without a note about problems. */
  g_assert_cmpstr (approve.err, ==, "");
  approved = show (fixture, D206);
  g_assert_cmpstr (review_member (approved, "status"), ==, "approved");
  g_assert_null (review_member (approved, "comment"));

  docket_test_run_cli (&bogus, fixture->catalog, "review", D206, "--status", "done", NULL);
  g_assert_cmpint (bogus.status, ==, 2);
  docket_test_run_cli (&no_status, fixture->catalog, "review", D206, NULL);
  g_assert_cmpint (no_status.status, ==, 2);
}

static void
test_revert_errors (Fixture       *fixture,
                    gconstpointer  data)
{
  g_auto(DocketTestCliRun) not_a_number = { 0 };
  g_auto(DocketTestCliRun) missing = { 0 };
  g_auto(DocketTestCliRun) history = { 0 };

  docket_test_run_cli (&not_a_number, fixture->catalog, "revert", "latest", NULL);
  g_assert_cmpint (not_a_number.status, ==, 2);
  docket_test_run_cli (&missing, fixture->catalog, "revert", "99999", NULL);
  docket_test_assert_one_line_error (&missing, 1, "99999");
  docket_test_run_cli (&history, fixture->catalog, "history", "no-such-record", NULL);
  docket_test_assert_one_line_error (&history, 1, "no-such-record");
}

/* The seed as imported: a classification changed by hand disagrees with
 * the source note's marking. */
static void
test_seed_classification (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *seed = docket_test_shared_path ("corpus", "seed-memorandum.txt", NULL);
  g_autofree char *other = NULL;
  g_auto(DocketTestCliRun) import = { 0 };
  g_auto(DocketTestCliRun) set = { 0 };
  g_auto(DocketTestCliRun) check = { 0 };
  g_autofree char *line = NULL;

  if (seed == NULL)
    return;
  other = g_build_filename (fixture->dir, "seed.db", NULL);
  docket_test_run_cli (&import, other, "import", "--collection", "frus1964-68v05", seed, NULL);
  g_assert_cmpint (import.status, ==, 0);
  docket_test_run_cli (&set, other, "set", D206, "classification", "secret", NULL);
  g_assert_cmpint (set.status, ==, 0);
  docket_test_run_cli (&check, other, "check", D206, NULL);
  g_assert_cmpint (check.status, ==, 3);
  line = g_strdup_printf ("%s\tclassification\t", D206);
  g_assert_nonnull (strstr (check.out, line));
  g_assert_nonnull (strstr (check.out, "Top Secret"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/docket/cli/review/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("set-history-revert", test_set_history_revert);
  ADD ("set-rejected", test_set_rejected);
  ADD ("check-exit-codes", test_check_exit_codes);
  ADD ("review-transitions", test_review_transitions);
  ADD ("revert-errors", test_revert_errors);
  ADD ("seed-classification", test_seed_classification);

  return g_test_run ();
}
