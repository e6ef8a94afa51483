/**
 * Images as the engine reports them: list items ({@code GET /images/json}), inspection, history,
 * removal and prune answers, search results, registry (distribution) inspection, and the
 * {@code aux} objects of build and push progress streams (the progress lines themselves are
 * {@link dev.berth.types.progress.ProgressMessage}s). Records map the API's JSON one to one;
 * fields an engine omits decode as {@code null}, collections as empty.
 */
package dev.berth.types.images;
