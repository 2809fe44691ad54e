/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "docket-review"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "docket-review-check.h"
#include "docket-review-value.h"
#include "docket-source-note.h"

typedef struct
{
  DocketRecord *record;
  GPtrArray    *problems;
} Checker;

static void
add (Checker          *checker,
     DocketReviewCode  code,
     const char       *field,
     const char       *format,
     ...) G_GNUC_PRINTF (4, 5);

static void
add (Checker          *checker,
     DocketReviewCode  code,
     const char       *field,
     const char       *format,
     ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (checker->problems,
                   docket_review_problem_new (code, docket_record_get_id (checker->record),
                                              field, message));
}

static const char *
get (Checker     *checker,
     DocketField  field)
{
  const char *value = docket_record_get (checker->record, field);

  return value != NULL && value[0] != '\0' ? value : NULL;
}

static const char *
key (DocketField field)
{
  return docket_field_get_key (field);
}

static const char *
footnote_name (const DocketFootnote *footnote)
{
  if (footnote->n != NULL && footnote->n[0] != '\0')
    return footnote->n;
  return footnote->id != NULL ? footnote->id : "?";
}

/* "No classification marking." or "No security classification." */
static gboolean
says_unmarked (const char *note_text)
{
  g_autofree char *folded = g_ascii_strdown (note_text, -1);

  return strstr (folded, "no classification marking") != NULL ||
         strstr (folded, "no security classification") != NULL;
}

static void
check_classification (Checker                *checker,
                      const DocketSourceNote *note)
{
  const char *level = get (checker, DOCKET_FIELD_CLASSIFICATION);
  g_auto(GStrv) caveats = docket_field_split_list (get (checker, DOCKET_FIELD_CAVEATS));
  /* An empty field is right for a document the note says is unmarked. */
  gboolean unmarked = note != NULL && note->classification == NULL && says_unmarked (note->text);

  if (level == NULL && !unmarked)
    {
      if (note != NULL && note->classification != NULL)
        add (checker, DOCKET_REVIEW_CLASSIFICATION_MISSING, key (DOCKET_FIELD_CLASSIFICATION),
             _("No classification, though the source note gives “%s”; enter the marking"),
             note->classification);
      else
        add (checker, DOCKET_REVIEW_CLASSIFICATION_MISSING, key (DOCKET_FIELD_CLASSIFICATION),
             _("No classification; enter the marking the document bears "
               "(Unclassified if it bears none)"));
    }
  else if (level != NULL && docket_review_value_match_classification (level) == NULL)
    add (checker, DOCKET_REVIEW_CLASSIFICATION_UNRECOGNIZED, key (DOCKET_FIELD_CLASSIFICATION),
         _("“%s” is not a recognized classification (Top Secret, Secret, Confidential, "
           "Limited Official Use, Official Use Only, Restricted or Unclassified)"), level);

  for (guint i = 0; caveats[i] != NULL; i++)
    if (!docket_review_value_is_recognized_caveat (caveats[i]))
      add (checker, DOCKET_REVIEW_CAVEAT_UNRECOGNIZED, key (DOCKET_FIELD_CAVEATS),
           _("“%s” is not a recognized caveat (such as Nodis, Exdis, Limdis, Eyes Only)"),
           caveats[i]);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* Caveats compared as sets, without regard to case or order. */
static char *
caveat_set_key (const char * const *caveats)
{
  g_autoptr(GPtrArray) folded = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; caveats != NULL && caveats[i] != NULL; i++)
    {
      g_autofree char *stripped = g_strstrip (g_strdup (caveats[i]));

      if (stripped[0] != '\0')
        g_ptr_array_add (folded, g_utf8_casefold (stripped, -1));
    }
  g_ptr_array_sort (folded, compare_strings);
  g_ptr_array_add (folded, NULL);
  return g_strjoinv ("; ", (char **) folded->pdata);
}

