/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* What one run of docket-cli left: its exit status and what it printed. */
typedef struct
{
  int   status;
  char *out;
  char *err;
} DocketTestCliRun;

void      docket_test_cli_run_clear         (DocketTestCliRun *run);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (DocketTestCliRun, docket_test_cli_run_clear)

/* Runs $DOCKET_CLI --catalog CATALOG ARGS… (no --catalog when @catalog is
 * %NULL) and collects what it printed into @run, or aborts the test. */
void      docket_test_run_cli               (DocketTestCliRun *run,
                                             const char       *catalog,
                                             ...) G_GNUC_NULL_TERMINATED;
/* Asserts a one-line error: @status, nothing on stdout, and one line on
 * stderr holding @expected_words. */
void      docket_test_assert_one_line_error (DocketTestCliRun *run,
                                             int               status,
                                             const char       *expected_words);
/* Parses @text as JSON, or aborts the test; free with json_node_unref(). */
JsonNode *docket_test_parse_json            (const char       *text);
/* The number of records `list --json` prints for @catalog (asserts exit 0). */
guint     docket_test_count_records         (const char       *catalog);

G_END_DECLS
