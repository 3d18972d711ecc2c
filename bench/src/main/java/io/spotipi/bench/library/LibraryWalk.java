package io.spotipi.bench.library;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A user browsing the music picker page by page, as the web app asks for it (pages of 50): each tab,
 * its first pages, a search for tracks and one for albums with a second page, an artist's albums, then
 * back to the first tab. The views follow each other at once (the next one asked when the last one
 * answered); what the fake Spotify was asked meanwhile is read from its control server
 * ({@link LibraryFake}) before and after each view. Calls per minute are the calls per view at
 * {@code VIEWS_PER_MINUTE}: the library keeps a list for minutes, so whether the views come at once or
 * seconds apart changes nothing the fake sees while the walk lasts less than that.
 *
 * <p>Usage: {@code LibraryWalk SPOTIPI_URL CONTROL_URL NAME VIEWS_PER_MINUTE}; prints one
 * {@code view=...} line per view and the figures as {@code NAME_key=value} lines; exits 1 when a view
 * is not answered 200.
 */
public final class LibraryWalk {
  private static final String PAGE = "limit=50&offset=";

  /** The views, in order. */
  static final List<String> VIEWS = views();

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();

  private LibraryWalk() {
  }

  private static List<String> views() {
    List<String> views = new ArrayList<>();
    pages(views, "/api/library/playlists?", 3);
    pages(views, "/api/library/albums?", 3);
    pages(views, "/api/library/tracks?", 3);
    pages(views, "/api/library/artists?", 2);
    pages(views, "/api/library/recent?", 1);
    pages(views, "/api/library/top?", 1);
    pages(views, "/api/library/search?q=song&type=track&", 2);
    pages(views, "/api/library/search?q=album&type=album&", 1);
    pages(views, "/api/library/artists/" + LibraryFake.ARTIST + "/albums?", 1);
    pages(views, "/api/library/playlists?", 1);
    return List.copyOf(views);
  }

  private static void pages(List<String> views, String path, int n) {
    for (int i = 0; i < n; i++) {
      views.add(path + PAGE + 50 * i);
    }
  }

  public static void main(String[] args) throws Exception {
    if (args.length != 4) {
      System.err.println("usage: LibraryWalk SPOTIPI_URL CONTROL_URL NAME VIEWS_PER_MINUTE");
      System.exit(2);
    }
    System.exit(new LibraryWalk().walk(args[0], args[1], args[2], Double.parseDouble(args[3])) ? 0 : 1);
  }

  private boolean walk(String spotipi, String control, String name, double viewsPerMinute)
      throws IOException, InterruptedException {
    int apiBefore = count(control, "api_calls");
    int tokenBefore = count(control, "token_calls");
    int maxPerView = 0;
    long start = System.nanoTime();
    for (String view : VIEWS) {
      int before = count(control, "api_calls");
      long sent = System.nanoTime();
      HttpResponse<String> answer = get(spotipi + view);
      long ms = (System.nanoTime() - sent) / 1_000_000;
      int calls = count(control, "api_calls") - before;
      maxPerView = Math.max(maxPerView, calls);
      System.out.println("view=" + view + " status=" + answer.statusCode() + " spotify_calls=" + calls + " ms=" + ms);
      if (answer.statusCode() != 200) {
        System.err.println(view + " answered " + answer.statusCode() + ": " + answer.body());
        return false;
      }
    }
    long ms = (System.nanoTime() - start) / 1_000_000;
    int api = count(control, "api_calls") - apiBefore;
    double perView = (double) api / VIEWS.size();
    System.out.println(name + "_views=" + VIEWS.size());
    System.out.println(name + "_ms=" + ms);
    System.out.println(name + "_api_calls=" + api);
    System.out.println(name + "_token_calls=" + (count(control, "token_calls") - tokenBefore));
    System.out.println(name + "_max_calls_per_view=" + maxPerView);
    System.out.println(name + "_calls_per_view=" + String.format(Locale.ROOT, "%.3f", perView));
    System.out.println(name + "_calls_per_minute=" + String.format(Locale.ROOT, "%.1f", perView * viewsPerMinute));
    return true;
  }

  /** One count of the fake's control server. */
  private int count(String control, String key) throws IOException, InterruptedException {
    for (String line : get(control + "/calls").body().split("\n")) {
      if (line.startsWith(key + "=")) {
        return Integer.parseInt(line.substring(key.length() + 1));
      }
    }
    throw new IOException("no " + key + " from " + control);
  }

  private HttpResponse<String> get(String url) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
