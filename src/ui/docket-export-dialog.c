/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "docket-export-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "docket-export-dialog.h"

#include "docket-ead-validator.h"
#include "docket-ead-writer.h"
#include "docket-review.h"

/* Exports a finding aid: EAD3 or EAD 2002; of the open record, of the
 * records selected in the list, or of the open record's collection.
 * Records not yet approved are left out (and named) unless the user asks
 * for them. The finding aid is validated against the official schemas
 * before it is written, when Docket finds them
 * (docket_ead_find_schemas_dir()); a problem is shown with the record and
 * the field it comes from, and nothing is written. Elements kept from an
 * EAD import that had to be left out to keep the file valid are named
 * after the export. The file is replaced atomically. All of it runs in a
 * thread. */

/* At most this many problems, left-out records or warnings are named. */
#define MAX_NAMED 12

struct _DocketExportDialog
{
  GtkWindow        parent_instance;

  GtkDropDown     *format_dropdown;
  GtkCheckButton  *record_check;
  GtkCheckButton  *selected_check;
  GtkLabel        *selected_note_label;
  GtkCheckButton  *collection_check;
  GtkCheckButton  *unapproved_check;
  GtkLabel        *schemas_label;
  GtkLabel        *message_label;
  GtkSpinner      *spinner;
  GtkButton       *export_button;

  DocketStore     *store;
  char            *record_id;
  GStrv            selected_ids;
  GCancellable    *cancellable;
  gboolean         running;
  gboolean         succeeded;
  GtkFileChooserNative *chooser;
};

G_DEFINE_FINAL_TYPE (DocketExportDialog, docket_export_dialog, GTK_TYPE_WINDOW)

typedef struct
{
  DocketStore       *store;
  DocketEadFormat    format;
  DocketExportScope  scope;
  gboolean           include_unapproved;
  char              *record_id;
  GStrv              selected_ids;
  char              *path;
  /* Out */
  GPtrArray         *left_out;
  GPtrArray         *warnings;  /* kept elements left out or changed */
  GPtrArray         *problems;  /* DocketEadProblem, when invalid */
  guint              n_written;
  gboolean           validated;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_clear_object (&job->store);
  g_free (job->record_id);
  g_strfreev (job->selected_ids);
  g_free (job->path);
  g_clear_pointer (&job->left_out, g_ptr_array_unref);
  g_clear_pointer (&job->warnings, g_ptr_array_unref);
  g_clear_pointer (&job->problems, g_ptr_array_unref);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ExportJob, export_job_free)

static int
compare_position (gconstpointer a,
                  gconstpointer b)
{
  gint64 x = docket_record_get_position (*(DocketRecord * const *) a);
  gint64 y = docket_record_get_position (*(DocketRecord * const *) b);

  return x < y ? -1 : x > y;
}

/* The records of @job, in catalog order, and their collection. */
static GPtrArray *
load_records (ExportJob         *job,
              DocketCollection **out_collection,
              GError           **error)
{
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(DocketRecord) current = NULL;
  const char *collection_id = NULL;

  current = docket_store_load_record (job->store, job->record_id, error);
  if (current == NULL)
    return NULL;
  collection_id = docket_record_get (current, DOCKET_FIELD_COLLECTION);

  switch (job->scope)
    {
    case DOCKET_EXPORT_SCOPE_COLLECTION:
      records = docket_store_load_records (job->store, collection_id, error);
      if (records == NULL)
        return NULL;
      break;
    case DOCKET_EXPORT_SCOPE_SELECTED:
      records = g_ptr_array_new_with_free_func (g_object_unref);
      for (guint i = 0; job->selected_ids != NULL && job->selected_ids[i] != NULL; i++)
        {
          DocketRecord *record = docket_store_load_record (job->store, job->selected_ids[i], error);

          if (record == NULL)
            return NULL;
          /* A finding aid describes one collection: the open record's. */
          if (g_strcmp0 (docket_record_get (record, DOCKET_FIELD_COLLECTION), collection_id) != 0)
            {
              g_object_unref (record);
              continue;
            }
          g_ptr_array_add (records, record);
        }
      g_ptr_array_sort (records, compare_position);
      break;
    case DOCKET_EXPORT_SCOPE_RECORD:
    default:
      records = g_ptr_array_new_with_free_func (g_object_unref);
      g_ptr_array_add (records, g_object_ref (current));
      break;
    }

  if (collection_id != NULL)
    {
      *out_collection = docket_store_load_collection (job->store, collection_id, NULL);
    }
  return g_steal_pointer (&records);
}

