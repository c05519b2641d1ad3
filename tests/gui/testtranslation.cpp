// SPDX-License-Identifier: GPL-2.0-or-later
// Translations: the plugin installs the compiled-in .qm for QgsApplication::locale(), so that
// with QGIS in Russian the menu, the docks and the forms are in Russian, the plural forms
// follow Russian grammar, and with any other locale Limes stays English. The .ts sources:
// every Russian message finished and keeping its source's placeholders, markup, accelerator
// and ellipsis; and nothing the code shows missing from them (lupdate finds no new text).
#include "forms/openworkspacedialog.h"
#include "forms/recorddecisiondialog.h"
#include "desktoptest.h"
#include "pluginui.h"
#include "validation/registry.h"
#include "workspace/segmentsdock.h"
#include "workspace/segmentsmodel.h"
#include "workspace/workspacesession.h"
#include "workspace/connections.h"

#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QTableView>
#include <QTemporaryDir>
#include <QTranslator>
#include <QXmlStreamReader>
#include <QtTest>
#include <qgstest.h>

#include <qgsproject.h>
#include <qgssettings.h>

namespace
{
  struct TsMessage
  {
    QString context;
    QString source;
    bool numerus = false;
    bool unfinished = false;
    QStringList translations; //!< one, or the numerus forms
  };

  QList<TsMessage> readTs( const QString &path )
  {
    QList<TsMessage> messages;
    QFile file( path );
    if ( !file.open( QIODevice::ReadOnly ) )
      return messages;
    QXmlStreamReader xml( &file );
    QString context;
    TsMessage m;
    while ( !xml.atEnd() )
    {
      xml.readNext();
      if ( !xml.isStartElement() )
      {
        if ( xml.isEndElement() && xml.name() == QLatin1String( "message" ) )
          messages << m;
        continue;
      }
      if ( xml.name() == QLatin1String( "name" ) )
        context = xml.readElementText();
      else if ( xml.name() == QLatin1String( "message" ) )
      {
        m = TsMessage();
        m.context = context;
        m.numerus = xml.attributes().value( QLatin1String( "numerus" ) ) == QLatin1String( "yes" );
      }
      else if ( xml.name() == QLatin1String( "source" ) )
        m.source = xml.readElementText();
      else if ( xml.name() == QLatin1String( "translation" ) )
      {
        m.unfinished = xml.attributes().value( QLatin1String( "type" ) ) == QLatin1String( "unfinished" );
        if ( !m.numerus )
          m.translations << xml.readElementText();
      }
      else if ( xml.name() == QLatin1String( "numerusform" ) )
        m.translations << xml.readElementText();
    }
    if ( xml.hasError() )
      messages.clear();
    return messages;
  }

  //! What a translation must keep of its source: placeholders, markup, accelerator, line breaks, ellipsis, outer spaces.
  QStringList keepables( const QString &text )
  {
    QStringList found;
    static const QRegularExpression re( QStringLiteral( "%L?\\d+|%n|<[^>]+>|&(?=\\w)|\\n|…" ) );
    QRegularExpressionMatchIterator it = re.globalMatch( text );
    while ( it.hasNext() )
      found << it.next().captured();
    found.sort();
    if ( text.endsWith( QChar( 0x2026 ) ) )
      found << QStringLiteral( "(ends with …)" );
    if ( text.startsWith( ' ' ) )
      found << QStringLiteral( "(leading space)" );
    if ( text.endsWith( ' ' ) )
      found << QStringLiteral( "(trailing space)" );
    return found;
  }

  bool hasCyrillic( const QString &text )
  {
    static const QRegularExpression re( QStringLiteral( "[\\x{0400}-\\x{04FF}]" ) );
    return text.contains( re );
  }

  QString findingsLine( int n )
  {
    return QCoreApplication::translate( "limes::ValidateDock", "%1 — %n finding(s)", nullptr, n ).arg( QStringLiteral( "pillar_spacing" ) );
  }
}

class TestTranslation : public limes::test::DesktopTest
{
    Q_OBJECT

  private:
    static void setQgisLocale( const QString &locale )
    {
      QgsSettings settings;
      settings.setValue( QStringLiteral( "locale/overrideFlag" ), true );
      settings.setValue( QStringLiteral( "locale/userLocale" ), locale );
    }

  private slots:
    void initTestCase()
    {
      limes::test::initQgis();
      mWs = limes::test::makeSampleWorkspace( mDir.path() );
    }

    void cleanup()
    {
      closeDesktop();
      QgsSettings settings;
      settings.remove( QStringLiteral( "locale/overrideFlag" ) );
      settings.remove( QStringLiteral( "locale/userLocale" ) );
    }

    void russianMenuAndDock_data()
    {
      QTest::addColumn<QString>( "locale" );
      QTest::newRow( "ru" ) << QStringLiteral( "ru" );
      QTest::newRow( "ru_RU" ) << QStringLiteral( "ru_RU" ); // QTranslator falls back to limes_ru
    }