static void
check_against_source_note (Checker                *checker,
                           const DocketSourceNote *note)
{
  const char *level = get (checker, DOCKET_FIELD_CLASSIFICATION);
  const char *caveats = get (checker, DOCKET_FIELD_CAVEATS);
  g_auto(GStrv) record_caveats = docket_field_split_list (caveats);
  g_autofree char *record_key = NULL;
  g_autofree char *note_key = NULL;

  /* A note without a marking says nothing to disagree with. */
  if (note->classification == NULL && g_strv_length (note->caveats) == 0)
    return;

  if (level != NULL && note->classification != NULL &&
      g_ascii_strcasecmp (level, note->classification) != 0)
    add (checker, DOCKET_REVIEW_CLASSIFICATION_MISMATCH, key (DOCKET_FIELD_CLASSIFICATION),
         _("The classification “%s” differs from the marking “%s” in the source note"),
         level, note->classification);

  record_key = caveat_set_key ((const char * const *) record_caveats);
  note_key = caveat_set_key ((const char * const *) note->caveats);
  if (!g_str_equal (record_key, note_key))
    {
      g_autofree char *in_note = g_strjoinv ("; ", note->caveats);

      add (checker, DOCKET_REVIEW_CAVEATS_MISMATCH, key (DOCKET_FIELD_CAVEATS),
           _("The caveats “%s” differ from those in the source note (“%s”)"),
           caveats != NULL ? caveats : "", in_note);
    }
}

static void
check_provenance (Checker                *checker,
                  const DocketSourceNote *note)
{
  if (note == NULL)
    add (checker, DOCKET_REVIEW_SOURCE_MISSING, key (DOCKET_FIELD_SOURCE_TEXT),
         _("No source note; enter where the original is held (repository, collection, file)"));
  else if (note->repository == NULL || note->collection == NULL)
    add (checker, DOCKET_REVIEW_SOURCE_UNPARSED, key (DOCKET_FIELD_SOURCE_TEXT),
         _("The source note does not name both a repository and a collection that Docket "
           "can read; check its wording"));

  if (get (checker, DOCKET_FIELD_SOURCE_REPOSITORY) == NULL)
    add (checker, DOCKET_REVIEW_REPOSITORY_MISSING, key (DOCKET_FIELD_SOURCE_REPOSITORY),
         _("No repository; enter the repository that holds the original (DACS 2.2)"));
}

static void
check_date (Checker *checker)
{
  const char *text = get (checker, DOCKET_FIELD_DATE_TEXT);
  const char *from = get (checker, DOCKET_FIELD_DATE_FROM);
  const char *to = get (checker, DOCKET_FIELD_DATE_TO);
  gboolean undated = g_strcmp0 (get (checker, DOCKET_FIELD_DATE_CERTAINTY), "undated") == 0 ||
                     (text != NULL && g_ascii_strcasecmp (text, "undated") == 0);

  if (text == NULL && from == NULL && !undated)
    {
      add (checker, DOCKET_REVIEW_DATE_MISSING, key (DOCKET_FIELD_DATE_TEXT),
           _("No date; enter the date as written, or “undated” (DACS 2.4)"));
      return;
    }

  if (from == NULL && !undated)
    add (checker, DOCKET_REVIEW_DATE_NOT_NORMALIZED, key (DOCKET_FIELD_DATE_FROM),
         _("The date “%s” has no normalized form; enter it as ISO 8601 (1967-06-21)"), text);
  if (from != NULL && !docket_review_value_is_iso8601 (from))
    add (checker, DOCKET_REVIEW_DATE_NOT_NORMALIZED, key (DOCKET_FIELD_DATE_FROM),
         _("“%s” is not an ISO 8601 date (YYYY, YYYY-MM or YYYY-MM-DD)"), from);
  if (to != NULL && !docket_review_value_is_iso8601 (to))
    add (checker, DOCKET_REVIEW_DATE_NOT_NORMALIZED, key (DOCKET_FIELD_DATE_TO),
         _("“%s” is not an ISO 8601 date (YYYY, YYYY-MM or YYYY-MM-DD)"), to);
  if (docket_review_value_range_is_reversed (from, to))
    add (checker, DOCKET_REVIEW_DATE_RANGE_REVERSED, key (DOCKET_FIELD_DATE_TO),
         _("The date range ends (%s) before it starts (%s)"), to, from);
}

