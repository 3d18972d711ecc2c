package io.spotipi.app.torture;

import io.spotipi.shared.testing.BadForms;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

/**
 * Generates requests that must all be refused with a 4xx: malformed, truncated, too deep, too large or
 * wrongly typed JSON, a value outside its rule for every schema field, wrong content types, malformed
 * or stale If-Match, a foreign Origin, unknown paths and methods, bad backup ids, broken forms on
 * {@code /save_alarm} ({@link BadForms}), and (raw bytes on a socket) broken HTTP itself. The JSON
 * cases go to every route that takes a JSON document. Deterministic for a seed.
 */
final class BadRequests {
  /** A request the HTTP client can send. */
  record Http(String kind, String method, String path, Map<String, String> headers, byte[] body) {
  }

  private static final String MERGE = "application/merge-patch+json";
  private static final String LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

  /** For every schema field, values its rule rejects (as JSON text). */
  static final Map<String, List<String>> INVALID_VALUES = Map.ofEntries(
      Map.entry("enabled", List.of("\"true\"", "1", "\"yes\"", "[]", "{}")),
      Map.entry("time", List.of("\"24:00\"", "\"07:60\"", "\"7\"", "700", "\"０７:００\"", "\"07:00 \"", "\"\"")),
      Map.entry("playlist_uri", List.of("\"spotify:playlist:short\"", "\"http://x.example\"", "5",
          "\"spotify:track:ÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄ\"", "\"spotify:podcast:0123456789abcdefghijkl\"")),
      Map.entry("playlist_name", List.of("\"" + "n".repeat(101) + "\"", "42", "[\"a\"]")),
      Map.entry("device_name", List.of("\"a<b\"", "\"x>\"", "\"tab\\tname\"", "\"nul\\u0000\"", "\"\\u001b[31m\"",
          "\"" + "d".repeat(101) + "\"", "true")),
      Map.entry("alarm_volume", List.of("-1", "101", "\"20\"", "20.5", "1e400", "123456789012345678901234567890",
          "true", "[20]")),
      Map.entry("fade_in", List.of("\"false\"", "0")),
      Map.entry("shuffle", List.of("\"no\"", "1")),
      Map.entry("snooze_enabled", List.of("\"on\"", "{}")),
      Map.entry("debug", List.of("\"1\"", "2")),
      Map.entry("weekdays", List.of("[7]", "[-1]", "[1,1]", "\"mon\"", "[0.5]", "[\"0\"]", "5", "{}")),
      Map.entry("snooze_minutes", List.of("0", "61", "\"9\"", "9.5")),
      Map.entry("snooze_window_minutes", List.of("0", "481", "-5")),
      Map.entry("sleep_volume", List.of("-1", "101", "\"30\"")),
      Map.entry("sleep_default_duration", List.of("0", "241", "1e3")),
      Map.entry("sleep_playlist_uri", List.of("1", "[]", "{}")),
      Map.entry("sleep_device_name", List.of("2", "false")),
      Map.entry("log_level", List.of("\"TRACE\"", "\"info\"", "\"İNFO\"", "3", "\"\"")),
      Map.entry("timezone", List.of("\"Mars/Olympus_Mons\"", "\"\"", "5", "\"Europe/Vienna\\u0000\"", "\"../../etc\"")),
      Map.entry("language", List.of("7", "[]")),
      Map.entry("last_known_devices", List.of("[]", "\"x\"", "3")),
      Map.entry("env_defaults", List.of("{\"a\":1}", "[]", "\"x\"", "{\"b\":{}}")));

  private static final List<String> FIELDS = List.copyOf(INVALID_VALUES.keySet().stream().sorted().toList());

  private final Random random;
  private final List<Function<Random, Http>> generators = List.of(
      this::invalidField, this::invalidField, this::invalidField, this::malformedJson, this::truncatedJson,
      this::notAnObject, this::deepNesting, this::wrongContentType, this::badIfMatch, this::staleIfMatch,
      this::foreignOrigin, this::invalidUtf8, this::unknownPath, this::wrongMethod, this::badBackupId,
      this::invalidKeyValue, this::unknownKey, this::oversized, this::brokenForm, this::brokenForm);
  private final BadForms forms;

