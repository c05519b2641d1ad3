// SPDX-License-Identifier: GPL-2.0-or-later
#include "surveycontroller.h"
#include "workspace/screendistance.h"
#include "error.h"
#include "host.h"
#include "surveypillardialog.h"
#include "surveypillartool.h"
#include "workspace/signingkeys.h"
#include "workspace/workspacesession.h"
#include "workspace/workspacestore.h"

#include <QAction>

#include <qgscoordinatetransform.h>
#include <qgsmapcanvas.h>
#include <qgsproject.h>

#include <cmath>

namespace limes
{
  SurveyController::SurveyController( Host *host, SigningKeys *keys, QObject *parent )
    : QObject( parent )
    , mHost( host )
    , mKeys( keys )
  {}

  SurveyController::~SurveyController()
  {
    stop();
    delete mDialog;
  }

  void SurveyController::setWorkspace( WorkspaceSession *session, WorkspaceLayers *layers )
  {
    stop();
    mSession = session;
    mLayers = layers;
  }

  SurveyPillarDialog *SurveyController::dialog() const
  {
    return mDialog;
  }

  SurveyPillarTool *SurveyController::tool() const
  {
    return mTool.get();
  }

  void SurveyController::setAction( QAction *action )
  {
    mAction = action;
  }

  void SurveyController::start()
  {
    QgsMapCanvas *canvas = mHost->mapCanvas();
    if ( !mSession || !canvas )
    {
      mHost->pushError( tr( "Limes: Survey Pillar" ), tr( "Open a workspace first." ) );
      if ( mAction )
        mAction->setChecked( false );
      return;
    }
    if ( !mDialog )
    {
      mDialog = new SurveyPillarDialog( QgsProject::instance()->transformContext(), mHost->mainWindow() );
      mDialog->setSurveyCrs( canvas->mapSettings().destinationCrs() );
      connect( mDialog, &SurveyPillarDialog::pickRequested, this, [this] {
        mPickingPosition = true;
        if ( mTool )
          mTool->setPickingPosition( true );
        if ( mHost->mapCanvas() && mTool )
          mHost->mapCanvas()->setMapTool( mTool.get() );
        mDialog->setStatus( tr( "Click the surveyed position on the map." ) );
      } );
      connect( mDialog, &SurveyPillarDialog::saveRequested, this, [this] { save(); } );
      connect( mDialog, &QDialog::rejected, this, &SurveyController::stop );
    }
    if ( !mTool )
    {
      mTool = std::make_unique<SurveyPillarTool>( canvas );
      if ( mAction )
        mTool->setAction( mAction );
      connect( mTool.get(), &SurveyPillarTool::clicked, this, &SurveyController::clicked );
      connect( mTool.get(), &SurveyPillarTool::cancelled, this, &SurveyController::stop );
    }
    mPickingPosition = false;
    mTool->setPickingPosition( false );
    canvas->setMapTool( mTool.get() );
    mDialog->setStatus( mDialog->hasPillar() ? QString() : tr( "Click a pillar on the map." ) );
    mDialog->show();
    mDialog->raise();
  }

  void SurveyController::stop()
  {
    if ( mTool )
    {
      if ( QgsMapCanvas *canvas = mHost->mapCanvas(); canvas && canvas->mapTool() == mTool.get() )
        canvas->unsetMapTool( mTool.get() );
      mTool.reset();
    }
    mPickingPosition = false;
    if ( mDialog && mDialog->isVisible() )
      mDialog->hide();
    if ( mAction )
      mAction->setChecked( false );
  }

  void SurveyController::clicked( const QgsPointXY &mapPoint, const QPoint &pixel )
  {
    if ( !mDialog )
      return;
    if ( mPickingPosition )
    {
      mPickingPosition = false;
      mTool->setPickingPosition( false );
      mDialog->setPosition( mapPoint, mHost->mapCanvas()->mapSettings().destinationCrs() );
      mDialog->setStatus( QString() );
      return;
    }
    if ( !pickPillar( pixel ) )
      mHost->pushError( tr( "Limes: Survey Pillar" ), tr( "No pillar within a few pixels of the click: click on a pillar." ) );
  }

