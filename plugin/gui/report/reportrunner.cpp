// SPDX-License-Identifier: GPL-2.0-or-later
#include "report/reportrunner.h"
#include "error.h"
#include "report/changereport.h"
#include "workspace/workspacesession.h"
#include "workspace/workspacestore.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QPointer>
#include <QProgressDialog>

#include <qgsapplication.h>
#include <qgsfeedback.h>
#include <qgsvectorlayer.h>

#include <optional>

namespace limes
{
  namespace
  {
    //! The comparison, in the task manager: the dialog's Cancel cancels the task.
    ChangeResult compare( const ChangeTaskInputs &inputs, QProgressDialog &progress )
    {
      std::optional<ChangeResult> result;
      QString error;
      bool done = false;
      QEventLoop loop;
      auto *task = new ChangeTask( inputs, [&]( ChangeTask &t, bool ok ) {
        if ( ok )
          result = t.result();
        else
          error = t.error();
        done = true;
        loop.quit();
      } );
      QPointer<ChangeTask> running( task );
      QObject::connect( task, &QgsTask::progressChanged, &progress, [&progress]( double p ) { progress.setValue( static_cast<int>( p / 2 ) ); } );
      QObject::connect( &progress, &QProgressDialog::canceled, task, [running] {
        if ( running )
          running->cancel();
      } );
      QgsApplication::taskManager()->addTask( task );
      if ( !done )
        loop.exec();
      if ( !result )
        throw Error( error.isEmpty() ? QCoreApplication::translate( "limes::ReportRunner", "Report cancelled: nothing written." ) : error );
      return *result;
    }

    //! The request as the task made it, with layers open here for the report's maps.
    struct MainThreadRequest
    {
      ChangeRequest request;
      VersionLayer versions[2];
      std::optional<LineVersion> records[2];
    };

    void buildRequest( MainThreadRequest &out, const ChangeTaskInputs &inputs, WorkspaceSession *session, const ChangeResult &result )
    {
      ChangeRequest &request = out.request;
      const ChangeVersionInput *given[2] = { &inputs.oldVersion, &inputs.newVersion };
      InputLayer *into[2] = { &request.oldVersion, &request.newVersion };
      for ( int i = 0; i < 2; ++i )
      {
        if ( given[i]->layer )
        {
          *into[i] = given[i]->layer->input();
          continue;
        }
        if ( !session )
          throw Error( QStringLiteral( "no workspace is open for version %1" ).arg( given[i]->workspaceVersion ) );
        out.records[i] = session->store().version( given[i]->workspaceVersion );
        out.versions[i] = session->store().versionLayer( *out.records[i] );
        *into[i] = InputLayer { out.versions[i].layer.get(), given[i]->workspaceVersion, out.versions[i].spec, out.versions[i].path };
      }
      request.workspace = result.workspace;
      request.ledgerHead = result.ledgerHead;
      request.leftParty = inputs.leftParty;
      request.rightParty = inputs.rightParty;
      request.partyField = inputs.partyField;
      for ( const std::shared_ptr<LayerSnapshot> &r : inputs.resources )
        request.resources.push_back( r->input() );
      if ( inputs.segments )
        request.segments = inputs.segments->input();
      request.segmentCodeField = inputs.segmentCodeField;
      request.transformContext = inputs.transformContext;
    }
  }

  report::ReportFiles writeReport( const ChangeTaskInputs &inputs, WorkspaceSession *session, const report::ReportOptions &options,
                                   const QString &pdf, QWidget *parent )
  {
    QProgressDialog progress( QCoreApplication::translate( "limes::ReportRunner", "Writing the change report…" ),
                              QCoreApplication::translate( "limes::ReportRunner", "Cancel" ), 0, 100, parent );
    progress.setWindowModality( Qt::WindowModal );
    progress.setMinimumDuration( 0 );
    progress.setValue( 0 );
    const ChangeResult result = compare( inputs, progress );

    MainThreadRequest request;
    buildRequest( request, inputs, session, result );
    report::ReportInput input = report::reportInput( request.request, result, session ? &session->store() : nullptr,
                                request.records[0] ? &*request.records[0] : nullptr, request.records[1] ? &*request.records[1] : nullptr );
    // the layouts on this thread; a modal progress dialog's setValue() lets Cancel through
    QgsFeedback feedback;
    QObject::connect( &feedback, &QgsFeedback::progressChanged, &progress, [&progress]( double p ) { progress.setValue( 50 + static_cast<int>( p / 2 ) ); } );
    QObject::connect( &progress, &QProgressDialog::canceled, &feedback, &QgsFeedback::cancel );
    if ( progress.wasCanceled() )
      throw Error( QCoreApplication::translate( "limes::ReportRunner", "Report cancelled: nothing written." ) );
    return report::writeChangeReport( input, options, pdf, &feedback );
  }
}
