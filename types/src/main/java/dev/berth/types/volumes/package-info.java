/**
 * Volumes as the engine reports them ({@code GET /volumes}, {@code GET /system/df}) and the answers of the volume operations. Records map
 * the API's JSON one to one; fields an engine omits decode as {@code null}, collections as empty.
 */
package dev.berth.types.volumes;
