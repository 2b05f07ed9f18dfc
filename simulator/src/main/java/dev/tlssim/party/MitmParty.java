package dev.tlssim.party;

import dev.tlssim.events.Flow;
import dev.tlssim.events.MitmEvent;
import dev.tlssim.events.RunEvent;
import dev.tlssim.net.Packet;
import dev.tlssim.sim.CostProfile;
import dev.tlssim.sim.TimerKey;
import dev.tlssim.tcp.TcpConfig;
import dev.tlssim.tcp.TcpConnection;
import dev.tlssim.tcp.TcpSegment;
import dev.tlssim.tcp.TcpStack;
import dev.tlssim.tls.AlertDescription;
import dev.tlssim.tls.HandshakeType;
import dev.tlssim.tls.NamedGroup;
import dev.tlssim.tls.attack.PassiveDecryption;
import dev.tlssim.tls.wire.ClientHello;
import dev.tlssim.tls.wire.Decoded;
import dev.tlssim.tls.wire.Extension;
import dev.tlssim.tls.wire.Field;
import dev.tlssim.tls.wire.HandshakeLocator;
import dev.tlssim.tls.wire.RecordScanner;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.bouncycastle.crypto.params.RSAKeyParameters;

/**
 * A man in the middle: an on-path node that sees every packet between client and server. Its view
 * is honest: it knows only what crosses the wire, its own keys, and what it steals. What it reads
 * goes to the trace ("mitm.read" with the bytes), so results can say whether an attack succeeded.
 */
public final class MitmParty extends Endpoint {
  private final MitmConfig config;
  private final TcpStack impersonating;
  /** What passed towards the server and towards the client on each victim connection, in the order first seen. */
  private final Map<Flow, StreamTap> towardsServer = new LinkedHashMap<>();
  private final Map<Flow, StreamTap> towardsClient = new LinkedHashMap<>();
  private int rewriteCode = 0x0a0a;

  public MitmParty(String name, TcpConfig tcpConfig, int cores, CostProfile costs, SplittableRandom isn,
      MitmConfig config) {
    super(name, tcpConfig, cores, costs, isn);
    this.config = config;
    if (config.mode() == MitmMode.INTERCEPT) {
      // A second TCP stack that answers as the target: the client's packets to the server end here.
      this.impersonating = new TcpStack(config.target(), tcpConfig, new Impersonation(), isn);
      impersonating.listen(config.port(), () -> new TlsChannel(this, new Relay(),
          now -> config.impersonation().newConnection(config.random(), config.epoch().plusNanos(now)), false));
    } else {
      this.impersonating = null;
    }
  }

  @Override
  protected void onAction(long now, Object action) {
    if (action instanceof PartyAction.StealKey steal) {
      trace(new MitmEvent.Stole(steal.from()));
      decryptRecorded();
    } else if (action instanceof PartyAction.Replay replay) {
      replayRecorded(now, replay.stream() == PartyAction.Replay.Recorded.LAST);
    }
  }

  /** With the stolen key, try every connection recorded so far: what a key compromise exposes. */
  private void decryptRecorded() {
    if (!(config.targetKey() instanceof RSAKeyParameters key)) {
      trace(new MitmEvent.DecryptFailed(null, "the stolen key is not an RSA key: no RSA key exchange to open"));
      return;
    }
    for (var e : towardsServer.entrySet()) {
      Flow flow = e.getKey();
      StreamTap fromServer = towardsClient.get(flow);
      if (fromServer == null) {
        continue;
      }
      PassiveDecryption.Outcome o = PassiveDecryption.attempt(e.getValue().locator(), fromServer.locator(), key);
      if (o.decrypted()) {
        readDecrypted(flow, MitmEvent.Toward.SERVER, o.clientToServer(), o.reason());
        readDecrypted(flow, MitmEvent.Toward.CLIENT, o.serverToClient(), o.reason());
      } else {
        trace(new MitmEvent.DecryptFailed(flow, o.reason()));
      }
    }
  }

