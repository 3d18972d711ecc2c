package io.spotipi.player.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.spotipi.player.auth.SpotifyCredentials;
import io.spotipi.player.client.SpotifyError;
import io.spotipi.player.client.SpotifyException;
import io.spotipi.player.fake.FakeAccounts;
import io.spotipi.player.fake.Rig;
import io.spotipi.shared.message.LibraryPage;
import io.spotipi.shared.message.LibraryRequest;
import io.spotipi.shared.testing.Await;
import io.spotipi.shared.testing.MutableClock;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Whose lists the library answers with: the user of the credentials in use, and nobody's without them. */
@ExtendWith(VertxExtension.class)
class LibraryUsersTest {
  private static final LibraryRequest ALBUMS = new LibraryRequest("albums", 10, 0, null, null, null, false);

  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T20:00:00Z"));
  private Rig rig;
  private Library library;

  @BeforeEach
  void start(Vertx vertx) {
    rig = Rig.start(vertx, clock);
    rig.connect(false);
    rig.fake.music().savedAlbums(3);
    library = new Library(rig.services.spotify(), rig.services.tokens(), clock, Duration.ofMinutes(10), 8, 100, 10);
  }

  @AfterEach
  void stop() {
    rig.close();
  }

  private LibraryPage read() {
    return rig.on(() -> library.page(ALBUMS));
  }

  private int calls(String path) {
    return rig.fake.requests("GET", path).size();
  }

  private void use(SpotifyCredentials credentials) {
    rig.on(() -> {
      rig.services.tokens().use(credentials);
      return Future.succeededFuture();
    });
  }

  @Test
  void anotherAccountGetsItsOwnListsAndARotatedTokenIsTheSameAccount() {
    read();
    read();
    assertEquals(1, calls("/v1/me/albums"));
    rig.fake.music().user("someone-else");
    use(new SpotifyCredentials(FakeAccounts.CLIENT_ID, FakeAccounts.CLIENT_SECRET,
        rig.fake.accounts().issueRefreshToken(), clock.instant()));
    read();
    assertEquals(2, calls("/v1/me/albums"), "another account: read for it");
    assertEquals(2, calls("/v1/me"));

    rig.fake.accounts().rotate(true);
    clock.set(clock.instant().plus(Duration.ofHours(1)));
    read();
    assertEquals(3, calls("/v1/me/albums"), "the list went stale");
    assertEquals(2, calls("/v1/me"), "a rotated refresh token is still the same account");
  }

  @Test
  void withoutCredentialsNothingIsAnsweredFromTheCache() {
    read();
    use(null);
    SpotifyException e = assertInstanceOf(SpotifyException.class, Await.failure(rig.call(() -> library.page(ALBUMS))));
    assertEquals(SpotifyError.Kind.NOT_CONNECTED, e.error().kind());
    assertEquals(1, calls("/v1/me/albums"));
  }
}
