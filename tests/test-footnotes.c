/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "test-footnotes"

#include "config.h"

#include <gtk/gtk.h>

#include "docket-application.h"
#include "docket-ead-validator.h"
#include "docket-export-dialog.h"
#include "docket-import-dialog.h"
#include "docket-link-editor.h"
#include "docket-record-picker.h"
#include "docket-store.h"
#include "docket-test-ui.h"
#include "docket-test-util.h"
#include "docket-window-private.h"

/* Footnotes, links, edit mode, import and export, driven through the
 * window's widgets and actions; results are checked in the catalog, read
 * again through a store of their own. */

#define SAMPLE_ID "frus1964-68v05d206"
#define OTHER_ID  "frus1964-68v05d205"

static DocketApplication *app;
static char *tmpdir;

static char *
make_sample_catalog (const char *name,
                     gboolean    with_other)
{
  g_autofree char *path = docket_test_make_sample_catalog (tmpdir, name);

  if (with_other)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(DocketStore) store = docket_store_open (path, &error);
      g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
      g_autoptr(DocketCollection) collection = NULL;
      DocketRecord *record = docket_record_new ();

      g_assert_no_error (error);
      collection = docket_store_load_collection (store, "frus1964-68v05", &error);
      docket_record_set_id (record, OTHER_ID);
      docket_record_set (record, DOCKET_FIELD_NUMBER, "205");
      docket_record_set (record, DOCKET_FIELD_HEADING, "Memorandum of Conversation, Rusk and Dobrynin");
      docket_record_set (record, DOCKET_FIELD_COLLECTION, "frus1964-68v05");
      docket_record_add_block (record, docket_block_new (DOCKET_BLOCK_PARAGRAPH, "The Secretary met the Soviet Ambassador."));
      g_ptr_array_add (records, record);
      docket_store_insert_records (store, collection, records, DOCKET_STORE_INSERT_FAIL_ON_EXISTING, NULL, &error);
      g_assert_no_error (error);
    }
  return g_steal_pointer (&path);
}

static DocketWindow *
open_window (const char *path)
{
  DocketWindow *window = docket_test_open_window (app, path);

  docket_window_open_record (window, SAMPLE_ID);
  g_assert_true (docket_test_wait_for_record (window, NULL));
  return window;
}

/* "1:d206fn1 2:d206fn2 …" in the order of the markers in the body, and the
 * footnotes' own order and numbers, which must agree. */
