package dev.tlssim.pki;

import java.io.IOException;
import java.math.BigInteger;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;

/**
 * What a man-in-the-middle can make without a CA's private key: certificates that look right but
 * whose signature cannot verify with the claimed issuer's key. Only the SIGNATURE check (RFC 5280
 * §6.1.3 (a)(1)) stops them.
 */
public final class CertificateForgery {
  /** The forger chooses any serial; this one is recognisable in traces. */
  public static final BigInteger FORGED_SERIAL = BigInteger.valueOf(0xBAD);

  private CertificateForgery() {}

  /**
   * A certificate naming {@code claimedIssuer} as issuer (subject DN and authorityKeyIdentifier,
   * so path building finds that CA) but signed with the forger's own private key.
   */
  public static X509CertificateHolder signedByImpostor(
      CertificateAuthority claimedIssuer,
      CertificateProfile profile,
      AsymmetricKeyParameter forgerPrivateKey) {
    return claimedIssuer.forge(profile, FORGED_SERIAL, forgerPrivateKey);
  }

  /**
   * The same certificate with one bit of its signature flipped: a tampered certificate, e.g. one
   * whose TBSCertificate an attacker edited (the effect on verification is identical).
   */
  public static X509CertificateHolder withCorruptedSignature(X509CertificateHolder original) {
    Certificate certificate = original.toASN1Structure();
    byte[] signature = certificate.getSignature().getOctets();
    signature[signature.length - 1] ^= 0x01;
    ASN1EncodableVector fields = new ASN1EncodableVector(3);
    fields.add(certificate.getTBSCertificate());
    fields.add(certificate.getSignatureAlgorithm());
    fields.add(new DERBitString(signature));
    try {
      return new X509CertificateHolder(
          Certificate.getInstance(new DERSequence(fields)).getEncoded());
    } catch (IOException e) {
      throw new IllegalStateException("cannot re-encode certificate", e);
    }
  }
}
