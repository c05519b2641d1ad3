// SPDX-License-Identifier: GPL-2.0-or-later
#ifndef LIMES_RESOURCES_H
#define LIMES_RESOURCES_H

namespace limes
{
  /**
   * Registers the compiled-in icons (:/limes/icons/...). Needed because a static library's
   * resource initializer is dropped by the linker unless something references it.
   */
  void initResources();
}

#endif