static char *
marker_order (DocketRecord *record)
{
  GPtrArray *body = docket_record_get_body (record);
  GPtrArray *footnotes = docket_record_get_footnotes (record);
  g_autoptr(GString) out = g_string_new (NULL);
  guint k = 0;

  for (guint i = 0; i < body->len; i++)
    {
      DocketBlock *block = g_ptr_array_index (body, i);

      for (guint j = 0; j < block->anchors->len; j++)
        {
          DocketAnchor *anchor = g_ptr_array_index (block->anchors, j);
          DocketFootnote *footnote;

          if (anchor->kind != DOCKET_ANCHOR_FOOTNOTE)
            continue;
          footnote = docket_record_find_footnote (record, anchor->ref);
          g_assert_nonnull (footnote);
          g_assert_true (footnote == g_ptr_array_index (footnotes, k));
          k++;
          g_string_append_printf (out, "%s%s:%s", out->len > 0 ? " " : "", footnote->n, footnote->id);
        }
    }
  g_assert_cmpuint (k, ==, footnotes->len);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static const char *
anchor_block_text_before (DocketRecord *record,
                          const char   *footnote_id,
                          char        **out_before)
{
  GPtrArray *body = docket_record_get_body (record);

  for (guint i = 0; i < body->len; i++)
    {
      DocketBlock *block = g_ptr_array_index (body, i);

      for (guint j = 0; j < block->anchors->len; j++)
        {
          DocketAnchor *anchor = g_ptr_array_index (block->anchors, j);

          if (g_strcmp0 (anchor->ref, footnote_id) == 0)
            {
              *out_before = g_strndup (block->text, anchor->offset);
              return block->text;
            }
        }
    }
  g_assert_not_reached ();
}

/* Tests */

/* A footnote added in the middle of the seed becomes 2; the old 2 and 3
 * become 3 and 4, in the view, the pane and the catalog. Undo takes it back
 * in one step; deleting it brings back 1, 2, 3. */
static void
test_add_and_delete (void)
{
  g_autofree char *path = make_sample_catalog ("add.db", FALSE);
  DocketWindow *window = open_window (path);
  DocketDocumentView *view = _docket_window_get_document_view (window);
  DocketFootnotesPane *pane = window->footnotes_pane;
  DocketRecord *record = docket_window_get_record (window);
  g_autoptr(DocketRecord) saved = NULL;
  g_autofree char *order = NULL;
  g_autofree char *before = NULL;
  g_autofree char *new_id = NULL;
  DocketFootnoteRow *row;
  GtkTextIter iter;

  g_assert_cmpuint (docket_document_view_get_n_markers (view), ==, 3);
  docket_test_place_cursor (window, "essential to get talks going.", TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (pane), "footnotes.add", NULL));

  g_assert_cmpuint (docket_record_get_footnotes (record)->len, ==, 4);
  new_id = g_strdup (docket_footnotes_pane_get_selected (pane));
  g_assert_cmpstr (new_id, ==, "d206fn4");
  g_assert_cmpstr (docket_record_find_footnote (record, new_id)->n, ==, "2");
  order = marker_order (record);
  g_assert_cmpstr (order, ==, "1:d206fn1 2:d206fn4 3:d206fn2 4:d206fn3");
  anchor_block_text_before (record, new_id, &before);
  g_assert_true (g_str_has_suffix (before, "essential to get talks going."));

  /* The view shows marker 2 after "going." and renumbered the others. */
  g_assert_cmpuint (docket_document_view_get_n_markers (view), ==, 4);
  g_assert_true (docket_document_view_get_marker_iter (view, new_id, &iter));
  g_assert_cmpint (gtk_text_iter_get_char (&iter), ==, '2');
  g_assert_true (docket_document_view_get_marker_iter (view, "d206fn3", &iter));
  g_assert_cmpint (gtk_text_iter_get_char (&iter), ==, '4');

  /* The pane lists it second, and its text and kind can be set there. */
  row = docket_footnotes_pane_get_row (pane, new_id);
  g_assert_nonnull (row);
  g_assert_cmpint (gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)), ==, 1);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (docket_footnote_row_get_text_view (row)),
                            "Kosygin arrived in New York on June 17.", -1);
  gtk_drop_down_set_selected (docket_footnote_row_get_kind_dropdown (row), 0);
  g_assert_cmpstr (docket_record_find_footnote (record, new_id)->text, ==, "Kosygin arrived in New York on June 17.");
  g_assert_cmpint (docket_record_find_footnote (record, new_id)->kind, ==, DOCKET_FOOTNOTE_SOURCE);

  /* Undo, step by step: kind, text, then marker and note together. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpuint (docket_record_get_footnotes (record)->len, ==, 3);
  g_assert_cmpuint (docket_document_view_get_n_markers (view), ==, 3);
  g_clear_pointer (&order, g_free);
  order = marker_order (record);
  g_assert_cmpstr (order, ==, "1:d206fn1 2:d206fn2 3:d206fn3");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  g_assert_cmpuint (docket_document_view_get_n_markers (view), ==, 4);

  docket_test_close_window (window);

  /* The catalog, read again. */
  saved = docket_test_load_record (path, SAMPLE_ID);
  g_clear_pointer (&order, g_free);
  order = marker_order (saved);
  g_assert_cmpstr (order, ==, "1:d206fn1 2:d206fn4 3:d206fn2 4:d206fn3");
  g_assert_cmpstr (docket_record_find_footnote (saved, new_id)->text, ==, "Kosygin arrived in New York on June 17.");
  g_clear_object (&saved);

  /* Delete it: the others are 1, 2, 3 again. */
  window = open_window (path);
  pane = window->footnotes_pane;
  g_assert_true (docket_footnotes_pane_select (pane, new_id));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (pane), "footnotes.delete", NULL));
  g_assert_cmpuint (docket_document_view_get_n_markers (_docket_window_get_document_view (window)), ==, 3);
  docket_test_close_window (window);

  saved = docket_test_load_record (path, SAMPLE_ID);
  g_clear_pointer (&order, g_free);
  order = marker_order (saved);
  g_assert_cmpstr (order, ==, "1:d206fn1 2:d206fn2 3:d206fn3");
}

