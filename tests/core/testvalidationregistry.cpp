// SPDX-License-Identifier: GPL-2.0-or-later
// The rule registry: every rule once, with its help; `limes validate --list-rules` and the
// Processing help made from it; each family, and each rule, run alone finds exactly what it
// finds with every rule running.
#include "testutils.h"
#include "validatealgorithm.h"
#include "validation/registry.h"
#include "validation/ruledocs.h"
#include "validation/validation.h"

#include <QProcess>
#include <QSet>
#include <QtTest>
#include <qgstest.h>

#include <qgscoordinatetransform.h>
#include <qgsvectordataprovider.h>
#include <qgsvectorlayer.h>

using namespace limes;
using namespace limes::validation;

namespace
{
  const double X0 = 600000, Y0 = 4430000; // UTM 42N, near Isfara

  QString at( const QString &wkt )
  {
    if ( wkt.isEmpty() )
      return wkt;
    QgsGeometry g = QgsGeometry::fromWkt( wkt );
    g.translate( X0, Y0 );
    return g.asWkt( 6 );
  }

  struct Row
  {
    QString wkt;
    QVariantList attributes;
  };

  std::unique_ptr<QgsVectorLayer> layer( const QString &type, const QString &fields, const QVector<Row> &rows, const QString &crs = QStringLiteral( "EPSG:32642" ) )
  {
    auto l = std::make_unique<QgsVectorLayer>( QStringLiteral( "%1?crs=%2%3" ).arg( type, crs, fields ), QStringLiteral( "fixture" ), QStringLiteral( "memory" ) );
    QgsFeatureList features;
    for ( const Row &r : rows )
    {
      QgsFeature f( l->fields() );
      if ( !r.wkt.isEmpty() )
        f.setGeometry( QgsGeometry::fromWkt( r.wkt ) );
      for ( int i = 0; i < r.attributes.size(); ++i )
        f.setAttribute( i, r.attributes[i] );
      features << f;
    }
    l->dataProvider()->addFeatures( features );
    l->updateExtents();
    return l;
  }

  InputLayer input( QgsVectorLayer *l, const QString &name )
  {
    return InputLayer{ l, name, name, QString() };
  }

  //! Faults of every family in one set of layers; tripoints in WGS 84 for crs_mismatch.
  struct Faults
  {
    std::unique_ptr<QgsVectorLayer> line, segments, pillars, territories, tripoints;
    ValidationRequest request;

    Faults()
    {
      line = layer( "MultiLineString", "", {
        { at( "MULTILINESTRING((0 0, 1000 0, 1000 0, 1000.19 0.057, 1500 500, 2000 300, 3000 300, 3500 300, 3000 301))" ), {} },
        { at( "MULTILINESTRING((500 -100, 500 100))" ), {} }, { at( "MULTILINESTRING((200 0, 400 0))" ), {} }, { QString(), {} },
        { at( "MULTILINESTRING((5000 5000, 5000 5000))" ), {} }, { at( "MULTILINESTRING((5000 5000, 5000 6000, 6000 6000, 6000 5000, 5000 5001))" ), {} } } );
      segments = layer( "MultiLineString", "&field=code:string", {
        { at( "MULTILINESTRING((0 0, 1000 0))" ), { "S-001" } }, { at( "MULTILINESTRING((1000 0, 1400 400))" ), { "S-003" } },
        { at( "MULTILINESTRING((1500 500, 2000 300, 2500 300))" ), { "S-002" } }, { at( "MULTILINESTRING((3000 300, 2600 310, 2200 300))" ), { "S-003" } },
        { QString(), { "S-005" } } } );
      pillars = layer( "Point", "&field=number:string&field=surveyed_x:double&field=surveyed_y:double", {
        { at( "POINT(0 0)" ), { "1", X0, Y0 + 0.9 } }, { at( "POINT(1000 -3)" ), { "2" } }, { at( "POINT(2000 300)" ), { "3" } },
        { at( "POINT(1500 500)" ), { "4" } }, { at( "POINT(3000 300)" ), { "5" } }, { at( "POINT(3000.4 300)" ), { "6" } },
        { at( "POINT(3000 300.2)" ), { "6" } }, { QString(), { "7" } } } );
      territories = layer( "MultiPolygon", "&field=party:string", {
        { at( "MULTIPOLYGON(((0 -5, 1000 -5, 1500 500, 2000 300, 3000 305, 3000 2000, 0 2000, 0 -5)))" ), { "KG" } },
        { at( "MULTIPOLYGON(((0 0, 0 -2000, 3000 -2000, 3000 300, 2000 300, 1500 40, 1000 0, 0 0)))" ), { "TJ" } },
        { at( "MULTIPOLYGON(((4000 0, 4100 100, 4100 0, 4000 100, 4000 0)))" ), { "UZ" } }, { QString(), { "UZ" } } } );
      const QgsCoordinateTransform toWgs84( QgsCoordinateReferenceSystem( "EPSG:32642" ), QgsCoordinateReferenceSystem( "EPSG:4326" ), QgsCoordinateTransformContext() );
      QVector<Row> ends;
      for ( const QgsPointXY &p : { QgsPointXY( X0, Y0 ), QgsPointXY( X0 + 3000, Y0 + 310 ) } )
        ends << Row{ QgsGeometry::fromPointXY( toWgs84.transform( p ) ).asWkt( 12 ), {} };
      tripoints = layer( "Point", "", ends, QStringLiteral( "EPSG:4326" ) );
      request.line = input( line.get(), "line" );
      request.segments = input( segments.get(), "segments" );
      request.pillars = input( pillars.get(), "pillars" );
      request.territories = input( territories.get(), "territories" );
      request.tripoints = input( tripoints.get(), "tripoints" );
      request.partyField = "party";
      request.maxPillarSpacing = 600;
    }
  };

