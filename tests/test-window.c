/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "test-window"

#include "config.h"

#include <gtk/gtk.h>

#include "docket-application.h"
#include "docket-review-value.h"
#include "docket-store.h"
#include "docket-test-ui.h"
#include "docket-test-util.h"
#include "docket-window-private.h"

/* The window, driven through its real widgets and actions. One application
 * for the whole program; each test opens its own catalog in a temporary
 * folder. */

#define SAMPLE_ID "frus1964-68v05d206"

static DocketApplication *app;
static char *tmpdir;

static gboolean
app_idle (gpointer data)
{
  return !docket_application_is_busy (app);
}

static GtkEditable *
field_entry (DocketWindow *window,
             DocketField   field)
{
  GtkWidget *widget = docket_metadata_editor_get_field_widget (_docket_window_get_metadata_editor (window), field);

  g_assert_true (GTK_IS_EDITABLE (widget));
  return GTK_EDITABLE (widget);
}

static char *
buffer_text (GtkTextBuffer *buffer)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static const char *
footnote_id (DocketRecord *record,
             const char   *n)
{
  GPtrArray *footnotes = docket_record_get_footnotes (record);

  for (guint i = 0; i < footnotes->len; i++)
    {
      DocketFootnote *footnote = g_ptr_array_index (footnotes, i);

      if (g_strcmp0 (footnote->n, n) == 0)
        return footnote->id;
    }
  g_assert_not_reached ();
}

/* Tests */

/* The very first `docket`: the default catalog is created and receives the
 * sample, which opens at once. */
static void
test_first_start (void)
{
  g_autofree char *default_path = docket_store_dup_default_path ();
  g_autofree char *text = NULL;
  DocketDocumentView *view;
  DocketWindow *window;

  g_assert_false (g_file_test (default_path, G_FILE_TEST_EXISTS));

  g_application_activate (G_APPLICATION (app));
  window = DOCKET_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_assert_nonnull (window);
  g_assert_true (docket_test_wait_for (app_idle, NULL));
  g_assert_true (docket_test_wait_for_record (window, NULL));

  view = _docket_window_get_document_view (window);
  text = buffer_text (gtk_text_view_get_buffer (docket_document_view_get_text_view (view)));
  g_assert_nonnull (strstr (text, "Memorandum From the Ambassador at Large (Harriman) to President Johnson"));
  g_assert_nonnull (strstr (text, "Possible Kosygin Talks on Vietnam Settlement"));
  g_assert_nonnull (strstr (text, "[Page 522]"));
  g_assert_nonnull (strstr (text, "W. Averell Harriman"));
  g_assert_cmpuint (docket_document_view_get_n_markers (view), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (_docket_window_get_model (window))), ==, 1);

  docket_test_close_window (window);
}

/* Activating marker 2 (Return on it) selects and highlights footnote 2; its
 * number leads back to the marker. */
static void
test_footnote_marker (void)
{
  g_autofree char *path = docket_test_make_sample_catalog (tmpdir, "markers.db");
  DocketWindow *window = docket_test_open_window (app, path);
  DocketDocumentView *view = _docket_window_get_document_view (window);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (docket_document_view_get_text_view (view));
  const char *id = footnote_id (docket_window_get_record (window), "2");
  g_autofree char *selected = NULL;
  g_autofree char *marker = NULL;
  GtkTextIter iter, start, end;

  g_assert_true (docket_document_view_get_marker_iter (view, id, &iter));
  gtk_text_buffer_place_cursor (buffer, &iter);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "document.follow-link", NULL));

  g_assert_cmpstr (docket_document_view_get_highlighted_footnote (view), ==, id);
  g_assert_true (gtk_text_buffer_get_selection_bounds (buffer, &start, &end));
  selected = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_assert_true (g_str_has_prefix (selected, "2. This meeting between Rusk and Dobrynin"));

  /* The cursor now stands on the footnote's number: Return leads back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "document.follow-link", NULL));
  g_assert_true (gtk_text_buffer_get_selection_bounds (buffer, &start, &end));
  marker = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_assert_cmpstr (marker, ==, "2");
  g_assert_true (gtk_text_iter_equal (&start, &iter));

  docket_test_close_window (window);
}

/* A record with no text (a finding aid's series) shows its title and
 * says it has no transcription, instead of an empty page. */