    void russianMenuAndDock()
    {
      QFETCH( QString, locale );
      setQgisLocale( locale );
      QCOMPARE( QgsApplication::locale(), locale );
      loadLimes();
      QVERIFY( mUi->translator() );
      QCOMPARE( mUi->menu()->title(), QStringLiteral( "&Limes" ) );
      QCOMPARE( mUi->openAction()->text(), QStringLiteral( "Открыть рабочую область…" ) );
      QCOMPARE( mUi->newAction()->text(), QStringLiteral( "Новая рабочая область…" ) );
      QCOMPARE( mUi->recordAction()->text(), QStringLiteral( "Внести решение…" ) );
      QCOMPARE( mUi->compareAction()->text(), QStringLiteral( "Сравнить версии…" ) );
      QCOMPARE( mUi->validateAction()->text(), QStringLiteral( "Проверить…" ) );
      QCOMPARE( mUi->aboutAction()->text(), QStringLiteral( "О программе Limes…" ) );
      QCOMPARE( mUi->segmentsDock()->windowTitle(), QStringLiteral( "Limes: участки" ) );

      QVERIFY( openWorkspace() );
      limes::SegmentsModel *model = mUi->segmentsDock()->model();
      QCOMPARE( model->headerData( limes::SegmentsModel::CodeColumn, Qt::Horizontal, Qt::DisplayRole ).toString(), QStringLiteral( "Участок" ) );
      QCOMPARE( model->headerData( limes::SegmentsModel::StatusColumn, Qt::Horizontal, Qt::DisplayRole ).toString(), QStringLiteral( "Статус" ) );
      // S-001 is agreed and signed by both parties in the fixture: its status reads in Russian
      const int row = model->rowOf( QStringLiteral( "S-001" ) );
      QVERIFY( row >= 0 );
      QCOMPARE( model->index( row, limes::SegmentsModel::StatusColumn ).data().toString(), QStringLiteral( "согласовано" ) );
    }

    void russianRecordDecisionForm()
    {
      setQgisLocale( QStringLiteral( "ru" ) );
      loadLimes();
      QVERIFY( openWorkspace() );
      limes::RecordDecisionDialog dialog( mUi->session()->data(), QStringLiteral( "S-002" ), QString(), []( const limes::LedgerEntryInput & ) { return QString(); } );
      QCOMPARE( dialog.windowTitle(), QStringLiteral( "Внесение решения" ) );
      QCOMPARE( dialog.findChild<QLabel *>( QStringLiteral( "mProtocolLabel" ) )->text(), QStringLiteral( "Номер протокола" ) );
      QCOMPARE( dialog.findChild<QLabel *>( QStringLiteral( "mDateLabel" ) )->text(), QStringLiteral( "Дата заседания" ) );
      QCOMPARE( dialog.findChild<QDialogButtonBox *>()->button( QDialogButtonBox::Save )->text(), QStringLiteral( "Внести" ) );
      QVERIFY2( dialog.problems().contains( QStringLiteral( "Укажите номер протокола." ) ), qPrintable( dialog.problems().join( '\n' ) ) );

      limes::OpenWorkspaceDialog open;
      QCOMPARE( open.windowTitle(), QStringLiteral( "Открыть рабочую область комиссии" ) );
    }

    void russianPluralsAndRuleHelp()
    {
      setQgisLocale( QStringLiteral( "ru" ) );
      loadLimes();
      // Russian's three forms: 1, 21 (one); 3, 22 (few); 5, 11, 12 (many)
      QCOMPARE( findingsLine( 1 ), QStringLiteral( "pillar_spacing — 1 замечание" ) );
      QCOMPARE( findingsLine( 21 ), QStringLiteral( "pillar_spacing — 21 замечание" ) );
      QCOMPARE( findingsLine( 3 ), QStringLiteral( "pillar_spacing — 3 замечания" ) );
      QCOMPARE( findingsLine( 22 ), QStringLiteral( "pillar_spacing — 22 замечания" ) );
      QCOMPARE( findingsLine( 5 ), QStringLiteral( "pillar_spacing — 5 замечаний" ) );
      QCOMPARE( findingsLine( 11 ), QStringLiteral( "pillar_spacing — 11 замечаний" ) );
      QCOMPARE( findingsLine( 12 ), QStringLiteral( "pillar_spacing — 12 замечаний" ) );
      // the core's rule help, shown in the Validate panel and the Processing help
      for ( const limes::validation::RuleInfo *rule : limes::validation::RuleRegistry::instance().rules() )
      {
        const QString help = QCoreApplication::translate( "limes::validation", rule->help );
        QVERIFY2( hasCyrillic( help ), rule->id );
      }
      // unloading takes the translator with it
      mUi->unload();
      QCOMPARE( findingsLine( 5 ), QStringLiteral( "pillar_spacing — 5 finding(s)" ) );
    }

