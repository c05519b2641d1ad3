// SPDX-License-Identifier: GPL-2.0-or-later
#include "report/reporttext.h"
#include "error.h"
#include "translations.h"

#include <QCoreApplication>

namespace limes::report
{
  QStringList ReportText::languages()
  {
    return { QStringLiteral( "en" ), QStringLiteral( "ru" ) };
  }

  ReportText::ReportText( const QString &language )
    : mLanguage( language )
  {
    if ( !languages().contains( language ) )
      throw Error( QStringLiteral( "unknown report language '%1' (one of: %2)" ).arg( language, languages().join( QStringLiteral( ", " ) ) ) );
    initTranslations(); // compiled into the core: the CLI writes Russian reports too
    // the language's decimal separator, no grouping: a figure reads back from the PDF exactly
    // as the summary has it (the Russian group separator is a no-break space)
    mLocale = language == QLatin1String( "ru" ) ? QLocale( QLocale::Russian, QLocale::Russia ) : QLocale( QLocale::English, QLocale::UnitedKingdom );
    mLocale.setNumberOptions( QLocale::OmitGroupSeparator );
    if ( language != QLatin1String( "en" ) )
    {
      mTranslator = std::make_unique<QTranslator>();
      if ( !mTranslator->load( QStringLiteral( ":/limes/i18n/limes_%1.qm" ).arg( language ) ) )
        throw Error( QStringLiteral( "the report's %1 translation is missing from this build" ).arg( language ) );
    }
  }

  ReportText::~ReportText() = default;

  QString ReportText::phrase( const char *source ) const
  {
    if ( mTranslator )
    {
      const QString t = mTranslator->translate( "limes::report", source );
      if ( !t.isEmpty() )
        return t;
    }
    return QString::fromUtf8( source );
  }

  QString ReportText::number( double value, int decimals ) const
  {
    QString s = mLocale.toString( value, 'f', decimals );
    if ( s.startsWith( QLatin1Char( '-' ) ) && mLocale.toDouble( s.mid( 1 ) ) == 0 )
      s.remove( 0, 1 ); // no "-0.0000"
    return s;
  }

  QString ReportText::integer( long long value ) const
  {
    return mLocale.toString( value );
  }

  QString ReportText::date( const QDate &date ) const
  {
    if ( !date.isValid() )
      return QStringLiteral( "—" );
    return mLanguage == QLatin1String( "ru" ) ? date.toString( QStringLiteral( "dd.MM.yyyy" ) ) : date.toString( Qt::ISODate );
  }
}
