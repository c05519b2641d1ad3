// SPDX-License-Identifier: GPL-2.0-or-later
#ifndef LIMES_CHANGE_PARALLEL_H
#define LIMES_CHANGE_PARALLEL_H

#include <algorithm>
#include <cstddef>
#include <future>
#include <thread>
#include <vector>

namespace limes::change
{
  /**
   * Runs work( first, step ) on every core for `items` independent items: a call handles
   * items first, first + step, ... and sets up its own per-thread state (GEOS, PROJ).
   * At least 8 items per worker, or starting threads costs more than it saves. A worker's
   * exception (limes::Error) is rethrown here, in the calling thread.
   */
  template<typename Work> void inParallel( size_t items, const Work &work )
  {
    const size_t workers = std::clamp<size_t>( std::thread::hardware_concurrency(), 1, std::max<size_t>( 1, items / 8 ) );
    std::vector<std::future<void>> running;
    for ( size_t w = 1; w < workers; ++w )
      running.push_back( std::async( std::launch::async, work, w, workers ) );
    work( 0, workers );
    for ( auto &r : running )
      r.get();
  }
}

#endif
