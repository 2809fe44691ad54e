/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "docket-document-view-links"

#include "config.h"

#include <glib/gi18n.h>

#include "docket-document-view-private.h"

#include <string.h>

/* A marker leads to its footnote and the footnote's number leads back, by
 * mouse or by Return; mentions explain themselves in a tooltip. */

static GtkTextTag *
link_tag_at (GtkTextIter *iter,
             gboolean     also_before)
{
  GtkTextIter before = *iter;
  g_autoptr(GSList) tags = gtk_text_iter_get_tags (iter);

  for (GSList *l = tags; l != NULL; l = l->next)
    if (g_object_get_data (l->data, LINK_KIND_KEY) != NULL)
      return l->data;

  if (also_before && gtk_text_iter_backward_char (&before))
    return link_tag_at (&before, FALSE);
  return NULL;
}

static void
set_highlight (DocketDocumentView *self,
               const char         *footnote_id,
               GtkTextIter        *start,
               GtkTextIter        *end)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter all_start, all_end;

  gtk_text_buffer_get_bounds (buffer, &all_start, &all_end);
  gtk_text_buffer_remove_tag_by_name (buffer, "highlight", &all_start, &all_end);
  gtk_text_buffer_apply_tag_by_name (buffer, "highlight", start, end);

  /* Select the range with the cursor at its start, so that Return follows
   * the link back and a screen reader reads the highlighted text. */
  gtk_text_buffer_select_range (buffer, start, end);
  gtk_text_view_scroll_to_mark (self->text_view, gtk_text_buffer_get_insert (buffer), 0.05, TRUE, 0.0, 0.3);

  _docket_document_view_set_highlighted (self, footnote_id);
}

/* Scrolls to the text between the marks @start_prefix and @end_prefix +
 * @footnote_id, highlights and selects it. */
static gboolean
show_between_marks (DocketDocumentView *self,
                    const char         *start_prefix,
                    const char         *end_prefix,
                    const char         *footnote_id)
{
  GtkTextBuffer *buffer;
  GtkTextMark *start_mark, *end_mark;
  GtkTextIter start, end;

  start_mark = _docket_document_view_get_mark (self, start_prefix, footnote_id);
  end_mark = _docket_document_view_get_mark (self, end_prefix, footnote_id);
  if (start_mark == NULL || end_mark == NULL)
    return FALSE;

  buffer = gtk_text_view_get_buffer (self->text_view);
  gtk_text_buffer_get_iter_at_mark (buffer, &start, start_mark);
  gtk_text_buffer_get_iter_at_mark (buffer, &end, end_mark);
  set_highlight (self, footnote_id, &start, &end);
  return TRUE;
}

/**
 * docket_document_view_show_footnote:
 * @footnote_id: the footnote's id
 *
 * Scrolls to the footnote, highlights and selects it.
 *
 * Returns: %FALSE if the record has no such footnote
 */
gboolean
docket_document_view_show_footnote (DocketDocumentView *self,
                                    const char         *footnote_id)
{
  g_return_val_if_fail (DOCKET_IS_DOCUMENT_VIEW (self), FALSE);
  g_return_val_if_fail (footnote_id != NULL, FALSE);

  return show_between_marks (self, "footnote:", "footnote-end:", footnote_id);
}

/**
 * docket_document_view_show_marker:
 * @footnote_id: the footnote's id
 *
 * Scrolls back to the footnote's marker in the text and highlights it.
 *
 * Returns: %FALSE if no marker refers to the footnote
 */
gboolean
docket_document_view_show_marker (DocketDocumentView *self,
                                  const char         *footnote_id)
{
  g_return_val_if_fail (DOCKET_IS_DOCUMENT_VIEW (self), FALSE);
  g_return_val_if_fail (footnote_id != NULL, FALSE);

  return show_between_marks (self, "marker:", "marker-end:", footnote_id);
}

static gboolean
follow_link_at (DocketDocumentView *self,
                GtkTextIter        *iter,
                gboolean            also_before)
{
  GtkTextTag *tag = link_tag_at (iter, also_before);
  const char *footnote_id;

  if (tag == NULL)
    return FALSE;

  footnote_id = g_object_get_data (G_OBJECT (tag), FOOTNOTE_ID_KEY);
  switch (GPOINTER_TO_INT (g_object_get_data (G_OBJECT (tag), LINK_KIND_KEY)))
    {
    case LINK_TO_FOOTNOTE:
      return docket_document_view_show_footnote (self, footnote_id);
    case LINK_TO_MARKER:
      return docket_document_view_show_marker (self, footnote_id);
    default:
      return FALSE;
    }
}

static gboolean
follow_link_at_cursor (DocketDocumentView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  return follow_link_at (self, &iter, TRUE);
}

static void
follow_link_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  follow_link_at_cursor (DOCKET_DOCUMENT_VIEW (widget));
}

