/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

/* The review layer: every check on crafted records (one that trips it and
 * one that does not), the status transitions, field edits and the export
 * gate, and the checks against a real catalog. */

#include "config.h"

#include <glib/gstdio.h>

#include "docket-review.h"
#include "docket-test-review-records.h"
#include "docket-test-util.h"

#define LINKED_ID "frus1964-68v05d207"

static gboolean
exists_in_list (const char *id,
                gpointer    user_data)
{
  return g_strv_contains ((const char * const *) user_data, id);
}

static const char *known_ids[] = { "frus1964-68v05d206", LINKED_ID, NULL };

static DocketRecord *
clean_record (void)
{
  return docket_test_clean_record ("frus1964-68v05d206", LINKED_ID);
}

static GPtrArray *
check (DocketRecord *record)
{
  return docket_review_check_record (record, exists_in_list, known_ids);
}

/* The number of problems with @code (and @field, unless %NULL). */
static guint
count (GPtrArray        *problems,
       DocketReviewCode  code,
       const char       *field)
{
  guint n = 0;

  for (guint i = 0; i < problems->len; i++)
    {
      const DocketReviewProblem *problem = g_ptr_array_index (problems, i);

      if (problem->code == code && (field == NULL || g_str_equal (problem->field, field)))
        {
          g_assert_cmpstr (problem->record_id, ==, "frus1964-68v05d206");
          g_assert_true (problem->message != NULL && problem->message[0] != '\0');
          g_assert_null (strchr (problem->message, '\n'));
          n++;
        }
    }
  return n;
}

static void
print_problems (GPtrArray *problems)
{
  for (guint i = 0; i < problems->len; i++)
    {
      const DocketReviewProblem *problem = g_ptr_array_index (problems, i);

      g_test_message ("%s\t%s\t%s", docket_review_code_to_string (problem->code),
                      problem->field, problem->message);
    }
}

/* Sets @field of a clean record to @value, and asserts that the checks
 * find @code on @expected_field and nothing else. */
static void
assert_trips (DocketField       field,
              const char       *value,
              DocketReviewCode  code,
              const char       *expected_field)
{
  g_autoptr(DocketRecord) record = clean_record ();
  g_autoptr(GPtrArray) problems = NULL;

  docket_record_set (record, field, value);
  problems = check (record);
  print_problems (problems);
  g_assert_cmpuint (count (problems, code, expected_field), >=, 1);
}

static void
assert_clean (DocketRecord *record)
{
  g_autoptr(GPtrArray) problems = check (record);

  print_problems (problems);
  g_assert_cmpuint (problems->len, ==, 0);
}

static void
test_clean (void)
{
  g_autoptr(DocketRecord) record = clean_record ();

  assert_clean (record);
}

static void
test_classification (void)
{
  g_autoptr(DocketRecord) lower = clean_record ();
  g_autoptr(DocketRecord) long_caveat = clean_record ();
  g_autoptr(DocketRecord) bad_caveat = clean_record ();
  g_autoptr(GPtrArray) problems = NULL;

  assert_trips (DOCKET_FIELD_CLASSIFICATION, NULL, DOCKET_REVIEW_CLASSIFICATION_MISSING, "classification");
  assert_trips (DOCKET_FIELD_CLASSIFICATION, "Cosmic Top Secret",
                DOCKET_REVIEW_CLASSIFICATION_UNRECOGNIZED, "classification");

  /* Spelling in another case is the same marking. */
  docket_record_set (lower, DOCKET_FIELD_CLASSIFICATION, "top secret");
  assert_clean (lower);

  /* FRUS prints "Official Use Only" too; the source note and the field agree. */
  {
    g_autoptr(DocketRecord) ouo = clean_record ();

    docket_record_set (ouo, DOCKET_FIELD_CLASSIFICATION, "Official Use Only");
    docket_record_set (ouo, DOCKET_FIELD_CAVEATS, NULL);
    docket_record_set (ouo, DOCKET_FIELD_SOURCE_TEXT,
                       "Source: Library of Congress, Manuscript Division, Harriman Papers. "
                       "Official Use Only.");
    assert_clean (ouo);
  }

  /* A caveat is recognized by the word it opens with. */
  docket_record_set (long_caveat, DOCKET_FIELD_CAVEATS, "Nodis; Eyes Only for the Secretary; Ban—Eyes Only");
  docket_record_set (long_caveat, DOCKET_FIELD_SOURCE_TEXT,
                     "Source: Library of Congress, Manuscript Division, Harriman Papers. "
                     "Top Secret; Nodis; Eyes Only for the Secretary; Ban—Eyes Only.");
  assert_clean (long_caveat);

  /* A note that says the document is unmarked makes an empty field right. */
  {
    g_autoptr(DocketRecord) unmarked = clean_record ();
    g_autoptr(GPtrArray) found = NULL;

    docket_record_set (unmarked, DOCKET_FIELD_CLASSIFICATION, NULL);
    docket_record_set (unmarked, DOCKET_FIELD_CAVEATS, NULL);
    docket_record_set (unmarked, DOCKET_FIELD_SOURCE_TEXT,
                       "Source: Library of Congress, Manuscript Division, Harriman Papers. "
                       "No classification marking.");
    assert_clean (unmarked);
    docket_record_set (unmarked, DOCKET_FIELD_SOURCE_TEXT,
                       "Source: Library of Congress, Manuscript Division, Harriman Papers.");
    found = check (unmarked);
    g_assert_cmpuint (count (found, DOCKET_REVIEW_CLASSIFICATION_MISSING, "classification"), ==, 1);
  }

  docket_record_set (bad_caveat, DOCKET_FIELD_CAVEATS, "Nodis; Burn Before Reading");
  problems = check (bad_caveat);
  g_assert_cmpuint (count (problems, DOCKET_REVIEW_CAVEAT_UNRECOGNIZED, "caveats"), ==, 1);
}

