/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "test-glossary"

#include "config.h"

#include <gtk/gtk.h>
#include <string.h>

#include "docket-application.h"
#include "docket-catalog-import.h"
#include "docket-store.h"
#include "docket-test-ui.h"
#include "docket-test-util.h"
#include "docket-window-private.h"

/* A TEI volume's terms in the record view: the mentions marked in the
 * text, the terms listed under the footnotes with their expansions, and
 * the mentions kept on their words while the text is corrected. */

#define VOLUME_ID "frus1964-68v29p2"
#define DOC_ID    "frus1964-68v29p2d1"

static DocketApplication *app;
static char *tmpdir;
static char *catalog;   /* the imported volume, made once */

static char *
view_text (DocketWindow *window)
{
  GtkTextBuffer *buffer = docket_test_view_buffer (window);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
}

/* The glossary is read in a thread after the record opens; until then the
 * section lists the terms without their expansions. */
static gboolean
terms_listed (gpointer data)
{
  g_autofree char *text = view_text (data);

  return strstr (text, "CIA \u2014 Central Intelligence Agency") != NULL;
}

/* A copy of the imported volume, so that each test may change it. */
static char *
volume_catalog (const char *name)
{
  g_autofree char *volume = docket_test_shared_path ("corpus", VOLUME_ID ".xml", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  if (volume == NULL)
    return NULL;

  if (catalog == NULL)
    {
      g_autoptr(DocketStore) store = NULL;
      g_autoptr(DocketCatalogImportReport) report = NULL;

      catalog = g_build_filename (tmpdir, "volume.db", NULL);
      store = docket_store_open (catalog, &error);
      g_assert_no_error (error);
      report = docket_catalog_import_file (store, volume, NULL, NULL, NULL, NULL, &error);
      g_assert_no_error (error);
      g_assert_nonnull (report);
    }

  /* The store checkpoints the WAL when it closes, so the file is whole. */
  contents = docket_test_read_file (catalog, &length);
  return docket_test_write_file (tmpdir, name, contents, length);
}

static DocketWindow *
open_doc (const char *path)
{
  g_autoptr(GError) error = NULL;
  DocketWindow *window = docket_application_open_catalog (app, path, &error);

  g_assert_no_error (error);
  docket_window_open_record (window, DOC_ID);
  g_assert_true (docket_test_wait_for_record (window, DOC_ID));
  return window;
}

/* The iter at the start of @needle's @nth_char-th character. */
static void
find_text (GtkTextBuffer *buffer,
           const char    *needle,
           int            nth_char,
           GtkTextIter   *iter)
{
  GtkTextIter start, match_end;

  gtk_text_buffer_get_start_iter (buffer, &start);
  g_assert_true (gtk_text_iter_forward_search (&start, needle, 0, iter, &match_end, NULL));
  gtk_text_iter_forward_chars (iter, nth_char);
}

static void
test_terms_section (void)
{
  g_autofree char *path = volume_catalog ("terms.db");
  DocketWindow *window;
  GtkTextBuffer *buffer;
  GtkTextTag *term_tag;
  DocketDocumentView *view;
  g_autofree char *text = NULL;
  g_autofree char *tooltip = NULL;
  const char *section, *entry;
  GtkTextIter iter;

  if (path == NULL)
    return;

  window = open_doc (path);
  g_assert_true (docket_test_wait_for (terms_listed, window));
  buffer = docket_test_view_buffer (window);
  view = _docket_window_get_document_view (window);
  text = view_text (window);

  /* Under the text: a "Terms" section with the term and its expansion. */
  section = strstr (text, "\nTerms\n");
  g_assert_nonnull (section);
  entry = strstr (section, "CIA \u2014 Central Intelligence Agency");
  g_assert_nonnull (entry);
  /* Each term once, however often it is mentioned. */
  g_assert_null (strstr (entry + 1, "CIA \u2014"));

  /* In the text, the mention is marked, and the words around it are not. */
  term_tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), "term");
  g_assert_nonnull (term_tag);
  find_text (buffer, "authorized the CIA to institute", strlen ("authorized the "), &iter);
  g_assert_true (gtk_text_iter_has_tag (&iter, term_tag));
  gtk_text_iter_forward_chars (&iter, 2);
  g_assert_true (gtk_text_iter_has_tag (&iter, term_tag));
  gtk_text_iter_forward_char (&iter);
  g_assert_false (gtk_text_iter_has_tag (&iter, term_tag));
  find_text (buffer, "authorized the CIA", strlen ("authorized th"), &iter);
  g_assert_false (gtk_text_iter_has_tag (&iter, term_tag));

  /* Its tooltip gives the expansion; a person's, the persons list's entry. */
  find_text (buffer, "authorized the CIA", strlen ("authorized the C"), &iter);
  tooltip = docket_document_view_dup_mention_tooltip (view, &iter);
  g_assert_cmpstr (tooltip, ==, "CIA: Central Intelligence Agency");
  g_clear_pointer (&tooltip, g_free);
  find_text (buffer, "Lyndon Johnson", 1, &iter);
  tooltip = docket_document_view_dup_mention_tooltip (view, &iter);
  g_assert_cmpstr (tooltip, ==, "Johnson, Lyndon Baines: President of the United States");
  g_clear_pointer (&tooltip, g_free);
  find_text (buffer, "authorized the CIA", 1, &iter);
  g_assert_null (docket_document_view_dup_mention_tooltip (view, &iter));

  docket_test_close_window (window);
}

