package dev.hallmark.core.advisory.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hallmark.core.advisory.AdvisoryFormatException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CSAF mandatory tests on the document block: 6.1.12 language, 6.1.14–6.1.22 and 6.1.30 version and
 * revision history, 6.1.15 translator, 6.1.26 prohibited category name, 6.1.28 translation.
 */
final class CsafDocumentChecks {
  private static final Pattern INTEGER = Pattern.compile("0|[1-9][0-9]*");
  private static final Pattern SEMVER =
      Pattern.compile(
          "(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(?:-([0-9A-Za-z.-]+))?(?:\\+([0-9A-Za-z.-]+))?");
  private static final Set<String> OFFICIAL =
      Set.of(
          "csaf_base",
          "csaf_security_incident_response",
          "csaf_informational_advisory",
          "csaf_security_advisory",
          "csaf_vex");
  private static final Set<String> PROHIBITED =
      Set.of("securityincidentresponse", "informationaladvisory", "securityadvisory", "vex");
  private static final Set<String> ISO_639_1 = Set.of(Locale.getISOLanguages());

  private final CsafFindings findings;

  private CsafDocumentChecks(CsafFindings findings) {
    this.findings = findings;
  }

  static void check(JsonNode doc, CsafFindings findings) throws AdvisoryFormatException {
    new CsafDocumentChecks(findings).check(doc);
  }

  private void check(JsonNode doc) throws AdvisoryFormatException {
    String lang = Json.text(doc, "lang");
    String sourceLang = Json.text(doc, "source_lang");
    language(lang, "document.lang");
    language(sourceLang, "document.source_lang");
    if ("translator".equals(doc.path("publisher").path("category").asText())
        && sourceLang == null) {
      findings.bookkeeping("6.1.15 translator: a translator's document needs document.source_lang");
    }
    if (lang != null && lang.equalsIgnoreCase(sourceLang)) {
      findings.bookkeeping(
          "6.1.28 translation: document.lang and document.source_lang are both " + lang);
    }
    String category = doc.path("category").asText();
    if (!OFFICIAL.contains(category)) {
      String n = category.toLowerCase(Locale.ROOT).replaceAll("[-_\\s]", "");
      if (PROHIBITED.contains(n)
          || (n.startsWith("csaf") && PROHIBITED.contains(n.substring(4)))
          || category.toLowerCase(Locale.ROOT).startsWith("csaf_")) {
        findings.bookkeeping("6.1.26 prohibited document category name: " + category);
      }
    }
    tracking(doc.path("tracking"));
  }

  private void language(String tag, String where) throws AdvisoryFormatException {
    if (tag == null) {
      return;
    }
    String primary = tag.split("-")[0];
    boolean ok =
        primary.length() == 2
            ? ISO_639_1.contains(primary.toLowerCase(Locale.ROOT))
            : primary.matches("[A-Za-z]{3}|i|x");
    if (!ok || !tag.matches("[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*")) {
      findings.bookkeeping("6.1.12 language: " + where + " " + tag + " is invalid");
    }
  }