static void
test_classification_mismatch (void)
{
  g_autoptr(DocketRecord) caveats = clean_record ();
  g_autoptr(DocketRecord) no_marking = clean_record ();
  g_autoptr(GPtrArray) problems = NULL;

  assert_trips (DOCKET_FIELD_CLASSIFICATION, "Secret", DOCKET_REVIEW_CLASSIFICATION_MISMATCH,
                "classification");

  docket_record_set (caveats, DOCKET_FIELD_CAVEATS, "Exdis");
  problems = check (caveats);
  g_assert_cmpuint (count (problems, DOCKET_REVIEW_CAVEATS_MISMATCH, "caveats"), ==, 1);
  g_assert_cmpuint (count (problems, DOCKET_REVIEW_CLASSIFICATION_MISMATCH, NULL), ==, 0);
  g_clear_pointer (&problems, g_ptr_array_unref);

  /* A note without a marking has nothing to disagree with. */
  docket_record_set (no_marking, DOCKET_FIELD_SOURCE_TEXT,
                     "Source: Library of Congress, Manuscript Division, Harriman Papers. "
                     "No classification marking.");
  problems = check (no_marking);
  g_assert_cmpuint (count (problems, DOCKET_REVIEW_CLASSIFICATION_MISMATCH, NULL), ==, 0);
  g_assert_cmpuint (count (problems, DOCKET_REVIEW_CAVEATS_MISMATCH, NULL), ==, 0);
}

static void
test_source_note (void)
{
  assert_trips (DOCKET_FIELD_SOURCE_TEXT, NULL, DOCKET_REVIEW_SOURCE_MISSING, "source.text");
  assert_trips (DOCKET_FIELD_SOURCE_TEXT, "Source: Notes taken by an aide. Top Secret; Nodis.",
                DOCKET_REVIEW_SOURCE_UNPARSED, "source.text");
}

static void
test_repository (void)
{
  assert_trips (DOCKET_FIELD_SOURCE_REPOSITORY, NULL, DOCKET_REVIEW_REPOSITORY_MISSING,
                "source.repository");
}

