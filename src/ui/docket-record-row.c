/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "docket-record-row"

#include "config.h"

#include <glib/gi18n.h>

#include "docket-record-row.h"

/* One row of the record list: number, date, review status and heading. */
struct _DocketRecordRow
{
  GtkWidget  parent_instance;

  GtkLabel  *number_date_label;
  GtkLabel  *status_label;
  GtkLabel  *heading_label;

  char      *status_class;
};

G_DEFINE_FINAL_TYPE (DocketRecordRow, docket_record_row, GTK_TYPE_WIDGET)

static void
docket_record_row_dispose (GObject *object)
{
  DocketRecordRow *self = DOCKET_RECORD_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), DOCKET_TYPE_RECORD_ROW);
  g_clear_pointer (&self->status_class, g_free);

  G_OBJECT_CLASS (docket_record_row_parent_class)->dispose (object);
}

static void
docket_record_row_class_init (DocketRecordRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = docket_record_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/docket/Docket/docket-record-row.ui");
  gtk_widget_class_bind_template_child (widget_class, DocketRecordRow, number_date_label);
  gtk_widget_class_bind_template_child (widget_class, DocketRecordRow, status_label);
  gtk_widget_class_bind_template_child (widget_class, DocketRecordRow, heading_label);
}

static void
docket_record_row_init (DocketRecordRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
docket_record_row_new (void)
{
  return g_object_new (DOCKET_TYPE_RECORD_ROW, NULL);
}

static const char *
status_label (const char *status)
{
  if (status == NULL || status[0] == '\0' || g_str_equal (status, "draft"))
    return C_("review status", "Draft");
  if (g_str_equal (status, "in-review") || g_str_equal (status, "in_review"))
    return C_("review status", "In review");
  if (g_str_equal (status, "approved"))
    return C_("review status", "Approved");
  if (g_str_equal (status, "changes-requested") || g_str_equal (status, "changes_requested"))
    return C_("review status", "Changes requested");
  return status;
}

/**
 * docket_record_row_set_item:
 * @item: (nullable): the record to show, or %NULL to clear the row
 */
void
docket_record_row_set_item (DocketRecordRow  *self,
                            DocketRecordItem *item)
{
  const char *number = NULL;
  const char *heading = NULL;
  const char *date = NULL;
  const char *status = NULL;
  g_autofree char *status_class = NULL;
  g_autofree char *number_date = NULL;

  g_return_if_fail (DOCKET_IS_RECORD_ROW (self));

  if (item != NULL)
    {
      number = docket_record_item_get_number (item);
      heading = docket_record_item_get_label (item);
      date = docket_record_item_get_date (item);
      status = docket_record_item_get_review_status (item);
    }

  /* The number bold with tabular figures, the date as a dimmed caption
   * (the "numeric", "caption" and "dim-label" styles), in one label. */
  if (item == NULL)
    number_date = NULL;
  else if (number != NULL)
    number_date = g_markup_printf_escaped ("<span weight=\"bold\" font_features=\"tnum\">%s.</span>"
                                           "  <span size=\"9pt\" alpha=\"55%%\">%s</span>",
                                           number, date != NULL ? date : _("Undated"));
  else
    number_date = g_markup_printf_escaped ("<span size=\"9pt\" alpha=\"55%%\">%s</span>",
                                           date != NULL ? date : _("Undated"));
  gtk_label_set_markup (self->number_date_label, number_date != NULL ? number_date : "");
  gtk_label_set_label (self->heading_label, heading != NULL ? heading : _("Untitled record"));
  gtk_label_set_label (self->status_label, status_label (status));

  if (self->status_class != NULL)
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), self->status_class);
  status_class = g_strdelimit (g_strdup (status != NULL ? status : "draft"), "_ ", '-');
  gtk_widget_add_css_class (GTK_WIDGET (self->status_label), status_class);
  g_free (self->status_class);
  self->status_class = g_steal_pointer (&status_class);
}
