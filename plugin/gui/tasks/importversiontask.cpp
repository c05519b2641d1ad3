// SPDX-License-Identifier: GPL-2.0-or-later
#include "importversiontask.h"
#include "error.h"
#include "taskguard.h"
#include "workspace/workspacestore.h"

#include <qgsfeatureiterator.h>

namespace limes
{
  namespace
  {
    /**
     * Passes on the features of the source's iterator (request, order and CRS as asked)
     * that are in `ids`, or all of them, counting them for the task's progress. The request
     * itself is left alone: its filter types moved between QGIS releases.
     */
    class CountingIterator : public QgsAbstractFeatureIterator
    {
      public:
        CountingIterator( QgsFeatureIterator inner, const QgsFeatureIds *ids, std::function<void()> counted )
          : QgsAbstractFeatureIterator( QgsFeatureRequest() )
          , mInner( std::move( inner ) )
          , mIds( ids )
          , mCounted( std::move( counted ) )
        {}

        bool rewind() override { return mInner.rewind(); }
        bool close() override { return mInner.close(); }

      protected:
        bool fetchFeature( QgsFeature &f ) override
        {
          while ( mInner.nextFeature( f ) )
          {
            if ( mIds && !mIds->contains( f.id() ) )
              continue;
            mCounted();
            return true;
          }
          return false;
        }

      private:
        QgsFeatureIterator mInner;
        const QgsFeatureIds *mIds;
        std::function<void()> mCounted;
    };

    //! The layer's copy as the import reads it: the selected features only, when asked.
    class ImportSource : public QgsFeatureSource
    {
      public:
        ImportSource( const ImportVersionInputs &in, std::function<void()> counted )
          : mIn( in )
          , mCounted( std::move( counted ) )
        {}

        QgsFeatureIterator getFeatures( const QgsFeatureRequest &request = QgsFeatureRequest() ) const override
        {
          return QgsFeatureIterator( new CountingIterator( mIn.layer->getFeatures( request ), mIn.selectedOnly ? &mIn.selected : nullptr, mCounted ) );
        }
        QString sourceName() const override { return mIn.layer->sourceName(); }
        QgsCoordinateReferenceSystem sourceCrs() const override { return mIn.layer->sourceCrs(); }
        QgsFields fields() const override { return mIn.layer->fields(); }
        limes::WkbType wkbType() const override { return mIn.layer->wkbType(); }
        long long featureCount() const override { return mIn.featureCount(); }
        QgsRectangle sourceExtent() const override { return mIn.selectedOnly ? mIn.selectedExtent : mIn.layer->sourceExtent(); }

      private:
        const ImportVersionInputs &mIn;
        std::function<void()> mCounted;
    };
  }

  ImportVersionTask::ImportVersionTask( ImportVersionInputs inputs, const crypto::SigningKey &key, Callback onFinished )
  // half an import is never written: there is nothing to cancel
    : QgsTask( tr( "Limes: import version %1" ).arg( inputs.version.name ), QgsTask::Flags() )
    , mInputs( std::move( inputs ) )
    , mKey( key )
    , mOnFinished( std::move( onFinished ) )
  {}

  ImportVersionTask::~ImportVersionTask() = default;

  bool ImportVersionTask::run()
  {
    return runGuarded( [this] { return isCanceled(); }, mError, [&] {
      // this thread's own connection, never the desktop's
      const std::unique_ptr<WorkspaceStore> workspace = openWorkspace( mInputs.workspaceTarget, mInputs.transformContext );
      const double total = std::max( 1.0, static_cast<double>( mInputs.featureCount() ) );
      long long read = 0;
      // the checks read the features too: progress counts both passes, and the write ends it
      ImportSource source( mInputs, [&] { setProgress( std::min( 99.0, 50.0 * static_cast<double>( ++read ) / total ) ); } );
      mStored = workspace->importVersion( mInputs.version, &source, mInputs.version.source, mKey );
    } );
  }

  void ImportVersionTask::finished( bool result )
  {
    if ( mOnFinished )
      mOnFinished( *this, result );
  }
}
