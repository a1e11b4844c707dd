/**
 * Implementation of {@code dev.hallmark.core.match}: the version schemes, codecs and converters.
 */
package dev.hallmark.core.match.internal;
