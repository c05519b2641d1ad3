// SPDX-License-Identifier: GPL-2.0-or-later
#include "validatedock.h"
#include "workspace/workspacestore.h"
#include "workspace/versionsdock.h"
#include "error.h"
#include "host.h"
#include "qgiscompat.h"
#include "signingkeys.h"
#include "validation/registry.h"
#include "workspacelayers.h"
#include "workspacesession.h"

#include <algorithm>

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QTreeWidget>
#include <QTreeWidgetItemIterator>
#include <QVBoxLayout>

#include <qgsapplication.h>
#include <qgsexception.h>
#include <qgscoordinatetransform.h>
#include <qgsdoublespinbox.h>
#include <qgsfieldcombobox.h>
#include <qgsmapcanvas.h>
#include <qgsmaplayercombobox.h>
#include <qgsproject.h>

namespace limes
{
  namespace
  {
    //! A finding's severity as the panel shows it, translated.
    QString severityLabel( const QString &severity )
    {
      return severity == QLatin1String( "error" ) ? ValidateDock::tr( "error" ) : ValidateDock::tr( "warning" );
    }
  }

  namespace
  {
    const QString WS = QStringLiteral( "ws:" );
    const QString LAYER = QStringLiteral( "layer:" );
    constexpr int FINDING = Qt::UserRole + 1;

    enum Column
    {
      What,
      Severity,
      Measured,
      Tolerance,
      Accepted,
    };
  }

  ValidateDock::ValidateDock( Host *host, SigningKeys *keys, QWidget *parent )
    : QgsDockWidget( tr( "Limes Validate" ), parent )
    , mHost( host )
    , mKeys( keys )
  {
    setObjectName( QLatin1String( OBJECT_NAME ) );
    auto *body = new QWidget( this );
    auto *layout = new QVBoxLayout( body );
    layout->setContentsMargins( 2, 2, 2, 2 );
    auto *splitter = new QSplitter( Qt::Vertical, body );
    splitter->addWidget( buildInputs( splitter ) );

    auto *results = new QWidget( splitter );
    auto *resultsLayout = new QVBoxLayout( results );
    resultsLayout->setContentsMargins( 0, 0, 0, 0 );
    auto *runRow = new QHBoxLayout();
    mRun = new QPushButton( QIcon( QStringLiteral( ":/limes/icons/validate.svg" ) ), tr( "Validate" ), results );
    mRun->setObjectName( QStringLiteral( "mValidateRun" ) );
    mProgress = new QProgressBar( results );
    mProgress->setRange( 0, 100 );
    mProgress->setVisible( false );
    runRow->addWidget( mRun );
    runRow->addWidget( mProgress, 1 );
    resultsLayout->addLayout( runRow );
    mStatus = new QLabel( results );
    mStatus->setObjectName( QStringLiteral( "mValidateStatus" ) );
    mStatus->setWordWrap( true );
    resultsLayout->addWidget( mStatus );
    mTree = new QTreeWidget( results );
    mTree->setObjectName( QStringLiteral( "mValidateFindings" ) );
    mTree->setHeaderLabels( { tr( "Finding" ), tr( "Severity" ), tr( "Measured" ), tr( "Tolerance" ), tr( "Accepted" ) } );
    mTree->setAlternatingRowColors( true );
    mTree->header()->setStretchLastSection( false );
    mTree->header()->setSectionResizeMode( What, QHeaderView::Stretch );
    for ( int c : { Severity, Measured, Tolerance, Accepted } )
      mTree->header()->setSectionResizeMode( c, QHeaderView::ResizeToContents );
    resultsLayout->addWidget( mTree, 1 );
    auto *acceptRow = new QHBoxLayout();
    mAccept = new QPushButton( QIcon( QStringLiteral( ":/limes/icons/accept.svg" ) ), tr( "Accept…" ), results );
    mAccept->setObjectName( QStringLiteral( "mValidateAccept" ) );
    mAccept->setToolTip( tr( "Record in the workspace that the commission accepts this finding, and why" ) );
    acceptRow->addStretch( 1 );
    acceptRow->addWidget( mAccept );
    resultsLayout->addLayout( acceptRow );
    splitter->addWidget( results );
    splitter->setStretchFactor( 1, 3 );
    layout->addWidget( splitter );
    setWidget( body );

    connect( mRun, &QPushButton::clicked, this, [this] { run(); } );
    connect( mRules, &QListWidget::itemChanged, this, &ValidateDock::updateState );
    for ( QgsMapLayerComboBox *combo : { mSegments, mPillars } )
      connect( combo, &QgsMapLayerComboBox::layerChanged, this, &ValidateDock::updateState );
    connect( mTree, &QTreeWidget::currentItemChanged, this, &ValidateDock::findingSelected );
    connect( mAccept, &QPushButton::clicked, this, &ValidateDock::askAccept );
    connect( QgsProject::instance(), &QgsProject::layersAdded, this, &ValidateDock::fillLines );
    connect( QgsProject::instance(), &QgsProject::layersRemoved, this, &ValidateDock::fillLines );
    fillLines();
    updateState();
  }

