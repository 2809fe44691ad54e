/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#include "config.h"

#include <gio/gio.h>
#include <stdarg.h>
#include <string.h>

#include "docket-test-cli.h"

void
docket_test_cli_run_clear (DocketTestCliRun *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

void
docket_test_run_cli (DocketTestCliRun *run,
                     const char       *catalog,
                     ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  const char *cli = g_getenv ("DOCKET_CLI");
  va_list args;

  g_assert_nonnull (cli);
  g_ptr_array_add (argv, (gpointer) cli);
  if (catalog != NULL)
    {
      g_ptr_array_add (argv, (gpointer) "--catalog");
      g_ptr_array_add (argv, (gpointer) catalog);
    }
  va_start (args, catalog);
  for (const char *a = va_arg (args, const char *); a != NULL; a = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) a);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_newv ((const char * const *) argv->pdata,
                               G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                               &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &run->out, &run->err, &error);
  g_assert_no_error (error);
  run->status = g_subprocess_get_exit_status (process);
}

void
docket_test_assert_one_line_error (DocketTestCliRun *run,
                                   int               status,
                                   const char       *expected_words)
{
  g_assert_cmpint (run->status, ==, status);
  g_assert_cmpstr (run->out, ==, "");
  g_assert_nonnull (strstr (run->err, expected_words));
  g_assert_nonnull (strchr (run->err, '\n'));
  g_assert_cmpstr (strchr (run->err, '\n') + 1, ==, "");
}

JsonNode *
docket_test_parse_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

guint
docket_test_count_records (const char *catalog)
{
  g_auto(DocketTestCliRun) list = { 0 };
  g_autoptr(JsonNode) root = NULL;

  docket_test_run_cli (&list, catalog, "list", "--json", NULL);
  g_assert_cmpint (list.status, ==, 0);
  root = docket_test_parse_json (list.out);
  return json_array_get_length (json_node_get_array (root));
}