/* Moving footnote 3's marker before footnote 2's renumbers them. */
static void
test_move_marker (void)
{
  g_autofree char *path = make_sample_catalog ("move.db", FALSE);
  DocketWindow *window = open_window (path);
  DocketFootnotesPane *pane = window->footnotes_pane;
  DocketRecord *record = docket_window_get_record (window);
  g_autofree char *order = NULL;

  g_assert_true (docket_footnotes_pane_select (pane, "d206fn3"));
  docket_test_place_cursor (window, "a unique opportunity", TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (pane), "footnotes.move-marker", NULL));
  order = marker_order (record);
  g_assert_cmpstr (order, ==, "1:d206fn1 2:d206fn3 3:d206fn2");
  docket_test_close_window (window);
}

/* Selecting a footnote highlights its marker; following a marker in the
 * text selects its footnote in the pane. */
static void
test_selection_both_ways (void)
{
  g_autofree char *path = make_sample_catalog ("select.db", FALSE);
  DocketWindow *window = open_window (path);
  DocketDocumentView *view = _docket_window_get_document_view (window);
  DocketFootnotesPane *pane = window->footnotes_pane;
  DocketFootnoteRow *row = docket_footnotes_pane_get_row (pane, "d206fn2");
  GtkTextIter iter;

  gtk_list_box_select_row (GTK_LIST_BOX (gtk_widget_get_parent (GTK_WIDGET (row))), GTK_LIST_BOX_ROW (row));
  g_assert_cmpstr (docket_document_view_get_highlighted_footnote (view), ==, "d206fn2");

  g_assert_true (docket_document_view_get_marker_iter (view, "d206fn3", &iter));
  gtk_text_buffer_place_cursor (docket_test_view_buffer (window), &iter);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "document.follow-link", NULL));
  g_assert_cmpstr (docket_footnotes_pane_get_selected (pane), ==, "d206fn3");
  docket_test_close_window (window);
}

static gboolean
picker_has_results (gpointer data)
{
  return docket_record_picker_get_n_results (data) > 0;
}

static gboolean
flag_is_set (gpointer data)
{
  return *(gboolean *) data;
}

static void
index_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  gboolean *done = user_data;

  g_assert_true (docket_store_update_index_finish (DOCKET_STORE (source), result, NULL, NULL));
  *done = TRUE;
}

/* A record just imported and not yet indexed for search (the window
 * indexes in a thread, here kept waiting by another writer): the picker
 * says so, and shows the record once the index has it, without the
 * search typed again. */
static void
test_picker_while_indexing (void)
{
  g_autofree char *path = make_sample_catalog ("picker.db", TRUE);
  g_autoptr(DocketStore) store = docket_store_open (path, NULL);
  g_autoptr(DocketStore) other = docket_store_open (path, NULL);
  DocketRecordPicker *picker;
  gboolean indexed = FALSE;

  g_assert_cmpuint (docket_store_count_unindexed (store, NULL), >, 0);
  g_assert_true (docket_store_begin_batch (other, NULL));
  docket_store_update_index_async (store, NULL, index_done_cb, &indexed);

  picker = docket_record_picker_new (NULL, store, SAMPLE_ID);
  docket_record_picker_set_search (picker, "Dobrynin");
  /* Past the search entry's own delay: the search has been run. */
  docket_test_spin (400);
  g_assert_cmpuint (docket_record_picker_get_n_results (picker), ==, 0);
  g_assert_nonnull (strstr (docket_record_picker_get_status (picker), "still being indexed"));

  docket_store_abort_batch (other);
  g_assert_true (docket_test_wait_for (picker_has_results, picker));
  g_assert_cmpstr (docket_record_picker_get_result (picker, 0), ==, OTHER_ID);
  g_assert_cmpstr (docket_record_picker_get_status (picker), ==, "");
  g_assert_true (docket_test_wait_for (flag_is_set, &indexed));
  gtk_window_destroy (GTK_WINDOW (picker));
}

/* A link from footnote 2 to another record, made in the link editor, is
 * followed to that record, whose "Cited by" leads back. */
