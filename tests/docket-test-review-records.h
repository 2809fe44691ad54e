/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#pragma once

/* A crafted record that passes every review check, shared by the review
 * tests; each test spoils one thing in it. Header-only so that a test
 * needs no extra source file. */

#include <string.h>

#include "docket-model.h"

#define DOCKET_TEST_SOURCE_NOTE \
  "Source: Library of Congress, Manuscript Division, Harriman Papers, Special Files, " \
  "Public Service, Subject File, Johnson, Lyndon 1967. Top Secret; Nodis."

static inline DocketRecord *
docket_test_clean_record (const char *id,
                          const char *linked_id)
{
  DocketRecord *record = docket_record_new ();
  g_autofree char *fn1 = g_strdup_printf ("%sfn1", id);
  g_autofree char *fn2 = g_strdup_printf ("%sfn2", id);
  DocketBlock *heading;
  DocketBlock *paragraph;
  DocketFootnote *source;
  DocketFootnote *editorial;

  docket_record_set_id (record, id);
  docket_record_set (record, DOCKET_FIELD_NUMBER, "206");
  docket_record_set (record, DOCKET_FIELD_HEADING,
                     "Memorandum From the Ambassador at Large (Harriman) to President Johnson");
  docket_record_set (record, DOCKET_FIELD_SUBJECT, "Possible Kosygin Talks on Vietnam Settlement");
  docket_record_set (record, DOCKET_FIELD_TITLE,
                     "W. Averell Harriman memorandum to Lyndon B. Johnson regarding possible "
                     "Kosygin talks on Vietnam settlement");
  docket_record_set (record, DOCKET_FIELD_TYPE, "memorandum");
  docket_record_set (record, DOCKET_FIELD_DATE_TEXT, "June 21, 1967");
  docket_record_set (record, DOCKET_FIELD_DATE_FROM, "1967-06-21");
  docket_record_set (record, DOCKET_FIELD_DATE_TO, "1967-06-21");
  docket_record_set (record, DOCKET_FIELD_DATE_CERTAINTY, "exact");
  docket_record_set (record, DOCKET_FIELD_CLASSIFICATION, "Top Secret");
  docket_record_set (record, DOCKET_FIELD_CAVEATS, "Nodis");
  docket_record_set (record, DOCKET_FIELD_SOURCE_TEXT, DOCKET_TEST_SOURCE_NOTE);
  docket_record_set (record, DOCKET_FIELD_SOURCE_REPOSITORY, "Library of Congress, Manuscript Division");
  docket_record_set (record, DOCKET_FIELD_SOURCE_COLLECTION, "Harriman Papers");
  docket_record_set (record, DOCKET_FIELD_EXTENT, "1 memorandum");
  docket_record_set (record, DOCKET_FIELD_LANGUAGE, "eng");
  docket_record_set (record, DOCKET_FIELD_ACCESS_CONDITIONS, "Declassified; open for research.");
  docket_record_set (record, DOCKET_FIELD_LEVEL, "item");
  docket_record_add_agent (record, docket_agent_new (DOCKET_AGENT_AUTHOR, "W. Averell Harriman",
                                                     "Ambassador at Large"));

  heading = docket_block_new (DOCKET_BLOCK_HEADING,
                              "Memorandum From the Ambassador at Large (Harriman) to President Johnson");
  docket_block_add_anchor (heading, DOCKET_ANCHOR_FOOTNOTE, strlen (heading->text), fn1);
  docket_record_add_block (record, heading);
  paragraph = docket_block_new (DOCKET_BLOCK_PARAGRAPH, "Namely, Vietnam.");
  docket_block_add_anchor (paragraph, DOCKET_ANCHOR_FOOTNOTE, strlen (paragraph->text), fn2);
  docket_record_add_block (record, paragraph);

  source = docket_footnote_new (fn1, "1", DOCKET_FOOTNOTE_SOURCE, DOCKET_TEST_SOURCE_NOTE);
  docket_record_add_footnote (record, source);
  editorial = docket_footnote_new (fn2, "2", DOCKET_FOOTNOTE_EDITORIAL,
                                   "A record of the meeting is printed as the next document.");
  if (linked_id != NULL)
    docket_footnote_add_link (editorial, docket_footnote_link_new (DOCKET_LINK_RECORD, linked_id));
  docket_record_add_footnote (record, editorial);
  return record;
}
