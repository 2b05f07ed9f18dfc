package dev.tlssim.tls.v12;

/**
 * One session ticket key of RFC 5077 §4's recommended ticket construction: the 16-byte key_name
 * that tickets carry in the clear, the AES-128-CBC key that encrypts the session state, and the
 * HMAC-SHA-256 key that authenticates the ticket.
 *
 * @param period the rotation period this key is current for, counted from the schedule's epoch
 */
record TicketKey(long period, byte[] keyName, byte[] encryptionKey, byte[] macKey) {
  static final int KEY_NAME_LENGTH = 16;
  static final int ENCRYPTION_KEY_LENGTH = 16;
  static final int MAC_KEY_LENGTH = 32;

  TicketKey {
    keyName = keyName.clone();
    encryptionKey = encryptionKey.clone();
    macKey = macKey.clone();
  }

  @Override
  public byte[] keyName() {
    return keyName.clone();
  }

  @Override
  public byte[] encryptionKey() {
    return encryptionKey.clone();
  }

  @Override
  public byte[] macKey() {
    return macKey.clone();
  }

  /** Leaves the keys out, so that logging a key does not leak it. */
  @Override
  public String toString() {
    return "TicketKey[period=" + period + ", keyName="
        + java.util.HexFormat.of().formatHex(keyName) + "]";
  }
}
