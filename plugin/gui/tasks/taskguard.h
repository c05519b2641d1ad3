// SPDX-License-Identifier: GPL-2.0-or-later
#ifndef LIMES_GUI_TASKGUARD_H
#define LIMES_GUI_TASKGUARD_H

#include <QString>

#include <functional>

namespace limes
{
  /**
   * The one error boundary of a Limes task's run(): `body` in the worker thread, and whatever
   * it throws — limes::Error, a feature that cannot be transformed, QGIS's own exceptions, any
   * std::exception — becomes one line in `error` (the same boundary and words as the
   * Processing algorithms, processing::guarded). Nothing escapes QgsTask::run(): it would take
   * QGIS down. True when the body ran through and the task was not cancelled (`isCanceled`,
   * the task's own: protected in QgsTask); a cancelled task reports no error.
   */
  bool runGuarded( const std::function<bool()> &isCanceled, QString &error, const std::function<void()> &body );
}

#endif