static void
test_record_without_text (void)
{
  g_autofree char *path = docket_test_make_sample_catalog (tmpdir, "empty.db");
  DocketWindow *window = docket_test_open_window (app, path);
  DocketDocumentView *view = _docket_window_get_document_view (window);
  g_autoptr(DocketRecord) series = docket_record_new ();
  DocketRecord *memorandum = docket_window_get_record (window);

  g_assert_null (docket_document_view_get_empty_text (view));

  docket_record_set_id (series, "mc00084-c1");
  docket_record_set (series, DOCKET_FIELD_TITLE, "Drawings");
  docket_document_view_set_record (view, series);
  g_assert_cmpstr (docket_document_view_get_empty_text (view), ==, "Drawings");
  docket_record_set (series, DOCKET_FIELD_HEADING, "Architectural drawings");
  g_assert_cmpstr (docket_document_view_get_empty_text (view), ==, "Architectural drawings");

  docket_document_view_set_record (view, memorandum);
  g_assert_null (docket_document_view_get_empty_text (view));
  docket_test_close_window (window);
}

/* The window fits a 1024×600 screen: laid out at that size with a record
 * open, every part of it, the side pane's right edge included, lies
 * inside the window, whichever side page is shown. */
static gboolean
window_has_size (gpointer data)
{
  return gtk_widget_get_width (GTK_WIDGET (data)) > 0;
}

static gboolean
window_fits_small_screen (gpointer data)
{
  return window_has_size (data) && gtk_widget_get_width (GTK_WIDGET (data)) <= 1024;
}

static void
test_fits_small_screen (void)
{
  g_autofree char *path = docket_test_make_sample_catalog (tmpdir, "small.db");
  DocketWindow *window = docket_test_open_window (app, path);
  const char *pages[] = { "metadata", "footnotes", "review" };
  GtkStack *side_stack = _docket_window_get_side_stack (window);

  /* The X server answers in its own time on a loaded machine: a size
   * asked for before the window has its first one can be overtaken by the
   * answer to the first request (1200 wide, the default). */
  g_assert_true (docket_test_wait_for (window_has_size, window));
  gtk_window_unmaximize (GTK_WINDOW (window));
  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 600);
  g_assert_true (docket_test_wait_for (window_fits_small_screen, window));
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      graphene_rect_t bounds;
      int width;

      gtk_stack_set_visible_child_name (side_stack, pages[i]);
      docket_test_spin (300);
      width = gtk_widget_get_width (GTK_WIDGET (window));
      g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (side_stack), GTK_WIDGET (window), &bounds));
      g_test_message ("side page %s: window %d wide, side pane from %.0f to %.0f",
                      pages[i], width, bounds.origin.x, bounds.origin.x + bounds.size.width);
      g_assert_cmpint (width, <=, 1024);
      g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, width);
    }
  docket_test_close_window (window);
}

/* An edit reaches the catalog when the window closes, before the autosave
 * delay is over. */
static void
test_edit_saved_on_close (void)
{
  g_autofree char *path = docket_test_make_sample_catalog (tmpdir, "edit.db");
  DocketWindow *window = docket_test_open_window (app, path);
  g_autoptr(DocketRecord) saved = NULL;

  gtk_editable_set_text (field_entry (window, DOCKET_FIELD_CLASSIFICATION), "Secret");
  g_assert_cmpstr (docket_record_get (docket_window_get_record (window), DOCKET_FIELD_CLASSIFICATION), ==, "Secret");
  docket_test_close_window (window);

  saved = docket_test_load_record (path, SAMPLE_ID);
  g_assert_cmpstr (docket_record_get (saved, DOCKET_FIELD_CLASSIFICATION), ==, "Secret");
}

