// SPDX-License-Identifier: GPL-2.0-or-later
#include "splitcontroller.h"
#include "workspace/screendistance.h"
#include "error.h"
#include "host.h"
#include "splitsegmentdialog.h"
#include "splitsegmenttool.h"
#include "workspace/segmentlines.h"
#include "workspace/signingkeys.h"
#include "workspace/workspacesession.h"
#include "workspace/workspacestore.h"

#include <QAction>

#include <qgscoordinatetransform.h>
#include <qgsexception.h>
#include <qgsmapcanvas.h>
#include <qgsproject.h>
#include <qgsvertexmarker.h>

#include <cmath>

namespace limes
{
  namespace
  {
    //! The vertices a segment may be split at: every vertex of its line but its two ends.
    QVector<QgsPointXY> innerVertices( const QgsGeometry &line )
    {
      const QgsGeometry merged = line.isMultipart() ? line.mergeLines() : line;
      const QVector<QgsPolylineXY> parts = merged.isMultipart() ? merged.asMultiPolyline() : QVector<QgsPolylineXY> { merged.asPolyline() };
      QVector<QgsPointXY> vertices;
      for ( const QgsPolylineXY &part : parts )
        vertices += part;
      if ( vertices.size() >= 2 )
      {
        vertices.removeFirst();
        vertices.removeLast();
      }
      else
        vertices.clear();
      return vertices;
    }
  }

  SplitController::SplitController( Host *host, SigningKeys *keys, QObject *parent )
    : QObject( parent )
    , mHost( host )
    , mKeys( keys )
  {}

  SplitController::~SplitController()
  {
    stop();
    delete mDialog;
  }

  void SplitController::setWorkspace( WorkspaceSession *session, WorkspaceLayers *layers )
  {
    stop();
    mSession = session;
    mLayers = layers;
  }

  SplitSegmentDialog *SplitController::dialog() const
  {
    return mDialog;
  }

  void SplitController::setAction( QAction *action )
  {
    mAction = action;
  }

  void SplitController::start( const QString &segment )
  {
    QgsMapCanvas *canvas = mHost->mapCanvas();
    if ( !mSession || !canvas )
    {
      mHost->pushError( tr( "Limes: Split Segment" ), tr( "Open a workspace first." ) );
      if ( mAction )
        mAction->setChecked( false );
      return;
    }
    mSegment = segment;
    mCandidate = SplitCandidate();
    if ( !mDialog )
    {
      mDialog = new SplitSegmentDialog( mHost->mainWindow() );
      connect( mDialog, &SplitSegmentDialog::confirmed, this, [this] { split(); } );
      connect( mDialog, &QDialog::rejected, this, &SplitController::stop );
    }
    if ( !mTool )
    {
      mTool = std::make_unique<SplitSegmentTool>( canvas );
      if ( mAction )
        mTool->setAction( mAction );
      connect( mTool.get(), &SplitSegmentTool::hovered, this, &SplitController::hovered );
      connect( mTool.get(), &SplitSegmentTool::clicked, this, &SplitController::clicked );
      connect( mTool.get(), &SplitSegmentTool::cancelled, this, &SplitController::stop );
    }
    canvas->setMapTool( mTool.get() );
    if ( mAction )
      mAction->setChecked( true );
  }

  void SplitController::stop()
  {
    clearMarkers();
    if ( mTool )
    {
      if ( QgsMapCanvas *canvas = mHost->mapCanvas(); canvas && canvas->mapTool() == mTool.get() )
        canvas->unsetMapTool( mTool.get() );
      mTool.reset();
    }
    mCandidate = SplitCandidate();
    if ( mDialog && mDialog->isVisible() )
      mDialog->hide();
    if ( mAction )
      mAction->setChecked( false );
  }

  SplitCandidate SplitController::candidateAt( const QPoint &pixel, double pixels ) const
  {
    QgsMapCanvas *canvas = mHost->mapCanvas();
    if ( !mSession || !canvas )
      return SplitCandidate();
    const ScreenDistance distance( canvas, pixel );
    const WorkspaceData &data = mSession->data();
    SplitCandidate found;
    double best = pixels;
    QMap<QString, QgsGeometry> lines; // the current segments that can be split: those whose course is known
    for ( const Segment &s : data.segments )
      if ( ( mSegment.isEmpty() || s.code == mSegment ) && data.lines.contains( s.code ) )
        lines.insert( s.code, data.lines.value( s.code ).geometry );
    for ( auto it = lines.cbegin(); it != lines.cend(); ++it )
      for ( const QgsPointXY &v : innerVertices( it.value() ) )
        if ( const double d = distance( v ); d < best )
        {
          best = d;
          found = SplitCandidate{ it.key(), QString(), v };
        }
    for ( const Pillar &p : data.pillars )
    {
      const QgsPointXY at( p.lon, p.lat );
      if ( distance( at ) > best ) // a pillar wins over a vertex as near
        continue;
      // the segment it stands on: the nearest current line (the store checks it lies on it)
      QString segment;
      double nearest = std::numeric_limits<double>::max();
      for ( auto it = lines.cbegin(); it != lines.cend(); ++it )
      {
        QgsPointXY onLine;
        int next = -1;
        const double d = it.value().closestSegmentWithContext( at, onLine, next, nullptr, 0 );
        if ( d >= 0 && d < nearest )
        {
          nearest = d;
          segment = it.key();
        }
      }
      if ( segment.isEmpty() )
        continue;
      best = distance( at );
      found = SplitCandidate{ segment, p.number, at };
    }
    return found;
  }

