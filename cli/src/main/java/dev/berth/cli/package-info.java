/** The {@code berth} command-line tool: a demo of the library against a local engine. Not API. */
package dev.berth.cli;