static void
test_date (void)
{
  g_autoptr(DocketRecord) missing = clean_record ();
  g_autoptr(DocketRecord) undated = clean_record ();
  g_autoptr(DocketRecord) coarse = clean_record ();
  g_autoptr(DocketRecord) timed = clean_record ();
  g_autoptr(GPtrArray) problems = NULL;

  docket_record_set (missing, DOCKET_FIELD_DATE_TEXT, NULL);
  docket_record_set (missing, DOCKET_FIELD_DATE_FROM, NULL);
  docket_record_set (missing, DOCKET_FIELD_DATE_TO, NULL);
  docket_record_set (missing, DOCKET_FIELD_DATE_CERTAINTY, NULL);
  problems = check (missing);
  g_assert_cmpuint (count (problems, DOCKET_REVIEW_DATE_MISSING, "date.text"), ==, 1);
  g_clear_pointer (&problems, g_ptr_array_unref);

  /* "undated" is a date in DACS's sense (2.4.16). */
  docket_record_set (undated, DOCKET_FIELD_DATE_TEXT, "undated");
  docket_record_set (undated, DOCKET_FIELD_DATE_FROM, NULL);
  docket_record_set (undated, DOCKET_FIELD_DATE_TO, NULL);
  docket_record_set (undated, DOCKET_FIELD_DATE_CERTAINTY, "undated");
  assert_clean (undated);

  assert_trips (DOCKET_FIELD_DATE_FROM, NULL, DOCKET_REVIEW_DATE_NOT_NORMALIZED, "date.from");
  assert_trips (DOCKET_FIELD_DATE_FROM, "June 21, 1967", DOCKET_REVIEW_DATE_NOT_NORMALIZED, "date.from");
  assert_trips (DOCKET_FIELD_DATE_FROM, "1967-02-30", DOCKET_REVIEW_DATE_NOT_NORMALIZED, "date.from");
  assert_trips (DOCKET_FIELD_DATE_TO, "21/06/1967", DOCKET_REVIEW_DATE_NOT_NORMALIZED, "date.to");
  assert_trips (DOCKET_FIELD_DATE_TO, "1967-06-16", DOCKET_REVIEW_DATE_RANGE_REVERSED, "date.to");

  /* Coarser precision on one end is not a reversed range; times are kept. */
  docket_record_set (coarse, DOCKET_FIELD_DATE_TO, "1967");
  assert_clean (coarse);
  docket_record_set (timed, DOCKET_FIELD_DATE_FROM, "1967-06-21T15:05");
  docket_record_set (timed, DOCKET_FIELD_DATE_TO, "1967-06-21T15:55Z");
  assert_clean (timed);
}

static void
test_markers (void)
{
  g_autoptr(DocketRecord) orphan_marker = clean_record ();
  g_autoptr(DocketRecord) orphan_note = clean_record ();
  g_autoptr(DocketRecord) no_body = clean_record ();
  g_autoptr(GPtrArray) problems = NULL;
  DocketBlock *block;

  block = docket_block_new (DOCKET_BLOCK_PARAGRAPH, "A paragraph with a stray marker.");
  docket_block_add_anchor (block, DOCKET_ANCHOR_FOOTNOTE, 11, "frus1964-68v05d206fn9");
  /* A page break is not a footnote marker. */
  docket_block_add_anchor (block, DOCKET_ANCHOR_PAGE_BREAK, 20, "522");
  docket_record_add_block (orphan_marker, block);
  problems = check (orphan_marker);
  print_problems (problems);
  g_assert_cmpuint (count (problems, DOCKET_REVIEW_MARKER_WITHOUT_FOOTNOTE, "body"), ==, 1);
  g_assert_cmpuint (problems->len, ==, 1);
  g_clear_pointer (&problems, g_ptr_array_unref);

  docket_record_add_footnote (orphan_note,
                              docket_footnote_new ("frus1964-68v05d206fn3", "3",
                                                   DOCKET_FOOTNOTE_PRINTING,
                                                   "Printed from an unsigned copy."));
  problems = check (orphan_note);
  g_assert_cmpuint (count (problems, DOCKET_REVIEW_FOOTNOTE_WITHOUT_MARKER, "footnotes"), ==, 1);
  g_assert_cmpuint (problems->len, ==, 1);
  g_clear_pointer (&problems, g_ptr_array_unref);

  /* A description without transcribed text has nowhere to put markers. */
  g_ptr_array_set_size (docket_record_get_body (no_body), 0);
  assert_clean (no_body);
}

static void
test_links (void)
{
  g_autoptr(DocketRecord) broken = docket_test_clean_record ("frus1964-68v05d206", "frus1964-68v05d999");
  g_autoptr(DocketRecord) empty = docket_test_clean_record ("frus1964-68v05d206", "");
  g_autoptr(DocketRecord) unchecked = docket_test_clean_record ("frus1964-68v05d206", "frus1964-68v05d999");
  g_autoptr(GPtrArray) problems = NULL;

  problems = check (broken);
  g_assert_cmpuint (count (problems, DOCKET_REVIEW_LINK_TARGET_MISSING, "footnotes"), ==, 1);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_nonnull (strstr (((DocketReviewProblem *) problems->pdata[0])->message, "frus1964-68v05d999"));
  g_clear_pointer (&problems, g_ptr_array_unref);

  problems = check (empty);
  g_assert_cmpuint (count (problems, DOCKET_REVIEW_LINK_TARGET_MISSING, "footnotes"), ==, 1);
  g_clear_pointer (&problems, g_ptr_array_unref);

  /* Without a way to look records up, links are not judged. */
  problems = docket_review_check_record (unchecked, NULL, NULL);
  g_assert_cmpuint (problems->len, ==, 0);
}

