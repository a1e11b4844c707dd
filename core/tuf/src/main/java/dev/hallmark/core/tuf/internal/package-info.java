/** Implementation details of {@code dev.hallmark.core.tuf}; not a public API. */
package dev.hallmark.core.tuf.internal;
