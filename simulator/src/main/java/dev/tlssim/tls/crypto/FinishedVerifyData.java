package dev.tlssim.tls.crypto;

import java.security.MessageDigest;

/**
 * The Finished message's verify_data (RFC 5246 §7.4.9):
 *
 * <pre>
 * verify_data = PRF(master_secret, finished_label, Hash(handshake_messages))[0..verify_data_length-1]
 * </pre>
 *
 * with finished_label "client finished" or "server finished" according to the sender, Hash the
 * PRF hash, and verify_data_length 12 for every TLS 1.2 suite defined so far.
 */
public final class FinishedVerifyData {
  /** RFC 5246 §7.4.9: "verify_data_length ... defaults to 12". */
  public static final int LENGTH = 12;

  private FinishedVerifyData() {}

  public static String label(ConnectionEnd sender) {
    return sender == ConnectionEnd.CLIENT ? "client finished" : "server finished";
  }

  /** verify_data sent by {@code sender}, with the PRF step recorded for traces. */
  public static PrfDerivation derive(String prfHash, byte[] masterSecret, ConnectionEnd sender, byte[] handshakeHash) {
    return Prf.derive(prfHash, masterSecret, label(sender), handshakeHash, LENGTH);
  }

  /** verify_data sent by {@code sender}. */
  public static byte[] compute(String prfHash, byte[] masterSecret, ConnectionEnd sender, byte[] handshakeHash) {
    return Prf.compute(prfHash, masterSecret, label(sender), handshakeHash, LENGTH);
  }

  /**
   * Compares received and expected verify_data in time independent of where they differ
   * ({@link MessageDigest#isEqual} is constant-time since Java 6u17), so a forger learns nothing
   * from how quickly a wrong Finished is rejected. A mismatch is a decrypt_error (RFC 5246 §7.4.9:
   * "Recipients of Finished messages MUST verify that the contents are correct").
   */
  public static boolean matches(byte[] expected, byte[] received) {
    return MessageDigest.isEqual(expected, received);
  }
}