  QStringList describe( const QList<Finding> &findings )
  {
    QStringList list;
    for ( const Finding &f : findings )
      list << QStringLiteral( "%1|%2|%3|%4|%5|%6|%7" ).arg( f.rule, f.layer ).arg( f.fid ).arg( f.message ).arg( f.value, 0, 'g', 17 ).arg( f.tolerance ).arg( f.geometry.asWkt( 6 ) );
    return list;
  }

  //! Findings and rules run of the rules in `ids`, from a run of every rule.
  QStringList only( const QStringList &findings, const QStringList &ids )
  {
    QStringList kept;
    for ( const QString &f : findings )
      if ( ids.contains( f.section( '|', 0, 0 ) ) )
        kept << f;
    return kept;
  }

  QString limesOutput( const QStringList &arguments )
  {
    QProcess limes;
    limes.setProgram( QStringLiteral( LIMES_CLI ) );
    limes.setArguments( arguments );
    limes.open(); // start() with the program set: open() is the form clazy's Qt 6 check accepts
    if ( !limes.waitForFinished( 60000 ) || limes.exitCode() != 0 )
      return QStringLiteral( "limes failed: %1" ).arg( QString::fromUtf8( limes.readAllStandardError() ) );
    return QString::fromUtf8( limes.readAllStandardOutput() );
  }
}

class TestValidationRegistry : public QObject
{
    Q_OBJECT

  private slots:
    void initTestCase() { limes::test::initQgis(); }

    void everyRuleListedOnceWithHelp()
    {
      const RuleRegistry &registry = RuleRegistry::instance();
      QSet<QString> ids;
      int inChecks = 0;
      for ( const auto &check : registry.checks() )
      {
        QVERIFY( !check->rules().empty() );
        for ( const RuleInfo &rule : check->rules() )
        {
          ++inChecks;
          QVERIFY2( !ids.contains( rule.name() ), rule.id );
          ids.insert( rule.name() );
          QVERIFY2( QRegularExpression( "^[a-z]+(_[a-z]+)*$" ).match( rule.name() ).hasMatch(), rule.id );
          const QString help = QString::fromUtf8( rule.help );
          QVERIFY2( help.size() > 40 && help.endsWith( '.' ), rule.id );
          // ASCII: the generated doc must not depend on the locale of whoever regenerates it
          QVERIFY2( help.toLatin1() == help.toUtf8() && !help.contains( '|' ), rule.id );
          QVERIFY2( rule.needs & Line, rule.id );
          QVERIFY( !familyName( rule.family ).isEmpty() );
        }
      }
      QCOMPARE( static_cast<int>( registry.rules().size() ), inChecks );
      QCOMPARE( registry.ids(), Validator::allRules() );
      for ( const QString &id : registry.ids() )
        QCOMPARE( registry.ids().at( registry.index( id ) ), id );
      QCOMPARE( registry.index( "pillar_wobble" ), -1 );
      QVERIFY( !registry.rule( "pillar_wobble" ) );
    }

