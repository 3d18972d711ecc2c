package io.spotipi.shared.testing;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** Blocking waits for tests that read best as a sequence of steps. Bounded: 30 s at most. */
public final class Await {
  private Await() {
  }

  public static final long TIMEOUT_SECONDS = 30;

  /** The future's result, or its failure rethrown unwrapped. */
  public static <T> T result(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException(e.getCause());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** The failure of a future that must fail. */
  public static Throwable failure(Future<?> future) {
    try {
      result(future);
    } catch (RuntimeException e) {
      return e;
    }
    throw new AssertionError("expected a failure, got success");
  }

  /** Runs {@code work} on {@code context} (where its actor-confined objects live) and waits. */
  public static <T> T on(Context context, Supplier<Future<T>> work) {
    return result(call(context, work));
  }

  /** Runs {@code work} on {@code context}, without waiting. */
  public static <T> Future<T> call(Context context, Supplier<Future<T>> work) {
    Promise<T> p = Promise.promise();
    context.runOnContext(v -> work.get().onComplete(p));
    return p.future();
  }
}