  /**
   * Replays the first (or last) recorded client stream (ClientHello through Finished and its
   * application data) to the server on a connection of our own. The server answers with a fresh
   * random, so the recorded key exchange yields other keys and the recorded Finished cannot verify
   * (RFC 5246 §7.4.1.2, §F.2, RFC 8446 §4.4.4). TLS 1.3 0-RTT data is the exception: its keys come
   * from the PSK and the ClientHello alone, so a server without anti-replay decrypts and acts on
   * the replayed request before the handshake fails (RFC 8446 §8).
   */
  private void replayRecorded(long now, boolean last) {
    var recorded = towardsServer.entrySet().stream().reduce((first, second) -> last ? second : first);
    if (recorded.isEmpty()) {
      trace(new MitmEvent.Replayed(null, null, "nothing recorded to replay"));
      return;
    }
    byte[] bytes = recorded.get().getValue().locator().streamBytes();
    Flow victim = recorded.get().getKey();
    trace(new MitmEvent.Replayed(victim, bytes.length, null));
    HandshakeLocator answer = new HandshakeLocator();
    tcp.connect(now, config.target(), config.port(), new TcpConnection.Listener() {
      @Override
      public void established(TcpConnection c, long t) {
        trace(new MitmEvent.ReplayStarted(c.flow(), victim));
        // The recording is bytes only: the codec reads its records' headers (a record the
        // recording cuts short is not described).
        c.write(t, bytes, recording().keepsTrace() ? StreamRecords.of(new RecordScanner().feed(bytes)) : List.of());
      }

      @Override
      public void received(TcpConnection c, long t, byte[] data) {
        answer.feed(data);
      }

      @Override
      public void peerClosed(TcpConnection c, long t) {
        List<int[]> alerts = answer.plaintextAlerts();
        String outcome = alerts.isEmpty() ? "the server closed without an alert"
            : "the server answered with alert " + AlertDescription.fromCode(alerts.get(0)[1])
                .map(AlertDescription::rfcName).orElse("code " + alerts.get(0)[1]);
        trace(new MitmEvent.ReplayResult(c.flow(), outcome, false));
        c.close(t);
      }
    });
  }

  private void readDecrypted(Flow flow, MitmEvent.Toward direction, byte[] data, String how) {
    trace(new MitmEvent.Read(flow, direction, data.length, preview(data), how));
  }

  /** The first bytes as text, non-printable ones as dots: what the attacker saw. */
  static String preview(byte[] data) {
    return new String(data, 0, Math.min(data.length, 32), StandardCharsets.ISO_8859_1)
        .replaceAll("[^\\x20-\\x7e]", ".");
  }

  @Override
  protected void onPacket(long now, Packet packet) {
    if (packet.destination().equals(name) || !(packet.payload() instanceof TcpSegment s)) {
      super.onPacket(now, packet);
      return;
    }
    boolean toTarget = packet.destination().equals(config.target()) && s.destinationPort() == config.port();
    boolean fromTarget = packet.source().equals(config.target()) && s.sourcePort() == config.port();
    if (impersonating != null && toTarget) {
      if (s.has(TcpSegment.SYN) && !s.has(TcpSegment.ACK)) {
        trace(new MitmEvent.Intercepted(new Flow(packet.source(), s.sourcePort(), config.target(), config.port())));
      }
      impersonating.onSegment(now, packet.source(), s);
      return;
    }
    if (!toTarget && !fromTarget) {
      forward(packet);
      return;
    }
    Flow flow = toTarget ? new Flow(packet.source(), s.sourcePort(), packet.destination(), s.destinationPort())
        : new Flow(packet.destination(), s.destinationPort(), packet.source(), s.sourcePort());
    StreamTap tap = (toTarget ? towardsServer : towardsClient).computeIfAbsent(flow, f -> new StreamTap());
    tap.observe(s);
    plan(tap, toTarget, flow);
    if (holdsBack(tap, toTarget, s)) {
      held.computeIfAbsent(tap, t -> new ArrayList<>()).add(packet);
      return;
    }
    List<Packet> waiting = held.remove(tap);
    if (waiting != null) {
      waiting.forEach(p -> pass(tap, flow, p));
    }
    pass(tap, flow, packet);
  }

