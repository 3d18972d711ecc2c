package io.spotipi.player.auth;

import io.vertx.core.Future;
import io.vertx.core.file.FileSystem;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the credentials to use: the stored ones win; after a disconnect there are none; else
 * {@code SPOTIFY_CLIENT_ID}, {@code SPOTIFY_CLIENT_SECRET} and {@code SPOTIFY_REFRESH_TOKEN} from the
 * process environment, each one missing there taken from the env file (read off the event loop). An
 * empty value counts as unset.
 */
public class CredentialSources {
  private static final Logger log = LoggerFactory.getLogger(CredentialSources.class);
  public static final String CLIENT_ID = "SPOTIFY_CLIENT_ID";
  public static final String CLIENT_SECRET = "SPOTIFY_CLIENT_SECRET";
  public static final String REFRESH_TOKEN = "SPOTIFY_REFRESH_TOKEN";

  /**
   * The credentials to use and where they came from (for the log line; never the values).
   *
   * @param credentials null when none apply
   */
  public record Found(SpotifyCredentials credentials, String origin) {
  }

  private final FileSystem files;
  private final CredentialStore store;
  private final Map<String, String> environment;
  private final Path envFile;

  public CredentialSources(FileSystem files, CredentialStore store, Map<String, String> environment, Path envFile) {
    this.files = files;
    this.store = store;
    this.environment = Map.copyOf(environment);
    this.envFile = envFile;
  }

  /** The credentials to use, or none; fails only when the store cannot be read. */
  public Future<Found> load() {
    return store.load().compose(stored -> {
      if (stored.credentials() != null) {
        return Future.succeededFuture(new Found(stored.credentials(), "the store"));
      }
      if (stored.disconnected()) {
        return Future.succeededFuture(new Found(null,
            "disconnected: the environment's and " + envFile + "'s are not used until Spotify is connected again"));
      }
      return configured().map(found -> found.orElseGet(() -> new Found(null,
          "none in the store, the environment or " + envFile)));
    });
  }

  /**
   * The Spotify app to authorize: the stored client, else the configured one, even after a disconnect
   * (which forgets the authorization, not the app). Empty when none is known anywhere.
   */
  public Future<Optional<SpotifyCredentials>> client() {
    return store.load().compose(stored -> stored.credentials() != null
        ? Future.succeededFuture(Optional.of(stored.credentials()))
        : configured().map(found -> found.map(Found::credentials)));
  }

  /** The environment's and the env file's credentials. */
  private Future<Optional<Found>> configured() {
    return readEnvFile().map(file -> fromVariables(environment, file).map(c -> new Found(c, origin(environment, file))));
  }

  /** The env file's variables; none when it is absent or unreadable (then the environment alone counts). */
  private Future<Map<String, String>> readEnvFile() {
    String path = envFile.toString();
    return files.exists(path)
        .compose(exists -> exists ? files.readFile(path).map(b -> EnvFile.parse(b.toString())) : Future.succeededFuture(
            Map.<String, String>of()))
        .recover(err -> {
          log.warn("cannot read the Spotify env file {}: {}", path, err.getMessage());
          return Future.succeededFuture(Map.of());
        });
  }

  /** Credentials from variables, {@code primary} winning over {@code secondary} key by key. */
  static Optional<SpotifyCredentials> fromVariables(Map<String, String> primary, Map<String, String> secondary) {
    String id = pick(CLIENT_ID, primary, secondary);
    if (id == null) {
      return Optional.empty();
    }
    return Optional.of(new SpotifyCredentials(id, pick(CLIENT_SECRET, primary, secondary),
        pick(REFRESH_TOKEN, primary, secondary), null));
  }

  private String origin(Map<String, String> env, Map<String, String> file) {
    boolean fromEnv = pick(CLIENT_ID, env, Map.of()) != null || pick(REFRESH_TOKEN, env, Map.of()) != null;
    boolean fromFile = pick(CLIENT_ID, Map.of(), file) != null || pick(REFRESH_TOKEN, Map.of(), file) != null;
    return fromEnv && fromFile ? "the environment and " + envFile : fromEnv ? "the environment" : envFile.toString();
  }

  private static String pick(String key, Map<String, String> primary, Map<String, String> secondary) {
    String v = primary.get(key);
    if (v == null || v.isEmpty()) {
      v = secondary.get(key);
    }
    return v == null || v.isEmpty() ? null : v;
  }
}
