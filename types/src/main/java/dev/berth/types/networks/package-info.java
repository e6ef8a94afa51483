/**
 * Networks as the engine reports them ({@code GET /networks}, {@code GET /networks/{id}}) and the
 * answers of the network operations. Records map the API's JSON one to one; fields an engine
 * omits decode as {@code null}, collections as empty.
 */
package dev.berth.types.networks;
