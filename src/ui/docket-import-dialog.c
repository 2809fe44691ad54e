/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "docket-import-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "docket-import-dialog.h"

#include "docket-catalog-import.h"

/* Imports files into the catalog, one after the other, in a thread: FRUS
 * documents as text, TEI volumes, EAD finding aids; a folder stands for
 * the files in it. A progress bar shows the records read; Cancel stops the
 * file being read, and a cancelled file writes nothing (each file is
 * stored in one transaction, or not at all). Errors name the file and the
 * line, as the readers word them. */

struct _DocketImportDialog
{
  GtkWindow       parent_instance;

  GtkLabel       *file_label;
  GtkProgressBar *progress_bar;
  GtkLabel       *status_label;
  GtkLabel       *errors_label;
  GtkButton      *cancel_button;
  GtkButton      *close_button;

  DocketStore    *store;
  GPtrArray      *paths;
  guint           next;
  guint           n_imported;
  guint           n_skipped;
  GString        *errors;
  char           *first_id;
  GCancellable   *cancellable;        /* the dialog's life, cancelled in dispose */
  GCancellable   *import_cancellable; /* the import, cancelled by the user too */
  gboolean        running;
};

G_DEFINE_FINAL_TYPE (DocketImportDialog, docket_import_dialog, GTK_TYPE_WINDOW)

enum {
  FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void import_next (DocketImportDialog *self);

static void
add_paths (DocketImportDialog *self,
           GFile              *file)
{
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(GFileEnumerator) children = NULL;
  g_autoptr(GPtrArray) found = NULL;
  GFileInfo *info;

  if (path == NULL)
    return;
  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_ptr_array_add (self->paths, g_steal_pointer (&path));
      return;
    }

  /* A folder: its documents, in name order (a volume split in files). */
  children = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                        G_FILE_QUERY_INFO_NONE, NULL, NULL);
  found = g_ptr_array_new_with_free_func (g_free);
  while (children != NULL && (info = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
    {
      const char *name = g_file_info_get_name (info);

      if (g_file_info_get_file_type (info) == G_FILE_TYPE_REGULAR &&
          (g_str_has_suffix (name, ".xml") || g_str_has_suffix (name, ".txt")))
        g_ptr_array_add (found, g_build_filename (path, name, NULL));
      g_object_unref (info);
    }
  g_ptr_array_sort (found, (GCompareFunc) g_ascii_strcasecmp);
  for (guint i = 0; i < found->len; i++)
    g_ptr_array_add (self->paths, g_strdup (g_ptr_array_index (found, i)));
}

static void
set_status (DocketImportDialog *self,
            const char         *status)
{
  gtk_label_set_label (self->status_label, status);
}

static void
progress_cb (guint    done,
             guint    total,
             gpointer user_data)
{
  DocketImportDialog *self = user_data;
  g_autofree char *status = NULL;

  /* A report that comes after the end must not cover the summary. */
  if (!self->running || g_cancellable_is_cancelled (self->import_cancellable))
    return;
  if (total > 0)
    {
      /* One bar for all the files: this file's share of it. */
      gtk_progress_bar_set_fraction (self->progress_bar,
                                     ((self->next - 1) + (double) MIN (done, total) / total) / self->paths->len);
      /* Translators: import progress; %u records read of %u */
      status = g_strdup_printf (_("%u of %u documents read"), done, total);
    }
  else
    {
      gtk_progress_bar_pulse (self->progress_bar);
      status = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u document read", "%u documents read", done), done);
    }
  set_status (self, status);
}

/* @interrupted: a file was stopped before it was stored. */
static void
finish (DocketImportDialog *self,
        gboolean            interrupted)
{
  g_autofree char *summary = NULL;
  gboolean stopped;

  self->running = FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self->cancel_button), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->close_button), TRUE);
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->close_button));

  /* A cancel that came after the last file was stored stopped nothing:
   * the dialog says what the catalog holds, not what was asked. */
  stopped = interrupted ||
            (g_cancellable_is_cancelled (self->import_cancellable) && self->next < self->paths->len);
  if (stopped && self->n_imported == 0)
    summary = g_strdup (interrupted
                        ? _("Import cancelled. The file being read was not imported; nothing of it was written to the catalog.")
                        : _("Import cancelled. Nothing was written to the catalog."));
  else if (stopped)
    summary = g_strdup_printf (interrupted
                               ? g_dngettext (GETTEXT_PACKAGE,
                                              "Import cancelled after %u record was imported; nothing of the file being read was written to the catalog.",
                                              "Import cancelled after %u records were imported; nothing of the file being read was written to the catalog.",
                                              self->n_imported)
                               : g_dngettext (GETTEXT_PACKAGE,
                                              "Import cancelled after %u record was imported; the files after it were not read.",
                                              "Import cancelled after %u records were imported; the files after them were not read.",
                                              self->n_imported),
                               self->n_imported);
  else
    summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "%u record imported",
                                            "%u records imported", self->n_imported),
                               self->n_imported);
  if (!stopped && self->n_skipped > 0)
    {
      g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "%s; %u was in the catalog already and was left as it is",
                                                            "%s; %u were in the catalog already and were left as they are",
                                                            self->n_skipped),
                                               summary, self->n_skipped);
      g_free (summary);
      summary = g_steal_pointer (&more);
    }
  gtk_label_set_label (self->file_label, stopped ? _("Import Cancelled") : _("Import Finished"));
  set_status (self, summary);
  if (!stopped)
    gtk_progress_bar_set_fraction (self->progress_bar, 1.0);

  g_signal_emit (self, signals[FINISHED], 0, self->first_id);
}

