package io.spotipi.app;

/** The {@code --help} text, generated from {@link Option} so it never drifts from the parser. */
final class Usage {
  private Usage() {
  }

  static String text() {
    StringBuilder text = new StringBuilder()
        .append("Usage: java -jar app/target/spotipi.jar [options]\n")
        .append("SpotiPi Core: config store, Spotify player, HTTP API and alarm scheduler on Vert.x.\n")
        .append("Options take --opt value or --opt=value. Each can also come from its environment\n")
        .append("variable; a flag wins over the variable. A bad option exits with status 2.\n\n");
    for (Option option : Option.values()) {
      text.append("  ").append(option.flag()).append(option.standsAlone() ? "" : " <value>");
      if (option.envVar() != null) {
        text.append("  (env ").append(option.envVar()).append(", default ")
            .append(option.defaultValue() == null ? "unset" : option.defaultValue()).append(')');
      }
      text.append("\n      ").append(option.description()).append('\n');
    }
    return text.toString();
  }
}
