package dev.tlssim.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TraceJsonTest {
  private static final Flow FLOW = new Flow("client", 49152, "server", 443);

  @Test
  void everyKindIsOneRecordOfTheVocabularyAndEveryRecordHasAKind() {
    Set<Class<?>> leaves = new java.util.HashSet<>();
    collectLeaves(RunEvent.class, leaves);
    Set<Class<?>> kinds = Arrays.stream(Kind.values()).map(Kind::type).collect(Collectors.toSet());
    assertThat(kinds).isEqualTo(leaves);
    assertThat(Arrays.stream(Kind.values()).map(Kind::wireName).distinct().count()).isEqualTo(Kind.values().length);
  }

  @Test
  void everyKindSurvivesTheRoundTripThroughItsLine() throws Exception {
    for (Kind k : Kind.values()) {
      RunEvent e = sample(k.type());
      assertThat(e.kind()).as(k.name()).isEqualTo(k);
      TraceRecord r = new TraceRecord(123_456_789L, "client", e);
      String line = TraceJson.line(r);
      assertThat(line).startsWith("{\"t\":123456789,\"node\":\"client\",\"kind\":\"" + k.wireName() + "\"");
      assertThat(TraceJson.parse(line)).as(line).isEqualTo(r);
    }
  }

  @Test
  void aPacketLineReadsAsTheRfcAndLinuxToolsWriteIt() {
    var sent = new PacketEvent.Sent(7, "client", "server", 52, new PacketEvent.Segment(49152, 443,
        List.of(TcpFlag.SYN, TcpFlag.ACK), 1000, 2000, 0, 65535, null, null));
    assertThat(TraceJson.line(new TraceRecord(5, "client", sent))).isEqualTo("{\"t\":5,\"node\":\"client\","
        + "\"kind\":\"packet.send\",\"id\":7,\"from\":\"client\",\"to\":\"server\",\"size\":52,\"tcp\":{\"sport\":49152,"
        + "\"dport\":443,\"flags\":[\"SYN\",\"ACK\"],\"seq\":1000,\"ack\":2000,\"len\":0,\"win\":65535}}");
    var drop = new PacketEvent.Dropped(7, "a->b", PacketEvent.DropReason.DROP_LIST);
    assertThat(TraceJson.line(new TraceRecord(5, "a", drop)))
        .isEqualTo("{\"t\":5,\"node\":\"a\",\"kind\":\"packet.drop\",\"id\":7,\"link\":\"a->b\",\"reason\":\"drop-list\"}");
    var tls = new TlsChannelEvent.Alert(FLOW, Direction.SENT, "bad_certificate", true, "hostname");
    assertThat(TraceJson.line(new TraceRecord(0, "client", tls))).contains("\"flow\":\"client:49152>server:443\","
        + "\"dir\":\"sent\"");
  }

  @Test
  void aLineOfAnUnknownKindOrBrokenJsonIsAClearError() {
    assertThatThrownBy(() -> TraceJson.parse("{\"t\":1,\"node\":\"a\",\"kind\":\"tcp.teleport\"}"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown kind 'tcp.teleport'");
    assertThatThrownBy(() -> TraceJson.read(new StringReader("\n{\"t\":1,\n")))
        .isInstanceOf(java.io.IOException.class).hasMessageStartingWith("trace line 2:");
    assertThatThrownBy(() -> Flow.parse("client-server")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aFlowNamesItsConnectionFromEitherEnd() {
    assertThat(Flow.parse("client:49152>server:443")).isEqualTo(FLOW);
    assertThat(FLOW.joins("server", 443, "client", 49152)).isTrue();
    assertThat(FLOW.joins("client", 49152, "server", 443)).isTrue();
    assertThat(FLOW.joins("client", 49153, "server", 443)).isFalse();
  }

  private static void collectLeaves(Class<?> type, Set<Class<?>> out) {
    if (type.isRecord()) {
      out.add(type);
      return;
    }
    for (Class<?> sub : type.getPermittedSubclasses()) {
      collectLeaves(sub, out);
    }
  }

  /** A record of the type with a distinct, non-default value in every component. */
  static RunEvent sample(Class<? extends RunEvent> type) throws Exception {
    return (RunEvent) build(type);
  }

  private static Object build(Class<?> type) throws Exception {
    RecordComponent[] cs = type.getRecordComponents();
    Object[] args = new Object[cs.length];
    Class<?>[] types = new Class<?>[cs.length];
    for (int i = 0; i < cs.length; i++) {
      types[i] = cs[i].getType();
      args[i] = value(cs[i].getType(), cs[i].getGenericType(), i);
    }
    Constructor<?> ctor = type.getDeclaredConstructor(types);
    return ctor.newInstance(args);
  }

  private static Object value(Class<?> type, Type generic, int i) throws Exception {
    if (type == long.class || type == Long.class) {
      return 1000L + i;
    }
    if (type == int.class || type == Integer.class) {
      return 10 + i;
    }
    if (type == boolean.class || type == Boolean.class) {
      return true;
    }
    if (type == String.class) {
      return "v" + i;
    }
    if (type == Flow.class) {
      return new Flow("n" + i, 40000 + i, "server", 443);
    }
    if (type.isEnum()) {
      Object[] constants = type.getEnumConstants();
      return constants[i % constants.length];
    }
    if (type == List.class) {
      Class<?> element = (Class<?>) ((ParameterizedType) generic).getActualTypeArguments()[0];
      List<Object> list = new ArrayList<>();
      list.add(value(element, element, i));
      list.add(value(element, element, i + 1));
      return list;
    }
    if (type.isRecord()) {
      return build(type);
    }
    throw new IllegalStateException("no sample for " + type);
  }
}
