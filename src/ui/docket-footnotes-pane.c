/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "docket-footnotes-pane"

#include "config.h"

#include <glib/gi18n.h>

#include "docket-footnotes-pane.h"

#include "docket-record-footnotes.h"
#include "docket-ui.h"

/* The record's footnotes beside the text: add one at the cursor of the
 * document view, change its kind and text, move its marker, delete it,
 * and manage its links; below them, the footnotes of other records that
 * cite this one. Every change goes to the record and so through the edit
 * session (autosave, undo); changes of several lists are one undo step.
 * Selecting a footnote highlights its marker in the text, and a marker
 * followed in the text selects its footnote here. */

struct _DocketFootnotesPane
{
  GtkWidget           parent_instance;

  GtkListBox         *footnote_list;
  GtkLabel           *empty_label;
  GtkListBox         *cited_by_list;
  GtkLabel           *cited_by_empty_label;

  DocketStore        *store;
  DocketDocumentView *view;
  DocketEditSession  *session;
  DocketRecord       *record;
  GPtrArray          *citations;
  char               *selected;
  guint               own_change;
  guint               syncing;
};

G_DEFINE_FINAL_TYPE (DocketFootnotesPane, docket_footnotes_pane, GTK_TYPE_WIDGET)

enum {
  OPEN_RECORD,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void rebuild (DocketFootnotesPane *self);

static void
update_actions (DocketFootnotesPane *self)
{
  gboolean have = self->record != NULL;
  gboolean selected = have && self->selected != NULL &&
                      docket_record_find_footnote (self->record, self->selected) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "footnotes.add", have);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "footnotes.delete", selected);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "footnotes.move-marker", selected);
}

/* Tells the record (and so the view, autosave and undo) without
 * rebuilding the rows, one of which is being typed in. */
static void
row_changed_cb (DocketFootnotesPane *self)
{
  if (self->record == NULL)
    return;
  self->own_change++;
  docket_record_changed (self->record, "footnotes");
  self->own_change--;
}

static void
row_open_record_cb (DocketFootnotesPane *self,
                    const char          *id)
{
  g_signal_emit (self, signals[OPEN_RECORD], 0, id);
}

static void
rebuild (DocketFootnotesPane *self)
{
  GtkWidget *child;
  GPtrArray *footnotes;
  g_autofree char *selected = g_strdup (self->selected);

  self->syncing++;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->footnote_list))) != NULL)
    gtk_list_box_remove (self->footnote_list, child);

  if (self->record != NULL && self->store != NULL)
    {
      footnotes = docket_record_get_footnotes (self->record);
      for (guint i = 0; i < footnotes->len; i++)
        {
          DocketFootnote *footnote = g_ptr_array_index (footnotes, i);
          GtkWidget *row = docket_footnote_row_new (self->store, self->record, footnote->id);

          g_signal_connect_object (row, "changed", G_CALLBACK (row_changed_cb), self, G_CONNECT_SWAPPED);
          g_signal_connect_object (row, "open-record", G_CALLBACK (row_open_record_cb), self, G_CONNECT_SWAPPED);
          gtk_list_box_append (self->footnote_list, row);
        }
      gtk_widget_set_visible (GTK_WIDGET (self->empty_label), footnotes->len == 0);
    }
  else
    gtk_widget_set_visible (GTK_WIDGET (self->empty_label), TRUE);
  self->syncing--;

  if (selected != NULL)
    docket_footnotes_pane_select (self, selected);
  update_actions (self);
}

static void
record_changed_cb (DocketFootnotesPane *self,
                   const char          *what)
{
  if (self->own_change > 0)
    return;
  if (g_strcmp0 (what, "footnotes") == 0 || g_strcmp0 (what, "body") == 0)
    rebuild (self);
}

/* Cited by */

static void
cited_by_activated_cb (DocketFootnotesPane *self,
                       GtkListBoxRow       *row)
{
  int index = gtk_list_box_row_get_index (row);
  DocketCitation *citation;

  if (self->citations == NULL || index < 0 || (guint) index >= self->citations->len)
    return;
  citation = g_ptr_array_index (self->citations, index);
  g_signal_emit (self, signals[OPEN_RECORD], 0, citation->record_id);
}

