package dev.tlssim.tls.crypto;

import dev.tlssim.tls.AlertDescription;
import dev.tlssim.tls.CipherSuite;
import dev.tlssim.tls.ContentType;
import dev.tlssim.tls.ProtocolVersion;
import dev.tlssim.tls.TlsAlertException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.modes.CBCBlockCipher;
import org.bouncycastle.crypto.modes.CBCModeCipher;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;

/**
 * AES-CBC with HMAC record protection, MAC-then-encrypt (RFC 5246 §6.2.3.1 and §6.2.3.2):
 *
 * <pre>
 * MAC      = HMAC(MAC_write_key, seq_num + type + version + length + content)
 * fragment = IV || AES-CBC(write_key, IV, content + MAC + padding + padding_length)
 * </pre>
 *
 * The IV is explicit and fresh per record (RFC 5246 §6.2.3.2: "The Initialization Vector (IV)
 * SHOULD be chosen at random, and MUST be unpredictable"); it comes from the SecureRandom given
 * at construction so runs stay reproducible. Padding is minimal: every padding byte, and the
 * padding_length byte, hold the padding length.
 *
 * <p>Decryption resists the padding oracle: padding is checked without data-dependent branches,
 * the MAC is always computed (over the content implied by the padding if it is valid, else as if
 * the padding were empty, as RFC 5246 §6.2.3.2's implementation note suggests), and bad padding
 * and bad MAC raise the same bad_record_mac (RFC 5246 §7.2.2). Remaining caveat, the one the
 * RFC's note admits and Lucky Thirteen (AlFardan and Paterson, 2013) exploits: the HMAC's running
 * time still depends on the content length, hence slightly on the padding length. Closing it
 * needs a constant-time HMAC over the maximal length; a simulator is not a timing target, so we
 * document it rather than pay for it.
 */
final class AesCbcHmacRecordProtection implements RecordProtection {
  static final int BLOCK_LENGTH = 16;

  private final KeyParameter key;
  private final CipherSuite.Mac mac;
  private final byte[] macKey;
  private final SecureRandom random;
  private final SequenceNumber sequence = new SequenceNumber();

  AesCbcHmacRecordProtection(CipherSuite.Mac mac, byte[] macKey, byte[] key, SecureRandom random) {
    if (mac == CipherSuite.Mac.AEAD || macKey.length != mac.keyLength()) {
      throw new IllegalArgumentException("CBC needs an HMAC key of " + mac.keyLength() + " bytes");
    }
    this.key = new KeyParameter(key);
    this.mac = mac;
    this.macKey = macKey.clone();
    this.random = random;
  }

  @Override
  public byte[] seal(ContentType type, ProtocolVersion version, byte[] plaintext) {
    long start = CryptoCpuMeter.symmetricStart();
    try {
      return sealUnmetered(type, version, plaintext);
    } finally {
      CryptoCpuMeter.symmetricEnd(start);
    }
  }

  private byte[] sealUnmetered(ContentType type, ProtocolVersion version, byte[] plaintext) {
    if (plaintext.length > MAX_PLAINTEXT_LENGTH) {
      throw new IllegalArgumentException("fragment of " + plaintext.length + " bytes exceeds 2^14");
    }
    long seq = sequence.advance();
    byte[] tag = mac(seq, type, version, plaintext, plaintext.length);
    int unpadded = plaintext.length + tag.length + 1;
    int paddingLength = (BLOCK_LENGTH - unpadded % BLOCK_LENGTH) % BLOCK_LENGTH;
    byte[] block = new byte[unpadded + paddingLength];
    System.arraycopy(plaintext, 0, block, 0, plaintext.length);
    System.arraycopy(tag, 0, block, plaintext.length, tag.length);
    for (int i = plaintext.length + tag.length; i < block.length; i++) {
      block[i] = (byte) paddingLength;
    }
    byte[] iv = new byte[BLOCK_LENGTH];
    random.nextBytes(iv);
    byte[] fragment = new byte[BLOCK_LENGTH + block.length];
    System.arraycopy(iv, 0, fragment, 0, BLOCK_LENGTH);
    CBCModeCipher cbc = CBCBlockCipher.newInstance(AESEngine.newInstance());
    cbc.init(true, new ParametersWithIV(key, iv));
    for (int off = 0; off < block.length; off += BLOCK_LENGTH) {
      cbc.processBlock(block, off, fragment, BLOCK_LENGTH + off);
    }
    return fragment;
  }

  @Override
  public byte[] open(ContentType type, ProtocolVersion version, byte[] fragment) throws TlsAlertException {
    long start = CryptoCpuMeter.symmetricStart();
    try {
      return openUnmetered(type, version, fragment);
    } finally {
      CryptoCpuMeter.symmetricEnd(start);
    }
  }

