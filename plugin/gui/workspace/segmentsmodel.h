// SPDX-License-Identifier: GPL-2.0-or-later
#ifndef LIMES_SEGMENTSMODEL_H
#define LIMES_SEGMENTSMODEL_H

#include <QAbstractTableModel>
#include <QDate>
#include <QSortFilterProxyModel>

namespace limes
{
  struct WorkspaceData;

  //! One row of the Segments dock.
  struct SegmentRow
  {
    QString code;
    int sequence = 0;
    QString status;          //!< as WorkspaceStore::segmentStatus() says it
    QString decision;        //!< of the newest entry
    QString protocol;
    QDate date;
    QString place;
    QString agreedVersion;   //!< of the standing agreement
    double lengthKm = -1;    //!< -1: no version's lines name the segment
  };

  /**
   * The segments of the open workspace: code, status, last decision, protocol, date,
   * agreed version, length. Display text is translated; SortRole gives values that sort
   * as people expect (order along the line, dates, numbers), StatusRole the status's class.
   */
  class SegmentsModel : public QAbstractTableModel
  {
      Q_OBJECT

    public:
      enum Column
      {
        CodeColumn,
        StatusColumn,
        DecisionColumn,
        ProtocolColumn,
        DateColumn,
        AgreedVersionColumn,
        LengthColumn,
        ColumnCount
      };
      enum Role
      {
        SortRole = Qt::UserRole + 1,
        StatusRole,
        CodeRole,
      };

      explicit SegmentsModel( QObject *parent = nullptr );

      void setWorkspace( const WorkspaceData &data );
      void clear();
      const QList<SegmentRow> &rows() const { return mRows; }
      //! Row of a segment; -1 when unknown.
      int rowOf( const QString &code ) const;

      int rowCount( const QModelIndex &parent = QModelIndex() ) const override;
      int columnCount( const QModelIndex &parent = QModelIndex() ) const override;
      QVariant data( const QModelIndex &index, int role = Qt::DisplayRole ) const override;
      QVariant headerData( int section, Qt::Orientation orientation, int role = Qt::DisplayRole ) const override;

    private:
      QList<SegmentRow> mRows;
  };

  //! Filters the segments by status and by text in any column; sorts by SortRole.
  class SegmentsFilterModel : public QSortFilterProxyModel
  {
      Q_OBJECT

    public:
      explicit SegmentsFilterModel( QObject *parent = nullptr );
      //! Empty: every status.
      void setStatus( const QString &status );
      void setText( const QString &text );

    protected:
      bool filterAcceptsRow( int sourceRow, const QModelIndex &sourceParent ) const override;

    private:
      QString mStatus;
      QString mText;
  };
}

#endif
