/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "docket-window"

#include "config.h"

#include <glib/gi18n.h>

#include "docket-window-private.h"

#include "docket-record-row.h"

/* The main window of one catalog: the record list in a sidebar, the
 * document as printed, and its metadata beside it. The window's actions are
 * in docket-window-actions.c. */

/* How often the window asks whether another program changed the catalog. */
#define CATALOG_POLL_MSEC 1500

G_DEFINE_FINAL_TYPE (DocketWindow, docket_window, GTK_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_SORT_ORDER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void set_record (DocketWindow *self, DocketRecord *record);

static char *
dup_who (DocketWindow *self)
{
  g_autofree char *name = g_settings_get_string (self->settings, "cataloger-name");
  const char *real_name;

  if (name[0] != '\0')
    return g_steal_pointer (&name);
  real_name = g_get_real_name ();
  if (real_name != NULL && real_name[0] != '\0' && g_strcmp0 (real_name, "Unknown") != 0)
    return g_strdup (real_name);
  return g_strdup (g_get_user_name ());
}

/* Bench mode (DOCKET_BENCH=1): report the time from DOCKET_BENCH_T0 (ns since
 * the epoch, set by bench/window-startup.sh) to the first frame painted with
 * the record list filled, then quit. */
static void
after_paint_cb (GdkFrameClock *clock,
                DocketWindow  *self)
{
  const char *t0 = g_getenv ("DOCKET_BENCH_T0");
  gint64 now_ns = g_get_real_time () * 1000;
  GtkWidget *first_row;

  if (self->bench_reported)
    return;

  first_row = gtk_widget_get_first_child (GTK_WIDGET (self->record_list));
  if (g_list_model_get_n_items (G_LIST_MODEL (self->model)) == 0 || first_row == NULL)
    return;

  self->bench_reported = TRUE;
  g_signal_handlers_disconnect_by_func (clock, after_paint_cb, self);
  g_print ("docket-bench: first frame with %u records listed after %.1f ms\n",
           g_list_model_get_n_items (G_LIST_MODEL (self->model)),
           t0 != NULL ? (now_ns - g_ascii_strtoll (t0, NULL, 10)) / 1e6 : -1.0);
  g_print ("docket-bench: rows held in memory: %u pages\n",
           docket_record_list_model_get_n_pages_loaded (self->model));
  gtk_window_close (GTK_WINDOW (self));
}

/* The icon an X11 window manager shows (Wayland takes it from the desktop
 * file). It is the app icon drawn at 48 pixels, the size GTK draws a
 * scalable icon at for this, but from a PNG: naming the SVG icon would load
 * librsvg to draw it, some 8 MB of resident memory for one small picture. */
static void
set_window_icon (DocketWindow *self)
{
  g_autoptr(GdkTexture) icon = gdk_texture_new_from_resource ("/io/github/docket/Docket/window-icon.png");
  g_autoptr(GList) icons = g_list_append (NULL, icon);
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (self));

  if (GDK_IS_TOPLEVEL (surface))
    gdk_toplevel_set_icon_list (GDK_TOPLEVEL (surface), icons);
}

static void
docket_window_realize (GtkWidget *widget)
{
  DocketWindow *self = DOCKET_WINDOW (widget);

  GTK_WIDGET_CLASS (docket_window_parent_class)->realize (widget);
  set_window_icon (self);

  if (g_strcmp0 (g_getenv ("DOCKET_BENCH"), "1") == 0)
    g_signal_connect (gtk_widget_get_frame_clock (widget), "after-paint",
                      G_CALLBACK (after_paint_cb), self);
}

/* Window state */

static void
save_window_state (DocketWindow *self)
{
  int width, height;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_delay (self->settings);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (GTK_WINDOW (self)));
  if (!gtk_window_is_maximized (GTK_WINDOW (self)) && width > 0 && height > 0)
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  g_settings_set_int (self->settings, "sidebar-width", gtk_paned_get_position (self->outer_paned));
  g_settings_apply (self->settings);
}

