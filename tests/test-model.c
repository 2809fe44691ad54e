/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#include "config.h"

#include "docket-model.h"
#include "docket-test-util.h"

#include <string.h>

static DocketRecord *
make_record (void)
{
  DocketRecord *record = docket_record_new ();
  DocketBlock *block;
  DocketFootnote *footnote;

  docket_record_set_id (record, "frus1964-68v05d206");
  docket_record_set (record, DOCKET_FIELD_SUBJECT, "Possible Kosygin Talks on Vietnam Settlement");
  docket_record_add_agent (record, docket_agent_new (DOCKET_AGENT_AUTHOR, "Harriman", "Ambassador at Large"));
  block = docket_block_new (DOCKET_BLOCK_PARAGRAPH, "namely, Vietnam.");
  docket_block_add_anchor (block, DOCKET_ANCHOR_FOOTNOTE, strlen ("namely, Vietnam."), "d206fn2");
  docket_record_add_block (record, block);
  block = docket_block_new (DOCKET_BLOCK_PARAGRAPH, "Ask the NSC.");
  docket_block_add_span (block, DOCKET_ANCHOR_TERM, strlen ("Ask the "), strlen ("NSC"), "t_NSC1");
  docket_record_add_block (record, block);
  docket_record_add_block (record, docket_block_new (DOCKET_BLOCK_PAGE_BREAK, "522"));
  footnote = docket_footnote_new ("d206fn2", "2", DOCKET_FOOTNOTE_EDITORIAL, "This meeting…");
  docket_footnote_add_link (footnote, docket_footnote_link_new_archival ("National Archives and Records Administration",
                                                                          "RG 59, Central Files 1967–69",
                                                                          "POL 27 VIET S", NULL));
  docket_record_add_footnote (record, footnote);
  return record;
}

static void
test_copy_is_equal (void)
{
  g_autoptr(DocketRecord) record = make_record ();
  g_autoptr(DocketRecord) copy = docket_record_copy (record);
  DocketFootnote *footnote;

  g_assert_true (docket_record_equal (record, copy));

  /* So must a term mention's length. */
  {
    DocketBlock *block = g_ptr_array_index (docket_record_get_body (copy), 1);
    DocketAnchor *mention = g_ptr_array_index (block->anchors, 0);

    g_assert_cmpint (mention->kind, ==, DOCKET_ANCHOR_TERM);
    g_assert_cmpuint (mention->length, ==, 3);
    mention->length = 2;
    g_assert_false (docket_record_equal (record, copy));
    mention->length = 3;
    g_assert_true (docket_record_equal (record, copy));
  }

  /* A change deep inside a footnote link must be seen. */
  footnote = docket_record_find_footnote (copy, "d206fn2");
  g_assert_nonnull (footnote);
  g_ptr_array_remove_index (footnote->links, 0);
  g_assert_false (docket_record_equal (record, copy));
}

static void
test_empty_string_is_null (void)
{
  g_autoptr(DocketRecord) record = docket_record_new ();

  docket_record_set (record, DOCKET_FIELD_PLACE, "");
  g_assert_null (docket_record_get (record, DOCKET_FIELD_PLACE));
}

static void
on_changed (DocketRecord *record,
            const char   *what,
            gpointer      user_data)
{
  GPtrArray *seen = user_data;
  g_ptr_array_add (seen, g_strdup (what));
}

static void
test_changed_signal (void)
{
  g_autoptr(DocketRecord) record = docket_record_new ();
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);

  g_signal_connect (record, "changed::date.from", G_CALLBACK (on_changed), seen);
  docket_record_set (record, DOCKET_FIELD_DATE_FROM, "1967-06-16");
  docket_record_set (record, DOCKET_FIELD_DATE_FROM, "1967-06-16");
  docket_record_set (record, DOCKET_FIELD_PLACE, "Washington");
  g_assert_cmpuint (seen->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (seen, 0), ==, "date.from");
}

static void
test_field_keys_round_trip (void)
{
  for (guint i = 0; i < DOCKET_N_FIELDS; i++)
    {
      DocketField field;

      g_assert_true (docket_field_from_key (docket_field_get_key (i), &field));
      g_assert_cmpint (field, ==, i);
      g_assert_nonnull (docket_field_get_label (i));
    }
  g_assert_false (docket_field_from_key ("no-such-field", NULL));
}

static void
test_page_breaks (void)
{
  g_autoptr(DocketRecord) record = make_record ();
  g_auto(GStrv) pages = NULL;
  DocketBlock *block = docket_block_new (DOCKET_BLOCK_PARAGRAPH, "one two");

  docket_block_add_anchor (block, DOCKET_ANCHOR_PAGE_BREAK, 3, "523");
  docket_record_add_block (record, block);
  pages = docket_record_dup_page_breaks (record);
  g_assert_cmpstrv (pages, ((const char *[]) { "522", "523", NULL }));
}

static void
test_anchor_order (void)
{
  g_autoptr(DocketBlock) block = docket_block_new (DOCKET_BLOCK_PARAGRAPH, "abc");
  DocketAnchor *first;

  docket_block_add_anchor (block, DOCKET_ANCHOR_FOOTNOTE, 3, "fn2");
  docket_block_add_anchor (block, DOCKET_ANCHOR_FOOTNOTE, 1, "fn1");
  docket_block_add_anchor (block, DOCKET_ANCHOR_FOOTNOTE, 3, "fn3");
  first = g_ptr_array_index (block->anchors, 0);
  g_assert_cmpstr (first->ref, ==, "fn1");
  g_assert_cmpstr (((DocketAnchor *) g_ptr_array_index (block->anchors, 1))->ref, ==, "fn2");
  g_assert_cmpstr (((DocketAnchor *) g_ptr_array_index (block->anchors, 2))->ref, ==, "fn3");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/docket/model/record/copy-is-equal", test_copy_is_equal);
  g_test_add_func ("/docket/model/record/empty-string-is-null", test_empty_string_is_null);
  g_test_add_func ("/docket/model/record/changed-signal", test_changed_signal);
  g_test_add_func ("/docket/model/record/page-breaks", test_page_breaks);
  g_test_add_func ("/docket/model/field/keys-round-trip", test_field_keys_round_trip);
  g_test_add_func ("/docket/model/block/anchor-order", test_anchor_order);

  return g_test_run ();
}