static gboolean
key_pressed_cb (DocketDocumentView    *self,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtkEventControllerKey *controller)
{
  GdkModifierType modifiers = state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK);

  if (keyval != GDK_KEY_Return && keyval != GDK_KEY_KP_Enter && keyval != GDK_KEY_ISO_Enter)
    return GDK_EVENT_PROPAGATE;

  /* In edit mode Return cuts the paragraph at the cursor, as in any
   * editor, and Ctrl+Return follows the link the cursor is on. A line
   * break typed inside a block (Shift+Return) has no place in the body:
   * it would be read back as a space. */
  if (self->editing)
    {
      if (modifiers == GDK_CONTROL_MASK)
        follow_link_at_cursor (self);
      else if (modifiers == 0)
        _docket_document_view_split_at_cursor (self);
      return GDK_EVENT_STOP;
    }

  if (modifiers != 0)
    return GDK_EVENT_PROPAGATE;
  return follow_link_at_cursor (self) ? GDK_EVENT_STOP : GDK_EVENT_PROPAGATE;
}

static gboolean
iter_at_point (DocketDocumentView *self,
               double              x,
               double              y,
               GtkTextIter        *iter)
{
  int bx, by;

  gtk_text_view_window_to_buffer_coords (self->text_view, GTK_TEXT_WINDOW_WIDGET, x, y, &bx, &by);
  return gtk_text_view_get_iter_at_location (self->text_view, iter, bx, by);
}

static void
click_released_cb (DocketDocumentView *self,
                   int                 n_press,
                   double              x,
                   double              y,
                   GtkGestureClick    *gesture)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter iter;

  /* A drag that selected text is not a click on a link. */
  if (n_press != 1 || gtk_text_buffer_get_has_selection (buffer))
    return;

  if (iter_at_point (self, x, y, &iter))
    follow_link_at (self, &iter, FALSE);
}

static void
motion_cb (DocketDocumentView       *self,
           double                    x,
           double                    y,
           GtkEventControllerMotion *controller)
{
  GtkTextIter iter;
  gboolean on_link = iter_at_point (self, x, y, &iter) && link_tag_at (&iter, FALSE) != NULL;

  if (on_link != self->pointer_on_link)
    {
      self->pointer_on_link = on_link;
      gtk_widget_set_cursor_from_name (GTK_WIDGET (self->text_view), on_link ? "pointer" : "text");
    }
}

GtkTextTag *
_docket_document_view_tag_with_data (const GtkTextIter *iter,
                                     const char        *key)
{
  g_autoptr(GSList) tags = gtk_text_iter_get_tags (iter);

  for (GSList *l = tags; l != NULL; l = l->next)
    if (g_object_get_data (l->data, key) != NULL)
      return l->data;
  return NULL;
}

/**
 * docket_document_view_dup_mention_tooltip:
 * @iter: a place in the view's buffer
 *
 * What the view's tooltip says of the mention at @iter: "CIA: Central
 * Intelligence Agency", or "Rusk, Dean: Secretary of State".
 *
 * Returns: (transfer full) (nullable): the text, or %NULL when no mention
 *   is there or the volume's lists do not explain it
 */
char *
docket_document_view_dup_mention_tooltip (DocketDocumentView *self,
                                          const GtkTextIter  *iter)
{
  GtkTextTag *tag;
  const char *ref;

  g_return_val_if_fail (DOCKET_IS_DOCUMENT_VIEW (self), NULL);
  g_return_val_if_fail (iter != NULL, NULL);

  tag = _docket_document_view_tag_with_data (iter, MENTION_KEY);
  if (tag == NULL)
    return NULL;
  ref = g_object_get_data (G_OBJECT (tag), MENTION_KEY);
  switch (GPOINTER_TO_INT (g_object_get_data (G_OBJECT (tag), MENTION_KIND_KEY)))
    {
    case DOCKET_ANCHOR_TERM:
      {
        DocketAccessPoint *term = self->terms_by_ref != NULL ? g_hash_table_lookup (self->terms_by_ref, ref) : NULL;

        if (term == NULL || term->role == NULL)
          return NULL;
        /* Translators: a term of the glossary and what it stands for. */
        return g_strdup_printf (_("%s: %s"), term->term != NULL ? term->term : ref, term->role);
      }
    case DOCKET_ANCHOR_PERSON:
      {
        DocketAgent *person = self->persons_by_ref != NULL ? g_hash_table_lookup (self->persons_by_ref, ref) : NULL;

        if (person == NULL || person->name == NULL)
          return NULL;
        if (person->office == NULL)
          return g_strdup (person->name);
        /* Translators: a person and the offices the volume gives them. */
        return g_strdup_printf (_("%s: %s"), person->name, person->office);
      }
    default:
      return NULL;
    }
}

static gboolean
query_tooltip_cb (DocketDocumentView *self,
                  int                 x,
                  int                 y,
                  gboolean            keyboard_mode,
                  GtkTooltip         *tooltip,
                  GtkWidget          *widget)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  g_autofree char *text = NULL;
  GtkTextIter iter;

  if (keyboard_mode)
    gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  else if (!iter_at_point (self, x, y, &iter))
    return FALSE;

  text = docket_document_view_dup_mention_tooltip (self, &iter);
  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

void
_docket_document_view_class_init_links (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, click_released_cb);
  gtk_widget_class_bind_template_callback (widget_class, motion_cb);
  gtk_widget_class_bind_template_callback (widget_class, query_tooltip_cb);

  /* Return on a marker (see key_pressed_cb) and this action do the same. */
  gtk_widget_class_install_action (widget_class, "document.follow-link", NULL, follow_link_action);
}

void
_docket_document_view_init_links (DocketDocumentView *self)
{
  GtkEventController *keys;

  /* In the capture phase, so that Return on a link is ours before the text
   * view sees it. */
  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->text_view), keys);
}