static void
check_footnote_markers (Checker *checker)
{
  GPtrArray *body = docket_record_get_body (checker->record);
  GPtrArray *footnotes = docket_record_get_footnotes (checker->record);
  g_autoptr(GHashTable) anchored = g_hash_table_new (g_str_hash, g_str_equal);

  /* A record kept as description only has no text to place markers in. */
  if (body->len == 0)
    return;

  for (guint i = 0; i < body->len; i++)
    {
      const DocketBlock *block = g_ptr_array_index (body, i);

      for (guint j = 0; block->anchors != NULL && j < block->anchors->len; j++)
        {
          const DocketAnchor *anchor = g_ptr_array_index (block->anchors, j);

          if (anchor->kind != DOCKET_ANCHOR_FOOTNOTE || anchor->ref == NULL)
            continue;
          if (!g_hash_table_add (anchored, anchor->ref))
            continue;
          if (docket_record_find_footnote (checker->record, anchor->ref) == NULL)
            add (checker, DOCKET_REVIEW_MARKER_WITHOUT_FOOTNOTE, "body",
                 _("A footnote marker in the text points to “%s”, which is not a footnote "
                   "of this record"), anchor->ref);
        }
    }

  for (guint i = 0; i < footnotes->len; i++)
    {
      const DocketFootnote *footnote = g_ptr_array_index (footnotes, i);

      if (footnote->id == NULL || !g_hash_table_contains (anchored, footnote->id))
        add (checker, DOCKET_REVIEW_FOOTNOTE_WITHOUT_MARKER, "footnotes",
             _("Footnote %s has no marker in the text"), footnote_name (footnote));
    }
}

static void
check_footnote_links (Checker                *checker,
                      DocketRecordExistsFunc  record_exists,
                      gpointer                user_data)
{
  GPtrArray *footnotes = docket_record_get_footnotes (checker->record);

  for (guint i = 0; i < footnotes->len; i++)
    {
      const DocketFootnote *footnote = g_ptr_array_index (footnotes, i);

      for (guint j = 0; footnote->links != NULL && j < footnote->links->len; j++)
        {
          const DocketFootnoteLink *link = g_ptr_array_index (footnote->links, j);

          if (link->kind != DOCKET_LINK_RECORD)
            continue;
          if (link->target == NULL || link->target[0] == '\0')
            add (checker, DOCKET_REVIEW_LINK_TARGET_MISSING, "footnotes",
                 _("Footnote %s links to a record but does not say which"),
                 footnote_name (footnote));
          else if (record_exists != NULL && !record_exists (link->target, user_data))
            add (checker, DOCKET_REVIEW_LINK_TARGET_MISSING, "footnotes",
                 _("Footnote %s links to record “%s”, which is not in the catalog"),
                 footnote_name (footnote), link->target);
        }
    }
}

static const char *
dacs_element (DocketField field)
{
  switch (field)
    {
    case DOCKET_FIELD_ID:                return "2.1";
    case DOCKET_FIELD_SOURCE_REPOSITORY: return "2.2";
    case DOCKET_FIELD_TITLE:             return "2.3";
    case DOCKET_FIELD_DATE_TEXT:         return "2.4";
    case DOCKET_FIELD_EXTENT:            return "2.5";
    case DOCKET_FIELD_SCOPE:             return "3.1";
    case DOCKET_FIELD_CLASSIFICATION:
    case DOCKET_FIELD_ACCESS_CONDITIONS: return "4.1";
    case DOCKET_FIELD_LANGUAGE:          return "4.5";
    default:                             return "1";
    }
}

static gboolean
is_item_level (Checker *checker)
{
  const char *level = get (checker, DOCKET_FIELD_LEVEL);

  return level == NULL || g_ascii_strcasecmp (level, "item") == 0;
}

static void
check_dacs_minimum (Checker *checker)
{
  const char *heading = get (checker, DOCKET_FIELD_HEADING);
  g_autoptr(GPtrArray) authors = NULL;

  for (guint i = 0; i < DOCKET_N_FIELDS; i++)
    {
      if (!(docket_field_get_flags (i) & DOCKET_FIELD_FLAG_DACS_REQ))
        continue;
      /* These have checks of their own, with better advice. */
      if (i == DOCKET_FIELD_CLASSIFICATION || i == DOCKET_FIELD_SOURCE_REPOSITORY ||
          i == DOCKET_FIELD_DATE_TEXT)
        continue;
      /* DACS makes scope and content optional at item level when the
       * title says enough. */
      if (i == DOCKET_FIELD_SCOPE && is_item_level (checker) &&
          get (checker, DOCKET_FIELD_TITLE) != NULL)
        continue;
      /* The export writes the classification and declassification status
       * as conditions governing access too. */
      if (i == DOCKET_FIELD_ACCESS_CONDITIONS &&
          (get (checker, DOCKET_FIELD_CLASSIFICATION) != NULL ||
           get (checker, DOCKET_FIELD_DECLASSIFICATION) != NULL))
        continue;
      if (get (checker, i) == NULL)
        /* TRANSLATORS: %s is a field label ("Extent"), then a DACS element number ("2.5"). */
        add (checker, DOCKET_REVIEW_DACS_MISSING, key (i),
             _("%s is missing; the DACS single-level minimum requires it (DACS %s)"),
             docket_field_get_label (i), dacs_element (i));
    }

  /* DACS 2.6: the creator, when known. A FRUS heading ("Memorandum From
   * the Ambassador at Large (Harriman) to …") says who wrote it. */
  authors = docket_record_dup_agents_with_role (checker->record, DOCKET_AGENT_AUTHOR);
  if (authors->len == 0 && heading != NULL && strstr (heading, " From ") != NULL)
    add (checker, DOCKET_REVIEW_DACS_MISSING, "authors",
         _("No author, though the heading names one; add the creator (DACS 2.6)"));
}

