// SPDX-License-Identifier: GPL-2.0-or-later
#include "validation/ruledocs.h"
#include "validation/registry.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace limes::validation
{
  QString rulesList()
  {
    QString text;
    for ( const RuleInfo *rule : RuleRegistry::instance().rules() )
      text += QStringLiteral( "%1 %2\n" ).arg( rule->name(), -30 ).arg( severityName( rule->severity ) );
    return text;
  }

  QString rulesMarkdown()
  {
    QString text = QStringLiteral(
                     "<!-- Generated from the rule registry (plugin/core/validation/registry.cpp) by\n"
                     "     `limes validate --list-rules --markdown > docs/validation-rules.md`. Do not edit by hand:\n"
                     "     the test validation_rules_doc fails when this file and the registry differ. -->\n"
                     "# Validation rules\n\n"
                     "`limes validate` and the Processing algorithm `limes:validate` check a boundary line, and where\n"
                     "given its segments, pillars, territories and tripoints, against these rules. The ids are\n"
                     "stable: outputs, accepted exceptions and the commission workspace refer to them. Distances\n"
                     "are measured on the ellipsoid and compared with the tolerance (`--tolerance`, metres, default\n"
                     "0.5). A rule whose inputs are not given is listed as not run, with the reason. Findings of\n"
                     "error severity the commission has not accepted make the exit code 1; warnings do not.\n\n"
                     "| rule | family | severity | needs | what it finds |\n"
                     "|---|---|---|---|---|\n" );
    const RuleRegistry &registry = RuleRegistry::instance();
    for ( Family family : families() )
      for ( const RuleInfo *rule : registry.rules( family ) )
        text += QStringLiteral( "| `%1` | %2 | %3 | %4 | %5 |\n" )
                .arg( rule->name(), familyName( family ), severityName( rule->severity ), inputNames( rule->needs ),
                      QString::fromUtf8( rule->help ).replace( QLatin1Char( '|' ), QLatin1String( "\\|" ) ) );
    return text;
  }

  QString rulesHelpHtml()
  {
    QString html;
    const RuleRegistry &registry = RuleRegistry::instance();
    for ( Family family : families() )
    {
      html += QStringLiteral( "<p><b>%1</b></p><ul>" ).arg( familyName( family ) );
      for ( const RuleInfo *rule : registry.rules( family ) )
      {
        // `--spike-angle` in the help reads as code in the panel too
        static const QRegularExpression code( QStringLiteral( "`([^`]*)`" ) );
        const QString help = QCoreApplication::translate( "limes::validation", rule->help ).toHtmlEscaped().replace( code, QStringLiteral( "<code>\\1</code>" ) );
        html += QStringLiteral( "<li><code>%1</code> (%2): %3</li>" ).arg( rule->name(), severityName( rule->severity ), help );
      }
      html += QLatin1String( "</ul>" );
    }
    return html;
  }
}
