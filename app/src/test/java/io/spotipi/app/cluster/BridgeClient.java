package io.spotipi.app.cluster;

import io.vertx.core.json.JsonObject;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A non-JVM-style client of the TCP event-bus bridge on a plain socket: each frame is a 4-byte
 * big-endian length followed by that many bytes of UTF-8 JSON, in both directions.
 */
final class BridgeClient implements AutoCloseable {
  private final Socket socket;
  private final DataInputStream in;
  private final DataOutputStream out;

  BridgeClient(int port, Duration readTimeout) throws IOException {
    socket = new Socket(InetAddress.getLoopbackAddress(), port);
    socket.setSoTimeout((int) readTimeout.toMillis());
    in = new DataInputStream(socket.getInputStream());
    out = new DataOutputStream(socket.getOutputStream());
  }

  void write(JsonObject frame) throws IOException {
    byte[] json = frame.encode().getBytes(StandardCharsets.UTF_8);
    out.writeInt(json.length);
    out.write(json);
    out.flush();
  }

  /** The next frame; a {@link java.net.SocketTimeoutException} when none comes within the read timeout. */
  JsonObject read() throws IOException {
    byte[] json = new byte[in.readInt()];
    in.readFully(json);
    return new JsonObject(new String(json, StandardCharsets.UTF_8));
  }

  void register(String address) throws IOException {
    write(new JsonObject().put("type", "register").put("address", address));
  }

  /** A request: the answer comes back as a frame addressed to {@code replyAddress}. */
  void send(String address, String replyAddress, JsonObject body, JsonObject headers) throws IOException {
    JsonObject frame = new JsonObject().put("type", "send").put("address", address)
        .put("replyAddress", replyAddress).put("body", body);
    if (headers != null) {
      frame.put("headers", headers);
    }
    write(frame);
  }

  /** The next frame of the given type and address, skipping others (at most {@code limit} frames). */
  JsonObject readUntil(String type, String address, int limit) throws IOException {
    for (int i = 0; i < limit; i++) {
      JsonObject frame = read();
      if (type.equals(frame.getString("type")) && (address == null || address.equals(frame.getString("address")))) {
        return frame;
      }
    }
    throw new AssertionError("no " + type + " frame for " + address + " within " + limit + " frames");
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
