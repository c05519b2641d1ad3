// SPDX-License-Identifier: GPL-2.0-or-later
#include "forms/aboutdialog.h"
#include "pluginui.h"
#include "provider.h"
#include "testutils.h"
#include "versioninfo.h"

#include <QMainWindow>
#include <QMenuBar>
#include <QToolBar>
#include <QtTest>
#include <qgstest.h>

#include <qgsapplication.h>
#include <qgsprocessingregistry.h>

namespace
{
  QStringList menuTitles( QMainWindow &w )
  {
    QStringList titles;
    for ( QAction *a : w.menuBar()->actions() )
      titles << a->text().remove( '&' );
    return titles;
  }

  int limesToolBars( QMainWindow &w )
  {
    return w.findChildren<QToolBar *>( QStringLiteral( "mLimesToolBar" ) ).size();
  }

  QgsProcessingProvider *limesProvider()
  {
    return QgsApplication::processingRegistry()->providerById( QStringLiteral( "limes" ) );
  }
}

class TestPluginUi : public QObject
{
    Q_OBJECT

  private:
    QMainWindow *mWindow = nullptr;
    QAction *mHelp = nullptr;

  private slots:
    void initTestCase() { limes::test::initQgis(); }

    void init()
    {
      mWindow = new QMainWindow;
      mWindow->menuBar()->addMenu( QStringLiteral( "Project" ) );
      mHelp = mWindow->menuBar()->addMenu( QStringLiteral( "Help" ) )->menuAction();
    }

    void cleanup()
    {
      delete mWindow;
      QVERIFY( !limesProvider() );
    }

    void loadAddsMenuToolbarAndProvider()
    {
      limes::PluginUi ui( mWindow, mHelp );
      ui.load();
      QCOMPARE( menuTitles( *mWindow ), QStringList( { "Project", "Limes", "Help" } ) );
      QCOMPARE( limesToolBars( *mWindow ), 1 );
      QVERIFY( ui.toolBar()->actions().contains( ui.aboutAction() ) );
      QVERIFY( ui.menu()->actions().contains( ui.aboutAction() ) );
      QVERIFY( !ui.aboutAction()->icon().isNull() );
      QVERIFY( ui.menu()->actions().contains( ui.changeAction() ) );
      QVERIFY( ui.toolBar()->actions().contains( ui.changeAction() ) );
      QVERIFY( !ui.changeAction()->icon().isNull() );
      QgsProcessingProvider *provider = limesProvider();
      QVERIFY( provider );
      QCOMPARE( provider->name(), QStringLiteral( "Limes" ) );
      QVERIFY( !provider->icon().isNull() );
    }

    void unloadLeavesNothingBehind()
    {
      const QStringList before = menuTitles( *mWindow );
      const int childrenBefore = mWindow->findChildren<QObject *>().size();
      limes::PluginUi ui( mWindow, mHelp );
      ui.load();
      ui.unload();
      QVERIFY( !ui.isLoaded() );
      QCOMPARE( menuTitles( *mWindow ), before );
      QCOMPARE( limesToolBars( *mWindow ), 0 );
      QVERIFY( !limesProvider() );
      QCoreApplication::sendPostedEvents( nullptr, QEvent::DeferredDelete );
      QCOMPARE( mWindow->findChildren<QObject *>().size(), childrenBefore );
    }

    void reloadDoesNotDuplicate()
    {
      limes::PluginUi ui( mWindow, mHelp );
      for ( int i = 0; i < 3; ++i )
      {
        ui.load();
        ui.load(); // a second load without unload is a no-op
        QCOMPARE( menuTitles( *mWindow ).count( QStringLiteral( "Limes" ) ), 1 );
        QCOMPARE( limesToolBars( *mWindow ), 1 );
        QVERIFY( limesProvider() );
        ui.unload();
        QCOMPARE( limesToolBars( *mWindow ), 0 );
        QVERIFY( !limesProvider() );
      }
    }

    void destructionUnloads()
    {
      {
        limes::PluginUi ui( mWindow, mHelp );
        ui.load();
      }
      QCOMPARE( menuTitles( *mWindow ), QStringList( { "Project", "Help" } ) );
      QCOMPARE( limesToolBars( *mWindow ), 0 );
      QVERIFY( !limesProvider() );
    }

    void foreignProviderIsLeftAlone()
    {
      // Another copy of Limes (a second install path) registered first: we neither
      // register twice nor remove the other one on unload.
      auto *other = new limes::ProcessingProvider();
      QVERIFY( QgsApplication::processingRegistry()->addProvider( other ) );
      {
        limes::PluginUi ui( mWindow, mHelp );
        ui.load();
        QCOMPARE( limesProvider(), other );
      }
      QCOMPARE( limesProvider(), other );
      QgsApplication::processingRegistry()->removeProvider( other );
    }

    void withoutHelpMenuTheMenuIsAppended()
    {
      limes::PluginUi ui( mWindow, nullptr );
      ui.load();
      QCOMPARE( menuTitles( *mWindow ).last(), QStringLiteral( "Limes" ) );
    }

    void aboutShowsLibraryVersions()
    {
      limes::AboutDialog dialog;
      QCOMPARE( dialog.versionsText(), limes::VersionInfo::current().toText() );
      QVERIFY( dialog.versionsText().contains( QStringLiteral( "GEOS " ) ) );
    }
};

QGSTEST_MAIN( TestPluginUi )
#include "testpluginui.moc"