static void
export_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  g_autoptr(DocketCollection) collection = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GPtrArray) exportable = NULL;
  g_autoptr(GBytes) xml = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *agency_name = NULL;
  g_autofree char *agency_code = NULL;
  g_autofree char *country = NULL;
  DocketEadOptions options = { 0, };
  const char *schemas;

  records = load_records (job, &collection, &error);
  if (records == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  exportable = docket_review_filter_exportable (records, job->include_unapproved, &job->left_out);
  if (exportable->len == 0)
    {
      g_task_return_new_error (task, DOCKET_EXPORT_ERROR, DOCKET_EXPORT_ERROR_FAILED,
                               _("None of the records is approved, so nothing was exported; tick “Include records not yet approved” to export them anyway"));
      return;
    }
  if (g_task_return_error_if_cancelled (task))
    return;

  agency_name = docket_store_get_setting (job->store, DOCKET_SETTING_AGENCY_NAME);
  agency_code = docket_store_get_setting (job->store, DOCKET_SETTING_AGENCY_CODE);
  country = docket_store_get_setting (job->store, DOCKET_SETTING_AGENCY_COUNTRY);
  options.agency_name = agency_name;
  options.agency_code = agency_code;
  options.country_code = country;
  options.warnings = job->warnings;

  xml = docket_ead_write_bytes (job->format, collection, exportable, &options, &error);
  if (xml == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  schemas = docket_ead_find_schemas_dir ();
  if (schemas != NULL)
    {
      if (!docket_ead_validate_with_problems (job->format, xml, schemas, &job->problems, &error))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      job->validated = TRUE;
    }
  if (g_task_return_error_if_cancelled (task))
    return;

  /* The very document that was validated goes to the file. */
  if (!docket_ead_save_bytes (xml, job->path, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  job->n_written = exportable->len;
  g_task_return_boolean (task, TRUE);
}

static void
set_message (DocketExportDialog *self,
             const char         *message,
             gboolean            error)
{
  gtk_label_set_label (self->message_label, message);
  if (error)
    gtk_widget_add_css_class (GTK_WIDGET (self->message_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->message_label), "error");
}

static void
set_running (DocketExportDialog *self,
             gboolean            running)
{
  self->running = running;
  gtk_spinner_set_spinning (self->spinner, running);
  gtk_widget_set_sensitive (GTK_WIDGET (self->export_button), !running);
}

static void
export_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(DocketExportDialog) self = user_data;
  ExportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) message = g_string_new (NULL);
  gboolean ok;

  ok = g_task_propagate_boolean (G_TASK (result), &error);
  /* Cancelled only by dispose: the dialog is gone. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_running (self, FALSE);
  self->succeeded = ok;

  if (ok)
    {
      g_autofree char *name = g_path_get_basename (job->path);

      g_string_append_printf (message,
                              g_dngettext (GETTEXT_PACKAGE,
                                           "%u record written to %s",
                                           "%u records written to %s", job->n_written),
                              job->n_written, name);
      g_string_append (message, job->validated ? _(", valid against the official schemas.")
                                               : _(". It was not validated: the schemas were not found."));
    }
  else if (job->problems != NULL && job->problems->len > 0)
    {
      /* Each problem by the record and the field to correct. */
      g_string_append (message, _("Nothing was written: the finding aid does not validate. Correct these fields and export again:"));
      for (guint i = 0; i < job->problems->len && i < MAX_NAMED; i++)
        {
          g_autofree char *line = docket_ead_problem_to_string (g_ptr_array_index (job->problems, i));

          g_string_append_printf (message, "\n• %s", line);
        }
      if (job->problems->len > MAX_NAMED)
        g_string_append_printf (message,
                                g_dngettext (GETTEXT_PACKAGE, "\n…and %u more problem",
                                             "\n…and %u more problems", job->problems->len - MAX_NAMED),
                                job->problems->len - MAX_NAMED);
    }
  else
    {
      g_string_append (message, _("Nothing was written."));
      g_string_append_c (message, '\n');
      g_string_append (message, error->message);
    }

  if (job->left_out != NULL && job->left_out->len > 0)
    {
      g_string_append_c (message, '\n');
      g_string_append_printf (message,
                              g_dngettext (GETTEXT_PACKAGE,
                                           "Left out %u record not yet approved:",
                                           "Left out %u records not yet approved:", job->left_out->len),
                              job->left_out->len);
      for (guint i = 0; i < job->left_out->len && i < 20; i++)
        g_string_append_printf (message, "%s %s", i > 0 ? "," : "", (char *) g_ptr_array_index (job->left_out, i));
      if (job->left_out->len > 20)
        g_string_append (message, ", …");
    }

  /* Kept elements dropped or changed to keep the file valid: said after a
   * successful export, since the file differs from what was imported. */
  if (ok && job->warnings != NULL && job->warnings->len > 0)
    {
      g_string_append_c (message, '\n');
      g_string_append_printf (message,
                              g_dngettext (GETTEXT_PACKAGE,
                                           "%u element kept from the import was left out or changed to keep the file valid:",
                                           "%u elements kept from the import were left out or changed to keep the file valid:",
                                           job->warnings->len),
                              job->warnings->len);
      for (guint i = 0; i < job->warnings->len && i < MAX_NAMED; i++)
        g_string_append_printf (message, "\n• %s", (char *) g_ptr_array_index (job->warnings, i));
      if (job->warnings->len > MAX_NAMED)
        g_string_append (message, "\n…");
    }
  set_message (self, message->str, !ok);
}

