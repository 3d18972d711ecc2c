package io.spotipi.config.impl;

import io.spotipi.shared.ConfigSchema;
import io.spotipi.shared.FieldError;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.Draft;
import io.vertx.json.schema.JsonSchema;
import io.vertx.json.schema.JsonSchemaOptions;
import io.vertx.json.schema.OutputFormat;
import io.vertx.json.schema.OutputUnit;
import io.vertx.json.schema.Validator;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Checks a whole effective config against the shared JSON Schema (vertx-json-schema), plus the one
 * rule a schema cannot express: the timezone must be an IANA zone java.time knows.
 */
public final class ConfigValidator {
  /** Keys the store keeps for itself; a client may not write them. */
  public static final String META = "_meta";

  private static final Set<String> ZONES = ZoneId.getAvailableZoneIds();

  private final Validator validator = Validator.create(JsonSchema.of(ConfigSchema.json()),
      new JsonSchemaOptions().setDraft(Draft.DRAFT202012).setBaseUri("urn:spotipi:")
          .setOutputFormat(OutputFormat.Basic));

  /** Every field error of the document; empty when it is valid. */
  public List<FieldError> validate(JsonObject document) {
    List<FieldError> errors = new ArrayList<>();
    if (document.containsKey(META)) {
      errors.add(new FieldError(META, "is reserved for the store's bookkeeping"));
    }
    OutputUnit result = validator.validate(document);
    if (!Boolean.TRUE.equals(result.getValid()) && result.getErrors() != null) {
      for (OutputUnit e : result.getErrors()) {
        errors.add(new FieldError(field(e.getInstanceLocation()), e.getError()));
      }
    }
    Object zone = document.getValue("timezone");
    if (zone instanceof String z && !z.isEmpty() && !ZONES.contains(z)) {
      errors.add(new FieldError("timezone", "'" + z + "' is not an IANA time zone id"));
    }
    return errors;
  }

  /** A JSON pointer like {@code /weekdays/2} as a field name ({@code weekdays[2]}); the root is "". */
  static String field(String pointer) {
    if (pointer == null || pointer.isEmpty() || pointer.equals("#") || pointer.equals("/")) {
      return "";
    }
    String p = pointer.startsWith("#") ? pointer.substring(1) : pointer;
    StringBuilder out = new StringBuilder();
    for (String part : p.substring(p.startsWith("/") ? 1 : 0).split("/", -1)) {
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
