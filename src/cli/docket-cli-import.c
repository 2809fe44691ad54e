/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "docket-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <unistd.h>

#include "docket-catalog-import.h"
#include "docket-cli-commands.h"
#include "docket-import-queue.h"

/* What the terminal shows: the files are read in a thread, a file or two
 * ahead of the one being stored, so the reading thread's progress line and
 * the reports share the terminal. */
static GMutex terminal_lock;

typedef struct
{
  gboolean on_terminal;
  gboolean line_shown;
  gint64   last_print;
} Terminal;

/* A progress line that rewrites itself on a terminal. Scripts get none
 * (only the result matters), and the readers then need not count ahead. */
static void
print_progress (const char *path,
                guint       done,
                guint       total,
                gpointer    user_data)
{
  Terminal *terminal = user_data;
  gint64 now = g_get_monotonic_time ();

  g_mutex_lock (&terminal_lock);
  if (now - terminal->last_print >= 100000 || done == total)
    {
      terminal->last_print = now;
      if (total > 0)
        fprintf (stderr, _("\r%s: %u of %u documents read"), path, done, total);
      else
        fprintf (stderr, _("\r%s: %u documents read"), path, done);
      fprintf (stderr, "\033[K");
      fflush (stderr);
      terminal->line_shown = TRUE;
    }
  g_mutex_unlock (&terminal_lock);
}

/* Takes the terminal from the progress line (which the next progress
 * redraws) to print a file's result. */
static void
terminal_take (Terminal *terminal)
{
  g_mutex_lock (&terminal_lock);
  if (terminal->line_shown)
    {
      fprintf (stderr, "\r\033[K");
      fflush (stderr);
      terminal->line_shown = FALSE;
    }
}

static void
terminal_give_back (Terminal *terminal)
{
  fflush (stdout);
  fflush (stderr);
  g_mutex_unlock (&terminal_lock);
}

static void
print_report (const DocketCatalogImportReport *report)
{
  if (report->collection_id != NULL)
    printf (g_dngettext (GETTEXT_PACKAGE, "%s: imported %u record into %s",
                         "%s: imported %u records into %s", report->imported->len),
            report->path, report->imported->len, report->collection_id);
  else
    printf (g_dngettext (GETTEXT_PACKAGE, "%s: imported %u record",
                         "%s: imported %u records", report->imported->len),
            report->path, report->imported->len);
  if (report->imported->len == 1)
    printf (" (%s)", (const char *) g_ptr_array_index (report->imported, 0));
  printf ("\n");

  if (report->skipped->len > 0)
    {
      g_autoptr(GString) ids = g_string_new (NULL);

      for (guint i = 0; i < report->skipped->len && i < 10; i++)
        g_string_append_printf (ids, "%s%s", i > 0 ? ", " : "",
                                (const char *) g_ptr_array_index (report->skipped, i));
      if (report->skipped->len > 10)
        g_string_append (ids, ", …");
      printf (g_dngettext (GETTEXT_PACKAGE,
                           "%s: skipped %u record that is already in the catalog (%s); use --replace to refresh it\n",
                           "%s: skipped %u records that are already in the catalog (%s); use --replace to refresh them\n",
                           report->skipped->len),
              report->path, report->skipped->len, ids->str);
    }
  if (report->n_unmapped > 0)
    printf (g_dngettext (GETTEXT_PACKAGE,
                         "%s: kept %u element that Docket does not map; it is written back on export\n",
                         "%s: kept %u elements that Docket does not map; they are written back on export\n",
                         report->n_unmapped),
            report->path, report->n_unmapped);
  for (guint i = 0; i < report->warnings->len; i++)
    fprintf (stderr, "docket-cli: %s\n", (const char *) g_ptr_array_index (report->warnings, i));
}

/* Stops reading and says why on a line of its own, not after the progress
 * line the reading thread may be drawing. */
static int
fail_on_own_line (DocketImportQueue **queue,
                     Terminal           *terminal,
                     const GError       *error)
{
  int status;

  g_clear_pointer (queue, docket_import_queue_free);
  terminal_take (terminal);
  status = docket_cli_fail (error);
  terminal_give_back (terminal);
  return status;
}