/* Undo goes back across fields, one field at a time; redo comes forward. */
static void
test_undo (void)
{
  g_autofree char *path = docket_test_make_sample_catalog (tmpdir, "undo.db");
  DocketWindow *window = docket_test_open_window (app, path);
  DocketRecord *record = docket_window_get_record (window);
  g_autofree char *old_classification = g_strdup (docket_record_get (record, DOCKET_FIELD_CLASSIFICATION));
  g_autofree char *old_place = g_strdup (docket_record_get (record, DOCKET_FIELD_PLACE));
  g_autoptr(DocketRecord) saved = NULL;

  g_assert_cmpstr (old_classification, !=, "Confidential");
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL) &&
                  docket_edit_session_get_can_undo (_docket_window_get_session (window)));

  gtk_editable_set_text (field_entry (window, DOCKET_FIELD_CLASSIFICATION), "Conf");
  gtk_editable_set_text (field_entry (window, DOCKET_FIELD_CLASSIFICATION), "Confidential");
  gtk_editable_set_text (field_entry (window, DOCKET_FIELD_PLACE), "Washington");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpstr (docket_record_get (record, DOCKET_FIELD_PLACE), ==, old_place);
  g_assert_cmpstr (docket_record_get (record, DOCKET_FIELD_CLASSIFICATION), ==, "Confidential");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpstr (docket_record_get (record, DOCKET_FIELD_CLASSIFICATION), ==, old_classification);
  g_assert_cmpstr (gtk_editable_get_text (field_entry (window, DOCKET_FIELD_CLASSIFICATION)), ==,
                   old_classification != NULL ? old_classification : "");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  g_assert_cmpstr (docket_record_get (record, DOCKET_FIELD_CLASSIFICATION), ==, "Confidential");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));

  docket_test_close_window (window);
  saved = docket_test_load_record (path, SAMPLE_ID);
  g_assert_cmpstr (docket_record_get (saved, DOCKET_FIELD_CLASSIFICATION), ==, old_classification);
  g_assert_cmpstr (docket_record_get (saved, DOCKET_FIELD_PLACE), ==, old_place);
}

static DocketRecord *
make_record (const char *id,
             const char *number,
             const char *heading,
             const char *text)
{
  DocketRecord *record = docket_record_new ();

  docket_record_set_id (record, id);
  docket_record_set (record, DOCKET_FIELD_NUMBER, number);
  docket_record_set (record, DOCKET_FIELD_HEADING, heading);
  docket_record_add_block (record, docket_block_new (DOCKET_BLOCK_PARAGRAPH, text));
  return record;
}

/* Typing in the search entry narrows the list; clearing it brings all back. */
static gboolean
window_done_indexing (gpointer data)
{
  return !_docket_window_is_indexing (data);
}