  BadRequests(long seed) {
    this.random = new Random(seed);
    this.forms = new BadForms(random);
  }

  Http next() {
    return generators.get(random.nextInt(generators.size())).apply(random);
  }

  /** The routes that take a whole JSON document or a merge patch of one. */
  private static final String[][] DOCUMENT_ROUTES = {{"PATCH", "/api/config"}, {"PUT", "/api/config"},
      {"PUT", "/api/alarm"}};

  private static Http config(String kind, Random r, String contentType, byte[] body, String... headers) {
    String[] route = DOCUMENT_ROUTES[r.nextInt(DOCUMENT_ROUTES.length)];
    String method = route[0];
    Map<String, String> h = new HashMap<>();
    if (contentType != null) {
      // PUT takes a whole document, not a merge patch: give it the JSON type, so the body is what is tested.
      h.put("Content-Type", method.equals("PUT") && contentType.equals(MERGE) ? "application/json" : contentType);
    }
    for (int i = 0; i + 1 < headers.length; i += 2) {
      h.put(headers[i], headers[i + 1]);
    }
    return new Http(kind, method, route[1], h, body);
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static String field(Random r) {
    return FIELDS.get(r.nextInt(FIELDS.size()));
  }

  private static String invalidValue(Random r, String field) {
    List<String> values = INVALID_VALUES.get(field);
    return values.get(r.nextInt(values.size()));
  }

  /** One field outside its rule, maybe among valid ones. */
  private Http invalidField(Random r) {
    String f = field(r);
    String body = "{\"alarm_volume\": 30, \"" + f + "\": " + invalidValue(r, f) + ", \"fuzz_" + r.nextInt(1000)
        + "\": \"ok\"}";
    return config("invalid-field", r, r.nextBoolean() ? MERGE : "application/json", utf8(body));
  }

  private Http malformedJson(Random r) {
    String[] broken = {"{", "}", "{\"a\" 1}", "{\"a\":}", "{'a': 1}", "{\"a\":1,}", "[1,2", "nul", "tru",
        "{\"a\":1}}", "{\"a\":1} trailing", "{\"a\":\"unterminated}", "{\"a\":\"\\x41\"}", "{\"a\":01}",
        "{\"a\":NaN}", "{\"a\":Infinity}", "{\"a\":-}", "\u0000", "", "   "};
    return config("malformed-json", r, MERGE, utf8(broken[r.nextInt(broken.length)]));
  }

  private Http truncatedJson(Random r) {
    String f = field(r);
    String whole = "{\"" + f + "\": " + invalidValue(r, f) + ", \"playlist_name\": \"abc\"}";
    return config("truncated-json", r, MERGE, utf8(whole.substring(0, 1 + r.nextInt(whole.length() - 1))));
  }

  /** Top-level values other than an object (a merge patch of null would delete everything). */
  private Http notAnObject(Random r) {
    String[] values = {"null", "[]", "[{\"alarm_volume\":1}]", "42", "\"text\"", "true", "1e999999"};
    return config("not-an-object", r, MERGE, utf8(values[r.nextInt(values.length)]));
  }

  private Http deepNesting(Random r) {
    int depth = 500 + r.nextInt(5_000);
    boolean arrays = r.nextBoolean();
    String open = arrays ? "[" : "{\"a\":";
    String close = arrays ? "]" : "}";
    String body = "{\"last_known_devices\": " + open.repeat(depth) + "1" + close.repeat(depth) + ", \"time\": 5}";
    return config("deep-nesting", r, MERGE, utf8(body));
  }

  private Http wrongContentType(Random r) {
    String[] types = {null, "text/plain", "application/xml", "multipart/form-data; boundary=x",
        "multipart/form-data; boundary=", "application/x-www-form-urlencoded; charset=nope",
        "application/x-www-form-urlencoded", "application/jsonx", "image/png"};
    return config("wrong-content-type", r, types[r.nextInt(types.length)], utf8("{\"alarm_volume\": 33}"));
  }

  private Http badIfMatch(Random r) {
    String[] tags = {"5", "\"abc\"", "\"\"", "\"-1\"", "\"1", "1\"", "\"1\" garbage", "\"1.5\"",
        "\"99999999999999999999999\"", ",,,"};
    return config("bad-if-match", r, MERGE, utf8("{\"alarm_volume\": 34}"), "If-Match", tags[r.nextInt(tags.length)]);
  }

  /** A valid body, but compare-and-set against a revision the store never reached. */
  private Http staleIfMatch(Random r) {
    return config("stale-if-match", r, MERGE, utf8("{\"alarm_volume\": 35}"), "If-Match",
        "\"" + (1_000_000 + r.nextInt(1_000_000)) + "\"");
  }

  private Http foreignOrigin(Random r) {
    String[] origins = {"http://evil.example", "null", "https://127.0.0.1.evil.example", "file://"};
    return config("foreign-origin", r, MERGE, utf8("{\"alarm_volume\": 36}"), "Origin",
        origins[r.nextInt(origins.length)]);
  }

  /** Byte sequences that are not UTF-8, and JSON escapes of lone surrogates, inside a string. */
  private Http invalidUtf8(Random r) {
    byte[][] bad = {{(byte) 0xC0, (byte) 0x80}, {(byte) 0xFF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
        {(byte) 0xE2, (byte) 0x82}, {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}};
    byte[] prefix = utf8("{\"device_name\": \"a<");
    byte[] mid = bad[r.nextInt(bad.length)];
    byte[] suffix = utf8("\\ud800\"}");
    byte[] body = new byte[prefix.length + mid.length + suffix.length];
    System.arraycopy(prefix, 0, body, 0, prefix.length);
    System.arraycopy(mid, 0, body, prefix.length, mid.length);
    System.arraycopy(suffix, 0, body, prefix.length + mid.length, suffix.length);
    return config("invalid-utf8", r, MERGE, body);
  }

  private Http unknownPath(Random r) {
    String[] paths = {"/api/confi", "/api/config/%00", "/api/%2e%2e/%2e%2e/etc/passwd",
        "/API/CONFIG", "/api/config;x=1/y", "/api/config/schema/x", "/api/backups/x/y/z", "/%ff%fe",
        "/api/config/fuzz_missing_" + r.nextInt(1_000_000), "/" + randomToken(r, 1 + r.nextInt(40))};
    return new Http("unknown-path", "GET", paths[r.nextInt(paths.length)], Map.of(), null);
  }

  private Http wrongMethod(Random r) {
    String[][] pairs = {{"DELETE", "/api/config"}, {"POST", "/api/config"}, {"POST", "/api/config/schema"},
        {"PUT", "/api/backups"}, {"DELETE", "/api/backups"}, {"PATCH", "/api/thread-safety/status"},
        {"POST", "/healthz"}, {"PUT", "/readyz"}, {"POST", "/api/config/history"}};
    String[] pair = pairs[r.nextInt(pairs.length)];
    return new Http("wrong-method", pair[0], pair[1], Map.of("Content-Type", MERGE), utf8("{\"alarm_volume\": 37}"));
  }

  private Http badBackupId(Random r) {
    String[] ids = {"..", "..%2F..%2Fdevelopment.json", "%2e%2e", "a%2Fb", "r%00", "*", "x%20y",
        "r0000000001-20990101T000000000Z", "r" + r.nextInt(1_000_000), randomToken(r, 1 + r.nextInt(30)) + "!"};
    return new Http("bad-backup-id", "POST", "/api/backups/" + ids[r.nextInt(ids.length)] + "/restore", Map.of(),
        null);
  }

  /** PUT /api/config/{key} with a value its rule rejects. */
  private Http invalidKeyValue(Random r) {
    String f = field(r);
    return new Http("invalid-key-value", "PUT", "/api/config/" + f, Map.of("Content-Type", "application/json"),
        utf8(invalidValue(r, f)));
  }

  /** Our bookkeeping key, and key segments that walk out of the resource. */
  private Http unknownKey(Random r) {
    String[] keys = {"_meta", "%2e%2e", "%2e"};
    return new Http("bad-key", "PUT", "/api/config/" + keys[r.nextInt(keys.length)],
        Map.of("Content-Type", "application/json"), utf8("5"));
  }

  private Http brokenForm(Random r) {
    BadForms.Form form = forms.next();
    return new Http("form-" + form.kind(), "POST", "/save_alarm", Map.of("Content-Type", form.contentType()),
        form.body());
  }

  /** Over 64 KiB: refused whatever it holds. */
  private Http oversized(Random r) {
    int size = 65 * 1024 + r.nextInt(16 * 1024);
    String body = "{\"playlist_name\": \"x\", \"fuzz_blob\": \"" + "z".repeat(size) + "\"}";
    return config("oversized", r, MERGE, utf8(body));
  }

  static String randomToken(Random r, int length) {
    StringBuilder sb = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      sb.append(LETTERS.charAt(r.nextInt(LETTERS.length())));
    }
    return sb.toString();
  }

  /** Broken HTTP/1.1 as raw bytes; each ends its header section so the server has the whole of it. */
  byte[] rawHttp() {
    String host = "Host: 127.0.0.1\r\nConnection: close\r\n";
    String[] texts = {
        "GET\r\n\r\n",
        "G@T /api/config HTTP/1.1\r\n" + host + "\r\n",
        "GET /api/config HTTP/9.9\r\n" + host + "\r\n",
        "GET /api/config HTTP/1.1\r\n" + host + "NoColonHere\r\n\r\n",
        "GET /api/config HTTP/1.1\r\n" + host + "X-Big: " + "b".repeat(20_000 + random.nextInt(20_000)) + "\r\n\r\n",
        "GET /" + "u".repeat(10_000 + random.nextInt(10_000)) + " HTTP/1.1\r\n" + host + "\r\n",
        "PATCH /api/config HTTP/1.1\r\n" + host + "Content-Type: " + MERGE + "\r\nContent-Length: abc\r\n\r\n",
        "PATCH /api/config HTTP/1.1\r\n" + host + "Content-Type: " + MERGE + "\r\nContent-Length: -5\r\n\r\n",
        "PATCH /api/config HTTP/1.1\r\n" + host + "Content-Type: " + MERGE
            + "\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n",
        "PATCH /api/config HTTP/1.1\r\n" + host + "Content-Type: " + MERGE
            + "\r\nContent-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
        "PATCH /api/config HTTP/1.1\r\n" + host + "Content-Type: " + MERGE
            + "\r\nContent-Length: 18\r\nContent-Length: 19\r\n\r\n{\"alarm_volume\":9}",
        "GET /api/config\u0000 HTTP/1.1\r\n" + host + "\r\n",
    };
    if (random.nextInt(texts.length + 1) == 0) {
      byte[] garbage = new byte[1 + random.nextInt(200)];
      random.nextBytes(garbage);
      for (int i = 0; i < garbage.length; i++) {
        garbage[i] = (byte) (garbage[i] == '\r' || garbage[i] == '\n' ? ' ' : garbage[i]);
      }
      byte[] tail = "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);
      byte[] out = new byte[garbage.length + tail.length];
      System.arraycopy(garbage, 0, out, 0, garbage.length);
      System.arraycopy(tail, 0, out, garbage.length, tail.length);
      return out;
    }
    return texts[random.nextInt(texts.length)].getBytes(StandardCharsets.ISO_8859_1);
  }
}
