package dev.corsjaxrs.core;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.ref.SoftReference;
import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * The Public Suffix List (ICANN and private sections), embedded in the jar at build time from the
 * copy Apache HttpClient 5 ships ({@code public-suffix-list.gz} beside this class: the rules and
 * the list's {@code VERSION} line). A name is a public suffix where a rule lists it, or where a
 * wildcard rule ({@code *.ck}) covers it and no exception ({@code !www.ck}) takes it out; names
 * compare in their ASCII (punycode) form. Read at deployment, only where an origin pattern needs
 * it, and kept softly: the memory goes back once policies are compiled and the heap is wanted.
 */
final class PublicSuffixes {

  static final String RESOURCE = "public-suffix-list.gz";

  private static SoftReference<PublicSuffixes> loaded = new SoftReference<>(null);

  private final Set<String> rules = new HashSet<>();
  private final Set<String> wildcards = new HashSet<>();
  private final Set<String> exceptions = new HashSet<>();
  private String version = "unknown";

  private PublicSuffixes(InputStream compressed) throws IOException {
    try (BufferedReader lines =
        new BufferedReader(
            new InputStreamReader(new GZIPInputStream(compressed), StandardCharsets.UTF_8))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        if (line.startsWith("// VERSION: ")) {
          version = line.substring("// VERSION: ".length()).strip();
        } else if (line.startsWith("!")) {
          exceptions.add(ascii(line.substring(1)));
        } else if (line.startsWith("*.")) {
          wildcards.add(ascii(line.substring(2)));
        } else if (!line.isEmpty()) {
          rules.add(ascii(line));
        }
      }
    }
  }

  /** The embedded list, read on first use and kept while memory allows. */
  static synchronized PublicSuffixes get() {
    PublicSuffixes list = loaded.get();
    if (list == null) {
      list = read();
      loaded = new SoftReference<>(list);
    }
    return list;
  }

  /** Reads the embedded list anew. */
  static PublicSuffixes read() {
    try (InputStream in = PublicSuffixes.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the jar lacks " + RESOURCE + " beside PublicSuffixes");
      }
      return new PublicSuffixes(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the embedded Public Suffix List", e);
    }
  }

  /**
   * Whether anyone can register a name directly under this one.
   *
   * @param name a host name, lower case
   * @return true where the list makes it a public suffix
   */
  boolean isPublicSuffix(String name) {
    String ascii = ascii(name);
    if (rules.contains(ascii)) {
      return true;
    }
    int dot = ascii.indexOf('.');
    return dot > 0 && wildcards.contains(ascii.substring(dot + 1)) && !exceptions.contains(ascii);
  }

  /** The list's version, for messages and README: {@code 2025-09-23_13-07-02_UTC}. */
  String version() {
    return version;
  }

  private static String ascii(String name) {
    try {
      return IDN.toASCII(name, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      return name.toLowerCase(Locale.ROOT);
    }
  }
}
