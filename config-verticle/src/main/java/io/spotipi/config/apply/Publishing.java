package io.spotipi.config.apply;

/** What follows a durable commit, in revision order, before its requester is answered. */
@FunctionalInterface
public interface Publishing {
  void publish(CommitPipeline.Committed commit);

  /** This step, then {@code next}. */
  default Publishing then(Publishing next) {
    return commit -> {
      publish(commit);
      next.publish(commit);
    };
  }
}
