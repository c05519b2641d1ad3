// SPDX-License-Identifier: GPL-2.0-or-later
#ifndef LIMES_COMMAND_H
#define LIMES_COMMAND_H

#include "change/changeengine.h"

#include <QCommandLineParser>
#include <QString>
#include <QTextStream>

#include <limits>
#include <memory>
#include <vector>

#include <qgsvectorlayer.h>

namespace limes::cli
{
  /**
   * One `limes` subcommand. Commands throw limes::Error on bad input; main() is the one
   * boundary that turns it into a single line on stderr and exit code 2.
   */
  class Command
  {
    public:
      virtual ~Command() = default;

      virtual QString name() const = 0;
      //! One line for `limes --help`.
      virtual QString summary() const = 0;
      //! Positional arguments as shown in the usage line, e.g. "SRC [SRC...]".
      virtual QString synopsis() const = 0;
      virtual void addOptions( QCommandLineParser &parser ) const = 0;
      //! Returns the exit code (0 success, 1 a finding the command reports, 2 bad input).
      virtual int run( const QCommandLineParser &parser, QTextStream &out ) const = 0;
      //! Options only this command takes more than once, beside isRepeatable()'s (it checks their repeats itself).
      virtual QStringList repeatableOptions() const { return {}; }
  };

  //! Every subcommand, in the order `limes --help` lists them.
  const std::vector<std::unique_ptr<Command>> &commands();

  //! A number option's value (the fallback when not given); limes::Error unless a finite number in [min, max].
  double number( const QCommandLineParser &parser, const QString &option, double fallback, double min = 0,
                 double max = std::numeric_limits<double>::max() );

  /**
   * Options a user may give more than once (--water, --position, --signatory, --attachment,
   * --party, --trust): each adds a value. Every other option given twice is refused rather than one
   * of its values silently winning; a new repeatable option is added here.
   */
  bool isRepeatable( const QString &option );
  //! Why the parsed command line repeats a single-valued option of `command`, or "" when it does not.
  QString repeatedOption( const QCommandLineParser &parser, const Command &command );

  //! A source opened for an engine: the layer, and how the user named it.
  struct OpenedLayer
  {
    std::unique_ptr<QgsVectorLayer> layer;
    InputLayer input;
  };
  OpenedLayer openLayer( const QString &spec );

  //! The positional arguments; limes::Error unless there are at least min and (max >= 0) at most max.
  QStringList positional( const QCommandLineParser &parser, int min, int max = -1 );
}

#endif