/**
 * docket_footnotes_pane_refresh_cited_by:
 *
 * Reads again which footnotes of other records link to this one.
 */
void
docket_footnotes_pane_refresh_cited_by (DocketFootnotesPane *self)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *child;

  g_return_if_fail (DOCKET_IS_FOOTNOTES_PANE (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->cited_by_list))) != NULL)
    gtk_list_box_remove (self->cited_by_list, child);
  g_clear_pointer (&self->citations, g_ptr_array_unref);

  if (self->record != NULL && self->store != NULL && docket_record_get_id (self->record) != NULL)
    {
      self->citations = docket_store_list_citing (self->store, docket_record_get_id (self->record), &error);
      if (self->citations == NULL)
        g_message ("Could not list what cites %s: %s", docket_record_get_id (self->record), error->message);
    }

  for (guint i = 0; self->citations != NULL && i < self->citations->len; i++)
    {
      DocketCitation *citation = g_ptr_array_index (self->citations, i);
      g_autoptr(DocketRecordSummary) summary = docket_ui_load_summary (self->store, citation->record_id);
      g_autofree char *detail = NULL;
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      GtkWidget *label;
      const char *label_text = summary != NULL ? docket_record_summary_get_label (summary) : NULL;
      const char *title = label_text != NULL ? label_text : citation->record_id;

      /* Translators: where a citing footnote is; %s the record id, %s the footnote number */
      detail = g_strdup_printf (_("%s, footnote %s"), citation->record_id,
                                citation->footnote_n != NULL ? citation->footnote_n : "?");

      label = gtk_label_new (title);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_box_append (GTK_BOX (box), label);
      label = gtk_label_new (detail);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_add_css_class (label, "caption");
      gtk_box_append (GTK_BOX (box), label);
      gtk_widget_set_margin_top (box, 6);
      gtk_widget_set_margin_bottom (box, 6);
      gtk_widget_set_margin_start (box, 10);
      gtk_widget_set_margin_end (box, 10);
      gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, detail, -1);
      gtk_list_box_append (self->cited_by_list, box);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->cited_by_empty_label),
                          self->citations == NULL || self->citations->len == 0);
}

GtkListBox *
docket_footnotes_pane_get_cited_by_list (DocketFootnotesPane *self)
{
  g_return_val_if_fail (DOCKET_IS_FOOTNOTES_PANE (self), NULL);
  return self->cited_by_list;
}

/* Selection, both ways */

static void
set_selected (DocketFootnotesPane *self,
              const char          *id)
{
  if (g_strcmp0 (self->selected, id) == 0)
    return;
  g_free (self->selected);
  self->selected = g_strdup (id);
  update_actions (self);
}

static void
row_selected_cb (DocketFootnotesPane *self,
                 GtkListBoxRow       *row)
{
  const char *id;

  if (self->syncing > 0)
    return;
  id = DOCKET_IS_FOOTNOTE_ROW (row) ? docket_footnote_row_get_footnote_id (DOCKET_FOOTNOTE_ROW (row)) : NULL;
  set_selected (self, id);
  if (id != NULL && self->view != NULL)
    {
      self->syncing++;
      docket_document_view_show_marker (self->view, id);
      self->syncing--;
    }
}

static void
view_highlight_cb (DocketFootnotesPane *self)
{
  const char *id;

  if (self->syncing > 0 || self->view == NULL)
    return;
  id = docket_document_view_get_highlighted_footnote (self->view);
  if (id != NULL)
    docket_footnotes_pane_select (self, id);
}

DocketFootnoteRow *
docket_footnotes_pane_get_row (DocketFootnotesPane *self,
                               const char          *footnote_id)
{
  g_return_val_if_fail (DOCKET_IS_FOOTNOTES_PANE (self), NULL);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->footnote_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (DOCKET_IS_FOOTNOTE_ROW (child) &&
        g_strcmp0 (docket_footnote_row_get_footnote_id (DOCKET_FOOTNOTE_ROW (child)), footnote_id) == 0)
      return DOCKET_FOOTNOTE_ROW (child);
  return NULL;
}

