/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "docket-document-view"

#include "config.h"

#include <glib/gi18n.h>

#include "docket-document-view-private.h"

/* The memorandum as printed, read-only: the body's blocks in order with
 * their footnote markers as superscript links, page breaks as "[Page N]"
 * marks, and the numbered footnotes under the text. A marker leads to its
 * footnote and the footnote's number leads back, by mouse or by Return.
 * Terms of the volume's glossary are tinted where the text mentions
 * them and listed under the footnotes; they and the persons mentioned
 * explain themselves in a tooltip. */

G_DEFINE_FINAL_TYPE (DocketDocumentView, docket_document_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_RECORD,
  PROP_HIGHLIGHTED_FOOTNOTE,
  PROP_EDITING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The footnote shown highlighted, and the notification that it changed. */
void
_docket_document_view_set_highlighted (DocketDocumentView *self,
                                       const char         *footnote_id)
{
  if (g_strcmp0 (self->highlighted, footnote_id) == 0)
    return;
  g_free (self->highlighted);
  self->highlighted = g_strdup (footnote_id);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HIGHLIGHTED_FOOTNOTE]);
}

/* A record with no text at all (a finding aid's series or file, say)
 * shows its name and says so, rather than an empty page, and offers no
 * text to correct. */
static void
update_empty_state (DocketDocumentView *self)
{
  gboolean empty = self->record != NULL && !self->editing &&
                   docket_record_get_body (self->record)->len == 0 &&
                   docket_record_get_footnotes (self->record)->len == 0;
  const char *name = NULL;

  if (empty)
    {
      name = docket_record_get_heading (self->record);
      if (name == NULL)
        name = docket_record_get (self->record, DOCKET_FIELD_TITLE);
      if (name == NULL)
        name = docket_record_get_id (self->record);
    }
  gtk_label_set_label (self->empty_title, name != NULL ? name : "");
  gtk_widget_set_visible (self->empty_state, empty);
  gtk_widget_set_visible (self->edit_button, !empty);
}

static void
record_changed_cb (DocketDocumentView *self,
                   const char         *what,
                   DocketRecord       *record)
{
  if (self->syncing > 0)
    return;
  if (g_strcmp0 (what, "body") == 0 || g_strcmp0 (what, "footnotes") == 0)
    _docket_document_view_render (self);
  update_empty_state (self);
}

/**
 * docket_document_view_get_empty_text:
 *
 * Returns: (nullable): the name shown for a record without text, or %NULL
 *   when the record's text is shown
 */
const char *
docket_document_view_get_empty_text (DocketDocumentView *self)
{
  g_return_val_if_fail (DOCKET_IS_DOCUMENT_VIEW (self), NULL);
  if (!gtk_widget_get_visible (self->empty_state))
    return NULL;
  return gtk_label_get_label (self->empty_title);
}

gboolean
docket_document_view_get_editing (DocketDocumentView *self)
{
  g_return_val_if_fail (DOCKET_IS_DOCUMENT_VIEW (self), FALSE);
  return self->editing;
}

/**
 * docket_document_view_set_editing:
 * @editing: whether the body's text can be corrected
 *
 * In edit mode the text of the body can be typed over; markers, page
 * breaks, block boundaries and the footnotes cannot, and move with the text
 * around them. Each edit reaches the record at once (and so autosave and
 * undo).
 */
void
docket_document_view_set_editing (DocketDocumentView *self,
                                  gboolean            editing)
{
  g_return_if_fail (DOCKET_IS_DOCUMENT_VIEW (self));

  editing = !!editing;
  if (self->editing == editing)
    return;
  self->editing = editing;
  gtk_text_view_set_editable (self->text_view, editing);
  /* The button says how to leave edit mode, and the page is tinted, so
   * that nobody types into the transcription without knowing it. */
  if (editing)
    gtk_widget_add_css_class (GTK_WIDGET (self->text_view), "editing");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->text_view), "editing");
  gtk_label_set_label (self->edit_label, editing ? _("_Done") : _("_Edit Text"));
  update_empty_state (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EDITING]);
}

