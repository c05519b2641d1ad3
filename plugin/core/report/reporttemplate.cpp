// SPDX-License-Identifier: GPL-2.0-or-later
#include "report/reporttemplate.h"
#include "error.h"

#include <QFile>
#include <QFileInfo>

#include <qgslayoutitem.h>
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
    bool ok = false;
    const QList<QgsLayoutItem *> items = layout.loadFromTemplate( document, context, true, &ok );
    if ( !ok || items.isEmpty() )
      throw Error( QStringLiteral( "not a layout template: QGIS could not load it" ), path );
  }

  void saveTemplate( const QgsPrintLayout &layout, const QString &path )
  {
    if ( !layout.saveAsTemplate( path, QgsReadWriteContext() ) )
      throw Error( QStringLiteral( "cannot write the template" ), path );
  }
}