static void
test_filter (void)
{
  g_autofree char *path = docket_test_make_sample_catalog (tmpdir, "filter.db");
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  DocketWindow *window;
  GtkEditable *search;
  GListModel *model;

  {
    g_autoptr(DocketStore) store = docket_store_open (path, &error);

    g_assert_no_error (error);
    g_ptr_array_add (records, make_record ("test-d1", "1", "Telegram From the Embassy in Saigon to the Department of State",
                                           "The Embassy reports on the elections."));
    g_ptr_array_add (records, make_record ("test-d2", "2", "Letter From President Johnson to Chairman Kosygin",
                                           "A reply on the talks."));
    docket_store_insert_records (store, NULL, records, DOCKET_STORE_INSERT_FAIL_ON_EXISTING, NULL, &error);
    g_assert_no_error (error);
  }

  window = docket_test_open_window (app, path);
  model = G_LIST_MODEL (_docket_window_get_model (window));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);

  /* The two records were added as an import adds them, not yet indexed
   * for search: the window indexes them in a thread, and the filter finds
   * them once it has. */
  search = GTK_EDITABLE (_docket_window_get_search_entry (window));
  gtk_editable_set_text (search, "Kosygin");
  g_assert_true (docket_test_wait_for_n_items (model, 2));
  g_assert_true (docket_test_wait_for (window_done_indexing, window));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);

  gtk_editable_set_text (search, "Kosygin Harriman");
  g_assert_true (docket_test_wait_for_n_items (model, 1));
  {
    g_autoptr(DocketRecordItem) item = g_list_model_get_item (model, 0);
    g_assert_cmpstr (docket_record_item_get_id (item), ==, SAMPLE_ID);
  }

  gtk_editable_set_text (search, "");
  g_assert_true (docket_test_wait_for_n_items (model, 3));

  /* Sorting by number puts 1 and 2 before 206. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.sort-order", "s", "number"));
  {
    g_autoptr(DocketRecordItem) first = g_list_model_get_item (model, 0);
    g_autoptr(DocketRecordItem) last = g_list_model_get_item (model, 2);
    g_assert_cmpstr (docket_record_item_get_number (first), ==, "1");
    g_assert_cmpstr (docket_record_item_get_number (last), ==, "206");
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.sort-order", "s", "catalog"));

  docket_test_close_window (window);
}

/* A save against a record changed meanwhile by another connection shows the
 * conflict; nothing is overwritten until the user chooses. */
static void
test_conflict (void)
{
  g_autofree char *path = docket_test_make_sample_catalog (tmpdir, "conflict.db");
  DocketWindow *window = docket_test_open_window (app, path);
  DocketRecord *record = docket_window_get_record (window);
  g_autoptr(GError) error = NULL;
  g_autoptr(DocketStore) other = NULL;
  g_autoptr(DocketRecord) theirs = NULL;
  g_autoptr(DocketRecord) saved = NULL;
  GtkRevealer *banner = _docket_window_get_conflict_revealer (window);

  other = docket_store_open (path, &error);
  g_assert_no_error (error);
  theirs = docket_store_load_record (other, SAMPLE_ID, &error);
  g_assert_no_error (error);
  docket_record_set (theirs, DOCKET_FIELD_CLASSIFICATION, "Confidential");
  g_assert_true (docket_store_save_record (other, theirs, "someone else", &error));
  g_assert_no_error (error);

  gtk_editable_set_text (field_entry (window, DOCKET_FIELD_CLASSIFICATION), "Secret");
  g_assert_false (docket_window_flush (window, &error));
  g_assert_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_CONFLICT);
  g_clear_error (&error);

  g_assert_true (gtk_revealer_get_reveal_child (banner));
  g_assert_nonnull (strstr (gtk_label_get_label (window->conflict_detail_label), "Confidential"));
  g_assert_nonnull (strstr (gtk_label_get_label (window->conflict_detail_label), "Secret"));

  /* The catalog still holds their value, and closing does not overwrite it. */
  saved = docket_store_load_record (other, SAMPLE_ID, &error);
  g_assert_cmpstr (docket_record_get (saved, DOCKET_FIELD_CLASSIFICATION), ==, "Confidential");
  g_clear_object (&saved);
  gtk_window_close (GTK_WINDOW (window));
  docket_test_spin (50);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));

  /* Take theirs: the window shows their value. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.take-theirs", NULL));
  g_assert_false (gtk_revealer_get_reveal_child (banner));
  g_assert_cmpstr (docket_record_get (record, DOCKET_FIELD_CLASSIFICATION), ==, "Confidential");
  g_assert_cmpstr (gtk_editable_get_text (field_entry (window, DOCKET_FIELD_CLASSIFICATION)), ==, "Confidential");

  /* A second conflict, resolved by keeping mine. */
  g_clear_object (&theirs);
  theirs = docket_store_load_record (other, SAMPLE_ID, &error);
  docket_record_set (theirs, DOCKET_FIELD_PLACE, "Moscow");
  g_assert_true (docket_store_save_record (other, theirs, "someone else", &error));
  gtk_editable_set_text (field_entry (window, DOCKET_FIELD_PLACE), "Washington");
  g_assert_false (docket_window_flush (window, NULL));
  g_assert_true (gtk_revealer_get_reveal_child (banner));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.keep-mine", NULL));
  g_assert_false (gtk_revealer_get_reveal_child (banner));

  saved = docket_store_load_record (other, SAMPLE_ID, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (docket_record_get (saved, DOCKET_FIELD_PLACE), ==, "Washington");

  docket_test_close_window (window);
}