  private byte[] openUnmetered(ContentType type, ProtocolVersion version, byte[] fragment) throws TlsAlertException {
    if (fragment.length > MAX_CIPHERTEXT_LENGTH) {
      throw new TlsAlertException(AlertDescription.RECORD_OVERFLOW,
          "ciphertext of " + fragment.length + " bytes exceeds 2^14+2048 (RFC 5246 §6.2.3)");
    }
    long seq = sequence.advance();
    int macLength = mac.length();
    // The smallest valid record is IV + enough blocks for MAC and padding_length. RFC 5246 §7.2.2:
    // bad_record_mac "MUST be returned if ... a TLSCiphertext decrypted in an invalid way: either it
    // wasn't an even multiple of the block length, or its padding values ... weren't correct".
    int minimum = BLOCK_LENGTH + roundUp(macLength + 1);
    if (fragment.length % BLOCK_LENGTH != 0 || fragment.length < minimum) {
      throw badRecordMac(seq);
    }
    int length = fragment.length - BLOCK_LENGTH;
    byte[] decrypted = new byte[length];
    CBCModeCipher cbc = CBCBlockCipher.newInstance(AESEngine.newInstance());
    cbc.init(false, new ParametersWithIV(key, fragment, 0, BLOCK_LENGTH));
    for (int off = 0; off < length; off += BLOCK_LENGTH) {
      cbc.processBlock(fragment, BLOCK_LENGTH + off, decrypted, off);
    }

    int paddingLength = decrypted[length - 1] & 0xff;
    int paddingGood = paddingMask(decrypted, paddingLength, macLength);
    // With bad padding, take the padding as empty and go on to the MAC anyway (RFC 5246 §6.2.3.2).
    int contentLength = length - macLength - 1 - (paddingLength & paddingGood);
    byte[] expected = mac(seq, type, version, decrypted, contentLength);
    byte[] received = new byte[macLength];
    System.arraycopy(decrypted, contentLength, received, 0, macLength);
    boolean macGood = MessageDigest.isEqual(expected, received);
    if (!macGood | paddingGood == 0) {
      throw badRecordMac(seq);
    }
    if (contentLength > MAX_PLAINTEXT_LENGTH) {
      throw new TlsAlertException(AlertDescription.RECORD_OVERFLOW,
          "record decrypts to " + contentLength + " bytes, over 2^14 (RFC 5246 §6.2.1)");
    }
    byte[] content = new byte[contentLength];
    System.arraycopy(decrypted, 0, content, 0, contentLength);
    return content;
  }

  @Override
  public long sequenceNumber() {
    return sequence.current();
  }

  /**
   * -1 if the padding is well formed (fits before the MAC, and each of the padding_length+1 last
   * bytes equals padding_length), else 0. Always inspects the same 256 bytes (or the whole record
   * if shorter) so its time does not depend on the padding value.
   */
  private static int paddingMask(byte[] decrypted, int paddingLength, int macLength) {
    int length = decrypted.length;
    // Negative (sign bit set) when padding_length + 1 + MAC does not fit in the record.
    int bad = (length - macLength - 1 - paddingLength) >> 31;
    int toCheck = Math.min(256, length);
    for (int i = 0; i < toCheck; i++) {
      int inPadding = (i - paddingLength - 1) >> 31; // -1 while i <= paddingLength
      bad |= inPadding & ((decrypted[length - 1 - i] & 0xff) ^ paddingLength);
    }
    // Collapse "any bit set" to -1, then invert: good = -1, bad = 0.
    return ~((bad | -bad) >> 31);
  }

  private byte[] mac(long seq, ContentType type, ProtocolVersion version, byte[] content, int contentLength) {
    HMac hmac = new HMac(HashAlgorithm.create(mac.hash()));
    hmac.init(new KeyParameter(macKey));
    byte[] header = AdditionalData.of(seq, type, version, contentLength);
    hmac.update(header, 0, header.length);
    hmac.update(content, 0, contentLength);
    byte[] out = new byte[hmac.getMacSize()];
    hmac.doFinal(out, 0);
    return out;
  }

  private static int roundUp(int n) {
    return (n + BLOCK_LENGTH - 1) / BLOCK_LENGTH * BLOCK_LENGTH;
  }

  private static TlsAlertException badRecordMac(long seq) {
    return new TlsAlertException(AlertDescription.BAD_RECORD_MAC,
        "CBC record " + Long.toUnsignedString(seq) + " failed padding or MAC check");
  }
}
