package io.spotipi.shared;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.core.json.jackson.VertxModule;
import java.util.Map;

/**
 * Maps the contract's records to and from the {@link JsonObject}s that travel on the event bus
 * (JSON crosses a cluster; Java serialization would not). One mapper, configured once.
 */
public final class Json {
  private Json() {
  }

  public static final ObjectMapper MAPPER = JsonMapper.builder()
      // JsonObject/JsonArray fields and Instants as ISO-8601 strings, as Vert.x itself writes them.
      .addModule(new VertxModule())
      // Newer peers in a rolling cluster upgrade may add fields: ignore what we do not know.
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      // Absent optional fields are left out, but a null inside a document (a merge patch's "reset") stays.
      .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.ALWAYS))
      .build();

  /** A record as the JsonObject sent on the bus. */
  @SuppressWarnings("unchecked")
  public static JsonObject toJson(Object value) {
    return new JsonObject(MAPPER.convertValue(value, Map.class));
  }

  /**
   * A message body as a record: the record itself when it was sent as one (see
   * {@link EventBusCodecs}), else mapped from the JsonObject a JSON-only client sent.
   *
   * @throws DecodeException when the body does not have the record's shape
   */
  public static <T> T fromJson(Object body, Class<T> type) {
    if (type.isInstance(body)) {
      return type.cast(body);
    }
    if (body == null) {
      body = new JsonObject();
    }
    if (!(body instanceof JsonObject json)) {
      throw new DecodeException("expected a JSON object, got " + body.getClass().getSimpleName());
    }
    try {
      return MAPPER.convertValue(json.getMap(), type);
    } catch (IllegalArgumentException e) {
      throw new DecodeException("malformed " + type.getSimpleName() + ": " + rootMessage(e));
    }
  }

  /**
   * A request's body as a record, or {@code null} after replying BAD_REQUEST to a body of another
   * shape: what every consumer of a request-reply address does first.
   */
  public static <T> T requestBody(Message<?> request, Class<T> type) {
    try {
      return fromJson(request.body(), type);
    } catch (DecodeException e) {
      new ConfigFailure(ErrorCode.BAD_REQUEST, e.getMessage()).replyTo(request);
      return null;
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    String m = t.getMessage();
    int cut = m == null ? -1 : m.indexOf('\n');
    return cut < 0 ? String.valueOf(m) : m.substring(0, cut);
  }
}