/**
 * docket_footnotes_pane_select:
 *
 * Selects the footnote's row and scrolls to it, without moving the
 * document view.
 *
 * Returns: %FALSE when the record has no such footnote
 */
gboolean
docket_footnotes_pane_select (DocketFootnotesPane *self,
                              const char          *footnote_id)
{
  DocketFootnoteRow *row;

  g_return_val_if_fail (DOCKET_IS_FOOTNOTES_PANE (self), FALSE);

  row = docket_footnotes_pane_get_row (self, footnote_id);
  if (row == NULL)
    return FALSE;
  self->syncing++;
  gtk_list_box_select_row (self->footnote_list, GTK_LIST_BOX_ROW (row));
  self->syncing--;
  set_selected (self, footnote_id);
  return TRUE;
}

const char *
docket_footnotes_pane_get_selected (DocketFootnotesPane *self)
{
  g_return_val_if_fail (DOCKET_IS_FOOTNOTES_PANE (self), NULL);
  return self->selected;
}

/* Actions */

static void
begin (DocketFootnotesPane *self)
{
  if (self->session != NULL)
    docket_edit_session_begin_step (self->session);
}

/* Tells everyone of a change to the body and the footnotes, as one undo
 * step. */
static void
end (DocketFootnotesPane *self)
{
  docket_record_changed (self->record, "body");
  docket_record_changed (self->record, "footnotes");
  if (self->session != NULL)
    docket_edit_session_end_step (self->session);
}

static gboolean
cursor_position (DocketFootnotesPane *self,
                 guint               *block,
                 gsize               *offset)
{
  GtkWidget *root = GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (self)));

  if (self->view != NULL && docket_document_view_get_cursor_position (self->view, block, offset))
    return TRUE;
  if (GTK_IS_WINDOW (root))
    {
      GtkWidget *dialog = gtk_message_dialog_new (GTK_WINDOW (root), GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                                  GTK_MESSAGE_INFO, GTK_BUTTONS_CLOSE,
                                                  _("Place the cursor in the text first"));

      gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s",
                                                _("Click in the document where the marker goes (after the word it follows), or select the words the footnote is about."));
      g_signal_connect (dialog, "response", G_CALLBACK (gtk_window_destroy), NULL);
      gtk_window_present (GTK_WINDOW (dialog));
    }
  return FALSE;
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  DocketFootnotesPane *self = DOCKET_FOOTNOTES_PANE (widget);
  DocketFootnote *footnote;
  g_autofree char *id = NULL;
  guint block;
  gsize offset;

  if (self->record == NULL || !cursor_position (self, &block, &offset))
    return;

  begin (self);
  footnote = docket_record_insert_footnote (self->record, block, offset, DOCKET_FOOTNOTE_EDITORIAL, "");
  if (footnote != NULL)
    id = g_strdup (footnote->id);
  end (self);

  if (id != NULL)
    {
      DocketFootnoteRow *row;

      docket_footnotes_pane_select (self, id);
      if (self->view != NULL)
        docket_document_view_show_marker (self->view, id);
      row = docket_footnotes_pane_get_row (self, id);
      if (row != NULL)
        gtk_widget_grab_focus (GTK_WIDGET (docket_footnote_row_get_text_view (row)));
    }
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  DocketFootnotesPane *self = DOCKET_FOOTNOTES_PANE (widget);
  g_autofree char *id = g_strdup (self->selected);

  if (self->record == NULL || id == NULL)
    return;
  begin (self);
  docket_record_delete_footnote (self->record, id);
  end (self);
  set_selected (self, NULL);
}

