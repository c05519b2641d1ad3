// SPDX-License-Identifier: GPL-2.0-or-later
#ifndef LIMES_TRANSLATIONS_H
#define LIMES_TRANSLATIONS_H

namespace limes
{
  /**
   * Registers the compiled-in translations (:/limes/i18n/limes_LANG.qm, see i18n.cmake): a
   * static library's resources are registered by a call, not by linking. Once is enough.
   */
  void initTranslations();
}

#endif