/* Stores the next file of @queue: its records as the reading thread
 * completes them, then the rest of it. */
static DocketCatalogImportReport *
import_next_file (DocketImportQueue                 *queue,
                  DocketStore                       *store,
                  const char                        *path,
                  const DocketCatalogImportOptions  *options,
                  GError                           **error)
{
  DocketCatalogImport *import = NULL;
  DocketCatalogImportReport *report = NULL;
  g_autoptr(GError) store_error = NULL;
  DocketImportResult *result;
  const DocketCollection *collection;
  GPtrArray *records;

  while ((records = docket_import_queue_next_records (queue, &collection)) != NULL)
    {
      if (store_error == NULL && import == NULL)
        import = docket_catalog_import_begin (store, path, collection, options, NULL, &store_error);
      if (import != NULL && !docket_catalog_import_add (import, records, &store_error))
        g_clear_pointer (&import, docket_catalog_import_abort);
      g_ptr_array_unref (records);
    }

  /* The whole file is read now, whether or not it could be stored. If the
   * records handed over turned out void (the reader read the file again),
   * so is what storing them did, failure included: the result's records
   * replace them. */
  result = docket_import_queue_next (queue, NULL, error);
  if (result != NULL && result->ready_withdrawn)
    {
      g_clear_pointer (&import, docket_catalog_import_abort);
      g_clear_error (&store_error);
    }
  if (store_error != NULL || result == NULL)
    {
      g_clear_pointer (&import, docket_catalog_import_abort);
      g_clear_pointer (&result, docket_import_result_free);
      if (store_error != NULL)
        {
          g_clear_error (error);
          g_propagate_error (error, g_steal_pointer (&store_error));
        }
      return NULL;
    }

  if (import == NULL)
    import = docket_catalog_import_begin (store, path, result->collection, options, NULL, error);
  if (import != NULL)
    report = docket_catalog_import_finish (import, result, error);
  docket_import_queue_release (queue, result);
  return report;
}

/* What came of one file: its report, or why it failed. */
typedef struct
{
  DocketCatalogImportReport *report;
  GError                    *error;
} Outcome;

static void
outcome_free (gpointer data)
{
  Outcome *outcome = data;

  g_clear_pointer (&outcome->report, docket_catalog_import_report_free);
  g_clear_error (&outcome->error);
  g_free (outcome);
}

static void
print_outcome (Terminal      *terminal,
               const Outcome *outcome)
{
  terminal_take (terminal);
  if (outcome->report == NULL)
    docket_cli_fail (outcome->error);
  else
    print_report (outcome->report);
  terminal_give_back (terminal);
}

/* Stores the files of @queue in @store, all in one transaction, each
 * still stored whole or not at all on its own: one commit instead of one
 * per file, and an interrupted run leaves the catalog as it was. What
 * came of each file is told at once, or kept in @held. Without --replace
 * the import only adds records (those it finds are skipped), which leaves
 * the foreign keys unchecked. Returns the exit status, or -1 with @error
 * set when nothing could be stored. */
static int
store_files (DocketImportQueue                *queue,
             DocketStore                      *store,
             char                            **paths,
             int                               n_paths,
             const DocketCatalogImportOptions *options,
             Terminal                         *terminal,
             GPtrArray                        *held,
             GError                          **error)
{
  int status = DOCKET_CLI_EXIT_OK;

  if (!docket_store_begin_batch_full (store, options->replace ? DOCKET_STORE_BATCH_DEFAULT
                                                              : DOCKET_STORE_BATCH_ADDS_ONLY,
                                      error))
    return -1;

  for (int i = 0; i < n_paths; i++)
    {
      Outcome *outcome = g_new0 (Outcome, 1);

      outcome->report = import_next_file (queue, store, paths[i], options, &outcome->error);
      if (outcome->report == NULL)
        status = DOCKET_CLI_EXIT_FAILURE;
      if (held != NULL)
        g_ptr_array_add (held, outcome);
      else
        {
          print_outcome (terminal, outcome);
          outcome_free (outcome);
        }
    }

  if (!docket_store_commit_batch (store, error))
    return -1;
  return status;
}

