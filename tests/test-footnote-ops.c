/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#include "config.h"

#include <string.h>

#include "docket-model.h"
#include "docket-record-footnotes.h"
#include "docket-test-util.h"

/* The seed's shape: a heading with the source note's marker, a paragraph
 * ending with marker 2, a page break, and the signature with marker 3. */
static DocketRecord *
make_record (void)
{
  DocketRecord *record = docket_record_new ();
  DocketBlock *block;
  const char *para = "There is undoubtedly a difference of opinion. Namely, Vietnam.";

  docket_record_set_id (record, "frus1964-68v05d206");
  block = docket_block_new (DOCKET_BLOCK_HEADING, "206. Memorandum From Harriman");
  docket_block_add_anchor (block, DOCKET_ANCHOR_FOOTNOTE, strlen (block->text), "d206fn1");
  docket_record_add_block (record, block);
  block = docket_block_new (DOCKET_BLOCK_PARAGRAPH, para);
  docket_block_add_anchor (block, DOCKET_ANCHOR_FOOTNOTE, strlen (para), "d206fn2");
  docket_record_add_block (record, block);
  docket_record_add_block (record, docket_block_new (DOCKET_BLOCK_PAGE_BREAK, "522"));
  block = docket_block_new (DOCKET_BLOCK_SIGNATURE, "W. Averell Harriman");
  docket_block_add_anchor (block, DOCKET_ANCHOR_FOOTNOTE, strlen (block->text), "d206fn3");
  docket_record_add_block (record, block);
  docket_record_add_footnote (record, docket_footnote_new ("d206fn1", "1", DOCKET_FOOTNOTE_SOURCE, "Source: Harriman Papers."));
  docket_record_add_footnote (record, docket_footnote_new ("d206fn2", "2", DOCKET_FOOTNOTE_EDITORIAL, "This meeting…"));
  docket_record_add_footnote (record, docket_footnote_new ("d206fn3", "3", DOCKET_FOOTNOTE_PRINTING, "Printed from a copy."));
  return record;
}

