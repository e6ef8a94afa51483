package dev.berth.config;

import dev.berth.client.BerthException;

/**
 * The configuration cannot be used: a malformed {@code DOCKER_HOST} or {@code DOCKER_API_VERSION},
 * a context that does not exist, an unreadable {@code config.json} or {@code meta.json}. The
 * message names the variable or file; it never contains a credential.
 */
public class ConfigurationException extends BerthException {
  private static final long serialVersionUID = 1L;

  /** An error with a message. */
  public ConfigurationException(String message) {
    super(message);
  }

  /** An error with a message and a cause. */
  public ConfigurationException(String message, Throwable cause) {
    super(message, cause);
  }
}