static void
test_dacs (void)
{
  g_autoptr(DocketRecord) item = clean_record ();
  g_autoptr(DocketRecord) file = clean_record ();
  g_autoptr(DocketRecord) untitled = clean_record ();
  g_autoptr(DocketRecord) anonymous = clean_record ();
  g_autoptr(DocketRecord) unknown_author = clean_record ();
  g_autoptr(GPtrArray) problems = NULL;

  assert_trips (DOCKET_FIELD_TITLE, NULL, DOCKET_REVIEW_DACS_MISSING, "title");
  assert_trips (DOCKET_FIELD_EXTENT, NULL, DOCKET_REVIEW_DACS_MISSING, "extent");
  assert_trips (DOCKET_FIELD_LANGUAGE, NULL, DOCKET_REVIEW_DACS_MISSING, "language");
  /* The classification is exported as a condition governing access
   * (DACS 4.1), so access is missing only when both are. */
  {
    g_autoptr(DocketRecord) no_access = clean_record ();
    g_autoptr(GPtrArray) found = NULL;

    docket_record_set (no_access, DOCKET_FIELD_ACCESS_CONDITIONS, NULL);
    assert_clean (no_access);
    docket_record_set (no_access, DOCKET_FIELD_CLASSIFICATION, NULL);
    docket_record_set (no_access, DOCKET_FIELD_CAVEATS, NULL);
    docket_record_set (no_access, DOCKET_FIELD_SOURCE_TEXT,
                       "Source: Library of Congress, Manuscript Division, Harriman Papers.");
    found = check (no_access);
    print_problems (found);
    g_assert_cmpuint (count (found, DOCKET_REVIEW_DACS_MISSING, "access"), ==, 1);
  }

  /* Scope and content is optional for an item whose title says enough… */
  docket_record_set (item, DOCKET_FIELD_SCOPE, NULL);
  assert_clean (item);
  /* …but not for a file, nor for an untitled item. */
  docket_record_set (file, DOCKET_FIELD_LEVEL, "file");
  problems = check (file);
  g_assert_cmpuint (count (problems, DOCKET_REVIEW_DACS_MISSING, "scope"), ==, 1);
  g_clear_pointer (&problems, g_ptr_array_unref);
  docket_record_set (untitled, DOCKET_FIELD_TITLE, NULL);
  problems = check (untitled);
  g_assert_cmpuint (count (problems, DOCKET_REVIEW_DACS_MISSING, "scope"), ==, 1);
  g_assert_cmpuint (count (problems, DOCKET_REVIEW_DACS_MISSING, "title"), ==, 1);
  g_clear_pointer (&problems, g_ptr_array_unref);

  /* DACS 2.6: the creator, when the heading makes it known. */
  g_ptr_array_set_size (docket_record_get_agents (anonymous), 0);
  problems = check (anonymous);
  g_assert_cmpuint (count (problems, DOCKET_REVIEW_DACS_MISSING, "authors"), ==, 1);
  g_clear_pointer (&problems, g_ptr_array_unref);
  g_ptr_array_set_size (docket_record_get_agents (unknown_author), 0);
  docket_record_set (unknown_author, DOCKET_FIELD_HEADING, "Editorial Note");
  assert_clean (unknown_author);
}

static void
test_codes (void)
{
  DocketReviewCode code;

  for (guint i = 0; i < DOCKET_N_REVIEW_CODES; i++)
    {
      g_assert_true (docket_review_code_from_string (docket_review_code_to_string (i), &code));
      g_assert_cmpuint (code, ==, i);
    }
  g_assert_cmpstr (docket_review_code_to_string (DOCKET_REVIEW_DATE_RANGE_REVERSED), ==,
                   "date-range-reversed");
  g_assert_false (docket_review_code_from_string ("no-such-check", &code));
}

