/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "test-review-pane"

#include "config.h"

#include <gtk/gtk.h>

#include "docket-application.h"
#include "docket-history-row.h"
#include "docket-problem-row.h"
#include "docket-review.h"
#include "docket-store.h"
#include "docket-test-ui.h"
#include "docket-test-util.h"
#include "docket-window-private.h"

/* The review pane and the record list's filters, driven through their
 * widgets in a real window. Each test opens its own catalog holding the
 * sample memorandum, which has no date. */

#define SAMPLE_ID "frus1964-68v05d206"
#define REVIEWER "Ada Reviewer"

static DocketApplication *app;
static char *tmpdir;

static gboolean
pane_idle (gpointer data)
{
  return !docket_review_pane_get_busy (_docket_window_get_review_pane (data));
}

static gboolean
filter_idle (gpointer data)
{
  return !docket_record_filter_get_busy (_docket_window_get_record_filter (data));
}

static DocketWindow *
open_window (const char *path)
{
  DocketWindow *window = docket_test_open_window (app, path);

  g_assert_true (docket_test_wait_for (pane_idle, window));
  return window;
}

static GPtrArray *
list_rows (GtkListBox *list)
{
  GPtrArray *rows = g_ptr_array_new ();

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_BOX_ROW (child))
      g_ptr_array_add (rows, child);
  return rows;
}

static DocketProblemRow *
find_problem (DocketReviewPane *pane,
              DocketReviewCode  code)
{
  g_autoptr(GPtrArray) rows = list_rows (docket_review_pane_get_problems_list (pane));

  for (guint i = 0; i < rows->len; i++)
    {
      DocketProblemRow *row = g_ptr_array_index (rows, i);

      if (docket_problem_row_get_problem (row)->code == code)
        return row;
    }
  return NULL;
}

static DocketHistoryRow *
history_row (DocketReviewPane *pane,
             guint             position)
{
  g_autoptr(GPtrArray) rows = list_rows (docket_review_pane_get_history_list (pane));

  g_assert_cmpuint (position, <, rows->len);
  return g_ptr_array_index (rows, position);
}

static gboolean
button_offered (DocketReviewPane *pane,
                const char       *status)
{
  GtkWidget *button = docket_review_pane_get_status_button (pane, status);

  /* The button sits in a flow box child, which is what is hidden. */
  return gtk_widget_get_visible (button) && gtk_widget_get_visible (gtk_widget_get_parent (button));
}

/* Whether the keyboard focus is in @input (an entry's focus is in its text). */
static gboolean
has_focus (DocketWindow *window,
           GtkWidget    *input)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  return focus != NULL && (focus == input || gtk_widget_is_ancestor (focus, input));
}

static void
click (GtkWidget *button)
{
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}

/* Tests */

/* The pane shows the sample's status and the problem its checks find; one
 * activation of the problem leads to the date field. */
static void
test_status_and_problems (void)
{
  g_autofree char *path = docket_test_make_sample_catalog (tmpdir, "problems.db");
  DocketWindow *window = open_window (path);
  DocketReviewPane *pane = _docket_window_get_review_pane (window);
  GtkStack *side = _docket_window_get_side_stack (window);
  DocketMetadataEditor *editor = _docket_window_get_metadata_editor (window);
  DocketProblemRow *problem;
  GtkWidget *date_input;

  gtk_stack_set_visible_child_name (side, "review");
  g_assert_cmpstr (gtk_label_get_label (docket_review_pane_get_status_label (pane)), ==, "Draft");
  g_assert_cmpstr (gtk_editable_get_text (docket_review_pane_get_reviewer_entry (pane)), ==, REVIEWER);

  /* A draft can only be sent to review. */
  g_assert_true (button_offered (pane, "in-review"));
  g_assert_false (button_offered (pane, "approved"));
  g_assert_false (button_offered (pane, "changes-requested"));
  g_assert_false (button_offered (pane, "draft"));

  problem = find_problem (pane, DOCKET_REVIEW_DATE_MISSING);
  g_assert_nonnull (problem);
  g_assert_cmpstr (docket_problem_row_get_problem (problem)->field, ==, "date.text");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (problem)));

  date_input = docket_metadata_editor_get_field_widget (editor, DOCKET_FIELD_DATE_TEXT);
  g_assert_false (has_focus (window, date_input));
  g_signal_emit_by_name (problem, "activate");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (side), ==, "metadata");
  g_assert_true (has_focus (window, date_input));

  /* Fixed and saved, the problem is gone from the pane. */
  gtk_editable_set_text (GTK_EDITABLE (date_input), "June 21, 1967");
  g_assert_true (docket_window_flush (window, NULL));
  g_assert_true (docket_test_wait_for (pane_idle, window));
  g_assert_null (find_problem (pane, DOCKET_REVIEW_DATE_MISSING));

  docket_test_close_window (window);
}