static void
docket_document_view_dispose (GObject *object)
{
  DocketDocumentView *self = DOCKET_DOCUMENT_VIEW (object);
  GtkWidget *child;

  docket_document_view_set_record (self, NULL);
  _docket_document_view_clear_edit (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), DOCKET_TYPE_DOCUMENT_VIEW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (docket_document_view_parent_class)->dispose (object);
}

static void
docket_document_view_finalize (GObject *object)
{
  DocketDocumentView *self = DOCKET_DOCUMENT_VIEW (object);

  g_clear_pointer (&self->link_tags, g_ptr_array_unref);
  g_clear_pointer (&self->marks, g_hash_table_unref);
  g_clear_pointer (&self->highlighted, g_free);
  g_clear_pointer (&self->terms_by_ref, g_hash_table_unref);
  g_clear_pointer (&self->persons_by_ref, g_hash_table_unref);
  g_clear_pointer (&self->glossary, g_ptr_array_unref);
  g_clear_pointer (&self->persons, g_ptr_array_unref);

  G_OBJECT_CLASS (docket_document_view_parent_class)->finalize (object);
}

static void
docket_document_view_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  DocketDocumentView *self = DOCKET_DOCUMENT_VIEW (object);

  switch (prop_id)
    {
    case PROP_RECORD:
      g_value_set_object (value, self->record);
      break;
    case PROP_HIGHLIGHTED_FOOTNOTE:
      g_value_set_string (value, self->highlighted);
      break;
    case PROP_EDITING:
      g_value_set_boolean (value, self->editing);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
docket_document_view_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  DocketDocumentView *self = DOCKET_DOCUMENT_VIEW (object);

  switch (prop_id)
    {
    case PROP_RECORD:
      docket_document_view_set_record (self, g_value_get_object (value));
      break;
    case PROP_EDITING:
      docket_document_view_set_editing (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
docket_document_view_class_init (DocketDocumentViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = docket_document_view_dispose;
  object_class->finalize = docket_document_view_finalize;
  object_class->get_property = docket_document_view_get_property;
  object_class->set_property = docket_document_view_set_property;

  properties[PROP_RECORD] =
    g_param_spec_object ("record", NULL, NULL, DOCKET_TYPE_RECORD,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HIGHLIGHTED_FOOTNOTE] =
    g_param_spec_string ("highlighted-footnote", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EDITING] =
    g_param_spec_boolean ("editing", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/docket/Docket/docket-document-view.ui");
  gtk_widget_class_bind_template_child (widget_class, DocketDocumentView, edit_label);
  gtk_widget_class_bind_template_child (widget_class, DocketDocumentView, edit_button);
  gtk_widget_class_bind_template_child (widget_class, DocketDocumentView, empty_state);
  gtk_widget_class_bind_template_child (widget_class, DocketDocumentView, empty_title);
  gtk_widget_class_bind_template_child (widget_class, DocketDocumentView, text_view);
  _docket_document_view_class_init_links (widget_class);
  gtk_widget_class_install_property_action (widget_class, "document.editing", "editing");

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
docket_document_view_init (DocketDocumentView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  _docket_document_view_init_render (self);
  _docket_document_view_init_edit (self);
  _docket_document_view_init_links (self);
}

GtkWidget *
docket_document_view_new (void)
{
  return g_object_new (DOCKET_TYPE_DOCUMENT_VIEW, NULL);
}

DocketRecord *
docket_document_view_get_record (DocketDocumentView *self)
{
  g_return_val_if_fail (DOCKET_IS_DOCUMENT_VIEW (self), NULL);
  return self->record;
}

/**
 * docket_document_view_set_record:
 * @record: (nullable): the record to show
 */
void
docket_document_view_set_record (DocketDocumentView *self,
                                 DocketRecord       *record)
{
  g_return_if_fail (DOCKET_IS_DOCUMENT_VIEW (self));
  g_return_if_fail (record == NULL || DOCKET_IS_RECORD (record));

  if (self->record == record)
    return;

  if (self->record != NULL)
    g_clear_signal_handler (&self->changed_id, self->record);
  g_set_object (&self->record, record);
  if (record != NULL)
    self->changed_id = g_signal_connect_object (record, "changed", G_CALLBACK (record_changed_cb),
                                                self, G_CONNECT_SWAPPED);

  _docket_document_view_render (self);
  update_empty_state (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECORD]);
}

GtkTextView *
docket_document_view_get_text_view (DocketDocumentView *self)
{
  g_return_val_if_fail (DOCKET_IS_DOCUMENT_VIEW (self), NULL);
  return self->text_view;
}

/* The number of footnote markers in the text as shown. */
guint
docket_document_view_get_n_markers (DocketDocumentView *self)
{
  g_return_val_if_fail (DOCKET_IS_DOCUMENT_VIEW (self), 0);
  return self->n_markers;
}

/**
 * docket_document_view_get_marker_iter:
 * @iter: (out): set to the start of the marker
 *
 * Returns: %FALSE if no marker refers to @footnote_id
 */
gboolean
docket_document_view_get_marker_iter (DocketDocumentView *self,
                                      const char         *footnote_id,
                                      GtkTextIter        *iter)
{
  GtkTextMark *mark;

  g_return_val_if_fail (DOCKET_IS_DOCUMENT_VIEW (self), FALSE);

  mark = _docket_document_view_get_mark (self, "marker:", footnote_id);
  if (mark == NULL)
    return FALSE;
  gtk_text_buffer_get_iter_at_mark (gtk_text_view_get_buffer (self->text_view), iter, mark);
  return TRUE;
}

const char *
docket_document_view_get_highlighted_footnote (DocketDocumentView *self)
{
  g_return_val_if_fail (DOCKET_IS_DOCUMENT_VIEW (self), NULL);
  return self->highlighted;
}

/**
 * docket_document_view_set_volume_lists:
 * @glossary: (nullable) (element-type DocketAccessPoint): the volume's
 *   terms (@authority_id the id, @term, @role the expansion)
 * @persons: (nullable) (element-type DocketAgent): the volume's persons
 *   (@ref the id, @name, @office the description)
 *
 * Gives the view the lists that explain the terms and persons the record
 * mentions, as docket_store_load_volume_lists_finish() returns them. The
 * view keeps a reference to both arrays and shows them again.
 */
void
docket_document_view_set_volume_lists (DocketDocumentView *self,
                                       GPtrArray          *glossary,
                                       GPtrArray          *persons)
{
  g_return_if_fail (DOCKET_IS_DOCUMENT_VIEW (self));

  if (self->glossary == glossary && self->persons == persons)
    return;

  g_clear_pointer (&self->terms_by_ref, g_hash_table_unref);
  g_clear_pointer (&self->persons_by_ref, g_hash_table_unref);
  g_clear_pointer (&self->glossary, g_ptr_array_unref);
  g_clear_pointer (&self->persons, g_ptr_array_unref);

  if (glossary != NULL)
    {
      self->glossary = g_ptr_array_ref (glossary);
      self->terms_by_ref = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint i = 0; i < glossary->len; i++)
        {
          DocketAccessPoint *term = g_ptr_array_index (glossary, i);

          if (term->authority_id != NULL)
            g_hash_table_insert (self->terms_by_ref, term->authority_id, term);
        }
    }
  if (persons != NULL)
    {
      self->persons = g_ptr_array_ref (persons);
      self->persons_by_ref = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint i = 0; i < persons->len; i++)
        {
          DocketAgent *person = g_ptr_array_index (persons, i);

          if (person->ref != NULL)
            g_hash_table_insert (self->persons_by_ref, person->ref, person);
        }
    }

  _docket_document_view_render (self);
}
