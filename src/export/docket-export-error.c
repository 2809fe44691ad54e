/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "docket-export"

#include "config.h"

#include "docket-export-error.h"

G_DEFINE_QUARK (docket-export-error-quark, docket_export_error)