/* "1 2 3" as the footnotes are listed, or "d206fn1 d206fn2" with @ids. */
static char *
numbers (DocketRecord *record,
         gboolean      ids)
{
  GPtrArray *footnotes = docket_record_get_footnotes (record);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < footnotes->len; i++)
    {
      DocketFootnote *footnote = g_ptr_array_index (footnotes, i);

      if (i > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, ids ? footnote->id : footnote->n);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
test_insert_renumbers (void)
{
  g_autoptr(DocketRecord) record = make_record ();
  DocketFootnote *added;
  g_autofree char *ns = NULL;
  g_autofree char *ids = NULL;
  guint block;
  gsize offset;

  /* After "opinion." in the middle of the paragraph: before marker 2. */
  added = docket_record_insert_footnote (record, 1, strlen ("There is undoubtedly a difference of opinion."),
                                         DOCKET_FOOTNOTE_EDITORIAL, "A new note.");
  g_assert_nonnull (added);
  g_assert_cmpstr (added->id, ==, "d206fn4");
  g_assert_cmpstr (added->n, ==, "2");
  ns = numbers (record, FALSE);
  ids = numbers (record, TRUE);
  g_assert_cmpstr (ns, ==, "1 2 3 4");
  g_assert_cmpstr (ids, ==, "d206fn1 d206fn4 d206fn2 d206fn3");
  g_assert_cmpstr (docket_record_find_footnote (record, "d206fn2")->n, ==, "3");
  g_assert_true (docket_record_find_footnote_anchor (record, "d206fn4", &block, &offset));
  g_assert_cmpuint (block, ==, 1);
  g_assert_cmpuint (offset, ==, strlen ("There is undoubtedly a difference of opinion."));

  /* A page break holds no marker; a block that does not exist neither. */
  g_assert_null (docket_record_insert_footnote (record, 2, 0, DOCKET_FOOTNOTE_EDITORIAL, NULL));
  g_assert_null (docket_record_insert_footnote (record, 9, 0, DOCKET_FOOTNOTE_EDITORIAL, NULL));
}

static void
test_delete_renumbers (void)
{
  g_autoptr(DocketRecord) record = make_record ();
  DocketFootnote *added;
  g_autofree char *id = NULL;
  g_autofree char *ns = NULL;
  g_autofree char *ns2 = NULL;

  added = docket_record_insert_footnote (record, 1, 5, DOCKET_FOOTNOTE_EDITORIAL, NULL);
  id = g_strdup (added->id);
  g_assert_true (docket_record_delete_footnote (record, id));
  ns = numbers (record, FALSE);
  g_assert_cmpstr (ns, ==, "1 2 3");
  g_assert_false (docket_record_find_footnote_anchor (record, id, NULL, NULL));
  g_assert_false (docket_record_delete_footnote (record, id));

  /* Deleting the first one: 2 and 3 become 1 and 2. */
  g_assert_true (docket_record_delete_footnote (record, "d206fn1"));
  ns2 = numbers (record, FALSE);
  g_assert_cmpstr (ns2, ==, "1 2");
  g_assert_cmpstr (docket_record_find_footnote (record, "d206fn3")->n, ==, "2");
  g_assert_cmpuint (((DocketBlock *) g_ptr_array_index (docket_record_get_body (record), 0))->anchors->len, ==, 0);
}

static void
test_move_anchor (void)
{
  g_autoptr(DocketRecord) record = make_record ();
  g_autofree char *ids = NULL;
  guint block;
  gsize offset;

  /* Footnote 3's marker moves to the start of the paragraph: it becomes 2. */
  g_assert_true (docket_record_move_footnote_anchor (record, "d206fn3", 1, 5));
  ids = numbers (record, TRUE);
  g_assert_cmpstr (ids, ==, "d206fn1 d206fn3 d206fn2");
  g_assert_cmpstr (docket_record_find_footnote (record, "d206fn3")->n, ==, "2");
  g_assert_true (docket_record_find_footnote_anchor (record, "d206fn3", &block, &offset));
  g_assert_cmpuint (block, ==, 1);
  g_assert_cmpuint (offset, ==, 5);
  g_assert_cmpuint (((DocketBlock *) g_ptr_array_index (docket_record_get_body (record), 3))->anchors->len, ==, 0);

  g_assert_false (docket_record_move_footnote_anchor (record, "d206fn3", 2, 0));
  g_assert_false (docket_record_move_footnote_anchor (record, "nope", 1, 0));
}

/* A source note numbered 0 keeps its 0. */
static void
test_zero_source_note (void)
{
  g_autoptr(DocketRecord) record = make_record ();
  g_autofree char *ns = NULL;

  g_free (docket_record_find_footnote (record, "d206fn1")->n);
  docket_record_find_footnote (record, "d206fn1")->n = g_strdup ("0");
  docket_record_insert_footnote (record, 1, 0, DOCKET_FOOTNOTE_EDITORIAL, NULL);
  ns = numbers (record, FALSE);
  g_assert_cmpstr (ns, ==, "0 1 2 3");
}

static void
test_make_id (void)
{
  g_autoptr(DocketRecord) empty = docket_record_new ();
  g_autofree char *first = docket_record_make_footnote_id (empty);

  g_assert_cmpstr (first, ==, "fn1");
}

/* Text edits keep each marker after the word it follows. */
static void
test_replace_text (void)
{
  g_autoptr(DocketBlock) block = docket_block_new (DOCKET_BLOCK_PARAGRAPH, "namely, Vietnam. Then more.");
  gsize after_vietnam = strlen ("namely, Vietnam.");

  docket_block_add_anchor (block, DOCKET_ANCHOR_FOOTNOTE, after_vietnam, "fn2");
  docket_block_add_anchor (block, DOCKET_ANCHOR_PAGE_BREAK, strlen ("namely, Vietnam. Then"), "522");

  /* An insertion before the marker moves it on. */
  docket_block_replace_text (block, 0, 0, "Dean called it, ");
  g_assert_cmpstr (block->text, ==, "Dean called it, namely, Vietnam. Then more.");
  g_assert_cmpstr (block->text + ((DocketAnchor *) g_ptr_array_index (block->anchors, 0))->offset - 8, ==,
                   "Vietnam. Then more.");

  /* A replacement of the word before it, ending at the marker: still after it. */
  {
    const char *at = strstr (block->text, "Vietnam.");
    gsize start = at - block->text;

    g_autofree char *before = NULL;

    docket_block_replace_text (block, start, start + strlen ("Vietnam."), "Viet-Nam (South).");
    before = g_strndup (block->text, ((DocketAnchor *) g_ptr_array_index (block->anchors, 0))->offset);
    g_assert_true (g_str_has_suffix (before, "Viet-Nam (South)."));
  }

  /* Multibyte text: offsets stay on character boundaries. */
  docket_block_replace_text (block, 0, strlen ("Dean"), "Dean’s");
  g_assert_true (g_utf8_validate (block->text, -1, NULL));
  {
    DocketAnchor *page = g_ptr_array_index (block->anchors, 1);
    g_assert_true (g_str_has_prefix (block->text + page->offset, " more."));
  }

  /* A deletion over a marker leaves it at the deletion's start. */
  docket_block_replace_text (block, 0, strlen (block->text) - strlen (" more."), "");
  g_assert_cmpstr (block->text, ==, " more.");
  g_assert_cmpuint (((DocketAnchor *) g_ptr_array_index (block->anchors, 0))->offset, ==, 0);
  g_assert_cmpuint (block->anchors->len, ==, 2);
}

/* A term mention keeps covering its words through edits around and inside
 * it, and goes when its words are deleted. */
static void
test_replace_text_mention (void)
{
  g_autoptr(DocketBlock) block = docket_block_new (DOCKET_BLOCK_PARAGRAPH, "Ask the NSC today.");
  gsize nsc = strlen ("Ask the ");
  DocketAnchor *mention;

  docket_block_add_span (block, DOCKET_ANCHOR_TERM, nsc, strlen ("NSC"), "t_NSC1");
  docket_block_add_anchor (block, DOCKET_ANCHOR_FOOTNOTE, nsc + strlen ("NSC"), "fn1");
  mention = g_ptr_array_index (block->anchors, 0);

  /* Typed right before and right after it: outside the mention. */
  docket_block_replace_text (block, nsc, nsc, "whole ");
  docket_block_replace_text (block, mention->offset + mention->length,
                             mention->offset + mention->length, "’s staff");
  g_assert_cmpstr (block->text, ==, "Ask the whole NSC’s staff today.");
  g_assert_cmpuint (mention->length, ==, strlen ("NSC"));
  g_assert_cmpint (strncmp (block->text + mention->offset, "NSC’s", strlen ("NSC’s")), ==, 0);
  /* The footnote marker still follows "NSC". */
  g_assert_cmpuint (((DocketAnchor *) g_ptr_array_index (block->anchors, 1))->offset, ==,
                    mention->offset + mention->length);

  /* Typed inside it, or over its end: part of it. */
  docket_block_replace_text (block, mention->offset + 1, mention->offset + 1, "-");
  g_assert_cmpuint (mention->length, ==, strlen ("N-SC"));
  docket_block_replace_text (block, mention->offset + 2, mention->offset + 4, "sc");
  g_assert_cmpint (strncmp (block->text + mention->offset, "N-sc’s", strlen ("N-sc’s")), ==, 0);
  g_assert_cmpuint (mention->length, ==, strlen ("N-sc"));

  /* Its words deleted with the text around them: the mention is gone, the
   * marker stays. */
  docket_block_replace_text (block, strlen ("Ask the"), mention->offset + mention->length, "");
  g_assert_cmpstr (block->text, ==, "Ask the’s staff today.");
  g_assert_cmpuint (block->anchors->len, ==, 1);
  g_assert_cmpint (((DocketAnchor *) g_ptr_array_index (block->anchors, 0))->kind, ==, DOCKET_ANCHOR_FOOTNOTE);
}

static const DocketAnchor *
anchor_at (DocketBlock *block,
           guint        i)
{
  g_assert_cmpuint (i, <, block->anchors->len);
  return g_ptr_array_index (block->anchors, i);
}

/* Return in the middle of the paragraph: the words before stay with the
 * block, the rest and marker 2 go to a new paragraph with the marker at
 * its new offset; joining them gives back the paragraph as it was. */
static void
test_split_join (void)
{
  g_autoptr(DocketRecord) record = make_record ();
  GPtrArray *body = docket_record_get_body (record);
  g_autoptr(DocketBlock) before = docket_block_copy (g_ptr_array_index (body, 1));
  gsize cut = strlen ("There is undoubtedly a difference of opinion. ");
  DocketBlock *first, *second;
  guint block;
  gsize offset;

  g_assert_true (docket_record_split_block (record, 1, cut));
  g_assert_cmpuint (body->len, ==, 5);
  first = g_ptr_array_index (body, 1);
  second = g_ptr_array_index (body, 2);
  g_assert_cmpint (first->kind, ==, DOCKET_BLOCK_PARAGRAPH);
  g_assert_cmpint (second->kind, ==, DOCKET_BLOCK_PARAGRAPH);
  g_assert_cmpstr (first->text, ==, "There is undoubtedly a difference of opinion. ");
  g_assert_cmpstr (second->text, ==, "Namely, Vietnam.");
  g_assert_cmpuint (first->anchors->len, ==, 0);
  g_assert_cmpuint (second->anchors->len, ==, 1);
  g_assert_cmpuint (anchor_at (second, 0)->offset, ==, strlen ("Namely, Vietnam."));
  g_assert_true (docket_record_find_footnote_anchor (record, "d206fn2", &block, &offset));
  g_assert_cmpuint (block, ==, 2);

  g_assert_true (docket_record_join_blocks (record, 1));
  g_assert_cmpuint (body->len, ==, 4);
  g_assert_true (docket_block_equal (g_ptr_array_index (body, 1), before));

  /* Cut just after the block-final marker: it stays, the new block is
   * empty, and joining takes the empty block away again. */
  g_assert_true (docket_record_split_block (record, 1, strlen (before->text)));
  g_assert_cmpstr (((DocketBlock *) g_ptr_array_index (body, 2))->text, ==, "");
  g_assert_cmpuint (((DocketBlock *) g_ptr_array_index (body, 1))->anchors->len, ==, 1);
  g_assert_true (docket_record_join_blocks (record, 1));
  g_assert_true (docket_block_equal (g_ptr_array_index (body, 1), before));
}

/* A marker at the cut follows the word before it; a mention across the cut
 * is cut in two and made one again by the join. */
static void
test_split_join_anchors (void)
{
  g_autoptr(DocketRecord) record = docket_record_new ();
  GPtrArray *body = docket_record_get_body (record);
  DocketBlock *block = docket_block_new (DOCKET_BLOCK_QUOTE, "Ask Dean Rusk today. Then wait.");
  g_autoptr(DocketBlock) before = NULL;
  gsize rusk = strlen ("Ask "), cut = strlen ("Ask Dean");
  DocketBlock *first, *second;

  docket_block_add_span (block, DOCKET_ANCHOR_PERSON, rusk, strlen ("Dean Rusk"), "p_RD3");
  docket_block_add_anchor (block, DOCKET_ANCHOR_FOOTNOTE, cut, "fn1");
  docket_block_add_anchor (block, DOCKET_ANCHOR_PAGE_BREAK, strlen ("Ask Dean Rusk today. "), "523");
  docket_record_add_block (record, block);
  before = docket_block_copy (block);

  g_assert_true (docket_record_split_block (record, 0, cut));
  first = g_ptr_array_index (body, 0);
  second = g_ptr_array_index (body, 1);
  g_assert_cmpint (second->kind, ==, DOCKET_BLOCK_QUOTE);
  g_assert_cmpstr (first->text, ==, "Ask Dean");
  g_assert_cmpstr (second->text, ==, " Rusk today. Then wait.");
  g_assert_cmpuint (first->anchors->len, ==, 2);
  g_assert_cmpint (anchor_at (first, 0)->kind, ==, DOCKET_ANCHOR_PERSON);
  g_assert_cmpuint (anchor_at (first, 0)->length, ==, strlen ("Dean"));
  g_assert_cmpint (anchor_at (first, 1)->kind, ==, DOCKET_ANCHOR_FOOTNOTE);
  g_assert_cmpuint (anchor_at (first, 1)->offset, ==, cut);
  g_assert_cmpuint (second->anchors->len, ==, 2);
  g_assert_cmpint (anchor_at (second, 0)->kind, ==, DOCKET_ANCHOR_PERSON);
  g_assert_cmpuint (anchor_at (second, 0)->offset, ==, 0);
  g_assert_cmpuint (anchor_at (second, 0)->length, ==, strlen (" Rusk"));
  g_assert_cmpint (anchor_at (second, 1)->kind, ==, DOCKET_ANCHOR_PAGE_BREAK);
  g_assert_cmpuint (anchor_at (second, 1)->offset, ==, strlen (" Rusk today. "));

  g_assert_true (docket_record_join_blocks (record, 0));
  g_assert_cmpuint (body->len, ==, 1);
  g_assert_true (docket_block_equal (g_ptr_array_index (body, 0), before));

  /* At the very start a marker has no word before it and goes with the
   * text after it. */
  block = g_ptr_array_index (body, 0);
  docket_block_add_anchor (block, DOCKET_ANCHOR_FOOTNOTE, 0, "fn0");
  g_assert_true (docket_record_split_block (record, 0, 0));
  g_assert_cmpstr (((DocketBlock *) g_ptr_array_index (body, 0))->text, ==, "");
  g_assert_cmpuint (((DocketBlock *) g_ptr_array_index (body, 0))->anchors->len, ==, 0);
  g_assert_cmpstr (anchor_at (g_ptr_array_index (body, 1), 0)->ref, ==, "fn0");
}

/* Headings, signatures and the like are not cut, blocks of different kinds
 * are not joined, and the record is left as it was. */
static void
test_split_join_refused (void)
{
  g_autoptr(DocketRecord) record = make_record ();
  GPtrArray *body = docket_record_get_body (record);

  g_assert_false (docket_record_split_block (record, 0, 4));      /* heading */
  g_assert_false (docket_record_split_block (record, 2, 1));      /* page break */
  g_assert_false (docket_record_split_block (record, 3, 3));      /* signature */
  g_assert_false (docket_record_split_block (record, 4, 0));      /* no such block */
  g_assert_false (docket_record_join_blocks (record, 0));         /* heading and paragraph */
  g_assert_false (docket_record_join_blocks (record, 1));         /* paragraph and page break */
  g_assert_false (docket_record_join_blocks (record, 3));         /* no next block */
  g_assert_cmpuint (body->len, ==, 4);
  g_assert_cmpstr (((DocketBlock *) g_ptr_array_index (body, 0))->text, ==, "206. Memorandum From Harriman");
  g_assert_cmpstr (((DocketBlock *) g_ptr_array_index (body, 3))->text, ==, "W. Averell Harriman");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/docket/model/footnote-ops/insert-renumbers", test_insert_renumbers);
  g_test_add_func ("/docket/model/footnote-ops/delete-renumbers", test_delete_renumbers);
  g_test_add_func ("/docket/model/footnote-ops/move-anchor", test_move_anchor);
  g_test_add_func ("/docket/model/footnote-ops/zero-source-note", test_zero_source_note);
  g_test_add_func ("/docket/model/footnote-ops/make-id", test_make_id);
  g_test_add_func ("/docket/model/footnote-ops/replace-text", test_replace_text);
  g_test_add_func ("/docket/model/footnote-ops/replace-text-mention", test_replace_text_mention);
  g_test_add_func ("/docket/model/footnote-ops/split-join", test_split_join);
  g_test_add_func ("/docket/model/footnote-ops/split-join-anchors", test_split_join_anchors);
  g_test_add_func ("/docket/model/footnote-ops/split-join-refused", test_split_join_refused);

  return g_test_run ();
}
