// SPDX-License-Identifier: GPL-2.0-or-later
#include "validatetask.h"
#include "error.h"
#include "taskguard.h"
#include "workspace/workspacestore.h"

#include <qgsvectorlayer.h>

namespace limes
{
  ValidateTask::ValidateTask( ValidateTaskInputs inputs, Callback onFinished )
    : QgsTask( tr( "Limes: validate %1" ).arg( inputs.lineLabel() ), QgsTask::CanCancel )
    , mInputs( std::move( inputs ) )
    , mOnFinished( std::move( onFinished ) )
    , mFeedback( std::make_unique<QgsFeedback>() )
  {
    connect( mFeedback.get(), &QgsFeedback::progressChanged, this, [this]( double progress ) { setProgress( progress ); }, Qt::DirectConnection );
  }

  ValidateTask::~ValidateTask() = default;

  void ValidateTask::cancel()
  {
    mFeedback->cancel();
    QgsTask::cancel();
  }

  bool ValidateTask::run()
  {
    return runGuarded( [this] { return isCanceled(); }, mError, [&] {
      ValidationRequest request;
      std::unique_ptr<WorkspaceStore> workspace;
      VersionLayer version;
      if ( mInputs.line )
        request.line = mInputs.line->input();
      else
      {
        workspace = openWorkspace( mInputs.workspaceTarget, mInputs.transformContext ); // this thread's own connection
        version = workspace->versionLayer( workspace->version( mInputs.lineVersion ) );
        request.line = InputLayer { version.layer.get(), mInputs.lineVersion, version.spec, version.path };
      }
      if ( mInputs.segments )
        request.segments = mInputs.segments->input();
      request.segmentCodeField = mInputs.segmentCodeField;
      if ( mInputs.pillars )
        request.pillars = mInputs.pillars->input();
      request.pillarField = mInputs.pillarField;
      request.rules = mInputs.rules;
      request.tolerance = mInputs.tolerance;
      request.exceptions = mInputs.exceptions;
      request.transformContext = mInputs.transformContext;
      mResult = Validator::run( request, mFeedback.get() );
    } );
  }

  void ValidateTask::finished( bool result )
  {
    if ( mOnFinished )
      mOnFinished( *this, result );
  }
}
