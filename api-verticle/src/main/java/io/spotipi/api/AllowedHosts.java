package io.spotipi.api;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The names this server answers to, against DNS rebinding: a page on {@code http://attacker.example}
 * that re-resolves its own name to this machine makes the browser send {@code Host:
 * attacker.example} (and a matching {@code Origin}, so an origin check alone passes). A request whose
 * {@code Host} is none of these names is refused (421) before anything else runs.
 *
 * <p>Answered to: every IP literal (a page served from an address cannot be rebound), {@code
 * localhost}, this machine's host name, its first label and {@code <first label>.local} (mDNS: a Pi
 * named {@code spotipi} is {@code spotipi.local}), the name the server binds to if it is one, and the
 * names configured ({@code --allowed-hosts}); {@value #ANY} among them turns the check off. Names
 * compare without case and without a trailing dot; any port is accepted. Pure functions of the text.
 */
public final class AllowedHosts {
  /** In the configured list: answer to every name (no protection against DNS rebinding). */
  public static final String ANY = "*";
  private static final Pattern NAME = Pattern.compile(
      "(?i)[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?(?:\\.[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?)*\\.?");
  private static final Pattern PORT = Pattern.compile("\\d{1,5}");

  /** What a {@code Host} header is for this server. */
  enum Verdict { ADMITTED, FOREIGN, MALFORMED }

  private final boolean any;
  private final Set<String> names = new HashSet<>();

  /**
   * @param configured the extra names (or {@value #ANY}), each valid by {@link #isValidEntry}
   * @param machineName this machine's host name, {@code null} when unknown
   * @param bindHost the address the server listens on (a name counts as one it answers to)
   */
  AllowedHosts(List<String> configured, String machineName, String bindHost) {
    this.any = configured.contains(ANY);
    names.add("localhost");
    configured.stream().filter(n -> !n.equals(ANY)).forEach(n -> names.add(normalized(n)));
    if (machineName != null && isName(machineName)) {
      String full = normalized(machineName);
      String label = full.contains(".") ? full.substring(0, full.indexOf('.')) : full;
      names.addAll(List.of(full, label, label + ".local"));
    }
    if (bindHost != null && isName(bindHost) && IpAddresses.parse(bindHost) == null) {
      names.add(normalized(bindHost));
    }
  }

  /** {@value #ANY} or a DNS name (letters, digits, '-', '_' in dot-separated labels), for option checks. */
  public static boolean isValidEntry(String entry) {
    return entry.equals(ANY) || isName(entry);
  }

  private static boolean isName(String s) {
    return s.length() <= 254 && NAME.matcher(s).matches();
  }

  private static String normalized(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return n.endsWith(".") ? n.substring(0, n.length() - 1) : n;
  }

  /** Whether the check is off ({@value #ANY} configured). */
  boolean answersToAny() {
    return any;
  }

  /** @param host a {@code Host} header: {@code name}, {@code name:port}, an IPv4 or a bracketed IPv6 literal */
  Verdict check(String host) {
    String h = host.trim();
    if (h.startsWith("[")) {
      int close = h.indexOf(']');
      if (close < 0 || !portOk(h.substring(close + 1)) || h.lastIndexOf(':', close) < 0
          || IpAddresses.parse(h.substring(0, close + 1)) == null) {
        return Verdict.MALFORMED;
      }
      return Verdict.ADMITTED;
    }
    int colon = h.indexOf(':');
    if (colon >= 0 && !portOk(h.substring(colon))) {
      return Verdict.MALFORMED;
    }
    String name = colon < 0 ? h : h.substring(0, colon);
    if (IpAddresses.parse(name) != null) {
      return Verdict.ADMITTED;
    }
    if (!isName(name)) {
      return Verdict.MALFORMED;
    }
    return any || names.contains(normalized(name)) ? Verdict.ADMITTED : Verdict.FOREIGN;
  }

  /** Empty, or {@code :} and a port number. */
  private static boolean portOk(String rest) {
    return rest.isEmpty() || rest.charAt(0) == ':' && PORT.matcher(rest.substring(1)).matches()
        && Integer.parseInt(rest.substring(1)) <= 65535;
  }
}
