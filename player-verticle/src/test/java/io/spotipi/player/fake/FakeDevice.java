package io.spotipi.player.fake;

import io.vertx.core.json.JsonObject;

/** A speaker of the fake, with the quirks real ones show. Scripted by tests, read by the fake's handlers. */
public final class FakeDevice {
  final String id;
  final String name;
  volatile String type = "Speaker";
  volatile boolean restricted;
  volatile boolean supportsVolume = true;
  /** Answers 403 VOLUME_CONTROL_DISALLOW to volume commands. */
  volatile boolean refusesVolume;
  /** Listed only from this listing on (0: at once); {@link Integer#MAX_VALUE}: never, though its id still works. */
  volatile int listedFromListing;
  /** Answers 404 to this many play commands, and plays anyway. */
  volatile int playNotFoundButPlays;
  /** After a transfer, this many looks at the player still show the previous device. */
  volatile int activationLag;
  /** After a play command, this many looks at the player still show it paused. */
  volatile int playLag;
  volatile int volume = 30;

  FakeDevice(String id, String name) {
    this.id = id;
    this.name = name;
  }

  public FakeDevice restricted() {
    restricted = true;
    return this;
  }

  public FakeDevice withoutVolume() {
    supportsVolume = false;
    return this;
  }

  public FakeDevice refusesVolume() {
    refusesVolume = true;
    return this;
  }

  public FakeDevice listedFrom(int listing) {
    listedFromListing = listing;
    return this;
  }

  public FakeDevice neverListed() {
    return listedFrom(Integer.MAX_VALUE);
  }

  public FakeDevice notFoundButPlays(int times) {
    playNotFoundButPlays = times;
    return this;
  }

  public FakeDevice activationLag(int looks) {
    activationLag = looks;
    return this;
  }

  public FakeDevice playLag(int looks) {
    playLag = looks;
    return this;
  }

  public FakeDevice volume(int v) {
    volume = v;
    return this;
  }

  JsonObject toJson(boolean active) {
    return new JsonObject().put("id", id).put("is_active", active).put("is_private_session", false)
        .put("is_restricted", restricted).put("name", name).put("type", type)
        .put("volume_percent", supportsVolume ? volume : null).put("supports_volume", supportsVolume);
  }
}