/* Sending to review and approving are saved in the catalog with the
 * reviewer, the date and the comment; only allowed moves are offered. */
static void
test_status_change (void)
{
  g_autofree char *path = docket_test_make_sample_catalog (tmpdir, "status.db");
  DocketWindow *window = open_window (path);
  DocketReviewPane *pane = _docket_window_get_review_pane (window);
  DocketRecord *record = docket_window_get_record (window);
  g_autoptr(DocketRecord) saved = NULL;

  click (docket_review_pane_get_status_button (pane, "in-review"));
  g_assert_cmpstr (docket_record_get (record, DOCKET_FIELD_REVIEW_STATUS), ==, "in-review");
  g_assert_cmpint (docket_edit_session_get_state (_docket_window_get_session (window)), ==,
                   DOCKET_EDIT_SESSION_SAVED);
  g_assert_cmpstr (gtk_label_get_label (docket_review_pane_get_status_label (pane)), ==, "In review");
  saved = docket_test_load_record (path, SAMPLE_ID);
  g_assert_cmpstr (docket_record_get (saved, DOCKET_FIELD_REVIEW_STATUS), ==, "in-review");
  g_clear_object (&saved);

  /* The record list shows the new status, and the record stays selected. */
  {
    DocketRecordListModel *model = _docket_window_get_model (window);
    g_autoptr(DocketRecordItem) item = g_list_model_get_item (G_LIST_MODEL (model), 0);
    g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (window->selection));

    g_assert_cmpstr (docket_record_item_get_review_status (item), ==, "in-review");
    g_assert_cmpuint (gtk_bitset_get_size (selected), ==, 1);
    g_assert_true (gtk_bitset_contains (selected, 0));
  }

  g_assert_true (button_offered (pane, "approved"));
  g_assert_true (button_offered (pane, "changes-requested"));
  g_assert_true (button_offered (pane, "draft"));
  g_assert_false (button_offered (pane, "in-review"));

  gtk_editable_set_text (docket_review_pane_get_comment_entry (pane), "Provenance checked against the Harriman Papers");
  click (docket_review_pane_get_status_button (pane, "approved"));
  g_assert_cmpstr (gtk_label_get_label (docket_review_pane_get_status_label (pane)), ==, "Approved");
  g_assert_cmpstr (gtk_editable_get_text (docket_review_pane_get_comment_entry (pane)), ==, "");
  g_assert_false (button_offered (pane, "approved"));
  g_assert_false (button_offered (pane, "changes-requested"));

  /* One undo step takes the whole sign-off back; redo puts it again. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpstr (docket_record_get (record, DOCKET_FIELD_REVIEW_STATUS), ==, "in-review");
  g_assert_null (docket_record_get (record, DOCKET_FIELD_REVIEW_COMMENT));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  g_assert_cmpstr (docket_record_get (record, DOCKET_FIELD_REVIEW_STATUS), ==, "approved");

  /* The history shows the sign-off once the save is read back. */
  g_assert_true (docket_window_flush (window, NULL));
  g_assert_true (docket_test_wait_for (pane_idle, window));
  {
    g_autoptr(GPtrArray) rows = list_rows (docket_review_pane_get_history_list (pane));
    gboolean found = FALSE;

    for (guint i = 0; i < rows->len; i++)
      {
        const DocketRevision *revision = docket_history_row_get_revision (g_ptr_array_index (rows, i));

        if (g_strcmp0 (revision->field, "review.status") == 0 &&
            g_strcmp0 (revision->new_value, "approved") == 0)
          found = TRUE;
      }
    g_assert_true (found);
  }
  docket_test_close_window (window);

  /* Another program reading the catalog sees the sign-off. */
  saved = docket_test_load_record (path, SAMPLE_ID);
  g_assert_cmpstr (docket_record_get (saved, DOCKET_FIELD_REVIEW_STATUS), ==, "approved");
  g_assert_cmpstr (docket_record_get (saved, DOCKET_FIELD_REVIEWER), ==, REVIEWER);
  g_assert_cmpstr (docket_record_get (saved, DOCKET_FIELD_REVIEW_COMMENT), ==,
                   "Provenance checked against the Harriman Papers");
  g_assert_nonnull (docket_record_get (saved, DOCKET_FIELD_REVIEW_DATE));
}

