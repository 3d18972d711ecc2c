package io.spotipi.app;

import java.util.Locale;

/**
 * The verticles a node can run, in the order they are deployed: the config owner first, then the
 * player (its credentials live in the owner's state), then the API and the scheduler, which call it.
 */
public enum Verticle {
  CONFIG, PLAYER, API, SCHEDULER;

  /** The name used in {@code --verticles}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