/**
 * docket_export_dialog_export_to:
 * @path: the file to write
 *
 * Starts the export with the options shown (a test calls it directly; the
 * Export button asks for @path first).
 */
void
docket_export_dialog_export_to (DocketExportDialog *self,
                                const char         *path)
{
  g_autoptr(GTask) task = NULL;
  ExportJob *job;

  g_return_if_fail (DOCKET_IS_EXPORT_DIALOG (self));
  g_return_if_fail (path != NULL);

  if (self->running)
    return;

  job = g_new0 (ExportJob, 1);
  job->store = g_object_ref (self->store);
  job->format = gtk_drop_down_get_selected (self->format_dropdown) == 1 ? DOCKET_EAD_FORMAT_EAD2002
                                                                       : DOCKET_EAD_FORMAT_EAD3;
  if (gtk_check_button_get_active (self->collection_check))
    job->scope = DOCKET_EXPORT_SCOPE_COLLECTION;
  else if (gtk_check_button_get_active (self->selected_check))
    job->scope = DOCKET_EXPORT_SCOPE_SELECTED;
  else
    job->scope = DOCKET_EXPORT_SCOPE_RECORD;
  job->include_unapproved = gtk_check_button_get_active (self->unapproved_check);
  job->record_id = g_strdup (self->record_id);
  job->selected_ids = g_strdupv (self->selected_ids);
  job->path = g_strdup (path);
  job->warnings = g_ptr_array_new_with_free_func (g_free);

  self->succeeded = FALSE;
  set_running (self, TRUE);
  set_message (self, _("Exporting…"), FALSE);

  task = g_task_new (NULL, self->cancellable, export_done_cb, g_object_ref (self));
  g_task_set_source_tag (task, docket_export_dialog_export_to);
  g_task_set_task_data (task, job, (GDestroyNotify) export_job_free);
  g_task_run_in_thread (task, export_thread);
}

