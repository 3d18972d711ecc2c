package io.spotipi.shared;

/** Every event-bus address of SpotiPi, declared once. */
public final class Addresses {
  private Addresses() {
  }

  /** Request-reply: {@code LoadRequest} → {@code ConfigDocument}. */
  public static final String CONFIG_LOAD = "spotipi.config.load";
  /** Request-reply: {@code CommitRequest} → {@code ConfigDocument}. */
  public static final String CONFIG_COMMIT = "spotipi.config.commit";
  /** Publish: {@code ConfigChanged}, after each durable commit. */
  public static final String CONFIG_CHANGED = "spotipi.config.changed";
  /** Publish: empty body, every near cache drops its copy. */
  public static final String CONFIG_INVALIDATE = "spotipi.config.invalidate";
  /** Request-reply: empty → {@code StoreStatus}. */
  public static final String CONFIG_STATUS = "spotipi.config.status";
  /** Request-reply: {@code HistoryRequest} → {@code HistoryPage}. */
  public static final String CONFIG_HISTORY = "spotipi.config.history";
  /** Request-reply: empty → {@code BackupList}. */
  public static final String BACKUP_LIST = "spotipi.config.backup.list";
  /** Request-reply: empty → {@code BackupInfo}. */
  public static final String BACKUP_CREATE = "spotipi.config.backup.create";
  /** Request-reply: {@code RestoreRequest} → {@code ConfigDocument}. */
  public static final String BACKUP_RESTORE = "spotipi.config.backup.restore";

  /**
   * Request-reply: {@code StateLoadRequest} → {@code StateDocument}. Internal state: named sections
   * the config owner keeps beside the user's config (never in it, its events, history or backups).
   */
  public static final String STATE_LOAD = "spotipi.state.load";
  /** Request-reply: {@code StateCommitRequest} → {@code StateDocument}; compare-and-set on the section's revision. */
  public static final String STATE_COMMIT = "spotipi.state.commit";
  /** Publish: {@code StateChanged}, after each durable state commit. */
  public static final String STATE_CHANGED = "spotipi.state.changed";

  /** Publish: {@code AlarmFired}, once per played occurrence. */
  public static final String ALARM_FIRED = "spotipi.alarm.fired";
  /**
   * Request-reply: {@code AlarmStatusRequest} (or empty) → {@code AlarmStatus}, from the scheduler's own
   * plan: ask this node's scheduler ({@code DeliveryOptions.setLocalOnly}) where it runs one.
   */
  public static final String ALARM_STATUS = "spotipi.alarm.status";
  /**
   * Reply header of {@link #ALARM_STATUS}, value {@code "true"}: the status is the plan of what the
   * scheduler last knew while no config owner answered, or older than the revision asked for.
   */
  public static final String STALE_HEADER = "stale";
  /** Request-reply: empty → {@code AlarmTriggered}: the manual occurrence, once it played or failed. */
  public static final String ALARM_TRIGGER = "spotipi.alarm.trigger";

  // ---- player: every node has its own; requests stay on the node (local consumers, local-only sends)

  /** Request-reply: {@code AlarmFired} → {@code PlayOutcome}, once playback started or failed for good. */
  public static final String PLAYER_PLAY = "spotipi.player.play";
  /** Request-reply: {@code AlarmPrepare} → empty: token and device made ready ahead of the instant. */
  public static final String PLAYER_PREPARE = "spotipi.player.prepare";
  /** Request-reply: {@code DevicesRequest} → {@code DeviceList}. */
  public static final String PLAYER_DEVICES = "spotipi.player.devices";
  /** Request-reply: empty → {@code SpotifyStatus}. */
  public static final String SPOTIFY_STATUS = "spotipi.spotify.status";
  /** Request-reply: {@code SpotifyCredentialsRequest} → {@code SpotifyStatus}. Carries secrets: local only. */
  public static final String SPOTIFY_CREDENTIALS_PUT = "spotipi.spotify.credentials.put";
  /** Request-reply: empty → {@code SpotifyStatus}, disconnected. */
  public static final String SPOTIFY_CREDENTIALS_DELETE = "spotipi.spotify.credentials.delete";
  /** Request-reply: {@code AuthorizeRequest} → {@code AuthorizeReply}. */
  public static final String SPOTIFY_AUTHORIZE = "spotipi.spotify.authorize";
  /** Request-reply: {@code CallbackRequest} → {@code SpotifyStatus}. Carries a one-time code: local only. */
  public static final String SPOTIFY_CALLBACK = "spotipi.spotify.callback";

  // ---- player controls (playback, library, snooze, sleep): local to each node's player, like the above

  /** Request-reply: empty → {@code PlaybackStatus}, or a null body when nothing plays. */
  public static final String PLAYBACK_STATE = "spotipi.player.playback.state";
  /** Request-reply: {@code PlayCommand} → {@code ControlDone}. */
  public static final String PLAYBACK_PLAY = "spotipi.player.playback.play";
  /** Request-reply: {@code PlaybackCommand} → {@code ControlDone}. */
  public static final String PLAYBACK_COMMAND = "spotipi.player.playback.command";
  /** Request-reply: {@code LibraryRequest} → {@code LibraryPage}. */
  public static final String LIBRARY = "spotipi.player.library";
  /** Request-reply: empty → {@code SnoozeStatus}: pauses the alarm that plays, to resume it later. */
  public static final String SNOOZE = "spotipi.player.snooze";
  /** Request-reply: empty → {@code SnoozeStatus} (none): the snoozed alarm does not resume. */
  public static final String SNOOZE_DISMISS = "spotipi.player.snooze.dismiss";
  /** Request-reply: empty → {@code SnoozeStatus}. */
  public static final String SNOOZE_STATUS = "spotipi.player.snooze.status";
  /** Request-reply: {@code SleepRequest} → {@code SleepStatus}. */
  public static final String SLEEP_START = "spotipi.player.sleep.start";
  /** Request-reply: empty → {@code SleepStatus}: fades out and pauses now. */
  public static final String SLEEP_STOP = "spotipi.player.sleep.stop";
  /** Request-reply: empty → {@code SleepStatus}. */
  public static final String SLEEP_STATUS = "spotipi.player.sleep.status";
}
