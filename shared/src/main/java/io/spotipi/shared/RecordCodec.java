package io.spotipi.shared;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.MessageCodec;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Event-bus codec for a message record: passed by reference inside one JVM (records are immutable,
 * and the documents they carry are never mutated after sending), JSON bytes between cluster nodes.
 * Local delivery thus costs no serialization, which matters on the hot commit and change paths.
 */
final class RecordCodec<T> implements MessageCodec<T, T> {
  private final Class<T> type;

  RecordCodec(Class<T> type) {
    this.type = type;
  }

  @Override
  public void encodeToWire(Buffer buffer, T record) {
    try {
      byte[] json = Json.MAPPER.writeValueAsBytes(record);
      buffer.appendInt(json.length).appendBytes(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public T decodeFromWire(int pos, Buffer buffer) {
    int length = buffer.getInt(pos);
    try {
      return Json.MAPPER.readValue(buffer.getBytes(pos + 4, pos + 4 + length), type);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public T transform(T record) {
    return record;
  }

  @Override
  public String name() {
    return "spotipi." + type.getSimpleName();
  }

  @Override
  public byte systemCodecID() {
    return -1;
  }
}
