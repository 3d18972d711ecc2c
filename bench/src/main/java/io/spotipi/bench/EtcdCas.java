package io.spotipi.bench;

import io.vertx.core.Future;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * etcd's compare-and-set through its JSON gateway, as its clients do it: a range for the counter and
 * its {@code mod_revision}, then a transaction that puts the counter plus one if the key's
 * {@code mod_revision} is still that one, else ranges it, so a loser retries from the else branch
 * without another read. Keys and values travel in base64.
 */
final class EtcdCas implements CasTarget {
  private static final String KEY = base64(CasIncrements.COUNTER);

  private final HttpClient http;
  private final RequestOptions range;
  private final RequestOptions txn;

  EtcdCas(HttpClient http, URI base) {
    this.http = http;
    range = json(CasIncrements.request(base, HttpMethod.POST, "/v3/kv/range"));
    txn = json(CasIncrements.request(base, HttpMethod.POST, "/v3/kv/txn"));
  }

  private static RequestOptions json(RequestOptions options) {
    return options.putHeader(HttpHeaders.CONTENT_TYPE, "application/json");
  }

  @Override
  public Future<Read> read() {
    return post(range, new JsonObject().put("key", KEY)).map(EtcdCas::counter);
  }

  @Override
  public Future<Attempt> increment(Read read) {
    JsonObject body = new JsonObject()
        .put("compare", new JsonArray().add(new JsonObject().put("key", KEY).put("target", "MOD")
            .put("result", "EQUAL").put("mod_revision", read.version())))
        .put("success", new JsonArray().add(new JsonObject().put("request_put", new JsonObject()
            .put("key", KEY).put("value", base64(Long.toString(read.counter() + 1))))))
        .put("failure", new JsonArray().add(new JsonObject().put("request_range", new JsonObject().put("key", KEY))));
    return post(txn, body).map(answer -> answer.getBoolean("succeeded", false)
        ? Attempt.win()
        : Attempt.lost(elseBranch(answer)));
  }

  /** The range of the failure branch, as a read; proto3 JSON leaves out false and empty fields. */
  private static Future<Read> elseBranch(JsonObject answer) {
    JsonArray responses = answer.getJsonArray("responses");
    JsonObject range = responses == null || responses.isEmpty()
        ? null
        : responses.getJsonObject(0).getJsonObject("response_range");
    return range == null
        ? Future.failedFuture("a failed transaction without its range: " + answer.encode())
        : Future.succeededFuture(counter(range));
  }

  /** The body is always read, so the connection goes back to the pool. */
  private Future<JsonObject> post(RequestOptions options, JsonObject body) {
    return http.request(options).compose(req -> req.send(body.toBuffer())).compose(resp -> resp.body().compose(b ->
        resp.statusCode() == 200
            ? Future.succeededFuture(new JsonObject(b))
            : Future.failedFuture(options.getURI() + " answered " + resp.statusCode() + ": " + b)));
  }

  /** A range answer's counter and mod_revision; a key never written is at 0, revision 0. */
  private static Read counter(JsonObject rangeAnswer) {
    JsonArray kvs = rangeAnswer.getJsonArray("kvs");
    if (kvs == null || kvs.isEmpty()) {
      return new Read("0", 0);
    }
    JsonObject kv = kvs.getJsonObject(0);
    String value = new String(Base64.getDecoder().decode(kv.getString("value", "")), StandardCharsets.UTF_8);
    return new Read(kv.getString("mod_revision"), Long.parseLong(value));
  }

  private static String base64(String s) {
    return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }
}
