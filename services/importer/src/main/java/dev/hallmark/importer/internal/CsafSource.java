package dev.hallmark.importer.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hallmark.importer.ImporterException;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A CSAF provider (CSAF 2.0 §7): its {@code provider-metadata.json}, then every distribution — a
 * directory ({@code changes.csv}, else {@code index.txt}) or ROLIE feeds. Each document is checked
 * against its {@code .sha256} (else {@code .sha512}) file when the provider has one. The
 * continuation per document URL is its change timestamp, so a rerun fetches only what changed and
 * what failed before.
 */
public final class CsafSource implements Source {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long LIST_LIMIT = 256L << 20;

  private final URI metadata;
  private final Fetcher fetcher;

  public CsafSource(URI source, Fetcher fetcher) {
    String s = source.toString();
    this.metadata =
        s.endsWith(".json")
            ? source
            : URI.create(
                (s.endsWith("/") ? s.substring(0, s.length() - 1) : s)
                    + "/.well-known/csaf/provider-metadata.json");
    this.fetcher = fetcher;
  }

  /** A document to import: where it is, its change marker and an explicit hash link. */
  record Entry(
      URI url, String path, String marker, Optional<Instant> changed, Optional<URI> hash) {}

  @Override
  public void walk(Run run)
      throws IOException, InterruptedException, RunInterruptedException, ImporterException {
    run.progress("reading " + metadata);
    JsonNode provider = json(fetcher.bytes(metadata, LIST_LIMIT), metadata);
    JsonNode distributions = provider.path("distributions");
    if (!distributions.isArray() || distributions.isEmpty()) {
      throw new IOException(metadata + " lists no distributions");
    }
    List<Entry> entries = new ArrayList<>();
    for (JsonNode d : distributions) {
      if (d.hasNonNull("directory_url")) {
        entries.addAll(directory(resolve(metadata, d.get("directory_url").asText())));
      }
      for (JsonNode feed : d.path("rolie").path("feeds")) {
        if (feed.hasNonNull("url")) {
          entries.addAll(feed(resolve(metadata, feed.get("url").asText())));
        }
      }
    }
    int n = 0;
    for (Entry e : entries) {
      run.checkAlive();
      run.progress("document " + ++n + " of " + entries.size() + ": " + e.url());
      if (!run.definition().wanted(e.path())
          || (run.definition().since().isPresent()
              && e.changed().isPresent()
              && e.changed().get().isBefore(run.definition().since().get()))) {
        continue;
      }
      String item = e.url().toString();
      if (run.unchanged(item, e.marker())) {
        continue;
      }
      document(run, e, item);
    }
  }

  private void document(Run run, Entry e, String item)
      throws InterruptedException, RunInterruptedException, ImporterException {
    byte[] bytes;
    try {
      Optional<byte[]> body = fetcher.optional(e.url(), run.definition().sizeLimit());
      if (body.isEmpty()) {
        if (run.definition().ignoreMissing()) {
          run.skipped(item, e.marker());
        } else {
          run.failed(item, "not found (HTTP 404) at " + e.url());
        }
        return;
      }
      bytes = body.get();
      checkHash(e, bytes);
    } catch (IOException x) {
      run.failed(item, x.getMessage());
      return;
    }
    run.ingest(item, e.marker(), e.url().toString(), bytes);
  }

  /** Compares with the provider's digest file, if it has one; throws naming both digests. */
  private void checkHash(Entry e, byte[] bytes) throws IOException, InterruptedException {
    List<URI> candidates =
        e.hash().isPresent()
            ? List.of(e.hash().get())
            : List.of(URI.create(e.url() + ".sha256"), URI.create(e.url() + ".sha512"));
    for (URI hashUrl : candidates) {
      Optional<byte[]> file = fetcher.optional(hashUrl, 4096);
      if (file.isEmpty()) {
        continue;
      }
      String text = new String(file.get(), StandardCharsets.US_ASCII).strip();
      String expected = text.split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
      String algorithm = hashUrl.getPath().endsWith(".sha512") ? "SHA-512" : "SHA-256";
      String computed = Digests.hex(algorithm, bytes);
      if (!computed.equals(expected)) {
        throw new IOException(
            algorithm + " mismatch: computed " + computed + ", " + hashUrl + " says " + expected);
      }
      return;
    }
  }