    void englishStaysEnglish_data()
    {
      QTest::addColumn<QString>( "locale" );
      QTest::addColumn<bool>( "translator" );
      QTest::newRow( "en_US" ) << QStringLiteral( "en_US" ) << true; // the plural forms only
      QTest::newRow( "de" ) << QStringLiteral( "de" ) << false;       // no German: English
    }

    void englishStaysEnglish()
    {
      QFETCH( QString, locale );
      QFETCH( bool, translator );
      setQgisLocale( locale );
      loadLimes();
      QCOMPARE( mUi->translator() != nullptr, translator );
      QCOMPARE( mUi->openAction()->text(), QStringLiteral( "Open Workspace…" ) );
      QCOMPARE( mUi->recordAction()->text(), QStringLiteral( "Record Decision…" ) );
      QCOMPARE( mUi->segmentsDock()->windowTitle(), QStringLiteral( "Limes Segments" ) );
      limes::OpenWorkspaceDialog open;
      QCOMPARE( open.windowTitle(), QStringLiteral( "Open Commission Workspace" ) );
      if ( translator )
      {
        QCOMPARE( findingsLine( 1 ), QStringLiteral( "pillar_spacing — 1 finding" ) );
        QCOMPARE( findingsLine( 5 ), QStringLiteral( "pillar_spacing — 5 findings" ) );
      }
    }

    void russianTsComplete()
    {
      const QList<TsMessage> messages = readTs( limes::test::sourcePath( QStringLiteral( "i18n/limes_ru.ts" ) ) );
      QVERIFY( messages.size() > 300 );
      QStringList bad;
      for ( const TsMessage &m : messages )
      {
        const QString where = m.context + QStringLiteral( ": " ) + m.source;
        if ( m.unfinished )
          bad << QStringLiteral( "unfinished: " ) + where;
        if ( m.translations.size() != ( m.numerus ? 3 : 1 ) )
          bad << QStringLiteral( "%1 forms: " ).arg( m.translations.size() ) + where;
        for ( const QString &t : m.translations )
        {
          if ( t.trimmed().isEmpty() )
            bad << QStringLiteral( "empty: " ) + where;
          else if ( keepables( t ) != keepables( m.source ) )
            bad << QStringLiteral( "keeps %1, source %2: " ).arg( keepables( t ).join( ' ' ), keepables( m.source ).join( ' ' ) ) + where;
        }
      }
      QVERIFY2( bad.isEmpty(), qPrintable( bad.join( '\n' ) ) );
    }

    void englishTsHoldsPluralsOnly()
    {
      const QList<TsMessage> messages = readTs( limes::test::sourcePath( QStringLiteral( "i18n/limes_en.ts" ) ) );
      QVERIFY( !messages.isEmpty() );
      for ( const TsMessage &m : messages )
      {
        QVERIFY2( m.numerus && !m.unfinished && m.translations.size() == 2, qPrintable( m.source ) );
        for ( const QString &t : m.translations )
          QCOMPARE( keepables( t ), keepables( m.source ) );
      }
    }

    void tsCurrentWithTheCode()
    {
      // lupdate over what the desktop shows, into a copy: no text of the code may be new to it
      if ( QStringLiteral( LIMES_LUPDATE ).isEmpty() )
        QSKIP( "lupdate not found at configure time" );
      QTemporaryDir dir;
      const QString copy = dir.filePath( QStringLiteral( "limes_ru.ts" ) );
      QVERIFY( QFile::copy( limes::test::sourcePath( QStringLiteral( "i18n/limes_ru.ts" ) ), copy ) );
      QProcess lupdate;
      lupdate.setWorkingDirectory( limes::test::sourcePath( QString() ) );
      lupdate.setProgram( QStringLiteral( LIMES_LUPDATE ) );
      lupdate.setArguments( { QStringLiteral( "-no-obsolete" ), QStringLiteral( "-locations" ), QStringLiteral( "none" ), QStringLiteral( "plugin/gui" ), QStringLiteral( "ui" ),
                              QStringLiteral( "plugin/processing" ), QStringLiteral( "plugin/core" ), QStringLiteral( "-ts" ), copy } );
      lupdate.open(); // start() with the program set: the form clazy's Qt 6 check accepts
      QVERIFY( lupdate.waitForFinished( 120000 ) );
      QCOMPARE( lupdate.exitCode(), 0 );
      QStringList missing;
      for ( const TsMessage &m : readTs( copy ) )
        if ( m.unfinished )
          missing << m.context + QStringLiteral( ": " ) + m.source;
      QVERIFY2( missing.isEmpty(), qPrintable( QStringLiteral( "not in i18n/limes_ru.ts (run the limes_lupdate target and translate):\n" ) + missing.join( '\n' ) ) );
    }
};

QGSTEST_MAIN( TestTranslation )
#include "testtranslation.moc"
