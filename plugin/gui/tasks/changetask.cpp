// SPDX-License-Identifier: GPL-2.0-or-later
#include "changetask.h"
#include "change/changeengine.h"
#include "change/summary.h"
#include "error.h"
#include "taskguard.h"
#include "workspace/workspacestore.h"

#include <qgsvectorlayer.h>

#include <QFileInfo>
#include <QThread>

namespace limes
{
  QString ChangeVersionInput::label() const
  {
    return layer ? layer->sourceName() : workspaceVersion;
  }

  ChangeTask::ChangeTask( ChangeTaskInputs inputs, Callback onFinished )
    : QgsTask( tr( "Limes: compare %1 → %2" ).arg( inputs.oldVersion.label(), inputs.newVersion.label() ), QgsTask::CanCancel )
    , mInputs( std::move( inputs ) )
    , mOnFinished( std::move( onFinished ) )
    , mFeedback( std::make_unique<QgsFeedback>() )
  {
    // the engine reports progress through its feedback, from the worker thread
    connect( mFeedback.get(), &QgsFeedback::progressChanged, this, [this]( double progress ) { setProgress( progress ); }, Qt::DirectConnection );
  }

  ChangeTask::~ChangeTask() = default;

  void ChangeTask::cancel()
  {
    mFeedback->cancel();
    QgsTask::cancel();
  }

  void ChangeTask::holdForTest() const
  {
    // Test hook: while the file LIMES_TEST_HOLD_COMPARE names exists, the task waits here until
    // it is cancelled, so that an end-to-end test can cancel a comparison that has not finished
    // however fast the machine is (two minutes at most).
    const QString hold = qEnvironmentVariable( "LIMES_TEST_HOLD_COMPARE" );
    if ( hold.isEmpty() )
      return;
    for ( int i = 0; i < 1200 && QFileInfo::exists( hold ) && !isCanceled(); ++i )
      QThread::msleep( 100 );
  }

  bool ChangeTask::run()
  {
    return runGuarded( [this] { return isCanceled(); }, mError, [&] {
      ChangeRequest request;
      std::unique_ptr<WorkspaceStore> workspace;
      VersionLayer versions[2];
      const ChangeVersionInput *given[2] = { &mInputs.oldVersion, &mInputs.newVersion };
      InputLayer *into[2] = { &request.oldVersion, &request.newVersion };
      for ( int i = 0; i < 2; ++i )
      {
        if ( given[i]->layer )
        {
          *into[i] = given[i]->layer->input();
          continue;
        }
        if ( !workspace ) // this thread's own connection, never the desktop's
        {
          workspace = openWorkspace( mInputs.workspaceTarget, mInputs.transformContext );
          const LedgerHead head = workspace->head();
          request.workspace = workspace->describe();
          request.ledgerHead = QStringLiteral( "%1:%2" ).arg( head.entries ).arg( head.hash );
        }
        versions[i] = workspace->versionLayer( workspace->version( given[i]->workspaceVersion ) );
        // named as `limes change --workspace` names them, so that the summaries agree
        *into[i] = InputLayer { versions[i].layer.get(), given[i]->workspaceVersion, versions[i].spec, versions[i].path };
      }
      request.leftParty = mInputs.leftParty;
      request.rightParty = mInputs.rightParty;
      request.partyField = mInputs.partyField;
      request.knownParties = mInputs.knownParties;
      for ( const std::shared_ptr<LayerSnapshot> &r : mInputs.resources )
        request.resources.push_back( r->input() );
      if ( mInputs.segments )
        request.segments = mInputs.segments->input();
      request.segmentCodeField = mInputs.segmentCodeField;
      request.gridM = mInputs.gridM;
      request.minAreaM2 = mInputs.minAreaM2;
      request.maxEndGapM = mInputs.maxEndGapM;
      request.edges = EdgeInterpretation::parse( mInputs.edges );
      request.transformContext = mInputs.transformContext;
      holdForTest();
      mResult = ChangeEngine::run( request, mFeedback.get() );
      mSummaryJson = changeSummaryJson( mResult );
    } );
  }

  void ChangeTask::finished( bool result )
  {
    if ( mOnFinished )
      mOnFinished( *this, result );
  }
}
