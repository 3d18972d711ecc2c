package io.spotipi.app;

/** A bad command line or environment; its message is the one-line reason shown after {@code spotipi: }. */
public class UsageException extends Exception {
  private static final long serialVersionUID = 1L;

  public UsageException(String reason) {
    super(reason, null, false, false);
  }
}
