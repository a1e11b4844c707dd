package dev.hallmark.importer.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hallmark.importer.ImporterException;
import dev.hallmark.importer.ImporterSettings;
import java.io.IOException;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A source of one JSON record per file (an OSV export, a CVE record tree): the continuation per
 * record id is its modification date, so a rerun imports only records that changed. A file that is
 * not JSON or names no id is handed on under its file name (the sink says what is wrong with it),
 * its marker being its digest.
 */
public final class RecordSource implements Source {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A record's id and modification date, read from its JSON. */
  public record Key(String id, String modified) {}

  private final Fetcher fetcher;
  private final ImporterSettings settings;
  private final Predicate<String> wanted;
  private final Function<JsonNode, Optional<Key>> key;

  RecordSource(
      Fetcher fetcher,
      ImporterSettings settings,
      Predicate<String> wanted,
      Function<JsonNode, Optional<Key>> key) {
    this.fetcher = fetcher;
    this.settings = settings;
    this.wanted = wanted;
    this.key = key;
  }

  /** An OSV export: every {@code .json} file; id and {@code modified} from the record. */
  public static RecordSource osv(Fetcher fetcher, ImporterSettings settings) {
    return new RecordSource(
        fetcher,
        settings,
        name -> name.endsWith(".json"),
        json ->
            json.path("id").isTextual()
                ? Optional.of(new Key(json.get("id").asText(), json.path("modified").asText("")))
                : Optional.empty());
  }

  /**
   * A cvelistV5 tree: files {@code cves/<year>/<n>xxx/CVE-*.json} of the wanted years; id and
   * {@code dateUpdated} (else {@code datePublished}) from {@code cveMetadata}.
   */
  public static RecordSource cve(
      Fetcher fetcher, ImporterSettings settings, Predicate<Integer> years) {
    java.util.regex.Pattern path =
        java.util.regex.Pattern.compile("(?:^|/)cves/(\\d{4})/\\d+xxx/CVE-\\d{4}-\\d+\\.json$");
    return new RecordSource(
        fetcher,
        settings,
        name -> {
          java.util.regex.Matcher m = path.matcher(name);
          return m.find() && years.test(Integer.parseInt(m.group(1)));
        },
        json -> {
          JsonNode meta = json.path("cveMetadata");
          if (!meta.path("cveId").isTextual()) {
            return Optional.empty();
          }
          String date = meta.path("dateUpdated").asText(meta.path("datePublished").asText(""));
          return Optional.of(new Key(meta.get("cveId").asText(), date));
        });
  }

  @Override
  public void walk(Run run)
      throws IOException, InterruptedException, RunInterruptedException, ImporterException {
    Archive.walk(
        run,
        fetcher,
        settings,
        name -> wanted.test(name) && run.definition().wanted(name),
        (name, bytes, problem) -> {
          if (bytes == null) {
            run.failed(name, problem);
            return;
          }
          Optional<Key> k = Optional.empty();
          try {
            JsonNode json = JSON.readTree(bytes);
            if (json != null) {
              k = key.apply(json);
            }
          } catch (IOException e) {
            // handed on by file name: the sink names the problem
          }
          String item = k.map(Key::id).orElse(name);
          String marker =
              k.filter(x -> !x.modified().isEmpty())
                  .map(Key::modified)
                  .orElse("sha256:" + Digests.sha256(bytes));
          if (!run.unchanged(item, marker)) {
            run.ingest(item, marker, name, bytes);
          }
        });
  }
}