static void
test_link_and_cited_by (void)
{
  g_autofree char *path = make_sample_catalog ("link.db", TRUE);
  DocketWindow *window = open_window (path);
  DocketFootnotesPane *pane = window->footnotes_pane;
  DocketRecord *record = docket_window_get_record (window);
  DocketFootnoteRow *row = docket_footnotes_pane_get_row (pane, "d206fn2");
  GtkTextBuffer *text = gtk_text_view_get_buffer (docket_footnote_row_get_text_view (row));
  DocketFootnote *footnote;
  DocketFootnoteLink *link;
  GtkWindow *editor;
  GtkListBox *cited_by;
  GtkTextIter start, end;
  guint n_links = docket_record_find_footnote (record, "d206fn2")->links->len;

  /* The picker finds the other record by its words and leaves out this one. */
  {
    DocketRecordPicker *picker = docket_record_picker_new (GTK_WINDOW (window), docket_window_get_store (window), SAMPLE_ID);

    docket_record_picker_set_search (picker, "Dobrynin");
    /* The window may still be indexing the other record; the picker
     * shows it once it is. */
    g_assert_true (docket_test_wait_for (picker_has_results, picker));
    g_assert_cmpuint (docket_record_picker_get_n_results (picker), ==, 1);
    g_assert_cmpstr (docket_record_picker_get_result (picker, 0), ==, OTHER_ID);
    gtk_window_destroy (GTK_WINDOW (picker));
  }

  /* The link covers "A record of their discussion", selected in the note. */
  gtk_text_buffer_get_start_iter (text, &start);
  g_assert_true (gtk_text_iter_forward_search (&start, "A record of their discussion", 0, &start, &end, NULL));
  gtk_text_buffer_select_range (text, &start, &end);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (row), "footnote.add-link", "s", "record"));
  editor = docket_footnote_row_get_link_editor (row);
  g_assert_nonnull (editor);
  gtk_editable_set_text (docket_link_editor_get_entry (DOCKET_LINK_EDITOR (editor), "record"), OTHER_ID);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "link.save", NULL));

  footnote = docket_record_find_footnote (record, "d206fn2");
  g_assert_cmpuint (footnote->links->len, ==, n_links + 1);
  link = g_ptr_array_index (footnote->links, n_links);
  g_assert_cmpint (link->kind, ==, DOCKET_LINK_RECORD);
  g_assert_cmpstr (link->target, ==, OTHER_ID);
  g_assert_cmpint (link->span_start, ==, gtk_text_iter_get_offset (&start));
  g_assert_cmpint (link->span_end, ==, gtk_text_iter_get_offset (&end));

  /* An archival citation, too, then removed again. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (row), "footnote.add-link", "s", "archival"));
  editor = docket_footnote_row_get_link_editor (row);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "link.save", NULL));
  g_assert_nonnull (docket_footnote_row_get_link_editor (row));   /* nothing filled in: it stays open */
  gtk_editable_set_text (docket_link_editor_get_entry (DOCKET_LINK_EDITOR (editor), "repository"), "Johnson Library");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "link.save", NULL));
  g_assert_cmpuint (footnote->links->len, ==, n_links + 2);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (row), "footnote.remove-link", "u", n_links + 1));
  g_assert_cmpuint (footnote->links->len, ==, n_links + 1);

  /* Follow it: the window opens the other record (saving this one). */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (row), "footnote.follow-link", "u", n_links));
  g_assert_true (docket_test_wait_for_record (window, OTHER_ID));

  cited_by = docket_footnotes_pane_get_cited_by_list (pane);
  {
    GtkListBoxRow *first = gtk_list_box_get_row_at_index (cited_by, 0);

    g_assert_nonnull (first);
    g_assert_null (gtk_list_box_get_row_at_index (cited_by, 1));
    gtk_widget_activate (GTK_WIDGET (first));
  }
  g_assert_true (docket_test_wait_for_record (window, SAMPLE_ID));
  docket_test_close_window (window);

  {
    g_autoptr(DocketStore) store = docket_store_open (path, NULL);
    g_autoptr(GPtrArray) citing = docket_store_list_citing (store, OTHER_ID, NULL);

    g_assert_cmpuint (citing->len, ==, 1);
    g_assert_cmpstr (((DocketCitation *) g_ptr_array_index (citing, 0))->footnote_id, ==, "d206fn2");
  }
}

/* In edit mode a word typed before a marker keeps the marker after the
 * same word; the marker cannot be deleted; undo takes the edit back. */
