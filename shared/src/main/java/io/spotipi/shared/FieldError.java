package io.spotipi.shared;

/** One validation failure: the JSON field (a top-level key or a JSON pointer) and what is wrong. */
public record FieldError(String field, String message) {
  @Override
  public String toString() {
    return field + ": " + message;
  }
}
