package dev.tlssim.tls.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The running digests give exactly the hash of everything added so far, whatever the order of snapshots. */
class TranscriptHashTest {
  @Test
  void everySnapshotEqualsTheHashOfAllMessagesSoFar() throws Exception {
    TranscriptHash transcript = new TranscriptHash();
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    Random random = new Random(7);
    for (int i = 0; i < 12; i++) {
      byte[] message = new byte[4 + random.nextInt(3000)];
      random.nextBytes(message);
      transcript.add(message);
      all.write(message);
      // SHA-256 from the second message on, SHA-384 joins later: both start from the buffered bytes.
      if (i >= 1) {
        assertThat(transcript.hash("SHA-256")).isEqualTo(jca("SHA-256", all.toByteArray()));
        // A snapshot leaves the running digest as it was.
        assertThat(transcript.hash("SHA-256")).isEqualTo(jca("SHA-256", all.toByteArray()));
      }
      if (i >= 5) {
        assertThat(transcript.hash("SHA-384")).isEqualTo(jca("SHA-384", all.toByteArray()));
      }
    }
    assertThat(transcript.messages()).isEqualTo(all.toByteArray());
    assertThat(transcript.length()).isEqualTo(all.size());
  }

  @Test
  void anUnknownHashIsRefusedAndAShortMessageToo() {
    TranscriptHash transcript = new TranscriptHash();
    assertThatThrownBy(() -> transcript.hash("MD5")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> transcript.add(new byte[3])).isInstanceOf(IllegalArgumentException.class);
  }

  private static byte[] jca(String algorithm, byte[] data) throws Exception {
    return MessageDigest.getInstance(algorithm).digest(data);
  }
}
