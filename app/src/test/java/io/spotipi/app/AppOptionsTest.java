package io.spotipi.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AppOptionsTest {
  private static AppOptions parse(Map<String, String> env, String... args) throws UsageException {
    return AppOptions.parse(List.of(args), env).orElseThrow();
  }

  private static String reason(Map<String, String> env, String... args) {
    return assertThrows(UsageException.class, () -> AppOptions.parse(List.of(args), env)).getMessage();
  }

  @Test
  void defaultsMatchTheContract() throws UsageException {
    AppOptions options = parse(Map.of());
    assertEquals(5001, options.port());
    assertEquals("0.0.0.0", options.host());
    assertEquals(Path.of("./data"), options.dataDir());
    assertEquals("development", options.env());
    assertEquals(EnumSet.allOf(Verticle.class), options.verticles());
    assertEquals(10, options.backupKeep());
    assertNull(options.apiToken());
    assertEquals(List.of(), options.corsOrigins());
    assertEquals(List.of(), options.allowedHosts());
    assertEquals(List.of(), options.trustedProxies());
    assertEquals("600,6000", options.rateLimit());
    assertEquals(600, options.catchupGraceSeconds());
    assertEquals(1, options.eventLoops());
    assertFalse(options.cluster());
    assertEquals("127.0.0.1", options.clusterHost());
    assertEquals(5701, options.clusterPort());
    assertEquals(List.of("127.0.0.1"), options.clusterMembers());
    assertNull(options.nodeId());
    assertNull(options.bridgePort());
    assertEquals(List.of(Verticle.CONFIG, Verticle.PLAYER, Verticle.API, Verticle.SCHEDULER),
        List.copyOf(options.verticles()));
    assertEquals("https://api.spotify.com", options.spotifyApiUrl());
    assertEquals("https://accounts.spotify.com", options.spotifyAccountsUrl());
    assertEquals("~/.spotipi/.env", options.spotifyEnvFile());
    assertNull(options.spotifyFallbackDevice());
  }

  @Test
  void everySettingComesFromItsEnvironmentVariable() throws UsageException {
    AppOptions options = parse(Map.ofEntries(
        Map.entry("SPOTIPI_PORT", "5002"),
        Map.entry("SPOTIPI_HOST", "127.0.0.1"),
        Map.entry("SPOTIPI_DATA_DIR", "/var/lib/spotipi"),
        Map.entry("SPOTIPI_ENV", "production"),
        Map.entry("SPOTIPI_VERTICLES", "scheduler, config"),
        Map.entry("SPOTIPI_BACKUP_KEEP", "3"),
        Map.entry("SPOTIPI_API_TOKEN", "s3cret"),
        Map.entry("SPOTIPI_CORS_ORIGINS", "http://pi.local:8080,https://alarm.example.org"),
        Map.entry("SPOTIPI_ALLOWED_HOSTS", "spotipi.local, alarm.example.org."),
        Map.entry("SPOTIPI_TRUSTED_PROXIES", "10.0.0.1,192.168.0.0/16,::1,fd00::/8"),
        Map.entry("SPOTIPI_RATE_LIMIT", "off"),
        Map.entry("SPOTIPI_CATCHUP_GRACE_SECONDS", "0"),
        Map.entry("SPOTIPI_EVENT_LOOPS", "4"),
        Map.entry("SPOTIPI_CLUSTER", "true"),
        Map.entry("SPOTIPI_CLUSTER_HOST", "10.0.0.5"),
        Map.entry("SPOTIPI_CLUSTER_PORT", "5801"),
        Map.entry("SPOTIPI_CLUSTER_MEMBERS", "10.0.0.5:5801,kitchen-pi,[fd00::2]:5701"),
        Map.entry("SPOTIPI_NODE_ID", "bedroom-pi"),
        Map.entry("SPOTIPI_BRIDGE_PORT", "7000"),
        Map.entry("SPOTIPI_SPOTIFY_API_URL", "http://127.0.0.1:8080/"),
        Map.entry("SPOTIPI_SPOTIFY_ACCOUNTS_URL", "https://accounts.example"),
        Map.entry("SPOTIPI_SPOTIFY_ENV_FILE", "/var/lib/spotipi/spotify.env"),
        Map.entry("SPOTIPI_SPOTIFY_FALLBACK_DEVICE", "Living Room")));
    assertEquals(5002, options.port());
    assertEquals("127.0.0.1", options.host());
    assertEquals(Path.of("/var/lib/spotipi"), options.dataDir());
    assertEquals("production", options.env());
    assertEquals(List.of(Verticle.CONFIG, Verticle.SCHEDULER), List.copyOf(options.verticles()));
    assertEquals(3, options.backupKeep());
    assertEquals("s3cret", options.apiToken());
    assertEquals(List.of("http://pi.local:8080", "https://alarm.example.org"), options.corsOrigins());
    assertEquals(List.of("spotipi.local", "alarm.example.org."), options.allowedHosts());
    assertEquals(List.of("10.0.0.1", "192.168.0.0/16", "::1", "fd00::/8"), options.trustedProxies());
    assertEquals("off", options.rateLimit());
    assertEquals(0, options.catchupGraceSeconds());
    assertEquals(4, options.eventLoops());
    assertTrue(options.cluster());
    assertEquals("10.0.0.5", options.clusterHost());
    assertEquals(5801, options.clusterPort());
    assertEquals(List.of("10.0.0.5:5801", "kitchen-pi", "[fd00::2]:5701"), options.clusterMembers());
    assertEquals("bedroom-pi", options.nodeId());
    assertEquals(7000, options.bridgePort());
    assertEquals("http://127.0.0.1:8080", options.spotifyApiUrl());
    assertEquals("https://accounts.example", options.spotifyAccountsUrl());
    assertEquals("/var/lib/spotipi/spotify.env", options.spotifyEnvFile());
    assertEquals("Living Room", options.spotifyFallbackDevice());
  }

  @Test
  void flagsOverrideTheEnvironment() throws UsageException {
    Map<String, String> env = Map.of("SPOTIPI_PORT", "5002", "SPOTIPI_ENV", "production", "SPOTIPI_CLUSTER", "true");
    AppOptions options = parse(env, "--port", "5003", "--env=staging", "--cluster=false");
    assertEquals(5003, options.port());
    assertEquals("staging", options.env());
    assertFalse(options.cluster());
  }

  @Test
  void acceptsBothValueFormsAndTheLastRepeatWins() throws UsageException {
    AppOptions options = parse(Map.of(), "--cors-origins=*", "--allowed-hosts=*", "--port=5010", "--data-dir", "/tmp/x", "--port", "5011",
        "--rate-limit=60,600", "--bridge-port=off", "--verticles=api");
    assertEquals(5011, options.port());
    assertEquals(Path.of("/tmp/x"), options.dataDir());
    assertEquals("60,600", options.rateLimit());
    assertNull(options.bridgePort());
    assertEquals(EnumSet.of(Verticle.API), options.verticles());
    assertEquals(List.of("*"), options.corsOrigins());
    assertEquals(List.of("*"), options.allowedHosts());
  }

  @Test
  void clusterFlagAloneMeansTrue() throws UsageException {
    assertTrue(parse(Map.of(), "--cluster", "--port", "5002").cluster());
  }

  @Test
  void blankVariablesCountAsUnset() throws UsageException {
    AppOptions options = parse(Map.of("SPOTIPI_PORT", " ", "SPOTIPI_API_TOKEN", ""));
    assertEquals(5001, options.port());
    assertNull(options.apiToken());
  }

  @Test
  void verticlesAreDeployedConfigFirstWithoutRepeats() throws UsageException {
    AppOptions options = parse(Map.of(), "--verticles", "scheduler,api,config,api");
    assertEquals(List.of(Verticle.CONFIG, Verticle.API, Verticle.SCHEDULER), List.copyOf(options.verticles()));
    options = parse(Map.of(), "--verticles", "scheduler,player,api,config");
    assertEquals(List.of(Verticle.CONFIG, Verticle.PLAYER, Verticle.API, Verticle.SCHEDULER),
        List.copyOf(options.verticles()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"--help", "-h"})
  void helpWinsOverEverythingElse(String help) throws UsageException {
    assertTrue(AppOptions.parse(List.of("--port", "0", help), Map.of()).isEmpty());
  }

  @Test
  void helpListsEveryFlagItsVariableAndDefault() {
    String usage = Usage.text();
    for (Option option : Option.values()) {
      assertTrue(usage.contains(option.flag()), option.flag());
      if (option.envVar() != null) {
        assertTrue(usage.contains("(env " + option.envVar() + ", default "
            + (option.defaultValue() == null ? "unset" : option.defaultValue()) + ")"), option.envVar());
      }
    }
  }

  /** Each bad value names its source (the flag or variable it came from) and says what is expected. */
  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(delimiter = '|', value = {
      "--port|0|invalid --port '0': must be a whole number from 1 to 65535",
      "--port|65536|invalid --port '65536': must be a whole number from 1 to 65535",
      "--port|http|invalid --port 'http': must be a whole number from 1 to 65535",
      "--host|a b|invalid --host 'a b': must be a non-empty value without spaces",
      "--env|../etc|invalid --env '../etc': must be 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit",
      "--verticles|config,web|invalid --verticles 'config,web': 'web' is not one of config, player, api, scheduler",
      "--verticles|,|invalid --verticles ',': must name at least one of config, player, api, scheduler",
      "--backup-keep|0|invalid --backup-keep '0': must be a whole number >= 1",
      "--backup-keep|-3|invalid --backup-keep '-3': must be a whole number >= 1",
      "--cors-origins|https://a.example/app|invalid --cors-origins 'https://a.example/app': "
          + "'https://a.example/app' is not an origin like https://host[:port] (no path)",
      "--cors-origins|ftp://a.example|invalid --cors-origins 'ftp://a.example': "
          + "'ftp://a.example' is not an origin like https://host[:port] (no path)",
      "--allowed-hosts|pi.local:5001|invalid --allowed-hosts 'pi.local:5001': 'pi.local:5001' is not a host name (no port) or *",
      "--allowed-hosts|http://pi.local|invalid --allowed-hosts 'http://pi.local': 'http://pi.local' is not a host name (no port) or *",
      "--allowed-hosts|*.lan|invalid --allowed-hosts '*.lan': '*.lan' is not a host name (no port) or *",
      "--trusted-proxies|10.0.0.256|invalid --trusted-proxies '10.0.0.256': '10.0.0.256' is not an IP address or CIDR range",
      "--trusted-proxies|10.0.0.0/33|invalid --trusted-proxies '10.0.0.0/33': '10.0.0.0/33' is not an IP address or CIDR range",
      "--trusted-proxies|proxy.local|invalid --trusted-proxies 'proxy.local': 'proxy.local' is not an IP address or CIDR range",
      "--rate-limit|600|invalid --rate-limit '600': must be off or <mutations/min>,<reads/min> with both >= 1",
      "--rate-limit|0,10|invalid --rate-limit '0,10': must be off or <mutations/min>,<reads/min> with both >= 1",
      "--catchup-grace-seconds|-1|invalid --catchup-grace-seconds '-1': must be a whole number >= 0",
      "--event-loops|0|invalid --event-loops '0': must be a whole number >= 1",
      "--event-loops|two|invalid --event-loops 'two': must be a whole number >= 1",
      "--cluster|maybe|invalid --cluster 'maybe': must be true or false",
      "--cluster-port|70000|invalid --cluster-port '70000': must be a whole number from 1 to 65535",
      "--cluster-members|a:0|invalid --cluster-members 'a:0': 'a:0' is not host or host:port",
      "--cluster-members|a:b:c|invalid --cluster-members 'a:b:c': 'a:b:c' is not host or host:port",
      "--node-id|a/b|invalid --node-id 'a/b': must be 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit",
      "--bridge-port|on|invalid --bridge-port 'on': must be a whole number from 1 to 65535",
      "--spotify-api-url|api.spotify.com|invalid --spotify-api-url 'api.spotify.com': must be an http:// or https:// URL"
          + " with a host (no query, user or fragment)",
      "--spotify-accounts-url|ftp://accounts.example|invalid --spotify-accounts-url 'ftp://accounts.example': must be"
          + " an http:// or https:// URL with a host (no query, user or fragment)",
      "--spotify-accounts-url|https://a.example/?x=1|invalid --spotify-accounts-url 'https://a.example/?x=1': must be"
          + " an http:// or https:// URL with a host (no query, user or fragment)",
      "--spotify-env-file|''|invalid --spotify-env-file '': must be a path",
  })
  void aBadFlagValueGivesItsReason(String flag, String value, String reason) {
    assertEquals(reason, reason(Map.of(), flag + "=" + value));
  }

  @Test
  void aBadVariableIsNamedAsSuch() {
    assertEquals("invalid SPOTIPI_PORT '99999': must be a whole number from 1 to 65535",
        reason(Map.of("SPOTIPI_PORT", "99999")));
  }

  @Test
  void aFlagFixesABadVariable() throws UsageException {
    assertEquals(5004, parse(Map.of("SPOTIPI_PORT", "99999"), "--port", "5004").port());
  }

  @Test
  void unknownOptionsMissingValuesAndStrayArgumentsAreRejected() {
    assertEquals("unknown option --prot (see --help)", reason(Map.of(), "--prot", "5002"));
    assertEquals("unexpected argument '-p' (options start with --; see --help)", reason(Map.of(), "-p", "5002"));
    assertEquals("--port needs a value (see --help)", reason(Map.of(), "--port"));
    assertEquals("--port needs a value (see --help)", reason(Map.of(), "--port", "--host", "::"));
    assertEquals("unexpected argument 'start' (options start with --; see --help)", reason(Map.of(), "start"));
  }

  @Test
  void everyReasonIsOneLine() {
    List<String[]> bad = Arrays.asList(new String[] {"--port=x"}, new String[] {"--nope"}, new String[] {"--env"});
    for (String[] args : bad) {
      assertFalse(reason(Map.of(), args).contains("\n"), String.join(" ", args));
    }
  }
}
