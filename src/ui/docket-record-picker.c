/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "docket-record-picker"

#include "config.h"

#include <glib/gi18n.h>

#include "docket-record-picker.h"

/* A searchable list of the catalog's records, to choose the target of a
 * footnote link. Search goes through the store's full-text search; an
 * empty search lists the first records in catalog order. */

#define MAX_RESULTS 200

struct _DocketRecordPicker
{
  GtkWindow       parent_instance;

  GtkSearchEntry *search_entry;
  GtkListBox     *results_box;
  GtkLabel       *status_label;

  DocketStore    *store;
  char           *exclude_id;
  GPtrArray      *ids;
};

G_DEFINE_FINAL_TYPE (DocketRecordPicker, docket_record_picker, GTK_TYPE_WINDOW)

enum {
  CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GtkWidget *
make_row (DocketRecordSummary *summary)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  const char *name = docket_record_summary_get_label (summary);
  g_autofree char *title = NULL;
  GtkWidget *label;

  if (summary->number != NULL)
    title = g_strdup_printf ("%s. %s", summary->number, name != NULL ? name : "");
  else
    title = g_strdup (name != NULL ? name : summary->id);

  label = gtk_label_new (title);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_box_append (GTK_BOX (box), label);

  label = gtk_label_new (summary->id);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "caption");
  gtk_box_append (GTK_BOX (box), label);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 8);
  gtk_widget_set_margin_end (box, 8);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  return box;
}

static void
refresh (DocketRecordPicker *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autoptr(GPtrArray) summaries = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->results_box))) != NULL)
    gtk_list_box_remove (self->results_box, child);
  g_ptr_array_set_size (self->ids, 0);

  if (text != NULL && text[0] != '\0')
    summaries = docket_store_search (self->store, text, &error);
  else
    summaries = docket_store_list_summaries (self->store, NULL, 0, MAX_RESULTS, &error);
  if (summaries == NULL)
    {
      gtk_label_set_label (self->status_label, error->message);
      return;
    }

  for (guint i = 0; i < summaries->len && self->ids->len < MAX_RESULTS; i++)
    {
      DocketRecordSummary *summary = g_ptr_array_index (summaries, i);

      if (g_strcmp0 (summary->id, self->exclude_id) == 0)
        continue;
      g_ptr_array_add (self->ids, g_strdup (summary->id));
      gtk_list_box_append (self->results_box, make_row (summary));
    }

  if (self->ids->len == 0 && docket_store_is_indexing (self->store))
    gtk_label_set_label (self->status_label, _("No records match yet; records just imported are still being indexed"));
  else if (self->ids->len == 0)
    gtk_label_set_label (self->status_label, _("No records match; try other words"));
  else
    gtk_label_set_label (self->status_label, "");
}

static void
search_changed_cb (DocketRecordPicker *self)
{
  refresh (self);
}

/* Records an import just added are found once they are indexed: the
 * search shown is run again then (the first records, shown with no
 * search, do not need the index). */
static void
index_updated_cb (DocketRecordPicker *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  if (text != NULL && text[0] != '\0')
    refresh (self);
}

static void
row_activated_cb (DocketRecordPicker *self,
                  GtkListBoxRow      *row)
{
  docket_record_picker_choose (self, gtk_list_box_row_get_index (row));
}

static void
search_activate_cb (DocketRecordPicker *self)
{
  if (self->ids->len > 0)
    docket_record_picker_choose (self, 0);
}

static void
docket_record_picker_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), DOCKET_TYPE_RECORD_PICKER);
  G_OBJECT_CLASS (docket_record_picker_parent_class)->dispose (object);
}

static void
docket_record_picker_finalize (GObject *object)
{
  DocketRecordPicker *self = DOCKET_RECORD_PICKER (object);

  g_clear_object (&self->store);
  g_free (self->exclude_id);
  g_clear_pointer (&self->ids, g_ptr_array_unref);

  G_OBJECT_CLASS (docket_record_picker_parent_class)->finalize (object);
}

static void
docket_record_picker_class_init (DocketRecordPickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = docket_record_picker_dispose;
  object_class->finalize = docket_record_picker_finalize;

  /**
   * DocketRecordPicker::chosen:
   * @id: the record chosen
   */
  signals[CHOSEN] = g_signal_new ("chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/docket/Docket/docket-record-picker.ui");
  gtk_widget_class_bind_template_child (widget_class, DocketRecordPicker, search_entry);
  gtk_widget_class_bind_template_child (widget_class, DocketRecordPicker, results_box);
  gtk_widget_class_bind_template_child (widget_class, DocketRecordPicker, status_label);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
docket_record_picker_init (DocketRecordPicker *self)
{
  self->ids = g_ptr_array_new_with_free_func (g_free);
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * docket_record_picker_new:
 * @exclude_id: (nullable): a record not to offer (the one being edited)
 */
DocketRecordPicker *
docket_record_picker_new (GtkWindow   *parent,
                          DocketStore *store,
                          const char  *exclude_id)
{
  DocketRecordPicker *self;

  g_return_val_if_fail (DOCKET_IS_STORE (store), NULL);

  self = g_object_new (DOCKET_TYPE_RECORD_PICKER,
                       "transient-for", parent,
                       "modal", TRUE,
                       NULL);
  self->store = g_object_ref (store);
  self->exclude_id = g_strdup (exclude_id);
  g_signal_connect_object (store, "index-updated", G_CALLBACK (index_updated_cb), self, G_CONNECT_SWAPPED);
  refresh (self);
  return self;
}

void
docket_record_picker_set_search (DocketRecordPicker *self,
                                 const char         *text)
{
  g_return_if_fail (DOCKET_IS_RECORD_PICKER (self));
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
  refresh (self);
}

guint
docket_record_picker_get_n_results (DocketRecordPicker *self)
{
  g_return_val_if_fail (DOCKET_IS_RECORD_PICKER (self), 0);
  return self->ids->len;
}

const char *
docket_record_picker_get_result (DocketRecordPicker *self,
                                 guint               index)
{
  g_return_val_if_fail (DOCKET_IS_RECORD_PICKER (self), NULL);
  g_return_val_if_fail (index < self->ids->len, NULL);
  return g_ptr_array_index (self->ids, index);
}

/* Chooses result @index: emits ::chosen and closes. */
void
docket_record_picker_choose (DocketRecordPicker *self,
                             guint               index)
{
  g_autofree char *id = NULL;

  g_return_if_fail (DOCKET_IS_RECORD_PICKER (self));
  g_return_if_fail (index < self->ids->len);

  id = g_strdup (g_ptr_array_index (self->ids, index));
  g_signal_emit (self, signals[CHOSEN], 0, id);
  gtk_window_close (GTK_WINDOW (self));
}

/* What the picker says under its results: why there are none, or "". */
const char *
docket_record_picker_get_status (DocketRecordPicker *self)
{
  g_return_val_if_fail (DOCKET_IS_RECORD_PICKER (self), NULL);
  return gtk_label_get_label (self->status_label);
}