    void historicalIdsKeepOrderAndSeverity()
    {
      // outputs, accepted exceptions and workspaces refer to these ids; their order is the report order
      const QStringList historical{ "crs_mismatch", "empty_geometry", "invalid_geometry", "duplicate_vertex", "spike", "self_intersection", "self_overlap", "tiny_segment",
                                    "segment_code_duplicate", "segment_order", "segment_gap", "segment_overlap", "line_not_covered",
                                    "pillar_off_line", "pillar_order", "pillar_duplicate", "pillar_spacing", "turning_point_without_pillar", "pillar_survey_deviation",
                                    "territory_gap", "territory_overlap", "line_territory_mismatch", "enclave_not_closed", "tripoint_mismatch" };
      QStringList kept = Validator::allRules();
      kept.removeAll( "segment_off_line" ); // added later, in the segments family
      QCOMPARE( kept, historical );
      QCOMPARE( Validator::allRules().indexOf( "segment_off_line" ), Validator::allRules().indexOf( "line_not_covered" ) + 1 );
      const QStringList warnings{ "crs_mismatch", "duplicate_vertex", "tiny_segment", "turning_point_without_pillar" };
      for ( const QString &id : historical )
        QCOMPARE( Validator::severityOf( id ), warnings.contains( id ) ? QStringLiteral( "warning" ) : QStringLiteral( "error" ) );
    }

    void listRulesComesFromTheRegistry()
    {
      QString expected;
      for ( const RuleInfo *rule : RuleRegistry::instance().rules() )
        expected += rule->name().leftJustified( 30 ) + ' ' + severityName( rule->severity ) + '\n';
      QCOMPARE( rulesList(), expected );
      QCOMPARE( limesOutput( { "validate", "--list-rules" } ), expected );
      QCOMPARE( limesOutput( { "validate", "--list-rules", "--markdown" } ), rulesMarkdown() );
      const QString markdown = rulesMarkdown();
      for ( const RuleInfo *rule : RuleRegistry::instance().rules() )
        QVERIFY2( markdown.contains( QStringLiteral( "| `%1` | %2 | %3 |" ).arg( rule->name(), familyName( rule->family ), severityName( rule->severity ) ) ), rule->id );
    }

    void processingHelpComesFromTheRegistry()
    {
      const QString help = ValidateAlgorithm().shortHelpString();
      for ( const RuleInfo *rule : RuleRegistry::instance().rules() )
        QVERIFY2( help.contains( QStringLiteral( "<code>%1</code> (%2)" ).arg( rule->name(), severityName( rule->severity ) ) ), rule->id );
      for ( Family family : families() )
        QVERIFY( help.contains( QStringLiteral( "<b>%1</b>" ).arg( familyName( family ) ) ) );
    }

    void eachFamilyRunsAlone_data()
    {
      QTest::addColumn<int>( "family" );
      for ( Family family : families() )
        QTest::newRow( qPrintable( familyName( family ) ) ) << static_cast<int>( family );
    }

    void eachFamilyRunsAlone()
    {
      QFETCH( int, family );
      QStringList ids;
      for ( const RuleInfo *rule : RuleRegistry::instance().rules( static_cast<Family>( family ) ) )
        ids << rule->name();
      Faults all;
      const ValidationResult everything = Validator::run( all.request );
      const QStringList expected = only( describe( everything.findings ), ids );
      QVERIFY2( !expected.isEmpty(), "the fixture plants a fault of every family" );

      Faults alone;
      alone.request.rules = ids;
      const ValidationResult result = Validator::run( alone.request );
      QCOMPARE( describe( result.findings ), expected );
      QCOMPARE( result.rulesRun, only( everything.rulesRun, ids ) );
    }

    void eachRuleRunsAlone()
    {
      Faults all;
      const ValidationResult everything = Validator::run( all.request );
      const QStringList findings = describe( everything.findings );
      QSet<QString> fired;
      for ( const Finding &f : everything.findings )
        fired.insert( f.rule );
      for ( const QString &id : Validator::allRules() )
      {
        QVERIFY2( fired.contains( id ), qPrintable( id + " has no fault in the fixture" ) );
        Faults alone;
        alone.request.rules = QStringList{ id };
        const ValidationResult result = Validator::run( alone.request );
        QCOMPARE( describe( result.findings ), only( findings, { id } ) );
        QCOMPARE( result.rulesRun, QStringList{ id } );
        QVERIFY( result.rulesSkipped.isEmpty() );
      }
    }

    void missingInputsAreSkippedWithTheReason()
    {
      Faults f;
      f.request.segments = InputLayer();
      f.request.tripoints = InputLayer();
      f.request.rules = QStringList{ "segment_gap", "tripoint_mismatch", "spike" };
      const ValidationResult r = Validator::run( f.request );
      QCOMPARE( r.rulesRun, QStringList{ "spike" } );
      QCOMPARE( r.rulesSkipped.value( "segment_gap" ), QStringLiteral( "no segments layer given" ) );
      QCOMPARE( r.rulesSkipped.value( "tripoint_mismatch" ), QStringLiteral( "no tripoints layer given" ) );
    }
};

QGSTEST_MAIN( TestValidationRegistry )
#include "testvalidationregistry.moc"