  private List<Entry> directory(URI directory) throws IOException, InterruptedException {
    URI base = URI.create(directory.toString().endsWith("/") ? directory + "" : directory + "/");
    Optional<byte[]> changes = fetcher.optional(base.resolve("changes.csv"), LIST_LIMIT);
    List<Entry> entries = new ArrayList<>();
    if (changes.isPresent()) {
      int line = 0;
      for (String row : new String(changes.get(), StandardCharsets.UTF_8).split("\r?\n")) {
        line++;
        if (row.isBlank()) {
          continue;
        }
        List<String> fields = Csv.fields(row);
        if (fields.size() < 2) {
          throw new IOException(base + "changes.csv line " + line + " is not \"path\",\"time\"");
        }
        Optional<Instant> changed;
        try {
          changed = Optional.of(Instant.parse(fields.get(1)));
        } catch (DateTimeParseException x) {
          throw new IOException(
              base + "changes.csv line " + line + ": not a timestamp: " + fields.get(1));
        }
        entries.add(
            new Entry(
                base.resolve(fields.get(0)),
                fields.get(0),
                changed.get().toString(),
                changed,
                Optional.empty()));
      }
      return entries;
    }
    Optional<byte[]> index = fetcher.optional(base.resolve("index.txt"), LIST_LIMIT);
    if (index.isEmpty()) {
      throw new IOException(base + " has neither changes.csv nor index.txt");
    }
    for (String row : new String(index.get(), StandardCharsets.UTF_8).split("\r?\n")) {
      if (!row.isBlank()) {
        // no timestamps: a document listed once is imported once
        entries.add(
            new Entry(
                base.resolve(row.strip()),
                row.strip(),
                "listed",
                Optional.empty(),
                Optional.empty()));
      }
    }
    return entries;
  }

  private List<Entry> feed(URI url) throws IOException, InterruptedException {
    JsonNode feed = json(fetcher.bytes(url, LIST_LIMIT), url).path("feed");
    List<Entry> entries = new ArrayList<>();
    for (JsonNode entry : feed.path("entry")) {
      String src = entry.path("content").path("src").asText(null);
      Optional<URI> hash = Optional.empty();
      for (JsonNode link : entry.path("link")) {
        String rel = link.path("rel").asText();
        if (src == null && rel.equals("self")) {
          src = link.path("href").asText(null);
        }
        if (rel.equals("hash") && link.hasNonNull("href")) {
          String href = link.get("href").asText();
          if (hash.isEmpty() || href.endsWith(".sha256")) {
            hash = Optional.of(resolve(url, href));
          }
        }
      }
      if (src == null) {
        continue;
      }
      String updated = entry.path("updated").asText("");
      Optional<Instant> changed;
      try {
        changed = updated.isEmpty() ? Optional.empty() : Optional.of(Instant.parse(updated));
      } catch (DateTimeParseException x) {
        changed = Optional.empty();
      }
      URI doc = resolve(url, src);
      entries.add(
          new Entry(
              doc,
              doc.getPath(),
              changed.map(Instant::toString).orElse(updated.isEmpty() ? "listed" : updated),
              changed,
              hash));
    }
    return entries;
  }

  private static URI resolve(URI base, String ref) throws IOException {
    try {
      return base.resolve(ref);
    } catch (IllegalArgumentException e) {
      throw new IOException("not a URL: " + ref);
    }
  }

  private static JsonNode json(byte[] bytes, URI from) throws IOException {
    try {
      JsonNode node = JSON.readTree(bytes);
      if (node == null || !node.isObject()) {
        throw new IOException(from + " is not a JSON object");
      }
      return node;
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IOException(from + " is not JSON: " + e.getOriginalMessage());
    }
  }
}
