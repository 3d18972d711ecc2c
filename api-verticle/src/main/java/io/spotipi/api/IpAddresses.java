package io.spotipi.api;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/** IP literals without DNS: parsing, ranges (CIDR) and the private-network test of LAN trust. */
final class IpAddresses {
  private IpAddresses() {
  }

  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

  /**
   * The address an IP literal names, or {@code null} if it is not one. Only literals reach
   * {@link InetAddress#getByName}, so this never resolves a host name.
   */
  static InetAddress parse(String literal) {
    if (literal == null) {
      return null;
    }
    String s = literal.trim();
    if (s.startsWith("[") && s.endsWith("]")) {
      s = s.substring(1, s.length() - 1);
    }
    boolean v4 = IPV4.matcher(s).matches();
    if (v4 ? !octetsInRange(s) : !(s.indexOf(':') >= 0 && IPV6.matcher(s).matches())) {
      return null;
    }
    try {
      return InetAddress.getByName(s);
    } catch (UnknownHostException e) {
      return null;
    }
  }

  /** Not a literal when an octet is over 255: getByName would take it for a host name and ask DNS. */
  private static boolean octetsInRange(String v4) {
    for (String octet : v4.split("\\.")) {
      if (Integer.parseInt(octet) > 255) {
        return false;
      }
    }
    return true;
  }

  /**
   * Loopback, RFC 1918, link-local, or an IPv6 unique-local address: the networks the original trusted
   * for mutations when no API token is set.
   */
  static boolean isPrivate(InetAddress a) {
    if (a.isLoopbackAddress() || a.isSiteLocalAddress() || a.isLinkLocalAddress()) {
      return true;
    }
    byte[] b = a.getAddress();
    return b.length == 16 && (b[0] & 0xfe) == 0xfc; // fc00::/7
  }

  /** An address or a CIDR range of them. */
  record Range(byte[] network, int prefixBits) {
    /** {@code 10.0.0.1}, {@code 10.0.0.0/8}, {@code ::1}, {@code fd00::/8}. */
    static Range parse(String spec, String what) {
      Range r = parseOrNull(spec);
      if (r == null) {
        throw new IllegalArgumentException(what + ": not an IP address or CIDR range: '" + spec + "'");
      }
      return r;
    }

    /** The range, or {@code null} when {@code spec} is not an address or a range with a valid prefix length. */
    static Range parseOrNull(String spec) {
      int slash = spec.indexOf('/');
      InetAddress a = IpAddresses.parse(slash < 0 ? spec : spec.substring(0, slash));
      if (a == null) {
        return null;
      }
      int max = a.getAddress().length * 8;
      if (slash < 0) {
        return new Range(a.getAddress(), max);
      }
      String prefix = spec.substring(slash + 1);
      int bits = prefix.matches("\\d{1,3}") ? Integer.parseInt(prefix) : -1;
      return bits < 0 || bits > max ? null : new Range(a.getAddress(), bits);
    }

    boolean contains(InetAddress a) {
      byte[] b = a.getAddress();
      if (b.length != network.length) {
        return false;
      }
      int full = prefixBits / 8;
      for (int i = 0; i < full; i++) {
        if (b[i] != network[i]) {
          return false;
        }
      }
      int rest = prefixBits % 8;
      if (rest == 0) {
        return true;
      }
      int mask = 0xff << (8 - rest) & 0xff;
      return (b[full] & mask) == (network[full] & mask);
    }
  }
}
