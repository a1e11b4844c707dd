/** The checks behind {@link dev.hallmark.core.verify.BundleVerifier}; not an API. */
package dev.hallmark.core.verify.internal;