static void
test_edit_keeps_marker (void)
{
  g_autofree char *path = make_sample_catalog ("edit-text.db", FALSE);
  DocketWindow *window = open_window (path);
  DocketDocumentView *view = _docket_window_get_document_view (window);
  GtkTextBuffer *buffer = docket_test_view_buffer (window);
  DocketRecord *record = docket_window_get_record (window);
  g_autoptr(DocketRecord) saved = NULL;
  g_autofree char *before = NULL;
  const char *block_text;
  GtkTextIter start, match_start, match_end;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "document.editing", NULL));
  g_assert_true (docket_document_view_get_editing (view));

  gtk_text_buffer_get_start_iter (buffer, &start);
  g_assert_true (gtk_text_iter_forward_search (&start, "Dobrynin in his talk", 0, &match_start, &match_end, NULL));
  g_assert_true (gtk_text_buffer_insert_interactive (buffer, &match_start, "Ambassador ", -1, TRUE));

  block_text = anchor_block_text_before (record, "d206fn2", &before);
  g_assert_nonnull (strstr (block_text, "what Ambassador Dobrynin in his talk"));
  g_assert_true (g_str_has_suffix (before, "namely, Vietnam."));

  /* A deletion across the marker takes the words and leaves the marker. */
  gtk_text_buffer_get_start_iter (buffer, &start);
  g_assert_true (gtk_text_iter_forward_search (&start, "namely, Vietnam.", 0, &match_start, &match_end, NULL));
  gtk_text_iter_forward_chars (&match_end, 1);   /* the marker */
  gtk_text_buffer_delete_interactive (buffer, &match_start, &match_end, TRUE);
  g_clear_pointer (&before, g_free);
  block_text = anchor_block_text_before (record, "d206fn2", &before);
  g_assert_true (g_str_has_suffix (before, "called the Number One subject, "));
  g_assert_cmpuint (docket_document_view_get_n_markers (view), ==, 3);

  /* Undo takes the deletion back (the typing before it is another step,
   * unless it came within the same two seconds). */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_clear_pointer (&before, g_free);
  anchor_block_text_before (record, "d206fn2", &before);
  if (!g_str_has_suffix (before, "namely, Vietnam."))
    g_assert_true (g_str_has_suffix (before, "called the Number One subject, "));

  /* Do it again and keep it: the catalog gets the text and the marker. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL);
  while (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL) &&
         docket_edit_session_get_can_undo (_docket_window_get_session (window)))
    ;
  gtk_text_buffer_get_start_iter (buffer, &start);
  g_assert_true (gtk_text_iter_forward_search (&start, "Dobrynin in his talk", 0, &match_start, &match_end, NULL));
  g_assert_true (gtk_text_buffer_insert_interactive (buffer, &match_start, "Ambassador ", -1, TRUE));
  docket_test_close_window (window);

  saved = docket_test_load_record (path, SAMPLE_ID);
  g_clear_pointer (&before, g_free);
  block_text = anchor_block_text_before (saved, "d206fn2", &before);
  g_assert_nonnull (strstr (block_text, "what Ambassador Dobrynin in his talk"));
  g_assert_true (g_str_has_suffix (before, "namely, Vietnam."));
  g_assert_cmpuint (docket_record_get_footnotes (saved)->len, ==, 3);
  {
    g_auto(GStrv) pages = docket_record_dup_page_breaks (saved);
    g_assert_cmpuint (g_strv_length (pages), ==, 1);
  }
}

static gboolean
import_done (gpointer data)
{
  return !docket_import_dialog_get_running (data);
}

static guint
count_records (const char *path)
{
  g_autoptr(DocketStore) store = docket_store_open (path, NULL);

  return docket_store_count_records (store, NULL, NULL);
}

/* A volume imported from the window and cancelled writes nothing; the same
 * volume imported to the end shows up in the record list. */
static void
test_import_volume (void)
{
  g_autofree char *volume = docket_test_shared_path ("corpus", "frus1964-68v29p2.xml", NULL);
  g_autofree char *path = NULL;
  g_autoptr(GListStore) files = NULL;
  g_autoptr(GFile) file = NULL;
  DocketStore *other;
  DocketImportDialog *dialog;
  DocketWindow *window;
  guint n_before, n_listed;

  if (volume == NULL)
    return;

  path = make_sample_catalog ("import.db", FALSE);
  window = open_window (path);
  n_before = count_records (path);
  files = g_list_store_new (G_TYPE_FILE);
  file = g_file_new_for_path (volume);
  g_list_store_append (files, file);

  /* Cancelled while the thread reads the volume: at once, before the
   * dialog is even shown (showing it takes longer than reading a volume
   * on a fast machine, and a volume stored before the cancel is imported),
   * and with another writer holding the catalog until then, so that the
   * volume cannot be stored first however the threads are scheduled. */
  other = docket_store_open (path, NULL);
  g_assert_true (docket_store_begin_batch (other, NULL));
  dialog = docket_import_dialog_new (GTK_WINDOW (window), window->store, G_LIST_MODEL (files));
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_assert_true (docket_import_dialog_get_running (dialog));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.cancel", NULL));
  docket_store_abort_batch (other);
  g_clear_object (&other);
  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_true (docket_test_wait_for (import_done, dialog));
  g_assert_nonnull (strstr (docket_import_dialog_get_status (dialog), "cancelled"));
  g_assert_cmpuint (count_records (path), ==, n_before);
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* Now to the end: the list grows by the volume's documents. */
  dialog = _docket_window_import_files (window, G_LIST_MODEL (files));
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_assert_true (docket_test_wait_for (import_done, dialog));
  g_assert_cmpuint (count_records (path), >, n_before);
  g_assert_null (strstr (docket_import_dialog_get_status (dialog), "cancelled"));
  gtk_window_destroy (GTK_WINDOW (dialog));
  n_listed = count_records (path);
  g_assert_true (docket_test_wait_for_n_items (G_LIST_MODEL (_docket_window_get_model (window)), n_listed));
  docket_test_close_window (window);
}

