/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "docket-access-point-row"

#include "config.h"

#include <glib/gi18n.h>

#include "docket-access-point-row.h"

/* One access point of a record in the metadata editor: kind, term and
 * vocabulary. The row keeps a copy of the access point for what it does not
 * show (authority id, role); it emits "changed" when the user edits it and
 * "remove" when the user asks to remove it. */
struct _DocketAccessPointRow
{
  GtkListBoxRow      parent_instance;

  GtkDropDown       *kind_dropdown;
  GtkEntry          *term_entry;
  GtkEntry          *source_entry;
  GtkWidget         *remove_button;

  DocketAccessPoint *point;
};

G_DEFINE_FINAL_TYPE (DocketAccessPointRow, docket_access_point_row, GTK_TYPE_LIST_BOX_ROW)

enum {
  CHANGED,
  REMOVE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
edited_cb (DocketAccessPointRow *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
remove_clicked_cb (DocketAccessPointRow *self,
                   GtkButton            *button)
{
  g_signal_emit (self, signals[REMOVE], 0);
}

static void
docket_access_point_row_dispose (GObject *object)
{
  DocketAccessPointRow *self = DOCKET_ACCESS_POINT_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), DOCKET_TYPE_ACCESS_POINT_ROW);
  g_clear_pointer (&self->point, docket_access_point_free);

  G_OBJECT_CLASS (docket_access_point_row_parent_class)->dispose (object);
}

static void
docket_access_point_row_class_init (DocketAccessPointRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = docket_access_point_row_dispose;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[REMOVE] = g_signal_new ("remove", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/docket/Docket/docket-access-point-row.ui");
  gtk_widget_class_bind_template_child (widget_class, DocketAccessPointRow, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DocketAccessPointRow, term_entry);
  gtk_widget_class_bind_template_child (widget_class, DocketAccessPointRow, source_entry);
  gtk_widget_class_bind_template_child (widget_class, DocketAccessPointRow, remove_button);
  gtk_widget_class_bind_template_callback (widget_class, remove_clicked_cb);
}

static void
docket_access_point_row_init (DocketAccessPointRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * docket_access_point_row_new:
 * @point: the access point to show (copied)
 * @index: its place in the list, from 0, for the names screen readers read
 */
GtkWidget *
docket_access_point_row_new (const DocketAccessPoint *point,
                             guint                    index)
{
  DocketAccessPointRow *self;
  g_autofree char *term_label = NULL;
  g_autofree char *source_label = NULL;
  g_autofree char *kind_label = NULL;
  g_autofree char *remove_label = NULL;

  g_return_val_if_fail (point != NULL, NULL);

  self = g_object_new (DOCKET_TYPE_ACCESS_POINT_ROW, NULL);
  self->point = docket_access_point_copy (point);

  gtk_drop_down_set_selected (self->kind_dropdown, point->kind);
  gtk_editable_set_text (GTK_EDITABLE (self->term_entry), point->term != NULL ? point->term : "");
  gtk_editable_set_text (GTK_EDITABLE (self->source_entry), point->source != NULL ? point->source : "");

  term_label = g_strdup_printf (_("Term of access point %u"), index + 1);
  source_label = g_strdup_printf (_("Vocabulary of access point %u"), index + 1);
  kind_label = g_strdup_printf (_("Kind of access point %u"), index + 1);
  remove_label = g_strdup_printf (_("Remove access point %u"), index + 1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->term_entry), GTK_ACCESSIBLE_PROPERTY_LABEL, term_label, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->source_entry), GTK_ACCESSIBLE_PROPERTY_LABEL, source_label, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->kind_dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL, kind_label, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->remove_button), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label, -1);

  g_signal_connect_swapped (self->kind_dropdown, "notify::selected", G_CALLBACK (edited_cb), self);
  g_signal_connect_swapped (self->term_entry, "changed", G_CALLBACK (edited_cb), self);
  g_signal_connect_swapped (self->source_entry, "changed", G_CALLBACK (edited_cb), self);

  return GTK_WIDGET (self);
}

/**
 * docket_access_point_row_dup_point:
 *
 * Returns: (transfer full): the access point as the row now shows it
 */
DocketAccessPoint *
docket_access_point_row_dup_point (DocketAccessPointRow *self)
{
  DocketAccessPoint *point;
  const char *term, *source;
  guint kind;

  g_return_val_if_fail (DOCKET_IS_ACCESS_POINT_ROW (self), NULL);

  point = docket_access_point_copy (self->point);
  term = gtk_editable_get_text (GTK_EDITABLE (self->term_entry));
  source = gtk_editable_get_text (GTK_EDITABLE (self->source_entry));
  kind = gtk_drop_down_get_selected (self->kind_dropdown);

  g_free (point->term);
  point->term = term[0] != '\0' ? g_strdup (term) : NULL;
  g_free (point->source);
  point->source = source[0] != '\0' ? g_strdup (source) : NULL;
  if (kind <= DOCKET_ACCESS_POINT_TITLE)
    point->kind = kind;
  return point;
}
