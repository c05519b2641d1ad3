// SPDX-License-Identifier: GPL-2.0-or-later
#ifndef LIMES_REPORTRUNNER_H
#define LIMES_REPORTRUNNER_H

#include "report/changereport.h"
#include "tasks/changetask.h"

class QWidget;

namespace limes
{
  class WorkspaceSession;

  /**
   * The desktop's change report: the comparison in QGIS's task manager, then the report's
   * layouts exported on the main thread (layouts are not thread-safe, as QGIS's own atlas
   * export knows), both under a modal progress dialog whose Cancel stops them. Workspace
   * versions are read through `session` (may be null for loaded layers only).
   * limes::Error on failure or cancel: nothing is written then.
   */
  report::ReportFiles writeReport( const ChangeTaskInputs &inputs, WorkspaceSession *session, const report::ReportOptions &options,
                                   const QString &pdf, QWidget *parent );
}

#endif