static void
test_iso8601 (void)
{
  const char *good[] = { "1967", "1967-06", "1967-06-21", "1967-06-21T19:00", "1967-06-21T13:30Z",
                         "1967-06-21T13:30:05.25+02:00", "1964-02-29", "1967-06-21T24:00" };
  const char *bad[] = { "", "67", "1967-6-21", "1967-13", "1967-02-29", "June 1967", "19670621",
                        "1967-06-21 19:00", "1967-06-21T25:00", "1967-06-21T19:00+", "0000",
                        "1967-06-21T19", "1967/1968" };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    g_assert_true (docket_review_value_is_iso8601 (good[i]));
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    g_assert_false (docket_review_value_is_iso8601 (bad[i]));

  g_assert_true (docket_review_value_range_is_reversed ("1967-06-21", "1967-06-16"));
  g_assert_true (docket_review_value_range_is_reversed ("1967", "1966-12"));
  g_assert_false (docket_review_value_range_is_reversed ("1967-06-16", "1967-06-23"));
  g_assert_false (docket_review_value_range_is_reversed ("1967-06", "1967"));
  g_assert_false (docket_review_value_range_is_reversed ("bad", "1900"));
}

static void
test_status_strings (void)
{
  DocketReviewStatus status;

  for (guint i = 0; i < DOCKET_N_REVIEW_STATUSES; i++)
    {
      g_assert_true (docket_review_status_from_string (docket_review_status_to_string (i), &status));
      g_assert_cmpuint (status, ==, i);
      g_assert_nonnull (docket_review_status_get_label (i));
    }
  g_assert_true (docket_review_status_from_string ("in_review", &status));
  g_assert_cmpuint (status, ==, DOCKET_REVIEW_STATUS_IN_REVIEW);
  g_assert_false (docket_review_status_from_string ("done", &status));
  g_assert_true (docket_review_status_parse_field (NULL, &status));
  g_assert_cmpuint (status, ==, DOCKET_REVIEW_STATUS_DRAFT);
}

static void
test_transitions (void)
{
  /* [from][to]: the moves DocketReviewStatus documents. */
  static const gboolean expected[4][4] = {
    /* to:          draft  in-review approved changes */
    /* draft */    { FALSE, TRUE,     FALSE,   FALSE },
    /* in-review */{ TRUE,  FALSE,    TRUE,    TRUE  },
    /* approved */ { TRUE,  TRUE,     FALSE,   FALSE },
    /* changes */  { TRUE,  TRUE,     FALSE,   FALSE },
  };

  for (guint from = 0; from < DOCKET_N_REVIEW_STATUSES; from++)
    for (guint to = 0; to < DOCKET_N_REVIEW_STATUSES; to++)
      {
        g_autoptr(DocketRecord) record = clean_record ();
        g_autoptr(DocketRecord) before = NULL;
        g_autoptr(GError) error = NULL;
        gboolean ok;

        g_assert_cmpint (docket_review_status_can_change (from, to), ==, expected[from][to]);

        docket_record_set (record, DOCKET_FIELD_REVIEW_STATUS,
                           from == DOCKET_REVIEW_STATUS_DRAFT ? NULL : docket_review_status_to_string (from));
        docket_record_set (record, DOCKET_FIELD_REVIEW_COMMENT, "Earlier comment");
        before = docket_record_copy (record);
        ok = docket_review_set_status (record, to, "A. Reviewer", NULL, &error);
        g_assert_cmpint (ok, ==, expected[from][to]);
        if (ok)
          {
            g_assert_no_error (error);
            g_assert_cmpstr (docket_record_get (record, DOCKET_FIELD_REVIEW_STATUS), ==,
                             docket_review_status_to_string (to));
            /* The old comment belongs to the old status; the history keeps it. */
            g_assert_null (docket_record_get (record, DOCKET_FIELD_REVIEW_COMMENT));
          }
        else
          {
            g_assert_error (error, DOCKET_REVIEW_ERROR, DOCKET_REVIEW_ERROR_INVALID_TRANSITION);
            g_assert_nonnull (strstr (error->message, "frus1964-68v05d206"));
            g_assert_true (docket_record_equal (record, before));
          }
      }
}