/* The text (300) and the side pane (about 400) at their narrowest. */
#define MIN_TEXT_AND_SIDE_PANE_WIDTH 740
#define MIN_SIDEBAR_WIDTH 220

/* The largest size that fits every monitor, so that a remembered or
 * default size never puts part of the window off a small screen (a
 * 1024×600 netbook); a window manager would clamp it, but not every
 * session has one. */
static void
clamp_to_monitors (DocketWindow *self,
                   int          *width,
                   int          *height)
{
  GListModel *monitors = gdk_display_get_monitors (gtk_widget_get_display (GTK_WIDGET (self)));

  for (guint i = 0; i < g_list_model_get_n_items (monitors); i++)
    {
      g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, i);
      GdkRectangle geometry;

      gdk_monitor_get_geometry (monitor, &geometry);
      if (geometry.width > 0 && *width > geometry.width)
        *width = geometry.width;
      if (geometry.height > 0 && *height > geometry.height)
        *height = geometry.height;
    }
}

static void
restore_window_state (DocketWindow *self)
{
  int width = g_settings_get_int (self->settings, "window-width");
  int height = g_settings_get_int (self->settings, "window-height");

  clamp_to_monitors (self, &width, &height);
  gtk_window_set_default_size (GTK_WINDOW (self), width, height);
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
  /* On a narrow screen the record list gives way first, down to its
   * minimum, so that the text and the side pane keep theirs. */
  gtk_paned_set_position (self->outer_paned,
                          CLAMP (width - MIN_TEXT_AND_SIDE_PANE_WIDTH, MIN_SIDEBAR_WIDTH,
                                 g_settings_get_int (self->settings, "sidebar-width")));
}

/**
 * docket_window_flush:
 *
 * Saves the edits not yet saved. On a conflict the window shows it.
 */
gboolean
docket_window_flush (DocketWindow  *self,
                     GError       **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (DOCKET_IS_WINDOW (self), FALSE);

  if (self->session == NULL)
    return TRUE;
  if (docket_edit_session_flush (self->session, &local_error))
    return TRUE;

  if (g_error_matches (local_error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_CONFLICT))
    _docket_window_show_conflict (self);
  else
    docket_window_show_error (self, local_error->message);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

static gboolean
docket_window_close_request (GtkWindow *window)
{
  DocketWindow *self = DOCKET_WINDOW (window);
  g_autoptr(GError) error = NULL;

  save_window_state (self);

  /* Nothing typed is lost: a window whose edits cannot be saved stays open
   * and says why. A second try closes it, unless it is a conflict, which
   * needs an answer. */
  if (!docket_window_flush (self, &error) && !self->close_anyway)
    {
      if (!g_error_matches (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_CONFLICT))
        self->close_anyway = TRUE;
      return TRUE;
    }

  g_cancellable_cancel (self->cancellable);
  return GTK_WINDOW_CLASS (docket_window_parent_class)->close_request (window);
}

/* Messages */

void
docket_window_show_error (DocketWindow *self,
                          const char   *message)
{
  g_return_if_fail (DOCKET_IS_WINDOW (self));

  gtk_label_set_label (self->error_label, message);
  gtk_revealer_set_reveal_child (self->error_revealer, message != NULL);
}

static void
dismiss_error_cb (DocketWindow *self)
{
  gtk_revealer_set_reveal_child (self->error_revealer, FALSE);
}

/**
 * docket_window_set_busy:
 * @message: (nullable): what the window waits for, or %NULL when done
 */
void
docket_window_set_busy (DocketWindow *self,
                        const char   *message)
{
  g_return_if_fail (DOCKET_IS_WINDOW (self));

  if (message != NULL)
    {
      gtk_label_set_label (self->placeholder_title_label, message);
      gtk_label_set_label (self->placeholder_label, "");
    }
  else
    {
      gtk_label_set_label (self->placeholder_title_label, _("No Record Open"));
      gtk_label_set_label (self->placeholder_label, _("Choose a record in the list to read and describe it"));
    }
}

void
_docket_window_show_conflict (DocketWindow *self)
{
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GString) text = g_string_new (NULL);

  if (self->session == NULL ||
      docket_edit_session_get_state (self->session) != DOCKET_EDIT_SESSION_CONFLICT)
    {
      gtk_revealer_set_reveal_child (self->conflict_revealer, FALSE);
      return;
    }

  lines = docket_edit_session_list_conflicting_fields (self->session);
  if (docket_edit_session_get_theirs (self->session) == NULL)
    g_string_append (text, _("The record could not be read back from the catalog; it may have been deleted."));
  else if (lines->len == 0)
    g_string_append (text, _("Both versions hold the same values; keeping yours saves them again."));
  for (guint i = 0; i < lines->len; i++)
    {
      if (i > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, g_ptr_array_index (lines, i));
    }
  gtk_label_set_label (self->conflict_detail_label, text->str);
  gtk_revealer_set_reveal_child (self->conflict_revealer, TRUE);
}

