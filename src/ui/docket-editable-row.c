/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "docket-editable-row"

#include "config.h"

#include "docket-editable-row.h"

/* The base of the metadata editor's list rows that edit one item of a record
 * (an agent, an access point): a drop-down and a few entries the subclass's
 * template lays out, and a remove button. The base owns what those rows
 * share: it fills each field, gives it the name a screen reader reads, emits
 * "changed" when the user edits any field and "remove" when the user asks to
 * remove the row. */
G_DEFINE_ABSTRACT_TYPE (DocketEditableRow, docket_editable_row, GTK_TYPE_LIST_BOX_ROW)

enum {
  CHANGED,
  REMOVE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
edited_cb (DocketEditableRow *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
remove_clicked_cb (DocketEditableRow *self,
                   GtkButton         *button)
{
  g_signal_emit (self, signals[REMOVE], 0);
}

static void
docket_editable_row_class_init (DocketEditableRowClass *klass)
{
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[REMOVE] = g_signal_new ("remove", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
docket_editable_row_init (DocketEditableRow *self)
{
}

static void
set_accessible_label (GtkWidget  *widget,
                      const char *label)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

/**
 * docket_editable_row_watch_dropdown:
 * @self: the row
 * @dropdown: a drop-down of the row's template
 * @selected: the item to select first
 * @accessible_label: what a screen reader calls the drop-down
 *
 * Selects @selected, then emits "changed" whenever the user picks another item.
 */
void
docket_editable_row_watch_dropdown (DocketEditableRow *self,
                                    GtkDropDown       *dropdown,
                                    guint              selected,
                                    const char        *accessible_label)
{
  g_return_if_fail (DOCKET_IS_EDITABLE_ROW (self));
  g_return_if_fail (GTK_IS_DROP_DOWN (dropdown));

  gtk_drop_down_set_selected (dropdown, selected);
  set_accessible_label (GTK_WIDGET (dropdown), accessible_label);
  g_signal_connect_swapped (dropdown, "notify::selected", G_CALLBACK (edited_cb), self);
}

/**
 * docket_editable_row_watch_entry:
 * @self: the row
 * @entry: an entry of the row's template
 * @text: (nullable): the text to show first; %NULL shows an empty entry
 * @accessible_label: what a screen reader calls the entry
 *
 * Shows @text, then emits "changed" whenever the user edits the entry.
 */
void
docket_editable_row_watch_entry (DocketEditableRow *self,
                                 GtkEntry          *entry,
                                 const char        *text,
                                 const char        *accessible_label)
{
  g_return_if_fail (DOCKET_IS_EDITABLE_ROW (self));
  g_return_if_fail (GTK_IS_ENTRY (entry));

  gtk_editable_set_text (GTK_EDITABLE (entry), text != NULL ? text : "");
  set_accessible_label (GTK_WIDGET (entry), accessible_label);
  g_signal_connect_swapped (entry, "changed", G_CALLBACK (edited_cb), self);
}

/**
 * docket_editable_row_watch_remove:
 * @self: the row
 * @button: the remove button of the row's template
 * @accessible_label: what a screen reader calls the button
 *
 * Emits "remove" when the user clicks @button.
 */
void
docket_editable_row_watch_remove (DocketEditableRow *self,
                                  GtkWidget         *button,
                                  const char        *accessible_label)
{
  g_return_if_fail (DOCKET_IS_EDITABLE_ROW (self));
  g_return_if_fail (GTK_IS_BUTTON (button));

  set_accessible_label (button, accessible_label);
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (remove_clicked_cb), self);
}

/**
 * docket_editable_row_dup_entry_text:
 * @entry: an entry
 *
 * Returns: (transfer full) (nullable): the entry's text, or %NULL when it is empty
 */
char *
docket_editable_row_dup_entry_text (GtkEntry *entry)
{
  const char *text;

  g_return_val_if_fail (GTK_IS_ENTRY (entry), NULL);

  text = gtk_editable_get_text (GTK_EDITABLE (entry));
  return text[0] != '\0' ? g_strdup (text) : NULL;
}
