/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "docket-window"

#include "config.h"

#include "docket-window-private.h"

/* The main window of one catalog: the record list in a sidebar, the
 * document as printed, and its metadata beside it. This file holds the
 * window as a GObject (its template, properties and life cycle); its parts
 * are beside it, sharing docket-window-private.h:
 *
 *  - docket-window-record-list.c: the rows, selection, search and sort
 *  - docket-window-record-open.c: opening a record and its edit session
 *  - docket-window-catalog-watch.c: changes to the catalog, the search index
 *  - docket-window-messages.c: the error and conflict banners
 *  - docket-window-header.c: the title and the recent catalogs
 *  - docket-window-state.c: the size remembered between runs
 *  - docket-window-actions.c: the window's actions
 *  - docket-window-transfer.c: import and export */

G_DEFINE_FINAL_TYPE (DocketWindow, docket_window, GTK_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_SORT_ORDER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

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

  _docket_window_save_state (self);

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

/* A link followed in the footnotes pane, or a citing record. */
static void
footnotes_open_record_cb (DocketWindow *self,
                          const char   *id)
{
  docket_window_open_record (self, id);
}

/* GObject */

static void
docket_window_constructed (GObject *object)
{
  DocketWindow *self = DOCKET_WINDOW (object);
  g_autofree char *sort = NULL;

  G_OBJECT_CLASS (docket_window_parent_class)->constructed (object);

  _docket_window_setup_record_list (self);

  docket_footnotes_pane_set_store (self->footnotes_pane, self->store);
  docket_footnotes_pane_set_document_view (self->footnotes_pane, self->document_view);
  g_signal_connect_object (self->footnotes_pane, "open-record", G_CALLBACK (footnotes_open_record_cb),
                           self, G_CONNECT_SWAPPED);
  _docket_window_watch_catalog (self);

  sort = g_settings_get_string (self->settings, "sort-order");
  g_object_set (self, "sort-order", sort, NULL);

  _docket_window_setup_header (self);
  _docket_window_restore_state (self);

  _docket_window_reload_model (self);
  if (g_list_model_get_n_items (G_LIST_MODEL (self->model)) > 0)
    _docket_window_select_only (self, 0);
  else
    _docket_window_show_content (self, "empty");
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

static void
set_sort_order (DocketWindow *self,
                const char   *sort)
{
  if (sort == NULL || (g_strcmp0 (sort, "number") != 0 && g_strcmp0 (sort, "date") != 0))
    sort = "catalog";
  if (g_strcmp0 (self->sort_order, sort) == 0)
    return;

  g_free (self->sort_order);
  self->sort_order = g_strdup (sort);
  g_settings_set_string (self->settings, "sort-order", sort);

  _docket_window_sort_list (self, sort);
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
  gtk_widget_class_bind_template_child (widget_class, DocketWindow, document_view);
  gtk_widget_class_bind_template_child (widget_class, DocketWindow, metadata_editor);
  gtk_widget_class_bind_template_child (widget_class, DocketWindow, footnotes_pane);
  gtk_widget_class_bind_template_child (widget_class, DocketWindow, side_stack);
  gtk_widget_class_bind_template_child (widget_class, DocketWindow, review_pane);
  gtk_widget_class_bind_template_child (widget_class, DocketWindow, recent_section);

  _docket_window_class_record_list_init (widget_class);
  _docket_window_class_messages_init (widget_class);
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
