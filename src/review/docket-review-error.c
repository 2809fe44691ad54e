/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "docket-review"

#include "config.h"

#include "docket-review-error.h"

G_DEFINE_QUARK (docket-review-error-quark, docket_review_error)