static void
import_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(DocketImportDialog) self = user_data;
  g_autoptr(DocketCatalogImportReport) report = NULL;
  g_autoptr(GError) error = NULL;

  report = docket_catalog_import_file_finish (DOCKET_STORE (source), result, &error);
  if (g_cancellable_is_cancelled (self->cancellable))
    return;

  if (report == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          finish (self, TRUE);
          return;
        }
      if (self->errors->len > 0)
        g_string_append_c (self->errors, '\n');
      g_string_append (self->errors, error->message);
      gtk_label_set_label (self->errors_label, self->errors->str);
      gtk_widget_set_visible (GTK_WIDGET (self->errors_label), TRUE);
    }
  else
    {
      self->n_imported += report->imported->len;
      self->n_skipped += report->skipped->len;
      if (self->first_id == NULL && report->imported->len > 0)
        self->first_id = g_strdup (g_ptr_array_index (report->imported, 0));
      for (guint i = 0; i < report->warnings->len; i++)
        {
          if (self->errors->len > 0)
            g_string_append_c (self->errors, '\n');
          g_string_append (self->errors, g_ptr_array_index (report->warnings, i));
        }
      if (self->errors->len > 0)
        {
          gtk_label_set_label (self->errors_label, self->errors->str);
          gtk_widget_set_visible (GTK_WIDGET (self->errors_label), TRUE);
        }
    }
  import_next (self);
}

static void
import_next (DocketImportDialog *self)
{
  const char *path;
  g_autofree char *name = NULL;
  g_autofree char *label = NULL;
  DocketCatalogImportOptions options = { 0, };

  if (self->next >= self->paths->len || g_cancellable_is_cancelled (self->import_cancellable))
    {
      finish (self, FALSE);
      return;
    }

  path = g_ptr_array_index (self->paths, self->next++);
  name = g_path_get_basename (path);
  if (self->paths->len > 1)
    /* Translators: the file being imported; %s its name, %u its place and the number of files */
    label = g_strdup_printf (_("Importing %s (%u of %u)"), name, self->next, self->paths->len);
  else
    label = g_strdup_printf (_("Importing %s"), name);
  gtk_label_set_label (self->file_label, label);
  gtk_progress_bar_set_fraction (self->progress_bar, (double) (self->next - 1) / self->paths->len);
  set_status (self, _("Reading…"));

  docket_catalog_import_file_async (self->store, path, &options, self->import_cancellable,
                                    progress_cb, self, import_cb, g_object_ref (self));
}

/**
 * docket_import_dialog_cancel:
 *
 * Stops the import; the file being read is not stored, unless it was
 * being committed already (the dialog then says it was imported).
 */
