/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "test-document-edit"

#include "config.h"

#include <string.h>

#include <gtk/gtk.h>

#include "docket-application.h"
#include "docket-document-view-private.h"
#include "docket-record-footnotes.h"
#include "docket-test-ui.h"
#include "docket-test-util.h"
#include "docket-window-private.h"

/* The document view's edit mode as a cataloger uses it on the sample
 * memorandum: typing after a marker that ends a paragraph, Return cutting
 * a paragraph in two, Backspace and Delete joining them again, undo. Keys
 * go through the same handlers a key press reaches; results are checked
 * in the record and in the catalog, read again through a store of their
 * own. */

#define SAMPLE_ID "frus1964-68v05d206"

static DocketApplication *app;
static char *tmpdir;

static DocketWindow *
open_editing (const char  *name,
              char       **out_path)
{
  g_autofree char *path = docket_test_make_sample_catalog (tmpdir, name);
  DocketWindow *window = docket_test_open_window (app, path);
  DocketDocumentView *view;

  docket_window_open_record (window, SAMPLE_ID);
  g_assert_true (docket_test_wait_for_record (window, NULL));
  view = _docket_window_get_document_view (window);
  g_assert_cmpstr (gtk_label_get_label (view->edit_label), ==, "_Edit Text");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "document.editing", NULL));
  g_assert_true (docket_document_view_get_editing (view));
  /* Nobody types into the transcription without seeing it: the button
   * names the way out, the page is tinted. */
  g_assert_cmpstr (gtk_label_get_label (view->edit_label), ==, "_Done");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (view->text_view), "editing"));
  *out_path = g_steal_pointer (&path);
  return window;
}

/* The block holding the marker of @footnote_id, and the marker's offset. */
static DocketBlock *
marker_block (DocketRecord *record,
              const char   *footnote_id,
              guint        *out_index,
              gsize        *out_offset)
{
  guint index;

  g_assert_true (docket_record_find_footnote_anchor (record, footnote_id, &index, out_offset));
  if (out_index != NULL)
    *out_index = index;
  return g_ptr_array_index (docket_record_get_body (record), index);
}

/* Puts the cursor just after the marker of @footnote_id, as a click or the
 * End key would. */
static void
place_cursor_after_marker (DocketWindow *window,
                           const char   *footnote_id)
{
  DocketDocumentView *view = _docket_window_get_document_view (window);
  DocketFootnote *footnote = docket_record_find_footnote (docket_window_get_record (window), footnote_id);
  GtkTextIter iter;

  g_assert_true (docket_document_view_get_marker_iter (view, footnote_id, &iter));
  gtk_text_iter_forward_chars (&iter, g_utf8_strlen (footnote->n, -1));
  gtk_text_buffer_place_cursor (docket_test_view_buffer (window), &iter);
}

/* Types @text at the cursor the way the text view does with a key press
 * or an input method's commit. */
static void
type_text (DocketWindow *window,
           const char   *text)
{
  GtkTextBuffer *buffer = docket_test_view_buffer (window);
  GtkTextView *text_view = docket_document_view_get_text_view (_docket_window_get_document_view (window));

  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_insert_interactive_at_cursor (buffer, text, -1, gtk_text_view_get_editable (text_view));
  gtk_text_buffer_end_user_action (buffer);
}

/* A key press on the text view, as its key controllers get it. */
static void
press_key (DocketWindow *window,
           guint         keyval)
{
  GtkWidget *text_view = GTK_WIDGET (docket_document_view_get_text_view (_docket_window_get_document_view (window)));
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (text_view);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !handled; i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, 0, &handled);
    }

  /* Keys the view leaves alone go to the text view's key bindings. */
  if (!handled && keyval == GDK_KEY_BackSpace)
    g_signal_emit_by_name (text_view, "backspace");
  else if (!handled && keyval == GDK_KEY_Delete)
    g_signal_emit_by_name (text_view, "delete-from-cursor", GTK_DELETE_CHARS, 1);
  else if (!handled && keyval == GDK_KEY_Return)
    type_text (window, "\n");
}

static guint
n_blocks (DocketRecord *record)
{
  return docket_record_get_body (record)->len;
}

/* Tests */

/* The cursor after the marker that ends a paragraph (footnote 2) and after
 * the one that ends the signature, the last block (footnote 3): what is
 * typed there goes into the block after its marker, the marker keeps its
 * offset, and the catalog has it after the window is closed. */