static gboolean
has_label (GtkWidget  *root,
           const char *text)
{
  if (GTK_IS_LABEL (root) && gtk_widget_get_mapped (root) &&
      g_strcmp0 (gtk_label_get_label (GTK_LABEL (root)), text) == 0)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_label (child, text))
      return TRUE;
  return FALSE;
}

/* The change made in the other store shows in the list row (its status),
 * in the open record and in the editor (its place). */
static gboolean
shows_their_change (gpointer data)
{
  DocketWindow *window = data;
  DocketRecord *record = docket_window_get_record (window);

  return g_strcmp0 (docket_record_get (record, DOCKET_FIELD_PLACE), "Moscow") == 0 &&
         g_strcmp0 (gtk_editable_get_text (field_entry (window, DOCKET_FIELD_PLACE)), "Moscow") == 0 &&
         has_label (GTK_WIDGET (window->record_list), "In review");
}

static gboolean
in_conflict (gpointer data)
{
  return docket_edit_session_get_state (_docket_window_get_session (data)) == DOCKET_EDIT_SESSION_CONFLICT;
}

/* A change made by another program (docket-cli, a second window) shows
 * without a restart, keeping the list's selection; a record with edits
 * not yet saved is not replaced, and its save shows the conflict. */
static void
test_changed_elsewhere (void)
{
  g_autofree char *path = docket_test_make_sample_catalog (tmpdir, "elsewhere.db");
  DocketWindow *window = docket_test_open_window (app, path);
  DocketRecord *record = docket_window_get_record (window);
  g_autoptr(DocketStore) other = NULL;
  g_autoptr(DocketRecord) theirs = NULL;
  g_autoptr(DocketRecord) saved = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (has_label (GTK_WIDGET (window->record_list), "In review"));
  other = docket_store_open (path, &error);
  g_assert_no_error (error);
  theirs = docket_store_load_record (other, SAMPLE_ID, &error);
  g_assert_no_error (error);
  docket_record_set (theirs, DOCKET_FIELD_REVIEW_STATUS, "in-review");
  docket_record_set (theirs, DOCKET_FIELD_PLACE, "Moscow");
  g_assert_true (docket_store_save_record (other, theirs, "someone else", &error));
  g_assert_no_error (error);

  g_assert_true (docket_test_wait_for (shows_their_change, window));
  g_assert_true (docket_window_get_record (window) == record);
  g_assert_cmpint (docket_record_get_version (record), ==, docket_record_get_version (theirs));
  g_assert_cmpstr (docket_record_get (record, DOCKET_FIELD_REVIEW_STATUS), ==, "in-review");
  g_assert_cmpint (docket_edit_session_get_state (_docket_window_get_session (window)), ==,
                   DOCKET_EDIT_SESSION_SAVED);
  {
    g_autoptr(DocketRecordItem) item = g_list_model_get_item (G_LIST_MODEL (_docket_window_get_model (window)), 0);
    g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (window->selection));

    g_assert_cmpstr (docket_record_item_get_review_status (item), ==, "in-review");
    g_assert_cmpuint (gtk_bitset_get_size (selected), ==, 1);
    g_assert_true (gtk_bitset_contains (selected, 0));
  }

  /* An edit waiting for the autosave is kept; their newer version meets it
   * as a conflict. */
  gtk_editable_set_text (field_entry (window, DOCKET_FIELD_PLACE), "Washington");
  g_clear_object (&theirs);
  theirs = docket_store_load_record (other, SAMPLE_ID, &error);
  g_assert_no_error (error);
  docket_record_set (theirs, DOCKET_FIELD_CLASSIFICATION, "Confidential");
  g_assert_true (docket_store_save_record (other, theirs, "someone else", &error));
  g_assert_no_error (error);
  g_assert_true (docket_test_wait_for (in_conflict, window));
  docket_test_spin (2000);
  g_assert_cmpstr (docket_record_get (record, DOCKET_FIELD_PLACE), ==, "Washington");
  g_assert_cmpstr (gtk_editable_get_text (field_entry (window, DOCKET_FIELD_PLACE)), ==, "Washington");
  g_assert_true (gtk_revealer_get_reveal_child (_docket_window_get_conflict_revealer (window)));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.keep-mine", NULL));
  saved = docket_store_load_record (other, SAMPLE_ID, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (docket_record_get (saved, DOCKET_FIELD_PLACE), ==, "Washington");

  docket_test_close_window (window);
}

