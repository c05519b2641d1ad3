// SPDX-License-Identifier: GPL-2.0-or-later
#ifndef LIMES_VALIDATION_RULEDOCS_H
#define LIMES_VALIDATION_RULEDOCS_H

#include <QString>

// What users read about the rules, made from the registry so that it cannot drift from the code.
namespace limes::validation
{
  //! `limes validate --list-rules`: one line per rule, "id severity", in report order.
  QString rulesList();

  //! docs/validation-rules.md (`limes validate --list-rules --markdown`), English.
  QString rulesMarkdown();

  //! The rules by family for the Processing help, with translated help texts.
  QString rulesHelpHtml();
}

#endif
