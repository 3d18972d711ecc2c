package io.spotipi.shared;

import io.spotipi.shared.message.AlarmFired;
import io.spotipi.shared.message.AlarmPrepare;
import io.spotipi.shared.message.AlarmStatus;
import io.spotipi.shared.message.AlarmStatusRequest;
import io.spotipi.shared.message.AuthorizeReply;
import io.spotipi.shared.message.AuthorizeRequest;
import io.spotipi.shared.message.BackupInfo;
import io.spotipi.shared.message.BackupList;
import io.spotipi.shared.message.CallbackRequest;
import io.spotipi.shared.message.CommitRequest;
import io.spotipi.shared.message.ConfigChanged;
import io.spotipi.shared.message.ConfigDocument;
import io.spotipi.shared.message.ControlDone;
import io.spotipi.shared.message.DeviceList;
import io.spotipi.shared.message.DevicesRequest;
import io.spotipi.shared.message.HistoryPage;
import io.spotipi.shared.message.HistoryRequest;
import io.spotipi.shared.message.LibraryPage;
import io.spotipi.shared.message.LibraryRequest;
import io.spotipi.shared.message.LoadRequest;
import io.spotipi.shared.message.PlayCommand;
import io.spotipi.shared.message.PlayOutcome;
import io.spotipi.shared.message.PlaybackCommand;
import io.spotipi.shared.message.PlaybackStatus;
import io.spotipi.shared.message.RestoreRequest;
import io.spotipi.shared.message.SleepRequest;
import io.spotipi.shared.message.SleepStatus;
import io.spotipi.shared.message.SnoozeStatus;
import io.spotipi.shared.message.SpotifyCredentialsRequest;
import io.spotipi.shared.message.SpotifyStatus;
import io.spotipi.shared.message.StateChanged;
import io.spotipi.shared.message.StateCommitRequest;
import io.spotipi.shared.message.StateDocument;
import io.spotipi.shared.message.StateLoadRequest;
import io.spotipi.shared.message.StoreStatus;
import io.vertx.core.Vertx;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * Registers the codecs of every message record on a Vert.x instance, once. Every node of a cluster
 * must register them (ConfigClient and the verticles do it themselves). A sender may also send a
 * plain JsonObject of the same shape (non-JVM clients through the bridge do): receivers accept both.
 */
public final class EventBusCodecs {
  private EventBusCodecs() {
  }

  static final List<Class<?>> MESSAGES = List.of(LoadRequest.class, ConfigDocument.class, CommitRequest.class,
      ConfigChanged.class, HistoryRequest.class, HistoryPage.class, BackupInfo.class, BackupList.class,
      RestoreRequest.class, StoreStatus.class, AlarmFired.class, AlarmStatus.class, AlarmStatusRequest.class,
      StateLoadRequest.class, StateDocument.class, StateCommitRequest.class, StateChanged.class,
      AlarmPrepare.class, PlayOutcome.class, DevicesRequest.class, DeviceList.class, SpotifyStatus.class,
      SpotifyCredentialsRequest.class, AuthorizeRequest.class, AuthorizeReply.class, CallbackRequest.class,
      // player controls
      PlaybackStatus.class, PlayCommand.class, PlaybackCommand.class, ControlDone.class, LibraryRequest.class,
      LibraryPage.class, SnoozeStatus.class, SleepRequest.class, SleepStatus.class);

  private static final Set<Vertx> REGISTERED = Collections.newSetFromMap(new WeakHashMap<>());

  public static void register(Vertx vertx) {
    synchronized (REGISTERED) {
      if (REGISTERED.add(vertx)) {
        MESSAGES.forEach(type -> registerOne(vertx, type));
      }
    }
  }

  private static <T> void registerOne(Vertx vertx, Class<T> type) {
    vertx.eventBus().registerDefaultCodec(type, new RecordCodec<>(type));
  }
}
