package dev.tlssim.party;

import java.nio.ByteBuffer;

/**
 * The workload spoken over a connection until (and above) TLS: the client sends a request whose
 * first 8 bytes say how long the request is and how many bytes the server should answer with;
 * the server answers once the whole request has arrived. A stand-in for an HTTP GET, with sizes
 * under the scenario's control.
 */
final class RequestResponse {
  static final int HEADER = 8;

  private RequestResponse() {}

  static byte[] request(int totalBytes, int responseBytes) {
    int size = Math.max(totalBytes, HEADER);
    ByteBuffer b = ByteBuffer.allocate(size);
    b.putInt(size).putInt(responseBytes);
    return b.array();
  }

  /** Reads requests from a byte stream as it arrives. */
  static final class Reader {
    private final byte[] header = new byte[HEADER];
    private int headerFill;
    private int expected = -1;
    private int responseBytes;
    private int received;

    /** Consumes bytes; returns the response size when a request completes, else -1. */
    int feed(byte[] data) {
      int i = 0;
      int result = -1;
      while (i < data.length) {
        if (headerFill < HEADER) {
          int n = Math.min(HEADER - headerFill, data.length - i);
          System.arraycopy(data, i, header, headerFill, n);
          headerFill += n;
          received += n;
          i += n;
          if (headerFill == HEADER) {
            ByteBuffer b = ByteBuffer.wrap(header);
            expected = b.getInt();
            responseBytes = b.getInt();
          }
        } else {
          int n = Math.min(expected - received, data.length - i);
          received += n;
          i += n;
        }
        if (headerFill == HEADER && received >= expected) {
          result = responseBytes;
          headerFill = 0;
          received = 0;
          expected = -1;
        }
      }
      return result;
    }
  }
}
