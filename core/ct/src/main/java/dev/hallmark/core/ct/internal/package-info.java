/** Implementation details of {@code dev.hallmark.core.ct}; not a public API. */
package dev.hallmark.core.ct.internal;
