package io.spotipi.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.spotipi.shared.testing.Await;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The client without an owner; with one, config-verticle's tests cover it. */
@ExtendWith(VertxExtension.class)
class ConfigClientTest {
  @Test
  void everyLoadFailsAsUnavailableWhileNobodyServesTheStore(Vertx vertx) {
    Context context = vertx.getOrCreateContext();
    ConfigClient client = Await.on(context, () -> {
      ConfigClient c = ConfigClient.create(vertx, new ConfigClientOptions("test"));
      return c.ready().map(c);
    });
    for (int i = 0; i < 2; i++) { // the second after the first one's failure was shared and dropped
      ConfigFailure f = ConfigFailure.from(Await.failure(Await.call(context, client::load)));
      assertEquals(ErrorCode.UNAVAILABLE, f.code(), f.getMessage());
    }
  }
}