  void SplitController::mark( const SplitCandidate &candidate, QgsVertexMarker *marker ) const
  {
    QgsMapCanvas *canvas = mHost->mapCanvas();
    if ( !candidate.isValid() || !canvas )
    {
      marker->hide();
      return;
    }
    try
    {
      const QgsCoordinateTransform toMap( QgsCoordinateReferenceSystem( QStringLiteral( "EPSG:4326" ) ), canvas->mapSettings().destinationCrs(), QgsProject::instance() );
      marker->setCenter( toMap.transform( candidate.point ) );
      marker->show();
    }
    catch ( const QgsCsException & )
    {
      marker->hide();
    }
  }

  void SplitController::clearMarkers()
  {
    // the canvas owns its items until they are deleted
    delete mHover;
    mHover = nullptr;
    delete mChosen;
    mChosen = nullptr;
  }

  void SplitController::hovered( const QPoint &pixel )
  {
    QgsMapCanvas *canvas = mHost->mapCanvas();
    if ( !canvas )
      return;
    if ( !mHover )
    {
      mHover = new QgsVertexMarker( canvas );
      mHover->setIconType( QgsVertexMarker::ICON_CIRCLE );
      mHover->setColor( QColor( 255, 140, 0 ) );
      mHover->setIconSize( 16 );
      mHover->setPenWidth( 2 );
    }
    mark( candidateAt( pixel ), mHover );
  }

  void SplitController::clicked( const QPoint &pixel )
  {
    const SplitCandidate candidate = candidateAt( pixel );
    if ( !candidate.isValid() )
    {
      mHost->pushError( tr( "Limes: Split Segment" ), mSegment.isEmpty() ? tr( "Nothing to split there: click a pillar or a vertex of a segment's line (not its ends)." )
                        : tr( "Nothing to split there: click a pillar or a vertex of %1's line (not its ends)." ).arg( mSegment ) );
      return;
    }
    mCandidate = candidate;
    if ( !mChosen )
    {
      mChosen = new QgsVertexMarker( mHost->mapCanvas() );
      mChosen->setIconType( QgsVertexMarker::ICON_X );
      mChosen->setColor( QColor( 215, 25, 28 ) );
      mChosen->setIconSize( 18 );
      mChosen->setPenWidth( 3 );
    }
    mark( candidate, mChosen );
    const QString where = candidate.pillar.isEmpty() ? tr( "the vertex at %1, %2" ).arg( candidate.point.y(), 0, 'f', 6 ).arg( candidate.point.x(), 0, 'f', 6 )
                          : tr( "pillar %1" ).arg( candidate.pillar );
    mDialog->propose( candidate.segment, where );
    mDialog->show();
    mDialog->raise();
  }

  bool SplitController::split()
  {
    if ( !mSession || !mDialog || !mCandidate.isValid() )
      return false;
    SegmentSplitInput in;
    in.segment = mCandidate.segment;
    in.pillar = mCandidate.pillar;
    in.point = mCandidate.point;
    in.firstCode = mDialog->firstCode();
    in.secondCode = mDialog->secondCode();
    in.author = authorName();
    const crypto::SigningKey *key = mKeys->key( mHost->mainWindow(), tr( "Recording a segment split" ) );
    if ( !key )
    {
      mHost->pushError( tr( "Limes: the segment was not split" ), tr( "No signing key was given." ) );
      return false;
    }
    SegmentSplit done;
    try
    {
      done = mSession->store().splitSegment( in, *key );
    }
    catch ( const Error &e )
    {
      mHost->pushError( tr( "Limes: the segment was not split" ), e.message() );
      return false;
    }
    try
    {
      mSession->reload(); // the Segments dock and layer show the two new segments
    }
    catch ( const Error &e )
    {
      mHost->pushError( tr( "Limes: the workspace cannot be read again" ), e.message() );
    }
    QString signer;
    for ( const LedgerEntry &e : mSession->data().ledger )
      if ( e.id == done.entry )
        signer = e.signerParty;
    const QString at = done.pillar.isEmpty() ? tr( "a vertex" ) : tr( "pillar %1" ).arg( done.pillar );
    stop();
    mHost->pushSuccess( tr( "Limes: segment split" ), tr( "%1 split at %2 into %3 and %4: entry %5, signed by %6." )
                        .arg( done.segment, at, done.first, done.second ).arg( done.entry ).arg( signer ) );
    emit segmentSplit( done.first, done.second );
    return true;
  }
}
