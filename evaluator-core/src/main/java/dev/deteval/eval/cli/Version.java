package dev.deteval.eval.cli;

import picocli.CommandLine.IVersionProvider;

/** Reads the version from the jar manifest ("dev" when run from classes). */
final class Version implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String v = Main.class.getPackage().getImplementationVersion();
        return new String[] {"deteval " + (v == null ? "dev" : v)};
    }
}
