/** Protobuf-JSON readers behind {@link dev.hallmark.core.bundle}; not an API. */
package dev.hallmark.core.bundle.internal;
