package dev.tlssim.party;

import dev.tlssim.sim.TimerKey;
import dev.tlssim.events.Flow;
import dev.tlssim.events.RevocationEvent;
import dev.tlssim.http.HttpMessage;
import dev.tlssim.http.HttpReader;
import dev.tlssim.pki.RevocationProtocol;
import dev.tlssim.pki.RevocationQuery;
import dev.tlssim.pki.RevocationSource;
import dev.tlssim.tcp.TcpConnection;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.bouncycastle.cert.X509CertificateHolder;

/**
 * A client asking the CAs about revocation over the network while its handshake waits: one HTTP
 * exchange per certificate (OCSP, RFC 6960 Appendix A) or per issuer (CRL, RFC 5280 §5) with the
 * CA node that hosts the issuer. Whatever has arrived when the last answer comes, or when the
 * client's patience runs out, is handed back; an unreachable CA yields nothing, and the client's
 * soft-fail or hard-fail policy decides.
 */
final class RevocationFetch {
  private final Endpoint host;
  private final Function<X509CertificateHolder, String> caNodeOf;
  private final long timeoutNanos;
  private final BiConsumer<Long, RevocationSource> done;
  private final List<byte[]> ocsp = new ArrayList<>();
  private final List<byte[]> crls = new ArrayList<>();
  private int outstanding;
  private boolean finished;
  private TimerKey timer;

  RevocationFetch(Endpoint host, Function<X509CertificateHolder, String> caNodeOf, long timeoutNanos,
      BiConsumer<Long, RevocationSource> done) {
    this.host = host;
    this.caNodeOf = caNodeOf;
    this.timeoutNanos = timeoutNanos;
    this.done = done;
  }

  void start(long now, Flow flow, List<RevocationQuery> queries, RevocationProtocol protocol) {
    List<HttpMessage> requests = new ArrayList<>();
    List<String> nodes = new ArrayList<>();
    Set<String> askedForCrl = new LinkedHashSet<>();
    for (RevocationQuery q : queries) {
      String ca = caNodeOf.apply(q.issuer());
      if (ca == null) {
        host.trace(new RevocationEvent.NoResponder(flow, q.issuer().getSubject().toString()));
        continue;
      }
      if (protocol == RevocationProtocol.OCSP) {
        requests.add(HttpMessage.request("POST", "/ocsp", q.ocspRequest()));
        nodes.add(ca);
      } else if (askedForCrl.add(ca)) {
        requests.add(HttpMessage.request("GET", "/crl", new byte[0]));
        nodes.add(ca);
      }
    }
    outstanding = requests.size();
    if (outstanding == 0) {
      finish(now);
      return;
    }
    timer = host.schedule(now + timeoutNanos, t -> {
      host.trace(new RevocationEvent.Timeout(flow, outstanding));
      finish(t);
    });
    for (int i = 0; i < requests.size(); i++) {
      HttpMessage request = requests.get(i);
      TcpConnection c = host.tcp.connect(now, nodes.get(i), CaParty.PORT, new Exchange(request, protocol));
      host.trace(new RevocationEvent.Request(flow, nodes.get(i), request.method(), request.path(), c.flow()));
    }
  }

  private void finish(long now) {
    if (finished) {
      return;
    }
    finished = true;
    if (timer != null) {
      host.cancel(timer);
    }
    done.accept(now, ocsp.isEmpty() && crls.isEmpty() ? RevocationSource.unavailable()
        : RevocationSource.fromDer(ocsp, crls));
  }

  /** One HTTP exchange with a CA. */
  private final class Exchange implements TcpConnection.Listener {
    private final HttpMessage request;
    private final RevocationProtocol protocol;
    private final HttpReader reader = new HttpReader();
    private boolean answered;

    Exchange(HttpMessage request, RevocationProtocol protocol) {
      this.request = request;
      this.protocol = protocol;
    }

    @Override
    public void established(TcpConnection c, long now) {
      c.write(now, request.encode());
    }

    @Override
    public void received(TcpConnection c, long now, byte[] data) {
      var response = reader.feed(data);
      if (response.isEmpty() && reader.error() == null) {
        return;
      }
      answered(now, c, response.filter(r -> r.status() == 200).map(HttpMessage::body).orElse(null));
    }

    @Override
    public void peerClosed(TcpConnection c, long now) {
      answered(now, c, null);
      c.close(now);
    }

    @Override
    public void failed(TcpConnection c, long now, String reason) {
      answered(now, c, null);
    }

    private void answered(long now, TcpConnection c, byte[] body) {
      if (answered) {
        return;
      }
      answered = true;
      host.trace(new RevocationEvent.Response(c.flow(), body == null ? 0 : body.length, body != null));
      if (body != null && !finished) {
        (protocol == RevocationProtocol.OCSP ? ocsp : crls).add(body);
      }
      if (--outstanding == 0) {
        finish(now);
      }
    }
  }
}
