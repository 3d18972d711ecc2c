package io.spotipi.bench.library;

import io.spotipi.player.fake.FakeAccounts;
import io.spotipi.player.fake.FakeMusic;
import io.spotipi.player.fake.FakeSpotify;
import io.spotipi.player.fake.Recorded;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * The Spotify of {@code bench/library.sh}: the player's test fake (a {@link FakeSpotify} on 127.0.0.1)
 * holding the library of a user with a lot of music ({@link #seed}), its client and a refresh token in
 * the original's env file for SpotiPi's {@code --spotify-env-file}, and a control server on another
 * port whose {@code GET /calls} counts what the fake was asked so far, as {@code key=value} lines:
 * {@code api_calls} (the Web API, {@code /v1/...}), {@code token_calls} (the accounts service's token
 * endpoint) and one {@code path=...} line per Web API path.
 *
 * <p>Usage: {@code LibraryFake ENV_FILE}; prints {@code library fake ready: SPOTIFY_URL CONTROL_URL}
 * and runs until killed.
 */
public final class LibraryFake {
  static final int PLAYLISTS = 120;
  static final int SAVED_ALBUMS = 250;
  static final int SAVED_TRACKS = 600;
  static final int FOLLOWED_ARTISTS = 80;
  static final int RECENT_AND_TOP = 50;
  static final int ARTIST_ALBUMS = 25;
  /** The followed artist whose albums the walk opens. */
  static final String ARTIST = FakeMusic.id("ar", 1);

  private LibraryFake() {
  }

  public static void main(String[] args) throws Exception {
    if (args.length != 1) {
      System.err.println("usage: LibraryFake ENV_FILE");
      System.exit(2);
    }
    Vertx vertx = Vertx.vertx();
    FakeSpotify fake = FakeSpotify.start(vertx).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    seed(fake);
    writeEnvFile(Path.of(args[0]), fake.accounts().issueRefreshToken());
    int control = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0))
        .requestHandler(req -> req.response().putHeader("Content-Type", "text/plain").end(calls(fake.requests())))
        .listen().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS).actualPort();
    System.out.println("library fake ready: " + fake.url() + " http://127.0.0.1:" + control);
  }

  /** Playlists, saved albums and tracks, followed artists, recently played and top tracks, an artist's albums. */
  static void seed(FakeSpotify fake) {
    for (int i = 1; i <= PLAYLISTS; i++) {
      fake.player().library().playlist(FakeMusic.id("pl", i), "Playlist " + i, 10 + i);
    }
    FakeMusic music = fake.music().savedAlbums(SAVED_ALBUMS).savedTracks(SAVED_TRACKS)
        .followedArtists(FOLLOWED_ARTISTS).artistWithAlbums(ARTIST, ARTIST_ALBUMS);
    JsonObject album = FakeMusic.album(FakeMusic.id("al", 5000), "Heard Lately", "Various", RECENT_AND_TOP);
    for (int i = 1; i <= RECENT_AND_TOP; i++) {
      JsonObject track = FakeMusic.track(FakeMusic.id("rt", i), "Heard " + i, "Singer " + i, album);
      music.played(track).top(track);
    }
  }

  /** The counts of the requests so far. */
  static String calls(List<Recorded> requests) {
    Map<String, Integer> paths = new TreeMap<>();
    int api = 0;
    int token = 0;
    for (Recorded r : requests) {
      if (r.path().startsWith("/v1/")) {
        api++;
        paths.merge(r.path(), 1, Integer::sum);
      } else if (r.is("POST", "/api/token")) {
        token++;
      }
    }
    StringBuilder out = new StringBuilder("api_calls=" + api + "\ntoken_calls=" + token + "\n");
    paths.forEach((path, n) -> out.append("path=").append(path).append(' ').append(n).append('\n'));
    return out.toString();
  }

  /** The original SpotiPi's env file, owner-only from its creation. */
  private static void writeEnvFile(Path file, String refreshToken) throws Exception {
    Files.deleteIfExists(file);
    Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.writeString(file, "SPOTIFY_CLIENT_ID=" + FakeAccounts.CLIENT_ID + "\nSPOTIFY_CLIENT_SECRET="
        + FakeAccounts.CLIENT_SECRET + "\nSPOTIFY_REFRESH_TOKEN=" + refreshToken + "\n");
  }
}
