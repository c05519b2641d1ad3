// SPDX-License-Identifier: GPL-2.0-or-later
#ifndef LIMES_GUIRESOURCES_H
#define LIMES_GUIRESOURCES_H

namespace limes
{
  //! Registers the compiled-in translations (:/limes/i18n/limes_LOCALE.qm) of the static library.
  void initGuiResources();
}

#endif