static void
test_set_status_fields (void)
{
  g_autoptr(DocketRecord) record = clean_record ();
  g_autoptr(DocketRecord) odd = clean_record ();
  g_autoptr(GError) error = NULL;
  g_autofree char *expected_reviewer = docket_review_dup_default_reviewer ();
  const char *date;

  g_assert_true (docket_review_set_status (record, DOCKET_REVIEW_STATUS_IN_REVIEW, NULL,
                                           "Please check the date", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (docket_record_get (record, DOCKET_FIELD_REVIEWER), ==, expected_reviewer);
  g_assert_cmpstr (docket_record_get (record, DOCKET_FIELD_REVIEW_COMMENT), ==, "Please check the date");
  date = docket_record_get (record, DOCKET_FIELD_REVIEW_DATE);
  g_assert_true (docket_review_value_is_iso8601 (date));
  g_assert_true (g_str_has_suffix (date, "Z"));

  g_assert_true (docket_review_set_status (record, DOCKET_REVIEW_STATUS_APPROVED, "Jane Roe", NULL, &error));
  g_assert_cmpstr (docket_record_get (record, DOCKET_FIELD_REVIEWER), ==, "Jane Roe");

  /* A status this version does not know may only be reset. */
  docket_record_set (odd, DOCKET_FIELD_REVIEW_STATUS, "frozen");
  g_assert_false (docket_review_set_status (odd, DOCKET_REVIEW_STATUS_APPROVED, NULL, NULL, &error));
  g_assert_error (error, DOCKET_REVIEW_ERROR, DOCKET_REVIEW_ERROR_INVALID_TRANSITION);
  g_clear_error (&error);
  g_assert_true (docket_review_set_status (odd, DOCKET_REVIEW_STATUS_DRAFT, NULL, NULL, &error));
  g_assert_no_error (error);
}

static void
assert_set_fails (const char *key,
                  const char *value,
                  int         code)
{
  g_autoptr(DocketRecord) record = clean_record ();
  g_autoptr(DocketRecord) before = docket_record_copy (record);
  g_autoptr(GError) error = NULL;

  g_assert_false (docket_review_set_field (record, key, value, &error));
  g_assert_error (error, DOCKET_REVIEW_ERROR, code);
  /* The message names the field, or for a refused move the record. */
  if (code == DOCKET_REVIEW_ERROR_INVALID_TRANSITION)
    g_assert_nonnull (strstr (error->message, "frus1964-68v05d206"));
  else
    g_assert_nonnull (strstr (error->message, key));
  g_assert_null (strchr (error->message, '\n'));
  g_assert_true (docket_record_equal (record, before));
}

static void
test_set_field (void)
{
  g_autoptr(DocketRecord) record = clean_record ();
  g_autoptr(GError) error = NULL;

  g_assert_true (docket_review_set_field (record, "subject", "  A new subject ", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (docket_record_get (record, DOCKET_FIELD_SUBJECT), ==, "A new subject");
  g_assert_true (docket_review_set_field (record, "date.from", "1967-06-20", &error));
  g_assert_cmpstr (docket_record_get (record, DOCKET_FIELD_DATE_FROM), ==, "1967-06-20");
  g_assert_true (docket_review_set_field (record, "classification", "top secret", &error));
  g_assert_cmpstr (docket_record_get (record, DOCKET_FIELD_CLASSIFICATION), ==, "Top Secret");
  g_assert_true (docket_review_set_field (record, "caveats", "Nodis ,Eyes Only", &error));
  g_assert_cmpstr (docket_record_get (record, DOCKET_FIELD_CAVEATS), ==, "Nodis; Eyes Only");
  g_assert_true (docket_review_set_field (record, "scope", "Line one.\nLine two.", &error));
  g_assert_true (docket_review_set_field (record, "language", "eng; fre", &error));
  g_assert_true (docket_review_set_field (record, "place", "", &error));
  g_assert_null (docket_record_get (record, DOCKET_FIELD_PLACE));
  g_assert_true (docket_review_set_field (record, "review.status", "in-review", &error));
  g_assert_cmpstr (docket_record_get (record, DOCKET_FIELD_REVIEW_STATUS), ==, "in-review");
  g_assert_nonnull (docket_record_get (record, DOCKET_FIELD_REVIEWER));
  g_assert_no_error (error);

  assert_set_fails ("colour", "red", DOCKET_REVIEW_ERROR_UNKNOWN_FIELD);
  assert_set_fails ("id", "frus1964-68v05d999", DOCKET_REVIEW_ERROR_READ_ONLY);
  assert_set_fails ("collection", "other", DOCKET_REVIEW_ERROR_READ_ONLY);
  assert_set_fails ("parent_path", "a/b", DOCKET_REVIEW_ERROR_READ_ONLY);
  assert_set_fails ("date.from", "June 21, 1967", DOCKET_REVIEW_ERROR_INVALID_VALUE);
  assert_set_fails ("date.to", "1967-02-30", DOCKET_REVIEW_ERROR_INVALID_VALUE);
  assert_set_fails ("date.certainty", "sure", DOCKET_REVIEW_ERROR_INVALID_VALUE);
  assert_set_fails ("review.status", "done", DOCKET_REVIEW_ERROR_INVALID_VALUE);
  assert_set_fails ("review.status", "approved", DOCKET_REVIEW_ERROR_INVALID_TRANSITION);
  assert_set_fails ("classification", "Cosmic", DOCKET_REVIEW_ERROR_INVALID_VALUE);
  assert_set_fails ("caveats", "Nodis; Burn Before Reading", DOCKET_REVIEW_ERROR_INVALID_VALUE);
  assert_set_fails ("language", "English", DOCKET_REVIEW_ERROR_INVALID_VALUE);
  assert_set_fails ("language", "eng; French", DOCKET_REVIEW_ERROR_INVALID_VALUE);
  assert_set_fails ("url", "not a url", DOCKET_REVIEW_ERROR_INVALID_VALUE);
  assert_set_fails ("subject", "two\nlines", DOCKET_REVIEW_ERROR_INVALID_VALUE);
  assert_set_fails ("subject", "bad \xff byte", DOCKET_REVIEW_ERROR_INVALID_VALUE);
}

static DocketRecord *
record_with_status (const char *id,
                    const char *status)
{
  DocketRecord *record = docket_test_clean_record (id, NULL);

  docket_record_set (record, DOCKET_FIELD_REVIEW_STATUS, status);
  return record;
}

static void
test_export_gate (void)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) kept = NULL;
  g_autoptr(GPtrArray) left_out = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) none_left = NULL;
  g_autoptr(GPtrArray) no_out = NULL;

  g_ptr_array_add (records, record_with_status ("d1", "approved"));
  g_ptr_array_add (records, record_with_status ("d2", NULL));
  g_ptr_array_add (records, record_with_status ("d3", "in-review"));
  g_ptr_array_add (records, record_with_status ("d4", "approved"));
  g_ptr_array_add (records, record_with_status ("d5", "changes-requested"));

  kept = docket_review_filter_exportable (records, FALSE, &left_out);
  g_assert_cmpuint (kept->len, ==, 2);
  g_assert_cmpstr (docket_record_get_id (kept->pdata[0]), ==, "d1");
  g_assert_cmpstr (docket_record_get_id (kept->pdata[1]), ==, "d4");
  g_assert_cmpuint (left_out->len, ==, 3);
  g_assert_cmpstr (left_out->pdata[0], ==, "d2");
  g_assert_cmpstr (left_out->pdata[1], ==, "d3");
  g_assert_cmpstr (left_out->pdata[2], ==, "d5");

  all = docket_review_filter_exportable (records, TRUE, &none_left);
  g_assert_cmpuint (all->len, ==, 5);
  g_assert_cmpuint (none_left->len, ==, 0);

  no_out = docket_review_filter_exportable (records, FALSE, NULL);
  g_assert_cmpuint (no_out->len, ==, 2);
  /* The input is untouched and the output holds its own references. */
  g_assert_cmpuint (records->len, ==, 5);
}

typedef struct
{
  char        *dir;
  DocketStore *store;
} StoreFixture;

static void
store_set_up (StoreFixture  *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(DocketCollection) collection = docket_collection_new ("frus1964-68v05", "Vietnam, 1967");
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);

  fixture->dir = docket_test_make_tmpdir ();
  path = g_build_filename (fixture->dir, "catalog.db", NULL);
  fixture->store = docket_store_open (path, &error);
  g_assert_no_error (error);

  /* d206 cites d207, which is in the catalog; d208 cites d999, which is not. */
  g_ptr_array_add (records, docket_test_clean_record ("frus1964-68v05d206", "frus1964-68v05d207"));
  g_ptr_array_add (records, docket_test_clean_record ("frus1964-68v05d207", NULL));
  g_ptr_array_add (records, docket_test_clean_record ("frus1964-68v05d208", "frus1964-68v05d999"));
  docket_store_insert_records (fixture->store, collection, records,
                               DOCKET_STORE_INSERT_FAIL_ON_EXISTING, NULL, &error);
  g_assert_no_error (error);
}

