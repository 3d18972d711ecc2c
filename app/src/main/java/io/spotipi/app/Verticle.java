package io.spotipi.app;

import java.util.Locale;

/** The verticles a node can run, in the order they are deployed (the config owner first). */
public enum Verticle {
  CONFIG, API, SCHEDULER;

  /** The name used in {@code --verticles}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
