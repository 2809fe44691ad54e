/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#pragma once

#include "docket-access-point.h"
#include "docket-agent.h"
#include "docket-block.h"
#include "docket-collection.h"
#include "docket-field.h"
#include "docket-footnote.h"
#include "docket-footnote-link.h"
#include "docket-record.h"
