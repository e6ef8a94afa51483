package dev.berth.catalog;

/** Where an operation's parameter goes in the HTTP request. */
public enum ParameterPlace {
  /** In the path template, e.g. {@code {id}} in {@code /containers/{id}/start}. */
  PATH,
  /** In the query string. */
  QUERY,
  /** In a request header, e.g. {@code X-Registry-Auth}. */
  HEADER,
  /** The request body (given separately when invoking). */
  BODY
}
