package dev.tlssim.scenario;

import dev.tlssim.pki.CertificateAuthority;
import dev.tlssim.pki.CertificateChain;
import dev.tlssim.pki.CertificateForgery;
import dev.tlssim.pki.CertificateProfile;
import dev.tlssim.pki.KeyAlgorithm;
import dev.tlssim.pki.KeyPool;
import dev.tlssim.pki.RevocationReason;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;

/**
 * What happens "when the scenario starts": the authorities are created and issue the declared
 * certificates, keys coming from the run's seeded key pool; revoked certificates are revoked and
 * every authority publishes its CRL. Deterministic: same spec and seed, same bytes.
 */
public final class Provisioning {
  private Provisioning() {}

  /** A certificate with the chain its server sends and its key pair. */
  public record Issued(X509CertificateHolder certificate, CertificateChain chain, AsymmetricCipherKeyPair keyPair) {}

  public record Result(Instant epoch, Map<String, CertificateAuthority> authorities, Map<String, Issued> certificates,
      List<X509CRLHolder> crls, KeyPool keys) {

    /** A key pair from the run's pool, for a key type named as scenarios name it. */
    public AsymmetricCipherKeyPair key(String label, String keyType) {
      return Provisioning.key(keys, label, PkiSpec.KeyType.parse(keyType));
    }

    /** The certificate a client trusts for a name in its trust list. */
    public X509CertificateHolder anchor(String name) {
      CertificateAuthority ca = authorities.get(name);
      return ca != null ? ca.certificate() : certificates.get(name).certificate();
    }

    public Instant at(long virtualNanos) {
      return epoch.plusNanos(virtualNanos);
    }
  }

  public static Result provision(PkiSpec spec, long seed) {
    KeyPool keys = new KeyPool(seed);
    Instant epoch = spec.epoch();
    Map<String, CertificateAuthority> authorities = new LinkedHashMap<>();
    for (PkiSpec.Authority a : spec.authorities().values()) {
      AsymmetricCipherKeyPair kp = key(keys, "authority/" + a.name(), a.key());
      CertificateProfile.Builder profile = CertificateProfile.certificateAuthority(a.subject(), kp.getPublic(),
          epoch.plusNanos(a.notBefore()), epoch.plusNanos(a.notAfter()));
      if (a.pathLen() != null) {
        profile.pathLenConstraint(a.pathLen());
      }
      CertificateAuthority ca = a.issuer() == null
          ? CertificateAuthority.root(profile.build(), kp)
          : authorities.get(a.issuer()).intermediate(profile.build(), kp);
      authorities.put(a.name(), ca);
    }
    Map<String, Issued> issued = new LinkedHashMap<>();
    Map<String, CertificateAuthority> issuersFromCertificates = new LinkedHashMap<>();
    for (PkiSpec.Certificate c : spec.certificates().values()) {
      AsymmetricCipherKeyPair kp = key(keys, "certificate/" + c.name(), c.key());
      if (c.issuer() instanceof PkiSpec.Issuer.SelfSigned) {
        // Self-signed: issuer and subject are the certificate itself; only a client that trusts
        // this very certificate (or trusts anything) accepts it.
        CertificateProfile selfProfile = CertificateProfile.tlsServer(c.dnsNames().get(0), kp.getPublic(),
            epoch.plusNanos(c.notBefore()), epoch.plusNanos(c.notAfter())).dnsNames(c.dnsNames()).build();
        X509CertificateHolder self = CertificateAuthority.root(selfProfile, kp).certificate();
        issued.put(c.name(), new Issued(self, new CertificateChain(List.of(self)), kp));
        continue;
      }
      CertificateAuthority issuer;
      if (c.issuer() instanceof PkiSpec.Issuer.ByCertificate byCertificate) {
        // Issued by a certificate: the basicConstraints abuse (a leaf signing as if it were a CA).
        issuer = issuersFromCertificates.computeIfAbsent(byCertificate.certificate(), n -> {
          Issued parent = issued.get(n);
          return authorityOf(spec, authorities, n).issuerFrom(parent.certificate(), parent.keyPair());
        });
      } else {
        issuer = authorities.get(((PkiSpec.Issuer.ByAuthority) c.issuer()).authority());
      }
      CertificateProfile profile = CertificateProfile.tlsServer(c.dnsNames().get(0), kp.getPublic(),
              epoch.plusNanos(c.notBefore()), epoch.plusNanos(c.notAfter()))
          .dnsNames(c.dnsNames()).extendedKeyUsage(c.extendedKeyUsage()).build();
      X509CertificateHolder cert = issuer.issue(profile);
      if (c.revoked()) {
        issuer.revoke(cert, epoch.minus(Duration.ofDays(1)), RevocationReason.KEY_COMPROMISE);
      }
      if (c.corruptSignature()) {
        cert = CertificateForgery.withCorruptedSignature(cert);
      }
      CertificateChain chain = issuer.chainFor(cert);
      issued.put(c.name(), new Issued(cert, chain, kp));
    }
    List<X509CRLHolder> crls = new ArrayList<>();
    for (CertificateAuthority ca : authorities.values()) {
      crls.add(ca.crl(epoch.minus(Duration.ofHours(1)), epoch.plus(Duration.ofDays(7))));
    }
    return new Result(epoch, authorities, issued, crls, keys);
  }

  private static CertificateAuthority authorityOf(PkiSpec spec, Map<String, CertificateAuthority> authorities,
      String certificateName) {
    CertificateAuthority ca = spec.certificates().get(certificateName).issuer()
        instanceof PkiSpec.Issuer.ByAuthority a ? authorities.get(a.authority()) : null;
    if (ca == null) {
      throw new IllegalArgumentException("certificate " + certificateName
          + ": a certificate used as an issuer must itself come from an authority");
    }
    return ca;
  }

  static AsymmetricCipherKeyPair key(KeyPool keys, String label, PkiSpec.KeyType type) {
    return switch (type) {
      case RSA2048 -> keys.rsa(label, 2048);
      case RSA4096 -> keys.rsa(label, 4096);
      case ECDSA_P256 -> keys.ecP256(label);
      case MLDSA44 -> keys.mlDsa(label, KeyAlgorithm.MLDSA44);
      case MLDSA65 -> keys.mlDsa(label, KeyAlgorithm.MLDSA65);
    };
  }
}
