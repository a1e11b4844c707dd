/** RFC 6962 certificate-transparency log on the Hallmark log engine. */
package dev.hallmark.ctlog;
