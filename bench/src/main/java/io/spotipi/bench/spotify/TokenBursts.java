package io.spotipi.bench.spotify;

import io.spotipi.player.fake.FakeSpotify;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link #CLIENTS} concurrent {@code GET /api/devices?refresh=true} while the player's access token is
 * expired, and how many token requests the fake saw for them (the token cache's single flight: one).
 * Expired two ways: by time, the cache knowing it (a token issued with 61 s, a second later, when less
 * than the player's 60 s margin is left), and by Spotify, which answers 401 to a token the cache still
 * counts as valid.
 */
final class TokenBursts {
  static final int CLIENTS = 64;
  private static final String TOKEN = "/api/token";
  private static final String DEVICES = "/v1/me/player/devices";

  private final FakeSpotify fake;
  private final Http spotipi;

  TokenBursts(FakeSpotify fake, Http spotipi) {
    this.fake = fake;
    this.spotipi = spotipi;
  }

  void expiredByTime(int rounds) throws IOException, InterruptedException {
    List<String> tallies = new ArrayList<>();
    for (int i = 0; i < rounds; i++) {
      fake.accounts().lifetime(61);
      fake.accounts().expireAccessTokens(); // the next request refreshes at once, and gets 61 s
      Http.Answer first = spotipi.get("/api/devices?refresh=true");
      if (first.status() != 200) {
        throw new IOException("GET /api/devices answered " + first.status() + ": " + first.body());
      }
      while (spotipi.get("/api/spotify/status").json().getJsonObject("token").getLong("valid_for_seconds") >= 60) {
        Thread.sleep(100);
      }
      fake.accounts().lifetime(3600);
      tallies.add(burst());
    }
    print("burst_expired", tallies);
  }

  void rejected(int rounds) {
    List<String> tallies = new ArrayList<>();
    for (int i = 0; i < rounds; i++) {
      fake.accounts().expireAccessTokens();
      tallies.add(burst());
    }
    print("burst_rejected", tallies);
  }

  /** One burst: "token requests/devices requests/200 answers". */
  private String burst() {
    int tokens = fake.requests("POST", TOKEN).size();
    int lists = fake.requests("GET", DEVICES).size();
    long ok = spotipi.concurrentGets("/api/devices?refresh=true", CLIENTS).stream().filter(s -> s == 200).count();
    return (fake.requests("POST", TOKEN).size() - tokens) + "/" + (fake.requests("GET", DEVICES).size() - lists)
        + "/" + ok;
  }

  private static void print(String prefix, List<String> tallies) {
    Figures.put(prefix + "_token_requests", String.join(" ", tallies.stream().map(t -> t.split("/")[0]).toList()));
    Figures.put(prefix + "_device_requests", String.join(" ", tallies.stream().map(t -> t.split("/")[1]).toList()));
    Figures.put(prefix + "_ok", String.join(" ", tallies.stream().map(t -> t.split("/")[2]).toList()));
  }
}