  /** Forwards a victim's packet, with the edits scheduled for the bytes it carries. */
  private void pass(StreamTap tap, Flow flow, Packet packet) {
    TcpSegment s = (TcpSegment) packet.payload();
    byte[] payload = tap.apply(s);
    if (payload != s.data()) {
      trace(new MitmEvent.Tampered(flow, s.seq(), s.length()));
      forward(new Packet(packet.id(), packet.source(), packet.destination(), s.withData(payload)));
    } else {
      forward(packet);
    }
  }

  /**
   * Segments towards the server held back while the ClientHello record they begin is incomplete:
   * a rewriting MITM must see the whole hello before it knows which bytes to change, and the
   * codes it changes may lie in a segment that came first (a post-quantum share makes the hello
   * longer than one segment). Held for as long as the rest of the record takes to arrive.
   */
  private final Map<StreamTap, List<Packet>> held = new HashMap<>();

  /** Whether this segment waits for the rest of the ClientHello before going on. */
  private boolean holdsBack(StreamTap tap, boolean toTarget, TcpSegment s) {
    return config.mode() == MitmMode.REWRITE && toTarget && config.rewrite() != null && s.length() > 0
        && !planned.contains(tap) && tap.midRecord();
  }

  /** The flow directions whose edits are scheduled. */
  private final Set<StreamTap> planned = new HashSet<>();

  /** Schedules this flow direction's edits once the message they touch has been seen. */
  private void plan(StreamTap tap, boolean toTarget, Flow flow) {
    if (planned.contains(tap)) {
      return;
    }
    MitmConfig.Tamper t = config.tamper();
    if (config.mode() == MitmMode.TAMPER && t != null && t.towardsServer() == toTarget) {
      tap.offsetOf(t.message(), t.offset()).ifPresent(o -> {
        tap.xor(o, 0x01);
        planned.add(tap);
        trace(new MitmEvent.Planned(flow, "flip", t.message().rfcName(), t.offset(), null));
      });
    }
    if (config.mode() == MitmMode.REWRITE && toTarget && config.rewrite() != null) {
      Optional<Decoded<ClientHello>> seen = tap.clientHello();
      if (seen.isPresent()) {
        long base = tap.offsetOf(HandshakeType.CLIENT_HELLO, 0).orElse(-1);
        ClientHello hello = seen.get().message();
        // Each code is overwritten where the codec found it: same length, so TCP needs no
        // resynchronisation; only the Finished messages can reveal it (RFC 5246 §7.4.9).
        List<Integer> suites = hello.cipherSuites();
        for (int i = 0; i < suites.size(); i++) {
          if (config.rewrite().suites().contains(suites.get(i))) {
            overwrite(tap, seen.get(), "cipher_suites[" + i + "]", suites.get(i));
          }
        }
        List<Extension> extensions = hello.extensionsOrEmpty().list();
        for (int i = 0; i < extensions.size(); i++) {
          int code = extensions.get(i).typeCode();
          if (config.rewrite().extensions().contains(code)) {
            overwrite(tap, seen.get(), "extensions[" + i + "].type", code);
          }
        }
        // A stripped group gets one unimplemented code in supported_groups and key_share alike, so
        // the rewritten hello still keeps RFC 8446 §4.2.8's rule that each share's group be one
        // of supported_groups; the server ignores the code as it must a GREASE one (RFC 8701
        // §3.2) and picks among the groups left.
        for (NamedGroup group : config.rewrite().groups()) {
          List<String> mentions = GroupMentions.of(seen.get(), group);
          if (!mentions.isEmpty()) {
            int replacement = nextCode();
            mentions.forEach(field -> overwrite(tap, seen.get(), field, group.code(), replacement));
          }
        }
        planned.add(tap);
        trace(new MitmEvent.Planned(flow, "rewrite-client-hello", null, null, base));
      }
    }
  }