static void
test_type_after_final_marker (void)
{
  g_autofree char *path = NULL;
  DocketWindow *window = open_editing ("type-after-marker.db", &path);
  DocketRecord *record = docket_window_get_record (window);
  g_autoptr(DocketRecord) saved = NULL;
  g_autofree char *para = NULL;
  DocketBlock *block;
  gsize offset, offset3;

  block = marker_block (record, "d206fn2", NULL, &offset);
  g_assert_true (g_str_has_suffix (block->text, "namely, Vietnam."));
  g_assert_cmpuint (offset, ==, strlen (block->text));
  para = g_strdup (block->text);

  place_cursor_after_marker (window, "d206fn2");
  type_text (window, " Then");
  type_text (window, " more.");
  block = marker_block (record, "d206fn2", NULL, &offset);
  g_assert_true (g_str_has_suffix (block->text, "namely, Vietnam. Then more."));
  g_assert_cmpuint (offset, ==, strlen (para));

  block = marker_block (record, "d206fn3", NULL, &offset3);
  g_assert_cmpstr (block->text, ==, "W. Averell Harriman");
  place_cursor_after_marker (window, "d206fn3");
  type_text (window, " (initialed)");
  block = marker_block (record, "d206fn3", NULL, &offset3);
  g_assert_cmpstr (block->text, ==, "W. Averell Harriman (initialed)");
  g_assert_cmpuint (offset3, ==, strlen ("W. Averell Harriman"));
  g_assert_cmpuint (docket_document_view_get_n_markers (_docket_window_get_document_view (window)), ==, 3);
  docket_test_close_window (window);

  saved = docket_test_load_record (path, SAMPLE_ID);
  block = marker_block (saved, "d206fn2", NULL, &offset);
  g_assert_true (g_str_has_suffix (block->text, "namely, Vietnam. Then more."));
  g_assert_cmpuint (offset, ==, strlen (para));
  block = marker_block (saved, "d206fn3", NULL, &offset3);
  g_assert_cmpstr (block->text, ==, "W. Averell Harriman (initialed)");
  g_assert_cmpuint (offset3, ==, strlen ("W. Averell Harriman"));
}

/* Return before "Nevertheless" cuts the last paragraph in two, footnote 2's
 * marker going with the second and still leading to its footnote;
 * Backspace at the start of the second joins them; undo takes back the
 * join, then the cut; Delete at the end of the first joins them too. */