/* Every field has a visible label that names it for screen readers, and
 * problems show inline as they are typed. */
static void
test_metadata_editor (void)
{
  g_autofree char *path = docket_test_make_sample_catalog (tmpdir, "fields.db");
  DocketWindow *window = docket_test_open_window (app, path);
  DocketMetadataEditor *editor = _docket_window_get_metadata_editor (window);

  for (guint field = 0; field < DOCKET_N_FIELDS; field++)
    {
      GtkWidget *label = docket_metadata_editor_get_field_label (editor, field);
      GtkWidget *input = docket_metadata_editor_get_field_widget (editor, field);

      g_assert_true (GTK_IS_LABEL (label));
      g_assert_true (gtk_widget_get_visible (label));
      g_assert_true (gtk_label_get_mnemonic_widget (GTK_LABEL (label)) == input);
      g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (label)), ==, docket_field_get_label (field));
      g_assert_true (gtk_widget_grab_focus (input));
    }

  /* A date as written that is not normalized says so beside it. */
  gtk_editable_set_text (field_entry (window, DOCKET_FIELD_DATE_TEXT), "June 21, 1967");
  gtk_editable_set_text (field_entry (window, DOCKET_FIELD_DATE_FROM), "June 21, 1967");
  g_assert_nonnull (docket_metadata_editor_get_field_message (editor, DOCKET_FIELD_DATE_FROM));
  g_assert_cmpstr (docket_metadata_editor_get_normalized_date (editor), ==, "not normalized");
  gtk_editable_set_text (field_entry (window, DOCKET_FIELD_DATE_FROM), "1967-06-21");
  g_assert_null (docket_metadata_editor_get_field_message (editor, DOCKET_FIELD_DATE_FROM));
  g_assert_cmpstr (docket_metadata_editor_get_normalized_date (editor), ==, "1967-06-21");
  gtk_editable_set_text (field_entry (window, DOCKET_FIELD_DATE_TO), "1967-06-20");
  g_assert_nonnull (docket_metadata_editor_get_field_message (editor, DOCKET_FIELD_DATE_TO));
  gtk_editable_set_text (field_entry (window, DOCKET_FIELD_DATE_TO), "");

  gtk_editable_set_text (field_entry (window, DOCKET_FIELD_TITLE), "");
  g_assert_nonnull (docket_metadata_editor_get_field_message (editor, DOCKET_FIELD_TITLE));
  gtk_editable_set_text (field_entry (window, DOCKET_FIELD_TITLE), "Memorandum, Harriman to Johnson");
  g_assert_null (docket_metadata_editor_get_field_message (editor, DOCKET_FIELD_TITLE));

  /* No date as written: the DACS message says so, and nothing stands
   * beside the field. */
  gtk_editable_set_text (field_entry (window, DOCKET_FIELD_DATE_TEXT), "");
  g_assert_nonnull (docket_metadata_editor_get_field_message (editor, DOCKET_FIELD_DATE_TEXT));
  g_assert_null (docket_metadata_editor_get_normalized_date (editor));
  gtk_editable_set_text (field_entry (window, DOCKET_FIELD_DATE_TEXT), "June 21, 1967");
  g_assert_null (docket_metadata_editor_get_field_message (editor, DOCKET_FIELD_DATE_TEXT));
  g_assert_cmpstr (docket_metadata_editor_get_normalized_date (editor), ==, "1967-06-21");

  /* The date certainty is chosen from the values the catalog accepts, and
   * undo and the autosave work as for typed fields. */
  {
    DocketRecord *record = docket_window_get_record (window);
    GtkDropDown *certainty = GTK_DROP_DOWN (docket_metadata_editor_get_field_widget (editor, DOCKET_FIELD_DATE_CERTAINTY));
    GListModel *items = gtk_drop_down_get_model (certainty);
    const char *labels[] = { "Not set", "Exact", "Approximate", "Inferred", "Questionable", "Undated" };
    const char *values[] = { NULL, "exact", "approximate", "inferred", "questionable", "undated" };
    g_autofree char *old = g_strdup (docket_record_get (record, DOCKET_FIELD_DATE_CERTAINTY));
    g_autoptr(DocketRecord) saved = NULL;
    g_autoptr(GError) error = NULL;

    g_assert_cmpuint (g_list_model_get_n_items (items), ==, G_N_ELEMENTS (labels));
    for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
      {
        g_autoptr(GtkStringObject) item = g_list_model_get_item (items, i);

        g_assert_cmpstr (gtk_string_object_get_string (item), ==, labels[i]);
        gtk_drop_down_set_selected (certainty, i);
        g_assert_cmpstr (docket_record_get (record, DOCKET_FIELD_DATE_CERTAINTY), ==, values[i]);
        g_assert_true (docket_review_value_validate (DOCKET_FIELD_DATE_CERTAINTY, values[i], &error));
        g_assert_no_error (error);
        g_assert_null (docket_metadata_editor_get_field_message (editor, DOCKET_FIELD_DATE_CERTAINTY));
      }

    gtk_drop_down_set_selected (certainty, 2);
    g_assert_true (docket_window_flush (window, &error));
    g_assert_no_error (error);
    saved = docket_test_load_record (path, SAMPLE_ID);
    g_assert_cmpstr (docket_record_get (saved, DOCKET_FIELD_DATE_CERTAINTY), ==, "approximate");

    /* Undo goes back through the choices to the value loaded. */
    while (g_strcmp0 (docket_record_get (record, DOCKET_FIELD_DATE_CERTAINTY), old) != 0)
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
    for (guint i = 0; i < G_N_ELEMENTS (values); i++)
      if (g_strcmp0 (values[i], old) == 0)
        g_assert_cmpuint (gtk_drop_down_get_selected (certainty), ==, i);

    /* A value it does not offer is shown as it is, with a message. */
    docket_record_set (record, DOCKET_FIELD_DATE_CERTAINTY, "circa");
    g_assert_cmpstr (gtk_string_object_get_string (GTK_STRING_OBJECT (gtk_drop_down_get_selected_item (certainty))), ==, "circa");
    g_assert_nonnull (docket_metadata_editor_get_field_message (editor, DOCKET_FIELD_DATE_CERTAINTY));
    docket_record_set (record, DOCKET_FIELD_DATE_CERTAINTY, "exact");
    g_assert_cmpuint (g_list_model_get_n_items (items), ==, G_N_ELEMENTS (labels));
    g_assert_cmpuint (gtk_drop_down_get_selected (certainty), ==, 1);
  }

  /* The review status is shown, not typed: the Review pane changes it. */
  {
    GtkEditable *status = field_entry (window, DOCKET_FIELD_REVIEW_STATUS);

    g_assert_false (gtk_editable_get_editable (status));
    docket_record_set (docket_window_get_record (window), DOCKET_FIELD_REVIEW_STATUS, "in-review");
    g_assert_cmpstr (gtk_editable_get_text (status), ==, "in-review");
  }

  /* Agents: add one, and undo takes it away again. */
  {
    guint n = docket_record_get_agents (docket_window_get_record (window))->len;

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "metadata.add-agent", NULL));
    g_assert_cmpuint (docket_record_get_agents (docket_window_get_record (window))->len, ==, n + 1);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
    g_assert_cmpuint (docket_record_get_agents (docket_window_get_record (window))->len, ==, n);
  }

  docket_test_close_window (window);
}

