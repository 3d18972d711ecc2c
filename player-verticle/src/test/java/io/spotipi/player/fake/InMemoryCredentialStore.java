package io.spotipi.player.fake;

import io.spotipi.player.auth.CredentialStore;
import io.spotipi.player.auth.SpotifyCredentials;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.Optional;

/**
 * A credential store for tests: what it holds survives a "restart" as long as the object does. A save
 * can be made slow (to check that nothing uses the new token before it is durable) or made to fail.
 */
public final class InMemoryCredentialStore implements CredentialStore {
  private final Vertx vertx;
  private SpotifyCredentials stored;
  private boolean disconnected;
  private long saveDelayMs;
  private int failingSaves;
  private int saves;
  private long lastSavedNanos;

  public InMemoryCredentialStore(Vertx vertx) {
    this.vertx = vertx;
  }

  public synchronized InMemoryCredentialStore put(SpotifyCredentials credentials) {
    stored = credentials;
    disconnected = false;
    return this;
  }

  public synchronized Optional<SpotifyCredentials> stored() {
    return Optional.ofNullable(stored);
  }

  public synchronized InMemoryCredentialStore saveDelay(long ms) {
    saveDelayMs = ms;
    return this;
  }

  public synchronized InMemoryCredentialStore failSaves(int count) {
    failingSaves = count;
    return this;
  }

  public synchronized int saves() {
    return saves;
  }

  /** {@link System#nanoTime()} when the last save completed. */
  public synchronized long lastSavedNanos() {
    return lastSavedNanos;
  }

  @Override
  public synchronized Future<Stored> load() {
    return Future.succeededFuture(new Stored(stored, disconnected));
  }

  @Override
  public Future<Void> save(SpotifyCredentials credentials) {
    put(credentials);
    return Future.succeededFuture();
  }

  @Override
  public Future<Void> saveRotated(SpotifyCredentials used, String rotatedRefreshToken) {
    Promise<Void> done = Promise.promise();
    long delay;
    synchronized (this) {
      delay = saveDelayMs;
    }
    vertx.setTimer(Math.max(1, delay), t -> {
      synchronized (this) {
        if (failingSaves > 0) {
          failingSaves--;
          done.fail("the store is unavailable");
        } else if (!new Stored(stored, disconnected).admitsRotationOf(used)) {
          done.fail(Stored.REPLACED);
        } else {
          stored = used.withRefreshToken(rotatedRefreshToken);
          saves++;
          lastSavedNanos = System.nanoTime();
          done.complete();
        }
      }
    });
    return done.future();
  }

  @Override
  public synchronized Future<Void> disconnect() {
    stored = null;
    disconnected = true;
    return Future.succeededFuture();
  }
}
