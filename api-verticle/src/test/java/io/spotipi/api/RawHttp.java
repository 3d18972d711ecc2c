package io.spotipi.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One HTTP/1.1 exchange over a plain socket, for requests a well-behaved client library will not send
 * (chunked bodies it would buffer, broken framing, arbitrary bytes).
 */
final class RawHttp {
  private RawHttp() {
  }

  /** The server's answer: status code, head (lower-cased header names) and body text. */
  record Answer(int status, String head, String body) {
    String header(String name) {
      for (String line : head.split("\r\n")) {
        int colon = line.indexOf(':');
        if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
          return line.substring(colon + 1).trim();
        }
      }
      return null;
    }
  }

  /** Sends the bytes, then reads one response (Content-Length framed) within the timeout. */
  static Answer exchange(int port, byte[] request, int timeoutMs) throws IOException {
    try (Socket s = new Socket("127.0.0.1", port)) {
      s.setSoTimeout(timeoutMs);
      OutputStream out = s.getOutputStream();
      try {
        out.write(request);
        out.flush();
        s.shutdownOutput(); // nothing more is coming: a server waiting for the rest of a broken request sees EOF
      } catch (IOException closedEarly) {
        // the server may answer and stop reading before the whole request is written
      }
      InputStream in = s.getInputStream();
      ByteArrayOutputStream buf = new ByteArrayOutputStream();
      byte[] chunk = new byte[8192];
      int headEnd = -1;
      int length = -1;
      while (true) {
        int n = in.read(chunk);
        if (n < 0) {
          break;
        }
        buf.write(chunk, 0, n);
        String text = buf.toString(StandardCharsets.ISO_8859_1);
        if (headEnd < 0 && (headEnd = text.indexOf("\r\n\r\n")) >= 0) {
          String cl = new Answer(0, text.substring(0, headEnd), "").header("content-length");
          length = cl == null ? 0 : Integer.parseInt(cl);
        }
        if (headEnd >= 0 && buf.size() >= headEnd + 4 + length) {
          break;
        }
      }
      String text = buf.toString(StandardCharsets.UTF_8);
      int end = text.indexOf("\r\n\r\n");
      if (end < 0) {
        throw new IOException("no complete response head: " + text);
      }
      String head = text.substring(0, end);
      int status = Integer.parseInt(head.substring(9, 12));
      return new Answer(status, head.toLowerCase(Locale.ROOT), text.substring(end + 4));
    }
  }

  static byte[] chunked(String method, String path, String contentType, String... chunks) {
    StringBuilder b = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        + "Content-Type: " + contentType + "\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n");
    for (String c : chunks) {
      byte[] bytes = c.getBytes(StandardCharsets.UTF_8);
      b.append(Integer.toHexString(bytes.length)).append("\r\n").append(c).append("\r\n");
    }
    b.append("0\r\n\r\n");
    return b.toString().getBytes(StandardCharsets.UTF_8);
  }
}
