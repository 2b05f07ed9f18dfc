package dev.tlssim.party;

import dev.tlssim.events.EnrollEvent;
import dev.tlssim.http.HttpMessage;
import dev.tlssim.http.HttpReader;
import dev.tlssim.pki.CertificateChain;
import dev.tlssim.pki.Enrollment;
import dev.tlssim.tcp.TcpConnection;
import java.nio.charset.StandardCharsets;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import dev.tlssim.pki.KeyAlgorithm;

/**
 * A server asking its CA for a new certificate during the run: a fresh key pair, a PKCS#10
 * request over HTTP to the CA node, and on success the new chain and key are installed for the
 * handshakes that follow.
 */
final class Enroller {
  private final BiFunction<String, String, AsymmetricCipherKeyPair> keys;
  private final BiConsumer<CertificateChain, AsymmetricCipherKeyPair> install;
  private int requests;

  /**
   * @param keys    gives a key pair for (label, key type), from the run's seeded key pool
   * @param install takes the issued chain and its key
   */
  Enroller(BiFunction<String, String, AsymmetricCipherKeyPair> keys,
      BiConsumer<CertificateChain, AsymmetricCipherKeyPair> install) {
    this.keys = keys;
    this.install = install;
  }

  void start(Endpoint host, long now, PartyAction.Enroll e) {
    AsymmetricCipherKeyPair keyPair = keys.apply(host.name() + "/enroll/" + (++requests), e.keyType());
    String signOp = KeyAlgorithm.operationName(keyPair.getPrivate(), "sign");
    host.compute(now, signOp, done -> {
      byte[] csr = Enrollment.request(e.names(), keyPair);
      HttpMessage request = HttpMessage.request("POST", "/enroll", csr);
      TcpConnection c = host.tcp.connect(done, e.ca(), CaParty.PORT, new TcpConnection.Listener() {
        private final HttpReader reader = new HttpReader();

        @Override
        public void established(TcpConnection conn, long t) {
          conn.write(t, request.encode());
        }

        @Override
        public void received(TcpConnection conn, long t, byte[] data) {
          var response = reader.feed(data);
          if (reader.error() != null) {
            host.trace(new EnrollEvent.Failed(conn.flow(), reader.error()));
            conn.close(t);
            return;
          }
          if (response.isEmpty()) {
            return;
          }
          HttpMessage r = response.get();
          if (r.status() != 200) {
            host.trace(new EnrollEvent.Failed(conn.flow(),
                r.startLine() + ": " + new String(r.body(), StandardCharsets.UTF_8)));
            return;
          }
          try {
            CertificateChain chain = Enrollment.decode(r.body());
            install.accept(chain, keyPair);
            host.trace(new EnrollEvent.Installed(conn.flow(), chain.leaf().getSerialNumber().toString(),
                chain.leaf().getSubject().toString()));
          } catch (Enrollment.Refused ex) {
            host.trace(new EnrollEvent.Failed(conn.flow(), ex.getMessage()));
          }
        }

        @Override
        public void peerClosed(TcpConnection conn, long t) {
          conn.close(t);
        }

        @Override
        public void failed(TcpConnection conn, long t, String reason) {
          host.trace(new EnrollEvent.Failed(conn.flow(), reason));
        }
      });
      host.trace(new EnrollEvent.Request(c.flow(), e.ca(), e.names()));
    });
  }
}