/* An edit appears at the top of the history; reverting it puts the old
 * value back in the catalog and in the window, and records the revert. */
static void
test_history_revert (void)
{
  g_autofree char *path = docket_test_make_sample_catalog (tmpdir, "history.db");
  DocketWindow *window = open_window (path);
  DocketReviewPane *pane = _docket_window_get_review_pane (window);
  DocketMetadataEditor *editor = _docket_window_get_metadata_editor (window);
  DocketRecord *record = docket_window_get_record (window);
  GtkEditable *place = GTK_EDITABLE (docket_metadata_editor_get_field_widget (editor, DOCKET_FIELD_PLACE));
  g_autofree char *old_place = g_strdup (docket_record_get (record, DOCKET_FIELD_PLACE));
  const DocketRevision *top;
  g_autoptr(DocketRecord) saved = NULL;

  g_assert_cmpstr (old_place, !=, "Camp David");
  gtk_editable_set_text (place, "Camp David");
  g_assert_true (docket_window_flush (window, NULL));
  g_assert_true (docket_test_wait_for (pane_idle, window));

  top = docket_history_row_get_revision (history_row (pane, 0));
  g_assert_cmpstr (top->field, ==, "place");
  g_assert_cmpstr (top->old_value, ==, old_place);
  g_assert_cmpstr (top->new_value, ==, "Camp David");
  g_assert_nonnull (top->who);
  g_assert_nonnull (top->when);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (docket_history_row_get_revert_button (history_row (pane, 0)))));

  click (GTK_WIDGET (docket_history_row_get_revert_button (history_row (pane, 0))));
  g_assert_true (docket_test_wait_for (pane_idle, window));

  /* The window shows the old value, and nothing is in conflict. */
  g_assert_cmpstr (docket_record_get (record, DOCKET_FIELD_PLACE), ==, old_place);
  g_assert_cmpstr (gtk_editable_get_text (place), ==, old_place != NULL ? old_place : "");
  g_assert_cmpint (docket_edit_session_get_state (_docket_window_get_session (window)), ==,
                   DOCKET_EDIT_SESSION_SAVED);
  saved = docket_test_load_record (path, SAMPLE_ID);
  g_assert_cmpstr (docket_record_get (saved, DOCKET_FIELD_PLACE), ==, old_place);
  g_clear_object (&saved);

  /* The revert is itself a change at the top of the history. */
  top = docket_history_row_get_revision (history_row (pane, 0));
  g_assert_cmpstr (top->field, ==, "place");
  g_assert_cmpstr (top->old_value, ==, "Camp David");
  g_assert_cmpstr (top->new_value, ==, old_place);

  /* Editing goes on from the reloaded version without a conflict. */
  gtk_editable_set_text (place, "Washington");
  g_assert_true (docket_window_flush (window, NULL));
  docket_test_close_window (window);
  saved = docket_test_load_record (path, SAMPLE_ID);
  g_assert_cmpstr (docket_record_get (saved, DOCKET_FIELD_PLACE), ==, "Washington");
}

static DocketRecord *
make_record (const char *id,
             const char *number,
             const char *status,
             const char *classification)
{
  DocketRecord *record = docket_record_new ();

  docket_record_set_id (record, id);
  docket_record_set (record, DOCKET_FIELD_NUMBER, number);
  docket_record_set (record, DOCKET_FIELD_HEADING, "Telegram From the Embassy in Moscow to the Department of State");
  docket_record_set (record, DOCKET_FIELD_REVIEW_STATUS, status);
  docket_record_set (record, DOCKET_FIELD_CLASSIFICATION, classification);
  docket_record_add_block (record, docket_block_new (DOCKET_BLOCK_PARAGRAPH, "Kosygin received the Ambassador."));
  return record;
}

static char *
item_id (DocketRecordListModel *model,
         guint                  position)
{
  g_autoptr(DocketRecordItem) item = g_list_model_get_item (G_LIST_MODEL (model), position);

  return g_strdup (docket_record_item_get_id (item));
}

/* The status, classification and problems filters narrow the list, and
 * combine with each other and with the search text. */
