package dev.berth.types.containers;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.berth.types.internal.Normalize;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The processes of a container as {@code ps} lists them, {@code GET /containers/{id}/top}. The
 * columns depend on the {@code ps_args} query parameter (default {@code -ef}); every value is a
 * string.
 *
 * @param titles    column titles, e.g. {@code UID}, {@code PID}, {@code CMD}
 * @param processes one row per process, with one value per title
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ContainerTop(
    @JsonProperty("Titles") List<String> titles,
    @JsonProperty("Processes") List<List<String>> processes) {

  // Normalises missing lists to empty ones.
  public ContainerTop {
    titles = Normalize.list(titles);
    processes = Normalize.listOfLists(processes);
  }

  /**
   * Returns one process as a map from column title to value, in column order.
   *
   * @param index the row
   * @return the row keyed by title; columns missing from a short row are left out
   * @throws IndexOutOfBoundsException if there is no such row
   */
  public Map<String, String> process(int index) {
    List<String> row = processes.get(index);
    Map<String, String> result = new LinkedHashMap<>();
    for (int i = 0; i < titles.size() && i < row.size(); i++) {
      result.put(titles.get(i), row.get(i));
    }
    return result;
  }
}
