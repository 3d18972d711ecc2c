package io.spotipi.app;

import io.spotipi.api.ApiOptions;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns the raw strings of the command line and environment into typed, checked values. A bad value
 * becomes a {@link UsageException} that names where it came from (the flag or the env variable).
 */
final class OptionReader {
  /** Environment and node names end up in file names: no separators, no leading dot. */
  static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
  private static final Pattern IPV6 = Pattern.compile("(?=.*:)[0-9A-Fa-f:][0-9A-Fa-f:.]*");

  /** A value and where it was given: a flag such as {@code --port} or a variable such as {@code SPOTIPI_PORT}. */
  record Setting(String value, String source) {
  }

  private final Map<Option, Setting> given;

  OptionReader(Map<Option, Setting> given) {
    this.given = given;
  }

  int integer(Option option, int min, int max) throws UsageException {
    String raw = raw(option);
    String range = max == Integer.MAX_VALUE ? "a whole number >= " + min : "a whole number from " + min + " to " + max;
    try {
      int value = Integer.parseInt(raw);
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below, like an out-of-range number
    }
    throw bad(option, "must be " + range);
  }

  int port(Option option) throws UsageException {
    return integer(option, 1, 65535);
  }

  /** {@code off} or a port. */
  Integer optionalPort(Option option) throws UsageException {
    return "off".equalsIgnoreCase(raw(option)) ? null : port(option);
  }

  boolean bool(Option option) throws UsageException {
    switch (raw(option).toLowerCase(Locale.ROOT)) {
      case "true", "1", "yes", "on":
        return true;
      case "false", "0", "no", "off":
        return false;
      default:
        throw bad(option, "must be true or false");
    }
  }

  /** A required value without blanks, such as a host name or a path. */
  String word(Option option) throws UsageException {
    String raw = raw(option);
    if (raw == null || raw.isEmpty() || raw.chars().anyMatch(Character::isWhitespace)) {
      throw bad(option, "must be a non-empty value without spaces");
    }
    return raw;
  }

  String safeName(Option option) throws UsageException {
    String raw = raw(option);
    if (!SAFE_NAME.matcher(raw).matches()) {
      throw bad(option, "must be 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit");
    }
    return raw;
  }

  /** Null when unset or empty. */
  String optional(Option option) {
    String raw = raw(option);
    return raw == null || raw.isBlank() ? null : raw;
  }

  /** A safe name, or null when unset. */
  String optionalSafeName(Option option) throws UsageException {
    return optional(option) == null ? null : safeName(option);
  }

  /** A comma list (blank items dropped), each item checked. */
  List<String> list(Option option, Predicate<String> valid, String expected) throws UsageException {
    List<String> items = new ArrayList<>();
    String raw = optional(option);
    if (raw == null) {
      return items;
    }
    for (String item : raw.split(",")) {
      String trimmed = item.trim();
      if (trimmed.isEmpty()) {
        continue;
      }
      if (!valid.test(trimmed)) {
        throw bad(option, "'" + trimmed + "' is not " + expected);
      }
      items.add(trimmed);
    }
    return List.copyOf(items);
  }

  /** Always in deployment order, without repeats. */
  Set<Verticle> verticles(Option option) throws UsageException {
    String names = Arrays.stream(Verticle.values()).map(Verticle::id).collect(Collectors.joining(", "));
    Set<Verticle> chosen = EnumSet.noneOf(Verticle.class);
    for (String name : list(option, OptionReader::isVerticle, "one of " + names)) {
      chosen.add(Verticle.valueOf(name.toUpperCase(Locale.ROOT)));
    }
    if (chosen.isEmpty()) {
      throw bad(option, "must name at least one of " + names);
    }
    return chosen;
  }

  /** An absolute {@code http} or {@code https} URL with a host, no query or fragment; without a trailing slash. */
  String baseUrl(Option option) throws UsageException {
    String raw = raw(option);
    try {
      URI uri = new URI(raw);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null && uri.getRawQuery() == null
          && uri.getRawFragment() == null && uri.getRawUserInfo() == null) {
        return raw.endsWith("/") ? raw.substring(0, raw.length() - 1) : raw;
      }
    } catch (URISyntaxException e) {
      // reported below, like any other URL that is not a base URL
    }
    throw bad(option, "must be an http:// or https:// URL with a host (no query, user or fragment)");
  }

  /** A file's path: not blank, and one this system can name. */
  String path(Option option) throws UsageException {
    String raw = raw(option);
    try {
      if (!raw.isBlank()) {
        Path.of(raw);
        return raw;
      }
    } catch (InvalidPathException e) {
      throw bad(option, "not a path: " + e.getReason());
    }
    throw bad(option, "must be a path");
  }

  /** {@code off} or {@code <mutations/min>,<reads/min>} with both at least 1, as the API checks it. */
  String rateLimit(Option option) throws UsageException {
    String raw = raw(option).replace(" ", "");
    if (!ApiOptions.isRateLimit(raw)) {
      throw bad(option, "must be off or <mutations/min>,<reads/min> with both >= 1");
    }
    return raw.equalsIgnoreCase("off") ? "off" : raw;
  }

  static boolean isVerticle(String name) {
    for (Verticle verticle : Verticle.values()) {
      if (verticle.id().equals(name)) {
        return true;
      }
    }
    return false;
  }

  /** {@code host}, {@code host:port} or {@code [ipv6]:port}. */
  static boolean isMember(String value) {
    int colon = value.lastIndexOf(':');
    boolean bracketed = value.startsWith("[");
    boolean hasPort = bracketed ? value.contains("]:") : colon > 0 && value.indexOf(':') == colon;
    if (!hasPort) {
      return bracketed ? value.endsWith("]") && isIpv6(value.substring(1, value.length() - 1))
          : colon < 0 && value.chars().noneMatch(Character::isWhitespace) || isIpv6(value);
    }
    String host = value.substring(0, colon);
    String port = value.substring(colon + 1);
    boolean hostOk = bracketed ? host.endsWith("]") && isIpv6(host.substring(1, host.length() - 1))
        : !host.isEmpty() && host.chars().noneMatch(Character::isWhitespace);
    return hostOk && port.matches("\\d{1,5}") && Integer.parseInt(port) >= 1 && Integer.parseInt(port) <= 65535;
  }

  /** The pattern (a hex digit or ':' first, a ':' somewhere) makes InetAddress parse a literal, never ask DNS. */
  private static boolean isIpv6(String value) {
    if (!IPV6.matcher(value).matches()) {
      return false;
    }
    try {
      InetAddress.getByName(value);
      return true;
    } catch (UnknownHostException e) {
      return false;
    }
  }

  private String raw(Option option) {
    Setting setting = given.get(option);
    return setting != null ? setting.value() : option.defaultValue();
  }

  private UsageException bad(Option option, String why) {
    Setting setting = given.get(option);
    String source = setting != null ? setting.source() : option.flag();
    return new UsageException("invalid " + source + " '" + raw(option) + "': " + why);
  }
}
