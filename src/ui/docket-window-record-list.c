/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "docket-window-record-list"

#include "config.h"

#include <glib/gi18n.h>

#include "docket-window-private.h"

#include "docket-record-row.h"

/* The record list in the sidebar: its rows, the records selected and the
 * one opened from them, the search and filters that narrow it and the
 * order it is sorted in, and reading it again without losing the place. */

void
_docket_window_update_count (DocketWindow *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->model));
  gboolean filtered = docket_record_list_model_is_filtered (self->model);
  g_autofree char *label = NULL;

  if (filtered && _docket_window_is_indexing (self))
    label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "%u matching record so far, still indexing new records",
                                          "%u matching records so far, still indexing new records", n), n);
  else if (filtered)
    label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u matching record", "%u matching records", n), n);
  else
    label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u record", "%u records", n), n);
  gtk_label_set_label (self->count_label, label);

  if (n > 0)
    gtk_stack_set_visible_child_name (self->sidebar_stack, "list");
  else
    {
      gtk_stack_set_visible_child_name (self->sidebar_stack, "empty");
      if (filtered && _docket_window_is_indexing (self))
        {
          gtk_label_set_label (self->empty_title_label, _("Still Indexing"));
          gtk_label_set_label (self->empty_description_label,
                               _("Records added a moment ago are being indexed for search; matches will appear here"));
        }
      else if (filtered)
        {
          gtk_label_set_label (self->empty_title_label, _("No Records Found"));
          gtk_label_set_label (self->empty_description_label, _("Try different or fewer words"));
        }
      else
        {
          gtk_label_set_label (self->empty_title_label, _("No Records Yet"));
          gtk_label_set_label (self->empty_description_label,
                               _("Import a FRUS document, a TEI volume or an EAD finding aid to begin"));
        }
    }
}

void
_docket_window_reload_model (DocketWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (!docket_record_list_model_reload (self->model, &error))
    docket_window_show_error (self, error->message);
  _docket_window_update_count (self);
}

/**
 * docket_window_reload:
 *
 * Reads the record list again, after records were added elsewhere; opens
 * the first record if none is open.
 */
void
docket_window_reload (DocketWindow *self)
{
  g_return_if_fail (DOCKET_IS_WINDOW (self));

  _docket_window_reload_model (self);
  if (self->session == NULL && self->loading_id == NULL &&
      g_list_model_get_n_items (G_LIST_MODEL (self->model)) > 0)
    _docket_window_select_only (self, 0);
}

static void
search_changed_cb (DocketWindow   *self,
                   GtkSearchEntry *entry)
{
  g_autoptr(GError) error = NULL;

  if (!docket_record_list_model_set_text (self->model, gtk_editable_get_text (GTK_EDITABLE (entry)), &error))
    docket_window_show_error (self, error->message);
  _docket_window_update_count (self);
}

static void
record_filter_changed_cb (DocketWindow *self)
{
  _docket_window_update_count (self);
}

static void
stop_search_cb (DocketWindow   *self,
                GtkSearchEntry *entry)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

static void
search_activate_cb (DocketWindow   *self,
                    GtkSearchEntry *entry)
{
  /* Return in the search opens the first match. */
  if (g_list_model_get_n_items (G_LIST_MODEL (self->model)) > 0)
    {
      _docket_window_select_only (self, 0);
      gtk_widget_grab_focus (GTK_WIDGET (self->record_list));
    }
}

/* Which row a click selects: with Shift the selection grows over a range,
 * and the record to open is the one clicked, not the end of the range. The
 * gesture runs in the capture phase, before the row's own. */
static void
row_pressed_cb (GtkGestureClick *gesture,
                int              n_press,
                double           x,
                double           y,
                GtkListItem     *item)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));
  DocketWindow *self = DOCKET_WINDOW (gtk_widget_get_root (row));

  self->pressed_position = gtk_list_item_get_position (item);
}

/* A click that changed nothing leaves no row behind for the keyboard's
 * next selection. */
static void
row_released_cb (GtkGestureClick *gesture,
                 int              n_press,
                 double           x,
                 double           y,
                 GtkListItem     *item)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));

  DOCKET_WINDOW (gtk_widget_get_root (row))->pressed_position = GTK_INVALID_LIST_POSITION;
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              DocketWindow             *self)
{
  GtkWidget *row = docket_record_row_new ();
  GtkGesture *press = gtk_gesture_click_new ();

  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (press), GTK_PHASE_CAPTURE);
  g_signal_connect (press, "pressed", G_CALLBACK (row_pressed_cb), item);
  g_signal_connect (press, "released", G_CALLBACK (row_released_cb), item);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (press));
  gtk_list_item_set_child (item, row);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             DocketWindow             *self)
{
  DocketRecordItem *record_item = gtk_list_item_get_item (item);
  const char *heading = docket_record_item_get_label (record_item);

  docket_record_row_set_item (DOCKET_RECORD_ROW (gtk_list_item_get_child (item)), record_item);
  gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_list_item_get_child (item)),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, heading != NULL ? heading : "",
                                  -1);
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               DocketWindow             *self)
{
  docket_record_row_set_item (DOCKET_RECORD_ROW (gtk_list_item_get_child (item)), NULL);
}

/* The record at @position, if the list has read it. */
static void
open_position (DocketWindow *self,
               guint         position)
{
  g_autoptr(DocketRecordItem) item = g_list_model_get_item (G_LIST_MODEL (self->model), position);

  if (item != NULL && docket_record_item_get_id (item) != NULL)
    docket_window_open_record (self, docket_record_item_get_id (item));
}

