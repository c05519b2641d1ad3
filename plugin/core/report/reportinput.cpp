// SPDX-License-Identifier: GPL-2.0-or-later
#include "report/reportinput.h"
#include "workspace/checks.h"
#include "workspace/importsource.h"
#include "workspace/workspacestore.h"

#include <qgsfeaturesource.h>

#include <set>

namespace limes::report
{
  namespace
  {
    ReportVersion describe( const InputLayer &input, const LineVersion *record )
    {
      ReportVersion v;
      v.name = input.name;
      v.source = input.spec;
      if ( record )
      {
        v.name = record->name;
        v.kind = record->kind;
        v.date = record->date;
        v.author = record->author;
        v.source = record->source;
      }
      return v;
    }
  }

  QStringList reportParts()
  {
    return { QStringLiteral( "cover" ), QStringLiteral( "summary" ), QStringLiteral( "segment" ), QStringLiteral( "annex" ) };
  }

  ReportInput reportInput( const ChangeRequest &request, const ChangeResult &result, const WorkspaceStore *workspace, const LineVersion *oldRecord, const LineVersion *newRecord )
  {
    ReportInput in;
    in.request = &request;
    in.result = &result;
    in.oldVersion = describe( request.oldVersion, oldRecord );
    in.newVersion = describe( request.newVersion, newRecord );
    in.workspace = result.workspace;
    in.ledgerHead = result.ledgerHead;
    bool ok = false;
    const qint64 epoch = qEnvironmentVariable( "SOURCE_DATE_EPOCH" ).toLongLong( &ok );
    in.created = ok ? QDateTime::fromSecsSinceEpoch( epoch, Qt::UTC ) : QDateTime::currentDateTimeUtc();
    if ( workspace )
    {
      in.parties = workspace->parties();
      std::set<QString> segments;
      for ( const Transfer &t : result.transfers )
        if ( !t.segment.isEmpty() )
          segments.insert( t.segment );
      for ( const QString &code : segments )
        in.ledger.insert( code, workspace->ledger( code ) );
      in.pillars = workspace->pillars();
    }
    else
    {
      for ( const QString &code : result.parties )
        in.parties << Party{ code, QString(), QString(), QString() };
    }
    return in;
  }

  void readReportPillars( ReportInput &input, QgsFeatureSource *source, const QString &sourceName, const QString &numberField )
  {
    const ChangeRequest &request = *input.request;
    checks::checkPillarLayer( source, sourceName, numberField, request.transformContext );
    QStringList segments;
    if ( QgsFeatureSource *lines = request.segments.source )
    {
      const int field = lines->fields().lookupField( request.segmentCodeField );
      QgsFeature f;
      QgsFeatureIterator it = lines->getFeatures();
      while ( field >= 0 && it.nextFeature( f ) )
        segments << f.attribute( field ).toString();
    }
    PillarFields fields;
    fields.number = numberField;
    QList<Pillar> pillars;
    readPillars( source, sourceName, fields, segments, {}, QString(), request.transformContext, [&]( const Pillar &p ) { pillars << p; } );
    input.pillars = pillars;
    input.pillarsSource = sourceName;
  }
}