  ValidateDock::~ValidateDock()
  {
    if ( mTask )
    {
      mTask->cancel(); // its callback no longer reaches us
      mTask->waitForFinished(); // its code must not outlive the plugin's library
    }
  }

  QWidget *ValidateDock::buildInputs( QWidget *parent )
  {
    auto *inputs = new QWidget( parent );
    auto *form = new QFormLayout( inputs );
    mLine = new QComboBox( inputs );
    mLine->setObjectName( QStringLiteral( "mValidateLine" ) );
    form->addRow( tr( "Line" ), mLine );
    mSegments = new QgsMapLayerComboBox( inputs );
    mSegments->setObjectName( QStringLiteral( "mValidateSegments" ) );
    mSegments->setFilters( compat::LineLayerFilter );
    mSegments->setAllowEmptyLayer( true );
    mSegmentField = new QgsFieldComboBox( inputs );
    form->addRow( tr( "Segments" ), mSegments );
    form->addRow( tr( "Segment code" ), mSegmentField );
    mPillars = new QgsMapLayerComboBox( inputs );
    mPillars->setObjectName( QStringLiteral( "mValidatePillars" ) );
    mPillars->setFilters( compat::PointLayerFilter );
    mPillars->setAllowEmptyLayer( true );
    mPillarField = new QgsFieldComboBox( inputs );
    form->addRow( tr( "Pillars" ), mPillars );
    form->addRow( tr( "Pillar number" ), mPillarField );
    mTolerance = new QgsDoubleSpinBox( inputs );
    mTolerance->setObjectName( QStringLiteral( "mValidateTolerance" ) );
    mTolerance->setDecimals( 3 );
    mTolerance->setRange( 0.001, 100000 );
    mTolerance->setValue( 0.5 );
    mTolerance->setClearValue( 0.5 );
    mTolerance->setSuffix( tr( " m" ) );
    form->addRow( tr( "Tolerance" ), mTolerance );
    mRules = new QListWidget( inputs );
    mRules->setObjectName( QStringLiteral( "mValidateRules" ) );
    mRules->setMaximumHeight( 110 );
    for ( const validation::RuleInfo *rule : validation::RuleRegistry::instance().rules() )
    {
      auto *item = new QListWidgetItem( QStringLiteral( "%1 (%2)" ).arg( rule->name(), severityLabel( validation::severityName( rule->severity ) ) ), mRules );
      item->setData( Qt::UserRole, rule->name() );
      item->setToolTip( QCoreApplication::translate( "limes::validation", rule->help ) );
      item->setFlags( item->flags() | Qt::ItemIsUserCheckable );
      item->setCheckState( Qt::Checked );
    }
    form->addRow( tr( "Rules" ), mRules );
    auto fieldFollows = []( QgsMapLayerComboBox *layers, QgsFieldComboBox *fields, const QString &preferred ) {
      QObject::connect( layers, &QgsMapLayerComboBox::layerChanged, fields, [fields, preferred]( QgsMapLayer *layer ) {
        fields->setLayer( layer );
        fields->setField( preferred );
      } );
    };
    fieldFollows( mSegments, mSegmentField, QStringLiteral( "code" ) );
    fieldFollows( mPillars, mPillarField, QStringLiteral( "number" ) );
    mSegments->setLayer( nullptr );
    mPillars->setLayer( nullptr );
    return inputs;
  }

