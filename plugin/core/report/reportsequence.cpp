// SPDX-License-Identifier: GPL-2.0-or-later
#include "report/reportsequence.h"

#include <qgslayoutatlas.h>
#include <qgslayoutpagecollection.h>
#include <qgsprintlayout.h>

namespace limes::report
{
  ReportSequence::ReportSequence( const QList<QgsPrintLayout *> &layouts )
    : mLayouts( layouts )
  {
  }

  bool ReportSequence::isAtlas( int part ) const
  {
    return mLayouts.at( part )->atlas()->enabled();
  }

  QgsLayout *ReportSequence::layout()
  {
    return mPart >= 0 && mPart < mLayouts.size() ? mLayouts.at( mPart ) : nullptr;
  }

  bool ReportSequence::beginRender()
  {
    mPart = -1;
    mInAtlas = false;
    for ( int i = 0; i < mLayouts.size(); ++i )
      if ( isAtlas( i ) )
        mLayouts.at( i )->atlas()->updateFeatures();
    return !mLayouts.isEmpty();
  }

  bool ReportSequence::endRender()
  {
    if ( mInAtlas )
      mLayouts.at( mPart )->atlas()->endRender();
    mInAtlas = false;
    return true;
  }

  int ReportSequence::count() const
  {
    int steps = 0;
    for ( int i = 0; i < mLayouts.size(); ++i )
      steps += isAtlas( i ) ? mLayouts.at( i )->atlas()->count() : 1;
    return steps;
  }

  int ReportSequence::pageCount() const
  {
    int pages = 0;
    for ( int i = 0; i < mLayouts.size(); ++i )
      pages += mLayouts.at( i )->pageCollection()->pageCount() * ( isAtlas( i ) ? mLayouts.at( i )->atlas()->count() : 1 );
    return pages;
  }

  bool ReportSequence::next()
  {
    // the current atlas' next feature, if any
    if ( mInAtlas && mLayouts.at( mPart )->atlas()->next() )
      return true;
    if ( mInAtlas )
    {
      mLayouts.at( mPart )->atlas()->endRender();
      mInAtlas = false;
    }
    while ( ++mPart < mLayouts.size() )
    {
      if ( !isAtlas( mPart ) )
        return true;
      QgsLayoutAtlas *atlas = mLayouts.at( mPart )->atlas();
      if ( atlas->beginRender() && atlas->next() )
      {
        mInAtlas = true;
        return true;
      }
      atlas->endRender();
    }
    return false;
  }

  QString ReportSequence::filePath( const QString &baseFilePath, const QString &extension )
  {
    return QStringLiteral( "%1_%2.%3" ).arg( baseFilePath ).arg( mPart ).arg( extension );
  }
}
