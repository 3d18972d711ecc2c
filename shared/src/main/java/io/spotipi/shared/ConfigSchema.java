package io.spotipi.shared;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The JSON Schema every committed config must satisfy (also served at {@code GET /api/config/schema}). */
public final class ConfigSchema {
  private ConfigSchema() {
  }

  public static final String RESOURCE = "/spotipi/config-schema.json";

  private static final Buffer BYTES = read(RESOURCE);

  /** The schema as a fresh JsonObject. */
  public static JsonObject json() {
    return new JsonObject(BYTES);
  }

  /** The schema file's bytes, as shipped. */
  public static Buffer bytes() {
    return BYTES.copy();
  }

  /** A classpath resource's bytes; a missing one is a packaging bug. */
  public static Buffer read(String resource) {
    try (InputStream in = ConfigSchema.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("resource missing from the classpath: " + resource);
      }
      return Buffer.buffer(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
