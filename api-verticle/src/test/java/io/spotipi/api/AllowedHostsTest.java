package io.spotipi.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spotipi.api.AllowedHosts.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;

class AllowedHostsTest {
  private static final AllowedHosts PI = new AllowedHosts(List.of(), "spotipi", "0.0.0.0");

  @Test
  void ipLiteralsAndLocalhostWithOrWithoutAPortAreAnsweredTo() {
    for (String host : List.of("127.0.0.1", "127.0.0.1:5001", "192.168.1.20:80", "10.0.0.1", "[::1]", "[::1]:5001",
        "[fe80::1]:5001", "[2001:db8::7]", "localhost", "localhost:5001", "LOCALHOST", "localhost.", "localhost.:5001")) {
      assertEquals(Verdict.ADMITTED, PI.check(host), host);
    }
  }

  @Test
  void theMachinesNameAndItsMdnsNameAreAnsweredTo() {
    for (String host : List.of("spotipi", "spotipi:5001", "spotipi.local", "SpotiPi.Local:5001", "spotipi.local.",
        "spotipi.local.:5001")) {
      assertEquals(Verdict.ADMITTED, PI.check(host), host);
    }
    AllowedHosts fqdn = new AllowedHosts(List.of(), "kitchen-pi.home.lan", "0.0.0.0");
    for (String host : List.of("kitchen-pi.home.lan", "kitchen-pi", "kitchen-pi.local:5001")) {
      assertEquals(Verdict.ADMITTED, fqdn.check(host), host);
    }
    assertEquals(Verdict.FOREIGN, fqdn.check("home.lan"));
  }

  @Test
  void anyOtherNameIsForeign() {
    for (String host : List.of("attacker.example", "attacker.example:5001", "spotipi.attacker.example",
        "spotipi.local.attacker.example", "localhost.attacker.example", "127.0.0.1.nip.io", "999.1.1.1", "local",
        "spotipi2.local", "x")) {
      assertEquals(Verdict.FOREIGN, PI.check(host), host);
    }
  }

  @Test
  void configuredNamesAndTheBindNameAreAnsweredToAndStarTurnsTheCheckOff() {
    AllowedHosts extra = new AllowedHosts(List.of("alarm.example.lan", "Wecker."), null, "pi.lan");
    for (String host : List.of("alarm.example.lan", "ALARM.example.lan.:443", "wecker", "pi.lan:5001", "localhost")) {
      assertEquals(Verdict.ADMITTED, extra.check(host), host);
    }
    assertEquals(Verdict.FOREIGN, extra.check("example.lan"));
    AllowedHosts any = new AllowedHosts(List.of(AllowedHosts.ANY), "spotipi", "0.0.0.0");
    assertTrue(any.answersToAny());
    assertEquals(Verdict.ADMITTED, any.check("attacker.example"));
    assertFalse(PI.answersToAny());
  }

  @Test
  void aMalformedHostIsMalformedWhatTheListSays() {
    for (String host : List.of("", "a b", "spotipi:", "spotipi:x", "spotipi:99999", "spotipi:5001:1", "::1", "[::1",
        "[::1]x", "[zz::1]", "[127.0.0.1]", "spo tipi.local", "-x.local", "x..y", "user@spotipi", "spotipi/x",
        "spotipi:-1")) {
      assertEquals(Verdict.MALFORMED, PI.check(host), host);
    }
  }

  @Test
  void entriesOfTheOptionAreNamesOrStar() {
    for (String ok : List.of("*", "spotipi.local", "alarm.example.lan.", "pi", "a_b.lan", "xn--bcher-kva.example")) {
      assertTrue(AllowedHosts.isValidEntry(ok), ok);
    }
    for (String bad : List.of("", "a b", "http://pi", "pi:5001", "*.lan", "pi/x", "-pi", "x..y", "[::1]")) {
      assertFalse(AllowedHosts.isValidEntry(bad), bad);
    }
  }
}