static int
nothing_imported (DocketImportQueue **queue,
                  Terminal           *terminal,
                  const GError       *error)
{
  fail_on_own_line (queue, terminal, error);
  fprintf (stderr, _("docket-cli: nothing was imported\n"));
  return DOCKET_CLI_EXIT_FAILURE;
}

/* Reads @paths in a thread; progress shows on a terminal only. */
static DocketImportQueue *
start_reading (char     **paths,
               int        n_paths,
               Terminal  *terminal)
{
  return docket_import_queue_new ((const char * const *) paths, n_paths,
                                  terminal->on_terminal ? print_progress : NULL, terminal);
}

/* The most a new catalog filled in memory may be made from: the catalog
 * is about the size of the files it is read from. */
#define UNNAMED_MAX_INPUT (256 * 1024 * 1024)

static goffset
total_size (char **paths,
            int    n_paths)
{
  goffset total = 0;

  for (int i = 0; i < n_paths; i++)
    {
      GStatBuf st;

      if (g_stat (paths[i], &st) == 0)
        total += st.st_size;
    }
  return total;
}

int
docket_cli_import (DocketCliContext  *ctx,
                   int                argc,
                   char             **argv)
{
  g_autofree char *collection = NULL;
  gboolean replace = FALSE;
  const GOptionEntry entries[] = {
    { "collection", 'c', 0, G_OPTION_ARG_STRING, &collection,
      N_("Put the records in collection ID (created if missing) and build their identifiers from it"), N_("ID") },
    { "replace", 0, 0, G_OPTION_ARG_NONE, &replace,
      N_("Refresh records that are already in the catalog, keeping their review status"), NULL },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(DocketImportQueue) queue = NULL;
  g_autoptr(DocketStore) unnamed = NULL;
  Terminal terminal = { .on_terminal = isatty (STDERR_FILENO) };
  DocketCatalogImportOptions options;
  DocketStore *store;
  int status;

  if (!docket_cli_parse_options ("import", _("FILE…"),
                                 _("Imports FRUS plain text, FRUS TEI volumes and EAD finding aids.\n"
                                   "Each file is stored whole or not at all."),
                                 entries, &argc, &argv))
    return DOCKET_CLI_EXIT_USAGE;

  if (argc < 2)
    return docket_cli_usage_error ("import", _("name at least one file to import"));
  options = (DocketCatalogImportOptions) { collection, replace };

  /* Reading needs no catalog: start on the files while the catalog opens. */
  queue = start_reading (argv + 1, argc - 1, &terminal);

  /* A catalog that does not exist yet is filled in memory and then
   * written whole: its pages are written once, and nobody sees it half
   * made. What came of each file is told once it is written. Files of
   * more than a few hundred megabytes go to a catalog on disk at once. */
  if (total_size (argv + 1, argc - 1) <= UNNAMED_MAX_INPUT)
    unnamed = docket_store_create_unnamed (docket_cli_context_get_catalog_path (ctx), NULL);
  if (unnamed != NULL)
    {
      g_autoptr(GPtrArray) held = g_ptr_array_new_with_free_func (outcome_free);

      status = store_files (queue, unnamed, argv + 1, argc - 1, &options, &terminal, held, &error);
      if (status < 0)
        return nothing_imported (&queue, &terminal, error);
      if (docket_store_publish (unnamed, &error))
        {
          for (guint i = 0; i < held->len; i++)
            print_outcome (&terminal, g_ptr_array_index (held, i));
          return status;
        }
      /* Another program made the catalog meanwhile, or this folder takes
       * no catalog written whole (no hard links): the files go to the
       * catalog made the usual way, which tells what is wrong if anything
       * is. */
      g_debug ("%s; storing the files in the catalog as it is opened", error->message);
      g_clear_error (&error);
      g_clear_object (&unnamed);
      g_clear_pointer (&queue, docket_import_queue_free);
      queue = start_reading (argv + 1, argc - 1, &terminal);
    }

  store = docket_cli_context_get_store (ctx, &error);
  if (store == NULL)
    return fail_on_own_line (&queue, &terminal, error);
  status = store_files (queue, store, argv + 1, argc - 1, &options, &terminal, NULL, &error);
  if (status < 0)
    return nothing_imported (&queue, &terminal, error);
  return status;
}
