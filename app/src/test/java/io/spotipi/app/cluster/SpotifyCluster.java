package io.spotipi.app.cluster;

import io.spotipi.player.fake.FakeAccounts;
import io.spotipi.player.fake.FakeSpotify;
import io.spotipi.shared.testing.Await;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A cluster of real nodes whose players are pointed at one fake Spotify in this JVM, with one speaker
 * ({@link #SPEAKER}, id {@link #SPEAKER_ID}) and the fake's client and a refresh token in every node's
 * environment. Shared by the tests of a class ({@code @RegisterExtension static}): started before the
 * first test, serving before it runs, and killed after the last.
 */
final class SpotifyCluster implements BeforeAllCallback, AfterAllCallback {
  static final String SPEAKER = "Kitchen";
  static final String SPEAKER_ID = "k1";

  private final int size;
  private final String verticles;
  private final boolean rotate;
  private Vertx vertx;
  private FakeSpotify fake;
  private String firstToken;
  private List<ClusterNode> nodes;

  /** @param rotate whether the fake answers every refresh with a new refresh token (as with PKCE) */
  SpotifyCluster(int size, String verticles, boolean rotate) {
    this.size = size;
    this.verticles = verticles;
    this.rotate = rotate;
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    vertx = Vertx.vertx();
    fake = Await.result(FakeSpotify.start(vertx));
    fake.player().device(SPEAKER_ID, SPEAKER);
    fake.accounts().rotate(rotate);
    firstToken = fake.accounts().issueRefreshToken();
    Map<String, String> env = Map.of("SPOTIFY_CLIENT_ID", FakeAccounts.CLIENT_ID,
        "SPOTIFY_CLIENT_SECRET", FakeAccounts.CLIENT_SECRET, "SPOTIFY_REFRESH_TOKEN", firstToken,
        "SPOTIPI_SPOTIFY_API_URL", fake.url(), "SPOTIPI_SPOTIFY_ACCOUNTS_URL", fake.url());
    nodes = ClusterNode.cluster(ClusterNode.runDir(context.getRequiredTestClass()), size, verticles, env);
    ClusterNode.startAll(nodes);
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    if (nodes != null) {
      ClusterNode.destroyAll(nodes);
    }
    if (vertx != null) {
      Await.result(vertx.close());
    }
  }

  FakeSpotify fake() {
    return fake;
  }

  /** The refresh token in the nodes' environment. */
  String firstToken() {
    return firstToken;
  }

  List<ClusterNode> nodes() {
    return nodes;
  }
}
