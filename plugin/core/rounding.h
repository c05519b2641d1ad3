// SPDX-License-Identifier: GPL-2.0-or-later
#ifndef LIMES_ROUNDING_H
#define LIMES_ROUNDING_H

#include <cmath>

namespace limes
{
  //! Metres (or m²) to the millimetre, as every output writes them: stable text, and no "-0".
  inline double toMillimetre( double v )
  {
    const double r = std::round( v * 1000.0 ) / 1000.0;
    return r == 0 ? 0.0 : r;
  }
}

#endif
