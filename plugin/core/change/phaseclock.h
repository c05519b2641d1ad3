// SPDX-License-Identifier: GPL-2.0-or-later
#ifndef LIMES_CHANGE_PHASECLOCK_H
#define LIMES_CHANGE_PHASECLOCK_H

#include <QElapsedTimer>
#include <QtGlobal>

#include <cstdio>

namespace limes::change
{
  /**
   * LIMES_TIMINGS=1 prints where the time goes, phase by phase, on stderr (for the
   * benchmark); otherwise it stays silent. Diagnostics only: no result depends on it.
   */
  class PhaseClock
  {
    public:
      //! Lines read "<prefix><name padded to width> <seconds> s".
      PhaseClock( const char *prefix, int width )
        : mPrefix( prefix )
        , mWidth( width )
      {
        mClock.start();
      }

      void phase( const char *name )
      {
        static const bool timings = !qEnvironmentVariableIsEmpty( "LIMES_TIMINGS" );
        if ( timings )
          fprintf( stderr, "%s%-*s %8.3f s\n", mPrefix, mWidth, name, mClock.restart() / 1000.0 );
      }

    private:
      const char *mPrefix;
      int mWidth;
      QElapsedTimer mClock;
  };
}

#endif
