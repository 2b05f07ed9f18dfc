package dev.tlssim.party;

import dev.tlssim.sim.TimerKey;
import dev.tlssim.events.RunEvent;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tlssim.http.HttpMessage;
import dev.tlssim.http.HttpReader;
import dev.tlssim.net.Packet;
import dev.tlssim.pki.CertificateAuthority;
import dev.tlssim.pki.CertificateProfile;
import dev.tlssim.pki.KeyPool;
import dev.tlssim.pki.OcspRequest;
import dev.tlssim.sim.CostProfile;
import dev.tlssim.sim.NodeInput;
import dev.tlssim.sim.NodeOutput;
import dev.tlssim.tcp.TcpConfig;
import dev.tlssim.tcp.TcpConnection;
import dev.tlssim.tcp.TcpSegment;
import dev.tlssim.tcp.TcpStack;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.junit.jupiter.api.Test;

/**
 * The CA's revocation services over HTTP: {@code POST /ocsp} (RFC 6960 Appendix A.1) next to
 * {@code GET /crl}, and scripted revocation. One client TCP stack talks to the CA party with no
 * delay and no loss; the CA's CPU costs nothing, so everything happens at one instant.
 */
class CaPartyTest {
  private static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");
  private static final long NOW = 5_000_000_000L;
  private static final KeyPool KEYS = new KeyPool(11);

  private final CertificateAuthority authority = CertificateAuthority.root("tlssim CA Party Root",
      KEYS.ecP256("ca"), EPOCH.minus(Duration.ofDays(365)), EPOCH.plus(Duration.ofDays(365)));
  private final X509CertificateHolder leaf = authority.issue(CertificateProfile.tlsServer(
      "www.example.com", KEYS.ecP256("leaf").getPublic(), EPOCH, EPOCH.plus(Duration.ofDays(90)))
      .build());
  private final CaParty ca = new CaParty("ca", TcpConfig.DEFAULT, 1, CostProfile.ZERO,
      new SplittableRandom(1), authority, EPOCH, List.of("example.com"), Duration.ofDays(90));
  private final Deque<Packet> toCa = new ArrayDeque<>();
  private final TcpStack client = new TcpStack("client", TcpConfig.DEFAULT, new TcpStack.Host() {
    @Override
    public void transmit(String remoteNode, TcpSegment segment) {
      toCa.add(new Packet(0, "client", remoteNode, segment));
    }

    @Override
    public void setTimer(TimerKey key, long atNanos) {}

    @Override
    public void cancelTimer(TimerKey key) {}

    @Override
    public void trace(RunEvent event) {}
  }, new SplittableRandom(2));

  /** One HTTP exchange with the CA: connect, send the request, read the response. */
  private HttpMessage exchange(HttpMessage request) {
    HttpReader reader = new HttpReader();
    HttpMessage[] response = new HttpMessage[1];
    client.connect(NOW, "ca", CaParty.PORT, new TcpConnection.Listener() {
      @Override
      public void established(TcpConnection c, long now) {
        c.write(now, request.encode());
      }

      @Override
      public void received(TcpConnection c, long now, byte[] data) {
        Optional<HttpMessage> message = reader.feed(data);
        message.ifPresent(m -> response[0] = m);
      }

      @Override
      public void peerClosed(TcpConnection c, long now) {
        c.close(now);
      }
    });
    for (int steps = 0; steps < 100 && !toCa.isEmpty(); steps++) {
      NodeOutput out = ca.handle(NOW, new NodeInput.PacketArrival(toCa.poll()));
      for (Packet p : out.packets()) {
        client.onSegment(NOW, p.source(), (TcpSegment) p.payload());
      }
    }
    assertThat(response[0]).as("a response from the CA").isNotNull();
    return response[0];
  }

  private SingleResp askOcsp() throws Exception {
    HttpMessage response = exchange(HttpMessage.request("POST", "/ocsp",
        OcspRequest.encode(OcspRequest.forCertificate(leaf, authority.certificate()))));
    assertThat(response.status()).isEqualTo(200);
    OCSPResp ocsp = new OCSPResp(response.body());
    assertThat(ocsp.getStatus()).isEqualTo(OCSPResp.SUCCESSFUL);
    BasicOCSPResp basic = (BasicOCSPResp) ocsp.getResponseObject();
    return basic.getResponses()[0];
  }

  @Test
  void ocspAnswersGoodAtTheSimulatedTime() throws Exception {
    SingleResp single = askOcsp();

    assertThat(single.getCertStatus()).isEqualTo(CertificateStatus.GOOD);
    assertThat(single.getThisUpdate().toInstant()).isEqualTo(EPOCH.plusSeconds(5));
    assertThat(single.getNextUpdate().toInstant())
        .isEqualTo(EPOCH.plusSeconds(5).plus(CaParty.OCSP_VALIDITY));
  }

  @Test
  void scriptedRevocationShowsInOcspAndTheCrl() throws Exception {
    ca.handle(NOW, new NodeInput.Scripted(new CaParty.Revoke(leaf.getSerialNumber())));

    SingleResp single = askOcsp();
    assertThat(single.getCertStatus()).isInstanceOf(RevokedStatus.class);
    assertThat(((RevokedStatus) single.getCertStatus()).getRevocationTime().toInstant())
        .isEqualTo(EPOCH.plusSeconds(5));
    HttpMessage crl = exchange(HttpMessage.request("GET", "/crl", new byte[0]));
    assertThat(new X509CRLHolder(crl.body()).getRevokedCertificate(leaf.getSerialNumber()))
        .isNotNull();
  }

  @Test
  void revokeAtAGivenInstant() throws Exception {
    Instant at = EPOCH.plus(Duration.ofHours(3));
    ca.revoke(leaf.getSerialNumber(), at);

    assertThat(((RevokedStatus) askOcsp().getCertStatus()).getRevocationTime().toInstant())
        .isEqualTo(at);
  }

  @Test
  void aBodyThatIsNotAnOcspRequestGetsMalformedRequest() throws Exception {
    HttpMessage response = exchange(HttpMessage.request("POST", "/ocsp", new byte[] {1, 2, 3}));

    assertThat(response.status()).isEqualTo(200);
    assertThat(new OCSPResp(response.body()).getStatus()).isEqualTo(OCSPResp.MALFORMED_REQUEST);
  }
}