static void
test_return_splits_backspace_joins (void)
{
  g_autofree char *path = NULL;
  DocketWindow *window = open_editing ("split-join.db", &path);
  DocketDocumentView *view = _docket_window_get_document_view (window);
  DocketRecord *record = docket_window_get_record (window);
  g_autoptr(DocketBlock) original = NULL;
  g_autoptr(DocketRecord) saved = NULL;
  const char *rest = "Nevertheless, I would not rule out progress";
  DocketBlock *first, *second;
  guint index, n, cursor_block;
  gsize offset, cursor_offset, cut;
  GtkTextIter iter;

  first = marker_block (record, "d206fn2", &index, &offset);
  original = docket_block_copy (first);
  n = n_blocks (record);
  cut = strstr (original->text, rest) - original->text;

  docket_test_place_cursor (window, rest, FALSE);
  press_key (window, GDK_KEY_Return);
  g_assert_cmpuint (n_blocks (record), ==, n + 1);
  first = g_ptr_array_index (docket_record_get_body (record), index);
  second = g_ptr_array_index (docket_record_get_body (record), index + 1);
  g_assert_cmpint (second->kind, ==, DOCKET_BLOCK_PARAGRAPH);
  g_assert_true (g_str_has_prefix (first->text, "I would not be discouraged"));
  g_assert_true (g_str_has_suffix (first->text, "billions of dollars in military and economic aid. "));
  g_assert_true (g_str_has_prefix (second->text, rest));
  g_assert_cmpuint (first->anchors->len, ==, 0);
  marker_block (record, "d206fn2", &cursor_block, &offset);
  g_assert_cmpuint (cursor_block, ==, index + 1);
  g_assert_cmpuint (offset, ==, strlen (original->text) - cut);

  /* The cursor waits at the start of the new paragraph. */
  g_assert_true (docket_document_view_get_cursor_position (view, &cursor_block, &cursor_offset));
  g_assert_cmpuint (cursor_block, ==, index + 1);
  g_assert_cmpuint (cursor_offset, ==, 0);

  /* The marker still leads to its footnote. */
  g_assert_true (docket_document_view_get_marker_iter (view, "d206fn2", &iter));
  gtk_text_buffer_place_cursor (docket_test_view_buffer (window), &iter);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "document.follow-link", NULL));
  g_assert_cmpstr (docket_document_view_get_highlighted_footnote (view), ==, "d206fn2");

  /* Backspace at the start of the second paragraph joins them. */
  docket_test_place_cursor (window, rest, FALSE);
  press_key (window, GDK_KEY_BackSpace);
  g_assert_cmpuint (n_blocks (record), ==, n);
  g_assert_true (docket_block_equal (g_ptr_array_index (docket_record_get_body (record), index), original));
  g_assert_true (docket_document_view_get_cursor_position (view, &cursor_block, &cursor_offset));
  g_assert_cmpuint (cursor_block, ==, index);
  g_assert_cmpuint (cursor_offset, ==, cut);

  /* Undo takes back the join, then the cut: each is a step of its own,
   * however quickly they came. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpuint (n_blocks (record), ==, n + 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpuint (n_blocks (record), ==, n);
  g_assert_true (docket_block_equal (g_ptr_array_index (docket_record_get_body (record), index), original));

  /* Cut, undo, redo: the cut comes back; a join after it is undone alone
   * and brings back the two paragraphs. */
  docket_test_place_cursor (window, rest, FALSE);
  press_key (window, GDK_KEY_Return);
  g_assert_cmpuint (n_blocks (record), ==, n + 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpuint (n_blocks (record), ==, n);
  g_assert_true (docket_block_equal (g_ptr_array_index (docket_record_get_body (record), index), original));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  g_assert_cmpuint (n_blocks (record), ==, n + 1);
  docket_test_place_cursor (window, rest, FALSE);
  press_key (window, GDK_KEY_BackSpace);
  g_assert_cmpuint (n_blocks (record), ==, n);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpuint (n_blocks (record), ==, n + 1);
  second = g_ptr_array_index (docket_record_get_body (record), index + 1);
  g_assert_true (g_str_has_prefix (second->text, rest));
  marker_block (record, "d206fn2", &cursor_block, &offset);
  g_assert_cmpuint (cursor_block, ==, index + 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpuint (n_blocks (record), ==, n);
  g_assert_true (docket_block_equal (g_ptr_array_index (docket_record_get_body (record), index), original));

  /* Cut again, and this time join with Delete at the end of the first. */
  docket_test_place_cursor (window, rest, FALSE);
  press_key (window, GDK_KEY_Return);
  g_assert_cmpuint (n_blocks (record), ==, n + 1);
  docket_test_place_cursor (window, rest, FALSE);
  {
    GtkTextBuffer *buffer = docket_test_view_buffer (window);
    GtkTextIter cursor;

    gtk_text_buffer_get_iter_at_mark (buffer, &cursor, gtk_text_buffer_get_insert (buffer));
    g_assert_true (gtk_text_iter_backward_char (&cursor));    /* over the line break */
    gtk_text_buffer_place_cursor (buffer, &cursor);
  }
  press_key (window, GDK_KEY_Delete);
  g_assert_cmpuint (n_blocks (record), ==, n);
  g_assert_true (docket_block_equal (g_ptr_array_index (docket_record_get_body (record), index), original));

  /* And once more, kept: the catalog has the two paragraphs. */
  docket_test_place_cursor (window, rest, FALSE);
  press_key (window, GDK_KEY_Return);
  docket_test_close_window (window);
  saved = docket_test_load_record (path, SAMPLE_ID);
  g_assert_cmpuint (n_blocks (saved), ==, n + 1);
  marker_block (saved, "d206fn2", &cursor_block, &offset);
  g_assert_cmpuint (cursor_block, ==, index + 1);
  g_assert_cmpuint (offset, ==, strlen (original->text) - cut);
}

/* Return in the heading or the signature, or inside the page break, cuts
 * nothing and types nothing; Backspace at the start of a paragraph after
 * a heading joins nothing. */
static void
test_return_refused (void)
{
  g_autofree char *path = NULL;
  DocketWindow *window = open_editing ("split-refused.db", &path);
  DocketRecord *record = docket_window_get_record (window);
  g_autoptr(GPtrArray) before = g_ptr_array_new_with_free_func ((GDestroyNotify) docket_block_free);
  GPtrArray *body = docket_record_get_body (record);

  for (guint i = 0; i < body->len; i++)
    g_ptr_array_add (before, docket_block_copy (g_ptr_array_index (body, i)));

  docket_test_place_cursor (window, "Memorandum From the Ambassador", FALSE);
  press_key (window, GDK_KEY_Return);
  docket_test_place_cursor (window, "Averell Harriman", FALSE);
  press_key (window, GDK_KEY_Return);
  docket_test_place_cursor (window, "Page 522", FALSE);
  press_key (window, GDK_KEY_Return);
  docket_test_place_cursor (window, "Under all these circumstances", FALSE);
  press_key (window, GDK_KEY_BackSpace);

  g_assert_cmpuint (body->len, ==, before->len);
  for (guint i = 0; i < body->len; i++)
    g_assert_true (docket_block_equal (g_ptr_array_index (body, i), g_ptr_array_index (before, i)));
  docket_test_close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  tmpdir = docket_test_ui_init (&argc, &argv);
  app = docket_test_application_new ();

  g_test_add_func ("/docket/ui/document-edit/type-after-final-marker", test_type_after_final_marker);
  g_test_add_func ("/docket/ui/document-edit/return-splits-backspace-joins", test_return_splits_backspace_joins);
  g_test_add_func ("/docket/ui/document-edit/return-refused", test_return_refused);

  ret = g_test_run ();

  g_clear_object (&app);
  docket_test_rmdir (tmpdir);
  g_free (tmpdir);
  return ret;
}
