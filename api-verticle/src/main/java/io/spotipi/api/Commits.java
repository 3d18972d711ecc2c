package io.spotipi.api;

import io.spotipi.shared.ConfigClient;
import io.spotipi.shared.ConfigFailure;
import io.spotipi.shared.ConfigSnapshot;
import io.spotipi.shared.ErrorCode;
import io.spotipi.shared.message.CommitRequest;
import io.vertx.core.Future;

/** How every route commits: one request-reply to the owner, with the answer to a lost race held back. */
final class Commits {
  private Commits() {
  }

  /**
   * Submits the commit. A CONFLICT (412 to an {@code If-Match}) names the winner's revision, which the
   * owner reports before it is durable; it is answered only once that revision is readable here, with
   * that readable document ({@link Problem#lostRace}), so the client's next GET returns it and a client
   * that reads the 412's body needs no GET at all. Answered at once, the losers of a race read the old
   * revision again and retry on it until the winner's fsync ends: with 16 clients on one document,
   * about 15 wasted round trips per success, on the same cores as the commit they wait for.
   */
  static Future<ConfigSnapshot> submit(ConfigClient client, CommitRequest request) {
    return client.submit(request).recover(failure -> {
      ConfigFailure f = ConfigFailure.from(failure);
      Long expected = request.expectedRevision();
      if (f.code() != ErrorCode.CONFLICT || f.currentRevision() == null || expected == null) {
        return Future.failedFuture(failure);
      }
      return client.load(f.currentRevision()).transform(winner -> Future.failedFuture(
          winner.succeeded() ? Problem.lostRace(expected, winner.result()) : failure));
    });
  }
}
