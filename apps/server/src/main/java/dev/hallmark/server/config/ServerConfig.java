package dev.hallmark.server.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Configuration from a properties file and the environment. Every key {@code a.b.c} can be set in
 * the file or as environment variable {@code HALLMARK_A_B_C}; the environment wins. Unknown keys
 * are refused so that typos do not silently fall back to defaults. See docs/configuration.md.
 */
public final class ServerConfig {
  private final Map<String, String> values;

  private ServerConfig(Map<String, String> values) {
    this.values = values;
  }

  /** Reads {@code file} (may be null or absent) and overlays {@code env}. */
  public static ServerConfig load(Path file, Map<String, String> env) throws ConfigException {
    Map<String, String> values = new TreeMap<>();
    if (file != null && Files.exists(file)) {
      Properties props = new Properties();
      try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        props.load(r);
      } catch (IOException | IllegalArgumentException e) {
        throw new ConfigException("cannot read config file " + file + ": " + e.getMessage());
      }
      for (String key : props.stringPropertyNames()) {
        values.put(key, props.getProperty(key).trim());
      }
    } else if (file != null && !file.toString().equals(ConfigKeys.DEFAULT_FILE)) {
      throw new ConfigException("config file " + file + " does not exist");
    }
    for (String name : env.keySet()) {
      if (name.startsWith("HALLMARK_")
          && !ConfigKeys.LAUNCHER_VARIABLES.contains(name)
          && ConfigKeys.ALL.keySet().stream().noneMatch(k -> ConfigKeys.envName(k).equals(name))) {
        throw new ConfigException(
            "unknown environment variable " + name + " (see docs/configuration.md)");
      }
    }
    for (String key : ConfigKeys.ALL.keySet()) {
      String v = env.get(ConfigKeys.envName(key));
      if (v != null && !v.isBlank()) {
        values.put(key, v.trim());
      }
    }
    for (String key : values.keySet()) {
      if (!ConfigKeys.ALL.containsKey(key)) {
        throw new ConfigException(
            "unknown configuration key '" + key + "' (see docs/configuration.md)");
      }
    }
    return new ServerConfig(values);
  }

  /** Config from explicit values (tests), with defaults for everything else. */
  public static ServerConfig of(Map<String, String> values) throws ConfigException {
    for (String key : values.keySet()) {
      if (!ConfigKeys.ALL.containsKey(key)) {
        throw new ConfigException("unknown configuration key '" + key + "'");
      }
    }
    return new ServerConfig(new TreeMap<>(values));
  }

  public String get(String key) {
    if (!ConfigKeys.ALL.containsKey(key)) {
      throw new IllegalArgumentException("undeclared key " + key);
    }
    return values.getOrDefault(key, ConfigKeys.ALL.get(key));
  }

  public Optional<String> optional(String key) {
    String v = get(key);
    return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v);
  }

  public int intValue(String key, int min, int max) throws ConfigException {
    String v = get(key);
    try {
      int n = Integer.parseInt(v);
      if (n < min || n > max) {
        throw new ConfigException(key + " must be between " + min + " and " + max + ", not " + n);
      }
      return n;
    } catch (NumberFormatException e) {
      throw new ConfigException(key + " must be a whole number, not '" + v + "'");
    }
  }

  public Path path(String key) {
    return Path.of(get(key));
  }
}