static void
move_marker_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  DocketFootnotesPane *self = DOCKET_FOOTNOTES_PANE (widget);
  g_autofree char *id = g_strdup (self->selected);
  guint block;
  gsize offset;

  if (self->record == NULL || id == NULL || !cursor_position (self, &block, &offset))
    return;
  begin (self);
  docket_record_move_footnote_anchor (self->record, id, block, offset);
  end (self);
  docket_footnotes_pane_select (self, id);
}

/* GObject */

static void
docket_footnotes_pane_dispose (GObject *object)
{
  DocketFootnotesPane *self = DOCKET_FOOTNOTES_PANE (object);
  GtkWidget *child;

  docket_footnotes_pane_set_session (self, NULL);
  docket_footnotes_pane_set_document_view (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), DOCKET_TYPE_FOOTNOTES_PANE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (docket_footnotes_pane_parent_class)->dispose (object);
}

static void
docket_footnotes_pane_finalize (GObject *object)
{
  DocketFootnotesPane *self = DOCKET_FOOTNOTES_PANE (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->citations, g_ptr_array_unref);
  g_free (self->selected);

  G_OBJECT_CLASS (docket_footnotes_pane_parent_class)->finalize (object);
}

static void
docket_footnotes_pane_class_init (DocketFootnotesPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = docket_footnotes_pane_dispose;
  object_class->finalize = docket_footnotes_pane_finalize;

  /**
   * DocketFootnotesPane::open-record:
   * @id: a record to open (a link's target, or a citing record)
   */
  signals[OPEN_RECORD] = g_signal_new ("open-record", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/docket/Docket/docket-footnotes-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, DocketFootnotesPane, footnote_list);
  gtk_widget_class_bind_template_child (widget_class, DocketFootnotesPane, empty_label);
  gtk_widget_class_bind_template_child (widget_class, DocketFootnotesPane, cited_by_list);
  gtk_widget_class_bind_template_child (widget_class, DocketFootnotesPane, cited_by_empty_label);
  gtk_widget_class_bind_template_callback (widget_class, row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, cited_by_activated_cb);

  gtk_widget_class_install_action (widget_class, "footnotes.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "footnotes.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "footnotes.move-marker", NULL, move_marker_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
docket_footnotes_pane_init (DocketFootnotesPane *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update_actions (self);
}

void
docket_footnotes_pane_set_store (DocketFootnotesPane *self,
                                 DocketStore         *store)
{
  g_return_if_fail (DOCKET_IS_FOOTNOTES_PANE (self));
  g_set_object (&self->store, store);
}

void
docket_footnotes_pane_set_document_view (DocketFootnotesPane *self,
                                         DocketDocumentView  *view)
{
  g_return_if_fail (DOCKET_IS_FOOTNOTES_PANE (self));

  if (self->view == view)
    return;
  if (self->view != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->view, self);
      g_object_remove_weak_pointer (G_OBJECT (self->view), (gpointer *) &self->view);
    }
  self->view = view;
  if (view != NULL)
    {
      g_object_add_weak_pointer (G_OBJECT (view), (gpointer *) &self->view);
      g_signal_connect_object (view, "notify::highlighted-footnote", G_CALLBACK (view_highlight_cb),
                               self, G_CONNECT_SWAPPED);
    }
}

/**
 * docket_footnotes_pane_set_session:
 * @session: (nullable): the editing of the record to show
 */
void
docket_footnotes_pane_set_session (DocketFootnotesPane *self,
                                   DocketEditSession   *session)
{
  DocketRecord *record;

  g_return_if_fail (DOCKET_IS_FOOTNOTES_PANE (self));

  if (self->session == session)
    return;
  if (self->record != NULL)
    g_signal_handlers_disconnect_by_data (self->record, self);
  g_clear_object (&self->record);
  g_set_object (&self->session, session);
  g_clear_pointer (&self->selected, g_free);

  record = session != NULL ? docket_edit_session_get_record (session) : NULL;
  if (record != NULL)
    {
      self->record = g_object_ref (record);
      g_signal_connect_object (record, "changed", G_CALLBACK (record_changed_cb), self, G_CONNECT_SWAPPED);
    }
  rebuild (self);
  docket_footnotes_pane_refresh_cited_by (self);
}
