package io.spotipi.player;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Settings of the {@link PlayerVerticle}; plain data, passed as the verticle's JSON config
 * ({@link #toJson()}, {@link #fromJson(JsonObject)}). The app maps {@code --spotify-api-url},
 * {@code --spotify-accounts-url}, {@code --spotify-env-file} and {@code --spotify-fallback-device} onto
 * the first four; the timings are there so that tests can run the play sequence in milliseconds.
 */
public class PlayerOptions {
  public static final String DEFAULT_API_URL = "https://api.spotify.com";
  public static final String DEFAULT_ACCOUNTS_URL = "https://accounts.spotify.com";
  public static final String DEFAULT_ENV_FILE = "~/.spotipi/.env";

  private String apiUrl = DEFAULT_API_URL;
  private String accountsUrl = DEFAULT_ACCOUNTS_URL;
  private String envFile = DEFAULT_ENV_FILE;
  private String fallbackDevice;
  private long requestTimeoutMs = 10_000;
  private long tokenRefreshMarginMs = 60_000;
  private long prepareAheadMs = 120_000;
  private long prepareTokenValidityMs = 600_000;
  private long playDeadlineMs = 90_000;
  private long deviceCacheTtlMs = 10_000;
  private long pollIntervalMs = 1_000;
  private int pollAttempts = 6;
  private long wakeWaitMs = 2_000;
  private long fadeStepMs = 5_000;
  private long backoffBaseMs = 500;
  private long backoffMaxMs = 8_000;
  private int maxAttempts = 5;

  public static PlayerOptions fromJson(JsonObject json) {
    PlayerOptions o = new PlayerOptions();
    o.apiUrl = json.getString("apiUrl", o.apiUrl);
    o.accountsUrl = json.getString("accountsUrl", o.accountsUrl);
    o.envFile = json.getString("envFile", o.envFile);
    o.fallbackDevice = json.getString("fallbackDevice", o.fallbackDevice);
    o.requestTimeoutMs = json.getLong("requestTimeoutMs", o.requestTimeoutMs);
    o.tokenRefreshMarginMs = json.getLong("tokenRefreshMarginMs", o.tokenRefreshMarginMs);
    o.prepareAheadMs = json.getLong("prepareAheadMs", o.prepareAheadMs);
    o.prepareTokenValidityMs = json.getLong("prepareTokenValidityMs", o.prepareTokenValidityMs);
    o.playDeadlineMs = json.getLong("playDeadlineMs", o.playDeadlineMs);
    o.deviceCacheTtlMs = json.getLong("deviceCacheTtlMs", o.deviceCacheTtlMs);
    o.pollIntervalMs = json.getLong("pollIntervalMs", o.pollIntervalMs);
    o.pollAttempts = json.getInteger("pollAttempts", o.pollAttempts);
    o.wakeWaitMs = json.getLong("wakeWaitMs", o.wakeWaitMs);
    o.fadeStepMs = json.getLong("fadeStepMs", o.fadeStepMs);
    o.backoffBaseMs = json.getLong("backoffBaseMs", o.backoffBaseMs);
    o.backoffMaxMs = json.getLong("backoffMaxMs", o.backoffMaxMs);
    o.maxAttempts = json.getInteger("maxAttempts", o.maxAttempts);
    return o;
  }

  public JsonObject toJson() {
    JsonObject json = new JsonObject().put("apiUrl", apiUrl).put("accountsUrl", accountsUrl).put("envFile", envFile)
        .put("requestTimeoutMs", requestTimeoutMs).put("tokenRefreshMarginMs", tokenRefreshMarginMs)
        .put("prepareAheadMs", prepareAheadMs).put("prepareTokenValidityMs", prepareTokenValidityMs)
        .put("playDeadlineMs", playDeadlineMs).put("deviceCacheTtlMs", deviceCacheTtlMs)
        .put("pollIntervalMs", pollIntervalMs).put("pollAttempts", pollAttempts).put("wakeWaitMs", wakeWaitMs)
        .put("fadeStepMs", fadeStepMs).put("backoffBaseMs", backoffBaseMs).put("backoffMaxMs", backoffMaxMs)
        .put("maxAttempts", maxAttempts);
    return fallbackDevice == null ? json : json.put("fallbackDevice", fallbackDevice);
  }

  /** The env file's path with a leading {@code ~} replaced by the user's home folder. */
  public Path envFilePath() {
    return envFilePath(envFile, System.getProperty("user.home"));
  }

  static Path envFilePath(String file, String home) {
    if (file.equals("~") || file.startsWith("~/")) {
      return Path.of(home, file.substring(1));
    }
    return Path.of(file);
  }

  /** Base URL of the Web API ({@code /v1/...}). */
  public String getApiUrl() {
    return apiUrl;
  }

  public PlayerOptions setApiUrl(String apiUrl) {
    this.apiUrl = apiUrl;
    return this;
  }

  /** Base URL of the accounts service ({@code /authorize}, {@code /api/token}). */
  public String getAccountsUrl() {
    return accountsUrl;
  }

  public PlayerOptions setAccountsUrl(String accountsUrl) {
    this.accountsUrl = accountsUrl;
    return this;
  }

  /** The original SpotiPi's {@code KEY=value} file of credentials, read if present. */
  public String getEnvFile() {
    return envFile;
  }

  public PlayerOptions setEnvFile(String envFile) {
    this.envFile = envFile;
    return this;
  }

  /** Device name (or id) played on when the alarm's own device cannot be found; {@code null}: none. */
  public String getFallbackDevice() {
    return fallbackDevice;
  }

  public PlayerOptions setFallbackDevice(String fallbackDevice) {
    this.fallbackDevice = fallbackDevice;
    return this;
  }

  /** Connect and idle timeout of every request to Spotify. */
  public Duration requestTimeout() {
    return Duration.ofMillis(requestTimeoutMs);
  }

  public PlayerOptions setRequestTimeoutMs(long ms) {
    this.requestTimeoutMs = ms;
    return this;
  }

  /** An access token with less than this left counts as expired and is refreshed first. */
  public Duration tokenRefreshMargin() {
    return Duration.ofMillis(tokenRefreshMarginMs);
  }

  public PlayerOptions setTokenRefreshMarginMs(long ms) {
    this.tokenRefreshMarginMs = ms;
    return this;
  }

  /** How long before the alarm's instant its preparation (token, device) should start. */
  public Duration prepareAhead() {
    return Duration.ofMillis(prepareAheadMs);
  }

  public PlayerOptions setPrepareAheadMs(long ms) {
    this.prepareAheadMs = ms;
    return this;
  }

  /** The validity an access token must have left after preparation, so the instant needs no refresh. */
  public Duration prepareTokenValidity() {
    return Duration.ofMillis(prepareTokenValidityMs);
  }

  public PlayerOptions setPrepareTokenValidityMs(long ms) {
    this.prepareTokenValidityMs = ms;
    return this;
  }

  /** How long after the instant playback may take to start before the alarm counts as failed. */
  public Duration playDeadline() {
    return Duration.ofMillis(playDeadlineMs);
  }

  public PlayerOptions setPlayDeadlineMs(long ms) {
    this.playDeadlineMs = ms;
    return this;
  }

  /** How long a fetched device list is served again without asking Spotify. */
  public Duration deviceCacheTtl() {
    return Duration.ofMillis(deviceCacheTtlMs);
  }

  public PlayerOptions setDeviceCacheTtlMs(long ms) {
    this.deviceCacheTtlMs = ms;
    return this;
  }

  /** Pause between two looks at the player state while waiting for a command to take effect. */
  public Duration pollInterval() {
    return Duration.ofMillis(pollIntervalMs);
  }

  public PlayerOptions setPollIntervalMs(long ms) {
    this.pollIntervalMs = ms;
    return this;
  }

  /** How many looks at the player state one wait takes at most. */
  public int getPollAttempts() {
    return pollAttempts;
  }

  public PlayerOptions setPollAttempts(int pollAttempts) {
    this.pollAttempts = pollAttempts;
    return this;
  }

  /** Pause after a 404 from a device that may just be waking up, before looking whether it plays. */
  public Duration wakeWait() {
    return Duration.ofMillis(wakeWaitMs);
  }

  public PlayerOptions setWakeWaitMs(long ms) {
    this.wakeWaitMs = ms;
    return this;
  }

  /** Time between two volume steps of a fade-in. */
  public Duration fadeStep() {
    return Duration.ofMillis(fadeStepMs);
  }

  public PlayerOptions setFadeStepMs(long ms) {
    this.fadeStepMs = ms;
    return this;
  }

  /** First backoff after a 5xx or a connection error; it doubles per attempt up to {@link #backoffMax()}. */
  public Duration backoffBase() {
    return Duration.ofMillis(backoffBaseMs);
  }

  public PlayerOptions setBackoffBaseMs(long ms) {
    this.backoffBaseMs = ms;
    return this;
  }

  public Duration backoffMax() {
    return Duration.ofMillis(backoffMaxMs);
  }

  public PlayerOptions setBackoffMaxMs(long ms) {
    this.backoffMaxMs = ms;
    return this;
  }

  /** How many times one step of the play sequence is tried (within the deadline). */
  public int getMaxAttempts() {
    return maxAttempts;
  }

  public PlayerOptions setMaxAttempts(int maxAttempts) {
    this.maxAttempts = maxAttempts;
    return this;
  }
}