  /** Schedules the 16-bit code in field {@code name} of the ClientHello to be replaced. */
  private void overwrite(StreamTap tap, Decoded<ClientHello> hello, String name, int code) {
    overwrite(tap, hello, name, code, nextCode());
  }

  /** Schedules the 16-bit code in field {@code name} of the ClientHello to become {@code replacement}. */
  private void overwrite(StreamTap tap, Decoded<ClientHello> hello, String name, int code, int replacement) {
    Field field = hello.field(name).orElseThrow();
    tap.overwrite16(tap.offsetOf(HandshakeType.CLIENT_HELLO, field.offset()).orElseThrow(), code,
        replacement);
  }

  /** Codes of the form 0x?A?A, reserved so that no one implements them (RFC 8701). */
  private int nextCode() {
    int code = rewriteCode;
    rewriteCode += 0x1010;
    return code;
  }

  @Override
  protected boolean onOtherTimer(long now, TimerKey key) {
    return impersonating != null && impersonating.onTimer(now, key);
  }

  /** The impersonating stack's packets leave this node with the target's address as their source. */
  private final class Impersonation implements TcpStack.Host {
    @Override
    public void transmit(String remoteNode, TcpSegment segment) {
      forward(new Packet(0, config.target(), remoteNode, segment));
    }

    @Override
    public void setTimer(TimerKey key, long atNanos) {
      MitmParty.this.setTimer(key, atNanos);
    }

    @Override
    public void cancelTimer(TimerKey key) {
      MitmParty.this.cancelTimer(key);
    }

    /** Its events name the flow it answers on: the victim's connection, with the target as acceptor. */
    @Override
    public void trace(RunEvent event) {
      MitmParty.this.trace(event);
    }
  }

  /**
   * The client's side of an interception: once the client's handshake with us completes, open our
   * own TLS connection to the real server and pass the plaintext both ways, reading it.
   */
  private final class Relay implements Channel.Listener {
    private Channel client;
    private Channel server;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private boolean serverOpen;

    @Override
    public void opened(Channel c, long now) {
      client = c;
      trace(new MitmEvent.Accepted(c.flow()));
      TlsChannel upstream = new TlsChannel(MitmParty.this, new Upstream(),
          t -> config.upstream().newConnection(config.random(), config.epoch().plusNanos(t)), false);
      tcp.connect(now, config.target(), config.port(), upstream);
      server = upstream;
    }

    @Override
    public void received(Channel c, long now, byte[] data) {
      read(c.flow(), MitmEvent.Toward.SERVER, data);
      if (serverOpen) {
        server.write(now, data);
      } else {
        pending.write(data, 0, data.length);
      }
    }

    @Override
    public void peerClosed(Channel c, long now) {
      if (server != null) {
        server.close(now);
      }
    }

    @Override
    public void closed(Channel c, long now) {
    }

    @Override
    public void failed(Channel c, long now, String reason) {
      trace(new MitmEvent.Refused(c.flow(), reason));
      if (server != null && serverOpen) {
        server.close(now);
      }
    }

    private void read(Flow flow, MitmEvent.Toward direction, byte[] data) {
      trace(new MitmEvent.Read(flow, direction, data.length, preview(data), "relayed"));
    }

    /** Our own connection to the real server. */
    private final class Upstream implements Channel.Listener {
      @Override
      public void opened(Channel c, long now) {
        serverOpen = true;
        if (pending.size() > 0) {
          c.write(now, pending.toByteArray());
          pending.reset();
        }
      }

      @Override
      public void received(Channel c, long now, byte[] data) {
        read(client.flow(), MitmEvent.Toward.CLIENT, data);
        client.write(now, data);
      }

      @Override
      public void peerClosed(Channel c, long now) {
        client.close(now);
      }

      @Override
      public void closed(Channel c, long now) {
      }

      @Override
      public void failed(Channel c, long now, String reason) {
        trace(new MitmEvent.UpstreamFailed(c.flow(), reason));
        client.close(now);
      }
    }
  }
}