  void ValidateDock::setWorkspace( WorkspaceSession *session, WorkspaceLayers *layers )
  {
    mSession = session;
    mLayers = layers;
    fillLines();
    mSegments->setLayer( layers ? layers->segmentsLayer() : nullptr );
    mPillars->setLayer( layers ? layers->pillarsLayer() : nullptr );
    if ( session )
    {
      // the workspace's line: what it agreed or ratified, else its first version
      QString line;
      int best = 3;
      for ( const LineVersion &v : session->data().versions )
      {
        const int rank = v.kind == QLatin1String( "ratified" ) ? 0 : v.kind == QLatin1String( "agreed" ) ? 1 : 2;
        if ( rank < best )
        {
          best = rank;
          line = v.name;
        }
      }
      setLine( line );
    }
    updateState();
  }

  void ValidateDock::fillLines()
  {
    const QString current = mLine->currentData().toString();
    mLine->blockSignals( true );
    mLine->clear();
    if ( mSession )
      for ( const LineVersion &v : mSession->data().versions )
        mLine->addItem( QIcon( QStringLiteral( ":/limes/icons/limes.svg" ) ), tr( "%1 (%2, workspace)" ).arg( v.name, versionKindLabel( v.kind ) ), WS + v.name );
    for ( QgsMapLayer *layer : QgsProject::instance()->mapLayers() )
      if ( auto *vl = qobject_cast<QgsVectorLayer *>( layer ); vl && vl->isValid() && vl->geometryType() == geometrytype::Line )
        if ( !mLayers || vl != mLayers->segmentsLayer() )
          mLine->addItem( vl->name(), LAYER + vl->id() );
    const int index = mLine->findData( current );
    mLine->setCurrentIndex( index >= 0 ? index : 0 );
    mLine->blockSignals( false );
    updateState();
  }

  bool ValidateDock::setLine( const QString &nameOrLayerId )
  {
    int index = mLine->findData( WS + nameOrLayerId );
    index = index < 0 ? mLine->findData( LAYER + nameOrLayerId ) : index;
    if ( index >= 0 )
      mLine->setCurrentIndex( index );
    return index >= 0;
  }

  void ValidateDock::setTolerance( double metres )
  {
    mTolerance->setValue( metres );
  }

  void ValidateDock::setRules( const QStringList &rules )
  {
    for ( int i = 0; i < mRules->count(); ++i )
      mRules->item( i )->setCheckState( rules.contains( mRules->item( i )->data( Qt::UserRole ).toString() ) ? Qt::Checked : Qt::Unchecked );
  }

  QString ValidateDock::problem() const
  {
    if ( mLine->currentIndex() < 0 )
      return tr( "Choose the line to validate." );
    if ( mSegments->currentLayer() && mSegmentField->currentField().isEmpty() )
      return tr( "Choose the field of the segments that holds their codes." );
    if ( mPillars->currentLayer() && mPillarField->currentField().isEmpty() )
      return tr( "Choose the field of the pillars that holds their numbers." );
    for ( int i = 0; i < mRules->count(); ++i )
      if ( mRules->item( i )->checkState() == Qt::Checked )
        return QString();
    return tr( "Tick at least one rule." );
  }

  ValidateTaskInputs ValidateDock::inputs() const
  {
    ValidateTaskInputs in;
    const QString line = mLine->currentData().toString();
    if ( line.startsWith( WS ) && mSession )
    {
      in.workspaceTarget = workspaceTargetForWorker( mSession->target() ); // the task thread never asks QGIS's authentication manager
      in.lineVersion = line.mid( WS.size() );
    }
    else if ( auto *layer = qobject_cast<QgsVectorLayer *>( QgsProject::instance()->mapLayer( line.mid( LAYER.size() ) ) ) )
      in.line = std::make_shared<LayerSnapshot>( layer );
    // the workspace's own layers are named as its tables, so that accepted findings match the CLI's
    if ( auto *segments = qobject_cast<QgsVectorLayer *>( mSegments->currentLayer() ) )
    {
      in.segments = std::make_shared<LayerSnapshot>( segments );
      if ( mLayers && segments == mLayers->segmentsLayer() )
        in.segments->setInputName( QStringLiteral( "segments" ) );
      in.segmentCodeField = mSegmentField->currentField();
    }
    if ( auto *pillars = qobject_cast<QgsVectorLayer *>( mPillars->currentLayer() ) )
    {
      in.pillars = std::make_shared<LayerSnapshot>( pillars );
      if ( mLayers && pillars == mLayers->pillarsLayer() )
        in.pillars->setInputName( QStringLiteral( "pillars" ) );
      in.pillarField = mPillarField->currentField();
    }
    for ( int i = 0; i < mRules->count(); ++i )
      if ( mRules->item( i )->checkState() == Qt::Checked )
        in.rules << mRules->item( i )->data( Qt::UserRole ).toString();
    if ( in.rules.size() == mRules->count() )
      in.rules.clear(); // every rule the inputs allow, as the CLI without --rules
    in.tolerance = mTolerance->value();
    if ( mSession )
      for ( const AcceptedFinding &f : mSession->data().accepted )
        in.exceptions << AcceptedException { f.rule, f.layer, f.fid, f.reason };
    in.transformContext = QgsProject::instance()->transformContext();
    return in;
  }