/* A cancel after the first of two files was stored: the dialog says what
 * the catalog holds, that file's record, and nothing of the second. */
static void
test_import_cancel_second (void)
{
  g_autofree char *document = docket_test_shared_path ("corpus", "text", "frus1961-63v06", "d1.txt", NULL);
  g_autofree char *volume = docket_test_shared_path ("corpus", "frus1964-68v29p2.xml", NULL);
  g_autofree char *path = NULL;
  g_autoptr(GListStore) files = NULL;
  DocketImportDialog *dialog;
  DocketWindow *window;
  guint n_before;
  gint64 until;

  if (volume == NULL)
    return;

  path = make_sample_catalog ("import-cancel.db", FALSE);
  window = open_window (path);
  n_before = count_records (path);
  files = g_list_store_new (G_TYPE_FILE);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (i == 0 ? document : volume);
      g_list_store_append (files, file);
    }

  dialog = _docket_window_import_files (window, G_LIST_MODEL (files));
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  /* The document is stored while this thread waits; the dialog learns it
   * only when the cancel has come. */
  until = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (count_records (path) == n_before && g_get_monotonic_time () < until)
    g_usleep (G_USEC_PER_SEC / 200);
  g_assert_cmpuint (count_records (path), ==, n_before + 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.cancel", NULL));
  g_assert_true (docket_test_wait_for (import_done, dialog));

  g_assert_nonnull (strstr (docket_import_dialog_get_status (dialog), "cancelled after 1 record was imported"));
  g_assert_cmpuint (count_records (path), ==, n_before + 1);
  gtk_window_destroy (GTK_WINDOW (dialog));
  docket_test_close_window (window);
}

/* A file that is not a document: the error names it, nothing is written. */
static void
test_import_error (void)
{
  g_autofree char *path = make_sample_catalog ("import-bad.db", FALSE);
  g_autofree char *bad = g_build_filename (tmpdir, "broken.xml", NULL);
  g_autoptr(GListStore) files = g_list_store_new (G_TYPE_FILE);
  g_autoptr(GFile) file = NULL;
  DocketWindow *window = open_window (path);
  DocketImportDialog *dialog;
  guint n_before = count_records (path);

  g_assert_true (g_file_set_contents (bad, "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\">\n<text><body>\n<div", -1, NULL));
  file = g_file_new_for_path (bad);
  g_list_store_append (files, file);
  dialog = _docket_window_import_files (window, G_LIST_MODEL (files));
  g_assert_true (docket_test_wait_for (import_done, dialog));
  g_assert_nonnull (strstr (docket_import_dialog_get_status (dialog), "broken.xml"));
  g_assert_cmpuint (count_records (path), ==, n_before);
  gtk_window_destroy (GTK_WINDOW (dialog));
  docket_test_close_window (window);
}

static gboolean
export_done (gpointer data)
{
  return !docket_export_dialog_get_running (data);
}

/* Export from the window: the gate leaves the draft seed out unless asked;
 * with it, the finding aid validates and is written. */
