package io.spotipi.app.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * What a child process runs and listens on, read from Linux's /proc: its threads' names (the JVM
 * names native threads after Java threads, cut to 15 characters) and its listening TCP ports (its
 * socket inodes matched against the LISTEN rows of net/tcp and net/tcp6).
 */
final class ProcessProbe {
  private static final String LISTEN = "0A";

  private ProcessProbe() {
  }

  static boolean available() {
    return Files.isDirectory(Path.of("/proc/self/task"));
  }

  static List<String> threadNames(long pid) throws IOException {
    try (Stream<Path> tasks = Files.list(Path.of("/proc", String.valueOf(pid), "task"))) {
      return tasks.map(task -> {
        try {
          return Files.readString(task.resolve("comm")).trim();
        } catch (IOException e) {
          return ""; // the thread ended meanwhile
        }
      }).filter(name -> !name.isEmpty()).toList();
    }
  }

  static Set<Integer> listeningPorts(long pid) throws IOException {
    Set<String> inodes = socketInodes(pid);
    Set<Integer> ports = new TreeSet<>();
    for (String table : List.of("tcp", "tcp6")) {
      for (String row : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "net", table))) {
        String[] f = row.trim().split("\\s+");
        if (f.length > 9 && LISTEN.equals(f[3]) && inodes.contains(f[9])) {
          String local = f[1];
          ports.add(Integer.parseInt(local.substring(local.lastIndexOf(':') + 1), 16));
        }
      }
    }
    return ports;
  }

  private static Set<String> socketInodes(long pid) throws IOException {
    Set<String> inodes = new HashSet<>();
    try (Stream<Path> fds = Files.list(Path.of("/proc", String.valueOf(pid), "fd"))) {
      for (Path fd : (Iterable<Path>) fds::iterator) {
        try {
          String target = Files.readSymbolicLink(fd).toString();
          if (target.startsWith("socket:[")) {
            inodes.add(target.substring("socket:[".length(), target.length() - 1));
          }
        } catch (IOException e) {
          // closed meanwhile
        }
      }
    }
    return inodes;
  }
}
