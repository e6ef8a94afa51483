package dev.berth.bench.cold;

/**
 * The child process of {@link ColdStart}: connects with one contestant, pings (and lists the
 * labelled containers, decoded), prints {@code ok} and exits. Each contestant lives in a class of
 * its own so that a child loads only its contestant's classes (its class path holds only them).
 *
 * <p>{@code java -cp <contestant's class path> dev.berth.bench.cold.ColdMain CONTESTANT ping|pinglist LABEL}
 */
public final class ColdMain {
  private ColdMain() {}

  public static void main(String[] args) throws Exception {
    String contestant = args[0];
    boolean list = args[1].equals("pinglist");
    String label = args.length > 2 ? args[2] : "dev.berth.bench";
    int n;
    switch (contestant) {
      case "berth":
        n = ColdBerth.run(list, label);
        break;
      case "floor":
        n = ColdFloor.run(list, label);
        break;
      case "dockerJavaHc5":
        n = ColdDockerJavaHc5.run(list, label);
        break;
      case "dockerJavaZerodep":
        n = ColdDockerJavaZerodep.run(list, label);
        break;
      default:
        throw new IllegalArgumentException("unknown contestant " + contestant);
    }
    System.out.println("ok " + n);
    System.out.flush();
  }
}
