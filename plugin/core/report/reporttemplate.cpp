// SPDX-License-Identifier: GPL-2.0-or-later
#include "report/reporttemplate.h"
#include "error.h"

#include <QFile>
#include <QFileInfo>

#include <qgslayoutitem.h>
#include <qgslayoutmultiframe.h>
#include <qgsprintlayout.h>
#include <qgsproject.h>
#include <qgsreadwritecontext.h>

namespace limes::report
{
  QDomDocument readTemplate( const QString &path )
  {
    QFile file( path );
    if ( !QFileInfo( path ).isFile() || !file.open( QIODevice::ReadOnly ) )
      throw Error( QStringLiteral( "template not found or not readable" ), path );
    QDomDocument document;
    QString message;
    int line = 0;
    if ( !document.setContent( &file, &message, &line ) )
      throw Error( QStringLiteral( "not a layout template: line %1: %2" ).arg( line ).arg( message ), path );
    const QDomElement root = document.documentElement();
    if ( root.tagName() != QLatin1String( "Layout" ) || root.elementsByTagName( QStringLiteral( "LayoutItem" ) ).isEmpty() )
      throw Error( QStringLiteral( "not a layout template: a .qpt saved by QGIS's layout designer has a <Layout> with items" ), path );
    return document;
  }

  void applyTemplate( QgsPrintLayout &layout, const QDomDocument &document, const QString &path )
  {
    QgsReadWriteContext context;
    context.setPathResolver( layout.project()->pathResolver() );
    // Loaded as saved, a table that repeats its frames is reflowed while its frames are read
    // one by one, and loses the continuation frames the template placed (QGIS repeats the
    // first one instead): its frames are read as fixed, and its mode given back once all are in.
    QDomDocument fixed = document.cloneNode( true ).toDocument();
    QList<int> modes;
    const QDomNodeList multiFrames = fixed.elementsByTagName( QStringLiteral( "LayoutMultiFrame" ) );
    for ( int i = 0; i < multiFrames.size(); ++i )
    {
      QDomElement element = multiFrames.at( i ).toElement();
      modes << element.attribute( QStringLiteral( "resizeMode" ) ).toInt();
      element.setAttribute( QStringLiteral( "resizeMode" ), static_cast<int>( QgsLayoutMultiFrame::UseExistingFrames ) );
    }
    bool ok = false;
    const QList<QgsLayoutItem *> items = layout.loadFromTemplate( fixed, context, true, &ok );
    if ( !ok || items.isEmpty() )
      throw Error( QStringLiteral( "not a layout template: QGIS could not load it" ), path );
    const QList<QgsLayoutMultiFrame *> loaded = layout.multiFrames(); // in the template's order
    for ( int i = 0; i < loaded.size() && i < modes.size(); ++i )
      loaded.at( i )->setResizeMode( static_cast<QgsLayoutMultiFrame::ResizeMode>( modes.at( i ) ) );
  }

  void saveTemplate( const QgsPrintLayout &layout, const QString &path )
  {
    if ( !layout.saveAsTemplate( path, QgsReadWriteContext() ) )
      throw Error( QStringLiteral( "cannot write the template" ), path );
  }
}
