// SPDX-License-Identifier: GPL-2.0-or-later
#ifndef LIMES_REPORT_REPORTTEXT_H
#define LIMES_REPORT_REPORTTEXT_H

#include <QDate>
#include <QLocale>
#include <QString>
#include <QTranslator>

#include <memory>

namespace limes::report
{
  /**
   * The report's language: its words (i18n/limes_LANG.ts, context "limes::report", marked
   * with QT_TRANSLATE_NOOP so lupdate finds them) and how it writes numbers and dates. Chosen
   * per report, whatever language the application speaks: nothing is installed globally.
   */
  class ReportText
  {
    public:
      //! "en" or "ru"; limes::Error for any other.
      explicit ReportText( const QString &language );
      ~ReportText();
      ReportText( const ReportText & ) = delete;
      ReportText &operator=( const ReportText & ) = delete;

      QString language() const { return mLanguage; }
      //! The languages a report can be written in.
      static QStringList languages();

      //! `source` (a QT_TRANSLATE_NOOP( "limes::report", … ) literal) in the report's language.
      QString phrase( const char *source ) const;
      //! A number with `decimals` decimals, the language's decimal separator and no grouping (1234.5 / 1234,5).
      QString number( double value, int decimals ) const;
      QString integer( long long value ) const;
      //! Square metres as hectares (4 decimals) and square kilometres (6 decimals).
      QString hectares( double m2 ) const { return number( m2 / 10000.0, 4 ); }
      QString squareKm( double m2 ) const { return number( m2 / 1e6, 6 ); }
      QString kilometres( double m ) const { return number( m / 1000.0, 3 ); }
      QString date( const QDate &date ) const;
      const QLocale &locale() const { return mLocale; }

    private:
      QString mLanguage;
      QLocale mLocale;
      std::unique_ptr<QTranslator> mTranslator;
  };
}

#endif
