/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "docket-window-transfer"

#include "config.h"

#include <glib/gi18n.h>

#include "docket-window-private.h"

#include "docket-export-dialog.h"
#include "docket-import-dialog.h"

/* Import and export from the window: the menu items, Ctrl+I and Ctrl+E
 * (win.import, win.export) and files dropped on the window. The work
 * itself is in the two dialogs. */

static void
import_finished_cb (DocketWindow *self,
                    const char   *first_id)
{
  /* The list reloads on the store's records-changed; open what came in. */
  if (first_id != NULL)
    docket_window_open_record (self, first_id);
}

/**
 * _docket_window_import_files:
 * @files: (element-type GFile): files and folders
 *
 * Returns: (transfer none): the import dialog, which runs the import
 */
DocketImportDialog *
_docket_window_import_files (DocketWindow *self,
                             GListModel   *files)
{
  DocketImportDialog *dialog;

  dialog = docket_import_dialog_new (GTK_WINDOW (self), self->store, files);
  g_signal_connect_object (dialog, "finished", G_CALLBACK (import_finished_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

static void
chooser_response_cb (GtkFileChooserNative *chooser,
                     int                   response,
                     DocketWindow         *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
      _docket_window_import_files (self, files);
    }
  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (chooser));
  g_object_unref (chooser);
  g_object_unref (self);
}

void
_docket_window_import_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  DocketWindow *self = DOCKET_WINDOW (widget);
  GtkFileChooserNative *chooser;
  GtkFileFilter *filter;

  chooser = gtk_file_chooser_native_new (_("Import"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Import"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);

  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("FRUS documents, TEI volumes and EAD finding aids"));
  gtk_file_filter_add_suffix (filter, "xml");
  gtk_file_filter_add_suffix (filter, "txt");
  gtk_file_filter_add_mime_type (filter, "text/plain");
  gtk_file_filter_add_mime_type (filter, "application/xml");
  gtk_file_filter_add_mime_type (filter, "text/xml");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_unref (filter);
  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("All files"));
  gtk_file_filter_add_pattern (filter, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_unref (filter);

  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/**
 * _docket_window_export:
 *
 * Opens the export dialog for the open record, its collection, or the
 * records selected in the list. A finding aid describes one collection: of
 * the selected records, those of the open record's collection are offered,
 * and the dialog says how many others are left out.
 *
 * Returns: (transfer none) (nullable): the export dialog, or %NULL when no
 *   record is open
 */
DocketExportDialog *
_docket_window_export (DocketWindow *self)
{
  DocketRecord *record = docket_window_get_record (self);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GtkBitset) selected = NULL;
  g_autoptr(GHashTable) elsewhere = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_auto(GStrv) ids = NULL;
  const char *collection_id;
  DocketExportDialog *dialog;
  GtkBitsetIter iter;
  guint position;
  guint n_elsewhere = 0;

  if (record == NULL)
    return NULL;

  /* What is saved is what is exported. */
  if (!docket_window_flush (self, NULL))
    return NULL;

  collection_id = docket_record_get (record, DOCKET_FIELD_COLLECTION);
  selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  for (gboolean more = gtk_bitset_iter_init_first (&iter, selected, &position);
       more;
       more = gtk_bitset_iter_next (&iter, &position))
    {
      g_autoptr(DocketRecordItem) item = g_list_model_get_item (G_LIST_MODEL (self->model), position);
      const char *item_collection;

      if (item == NULL || docket_record_item_get_id (item) == NULL)
        continue;
      item_collection = docket_record_item_get_collection_id (item);
      if (g_strcmp0 (item_collection, collection_id) == 0)
        g_strv_builder_add (builder, docket_record_item_get_id (item));
      else
        {
          n_elsewhere++;
          if (item_collection != NULL)
            g_hash_table_add (elsewhere, g_strdup (item_collection));
        }
    }
  ids = g_strv_builder_end (builder);

  dialog = docket_export_dialog_new (GTK_WINDOW (self), self->store, docket_record_get_id (record), ids);
  if (n_elsewhere > 0)
    docket_export_dialog_set_selected_elsewhere (dialog, n_elsewhere, g_hash_table_size (elsewhere));
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

void
_docket_window_export_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  _docket_window_export (DOCKET_WINDOW (widget));
}

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         DocketWindow  *self)
{
  g_autoptr(GListStore) files = g_list_store_new (G_TYPE_FILE);

  if (G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    {
      for (GSList *l = g_value_get_boxed (value); l != NULL; l = l->next)
        g_list_store_append (files, l->data);
    }
  else if (G_VALUE_HOLDS (value, G_TYPE_FILE))
    g_list_store_append (files, g_value_get_object (value));

  if (g_list_model_get_n_items (G_LIST_MODEL (files)) == 0)
    return FALSE;
  _docket_window_import_files (self, G_LIST_MODEL (files));
  return TRUE;
}

/* Files and folders dropped anywhere on the window are imported. */
void
_docket_window_setup_drop (DocketWindow *self)
{
  GtkDropTarget *target = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY);
  GType types[] = { GDK_TYPE_FILE_LIST, G_TYPE_FILE };

  gtk_drop_target_set_gtypes (target, types, G_N_ELEMENTS (types));
  g_signal_connect (target, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}