/* Record list */

static void
update_count (DocketWindow *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->model));
  gboolean filtered = docket_record_list_model_is_filtered (self->model);
  g_autofree char *label = NULL;

  if (filtered)
    label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u matching record", "%u matching records", n), n);
  else
    label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u record", "%u records", n), n);
  gtk_label_set_label (self->count_label, label);

  if (n > 0)
    gtk_stack_set_visible_child_name (self->sidebar_stack, "list");
  else
    {
      gtk_stack_set_visible_child_name (self->sidebar_stack, "empty");
      if (filtered)
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

static void
reload_model (DocketWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (!docket_record_list_model_reload (self->model, &error))
    docket_window_show_error (self, error->message);
  update_count (self);
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

  reload_model (self);
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
  update_count (self);
}

static void
record_filter_changed_cb (DocketWindow *self)
{
  update_count (self);
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
  const char *heading = docket_record_item_get_heading (record_item);

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

/* Opening a record */

static void
update_save_state (DocketWindow *self)
{
  const char *label = "";

  if (self->session != NULL)
    switch (docket_edit_session_get_state (self->session))
      {
      case DOCKET_EDIT_SESSION_SAVED:
        label = _("Saved");
        break;
      case DOCKET_EDIT_SESSION_PENDING:
      case DOCKET_EDIT_SESSION_SAVING:
        label = _("Saving…");
        break;
      case DOCKET_EDIT_SESSION_CONFLICT:
        label = _("Not saved: conflict");
        break;
      case DOCKET_EDIT_SESSION_FAILED:
        label = _("Not saved");
        break;
      default:
        break;
      }
  gtk_label_set_label (self->save_state_label, label);
}

/* A save may change what the record's row shows (its status, say). */
static void
update_current_row (DocketWindow *self)
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

static void
session_state_cb (DocketWindow      *self,
                  GParamSpec        *pspec,
                  DocketEditSession *session)
{
  update_save_state (self);
  _docket_window_show_conflict (self);

  if (docket_edit_session_get_state (session) == DOCKET_EDIT_SESSION_FAILED)
    docket_window_show_error (self, docket_edit_session_get_error (session)->message);
  else if (docket_edit_session_get_state (session) == DOCKET_EDIT_SESSION_SAVED)
    {
      gtk_revealer_set_reveal_child (self->error_revealer, FALSE);
      update_current_row (self);
    }

  _docket_window_update_actions (self);
}

static void
session_undo_cb (DocketWindow *self)
{
  _docket_window_update_actions (self);
}

typedef struct
{
  DocketWindow *window;
  char         *collection_id;
} VolumeListsLoad;

static void
volume_lists_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  VolumeListsLoad *load = user_data;
  g_autoptr(DocketWindow) self = load->window;
  g_autofree char *collection_id = load->collection_id;
  g_autoptr(GPtrArray) glossary = NULL;
  g_autoptr(GPtrArray) persons = NULL;
  g_autoptr(GError) error = NULL;
  DocketRecord *record;

  g_free (load);
  if (!docket_store_load_volume_lists_finish (DOCKET_STORE (source), result, &glossary, &persons, &error))
    {
      /* The terms only explain the text: a failure here is no reason to
       * interrupt the cataloguer. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("Could not read the glossary of %s: %s", collection_id, error->message);
      return;
    }
  record = docket_document_view_get_record (self->document_view);
  if (record != NULL && g_strcmp0 (docket_record_get (record, DOCKET_FIELD_COLLECTION), collection_id) == 0)
    docket_document_view_set_volume_lists (self->document_view, glossary, persons);
}

/* The document view explains the terms and persons a record mentions from
 * its volume's lists, read afresh (an import may have replaced them). */
static void
load_volume_lists (DocketWindow *self,
                   DocketRecord *previous,
                   DocketRecord *record)
{
  const char *collection_id = record != NULL ? docket_record_get (record, DOCKET_FIELD_COLLECTION) : NULL;
  VolumeListsLoad *load;

  /* Ids belong to one volume: never explain a record with another's. */
  if (previous == NULL || collection_id == NULL ||
      g_strcmp0 (docket_record_get (previous, DOCKET_FIELD_COLLECTION), collection_id) != 0)
    docket_document_view_set_volume_lists (self->document_view, NULL, NULL);
  if (collection_id == NULL)
    return;

  load = g_new0 (VolumeListsLoad, 1);
  load->window = g_object_ref (self);
  load->collection_id = g_strdup (collection_id);
  docket_store_load_volume_lists_async (self->store, collection_id, self->cancellable,
                                        volume_lists_cb, load);
}

/* Shows "record", "empty" (no record open) or "loading" (blank, while the
 * first record is read) beside the list. */
static void
show_content (DocketWindow *self,
              const char   *name)
{
  if (g_str_equal (name, "empty") && gtk_image_get_storage_type (self->placeholder_image) == GTK_IMAGE_EMPTY)
    gtk_image_set_from_icon_name (self->placeholder_image, APPLICATION_ID "-symbolic");
  gtk_stack_set_visible_child_name (self->content_stack, name);
}

static void
set_record (DocketWindow *self,
            DocketRecord *record)
{
  g_autoptr(DocketRecord) previous = NULL;

  if (self->session != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->session, self);
      g_clear_object (&self->session);
    }

  if (record != NULL)
    {
      g_autofree char *who = dup_who (self);

      self->session = docket_edit_session_new (self->store, record, who);
      g_signal_connect_object (self->session, "notify::state", G_CALLBACK (session_state_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->session, "notify::can-undo", G_CALLBACK (session_undo_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->session, "notify::can-redo", G_CALLBACK (session_undo_cb),
                               self, G_CONNECT_SWAPPED);
    }

  g_set_object (&previous, docket_document_view_get_record (self->document_view));
  docket_document_view_set_record (self->document_view, record);
  load_volume_lists (self, previous, record);
  docket_metadata_editor_set_record (self->metadata_editor, record);
  docket_footnotes_pane_set_session (self->footnotes_pane, self->session);
  docket_review_pane_set_session (self->review_pane, self->session);
  show_content (self, record != NULL ? "record" : "empty");
  gtk_revealer_set_reveal_child (self->conflict_revealer, FALSE);

  update_save_state (self);
  _docket_window_update_actions (self);
}

static void
load_record_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(DocketWindow) self = user_data;
  g_autoptr(DocketRecord) record = NULL;
  g_autoptr(GError) error = NULL;

  record = docket_store_load_record_finish (DOCKET_STORE (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_pointer (&self->loading_id, g_free);
  if (record == NULL)
    {
      docket_window_show_error (self, error->message);
      if (docket_window_get_record (self) == NULL)
        show_content (self, "empty");
      return;
    }
  set_record (self, record);
}

/**
 * docket_window_open_record:
 * @id: the record's identifier
 *
 * Saves the record being edited and opens @id. If the record being edited
 * cannot be saved (a conflict), it stays open and the window says why.
 */
void
docket_window_open_record (DocketWindow *self,
                           const char   *id)
{
  DocketRecord *current;

  g_return_if_fail (DOCKET_IS_WINDOW (self));
  g_return_if_fail (id != NULL);

  current = docket_window_get_record (self);
  if (current != NULL && g_strcmp0 (docket_record_get_id (current), id) == 0)
    return;
  if (g_strcmp0 (self->loading_id, id) == 0)
    return;

  if (!docket_window_flush (self, NULL))
    return;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  g_free (self->loading_id);
  self->loading_id = g_strdup (id);
  docket_store_load_record_async (self->store, id, self->cancellable, load_record_cb, g_object_ref (self));
}

/* Recent catalogs */

static void
recent_changed_cb (DocketWindow *self)
{
  g_auto(GStrv) paths = g_settings_get_strv (self->settings, "recent-catalogs");

  g_menu_remove_all (self->recent_section);
  for (guint i = 0; paths[i] != NULL; i++)
    {
      g_autofree char *name = g_path_get_basename (paths[i]);
      g_autoptr(GMenuItem) item = g_menu_item_new (name, NULL);

      g_menu_item_set_action_and_target_value (item, "app.open-recent", g_variant_new_string (paths[i]));
      g_menu_append_item (self->recent_section, item);
    }
}

static void
update_title (DocketWindow *self)
{
  const char *path = docket_store_get_path (self->store);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *title = NULL;
  const char *home = g_get_home_dir ();
  char *dot = strrchr (base, '.');

  if (dot != NULL && dot != base)
    *dot = '\0';
  /* Translators: the window title; %s is the catalog file's name */
  title = g_strdup_printf (_("%s — Docket"), base);
  gtk_window_set_title (GTK_WINDOW (self), title);
  gtk_label_set_label (self->title_label, base);

  if (home != NULL && g_str_has_prefix (dir, home))
    {
      g_autofree char *short_dir = g_strconcat ("~", dir + strlen (home), NULL);
      gtk_label_set_label (self->subtitle_label, short_dir);
    }
  else
    gtk_label_set_label (self->subtitle_label, dir);
}

/* A link followed in the footnotes pane, or a citing record. */
static void
footnotes_open_record_cb (DocketWindow *self,
                          const char   *id)
{
  docket_window_open_record (self, id);
}

/* The list reads the catalog again, keeping its place and its selection:
 * the rows selected stay selected if the list is as long as before, else
 * only the open record's row is. Opens nothing. */
static void
refresh_list (DocketWindow *self)
{
  GtkSelectionModel *selection = GTK_SELECTION_MODEL (self->selection);
  g_autoptr(GtkBitset) live = gtk_selection_model_get_selection (selection);
  g_autoptr(GtkBitset) selected = gtk_bitset_copy (live);
  g_autoptr(GtkBitset) mask = NULL;
  g_autoptr(GError) error = NULL;
  DocketRecord *record = docket_window_get_record (self);
  guint old_n = g_list_model_get_n_items (G_LIST_MODEL (self->model));
  guint n, position;

  self->n_catalog_records = docket_store_count_records (self->store, NULL, NULL);
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
  update_count (self);
}

static void
fresh_record_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(DocketWindow) self = user_data;
  g_autoptr(DocketRecord) fresh = NULL;
  g_autoptr(GError) error = NULL;
  DocketRecord *record;

  fresh = docket_store_load_record_finish (DOCKET_STORE (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  /* Only a record with nothing left to save is replaced; pending edits
   * meet the newer version when they are saved, as a conflict. */
  record = docket_window_get_record (self);
  if (fresh == NULL || record == NULL ||
      g_strcmp0 (docket_record_get_id (record), docket_record_get_id (fresh)) != 0 ||
      docket_edit_session_get_state (self->session) != DOCKET_EDIT_SESSION_SAVED ||
      docket_record_get_version (fresh) <= docket_record_get_version (record))
    return;

  if (!docket_edit_session_reload (self->session, &error))
    {
      if (!g_error_matches (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_CONFLICT))
        docket_window_show_error (self, error->message);
      return;
    }
  docket_review_pane_refresh (self->review_pane);
}

/* Another program (docket-cli, a second window) changed the catalog: show
 * the list as it is now, and the open record too if it has changed there
 * and has no edits waiting to be saved. */
static void
catalog_changed_elsewhere (DocketWindow *self)
{
  DocketRecord *record = docket_window_get_record (self);

  refresh_list (self);
  if (record != NULL && docket_edit_session_get_state (self->session) == DOCKET_EDIT_SESSION_SAVED)
    docket_store_load_record_async (self->store, docket_record_get_id (record), self->cancellable,
                                    fresh_record_cb, g_object_ref (self));
}

static void update_search_index (DocketWindow *self);

static void
index_updated_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(DocketWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  guint indexed = 0;

  if (!docket_store_update_index_finish (DOCKET_STORE (source), result, &indexed, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("Search index not brought up to date: %s", error->message);
      g_clear_object (&self->index_cancellable);
      return;
    }
  g_clear_object (&self->index_cancellable);

  /* Until now a filter searched the index as it stood: show what it
   * finds with the new records in. */
  if (indexed > 0 && self->model != NULL)
    {
      g_debug ("Indexed %u new records for search", indexed);
      refresh_list (self);
    }
  if (self->index_again)
    {
      self->index_again = FALSE;
      update_search_index (self);
    }
}

/* Records an import added (here or in another program) are indexed for
 * search in a thread, through a connection of the store's own, so that
 * the list and the record stay responsive; a filter typed meanwhile finds
 * what is indexed so far and is refreshed when the rest is. Cheap when
 * there is nothing to index. */
static void
update_search_index (DocketWindow *self)
{
  if (self->index_cancellable != NULL)
    {
      self->index_again = TRUE;
      return;
    }
  self->index_cancellable = g_cancellable_new ();
  docket_store_update_index_async (self->store, self->index_cancellable, index_updated_cb,
                                   g_object_ref (self));
}

/* Asking SQLite whether another connection wrote costs next to nothing
 * (no table is read), so the window asks often. */
static gboolean
catalog_poll_cb (gpointer data)
{
  DocketWindow *self = data;
  g_autoptr(GError) error = NULL;
  gint64 version;

  if (!docket_store_get_data_version (self->store, &version, &error))
    {
      g_debug ("Could not ask whether the catalog changed: %s", error->message);
      return G_SOURCE_CONTINUE;
    }
  if (version != self->data_version)
    {
      self->data_version = version;
      catalog_changed_elsewhere (self);
      update_search_index (self);
    }
  return G_SOURCE_CONTINUE;
}

/* Records added or removed through this window's store (an import): the
 * list reads the catalog again. Saves of the open record change no count
 * and leave the list (and its selection) alone. */
static void
store_records_changed_cb (DocketWindow *self)
{
  guint n = docket_store_count_records (self->store, NULL, NULL);

  if (n == self->n_catalog_records)
    return;
  refresh_list (self);
  update_search_index (self);
}

/* GObject */

static void
docket_window_constructed (GObject *object)
{
  DocketWindow *self = DOCKET_WINDOW (object);
  g_autoptr(GtkListItemFactory) factory = NULL;
  g_autofree char *sort = NULL;

  G_OBJECT_CLASS (docket_window_parent_class)->constructed (object);

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

  docket_footnotes_pane_set_store (self->footnotes_pane, self->store);
  docket_footnotes_pane_set_document_view (self->footnotes_pane, self->document_view);
  g_signal_connect_object (self->footnotes_pane, "open-record", G_CALLBACK (footnotes_open_record_cb),
                           self, G_CONNECT_SWAPPED);
  self->n_catalog_records = docket_store_count_records (self->store, NULL, NULL);
  g_signal_connect_object (self->store, "records-changed", G_CALLBACK (store_records_changed_cb),
                           self, G_CONNECT_SWAPPED);
  if (!docket_store_get_data_version (self->store, &self->data_version, NULL))
    self->data_version = -1;
  self->catalog_poll_id = g_timeout_add (CATALOG_POLL_MSEC, catalog_poll_cb, self);
  update_search_index (self);

  sort = g_settings_get_string (self->settings, "sort-order");
  g_object_set (self, "sort-order", sort, NULL);

  update_title (self);
  restore_window_state (self);
  recent_changed_cb (self);
  g_signal_connect_object (self->settings, "changed::recent-catalogs", G_CALLBACK (recent_changed_cb),
                           self, G_CONNECT_SWAPPED);

  reload_model (self);
  if (g_list_model_get_n_items (G_LIST_MODEL (self->model)) > 0)
    _docket_window_select_only (self, 0);
  else
    show_content (self, "empty");
  _docket_window_update_actions (self);
}

static void
docket_window_dispose (GObject *object)
{
  DocketWindow *self = DOCKET_WINDOW (object);

  g_clear_handle_id (&self->catalog_poll_id, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->index_cancellable);
  if (self->session != NULL)
    {
      g_autoptr(GError) error = NULL;

      /* The last chance to save; close-request normally did it already. */
      if (!docket_edit_session_flush (self->session, &error))
        g_message ("Edits to %s were not saved: %s",
                   docket_record_get_id (docket_edit_session_get_record (self->session)),
                   error->message);
      g_signal_handlers_disconnect_by_data (self->session, self);
      g_clear_object (&self->session);
    }
  if (self->record_list != NULL)
    gtk_list_view_set_model (self->record_list, NULL);

  g_clear_object (&self->selection);
  g_clear_object (&self->model);

  G_OBJECT_CLASS (docket_window_parent_class)->dispose (object);
}

static void
docket_window_finalize (GObject *object)
{
  DocketWindow *self = DOCKET_WINDOW (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_free (self->sort_order);
  g_free (self->loading_id);

  G_OBJECT_CLASS (docket_window_parent_class)->finalize (object);
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

static void
set_sort_order (DocketWindow *self,
                const char   *sort)
{
  g_autoptr(GError) error = NULL;

  if (sort == NULL || (g_strcmp0 (sort, "number") != 0 && g_strcmp0 (sort, "date") != 0))
    sort = "catalog";
  if (g_strcmp0 (self->sort_order, sort) == 0)
    return;

  g_free (self->sort_order);
  self->sort_order = g_strdup (sort);
  g_settings_set_string (self->settings, "sort-order", sort);

  if (!docket_record_list_model_set_sort (self->model, sort_from_string (sort), &error))
    docket_window_show_error (self, error->message);
  update_count (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SORT_ORDER]);
}

static void
docket_window_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  DocketWindow *self = DOCKET_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_SORT_ORDER:
      g_value_set_string (value, self->sort_order);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
docket_window_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  DocketWindow *self = DOCKET_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_SORT_ORDER:
      set_sort_order (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
docket_window_class_init (DocketWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = docket_window_constructed;
  object_class->dispose = docket_window_dispose;
  object_class->finalize = docket_window_finalize;
  object_class->get_property = docket_window_get_property;
  object_class->set_property = docket_window_set_property;
  widget_class->realize = docket_window_realize;
  window_class->close_request = docket_window_close_request;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, DOCKET_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SORT_ORDER] =
    g_param_spec_string ("sort-order", NULL, NULL, "catalog",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/docket/Docket/docket-window.ui");
  gtk_widget_class_bind_template_child (widget_class, DocketWindow, title_label);
  gtk_widget_class_bind_template_child (widget_class, DocketWindow, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, DocketWindow, save_state_label);
  gtk_widget_class_bind_template_child (widget_class, DocketWindow, primary_menu_button);
  gtk_widget_class_bind_template_child (widget_class, DocketWindow, outer_paned);
  gtk_widget_class_bind_template_child (widget_class, DocketWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, DocketWindow, record_filter);
  gtk_widget_class_bind_template_child (widget_class, DocketWindow, sidebar_stack);
  gtk_widget_class_bind_template_child (widget_class, DocketWindow, record_list);
  gtk_widget_class_bind_template_child (widget_class, DocketWindow, count_label);
  gtk_widget_class_bind_template_child (widget_class, DocketWindow, empty_title_label);
  gtk_widget_class_bind_template_child (widget_class, DocketWindow, empty_description_label);
  gtk_widget_class_bind_template_child (widget_class, DocketWindow, conflict_revealer);
  gtk_widget_class_bind_template_child (widget_class, DocketWindow, conflict_detail_label);
  gtk_widget_class_bind_template_child (widget_class, DocketWindow, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, DocketWindow, error_label);
  gtk_widget_class_bind_template_child (widget_class, DocketWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, DocketWindow, placeholder_image);
  gtk_widget_class_bind_template_child (widget_class, DocketWindow, placeholder_title_label);
  gtk_widget_class_bind_template_child (widget_class, DocketWindow, placeholder_label);
  gtk_widget_class_bind_template_child (widget_class, DocketWindow, inner_paned);
  gtk_widget_class_bind_template_child (widget_class, DocketWindow, document_view);
  gtk_widget_class_bind_template_child (widget_class, DocketWindow, metadata_editor);
  gtk_widget_class_bind_template_child (widget_class, DocketWindow, footnotes_pane);
  gtk_widget_class_bind_template_child (widget_class, DocketWindow, side_stack);
  gtk_widget_class_bind_template_child (widget_class, DocketWindow, review_pane);
  gtk_widget_class_bind_template_child (widget_class, DocketWindow, recent_section);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, record_filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, dismiss_error_cb);

  _docket_window_class_actions_init (widget_class);
}

static void
docket_window_init (DocketWindow *self)
{
  /* Set before the template, whose menus read the sort-order action's state. */
  self->sort_order = g_strdup ("catalog");
  self->settings = g_settings_new (APPLICATION_ID);
  self->cancellable = g_cancellable_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Undo and redo belong to the window, across fields: catch them before a
   * focused entry or text view sees them (their own undo is off). */
  {
    GtkEventController *shortcuts = gtk_shortcut_controller_new ();

    gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                          gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Control>z"),
                                                            gtk_named_action_new ("win.undo")));
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                          gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Control><Shift>z"),
                                                            gtk_named_action_new ("win.redo")));
    gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);
  }

  /* The search entry types into the list's filter from anywhere in the
   * sidebar, and Escape there clears it. */
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self->record_list));

  _docket_window_setup_drop (self);
}

DocketWindow *
docket_window_new (GtkApplication *application,
                   DocketStore    *store)
{
  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (DOCKET_IS_STORE (store), NULL);

  return g_object_new (DOCKET_TYPE_WINDOW,
                       "application", application,
                       "store", store,
                       NULL);
}

DocketStore *
docket_window_get_store (DocketWindow *self)
{
  g_return_val_if_fail (DOCKET_IS_WINDOW (self), NULL);
  return self->store;
}

/* The record open in the window, or %NULL. */
DocketRecord *
docket_window_get_record (DocketWindow *self)
{
  g_return_val_if_fail (DOCKET_IS_WINDOW (self), NULL);
  return self->session != NULL ? docket_edit_session_get_record (self->session) : NULL;
}

DocketRecordListModel *
_docket_window_get_model (DocketWindow *self)
{
  return self->model;
}

DocketDocumentView *
_docket_window_get_document_view (DocketWindow *self)
{
  return self->document_view;
}

DocketMetadataEditor *
_docket_window_get_metadata_editor (DocketWindow *self)
{
  return self->metadata_editor;
}

DocketEditSession *
_docket_window_get_session (DocketWindow *self)
{
  return self->session;
}

GtkSearchEntry *
_docket_window_get_search_entry (DocketWindow *self)
{
  return self->search_entry;
}

GtkRevealer *
_docket_window_get_conflict_revealer (DocketWindow *self)
{
  return self->conflict_revealer;
}

GtkStack *
_docket_window_get_side_stack (DocketWindow *self)
{
  return self->side_stack;
}

DocketReviewPane *
_docket_window_get_review_pane (DocketWindow *self)
{
  return self->review_pane;
}

DocketRecordFilter *
_docket_window_get_record_filter (DocketWindow *self)
{
  return self->record_filter;
}