  ValidateTask *ValidateDock::run()
  {
    if ( mTask || !problem().isEmpty() )
      return nullptr;
    QPointer<ValidateDock> self( this );
    auto *task = new ValidateTask( inputs(), [self]( ValidateTask &t, bool ok ) {
      if ( self )
        self->taskFinished( t, ok );
    } );
    mTask = task;
    mProgress->setValue( 0 );
    mProgress->setVisible( true );
    mStatus->setText( tr( "Validating %1…" ).arg( task->inputs().lineLabel() ) );
    connect( task, &QgsTask::progressChanged, mProgress, [this]( double p ) { mProgress->setValue( static_cast<int>( p ) ); } );
    QgsApplication::taskManager()->addTask( task );
    updateState();
    return task;
  }

  void ValidateDock::taskFinished( ValidateTask &task, bool ok )
  {
    mTask = nullptr;
    mProgress->setVisible( false );
    if ( !ok )
    {
      mStatus->setText( task.error().isEmpty() ? tr( "Validation cancelled." ) : task.error() );
      if ( !task.error().isEmpty() )
        mHost->pushError( tr( "Limes: validation failed" ), task.error() );
    }
    else
    {
      mResult = task.result();
      mLineName = task.inputs().lineLabel();
      showFindings();
    }
    updateState();
    emit finished( ok );
  }

  void ValidateDock::showFindings()
  {
    mTree->clear();
    QMap<QString, QTreeWidgetItem *> rules;
    int accepted = 0;
    for ( int i = 0; i < mResult.findings.size(); ++i )
    {
      const Finding &f = mResult.findings[i];
      QTreeWidgetItem *&heading = rules[f.rule];
      if ( !heading )
      {
        heading = new QTreeWidgetItem( mTree, { f.rule, severityLabel( f.severity ) } );
        heading->setData( What, FINDING, -1 );
        heading->setIcon( What, QgsApplication::getThemeIcon( f.severity == QLatin1String( "error" ) ? QStringLiteral( "/mIconWarning.svg" ) : QStringLiteral( "/mIconInfo.svg" ) ) );
      }
      auto *item = new QTreeWidgetItem( heading );
      item->setText( What, f.message );
      // the message is often longer than the panel is wide: whole in the tooltip
      item->setToolTip( What, QStringLiteral( "%1\n%2, %3" ).arg( f.message, f.layer, f.fid < 0 ? tr( "the layer as a whole" ) : tr( "feature %1" ).arg( f.fid ) ) );
      item->setText( Severity, severityLabel( f.severity ) );
      item->setText( Measured, QLocale().toString( f.value, 'g', 6 ) );
      item->setText( Tolerance, QLocale().toString( f.tolerance, 'g', 6 ) );
      item->setData( What, FINDING, i );
      if ( !f.exception.isEmpty() )
      {
        ++accepted;
        item->setText( Accepted, tr( "accepted" ) );
        item->setToolTip( Accepted, f.exception );
        item->setToolTip( What, tr( "%1\nAccepted: %2" ).arg( item->toolTip( What ), f.exception ) );
        for ( int c = What; c <= Accepted; ++c )
          item->setForeground( c, QBrush( Qt::gray ) );
      }
    }
    for ( auto it = rules.begin(); it != rules.end(); ++it )
    {
      int acceptedHere = 0;
      for ( int c = 0; c < it.value()->childCount(); ++c )
        acceptedHere += it.value()->child( c )->text( Accepted ).isEmpty() ? 0 : 1;
      const int count = it.value()->childCount();
      it.value()->setText( What, acceptedHere ? tr( "%1 — %n finding(s), %2 accepted", nullptr, count ).arg( it.key() ).arg( acceptedHere )
                                              : tr( "%1 — %n finding(s)", nullptr, count ).arg( it.key() ) );
      QFont bold = it.value()->font( What );
      bold.setBold( true );
      it.value()->setFont( What, bold );
      it.value()->setToolTip( What, it.value()->text( What ) );
    }
    mTree->expandAll();
    // a rule's heading across the whole row, so that its name and count are never cut off
    for ( QTreeWidgetItem *heading : std::as_const( rules ) )
      heading->setFirstColumnSpanned( true );
    mStatus->setText( tr( "%1: %n finding(s), %2 accepted, %3 error(s) standing; %4 rule(s) run." , nullptr, static_cast<int>( mResult.findings.size() ) )
                      .arg( mLineName ).arg( accepted ).arg( mResult.errorCount() ).arg( mResult.rulesRun.size() ) );
  }

