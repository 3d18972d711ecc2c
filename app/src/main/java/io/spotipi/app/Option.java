package io.spotipi.app;

import io.spotipi.player.PlayerOptions;

/**
 * Every setting of {@code spotipi.jar}: its flag, its environment variable, its default and what it
 * does. The one table behind parsing, {@code --help} and the README's configuration table.
 */
public enum Option {
  PORT("--port", "SPOTIPI_PORT", "5001", "HTTP port of the API (1..65535)"),
  HOST("--host", "SPOTIPI_HOST", "0.0.0.0", "address the HTTP API binds to"),
  DATA_DIR("--data-dir", "SPOTIPI_DATA_DIR", "./data", "folder of the config files, backups/ and node-id"),
  ENV("--env", "SPOTIPI_ENV", "development", "names the user's config file <env>.json"),
  VERTICLES("--verticles", "SPOTIPI_VERTICLES", "config,player,api,scheduler",
      "comma list of the verticles this node runs"),
  BACKUP_KEEP("--backup-keep", "SPOTIPI_BACKUP_KEEP", "10", "how many of the newest backups to keep (>= 1)"),
  API_TOKEN("--api-token", "SPOTIPI_API_TOKEN", null,
      "bearer token required on mutating requests (prefer the env variable: flags show in ps);"
          + " unset: mutations only from loopback and private networks"),
  CORS_ORIGINS("--cors-origins", "SPOTIPI_CORS_ORIGINS", null,
      "comma list of extra browser origins (scheme://host[:port], or *) allowed to mutate"),
  ALLOWED_HOSTS("--allowed-hosts", "SPOTIPI_ALLOWED_HOSTS", null,
      "comma list of more host names the HTTP API answers to (besides IP addresses, localhost, this machine's"
          + " name and <name>.local); any other Host gets 421 (DNS rebinding); * turns the check off (unsafe)"),
  TRUSTED_PROXIES("--trusted-proxies", "SPOTIPI_TRUSTED_PROXIES", null,
      "comma list of proxy addresses or CIDR ranges whose X-Forwarded-For is believed"),
  RATE_LIMIT("--rate-limit", "SPOTIPI_RATE_LIMIT", "600,6000",
      "per-client requests per minute as <mutations>,<reads>, or off"),
  CATCHUP_GRACE_SECONDS("--catchup-grace-seconds", "SPOTIPI_CATCHUP_GRACE_SECONDS", "600",
      "an alarm missed by at most this many seconds fires late at startup (>= 0)"),
  EVENT_LOOPS("--event-loops", "SPOTIPI_EVENT_LOOPS", "1",
      "event-loop threads the verticles share (>= 1); 1 keeps the API and the config owner on one thread,"
          + " with no hand-off between them per request"),
  CLUSTER("--cluster", "SPOTIPI_CLUSTER", "false", "join a Vert.x cluster over Hazelcast (flag alone means true)"),
  CLUSTER_HOST("--cluster-host", "SPOTIPI_CLUSTER_HOST", "127.0.0.1",
      "interface for the cluster's own traffic (Hazelcast and event bus)"),
  CLUSTER_PORT("--cluster-port", "SPOTIPI_CLUSTER_PORT", "5701", "Hazelcast port (1..65535)"),
  CLUSTER_MEMBERS("--cluster-members", "SPOTIPI_CLUSTER_MEMBERS", "127.0.0.1",
      "comma list of host[:port] to join over TCP-IP (no multicast)"),
  NODE_ID("--node-id", "SPOTIPI_NODE_ID", null,
      "this node's id; unset: generated once and kept in <data-dir>/node-id"),
  BRIDGE_PORT("--bridge-port", "SPOTIPI_BRIDGE_PORT", "off", "TCP event-bus bridge port (1..65535), or off"),
  SPOTIFY_API_URL("--spotify-api-url", "SPOTIPI_SPOTIFY_API_URL", PlayerOptions.DEFAULT_API_URL,
      "base URL of Spotify's Web API (http or https)"),
  SPOTIFY_ACCOUNTS_URL("--spotify-accounts-url", "SPOTIPI_SPOTIFY_ACCOUNTS_URL", PlayerOptions.DEFAULT_ACCOUNTS_URL,
      "base URL of Spotify's accounts service: the authorize page and the token endpoint (http or https)"),
  SPOTIFY_ENV_FILE("--spotify-env-file", "SPOTIPI_SPOTIFY_ENV_FILE", PlayerOptions.DEFAULT_ENV_FILE,
      "the original SpotiPi's file of SPOTIFY_CLIENT_ID, SPOTIFY_CLIENT_SECRET and SPOTIFY_REFRESH_TOKEN, read if"
          + " present (~ is the home folder); the process environment wins key by key"),
  SPOTIFY_FALLBACK_DEVICE("--spotify-fallback-device", "SPOTIPI_SPOTIFY_FALLBACK_DEVICE", null,
      "Spotify device (name or id) an alarm plays on when its own device cannot be found"),
  HELP("--help", null, null, "print this help and exit");

  private final String flag;
  private final String envVar;
  private final String defaultValue;
  private final String description;

  Option(String flag, String envVar, String defaultValue, String description) {
    this.flag = flag;
    this.envVar = envVar;
    this.defaultValue = defaultValue;
    this.description = description;
  }

  public String flag() {
    return flag;
  }

  /** Null for {@code --help}, the only option without one. */
  public String envVar() {
    return envVar;
  }

  /** Null when the setting is simply absent by default. */
  public String defaultValue() {
    return defaultValue;
  }

  public String description() {
    return description;
  }

  /** {@code --cluster} and {@code --help} may stand alone; every other flag needs a value. */
  boolean standsAlone() {
    return this == CLUSTER || this == HELP;
  }

  static Option byFlag(String flag) {
    for (Option option : values()) {
      if (option.flag.equals(flag)) {
        return option;
      }
    }
    return null;
  }
}
