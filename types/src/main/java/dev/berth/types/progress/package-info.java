/** The JSON progress lines that long-running image operations stream. */
package dev.berth.types.progress;