  int ValidateDock::findingOf( const QTreeWidgetItem *item ) const
  {
    return item ? item->data( What, FINDING ).toInt() : -1;
  }

  void ValidateDock::findingSelected()
  {
    updateState();
    const int i = findingOf( mTree->currentItem() );
    QgsMapCanvas *canvas = mHost->mapCanvas();
    if ( i < 0 || !canvas || mResult.findings[i].geometry.isEmpty() )
      return;
    const QgsGeometry &geometry = mResult.findings[i].geometry;
    const QgsCoordinateTransform transform( mResult.crs, canvas->mapSettings().destinationCrs(), QgsProject::instance() );
    try
    {
      QgsRectangle extent = transform.transformBoundingBox( geometry.boundingBox() );
      // a point or a short stretch: half a kilometre of context around it at least
      const double minimum = canvas->mapSettings().destinationCrs().isGeographic() ? 0.005 : 500;
      const double context = std::max( { extent.width() * 0.75, extent.height() * 0.75, minimum } );
      extent = QgsRectangle( extent.center().x() - context, extent.center().y() - context, extent.center().x() + context, extent.center().y() + context );
      canvas->setExtent( extent );
      canvas->refresh();
      canvas->flashGeometries( { geometry }, mResult.crs );
    }
    catch ( const QgsCsException & )
    {
      mHost->pushError( tr( "Limes" ), tr( "This finding cannot be shown in the map's coordinate reference system." ) );
    }
  }

  void ValidateDock::askAccept()
  {
    const int i = findingOf( mTree->currentItem() );
    if ( i < 0 )
      return;
    bool ok = false;
    const QString reason = QInputDialog::getText( this, tr( "Accept Finding" ),
                           tr( "Why does the commission accept this finding (%1)? The reason is recorded in the workspace's ledger." ).arg( mResult.findings[i].rule ),
                           QLineEdit::Normal, QString(), &ok ).trimmed();
    if ( ok && !reason.isEmpty() )
      acceptSelected( reason );
  }

  bool ValidateDock::acceptSelected( const QString &reason )
  {
    const int i = findingOf( mTree->currentItem() );
    if ( i < 0 || !mSession )
      return false;
    Finding &finding = mResult.findings[i];
    const crypto::SigningKey *key = mKeys->key( this, tr( "Accepting a validation finding" ) );
    if ( !key )
      return false;
    try
    {
      mSession->acceptFinding( AcceptedFinding { finding.rule, finding.layer, finding.fid, reason, authorName() }, *key );
    }
    catch ( const Error &e )
    {
      mHost->pushError( tr( "Limes: cannot accept the finding" ), e.message() );
      return false;
    }
    // as the next run will show it: the same rule, layer and feature, accepted
    for ( Finding &f : mResult.findings )
      if ( f.rule == finding.rule && f.layer == finding.layer && f.fid == finding.fid )
        f.exception = reason;
    const QString rule = finding.rule;
    showFindings();
    for ( QTreeWidgetItemIterator it( mTree ); *it; ++it )
      if ( findingOf( *it ) == i )
        mTree->setCurrentItem( *it );
    mHost->pushSuccess( tr( "Limes" ), tr( "Finding %1 accepted in the workspace." ).arg( rule ) );
    return true;
  }

  void ValidateDock::updateState()
  {
    const QString why = problem();
    mRun->setEnabled( !mTask && why.isEmpty() );
    mRun->setToolTip( why );
    const int i = findingOf( mTree->currentItem() );
    mAccept->setEnabled( mSession && !mTask && i >= 0 && mResult.findings[i].exception.isEmpty() );
    mAccept->setToolTip( mSession ? tr( "Record in the workspace that the commission accepts this finding, and why" )
                         : tr( "Open a workspace to record accepted findings" ) );
  }
}