GPtrArray *
docket_review_check_record (DocketRecord           *record,
                            DocketRecordExistsFunc  record_exists,
                            gpointer                user_data)
{
  g_autoptr(DocketSourceNote) note = NULL;
  const char *source_text;
  Checker checker;

  g_return_val_if_fail (DOCKET_IS_RECORD (record), NULL);

  checker.record = record;
  checker.problems = g_ptr_array_new_with_free_func ((GDestroyNotify) docket_review_problem_free);

  source_text = get (&checker, DOCKET_FIELD_SOURCE_TEXT);
  if (source_text != NULL)
    note = docket_source_note_parse (source_text);

  check_classification (&checker, note);
  if (note != NULL)
    check_against_source_note (&checker, note);
  check_provenance (&checker, note);
  check_date (&checker);
  check_footnote_markers (&checker);
  check_footnote_links (&checker, record_exists, user_data);
  check_dacs_minimum (&checker);

  return checker.problems;
}

static gboolean
store_has_record (const char *id,
                  gpointer    user_data)
{
  return docket_store_has_record (DOCKET_STORE (user_data), id);
}

GPtrArray *
docket_review_check_record_in_store (DocketStore  *store,
                                     DocketRecord *record)
{
  g_return_val_if_fail (DOCKET_IS_STORE (store), NULL);
  g_return_val_if_fail (DOCKET_IS_RECORD (record), NULL);

  return docket_review_check_record (record, store_has_record, store);
}

GPtrArray *
docket_review_check_catalog (DocketStore         *store,
                             const char * const  *ids,
                             GError             **error)
{
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GPtrArray) problems = NULL;

  g_return_val_if_fail (DOCKET_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (ids == NULL)
    {
      records = docket_store_load_records (store, NULL, error);
      if (records == NULL)
        return NULL;
    }
  else
    {
      records = g_ptr_array_new_with_free_func (g_object_unref);
      for (guint i = 0; ids[i] != NULL; i++)
        {
          DocketRecord *record = docket_store_load_record (store, ids[i], error);

          if (record == NULL)
            return NULL;
          g_ptr_array_add (records, record);
        }
    }

  problems = g_ptr_array_new_with_free_func ((GDestroyNotify) docket_review_problem_free);
  for (guint i = 0; i < records->len; i++)
    g_ptr_array_extend_and_steal (problems,
                                  docket_review_check_record_in_store (store,
                                                                       g_ptr_array_index (records, i)));
  return g_steal_pointer (&problems);
}

static void
check_catalog_thread (GTask        *task,
                      gpointer      source_object,
                      gpointer      task_data,
                      GCancellable *cancellable)
{
  GError *error = NULL;
  GPtrArray *problems;

  if (g_task_return_error_if_cancelled (task))
    return;
  problems = docket_review_check_catalog (DOCKET_STORE (source_object),
                                          (const char * const *) task_data, &error);
  if (problems == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, problems, (GDestroyNotify) g_ptr_array_unref);
}

/**
 * docket_review_check_catalog_async:
 *
 * Runs docket_review_check_catalog() in a thread, for the window's
 * "has problems" filter.
 */
void
docket_review_check_catalog_async (DocketStore         *store,
                                   const char * const  *ids,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (DOCKET_IS_STORE (store));

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, docket_review_check_catalog_async);
  g_task_set_task_data (task, g_strdupv ((char **) ids), (GDestroyNotify) g_strfreev);
  g_task_run_in_thread (task, check_catalog_thread);
}

GPtrArray *
docket_review_check_catalog_finish (DocketStore   *store,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  g_return_val_if_fail (DOCKET_IS_STORE (store), NULL);
  g_return_val_if_fail (g_task_is_valid (result, store), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