/* Corrections around a mention keep it on its words, through a save. */
static void
test_edit_keeps_mention (void)
{
  g_autofree char *path = volume_catalog ("edit-terms.db");
  g_autoptr(DocketStore) store = NULL;
  g_autoptr(DocketRecord) saved = NULL;
  g_autoptr(GError) error = NULL;
  DocketWindow *window;
  DocketDocumentView *view;
  GtkTextBuffer *buffer;
  GtkTextIter iter;
  gboolean found = FALSE;

  if (path == NULL)
    return;

  window = open_doc (path);
  view = _docket_window_get_document_view (window);
  buffer = docket_test_view_buffer (window);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "document.editing", NULL));

  /* Typed just before the mention: not part of it. */
  find_text (buffer, "authorized the CIA to institute", strlen ("authorized the "), &iter);
  g_assert_true (gtk_text_buffer_insert_interactive (buffer, &iter, "U.S. ", -1, TRUE));
  docket_test_close_window (window);

  store = docket_store_open (path, &error);
  g_assert_no_error (error);
  saved = docket_store_load_record (store, DOC_ID, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < docket_record_get_body (saved)->len; i++)
    {
      DocketBlock *block = g_ptr_array_index (docket_record_get_body (saved), i);
      const char *at = strstr (block->text, "authorized the U.S. CIA to");

      for (guint j = 0; at != NULL && j < block->anchors->len; j++)
        {
          DocketAnchor *anchor = g_ptr_array_index (block->anchors, j);

          if (anchor->kind == DOCKET_ANCHOR_TERM &&
              anchor->offset == (gsize) (at - block->text) + strlen ("authorized the U.S. "))
            {
              g_assert_cmpstr (anchor->ref, ==, "t_CIA1");
              g_assert_cmpuint (anchor->length, ==, strlen ("CIA"));
              found = TRUE;
            }
        }
    }
  g_assert_true (found);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  tmpdir = docket_test_ui_init (&argc, &argv);
  /* Importing the whole volume takes longer than the default. */
  docket_test_set_wait_timeout (60);
  app = docket_test_application_new ();

  g_test_add_func ("/docket/ui/glossary/terms-section", test_terms_section);
  g_test_add_func ("/docket/ui/glossary/edit-keeps-mention", test_edit_keeps_mention);

  ret = g_test_run ();

  g_clear_object (&app);
  g_free (catalog);
  docket_test_rmdir (tmpdir);
  g_free (tmpdir);
  return ret;
}