  private void tracking(JsonNode t) throws AdvisoryFormatException {
    String version = t.path("version").asText();
    String status = t.path("status").asText();
    boolean integer = INTEGER.matcher(version).matches();
    List<Revision> history = new ArrayList<>();
    for (JsonNode r : t.path("revision_history")) {
      String number = r.path("number").asText();
      if (INTEGER.matcher(number).matches() != integer) {
        findings.bookkeeping(
            "6.1.30 mixed integer and semantic versioning: " + version + " and " + number);
      }
      history.add(new Revision(number, date(r.path("date").asText())));
    }
    Set<String> numbers = new HashSet<>();
    for (Revision r : history) {
      if (!numbers.add(r.number)) {
        findings.bookkeeping("6.1.22 multiple definition in revision history: " + r.number);
      }
      if (!prerelease(r.number).isEmpty()) {
        findings.bookkeeping("6.1.19 revision history entry for pre-release version " + r.number);
      }
      if (!status.equals("draft") && major(r.number) == 0) {
        findings.bookkeeping(
            "6.1.18 released revision history: " + status + " document with revision " + r.number);
      }
    }
    if (!status.equals("draft") && !prerelease(version).isEmpty()) {
      findings.bookkeeping(
          "6.1.20 non-draft document version: " + status + " document with version " + version);
    }
    if ((major(version) == 0 || !prerelease(version).isEmpty()) && !status.equals("draft")) {
      findings.bookkeeping(
          "6.1.17 document status draft: version " + version + " needs status draft");
    }
    List<Revision> byDate = new ArrayList<>(history);
    byDate.sort(
        Comparator.comparing((Revision r) -> r.date)
            .thenComparing((x, y) -> compare(x.number, y.number)));
    for (int i = 1; i < byDate.size(); i++) {
      if (compare(byDate.get(i - 1).number, byDate.get(i).number) > 0) {
        findings.bookkeeping(
            "6.1.14 sorted revision history: "
                + byDate.get(i - 1).number
                + " is dated before "
                + byDate.get(i).number);
      }
    }
    if (!byDate.isEmpty()) {
      String last = withoutBuild(byDate.get(byDate.size() - 1).number);
      String current = withoutBuild(version);
      if (status.equals("draft")) {
        current = current.replaceFirst("-.*", "");
      }
      if (!last.equals(current)) {
        findings.bookkeeping(
            "6.1.16 latest document version: version "
                + version
                + " but the latest revision is "
                + last);
      }
    }
    List<Revision> byNumber = new ArrayList<>(history);
    byNumber.sort((a, b) -> compare(a.number, b.number));
    if (!byNumber.isEmpty() && major(byNumber.get(0).number) > 1) {
      findings.bookkeeping(
          "6.1.21 missing item in revision history: it starts at " + byNumber.get(0).number);
    }
    for (int i = 1; i < byNumber.size(); i++) {
      if (major(byNumber.get(i).number) - major(byNumber.get(i - 1).number) > 1) {
        findings.bookkeeping(
            "6.1.21 missing item in revision history between "
                + byNumber.get(i - 1).number
                + " and "
                + byNumber.get(i).number);
      }
    }
  }

  private static OffsetDateTime date(String s) throws AdvisoryFormatException {
    try {
      return OffsetDateTime.parse(s);
    } catch (DateTimeParseException e) {
      throw new AdvisoryFormatException("revision_history date is not a date-time: " + s, e);
    }
  }

  private static long major(String v) {
    Matcher m = SEMVER.matcher(v);
    if (m.matches()) {
      return Long.parseLong(m.group(1));
    }
    return INTEGER.matcher(v).matches() ? Long.parseLong(v) : -1;
  }

  private static String prerelease(String v) {
    Matcher m = SEMVER.matcher(v);
    return m.matches() && m.group(4) != null ? m.group(4) : "";
  }

  private static String withoutBuild(String v) {
    int plus = v.indexOf('+');
    return plus < 0 ? v : v.substring(0, plus);
  }

  /** Integer or semantic version order (pre-release before release). */
  private static int compare(String a, String b) {
    Matcher x = SEMVER.matcher(a);
    Matcher y = SEMVER.matcher(b);
    if (x.matches() && y.matches()) {
      for (int g = 1; g <= 3; g++) {
        int c = Long.compare(Long.parseLong(x.group(g)), Long.parseLong(y.group(g)));
        if (c != 0) {
          return c;
        }
      }
      String pa = x.group(4);
      String pb = y.group(4);
      if (pa == null || pb == null) {
        return pa == null ? (pb == null ? 0 : 1) : -1;
      }
      return pa.compareTo(pb);
    }
    return Long.compare(major(a), major(b));
  }

  private static final class Revision {
    final String number;
    final OffsetDateTime date;

    Revision(String number, OffsetDateTime date) {
      this.number = number;
      this.date = date;
    }
  }
}
