// SPDX-License-Identifier: GPL-2.0-or-later
#include "crypto/signing.h"
#include "error.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace limes::crypto;

// Ed25519 against RFC 8032's published test vectors, and key files as a delegation keeps them.
class TestSigning : public QObject
{
    Q_OBJECT
  private slots:
    void rfc8032Vectors_data()
    {
      QTest::addColumn<QByteArray>( "seed" );
      QTest::addColumn<QByteArray>( "publicKey" );
      QTest::addColumn<QByteArray>( "message" );
      QTest::addColumn<QByteArray>( "signature" );
      // RFC 8032, section 7.1, TEST 1, TEST 2 and TEST 3
      QTest::newRow( "test1" ) << QByteArray::fromHex( "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60" )
                               << QByteArray::fromHex( "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a" ) << QByteArray()
                               << QByteArray::fromHex( "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b" );
      QTest::newRow( "test2" ) << QByteArray::fromHex( "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb" )
                               << QByteArray::fromHex( "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c" ) << QByteArray::fromHex( "72" )
                               << QByteArray::fromHex( "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00" );
      QTest::newRow( "test3" ) << QByteArray::fromHex( "c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7" )
                               << QByteArray::fromHex( "fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025" ) << QByteArray::fromHex( "af82" )
                               << QByteArray::fromHex( "6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a" );
    }

    void rfc8032Vectors()
    {
      QFETCH( QByteArray, seed );
      QFETCH( QByteArray, publicKey );
      QFETCH( QByteArray, message );
      QFETCH( QByteArray, signature );
      const SigningKey key = SigningKey::fromSeed( seed );
      QCOMPARE( key.publicKey().toHex(), publicKey.toHex() );
      QCOMPARE( key.sign( message ).toHex(), signature.toHex() );
      QVERIFY( verify( publicKey, message, signature ) );
      QByteArray tampered = message + "x";
      QVERIFY( !verify( publicKey, tampered, signature ) );
      QByteArray badSignature = signature;
      badSignature[10] = static_cast<char>( badSignature[10] ^ 1 );
      QVERIFY( !verify( publicKey, message, badSignature ) );
      QVERIFY( !verify( publicKey.left( 31 ), message, signature ) );
    }

    void fingerprintIsSha256OfTheRawKey()
    {
      // sha256 of RFC 8032 TEST 1's public key, computed independently (sha256sum)
      QCOMPARE( fingerprintOf( QByteArray::fromHex( "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a" ) ),
                QStringLiteral( "SHA256:21fe31dfa154a261626bf854046fd2271b7bed4b6abe45aa58877ef47f9721b9" ) );
    }

    void keyFileRoundTrip()
    {
      QTemporaryDir dir;
      const QString path = dir.filePath( QStringLiteral( "tj.key" ) );
      const SigningKey key = SigningKey::generate();
      key.save( path, "correct horse" );
      QVERIFY( QFile::exists( path ) );
      QVERIFY( !QFile::exists( path + QStringLiteral( ".partial" ) ) );
      QCOMPARE( QFile::permissions( path ) & ( QFileDevice::ReadGroup | QFileDevice::ReadOther ), QFileDevice::Permissions() );
      QFile f( path );
      QVERIFY( f.open( QIODevice::ReadOnly ) );
      QVERIFY( f.readAll().startsWith( "-----BEGIN ENCRYPTED PRIVATE KEY-----" ) );
      const SigningKey back = SigningKey::load( path, "correct horse" );
      QCOMPARE( back.fingerprint(), key.fingerprint() );
      QVERIFY( verify( key.publicKey(), "protocol 17", back.sign( "protocol 17" ) ) );
    }

    void keyFileRefusals()
    {
      QTemporaryDir dir;
      const QString path = dir.filePath( QStringLiteral( "kg.key" ) );
      const SigningKey key = SigningKey::generate();
      QVERIFY_EXCEPTION_THROWN( key.save( path, QByteArray() ), limes::Error );
      QVERIFY( !QFile::exists( path ) );
      key.save( path, "secret" );
      QVERIFY_EXCEPTION_THROWN( SigningKey::generate().save( path, "other" ), limes::Error ); // never overwritten
      QCOMPARE( SigningKey::load( path, "secret" ).fingerprint(), key.fingerprint() );
      try
      {
        SigningKey::load( path, "wrong" );
        QFAIL( "a wrong passphrase opened the key" );
      }
      catch ( const limes::Error &e )
      {
        QVERIFY2( e.message().contains( QStringLiteral( "wrong passphrase" ) ) && e.message().startsWith( path ), qPrintable( e.message() ) );
      }
      QVERIFY_EXCEPTION_THROWN( SigningKey::load( dir.filePath( QStringLiteral( "missing.key" ) ), "secret" ), limes::Error );
      QVERIFY_EXCEPTION_THROWN( SigningKey::fromSeed( "short" ), limes::Error );
    }
};

QTEST_GUILESS_MAIN( TestSigning )
#include "testsigning.moc"