static void
test_export (void)
{
  g_autofree char *schemas = docket_test_shared_path ("schemas", NULL);
  g_autofree char *path = NULL;
  g_autofree char *out = g_build_filename (tmpdir, "export-ead3.xml", NULL);
  g_autofree char *out2002 = g_build_filename (tmpdir, "export-ead2002.xml", NULL);
  g_autoptr(GError) error = NULL;
  DocketExportDialog *dialog;
  DocketWindow *window;

  if (schemas == NULL)
    return;

  path = make_sample_catalog ("export.db", FALSE);
  window = open_window (path);
  dialog = _docket_window_export (window);
  g_assert_nonnull (dialog);

  /* The seed is a draft: the gate leaves it out, and says so. */
  docket_export_dialog_export_to (dialog, out);
  g_assert_true (docket_test_wait_for (export_done, dialog));
  g_assert_false (docket_export_dialog_get_succeeded (dialog));
  g_assert_nonnull (strstr (docket_export_dialog_get_message (dialog), SAMPLE_ID));
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));

  docket_export_dialog_set_include_unapproved (dialog, TRUE);
  docket_export_dialog_set_scope (dialog, DOCKET_EXPORT_SCOPE_COLLECTION);
  docket_export_dialog_export_to (dialog, out);
  g_assert_true (docket_test_wait_for (export_done, dialog));
  g_assert_true (docket_export_dialog_get_succeeded (dialog));
  g_assert_nonnull (strstr (docket_export_dialog_get_message (dialog), "valid"));

  docket_export_dialog_set_format (dialog, TRUE);
  docket_export_dialog_export_to (dialog, out2002);
  g_assert_true (docket_test_wait_for (export_done, dialog));
  g_assert_true (docket_export_dialog_get_succeeded (dialog));
  gtk_window_destroy (GTK_WINDOW (dialog));
  docket_test_close_window (window);

  /* Checked again here, from the files. */
  {
    g_autofree char *xml = NULL;
    gsize length;
    g_autoptr(GBytes) bytes = NULL;

    g_assert_true (g_file_get_contents (out, &xml, &length, NULL));
    g_assert_nonnull (strstr (xml, "Possible Kosygin Talks"));
    bytes = g_bytes_new_take (g_steal_pointer (&xml), length);
    g_assert_true (docket_ead_validate (DOCKET_EAD_FORMAT_EAD3, bytes, schemas, &error));
    g_assert_no_error (error);
  }
  {
    g_autofree char *xml = NULL;
    gsize length;
    g_autoptr(GBytes) bytes = NULL;

    g_assert_true (g_file_get_contents (out2002, &xml, &length, NULL));
    bytes = g_bytes_new_take (g_steal_pointer (&xml), length);
    g_assert_true (docket_ead_validate (DOCKET_EAD_FORMAT_EAD2002, bytes, schemas, &error));
    g_assert_no_error (error);
  }
}

static guint
list_position_of (DocketWindow *window,
                  const char   *id)
{
  GListModel *model = G_LIST_MODEL (_docket_window_get_model (window));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(DocketRecordItem) item = g_list_model_get_item (model, i);

      if (g_strcmp0 (docket_record_item_get_id (item), id) == 0)
        return i;
    }
  g_assert_not_reached ();
}

static char *
read_and_validate (const char      *path,
                   DocketEadFormat  format,
                   const char      *schemas)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  char *xml = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &xml, &length, NULL));
  bytes = g_bytes_new (xml, length);
  g_assert_true (docket_ead_validate (format, bytes, schemas, &error));
  g_assert_no_error (error);
  return xml;
}

/* Two records selected in the list (as with Ctrl-click): the one selected
 * last is open, and the dialog exports both. The gate leaves the draft seed
 * out and names it; with it included, both are in a valid finding aid. */
