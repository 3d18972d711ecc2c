package io.spotipi.api;

import static io.spotipi.api.ApiServer.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The web app's page and assets as HTTP serves them: caching, compression, and the page's policy. */
class WebAppRoutesTest {
  private static final Pattern MAIN = Pattern.compile("<script type=\"module\" src=\"(/assets/[^/]+/)main\\.js\"");

  @TempDir
  static Path dir;
  static ApiServer api;

  @BeforeAll
  static void start() {
    api = ApiServer.start(dir);
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  private static HttpResponse<Buffer> get(String path, String ifNoneMatch) {
    var req = api.request(HttpMethod.GET, path).putHeader("Accept-Encoding", "gzip");
    return api.send(ifNoneMatch == null ? req : req.putHeader("If-None-Match", ifNoneMatch));
  }

  @Test
  void everyScreenIsThePageUnderAStrictPolicyRevalidatedByItsTag() {
    for (String path : WebAppHandler.PAGES) {
      HttpResponse<Buffer> page = get(path, null);
      assertEquals(200, page.statusCode(), path);
      assertTrue(page.getHeader("Content-Type").startsWith("text/html"), path);
      assertEquals("no-cache", page.getHeader("Cache-Control"), path);
      assertEquals("gzip", page.getHeader("Content-Encoding"), path);
      String policy = page.getHeader("Content-Security-Policy");
      assertEquals(WebAppHandler.CONTENT_SECURITY_POLICY, policy, path);
      assertEquals(304, get(path, page.getHeader("ETag")).statusCode(), path);
    }
    List<String> directives = List.of(WebAppHandler.CONTENT_SECURITY_POLICY.split("; "));
    assertTrue(directives.containsAll(List.of("default-src 'self'", "script-src 'self'", "style-src 'self'",
        "object-src 'none'", "frame-ancestors 'none'")), directives.toString());
    // covers come from Spotify's image hosts, whichever subdomain it names
    assertTrue(directives.contains("img-src 'self' data: https://*.scdn.co https://*.spotifycdn.com"), directives.toString());
    assertTrue(directives.stream().noneMatch(d -> d.contains("unsafe")), directives.toString());
  }

  @Test
  void assetsAreImmutableUnderTheirVersionAndAnotherVersionsAreNotFound() {
    HttpResponse<Buffer> page = api.get("/");
    assertNull(page.getHeader("Content-Encoding"), "no gzip for a client that does not ask");
    Matcher main = MAIN.matcher(page.bodyAsString());
    assertTrue(main.find(), page.bodyAsString());
    HttpResponse<Buffer> script = get(main.group(1) + "main.js", null);
    assertEquals(200, script.statusCode());
    assertEquals("public, max-age=31536000, immutable", script.getHeader("Cache-Control"));
    assertEquals("gzip", script.getHeader("Content-Encoding"));
    assertTrue(script.getHeader("Content-Type").contains("javascript"), script.getHeader("Content-Type"));
    assertNotNull(script.getHeader("ETag"));
    assertNull(script.getHeader("Content-Security-Policy"), "the policy is the page's");

    assertProblem(get("/assets/0000000000/main.js", null), 404);
    assertProblem(get(main.group(1) + "nothing.js", null), 404);
  }
}
