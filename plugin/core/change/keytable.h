// SPDX-License-Identifier: GPL-2.0-or-later
#ifndef LIMES_CHANGE_KEYTABLE_H
#define LIMES_CHANGE_KEYTABLE_H

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

namespace limes::change
{
  //! A directed segment on the grid, in grid units: what cancels between two versions.
  struct GridKey
  {
    long long x0, y0, x1, y1;

    bool operator==( const GridKey &o ) const { return x0 == o.x0 && y0 == o.y0 && x1 == o.x1 && y1 == o.y1; }

    static GridKey of( double x0, double y0, double x1, double y1, double grid )
    {
      return { std::llround( x0 / grid ), std::llround( y0 / grid ), std::llround( x1 / grid ), std::llround( y1 / grid ) };
    }
  };

  /**
   * GridKey -> value in one flat open-addressing table (linear probing): an edit's tens of
   * thousands of look-ups cost no allocation each, as they did in a std::map, and clear()
   * keeps the memory for the next edit. Iteration order is the table's, so callers that emit
   * in an order keep it themselves.
   */
  template<typename Value> class GridKeyTable
  {
    public:
      struct Entry
      {
        GridKey key;
        Value value;
      };

      explicit GridKeyTable( size_t expected = 0 ) { reserve( expected ); }

      size_t size() const { return mUsed; }

      //! Empty, with room for `expected` entries: the memory is kept for the next use.
      void clear( size_t expected )
      {
        mUsed = 0;
        if ( mEntries.size() > 16 * std::max<size_t>( expected, 16 ) )
        {
          // after a far larger use: iterating would walk that many empty slots
          mEntries.clear();
          mFull.clear();
        }
        else
          std::fill( mFull.begin(), mFull.end(), 0 );
        reserve( expected );
      }

      //! The value of `k`, or nullptr.
      const Value *find( const GridKey &k ) const
      {
        if ( mUsed == 0 )
          return nullptr;
        for ( size_t i = slotOf( k );; i = ( i + 1 ) & mMask )
        {
          if ( !mFull[i] )
            return nullptr;
          if ( mEntries[i].key == k )
            return &mEntries[i].value;
        }
      }
      Value *find( const GridKey &k ) { return const_cast<Value *>( static_cast<const GridKeyTable *>( this )->find( k ) ); }

      //! The value of `k`, value-initialised if it was not there.
      Value &operator[]( const GridKey &k )
      {
        if ( 2 * ( mUsed + 1 ) > mEntries.size() )
          reserve( 2 * mUsed + 2 );
        size_t i = slotOf( k );
        for ( ; mFull[i]; i = ( i + 1 ) & mMask )
          if ( mEntries[i].key == k )
            return mEntries[i].value;
        mFull[i] = 1;
        mEntries[i] = Entry{ k, Value() };
        ++mUsed;
        return mEntries[i].value;
      }

      //! Calls f(key, value) for every entry, in the table's order.
      template<typename F> void forEach( F &&f ) const
      {
        for ( size_t i = 0; i < mEntries.size(); ++i )
          if ( mFull[i] )
            f( mEntries[i].key, mEntries[i].value );
      }
      template<typename F> void forEach( F &&f )
      {
        for ( size_t i = 0; i < mEntries.size(); ++i )
          if ( mFull[i] )
            f( mEntries[i].key, mEntries[i].value );
      }

    private:
      static std::uint64_t mix( std::uint64_t h )
      {
        // splitmix64's finaliser
        h ^= h >> 30;
        h *= 0xbf58476d1ce4e5b9ULL;
        h ^= h >> 27;
        h *= 0x94d049bb133111ebULL;
        return h ^ ( h >> 31 );
      }

      size_t slotOf( const GridKey &k ) const
      {
        std::uint64_t h = static_cast<std::uint64_t>( k.x0 );
        h = mix( h ^ static_cast<std::uint64_t>( k.y0 ) * 0x9e3779b97f4a7c15ULL );
        h = mix( h ^ static_cast<std::uint64_t>( k.x1 ) * 0xc2b2ae3d27d4eb4fULL );
        h = mix( h ^ static_cast<std::uint64_t>( k.y1 ) * 0x165667b19e3779f9ULL );
        return static_cast<size_t>( h ) & mMask;
      }

      //! Room for `count` entries at most half full.
      void reserve( size_t count )
      {
        size_t capacity = 16;
        while ( capacity < 2 * count )
          capacity *= 2;
        if ( capacity <= mEntries.size() )
          return;
        std::vector<Entry> entries( capacity );
        std::vector<char> full( capacity, 0 );
        std::swap( entries, mEntries );
        std::swap( full, mFull );
        mMask = capacity - 1;
        mUsed = 0;
        for ( size_t i = 0; i < entries.size(); ++i )
          if ( full[i] )
            ( *this )[entries[i].key] = entries[i].value;
      }

      std::vector<Entry> mEntries;
      std::vector<char> mFull;
      size_t mMask = 0;
      size_t mUsed = 0;
  };
}

#endif