static void
store_tear_down (StoreFixture  *fixture,
                 gconstpointer  data)
{
  g_clear_object (&fixture->store);
  docket_test_rmdir (fixture->dir);
  g_free (fixture->dir);
}

static void
test_store_check (StoreFixture  *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) one = NULL;
  g_autoptr(GPtrArray) missing = NULL;
  const char *ids[] = { "frus1964-68v05d206", NULL };
  const char *unknown[] = { "frus1964-68v05d206", "no-such-record", NULL };
  const DocketReviewProblem *problem;

  all = docket_review_check_catalog (fixture->store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 1);
  problem = g_ptr_array_index (all, 0);
  g_assert_cmpuint (problem->code, ==, DOCKET_REVIEW_LINK_TARGET_MISSING);
  g_assert_cmpstr (problem->record_id, ==, "frus1964-68v05d208");

  one = docket_review_check_catalog (fixture->store, ids, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (one->len, ==, 0);

  missing = docket_review_check_catalog (fixture->store, unknown, &error);
  g_assert_null (missing);
  g_assert_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_NOT_FOUND);
}

static void
check_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  GPtrArray **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = docket_review_check_catalog_finish (DOCKET_STORE (source), result, &error);
  g_assert_no_error (error);
}

static void
test_store_check_async (StoreFixture  *fixture,
                        gconstpointer  data)
{
  g_autoptr(GPtrArray) problems = NULL;

  docket_review_check_catalog_async (fixture->store, NULL, NULL, check_done_cb, &problems);
  while (problems == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (problems->len, ==, 1);
}

static void
test_store_change_status (StoreFixture  *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DocketRecord) in_review = NULL;
  g_autoptr(DocketRecord) approved = NULL;
  g_autoptr(DocketRecord) again = NULL;
  g_autoptr(DocketRecord) reloaded = NULL;
  g_autoptr(GPtrArray) revisions = NULL;
  gboolean saw_status = FALSE;

  in_review = docket_review_change_status (fixture->store, "frus1964-68v05d206",
                                           DOCKET_REVIEW_STATUS_IN_REVIEW, "Jane Roe", "Look at fn 2", &error);
  g_assert_no_error (error);
  approved = docket_review_change_status (fixture->store, "frus1964-68v05d206",
                                          DOCKET_REVIEW_STATUS_APPROVED, "Jane Roe", NULL, &error);
  g_assert_no_error (error);

  /* Approved twice is an error, and changes nothing. */
  again = docket_review_change_status (fixture->store, "frus1964-68v05d206",
                                       DOCKET_REVIEW_STATUS_APPROVED, NULL, NULL, &error);
  g_assert_null (again);
  g_assert_error (error, DOCKET_REVIEW_ERROR, DOCKET_REVIEW_ERROR_INVALID_TRANSITION);
  g_clear_error (&error);

  reloaded = docket_store_load_record (fixture->store, "frus1964-68v05d206", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (docket_record_get (reloaded, DOCKET_FIELD_REVIEW_STATUS), ==, "approved");
  g_assert_cmpint (docket_record_get_version (reloaded), ==, docket_record_get_version (approved));

  revisions = docket_store_list_revisions (fixture->store, "frus1964-68v05d206", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < revisions->len; i++)
    {
      const DocketRevision *revision = g_ptr_array_index (revisions, i);

      if (g_strcmp0 (revision->field, "review.status") == 0 &&
          g_strcmp0 (revision->old_value, "in-review") == 0 &&
          g_strcmp0 (revision->new_value, "approved") == 0)
        saw_status = TRUE;
    }
  g_assert_true (saw_status);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/docket/review/check/clean", test_clean);
  g_test_add_func ("/docket/review/check/classification", test_classification);
  g_test_add_func ("/docket/review/check/classification-mismatch", test_classification_mismatch);
  g_test_add_func ("/docket/review/check/source-note", test_source_note);
  g_test_add_func ("/docket/review/check/repository", test_repository);
  g_test_add_func ("/docket/review/check/date", test_date);
  g_test_add_func ("/docket/review/check/markers", test_markers);
  g_test_add_func ("/docket/review/check/links", test_links);
  g_test_add_func ("/docket/review/check/dacs", test_dacs);
  g_test_add_func ("/docket/review/check/codes", test_codes);
  g_test_add_func ("/docket/review/value/iso8601", test_iso8601);
  g_test_add_func ("/docket/review/status/strings", test_status_strings);
  g_test_add_func ("/docket/review/status/transitions", test_transitions);
  g_test_add_func ("/docket/review/status/fields", test_set_status_fields);
  g_test_add_func ("/docket/review/set-field", test_set_field);
  g_test_add_func ("/docket/review/export-gate", test_export_gate);

#define ADD(path, func) \
  g_test_add ("/docket/review/" path, StoreFixture, NULL, store_set_up, func, store_tear_down)

  ADD ("store/check-catalog", test_store_check);
  ADD ("store/check-catalog-async", test_store_check_async);
  ADD ("store/change-status", test_store_change_status);

  return g_test_run ();
}