static void
test_filters (void)
{
  g_autofree char *path = docket_test_make_sample_catalog (tmpdir, "filters.db");
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GHashTable) with_problems = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  DocketRecordFilter *filter;
  DocketWindow *window;
  GtkEditable *search;
  DocketRecordListModel *model;
  guint n_problems;

  {
    g_autoptr(DocketStore) store = docket_store_open (path, &error);

    g_assert_no_error (error);
    g_ptr_array_add (records, make_record ("test-d1", "1", "approved", "Secret"));
    g_ptr_array_add (records, make_record ("test-d2", "2", "in-review", "Secret"));
    g_ptr_array_add (records, make_record ("test-d3", "3", NULL, "Top Secret"));
    docket_store_insert_records (store, NULL, records, DOCKET_STORE_INSERT_FAIL_ON_EXISTING, NULL, &error);
    g_assert_no_error (error);
    problems = docket_review_check_catalog (store, NULL, &error);
    g_assert_no_error (error);
    for (guint i = 0; i < problems->len; i++)
      g_hash_table_add (with_problems, ((DocketReviewProblem *) g_ptr_array_index (problems, i))->record_id);
  }

  window = open_window (path);
  filter = _docket_window_get_record_filter (window);
  model = _docket_window_get_model (window);
  search = GTK_EDITABLE (_docket_window_get_search_entry (window));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 4);

  /* By status, through the dropdown as a user picks it. */
  gtk_drop_down_set_selected (docket_record_filter_get_status_dropdown (filter), 3);
  g_assert_cmpstr (docket_record_filter_get_review_status (filter), ==, "approved");
  g_assert_true (docket_test_wait_for_n_items (G_LIST_MODEL (model), 1));
  first = item_id (model, 0);
  g_assert_cmpstr (first, ==, "test-d1");
  g_clear_pointer (&first, g_free);
  g_assert_nonnull (strstr (gtk_label_get_label (window->count_label), "matching"));

  /* Drafts include the records that have no status yet. */
  docket_record_filter_set_review_status (filter, "draft");
  g_assert_true (docket_test_wait_for_n_items (G_LIST_MODEL (model), 2));

  /* Status and search text together. */
  gtk_editable_set_text (search, "Harriman");
  g_assert_true (docket_test_wait_for_n_items (G_LIST_MODEL (model), 1));
  first = item_id (model, 0);
  g_assert_cmpstr (first, ==, SAMPLE_ID);
  g_clear_pointer (&first, g_free);
  gtk_editable_set_text (search, "");
  docket_record_filter_set_review_status (filter, NULL);
  g_assert_true (docket_test_wait_for_n_items (G_LIST_MODEL (model), 4));

  /* By classification, in any spelling. */
  docket_record_filter_set_classification (filter, "secret");
  g_assert_cmpstr (docket_record_filter_get_classification (filter), ==, "Secret");
  g_assert_true (docket_test_wait_for_n_items (G_LIST_MODEL (model), 2));
  docket_record_filter_set_review_status (filter, "in-review");
  g_assert_true (docket_test_wait_for_n_items (G_LIST_MODEL (model), 1));
  docket_record_filter_set_review_status (filter, NULL);
  docket_record_filter_set_classification (filter, NULL);

  /* Only the records the checks find problems in. */
  gtk_toggle_button_set_active (docket_record_filter_get_problems_button (filter), TRUE);
  g_assert_true (docket_test_wait_for (filter_idle, window));
  n_problems = g_hash_table_size (with_problems);
  g_assert_cmpuint (n_problems, >, 0);
  g_assert_true (docket_test_wait_for_n_items (G_LIST_MODEL (model), n_problems));
  for (guint i = 0; i < n_problems; i++)
    {
      g_autofree char *id = item_id (model, i);

      g_assert_true (g_hash_table_contains (with_problems, id));
    }
  g_assert_true (g_hash_table_contains (with_problems, SAMPLE_ID));

  gtk_editable_set_text (search, "Harriman");
  g_assert_true (docket_test_wait_for_n_items (G_LIST_MODEL (model), 1));
  gtk_editable_set_text (search, "");

  gtk_toggle_button_set_active (docket_record_filter_get_problems_button (filter), FALSE);
  g_assert_true (docket_test_wait_for_n_items (G_LIST_MODEL (model), 4));

  docket_test_close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  tmpdir = docket_test_ui_init (&argc, &argv);

  /* The reviewer's name comes from the preferences when set there. */
  {
    g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);

    g_settings_set_string (settings, "cataloger-name", REVIEWER);
  }

  app = docket_test_application_new ();

  g_test_add_func ("/docket/ui/review-pane/status-and-problems", test_status_and_problems);
  g_test_add_func ("/docket/ui/review-pane/status-change", test_status_change);
  g_test_add_func ("/docket/ui/review-pane/history-revert", test_history_revert);
  g_test_add_func ("/docket/ui/review-pane/filters", test_filters);

  ret = g_test_run ();

  g_clear_object (&app);
  docket_test_rmdir (tmpdir);
  g_free (tmpdir);
  return ret;
}
