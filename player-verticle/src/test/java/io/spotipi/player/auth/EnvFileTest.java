package io.spotipi.player.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvFileTest {

  @Test
  void readsTheOriginalsFile() {
    String text = """
        # written by SpotiPi's setup
        SPOTIFY_CLIENT_ID=abc123
        SPOTIFY_CLIENT_SECRET="s3cr3t"
        SPOTIFY_REFRESH_TOKEN='AQD-token/with+chars='
        SPOTIFY_USERNAME=pi   # trailing comment
        """;
    assertEquals(Map.of("SPOTIFY_CLIENT_ID", "abc123", "SPOTIFY_CLIENT_SECRET", "s3cr3t",
        "SPOTIFY_REFRESH_TOKEN", "AQD-token/with+chars=", "SPOTIFY_USERNAME", "pi"), EnvFile.parse(text));
  }

  @Test
  void exportSpacesAndCrLf() {
    assertEquals(Map.of("A", "1", "B", "two words", "C", ""),
        EnvFile.parse("export A=1\r\n  B =  two words  \r\nC=\r\n"));
  }

  @Test
  void quotesKeepHashesAndSpacesAndDoubleQuotesUnescape() {
    assertEquals(Map.of("A", "x # not a comment", "B", " a\"b\n", "C", "$HOME\\n"),
        EnvFile.parse("A=\"x # not a comment\"\nB=\" a\\\"b\\n\"\nC='$HOME\\n'\n"));
  }

  @Test
  void hashInsideABareValueIsKept() {
    assertEquals(Map.of("A", "abc#def"), EnvFile.parse("A=abc#def"));
  }

  @Test
  void malformedLinesAndUnclosedQuotesAreSkippedAndALaterKeyWins() {
    assertEquals(Map.of("A", "2"), EnvFile.parse("not a pair\n=x\n1A=bad\nB=\"open\nA=1\nA=2\n"));
  }

  @Test
  void emptyFile() {
    assertEquals(Map.of(), EnvFile.parse(""));
    assertEquals(Map.of(), EnvFile.parse("\n# only a comment\n"));
  }
}