static void
test_export_selected (void)
{
  g_autofree char *schemas = docket_test_shared_path ("schemas", NULL);
  g_autofree char *path = NULL;
  g_autofree char *out = g_build_filename (tmpdir, "export-selected.xml", NULL);
  g_autofree char *out_all = g_build_filename (tmpdir, "export-selected-all.xml", NULL);
  g_autoptr(GError) error = NULL;
  GtkSelectionModel *selection;
  DocketExportDialog *dialog;
  DocketWindow *window;
  const char *message;

  if (schemas == NULL)
    return;

  path = make_sample_catalog ("export-selected.db", TRUE);
  {
    g_autoptr(DocketStore) store = docket_store_open (path, &error);
    g_autoptr(DocketRecord) other = NULL;

    g_assert_no_error (error);
    other = docket_store_load_record (store, OTHER_ID, &error);
    g_assert_no_error (error);
    docket_record_set (other, DOCKET_FIELD_REVIEW_STATUS, "approved");
    g_assert_true (docket_store_save_record (store, other, "Test Reviewer", &error));
    g_assert_no_error (error);
  }
  window = open_window (path);
  selection = GTK_SELECTION_MODEL (window->selection);

  /* One record selected, then another added to the selection. */
  _docket_window_select_only (window, list_position_of (window, SAMPLE_ID));
  g_assert_true (docket_test_wait_for_record (window, SAMPLE_ID));
  g_assert_true (gtk_selection_model_select_item (selection, list_position_of (window, OTHER_ID), FALSE));
  g_assert_true (docket_test_wait_for_record (window, OTHER_ID));
  g_assert_true (gtk_selection_model_is_selected (selection, list_position_of (window, SAMPLE_ID)));
  g_assert_true (gtk_selection_model_is_selected (selection, list_position_of (window, OTHER_ID)));

  dialog = _docket_window_export (window);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (docket_export_dialog_get_selected_label (dialog), ==, "The _selected records (2)");
  g_assert_null (docket_export_dialog_get_selected_note (dialog));

  /* Two selected: they are what is exported unless the user says
   * otherwise. The draft seed is left out and named. */
  docket_export_dialog_export_to (dialog, out);
  g_assert_true (docket_test_wait_for (export_done, dialog));
  g_assert_true (docket_export_dialog_get_succeeded (dialog));
  message = docket_export_dialog_get_message (dialog);
  g_assert_nonnull (strstr (message, "1 record written"));
  g_assert_nonnull (strstr (message, "valid against the official schemas"));
  g_assert_nonnull (strstr (message, "Left out 1 record not yet approved: " SAMPLE_ID));
  {
    g_autofree char *xml = read_and_validate (out, DOCKET_EAD_FORMAT_EAD3, schemas);

    g_assert_nonnull (strstr (xml, "Rusk and Dobrynin"));
    g_assert_null (strstr (xml, "Possible Kosygin Talks"));
  }

  docket_export_dialog_set_include_unapproved (dialog, TRUE);
  docket_export_dialog_export_to (dialog, out_all);
  g_assert_true (docket_test_wait_for (export_done, dialog));
  g_assert_true (docket_export_dialog_get_succeeded (dialog));
  message = docket_export_dialog_get_message (dialog);
  g_assert_nonnull (strstr (message, "2 records written"));
  g_assert_null (strstr (message, "Left out"));
  {
    g_autofree char *xml = read_and_validate (out_all, DOCKET_EAD_FORMAT_EAD3, schemas);

    g_assert_nonnull (strstr (xml, "Rusk and Dobrynin"));
    g_assert_nonnull (strstr (xml, "Possible Kosygin Talks"));
  }
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* A single selection offers itself, not chosen by default. */
  _docket_window_select_only (window, list_position_of (window, SAMPLE_ID));
  g_assert_true (docket_test_wait_for_record (window, SAMPLE_ID));
  dialog = _docket_window_export (window);
  g_assert_cmpstr (docket_export_dialog_get_selected_label (dialog), ==, "The _selected record (1)");
  gtk_window_destroy (GTK_WINDOW (dialog));
  docket_test_close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  tmpdir = docket_test_ui_init (&argc, &argv);
  /* Imports and exports through the dialogs take longer than the default. */
  docket_test_set_wait_timeout (60);
  app = docket_test_application_new ();
  /* The export dialog checks its files against these, in a thread: set
   * before any thread runs. */
  {
    g_autofree char *schemas = docket_test_shared_path ("schemas", NULL);

    if (schemas != NULL)
      g_setenv ("DOCKET_SCHEMAS_DIR", schemas, TRUE);
  }

  g_test_add_func ("/docket/ui/footnotes/add-and-delete", test_add_and_delete);
  g_test_add_func ("/docket/ui/footnotes/move-marker", test_move_marker);
  g_test_add_func ("/docket/ui/footnotes/selection-both-ways", test_selection_both_ways);
  g_test_add_func ("/docket/ui/footnotes/picker-while-indexing", test_picker_while_indexing);
  g_test_add_func ("/docket/ui/footnotes/link-and-cited-by", test_link_and_cited_by);
  g_test_add_func ("/docket/ui/footnotes/edit-keeps-marker", test_edit_keeps_marker);
  g_test_add_func ("/docket/ui/footnotes/import-volume", test_import_volume);
  g_test_add_func ("/docket/ui/footnotes/import-cancel-second", test_import_cancel_second);
  g_test_add_func ("/docket/ui/footnotes/import-error", test_import_error);
  g_test_add_func ("/docket/ui/footnotes/export", test_export);
  g_test_add_func ("/docket/ui/footnotes/export-selected", test_export_selected);

  ret = g_test_run ();

  g_clear_object (&app);
  docket_test_rmdir (tmpdir);
  g_free (tmpdir);
  return ret;
}
