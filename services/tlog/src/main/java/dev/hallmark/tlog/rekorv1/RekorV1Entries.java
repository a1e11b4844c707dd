package dev.hallmark.tlog.rekorv1;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.hallmark.tlog.rekorv2.InvalidEntryException;
import java.io.IOException;

/**
 * Validates Rekor v1 {@code ProposedEntry}s ({@code POST /api/v1/log/entries}) and builds the
 * canonical body Rekor stores: the RFC 8785 JSON of the entry the server re-derives from the
 * request, with everything it does not trust dropped. For well-formed client requests the body is
 * byte-identical to the client's own JCS of its request, which sigstore-java checks.
 *
 * <p>Supported kinds: {@value #SUPPORTED}. Stateless and thread-safe.
 */
public final class RekorV1Entries {
  /** The supported kinds and versions, as error messages name them. */
  public static final String SUPPORTED = "hashedrekord 0.0.1, dsse 0.0.1, intoto 0.0.2";

  private final ObjectReader reader;
  private final DsseV001 dsse;

  /** Creates a parser that reads JSON with {@code mapper} (trailing content is rejected). */
  public RekorV1Entries(ObjectMapper mapper) {
    this.reader = mapper.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    this.dsse = new DsseV001(reader);
  }

  /**
   * Parses a ProposedEntry {@code {kind, apiVersion, spec}}, validates it (signatures verify; keys
   * and certificates parse; digests are well-formed), and returns the canonical body Rekor stores.
   *
   * @throws InvalidEntryException naming the JSON path of what is wrong, or the supported kinds
   */
  public V1Entry parse(byte[] proposedEntryJson) throws InvalidEntryException {
    if (proposedEntryJson == null || proposedEntryJson.length == 0) {
      throw new InvalidEntryException("request body is empty; expected a ProposedEntry object");
    }
    JsonNode root;
    try {
      root = reader.readTree(proposedEntryJson);
    } catch (IOException e) {
      throw new InvalidEntryException("request body is not valid JSON");
    }
    return parse(root);
  }

  /**
   * Like {@link #parse(byte[])} for an already parsed request.
   *
   * @throws InvalidEntryException naming the JSON path of what is wrong, or the supported kinds
   */
  public V1Entry parse(JsonNode proposedEntry) throws InvalidEntryException {
    if (proposedEntry == null || !proposedEntry.isObject()) {
      throw new InvalidEntryException(
          "request body must be a JSON object {kind, apiVersion, spec}");
    }
    String kind;
    try {
      kind = Fields.nonEmptyString(proposedEntry, "kind", "kind");
    } catch (InvalidEntryException e) {
      throw new InvalidEntryException(e.getMessage() + "; supported: " + SUPPORTED);
    }
    String apiVersion = Fields.nonEmptyString(proposedEntry, "apiVersion", "apiVersion");
    switch (kind) {
      case HashedRekordV001.KIND:
        checkVersion(kind, apiVersion, HashedRekordV001.VERSION);
        return HashedRekordV001.parse(spec(proposedEntry));
      case DsseV001.KIND:
        checkVersion(kind, apiVersion, DsseV001.VERSION);
        return dsse.parse(spec(proposedEntry));
      case IntotoV002.KIND:
        checkVersion(kind, apiVersion, IntotoV002.VERSION);
        return IntotoV002.parse(spec(proposedEntry));
      default:
        throw new InvalidEntryException(
            "unsupported kind \"" + Fields.abbreviate(kind) + "\"; supported: " + SUPPORTED);
    }
  }

  private static JsonNode spec(JsonNode proposedEntry) throws InvalidEntryException {
    return Fields.object(proposedEntry, "spec", "spec");
  }

  private static void checkVersion(String kind, String apiVersion, String supported)
      throws InvalidEntryException {
    if (!supported.equals(apiVersion)) {
      throw new InvalidEntryException(
          "unsupported apiVersion \""
              + Fields.abbreviate(apiVersion)
              + "\" for kind "
              + kind
              + "; supported: "
              + SUPPORTED);
    }
  }
}
