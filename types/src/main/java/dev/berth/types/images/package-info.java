/**
 * Images as the engine reports them, starting with the list items of {@code GET /images/json}.
 * Records map the API's JSON one to one; fields an engine omits decode as {@code null},
 * collections as empty.
 */
package dev.berth.types.images;