void
docket_import_dialog_cancel (DocketImportDialog *self)
{
  g_return_if_fail (DOCKET_IS_IMPORT_DIALOG (self));

  if (!self->running)
    return;
  gtk_widget_set_sensitive (GTK_WIDGET (self->cancel_button), FALSE);
  set_status (self, _("Cancelling…"));
  g_cancellable_cancel (self->import_cancellable);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  docket_import_dialog_cancel (DOCKET_IMPORT_DIALOG (widget));
}

static gboolean
docket_import_dialog_close_request (GtkWindow *window)
{
  DocketImportDialog *self = DOCKET_IMPORT_DIALOG (window);

  /* Closing while it runs cancels; the window goes once the thread says so. */
  if (self->running)
    {
      docket_import_dialog_cancel (self);
      return TRUE;
    }
  return GTK_WINDOW_CLASS (docket_import_dialog_parent_class)->close_request (window);
}

static void
docket_import_dialog_dispose (GObject *object)
{
  DocketImportDialog *self = DOCKET_IMPORT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->import_cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (object), DOCKET_TYPE_IMPORT_DIALOG);
  G_OBJECT_CLASS (docket_import_dialog_parent_class)->dispose (object);
}

static void
docket_import_dialog_finalize (GObject *object)
{
  DocketImportDialog *self = DOCKET_IMPORT_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->import_cancellable);
  g_clear_pointer (&self->paths, g_ptr_array_unref);
  g_string_free (self->errors, TRUE);
  g_free (self->first_id);

  G_OBJECT_CLASS (docket_import_dialog_parent_class)->finalize (object);
}

static void
docket_import_dialog_class_init (DocketImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = docket_import_dialog_dispose;
  object_class->finalize = docket_import_dialog_finalize;
  window_class->close_request = docket_import_dialog_close_request;

  /**
   * DocketImportDialog::finished:
   * @first_id: (nullable): the first record imported
   */
  signals[FINISHED] = g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/docket/Docket/docket-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, DocketImportDialog, file_label);
  gtk_widget_class_bind_template_child (widget_class, DocketImportDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, DocketImportDialog, status_label);
  gtk_widget_class_bind_template_child (widget_class, DocketImportDialog, errors_label);
  gtk_widget_class_bind_template_child (widget_class, DocketImportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, DocketImportDialog, close_button);

  gtk_widget_class_install_action (widget_class, "import.cancel", NULL, cancel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
docket_import_dialog_init (DocketImportDialog *self)
{
  self->paths = g_ptr_array_new_with_free_func (g_free);
  self->errors = g_string_new (NULL);
  self->cancellable = g_cancellable_new ();
  self->import_cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * docket_import_dialog_new:
 * @files: (element-type GFile): files and folders to import
 *
 * Shows the dialog and starts the import.
 */
DocketImportDialog *
docket_import_dialog_new (GtkWindow   *parent,
                          DocketStore *store,
                          GListModel  *files)
{
  DocketImportDialog *self;

  g_return_val_if_fail (DOCKET_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (files), NULL);

  self = g_object_new (DOCKET_TYPE_IMPORT_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       NULL);
  self->store = g_object_ref (store);
  for (guint i = 0; i < g_list_model_get_n_items (files); i++)
    {
      g_autoptr(GFile) file = g_list_model_get_item (files, i);
      add_paths (self, file);
    }

  self->running = TRUE;
  if (self->paths->len == 0)
    {
      gtk_label_set_label (self->errors_label, _("None of these is a file Docket can import"));
      gtk_widget_set_visible (GTK_WIDGET (self->errors_label), TRUE);
    }
  import_next (self);
  return self;
}

gboolean
docket_import_dialog_get_running (DocketImportDialog *self)
{
  g_return_val_if_fail (DOCKET_IS_IMPORT_DIALOG (self), FALSE);
  return self->running;
}

/* The line under the progress bar (and, after a failure, the errors). */
const char *
docket_import_dialog_get_status (DocketImportDialog *self)
{
  g_return_val_if_fail (DOCKET_IS_IMPORT_DIALOG (self), NULL);
  return self->errors->len > 0 ? self->errors->str : gtk_label_get_label (self->status_label);
}
