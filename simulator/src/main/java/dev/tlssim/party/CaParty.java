package dev.tlssim.party;

import dev.tlssim.events.CaEvent;
import dev.tlssim.http.HttpMessage;
import dev.tlssim.http.HttpReader;
import dev.tlssim.pki.CertificateAuthority;
import dev.tlssim.pki.CertificateChain;
import dev.tlssim.pki.Enrollment;
import dev.tlssim.pki.OcspResponder;
import dev.tlssim.pki.RevocationReason;
import dev.tlssim.sim.CostProfile;
import dev.tlssim.tcp.TcpConfig;
import dev.tlssim.tcp.TcpConnection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import dev.tlssim.pki.KeyAlgorithm;

/**
 * A certification authority on the network. It issued the scenario's certificates when the
 * scenario started; during the run it serves HTTP/1.0 on port 80: {@code POST /enroll} with a
 * PKCS#10 request issues a certificate on request (the exchange EST, RFC 7030, carries), and
 * {@code GET /crl} returns its current CRL (RFC 5280 §4.2.1.13's HTTP distribution point), and
 * {@code POST /ocsp} with a DER OCSPRequest returns a DER OCSPResponse from its {@link
 * OcspResponder} (RFC 6960 Appendix A.1). Signing costs the CA modelled CPU time like any other
 * private-key operation. {@link #revoke} records a revocation, which every later CRL and OCSP
 * response reports.
 */
public final class CaParty extends Endpoint {
  public static final int PORT = 80;
  /** nextUpdate - thisUpdate of OCSP responses: a week, like the CRLs. */
  public static final Duration OCSP_VALIDITY = Duration.ofDays(7);

  private final CertificateAuthority authority;
  private final Instant epoch;
  private final List<String> allowedSuffixes;
  private final Duration validity;
  private final OcspResponder ocsp;

  public CaParty(String name, TcpConfig tcp, int cores, CostProfile costs, SplittableRandom isn,
      CertificateAuthority authority, Instant epoch, List<String> allowedSuffixes, Duration validity) {
    super(name, tcp, cores, costs, isn);
    this.authority = authority;
    this.epoch = epoch;
    this.allowedSuffixes = List.copyOf(allowedSuffixes);
    this.validity = validity;
    this.ocsp = new OcspResponder(authority, OCSP_VALIDITY);
    this.tcp.listen(PORT, Service::new);
  }

  public CertificateAuthority authority() {
    return authority;
  }

  /**
   * A scripted revocation (RFC 5280 §5.3.1 reason unspecified) at the moment the action runs:
   * what a timeline entry hands this party.
   */
  public record Revoke(BigInteger serial) {
    public Revoke {
      Objects.requireNonNull(serial, "serial");
    }
  }

  /**
   * Revokes the certificate with this serial as of the simulated instant {@code at} (reason
   * unspecified, RFC 5280 §5.3.1): every CRL issued and every OCSP response given from now on
   * reports it.
   */
  public void revoke(BigInteger serial, Instant at) {
    authority.revoke(serial, at, RevocationReason.UNSPECIFIED);
  }

  /** The only scripted action of a CA is {@link Revoke}; it takes effect at once. */
  @Override
  protected void onAction(long now, Object action) {
    if (action instanceof Revoke revoke) {
      revoke(revoke.serial(), epoch.plusNanos(now));
      trace(new CaEvent.Revoked(revoke.serial().toString()));
    }
  }

  private String signOperation() {
    return KeyAlgorithm.operationName(authority.publicKey(), "sign");
  }

  /** One HTTP exchange. */
  private final class Service implements TcpConnection.Listener {
    private final HttpReader reader = new HttpReader();
    private boolean answered;

    @Override
    public void received(TcpConnection c, long now, byte[] data) {
      if (answered) {
        return;
      }
      var request = reader.feed(data);
      if (reader.error() != null) {
        answer(c, now, HttpMessage.response(400, "Bad Request", text(reader.error())));
        return;
      }
      if (request.isEmpty()) {
        return;
      }
      HttpMessage r = request.get();
      trace(new CaEvent.Request(c.flow(), r.method(), r.path(), r.body().length));
      if (r.method().equals("POST") && r.path().equals("/enroll")) {
        compute(now, signOperation(), done -> enroll(c, done, r.body()));
      } else if (r.method().equals("GET") && r.path().equals("/crl")) {
        compute(now, signOperation(), done -> {
          Instant at = epoch.plusNanos(done);
          try {
            byte[] crl = authority.crl(at.minus(Duration.ofHours(1)), at.plus(Duration.ofDays(7))).getEncoded();
            answer(c, done, HttpMessage.response(200, "OK", crl));
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
      } else if (r.method().equals("POST") && r.path().equals("/ocsp")) {
        compute(now, signOperation(), done -> answer(c, done,
            HttpMessage.response(200, "OK", ocsp.respond(r.body(), epoch.plusNanos(done)))));
      } else {
        answer(c, now, HttpMessage.response(404, "Not Found", text("no such service: " + r.path())));
      }
    }

    private void enroll(TcpConnection c, long now, byte[] csr) {
      Instant at = epoch.plusNanos(now);
      try {
        CertificateChain chain = Enrollment.issue(authority, csr, at.minus(Duration.ofMinutes(5)), at.plus(validity),
            allowedSuffixes);
        trace(new CaEvent.Issued(c.flow(), chain.leaf().getSerialNumber().toString(),
            chain.leaf().getSubject().toString()));
        answer(c, now, HttpMessage.response(200, "OK", Enrollment.encode(chain)));
      } catch (Enrollment.Refused e) {
        trace(new CaEvent.Refused(c.flow(), e.getMessage()));
        answer(c, now, HttpMessage.response(403, "Forbidden", text(e.getMessage())));
      }
    }

    private void answer(TcpConnection c, long now, HttpMessage response) {
      answered = true;
      if (c.state() == TcpConnection.State.ESTABLISHED || c.state() == TcpConnection.State.CLOSE_WAIT) {
        c.write(now, response.encode());
        c.close(now);
      }
    }

    @Override
    public void peerClosed(TcpConnection c, long now) {
      c.close(now);
    }
  }

  private static byte[] text(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
