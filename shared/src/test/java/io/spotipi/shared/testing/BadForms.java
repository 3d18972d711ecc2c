package io.spotipi.shared.testing;

import io.spotipi.shared.ConfigKeys;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * Broken HTML form bodies for the fuzz tests of {@code POST /save_alarm}: bad boundaries, truncated
 * parts, broken percent-encoding, duplicate fields, huge field counts, foreign charsets, files. Each
 * carries a valid time and volume, so a decoder that lets its defect through commits: every one must
 * be refused. Deterministic for a seed.
 */
public final class BadForms {
  /** A form body and the Content-Type it is sent with. */
  public record Form(String kind, String contentType, byte[] body) {
  }

  public static final String URLENCODED = "application/x-www-form-urlencoded";
  private static final String BOUNDARY = "fuzzBoundary42";
  private static final String MULTIPART = "multipart/form-data; boundary=" + BOUNDARY;
  private static final String VALID = ConfigKeys.TIME + "=7%3A00&" + ConfigKeys.ALARM_VOLUME + "=40";

  private final Random random;
  private final List<Function<Random, Form>> generators = List.of(this::badBoundary, this::truncatedPart,
      this::brokenPercentEncoding, this::duplicateField, this::hugeFieldCount, this::foreignCharset,
      this::badPart);

  public BadForms(Random random) {
    this.random = random;
  }

  public Form next() {
    return generators.get(random.nextInt(generators.size())).apply(random);
  }

  private static String part(String boundary, String name, String value) {
    return "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n";
  }

  /** A complete multipart form with the required fields, closed. */
  private static String multipart(String boundary, String... extraParts) {
    StringBuilder b = new StringBuilder(part(boundary, ConfigKeys.TIME, "7:00"))
        .append(part(boundary, ConfigKeys.ALARM_VOLUME, "40"));
    for (String p : extraParts) {
      b.append(p);
    }
    return b.append("--").append(boundary).append("--\r\n").toString();
  }

  private static Form form(String kind, String contentType, String body) {
    return new Form(kind, contentType, body.getBytes(StandardCharsets.UTF_8));
  }

  private static <T> T pick(Random r, List<T> items) {
    return items.get(r.nextInt(items.size()));
  }

  private Form badBoundary(Random r) {
    String type = pick(r, List.of("multipart/form-data", "multipart/form-data; boundary=",
        "multipart/form-data; boundary=\"\"", "multipart/form-data; boundary=" + BOUNDARY + " x",
        "multipart/form-data; boundary=\"" + "b".repeat(71 + r.nextInt(100)) + "\"",
        "multipart/form-data; boundary=other", "multipart/form-data; boundary=" + BOUNDARY + "; boundary=other",
        "multipart/form-data; boundary=\"" + BOUNDARY, "multipart/form-data;boundary", "multipart/form-data; ;"));
    String body = r.nextBoolean() ? multipart(BOUNDARY) : VALID;
    return form("bad-boundary", type, body);
  }

  /** A strict prefix of a valid multipart form: everything before its closing delimiter's last dash. */
  private Form truncatedPart(Random r) {
    String whole = multipart(BOUNDARY, part(BOUNDARY, ConfigKeys.DEVICE_NAME, "Kitchen"));
    int closing = whole.lastIndexOf("--\r\n");
    return form("truncated-part", MULTIPART, whole.substring(0, 1 + r.nextInt(closing)));
  }

  private Form brokenPercentEncoding(Random r) {
    String bad = pick(r, List.of("%", "%4", "%zz", "%4g", "%%41", "%C3%28", "%FF", "%ED%A0%80", "%C0%80", "%E2%82"));
    // What follows is never a hex digit, so a short escape stays broken.
    String field = r.nextBoolean() ? ConfigKeys.DEVICE_NAME + "=Kit" + bad + "_x" : ConfigKeys.PLAYLIST_NAME + bad
        + "=x";
    return form("broken-percent-encoding", URLENCODED, VALID + "&" + field);
  }

  /** Two more fields of one name (that is also a required one, in another case, or none). */
  private Form duplicateField(Random r) {
    String name = pick(r, List.of(ConfigKeys.TIME, ConfigKeys.ALARM_VOLUME, ConfigKeys.ENABLED, "TIME", "x"));
    if (r.nextBoolean()) {
      return form("duplicate-field", URLENCODED, VALID + "&" + name + "=1&" + name + "=1");
    }
    return form("duplicate-field", MULTIPART, multipart(BOUNDARY, part(BOUNDARY, name, "1"), part(BOUNDARY, name, "1")));
  }

  private Form hugeFieldCount(Random r) {
    int n = 65 + r.nextInt(4_000);
    StringBuilder b = new StringBuilder(VALID);
    for (int i = 0; i < n; i++) {
      b.append("&f").append(i).append("=1");
    }
    return form("huge-field-count", URLENCODED, b.toString());
  }

  private Form foreignCharset(Random r) {
    String charset = pick(r, List.of("iso-8859-1", "utf-16", "nope", "\"\""));
    return r.nextBoolean() ? form("foreign-charset", URLENCODED + "; charset=" + charset, VALID)
        : form("foreign-charset", MULTIPART + "; charset=" + charset, multipart(BOUNDARY));
  }

  /** One extra part that is not a plain text form field, or not a well-formed part at all. */
  private Form badPart(Random r) {
    String start = "--" + BOUNDARY + "\r\n";
    String extra = pick(r, List.of(
        start + "Content-Disposition: form-data; name=\"f\"; filename=\"a.txt\"\r\n\r\nhello\r\n",
        start + "Content-Disposition: form-data; name=\"f\"\r\nContent-Type: application/json\r\n\r\n{}\r\n",
        start + "Content-Disposition: form-data; name=\"f\"\r\nContent-Type: text/plain; charset=latin1\r\n\r\nx\r\n",
        start + "Content-Disposition: form-data; name=\"f\"\r\nContent-Transfer-Encoding: base64\r\n\r\neA==\r\n",
        start + "Content-Disposition: attachment; name=\"f\"\r\n\r\nx\r\n",
        start + "Content-Disposition: form-data\r\n\r\nx\r\n",
        start + "no colon here\r\n\r\nx\r\n",
        start + "Content-Disposition: form-data; name=\"f\"\r\nx\r\n",
        start + "\r\nx\r\n",
        start + "Content-Disposition: form-data; name=\"" + ConfigKeys.DEVICE_NAME + "\"\r\n\r\n\u00c3(\r\n"));
    String body = multipart(BOUNDARY, extra);
    // The last case is not UTF-8: its bytes go out as ISO-8859-1, one byte per char.
    byte[] bytes = extra.contains("\u00c3(") ? body.getBytes(StandardCharsets.ISO_8859_1)
        : body.getBytes(StandardCharsets.UTF_8);
    return new Form("bad-part", MULTIPART, bytes);
  }
}
