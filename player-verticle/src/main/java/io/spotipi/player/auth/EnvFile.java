package io.spotipi.player.auth;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the original SpotiPi's {@code ~/.spotipi/.env}: {@code KEY=value} lines, an optional
 * {@code export} in front, values bare or in single or double quotes, {@code #} comments on their own
 * line or after a bare value. A line of another shape is skipped; a later key wins.
 */
public final class EnvFile {
  private static final Pattern LINE = Pattern.compile("(?:export\\s+)?([A-Za-z_][A-Za-z0-9_.]*)\\s*=\\s*(.*)");
  private static final Pattern INLINE_COMMENT = Pattern.compile("\\s#");

  private EnvFile() {
  }

  public static Map<String, String> parse(String text) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String raw : text.split("\\r?\\n|\\r")) {
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      Matcher m = LINE.matcher(line);
      if (m.matches()) {
        String value = value(m.group(2));
        if (value != null) {
          values.put(m.group(1), value);
        }
      }
    }
    return values;
  }

  /** The value's text; null when a quote is not closed. */
  private static String value(String rest) {
    if (rest.startsWith("'")) {
      int end = rest.indexOf('\'', 1);
      return end < 0 ? null : rest.substring(1, end);
    }
    if (rest.startsWith("\"")) {
      return doubleQuoted(rest);
    }
    Matcher comment = INLINE_COMMENT.matcher(rest);
    return (comment.find() ? rest.substring(0, comment.start()) : rest).strip();
  }

  private static String doubleQuoted(String rest) {
    StringBuilder b = new StringBuilder();
    for (int i = 1; i < rest.length(); i++) {
      char c = rest.charAt(i);
      if (c == '"') {
        return b.toString();
      }
      if (c == '\\' && i + 1 < rest.length()) {
        char e = rest.charAt(++i);
        b.append(switch (e) {
          case 'n' -> '\n';
          case 't' -> '\t';
          case 'r' -> '\r';
          default -> e;
        });
      } else {
        b.append(c);
      }
    }
    return null;
  }
}
