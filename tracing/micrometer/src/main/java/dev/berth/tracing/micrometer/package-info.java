/** Placeholder: filled in by the tracing work (issue 10). */
package dev.berth.tracing.micrometer;
