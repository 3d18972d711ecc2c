package io.spotipi.app;

import io.spotipi.api.AllowedHosts;
import io.spotipi.api.ApiOptions;
import io.spotipi.app.OptionReader.Setting;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The settings of one SpotiPi process, read from the command line and the environment (flags win).
 * Plain code rather than a CLI library: the grammar is tiny ({@code --opt value} or {@code --opt=value})
 * and the exit-2 one-line contract is easier to keep exact by hand.
 *
 * @param apiToken null when unset
 * @param rateLimit {@code off} or {@code <mutations/min>,<reads/min>}
 * @param nodeId null when not given: then it comes from {@code <data-dir>/node-id} (see {@link NodeId})
 * @param bridgePort null when the TCP event-bus bridge is off
 * @param spotifyFallbackDevice null when unset
 */
public record AppOptions(
    int port,
    String host,
    Path dataDir,
    String env,
    Set<Verticle> verticles,
    int backupKeep,
    String apiToken,
    List<String> corsOrigins,
    List<String> allowedHosts,
    List<String> trustedProxies,
    String rateLimit,
    int catchupGraceSeconds,
    int eventLoops,
    boolean cluster,
    String clusterHost,
    int clusterPort,
    List<String> clusterMembers,
    String nodeId,
    Integer bridgePort,
    String spotifyApiUrl,
    String spotifyAccountsUrl,
    String spotifyEnvFile,
    String spotifyFallbackDevice) {

  /** Keeps the verticles in deployment order (the config owner first), immutable. */
  public AppOptions {
    verticles = Collections.unmodifiableSet(
        verticles.isEmpty() ? EnumSet.noneOf(Verticle.class) : EnumSet.copyOf(verticles));
  }

  /**
   * Empty when {@code --help} (or {@code -h}) asks for the usage instead.
   *
   * @throws UsageException an unknown option, a missing or bad value; its message is the reason
   */
  public static Optional<AppOptions> parse(List<String> args, Map<String, String> env) throws UsageException {
    if (args.contains("--help") || args.contains("-h")) {
      return Optional.empty();
    }
    Map<Option, Setting> given = new EnumMap<>(Option.class);
    for (Option option : Option.values()) {
      String value = option.envVar() == null ? null : env.get(option.envVar());
      if (value != null && !value.isBlank()) {
        given.put(option, new Setting(value.trim(), option.envVar()));
      }
    }
    readFlags(args, given);
    return Optional.of(from(new OptionReader(given)));
  }

  /** Whether this node deploys the given verticle. */
  public boolean runs(Verticle verticle) {
    return verticles.contains(verticle);
  }

  private static void readFlags(List<String> args, Map<Option, Setting> given) throws UsageException {
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (!arg.startsWith("--")) {
        throw new UsageException("unexpected argument '" + arg + "' (options start with --; see --help)");
      }
      int equals = arg.indexOf('=');
      String flag = equals < 0 ? arg : arg.substring(0, equals);
      Option option = Option.byFlag(flag);
      if (option == null) {
        throw new UsageException("unknown option " + flag + " (see --help)");
      }
      String value;
      if (equals >= 0) {
        value = arg.substring(equals + 1).trim();
      } else if (option.standsAlone()) {
        value = "true";
      } else if (i + 1 < args.size() && !args.get(i + 1).startsWith("--")) {
        value = args.get(++i).trim();
      } else {
        throw new UsageException(flag + " needs a value (see --help)");
      }
      given.put(option, new Setting(value, flag));
    }
  }

  private static AppOptions from(OptionReader read) throws UsageException {
    return new AppOptions(
        read.port(Option.PORT),
        read.word(Option.HOST),
        dataDir(read),
        read.safeName(Option.ENV),
        read.verticles(Option.VERTICLES),
        read.integer(Option.BACKUP_KEEP, 1, Integer.MAX_VALUE),
        read.optional(Option.API_TOKEN),
        read.list(Option.CORS_ORIGINS, ApiOptions::isOrigin, "an origin like https://host[:port] (no path)"),
        read.list(Option.ALLOWED_HOSTS, AllowedHosts::isValidEntry, "a host name (no port) or *"),
        read.list(Option.TRUSTED_PROXIES, ApiOptions::isTrustedProxy, "an IP address or CIDR range"),
        read.rateLimit(Option.RATE_LIMIT),
        read.integer(Option.CATCHUP_GRACE_SECONDS, 0, Integer.MAX_VALUE),
        read.integer(Option.EVENT_LOOPS, 1, Integer.MAX_VALUE),
        read.bool(Option.CLUSTER),
        read.word(Option.CLUSTER_HOST),
        read.port(Option.CLUSTER_PORT),
        clusterMembers(read),
        read.optionalSafeName(Option.NODE_ID),
        read.optionalPort(Option.BRIDGE_PORT),
        read.baseUrl(Option.SPOTIFY_API_URL),
        read.baseUrl(Option.SPOTIFY_ACCOUNTS_URL),
        read.path(Option.SPOTIFY_ENV_FILE),
        read.optional(Option.SPOTIFY_FALLBACK_DEVICE));
  }

  private static Path dataDir(OptionReader read) throws UsageException {
    String dir = read.word(Option.DATA_DIR);
    try {
      return Path.of(dir);
    } catch (InvalidPathException e) {
      throw new UsageException("invalid data dir '" + dir + "': " + e.getReason());
    }
  }

  private static List<String> clusterMembers(OptionReader read) throws UsageException {
    List<String> members = read.list(Option.CLUSTER_MEMBERS, OptionReader::isMember, "host or host:port");
    if (members.isEmpty()) {
      throw new UsageException("invalid " + Option.CLUSTER_MEMBERS.flag() + ": needs at least one host[:port]");
    }
    return members;
  }
}