/* Several records may be selected (Ctrl- and Shift-click); the window shows
 * the one most recently selected: the row clicked, else (the keyboard) the
 * end of the changed span that became selected when the other end did not,
 * as the selection model reports the span from the first to the last row
 * that changed. A row unselected, or a span selected at both ends at once
 * (Ctrl+A), leaves the record open as it is. */
static void
selection_changed_cb (DocketWindow      *self,
                      guint              position,
                      guint              n_items,
                      GtkMultiSelection *selection)
{
  GtkSelectionModel *model = GTK_SELECTION_MODEL (selection);
  guint pressed = self->pressed_position;
  guint last = position + n_items - 1;
  gboolean first_selected, last_selected;

  self->pressed_position = GTK_INVALID_LIST_POSITION;
  if (n_items == 0 || self->keeping_selection > 0)
    return;

  /* The row clicked, even when it was selected already and only the others
   * were unselected. */
  if (pressed != GTK_INVALID_LIST_POSITION && gtk_selection_model_is_selected (model, pressed))
    {
      open_position (self, pressed);
      return;
    }

  first_selected = gtk_selection_model_is_selected (model, position);
  last_selected = gtk_selection_model_is_selected (model, last);
  if (first_selected && (!last_selected || n_items == 1))
    open_position (self, position);
  else if (last_selected && !first_selected)
    open_position (self, last);
}

/**
 * _docket_window_select_only:
 *
 * Selects the row at @position alone, which opens its record.
 */
void
_docket_window_select_only (DocketWindow *self,
                            guint         position)
{
  self->pressed_position = position;
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), position, TRUE);
  self->pressed_position = GTK_INVALID_LIST_POSITION;
}

/* Return (or a double click) on a row opens its record, even when it was
 * selected already. */
static void
record_list_activate_cb (DocketWindow *self,
                         guint         position)
{
  open_position (self, position);
}

/* A save may change what the record's row shows (its status, say). */
void
_docket_window_update_current_row (DocketWindow *self)
{
  g_autoptr(GtkBitset) live = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  g_autoptr(GtkBitset) selected = gtk_bitset_copy (live);
  guint position;

  /* The row's item is replaced, which unselects it: select it again (the
   * selection model may give its own bitset, hence the copy). */
  if (docket_record_list_model_update_record (self->model, docket_edit_session_get_record (self->session),
                                              &position) &&
      gtk_bitset_contains (selected, position))
    gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), position, FALSE);
}

/* The list reads the catalog again, keeping its place and its selection:
 * the rows selected stay selected if the list is as long as before, else
 * only the open record's row is. Opens nothing. */
void
_docket_window_refresh_list (DocketWindow *self)
{
  GtkSelectionModel *selection = GTK_SELECTION_MODEL (self->selection);
  g_autoptr(GtkBitset) live = gtk_selection_model_get_selection (selection);
  g_autoptr(GtkBitset) selected = gtk_bitset_copy (live);
  g_autoptr(GtkBitset) mask = NULL;
  g_autoptr(GError) error = NULL;
  DocketRecord *record = docket_window_get_record (self);
  guint old_n = g_list_model_get_n_items (G_LIST_MODEL (self->model));
  guint n, position;

  if (!docket_record_list_model_refresh (self->model, &error))
    {
      docket_window_show_error (self, error->message);
      return;
    }

  n = g_list_model_get_n_items (G_LIST_MODEL (self->model));
  if (n != old_n)
    {
      gtk_bitset_remove_all (selected);
      if (record != NULL &&
          docket_record_list_model_find_loaded (self->model, docket_record_get_id (record), &position))
        gtk_bitset_add (selected, position);
    }
  mask = gtk_bitset_new_range (0, n);
  self->keeping_selection++;
  gtk_selection_model_set_selection (selection, selected, mask);
  self->keeping_selection--;
  _docket_window_update_count (self);
}

static DocketStoreSort
sort_from_string (const char *sort)
{
  if (g_strcmp0 (sort, "number") == 0)
    return DOCKET_STORE_SORT_NUMBER;
  if (g_strcmp0 (sort, "date") == 0)
    return DOCKET_STORE_SORT_DATE;
  return DOCKET_STORE_SORT_CATALOG;
}

/* Sorts the list in @sort's order ("catalog", "number" or "date"). */
void
_docket_window_sort_list (DocketWindow *self,
                          const char   *sort)
{
  g_autoptr(GError) error = NULL;

  if (!docket_record_list_model_set_sort (self->model, sort_from_string (sort), &error))
    docket_window_show_error (self, error->message);
  _docket_window_update_count (self);
}

/* The list's model of the catalog's records, its selection, and the
 * factory of its rows. */
void
_docket_window_setup_record_list (DocketWindow *self)
{
  g_autoptr(GtkListItemFactory) factory = NULL;

  self->model = docket_record_list_model_new (self->store);
  self->selection = gtk_multi_selection_new (g_object_ref (G_LIST_MODEL (self->model)));
  self->pressed_position = GTK_INVALID_LIST_POSITION;
  g_signal_connect_object (self->selection, "selection-changed", G_CALLBACK (selection_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->record_list, "activate", G_CALLBACK (record_list_activate_cb),
                           self, G_CONNECT_SWAPPED);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), self);
  gtk_list_view_set_factory (self->record_list, factory);
  gtk_list_view_set_model (self->record_list, GTK_SELECTION_MODEL (self->selection));
  docket_record_filter_set_model (self->record_filter, self->model);
}

void
_docket_window_class_record_list_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, record_filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
}
