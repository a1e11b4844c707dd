package dev.hallmark.core.findings.internal;

import dev.hallmark.core.findings.Evidence;
import dev.hallmark.core.findings.FindingStatus;
import java.util.List;

/** One advisory statement about one component, before precedence picks the effective one. */
public record Statement(
    Parsed component,
    String vulnerability,
    List<String> aliases,
    FindingStatus status,
    String justification,
    String severity,
    Double baseScore,
    Evidence evidence) {}
