// SPDX-License-Identifier: GPL-2.0-or-later
#ifndef LIMES_CLI_TERMINAL_H
#define LIMES_CLI_TERMINAL_H

#include <QString>

namespace limes::cli
{
  enum class Newlines
  {
    Escape,  //!< one line: a newline in the text is shown as \n
    Keep,    //!< where the output format has lines of its own
  };

  /**
   * Text from users or files (names, notes, positions, messages) as it may reach a terminal:
   * C0 and C1 control characters, DEL and the Unicode direction overrides are shown escaped
   * (`\x1b`, `\u202e`), so a ledger field cannot move the cursor, retitle the window or
   * reorder what a reader sees. Everything else is kept as it is.
   */
  QString terminalSafe( const QString &text, Newlines newlines = Newlines::Escape );
}

#endif
