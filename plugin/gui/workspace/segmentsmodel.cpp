// SPDX-License-Identifier: GPL-2.0-or-later
#include "segmentsmodel.h"
#include "layerstyles.h"
#include "workspacesession.h"

#include <QBrush>
#include <QLocale>

namespace limes
{
  SegmentsModel::SegmentsModel( QObject *parent )
    : QAbstractTableModel( parent )
  {}

  void SegmentsModel::setWorkspace( const WorkspaceData &data )
  {
    beginResetModel();
    mRows.clear();
    for ( const Segment &s : data.segments )
    {
      SegmentRow row;
      row.code = s.code;
      row.sequence = s.sequence;
      row.status = data.status.value( s.code, QStringLiteral( "no decision yet" ) );
      if ( const LedgerEntry *last = data.lastEntry( s.code ) )
      {
        row.decision = last->input.decision;
        row.protocol = last->input.protocol;
        row.date = last->input.meetingDate;
        row.place = last->input.place;
        if ( last->input.decision == QLatin1String( "agreed" ) )
          row.agreedVersion = last->input.agreedVersion;
      }
      row.lengthKm = data.lengthKm.value( s.code, -1 );
      mRows << row;
    }
    endResetModel();
  }

  void SegmentsModel::clear()
  {
    beginResetModel();
    mRows.clear();
    endResetModel();
  }

  int SegmentsModel::rowOf( const QString &code ) const
  {
    for ( int i = 0; i < mRows.size(); ++i )
      if ( mRows[i].code == code )
        return i;
    return -1;
  }

  int SegmentsModel::rowCount( const QModelIndex &parent ) const
  {
    return parent.isValid() ? 0 : static_cast<int>( mRows.size() );
  }

  int SegmentsModel::columnCount( const QModelIndex &parent ) const
  {
    return parent.isValid() ? 0 : ColumnCount;
  }

  QVariant SegmentsModel::data( const QModelIndex &index, int role ) const
  {
    if ( !index.isValid() || index.row() >= mRows.size() )
      return QVariant();
    const SegmentRow &r = mRows[index.row()];
    if ( role == StatusRole )
      return statusClass( r.status );
    if ( role == CodeRole )
      return r.code;
    if ( role == SortRole )
    {
      switch ( index.column() )
      {
        case CodeColumn:
          return r.sequence;
        case DateColumn:
          return r.date;
        case LengthColumn:
          return r.lengthKm;
        case ProtocolColumn:
        {
          bool numeric = false;
          const double n = r.protocol.toDouble( &numeric );
          return numeric ? QVariant( n ) : QVariant( r.protocol );
        }
        default:
          return data( index, Qt::DisplayRole );
      }
    }
    if ( role == Qt::DecorationRole && index.column() == StatusColumn )
      return statusColour( r.status );
    if ( role == Qt::TextAlignmentRole && index.column() == LengthColumn )
      return static_cast<int>( Qt::AlignRight | Qt::AlignVCenter );
    if ( role == Qt::ToolTipRole && index.column() == DecisionColumn && !r.place.isEmpty() )
      return tr( "Recorded at %1" ).arg( r.place );
    if ( role != Qt::DisplayRole )
      return QVariant();
    switch ( index.column() )
    {
      case CodeColumn:
        return r.code;
      case StatusColumn:
        return statusLabel( r.status );
      case DecisionColumn:
        return r.decision.isEmpty() ? QString() : statusLabel( r.decision == QLatin1String( "referred" ) ? QStringLiteral( "referred to working group" ) : r.decision );
      case ProtocolColumn:
        return r.protocol;
      case DateColumn:
        return r.date.isValid() ? r.date.toString( Qt::ISODate ) : QString();
      case AgreedVersionColumn:
        return r.agreedVersion;
      case LengthColumn:
        return r.lengthKm < 0 ? QString() : QLocale().toString( r.lengthKm, 'f', 2 );
      default:
        return QVariant();
    }
  }

  QVariant SegmentsModel::headerData( int section, Qt::Orientation orientation, int role ) const
  {
    if ( orientation != Qt::Horizontal || role != Qt::DisplayRole )
      return QAbstractTableModel::headerData( section, orientation, role );
    switch ( section )
    {
      case CodeColumn:
        return tr( "Segment" );
      case StatusColumn:
        return tr( "Status" );
      case DecisionColumn:
        return tr( "Last decision" );
      case ProtocolColumn:
        return tr( "Protocol" );
      case DateColumn:
        return tr( "Date" );
      case AgreedVersionColumn:
        return tr( "Agreed version" );
      case LengthColumn:
        return tr( "Length (km)" );
      default:
        return QVariant();
    }
  }

  SegmentsFilterModel::SegmentsFilterModel( QObject *parent )
    : QSortFilterProxyModel( parent )
  {
    setSortRole( SegmentsModel::SortRole );
  }

  void SegmentsFilterModel::setStatus( const QString &status )
  {
    mStatus = status;
    invalidateFilter();
  }

  void SegmentsFilterModel::setText( const QString &text )
  {
    mText = text.trimmed();
    invalidateFilter();
  }

  bool SegmentsFilterModel::filterAcceptsRow( int sourceRow, const QModelIndex &sourceParent ) const
  {
    const QAbstractItemModel *model = sourceModel();
    if ( !mStatus.isEmpty() && model->index( sourceRow, 0, sourceParent ).data( SegmentsModel::StatusRole ).toString() != mStatus )
      return false;
    if ( mText.isEmpty() )
      return true;
    for ( int c = 0; c < model->columnCount( sourceParent ); ++c )
      if ( model->index( sourceRow, c, sourceParent ).data().toString().contains( mText, Qt::CaseInsensitive ) )
        return true;
    return false;
  }
}
