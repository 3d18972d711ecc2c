package io.spotipi.api;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An HTML form's body ({@code application/x-www-form-urlencoded} or {@code multipart/form-data}),
 * decoded strictly: what is not exactly a form (a missing or malformed boundary, a part cut off before
 * the closing delimiter, broken percent-encoding, bytes that are not UTF-8, a field sent twice, more
 * than {@value #MAX_FIELDS} fields, a file) is a 400, a charset other than UTF-8 a 415. Netty's decoder,
 * which Vert.x uses, threw on an empty boundary (a 500), and silently dropped a truncated last part,
 * took the first of two values and replaced bad bytes, so a broken form could still commit. Pure
 * functions of the header and the bytes.
 */
final class FormBody {
  private FormBody() {
  }

  static final String URLENCODED = "application/x-www-form-urlencoded";
  static final String MULTIPART = "multipart/form-data";
  /** The alarm form has ten; a client sending more is not that form. */
  static final int MAX_FIELDS = 64;
  /** RFC 2046 §5.1.1: 1 to 70 of these, not ending in a space. */
  private static final Pattern BOUNDARY = Pattern.compile("[0-9A-Za-z'()+_,\\-./:=? ]{0,69}[0-9A-Za-z'()+_,\\-./:=?]");
  private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+\\-.^_`|~0-9A-Za-z]+");

  /** A header value with its parameters: {@code form-data; name="time"}. Parameter names in lower case. */
  record HeaderValue(String value, Map<String, String> params) {
    /** @throws Problem 400 for a malformed or repeated parameter */
    static HeaderValue parse(String header, String what) {
      String[] rest = {header};
      String value = next(rest, ';').trim().toLowerCase(Locale.ROOT);
      Map<String, String> params = new LinkedHashMap<>();
      while (!rest[0].isBlank()) {
        String param = next(rest, ';').trim();
        int eq = param.indexOf('=');
        String name = eq < 0 ? "" : param.substring(0, eq).trim().toLowerCase(Locale.ROOT);
        if (!TOKEN.matcher(name).matches()) {
          throw Problem.of(400, what + ": malformed parameter '" + param + "'");
        }
        if (params.put(name, unquote(param.substring(eq + 1).trim(), what)) != null) {
          throw Problem.of(400, what + ": parameter '" + name + "' appears twice");
        }
      }
      return new HeaderValue(value, params);
    }

    /** Cuts the text up to the next unquoted {@code sep} off {@code rest[0]}. */
    private static String next(String[] rest, char sep) {
      String s = rest[0];
      boolean quoted = false;
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (c == '\\' && quoted) {
          i++;
        } else if (c == '"') {
          quoted = !quoted;
        } else if (c == sep && !quoted) {
          rest[0] = s.substring(i + 1);
          return s.substring(0, i);
        }
      }
      rest[0] = "";
      return s;
    }

    private static String unquote(String v, String what) {
      if (!v.startsWith("\"")) {
        if (!v.isEmpty() && !TOKEN.matcher(v).matches()) {
          throw Problem.of(400, what + ": malformed parameter value '" + v + "'");
        }
        return v;
      }
      StringBuilder out = new StringBuilder();
      for (int i = 1; i < v.length(); i++) {
        char c = v.charAt(i);
        if (c == '"') {
          if (i != v.length() - 1) {
            break;
          }
          return out.toString();
        }
        out.append(c == '\\' && i + 1 < v.length() ? v.charAt(++i) : c);
      }
      throw Problem.of(400, what + ": malformed quoted parameter value " + v);
    }
  }

  /**
   * The fields, each name once (compared without case, as the map looks them up).
   *
   * @param contentType the request's Content-Type, already known to be one of the two form types
   */
  static MultiMap decode(String contentType, Buffer body) {
    HeaderValue type = HeaderValue.parse(contentType == null ? "" : contentType, "Content-Type");
    requireUtf8(type.params().get("charset"), "the form");
    Fields fields = new Fields();
    byte[] bytes = body == null ? new byte[0] : body.getBytes();
    if (type.value().equals(MULTIPART)) {
      multipart(boundary(type), bytes, fields);
    } else {
      urlencoded(bytes, fields);
    }
    return fields.map;
  }

  private static String boundary(HeaderValue type) {
    String b = type.params().get("boundary");
    if (b == null || !BOUNDARY.matcher(b).matches()) {
      throw Problem.of(400, "multipart/form-data needs a boundary parameter of 1 to 70 characters (RFC 2046), got "
          + (b == null ? "none" : "'" + b + "'"));
    }
    return b;
  }

  private static void requireUtf8(String charset, String what) {
    if (charset != null && !charset.equalsIgnoreCase("utf-8")) {
      throw Problem.of(415, what + " is in charset " + charset + "; send UTF-8");
    }
  }

  /** The fields so far: at most {@link #MAX_FIELDS}, each name once. */
  private static final class Fields {
    final MultiMap map = MultiMap.caseInsensitiveMultiMap();
    final Set<String> seen = new HashSet<>();

    void add(String name, String value) {
      if (name.isEmpty()) {
        throw Problem.of(400, "the form has a field without a name");
      }
      if (!seen.add(name.toLowerCase(Locale.ROOT))) {
        throw Problem.of(400, "the form sends field '" + name + "' more than once");
      }
      if (seen.size() > MAX_FIELDS) {
        throw Problem.of(400, "the form has more than " + MAX_FIELDS + " fields");
      }
      map.add(name, value);
    }
  }

  // ---- application/x-www-form-urlencoded (WHATWG URL §5.1, without its leniency) ----------------------

  private static void urlencoded(byte[] body, Fields fields) {
    int from = 0;
    while (from <= body.length) {
      int amp = indexOf(body, (byte) '&', from);
      int end = amp < 0 ? body.length : amp;
      if (end > from) {
        int eq = indexOf(body, (byte) '=', from);
        int nameEnd = eq < 0 || eq > end ? end : eq;
        String name = percentDecoded(body, from, nameEnd);
        fields.add(name, nameEnd == end ? "" : percentDecoded(body, nameEnd + 1, end));
      }
      from = end + 1;
    }
  }

  private static int indexOf(byte[] b, byte c, int from) {
    for (int i = from; i < b.length; i++) {
      if (b[i] == c) {
        return i;
      }
    }
    return -1;
  }

  private static String percentDecoded(byte[] b, int from, int to) {
    ByteBuffer out = ByteBuffer.allocate(to - from);
    for (int i = from; i < to; i++) {
      byte c = b[i];
      if (c == '%') {
        int hi = i + 2 < to ? Character.digit(b[i + 1], 16) : -1;
        int lo = hi < 0 ? -1 : Character.digit(b[i + 2], 16);
        if (lo < 0) {
          throw Problem.of(400, "broken percent-encoding in the form at byte " + i);
        }
        out.put((byte) (hi << 4 | lo));
        i += 2;
      } else {
        out.put(c == '+' ? (byte) ' ' : c);
      }
    }
    return utf8(out.flip(), "the form");
  }

  private static String utf8(ByteBuffer bytes, String what) {
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes).toString();
    } catch (CharacterCodingException e) {
      throw Problem.of(400, what + " is not valid UTF-8");
    }
  }

  // ---- multipart/form-data (RFC 7578 on RFC 2046) ----------------------------------------------------

  private static void multipart(String boundary, byte[] body, Fields fields) {
    // One char per byte: indices are byte offsets, and the delimiters are ASCII.
    String text = new String(body, StandardCharsets.ISO_8859_1);
    String dash = "--" + boundary;
    String delimiter = "\r\n" + dash;
    int pos = text.startsWith(dash) ? dash.length() : after(text, delimiter, 0);
    if (pos < 0) {
      throw Problem.of(400, "the multipart body does not contain its boundary");
    }
    for (int part = 1; !text.startsWith("--", pos); part++) {
      pos = skipPadding(text, pos);
      if (!text.startsWith("\r\n", pos)) {
        throw Problem.of(400, "part " + part + " of the multipart body: malformed boundary line");
      }
      int next = text.indexOf(delimiter, pos);
      if (next < 0) {
        throw Problem.of(400, "part " + part + " of the multipart body is cut off before its closing boundary");
      }
      int headersEnd = text.indexOf("\r\n\r\n", pos);
      if (headersEnd < 0 || headersEnd + 4 > next) {
        throw Problem.of(400, "part " + part + " of the multipart body has no blank line after its headers");
      }
      String name = partName(headersEnd == pos ? "" : text.substring(pos + 2, headersEnd), part);
      fields.add(name, utf8(ByteBuffer.wrap(body, headersEnd + 4, next - headersEnd - 4), "part '" + name + "'"));
      pos = next + delimiter.length();
    }
  }

  private static int after(String text, String s, int from) {
    int i = text.indexOf(s, from);
    return i < 0 ? -1 : i + s.length();
  }

  private static int skipPadding(String text, int pos) {
    while (pos < text.length() && (text.charAt(pos) == ' ' || text.charAt(pos) == '\t')) {
      pos++;
    }
    return pos;
  }

  /** The field name from a part's headers; refuses a file, a part that is not form-data, and encodings. */
  private static String partName(String headers, int part) {
    String where = "part " + part + " of the multipart body";
    HeaderValue disposition = null;
    for (String line : headers.isEmpty() ? new String[0] : headers.split("\r\n", -1)) {
      int colon = line.indexOf(':');
      if (colon <= 0) {
        throw Problem.of(400, where + ": malformed header line");
      }
      String header = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
      String value = line.substring(colon + 1).trim();
      if (header.equals("content-disposition")) {
        disposition = HeaderValue.parse(value, where + ": Content-Disposition");
      } else if (header.equals("content-type")) {
        HeaderValue type = HeaderValue.parse(value, where + ": Content-Type");
        if (!type.value().equals("text/plain")) {
          throw Problem.of(415, where + " is " + type.value() + "; a form field here is text/plain");
        }
        requireUtf8(type.params().get("charset"), where);
      } else if (header.equals("content-transfer-encoding") && !value.matches("(?i)7bit|8bit|binary")) {
        throw Problem.of(400, where + ": Content-Transfer-Encoding " + value + " is not accepted (RFC 7578 §4.7)");
      }
    }
    if (disposition == null || !disposition.value().equals("form-data") || !disposition.params().containsKey("name")) {
      throw Problem.of(400, where + " needs Content-Disposition: form-data; name=\"...\"");
    }
    if (disposition.params().containsKey("filename") || disposition.params().containsKey("filename*")) {
      throw Problem.of(400, where + " is a file; this form takes no files");
    }
    return utf8(ByteBuffer.wrap(disposition.params().get("name").getBytes(StandardCharsets.ISO_8859_1)), where);
  }
}