static void
chooser_response_cb (DocketExportDialog   *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);

      if (path != NULL)
        docket_export_dialog_export_to (self, path);
    }
  g_clear_object (&self->chooser);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  DocketExportDialog *self = DOCKET_EXPORT_DIALOG (widget);
  g_autofree char *name = NULL;
  const char *base = self->record_id != NULL ? self->record_id : "finding-aid";

  if (self->running || self->chooser != NULL)
    return;
  self->chooser = gtk_file_chooser_native_new (_("Export Finding Aid"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  name = g_strdup_printf ("%s-%s.xml", base,
                          gtk_drop_down_get_selected (self->format_dropdown) == 1 ? "ead2002" : "ead3");
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response_cb), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
docket_export_dialog_dispose (GObject *object)
{
  DocketExportDialog *self = DOCKET_EXPORT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (object), DOCKET_TYPE_EXPORT_DIALOG);
  G_OBJECT_CLASS (docket_export_dialog_parent_class)->dispose (object);
}

static void
docket_export_dialog_finalize (GObject *object)
{
  DocketExportDialog *self = DOCKET_EXPORT_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_object (&self->cancellable);
  g_free (self->record_id);
  g_strfreev (self->selected_ids);

  G_OBJECT_CLASS (docket_export_dialog_parent_class)->finalize (object);
}

static void
docket_export_dialog_class_init (DocketExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = docket_export_dialog_dispose;
  object_class->finalize = docket_export_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/docket/Docket/docket-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, DocketExportDialog, format_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DocketExportDialog, record_check);
  gtk_widget_class_bind_template_child (widget_class, DocketExportDialog, selected_check);
  gtk_widget_class_bind_template_child (widget_class, DocketExportDialog, selected_note_label);
  gtk_widget_class_bind_template_child (widget_class, DocketExportDialog, collection_check);
  gtk_widget_class_bind_template_child (widget_class, DocketExportDialog, unapproved_check);
  gtk_widget_class_bind_template_child (widget_class, DocketExportDialog, schemas_label);
  gtk_widget_class_bind_template_child (widget_class, DocketExportDialog, message_label);
  gtk_widget_class_bind_template_child (widget_class, DocketExportDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, DocketExportDialog, export_button);

  gtk_widget_class_install_action (widget_class, "export.export", NULL, export_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
docket_export_dialog_init (DocketExportDialog *self)
{
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * docket_export_dialog_new:
 * @record_id: the record open in the window
 * @selected_ids: (nullable): the records selected in the list, of the open
 *   record's collection
 *
 * When two or more records are selected, they are what is exported unless
 * the user chooses otherwise.
 */
DocketExportDialog *
docket_export_dialog_new (GtkWindow   *parent,
                          DocketStore *store,
                          const char  *record_id,
                          GStrv        selected_ids)
{
  DocketExportDialog *self;
  const char *schemas = docket_ead_find_schemas_dir ();
  g_autofree char *selected = NULL;
  guint n_selected = selected_ids != NULL ? g_strv_length (selected_ids) : 0;

  g_return_val_if_fail (DOCKET_IS_STORE (store), NULL);
  g_return_val_if_fail (record_id != NULL, NULL);

  self = g_object_new (DOCKET_TYPE_EXPORT_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       NULL);
  self->store = g_object_ref (store);
  self->record_id = g_strdup (record_id);
  self->selected_ids = g_strdupv (selected_ids);

  selected = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "The _selected record (%u)",
                                           "The _selected records (%u)", n_selected), n_selected);
  gtk_check_button_set_label (self->selected_check, selected);
  gtk_widget_set_sensitive (GTK_WIDGET (self->selected_check), n_selected > 0);
  if (n_selected > 1)
    gtk_check_button_set_active (self->selected_check, TRUE);

  if (schemas != NULL)
    {
      /* Translators: %s is the folder of the EAD schemas */
      g_autofree char *text = g_strdup_printf (_("Validated against the official schemas in %s before it is written"), schemas);
      gtk_label_set_label (self->schemas_label, text);
    }
  else
    gtk_label_set_label (self->schemas_label,
                         _("The official schemas were not found, so the finding aid cannot be validated; set DOCKET_SCHEMAS_DIR to their folder"));
  return self;
}