  bool SurveyController::pickPillar( const QPoint &pixel, double pixels )
  {
    QgsMapCanvas *canvas = mHost->mapCanvas();
    if ( !mSession || !canvas )
      return false;
    const ScreenDistance distance( canvas, pixel );
    const Pillar *nearest = nullptr;
    double best = pixels;
    for ( const Pillar &p : mSession->data().pillars )
      if ( const double d = distance( QgsPointXY( p.lon, p.lat ) ); d <= best )
      {
        best = d;
        nearest = &p;
      }
    if ( !nearest )
      return false;
    refreshDialog( nearest->number );
    return true;
  }

  void SurveyController::refreshDialog( const QString &number )
  {
    if ( !mSession || !mDialog )
      return;
    QList<PillarSurvey> history;
    Pillar shown;
    for ( const Pillar &p : mSession->data().pillars )
      if ( p.number == number )
        shown = p;
    try
    {
      // what was imported first, then every survey entry
      for ( const Pillar &row : mSession->store().pillarRows() )
        if ( row.number == number && std::isfinite( row.surveyedLon ) )
        {
          PillarSurvey imported;
          imported.lon = row.surveyedLon;
          imported.lat = row.surveyedLat;
          imported.accuracy = row.surveyAccuracy;
          imported.date = QDate::fromString( row.surveyDate, Qt::ISODate );
          imported.designedLon = row.lon;
          imported.designedLat = row.lat;
          imported.author = row.author;
          history << imported;
        }
      history << mSession->store().pillarSurveys( number );
    }
    catch ( const Error &e )
    {
      mHost->pushError( tr( "Limes: the workspace cannot be read" ), e.message() );
    }
    mDialog->setPillar( shown, history, mHost->mapCanvas()->mapSettings().destinationCrs() );
    mDialog->show();
    mDialog->raise();
  }

  bool SurveyController::save()
  {
    if ( !mSession || !mDialog )
      return false;
    PillarSurvey input;
    try
    {
      input = mDialog->survey();
      input.author = authorName();
      survey::check( input, QString() ); // before the key is asked for: a refused survey needs no signature
    }
    catch ( const Error &e )
    {
      mHost->pushError( tr( "Limes: the survey was not recorded" ), e.message() );
      mDialog->setStatus( tr( "Not recorded: %1" ).arg( e.message() ) );
      return false;
    }
    const crypto::SigningKey *key = mKeys->key( mHost->mainWindow(), tr( "Recording a pillar survey" ) );
    if ( !key )
    {
      mHost->pushError( tr( "Limes: the survey was not recorded" ), tr( "No signing key was given." ) );
      mDialog->setStatus( tr( "Not recorded: no signing key was given." ) );
      return false;
    }
    PillarSurvey stored;
    try
    {
      stored = mSession->store().surveyPillar( input, *key );
    }
    catch ( const Error &e )
    {
      mHost->pushError( tr( "Limes: the survey was not recorded" ), e.message() );
      mDialog->setStatus( tr( "Not recorded: %1" ).arg( e.message() ) );
      return false;
    }
    const SurveyDeviation d = survey::deviation( stored.designedLon, stored.designedLat, stored.lon, stored.lat );
    const QString what = tr( "Pillar %1 surveyed on %2 (±%3 m): %4 m from its designed position at an azimuth of %5°; entry %6, signed by %7." )
                         .arg( stored.pillar, stored.date.toString( Qt::ISODate ) ).arg( stored.accuracy, 0, 'f', 3 ).arg( d.metres, 0, 'f', 3 )
                         .arg( d.azimuth, 0, 'f', 1 ).arg( stored.ledgerEntry ).arg( stored.signerParty );
    try
    {
      mSession->reload(); // the pillars layer shows the new surveyed position
    }
    catch ( const Error &e )
    {
      mHost->pushError( tr( "Limes: the workspace cannot be read again" ), e.message() );
    }
    mHost->pushSuccess( tr( "Limes: survey recorded" ), what );
    refreshDialog( stored.pillar );
    mDialog->setStatus( what );
    return true;
  }
}
