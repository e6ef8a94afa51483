/**
 * Implementation helpers shared by the records; not exported from the module and not API.
 */
package dev.berth.types.internal;