void
docket_export_dialog_set_scope (DocketExportDialog *self,
                                DocketExportScope   scope)
{
  g_return_if_fail (DOCKET_IS_EXPORT_DIALOG (self));
  gtk_check_button_set_active (scope == DOCKET_EXPORT_SCOPE_COLLECTION ? self->collection_check :
                               scope == DOCKET_EXPORT_SCOPE_SELECTED ? self->selected_check : self->record_check, TRUE);
}

/**
 * docket_export_dialog_set_selected_elsewhere:
 * @n_records: how many selected records are in other collections
 * @n_collections: in how many other collections
 *
 * Says that these records are not in the selection the dialog exports: a
 * finding aid describes one collection.
 */
void
docket_export_dialog_set_selected_elsewhere (DocketExportDialog *self,
                                             guint               n_records,
                                             guint               n_collections)
{
  g_autofree char *records = NULL;
  g_autofree char *note = NULL;

  g_return_if_fail (DOCKET_IS_EXPORT_DIALOG (self));

  if (n_records == 0)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->selected_note_label), FALSE);
      return;
    }
  records = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "%u selected record is",
                                          "%u selected records are", n_records), n_records);
  /* Translators: the first %s is "N selected records are" */
  note = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%s in another collection and cannot be in this finding aid, which describes the open record’s collection. Open one of them to export its collection’s selected records.",
                                       "%s in %u other collections and cannot be in this finding aid, which describes the open record’s collection. Open one of them to export its collection’s selected records.",
                                       MAX (n_collections, 1)),
                          records, n_collections);
  gtk_label_set_label (self->selected_note_label, note);
  gtk_widget_set_visible (GTK_WIDGET (self->selected_note_label), TRUE);
}

const char *
docket_export_dialog_get_selected_label (DocketExportDialog *self)
{
  g_return_val_if_fail (DOCKET_IS_EXPORT_DIALOG (self), NULL);
  return gtk_check_button_get_label (self->selected_check);
}

/* The note on selected records of other collections, or %NULL. */
const char *
docket_export_dialog_get_selected_note (DocketExportDialog *self)
{
  g_return_val_if_fail (DOCKET_IS_EXPORT_DIALOG (self), NULL);
  if (!gtk_widget_get_visible (GTK_WIDGET (self->selected_note_label)))
    return NULL;
  return gtk_label_get_label (self->selected_note_label);
}

void
docket_export_dialog_set_format (DocketExportDialog *self,
                                 gboolean            ead2002)
{
  g_return_if_fail (DOCKET_IS_EXPORT_DIALOG (self));
  gtk_drop_down_set_selected (self->format_dropdown, ead2002 ? 1 : 0);
}

void
docket_export_dialog_set_include_unapproved (DocketExportDialog *self,
                                             gboolean            include)
{
  g_return_if_fail (DOCKET_IS_EXPORT_DIALOG (self));
  gtk_check_button_set_active (self->unapproved_check, include);
}

gboolean
docket_export_dialog_get_running (DocketExportDialog *self)
{
  g_return_val_if_fail (DOCKET_IS_EXPORT_DIALOG (self), FALSE);
  return self->running;
}

gboolean
docket_export_dialog_get_succeeded (DocketExportDialog *self)
{
  g_return_val_if_fail (DOCKET_IS_EXPORT_DIALOG (self), FALSE);
  return self->succeeded;
}

const char *
docket_export_dialog_get_message (DocketExportDialog *self)
{
  g_return_val_if_fail (DOCKET_IS_EXPORT_DIALOG (self), NULL);
  return gtk_label_get_label (self->message_label);
}
