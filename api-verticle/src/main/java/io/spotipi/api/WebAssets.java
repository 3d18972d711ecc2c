package io.spotipi.api;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * The web app's files, read from {@code webroot/} on the class path once at start and kept in memory,
 * each with its gzip form made then (a Pi should not compress per request). One content hash over the
 * whole tree names the version: the assets live under {@code /assets/<hash>/}, so a browser may keep
 * them for a year and relative ES-module imports keep working, and {@code index.html} is written with
 * that prefix and a {@code modulepreload} link for every module (one round trip instead of one per
 * import level).
 */
final class WebAssets {
  static final String ROOT = "webroot";
  static final String INDEX = "index.html";
  /** Files below this folder of the tree are served under {@code /assets/<hash>/}. */
  static final String ASSETS_DIR = "assets/";
  /** Where the library (Preact with htm, one ES module) sits in the asset tree. */
  static final String LIBRARY = "vendor/preact-htm.js";
  private static final String HTM_POM = "META-INF/maven/org.mvnpm/htm/pom.properties";
  private static final String HTM_MODULE = "META-INF/resources/_static/htm/%s/preact/standalone.module.js";
  private static final String ASSETS_TOKEN = "{{assets}}";
  private static final String PRELOAD_TOKEN = "{{modulepreload}}";
  private static final int HASH_HEX_CHARS = 12;

  /** A file as served: its bytes, its gzip form when that is smaller, and their entity tags. */
  record Asset(CharSequence contentType, Buffer identity, Buffer gzip, String etag, String gzipEtag) {
  }

  private static final Map<String, CharSequence> TYPES = Map.of(
      "html", HttpHeaders.createOptimized("text/html; charset=utf-8"),
      "js", HttpHeaders.createOptimized("text/javascript; charset=utf-8"),
      "css", HttpHeaders.createOptimized("text/css; charset=utf-8"),
      "svg", HttpHeaders.createOptimized("image/svg+xml"),
      "png", HttpHeaders.createOptimized("image/png"),
      "webmanifest", HttpHeaders.createOptimized("application/manifest+json"));

  private final String hash;
  private final Asset index;
  private final Map<String, Asset> assets;

  private WebAssets(String hash, Asset index, Map<String, Asset> assets) {
    this.hash = hash;
    this.index = index;
    this.assets = assets;
  }

  /** The content hash of the tree, as it stands in the assets' paths. */
  String hash() {
    return hash;
  }

  /** The path prefix of this version's assets: {@code /assets/<hash>/}. */
  String prefix() {
    return "/" + ASSETS_DIR + hash + "/";
  }

  Asset index() {
    return index;
  }

  /** @param path below the prefix, such as {@code main.js}; {@code null} when there is no such asset */
  Asset asset(String path) {
    return assets.get(path);
  }

  /**
   * Builds the served tree from files given by their path below {@code webroot/}.
   *
   * @throws IllegalArgumentException without an {@code index.html}, or for a file outside
   *     {@code assets/} or of a type this server does not know
   */
  static WebAssets of(Map<String, byte[]> files) {
    Map<String, byte[]> sorted = new TreeMap<>(files);
    byte[] template = sorted.get(INDEX);
    if (template == null) {
      throw new IllegalArgumentException("the web app has no " + INDEX);
    }
    String hash = treeHash(sorted);
    Map<String, Asset> assets = new TreeMap<>();
    sorted.forEach((path, bytes) -> {
      if (path.equals(INDEX)) {
        return;
      }
      if (!path.startsWith(ASSETS_DIR)) {
        throw new IllegalArgumentException("web app file " + path + " is neither " + INDEX + " nor below " + ASSETS_DIR);
      }
      assets.put(path.substring(ASSETS_DIR.length()), asset(path, bytes, hash));
    });
    String prefix = "/" + ASSETS_DIR + hash;
    String preload = assets.keySet().stream().filter(p -> p.endsWith(".js"))
        .map(p -> "<link rel=\"modulepreload\" href=\"" + prefix + "/" + p + "\">")
        .collect(Collectors.joining("\n  "));
    String html = new String(template, StandardCharsets.UTF_8).replace(ASSETS_TOKEN, prefix).replace(PRELOAD_TOKEN, preload);
    return new WebAssets(hash, asset(INDEX, html.getBytes(StandardCharsets.UTF_8), hash), Map.copyOf(assets));
  }

  /**
   * The tree below {@code webroot/} where the class loader has it (a folder when run from the build, a
   * jar when packaged), plus the library from the {@code org.mvnpm:htm} jar. Blocking: run on a worker.
   */
  static WebAssets fromClasspath(ClassLoader loader) {
    Map<String, byte[]> files = new TreeMap<>();
    URL root = loader.getResource(ROOT + "/" + INDEX);
    if (root == null) {
      throw new IllegalStateException("no " + ROOT + "/" + INDEX + " on the class path");
    }
    try {
      if (root.openConnection() instanceof JarURLConnection jar) {
        try (FileSystem zip = FileSystems.newFileSystem(Path.of(jar.getJarFileURL().toURI()))) {
          readTree(zip.getPath("/" + ROOT), files);
        }
      } else {
        readTree(Path.of(root.toURI()).getParent(), files);
      }
      files.put(ASSETS_DIR + LIBRARY, resource(loader, String.format(HTM_MODULE, htmVersion(loader))));
    } catch (IOException e) {
      throw new UncheckedIOException("reading the web app from " + root, e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException("the web app's location " + root + " is not a URI", e);
    }
    return of(files);
  }

  private static void readTree(Path dir, Map<String, byte[]> into) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
        into.put(dir.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
      }
    }
  }

  /** The htm jar's version, from its Maven metadata: the library's path inside the jar names it. */
  private static String htmVersion(ClassLoader loader) throws IOException {
    Properties pom = new Properties();
    try (InputStream in = new ByteArrayInputStream(resource(loader, HTM_POM))) {
      pom.load(in);
    }
    return pom.getProperty("version");
  }

  private static byte[] resource(ClassLoader loader, String name) throws IOException {
    try (InputStream in = loader.getResourceAsStream(name)) {
      if (in == null) {
        throw new IOException(name + " is not on the class path (the org.mvnpm:htm dependency)");
      }
      return in.readAllBytes();
    }
  }

  private static Asset asset(String path, byte[] bytes, String hash) {
    CharSequence type = TYPES.get(path.substring(path.lastIndexOf('.') + 1));
    if (type == null) {
      throw new IllegalArgumentException("web app file " + path + " has a type this server does not serve");
    }
    byte[] gz = path.endsWith(".png") ? null : gzip(bytes); // PNG is compressed already
    Buffer gzip = gz != null && gz.length < bytes.length ? Buffer.buffer(gz) : null;
    return new Asset(type, Buffer.buffer(bytes), gzip, "\"" + hash + "\"", "\"" + hash + "-gzip\"");
  }

  private static byte[] gzip(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 2 + 64);
    try (GZIPOutputStream gz = new GZIPOutputStream(out) {
      {
        def.setLevel(Deflater.BEST_COMPRESSION);
      }
    }) {
      gz.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException("gzip in memory", e);
    }
    return out.toByteArray();
  }

  /** SHA-256 over every path and its bytes, in path order: any change to any file changes it. */
  private static String treeHash(Map<String, byte[]> sorted) {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
    sorted.forEach((path, bytes) -> {
      sha.update(path.getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      sha.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
      sha.update((byte) 0);
      sha.update(bytes);
    });
    return HexFormat.of().formatHex(sha.digest()).substring(0, HASH_HEX_CHARS);
  }
}
