package dev.hallmark.core.sbom.internal;

import dev.hallmark.core.sbom.SbomFormatException;
import java.util.Set;

/** The closed vocabularies of SPDX 2.3 that a document must use. */
final class SpdxVocabulary {
  static final Set<String> RELATIONSHIPS =
      Set.of(
          "DESCRIBES",
          "DESCRIBED_BY",
          "CONTAINS",
          "CONTAINED_BY",
          "DEPENDS_ON",
          "DEPENDENCY_OF",
          "DEPENDENCY_MANIFEST_OF",
          "BUILD_DEPENDENCY_OF",
          "DEV_DEPENDENCY_OF",
          "OPTIONAL_DEPENDENCY_OF",
          "PROVIDED_DEPENDENCY_OF",
          "TEST_DEPENDENCY_OF",
          "RUNTIME_DEPENDENCY_OF",
          "EXAMPLE_OF",
          "GENERATES",
          "GENERATED_FROM",
          "ANCESTOR_OF",
          "DESCENDANT_OF",
          "VARIANT_OF",
          "DISTRIBUTION_ARTIFACT",
          "PATCH_FOR",
          "PATCH_APPLIED",
          "COPY_OF",
          "FILE_ADDED",
          "FILE_DELETED",
          "FILE_MODIFIED",
          "EXPANDED_FROM_ARCHIVE",
          "DYNAMIC_LINK",
          "STATIC_LINK",
          "DATA_FILE_OF",
          "TEST_CASE_OF",
          "BUILD_TOOL_OF",
          "DEV_TOOL_OF",
          "TEST_OF",
          "TEST_TOOL_OF",
          "DOCUMENTATION_OF",
          "OPTIONAL_COMPONENT_OF",
          "METAFILE_OF",
          "PACKAGE_OF",
          "AMENDS",
          "PREREQUISITE_FOR",
          "HAS_PREREQUISITE",
          "REQUIREMENT_DESCRIPTION_FOR",
          "SPECIFICATION_FOR",
          "OTHER");
  static final Set<String> CHECKSUMS =
      Set.of(
          "SHA1",
          "SHA224",
          "SHA256",
          "SHA384",
          "SHA512",
          "MD2",
          "MD4",
          "MD5",
          "MD6",
          "SHA3-256",
          "SHA3-384",
          "SHA3-512",
          "BLAKE2b-256",
          "BLAKE2b-384",
          "BLAKE2b-512",
          "BLAKE3",
          "ADLER32");
  static final Set<String> REFERENCE_CATEGORIES =
      Set.of(
          "SECURITY",
          "PACKAGE-MANAGER",
          "PACKAGE_MANAGER",
          "PERSISTENT-ID",
          "PERSISTENT_ID",
          "OTHER");
  static final Set<String> PURPOSES =
      Set.of(
          "APPLICATION",
          "FRAMEWORK",
          "LIBRARY",
          "CONTAINER",
          "OPERATING-SYSTEM",
          "DEVICE",
          "FIRMWARE",
          "SOURCE",
          "ARCHIVE",
          "FILE",
          "INSTALL",
          "OTHER");

  private SpdxVocabulary() {}

  /** Refuses {@code value} when it is not in {@code allowed}, naming the field. */
  static String check(Set<String> allowed, String value, String where) throws SbomFormatException {
    if (value != null && !allowed.contains(value)) {
      throw new SbomFormatException(where + " '" + value + "' is not an SPDX 2.3 value");
    }
    return value;
  }
}
