// SPDX-License-Identifier: GPL-2.0-or-later
#include "segmentdetail.h"
#include "layerstyles.h"
#include "workspacesession.h"
#include "workspace/segmentsplit.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QUrl>

#include <cmath>

namespace limes
{
  namespace
  {
    QString esc( const QString &text )
    {
      return text.toHtmlEscaped();
    }

    QString entryHtml( const WorkspaceData &data, const LedgerEntry &e, long long supersededBy )
    {
      const LedgerEntryInput &in = e.input;
      QString head = QCoreApplication::translate( "limes::SegmentDetail", "#%1 · protocol %2 of %3" )
                     .arg( e.id ).arg( esc( in.protocol ), in.meetingDate.toString( Qt::ISODate ) );
      if ( !in.place.isEmpty() )
        head += QStringLiteral( ", " ) + esc( in.place );
      QString decision = QStringLiteral( "<b>%1</b>" ).arg( esc( statusLabel( in.decision == QLatin1String( "referred" ) ? QStringLiteral( "referred to working group" ) : in.decision ) ) );
      if ( !in.agreedVersion.isEmpty() )
        decision += QCoreApplication::translate( "limes::SegmentDetail", " — version %1" ).arg( esc( in.agreedVersion ) );
      QString html = QStringLiteral( "<p style=\"margin:0\">%1: %2" ).arg( head, decision );
      if ( in.supersedes >= 0 )
        html += QCoreApplication::translate( "limes::SegmentDetail", " (corrects #%1)" ).arg( in.supersedes );
      if ( supersededBy >= 0 )
        html += QCoreApplication::translate( "limes::SegmentDetail", " — superseded by #%1" ).arg( supersededBy );
      html += QStringLiteral( "</p><ul style=\"margin-top:0\">" );
      for ( const Party &p : data.parties )
      {
        const QString position = in.positions.value( p.code );
        const QStringList signatories = in.signatories.value( p.code );
        if ( position.isEmpty() && signatories.isEmpty() )
          continue;
        QString line = QStringLiteral( "<b>%1</b>" ).arg( esc( p.code ) );
        if ( !position.isEmpty() )
          line += QStringLiteral( ": " ) + esc( position );
        if ( !signatories.isEmpty() )
          line += QCoreApplication::translate( "limes::SegmentDetail", " — signatories: %1" ).arg( esc( signatories.join( QLatin1String( ", " ) ) ) );
        html += QStringLiteral( "<li>%1</li>" ).arg( line );
      }
      if ( e.format >= 2 )
      {
        QString signatures = e.signerParty == QLatin1String( "SECRETARIAT" ) ? QCoreApplication::translate( "limes::SegmentDetail", "signed with the secretariat's key" )
                             : QCoreApplication::translate( "limes::SegmentDetail", "signed with %1's key" ).arg( esc( e.signerParty ) );
        const QStringList awaiting = data.awaiting( e );
        if ( in.decision == QLatin1String( "agreed" ) )
        {
          QStringList parties( data.signedBy.value( e.id ).cbegin(), data.signedBy.value( e.id ).cend() );
          parties.sort();
          signatures += awaiting.isEmpty() ? QCoreApplication::translate( "limes::SegmentDetail", "; in force: signed for %1" ).arg( esc( parties.join( QLatin1String( ", " ) ) ) )
                        : QCoreApplication::translate( "limes::SegmentDetail", "; <b>awaiting the signature of %1</b>" ).arg( esc( awaiting.join( QLatin1String( ", " ) ) ) );
        }
        html += QStringLiteral( "<li>%1</li>" ).arg( signatures );
      }
      for ( auto a = e.attachmentHashes.cbegin(); a != e.attachmentHashes.cend(); ++a )
        html += QStringLiteral( "<li>%1 <a href=\"%2\">%3</a> <span style=\"color:gray\">SHA-256 %4…</span></li>" )
                .arg( QCoreApplication::translate( "limes::SegmentDetail", "Attachment" ), QUrl::fromLocalFile( a.key() ).toString(), esc( QFileInfo( a.key() ).fileName() ), a.value().left( 16 ) );
      html += QStringLiteral( "<li style=\"color:gray\">%1</li></ul>" )
              .arg( QCoreApplication::translate( "limes::SegmentDetail", "recorded by %1, %2" ).arg( esc( in.author ), esc( e.recordedUtc ) ) );
      return supersededBy >= 0 ? QStringLiteral( "<div style=\"color:#777\"><s>%1</s></div>" ).arg( html ) : html;
    }
  }

