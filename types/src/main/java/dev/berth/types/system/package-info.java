/**
 * Engine-wide information: version ({@code GET /version}), system information
 * ({@code GET /info}), disk usage ({@code GET /system/df}), event stream messages
 * ({@code GET /events}) and the headers of {@code GET /_ping}. Records map the API's JSON one to
 * one; fields an engine omits decode as {@code null}, collections as empty.
 */
package dev.berth.types.system;