/* The list model counts first and reads rows a page at a time. */
static void
test_list_model_paging (void)
{
  g_autofree char *path = g_build_filename (tmpdir, "many.db", NULL);
  g_autoptr(DocketStore) store = NULL;
  g_autoptr(DocketRecordListModel) model = NULL;
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;

  store = docket_store_open (path, &error);
  g_assert_no_error (error);
  for (guint i = 1; i <= 3000; i++)
    {
      g_autofree char *id = g_strdup_printf ("many-d%u", i);
      g_autofree char *number = g_strdup_printf ("%u", i);

      g_ptr_array_add (records, make_record (id, number, "Memorandum", "Text"));
    }
  docket_store_insert_records (store, NULL, records, DOCKET_STORE_INSERT_FAIL_ON_EXISTING, NULL, &error);
  g_assert_no_error (error);

  model = docket_record_list_model_new (store);
  g_assert_true (docket_record_list_model_reload (model, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 3000);
  g_assert_cmpuint (docket_record_list_model_get_n_pages_loaded (model), ==, 0);

  {
    g_autoptr(DocketRecordItem) last = g_list_model_get_item (G_LIST_MODEL (model), 2999);
    g_assert_cmpstr (docket_record_item_get_id (last), ==, "many-d3000");
  }
  g_assert_cmpuint (docket_record_list_model_get_n_pages_loaded (model), ==, 1);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (model), 3000));

  for (guint i = 0; i < 3000; i += 7)
    g_object_unref (g_list_model_get_item (G_LIST_MODEL (model), i));
  g_assert_cmpuint (docket_record_list_model_get_n_pages_loaded (model), <=, 24);

  /* Typing a filter while a row is selected reads no more than the rows
   * shown, not every page of the matches. */
  {
    g_autoptr(GtkMultiSelection) selection = gtk_multi_selection_new (g_object_ref (G_LIST_MODEL (model)));
    guint before;

    gtk_selection_model_select_item (GTK_SELECTION_MODEL (selection), 5, TRUE);
    before = docket_record_list_model_get_n_pages_read (model);
    g_assert_true (docket_record_list_model_set_text (model, "Memorandum", &error));
    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 3000);
    g_assert_cmpuint (docket_record_list_model_get_n_pages_read (model) - before, <=, 1);
  }
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  tmpdir = docket_test_ui_init (&argc, &argv);
  app = docket_test_application_new ();

  g_test_add_func ("/docket/ui/window/first-start", test_first_start);
  g_test_add_func ("/docket/ui/window/fits-small-screen", test_fits_small_screen);
  g_test_add_func ("/docket/ui/window/footnote-marker", test_footnote_marker);
  g_test_add_func ("/docket/ui/window/record-without-text", test_record_without_text);
  g_test_add_func ("/docket/ui/window/edit-saved-on-close", test_edit_saved_on_close);
  g_test_add_func ("/docket/ui/window/undo", test_undo);
  g_test_add_func ("/docket/ui/window/filter", test_filter);
  g_test_add_func ("/docket/ui/window/conflict", test_conflict);
  g_test_add_func ("/docket/ui/window/metadata-editor", test_metadata_editor);
  g_test_add_func ("/docket/ui/window/changed-elsewhere", test_changed_elsewhere);
  g_test_add_func ("/docket/ui/record-list-model/paging", test_list_model_paging);

  ret = g_test_run ();

  g_clear_object (&app);
  docket_test_rmdir (tmpdir);
  g_free (tmpdir);
  return ret;
}