  QString segmentDetailHtml( const WorkspaceData &data, const QString &segment )
  {
    if ( segment.isEmpty() )
      return QStringLiteral( "<p style=\"color:gray\">%1</p>" ).arg( QCoreApplication::translate( "limes::SegmentDetail", "Select a segment to see its ledger, claims and pillars." ) );
    QString html = QStringLiteral( "<h3>%1 — %2</h3>" ).arg( esc( segment ), esc( statusLabel( data.status.value( segment ) ) ) );

    html += QStringLiteral( "<h4>%1</h4>" ).arg( QCoreApplication::translate( "limes::SegmentDetail", "Ledger" ) );
    const QList<LedgerEntry> entries = data.entries( segment );
    QMap<long long, long long> supersededBy;
    for ( const LedgerEntry &e : entries )
      if ( e.input.supersedes >= 0 )
        supersededBy.insert( e.input.supersedes, e.id );
    for ( const LedgerEntry &e : entries )
      html += entryHtml( data, e, supersededBy.value( e.id, -1 ) );
    if ( entries.isEmpty() )
      html += QStringLiteral( "<p style=\"color:gray\">%1</p>" ).arg( QCoreApplication::translate( "limes::SegmentDetail", "No decision recorded yet." ) );
    // the splits that made it (the decisions above before them are its parent's) or retired it
    for ( const LedgerEntry &e : splits::history( segment, data.ledger ) )
      for ( const SegmentSplit &split : splits::fromEntries( { e } ) )
      {
        const QString at = split.pillar.isEmpty() ? QCoreApplication::translate( "limes::SegmentDetail", "a vertex" )
                           : QCoreApplication::translate( "limes::SegmentDetail", "pillar %1" ).arg( split.pillar );
        html += QStringLiteral( "<p>#%1 · %2</p>" ).arg( split.entry ).arg( esc( QCoreApplication::translate( "limes::SegmentDetail", "%1 split into %2 and %3 at %4" )
                .arg( split.segment, split.first, split.second, at ) ) );
      }

    html += QStringLiteral( "<h4>%1</h4>" ).arg( QCoreApplication::translate( "limes::SegmentDetail", "Claims" ) );
    QStringList claims;
    const auto line = data.lines.constFind( segment );
    if ( line != data.lines.constEnd() )
      for ( const QString &name : line->versions )
        if ( const LineVersion *v = data.version( name ); v && v->kind == QLatin1String( "claim" ) )
        {
          const QString party = data.claimParty( *v );
          claims << QStringLiteral( "<li><b>%1</b>: %2%3</li>" ).arg( esc( party.isEmpty() ? QCoreApplication::translate( "limes::SegmentDetail", "party not recorded" ) : party ), esc( v->name ),
                    v->date.isValid() ? QStringLiteral( " (%1)" ).arg( v->date.toString( Qt::ISODate ) ) : QString() );
        }
    html += claims.isEmpty() ? QStringLiteral( "<p style=\"color:gray\">%1</p>" ).arg( QCoreApplication::translate( "limes::SegmentDetail", "No claim lines for this segment." ) )
            : QStringLiteral( "<ul>%1</ul>" ).arg( claims.join( QString() ) );

    html += QStringLiteral( "<h4>%1</h4>" ).arg( QCoreApplication::translate( "limes::SegmentDetail", "Pillars" ) );
    QStringList pillars;
    int surveyed = 0;
    for ( const Pillar &p : data.pillars )
      if ( p.segment == segment )
      {
        pillars << esc( p.number );
        surveyed += std::isnan( p.surveyedLon ) ? 0 : 1;
      }
    if ( pillars.isEmpty() )
      html += QStringLiteral( "<p style=\"color:gray\">%1</p>" ).arg( QCoreApplication::translate( "limes::SegmentDetail", "No pillars assigned to this segment." ) );
    else
      html += QStringLiteral( "<p>%1</p><p style=\"color:gray\">%2</p>" ).arg( pillars.join( QLatin1String( ", " ) ),
              QCoreApplication::translate( "limes::SegmentDetail", "%n pillar(s), %1 surveyed", nullptr, static_cast<int>( pillars.size() ) ).arg( surveyed ) );
    return html;
  }
}
