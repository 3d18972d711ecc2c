package io.spotipi.config.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.spotipi.shared.ConfigKeys;
import io.spotipi.shared.ConfigSchema;
import io.spotipi.shared.FieldError;
import io.spotipi.shared.Json;
import io.spotipi.shared.SchedulerState;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Checks a whole effective config against the shared JSON Schema, plus what a schema does not say:
 * the timezone must be an IANA zone java.time knows, and the keys the store keeps for itself
 * ({@code _meta}, the schedulers' old bookkeeping keys, now internal state) are not the user's.
 *
 * <p>The validator is networknt's json-schema-validator: every commit is checked on the owner's one
 * event loop, and vertx-json-schema was slow enough there to cap the commit rate on its own.
 */
final class ConfigValidator {
  private static final Set<String> ZONES = ZoneId.getAvailableZoneIds();

  /**
   * Top-level keywords that constrain each property on its own. A schema made only of these (the
   * shared one is) cannot fail a document because of keys it does not look at, unlike {@code required},
   * {@code minProperties}, {@code dependentSchemas} or {@code if}.
   */
  private static final Set<String> PER_PROPERTY_KEYWORDS = Set.of("$schema", "$id", "$comment", "title",
      "description", "type", "properties", "additionalProperties");

  private final Schema schema;
  private final boolean perProperty;

  ConfigValidator() {
    this(ConfigSchema.bytes());
  }

  ConfigValidator(Buffer schemaJson) {
    try {
      JsonNode root = Json.MAPPER.readTree(schemaJson.getBytes());
      schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(root);
      perProperty = isPerProperty(root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean isPerProperty(JsonNode root) {
    if (!root.isObject() || !"object".equals(root.path("type").asText())) {
      return false;
    }
    for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
      if (!PER_PROPERTY_KEYWORDS.contains(it.next())) {
        return false;
      }
    }
    return true;
  }

  /** Whether {@link #validateKeys} checks only the given keys (else it checks the whole document). */
  boolean checksKeysAlone() {
    return perProperty;
  }

  /**
   * The field errors of a document that differs from a valid one only in {@code keys}. With a schema
   * whose rules are per property (checked when built) only those keys' values are checked, so a
   * small merge patch costs the owner's event loop a fraction of a whole document's check. With any
   * other schema the whole document is checked.
   */
  List<FieldError> validateKeys(JsonObject document, Iterable<String> keys) {
    if (!perProperty) {
      return validate(document);
    }
    JsonObject touched = new JsonObject();
    for (String key : keys) {
      if (document.containsKey(key)) {
        touched.put(key, document.getValue(key));
      }
    }
    return validate(touched);
  }

  /** Every field error of the document; empty when it is valid. */
  List<FieldError> validate(JsonObject document) {
    List<FieldError> errors = new ArrayList<>();
    if (document.containsKey(ConfigRules.META)) {
      errors.add(new FieldError(ConfigRules.META, "is reserved for the store's bookkeeping"));
    }
    for (String key : SchedulerState.LEGACY_CONFIG_KEYS) {
      if (document.containsKey(key)) {
        errors.add(new FieldError(key, "is the schedulers' internal state, not config"));
      }
    }
    for (Error e : schema.validate(Json.MAPPER.valueToTree(document))) {
      errors.add(new FieldError(field(e.getInstanceLocation().toString()), e.getMessage()));
    }
    Object zone = document.getValue(ConfigKeys.TIMEZONE);
    if (zone instanceof String z && !z.isEmpty() && !ZONES.contains(z)) {
      errors.add(new FieldError(ConfigKeys.TIMEZONE, "'" + z + "' is not an IANA time zone id"));
    }
    return errors;
  }

  /** A JSON pointer like {@code /weekdays/2} as a field name ({@code weekdays[2]}); the root is "". */
  static String field(String pointer) {
    if (pointer == null || pointer.isEmpty() || pointer.equals("/")) {
      return "";
    }
    StringBuilder out = new StringBuilder();
    for (String part : pointer.substring(pointer.startsWith("/") ? 1 : 0).split("/", -1)) {
      String token = part.replace("~1", "/").replace("~0", "~");
      if (!token.isEmpty() && token.chars().allMatch(Character::isDigit) && out.length() > 0) {
        out.append('[').append(token).append(']');
      } else {
        out.append(out.length() > 0 ? "." : "").append(token);
      }
    }
    return out.toString();
  }
}
