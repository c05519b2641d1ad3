// SPDX-License-Identifier: GPL-2.0-or-later
#include "workspace/canonicaljson.h"
#include "error.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

#include <algorithm>
#include <cmath>

namespace limes::canonicaljson
{
  namespace
  {
    void appendString( QByteArray &out, const QString &text )
    {
      out += '"';
      for ( const char c : text.toUtf8() )
      {
        const unsigned char u = static_cast<unsigned char>( c );
        switch ( c )
        {
          case '"': out += "\\\""; break;
          case '\\': out += "\\\\"; break;
          case '\b': out += "\\b"; break;
          case '\f': out += "\\f"; break;
          case '\n': out += "\\n"; break;
          case '\r': out += "\\r"; break;
          case '\t': out += "\\t"; break;
          default:
            if ( u < 0x20 )
              out += QStringLiteral( "\\u%1" ).arg( u, 4, 16, QLatin1Char( '0' ) ).toLatin1();
            else
              out += c;
        }
      }
      out += '"';
    }

    void append( QByteArray &out, const QJsonValue &v )
    {
      switch ( v.type() )
      {
        case QJsonValue::Null:
          out += "null";
          break;
        case QJsonValue::Bool:
          out += v.toBool() ? "true" : "false";
          break;
        case QJsonValue::Double:
        {
          const double d = v.toDouble();
          if ( !std::isfinite( d ) || d != std::floor( d ) || std::fabs( d ) > 9007199254740992.0 )
            throw Error( QStringLiteral( "the ledger seals integers only, not %1" ).arg( d ) );
          out += QByteArray::number( static_cast<qint64>( d ) );
          break;
        }
        case QJsonValue::String:
          appendString( out, v.toString() );
          break;
        case QJsonValue::Array:
        {
          out += '[';
          const QJsonArray a = v.toArray();
          for ( int i = 0; i < a.size(); ++i )
          {
            if ( i > 0 )
              out += ',';
            append( out, a.at( i ) );
          }
          out += ']';
          break;
        }
        case QJsonValue::Object:
        {
          const QJsonObject o = v.toObject();
          QStringList keys = o.keys();
          // code point order is the order of the UTF-8 bytes (Python sorts str so)
          std::sort( keys.begin(), keys.end(), []( const QString &a, const QString &b ) { return a.toUtf8() < b.toUtf8(); } );
          out += '{';
          for ( int i = 0; i < keys.size(); ++i )
          {
            if ( i > 0 )
              out += ',';
            appendString( out, keys.at( i ) );
            out += ':';
            append( out, o.value( keys.at( i ) ) );
          }
          out += '}';
          break;
        }
        case QJsonValue::Undefined:
          throw Error( QStringLiteral( "an undefined JSON value cannot be sealed" ) );
      }
    }
  }

  QByteArray serialise( const QJsonValue &value )
  {
    QByteArray out;
    append( out, value );
    return out;
  }

  QByteArray serialise( const QJsonObject &object )
  {
    return serialise( QJsonValue( object ) );
  }

  bool parseObject( const QString &text, QJsonObject *object, bool *exact )
  {
    *object = QJsonObject();
    if ( exact )
      *exact = false;
    QJsonParseError error;
    const QByteArray bytes = text.toUtf8();
    const QJsonDocument doc = QJsonDocument::fromJson( bytes, &error );
    if ( error.error != QJsonParseError::NoError || !doc.isObject() )
      return false;
    *object = doc.object();
    if ( exact )
    {
      try
      {
        *exact = serialise( *object ) == bytes;
      }
      catch ( const Error & )
      {
        *exact = false; // a number the ledger never writes
      }
    }
    return true;
  }

  QString sha256( const QByteArray &bytes )
  {
    return QString::fromLatin1( QCryptographicHash::hash( bytes, QCryptographicHash::Sha256 ).toHex() );
  }
}
